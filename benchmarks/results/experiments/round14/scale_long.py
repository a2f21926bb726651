"""Round 14 (offline, spent exams): the first-scoring picks of long plans with their peak LR scaled by the horizon
correction pre-registered for exam 16, (h / (RERANK_FRACTION x T)) ** g, h the recorded re-rank horizon, wherever the
half-run cap shortened it (h below RERANK_FRACTION x T). Exact offline: the correction acts after every probe.

    python benchmarks/results/experiments/round14/scale_long.py <exam picks.jsonl> <out.jsonl> G
    # prints the names moved (for exam.py --only)
"""
import json
import sys

RERANK_FRACTION = 1 / 3  # warmfind.defaults.RERANK_FRACTION at the frozen commits of exams 7-15

src, out, g = sys.argv[1], sys.argv[2], float(sys.argv[3])
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    if not p.get('peak_lr'):
        continue
    recipe = json.load(open(p['recipe']))
    h = next(q['horizon'] for q in recipe['evidence']['probes'] if q['stage'] == 'rerank')
    full = int(RERANK_FRACTION * p['total_steps'])  # as SearchPlan.for_run rounds it
    if h >= full:
        continue
    lines.append(json.dumps(dict(p, peak_lr=p['peak_lr'] * (h / full) ** g)))
    names.add(p['name'])
open(out, 'w').write('\n'.join(lines) + '\n')
print(' '.join(sorted(names)))
