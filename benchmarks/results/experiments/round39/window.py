"""Round 39 (descriptive, recorded first scorings only, read again; decides nothing): was the best LR inside the
window the re-rank looked at? For each pooled row (short and long plans apart) with a recorded recipe, the re-rank's stable
candidates' smallest and largest peak LR against the grid's best LR: 'below' = best under the smallest candidate /
sqrt(2), 'above' = over the largest x sqrt(2), 'inside' otherwise; with each group's regret. Where the misses are
mostly 'below', the short screen (34 steps of a 3,000-step plan) placed the window, not the re-rank's ordering.
Run from the repository root (the optional argument is the last exam read; `window.txt` holds exams 4-38):
    python benchmarks/results/experiments/round39/window.py 38 > benchmarks/results/experiments/round39/window.txt
"""
import json
import math
import pathlib
import statistics
import sys
from collections.abc import Iterator

sys.path.insert(0, "benchmarks")
from exam import recipe_file  # noqa: E402
from exam_pool import FIRST_SCORINGS, ROOT  # noqa: E402


def recipe_of(score_path: pathlib.Path, row: dict) -> dict | None:
    picks = json.loads(score_path.read_text()).get("picks")
    if not picks:
        return None
    path = recipe_file((ROOT.parent.parent / picks).with_suffix(".recipes"), row["workload"], row["data"])
    return json.loads(path.read_text()) if path.exists() else None


def window_rows(last: int | None) -> Iterator[tuple[str, dict, list[dict], str, dict]]:
    """(exam, scored row, the recipe's re-rank probes, side of the window the grid's best lies on, the recipe) for
    every pooled row with a recorded recipe, up to exam `last`."""
    for exam, rel, capped in FIRST_SCORINGS:
        if last is not None and int(exam.split()[1]) > last:
            continue
        path = ROOT / rel
        for r in json.loads(path.read_text())["rows"]:
            if (r["long"] and not capped) or "regret" not in r.get("pick", {}):
                continue
            rec = recipe_of(path, r)
            if rec is None:
                continue
            rerank = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank"]
            if not rerank:
                continue
            lrs = [p["peak_lr"] for p in rerank]
            lo, hi, best = min(lrs), max(lrs), r["best"]["lr"]
            side = "below" if best < lo / math.sqrt(2) else "above" if best > hi * math.sqrt(2) else "inside"
            yield exam, r, rerank, side, rec


def main() -> None:
    groups: dict[tuple[str, str], list[float]] = {}
    for exam, r, rerank, side, _ in window_rows(int(sys.argv[1]) if len(sys.argv) > 1 else None):
        lrs = [p["peak_lr"] for p in rerank]
        groups.setdefault(("long" if r["long"] else "short", side), []).append(r["pick"]["regret"])
        print(f"{exam:<8} {r['workload']:<30}{r['data']:<8} best {r['best']['lr']:9.3g}  re-rank {min(lrs):9.3g}..{max(lrs):9.3g}"
              f"  {side:<7} regret {r['pick']['regret']:+8.1%}")
    print()
    for plans in ("short", "long"):
        n = sum(len(v) for k, v in groups.items() if k[0] == plans)
        for side in ("below", "inside", "above"):
            v = groups.get((plans, side), [])
            print(f"{plans:<6}{side:<7} {len(v):3} of {n} rows  median regret {statistics.median(v) if v else 0:+6.1%}  "
                  f"over 8% {sum(x > 0.08 for x in v):3}  within 3% {sum(x <= 0.03 for x in v):3}")


if __name__ == "__main__":
    main()
