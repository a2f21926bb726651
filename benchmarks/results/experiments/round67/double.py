"""Round 67's set H for a pre-registered exam: set A's picks with the peak LR replaced by the LR the long-plan advice
would name under round 67: twice the pick (never above the re-rank's best), at the pick's warmup, on the long rows
where the pick is a share of the re-rank's best (``moved_by`` ``halving``); every other pick unchanged. Under half
(most optimizers) that is the re-rank's best, as set S already has; under RAdam's quarter (round 66) it is half the
re-rank's best, where set S (``../round39/second_run.py``) has the best itself. Exact offline, from each recipe.

    python benchmarks/results/experiments/round67/double.py <exam picks.A.jsonl> <out picks.H.jsonl>
    # prints the names moved, with the factor against A's pick
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import measured_choice, move  # noqa: E402


def doubled(rec: dict, pick: dict) -> tuple[float, int] | None:
    """Twice the pick, at most the re-rank's best, at the pick's warmup, where the halving moved the pick; else None."""
    choice = measured_choice(rec, "halving")
    return (min(2 * pick["peak_lr"], choice[0]), pick.get("warmup_steps") or 0) if choice else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], doubled, lambda f: f"x{f:.3f}"))
