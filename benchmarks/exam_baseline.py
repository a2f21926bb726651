"""What a user who does not tune gets on the same exams: the optimizer's default LR with a 5% warmup, pooled.

The baseline is the suite's "fixed default" (1e-3 for Adam, 0.1 for SGD, 5% warmup), extended to every optimizer the
exams use by torch's own default LR (Adagrad, RMSprop and ASGD 1e-2, NAdam and Adamax 2e-3, Adadelta 1.0; SGD and the
exam's Riemannian SGD 0.1). Each exam's workloads (those in ``exam_pool.FIRST_SCORINGS``) are trained at that LR at
full length, seeds 0 and 1, by the exam's own scorer, into a cache of its own; the table pools them as
``exam_pool.py`` pools warmfind's first scorings, beside warmfind's numbers.

    python benchmarks/exam_baseline.py    # writes benchmarks/results/baselines/ (picks, scores, pool.md/json)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import exam_pool

HERE = Path(__file__).resolve().parent
OUT = HERE / "results" / "baselines"
DEFAULT_LR = (("adadelta", 1.0), ("adagrad", 1e-2), ("adamax", 2e-3), ("nadam", 2e-3), ("asgd", 1e-2),
              ("rmsprop", 1e-2), ("adam", 1e-3), ("radam", 1e-3), ("rsgd", 0.1), ("sgd", 0.1))  # first prefix wins
WARMUP = 0.05


def default_lr(optimizer: str) -> float:
    """The default LR of an exam's optimizer name (``adamw_b0.95_wd0.05`` -> Adam's 1e-3)."""
    return next(lr for prefix, lr in DEFAULT_LR if optimizer.startswith(prefix))


def score(exam: str, rel: str, rows: list[dict[str, Any]]) -> Path:
    """Write the baseline's picks for one exam's rows and score them with its scorer; the score's json path."""
    folder = rel.split("/")[0]
    registry = f"{folder}_workloads"
    picks = OUT / f"picks.{folder}.default_lr.jsonl"
    with picks.open("w") as f:
        for r in rows:  # one row per (workload, data regime)
            f.write(json.dumps({"name": r["workload"], "data": r["data"], "peak_lr": default_lr(r["optimizer"]),
                                "warmup_steps": int(round(WARMUP * r["total_steps"])), "exit_code": 0,
                                "probe_steps": 0, "total_steps": r["total_steps"]}) + "\n")
    out = OUT / f"score.{folder}.default_lr"
    subprocess.run([sys.executable, str(HERE / "exam.py"), "--registry", registry, "--results", f"benchmarks/results/{folder}",
                    "--picks", str(picks.relative_to(HERE.parent)), "--evals", str((OUT / f"evals.{folder}.jsonl").relative_to(HERE.parent)),
                    "--only", *sorted({r["workload"] for r in rows}), "--out", str(out.relative_to(HERE.parent)),
                    "--workers", "1"], check=True, cwd=HERE.parent, capture_output=True)
    return Path(f"{out}.json")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    ours = exam_pool.rows()
    theirs = []
    for exam, rel, _ in exam_pool.FIRST_SCORINGS:
        rows = [r for r in ours if r["exam"] == exam]
        keep = {(r["workload"], r["data"]) for r in rows}
        scored = json.loads(score(exam, rel, rows).read_text())["rows"]
        theirs += [{**r, "exam": exam} for r in scored if (r["workload"], r["data"]) in keep and "regret" in r.get("pick", {})]
        print(f"{exam}: {len(rows)} rows scored", flush=True)
    exams = [e for e, _, _ in exam_pool.FIRST_SCORINGS]
    lines = ["# The optimizer's default LR with a 5% warmup, on every exam warmfind's first scorings pooled", "",
             "Command: `python benchmarks/exam_baseline.py`. The same rows as `../exam_pool.md` "
             f"({exams[0]} to {exams[-1]}, long plans from {next(e for e, _, capped in exam_pool.FIRST_SCORINGS if capped)}"
             "); regret as there. `warmfind` = its first scorings; `default LR` = torch's default LR for the optimizer "
             "(0.1 for SGD), 5% warmup, no probe at all.", "",
             "| plans | data | rows | method | median | 75th pct | 90th pct | worst | within 3% | over 8% |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    table = {}
    for plans in ("short", "long"):
        for data in ("eval", "no-eval"):
            for method, source in (("warmfind", ours), ("default LR", theirs)):
                group = [r for r in source if r["long"] == (plans == "long") and r["data"] == data]
                s = exam_pool.summary(group)
                table[f"{plans}/{data}/{method}"] = s
                lines.append(f"| {plans} | {data} | {s['n']} | {method} | {exam_pool.pct(s['median'])} | "
                             f"{exam_pool.pct(s['p75'])} | {exam_pool.pct(s['p90'])} | {exam_pool.pct(s['worst'])} | "
                             f"{s['within_3pct']} | {s['over_8pct']} |")
    (OUT / "pool.json").write_text(json.dumps(table, indent=1, default=str) + "\n")
    (OUT / "pool.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
