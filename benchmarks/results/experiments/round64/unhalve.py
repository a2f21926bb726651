"""Round 64's set H for a pre-registered exam: set A's halved long picks (``recommendation.measured.moved_by`` is
``halving``) put back to the re-rank's best (``recommendation.measured``: the recipe before the halving) where the
recipe's optimizer is SGD (``workload.optimizer.name`` is ``sgd``: plain, momentum or Nesterov); every other pick
unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round64/unhalve.py <exam picks.A.jsonl> <out picks.H.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import measured_choice, move, optimizer_name  # noqa: E402


def unhalved(rec: dict, optimizer: str = "sgd") -> tuple[float, int] | None:
    """The re-rank's best and its warmup where a long pick under ``optimizer`` was halved, else None (round 65 passes
    ``rmsprop``)."""
    return measured_choice(rec, "halving") if optimizer_name(rec) == optimizer else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: unhalved(rec), lambda f: f"x{f:.3f}"))
