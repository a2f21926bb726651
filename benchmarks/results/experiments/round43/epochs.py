"""Round 43 (descriptive, recorded first scorings read again; decides nothing by itself): does ranking by the training
sample (no eval_data) lose where the planned run repeats its data many times?

For every pooled row with a pick in both regimes, the planned run's passes over its finite data (planned steps /
batches per pass, from the factory's own loader) against the no-eval pick's regret minus the eval_data pick's (what a
held-out ranking could recover at most, if it ranked as the eval_data does). Run from the repository root:
    python benchmarks/results/experiments/round43/epochs.py > benchmarks/results/experiments/round43/epochs.txt
"""
import json
import math
import statistics
import sys

sys.path.insert(0, "benchmarks")
from exam_pool import rows  # noqa: E402

from warmfind.probing.batches import data_length  # noqa: E402
from warmfind.probing.measure import load_workload  # noqa: E402
from warmfind.probing.options import ProbeOptions  # noqa: E402


def passes(exam: str, name: str, total: int) -> float | None:
    options = ProbeOptions(entrypoint=f"benchmarks/exam{exam.split()[-1]}_workloads.py:build", total_steps=total,
                           factory_args={"name": name}, device="cpu", threads=1)
    n = data_length(load_workload(options).data)
    return total / n if n else None


def main() -> None:
    by: dict[tuple[str, str], dict[str, dict]] = {}
    for r in rows():
        by.setdefault((r["exam"], r["workload"]), {})[r["data"]] = r
    out = []
    for (exam, name), regimes in by.items():
        if {"eval", "no-eval"} - set(regimes):
            continue
        e, n = regimes["eval"], regimes["no-eval"]
        total = 3000 if e["long"] else e.get("total_steps") or 300
        try:
            p = passes(exam, name, total)
        except Exception as exc:  # noqa: BLE001
            print(f"{exam} {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        gap = n["pick"]["regret"] - e["pick"]["regret"]
        out.append((p, gap, exam, name, e["pick"]["regret"], n["pick"]["regret"]))
        print(f"{exam:<8}{name:<34} passes {p if p is not None else math.nan:8.1f}  eval {e['pick']['regret']:+8.1%}  "
              f"no-eval {n['pick']['regret']:+8.1%}  gap {gap:+8.1%}", flush=True)
    print()
    known = sorted((x for x in out if x[0] is not None), key=lambda x: x[0])
    for lo, hi in ((0, 1), (1, 3), (3, 10), (10, 30), (30, 1e9)):
        g = [x for x in known if lo <= x[0] < hi]
        if g:
            gaps = [x[1] for x in g]
            print(f"passes {lo:>3}-{hi if hi < 1e9 else 'up':<3} {len(g):3} workloads  median gap {statistics.median(gaps):+6.1%}  "
                  f"no-eval worse by over 8 points {sum(v > 0.08 for v in gaps):3}, better {sum(v < -0.08 for v in gaps):3}")
    print(f"streams (no length): {sum(x[0] is None for x in out)}")


if __name__ == "__main__":
    main()
