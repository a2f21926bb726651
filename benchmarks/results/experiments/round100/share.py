"""Round 100's set Q4 for a pre-registered exam: set A's Adagrad long picks (round 84: sqrt(2) x the re-rank's best)
one quarter octave higher, at 2^(3/4) x that best, the warmup unchanged; every other pick unchanged. The rows rounds
82, 84 and 85 moved (`../round82/rehalve.py`'s ``adagrad_long``). Exact offline, from each pick's recorded recipe. The
product change it stands for: ``HALVING_SHARES["adagrad"] = 2 ** 0.75``.

    python benchmarks/results/experiments/round100/share.py <exam picks.A.jsonl> <out picks.A.share75.jsonl>
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round82"))
from rehalve import scale_adagrad_long  # noqa: E402

if __name__ == "__main__":
    print(scale_adagrad_long(sys.argv[1], sys.argv[2], 2 ** 0.25))
