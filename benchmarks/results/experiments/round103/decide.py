"""Round 103's pre-registered test (`../../exam175_preregistration.md`, committed before any module of exams 175-178):
the product against set M (tag `.mid`: the worktree at each module's commit with `product.patch` applied: where the
re-rank's stable candidates within 1% of the measured best span 4x or more in LR, the candidate nearest the band's
geometric middle is the choice; round 101's candidate), on the rows M moves, short and long plans pooled, from exam
175 on. Decided as round 97 was (its ``decide.py``'s ``wins`` / ``no_harm``, with M in T's place): once 6 or more rows
with eval_data have moved, M is adopted only if it wins round 58's rule there and does no harm without eval_data.

    python benchmarks/results/experiments/round103/decide.py 175 176 [...] > benchmarks/results/experiments/round103/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round97"))
from set_rule import decide_set  # noqa: E402

if __name__ == "__main__":
    decide_set([int(a) for a in sys.argv[1:]], ".mid", "M", "the product stays as it is",
                  lambda adopted: f"round 103 (set M, the flat band's middle) {'adopted' if adopted else 'not adopted'}")
