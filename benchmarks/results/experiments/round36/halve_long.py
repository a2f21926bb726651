"""Round 36's set H for a pre-registered exam: set A's picks with the peak LR halved wherever the re-rank saw less
than SECOND_RUN_SHARE (1/8) of the planned run, every other pick unchanged. Exact offline: the halving acts after
every probe (the recorded re-rank horizon says where it fires), as round 14's scaling did.

    python benchmarks/results/experiments/round36/halve_long.py <exam picks.A.jsonl> <out picks.H.jsonl>
    # prints the names moved
"""
import json
import sys

SECOND_RUN_SHARE = 1 / 8  # warmfind.defaults.SECOND_RUN_SHARE at the pre-registration (2f9e853 and after)

src, out = sys.argv[1], sys.argv[2]
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    if p.get("peak_lr"):
        recipe = json.load(open(p["recipe"]))
        h = next((q["horizon"] for q in recipe["evidence"]["probes"] if q["stage"] == "rerank"), None)
        if h is not None and h < p["total_steps"] * SECOND_RUN_SHARE:
            p = dict(p, peak_lr=p["peak_lr"] / 2)
            names.add(p["name"])
    lines.append(json.dumps(p))
open(out, "w").write("\n".join(lines) + "\n")
print(" ".join(sorted(names)))
