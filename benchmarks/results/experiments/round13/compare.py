"""Round 13: the scaled picks' full-run regrets beside the first scorings' (exam_pool rows), per row and pooled.

    python benchmarks/results/experiments/round13/compare.py TAG     # TAG: adagrad-2, adagrad-sqrtT
"""
import glob
import json
import statistics as st
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
import exam_pool  # noqa: E402

tag = sys.argv[1]
moved = {}
for f in glob.glob(str(HERE / f'score.exam*.{tag}.json')):
    exam = 'exam ' + Path(f).name.split('.')[1][4:]
    for r in json.load(open(f))['rows']:
        if 'pick' in r:
            moved[(exam, r['workload'], r['data'])] = r
rows = exam_pool.rows()
pairs = []
for r in rows:
    new = moved.get((r['exam'], r['workload'], r['data']))
    if new is None:
        continue
    pairs.append((r, new))
    print(f"{r['exam']:8} {r['workload']:24} {r['data']:8} {exam_pool.pct(exam_pool.row_regret(r)):>8} -> "
          f"{exam_pool.pct(exam_pool.row_regret(new)):>8}  (LR / best {r['pick']['lr_ratio']:.2f} -> {new['pick']['lr_ratio']:.2f})")
for long in (False, True):
    for data in ('eval', 'no-eval'):
        ps = [(a, b) for a, b in pairs if a['long'] == long and a['data'] == data]
        if not ps:
            continue
        old = [exam_pool.row_regret(a) for a, _ in ps]
        new = [exam_pool.row_regret(b) for _, b in ps]
        better = sum(n < o - 0.01 for o, n in zip(old, new))
        worse = sum(n > o + 0.01 for o, n in zip(old, new))
        print(f"{'long' if long else 'short'} {data}: {len(ps)} rows, median {exam_pool.pct(st.median(old))} -> "
              f"{exam_pool.pct(st.median(new))}, mean {exam_pool.pct(st.mean(old))} -> {exam_pool.pct(st.mean(new))}, "
              f"better / worse by > 1 point {better} / {worse}")
