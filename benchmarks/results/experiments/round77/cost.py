"""Round 77's cost, reported beside its decision (`../../exam125_preregistration.md`): probe steps over the planned
run's steps for set A and set L on the short rows L was made on (every one, moved or not), per data regime, from the
picks files (no score is read). Round 78's set U (`--tag upward`) is read the same way. Run from the repository root:
    python benchmarks/results/experiments/round77/cost.py 125 126 [...]
    python benchmarks/results/experiments/round77/cost.py --tag upward 129 130 [...]
    python benchmarks/results/experiments/round77/cost.py --tag nolook 135 136 [...]   (round 82's set N)
"""
import json
import statistics
import sys
from pathlib import Path

RES = Path("benchmarks/results")
SETS = {"longer": ("round 77", "L"), "upward": ("round 78", "U"), "nolook": ("round 82", "N")}  # the picks files' tag: the round and its set


def runs(path: Path) -> dict[tuple[str, str], float]:
    rows = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return {(r["name"], r["data"]): r["probe_steps"] / r["total_steps"] for r in rows}


def main(exams: list[int], tag: str = "longer") -> None:
    name, letter = SETS[tag]
    pairs: dict[str, list[tuple[float, float]]] = {"eval": [], "no-eval": []}
    for exam in exams:
        longer = next((RES / f"exam{exam}").glob(f"picks.*.{tag}.jsonl"))
        a, l = runs(longer.with_name(longer.name.replace(f".{tag}", ""))), runs(longer)
        for key, cost in l.items():
            pairs[key[1]].append((a[key], cost))
    print(f"{name}'s cost on exams {', '.join(map(str, exams))}: runs (probe steps / planned steps) per short plan")
    for data, v in pairs.items():
        a, l = [x for x, _ in v], [y for _, y in v]
        print(f"  {data:<8} {len(v)} rows: set A median {statistics.median(a):.2f} (mean {statistics.mean(a):.2f}), "
              f"set {letter} median {statistics.median(l):.2f} (mean {statistics.mean(l):.2f})")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--tag"]:
        main([int(x) for x in args[2:]], tag=args[1])
    else:
        main([int(x) for x in args])
