"""Round 71 (descriptive, spent exams; decides nothing): every short row's first scoring with eval_data from exam 39
on, tagged by the architecture its family name says (approximate: a name without one of the key words is "other"),
warmfind against the plain T/5 grid. Asked after exams 113-116's short plans (a brief with at most two plain MLPs of
eight plans) lost checks 1-2 to the grid: is it the architectures?

    { python benchmarks/results/experiments/round71/arch.py 39 112; echo; python benchmarks/results/experiments/round71/arch.py 113 116; } > benchmarks/results/experiments/round71/arch.txt
"""
import re
import statistics
import sys

sys.path.insert(0, "benchmarks")
from exam_pool import exam_number, row_regret, rows as first_scoring_rows  # noqa: E402

TAGS = (("cnn", r"cnn|conv|unet|resnet"), ("recurrent", r"gru|lstm|rnn|narx"),
        ("attention", r"transformer|attention|attn|bert|gpt"), ("mlp", r"mlp|ann\b|_ann|perceptron|dense"))


def architecture(family: str) -> str:
    """The first tag whose pattern the family name matches, else "other"."""
    return next((tag for tag, pattern in TAGS if re.search(pattern, family.lower())), "other")


def main(first: int, last: int) -> None:
    rows: dict[str, list[tuple[float, float]]] = {}
    for r in first_scoring_rows():  # the pool's rows; a failed pick counts as an infinite regret, as there
        if first <= exam_number(r["exam"]) <= last and not r["long"] and r["data"] == "eval":
            rows.setdefault(architecture(r["family"]), []).append((row_regret(r), r["plain"]["regret"]))
    print(f"Short rows with eval_data, exams {first}-{last}, by the architecture in the family name: warmfind / plain T/5 grid")
    for tag, found in sorted(rows.items(), key=lambda kv: -len(kv[1])):
        w, g = [a for a, _ in found], [b for _, b in found]
        print(f"{tag:<10} {len(found):4} rows: median {statistics.median(w):+.1%} / {statistics.median(g):+.1%}, "
              f"within 3% {sum(x <= 0.03 for x in w)} / {sum(x <= 0.03 for x in g)}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
