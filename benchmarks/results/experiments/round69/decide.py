"""Round 69's pre-registered rule (`../../exam109_preregistration.md`): round 67 again on fresh rows, with a capped
mean. The long-plan advice's second run at twice the pick (set H, `../round67/double.py`) against the advice as it is,
the re-rank's best (set S, `../round39/second_run.py`), on the long rows where the two differ (RAdam's, whose pick is
a quarter of the best), pooled over every pre-registered exam from 109 on (exams 105-108's rows, read for round 67,
are not counted); decided once, at the first reading with at least 8 such rows per regime. Adopted only if, in each
regime, (a) H's advised run beats S's: median lower, within 3% at least as often, over 8% no more often, capped mean
lower (round 68's ``capped_mean``: each regret capped at +100%), better beyond the noise margin on more rows than
worse; and (b) the better of the pick and the advised run is within 3% at least as often and over 8% no more often
with H than with S. Round 67's rule with its mean condition capped, nothing else changed.

    python benchmarks/results/experiments/round69/decide.py 109 110 [...] > benchmarks/results/experiments/round69/decide.txt
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_r67 = _load("round67_decide", HERE / "round67" / "decide.py")
_r68 = _load("round68_decide", HERE / "round68" / "decide.py")


def main(exams: list[int], least: int = 8) -> None:
    _r67.main(exams, least, judge=_r68.five, counts=_r68.counts)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
