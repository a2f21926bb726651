"""Round 53's set X for a pre-registered exam: set A's lifted short-plan picks (``recommendation.measured.moved_by``
is ``warmup-lift`` in the pick's recipe) one more quarter octave up, 2^(1/2) x the re-rank's choice behind the same
20% warmup; every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round53/lift_more.py <exam picks.A.jsonl> <out picks.X.jsonl>
    # prints the names moved
"""
import json
import sys

src, out = sys.argv[1], sys.argv[2]
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    if p.get("peak_lr") and p.get("recipe"):
        measured = (json.load(open(p["recipe"]))["recommendation"] or {}).get("measured") or {}
        if measured.get("moved_by") == "warmup-lift":
            p = dict(p, peak_lr=measured["peak_lr"] * 2 ** 0.5)
            names.add(p["name"])
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print(" ".join(sorted(names)))
