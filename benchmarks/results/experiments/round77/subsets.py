"""Round 77, post hoc (read on the same rows as `read_look.py`, so a candidate, not a result): which of the five pairs,
looked at over 2T/3 with the product's lift on the winner, would serve. Every subset holds b without warmup. Run from
the repository root:
    python benchmarks/results/experiments/round77/subsets.py > benchmarks/results/experiments/round77/subsets.txt
"""
import itertools
import json
import statistics
import sys

sys.path.insert(0, "benchmarks")
sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402
from exam_pool import exam_number  # noqa: E402

LIFT = 2 ** 0.5
PAIRS = [(1, 0.0), (1, 0.2), (2, 0.2), (4, 0.2), (8, 0.2)]  # (multiple of b, warmup fraction)
LOOK = "benchmarks/results/experiments/round77/look.jsonl"


def spent_rows() -> list[tuple[dict, dict, float, float, bool, float]]:
    """The looked-at rows (eval_data): each look, its exam's grid and best loss, the pick's regret read off the grid,
    whether the pick is a low miss (under 0.35x the best LR), and the pick's LR."""
    looks = {(d["exam"], d["workload"]): d for d in map(json.loads, open(LOOK)) if "probes" in d}
    data = []
    for exam, r, rec, total, wf, grid, best in picked():
        key = (exam_number(exam), r["workload"])
        if r["long"] or r["data"] != "eval" or key not in looks:
            continue
        a = loss_at(grid, r["pick"]["lr"], wf)
        if a is not None:
            data.append((looks[key], grid, best, a / best - 1, r["pick"]["lr_ratio"] < 0.35, r["pick"]["lr"]))
    return data


def lifted_winner(d: dict, sub: tuple[tuple[float, float], ...]) -> float:
    """The LR the product's lift makes of the best 2T/3 probe among the pairs ``sub`` (multiples of b, warmup)."""
    looked = [p for p in d["probes"] if p["horizon"] == 2 * d["horizon"]
              and any(abs(p["lr"] / d["b"] - m) < 1e-6 and p["fraction"] == f for m, f in sub)]
    return LIFT * min(looked, key=lambda p: p["eval"])["lr"]


def main() -> None:
    data = spent_rows()
    for k in (2, 3):
        for sub in itertools.combinations(PAIRS, k):
            if (1, 0.0) not in sub:
                continue
            res = []
            for d, grid, best, a, low, _ in data:
                g = loss_at(grid, lifted_winner(d, sub), 0.2)
                if g is not None:
                    res.append((a, g / best - 1, low))
            picks, new = [x[0] for x in res], [x[1] for x in res]
            low_better = sum(g < a - 0.01 for a, g, low in res if low)
            low_worse = sum(g > a + 0.01 for a, g, low in res if low)
            print(sub, len(res), f"pick {statistics.median(picks):+.1%} new {statistics.median(new):+.1%} better "
                  f"{sum(g < a - 0.01 for a, g in zip(picks, new))} worse {sum(g > a + 0.01 for a, g in zip(picks, new))} "
                  f"over8 {sum(x > 0.08 for x in picks)}->{sum(x > 0.08 for x in new)} | low b/w {low_better}/{low_worse}")


if __name__ == "__main__":
    main()
