"""Round 70's set E for a pre-registered exam: set A's RAdam long picks (a quarter of the re-rank's best since round
66) halved once more, an eighth of the re-rank's best at its warmup; every other pick unchanged. Exact offline, from
each pick's recorded recipe (round 66's ``quartered``, halved).

    python benchmarks/results/experiments/round70/eighth.py <exam picks.A.jsonl> <out picks.E.jsonl>
    # prints the names moved, with the factor
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round66"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import move  # noqa: E402
from quarter import quartered  # noqa: E402


def eighth(rec: dict) -> tuple[float, int] | None:
    """An eighth of the re-rank's best, at its warmup, where a RAdam long pick was cut to a share of it, else None."""
    quarter = quartered(rec)
    return (quarter[0] / 2, quarter[1]) if quarter else None


if __name__ == "__main__":
    print(move(sys.argv[1], sys.argv[2], lambda rec, p: eighth(rec), lambda f: f"x{f:.3f}"))
