"""Round 56's set R for a pre-registered exam: set A's halved picks (``recommendation.measured.moved_by`` is
``halving``: the re-rank saw under an eighth of the run) whose optimizer is RAdam, times q (the largest
step the re-rank's probe took over the largest the full run takes at the same peak LR, RAdam's rectification term
times the schedule: ``readoff.ratio``); every other pick unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round56/rectify.py <exam picks.A.jsonl> <out picks.R.jsonl>
    # prints the names moved, with q
"""
import sys

from offline import move
from readoff import ratio


def rectified(rec: dict, p: dict) -> float | None:
    if ((rec["recommendation"] or {}).get("measured") or {}).get("moved_by") != "halving":
        return None
    found = ratio(rec, p["total_steps"], p.get("warmup_steps") or 0)
    return p["peak_lr"] * found[0] if found else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], rectified, lambda f: f"x{f:.3f}"))
