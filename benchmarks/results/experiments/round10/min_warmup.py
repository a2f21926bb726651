"""Offline (round 10): every no-warmup pick given a warmup of FRAC of the plan at the same peak LR; write those picks.

    python benchmarks/results/experiments/round10/min_warmup.py <exam picks.jsonl> <out.jsonl> 0.05   # prints their names
"""
import json, sys
src, out, frac = sys.argv[1], sys.argv[2], float(sys.argv[3])
lines = []; names = set()
for l in open(src):
    p = json.loads(l)
    if p.get('peak_lr') and p.get('warmup_steps') == 0:
        p = dict(p, warmup_steps=int(round(frac * p['total_steps'])))
        names.add(p['name']); lines.append(json.dumps(p))
open(out, 'w').write('\n'.join(lines) + '\n')
print(' '.join(sorted(names)))
