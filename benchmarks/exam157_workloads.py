"""The hundred-and-fifty-seventh exam: six more workload families that neither the suite nor exams 1-154 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam154_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from bird baths and algae growth, pond pumps and water circulation, hedge
trimmers and clipping, lawn rollers and turf flattening, log splitters and wedge splitting, and bee hotels and nest
occupancy (exams 155, 156 and 158 were built at the same time from other domains; their modules were not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam157/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- bird-bath algae: a causal dilated 1-D CNN (a TCN: residual blocks with dilations 1, 3, 9) from 28 days of a
  bath's drivers (sunshine, air temperature, rain, bird visits, the owner's top-ups) and the bath's own make (basin
  material, shade, depth, colour) to the log10 chlorophyll of the water on each day after a scrub; growth by a
  Monod phosphorus limit, Steele's photo-inhibition light curve and Eppley's 1.066^T temperature factor, logistic
  crowding, temperature-scaled losses, droppings feeding phosphorus, rain diluting and its overflow rinsing out the
  floating algae (less on rough basins, where they attach), evaporation concentrating and top-ups diluting; MSE of
  the standardised logs; Adam (torch's defaults)
- pond-pump circulation: a grey-box net (a small tanh MLP sets corrections to the pump's nameplate curve, the hose
  system's loss coefficient and the pump's efficiency; a physics layer intersects the quadratic pump curve
  H = H0 (1 - (Q / Qmax)^2) with the system curve H = lift + K Q^2 and gives the power rho g Q H / eta) from the
  pump, its age, the hose, the lift, the fittings, the filter's clogging and the outlet to the log flow, the log
  electrical power and the delivered head; data from the same pump law with a worn impeller, a Darcy-Weisbach
  system curve (Blasius friction, solved by fixed-point iteration) with minor losses and a part-load efficiency
  curve; MSE of the standardised outputs; NAdam (torch's defaults)
- hedge-trimmer stem cutting: a Pre-LN transformer (one causal self-attention block) over the 24 stems met in one
  pass of a hedge trimmer, each with its diameter, species, dead or live wood, the time since the last stem, its
  place in the pass and the trimmer's tooth gap, motor class, blade wear and advance rate, to each stem's outcome
  (clean cut, ragged cut, blade stalled, not taken: too thick for the tooth gap); the blade's speed falls with each
  cut's work (shear strength times the stem's section, more with a dull blade and with clippings clogging the
  teeth) and recovers between stems, a stall when the needed force passes the motor's, ragged cuts from a dull or
  slowed blade; cross-entropy; AdamW (torch's defaults)
- lawn-roller turf rolling: a residual MLP (a linear stem, two pre-norm residual blocks with LayerNorm) from the
  roller's load per metre, drum diameter and passes and the plot's moisture, texture, organic matter, thatch,
  roughness, initial density and sward to the settlement, the roughness left, the dry bulk density and the Clegg
  impact value; the drum's contact pressure from a cylinder pressed into the soil (cushioned by thatch), the
  density approaching a Proctor-like moisture-dependent maximum with the pressure and the passes, the settlement
  from the density change, the bumps flattened by it (a large drum bridging hollows), the Clegg value rising with
  density and falling with moisture and thatch; MSE of the standardised outputs; Adamax (torch's defaults)
- log-splitter wedge force (a long plan only): a wide-and-deep net (a linear "wide" part over one-hot fields and
  hashed crosses of species x moisture, species x knots, species x frozen, wedge x diameter and grain x knots; a
  "deep" part over 8-dimensional embeddings of the eight fields and two numerics) from a log's species, moisture
  state, frost, knots, grain, diameter and length and the splitter's wedge to the log peak splitting force; the
  force from a species' splitting toughness, a species-specific green-wood factor, frost embrittlement, knots
  (worse in thin logs), twisted or interlocked grain (worse in long logs), the crack fronts a multi-way wedge opens
  (only on thick logs), the diameter and length; 2% scatter; MSE of the standardised log; Adagrad (torch's
  defaults)
- bee-hotel tube occupancy (a long plan only): a logistic matrix factorisation (site and tube-type embeddings, with
  the sites' covariates and the tube types' diameter and material entering linearly, biases and a year effect; a
  per-type log brood cells per tube) from a citizen-science bee-hotel survey (150 hotels, 24 tube types, 3 years)
  to the brood cells counted in a type's 20 tubes; data from six cavity-nesting taxa (Heriades, Hylaeus, small
  wasps, Osmia bicornis, Osmia cornuta, Megachile) with a Gaussian preference for the tube's diameter and a
  material preference, site abundances from orientation, height, flowers, urban cover, a mud source, shade and a
  random effect, colonisation growing over the years, occupancy 1 - exp(-sum of nesting pressures), brood cells
  Poisson about 20 tubes' worth; half the Poisson deviance per cell; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the log-splitter and
bee-hotel nets (no short plans), the pond-pump grey-box on 8192 installations instead of 512 (batch 128 instead of
32) and the lawn-roller net on 8192 trials instead of 1024 (32 units a layer instead of 64).

Optimisers: Adam (bird bath), NAdam (both pond-pump plans), AdamW (hedge trimmer), Adamax (both lawn-roller plans),
Adagrad (log splitter, bee hotel).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam157_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam157/README.md).

    python benchmarks/exam157_workloads.py          # the table
    python benchmarks/exam157_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, split_batches  # noqa: E402

TITLE = "Exam 157"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. bird-bath algae after a cleaning (Adam)

BB_DAYS = 28
BB_FEATURES = 11


def _bb_baths(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Garden bird baths followed for 28 days after a scrub. The bath: basin (concrete, glazed ceramic, plastic;
    roughness 1.0, 0.2, 0.5: the share of the algae attached to the wall), shade 0-0.9, depth 3-8 cm, a dark or
    light basin. Each day: sunshine 0-14 h, the air's mean temperature (a season's mean 8-26 C with an AR(1)
    swing), rain (a wet day in four, exponential, mean 5 mm), bird visits (Poisson, a bath's own mean 2-20), the
    owner topping up with fresh water (a day in eight). The water: warmer than the air in sun (more in a dark,
    shallow basin); evaporation 0.1-0.5 cm a day with warmth and sun, bird splashing, rain raising the level and
    overflowing (flushing the floating share), a top-up filling and diluting. Phosphorus from droppings and rain,
    taken up by growth. Growth mu = 1.1 * 1.066^(T - 20) * (I / I_k) exp(1 - I / I_k) * P / (K_P + P) (Eppley,
    Steele, Monod; constants invented) times (1 - A / A_max); losses 0.12 * 1.05^(T - 20). Returns (drivers (n, 11,
    28): sunshine, air temperature, rain, birds, top-up, basin one-hot (3), shade, depth, dark; log10 chlorophyll
    (ug/L) on each day (n, 28), with 0.1 measurement scatter)."""
    basin = torch.randint(0, 3, (n,), generator=gen)
    rough = torch.tensor([1.0, 0.2, 0.5])[basin]
    shade = 0.9 * torch.rand(n, generator=gen)
    depth = 3 + 5 * torch.rand(n, generator=gen)
    dark = (torch.rand(n, generator=gen) < 0.5).float()
    season = 8 + 18 * torch.rand(n, generator=gen)
    bird_mean = 2 + 18 * torch.rand(n, generator=gen)
    level = depth.clone()
    chl = 0.3 + 0.4 * torch.rand(n, generator=gen)
    phos = 4 + 4 * torch.rand(n, generator=gen)
    swing = torch.zeros(n)
    drivers, out = [], []
    for _ in range(BB_DAYS):
        sun = (14 * torch.rand(n, generator=gen) ** 0.8).clamp(0, 14)
        swing = 0.7 * swing + 2.0 * torch.randn(n, generator=gen)
        tair = season + swing + 0.25 * (sun - 7)
        rain = (torch.rand(n, generator=gen) < 0.25).float() * -5 * torch.log(torch.rand(n, generator=gen) + 1e-6)
        rain = rain * (1 - 0.3 * sun / 14)
        birds = torch.poisson(bird_mean * (0.6 + 0.06 * sun), generator=gen)
        topup = (torch.rand(n, generator=gen) < 0.125).float()
        light = sun / 14 * (1 - shade)
        tw = tair + 6 * light * (1 + 0.5 * dark) * (5 / depth) ** 0.5
        evap = (0.1 + 0.4 * light) * (1 + 0.03 * (tw - 15)).clamp_min(0.3)
        before = level
        level = (level - evap - 0.01 * birds).clamp_min(0.5)
        chl, phos = chl * before / level, phos * before / level  # evaporation concentrates
        before = level
        level = level + rain / 10
        chl, phos = chl * before / level, phos * before / level + 0.02 * rain / level  # rain dilutes
        over = torch.relu(level - depth) / level
        level = level.clamp(max=depth)
        floating = 1 - 0.8 * rough
        chl = chl * (1 - over * floating)  # the overflow rinses out floating algae
        fill = torch.where(topup > 0, depth / level, torch.ones(n))
        chl = chl / fill
        phos = torch.where(topup > 0, phos / fill + 0.5, phos)
        level = torch.where(topup > 0, depth, level)
        phos = phos + 0.6 * birds / level
        ik = 0.45
        f_light = (light / ik) * torch.exp(1 - light / ik)
        mu = 1.1 * 1.066 ** (tw - 20) * f_light * phos / (6 + phos) * (1 - chl / (300 + 200 * rough))
        loss = 0.12 * 1.05 ** (tw - 20)
        grow = torch.exp(mu - loss)
        up = chl * (grow - 1).clamp_min(0)
        chl = (chl * grow).clamp_min(0.05)
        phos = (phos - 0.05 * up).clamp_min(0.2)
        drivers.append(torch.stack([sun / 7 - 1, (tair - 17) / 6, torch.log1p(rain) - 0.5, birds / 10 - 1,
                                    topup * 2 - 0.25], 1))
        out.append(torch.log10(chl) + 0.1 * torch.randn(n, generator=gen))
    daily = torch.stack(drivers, 2)
    static = torch.cat([F.one_hot(basin, 3).float(), torch.stack([(shade - 0.45) / 0.26, (depth - 5.5) / 1.44,
                                                                  2 * dark - 1], 1)], 1)
    x = torch.cat([daily, static.unsqueeze(2).expand(-1, -1, BB_DAYS)], 1)
    return x, torch.stack(out, 1)


class CausalBlock(nn.Module):
    """A residual block of two dilated causal convolutions (padded both sides, the look-ahead cropped), ReLU."""

    def __init__(self, ch: int, dilation: int) -> None:
        super().__init__()
        self.c1 = nn.Conv1d(ch, ch, 3, dilation=dilation, padding=2 * dilation)
        self.c2 = nn.Conv1d(ch, ch, 3, dilation=dilation, padding=2 * dilation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        t = x.shape[2]
        h = F.relu(self.c1(x)[:, :, :t])
        return F.relu(x + self.c2(h)[:, :, :t])


class AlgaeTCN(nn.Module):
    """A TCN: a 1x1 input convolution, residual causal blocks with dilations 1, 2, 4, 8 and a 1x1 head to the daily
    log chlorophyll."""

    def __init__(self, channels: int = 16, dilations: tuple[int, ...] = (1, 3, 9)) -> None:
        super().__init__()
        self.inp = nn.Conv1d(BB_FEATURES, channels, 1)
        self.blocks = nn.Sequential(*[CausalBlock(channels, d) for d in dilations])
        self.head = nn.Conv1d(channels, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.blocks(self.inp(x))).squeeze(1)


def algae_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised daily log10 chlorophyll."""
    return _mse(model, batch)


def birdbath_algae(batch_size: int = 32, seed: int = 0, train_size: int = 4096, channels: int = 16,
                   dilations: tuple[int, ...] = (1, 3, 9)) -> dict[str, Any]:
    """The algae TCN on 4096 baths, log10 chlorophyll standardised over the training baths' days; held out: 1024
    other baths in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(157101)
    x, y = _bb_baths(train_size + 1024, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AlgaeTCN(channels, dilations), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": algae_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. pond-pump circulation: the operating point of a pump on its hose system (NAdam)

PP_FEATURES = 12
G = 9.81
HOSES_MM = (19.0, 25.0, 32.0, 38.0, 50.0)


def _pp_installations(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Garden-pond pump installations. The pump's nameplate: shut-off head H0 1-6 m, maximum flow 2,000-16,000 L/h
    (log-uniform), the best efficiency 0.2-0.5 (asynchronous to "eco" pumps); its age 0-8 years (wear lowers the
    head and the flow); the hose (19, 25, 32, 38, 50 mm), its length 1-25 m, the lift from the pond's surface to the
    outlet 0.1-0.7 of H0, 0-6 elbows (k 0.9 each), a pressure filter (k 3 + 40 clog^2, clogging 0-1) or none, the
    outlet a waterfall (k 1) or a fountain nozzle (k 12). The true curve H = H0' (1 - (Q / Qmax')^2); the system
    H = lift + (f L / d + sum k) v^2 / 2g with Blasius' f = 0.316 Re^-0.25 (Re floor 4000), the operating point by
    fixed-point iteration on f. Electrical power P = rho g Q H / eta with eta = eta_max (0.25 + 3 x (1 - x)) at
    x = Q / Qmax' (a part-load curve peaking at half the maximum flow) plus a 5 W electronics draw. Returns
    (features (n, 12), (log flow in m3/h, log power in W, head in m) (n, 3), with 2% scatter on flow and power and
    0.04 m on the head)."""
    h0n = 1 + 5 * torch.rand(n, generator=gen)
    qmaxn = 2.0 * 8 ** torch.rand(n, generator=gen)  # m3/h
    eta_max = 0.2 + 0.3 * torch.rand(n, generator=gen)
    age = 8 * torch.rand(n, generator=gen)
    hose_i = torch.randint(0, len(HOSES_MM), (n,), generator=gen)
    d = torch.tensor(HOSES_MM)[hose_i] / 1000
    length = 1 + 24 * torch.rand(n, generator=gen)
    lift = h0n * (0.1 + 0.6 * torch.rand(n, generator=gen))
    elbows = torch.randint(0, 7, (n,), generator=gen).float()
    has_filter = (torch.rand(n, generator=gen) < 0.6).float()
    clog = torch.rand(n, generator=gen)
    nozzle = (torch.rand(n, generator=gen) < 0.4).float()
    wear = 1 - 0.015 * age
    h0 = h0n * wear
    qmax = qmaxn * wear / 3600  # m3/s
    area = math.pi * d**2 / 4
    k_minor = 0.9 * elbows + has_filter * (3 + 40 * clog**2) + 1 + 11 * nozzle + 0.5
    q = 0.5 * qmax
    for _ in range(12):
        v = q / area
        re = (v * d / 1.0e-6).clamp_min(4000)
        f = 0.316 * re**-0.25
        k = (f * length / d + k_minor) / (2 * G * area**2)
        q = ((h0 - lift) / (h0 / qmax**2 + k)).clamp_min(0).sqrt()
    head = lift + k * q**2
    x_ = q / qmax
    eta = eta_max * (0.25 + 3 * x_ * (1 - x_))
    power = 1000 * G * q * head / eta + 5
    y = torch.stack([torch.log(q * 3600) + 0.02 * torch.randn(n, generator=gen),
                     torch.log(power) + 0.02 * torch.randn(n, generator=gen),
                     head + 0.04 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(h0n - 3.5) / 1.44, torch.log(qmaxn) - 1.73, (eta_max - 0.35) / 0.087, (age - 4) / 2.3,
                     (d * 1000 - 33) / 11, (length - 13) / 6.9, (lift / h0n - 0.4) / 0.17, (elbows - 3) / 2,
                     2 * has_filter - 1, has_filter * (clog - 0.5) / 0.29, 2 * nozzle - 1, (lift - 1.4) / 0.9], 1)
    return x, y


class PumpGreyBox(nn.Module):
    """Grey-box: an MLP sets log corrections to the nameplate's H0 and Qmax, the log of the system's loss coefficient
    K and the efficiency (sigmoid); the quadratic pump and system curves are intersected in closed form,
    Q = sqrt((H0 - lift)+ / (H0 / Qmax^2 + K)), H = lift + K Q^2, P = rho g Q H / eta; the outputs standardised with
    the training pool's statistics (fixed buffers)."""

    def __init__(self, hidden: int, y_mean: torch.Tensor, y_std: torch.Tensor) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PP_FEATURES, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        self.register_buffer("y_mean", y_mean)
        self.register_buffer("y_std", y_std)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        c = self.net(x)
        h0 = (x[:, 0] * 1.44 + 3.5) * torch.exp(0.1 * c[:, 0])
        qmax = torch.exp(x[:, 1] + 1.73 + 0.1 * c[:, 1])  # m3/h
        lift = x[:, 11] * 0.9 + 1.4
        k = torch.exp(c[:, 2] - 2.0)  # m per (m3/h)^2
        q = (torch.relu(h0 - lift) / (h0 / qmax**2 + k) + 1e-4).sqrt()
        head = lift + k * q**2
        eta = torch.sigmoid(c[:, 3] - 1.0)
        power = 1000 * G * q / 3600 * head / eta + 5
        y = torch.stack([torch.log(q), torch.log(power), head], 1)
        return (y - self.y_mean) / self.y_std


def pump_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log flow, log power and head."""
    return _mse(model, batch)


def pond_pump(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The pump grey-box on 512 installations, targets standardised over them; held out: 2048 other installations
    in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(157102)
    x, y = _pp_installations(train_size + 2048, gen)
    mean, std = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / std
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PumpGreyBox(hidden, mean, std), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": pump_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hedge-trimmer stem cutting, stem by stem through a pass (AdamW)

HT_STEMS = 24
HT_SPECIES = 6  # privet, beech, hawthorn, leylandii, box, laurel
HT_CLASSES = 4  # clean, ragged, stalled, not taken
HT_FEATURES = 4 + HT_SPECIES + 2 + 3 + 1  # stem (4), species, trimmer (2), motor (3), place in the pass


def _ht_passes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Passes of a hedge trimmer, 24 stems each. The trimmer: tooth gap 16, 20, 24 or 28 mm; motor class (cordless,
    corded, petrol: a peak blade force of 900, 1500, 2200 N); blade wear 0-1; advance 0.2-0.8 m/s. A stem: species
    (privet, beech, hawthorn, leylandii, box, laurel: shear strength 5, 8, 10, 4, 7, 6 MPa), diameter lognormal
    (median 6 mm, 1-35 mm), dead wood (one in six: 1.4x stronger, brittler), the time since the last stem
    (exponential, shorter at a fast advance). A stem over 0.9 of the tooth gap is not taken (pushed aside). Else
    the cut needs tau pi d^2 / 4 (1 + 1.2 wear) (1 + 0.6 clog) and the blade gives its peak force times (0.35 + 0.65
    speed): a stall when short (the speed to 0, the operator clears the teeth), else a cut that slows the blade by
    half the force ratio and adds clippings to the teeth (more for thick stems); ragged when wear, lost speed, dead
    wood and thickness against the gap add past a threshold (with scatter). Between stems the speed recovers (time
    constant 0.25 s) and the clog sheds slowly. Returns (tokens (n, 24, 16), outcomes (n, 24))."""
    gap = torch.tensor([16.0, 20.0, 24.0, 28.0])[torch.randint(0, 4, (n,), generator=gen)]
    motor = torch.randint(0, 3, (n,), generator=gen)
    fmax = torch.tensor([900.0, 1500.0, 2200.0])[motor]
    wear = torch.rand(n, generator=gen)
    adv = 0.2 + 0.6 * torch.rand(n, generator=gen)
    tau_sp = torch.tensor([5.0, 8.0, 10.0, 4.0, 7.0, 6.0])
    hedge_sp = torch.randint(0, HT_SPECIES, (n,), generator=gen)  # a hedge is mostly one species
    speed = torch.ones(n)
    clog = torch.zeros(n)
    tokens, ys = [], []
    for _ in range(HT_STEMS):
        mixed = torch.rand(n, generator=gen) < 0.2
        sp = torch.where(mixed, torch.randint(0, HT_SPECIES, (n,), generator=gen), hedge_sp)
        d = (6 * torch.exp(0.6 * torch.randn(n, generator=gen))).clamp(1, 35)
        dead = (torch.rand(n, generator=gen) < 1 / 6).float()
        dt = -0.12 / adv * torch.log(torch.rand(n, generator=gen) + 1e-6)
        speed = 1 - (1 - speed) * torch.exp(-dt / 0.25)
        clog = clog * torch.exp(-dt / 3)
        tau = tau_sp[sp] * (1 + 0.4 * dead)
        need = tau * math.pi * d**2 / 4 * (1 + 1.2 * wear) * (1 + 0.6 * clog)
        give = fmax * (0.35 + 0.65 * speed)
        skip = d > 0.9 * gap
        stall = ~skip & (torch.log(give / need) + 0.1 * torch.randn(n, generator=gen) < 0)
        rag_score = (1.6 * wear + 1.4 * (1 - speed) + 0.6 * dead + 1.5 * d / gap + 0.4 * clog - 1.9
                     + 0.15 * torch.randn(n, generator=gen))
        ragged = ~skip & ~stall & (rag_score > 0)
        y = torch.zeros(n, dtype=torch.long)
        y[ragged] = 1
        y[stall] = 2
        y[skip] = 3
        cut = ~skip & ~stall
        tokens.append(torch.cat([torch.stack([torch.log(d) - 1.8, 2 * dead - 1, torch.log(dt + 0.01) + 1.5,
                                              (gap - 22) / 4.5], 1),
                                 F.one_hot(sp, HT_SPECIES).float(),
                                 torch.stack([(wear - 0.5) / 0.29, (adv - 0.5) / 0.17], 1),
                                 F.one_hot(motor, 3).float(), torch.full((n, 1), 2 * len(ys) / (HT_STEMS - 1) - 1)], 1))
        ys.append(y)
        speed = torch.where(stall, torch.zeros(n), torch.where(cut, (speed - 0.5 * need / give).clamp_min(0.05), speed))
        clog = torch.where(stall, torch.zeros(n), torch.where(cut, clog + 0.04 * d / 6, clog))
    return torch.stack(tokens, 1), torch.stack(ys, 1)


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attn(LN(x)), x + MLP(LN(x)), causal mask."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class StemTransformer(nn.Module):
    """Stem tokens (a linear embedding plus a learned position) through causal Pre-LN blocks, a final LayerNorm and
    a linear head to each stem's four outcome logits."""

    def __init__(self, d: int = 32, heads: int = 2, layers: int = 2) -> None:
        super().__init__()
        self.embed = nn.Linear(HT_FEATURES, d)
        self.pos = nn.Parameter(torch.zeros(1, HT_STEMS, d))
        self.blocks = nn.ModuleList([PreLNBlock(d, heads) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, HT_CLASSES)
        self.register_buffer("mask", torch.triu(torch.ones(HT_STEMS, HT_STEMS, dtype=torch.bool), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.embed(x) + self.pos
        for b in self.blocks:
            h = b(h, self.mask)
        return self.head(self.ln(h))


def stem_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of every stem's outcome."""
    x, y = batch
    return F.cross_entropy(model(x).reshape(-1, HT_CLASSES), y.reshape(-1))


def hedge_trimmer(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d: int = 32,
                  layers: int = 1) -> dict[str, Any]:
    """The stem transformer (one block) on 4096 passes; held out: 1024 other passes in batches of 512; AdamW
    (torch's defaults: weight decay 0.01)."""
    gen = torch.Generator().manual_seed(157103)
    x, y = _ht_passes(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StemTransformer(d, 2, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": stem_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. lawn-roller turf rolling: settlement, smoothness, density and hardness (Adamax)

LR_FEATURES = 13


def _lr_jobs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rolling trials on turf plots. The roller: mass per metre of width 60-300 kg/m (a hand roller to a ride-on),
    drum diameter 0.3-0.6 m, 1-6 passes. The plot: volumetric moisture 0.08-0.40, clay 5-45%, sand 20-85% (silt the
    rest), organic matter 1-8%, thatch 0-25 mm, the surface's initial roughness (the RMS of its bumps and hollows,
    3-20 mm), the rootzone's initial dry bulk density 1.0-1.45 g/cm3, the sward (fine bent / fescue, sports
    ryegrass, amenity mix). The drum's contact: a line load q = m g / w on a cylinder pressing into a soil whose
    stiffness falls with moisture and organic matter; the contact length sqrt(8 q R / (pi E*)) and the mean
    pressure q / length, cushioned by the thatch (exp(-thatch / 20 mm)). The density approaches a Proctor-like
    maximum rho_max(w) = rho_opt - 6 (w - w_opt)^2 (w_opt = 0.10 + 0.35 clay - 0.04 sand + 0.8 OM, rho_opt falling
    with clay and OM) as 1 - (1 + p / 40 kPa)^(-0.35 n^0.6) of the gap. Settlement of the top 100 mm from the density
    change; the roughness left: the bumps flattened by the settlement and the drum's bridging (a large drum spans
    short hollows), with a floor; the Clegg impact value (2.25 kg hammer, gravities) rising with the density and
    falling with moisture and thatch. Constants invented. 2% scatter (0.005 g/cm3 on the density). Returns
    (features (n, 13), (settlement mm, log roughness, density, log Clegg) (n, 4))."""
    q = 60 + 240 * torch.rand(n, generator=gen)  # kg per m of width
    dia = 0.3 + 0.3 * torch.rand(n, generator=gen)
    passes = torch.randint(1, 7, (n,), generator=gen).float()
    w = 0.08 + 0.32 * torch.rand(n, generator=gen)
    clay = 0.05 + 0.40 * torch.rand(n, generator=gen)
    sand = (0.20 + 0.65 * torch.rand(n, generator=gen)).clamp(max=1 - clay - 0.02)
    om = 0.01 + 0.07 * torch.rand(n, generator=gen)
    thatch = 25 * torch.rand(n, generator=gen) ** 1.5
    rough0 = 3 + 17 * torch.rand(n, generator=gen)
    rho0 = 1.0 + 0.45 * torch.rand(n, generator=gen)
    sward = torch.randint(0, 3, (n,), generator=gen)
    e_soil = 8e3 * torch.exp(-6 * (w - 0.1).clamp_min(0)) * (1 - 4 * om) * (0.7 + rho0 - 1.0)  # kPa
    line = q * 9.81 / 1000  # kN/m
    contact = (8 * line * dia / 2 / (math.pi * e_soil)).sqrt()  # m
    p = line / contact * torch.exp(-thatch / 20) * torch.tensor([0.9, 1.0, 1.05])[sward]  # kPa
    w_opt = 0.10 + 0.35 * clay - 0.04 * sand + 0.8 * om
    rho_opt = 1.85 - 0.4 * clay - 3 * om + 0.1 * sand
    rho_max = (rho_opt - 6 * (w - w_opt) ** 2).clamp_min(rho0 + 0.02)
    frac = 1 - (1 + p / 40) ** (-0.35 * passes**0.6)
    rho = rho0 + (rho_max - rho0) * frac
    settle = 100 * (1 - rho0 / rho)
    bridge = 1 - 0.5 * (dia - 0.3) / 0.3 * (rough0 > 10).float()
    rough = 1.5 + (rough0 - 1.5) * torch.exp(-settle / (4 + 0.3 * rough0) * (0.6 + 0.4 * bridge))
    clegg = (25 + 400 * (rho - 0.95) ** 2) * torch.exp(-2.5 * (w - 0.15)) * torch.exp(-thatch / 25)
    clegg = clegg * torch.tensor([1.1, 1.0, 0.95])[sward]
    y = torch.stack([settle, torch.log(rough), rho, torch.log(clegg)], 1)
    y = y + torch.stack([
        0.02 * settle * torch.randn(n, generator=gen), 0.02 * torch.randn(n, generator=gen),
        0.005 * torch.randn(n, generator=gen), 0.02 * torch.randn(n, generator=gen)], 1)
    x = torch.cat([torch.stack([(q - 180) / 69, (dia - 0.45) / 0.087, (passes - 3.5) / 1.7, (w - 0.24) / 0.092,
                                (clay - 0.25) / 0.115, (sand - 0.5) / 0.18, (om - 0.045) / 0.02, thatch / 10 - 1,
                                (rough0 - 11.5) / 4.9, (rho0 - 1.225) / 0.13], 1), F.one_hot(sward, 3).float()], 1)
    return x, y


class PreNormResBlock(nn.Module):
    """x + W2 GELU(W1 LN(x))."""

    def __init__(self, d: int) -> None:
        super().__init__()
        self.ln = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.ff(self.ln(x))


class RollingResMLP(nn.Module):
    """A residual MLP: a linear stem, two pre-norm residual blocks, a final LayerNorm and a linear head to the four
    standardised outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.stem = nn.Linear(LR_FEATURES, hidden)
        self.blocks = nn.Sequential(PreNormResBlock(hidden), PreNormResBlock(hidden))
        self.ln = nn.LayerNorm(hidden)
        self.head = nn.Linear(hidden, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.ln(self.blocks(self.stem(x))))


def rolling_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised settlement, log roughness, density and log Clegg value."""
    return _mse(model, batch)


def lawn_roller(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The rolling net on 1024 trials, targets standardised over them; held out: 2048 other trials in batches of
    1024; Adamax (torch's defaults)."""
    gen = torch.Generator().manual_seed(157104)
    x, y = _lr_jobs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RollingResMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": rolling_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. log-splitter wedge force: a wide-and-deep net (Adagrad; long only)

LS_SPECIES = ("oak", "ash", "beech", "birch", "elm", "maple", "cherry", "pine", "spruce", "larch", "poplar", "willow",
              "hornbeam", "sycamore", "chestnut", "alder", "hawthorn", "apple", "walnut", "douglas fir")
LS_FIELDS = (len(LS_SPECIES), 3, 3, 2, 4, 3, 6, 3)  # species, wedge, moisture, frozen, knots, grain, diameter, length
LS_HASH = 512


def _ls_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Logs split on a hydraulic splitter, the peak force logged. Species (20; a splitting toughness: elm and
    hornbeam hardest, softwoods easiest; a green-wood factor: oak and ash split easier green, elm, willow and poplar
    stringier; knots in softwoods harder), the wedge (single, 4-way, 6-way: 1.0, 1.7, 2.3 as many crack fronts),
    moisture (green, part-seasoned, seasoned), frozen (a winter log: 0.85x, more when green), knots 0 / 1 / 2-3 / 4+
    (x (1 + 0.3 k^1.2 s (30 cm / D)^0.5): knots matter more in thin logs), grain (straight; twisted and interlocked
    x (1 + 0.4 or 0.9 (L / 40 cm)^2)), the wedge's extra crack fronts paying only on logs past ~25 cm (a sigmoid),
    diameter 15-60 cm (^(0.3 + 0.3 toughness)), length 25-50 cm (^0.9). Force = 14 kN x all that, 2% lognormal
    scatter. Returns (fields (n, 8) long, numerics (n, 2), log force
    (n,))."""
    k_sp = torch.tensor([1.0, 0.8, 1.1, 0.9, 2.0, 1.0, 0.9, 0.6, 0.55, 0.7, 0.8, 0.9, 1.6, 1.0, 0.7, 0.6, 1.4, 1.3,
                         1.0, 0.65])
    green_sp = torch.tensor([0.75, 0.7, 0.9, 0.85, 1.35, 0.95, 0.9, 0.8, 0.8, 0.9, 1.3, 1.4, 1.1, 0.95, 0.8, 0.85,
                             1.2, 1.15, 0.9, 0.85])
    knot_sp = torch.tensor([1.0, 0.9, 1.0, 1.1, 0.8, 1.0, 1.0, 1.5, 1.6, 1.4, 0.9, 0.8, 1.0, 1.0, 1.0, 1.1, 1.2, 1.2,
                            1.0, 1.5])
    pick = torch.tensor([8, 7, 7, 6, 3, 4, 3, 8, 7, 4, 4, 3, 2, 4, 3, 3, 2, 3, 2, 4]).float()
    sp = torch.multinomial(pick, n, replacement=True, generator=gen)
    wedge = torch.multinomial(torch.tensor([6.0, 3.0, 1.0]), n, replacement=True, generator=gen)
    moist = torch.randint(0, 3, (n,), generator=gen)
    frozen = (torch.rand(n, generator=gen) < 0.25).long()
    knots = torch.multinomial(torch.tensor([5.0, 3.0, 2.0, 1.0]), n, replacement=True, generator=gen)
    grain = torch.multinomial(torch.tensor([7.0, 2.0, 1.0]), n, replacement=True, generator=gen)
    grain = torch.where(sp == 4, torch.full_like(grain, 2), grain)  # elm is interlocked
    dia = 15 + 45 * torch.rand(n, generator=gen) ** 1.3
    length = 25 + 25 * torch.rand(n, generator=gen)
    green = torch.tensor([1.0, 0.5, 0.0])[moist]
    force = 14 * k_sp[sp] * (1 + green * (green_sp[sp] - 1))
    force = force * torch.where(frozen == 1, 0.85 - 0.15 * green, torch.ones(n))
    # knots matter more in thin logs; twist more in long ones; a multi-way wedge is wasted on a thin log (it splits
    # in two first); thick logs of the toughest species need disproportionately more (a species' own exponent)
    force = force * (1 + 0.3 * torch.tensor([0.0, 1.0, 2.3, 4.5])[knots] ** 1.2 * knot_sp[sp] * (30 / dia) ** 0.5)
    force = force * (1 + torch.tensor([0.0, 0.4, 0.9])[grain] * (length / 40) ** 2)
    force = force * (1 + torch.tensor([0.0, 0.7, 1.3])[wedge] * torch.sigmoid((dia - 25) / 4))
    force = force * (dia / 30) ** (0.3 + 0.3 * k_sp[sp]) * (length / 40) ** 0.9
    force = force * torch.exp(0.02 * torch.randn(n, generator=gen))
    dbin = torch.bucketize(dia, torch.tensor([20.0, 25, 30, 38, 46]))
    lbin = torch.bucketize(length, torch.tensor([33.0, 42]))
    fields = torch.stack([sp, wedge, moist, frozen, knots, grain, dbin, lbin], 1)
    nums = torch.stack([torch.log(dia / 30) / 0.35, (length - 37.5) / 7.2], 1)
    return fields, nums, torch.log(force)


class WideDeep(nn.Module):
    """Wide: a linear model over the fields' one-hots (an embedding of width 1) and five hashed crosses; deep: an
    8-dimensional embedding per field, concatenated with the numerics, through 64-32 ReLU layers; the sum of both."""

    def __init__(self, dim: int = 8, hidden: int = 64) -> None:
        super().__init__()
        offsets = torch.tensor([0] + list(LS_FIELDS[:-1])).cumsum(0)
        self.register_buffer("offsets", offsets)
        total = sum(LS_FIELDS)
        self.wide = nn.Embedding(total + LS_HASH, 1)
        nn.init.zeros_(self.wide.weight)
        self.deep_emb = nn.Embedding(total, dim)
        nn.init.normal_(self.deep_emb.weight, std=0.1)  # small, as the wide-and-deep recipes initialise them
        self.deep = nn.Sequential(nn.Linear(len(LS_FIELDS) * dim + 2, hidden), nn.ReLU(),
                                  nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 1))
        self.bias = nn.Parameter(torch.zeros(1))

    def crosses(self, f: torch.Tensor) -> torch.Tensor:
        pairs = ((0, 2), (0, 4), (0, 3), (1, 6), (5, 4))
        ids = [(f[:, a] * 97 + f[:, b] * 13 + 7 * i) % LS_HASH for i, (a, b) in enumerate(pairs)]
        return torch.stack(ids, 1) + sum(LS_FIELDS)

    def forward(self, x: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
        f, nums = x
        idx = f + self.offsets
        wide = self.wide(torch.cat([idx, self.crosses(f)], 1)).sum((1, 2))
        deep = self.deep(torch.cat([self.deep_emb(idx).flatten(1), nums], 1)).squeeze(1)
        return wide + deep + self.bias


def split_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log splitting force."""
    f, nums, y = batch
    return F.mse_loss(model((f, nums)), y)


def log_splitter(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 64) -> dict[str, Any]:
    """The wide-and-deep net on 16384 logged splits, the log force standardised over them; held out: 2048 other logs
    in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(157105)
    f, nums, y = _ls_logs(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (f[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WideDeep(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], nums[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": split_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bee-hotel tube occupancy: a logistic matrix factorisation (Adagrad; long only)

BH_SITES = 150
BH_TYPES = 24  # 8 diameters x 3 materials
BH_YEARS = 3
BH_TUBES = 20
BH_DIAMS = torch.tensor([3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0])


def _bh_survey(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """A citizen-science bee-hotel survey: 150 hotels x 24 tube types (diameter 3-10 mm x bamboo, drilled wood,
    paper straw) x 3 years, 20 tubes of each type per hotel, the number occupied at the season's end. Site
    covariates: south-facing (cos of the azimuth), height 0.5-3 m, flowers 0-1, urban cover 0-1, a mud source
    within 50 m, shade 0-1. Six taxa (Heriades, Hylaeus, small Trypoxylon-like wasps, Osmia bicornis, Osmia
    cornuta, Megachile): preferred diameters 3.5, 4.5, 5, 7.5, 8.5, 7 mm (sd 0.6-1.2); material preferences (paper
    straws poor for wasps, drilled wood best for Osmia); abundance per site from the covariates (Osmia need mud,
    warmth helps all, urban cover helps Osmia bicornis and hurts the others, flowers help bees) and a site random
    effect (sd 0.6); colonisation growing over the years (x 1, 1.6, 2.2). Occupancy p = 1 - exp(-sum of taxon
    pressures); the brood cells counted in the type's 20 tubes (the survey's number) Poisson about 20 p times the
    cells a tube holds (its length less a vestibule over a cell length rising with the diameter). Returns (site
    covariates (150, 6), tube-type features (24, 4), the cells (150 * 24 * 3, 3) as site, type, year, and their
    brood-cell counts)."""
    cov = torch.stack([torch.cos(2 * math.pi * torch.rand(BH_SITES, generator=gen)),
                       (0.5 + 2.5 * torch.rand(BH_SITES, generator=gen) - 1.75) / 0.72,
                       torch.rand(BH_SITES, generator=gen) * 2 - 1, torch.rand(BH_SITES, generator=gen) * 2 - 1,
                       (torch.rand(BH_SITES, generator=gen) < 0.5).float() * 2 - 1,
                       torch.rand(BH_SITES, generator=gen) * 2 - 1], 1)
    pref_d = torch.tensor([3.5, 4.5, 5.0, 7.5, 8.5, 7.0])
    sd_d = torch.tensor([0.6, 0.7, 0.9, 0.8, 0.8, 1.2])
    mat_pref = torch.tensor([[1.0, 1.0, 0.9, 0.8, 0.8, 0.9],  # bamboo
                             [1.0, 0.8, 1.0, 1.3, 1.3, 1.0],  # drilled wood
                             [0.7, 0.9, 0.3, 1.0, 1.0, 0.8]])  # paper straw
    base = torch.tensor([-1.0, -1.3, -0.8, 0.2, -0.6, -1.0])
    # covariate effects (south, height, flowers, urban, mud, shade) per taxon
    beta = torch.tensor([[0.4, 0.1, 0.5, -0.3, 0.0, -0.3],
                         [0.4, 0.0, 0.6, -0.2, 0.0, -0.2],
                         [0.5, 0.2, 0.0, -0.4, 0.0, -0.4],
                         [0.3, 0.1, 0.4, 0.4, 0.6, -0.2],
                         [0.4, 0.1, 0.3, 0.2, 0.6, -0.3],
                         [0.5, 0.0, 0.6, -0.3, 0.0, -0.4]])
    re = 0.6 * torch.randn(BH_SITES, 6, generator=gen)
    abund = torch.exp(base + cov @ beta.T + re)  # (sites, taxa)
    diam = BH_DIAMS.repeat_interleave(3)
    mat = torch.arange(3).repeat(8)
    pref = torch.exp(-0.5 * ((diam.view(-1, 1) - pref_d) / sd_d) ** 2) * mat_pref[mat]  # (types, taxa)
    year_f = torch.tensor([1.0, 1.6, 2.2])
    pressure = 0.5 * torch.einsum("sk,tk->st", abund, pref)
    p = 1 - torch.exp(-pressure.unsqueeze(2) * year_f)  # (sites, types, years)
    # brood cells: a tube of length L (bamboo 15 cm, drilled wood 12 cm, paper straw 15 cm) holds L / (cell
    # length) cells, the cell longer in wider tubes (bigger bees), less a vestibule; the count over the type's 20
    # tubes is Poisson about 20 p times that
    tube_len = torch.tensor([15.0, 12.0, 15.0])[mat]
    per_tube = (tube_len - 2) / (0.6 + 0.12 * diam)  # (types,)
    counts = torch.poisson(BH_TUBES * p * per_tube.view(1, -1, 1), generator=gen)
    s, t, yr = torch.meshgrid(torch.arange(BH_SITES), torch.arange(BH_TYPES), torch.arange(BH_YEARS), indexing="ij")
    cells = torch.stack([s.flatten(), t.flatten(), yr.flatten()], 1)
    tfeat = torch.stack([(diam - 6.5) / 2.3, *(F.one_hot(mat, 3).float().T)], 1)
    return cov, tfeat, cells, counts.flatten()


class OccupancyMF(nn.Module):
    """Logistic matrix factorisation: a site's vector (its embedding plus a linear map of its covariates) dotted with
    a tube type's (its embedding plus a linear map of its diameter and material), plus site, type and year biases,
    is the logit of a tube's occupancy; a per-type embedding gives the log brood cells per occupied tube."""

    def __init__(self, cov: torch.Tensor, tfeat: torch.Tensor, dim: int = 8) -> None:
        super().__init__()
        self.register_buffer("cov", cov)
        self.register_buffer("tfeat", tfeat)
        self.site = nn.Embedding(BH_SITES, dim)
        self.tube = nn.Embedding(BH_TYPES, dim)
        nn.init.normal_(self.site.weight, std=0.1)
        nn.init.normal_(self.tube.weight, std=0.1)
        self.site_lin = nn.Linear(cov.shape[1], dim)
        self.tube_lin = nn.Linear(tfeat.shape[1], dim)
        self.site_bias = nn.Embedding(BH_SITES, 1)
        self.tube_bias = nn.Embedding(BH_TYPES, 1)
        self.year_bias = nn.Embedding(BH_YEARS, 1)
        self.per_tube = nn.Embedding(BH_TYPES, 1)  # log brood cells per occupied tube (about e^2 at the start)
        for e in (self.site_bias, self.tube_bias, self.year_bias, self.per_tube):
            nn.init.zeros_(e.weight)

    def forward(self, cells: torch.Tensor) -> torch.Tensor:
        s, t, yr = cells[:, 0], cells[:, 1], cells[:, 2]
        u = self.site(s) + self.site_lin(self.cov[s])
        v = self.tube(t) + self.tube_lin(self.tfeat[t])
        logit = ((u * v).sum(1) + self.site_bias(s).squeeze(1) + self.tube_bias(t).squeeze(1)
                 + self.year_bias(yr).squeeze(1))
        return logit, self.per_tube(t).squeeze(1) + 2.0


def occupancy_deviance(model: nn.Module, batch: Any) -> torch.Tensor:
    """Half the Poisson deviance per cell, y log(y / mu) - (y - mu), of the brood-cell count y against the model's
    mean mu = 20 sigmoid(logit) exp(log cells per tube of the type)."""
    cells, y = batch
    logit, log_per = model(cells)
    log_mu = math.log(BH_TUBES) + F.logsigmoid(logit) + log_per
    return (torch.special.xlogy(y, y) - y * log_mu - y + torch.exp(log_mu)).mean()


def bee_hotel(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 6) -> dict[str, Any]:
    """The occupancy factorisation on 8192 of the survey's 10800 cells (a random split); held out: 2048 other
    cells in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(157106)
    cov, tfeat, cells, counts = _bh_survey(gen)
    perm = torch.randperm(len(cells), generator=gen)
    tr_i, te_i = perm[:train_size], perm[train_size:train_size + 2048]
    tr = (cells[tr_i], counts[tr_i])
    torch.manual_seed(seed)
    return {"model": OccupancyMF(cov, tfeat, dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cells[te_i], counts[te_i]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": occupancy_deviance, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("birdbath_algae_adam", birdbath_algae, 300, "bird_bath_algae_bloom_monod_tcn", "adam", "finite", 32,
      seconds=1.0, start_lr=0.016),
    W("pond_pump_circulation_nadam", pond_pump, 300, "pond_pump_system_curve_operating_point_greybox", "nadam",
      "finite", 32, seconds=0.27, start_lr=0.032),
    W("hedge_trimmer_stems_adamw", hedge_trimmer, 300, "hedge_trimmer_stem_cut_outcome_preln_transformer", "adamw",
      "finite", 16, seconds=0.7, start_lr=0.016),
    W("lawn_roller_rolling_adamax", lawn_roller, 300, "lawn_roller_turf_rolling_clegg_resmlp", "adamax", "finite", 32,
      seconds=0.35, start_lr=0.032),
)
LONG = (
    W("log_splitter_wedge_adagrad@long", log_splitter, 3000, "log_splitter_wedge_force_wide_deep", "adagrad",
      "finite", 32, seconds=2.3, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("bee_hotel_occupancy_adagrad@long", bee_hotel, 3000, "bee_hotel_tube_occupancy_poisson_mf", "adagrad",
      "finite", 64, seconds=2.2, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("pond_pump_circulation_nadam@long", pond_pump, 3000, "pond_pump_system_curve_operating_point_greybox", "nadam",
      "finite", 128, dict(train_size=8192), seconds=2.9, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="pond_pump_circulation_nadam"),
    W("lawn_roller_rolling_adamax@long", lawn_roller, 3000, "lawn_roller_turf_rolling_clegg_resmlp", "adamax",
      "finite", 32, dict(train_size=8192, hidden=32), seconds=3.0, start_lr=0.128, grid_fractions=(0.0, 0.05),
      long_of="lawn_roller_rolling_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam157_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-seventh exam's workloads")
