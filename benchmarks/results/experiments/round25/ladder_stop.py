"""Round 25 (recorded recipes only; no score, grid or evals file is read): how early could the screen ladder stop
without changing anything the search does after it?

The screen's products are the re-rank's finalists (``recommend.rerank_candidates``, from the best stable rung) and
the failures that the margin, the refinement and ``check`` read. Every re-rank probe is seeded on its own, so a
ladder that stops earlier, keeps the same best rung and drops only rungs that trained (no failure) leaves the pick,
the recipe's choice and its margins as they are; it only costs less.

For each recipe of the pooled first scorings (``exam_pool.FIRST_SCORINGS``, exams 4-21, both data regimes), the
recorded screen is rebuilt as ``ProbeSummary`` objects and replayed through ``ladder_done`` rung by rung:

- ``reproduced``: today's ``ladder_done`` stops exactly where the recorded ladder stopped (older picks were made by
  older ladders; those rows are listed but not counted for the decision);
- for each candidate rule (a rising arm of ``k`` rungs below a learned best, the last ``r`` x the best, with no
  requirement to cover the range test's steepest point), where it would stop, whether the finalists (and the
  yardstick behind them) are the same and whether every dropped rung trained (no failure), and the steps saved.

Run from the repository root:
    python benchmarks/results/experiments/round25/ladder_stop.py > benchmarks/results/experiments/round25/ladder_stop.txt
"""
from __future__ import annotations

import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
from exam_pool import FIRST_SCORINGS  # noqa: E402

from warmfind.analysis import recommend  # noqa: E402
from warmfind.analysis.lr_range import RangeTest  # noqa: E402
from warmfind.analysis.runs import ProbeSummary, failure  # noqa: E402
from warmfind.analysis.spikes import Spike  # noqa: E402

RES = Path("benchmarks/results")
RULES = [(k, r) for k in (2, 3, 4, 5) for r in (1.0, 1.05, 1.1, 1.25, 1.5)]


def recipes() -> list[tuple[str, Path]]:
    out = []
    for exam, rel, _capped in FIRST_SCORINGS:
        exam_dir, name = (RES / rel).parent, Path(rel).name
        tag = name[len("score."):-len(".json")]
        out += [(exam, f) for f in sorted((exam_dir / f"picks.{tag}.recipes").glob("*.json"))]
    return out


def summary(p: dict) -> ProbeSummary:
    spike = Spike(**p["spike"]) if p.get("spike") else None
    return ProbeSummary(
        label=p["stage"], peak_lr=p["peak_lr"], warmup_steps=p["warmup_steps"], horizon=p["horizon"], steps=p["steps"],
        score=math.inf if p["loss"] is None else p["loss"], eval_loss=p["eval_loss"], diverged_step=p["diverged_step"],
        spike=spike, grad_blowup_step=p["grad_blowup_step"], top_layers=(), seed=p.get("seed", 0),
        stopped="diverged" if p["diverged_step"] is not None else None)


def range_test(rt: dict) -> RangeTest:
    c = rt["curve"]
    return RangeTest(tuple(c["lr"]), tuple(c["loss"]), tuple(c["smoothed"]), rt["divergence_lr"], rt["blowup_lr"],
                     rt["steepest_lr"], rt["valley_lr"], rt["min_loss_lr"])


def finalists(screen: list[ProbeSummary], rt: RangeTest, untrained: float | None, warmup: float = 0.2):
    """``search._run_stages``'s choice of finalists and yardstick (``recommend.finalists``, before any second dip)."""
    f = recommend.finalists(screen, warmup, rt, untrained)
    return f.pairs, f.basis, f.yardstick


def rising(screen: list[ProbeSummary], rt: RangeTest, untrained: float | None, k: int, r: float) -> bool:
    """The candidate stop: a stable learned rung exists and the last ``k`` rungs trained, each worse than the rung
    above it, and the last is at least ``r`` x the best rung (``recommend.rising_arm`` with k rungs and ratio r)."""
    if not any(s.stable and recommend.learned(s, rt, untrained) for s in screen) or len(screen) <= k:
        return False
    tail, above = screen[-k:], screen[-k - 1]
    best = min(s.quality for s in screen)
    losses = [above.quality, *(s.quality for s in tail)]
    return (all(s.stable for s in tail) and best > 0 and all(b > a for a, b in zip(losses, losses[1:]))
            and losses[-1] >= r * best)


def main() -> None:
    rows, unreproduced = [], []
    for exam, f in recipes():
        rec = json.loads(f.read_text())
        ev = rec["evidence"]
        if not ev.get("lr_range_test") or not ev.get("probes"):
            continue
        rt = range_test(ev["lr_range_test"])
        untrained = (ev.get("ranked_by") or {}).get("untrained_loss")
        screen = [summary(p) for p in ev["probes"] if p["stage"] == "screen"]
        if not screen:
            continue
        total = rec["settings"]["total_steps"]
        stop = next((i + 1 for i in range(len(screen)) if recommend.ladder_done(screen[:i + 1], rt, untrained=untrained)),
                    None)
        name = f"{exam}: {f.name[:-5]}"
        if stop != len(screen):
            unreproduced.append(f"{name} (recorded {len(screen)} rungs, today's rule stops at {stop})")
            continue
        full = finalists(screen, rt, untrained)
        row = {"name": name, "long": total >= 3000, "total": total, "rungs": len(screen),
               "screen_steps": screen[0].horizon, "runs": rec["cost"]["full_run_equivalents"], "rules": {}}
        for k, r in RULES:
            at = next((i + 1 for i in range(len(screen))
                       if rising(screen[:i + 1], rt, untrained, k, r)), len(screen))
            at = min(at, len(screen))
            cut = screen[:at]
            dropped = screen[at:]
            same = finalists(cut, rt, untrained) == full and all(failure(d, screen) is None for d in dropped)
            row["rules"][(k, r)] = (same, sum(d.steps for d in dropped) / total)
        rows.append(row)

    print(f"recipes replayed: {len(rows) + len(unreproduced)}; today's ladder_done reproduces {len(rows)}; "
          f"not reproduced (made by an older ladder): {len(unreproduced)}")
    for kind in ("short", "long"):
        group = [r for r in rows if r["long"] == (kind == "long")]
        print(f"\n{kind} plans: {len(group)} reproduced recipes; probe cost median {statistics.median(r['runs'] for r in group):.2f}"
              f" runs; screen rungs median {statistics.median(r['rungs'] for r in group)}")
        print(f"{'rule (k rungs, last >= r x best)':<34}{'changed rows':>13}{'median saved':>14}{'mean saved':>12}"
              f"{'median cost after':>19}")
        for k, r in RULES:
            changed = [g["name"] for g in group if not g["rules"][(k, r)][0]]
            saved = [g["rules"][(k, r)][1] if g["rules"][(k, r)][0] else 0.0 for g in group]
            after = [g["runs"] - s for g, s in zip(group, saved)]
            print(f"k={k}, r={r:<4}{'':<22}{len(changed):>13}{statistics.median(saved):>14.2f}{statistics.mean(saved):>12.2f}"
                  f"{statistics.median(after):>19.2f}   {'; '.join(changed[:4])}{' ...' if len(changed) > 4 else ''}")
    print("\nnot reproduced:")
    for u in unreproduced:
        print("  " + u)


if __name__ == "__main__":
    main()
