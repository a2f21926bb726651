"""Round 23: the cause the recorded explanation gives for every short-plan row over 3% regret in the pooled first
scorings. Run from the repository root:
    python benchmarks/results/experiments/round23/causes.py > benchmarks/results/experiments/round23/causes.txt
"""
import json,sys
sys.path.insert(0,"benchmarks"); sys.path.insert(0,"benchmarks/results/experiments/round23")
from coverage import recorded
import collections
c=collections.Counter()
for exam, score, r, f in recorded(short_only=True):
    if r["pick"]["regret"]<=0.03: continue
    e=json.load(open(f))["recommendation"]["explanation"]
    e0=e[0]
    if "sits closer than 2x" in e0: k="margin"
    elif "held constant" in " ".join(e) and "lowered to" in " ".join(e): k="check step-down"
    elif "moved from the measured" in e0: k="moved (warmup margin etc.)"
    elif "of the stable candidates" in e0 or "lowest" in e0: k="measured best at T/3"
    else: k="other: "+e0[:80]
    c[k]+=1
    print(f"{exam:<8}{r['workload']:<26}{r['data']:<8}{r['pick']['regret']:+.1%}  {k}")
print(c)
