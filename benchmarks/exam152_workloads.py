"""The hundred-and-fifty-second exam: six more workload families that neither the suite nor exams 1-150 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam150_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from gravy separators and fat layering, decanters and wine aeration, soda
siphons and carbonation, ice buckets and melting, cocktail shakers and dilution, and hand fans and cooling (exam 151
was built at the same time from other domains; its module was not opened). What was checked to make them new, and
what was tried and dropped, is in ``benchmarks/results/exam152/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- gravy separator fat layering: a 1-D CNN over the pan juices' fat-droplet size distribution (16 log-spaced
  bins, laser diffraction) with the fat fraction, temperature, flour, waiting time, fill height and pour rate as
  constant channels, to the fat content of the 8 successive portions poured from the separator's bottom spout;
  drops rise by Stokes' law hindered by Richardson-Zaki, the gravy's viscosity from the water's Arrhenius law and
  the flour, a portion keeps the drop classes that have not cleared its height by the time it leaves, and the last
  portions draw fat down through the spout below a critical submergence; MSE of the standardised log fat
  contents; Adam (torch's defaults), and Adagrad on a larger pool for the long plan
- cocktail shaker dilution and chilling: a one-layer Pre-LN transformer over a recipe's tokens (2-5 ingredients:
  spirit, liqueur, vermouth, syrup, citrus, bitters, egg white, with volume, ABV, sugar and temperature; the ice:
  type, mass, temperature, surface water; the shaker: tin-on-tin, Boston or cobbler, shake time, room temperature)
  to the drink's final temperature, its dilution and its foam (both logged); an energy balance (the liquid's and the
  tin's sensible heat and the ice's warming against the ice's latent heat) approached exponentially at a rate set by
  the ice's surface area, towards the freezing point of the diluted drink; MSE of the standardised outputs; AdamW
  (torch's defaults: weight decay 0.01)
- hand fan cooling: a 2-D CNN over the fan's leaf (a 16 x 16 mask seen flat with the wrist at the bottom: folding
  fans, round paddle fans, cards) and its stiffness map, with the fan's scale, the stroke frequency, swing, distance
  to the face, air temperature, humidity and skin wetness as constant channels, to the air speed at the face, the
  face's extra cooling (convective h_c = 8.3 v^0.6 and evaporative by the Lewis relation) and the net heat benefit
  after the metabolic cost of fanning; the jet from the leaf's mean speed with a flexible leaf losing thrust above
  its natural frequency and the jet decaying with distance over the leaf's size; MSE of the standardised outputs;
  SGD with Nesterov momentum 0.9 and weight decay 5e-4
- soda siphon carbonation: an LSTM over a siphon's history (10 steps, each a dispensed volume, a shake and a rest,
  with the siphon's size, fill and temperature) to the gauge pressure and the dissolved CO2 after each step; one or
  two 8 g CO2 chargers, Henry's law with a van 't Hoff temperature dependence, headspace gas by the ideal gas law,
  first-order gas-liquid transfer fast while shaking and slow at rest, the headspace expanding as water leaves,
  a slow leak at the head; MSE of the standardised outputs; Adagrad (torch's defaults)
- decanter aeration (a long plan only): a grey-box model: a small MLP maps the decanting (surface diameter, fill,
  pour height, shower funnel, swirl rate and duration, room air speed, temperature, tannin, initial dissolved
  oxygen) to the liquid-side k_L a (still and swirling), the gas-side k_G a, the pour's stripping and the oxygen
  consumption rate; the physics layer then gives the loss of H2S, methanethiol, ethyl acetate and isoamyl acetate
  by two-film theory with their Henry's constants (van 't Hoff in temperature) and the dissolved oxygen's
  approach to saturation less consumption, at 5 times over two hours; MSE of the log ratios and the scaled
  oxygen; Adagrad (torch's defaults)
- ice bucket melting (a long plan only): an embedding net (embeddings of the bucket, the ice form and the bottle,
  with the room temperature and humidity, the bottle's start temperature, the ice mass, the immersion, the salt and
  a lid) to the bottle's temperature at 5, 10, 20 and 30 minutes and the ice left after 1, 2 and 3 hours; lumped
  Newton cooling of the bottle (inside convection, the wall, the bath's contact coefficient) to a bath at 0 C or
  at the brine's freezing point (Blagden's law), the dry top exchanging with the room, the ice melting under the
  bucket's heat leak (condensation on cold single walls), the bottle's heat and a lid; MSE of the standardised
  outputs; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the decanter and ice
bucket nets (no short plans), the soda siphon's LSTM on 8192 histories instead of 1024 (hidden 16 instead of 32,
batch 16 instead of 32) and the gravy separator's CNN on 8192 pours instead of 4096 (8 channels instead of 32, batch
32 instead of 128) with Adagrad.

Of the eight plans, five use Adagrad (all four long plans and the soda siphon's short plan), one Adam (gravy
separator), one AdamW (cocktail shaker) and one SGD with Nesterov momentum (hand fan).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam152_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam152/README.md).

    python benchmarks/exam152_workloads.py          # the table
    python benchmarks/exam152_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 152"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


def _u(n: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


def _std(v: torch.Tensor, lo: float, hi: float) -> torch.Tensor:
    """A uniform(lo, hi) input scaled to mean 0, sd 1."""
    return (v - 0.5 * (lo + hi)) / ((hi - lo) / math.sqrt(12))


# --------------------------------------------------------------------------------------------------------------
# 1. gravy separator fat layering (Adam; Adagrad for the long plan)

GS_BINS = 16
GS_PORTIONS = 8


def _gs_pours(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pan juices poured into a gravy separator (a jug with its spout at the bottom), left to stand, then poured off
    in 8 equal portions of the aqueous layer. The fat's droplet sizes (laser diffraction, 16 log-spaced bins from 5
    to 600 um, volume fractions): a main population (median 25-250 um, log-sd 0.35-0.8) and a fine emulsified one
    (median 6-14 um) that flour raises. Fat 5-30% by volume; temperature 50-90 C; flour 0-3%; standing time 30-600 s
    (log-uniform); fill height 8-14 cm in a jug of 95 cm2; pour rate 10-40 mL/s. Drops rise at Stokes' velocity 2
    drho g r^2 / (9 mu) (drho 95 kg/m3) times the Richardson-Zaki factor (1 - phi)^4.65; mu is water's (Arrhenius,
    0.41 mPa s at 70 C) times exp(1.4 flour%). The portion leaving from original height z (plug flow, at time t + z
    A / Q) keeps a drop class unless z < v t_exit (smoothed over 5% of z). The last portions draw fat down from the
    layer above when the aqueous height left falls near the critical submergence 1.5 (Q^2 / g)^(1/5). 4% lognormal
    scatter on the measured fat contents. Returns (size distributions (n, 16), conditions (n, 6), log fat % of the 8
    portions (n, 8))."""
    ln_d = torch.linspace(math.log(5.0), math.log(600.0), GS_BINS)
    fat = _u(n, 0.05, 0.30, gen)
    temp = _u(n, 50, 90, gen)
    flour = 3 * torch.rand(n, generator=gen) ** 1.5
    wait = 30 * 20 ** torch.rand(n, generator=gen)
    height = _u(n, 0.08, 0.14, gen)
    q = _u(n, 10, 40, gen) * 1e-6
    med = math.log(25) + math.log(10) * torch.rand(n, generator=gen)
    sd = _u(n, 0.35, 0.8, gen)
    fine_med = math.log(6) + math.log(14 / 6) * torch.rand(n, generator=gen)
    fine_w = 0.02 + 0.08 * flour + 0.03 * torch.rand(n, generator=gen)
    main = torch.exp(-0.5 * ((ln_d - med.view(-1, 1)) / sd.view(-1, 1)) ** 2)
    fine = torch.exp(-0.5 * ((ln_d - fine_med.view(-1, 1)) / 0.3) ** 2)
    hist = ((1 - fine_w).view(-1, 1) * main / main.sum(1, keepdim=True)
            + fine_w.view(-1, 1) * fine / fine.sum(1, keepdim=True))
    hist = hist * torch.exp(0.05 * torch.randn(n, GS_BINS, generator=gen))
    hist = hist / hist.sum(1, keepdim=True)
    mu = 1e-3 * torch.exp(1800 * (1 / (temp + 273.15) - 1 / 293.15)) * torch.exp(1.4 * flour)
    r = torch.exp(ln_d).view(1, -1) * 0.5e-6
    v = 2 * 95 * 9.81 * r**2 / (9 * mu.view(-1, 1)) * (1 - fat.view(-1, 1)) ** 4.65  # (n, bins) m/s
    area = 95e-4
    h_aq = (1 - fat) * height
    k = (torch.arange(GS_PORTIONS).float() + 0.5) / GS_PORTIONS
    z = h_aq.view(-1, 1) * k.view(1, -1)  # (n, portions)
    t_exit = wait.view(-1, 1) + z * area / q.view(-1, 1)
    clear = z.unsqueeze(2) - v.unsqueeze(1) * t_exit.unsqueeze(2)  # (n, portions, bins)
    kept = torch.sigmoid(clear / (0.05 * z.unsqueeze(2) + 1e-4))
    susp = fat.view(-1, 1) * (kept * hist.unsqueeze(1)).sum(2)
    h_c = 1.5 * (q**2 / 9.81) ** 0.2
    drawn = 0.5 * torch.exp(-(h_aq.view(-1, 1) - z) / h_c.view(-1, 1))
    pct = 100 * (susp + drawn * 0.9 * (1 - susp))
    pct = pct * torch.exp(0.04 * torch.randn(pct.shape, generator=gen))
    cond = torch.stack([_std(fat, 0.05, 0.30), _std(temp, 50, 90), flour - 1.2, (torch.log(wait) - 4.9) / 0.86,
                        _std(height, 0.08, 0.14), _std(q * 1e6, 10, 40)], 1)
    return hist * GS_BINS, cond, torch.log(pct + 0.3)


class SeparatorCNN(nn.Module):
    """A 1-D CNN over the droplet-size bins: the distribution and the six conditions as constant channels, two
    3-wide GELU convolutions, flattened into a linear head for the 8 portions."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(7, width, 3, padding=1), nn.GELU(), nn.Conv1d(width, width, 3, padding=1),
                                  nn.GELU())
        self.head = nn.Linear(width * GS_BINS, GS_PORTIONS)

    def forward(self, hist: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        x = torch.cat([hist.unsqueeze(1), cond.unsqueeze(2).expand(-1, -1, GS_BINS)], 1)
        return self.head(self.conv(x).flatten(1))


def gravy_separator(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32,
                    optimizer: str = "adam") -> dict[str, Any]:
    """The separator CNN on 4096 pours, targets standardised over them; held out: 2048 other pours in batches of
    1024; Adam (torch's defaults), or Adagrad (torch's defaults) for the long plan."""
    gen = torch.Generator().manual_seed(152101)
    h, c, y = _gs_pours(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (h[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam") if optimizer == "adam" else
           _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"))
    return {"model": SeparatorCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((h[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. cocktail shaker dilution and chilling (AdamW)

CS_MAX_ING = 5
# ingredient kinds: spirit, liqueur, vermouth, syrup, citrus, bitters, egg white (token ids 0-6); ice kinds:
# 1-inch cubes, 2-inch cubes, cracked, crushed (7-10); shakers: tin-on-tin, Boston (tin and glass), cobbler (11-13)
CS_VOCAB = 14
CS_TOKENS = CS_MAX_ING + 2


def _cs_drinks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Shaken cocktails. 2-5 ingredients: spirit (40-50% ABV), liqueur (20-40% ABV, 20-35 g sugar / 100 mL),
    vermouth (15-20% ABV, 3-15 g), syrup (50-67 g), citrus juice (2 g sugar, acid), bitters (45% ABV, 1-4 mL), egg
    white; 15-60 mL each (bitters apart), at room temperature, from the fridge (4 C; juices mostly) or the freezer
    (-18 C; spirits sometimes). The ice: 1-inch or 2-inch cubes, cracked or crushed, 150-450 g at -20 to 0 C, dry or
    wet (0-6% of its mass as surface water). The shaker: tin-on-tin (130 J/K of steel, fully chilled), Boston (a tin
    and a pint glass, 400 J/K, the glass half chilled) or cobbler (175 J/K), shaken 3-25 s in a 18-30 C room. Energy
    balance: the ice melted M = (m c_L (T0 - T) + C_tin (T_room - T) + 2 W t - m_warm c_ice (-T_ice)) / (334 + 4.18
    T), the warmed share of the ice 0.25 (1 - exp(-t / 12 s)) (its surface factor / 2, at most 1); the drink
    approaches its freezing point (-0.40 ABV% - 0.002 ABV%^2 - 0.06 Brix, plus 1.5 C it never closes) as exp(-t /
    tau), tau = 7 s over the ice's surface factor (1, 0.55, 1.8, 3.2 for the four ice kinds, times (mass / 300
    g)^(2/3)); solved by fixed-point iteration. Foam: up to 4% air, plus 3% with citrus and 22% with egg white, (1 -
    exp(-t / 8 s)), more with small ice. Scatter: 1 C (a probe read in the strained drink), 6% of the dilution
    (weighed), 15% of the foam (read on a cylinder). Returns (token ids (n, 7), token features (n, 7, 5), pad mask
    (n, 7), outputs (n, 3): final temperature (C), log(1 + dilution in % of the drink's volume), log foam (%)."""
    n_ing = torch.randint(2, CS_MAX_ING + 1, (n,), generator=gen)
    kind = torch.randint(0, 7, (n, CS_MAX_ING), generator=gen)
    kind[:, 0] = 0  # every drink has a base spirit
    slot = torch.arange(CS_MAX_ING).view(1, -1)
    present = slot < n_ing.view(-1, 1)
    rand = lambda: torch.rand(n, CS_MAX_ING, generator=gen)  # noqa: E731
    abv_lo = torch.tensor([40.0, 20, 15, 0, 0, 45, 0])[kind]
    abv_hi = torch.tensor([50.0, 40, 20, 0, 0, 45, 0])[kind]
    sug_lo = torch.tensor([0.0, 20, 3, 50, 2, 0, 0])[kind]
    sug_hi = torch.tensor([0.0, 35, 15, 67, 2, 0, 0])[kind]
    abv = abv_lo + (abv_hi - abv_lo) * rand()
    sugar = sug_lo + (sug_hi - sug_lo) * rand()
    vol = 15 + 45 * rand()
    vol = torch.where(kind == 5, 1 + 3 * rand(), vol)
    vol = torch.where(kind == 6, 25 + 10 * rand(), vol)
    vol = torch.where(kind == 0, 30 + 30 * rand(), vol)
    place = rand()
    fridge = torch.where(kind == 4, place < 0.7, place < 0.25)
    freezer = (kind == 0) & (place > 0.85)
    t_room = _u(n, 18, 30, gen)
    t_ing = torch.where(freezer, torch.full_like(vol, -18.0), torch.where(fridge, torch.full_like(vol, 4.0),
                                                                          t_room.view(-1, 1).expand(-1, CS_MAX_ING)))
    pf = present.float()
    vol, abv, sugar = vol * pf, abv * pf, sugar * pf
    ice_kind = torch.randint(0, 4, (n,), generator=gen)
    ice_mass = _u(n, 150, 450, gen)
    t_ice = -20 * torch.rand(n, generator=gen) ** 1.5
    wet = torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.5).float()
    shaker = torch.randint(0, 3, (n,), generator=gen)
    t_shake = _u(n, 3, 25, gen)
    c_tin = torch.tensor([130.0, 400 * 0.6, 175])[shaker]

    v_tot = vol.sum(1)
    eth = (vol * abv / 100).sum(1)
    sug_g = (vol * sugar / 100).sum(1)
    mass = (vol * (1 - 0.0021 * abv + 0.0038 * sugar)).sum(1)
    c_l = 4.18 - 1.6 * eth / v_tot - 1.5 * sug_g / mass
    t0 = (vol * t_ing).sum(1) / v_tot
    surface_water = wet * 0.06 * ice_mass
    surf = torch.tensor([1.0, 0.55, 1.8, 3.2])[ice_kind] * (ice_mass / 300) ** (2 / 3)
    tau = 7.0 / surf
    approach = 1 - torch.exp(-t_shake / tau)
    warm = 0.25 * ice_mass * (1 - torch.exp(-t_shake / 12)) * surf.clamp(max=2) / 2
    melt = torch.zeros(n)
    temp = t0
    for _ in range(12):
        water = v_tot + melt + surface_water
        abv_f = 100 * eth / water
        brix = 100 * sug_g / (mass + melt + surface_water)
        t_fp = -0.40 * abv_f - 0.002 * abv_f**2 - 0.06 * brix + 1.5
        temp = t_fp + (t0 - t_fp) * (1 - approach)
        heat = mass * c_l * (t0 - temp) + c_tin * (t_room - temp) * approach + 2.0 * t_shake - warm * 2.1 * (-t_ice)
        melt = 0.5 * melt + 0.5 * (heat / (334 + 4.18 * temp)).clamp_min(0)
    dilution = 100 * (melt + surface_water) / v_tot
    egg = ((kind == 6) & present).any(1).float()
    citrus = ((kind == 4) & present).any(1).float()
    small = torch.tensor([1.0, 0.7, 1.2, 1.3])[ice_kind]
    foam = (4 + 3 * citrus + 22 * egg) * small * (1 - torch.exp(-t_shake / 8))
    y = torch.stack([temp + 1.0 * torch.randn(n, generator=gen),
                     torch.log1p(dilution * torch.exp(0.06 * torch.randn(n, generator=gen))),
                     torch.log(foam * torch.exp(0.15 * torch.randn(n, generator=gen)))], 1)
    ids = torch.cat([kind, (7 + ice_kind).view(-1, 1), (11 + shaker).view(-1, 1)], 1)
    ing_f = torch.stack([vol / 30, abv / 25, sugar / 30, t_ing / 15 * pf, torch.zeros_like(vol)], 2)
    ice_f = torch.stack([(ice_mass - 300) / 87, t_ice / 8 + 1, wet * 2 - 0.5, torch.zeros(n), torch.zeros(n)], 1)
    sh_f = torch.stack([_std(t_shake, 3, 25), _std(t_room, 18, 30), torch.zeros(n), torch.zeros(n), torch.zeros(n)], 1)
    feats = torch.cat([ing_f, ice_f.unsqueeze(1), sh_f.unsqueeze(1)], 1)
    pad = torch.cat([~present, torch.zeros(n, 2, dtype=torch.bool)], 1)
    ids = torch.where(pad, torch.zeros_like(ids), ids)
    return ids, feats, pad, y


class ShakerTransformer(nn.Module):
    """A Pre-LN transformer over the recipe's tokens (a token-kind embedding plus a linear map of its 5 numbers),
    padded ingredients masked; a final LayerNorm, a masked mean pool and a linear head."""

    def __init__(self, d: int = 32, layers: int = 1, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Embedding(CS_VOCAB, d)
        self.feat = nn.Linear(5, d)
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, activation="gelu", batch_first=True,
                                           norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 3)

    def forward(self, ids: torch.Tensor, feats: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        h = self.norm(self.encoder(self.embed(ids) + self.feat(feats), src_key_padding_mask=pad))
        keep = (~pad).float().unsqueeze(2)
        return self.head((h * keep).sum(1) / keep.sum(1))


def cocktail_shaker(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d: int = 32) -> dict[str, Any]:
    """The shaker transformer on 4096 shaken drinks, targets standardised over them; held out: 2048 other drinks in
    batches of 1024; AdamW (torch's defaults: betas 0.9 / 0.999, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(152102)
    ids, feats, pad, y = _cs_drinks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], feats[:train_size], pad[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShakerTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], feats[train_size:], pad[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hand fan cooling (SGD with Nesterov momentum)

HF_SIZE = 16


def _hf_fans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hand fans seen flat on a 16 x 16 grid with the wrist (the pivot) at the bottom centre, 1.3-2.0 cm a pixel:
    folding fans (a sector of radius 0.6-1.0 of the grid, its bare sticks out to 0.25-0.4, opening 100-180
    degrees; a rib every 12 degrees), round paddle fans (a disc of radius 0.25-0.4 centred 0.5-0.7 up, on a
    handle) and cards (a rectangle 0.4-0.9 wide, 0.5-0.9 high, on a handle). Channel 2 is the leaf's stiffness (ribs
    1, paper 0.25-0.4; paddles 0.5-1; cards 0.15-0.45). The stroke: 1-4 Hz, swing half-angle 20-80 degrees; the face
    0.2-0.4 m away; air 22-36 C, relative humidity 20-80%, skin wetness 0.06-0.5. The leaf's mean speed U = 4 f theta
    r_c (r_c its area centroid's radius); a flexible leaf loses thrust as 1 / (1 + (f / f_n)^2), f_n = 7 Hz
    sqrt(mean stiffness) (0.2 m / the leaf's reach)^1.5; the jet 0.55 U sqrt(that) at the fan, decaying as 1.2
    sqrt(A) / x beyond the leaf's size. The face (0.08 m2, skin 33.5 + 0.1 (T_a - 30) C) gains (h_c(v) - h_c(0.1))
    (T_sk - T_a) + w 16.5 (h_c(v) - h_c(0.1)) (p_sk - RH p_a), h_c = max(3.1, 8.3 v^0.6) W/m2K, saturation pressures
    by the Magnus formula; the fanning's metabolic cost: the aerodynamic power 0.5 rho 1.2 A U^3 over a muscle
    efficiency of 0.2 plus 1.2 W per Hz per radian of swing for the arm. Scatter: 8% of the speed (a hot-wire
    anemometer in a pulsing jet), 0.4 W (heat-flux sensors on a manikin's face). Returns (images (n, 9, 16, 16): the
    mask, the stiffness and seven constant condition channels (the scale, frequency, swing, distance, air
    temperature, humidity, skin wetness); outputs (n, 3): the air speed at the face (m/s), the face's extra cooling
    (W), the net benefit (W))."""
    g = HF_SIZE
    yy, xx = torch.meshgrid(torch.arange(g).float(), torch.arange(g).float(), indexing="ij")
    px = ((xx + 0.5) - g / 2) / g  # -0.5..0.5
    py = (g - (yy + 0.5)) / g  # 0 at the wrist .. 1 at the top
    rad = (px**2 + py**2).sqrt()
    ang = torch.atan2(px, py)  # 0 straight up
    kind = torch.randint(0, 3, (n,), generator=gen)
    a1, a2, a3, a4 = (torch.rand(n, 1, 1, generator=gen) for _ in range(4))
    # folding fan
    r_out = 0.6 + 0.4 * a1
    r_in = 0.25 + 0.15 * a2
    half = torch.deg2rad(50 + 40 * a3)
    fold = ((rad <= r_out) & (rad >= r_in) & (ang.abs() <= half)).float()
    rib = (torch.remainder(torch.rad2deg(ang) + 90, 12) < 2.5).float()
    fold_k = torch.maximum(rib, 0.25 + 0.15 * a4)
    # round paddle fan on a handle
    pr = 0.25 + 0.15 * a1
    pcy = 0.5 + 0.2 * a2
    paddle = ((((px**2 + (py - pcy) ** 2).sqrt() <= pr)) | ((px.abs() < 0.05) & (py < pcy))).float()
    paddle_k = 0.5 + 0.5 * a3
    # card on a handle
    cw = 0.2 + 0.25 * a1
    ch = 0.5 + 0.4 * a2
    card = (((px.abs() <= cw) & (py >= 1 - ch - 0.05) & (py <= 0.95)) | ((px.abs() < 0.05) & (py < 0.95))).float()
    card_k = 0.15 + 0.3 * a3
    k3 = kind.view(-1, 1, 1)
    mask = torch.where(k3 == 0, fold, torch.where(k3 == 1, paddle, card))
    stiff = torch.where(k3 == 0, fold_k, torch.where(k3 == 1, paddle_k, card_k)).expand(-1, g, g) * mask
    pix = (1.3 + 0.7 * torch.rand(n, generator=gen)) / 100  # m a pixel
    freq = _u(n, 1, 4, gen)
    theta = torch.deg2rad(_u(n, 20, 80, gen))
    dist = _u(n, 0.2, 0.4, gen)
    t_a = _u(n, 22, 36, gen)
    rh = _u(n, 0.2, 0.8, gen)
    wet = _u(n, 0.06, 0.5, gen)
    cells = mask.sum((1, 2))
    area = cells * pix**2
    r_c = (mask * rad).sum((1, 2)) / cells * g * pix
    reach = (mask * rad).amax((1, 2)) * g * pix
    k_mean = stiff.sum((1, 2)) / cells
    f_n = 7 * k_mean.sqrt() * (0.2 / reach) ** 1.5
    thrust = 1 / (1 + (freq / f_n) ** 2)
    speed = 4 * freq * theta * r_c
    v0 = 0.55 * speed * thrust.sqrt()
    v = (0.1**2 + (v0 * (1.2 * area.sqrt() / dist).clamp(max=1)) ** 2).sqrt()

    def h_c(u: torch.Tensor) -> torch.Tensor:
        return torch.clamp(8.3 * u**0.6, min=3.1)

    def p_sat(t: torch.Tensor) -> torch.Tensor:
        return 0.6105 * torch.exp(17.27 * t / (t + 237.3))

    t_sk = 33.5 + 0.1 * (t_a - 30)
    dh = h_c(v) - h_c(torch.full_like(v, 0.1))
    cool = 0.08 * dh * ((t_sk - t_a) + wet * 16.5 * (p_sat(t_sk) - rh * p_sat(t_a)))
    metab = 0.5 * 1.2 * 1.2 * area * speed**3 / 0.2 + 1.2 * freq * theta
    y = torch.stack([v * torch.exp(0.08 * torch.randn(n, generator=gen)),
                     cool + 0.4 * torch.randn(n, generator=gen),
                     cool - metab + 0.4 * torch.randn(n, generator=gen)], 1)
    cond = torch.stack([_std(pix * 100, 1.3, 2.0), _std(freq, 1, 4), _std(torch.rad2deg(theta), 20, 80),
                        _std(dist, 0.2, 0.4), _std(t_a, 22, 36), _std(rh, 0.2, 0.8)], 1)
    cond = torch.cat([cond, _std(wet, 0.06, 0.5).view(-1, 1)], 1)
    img = torch.cat([mask.unsqueeze(1), stiff.unsqueeze(1), cond.view(n, -1, 1, 1).expand(-1, -1, g, g)], 1)
    return img, y


class FanCNN(nn.Module):
    """A small 2-D CNN: two 3x3 ReLU convolutions with 2x2 max-pooling, then a ReLU linear layer and the head."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(9, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(2 * width * 16, 32), nn.ReLU(), nn.Linear(32, 3))

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        return self.net(img)


def hand_fan(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The fan CNN on 2048 fanning tests, targets standardised over them; held out: 2048 other tests in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (the usual CNN recipe)."""
    gen = torch.Generator().manual_seed(152103)
    x, y = _hf_fans(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FanCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. soda siphon carbonation (Adagrad)

SS_STEPS = 10


def _ss_histories(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Soda siphons (1 L with one 8 g CO2 charger or 2 L with two; 92-100% of the gas gets in), filled 50-80% of its
    1.1 or 2.2 L with water at 3-22 C, then 10 steps, each: a dispense (none half the time, else 50-200 mL, never
    below 20% of the fill), a shake (none 60% of the time, else 3-30 s) and a rest (0.5-30 min, log-uniform); the
    gauge read at the end. Henry's law C* = K_H P with K_H = 1.45 g/L/atm exp(2400 (1/T - 1/298.15)); the
    headspace's CO2 by the ideal gas law; transfer dm/dt = k (K_H V_w P - m) at k = 0.12 /s (times the bottle's
    size^-1/3) while shaking and 4e-4 /s at rest, solved exactly (the headspace and the water exchange towards their
    joint equilibrium); a dispense takes water with its CO2 and expands the headspace; the head leaks 2e-6 of its
    gas a second. Scatter: 0.05 bar on the gauge, 0.1 g/L on the dissolved CO2. Returns (inputs (n, 10, 6):
    dispensed volume, shake seconds, log rest, size, fill, temperature; outputs (n, 10, 2): gauge pressure (bar) and
    dissolved CO2 (g/L))."""
    size = torch.randint(1, 3, (n,), generator=gen).float()
    fill = _u(n, 0.50, 0.80, gen)
    temp = _u(n, 3, 22, gen)
    t_k = temp + 273.15
    k_h = 1.45 * torch.exp(2400 * (1 / t_k - 1 / 298.15))
    v_w = fill * size  # L
    v_h = 1.1 * size - v_w
    gas = 8.0 * size * _u(n, 0.92, 1.0, gen)  # g in the headspace
    dis = torch.zeros(n)  # g dissolved
    k_shake = 0.12 * size ** (-1 / 3)
    xs, ys = [], []
    for _ in range(SS_STEPS):
        want = torch.where(torch.rand(n, generator=gen) < 0.5, torch.zeros(n), _u(n, 50, 200, gen))
        take = torch.minimum(want / 1000, (v_w - 0.2 * fill * size).clamp_min(0))
        dis = dis * (1 - take / v_w)
        v_w = v_w - take
        v_h = v_h + take
        shake = torch.where(torch.rand(n, generator=gen) < 0.6, torch.zeros(n), _u(n, 3, 30, gen))
        rest = 0.5 * 60 ** torch.rand(n, generator=gen)  # minutes
        alpha = v_h / 1000 * 101325 * 44.01 / (8.314 * t_k)  # g of headspace CO2 per atm
        beta = k_h * v_w  # g dissolved per atm at equilibrium
        for k, secs in ((k_shake, shake), (4e-4, rest * 60)):
            total = gas + dis
            eq = beta / (alpha + beta) * total
            dis = eq + (dis - eq) * torch.exp(-k * (1 + beta / alpha) * secs)
            gas = total - dis
        gas = gas * torch.exp(-2e-6 * (shake + rest * 60))
        p = gas / alpha  # atm absolute
        xs.append(torch.stack([take * 10 - 0.6, _std(shake, 0, 30), torch.log(rest) - 1.7, size - 1.5,
                               _std(fill, 0.5, 0.8), _std(temp, 3, 22)], 1))
        ys.append(torch.stack([(p - 1) * 1.01325 + 0.05 * torch.randn(n, generator=gen),
                               dis / v_w + 0.1 * torch.randn(n, generator=gen)], 1))
    return torch.stack(xs, 1), torch.stack(ys, 1)


class SiphonLSTM(nn.Module):
    """A one-layer LSTM over the siphon's steps with a linear read-out of the gauge and the CO2 at each step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(6, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.lstm(x)[0])


def soda_siphon(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The siphon LSTM on 1024 histories, targets standardised over them; held out: 2048 other histories in
    batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(152104)
    x, y = _ss_histories(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SiphonLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. decanter aeration, a grey-box model (Adagrad; long only)

DC_TIMES = (5.0, 15.0, 30.0, 60.0, 120.0)  # minutes
# H2S, methanethiol, ethyl acetate, isoamyl acetate: dimensionless Henry's constants at 20 C and van 't Hoff slopes
DC_HENRY = (0.40, 0.10, 0.0070, 0.024)
DC_VHOFF = (2100.0, 3000.0, 4500.0, 5000.0)


_DC_T = torch.tensor(DC_TIMES) * 60
_DC_H = torch.tensor(DC_HENRY).view(1, -1)
_DC_B = torch.tensor(DC_VHOFF).view(1, -1)


def _dc_henry(temp_c: torch.Tensor) -> torch.Tensor:
    """The four volatiles' dimensionless Henry's constants at ``temp_c`` (n, 4)."""
    return _DC_H * torch.exp(-_DC_B * (1 / (temp_c.view(-1, 1) + 273.15) - 1 / 293.15))


def _do_sat(temp_c: torch.Tensor) -> torch.Tensor:
    """Oxygen saturation of wine in air (mg/L), falling with temperature (a fit of water's, less 10%)."""
    return 0.9 * (14.6 - 0.39 * temp_c + 0.0068 * temp_c**2)


def _dc_pours(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Decanting: the wine's surface diameter in the decanter 6-25 cm, 0.375-1.5 L, poured gently down the wall or
    from 5-25 cm (a shower funnel a quarter of the time), swirled at 0-2 Hz for 0-10 minutes then left, room air at
    0.05-0.5 m/s, 14-22 C, tannin 0-1 (white to tannic red), dissolved oxygen at the start 0.2-2 mg/L. Two films:
    the loss rate of a volatile K a = a / (1 / k_L + 1 / (H k_G)), a = surface / volume; k_L = 5e-6 m/s (water's
    viscosity ratio at the temperature) while still, plus 3e-5 f^0.8 while swirling; k_G = 3e-3 (u / 0.1)^0.5, 1.5x
    while swirling. The pour strips 1 - exp(-pi_p H / (H + 0.02)), pi_p = (0.15 + h / 12 cm)(1 + 3 funnel), and
    brings the oxygen (1 - exp(-0.6 pi_p)) of the way to saturation. Oxygen: dC/dt = k_L a (C_s - C) - k_ox C, k_ox
    = (0.2 + 2 tannin) 1e-5 /s. Scatter: 0.06 on the log ratios (GC-MS of thiols and esters), 0.15 mg/L on the
    oxygen. Returns (inputs (n, 10), the known quantities (n, 7; ``_dc_known``), targets (n, 25): the log remaining
    fraction of H2S, methanethiol, ethyl acetate and isoamyl acetate at the 5 times, then the dissolved oxygen
    (mg/L) / 3 at the 5 times)."""
    dia = _u(n, 0.06, 0.25, gen)
    vol = _u(n, 0.375, 1.5, gen) / 1000
    pour_h = torch.where(torch.rand(n, generator=gen) < 0.3, torch.zeros(n), _u(n, 5, 25, gen))
    funnel = (torch.rand(n, generator=gen) < 0.25).float()
    swirl_f = _u(n, 0.0, 2.0, gen)
    swirl_t = 10 * torch.rand(n, generator=gen) ** 1.5
    air = 0.05 * 10 ** torch.rand(n, generator=gen)
    temp = _u(n, 14, 22, gen)
    tannin = torch.rand(n, generator=gen)
    do0 = _u(n, 0.2, 2.0, gen)
    a = math.pi * dia**2 / 4 / vol
    visc = torch.exp(1800 * (1 / (temp + 273.15) - 1 / 293.15))
    kl_still = 5e-6 / visc
    kl_swirl = kl_still + 3e-5 * swirl_f**0.8
    kg = 3e-3 * (air / 0.1) ** 0.5
    kox = (0.2 + 2 * tannin) * 1e-5
    pi_p = (0.15 + pour_h / 12) * (1 + 3 * funnel)
    x = torch.stack([_std(dia, 0.06, 0.25), _std(vol * 1000, 0.375, 1.5), _std(pour_h, 0, 25), 2 * funnel - 0.5,
                     _std(swirl_f, 0, 2), swirl_t / 3 - 1, torch.log10(air) + 0.8, _std(temp, 14, 22),
                     _std(tannin, 0, 1), _std(do0, 0.2, 2.0)], 1)
    phys = _dc_known(temp, do0, swirl_t)
    y = _dc_physics(phys, a * kl_still, a * (kl_swirl - kl_still), a * kg, 1.5, pi_p, kox)
    noise = torch.cat([0.06 * torch.randn(n, 20, generator=gen), 0.15 / 3 * torch.randn(n, 5, generator=gen)], 1)
    return x, phys, y + noise


def _dc_known(temp: torch.Tensor, do0: torch.Tensor, swirl_t: torch.Tensor) -> torch.Tensor:
    """What the chemist knows before fitting, per decanting (n, 7): the four Henry's constants at the wine's
    temperature, the oxygen saturation (mg/L), the starting oxygen (mg/L) and the swirling time (s)."""
    return torch.cat([_dc_henry(temp), _do_sat(temp).view(-1, 1), do0.view(-1, 1), 60 * swirl_t.view(-1, 1)], 1)


def _dc_physics(phys: torch.Tensor, kla: torch.Tensor, klx: torch.Tensor, kga: torch.Tensor,
                kgs: float | torch.Tensor, pi_p: torch.Tensor, kox: torch.Tensor) -> torch.Tensor:
    """Two-film volatile losses and the oxygen curve at ``DC_TIMES`` from the known quantities (``_dc_known``) and
    the mass-transfer coefficients (1/s; (n,) each, ``kgs`` the swirl's factor on k_G a). The pour's stripping
    1 - exp(-pi_p H / (H + 0.02)) is capped at 99.9%."""
    kla, klx, kga, kox, pi_p = (v.view(-1, 1) for v in (kla, klx, kga, kox, pi_p))
    kgs = kgs.view(-1, 1) if torch.is_tensor(kgs) else kgs
    h, cs, do0 = phys[:, :4], phys[:, 4:5], phys[:, 5:6]
    ts = torch.minimum(_DC_T.view(1, -1), phys[:, 6:7])  # (n, 5) seconds swirled
    tr = _DC_T - ts
    hkg = h * kga
    rate_still = 1 / (1 / kla + 1 / hkg)  # (n, 4)
    rate_swirl = 1 / (1 / (kla + klx) + 1 / (hkg * kgs))
    strip = -(pi_p * h / (h + 0.02)).clamp(max=-math.log(1e-3))
    logs = strip.unsqueeze(2) - rate_swirl.unsqueeze(2) * ts.unsqueeze(1) - rate_still.unsqueeze(2) * tr.unsqueeze(1)
    c1 = cs + (do0 - cs) * torch.exp(-0.6 * pi_p)
    k1 = kla + klx + kox
    e1 = (kla + klx) * cs / k1
    k2 = kla + kox
    e2 = kla * cs / k2
    c = e2 + (e1 - e2 + (c1 - e1) * torch.exp(-k1 * ts)) * torch.exp(-k2 * tr)
    return torch.cat([logs.flatten(1), c / 3], 1)


class DecanterGreyBox(nn.Module):
    """A grey-box model: a tanh MLP from the 10 inputs to six log rates and factors (k_L a still, the swirl's extra
    k_L a, k_G a, the swirl's k_G factor, the pour's stripping, k_ox) within a factor e^5 of typical values (a
    scaled tanh), then the two-film physics for the volatiles and the oxygen from what is known (``_dc_known``: the
    Henry's constants and the oxygen saturation at the wine's temperature, the starting oxygen, the swirling
    time)."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 6))
        self.register_buffer("typical", torch.log(torch.tensor([1e-4, 5e-4, 0.05, 1.5, 1.0, 1e-5])))

    def forward(self, x: torch.Tensor, phys: torch.Tensor) -> torch.Tensor:
        p = torch.exp(self.typical + 5 * torch.tanh(self.net(x) / 5)).unbind(1)
        return _dc_physics(phys, *p)


def decanter_aeration(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 24) -> dict[str, Any]:
    """The decanter grey-box on 4096 decantings; held out: 2048 other decantings in batches of 1024; Adagrad
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(152105)
    x, phys, y = _dc_pours(train_size + 2048, gen)
    tr = (x[:train_size], phys[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DecanterGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], phys[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. ice bucket melting, an embedding net (Adagrad; long only)

IB_BUCKETS, IB_ICE, IB_BOTTLES = 6, 4, 5


def _ib_chills(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A bottle chilled in an ice bucket. Buckets (single-wall steel, double-wall steel, acrylic, silver-plated
    champagne bucket, insulated bag, terracotta): heat-leak UA 1.6, 0.35, 0.9, 1.9, 0.25, 1.2 W/K (terracotta's
    room seen 4 C cooler by its evaporation; single walls sweat: a condensation load rising with humidity); ice
    forms (1-inch cubes, crushed, ice and water, ice, water and salt): contact 25, 60, 180, 220 W/m2K, cubes touching
    60% of the immersed glass; the brine at Blagden's -3.72 C per mol/kg of salt (50-250 g in water half the ice's
    mass); bottles (wine 750 mL, champagne, 330 mL can, 500 mL PET, magnum): contents, glass heat capacity, wall
    resistance, area. Room 18-35 C at 20-80% RH, bottle at 4-25 C, 0.8-3 kg of ice, immersion 30-100%, a lid
    (half the time: 0.7x the leak). The bottle: lumped Newton cooling through 1 / (1 / 100 + R + 1 / h) on the
    immersed area to the bath and 8 W/m2K on the dry area to the room; the ice melts by the leak, the bottle's heat
    lost and condensation (334 kJ/kg), its remaining share clamped at 0. Scatter: 0.3 C, 0.02 of the ice. Returns
    (categories (n, 3), continuous (n, 7), outputs (n, 7): bottle C at 5, 10, 20, 30 min, ice left at 1, 2, 3 h)."""
    bucket = torch.randint(0, IB_BUCKETS, (n,), generator=gen)
    ice = torch.randint(0, IB_ICE, (n,), generator=gen)
    bottle = torch.randint(0, IB_BOTTLES, (n,), generator=gen)
    room = _u(n, 18, 35, gen)
    rh = _u(n, 0.2, 0.8, gen)
    t0 = _u(n, 4, 25, gen)
    ice_kg = _u(n, 0.8, 3.0, gen)
    immerse = _u(n, 0.3, 1.0, gen)
    salt = torch.where(ice == 3, _u(n, 50, 250, gen), torch.zeros(n))
    lid = (torch.rand(n, generator=gen) < 0.5).float()
    ua = torch.tensor([1.6, 0.35, 0.9, 1.9, 0.25, 1.2])[bucket] * (1 - 0.3 * lid)
    room_eff = room - 4 * (bucket == 5).float() * (1 - rh)
    sweat = torch.tensor([1.0, 0.1, 0.6, 1.2, 0.0, 0.0])[bucket] * 3.0 * rh**2
    h_ext = torch.tensor([25.0, 60, 180, 220])[ice]
    contact = torch.tensor([0.6, 0.9, 1.0, 1.0])[ice]
    t_bath = -(3.72 * salt / 58.44 / (0.5 * ice_kg)).clamp(max=15)
    content = torch.tensor([0.75, 0.75, 0.33, 0.5, 1.5])[bottle] * 3900 + torch.tensor([0.5, 0.9, 0.015, 0.03, 0.9])[
        bottle] * 840
    wall = torch.tensor([0.003, 0.005, 0.0001, 0.0015, 0.004])[bottle]
    area = torch.tensor([0.045, 0.05, 0.025, 0.032, 0.07])[bottle]
    u = 1 / (1 / 100 + wall + 1 / h_ext)
    g_in = u * area * immerse * contact
    g_air = 8 * area * (1 - immerse) + 0.3
    t_inf = (g_in * t_bath + g_air * room) / (g_in + g_air)
    tau = content / (g_in + g_air)
    mins = torch.tensor([5.0, 10, 20, 30]).view(1, -1) * 60
    temp = t_inf.view(-1, 1) + (t0 - t_inf).view(-1, 1) * torch.exp(-mins / tau.view(-1, 1))
    hours = torch.tensor([1.0, 2, 3]).view(1, -1) * 3600
    bottle_heat = (g_in * (t0 - t_inf)).view(-1, 1) * tau.view(-1, 1) * (1 - torch.exp(-hours / tau.view(-1, 1))) \
        + (g_in * (t_inf - t_bath)).view(-1, 1) * hours
    leak = ((ua * (room_eff - t_bath) + sweat).view(-1, 1)) * hours
    left = (1 - (bottle_heat + leak) / 334e3 / ice_kg.view(-1, 1)).clamp(0, 1)
    y = torch.cat([temp + 0.3 * torch.randn(n, 4, generator=gen), left + 0.02 * torch.randn(n, 3, generator=gen)], 1)
    cats = torch.stack([bucket, ice, bottle], 1)
    cont = torch.stack([_std(room, 18, 35), _std(rh, 0.2, 0.8), _std(t0, 4, 25), _std(ice_kg, 0.8, 3.0),
                        _std(immerse, 0.3, 1.0), salt / 100 * (ice == 3).float() - 0.4, 2 * lid - 1], 1)
    return cats, cont, y


class IceBucketNet(nn.Module):
    """Embeddings of the bucket, the ice form and the bottle (4 each) with the 7 continuous inputs into a SiLU MLP."""

    def __init__(self, hidden: int = 32, emb: int = 4) -> None:
        super().__init__()
        self.bucket = nn.Embedding(IB_BUCKETS, emb)
        self.ice = nn.Embedding(IB_ICE, emb)
        self.bottle = nn.Embedding(IB_BOTTLES, emb)
        self.net = nn.Sequential(nn.Linear(3 * emb + 7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 7))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        e = torch.cat([self.bucket(cats[:, 0]), self.ice(cats[:, 1]), self.bottle(cats[:, 2]), cont], 1)
        return self.net(e)


def ice_bucket(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The ice-bucket embedding net on 8192 chills, targets standardised over them; held out: 2048 other chills in
    batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(152106)
    cats, cont, y = _ib_chills(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": IceBucketNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("gravy_separator_adam", gravy_separator, 300, "gravy_separator_stokes_fat_layer_pour_cnn1d", "adam", "finite",
      128, seconds=0.8, start_lr=0.032),
    W("cocktail_shaker_adamw", cocktail_shaker, 300, "cocktail_shaker_dilution_chill_preln_transformer", "adamw",
      "finite", 64, seconds=1.1, start_lr=0.016),
    W("hand_fan_nesterov", hand_fan, 300, "hand_fan_leaf_mask_face_cooling_cnn2d", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=0.8, start_lr=0.025),
    W("soda_siphon_adagrad", soda_siphon, 300, "soda_siphon_henry_headspace_lstm", "adagrad", "finite", 32,
      seconds=0.3, start_lr=0.512),
)
LONG = (
    W("decanter_aeration_adagrad@long", decanter_aeration, 3000, "decanter_two_film_volatile_oxygen_greybox",
      "adagrad", "finite", 32, seconds=3.0, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("ice_bucket_adagrad@long", ice_bucket, 3000, "ice_bucket_bottle_chill_melt_embedding_net", "adagrad", "finite",
      32, seconds=1.7, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("soda_siphon_adagrad@long", soda_siphon, 3000, "soda_siphon_henry_headspace_lstm", "adagrad", "finite", 16,
      dict(train_size=8192, hidden=16), seconds=2.4, start_lr=1.024, grid_fractions=(0.0, 0.05),
      long_of="soda_siphon_adagrad"),
    W("gravy_separator_adagrad@long", gravy_separator, 3000, "gravy_separator_stokes_fat_layer_pour_cnn1d", "adagrad",
      "finite", 32, dict(train_size=8192, width=8, optimizer="adagrad"), seconds=2.9, start_lr=0.256,
      grid_fractions=(0.0, 0.05), long_of="gravy_separator_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam152_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-second exam's workloads")
