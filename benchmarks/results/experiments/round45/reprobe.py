"""Round 45, second reading of spent exams: the blow-up baseline fix (`bd7ddc5`) against the commit before it
(`2d8081e`), probed on the same workloads, both data regimes, one CPU thread each.

The set, fixed before any re-probe ran (`select`): every workload of a pooled first scoring (exams 4-54) whose
recorded range test's start level rose at least 10% above its first loss (sweep_start / first loss > 1.1, where the new
line moves most: `baseline.txt` (2)), or whose range-test cut moved (`baseline.txt` (1)). Elsewhere the line moves by
under 10% or not at all. A re-probe reads an exam again: these are second readings, labelled as such, never first
scorings.

    python benchmarks/results/experiments/round45/reprobe.py select > benchmarks/results/experiments/round45/set.json
    python benchmarks/results/experiments/round45/reprobe.py probe WORKTREE OUT_DIR [SET]   # once per commit, in parallel

SET (default: this round's `set.json`) lets a later round re-probe its own set the same way (round 46).
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))


def select() -> dict[str, list[str]]:
    from exam_pool import first_scoring_recipes
    from warmfind import defaults
    from warmfind.analysis.lr_range import divergence_index, sweep_start
    from warmfind.analysis.smoothing import ema

    chosen: dict[str, list[str]] = {}
    for exam_dir, pick, recipe in first_scoring_recipes():
        if int(exam_dir.name[4:] or 1) > 54:  # the pool as it stood at this round
            continue
        curve = ((recipe.get("evidence") or {}).get("lr_range_test") or {}).get("curve") or {}
        losses = curve.get("loss") or []
        if len(losses) < 2 or not losses[0] > 0:
            continue
        smoothed = ema(losses, defaults.SMOOTHING_BETA)
        moved = divergence_index(smoothed) != divergence_index(smoothed, settle=defaults.RANGE_SKIP_START)
        if (sweep_start(losses) / losses[0] > 1.1 or moved) and pick["name"] not in chosen.get(exam_dir.name, []):
            chosen.setdefault(exam_dir.name, []).append(pick["name"])
    return chosen


def probe(worktree: Path, out: Path, chosen_file: Path) -> None:
    chosen = json.loads(chosen_file.read_text())
    out.mkdir(parents=True, exist_ok=True)
    for exam, names in chosen.items():
        registry = "exam_workloads" if exam == "exam" else f"{exam}_workloads"
        subprocess.run([sys.executable, "benchmarks/exam.py", "--registry", registry, "--results",
                        f"benchmarks/results/{exam}", "--make-picks", str(out / f"{exam}.jsonl"), "--only", *names],
                       cwd=worktree, check=False)


if __name__ == "__main__":
    if sys.argv[1] == "select":
        print(json.dumps(select(), indent=1))
    else:
        default = ROOT / "benchmarks/results/experiments/round45/set.json"
        probe(Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve(), Path(sys.argv[4]).resolve() if len(sys.argv) > 4 else default)
