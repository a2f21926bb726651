"""Round 59 (descriptive, spent exams read again after their first scorings, deciding nothing): does the long pick's
distance to the LR range test's divergence LR (recorded in each recipe, ``evidence.lr_range_test.divergence_lr``)
tell the catastrophic long rows apart? For every pooled long row of exams 39-84 with a recorded recipe: the pick over
the range test's divergence LR, and the row's first-scoring regret; RAdam rows apart (with set R's regret where R was
scored). Prints the rows sorted by regret and a count per band of the ratio.

    python benchmarks/results/experiments/round59/div_ratio.py > benchmarks/results/experiments/round59/div_ratio.txt
    python benchmarks/results/experiments/round59/div_ratio.py 85 94 > benchmarks/results/experiments/round59/div_ratio_85_94.txt
"""
import json
import math
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import recorded  # noqa: E402

BANDS = (0.0, 0.05, 0.1, 0.2, math.inf)


def rows(first: int, last: int):
    """(exam, plan, RAdam or not, pick / divergence LR, regret, set R's regret or None) per long row with eval_data."""
    for exam, score, r, f in recorded(exams=set(range(first, last + 1))):
        if not r["long"] or r["data"] != "eval":
            continue
        rect = score.with_name(score.name[: -len(".json")] + ".rectify.json")
        rr = ({(x["workload"], x["data"]): x["pick"].get("regret") for x in json.loads(rect.read_text())["rows"]}
              if rect.exists() else {})
        rec = json.loads(f.read_text())
        div = ((rec.get("evidence") or {}).get("lr_range_test") or {}).get("divergence_lr")
        pick = (rec.get("recommendation") or {}).get("peak_lr")
        reg = r["pick"].get("regret")
        reg = math.inf if reg is None or r["pick"].get("diverged") else reg
        if div and pick:
            yield (int(exam.split()[-1]), r["workload"], r["optimizer"].startswith("radam"), pick / div, reg,
                   rr.get((r["workload"], r["data"])))


def main(first: int = 39, last: int = 84) -> None:
    found = sorted(rows(first, last), key=lambda x: x[4])
    for radam in (True, False):
        part = [x for x in found if x[2] == radam]
        print(f"## {'RAdam' if radam else 'other optimizers'}: {len(part)} long rows with eval_data (exams {first}-{last})")
        if radam:
            for exam, name, _, ratio, reg, r in part:
                print(f"  exam {exam} {name:<30} pick/divergence {ratio:.3f}  regret {reg:+.1%}" + (f"  R {r:+.1%}" if r is not None else ""))
        for lo, hi in zip(BANDS, BANDS[1:]):
            band = [x[4] for x in part if lo <= x[3] < hi]
            if band:
                print(f"  pick/divergence in [{lo}, {hi}): {len(band)} rows, over +100% {sum(v > 1 for v in band)}, over 8% "
                      f"{sum(v > 0.08 for v in band)}")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
