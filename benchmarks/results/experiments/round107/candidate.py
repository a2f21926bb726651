"""Round 107's candidate, written as picks for full runs (`fullruns.sh`; spent exams 139-186 only, deciding nothing):
an Adagrad long pick (round 82's ``adagrad_long``: a re-rank that saw under an eighth of the run, the probes' choice)
that ships without warmup, because the re-rank's choice had none, ships at sqrt(2) x its LR (2x the re-rank's best)
behind a 5% warmup instead (`long_shares.py`'s reading: on such rows the full-run best sits a median 4.6x above the
re-rank's best, against 2.4x where the choice warmed up). Writes ``/tmp/z107/picks.g.examN.jsonl`` (the changed rows
only, as ``exam.py`` reads picks) and lists them; with the argument ``c``, set C's instead (`checkundo.py`: the
stability check's lowering undone on Adagrad long plans), as ``picks.c.examN.jsonl``.

    python benchmarks/results/experiments/round107/candidate.py [c]
"""
import sys
from pathlib import Path

sys.path[:0] = ["benchmarks/results/experiments/round23", "benchmarks/results/experiments/round56",
               "benchmarks/results/experiments/round82", "benchmarks/results/experiments/round107"]
from checkundo import undone  # noqa: E402
from coverage import picked  # noqa: E402
from offline import write  # noqa: E402
from rehalve import adagrad_long  # noqa: E402

OUT = Path("/tmp/z107")
FACTOR = 2 ** 0.5
WARMUP = 0.05  # the full-length grids' warmed-up column on long plans (their columns: 0 and 5%)


def candidate(rec: dict, lr: float, warmup_steps: int, total: int) -> tuple[float, int] | None:
    """(peak LR, warmup steps) the candidate ships, or None where it leaves the pick as it is."""
    if warmup_steps or not adagrad_long(rec):
        return None
    return FACTOR * lr, round(WARMUP * total)


def set_c(rec: dict, lr: float, warmup_steps: int, total: int) -> tuple[float, int] | None:
    """Set C's (peak LR, warmup steps), or None where it leaves the pick as it is."""
    up = undone(rec, lr)
    return None if up is None else (up, warmup_steps)


def main(letter: str) -> None:
    rule = set_c if letter == "c" else candidate
    rows = ((exam, r, total, rule(rec, r["pick"]["lr"], r["pick"]["warmup_steps"] or 0, total))
            for exam, r, rec, total, wf, grid, best in picked(exams=set(range(139, 187))) if r["long"])
    write(((exam, r, total, c) for exam, r, total, c in rows if c is not None), OUT, letter)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "g")
