"""The hundred-and-seventy-fourth exam: six more workload families that neither the suite nor exams 1-170 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam170_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from zithers and string tension, mosquito nets and mesh blocking, wallets and
card wear, compost bins and heat build-up, rain barrels and overflow, and cacti and water storage (exams 171-173
were built at the same time from other domains; their modules were not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam174/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- zither tuning drift: a Post-LN transformer encoder over the 24 strings of a zither (each string a token: its
  vibrating length, gauge, material, target pitch and place on the frame; the frame's compliance, its coupling
  length and the tuning direction broadcast) to each string's drift in cents after one tuning pass; string tension
  from Mersenne's law, each later string's tension bending the frame and unloading the strings tuned before it
  (EA / L times the frame's local give); AdamW (weight decay 0.01)
- mosquito-net passage: a small 2-D CNN over a 16 x 16 map of a net's hole apertures (a woven mesh with thread
  scatter and torn patches), the mosquito's thorax width and the height on the net, to the logit of the share of
  mosquitoes getting through in a tunnel test and the log pressure drop of the net; passage per hole a sigmoid of
  aperture less 1.6 thorax widths, the mosquitoes' search weighted to the roof, airflow through the open area (orifice
  law); SGD with Nesterov momentum 0.9 and weight decay 5e-4
- compost-bin heat build-up: a 1-D CNN along the height of a layered backyard bin (24 layers: green share,
  moisture, age since added; the wall's insulation, the air temperature and the lid vents broadcast) to the
  temperature profile on day 8; the data from a 1-D reaction-diffusion solve (heat from first-order decay of the
  fresh material, a Q10 rate falling off above 62 C, oxygen from the lid and the base decaying into the wet pile,
  a moisture optimum, loss through the walls, conduction between layers); Adam (torch's defaults)
- rain-barrel overflow: a residual MLP with LayerNorm over a 36-hour storm window (hourly rain and garden-tap
  draw; the roof area, the gutter's capacity, the first-flush diverter, the barrel's size, its starting level and
  the tap's rate) to the volume spilled so far at each hour; a water balance with the first flush diverted, gutter
  overshoot at high intensities, the draw and the barrel's spill; RMSprop (torch's defaults)
- wallet card wear (a long plan only): an embedding net over a card issuer's returned-card records (the wallet
  model, the card's material, the slot, where the wallet is carried, the card product, the climate; months in use,
  insertions and sits a day) to the probability that the card's chip or stripe failed; Archard abrasion in the
  slot plus Miner's-rule bending fatigue (a Basquin exponent) from sitting, failure by a Weibull law of the damage;
  Bernoulli labels; binary cross-entropy; Adagrad (torch's defaults), and the same net with Adam (torch's defaults)
- cactus water storage (a long plan only): a hybrid grey-box: a small net from the cactus's traits (species,
  stem diameter, rib count, soil) gives the four rates of a closed-form stem-water model (storage capacitance,
  root uptake while the soil is wet, CAM night transpiration, the wet period), which gives the stem's relative
  girth on 8 days (1-30) after a rain; the data from a fuller law (rain roots grown after a lag, stomata closing with
  the deficit, the pleats' stiffening); MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the wallet net twice
(Adagrad, and Adam as the issuer's second analysis would), the cactus grey-box (these three have no short plans)
and the rain-barrel net (32 wide, one block) on 8192 storms instead of 1024.

Of the eight plans, two use Adagrad (wallet, cactus), two Adam (compost, wallet), two RMSprop (both rain-barrel
plans), one AdamW (zither) and one SGD with Nesterov momentum (mosquito net).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam174_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam174/README.md).

    python benchmarks/exam174_workloads.py          # the table
    python benchmarks/exam174_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 174"


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
    """Targets standardised with the mean and sd of the first ``n`` rows (the training pool), over all entries."""
    return (y - y[:n].mean()) / y[:n].std()


# --------------------------------------------------------------------------------------------------------------
# 1. zither tuning drift (Post-LN transformer, AdamW)

ZI_STRINGS = 24
ZI_MATERIALS = 3  # plain steel, brass-wound steel, nylon


def _zi_setups(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tuning a 24-string zither once through, low to high or high to low. Per string: a target pitch rising along
    the frame (C2 ~65 Hz up by 1-2 semitones a string), a vibrating length falling with pitch (0.25-0.65 m, with
    jitter), a material (steel: E 200 GPa, rho 7850; brass-wound: 110 GPa effective, 8400 wound density at 1.6x the
    core's mass; nylon: 4 GPa, 1140) and a gauge, chosen as a string maker does for a design tension of 40-120 N by
    Mersenne's law T = 4 L^2 f^2 mu (the tension itself is not an input). The frame gives under
    each newly tensioned string: its displacement at string i is c T_j exp(-|i - j| / l) (compliance c 0.5-3e-8 m/N,
    coupling length l 2-8 strings), which unloads string i by (E A / L_i) times that. A string tuned before j loses
    that tension for good; the drift is 600 log2(T_final / T_target) cents, with a clip-on tuner's 2.5-cent scatter.
    Returns (token features (n, 24, 10), drifts / 10 cents (n, 24))."""
    s = ZI_STRINGS
    idx = torch.arange(s).float().view(1, -1)
    step = 1 + torch.rand(n, 1, generator=gen)
    f = 65.4 * 2 ** (idx * step / 12)
    length = (0.65 - 0.40 * idx / (s - 1)) * (1 + 0.08 * (torch.rand(n, s, generator=gen) - 0.5))
    mat = torch.randint(0, ZI_MATERIALS, (n, s), generator=gen)
    e_mod = torch.tensor([200e9, 110e9, 4e9])[mat]
    rho_eff = torch.tensor([7850.0, 8400 * 1.6, 1140.0])[mat]
    tension = 40 + 80 * torch.rand(n, s, generator=gen)  # the string set's design tension
    mu = tension / (4 * length**2 * f**2)
    d = (4 * mu / (math.pi * rho_eff)).sqrt()
    area = math.pi * d**2 / 4
    c = (0.5 + 2.5 * torch.rand(n, 1, 1, generator=gen)) * 1e-8
    ell = 2 + 6 * torch.rand(n, 1, 1, generator=gen)
    up = (torch.rand(n, generator=gen) < 0.5).float()
    i, j = torch.arange(s).view(-1, 1), torch.arange(s).view(1, -1)
    later = torch.where(up.view(-1, 1, 1) > 0, (j > i).float(), (j < i).float())  # j tuned after i
    w = torch.exp(-(i - j).abs().float() / ell) * later
    k_i = (e_mod * area / length).unsqueeze(2)  # string i's stiffness
    loss = (k_i * c * w * tension.unsqueeze(1)).sum(2)
    final = (tension - loss).clamp_min(0.05 * tension)
    drift = 600 * torch.log2(final / tension) + 2.5 * torch.randn(n, s, generator=gen)
    x = torch.stack([
        (torch.log(f) - 5.4) / 0.6, (length - 0.45) / 0.12, (torch.log(d * 1e3) + 0.08) / 0.68,
        idx.expand(n, s) / (s - 1) - 0.5,
        (c.view(n, 1).expand(n, s) * 1e8 - 1.75) / 0.72, (ell.view(n, 1).expand(n, s) - 5) / 1.7,
        (2 * up - 1).view(n, 1).expand(n, s)], 2)
    x = torch.cat([x, F.one_hot(mat, ZI_MATERIALS).float()], 2)
    return x, drift / 10


class ZitherDriftNet(nn.Module):
    """A Post-LN transformer encoder over the strings (torch's ``TransformerEncoderLayer``, ``norm_first=False``,
    no dropout), a linear read-out of each string's drift."""

    def __init__(self, d_model: int = 32, layers: int = 1, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(10, d_model)
        layer = nn.TransformerEncoderLayer(d_model, heads, 2 * d_model, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(x))).squeeze(-1)


def drift_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the strings' drifts (in tens of cents)."""
    return _mse(model, batch)


def zither_drift(batch_size: int = 32, seed: int = 0, train_size: int = 1024, d_model: int = 32) -> dict[str, Any]:
    """The drift transformer on 1024 tunings; held out: 2048 other tunings in batches of 512; AdamW (weight decay
    0.01)."""
    gen = torch.Generator().manual_seed(174101)
    x, y = _zi_setups(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ZitherDriftNet(d_model), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.01), "adamw_wd0.01"),
            "loss_fn": drift_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. mosquito-net passage (2-D CNN, SGD with Nesterov momentum)

MN_SIZE = 16


def _mn_nets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tunnel tests of net samples, a 16 x 16 patch of holes each. The weave's nominal aperture 0.8-1.8 mm, 6% scatter
    hole to hole; 0-3 torn patches (2-5 holes a side) where broken threads merge holes (aperture x 2-5); the
    mosquito's thorax width 0.55-1.0 mm (the species). A hole lets a mosquito through with probability
    sigmoid((a - 1.6 w) / 0.1 mm) (legs and wings folded past the thorax); the mosquitoes search the upper rows more
    (weight exp(-row / 6)); the share through 1 - exp(-3 x the weighted mean), kept within 0.5-99.5% (the test's
    resolution). The pressure drop at a fixed airflow from the orifice law, 1 / (open-area fraction)^2 with the open
    fraction a^2 / (a + 0.15 mm)^2 per hole. Test scatter 0.15 on the logit and 0.03 on the log drop. Returns (maps
    (n, 3, 16, 16): log aperture (standardised), thorax width, row; targets (n, 2))."""
    s = MN_SIZE
    a0 = 0.8 + torch.rand(n, 1, 1, generator=gen)
    a = a0 * torch.exp(0.06 * torch.randn(n, s, s, generator=gen))
    rows = torch.arange(s).view(1, -1, 1).float()
    cols = torch.arange(s).view(1, 1, -1).float()
    tears = torch.randint(0, 4, (n,), generator=gen)
    for t in range(3):
        on = (tears > t).float().view(-1, 1, 1)
        r0 = torch.randint(0, s, (n, 1, 1), generator=gen).float()
        c0 = torch.randint(0, s, (n, 1, 1), generator=gen).float()
        size = torch.randint(2, 6, (n, 1, 1), generator=gen).float()
        grow = 2 + 3 * torch.rand(n, 1, 1, generator=gen)
        inside = ((rows >= r0) & (rows < r0 + size) & (cols >= c0) & (cols < c0 + size)).float() * on
        a = a * (1 + (grow - 1) * inside)
    w = 0.55 + 0.45 * torch.rand(n, 1, 1, generator=gen)
    p = torch.sigmoid((a - 1.6 * w) / 0.1)
    weight = torch.exp(-rows / 6)
    through = 1 - torch.exp(-3 * (p * weight).sum((1, 2)) / (weight.sum() * s))
    through = through.clamp(0.005, 0.995)  # the test's resolution (1 in 200 mosquitoes)
    openf = (a**2 / (a + 0.15) ** 2).mean((1, 2))
    y = torch.stack([torch.log(through / (1 - through)) + 0.15 * torch.randn(n, generator=gen),
                     -2 * torch.log(openf) + 0.03 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(torch.log(a) - 0.35) / 0.35, ((w - 0.775) / 0.13).expand(n, s, s),
                     (rows / (s - 1) - 0.5).expand(n, s, s)], 1)
    return x, y


class NetPassageCNN(nn.Module):
    """Three 3x3 convolutions (the second with stride 2) with ReLU, mean and max pooled, a linear read-out."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.ReLU(),
                                  nn.Conv2d(width, width, 3, stride=2, padding=1), nn.ReLU(),
                                  nn.Conv2d(width, width, 3, padding=1), nn.ReLU())
        self.head = nn.Linear(2 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.mean((2, 3)), h.amax((2, 3))], 1))


def passage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised passage logit and log pressure drop."""
    return _mse(model, batch)


def mosquito_net(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The passage CNN on 2048 net samples, targets standardised per column over them; held out: 2048 other samples
    in batches of 512; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(174102)
    x, y = _mn_nets(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NetPassageCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": passage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. wallet card wear (embedding net, Adagrad and Adam; long only)

WA_WALLETS, WA_MATERIALS, WA_SLOTS, WA_CARRY, WA_PRODUCTS, WA_CLIMATES = 40, 5, 6, 4, 30, 8


def _wa_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Returned-card records of an issuer: the wallet model (40, each with a hidden slot tightness, lining
    abrasiveness and thickness), the card's material (PVC, PETG, polycarbonate, metal, composite: wear resistance
    and fatigue strain), the slot (front, behind, window, coin pouch, phone case, card sleeve), where the wallet is
    carried (back pocket, front pocket, bag, jacket: the bending strain of a sit), the card product (30, a hidden
    lamination quality) and the climate (8, heat softening); months in use 1-60, insertions a day 0.2-8, sits a
    day 0-12. Damage: Archard abrasion of the chip's contacts and stripe (insertions x months x tightness x lining /
    wear resistance) plus Miner's sum of sitting cycles (sits x months x (strain / fatigue strain)^5, Basquin-like)
    scaled by the lamination; failed with probability 1 - exp(-(D / D0)^1.5) (Weibull). Returns (categorical codes
    (n, 6), numeric (n, 3), failed (n,) as float)."""
    wal = torch.randint(0, WA_WALLETS, (n,), generator=gen)
    mat = torch.randint(0, WA_MATERIALS, (n,), generator=gen)
    slot = torch.randint(0, WA_SLOTS, (n,), generator=gen)
    carry = torch.randint(0, WA_CARRY, (n,), generator=gen)
    prod = torch.randint(0, WA_PRODUCTS, (n,), generator=gen)
    clim = torch.randint(0, WA_CLIMATES, (n,), generator=gen)
    g = torch.Generator().manual_seed(1741030)  # the hidden properties of the wallet models, products and climates
    tight = torch.exp(0.5 * torch.randn(WA_WALLETS, generator=g))
    lining = torch.exp(0.4 * torch.randn(WA_WALLETS, generator=g))
    thick = 0.5 + torch.rand(WA_WALLETS, generator=g)
    lam = torch.exp(0.3 * torch.randn(WA_PRODUCTS, generator=g))
    heat = 1 + 0.6 * torch.rand(WA_CLIMATES, generator=g)
    wear_res = torch.tensor([1.0, 1.3, 1.8, 6.0, 2.5])[mat]
    fat = torch.tensor([1.0, 1.2, 1.5, 0.6, 1.3])[mat]
    slot_f = torch.tensor([1.0, 0.6, 1.4, 1.8, 0.8, 0.4])[slot]
    carry_strain = torch.tensor([1.0, 0.45, 0.1, 0.2])[carry]
    months = torch.exp(math.log(60) * torch.rand(n, generator=gen))
    ins = 0.2 * 40 ** torch.rand(n, generator=gen)
    sits = 12 * torch.rand(n, generator=gen)
    abr = ins * months * tight[wal] * lining[wal] * slot_f * heat[clim] / wear_res / 150
    strain = carry_strain * thick[wal] * (1 + 0.3 * (slot == 3).float())
    fatigue = sits * months * (strain / fat) ** 5 / 400 / lam[prod]
    dmg = (abr + fatigue) / lam[prod]
    p = 1 - torch.exp(-(dmg**1.5))
    failed = (torch.rand(n, generator=gen) < p).float()
    cats = torch.stack([wal, mat, slot, carry, prod, clim], 1)
    nums = torch.stack([torch.log(months) - 2.0, torch.log(ins / 1.26) / 1.06, (sits - 6) / 3.46], 1)
    return cats, nums, failed


class CardWearNet(nn.Module):
    """Embeddings of the six categorical fields (8 each) and the three numeric ones, a two-layer ReLU MLP to the
    failure logit."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        sizes = (WA_WALLETS, WA_MATERIALS, WA_SLOTS, WA_CARRY, WA_PRODUCTS, WA_CLIMATES)
        self.embs = nn.ModuleList(nn.Embedding(k, dim) for k in sizes)
        self.mlp = nn.Sequential(nn.Linear(6 * dim + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, cats: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        e = [emb(cats[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat(e + [nums], 1)).squeeze(1)


def wear_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the failure."""
    cats, nums, y = batch
    return F.binary_cross_entropy_with_logits(model(cats, nums), y)


def _wallet_optimizer(name: str) -> Any:
    """The optimiser hook: Adagrad or Adam, torch's defaults."""
    if name == "adagrad":
        return _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    return _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")


def wallet_card_wear(batch_size: int = 128, seed: int = 0, train_size: int = 16384, hidden: int = 32,
                     optimizer: str = "adagrad") -> dict[str, Any]:
    """The card-wear net on 16384 records; held out: 8192 other records in batches of 2048; Adagrad (torch's
    defaults), or Adam (torch's defaults) for the issuer's second analysis."""
    gen = torch.Generator().manual_seed(174103)
    cats, nums, y = _wa_records(train_size + 8192, gen)
    tr = (cats[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CardWearNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], nums[train_size:], y[train_size:]), 2048),
            "optimizer": _wallet_optimizer(optimizer),
            "loss_fn": wear_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. compost-bin heat build-up (1-D CNN, Adam)

CB_LAYERS = 24


def _cb_bins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Backyard compost bins filled in 24 layers (bottom first): each layer's green share 0-1 (kitchen scraps and
    grass against leaves and cardboard), moisture 30-75% and age 0-40 days (older at the bottom, with scatter); the
    wall's heat-loss coefficient (insulated to thin plastic), the air temperature 0-25 C and the lid vents (0-1).
    Eight days of an explicit 1-D solve (dt 0.05 day): heat from first-order decay of the degradable material (its
    stock from the green share, spent with age), the rate Q10 = 2 per 10 C falling off above 62 C, an oxygen factor
    from the lid (by the vents) and the base decaying into the pile over a length that shrinks with moisture, a
    moisture optimum at 55%; loss through the wall; conduction between layers. 2 C probe scatter (placement). Returns
    (layers (n, 6, 24): green, moisture, age, wall, air, vents; temperatures (n, 24), (T - 30) / 15)."""
    L = CB_LAYERS
    green = torch.rand(n, L, generator=gen)
    moist = 0.30 + 0.45 * torch.rand(n, L, generator=gen)
    depth = torch.arange(L).float().view(1, -1)  # 0 = bottom
    age = (40 * (1 - depth / (L - 1)) * (0.5 + torch.rand(n, 1, generator=gen))
           + 6 * torch.rand(n, L, generator=gen)).clamp(0, 40)
    wall = 0.2 + 0.8 * torch.rand(n, 1, generator=gen)
    air = 25 * torch.rand(n, 1, generator=gen)
    vents = torch.rand(n, 1, generator=gen)
    stock = (0.3 + 0.7 * green) * torch.exp(-age / 15)
    lam = 2 + 8 * (0.8 - moist)  # layers
    o2 = (torch.exp(-(L - 1 - depth) / lam) * (0.3 + 0.7 * vents) + 0.6 * torch.exp(-depth / lam)).clamp(max=1)
    mf = torch.exp(-(((moist - 0.55) / 0.15) ** 2))
    temp = air.expand(n, L).clone()
    dt = 0.05
    for _ in range(160):
        rate = 2 ** ((temp - 20) / 10) * torch.sigmoid((62 - temp) / 3)
        q = 1.6 * rate * stock * o2 * mf
        stock = stock - dt * 0.15 * rate * stock * o2 * mf
        lap = F.pad(temp, (1, 1), mode="replicate")
        lap = lap[:, 2:] - 2 * temp + lap[:, :-2]
        temp = temp + dt * (80 * q - 1.2 * wall * (temp - air) + 3.0 * lap)
    y = temp + 2.0 * torch.randn(n, L, generator=gen)
    x = torch.stack([(green - 0.5) / 0.29, (moist - 0.525) / 0.13, (age - 20) / 11, ((wall - 0.6) / 0.23).expand(n, L),
                     ((air - 12.5) / 7.2).expand(n, L), ((vents - 0.5) / 0.29).expand(n, L)], 1)
    return x, (y - 30) / 15


class BinProfileCNN(nn.Module):
    """A 1-D CNN along the bin's height: 5-tap convolutions (dilated 1, 2, 4 and, in the short plan's net, 1 again)
    with GELU, a 1-tap read-out of each layer's temperature."""

    def __init__(self, width: int = 16, dilations: tuple[int, ...] = (1, 2, 4, 1)) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        ch = 6
        for d in dilations:
            layers += [nn.Conv1d(ch, width, 5, padding=2 * d, dilation=d), nn.GELU()]
            ch = width
        self.net = nn.Sequential(*layers, nn.Conv1d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def profile_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled temperature profile."""
    return _mse(model, batch)


def compost_bin(batch_size: int = 128, seed: int = 0, train_size: int = 1024, width: int = 16,
                dilations: tuple[int, ...] = (1, 2, 4, 1)) -> dict[str, Any]:
    """The profile CNN on 1024 bins; held out: 2048 other bins in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(174104)
    x, y = _cb_bins(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BinProfileCNN(width, dilations), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": profile_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. rain-barrel overflow (residual MLP with LayerNorm, RMSprop)

RB_HOURS = 36


def _rb_storms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """36 hours of a rain barrel under one or two storms (triangular hyetographs, peaks 2-40 mm/h, 2-8 hours long).
    Roof 15-80 m2 with a runoff coefficient of 0.85; the gutter carries up to 20-60 mm/h of roof runoff (the rest
    overshoots); a first-flush diverter takes the first 0-40 L; a barrel of 150-400 L starting 0-90% full; the garden
    tap draws 0-30 L/h in the evening hours (17-20 h). Overflow = what does not fit. Gauge scatter 4% on the rain's
    effect; the target log1p(spilled so far in L / 5), read off a tipping counter on the overflow hose with 5% scatter
    per storm. Returns (hourly inputs (n, 36, 8): rain, draw and the six statics; log1p spilled volume (n, 36))."""
    h = RB_HOURS
    t = torch.arange(h).float().view(1, -1)
    rain = torch.zeros(n, h)
    for k in range(2):
        on = (torch.rand(n, 1, generator=gen) < (1.0 if k == 0 else 0.5)).float()
        start = torch.rand(n, 1, generator=gen) * (h - 8)
        dur = 2 + 6 * torch.rand(n, 1, generator=gen)
        peak = 2 + 38 * torch.rand(n, 1, generator=gen) ** 1.5
        pos = (t - start) / dur
        rain = rain + on * peak * (1 - (2 * pos - 1).abs()).clamp_min(0)
    roof = 15 + 65 * torch.rand(n, 1, generator=gen)
    gutter = 20 + 40 * torch.rand(n, 1, generator=gen)
    flush = 40 * torch.rand(n, 1, generator=gen)
    cap = 150 + 250 * torch.rand(n, 1, generator=gen)
    level = cap * 0.9 * torch.rand(n, 1, generator=gen)
    tap = 30 * torch.rand(n, 1, generator=gen)
    hour0 = torch.randint(0, 24, (n, 1), generator=gen).float()
    draw = tap * (((hour0 + t) % 24 >= 17) & ((hour0 + t) % 24 < 21)).float()
    gauge = torch.exp(0.04 * torch.randn(n, 1, generator=gen))
    caught = 0.85 * roof * torch.minimum(rain * gauge, gutter)  # L per hour (1 mm on 1 m2 = 1 L)
    s = level[:, 0]
    f = flush[:, 0]
    outs = []
    for k in range(h):
        inflow = caught[:, k]
        div = torch.minimum(inflow, f)
        f = f - div
        s = (s + inflow - div - draw[:, k]).clamp_min(0)
        over = (s - cap[:, 0]).clamp_min(0)
        s = s - over
        outs.append(over)
    spilled = torch.cumsum(torch.stack(outs, 1), 1) * torch.exp(0.05 * torch.randn(n, 1, generator=gen))
    y = torch.log1p(spilled / 5)
    stat = torch.cat([(roof - 47.5) / 19, (gutter - 40) / 11.5, (flush - 20) / 11.5, (cap - 275) / 72,
                      (level / cap - 0.45) / 0.26, (tap - 15) / 8.7], 1)
    x = torch.cat([(rain / 10).unsqueeze(2), (draw / 15).unsqueeze(2), stat.unsqueeze(1).expand(n, h, 6)], 2)
    return x, y


class OverflowResMLP(nn.Module):
    """A residual MLP with LayerNorm over the whole storm window: the 36 hours' rain and draw and the six statics
    (78 inputs) to a ``width`` stream, pre-norm residual blocks (LayerNorm, Linear, GELU, Linear), a final LayerNorm
    and a linear read-out of the 36 hours' spilled volumes."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(2 * RB_HOURS + 6, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                  nn.Linear(2 * width, width)) for _ in range(blocks))
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, RB_HOURS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([x[:, :, 0], x[:, :, 1], x[:, 0, 2:]], 1))
        for block in self.blocks:
            h = h + block(h)
        return self.out(h)


def overflow_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the hourly log1p spilled volume (standardised)."""
    return _mse(model, batch)


def rain_barrel(batch_size: int = 64, seed: int = 0, train_size: int = 1024, width: int = 64,
                blocks: int = 2) -> dict[str, Any]:
    """The overflow net on 1024 storms, the target standardised over them (one mean and sd); held out: 2048 other
    storms in batches of 1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(174105)
    x, y = _rb_storms(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OverflowResMLP(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": overflow_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cactus water storage (hybrid grey-box, Adagrad; long only)

CA_SPECIES, CA_SOILS = 4, 3
CA_DAYS = (1.0, 2.0, 4.0, 7.0, 10.0, 15.0, 22.0, 30.0)


def _ca_girth(deficit0: torch.Tensor, cap: torch.Tensor, uptake: torch.Tensor, transp: torch.Tensor,
              wet: torch.Tensor, days: torch.Tensor) -> torch.Tensor:
    """The grey-box's closed form (all (n, 1) but ``days`` (1, 8)): the stem's water deficit, as a share of its
    storage, falls exponentially at ``uptake / cap`` while the soil is wet (``wet`` days), then rises linearly at
    ``transp / cap``; the relative girth is 1 - 0.25 x the deficit."""
    d_wet = deficit0 * torch.exp(-uptake / cap * torch.minimum(days, wet))
    d = (d_wet + transp / cap * torch.relu(days - wet)).clamp(max=1)
    return 1 - 0.25 * d


def _ca_plants(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Girth tapes on cacti after a rain. The species (saguaro, barrel, prickly pear, organ pipe: a storage share,
    a root conductance and a night-time (CAM) transpiration each), stem diameter 0.1-0.5 m, rib count 10-30, the
    soil (sand, loam, gravelly), the rain 5-40 mm, the night vapour-pressure deficit 1-4 kPa and the starting
    deficit 0.1-0.7 of the storage. The truth adds what the grey-box lacks: rain roots growing over a 0.5-1.5 day
    lag before uptake starts, uptake slowing as the pleats stiffen near full (a quadratic term), stomata closing
    with the deficit (transpiration times 1 - 0.6 deficit), and the wet period ending smoothly. Tape scatter 0.002.
    Returns (species (n,), soil (n,), numeric (n, 5): log diameter, ribs, log rain, VPD, starting deficit; girths
    (n, 8) as (g - 0.9) x 20)."""
    sp = torch.randint(0, CA_SPECIES, (n,), generator=gen)
    soil = torch.randint(0, CA_SOILS, (n,), generator=gen)
    dia = 0.1 + 0.4 * torch.rand(n, generator=gen)
    ribs = 10 + 20 * torch.rand(n, generator=gen)
    rain = 5 * 8 ** torch.rand(n, generator=gen)
    vpd = 1 + 3 * torch.rand(n, generator=gen)
    d0 = 0.1 + 0.6 * torch.rand(n, generator=gen)
    store = torch.tensor([1.0, 1.3, 0.6, 0.8])[sp]
    root = torch.tensor([1.0, 0.8, 1.5, 1.1])[sp]
    night = torch.tensor([1.0, 0.8, 1.6, 1.2])[sp]
    cap = store * dia**2 / 0.09 * (1 + 0.01 * (ribs - 20))
    uptake = 0.9 * root * dia / 0.3 * torch.tensor([1.2, 0.8, 1.0])[soil]
    transp = 0.012 * night * vpd * dia / 0.3 * (1 + 0.015 * (ribs - 20))
    wet = rain / 6 * torch.tensor([0.6, 1.4, 0.9])[soil]
    lag = 0.5 + 1.0 * torch.rand(n, generator=gen)
    days = torch.tensor(CA_DAYS).view(1, -1)
    col = lambda v: v.view(-1, 1)  # noqa: E731
    # a fine Euler march of the fuller law (0.1 day), sampled at the tape days
    out = []
    dd = col(d0)
    t = 0.0
    for day in CA_DAYS:
        while t < day - 1e-6:
            wet_on = torch.sigmoid((col(wet) - t) / 0.5) * (t > col(lag)).float()
            up = col(uptake) / col(cap) * dd * (1 - 0.5 * (1 - dd) ** 2) * wet_on
            tr = col(transp) / col(cap) * (1 - 0.6 * dd) * (1 - wet_on)
            dd = (dd + 0.1 * (tr - up)).clamp(0, 1)
            t += 0.1
        out.append(dd)
    d = torch.cat(out, 1)
    girth = 1 - 0.25 * d + 0.002 * torch.randn(n, len(CA_DAYS), generator=gen)
    nums = torch.stack([torch.log(dia / 0.25) / 0.4, (ribs - 20) / 5.8, torch.log(rain / 14) / 0.6, (vpd - 2.5) / 0.87,
                        d0], 1)
    return sp, soil, nums, (girth - 0.9) * 20


class CactusGreyBox(nn.Module):
    """The hybrid grey-box: embeddings of the species and the soil (4 each) and the numeric traits through a small
    tanh net give the log storage, uptake, transpiration and wet period (around physical first guesses); the
    closed form ``_ca_girth`` turns them into the 8 girths."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.sp = nn.Embedding(CA_SPECIES, 4)
        self.soil = nn.Embedding(CA_SOILS, 4)
        self.net = nn.Sequential(nn.Linear(13, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        self.register_buffer("days", torch.tensor(CA_DAYS).view(1, -1))

    def forward(self, sp: torch.Tensor, soil: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        logs = self.net(torch.cat([self.sp(sp), self.soil(soil), nums], 1))
        dia = 0.25 * torch.exp(0.4 * nums[:, :1])
        rain = 14 * torch.exp(0.6 * nums[:, 2:3])
        vpd = 2.5 + 0.87 * nums[:, 3:4]
        cap = dia**2 / 0.09 * torch.exp(logs[:, 0:1])
        uptake = 0.9 * dia / 0.3 * torch.exp(logs[:, 1:2])
        transp = 0.012 * vpd * dia / 0.3 * torch.exp(logs[:, 2:3])
        wet = rain / 6 * torch.exp(logs[:, 3:4])
        girth = _ca_girth(nums[:, 4:5], cap, uptake, transp, wet, self.days)
        return (girth - 0.9) * 20


def girth_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled girths."""
    sp, soil, nums, y = batch
    return F.mse_loss(model(sp, soil, nums), y)


def cactus_storage(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The girth grey-box on 8192 tapings; held out: 2048 other tapings in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(174106)
    sp, soil, nums, y = _ca_plants(train_size + 2048, gen)
    tr = (sp[:train_size], soil[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CactusGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((sp[train_size:], soil[train_size:], nums[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": girth_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("zither_tuning_drift_adamw", zither_drift, 300, "zither_frame_give_tuning_drift_postln_transformer",
      "adamw_wd0.01", "finite", 32, seconds=1.2, start_lr=0.016),
    W("mosquito_net_passage_nesterov", mosquito_net, 300, "mosquito_net_torn_mesh_passage_cnn2d",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=1.2, start_lr=0.025),
    W("compost_bin_profile_adam", compost_bin, 300, "compost_bin_layered_heat_profile_cnn1d", "adam", "finite", 128,
      seconds=1.1, start_lr=0.016),
    W("rain_barrel_overflow_rmsprop", rain_barrel, 300, "rain_barrel_storm_spill_resmlp_ln", "rmsprop", "finite", 64,
      seconds=0.4, start_lr=0.008),
)
LONG = (
    W("wallet_card_wear_adagrad@long", wallet_card_wear, 3000, "wallet_card_wear_failure_embedding_net", "adagrad",
      "finite", 128, seconds=2.6, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("cactus_water_storage_adagrad@long", cactus_storage, 3000, "cactus_stem_water_girth_hybrid_greybox", "adagrad",
      "finite", 64, seconds=2.9, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("wallet_card_wear_adam@long", wallet_card_wear, 3000, "wallet_card_wear_failure_embedding_net", "adam",
      "finite", 128, dict(optimizer="adam"), seconds=2.9, start_lr=0.001, grid_fractions=(0.0, 0.05)),
    W("rain_barrel_overflow_rmsprop@long", rain_barrel, 3000, "rain_barrel_storm_spill_resmlp_ln", "rmsprop", "finite",
      32, dict(train_size=8192, width=32, blocks=1), seconds=2.4, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="rain_barrel_overflow_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam174_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-fourth exam's workloads")
