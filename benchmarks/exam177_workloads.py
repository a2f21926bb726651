"""The hundred-and-seventy-seventh exam: six more workload families that neither the suite nor exams 1-174 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam174_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from bridles and rein pressure, spurs and rowel contact, flea collars and
insecticide release, pin cushions and pin grip, dog kennels and heat retention, and scratching posts and fibre
shredding (exams 175, 176 and 178 were built at the same time from other domains; their modules were not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam177/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- bridle bit pressure from rein tension: a causal 1-D CNN reads a rein-tension meter's left / right traces and the
  head-neck angle over three trot strides (with the bit, the noseband's tightness and the tongue's thickness at
  every step) and gives the pressure on the tongue, on the bars and at the poll at every step; a jointed
  snaffle's nutcracker fold, a curb's lever ratio feeding the poll, the tongue's viscoelastic compression (a
  first-order lag) moving the load onto the bars; MSE of the standardised pressures; Adam (torch's defaults)
- spur rowel contact on a pressure film: a small 2-D CNN reads the 16 x 16 pressure-film imprint of a spur's rowel
  rolled along a flank simulator and gives the log force on a point, the roll length, the log point spacing and
  the log tip radius; each point's Hertz contact (contact radius (3 F R / 4 E*)^(1/3), the elliptic pressure
  profile) on a soft skin layer, the dots a spacing pi D / n apart along the roll, the film's saturating response
  and grain; MSE of the standardised outputs; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- flea-collar insecticide release (a long plan only): a grey-box model; entity embeddings of the collar product
  and the dog's breed and the dog's mass, bathing and swimming give three rates (the Higuchi release coefficient,
  the depletion time of the PVC matrix and the coat's loss rate); the known structure turns them into the coat
  concentration (the release a / sqrt(t), exponential after depletion, spread over a body surface ~ mass^(2/3))
  and a group's 48-hour flea kill at eight times after fitting (a log-logistic dose response); MSE of the kill
  fractions (x10); Adagrad (torch's defaults)
- magnetic pin-dish grip: a Post-LN transformer over the six pins lying or standing on a magnetic pin dish (their
  position on the dish, length, diameter, steel / stainless / nickel-plated / brass, lying or standing) gives each
  pin's log pull-off force; the force of a soft-magnetic rod in the dish's ring-magnet field (B(r)^2 with
  saturation, an end or a side contact), flux stolen by magnetic neighbours nearby, the pin's weight; MSE;
  AdamW (torch's defaults)
- dog-kennel heat retention overnight (a long plan only): an LSTM reads the hourly outdoor temperature and wind
  over a 12-hour night (with the kennel's insulation, size, raised floor, door flap and the dog's mass at every
  step) and gives the kennel's air temperature each hour; a two-node (air, walls) lumped model with the dog's
  heat from Kleiber's law (70 M^0.75 kcal/day, times an activity factor falling as it curls up in the cold), the
  walls' conductance from the insulation's R-value over an area ~ volume^(2/3), wind-driven ventilation through
  the door (less with a flap); MSE of the standardised temperatures; RMSprop (torch's defaults)
- scratching-post shredding: an embedding net (entity embeddings of the cat, the wrapping, the post's orientation
  and the claws' state, with the cat's mass and its sessions a day) gives the shredded fraction of the wrapping
  after 1, 2, 4, 8 and 16 weeks; each claw stroke breaks a fibre with a Weibull probability 1 - exp(-(F /
  sigma_0)^m) of the hook force against the wrapping's fibre strength, loosened fibres break faster
  (dS/dN = p (1 - S)(1 + beta S), solved in closed form); MSE (x10); Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the flea-collar and
kennel nets (no short plans), the scratching-post net on 8192 posts instead of 4096 (32 units a layer instead of
64) and the pin-dish transformer on the short plan's 4096 dishes with a width of 16 instead of 32 and batches of 16
instead of 64. The bridle and spur nets have no long plans.

Of the eight plans, three use Adagrad (the short and long scratching-post plans, the flea collar), two AdamW (both
pin-dish plans), one Adam (bridle), one SGD with Nesterov momentum (spur) and one RMSprop (kennel).

The data generators' seeds are 177101 (bridle), 177102 (spur), 177103 (flea collar), 177104 (pin dish), 177105
(kennel) and 177106 (scratching post).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam177_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam177/README.md).

    python benchmarks/exam177_workloads.py          # the table
    python benchmarks/exam177_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 177"


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
    """Targets standardised per column (the last dimension) with the mean and sd over the first ``n`` rows."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. bridle bit pressure from rein tension (causal 1-D CNN, Adam)

BR_STEPS = 24  # three trot strides, 8 samples a stride
BR_BITS = 3  # loose-ring jointed snaffle, mullen-mouth snaffle, pelham (curb action)


def _br_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rein-tension meter recordings at trot: a rider's base contact 5-35 N a rein, a stride oscillation (two peaks
    a stride, 10-60% of the contact), left / right asymmetry, a half-halt (a 0.3-stride pulse of 20-60 N) in half
    of the recordings; the head-neck angle 0-25 degrees in front of (negative: behind) the vertical, oscillating
    with the stride. The bit: a jointed snaffle folds (nutcracker) so that its share on the tongue rises with the
    tension, a mullen mouth spreads the load, a pelham multiplies it by a lever ratio 1.5-2.5 and puts (ratio - 1)
    of it on the poll through the cheekpieces. The tongue (thickness 0-1) compresses with a first-order lag
    (0.4 of a sample) and its compression moves the load onto the bars; a tight noseband (0-1) holds the mouth shut
    and keeps more on the tongue; behind the vertical the rein pulls more on the bars. Pressures in kPa over
    contact areas of a few cm2; 2% scatter. Returns (inputs (n, 24, 8), pressures (n, 24, 3): tongue, bars,
    poll)."""
    t = torch.arange(BR_STEPS).float().view(1, -1)
    base = 5 + 30 * torch.rand(n, 1, generator=gen)
    osc = (0.1 + 0.5 * torch.rand(n, 1, generator=gen)) * base
    phase = 2 * math.pi * torch.rand(n, 1, generator=gen)
    asym = 0.25 * torch.randn(n, 1, generator=gen)
    wave = osc * torch.sin(2 * math.pi * 2 * t / 8 + phase)
    hh_on = (torch.rand(n, 1, generator=gen) < 0.5).float()
    hh_at = 4 + 16 * torch.rand(n, 1, generator=gen)
    hh = hh_on * (20 + 40 * torch.rand(n, 1, generator=gen)) * torch.exp(-((t - hh_at) / 1.2) ** 2)
    left = (base * (1 + asym) + wave + hh).clamp_min(0) + 0.5 * torch.randn(n, BR_STEPS, generator=gen)
    right = (base * (1 - asym) + wave + hh).clamp_min(0) + 0.5 * torch.randn(n, BR_STEPS, generator=gen)
    left, right = left.clamp_min(0), right.clamp_min(0)
    head = (-5 + 25 * torch.rand(n, 1, generator=gen)) + 3 * torch.sin(2 * math.pi * 2 * t / 8 + phase + 1.0)
    head = head - 0.15 * hh  # the horse comes behind the vertical on a half-halt
    bit = torch.randint(0, BR_BITS, (n,), generator=gen)
    lever = torch.where(bit == 2, 1.5 + torch.rand(n, generator=gen), torch.ones(n)).view(-1, 1)
    nose = torch.rand(n, 1, generator=gen)
    tongue = torch.rand(n, 1, generator=gen)
    total = (left + right) * lever
    fold = torch.where(bit.view(-1, 1) == 0, 0.35 + 0.4 * torch.tanh(total / 60), torch.full_like(total, 0.3))
    behind = torch.sigmoid(-head / 6)
    comp = torch.zeros(n)
    tq, bq = [], []
    for k in range(BR_STEPS):
        target = total[:, k] / (20 + 40 * (1 - tongue[:, 0]))
        comp = comp + 0.4 * (target - comp)
        share = (fold[:, k] + 0.2 * nose[:, 0]) * (1 - 0.5 * torch.tanh(comp)) * (1 - 0.4 * behind[:, k])
        share = share.clamp(0.05, 0.95)
        tq.append(total[:, k] * share / (3 + 2 * tongue[:, 0]))
        bq.append(total[:, k] * (1 - share) / 1.5)
    poll = (lever - 1) * (left + right) / 4 + 0.05 * (left + right) * (1 + nose)
    y = torch.stack([torch.stack(tq, 1), torch.stack(bq, 1), poll], 2) * 10  # kPa
    y = torch.log1p(y * torch.exp(0.02 * torch.randn(y.shape, generator=gen)))
    static = torch.cat([F.one_hot(bit, BR_BITS).float(), (nose - 0.5) / 0.29, (tongue - 0.5) / 0.29], 1)
    x = torch.cat([torch.stack([(left - 20) / 12, (right - 20) / 12, (head - 7.5) / 8], 2),
                   static.unsqueeze(1).expand(n, BR_STEPS, 5)], 2)
    return x, y


class BitPressureTCN(nn.Module):
    """A causal temporal convolution (width 9, left-padded so that a step sees only its last 9 samples) and a
    per-step ReLU layer with a linear read-out of the three pressures at every step."""

    def __init__(self, channels: int = 32) -> None:
        super().__init__()
        self.conv = nn.Conv1d(8, channels, 9)
        self.mix = nn.Linear(channels, channels)
        self.head = nn.Linear(channels, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.conv(F.pad(x.transpose(1, 2), (8, 0)))).transpose(1, 2)
        return self.head(F.relu(self.mix(h)))


def bit_pressure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p pressures at every step."""
    return _mse(model, batch)


def bridle_rein(batch_size: int = 32, seed: int = 0, train_size: int = 1024, channels: int = 32) -> dict[str, Any]:
    """The bit-pressure CNN on 1024 recorded rides, targets standardised over them; held out: 1024 other rides in
    batches of 512; Adam."""
    gen = torch.Generator().manual_seed(177101)
    x, y = _br_rides(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BitPressureTCN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": bit_pressure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. spur rowel contact on a pressure film (2-D CNN, SGD with Nesterov momentum)

SP_GRID = 16  # film cells of 2 mm


def _sp_imprints(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pressure-film imprints of a spur's rowel rolled along a flank simulator (a 2 mm silicone skin layer, E* 0.15
    MPa). The rowel: diameter 15-40 mm, 5-16 points, tip radius 0.5-4 mm (sharp to blunted); the force on a point
    4-40 N (log-uniform); the roll 0-20 mm in a random direction from a random start. Each point that touches makes
    a Hertz contact: radius a = (3 F R / 4 E*)^(1/3), pressure p0 sqrt(1 - r^2 / a^2) with p0 = 3 F / (2 pi a^2);
    the points touch pi D / n apart along the roll; the film keeps the maximum and reads tanh(p / 0.35 MPa), with
    its grain (5% multiplicative) and a 0.02 background. Returns (images (n, 1, 16, 16), outputs (n, 4): log
    force, roll (cm), log spacing, log tip radius)."""
    dia = 15 + 25 * torch.rand(n, generator=gen)
    pts = torch.randint(5, 17, (n,), generator=gen).float()
    tip = 0.5 + 3.5 * torch.rand(n, generator=gen)
    force = 4 * 10 ** torch.rand(n, generator=gen)
    roll = 20 * torch.rand(n, generator=gen)
    ang = math.pi * torch.rand(n, generator=gen)
    spacing = math.pi * dia / pts
    e_star = 0.15e6
    a = (3 * force * tip * 1e-3 / (4 * e_star)) ** (1 / 3) * 1e3  # mm
    p0 = 3 * force / (2 * math.pi * (a * 1e-3) ** 2) / 1e6  # MPa
    cells = (torch.arange(SP_GRID).float() - (SP_GRID - 1) / 2) * 2.0  # mm
    yy, xx = torch.meshgrid(cells, cells, indexing="ij")
    start = (torch.rand(n, 2, generator=gen) - 0.5) * 6 - roll.view(-1, 1) / 2 * torch.stack([ang.cos(), ang.sin()], 1)
    img = torch.zeros(n, SP_GRID, SP_GRID)
    for k in range(8):
        along = k * spacing
        on = (along <= roll + 1e-6).float().view(-1, 1, 1)
        cx = (start[:, 0] + along * ang.cos()).view(-1, 1, 1)
        cy = (start[:, 1] + along * ang.sin()).view(-1, 1, 1)
        r2 = (xx - cx) ** 2 + (yy - cy) ** 2
        p = p0.view(-1, 1, 1) * (1 - r2 / a.view(-1, 1, 1) ** 2).clamp_min(0).sqrt()
        img = torch.maximum(img, p * on)
    film = torch.tanh(img / 0.35) * torch.exp(0.05 * torch.randn(n, SP_GRID, SP_GRID, generator=gen))
    film = film + 0.02 + 0.01 * torch.randn(n, SP_GRID, SP_GRID, generator=gen)
    y = torch.stack([torch.log(force), roll / 10, torch.log(spacing), torch.log(tip)], 1)
    return film.unsqueeze(1), y


class ImprintCNN(nn.Module):
    """Two 3x3 convolutions with max pooling, then a small head: the film image to the four contact readings."""

    def __init__(self, channels: int = 12) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, channels, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(channels, 2 * channels, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * channels * 16, 48), nn.ReLU(), nn.Linear(48, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def imprint_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log force, roll, log spacing and log tip radius."""
    return _mse(model, batch)


def spur_rowel(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 12) -> dict[str, Any]:
    """The imprint CNN on 2048 films, targets standardised over them; held out: 1024 other films in batches of 512;
    SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(177102)
    x, y = _sp_imprints(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ImprintCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": imprint_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. flea-collar insecticide release (grey-box with entity embeddings, Adagrad; long only)

FC_PRODUCTS = 24
FC_BREEDS = 20
FC_WEEKS = (1.0, 2.0, 4.0, 8.0, 12.0, 16.0, 24.0, 32.0)
FC_HILL = 2.5  # the dose response's slope (log-logistic), known to the modeller


def _fc_curve(log_a: torch.Tensor, log_dep: torch.Tensor, log_k: torch.Tensor, mass: torch.Tensor) -> torch.Tensor:
    """The known structure: the collar releases a / sqrt(t) (Higuchi) until its depletion time, then falls off
    exponentially (time constant a quarter of the depletion time); the coat holds release / (loss rate x body
    surface ~ mass^(2/3)) at quasi-steady state; the kill is log-logistic in that concentration (EC50 1 in these
    units, slope ``FC_HILL``). Returns the kill fractions at ``FC_WEEKS``."""
    t = torch.tensor(FC_WEEKS).view(1, -1)
    a, dep, k = log_a.exp().view(-1, 1), log_dep.exp().view(-1, 1), log_k.exp().view(-1, 1)
    after = torch.exp(-torch.relu(t - dep) / (0.25 * dep))
    rate = a / torch.minimum(t, dep).sqrt() * after
    conc = rate / (k * (mass.view(-1, 1) / 15) ** (2 / 3))
    return torch.sigmoid(FC_HILL * torch.log(conc.clamp_min(1e-6)))


def _fc_trials(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Collar efficacy trials: a group of ten dogs of one breed (one of 20: coat length and sebum set the coat's
    loss rate) and a similar mass (3-45 kg, log-uniform) wears one of 24 collars (PVC matrices of an active, a
    loading and a plasticiser: a Higuchi coefficient and a depletion time of 10-40 weeks each); the dogs are bathed
    0-4 times a month and swim or not; each dog is infested with 100 fleas at eight times after fitting and the
    kill counted at 48 h. Bathing and swimming raise the coat's loss rate (and swimming leaches the collar
    sooner); a heavy dog's larger surface dilutes the dose. The group's kill fraction from the structure above
    with counting (binomial) scatter of its 1000 fleas and a group-to-group factor (10% on the release). Returns
    ((product, breed, numeric features (n, 3)), kill fractions (n, 8))."""
    pg = torch.Generator().manual_seed(1771030)
    prod_a = torch.log(torch.tensor(1.2)) + 0.6 * torch.randn(FC_PRODUCTS, generator=pg)
    prod_dep = torch.log(10 + 30 * torch.rand(FC_PRODUCTS, generator=pg))
    breed_k = 0.5 * torch.randn(FC_BREEDS, generator=pg)
    prod = torch.randint(0, FC_PRODUCTS, (n,), generator=gen)
    breed = torch.randint(0, FC_BREEDS, (n,), generator=gen)
    mass = 3 * 15 ** torch.rand(n, generator=gen)
    baths = 4 * torch.rand(n, generator=gen)
    swim = (torch.rand(n, generator=gen) < 0.3).float()
    log_k = breed_k[breed] + torch.log1p(0.25 * baths + 0.6 * swim)
    log_a = prod_a[prod] + 0.1 * torch.randn(n, generator=gen)
    log_dep = prod_dep[prod] - 0.15 * swim
    kill = _fc_curve(log_a, log_dep, log_k, mass)
    counts = (kill * 1000 + (kill * (1 - kill) * 1000).sqrt() * torch.randn(kill.shape, generator=gen)).round()
    y = counts.clamp(0, 1000) / 1000
    num = torch.stack([torch.log(mass / 11.6), (baths - 2) / 1.15, 2 * swim - 1], 1)
    return (prod, breed, num), y


class CollarGreyBox(nn.Module):
    """Entity embeddings of the collar and the breed with the dog's numbers, an MLP to three log rates, and the
    known release / coat / dose-response structure on top."""

    def __init__(self, hidden: int = 32, dim: int = 6) -> None:
        super().__init__()
        self.prod = nn.Embedding(FC_PRODUCTS, dim)
        self.breed = nn.Embedding(FC_BREEDS, dim)
        self.net = nn.Sequential(nn.Linear(2 * dim + 3, hidden), nn.Tanh(), nn.Linear(hidden, 3))

    def forward(self, prod: torch.Tensor, breed: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        z = self.net(torch.cat([self.prod(prod), self.breed(breed), num], 1))
        log_a, log_dep, log_k = z[:, 0], math.log(20.0) + z[:, 1], z[:, 2]
        mass = 11.6 * num[:, 0].exp()
        return _fc_curve(log_a, log_dep, log_k, mass)


def collar_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the kill fractions at the eight weeks (x10)."""
    prod, breed, num, y = batch
    return 10 * F.mse_loss(model(prod, breed, num), y)


def flea_collar(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The collar grey-box on 8192 trials; held out: 2048 other trials in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(177103)
    (prod, breed, num), y = _fc_trials(train_size + 2048, gen)
    tr = (prod[:train_size], breed[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CollarGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((prod[train_size:], breed[train_size:], num[train_size:], y[train_size:]),
                                       1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": collar_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. magnetic pin-dish grip (Post-LN transformer, AdamW)

PD_PINS = 6
PD_MATERIALS = 4  # carbon steel, stainless (ferritic), nickel-plated steel, brass


def _pd_dishes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Six pins on a magnetic pin dish (a ferrite ring magnet under a 9 cm dish; its field at the surface 40-120 mT
    at the ring, r / R = 0.75, falling towards the centre and the rim). Each pin: its position (r / R 0-1 and an
    angle), length 25-50 mm, diameter 0.5-0.9 mm, material (susceptibility factors 1, 0.6, 0.9, 0 for brass), lying
    (its side on the dish) or standing on its point. The pull-off force of a soft-magnetic rod: B^2 (saturating
    above 1.5 T in the pin, the pin concentrating the field by its length over its diameter) over the contact (its
    side: length x diameter; its point: a small end), less the flux that magnetic neighbours within ~1.5 cm take
    (exp(-d / 8 mm), more for long, lying pins), plus the pin's weight. 6% scatter (lognormal). Returns (pins
    (n, 6, 11), log pull-off force in mN (n, 6))."""
    r = torch.rand(n, PD_PINS, generator=gen).sqrt()
    th = 2 * math.pi * torch.rand(n, PD_PINS, generator=gen)
    length = 25 + 25 * torch.rand(n, PD_PINS, generator=gen)
    dia = 0.5 + 0.4 * torch.rand(n, PD_PINS, generator=gen)
    mat = torch.randint(0, PD_MATERIALS, (n, PD_PINS), generator=gen)
    lying = (torch.rand(n, PD_PINS, generator=gen) < 0.6).float()
    b_ring = 0.04 + 0.08 * torch.rand(n, 1, generator=gen)
    chi = torch.tensor([1.0, 0.6, 0.9, 0.0])[mat]
    b = b_ring * (0.35 + 0.65 * torch.exp(-((r - 0.75) / 0.3) ** 2))
    pos = torch.stack([45 * r * th.cos(), 45 * r * th.sin()], 2)  # mm
    d = torch.cdist(pos, pos) + 1e3 * torch.eye(PD_PINS).unsqueeze(0)
    pull = chi * (0.5 + 0.5 * lying) * length / 40
    steal = (torch.exp(-d / 8) * pull.unsqueeze(1)).sum(2)
    b_eff = b / (1 + 0.8 * steal)
    b_pin = (b_eff * (1 + 0.05 * length / dia)).clamp_max(3.0)
    b_pin = 1.5 * torch.tanh(b_pin / 1.5)
    contact = torch.where(lying > 0, length * dia, 0.6 * dia**2 + 0.5)
    mag = chi * b_pin**2 / (2 * 4e-7 * math.pi) * contact * 1e-6 * 1e3 * 0.02  # mN
    weight = 7.9e-6 * math.pi / 4 * dia**2 * length * 9.81 * 1e3  # mN (mm^3 at 7.9 g/cm^3)
    force = (mag + weight) * torch.exp(0.06 * torch.randn(n, PD_PINS, generator=gen))
    x = torch.cat([torch.stack([(r - 0.67) / 0.24, th.cos(), th.sin(), (length - 37.5) / 7.2, (dia - 0.7) / 0.115,
                                2 * lying - 1, ((b_ring - 0.08) / 0.023).expand(n, PD_PINS)], 2),
                   F.one_hot(mat, PD_MATERIALS).float()], 2)
    return x, torch.log(force)


class PinDishTransformer(nn.Module):
    """A Post-LN transformer encoder over the pins (no positions: a set; the pins' places are features), a linear
    embedding in and a linear read-out of each pin's log pull-off force."""

    def __init__(self, d_model: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(11, d_model)
        layer = nn.TransformerEncoderLayer(d_model, 4, 2 * d_model, dropout=0.0, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(x))).squeeze(-1)


def pin_grip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log pull-off forces."""
    return _mse(model, batch)


def pin_dish(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d_model: int = 32) -> dict[str, Any]:
    """The pin-dish transformer on 4096 dishes of six pins, targets standardised over them; held out: 1024 other
    dishes in batches of 512; AdamW."""
    gen = torch.Generator().manual_seed(177104)
    x, y = _pd_dishes(train_size + 1024, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PinDishTransformer(d_model), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": pin_grip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. dog-kennel heat retention overnight (LSTM, RMSprop; long only)

KN_HOURS = 12


def _kn_nights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Nights of a dog in an outdoor kennel, hourly from 18:00: the outdoor temperature falling from a daytime -5 to
    15 C by 3-12 C to a dawn minimum, with weather noise; the wind 0-8 m/s, gusting. The kennel: insulation
    (R-value 0.1-1.5 m2K/W), volume 0.3-1.5 m3, raised floor or not (a cold floor's conductance), door flap or
    not; the dog 5-45 kg. Two nodes: air (with the dog's bedding) and walls. The dog's heat 70 M^0.75 kcal/day
    (Kleiber) times 1.6 at rest, down to 1.2 curled up as the air cools below 10 C; the walls' conductance
    area / R with area 6 V^(2/3); ventilation 0.002 + 0.0015 wind m3/s through the door, a fifth of it with a flap;
    twenty sub-steps an hour. 0.2 C sensor scatter. Returns (inputs (n, 12, 7), air temperatures (n, 12, 1))."""
    h = torch.arange(KN_HOURS).float().view(1, -1)
    t_day = -5 + 20 * torch.rand(n, 1, generator=gen)
    drop = 3 + 9 * torch.rand(n, 1, generator=gen)
    out = t_day - drop * (1 - torch.exp(-h / 5)) + 0.6 * torch.randn(n, KN_HOURS, generator=gen).cumsum(1) / 3
    wind = (8 * torch.rand(n, 1, generator=gen) * (1 + 0.3 * torch.randn(n, KN_HOURS, generator=gen))).clamp_min(0)
    r_val = 0.1 + 1.4 * torch.rand(n, generator=gen)
    vol = 0.3 + 1.2 * torch.rand(n, generator=gen)
    raised = (torch.rand(n, generator=gen) < 0.5).float()
    flap = (torch.rand(n, generator=gen) < 0.5).float()
    mass = 5 + 40 * torch.rand(n, generator=gen)
    basal = 70 * mass**0.75 * 4184 / 86400  # W
    ua = 6 * vol ** (2 / 3) / (r_val + 0.15) + (1 - raised) * 2.0 * vol ** (2 / 3)
    c_air = 1200 * vol + 8000  # J/K (air, bedding)
    c_wall = 40000 * vol ** (2 / 3)
    ta = out[:, 0] + 3.0
    tw = out[:, 0] + 1.0
    temps = []
    for k in range(KN_HOURS):
        for _ in range(20):
            act = 1.2 + 0.4 * torch.sigmoid((ta - 10) / 3)
            vent = (0.002 + 0.0015 * wind[:, k]) * (1 - 0.8 * flap) * 1200
            q_wall = 2.5 * 6 * vol ** (2 / 3) * (ta - tw)
            ta = ta + 180 * (basal * act - q_wall - vent * (ta - out[:, k])) / c_air
            tw = tw + 180 * (q_wall - ua * (tw - out[:, k])) / c_wall
        temps.append(ta)
    y = (torch.stack(temps, 1) + 0.2 * torch.randn(n, KN_HOURS, generator=gen)).unsqueeze(2)
    static = torch.stack([(r_val - 0.8) / 0.4, (vol - 0.9) / 0.35, 2 * raised - 1, 2 * flap - 1, (mass - 25) / 11.5], 1)
    x = torch.cat([torch.stack([(out - 2) / 8, (wind - 4) / 2.5], 2), static.unsqueeze(1).expand(n, KN_HOURS, 5)], 2)
    return x, y


class KennelLSTM(nn.Module):
    """A one-layer LSTM over the night with a linear read-out of the kennel's air temperature each hour."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h)


def kennel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised hourly air temperatures."""
    return _mse(model, batch)


def dog_kennel(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The kennel LSTM on 8192 nights, targets standardised over them; held out: 1024 other nights in batches of
    512; RMSprop."""
    gen = torch.Generator().manual_seed(177105)
    x, y = _kn_nights(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KennelLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": kennel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. scratching-post shredding (embedding net, Adagrad)

SC_CATS = 32
SC_WRAPS = 6  # sisal rope, sisal fabric, jute rope, corrugated cardboard, carpet (loop pile), cotton rope
SC_ORIENT = 3  # vertical, inclined, horizontal
SC_CLAWS = 3  # untrimmed, trimmed, soft caps
SC_WEEKS = (1.0, 2.0, 4.0, 8.0, 16.0)


def _sc_posts(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Scratching posts in homes: one of 32 cats (each with its own vigour and claw sharpness), one of six wrappings
    (fibre strength sigma_0 and Weibull modulus m: sisal rope 60 / 3, sisal fabric 45 / 2.5, jute 30 / 2.5, cardboard
    12 / 1.5, carpet 35 / 3.5, cotton 22 / 2.5; its fibres a stroke sweeps), the post's orientation (vertical posts get
    the long, hard strokes), the claws (trimmed: 0.7 of the hook force, caps: 0.15), the cat's mass 2.5-7 kg and
    2-12 sessions a day of ~12 strokes. The hook force F ~ vigour x mass^0.7 x orientation x claws; a stroke breaks
    a fibre with probability 1 - exp(-(F / sigma_0)^m) (Weibull); shredding S over N strokes follows
    dS/dN = p (1 - S)(1 + 3 S) / capacity (loose fibres catch more), S = (e^(4 p N) - 1) / (e^(4 p N) + 3).
    3% scatter on the stroke counts and 0.02 on S (the share of the wrapping's surface judged shredded). Returns
    ((cat, wrapping, orientation, claws, numeric (n, 2)), shredded fractions at 1, 2, 4, 8, 16 weeks (n, 5))."""
    pg = torch.Generator().manual_seed(1771060)
    vigour = torch.exp(0.2 * torch.randn(SC_CATS, generator=pg))
    sharp = 0.8 + 0.4 * torch.rand(SC_CATS, generator=pg)
    cat = torch.randint(0, SC_CATS, (n,), generator=gen)
    wrap = torch.randint(0, SC_WRAPS, (n,), generator=gen)
    orient = torch.randint(0, SC_ORIENT, (n,), generator=gen)
    claws = torch.randint(0, SC_CLAWS, (n,), generator=gen)
    mass = 2.5 + 4.5 * torch.rand(n, generator=gen)
    sessions = 2 + 10 * torch.rand(n, generator=gen)
    sigma0 = torch.tensor([60.0, 45.0, 30.0, 12.0, 35.0, 22.0])[wrap]
    m = torch.tensor([3.0, 2.5, 2.5, 1.5, 3.5, 2.5])[wrap]
    capacity = torch.tensor([3000.0, 1500.0, 1800.0, 400.0, 2500.0, 1200.0])[wrap]
    force = 20 * vigour[cat] * sharp[cat] * (mass / 4) ** 0.7 * torch.tensor([1.0, 0.8, 0.6])[orient]
    force = force * torch.tensor([1.0, 0.7, 0.15])[claws]
    p = 1 - torch.exp(-(force / sigma0) ** m)
    strokes = 12 * sessions.view(-1, 1) * 7 * torch.tensor(SC_WEEKS).view(1, -1)
    strokes = strokes * torch.exp(0.03 * torch.randn(n, len(SC_WEEKS), generator=gen))
    e = torch.exp((4 * p.view(-1, 1) * strokes / capacity.view(-1, 1)).clamp_max(30))
    s = (e - 1) / (e + 3)
    y = (s + 0.02 * torch.randn(s.shape, generator=gen)).clamp(0, 1)
    num = torch.stack([(mass - 4.75) / 1.3, (sessions - 7) / 2.9], 1)
    return (cat, wrap, orient, claws, num), y


class ShredEmbeddingNet(nn.Module):
    """Entity embeddings of the cat, the wrapping, the orientation and the claws, concatenated with the numbers,
    and a two-layer SiLU MLP with a sigmoid read-out to the five shredded fractions."""

    def __init__(self, hidden: int = 64, dim: int = 8) -> None:
        super().__init__()
        self.cat = nn.Embedding(SC_CATS, dim)
        self.wrap = nn.Embedding(SC_WRAPS, 4)
        self.orient = nn.Embedding(SC_ORIENT, 2)
        self.claws = nn.Embedding(SC_CLAWS, 2)
        self.net = nn.Sequential(nn.Linear(dim + 10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(SC_WEEKS)))

    def forward(self, cat: torch.Tensor, wrap: torch.Tensor, orient: torch.Tensor, claws: torch.Tensor,
                num: torch.Tensor) -> torch.Tensor:
        z = self.net(torch.cat([self.cat(cat), self.wrap(wrap), self.orient(orient), self.claws(claws), num], 1))
        return torch.sigmoid(z)


def shred_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the shredded fractions (x10)."""
    *x, y = batch
    return 10 * F.mse_loss(model(*x), y)


def scratching_post(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The shredding embedding net on 4096 posts; held out: 2048 other posts in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(177106)
    x, y = _sc_posts(train_size + 2048, gen)
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    torch.manual_seed(seed)
    return {"model": ShredEmbeddingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in x) + (y[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": shred_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("bridle_rein_pressure_adam", bridle_rein, 300, "bridle_bit_rein_tension_mouth_pressure_tcn1d", "adam", "finite",
      32, seconds=1.0, start_lr=0.032),
    W("spur_rowel_imprint_nesterov", spur_rowel, 300, "spur_rowel_hertz_pressure_film_imprint_cnn2d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=1.0, start_lr=0.05),
    W("pin_dish_grip_adamw", pin_dish, 300, "magnetic_pin_dish_pin_grip_set_postln_transformer", "adamw", "finite", 64,
      seconds=1.0, start_lr=0.032),
    W("scratching_post_shred_adagrad", scratching_post, 300, "scratching_post_weibull_fibre_shredding_embedding_net",
      "adagrad", "finite", 256, seconds=0.5, start_lr=0.128),
)
LONG = (
    W("flea_collar_release_adagrad@long", flea_collar, 3000, "flea_collar_higuchi_release_kill_embedding_greybox",
      "adagrad", "finite", 32, seconds=3.0, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("dog_kennel_night_rmsprop@long", dog_kennel, 3000, "dog_kennel_kleiber_night_heat_retention_lstm", "rmsprop",
      "finite", 64, seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("scratching_post_shred_adagrad@long", scratching_post, 3000,
      "scratching_post_weibull_fibre_shredding_embedding_net", "adagrad", "finite", 32,
      dict(train_size=8192, hidden=32), seconds=3.0, start_lr=0.512, grid_fractions=(0.0, 0.05),
      long_of="scratching_post_shred_adagrad"),
    W("pin_dish_grip_adamw@long", pin_dish, 3000, "magnetic_pin_dish_pin_grip_set_postln_transformer", "adamw",
      "finite", 16, dict(d_model=16), seconds=4.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="pin_dish_grip_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam177_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-seventh exam's workloads")
