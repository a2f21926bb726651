#!/usr/bin/env bash
# Round 107: full runs (seeds 0 and 1 at full length, as the exams score) of the candidate's picks (`candidate.py`,
# /tmp/z107/picks.$S.examN.jsonl), spent exams only, each exam's evals cached in /tmp/z107 (the committed ones
# untouched). One thread. Then: python benchmarks/results/experiments/round107/fullruns.py > .../fullruns.txt
# `fullruns.sh c`: set C's (`candidate.py c`, picks.c / score.c; then `fullruns.py c > .../fullruns_c.txt`)
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
S=${1:-g}
cd /work/main && mkdir -p /tmp/z107
.venv/bin/python benchmarks/results/experiments/round107/candidate.py $S > benchmarks/results/experiments/round107/candidate$([ $S = g ] || echo _$S).txt
for f in /tmp/z107/picks.$S.exam*.jsonl; do
  N=$(basename $f | sed 's/picks.'$S'.exam\([0-9]*\).jsonl/\1/')
  names=$(.venv/bin/python -c "import json; print(' '.join(sorted({json.loads(l)['name'] for l in open('$f')})))")
  cp benchmarks/results/exam$N/evals.jsonl /tmp/z107/evals.exam$N.jsonl 2>/dev/null
  .venv/bin/python benchmarks/exam.py --registry exam${N}_workloads --results benchmarks/results/exam$N --picks $f \
    --only $names --evals /tmp/z107/evals.exam$N.jsonl --out /tmp/z107/score.$S.exam$N --workers 1 > /dev/null 2>&1
  echo "$(date -u +%T) exam $N: $names rc=$?"
  cp /tmp/z107/score.$S.exam$N.json benchmarks/results/experiments/round107/ 2>/dev/null
done
