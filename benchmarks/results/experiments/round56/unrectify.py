"""Round 56's set N for a pre-registered exam after its adoption: set A's halved RAdam picks put back to half the
re-rank's best (the pick over the ``rectified`` q its recipe's ``second-run`` advice records); every other pick
unchanged. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round56/unrectify.py <exam picks.A.jsonl> <out picks.N.jsonl>
    # prints the names moved, with q
"""
import sys

from offline import move


def unrectified(rec: dict, p: dict) -> float | None:
    advice = [a for a in rec.get("advice") or [] if a.get("kind") == "second-run"]
    q = advice[0].get("rectified", 1.0) if advice else 1.0
    return p["peak_lr"] / q if q != 1.0 else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], unrectified, lambda f: f"/{1 / f:.3f}"))
