"""Round 85's set B for a pre-registered exam (the revert test of round 84): set A's Adagrad long picks, which round 84
ships at sqrt(2) x the re-rank's best, put back at the best itself (round 80's pick), the warmup unchanged; every other
pick unchanged. The rows round 82's H and round 84's Q moved (`../round82/rehalve.py`'s ``adagrad_long``). Exact
offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round85/back.py <exam picks.A.jsonl> <out picks.A.back.jsonl>
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round82"))
from rehalve import scale_adagrad_long  # noqa: E402

if __name__ == "__main__":
    print(scale_adagrad_long(sys.argv[1], sys.argv[2], 2 ** -0.5))
