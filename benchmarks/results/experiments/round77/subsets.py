"""Round 77, post hoc (read on the same rows as `read_look.py`, so a candidate, not a result): which of the five pairs,
looked at over 2T/3 with the product's lift on the winner, would serve. Run from the repository root:
    python benchmarks/results/experiments/round77/subsets.py > benchmarks/results/experiments/round77/subsets.txt
"""
import json, statistics, sys, itertools
sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked
L=2**0.5
looks={(d["exam"],d["workload"]):d for d in map(json.loads,open('benchmarks/results/experiments/round77/look.jsonl')) if "probes" in d}
cands=[(1,0.0),(1,0.2),(2,0.2),(4,0.2),(8,0.2)]
data=[]
for exam,r,rec,total,wf,grid,best in picked():
    key=(int(str(exam).split()[-1]),r["workload"])
    if r["long"] or r["data"]!="eval" or key not in looks: continue
    d=looks[key]; a=loss_at(grid,r["pick"]["lr"],wf)
    if a is None: continue
    data.append((d,grid,best,a/best-1,r["pick"]["lr_ratio"]<0.35))
for k in (2,3):
  for sub in itertools.combinations(cands,k):
    if (1,0.0) not in sub: continue
    res=[]
    for d,grid,best,a,low in data:
        ps=[p for p in d["probes"] if p["horizon"]==2*d["horizon"] and any(abs(p["lr"]/d["b"]-m)<1e-6 and p["fraction"]==f for m,f in sub)]
        w=min(ps,key=lambda p:p["eval"])
        g=loss_at(grid,L*w["lr"],0.2)
        if g is None: continue
        res.append((a,g/best-1,low))
    A=[x[0] for x in res];G=[x[1] for x in res]
    lowb=sum(g<a-0.01 for a,g,l in res if l); loww=sum(g>a+0.01 for a,g,l in res if l)
    print(sub, len(res), f"pick {statistics.median(A):+.1%} new {statistics.median(G):+.1%} better {sum(g<a-0.01 for a,g in zip(A,G))} worse {sum(g>a+0.01 for a,g in zip(A,G))} over8 {sum(x>0.08 for x in A)}->{sum(x>0.08 for x in G)} | low b/w {lowb}/{loww}")
