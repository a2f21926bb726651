"""Round 42 (measures something new on spent exams; decides nothing by itself): the re-rank's candidates at half its
horizon.

For every long-plan row (3,000 steps) of the pooled first scorings with a recorded recipe, the recorded re-rank
candidates (peak LR, warmup fraction; the union over both data regimes) are probed again with today's code, exactly as
the search probes them (the same initial snapshot and data order, the re-rank's cooldown shape), at half the re-rank's
horizon (91 of 182 steps) and, with ``--full``, at the recorded horizon too (to check the replay, and for exams whose
recipes came from older code). Each probe is ranked both ways the search ranks: by the factory's eval_data and by the
fixed training sample (no eval_data). One line of JSON per workload. Run from the repository root, one thread:
    python benchmarks/results/experiments/round42/half_horizon.py --out benchmarks/results/experiments/round42/half.jsonl 39 40 41 42 43 44 45 46
"""
import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, "benchmarks")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round23"))
from coverage import recorded  # noqa: E402

from warmfind.probing.holdout import hold_out  # noqa: E402
from warmfind.probing.measure import load_workload  # noqa: E402
from warmfind.probing.options import ProbeOptions  # noqa: E402
from warmfind.probing.prober import Prober  # noqa: E402
from warmfind.probing.search import SearchPlan  # noqa: E402


def long_workloads(exams: set[int]) -> dict[tuple[str, str], dict]:
    """(exam, workload) -> {'total', 'horizon', 'candidates': {(lr, fraction): {regime: recorded probe}}}."""
    out: dict[tuple[str, str], dict] = {}
    for exam, _, r, f in recorded(exams=exams):
        if not r["long"]:
            continue
        rec = json.loads(f.read_text())
        probes = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank"]
        if not probes:
            continue
        w = out.setdefault((exam, r["workload"]), {"total": rec["settings"]["total_steps"],
                                                   "horizon": probes[0]["horizon"], "candidates": {}})
        for p in probes:
            key = (p["peak_lr"], round(p["warmup_steps"] / p["horizon"], 3))
            w["candidates"].setdefault(key, {})[r["data"]] = p
    return out


def probe_all(exam: str, name: str, info: dict, full: bool) -> dict:
    number = exam.split()[-1]
    options = ProbeOptions(entrypoint=f"benchmarks/exam{number}_workloads.py:build", total_steps=info["total"],
                           factory_args={"name": name}, device="cpu", threads=1)
    workload = load_workload(options)
    plan = SearchPlan.for_run(info["total"])
    with_eval, _ = hold_out(workload, False, seed=0, use_eval_data=True)
    sample, _ = hold_out(workload, False, seed=0, use_eval_data=False)
    prober = Prober(with_eval, torch.device("cpu"), seed=0)
    horizons = [info["horizon"] // 2] + ([info["horizon"]] if full else [])
    rows = []
    for (lr, fraction), recs in sorted(info["candidates"].items()):
        for h in horizons:
            sched = plan.schedule(lr, fraction, h, plan.rerank_shape)
            prober.workload = with_eval
            run, _ = prober.run(sched.lr_at, h, "rerank", lr, sched.warmup_steps, sched.shape, data_seed=prober.seed)
            prober.workload = sample
            ts = prober.evaluate() if run.stopped is None else math.nan
            rows.append({"lr": lr, "fraction": fraction, "horizon": h, "stopped": run.stopped,
                         "eval": run.eval_loss if run.stopped is None else math.nan, "train_sample": ts,
                         "loss_tail": statistics.fmean(run.losses[-max(1, h // 5):]) if run.losses else math.nan,
                         "recorded": {k: {"eval_loss": p.get("eval_loss"), "loss": p["loss"], "failed": p.get("failed")}
                                      for k, p in recs.items()}})
    return {"exam": exam, "workload": name, "total": info["total"], "horizon": info["horizon"], "probes": rows}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("exams", type=int, nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--full", action="store_true", help="also re-probe at the recorded horizon")
    args = ap.parse_args()
    torch.set_num_threads(1)
    out = Path(args.out)
    done = {(d["exam"], d["workload"]) for d in map(json.loads, out.read_text().splitlines())} if out.exists() else set()
    for (exam, name), info in long_workloads(set(args.exams)).items():
        if (exam, name) in done:
            continue
        began = time.monotonic()
        try:
            row = probe_all(exam, name, info, args.full)
        except Exception as exc:  # a workload that no longer builds: say so, go on
            row = {"exam": exam, "workload": name, "error": f"{type(exc).__name__}: {exc}"}
        with out.open("a") as fh:
            fh.write(json.dumps(row) + "\n")
        print(f"{exam} {name}: {time.monotonic() - began:.0f} s {row.get('error', '')}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
