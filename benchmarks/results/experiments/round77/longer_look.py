"""Round 77 (measures something new on spent exams; decides nothing): would a longer look order the Adam-family short
plans' warmed-up larger LRs as the full run does?

Round 76 found the short plans' far-too-low picks are Adam / AdamW / Adamax rows whose T/3 re-rank ranked a no-warmup
choice b above the warmed-up 2b (and 4b), while the full run's best sits several times higher behind a 20% warmup; no
recorded signal told them apart from the other Adam rows. Here every Adam-family short row of exams 71-124 with a
recorded eval_data recipe is probed again with today's code, exactly as the search probes a re-rank candidate (the same
initial snapshot and data order, the cooldown shape, ranked by the factory's eval_data), at the re-rank's horizon (T/3,
to check the replay) and at twice it (2T/3): b without warmup and b, 2b, 4b, 8b behind the 20% warmup (b: the no-warmup
screen's best stable rung). One line of JSON per workload. Run from the repository root, one thread:
    python benchmarks/results/experiments/round77/longer_look.py --out benchmarks/results/experiments/round77/look.jsonl
then `read_look.py` reads the winners off the exams' grids.
"""
import argparse
import json
import math
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, "benchmarks")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round23"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round76"))
from coverage import picked  # noqa: E402
from exam_pool import exam_number  # noqa: E402
from low_misses import ADAM, screen_best  # noqa: E402

from warmfind.probing.holdout import hold_out  # noqa: E402
from warmfind.probing.measure import load_workload  # noqa: E402
from warmfind.probing.options import ProbeOptions  # noqa: E402
from warmfind.probing.prober import Prober  # noqa: E402
from warmfind.probing.search import SearchPlan  # noqa: E402

WARMUP = 0.2


def rows() -> list[dict]:
    """The Adam-family short rows (eval_data) of exams 71-124: exam, workload, total steps, b, the pick's LR ratio."""
    out = []
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(71, 125))):
        e = exam_number(exam)
        if r["long"] or r["data"] != "eval" or r["optimizer"].split("_")[0] not in ADAM:
            continue
        found = screen_best(rec["evidence"]["probes"])
        if found is None:
            continue
        rerank = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank"]
        out.append({"exam": e, "workload": r["workload"], "total": total, "b": found[1],
                    "horizon": rerank[0]["horizon"] if rerank else total // 3, "lr_ratio": r["pick"]["lr_ratio"]})
    return out


def prober_for(row: dict) -> tuple[SearchPlan, Prober]:
    """The row's exam workload as the search probes it (its eval_data ranking, seed 0), with its plan."""
    options = ProbeOptions(entrypoint=f"benchmarks/exam{row['exam']}_workloads.py:build", total_steps=row["total"],
                           factory_args={"name": row["workload"]}, device="cpu", threads=1)
    workload, _ = hold_out(load_workload(options), False, seed=0, use_eval_data=True)
    return SearchPlan.for_run(row["total"]), Prober(workload, torch.device("cpu"), seed=0)


def look(row: dict) -> dict:
    plan, prober = prober_for(row)
    b = row["b"]
    probes = []
    for lr, fraction in ((b, 0.0), (b, WARMUP), (2 * b, WARMUP), (4 * b, WARMUP), (8 * b, WARMUP)):
        for h in (row["horizon"], 2 * row["horizon"]):
            sched = plan.schedule(lr, fraction, h, plan.rerank_shape)
            run, _ = prober.run(sched.lr_at, h, "rerank", lr, sched.warmup_steps, sched.shape, data_seed=prober.seed)
            probes.append({"lr": lr, "fraction": fraction, "horizon": h, "stopped": run.stopped,
                           "eval": run.eval_loss if run.stopped is None and run.eval_loss is not None else math.inf})
    return {**row, "probes": probes}


def collect(rows: list[dict], look, out: Path, label=lambda row: "") -> None:  # noqa: ANN001
    """Probe each row not yet in ``out`` (JSON lines, appended as each finishes, so a run can resume) with ``look``;
    round 83's ``other_look.py`` collects its rows the same way."""
    torch.set_num_threads(1)
    done = {(d["exam"], d["workload"]) for d in map(json.loads, out.read_text().splitlines())} if out.exists() else set()
    for row in rows:
        if (row["exam"], row["workload"]) in done:
            continue
        began = time.monotonic()
        try:
            result = look(row)
        except Exception as exc:  # a workload that no longer builds: say so, go on
            result = {**row, "error": f"{type(exc).__name__}: {exc}"}
        with out.open("a") as fh:
            fh.write(json.dumps(result) + "\n")
        print(f"exam {row['exam']} {row['workload']}{label(row)}: {time.monotonic() - began:.0f} s "
              f"{result.get('error', '')}", file=sys.stderr, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    collect(rows(), look, Path(ap.parse_args().out))


if __name__ == "__main__":
    main()
