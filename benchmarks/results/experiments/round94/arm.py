"""Round 94, second reading (descriptive): for each Adagrad long pick without warmup (exams 113-152, eval_data), the
re-rank's warmed-up arm from the committed recipe: its best LR, whether that is the arm's largest LR (so an extension
up the warmed arm was never tried), and how far its loss sat behind the no-warmup best.

    python benchmarks/results/experiments/round94/arm.py 113 152 > benchmarks/results/experiments/round94/arm.txt
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from warmup import rows  # noqa: E402  (it puts benchmarks/ on the path)
import exam_pool  # noqa: E402
from exam import recipe_file  # noqa: E402

SCORES = {exam: exam_pool.ROOT / rel for exam, rel, _ in exam_pool.FIRST_SCORINGS}


def recipe(exam: int, workload: str) -> dict:
    """The recipe set A's first scoring of ``exam`` committed for ``workload`` with eval_data."""
    score = SCORES[f"exam {exam}"]
    recipes = score.with_name(score.name.replace("score.", "picks.", 1)).with_suffix(".recipes")
    return json.loads(recipe_file(recipes, workload, "eval").read_text())


if __name__ == "__main__":
    lo, hi = int(sys.argv[1]), int(sys.argv[2])
    print(f"Adagrad long picks without warmup, exams {lo}-{hi} (eval_data): the re-rank's arms from the recipes")
    top = 0
    cold = rows(lo, hi)[False]
    for regret, ratio, _, exam, workload in sorted(cold):
        probes = recipe(exam, workload)["evidence"]["probes"]
        horizon = max(p["horizon"] for p in probes)
        rerank = [p for p in probes if p["horizon"] == horizon]
        cold_arm = [p for p in rerank if p["warmup_steps"] == 0]
        warm_arm = [p for p in rerank if p["warmup_steps"] > 0 and p["eval_loss"] is not None]
        best = min(cold_arm, key=lambda p: p["eval_loss"])
        warm = min(warm_arm, key=lambda p: p["eval_loss"]) if warm_arm else None
        at_top = warm is not None and warm["peak_lr"] >= max(p["peak_lr"] for p in warm_arm) * (1 - 1e-9)
        top += at_top
        gap = f"{warm['eval_loss'] / best['eval_loss'] - 1:+.1%}" if warm else "none"
        warm_lr = f"{warm['peak_lr']:.3g}" if warm else "-"
        print(f"  exam {exam:3d} {workload:40s} {regret:+7.1%} {ratio:.2f}x  cold best {best['peak_lr']:.3g}; "
              f"warm best {warm_lr} ({gap}){'  at the arm top' if at_top else ''}")
    print(f"the warmed arm's best is its largest LR on {top} of {len(cold)} rows")
