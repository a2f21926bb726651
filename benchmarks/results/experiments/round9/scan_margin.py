"""Round 9: which committed recipes would the margin move if only failures at the choice's own warmup counted
(MARGIN_SAME_WARMUP)? Reconstructs each recipe's measured best from its probes; prints the ones that change.

    python benchmarks/results/experiments/round9/scan_margin.py   # from the repository root
"""
import json,glob,math,os
def frac(p): return p['warmup_steps']/p['horizon'] if p['horizon'] else 0
def q(p): return p['eval_loss'] if p.get('eval_loss') is not None else p['loss']
def analyze(name, probes, pick_lr, expl):
    rr=[p for p in probes if p['stage']=='rerank' and not p.get('failed') and q(p) is not None and math.isfinite(q(p))]
    if not rr: return
    best=min(rr,key=lambda p:(q(p),p['peak_lr']))
    fb=frac(best)
    if fb==0: return
    fails=[p for p in probes if p.get('failed') and p['peak_lr']>best['peak_lr']*(1+1e-9)]
    cur=[p for p in fails if frac(p)<=fb+1e-9]
    new=[p for p in fails if abs(frac(p)-fb)<0.02]
    lc=min((p['peak_lr'] for p in cur),default=None); ln=min((p['peak_lr'] for p in new),default=None)
    mc= lc is not None and best['peak_lr']>lc/2*(1+1e-9)
    mn= ln is not None and best['peak_lr']>ln/2*(1+1e-9)
    if mc!=mn:
        print(f"{name:60} best {best['peak_lr']:.4g}@{fb:.2f} cur-edge {lc} new-edge {ln} pick {pick_lr:.4g}")
for f in sorted(glob.glob('benchmarks/results/experiments/round8/picks.tune-extend*.jsonl'))+['benchmarks/results/suite_picks.jsonl']+sorted(glob.glob('benchmarks/results/tune_long/*.jsonl')):
    if not os.path.exists(f): continue
    for l in open(f):
        r=json.loads(l)
        if 'probes' in r: analyze(os.path.basename(f)[:28]+':'+r['workload'], r['probes'], r['peak_lr'], r['explanation'])
for f in sorted(glob.glob('benchmarks/results/exam*/picks*.recipes/*.json')):
    r=json.load(open(f))
    analyze(f.replace('benchmarks/results/','')[:60], r['evidence']['probes'], r['recommendation']['peak_lr'], r['recommendation']['explanation'])
