"""Round 42's reading (descriptive): does the re-rank's best LR drift between half its horizon and its horizon, and
does that drift say on which side of the full-run best LR the re-rank's best lies?

Reads `half.jsonl` (half_horizon.py) and the pooled first scorings' long rows. Per row (workload x data regime), with
the re-probed rankings of today's code: `min_h(lr)` = the candidate's best ranking loss over its warmups at horizon h;
the vertex `v_h` = a parabola through the argmin and its two LR neighbours in log2 LR (the argmin itself at an end);
drift = v_h - v_{h/2} (log2 units; negative = the best moved down as the horizon doubled). Against
side = log2(grid best LR / 2^v_h). Then three pick rules read on the grid (round 23's interpolation at the grid's
warmup nearest the rule's warmup, a proxy): the re-rank's best, half of it (shipped), and half only where drift <= 0.
Run from the repository root:
    python benchmarks/results/experiments/round42/drift.py [first last] > benchmarks/results/experiments/round42/drift.txt
"""
import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round23"))
from coverage import grid_means, loss_at, recorded  # noqa: E402

HERE = Path(__file__).resolve().parent


def vertex(points: dict[float, float]) -> tuple[float, str]:
    """log2 LR of the minimum of ``points`` (lr -> loss), refined by a parabola through it and its neighbours."""
    lrs = sorted(points)
    i = min(range(len(lrs)), key=lambda k: points[lrs[k]])
    x = [math.log2(v) for v in lrs]
    if i == 0 or i == len(lrs) - 1:
        return x[i], "low" if i == 0 else "high"
    (x0, x1, x2), (y0, y1, y2) = x[i - 1:i + 2], [points[lrs[k]] for k in (i - 1, i, i + 1)]
    d = (x1 - x0) * (x2 - x1) * (x2 - x0)
    a = ((y2 - y1) * (x1 - x0) - (y1 - y0) * (x2 - x1)) / d
    if a <= 0:
        return x1, "mid"
    b = (y1 - y0) / (x1 - x0) - a * (x1 + x0)
    return min(max(-b / (2 * a), x0), x2), "mid"


def curves(probes: list[dict], key: str) -> dict[int, dict[float, tuple[float, float]]]:
    """horizon -> lr -> (best ranking loss over its warmups, that warmup)."""
    out: dict[int, dict[float, tuple[float, float]]] = {}
    for p in probes:
        v = p[key]
        if p["stopped"] is not None or v is None or not math.isfinite(v):
            continue
        cur = out.setdefault(p["horizon"], {}).get(p["lr"])
        if cur is None or v < cur[0]:
            out[p["horizon"]][p["lr"]] = (v, p["fraction"])
    return out


def main() -> None:
    first, last = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (7, 46)
    probed = {(d["exam"], d["workload"]): d for d in map(json.loads, (HERE / "half.jsonl").read_text().splitlines())
              if "error" not in d}
    rows = []
    for exam, score, r, _ in recorded(exams=set(range(first, last + 1))):
        d = probed.get((exam, r["workload"]))
        if not r["long"] or d is None:
            continue
        c = curves(d["probes"], "eval" if r["data"] == "eval" else "train_sample")
        h, h2 = d["horizon"], d["horizon"] // 2
        if h not in c or h2 not in c or len(c[h]) < 2 or len(c[h2]) < 2:
            continue
        v, end = vertex({k: q for k, (q, _) in c[h].items()})
        v2, end2 = vertex({k: q for k, (q, _) in c[h2].items()})
        best_lr = min(c[h], key=lambda k: c[h][k][0])
        grid = grid_means(score.parent, r["workload"])
        wf = c[h][best_lr][1]
        best = r["best"]["loss"]

        def regret(lr: float) -> float | None:
            got = loss_at(grid, lr, wf)
            return None if got is None else got / best - 1

        lower = max((k for k in c[h] if k < best_lr * 0.99), default=None)
        if lower is not None and lower in c[h2] and best_lr in c[h2]:
            g, g2 = c[h][lower][0] / c[h][best_lr][0] - 1, c[h2][lower][0] / c[h2][best_lr][0] - 1
            catch = g + (g - g2) * math.log2(d["total"] / h)  # the lower LR's deficit, carried on to the full run
        else:
            catch = None
        rows.append({"exam": exam, "catch": catch, "E": regret(best_lr / 2 if catch is None or catch < 0 else best_lr), "w": r["workload"], "data": r["data"], "drift": v - v2, "end": end, "end2": end2,
                     "side": math.log2(r["best"]["lr"]) - v, "S": regret(best_lr), "A": regret(best_lr / 2),
                     "D": regret(best_lr / 2 if v - v2 <= 0 else best_lr), "pick": r["pick"]["regret"]})
    for x in rows:
        print(f"{x['exam']:<8}{x['w']:<32}{x['data']:<8} drift {x['drift']:+5.2f} ({x['end2']:>4}->{x['end']:>4})  "
              f"best/v {x['side']:+5.2f}  catch {x['catch'] if x['catch'] is not None else math.nan:+6.3f}  S {fmt(x['S'])} A {fmt(x['A'])} D {fmt(x['D'])}")
    print()
    pairs = [(x["drift"], x["side"]) for x in rows]
    print(f"{len(rows)} rows; correlation of drift with log2(best / re-rank vertex): {corr(pairs):+.2f}")
    for name, sel in (("drift < -0.25", lambda x: x["drift"] < -0.25), ("-0.25..0.25", lambda x: abs(x["drift"]) <= 0.25),
                      ("drift > 0.25", lambda x: x["drift"] > 0.25)):
        g = [x for x in rows if sel(x)]
        if g:
            print(f"{name:<14} {len(g):3} rows  median log2(best / vertex) {statistics.median(x['side'] for x in g):+5.2f}  "
                  f"best below the vertex by over a rung {sum(x['side'] < -1 for x in g):3}, above {sum(x['side'] > 1 for x in g):3}")
    caught = [(x["catch"], x["side"]) for x in rows if x["catch"] is not None]
    print(f"{len(caught)} rows with b/2 measured; correlation of its carried deficit with log2(best / vertex): "
          f"{corr(caught):+.2f}; deficit < 0: {sum(a < 0 for a, _ in caught)} rows, median side "
          f"{statistics.median(b for a, b in caught if a < 0):+.2f}; >= 0: median side "
          f"{statistics.median(b for a, b in caught if a >= 0):+.2f}")
    print()
    for k, label in (("S", "the re-rank's best"), ("A", "half of it (shipped)"), ("D", "half where drift <= 0"),
                     ("E", "half where b/2 catches up")):
        v = [x[k] for x in rows if x[k] is not None]
        print(f"{label:<24} {len(v):3} rows  median {statistics.median(v):+6.1%}  within 3% {sum(e <= 0.03 for e in v):3}  "
              f"over 8% {sum(e > 0.08 for e in v):3}")


def fmt(v: float | None) -> str:
    return "   n/a " if v is None else f"{v:+7.1%}"


def corr(pairs: list[tuple[float, float]]) -> float:
    xs, ys = zip(*pairs)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((a - mx) * (b - my) for a, b in pairs)
    return sxy / math.sqrt(sum((a - mx) ** 2 for a in xs) * sum((b - my) ** 2 for b in ys))


if __name__ == "__main__":
    main()
