"""The exam's scorer: warmfind's picks on workloads it has never seen, against full-length grids.

Ground truth (never produced by warmfind, read from benchmarks/results/exam/):

- ``grid.jsonl``: every exam workload's full-length grid (``suite_grid.py --registry exam_workloads``): factor-2 LR
  ladder grown until both ends are clearly worse (at most 10 rungs), sqrt(2) midpoints near the best, warmup
  0/5/20% (long plans: 0/5% only), linear warmup + cosine to 10%, seeds 0 and 1 (2 and 3 added near the best where
  the seed noise is above 2%), held-out loss.
- ``horizon.jsonl``: the plain compressed grid at T/5: the same (LR, warmup) cells trained for T/5 steps with the
  schedule compressed into them, seed 0, recording held-out loss and the final training loss (mean of the last 10%
  of steps) (``suite_horizon.py --registry exam_workloads --forms cos/5``).

Picks (one jsonl line per workload and data regime): ``{"name", "data": "eval"|"no-eval", "peak_lr",
"warmup_steps", "probe_steps", "total_steps"}``. ``--make-picks OUT`` writes them by running ``warmfind probe`` (the
CLI, one CPU thread) on every exam workload in both regimes: with its ``eval_data`` and without (``no_eval=true``).
Run that only from a frozen commit, once: the exam is scored rarely (README.md here).

Scoring: each pick is trained at full length with seeds 0 and 1 by the suite's plain-torch loop (``suite_train``;
a grid run with the same LR, warmup steps and seed is the same computation and is reused), cached in
``evals.jsonl``. Per workload and regime:

- regret = mean held-out loss / best grid cell mean - 1 (a diverged seed: ``div``); LR ratio = pick / best LR;
- horizon regret = the full-run regret of the plain T/5 grid's argmin (by held-out loss in the eval regime, by
  training loss in the no-eval regime): what the probe horizon itself costs;
- search regret = the pick's full-run loss / that argmin's full-run loss - 1: what warmfind's search costs on top;
- cost in full runs: warmfind's probe_steps / total_steps against the plain grid's cells x (T/5) / T.

    python benchmarks/exam.py --picks PICKS.jsonl                       # score (writes results/exam/score.md/.json)
    python benchmarks/exam.py --make-picks benchmarks/results/exam/picks.jsonl   # warmfind's picks (frozen commit)

Another exam registry (same layout in its own results folder), e.g. the second exam:
``--registry exam2_workloads --results benchmarks/results/exam2`` (before any other option's default is read).
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from suite import _pct, _same, grid_best, mean, parse_overrides, read_jsonl, rel_path, seed_noise  # noqa: E402

REGISTRY = "exam_workloads"
RESULTS = HERE / "results" / "exam"
GRID = RESULTS / "grid.jsonl"
HORIZON = RESULTS / "horizon.jsonl"
EVALS = RESULTS / "evals.jsonl"
OUT = RESULTS / "score"
E = importlib.import_module(REGISTRY)  # the workloads' module (--registry)
FORM = "cos/5"  # the plain grid's horizon
SEEDS = (0, 1)
REGIMES = ("eval", "no-eval")


def use_registry(registry: str, results: Path) -> None:
    """Score another exam registry (``--registry``) with its ground truth in ``results`` (``--results``)."""
    global E, REGISTRY, RESULTS, GRID, HORIZON, EVALS, OUT
    E = importlib.import_module(registry)
    REGISTRY, RESULTS = registry, results
    GRID, HORIZON, EVALS, OUT = (RESULTS / "grid.jsonl", RESULTS / "horizon.jsonl", RESULTS / "evals.jsonl",
                                 RESULTS / "score")


# --- training the picks ---------------------------------------------------------------------------------------

def score_run(name: str, lr: float, warmup_steps: int, seed: int, registry: str | None = None) -> dict[str, Any]:
    import suite_train
    import torch

    torch.set_num_threads(1)
    started = time.monotonic()
    loss = suite_train.train(name, lr, warmup_steps, seed, registry=registry or REGISTRY)
    return {"workload": name, "lr": lr, "warmup_steps": warmup_steps, "seed": seed,
            "loss": loss if math.isfinite(loss) else None, "seconds": round(time.monotonic() - started, 2)}


def _loss(v: float | None) -> float:
    return math.inf if v is None else float(v)


def known_loss(name: str, lr: float, warmup_steps: int, seed: int, evals: list[dict[str, Any]],
               grid: list[dict[str, Any]]) -> float | None:
    """A cached evaluation, or the grid's own run of the same (LR, warmup steps, seed): the same computation."""
    for r in evals:
        if r["workload"] == name and _same(r["lr"], lr) and r["warmup_steps"] == warmup_steps and r["seed"] == seed:
            return _loss(r["loss"])
    total = E.get(name).total_steps
    for r in grid:
        if (r["workload"] == name and _same(float(r["lr"]), lr) and int(r["seed"]) == seed
                and int(round(float(r["warmup_fraction"]) * total)) == warmup_steps):
            return _loss(r["loss"])
    return None


def grid_cells(rows: list[dict[str, Any]], name: str) -> dict[tuple[float, float], list[float]]:
    """(lr, warmup fraction) -> losses in seed order, for the cells that have both seeds 0 and 1.

    A cell run with one seed only (a midpoint of an earlier, one-seed pass of a long plan that the final ladder no
    longer wanted) is not ground truth: one lucky seed would set the bar."""
    by: dict[tuple[float, float], dict[int, float]] = {}
    for r in rows:
        if r["workload"] == name:
            by.setdefault((float(r["lr"]), float(r["warmup_fraction"])), {})[int(r["seed"])] = _loss(r["loss"])
    return {k: [v[s] for s in sorted(v)] for k, v in by.items() if set(SEEDS) <= set(v)}


# --- the plain compressed grid --------------------------------------------------------------------------------

def horizon_cells(rows: list[dict[str, Any]], name: str) -> dict[tuple[float, float], dict[str, float]]:
    """(lr, warmup fraction) -> {"heldout", "train"} of the T/5 probe (inf where it diverged)."""
    out = {}
    for r in rows:
        if r["workload"] == name and r["form"] == FORM:
            out[(float(r["lr"]), float(r["warmup_fraction"]))] = {"heldout": _loss(r["loss"]), "train": _loss(r.get("train_tail"))}
    return out


def horizon_argmin(cells: dict[tuple[float, float], dict[str, float]], by: str) -> tuple[float, float] | None:
    if not cells:
        return None
    return min(cells, key=lambda k: (cells[k][by], k[0]))  # ties: the smaller LR


# --- summary --------------------------------------------------------------------------------------------------

def summarise(picks: list[dict[str, Any]], evals: list[dict[str, Any]], grid: list[dict[str, Any]],
              horizon: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    for regime in REGIMES:
        for name in E.order():
            w = E.get(name)
            cells = grid_cells(grid, name)
            best = grid_best(cells)
            if best is None:
                continue
            row: dict[str, Any] = {"workload": name, "data": regime, "family": w.family, "optimizer": w.optimizer,
                                   "regime": w.regime, "batch_size": w.batch_size, "total_steps": w.total_steps,
                                   "long": w.long, "grid_cells": len(cells), "seed_noise": seed_noise(cells),
                                   "best": {"lr": best[0], "warmup_fraction": best[1], "loss": best[2]}}
            hcells = {k: v for k, v in horizon_cells(horizon, name).items() if k in cells}
            top = horizon_argmin(hcells, "heldout" if regime == "eval" else "train") if len(hcells) == len(cells) else None
            if top is not None:
                full = mean(cells[top])
                row["plain"] = {"lr": top[0], "warmup_fraction": top[1], "loss": full,
                                "regret": full / best[2] - 1 if math.isfinite(full) else math.inf,
                                "lr_ratio": top[0] / best[0], "cost": len(hcells) * max(1, round(w.total_steps / 5)) / w.total_steps}
            pick = next((p for p in picks if p["name"] == name and p["data"] == regime), None)
            if pick is not None and pick.get("peak_lr") is None:  # warmfind recommended nothing: a failure
                row["pick"] = {"lr": None, "warmup_steps": None, "no_recommendation": True, "regret": math.inf,
                               "exit_code": pick.get("exit_code"),
                               "diverged": 0, "lr_ratio": None, "plan_mismatch": False,
                               "cost": pick["probe_steps"] / w.total_steps if pick.get("probe_steps") is not None else None}
            elif pick is not None:
                losses = [known_loss(name, float(pick["peak_lr"]), int(pick["warmup_steps"]), s, evals, grid) for s in SEEDS]
                entry = {"lr": float(pick["peak_lr"]), "warmup_steps": int(pick["warmup_steps"]),
                         "cost": pick["probe_steps"] / w.total_steps if pick.get("probe_steps") is not None else None,
                         "lr_ratio": float(pick["peak_lr"]) / best[0], "plan_mismatch": pick.get("total_steps") not in (None, w.total_steps)}
                if all(v is not None for v in losses):
                    loss = mean(losses)  # type: ignore[arg-type]
                    entry.update(loss=loss, diverged=sum(not math.isfinite(v) for v in losses),  # type: ignore[arg-type]
                                 regret=loss / best[2] - 1 if math.isfinite(loss) else math.inf)
                    if "plain" in row and math.isfinite(row["plain"]["loss"]):
                        entry["search_regret"] = loss / row["plain"]["loss"] - 1 if math.isfinite(loss) else math.inf
                row["pick"] = entry
            rows.append(row)
    groups = {}
    for regime in REGIMES:
        for part, want in (("short", False), ("long", True)):
            groups[f"{regime}/{part}"] = _group([r for r in rows if r["data"] == regime and r["long"] == want])
    return {"rows": rows, "groups": groups}


def _stats(regrets: list[float]) -> dict[str, Any]:
    if not regrets:
        return {}
    return {"n": len(regrets), "median": statistics.median(regrets), "worst": max(regrets),
            "mean": sum(regrets) / len(regrets) if all(math.isfinite(r) for r in regrets) else math.inf,
            "within_2pct": sum(r <= 0.02 for r in regrets), "within_3pct": sum(r <= 0.03 for r in regrets)}


def _group(rows: list[dict[str, Any]]) -> dict[str, Any]:
    picked = [r["pick"] for r in rows if "pick" in r and "regret" in r["pick"]]
    plain = [r["plain"] for r in rows if "plain" in r]
    out: dict[str, Any] = {"workloads": len(rows)}
    out["warmfind"] = {**_stats([p["regret"] for p in picked]),
                       "divergences": sum(p["diverged"] > 0 for p in picked),
                       "median_lr_ratio": statistics.median(ratios) if (ratios := [p["lr_ratio"] for p in picked
                                                                                   if p["lr_ratio"] is not None]) else None,
                       "no_recommendation": sum(bool(p.get("no_recommendation")) for p in picked),
                       "cost": _spread([p["cost"] for p in picked if p.get("cost") is not None])}
    out["plain_t5"] = {**_stats([p["regret"] for p in plain]),
                       "median_lr_ratio": statistics.median([p["lr_ratio"] for p in plain]) if plain else None,
                       "cost": _spread([p["cost"] for p in plain])}
    search = [r["pick"]["search_regret"] for r in rows if "pick" in r and "search_regret" in r["pick"]]
    out["search_regret"] = _stats(search)
    return out


def _spread(values: list[float]) -> dict[str, float] | None:
    return {"median": statistics.median(values), "max": max(values)} if values else None


def _f(v: float | None, fmt: str = ".2f") -> str:
    return "n/a" if v is None else format(v, fmt)


def render(report: dict[str, Any]) -> str:
    results = rel_path(RESULTS)
    lines = [f"# {E.TITLE}: warmfind on unseen workload families", "",
             f"Commands: `{report['command']}` (scoring; {report['seconds'] / 60:.1f} min, {report['workers']} worker, one torch thread). "
             f"Ground truth: `python benchmarks/suite_grid.py --registry {REGISTRY} --results {results} --stem grid "
             f"--max-rungs 10 --workers 1` and `python benchmarks/suite_horizon.py --registry {REGISTRY} --results "
             f"{results} --stem horizon --grid {results}/grid.jsonl --forms cos/5 --workers 1`. "
             f"Picks: `{report['picks']}`.", "",
             "Regret = mean held-out loss of the pick (seeds 0 and 1, full run, warmup + cosine to 10%) / best grid cell mean - 1; "
             "`div` = a seed diverged. Plain T/5 = the argmin of the plain compressed grid at T/5 (every grid cell, one seed; ranked "
             "by held-out loss in the `eval` regime, by final training loss in `no-eval`), scored at full length: its regret is the "
             "horizon regret. Search regret = pick loss / that argmin's full-run loss - 1. Cost in full runs: probe steps / planned "
             "steps; the plain grid's is cells x (T/5) / T. Seed noise: relative sd of a 2-seed cell mean near the best: regrets "
             "below about twice it are not measured differences. Long plans' grids have warmup 0 and 5% only.", ""]
    for regime in REGIMES:
        lines += [f"## Data regime `{regime}`" + (" (probed with the workload's eval_data)" if regime == "eval" else
                                                  " (probed with no eval_data: `no_eval=true`)"), ""]
        lines += ["| plans | method | workloads | median regret | worst | mean | within 2% | within 3% | divergences | median LR ratio | cost (runs): median / max |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for part in ("short", "long"):
            g = report["groups"][f"{regime}/{part}"]
            for label, key in (("warmfind", "warmfind"), ("plain T/5 grid", "plain_t5")):
                s = g[key]
                if not s.get("n"):
                    lines.append(f"| {part} | {label} | 0 | | | | | | | | |")
                    continue
                cost = s["cost"]
                lines.append(f"| {part} | {label} | {s['n']} | {_pct(s['median'])} | {_pct(s['worst'])} | {_pct(s['mean'])} | "
                             f"{s['within_2pct']} | {s['within_3pct']} | {s.get('divergences', '')} | {_f(s['median_lr_ratio'])} | "
                             f"{_f(cost['median']) + ' / ' + _f(cost['max']) if cost else 'n/a'} |")
            sr = g["search_regret"]
            if sr.get("n"):
                lines.append(f"| {part} | search regret (pick vs plain T/5 argmin) | {sr['n']} | {_pct(sr['median'])} | "
                             f"{_pct(sr['worst'])} | {_pct(sr['mean'])} | {sr['within_2pct']} | {sr['within_3pct']} | | | |")
        lines += ["", "| workload | family | optimizer | batch | steps | grid best (LR, warmup) | best loss | seed noise | pick (LR, warmup steps) | "
                  "regret | div | LR ratio | cost | plain T/5 argmin (LR, warmup) | horizon regret | T/5 LR ratio | search regret | plain cost |",
                  "|" + "---|" * 18]
        for r in report["rows"]:
            if r["data"] != regime:
                continue
            b, p, h = r["best"], r.get("pick"), r.get("plain")
            noise = _pct(r["seed_noise"]).lstrip("+") if r["seed_noise"] is not None else "-"
            if p and p.get("no_recommendation"):
                pick, pcols = f"none (exit {p.get('exit_code', 3)})", ["fail", "-", "-", _f(p.get("cost"))]
            elif p:
                pick = f"{p['lr']:.3g}, {p['warmup_steps']}" + (" (plan differs!)" if p["plan_mismatch"] else "")
                pcols = [_pct(p.get("regret")), str(p.get("diverged", "n/a")), f"{p['lr_ratio']:.2f}", _f(p.get("cost"))]
            else:
                pick, pcols = "no pick", ["n/a"] * 4
            hcols = ([f"{h['lr']:.3g}, {h['warmup_fraction']:.0%}", _pct(h["regret"]), f"{h['lr_ratio']:.2f}",
                      _pct(p.get("search_regret")) if p else "n/a", f"{h['cost']:.2f}"] if h else ["n/a"] * 5)
            lines.append(f"| {r['workload']} | {r['family']} | {r['optimizer']} | {r['batch_size']} | {r['total_steps']} | "
                         f"{b['lr']:.3g}, {b['warmup_fraction']:.0%} | {b['loss']:.4g} | {noise} | {pick} | " + " | ".join(pcols)
                         + " | " + hcols[0] + " | " + " | ".join(hcols[1:]) + " |")
        lines.append("")
    return "\n".join(lines) + "\n"


# --- making the picks (warmfind's CLI; run once, from a frozen commit) ----------------------------------------

def recipe_file(recipes: Path, name: str, regime: str) -> Path:
    """Where ``make_picks`` writes a workload's recipe in a picks file's ``.recipes`` folder."""
    return recipes / f"{name.replace('@', '_')}.{regime}.json"


def make_picks(out: Path, names: list[str], probe_args: list[str], overrides: list[str] = ()) -> None:
    """``warmfind probe`` on every exam workload in both data regimes; one jsonl line each (resumable).

    ``overrides`` (``KEY=VALUE``) replace values in ``warmfind.defaults`` before the CLI runs: a design experiment,
    for a registry that is tuned on (``tune_long_workloads``), never for an exam's reported picks."""
    done = {(p["name"], p["data"]) for p in read_jsonl(out)}
    recipes = out.with_suffix(".recipes")
    recipes.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    for regime in REGIMES:
        for name in names:
            if (name, regime) in done:
                continue
            w = E.get(name)
            recipe_path = recipe_file(recipes, name, regime)
            cmd = [sys.executable, *(["-c", _with_defaults(overrides)] if overrides else ["-m", "warmfind"]), "probe",
                   f"{HERE / (REGISTRY + '.py')}:build", "--set", f"name={name}",
                   *(["--set", "no_eval=true"] if regime == "no-eval" else []), "--total-steps", str(w.total_steps),
                   "--device", "cpu", "--threads", "1", "--json", "--quiet", *probe_args]
            started = time.monotonic()
            proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
            recipe = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else None
            if recipe is not None:
                recipe_path.write_text(proc.stdout)
            rec = (recipe or {}).get("recommendation") or {}
            if proc.returncode != 0:  # no recommendation (exit 3) or a crash: scored as a failure, never skipped
                print(f"{name} ({regime}): warmfind exited {proc.returncode}", flush=True)
            line = {"name": name, "data": regime, "peak_lr": rec.get("peak_lr"), "warmup_steps": rec.get("warmup_steps"),
                    "exit_code": proc.returncode, **({"stderr_tail": proc.stderr.strip()[-300:]} if proc.returncode else {}),
                    "probe_steps": (recipe or {}).get("cost", {}).get("probe_steps"), "total_steps": w.total_steps,
                    "seconds": round(time.monotonic() - started, 1), "command": " ".join(["warmfind", *cmd[cmd.index("probe"):]])
                    + (f" (warmfind.defaults: {' '.join(overrides)})" if overrides else ""),
                    "recipe": str(recipe_path) if recipe is not None else None}
            with out.open("a") as f:
                f.write(json.dumps(line) + "\n")
            print(f"{name} ({regime}): done in {line['seconds']:.0f} s", flush=True)  # the pick itself is not printed


def _with_defaults(overrides: list[str]) -> str:
    """A ``python -c`` program: ``suite.override_defaults`` with the ``KEY=VALUE`` pairs (``suite.parse_overrides``),
    then the CLI."""
    return (f"import sys; sys.path.insert(0, {str(HERE)!r}); from suite import override_defaults\n"
            f"override_defaults({parse_overrides(overrides)!r})\n"
            "sys.argv[0] = 'warmfind'; from warmfind.cli import main; main()")


# --- driver ---------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--picks", type=Path, help="the picks jsonl to score")
    parser.add_argument("--make-picks", type=Path, metavar="OUT", help="run warmfind probe on every exam workload, both regimes, into OUT")
    parser.add_argument("--defaults", nargs="*", default=[], metavar="KEY=VALUE",
                        help="(--make-picks) override warmfind.defaults for the probes: a design experiment on a tune registry")
    parser.add_argument("--probe-args", nargs=argparse.REMAINDER, default=[], help="(--make-picks) extra flags for warmfind probe, last")
    parser.add_argument("--only", nargs="*", help="workload names (default: all)")
    parser.add_argument("--registry", default=REGISTRY, help=f"the exam's workloads module (default {REGISTRY})")
    parser.add_argument("--results", type=Path, default=RESULTS,
                        help="its ground-truth folder: the defaults of --grid, --horizon, --evals and --out live there "
                             "(default benchmarks/results/exam)")
    parser.add_argument("--grid", type=Path, help="default RESULTS/grid.jsonl")
    parser.add_argument("--horizon", type=Path, help="default RESULTS/horizon.jsonl")
    parser.add_argument("--evals", type=Path, help="where scored picks are cached (default RESULTS/evals.jsonl)")
    parser.add_argument("--out", type=Path, help="writes OUT.md and OUT.json (default RESULTS/score)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.registry != REGISTRY or args.results != RESULTS:
        use_registry(args.registry, args.results)
    args.grid, args.horizon = args.grid or GRID, args.horizon or HORIZON
    args.evals, args.out = args.evals or EVALS, args.out or OUT
    names = [n for n in E.order() if not args.only or n in args.only]
    if args.make_picks:
        make_picks(args.make_picks, names, args.probe_args, args.defaults)
        return
    if args.picks is None:
        parser.error("--picks (to score) or --make-picks OUT")
    started = time.monotonic()
    grid, horizon = read_jsonl(args.grid), read_jsonl(args.horizon)
    picks = [p for p in read_jsonl(args.picks) if p["name"] in names]
    unknown = sorted({p["name"] for p in picks} - set(E.WORKLOADS))
    if unknown:
        parser.error(f"unknown workloads in the picks: {', '.join(unknown)}")
    evals = read_jsonl(args.evals)
    jobs = sorted({(p["name"], float(p["peak_lr"]), int(p["warmup_steps"]), s) for p in picks for s in SEEDS
                   if p.get("peak_lr") is not None and known_loss(p["name"], float(p["peak_lr"]), int(p["warmup_steps"]), s, evals, grid) is None}, key=str)
    if jobs:
        import suite_train

        print(f"{len(jobs)} full runs to train", flush=True)
        args.evals.parent.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(args.workers, initializer=suite_train.init_worker) as pool, args.evals.open("a") as f:
            for rec in pool.map(score_run, *zip(*jobs), [REGISTRY] * len(jobs)):
                evals.append(rec)
                f.write(json.dumps(rec) + "\n")
                f.flush()
    report = summarise(picks, evals, grid, horizon)
    report.update(command="python benchmarks/exam.py " + " ".join(sys.argv[1:]), seconds=time.monotonic() - started,
                  workers=args.workers, picks=str(args.picks))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{args.out}.json").write_text(json.dumps(report, indent=1, default=str))  # not with_suffix: OUT may hold a dot
    text = render(report)
    Path(f"{args.out}.md").write_text(text)
    print(text)


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
