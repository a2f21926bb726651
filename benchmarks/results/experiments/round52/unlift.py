"""Round 52's set U for a pre-registered exam after its adoption: set A's lifted short-plan picks put back to the
re-rank's choice (the LR and warmup the recipe's first line names: "... x the re-rank's choice, LR with a N-step
warmup" or "with no warmup"); every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round52/unlift.py <exam picks.A.jsonl> <out picks.U.jsonl>
    # prints the names moved
"""
import json
import re
import sys

LINE = re.compile(r"x the re-rank's choice, ([0-9.e+-]+) with (?:a (\d+)-step warmup|no warmup)")

src, out = sys.argv[1], sys.argv[2]
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    if p.get("peak_lr") and p.get("recipe"):
        first = json.load(open(p["recipe"]))["recommendation"]["explanation"][0]
        found = LINE.search(first)
        if found:  # the printed LR has two digits: the exact one is the lifted peak over the factor
            p = dict(p, peak_lr=p["peak_lr"] / 2 ** 0.25, warmup_steps=int(found.group(2) or 0))
            names.add(p["name"])
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print(" ".join(sorted(names)))
