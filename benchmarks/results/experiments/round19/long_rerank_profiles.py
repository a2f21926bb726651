"""Round 19 (descriptive, no new runs): what the long plans' re-ranks measured around their best, next to the pick's
full-run regret, over the pooled first scorings (exams 7-18, long plans, both regimes).

For each row: the pick's LR / the grid's best LR and its regret (as scored), and ``gap0.5``: how much worse the re-rank
measured its candidate at half the re-rank's best LR (no more than 1% would make a "tie, step down" rule fire).

    python benchmarks/results/experiments/round19/long_rerank_profiles.py > benchmarks/results/experiments/round19/long_rerank_profiles.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

from exam_pool import FIRST_SCORINGS  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def _loss(p: dict) -> float:
    return p["eval_loss"] if p.get("eval_loss") is not None else p["loss"]


for exam, score, long_ok in FIRST_SCORINGS:
    if not long_ok:
        continue
    picks_file = RESULTS / score.replace("score.", "picks.").replace(".json", ".jsonl")
    picks = {(x["name"], x["data"]): x for x in map(json.loads, picks_file.open())}
    for row in json.loads((RESULTS / score).read_text())["rows"]:
        recipe_path = picks.get((row["workload"], row["data"]), {}).get("recipe")
        if not row["long"] or not recipe_path:
            continue
        pick = row.get("pick") or {}
        probes = json.loads((ROOT / recipe_path).read_text())["evidence"]["probes"]
        rerank = [p for p in probes if p["stage"] == "rerank" and p.get("diverged_step") is None]
        if not rerank:
            print(f"{exam}\t{row['workload']}\t{row['data']}\tno re-rank")
            continue
        best = min(rerank, key=_loss)
        half = [_loss(p) / _loss(best) - 1 for p in rerank if abs(p["peak_lr"] / best["peak_lr"] - 0.5) < 0.02]
        gap = f"{min(half):+.1%}" if half else "none"
        ratio = f"{pick['lr_ratio']:.2f}" if pick.get("lr_ratio") else "-"
        regret = f"{pick['regret']:+.1%}" if pick.get("regret") is not None else "no pick"
        print(f"{exam}\t{row['workload']}\t{row['data']}\tpick/best {ratio}\tregret {regret}\tgap0.5 {gap}")
