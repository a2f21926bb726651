"""Round 58's pre-registered rule (`../../exam79_preregistration.md`): set A against set G (`guard.py`: A's lifted
short picks put back to the choice where the constant-LR check failed above it), each set scored once per exam, on
the short rows G moved, accumulated over every pre-registered exam from 79 on. G is adopted only once there are at
least 6 moved rows per regime and, in each regime, G wins round 56's four conditions (median lower, within 3% at
least as often, over 8% no more often, mean lower) and is better on more rows than worse beyond max(1 point, 2 x the
row's seed noise). With fewer rows: no decision yet.

    python benchmarks/results/experiments/round58/decide.py 79 80 [81 82 ...] > benchmarks/results/experiments/round58/decide.txt
"""
import importlib.util
import statistics
import sys

# round 56's decide.py under its own name (round 52's revert.py imports round 52's module called decide)
_spec = importlib.util.spec_from_file_location("round56_decide", "benchmarks/results/experiments/round56/decide.py")
_r56 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r56)
conditions, margin_wins, paired = _r56.conditions, _r56.margin_wins, _r56.paired


def main(exams: list[int], tag: str = ".guard", letter: str = "G", least: int = 6, what: str = "the guard",
         long: bool = False, pairs: dict | None = None) -> tuple[bool | None, dict[str, float]]:
    """Set A against the set scored with ``tag`` on the short (or ``long``) rows it moved, pooled over ``exams``; decided
    once each regime has ``least`` moved rows. Rounds 61, 62 (short rows) and 64 (long rows) share it. Returns the
    verdict (None: not yet) and the set's median regret per regime on its moved rows (round 80 compares two sets).
    ``pairs`` (``paired``'s shape) replaces the rows read from ``exams`` (round 90 pools two tags)."""
    verdicts, medians = [], {}
    pairs = paired(exams, tag, long=long) if pairs is None else pairs
    for data in ("eval", "no-eval"):
        ra, rg, noise = [], [], []
        for exam, name, x, y, sd in pairs[data]:
            ra.append(x)
            rg.append(y)
            noise.append(sd)
            print(f"  exam {exam} {data:<8} {name:<30} A {x:+9.1%}   {letter} {y:+9.1%}   seed noise {sd:.1%}")
        if len(ra) < least:
            print(f"{data}: {len(ra)} rows moved: fewer than {least}, no decision yet")
            verdicts.append(None)
            continue
        conds = conditions(ra, rg, mean=True)
        medians[data] = statistics.median(rg)
        better, worse = margin_wins(ra, rg, noise)
        verdicts.append(all(conds) and better > worse)
        print(f"{data}: {len(ra)} rows; median A {statistics.median(ra):+.1%}, {letter} {statistics.median(rg):+.1%}; within "
              f"3% A {sum(v <= 0.03 for v in ra)}, {letter} {sum(v <= 0.03 for v in rg)}; over 8% A {sum(v > 0.08 for v in ra)}, "
              f"{letter} {sum(v > 0.08 for v in rg)}; mean A {statistics.mean(ra):+.1%}, {letter} {statistics.mean(rg):+.1%}; "
              f"worst A {max(ra):+.1%}, {letter} {max(rg):+.1%}; four conditions {conds}; beyond the margin {letter} better on "
              f"{better}, worse on {worse}")
    if None in verdicts:
        print(f"Decision: none yet (fewer than {least} moved rows in a regime); the product stays as it is")
        return None, medians
    print(f"Decision: {what} {'adopted' if all(verdicts) else 'not adopted'}")
    return all(verdicts), medians


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
