# Round 22 scan: recorded recipes holding a probe the shared-spike rule would stop counting as a failure.
# Run from the repository root: python benchmarks/results/experiments/round22/scan.py > benchmarks/results/experiments/round22/scan.txt
import json,glob,os,collections
def fires(probes):
    hits=[]
    for p in probes:
        if p.get("failed")!="spiked": continue
        s=p.get("spike")
        if not isinstance(s,dict): continue
        st=s.get("start_step", s.get("step"))
        if st is None or st < p["horizon"]/4: continue
        for q in probes:
            if q is p or q["stage"]!=p["stage"] or q["horizon"]!=p["horizon"] or q.get("seed",0)!=p.get("seed",0): continue
            if q["peak_lr"] > p["peak_lr"]/2*(1+1e-9): continue
            t=q.get("spike")
            if not isinstance(t,dict): continue
            tt=t.get("start_step",t.get("step"))
            if tt is not None and abs(tt-st)<=5:
                hits.append((p["stage"],p["peak_lr"],p["warmup_steps"],st,q["peak_lr"],tt)); break
    return hits
rows=collections.defaultdict(list)
for d in sorted(glob.glob("benchmarks/results/**/*.recipes",recursive=True)):
    if "round22" in d: continue
    for f in sorted(glob.glob(d+"/*.json")):
        try: r=json.load(open(f))
        except Exception: continue
        probes=(r.get("evidence") or {}).get("probes") or []
        h=fires(probes)
        if h: rows[os.path.basename(f)].append((d,h))
n=0
for k,v in sorted(rows.items()):
    print(k, len(v))
    for d,h in v[:3]: print("   ",d.replace("benchmarks/results/",""),h[:3])
print(len(rows))
