"""The hundred-and-thirteenth exam: six more workload families that neither the suite nor exams 1-112 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam112_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from teapots and spout dripping, garden hoses and nozzle spray reach, marimbas
and bar tuning, rolling pins and dough sheeting, snow shovels and snow load, and tea bags and steeping extraction
(exam 114 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam113/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- teapot spout dripping (the "teapot effect"): a residual net of Pre-LN blocks with embeddings of the spout's shape
  and its material classifies a pour (lip radius, spout bore, tilt, flow rate, tea temperature) into a clean pour, a
  dribble down the spout's underside, or the flow wholly captured by the spout (the teapot effect); the classes from
  an inertia-over-capillarity margin at the lip (rho u^2 r_lip against sigma (1 + cos theta), as remembered from the
  work of Duez et al. on wettability and lip curvature), shifted by the spout's shape; cross-entropy; SGD with
  Nesterov momentum 0.9 and weight decay 5e-4
- tea-bag steeping extraction: an MLP with embeddings of the tea (black, green, oolong, rooibos, herbal), the bag
  (filter paper, nylon mesh, PLA pyramid, silk) and the leaf grade (CTC / fannings, broken, whole leaf) from the
  water temperature, volume, tea mass, dunking rate and water hardness to the caffeine and polyphenol concentrations
  and the brew's absorbance at six steeping times; first-order extraction with an Arrhenius rate, a diffusion rate
  falling with the leaf size squared, a bag resistance that delays the start, and hardness precipitating
  polyphenols; MSE of the standardised outputs; AdamW (weight decay 1e-2, torch's other defaults)
- marimba bar tuning from a tap tone: a 1-D CNN with GroupNorm reads a bar's tap spectrum (96 log-frequency bins
  over 4.5 octaves above the target note) and returns the tuning errors in cents of the fundamental and of the 4:1
  and 10:1 overtones a tuner sets by undercutting; Lorentzian peaks whose widths follow the wood's damping (rosewood,
  padauk, a synthetic), amplitudes from the strike point and the mallet, the resonator tube's peak near the
  fundamental, a noise floor; MSE of the errors scaled by their ranges; Adam (torch's defaults)
- rolling-pin dough sheeting: a GRU over eight rolling passes (the roll gap, the pin's speed, the rest before the
  pass, and the dough's hydration, fat, flour protein and temperature) to the sheet's log thickness and log width
  after each pass; elastic spring-back that grows with the gluten's accumulated work and relaxes during rests, a
  width spread of a fraction of the thickness reduction; MSE; Adam (torch's defaults)
- garden-hose nozzle reach (a long plan only): a grey-box net, an MLP with an embedding of the nozzle's pattern
  (jet, cone, shower, flat fan, mist) returning the hose's friction factor, the nozzle's discharge coefficient and
  the spray's drag factor, put through the hydraulics (tap pressure split between Darcy-Weisbach friction in the
  hose, fittings and the jet's velocity head) and a ballistic reach from the nozzle's height shortened by drag, to
  the log flow and log reach (the data's reach is also capped by the spray's breakup length, which the grey box does
  not model: its drag factor has to absorb it); MSE; RAdam (torch's defaults)
- snow-shovel load and lumbar stress (a long plan only): a SiLU MLP from the snow's depth and density, the blade's
  width, the scoop fill, the shaft's length and bend, the lift height, the throw distance and the shoveller's
  stature and mass to the log load per scoop, the log L5/S1 compression (a static trunk-flexion moment model) and
  the log metabolic cost per square metre cleared; MSE of the standardised outputs; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the hose and shovel
nets (no short plans), the rolling-pin GRU on 8192 doughs instead of 4096 (16 hidden units instead of 32, batch 32
instead of 64) and the tea-bag net on 8192 brews instead of 2048 (32 units a layer instead of 64, batch 32 instead
of 64).

Of the eight plans, three use Adam (marimba, both rolling-pin plans), two AdamW (both tea-bag plans), and one each
SGD with Nesterov momentum (teapot), RAdam (hose) and NAdam (shovel). The four long plans use four optimisers:
RAdam, NAdam, Adam and AdamW.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam113_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam113/README.md).

    python benchmarks/exam113_workloads.py          # the table
    python benchmarks/exam113_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 113"


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
# 1. teapot spout dripping, the teapot effect (SGD with Nesterov momentum)

TP_SPOUTS = 4  # straight cut, tapered, rolled lip, gooseneck
TP_MATERIALS = 4  # glazed porcelain, stainless steel, glass, superhydrophobic-coated
TP_CLASSES = 3  # clean pour, dribble, teapot effect


def _tp_pours(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pours from a teapot: the spout (straight cut, tapered, rolled lip, gooseneck: shape offsets on the margin
    0, +0.4, -0.6, +0.2, and the lip radius's scale), its material (water contact angle 35, 75, 25, 150 degrees),
    the lip's radius of curvature 0.1-3 mm (log-uniform), the bore 6-14 mm, the tilt 10-60 degrees beyond the
    pouring point, the flow 5-60 ml/s (log-uniform) and the tea's temperature 40-95 C (surface tension falling
    0.07 -> 0.06 N/m, viscosity falling). The exit speed u = Q / (bore area x a fill fraction rising with tilt); the
    margin log(rho u^2 r_lip / (sigma (1 + cos theta))) plus the shape offset, a viscous term and a pour-to-pour
    scatter (sd 0.1): below 0 the flow is captured (the teapot effect), 0-1.2 it dribbles down the
    spout's underside, above it pours clean.
    Returns (spout, material, continuous features (n, 6), classes)."""
    spout = torch.randint(0, TP_SPOUTS, (n,), generator=gen)
    mat = torch.randint(0, TP_MATERIALS, (n,), generator=gen)
    r_lip = 0.1e-3 * 30 ** torch.rand(n, generator=gen)
    bore = 6e-3 + 8e-3 * torch.rand(n, generator=gen)
    tilt = 10 + 50 * torch.rand(n, generator=gen)
    q = 5e-6 * 12 ** torch.rand(n, generator=gen)
    temp = 40 + 55 * torch.rand(n, generator=gen)
    theta = torch.deg2rad(torch.tensor([35.0, 75.0, 25.0, 150.0])[mat])
    sigma = 0.072 - 0.00018 * (temp - 20)
    visc = 1e-3 * torch.exp(-0.02 * (temp - 20))
    fill = 0.35 + 0.6 * torch.sin(torch.deg2rad(tilt)) ** 2
    u = q / (math.pi * bore**2 / 4 * fill)
    r_eff = r_lip * torch.tensor([1.0, 0.8, 1.6, 1.1])[spout]
    we = 1000 * u**2 * r_eff / (sigma * (1 + torch.cos(theta)).clamp_min(0.05))
    re = 1000 * u * bore / visc
    margin = (torch.log(we) + torch.tensor([0.0, 0.4, -0.6, 0.2])[spout] - 0.3 * torch.log(re / 1000)
              + 0.01 * (tilt - 35) + 0.1 * torch.randn(n, generator=gen))
    y = torch.ones(n, dtype=torch.long)  # dribble
    y[margin >= 1.2] = 0
    y[margin < 0] = 2
    x = torch.stack([(torch.log(r_lip) - math.log(0.55e-3)) / 0.98, (bore - 10e-3) / 2.3e-3, (tilt - 35) / 14.4,
                     (torch.log(q) - math.log(17.3e-6)) / 0.72, (temp - 67.5) / 15.9,
                     torch.cos(theta)], 1)
    return spout, mat, x, y


class SpoutNet(nn.Module):
    """Embeddings of the spout's shape and material with the pour's conditions into a residual net of Pre-LN blocks
    (LayerNorm, Linear, GELU, Linear), a final LayerNorm and the three class logits."""

    def __init__(self, width: int = 64, blocks: int = 2, emb: int = 4) -> None:
        super().__init__()
        self.spout = nn.Embedding(TP_SPOUTS, emb)
        self.mat = nn.Embedding(TP_MATERIALS, emb)
        self.inp = nn.Linear(6 + 2 * emb, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, TP_CLASSES)

    def forward(self, spout: torch.Tensor, mat: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([self.spout(spout), self.mat(mat), x], 1))
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def pour_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the pour's class."""
    spout, mat, x, y = batch
    return F.cross_entropy(model(spout, mat, x), y)


def teapot_drip(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 64,
                blocks: int = 2) -> dict[str, Any]:
    """The spout net on 4096 pours; held out: 2048 other pours in batches of 1024; SGD with Nesterov momentum 0.9
    and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(113101)
    t = _tp_pours(train_size + 2048, gen)
    tr = tuple(a[:train_size] for a in t)
    torch.manual_seed(seed)
    return {"model": SpoutNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(a[train_size:] for a in t), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": pour_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. tea-bag steeping extraction (AdamW)

TB_TEAS, TB_BAGS, TB_GRADES = 5, 4, 3
TB_TIMES = (1.0, 2.0, 3.0, 5.0, 8.0, 12.0)  # minutes


def _tb_brews(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Brews of one tea bag in a cup: the tea (black, green, oolong, rooibos, herbal: extractable caffeine 3.0, 2.2,
    2.5, 0, 0 % and polyphenols 12, 16, 13, 6, 4 % of the leaf; a rate factor), the bag (filter paper, nylon mesh,
    PLA pyramid, silk: a resistance delaying the start 0.6, 0.2, 0.3, 0.4 min and slowing the rate), the leaf grade
    (CTC / fannings 0.5 mm, broken 1.5 mm, whole leaf 4 mm: the rate falls with the size squared, softened), the
    water 60-100 C (an Arrhenius rate, Ea 40 kJ/mol, and a yield rising with temperature), 200-400 ml, tea 1.5-3 g,
    dunking 0-10 a minute (a faster rate), hardness 0-300 mg/l CaCO3 (polyphenols lost to cream and scum, more
    when hot). C(t) = C_inf (1 - exp(-k (t - lag)+)); absorbance at 445 nm from the polyphenols (browner for black
    and oolong). 1.5% scatter. Returns (tea, bag, grade, continuous features (n, 5), outputs (n, 18): log caffeine
    (mg/l, offset 1), log polyphenols, absorbance at the six times)."""
    tea = torch.randint(0, TB_TEAS, (n,), generator=gen)
    bag = torch.randint(0, TB_BAGS, (n,), generator=gen)
    grade = torch.randint(0, TB_GRADES, (n,), generator=gen)
    temp = 60 + 40 * torch.rand(n, generator=gen)
    vol = 200 + 200 * torch.rand(n, generator=gen)
    mass = 1.5 + 1.5 * torch.rand(n, generator=gen)
    dunk = 10 * torch.rand(n, generator=gen)
    hard = 300 * torch.rand(n, generator=gen)
    caf = torch.tensor([3.0, 2.2, 2.5, 0.0, 0.0])[tea] / 100
    pol = torch.tensor([12.0, 16.0, 13.0, 6.0, 4.0])[tea] / 100
    tea_rate = torch.tensor([1.0, 0.8, 0.6, 0.9, 1.3])[tea]
    lag = torch.tensor([0.6, 0.2, 0.3, 0.4])[bag] / (1 + 0.15 * dunk)
    bag_rate = torch.tensor([0.6, 1.0, 0.9, 0.75])[bag]
    size = torch.tensor([0.5, 1.5, 4.0])[grade]
    arr = torch.exp(-40e3 / 8.314 * (1 / (temp + 273.15) - 1 / 363.15))
    k = 0.9 * tea_rate * bag_rate * arr * (1 + 0.08 * dunk) / (1 + 0.25 * size**2)
    yld = 0.55 + 0.4 * (temp - 60) / 40
    t = torch.tensor(TB_TIMES).view(1, -1)
    frac = 1 - torch.exp(-k.view(-1, 1) * (t - lag.view(-1, 1)).clamp_min(0))
    c_caf = 1e3 * mass.view(-1, 1) * caf.view(-1, 1) * yld.view(-1, 1) * frac / (vol.view(-1, 1) / 1000)
    k_pol = 0.7 * k.view(-1, 1)
    frac_p = 1 - torch.exp(-k_pol * (t - lag.view(-1, 1)).clamp_min(0))
    loss = 1 / (1 + hard.view(-1, 1) / 400 * (temp.view(-1, 1) / 80) ** 2 * frac_p)
    c_pol = 1e3 * mass.view(-1, 1) * pol.view(-1, 1) * yld.view(-1, 1) * frac_p * loss / (vol.view(-1, 1) / 1000)
    brown = torch.tensor([1.0, 0.25, 0.6, 0.8, 0.4])[tea].view(-1, 1)
    absorb = c_pol * brown * 1e-3 * (1 + 0.002 * hard.view(-1, 1))
    y = torch.cat([torch.log1p(c_caf), torch.log1p(c_pol), absorb], 1)
    y = y * torch.exp(0.015 * torch.randn(y.shape, generator=gen))
    x = torch.stack([(temp - 80) / 11.5, (vol - 300) / 57.7, (mass - 2.25) / 0.43, (dunk - 5) / 2.9,
                     (hard - 150) / 86.6], 1)
    return tea, bag, grade, x, y


class SteepNet(nn.Module):
    """Embeddings of the tea, the bag and the leaf grade with the brewing conditions into a SiLU MLP to the 18
    standardised outputs."""

    def __init__(self, hidden: int = 64, emb: int = 4) -> None:
        super().__init__()
        self.tea = nn.Embedding(TB_TEAS, emb)
        self.bag = nn.Embedding(TB_BAGS, emb)
        self.grade = nn.Embedding(TB_GRADES, emb)
        self.net = nn.Sequential(nn.Linear(5 + 3 * emb, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3 * len(TB_TIMES)))

    def forward(self, tea: torch.Tensor, bag: torch.Tensor, grade: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.tea(tea), self.bag(bag), self.grade(grade), x], 1))


def steep_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised caffeine, polyphenol and absorbance curves."""
    return _mse(model, batch)


def teabag_steeping(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The steeping net on 2048 brews, targets standardised over them; held out: 2048 other brews in batches of
    1024; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(113102)
    *cats, x, y = _tb_brews(train_size + 2048, gen)
    y = _standardise(y, train_size)
    t = (*cats, x, y)
    tr = tuple(a[:train_size] for a in t)
    torch.manual_seed(seed)
    return {"model": SteepNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(a[train_size:] for a in t), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2"),
            "loss_fn": steep_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. marimba bar tuning from a tap spectrum (Adam)

MB_BINS = 96
MB_OCTAVES = 4.5


def _mb_taps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tap tones of marimba bars during tuning, as a tuner's spectrum analyser shows them relative to the target
    note: 96 bins of log2(f / f_target) from -0.25 to 4.25 octaves (56 cents a bin). The bar's partials near 1, 4
    and 10 times the target with tuning errors of -60..+60, -150..+150 and -250..+250 cents (the 10th's error
    partly following the 4th's: undercutting moves them together); the wood (rosewood, padauk, a synthetic: loss
    factors 0.008, 0.012, 0.004; the upper partials damped more) sets Lorentzian widths; the strike point
    (centre .. near the node) and the mallet's hardness set the amplitudes (a soft mallet weakens the 10th); the
    resonator tube adds a peak at the target (+-20 cents) coupled to the fundamental; a noise floor at -50 dB with
    3 dB ripple. The spectrum in dB / 20. Returns (spectra (n, 1, 96), the errors over 60, 150
    and 300 cents (n, 3))."""
    c1 = 60 * (2 * torch.rand(n, generator=gen) - 1)
    c2 = 150 * (2 * torch.rand(n, generator=gen) - 1)
    c3 = 0.6 * c2 + 200 * (2 * torch.rand(n, generator=gen) - 1)
    wood = torch.randint(0, 3, (n,), generator=gen)
    eta = torch.tensor([0.008, 0.012, 0.004])[wood]
    strike = torch.rand(n, generator=gen)
    mallet = torch.rand(n, generator=gen)
    res = 20 * (2 * torch.rand(n, generator=gen) - 1)
    grid = -0.25 + MB_OCTAVES * (torch.arange(MB_BINS).float() + 0.5) / MB_BINS
    f = 2 ** grid.view(1, -1)
    spec = torch.full((n, MB_BINS), 10 ** (-50 / 20)) * 10 ** (3 * torch.randn(n, MB_BINS, generator=gen) / 20)
    spec = spec**2
    for ratio, cents, damp, amp in ((1.0, c1, 1.0, torch.ones(n)),
                                    (4.0, c2, 1.8, (0.5 + 0.5 * strike) * (0.3 + 0.7 * mallet)),
                                    (10.0, c3, 3.0, (1 - 0.6 * strike) * (0.2 + 0.8 * mallet) * 0.5 + 0.05),
                                    (1.0, res, 0.5, 0.3 * torch.ones(n))):
        fc = (ratio * 2 ** (cents / 1200)).view(-1, 1)
        width = (8 * eta * damp).view(-1, 1) * fc
        spec = spec + amp.view(-1, 1) ** 2 / (1 + ((f - fc) / width) ** 2)
    db = 10 * torch.log10(spec)
    return (db / 20).unsqueeze(1), torch.stack([c1 / 60, c2 / 150, c3 / 300], 1)


class TapCNN(nn.Module):
    """A 1-D CNN (Conv-GroupNorm-ReLU-MaxPool twice, a third conv) over the tap spectrum, flattened (the bins'
    positions matter) into a small head to the three errors."""

    def __init__(self, channels: int = 16, hidden: int = 32) -> None:
        super().__init__()
        c = channels
        self.features = nn.Sequential(
            nn.Conv1d(1, c // 2, 5, padding=2), nn.GroupNorm(2, c // 2), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(c // 2, c, 5, padding=2), nn.GroupNorm(4, c), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(c, c, 3, padding=1), nn.GroupNorm(4, c), nn.ReLU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(c * MB_BINS // 4, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def tuning_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the three scaled tuning errors."""
    return _mse(model, batch)


def marimba_tuning(batch_size: int = 32, seed: int = 0, train_size: int = 8192, channels: int = 16) -> dict[str, Any]:
    """The tap-spectrum CNN on 8192 taps; held out: 2048 other taps in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(113103)
    x, y = _mb_taps(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TapCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tuning_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. rolling-pin dough sheeting over eight passes (Adam)

RP_PASSES = 8


def _rp_sheets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Doughs sheeted with a rolling pin (or a hand sheeter) in eight passes: hydration 50-75%, fat 0-30% of the
    flour, flour protein 8-14%, dough 12-28 C; per pass the gap as a fraction of the entering thickness (0.55-1.0),
    the pin's speed 0.1-1 m/s and the rest before the pass 0-10 min. Start 30 mm thick, 120 mm wide. In a pass
    thinner than the sheet, the dough leaves at the gap and springs back by a fraction s of the reduction: s from
    the gluten's elasticity (protein, less with hydration, fat and warmth) and the work stored from earlier passes
    (rising with each reduction, relaxing during rests with a 3-min time constant), more at speed; the width grows by
    a fraction of the reduction (0.25, less for a slack dough). 0.6% scatter per reading (log units). Returns
    (per-pass features (n, 8, 7), log thickness / 10 mm and log width / 100 mm after each pass (n, 8, 2))."""
    hyd = 0.50 + 0.25 * torch.rand(n, generator=gen)
    fat = 0.30 * torch.rand(n, generator=gen)
    prot = 8 + 6 * torch.rand(n, generator=gen)
    temp = 12 + 16 * torch.rand(n, generator=gen)
    gap = 0.55 + 0.45 * torch.rand(n, RP_PASSES, generator=gen)
    speed = 0.1 + 0.9 * torch.rand(n, RP_PASSES, generator=gen)
    rest = 10 * torch.rand(n, RP_PASSES, generator=gen) ** 2
    elastic = (prot / 11) ** 1.5 * torch.exp(-4 * (hyd - 0.62)) * (1 - 1.2 * fat) * torch.exp(-0.03 * (temp - 20))
    h = torch.full((n,), 30.0)
    w = torch.full((n,), 120.0)
    work = torch.zeros(n)
    out = []
    for p in range(RP_PASSES):
        work = work * torch.exp(-rest[:, p] / 3)
        g = gap[:, p] * h
        red = torch.log(h / g)
        s = (0.12 + 0.25 * elastic * (1 + 1.5 * work) / (1 + elastic * (1 + 1.5 * work))) * (1 + 0.15 * speed[:, p])
        h_out = g * torch.exp(s.clamp(max=0.9) * red)
        spread = (0.25 - 0.2 * (hyd - 0.5)) * (1 - 0.3 * s)
        w = w * (h / h_out) ** spread
        work = work + red * (1 + 0.5 * speed[:, p])
        h = h_out
        out.append(torch.stack([torch.log(h / 10), torch.log(w / 100)], 1))
    y = torch.stack(out, 1) + 0.006 * torch.randn(n, RP_PASSES, 2, generator=gen)
    static = torch.stack([(hyd - 0.625) / 0.072, (fat - 0.15) / 0.087, (prot - 11) / 1.73, (temp - 20) / 4.6], 1)
    x = torch.cat([static.unsqueeze(1).expand(n, RP_PASSES, 4),
                   torch.stack([(gap - 0.775) / 0.13, (speed - 0.55) / 0.26, (rest - 3.3) / 3.0], 2)], 2)
    return x, y


class SheetingGRU(nn.Module):
    """A one-layer GRU over the passes and a linear read-out of the thickness and width after each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0])


def sheeting_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log thickness and log width over the eight passes."""
    return _mse(model, batch)


def rolling_pin_sheeting(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                         hidden: int = 32) -> dict[str, Any]:
    """The sheeting GRU on 4096 doughs; held out: 2048 other doughs in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(113104)
    x, y = _rp_sheets(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SheetingGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": sheeting_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. garden-hose nozzle reach, a grey-box net (RAdam; long only)

GH_PATTERNS = 5  # jet, cone, shower, flat fan, mist


def _gh_sprays(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """A hose on a tap: pressure 1.5-6 bar, hose 10-50 m of 12.7, 15.9 or 19 mm bore, the nozzle's pattern (jet,
    cone, shower, flat fan, mist: discharge coefficients 0.95, 0.8, 0.7, 0.75, 0.6; drag factors 0.3, 1.5, 3, 2, 8
    x 1e-3 s2/m2, rising as higher pressure breaks the spray finer), its opening 2-6 mm (an equivalent round
    orifice), the elevation 5-60 degrees, the height 0.5-1.5 m. Flow: the tap's pressure = Darcy-Weisbach friction
    (Blasius f = 0.316 Re^-0.25) along the hose + fittings (K = 1.5) + the jet's velocity head / Cd^2, solved by
    fixed-point iteration (Cd also falling with pressure for the spray patterns). Reach: the vacuum range from the
    nozzle's height at the jet speed, shortened by 1 / (1 + c_drag v^2), then capped by the spray's breakup length
    (3000 x opening x a pattern factor 3, 1, 0.6, 0.8, 0.25 x sqrt(v / 20)) as 1 / (1 / range + 1 / breakup). 1%
    scatter (log units). Returns (pattern, raw physics inputs (n, 6): pressure (Pa), hose length,
    hose bore, opening, elevation (rad), height; standardised features (n, 6); log flow (l/min), log reach (m))."""
    pat = torch.randint(0, GH_PATTERNS, (n,), generator=gen)
    p = 1.5e5 + 4.5e5 * torch.rand(n, generator=gen)
    length = 10 + 40 * torch.rand(n, generator=gen)
    bore = torch.tensor([12.7e-3, 15.9e-3, 19.0e-3])[torch.randint(0, 3, (n,), generator=gen)]
    d_j = 2e-3 + 4e-3 * torch.rand(n, generator=gen)
    elev = torch.deg2rad(5 + 55 * torch.rand(n, generator=gen))
    height = 0.5 + torch.rand(n, generator=gen)
    cd = torch.tensor([0.95, 0.8, 0.7, 0.75, 0.6])[pat] * (1 - 0.045 * (d_j - 4e-3) / 2e-3)
    cd = cd * (1 - torch.tensor([0.0, 0.05, 0.1, 0.08, 0.15])[pat] * (p - 3.75e5) / 1.3e5)
    drag = torch.tensor([0.3, 1.5, 3.0, 2.0, 8.0])[pat] * 1e-3 * (p / 3e5) ** 0.5
    flow, _, reach = _gh_physics(p, length, bore, d_j, elev, height, torch.full((n,), 0.03), cd, drag,
                                 f_blasius=True)
    # the spray breaks up: a breakup length (longer for a coherent jet, a larger opening, a faster jet) caps the reach
    v_j = flow / (math.pi * d_j**2 / 4)
    l_b = 3000 * d_j * torch.tensor([3.0, 1.0, 0.6, 0.8, 0.25])[pat] * (v_j / 20) ** 0.5
    reach = 1 / (1 / reach + 1 / l_b)
    y = torch.stack([torch.log(flow * 6e4), torch.log(reach)], 1) + 0.01 * torch.randn(n, 2, generator=gen)
    raw = torch.stack([p, length, bore, d_j, elev, height], 1)
    x = torch.stack([(p - 3.75e5) / 1.3e5, (length - 30) / 11.5, (bore - 15.9e-3) / 2.6e-3, (d_j - 4e-3) / 1.15e-3,
                     (elev - 0.57) / 0.28, (height - 1) / 0.29], 1)
    return pat, raw, x, y


def _gh_physics(p: torch.Tensor, length: torch.Tensor, bore: torch.Tensor, d_j: torch.Tensor, elev: torch.Tensor,
                height: torch.Tensor, f: torch.Tensor, cd: torch.Tensor, drag: torch.Tensor,
                f_blasius: bool = False) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The hose's hydraulics and the spray's reach: flow (m3/s), its log, and the reach (m). With ``f_blasius`` the
    friction factor is iterated from the Reynolds number (the data); otherwise ``f`` is given (the grey box)."""
    rho, nu, g = 1000.0, 1e-6, 9.81
    a_h, a_j = math.pi * bore**2 / 4, math.pi * d_j**2 / 4
    for _ in range(6 if f_blasius else 1):
        # p / rho = 0.5 v_j^2 / cd^2 + 0.5 v_h^2 (f L / D + K), with v_h = v_j a_j / a_h
        coef = 0.5 / cd**2 + 0.5 * (a_j / a_h) ** 2 * (f * length / bore + 1.5)
        v_j = torch.sqrt(p / rho / coef)
        if f_blasius:
            f = 0.316 * (v_j * a_j / a_h * bore / nu) ** -0.25
    flow = v_j * a_j
    vs, vc = v_j * torch.sin(elev), v_j * torch.cos(elev)
    reach = vc / g * (vs + torch.sqrt(vs**2 + 2 * g * height)) / (1 + drag * v_j**2)
    return flow, torch.log(flow), reach


class HoseGreyBox(nn.Module):
    """A grey box: a tanh MLP with an embedding of the nozzle's pattern gives log corrections to the friction
    factor, the discharge coefficient and the drag factor around nominal values (0.03, 0.8, 2e-3); the hydraulics
    and the ballistic reach (``_gh_physics``) turn them into the log flow and the log reach."""

    def __init__(self, hidden: int = 32, emb: int = 4) -> None:
        super().__init__()
        self.pat = nn.Embedding(GH_PATTERNS, emb)
        self.net = nn.Sequential(nn.Linear(6 + emb, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, pat: torch.Tensor, raw: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        k = self.net(torch.cat([self.pat(pat), x], 1))
        f = 0.03 * torch.exp(k[:, 0])
        cd = 0.8 * torch.exp(k[:, 1].clamp(max=1.0))
        drag = 2e-3 * torch.exp(k[:, 2])
        flow, _, reach = _gh_physics(*raw.unbind(1), f, cd, drag)
        return torch.stack([torch.log(flow * 6e4), torch.log(reach)], 1)


def spray_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log flow (l/min) and the log reach (m)."""
    return _mse(model, batch)


def hose_nozzle_reach(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box hose net on 8192 sprays; held out: 2048 other sprays in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(113105)
    t = _gh_sprays(train_size + 2048, gen)
    tr = tuple(a[:train_size] for a in t)
    torch.manual_seed(seed)
    return {"model": HoseGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(a[train_size:] for a in t), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": spray_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. snow-shovel load and lumbar stress (NAdam; long only)


def _ss_scoops(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Shovelling a driveway: snow depth 5-40 cm, density 60-500 kg/m3 (fresh powder to wet, log-uniform), blade
    width 40-70 cm and depth 30-45 cm, the scoop's fill 0.3-1 (of the depth's slab the blade takes, capped by the
    blade's lip), the shaft 0.9-1.5 m straight or bent, the lift 0.2-1 m, the throw 0.5-3 m, the shoveller 1.55-1.95
    m and 50-110 kg. The load per scoop; the L5/S1 compression from a static sagittal model: the trunk's flexion (less
    with a longer or bent shaft, more for a tall person on a short shaft), the moments of the upper body (55% of the
    mass at 0.35 of the trunk's length) and of the load at its reach, over a 5 cm erector moment arm, plus the
    weights, with a throw's dynamic factor; the metabolic cost per square metre from the lifting and throwing work
    over a 22% efficiency and a walking cost. 1.5% scatter (log units). Returns (features (n, 11), logs (n, 3))."""
    depth = 0.05 + 0.35 * torch.rand(n, generator=gen)
    rho = 60 * (500 / 60) ** torch.rand(n, generator=gen)
    width = 0.40 + 0.30 * torch.rand(n, generator=gen)
    bdepth = 0.30 + 0.15 * torch.rand(n, generator=gen)
    fill = 0.3 + 0.7 * torch.rand(n, generator=gen)
    shaft = 0.9 + 0.6 * torch.rand(n, generator=gen)
    bent = (torch.rand(n, generator=gen) < 0.4).float()
    lift = 0.2 + 0.8 * torch.rand(n, generator=gen)
    throw = 0.5 + 2.5 * torch.rand(n, generator=gen)
    stature = 1.55 + 0.40 * torch.rand(n, generator=gen)
    mass = 50 + 60 * torch.rand(n, generator=gen)
    slab = torch.minimum(depth, 0.12 + 0.1 * fill) * width * bdepth * fill
    load = rho * slab
    flex = torch.deg2rad(70 - 35 * (shaft - 0.9) / 0.6 - 12 * bent + 40 * (stature - 1.75) / shaft).clamp(0.1, 1.45)
    trunk = 0.30 * stature
    reach = trunk * torch.sin(flex) + 0.25 + 0.15 * (shaft - 0.9) + 0.05 * bent
    dyn = 1 + 0.12 * throw + 0.3 * lift
    moment = 9.81 * (0.55 * mass * 0.35 * trunk * torch.sin(flex) + load * dyn * reach)
    comp = moment / 0.05 + 9.81 * (0.55 * mass + load) * torch.cos(flex)
    scoops = 1 / (width * bdepth * fill)  # scoops per square metre
    work = scoops * (9.81 * (load * lift + 0.55 * mass * trunk * (1 - torch.cos(flex)) * 0.5)
                     + 0.5 * load * 9.81 * throw / 2)
    energy = work / 0.22 + scoops * 60 * (mass / 75)
    y = torch.stack([torch.log(load), torch.log(comp / 1000), torch.log(energy / 1000)], 1)
    y = y + 0.015 * torch.randn(n, 3, generator=gen)
    x = torch.stack([(depth - 0.225) / 0.1, (torch.log(rho) - 5.15) / 0.61, (width - 0.55) / 0.087,
                     (bdepth - 0.375) / 0.043, (fill - 0.65) / 0.2, (shaft - 1.2) / 0.17, 2 * bent - 1,
                     (lift - 0.6) / 0.23, (throw - 1.75) / 0.72, (stature - 1.75) / 0.115, (mass - 80) / 17.3], 1)
    return x, y


class ShovelNet(nn.Module):
    """A SiLU MLP from the snow, the shovel, the task and the shoveller to the three standardised logs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def shovel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log load, log L5/S1 compression and log cost."""
    return _mse(model, batch)


def snow_shovel_load(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The shovel net on 8192 scoops, targets standardised over them; held out: 2048 other scoops in batches of
    1024; NAdam."""
    gen = torch.Generator().manual_seed(113106)
    x, y = _ss_scoops(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShovelNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": shovel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("teapot_drip_nesterov", teapot_drip, 300, "teapot_spout_drip_teapot_effect_resnet_emb", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=0.3, start_lr=0.1),
    W("teabag_steeping_adamw", teabag_steeping, 300, "teabag_steeping_extraction_kinetics_emb_mlp", "adamw_wd1e-2",
      "finite", 64, seconds=0.25, start_lr=0.064),
    W("marimba_tuning_adam", marimba_tuning, 300, "marimba_tap_spectrum_bar_tuning_cnn", "adam", "finite", 32,
      seconds=0.7, start_lr=0.004),
    W("rolling_pin_sheeting_adam", rolling_pin_sheeting, 300, "rolling_pin_dough_sheeting_springback_gru",
      "adam", "finite", 64, seconds=0.5, start_lr=0.064),
)
LONG = (
    W("hose_nozzle_reach_radam@long", hose_nozzle_reach, 3000, "garden_hose_nozzle_reach_hydraulics_greybox", "radam",
      "finite", 32, seconds=3.2, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("snow_shovel_load_nadam@long", snow_shovel_load, 3000, "snow_shovel_scoop_load_lumbar_stress_mlp", "nadam",
      "finite", 32, seconds=1.6, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("rolling_pin_sheeting_adam@long", rolling_pin_sheeting, 3000, "rolling_pin_dough_sheeting_springback_gru",
      "adam", "finite", 32, dict(train_size=8192, hidden=16), seconds=4.4, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="rolling_pin_sheeting_adam"),
    W("teabag_steeping_adamw@long", teabag_steeping, 3000, "teabag_steeping_extraction_kinetics_emb_mlp",
      "adamw_wd1e-2", "finite", 32, dict(train_size=8192, hidden=32), seconds=2.2, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="teabag_steeping_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam113_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirteenth exam's workloads")
