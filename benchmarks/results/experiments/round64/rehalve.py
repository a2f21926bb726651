"""Round 64's revert set V for a pre-registered exam scored with round 64 in the product: set A's SGD long picks the
halving skipped (the re-rank saw under ``SECOND_RUN_SHARE`` of the run: its ``rerank`` probes' horizon, and a measured
choice, not the range test's fallback) halved as before round 64, at the same warmup; every other pick unchanged. Exact
offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round64/rehalve.py <exam picks.A.jsonl> <out picks.V.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import move, optimizer_name  # noqa: E402

SECOND_RUN_SHARE = 1 / 8  # warmfind.defaults.SECOND_RUN_SHARE at round 64's adoption


def rehalved(rec: dict, p: dict) -> float | None:
    """Half the pick where the halving would have applied but for SGD, else None."""
    r = rec.get("recommendation") or {}
    rerank = [q["horizon"] for q in rec["evidence"]["probes"] if q["stage"] == "rerank"]
    skipped = (optimizer_name(rec) == "sgd" and not r.get("measured") and r.get("rule") not in (None, "range-test")
               and rerank and max(rerank) < r["total_steps"] * SECOND_RUN_SHARE)
    return p["peak_lr"] / 2 if skipped else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], rehalved, lambda f: f"x{f:.3f}"))
