"""Round 27: today's picks against the second-dip rule's, on every row where the rule moved the choice, and the
decision fixed in ../../exam23_preregistration.md (python compare.py > compare.txt; round 24's ``compare``)."""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "round24"))
from compare import compare  # noqa: E402

if __name__ == "__main__":
    compare(HERE, "dip", "two dips")
