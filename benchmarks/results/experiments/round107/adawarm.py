"""Round 107's set G for a pre-registered exam: set A's picks with `candidate.py`'s rule applied (an Adagrad long pick
that ships without warmup ships at sqrt(2) x its LR behind a 5% warmup); every other pick unchanged. Exact offline,
from each pick's recorded recipe; prints the names moved.

    python benchmarks/results/experiments/round107/adawarm.py <exam picks.A.jsonl> <out picks.G.jsonl>
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round56"), str(HERE)]
from candidate import WARMUP, candidate  # noqa: E402
from offline import move  # noqa: E402

if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2],
               lambda rec, p: candidate(rec, p["peak_lr"], p.get("warmup_steps") or 0, p["total_steps"]),
               lambda f: f"x{f:.3f} behind {WARMUP:.0%}"))
