"""Round 64's read-off (descriptive, spent exams read again after their first scorings, deciding nothing): set H
(`unhalve.py`) made from each of exams 39-94's first-scoring picks and the moved SGD long rows trained at full length
(`exam.py --only`, the exam's cached evaluations copied to a scratch file so the committed ones stay as they are).
Prints A's and H's regret per moved row and a summary per regime.

    python benchmarks/results/experiments/round64/readoff.py > benchmarks/results/experiments/round64/readoff.txt
"""
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unhalve import unhalved  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round56"))
from offline import move  # noqa: E402

sys.path.insert(0, "benchmarks")
from exam_pool import FIRST_SCORINGS  # noqa: E402


def first_scorings(first: int, last: int) -> list[tuple[int, Path]]:
    """(exam number, first-scoring score path) of the pooled exams ``first``..``last`` (``exam_pool.FIRST_SCORINGS``)."""
    return [(int(exam.split()[-1]), Path("benchmarks/results") / rel) for exam, rel, capped in FIRST_SCORINGS
            if capped and first <= int(exam.split()[-1]) <= last]


def main(first: int = 39, last: int = 94, new_lr=lambda rec, p: unhalved(rec), which: str = "SGD long",
         set_name: str = "H") -> None:
    """Set A's first scorings of exams ``first``..``last`` against the rows ``new_lr`` moves (``offline.move``'s
    rule), each moved row trained at full length; ``which`` and ``set_name`` label the printout."""
    scratch = Path(tempfile.mkdtemp())
    out = {"eval": [], "no-eval": []}
    for exam, score in first_scorings(first, last):
        commit = score.name.split(".")[1]
        picks = score.with_name(f"picks.{commit}.jsonl")
        h = scratch / f"picks.{exam}.unhalve.jsonl"
        moved = move(str(picks), str(h), new_lr, lambda f: f"x{f:.3f}")
        if not moved:
            continue
        names = sorted({m.split(" (")[0] for m in moved.split("; ")})
        evals = scratch / f"evals.{exam}.jsonl"
        if (score.parent / "evals.jsonl").exists():
            shutil.copy(score.parent / "evals.jsonl", evals)
        subprocess.run([sys.executable, "benchmarks/exam.py", "--registry", f"exam{exam}_workloads", "--results",
                        str(score.parent), "--picks", str(h), "--evals", str(evals), "--out",
                        str(scratch / f"score.{exam}"), "--workers", "1", "--only", *names],
                       check=True, capture_output=True)
        a = {(r["workload"], r["data"]): r for r in json.loads(score.read_text())["rows"]}
        for r in json.loads((scratch / f"score.{exam}.json").read_text())["rows"]:
            k = (r["workload"], r["data"])
            if "pick" not in r or f"{k[0]} ({k[1]})" not in moved:
                continue
            ra, rh = a[k]["pick"].get("regret"), r["pick"].get("regret")
            ra = float("inf") if ra is None or a[k]["pick"].get("diverged") else ra
            rh = float("inf") if rh is None or r["pick"].get("diverged") else rh
            out[k[1]].append((ra, rh))
            print(f"  exam {exam} {k[1]:<8} {k[0]:<36} A {ra:+9.1%} (LR/best {a[k]['pick'].get('lr_ratio', 0):.2f})   "
                  f"{set_name} {rh:+9.1%}", flush=True)
    for data, rows in out.items():
        if not rows:
            continue
        ra, rh = [x for x, _ in rows], [y for _, y in rows]
        h = set_name
        print(f"{data}: {len(rows)} {which} rows; median A {statistics.median(ra):+.1%}, {h} {statistics.median(rh):+.1%}; "
              f"within 3% A {sum(v <= 0.03 for v in ra)}, {h} {sum(v <= 0.03 for v in rh)}; over 8% A "
              f"{sum(v > 0.08 for v in ra)}, {h} {sum(v > 0.08 for v in rh)}; {h} better by over a point on "
              f"{sum(y < x - 0.01 for x, y in rows)}, worse on {sum(y > x + 0.01 for x, y in rows)}")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
