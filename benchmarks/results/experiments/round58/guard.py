"""Round 58's set G for a pre-registered exam: set A's lifted short picks (``recommendation.measured.moved_by`` is
``warmup-lift``) whose constant-LR check failed above the choice (a check probe at a larger peak LR than the choice:
the check steps down only after a failure) put back to the choice, keeping A's 20% warmup; every other pick
unchanged. Exact offline, from each pick's recorded recipe (looked up beside the picks file where the recorded path
is gone).

    python benchmarks/results/experiments/round58/guard.py <exam picks.A.jsonl> <out picks.G.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import move  # noqa: E402


def guarded(rec: dict) -> float | None:
    """The choice's peak LR where the lift put the pick above a failed constant-LR check, else None."""
    measured = (rec.get("recommendation") or {}).get("measured") or {}
    if measured.get("moved_by") != "warmup-lift":
        return None
    choice = measured["peak_lr"]
    failed = [p for p in rec["evidence"]["probes"] if p["stage"] == "check" and p["peak_lr"] > choice * 1.001]
    return choice if failed else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: guarded(rec), lambda f: f"x{f:.3f}"))
