#!/usr/bin/env bash
# Round 105: full runs (seeds 0 and 1 at full length, as the exams score) of the candidate's picks (`candidate.py`,
# /tmp/z105/picks.c.examN.jsonl), spent exams only, each exam's evals cached in /tmp/z105 (the committed ones
# untouched). One thread. Then: python benchmarks/results/experiments/round105/fullruns.py > .../fullruns.txt
# `fullruns.sh ROUND SET TXT` does the same for another round's candidate (`ROUND/candidate.py SET`, listed in
# ROUND/TXT; /tmp/zNNN/picks.SET.*, score.SET.*): round 107's `fullruns.sh` calls it so.
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
R=${1:-round105}; S=${2:-c}; TXT=${3:-candidate.txt}
D=benchmarks/results/experiments/$R; Z=/tmp/z${R#round}
cd /work/main && mkdir -p $Z
.venv/bin/python $D/candidate.py $S > $D/$TXT
for f in $Z/picks.$S.exam*.jsonl; do
  N=$(basename $f | sed 's/picks.'$S'.exam\([0-9]*\).jsonl/\1/')
  names=$(.venv/bin/python -c "import json; print(' '.join(sorted({json.loads(l)['name'] for l in open('$f')})))")
  cp benchmarks/results/exam$N/evals.jsonl $Z/evals.exam$N.jsonl 2>/dev/null
  .venv/bin/python benchmarks/exam.py --registry exam${N}_workloads --results benchmarks/results/exam$N --picks $f \
    --only $names --evals $Z/evals.exam$N.jsonl --out $Z/score.$S.exam$N --workers 1 > /dev/null 2>&1
  echo "$(date -u +%T) exam $N: $names rc=$?"
  cp $Z/score.$S.exam$N.json $D/ 2>/dev/null
done
