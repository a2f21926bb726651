"""Round 52's set W for a pre-registered exam: set A's short-plan picks (plans whose re-rank saw at least an eighth of
the run, so the pick is the re-rank's choice, unhalved: the exams' 300-step plans) with the peak LR raised by 2^(1/4)
and a 20% warmup; every other pick unchanged. Exact offline, from the picks file alone.

    python benchmarks/results/experiments/round52/warm_short.py <exam picks.A.jsonl> <out picks.W.jsonl>
    # prints the names moved
"""
import json
import sys

UP, WARMUP, SHORT = 2 ** 0.25, 0.2, 300

src, out = sys.argv[1], sys.argv[2]
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    if p.get("peak_lr") and p["total_steps"] <= SHORT:
        p = dict(p, peak_lr=p["peak_lr"] * UP, warmup_steps=int(round(WARMUP * p["total_steps"])))
        names.add(p["name"])
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print(" ".join(sorted(names)))
