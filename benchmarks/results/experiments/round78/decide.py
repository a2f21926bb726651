"""Round 78's pre-registered decision (`../../exam129_preregistration.md`), written before any fresh U score was read:
round 76's five conditions (`../round76/decide.py`) on the short rows where set U's pick differs from set A's, pooled
per regime over fresh exams from 129 on, decided from 8 such rows per regime. Run from the repository root:
    python benchmarks/results/experiments/round78/decide.py 129 130 [...]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round76"))
from decide import main  # noqa: E402

if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]], tag="upward", name="round 78, set U", need=8, letter="U")
