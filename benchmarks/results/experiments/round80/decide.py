"""Round 80's pre-registered rule (`../../exam133_preregistration.md`): sets D and D4 (`shares.py` at 1 and 2 x the
re-rank's best: A's halved Adagrad long picks moved up) each against set A on the long rows they moved, pooled over
every fresh exam from 131 on; decided once, at the first reading with at least 8 moved rows per regime, by round 58's
rule on long rows (as rounds 64 and 65 were). Where only one set passes it is adopted; where both pass, D4 only if its
median is lower than D's in both regimes, else D.

    python benchmarks/results/experiments/round80/decide.py 131 132 133 134 [...] > benchmarks/results/experiments/round80/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402


def main(exams: list[int]) -> None:
    d, d_medians = rule(exams, ".adagrad", "D", 8, "set D (Adagrad long plans at the re-rank's best)", long=True)
    print()
    d4, d4_medians = rule(exams, ".adagrad4", "D4", 8, "set D4 (Adagrad long plans at twice the re-rank's best)", long=True)
    if d is None or d4 is None:
        print("\nRound 80: no decision yet; the halving stays")
        return
    lower = all(d4_medians[k] < d_medians[k] for k in d_medians)
    chosen = "D4" if d4 and (not d or lower) else "D" if d else None
    print(f"\nRound 80: {'neither set passed; the halving stays' if chosen is None else f'set {chosen} adopted'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
