"""Round 66's set Q for a pre-registered exam: set A's halved long picks halved once more (a quarter of the re-rank's
best, at its warmup) where the recipe's optimizer is RAdam (``workload.optimizer.name`` is ``radam``); every other pick
unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round66/quarter.py <exam picks.A.jsonl> <out picks.Q.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import measured_choice, move, optimizer_name  # noqa: E402


def quartered(rec: dict) -> tuple[float, int] | None:
    """A quarter of the re-rank's best, at its warmup, where a RAdam long pick was halved, else None."""
    choice = measured_choice(rec, "halving") if optimizer_name(rec) == "radam" else None
    return (choice[0] / 4, choice[1]) if choice else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: quartered(rec), lambda f: f"x{f:.3f}"))
