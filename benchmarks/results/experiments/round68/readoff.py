"""Round 68 (descriptive, spent exams read again, deciding nothing): the short-plan lift by optimizer.

For every short-plan row of the pooled first scorings in the exams given, the full-length loss is read off the exam's
grid (round 23's ``loss_at``: seeds 0 and 1, interpolated in log LR at a 20% warmup) at the re-rank's choice x 1,
2^(1/4) and 2^(1/2) (the lift that ships since exam 71, round 53). Every short pick of exams 71-108 was lifted
(``moved_by`` ``warmup-lift``). Rows are grouped by the workload's optimizer, then NAdam and RAdam together against
the rest. Nothing is re-run; a regret above +100% (or a divergence) counts as +100% in the capped mean.

    python benchmarks/results/experiments/round68/readoff.py 71 108 > benchmarks/results/experiments/round68/readoff71_108.txt
    python benchmarks/results/experiments/round68/readoff.py 39 70 > benchmarks/results/experiments/round68/readoff39_70.txt
"""
import importlib.util
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks/results/experiments/round23")
sys.path.insert(0, "benchmarks/results/experiments/round54")
from check_guard import choice  # noqa: E402
from coverage import loss_at, picked  # noqa: E402
from unlift import UNLIFTED  # noqa: E402  (this folder's: the optimizers set U moves)

# the rule's capped mean, from this folder's decide.py under its own name (round 52's revert.py imports a module called
# decide)
_spec = importlib.util.spec_from_file_location("round68_decide", Path(__file__).resolve().parent / "decide.py")
_decide = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_decide)
capped_mean = _decide.capped_mean

FACTORS = (1.0, 2 ** 0.25, 2 ** 0.5)
NAMES = ("x1.00", "x1.19", "x1.41")


def line(label: str, xs: list[list[float]]) -> None:
    for i, name in enumerate(NAMES):
        v = [x[i] for x in xs]
        print(f"  {label:<22} {len(v):3d} rows  {name}: median {statistics.median(v):+6.1%}, within 3% {sum(a <= 0.03 for a in v):3d}, "
              f"over 8% {sum(a > 0.08 for a in v):3d}, capped mean {capped_mean(v):+6.1%}, worst {max(v):+.1%}")


def main(first: int, last: int) -> None:
    rows: dict[tuple[str, str], list[list[float]]] = {}
    for exam, r, rec, total, _, grid, best in picked(exams=set(range(first, last + 1))):
        if r["long"]:
            continue
        vals = [loss_at(grid, choice(rec, r["pick"]["lr"]) * f, 0.2) for f in FACTORS]
        if None in vals:
            continue
        reg = [v / best - 1 if math.isfinite(v) else math.inf for v in vals]
        rows.setdefault((r["data"], r["optimizer"].split("_")[0]), []).append(reg)
    for data in ("eval", "no-eval"):
        print(f"{data}:")
        for (d, opt), xs in sorted(rows.items()):
            if d == data:
                line(opt, xs)
        line("nadam + radam", [x for (d, o), xs in rows.items() if d == data and o in UNLIFTED for x in xs])
        line("the others", [x for (d, o), xs in rows.items() if d == data and o not in UNLIFTED for x in xs])


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
