"""Round 30: today's picks against the own-warmup margin's, on every row where the rule moved the choice, and the
decision fixed in ../../exam25_preregistration.md, exam 24 (which motivated the rule) not counted
(python compare.py > compare.txt; round 24's ``compare``)."""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "round24"))
from compare import compare  # noqa: E402

if __name__ == "__main__":
    compare(HERE, "own", "own margin", exclude=("exam24",))
