"""Round 100's set Q4 for a pre-registered exam: what the product would ship with ``HALVING_SHARES["adagrad"] =
2 ** 0.75``, made offline from set A's picks. A's Adagrad long picks that round 84's share moved (recipe
``measured.moved_by == "halving"``: the re-rank saw under an eighth of the run and the probes chose) go to 2^(3/4) x
the re-rank's best (``measured.peak_lr``), the warmup unchanged; where a probe at the choice's warmup failed at or
below that (the recipe's ``confidence.nearest_unstable_lr``), ``second_run``'s guard ships the best itself. Every
other pick is unchanged (A's picks at the best itself because the guard fired at sqrt(2) stay there, as the product
would leave them). Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round100/share.py <exam picks.A.jsonl> <out picks.A.share75.jsonl>
    # prints the names moved, with the factor on A's pick
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round56"), str(HERE.parent / "round82")]
from offline import measured_choice, move  # noqa: E402
from rehalve import adagrad_long  # noqa: E402

SHARE = 2 ** 0.75


def q4(rec: dict, pick: dict) -> float | None:
    """Q4's peak for one pick, or None where it is A's."""
    choice = measured_choice(rec, "halving")
    if choice is None or not adagrad_long(rec):
        return None
    best = choice[0]
    failed = ((rec.get("recommendation") or {}).get("confidence") or {}).get("nearest_unstable_lr")
    raised = best * SHARE
    return best if failed is not None and failed <= raised * (1 + 1e-9) else raised


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], q4, lambda f: f"x{f:.3f}"))
