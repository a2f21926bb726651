"""Round 84's motive on spent exams (descriptive, deciding nothing): the Adagrad long picks as round 80 ships them (the
re-rank's best, unhalved: set D on exams 132-134, set A on exams 135-136), read off the full-length grids (round 23's
interpolation in log LR, at the pick's warmup) at 1x, sqrt(2)x (set Q) and 2x (round 80's D4). Run from the
repository root:
    python benchmarks/results/experiments/round84/readoff.py > benchmarks/results/experiments/round84/readoff.txt
"""
import json
import math
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parents[3]), str(HERE.parents[1] / "round23")]
from coverage import grid_means, loss_at  # noqa: E402

RES = HERE.parents[2]
SCORED = {132: "score.5cf7cf2.adagrad.json", 133: "score.a25311a.adagrad.json",
          134: "score.5a8b873.adagrad.json", 135: "score.e79e7b1.json", 136: "score.b0fa7bc.json"}
FACTORS = (1.0, 2 ** 0.5, 2.0)


def main() -> None:
    for data in ("eval", "no-eval"):
        rows = []
        for exam, name in SCORED.items():
            for r in json.loads((RES / f"exam{exam}" / name).read_text())["rows"]:
                if not r["long"] or r["data"] != data or not r["optimizer"].startswith("adagrad"):
                    continue
                grid, p = grid_means(RES / f"exam{exam}", r["workload"]), r["pick"]
                read = [loss_at(grid, k * p["lr"], p["warmup_steps"] / r["total_steps"]) for k in FACTORS]
                if None in read:
                    continue
                rows.append((exam, r["workload"], p["lr_ratio"], p["regret"], [v / r["best"]["loss"] - 1 for v in read]))
        print(f"{data}: exam | workload | pick LR / best | scored | read off at 1x, 1.41x, 2x")
        for exam, name, ratio, scored, read in rows:
            print(f"  {exam} {name:<40} {ratio:5.2f} {scored:+8.1%}   " + "  ".join(f"{v:+9.1%}" for v in read))
        for i, k in enumerate(FACTORS):
            v = [x[4][i] for x in rows]
            base = [x[4][0] for x in rows]
            print(f"  {k:.2f}x: {len(v)} rows, median {statistics.median(v):+.1%}, over 8% {sum(x > 0.08 for x in v)}, "
                  f"within 3% {sum(x <= 0.03 for x in v)}, read as diverged {sum(math.isinf(x) for x in v)}; against 1x "
                  f"better by over a point on {sum(a < b - 0.01 for a, b in zip(v, base))}, worse on "
                  f"{sum(a > b + 0.01 for a, b in zip(v, base))}")
        print()


if __name__ == "__main__":
    main()
