"""Round 45: before/after picks side by side, and the rows whose pick changed scored at full length (second readings).

    python benchmarks/results/experiments/round45/compare.py PICKS_DIR > benchmarks/results/experiments/round45/compare.txt

PICKS_DIR holds `before/` and `after/` (`reprobe.py probe`). Changed rows are scored with `exam.py --picks` against
each exam's committed grids, its runs cached in a scratch copy of the exam's evals (`PICKS_DIR/evals/`), so no
committed file changes. Both the before and the after pick of a changed row are scored, by the same scorer.
"""
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]


def lines(path: Path) -> dict[tuple[str, str], dict]:
    return {(p["name"], p["data"]): p for p in map(json.loads, path.read_text().splitlines())} if path.exists() else {}


def score(exam: str, picks: list[dict], work: Path, tag: str) -> dict[tuple[str, str], dict]:
    if not picks:
        return {}
    (work / "evals").mkdir(parents=True, exist_ok=True)
    evals = work / "evals" / f"{exam}.jsonl"
    if not evals.exists():
        committed = ROOT / "benchmarks/results" / exam / "evals.jsonl"
        shutil.copy(committed, evals) if committed.exists() else evals.touch()
    pick_file = work / f"{exam}.{tag}.changed.jsonl"
    pick_file.write_text("".join(json.dumps(p) + "\n" for p in picks))
    registry = "exam_workloads" if exam == "exam" else f"{exam}_workloads"
    out = work / f"{exam}.{tag}.score"
    subprocess.run([sys.executable, "benchmarks/exam.py", "--registry", registry, "--results", f"benchmarks/results/{exam}",
                    "--picks", str(pick_file), "--evals", str(evals), "--out", str(out), "--workers", "2"],
                   cwd=ROOT, check=True, capture_output=True)
    rows = json.loads(Path(f"{out}.json").read_text())["rows"]
    return {(r["workload"], r["data"]): r for r in rows if "pick" in r}


def main() -> None:
    work = Path(sys.argv[1]).resolve()
    changed_rows, same, total = [], 0, 0
    for before_file in sorted((work / "before").glob("*.jsonl"), key=lambda p: int(p.stem[4:] or 0)):
        exam = before_file.stem
        before, after = lines(before_file), lines(work / "after" / before_file.name)
        diff = [k for k in before if k in after and (before[k]["peak_lr"], before[k]["warmup_steps"]) !=
                (after[k]["peak_lr"], after[k]["warmup_steps"])]
        total += len(before)
        same += len(before) - len(diff)
        keep = lambda p: {k: p[k] for k in ("name", "data", "peak_lr", "warmup_steps", "probe_steps", "total_steps")}  # noqa: E731
        scored_b = score(exam, [keep(before[k]) for k in diff if before[k]["peak_lr"] is not None], work, "before")
        scored_a = score(exam, [keep(after[k]) for k in diff if after[k]["peak_lr"] is not None], work, "after")
        for k in diff:
            b, a = scored_b.get(k, {}).get("pick", {}), scored_a.get(k, {}).get("pick", {})
            changed_rows.append((exam, *k, before[k], after[k], b, a))
    print(f"{total} rows re-probed (both regimes); the pick is identical before and after on {same}, changed on "
          f"{len(changed_rows)}.")
    print("| exam | workload | data | before: LR, warmup, regret (div) | after: LR, warmup, regret (div) |")
    print("|---|---|---|---|---|")
    deltas = []
    for exam, name, data, pb, pa, b, a in changed_rows:
        cell = lambda p, s: ("no pick (exit %s)" % p["exit_code"] if p["peak_lr"] is None else  # noqa: E731
                             f"{p['peak_lr']:.3g}, {p['warmup_steps']}, {s.get('regret', float('nan')):+.1%} ({s.get('diverged', '?')})")
        print(f"| {exam} | {name} | {data} | {cell(pb, b)} | {cell(pa, a)} |")
        if "regret" in b and "regret" in a and not name.startswith("bridge_freq"):
            deltas.append(a["regret"] - b["regret"])
    if deltas:
        print(f"\nRows with a pick on both sides (exam 54's bridge rows apart): {len(deltas)}; regret change after - before: "
              f"median {statistics.median(deltas):+.1%}, mean {statistics.mean(deltas):+.1%}, "
              f"better {sum(d < 0 for d in deltas)}, worse {sum(d > 0 for d in deltas)}.")


if __name__ == "__main__":
    main()
