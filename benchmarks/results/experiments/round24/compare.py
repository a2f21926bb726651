"""Round 24: today's picks against the tie-up rule's, on every row where the rule moved the choice, and the decision
fixed in ../../exam21_preregistration.md (python compare.py > compare.txt). ``compare`` is shared with round 27."""
import json
import statistics
from pathlib import Path

HERE = Path(__file__).parent


def compare(here: Path, label: str, name: str, exclude: tuple[str, ...] = ()) -> None:
    """Today's scored picks (``score.examN.today.json``) against the rule's (``score.examN.<label>.json``) in ``here``,
    the rows where the pick moved, and the pre-registered decision (mean regret 1 point lower, within-3% count not
    falling, no row worse by over 8 points). Rows of the ``exclude`` exams (``"exam24"``: the exam that motivated the
    rule) are listed and summarised beside, and count only toward the 8-point guard."""
    moved = []
    for today_path in sorted(here.glob("score.exam*.today.json"), key=lambda p: int(p.name.split(".")[1][4:])):
        exam = today_path.name.split(".")[1]
        a = json.loads(today_path.read_text())["rows"]
        b = {(r["workload"], r["data"]): r for r in json.loads((here / f"score.{exam}.{label}.json").read_text())["rows"]}
        for r in a:
            s = b.get((r["workload"], r["data"]))
            pa, pb = r.get("pick") or {}, (s or {}).get("pick") or {}
            if "lr" not in pa and "lr" not in pb:
                continue  # not probed in this round (the rule did not move it)
            if "regret" not in pa or "regret" not in pb:
                print(f"{exam:<7} {r['workload']:<28} {r['data']:<8} missing pick: today {'regret' in pa}, {name} {'regret' in pb}")
                continue
            if abs(pa["lr"] / pb["lr"] - 1) < 1e-6 and pa["warmup_steps"] == pb["warmup_steps"]:
                continue
            moved.append((exam, r["workload"], r["data"], pa["regret"], pb["regret"], r["long"]))
            print(f"{exam:<7} {r['workload']:<28} {r['data']:<8} today {pa['lr']:.3g}, {pa['warmup_steps']:>4}: {pa['regret']:+7.1%}"
                  f"   {name} {pb['lr']:.3g}, {pb['warmup_steps']:>4}: {pb['regret']:+7.1%}   best LR {r['best']['lr']:.3g}")
    print()
    for group, rows in (("all moved rows", moved), ("short", [m for m in moved if not m[5]]), ("long", [m for m in moved if m[5]])):
        summarise(group, rows)
    counted = [m for m in moved if m[0] not in exclude]
    if exclude and moved:
        summarise("counted (without " + ", ".join(exclude) + ")", counted)
    if counted:
        a, b = [m[3] for m in counted], [m[4] for m in counted]
        ok = (statistics.mean(b) <= statistics.mean(a) - 0.01 and sum(v <= 0.03 for v in b) >= sum(v <= 0.03 for v in a)
              and max(m[4] - m[3] for m in moved) <= 0.08)
        print(f"\ndecision (pre-registered): {'ADOPTED' if ok else 'not adopted'}")


def summarise(group: str, rows: list[tuple]) -> None:
    """One line: the rows' regrets today -> under the rule."""
    if not rows:
        return
    a, b = [m[3] for m in rows], [m[4] for m in rows]
    print(f"{group}: {len(rows)}; mean {statistics.mean(a):+.2%} -> {statistics.mean(b):+.2%}, median {statistics.median(a):+.2%} -> "
          f"{statistics.median(b):+.2%}, within 3% {sum(v <= 0.03 for v in a)} -> {sum(v <= 0.03 for v in b)}, "
          f"better by >1pt {sum(y < x - 0.01 for x, y in zip(a, b))}, worse by >1pt {sum(y > x + 0.01 for x, y in zip(a, b))}, "
          f"worst change {max(y - x for x, y in zip(a, b)):+.1%}")


if __name__ == "__main__":
    compare(HERE, "tieup", "tie-up")
