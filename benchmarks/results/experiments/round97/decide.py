"""Round 97's pre-registered test (`../../exam159_preregistration.md`, committed before any module of exams 159-162):
the product against set T (tag `.tie5`: the worktree at each module's commit with `product.patch` applied,
WARMUP_TIE 5% instead of 1%), by round 58's rule on the rows T moves, short and long rows pooled, from exam 159 on.
Decided once the eval_data regime has 6 or more moved rows: T is adopted only if, there, it wins round 58's rule
(lower median, within 3% at least as often, over 8% no more often, lower mean, better beyond max(1 point, 2 x seed
noise) on more rows than worse) and, without eval_data (where it reaches fewer rows), it does no harm: with 6 or more
rows it wins the same rule; with fewer, its median on them is no higher and it is better beyond the margin on at
least as many rows as worse (no rows: no harm).

    python benchmarks/results/experiments/round97/decide.py 159 160 [...] > benchmarks/results/experiments/round97/decide.txt
"""
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import _r58, paired, rule  # noqa: E402

LEAST = 6


def pooled(exams: list[int], tag: str = ".tie5") -> dict[str, list]:
    """The rows the set scored with ``tag`` moved (T's by default), per regime, short and long plans together (exam,
    then short before long)."""
    short, long = paired(exams, tag, long=False), paired(exams, tag, long=True)
    return {data: sorted(short[data] + long[data], key=lambda row: row[0]) for data in ("eval", "no-eval")}


def _read(rows: list) -> tuple[list[float], list[float], int, int]:
    """A's and T's regrets on ``rows`` and the rows T is better / worse on beyond max(1 point, 2 x seed noise)."""
    ra, rt = [r[2] for r in rows], [r[3] for r in rows]
    return (ra, rt, *_r58.margin_wins(ra, rt, [r[4] for r in rows]))


def wins(rows: list) -> bool:
    """Round 58's rule on one regime's rows: the four conditions and better beyond the margin on more rows than worse."""
    ra, rt, better, worse = _read(rows)
    return all(_r58.conditions(ra, rt, mean=True)) and better > worse


def no_harm(rows: list) -> bool:
    """Without eval_data, fewer than LEAST rows: T's median no higher and better on at least as many rows as worse."""
    if not rows:
        return True
    ra, rt, better, worse = _read(rows)
    return statistics.median(rt) <= statistics.median(ra) and better >= worse



def decide_set(exams: list[int], tag: str, letter: str, stays: str, verdict: Callable[[bool], str],
               lengths: str = " (short and long pooled)") -> None:
    """Another set's pre-registered test decided as this one is (round 97's revert test, rounds 103 and 105): the rows
    the set with ``tag`` moved, round 58's rule read per regime, then the decision once LEAST rows with eval_data have
    moved (``wins`` there and no harm without). ``stays`` ends the line while undecided; ``verdict(adopted)`` is the
    decision."""
    pairs = pooled(exams, tag)
    n_eval, n_none = len(pairs["eval"]), len(pairs["no-eval"])
    print(f"Rows {letter} moved from exam {exams[0]}: {n_eval} with eval_data, {n_none} without{lengths}")
    rule(exams, tag, letter, 1, "by round 58's rule read per regime (not this test's decision, which follows)", pairs=pairs)
    if n_eval < LEAST:
        print(f"Decision: none yet ({n_eval} moved rows with eval_data, fewer than {LEAST}); {stays}")
        return
    harmless = wins(pairs["no-eval"]) if n_none >= LEAST else no_harm(pairs["no-eval"])
    print(f"Decision: {verdict(wins(pairs['eval']) and harmless)}")

if __name__ == "__main__":
    exams = [int(a) for a in sys.argv[1:]]
    pairs = pooled(exams)
    n_eval, n_none = len(pairs["eval"]), len(pairs["no-eval"])
    print(f"Rows T moved from exam {exams[0]}: {n_eval} with eval_data, {n_none} without (short and long pooled)")
    rule(exams, ".tie5", "T", 1, "by round 58's rule read per regime (not this test's decision, which follows)", pairs=pairs)
    if n_eval < LEAST:
        print(f"Decision: none yet ({n_eval} moved rows with eval_data, fewer than {LEAST}); the product stays as it is")
    else:
        harmless = wins(pairs["no-eval"]) if n_none >= LEAST else no_harm(pairs["no-eval"])
        print(f"With eval_data: round 58's rule {'won' if wins(pairs['eval']) else 'not won'}; without ({n_none} rows): "
              f"{'won' if n_none >= LEAST and harmless else 'no harm' if harmless else 'harm'}")
        adopted = wins(pairs["eval"]) and harmless
        print(f"Decision: round 97 (set T, WARMUP_TIE 5%) {'adopted' if adopted else 'not adopted'}")
