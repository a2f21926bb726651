"""Round 91's motive on spent exams (descriptive, deciding nothing): the Adagrad long plans probed with a larger probe
budget (``--defaults LONG_PLAN_RUNS=0.9``: screen 64 and re-rank 342 steps of 3,000 instead of 34 and 182, still under
SECOND_RUN_SHARE so the Adagrad share applies as shipped), against the product's own picks (set A on exams 139-142,
round 84's sqrt(2) set on 137-138: the product's rule on those rows), both read off the full-length grids (round 23's
interpolation in log LR at the pick's warmup, seeds 0 and 1). Read-offs run about two points high and mislead across
cliffs; the full runs decide. The re-probes (`reprobe.sh`, one thread) write ``/tmp/lp90/examN/picks.jsonl``;
``picks.*.jsonl`` here are their copies.
    python benchmarks/results/experiments/round91/readoff.py > benchmarks/results/experiments/round91/readoff.txt
    python benchmarks/results/experiments/round91/readoff.py cos > benchmarks/results/experiments/round91/readoff_cos.txt
With ``cos``: set C instead (``--defaults RERANK_SHAPE=None``: the re-rank probes are compressed cosines, as the plain T/5
grid's cells, instead of cooldown probes; the budget as shipped), its copies ``picks.cos.examN.jsonl``.
"""
import importlib.util
import json
import math
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parents[1] / "round23")]
from coverage import grid_means, loss_at  # noqa: E402

_spec = importlib.util.spec_from_file_location("round56_decide", HERE.parents[1] / "round56" / "decide.py")
_r56 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r56)

RES = HERE.parents[2]
PRODUCT = {137: ".sqrt2", 138: ".sqrt2", 139: "", 140: "", 141: "", 142: ""}  # the product's picks: round 84's rule


def score_rows(exam: int, tag: str) -> list[dict]:
    """The rows of the exam's score file of the set scored with ``tag`` (round 56's ``one_file``)."""
    return json.loads(Path(_r56.one_file(exam, "score", tag, "json")).read_text())["rows"]


def read(grid, best: float, lr: float | None, warmup: int, total: int) -> float | None:
    """Regret read off the full-length grid at ``lr`` and ``warmup`` steps of ``total``; a pick with no LR reads as
    diverged; None outside the grid's LR range."""
    if not lr:
        return math.inf
    v = loss_at(grid, lr, warmup / total)
    return None if v is None else v / best - 1


def main(variant: str = "") -> None:
    label = {"": "budget 0.9", "cos": "cosine re-rank"}[variant]
    out = {"eval": [], "no-eval": []}
    for exam, tag in PRODUCT.items():
        budget = {(p["name"], p["data"]): p for p in map(json.loads, open(HERE.parent / f"picks.{variant + '.' if variant else ''}exam{exam}.jsonl"))}
        for r in score_rows(exam, tag):
            key = (r["workload"], r["data"])
            if key not in budget or not r["long"]:
                continue
            grid, best, total = grid_means(RES / f"exam{exam}", r["workload"]), r["best"]["loss"], r["total_steps"]
            a, b = r["pick"], budget[key]
            read_a = read(grid, best, a["lr"], a["warmup_steps"], total)
            read_b = read(grid, best, b["peak_lr"], b["warmup_steps"], total)
            if read_a is None or read_b is None:
                print(f"  {exam} {key}: outside the grid, skipped")
                continue
            out[r["data"]].append((exam, r["workload"], a["lr"] / r["best"]["lr"], b["peak_lr"] / r["best"]["lr"],
                                   read_a, read_b, a["regret"], a["cost"], b["probe_steps"] / total))
    for data, rows in out.items():
        print(f"{data}: exam | workload | LR / best: product, {label} | read off: product, {label} | product scored | cost")
        for exam, name, ra, rb, xa, xb, scored, ca, cb in rows:
            print(f"  {exam} {name:<36} {ra:5.2f} {rb:5.2f}   {xa:+8.1%} {xb:+8.1%}   {scored:+8.1%}   {ca:.2f} -> {cb:.2f}")
        xa, xb = [x[4] for x in rows], [x[5] for x in rows]
        print(f"  {len(rows)} rows: median {statistics.median(xa):+.1%} -> {statistics.median(xb):+.1%}; within 3% "
              f"{sum(v <= 0.03 for v in xa)} -> {sum(v <= 0.03 for v in xb)}; over 8% {sum(v > 0.08 for v in xa)} -> "
              f"{sum(v > 0.08 for v in xb)}; read as diverged {sum(math.isinf(v) for v in xa)} -> {sum(math.isinf(v) for v in xb)}; "
              f"better by over a point {sum(b < a - 0.01 for a, b in zip(xa, xb))}, worse {sum(b > a + 0.01 for a, b in zip(xa, xb))}; "
              f"LR / best median {statistics.median(x[2] for x in rows):.2f} -> {statistics.median(x[3] for x in rows):.2f}; "
              f"cost median {statistics.median(x[7] for x in rows):.2f} -> {statistics.median(x[8] for x in rows):.2f} runs\n")


if __name__ == "__main__":
    main(*sys.argv[1:2])
