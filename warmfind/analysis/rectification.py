"""RAdam's rectification against the probe horizon: a halved long-plan pick is scaled by the step the probes took.

``torch.optim.RAdam`` multiplies each adaptive step by its rectification term r_t (Liu et al. 2020, "On the Variance
of the Adaptive Learning Rate and Beyond"), which rises toward 1 over about 2 / (1 - beta2) steps: at beta2 = 0.999,
r = 0.29 at step 182 (the exams' long-plan re-rank) and 0.92 at step 3,000. A re-rank that short never takes the
steps the full run takes at the same peak LR, and cannot see the cliff the run walks onto: the pooled
exams' long-plan RAdam picks sat above the best LR on 8 of 9 rows, three of them among the pool's worst (exam 73's
windsurf net +7,606% at 3.1x; benchmarks/results/experiments/round56/). So where the halving applies (the re-rank
saw under an eighth of the run, ``second_run``) and the optimizer is RAdam, the pick is also scaled by q, the largest
step the re-rank's probe took over the largest the full run takes, both per unit of peak LR (the schedule's factor
times r_t; about 0.5 on 3,000-step plans, whose re-rank probes hold the peak to 80% of 182 steps). Read off spent
grids first (8 pooled long RAdam rows per regime: median +7.4% -> +6.1%, worst +7,606% -> +3,065%), then adopted by
exams 75-76's pre-registered rule by full runs (benchmarks/results/exam75_preregistration.md; 8 long RAdam rows per
regime: median +18.7% -> +2.5%, within 3% on 4 rows against 0, over 8% on 2 against 4, one divergence -> none; worse
by over a point on 1 row). It explains about a factor 2 of the overshoot, not all of it: a late cliff is more than
RAdam's rectification (exam 76's tattoo-needle pick stayed 3.6x the best).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def rectification(step: int, beta2: float) -> float:
    """RAdam's r_t at optimizer step ``step`` (1-based), as torch computes it; 0 where rho_t <= 5, the first few
    steps, which torch takes unadapted (their size is the raw gradient's, not comparable to an adaptive step)."""
    rho_inf = 2 / (1 - beta2) - 1
    rho = rho_inf - 2 * step * beta2**step / (1 - beta2**step)
    if rho <= 5:
        return 0.0
    return math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))


def largest_step(factors: Sequence[float], beta2: float) -> float:
    """The largest adaptive step of a run per unit of peak LR: ``factors`` (the schedule's LR / peak at each step,
    0-based) times r_t, at its maximum."""
    return max((f * rectification(i + 1, beta2) for i, f in enumerate(factors)), default=0.0)


def step_ratio(probe: Sequence[float], run: Sequence[float], beta2: float) -> float:
    """q: the largest step a probe with schedule factors ``probe`` took over the largest a run with ``run`` takes at
    the same peak LR (1.0 where the run never takes an adaptive step)."""
    full = largest_step(run, beta2)
    return largest_step(probe, beta2) / full if full > 0 else 1.0
