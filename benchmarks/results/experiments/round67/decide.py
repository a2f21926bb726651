"""Round 67's pre-registered rule (`../../exam105_preregistration.md`): the long-plan advice's second run at twice the
pick (set H, `double.py`) against the advice as it is, the re-rank's best (set S, `../round39/second_run.py`), on the
long rows where the two differ (RAdam's, whose pick is a quarter of the best), pooled over every pre-registered exam
from 105 on; decided once, at the first reading with at least 8 such rows per regime. Adopted only if, in each regime,
(a) H's advised run beats S's by round 58's rule (median lower, within 3% at least as often, over 8% no more often,
mean lower, better beyond the noise margin on more rows than worse), and (b) the better of the pick and the advised
run is within 3% at least as often and over 8% no more often with H than with S.

    python benchmarks/results/experiments/round67/decide.py 105 106 [...] > benchmarks/results/experiments/round67/decide.txt
"""
import importlib.util
import statistics
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("round56_decide", Path(__file__).resolve().parent.parent / "round56" / "decide.py")
_r56 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r56)


def rows(exams: list[int]) -> dict[str, list[tuple[int, str, float, float, float, float]]]:
    """Per regime, (exam, plan, A, S, H, seed noise) regrets on the long rows where H's LR differs from S's."""
    out: dict[str, list] = {"eval": [], "no-eval": []}
    for exam in exams:
        s_lr, h_lr = _r56.picks(exam, ".second"), _r56.picks(exam, ".double")
        a, s, h = (_r56.regrets(exam, t) for t in ("", ".second", ".double"))
        noise = _r56.seed_noise(exam)
        for k in sorted(k for k in h if k in s and h_lr.get(k) != s_lr.get(k) and k in h_lr):
            out[k[1]].append((exam, k[0], a[k], s[k], h[k], noise[k]))
    return out


def counts(v: list[float]) -> str:
    return (f"median {statistics.median(v):+.1%}, within 3% {sum(x <= 0.03 for x in v)}, over 8% "
            f"{sum(x > 0.08 for x in v)}, mean {statistics.mean(v):+.1%}, worst {max(v):+.1%}")


def judge(s: list[float], h: list[float], sd: list[float]) -> tuple[tuple[bool, ...], int, int]:
    """Round 58's rule for H against S: (median lower, within 3% at least as often, over 8% no more often, mean lower),
    rows better and worse beyond the noise margin."""
    return (_r56.conditions(s, h, mean=True), *_r56.margin_wins(s, h, sd))


def main(exams: list[int], least: int = 8, judge=judge, counts=counts) -> None:
    """Round 67's decision; round 69 (`../round69/decide.py`) passes its capped-mean ``judge`` and ``counts``."""
    verdicts = []
    for data, found in rows(exams).items():
        for exam, name, a, s, h, sd in found:
            print(f"  exam {exam} {data:<8} {name:<32} A {a:+9.1%}   S {s:+11.1%}   H {h:+11.1%}   seed noise {sd:.1%}")
        if len(found) < least:
            print(f"{data}: {len(found)} rows: fewer than {least}, no decision yet")
            verdicts.append(None)
            continue
        a, s, h, sd = ([r[i] for r in found] for i in (2, 3, 4, 5))
        conds, better, worse = judge(s, h, sd)
        bs, bh = [min(x, y) for x, y in zip(a, s)], [min(x, y) for x, y in zip(a, h)]
        guard = (sum(x <= 0.03 for x in bh) >= sum(x <= 0.03 for x in bs)
                 and sum(x > 0.08 for x in bh) <= sum(x > 0.08 for x in bs))
        verdicts.append(all(conds) and better > worse and guard)
        print(f"{data}: {len(found)} rows\n  advised run S: {counts(s)}\n  advised run H: {counts(h)}\n"
              f"  (a) four conditions {conds}; beyond the margin H better on {better}, worse on {worse}\n"
              f"  better of pick and S: {counts(bs)}\n  better of pick and H: {counts(bh)}\n  (b) {guard}")
    if None in verdicts:
        print(f"Decision: none yet (fewer than {least} rows in a regime); the advice stays as it is")
    else:
        print(f"Decision: the advice at twice the pick {'adopted' if all(verdicts) else 'not adopted'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
