. /work/main/.venv/bin/activate
cd /work/main
for n in 7 8 9 10 11 12 13 14 15 16 17 18; do
  names=$(python3 -c "
import json,sys
sys.path.insert(0,'benchmarks')
from exam_pool import FIRST_SCORINGS
s=[x for x in FIRST_SCORINGS if x[0]=='exam $n'][0][1]
print(' '.join(sorted({r['workload'] for r in json.load(open('benchmarks/results/'+s))['rows'] if r['long']})))")
  python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n --make-picks benchmarks/results/experiments/round20/picks.exam$n.one.jsonl --only $names --defaults LONG_PLAN_RUNS=1.0 --workers 1 2>&1 | grep -E "done|exited"
  cp benchmarks/results/exam$n/evals.jsonl /tmp/evals$n.jsonl
  python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n --picks benchmarks/results/experiments/round20/picks.exam$n.one.jsonl --evals /tmp/evals$n.jsonl --only $names --out benchmarks/results/experiments/round20/score.exam$n.one --workers 1 > /dev/null 2>&1
  echo "exam $n scored"
done
