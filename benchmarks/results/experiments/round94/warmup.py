"""Round 94 (descriptive, spent exams, deciding nothing): the Adagrad long picks split by whether they warm up.

Every first scoring of an Adagrad long plan (eval_data rows; the no-eval rows pick the same on all but a few), from
`exam_pool.py`'s sources in the given range: the pick's regret and LR / best, and whether the grid's best cell warms up.

    python benchmarks/results/experiments/round94/warmup.py 113 152 > benchmarks/results/experiments/round94/warmup.txt
"""
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
import exam_pool  # noqa: E402


def rows(lo: int, hi: int) -> dict[bool, list[tuple[float, float, float, int, str]]]:
    by_warmup: dict[bool, list[tuple[float, float, float, int, str]]] = {False: [], True: []}
    for r in exam_pool.rows():
        exam = int(r["exam"].split()[1])
        if lo <= exam <= hi and r["long"] and "adagrad" in r["optimizer"] and r["data"] == "eval":
            pick = r["pick"]
            by_warmup[pick["warmup_steps"] > 0].append(
                (pick["regret"], pick["lr_ratio"], r["best"]["warmup_fraction"], exam, r["workload"]))
    return by_warmup


if __name__ == "__main__":
    lo, hi = int(sys.argv[1]), int(sys.argv[2])
    print(f"Adagrad long plans of exams {lo}-{hi}, eval_data, set A's first scorings")
    for warm, found in sorted(rows(lo, hi).items()):
        print(f"pick {'with' if warm else 'without'} warmup: {len(found)} rows, median regret "
              f"{statistics.median(x[0] for x in found):+.1%}, LR / best {statistics.median(x[1] for x in found):.2f}, "
              f"over 8% {sum(x[0] > 0.08 for x in found)}; the grid's best cell warms up on {sum(x[2] > 0 for x in found)}")
        for regret, ratio, best_warmup, exam, workload in sorted(found):
            print(f"  exam {exam:3d} {workload:42s} {regret:+8.1%}  {ratio:.2f}x  best warmup {best_warmup:.0%}")
