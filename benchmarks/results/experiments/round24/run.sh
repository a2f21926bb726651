# Round 24 (pre-registered in ../../exam21_preregistration.md). Usage: bash run.sh EXAM...   (from anywhere)
# 1. every pooled workload of each exam probed with the scratch copy (/tmp/r24 = main + scratch.patch), which notes
#    "ROUND24-MOVED" in the recipe where the rule moved the choice; 2. those workloads probed with today's code;
# 3. both scored by the exam's scorer on a copy of its evals cache.
set -e
. /work/main/.venv/bin/activate
out=/work/main/benchmarks/results/experiments/round24
for n in "$@"; do
  names=$(cd /work/main && python3 -c "
import json,sys
sys.path.insert(0,'benchmarks')
from exam_pool import FIRST_SCORINGS
e,s,capped=[x for x in FIRST_SCORINGS if x[0]=='exam $n'][0]
print(' '.join(sorted({r['workload'] for r in json.load(open('benchmarks/results/'+s))['rows'] if capped or not r['long']})))")
  (cd /tmp/r24 && python benchmarks/exam.py --registry exam${n}_workloads --results /work/main/benchmarks/results/exam$n \
    --make-picks $out/picks.exam$n.tieup.jsonl --only $names --workers 1 > /dev/null 2>&1)
  moved=$(grep -l "ROUND24-MOVED" $out/picks.exam$n.tieup.recipes/*.json 2>/dev/null | xargs -r -n1 basename | sed 's/\.\(eval\|no-eval\)\.json$//' | sort -u | python3 -c "
import sys
names='''$names'''.split()
keys={n.replace('@','_'):n for n in names}
print(' '.join(sorted({keys[l.strip()] for l in sys.stdin if l.strip()})))")
  echo "exam $n: moved workloads: ${moved:-none}"
  if [ -n "$moved" ]; then
    (cd /work/main && python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n \
      --make-picks $out/picks.exam$n.today.jsonl --only $moved --workers 1 > /dev/null 2>&1)
    for label in today tieup; do
      cp /work/main/benchmarks/results/exam$n/evals.jsonl /tmp/r24_evals$n.$label.jsonl
      (cd /work/main && python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n \
        --picks $out/picks.exam$n.$label.jsonl --evals /tmp/r24_evals$n.$label.jsonl --only $moved \
        --out $out/score.exam$n.$label --workers 1 > /dev/null 2>&1)
    done
  fi
done
