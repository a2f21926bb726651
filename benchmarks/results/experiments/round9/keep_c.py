"""Offline (round 9): where the refinement midpoint (sqrt 2 above the best c) failed and the margin then moved the pick
below c, put the pick back at c (its LR and warmup fraction); write a picks jsonl with only those workloads.

    python benchmarks/results/experiments/round9/keep_c.py <exam picks.jsonl> <out.jsonl>   # prints their names
"""
import json, math, sys, glob, os
def q(p): return p['eval_loss'] if p.get('eval_loss') is not None else p['loss']
def c_of(probes):
    rr=[p for p in probes if p['stage']=='rerank']
    if not rr: return None
    m=rr[-1]
    for c in rr[:-1]:
        if abs(m['peak_lr']/c['peak_lr']-math.sqrt(2))<1e-3 and abs(m['warmup_steps']/m['horizon']-c['warmup_steps']/c['horizon'])<0.02 and m.get('failed'):
            return c
src, out = sys.argv[1], sys.argv[2]
lines=[]; names=set()
for l in open(src):
    p=json.loads(l)
    rec=p.get('recipe')
    if rec and os.path.exists(rec):
        r=json.load(open(rec)); c=c_of(r['evidence']['probes'])
        T=p['total_steps']
        if c is not None and p['peak_lr'] < c['peak_lr']*(1-1e-6):
            frac=c['warmup_steps']/c['horizon']
            p=dict(p, peak_lr=c['peak_lr'], warmup_steps=int(round(frac*T)))
            names.add(p['name'])
            lines.append(json.dumps(p))
open(out,'w').write('\n'.join(lines)+'\n')
print(' '.join(sorted(names)))
