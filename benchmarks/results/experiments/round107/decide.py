"""Round 107's pre-registered test (`../../exam187_preregistration.md`'s amendment): the product against set G (tag
`.adawarm`, `adawarm.py`: an Adagrad long pick that ships without warmup ships at sqrt(2) x its LR behind a 5% warmup),
on the rows G moves (long plans only), from exam 187 on. Decided as round 97 was (its ``decide.py``'s ``wins`` /
``no_harm``, with G in T's place): once 6 or more rows with eval_data have moved, G is adopted only if it wins round
58's rule there and does no harm without eval_data. Set C (tag `.checkundo`, `checkundo.py`: on Adagrad long plans the
stability check's lowering undone; the second amendment) is decided the same way on its own rows; both are printed.

    python benchmarks/results/experiments/round107/decide.py 187 188 [...] > benchmarks/results/experiments/round107/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round97"))
from set_rule import decide_set  # noqa: E402

if __name__ == "__main__":
    decide_set([int(a) for a in sys.argv[1:]], ".adawarm", "G", "the product stays as it is",
                  lambda adopted: "round 107 (set G, Adagrad long picks without warmup warmed up 5% at sqrt(2)x) "
                  + ("adopted" if adopted else "not adopted"), lengths=" (long plans)")
    print()
    decide_set([int(a) for a in sys.argv[1:]], ".checkundo", "C", "the product stays as it is",
                  lambda adopted: "round 107 (set C, the check's lowering undone on Adagrad long plans) "
                  + ("adopted" if adopted else "not adopted"), lengths=" (long plans)")
