"""Round 12 (offline, recorded recipes of exams 4-13 first-scoring sets): would the screen ladder stop earlier without
the rule that it must cover the range test's steepest point, and would the re-rank's centre b move?

Approximations: the ranking loss is the recipe's eval_loss (or loss); "learned" uses the smoothed range curve's first
and lowest points; a recipe whose re-rank centre differs from the recomputed b is skipped.
Run from the repository root: python benchmarks/results/experiments/round12/screen_stop.py
"""
import json,glob,re,collections,math,statistics as st
def load():
    out=[]
    for ex in range(4,15):
        for d in glob.glob(f'benchmarks/results/exam{ex}/picks.*.recipes'):
            if not re.search(r'picks\.[0-9a-f]{7}(\.rr3)?\.recipes$',d): continue
            for f in glob.glob(d+'/*.json'):
                out.append((ex,f,json.load(open(f))))
    return out
def q(p):
    v=p['eval_loss'] if p.get('eval_loss') is not None else p['loss']
    return math.inf if v is None else v
def stable(p): return p['failed'] is None and p['diverged_step'] is None and math.isfinite(q(p))
res=collections.Counter(); saved=[]; changed=[]
for ex,f,r in load():
    T=r['settings']['total_steps']
    sc=[p for p in r['evidence']['probes'] if p['stage']=='screen']
    rr=[p for p in r['evidence']['probes'] if p['stage']=='rerank']
    if not sc or not rr: continue
    c=r['evidence']['lr_range_test']['curve']['smoothed']
    start,low=c[0],min(c)
    fell= start-low > 0.02*abs(start)
    def learned(p): return stable(p) and ((not fell) or start-p['loss']>=0.3*(start-low))
    def b_of(prefix):
        s=[p for p in prefix if stable(p)]
        return min(s,key=q)['peak_lr'] if s else None
    full_b=b_of(sc)
    if not math.isclose(full_b, rr[0]['peak_lr'], rel_tol=1e-6): res['b mismatch']+=1; continue
    stop=len(sc)
    for k in range(1,len(sc)+1):
        pre=sc[:k]
        if not any(learned(p) for p in pre): continue
        fin=[q(p) for p in pre if math.isfinite(q(p))]
        best=min(fin)
        tail=pre[-2:]
        if len(pre)>2 and all(stable(p) and q(p)>best*1.03 for p in tail):
            stop=k; break
    nb=b_of(sc[:stop])
    key=('long' if T>=3000 else 'short')
    if math.isclose(nb,full_b,rel_tol=1e-6): res[(key,'same b')]+=1
    else: res[(key,'b changes')]+=1; changed.append((ex,f.split('/')[-1],nb/full_b))
    saved.append((key,(len(sc)-stop)*sc[0]['horizon']/T, len(sc)-stop))
print(res)
for key in ('short','long'):
    v=[s for k,s,_ in saved if k==key]; n=[s for k,_,s in saved if k==key]
    print(key, 'runs saved median',round(st.median(v),3),'mean',round(st.mean(v),3),'rungs mean',round(st.mean(n),2), 'share>0', sum(x>0 for x in n)/len(n))
for c in changed: print(c)
