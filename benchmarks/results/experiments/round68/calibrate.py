"""Round 68's addendum (descriptive, spent exams, deciding nothing): how far the grid read-off (``readoff.py``) sits
from full runs. For every short row of exams 71-108 the read-off at 2^(1/2) x the choice behind a 20% warmup (what
set A shipped) is set beside set A's scored regret (seeds 0 and 1 at that exact LR); on exams 91-94 the read-off at
the choice behind its own probe warmup is set beside round 62's set N (scored, the same LR and warmup).

    python benchmarks/results/experiments/round68/calibrate.py > benchmarks/results/experiments/round68/calibrate.txt
"""
import importlib.util
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402

_spec = importlib.util.spec_from_file_location("round56_decide", Path(__file__).resolve().parent.parent / "round56" / "decide.py")
_r56 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r56)


def summary(label: str, v: list[float]) -> str:
    return (f"{label}: median {statistics.median(v):+.1%}, within 3% {sum(a <= 0.03 for a in v)}, over 8% "
            f"{sum(a > 0.08 for a in v)}")


def main() -> None:
    n_scored = {}
    for e in (91, 92, 93, 94):
        n_scored.update({(e, *k): v for k, v in _r56.regrets(e, ".nolift", long=False).items()})
    for data in ("eval", "no-eval"):
        read, scored, big, n_read, n_real = [], [], [], [], []
        for exam, r, rec, total, _, grid, best in picked(exams=set(range(71, 109))):
            if r["long"] or r["data"] != data or r["pick"].get("regret") is None:
                continue
            m = rec["recommendation"]["measured"]
            x = loss_at(grid, r["pick"]["lr"], 0.2)
            if x is None:
                continue
            read.append(x / best - 1 if math.isfinite(x) else math.inf)
            scored.append(r["pick"]["regret"])
            if read[-1] > scored[-1] + 0.5:
                big.append(f"{exam} {r['workload']} read {read[-1]:+.0%} scored {scored[-1]:+.1%}")
            e = int(str(exam).split()[-1])
            if (e, r["workload"], data) in n_scored:
                own = min((0.0, 0.05, 0.2), key=lambda w: abs(w - (m.get("warmup_steps") or 0) / total))
                n_read.append(loss_at(grid, m["peak_lr"], own) / best - 1)
                n_real.append(n_scored[(e, r["workload"], data)])
        print(f"{data}, exams 71-108, {len(read)} short rows, the lifted pick (set A):")
        print("  " + summary("read off the grid", read))
        print("  " + summary("scored (full runs)", scored))
        print(f"  read-off above the scored regret on {sum(a > b for a, b in zip(read, scored))} rows, below on "
              f"{sum(a < b for a, b in zip(read, scored))}; over 50 points above on {len(big)}: " + "; ".join(big))
        print(f"{data}, exams 91-94, {len(n_read)} rows, round 62's set N (the choice at its own warmup):")
        print("  " + summary("read off the grid", n_read))
        print("  " + summary("scored (full runs)", n_real))


if __name__ == "__main__":
    main()
