"""Round 105's candidate, written as picks for full runs (`fullruns.sh`; spent exams only, deciding nothing): on every
lifted short pick of exams 4-178's pooled first scorings whose choice had no warmup, where a re-rank probe behind a
warmup failed above the choice and at most 2x above the lifted LR, the lift is held 2x (SAFETY_RATIO) under the
smallest such failure, and where that would not lift the choice at all the choice ships as measured (its LR, no
warmup). Writes ``/tmp/z105/picks.c.examN.jsonl`` (the changed rows only, as ``exam.py`` reads picks) and lists them.

    python benchmarks/results/experiments/round105/candidate.py
"""
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path[:0] = ["benchmarks/results/experiments/round23", "benchmarks/results/experiments/round56"]
from coverage import picked  # noqa: E402
from offline import write  # noqa: E402

OUT = Path("/tmp/z105")


def candidate(rec: dict, choice: float, lifted: float, lifted_warmup: int) -> tuple[float, int] | None:
    """(peak LR, warmup steps) the candidate ships, or None where it ships the lift unchanged."""
    probes = (rec.get("evidence") or {}).get("probes", [])
    fails = [p["peak_lr"] for p in probes if p["stage"] == "rerank" and p.get("failed") and p.get("warmup_steps")
             and choice * (1 + 1e-6) < p["peak_lr"] <= 2 * lifted * (1 + 1e-6)]
    if not fails:
        return None
    ceiling = min(fails) / 2
    if ceiling <= choice * (1 + 1e-6):
        return choice, 0
    return min(ceiling, lifted), lifted_warmup


def changed() -> Iterator[tuple[str, dict, int, tuple[float, int]]]:
    """The short rows of exams 4-178 the candidate changes: (exam, scored row, planned steps, its (peak LR, warmup))."""
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(4, 179))):
        m = (rec.get("recommendation") or {}).get("measured") or {}
        if r["long"] or m.get("moved_by") != "warmup-lift" or m.get("warmup_steps"):
            continue
        c = candidate(rec, m["peak_lr"], r["pick"]["lr"], r["pick"]["warmup_steps"])
        if c is not None and not (abs(c[0] / r["pick"]["lr"] - 1) < 1e-6 and c[1] == r["pick"]["warmup_steps"]):
            yield exam, r, total, c


def main() -> None:
    write(changed(), OUT, "c")


if __name__ == "__main__":
    main()
