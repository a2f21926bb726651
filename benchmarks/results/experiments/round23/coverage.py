"""Round 23 (descriptive, recorded data only): where the short-plan search regret comes from.

For every short-plan row of the pooled first scorings (exams 4-19), the re-rank probes the search measured are placed
on the exam's full-length grid (mean of seeds 0 and 1, interpolated in log LR within the probe's warmup fraction;
none outside the grid's LR range). Coverage regret: the best full-length loss among the stable re-rank probes
against the grid's best cell (what a perfect ranking of the measured candidates could reach). Ranking regret: the
pick against that. Run from the repository root:
    python benchmarks/results/experiments/round23/coverage.py > benchmarks/results/experiments/round23/coverage.txt
"""
import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
from exam_pool import FIRST_SCORINGS  # noqa: E402

RES = Path("benchmarks/results")


def recorded(short_only: bool = False, exams: set[int] | None = None):
    """(exam, score path, row, recipe path) for every scored row of the pooled first scorings whose recipe is kept, in
    pool order: short plans, and long ones where the exam ran the half-run cap (none with ``short_only``); only
    ``exams`` (their numbers) when given, so a reading taken when the pool was smaller can be reproduced."""
    for exam, rel, capped in FIRST_SCORINGS:
        if exams and int(exam.split()[-1]) not in exams:
            continue
        score = RES / rel
        tag = score.name[len("score."):-len(".json")]
        for r in json.loads(score.read_text())["rows"]:
            if "regret" not in (r.get("pick") or {}) or (r["long"] and (short_only or not capped)):
                continue
            f = score.parent / f"picks.{tag}.recipes" / f"{r['workload'].replace('@', '_')}.{r['data']}.json"
            if f.exists():
                yield exam, score, r, f


def picked(exams: set[int] | None = None):
    """``recorded``'s rows that have a pick, with what a reading of them needs: (exam, row, recipe, planned steps or
    None, the pick's warmup fraction (0 without a length), the exam's full-length grid means, the best cell's loss)."""
    for exam, score, r, f in recorded(exams=exams):
        p = r["pick"]
        if p.get("lr") is None:
            continue
        rec = json.loads(f.read_text())
        total = (rec.get("recommendation") or {}).get("total_steps") or r.get("total_steps")
        wf = (p.get("warmup_steps") or 0) / total if total else 0.0
        yield exam, r, rec, total, wf, grid_means(score.parent, r["workload"]), r["best"]["loss"]


def grid_means(exam_dir: Path, name: str) -> dict[float, list[tuple[float, float]]]:
    by: dict[tuple[float, float], dict[int, float]] = {}
    for line in (exam_dir / "grid.jsonl").read_text().splitlines():
        r = json.loads(line)
        if r["workload"] == name:
            loss = math.inf if r["loss"] is None else float(r["loss"])
            by.setdefault((float(r["lr"]), float(r["warmup_fraction"])), {})[int(r["seed"])] = loss
    out: dict[float, list[tuple[float, float]]] = {}
    for (lr, w), seeds in by.items():
        if {0, 1} <= set(seeds):
            out.setdefault(w, []).append((lr, (seeds[0] + seeds[1]) / 2))
    return {w: sorted(v) for w, v in out.items()}


def quality(p: dict) -> float:
    """A recorded probe's ranking loss: its eval_loss where finite, else its training loss (``ProbeSummary.quality``)."""
    v = p.get("eval_loss")
    return v if v is not None and math.isfinite(v) else p["loss"]


def longest_rerank(rec: dict) -> list[dict]:
    """A recipe's stable (not failed) re-rank probes at the longest horizon any of them ran; [] where none ran."""
    probes = [p for p in (rec.get("evidence") or {}).get("probes", []) if p["stage"] == "rerank" and not p.get("failed")]
    horizon = max((p["horizon"] for p in probes), default=None)
    return [p for p in probes if p["horizon"] == horizon]


def loss_at(grid: dict[float, list[tuple[float, float]]], lr: float, warmup_fraction: float) -> float | None:
    """The full-length loss at ``lr``, interpolated within the grid's warmup fraction nearest ``warmup_fraction``; None
    without a grid or outside its LR range."""
    if not grid:
        return None
    cells = grid.get(min(grid, key=lambda g: abs(g - warmup_fraction)))
    return at(cells, lr) if cells else None


def at(cells: list[tuple[float, float]], lr: float) -> float | None:
    for (a, la), (b, lb) in zip(cells, cells[1:]):
        if a <= lr * (1 + 1e-6) and lr <= b * (1 + 1e-6):
            if not (math.isfinite(la) and math.isfinite(lb)):
                return math.inf
            t = math.log(lr / a) / math.log(b / a)
            return la + t * (lb - la)
    return None



def main() -> None:
    rows = []
    for exam, score, r, f in recorded(short_only=True):
        probes = json.loads(f.read_text())["evidence"]["probes"]
        grid = grid_means(score.parent, r["workload"])
        best = r["best"]["loss"]
        measured = []
        for p in probes:
            if p["stage"] != "rerank" or p["failed"] or p["diverged_step"] is not None:
                continue
            w = round(p["warmup_steps"] / p["horizon"], 2)
            cells = grid.get(w)
            v = at(cells, p["peak_lr"]) if cells else None
            if v is not None:
                measured.append((v, p["peak_lr"], w))
        if not measured:
            continue
        oracle = min(measured)
        top_rr = max(m[1] for m in measured)
        pick = r["pick"]["regret"]
        rows.append({"exam": exam, "w": r["workload"], "data": r["data"], "pick": pick, "cover": oracle[0] / best - 1,
                     "rank": (1 + pick) / (oracle[0] / best) - 1, "best_lr": r["best"]["lr"], "best_w": r["best"]["warmup_fraction"],
                     "oracle_lr": oracle[1], "oracle_w": oracle[2], "top_rr": top_rr, "pick_lr": r["pick"]["lr"]})

    print(f"{'exam':<8}{'workload':<28}{'data':<8}{'regret':>8}{'cover':>8}{'rank':>8}  best (lr, w)      measured-best (lr, w)  top re-rank LR / best LR")
    for x in rows:
        print(f"{x['exam']:<8}{x['w']:<28}{x['data']:<8}{x['pick']:>+8.1%}{x['cover']:>+8.1%}{x['rank']:>+8.1%}  "
              f"{x['best_lr']:.3g}, {x['best_w']:<5}  {x['oracle_lr']:.3g}, {x['oracle_w']:<5}          {x['top_rr'] / x['best_lr']:.2f}")
    print()
    for data in ("eval", "no-eval"):
        sub = [x for x in rows if x["data"] == data]
        med = lambda k: statistics.median(x[k] for x in sub)
        print(f"{data}: {len(sub)} rows; median regret {med('pick'):+.2%}, coverage {med('cover'):+.2%}, ranking {med('rank'):+.2%}; "
              f"rows over 3%: {sum(x['pick'] > 0.03 for x in sub)}, of which coverage > 3%: {sum(x['pick'] > 0.03 and x['cover'] > 0.03 for x in sub)}, "
              f"ranking > 3%: {sum(x['pick'] > 0.03 and x['rank'] > 0.03 for x in sub)}; best LR above every measured re-rank LR: "
              f"{sum(x['best_lr'] > x['top_rr'] * 1.01 for x in sub)}")
    print()
    for data in ("eval", "no-eval"):
        miss = [x for x in rows if x["data"] == data and x["rank"] > 0.03]
        below = sum(x["pick_lr"] < x["oracle_lr"] * 0.99 for x in miss)
        above = sum(x["pick_lr"] > x["oracle_lr"] * 1.01 for x in miss)
        warm = sum(x["oracle_w"] > 0 for x in miss)
        print(f"{data}: ranking misses over 3%: {len(miss)}; pick LR below the measured-best's: {below}, above: {above}, "
              f"same LR: {len(miss) - below - above}; the measured-best candidate has warmup: {warm}")


if __name__ == "__main__":
    main()
