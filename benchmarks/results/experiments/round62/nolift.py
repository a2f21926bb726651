"""Round 62's set N for a pre-registered exam: set A's lifted short picks put back to the re-rank's choice at its
measured warmup (round 61's ``unlifted``) only where the plan trains with NAdam or RAdam (the recipe's
``workload.optimizer.name``); every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round62/nolift.py <exam picks.A.jsonl> <out picks.N.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round61"))
from offline import move, optimizer_name  # noqa: E402
from unlift import unlifted  # noqa: E402

SKIPPED = ("nadam", "radam")  # the optimizers whose short plans the lift would skip


def nolift(rec: dict) -> tuple[float, int] | None:
    """The unlifted choice where a NAdam or RAdam plan was lifted, else None."""
    return unlifted(rec) if optimizer_name(rec) in SKIPPED else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: nolift(rec), lambda f: f"x{f:.3f}"))
