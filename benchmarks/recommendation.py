"""Recommendation benchmark: does warmfind's (peak LR, warmup) train as well as the best of a full grid?

For each workload: train the full planned length with linear warmup + cosine decay over a grid of peak LR
(factor-2 ladder from stable to divergent) x warmup fraction (0, 5%, 20%) x 2 seeds, and record held-out
loss. The grid's best mean is the reference. Each method's pick is trained with the same 2 seeds and scored
by regret = loss / best - 1 (a diverged run scores inf and counts as a divergence).

Methods: warmfind; torch-lr-finder's own range test + steepest-gradient suggestion (the real library);
fastai's valley rule and Lightning's steepest rule on warmfind's range-test curve; Adam's untuned rule
(Ma & Yarats 2019: warmup 2/(1-beta2) steps at torch's default Adam LR 1e-3). The LR finders give no
warmup: they are paired with a 5% warmup (the middle of the grid's fractions).

Run (about 7 minutes on 2 CPU cores):
    pip install torch-lr-finder matplotlib   # benchmark-only dependencies
    python benchmarks/recommendation.py --out benchmarks/results/recommendation
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GRID_FRACTIONS = (0.0, 0.05, 0.2)
SEEDS = (0, 1)
FINDER_WARMUP = 0.05


@dataclass(frozen=True)
class Bench:
    name: str
    entrypoint: str
    total_steps: int
    grid: tuple[float, ...]  # factor-2 ladder of peak LRs
    kwargs: dict[str, Any] = field(default_factory=dict)
    adam: bool = True


def ladder(low: float, rungs: int) -> tuple[float, ...]:
    return tuple(low * 2**k for k in range(rungs))


BENCHES = {
    b.name: b
    for b in (
        Bench("mlp_sgd", "warmfind.workloads.synthetic:mlp_sgd", 500, ladder(0.00625, 11), adam=False),
        Bench("cnn_bn_sgd", "warmfind.workloads.synthetic:cnn_bn", 400, ladder(0.00625, 11), adam=False),
        Bench("deep_mlp_adam", "warmfind.workloads.synthetic:deep_mlp_adam", 500, ladder(1.25e-4, 10)),
        Bench("least_squares_sgd", "warmfind.workloads.synthetic:least_squares", 300, ladder(0.00625, 10), adam=False),
        Bench("charlm_preln", "warmfind.workloads.charlm:build", 400, ladder(3.125e-4, 9),
              dict(d_model=48, seq_len=32, batch_size=16, post_ln=False)),
        Bench("charlm_postln", "warmfind.workloads.charlm:build", 400, ladder(3.125e-4, 9),
              dict(d_model=48, seq_len=32, batch_size=16, post_ln=True)),
    )
}


def _setup() -> None:
    import warnings

    import torch

    warnings.filterwarnings("ignore")
    torch.set_num_threads(1)


def _workload(bench: Bench, seed: int, **extra: Any) -> Any:
    from warmfind.probing.entrypoint import resolve
    from warmfind.probing.workload import build_workload

    return build_workload(resolve(bench.entrypoint)(**{**bench.kwargs, **extra, "seed": seed}))


def train(bench_name: str, lr: float, warmup_steps: int, seed: int, batch_size: int | None = None,
          total_steps: int | None = None) -> float:
    """Train the full length with linear warmup + cosine (floor 10%) and return held-out loss (inf if diverged).

    ``batch_size`` and ``total_steps`` replace the benchmark's own (the warmup-transfer benchmark moves both).
    """
    _setup()
    import torch

    from warmfind.probing.prober import Prober
    from warmfind.recipe.schedule import Schedule

    bench = BENCHES[bench_name]
    total = total_steps or bench.total_steps
    extra = {"batch_size": batch_size} if batch_size is not None else {}
    prober = Prober(_workload(bench, seed, **extra), torch.device("cpu"), seed=seed)
    sched = Schedule(lr, warmup_steps, total, lr * 0.1)
    run, _ = prober.run(sched.lr_at, total, "full", lr, warmup_steps)
    if run.stopped is not None or run.eval_loss is None or not math.isfinite(run.eval_loss):
        return math.inf
    return float(run.eval_loss)


def warmfind_pick(bench_name: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run warmfind's probe (seed 0) and return its pick, its range-test curve and its cost."""
    _setup()
    from warmfind.probing.measure import measure
    from warmfind.probing.options import ProbeOptions

    bench = BENCHES[bench_name]
    options = ProbeOptions(entrypoint=bench.entrypoint, total_steps=bench.total_steps, device="cpu",
                           factory_args={**bench.kwargs, **(extra or {})})
    started = time.monotonic()
    m = measure(options)
    rec = m.recipe["recommendation"]
    rt = m.recipe["evidence"]["lr_range_test"]
    noise = m.recipe["evidence"]["gradient_noise_scale"] or {}
    return {
        "b_simple": (noise.get("at_init") or {}).get("b_simple"), "b_simple_stderr": (noise.get("at_init") or {}).get("stderr"),
        "peak_lr": rec["peak_lr"], "warmup_steps": rec["warmup_steps"], "explanation": rec["explanation"],
        "probe_steps": m.recipe["cost"]["probe_steps"], "seconds": time.monotonic() - started,
        "batch_table": noise.get("batch_table") or [], "batch_size": m.recipe["workload"]["batch_size"],
        "curve": {"lr": rt["curve"]["lr"], "loss": rt["curve"]["loss"]},
    }


def exact_b_simple(bench_name: str) -> float | None:
    """B_simple = tr(Sigma) / |G|^2 at initialisation from per-example gradients over the whole training pool.

    Batches are drawn with replacement from that pool, so the per-example gradients' population mean and
    covariance are exactly G and Sigma of McCandlish et al.'s model. None where per-example gradients are not
    defined (BatchNorm couples the examples) or the workload has no finite pool.
    """
    _setup()
    import torch
    from torch.func import functional_call, grad, vmap

    raw = _raw(BENCHES[bench_name], 0)
    if "train_pool" not in raw:
        return None
    w = _workload(BENCHES[bench_name], 0)
    x, y = raw["train_pool"]
    params = {k: v.detach() for k, v in w.model.named_parameters()}

    def loss_one(p: dict[str, torch.Tensor], xi: torch.Tensor, yi: torch.Tensor) -> torch.Tensor:
        return w.loss_fn(lambda inp: functional_call(w.model, p, (inp,)), (xi[None], yi[None]))  # type: ignore[arg-type]

    per_example = vmap(grad(loss_one), in_dims=(None, 0, 0))(params, x, y)
    flat = torch.cat([g.reshape(len(x), -1) for g in per_example.values()], dim=1).double()
    mean = flat.mean(0)
    trace = ((flat - mean) ** 2).sum(1).mean()
    return float(trace / (mean**2).sum())


def _raw(bench: Bench, seed: int) -> Any:
    from warmfind.probing.entrypoint import resolve

    return resolve(bench.entrypoint)(**{**bench.kwargs, "seed": seed})


def torch_lr_finder_pick(bench_name: str) -> float | None:
    """torch-lr-finder's own range test (1e-7 -> 10, 100 steps) and its steepest-gradient suggestion."""
    _setup()
    import torch
    from torch_lr_finder import LRFinder, TrainDataLoaderIter

    bench = BENCHES[bench_name]
    w = _workload(bench, 0)

    class Batches(TrainDataLoaderIter):  # our batches are (x, y) tuples already
        def inputs_labels_from_batch(self, batch: Any) -> Any:
            return batch

    def criterion(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        if y.dtype == torch.long:
            return torch.nn.functional.cross_entropy(out.reshape(-1, out.shape[-1]), y.reshape(-1))
        return torch.nn.functional.mse_loss(out, y)

    optimizer = w.optimizer_factory(w.model.parameters(), lr=1e-7)
    finder = LRFinder(w.model, optimizer, criterion, device="cpu")
    finder.range_test(Batches(w.data), start_lr=1e-7, end_lr=10, num_iter=100)
    import matplotlib

    matplotlib.use("Agg")
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        try:
            _, lr = finder.plot(suggest_lr=True)
        except Exception:
            return None
    return float(lr)


def _ema(values: list[float], beta: float) -> list[float]:
    out, mean = [], 0.0
    for t, v in enumerate(values, 1):
        mean = beta * mean + (1 - beta) * v
        out.append(mean / (1 - beta**t))
    return out


def _cut_at(losses: list[float], multiple: float) -> int:
    best = math.inf
    for i, v in enumerate(losses):
        if not math.isfinite(v) or v > multiple * best:
            return i
        best = min(best, v)
    return len(losses)


def fastai_valley(lrs: list[float], raw: list[float]) -> float | None:
    """fastai's valley rule: EMA 0.98, stop at 4x best, skip 10%/5, 2/3 down the longest descending subsequence."""
    losses = _ema(raw, 0.98)
    n = _cut_at(losses, 4.0)
    skip = len(raw) // 10
    lrs, losses = lrs[skip : max(skip + 1, n - 5)], losses[skip : max(skip + 1, n - 5)]
    if len(losses) < 3:
        return None
    lds = [1] * len(losses)
    max_start = max_end = 0
    for i in range(1, len(losses)):
        for j in range(i):
            if losses[i] < losses[j] and lds[i] < lds[j] + 1:
                lds[i] = lds[j] + 1
            if lds[max_end] < lds[i]:
                max_end, max_start = i, i - lds[i]
    sections = (max_end - max_start) / 3
    return float(lrs[max_start + int(sections) + int(sections / 2)])


def lightning_steepest(lrs: list[float], raw: list[float]) -> float | None:
    """Lightning's rule: EMA 0.98, stop at 4x best, skip 10 first / 1 last, argmin of np.gradient."""
    losses = _ema(raw, 0.98)
    n = _cut_at(losses, 4.0)
    lrs, losses = lrs[10 : n - 1], losses[10 : n - 1]
    if len(losses) < 2:
        return None
    grads = [losses[1] - losses[0]] + [(losses[i + 1] - losses[i - 1]) / 2 for i in range(1, len(losses) - 1)] + [losses[-1] - losses[-2]]
    return float(lrs[min(range(len(grads)), key=grads.__getitem__)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="benchmarks/results/recommendation")
    parser.add_argument("--only", nargs="*", help="benchmark names to run (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--grid-from", help="reuse the grid of an earlier results JSON (to iterate on warmfind quickly)")
    parser.add_argument("--methods", nargs="*", help="methods to score (default: all)")
    args = parser.parse_args()
    names = args.only or list(BENCHES)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with ProcessPoolExecutor(args.workers) as pool:
        wanted = set(args.methods or ["warmfind", "torch-lr-finder", "fastai valley", "lightning steepest", "adam 2/(1-b2)"])
        picks = {n: pool.submit(warmfind_pick, n) for n in names}
        finder = {n: pool.submit(torch_lr_finder_pick, n) for n in names if "torch-lr-finder" in wanted}
        exact = {n: pool.submit(exact_b_simple, n) for n in names}
        batch2x = {n: pool.submit(warmfind_pick, n, {"batch_size": 2 * _batch(n)}) for n in ("mlp_sgd", "charlm_preln") if n in names}
        grid = {} if args.grid_from else {
            (n, lr, f, s): pool.submit(train, n, lr, int(round(f * BENCHES[n].total_steps)), s)
            for n in names for lr in BENCHES[n].grid for f in GRID_FRACTIONS for s in SEEDS}
        picks_r = {n: f.result() for n, f in picks.items()}
        finder_r = {n: f.result() for n, f in finder.items()}
        methods: dict[str, dict[str, tuple[float, int] | None]] = {}
        for n in names:
            b, p = BENCHES[n], picks_r[n]
            fw = int(round(FINDER_WARMUP * b.total_steps))
            lrs, raw = p["curve"]["lr"], p["curve"]["loss"]
            methods[n] = {
                "warmfind": (p["peak_lr"], p["warmup_steps"]),
                "torch-lr-finder": (finder_r[n], fw) if finder_r.get(n) else None,
                "fastai valley": (v, fw) if (v := fastai_valley(lrs, raw)) else None,
                "lightning steepest": (v, fw) if (v := lightning_steepest(lrs, raw)) else None,
                "adam 2/(1-b2)": (1e-3, min(2000, b.total_steps - 1)) if b.adam else None,
            }
            methods[n] = {m: v for m, v in methods[n].items() if m in wanted}
        evals = {(n, m, s): pool.submit(train, n, pick[0], pick[1], s)
                 for n in names for m, pick in methods[n].items() if pick for s in SEEDS}
        grid_r = {k: f.result() for k, f in grid.items()}
        cells = _load_cells(args.grid_from, names) if args.grid_from else {
            n: {(lr, f): _mean([grid_r[(n, lr, f, s)] for s in SEEDS]) for lr in BENCHES[n].grid for f in GRID_FRACTIONS}
            for n in names}
        noise = _load_seed_noise(args.grid_from, names) if args.grid_from else {n: seed_noise(grid_r, n) for n in names}
        evals_r = {k: f.result() for k, f in evals.items()}
        batch_r = {n: f.result() for n, f in batch2x.items()}
        exact_r = {n: f.result() for n, f in exact.items()}
    report = summarise(names, picks_r, methods, cells, evals_r, batch_r, time.monotonic() - started)
    for row in report["rows"]:
        row["b_simple_exact"] = exact_r[row["workload"]]
        row["seed_noise"] = noise[row["workload"]]
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str))
    text = render(report)
    out.with_suffix(".md").write_text(text)
    print(text)


def _batch(name: str) -> int:
    return int(BENCHES[name].kwargs.get("batch_size", 32))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if all(math.isfinite(v) for v in values) else math.inf


def seed_noise(grid: dict[tuple[str, float, float, int], float], name: str, near: float = 1.1) -> float | None:
    """The seed-to-seed noise of a grid cell: the pooled standard deviation of a 2-seed mean, relative to it.

    Pooled over the finite cells within ``near`` x the best mean (the region a good pick lands in); with two
    seeds a and b the mean's variance is ``(a - b)^2 / 4``. A regret smaller than this is not a measured loss.
    """
    bench = BENCHES[name]
    pairs = [[grid[(name, lr, f, s)] for s in SEEDS] for lr in bench.grid for f in GRID_FRACTIONS]
    finite = [p for p in pairs if all(math.isfinite(v) for v in p)]
    if not finite or len(SEEDS) != 2:
        return None
    best = min(sum(p) / 2 for p in finite)
    close = [p for p in finite if sum(p) / 2 <= near * best]
    return math.sqrt(sum(((a - b) / (a + b)) ** 2 for a, b in close) / len(close))


def _load_seed_noise(path: str, names: list[str]) -> dict[str, float | None]:
    rows = {r["workload"]: r for r in json.loads(Path(path).read_text())["rows"]}
    return {n: rows[n].get("seed_noise") for n in names}


def _load_cells(path: str, names: list[str]) -> dict[str, dict[tuple[float, float], float]]:
    rows = {r["workload"]: r for r in json.loads(Path(path).read_text())["rows"]}
    out = {}
    for n in names:
        grid = rows[n]["grid"]
        out[n] = {(lr, f): float(grid[f"{lr:.3g}@{f}"]) for lr in BENCHES[n].grid for f in GRID_FRACTIONS}
    return out


def summarise(names: list[str], picks: dict[str, Any], methods: dict[str, Any], all_cells: dict[str, Any],
              evals: dict[Any, float], batch2x: dict[str, Any], seconds: float) -> dict[str, Any]:
    rows = []
    for n in names:
        b = BENCHES[n]
        cells = all_cells[n]
        (best_lr, best_f), best = min(cells.items(), key=lambda kv: kv[1])
        top_diverged = not math.isfinite(cells[(b.grid[-1], 0.0)])
        row = {"workload": n, "total_steps": b.total_steps, "best_loss": best, "best_lr": best_lr, "best_warmup_fraction": best_f,
               "grid_top_diverges": top_diverged, "grid": {f"{lr:.3g}@{f}": v for (lr, f), v in cells.items()},
               "probe_steps": picks[n]["probe_steps"], "probe_cost_runs": picks[n]["probe_steps"] / b.total_steps,
               "b_simple": picks[n]["b_simple"], "b_simple_stderr": picks[n]["b_simple_stderr"],
               "explanation": picks[n]["explanation"], "methods": {}}
        for m, pick in methods[n].items():
            if pick is None:
                row["methods"][m] = None
                continue
            losses = [evals[(n, m, s)] for s in SEEDS]
            loss = _mean(losses)
            row["methods"][m] = {"lr": pick[0], "warmup_steps": pick[1], "loss": loss,
                                 "regret": loss / best - 1 if math.isfinite(loss) else math.inf,
                                 "diverged": sum(not math.isfinite(v) for v in losses)}
        rows.append(row)
    science = {}
    if "charlm_preln" in picks and "charlm_postln" in picks:
        science["postln_warmup"] = picks["charlm_postln"]["warmup_steps"]
        science["preln_warmup"] = picks["charlm_preln"]["warmup_steps"]
    science["batch_doubling"] = {n: {"peak_lr_b": picks[n]["peak_lr"], "peak_lr_2b": r["peak_lr"], "ratio": r["peak_lr"] / picks[n]["peak_lr"],
                                     "predicted_ratio": _predicted_doubling(picks[n]),
                                     "warmup_b": picks[n]["warmup_steps"], "warmup_2b": r["warmup_steps"],
                                     "predicted_warmup": _predicted_doubling(picks[n], "warmup_steps")}
                                 for n, r in batch2x.items()}
    return {"rows": rows, "science": science, "seconds": seconds,
            "command": "python benchmarks/recommendation.py " + " ".join(sys.argv[1:])}


def _predicted_doubling(pick: dict[str, Any], key: str = "peak_lr") -> float | None:
    """The noise-scale rules' prediction at twice the batch (the recipe's batch table): the peak LR over the
    pick's, or (``warmup_steps``) the warmup steps themselves."""
    two = [r for r in pick.get("batch_table") or [] if r["batch_size"] == 2 * pick["batch_size"]]
    if not two or two[0].get(key) is None:
        return None
    return two[0][key] / pick[key] if key == "peak_lr" else two[0][key]


def render(report: dict[str, Any]) -> str:
    rows = report["rows"]
    method_names = list(rows[0]["methods"]) if rows else []
    lines = ["# Recommendation benchmark", "", f"Command: `{report['command']}` ({report['seconds'] / 60:.1f} min, 2 CPU workers)", "",
             "Regret = held-out loss of the pick (mean of 2 seeds, full run, warmup+cosine) / best grid cell - 1. "
             "`div` = diverged seeds. Probe cost in full-run equivalents. Seed noise = the standard deviation of a "
             "2-seed mean between seeds, relative, pooled over the grid cells within 10% of the best: regrets "
             "smaller than about twice it are not measured differences (and the grid's best cell is itself "
             "optimistic by about that much, being the minimum of many noisy cells).", ""]
    head = ("| workload | grid best (lr, warmup) | seed noise | " + " | ".join(method_names)
            + " | warmfind cost | B_simple at init (exact) |")
    lines += [head, "|" + "---|" * (len(method_names) + 5)]
    for r in rows:
        cells = []
        for m in method_names:
            v = r["methods"][m]
            if v is None:
                cells.append("n/a")
                continue
            reg = "div" if not math.isfinite(v["regret"]) else f"{v['regret'] * 100:+.1f}%"
            cells.append(f"{reg} ({v['lr']:.1e}, {v['warmup_steps']})" + (f" div {v['diverged']}" if v["diverged"] and math.isfinite(v["regret"]) else ""))
        noise = r.get("seed_noise")
        lines.append(f"| {r['workload']} | {r['best_loss']:.4g} ({r['best_lr']:.1e}, {r['best_warmup_fraction']:.0%}) | "
                     + (f"+-{noise:.1%}" if noise is not None else "-") + " | " + " | ".join(cells)
                     + f" | {r['probe_cost_runs']:.2f} | {_noise_cell(r)} |")
    lines += ["", "| method | mean regret | worst regret | divergences | workloads |", "|---|---|---|---|---|"]
    for m in method_names:
        vals = [r["methods"][m] for r in rows if r["methods"][m] is not None]
        regrets = [v["regret"] for v in vals]
        finite = [x for x in regrets if math.isfinite(x)]
        mean = sum(finite) / len(finite) if len(finite) == len(regrets) and finite else math.inf
        worst = max(regrets) if regrets else math.nan
        lines.append(f"| {m} | {_pct(mean)} | {_pct(worst)} | {sum(v['diverged'] for v in vals)} | {len(vals)} |")
    sci = report["science"]
    lines += ["", "## Science checks", ""]
    if "postln_warmup" in sci:
        ok = sci["postln_warmup"] > sci["preln_warmup"]
        lines.append(f"- Post-LN warmup {sci['postln_warmup']} steps vs Pre-LN {sci['preln_warmup']} steps: {'longer, as expected' if ok else 'NOT longer'}")
    for n, d in sci.get("batch_doubling", {}).items():
        ok = 1 <= d["ratio"] <= 2
        pred = d.get("predicted_ratio")
        lines.append(f"- {n}: doubling the batch moves the measured peak LR {d['peak_lr_b']:.2e} -> {d['peak_lr_2b']:.2e} (x{d['ratio']:.2f}): "
                     f"{'within [1, 2]' if ok else 'OUTSIDE [1, 2]'}; the noise-scale rule predicted x{pred:.2f}" if pred else "")
        if d.get("predicted_warmup") is not None:
            lines.append(f"  - warmup {d['warmup_b']} -> {d['warmup_2b']} steps measured (same run length in steps); the warmup rule "
                         f"predicted {d['predicted_warmup']} (see benchmarks/results/warmup_transfer.md for the rule against full warmup grids)")
    lines += ["", "## Grid (mean held-out loss over 2 seeds; inf = diverged)", ""]
    for r in rows:
        lines.append(f"- {r['workload']} (grid top diverges: {r['grid_top_diverges']}): " + ", ".join(f"{k}: {v:.4g}" for k, v in r["grid"].items()))
    lines += ["", "## warmfind's explanations", ""]
    for r in rows:
        lines.append(f"- {r['workload']}: " + " / ".join(r["explanation"]))
    return "\n".join(lines) + "\n"


def _noise_cell(r: dict[str, Any]) -> str:
    b, se, exact = r.get("b_simple"), r.get("b_simple_stderr"), r.get("b_simple_exact")
    measured = "-" if b is None else f"{b:.3g} +- {se:.2g}"
    return measured + (f" ({exact:.3g})" if exact is not None else " (n/a)")


def _pct(x: float) -> str:
    return "div" if not math.isfinite(x) else f"{x * 100:+.1f}%"


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
