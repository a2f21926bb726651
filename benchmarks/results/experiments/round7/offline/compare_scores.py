"""Offline (round 7): two exam.py score.json files of the same exam, per group and per moved pick."""
import json, sys, statistics, math
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
def rows(rep): return {(r['workload'], r['data']): r for r in rep['rows'] if 'pick' in r}
ra, rb = rows(a), rows(b)
for part in ('short', 'long'):
  for data in ('eval', 'no-eval'):
    A=[];B=[];W=[]
    for k in ra:
        if k[1]!=data or ra[k]['long']!=(part=='long'): continue
        x=ra[k]['pick'].get('regret',math.inf); y=rb[k]['pick'].get('regret',math.inf)
        A.append(x);B.append(y)
        if abs(x-y)>1e-9: print(f"   {k[0]:26s} {data:8s} {x:+.1%} -> {y:+.1%}  lr x{rb[k]['pick']['lr']/ra[k]['pick']['lr']:.2f} (ratio to best {rb[k]['pick']['lr_ratio']:.2f})")
    if A: print(f"{part:5s} {data:8s} n={len(A)} median {statistics.median(A):+.1%} -> {statistics.median(B):+.1%}  worst {max(A):+.1%} -> {max(B):+.1%}  within3 {sum(x<=0.03 for x in A)} -> {sum(x<=0.03 for x in B)}")
