#!/usr/bin/env bash
# Round 92: re-probe the Adagrad plans (long and short) of spent exams 137-142 with set Z2 (/tmp/wtz2: a worktree
# at 0465439 with stalls.patch applied; exam 137 was run first with the loop over 137 too). One thread.
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
for N in 138 139 140 141 142; do
  names=$(cd /work/main && .venv/bin/python -c "
import json,glob
f=[x for x in glob.glob('benchmarks/results/exam$N/score.???????.json')][0]
print(' '.join(sorted({r['workload'] for r in json.load(open(f))['rows'] if 'adagrad' in r['optimizer']})))")
  for S in z2; do
    mkdir -p /tmp/z92/$S/exam$N
    echo "$(date -u +%T) $S exam $N: $names"
    (cd /tmp/wt$S && /work/main/.venv/bin/python benchmarks/exam.py --registry exam${N}_workloads --results /tmp/z92/$S/exam$N --make-picks /tmp/z92/$S/exam$N/picks.jsonl --only $names 2>&1 | sed "s/^/  /")
  done
done
echo "$(date -u +%T) done"
