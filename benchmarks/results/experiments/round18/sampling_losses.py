"""Round 18, step 1: which pooled exam workloads have a loss that draws random numbers at evaluation time.

For every workload of exams 4-18 (as ``exam_pool.FIRST_SCORINGS`` lists them), the untrained model's loss on its first
two training batches is computed twice under ``model.eval()`` and ``torch.no_grad()`` with torch's generator running
on (as ``Prober.evaluate`` did before ``EVAL_SEED``). A difference means the ranking evaluation sampled.

    python benchmarks/results/experiments/round18/sampling_losses.py > benchmarks/results/experiments/round18/sampling_losses.txt
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

from exam_pool import FIRST_SCORINGS  # noqa: E402

from warmfind.probing.entrypoint import resolve  # noqa: E402
from warmfind.probing.workload import build_workload, call_factory  # noqa: E402

torch.set_num_threads(1)
for exam, score, _ in FIRST_SCORINGS:
    n = exam.split()[1]
    registry = "exam_workloads" if n == "1" else f"exam{n}_workloads"
    factory = resolve(f"{ROOT / 'benchmarks' / (registry + '.py')}:build")
    names = sorted({r["workload"] for r in json.loads((ROOT / "benchmarks/results" / score).read_text())["rows"]})
    for name in names:
        torch.manual_seed(0)
        w = build_workload(call_factory(factory, {"name": name}))
        w.model.eval()
        with torch.no_grad():
            batches = list(itertools.islice(iter(w.data), 2))
            a = [float(w.loss_fn(w.model, b)) for b in batches]
            c = [float(w.loss_fn(w.model, b)) for b in batches]
        print(f"{exam}\t{name}\t{'SAMPLES' if a != c else 'fixed'}\t{a[0]:.6g}\t{c[0]:.6g}", flush=True)
