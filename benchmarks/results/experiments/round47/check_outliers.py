"""Round 47 (descriptive, deciding nothing): how often did the constant-LR check lower a pick over a spike at a step
where the range test's own loss (the untrained model on the same batch: same data seed, LRs near 1e-7) was an
outlier? The check demands no spike at all (`calm`), so one hard batch lowers the peak (exam 54's bridge network after
round 46: three times, 9.7e-2 -> 5.8e-2, each time "spiked x3.4 at step 10 and came back by step 11").

For every first-scoring recipe (exams 4-58) with a failed check probe: the check's spike step, and the range test's
loss at that step over its start level (the mean of its first 10 steps).

    python benchmarks/results/experiments/round47/check_outliers.py > benchmarks/results/experiments/round47/check_outliers.txt
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

from exam_pool import first_scoring_recipes  # noqa: E402

recipes = lowered = 0
rows = []
for exam_dir, pick, recipe in first_scoring_recipes():
    recipes += 1
    evidence = recipe.get("evidence") or {}
    losses = ((evidence.get("lr_range_test") or {}).get("curve") or {}).get("loss") or []
    checks = [p for p in evidence.get("probes", []) if p.get("stage") == "check" and p.get("spike")]
    if not checks or len(losses) < 10:
        continue
    lowered += 1
    level = sum(losses[:10]) / 10
    for p in checks:
        step = p["spike"]["step"]
        ratio = losses[step] / level if step < len(losses) else float("nan")
        rows.append((ratio, exam_dir.name, pick["name"], pick["data"], step, p["spike"]["ratio"]))
print(f"{recipes} first-scoring recipes; {lowered} had a check probe that spiked (the pick was lowered at least once); "
      f"{len(rows)} such check probes.")
print(f"range-test loss at the check's spike step over its start level: >= 3x on {sum(r[0] >= 3 for r in rows)}, "
      f">= 1.5x on {sum(r[0] >= 1.5 for r in rows)}, under 1.5x on {sum(r[0] < 1.5 for r in rows)}.")
print("\nthe 15 largest: ratio, exam, workload, data, check spike step, check spike ratio")
for r in sorted(rows, reverse=True)[:15]:
    print(f"  {r[0]:5.2f}  {r[1]} {r[2]} ({r[3]}) step {r[4]} spike x{r[5]:.3g}")
