"""Round 70's read-off (descriptive, spent exams read again after their first scorings, deciding nothing): set E
(`eighth.py`: RAdam long picks at an eighth of the re-rank's best instead of a quarter) made from exams 105-112's
first-scoring picks (the first scored with round 66's quarter), each moved row trained at full length (round 64's
``readoff.main``). Prints A's and E's regret per moved row and a summary per regime.

    python benchmarks/results/experiments/round70/readoff.py > benchmarks/results/experiments/round70/readoff.txt
"""
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))
from eighth import eighth  # noqa: E402

sys.path.insert(0, str(here.parent / "round64"))
from readoff import main  # noqa: E402

if __name__ == "__main__":
    main(*(map(int, sys.argv[1:3]) if len(sys.argv) > 2 else (105, 112)), new_lr=lambda rec, p: eighth(rec),
         which="RAdam long", set_name="E")
