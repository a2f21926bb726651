"""The eighty-second exam: six more workload families that neither the suite nor exams 1-80 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam80_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from kimchi fermentation and
brine, didgeridoos and circular breathing, hurdling and stride patterns, bouldering and hold friction, kendama and
cup catches, and croquet and mallet strikes (exam 81 was built at the same time from other domains; its module was
not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam82/README.md``. Every model's source and every field convention below is the author's
memory (no public code was read); the data generators are the author's own simplifications.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- kimchi brining, salt uptake of napa cabbage: a tanh MLP (the ANN salting / osmotic-dehydration kinetics models of
  food engineering) from the brine and cabbage conditions (brine NaCl, brine-to-cabbage ratio, temperature, blade and
  midrib thickness, midrib fraction) to the cabbage's salt content at 12 times over a 24-hour brining; the uptake from
  Crank's series solution for diffusion into a plane sheet (blade and midrib as two slabs), an Arrhenius diffusivity
  and a brine-depletion equilibrium; 1.5% analytical noise (a salinometer); MSE of the salt content, standardised per
  time; Adam (torch's defaults)
- hurdling, 110 m hurdles touchdown splits: a GRU reads the first five touchdown intervals (start to hurdle 1, then
  hurdle to hurdle) with the wind and the reaction time and forecasts the last five intervals and the run-in; races
  from an exponential sprint-velocity model (Furusawa, Hill & Parkinson 1927; Keller 1973: a maximal speed and time
  constant per athlete), a clearance loss per hurdle, fatigue after hurdle 5 and random hurdle hits; MSE of the
  standardised intervals; RMSprop (torch's alpha 0.99)
- bouldering, hold slip: a ReLU MLP classifies whether a hand stays on a hold (crimp, sloper, pinch, pocket, jug) from
  its geometry, the rock, chalk, skin moisture, humidity, temperature and the load on the hand; the truth from skin
  friction (a coefficient falling with load as a power law, as in the skin-tribology literature; chalk helping sweaty
  skin, as in Amca et al.'s finger-hold measurements; humidity and warmth hurting) against the friction the hold's
  slope and the wall's angle require, an edge's mechanical help, and a logistic spread; binary cross-entropy; SGD with
  Nesterov momentum 0.9 and weight decay 5e-4
- kendama, big / small / base cup catches: a SiLU MLP (a plain classifier as a motor-learning study would fit; no
  published kendama model is claimed) classifies a pull-up catch's outcome (clean catch, bounce-out, miss, string
  jerk) from the toss and the player's move (pull speed, release offset and drift, spin, string length, cup,
  cushioning, tracking lag, paint); the truth from the ball's ballistic flight, the cup's radius and depth, a
  restitution bounce and the string's length, with motor noise; cross-entropy; NAdam
- didgeridoo circular breathing (a long plan only): a GELU MLP from a player's settings (mouth and cheek-reservoir
  volumes, blowing pressure, lip opening, the cheek squeeze's timing against the glottis closure, its ramp, gain and
  compliance) to four outcomes of the cheek phase of a circular breath (the lowest mouth pressure, the fraction of
  time the drone's threshold pressure is kept, the mean pressure, the cheek air left); the truth from a lumped
  mouth-cavity model (air's bulk modulus, an orifice outflow through the lips, the squeeze as a pressure source
  through a compliance) integrated in 1 ms steps; MSE of the standardised outcomes; AdamW (weight decay 1e-2)
- croquet, the croquet stroke (a long plan only): a ReLU MLP from the mallet strike (head speed, split angle,
  follow-through / mallet tilt, mallet weight), the balls' temperature and the lawn (speed in seconds, slope) to where
  both balls stop; the truth from a mallet-ball impact with restitution, the two-ball split (the croqueted ball along
  the line of centres, the striker's ball kept by follow-through), rolling resistance from the lawn speed and the
  slope's drift, with off-centre strike scatter; MSE of the standardised positions; Adamax

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the didgeridoo
circular-breathing net and the croquet stroke net (no short plans), the kimchi brining net on 4096 brining batches
instead of 512 (batch 32 instead of 128) and the bouldering slip classifier on 16384 placements
instead of 2048 (batch 32 instead of 64).

Of the eight plans, two use Adam (both kimchi plans), one RMSprop (hurdling), two SGD with Nesterov momentum (both
bouldering plans), one NAdam (kendama), one AdamW (circular breathing) and one Adamax (croquet).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam82_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam82/README.md).

    python benchmarks/exam82_workloads.py          # the table
    python benchmarks/exam82_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 82"


# --------------------------------------------------------------------------------------------------------------
# 1. kimchi brining: salt uptake of napa cabbage (Adam)

KB_HOURS = torch.tensor([0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0, 16.0, 20.0, 24.0])


def _crank_slab(dt_over_l2: torch.Tensor, terms: int = 8) -> torch.Tensor:
    """Crank's plane-sheet solution: the fraction of the equilibrium uptake after D t / l^2 (l the half
    thickness, both faces in the brine)."""
    out = torch.ones_like(dt_over_l2)
    for k in range(terms):
        m = 2 * k + 1
        out = out - 8 / (m * m * math.pi**2) * torch.exp(-(m * m) * math.pi**2 * dt_over_l2 / 4)
    return out.clamp(0, 1)


def _kb_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Brining batches of quartered napa cabbage: brine 6-15% NaCl (w/v), brine-to-cabbage ratio 0.8-3, temperature
    5-25 C, leaf blade 0.4-1.2 mm and midrib 4-10 mm thick, the midrib 30-60% of the mass. Salt diffuses into each
    part as into a plane sheet (Crank), D = 1e-10 m2/s at 20 C (Arrhenius, 25 kJ/mol) and a little higher in
    stronger brine; the equilibrium salt of the cabbage from a partition of 0.45 with the brine, depleted by the
    uptake (a mass balance with the ratio). Measured: the salt content (% of wet mass) of a sample at 12 times
    0.5-24 h, with 1.5% multiplicative and 0.02% additive noise. Returns (scaled conditions (n, 6), salt % (n, 12))."""
    c0 = 6 + 9 * torch.rand(n, generator=gen)
    ratio = 0.8 + 2.2 * torch.rand(n, generator=gen)
    temp = 5 + 20 * torch.rand(n, generator=gen)
    blade = 0.4e-3 + 0.8e-3 * torch.rand(n, generator=gen)
    rib = 4e-3 + 6e-3 * torch.rand(n, generator=gen)
    frac = 0.3 + 0.3 * torch.rand(n, generator=gen)
    d = 1e-10 * torch.exp(-25000 / 8.314 * (1 / (temp + 273.15) - 1 / 293.15)) * (1 + 0.03 * (c0 - 10))
    t = KB_HOURS.view(1, -1) * 3600
    f_blade = _crank_slab(d.view(-1, 1) * t / (blade.view(-1, 1) / 2) ** 2)
    f_rib = _crank_slab(d.view(-1, 1) * t / (rib.view(-1, 1) / 2) ** 2)
    s_eq = 0.45 * c0 * ratio / (ratio + 0.45)
    s = 0.05 + s_eq.view(-1, 1) * ((1 - frac.view(-1, 1)) * f_blade + frac.view(-1, 1) * f_rib)
    s = s * torch.exp(0.015 * torch.randn(s.shape, generator=gen)) + 0.02 * torch.randn(s.shape, generator=gen)
    x = torch.stack([(c0 - 10.5) / 2.6, (ratio - 1.9) / 0.64, (temp - 15) / 5.8, (blade - 0.8e-3) / 0.23e-3,
                     (rib - 7e-3) / 1.73e-3, (frac - 0.45) / 0.087], 1)
    return x, s


class BriningNet(nn.Module):
    """A salting-kinetics ANN: the six conditions through two tanh layers to the salt content at the 12 times."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, len(KB_HOURS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def salt_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised salt content."""
    x, y = batch
    return F.mse_loss(model(x), y)


def kimchi_brining(batch_size: int = 128, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The brining ANN on 512 brining batches, the salt content standardised per time over them; held out: 1024
    other batches in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(82102)
    x, y = _kb_batches(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BriningNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": salt_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. 110 m hurdles: forecasting the last touchdown splits with a GRU (RMSprop)


def _hu_races(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """110 m hurdle races (13.72 m to hurdle 1, 9.14 m between the 10 hurdles, 14.02 m run-in): reaction time
    0.12-0.20 s, wind -2 to +2 m/s; each athlete a maximal speed 8.6-9.6 m/s and a time constant 0.9-1.3 s of an
    exponential velocity curve v(t) = vmax (1 - exp(-t / tau)) (the flat-sprint model) to hurdle 1, then each
    interval run at the speed reached, less a per-athlete clearance loss of 0.03-0.09 s a hurdle, a fatigue of
    0.4-2.2% of speed per interval after hurdle 5 (mostly set by the time constant: slow starters tire more) and a
    wind effect of 0.6% of the time per m/s; a hurdle hit (1% a hurdle) costs 0.02-0.08 s; timing noise 0.003 s.
    Returns (the first five intervals with wind and reaction time as a (n, 5, 3) sequence, the same two as (n, 2),
    the last five intervals and the run-in (n, 6) in s)."""
    rt = 0.12 + 0.08 * torch.rand(n, generator=gen)
    wind = -2 + 4 * torch.rand(n, generator=gen)
    vmax = 8.6 + 1.0 * torch.rand(n, generator=gen)
    tau = 0.9 + 0.4 * torch.rand(n, generator=gen)
    clear = 0.03 + 0.06 * torch.rand(n, generator=gen)
    fat = 0.004 + 0.015 * (tau - 0.9) / 0.4 + 0.003 * torch.rand(n, generator=gen)
    t = torch.full((n,), 2.2)
    for _ in range(8):  # Newton on vmax (t - tau (1 - exp(-t / tau))) = 13.72 (8 strides to hurdle 1)
        d = vmax * (t - tau * (1 - torch.exp(-t / tau))) - 13.72
        t = t - d / (vmax * (1 - torch.exp(-t / tau)))
    v = vmax * (1 - torch.exp(-t / tau))
    wf = 1 - 0.006 * wind
    ints = [(rt + t) * (1 - 0.3 * (1 - wf))]
    for i in range(2, 12):  # intervals to hurdles 2-10, then the run-in
        v = v + (vmax * 0.985 - v) * (1 - math.exp(-1.0 / 1.1))  # still accelerating towards a hurdling speed
        vi = v * (1 - fat * max(0, i - 5))
        dist = 9.14 if i <= 10 else 14.02
        ti = dist / vi * wf + (clear if i <= 10 else -0.02 * torch.ones(n))
        ints.append(ti)
    ints = torch.stack(ints, 1)
    hits = (torch.rand(n, 10, generator=gen) < 0.01).float() * (0.02 + 0.06 * torch.rand(n, 10, generator=gen))
    ints[:, 1:11] = ints[:, 1:11] + hits
    ints = ints + 0.003 * torch.randn(ints.shape, generator=gen)
    ctx = torch.stack([wind / 1.15, (rt - 0.16) / 0.023], 1)
    first = ints[:, :5]
    first_s = torch.cat([((first[:, :1] - 2.65) / 0.1), (first[:, 1:] - 1.10) / 0.045], 1)
    seq = torch.stack([first_s, ctx[:, :1].expand(-1, 5), ctx[:, 1:].expand(-1, 5)], 2)
    return seq, ctx, ints[:, 5:]


class SplitForecaster(nn.Module):
    """A GRU (32 units) over the five observed intervals; its last state with the wind and reaction time through a
    dense layer to the six remaining intervals (standardised)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(3, hidden, batch_first=True)
        self.head = nn.Sequential(nn.Linear(hidden + 2, hidden), nn.Tanh(), nn.Linear(hidden, 6))

    def forward(self, seq: torch.Tensor, ctx: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(seq)
        return self.head(torch.cat([h[-1], ctx], 1))


def split_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised remaining intervals."""
    seq, ctx, y = batch
    return F.mse_loss(model(seq, ctx), y)


def hurdle_splits(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The split forecaster on 1024 races, targets standardised per interval over them; held out: 1024 other races
    in batches of 512; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(82202)
    s, c, y = _hu_races(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (s[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SplitForecaster(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], c[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": split_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. bouldering: will the hand stay on the hold? (SGD with Nesterov momentum)

BO_HOLDS, BO_ROCKS = 5, 4


def _bo_attempts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hand placements: hold type (crimp, sloper, pinch, pocket, jug), the hold surface's slope 0-45 degrees below
    the horizontal, its depth 5-40 mm, the wall 10 degrees slab to 45 overhanging, rock (granite, gritstone,
    limestone, resin), chalk or not, skin moisture 0-1, humidity 20-90%, temperature 0-30 C, the load on the hand
    0.2-0.9 body weights. Available friction: the rock's coefficient times a load power law (N / 300 N)^-0.15 (skin
    friction falls with load), chalk (helps moist skin, slightly hurts very dry skin), moist skin without chalk
    -35% at full moisture, humidity above 50% and warmth lowering it. Required: tan of the slope plus an angle of
    pull growing with the overhang, reduced by the edge (exp(-depth / d0), d0 per hold type: a jug almost never
    needs friction). Stays on with probability sigmoid((available - required) / 0.015). Returns (features (n, 16),
    stayed (n,) as 0 / 1)."""
    hold = torch.randint(0, BO_HOLDS, (n,), generator=gen)
    rock = torch.randint(0, BO_ROCKS, (n,), generator=gen)
    slope = 45 * torch.rand(n, generator=gen)
    depth = 5 + 35 * torch.rand(n, generator=gen)
    wall = -10 + 55 * torch.rand(n, generator=gen)
    chalk = (torch.rand(n, generator=gen) < 0.7).float()
    moist = torch.rand(n, generator=gen)
    hum = 20 + 70 * torch.rand(n, generator=gen)
    temp = 30 * torch.rand(n, generator=gen)
    load = 0.2 + 0.7 * torch.rand(n, generator=gen)
    mu = torch.tensor([0.95, 1.1, 0.7, 0.85])[rock] * (load * 700 / 300) ** -0.15
    mu = mu * torch.where(chalk > 0, 1 + 0.2 * moist - 0.1 * (1 - moist) ** 2, 1 - 0.35 * moist)
    mu = mu * (1 - 0.35 * F.relu(hum - 50) / 40) * (1 + 0.012 * (15 - temp))
    pull = torch.deg2rad(slope + 0.5 * wall.clamp_min(0) - 0.3 * wall.clamp_max(0))
    d0 = torch.tensor([6.0, 60.0, 14.0, 9.0, 3.0])[hold]
    need = torch.tan(pull.clamp(0, 1.4)) * (1 - torch.exp(-60 / d0) + torch.exp(-depth / d0)) * 0.9 + 0.25 * load
    need = need * torch.tensor([1.0, 1.0, 0.8, 1.1, 0.6])[hold]
    p = torch.sigmoid((mu - need) / 0.015)
    y = (torch.rand(n, generator=gen) < p).float()
    x = torch.cat([F.one_hot(hold, BO_HOLDS).float(), F.one_hot(rock, BO_ROCKS).float()[:, 1:],
                   torch.stack([(slope - 22.5) / 13, (depth - 22.5) / 10, (wall - 17.5) / 16, chalk - 0.7,
                                (moist - 0.5) / 0.29, (hum - 55) / 20, (temp - 15) / 8.7, (load - 0.55) / 0.2], 1)],
                  1)
    return x, y


class HoldNet(nn.Module):
    """A ReLU MLP (two layers of 64) from the 16 hold / rock / skin / weather features to the logit of staying on."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def hold_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of staying on."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def bouldering_slip(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The slip classifier on 2048 placements; held out: 4096 other placements in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(82302)
    x, y = _bo_attempts(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HoldNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": hold_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. kendama: the outcome of a pull-up cup catch (NAdam)

KE_CUPS = 3


def _ke_catches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pull-up catches into the big, small or base cup (rim radii 2.9, 2.6 and 2.3 cm for a 6 cm ball; depths 8,
    6 and 5 mm): pull speed 1.2-2.8 m/s, release offset (cm, sd 1.2) and drift 0-0.25 m/s sideways, spin 0-3 rev/s,
    string 36-46 cm, the player's tracking (how much of the drift the ken follows, 0.4-1), cushioning (the knee
    bend at the catch, 0-0.8), paint (0 slick to 1 sticky: restitution 0.55 to 0.3). The ball flies ballistically
    and lands after twice its rise time; the offset at the cup is the release offset plus the drift's unfollowed
    part plus motor noise (sd 0.5 cm); it bounces out if its rebound (restitution times the impact speed less the
    cushion, spin adding) rises above the cup's lip; the string jerks it if the rise passes the string's length
    less 10 cm. Outcomes: 0 caught, 1 bounced out, 2 missed, 3 string jerk. Returns (features (n, 11), outcome)."""
    cup = torch.randint(0, KE_CUPS, (n,), generator=gen)
    v0 = 1.2 + 1.6 * torch.rand(n, generator=gen)
    off = 1.2 * torch.randn(n, generator=gen)
    drift = 0.25 * torch.rand(n, generator=gen)
    spin = 3 * torch.rand(n, generator=gen)
    string = 36 + 10 * torch.rand(n, generator=gen)
    track = 0.4 + 0.6 * torch.rand(n, generator=gen)
    cush = 0.8 * torch.rand(n, generator=gen)
    paint = torch.rand(n, generator=gen)
    g = 9.81
    rise = 100 * v0**2 / (2 * g)  # cm
    tflight = 2 * v0 / g
    miss = (off + 100 * drift * tflight * (1 - track)).abs() + 0.5 * torch.randn(n, generator=gen).abs()
    radius = torch.tensor([2.9, 2.6, 2.3])[cup]
    lip = torch.tensor([0.8, 0.6, 0.5])[cup]
    e = 0.55 - 0.25 * paint
    reb = e * v0 * (1 - cush) * (1 + 0.08 * spin)
    bounce = 100 * reb**2 / (2 * g) + 0.2 * torch.randn(n, generator=gen)
    jerk = rise + 1.5 * torch.randn(n, generator=gen) > string - 10
    y = torch.zeros(n, dtype=torch.long)
    y[bounce > lip] = 1
    y[miss > radius] = 2
    y[jerk] = 3
    x = torch.cat([F.one_hot(cup, KE_CUPS).float(),
                   torch.stack([(v0 - 2) / 0.46, off / 1.2, (drift - 0.125) / 0.072, (spin - 1.5) / 0.87,
                                (string - 41) / 2.9, (track - 0.7) / 0.17, (cush - 0.4) / 0.23, (paint - 0.5) / 0.29],
                               1)], 1)
    return x, y


class CatchNet(nn.Module):
    """A SiLU MLP (two layers of 64) from the 11 toss / player / kendama features to the four outcome logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def catch_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def kendama_catch(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The catch-outcome classifier on 2048 catches; held out: 4096 other catches in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(82402)
    x, y = _ke_catches(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CatchNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": catch_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. didgeridoo circular breathing: the cheek phase of the breath cycle (AdamW; long only)


@lru_cache(maxsize=4)
def _cb_cycles(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The cheek phase of a didgeridoo player's circular breath, a lumped mouth-cavity model (the author's own, from
    memory of the physiology: the glottis closes, the player sniffs through the nose, and the cheeks, squeezed by
    the buccinators, keep air flowing through the lips). The mouth a cavity of 60-100 ml plus a cheek reservoir of
    20-60 ml, at the lung-phase blowing pressure 1.2-4 kPa when the glottis closes (t = 0); the outflow through the
    vibrating lips an orifice of 2-6 mm2 effective area (0.8 sqrt(2 p / rho)); the cheek squeeze starting -30 to +50
    ms from the closure (an early start overlaps the lung phase), ramping over 20-100 ms to 0.7-1.3 times the lung
    pressure, pushing air at a compliance of 2-8e-8 m3/s/Pa until the reservoir is empty; the cavity's pressure
    from the adiabatic bulk modulus of air (dp/dt = K / V (squeeze - outflow)), 1 ms Euler steps over 400 ms.
    Measured (a mouth-pressure transducer): the lowest pressure (kPa), the fraction of the 400 ms that the pressure
    stays above the drone's 0.6 kPa threshold (a soft count), the mean pressure (kPa), the cheek reservoir left at
    the end (a fraction); 2% + 0.01 noise on each. Cached in-process (a deterministic function of n and seed).
    Returns (scaled player settings (n, 8), the four outcomes (n, 4))."""
    gen = torch.Generator().manual_seed(seed)
    v0 = 60e-6 + 40e-6 * torch.rand(n, generator=gen)
    vc = 20e-6 + 40e-6 * torch.rand(n, generator=gen)
    pl = 1200 + 2800 * torch.rand(n, generator=gen)
    area = 2e-6 + 4e-6 * torch.rand(n, generator=gen)
    delay = -0.03 + 0.08 * torch.rand(n, generator=gen)
    ramp = 0.02 + 0.08 * torch.rand(n, generator=gen)
    gain = 0.7 + 0.6 * torch.rand(n, generator=gen)
    kc = 2e-8 + 6e-8 * torch.rand(n, generator=gen)
    rho, bulk, dt, steps = 1.2, 1.4e5, 1e-3, 400
    p, vol = pl.clone(), vc.clone()
    pmin, sus, mean = pl.clone(), torch.zeros(n), torch.zeros(n)
    for i in range(steps):
        q_out = 0.8 * area * (2 * p / rho).sqrt()
        pc = gain * pl * ((i * dt - delay) / ramp).clamp(0, 1)
        squeeze = (kc * (pc - p)).clamp_min(0) * (vol > 0).float()
        vol = vol - squeeze * dt
        p = (p + dt * bulk / (v0 + vol.clamp_min(0)) * (squeeze - q_out)).clamp_min(0)
        pmin = torch.minimum(pmin, p)
        sus = sus + torch.sigmoid((p - 600) / 100) / steps
        mean = mean + p / steps
    y = torch.stack([pmin / 1000, sus, mean / 1000, vol.clamp_min(0) / vc], 1)
    y = y * (1 + 0.02 * torch.randn(y.shape, generator=gen)) + 0.01 * torch.randn(y.shape, generator=gen)
    x = torch.stack([(v0 - 80e-6) / 11.5e-6, (vc - 40e-6) / 11.5e-6, (pl - 2600) / 808, (area - 4e-6) / 1.15e-6,
                     (delay - 0.01) / 0.023, (ramp - 0.06) / 0.023, (gain - 1) / 0.173, (kc - 5e-8) / 1.73e-8], 1)
    return x, y


class CheekPhaseNet(nn.Module):
    """A GELU MLP (two layers of 128) from the eight player settings to the four cheek-phase outcomes."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cheek_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised outcomes."""
    x, y = batch
    return F.mse_loss(model(x), y)


def circular_breathing(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                       hidden: int = 128) -> dict[str, Any]:
    """The cheek-phase net on 4096 simulated breath cycles, outcomes standardised over them; held out: 1024 other
    cycles in batches of 512; AdamW (weight decay 1e-2)."""
    x, y = _cb_cycles(train_size + 1024, 82502)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CheekPhaseNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": cheek_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. croquet: where the croquet stroke leaves both balls (Adamax; long only)


def _cq_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Croquet strokes (the striker's ball touching the croqueted ball): mallet head speed 0.8-2.6 m/s, split angle
    0-50 degrees between the swing and the line of centres, follow-through / mallet tilt 0-1 (stop shot to pass
    roll), mallet 2.5-3.5 lb, the balls' temperature 5-30 C (restitution 0.72-0.82), lawn speed 8-14 s (Plus One
    seconds: rolling deceleration 2 x 26 m / s^2), the lawn's slope (two components, up to 1%). The mallet gives the
    striker's ball M (1 + e) / (M + m) of its speed; the croqueted ball takes (1 + e) / 2 of its component along the
    line of centres, less with follow-through (the stop shot sends it farthest); the striker's ball keeps the
    perpendicular component and follow-through's forward roll; off-centre strikes scatter the direction (sd 1.5
    degrees). Each ball rolls to rest, v^2 / 2a, drifting with the slope. Returns (features (n, 8), the two balls'
    final (x, y) in m, x along the line of centres (n, 4))."""
    u = 0.8 + 1.8 * torch.rand(n, generator=gen)
    split = torch.deg2rad(50 * torch.rand(n, generator=gen))
    follow = torch.rand(n, generator=gen)
    mass = (2.5 + torch.rand(n, generator=gen)) * 0.4536
    temp = 5 + 25 * torch.rand(n, generator=gen)
    speed = 8 + 6 * torch.rand(n, generator=gen)
    slope = 0.01 * (2 * torch.rand(n, 2, generator=gen) - 1)
    e = 0.72 + 0.1 * (temp - 5) / 25
    m = 0.454
    v = u * mass * (1 + e) / (mass + m)
    ang = split + torch.deg2rad(1.5 * torch.randn(n, generator=gen))
    par, perp = v * torch.cos(ang), v * torch.sin(ang)
    vc = par * (1 + e) / 2 * (1 - 0.35 * follow)
    vs_par = par * ((1 - e) / 2 + 0.55 * follow)
    a = 2 * 26 / speed**2
    g = 9.81

    def rest(vx: torch.Tensor, vy: torch.Tensor) -> torch.Tensor:
        sp = (vx**2 + vy**2).sqrt().clamp_min(1e-6)
        t = sp / a
        dist = sp**2 / (2 * a)
        return torch.stack([vx / sp * dist - 0.5 * g * slope[:, 0] * t**2,
                            vy / sp * dist - 0.5 * g * slope[:, 1] * t**2], 1)

    pos = torch.cat([rest(vc, torch.zeros(n)), rest(vs_par, perp)], 1)
    pos = pos * (1 + 0.02 * torch.randn(n, 1, generator=gen))
    x = torch.stack([(u - 1.7) / 0.52, (split - 0.436) / 0.25, (follow - 0.5) / 0.29, (mass / 0.4536 - 3) / 0.29,
                     (temp - 17.5) / 7.2, (speed - 11) / 1.73, slope[:, 0] / 0.0058, slope[:, 1] / 0.0058], 1)
    return x, pos


class StrokeNet(nn.Module):
    """A ReLU MLP (two layers of 128) from the 8 stroke / ball / lawn features to both balls' final positions."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def position_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised final positions."""
    x, y = batch
    return F.mse_loss(model(x), y)


def croquet_stroke(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 128) -> dict[str, Any]:
    """The stroke net on 8192 strokes, positions standardised over them; held out: 2048 other strokes in batches of
    1024; Adamax."""
    gen = torch.Generator().manual_seed(82602)
    x, y = _cq_strokes(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrokeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": position_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("kimchi_brining_adam", kimchi_brining, 300, "kimchi_napa_brining_crank_salt_uptake_mlp", "adam", "small_finite",
      128, seconds=0.3, start_lr=0.064),
    W("hurdle_splits_rmsprop", hurdle_splits, 300, "hurdles_110m_touchdown_split_gru", "rmsprop", "finite", 32,
      seconds=0.5, start_lr=0.016),
    W("bouldering_slip_nesterov", bouldering_slip, 300, "bouldering_hold_skin_friction_slip_mlp",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=0.2, start_lr=0.1),
    W("kendama_catch_nadam", kendama_catch, 300, "kendama_cup_catch_outcome_mlp", "nadam", "finite", 32,
      seconds=0.2, start_lr=0.032),
)
LONG = (
    W("circular_breathing_adamw@long", circular_breathing, 3000, "didgeridoo_circular_breathing_cheek_phase_mlp",
      "adamw_wd1e-2", "finite", 32, seconds=2.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("croquet_stroke_adamax@long", croquet_stroke, 3000, "croquet_stroke_two_ball_split_mlp", "adamax", "finite", 32,
      seconds=1.8, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("kimchi_brining_adam@long", kimchi_brining, 3000, "kimchi_napa_brining_crank_salt_uptake_mlp", "adam", "finite",
      32, dict(train_size=4096), seconds=1.5, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="kimchi_brining_adam"),
    W("bouldering_slip_nesterov@long", bouldering_slip, 3000, "bouldering_hold_skin_friction_slip_mlp",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, dict(train_size=16384), seconds=1.6, start_lr=0.05,
      grid_fractions=(0.0, 0.05), long_of="bouldering_slip_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam82_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-second exam's workloads")
