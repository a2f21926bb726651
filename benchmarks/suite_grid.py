"""Ground truth for the benchmark suite: per workload, the held-out loss over a grid of peak LR x warmup x seed.

Every run is a full training run (``benchmarks/suite_train.py``: linear warmup, cosine to 10% of the peak,
held-out loss at the end; ``inf`` when it diverged). Per workload:

1. A factor-2 LR ladder grown from 1e-3 (Adam family) or 0.05 (SGD family) in both directions, every rung at
   warmup fractions {0, 0.05, 0.2} x seeds {0, 1}. It grows upward until the two highest rungs have every
   cell diverged or >= 1.5x the best cell mean, downward until the best cells of the two lowest rungs are
   >= 1.15x the best cell mean (at most 16 rungs).
2. A sqrt(2) refinement: the two midpoints either side of the best rung, all warmups, both seeds.
3. Seed noise: the pooled relative std of a 2-seed cell mean over the finite cells within 10% of the best
   (``recommendation.seed_noise``'s formula). Where it is above 2%, seeds 2 and 3 are added to those cells.

A cell's mean is over its seeds (``inf`` if any diverged); the best cell is the lowest mean.

Every finished run is appended to benchmarks/results/suite_grid.jsonl, which makes the runner resumable
(runs already there are skipped; the adaptive decisions replay from them). Base workloads go first, tune and
held-out interleaved, the @2b variants last; the adaptive rounds of many workloads run at once, so the
workers stay busy. The summary (suite_grid.json / .md) is rewritten whenever a workload completes.

Run (2 CPU workers; estimated 30-60 minutes for the 33 workloads, ~2,300 runs of 0.05-5 s; the measured wall
time is in the summary's header, from the runs' finishing times):
    python benchmarks/suite_grid.py --workers 2
    python benchmarks/suite_grid.py --summarise-only     # rebuild suite_grid.json / .md from the jsonl

Another workload registry (a module with ``WORKLOADS``, ``get`` and optionally ``order``, ``TITLE``; a workload may
set ``start_lr`` and ``grid_seeds``) gets the same grid into its own folder, e.g. the exam:
    python benchmarks/suite_grid.py --registry exam_workloads --results benchmarks/results/exam --stem grid --max-rungs 10 --workers 1
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suite_workloads as S  # noqa: E402
from suite import rel_path  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
REGISTRY = "suite_workloads"  # the module the workloads come from (--registry)
STEM = "suite_grid"  # the results' file names: <stem>.jsonl / .json / .md (--stem)
JSONL = RESULTS / f"{STEM}.jsonl"
SCHEDULE = "cosine"  # the shape of every run (--schedule)
SHAPE_WORDS = {"cosine": "cosine to 10%", "wsd": "constant, then linear to 10% over the last 20%", "constant": "constant"}
FRACTIONS = (0.0, 0.05, 0.2)
SEEDS = (0, 1)
EXTRA_SEEDS = (2, 3)
MAX_RUNGS = 16
UP_BAD = 1.5  # the top two rungs: every cell diverged or >= this x the best mean
DOWN_BAD = 1.15  # the bottom two rungs: their best cells >= this x the best mean
NEAR = 1.1  # "within 10% of the best"
NOISE_EXTRA = 0.02  # seed noise above which seeds 2, 3 are added near the best
INITIAL_RUNGS = (-1, 0, 1)

Key = tuple[str, float, float, int]  # workload, lr, warmup fraction, seed


def start_lr(w: S.SuiteWorkload) -> float:
    """Where the ladder starts: the workload's own ``start_lr`` if it has one, else by optimizer family."""
    return getattr(w, "start_lr", None) or (0.05 if w.sgd_family else 1e-3)


def lr_key(lr: float) -> float:
    return float(f"{lr:.6g}")


def cell_mean(losses: list[float]) -> float:
    return sum(losses) / len(losses) if losses and all(math.isfinite(v) for v in losses) else math.inf


class Grid:
    """One workload's adaptive grid, replayable from recorded results.

    ``advance(results)`` takes the next decisions for as long as every run they need is recorded, and returns
    the runs still missing (empty once the grid is complete). Rungs are exponents k: LR = start * 2**k.
    """

    def __init__(self, w: S.SuiteWorkload) -> None:
        self.w = w
        self.start = start_lr(w)
        self.base_seeds = tuple(getattr(w, "grid_seeds", SEEDS))  # one seed only where a registry says so
        self.fractions = tuple(getattr(w, "grid_fractions", FRACTIONS))  # fewer warmups only where a registry says so
        self.rungs: set[float] = set()
        self.seeds: dict[tuple[float, float], tuple[int, ...]] = {}
        self.phase = "ladder"
        self.noise: float | None = None
        self._add(INITIAL_RUNGS)

    def lr(self, k: float) -> float:
        return lr_key(self.start * 2.0**k)

    def _add(self, ks: Any, seeds: tuple[int, ...] | None = None) -> None:
        seeds = self.base_seeds if seeds is None else seeds
        for k in ks:
            self.rungs.add(k)
            for f in self.fractions:
                self.seeds[(k, f)] = tuple(sorted(set(self.seeds.get((k, f), ())) | set(seeds)))

    def wanted(self) -> list[Key]:
        return [(self.w.name, self.lr(k), f, s) for (k, f), seeds in sorted(self.seeds.items()) for s in seeds]

    def missing(self, results: dict[Key, dict[str, Any]]) -> list[Key]:
        return [key for key in self.wanted() if key not in results]

    def losses(self, results: dict[Key, dict[str, Any]], k: float, f: float, seeds: tuple[int, ...] | None = None) -> list[float]:
        seeds = self.seeds[(k, f)] if seeds is None else seeds
        return [results[(self.w.name, self.lr(k), f, s)]["loss"] for s in seeds if (self.w.name, self.lr(k), f, s) in results]

    def means(self, results: dict[Key, dict[str, Any]], seeds: tuple[int, ...] | None = None) -> dict[tuple[float, float], float]:
        out = {}
        for (k, f), own in self.seeds.items():
            use = own if seeds is None else seeds
            got = self.losses(results, k, f, use)
            if len(got) == len(use):
                out[(k, f)] = cell_mean(got)
        return out

    def advance(self, results: dict[Key, dict[str, Any]]) -> list[Key]:
        while True:
            missing = self.missing(results)
            if missing or self.phase == "done":
                return missing
            means = self.means(results)
            best = min(means.values())
            if self.phase == "ladder":
                add = self._ladder_step(means, best)
                if add:
                    self._add(add)
                    continue
                self.phase = "refine"
                finite = {c: m for c, m in means.items() if math.isfinite(m)}
                if finite:
                    k_best = min(finite, key=finite.__getitem__)[0]
                    self._add([k_best - 0.5, k_best + 0.5])
                continue
            if self.phase == "refine":
                self.phase = "seeds"
                self.noise = self.seed_noise(results)
                if self.noise is not None and self.noise > NOISE_EXTRA:
                    two = self.means(results, SEEDS)
                    best2 = min(two.values())
                    for (k, f), m in two.items():
                        if math.isfinite(m) and m <= NEAR * best2:
                            self.seeds[(k, f)] = tuple(sorted(set(self.seeds[(k, f)]) | set(EXTRA_SEEDS)))
                continue
            self.phase = "done"

    def _ladder_step(self, means: dict[tuple[float, float], float], best: float) -> list[float]:
        ladder = sorted(k for k in self.rungs if float(k).is_integer())
        room = MAX_RUNGS - len(ladder)
        if room <= 0:
            return []

        def rung_cells(k: float) -> list[float]:
            return [means[(k, f)] for f in self.fractions]

        def bad_up(k: float) -> bool:
            return all(not math.isfinite(m) or m >= UP_BAD * best for m in rung_cells(k))

        def bad_down(k: float) -> bool:
            return math.isfinite(best) and min(rung_cells(k)) >= DOWN_BAD * best

        finite = {c: m for c, m in means.items() if math.isfinite(m)}
        k_best = min(finite, key=finite.__getitem__)[0] if finite else None
        add: list[float] = []
        if not (bad_up(ladder[-1]) and bad_up(ladder[-2])):
            step = 2 if k_best == ladder[-1] else 1
            add += [ladder[-1] + i for i in range(1, step + 1)]
        if not (bad_down(ladder[0]) and bad_down(ladder[1])):
            step = 2 if k_best is None or k_best == ladder[0] else 1
            add += [ladder[0] - i for i in range(1, step + 1)]
        if len(add) > room:  # near the cap: the side nearer the best first
            add.sort(key=lambda k: abs(k - (k_best if k_best is not None else ladder[0] - 10)))
            add = add[:room]
        return add

    def seed_noise(self, results: dict[Key, dict[str, Any]]) -> float | None:
        """The pooled relative std of a 2-seed cell mean over the finite cells within 10% of the best."""
        pairs = [self.losses(results, k, f, SEEDS) for (k, f) in self.seeds]
        finite = [p for p in pairs if len(p) == 2 and all(math.isfinite(v) for v in p)]
        if not finite:
            return None
        best = min(sum(p) / 2 for p in finite)
        close = [p for p in finite if sum(p) / 2 <= NEAR * best]
        return math.sqrt(sum(((a - b) / (a + b)) ** 2 for a, b in close) / len(close))


def load(path: Path | None = None) -> dict[Key, dict[str, Any]]:
    path = JSONL if path is None else path
    results: dict[Key, dict[str, Any]] = {}
    if not path.exists():
        return results
    for line in path.read_text().splitlines():
        try:
            r = json.loads(line)
        except json.JSONDecodeError:  # a line cut short by a kill
            continue
        loss = r["loss"] if r["loss"] is not None else math.inf
        results[(r["workload"], lr_key(r["lr"]), float(r["warmup_fraction"]), int(r["seed"]))] = {**r, "loss": float(loss)}
    return results


def order(names: list[str] | None = None) -> list[str]:
    """Base workloads first, tune and held-out alternating; the @2b variants last (another registry: its ``order``)."""
    if hasattr(S, "order"):
        return S.order(names)  # type: ignore[no-any-return]
    tune = [n for n, w in S.BASE.items() if w.split == "tune"]
    held = [n for n, w in S.BASE.items() if w.split == "heldout"]
    out = [n for pair in zip(tune, held) for n in pair] + tune[len(held):] + held[len(tune):] + list(S.VARIANTS)
    return [n for n in out if names is None or n in names]


def run_grid(names: list[str], workers: int) -> None:
    import suite_train

    results = load()
    grids = {n: Grid(S.get(n)) for n in names}
    todo: dict[str, list[Key]] = {n: g.advance(results) for n, g in grids.items()}
    running: dict[Future[tuple[float, float]], Key] = {}
    in_flight: set[Key] = set()
    started = time.monotonic()
    done_before = sum(not v for v in todo.values())
    print(f"{len(names)} workloads, {done_before} already complete, {len(results)} runs recorded", flush=True)
    with ProcessPoolExecutor(workers, initializer=suite_train.init_worker) as pool, JSONL.open("a") as out:
        while True:
            for n in names:  # fill the pool in priority order
                for key in todo[n]:
                    if len(running) >= workers + 1:
                        break
                    if key in in_flight:
                        continue
                    w = S.get(key[0])
                    fut = pool.submit(suite_train.timed_train, key[0], key[1], int(round(key[2] * w.total_steps)), key[3],
                                      SCHEDULE, REGISTRY)
                    running[fut] = key
                    in_flight.add(key)
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            changed = set()
            for fut in finished:
                key = running.pop(fut)
                in_flight.discard(key)
                loss, seconds = fut.result()
                rec = {"workload": key[0], "lr": key[1], "warmup_fraction": key[2], "seed": key[3],
                       "loss": loss if math.isfinite(loss) else None, "seconds": round(seconds, 3),
                       "finished_at": round(time.time(), 1)}
                out.write(json.dumps(rec) + "\n")
                out.flush()
                results[key] = {**rec, "loss": loss}
                changed.add(key[0])
            for n in changed:
                was = todo[n]
                todo[n] = grids[n].advance(results)
                if was and not todo[n]:
                    print(f"{time.monotonic() - started:7.0f}s  {n} complete ({len(grids[n].wanted())} runs)", flush=True)
                    summarise(load())
    print(f"grid done in {(time.monotonic() - started) / 60:.1f} min", flush=True)


def wall_seconds(records: list[dict[str, Any]], gap: float = 300.0) -> float:
    """Wall time from the runs' finishing times: the spans between them, a pause over ``gap`` s counting as a restart."""
    times = sorted(r["finished_at"] for r in records if r.get("finished_at"))
    if not times:
        return 0.0
    total = min((r["seconds"] for r in records), default=0.0)
    for a, b in zip(times, times[1:]):
        total += (b - a) if b - a <= gap else 0.0
    return total


def summarise(results: dict[Key, dict[str, Any]] | None = None) -> dict[str, Any]:
    results = load() if results is None else results
    rows = []
    for n in order():
        w = S.get(n)
        g = Grid(w)
        missing = g.advance(results)
        own = [r for k, r in results.items() if k[0] == n]
        if not own:
            continue
        means = g.means(results)
        cells = {(g.lr(k), f): m for (k, f), m in sorted(means.items())}
        finite = {c: m for c, m in cells.items() if math.isfinite(m)}
        best = min(finite, key=finite.__getitem__) if finite else None
        by_warmup = {}
        for f in g.fractions:
            at = {c: m for c, m in finite.items() if c[1] == f}
            if at:
                c = min(at, key=at.__getitem__)
                by_warmup[str(f)] = {"lr": c[0], "loss": at[c], "warmup_steps": int(round(f * w.total_steps))}
        ladder = sorted(g.lr(k) for k in g.rungs if float(k).is_integer())
        rows.append({
            "workload": n, "split": w.split, "family": w.family, "optimizer": w.optimizer, "regime": w.regime,
            "batch_size": w.batch_size, "total_steps": w.total_steps, "base": w.base, "complete": not missing,
            "start_lr": g.start,
            "best": None if best is None else {"lr": best[0], "warmup_fraction": best[1],
                                               "warmup_steps": int(round(best[1] * w.total_steps)), "loss": finite[best]},
            "best_lr_by_warmup": by_warmup,
            "cells": {f"{lr:.6g}@{f}": (m if math.isfinite(m) else None) for (lr, f), m in cells.items()},
            "cell_losses": {f"{g.lr(k):.6g}@{f}": [(None if not math.isfinite(v) else v) for v in g.losses(results, k, f)]
                            for (k, f) in sorted(g.seeds)},
            "ladder": ladder, "ladder_top_diverges": all(not math.isfinite(cells.get((ladder[-1], f), math.inf)) for f in g.fractions),
            "seed_noise": g.seed_noise(results), "extra_seeds": any(len(s) > 2 for s in g.seeds.values()),
            "n_runs": len(own), "seconds": round(sum(r["seconds"] for r in own), 1),
        })
    records = list(results.values())
    command = "python benchmarks/suite_grid.py --workers 2" + (
        f" --schedule {SCHEDULE} --results {RESULTS}" if SCHEDULE != "cosine" else "")
    if REGISTRY != "suite_workloads":
        command = (f"python benchmarks/suite_grid.py --registry {REGISTRY} --results {rel_path(RESULTS)} --stem {STEM} "
                   f"--max-rungs {MAX_RUNGS} --workers 1" + (f" --schedule {SCHEDULE}" if SCHEDULE != "cosine" else ""))
    report = {"command": command, "schedule": SCHEDULE, "n_runs": len(records),
              "cpu_seconds": round(sum(r["seconds"] for r in records), 1), "wall_seconds": round(wall_seconds(records), 1),
              "fractions": list(FRACTIONS), "rows": rows}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{STEM}.json").write_text(json.dumps(report, indent=1))
    (RESULTS / f"{STEM}.md").write_text(render(report))
    return report


def render(report: dict[str, Any]) -> str:
    rows = report["rows"]
    lines = [f"# {getattr(S, 'TITLE', 'Benchmark suite')}: ground-truth grid", "",
             f"Command: `{report['command']}`; {report['n_runs']} runs, {report['wall_seconds'] / 60:.0f} min wall "
             f"({report['cpu_seconds'] / 3600:.1f} CPU-hours). Held-out loss after a full run (linear warmup + "
             f"{SHAPE_WORDS[report.get('schedule', 'cosine')]}), mean over seeds (2, or 4 near the best where the seed noise is above 2%); `div` = a seed diverged. "
             "Seed noise: pooled relative std of a 2-seed cell mean within 10% of the best.", "",
             "| workload | split | family | optimizer | regime | batch | steps | best LR | best warmup | best loss | best LR @0 / 5% / 20% warmup | seed noise | runs | CPU s |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        b = r["best"]
        bw = " / ".join(f"{r['best_lr_by_warmup'][str(f)]['lr']:.3g} ({r['best_lr_by_warmup'][str(f)]['loss']:.4g})"
                        if str(f) in r["best_lr_by_warmup"] else "-" for f in report["fractions"])
        noise = "-" if r["seed_noise"] is None else f"{r['seed_noise']:.1%}"
        status = "" if r["complete"] else " (incomplete)"
        best = f"{b['lr']:.3g} | {b['warmup_fraction']:.0%} | {b['loss']:.4g}" if b else "- | - | -"
        lines.append(f"| {r['workload']}{status} | {r['split']} | {r['family']} | {r['optimizer']} | {r['regime']} | {r['batch_size']} | "
                     f"{r['total_steps']} | {best} | {bw} | {noise} | {r['n_runs']} | {r['seconds']:.0f} |")
    counts = {s: sum(r["split"] == s and r["base"] is None for r in rows) for s in ("tune", "heldout")}
    if REGISTRY == "suite_workloads":
        lines += ["", f"Base workloads: {counts['tune']} tune, {counts['heldout']} heldout; "
                  f"{sum(r['base'] is not None for r in rows)} batch-doubling variants."]
    else:
        one = [r["workload"] for r in rows if len(getattr(S.get(r["workload"]), "grid_seeds", SEEDS)) == 1]
        few = {r["workload"]: getattr(S.get(r["workload"]), "grid_fractions", FRACTIONS) for r in rows}
        few = {n: f for n, f in few.items() if tuple(f) != FRACTIONS}
        lines += ["", f"{len(rows)} workloads ({REGISTRY}); one seed per cell (no extra seeds) on: {', '.join(one) or 'none'}"
                  + ("; fewer warmups on: " + ", ".join(f"{n} ({'/'.join(f'{x:.0%}' for x in f)})" for n, f in few.items()) if few else "")
                  + "."]
    lines += ["", "## Cells (mean held-out loss; LR@warmup fraction)", ""]
    for r in rows:
        lines.append(f"- {r['workload']}: " + ", ".join(f"{k}: {'div' if v is None else f'{v:.4g}'}" for k, v in r["cells"].items()))
    return "\n".join(lines) + "\n"


def main() -> None:
    global RESULTS, JSONL, SCHEDULE, S, REGISTRY, STEM, MAX_RUNGS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="workload names (default: all)")
    parser.add_argument("--summarise-only", action="store_true", help="rebuild the summary from the jsonl")
    parser.add_argument("--results", default=str(RESULTS), help="the folder of suite_grid.jsonl / .json / .md")
    parser.add_argument("--schedule", default="cosine", choices=("cosine", "wsd", "constant"),
                        help="the shape every grid run trains with (write it to its own --results folder)")
    parser.add_argument("--registry", default=REGISTRY, help="the workloads' module (default suite_workloads; the exam: exam_workloads)")
    parser.add_argument("--stem", default=STEM, help="results file names: <stem>.jsonl / .json / .md")
    parser.add_argument("--max-rungs", type=int, default=MAX_RUNGS, help="cap on the factor-2 ladder's rungs")
    args = parser.parse_args()
    SCHEDULE = args.schedule
    REGISTRY, STEM, MAX_RUNGS = args.registry, args.stem, args.max_rungs
    S = importlib.import_module(REGISTRY)
    RESULTS = Path(args.results)
    JSONL = RESULTS / f"{STEM}.jsonl"
    if not args.summarise_only:
        unknown = [n for n in args.only or [] if n not in S.WORKLOADS]
        if unknown:
            parser.error(f"unknown workloads: {', '.join(unknown)}")
        RESULTS.mkdir(parents=True, exist_ok=True)
        run_grid(order(args.only), args.workers)
    report = summarise()
    print(render(report).split("\n## Cells")[0])


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
