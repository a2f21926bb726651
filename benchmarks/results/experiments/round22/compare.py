"""Round 22: today's picks against the shared-spike rule's, row by row (python compare.py > compare.txt)."""
import json
from pathlib import Path

HERE = Path(__file__).parent
moved, rows = [], []
for exam in (19, 10, 16):
    a = json.loads((HERE / f"score.exam{exam}.today.json").read_text())["rows"]
    b = {(r["workload"], r["data"]): r for r in json.loads((HERE / f"score.exam{exam}.shared.json").read_text())["rows"]}
    for r in a:
        s = b[(r["workload"], r["data"])]
        def cell(x):
            p = x.get("pick") or {}
            if "regret" not in p:
                return "no pick", None
            return f"{p['lr']:.3g}, {p['warmup_steps']}: {p['regret']:+.1%}", p["regret"]
        ta, ra = cell(r)
        tb, rb = cell(s)
        same = ta.split(":")[0] == tb.split(":")[0]
        print(f"exam {exam:>2}  {r['workload']:<26} {r['data']:<8} today {ta:<26} shared {tb:<26} {'same' if same else 'MOVED'}")
        if not same:
            moved.append((ra, rb))
print()
print(f"moved rows: {len(moved)}")
ok = [(a, b) for a, b in moved if a is not None and b is not None]
if ok:
    ma, mb = sum(a for a, _ in ok) / len(ok), sum(b for _, b in ok) / len(ok)
    print(f"mean regret over moved rows with a pick in both: today {ma:+.2%}, shared {mb:+.2%}; worst change {max(b - a for a, b in ok):+.2%}")
