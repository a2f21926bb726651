"""Round 75 (descriptive, spent exams trained again at full length, deciding nothing): round 72's candidate for the
lift's cliff tail. Where a lifted short pick's re-rank choice had no warmup and every warmed-up re-rank probe above it
failed, ship the choice as measured instead of 2^(1/2) x it behind a 20% warmup: set N keeps the choice with no
warmup, set W keeps the lift's 20% warmup at no more than half the nearest failed warmed-up probe (the product's 2x
margin, SAFETY_RATIO). Each moved row is trained at full length (round 64's ``readoff.main``: ``exam.py --only`` into
a scratch folder, the cached evaluations copied there), exams 63-120 (the lift's era). Run from the repository root:
    python benchmarks/results/experiments/round75/cliff_lift.py > benchmarks/results/experiments/round75/cliff_lift.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round64"))
from readoff import main as readoff  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import measured_choice  # noqa: E402

def failed_above(rec: dict) -> tuple[float, float] | None:
    """(the choice, the nearest failed warmed-up re-rank probe above it) where a lifted no-warmup choice has no stable
    warmed-up re-rank probe above it but some failed one, else None."""
    choice = measured_choice(rec, "warmup-lift")
    if choice is None or choice[1]:
        return None
    above = [p for p in rec["evidence"]["probes"]
             if p["stage"] == "rerank" and p["warmup_steps"] and p["peak_lr"] > choice[0] * 1.01]
    failed = [p["peak_lr"] for p in above if p["failed"] or p["diverged_step"] is not None]
    return (choice[0], min(failed)) if failed and len(failed) == len(above) else None


def unlifted(rec: dict, p: dict) -> tuple[float, int] | None:
    found = failed_above(rec)
    return (found[0], 0) if found else None


def capped(rec: dict, p: dict) -> tuple[float, int] | None:
    found = failed_above(rec)
    return (min(p["peak_lr"], found[1] / 2), p["warmup_steps"]) if found else None  # the pick as lifted, capped


if __name__ == "__main__":
    print("Set N: the choice with no warmup")
    readoff(63, 120, unlifted, "cliff-lift short", "N")
    print("\nSet W: the lift's warmup at no more than half the nearest failed warmed-up probe")
    readoff(63, 120, capped, "cliff-lift short", "W")
