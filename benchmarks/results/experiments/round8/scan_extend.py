"""Round 8b: recipes and tune picks whose re-rank best is the smallest stable LR with only failed probes below it."""
import json, glob, math, sys
def q(p):
    v = p['eval_loss'] if p['eval_loss'] is not None else p['loss']
    return v
def check(name, probes, pick_lr):
    rr=[p for p in probes if p['stage']=='rerank']
    if not rr: return
    stable=[p for p in rr if p['failed'] is None]
    if not stable: return
    best=min(stable,key=lambda p:(q(p),p['peak_lr']))
    below=[p for p in rr if p['peak_lr']<best['peak_lr']*(1-1e-9)]
    stable_below=[p for p in below if p['failed'] is None]
    if below and not stable_below:
        print(name, 'best %.3g'%best['peak_lr'], 'below:', ['%.3g %s'%(p['peak_lr'],p['failed']) for p in below], 'pick %.3g'%pick_lr)
for f in sorted(glob.glob('benchmarks/results/exam*/picks.*.recipes/*.json'))+sorted(glob.glob('benchmarks/results/exam*/after/*.recipes/*.json')):
    r=json.load(open(f))
    if r.get('recommendation'): check(f.split('results/')[1], r['evidence']['probes'], r['recommendation']['peak_lr'])
for f in sorted(glob.glob('benchmarks/results/experiments/round6/picks.tune-t3-default*.jsonl'))+sorted(glob.glob('benchmarks/results/experiments/round7/picks.doubling-t3*.jsonl')):
    for line in open(f):
        p=json.loads(line)
        if p.get('probes') and p.get('peak_lr'): check(f.split('/')[-1]+':'+p['workload'], p['probes'], p['peak_lr'])
