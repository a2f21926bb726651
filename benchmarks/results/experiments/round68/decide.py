"""Round 68's pre-registered rule (`../../exam109_preregistration.md`): set A against set U (`unlift.py`: A's lifted
NAdam and RAdam short picks put back to the re-rank's choice, A's 20% warmup kept), each set scored once per exam, on
the short rows U moved, pooled over every pre-registered exam from 109 on; decided once, at the first reading with at
least 8 moved rows per regime. U is adopted only if, in each regime, it wins all five: median lower, within 3% at
least as often, over 8% no more often, capped mean lower (each regret capped at +100%, a divergence counting +100%),
and better on more rows than worse beyond max(1 point, 2 x the row's seed noise).

    python benchmarks/results/experiments/round68/decide.py 109 110 [...] > benchmarks/results/experiments/round68/decide.txt

Round 69 (`../round69/decide.py`) shares ``capped_mean`` and ``five``.
"""
import importlib.util
import math
import statistics
import sys
from pathlib import Path

# round 56's decide.py under its own name (round 52's revert.py imports round 52's module called decide)
_spec = importlib.util.spec_from_file_location("round56_decide", Path(__file__).resolve().parent.parent / "round56" / "decide.py")
_r56 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r56)

CAP = 1.0


def capped_mean(xs: list[float]) -> float:
    """The mean regret with each row capped at +100% (a divergence counts +100%): round 67's mean condition could not
    separate two sets that both held a divergence (both means infinite)."""
    return statistics.mean(min(x, CAP) if math.isfinite(x) else CAP for x in xs)


def five(ours: list[float], theirs: list[float], noise: list[float]) -> tuple[tuple[bool, ...], int, int]:
    """(the four conditions for ``theirs`` against ``ours``: median lower, within 3% at least as often, over 8% no more
    often, capped mean lower), rows better and worse beyond the margin."""
    conds = (statistics.median(theirs) < statistics.median(ours),
             sum(v <= 0.03 for v in theirs) >= sum(v <= 0.03 for v in ours),
             sum(v > 0.08 for v in theirs) <= sum(v > 0.08 for v in ours),
             capped_mean(theirs) < capped_mean(ours))
    return (conds, *_r56.margin_wins(ours, theirs, noise))


def counts(v: list[float]) -> str:
    return (f"median {statistics.median(v):+.1%}, within 3% {sum(x <= 0.03 for x in v)}, over 8% "
            f"{sum(x > 0.08 for x in v)}, capped mean {capped_mean(v):+.1%}, worst {max(v):+.1%}")


def main(exams: list[int], least: int = 8) -> None:
    verdicts = []
    pairs = _r56.paired(exams, ".unlift", long=False)
    for data in ("eval", "no-eval"):
        found = pairs[data]
        for exam, name, x, y, sd in found:
            print(f"  exam {exam} {data:<8} {name:<32} A {x:+9.1%}   U {y:+9.1%}   seed noise {sd:.1%}")
        if len(found) < least:
            print(f"{data}: {len(found)} rows moved: fewer than {least}, no decision yet")
            verdicts.append(None)
            continue
        ra, ru, sd = ([r[i] for r in found] for i in (2, 3, 4))
        conds, better, worse = five(ra, ru, sd)
        verdicts.append(all(conds) and better > worse)
        print(f"{data}: {len(found)} rows\n  A (lifted): {counts(ra)}\n  U (the choice): {counts(ru)}\n"
              f"  four conditions {conds}; beyond the margin U better on {better}, worse on {worse}")
    if None in verdicts:
        print(f"Decision: none yet (fewer than {least} moved rows in a regime); the product stays as it is")
    else:
        print(f"Decision: no lift under NAdam and RAdam {'adopted' if all(verdicts) else 'not adopted'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
