"""Round 48's re-probe set, fixed before any re-probe ran: every first-scoring workload (exams 4-58) with a check probe
that spiked at a step where the range test's own loss was 1.5x or more above its start level (round 47's 18 probes),
plus exam 54's short bridge network.

    python benchmarks/results/experiments/round48/select.py > benchmarks/results/experiments/round48/set.json
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

from exam_pool import first_scoring_recipes  # noqa: E402

chosen: dict[str, list[str]] = {"exam54": ["bridge_freq_ann_sgdm"]}
for exam_dir, pick, recipe in first_scoring_recipes():
    evidence = recipe.get("evidence") or {}
    losses = ((evidence.get("lr_range_test") or {}).get("curve") or {}).get("loss") or []
    if len(losses) < 10 or int(exam_dir.name[4:] or 1) > 58:
        continue
    level = sum(losses[:10]) / 10
    if any(p.get("stage") == "check" and p.get("spike") and p["spike"]["step"] < len(losses)
           and losses[p["spike"]["step"]] >= 1.5 * level for p in evidence.get("probes", [])):
        names = chosen.setdefault(exam_dir.name, [])
        if pick["name"] not in names:
            names.append(pick["name"])
print(json.dumps(chosen, indent=1))
