"""Rounds 10, 11, 13 and 14: the pooled first scorings with every moved pick replaced by its offline re-scoring (a tag: wu5
in round 10; w1, w2, t1 in round 11; adagrad-2, adagrad-sqrtT in round 13; g0.25, g0.5 in round 14, given that folder).

    python benchmarks/results/experiments/round10/compare.py wu5   # from the repository root
    python benchmarks/results/experiments/round10/compare.py w1 benchmarks/results/experiments/round11
"""
import json,sys,statistics,math,os
sys.path.insert(0,'benchmarks')
import exam_pool as P
tag=sys.argv[1] if len(sys.argv)>1 else 'wu5'
folder=sys.argv[2] if len(sys.argv)>2 else 'benchmarks/results/experiments/round10'
rows=P.rows()
alt={}
for exam,rel,capped in P.FIRST_SCORINGS:
    d=rel.split('/')[0]
    f=f'{folder}/score.{d}.{tag}.json'
    if not os.path.exists(f): continue
    for r in json.load(open(f))['rows']:
        if 'pick' in r and 'regret' in r['pick']:
            alt[(exam,r['workload'],r['data'])]=r['pick']
def reg(p): return math.inf if p['diverged'] or p.get('no_recommendation') else p['regret']
changed=[]
for plans in ('short','long'):
    for data in ('eval','no-eval'):
        g=[r for r in rows if r['long']==(plans=='long') and r['data']==data]
        a=[reg(r['pick']) for r in g]
        b=[reg(alt.get((r['exam'],r['workload'],r['data']),r['pick'])) for r in g]
        n=sum((r['exam'],r['workload'],r['data']) in alt for r in g)
        print(f"{plans:5} {data:7} n={len(g)} moved={n}  median {100*statistics.median(a):+.2f}% -> {100*statistics.median(b):+.2f}%  p75 {100*P.quantile(a,.75):+.1f}% -> {100*P.quantile(b,.75):+.1f}%  p90 {100*P.quantile(a,.9):+.1f}% -> {100*P.quantile(b,.9):+.1f}%  within3 {sum(x<=0.03 for x in a)} -> {sum(x<=0.03 for x in b)}  better/worse(>1pt) {sum(y<x-0.01 for x,y in zip(a,b))}/{sum(y>x+0.01 for x,y in zip(a,b))}")
        for r,x,y in zip(g,a,b):
            if (r['exam'],r['workload'],r['data']) in alt and abs(y-x)>0.02: changed.append((r['exam'],r['workload'],r['data'],x,y))
for c in changed: print('  %s %s %s %+.1f%% -> %+.1f%%'%(c[0],c[1],c[2],100*c[3],100*c[4]))
