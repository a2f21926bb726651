"""Round 56's set N for a pre-registered exam after its adoption: set A's halved RAdam picks put back to half the
re-rank's best (the pick over the ``rectified`` q its recipe's ``second-run`` advice records); every other pick
unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round56/unrectify.py <exam picks.A.jsonl> <out picks.N.jsonl>
    # prints the names moved, with q
"""
import json
import sys

src, out = sys.argv[1], sys.argv[2]
lines, moved = [], []
for line in open(src):
    p = json.loads(line)
    if p.get("peak_lr") and p.get("recipe"):
        advice = [a for a in json.load(open(p["recipe"])).get("advice") or [] if a.get("kind") == "second-run"]
        q = advice[0].get("rectified", 1.0) if advice else 1.0
        if q != 1.0:
            p = dict(p, peak_lr=p["peak_lr"] / q)
            moved.append(f"{p['name']} ({p['data']}) /{q:.3f}")
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print("; ".join(moved))
