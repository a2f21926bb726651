"""Round 107's full runs (`fullruns.sh`, spent exams 139-186 only, deciding nothing): the candidate (`candidate.py`: an
Adagrad long pick without warmup ships at sqrt(2) x its LR behind a 5% warmup) against the product's first scorings on
the rows it changes, per regime, with each row's seed noise (round 105's comparison).

    python benchmarks/results/experiments/round107/fullruns.py > benchmarks/results/experiments/round107/fullruns.txt
    python benchmarks/results/experiments/round107/fullruns.py c > benchmarks/results/experiments/round107/fullruns_c.txt
(set C's: `checkundo.py`, on the rows it changes)
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "round105"))
from fullruns import compare  # noqa: E402

if __name__ == "__main__":
    compare(HERE, f"score.{sys.argv[1] if len(sys.argv) > 1 else 'g'}", "long")
