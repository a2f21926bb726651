"""Round 76 (descriptive, spent exams, deciding nothing): set W re-probed on the spent short plans where it fires.

Set W (`product.patch`) adds `4b` behind the 20% warmup to the re-rank where the no-warmup screen rung at `4b` trained.
The short plans of exams 105-120 where the recorded recipes show that (21 / 20 of 64 per regime) were re-probed with
the patch (`spent/examN.wider.jsonl`, from a worktree at `2c560c4` with the patch applied: `exam.py --registry
examN_workloads --only ... --make-picks`). Every other probe is the product's, seeded alike, so a W pick equal to the
recorded one means the new pair did not win. Where it differs, both picks are read off the exam's full-length grid
(round 23's interpolation; a proxy near cliffs, round 75), beside the recorded pick's scored regret. Run from the
repository root:
    python benchmarks/results/experiments/round76/spent_readoff.py > benchmarks/results/experiments/round76/spent_readoff.txt
"""
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402
from exam_pool import exam_number  # noqa: E402

HERE = Path(__file__).resolve().parent / "spent"


def main() -> None:
    wider = {}
    for f in sorted(HERE.glob("exam*.wider.jsonl")):
        exam = int(f.name[4:f.name.index(".")])
        for line in f.read_text().splitlines():
            p = json.loads(line)
            wider[(exam, p["name"], p["data"])] = p
    fired = {"eval": 0, "no-eval": 0}
    moved: dict[str, list[tuple]] = {"eval": [], "no-eval": []}
    for exam, r, rec, total, wf, grid, best in picked():
        w = wider.get((exam_number(exam), r["workload"], r["data"]))
        if w is None or r["long"]:
            continue
        fired[r["data"]] += 1
        pick = r["pick"]
        if abs(w["peak_lr"] / pick["lr"] - 1) < 1e-6 and w["warmup_steps"] == pick["warmup_steps"]:
            continue
        a, b = loss_at(grid, pick["lr"], wf), loss_at(grid, w["peak_lr"], w["warmup_steps"] / total)
        moved[r["data"]].append((exam, r["workload"], pick["regret"], None if a is None else a / best - 1,
                                 None if b is None else b / best - 1, w["peak_lr"] / pick["lr"], pick["lr_ratio"]))
    print("regret: the recorded pick as scored / the recorded pick read off the grid / W's pick read off the grid")
    for data, rows in moved.items():
        print(f"\n{data}: W fired on {fired[data]} recorded short plans and moved {len(rows)} picks")
        for exam, name, scored, a, b, ratio, lr_ratio in rows:
            fa = "   n/a" if a is None else f"{a:+7.1%}"
            fb = "   n/a" if b is None else f"{b:+7.1%}"
            print(f"  {exam:<9} {name:<32} scored {scored:+7.1%}  read {fa}  W read {fb}  W / pick {ratio:5.2f}x  "
                  f"(pick / best LR {lr_ratio:.2f})")
        both = [(a, b) for *_, a, b, _, _ in rows if a is not None and b is not None]
        if both:
            print(f"  read off, {len(both)} rows: pick median {statistics.median(a for a, _ in both):+.1%}, W "
                  f"{statistics.median(b for _, b in both):+.1%}; W better by over a point on "
                  f"{sum(b < a - 0.01 for a, b in both)}, worse on {sum(b > a + 0.01 for a, b in both)}; over 8% "
                  f"{sum(a > 0.08 for a, _ in both)} -> {sum(b > 0.08 for _, b in both)}")


if __name__ == "__main__":
    main()
