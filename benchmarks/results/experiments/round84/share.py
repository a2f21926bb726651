"""Round 84's set Q for a pre-registered exam: set A's Adagrad long picks (round 80: the re-rank's best, unhalved) put
at sqrt(2) x that best, the warmup unchanged; every other pick unchanged. The same rows round 82's set H halved
(`../round82/rehalve.py`'s ``adagrad_long``). Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round84/share.py <exam picks.A.jsonl> <out picks.Q.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round82"), str(HERE.parent / "round56")]
from offline import move  # noqa: E402
from rehalve import adagrad_long  # noqa: E402

FACTOR = 2 ** 0.5


def raised(rec: dict, p: dict) -> float | None:
    return FACTOR * p["peak_lr"] if adagrad_long(rec) else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], raised, lambda f: f"x{f:.3f}"))
