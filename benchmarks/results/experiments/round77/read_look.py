"""Round 77's reading (descriptive, spent exams): the longer look's winners read off the full-length grids.

For each Adam-family short row of `look.jsonl` (written by `longer_look.py`): the replay check (the T/3 probe of b
without warmup against the recorded re-rank's), then the winner of the five pairs at T/3 and at 2T/3 (lowest
eval_data loss), each lifted as the product lifts (2^(1/2) x behind a 20% warmup), read off the exam's grid (round 23's
interpolation) beside the pick as made; split into the low misses (pick under 0.35x the best LR) and the rest. Run
from the repository root:
    python benchmarks/results/experiments/round77/read_look.py benchmarks/results/experiments/round77/look.jsonl > benchmarks/results/experiments/round77/read_look.txt
"""
import json
import math
import statistics
import sys

sys.path.insert(0, "benchmarks")
sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402
from exam_pool import exam_number  # noqa: E402

LIFT = 2 ** 0.5


def main(path: str) -> None:
    looks = {(d["exam"], d["workload"]): d for d in map(json.loads, open(path)) if "probes" in d}
    groups: dict[str, list[tuple]] = {"low misses": [], "the rest": []}
    replay = []
    for exam, r, rec, total, wf, grid, best in picked():
        key = (exam_number(exam), r["workload"])
        if r["long"] or r["data"] != "eval" or key not in looks:
            continue
        d = looks[key]
        recorded = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank" and p["warmup_steps"] == 0
                    and abs(p["peak_lr"] / d["b"] - 1) < 1e-6 and p.get("eval_loss") is not None]
        mine = [p for p in d["probes"] if p["fraction"] == 0 and p["horizon"] == d["horizon"]]
        if recorded and mine and math.isfinite(mine[0]["eval"]):
            replay.append(abs(mine[0]["eval"] / recorded[0]["eval_loss"] - 1))

        def winner(h: int) -> dict:
            return min((p for p in d["probes"] if p["horizon"] == h), key=lambda p: p["eval"])

        short, long_ = winner(d["horizon"]), winner(2 * d["horizon"])
        a = loss_at(grid, r["pick"]["lr"], wf)
        s = loss_at(grid, LIFT * short["lr"], 0.2)
        g = loss_at(grid, LIFT * long_["lr"], 0.2)
        u = loss_at(grid, long_["lr"], long_["fraction"])
        if None in (a, s, g, u):
            continue
        groups["low misses" if r["pick"]["lr_ratio"] < 0.35 else "the rest"].append(
            (key, a / best - 1, s / best - 1, g / best - 1, long_["lr"] / d["b"], long_["fraction"], u / best - 1))
    if replay:
        print(f"replay: the T/3 probe of b without warmup against the recorded one, {len(replay)} rows: median "
              f"{statistics.median(replay):.2%} apart, worst {max(replay):.2%}")
    print("regret read off the grids: the pick as made / the T/3 winner of the five pairs, lifted / the 2T/3 winner, lifted (and unlifted, as probed)")
    for name, v in groups.items():
        if not v:
            continue
        a, s, g, u = ([x[i] for x in v] for i in (1, 2, 3, 6))
        print(f"\n{name}: {len(v)} rows; medians {statistics.median(a):+.1%} / {statistics.median(s):+.1%} / "
              f"{statistics.median(g):+.1%}; 2T/3 against the pick: better by over a point on "
              f"{sum(y < x - 0.01 for x, y in zip(a, g))}, worse on {sum(y > x + 0.01 for x, y in zip(a, g))}; "
              f"over 8% {sum(x > 0.08 for x in a)} / {sum(x > 0.08 for x in s)} / {sum(x > 0.08 for x in g)}; the 2T/3 "
              f"winner unlifted {statistics.median(u):+.1%}, better on {sum(y < x - 0.01 for x, y in zip(a, u))}, worse on "
              f"{sum(y > x + 0.01 for x, y in zip(a, u))}, over 8% {sum(x > 0.08 for x in u)}, worst {max(u):+.1%}")
        for key, x, y, z, ratio, frac, _ in sorted(v, key=lambda t: t[1] - t[3]):
            if name == "low misses" or abs(z - x) > 0.05:
                print(f"  exam {key[0]:<4} {key[1]:<32} {x:+8.1%} {y:+8.1%} {z:+8.1%}   2T/3 winner {ratio:g} b, "
                      f"{'no warmup' if frac == 0 else 'behind 20%'}")


if __name__ == "__main__":
    main(sys.argv[1])
