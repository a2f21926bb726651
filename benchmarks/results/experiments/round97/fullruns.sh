#!/usr/bin/env bash
# Round 97: full runs (seeds 0 and 1, as the exams score) of sets H and T5 on the rows T5 moved, spent exams only,
# into /tmp/z97/score (each exam's evals cache there, the committed ones untouched). One thread.
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
cd /work/main
for f in benchmarks/results/experiments/round97/picks.t5.exam*.jsonl; do
  N=$(basename $f | sed 's/picks.t5.exam\([0-9]*\).jsonl/\1/')
  names=$(.venv/bin/python -c "
import json
h={(p['name'],p['data']):p for p in map(json.loads,open('benchmarks/results/experiments/round97/picks.h.exam$N.jsonl'))}
t={(p['name'],p['data']):p for p in map(json.loads,open('$f'))}
print(' '.join(sorted({k[0] for k in t if (t[k]['peak_lr'],t[k]['warmup_steps'])!=(h[k]['peak_lr'],h[k]['warmup_steps'])})))")
  [ -z "$names" ] && continue
  mkdir -p /tmp/z97/score
  for S in h t5; do
    .venv/bin/python benchmarks/exam.py --registry exam${N}_workloads --results benchmarks/results/exam$N \
      --picks benchmarks/results/experiments/round97/picks.$S.exam$N.jsonl --only $names \
      --evals /tmp/z97/score/evals.exam$N.jsonl --out /tmp/z97/score/score.$S.exam$N --workers 1 > /dev/null 2>&1
    echo "$(date -u +%T) exam $N $S: $names rc=$?"
  done
done
