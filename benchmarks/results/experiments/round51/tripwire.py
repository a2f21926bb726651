"""Round 51, part 1 (pure, recorded data only): on which recorded exam recipes would ``recommend.first_steps_only``
fire? Rebuilds each recipe's no-warmup screen rungs and range test from its JSON evidence and calls the product's own
function. Run from the repository root (venv active):
    python benchmarks/results/experiments/round51/tripwire.py > benchmarks/results/experiments/round51/tripwire.txt
"""
import glob
import json
import math
from types import SimpleNamespace

from warmfind.analysis.first_steps import first_steps_only


def rung(p: dict) -> SimpleNamespace:
    """The fields ``first_steps_only`` reads, from a recorded probe (``stable`` as ``ProbeSummary.stable``: a recorded
    probe's ``failed`` is set exactly when it was not stable)."""
    return SimpleNamespace(peak_lr=p["peak_lr"], warmup_steps=p["warmup_steps"], diverged_step=p.get("diverged_step"),
                           stable=not p.get("failed"))


def main() -> None:
    seen, fired, gaps = 0, [], []
    for f in sorted(glob.glob("benchmarks/results/exam*/picks.*.recipes/*.json")):
        try:
            d = json.load(open(f))
        except (OSError, ValueError):
            continue
        ev = d.get("evidence") or {}
        rt = ev.get("lr_range_test") or {}
        screen = [rung(p) for p in ev.get("probes", []) if p["stage"] == "screen"]
        if not screen or not rt.get("divergence_lr"):
            continue
        seen += 1
        ceiling = rt["divergence_lr"]
        why = first_steps_only(screen, SimpleNamespace(divergence_lr=ceiling))
        stable = [s.peak_lr for s in screen if s.warmup_steps == 0 and s.stable]
        if stable:
            gaps.append((ceiling / max(stable), f))
        if why is not None:
            fired.append((f, why.reason()))
    print(f"{seen} recorded recipes with a screen and a range-test divergence; the rule fires on {len(fired)}:")
    for f, why in fired:
        print(f"  {f}: {why}")
    print("largest gaps (the range test's divergence / the highest stable no-warmup rung):")
    for gap, f in sorted(gaps, reverse=True)[:6]:
        print(f"  {gap:>10,.0f}x  {f}")
    assert all(math.isfinite(g) for g, _ in gaps)


if __name__ == "__main__":
    main()
