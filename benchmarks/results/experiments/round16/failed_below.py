"""Round 16 (offline, recorded recipes of the pooled first scorings): do picks with a failed probe below them do worse?

    python benchmarks/results/experiments/round16/failed_below.py   # from the repository root; writes nothing
"""
import json, sys, statistics
sys.path.insert(0,'benchmarks')
import exam_pool as P
rows = P.rows()
flag, noflag = [], []
for r in rows:
    exam = r['exam']; rel = dict((e, f) for e, f, _ in P.FIRST_SCORINGS)[exam]
    picks = 'benchmarks/results/' + rel.replace('score.', 'picks.').replace('.json', '.jsonl')
    pk = next((json.loads(l) for l in open(picks) if json.loads(l)['name'] == r['workload'] and json.loads(l)['data'] == r['data']), None)
    if not pk or not pk.get('peak_lr') or not pk.get('recipe'):
        continue
    try:
        rec = json.load(open(pk['recipe']))
    except FileNotFoundError:
        continue
    lr = rec['recommendation']['peak_lr']
    below = [p for p in rec['evidence']['probes'] if p.get('failed') and p['peak_lr'] < lr * (1 - 1e-6) and p['stage'] in ('screen', 'rerank')]
    reg = r['pick'].get('regret')
    if reg is None or r['pick'].get('diverged'):
        continue
    (flag if below else noflag).append((reg, exam, r['workload'], r['data'], len(below), [ (p['stage'], round(p['peak_lr']/lr,3), p['failed']) for p in below][:4]))
for name, g in (('flagged', flag), ('not flagged', noflag)):
    regs = [x[0] for x in g]
    print(name, len(g), 'median %+.1f%%' % (100*statistics.median(regs)), 'over 8%%: %d' % sum(x > 0.08 for x in regs), 'within 3%%: %d' % sum(x <= 0.03 for x in regs))
for x in sorted(flag, reverse=True): print('  %+.1f%%' % (100*x[0]), x[1:])
