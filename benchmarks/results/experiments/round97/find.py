"""Round 97's rows: the plans of exams 113-158 (set A's first scorings, eval_data recipes) whose re-rank measured a
no-warmup best with a larger-LR warmed candidate 1-5% behind it at the re-rank's horizon: the rows a 5% WARMUP_TIE
could move (WARMUP_TIE is 1%). Prints them with A's regret and LR / best.

    python benchmarks/results/experiments/round97/find.py > benchmarks/results/experiments/round97/find.txt
"""
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round94"))
from arm import recipe  # noqa: E402  (set A's committed eval_data recipe; it puts benchmarks/ on the path)
import exam_pool  # noqa: E402


def rerank(exam: str, workload: str) -> list[dict]:
    """The stable re-rank probes at the re-rank's own horizon (the Adam-family look runs longer) with eval_data."""
    probes = [p for p in recipe(int(exam.split()[1]), workload)["evidence"]["probes"]
              if p["stage"] == "rerank" and p.get("eval_loss") is not None]
    horizon = min((p["horizon"] for p in probes), default=0)
    return [p for p in probes if p["horizon"] == horizon and not p.get("failed")]


if __name__ == "__main__":
    hits, read = [], 0
    for r in exam_pool.rows():
        if int(r["exam"].split()[1]) < 113 or r["data"] != "eval":
            continue
        probes = rerank(r["exam"], r["workload"])
        if not probes:
            continue
        read += 1
        best = min(probes, key=lambda p: p["eval_loss"])
        tied = [p for p in probes if p["warmup_steps"] and p["peak_lr"] > best["peak_lr"] * 1.0001
                and best["eval_loss"] * 1.01 < p["eval_loss"] <= best["eval_loss"] * 1.05]
        if not best["warmup_steps"] and tied:
            top = max(tied, key=lambda p: p["peak_lr"])
            hits.append((r["long"], r["pick"]["regret"], r["exam"], r["workload"], r["pick"]["lr_ratio"],
                         top["eval_loss"] / best["eval_loss"] - 1))
    print(f"{len(hits)} of {read} plans (exams 113-158, eval_data recipes)")
    for long in (False, True):
        group = sorted(h for h in hits if h[0] == long)
        print(f"{'long' if long else 'short'}: {len(group)} rows, A median {statistics.median(h[1] for h in group):+.1%} "
              f"at LR / best {statistics.median(h[4] for h in group):.2f}")
        for _, regret, exam, workload, ratio, gap in group:
            print(f"  {exam:9s} {workload:40s} {regret:+7.1%} {ratio:5.2f}x  warmed candidate {gap:+.1%} behind")
