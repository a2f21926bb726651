"""Round 56 (descriptive, spent exams read again, deciding nothing): RAdam's rectification against the probe horizon.

torch's RAdam scales each adaptive step by its rectification term r_t (Liu et al. 2020), which rises toward 1 over
about 2/(1-beta2) steps (2,000 at beta2 = 0.999): r = 0.22 at step 100, 0.29 at 182, 0.37 at 300, 0.92 at 3,000 (for
rho_t <= 5, the first ~5 steps, torch takes an unadapted step; counted as 0 here). A probe of h steps therefore
trains at a smaller effective step than the full run of T steps at the same peak LR. The correction read here: the
pick x q, q = max_t s_h(t) r_t / max_t s_T(t) r_t, the largest step the probe took over the largest the full run
takes (s_h: the re-rank's cooldown schedule, warmup, hold, linear decay to 0 over the last 20%; s_T: the full run's,
warmup then cosine to 10%; the probe's warmup is its winning probe's, the run's the pick's). For every pooled row (exams 4-74, both regimes) whose optimizer is RAdam, the full-length loss is read off
the exam's grid (round 23's ``loss_at``: seeds 0 and 1, interpolated in log LR) at the pick x q and x sqrt(q); the
pick's own is its scored full runs (interpolating next to a cliff reads a blend of a good and a collapsed cell).
Read after exam 73's windsurf RAdam@long (+7,606% at 3.1x) was scored; nothing is re-run.

    python benchmarks/results/experiments/round56/readoff.py > benchmarks/results/experiments/round56/readoff.txt
"""
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402


def rectification(t: int, beta2: float) -> float:
    """RAdam's r_t at step t (1-based); 0 where rho_t <= 5 (torch's unadapted first steps)."""
    rho_inf = 2 / (1 - beta2) - 1
    rho = rho_inf - 2 * t * beta2 ** t / (1 - beta2 ** t)
    return math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho)) if rho > 5 else 0.0


def cosine(t: int, n: int, warmup: int) -> float:
    """The full run's schedule (the exams' grids): linear warmup, then cosine to 10%."""
    if t <= warmup:
        return t / max(warmup, 1)
    return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (t - warmup) / max(n - warmup, 1)))


def cooldown(t: int, n: int, warmup: int) -> float:
    """The re-rank probes' schedule under a cosine plan (``defaults.RERANK_SHAPE``, every pooled RAdam row): linear
    warmup, hold the peak, decay linearly to 0 over the last 20%."""
    if t <= warmup:
        return t / max(warmup, 1)
    decay = min(max(1, round(0.2 * n)), max(1, n - warmup))
    return min(1.0, max(0.0, (n - t) / decay))


def largest_step(shape, n: int, warmup: int, beta2: float) -> float:
    return max(shape(t, n, warmup) * rectification(t, beta2) for t in range(1, n + 1))


def ratio(rec: dict, total: int, warmup: int) -> tuple[float, int, float] | None:
    """(q, the re-rank's horizon, beta2) for a recipe whose optimizer is RAdam and a full run of ``total`` steps with
    ``warmup``; None for another optimizer or a recipe without an unfailed re-rank probe."""
    opt = (rec.get("workload") or {}).get("optimizer") or {}
    ranked = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank" and not p.get("failed")]
    if opt.get("name") != "radam" or not ranked:
        return None
    h = max(p["horizon"] for p in ranked)
    measured = rec["recommendation"].get("measured") or rec["recommendation"]
    probe_warmup = min((p for p in ranked if p["horizon"] == h),
                       key=lambda p: abs(math.log(p["peak_lr"] / measured["peak_lr"])))["warmup_steps"]
    beta2 = opt.get("betas", [0.9, 0.999])[1]
    return largest_step(cooldown, h, probe_warmup, beta2) / largest_step(cosine, total, warmup, beta2), h, beta2


def main() -> None:
    for long in (False, True):
        for data in ("eval", "no-eval"):
            rows = []
            for exam, r, rec, total, _, grid, best in picked():
                if r["long"] != long or r["data"] != data or not total:
                    continue
                if (found := ratio(rec, total, r["pick"]["warmup_steps"] or 0)) is None:
                    continue
                q, h, beta2 = found
                wf = (r["pick"]["warmup_steps"] or 0) / total
                reads = [loss_at(grid, r["pick"]["lr"] * f, wf) for f in (q, q ** 0.5)]
                if None in reads:
                    print(f"  {exam} {r['workload']:<34} {data:<8} q {q:.2f}: off the grid")
                    continue
                own = r["pick"]["regret"] if r["pick"].get("regret") is not None else math.inf
                rows.append((own, *(v / best - 1 for v in reads)))
                print(f"  {exam:<7} {r['workload']:<34} {data:<8} h {h:>4} of {total:>5}, beta2 {beta2}: q {q:.2f}; pick "
                      f"{r['pick']['lr'] / r['best']['lr']:5.2f}x the best {own:+8.1%}; x q {rows[-1][1]:+8.1%}; "
                      f"x sqrt(q) {rows[-1][2]:+8.1%}")
            for i, name in ((1, "x q"), (2, "x sqrt(q)")):
                xs, ys = [v[0] for v in rows], [v[i] for v in rows]
                print(f"{'long' if long else 'short'} {data}: {len(rows)} rows, the pick median {statistics.median(xs):+.1%} "
                      f"(over 8% {sum(x > 0.08 for x in xs)}, worst {max(xs):+.1%}); {name} median {statistics.median(ys):+.1%} "
                      f"(over 8% {sum(y > 0.08 for y in ys)}, worst {max(ys):+.1%}); better by over a point on "
                      f"{sum(y < x - 0.01 for x, y in zip(xs, ys))}, worse on {sum(y > x + 0.01 for x, y in zip(xs, ys))}")


if __name__ == "__main__":
    main()
