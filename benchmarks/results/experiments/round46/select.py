"""Round 46's re-probe set, fixed before any re-probe ran: 50 workloads drawn at random (seed 46) from the 211 pooled
first-scoring workloads (exams 4-54) whose recorded recipe has a probe that failed by an unrecovered spike in either
regime, plus exam 54's short bridge network (the case the change is for). The `came_back` change can move a pick
only where a recovered spike was judged not to have come back, that is on these workloads' kind.

    python benchmarks/results/experiments/round46/select.py > benchmarks/results/experiments/round46/set.json
"""
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

from exam_pool import first_scoring_recipes  # noqa: E402

spiked = {(exam_dir.name, pick["name"]) for exam_dir, pick, recipe in first_scoring_recipes()
          if int(exam_dir.name[4:] or 1) <= 54  # the pool as it stood at this round
          and any(p.get("failed") == "spiked" for p in recipe["evidence"].get("probes", []))}
drawn = random.Random(46).sample(sorted(spiked), 50) + [("exam54", "bridge_freq_ann_sgdm")]
chosen: dict[str, list[str]] = {}
for exam, name in sorted(set(drawn), key=lambda k: (int(k[0][4:] or 0), k[1])):
    chosen.setdefault(exam, []).append(name)
print(json.dumps(chosen, indent=1))
