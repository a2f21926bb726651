"""Round 99 (descriptive, spent exams 4-170 read off their first scorings, deciding nothing): how often did the
re-rank's choice learn almost nothing by the re-rank's horizon, and what did such rows cost?

Asked after exam 168's desk lamp (+355.8%; round 98): at 100 steps every candidate from 0.15 up stood near the
untrained loss, and nothing below was re-ranked. ``share`` = (untrained loss - the choice's longest re-rank probe's
ranking loss, round 23's ``quality``) / the untrained loss, both by the recipe's own ranking (eval_data or the
training loss). Short plans of the pooled first scorings whose recipe records an untrained loss. Nothing is re-run.
Run from the repository root:
    python benchmarks/results/experiments/round99/learned.py > benchmarks/results/experiments/round99/learned.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import longest_rerank, picked, quality  # noqa: E402

BANDS = ((None, 0.15), (0.15, 0.3), (0.3, 0.5), (0.5, 0.8), (0.8, None))


def share(rec: dict) -> tuple[float, int] | None:
    """The choice's learned share at the re-rank's longest horizon, and that horizon; None where not recorded."""
    ev = rec.get("evidence") or {}
    untrained = (ev.get("ranked_by") or {}).get("untrained_loss")
    measured = (rec.get("recommendation") or {}).get("measured") or {}
    probes = longest_rerank(rec)
    if not untrained or not measured or not probes:
        return None
    own = [quality(p) for p in probes if abs(p["peak_lr"] / measured["peak_lr"] - 1) < 1e-6]
    return ((untrained - min(own)) / untrained, probes[0]["horizon"]) if own else None


def main() -> None:
    rows = {"eval": [], "no-eval": []}
    for exam, r, rec, *_ in picked(exams=set(range(4, 171))):  # as read after exam 170
        s = None if r["long"] else share(rec)
        if s is not None:
            rows[r["data"]].append((s[0], r["pick"]["regret"], f"{exam} {r['workload']}", s[1]))
    print("Short picks of the pooled first scorings (exams 4-170): the re-rank choice's learned share at its horizon")
    for data, found in rows.items():
        print(f"\n{data}: {len(found)} rows")
        for lo, hi in BANDS:
            v = [x[1] for x in found if (lo is None or x[0] >= lo) and (hi is None or x[0] < hi)]
            if v:
                band = f"share {'' if lo is None else lo:>4}..{'' if hi is None else hi:<4}"
                print(f"  {band} {len(v):>4} rows  median {statistics.median(v):+7.1%}  within 3% {sum(t <= 0.03 for t in v):>3}"
                      f"  over 8% {sum(t > 0.08 for t in v):>3}  worst {max(v):+8.1%}")
        for x in sorted(found)[:10]:
            print(f"    share {x[0]:.3f}  regret {x[1]:+8.1%}  {x[2]} (horizon {x[3]})")


if __name__ == "__main__":
    main()
