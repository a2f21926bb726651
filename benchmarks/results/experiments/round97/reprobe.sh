#!/usr/bin/env bash
# Round 97 (descriptive): the 36 plans of spent exams 113-158 (eval_data recipes of set A's first scorings) whose re-rank
# measured a no-warmup best with a larger-LR warmed candidate 1-5% behind it (the rows a 5% WARMUP_TIE could move),
# re-probed with the product as it stands (set H, /tmp/wth: warmfind/ as at 58a44d8) and with WARMUP_TIE=0.05 for every
# optimizer (set T5, exam.py --defaults), both regimes. Two processes (one per set), one thread each.
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
ROWS="115:dishwasher_spray_adamw 116:nutcracker_fracture_adam 116:bird_feeder_rmsprop@long 119:doorbell_chime_nesterov
119:spatula_scraping_nadam@long 121:piggy_bank_coins_adamw 124:rocking_chair_greybox_radam@long 126:ladle_pour_adamax
127:tong_grip_resnet_ln_adamw@long 130:rubber_stamp_fade_adam 132:zester_grating_adamw 134:shoe_tree_creasing_adagrad
135:magnifier_focal_spot_adam 135:pompom_fluff_adagrad@long 136:cotton_swab_absorbency_adamax
136:toothpick_splinter_adagrad@long 141:paper_towel_tearoff_adagrad 142:egg_poacher_set_radam
142:soup_tureen_cooling_adam@long 143:muffin_rise_rmsprop 145:peg_bag_wind_rmsprop 145:pot_holder_soak_adamw@long
146:boot_scraper_momentum 147:butter_curler_adagrad@long 148:pizza_wheel_cut_through_adagrad 149:water_filter_jug_adagrad@long
150:wine_closure_adam 151:cloche_warming_adamw 151:bread_lame_scoring_adam 151:bundt_bake_adagrad@long
151:french_press_brew_adagrad@long 153:slow_cooker_braise_rmsprop 156:wicker_basket_loading_adamw
157:hedge_trimmer_stems_adamw 157:log_splitter_wedge_adagrad@long 158:coat_stand_tipping_nesterov"
run() { # set
  local S=$1 D=""; [ $S = t5 ] && D="--defaults WARMUP_TIE=0.05"
  for N in $(for r in $ROWS; do echo ${r%%:*}; done | sort -un); do
    names=$(for r in $ROWS; do [ ${r%%:*} = $N ] && echo -n "${r#*:} "; done)
    mkdir -p /tmp/z97/$S/exam$N
    echo "$(date -u +%T) $S exam $N: $names"
    (cd /tmp/wth && /work/main/.venv/bin/python benchmarks/exam.py --registry exam${N}_workloads --results /tmp/z97/$S/exam$N --make-picks /tmp/z97/$S/exam$N/picks.jsonl --only $names $D 2>&1 | tail -1 | sed "s/^/  /")
  done
  echo "$(date -u +%T) $S done"
}
run h > /tmp/z97_h.log 2>&1 &
run t5 > /tmp/z97_t5.log 2>&1 &
wait
