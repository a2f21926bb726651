"""Round 36 (descriptive, recorded first scorings only): does the drift of the best LR from the screen's horizon to
the re-rank's say where the full run's best LR lies?

The screen ranks LRs at h_s steps, the re-rank at h_r; the best LR usually falls as the horizon grows (exam 30's
NNUE: 0.31 at 30 steps, 0.078 at 100, 0.032 at 300). If the best LR follows a power law in the horizon,
b(h) ~ h^-beta, two horizons measure beta = log(b_s / b_r) / log(h_r / h_s), and the full run's best LR is
b_r x (h_r / T)^beta. Here the pick is moved by that factor (beta clipped to [0, cap]) and scored off each exam's
full-length grid (mean of seeds 0 and 1, interpolated in log LR at the pick's warmup; rows where the moved LR falls
outside the grid keep the pick). Fixed-beta variants move every pick by (h_r / T)^beta. Nothing is re-run.
Run from the repository root:
    python benchmarks/results/experiments/round36/horizon_shift.py --exams $(seq 4 32) > benchmarks/results/experiments/round36/horizon_shift.txt
"""
import argparse
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
sys.path.insert(0, "benchmarks/results/experiments/round35")
from coverage import loss_at, picked, quality  # noqa: E402
from second_run import line as second_run_line, print_tables  # noqa: E402


def best_of(probes: list[dict], stage: str) -> tuple[float, int] | None:
    """(LR, horizon) of the stage's best-measured stable probe."""
    ok = [p for p in probes if p["stage"] == stage and not p.get("failed") and p.get("diverged_step") is None
          and math.isfinite(quality(p))]
    if not ok:
        return None
    p = min(ok, key=quality)
    return p["peak_lr"], p["horizon"]


def line(name: str, xs: list[float]) -> str:
    """Round 35's summary line, with the mean (each row capped at +300%) after it."""
    return f"{second_run_line(name, xs)}  mean {statistics.fmean(min(x, 3.0) for x in xs):+6.1%}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exams", type=int, nargs="*")
    args = ap.parse_args()
    variants = {"pick": None, "fixed beta 0.1": ("fixed", 0.1), "fixed beta 0.15": ("fixed", 0.15),
                "fixed beta 0.2": ("fixed", 0.2), "fixed beta 0.25": ("fixed", 0.25), "fixed beta 0.3": ("fixed", 0.3),
                "fixed beta 0.4": ("fixed", 0.4),
                "half (x0.5)": ("factor", 0.5), "measured, cap 0.5": ("measured", 0.5), "measured, cap 1": ("measured", 1.0),
                "measured, cap 2": ("measured", 2.0), "measured x0.5, cap 1": ("half", 1.0)}
    table: dict[tuple[bool, str], list[dict[str, float]]] = {}
    detail = []
    by_opt: dict[str, list[tuple[float, float]]] = {}
    for exam, r, rec, total, wf, grid, best in picked(exams=set(args.exams or ())):
        p = r["pick"]
        probes = rec["evidence"]["probes"]
        s, q = best_of(probes, "screen"), best_of(probes, "rerank")
        if not (s and q and total):
            continue
        beta_m = max(0.0, math.log(s[0] / q[0]) / math.log(q[1] / s[1])) if q[1] > s[1] else 0.0
        out = {}
        for name, v in variants.items():
            if v is None:
                out[name] = p["regret"]
                continue
            kind, b = v
            if kind == "factor":
                lr = p["lr"] * b
            else:
                beta = b if kind == "fixed" else min(beta_m, b) * (0.5 if kind == "half" else 1.0)
                lr = p["lr"] * (q[1] / total) ** beta
            val = None if lr == p["lr"] else loss_at(grid, lr, wf)
            out[name] = p["regret"] if val is None else val / best - 1
        table.setdefault((r["long"], r["data"]), []).append(out)
        detail.append((exam, r["workload"], r["data"], s, q, total, beta_m, p["lr"] / r["best"]["lr"], out))
        if r["long"]:
            by_opt.setdefault(rec["workload"]["optimizer"]["name"], []).append((out["pick"], out["half (x0.5)"]))
    print_tables(table, variants, summary=line)
    print("long plans, half (x0.5) by optimizer (both regimes): rows, pick median / mean -> half median / mean, "
          "rows better / worse by over a point")
    for name, xs in sorted(by_opt.items(), key=lambda kv: -len(kv[1])):
        a, h = [x[0] for x in xs], [x[1] for x in xs]
        print(f"  {name:<10} {len(xs):>3}  {statistics.median(a):+6.2%} / {statistics.fmean(a):+6.1%} -> "
              f"{statistics.median(h):+6.2%} / {statistics.fmean(h):+6.1%}  {sum(y < x - 0.01 for x, y in xs):>3} / "
              f"{sum(y > x + 0.01 for x, y in xs):>3}")
    print()
    print("rows: exam, workload, data, screen best (lr, h), re-rank best (lr, h), T, measured beta, pick/best LR, "
          "regret pick -> measured cap 1")
    for exam, w, d, s, q, t, bm, ratio, out in detail:
        print(f"{exam:<8} {w:<32} {d:<8} {s[0]:.3g}@{s[1]:<4} {q[0]:.3g}@{q[1]:<5} T={t:<5} beta {bm:4.2f}  "
              f"{ratio:5.2f}x  {out['pick']:+7.1%} -> {out['measured, cap 1']:+7.1%}")


if __name__ == "__main__":
    main()
