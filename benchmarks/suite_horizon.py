"""Horizon agreement: how a short probe's ranking of (peak LR, warmup) cells agrees with the full-run ranking.

For every base workload of the suite and every cell of its ground-truth grid (``suite_grid.jsonl``), one seed
(0) is trained for a fraction h of the planned run with the whole schedule compressed into h steps (warmup =
the cell's fraction of h), and scored by held-out loss, exactly as the grid scores full runs. Forms:

- ``cos/16``, ``cos/5``, ``cos/2``: warmup + cosine to 10% over T/16, T/5, T/2 (the screen, default re-rank
  and ``--rerank-fraction 0.5`` horizons of warmfind);
- ``wsd/5``: warmup, constant, linear cooldown over the last 20% of T/5 (a "cooldown probe", Haegele et al. 2024).

Per workload and form it reports the Spearman rank correlation between the probe score and the full-run
2-seed mean over the cells (a diverged run ranks last), the regret at full length of the cell the probe ranks
first (what a plain compressed grid at that horizon would pick), and that cell's LR / the grid-best LR
(above 1: the horizon favours larger LRs). Tune and heldout are reported apart, and per family.

Every record also carries ``train_tail``: the mean training loss over the last 10% of the probe's steps (what a
user without held-out data would rank by).

Resumable (``results/suite_horizon.jsonl``). Run (one torch thread per worker):
    python benchmarks/suite_horizon.py --workers 2
    python benchmarks/suite_horizon.py --summarise-only

Another registry (see suite_grid.py), e.g. the exam's plain compressed grid at T/5:
    python benchmarks/suite_horizon.py --registry exam_workloads --results benchmarks/results/exam --stem horizon \
        --grid benchmarks/results/exam/grid.jsonl --forms cos/5 --workers 1
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import statistics
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suite_workloads as S  # noqa: E402
from suite import grid_best, grid_cells, mean, read_jsonl, rel_path  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
REGISTRY = "suite_workloads"  # --registry
STEM = "suite_horizon"  # --stem: <stem>.jsonl / .json / .md
JSONL = RESULTS / f"{STEM}.jsonl"
GRID = RESULTS / "suite_grid.jsonl"
TAIL = 0.1  # train_tail: the mean training loss over this last share of the probe's steps
FORMS = {"cos/16": ("cosine", 1 / 16), "cos/5": ("cosine", 1 / 5), "cos/2": ("cosine", 1 / 2), "wsd/5": ("wsd", 1 / 5),
         "wsd/4": ("wsd", 1 / 4), "wsd/3": ("wsd", 1 / 3), "wsd/2": ("wsd", 1 / 2)}

Key = tuple[str, str, float, float]  # workload, form, lr, warmup fraction


def horizon_run(name: str, form: str, lr: float, fraction: float, registry: str = "suite_workloads") -> dict[str, Any]:
    import suite_train
    import torch

    torch.set_num_threads(1)
    schedule, share = FORMS[form]
    steps = max(1, int(round(share * suite_train.workloads(registry).get(name).total_steps)))
    started = time.perf_counter()
    out = suite_train.run(name, lr, int(round(fraction * steps)), 0, total_steps=steps, schedule=schedule, registry=registry)
    loss = float(out["heldout"])
    tail = out["losses"][-max(1, int(round(TAIL * steps))):]
    train_tail = None if out["diverged"] or not all(math.isfinite(v) for v in tail) else sum(tail) / len(tail)
    return {"workload": name, "form": form, "lr": lr, "warmup_fraction": fraction, "steps": steps,
            "loss": loss if math.isfinite(loss) else None, "train_tail": train_tail,
            "seconds": round(time.perf_counter() - started, 3)}


def load() -> dict[Key, float]:
    out: dict[Key, float] = {}
    for r in read_jsonl(JSONL):
        out[(r["workload"], r["form"], float(r["lr"]), float(r["warmup_fraction"]))] = (
            math.inf if r["loss"] is None else float(r["loss"]))
    return out


def wanted(names: list[str], grid: list[dict[str, Any]]) -> list[Key]:
    keys = []
    for name in names:
        for lr, fraction in sorted(grid_cells(grid, name)):
            keys += [(name, form, lr, fraction) for form in FORMS]
    return keys


def ranks(values: list[float]) -> list[float]:
    """Average ranks (1-based); ``inf`` values tie for last."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.fmean(ra), statistics.fmean(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    var = math.sqrt(sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb))
    return cov / var if var else math.nan


def summarise(results: dict[Key, float], grid: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    for name, w in S.BASE.items():
        cells = grid_cells(grid, name)
        best = grid_best(cells)
        if best is None:
            continue
        full = {k: mean(v) for k, v in cells.items()}
        for form in FORMS:
            probe = {k: results.get((name, form, *k)) for k in full}
            if any(v is None for v in probe.values()):
                continue
            keys = sorted(full)
            rho = spearman([probe[k] for k in keys], [full[k] for k in keys])
            top = min(keys, key=lambda k: (probe[k], k[0]))
            rows.append({"workload": name, "split": w.split, "family": w.family, "form": form, "cells": len(keys),
                         "spearman": round(rho, 3), "pick_regret": full[top] / best[2] - 1,
                         "pick_lr_ratio": top[0] / best[0], "pick": list(top)})
    return {"rows": rows}


def render(report: dict[str, Any]) -> str:
    rows = report["rows"]
    command = ("`python benchmarks/suite_horizon.py --workers 2` (one torch thread per worker; 4,632 runs, about 17 min on 2 cores)."
               if REGISTRY == "suite_workloads" and STEM == "suite_horizon" else
               f"`python benchmarks/suite_horizon.py --registry {REGISTRY} --results {rel_path(RESULTS)} --stem {STEM} "
               f"--grid {rel_path(GRID)} --forms {' '.join(FORMS)} --workers 1` (one torch thread; "
               f"{report.get('n_runs', 0)} runs, {report.get('cpu_seconds', 0) / 60:.0f} CPU-min).")
    lines = [f"# Horizon agreement{'' if REGISTRY == 'suite_workloads' else ' (' + getattr(S, 'TITLE', REGISTRY) + ')'}", "", "Command: " + command,
             "", "Spearman = rank correlation, over a workload's grid cells (peak LR x warmup), between the held-out loss "
             "of a probe trained for the horizon with the schedule compressed into it (seed 0) and the full-run "
             "2-seed mean. Pick = the cell the probe ranks first, scored at full length (regret vs the grid's best) "
             "and its LR / the best LR.", ""]
    for half in [h for h in ("tune", "heldout") if any(r["split"] == h for r in rows)] + sorted(
            {r["split"] for r in rows} - {"tune", "heldout"}):
        part = [r for r in rows if r["split"] == half]
        lines += [f"## `{half}` half", "", "| form | workloads | median Spearman | median pick regret | worst pick regret | "
                  "median pick LR ratio | picks above the best LR |", "|---|---|---|---|---|---|---|"]
        for form in FORMS:
            rs = [r for r in part if r["form"] == form]
            if not rs:
                continue
            above = sum(r["pick_lr_ratio"] > 1.01 for r in rs)
            lines.append(f"| {form} | {len(rs)} | {statistics.median(r['spearman'] for r in rs):.2f} | "
                         f"{statistics.median(r['pick_regret'] for r in rs):+.1%} | {max(r['pick_regret'] for r in rs):+.1%} | "
                         f"{statistics.median(r['pick_lr_ratio'] for r in rs):.2f} | {above}/{len(rs)} |")
        lines.append("")
    lines += ["## Per family (both halves; Spearman per form, median over the family's workloads)", "",
              "| family | workloads | " + " | ".join(FORMS) + " | pick LR ratio at " + " | ".join(FORMS) + " |",
              "|---|---|" + "---|" * (2 * len(FORMS))]
    families = sorted({r["family"] for r in rows})
    for fam in families:
        cells, ratios = [], []
        n = len({r["workload"] for r in rows if r["family"] == fam})
        for form in FORMS:
            rs = [r for r in rows if r["family"] == fam and r["form"] == form]
            cells.append(f"{statistics.median(r['spearman'] for r in rs):.2f}" if rs else "—")
            ratios.append(f"{statistics.median(r['pick_lr_ratio'] for r in rs):.2f}" if rs else "—")
        lines.append(f"| {fam} | {n} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    lines += ["", "## Per workload", "", "| workload | half | family | cells | " +
              " | ".join(f"{f} rho / regret / LR ratio" for f in FORMS) + " |", "|---|---|---|---|" + "---|" * len(FORMS)]
    for name in S.BASE:
        rs = {r["form"]: r for r in rows if r["workload"] == name}
        if not rs:
            continue
        first = next(iter(rs.values()))
        cols = [f"{rs[f]['spearman']:.2f} / {rs[f]['pick_regret']:+.1%} / {rs[f]['pick_lr_ratio']:.2f}" if f in rs else "—"
                for f in FORMS]
        lines.append(f"| {name} | {first['split']} | {first['family']} | {first['cells']} | " + " | ".join(cols) + " |")
    return "\n".join(lines) + "\n"


def write(results: dict[Key, float], grid: list[dict[str, Any]]) -> None:
    report = summarise(results, grid)
    if REGISTRY != "suite_workloads":
        recs = read_jsonl(JSONL)
        report.update(n_runs=len(recs), cpu_seconds=sum(r["seconds"] for r in recs))
    (RESULTS / f"{STEM}.json").write_text(json.dumps(report, indent=1) + "\n")
    (RESULTS / f"{STEM}.md").write_text(render(report))


def main() -> None:
    global S, REGISTRY, STEM, RESULTS, JSONL, GRID, FORMS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="workload names (default: every base workload, tune first)")
    parser.add_argument("--summarise-only", action="store_true")
    parser.add_argument("--registry", default=REGISTRY, help="the workloads' module (default suite_workloads)")
    parser.add_argument("--results", default=str(RESULTS), help="the folder of <stem>.jsonl / .json / .md")
    parser.add_argument("--stem", default=STEM)
    parser.add_argument("--grid", default=None, help="the ground-truth grid's jsonl (default: <results>/suite_grid.jsonl)")
    parser.add_argument("--forms", nargs="*", choices=list(FORMS), help="only these forms (default: all)")
    args = parser.parse_args()
    REGISTRY, STEM, RESULTS = args.registry, args.stem, Path(args.results)
    S = importlib.import_module(REGISTRY)
    JSONL = RESULTS / f"{STEM}.jsonl"
    GRID = Path(args.grid) if args.grid else RESULTS / "suite_grid.jsonl"
    if args.forms:
        FORMS = {f: FORMS[f] for f in args.forms}
    grid = read_jsonl(GRID)
    results = load()
    if not args.summarise_only:
        import suite_train

        names = args.only or ([n for n, w in S.BASE.items() if w.split == "tune"]
                              + [n for n, w in S.BASE.items() if w.split == "heldout"]
                              + [n for n, w in S.BASE.items() if w.split not in ("tune", "heldout")])
        todo = [k for k in wanted(names, grid) if k not in results]
        print(f"{len(todo)} probe runs to do", flush=True)
        started = time.monotonic()
        with ProcessPoolExecutor(args.workers, initializer=suite_train.init_worker) as pool, JSONL.open("a") as out:
            pending = {pool.submit(horizon_run, *k, REGISTRY) for k in todo[: 2 * args.workers]}
            queue = iter(todo[2 * args.workers:])
            done_count = 0
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    rec = fut.result()
                    out.write(json.dumps(rec) + "\n")
                    out.flush()
                    results[(rec["workload"], rec["form"], rec["lr"], rec["warmup_fraction"])] = (
                        math.inf if rec["loss"] is None else rec["loss"])
                    done_count += 1
                    nxt = next(queue, None)
                    if nxt is not None:
                        pending.add(pool.submit(horizon_run, *nxt, REGISTRY))
                if done_count % 200 < len(finished):
                    print(f"{time.monotonic() - started:7.0f}s  {done_count}/{len(todo)}", flush=True)
                    write(results, grid)
    write(results, grid)
    print((RESULTS / f"{STEM}.md").read_text())


if __name__ == "__main__":
    main()
