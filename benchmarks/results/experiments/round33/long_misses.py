"""Round 33 (descriptive, recorded first scorings only): where do the long plans' costly picks lose, and which way?

For every long row of the pooled first scorings (``benchmarks/exam_pool.py``'s ``rows()``, exams 7-28) whose
pick cost more than 8%, split its regret into the horizon part (the plain T/5 argmin's full-run regret) and the search
part (the pick against that argmin), and say whether the pick sat above or below the best LR. Nothing is re-run.

    python benchmarks/results/experiments/round33/long_misses.py --exams $(seq 7 28) > benchmarks/results/experiments/round33/long_misses.txt
(written when the pool held exams 4-28; ``--exams`` keeps it reproducible as later exams join the pool)
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))
import exam_pool  # noqa: E402

OVER = 0.08


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--exams", type=int, nargs="*", help="only these exams (default: every pooled first scoring)")
    exams = set(ap.parse_args().exams or ())
    rows = [r for r in exam_pool.rows() if r["long"] and "search_regret" in r["pick"]
            and (not exams or int(r["exam"].split()[-1]) in exams)]
    misses = [r for r in rows if r["pick"]["regret"] > OVER]
    print(f"long rows with a scored pick: {len(rows)}; over {OVER:.0%}: {len(misses)}\n")
    print("| exam | workload | data | regret | LR / best | warmup steps | plain T/5 regret | search regret | side |")
    print("|---|---|---|---|---|---|---|---|---|")
    sides = {"high": 0, "low": 0}
    search_led = plain_over = 0
    for r in sorted(misses, key=lambda x: -x["pick"]["regret"]):
        p = r["pick"]
        side = "high" if p["lr_ratio"] > 1 else "low"
        sides[side] += 1
        search_led += p["search_regret"] > r["plain"]["regret"]
        plain_over += r["plain"]["regret"] > OVER
        print(f"| {r['exam']} | {r['workload']} | {r['data']} | {p['regret']:+.1%} | {p['lr_ratio']:.2f} | {p['warmup_steps']} "
              f"| {r['plain']['regret']:+.1%} | {p['search_regret']:+.1%} | {side} |")
    print(f"\nhigh / low: {sides['high']} / {sides['low']}; search part larger than the horizon part on {search_led} of {len(misses)}; "
          f"the plain T/5 argmin itself over {OVER:.0%} on {plain_over}")
    ratios = [r["pick"]["lr_ratio"] for r in rows]
    print(f"all long rows: median LR / best {statistics.median(ratios):.2f}; "
          f"below 0.7x: {sum(x < 0.7 for x in ratios)}, above 1.4x: {sum(x > 1.4 for x in ratios)}")


if __name__ == "__main__":
    main()
