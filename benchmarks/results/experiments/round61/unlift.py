"""Round 61's set U for a pre-registered exam: set A's lifted short picks (``recommendation.measured.moved_by`` is
``warmup-lift``) put back to the re-rank's choice with the warmup measured for it (``recommendation.measured``: the
recipe before the lift); every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round61/unlift.py <exam picks.A.jsonl> <out picks.U.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import measured_choice, move  # noqa: E402


def unlifted(rec: dict) -> tuple[float, int] | None:
    """The choice's peak LR and measured warmup steps where the lift moved the pick, else None."""
    return measured_choice(rec, "warmup-lift")


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: unlifted(rec), lambda f: f"x{f:.3f}"))
