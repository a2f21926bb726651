#!/bin/bash
# Round 88's re-probe (descriptive, spent exams): the product at 0e76361 with stallext.patch, in a worktree, one
# thread: (1) the Adagrad long plans of exams 133-139 whose re-rank ranked its largest LR first (eval_data), both
# regimes; (2) every plan of exams 137-140, both regimes. Run from the repository root; writes /tmp/r88/.
set -e
git worktree add --detach /tmp/wty HEAD && git -C /tmp/wty apply "$PWD/benchmarks/results/experiments/round88/stallext.patch"
cd /tmp/wty && export PYTHONWARNINGS=ignore OMP_NUM_THREADS=1
run() { n=$1; o=$2; shift 2; mkdir -p /tmp/r88/res$n; python benchmarks/exam.py --registry exam${n}_workloads --results /tmp/r88/res$n "$@" --make-picks /tmp/r88/$o; }
run 133 edge133.jsonl --only letter_opener_slitting_adagrad@long staple_remover_leverage_adagrad@long
run 134 edge134.jsonl --only loofah_exfoliation_adagrad@long
run 135 edge135.jsonl --only feather_duster_capture_adagrad@long
run 137 edge137.jsonl --only bottle_brush_reach_adagrad@long
run 138 edge138.jsonl --only pastry_brush_glaze_adagrad@long ice_cream_scoop_adagrad@long
run 139 edge139.jsonl --only coat_hook_sag_adagrad@long
for n in 137 138 139 140; do run $n all$n.jsonl; done
