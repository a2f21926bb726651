"""Round 53's pre-registered rules, on a pair's short rows (8 per regime), each set scored once.

- Adoption (`../../exam69_preregistration.md`, exams 69-70): set A (the lift at 2^(1/4) x the re-rank's choice)
  against set X (2^(1/2) x, the same 20% warmup); X adopted only if, in both regimes, its median regret is lower, it
  is within 3% on at least as many rows, and over 8% on no more.
- Revert (`--revert`, `../../exam71_preregistration.md`, exams 71-72): set A (now 2^(1/2)) against set V (back at
  2^(1/4), `lift_more.py A V 2**0.25`); 2^(1/2) reverts only if V wins the same three conditions in both regimes.

    python benchmarks/results/experiments/round53/decide.py 69 70 > benchmarks/results/experiments/round53/decide.txt
    python benchmarks/results/experiments/round53/decide.py --revert 71 72 > benchmarks/results/experiments/round53/revert7172.txt
"""
import sys

sys.path.insert(0, "benchmarks/results/experiments/round52")
from revert import rule  # noqa: E402

if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--revert":
        reverts = rule([int(a) for a in args[1:]], ".lift4", "x1.41", "x1.19", letter="V")
        print(f"Decision: LIFT_FACTOR {'reverts to 2^(1/4)' if reverts else 'stays 2^(1/2)'}")
    else:
        adopted = rule([int(a) for a in args], ".liftmore", "x1.19", "x1.41")
        print(f"Decision: LIFT_FACTOR {'becomes 2^(1/2)' if adopted else 'stays 2^(1/4)'}")
