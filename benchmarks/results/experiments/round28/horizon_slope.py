"""Round 28 (descriptive, recorded data only): does the drift of the best LR from the screen to the re-rank predict
where a long plan's best LR sits at full length?

For every long row of the pooled first scorings that ran the half-run cap (exams 7-23), the screen's best stable
rung (no warmup, ~T/90) and the re-rank's best stable no-warmup probe (~T/16) give a per-workload slope
alpha = log(screen best / re-rank best) / log(re-rank horizon / screen horizon). The pick is then moved along it to a
target horizon H: pick * (re-rank horizon / H) ** alpha, with alpha clipped to [0, ALPHA_MAX]. The moved LR is placed
on the exam's full-length grid (round 23's interpolation, the pick's warmup fraction; none outside the grid's range).
Nothing is re-run: the regret read from the grid is an interpolation, a proxy. Run from the repository root:
    python benchmarks/results/experiments/round28/horizon_slope.py > benchmarks/results/experiments/round28/horizon_slope.txt
"""
import json
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import grid_means, loss_at, quality, recorded  # noqa: E402


def stable(p: dict) -> bool:
    return not p["failed"] and p["diverged_step"] is None


def best_lr(probes: list[dict], stage: str, warm: bool = False) -> tuple[float, int] | None:
    ok = [p for p in probes if p["stage"] == stage and stable(p) and (p["warmup_steps"] > 0) == warm]
    if not ok:
        return None
    b = min(ok, key=quality)
    return b["peak_lr"], b["horizon"]


def main() -> None:
    rows = []
    for exam, score, r, f in recorded():
        if not r["long"]:
            continue
        rec = json.loads(f.read_text())
        probes = rec["evidence"]["probes"]
        s, rr = best_lr(probes, "screen"), best_lr(probes, "rerank")
        if s is None or rr is None or r["pick"].get("lr") is None:
            continue
        alpha = math.log(s[0] / rr[0]) / math.log(rr[1] / s[1])
        grid = grid_means(score.parent, r["workload"])
        best = r["best"]["loss"]
        T = r["total_steps"]
        rows.append({"exam": exam, "w": r["workload"], "data": r["data"], "alpha": alpha, "h": rr[1], "T": T,
                     "pick_lr": r["pick"]["lr"], "pick_w": r["pick"]["warmup_steps"] / r["total_steps"], "regret": r["pick"]["regret"],
                     "ratio": r["pick"]["lr"] / r["best"]["lr"], "grid": grid, "best": best})
    print(f"{len(rows)} long rows with a stable screen and re-rank best (no warmup)\n")
    print(f"{'exam':<8}{'workload':<28}{'data':<8}{'alpha':>7}{'pick/best':>10}{'regret':>9}")
    for x in rows:
        print(f"{x['exam']:<8}{x['w']:<28}{x['data']:<8}{x['alpha']:>7.2f}{x['ratio']:>10.2f}{x['regret']:>+9.1%}")
    la = [x["alpha"] for x in rows]
    lr_ = [math.log(x["ratio"]) for x in rows]
    ma, mr = statistics.mean(la), statistics.mean(lr_)
    cov = sum((a - ma) * (b - mr) for a, b in zip(la, lr_))
    corr = cov / math.sqrt(sum((a - ma) ** 2 for a in la) * sum((b - mr) ** 2 for b in lr_))
    print(f"\ncorrelation(alpha, log pick/best) = {corr:+.2f}; alpha median {statistics.median(la):+.2f}, "
          f"share alpha > 0: {sum(a > 0 for a in la)}/{len(la)}")
    print(f"\n{'target':<8}{'alpha max':>10}{'data':>9}{'n':>4}{'median':>9}{'p90':>8}{'within 3%':>10}{'better/worse >1pt':>19}{'LR/best':>9}")
    for target in ("T/3", "T"):
        for amax in (0.5, 1.0):
            for data in ("eval", "no-eval"):
                base, moved, better, worse, ratios = [], [], 0, 0, []
                for x in rows:
                    if x["data"] != data:
                        continue
                    H = x["T"] / 3 if target == "T/3" else x["T"]
                    a = min(max(x["alpha"], 0.0), amax)
                    lr = x["pick_lr"] * (x["h"] / H) ** a
                    v = loss_at(x["grid"], lr, x["pick_w"])
                    if v is None:
                        v = loss_at(x["grid"], x["pick_lr"], x["pick_w"]) if lr == x["pick_lr"] else math.inf
                    m = v / x["best"] - 1
                    base.append(x["regret"])
                    moved.append(m)
                    better += m < x["regret"] - 0.01
                    worse += m > x["regret"] + 0.01
                    ratios.append(x["ratio"] * lr / x["pick_lr"])
                q = lambda v: sorted(v)[int(0.9 * (len(v) - 1))]
                print(f"{target:<8}{amax:>10}{data:>9}{len(base):>4}{statistics.median(base):>+8.1%}>{statistics.median(moved):+.1%}"
                      f"{q(base):>+8.0%}>{q(moved):+.0%}{sum(b <= 0.03 for b in base):>5}>{sum(m <= 0.03 for m in moved)}"
                      f"{better:>12}/{worse}{statistics.median(ratios):>9.2f}")


if __name__ == "__main__":
    main()
