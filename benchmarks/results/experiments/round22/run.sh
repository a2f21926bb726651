# Round 22 (pre-registered in ../../exam20_preregistration.md): the rows whose recorded default recipes hold a probe
# the shared-spike rule stops counting as a failure (scan.py), re-probed with one code tree and scored by each
# exam's scorer on a copy of its evals cache. Usage: bash run.sh LABEL CODE_DIR   (LABEL today|shared)
set -e
label=$1; code=${2:-/work/main}
. /work/main/.venv/bin/activate
out=/work/main/benchmarks/results/experiments/round22
cd "$code"
run() {  # exam workloads...
  n=$1; shift
  PYTHONPATH="$code" python benchmarks/exam.py --registry exam${n}_workloads --results /work/main/benchmarks/results/exam$n \
    --make-picks $out/picks.exam$n.$label.jsonl --only "$@" --workers 1 2>&1 | grep -E "done|exited" || true
  cp /work/main/benchmarks/results/exam$n/evals.jsonl /tmp/r22_evals$n.$label.jsonl
  python benchmarks/exam.py --registry exam${n}_workloads --results /work/main/benchmarks/results/exam$n \
    --picks $out/picks.exam$n.$label.jsonl --evals /tmp/r22_evals$n.$label.jsonl --only "$@" \
    --out $out/score.exam$n.$label --workers 1 > /dev/null 2>&1
  echo "exam $n scored ($label)"
}
run 19 compress_rd_nadam compress_rd_nadam@long nnpu_adamw@long
run 10 pce_asgd@long
run 16 pi_model_nesterov@long
