# Round 30 (pre-registered in ../../exam25_preregistration.md). Usage: bash run.sh   (from anywhere)
# The rows: every pooled first-scoring row whose recorded recipe says the safety margin moved its choice ("sits closer
# than 2x to a failed probe"). Each workload is probed in both regimes with the scratch copy (/tmp/r30 = main at
# 3716fba + scratch.patch: keep_margin lets each candidate pass on its own warmup's failures) and with today's code;
# both pick sets are scored by the exam's scorer on a copy of its evals cache.
set -e
. /work/main/.venv/bin/activate
out=/work/main/benchmarks/results/experiments/round30
run() {  # exam, workloads...
  n=$1; shift
  (cd /tmp/r30 && python benchmarks/exam.py --registry exam${n}_workloads --results /work/main/benchmarks/results/exam$n \
    --make-picks $out/picks.exam$n.own.jsonl --only "$@" --workers 1 > /dev/null 2>&1)
  (cd /work/main && python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n \
    --make-picks $out/picks.exam$n.today.jsonl --only "$@" --workers 1 > /dev/null 2>&1)
  for label in today own; do
    cp /work/main/benchmarks/results/exam$n/evals.jsonl /tmp/r30_evals$n.$label.jsonl
    (cd /work/main && python benchmarks/exam.py --registry exam${n}_workloads --results benchmarks/results/exam$n \
      --picks $out/picks.exam$n.$label.jsonl --evals /tmp/r30_evals$n.$label.jsonl --only "$@" \
      --out $out/score.exam$n.$label --workers 1 > /dev/null 2>&1)
  done
  echo "exam $n done: $*"
}
run 24 coral_sgdm@long ewc_sgd ewc_sgd@long
run 4 pinn_adam
run 8 lista_sgd
run 9 cp_adamax
run 10 wnmlp_sgdm
run 12 mos_lm_sgd@long
run 14 dragonnet_nesterov
run 16 contractive_ae_sgdm eql_adam@long
run 18 nerf2d_adam
run 19 compress_rd_nadam
