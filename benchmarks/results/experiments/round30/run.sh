# Round 30 (pre-registered in ../../exam25_preregistration.md). Usage: bash run.sh   (from anywhere)
# The rows: every pooled first-scoring row whose recorded recipe says the safety margin moved its choice ("sits closer
# than 2x to a failed probe"). Each workload is probed in both regimes with the scratch copy (/tmp/r30 = main at
# 3716fba + scratch.patch: keep_margin lets each candidate pass on its own warmup's failures) and with today's code;
# both pick sets are scored by the exam's scorer on a copy of its evals cache.
ROUND=round30 TREE=/tmp/r30 LABEL=own
. "$(dirname "$0")/../reprobe.sh"
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
