"""Round 68's set U for a pre-registered exam: set A's lifted short picks (``recommendation.measured.moved_by`` is
``warmup-lift``) under NAdam or RAdam put back to the re-rank's choice, keeping A's 20% warmup (the lift factor 1 for
those two optimizers, as ``defaults.HALVING_SHARES`` is per optimizer for the long plans); every other pick unchanged.
Exact offline, from each pick's recorded recipe (looked up beside the picks file where the recorded path is gone).

    python benchmarks/results/experiments/round68/unlift.py <exam picks.A.jsonl> <out picks.U.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import measured_choice, move, optimizer_name  # noqa: E402

UNLIFTED = ("nadam", "radam")  # round 62's SKIPPED (`../round62/nolift.py`); not imported: its `unlift` import would meet
#   this module of the same name


def unlifted(rec: dict, pick: dict) -> float | None:
    """The choice's peak LR (A's warmup kept) where the lift moved a NAdam or RAdam pick, else None."""
    choice = measured_choice(rec, "warmup-lift")
    return choice[0] if choice and optimizer_name(rec) in UNLIFTED else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], unlifted, lambda f: f"x{f:.3f}"))
