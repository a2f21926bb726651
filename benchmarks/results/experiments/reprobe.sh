# Shared by round27/run.sh and round30/run.sh (source it after setting ROUND, TREE and LABEL): `run EXAM WORKLOAD...`
# probes the workloads of one spent exam in both regimes with the scratch copy at $TREE (picks.examN.$LABEL) and with
# today's code at /work/main (picks.examN.today), then scores both pick sets with the exam's scorer, each on its own
# copy of the exam's evals cache, into benchmarks/results/experiments/$ROUND.
set -e
. /work/main/.venv/bin/activate
out=/work/main/benchmarks/results/experiments/$ROUND
run() {  # exam, workloads...
  n=$1; shift
  (cd "$TREE" && python benchmarks/exam.py --registry exam${n}_workloads --results /work/main/benchmarks/results/exam$n \
    --make-picks $out/picks.exam$n.$LABEL.jsonl --only "$@" --workers 1 > /dev/null 2>&1)
  (cd /work/main && python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n \
    --make-picks $out/picks.exam$n.today.jsonl --only "$@" --workers 1 > /dev/null 2>&1)
  for label in today $LABEL; do
    cp /work/main/benchmarks/results/exam$n/evals.jsonl /tmp/${ROUND}_evals$n.$label.jsonl
    (cd /work/main && python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n \
      --picks $out/picks.exam$n.$label.jsonl --evals /tmp/${ROUND}_evals$n.$label.jsonl --only "$@" \
      --out $out/score.exam$n.$label --workers 1 > /dev/null 2>&1)
  done
  echo "exam $n done: $*"
}
