"""Round 95's motive on spent exams (descriptive, deciding nothing): round 94's 15 Adagrad long plans whose product
pick had no warmup (exams 133-152), re-probed with the product as it stands (set H) and with the candidate (set W,
`product.patch`: under Adagrad, when the re-rank's 20%-warmup arm measured its best at its own largest LR, the
extension goes one rung up that arm), against set A's first scoring as scored, all read off the full-length grids
(round 23's interpolation in log LR at the pick's warmup, seeds 0 and 1). Read-offs run about two points high and
mislead across cliffs; the full runs decide. The re-probes: `reprobe.sh` (one thread), ``picks.{h,w}.examN.jsonl``
their copies.

    python benchmarks/results/experiments/round95/readoff.py > benchmarks/results/experiments/round95/readoff.txt
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
SETS = ("h", "w")
EXAMS = (133, 134, 136, 137, 139, 140, 149, 150, 151, 152)


def main(folder: Path = HERE.parent, tags: tuple[str, ...] = SETS, exams: tuple[int, ...] = EXAMS) -> None:
    """Read set A's first scoring and the re-probed sets ``tags`` (``picks.{tag}.examN.jsonl`` in ``folder``, the
    first the product as it stands) off the grids of ``exams``; round 96 reuses it."""
    letters = ["A"] + [t.upper() for t in tags]
    rows = []
    for exam in exams:
        sets = [{(p["name"], p["data"]): p for p in map(json.loads, open(folder / f"picks.{s}.exam{exam}.jsonl"))}
                for s in tags]
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
            rows.append((exam, r["workload"], r["data"], ratios, warm, reads, a["regret"], r["long"]))
    for long, data in [(long, data) for long in sorted({x[7] for x in rows}, reverse=True) for data in ("eval", "no-eval")]:
        group = [x for x in rows if x[2] == data and x[7] == long]
        names = ", ".join(letters)
        print(f"{'long' if long else 'short'} plans, {data}: exam | workload | LR / best (warmup steps): {names} | read off: "
              f"{names} | A scored")
        for exam, name, _, ratios, warm, reads, scored, _ in group:
            print(f"  {exam} {name:<38} " + " ".join(f"{v:5.2f} ({w:3d})" for v, w in zip(ratios, warm)) + "  "
                  + " ".join(f"{v:+8.1%}" for v in reads) + f"   {scored:+8.1%}")
        base = [x[5][1] for x in group]
        for i, s in enumerate(letters):
            v = [x[5][i] for x in group]
            print(f"  {s:<2} {len(v)} rows: median {statistics.median(v):+.1%}, within 3% {sum(x <= 0.03 for x in v)}, "
                  f"over 8% {sum(x > 0.08 for x in v)}, read as diverged {sum(math.isinf(x) for x in v)}; against H better "
                  f"by over a point on {sum(b < a - 0.01 for a, b in zip(base, v))}, worse on "
                  f"{sum(b > a + 0.01 for a, b in zip(base, v))}; LR / best median {statistics.median(x[3][i] for x in group):.2f}")
        print()


if __name__ == "__main__":
    main()
