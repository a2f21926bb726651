#!/usr/bin/env bash
# Round 91: the Adagrad long plans of spent exams 137-142 re-probed with LONG_PLAN_RUNS=0.9 (both regimes), one thread.
# Run from anywhere; then copy /tmp/lp90/examN/picks.jsonl to picks.examN.jsonl here and run readoff.py.
cd /work/main
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
for N in 139 140 142 141 137 138; do
  names=$(.venv/bin/python -c "
import json,glob
f=[x for x in glob.glob('benchmarks/results/exam$N/score.???????.json')][0]
print(' '.join(sorted({r['workload'] for r in json.load(open(f))['rows'] if r['long'] and 'adagrad' in r['optimizer']})))")
  mkdir -p /tmp/lp90/exam$N
  echo "$(date -u +%T) exam $N: $names"
  .venv/bin/python benchmarks/exam.py --registry exam${N}_workloads --results /tmp/lp90/exam$N --make-picks /tmp/lp90/exam$N/picks.jsonl --only $names --defaults LONG_PLAN_RUNS=0.9 2>&1 | sed "s/^/  /"
done
echo "$(date -u +%T) done"
