"""Round 77's cost, reported beside its decision (`../../exam125_preregistration.md`): probe steps over the planned
run's steps for set A and set L on the short rows L was made on (every one, moved or not), per data regime, from the
picks files (no score is read). Run from the repository root:
    python benchmarks/results/experiments/round77/cost.py 125 126 [...]
"""
import json
import statistics
import sys
from pathlib import Path

RES = Path("benchmarks/results")


def runs(path: Path) -> dict[tuple[str, str], float]:
    rows = (json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return {(r["name"], r["data"]): r["probe_steps"] / r["total_steps"] for r in rows}


def main(exams: list[int]) -> None:
    pairs: dict[str, list[tuple[float, float]]] = {"eval": [], "no-eval": []}
    for exam in exams:
        longer = next((RES / f"exam{exam}").glob("picks.*.longer.jsonl"))
        a, l = runs(longer.with_name(longer.name.replace(".longer", ""))), runs(longer)
        for key, cost in l.items():
            pairs[key[1]].append((a[key], cost))
    print(f"round 77's cost on exams {', '.join(map(str, exams))}: runs (probe steps / planned steps) per short plan")
    for data, v in pairs.items():
        a, l = [x for x, _ in v], [y for _, y in v]
        print(f"  {data:<8} {len(v)} rows: set A median {statistics.median(a):.2f} (mean {statistics.mean(a):.2f}), "
              f"set L median {statistics.median(l):.2f} (mean {statistics.mean(l):.2f})")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]])
