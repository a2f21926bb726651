"""Round 97's revert test, prepared after its adoption (exams 159-174), pre-registered from exam 175
(`../../exam175_preregistration.md`): the product (WARMUP_TIE 5%) against set V (tag `.tie1`: the worktree at each
module's commit with `revert.patch` applied, WARMUP_TIE back at 1%; `auto3.sh N tie1`), on the rows V moves, short and
long plans pooled, from exam 175.
Decided as round 97 was (``decide.py``'s ``wins`` / ``no_harm``, with V in T's place): once 6 or more rows with
eval_data have moved, V (the revert) is adopted only if it wins round 58's rule there and does no harm without
eval_data; otherwise round 97 stays.

    python benchmarks/results/experiments/round97/revert.py N1 N2 [...] > benchmarks/results/experiments/round97/revert.txt
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_spec = importlib.util.spec_from_file_location("round97_decide", HERE / "decide.py")
_d = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_d)

if __name__ == "__main__":
    _d.decide_set([int(a) for a in sys.argv[1:]], ".tie1", "V", "round 97 stays",
                  lambda reverted: "round 97's revert (set V, WARMUP_TIE 1%) "
                  + ("adopted" if reverted else "not adopted: round 97 stays"))
