"""Round 34 (descriptive, recorded first scorings only): could a look nearer T at the re-rank's best candidates fix
the long plans?

Round 33 left one untried route for long plans (T = 3000): measure the last candidates nearer the full run. This
bounds it from above without running anything. For every capped long row of the pooled first scorings whose recipe
is kept (``round23/coverage.py``'s ``recorded``), the stable re-rank probes are placed on the exam's full-length grid
(mean of seeds 0 and 1, interpolated in log LR at the probe's warmup fraction), and an oracle that trains the best k
of them by measured re-rank loss to full length and keeps the better is scored: k = 1 is the measured best (close to
the pick, which may differ by a margin or tie), k = 2 and 3 are the look, and "all" is the coverage bound (a perfect
ranking of every measured candidate). A real look costs about k runs at T (k / 3 at T/3) and ranks worse than the
oracle. Run from the repository root:
    python benchmarks/results/experiments/round34/long_look.py --exams $(seq 7 28) > benchmarks/results/experiments/round34/long_look.txt
(written when the pool held exams 4-28; ``--exams`` keeps it reproducible as later exams join the pool)
"""
import argparse
import json
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import at, grid_means, quality, recorded  # noqa: E402

KS = (1, 2, 3, None)


def placed(rec: dict, grid) -> list[tuple[float, float, float]]:
    """(measured re-rank loss, full-length grid loss, peak LR) of each stable re-rank probe inside the grid, best first."""
    measured = []
    for p in rec["evidence"]["probes"]:
        if p["stage"] != "rerank" or p["failed"] or p["diverged_step"] is not None:
            continue
        w = round(p["warmup_steps"] / p["horizon"], 2)
        v = at(grid.get(w, []), p["peak_lr"]) if grid.get(w) else None
        if v is not None:
            measured.append((quality(p), v, p["peak_lr"]))
    return sorted(measured)


def looks(measured: list[tuple[float, float, float]], best: float) -> dict:
    """Full-length regret of the best-of-k oracle over the measured candidates ranked by measured loss."""
    return {k: min(v for _, v, _ in measured[:k]) / best - 1 for k in KS}


def summary(name: str, xs: list[float]) -> str:
    s = sorted(xs)
    return (f"{name:<6} median {statistics.median(s):+6.1%}  90th {s[int(0.9 * len(s))]:+6.1%}  worst {s[-1]:+7.1%}  "
            f"within 3% {sum(x <= 0.03 for x in s):>3}  over 8% {sum(x > 0.08 for x in s):>3}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exams", type=int, nargs="*", help="only these exams (default: every pooled first scoring)")
    args = ap.parse_args()
    res: dict[str, list[tuple[float, dict]]] = {"eval": [], "no-eval": []}
    misses = []
    for exam, score, r, f in recorded(exams=set(args.exams or ())):
        if not r["long"]:
            continue
        measured = placed(json.loads(f.read_text()), grid_means(score.parent, r["workload"]))
        if not measured:
            continue
        out = looks(measured, r["best"]["loss"])
        res[r["data"]].append((r["pick"]["regret"], out))
        if out[None] > 0.08:
            ratios = ", ".join(f"{lr / r['best']['lr']:.2f}" for lr in sorted({m[2] for m in measured}))
            misses.append(f"| {exam} | {r['workload']} | {r['data']} | {r['pick']['regret']:+.1%} | {out[None]:+.1%} | {ratios} |")
    for data, rows in res.items():
        print(f"{data}: {len(rows)} capped long rows with a recipe and at least one re-rank probe on the grid")
        print("  " + summary("pick", [p for p, _ in rows]))
        for k in KS:
            print("  " + summary("all" if k is None else f"top {k}", [o[k] for _, o in rows]))
        print()
    print("Rows whose coverage bound is over 8% (no look at the measured candidates can fix them):\n")
    print("| exam | workload | data | pick regret | coverage bound | candidate LRs / best LR |")
    print("|---|---|---|---|---|---|")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
