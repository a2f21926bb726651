"""Round 80's motive on spent exams (descriptive, deciding nothing): every pooled Adagrad long row of exams 39 on
(round 38's halving in force), its pick as scored against the same LR read off the full-length grid, and 2x (the
re-rank's best: set D) and 4x it, at the pick's warmup (round 23's interpolation in log LR). Run from the repository
root:
    python benchmarks/results/experiments/round80/readoff.py > benchmarks/results/experiments/round80/readoff.txt
"""
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parents[3]), str(HERE.parents[1] / "round23")]
from exam_pool import ROOT, row_regret, rows  # noqa: E402
from coverage import grid_means, loss_at  # noqa: E402

FIRST = 39


def main() -> None:
    print("exam | data | workload | pick LR / best | scored | read off: pick | 2x (D) | 4x")
    for data in ("eval", "no-eval"):
        got = []
        for r in rows():
            n = int(r["exam"].split()[1])
            if n < FIRST or not r["long"] or r["data"] != data or not r["optimizer"].startswith("adagrad"):
                continue
            grid = grid_means(ROOT / f"exam{n}", r["workload"])
            best, lr, w = r["best"]["loss"], r["pick"]["lr"], r["pick"]["warmup_steps"] / r["total_steps"]
            read = [loss_at(grid, k * lr, w) for k in (1, 2, 4)]
            if None in read:
                print(f"{n} | {data} | {r['workload']} | off the grid")
                continue
            got.append((row_regret(r), *(v / best - 1 for v in read)))
            print(f"{n} | {data} | {r['workload']} | {r['pick']['lr_ratio']:.2f} | {got[-1][0]:+.1%} | "
                  + " | ".join(f"{v:+.1%}" for v in got[-1][1:]))
        med = [statistics.median(c) for c in zip(*got)]
        better = sum(x[2] < x[1] - 0.01 for x in got)
        worse = sum(x[2] > x[1] + 0.01 for x in got)
        print(f"{data}: {len(got)} rows; median scored {med[0]:+.1%}, read off pick {med[1]:+.1%}, 2x {med[2]:+.1%}, "
              f"4x {med[3]:+.1%}; 2x against the pick read off: better by over a point on {better}, worse on {worse}\n")


if __name__ == "__main__":
    main()
