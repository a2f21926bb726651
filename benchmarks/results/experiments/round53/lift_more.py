"""Round 53's set X for a pre-registered exam: set A's lifted short-plan picks (``recommendation.measured.moved_by``
is ``warmup-lift`` in the pick's recipe) one more quarter octave up, 2^(1/2) x the re-rank's choice behind the same
20% warmup; every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round53/lift_more.py <exam picks.A.jsonl> <out picks.X.jsonl> [FACTOR]
    # prints the names moved. FACTOR (default 2**0.5) x the choice: 2**0.25 makes set V, the lift put back to round
    # 52's factor, for a revert rule read after round 53's adoption
"""
import json
import sys

src, out = sys.argv[1], sys.argv[2]
factor = float(eval(sys.argv[3], {})) if len(sys.argv) > 3 else 2 ** 0.5  # noqa: S307 - a number like 2**0.25
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    if p.get("peak_lr") and p.get("recipe"):
        measured = (json.load(open(p["recipe"]))["recommendation"] or {}).get("measured") or {}
        if measured.get("moved_by") == "warmup-lift":
            p = dict(p, peak_lr=measured["peak_lr"] * factor)
            names.add(p["name"])
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print(" ".join(sorted(names)))
