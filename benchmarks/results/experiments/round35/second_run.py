"""Round 35 (descriptive, recorded first scorings only): which second full run should a recipe advise?

The near-tie advice (``warmfind/analysis/near_tie.py``) tells a user who can afford a second full run which other LR
to try. Rounds 33-34 found the long plans' misses mostly high (85 of 139 long rows above 1.4x the best LR) but not
all. This scores, for every row of the pooled first scorings whose recipe is kept (``round23/coverage.py``'s
``recorded``), the better of the pick and one second full run, read off the exam's full-length grid (mean of seeds
0 and 1, interpolated in log LR at the nearest warmup fraction; rows where the second run falls outside the grid keep
the pick alone):

- next: the best-measured stable re-rank probe at an LR 1.2x or more away from the pick, at its own warmup
  (``round34/long_look.py``'s ``placed``);
- half / double: the pick's LR / 2 or x 2, at the pick's warmup.

Nothing is re-run. ``--exams`` restricts the rows to some exams (for a fresh reading). Run from the repository root:
    python benchmarks/results/experiments/round35/second_run.py --exams $(seq 4 28) > benchmarks/results/experiments/round35/second_run.txt
    python benchmarks/results/experiments/round35/second_run.py --exams 29 30 > benchmarks/results/experiments/round35/second_run.exams29-30.txt
(``second_run.txt`` was first written without ``--exams`` while the pool held exams 4-28; the "both regimes" lines
were added after the pre-registration, for the decision it names, and change no number.)
"""
import argparse
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
sys.path.insert(0, "benchmarks/results/experiments/round34")
from coverage import loss_at, picked  # noqa: E402
from long_look import placed  # noqa: E402

SECONDS = ("next", "half", "double")


def second(mode: str, rec: dict, grid, lr: float, warmup_fraction: float) -> float | None:
    """The full-length loss of the second run ``mode`` advises, or None where it is off the grid or there is none."""
    if mode in ("half", "double"):
        return loss_at(grid, lr * (0.5 if mode == "half" else 2.0), warmup_fraction)
    others = [v for _, v, other_lr in placed(rec, grid) if abs(other_lr / lr - 1) >= 0.2]  # best measured first
    return others[0] if others else None


def line(name: str, xs: list[float]) -> str:
    s = sorted(xs)
    return (f"{name:<14} median {statistics.median(s):+6.2%}  90th {s[int(0.9 * len(s))]:+6.1%}  "
            f"within 3% {sum(x <= 0.03 for x in s):>3}  over 8% {sum(x > 0.08 for x in s):>3}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exams", type=int, nargs="*", help="only these exams (default: every pooled first scoring)")
    args = ap.parse_args()
    table: dict[tuple[bool, str], list[dict[str, float]]] = {}
    for exam, r, rec, total, wf, grid, best in picked(exams=set(args.exams or ())):
        p = r["pick"]
        out = {"pick": p["regret"]}
        for mode in SECONDS:
            v = second(mode, rec, grid, p["lr"], wf)
            out[mode] = p["regret"] if v is None else min(p["regret"], v / best - 1)
        table.setdefault((r["long"], r["data"]), []).append(out)
    print_tables(table, ("pick", *SECONDS), lambda k: k if k == "pick" else f"pick or {k}")


def print_tables(table: dict[tuple[bool, str], list[dict[str, float]]], keys, label=str, summary=line) -> None:
    """One block per (plan length, regime) of ``table``'s rows, plus both regimes together per plan length (what the
    pre-registered decisions read): a ``summary`` line of each key's regrets, named by ``label``."""
    for long in (False, True):
        table[(long, "both regimes")] = table.get((long, "eval"), []) + table.get((long, "no-eval"), [])
    for (long, data), rows in sorted(table.items()):
        print(f"{'long' if long else 'short'} plans, {data}: {len(rows)} rows")
        for k in keys:
            print("  " + summary(label(k), [x[k] for x in rows]))
        print()


if __name__ == "__main__":
    main()
