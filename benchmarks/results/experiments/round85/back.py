"""Round 85's set B for a pre-registered exam (the revert test of round 84): set A's Adagrad long picks, which round 84
ships at sqrt(2) x the re-rank's best, put back at the best itself (round 80's pick), the warmup unchanged; every other
pick unchanged. The rows round 82's H and round 84's Q moved (`../round82/rehalve.py`'s ``adagrad_long``). Exact
offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round85/back.py <exam picks.A.jsonl> <out picks.A.back.jsonl>
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round82"), str(HERE.parent / "round56")]
from offline import move  # noqa: E402
from rehalve import adagrad_long  # noqa: E402


def back(rec: dict, p: dict) -> float | None:
    return p["peak_lr"] / 2 ** 0.5 if adagrad_long(rec) else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], back, lambda f: f"x{f:.3f}"))
