"""Round 96 (descriptive, deciding nothing): the 18 Adagrad long plans of spent exams 113-158 whose product pick had no
warmup, re-probed with the product as it stands (set H) and with WARMUP_TIE widened from 1% to 3% (T3) and 5% (T5)
(`reprobe.sh`: a no-warmup choice that is the measured best moves to the largest-LR re-rank candidate with warmup
within that band), against set A's first scoring, all read off the full-length grids (round 23's interpolation in log
LR at the pick's warmup, seeds 0 and 1; about two points high, misleading across cliffs). ``picks.{h,t3,t5}.examN.jsonl``
are the re-probes' copies.

    python benchmarks/results/experiments/round96/readoff.py > benchmarks/results/experiments/round96/readoff.txt
"""
import importlib.util
import json
import math
import statistics
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("round91_readoff", HERE.parents[1] / "round91" / "readoff.py")
_r91 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r91)
RES, grid_means, read, score_rows = _r91.RES, _r91.grid_means, _r91.read, _r91.score_rows
SETS = ("h", "t3", "t5")
EXAMS = (133, 134, 136, 137, 139, 140, 149, 150, 151, 152, 153, 154, 157)


def main() -> None:
    rows = []
    for exam in EXAMS:
        sets = [{(p["name"], p["data"]): p for p in map(json.loads, open(HERE.parent / f"picks.{s}.exam{exam}.jsonl"))}
                for s in SETS]
        for r in score_rows(exam, ""):
            key = (r["workload"], r["data"])
            if key not in sets[0]:
                continue
            grid, best, total = grid_means(RES / f"exam{exam}", r["workload"]), r["best"]["loss"], r["total_steps"]
            a = r["pick"]
            reads = [read(grid, best, a["lr"], a["warmup_steps"], total)]
            reads += [read(grid, best, s[key]["peak_lr"], s[key]["warmup_steps"], total) for s in sets]
            if None in reads:
                print(f"  {exam} {key}: outside the grid, skipped")
                continue
            ratios = [(a["lr"] or 0) / r["best"]["lr"]] + [(s[key]["peak_lr"] or 0) / r["best"]["lr"] for s in sets]
            warm = [a["warmup_steps"]] + [s[key]["warmup_steps"] for s in sets]
            rows.append((exam, r["workload"], r["data"], ratios, warm, reads, a["regret"]))
    for data in ("eval", "no-eval"):
        group = [x for x in rows if x[2] == data]
        print(f"long plans, {data}: exam | workload | LR / best (warmup steps): A, H, T3, T5 | read off: A, H, T3, T5 | A scored")
        for exam, name, _, ratios, warm, reads, scored in group:
            print(f"  {exam} {name:<38} " + " ".join(f"{v:5.2f} ({w:3d})" for v, w in zip(ratios, warm)) + "  "
                  + " ".join(f"{v:+8.1%}" for v in reads) + f"   {scored:+8.1%}")
        base = [x[5][1] for x in group]
        for i, s in enumerate(("A", "H", "T3", "T5")):
            v = [x[5][i] for x in group]
            print(f"  {s:<2} {len(v)} rows: median {statistics.median(v):+.1%}, within 3% {sum(x <= 0.03 for x in v)}, "
                  f"over 8% {sum(x > 0.08 for x in v)}, read as diverged {sum(math.isinf(x) for x in v)}; against H better "
                  f"by over a point on {sum(b < a - 0.01 for a, b in zip(base, v))}, worse on "
                  f"{sum(b > a + 0.01 for a, b in zip(base, v))}; LR / best median {statistics.median(x[3][i] for x in group):.2f}")
        print()


if __name__ == "__main__":
    main()
