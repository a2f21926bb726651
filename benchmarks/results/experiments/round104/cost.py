"""Round 104 (descriptive, recorded recipes only, deciding nothing): where a short plan's probe cost goes, and whether
the screen could stop earlier without changing what it finds. Issue 20 asks for <= 2 runs on short plans; the pooled
median is about 3 (4.3 on exams 139-174).

1. Cost by stage, short rows of the pooled first scorings (exams 139-174, set A, both regimes), in full-run
   equivalents: the screen's rungs, the re-rank at its first horizon (with extensions and refinements), the longer
   look (Adam-family plans, ``LONGER_LOOK``), and the rest (range test, noise scale, stability check).
2. The screen stopped at the first rung where a stable rung learned (round 23's reading of ``learned`` from the
   recorded range test) and the last two rungs were both stable and over 3% worse than the best so far
   (``keep_descending`` without the coverage of the range test's steepest point): how often its best rung is
   unchanged, and the steps saved. Exams 4-174.

    python benchmarks/results/experiments/round104/cost.py > benchmarks/results/experiments/round104/cost.txt
"""
import json
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import quality, recorded  # noqa: E402


def stages(rec: dict, total: int) -> dict[str, float]:
    """Full-run equivalents per stage of one recipe."""
    probes = (rec.get("evidence") or {}).get("probes", [])
    rerank = [p for p in probes if p["stage"] == "rerank"]
    first = min((p["horizon"] for p in rerank), default=0)
    out = {"screen": sum(p["steps"] for p in probes if p["stage"] == "screen") / total,
           "re-rank": sum(p["steps"] for p in rerank if p["horizon"] == first) / total,
           "longer look": sum(p["steps"] for p in rerank if p["horizon"] > first) / total}
    out["rest"] = rec["cost"]["full_run_equivalents"] - sum(out.values())
    out["total"] = rec["cost"]["full_run_equivalents"]
    return out


def early_stop(rec: dict) -> tuple[int, int, bool, int] | None:
    """(rungs at the early stop, rungs run, best rung unchanged, steps saved), or None where no early stop exists."""
    ev = rec.get("evidence") or {}
    screen = sorted([p for p in ev.get("probes", []) if p["stage"] == "screen"], key=lambda p: -p["peak_lr"])
    rt = ev.get("lr_range_test") or {}
    start, low = rt.get("start_loss"), rt.get("min_loss")
    fell = start is not None and low is not None and start > 0 and (start - low) / start >= 0.05

    def ok(p: dict) -> bool:
        return not p.get("failed") and math.isfinite(quality(p))

    def learned(p: dict) -> bool:
        return ok(p) and (start - p["loss"] >= 0.3 * (start - low) if fell else True)

    def best(ps: list[dict]) -> dict:
        return min((p for p in ps if ok(p)), key=quality)

    for k in range(3, len(screen) + 1):
        head = screen[:k]
        if any(learned(p) for p in head) and all(ok(p) and quality(p) > quality(best(head)) * 1.03 for p in head[-2:]):
            same = best(head)["peak_lr"] == best(screen)["peak_lr"]
            return k, len(screen), same, sum(p["steps"] for p in screen[k:])
    return None


def main() -> None:
    costs = []
    for exam, _, r, f in recorded(short_only=True, exams=set(range(139, 175))):
        rec = json.loads(f.read_text())
        costs.append(stages(rec, r.get("total_steps") or rec["recommendation"]["total_steps"]))
    print(f"1. Short rows of exams 139-174 (set A, both regimes): {len(costs)}; full-run equivalents per stage")
    for k in costs[0]:
        v = [c[k] for c in costs]
        print(f"   {k:<12} median {statistics.median(v):.2f}  mean {statistics.mean(v):.2f}")
    look = [c["total"] for c in costs if c["longer look"] > 0]
    rest = [c["total"] for c in costs if c["longer look"] == 0]
    print(f"   total with the longer look ({len(look)} rows): median {statistics.median(look):.2f}; without ({len(rest)}):"
          f" {statistics.median(rest):.2f}")
    rows = []
    for exam, _, r, f in recorded(short_only=True, exams=set(range(4, 175))):
        rec = json.loads(f.read_text())
        stop = early_stop(rec)
        if stop is not None:
            rows.append((exam, r["workload"], r["data"], *stop, stop[3] / (r.get("total_steps") or 300)))
    same = sum(x[5] for x in rows)
    print(f"\n2. Short rows of exams 4-174 with an early stop point: {len(rows)}; the screen's best rung unchanged on "
          f"{same}, changed on {len(rows) - same}; rungs median {statistics.median(x[4] for x in rows):g} -> "
          f"{statistics.median(x[3] for x in rows):g}; runs saved median {statistics.median(x[7] for x in rows):.2f}, "
          f"mean {statistics.mean(x[7] for x in rows):.2f}")
    for x in rows:
        if not x[5]:
            print(f"   changed: {x[0]} {x[1]} ({x[2]}): stop at {x[3]} of {x[4]} rungs, {x[7]:.2f} runs saved")


if __name__ == "__main__":
    main()
