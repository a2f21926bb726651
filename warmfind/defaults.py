"""Every threshold warmfind uses, in one place, each with the reason it has its value."""

from __future__ import annotations

# --- LR range test -------------------------------------------------------------------------------
RANGE_START_LR = 1e-7  # fastai's start; far below any useful LR for the optimisers we meet
RANGE_END_LR = 10.0  # torch-lr-finder's and fastai's end; every model we probed diverged before it
RANGE_STEPS = 100  # the common 100-step sweep: ~11 points per decade over 1e-7..10
RANGE_MAX_LR = 1e6  # a sweep that reaches RANGE_END_LR without blowing up or falling measurably goes on at the same
#   spacing, up to this LR (62 more steps at most) or until it blows up: the LRs that train such a model lie above the
#   sweep's end. Exam 4's fastText (plain SGD on a mean-pooled EmbeddingBag, a zero-initialised output layer) trains
#   best at 18, and its sweep fell 1.6% by 10; a least-squares model on tiny inputs is stable to ~1e5
SMOOTHING_BETA = 0.95  # EMA factor for the loss (torch-lr-finder's 0.05 smoothing, bias-corrected)
DIVERGE_MULTIPLE = 4.0  # smoothed loss above 4x its best = diverged (fastai, Lightning use 4x)
RANGE_SKIP_START = 10  # steepest-gradient rule skips the first 10 points (noisy EMA warm-up)
RANGE_SKIP_END = 5  # ... and the last 5 (the blow-up itself), as torch-lr-finder does

# --- stability probes ----------------------------------------------------------------------------
LADDER_FACTOR = 2.0  # candidate peak LRs are factors of 2 below the divergence LR
LADDER_MAX_RUNGS = 30  # the screen ladder goes down from the range test's blow-up until a rung learned (LEARNED_*), it
#   covers the range test's steepest and valley points and the losses turned back up; 30 rungs (2^-29, ~1e-9 of the
#   top) is only a guard: the old fixed 8-rung cap stopped 200x above an Adam model's best LR, every rung sitting at
#   the loss of predicting the mean (issue 22)
LEARNED_SHARE = 0.3  # a probe learned when its loss fell by 30% of the range test's own fall (start to lowest lightly
#   smoothed loss, its noise added back). 0.6 called an SGD LSTM's best 30-step rungs (45% of a range test that
#   dipped at LR 0.6-1 with momentum) not learned and recommended nothing; issue 22's plateau is caught by covering
#   the range test's steepest point instead (recommend.ladder_done)
LEARNED_MIN_FALL = 0.02  # ... and only when the range test itself fell by 2% of its start: a BERT-style classifier on
#   a small set (suite heldout, after 8beefe5's scoring) fell 2.077 -> 2.070, inside its noise, so no rung could
#   "learn" against it and the probe recommended nothing (exit 3). Issue 22's range test fell 82%, the SGD LSTM's 9%
LADDER_FLAT_RUNGS = 8  # a flat band (losses within 3% rung after rung) ends the ladder after 8 rungs at or below the
#   range test's steepest point (the old fixed ladder's length): the BERT-style classifier's flat sweep otherwise ran to
#   30 rungs (3.3 runs) and took the noise-level best far down the band
RISING_ARM_RATIO = 1.5  # ... and a ladder ends once LADDER_FLAT_RUNGS rungs below a learned best each trained worse
#   than the one above, the last 1.5x the best (recommend.rising_arm): three exam long plans whose range test's
#   steepest point was a smoothing artefact at its first usable point (6.4e-7) walked 21-24 rungs down such an arm
#   (1.9-12x the best at its foot). On tune and the three exams no pick moved (cost only); issue 22's plateau drifts
#   up by under 20% across its rungs, so it does not end there
LADDER_PAST_RANGE = 8  # a ladder that never learned stops 8 rungs (256x) below the range test's lowest point
#   (steepest, valley, minimum): nothing learns there either, and the result says so instead of recommending
FIRST_STEPS_GAP = 1024.0  # a no-warmup screen whose highest stable rung sits 1024x or more below the range test's
FIRST_STEPS = 2  # divergence, with rungs above it blowing up within their first 2 steps, measured the optimizer's first
#   steps, not the LR: the recipe says so and advises the range test's valley with a 5% warmup as a second run
#   (analysis.first_steps). Exam 60's DistoX net (RAdam, untrained loss ~240: its un-rectified first steps threw every
#   rung from 10 down to 1.5e-4 away at step 1) sat 148,219x below and was picked 3,000x under its best (+17,566%).
#   Among the other recorded exam recipes the largest gap is 296x (exam 2's SIREN), except exam 54's bridge network as
#   the pre-round-45 code probed it, so 1024 is a tripwire, not a tuned threshold (benchmarks/results/experiments/round51/)
WARMUP_FRACTIONS = (0.0, 0.05, 0.2)  # warmup lengths tried, as a fraction of the run they precede
SPIKE_RATIO = 1.5  # smoothed loss 1.5x above its running minimum = a spike (a "catapult")
SPIKE_BETA = 0.8  # lighter smoothing for spike detection: a spike lasts a few steps only
SPIKE_MIN_RISE = 0.05  # ... and by at least 5% of the starting loss: near-zero losses are noisy in ratio
SPIKE_NOISE_MULTIPLE = 8.0  # ... and by 8 sds of the smoothed loss's batch noise: on a noisy loss (the README's
#   random-target regression) probes at 8e-3..3e-2 rose 6.4-6.9 sds above their running minimum from batch noise
#   alone, the same outlier batch at the same step at every LR, and were all called spikes
STALL_RATIO = 2.0  # a probe above the best LR of its horizon whose loss is over 2x the best failed (a stall or a worse
#   basin): issue 13's SGD classifier screen at 1.56 ended at 2.01 beside 0.41 one rung down, and let a 6.2 plan pass
SPIKE_MIN_STEP = 3  # ignore the first steps: the EMA has not settled yet
BLOWUP_MULTIPLE = 3.0  # loss 3x above the starting loss for RECOVERY_STEPS steps in a row (or non-finite) = diverged
RECOVERY_STEPS = 10  # ... so a jump that comes back is a spike, not a divergence (issue 19: RMSprop's large first step
#   and catapults went 3x above the start for a few steps, then trained to the best losses of their ladders). A run
#   that really blows up costs at most this many steps more before it is stopped
START_LOSS_BATCHES = 10  # ... the starting loss is the first batch's, raised to the untrained model's mean over its
#   first 10 batches where that is higher: exam 54's bridge network spread its batch losses 20x at init and began on
#   one of its smallest (0.22 against a mean of 0.89), so every screen rung sat 3x above it and "diverged", down to an
#   LR of 3e-10. It only rises: where the first batch was typical or high, the line is as measured on exams 4-54
GRAD_BLOWUP_MULTIPLE = 10.0  # gradient norm 10x its median so far = a blow-up worth reporting
SCORE_TAIL = 0.2  # a probe is scored on the mean loss of its last 20% of steps
WARMUP_GAIN = 0.02  # warmup must train 2% better than none (or remove an instability) to be kept as a margin:
#   about one seed-to-seed standard deviation of a re-rank probe (1.1-2.5% measured on the benchmark workloads)
SAFETY_RATIO = 2.0  # the chosen LR should sit 2x below the nearest failed probe above it (Smith's rule). Tune half: a
#   Post-LN SGD model's pick 1.4x below a diverged probe cost 99% at full length; 2x below, 13%. Only probes that ran
#   the choice's own warmup count: a failure without warmup does not bound an LR that warms up (exam 8's LISTA: +78.5%
#   -> +62.1%; adopted by exam 11's pre-registered rule, where no pick moved)
WARMUP_TIE = 0.05  # a no-warmup choice that is the measured best moves to the largest-LR re-rank candidate with warmup
#   above it whose score is within 5% of its own (short probes under-rate a larger LR behind a warmup). 1% from exam
#   13 (offline on exams 4-12: 5 picks per regime moved, 3 / 2 better by over a point, none worse; exam 13's
#   pre-registered rule adopted it) until round 97: on spent exams 113-158 the 33 rows 5% moved read, in full runs,
#   better beyond the seed noise on 13 and worse on none; pre-registered from exam 159 and adopted on exams 159-174's
#   moved rows by round 58's rule (6 with eval_data: median +17.4% -> +9.2%, within 3% 2 -> 3, over 8% 4 -> 3, better
#   beyond the noise on 2, worse on 1; 8 without: +21.6% -> +11.6%, 4 / 1; benchmarks/results/experiments/round97/)
NEAR_TIE_BAND = 0.01  # the recipe advises a second LR (analysis.near_tie) when a re-rank candidate this close to the
NEAR_TIE_APART = 1.9  # measured best sits ~2x or more away in LR (a ladder neighbour): 39 of 103 pooled short plans;
#   the full run ordered such pairs either way (round 23). 1%, WARMUP_TIE's band until round 97; advice only, the pick stays
SECOND_RUN_SHARE = 1 / 8  # a re-rank that saw less than this share of the run: the peak LR is a share of its best
#   (HALVING_SHARE), and the advice (analysis.second_run) names twice the pick, at most the best, not a tied neighbour.
#   Half until round 89 (below). Measured where the
#   exams' long plans re-rank (182 of 3,000 steps, 6%): on 71 recorded rows of exams 4-28 the better of the pick and
#   half of it had median regret +0.7% / +0.8% against +2.0% / +2.4%; on short plans (T/3) half is not the better
#   second run. Nothing was measured between 6% and 33%, so it starts at an eighth. Advice only from round 35 (exams
#   29-30: the better of the two +5.2% against +20.1%); halving the pick itself failed its tail condition on exams
#   33-34 (round 36) and met all three on exams 37-38 (round 38, its second and last test): median +6.4% against
#   +12.9%, over 8% on 8 of 16 rows against 9, within 3% on 7 against 6. Re-decided on exams 49-50 (pre-registered,
#   the unhalved pick to win all three): +1.9% / 3 over 8% / 10 within 3% against +4.0% / 5 / 7, so it stays
HALVING_SHARE = 2 ** -0.75  # ... that share: a quarter octave above half since round 89. Over exams 39-142 the long
#   picks halved at 1/2 (Adam, AdamW, NAdam, Adamax, RMSprop) read a quarter octave up off the full-length grids better
#   in every block of exams (125 rows per regime: median +2.8% -> +2.1% / +2.9% -> +2.4%, better by over a point on
#   53 / 50, worse on 15 / 21, none read as diverged; half an octave up better on the recent block only); pre-registered
#   for exams 143-144 (long plans under those optimizers by brief) and adopted on their 8 fresh rows per regime by
#   round 58's rule: median +4.4% -> +3.4% / +4.7% -> +3.5%, within 3% 3 -> 4 / 2 -> 4, over 8% 0 -> 0, mean +3.6% ->
#   +3.5% / +4.2% -> +3.9%, better beyond the seed noise on 1 row, worse on 0 (a small, noisy gain: three rows worse
#   within the noise, both Adamax rows split; benchmarks/results/experiments/round89/decide.txt). Kept by its
#   pre-registered revert test on exams 145-146's 8 fresh rows per regime: half again read +2.5% / +2.2% against
#   +1.8% / +1.3%, worse beyond the noise on 1 row, better on 0 (round89/revert.txt)
HALVING_SHARES = {"sgd": 1.0, "adagrad": 2 ** 0.5, "radam": 0.25}  # ... except under these optimizers, whose long
#   plans (subclasses too) ship this share of the re-rank's best instead (1.0: the best itself, with no second-run advice). SGD: over exams 39-94's first
#   scorings the halved SGD long picks sat at a median 0.35x the best LR (27 of 38 below 0.5x; Adam's 1.07x, RAdam's
#   1.67x); round 64, pre-registered from exam 95 on (exams 97-98 SGD on every long plan), adopted on their 8 fresh
#   rows per regime: median +9.6% -> +2.2%, over 8% 5 -> 1, within 3% 2 -> 4, none worse beyond noise (kept by a
#   pre-registered revert test on exams 101-102's 8 fresh rows: +0.3% against the halving's +3.6% / +6.2%). RAdam:
#   over exams 39-98 the halved RAdam long picks sat at a median 1.69x the best LR (18 of 20 rows over 8% above it);
#   round 66, pre-registered on exams 99-100 (not adopted by one row: within 3% 3 -> 2) and re-tested unchanged on
#   exams 103-104's fresh RAdam long rows and adopted: median +7.2% -> +3.2% / +3.8%, over 8% 4 -> 1. Its advice names
#   twice the pick, half the best (round 69, exams 109-110: the advised run's median +13,413% at the best -> +9.2%).
#   Adagrad (its step shrinks as its accumulator grows, so the best LR grows with the horizon): the halved Adagrad long
#   picks of exams 39-130 sat at a median 0.27x the best LR (+41.0%); round 80, pre-registered before exams 131-134
#   (133-134 Adagrad on every long plan), adopted on their 9 fresh rows per regime: median +27.9% -> +6.5%, within 3%
#   1 -> 4, over 8% 7 -> 4, better beyond the seed noise on 8, worse on 0. Twice the best (set D4) read +1.2% but
#   diverged at 1.05x the best LR on one row, so it was not adopted (benchmarks/results/experiments/round80/). Kept by
#   round 82's revert test (exams 135-136: halving again was worse beyond the noise on 7 of 8 rows per regime), whose
#   unhalved picks still sat at a median ~0.5x the best; round 84 (pre-registered, exams 137-138, 8 fresh rows per
#   regime) adopted sqrt(2) x the best: median +26.0% -> +16.2% / +15.5%, over 8% 7 -> 6, mean +32.7% -> +21.0%, better
#   beyond the noise on 5 / 4 rows, worse on 0 (benchmarks/results/experiments/round84/decide.txt)
LIFT_WARMUP = 0.2  # where the re-rank saw at least SECOND_RUN_SHARE of the run, the recipe warms up over 20% of it ...
LIFT_FACTOR = 2 ** 0.5  # ... at this factor x the re-rank's choice (analysis.warmup_lift). Round 52 read 2^(1/4) and
#   2^(1/2) off the spent exams' grids (short plans, a 20% warmup: level on exams 39-62; 2^(1/2) worse on 4-38 without
#   eval_data) and exams 63-64's pre-registered rule adopted 2^(1/4) (set W, 8 short rows per regime: median +15.7% ->
#   +3.8% / +21.7% -> +9.6%). Round 53 read its picks one quarter octave higher off exams 65-68's grids (+8.5% -> +4.6%
#   / +7.3% -> +5.2%, 15 / 14 rows) and exams 69-70's pre-registered rule adopted 2^(1/2) (set X, full runs, 8 short
#   rows per regime: median +5.6% -> +3.9% / +3.2% -> +2.7%, within 3% 3 -> 4, over 8% 3 -> 3; one row, a NAdam plan
#   whose constant-LR check had lowered the choice twice, +30% -> +212%: benchmarks/results/experiments/round53/).
#   Kept by exams 71-72's revert rule; 2^(3/4) failed exams 73-74's rule (round 55: mean +10.7% -> +28.0%)
LONGER_LOOK = (1.0, 2.0, 4.0)  # on an Adam-family plan the lift applies to, the re-rank's finalist b (without warmup)
#   and 2b, 4b (behind the 20% warmup) are probed again over LONGER_LOOK_HORIZON x the re-rank's horizon, and the best of
#   that look becomes the choice where its LR is above the re-rank's choice. Round 76: 16 of the 17 short picks under
#   0.35x the best LR on exams 71-124 were Adam / AdamW / Adamax rows whose T/3 re-rank ranked b without warmup above the
#   warmed-up larger LRs the full run wanted, and no recorded signal set them apart. Round 77 took the look's best
#   either way (set L): rejected on exams 125-128 (its downward moves were all worse). Round 78 takes it upward only
#   (set U), pre-registered from exam 129 and adopted on exams 129-134's moved rows (8 / 10 per regime: median +4.7% ->
#   +1.4% / +6.2% -> +1.5%, within 3% 3 -> 6, over 8% level, better by over a point on 6 / 7, worse on 2 / 3;
#   benchmarks/results/experiments/round78/decide.txt). It costs about two runs more per such plan (5.1 against 3.2)
LONGER_LOOK_HORIZON = 2  # ... twice the re-rank's horizon (2T/3 on a short plan): two runs more per Adam-family plan
LONGER_LOOK_OPTIMIZERS = ("adam", "adamw", "adamax")  # ... the optimizers (or their subclasses) it runs for
SECOND_DIP_BAND = 0.05  # a screen rung that is a local minimum within 5% of the best rung's loss ...
SECOND_DIP_APART = 3.9  # ... and ~4x or more away in LR (outside the best rung's own b/2..2b) is re-ranked around too
#   (recommend.second_dip). Exam 22's tensor fusion network dipped at 0.078 and 0.0049 and the re-rank around 0.078
#   alone cost +23.4% (+4.3% with the rule). Pre-registered as round 27 (exam 23's prereg) and re-probed on the 17
#   spent workloads whose recorded screens dip twice: it fired on 31 of 34 recipes, moved 7 picks, mean +7.0% ->
#   +1.6% (without the fusion network's two rows +0.4% -> +0.6%), none worse by over a point, for 0.7 more runs
#   where it fires. 5% is round 26's middle band (2% missed the fusion network; 10% took in 35 recorded rows against 31)
MAX_EXTENSIONS = 4  # when an end of the re-rank measures best (or no candidate trained), extend it that way, one rung
#   at a time, at most 4 times (2 stopped 5x above the best LR on an Adam MLP of the tune half); a pick still at an
#   end after that says so. A best that is the smallest LR that trained stably, with only failed probes below it,
#   counts as the smallest (exam 9's Fourier MLP: +21.4% -> +3.9%; adopted by exam 10's pre-registered rule, where no
#   pick moved)
SCREEN_FRACTION = 1 / 16  # first-pass probes run 1/16 of the planned run ...
SCREEN_MIN_STEPS = 30  # ... but at least 30 steps, so a spike has room to show
SCREEN_MAX_STEPS = 300  # ... and at most 300, so probes of long runs stay cheap
RERANK_FRACTION = 1 / 3  # the re-rank runs a third of the planned run, ranked as measured. T/5 until exam 6: T/3 was
#   pre-registered on exams 4, 5 and 6 and had the lower short-plan median in 5 of 6 readings (exam 6: +2.3% / +2.3%
#   against +4.3% / +3.4%, worst +7.1% against +12.2%), for about 0.6-0.7 more runs; exam 6's pre-registered rule (lower
#   median and worst in both regimes) made it the default. On tune it cut the worst from +477% to +46% (the SGD LSTM's
#   late cliff) at a worse eval_data median (+2.3% against +1.1%). 1/6 lost the deep MLP
RERANK_SHAPE: str | None = "warmup-stable-decay"  # under a cosine plan the re-rank probes are cooldown probes (warmup,
#   hold the peak, decay over the last 20%; Haegele et al. 2024) rather than compressed cosines. As plain grids at T/5
#   on the tune half (benchmarks/results/suite_horizon.md) they picked a median 1.0x the full-run best LR against 2.0x,
#   with Spearman 0.90 against 0.84. With the next two rows: tune median regret 4.0% -> 2.8%, worst 1325% -> 131%
#   (docs/suite.md); None restores compressed cosines
RERANK_MAX_STEPS = 1200  # ... at most 1200 steps, so probes of long runs stay cheap
PROBE_STEPS_CAP = 1500  # a typical probe (SearchPlan.expected_steps) costs at most max(1,500 steps, LONG_PLAN_RUNS x
LONG_PLAN_RUNS = 0.5  # the plan): both horizons shrink by one factor to fit (issue 20's cost target: half a run on plans
#   of 3,000 steps or more). Under the T/3 re-rank, plans up to ~550 steps (the whole suite: 250-500) are untouched;
#   at 3,000 steps the screen is 34 steps and the re-rank 182 (T/88, T/16) instead of 187 and 1,000 (2.5 runs); from
#   ~20,000 steps the caps above bind first (under T/5 the numbers were ~800 steps, and 50 and 160 at 3,000). On tune's five long plans (benchmarks/results/tune_long/) 0.5 gave median +1.6%, worst +23.8% at 0.52 runs;
#   1.0 gave +0.4% / +1.1% with eval_data but a no-eval noise walk to +53.5%, at 0.93 runs: kept at the cost target.
#   Exam 5 (pre-registered): 1.0 moved no eval_data pick (+7.0% both), 0.92 runs; kept. Exam 7 (pre-registered):
#   no cap at all (T/3, 2.6 runs) +8.0% against +1.4% with this cap (0.44 runs); kept
CHECK_STEPS = 30  # the constant-LR stability check holds the chosen peak this long
CHECK_STEP_DOWN = 2 ** 0.25  # a failed check lowers the peak by this factor and checks again, at most twice

# --- what ranks the probes when there is no eval_data ---------------------------------------------
TRAINING_SAMPLE_BATCHES = 20  # probes are scored by their final weights' loss on 20 fixed training batches. Tune half,
#   no eval_data: 10, 20 and 50 batches made the same picks but two (median regret +1.0%, +1.2%, +1.2%); the mean
#   training loss of the last 20% of steps, ranked before, gave +3.0% and picked 0.86x the best LR against 0.95x
TRAINING_SAMPLE_MAX_MB = 256  # ... fewer when 20 batches would hold more than 256 MB (kept on the CPU; 20 batches of
#   256 ImageNet images are 3 GB): at least one batch
EVAL_SEED = 0  # every ranking evaluation seeds torch's generator (forked) with this: a loss that samples draws the same
#   noise for the untrained model and every probe (exam 18's energy model@long, denoising score matching: unpaired,
#   its untrained training-sample loss read 3.3% below the same weights' a moment later, and nothing could "learn")
# held-back data (--holdout):
HOLDOUT_FRACTION = 0.1  # a finite dataset with no eval_data gives 10% to rank probes by (the common 90/10 split)
HOLDOUT_MIN_BATCHES = 10  # ... only when it holds at least 10 batches: below that a held-out batch is too noisy to rank by
HOLDOUT_MAX_BATCHES = 50  # ... and at most 50 batches' worth (Prober.evaluate reads 50 at most)

# --- recipe --------------------------------------------------------------------------------------
MIN_LR_RATIO = 0.1  # cosine floor at 10% of the peak (Chinchilla, LLaMA, nanoGPT use 10%)
DEFAULT_TOTAL_STEPS = 1000  # used only when neither --total-steps nor the spec names a length
DEFAULT_BUDGET_STEPS = 5000  # hard cap on all probe steps together when none is given ...
BUDGET_PLAN_MARGIN = 1.5  # ... raised to 1.5x the plan's expected steps when the plan needs more (extensions add runs)
LAYER_SPREAD_ADVICE = 100.0  # advise a layer-wise rule (LARS/LAMB/parameter groups) when modules' early update ratios at
#   the chosen LR differ over 100x. Tune half: the two workloads over it (an SGD+momentum LSTM at 156x, a Post-LN SGD
#   model at 103x) are two of its three worst picks (+131%, +13%: one global LR sits next to a cliff); the other 12 span
#   2-55x. No heldout workload exceeds 53x. Whether LARS/LAMB would fix those two was not measured
UPDATE_RATIO_TOP = 3  # the recipe names the three layers that moved most
UPDATE_RATIO_EVERY = 5  # update ratios are measured every 5th step (and held between): each costs a parameter copy;
#   a spike's layer window (runs.summarize) spans >= 6 steps, so every window still holds a measurement

# --- gradient noise scale ------------------------------------------------------------------------
NOISE_EMA_BETA = 0.98  # moving averages of |G|^2 and tr(Sigma) along a probe (0.9 kept ~19 steps: +-80% noise)
NOISE_BATCHES = 16  # fewest batches per B_simple measurement (no update): median error 13-107% against exact values
NOISE_BATCHES_MAX = 128  # most: median error 3-31%, worst 12-112% (16 batches: worst 30% to unbounded), on the three
#                          workloads of benchmarks/results/noise_accuracy.md; 256 gains little more (3-25%)
NOISE_FRACTION = 0.01  # each measurement may take 1% of the planned run's steps in batches, between those two bounds

# --- warmfind check ------------------------------------------------------------------------------
FAR_BELOW_RATIO = 4.0  # a plan 4x under the recommendation gives up two ladder rungs of speed for no measured gain
ROUNDING = 0.01  # a plan within 1% above a stable probe counts as that probe: configs round LRs to 2-3 digits

# --- gradient noise scale: trust in the batch-size table -----------------------------------------
TRUST_MAX_OVER_NOISE = 2.0  # past ~2x B_simple the predicted LR is flat and only as good as B_simple ~ B_crit,
#                             which the paper finds holds to within a model-dependent factor; Adam may even fall there
TRUST_MAX_BATCH_FACTOR = 4.0  # B_simple grows as the loss falls, so one measurement says little >4x from the probed batch
TRUST_MAX_REL_STDERR = 0.5  # a B_simple known only to +-50% moves the predicted LR by up to ~1.5x: too loose to act on
REGIME_MARGIN = 4.0  # "<<" / ">>" mean a factor 4: at B = B_simple/4 doubling B still buys 83% of a linear LR gain,
#                      at B = 4 B_simple training needs 5x the examples of the most data-efficient batch
BATCH_FACTORS = (0.5, 2.0, 4.0, 8.0)  # batch sizes the table shows, as multiples of the probed batch

# --- logs ----------------------------------------------------------------------------------------------------
HEARTBEAT_SECONDS = 30.0  # without a terminal, a line at least this often: a silent CI log looks like a hang
THREAD_TIMING_STEPS = 5  # steps timed at each CPU thread count before the probe (after one warm-up step)
WSD_DECAY_FRACTION = 0.2  # warmup-stable-decay runs often decay over their last 10-20%; --decay-fraction changes it

# --- option values accepted by warmfind probe (issue 21) -------------------------------------------------------
SEED_MAX = 2**32 - 1  # batches.BatchStream seeds torch with seed * 1_000_003 + epoch, which must stay below 2**63;
#   2**32 - 1 keeps that with room to spare and is the range numpy and most launchers accept too

# --- fp16 loss scaling --------------------------------------------------------------------------
FP16_MAX_LOSS_SCALE = 2.0**16  # fp16 probes scale the loss as torch.amp.GradScaler does; its default first scale,
#   the largest one calibration tries (loss_scale.py)
FP16_MIN_LOSS_SCALE = 2.0**-24  # calibration stops halving here: gradients still non-finite are so whatever the
#   scale (the model's, not fp16's), and the first run's step finds that out

# --- zero-start parameters and the along-probe noise scale (issue 19) ----------------------------
ZERO_START_FRACTION = 0.01  # a module whose norm at init is under 1% of a default fan-in init's (LoRA's B = 0, a zero
#   position embedding, a 1e-5 layer scale) has no update ratio of its own (|dw|/|w| is unbounded at step 0: a zero
#   position embedding read x4.5e+14): it is measured against max(|w|, that init scale) instead
NOISE_INIT_LR_FRACTION = 1e-3  # the noise scale at init comes from the range test's steps below 1/1000 of its blow-up
#   LR (the weights moved by < ~6 such steps in all); about the first 50-60 of its 100 steps
NOISE_INIT_MIN_STEPS = 8  # fewer steps than this under that LR give no estimate at init

# --- emit and check: optimizer, nanoGPT length, schedule shapes (issues 21 and 23) ---------------
NANOGPT_EVALS = 10  # the emitted nanoGPT eval_interval is the divisor of the run nearest T/10: about ten evals, the
#   last on the run's last step (train.py evaluates at iter_num % eval_interval == 0 and stops past max_iters)
SHAPE_SAME = 0.02  # a planned schedule within 2% of the peak of the probed one at every step after warmup is that
#   shape: float rounding, a one-step warmup offset (nanoGPT, DeepSpeed) and HF's lr_end = 1e-7 stay well under it
SHAPE_CLOSE = 0.15  # ... within 15% of the peak it is close enough to keep the measured peak (info): a linear decay
#   stays within 0.105 of a cosine's; WSD against cosine, where the suite's best peaks moved 1.4-2.8x, differs by 0.90
