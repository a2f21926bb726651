"""Round 56's set R for a pre-registered exam: set A's halved picks (``recommendation.measured.moved_by`` is
``halving``: the re-rank saw under an eighth of the run) whose optimizer is RAdam, times q (the largest
step the re-rank's probe took over the largest the full run takes at the same peak LR, RAdam's rectification term
times the schedule: ``readoff.ratio``); every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round56/rectify.py <exam picks.A.jsonl> <out picks.R.jsonl>
    # prints the names moved, with q
"""
import json
import sys

from readoff import ratio

src, out = sys.argv[1], sys.argv[2]
lines, moved = [], []
for line in open(src):
    p = json.loads(line)
    rec = json.load(open(p["recipe"])) if p.get("peak_lr") and p.get("recipe") else None
    if rec and ((rec["recommendation"] or {}).get("measured") or {}).get("moved_by") == "halving":
        found = ratio(rec, p["total_steps"], p.get("warmup_steps") or 0)
        if found:
            p = dict(p, peak_lr=p["peak_lr"] * found[0])
            moved.append(f"{p['name']} ({p['data']}) x{found[0]:.3f}")
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print("; ".join(moved))
