"""The held-out suite: warmfind and its peers scored against full-length grids, the `tune` and `heldout` halves apart.

Ground truth is the grid of ``benchmarks/suite_grid.py`` (full planned runs, warmup + cosine, factor-2 LR ladder
with a sqrt(2) refinement, warmup 0/5/20%, 2-4 seeds, held-out loss), read from its jsonl. Every method's pick is
trained by the same plain-torch loop (``suite_train.train``) with the grid's seeds 0 and 1, and scored by
regret = mean held-out loss / best grid cell mean - 1 (a diverged seed scores inf and counts as a divergence).

Methods: warmfind (its probe, seed 0); torch-lr-finder's own range test + steepest-gradient suggestion (the
real library); fastai's valley rule and Lightning's steepest rule on warmfind's range-test curve; Adam's
untuned rule (Ma & Yarats 2019: warmup 2/(1-beta2) steps at LR 1e-3; Adam-family workloads only); a fixed
default (1e-3 for Adam-family, 0.1 for SGD-family, 5% warmup). The LR finders give no warmup: 5% is paired.

Thresholds and heuristics may be chosen on the `tune` half only; `heldout` is reported, never tuned on.

Run (evaluations are cached in benchmarks/results/suite_evals.jsonl, so a re-run only trains what is new):
    pip install torch-lr-finder matplotlib   # benchmark-only dependencies
    python benchmarks/suite.py --workers 2 --out benchmarks/results/suite
    python benchmarks/suite.py --methods warmfind --fresh-warmfind   # after a change to warmfind: re-probe
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
if os.environ.get("WARMFIND_ROOT"):  # score another checkout's warmfind (e.g. before a change) on the same suite
    sys.path.insert(0, os.environ["WARMFIND_ROOT"])

import suite_workloads  # noqa: E402
from recommendation import fastai_valley, lightning_steepest  # noqa: E402

GRID = HERE / "results" / "suite_grid.jsonl"
HORIZON = HERE / "results" / "suite_horizon.jsonl"  # plain compressed grids at the probe horizons (suite_horizon.py)
HORIZON_FORM = "wsd/5"  # the form warmfind's re-rank probes take under a cosine plan (cooldown probes at T/5)
EVALS = HERE / "results" / "suite_evals.jsonl"
PICKS = HERE / "results" / "suite_picks.jsonl"
SEEDS = (0, 1)
FINDER_WARMUP = 0.05
METHODS = ("warmfind", "torch-lr-finder", "fastai valley", "lightning steepest", "adam 2/(1-b2)", "fixed default")
SQRT2 = math.sqrt(2)


def _setup() -> None:
    import warnings

    import torch

    warnings.filterwarnings("ignore")
    torch.set_num_threads(1)


# --- methods (each runs in a worker process) ------------------------------------------------------------------

DATA_MODES = ("eval", "no-eval-holdout", "no-eval-train")


def warmfind_pick(name: str, overrides: dict[str, Any] | None = None, schedule: str = "cosine",
                  data: str = "eval", seeds: int = 1) -> dict[str, Any]:
    """warmfind's probe of the workload (seed 0): its pick, range-test curve, cost and candidate table.

    ``overrides`` replace values in ``warmfind.defaults`` first (a design experiment on the `tune` half).
    ``data``: ``eval`` probes with the workload's eval_data; ``no-eval-*`` as a user with none would (finite pools
    as shuffling DataLoaders), with warmfind's held-back data on or off.
    """
    _setup()
    from warmfind.probing.measure import measure

    override_defaults(overrides or {})
    from warmfind.probing.options import ProbeOptions

    w = suite_workloads.get(name)
    args = {"name": name, **({"no_eval": True} if data != "eval" else {})}
    options = ProbeOptions(entrypoint=f"{HERE / 'suite_workloads.py'}:build", total_steps=w.total_steps, device="cpu",
                           factory_args=args, schedule=schedule, holdout=data == "no-eval-holdout", seeds=seeds)
    started = time.monotonic()
    m = measure(options)
    rec = m.recipe["recommendation"] or {}  # None: the probe recommended nothing (exit 3): scored as a failure
    rt = m.recipe["evidence"]["lr_range_test"]
    return {"workload": name, "peak_lr": rec.get("peak_lr"), "warmup_steps": rec.get("warmup_steps"),
            "explanation": rec.get("explanation") or [m.recipe["cost"].get("no_choice")],
            "probe_steps": m.recipe["cost"]["probe_steps"],
            "seconds": time.monotonic() - started, "curve": {"lr": rt["curve"]["lr"], "loss": rt["curve"]["loss"]},
            "probes": m.recipe["evidence"].get("probes"), "ranked_by": m.recipe["evidence"].get("ranked_by"),
            "warmup_by_layer": m.recipe["evidence"].get("warmup_by_layer")}


def torch_lr_finder_pick(name: str) -> float | None:
    """torch-lr-finder's own range test (1e-7 -> 10, 100 steps) and its steepest-gradient suggestion.

    Our batches can be dicts and our losses are ``loss_fn(model, batch)``, so the model the finder trains is a
    wrapper whose forward returns that loss, and the criterion passes it through: the finder's sweep,
    smoothing, stopping and suggestion are the library's own.
    """
    _setup()
    import contextlib
    import io

    import matplotlib
    import torch
    from torch_lr_finder import LRFinder, TrainDataLoaderIter

    matplotlib.use("Agg")
    torch.manual_seed(0)
    raw = suite_workloads.build(name, seed=0)
    model, loss_fn = raw["model"], raw["loss_fn"]

    class LossModel(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, batch: Any) -> torch.Tensor:
            return loss_fn(self.inner, batch)

    class Batches(TrainDataLoaderIter):
        def inputs_labels_from_batch(self, batch: Any) -> Any:
            return batch, torch.zeros(())

    wrapper = LossModel()
    optimizer = raw["optimizer"](model.parameters(), lr=1e-7)
    finder = LRFinder(wrapper, optimizer, lambda out, _: out, device="cpu")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        finder.range_test(Batches(raw["data"]), start_lr=1e-7, end_lr=10, num_iter=100)
        try:
            _, lr = finder.plot(suggest_lr=True)
        except Exception:
            return None
    return float(lr) if lr is not None else None


def score(name: str, lr: float, warmup_steps: int, seed: int, schedule: str = "cosine") -> dict[str, Any]:
    _setup()
    import suite_train

    started = time.monotonic()
    loss = suite_train.train(name, lr, warmup_steps, seed, schedule=schedule)
    return {"workload": name, "lr": lr, "warmup_steps": warmup_steps, "seed": seed, "loss": loss,
            "seconds": round(time.monotonic() - started, 2)}


def adam_beta2(label: str) -> float | None:
    """beta2 of an Adam-family optimiser label (``adam_b2_0.95``; AdamW with weight decay uses torch's 0.999)."""
    if label.startswith("adam_b2_"):
        return float(label.removeprefix("adam_b2_"))
    return 0.999 if label.startswith("adam") else None


# --- ground truth ---------------------------------------------------------------------------------------------

def rel_path(path: Path) -> str:
    """``path`` relative to the repository root, as the commands in result files name it (else as given)."""
    try:
        return str(path.resolve().relative_to(HERE.parent))
    except ValueError:
        return str(path)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def grid_cells(rows: list[dict[str, Any]], name: str) -> dict[tuple[float, float], list[float]]:
    """(lr, warmup fraction) -> losses over seeds, for one workload."""
    cells: dict[tuple[float, float], list[float]] = {}
    for r in rows:
        if r["workload"] == name:
            cells.setdefault((float(r["lr"]), float(r["warmup_fraction"])), []).append(_loss(r["loss"]))
    return cells


def _loss(value: float | None) -> float:
    """A stored loss; a diverged run is stored as null (JSON has no inf)."""
    return math.inf if value is None else float(value)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values and all(math.isfinite(v) for v in values) else math.inf


def seed_noise(cells: dict[tuple[float, float], list[float]], near: float = 1.1) -> float | None:
    """Pooled relative standard deviation of a 2-seed cell mean over the finite cells within ``near`` x the best."""
    pairs = [v[:2] for v in cells.values() if len(v) >= 2 and all(math.isfinite(x) for x in v[:2])]
    if not pairs:
        return None
    best = min(sum(p) / 2 for p in pairs)
    close = [p for p in pairs if sum(p) / 2 <= near * best]
    return math.sqrt(sum(((a - b) / (a + b)) ** 2 for a, b in close) / len(close))


def grid_best(cells: dict[tuple[float, float], list[float]]) -> tuple[float, float, float] | None:
    finite = {k: mean(v) for k, v in cells.items() if math.isfinite(mean(v))}
    if not finite:
        return None
    (lr, frac), loss = min(finite.items(), key=lambda kv: kv[1])
    return lr, frac, loss


# --- summary --------------------------------------------------------------------------------------------------

def horizon_split(name: str, pick_loss: float | None, cells: dict[tuple[float, float], list[float]],
                  best: tuple[float, float, float] | None, horizon: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The pick's regret split in two (issue 20): *horizon regret*, what the argmin of a plain grid at the probe
    horizon (HORIZON_FORM, held-out loss) costs at full length, and *search regret*, the pick's full-run loss
    against that argmin's. None without horizon results for the workload."""
    rows = [r for r in horizon if r["workload"] == name and r["form"] == HORIZON_FORM and r.get("loss") is not None
            and math.isfinite(r["loss"])]
    if not rows or best is None:
        return None
    arg = min(rows, key=lambda r: r["loss"])
    full = next((mean(v) for (lr, f), v in cells.items() if _same(lr, arg["lr"]) and abs(f - arg["warmup_fraction"]) < 1e-9), None)
    if full is None:
        return None
    return {"horizon_argmin": {"lr": arg["lr"], "warmup_fraction": arg["warmup_fraction"]},
            "horizon_regret": full / best[2] - 1,
            "search_regret": (pick_loss / full - 1) if pick_loss is not None else None}


def summarise(names: list[str], picks: dict[str, dict[str, Any]], evals: list[dict[str, Any]],
              grid: list[dict[str, Any]], split_by: str = "family", horizon: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    rows = []
    for name in names:
        w = suite_workloads.get(name)
        cells = grid_cells(grid, name)
        best = grid_best(cells)
        row: dict[str, Any] = {"workload": name, "split": w.family_split if split_by == "family" else w.split,
                               "family": w.family, "optimizer": w.optimizer,
                               "regime": w.regime, "batch_size": w.batch_size, "total_steps": w.total_steps,
                               "base": w.base, "grid_cells": len(cells), "seed_noise": seed_noise(cells),
                               "best": None if best is None else {"lr": best[0], "warmup_fraction": best[1], "loss": best[2]},
                               "methods": {}}
        for method, pick in (picks.get(name) or {}).items():
            if pick is None:
                row["methods"][method] = None
                continue
            if pick["lr"] is None:  # no recommendation: the worst outcome, counted, never skipped
                row["methods"][method] = {**pick, "loss": None, "regret": math.inf, "diverged": 0, "lr_ratio": None,
                                          "no_recommendation": True}
                continue
            losses = [_eval_loss(evals, name, pick["lr"], pick["warmup_steps"], s) for s in SEEDS]
            if any(v is None for v in losses) or best is None:
                row["methods"][method] = {**pick, "loss": None, "regret": None, "diverged": None, "lr_ratio": pick["lr"] / best[0] if best else None}
                continue
            loss = mean(losses)  # type: ignore[arg-type]
            row["methods"][method] = {**pick, "loss": loss, "regret": loss / best[2] - 1 if math.isfinite(loss) else math.inf,
                                      "diverged": sum(not math.isfinite(v) for v in losses),  # type: ignore[arg-type]
                                      "lr_ratio": pick["lr"] / best[0]}
            if method == "warmfind" and horizon:
                row["split_regret"] = horizon_split(name, loss if math.isfinite(loss) else None, cells, best, horizon)
        rows.append(row)
    return {"rows": rows, "halves": {half: _half(rows, half) for half in ("tune", "heldout")},
            "batch_doubling": _doubling(rows)}


def _eval_loss(evals: list[dict[str, Any]], name: str, lr: float, warmup: int, seed: int) -> float | None:
    for r in evals:
        if r["workload"] == name and _same(r["lr"], lr) and r["warmup_steps"] == warmup and r["seed"] == seed:
            return _loss(r["loss"])
    return None


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def _half(rows: list[dict[str, Any]], half: str) -> dict[str, Any]:
    base = [r for r in rows if r["split"] == half and r["base"] is None]
    out = {}
    for method in METHODS:
        scored = [r["methods"][method] for r in base if r["methods"].get(method) and r["methods"][method]["regret"] is not None]
        if not scored:
            continue
        regrets = [m["regret"] for m in scored]
        ratios = [m["lr_ratio"] for m in scored if m["lr_ratio"] is not None]
        out[method] = {"workloads": len(scored), "median_regret": statistics.median(regrets), "worst_regret": max(regrets),
                       "mean_regret": sum(regrets) / len(regrets) if all(math.isfinite(r) for r in regrets) else math.inf,
                       "divergences": sum(m["diverged"] > 0 for m in scored),
                       "median_lr_ratio": statistics.median(ratios) if ratios else math.nan,
                       "no_recommendation": sum(bool(m.get("no_recommendation")) for m in scored),
                       "within_2pct": sum(r <= 0.02 for r in regrets)}
    families: dict[str, list[float]] = {}
    for r in base:
        m = r["methods"].get("warmfind")
        if m and m.get("lr_ratio"):
            families.setdefault(r["family"], []).append(m["lr_ratio"])
    out["warmfind_lr_ratio_by_family"] = families
    costs = [r["methods"]["warmfind"]["probe_steps"] / r["total_steps"] for r in base if r["methods"].get("warmfind")]
    if costs:
        out["warmfind_cost_runs"] = {"median": statistics.median(costs), "max": max(costs)}
    split_rows = [r["split_regret"] for r in base if r.get("split_regret") and r["split_regret"]["search_regret"] is not None]
    if split_rows:
        h = [x["horizon_regret"] for x in split_rows]
        sr = [x["search_regret"] for x in split_rows]
        out["split_regret"] = {"workloads": len(split_rows), "horizon_median": statistics.median(h), "horizon_worst": max(h),
                               "search_median": statistics.median(sr), "search_worst": max(sr),
                               "horizon_within_3pct": sum(v <= 0.03 for v in h)}
    return out


def _doubling(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_name = {r["workload"]: r for r in rows}
    out = []
    for r in rows:
        if r["base"] is None or r["base"] not in by_name:
            continue
        b = by_name[r["base"]]
        pick_b, pick_2b = (b["methods"].get("warmfind") or {}), (r["methods"].get("warmfind") or {})
        entry = {"workload": r["base"], "split": r["split"],
                 "pick_ratio": pick_2b["lr"] / pick_b["lr"] if pick_b.get("lr") and pick_2b.get("lr") else None,
                 "grid_ratio": r["best"]["lr"] / b["best"]["lr"] if r["best"] and b["best"] else None}
        entry["pick_ok"] = entry["pick_ratio"] is not None and entry["pick_ratio"] >= 1 / SQRT2 * 0.999
        entry["grid_confirms"] = entry["grid_ratio"] is not None and entry["grid_ratio"] >= 1 / SQRT2 * 0.999
        out.append(entry)
    return out


def _pct(v: float | None) -> str:
    if v is None:
        return "n/a"
    return "div" if not math.isfinite(v) else f"{100 * v:+.1f}%"


def render(report: dict[str, Any]) -> str:
    lines = ["# Held-out suite", "", f"Command: `{report['command']}` ({report['seconds'] / 60:.1f} min, {report['workers']} CPU workers, one torch thread each)", "",
             f"Regret = held-out loss of the pick (mean of seeds 0 and 1, full run, warmup + {report.get('schedule', 'cosine')}) / best grid "
             "cell mean - 1. `div` = a seed diverged. LR ratio = picked peak LR / grid-best peak LR. Seed noise = "
             "relative sd of a 2-seed cell mean near the best: regrets below about twice it are not measured differences.", ""]
    lines += [f"Halves: split by {report.get('split', 'name')} ("
              + ("whole families, issue 20" if report.get("split") == "family" else "the v1 hash of each name") + ").", ""]
    for half in ("tune", "heldout"):
        summary = report["halves"][half]
        lines += [f"## `{half}` half", "", "| method | workloads | median regret | worst regret | mean regret | within 2% | divergences | median LR ratio |",
                  "|---|---|---|---|---|---|---|---|"]
        for method in METHODS:
            s = summary.get(method)
            if s:
                lines.append(f"| {method} | {s['workloads']} | {_pct(s['median_regret'])} | {_pct(s['worst_regret'])} | "
                             f"{_pct(s['mean_regret'])} | {s['within_2pct']} | {s['divergences']} | {s['median_lr_ratio']:.2f} |")
        if "warmfind_cost_runs" in summary:
            c = summary["warmfind_cost_runs"]
            lines += ["", f"warmfind probe cost: median {c['median']:.2f}, max {c['max']:.2f} full runs."]
        if "split_regret" in summary:
            sp = summary["split_regret"]
            lines += ["", f"warmfind regret split ({sp['workloads']} workloads; plain {HORIZON_FORM} grid, held-out loss): "
                      f"horizon regret median {_pct(sp['horizon_median'])}, worst {_pct(sp['horizon_worst'])} "
                      f"({sp['horizon_within_3pct']} within 3%); search regret median {_pct(sp['search_median'])}, "
                      f"worst {_pct(sp['search_worst'])}."]
        fam = summary.get("warmfind_lr_ratio_by_family") or {}
        if fam:
            lines += ["", "warmfind LR ratio by family: " + "; ".join(f"{f} " + ", ".join(f"{x:.2f}" for x in v) for f, v in sorted(fam.items()))]
        lines += ["", "| workload | family | optimizer | regime | batch | steps | grid best (lr, warmup) | seed noise | "
                  + " | ".join(METHODS) + " | warmfind LR ratio | warmfind cost (runs) | horizon / search regret |",
                  "|" + "---|" * (11 + len(METHODS))]
        for r in report["rows"]:
            if r["split"] != half or r["base"] is not None:
                continue
            best = r["best"]
            best_s = f"{best['lr']:.3g}, {best['warmup_fraction']:.0%}" if best else "n/a"
            cells = []
            for method in METHODS:
                m = r["methods"].get(method)
                cells.append("—" if not m else "no recommendation" if m.get("no_recommendation")
                             else f"{_pct(m['regret'])} ({m['lr']:.2g}, {m['warmup_steps']})")
            noise = _pct(r["seed_noise"]).lstrip("+") if r["seed_noise"] is not None else "n/a"
            wf = r["methods"].get("warmfind") or {}
            ratio = f"{wf['lr_ratio']:.2f}" if wf.get("lr_ratio") else "n/a"
            cost = f"{wf['probe_steps'] / r['total_steps']:.2f}" if wf.get("probe_steps") else "n/a"
            sp = r.get("split_regret")
            hs = f"{_pct(sp['horizon_regret'])} / {_pct(sp['search_regret'])}" if sp and sp["search_regret"] is not None else "n/a"
            lines.append(f"| {r['workload']} | {r['family']} | {r['optimizer']} | {r['regime']} | {r['batch_size']} | "
                         f"{r['total_steps']} | {best_s} | {noise} | " + " | ".join(cells) + f" | {ratio} | {cost} | {hs} |")
        lines.append("")
    if report["batch_doubling"]:
        lines += ["## Batch doubling (same steps, batch 2B vs B)", "",
                  "| workload | half | warmfind pick 2B/B | grid best 2B/B | pick not lower by more than sqrt(2) | grid confirms |",
                  "|---|---|---|---|---|---|"]
        for d in report["batch_doubling"]:
            f = (lambda v: "n/a" if v is None else f"{v:.2f}")
            lines.append(f"| {d['workload']} | {d['split']} | {f(d['pick_ratio'])} | {f(d['grid_ratio'])} | {d['pick_ok']} | {d['grid_confirms']} |")
    return "\n".join(lines) + "\n"


# --- driver ---------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="benchmarks/results/suite")
    parser.add_argument("--only", nargs="*", help="workload names (default: every workload with grid results)")
    parser.add_argument("--half", choices=("tune", "heldout"), help="only this half")
    parser.add_argument("--split", default="family", choices=("family", "name"),
                        help="family: whole families per half (issue 20, the default now); name: the v1 hash of each name")
    parser.add_argument("--methods", nargs="*", default=list(METHODS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh-warmfind", action="store_true", help="re-run warmfind's probes instead of reusing cached picks")
    parser.add_argument("--defaults", nargs="*", default=[], metavar="KEY=VALUE",
                        help="override warmfind.defaults for the probes (a design experiment: use with --half tune and --picks)")
    parser.add_argument("--picks", type=Path, default=PICKS, help="where warmfind's picks are cached (one file per variant)")
    parser.add_argument("--schedule", default="cosine", choices=("cosine", "wsd"),
                        help="the planned shape: warmfind probes it and every pick trains with it (use with --grid/--evals)")
    parser.add_argument("--grid", type=Path, default=GRID, help="the ground-truth grid's jsonl (suite_grid.py --results)")
    parser.add_argument("--evals", type=Path, default=EVALS, help="where scored picks are cached")
    parser.add_argument("--seeds", type=int, default=1, help="warmfind --seeds: data orders for the re-rank (averaged)")
    parser.add_argument("--data", default="eval", choices=DATA_MODES,
                        help="what warmfind ranks probes by: the workload's eval_data, or none given (held-back data on/off)")
    args = parser.parse_args()
    started = time.monotonic()
    grid = read_jsonl(args.grid)
    have_grid = {r["workload"] for r in grid}
    names = [n for n in suite_workloads.WORKLOADS if (n in args.only if args.only else n in have_grid)
             and (args.half is None or _split_of(n, args.split) == args.half)]
    cached_picks = {} if args.fresh_warmfind else {p["workload"]: p for p in read_jsonl(args.picks)}
    picks: dict[str, dict[str, Any]] = {}
    with ProcessPoolExecutor(args.workers) as pool:
        overrides = parse_overrides(args.defaults)
        todo = {n: pool.submit(warmfind_pick, n, overrides, args.schedule, args.data, args.seeds) for n in names if n not in cached_picks and _wants(args, "warmfind", "fastai valley", "lightning steepest")}
        finder = {n: pool.submit(torch_lr_finder_pick, n) for n in names if "torch-lr-finder" in args.methods}
        for n, fut in todo.items():
            cached_picks[n] = fut.result()
            with args.picks.open("a") as f:
                f.write(json.dumps(cached_picks[n]) + "\n")
        finder_r = {n: f.result() for n, f in finder.items()}
        for n in names:
            w = suite_workloads.get(n)
            fw = int(round(FINDER_WARMUP * w.total_steps))
            p = cached_picks.get(n)
            b2 = adam_beta2(w.optimizer)
            options: dict[str, dict[str, Any] | None] = {
                "warmfind": {"lr": p["peak_lr"], "warmup_steps": p["warmup_steps"], "probe_steps": p["probe_steps"]} if p else None,
                # (a pick with lr None recommended nothing: summarise scores it as a failure)
                "torch-lr-finder": {"lr": v, "warmup_steps": fw} if (v := finder_r.get(n)) else None,
                "fastai valley": {"lr": v, "warmup_steps": fw} if p and (v := fastai_valley(p["curve"]["lr"], p["curve"]["loss"])) else None,
                "lightning steepest": {"lr": v, "warmup_steps": fw} if p and (v := lightning_steepest(p["curve"]["lr"], p["curve"]["loss"])) else None,
                "adam 2/(1-b2)": {"lr": 1e-3, "warmup_steps": min(int(round(2 / (1 - b2))), w.total_steps - 1)} if b2 else None,
                "fixed default": {"lr": 0.1 if w.sgd_family else 1e-3, "warmup_steps": fw},
            }
            picks[n] = {m: v for m, v in options.items() if m in args.methods}
        evals = read_jsonl(args.evals)
        jobs = {(n, m, s): (pick["lr"], pick["warmup_steps"]) for n in names for m, pick in picks[n].items()
                if pick and pick["lr"] is not None for s in SEEDS}
        unique = {(n, lr, wu, s) for (n, _, s), (lr, wu) in jobs.items() if _eval_loss(evals, n, lr, wu, s) is None}
        futures = [pool.submit(score, n, lr, wu, s, args.schedule) for (n, lr, wu, s) in sorted(unique, key=str)]
        for fut in futures:
            row = fut.result()
            evals.append(row)
            with args.evals.open("a") as f:
                f.write(json.dumps({**row, "loss": row["loss"] if math.isfinite(row["loss"]) else None}) + "\n")
    report = summarise(names, picks, evals, grid, args.split, read_jsonl(HORIZON) if args.schedule == "cosine" else None)
    report.update(seconds=time.monotonic() - started, workers=args.workers, schedule=args.schedule, split=args.split,
                  command="python benchmarks/suite.py " + " ".join(sys.argv[1:]))
    for row in report["rows"]:
        p = cached_picks.get(row["workload"])
        if p:
            row["warmfind_explanation"] = p["explanation"]
    out = Path(args.out)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str))
    text = render(report)
    out.with_suffix(".md").write_text(text)
    print(text)


def _split_of(name: str, split_by: str) -> str:
    w = suite_workloads.get(name)
    return w.family_split if split_by == "family" else w.split


def override_defaults(overrides: dict[str, Any]) -> None:
    """Replace values in ``warmfind.defaults`` (a design experiment); an unknown name stops the run."""
    from warmfind import defaults

    for key, value in overrides.items():
        if not hasattr(defaults, key):
            raise SystemExit(f"warmfind.defaults has no {key}")
        setattr(defaults, key, value)


def parse_overrides(pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs as a dict, each value a Python literal where it parses as one, else the text."""
    return {k: _literal(v) for k, v in (a.split("=", 1) for a in pairs)}


def _literal(text: str) -> Any:
    import ast

    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _wants(args: argparse.Namespace, *methods: str) -> bool:
    return any(m in args.methods for m in methods)


if __name__ == "__main__":
    main()
