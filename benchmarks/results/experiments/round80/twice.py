"""Round 80's set D4 for a pre-registered exam: set A's halved Adagrad long picks put at twice the re-rank's best (4x
the halved pick, its warmup unchanged); every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round80/twice.py <exam picks.A.jsonl> <out picks.D4.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round56"), str(HERE.parent / "round64")]
from offline import move  # noqa: E402
from unhalve import unhalved  # noqa: E402


def twice(rec: dict) -> tuple[float, int] | None:
    found = unhalved(rec, "adagrad")
    return (2 * found[0], found[1]) if found else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: twice(rec), lambda f: f"x{f:.3f}"))
