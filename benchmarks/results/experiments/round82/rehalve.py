"""Round 82's set H for a pre-registered exam (the revert test of round 80): set A's Adagrad long picks, which round 80
ships at the re-rank's best, halved as before round 80 (half the peak, the warmup unchanged); every other pick
unchanged. A long pick is one whose re-rank saw under ``SECOND_RUN_SHARE`` of the run (where the halving applies) and
which the probes chose (not the range test's fallback). Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round82/rehalve.py <exam picks.A.jsonl> <out picks.H.jsonl>
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[3]), str(HERE.parent / "round56")]
from offline import move, optimizer_name  # noqa: E402

from warmfind.analysis.second_run import saw_enough  # noqa: E402


def adagrad_long(rec: dict) -> bool:
    """An Adagrad pick whose re-rank saw under SECOND_RUN_SHARE of the run and which the probes chose (round 80's
    rows: the re-rank's best, shipped unhalved); round 84's ``share.py`` moves the same rows."""
    reranks = [q["horizon"] for q in rec["evidence"]["probes"] if q["stage"] == "rerank"]
    short_look = bool(reranks) and not saw_enough(max(reranks), rec["recommendation"]["total_steps"])
    chosen = rec["recommendation"].get("rule") != "range-test"
    return optimizer_name(rec) == "adagrad" and short_look and chosen


def scale_adagrad_long(src: str, out: str, factor: float) -> str:
    """``src``'s picks written to ``out`` with every ``adagrad_long`` pick's peak times ``factor`` (the warmup unchanged);
    the moved rows, as ``move`` says them. Set H here (1/2), round 84's Q (sqrt(2)), round 85's B (1/sqrt(2))."""
    return move(src, out, lambda rec, p: factor * p["peak_lr"] if adagrad_long(rec) else None, lambda f: f"x{f:.3f}")


if __name__ == "__main__":
    print(scale_adagrad_long(sys.argv[1], sys.argv[2], 0.5))
