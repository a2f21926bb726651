"""Round 76's pre-registered decision (`../../exam121_preregistration.md`), written before any fresh W score was read.

Set W's short picks against set A's on the fresh exams given, by their first scorings (full runs): the rows where W's
pick differs from A's (LR or warmup), pooled per data regime. With fewer than 6 such rows in either regime the round
is not yet decided; otherwise W is adopted only if, in both regimes, (1) its median regret is lower than A's, (2) it
is over 8% on no more rows, (3) within 3% on no fewer, (4) no W pick diverges where A's did not, and (5) it is better
by over a point on more rows than worse. Run from the repository root:
    python benchmarks/results/experiments/round76/decide.py 121 122 [123 124 ...]
"""
import json
import math
import statistics
import sys
from pathlib import Path

RES = Path("benchmarks/results")
NEED = 6


def first_scorings(exam: int, tag: str = "wider") -> tuple[dict, dict]:
    """Set A's and the tagged set's (W: ``wider``) scored rows of an exam, keyed by (workload, regime)."""
    folder = RES / f"exam{exam}"
    wider = next(folder.glob(f"score.*.{tag}.json"))
    base = folder / wider.name.replace(f".{tag}", "")
    load = lambda f: {(r["workload"], r["data"]): r for r in json.loads(f.read_text())["rows"]}  # noqa: E731
    return load(base), load(wider)


def moved_rows(exams: list[int], tag: str = "wider") -> dict[str, list[tuple[str, dict, dict]]]:
    out: dict[str, list[tuple[str, dict, dict]]] = {"eval": [], "no-eval": []}
    for exam in exams:
        a, w = first_scorings(exam, tag)
        for key, rw in w.items():
            ra = a[key]
            pa, pw = ra.get("pick") or {}, rw.get("pick") or {}
            if ra["long"] or pa.get("lr") is None or pw.get("lr") is None:
                continue
            if math.isclose(pa["lr"], pw["lr"], rel_tol=1e-6) and pa.get("warmup_steps") == pw.get("warmup_steps"):
                continue
            out[key[1]].append((f"exam {exam} {key[0]}", pa, pw))
    return out


def main(exams: list[int], tag: str = "wider", name: str = "round 76, set W", need: int = NEED,
         letter: str = "W") -> None:
    rows = moved_rows(exams, tag)
    print(f"{name} against set A on exams {', '.join(map(str, exams))}: short rows whose pick differs")
    verdicts = []
    for data, v in rows.items():
        print(f"\n{data}: {len(v)} moved rows (need {need})")
        for row, pa, pw in v:
            print(f"  {row:<44} A {pa['lr']:.3g} / {pa['warmup_steps']} steps: {pa['regret']:+8.1%} (LR / best "
                  f"{pa['lr_ratio']:.2f})   {letter} {pw['lr']:.3g} / {pw['warmup_steps']} steps: {pw['regret']:+8.1%} "
                  f"(LR / best {pw['lr_ratio']:.2f})")
        if len(v) < need:
            verdicts.append(None)
            continue
        a = [pa["regret"] for _, pa, _ in v]
        w = [pw["regret"] for _, _, pw in v]
        checks = {
            "median lower": statistics.median(w) < statistics.median(a),
            "over 8% on no more rows": sum(x > 0.08 for x in w) <= sum(x > 0.08 for x in a),
            "within 3% on no fewer": sum(x <= 0.03 for x in w) >= sum(x <= 0.03 for x in a),
            "no new divergence": not any(pw.get("diverged") and not pa.get("diverged") for _, pa, pw in v),
            "better on more rows than worse": sum(y < x - 0.01 for x, y in zip(a, w)) > sum(y > x + 0.01 for x, y in zip(a, w)),
        }
        print(f"  median A {statistics.median(a):+.1%}, {letter} {statistics.median(w):+.1%}; over 8% "
              f"{sum(x > 0.08 for x in a)} -> {sum(x > 0.08 for x in w)}; within 3% {sum(x <= 0.03 for x in a)} -> "
              f"{sum(x <= 0.03 for x in w)}; {letter} better by over a point on {sum(y < x - 0.01 for x, y in zip(a, w))}, "
              f"worse on {sum(y > x + 0.01 for x, y in zip(a, w))}")
        for k, ok in checks.items():
            print(f"  {'held' if ok else 'NOT held'}: {k}")
        verdicts.append(all(checks.values()))
    if None in verdicts:
        print(f"\nnot yet decided: fewer than {need} moved rows in a regime; the next fresh pair's rows join these")
    else:
        print(f"\ndecided: {name} {'ADOPTED' if all(verdicts) else 'REJECTED'}")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]])
