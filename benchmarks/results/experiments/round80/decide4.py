"""Round 80's pre-registered rule for set D4 (`twice.py`: A's halved Adagrad long picks at twice the re-rank's best),
against set A on the same rows as ``decide.py``, by the same rule; ``../../exam133_preregistration.md`` says how D and
D4 are decided together.

    python benchmarks/results/experiments/round80/decide4.py 131 132 133 134 [...] > benchmarks/results/experiments/round80/decide4.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".adagrad4", "D4", 8, "Adagrad long plans at twice the re-rank's best", long=True)
