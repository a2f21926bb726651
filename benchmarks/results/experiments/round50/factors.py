"""Round 50's reading (README.md): where the best uniform factor on the re-rank's best sits at 1,000 and 1,500 steps.

For every pick of `picks.7f4b704.jsonl`, the re-rank's best LR is the advised second run where the recipe halved the
pick (its `second-run` advice), else the pick. The full-length loss at that LR x 2^(k/4), k = -4..4, is read off this
folder's grid (round 23's interpolation at the pick's warmup; seed 0 and 1 means) against the grid's best cell. Run
from the repository root:
    python benchmarks/results/experiments/round50/factors.py > benchmarks/results/experiments/round50/factors.txt
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks/results/experiments/round23")
sys.path.insert(0, "benchmarks/results/experiments/round49")
from coverage import grid_means, loss_at  # noqa: E402
from factors import FACTORS, print_factors  # noqa: E402

HERE = Path("benchmarks/results/experiments/round50")


def rerank_best(pick: dict) -> tuple[float, bool]:
    advice = json.load(open(pick["recipe"])).get("advice") or []
    other = next((a["other_lr"] for a in advice if a["kind"] == "second-run"), None)
    return (other, True) if other is not None else (pick["peak_lr"], False)


def main() -> None:
    picks = [json.loads(line) for line in open(HERE / "picks.7f4b704.jsonl")]
    table: dict[tuple[int, str], list[list[float]]] = {}
    for p in picks:
        if not p.get("peak_lr"):
            print(f"no pick: {p['name']} ({p['data']})")
            continue
        grid = grid_means(HERE, p["name"])
        best = min(loss for cells in grid.values() for _, loss in cells)
        lr, halved = rerank_best(p)
        wf = (p.get("warmup_steps") or 0) / p["total_steps"]
        vals = [loss_at(grid, lr * f, wf) for f in FACTORS]
        steps = p["total_steps"]
        line = " ".join("  off " if v is None else f"{v / best - 1:+6.1%}" for v in vals)
        print(f"{p['name']:<36} {p['data']:<7} re-rank best {lr:.3g}{' (halved)' if halved else ''}: {line}")
        if all(v is not None for v in vals):
            table.setdefault((steps, p["data"]), []).append([v / best - 1 for v in vals])
    print()
    for (steps, data), rows in sorted(table.items()):
        print(f"{steps} steps, {data}: {len(rows)} rows (factors on the re-rank's best)")
        print_factors(rows, mean=True)


if __name__ == "__main__":
    main()
