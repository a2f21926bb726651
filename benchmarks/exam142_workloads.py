"""The hundred-and-forty-second exam: six more workload families that neither the suite nor exams 1-140 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam140_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from bread knives and crumb, dish brushes and scrubbing, soup tureens and heat
loss, lemon squeezers and juice yield, egg poachers and set time, and salt shakers and flow (exam 141 was built at
the same time from other domains; its module was not opened). What was checked to make them new, and what was tried
and dropped, is in ``benchmarks/results/exam142/README.md``. Models, laws and optimiser settings are written from
memory (no source was looked up); where a law is named, its form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- bread-knife sawing and crumb: a 1-D CNN (strided convolutions, GroupNorm) over the blade's edge (its height
  profile and its edge radius along 48 mm of blade, 2 channels), its pooled features joined with the loaf and the
  stroke (crust hardness, crumb density, staleness, downward force, stroke speed), to the log crumb debris shed per
  slice and the log squash of the slice; teeth in contact share the force, the cutting efficiency a sigmoid of the
  tips' stress over the crust's strength, torn crumb from deep pointed teeth and a dull edge, squash from the force
  not spent cutting; MSE of the standardised outputs; AdamW (torch's default weight decay 1e-2)
- egg-poacher set time: a causal temporal convolutional net (dilated Conv1d, residual) over 8 half-minute tokens
  (burner setting, lid on or off) with the egg's mass, its start temperature and the cup (non-stick aluminium,
  silicone, steel; one-hot) fed at every token, to the set fractions and temperatures of the white and the yolk
  after each half minute; the pan's water heated towards the boil, steam (lid on) and cup conduction into a
  two-node egg, first-order Arrhenius denaturation (the white setting above ~62 C, the yolk above ~68 C); MSE;
  RAdam (torch's defaults)
- lemon-squeezer juice yield: an embedding net (squeezer, fruit, cut, temperature state and rolling embedded in
  one offset table, a residual block with LayerNorm) with the fruit's mass, peel thickness, ripeness and the grip
  force, to the juice yield (ml per 100 g) and the log peel-oil bitterness; the juice content by fruit, extraction
  saturating in the squeezer's pressure (mechanical advantage x grip), the cut's fit to the squeezer, warm and
  rolled fruit giving more, presses that invert the peel releasing oil; MSE of the standardised outputs; Adagrad
  (torch's defaults)
- soup-tureen heat loss: a grey-box net, a small tanh MLP from the tureen (porcelain, stoneware, silver plate,
  enamelled cast iron, double-walled steel; one-hot), the lid, the fill, the pouring temperature, the preheat and
  the room to the rates of a linearised two-node (soup, wall) heat balance, solved in closed form; the soup's
  temperature at 1, 2, 3, 5, 10, 20, 30 and 40 minutes; the data from a nonlinear two-node simulation with
  evaporation by the Magnus saturation pressure (from memory); MSE in (10 C)^2; Adam (torch's defaults)
- dish-brush scrubbing of dried-on soil (a long plan only): an LSTM over 8 strokes (force, speed, bristle angle,
  water running) with the soil (egg, porridge, tomato sauce, grease; one-hot), the soak time, the water
  temperature and the detergent dose fed at every stroke, to the log residual soil fraction after each stroke;
  soil strength falling with soaking (first order, faster when hot) and detergent (grease most), removal per
  stroke exponential in the bristles' shear stress above the soil's strength; MSE; RMSprop (torch's defaults)
- salt-shaker flow (a long plan only): a 2-D CNN with GroupNorm over the cap's hole map (12 x 12, holes of 1-3 mm
  drawn as soft discs), its pooled features joined with the salt's grain size, the humidity, rice grains added or
  not, the fill and the shake's vigour, to log(1 + grams per 10 shakes) and the share of jammed shakes; per hole, a
  chance to flow 1 - exp(-c (D / d)^2) (the clogging law's form, from memory), a Beverloo-like flow while the
  shaker is inverted, grains caking above NaCl's deliquescence humidity (~75%), rim holes favoured by the tilt;
  MSE of the standardised outputs; SGD with Nesterov momentum 0.9 and weight decay 5e-4

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the dish-brush and
salt-shaker nets (no short plans), the lemon-squeezer net on 32768 squeezes instead of 16384 (64 units instead of
128, batch 32 instead of 256) and the soup-tureen net on 32768 servings instead of 16384 (batch 32 instead of 1024).

Of the eight plans: AdamW (bread knife), RAdam (egg poacher), Adagrad (both lemon-squeezer plans), Adam (both
soup-tureen plans), RMSprop (dish brush), SGD with Nesterov momentum (salt shaker).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam142_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam142/README.md).

    python benchmarks/exam142_workloads.py          # the table
    python benchmarks/exam142_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 142"


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


def _pack(x: tuple[torch.Tensor, ...], y: torch.Tensor, train_size: int, batch_size: int, eval_batch: int = 1024
          ) -> tuple[torch.utils.data.DataLoader, list[Any], tuple[torch.Tensor, ...]]:
    """The training pool's loader, the held-out batches (every example after the pool) and the pool itself."""
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    ev = tuple(t[train_size:] for t in x) + (y[train_size:],)
    return loader(*tr, batch_size=batch_size), split_batches(ev, eval_batch), tr


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs (from every input but the last) against the last."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. bread-knife sawing and crumb (AdamW)

BK_LEN = 48  # samples along the blade, 1 mm apart


def _bk_slices(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, torch.Tensor], torch.Tensor]:
    """Slicing a loaf with a bread knife. The edge over 48 mm of blade: serration pitch 3-10 mm, depth 0-1.6 mm (0:
    a straight edge), a tooth shape from scalloped (|sin|) to pointed (a sawtooth), a phase; the edge radius 8-80 um
    rising towards the heel with wear. The loaf: crust hardness 0-1, crumb density 0.15-0.45
    g/cm3, staleness 0-5 days; the stroke: downward force 2-20 N, speed 0.1-0.6 m/s. Teeth in contact share the
    force (about one per pitch); a tooth's tip stress ~ force / (teeth x tip radius) cuts when it beats a crust
    strength rising with hardness and staleness; the cutting efficiency a sigmoid of log(stress / strength). Crumb
    debris: deep pointed teeth and a dull edge tear crumb (stale crumb crumbles more, dense crumb less), fast strokes
    shed more; squash: the force not spent cutting over the crumb's modulus (density^2, soft fresh crumb). 6%
    scatter. Constants invented. Returns ((edge profiles (n, 2, 48), loaf and stroke (n, 5)), (n, 2): log debris
    (g), log squash (%))."""
    pos = torch.arange(BK_LEN).float().view(1, -1)
    pitch = 3 + 7 * torch.rand(n, 1, generator=gen)
    depth = 1.6 * torch.rand(n, 1, generator=gen) ** 1.3
    point = torch.rand(n, 1, generator=gen)
    phase = torch.rand(n, 1, generator=gen)
    u = torch.frac(pos / pitch + phase)
    tooth = (1 - point) * torch.sin(math.pi * u) + point * u
    height = depth * tooth
    wear = torch.rand(n, 1, generator=gen)
    radius = 0.008 + 0.05 * wear * (pos / BK_LEN) ** 1.5 + 0.01 * torch.rand(n, 1, generator=gen)
    crust = torch.rand(n, generator=gen)
    dens = 0.15 + 0.30 * torch.rand(n, generator=gen)
    stale = 5 * torch.rand(n, generator=gen)
    force = 2 * 10 ** torch.rand(n, generator=gen)
    speed = 0.1 + 0.5 * torch.rand(n, generator=gen)
    tip_r = radius.mean(1)  # the edge radius the crust meets, averaged along the stroke
    teeth = BK_LEN / pitch.squeeze(1)
    d, pt = depth.squeeze(1), point.squeeze(1)
    contact = teeth * (1 - 0.45 * d / 1.6)  # deep serrations: fewer points touching the crust
    stress = force / (contact * tip_r)
    strength = 60 * (0.3 + crust) * (1 + 0.15 * stale)
    eff = torch.sigmoid(2.0 * torch.log(stress / strength))
    debris = 0.05 * (1 + 2.5 * d * (0.4 + pt)) * (1 + 12 * tip_r) * (1 + 0.35 * stale) * (0.3 / dens) ** 0.7
    debris = debris * (0.5 + speed) * (1.6 - 0.8 * eff)
    modulus = 40 * (dens / 0.3) ** 2 * (1 + 0.25 * stale)
    squash = 100 * (1 - torch.exp(-force * (1.15 - eff) / modulus))
    y = torch.stack([torch.log(debris), torch.log(squash)], 1) + 0.06 * torch.randn(n, 2, generator=gen)
    prof = torch.stack([height / 0.8 - 0.5, (radius - 0.03) / 0.02], 1)
    g = torch.stack([(crust - 0.5) / 0.29, (dens - 0.3) / 0.087, (stale - 2.5) / 1.44,
                     (torch.log10(force / 2) - 0.5) / 0.29, (speed - 0.35) / 0.144], 1)
    return (prof, g), y


class EdgeCNN(nn.Module):
    """A strided Conv1d-GroupNorm-ReLU, then a strided Conv1d-ReLU over the edge, global average pooling, joined
    with the loaf and stroke, then a small head to the two outputs."""

    def __init__(self, width: int = 16, hidden: int = 64) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(2, width, 5, stride=2, padding=2), nn.GroupNorm(4, width), nn.ReLU(),
            nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * width + 5, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, prof: torch.Tensor, g: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(prof).mean(2), g], 1))


def bread_knife_crumb(batch_size: int = 256, seed: int = 0, train_size: int = 16384, width: int = 16,
                      hidden: int = 64) -> dict[str, Any]:
    """The edge CNN on 16384 slicings, targets standardised over them; held out: 4096 other slicings in batches of
    1024; AdamW (torch's default weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(142101)
    x, y = _bk_slices(train_size + 4096, gen)
    y = _standardise(y, train_size)
    data, ev, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": EdgeCNN(width, hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. dish-brush scrubbing of dried-on soil (RMSprop; long only)

DB_STROKES = 8
DB_SOILS = 4  # egg, porridge, tomato sauce, grease


def _db_sessions(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor], torch.Tensor]:
    """Scrubbing a plate with a dish brush, 8 strokes. The soil (dried egg, porridge, tomato sauce, baked grease:
    dry strength 6, 4, 3, 5 kPa, swelling rates 0.06, 0.12, 0.08, 0.01 per minute at 20 C), soak 0-30 min, water
    20-60 C (swelling doubling every 15 C), detergent 0-2 ml/l (lowering strength by 8, 8, 12, 44% per ml/l);
    every stroke: force 2-15 N, speed 0.1-0.5 m/s, bristle angle 0-60 degrees, water running or not. The bristles'
    shear stress ~ force x cos(angle)^0.5 x (1 + speed); the soil also softens while scrubbed wet. Removal per
    stroke: f <- f exp(-k max(0, shear / strength - 1)^1.2), k larger with water running (the loosened soil rinsed
    away). 3% scatter of the log residual. Constants invented. Returns (stroke features (n, 8, 11), log residual
    soil fraction after each stroke (n, 8))."""
    soil = torch.randint(0, DB_SOILS, (n,), generator=gen)
    s0 = torch.tensor([6.0, 4.0, 3.0, 5.0])[soil]
    rate = torch.tensor([0.06, 0.12, 0.08, 0.01])[soil]
    det_eff = torch.tensor([0.10, 0.10, 0.15, 0.55])[soil]
    soak = 30 * torch.rand(n, generator=gen) ** 1.5
    temp = 20 + 40 * torch.rand(n, generator=gen)
    det = 2 * torch.rand(n, generator=gen)
    t = DB_STROKES
    force = 2 + 13 * torch.rand(n, t, generator=gen)
    speed = 0.1 + 0.4 * torch.rand(n, t, generator=gen)
    angle = 60 * torch.rand(n, t, generator=gen)
    water = (torch.rand(n, t, generator=gen) < 0.5).float()
    swell = rate * 2 ** ((temp - 20) / 15)
    strength = s0 * torch.exp(-swell * soak) * (1 - det_eff * det / 2 * 1.6).clamp_min(0.1) + 0.4
    f = torch.ones(n)
    wet = torch.zeros(n)
    out = []
    for k in range(t):
        shear = 0.45 * force[:, k] * torch.cos(torch.deg2rad(angle[:, k])) ** 0.5 * (1 + speed[:, k])
        st = strength * torch.exp(-0.12 * wet * swell / swell.mean())
        excess = torch.relu(shear / st - 1) ** 1.2
        kk = 0.12 * (1 + 1.2 * water[:, k])
        f = f * torch.exp(-kk * excess) * (1 - 0.01 * water[:, k])
        wet = wet + 1 + water[:, k]
        out.append(torch.log(f + 1e-3))
    y = torch.stack(out, 1) + 0.03 * torch.randn(n, t, generator=gen)
    stat = torch.cat([F.one_hot(soil, DB_SOILS).float(), torch.stack(
        [(soak - 10) / 9, (temp - 40) / 11.5, (det - 1) / 0.58], 1)], 1)
    seq = torch.stack([(force - 8.5) / 3.75, (speed - 0.3) / 0.115, (angle - 30) / 17.3, 2 * water - 1], 2)
    x = torch.cat([seq, stat.unsqueeze(1).expand(n, t, stat.shape[1])], 2)
    return (x,), y


class ScrubLSTM(nn.Module):
    """A one-layer LSTM over the strokes and a linear read-out of the log residual soil after each stroke."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(11, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.out(h).squeeze(2)


def dish_brush_scrub(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 32
                     ) -> dict[str, Any]:
    """The scrubbing LSTM on 16384 sessions, targets standardised over them (one mean and sd for all strokes);
    held out: 4096 other sessions in batches of 1024; RMSprop (torch's defaults)."""
    gen = torch.Generator().manual_seed(142201)
    x, y = _db_sessions(train_size + 4096, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    data, ev, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": ScrubLSTM(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. salt-shaker flow (SGD with Nesterov momentum; long only)

SS_GRID = 12  # the cap's map: 12 x 12 cells of 2.5 mm over a 30 mm cap


def _ss_shakes(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, torch.Tensor], torch.Tensor]:
    """Ten shakes of a salt shaker. The cap: 1-7 holes of 1.0-3.0 mm at random places on a 30 mm disc, drawn on a
    12 x 12 map as discs (soft edges). The salt: grain 0.25-0.9 mm (fine table salt to coarse); humidity 30-90% RH,
    grains caking into clumps above NaCl's deliquescence point (~75% RH, a steep rise; rice grains in the shaker
    halve it); fill 20-100%; the shake's vigour 0.5-2 (peak acceleration in g). Per hole: D over the effective
    grain d (clumps) sets the jamming: a shake's chance to flow is 1 - exp(-0.12 (D/d)^2 vigour) (the clogging
    law's exponential form, from memory); while flowing, a Beverloo-like rate 0.58 rho sqrt(g a) (D - 1.4 d)^2.5
    over the inverted time (longer with vigour); holes near the rim flow more (the tilt), a fuller shaker presses
    more. 5% scatter (2 points on the jammed share). Constants invented. Returns ((hole maps (n, 1, 12, 12), salt
    and shake (n, 5)), (n, 2): log(1 + grams per 10 shakes), the share of shakes jammed (weighted by hole size))."""
    holes = torch.randint(1, 8, (n,), generator=gen)
    kmax = 7
    r = 12.5 * torch.rand(n, kmax, generator=gen).sqrt()
    th = 2 * math.pi * torch.rand(n, kmax, generator=gen)
    hx, hy = r * torch.cos(th), r * torch.sin(th)
    dia = 1.0 + 2.0 * torch.rand(n, kmax, generator=gen)
    on = (torch.arange(kmax).view(1, -1) < holes.view(-1, 1)).float()
    grain = 0.25 + 0.65 * torch.rand(n, generator=gen)
    rh = 30 + 60 * torch.rand(n, generator=gen)
    rice = (torch.rand(n, generator=gen) < 0.4).float()
    fill = 0.2 + 0.8 * torch.rand(n, generator=gen)
    vig = 0.5 + 1.5 * torch.rand(n, generator=gen)
    c = (torch.arange(SS_GRID).float() + 0.5) * 2.5 - 15
    yy, xx = torch.meshgrid(c, c, indexing="ij")
    dist = ((xx.view(1, 1, SS_GRID, SS_GRID) - hx.view(n, kmax, 1, 1)) ** 2
            + (yy.view(1, 1, SS_GRID, SS_GRID) - hy.view(n, kmax, 1, 1)) ** 2).sqrt()
    img = (on.view(n, kmax, 1, 1) * torch.sigmoid((dia.view(n, kmax, 1, 1) / 2 + 0.6 - dist) / 0.4)).amax(1)
    cake = torch.sigmoid((rh - 75) / 3) * (1 - 0.5 * rice) + 0.1 * rh / 90
    d_eff = grain * (1 + 2.0 * cake)
    ratio = dia / d_eff.view(-1, 1)
    p_flow = 1 - torch.exp(-0.12 * ratio**2 * vig.view(-1, 1))
    rate = 0.58 * 1.2e-3 * (9810 * vig.view(-1, 1)).sqrt() * torch.relu(dia - 1.4 * d_eff.view(-1, 1)) ** 2.5
    t_inv = 0.08 * (1 + 0.5 * vig.view(-1, 1))
    tilt = 1 + 0.6 * (r / 12.5) ** 2
    press = 0.6 + 0.4 * fill.view(-1, 1)
    per_hole = on * p_flow * rate * t_inv * tilt * press * 10  # grams per 10 shakes
    grams = per_hole.sum(1) * torch.exp(0.05 * torch.randn(n, generator=gen))
    jam = (on * (1 - p_flow) * dia).sum(1) / (on * dia).sum(1)
    y = torch.stack([torch.log1p(grams),
                     jam + 0.02 * torch.randn(n, generator=gen)], 1)
    g = torch.stack([(grain - 0.575) / 0.19, (rh - 60) / 17.3, 2 * rice - 1, (fill - 0.6) / 0.23,
                     (vig - 1.25) / 0.43], 1)
    return (img.unsqueeze(1), g), y


class CapCNN(nn.Module):
    """A strided Conv2d-GroupNorm-ReLU and a Conv2d-ReLU over the hole map, global average pooling, joined with
    the salt and shake, then a small head."""

    def __init__(self, width: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, width, 3, stride=2, padding=1), nn.GroupNorm(2, width), nn.ReLU(),
            nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * width + 5, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, img: torch.Tensor, g: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(img).mean((2, 3)), g], 1))


def salt_shaker_flow(batch_size: int = 32, seed: int = 0, train_size: int = 16384, width: int = 12,
                     hidden: int = 64) -> dict[str, Any]:
    """The cap CNN on 16384 shaker tests, targets standardised over them; held out: 4096 other tests in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(142301)
    x, y = _ss_shakes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    data, ev, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": CapCNN(width, hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. lemon-squeezer juice yield (Adagrad)

LS_CATS = (5, 5, 2, 3, 2)  # squeezer, fruit, cut, temperature state, rolled


def _ls_squeezes(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, torch.Tensor], torch.Tensor]:
    """Squeezing a citrus half (or both halves). Squeezer: wooden reamer, glass reamer, hinged hand press (the kind
    that inverts the half), countertop lever press, electric reamer (mechanical advantage 1, 1.2, 3, 8, 2.5; peel
    inversion 0, 0, 1, 0.5, 0; pith digging 0.6, 0.4, 0, 0, 1). Fruit: Eureka, Lisbon, Meyer lemon, Persian lime,
    key lime (juice content 42, 40, 52, 45, 38 ml per 100 g, membrane toughness 1, 1.1, 0.7, 1.2, 0.9). Cut
    crosswise or lengthwise (crosswise opens the segments: reamers gain 15%, presses 5%); fridge, room or
    microwaved 10 s (x 0.88, 1, 1.07); rolled on the counter first or not (x 1.05). Fruit 60-180 g, peel 2-8 mm,
    ripeness 0-1, grip 50-250 N. Pressure ~ grip x advantage / (fruit mass^(2/3) x peel); extraction 1 - exp(-(P /
    P50)^1.3) with P50 rising with toughness and unripeness; bitterness from the peel's oil (inversion x pressure)
    and the pith (digging x grip x thick peel). 1.5% scatter. Constants invented. Returns ((categories (n, 5),
    numbers (n, 4)), (n, 2): the yield in tens of ml per 100 g, the log bitterness index)."""
    cats = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in LS_CATS], 1)
    sq, fr, cut, state, rolled = cats.unbind(1)
    adv = torch.tensor([1.0, 1.2, 3.0, 8.0, 2.5])[sq]
    invert = torch.tensor([0.0, 0.0, 1.0, 0.5, 0.0])[sq]
    dig = torch.tensor([0.6, 0.4, 0.0, 0.0, 1.0])[sq]
    press_kind = torch.tensor([0.0, 0.0, 1.0, 1.0, 0.0])[sq]
    content = torch.tensor([42.0, 40.0, 52.0, 45.0, 38.0])[fr]
    tough = torch.tensor([1.0, 1.1, 0.7, 1.2, 0.9])[fr]
    mass = 60 + 120 * torch.rand(n, generator=gen)
    peel = 2 + 6 * torch.rand(n, generator=gen)
    ripe = torch.rand(n, generator=gen)
    grip = 50 + 200 * torch.rand(n, generator=gen)
    p = grip * adv / ((mass / 100) ** (2 / 3) * (peel / 4) ** 0.5) / 100
    p50 = 1.2 * tough * (1.4 - 0.6 * ripe)
    extract = 1 - torch.exp(-(p / p50) ** 1.3)
    cross = (cut == 0).float()
    fit = 1 + cross * (0.15 * (1 - press_kind) + 0.05 * press_kind)
    temp = torch.tensor([0.88, 1.0, 1.07])[state]
    roll = 1 + 0.05 * rolled.float()
    yld = content * extract * fit * temp * roll * 0.8 * torch.exp(0.015 * torch.randn(n, generator=gen))
    bitter = (0.3 + 2.0 * invert * (p / 4) ** 0.8 * peel / 4 + 1.5 * dig * grip / 150 * (peel / 5) ** 1.5
              * (1 + 0.5 * (state == 2).float()))
    bitter = bitter * torch.exp(0.015 * torch.randn(n, generator=gen))
    num = torch.stack([(mass - 120) / 34.6, (peel - 5) / 1.73, (ripe - 0.5) / 0.29, (grip - 150) / 57.7], 1)
    return (cats, num), torch.stack([yld / 10, torch.log(bitter)], 1)


class JuiceEmbedNet(nn.Module):
    """The categorical inputs embedded (4 dims each, one table with per-field offsets, as recommender code does),
    joined with the numbers, a linear stem, a residual block (LayerNorm, Linear, GELU, Linear), a linear head."""

    def __init__(self, emb: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.register_buffer("offsets", torch.tensor([0] + list(LS_CATS[:-1])).cumsum(0))
        self.emb = nn.Embedding(sum(LS_CATS), emb)
        self.stem = nn.Linear(emb * len(LS_CATS) + 4, hidden)
        self.block = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, hidden), nn.GELU(),
                                   nn.Linear(hidden, hidden))
        self.head = nn.Linear(hidden, 2)

    def forward(self, cats: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = self.emb(cats + self.offsets).flatten(1)
        h = self.stem(torch.cat([e, num], 1))
        return self.head(F.gelu(h + self.block(h)))


def lemon_squeezer_yield(batch_size: int = 256, seed: int = 0, train_size: int = 16384, hidden: int = 128
                         ) -> dict[str, Any]:
    """The embedding net on 16384 squeezes (32768 in the long plan), targets standardised over them; held out:
    4096 other squeezes in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(142401)
    x, y = _ls_squeezes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    data, ev, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": JuiceEmbedNet(hidden=hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. soup-tureen heat loss, a grey-box two-node model (Adam)

ST_MINUTES = (1, 2, 3, 5, 10, 20, 30, 40)  # the thermometer's readings
ST_TIMES = len(ST_MINUTES)
ST_KINDS = 5  # porcelain, stoneware, silver plate, enamelled cast iron, double-walled steel


def _magnus(t: torch.Tensor) -> torch.Tensor:
    """Saturation vapour pressure (kPa) by the Magnus formula, t in C."""
    return 0.6112 * torch.exp(17.62 * t / (243.12 + t))


def _st_tureens(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor], torch.Tensor]:
    """Soup held in a tureen on the table: the tureen (porcelain, stoneware, silver plate, enamelled cast iron,
    double-walled steel: wall conductance 9, 7, 16, 6, 1.2 W/K at 2 l, wall heat capacity 1.6, 2.4, 0.7, 4.0, 1.2
    kJ/K), the lid on or off, the soup 1-3.5 l (heat capacity 4 kJ/K/l) poured at 75-95 C, the tureen preheated with
    hot water (to 60 C) or at room temperature, the room 16-26 C at 30-70% RH, a draught 0-1 (convection x 1 + 1.5
    draught). The soup's surface evaporates at a rate ~ (p_sat(T) - RH p_sat(T_room)) with the lid off (a 20th of it
    with the lid on, most condensing back), a latent heat 2.4 kJ/g; the soup-wall conductance rising with the fill's
    wetted area; the wall to the room by convection and radiation (linearised). Stepped every 10 s for 40
    minutes; the soup's temperature at 1, 2, 3, 5, 10, 20, 30 and 40 minutes, with 0.1 C thermometer scatter.
    Constants invented. Returns (conditions (n, 16): 12 scaled features, then the raw pouring temperature, room
    temperature, humidity and volume for the grey box; temperatures (n, 8) in C)."""
    kind = torch.randint(0, ST_KINDS, (n,), generator=gen)
    ua_w = torch.tensor([9.0, 7.0, 16.0, 6.0, 1.2])[kind]
    c_w = torch.tensor([1.6, 2.4, 0.7, 4.0, 1.2])[kind] * 1000
    lid = (torch.rand(n, generator=gen) < 0.5).float()
    vol = 1 + 2.5 * torch.rand(n, generator=gen)
    t0 = 75 + 20 * torch.rand(n, generator=gen)
    pre = (torch.rand(n, generator=gen) < 0.5).float()
    room = 16 + 10 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.4 * torch.rand(n, generator=gen)
    draught = torch.rand(n, generator=gen)
    c_s = 4000 * vol
    ua_sw = 30 * (vol / 2) ** 0.6
    ua_wa = ua_w * (vol / 2) ** 0.5 * (1 + 1.5 * draught) * (1 + 0.4 * lid)  # the lid adds area
    area = 0.03 * (vol / 2) ** (2 / 3)
    k_ev = area * 2.0e-3 * (1 + 1.2 * draught) * (1 - 0.95 * lid)  # g/s per kPa
    ts = t0
    tw = torch.where(pre > 0, torch.full_like(room, 60.0), room)
    out = []
    for minute in range(1, 41):
        for _ in range(6):
            dt = 10.0
            q_sw = ua_sw * (ts - tw)
            q_wa = ua_wa * (tw - room)
            evap = k_ev * torch.relu(_magnus(ts) - rh * _magnus(room)) * 2400
            ts = ts - dt * (q_sw + evap) / c_s
            tw = tw + dt * (q_sw - q_wa) / c_w
        if minute in ST_MINUTES:
            out.append(ts)
    y = torch.stack(out, 1) + 0.1 * torch.randn(n, ST_TIMES, generator=gen)
    x = torch.cat([F.one_hot(kind, ST_KINDS).float(), torch.stack(
        [2 * lid - 1, (vol - 2.25) / 0.72, (t0 - 85) / 5.8, 2 * pre - 1, (room - 21) / 2.9, (rh - 0.5) / 0.115,
         (draught - 0.5) / 0.29], 1)], 1)
    raw = torch.stack([t0, room, rh, vol], 1)
    return (torch.cat([x, raw], 1),), y


class TureenGreyBox(nn.Module):
    """A grey-box model: a small tanh MLP (its output layer zero-initialised, so it starts at a typical tureen)
    from the conditions to the log rates of a linearised two-node heat balance (soup to wall per the soup's heat
    capacity, soup to wall per the wall's, wall to room, the soup's evaporative loss linearised about the room) and
    the wall's start temperature (a share between the room and 60 C); the two-node linear system solved in closed
    form (its two decay rates) at 1, 2, 3, 5, 10, 20, 30 and 40 minutes."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.Tanh(), nn.Linear(hidden, 5))
        nn.init.zeros_(self.net[2].weight)  # start every tureen at the physics prior below
        nn.init.zeros_(self.net[2].bias)
        # the prior, a typical tureen (rates per minute): 30 W/K over 8 kJ/K, 30 W/K over 2 kJ/K, 17 W/K over 2 kJ/K,
        # a small evaporative loss
        self.register_buffer("centre", torch.tensor([math.log(0.22), math.log(0.9), math.log(0.5),
                                                     math.log(0.001), 0.0]))
        self.register_buffer("times", torch.tensor(ST_MINUTES, dtype=torch.float32))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feats, raw = x[:, :12], x[:, 12:]
        t0, room = raw[:, 0:1], raw[:, 1:2]
        p = self.net(feats) + self.centre
        a, b, c, e = p[:, 0:1].exp(), p[:, 1:2].exp(), p[:, 2:3].exp(), p[:, 3:4].exp()
        xs = t0 - room
        xw = torch.sigmoid(p[:, 4:5]) * (60 - room)
        tr = a + e + b + c
        det = (a + e) * (b + c) - a * b
        root = (tr * tr - 4 * det).clamp_min(1e-8).sqrt()
        l1, l2 = -(tr - root) / 2, -(tr + root) / 2  # the slow and the fast rate (negative)
        slope = -(a + e) * xs + a * xw
        alpha = (slope - l2 * xs) / root
        return room + alpha * torch.exp(l1 * self.times) + (xs - alpha) * torch.exp(l2 * self.times)


def tureen_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the soup's temperatures, in units of 10 C."""
    x, y = batch
    return F.mse_loss(model(x) / 10, y / 10)


def soup_tureen_cooling(batch_size: int = 1024, seed: int = 0, train_size: int = 16384, hidden: int = 24
                        ) -> dict[str, Any]:
    """The grey-box tureen model on 16384 servings (32768 in the long plan); held out: 4096 other servings in
    batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(142501)
    x, y = _st_tureens(train_size + 4096, gen)
    data, ev, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": TureenGreyBox(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tureen_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. egg-poacher set time, a causal temporal convolutional net (RAdam)

EP_TOKENS = 8  # half-minute steps, 4 minutes
EP_CUPS = 3  # non-stick aluminium, silicone, steel


def _ep_poachings(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor], torch.Tensor]:
    """Poaching an egg in a cup over simmering water. Every half minute the cook sets the burner (0.3-1 of full)
    and the lid (on or off). The egg 45-75 g from the fridge (5 C) or the room (20 C); the cup non-stick aluminium,
    silicone or steel (conductance 1, 0.35, 0.7; heat capacity 0.3, 0.6, 0.5). The pan's water starts at 85 C and
    heats towards the boil with the burner (losing more with the lid off); the steam above 96 C reaches the egg's
    top only with the lid on; the cup heated from below. The egg: two nodes (white, yolk), the white heated by the
    cup and the steam, the yolk through the white (slower in bigger eggs, as mass^(2/3)). Set fractions: first-order
    Arrhenius denaturation, white set above ~62 C, yolk above ~68 C (activation energies 150 and 130 kJ/mol, lower
    than the proteins' own), stepped every 5 s. 0.02 scatter. Constants invented. Returns (tokens (n, 8, 8),
    (n, 8, 4): the set fractions of the white and the yolk, their temperatures in units of 100 C)."""
    t = EP_TOKENS
    burner = 0.3 + 0.7 * torch.rand(n, t, generator=gen)
    lid = (torch.rand(n, t, generator=gen) < 0.6).float()
    mass = 45 + 30 * torch.rand(n, generator=gen)
    cold = (torch.rand(n, generator=gen) < 0.5).float()
    cup = torch.randint(0, EP_CUPS, (n,), generator=gen)
    g_cup = torch.tensor([1.0, 0.35, 0.7])[cup]
    c_cup = torch.tensor([0.3, 0.6, 0.5])[cup]
    tw = torch.full((n,), 85.0)
    tc = torch.full((n,), 40.0)
    t0 = torch.where(cold > 0, torch.full_like(mass, 5.0), torch.full_like(mass, 20.0))
    twh, tyo = t0.clone(), t0.clone()
    sw, sy = torch.zeros(n), torch.zeros(n)
    scale = (mass / 60) ** (2 / 3)
    out = []
    for k in range(t):
        for _ in range(6):
            dt = 5.0
            loss = 0.012 * (tw - 20) / 80 * (1.6 - 0.6 * lid[:, k])
            tw = (tw + dt * (0.35 * burner[:, k] - loss)).clamp_max(100.0)
            steam = lid[:, k] * torch.relu(tw - 96) / 4 * burner[:, k] ** 0.5
            tc = tc + dt * 0.03 * g_cup * (tw - tc) / c_cup
            q_wh = 0.010 * g_cup * (tc - twh) + 0.012 * steam * (100 - twh) - 0.002 * (1 - lid[:, k]) * (twh - 40)
            twh = twh + dt * q_wh / scale
            tyo = tyo + dt * 0.006 * (twh - tyo) / scale**1.5
            kw = 0.02 * torch.exp(150e3 / 8.314 * (1 / 335.15 - 1 / (twh + 273.15)))
            ky = 0.02 * torch.exp(130e3 / 8.314 * (1 / 341.15 - 1 / (tyo + 273.15)))
            sw = 1 - (1 - sw) * torch.exp(-dt * kw.clamp_max(5.0))
            sy = 1 - (1 - sy) * torch.exp(-dt * ky.clamp_max(5.0))
        out.append(torch.stack([sw, sy, twh / 100, tyo / 100], 1))
    y = torch.stack(out, 1) + 0.02 * torch.randn(n, t, 4, generator=gen)
    stat = torch.cat([torch.stack([(mass - 60) / 8.7, 2 * cold - 1], 1), F.one_hot(cup, EP_CUPS).float()], 1)
    seq = torch.stack([(burner - 0.65) / 0.2, 2 * lid - 1, torch.arange(t).float().expand(n, t) / 6 - 1], 2)
    x = torch.cat([seq, stat.unsqueeze(1).expand(n, t, stat.shape[1])], 2)
    return (x,), y


class PoachTCN(nn.Module):
    """A causal temporal convolutional net: a 1x1 input convolution, two residual blocks of a causal dilated Conv1d
    (kernel 3, dilations 1 and 2, left padding only) with GELU, and a 1x1 head to the white's and the yolk's set
    fractions and temperatures after each half minute."""

    def __init__(self, channels: int = 32) -> None:
        super().__init__()
        self.inp = nn.Conv1d(8, channels, 1)
        self.convs = nn.ModuleList(nn.Conv1d(channels, channels, 3, dilation=d) for d in (1, 2))
        self.head = nn.Conv1d(channels, 4, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x.transpose(1, 2))
        for conv in self.convs:
            h = h + F.gelu(conv(F.pad(h, (2 * conv.dilation[0], 0))))
        return self.head(h).transpose(1, 2)


def poach_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the white's and the yolk's set fractions and temperatures (100 C) after each half
    minute."""
    x, y = batch
    return F.mse_loss(model(x), y)


def egg_poacher_set(batch_size: int = 64, seed: int = 0, train_size: int = 8192, channels: int = 32
                    ) -> dict[str, Any]:
    """The poaching TCN on 8192 poachings; held out: 4096 other poachings in batches of 1024; RAdam
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(142601)
    x, y = _ep_poachings(train_size + 4096, gen)
    data, ev, tr = _pack(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": PoachTCN(channels), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": poach_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("bread_knife_crumb_adamw", bread_knife_crumb, 300, "bread_knife_serration_crumb_squash_cnn1d_gn",
      "adamw_wd1e-2", "finite", 256, seconds=1.3, start_lr=0.016),
    W("egg_poacher_set_radam", egg_poacher_set, 300, "egg_poacher_white_yolk_set_causal_tcn", "radam", "finite", 64,
      seconds=0.7, start_lr=0.512),
    W("lemon_squeezer_yield_adagrad", lemon_squeezer_yield, 300, "lemon_squeezer_juice_yield_embedding_resnet",
      "adagrad", "finite", 256, seconds=0.6, start_lr=0.064),
    W("soup_tureen_cooling_adam", soup_tureen_cooling, 300, "soup_tureen_two_node_heat_loss_greybox", "adam",
      "finite", 1024, seconds=0.5, start_lr=0.256),
)
LONG = (
    W("dish_brush_scrub_rmsprop@long", dish_brush_scrub, 3000, "dish_brush_stroke_soil_removal_lstm", "rmsprop",
      "finite", 32, seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("salt_shaker_flow_nesterov@long", salt_shaker_flow, 3000, "salt_shaker_cap_holes_jamming_flow_cnn2d_gn",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=4.5, start_lr=0.05, grid_fractions=(0.0, 0.05)),
    W("lemon_squeezer_yield_adagrad@long", lemon_squeezer_yield, 3000, "lemon_squeezer_juice_yield_embedding_resnet",
      "adagrad", "finite", 32, dict(train_size=32768, hidden=64), seconds=2.4, start_lr=0.128,
      grid_fractions=(0.0, 0.05), long_of="lemon_squeezer_yield_adagrad"),
    W("soup_tureen_cooling_adam@long", soup_tureen_cooling, 3000, "soup_tureen_two_node_heat_loss_greybox", "adam",
      "finite", 32, dict(train_size=32768), seconds=2.6, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="soup_tureen_cooling_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam142_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-second exam's workloads")
