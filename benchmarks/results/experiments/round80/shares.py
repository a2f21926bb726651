"""Round 80's sets for a pre-registered exam: set A's halved Adagrad long picks (``workload.optimizer.name`` is
``adagrad``) put at ``share`` x the re-rank's best (``recommendation.measured``: the recipe before the halving), the
warmup unchanged; every other pick unchanged. Share 1 is set D (round 64's set H with Adagrad in SGD's place), share
2 set D4. Exact offline, from each pick's recorded recipe.

    python benchmarks/results/experiments/round80/shares.py <exam picks.A.jsonl> <out picks.D.jsonl> 1
    python benchmarks/results/experiments/round80/shares.py <exam picks.A.jsonl> <out picks.D4.jsonl> 2
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "round56"), str(HERE.parent / "round64")]
from offline import move  # noqa: E402
from unhalve import unhalved  # noqa: E402


def at_share(rec: dict, share: float) -> tuple[float, int] | None:
    found = unhalved(rec, "adagrad")
    return (share * found[0], found[1]) if found else None


if __name__ == "__main__":
    share = float(sys.argv[3])
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: at_share(rec, share), lambda f: f"x{f:.3f}"))
