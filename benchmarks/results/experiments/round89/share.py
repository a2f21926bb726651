"""Round 89's set H for a pre-registered exam: set A's long picks that the halving put at half the re-rank's best (an
optimizer without a share of its own in ``defaults.HALVING_SHARES``: Adam, AdamW, NAdam, Adamax, RMSprop and the like)
moved a quarter octave up, to 2^(-3/4) x that best (2^(1/4) x the pick), the warmup unchanged; every other pick
unchanged. Exact offline from each pick's recorded recipe: the halving is the last rule that moves a long pick
(``probing.measure``, after the search and its constant-LR check), so the product change it stands for (the default
share 2^(-3/4) instead of 1/2) would ship exactly these picks.

    python benchmarks/results/experiments/round89/share.py <exam picks.A.jsonl> <out picks.A.quarterup.jsonl>
    # prints the rows moved, with the factor
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parents[4]), str(HERE.parent), str(HERE.parents[1] / "round56")]
from offline import move  # noqa: E402
from readoff import at_default_share  # noqa: E402


def rescale_default_share(src: str, out: str, factor: float, share: float = 0.5) -> str:
    """``src``'s picks written to ``out`` with every long pick at the default ``share`` of the re-rank's best times
    ``factor`` (the warmup unchanged); the moved rows, as ``move`` says them. Set H here (half, x 2^(1/4)); round 89's
    revert, set V (``revert.py``: 2^(-3/4), x 2^(-1/4))."""
    return move(src, out, lambda rec, p: factor * p["peak_lr"] if at_default_share(rec, p["peak_lr"], share) else None,
                lambda f: f"x{f:.3f}")


if __name__ == "__main__":
    print(rescale_default_share(sys.argv[1], sys.argv[2], 2 ** 0.25))
