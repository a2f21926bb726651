"""The thirty-first exam: six more workload families that neither the suite nor the first thirty exams have.

Same rules as exams 1-30 (``exam_workloads.py`` ... ``exam30_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam26_workloads.py``'s and ``exam30_workloads.py``'s docstrings (which chain to the earlier exams' and the
suite's), plus exams 27-30's own and the ones tried, dropped or set aside in exams 23-30's READMEs. Exam 32 was
built at the same time from other domains; its module was not read. This exam's families come from insurance,
human physiology, epidemiology, logistics, hydrology (limnology) and geospatial analysis.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- a Tweedie pure-premium network (actuarial pricing, in the style of the Keras tutorials of Wuthrich and
  co-authors): an MLP (20, 15, 10, tanh) with an exponential output whose bias starts at the portfolio's log mean
  premium; the exposure-weighted Tweedie deviance (power 1.5) of a compound Poisson-gamma claim cost per policy
  year; NAdam (the tutorials' ``nadam``)
- a neural oral glucose minimal model (physiology: Bergman's minimal model with Dalla Man's oral glucose
  appearance, its parameters from an MLP of a subject's covariates): the glucose curve of an oral glucose
  tolerance test, integrated by forward Euler inside the forward pass from the measured insulin curve; the MSE of
  the glucose samples; Adam
- a neural-parameterised SIR model (epidemiology: a differentiable compartmental model whose transmission rate,
  intervention effect and day, seed and ascertainment come from an MLP of region covariates); a daily discrete
  SIR over 30 days inside the forward pass; the Poisson deviance of daily reported cases; Adam
- route-based travel-time estimation for delivery routing (logistics): road-segment and departure-time embeddings
  give each segment's pace and junction delay, summed along the route; the MAPE loss (DeepTTE's); Adam
- a physics-guided neural network for lake temperature (PGNN, Karpatne et al. 2017; a long plan only): an MLP
  (2 x 12, ReLU, the paper's) on meteorological drivers, depth, day of year and a process model's simulated
  temperature; the MSE + 500 x the mean density inversion between consecutive depths on unlabelled pairs (the
  paper's physics loss); Adam with clipnorm 1 (the paper's code)
- geographically neural network weighted regression (GNNWR, Du et al. 2020; a long plan only): a spatial weighting
  network (batch norm and PReLU 0.4 as the ``gnnwr`` package's; dropout off, the package's default 0.2 left seeds
  far apart) maps a site's distances to 128 reference sites to weights on the global OLS coefficients; the MSE;
  Adagrad (the ``gnnwr`` package's default)

No Adadelta, RAdam, Adamax, ASGD or Nesterov plan: none of these fields uses them in the code the author found or
remembers. Five Adam plans (glucose, SIR, travel time (both), PGNN with gradient clipping), two NAdam (both Tweedie
plans), one Adagrad (GNNWR).

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): PGNN and GNNWR (no
short plan), the Tweedie net and travel-time estimation on larger pools (16384 items instead of 4096). What was
tried and dropped before the first commit is listed in ``benchmarks/results/exam31/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam31_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam31/README.md).

    python benchmarks/exam31_workloads.py          # the table
    python benchmarks/exam31_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 31"


# --------------------------------------------------------------------------------------------------------------
# 1. Tweedie pure-premium network (NAdam)

TW_POWER = 1.5


def _tw_policies(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Motor policies: driver age 18-90, vehicle age 0-20, power 4-15, bonus-malus 50-150, log density, six areas
    (one-hot), exposure U[0.1, 1] years. Claim counts Poisson(exposure x frequency), frequency log-linear in
    nonlinear effects (a U-shaped driver age, a steep bonus-malus, a power x young-driver interaction, area);
    claim sizes Gamma(shape 2) around a mean set by power and area. Returns (standardised features (n, 11), the
    claim cost per year of exposure, the exposure)."""
    age = 18 + 72 * torch.rand(n, generator=gen)
    vage = 20 * torch.rand(n, generator=gen) ** 1.5
    power = 4 + 11 * torch.rand(n, generator=gen)
    bm = 50 + 100 * torch.rand(n, generator=gen) ** 3
    dens = 2 + 8 * torch.rand(n, generator=gen)
    area = torch.randint(0, 6, (n,), generator=gen)
    expo = 0.1 + 0.9 * torch.rand(n, generator=gen)
    young = torch.sigmoid((28 - age) / 3)
    logf = (0.3 + 1.2 * young + 0.4 * ((age - 50) / 25) ** 2 + 2.2 * (bm - 50) / 100 + 0.12 * (dens - 6)
            + 0.5 * young * (power - 9.5) / 5.5 - 0.04 * vage + 0.15 * (area.float() - 2.5))
    counts = torch.poisson(expo * torch.exp(logf), generator=gen)
    sev_mean = torch.exp(0.4 * (power - 9.5) / 5.5 + 0.1 * (area.float() - 2.5))
    # a sum of k Gamma(2, 1) claim sizes is Gamma(2k, 1): a sum of 2k unit exponentials from the generator
    kmax = int(counts.max())
    e = -torch.log1p(-torch.rand(n, 2 * max(kmax, 1), generator=gen))
    mask = (torch.arange(2 * max(kmax, 1)).unsqueeze(0) < 2 * counts.unsqueeze(1)).float()
    cost = (e * mask).sum(1) / 2 * sev_mean
    feats = torch.stack([(age - 54) / 21, (vage - 8) / 6, (power - 9.5) / 3.2, (bm - 75) / 25, (dens - 6) / 2.3], 1)
    x = torch.cat([feats, F.one_hot(area, 6).float()], 1)
    return x, cost / expo, expo


class PremiumNet(nn.Module):
    """An MLP 11-20-15-10-1 (tanh) with an exponential output; the output bias starts at the portfolio's log mean
    premium (the tutorials' homogeneous-model start)."""

    def __init__(self, log_mean: float) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(11, 20), nn.Tanh(), nn.Linear(20, 15), nn.Tanh(), nn.Linear(15, 10),
                                  nn.Tanh())
        self.out = nn.Linear(10, 1)
        with torch.no_grad():
            self.out.bias.fill_(log_mean)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.exp(self.out(self.body(x))).squeeze(1)


def tweedie_deviance(model: nn.Module, batch: Any) -> torch.Tensor:
    """The exposure-weighted mean Tweedie unit deviance (power 1.5): 4 (y / sqrt(mu) + sqrt(mu) - 2 sqrt(y))."""
    x, y, e = batch
    mu = model(x)
    d = 4 * (y / mu.sqrt() + mu.sqrt() - 2 * y.sqrt())
    return (e * d).sum() / e.sum()


def tweedie_premium(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The pure-premium net on 4096 policies; held out: 8192 others; NAdam."""
    gen = torch.Generator().manual_seed(31202)
    x, y, e = _tw_policies(train_size + 8192, gen)
    tr = (x[:train_size], y[:train_size], e[:train_size])
    log_mean = math.log(float((y[:train_size] * e[:train_size]).sum() / e[:train_size].sum()))
    torch.manual_seed(seed)
    return {"model": PremiumNet(log_mean), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:], e[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": tweedie_deviance, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. neural oral glucose minimal model (Adam)

GM_DT, GM_STEPS = 10.0, 18  # 10-minute Euler steps over 180 minutes; glucose sampled at each step's end


def _gm_curve(gb: torch.Tensor, ins: torch.Tensor, ib: torch.Tensor, sg: torch.Tensor, si: torch.Tensor,
              p2: torch.Tensor, tau: torch.Tensor, dose: torch.Tensor) -> torch.Tensor:
    """The oral minimal model (Bergman's, with Dalla Man's oral glucose appearance) over an oral glucose tolerance
    test: dG/dt = -(SG + X) G + SG Gb + Ra(t) / V, dX/dt = -p2 X + p2 SI (I(t) - Ib), Ra a gamma-shaped
    appearance of 90% of the dose (mg / kg) with time constant tau, V = 1.45 dL / kg; forward Euler with 10-minute
    steps. ``ins`` is the measured insulin curve (n, 19: every 10 minutes). Returns glucose (mg / dL) every 10
    minutes from minute 10 (n, 18)."""
    t = torch.arange(GM_STEPS).float().unsqueeze(0) * GM_DT
    tau_ = tau.unsqueeze(1)
    ra = (0.9 / 1.45 * GM_DT) * dose.unsqueeze(1) * t * torch.exp(-t / tau_) / tau_**2  # appearance per step
    drive = (GM_DT * p2 * si).unsqueeze(1) * (ins[:, :GM_STEPS] - ib.unsqueeze(1))  # insulin action's input
    keep_x, sgdt, base = 1 - GM_DT * p2, GM_DT * sg, GM_DT * sg * gb
    g, x = gb, torch.zeros_like(gb)
    out = []
    for k in range(GM_STEPS):
        g, x = g - (sgdt + GM_DT * x) * g + base + ra[:, k], keep_x * x + drive[:, k]
        out.append(g)
    return torch.stack(out, 1)


def _gm_subjects(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Subjects of an OGTT study: age, BMI, waist-to-height ratio, fasting glucose Gb and insulin Ib, weekly
    exercise hours. Insulin sensitivity SI falls with BMI, waist and age and rises with exercise; glucose
    effectiveness SG falls with age; p2 and the absorption time constant tau vary with age and BMI; each parameter
    has a log-normal inter-individual variability sd 0.05. The insulin curve (every 10 minutes) is Ib + a
    gamma-shaped secretory response (its amplitude rising as SI falls) + 5% noise. Glucose samples carry 2% + 2
    mg / dL assay noise. The dose is 75 g over body weight. Returns (standardised covariates (n, 6), Gb, insulin
    (n, 19), Ib, dose, glucose samples (n, 18))."""
    age = 20 + 50 * torch.rand(n, generator=gen)
    bmi = 19 + 18 * torch.rand(n, generator=gen)
    whr = 0.4 + 0.02 * (bmi - 19) + 0.06 * torch.rand(n, generator=gen)
    exer = 8 * torch.rand(n, generator=gen) ** 2
    eta = 0.05 * torch.randn(n, 4, generator=gen)
    si = 12e-4 * torch.exp(-0.07 * (bmi - 24) - 3 * (whr - 0.5).clamp_min(0) - 0.01 * (age - 40) + 0.08 * exer
                           + eta[:, 0])
    sg = 0.025 * torch.exp(-0.008 * (age - 40) + eta[:, 1])
    p2 = 0.03 * torch.exp(0.005 * (age - 40) - 0.02 * (bmi - 24) + eta[:, 2])
    tau = 35 * torch.exp(0.006 * (age - 40) + 0.01 * (bmi - 24) + eta[:, 3])
    ib = 5 + 1.2 * (bmi - 19) * torch.exp(0.1 * torch.randn(n, generator=gen))
    gb = 85 + 0.4 * (age - 20) + 30 * torch.relu(8e-4 - si) / 8e-4 + 4 * torch.randn(n, generator=gen)
    t = torch.arange(GM_STEPS + 1).float() * GM_DT
    amp = 25 + 0.03 / si.unsqueeze(1) * torch.exp(0.1 * torch.randn(n, 1, generator=gen))
    ins = ib.unsqueeze(1) + amp * (t / 40) * torch.exp(1 - t / 40)
    ins = ins * (1 + 0.05 * torch.randn(n, GM_STEPS + 1, generator=gen))
    weight = bmi * (1.5 + 0.3 * torch.rand(n, generator=gen)) ** 2
    dose = 75000 / weight
    glc = _gm_curve(gb, ins, ib, sg, si, p2, tau, dose)
    glc = glc * (1 + 0.02 * torch.randn(n, glc.shape[1], generator=gen))
    glc = glc + 2 * torch.randn(n, glc.shape[1], generator=gen)
    x = torch.stack([(age - 45) / 14, (bmi - 28) / 5.2, (whr - 0.61) / 0.11, (gb - 110) / 20, (ib - 22) / 6,
                     (exer - 2.7) / 2.4], 1)
    return x, gb, ins, ib, dose, glc


class NeuralMinimalModel(nn.Module):
    """An MLP 6-32-32-4 (tanh) gives log deviations of SI, SG, p2 and tau from population values (1e-3, 0.025,
    0.03 / min, 35 min), each bounded by 2 tanh; the oral minimal model is integrated inside the forward pass."""

    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 4))

    def forward(self, x: torch.Tensor, gb: torch.Tensor, ins: torch.Tensor, ib: torch.Tensor, dose: torch.Tensor
                ) -> torch.Tensor:
        h = torch.exp(2 * torch.tanh(self.net(x)))
        return _gm_curve(gb, ins, ib, 0.025 * h[:, 1], 1e-3 * h[:, 0], 0.03 * h[:, 2], 35 * h[:, 3], dose)


def glucose_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the glucose samples, in units of 10 mg / dL."""
    x, gb, ins, ib, dose, glc = batch
    return ((model(x, gb, ins, ib, dose) - glc) / 10).pow(2).mean()


def glucose_minimal_model(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The neural oral minimal model on 4096 subjects' OGTTs; held out: 2048 other subjects; Adam."""
    gen = torch.Generator().manual_seed(31702)
    parts = _gm_subjects(train_size + 2048, gen)
    tr = tuple(p[:train_size] for p in parts)
    torch.manual_seed(seed)
    return {"model": NeuralMinimalModel(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(p[train_size:] for p in parts), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": glucose_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. neural-parameterised SIR model (Adam)

SIR_DAYS, SIR_GAMMA = 30, 0.2


def _sir_cases(beta0: torch.Tensor, eff: torch.Tensor, t_npi: torch.Tensor, seed_frac: torch.Tensor,
               ascert: torch.Tensor, pop: torch.Tensor) -> torch.Tensor:
    """A daily discrete SIR (recovery rate 0.2 a day) from a seed fraction of infected; the transmission rate
    beta0 falls by the fraction ``eff`` through a logistic step at day ``t_npi`` (an intervention); reported cases
    are the day's new infections x the ascertainment x the population. Returns (n, 30) expected daily cases."""
    s = 1 - seed_frac
    i = seed_frac
    out = []
    for d in range(SIR_DAYS):
        beta = beta0 * (1 - eff * torch.sigmoid((d - t_npi) / 1.5))
        new = beta * s * i
        s = s - new
        i = i + new - SIR_GAMMA * i
        out.append(new)
    return torch.stack(out, 1) * (ascert * pop).unsqueeze(1)


def _sir_regions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Regions with six covariates (U[-1, 1]: density, mobility, household size, share over 65, testing capacity,
    policy stringency); the true parameters are fixed nonlinear functions of them; the population (a log10 between
    4 and 5) is known. Reported daily cases are negative binomial (dispersion 30) around the SIR's expectation.
    Returns (covariates, log10 population, daily cases)."""
    x = 2 * torch.rand(n, 6, generator=gen) - 1
    dens, mob, hh, old, test, strin = x.unbind(1)
    beta0 = 0.35 + 0.12 * dens + 0.1 * mob * (1 + 0.5 * dens) + 0.05 * hh
    eff = torch.sigmoid(0.5 + 1.5 * strin - 0.5 * mob)
    t_npi = 15 - 6 * strin + 2 * old
    seed_frac = 1e-4 * torch.exp(1.0 * mob + 0.5 * dens)
    ascert = 0.1 + 0.25 * torch.sigmoid(2 * test - old)
    lpop = 4 + torch.rand(n, generator=gen)
    mu = _sir_cases(beta0, eff, t_npi, seed_frac, ascert, 10**lpop)
    lam = -torch.log1p(-torch.rand(*mu.shape, 30, generator=gen)).mean(2) * mu  # a Gamma(30, 30) multiplier
    return x, lpop.unsqueeze(1), torch.poisson(lam, generator=gen)


class NeuralSIR(nn.Module):
    """An MLP 6-32-32-5 (tanh) gives the SIR's beta0, intervention effect, intervention day, log seed fraction and
    ascertainment (each through a squashing map to its plausible range); the SIR is simulated inside the forward."""

    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 5))

    def forward(self, x: torch.Tensor, lpop: torch.Tensor) -> torch.Tensor:
        h = self.net(x)
        beta0 = 0.8 * torch.sigmoid(h[:, 0])
        eff = torch.sigmoid(h[:, 1])
        t_npi = 15 + 8 * torch.tanh(h[:, 2])
        seed_frac = 1e-4 * torch.exp(2 * torch.tanh(h[:, 3]))
        ascert = torch.sigmoid(h[:, 4] - 1.5)
        return _sir_cases(beta0, eff, t_npi, seed_frac, ascert, 10 ** lpop.squeeze(1))


def poisson_deviance(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean Poisson deviance of daily reported cases, 2 (y log(y / mu) - (y - mu)), over days and regions."""
    x, lpop, y = batch
    mu = model(x, lpop).clamp_min(1e-6)
    return (2 * (torch.xlogy(y, y) - y * mu.log() - (y - mu))).mean()


def neural_sir(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The neural SIR on 4096 regions' 30-day case curves; held out: 2048 other regions; Adam."""
    gen = torch.Generator().manual_seed(31402)
    x, lp, y = _sir_regions(train_size + 2048, gen)
    tr = (x[:train_size], lp[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuralSIR(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], lp[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": poisson_deviance, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. route-based travel-time estimation (Adam)

TT_SEGS, TT_MAXLEN, TT_TOD = 400, 12, 48


def _tt_routes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """A road network of 400 segments (four road classes with free-flow speeds 25-90 km/h, lengths 0.2-3 km, each a
    congestion sensitivity) and delivery trips of 4-12 segments departing at one of 48 half-hour slots on a weekday
    or weekend day. The true time: the sum over segments of length / (free speed x (1 - sensitivity x the slot's
    congestion, morning and evening peaks on weekdays)) + a per-segment junction delay by class, x log-normal noise
    sd 0.08. Returns (segment ids padded with 400, segment lengths padded with 0, slot, weekend flag, minutes)."""
    tg = torch.Generator().manual_seed(31601)
    cls = torch.randint(0, 4, (TT_SEGS,), generator=tg)
    free = torch.tensor([25.0, 40.0, 60.0, 90.0])[cls] * (0.85 + 0.3 * torch.rand(TT_SEGS, generator=tg))
    length = 0.2 + 2.8 * torch.rand(TT_SEGS, generator=tg) ** 2
    sens = torch.tensor([0.3, 0.5, 0.6, 0.4])[cls] * (0.5 + torch.rand(TT_SEGS, generator=tg))
    delay = torch.tensor([0.6, 0.4, 0.25, 0.1])[cls]  # minutes
    slot = torch.randint(0, TT_TOD, (n,), generator=gen)
    weekend = (torch.rand(n, generator=gen) < 2 / 7).long()
    h = slot.float() / 2
    peak = torch.exp(-((h - 8.5) ** 2) / 1.5) + 0.9 * torch.exp(-((h - 17.5) ** 2) / 2.0)
    cong = torch.where(weekend == 1, 0.35 * torch.exp(-((h - 13) ** 2) / 8), peak) + 0.1
    k = torch.randint(4, TT_MAXLEN + 1, (n,), generator=gen)
    start = torch.randint(0, TT_SEGS, (n,), generator=gen)
    step = torch.randint(1, 7, (n, TT_MAXLEN), generator=gen)
    ids = (start.unsqueeze(1) + step.cumsum(1)) % TT_SEGS  # nearby segment ids: routes run through neighbourhoods
    valid = torch.arange(TT_MAXLEN).unsqueeze(0) < k.unsqueeze(1)
    speed = free[ids] * (1 - sens[ids] * cong.unsqueeze(1)).clamp_min(0.15)
    minutes = ((60 * length[ids] / speed + delay[ids]) * valid).sum(1)
    minutes = minutes * torch.exp(0.08 * torch.randn(n, generator=gen))
    ids = torch.where(valid, ids, torch.full_like(ids, TT_SEGS))
    lens = torch.where(valid, length[ids.clamp_max(TT_SEGS - 1)], torch.zeros(()))
    return ids, lens, slot, weekend, minutes


class RouteETA(nn.Module):
    """Segment embeddings (16) and departure-slot and day-type embeddings (8 each) feed an MLP 32-32-2 (ReLU) that
    gives each segment's pace (minutes per km, softplus) and junction delay (softplus); the route's time is their
    sum over its segments."""

    def __init__(self) -> None:
        super().__init__()
        self.seg = nn.Embedding(TT_SEGS + 1, 16, padding_idx=TT_SEGS)
        self.tod = nn.Embedding(TT_TOD, 8)
        self.day = nn.Embedding(2, 8)
        self.mlp = nn.Sequential(nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, ids: torch.Tensor, lens: torch.Tensor, slot: torch.Tensor, weekend: torch.Tensor) -> torch.Tensor:
        ctx = torch.cat([self.tod(slot), self.day(weekend)], 1).unsqueeze(1).expand(-1, ids.shape[1], -1)
        out = F.softplus(self.mlp(torch.cat([self.seg(ids), ctx], 2)))
        valid = (ids < TT_SEGS).float()
        return ((out[..., 0] * lens + out[..., 1]) * valid).sum(1)


def mape(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean absolute percentage error of the route time (DeepTTE's loss), as a fraction."""
    ids, lens, slot, weekend, minutes = batch
    return ((model(ids, lens, slot, weekend) - minutes).abs() / minutes).mean()


def travel_time(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """Route travel-time estimation on 4096 trips; held out: 4096 other trips; Adam."""
    gen = torch.Generator().manual_seed(31602)
    parts = _tt_routes(train_size + 4096, gen)
    tr = tuple(p[:train_size] for p in parts)
    torch.manual_seed(seed)
    return {"model": RouteETA(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(p[train_size:] for p in parts), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mape, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. physics-guided neural network for lake temperature, PGNN (Adam with clipnorm 1; long only)

PG_DAYS, PG_TRAIN_DAYS, PG_DEPTHS = 1500, 1000, 21


def _pg_lake(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Daily drivers of a dimictic lake and its temperature profile at depths 0-20 m. Drivers: air temperature (a
    seasonal cycle + AR(1) weather), wind speed, shortwave radiation and relative humidity. The true profile: an
    epilimnion temperature that follows the air temperature with a 15-day lag and the radiation, a hypolimnion
    near 4-6 C warming slowly through summer, a thermocline whose depth deepens with the season and the last week's
    wind, its sharpness set by the stratification, T(z) = T_hypo + (T_epi - T_hypo) sigmoid((z_th - z) / w). The
    process model's simulation (Y_phy) uses the same form with biased inputs: its thermocline 1.5 m too shallow
    with a wind error, its epilimnion warm-biased by radiation. Returns (drivers (days, 4), the true profile
    (days, 21), Y_phy (days, 21))."""
    day = torch.arange(PG_DAYS).float()
    season = -torch.cos(2 * math.pi * (day - 15) / 365.0)
    wx = torch.zeros(PG_DAYS)
    eps = torch.randn(PG_DAYS, generator=gen)
    for i in range(1, PG_DAYS):
        wx[i] = 0.8 * wx[i - 1] + 1.8 * eps[i]
    air = 8 + 13 * season + wx
    wind = 2 + (-torch.log1p(-torch.rand(PG_DAYS, generator=gen))) * 2.5
    sw = (200 + 140 * season) * (0.6 + 0.4 * torch.rand(PG_DAYS, generator=gen))
    rh = 70 - 10 * season + 8 * torch.randn(PG_DAYS, generator=gen)
    te = torch.zeros(PG_DAYS)
    te[0] = 4.0
    for i in range(1, PG_DAYS):
        te[i] = te[i - 1] + (air[i] + 0.01 * (sw[i] - 200) - te[i - 1]) / 15
    te = te.clamp_min(0.5)
    wind7 = torch.nn.functional.avg_pool1d(wind.view(1, 1, -1), 7, 1, 3, count_include_pad=False).view(-1)
    hypo = 4 + 2 * ((season + 1) / 2) ** 2
    strat = ((te - hypo).abs() / 8).clamp(0, 1)
    zt = 3 + 5 * ((1 - season) / 2) + 0.8 * wind7
    width = 0.7 + 2.5 * (1 - strat)
    z = torch.arange(PG_DEPTHS).float().unsqueeze(0)
    truth = hypo.unsqueeze(1) + (te - hypo).unsqueeze(1) * torch.sigmoid((zt.unsqueeze(1) - z) / width.unsqueeze(1))
    zt_phy = zt - 1.5 + 0.5 * (wind - wind7)
    te_phy = te + 0.006 * (sw - 200)
    yphy = hypo.unsqueeze(1) + (te_phy - hypo).unsqueeze(1) * torch.sigmoid((zt_phy.unsqueeze(1) - z) / 1.2)
    return torch.stack([air, wind, sw, rh], 1), truth, yphy


def _pg_features(drv: torch.Tensor, yphy: torch.Tensor, d: torch.Tensor, z: torch.Tensor) -> torch.Tensor:
    """The PGNN's inputs for days ``d`` at depths ``z``: the four drivers, depth, day of year (sine and cosine) and
    the process model's temperature Y_phy (unstandardised; standardised by the factory)."""
    doy = 2 * math.pi * (d.float() % 365) / 365
    return torch.cat([drv[d], z.float().unsqueeze(1), doy.sin().unsqueeze(1), doy.cos().unsqueeze(1),
                      yphy[d, z].unsqueeze(1)], 1)


def water_density(temp: torch.Tensor) -> torch.Tensor:
    """The density of water (kg / m^3) at a temperature (C), the PGNN paper's formula."""
    return 1000 * (1 - (temp + 288.9414) * (temp - 3.9863) ** 2 / (508929.2 * (temp + 68.12963)))


class ClipAdam(torch.optim.Adam):
    """Adam with each parameter tensor's gradient clipped to norm 1 before the step (Keras's ``clipnorm=1``)."""

    @torch.no_grad()
    def step(self, closure: Any = None) -> Any:  # type: ignore[override]
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    norm = p.grad.norm()
                    if norm > 1.0:
                        p.grad.mul_(1.0 / norm)
        return super().step(closure)


def pgnn_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """PGNN's combined loss: the MSE of the labelled temperatures + 500 x the mean density inversion (the upper
    depth's predicted density above the lower depth's, through a ReLU) over unlabelled pairs of consecutive depths."""
    x, y, u1, u2 = batch
    n = len(x)
    out = model(torch.cat([x, u1, u2])).squeeze(1)  # one pass over the labelled rows and both depths of each pair
    mse = (out[:n] - y).pow(2).mean()
    rho = water_density(out[n:])
    inversion = torch.relu(rho[:n] - rho[n:]).mean()
    return mse + 500 * inversion


def pgnn_lake(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """PGNN (an MLP 8-12-12-1, ReLU, the paper's 2 x 12) on 8192 labelled (day, depth) temperatures from the first
    1000 days (noise sd 0.3 C), each paired with an unlabelled pair of consecutive depths on a random training
    day; held out: 2048 labelled observations (and pairs) from days 1000-1499 (a temporal split); Adam with
    clipnorm 1 (the paper's code)."""
    gen = torch.Generator().manual_seed(31302)
    drv, truth, yphy = _pg_lake(gen)
    n_ev = 2048
    d_tr = torch.randint(0, PG_TRAIN_DAYS, (train_size,), generator=gen)
    d_ev = torch.randint(PG_TRAIN_DAYS, PG_DAYS, (n_ev,), generator=gen)
    d = torch.cat([d_tr, d_ev])
    z = torch.randint(0, PG_DEPTHS, (len(d),), generator=gen)
    y = truth[d, z] + 0.3 * torch.randn(len(d), generator=gen)
    du = torch.cat([torch.randint(0, PG_TRAIN_DAYS, (train_size,), generator=gen),
                    torch.randint(PG_TRAIN_DAYS, PG_DAYS, (n_ev,), generator=gen)])
    zu = torch.randint(0, PG_DEPTHS - 1, (len(du),), generator=gen)
    x, u1, u2 = _pg_features(drv, yphy, d, z), _pg_features(drv, yphy, du, zu), _pg_features(drv, yphy, du, zu + 1)
    mu, sd = x[:train_size].mean(0), x[:train_size].std(0)
    x, u1, u2 = (x - mu) / sd, (u1 - mu) / sd, (u2 - mu) / sd
    tr = (x[:train_size], y[:train_size], u1[:train_size], u2[:train_size])
    ev = (x[train_size:], y[train_size:], u1[train_size:], u2[train_size:])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(8, 12), nn.ReLU(), nn.Linear(12, 12), nn.ReLU(), nn.Linear(12, 1))
    return {"model": model, "data": loader(*tr, batch_size=batch_size), "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: ClipAdam(params, lr=lr), "adam_clipnorm1"),
            "loss_fn": pgnn_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. geographically neural network weighted regression, GNNWR (Adagrad; long only)

GW_REF, GW_X = 128, 5


def _gw_field(u: torch.Tensor) -> torch.Tensor:
    """The six true spatially varying coefficients (intercept + five regressors) at sites ``u`` (n, 2) in the unit
    square: smooth surfaces (ramps, bumps and waves)."""
    a, b = u[:, 0], u[:, 1]
    return torch.stack([
        1.0 + 1.5 * a + b,
        2.0 * torch.exp(-((a - 0.3) ** 2 + (b - 0.7) ** 2) / 0.08),
        1.0 + torch.sin(2 * math.pi * a) * torch.cos(math.pi * b),
        -1.0 + 2.0 * b ** 2,
        0.5 + 1.5 * torch.exp(-((a - 0.8) ** 2 + (b - 0.2) ** 2) / 0.05),
        torch.tanh(4 * (a - b)),
    ], 1)


def _gw_sites(n: int, gen: torch.Generator, noise: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sites uniform in the unit square; five correlated regressors; y = the regressors (with a 1) . the local
    coefficients + Gaussian noise (sd ``noise``). Returns (sites, regressors with the constant, y)."""
    u = torch.rand(n, 2, generator=gen)
    z = torch.randn(n, GW_X, generator=gen)
    z[:, 1] = 0.6 * z[:, 0] + 0.8 * z[:, 1]
    xc = torch.cat([torch.ones(n, 1), z], 1)
    y = (xc * _gw_field(u)).sum(1) + noise * torch.randn(n, generator=gen)
    return u, xc, y


class GNNWR(nn.Module):
    """The spatial weighting network (SWNN): distances to the 128 reference sites through dense layers 128-64-32-16
    (batch norm, PReLU 0.4, dropout ``drop_out``, as the gnnwr package's) to six weights; the prediction is the
    weights x the fixed OLS coefficients x the regressors, summed."""

    def __init__(self, ols: torch.Tensor, drop_out: float = 0.2) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        sizes = [GW_REF, 64, 32, 16]
        for i, o in zip(sizes[:-1], sizes[1:]):
            layers += [nn.Linear(i, o), nn.BatchNorm1d(o), nn.PReLU(init=0.4), nn.Dropout(drop_out)]
        layers.append(nn.Linear(16, GW_X + 1))
        self.swnn = nn.Sequential(*layers)
        self.register_buffer("ols", ols)

    def forward(self, dist: torch.Tensor, xc: torch.Tensor) -> torch.Tensor:
        return (self.swnn(dist) * self.ols * xc).sum(1)


def gnnwr_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error (the gnnwr package's criterion)."""
    dist, xc, y = batch
    return (model(dist, xc) - y).pow(2).mean()


def gnnwr(batch_size: int = 32, seed: int = 0, train_size: int = 8192, drop_out: float = 0.0, noise: float = 0.5
          ) -> dict[str, Any]:
    """GNNWR on 8192 sites (noise sd 0.5); the network's input is the standardised distances to the first 128
    training sites; held out: 2048 other sites; no dropout (the package's ``drop_out`` argument, whose default 0.2
    left seeds 4-11% apart in the spot checks); Adagrad (the package's default, its start LR 0.1)."""
    gen = torch.Generator().manual_seed(31502)
    u, xc, y = _gw_sites(train_size + 2048, gen, noise)
    dist = torch.cdist(u, u[:GW_REF])
    dist = (dist - dist[:train_size].mean(0)) / dist[:train_size].std(0)
    ols = torch.linalg.lstsq(xc[:train_size], y[:train_size].unsqueeze(1)).solution.squeeze(1)
    tr = (dist[:train_size], xc[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GNNWR(ols, drop_out), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((dist[train_size:], xc[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": gnnwr_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("tweedie_nadam", tweedie_premium, 300, "tweedie_pure_premium_network", "nadam", "finite", 32,
      seconds=0.5, start_lr=0.016),
    W("ogtt_adam", glucose_minimal_model, 300, "neural_oral_glucose_minimal_model", "adam", "finite", 32,
      seconds=1.5, start_lr=0.016),
    W("sir_adam", neural_sir, 300, "neural_parameterised_sir_epidemic_model", "adam", "finite", 32,
      seconds=1.5, start_lr=0.016),
    W("eta_adam", travel_time, 300, "route_travel_time_estimation", "adam", "finite", 32,
      seconds=0.6, start_lr=0.064),
)
LONG = (
    W("pgnn_lake_adam@long", pgnn_lake, 3000, "physics_guided_nn_lake_temperature", "adam_clipnorm1", "finite", 32,
      seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("gnnwr_adagrad@long", gnnwr, 3000, "geographically_neural_network_weighted_regression", "adagrad", "finite",
      32, seconds=6.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("tweedie_nadam@long", tweedie_premium, 3000, "tweedie_pure_premium_network", "nadam", "finite", 32,
      dict(train_size=16384), seconds=5.0, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="tweedie_nadam"),
    W("eta_adam@long", travel_time, 3000, "route_travel_time_estimation", "adam", "finite", 32,
      dict(train_size=16384), seconds=6.0, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="eta_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam31_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-first exam's workloads")
