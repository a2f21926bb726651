"""Round 12 (offline, recorded recipes of the exams' first-scoring sets, exams 4-14): would the screen ladder stop
earlier under another rule, and would the re-rank's centre b move?

Rules:
- ``no-cover``: without the requirement that the ladder covers the range test's steepest point: stop once a learned
  stable best has two stable rungs below it, each over 3% worse (``keep_descending`` alone);
- ``steep K RATIO``: stop after K stable rungs below a learned best, each worse than the one above and each at least
  RATIO x the best (a steep arm).

Wherever b is unchanged the re-rank probes (same snapshot, same data seed) and so the pick are unchanged too, except
through rules that read screen rungs below b (none of the re-rank's choice rules do; the audit projection does).
Approximations: the ranking loss is the recipe's eval_loss (or loss); "learned" uses the smoothed range curve's first
and lowest points; a recipe whose re-rank centre differs from the recomputed b is skipped.

    python benchmarks/results/experiments/round12/screen_stop.py no-cover
    python benchmarks/results/experiments/round12/screen_stop.py steep 3 1.5
"""
import collections
import glob
import json
import math
import re
import statistics as st
import sys


def recipes():
    """(exam, path, recipe) for every recipe of the exams' first-scoring pick sets."""
    for ex in range(4, 15):
        for d in glob.glob(f'benchmarks/results/exam{ex}/picks.*.recipes'):
            if re.search(r'picks\.[0-9a-f]{7}(\.rr3)?\.recipes$', d):
                for f in sorted(glob.glob(d + '/*.json')):
                    yield ex, f, json.load(open(f))


def q(p):
    v = p['eval_loss'] if p.get('eval_loss') is not None else p['loss']
    return math.inf if v is None else v


def stable(p):
    return p['failed'] is None and p['diverged_step'] is None and math.isfinite(q(p))


def no_cover_stop(screen, learned):
    for k in range(1, len(screen) + 1):
        pre = screen[:k]
        if not any(learned(p) for p in pre):
            continue
        best = min(q(p) for p in pre)
        if len(pre) > 2 and all(stable(p) and q(p) > best * 1.03 for p in pre[-2:]):
            return k
    return len(screen)


def steep_stop(screen, learned, rungs, ratio):
    for k in range(rungs + 1, len(screen) + 1):
        pre = screen[:k]
        fin = [s for s in pre if stable(s)]
        if not fin:
            continue
        best = min(fin, key=q)
        if not learned(best):
            continue
        tail, above = pre[-rungs:], pre[-rungs - 1]
        losses = [q(above)] + [q(s) for s in tail]
        if (all(stable(s) for s in tail) and best in pre[:-rungs] and all(b > a for a, b in zip(losses, losses[1:]))
                and all(q(s) >= ratio * q(best) for s in tail)):
            return k
    return len(screen)


def main(argv):
    rule = argv[0] if argv else 'no-cover'
    if rule == 'steep':
        rungs, ratio = int(argv[1]), float(argv[2])
        stop_at = lambda screen, learned: steep_stop(screen, learned, rungs, ratio)  # noqa: E731
    else:
        stop_at = no_cover_stop
    res = collections.Counter()
    saved = collections.defaultdict(list)
    changed = []
    for ex, f, r in recipes():
        T = r['settings']['total_steps']
        sc = [p for p in r['evidence']['probes'] if p['stage'] == 'screen']
        rr = [p for p in r['evidence']['probes'] if p['stage'] == 'rerank']
        if not sc or not rr:
            continue
        c = r['evidence']['lr_range_test']['curve']['smoothed']
        start, low = c[0], min(c)
        fell = start - low > 0.02 * abs(start)

        def learned(p):
            return stable(p) and ((not fell) or start - p['loss'] >= 0.3 * (start - low))

        def b_of(prefix):
            s = [p for p in prefix if stable(p)]
            return min(s, key=q)['peak_lr'] if s else None

        full_b = b_of(sc)
        if not math.isclose(full_b, rr[0]['peak_lr'], rel_tol=1e-6):
            res['skipped: b differs from the recipe'] += 1
            continue
        stop = stop_at(sc, learned)
        key = 'long' if T >= 3000 else 'short'
        nb = b_of(sc[:stop])
        if math.isclose(nb, full_b, rel_tol=1e-6):
            res[(key, 'same b')] += 1
        else:
            res[(key, 'b changes')] += 1
            changed.append((ex, f.split('/')[-1], nb / full_b))
        saved[key].append(((len(sc) - stop) * sc[0]['horizon'] / T, len(sc) - stop, r['cost']['full_run_equivalents']))
    print(' '.join(argv) or 'no-cover', dict(res))
    for key, v in saved.items():
        runs = [a for a, _, _ in v]
        print(f'{key}: runs saved median {st.median(runs):.3f} mean {st.mean(runs):.3f}, rungs saved mean '
              f'{st.mean(b for _, b, _ in v):.2f}, share that stops earlier {sum(b > 0 for _, b, _ in v) / len(v):.2f}; '
              f'cost median {st.median(c for _, _, c in v):.2f} -> {st.median(c - a for a, _, c in v):.2f}')
    for c in changed:
        print('b changes:', c)


if __name__ == '__main__':
    main(sys.argv[1:])
