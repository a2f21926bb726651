"""Offline (round 11): re-choose among a recipe's own measured re-rank probes (no re-probing). Rule W: a no-warmup pick that
is the measured best moves to the largest-LR warmup candidate above it within TAU of its score; rule T: any such pick
moves to the largest-LR candidate within TAU. The margin is kept (2x below a failure at the same warmup).

    python benchmarks/results/experiments/round11/rechoose.py W 0.01 <exam picks.jsonl> <out.jsonl>   # prints names
"""
import json, sys, math
rule, tau, src, out = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
def q(p): return p['eval_loss'] if p.get('eval_loss') is not None else p['loss']
def frac(p): return p['warmup_steps'] / p['horizon'] if p['horizon'] else 0.0
lines = []; names = set()
for l in open(src):
    p = json.loads(l)
    if not p.get('recipe') or not p.get('peak_lr'):
        continue
    r = json.load(open(p['recipe'])); probes = r['evidence']['probes']; T = p['total_steps']
    rr = [x for x in probes if x['stage'] == 'rerank' and not x.get('failed') and q(x) is not None and math.isfinite(q(x))]
    if not rr: continue
    best = min(rr, key=lambda x: (q(x), x['peak_lr']))
    if not math.isclose(best['peak_lr'], p['peak_lr'], rel_tol=1e-6) or int(round(frac(best) * T)) != p['warmup_steps']:
        continue  # moved by the margin, the check or the warmup margin: left alone
    if rule == 'W' and p['warmup_steps'] != 0: continue
    cands = [x for x in rr if q(x) <= q(best) * (1 + tau) and x['peak_lr'] > best['peak_lr'] * (1 + 1e-9)
             and (rule == 'T' or frac(x) > 0.01)]
    def safe(x):
        return not any(f.get('failed') and abs(frac(f) - frac(x)) < 0.02 and x['peak_lr'] * (1 + 1e-9) < f['peak_lr'] < 2 * x['peak_lr'] * (1 - 1e-9) for f in probes)
    cands = [x for x in cands if safe(x)]
    if not cands: continue
    new = max(cands, key=lambda x: (x['peak_lr'], -q(x)))
    p = dict(p, peak_lr=new['peak_lr'], warmup_steps=int(round(frac(new) * T)))
    names.add(p['name']); lines.append(json.dumps(p))
open(out, 'w').write('\n'.join(lines) + ('\n' if lines else ''))
print(' '.join(sorted(names)))
