"""The hundred-and-fifty-fifth exam: six more workload families that neither the suite nor exams 1-154 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam154_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from door hinges and squeaking, jelly moulds and unmoulding, crepe pans and
batter spreading, shoe horns and heel sliding, paperweights and paper flutter, and plant misters and leaf wetting
(exams 156-158 were built at the same time from other domains; their modules were not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam155/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- door-hinge squeak diagnosis: a 2-D CNN (two strided conv / batch-norm / ReLU blocks) over a phone's log
  spectrogram of one door swing (16 log-spaced bands x 24 frames) to the hinge pin's static-kinetic friction gap
  (how dry it is), the swing's peak angular speed and the door's weight on the hinge; the squeak from stick-slip
  of the pin in its knuckle (Stribeck friction whose falling slope beats the joint's damping over the slow part
  of the swing: a tone near the leaf's mode and its harmonics), a rubbing hiss from the friction power; MSE of the
  standardised targets; SGD with momentum 0.9 and weight decay 5e-4 (the image-CNN recipe)
- paperweight and paper flutter: a Post-LN transformer encoder (one layer, d 32) over 16 patches of a laser
  sensor's trace of the overhanging sheet's tip (64 samples at 50 Hz), with the overhang and the paper's grammage,
  to the log breeze speed and the log paperweight mass needed to hold the stack; a clamped-free flag's flutter
  (onset at a critical speed from the sheet's bending stiffness and mass ratio, a Hopf amplitude, a
  Strouhal-like frequency), gravity droop and aerodynamic lift of the mean position, buffeting below onset; the
  holding mass from the flapping sheet's drag and the sheets' friction; MSE; AdamW (torch's defaults)
- plant mister leaf wetting: an embedding net (species, mister and water additive embeddings with the distance,
  pulls and leaf angle, a LayerNorm residual MLP) to the wetted area fraction and the log retained
  volume; droplet impact speed after drag over the distance, the Weber number, rebound on water-repellent leaves,
  spherical-cap spots of the leaf's contact angle (lowered by surfactants), Poisson coverage of overlapping spots,
  a retention capacity beyond which the film runs off; MSE; Adagrad (torch's defaults)
- shoe horn and heel slide (shoe-fitting records): a factorisation machine (one table over all ids with field
  offsets) over the wearer, the shoe model, the horn (ids) and three real-valued features (lace loosening, sock
  thickness, the shoe's age) to the log peak strain of the heel counter and the log donning time; the heel's
  interference with the counter's opening, the heel
  sliding down the blade (long blades and slippery horns spare the counter) or folding the counter without one,
  the wearer's habit; MSE; Adagrad (torch's defaults)
- jelly moulds and unmoulding (a long plan only): an ``EmbeddingBag`` over the recipe's ingredients weighted by
  their amounts (gelatin grades, agar, sugar, fresh and canned fruit, dairy, alcohol, acid ...), joined with the
  mould (material, detail depth, draft angle, height) and the process (chill time, warm-water dip temperature and
  time), through a LayerNorm residual block to the log gel firmness, the share of the mould's detail that comes
  out intact and the log slump of the unmoulded jelly; gel firmness from the squared excess gelatin
  concentration (Bloom-weighted), maturation, proteases of fresh fruit, acid, sugar and alcohol; a melt layer
  from the dip by conduction through the mould's wall; release against adhesion and the undercut's interlock,
  tearing against the gel's strength; MSE; Adagrad (torch's defaults)
- crepe batter spreading with a rake on a crepe griddle (a long plan only): a grey-box net. A small tanh MLP
  gives each batter's log viscosity, log setting rate and gelling temperature; the model's own physics gives the
  crepe's thickness at six radii: a set layer growing as the square root of the batter's time on the hot griddle
  before the rake's last pass, plus a Landau-Levich-like drag-out film left behind the rake (saturating at high
  capillary number); MSE of the log thicknesses; Adagrad (torch's defaults: a grey-box with parameters on very
  different scales)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the jelly and crepe
nets (no short plans), the mister net on 8192 tests instead of 1024 (32 units instead of 48, batch 64 instead of 128)
and the shoe-horn factorisation machine on 8192 records instead of 2048.

Of the eight plans, six use Adagrad (both mister plans, both shoe-horn plans, jelly, crepe), one SGD with momentum
(hinge) and one AdamW (paperweight).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam155_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam155/README.md).

    python benchmarks/exam155_workloads.py          # the table
    python benchmarks/exam155_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 155"


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


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs (fed every tensor of the batch but the last) against the
    last tensor."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _adagrad(params: Any, lr: float) -> torch.optim.Optimizer:
    return torch.optim.Adagrad(params, lr=lr)


ADAGRAD = _named(_adagrad, "adagrad")


# --------------------------------------------------------------------------------------------------------------
# 1. door-hinge squeak diagnosis from a swing's spectrogram (SGD with momentum)

HG_BANDS, HG_FRAMES = 16, 24


def _hg_swings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Phone recordings of one door swing (3 s, 24 frames; 16 log-spaced bands 250 Hz-8 kHz). The door's weight on
    the hinge N 40-200 N (log-uniform), the pin's radius 3-6 mm, the peak angular speed 0.4-3 rad/s (log-uniform;
    a 90-degree swing with a half-sine speed profile, starting at 0.2 s), the pin's static-kinetic friction gap
    0.01-0.3 (log-uniform: freshly oiled to dry and rusty) and its kinetic friction (0.05 + 0.6 gap) x 0.85-1.15.
    Stribeck friction mu_k + gap
    exp(-v / v_s) (v_s 4 mm/s); the falling slope beats the joint's damping when gap / 0.03 exp(-v / v_s)
    (N / 100)^0.5 > 1: then the pin sticks and slips, a squeak whose level grows with the excess, at a tone near
    the leaf's mode 650 Hz (N / 100)^0.3 (4.5 mm / r)^0.5, rising 20% with the sliding speed, with harmonics 2-4 at
    k^-1.5. A rubbing hiss from the friction power (mu N v) in the low and middle bands, a room-noise floor (random
    level), 0.08 (log10) speckle. Returns (log10 power (n, 1, 16, 24), standardised later: log gap, log peak speed,
    log N (n, 3))."""
    load = 40 * 5 ** torch.rand(n, generator=gen)
    r_pin = 3e-3 + 3e-3 * torch.rand(n, generator=gen)
    w_peak = 0.4 * 7.5 ** torch.rand(n, generator=gen)
    gap = 0.01 * 30 ** torch.rand(n, generator=gen)
    mu_k = (0.05 + 0.6 * gap) * (0.85 + 0.3 * torch.rand(n, generator=gen))
    floor = 10 ** (-1.0 + 0.6 * torch.rand(n, generator=gen))
    t = (torch.arange(HG_FRAMES).float() + 0.5) * 3.0 / HG_FRAMES
    dur = math.pi**2 / (4 * w_peak)
    phase = ((t.view(1, -1) - 0.2) / dur.view(-1, 1))
    moving = ((phase > 0) & (phase < 1)).float()
    omega = w_peak.view(-1, 1) * torch.sin(math.pi * phase.clamp(0, 1)) * moving
    v = omega * r_pin.view(-1, 1)
    excess = gap.view(-1, 1) / 0.03 * torch.exp(-v / 4e-3) * (load.view(-1, 1) / 100) ** 0.5 - 1
    level = 6 * torch.relu(excess) ** 0.7 * moving * (v > 2e-4).float()
    f0 = 650 * (load / 100) ** 0.3 * (4.5e-3 / r_pin) ** 0.5
    f_t = f0.view(-1, 1) * (1 + 0.2 * (v / 4e-3).clamp(max=3) / 3)
    bands = torch.logspace(math.log10(250), math.log10(8000), HG_BANDS).view(1, -1, 1)
    power = floor.view(-1, 1, 1) * (bands / 250) ** -0.5
    for k in range(1, 5):
        dist = (torch.log(bands) - torch.log(k * f_t).unsqueeze(1)) / 0.12
        power = power + level.unsqueeze(1) * k**-1.5 * torch.exp(-0.5 * dist**2)
    hiss = (mu_k + gap).view(-1, 1) * load.view(-1, 1) * v * 40
    power = power + hiss.unsqueeze(1) * torch.exp(-0.5 * ((torch.log(bands) - math.log(900)) / 0.9) ** 2)
    x = torch.log10(power) + 0.08 * torch.randn(power.shape, generator=gen)
    y = torch.stack([torch.log(gap), torch.log(w_peak), torch.log(load)], 1)
    return x.unsqueeze(1), y


class SqueakCNN(nn.Module):
    """Two strided conv (3x3, stride 2) / batch-norm / ReLU blocks over the spectrogram (16 x 24 to 4 x 6) and a
    linear head on the flattened maps to the three targets."""

    def __init__(self, channels: int = 8) -> None:
        super().__init__()
        c = channels
        self.features = nn.Sequential(
            nn.Conv2d(1, c, 3, stride=2, padding=1), nn.BatchNorm2d(c), nn.ReLU(),
            nn.Conv2d(c, 2 * c, 3, stride=2, padding=1), nn.BatchNorm2d(2 * c), nn.ReLU())
        self.head = nn.Linear(2 * c * (HG_BANDS // 4) * (HG_FRAMES // 4), 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def squeak_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log friction gap, log peak speed and log hinge load."""
    return _mse(model, batch)


def hinge_squeak(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 8) -> dict[str, Any]:
    """The squeak CNN on 2048 recorded swings, the input centred and scaled over them and the targets standardised
    over them; held out: 2048 other swings in batches of 1024; SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(155101)
    x, y = _hg_swings(train_size + 2048, gen)
    x = (x - x[:train_size].mean()) / x[:train_size].std()
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SqueakCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": squeak_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. jelly moulds and unmoulding (Adagrad; long only)

JL_INGREDIENTS = 24  # the vocabulary; index 24 pads a recipe's bag
JL_SLOTS = 5
JL_MOULDS = 5  # copper, aluminium, glass, plastic, silicone


def _jl_jellies(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Moulded jellies (a 500 ml batch). The gelling agent: gelatin powder (Bloom 225), platinum, gold or bronze
    leaf (250, 200, 140) or agar, 4-16 g (gelatin) or 2-6 g (agar); then 2-4 of sugar, fresh pineapple, canned
    pineapple, fresh kiwi, fresh papaya, orange juice, lemon juice, cream, milk, yoghurt, wine, fruit pieces,
    coconut milk, honey, cordial, water, fresh mango, vodka, condensed milk (amounts in 50 g units, 0.2-3).
    Gelatin firmness G = 1.6 kPa (c_eff - 0.9)^2 with c_eff the Bloom-weighted concentration (% w/v, Bloom^0.5
    scaling), maturing as 1 - exp(-t / 3 h) over the chill (2-24 h); fresh pineapple, kiwi and papaya (proteases)
    digest it (exp(-1.5 amount)), lemon and wine / vodka weaken it, sugar and condensed milk firm it, fat softens it
    a little. Agar firmer (4 kPa (c - 0.3)^2), immune to proteases, but brittle. Unmoulding: a dip in warm water
    (35-60 C, 0-20 s) melts a layer of depth sqrt(t) (T_w - T_melt) times the wall's conductance (copper >
    aluminium > glass > plastic > silicone); the jelly releases when the adhesion left (exp(-depth / 0.3 mm); low
    for silicone) and the interlock of the detail (depth 0-15 mm, draft 0-20 degrees) fall below its weight, and
    the detail that comes out intact is the share whose stress stays below the gel's strength. Slump: its height
    lost in 10 min out of the mould (gravity over firmness, the melted layer sagging). Scatter (batch to batch and
    the reading): 15% on the firmness (a texture analyser), 0.08 on the intact share (judged by eye), 12% on the
    slump. Returns (the bag's
    ingredient ids (n, 5), their amounts (n, 5), mould and process features (n, 10), targets (n, 3): log firmness,
    intact detail share, log slump)."""
    agent = torch.randint(0, 5, (n,), generator=gen)
    is_agar = agent == 4
    amount = torch.where(is_agar, 2 + 4 * torch.rand(n, generator=gen), 4 + 12 * torch.rand(n, generator=gen))
    ids = torch.full((n, JL_SLOTS), JL_INGREDIENTS, dtype=torch.long)
    amt = torch.zeros(n, JL_SLOTS)
    ids[:, 0] = agent
    amt[:, 0] = amount / 4
    k_other = torch.randint(2, 5, (n,), generator=gen)
    others = torch.argsort(torch.rand(n, 19, generator=gen), 1)[:, :4] + 5
    q = 0.2 + 2.8 * torch.rand(n, 4, generator=gen)
    for j in range(4):
        on = j < k_other
        ids[:, j + 1] = torch.where(on, others[:, j], ids[:, j + 1])
        amt[:, j + 1] = torch.where(on, q[:, j], amt[:, j + 1])

    def total(i: int) -> torch.Tensor:
        return (amt * (ids == i).float()).sum(1)

    bloom = torch.tensor([225.0, 250.0, 200.0, 140.0, 0.0])[agent]
    c = amount / 5  # % w/v in 500 ml
    c_eff = c * (bloom / 225) ** 0.5
    chill = 2 + 22 * torch.rand(n, generator=gen)
    protease = 1.5 * total(6) + 1.2 * total(8) + 1.0 * total(9) + 0.3 * total(21)
    weaken = torch.exp(-protease) * (1 - 0.12 * total(11)) * torch.exp(-0.15 * total(15) - 0.35 * total(22))
    firm = (1 + 0.08 * total(5) + 0.1 * total(23) + 0.04 * total(18)) / (1 + 0.05 * (total(12) + total(17)))
    g_gel = 1.6 * torch.relu(c_eff - 0.9) ** 2 * (1 - torch.exp(-chill / 3)) * weaken.clamp_min(0.02) * firm
    g_agar = 4.0 * torch.relu(c - 0.3) ** 2 * (1 - torch.exp(-chill / 1.0)) * firm * (1 - 0.05 * total(11))
    gel = torch.where(is_agar, g_agar, g_gel) + 0.02
    mould = torch.randint(0, JL_MOULDS, (n,), generator=gen)
    conduct = torch.tensor([1.0, 0.8, 0.35, 0.2, 0.08])[mould]
    stick = torch.tensor([1.0, 0.9, 0.7, 0.8, 0.25])[mould]
    detail = 15 * torch.rand(n, generator=gen)
    draft = 20 * torch.rand(n, generator=gen)
    height = 6 + 8 * torch.rand(n, generator=gen)
    t_w = 35 + 25 * torch.rand(n, generator=gen)
    t_dip = 20 * torch.rand(n, generator=gen)
    t_melt = torch.where(is_agar, torch.full((n,), 85.0), 27 + 2.5 * c_eff)
    depth = 0.25 * torch.sqrt(t_dip) * torch.relu(t_w - t_melt) / 10 * conduct  # mm
    adhesion = stick * torch.exp(-depth / 0.3) * (1 + detail / 10)
    interlock = detail / 10 * torch.exp(-draft / 8)
    brittle = torch.where(is_agar, torch.full((n,), 2.5), torch.ones(n))
    stress = (adhesion + interlock) * brittle / (gel.sqrt() + 1e-3)
    intact = torch.sigmoid(2.5 * (1.2 - stress))
    slump = 100 * (0.04 * height / gel + 0.6 * depth / height) / (1 + 0.04 * height / gel)
    y = torch.stack([torch.log(gel), intact, torch.log(slump + 0.5)], 1)
    y = y + torch.stack([0.15 * torch.randn(n, generator=gen), 0.08 * torch.randn(n, generator=gen),
                         0.12 * torch.randn(n, generator=gen)], 1)
    feats = torch.cat([F.one_hot(mould, JL_MOULDS).float(), torch.stack([
        (detail - 7.5) / 4.3, (draft - 10) / 5.8, (height - 10) / 2.3, (chill - 13) / 6.4, (t_w - 47.5) / 7.2,
        (t_dip - 10) / 5.8], 1)], 1)
    return ids, amt, feats, y


class JellyNet(nn.Module):
    """An ``EmbeddingBag`` (sum, weighted by the amounts) of the recipe, joined with the mould and process features,
    through a linear layer, a LayerNorm-GELU residual block and a linear head to the three targets."""

    def __init__(self, dim: int = 12, hidden: int = 48) -> None:
        super().__init__()
        self.bag = nn.EmbeddingBag(JL_INGREDIENTS + 1, dim, mode="sum", padding_idx=JL_INGREDIENTS)
        self.inp = nn.Linear(dim + JL_MOULDS + 6, hidden)
        self.block = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, hidden), nn.GELU(),
                                   nn.Linear(hidden, hidden))
        self.out = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 3))

    def forward(self, ids: torch.Tensor, amounts: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([self.bag(ids, per_sample_weights=amounts), feats], 1))
        h = h + self.block(h)
        return self.out(h)


def jelly_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log firmness, intact share and log slump."""
    return _mse(model, batch)


def jelly_unmould(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 12,
                  hidden: int = 48) -> dict[str, Any]:
    """The jelly net on 8192 moulded jellies, targets standardised over them; held out: 2048 other jellies in
    batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(155102)
    ids, amt, feats, y = _jl_jellies(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], amt[:train_size], feats[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": JellyNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], amt[train_size:], feats[train_size:], y[train_size:]), 1024),
            "optimizer": ADAGRAD, "loss_fn": jelly_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. crepe batter spread by a rake on a crepe griddle: a grey-box net (Adagrad; long only)

CR_RADII = (0.03, 0.06, 0.09, 0.12, 0.15, 0.18)  # m, on a 40 cm griddle


def _cr_crepes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Crepes spread with a wooden rake on a 40 cm electric crepe griddle. The batter: flour (wheat, buckwheat,
    half and half), liquid-to-flour ratio 1.6-2.6, eggs 0-4 per 250 g of flour, melted butter 0-60 g, resting
    0-12 h; the griddle 190-250 C; the rake turned at 0.5-2 turns a second. Viscosity mu = mu_0(flour) exp(-2.2
    (ratio - 2)) (1 + 0.15 eggs) (1 + 0.4 (1 - exp(-rest / 2 h))) (1 - 0.003 butter); the batter gels on the plate
    above T_gel = 68 C + 2.5 eggs (buckwheat lower), the set layer growing as kappa sqrt(time) with kappa 0.045 mm
    s^-1/2 (T_griddle - T_gel) / 150 (buckwheat faster, butter slower), the time before the rake's last pass at
    radius r being (1 + 2 (1 - r / 0.2 m)) / f_rake turns; the rake leaves a liquid film on the set layer,
    Landau-Levich-like: 0.6 mm Ca^(2/3) / (1 + Ca^(2/3)) with Ca = mu 2 pi r f / sigma (sigma 0.045 N/m). The
    crepe's thickness at six radii is the sum, 1.5% scatter (a thickness gauge). Returns (batter features (n, 7),
    process (griddle temperature in C, rake turns a second) (n, 2), log thickness in mm (n, 6))."""
    flour = torch.randint(0, 3, (n,), generator=gen)
    ratio = 1.6 + torch.rand(n, generator=gen)
    eggs = 4 * torch.rand(n, generator=gen)
    butter = 60 * torch.rand(n, generator=gen)
    rest = 12 * torch.rand(n, generator=gen) ** 1.5
    temp = 190 + 60 * torch.rand(n, generator=gen)
    turns = 0.5 * 4 ** torch.rand(n, generator=gen)
    mu0 = torch.tensor([0.9, 0.5, 0.7])[flour]
    mu = mu0 * torch.exp(-2.2 * (ratio - 2)) * (1 + 0.15 * eggs) * (1 + 0.4 * (1 - torch.exp(-rest / 2))) \
        * (1 - 0.003 * butter)
    t_gel = 68 + 2.5 * eggs - torch.tensor([0.0, 6.0, 3.0])[flour]
    kappa = 0.045 * (temp - t_gel) / 150 * torch.tensor([1.0, 1.3, 1.15])[flour] / (1 + 0.006 * butter)
    r = torch.tensor(CR_RADII).view(1, -1)
    wait = (1 + 2 * (1 - r / 0.2)) / turns.view(-1, 1)
    set_layer = kappa.view(-1, 1) * wait.sqrt()
    ca = mu.view(-1, 1) * 2 * math.pi * r * turns.view(-1, 1) / 0.045
    film = 0.6 * ca ** (2 / 3) / (1 + ca ** (2 / 3))
    y = torch.log(set_layer + film) + 0.015 * torch.randn(n, len(CR_RADII), generator=gen)
    batter = torch.cat([F.one_hot(flour, 3).float(), torch.stack([
        (ratio - 2.1) / 0.29, (eggs - 2) / 1.15, (butter - 30) / 17.3, rest / 6 - 0.7], 1)], 1)
    process = torch.stack([temp, turns], 1)
    return batter, process, y


class CrepeGreyBox(nn.Module):
    """A tanh MLP 7-16-3 gives the batter's log viscosity, log setting rate and gelling temperature; the physics
    (set layer kappa (T - T_gel)_+ sqrt(wait) plus a drag-out film a Ca^(2/3) / (1 + Ca^(2/3))) gives the log
    thickness at six radii; the film's prefactor and the set layer's time constant are learned scalars."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.batter = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, 3))
        self.log_film = nn.Parameter(torch.tensor(math.log(0.3)))
        self.log_wait = nn.Parameter(torch.tensor(0.0))
        self.register_buffer("radii", torch.tensor(CR_RADII).view(1, -1))

    def forward(self, batter: torch.Tensor, process: torch.Tensor) -> torch.Tensor:
        p = self.batter(batter)
        log_mu, log_kappa, t_gel = p[:, :1], p[:, 1:2] - 3.0, 70 + 10 * p[:, 2:3]
        temp, turns = process[:, :1], process[:, 1:2]
        wait = (1 + 2 * (1 - self.radii / 0.2)) / turns * self.log_wait.exp()
        set_layer = log_kappa.exp() * F.softplus(temp - t_gel) / 150 * wait.sqrt()
        ca = (log_mu.exp() * 2 * math.pi * self.radii * turns / 0.045).pow(2 / 3)
        film = self.log_film.exp() * ca / (1 + ca)
        return torch.log(set_layer + film + 1e-4)


def crepe_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log thicknesses (mm) at the six radii."""
    return _mse(model, batch)


def crepe_rake(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The crepe grey-box on 8192 crepes; held out: 2048 other crepes in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(155103)
    batter, process, y = _cr_crepes(train_size + 2048, gen)
    tr = (batter[:train_size], process[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrepeGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((batter[train_size:], process[train_size:], y[train_size:]), 1024),
            "optimizer": ADAGRAD, "loss_fn": crepe_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. shoe horn and heel slide: a factorisation machine over fitting records (Adagrad)

SH_WEARERS, SH_SHOES, SH_HORNS = 240, 96, 8


def _sh_world(gen: torch.Generator) -> dict[str, torch.Tensor]:
    """The fitting panel's hidden truths: wearers' heel breadth (mm) and care, shoes' opening, counter stiffness,
    counter height and material, horns' blade length (cm, 0 = none), friction and stiffness."""
    return {
        "heel": 64 + 4 * torch.randn(SH_WEARERS, generator=gen),
        "care": torch.rand(SH_WEARERS, generator=gen),
        "opening": 58 + 10 * torch.rand(SH_SHOES, generator=gen),
        "stiff": 10 ** (0.6 * torch.rand(SH_SHOES, generator=gen)),
        "counter": 45 + 20 * torch.rand(SH_SHOES, generator=gen),
        "blade": torch.tensor([0.0, 15, 40, 18, 60, 30, 20, 12]),
        "mu": torch.tensor([0.6, 0.25, 0.25, 0.12, 0.12, 0.2, 0.18, 0.3]),
        "bend": torch.tensor([0.0, 0.5, 0.4, 1.0, 0.9, 0.8, 0.7, 0.35]),
    }


def _sh_records(n: int, gen: torch.Generator, world: dict[str, torch.Tensor]) -> tuple[torch.Tensor, ...]:
    """Donning records: a wearer, a shoe model and a horn (0 = no horn; short and long plastic, steel, long steel,
    beech, ox horn, a folding travel horn), the laces' loosening 0-1, the sock's thickness 0-3 mm and the shoe's age
    0-52 weeks. The interference d = heel + sock - opening (1 + 0.06 loosening) - 1.2 mm (age), softplus-smoothed
    over 1 mm. Without a horn the heel folds the counter: strain ~ d (counter height / 55) stiffness^0.3 (1 - 0.5
    care); with one the heel slides down the blade and the strain falls by exp(-blade / 25 cm) (mu / 0.25)^0.5 plus
    what a floppy blade passes on, 0.3 (1 - bend) (at most the no-horn strain); an older counter is softer (-30%
    at a year). The donning time: 2 s + a push time rising with the interference and
    the friction (mu d), shorter with care and loosening, longer for long blades' handling. Scatter 8% on each.
    Returns (wearer, shoe, horn ids (n, 3), features (n, 3), log strain and log time (n, 2))."""
    w = torch.randint(0, SH_WEARERS, (n,), generator=gen)
    s = torch.randint(0, SH_SHOES, (n,), generator=gen)
    h = torch.randint(0, SH_HORNS, (n,), generator=gen)
    loosen = torch.rand(n, generator=gen)
    sock = 3 * torch.rand(n, generator=gen)
    age = 52 * torch.rand(n, generator=gen)
    d = world["heel"][w] + sock - world["opening"][s] * (1 + 0.06 * loosen) - 1.2 * age / 52
    d = F.softplus(d)
    care = world["care"][w]
    blade, mu, bend = world["blade"][h], world["mu"][h], world["bend"][h]
    horn = (blade > 0).float()
    base = 0.4 * (d + 0.3) * (world["counter"][s] / 55) * world["stiff"][s] ** 0.3 * (1 - 0.5 * care)
    spared = torch.exp(-blade / 25) * (mu / 0.25) ** 0.5 + 0.3 * (1 - bend)
    strain = base * torch.where(horn > 0, spared.clamp(max=1.0), torch.ones(n)) * (1 - 0.3 * age / 52)
    push = 1.5 * mu * (d + 0.5) * world["stiff"][s] ** 0.5 * (1.3 - 0.6 * care) * (1 - 0.4 * loosen)
    time = 2 + push + 0.03 * blade * horn
    y = torch.stack([torch.log(strain), torch.log(time)], 1) + 0.08 * torch.randn(n, 2, generator=gen)
    feats = torch.stack([(loosen - 0.5) / 0.29, (sock - 1.5) / 0.87, (age - 26) / 15], 1)
    return torch.stack([w, s, h], 1), feats, y


class HornFM(nn.Module):
    """A factorisation machine with two outputs, written the usual way with one table over all ids (each field's
    ids shifted by an offset): a global bias and per-id linear terms, a linear term of the real-valued features,
    and the pairwise interactions of the six fields' factor vectors (the three ids' and the three features' own
    vectors times their values), 0.5 ((sum v)^2 - sum v^2), mapped to the two outputs by a linear layer."""

    def __init__(self, k: int = 8) -> None:
        super().__init__()
        sizes = (SH_WEARERS, SH_SHOES, SH_HORNS)
        self.register_buffer("offsets", torch.tensor([0, sizes[0], sizes[0] + sizes[1]]).view(1, -1))
        self.factors = nn.Embedding(sum(sizes), k)
        self.linear = nn.Embedding(sum(sizes), 2)
        nn.init.normal_(self.factors.weight, std=0.1)
        nn.init.normal_(self.linear.weight, std=0.1)
        self.feat_v = nn.Parameter(0.1 * torch.randn(3, k))
        self.feat_lin = nn.Linear(3, 2)
        self.head = nn.Linear(k, 2)

    def forward(self, ids: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        ids = ids + self.offsets
        v = torch.cat([self.factors(ids), feats.unsqueeze(2) * self.feat_v], 1)
        pair = 0.5 * (v.sum(1) ** 2 - (v**2).sum(1))
        return self.head(pair) + self.linear(ids).sum(1) + self.feat_lin(feats)


def horn_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log counter strain and log donning time."""
    return _mse(model, batch)


def shoe_horn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, k: int = 8) -> dict[str, Any]:
    """The factorisation machine on 2048 donning records of 240 wearers, 96 shoe models and 8 horns (none
    included), targets standardised over them; held out: 2048 other records of the same panel in batches of 1024;
    Adagrad."""
    gen = torch.Generator().manual_seed(155104)
    world = _sh_world(gen)
    ids, feats, y = _sh_records(train_size + 2048, gen, world)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], feats[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HornFM(k), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], feats[train_size:], y[train_size:]), 1024),
            "optimizer": ADAGRAD, "loss_fn": horn_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. paperweight and paper flutter: a Post-LN transformer over a sheet's tip trace (AdamW)

PW_SAMPLES, PW_PATCH = 64, 4


def _pw_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A stack of paper on a desk in a fan's breeze, held by a paperweight; a laser sensor records the overhanging
    top sheet's tip height at 50 Hz for 1.28 s. Breeze 0.5-6 m/s (log-uniform), overhang L 4-15 cm, grammage
    60-160 g/m2 (thickness g / 800 kg/m3, bending stiffness B = 4 GPa (g / 80)^0.3 h^3 / 12). The clamped-free
    flag: mass ratio M* = rho_air L / (rho_s h), critical speed U_c = U*_c sqrt(B / (rho_s h)) / L with U*_c = 4 +
    3 / sqrt(M*) (invented); above it a limit cycle of amplitude 0.25 L tanh(1.5 sqrt(U / U_c - 1)) at 0.12 U / L
    Hz (a 30% second harmonic: the sheet's snapping), below it buffeting 0.02 L (U / U_c)^2 (AR(1)); the mean
    tip height from gravity droop q L^4 / 8 B against lift 0.3 rho U^2 / 2 (capped at 0.4 L); 0.3 mm sensor noise.
    The paperweight that holds the stack (sheet-on-sheet friction 0.4): drag of the flapping A4-wide sheet, 0.5
    rho U^2 L 0.21 (0.05 + 1.5 amplitude / L), over 0.4 g, in grams. Returns (trace in cm (n, 64), features
    (overhang, grammage) (n, 2), log speed and log holding mass (n, 2))."""
    u = 0.5 * 12 ** torch.rand(n, generator=gen)
    length = 0.04 + 0.11 * torch.rand(n, generator=gen)
    gsm = 60 + 100 * torch.rand(n, generator=gen)
    ms = gsm / 1000
    h = ms / 800
    bend = 4e9 * (gsm / 80) ** 0.3 * h**3 / 12
    m_star = 1.2 * length / ms
    u_c = (4 + 3 / m_star.sqrt()) * (bend / ms).sqrt() / length
    ratio = u / u_c
    amp = torch.where(ratio > 1, 0.25 * length * torch.tanh(1.5 * torch.relu(ratio - 1).sqrt()), torch.zeros(n))
    freq = 0.12 * u / length
    t = torch.arange(PW_SAMPLES).float().view(1, -1) / 50
    ph = 2 * math.pi * torch.rand(n, 1, generator=gen)
    arg = 2 * math.pi * freq.view(-1, 1) * t + ph
    wave = torch.sin(arg) + 0.3 * torch.sin(2 * arg)
    eps = torch.randn(n, PW_SAMPLES, generator=gen)
    buf = torch.zeros(n, PW_SAMPLES)
    for i in range(PW_SAMPLES):
        buf[:, i] = (0.8 * buf[:, i - 1] if i else 0) + 0.6 * eps[:, i]
    buffet = 0.02 * length * ratio.clamp(max=1.0) ** 2
    droop = ms * 9.81 * length**4 / (8 * bend)
    lift = 0.3 * 0.6 * u**2 * length**4 / (8 * bend)
    mean = torch.maximum(torch.minimum(lift - droop, 0.4 * length), -0.4 * length)
    trace = mean.view(-1, 1) + amp.view(-1, 1) * wave + buffet.view(-1, 1) * buf
    trace = 100 * trace + 0.03 * torch.randn(n, PW_SAMPLES, generator=gen)
    hold = 0.5 * 1.2 * u**2 * length * 0.21 * (0.05 + 1.5 * amp / length) / (0.4 * 9.81) * 1000
    y = torch.stack([torch.log(u), torch.log(hold)], 1)
    feats = torch.stack([(length - 0.095) / 0.032, (gsm - 110) / 29], 1)
    return trace, feats, y


class FlutterTransformer(nn.Module):
    """16 patches of 4 samples, each with the overhang and grammage, embedded to d 32 with a learned position
    embedding; Post-LN ``TransformerEncoderLayer``s (one by default; 4 heads, feed-forward 64, ReLU, no dropout);
    the mean token through a linear head to the two targets."""

    def __init__(self, d: int = 32, layers: int = 1) -> None:
        super().__init__()
        tokens = PW_SAMPLES // PW_PATCH
        self.embed = nn.Linear(PW_PATCH + 2, d)
        self.pos = nn.Parameter(0.02 * torch.randn(1, tokens, d))
        layer = nn.TransformerEncoderLayer(d, 4, 2 * d, dropout=0.0, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d, 2)

    def forward(self, trace: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        patches = trace.view(len(trace), -1, PW_PATCH)
        f = feats.unsqueeze(1).expand(-1, patches.shape[1], -1)
        h = self.embed(torch.cat([patches, f], 2)) + self.pos
        return self.head(self.encoder(h).mean(1))


def flutter_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log breeze speed and log holding mass."""
    return _mse(model, batch)


def paperweight_flutter(batch_size: int = 32, seed: int = 0, train_size: int = 2048, layers: int = 1) -> dict[str, Any]:
    """The flutter transformer on 2048 traces, targets standardised over them; held out: 2048 other traces in
    batches of 1024; AdamW (torch's defaults: betas 0.9 / 0.999, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(155105)
    trace, feats, y = _pw_traces(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (trace[:train_size], feats[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlutterTransformer(layers=layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((trace[train_size:], feats[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": flutter_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. plant mister leaf wetting: an embedding net (Adagrad)

MI_SPECIES, MI_MISTERS, MI_ADDITIVES = 48, 12, 6


def _mi_world(gen: torch.Generator) -> dict[str, torch.Tensor]:
    """The hidden truths: each species' static contact angle (50-165 degrees, waxy leaves high), hairiness and
    retention roughness; each mister's droplet size (40-250 um, volume median), exit speed (4-14 m/s) and dose
    per pull (0.1-0.6 ml); each additive's surface tension (tap, rain, 0.1% soap, organosilicone wetter, leaf shine,
    hard water) and its pull on the contact angle."""
    return {
        "theta": 50 + 115 * torch.rand(MI_SPECIES, generator=gen) ** 0.8,
        "hair": torch.rand(MI_SPECIES, generator=gen) ** 2,
        "rough": 0.6 + 0.8 * torch.rand(MI_SPECIES, generator=gen),
        "drop": 40e-6 * 6.25 ** torch.rand(MI_MISTERS, generator=gen),
        "v0": 4 + 10 * torch.rand(MI_MISTERS, generator=gen),
        "dose": 0.1 + 0.5 * torch.rand(MI_MISTERS, generator=gen),
        "sigma": torch.tensor([0.072, 0.072, 0.035, 0.022, 0.050, 0.072]),
        "wet": torch.tensor([0.0, 0.0, 25.0, 60.0, -10.0, 5.0]),
    }


def _mi_tests(n: int, gen: torch.Generator, world: dict[str, torch.Tensor]) -> tuple[torch.Tensor, ...]:
    """Misting tests on a 50 cm2 leaf: species, mister and additive ids, distance 10-60 cm, 1-10 pulls, leaf angle
    0-80 degrees. Impact speed v = v0 exp(-distance / (0.3 m (d / 100 um)^2)), at least the settling speed; We = rho
    v^2 d / sigma; the contact angle less the additive's pull (more on waxy leaves), at least 10 degrees; rebound
    sigmoid((theta - 135) / 7) (1 - exp(-We / 4)) (1 - 0.7 hair); the share of the cone's spray landing on the leaf
    from the distance; each retained droplet a spherical cap of the contact angle, spread by impact on wettable
    leaves (We^0.25); coverage 1 - exp(-N a / A); the retained volume saturating at the leaf's retention capacity
    (roughness, hair, the contact angle, the leaf's tilt), beyond which the film runs off. Leaf-to-leaf and
    reading scatter: 0.05 on the coverage (image analysis), 15% on the volume (weighing; log(volume + 0.02
    ul/cm2)). Returns (ids (n, 3), features (n, 3), the wetted area fraction and the log retained volume in ul/cm2
    (n, 2))."""
    sp = torch.randint(0, MI_SPECIES, (n,), generator=gen)
    mi = torch.randint(0, MI_MISTERS, (n,), generator=gen)
    ad = torch.randint(0, MI_ADDITIVES, (n,), generator=gen)
    dist = 0.1 + 0.5 * torch.rand(n, generator=gen)
    pulls = torch.randint(1, 11, (n,), generator=gen).float()
    angle = 80 * torch.rand(n, generator=gen)
    d, v0, dose = world["drop"][mi], world["v0"][mi], world["dose"][mi]
    sigma = world["sigma"][ad]
    theta0 = world["theta"][sp]
    theta = (theta0 - world["wet"][ad] * (0.4 + 0.6 * theta0 / 165)).clamp(10, 170)
    hair, rough = world["hair"][sp], world["rough"][sp]
    v = torch.maximum(v0 * torch.exp(-dist / (0.3 * (d / 1e-4) ** 2)), 3e7 * d**2)
    we = 1000 * v**2 * d / sigma
    rebound = torch.sigmoid((theta - 135) / 7) * (1 - torch.exp(-we / 4)) * (1 - 0.7 * hair)
    cos_a = torch.cos(torch.deg2rad(angle))
    landed = (50e-4 / (math.pi * (dist * 0.45) ** 2)).clamp(max=1.0) * cos_a
    vol = math.pi * d**3 / 6
    n_drops = pulls * dose * 1e-6 * landed * (1 - rebound) / vol
    th = torch.deg2rad(theta)
    cap = (3 * vol / math.pi) ** (1 / 3) * torch.sin(th) / (2 - 3 * torch.cos(th) + torch.cos(th) ** 3) ** (1 / 3)
    spot = math.pi * (cap * (1 + 0.3 * we**0.25 * (1 + torch.cos(th)) / 2)) ** 2
    cover = 1 - torch.exp(-n_drops * spot / 50e-4)
    deposit = n_drops * vol * 1e9 / 50  # ul/cm2
    capacity = 1.5 * rough * (1 + hair) * (1 + torch.cos(th)) * cos_a.clamp_min(0.2) ** 0.5
    retained = capacity * (1 - torch.exp(-deposit / capacity))
    y = torch.stack([cover + 0.05 * torch.randn(n, generator=gen),
                     torch.log(retained + 0.02) + 0.15 * torch.randn(n, generator=gen)], 1)
    feats = torch.stack([(dist - 0.35) / 0.144, (pulls - 5.5) / 2.9, (angle - 40) / 23], 1)
    return torch.stack([sp, mi, ad], 1), feats, y


class MistNet(nn.Module):
    """Embeddings of the species (8), the mister (4) and the additive (4) with the three features, a linear layer
    to ``hidden``, a LayerNorm-ReLU residual block and a linear head to the two targets."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.species = nn.Embedding(MI_SPECIES, 8)
        self.mister = nn.Embedding(MI_MISTERS, 4)
        self.additive = nn.Embedding(MI_ADDITIVES, 4)
        self.inp = nn.Linear(8 + 4 + 4 + 3, hidden)
        self.block = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, hidden), nn.ReLU(),
                                   nn.Linear(hidden, hidden))
        self.out = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 2))

    def forward(self, ids: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([self.species(ids[:, 0]), self.mister(ids[:, 1]), self.additive(ids[:, 2]), feats], 1))
        h = h + self.block(h)
        return self.out(h)


def mist_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised wetted fraction and log retained volume."""
    return _mse(model, batch)


def mister_wetting(batch_size: int = 128, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The mist net on 1024 tests of 48 species, 12 misters and 6 additives (batches of 128 in the short plan, 64
    in the long one on 8192 tests), targets standardised over them; held out: 2048 other tests in batches of 1024;
    Adagrad."""
    gen = torch.Generator().manual_seed(155106)
    world = _mi_world(gen)
    ids, feats, y = _mi_tests(train_size + 2048, gen, world)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], feats[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MistNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], feats[train_size:], y[train_size:]), 1024),
            "optimizer": ADAGRAD, "loss_fn": mist_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("hinge_squeak_momentum", hinge_squeak, 300, "door_hinge_squeak_stick_slip_spectrogram_cnn2d",
      "sgd_momentum0.9_wd5e-4", "finite", 32, seconds=0.7, start_lr=0.025),
    W("paperweight_flutter_adamw", paperweight_flutter, 300, "paperweight_sheet_flag_flutter_postln_transformer",
      "adamw", "finite", 32, seconds=1.2, start_lr=0.004),
    W("mister_wetting_adagrad", mister_wetting, 300, "plant_mister_leaf_wetting_retention_embedding_net", "adagrad",
      "finite", 128, seconds=0.6, start_lr=0.2),
    W("shoe_horn_fm_adagrad", shoe_horn, 300, "shoe_horn_heel_counter_strain_factorisation_machine", "adagrad",
      "finite", 32, seconds=0.3, start_lr=0.2),
)
LONG = (
    W("jelly_unmould_adagrad@long", jelly_unmould, 3000, "jelly_mould_unmoulding_recipe_embeddingbag_net", "adagrad",
      "finite", 32, seconds=3.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("crepe_rake_adagrad@long", crepe_rake, 3000, "crepe_griddle_rake_set_layer_drag_out_greybox", "adagrad",
      "finite", 32, seconds=2.5, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("mister_wetting_adagrad@long", mister_wetting, 3000, "plant_mister_leaf_wetting_retention_embedding_net",
      "adagrad", "finite", 64, dict(train_size=8192, hidden=32), seconds=3.5, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="mister_wetting_adagrad"),
    W("shoe_horn_fm_adagrad@long", shoe_horn, 3000, "shoe_horn_heel_counter_strain_factorisation_machine", "adagrad",
      "finite", 32, dict(train_size=8192), seconds=3.5, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="shoe_horn_fm_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam155_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-fifth exam's workloads")
