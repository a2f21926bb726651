"""Round 83, descriptive on spent exams (decides nothing): would round 78's longer look serve the short plans of the
optimizers it does not run for (SGD, NAdam, RAdam, RMSprop, Adagrad, Adadelta, ...)?

Round 78 adopted the look for Adam / AdamW / Adamax only: round 77 measured it on those rows alone. Here every other
short row of exams 71-134 with a recorded eval_data recipe is probed as the product's look probes (`search.py`: the same
initial snapshot and data order, the cooldown shape, ranked by the factory's eval_data): b without warmup and 2b, 4b
behind the 20% warmup over twice the re-rank's horizon (b: the no-warmup screen's best stable rung, round 77's
reading of the re-rank's first pair). One line of JSON per workload. Run from the repository root, one thread:
    python benchmarks/results/experiments/round83/other_look.py --out benchmarks/results/experiments/round83/look.jsonl
then `read_other.py` reads set U's rule (the lifted winner taken only above the pick) off the exams' grids.
"""
import argparse
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = ["benchmarks", str(HERE.parent / "round23"), str(HERE.parent / "round76"), str(HERE.parent / "round77")]
from coverage import picked  # noqa: E402
from exam_pool import exam_number  # noqa: E402
from longer_look import collect, prober_for  # noqa: E402
from low_misses import ADAM, screen_best  # noqa: E402

from warmfind import defaults  # noqa: E402

PAIRS = ((1, 0.0), (2, 0.2), (4, 0.2))  # the product's look: multiples of b, warmup fraction


def rows(first: int = 71, last: int = 134) -> list[dict]:
    """The short rows (eval_data) of exams first-last whose optimizer the look skips: exam, workload, total, b, the
    pick's LR and the re-rank's horizon."""
    out = []
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(first, last + 1))):
        if r["long"] or r["data"] != "eval" or r["optimizer"].split("_")[0] in ADAM:
            continue
        found = screen_best(rec["evidence"]["probes"])
        rerank = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank"]
        if found is None or not rerank:
            continue
        out.append({"exam": exam_number(exam), "workload": r["workload"], "optimizer": r["optimizer"], "total": total,
                    "b": found[1], "horizon": min(p["horizon"] for p in rerank), "pick_lr": r["pick"]["lr"]})
    return out


def look(row: dict) -> dict:
    plan, prober = prober_for(row)
    h = defaults.LONGER_LOOK_HORIZON * row["horizon"]
    probes = []
    for m, fraction in PAIRS:
        lr = m * row["b"]
        sched = plan.schedule(lr, fraction, h, plan.rerank_shape)
        run, _ = prober.run(sched.lr_at, h, "rerank", lr, sched.warmup_steps, sched.shape, data_seed=prober.seed)
        probes.append({"lr": lr, "fraction": fraction, "horizon": h, "stopped": run.stopped,
                       "eval": run.eval_loss if run.stopped is None and run.eval_loss is not None else math.inf})
    return {**row, "probes": probes}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    collect(rows(), look, Path(ap.parse_args().out), label=lambda row: f" ({row['optimizer']})")


if __name__ == "__main__":
    main()
