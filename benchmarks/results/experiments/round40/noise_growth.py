"""Round 40, third reading (descriptive, recorded long-plan recipes of exams 7-42; decides nothing): does the growth
of the gradient noise scale between initialisation and the end of a probe at the chosen peak (B_simple, both in every
recipe) predict how far the re-rank's winner sits above the full run's best LR? McCandlish et al.'s
eps_opt(B) = eps_max / (1 + B_noise / B) lowers the best LR as B_noise grows in training, so a fast growth should
mean a larger horizon correction. Run from the repository root:
    python benchmarks/results/experiments/round40/noise_growth.py > benchmarks/results/experiments/round40/noise_growth.txt
"""
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round39")
from window import window_rows  # noqa: E402
from winner import ranking  # noqa: E402


def growth_and_ratio(recipe: dict, row: dict, rerank: list[dict]) -> tuple[float, float] | None:
    g = recipe["evidence"].get("gradient_noise_scale") or {}
    start, end = ((g.get(k) or {}).get("b_simple") for k in ("at_init", "at_peak_lr"))
    stable = [p for p in rerank if not p.get("failed") and ranking(p) is not None]
    if not stable or not all(isinstance(x, float) and math.isfinite(x) and x > 0 for x in (start, end)):
        return None
    return math.log(end / start), math.log(min(stable, key=ranking)["peak_lr"] / row["best"]["lr"])


def main() -> None:
    pairs = sorted(p for _, r, rerank, _, rec in window_rows(None) if r["long"]
                   for p in [growth_and_ratio(rec, r, rerank)] if p)
    gx, ry = [p[0] for p in pairs], [p[1] for p in pairs]
    mx, my = statistics.mean(gx), statistics.mean(ry)
    corr = sum((a - mx) * (b - my) for a, b in pairs) / math.sqrt(sum((a - mx) ** 2 for a in gx) * sum((b - my) ** 2 for b in ry))
    print(f"{len(pairs)} long rows with both noise scales; correlation of log growth with log(winner / best LR): {corr:+.3f}")
    for q in range(4):
        seg = pairs[q * len(pairs) // 4:(q + 1) * len(pairs) // 4]
        print(f"growth quartile {q + 1}: growth median {math.exp(statistics.median(p[0] for p in seg)):6.2f}x  "
              f"re-rank winner / best LR median {math.exp(statistics.median(p[1] for p in seg)):.2f}")


if __name__ == "__main__":
    main()
