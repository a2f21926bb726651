#!/usr/bin/env bash
# Round 96 (descriptive): the 18 Adagrad long plans of spent exams 113-158 whose product pick had no warmup, re-probed
# with the product as it stands (set H, /tmp/wth: a worktree at 31f71e6, warmfind/ as at 58a44d8) and with WARMUP_TIE widened to 3% (set T3) and
# 5% (set T5) through exam.py's --defaults (on these Adagrad rows only, so "under Adagrad"). One thread.
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
ROWS="133:tea_strainer_retention_adagrad@long 134:shoe_tree_creasing_adagrad@long 134:trellis_climbing_adagrad@long
136:bath_mat_uptake_adagrad@long 136:toothpick_splinter_adagrad@long 137:butter_dish_softening_adagrad@long
137:potato_masher_lumps_adagrad@long 137:tie_rack_sag_adagrad@long 139:jam_jar_vacuum_adagrad@long
140:spice_rack_aroma_adagrad@long 149:water_filter_jug_adagrad@long 150:flour_sifter_adagrad@long
151:bundt_bake_adagrad@long 151:french_press_brew_adagrad@long 152:decanter_aeration_adagrad@long
153:sous_vide_core_adagrad@long 154:sugar_bowl_caking_adagrad@long 157:log_splitter_wedge_adagrad@long"
for N in $(for r in $ROWS; do echo ${r%%:*}; done | sort -u); do
  names=$(for r in $ROWS; do [ ${r%%:*} = $N ] && echo -n "${r#*:} "; done)
  for S in h t3 t5; do
    case $S in h) D="";; t3) D="--defaults WARMUP_TIE=0.03";; t5) D="--defaults WARMUP_TIE=0.05";; esac
    mkdir -p /tmp/z96/$S/exam$N
    echo "$(date -u +%T) $S exam $N: $names"
    (cd /tmp/wth && /work/main/.venv/bin/python benchmarks/exam.py --registry exam${N}_workloads --results /tmp/z96/$S/exam$N --make-picks /tmp/z96/$S/exam$N/picks.jsonl --only $names $D 2>&1 | tail -2 | sed "s/^/  /")
  done
done
echo "$(date -u +%T) done"
