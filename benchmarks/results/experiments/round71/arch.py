"""Round 71 (descriptive, spent exams; decides nothing): every short row's first scoring with eval_data from exam 39
on, tagged by the architecture its family name says (approximate: a name without one of the key words is "other"),
warmfind against the plain T/5 grid. Asked after exams 113-116's short plans (a brief with at most two plain MLPs of
eight plans) lost checks 1-2 to the grid: is it the architectures?

    { python benchmarks/results/experiments/round71/arch.py 39 112; echo; python benchmarks/results/experiments/round71/arch.py 113 116; } > benchmarks/results/experiments/round71/arch.txt
"""
import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
from exam_pool import FIRST_SCORINGS  # noqa: E402

TAGS = (("cnn", r"cnn|conv|unet|resnet"), ("recurrent", r"gru|lstm|rnn|narx"),
        ("attention", r"transformer|attention|attn|bert|gpt"), ("mlp", r"mlp|ann\b|_ann|perceptron|dense"))


def architecture(family: str) -> str:
    """The first tag whose pattern the family name matches, else "other"."""
    return next((tag for tag, pattern in TAGS if re.search(pattern, family.lower())), "other")


def regret(r: dict | None) -> float:
    """A regret, a divergence or a missing pick as +999%."""
    return 9.99 if not r or r.get("regret") is None or r.get("diverged") else r["regret"]


def main(first: int, last: int) -> None:
    rows: dict[str, list[tuple[float, float]]] = {}
    for exam, rel, _ in FIRST_SCORINGS:
        if first <= int(exam.split()[-1]) <= last:
            for r in json.loads((Path("benchmarks/results") / rel).read_text())["rows"]:
                if not r["long"] and r["data"] == "eval":
                    rows.setdefault(architecture(r["family"]), []).append((regret(r.get("pick")), regret(r.get("plain"))))
    print(f"Short rows with eval_data, exams {first}-{last}, by the architecture in the family name: warmfind / plain T/5 grid")
    for tag, found in sorted(rows.items(), key=lambda kv: -len(kv[1])):
        w, g = [a for a, _ in found], [b for _, b in found]
        print(f"{tag:<10} {len(found):4} rows: median {statistics.median(w):+.1%} / {statistics.median(g):+.1%}, "
              f"within 3% {sum(x <= 0.03 for x in w)} / {sum(x <= 0.03 for x in g)}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
