"""Round 12 (offline): where a probe's steps go, in full runs, over the recorded recipes of the exams' first-scoring
sets (exams 4-14, both regimes): the range test and the constant-LR check (``other``), the screen ladder, the re-rank
(with its extensions and refinement).

    python benchmarks/results/experiments/round12/cost_breakdown.py
"""
import collections
import statistics as st

from screen_stop import recipes

rows = collections.defaultdict(list)
for _, _, r in recipes():
    T = r['settings']['total_steps']
    c = collections.Counter()
    for p in r['evidence']['probes']:
        c[p['stage']] += p['steps']
        c['n ' + p['stage']] += 1
    c['other'] = r['cost']['probe_steps'] - c['screen'] - c['rerank'] - c['check']
    rows['long' if T >= 3000 else 'short'].append({k: (v if k.startswith('n ') else v / T) for k, v in c.items()}
                                                 | {'total': r['cost']['full_run_equivalents']})
for plans, rs in rows.items():
    print(f'{plans} ({len(rs)} recipes): ' + ', '.join(
        f'{k} median {st.median(r.get(k, 0) for r in rs):.2f} mean {st.mean(r.get(k, 0) for r in rs):.2f}'
        for k in ('other', 'screen', 'n screen', 'rerank', 'n rerank', 'check', 'total')))
