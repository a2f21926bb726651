"""Round 20: long plans of the spent exams 7-18 re-probed with today's code at the shipped budget (LONG_PLAN_RUNS =
0.5: screen 34, re-rank 182 steps at T = 3000) and at a one-run budget (LONG_PLAN_RUNS = 1.0: screen 71, re-rank 383),
scored on copies of each exam's evals cache; beside each exam's first scoring (its day's code).

    python benchmarks/results/experiments/round20/compare.py > benchmarks/results/experiments/round20/compare.txt
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

from exam_pool import FIRST_SCORINGS  # noqa: E402

RUNS = {"first scoring": None, "today, 0.5 runs": "half", "today, 1.0 runs": "one"}


def rows() -> dict[tuple[str, str, str], dict[str, dict]]:
    out: dict[tuple[str, str, str], dict[str, dict]] = {}
    for exam, score, long_ok in FIRST_SCORINGS:
        n = exam.split()[1]
        if not long_ok or not (HERE / f"score.exam{n}.one.json").exists():
            continue
        for label, tag in RUNS.items():
            path = ROOT / "benchmarks/results" / score if tag is None else HERE / f"score.exam{n}.{tag}.json"
            for r in json.loads(path.read_text())["rows"]:
                if r["long"]:
                    out.setdefault((exam, r["workload"], r["data"]), {})[label] = r
    return out


def summary(regrets: list[float | None]) -> str:
    v = [x if x is not None else float("inf") for x in regrets]
    p90 = sorted(v)[int(round(0.9 * (len(v) - 1)))]
    return (f"median {statistics.median(v):+.2%}, 90th pct {p90:+.1%}, within 3% {sum(x <= 0.03 for x in v)}, "
            f"over 8% {sum(x > 0.08 for x in v)}, no pick {sum(x == float('inf') for x in v)}")


table = rows()
for data in ("eval", "no-eval"):
    keys = [k for k in table if k[2] == data]
    print(f"## {data}: {len(keys)} long rows; plain T/5 grid within 3%: "
          f"{sum(table[k]['first scoring']['plain']['regret'] <= 0.03 for k in keys)}")
    for label in RUNS:
        picks = [(table[k][label].get("pick") or {}) for k in keys]
        ratios = [p["lr_ratio"] for p in picks if p.get("lr_ratio")]
        costs = [p["cost"] for p in picks if p.get("cost")]
        print(f"{label:16s} {summary([p.get('regret') for p in picks])}, LR / best {statistics.median(ratios):.2f}, "
              f"cost {statistics.median(costs):.2f} runs")
print()
for k, v in table.items():
    cells = []
    for label in RUNS:
        p = v[label].get("pick") or {}
        ratio = f" ({p['lr_ratio']:.2f}x)" if p.get("lr_ratio") else ""
        cells.append("no pick" if p.get("regret") is None else f"{p['regret']:+.1%}{ratio}")
    print(f"{k[0]:8s} {k[1]:26s} {k[2]:7s} " + "  ".join(f"{c:>18s}" for c in cells))
