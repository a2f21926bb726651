#!/bin/bash
# Round 86's re-probe (descriptive, spent exams): the product at b980a9c..00e9125 with lookup.patch applied, in a
# worktree, on the seven Adam-family short plans of exams 135-138 whose longer look ranked its largest LR first in
# at least one regime; one thread. Run from the repository root; writes /tmp/r86/picks<N>.jsonl (+ .recipes).
set -e
git worktree add --detach /tmp/wtx HEAD && git -C /tmp/wtx apply "$PWD/benchmarks/results/experiments/round86/lookup.patch"
cd /tmp/wtx && export PYTHONWARNINGS=ignore OMP_NUM_THREADS=1
run() { n=$1; shift; mkdir -p /tmp/r86/res$n; python benchmarks/exam.py --registry exam${n}_workloads --results /tmp/r86/res$n --only "$@" --make-picks /tmp/r86/picks$n.jsonl; }
run 138 ice_cream_scoop_adamw shower_curtain_billow_adam pepper_grinder_wear_adamax napkin_ring_slip_adam
run 135 magnifier_focal_spot_adam towel_rail_drying_adamax
run 137 butter_dish_softening_adamax
