"""Round 92's motive on spent exams (descriptive, deciding nothing): the Adagrad plans (long and short) of exams
137-142 re-probed with set Z (round 88 narrowed, `../round88/stallext_adagrad.patch`: the upward extension passes a
stall at a shorter horizon) and set Z2 (`stalls.patch`: under Adagrad a probe that only stalled fails neither the
extension nor the margin), against the product's picks as scored (set A on 139-142, round 84's sqrt(2) set on 137-138),
all read off the full-length grids (round 23's interpolation in log LR at the pick's warmup, seeds 0 and 1). Read-offs
run about two points high and mislead across cliffs; the full runs decide. Z2's re-probes: `reprobe.sh` (one thread),
``picks.z2.examN.jsonl`` their copies; Z's picks are round 88's set Y (the same change on Adagrad rows):
``picks.z1.examN.jsonl`` copy `../round88/spent/allN.jsonl` (137-140) and exams 141-142's ``.stallext`` picks.
    python benchmarks/results/experiments/round92/readoff.py > benchmarks/results/experiments/round92/readoff.txt
"""
import importlib.util
import json
import math
import statistics
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("round91_readoff", HERE.parents[1] / "round91" / "readoff.py")
_r91 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r91)
PRODUCT, RES, grid_means, read, score_rows = _r91.PRODUCT, _r91.RES, _r91.grid_means, _r91.read, _r91.score_rows
SETS = ("z1", "z2")


def main() -> None:
    rows = []
    for exam, tag in PRODUCT.items():
        sets = [{(p["name"], p["data"]): p for p in map(json.loads, open(HERE.parent / f"picks.{s}.exam{exam}.jsonl"))}
                for s in SETS]
        for r in score_rows(exam, tag):
            key = (r["workload"], r["data"])
            if key not in sets[1]:
                continue
            grid, best, total = grid_means(RES / f"exam{exam}", r["workload"]), r["best"]["loss"], r["total_steps"]
            a = r["pick"]
            reads = [read(grid, best, a["lr"], a["warmup_steps"], total)]
            reads += [read(grid, best, s[key]["peak_lr"], s[key]["warmup_steps"], total) for s in sets]
            if None in reads:
                print(f"  {exam} {key}: outside the grid, skipped")
                continue
            ratios = [a["lr"] / r["best"]["lr"]] + [(s[key]["peak_lr"] or 0) / r["best"]["lr"] for s in sets]
            rows.append((exam, r["workload"], r["data"], r["long"], ratios, reads, a["regret"]))
    for long in (True, False):
        for data in ("eval", "no-eval"):
            group = [x for x in rows if x[3] == long and x[2] == data]
            print(f"{'long' if long else 'short'} plans, {data}: exam | workload | LR / best: A, Z, Z2 | read off: A, Z, Z2 | A scored")
            for exam, name, _, _, ratios, reads, scored in group:
                print(f"  {exam} {name:<36} " + " ".join(f"{v:5.2f}" for v in ratios) + "   "
                      + " ".join(f"{v:+8.1%}" for v in reads) + f"   {scored:+8.1%}")
            base = [x[5][0] for x in group]
            for i, s in enumerate(("A", "Z", "Z2")):
                v = [x[5][i] for x in group]
                print(f"  {s:<2} {len(v)} rows: median {statistics.median(v):+.1%}, within 3% {sum(x <= 0.03 for x in v)}, "
                      f"over 8% {sum(x > 0.08 for x in v)}, read as diverged {sum(math.isinf(x) for x in v)}; against A better "
                      f"by over a point on {sum(b < a - 0.01 for a, b in zip(base, v))}, worse on "
                      f"{sum(b > a + 0.01 for a, b in zip(base, v))}; LR / best median {statistics.median(x[4][i] for x in group):.2f}")
            print()


if __name__ == "__main__":
    main()
