"""Round 66 in the product, reported and deciding nothing (`../../exam107_preregistration.md`): each RAdam long row's
first scoring (set A: a quarter of the re-rank's best) beside the halved pick it replaced (twice A's LR: set H, round
67's ``double.py``, where H differs from S), from exam 105 on. From exam 111 on no set H was made: round 69 made the
advice's second run (set S) twice the pick, so S's RAdam long rows stand in for H.

    python benchmarks/results/experiments/round66/product_rows.py 105 106 107 108 109 110 111 112 113 114 115 116 > benchmarks/results/experiments/round66/product_rows.txt
"""
import glob
import importlib.util
import json
import statistics
import sys
from pathlib import Path

# round 67's decide.py under its own name (round 52's revert.py imports a module called decide)
_spec = importlib.util.spec_from_file_location("round67_decide", Path(__file__).resolve().parent.parent / "round67" / "decide.py")
_r67 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r67)
_r56 = _r67._r56


def rows(exams: list[int]) -> dict[str, list[tuple[int, str, float, float, float, float]]]:
    """Round 67's ``rows`` (exam, plan, A, S, H, seed noise) where the exam has a set H; else S as H on its RAdam long
    rows (round 69's advice, twice the pick)."""
    out: dict[str, list] = {"eval": [], "no-eval": []}
    for exam in exams:
        if glob.glob(f"benchmarks/results/exam{exam}/picks.*.double.jsonl"):
            for data, found in _r67.rows([exam]).items():
                out[data] += found
            continue
        a, s, noise = _r56.regrets(exam, ""), _r56.regrets(exam, ".second"), _r56.seed_noise(exam)
        scored = json.load(open(_r56.one_file(exam, "score", "", "json")))["rows"]
        radam = {(r["workload"], r["data"]) for r in scored if r["optimizer"].startswith("radam")}
        for k in sorted(k for k in _r56.moved(exam, ".second") if k in radam and k in s):
            out[k[1]].append((exam, k[0], a[k], s[k], s[k], noise[k]))
    return out

if __name__ == "__main__":
    for data, found in rows([int(a) for a in sys.argv[1:]]).items():
        for exam, name, a, s, h, sd in found:
            print(f"  exam {exam} {data:<8} {name:<32} quarter (A) {a:+8.1%}   half (2x A) {h:+8.1%}   seed noise {sd:.1%}")
        if found:
            a, h = [r[2] for r in found], [r[4] for r in found]
            print(f"{data}: {len(found)} rows; median quarter {statistics.median(a):+.1%}, half {statistics.median(h):+.1%}; "
                  f"within 3% {sum(x <= 0.03 for x in a)} / {sum(x <= 0.03 for x in h)}; over 8% "
                  f"{sum(x > 0.08 for x in a)} / {sum(x > 0.08 for x in h)}")
