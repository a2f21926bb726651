"""Round 76, a side reading (descriptive, spent exams, deciding nothing): which short plans does warmfind pick far too
low, and does anything the probes recorded tell them apart?

Exams 71-124's first scorings (the 2^(1/2) lift in the product), short plans with eval_data whose recipes hold the
re-rank's b and 2b behind the 20% warmup and b without. A low miss is a pick under 0.35x the best LR. For each row:
the optimizer family, how the lowest failed no-warmup screen rung above b failed and how far above b it sits, the
warmed-up arm's slope (2b / b behind the warmup, T/3 scores) and the gap (2b behind the warmup / b without). Then,
read off the full-length grids (round 23's interpolation), a 4x larger lifted pick (5.66 b behind 20%) on the rows a
few such signals select. Run from the repository root:
    python benchmarks/results/experiments/round76/low_misses.py > benchmarks/results/experiments/round76/low_misses.txt
(`low_misses.py FIRST LAST` reads other exams: exams 125-126's pre-registered count, `low_misses125_126.txt`.)
"""
import statistics
import sys

sys.path.insert(0, "benchmarks")
sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked, quality  # noqa: E402
from exam_pool import exam_number  # noqa: E402

ADAM = ("adam", "adamw", "adamax")


def failed(p: dict) -> bool:
    return bool(p["failed"]) or p["diverged_step"] is not None


def screen_best(probes: list[dict]) -> tuple[list[dict], float] | None:
    """A recipe's no-warmup screen rungs and b, its best stable rung's LR (the re-rank's first pair); None if no rung
    trained stably."""
    screen = [p for p in probes if p["stage"] == "screen" and p["warmup_steps"] == 0]
    stable = [p for p in screen if not failed(p)]
    return (screen, min(stable, key=quality)["peak_lr"]) if stable else None


def features(first: int, last: int) -> list[dict]:
    rows = []
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(first, last + 1))):
        e = exam_number(exam)
        if r["long"] or r["data"] != "eval":
            continue
        probes = rec["evidence"]["probes"]
        found = screen_best(probes)
        if found is None:
            continue
        screen, b = found
        above = [p for p in screen if failed(p) and p["peak_lr"] > b * 1.01]
        f = min(above, key=lambda p: p["peak_lr"]) if above else None
        rerank = [p for p in probes if p["stage"] == "rerank" and not failed(p)]

        def score(lr: float, warm: bool) -> float | None:
            c = [p for p in rerank if abs(p["peak_lr"] / lr - 1) < 1e-6 and (p["warmup_steps"] > 0) == warm]
            return quality(c[0]) if c else None

        b0, bw, b2w = score(b, False), score(b, True), score(2 * b, True)
        if None in (b0, bw, b2w):
            continue
        family = r["optimizer"].split("_")[0]
        rows.append({
            "exam": e, "workload": r["workload"], "regret": r["pick"]["regret"], "ratio": r["pick"]["lr_ratio"],
            "adam": family in ADAM, "family": family,
            "how": f["failed"] or "diverged" if f else "none", "f_over_b": f["peak_lr"] / b if f else None,
            "slope": b2w / bw, "gap": b2w / b0, "best_warmup": r["best"]["warmup_fraction"],
            "pick_read": loss_at(grid, r["pick"]["lr"], wf), "up4_read": loss_at(grid, 4 * 2 ** 0.5 * b, 0.2), "best": best,
        })
    return rows


def read_off(rows: list[dict]) -> tuple[list[dict], list[float], list[float]]:
    """The rows whose grid reads both the pick and the 4x lifted pick, with the regret of each (pick, 4x)."""
    sel = [x for x in rows if x["pick_read"] and x["up4_read"]]
    return sel, [x["pick_read"] / x["best"] - 1 for x in sel], [x["up4_read"] / x["best"] - 1 for x in sel]


def better_worse(pick: list[float], up4: list[float]) -> tuple[int, int]:
    """How many rows the 4x pick reads better / worse than the pick by over a point."""
    return sum(y < v - 0.01 for v, y in zip(pick, up4)), sum(y > v + 0.01 for v, y in zip(pick, up4))


def describe(name: str, sel: list[dict]) -> None:
    if not sel:
        print(f"{name:<34}   0 rows")
        return
    fb = [x["f_over_b"] for x in sel if x["f_over_b"]]
    print(f"{name:<34} {len(sel):>3} rows: Adam family {sum(x['adam'] for x in sel):>3}, lowest failure a stall "
          f"{sum(x['how'] == 'stalled' for x in sel):>3}, f / b median {statistics.median(fb):5.1f}, slope median "
          f"{statistics.median(x['slope'] for x in sel):.2f}, gap median {statistics.median(x['gap'] for x in sel):.2f}, "
          f"best cell behind 20% {sum(x['best_warmup'] >= 0.2 for x in sel):>3}")


def main(first: int = 71, last: int = 124) -> None:
    rows = features(first, last)
    low = [x for x in rows if x["ratio"] < 0.35]
    print(f"exams {first}-{last}, short plans, eval_data: {len(rows)} rows with the re-rank's three pairs; {len(low)} low misses "
          "(pick under 0.35x the best LR)\n")
    for x in sorted(low, key=lambda x: x["ratio"]):
        print(f"  exam {x['exam']:<4} {x['workload']:<30} {x['family']:<8} {x['ratio']:.2f}x  {x['regret']:+7.1%}  lowest "
              f"failure {x['how']:<8} at {x['f_over_b'] or 0:5.0f} b  slope {x['slope']:.2f}  gap {x['gap']:.2f}")
    print()
    describe("low misses", low)
    describe("the other Adam-family rows", [x for x in rows if x["ratio"] >= 0.35 and x["adam"]])
    describe("the other rows", [x for x in rows if x["ratio"] >= 0.35 and not x["adam"]])
    print("\nread off the grids: the pick against 4x its re-rank's b lifted (5.66 b behind 20%) where a signal fires")
    signals = {
        "Adam family, lowest failure a stall": lambda x: x["adam"] and x["how"] == "stalled",
        "... and at 8 b or more": lambda x: x["adam"] and x["how"] == "stalled" and (x["f_over_b"] or 0) >= 7.9,
        "warmed-up arm slope under 0.9": lambda x: x["slope"] < 0.9,
        "gap under 1.15": lambda x: x["gap"] < 1.15,
    }
    for name, fires in signals.items():
        sel, a, u = read_off([x for x in rows if fires(x)])
        if not sel:
            print(f"  {name:<38}   0 rows")
            continue
        better, worse = better_worse(a, u)
        print(f"  {name:<38} {len(sel):>3} rows ({sum(x['ratio'] < 0.35 for x in sel):>2} low misses): pick "
              f"{statistics.median(a):+6.1%}, 4x {statistics.median(u):+7.1%}; better by over a point "
              f"{better:>2}, worse {worse:>2}")


if __name__ == "__main__":
    main(*(int(x) for x in sys.argv[1:3]))
