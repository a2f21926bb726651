"""Round 52, part 2 (descriptive, spent exams read again off their grids, deciding nothing): three cheaper ideas for
the per-row scatter, none adopted. For every row of the pooled first scorings with a pick and a kept recipe
(``round23/coverage.py``), losses are read off the exam's full-length grid (mean of seeds 0 and 1, interpolated in log
LR, at the pick's warmup fraction); nothing is re-run. Blocks: exams 4-38 and 39-62.

1. ``split``: coverage (the best full-length loss among the stable re-rank probes) against ranking (the pick against
   that), as round 23 did for exams 4-19, now for every block and both plan lengths (on long plans "ranking" includes
   the halving).
2. ``vertex``: on short plans, the vertex of a parabola in log LR through the measured best re-rank candidate and its
   two neighbours at the same warmup (where the best is interior), at most sqrt(2) from it, instead of the best itself.
3. ``extrapolated``: the re-rank's best moved by the drift of the best LR from the screen's horizon to the re-rank's,
   continued as a power law to the run's length (only downwards, at most 4x): (T / h2) ** slope, slope = log(re-rank
   best / screen best) / log(h2 / h1), against the pick as made and the unhalved measured best.

    python benchmarks/results/experiments/round52/readings.py > benchmarks/results/experiments/round52/readings.txt
"""
import json
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import at, grid_means, loss_at, quality, recorded  # noqa: E402

BLOCKS = ((4, 38), (39, 62))


def summary(v: list[float]) -> str:
    return f"{statistics.median(v):+.1%}, within 3% {sum(t <= 0.03 for t in v)}, over 8% {sum(t > 0.08 for t in v)}"


def rows(lo: int, hi: int, long: bool, data: str):
    """(row, probes, total steps, the pick's warmup fraction, grid means, best loss) for one block and group."""
    for _, score, r, f in recorded(exams=set(range(lo, hi + 1))):
        if r["long"] != long or r["data"] != data or r["pick"].get("lr") is None:
            continue
        rec = json.loads(f.read_text())
        total = rec["recommendation"]["total_steps"]
        yield (r, rec["evidence"]["probes"], total, r["pick"]["warmup_steps"] / total,
               grid_means(score.parent, r["workload"]), r["best"]["loss"])


def trained(probes: list[dict], stage: str) -> list[dict]:
    return [p for p in probes if p["stage"] == stage and not p["failed"] and p["diverged_step"] is None]


def split(lo: int, hi: int, long: bool, data: str) -> str:
    out = []
    for r, probes, _, _, grid, best in rows(lo, hi, long, data):
        placed = []
        for p in trained(probes, "rerank"):
            w = p["warmup_steps"] / p["horizon"]
            cells = grid.get(min(grid, key=lambda g: abs(g - w)))
            v = at(cells, p["peak_lr"]) if cells else None
            if v is not None:
                placed.append(v)
        if placed:
            pick, cover = r["pick"]["regret"], min(placed) / best - 1
            out.append((pick, cover, (1 + pick) / (1 + cover) - 1))
    big = [x for x in out if x[0] > 0.03]
    return (f"{len(out)} rows; median pick {statistics.median(x[0] for x in out):+.1%}, coverage "
            f"{statistics.median(x[1] for x in out):+.1%}, ranking {statistics.median(x[2] for x in out):+.1%}; of "
            f"{len(big)} rows over 3%, coverage over 3% on {sum(x[1] > 0.03 for x in big)}, ranking on {sum(x[2] > 0.03 for x in big)}")


def vertex_lr(group: list[tuple[float, float]], best_at: int) -> float | None:
    (x0, y0), (x1, y1), (x2, y2) = [(math.log(lr), q) for lr, q in group[best_at - 1:best_at + 2]]
    d = (x0 - x1) * (x0 - x2) * (x1 - x2)
    a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / d
    b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / d
    if a <= 0:
        return None
    return math.exp(min(max(-b / (2 * a), x1 - math.log(2) / 2), x1 + math.log(2) / 2))


def vertex(lo: int, hi: int, data: str) -> str:
    a_, v_ = [], []
    for r, probes, _, wf, grid, best in rows(lo, hi, False, data):
        rr = trained(probes, "rerank")
        if not rr:
            continue
        top = min(rr, key=quality)
        w = top["warmup_steps"] / top["horizon"]
        group = sorted({(p["peak_lr"], quality(p)) for p in rr if abs(p["warmup_steps"] / p["horizon"] - w) < 0.01})
        lr = r["pick"]["lr"]
        i = min(range(len(group)), key=lambda k: group[k][1])
        if math.isclose(lr, top["peak_lr"], rel_tol=1e-6) and 0 < i < len(group) - 1:
            lr = vertex_lr(group, i) or lr
        a, v = loss_at(grid, r["pick"]["lr"], wf), loss_at(grid, lr, wf)
        if a is not None and v is not None:
            a_.append(a / best - 1)
            v_.append(v / best - 1)
    better = sum(v < a - 1e-9 for a, v in zip(a_, v_))
    worse = sum(v > a + 1e-9 for a, v in zip(a_, v_))
    return f"{len(a_)} rows; pick {summary(a_)}; vertex {summary(v_)}; vertex better on {better}, worse on {worse}"


def extrapolated(lo: int, hi: int, long: bool, data: str) -> str:
    a_, m_, x_ = [], [], []
    for r, probes, total, wf, grid, best in rows(lo, hi, long, data):
        sc, rr = trained(probes, "screen"), trained(probes, "rerank")
        if not sc or not rr:
            continue
        s, m = min(sc, key=quality), min(rr, key=quality)
        slope = min(math.log(m["peak_lr"] / s["peak_lr"]) / math.log(m["horizon"] / s["horizon"]), 0.0)
        lr = m["peak_lr"] * max((total / m["horizon"]) ** slope, 0.25)
        vals = [loss_at(grid, v, wf) for v in (r["pick"]["lr"], m["peak_lr"], lr)]
        if None not in vals:
            for out, v in zip((a_, m_, x_), vals):
                out.append(v / best - 1)
    return f"{len(a_)} rows; pick {summary(a_)}; measured best {summary(m_)}; extrapolated {summary(x_)}"


def main() -> None:
    for lo, hi in BLOCKS:
        for long in (False, True):
            for data in ("eval", "no-eval"):
                print(f"exams {lo}-{hi}, {'long' if long else 'short'}, {data}")
                print(f"  split:        {split(lo, hi, long, data)}")
                if not long:
                    print(f"  vertex:       {vertex(lo, hi, data)}")
                print(f"  extrapolated: {extrapolated(lo, hi, long, data)}")


if __name__ == "__main__":
    main()
