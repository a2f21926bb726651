"""Round 53's pre-registered rule (`../../exam69_preregistration.md`): on exams 69-70's short rows, set A (the lift at
2^(1/4) x the re-rank's choice) against set X (2^(1/2) x, the same 20% warmup), both scored once. X is adopted only
if, in both regimes, its median regret is lower, it is within 3% on at least as many rows, and over 8% on no more.

    python benchmarks/results/experiments/round53/decide.py 69 70 > benchmarks/results/experiments/round53/decide.txt
"""
import sys

sys.path.insert(0, "benchmarks/results/experiments/round52")
from revert import rule  # noqa: E402

if __name__ == "__main__":
    adopted = rule([int(a) for a in sys.argv[1:]], ".liftmore", "x1.19", "x1.41")
    print(f"Decision: LIFT_FACTOR {'becomes 2^(1/2)' if adopted else 'stays 2^(1/4)'}")
