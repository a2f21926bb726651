"""Round 73 (descriptive, spent exams read off their grids, deciding nothing): would the short plans gain from a
warmed-up re-rank candidate where the no-warmup screen failed?

Asked after exam 118's parking-meter transformer (+45.1% at 0.08x): its 30-step screen, run without warmup, failed
every rung from 0.029 up (stalled or diverged), so the re-rank never tried the LRs a warmup lets train (the full run's
best, 0.064-0.128 behind a 20% warmup; exam 114's toaster and exam 115's dishwasher looked alike). For every short
pick of the pooled first scorings whose lowest failed screen rung f sits over 3x above the best stable rung b (the
re-rank already holds 2b with a warmup), read f and f/2 with a 20% warmup off the exam's full-length grid (round
23's interpolation; a proxy, nothing re-run), grouped by how f failed and by f / b. These are upper bounds on what
the candidate could give: the re-rank would still have to rank it first. Run from the repository root:
    python benchmarks/results/experiments/round73/coverage_up.py > benchmarks/results/experiments/round73/coverage_up.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked, quality  # noqa: E402


def lowest_failure_above(probes: list[dict]) -> tuple[dict, float] | None:
    """The lowest failed screen rung above the best stable one and its ratio to it, or None."""
    screen = [p for p in probes if p["stage"] == "screen"]
    stable = [p for p in screen if not p["failed"] and p["diverged_step"] is None]
    if not stable:
        return None
    b = min(stable, key=quality)["peak_lr"]
    above = [p for p in screen if p["failed"] and p["peak_lr"] > b * 1.01]
    if not above:
        return None
    f = min(above, key=lambda p: p["peak_lr"])
    return f, f["peak_lr"] / b


def main() -> None:
    groups: dict[tuple[str, str, str], list[tuple[float, float, float]]] = {}
    fired = {"eval": [0, 0], "no-eval": [0, 0]}
    for _, r, rec, _, _, grid, best in picked():
        if r["long"] or r["pick"].get("regret") is None:
            continue
        fired[r["data"]][1] += 1
        found = lowest_failure_above(rec["evidence"]["probes"])
        if found is None or found[1] <= 3:
            continue
        f, ratio = found
        at_f, at_half = loss_at(grid, f["peak_lr"], 0.2), loss_at(grid, f["peak_lr"] / 2, 0.2)
        if at_f is None or at_half is None:
            continue
        fired[r["data"]][0] += 1
        band = "f/b 4x" if ratio < 6 else "f/b 8x" if ratio < 12 else "f/b 16x+"
        for key in ((r["data"], f["failed"], band), (r["data"], "any", "all")):
            groups.setdefault(key, []).append((r["pick"]["regret"], at_f / best - 1, at_half / best - 1))
    for data, (n, of) in fired.items():
        print(f"{data}: {n} of {of} short picks have their lowest failed screen rung over 3x above the best stable one")
    print("regret: the pick as scored / f with a 20% warmup / f/2 with a 20% warmup (read off the grid); rows where "
          "the read-off beats the pick by over a point")
    for (data, how, band), v in sorted(groups.items()):
        pick, f, half = ([x[i] for x in v] for i in range(3))
        print(f"{data:<8} {how:<9} {band:<9} {len(v):>3} rows  pick {statistics.median(pick):+7.1%}  f {statistics.median(f):+8.1%} "
              f"(better on {sum(b < a - 0.01 for a, b in zip(pick, f)):>2})  f/2 {statistics.median(half):+7.1%} "
              f"(better on {sum(b < a - 0.01 for a, b in zip(pick, half)):>2})")


if __name__ == "__main__":
    main()
