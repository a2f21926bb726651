"""Round 86's read (descriptive on spent exams 135-138, deciding nothing): set X (`lookup.patch`: the longer look goes
on one rung, then a second, above its largest LR while that LR measures best) against set A as made at each exam's
time, both read off the full-length grids (round 23's interpolation in log LR, at the pick's warmup), with A's scored
regret beside. Rows: the seven plans `reprobe.sh` re-probed (both regimes). Run from the repository root:
    python benchmarks/results/experiments/round86/readoff.py > benchmarks/results/experiments/round86/readoff.txt
"""
import json, math, statistics, sys
from pathlib import Path
sys.path[:0]=['.', 'benchmarks/results/experiments/round23']
from coverage import grid_means, loss_at
RES=Path('benchmarks/results')
A={135:'e79e7b1',137:'26ed138',138:'94aafeb'}
rows=[]
for n,h in A.items():
    a={(d['name'],d['data']):d for d in map(json.loads, open(RES/f'exam{n}/picks.{h}.jsonl'))}
    sc={(r['workload'],r['data']):r for r in json.load(open(RES/f'exam{n}/score.{h}.json'))['rows']}
    for d in map(json.loads, open(f'benchmarks/results/experiments/round86/picks/picks{n}.jsonl')):
        k=(d['name'],d['data']); pa=a[k]; r=sc[k]
        g=grid_means(RES/f'exam{n}', d['name'])
        ra=loss_at(g, pa['peak_lr'], pa['warmup_steps']/300); rx=loss_at(g, d['peak_lr'], d['warmup_steps']/300)
        bl=r['best']['loss']
        rows.append((n,k,pa['peak_lr']/r['best']['lr'], d['peak_lr']/pa['peak_lr'], r['pick']['regret'], ra/bl-1, rx/bl-1, pa['probe_steps'], d['probe_steps'], r['seed_noise']))
for n,k,rat,mv,sa,ra,rx,ca,cx,sd in rows:
    print(f"{n} {k[1]:7s} {k[0][:28]:28s} A/best {rat:4.2f} X/A {mv:4.2f} A scored {sa:+6.1%} read A {ra:+6.1%} X {rx:+6.1%} steps {ca}->{cx} noise {sd:.1%}")
mv=[r for r in rows if abs(r[3]-1)>1e-6]
print('moved', len(mv), 'of', len(rows))
for data in ('eval','no-eval'):
    m=[r for r in mv if r[1][1]==data]
    if m: print(data, len(m), 'read A med %+.1f%% X med %+.1f%%'%(100*statistics.median([r[5] for r in m]),100*statistics.median([r[6] for r in m])), 'X better', sum(r[6]<r[5]-0.01 for r in m), 'worse', sum(r[6]>r[5]+0.01 for r in m))
