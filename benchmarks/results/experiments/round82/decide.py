"""Round 82's pre-registered revert tests (`../../exam135_preregistration.md`), pooled over fresh exams from 135 on:
- round 78 (the Adam-family second look, adopted after exams 129-134): set A against set N (`nolook.patch`: the look
  disabled) on the short rows where N's pick differs, by round 76's five conditions with N in the challenger's place,
  decided once at 8 or more such rows per regime; the look is removed only if N wins all five in both regimes;
- round 80 (Adagrad long plans unhalved, adopted after exams 131-134): set A against set H (`rehalve.py`: those picks
  halved again) on the long rows H moved, by round 58's rule, decided once at 8 or more rows per regime; the halving
  returns for Adagrad only if H wins.

    python benchmarks/results/experiments/round82/decide.py 135 136 [...] > benchmarks/results/experiments/round82/decide.txt
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round76"), str(HERE.parent / "round58")]
from pooled_rule import rule  # noqa: E402  (round 58's, under its own name: round 52's `revert` imports its `decide`)

_spec = importlib.util.spec_from_file_location("round76_decide", HERE.parent / "round76" / "decide.py")
_r76 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r76)
five_conditions = _r76.main

if __name__ == "__main__":
    exams = [int(a) for a in sys.argv[1:]]
    five_conditions(exams, tag="nolook", name="round 82, set N (round 78's look removed)", need=8, letter="N")
    print()
    rule(exams, ".rehalve", "H", 8, "the halving back on Adagrad long plans (round 80 reverted)", long=True)
