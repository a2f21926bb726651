"""Round 39's set S for a pre-registered exam: set A's picks with the peak LR replaced by the LR the recipe's own
`second-run` advice names (the re-rank's measured best, twice the pick, since round 38 halved long-plan picks),
every other pick unchanged. It is what a user who follows the advice trains second; scoring it tallies the better of
the two full runs. Exact offline: the advice is read from each pick's recorded recipe.

    python benchmarks/results/experiments/round39/second_run.py <exam picks.A.jsonl> <out picks.S.jsonl>
    # prints the names moved
"""
import json
import sys

src, out = sys.argv[1], sys.argv[2]
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    if p.get("peak_lr"):
        advice = json.load(open(p["recipe"])).get("advice") or []
        other = next((a["other_lr"] for a in advice if a["kind"] == "second-run"), None)
        if other is not None:
            p = dict(p, peak_lr=other)
            names.add(p["name"])
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print(" ".join(sorted(names)))
