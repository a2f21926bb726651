"""Probe speed and memory benchmark: what recording costs per step, what the snapshot costs, what a probe costs.

For each built-in workload: the wall time of a bare ``zero_grad; loss.backward(); opt.step()`` loop and of the
probe loop (``Prober.run``: loss, grad norm, update ratios, batched host reads) on the same model and the same
pre-fetched batches, measured interleaved in one process (alternating order, single-threaded torch) so
background load hits both alike; the ratio is the median of the paired ratios, of wall time and of process CPU
time (steadier when other jobs share the cores). Both loops draw the batches
through the same ``BatchStream`` (a pre-fetched list), so the comparison is of the step, not of data loading. Memory: bytes of the training
state (parameters + gradients + optimizer state), of the snapshot (model + optimizer state, on CPU) and of the
transient parameter copy the update ratio takes, plus the RSS growth when a snapshot is taken. Then the whole
probe (``warmfind.probing.measure.measure``) in a fresh process per workload, for its cost block, and the overshoot of
``--budget-seconds``.

Run (about 5 minutes on 2 CPU cores; ``--device cuda --precision bf16`` on a GPU, where ``--workloads charlm_large``
adds a 19M-parameter character transformer; ``--ratio-every 1`` for per-step ratios):
    python benchmarks/speed.py --budgets 2 5 10 --out benchmarks/results/speed
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from warmfind import defaults  # noqa: E402
from warmfind.probing.batches import BatchStream  # noqa: E402
from warmfind.probing.loss_scale import new_scaler  # noqa: E402
from warmfind.probing.measure import load_workload, measure  # noqa: E402
from warmfind.probing.options import ProbeOptions  # noqa: E402
from warmfind.probing.prober import Prober  # noqa: E402

WORKLOADS = {
    "charlm": "warmfind.workloads.charlm:build",
    "cnn_bn": "warmfind.workloads.synthetic:cnn_bn",
    "mlp_sgd": "warmfind.workloads.synthetic:mlp_sgd",
    "deep_mlp_adam": "warmfind.workloads.synthetic:deep_mlp_adam",
    "charlm_large": "warmfind.workloads.charlm:build",  # GPU-sized: not in the default list (minutes per step on a CPU)
}
FACTORY_ARGS = {"charlm_large": {"d_model": 512, "layers": 6, "heads": 8, "seq_len": 256, "batch_size": 64}}  # ~19M
DEFAULT_WORKLOADS = ["charlm", "cnn_bn", "mlp_sgd", "deep_mlp_adam"]
TIMING_LR = 1e-3  # small enough that no workload diverges during the timing runs
PREFETCHED = 64  # batches reused by both loops (one epoch of the synthetic workloads): data loading stays out of the comparison
MB = 2**20


def bare_loop(model: torch.nn.Module, optimizer: torch.optim.Optimizer, loss_fn: Any, batches: list[Any], steps: int,
              autocast: Any, scaler: Any = None) -> tuple[float, float]:
    """Wall and CPU seconds for ``steps`` plain training steps, fed by the same ``BatchStream`` the probe reads from,
    under the probe's own autocast (``autocast``: ``TrainStep.autocast``, a no-op context in fp32) and, in fp16, with
    the GradScaler such a loop uses (``scaler``)."""
    device = next(model.parameters()).device
    _sync(device)
    began, cpu = time.perf_counter(), time.process_time()
    stream = BatchStream(batches, 0, device).batches()
    for _ in range(steps):
        optimizer.zero_grad(set_to_none=True)
        with autocast():
            loss = loss_fn(model, next(stream))
        if scaler is None:
            loss.backward()
            optimizer.step()
        else:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
    _sync(device)
    return time.perf_counter() - began, time.process_time() - cpu


def probe_loop(prober: Prober, steps: int) -> tuple[float, float]:
    """Wall and CPU seconds for one probe run of ``steps`` steps (restore, recording and host reads included)."""
    _sync(prober.device)
    began, cpu = time.perf_counter(), time.process_time()
    prober.run(lambda _: TIMING_LR, steps, "speed", TIMING_LR, stop_on_divergence=False)
    _sync(prober.device)
    return time.perf_counter() - began, time.process_time() - cpu


def _device_name(device: torch.device) -> str:
    return f" ({torch.cuda.get_device_name(device)})" if device.type == "cuda" else ""


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def cuda_peak_mb(device: torch.device, loop: Any) -> float | None:
    """Peak CUDA memory allocated while ``loop()`` runs (None off CUDA, where RSS high-water marks do not reset)."""
    if device.type != "cuda":
        loop()
        return None
    torch.cuda.reset_peak_memory_stats(device)
    loop()
    return torch.cuda.max_memory_allocated(device) / MB


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def tensor_mb(tensors: Any) -> float:
    return sum(t.numel() * t.element_size() for t in tensors if isinstance(t, torch.Tensor)) / MB


def step_timing(name: str, entrypoint: str, repeats: int, seconds_per_repeat: float, ratio_every: int | None,
                device: torch.device, precision: str = "fp32") -> dict[str, Any]:
    """Bare vs probe step time (interleaved medians) and the memory of the snapshot, for one workload."""
    workload = load_workload(ProbeOptions(entrypoint=entrypoint, factory_args=FACTORY_ARGS.get(name, {})))
    stream = BatchStream(workload.data, 0).batches()
    batches = [next(stream) for _ in range(PREFETCHED)]
    workload = replace(workload, data=batches, eval_data=None)
    kwargs = {} if ratio_every is None else {"ratio_every": ratio_every}
    prober = Prober(workload, device, precision=precision, **kwargs)
    optimizer = prober.new_optimizer()
    for group in optimizer.param_groups:
        group["lr"] = TIMING_LR
    autocast = prober.train_step.autocast
    scaler = new_scaler(device, defaults.FP16_MAX_LOSS_SCALE) if precision == "fp16" else None

    def bare(n: int) -> tuple[float, float]:
        return bare_loop(prober.model, optimizer, workload.loss_fn, batches, n, autocast, scaler)

    calibrate = bare(10)[0] / 10
    probe_loop(prober, 10)
    steps = max(20, int(seconds_per_repeat / calibrate))
    bare_times, probe = [], []
    for r in range(repeats):
        if r % 2 == 0:
            bare_times.append(bare(steps))
            probe.append(probe_loop(prober, steps))
        else:
            probe.append(probe_loop(prober, steps))
            bare_times.append(bare(steps))
    peak_bare = cuda_peak_mb(device, lambda: bare(20))
    peak_probe = cuda_peak_mb(device, lambda: probe_loop(prober, 20))
    ratios = [p[0] / b[0] for p, b in zip(probe, bare_times)]
    cpu_ratios = [p[1] / b[1] for p, b in zip(probe, bare_times)]
    state = [p for p in prober.model.parameters()]
    grads = [p.grad for p in state if p.grad is not None]
    opt_tensors = [v for s in optimizer.state.values() for v in s.values()]
    before = rss_mb()
    snap = prober.snapshot(optimizer, 0)
    grown = rss_mb() - before
    return {
        "workload": name,
        "parameters": sum(p.numel() for p in state),
        "steps_per_repeat": steps,
        "repeats": repeats,
        "bare_ms": statistics.median(b[0] for b in bare_times) / steps * 1e3,
        "probe_ms": statistics.median(p[0] for p in probe) / steps * 1e3,
        "ratio": statistics.median(ratios),
        "ratio_min": min(ratios),
        "ratio_max": max(ratios),
        "cpu_ratio": statistics.median(cpu_ratios),
        "cpu_ratio_min": min(cpu_ratios),
        "cpu_ratio_max": max(cpu_ratios),
        "ratio_every": prober.ratio_every,
        "train_state_mb": tensor_mb(state) + tensor_mb(grads) + tensor_mb(opt_tensors),
        "snapshot_mb": snap.nbytes / MB,
        "snapshot_rss_growth_mb": grown,
        "ratio_copy_mb": tensor_mb(prober.param_values),
        "cuda_peak_bare_mb": peak_bare,
        "cuda_peak_probe_mb": peak_probe,
    }


def _whole(entrypoint: str, extra: dict[str, Any], queue: Any) -> None:
    torch.set_num_threads(1)
    began = time.monotonic()
    try:
        cost = measure(ProbeOptions(entrypoint=entrypoint, **extra)).recipe["cost"]
    except Exception as exc:  # reported in the table rather than hanging the benchmark
        queue.put({"error": f"{type(exc).__name__}: {exc}", "wall_seconds": round(time.monotonic() - began, 2)})
        return
    queue.put({**cost, "wall_seconds": round(time.monotonic() - began, 2)})


def whole_probe(entrypoint: str, **extra: Any) -> dict[str, Any]:
    """``measure`` in a fresh process (its VmHWM peak RSS is its own); the recipe's cost block plus wall time."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_whole, args=(entrypoint, extra, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[no-any-return]


def markdown(command: str, device: torch.device, precision: str, timing: list[dict[str, Any]], whole: dict[str, dict[str, Any]], budget: list[dict[str, Any]]) -> str:
    lines = [f"<!-- {command} -->", "# Probe speed and memory", "", f"Command: `{command}`", "",
             f"torch {torch.__version__}, device {device}{_device_name(device)}, precision {precision} (both loops), "
             "torch.set_num_threads(1); bare and probe loops interleaved "
             "(alternating order), medians of the paired ratios; snapshot and ratio-copy sizes are counted tensor bytes.", "",
             "## Per-step cost (probe loop vs bare loop, same model and batches)", "",
             "| workload | params | bare ms/step | probe ms/step | wall ratio (min-max) | CPU-time ratio (min-max) | ratio_every | train state MB | snapshot MB | snapshot RSS +MB | ratio copy MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for t in timing:
        lines.append(
            f"| {t['workload']} | {t['parameters']:,} | {t['bare_ms']:.3f} | {t['probe_ms']:.3f} | "
            f"{t['ratio']:.3f} ({t['ratio_min']:.3f}-{t['ratio_max']:.3f}) | "
            f"{t['cpu_ratio']:.3f} ({t['cpu_ratio_min']:.3f}-{t['cpu_ratio_max']:.3f}) | {t['ratio_every']} | {t['train_state_mb']:.2f} | "
            f"{t['snapshot_mb']:.2f} | {t['snapshot_rss_growth_mb']:.2f} | {t['ratio_copy_mb']:.2f} |"
        )
    if any(t["cuda_peak_probe_mb"] is not None for t in timing):
        lines += ["", "| workload | CUDA peak MB, bare loop | CUDA peak MB, probe loop |", "|---|---|---|"]
        lines += [f"| {t['workload']} | {t['cuda_peak_bare_mb']:.1f} | {t['cuda_peak_probe_mb']:.1f} |" for t in timing]
    if whole:
        lines += ["", "## Whole probe (`warmfind.probing.measure.measure`, default total_steps, fresh process each)", "",
                  "| workload | probe steps | seconds | runs | full-run equivalents | stopped by | peak memory MB (VmHWM or CUDA) | snapshot MB |",
                  "|---|---|---|---|---|---|---|---|"]
        for name, c in whole.items():
            if "error" in c:
                lines.append(f"| {name} | failed: {c['error']} | | | | | | |")
                continue
            lines.append(f"| {name} | {c['probe_steps']} | {c['seconds']} | {c['runs']} | {c['full_run_equivalents']} | "
                         f"{c['stopped_by']} | {c.get('peak_memory_mb')} | {c.get('snapshot_mb')} |")
    if budget:
        lines += ["", "## `--budget-seconds` overshoot (charlm)", "",
                  "| budget s | measure seconds (search) | wall seconds (load + init + search) | wall overshoot | probe steps | stopped by |", "|---|---|---|---|---|---|"]
        for b in budget:
            if "error" in b:
                lines.append(f"| {b['budget_seconds']} | failed after {b['wall_seconds']} s: {b['error']} | | | | |")
                continue
            lines.append(f"| {b['budget_seconds']} | {b['seconds']} | {b['wall_seconds']} | "
                         f"{b['wall_seconds'] / b['budget_seconds'] - 1:+.1%} | {b['probe_steps']} | {b['stopped_by']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="benchmarks/results/speed", help="write OUT.md and OUT.json")
    parser.add_argument("--workloads", nargs="*", default=DEFAULT_WORKLOADS, choices=list(WORKLOADS))
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--seconds-per-repeat", type=float, default=0.4)
    parser.add_argument("--ratio-every", type=int, default=None, help="override the Prober default")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--precision", default="fp32", choices=["fp32", "bf16", "fp16"],
                        help="autocast for both loops and the whole probe")
    parser.add_argument("--no-whole", action="store_true", help="skip the whole-probe runs")
    parser.add_argument("--budgets", type=float, nargs="*", default=[5.0, 10.0])
    args = parser.parse_args()
    torch.set_num_threads(1)
    device = torch.device(args.device)
    command = "python benchmarks/speed.py " + " ".join(sys.argv[1:])
    timing = []
    for name in args.workloads:
        timing.append(step_timing(name, WORKLOADS[name], args.repeats, args.seconds_per_repeat, args.ratio_every, device,
                                  args.precision))
        t = timing[-1]
        print(f"{name}: bare {t['bare_ms']:.3f} ms, probe {t['probe_ms']:.3f} ms, ratio {t['ratio']:.3f}, "
              f"CPU-time ratio {t['cpu_ratio']:.3f}", flush=True)
    whole = {}
    if not args.no_whole:
        for name in args.workloads:
            whole[name] = whole_probe(WORKLOADS[name], device=args.device, precision=args.precision,
                                      factory_args=FACTORY_ARGS.get(name, {}))
            print(f"{name}: whole probe {whole[name]}", flush=True)
    budget = []
    for seconds in args.budgets:
        budget.append({"budget_seconds": seconds, **whole_probe(WORKLOADS["charlm"], device=args.device, precision=args.precision,
                                                                budget_seconds=seconds)})
        print(f"charlm --budget-seconds {seconds}: {budget[-1]}", flush=True)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".md").write_text(markdown(command, device, args.precision, timing, whole, budget))
    out.with_suffix(".json").write_text(json.dumps({"command": command, "torch": torch.__version__,
                                                    "device": f"{device}{_device_name(device)}",
                                                    "precision": args.precision, "timing": timing,
                                                    "whole_probe": whole, "budget": budget}, indent=2))
    print(f"wrote {out.with_suffix('.md')}")


if __name__ == "__main__":
    main()
