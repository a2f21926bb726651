"""Round 40, second reading (descriptive, the pooled exams' committed grids; decides nothing): at the LR of a short
plan's no-warmup pick (the nearest grid LR, within 2^0.3), is the grid's 5% or 20% warmup cell better than its
no-warmup cell? A case for a warmup on every no-warmup pick (round 10 measured it with real runs on exams 4-12).
Run from the repository root:
    python benchmarks/results/experiments/round40/warmup_cells.py > benchmarks/results/experiments/round40/warmup_cells.txt
"""
import json
import math
import statistics
import sys

sys.path.insert(0, "benchmarks")
from exam_pool import FIRST_SCORINGS, ROOT  # noqa: E402


def main() -> None:
    deltas: dict[str, list[float]] = {"0.05": [], "0.2": []}
    for _, rel, _ in FIRST_SCORINGS:
        score = ROOT / rel
        grid_path = score.parent / "grid.json"
        if not grid_path.exists():
            continue
        grid = {g["workload"]: g for g in json.loads(grid_path.read_text())["rows"]}
        for r in json.loads(score.read_text())["rows"]:
            pick = r.get("pick", {})
            if r["long"] or "regret" not in pick or pick["warmup_steps"] != 0 or r["workload"] not in grid:
                continue
            cells = grid[r["workload"]]["cells"]
            lrs = {float(k.split("@")[0]) for k in cells}
            near = min(lrs, key=lambda x: abs(math.log(x / pick["lr"])))
            at = {k.split("@")[1]: v for k, v in cells.items() if float(k.split("@")[0]) == near}
            if abs(math.log2(near / pick["lr"])) > 0.3 or at.get("0.0") is None:
                continue
            for f, v in deltas.items():
                if at.get(f) is not None and math.isfinite(at[f] / at["0.0"]):
                    v.append(at[f] / at["0.0"] - 1)
    for f, v in deltas.items():
        print(f"warmup {f} against none, at the pick's grid LR: {len(v)} rows, median {statistics.median(v):+.1%}, "
              f"better by over 1 point {sum(x < -0.01 for x in v)}, worse {sum(x > 0.01 for x in v)}; "
              f"over 5 points better {sum(x < -0.05 for x in v)}, worse {sum(x > 0.05 for x in v)}")


if __name__ == "__main__":
    main()
