"""Round 101 (descriptive, spent exams 4-174's pooled first scorings, deciding nothing): short plans whose re-rank was
flat over a wide band of LRs (exam 172's ashtray: 0.26-2.08 within 0.5% at 100 steps, the pick shipped at 14.7x the
best and diverged). Issue 20's third item asks for the middle of a statistically tied band, never an end by default.

For every short pick of the pooled first scorings: the stable re-rank probes at the longest re-rank horizon whose
ranking loss (round 23's ``quality``) is within ``band`` of the best; the band is *wide* where its largest LR is 4x its
smallest or more. Read off the full-length grid (round 23's interpolation in log LR, mean of seeds 0 and 1, at the
pick's warmup): the pick as shipped (its scored regret beside it) against the band's geometric middle and its
largest / smallest LR, each x the short-plan lift (2^(1/2)) where the pick was lifted. Nothing is re-run.
    python benchmarks/results/experiments/round101/flat.py > benchmarks/results/experiments/round101/flat.txt
"""
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import longest_rerank, loss_at, picked, quality  # noqa: E402

BANDS = (0.005, 0.01, 0.02)
WIDE = 4.0


def band_of(rec: dict, band: float) -> tuple[float, float] | None:
    """(smallest, largest) LR of the stable re-rank probes within ``band`` of the best at the longest horizon."""
    at = [(p["peak_lr"], quality(p)) for p in longest_rerank(rec)]
    if not at:
        return None
    best = min(q for _, q in at)
    lrs = [lr for lr, q in at if q <= best * (1 + band)]
    return min(lrs), max(lrs)


def fmt(v: list[float]) -> str:
    finite = [x for x in v if not math.isinf(x)]
    return (f"median {statistics.median(v):+7.1%}, within 3% {sum(x <= 0.03 for x in v):>2}, over 8% "
            f"{sum(x > 0.08 for x in v):>2}, diverged {sum(math.isinf(x) for x in v)}, worst finite {max(finite):+8.1%}")


def main() -> None:
    for band in BANDS:
        print(f"band {band:.1%}: short picks whose band spans {WIDE:g}x or more")
        for data in ("eval", "no-eval"):
            rows = []
            for exam, r, rec, total, wf, grid, best in picked(exams=set(range(4, 175))):  # as read after exam 174
                if r["long"] or r["data"] != data:
                    continue
                b = band_of(rec, band)
                if b is None or b[1] / b[0] < WIDE:
                    continue
                m = (rec.get("recommendation") or {}).get("measured") or {}
                k = 2 ** 0.5 if m.get("moved_by") == "warmup-lift" else 1.0
                read = [loss_at(grid, x, wf) for x in (r["pick"]["lr"], k * math.sqrt(b[0] * b[1]), k * b[1], k * b[0])]
                if None in read:
                    continue
                rows.append((r["pick"]["regret"], *(v / best - 1 for v in read), f"{exam} {r['workload']}", b))
            print(f"  {data}: {len(rows)} rows")
            for i, name in enumerate(("pick, scored", "pick, read off", "band middle", "band top", "band bottom")):
                print(f"    {name:<15} {fmt([x[i] for x in rows])}")
            mid, pick = [x[2] for x in rows], [x[1] for x in rows]
            print(f"    middle against the pick (read off): better by over a point on "
                  f"{sum(a < b - 0.01 for a, b in zip(mid, pick))}, worse on {sum(a > b + 0.01 for a, b in zip(mid, pick))}")
            if band == BANDS[0]:
                for x in sorted(rows, key=lambda x: -x[0])[:8]:
                    print(f"      {x[5]:<45} band {x[6][0]:.3g}-{x[6][1]:.3g}  pick {x[0]:+9.1%}  middle {x[2]:+9.1%}")
        print()


if __name__ == "__main__":
    main()
