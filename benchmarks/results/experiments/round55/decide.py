"""Round 55's pre-registered rule (`../../exam73_preregistration.md`, exams 73-74): set A (the lift at 2^(1/2) x the
re-rank's choice) against set W (2^(3/4) x, the same 20% warmup; `round53/lift_more.py A W 2**0.75`) on the pair's
short rows, each set scored once. W adopted only if, in both regimes, its median regret is lower, it is within 3% on
at least as many rows, over 8% on no more, and its mean regret is lower. Counted, deciding nothing: the rows where W's
peak is at or above an LR the recipe's constant-LR check failed at.

    python benchmarks/results/experiments/round55/decide.py 73 74 > benchmarks/results/experiments/round55/decide.txt
"""
import glob
import json
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks/results/experiments/round52")
from revert import rule  # noqa: E402


def on_failed_check(exam: int, tag: str = ".liftw") -> list[str]:
    """W's short picks at or above an LR the constant-LR check failed at, from each pick's recipe (committed beside the
    picks under the folder name it was written to)."""
    (path,) = glob.glob(f"benchmarks/results/exam{exam}/picks.*{tag}.jsonl")
    hits = []
    for line in open(path):
        p = json.loads(line)
        if not p.get("peak_lr") or not p.get("recipe") or "@long" in p["name"]:
            continue
        recipe = Path(f"benchmarks/results/exam{exam}") / Path(p["recipe"]).parent.name / Path(p["recipe"]).name
        rec = json.load(open(recipe))
        choice = ((rec["recommendation"] or {}).get("measured") or rec["recommendation"])["peak_lr"]
        # the check steps down only after a failure, so its probes above the choice are the LRs it failed at (round 54)
        failed = [q["peak_lr"] for q in rec["evidence"]["probes"] if q["stage"] == "check" and q["peak_lr"] > choice * 1.001]
        if failed and p["peak_lr"] >= min(failed) * 0.999:
            hits.append(f"exam {exam} {p['name']} ({p['data']}): {tag[1:]} {p['peak_lr']:.3g}, check failed at {min(failed):.3g}")
    return hits


if __name__ == "__main__":
    exams = [int(a) for a in sys.argv[1:]]
    adopted = rule(exams, ".liftw", "x1.41", "x1.68", letter="W", mean=True)
    hits = [h for e in exams for h in on_failed_check(e)]
    print(f"W's short picks at or above a failed constant-LR check: {len(hits)}")
    for h in hits:
        print("  " + h)
    print(f"Decision: LIFT_FACTOR {'becomes 2^(3/4)' if adopted else 'stays 2^(1/2)'}")
