"""The hundred-and-seventy-fifth exam: six more workload families that neither the suite nor exams 1-174 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam174_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from dolls and eye blinking, garden gnomes and frost cracking, pruning saws and
cut kerf, plant labels and ink fading, orchids and aerial root uptake, and aquarium heaters and thermostat cycling
(exams 176-178 were built at the same time from other domains; their modules were not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam175/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- sleep-eye doll blinking: a GRU reads the doll's head tilt over 1.6 s (16 steps of 100 ms; the tilt, its rate, the
  eye's size and the doll's age) and gives the eyelid closure at every step; the eyes sit on a counterweighted
  rocker (a pendulum in the head, its length from the eye size) with viscous damping and a Coulomb friction that
  grows with the doll's age (dried grease), between an open and a closed stop (inelastic); closure from the
  rocker's angle to the head; 0.05 scatter (closure read off video frames); MSE; RMSprop (torch's defaults)
- garden-gnome frost cracking over a winter: a 1-D CNN over 96 days (daily minimum and maximum air temperature,
  rain, and the gnome's material (terracotta, concrete, resin) and sealing as constant channels) to the log crack
  length at the spring check and the final degree of saturation; the body's saturation rises on wet thaw days and
  dries on warm dry ones; each freeze after a thaw above the critical degree of saturation (Fagerlund's idea, from
  memory) adds damage in proportion to the excess and the frost's depth, damage lowering the critical saturation and
  raising the uptake; MSE of the standardised targets; Adam (torch's defaults)
- pruning-saw kerf: a Post-LN transformer (one layer, width 32, two heads) over the 16 teeth of a pull saw as a
  saw-set gauge reads them (each tooth's signed set, its height off the jointed line, its edge radius, its side; the
  plate thickness, the wood's density and green / dry on every token) to the kerf width, the cut's drift and the log
  cutting rate; the kerf from the plate and the widest-set tooth each side, widened by the set's scatter and narrowed
  by green wood's spring-back; the drift from the imbalance of the two sides' sets; the rate from the teeth within
  reach of the jointed line, their sharpness and the wood removed; MSE of the standardised targets; AdamW (torch's
  defaults)
- plant-label ink fading: a 2-D CNN (one 3x3 conv layer at stride 2, mean and max pooling, a small head) reads a 12 x
  12 RGB photo patch of a white plastic plant label written on by hand (black or blue dye marker, pigment paint pen
  or pencil) and estimates the label's sun dose (log sun-months) and the ink's remaining contrast; the dyes fade
  first-order in the dose with channel-dependent rates (black dye turning blue-purple), pigment barely, graphite not;
  the plastic yellows (the blue channel first) at a rate that varies with the plastic; the photo's exposure, grime
  specks and sensor noise; MSE of the standardised targets; SGD with Nesterov momentum 0.9 and weight decay 5e-4; its
  long plan on 8192 labels
- orchid aerial-root uptake after a soak (two long plans only): an embedding net (genus, 24; the mount or pot, 6; the
  root's age class, 3; as learned embeddings joined with the root's diameter, the soak's length, the water's
  temperature, the hours since the last watering and the air's humidity) to the log water the velamen takes up and
  the log water passed into the cortex in the next hour; the velamen (its layers from the genus) fills first-order
  with a time constant that grows with its thickness and with drying (a dry velamen wets slowly), minus the water
  still held; the exodermis' passage cells pass water with the root's water-potential deficit, Q10 2; MSE of the
  standardised targets; Adagrad (torch's defaults) in one plan, Adam (torch's defaults) in the other
- aquarium-heater thermostat cycling (a long plan only): a grey-box model of the on and off times of a heater's
  cycle (log minutes) from the tank (volume, lid, filter turnover), the room's and the set temperature and the
  heater (16 catalogue models, indexing a learned table of each model's true power, bimetal band and sensor lag);
  the lumped tank C dT/dt = P on - UA (T - T_room) solved in closed form between the thermostat's switching points
  (the band widened by the sensor lag times the heating and cooling rates), UA from the tank's area times a learned
  log-linear term plus a small MLP correction; the data from the same law with an evaporation term that grows with
  the temperature difference when there is no lid; 2% scatter; MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the orchid net with
Adagrad and with Adam and the aquarium grey-box (no short plans), and the label CNN on 8192 labels instead of 1024
(width 6 instead of 8, batch 32 instead of 128).

Of the eight plans, two use Adagrad (orchid, aquarium), two Adam (gnome, orchid), two SGD with Nesterov momentum
(both label plans), one RMSprop (doll) and one AdamW (saw).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam175_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam175/README.md).

    python benchmarks/exam175_workloads.py          # the table
    python benchmarks/exam175_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 175"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. sleep-eye doll blinking (a GRU; RMSprop)

DL_STEPS = 16
DL_CLOSED = math.radians(70.0)


def _dl_tilts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Dolls picked up, laid back, rocked and sat up: the head's pitch (back positive) over 16 steps of 100 ms, from
    a start angle (-20 to 30 degrees) to up to three new targets (-30 to 110 degrees) at random times, each reached
    first-order (time constant 0.05-0.3 s), with a rocking of 0-15 degrees at 0.5-2 Hz. The eyes sit on a rocker
    whose counterweight hangs at 5-15 mm below its pivot (the eye's size, 14-30 mm): in the world frame
    alpha'' = -(g / l) sin alpha - c (alpha' - theta') - mu (g / l) tanh((alpha' - theta') / 0.3), viscous c 4-12 /s,
    friction mu = 0.04 + 0.005 age (years, 0-60) x a lognormal 0.35 (grease dries), between stops at 0 (open) and
    -70 degrees (closed) relative to the head, inelastic (the rocker then turns with the head). 20 substeps of 5 ms.
    Closure = -(alpha - theta) / 70 degrees, read with 0.05 scatter. Returns (inputs (n, 16, 4): tilt (rad), tilt
    change per step x 5, eye size, age (both standardised), closures (n, 16))."""
    dt_out, sub = 0.1, 20
    dt = dt_out / sub
    start = math.radians(1) * (-20 + 50 * torch.rand(n, generator=gen))
    targets = math.radians(1) * (-30 + 140 * torch.rand(n, 3, generator=gen))
    moves = torch.sort(DL_STEPS * dt_out * torch.rand(n, 3, generator=gen), 1).values
    tau = 0.05 + 0.25 * torch.rand(n, generator=gen)
    rock_a = math.radians(15) * torch.rand(n, generator=gen)
    rock_f = 0.5 + 1.5 * torch.rand(n, generator=gen)
    rock_p = 2 * math.pi * torch.rand(n, generator=gen)
    eye = 14 + 16 * torch.rand(n, generator=gen)
    age = 60 * torch.rand(n, generator=gen)
    length = (5 + 10 * (eye - 14) / 16) / 1000
    w2 = 9.81 / length
    visc = 4 + 8 * torch.rand(n, generator=gen)
    mu = (0.04 + 0.005 * age) * torch.exp(0.35 * torch.randn(n, generator=gen))
    base = start.clone()
    alpha = start.clone()
    omega = torch.zeros(n)
    theta_prev = start.clone()
    thetas, closures = [], []
    for k in range(DL_STEPS):
        for j in range(sub):
            t = (k * sub + j + 1) * dt
            passed = (moves <= t).long().sum(1)
            goal = torch.where(passed == 0, start, targets.gather(1, (passed - 1).clamp_min(0).view(-1, 1)).view(-1))
            base = base + dt * (goal - base) / tau
            theta = base + rock_a * torch.sin(2 * math.pi * rock_f * t + rock_p) - rock_a * torch.sin(rock_p)
            dtheta = (theta - theta_prev) / dt
            rel = omega - dtheta
            acc = -w2 * torch.sin(alpha) - visc * rel - mu * w2 * torch.tanh(rel / 0.3)
            omega = omega + dt * acc
            alpha = alpha + dt * omega
            psi = alpha - theta
            stop = (psi > 0) | (psi < -DL_CLOSED)
            alpha = torch.where(stop, theta + psi.clamp(-DL_CLOSED, 0), alpha)
            omega = torch.where(stop, dtheta, omega)
            theta_prev = theta
        thetas.append(theta)
        closures.append(-(alpha - theta) / DL_CLOSED)
    th = torch.stack(thetas, 1)
    rate = torch.diff(th, dim=1, prepend=start.view(-1, 1))
    y = torch.stack(closures, 1) + 0.05 * torch.randn(n, DL_STEPS, generator=gen)
    x = torch.stack([th, rate * 5, ((eye - 22) / 4.6).view(-1, 1).expand(-1, DL_STEPS),
                     ((age - 30) / 17.3).view(-1, 1).expand(-1, DL_STEPS)], 2)
    return x, y


class BlinkGRU(nn.Module):
    """A GRU over the tilt sequence with a linear read-out of the closure at every step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(4, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        return self.head(out).squeeze(-1)


def closure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the eyelid closure over all 16 steps."""
    return _mse(model, batch)


def doll_blink(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The blink GRU on 1024 recorded handlings; held out: 1024 other handlings in batches of 512; RMSprop."""
    gen = torch.Generator().manual_seed(175101)
    x, y = _dl_tilts(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BlinkGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": closure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. garden-gnome frost cracking over a winter (a 1-D CNN; Adam)

GN_DAYS = 96
GN_MATERIALS = 3  # terracotta, concrete, resin


def _gn_winters(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Gnomes left out over 96 winter days. The site's mean temperature falls and rises as Tm0 - A sin(pi d / 96)
    (Tm0 2-8 C, A 3-12 K) with AR(1) weather (0.7, sd 3.5 K); the daily range 3-10 K around it; a wet day with
    probability 0.2-0.5 (rain 1 + 14 u^2 mm). The material: terracotta (uptake 0.06 / mm, critical degree of
    saturation 0.82, damage rate 1), concrete (0.04, 0.88, 0.6), resin (0.002, 0.95, 0.2); a sealed coat divides the
    uptake by 3; under a shrub (30%) halves the rain. Each thawed day (maximum above 0 C): saturation S += uptake x
    rain x (1 - S) x (1 + tanh D), minus drying 0.015 x max(T_max, 0) x S on dry days. A freeze (minimum below -1 C)
    after a thaw adds damage rate x relu(S - S_cr) x min(1, -T_min / 6), with S_cr lowered by 0.15 tanh D. The spring
    check: log1p(crack length 60 D mm) with 0.25 scatter and S with 0.04. Returns (inputs (n, 7, 96): T_min / 10,
    T_max / 10, rain / 10, material one-hot, sealed; targets (n, 2))."""
    tm0 = 2 + 6 * torch.rand(n, generator=gen)
    amp = 3 + 9 * torch.rand(n, generator=gen)
    rng = 3 + 7 * torch.rand(n, generator=gen)
    pwet = 0.2 + 0.3 * torch.rand(n, generator=gen)
    mat = torch.randint(0, GN_MATERIALS, (n,), generator=gen)
    sealed = (torch.rand(n, generator=gen) < 0.4).float()
    shrub = (torch.rand(n, generator=gen) < 0.3).float()
    uptake = torch.tensor([0.06, 0.04, 0.002])[mat] / (1 + 2 * sealed)
    s_cr0 = torch.tensor([0.82, 0.88, 0.95])[mat]
    k_dmg = torch.tensor([1.0, 0.6, 0.2])[mat]
    s = 0.3 + 0.3 * torch.rand(n, generator=gen)
    dmg = torch.zeros(n)
    thawed = torch.ones(n)
    anomaly = torch.zeros(n)
    tmins, tmaxs, rains = [], [], []
    for d in range(GN_DAYS):
        anomaly = 0.7 * anomaly + 3.5 * math.sqrt(1 - 0.49) * torch.randn(n, generator=gen)
        mean = tm0 - amp * math.sin(math.pi * d / GN_DAYS) + anomaly
        tmin, tmax = mean - rng / 2, mean + rng / 2
        wet = (torch.rand(n, generator=gen) < pwet).float()
        rain = wet * (1 + 14 * torch.rand(n, generator=gen) ** 2)
        warm = (tmax > 0).float()
        s = s + warm * uptake * rain * (1 - 0.5 * shrub) * (1 - s) * (1 + torch.tanh(dmg))
        s = s - warm * (1 - wet) * 0.015 * tmax.clamp_min(0) * s
        s = s.clamp(0, 1)
        freeze = (tmin < -1).float() * thawed
        dmg = dmg + freeze * k_dmg * torch.relu(s - (s_cr0 - 0.15 * torch.tanh(dmg))) * (-tmin / 6).clamp(0, 1)
        thawed = torch.where(tmin < -1, warm, torch.maximum(thawed, warm))
        tmins.append(tmin)
        tmaxs.append(tmax)
        rains.append(rain)
    crack = torch.log1p(60 * dmg) + 0.25 * torch.randn(n, generator=gen)
    y = torch.stack([crack, s + 0.04 * torch.randn(n, generator=gen)], 1)
    stat = torch.cat([F.one_hot(mat, GN_MATERIALS).float(), sealed.view(-1, 1)], 1)
    x = torch.cat([torch.stack([torch.stack(tmins, 1) / 10, torch.stack(tmaxs, 1) / 10, torch.stack(rains, 1) / 10], 1),
                   stat.view(n, -1, 1).expand(-1, -1, GN_DAYS)], 1)
    return x, y


class FrostCNN(nn.Module):
    """A 1-D CNN over the winter's days (a kernel of 7 days at stride 3, then 5 at stride 2), mean- and max-pooled,
    to the log crack length and the final saturation."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(7, width, 7, padding=3, stride=3), nn.ReLU(),
                                  nn.Conv1d(width, width, 5, padding=2, stride=2), nn.ReLU())
        self.head = nn.Linear(2 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def frost_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log crack length and final saturation."""
    return _mse(model, batch)


def gnome_frost(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The frost CNN on 2048 gnome-winters, targets standardised over them; held out: 2048 other winters in
    batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(175102)
    x, y = _gn_winters(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FrostCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": frost_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. pruning-saw kerf from a saw-set gauge's reading of the teeth (a Post-LN transformer; AdamW)

SW_TEETH = 16


def _sw_saws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pull saws read tooth by tooth (16 teeth, alternately set left and right): plate 0.5-1.0 mm, nominal set
    0.10-0.30 mm a side, each tooth's set off by a scatter of 0.01-0.06 mm (machine to hand set) and one side
    biased by N(0, 0.03) mm (a careless resharpening); each tooth's height off the jointed line N(0, 0.01-0.06) mm
    (below it: negative); edge radius 5-40 um for the saw x a lognormal 0.25 per tooth. Cut in wood of density
    0.35-0.80, green (50%) or seasoned. Kerf = plate + the widest left set + the widest right set + 1.5 x the sd of
    the sets x (1 + green) - 0.08 x green (spring-back), 8% scatter. Drift (mm per 100 mm of cut) = 60 x (mean left
    set - mean right set) / (kerf - plate) x (1 + 0.3 green), scatter 1.0. Rate: the teeth that reach within 0.02 mm
    of the highest cut (a sigmoid of 0.008 mm), each weighted by its sharpness 1 / (1 + r / 15 um), over the density
    and the kerf; log, scatter 0.1. Returns (tokens (n, 16, 8), targets (n, 3): kerf (mm), drift, log rate)."""
    plate = 0.5 + 0.5 * torch.rand(n, 1, generator=gen)
    s0 = 0.10 + 0.20 * torch.rand(n, 1, generator=gen)
    s_sd = 0.01 + 0.05 * torch.rand(n, 1, generator=gen)
    bias = 0.03 * torch.randn(n, 1, generator=gen)
    side = torch.tensor([1.0, -1.0]).repeat(SW_TEETH // 2).view(1, -1).expand(n, -1)
    left = (side > 0).float()
    sets = (s0 + s_sd * torch.randn(n, SW_TEETH, generator=gen) + bias * left).clamp_min(0.0)
    h_sd = 0.01 + 0.05 * torch.rand(n, 1, generator=gen)
    height = h_sd * torch.randn(n, SW_TEETH, generator=gen)
    radius = (5 + 35 * torch.rand(n, 1, generator=gen)) * torch.exp(0.25 * torch.randn(n, SW_TEETH, generator=gen))
    density = 0.35 + 0.45 * torch.rand(n, 1, generator=gen)
    green = (torch.rand(n, 1, generator=gen) < 0.5).float()
    max_l = (sets * left - (1 - left)).amax(1, keepdim=True)
    max_r = (sets * (1 - left) - left).amax(1, keepdim=True)
    kerf = plate + max_l + max_r + 1.5 * sets.std(1, keepdim=True) * (1 + green) - 0.08 * green
    kerf = kerf * torch.exp(0.08 * torch.randn(n, 1, generator=gen))
    mean_l = (sets * left).sum(1, keepdim=True) / left.sum(1, keepdim=True)
    mean_r = (sets * (1 - left)).sum(1, keepdim=True) / (1 - left).sum(1, keepdim=True)
    drift = 60 * (mean_l - mean_r) / (kerf - plate).clamp_min(0.1) * (1 + 0.3 * green)
    drift = drift + 1.0 * torch.randn(n, 1, generator=gen)
    reach = torch.sigmoid((height - height.amax(1, keepdim=True) + 0.02) / 0.008)
    work = (reach / (1 + radius / 15)).sum(1, keepdim=True)
    rate = torch.log(work / (density * kerf)) + 0.1 * torch.randn(n, 1, generator=gen)
    tokens = torch.stack([side * sets / 0.2 * 2, (sets - 0.2) / 0.07, height / 0.03, (radius - 22) / 12, side,
                          ((plate - 0.75) / 0.15).expand(-1, SW_TEETH), ((density - 0.575) / 0.13).expand(-1, SW_TEETH),
                          (2 * green - 1).expand(-1, SW_TEETH)], 2)
    return tokens, torch.cat([kerf, drift, rate], 1)


class KerfTransformer(nn.Module):
    """Tokens (one a tooth) embedded, plus a learned position, through one Post-LN encoder layer, mean-pooled."""

    def __init__(self, d_model: int = 32, heads: int = 2, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(8, d_model)
        self.pos = nn.Parameter(0.02 * torch.randn(SW_TEETH, d_model))
        layer = nn.TransformerEncoderLayer(d_model, heads, 2 * d_model, dropout=0.0, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, 3)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(tokens) + self.pos).mean(1))


def kerf_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised kerf, drift and log rate."""
    return _mse(model, batch)


def saw_kerf(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d_model: int = 32) -> dict[str, Any]:
    """The kerf transformer on 2048 gauged saws, targets standardised over them; held out: 2048 other saws in
    batches of 1024; AdamW (torch's defaults, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(175103)
    x, y = _sw_saws(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KerfTransformer(d_model), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": kerf_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. plant-label ink fading read from a photo patch (a 2-D CNN; SGD with Nesterov momentum)

LB_SIZE = 12
LB_INKS = 4  # black dye marker, blue dye marker, black pigment paint pen, pencil


def _lb_labels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Photo patches (12 x 12 pixels, RGB reflectance) of white plastic plant labels written on by hand: two strokes
    (segments between random points, a Gaussian profile 0.6-1.2 px wide). The ink's optical density per channel (R,
    G, B) when fresh and its fading rate per sun-month (first order): black dye marker (1.1, 1.1, 1.0; 0.25, 0.12,
    0.05: it turns blue-purple), blue dye marker (1.0, 0.6, 0.15; 0.15, 0.12, 0.08), black pigment paint pen (1.2,
    1.2, 1.2; 0.01 each), pencil (0.45 each; no fading, a sheen). The dose: 1-36 months (log-uniform) times the
    site's sun 0.4-1.2. The plastic yellows: the blue channel loses 0.35 (1 - exp(-H k / 20)), green 0.4 of that,
    k 0.4-2.0 (the plastic's UV stabiliser). The photo: exposure 0.7-1.3, grime specks (4% of pixels, x 0.6),
    sensor noise 0.02. Targets: log dose and the ink's remaining contrast (the mean over channels of
    1 - 10^-D). Returns (images (n, 3, 12, 12), targets (n, 2))."""
    grid = torch.arange(LB_SIZE).float() + 0.5
    yy, xx = torch.meshgrid(grid, grid, indexing="ij")
    cover = torch.zeros(n, LB_SIZE, LB_SIZE)
    for _ in range(2):
        p = LB_SIZE * torch.rand(n, 2, 1, 1, generator=gen)
        q = LB_SIZE * torch.rand(n, 2, 1, 1, generator=gen)
        w = 0.6 + 0.6 * torch.rand(n, 1, 1, generator=gen)
        dx, dy = q[:, 0] - p[:, 0], q[:, 1] - p[:, 1]
        t = (((xx - p[:, 0]) * dx + (yy - p[:, 1]) * dy) / (dx**2 + dy**2 + 1e-6)).clamp(0, 1)
        dist2 = (xx - p[:, 0] - t * dx) ** 2 + (yy - p[:, 1] - t * dy) ** 2
        cover = torch.maximum(cover, torch.exp(-dist2 / w**2))
    ink = torch.randint(0, LB_INKS, (n,), generator=gen)
    d0 = torch.tensor([[1.1, 1.1, 1.0], [1.0, 0.6, 0.15], [1.2, 1.2, 1.2], [0.45, 0.45, 0.45]])[ink]
    kf = torch.tensor([[0.25, 0.12, 0.05], [0.15, 0.12, 0.08], [0.01, 0.01, 0.01], [0.0, 0.0, 0.0]])[ink]
    months = 36 ** torch.rand(n, generator=gen)
    dose = months * (0.4 + 0.8 * torch.rand(n, generator=gen))
    dens = d0 * torch.exp(-kf * dose.view(-1, 1))
    k_pl = 0.4 + 1.6 * torch.rand(n, generator=gen)
    yb = 0.35 * (1 - torch.exp(-dose * k_pl / 20))
    bg = torch.stack([torch.full((n,), 0.9), 0.9 - 0.4 * yb, 0.88 - yb], 1)
    img = bg.view(n, 3, 1, 1) * 10 ** (-dens.view(n, 3, 1, 1) * cover.view(n, 1, LB_SIZE, LB_SIZE))
    img = img * (0.7 + 0.6 * torch.rand(n, 1, 1, 1, generator=gen))
    grime = (torch.rand(n, 1, LB_SIZE, LB_SIZE, generator=gen) < 0.04).float()
    img = img * (1 - 0.4 * grime) + 0.02 * torch.randn(n, 3, LB_SIZE, LB_SIZE, generator=gen)
    contrast = (1 - 10 ** (-dens)).mean(1)
    return (img - 0.6) / 0.3, torch.stack([torch.log(dose), contrast], 1)


class LabelCNN(nn.Module):
    """A 3x3 conv layer at stride 2, global mean and max pooling, a small ReLU head to the two targets."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, width, 3, padding=1, stride=2), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * width, 16), nn.ReLU(), nn.Linear(16, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        return self.head(torch.cat([h.mean((2, 3)), h.amax((2, 3))], 1))


def label_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log dose and remaining contrast."""
    return _mse(model, batch)


def label_fading(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 8) -> dict[str, Any]:
    """The label CNN on 1024 photographed labels, targets standardised over them; held out: 2048 other labels in
    batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(175104)
    x, y = _lb_labels(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LabelCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": label_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. orchid aerial-root uptake after a soak (an embedding net; Adagrad; long only)

OR_GENERA, OR_MOUNTS, OR_AGES = 24, 6, 3


def _or_soaks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Aerial roots of epiphytic orchids soaked in water. Each genus (24; a fixed draw from the generator) has a
    velamen of 1-16 cell layers (about 12 um each), a passage-cell density 0.5-2 (relative) and a mean root diameter
    2-8 mm; each mount or pot (6: basket, slab, bark, sphagnum, clear pot, semi-hydro) a drying time 12-96 h; the
    root's age (young green tip, mature, old and corky) scales the passage cells (1.3, 1, 0.4). The root's diameter
    (the genus' mean x a lognormal 0.2), the soak (10 s to 30 min, log-uniform), the water's temperature 12-30 C,
    the hours since the last watering (2-240, log-uniform), the air's humidity 30-90%. The velamen holds pi ((d/2)^2
    - (d/2 - delta)^2) x 0.8 of water; the water still held exp(-hours / (drying time x (0.5 + RH))); it fills
    first-order with a time constant 6 s x layers / 4 x (1 + 3 sigmoid((hours - 72) / 24)) (a dry velamen wets
    slowly) / (1 + (T - 20) / 40). The cortex takes 0.4 x passage cells x d x (0.2 + 1.2 (1 - exp(-hours / 72))) x
    2^((T - 20) / 10) in the hour after, at most the velamen's water x 0.9 + 0.1. 5% scatter on each. Returns
    (categories (n, 3), continuous (n, 5), log velamen gain and log cortex uptake (n, 2))."""
    layers = 1 + 15 * torch.rand(OR_GENERA, generator=gen)
    passage = 0.5 + 1.5 * torch.rand(OR_GENERA, generator=gen)
    diam0 = 2 + 6 * torch.rand(OR_GENERA, generator=gen)
    drying = 12 * 8 ** torch.rand(OR_MOUNTS, generator=gen)
    genus = torch.randint(0, OR_GENERA, (n,), generator=gen)
    mount = torch.randint(0, OR_MOUNTS, (n,), generator=gen)
    age = torch.randint(0, OR_AGES, (n,), generator=gen)
    diam = diam0[genus] * torch.exp(0.2 * torch.randn(n, generator=gen))
    soak = 10 * 180 ** torch.rand(n, generator=gen)
    temp = 12 + 18 * torch.rand(n, generator=gen)
    hours = 2 * 120 ** torch.rand(n, generator=gen)
    rh = 0.3 + 0.6 * torch.rand(n, generator=gen)
    delta = (layers[genus] * 0.012).clamp_max(0.45 * diam)
    cap = math.pi * ((diam / 2) ** 2 - (diam / 2 - delta) ** 2) * 0.8
    held = torch.exp(-hours / (drying[mount] * (0.5 + rh)))
    tau = 6 * layers[genus] / 4 * (1 + 3 * torch.sigmoid((hours - 72) / 24)) / (1 + (temp - 20) / 40)
    gain = cap * (1 - held) * (1 - torch.exp(-soak / tau)) + 0.005
    pas = passage[genus] * torch.tensor([1.3, 1.0, 0.4])[age]
    cortex = 0.4 * pas * diam * (0.2 + 1.2 * (1 - torch.exp(-hours / 72))) * 2 ** ((temp - 20) / 10)
    cortex = torch.minimum(cortex, 0.9 * (gain + cap * held) + 0.1)
    y = torch.stack([torch.log(gain), torch.log(cortex)], 1) + 0.05 * torch.randn(n, 2, generator=gen)
    cont = torch.stack([torch.log(diam / 4) / 0.5, (torch.log(soak) - 4.9) / 1.5, (temp - 21) / 5.2,
                        (torch.log(hours) - 3.1) / 1.4, (rh - 0.6) / 0.17], 1)
    return torch.stack([genus, mount, age], 1), cont, y


class UptakeEmbeddingNet(nn.Module):
    """Learned embeddings of the genus, the mount and the root's age, joined with the continuous inputs, into a
    tanh MLP with two outputs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.genus = nn.Embedding(OR_GENERA, 6)
        self.mount = nn.Embedding(OR_MOUNTS, 3)
        self.age = nn.Embedding(OR_AGES, 2)
        self.mlp = nn.Sequential(nn.Linear(6 + 3 + 2 + 5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.genus(cats[:, 0]), self.mount(cats[:, 1]), self.age(cats[:, 2]), cont], 1)
        return self.mlp(h)


def uptake_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log velamen gain and log cortex uptake."""
    return _mse(model, batch)


def orchid_uptake(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32,
                  optimizer: str = "adagrad") -> dict[str, Any]:
    """The uptake net on 4096 soaked roots, targets standardised over them; held out: 2048 other roots in batches
    of 1024; Adagrad or Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(175105)
    c, x, y = _or_soaks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if optimizer == "adagrad":
        opt = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    else:
        opt = _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")
    return {"model": UptakeEmbeddingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": uptake_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. aquarium-heater thermostat cycling (a grey-box model; Adagrad; long only)

AQ_HEATERS = 16
AQ_WATTS = (25.0, 50.0, 75.0, 100.0, 150.0, 200.0, 300.0, 50.0, 100.0, 150.0, 200.0, 300.0, 75.0, 100.0, 200.0, 300.0)


def _aq_geometry(vol: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """A standard tank of ``vol`` litres: its heat capacity (kJ/K: water and about 0.8 kg of glass per litre^(2/3))
    and its outer area (m^2, 1.1 x six faces of a cube of that volume)."""
    cap = 4.186 * vol + 0.84 * 0.8 * vol ** (2 / 3)
    area = 6.6 * (vol / 1000) ** (2 / 3)
    return cap, area


def _aq_tanks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Logged heater cycles. The 16 catalogue heaters (a fixed draw): the true power 0.85-1.05 of the label, the
    bimetal's band 0.3-1.5 K, the sensor's lag 1-6 min. Tanks of 20-400 L (log-uniform), a lid (60%), the filter's
    turnover 2-10 per hour, the room 16-24 C, the set point 24-28 C; the heater drawn among those of at least 0.4 W a
    litre. UA = area x (4 + (1 - lid) x (5 + 0.6 dT)) W/K (walls and, open, evaporation growing with dT = set -
    room). The band the water sees: the bimetal's plus the lag / (1 + 0.1 turnover) times the mean of the heating
    and cooling rates. On and off times in closed form: tau ln((T_inf - T_lo) / (T_inf - T_hi)) and tau ln((T_hi -
    T_room) / (T_lo - T_room)), tau = C / UA, T_inf = T_room + P / UA. Cycles where the heater cannot reach T_hi, or
    T_lo falls below the room + 0.3 K, are redrawn. 2% scatter (on the logs). Returns (heater indices (n,), tank
    inputs (n, 6): volume (L), lid, turnover, room, set point, label watts; log on and off minutes (n, 2))."""
    p_true = 0.85 + 0.2 * torch.rand(AQ_HEATERS, generator=gen)
    band = 0.3 + 1.2 * torch.rand(AQ_HEATERS, generator=gen)
    lag = 60 * (1 + 5 * torch.rand(AQ_HEATERS, generator=gen))
    watts = torch.tensor(AQ_WATTS)
    m = 4 * n
    vol = 20 * 20 ** torch.rand(m, generator=gen)
    lid = (torch.rand(m, generator=gen) < 0.6).float()
    turn = 2 + 8 * torch.rand(m, generator=gen)
    room = 16 + 8 * torch.rand(m, generator=gen)
    setp = 24 + 4 * torch.rand(m, generator=gen)
    heater = torch.randint(0, AQ_HEATERS, (m,), generator=gen)
    cap, area = _aq_geometry(vol)
    d_t = setp - room
    ua = area * (4 + (1 - lid) * (5 + 0.6 * d_t))
    power = watts[heater] * p_true[heater]
    c_j = cap * 1000
    heat_rate = (power - ua * d_t) / c_j
    cool_rate = ua * d_t / c_j
    swing = band[heater] + lag[heater] / (1 + 0.1 * turn) * 0.5 * (heat_rate + cool_rate)
    t_hi, t_lo = setp + swing / 2, setp - swing / 2
    t_inf = room + power / ua
    ok = (t_inf > t_hi + 0.2) & (t_lo > room + 0.3) & (watts[heater] >= 0.4 * vol)
    tau = c_j / ua / 60
    on = tau * torch.log((t_inf - t_lo).clamp_min(1e-3) / (t_inf - t_hi).clamp_min(1e-3))
    off = tau * torch.log((t_hi - room).clamp_min(1e-3) / (t_lo - room).clamp_min(1e-3))
    y = torch.stack([torch.log(on), torch.log(off)], 1) + 0.02 * torch.randn(m, 2, generator=gen)
    keep = torch.nonzero(ok).view(-1)[:n]
    if len(keep) < n:
        raise RuntimeError("too few feasible heater cycles")
    x = torch.stack([vol, lid, turn, room, setp, watts[heater]], 1)
    return heater[keep], x[keep], y[keep]


class HeaterGreyBox(nn.Module):
    """The lumped tank between the thermostat's switching points, in closed form. Learned: each heater's power
    factor, bimetal band and sensor lag (a table, log scale, indexed by the heater's catalogue number), the heat
    loss UA as the tank's area times exp(a linear term in lid, turnover and set - room, plus a small tanh MLP
    correction), starting at the catalogue's nominal values (power as labelled, band 0.8 K, lag 3 min, 6 W/m2K)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.heater = nn.Parameter(torch.zeros(AQ_HEATERS, 3))
        self.ua_lin = nn.Linear(3, 1)
        nn.init.zeros_(self.ua_lin.weight)
        nn.init.constant_(self.ua_lin.bias, math.log(6.0))
        self.ua_mlp = nn.Sequential(nn.Linear(3, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, heater: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        vol, lid, turn, room, setp, watts = x.unbind(1)
        cap, area = _aq_geometry(vol)
        d_t = setp - room
        feats = torch.stack([lid * 2 - 1, (turn - 6) / 2.3, (d_t - 6) / 2.5], 1)
        ua = area * torch.exp(self.ua_lin(feats).squeeze(1) + self.ua_mlp(feats).squeeze(1))
        p = self.heater[heater]
        power = watts * torch.exp(p[:, 0])
        band = 0.8 * torch.exp(p[:, 1])
        lag = 180 * torch.exp(p[:, 2])
        c_j = cap * 1000
        swing = band + lag / (1 + 0.1 * turn) * 0.5 * power / c_j  # the heating plus cooling rate is P / C
        hi_gap = F.softplus(room + power / ua - setp - swing / 2, beta=5) + 1e-3  # T_inf - T_hi, kept positive
        lo_gap = F.softplus(d_t - swing / 2, beta=5) + 1e-3  # T_lo - T_room, kept positive
        tau = c_j / ua / 60
        on = tau * torch.log1p(swing / hi_gap)
        off = tau * torch.log1p(swing / lo_gap)
        return torch.stack([torch.log(on), torch.log(off)], 1)


def cycle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log on and off minutes."""
    return _mse(model, batch)


def aquarium_cycling(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 16) -> dict[str, Any]:
    """The grey-box heater model on 2048 logged cycles; held out: 2048 other cycles in batches of 1024; Adagrad
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(175106)
    h, x, y = _aq_tanks(train_size + 2048, gen)
    tr = (h[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HeaterGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((h[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": cycle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("doll_blink_rmsprop", doll_blink, 300, "doll_sleep_eye_rocker_blink_gru", "rmsprop", "finite", 64,
      seconds=1.0, start_lr=0.032),
    W("gnome_frost_adam", gnome_frost, 300, "garden_gnome_freeze_thaw_crack_cnn1d", "adam", "finite", 64,
      seconds=0.5, start_lr=0.008),
    W("saw_kerf_adamw", saw_kerf, 300, "pruning_saw_tooth_set_kerf_postln_transformer", "adamw", "finite", 64,
      seconds=0.9, start_lr=0.016),
    W("label_fading_nesterov", label_fading, 300, "plant_label_ink_fade_photo_cnn2d", "sgd_nesterov0.9_wd5e-4",
      "finite", 128, seconds=0.5, start_lr=0.032),
)
LONG = (
    W("orchid_uptake_adagrad@long", orchid_uptake, 3000, "orchid_aerial_root_velamen_uptake_embedding_net",
      "adagrad", "finite", 32, seconds=1.9, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("aquarium_cycling_adagrad@long", aquarium_cycling, 3000, "aquarium_heater_thermostat_cycle_greybox", "adagrad",
      "finite", 32, seconds=2.9, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("orchid_uptake_adam@long", orchid_uptake, 3000, "orchid_aerial_root_velamen_uptake_embedding_net", "adam",
      "finite", 32, dict(optimizer="adam"), seconds=2.2, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("label_fading_nesterov@long", label_fading, 3000, "plant_label_ink_fade_photo_cnn2d", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, dict(train_size=8192, width=6), seconds=2.4, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="label_fading_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam175_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-fifth exam's workloads")
