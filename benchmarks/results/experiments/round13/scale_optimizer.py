"""Round 13 (offline, spent exams): the first-scoring picks of one optimizer family with their peak LR scaled.

    python benchmarks/results/experiments/round13/scale_optimizer.py <exam picks.jsonl> <registry> <out.jsonl> PREFIX FACTOR
    # FACTOR a number, or "sqrtT" for sqrt(plan / re-rank horizon) read from each pick's recipe; prints the names moved
"""
import importlib
import json
import math
import sys
from pathlib import Path

src, registry, out, prefix, factor = sys.argv[1:6]
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
reg = importlib.import_module(registry)
lines, names = [], set()
for line in open(src):
    p = json.loads(line)
    w = reg.get(p['name'])
    if not p.get('peak_lr') or not w.optimizer.startswith(prefix):
        continue
    if factor == 'sqrtT':
        recipe = json.load(open(p['recipe']))
        h = next(q['horizon'] for q in recipe['evidence']['probes'] if q['stage'] == 'rerank')
        f = math.sqrt(p['total_steps'] / h)
    else:
        f = float(factor)
    lines.append(json.dumps(dict(p, peak_lr=p['peak_lr'] * f)))
    names.add(p['name'])
open(out, 'w').write('\n'.join(lines) + '\n')
print(' '.join(sorted(names)))
