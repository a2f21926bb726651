"""Round 56's pre-registered rule (`../../exam75_preregistration.md`, exams 75-76): set A against set R (A's halved
RAdam picks x q, `rectify.py`) on the rows R moved, each set scored once. R adopted only if, in both regimes, its
median regret is lower, it is within 3% on at least as many rows, over 8% on no more, and its mean regret is lower
(a diverged row counts as infinite: the mean of a set with one is infinite).

    python benchmarks/results/experiments/round56/decide.py 75 76 > benchmarks/results/experiments/round56/decide.txt

With ``--revert`` (`../../exam77_preregistration.md`, exams 77-78, after adoption): set A (now with q) against set N
(`unrectify.py`: the halved RAdam picks without q) on the rows N moved; round 56 reverts only if N wins the same four
conditions in both regimes.

    python benchmarks/results/experiments/round56/decide.py --revert 77 78 > benchmarks/results/experiments/round56/revert7778.txt

With ``--retest`` (`../../exam79_preregistration.md`, exams 79-80, after the revert): set A (without q) against set R
again, adopted only if, in each regime, R moved at least 6 rows, won the four conditions, and was better on more rows
than worse counting only rows where the two differ by more than max(1 point, 2 x the row's seed noise).

    python benchmarks/results/experiments/round56/decide.py --retest 79 80 > benchmarks/results/experiments/round56/retest7980.txt

With ``--pooled`` (`../../exam81_preregistration.md`'s addendum): the same six conditions on R's rows pooled over
every pre-registered pair from exam 81 on, with at least 16 moved rows per regime instead of 6.

    python benchmarks/results/experiments/round56/decide.py --pooled 81 82 83 84 > benchmarks/results/experiments/round56/pooled81_84.txt
"""
import glob
import json
import math
import statistics
import sys


sys.path.insert(0, "benchmarks/results/experiments/round52")
from revert import conditions  # noqa: E402


def one_file(exam: int, kind: str, tag: str, ext: str) -> str:
    """The exam's ``kind`` file (``score`` or ``picks``) of the set scored with ``tag`` ("" for set A)."""
    (path,) = [f for f in glob.glob(f"benchmarks/results/exam{exam}/{kind}.*{tag}.{ext}") if f.count(".") == 2 + bool(tag)]
    return path


def regrets(exam: int, tag: str, long: bool = True) -> dict[tuple[str, str], float]:
    """Each long row's regret (short rows with ``long`` False; round 58), a divergence as infinite."""
    path = one_file(exam, "score", tag, "json")
    out = {}
    for r in json.load(open(path))["rows"]:
        if r["long"] == long:
            p = r["pick"]
            out[(r["workload"], r["data"])] = math.inf if p.get("regret") is None or p.get("diverged") else p["regret"]
    return out


def seed_noise(exam: int, long: bool = True) -> dict[tuple[str, str], float]:
    """Each long row's seed noise at the grid's best cell (relative sd across seeds), from set A's score file."""
    return {(r["workload"], r["data"]): r["seed_noise"] or 0.0
            for r in json.load(open(one_file(exam, "score", "", "json")))["rows"] if r["long"] == long}


def paired(exams: list[int], tag: str, long: bool = True) -> dict[str, list[tuple[int, str, float, float, float]]]:
    """Per regime, (exam, plan, A's regret, the set's regret, seed noise) on the rows the set scored with ``tag`` moved,
    in exam then plan order; exams where the set moved no row (and was not scored) are skipped. Round 58 shares it."""
    out: dict[str, list[tuple[int, str, float, float, float]]] = {"eval": [], "no-eval": []}
    for exam in exams:
        if not glob.glob(f"benchmarks/results/exam{exam}/score.*{tag}.json"):
            continue
        a, r, sd = regrets(exam, "", long), regrets(exam, tag, long), seed_noise(exam, long)
        for k in sorted(moved(exam, tag)):
            if k in a:  # a row of the other plan length is another question's (round 88 asks long and short apart)
                out[k[1]].append((exam, k[0], a[k], r[k], sd[k]))
    return out


def margin_wins(ra: list[float], rr: list[float], noise: list[float]) -> tuple[int, int]:
    """(rows where R is better, rows where R is worse) by more than max(1 point, 2 x the row's seed noise)."""
    m = [max(0.01, 2 * n) for n in noise]
    return (sum(y < x - d for x, y, d in zip(ra, rr, m)), sum(y > x + d for x, y, d in zip(ra, rr, m)))


def picks(exam: int, tag: str) -> dict[tuple[str, str], float]:
    path = one_file(exam, "picks", tag, "jsonl")
    return {(p["name"], p["data"]): p["peak_lr"] for p in map(json.loads, open(path))}


def moved(exam: int, tag: str) -> set[tuple[str, str]]:
    """The (plan, regime) rows whose pick the set scored with ``tag`` moved."""
    a, r = picks(exam, ""), picks(exam, tag)
    return {k for k in r if r[k] != a[k]}


def main() -> None:
    revert, pooled = sys.argv[1:2] == ["--revert"], sys.argv[1:2] == ["--pooled"]
    retest = pooled or sys.argv[1:2] == ["--retest"]
    least = 16 if pooled else 6
    exams = [int(a) for a in sys.argv[1 + (revert or retest):]]
    tag, other = (".unrectify", "N") if revert else (".rectify", "R")
    wins = []
    pairs = paired(exams, tag)
    for data in ("eval", "no-eval"):
        ra, rr, noise = [], [], []
        for exam, name, x, y, sd in pairs[data]:
            ra.append(x)
            rr.append(y)
            noise.append(sd)
            print(f"  exam {exam} {data:<8} {name:<30} A {x:+9.1%}   {other} {y:+9.1%}"
                  + (f"   seed noise {sd:.1%}" if retest else ""))
        conds = conditions(ra, rr, mean=True)
        if retest:
            better, worse = margin_wins(ra, rr, noise)
            print(f"{data}: {len(ra)} rows moved (at least {least}: {len(ra) >= least}); beyond the noise margin {other} "
                  f"better on {better}, worse on {worse} ({better > worse})")
            conds = (len(ra) >= least,) + conds + (better > worse,)
        wins.append(all(conds))
        print(f"{data}: {len(ra)} rows; median A {statistics.median(ra):+.1%}, {other} {statistics.median(rr):+.1%}; within "
              f"3% A {sum(v <= 0.03 for v in ra)}, {other} {sum(v <= 0.03 for v in rr)}; over 8% A {sum(v > 0.08 for v in ra)}, "
              f"{other} {sum(v > 0.08 for v in rr)}; mean A {statistics.mean(ra):+.1%}, {other} {statistics.mean(rr):+.1%}; "
              f"worst A {max(ra):+.1%}, {other} {max(rr):+.1%}; {other} better by over a point on "
              f"{sum(y < x - 0.01 for x, y in zip(ra, rr))}, worse on {sum(y > x + 0.01 for x, y in zip(ra, rr))}; "
              f"{other}'s {'six' if retest else 'four'} conditions: {conds}")
    if revert:
        print(f"Decision: round 56 {'reverts' if all(wins) else 'stays'}")
    elif retest:
        print(f"Decision: round 56 {'re-adopted' if all(wins) else 'stays reverted'}")
    else:
        print(f"Decision: round 56 {'adopted' if all(wins) else 'not adopted'}")


if __name__ == "__main__":
    main()
