"""Round 84's set Q for a pre-registered exam: set A's Adagrad long picks (round 80: the re-rank's best, unhalved) put
at sqrt(2) x that best, the warmup unchanged; every other pick unchanged. The same rows round 82's set H halved
(`../round82/rehalve.py`'s ``adagrad_long``). Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round84/share.py <exam picks.A.jsonl> <out picks.Q.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round82"))
from rehalve import scale_adagrad_long  # noqa: E402

if __name__ == "__main__":
    print(scale_adagrad_long(sys.argv[1], sys.argv[2], 2 ** 0.5))
