"""Round 31 (descriptive, round 30's recipes only; nothing re-run or re-scored): what kind of failure set the safety
margin on the rows round 30 re-probed, beside where round 30's own-warmup margin moved the pick and what that cost.

For each of today's recipes whose first line says the measured best "sits closer than 2x to a failed probe": the
measured best (LR, warmup), the failure the margin was measured from (``recommend.nearest_unstable`` on the
recorded probes: its kind and the step it failed at), today's choice, the own-warmup margin's choice, and both
regrets from round 30's scores. Run from the repository root:
    python benchmarks/results/experiments/round31/margin_failures.py > benchmarks/results/experiments/round31/margin_failures.txt
"""
import json
import math
import re
import sys
from pathlib import Path

R30 = Path("benchmarks/results/experiments/round30")
sys.path.insert(0, str(R30.parent / "round25"))
from ladder_stop import summary  # noqa: E402  (a recorded probe as a ProbeSummary)

from warmfind.analysis.recommend import nearest_unstable  # noqa: E402
from warmfind.analysis.runs import failure  # noqa: E402


def regrets(exam: str, label: str) -> dict[tuple[str, str], float]:
    rows = json.loads((R30 / f"score.{exam}.{label}.json").read_text())["rows"]
    return {(r["workload"], r["data"]): r["pick"]["regret"] for r in rows if "regret" in (r.get("pick") or {})}


def main() -> None:
    print(f"{'exam':<7}{'workload':<24}{'data':<8}{'measured best':<22}{'failure that set the margin':<36}"
          f"{'today':>16}{'own warmup':>18}")
    for today in sorted(R30.glob("picks.exam*.today.jsonl"), key=lambda p: int(p.name.split(".")[1][4:])):
        exam = today.name.split(".")[1]
        base, own = regrets(exam, "today"), regrets(exam, "own")
        own_lines = (R30 / f"picks.{exam}.own.jsonl").read_text().splitlines()
        own_picks = {(j["name"], j["data"]): j for j in map(json.loads, own_lines)}
        for pick in map(json.loads, today.read_text().splitlines()):
            recipe = json.loads((R30 / f"picks.{exam}.today.recipes" / Path(pick["recipe"]).name).read_text())
            first = recipe["recommendation"]["explanation"][0]
            m = re.search(r"the measured best, [^(]*\((\w+) (\d+) steps, ([^,]+), ([^)]*)\)", first)
            if "sits closer than" not in first or m is None:
                continue
            lr, cold = float(m.group(3)), m.group(4) == "no warmup"
            probes = [summary(p) for p in recipe["evidence"]["probes"]]
            best = next(p for p in probes if p.label == m.group(1) and p.horizon == int(m.group(2))  # LR: 2 digits
                        and (p.warmup_steps == 0) == cold and math.isclose(p.peak_lr, lr, rel_tol=0.05))
            near = nearest_unstable(best, probes)  # the failure keep_margin measured the margin from
            if near is None:
                what = "none at this warmup"
            else:
                step = near.diverged_step or (near.spike.step if near.spike else None)
                when = f"step {step}/{near.horizon}" if step else f"end of {near.horizon}"
                what = f"{near.peak_lr:.3g} {failure(near, probes)}, {when}"
            key = (pick["name"], pick["data"])
            o = own_picks[key]
            print(f"{exam:<7}{pick['name']:<24}{pick['data']:<8}{lr:.3g}, "
                  f"{'no warmup' if cold else 'warmup':<14}{what:<36}"
                  f"{pick['peak_lr']:>8.3g}/{pick['warmup_steps']:<4}{base.get(key, float('nan')):+7.1%}"
                  f"{o['peak_lr']:>8.3g}/{o['warmup_steps']:<4}{own.get(key, float('nan')):+7.1%}")


if __name__ == "__main__":
    main()
