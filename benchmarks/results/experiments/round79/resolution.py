"""Round 79 (descriptive, deciding nothing): how sharp are the exams' optima, and how close must a pick land to meet
the issue's "median regret <= 2%"? Read off the full-length grids of exams 39 on (every pooled first-scoring row with
eval_data; the grid is the same for both regimes) and the pooled picks' LR / best. Run from the repository root:
    python benchmarks/results/experiments/round79/resolution.py > benchmarks/results/experiments/round79/resolution.txt

- The lattice's price: the regret of the best cell's LR times 2^(+-1/2), 2^(+-1), 2^(+-2), each at its best warmup of
  the grid's (interpolated in log LR between grid cells, as round 23's ``loss_at``).
- The picks by distance from the best LR (|log2 of LR / best|) with their median regret: what share of rows a picker
  must land within each distance for a 2% median, given how the optimum falls off.
"""
import math
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3]))  # benchmarks/
sys.path.insert(0, str(HERE.parents[1] / "round23"))
from exam_pool import ROOT, row_regret, rows  # noqa: E402
from coverage import grid_means, loss_at  # noqa: E402

FIRST = 39  # round 38's halving of long-plan picks: the era the later rounds read
FACTORS = (2 ** -2, 2 ** -1, 2 ** -0.5, 2 ** 0.5, 2 ** 1, 2 ** 2)
BANDS = (0.25, 0.5, 1.0, 2.0, math.inf)  # |log2(LR / best)| upper edges


def number(exam: str) -> int:
    return int(exam.split()[1])


def at_best_warmup(grid: dict, lr: float) -> float | None:
    found = [v for w in grid if (v := loss_at({w: grid[w]}, lr, w)) is not None]
    return min(found) if found else None


def pct(v: float) -> str:
    return "div" if not math.isfinite(v) else f"{v:+.1%}"


def median(v: list[float]) -> float:
    return statistics.median(v) if v else math.nan


def main() -> None:
    pooled = [r for r in rows() if number(r["exam"]) >= FIRST and r["data"] == "eval"]
    print(f"exams {FIRST}-{max(number(r['exam']) for r in pooled)}, eval_data rows (the grid is the same without): "
          f"{len(pooled)}\n")
    for long in (False, True):
        group = [r for r in pooled if r["long"] == long]
        label = "long" if long else "short"
        price = {f: [] for f in FACTORS}
        better_side, worse_side = [], []
        for r in group:
            grid = grid_means(ROOT / f"exam{number(r['exam'])}", r["workload"])
            best, lr = r["best"]["loss"], r["best"]["lr"]
            at = {f: at_best_warmup(grid, lr * f) for f in FACTORS}
            for f, v in at.items():
                if v is not None:
                    price[f].append(v / best - 1)
            two = [at[f] / best - 1 for f in (0.5, 2.0) if at[f] is not None]
            if len(two) == 2:
                better_side.append(min(two))
                worse_side.append(max(two))
        print(f"## {label} plans ({len(group)} rows): regret of the best LR x factor, at its best warmup")
        print("| factor | rows on the grid | median | 75th pct | share over 2% |")
        print("|---|---|---|---|---|")
        for f in FACTORS:
            v = price[f]
            print(f"| 2^{math.log2(f):+.1f} | {len(v)} | {pct(median(v))} | "
                  f"{pct(sorted(v)[int(0.75 * (len(v) - 1))]) if v else '-'} | {sum(x > 0.02 for x in v)} |")
        print(f"one rung (2x) away, rows with both sides on the grid ({len(better_side)}): the better side median "
              f"{pct(median(better_side))} (over 2% on {sum(x > 0.02 for x in better_side)}), the worse side "
              f"{pct(median(worse_side))} (over 2% on {sum(x > 0.02 for x in worse_side)})\n")
        print(f"the picks ({label}, eval_data) by distance from the best LR: warmfind's, and the plain T/5 grid's argmin")
        print("| |log2(LR / best)| | warmfind rows (share) | median regret | within 2% | plain grid rows (share) | "
              "median regret | within 2% |")
        print("|---|---|---|---|---|---|---|")
        lo = 0.0
        for hi in BANDS:
            cells = []
            for who, regret in (("pick", row_regret), ("plain", lambda r: r["plain"]["regret"])):
                band = [regret(r) for r in group if r.get(who, {}).get("lr_ratio")
                        and lo <= abs(math.log2(r[who]["lr_ratio"])) < hi]
                cells.append(f"{len(band)} ({len(band) / len(group):.0%}) | {pct(median(band))} | "
                             f"{sum(x <= 0.02 for x in band)}")
            print(f"| {lo:g} to {hi:g} | " + " | ".join(cells) + " |")
            lo = hi
        print()


if __name__ == "__main__":
    main()
