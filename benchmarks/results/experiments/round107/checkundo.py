"""Round 107's second candidate, set C for a pre-registered exam: set A's picks with the constant-LR stability check's
lowering undone on Adagrad long plans (round 82's ``adagrad_long``): a check that failed k times lowered the choice by
CHECK_STEP_DOWN^k (2^(k/4)); the pick goes back up by that factor, its warmup unchanged; every other pick unchanged.
Why: the check holds the peak after a warmup scaled to the re-rank's horizon (36 steps at 3,000, against the plan's
600), and Adagrad's first steps at a constant LR are its largest. Read off spent exams 139-186's grids
(`checkundo.txt`); exact offline, from each pick's recorded recipe (its failed checks are recorded probes); prints the
names moved.

    python benchmarks/results/experiments/round107/checkundo.py <exam picks.A.jsonl> <out picks.C.jsonl>
    python benchmarks/results/experiments/round107/checkundo.py > benchmarks/results/experiments/round107/checkundo.txt
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[3]), str(HERE.parents[2]), str(HERE.parent / "round56"), str(HERE.parent / "round82"),
                str(HERE.parent / "round23"), str(HERE.parent / "round76"), str(HERE)]
from coverage import loss_at, picked  # noqa: E402
from long_shares import moved  # noqa: E402
from offline import move  # noqa: E402
from rehalve import adagrad_long  # noqa: E402

from warmfind import defaults  # noqa: E402


def lowerings(rec: dict) -> int:
    """How many times the stability check lowered the choice (each failed check is a recorded probe)."""
    return sum(p["stage"] == "check" for p in rec["evidence"]["probes"])


def undone(rec: dict, lr: float) -> float | None:
    """The pick's LR with the check's lowering undone, or None where the candidate leaves it."""
    k = lowerings(rec)
    return lr * defaults.CHECK_STEP_DOWN ** k if k and adagrad_long(rec) else None


def spent() -> None:
    """The read-off on spent exams 139-186, per regime."""
    for data in ("eval", "no-eval"):
        a, b = [], []
        for exam, r, rec, total, wf, grid, best in picked(exams=set(range(139, 187))):
            lr = undone(rec, r["pick"]["lr"]) if r["long"] and r["data"] == data else None
            if lr is None:
                continue
            pair = loss_at(grid, r["pick"]["lr"], wf), loss_at(grid, lr, wf)
            if None not in pair:
                a.append(pair[0] / best - 1)
                b.append(pair[1] / best - 1)
        print(f"{data}: {len(a)} Adagrad long rows the check lowered; read off at the pick's warmup: {moved(a, b)}")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        print(move(sys.argv[1], sys.argv[2], lambda rec, p: undone(rec, p["peak_lr"]), lambda f: f"x{f:.3f}"))
    else:
        spent()
