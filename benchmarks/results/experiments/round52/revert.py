"""Round 52's pre-registered revert rule (`../../exam65_preregistration.md`): on exams 65-66's short rows, set A (the
lifted pick) against set U (the re-rank's choice, unlifted), both scored once. The lift reverts only if, in both
regimes, U's median regret is lower, U is within 3% on at least as many rows, and over 8% on no more.

    python benchmarks/results/experiments/round52/revert.py 65 66 > benchmarks/results/experiments/round52/revert.txt
"""
import statistics
import sys

from decide import scored


def conditions(ours: list[float], theirs: list[float], mean: bool = False) -> tuple[bool, ...]:
    """Whether ``theirs`` beats ``ours`` on round 52's three conditions (median lower, within 3% at least as often,
    over 8% no more often), and with ``mean`` a fourth (mean regret lower; rounds 55-56)."""
    conds = (statistics.median(theirs) < statistics.median(ours),
             sum(v <= 0.03 for v in theirs) >= sum(v <= 0.03 for v in ours),
             sum(v > 0.08 for v in theirs) <= sum(v > 0.08 for v in ours))
    return conds + (statistics.mean(theirs) < statistics.mean(ours),) if mean else conds


def rule(exams: list[int], tag: str, ours: str, theirs: str, letter: str | None = None, mean: bool = False) -> bool:
    """Set A (``ours``) against the set scored with ``tag`` (``theirs``) on ``exams``' short rows, printed row by row;
    True where the other set wins round 52's three conditions in both regimes (median lower, within 3% at least as
    often, over 8% no more often), and with ``mean`` a fourth (mean regret lower; round 55)."""
    a, u = {}, {}
    for exam in exams:
        a.update(scored(exam, ""))
        u.update(scored(exam, tag))
    wins = []
    for data in ("eval", "no-eval"):
        keys = sorted(k for k in a if k[1] == data)
        ra, ru = [a[k]["pick"]["regret"] for k in keys], [u[k]["pick"]["regret"] for k in keys]
        for k, x, y in zip(keys, ra, ru):
            print(f"  {data:<8} {k[0]:<28} A ({ours}) {x:+7.1%}   {letter or theirs[0].upper()} ({theirs}) {y:+7.1%}")
        conds = conditions(ra, ru, mean)
        t = letter or theirs[0].upper()
        if mean:
            print(f"{data}: mean A {statistics.mean(ra):+.1%}, {t} {statistics.mean(ru):+.1%}; worst A {max(ra):+.1%}, "
                  f"{t} {max(ru):+.1%}")
        wins.append(all(conds))
        print(f"{data}: median A {statistics.median(ra):+.1%}, {t} {statistics.median(ru):+.1%}; within 3% A "
              f"{sum(v <= 0.03 for v in ra)}, {t} {sum(v <= 0.03 for v in ru)}; over 8% A {sum(v > 0.08 for v in ra)}, "
              f"{t} {sum(v > 0.08 for v in ru)}; A better by over a point on {sum(x < y - 0.01 for x, y in zip(ra, ru))}, "
              f"worse on {sum(x > y + 0.01 for x, y in zip(ra, ru))}; {t}'s {('three', 'four')[mean]} conditions: {conds}")
    return all(wins)


if __name__ == "__main__":
    reverts = rule([int(a) for a in sys.argv[1:]], ".unlift", "lifted", "unlifted")
    print(f"Decision: the lift {'reverts' if reverts else 'stays'}")
