"""Round 26 (descriptive, recorded data only, after exam 22): how often does the screen ladder have two dips, and
would re-ranking around the second one have helped?

Exam 22's tensor fusion network lost +23.4%: its 30-step screen had two local minima (0.0781: 0.966, 0.0049: 1.004),
the re-rank centred on the upper one, and the full run wanted 0.016, between them. For every recipe of the pooled
first scorings (``exam_pool.FIRST_SCORINGS``, exams 4-22), this lists screens whose stable rungs have a second local
minimum (lower than both neighbours) within ``BAND`` of the best rung's ranking loss and at least 4x away in LR, and
places on the exam's full-length grid (``coverage.loss_at``, interpolated, so an estimate) the pick and the best of
the second dip's would-be candidates (``b2``, ``b2/2`` without warmup, ``b2`` and ``2 b2`` with 20% warmup). Run from
the repository root:
    python benchmarks/results/experiments/round26/two_dips.py > benchmarks/results/experiments/round26/two_dips.txt
"""
import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
sys.path.insert(0, str(Path(__file__).parents[1] / "round23"))
from coverage import grid_means, loss_at, quality, recorded  # noqa: E402

BANDS = (0.02, 0.05, 0.10)


def dips(screen: list[dict], band: float) -> list[dict]:
    """Stable rungs (ladder order, largest LR first) lower than both stable neighbours, other than the best rung,
    within ``band`` of it and at least 4x away in LR."""
    ok = [p for p in screen if not p["failed"] and p["diverged_step"] is None and p["loss"] is not None]
    if len(ok) < 3:
        return []
    best = min(ok, key=quality)
    out = []
    for a, p, c in zip(ok, ok[1:], ok[2:]):
        if p is best or not (quality(p) < quality(a) and quality(p) < quality(c)):
            continue
        if quality(p) <= quality(best) * (1 + band) and max(p["peak_lr"] / best["peak_lr"], best["peak_lr"] / p["peak_lr"]) >= 3.9:
            out.append(p)
    return out


def main() -> None:
    for band in BANDS:
        rows = []
        for exam, score, r, f in recorded():
            screen = [p for p in json.loads(f.read_text())["evidence"]["probes"] if p["stage"] == "screen"]
            found = dips(screen, band)
            if not found:
                continue
            grid = grid_means(score.parent, r["workload"])
            best_loss = r["best"]["loss"]
            second = []
            for d in found:
                b2 = d["peak_lr"]
                for lr, w in ((b2, 0.0), (b2 / 2, 0.0), (b2, 0.2), (2 * b2, 0.2)):
                    v = loss_at(grid, lr, w)
                    if v is not None and math.isfinite(v):
                        second.append(v / best_loss - 1)
            rows.append({"exam": exam, "w": r["workload"], "data": r["data"], "long": r["long"],
                         "pick": r["pick"]["regret"], "second": min(second) if second else None,
                         "dip_lr": found[0]["peak_lr"], "best_lr": r["best"]["lr"]})
        print(f"second dip within {band:.0%} of the best rung, >= 4x away in LR: {len(rows)} rows")
        for x in rows:
            s = f"{x['second']:+.1%}" if x["second"] is not None else "n/a (off the grid)"
            print(f"  {x['exam']:<8}{x['w']:<28}{x['data']:<8} pick {x['pick']:+7.1%}   best of the second dip's candidates {s:>8}"
                  f"   (dip LR {x['dip_lr']:.3g}, grid best LR {x['best_lr']:.3g})")
        known = [x for x in rows if x["second"] is not None]
        if known:
            better = sum(x["second"] < x["pick"] - 0.01 for x in known)
            worse = sum(x["second"] > x["pick"] + 0.01 for x in known)
            gain = [min(x["pick"], x["second"]) for x in known]
            print(f"  on the grid: the second dip's best candidate beats the pick by > 1 point on {better}, is worse by > 1 point"
                  f" on {worse} of {len(known)}; median regret of the pick {statistics.median(x['pick'] for x in known):+.1%},"
                  f" of an oracle choosing between them {statistics.median(gain):+.1%}")
        print()


if __name__ == "__main__":
    main()
