"""Round 37 (descriptive, recorded first scorings only, before exams 35-36 were scored): which side of the best LR?

Long-plan picks sit a median 1.7x-2.0x the best LR, yet a uniform factor fails the rows that sat at or below it
(rounds 14 and 36). Two signals the recipes already hold are read here against every pooled row:

1. The gradient noise scale: ``B / B_noise`` (the probed batch against ``evidence.gradient_noise_scale.b_noise_used``).
   Noise-dominated runs (B << B_noise) should favour smaller LRs as training goes on (McCandlish et al. 2018; Wu et
   al. 2018's short-horizon bias); if so, the pick/best ratio should fall with B / B_noise.
2. A re-rank near-tie below the pick on long plans: the largest stable re-rank candidate at or under half the pick
   whose ranking loss is within X of the pick's own probe. Moving there is read off each exam's full-length grid
   (mean of seeds 0 and 1, interpolated in log LR at the candidate's warmup); rows outside the grid keep the pick.

Nothing is re-run. Run from the repository root:
    python benchmarks/results/experiments/round37/side_signals.py --exams $(seq 4 34) > benchmarks/results/experiments/round37/side_signals.txt
"""
import argparse
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked, quality  # noqa: E402


def stable_rerank(recipe: dict) -> list[dict]:
    return [p for p in recipe["evidence"]["probes"] if p["stage"] == "rerank" and not p.get("failed")
            and p.get("diverged_step") is None and p.get("loss") is not None and math.isfinite(quality(p))]


def noise_side(rows: list[tuple]) -> None:
    print("1. pick / best LR against B / B_noise (eval_data rows with a finite noise scale), by tercile")
    for long in (False, True):
        sub = sorted((x for x in rows if x["long"] == long and x["data"] == "eval" and x["b_ratio"]),
                     key=lambda x: x["b_ratio"])
        xs, ys = [math.log2(x["b_ratio"]) for x in sub], [math.log2(x["ratio"]) for x in sub]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        cov = sum((a - mx) * (b - my) for a, b in zip(xs, ys))
        corr = cov / math.sqrt(sum((a - mx) ** 2 for a in xs) * sum((b - my) ** 2 for b in ys))
        print(f"  {'long' if long else 'short'} plans, {len(sub)} rows: correlation of log2(B/B_noise) with "
              f"log2(pick/best) {corr:+.2f}, slope {cov / sum((a - mx) ** 2 for a in xs):+.2f}")
        k = len(sub) // 3
        for name, part in (("lowest third", sub[:k]), ("middle third", sub[k:2 * k]), ("highest third", sub[2 * k:])):
            print(f"    {name:<14} B/B_noise median {statistics.median(x['b_ratio'] for x in part):7.3g}, pick/best "
                  f"median {statistics.median(x['ratio'] for x in part):.2f}, over 1.4x {sum(x['ratio'] > 1.4 for x in part)}"
                  f", under 0.7x {sum(x['ratio'] < 0.7 for x in part)} of {len(part)}, regret median "
                  f"{statistics.median(x['regret'] for x in part):+.1%}")
    print()


def lower_tie(rows: list[tuple]) -> None:
    print("2. long plans: move to the largest stable re-rank candidate <= pick/1.9 scoring within X of the pick's probe")
    for tol in (0.005, 0.01, 0.02, 0.03, 0.05):
        for data in ("eval", "no-eval"):
            sub = [x for x in rows if x["long"] and x["data"] == data]
            a = [x["regret"] for x in sub]
            b = [x["tie"].get(tol, x["regret"]) for x in sub]
            moved = [(p, q) for p, q, x in zip(a, b, sub) if tol in x["tie"]]
            print(f"  X = {tol:.1%} {data:<8} rows {len(sub)}: median {statistics.median(a):+.2%} -> "
                  f"{statistics.median(b):+.2%}, within 3% {sum(v <= 0.03 for v in a)} -> {sum(v <= 0.03 for v in b)}, "
                  f"over 8% {sum(v > 0.08 for v in a)} -> {sum(v > 0.08 for v in b)}; moved {len(moved)}: better by >1pt "
                  f"{sum(q < p - 0.01 for p, q in moved)}, worse by >1pt {sum(q > p + 0.01 for p, q in moved)}")
    print()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exams", type=int, nargs="+", help="only these exams' first scorings")
    args = ap.parse_args()
    rows = []
    for exam, r, rec, total, wf, grid, best in picked(set(args.exams) if args.exams else None):
        gns = rec["evidence"].get("gradient_noise_scale") or {}
        bn, batch = gns.get("b_noise_used"), gns.get("batch_size")
        row = {"long": r["long"], "data": r["data"], "ratio": r["pick"]["lr"] / r["best"]["lr"],
               "regret": r["pick"]["regret"], "tie": {},
               "b_ratio": batch / bn if bn and batch and math.isfinite(bn) and bn > 0 else None}
        own = [p for p in stable_rerank(rec) if abs(p["peak_lr"] / r["pick"]["lr"] - 1) < 0.02]
        if r["long"] and own:
            q0 = min(quality(p) for p in own)
            for tol in (0.005, 0.01, 0.02, 0.03, 0.05):
                lower = [p for p in stable_rerank(rec) if p["peak_lr"] < r["pick"]["lr"] / 1.9 and quality(p) <= q0 * (1 + tol)]
                if lower:
                    m = max(lower, key=lambda p: p["peak_lr"])
                    v = loss_at(grid, m["peak_lr"], m["warmup_steps"] / m["horizon"])
                    if v is not None:
                        row["tie"][tol] = v / best - 1
        rows.append(row)
    noise_side(rows)
    lower_tie(rows)


if __name__ == "__main__":
    main()
