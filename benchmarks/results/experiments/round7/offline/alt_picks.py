"""Offline (round 7): re-choose among a picks file's recipes' measured re-rank probes by the tie band; write a picks
jsonl. Usage: alt_picks.py up|mid BAND PICKS.jsonl OUT.jsonl (run from the repository root)."""
import json, math, sys
from pathlib import Path
def q(p):
    v = p['eval_loss'] if p['eval_loss'] is not None else p['loss']
    return v if (p['failed'] is None and v is not None and math.isfinite(v)) else math.inf
def alt(recipe, rule, delta):
    ev = recipe['evidence']; T = recipe['settings']['total_steps']
    rr = [p for p in ev['probes'] if p['stage'] == 'rerank' and math.isfinite(q(p))]
    if not rr: return None
    best = min(rr, key=lambda p: (q(p), p['peak_lr']))
    band = [p for p in rr if q(p) <= q(best) * (1 + delta)]
    if rule == 'up':
        top = max(p['peak_lr'] for p in band)
        ch = min((p for p in band if math.isclose(p['peak_lr'], top, rel_tol=1e-6)), key=q)
    elif rule == 'mid':
        lrs = sorted({p['peak_lr'] for p in band}); g = math.sqrt(lrs[0] * lrs[-1])
        ch = min(band, key=lambda p: (abs(math.log(p['peak_lr'] / g)), q(p)))
    if ch is best: return None
    # keep the fraction of the probe's warmup
    return ch['peak_lr'], int(round(ch['warmup_steps'] / ch['horizon'] * T)), best
rule, delta, src, out = sys.argv[1], float(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
n = 0; lines = []
for line in src.read_text().splitlines():
    p = json.loads(line)
    if p.get('peak_lr') is not None and p.get('recipe'):
        r = json.loads(Path(p['recipe']).read_text())
        a = alt(r, rule, delta)
        if a:
            n += 1; lr, wu, best = a
            print(f"  {p['name']:28s} {p['data']:8s} {p['peak_lr']:.3g}/{p['warmup_steps']} -> {lr:.3g}/{wu}", file=sys.stderr)
            p = dict(p, peak_lr=lr, warmup_steps=wu)
    lines.append(json.dumps(p))
out.write_text('\n'.join(lines) + '\n'); print(n, 'changed', file=sys.stderr)
