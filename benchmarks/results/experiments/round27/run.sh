# Round 27 (pre-registered in ../../exam23_preregistration.md). Usage: bash run.sh   (from anywhere)
# The rows: every pooled workload whose recorded screen has a second dip (round 26's 5% list). Each is probed in both
# regimes with the scratch copy (/tmp/r27 = main at 4c00f01 + scratch.patch; its explanation says "the screen dipped
# twice" where the rule fired) and with today's code; both pick sets are scored by the exam's scorer on a copy of its
# evals cache.
ROUND=round27 TREE=/tmp/r27 LABEL=dip
. "$(dirname "$0")/../reprobe.sh"
run 22 tfn_adam tfn_adam@long
run 4 pinn_adam deepsurv_nesterov
run 6 deq_nesterov
run 8 gumbel_ae_rmsprop
run 11 relnet_adam recnn_adagrad@long
run 13 autorec_adam
run 14 deep_ensemble_adam
run 16 irt_2pl_adam@long
run 17 ica_sgd@long
run 18 ebm_dsm_nadam@long
run 20 tabtransformer_adamw
run 21 rbm_sgd rbm_sgd@long biaffine_adam@long
