"""Round 50's registry: spent exams' long-plan workloads at mid lengths (1,000 and 1,500 steps), with ground truth.

warmfind halves a pick whose re-rank saw under an eighth of the run (``defaults.SECOND_RUN_SHARE``): 1,456 steps and
more. That factor was measured only at the exams' two lengths, 300 steps (the re-rank sees a third; never halved)
and 3,000 (it sees 6%; halved). Nothing between, where fine-tuning plans of 1,000-2,000 steps sit. These are the
long plans of exams 55-58 (spent: each was scored once; tea_enose_adamw@long left out, its runs are the slowest),
unchanged but for the length: ``<name>@mid1000`` (the re-rank sees 182 steps, 18%: not halved) and
``<name>@mid1500`` (182 steps, 12%: halved). Their grids (``suite_grid.py --registry mid_plan_workloads``) are the
exams' long-plan grids: warmup 0 and 5%, seeds 0 and 1, a factor-2 ladder from the exam's own ``start_lr``.
Results and the reading: ``benchmarks/results/experiments/round50/``. Nothing here is an exam: these families are
spent, and this registry only measures a constant the exams cannot reach.

    python benchmarks/mid_plan_workloads.py   # the table
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import exam55_workloads  # noqa: E402
import exam56_workloads  # noqa: E402
import exam57_workloads  # noqa: E402
import exam58_workloads  # noqa: E402
from exam_workloads import ExamWorkload, Registry  # noqa: E402

TITLE = "Mid-length plans (round 50)"
LENGTHS = (1000, 1500)
LEFT_OUT = ("tea_enose_adamw@long",)  # its 3,000-step grid took 315 s, twice the next


def _mid(w: ExamWorkload, steps: int) -> ExamWorkload:
    return dataclasses.replace(w, name=w.name.replace("@long", f"@mid{steps}"), total_steps=steps,
                               grid_fractions=(0.0, 0.05), long_of=None)


SOURCES = [w for m in (exam55_workloads, exam56_workloads, exam57_workloads, exam58_workloads)
           for w in m.LONG if w.name not in LEFT_OUT]
MID = tuple(_mid(w, steps) for steps in LENGTHS for w in SOURCES)

REGISTRY = Registry(MID, (), "mid_plan_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list round 50's mid-length plans")
