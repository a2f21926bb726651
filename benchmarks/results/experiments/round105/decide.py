"""Round 105's test, prepared after its full runs on spent exams (`fullruns.txt`), not yet pre-registered: the product
against set L (tag `.liftcap`: the worktree at each module's commit with `product.patch` applied: the short-plan lift
held SAFETY_RATIO below every re-rank probe above the choice that failed behind a warmup, and no lift where that
leaves nothing above the choice; `auto3.sh N liftcap`), on the rows L moves, short plans (the only ones the lift acts
on), from the first exam a pre-registration names. Decided as round 97 was (its ``decide.py``'s ``wins`` /
``no_harm``, with L in T's place): once 6 or more rows with eval_data have moved, L is adopted only if it wins round
58's rule there and does no harm without eval_data.

    python benchmarks/results/experiments/round105/decide.py N1 N2 [...] > benchmarks/results/experiments/round105/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round97"))
from set_rule import decide_set  # noqa: E402

if __name__ == "__main__":
    decide_set([int(a) for a in sys.argv[1:]], ".liftcap", "L", "the product stays as it is",
                  lambda adopted: "round 105 (set L, the lift held under failures behind a warmup) "
                  + ("adopted" if adopted else "not adopted"), lengths="")
