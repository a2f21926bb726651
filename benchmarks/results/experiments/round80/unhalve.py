"""Round 80's set D for a pre-registered exam: set A's halved long picks put back to the re-rank's best where the
recipe's optimizer is Adagrad (``workload.optimizer.name`` is ``adagrad``); every other pick unchanged. Round 64's set
H with Adagrad in SGD's place; exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round80/unhalve.py <exam picks.A.jsonl> <out picks.D.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round56"), str(HERE.parent / "round64")]
from offline import move  # noqa: E402
from unhalve import unhalved  # noqa: E402

if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: unhalved(rec, "adagrad"), lambda f: f"x{f:.3f}"))
