"""The hundred-and-thirty-fourth exam: six more workload families that neither the suite nor exams 1-132 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam132_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from shoe trees and leather creasing, spirit levels and bubble settling, ice
scrapers and frost clearing, dish racks and drip drying, loofahs and exfoliating abrasion, and trellises and vine
climbing (exam 133 was built at the same time from other domains; its module was not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam134/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- shoe-tree storage and vamp creasing in a wear trial: embeddings of the categorical fields (leather, last, shoe
  tree, finish) with the wear numbers, an MLP head, to the log crease depth and the break fineness (creases per
  cm); grain strain from the flex angle, the grain thickness and the last's flex radius against the leather's
  yield strain, a crease set accumulated night by night that the tree's spread and its cedar's moisture uptake
  take out while the leather dries; MSE of the standardised outputs; Adagrad (initial accumulator 0.1)
- vine climbing on a trellis: a 1-D CNN over 32 days of weather (temperature, radiation, wind, rain) with the
  trellis (wire spacing, support diameter) and the climber (tendril, petiole twiner, stem twiner) to the log
  height at days 16 and 32 and the attachments made; shoot growth from a beta temperature response and a
  saturating light response, a tip that catches a support at a rate set by its reach against the spacing and its
  grip against the diameter, and a free shoot that flops once it is longer than it can hold up; MSE of the
  standardised outputs; Adagrad (initial accumulator 0.1)
- spirit-level bubble settling: a GRU over the first 2.4 s of a camera's trace of the bubble's two ends after the
  level is set down, with the vial's sensitivity, the temperature and the fill liquid, to the tilt the bubble
  will settle at (mm/m) and the log settling time; the bubble as a pendulum of length the vial's radius of
  curvature, viscous damping (Andrade viscosity) and a Bretherton-like film drag growing with the bubble's
  length; MSE of the standardised outputs; Adam (torch's defaults)
- ice-scraper frost clearing: a 2-D CNN (no normalisation) over an 8 x 8 map of the frost's thickness and density on a
  windscreen patch (hoar frost with glaze lenses), with the glass temperature and the blade (plastic, brass,
  plastic with a chipper), to the residual frost cover after one pass and the log peak push force; adhesion shear
  rising as the glass cools, a cell cleared when the blade's edge force beats it (glaze pre-cracked by the
  chipper), the shavings piling up ahead of the blade; MSE of the standardised outputs; AdamW (weight decay 0.05)
- dish-rack drip drying (a long plan only): a wide-and-deep net (a wide part of per-value and crossed dish x slot
  and material x rinse-aid weights, embeddings into an MLP) from the dish, its material, the rack slot, the rinse
  aid and the kitchen (humidity, temperature, draught, rinse-water temperature, minutes in the rack) to the log
  residual water and the spotting index; Jeffreys' gravity drainage of the film on the slot's tilt, beads left by
  high contact angles, water pooled in upturned hollows, evaporation by a Magnus vapour-pressure difference from a
  surface that cools from the rinse at the material's rate; MSE of the standardised outputs; Adagrad (initial
  accumulator 0.1, weight decay 1e-5)
- loofah exfoliation (a long plan only): a grey-box net whose MLP gives the loose and compact stratum-corneum
  layers and their per-stroke removal rates, and whose fixed two-pool law gives the layers removed after 1, 2, 4,
  8, 16 and 32 strokes, from the loofah's coarseness and wetness, the pressure, the stroke speed, the skin site,
  the skin's hydration and the lubricant; data from two pools removed at rates from the friction, the pressure and
  the fibres' wet softening, with the fibres wearing smooth over the strokes (which the grey box does not model);
  MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the dish-rack and loofah
nets (no short plans), the shoe-tree net on 16384 trials instead of 4096 and the trellis CNN on 16384 vines instead
of 8192 (both narrower, with their own batch sizes).

Of the eight plans, six use Adagrad (both shoe-tree plans, both trellis plans, dish rack, loofah), one Adam (spirit
level) and one AdamW (ice scraper).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam134_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam134/README.md).

    python benchmarks/exam134_workloads.py          # the table
    python benchmarks/exam134_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 134"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _adagrad_acc(params: Any, lr: float) -> torch.optim.Optimizer:
    """Adagrad as the TensorFlow / Keras convention has it (initial accumulator 0.1, from memory); torch's other
    defaults (lr_decay 0, eps 1e-10, no weight decay)."""
    return torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1)


# --------------------------------------------------------------------------------------------------------------
# 1. shoe trees and vamp creasing in a wear trial (Adagrad, initial accumulator 0.1)

SH_LEATHERS, SH_LASTS, SH_TREES, SH_FINISHES = 16, 10, 6, 4


def _sh_latents() -> dict[str, torch.Tensor]:
    """The hidden properties of each leather, last, tree and finish (fixed, from their own generator): leather grain
    thickness (relative), fibre tightness (yield strain), moisture uptake; the last's flex radius and toe spring; the
    tree's spread and its moisture uptake (none, plastic coil spring, plastic split-toe, cedar split-toe, cedar
    full-toe, lasted cedar); the finish film's stiffness (aniline, semi-aniline, pigmented, waxed)."""
    g = torch.Generator().manual_seed(1341010)
    return {
        "grain": 0.6 + 1.0 * torch.rand(SH_LEATHERS, generator=g),
        "tight": 0.5 + 1.0 * torch.rand(SH_LEATHERS, generator=g),
        "uptake": 0.3 + 1.0 * torch.rand(SH_LEATHERS, generator=g),
        "radius": 0.7 + 0.6 * torch.rand(SH_LASTS, generator=g),
        "spring": 0.5 + 1.0 * torch.rand(SH_LASTS, generator=g),
        "spread": torch.tensor([0.0, 0.35, 0.55, 0.65, 0.8, 1.0]),
        "absorb": torch.tensor([0.0, 0.0, 0.0, 0.8, 0.9, 1.0]),
        "film": torch.tensor([0.9, 1.0, 1.35, 1.15]),
    }


def _sh_trials(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Wear trials of shoes: the leather (16 hides / tannages), the last (10), the shoe tree (6), the finish (4);
    days worn 5-200 (log-uniform), the flex angle at the ball 20-50 degrees, the wearer's sweat 0-1, the storage
    humidity 30-80% RH, hours the tree stays in overnight 0-16. Grain strain eps = angle x grain thickness / (2 x
    flex radius), against a yield strain from the fibre tightness; each day's crease severity (eps / eps_y)^2 x the
    finish film x (1 + 1.5 moisture) x a toe-spring factor; a night's retained share 1 - spread x (1 - exp(-hours /
    tau)) (cedar more), tau longer when the leather is wet and the tree does not absorb; depth = D_max (1 - exp(-k
    severity retained days)), D_max with the grain thickness. Break fineness (creases per cm) from the fibre
    tightness, the grain thickness and the toe spring.
    5% lognormal scatter on the depth, 0.15 on the count. Returns (categorical indices (n, 4), numbers (n, 5),
    targets (n, 2): log depth (mm), creases per cm)."""
    lat = _sh_latents()
    leather = torch.randint(0, SH_LEATHERS, (n,), generator=gen)
    last = torch.randint(0, SH_LASTS, (n,), generator=gen)
    tree = torch.randint(0, SH_TREES, (n,), generator=gen)
    finish = torch.randint(0, SH_FINISHES, (n,), generator=gen)
    days = 5 * 40 ** torch.rand(n, generator=gen)
    angle = 20 + 30 * torch.rand(n, generator=gen)
    sweat = torch.rand(n, generator=gen)
    rh = 30 + 50 * torch.rand(n, generator=gen)
    hours = 16 * torch.rand(n, generator=gen)
    grain, tight, uptake = lat["grain"][leather], lat["tight"][leather], lat["uptake"][leather]
    radius, spring = lat["radius"][last], lat["spring"][last]
    spread, absorb, film = lat["spread"][tree], lat["absorb"][tree], lat["film"][finish]
    eps = torch.deg2rad(angle) * grain / (2 * 1.2 * radius)
    eps_y = 0.12 * tight
    moist = uptake * (0.6 * sweat + 0.4 * (rh - 30) / 50)
    severity = (eps / eps_y) ** 2 * film * (1 + 1.5 * moist) * (0.8 + 0.4 * spring)
    tau = 3.0 * (1 + 2.0 * moist * (1 - absorb))
    retained = 1 - spread * (1 - torch.exp(-hours / tau)) * (0.7 + 0.3 * absorb)
    d_max = 0.45 * grain
    depth = d_max * (1 - torch.exp(-0.004 * severity * retained * days)) + 0.01
    depth = depth * torch.exp(0.05 * torch.randn(n, generator=gen))
    fine = 1.5 + 3.0 / (1 + tight * grain) * (0.7 + 0.3 * spring) + 0.15 * torch.randn(n, generator=gen)
    cat = torch.stack([leather, last, tree, finish], 1)
    num = torch.stack([(torch.log(days) - math.log(5 * 40**0.5)) / 1.06, (angle - 35) / 8.7, (sweat - 0.5) / 0.29,
                       (rh - 55) / 14.4, (hours - 8) / 4.6], 1)
    return cat, num, torch.stack([torch.log(depth), fine], 1)


class CreaseNet(nn.Module):
    """Embeddings of the leather, last, tree and finish, concatenated with the wear numbers, into a ReLU MLP to the
    log crease depth and the break fineness."""

    def __init__(self, emb: int = 6, hidden: int = 64) -> None:
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(k, emb) for k in (SH_LEATHERS, SH_LASTS, SH_TREES, SH_FINISHES))
        self.head = nn.Sequential(nn.Linear(4 * emb + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = [m(cat[:, i]) for i, m in enumerate(self.embs)]
        return self.head(torch.cat(e + [num], 1))


def crease_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log crease depth and break fineness."""
    cat, num, y = batch
    return F.mse_loss(model(cat, num), y)


def shoe_tree_creasing(batch_size: int = 64, seed: int = 0, train_size: int = 4096, emb: int = 6,
                       hidden: int = 64) -> dict[str, Any]:
    """The crease net on 4096 wear trials, targets standardised over them; held out: 4096 other trials in batches
    of 1024; Adagrad (initial accumulator 0.1)."""
    gen = torch.Generator().manual_seed(134101)
    cat, num, y = _sh_trials(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CreaseNet(emb, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_adagrad_acc, "adagrad_acc0.1"),
            "loss_fn": crease_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. vine climbing on a trellis (Adagrad, initial accumulator 0.1)

TR_DAYS = 32
TR_SPECIES = 3  # tendril climber (grape-like), petiole twiner (clematis-like), stem twiner (morning-glory-like)


def _tr_vines(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Young vines on a trellis over 32 days. Weather: a daily mean temperature (a season level 12-26 C plus an
    AR(1) wander, sd 3 C), radiation 16-28 MJ/m2 (half that on wet days), wind 0-9 m/s, rain (mm, a wet-day
    chance 0.3). The trellis: wire spacing 8-50 cm, support diameter 0.2-3 cm. The climber: reach of the searching
    tip 12, 6, 30 cm, the thickest support it grips 1.5, 1.0, 8 cm (the grip a sigmoid 0.4 cm wide), the longest
    free shoot it holds up 25, 15, 40 cm, growth 6, 4, 8 cm a day at best. Daily growth: a beta temperature response
    (base 8 C, optimum 26, ceiling 38) times 1 - exp(-R / 12) times (1 - 0.05 wind). A day's catch chance: grip x
    min(1, reach / spacing) x (1 - 0.07 wind) x (0.7 on rainy days); the expected free length grows and shrinks by
    the catch chance; height gains the growth times a sigmoid of (hold - free). Attachments: catch chance times the
    free length over the spacing, summed. 12% scatter on heights, 0.15 on log1p attachments (plant to plant). Returns
    (weather (n, 4, 32), static (n, 5), targets (n, 3): log height at days 16 and 32 (cm), log1p attachments)."""
    level = 12 + 14 * torch.rand(n, 1, generator=gen)
    wander = torch.zeros(n, TR_DAYS)
    z = torch.randn(n, TR_DAYS, generator=gen)
    for t in range(1, TR_DAYS):
        wander[:, t] = 0.7 * wander[:, t - 1] + 0.71 * z[:, t]
    temp = level + 3 * wander
    wet = (torch.rand(n, TR_DAYS, generator=gen) < 0.3).float()
    rain = wet * 20 * torch.rand(n, TR_DAYS, generator=gen) ** 2
    rad = (28 - 12 * torch.rand(n, TR_DAYS, generator=gen) ** 2) * (1 - 0.5 * wet)
    wind = 9 * torch.rand(n, TR_DAYS, generator=gen) ** 2
    spacing = 8 + 42 * torch.rand(n, generator=gen)
    dia = 0.2 + 2.8 * torch.rand(n, generator=gen)
    sp = torch.randint(0, TR_SPECIES, (n,), generator=gen)
    reach = torch.tensor([12.0, 6.0, 30.0])[sp]
    grip_max = torch.tensor([1.5, 1.0, 8.0])[sp]
    hold = torch.tensor([25.0, 15.0, 40.0])[sp]
    gmax = torch.tensor([6.0, 4.0, 8.0])[sp]
    grip = torch.sigmoid((grip_max - dia) / 0.4)
    tb, to, tc = 8.0, 26.0, 38.0
    a = (to - tb) / (tc - to)
    x = ((temp - tb).clamp_min(0) / (to - tb)) * ((tc - temp).clamp_min(0) / (tc - to)) ** a
    fT = x.clamp_min(0) ** 1.0
    growth = gmax.view(-1, 1) * fT * (1 - torch.exp(-rad / 12)) * (1 - 0.05 * wind)
    height = torch.full((n,), 10.0)
    free = torch.zeros(n)
    att = torch.zeros(n)
    h16 = height
    for t in range(TR_DAYS):
        g = growth[:, t]
        catch = grip * (reach / spacing).clamp(max=1) * (1 - 0.07 * wind[:, t]) * (1 - 0.3 * wet[:, t])
        height = height + g * torch.sigmoid((hold - free) / 3)
        free = free + g
        att = att + catch * (free / spacing).clamp(max=2)
        free = free * (1 - catch)
        if t == TR_DAYS // 2 - 1:
            h16 = height
    y = torch.stack([torch.log(h16) + 0.12 * torch.randn(n, generator=gen),
                     torch.log(height) + 0.12 * torch.randn(n, generator=gen),
                     torch.log1p(att) + 0.15 * torch.randn(n, generator=gen)], 1)
    weather = torch.stack([(temp - 19) / 5, (rad - 20) / 6, (wind - 3) / 2.7, rain / 5], 1)
    static = torch.cat([torch.stack([(spacing - 29) / 12, (dia - 1.6) / 0.8], 1), F.one_hot(sp, TR_SPECIES).float()], 1)
    return weather, static, y


class TrellisCNN(nn.Module):
    """A 1-D CNN over the 32 days (two convolutions, ReLU, average-pooled to 4 blocks of 8 days), its features with the
    trellis and climber into a ReLU head to the two log heights and the log1p attachments."""

    def __init__(self, channels: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(4, channels, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(channels, channels, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(4))
        self.head = nn.Sequential(nn.Linear(4 * channels + 5, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, weather: torch.Tensor, static: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(weather).flatten(1), static], 1))


def trellis_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log heights and log1p attachments."""
    w, s, y = batch
    return F.mse_loss(model(w, s), y)


def trellis_climbing(batch_size: int = 32, seed: int = 0, train_size: int = 8192, channels: int = 16,
                     hidden: int = 32) -> dict[str, Any]:
    """The trellis CNN on 8192 vines, targets standardised over them; held out: 4096 other vines in batches of 1024;
    Adagrad (initial accumulator 0.1)."""
    gen = torch.Generator().manual_seed(134102)
    w, s, y = _tr_vines(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (w[:train_size], s[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrellisCNN(channels, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((w[train_size:], s[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_adagrad_acc, "adagrad_acc0.1"),
            "loss_fn": trellis_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. spirit-level bubble settling (Adam)

SL_LIQUIDS = 3  # ethanol, a light petroleum spirit, a damped glycol mix
SL_STEPS = 8  # a frame every 0.3 s for 2.4 s


def _sl_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A level set down on a surface, its vial filmed: the vial's sensitivity 0.3-2 mm/m per 2 mm division (log-
    uniform; radius of curvature R = 2 mm / sensitivity), the fill (ethanol, petroleum spirit, a glycol mix: Andrade
    viscosities mu = mu_20 exp(B (1 / T - 1 / 293 K)), mu_20 1.2, 0.6 and 3 mPa s), the temperature 0-40 C (the
    bubble lengthens 1.5% a degree as the liquid contracts), the tilt -2 to +2 divisions. The bubble as a pendulum
    of length R: x'' = -(g / R)(x - x_eq) - c_v mu (L / L_20)^0.5 x' - c_f (mu L)^(1/3) sign(x') |x'|^(2/3) (a
    Bretherton-like film drag), from a set-down jolt of 4-12 mm and a random speed; semi-implicit Euler at 20 ms
    over 16 s. Recorded: the bubble's two ends (x -+ L / 2) every 0.3 s for 2.4 s, with 0.06 mm of camera noise.
    The settling time: the last time |x - x_eq| > 0.2 mm (16 s at most). Returns (per-frame inputs (n, 8, 7): the
    two ends / 10 mm and the statics, targets (n, 2): the tilt (mm/m), the log settling time (s))."""
    sens = 0.3 * (2 / 0.3) ** torch.rand(n, generator=gen)
    r = 2.0 / (sens * 1e-3)  # mm
    liq = torch.randint(0, SL_LIQUIDS, (n,), generator=gen)
    temp = 40 * torch.rand(n, generator=gen)
    tk = temp + 273.15
    mu20, b_ = torch.tensor([1.2, 0.6, 3.0])[liq], torch.tensor([1630.0, 1000.0, 2500.0])[liq]
    mu = mu20 * torch.exp(b_ * (1 / tk - 1 / 293.15))  # mPa s
    length = (14 + 4 * torch.rand(n, generator=gen)) * (1 + 0.015 * (temp - 20))
    tilt_div = -2 + 4 * torch.rand(n, generator=gen)
    x_eq = 2.0 * tilt_div
    jolt = (4 + 8 * torch.rand(n, generator=gen)) * torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
    x = x_eq + jolt
    v = 20 * torch.randn(n, generator=gen)
    w2 = 9810.0 / r
    cv = 1.2 * mu * (length / 16) ** 0.5
    cf = 1.2 * (mu * length / 16) ** (1 / 3)
    dt, frames, last_out = 0.02, [], torch.zeros(n)
    for step in range(int(16 / dt)):
        v = v - dt * (w2 * (x - x_eq) + cv * v + cf * torch.sign(v) * v.abs() ** (2 / 3))
        x = x + dt * v
        if step % 15 == 14 and len(frames) < SL_STEPS:
            frames.append(x)
        last_out = torch.where((x - x_eq).abs() > 0.2, (step + 1) * dt, last_out)
    pos = torch.stack(frames, 1)
    ends = torch.stack([pos - length.view(-1, 1) / 2, pos + length.view(-1, 1) / 2], 2)
    ends = ends + 0.06 * torch.randn(ends.shape, generator=gen)
    statics = torch.cat([torch.stack([torch.log(sens / 0.775) / 0.55, (temp - 20) / 11.5], 1),
                         F.one_hot(liq, SL_LIQUIDS).float()], 1)
    inputs = torch.cat([ends / 10, statics.unsqueeze(1).expand(n, SL_STEPS, 5)], 2)
    tilt = x_eq / r * 1000  # mm/m
    return inputs, torch.stack([tilt, torch.log(last_out + 0.05)], 1)


class BubbleGRU(nn.Module):
    """A one-layer GRU over the frames; its last hidden state through a linear layer to the tilt and the log settling
    time."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return self.out(h[-1])


def bubble_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised tilt and log settling time."""
    x, y = batch
    return F.mse_loss(model(x), y)


def spirit_level_bubble(batch_size: int = 64, seed: int = 0, train_size: int = 2048,
                        hidden: int = 24) -> dict[str, Any]:
    """The bubble GRU on 2048 filmed set-downs, targets standardised over them; held out: 4096 other set-downs in
    batches of 1024; Adam (torch's defaults: betas 0.9 / 0.999, eps 1e-8, no weight decay)."""
    gen = torch.Generator().manual_seed(134103)
    x, y = _sl_traces(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BubbleGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": bubble_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ice-scraper frost clearing (AdamW, weight decay 0.05)

IS_SIZE = 8
IS_BLADES = 3  # plastic, brass, plastic with a chipper ridge


def _smooth_field(n: int, gen: torch.Generator, coarse: int) -> torch.Tensor:
    """A smooth random field on the 8 x 8 patch: normal noise on a coarse grid, bilinearly upsampled."""
    z = torch.randn(n, 1, coarse, coarse, generator=gen)  # coarse 3 or 4
    return F.interpolate(z, size=(IS_SIZE, IS_SIZE), mode="bilinear", align_corners=True)


def _is_patches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Windscreen patches (8 x 8 cells of 1.5 cm) under frost: hoar frost 0.1-1.5 mm thick (density 0.1-0.3 g/cm3)
    varying smoothly, with glaze lenses (refrozen drizzle, 0.9 g/cm3, 0.4-2.5 mm) where a second smooth field passes
    a threshold; the glass at -20 to -1 C; the blade (plastic, brass, plastic with a chipper ridge that pre-cracks
    glaze) pushed down the rows with a hand force 20-80 N. The adhesion shear of a cell rises as the glass cools
    (tau = 40 rho^1.5 (1 - exp(T / 6)), glaze cut by 60% where the chipper cracked it); the blade's edge force per
    cell (sharper brass more) against the cell's adhesion and thickness decides (a sigmoid) how much is cleared; the
    load on row i is the shear of what it clears plus the friction of the shavings piled ahead of the blade in each
    column (the cumulative cleared volume); the peak push force a soft maximum over the rows. 10% scatter on the
    force, 0.05 on the residual cover (hand to hand). Returns (maps (n, 2, 8, 8): thickness (mm), density; scalars
    (n, 5): the glass temperature, the hand force, the blade one-hot; targets (n, 2): residual cover, log peak force
    (N))."""
    hoar = (0.1 + 1.4 * torch.rand(n, 1, 1, 1, generator=gen)) * torch.exp(0.35 * _smooth_field(n, gen, 3))
    lens_field = _smooth_field(n, gen, 4)
    thresh = 0.4 + 1.2 * torch.rand(n, 1, 1, 1, generator=gen)
    lens = torch.sigmoid((lens_field - thresh) / 0.15)
    glaze_h = 0.4 + 2.1 * torch.rand(n, 1, 1, 1, generator=gen)
    thick = (1 - lens) * hoar + lens * glaze_h
    rho_h = 0.1 + 0.2 * torch.rand(n, 1, 1, 1, generator=gen)
    dens = (1 - lens) * rho_h + lens * 0.9
    temp = -1 - 19 * torch.rand(n, generator=gen)
    hand = 20 + 60 * torch.rand(n, generator=gen)
    blade = torch.randint(0, IS_BLADES, (n,), generator=gen)
    sharp = torch.tensor([1.0, 1.6, 1.0])[blade].view(-1, 1, 1, 1)
    chip = torch.tensor([0.0, 0.0, 0.6])[blade].view(-1, 1, 1, 1)
    cold = (1 - torch.exp(temp / 6)).view(-1, 1, 1, 1)
    tau = 40 * dens**1.5 * cold * (1 - chip * lens)  # kPa-ish per cell
    need = tau * (0.4 + 0.6 * thick)
    edge = sharp * hand.view(-1, 1, 1, 1) / IS_SIZE / 1.5
    cleared = torch.sigmoid((edge - need) / (0.15 * edge))
    removed = cleared * thick * dens
    pile = torch.cumsum(removed, dim=2)
    load = (removed * tau * 0.5 + 0.8 * pile).sum(3)[:, 0]  # (n, rows)
    peak = torch.logsumexp(load / 2, 1) * 2
    cover = ((1 - cleared) * (thick > 0.05).float()).mean((1, 2, 3))
    y = torch.stack([cover + 0.05 * torch.randn(n, generator=gen),
                     torch.log(peak + 1) + 0.10 * torch.randn(n, generator=gen)], 1)
    maps = torch.cat([thick - 1.0, (dens - 0.45) / 0.3], 1)
    scal = torch.cat([torch.stack([(temp + 10.5) / 5.5, (hand - 50) / 17], 1), F.one_hot(blade, IS_BLADES).float()], 1)
    return maps, scal, y


class FrostCNN(nn.Module):
    """A small CNN (two 3 x 3 convolutions with ReLU, no normalisation, the scalars broadcast as extra input planes),
    mean-pooled across the blade into a per-row profile, flattened into a ReLU head to the residual cover and the log
    peak force."""

    def __init__(self, channels: int = 12, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(7, channels, 3, padding=1), nn.ReLU(),
                                  nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(channels * IS_SIZE, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, maps: torch.Tensor, scal: torch.Tensor) -> torch.Tensor:
        planes = scal.view(*scal.shape, 1, 1).expand(-1, -1, IS_SIZE, IS_SIZE)
        h = self.conv(torch.cat([maps, planes], 1)).mean(3)
        return self.head(h.flatten(1))


def frost_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised residual cover and log peak force."""
    maps, scal, y = batch
    return F.mse_loss(model(maps, scal), y)


def ice_scraper_frost(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 12,
                      hidden: int = 32) -> dict[str, Any]:
    """The frost CNN on 2048 scraped patches, targets standardised over them; held out: 4096 other patches in
    batches of 1024; AdamW (weight decay 0.05, the usual CNN setting; torch's other defaults)."""
    gen = torch.Generator().manual_seed(134104)
    maps, scal, y = _is_patches(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (maps[:train_size], scal[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FrostCNN(channels, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((maps[train_size:], scal[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.05), "adamw_wd5e-2"),
            "loss_fn": frost_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. dish-rack drip drying (Adagrad, initial accumulator 0.1, weight decay 1e-5; long only)

DR_DISHES, DR_MATERIALS, DR_SLOTS, DR_RINSE = 16, 6, 12, 3


def _dr_latents() -> dict[str, torch.Tensor]:
    """Fixed properties: each dish's area (cm2), hollow volume (ml) and drainage length (cm); each material's contact
    angle (ceramic, glass, stainless, plastic, bamboo, silicone) and thermal time constant (min); each slot's tilt
    (degrees) and whether it holds a hollow upturned (pooling) or face down; each rinse aid's surface tension."""
    g = torch.Generator().manual_seed(1341050)
    return {
        "area": 150 + 650 * torch.rand(DR_DISHES, generator=g),
        "hollow": 40 * torch.rand(DR_DISHES, generator=g) ** 2,
        "run": 8 + 20 * torch.rand(DR_DISHES, generator=g),
        "angle": torch.tensor([20.0, 25.0, 70.0, 85.0, 45.0, 105.0]),
        "tconst": torch.tensor([9.0, 6.0, 3.0, 1.5, 2.5, 2.0]),
        "tilt": 5 + 85 * torch.rand(DR_SLOTS, generator=g),
        "upturn": (torch.rand(DR_SLOTS, generator=g) < 0.3).float(),
        "gamma": torch.tensor([72.0, 45.0, 35.0]),
    }


def _dr_dishes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Washed items left in a dish rack: the item (16 kinds), its material (6), the slot (12), the rinse aid (none,
    regular, extra); kitchen humidity 25-85% RH, air 16-28 C, a draught 0-1 m/s, rinse water 20-60 C, 5-240 minutes
    in the rack (log-uniform). The film: 30 um x (1 + cos theta) / 2 x gamma / 72 + 5 um to start, drained by gravity
    (Jeffreys: h = sqrt(mu L / (rho g sin(alpha) t)), L the dish's run); high contact angles leave beads (a share
    rising past 60 degrees, less with rinse aid); upturned hollows in a pooling slot keep their water (a share of
    the hollow volume). Evaporation: a mass-transfer coefficient rising with the draught times the Magnus vapour
    pressure of the surface (cooling from the rinse temperature to the air's at the material's time constant)
    less the air's, integrated over 12 log-spaced times. Residual water = what stayed minus what evaporated
    (softplus). Spotting: the beads' minerals left where they dry (beads x dried share, less with rinse aid).
    25% scatter on the water (0.25 on its log), 0.1 on the spotting. Returns (indices (n, 4), numbers (n, 5),
    targets (n, 2): log residual water (g), spotting index)."""
    lat = _dr_latents()
    dish = torch.randint(0, DR_DISHES, (n,), generator=gen)
    mat = torch.randint(0, DR_MATERIALS, (n,), generator=gen)
    slot = torch.randint(0, DR_SLOTS, (n,), generator=gen)
    rinse = torch.randint(0, DR_RINSE, (n,), generator=gen)
    rh = 25 + 60 * torch.rand(n, generator=gen)
    air = 16 + 12 * torch.rand(n, generator=gen)
    draught = torch.rand(n, generator=gen)
    water = 20 + 40 * torch.rand(n, generator=gen)
    minutes = 5 * 48 ** torch.rand(n, generator=gen)
    area, hollow, run = lat["area"][dish], lat["hollow"][dish], lat["run"][dish]
    theta = torch.deg2rad(lat["angle"][mat])
    tconst = lat["tconst"][mat]
    tilt = torch.deg2rad(lat["tilt"][slot])
    upturn = lat["upturn"][slot]
    gamma = lat["gamma"][rinse]
    h0 = 30e-4 * (1 + torch.cos(theta)) / 2 * (gamma / 72) + 5e-4  # cm
    drained = torch.sqrt(0.01 * run / (1.0 * 981 * torch.sin(tilt) * minutes * 60))  # cm, mu = 0.01 P
    film = torch.minimum(h0, drained)
    bead_share = torch.sigmoid((torch.rad2deg(theta) - 60 - 0.6 * (72 - gamma)) / 8)
    beads = 20e-4 * bead_share * (gamma / 72)  # cm of water equivalent
    pool = hollow * upturn * (0.3 + 0.7 * torch.cos(tilt).clamp_min(0))  # ml
    stayed = area * (film + beads) + pool  # g
    k_m = 2.0e-4 * (1 + 3 * draught)  # g / (cm2 min kPa)
    times = minutes.view(-1, 1) * torch.logspace(-2, 0, 12).view(1, -1)
    t_surf = air.view(-1, 1) + (water - air).view(-1, 1) * torch.exp(-times / tconst.view(-1, 1))

    def psat(t: torch.Tensor) -> torch.Tensor:
        return 0.6108 * torch.exp(17.27 * t / (t + 237.3))  # kPa (Magnus / Tetens)

    drive = (psat(t_surf) - (rh / 100).view(-1, 1) * psat(air).view(-1, 1)).clamp_min(0)
    evap = torch.trapezoid(drive, times, dim=1) * k_m * (area + 3 * pool)
    left = F.softplus(stayed - evap, beta=2.0) + 0.01
    dried = (evap / stayed.clamp_min(1e-3)).clamp(0, 1)
    spots = bead_share * dried * (1.2 - gamma / 72) * 3 + 0.1 * torch.randn(n, generator=gen)
    y = torch.stack([torch.log(left) + 0.25 * torch.randn(n, generator=gen), spots], 1)
    cat = torch.stack([dish, mat, slot, rinse], 1)
    num = torch.stack([(rh - 55) / 17.3, (air - 22) / 3.5, (draught - 0.5) / 0.29, (water - 40) / 11.5,
                       (torch.log(minutes) - math.log(5 * 48**0.5)) / 1.12], 1)
    return cat, num, y


class WideDeepDrying(nn.Module):
    """Wide and deep: a wide part (a scalar weight per value of each field and per crossed dish x slot and material x
    rinse-aid pair, summed) and a deep part (embeddings of the four fields with the kitchen numbers through a ReLU
    MLP), added, to the log residual water and the spotting index."""

    def __init__(self, emb: int = 4, hidden: int = 32) -> None:
        super().__init__()
        sizes = (DR_DISHES, DR_MATERIALS, DR_SLOTS, DR_RINSE)
        self.offsets = torch.tensor([0, *torch.tensor(sizes).cumsum(0)[:-1].tolist()])
        self.wide = nn.Embedding(sum(sizes) + DR_DISHES * DR_SLOTS + DR_MATERIALS * DR_RINSE, 2)
        nn.init.zeros_(self.wide.weight)
        self.embs = nn.ModuleList(nn.Embedding(k, emb) for k in sizes)
        self.deep = nn.Sequential(nn.Linear(4 * emb + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        base = sum((DR_DISHES, DR_MATERIALS, DR_SLOTS, DR_RINSE))
        cross1 = base + cat[:, 0] * DR_SLOTS + cat[:, 2]
        cross2 = base + DR_DISHES * DR_SLOTS + cat[:, 1] * DR_RINSE + cat[:, 3]
        idx = torch.cat([cat + self.offsets, cross1[:, None], cross2[:, None]], 1)
        wide = self.wide(idx).sum(1)
        e = [m(cat[:, i]) for i, m in enumerate(self.embs)]
        return wide + self.deep(torch.cat(e + [num], 1))


def drying_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log residual water and spotting index."""
    cat, num, y = batch
    return F.mse_loss(model(cat, num), y)


def dish_rack_drying(batch_size: int = 32, seed: int = 0, train_size: int = 8192, emb: int = 4,
                     hidden: int = 32) -> dict[str, Any]:
    """The wide-and-deep net on 8192 racked items, targets standardised over them; held out: 4096 other items in
    batches of 1024; Adagrad (initial accumulator 0.1, weight decay 1e-5)."""
    gen = torch.Generator().manual_seed(134105)
    cat, num, y = _dr_dishes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WideDeepDrying(emb, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1,
                                                                       weight_decay=1e-5), "adagrad_acc0.1_wd1e-5"),
            "loss_fn": drying_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. loofah exfoliation, a grey-box net (Adagrad; long only)

LF_STROKES = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
LF_SITES, LF_LUBES = 4, 3  # forearm, back, thigh, heel; none, soap, oil


def _lf_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tape-strip counts of stratum-corneum layers removed by a loofah: the sponge's coarseness 0-1 (young fine
    fibres to mature coarse ones) and wetness 0-1 (dry to soaked: the fibres' modulus falls 60% soaked), the pressure
    0.5-5 kPa, the stroke speed 5-30 cm/s, the site (forearm, back, thigh, heel: 14, 12, 15, 60 layers in all,
    loose layers 2.5, 3, 2.5, 8), the skin's hydration 20-80 (corneometer units; a dry skin has more loose layers,
    a wet one is softer), the lubricant (none, soap, oil: friction 0.6, 0.35, 0.2). The loose pool comes off at a
    rate k_1 = 0.05 mu P^0.8 (0.5 + coarseness) (1 - 0.6 wetness) (1 + hydration effect) (1 + 0.01 speed), the
    compact pool at k_2 = 0.06 k_1 (the heel's thick cornified layer slower); the fibres wear smooth over the
    strokes (an effective stroke count n / sqrt(1 + n / 40), which the grey box does not model). removed(n) = L_1 (1 -
    exp(-k_1 n)) + L_2 (1 - exp(-k_2 n)). 4% scatter plus 0.1 layers. Returns (features (n, 12), layers removed / 4
    at 1, 2, 4, 8, 16, 32 strokes (n, 6))."""
    coarse = torch.rand(n, generator=gen)
    wet = torch.rand(n, generator=gen)
    pres = 0.5 + 4.5 * torch.rand(n, generator=gen)
    speed = 5 + 25 * torch.rand(n, generator=gen)
    site = torch.randint(0, LF_SITES, (n,), generator=gen)
    hyd = 20 + 60 * torch.rand(n, generator=gen)
    lube = torch.randint(0, LF_LUBES, (n,), generator=gen)
    total = torch.tensor([14.0, 12.0, 15.0, 60.0])[site]
    loose = torch.tensor([2.5, 3.0, 2.5, 8.0])[site] * (1 + 0.8 * torch.sigmoid((40 - hyd) / 6))
    compact = total - loose
    mu = torch.tensor([0.6, 0.35, 0.2])[lube]
    k1 = 0.05 * mu * pres**0.8 * (0.5 + coarse) * (1 - 0.6 * wet) * (1 + 0.6 * torch.sigmoid((hyd - 55) / 8))
    k1 = k1 * (1 + 0.01 * speed)
    k2 = 0.06 * k1 * torch.tensor([1.0, 1.0, 1.0, 0.4])[site]
    strokes = torch.tensor(LF_STROKES).view(1, -1)
    eff = strokes / (1 + strokes / 40).sqrt()  # the fibres wearing smooth
    rem = loose.view(-1, 1) * (1 - torch.exp(-k1.view(-1, 1) * eff)) + compact.view(-1, 1) * (
        1 - torch.exp(-k2.view(-1, 1) * eff))
    rem = rem * torch.exp(0.04 * torch.randn(rem.shape, generator=gen)) + 0.1 * torch.randn(rem.shape, generator=gen)
    x = torch.cat([torch.stack([(coarse - 0.5) / 0.29, (wet - 0.5) / 0.29, (pres - 2.75) / 1.3, (speed - 17.5) / 7.2,
                                (hyd - 50) / 17.3], 1),
                   F.one_hot(site, LF_SITES).float(), F.one_hot(lube, LF_LUBES).float()], 1)
    return x, rem / 4


class LoofahGreyBox(nn.Module):
    """A tanh MLP gives the loose and compact layer counts (softplus), the loose pool's per-stroke rate (softplus)
    and the compact-to-loose rate ratio (sigmoid); the two-pool law turns them into the layers removed (/4) at the
    six stroke counts."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        self.register_buffer("strokes", torch.tensor(LF_STROKES).view(1, -1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        l1 = 4 * F.softplus(p[:, :1])
        l2 = 20 * F.softplus(p[:, 1:2])
        k1 = 0.1 * F.softplus(p[:, 2:3])
        k2 = k1 * 0.2 * torch.sigmoid(p[:, 3:4])
        rem = l1 * (1 - torch.exp(-k1 * self.strokes)) + l2 * (1 - torch.exp(-k2 * self.strokes))
        return rem / 4


def exfoliation_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the layers removed (/4) at the six stroke counts."""
    x, y = batch
    return F.mse_loss(model(x), y)


def loofah_exfoliation(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box net on 8192 tape-strip tests; held out: 4096 other tests in batches of 1024; Adagrad (torch's
    defaults: lr_decay 0, initial accumulator 0, eps 1e-10, no weight decay)."""
    gen = torch.Generator().manual_seed(134106)
    x, y = _lf_tests(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LoofahGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": exfoliation_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("shoe_tree_creasing_adagrad", shoe_tree_creasing, 300, "shoe_tree_vamp_crease_set_embedding_mlp",
      "adagrad_acc0.1", "finite", 64, seconds=0.4, start_lr=0.512),
    W("trellis_climbing_adagrad", trellis_climbing, 300, "trellis_vine_climbing_attachment_cnn1d", "adagrad_acc0.1",
      "finite", 64, seconds=0.7, start_lr=0.512),
    W("spirit_level_bubble_adam", spirit_level_bubble, 300, "spirit_level_bubble_settling_trace_gru", "adam",
      "finite", 64, seconds=0.9, start_lr=0.064),
    W("ice_scraper_frost_adamw", ice_scraper_frost, 300, "ice_scraper_frost_clearing_map_cnn", "adamw_wd5e-2",
      "finite", 64, seconds=1.1, start_lr=0.016),
)
LONG = (
    W("dish_rack_drying_adagrad@long", dish_rack_drying, 3000, "dish_rack_drip_drying_wide_deep",
      "adagrad_acc0.1_wd1e-5", "finite", 64, seconds=3.6, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("loofah_exfoliation_adagrad@long", loofah_exfoliation, 3000, "loofah_stratum_corneum_two_pool_greybox",
      "adagrad", "finite", 32, seconds=3.0, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("shoe_tree_creasing_adagrad@long", shoe_tree_creasing, 3000, "shoe_tree_vamp_crease_set_embedding_mlp",
      "adagrad_acc0.1", "finite", 32, dict(train_size=16384, emb=4, hidden=32), seconds=3.0, start_lr=0.512,
      grid_fractions=(0.0, 0.05), long_of="shoe_tree_creasing_adagrad"),
    W("trellis_climbing_adagrad@long", trellis_climbing, 3000, "trellis_vine_climbing_attachment_cnn1d",
      "adagrad_acc0.1", "finite", 32, dict(train_size=16384, channels=8, hidden=16), seconds=5.0, start_lr=0.512,
      grid_fractions=(0.0, 0.05), long_of="trellis_climbing_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam134_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-fourth exam's workloads")
