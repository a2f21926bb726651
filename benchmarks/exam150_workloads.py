"""The hundred-and-fiftieth exam: six more workload families that neither the suite nor exams 1-148 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam148_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from wine stoppers and oxygen ingress, cake testers and doneness, flour sifters
and aeration, proving baskets and proving, egg separators and yolk capture, and moka pots and extraction (exam 149
was built at the same time from other domains; its module was not opened). What was checked to make them new, and
what was tried and dropped, is in ``benchmarks/results/exam150/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- wine-closure oxygen ingress and free SO2 during bottle ageing: a one-block causal Pre-LN transformer reads the
  cellar's quarterly mean temperature over two years, with the closure (natural cork, agglomerated technical cork,
  co-extruded synthetic, screwcap with a Saran-tin liner, screwcap with a Saranex liner), the bottle's orientation,
  the wine (red / white) and the bottling values (free SO2, dissolved and headspace oxygen) at every step, and gives
  the free SO2 and the log dissolved oxygen at the end of each quarter; the data from a monthly oxygen budget: the
  closure's steady oxygen transmission rate (rising with temperature, and with time for a cork stored upright), the
  oxygen desorbed from the cork in the first months, the headspace oxygen dissolving, first-order consumption by
  the wine, about 2.5 mg/L of free SO2 lost per mg/L of oxygen consumed and a slow binding drift; MSE of the
  standardised outputs; Adam with betas (0.9, 0.98) and eps 1e-9 (the transformer recipe)
- cake-tester doneness: a 1-D CNN (two strided convolutions, GroupNorm) reads the residue profile along a cake
  tester (a thin steel skewer pulled from the cake's centre: wet batter, moist crumbs, clean), with the cake's kind
  and the oven setting, and gives the minutes left to doneness and the core temperature; the data from slab
  conduction (the series solution, three terms, both faces held near 100 C by evaporation), batter clinging below
  its setting temperature and moist crumbs below doneness, a crust crumb picked up at the top; MSE of the
  standardised targets; AdamW (torch's defaults, weight decay 0.01), and the same net on more probes with Adagrad
  (torch's defaults; a long plan)
- flour-sifter aeration (a long plan only): an embedding net (the flour kind and the sifter kind as learned
  embeddings, with the storage humidity, days settled in the bag, the passes, the scoop and the fall into the bowl)
  to the aerated bulk density, the lumps left on the screen and the sifting time; cohesion from a granular Bond
  number (fine, moist flours pack loosely and lump), agglomerates broken by each pass at a sifter-dependent
  efficiency, first-order sieving through the screen; MSE; Adagrad (initial accumulator 0.1)
- proving-basket proof of a sourdough loaf: an LSTM reads the proving room's temperature every 30 minutes over
  8 hours (bench, cold retard, bench), with the dough (hydration, levain share, flour strength W, mass), the basket
  (bare cane, cane with a linen liner, wood pulp, plastic) and the cover at every step, and gives the log volume and
  the skin's water loss at each step; the dough's temperature lags the room's, gas production from a cardinal
  temperature model (Rosso, from memory) with the culture growing and the sugars running out, the gluten's gas
  retention saturating and the loaf sagging when over-proved, evaporation into the basket's wall; MSE; Adam (torch's
  defaults)
- egg-separator yolk capture: a residual MLP with LayerNorm from the egg (age, fridge or room storage, mass,
  temperature at separation) and the separator (slotted cup, funnel, bottle suction, slotted spoon; slot width, drop
  height) to the share of a box's eggs (24, separated alike) whose yolk is lost (broken or slipped through), the log
  albumen carried over with the yolk and the log drain time; albumen height decaying with age (the Haugh unit, from
  memory), the thick white's share falling with it, the vitelline membrane weakening with age and warmth, impact
  against it, the flattened yolk slipping through wide slots; MSE of the standardised outputs; Adagrad (torch's
  defaults), and a long plan on more boxes (Adagrad)
- moka-pot brewing (a long plan only): a grey-box net: an MLP maps the pot (size, fill, starting water temperature,
  stove power, grind, basket fill) to the flow's onset, its time scale and the delivered volume and the
  extraction yield, and a physics layer turns the first three into the cumulative volume in the upper chamber at
  8 times; the data from a boiler model (the water heating, headspace air and Antoine vapour pressure pushing the
  water through the puck by Darcy's law once past the bed's breakthrough pressure, until the level reaches the
  funnel's tube) and first-order extraction of the solubles; MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the flour-sifter and
moka-pot nets (no short plans), the cake-tester net on 8192 probes instead of 1024 (8 channels instead of 16) and the
egg-separator net on 8192 boxes instead of 1024 (width 32, one block). All four long plans use Adagrad.

Of the eight plans, five use Adagrad (the short egg-separator plan and all four long plans; torch's defaults, but an
initial accumulator of 0.1 for the flour sifter's embeddings), one Adam with the transformer's betas (wine closure),
one Adam (proving basket) and one AdamW (cake tester).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam150_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam150/README.md).

    python benchmarks/exam150_workloads.py          # the table
    python benchmarks/exam150_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 150"


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
    """Targets standardised per column (per last dimension) with the mean and sd of the first ``n`` rows."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. wine-closure oxygen ingress and free SO2 in bottle ageing, a Pre-LN transformer (Adam)

WC_CLOSURES = 5  # natural cork, technical (agglomerated) cork, co-extruded synthetic, screwcap Saran-tin, Saranex
WC_QUARTERS = 8


def _wc_bottles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bottles (0.75 L) aged two years in a cellar. The closure's steady oxygen transmission rate at 20 C (mg O2 a
    year: 1.2, 0.5, 3.0, 0.15, 0.9, with a closure-to-closure lognormal spread of 0.5, 0.2, 0.1, 0.15, 0.15), rising
    4.5% per C; a natural or technical cork stored upright dries and its rate climbs over the two years; oxygen
    desorbed from the cork's cells after compression (1.2, 0.8, 0.2, 0, 0.1 mg, released with a 3-month time
    constant); headspace oxygen at bottling (0.2-2 mg) dissolving over ~1.5 months; dissolved oxygen at bottling
    0.2-2 mg/L; free SO2 at bottling 20-45 mg/L. Each month the wine consumes a fraction 1 - exp(-k) of its dissolved
    oxygen (k 1.2 a month for a red, 0.6 for a white, +7% per C), losing 2.5 mg/L of free SO2 per mg/L consumed,
    plus a binding drift of 0.3 mg/L a month (+5% per C), held above 0 (a softplus). The cellar: a seasonal sinusoid
    (mean 10-22 C, amplitude 0-7 C, random phase) with month-to-month wobble. Read at the end of each quarter: free
    SO2 (a titration's 1.2 mg/L scatter) and dissolved oxygen (a luminescence sensor, 8% scatter). Returns (inputs
    (n, 8, 11): the quarter's mean temperature and the bottle's static values; targets (n, 8, 2): free SO2, log
    DO)."""
    clo = torch.randint(0, WC_CLOSURES, (n,), generator=gen)
    otr = torch.tensor([1.2, 0.5, 3.0, 0.15, 0.9])[clo]
    spread = torch.tensor([0.5, 0.2, 0.1, 0.15, 0.15])[clo]
    otr = otr * torch.exp(spread * torch.randn(n, generator=gen))
    burst = torch.tensor([1.2, 0.8, 0.2, 0.0, 0.1])[clo]
    cork = (clo < 2).float()
    upright = (torch.rand(n, generator=gen) < 0.3).float()
    red = (torch.rand(n, generator=gen) < 0.5).float()
    hs = 0.2 + 1.8 * torch.rand(n, generator=gen)
    do0 = 0.2 + 1.8 * torch.rand(n, generator=gen)
    so0 = 20 + 25 * torch.rand(n, generator=gen)
    mean_t = 10 + 12 * torch.rand(n, generator=gen)
    amp = 7 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    months = torch.arange(24).float().view(1, -1)
    temp = mean_t.view(-1, 1) + amp.view(-1, 1) * torch.sin(2 * math.pi * months / 12 + phase.view(-1, 1))
    temp = temp + 0.8 * torch.randn(n, 24, generator=gen)
    do = do0 * 0.75  # mg in the bottle
    so2 = so0.clone()
    k_wine = 0.6 + 0.6 * red
    outs = []
    for m in range(24):
        t = temp[:, m]
        rate = otr * torch.exp(0.045 * (t - 20)) * (1 + 1.5 * cork * upright * m / 24) / 12
        rate = rate + burst * (math.exp(-m / 3) - math.exp(-(m + 1) / 3))
        rate = rate + hs * (math.exp(-m / 1.5) - math.exp(-(m + 1) / 1.5))
        do = do + rate
        used = do * (1 - torch.exp(-k_wine * torch.exp(0.07 * (t - 20))))
        do = do - used
        so2 = so2 - 2.5 * used / 0.75 - 0.3 * torch.exp(0.05 * (t - 20))
        so2 = F.softplus(so2, beta=2.0)
        if m % 3 == 2:
            outs.append(torch.stack([so2 + 1.2 * torch.randn(n, generator=gen),
                                     torch.log(do / 0.75 + 0.02) + 0.08 * torch.randn(n, generator=gen)], 1))
    y = torch.stack(outs, 1)
    q_temp = temp.view(n, WC_QUARTERS, 3).mean(2)
    static = torch.cat([F.one_hot(clo, WC_CLOSURES).float(), torch.stack([
        2 * upright - 1, 2 * red - 1, (so0 - 32.5) / 7.2, (do0 - 1.1) / 0.52, (hs - 1.1) / 0.52], 1)], 1)
    x = torch.cat([((q_temp - 16) / 5).unsqueeze(2), static.unsqueeze(1).expand(n, WC_QUARTERS, static.shape[1])], 2)
    return x, y


class ClosureTransformer(nn.Module):
    """A one-block Pre-LN transformer (d 32, 4 heads, feed-forward 64 with GELU, causal: each quarter attends only to
    itself and the quarters before it) over the quarters, with learned position embeddings, a final LayerNorm and a
    linear read-out of free SO2 and log DO at each quarter."""

    def __init__(self, d: int = 32, heads: int = 4) -> None:
        super().__init__()
        self.heads = heads
        self.inp = nn.Linear(11, d)
        self.pos = nn.Parameter(0.02 * torch.randn(WC_QUARTERS, d))
        self.ln1, self.ln2, self.norm = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.head = nn.Linear(d, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x) + self.pos
        b, t, d = h.shape
        q, k, v = self.qkv(self.ln1(h)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        att = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        h = h + self.proj(att.transpose(1, 2).reshape(b, t, d))
        h = h + self.ff(self.ln2(h))
        return self.head(self.norm(h))


def closure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised free SO2 and log DO over the eight quarters."""
    return _mse(model, batch)


def wine_closure(batch_size: int = 32, seed: int = 0, train_size: int = 1024, d: int = 32) -> dict[str, Any]:
    """The closure transformer on 1024 bottles, targets standardised over them; held out: 2048 other bottles in
    batches of 1024; Adam with betas (0.9, 0.98) and eps 1e-9 (the transformer recipe, from memory)."""
    gen = torch.Generator().manual_seed(150101)
    x, y = _wc_bottles(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ClosureTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, 0.98), eps=1e-9),
                                "adam_b0.98_eps1e-9"),
            "loss_fn": closure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. cake-tester doneness from the residue along the tester, a 1-D CNN (AdamW; Adagrad on the long plan)

CT_KINDS = 5  # sponge, butter, chiffon, pound, carrot
CT_POINTS = 32


def _ct_probes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A tester pushed to the pan's floor at the cake's centre and pulled out part-way through the bake, photographed
    against a white card: the residue's darkness at 32 points 2.5 mm apart (0-80 mm from the tip). The cake (sponge,
    butter, chiffon, pound, carrot: thermal diffusivity 0.15, 0.13, 0.16, 0.12, 0.12 mm2/s, the batter setting at 78,
    82, 76, 84, 83 C, done at 96, 97, 95, 98, 98 C, the batter's cling 0.8, 1.0, 0.7, 1.2, 1.1) is 30-70 mm deep
    in the tin, from batter at 18-24 C, in an oven at 160-190 C (the heat's reach scaled by (T_oven - 20) / 155).
    Slab conduction from both faces held near 100 C: T = 100 - (100 - T0) sum_{n=1,3,5} 4 / (n pi) sin(n pi z / L)
    exp(-n^2 pi^2 alpha t / L^2); the bake's end from the series' first term at the centre (t_done); the probe at
    0.35-1.15 t_done (the oven's own variation: 2% on t_done). Residue: wet batter below the setting temperature,
    moist crumbs up to doneness (a third as dark), a crust crumb near the top (random), 0.03 of photo noise.
    Returns (profiles (n, 1, 32), the kind and oven (n, 6), targets (n, 2): minutes left (negative: over), core
    temperature C, with a probe thermometer's 0.6 C scatter)."""
    kind = torch.randint(0, CT_KINDS, (n,), generator=gen)
    alpha = torch.tensor([0.15, 0.13, 0.16, 0.12, 0.12])[kind]
    t_set = torch.tensor([78.0, 82.0, 76.0, 84.0, 83.0])[kind]
    t_done = torch.tensor([96.0, 97.0, 95.0, 98.0, 98.0])[kind]
    cling = torch.tensor([0.8, 1.0, 0.7, 1.2, 1.1])[kind]
    depth = 30 + 40 * torch.rand(n, generator=gen)
    t0 = 18 + 6 * torch.rand(n, generator=gen)
    oven = 160 + 30 * torch.rand(n, generator=gen)
    reach = alpha * (oven - 20) / 155
    tau = depth**2 / (math.pi**2 * reach)  # seconds
    done_s = tau * torch.log(4 / math.pi * (100 - t0) / (100 - t_done))
    done_s = done_s * torch.exp(0.02 * torch.randn(n, generator=gen))
    frac = 0.35 + 0.8 * torch.rand(n, generator=gen)
    t = frac * done_s
    z = (torch.arange(CT_POINTS).float() + 0.5).view(1, -1) * 2.5
    inside = (z < depth.view(-1, 1)).float()
    zz = (z / depth.view(-1, 1)).clamp(0, 1)
    theta = torch.zeros(n, CT_POINTS)
    core = torch.zeros(n)
    for k in (1, 3, 5):
        decay = torch.exp(-(k**2) * t / tau)
        theta = theta + 4 / (k * math.pi) * torch.sin(k * math.pi * zz) * decay.view(-1, 1)
        core = core + 4 / (k * math.pi) * math.sin(k * math.pi / 2) * decay
    temp = 100 - (100 - t0).view(-1, 1) * theta.clamp(0, 1)
    core_t = 100 - (100 - t0) * core.clamp(0, 1)
    wet = torch.sigmoid((t_set.view(-1, 1) - temp) / 2.5)
    moist = torch.sigmoid((t_done.view(-1, 1) - 1 - temp) / 1.5) - wet
    resid = cling.view(-1, 1) * (wet + 0.33 * moist.clamp_min(0)) * inside
    crumb_at = depth - 4 * torch.rand(n, generator=gen)
    crumb_h = (0.1 + 0.25 * torch.rand(n, generator=gen)).view(-1, 1)
    crumb = crumb_h * torch.exp(-(((z - crumb_at.view(-1, 1)) / 2.5) ** 2))
    prof = resid + crumb + 0.03 * torch.randn(n, CT_POINTS, generator=gen)
    left = (done_s - t) / 60
    y = torch.stack([left, core_t + 0.6 * torch.randn(n, generator=gen)], 1)
    cond = torch.cat([F.one_hot(kind, CT_KINDS).float(), ((oven - 175) / 8.7).view(-1, 1)], 1)
    return prof.unsqueeze(1), cond, y


class TesterCNN(nn.Module):
    """Two strided 1-D convolutions (kernel 5, the first with GroupNorm, SiLU) over the residue profile, flattened,
    joined with the cake's kind and the oven, and a small head to the minutes left and the core temperature."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(1, width, 5, stride=2, padding=2), nn.GroupNorm(2, width), nn.SiLU(),
            nn.Conv1d(width, width, 5, stride=2, padding=2), nn.SiLU())
        self.head = nn.Sequential(nn.Linear(width * CT_POINTS // 4 + CT_KINDS + 1, 32), nn.SiLU(), nn.Linear(32, 2))

    def forward(self, prof: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(prof).flatten(1), cond], 1))


def tester_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised minutes left and core temperature."""
    return _mse(model, batch)


def cake_tester(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 16,
                optimizer: str = "adamw") -> dict[str, Any]:
    """The tester CNN on 1024 probes, targets standardised over them; held out: 2048 other probes in batches of 1024;
    AdamW (torch's defaults: weight decay 0.01), or Adagrad (torch's defaults) for the long plan."""
    gen = torch.Generator().manual_seed(150102)
    prof, cond, y = _ct_probes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (prof[:train_size], cond[:train_size], y[:train_size])
    opt = (_named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw") if optimizer == "adamw" else
           _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"))
    torch.manual_seed(seed)
    return {"model": TesterCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((prof[train_size:], cond[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": tester_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. flour-sifter aeration, an embedding net (Adagrad; long only)

FS_FLOURS = 8  # cake, pastry, all-purpose, bread, whole wheat, rye, almond, cornflour
FS_SIFTERS = 6  # one-screen crank, three-screen crank, squeeze handle, drum sieve, battery sifter, tapped strainer


def _fs_sifts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """A cup of flour sifted into a bowl. The flour (median particle 45, 55, 70, 85, 150, 120, 300, 15 um; particle
    density 1.45 g/cm3, almond 1.1; a cohesion factor 1.4, 1.3, 1.0, 0.9, 0.8, 1.1, 0.6, 2.2 for its fat, bran and
    starch damage), stored at 30-85% RH (moisture 11-17%), settled 0-60 days in its bag; the sifter (screen aperture
    0.6, 0.5, 0.7, 0.5, 0.8, 0.4 mm; screens 1, 3, 1, 1, 1, 1; breaking efficiency 0.45, 0.75, 0.35, 0.6, 0.55,
    0.3 a pass; a pass time per 100 g 9, 14, 11, 20, 6, 25 s), 1-3 passes, a scoop of 100-400 g, falling 5-30 cm.
    A granular Bond number Bo = cohesion (60 um / d50)^1.5 (1 + 8 (moisture - 0.11)); the loose-packed porosity
    0.45 + 0.25 tanh(Bo / 2); agglomerates from the bag (0.35 tanh(Bo) (1 + days / 30)) broken by each pass at the
    sifter's efficiency (more screens, fewer lumps); the lumps bigger than the aperture stay on the screen; the
    aerated density rises with the lumps left and the fall's impact; the sifting time from first-order sieving slowed
    by cohesion and by particles near the aperture. Scatter: 1.5% density, 0.12 on the log lumps, 6% time. Returns
    (flour ids, sifter ids, conditions (n, 5), targets (n, 3): density g/L, log lumps g, log seconds)."""
    flour = torch.randint(0, FS_FLOURS, (n,), generator=gen)
    sifter = torch.randint(0, FS_SIFTERS, (n,), generator=gen)
    d50 = torch.tensor([45.0, 55, 70, 85, 150, 120, 300, 15])[flour]
    rho_p = torch.tensor([1.45, 1.45, 1.45, 1.45, 1.45, 1.45, 1.1, 1.5])[flour]
    coh = torch.tensor([1.4, 1.3, 1.0, 0.9, 0.8, 1.1, 0.6, 2.2])[flour]
    aper = torch.tensor([0.6, 0.5, 0.7, 0.5, 0.8, 0.4])[sifter]
    eff = torch.tensor([0.45, 0.75, 0.35, 0.6, 0.55, 0.3])[sifter]
    pass_s = torch.tensor([9.0, 14, 11, 20, 6, 25])[sifter]
    rh = 30 + 55 * torch.rand(n, generator=gen)
    days = 60 * torch.rand(n, generator=gen)
    passes = torch.randint(1, 4, (n,), generator=gen).float()
    scoop = 100 + 300 * torch.rand(n, generator=gen)
    fall = 5 + 25 * torch.rand(n, generator=gen)
    moist = 0.11 + 0.06 * ((rh - 30) / 55) ** 1.5
    bo = coh * (60 / d50) ** 1.5 * (1 + 8 * (moist - 0.11))
    eps = 0.45 + 0.25 * torch.tanh(bo / 2)
    agg0 = 0.35 * torch.tanh(bo) * (1 + days / 30)
    agg = agg0 * (1 - eff) ** passes
    big = torch.exp(-aper / (0.6 * (1 + 0.5 * bo)))  # share of the lumps larger than the aperture
    lumps = scoop * agg * big * (1 - eff)
    density = 1000 * rho_p * (1 - eps) * (1 + 0.5 * agg) * (1 + 0.004 * fall)
    time_s = pass_s * passes * scoop / 100 * (1 + 0.6 * bo) * torch.exp(1.5 * d50 / 1000 / aper * 3)
    y = torch.stack([density * torch.exp(0.015 * torch.randn(n, generator=gen)),
                     torch.log(lumps + 0.2) + 0.12 * torch.randn(n, generator=gen),
                     torch.log(time_s) + 0.06 * torch.randn(n, generator=gen)], 1)
    cond = torch.stack([(rh - 57.5) / 16, (days - 30) / 17.3, passes - 2, (scoop - 250) / 87, (fall - 17.5) / 7.2], 1)
    return flour, sifter, cond, y


class SifterNet(nn.Module):
    """Learned embeddings of the flour (4-d) and the sifter (3-d), joined with the conditions, through a ReLU MLP to
    the density, lumps and time."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.flour = nn.Embedding(FS_FLOURS, 4)
        self.sifter = nn.Embedding(FS_SIFTERS, 3)
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, flour: torch.Tensor, sifter: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.flour(flour), self.sifter(sifter), cond], 1))


def sifter_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised density, log lumps and log time."""
    return _mse(model, batch)


def flour_sifter(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The sifter embedding net on 8192 sifts, targets standardised over them; held out: 2048 other sifts in batches
    of 1024; Adagrad with an initial accumulator of 0.1 (the embedding-model habit)."""
    gen = torch.Generator().manual_seed(150103)
    flour, sifter, cond, y = _fs_sifts(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (flour[:train_size], sifter[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SifterNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((flour[train_size:], sifter[train_size:], cond[train_size:], y[train_size:]),
                                       1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1"),
            "loss_fn": sifter_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. proving-basket proof of a sourdough loaf, an LSTM (Adam)

PB_BASKETS = 4  # bare cane, cane with a linen liner, wood pulp, plastic
PB_STEPS = 16


def _ctmi(t: torch.Tensor, t_min: float = 2.0, t_opt: float = 32.0, t_max: float = 44.0) -> torch.Tensor:
    """Rosso's cardinal temperature model with inflection (from memory), 0 outside (t_min, t_max), 1 at t_opt."""
    t = t.clamp(t_min + 1e-3, t_max - 1e-3)
    num = (t - t_max) * (t - t_min) ** 2
    den = (t_opt - t_min) * ((t_opt - t_min) * (t - t_opt) - (t_opt - t_max) * (t_opt + t_min - 2 * t))
    return (num / den).clamp_min(0)


def _pb_proofs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Shaped sourdough loaves proving in a basket for 8 hours, read every 30 minutes. Dough: hydration 65-85%,
    levain 10-30% of the flour, flour strength W 180-380, 0.5-1.2 kg, shaped at 24-27 C. The room: a bench at
    19-28 C, then (for 60% of loaves) a cold retard at 3-6 C from hour 1.5-4 until hour 6-7, then the bench again.
    The dough's temperature follows the room's with a time constant of 1.2-2.4 h (rising with mass). Gas
    production: the culture's activity (the levain share^0.7) times a cardinal temperature model (2 / 32 / 44 C),
    growing with the activity (x1.6 an hour at the optimum) and the sugars running out (first order in the gas made).
    Volume: 1 + V_cap tanh(G / V_cap), less 0.35 (G - 1.3 V_cap)+ once over-proved; V_cap from the flour's strength
    and the hydration. The skin's water loss (g / dm2): evaporation by the Magnus vapour pressure and the humidity
    under a cover (90%) or in the open (55%), times the basket's wicking (1.0, 0.7, 1.3, 0.3); a drier skin holds
    the rise back a little. Scatter: 0.015 on the log volume (an aliquot jar), 4% on the loss. Returns (inputs
    (n, 16, 10): the room temperature and the loaf's static values; targets (n, 16, 2): log volume, water loss)."""
    hyd = 0.65 + 0.2 * torch.rand(n, generator=gen)
    lev = 0.1 + 0.2 * torch.rand(n, generator=gen)
    w = 180 + 200 * torch.rand(n, generator=gen)
    mass = 0.5 + 0.7 * torch.rand(n, generator=gen)
    basket = torch.randint(0, PB_BASKETS, (n,), generator=gen)
    covered = (torch.rand(n, generator=gen) < 0.5).float()
    bench = 19 + 9 * torch.rand(n, generator=gen)
    retard = (torch.rand(n, generator=gen) < 0.6).float()
    cold = 3 + 3 * torch.rand(n, generator=gen)
    r_on = 1.5 + 2.5 * torch.rand(n, generator=gen)
    r_off = 6 + torch.rand(n, generator=gen)
    hours = (torch.arange(PB_STEPS).float() + 1) * 0.5
    h = hours.view(1, -1)
    in_retard = retard.view(-1, 1) * ((h > r_on.view(-1, 1)) & (h <= r_off.view(-1, 1))).float()
    room = bench.view(-1, 1) * (1 - in_retard) + cold.view(-1, 1) * in_retard
    tc = 1.2 + 1.2 * (mass - 0.5) / 0.7
    dough_t = 24 + 3 * torch.rand(n, generator=gen)
    v_cap = 1.3 * (w / 280) ** 0.8 * (1 - 1.5 * (hyd - 0.75))
    wick = torch.tensor([1.0, 0.7, 1.3, 0.3])[basket]
    rh = 0.9 * covered + 0.55 * (1 - covered)
    act = lev**0.7 * 1.2
    gas = torch.zeros(n)
    loss = torch.zeros(n)
    vols, skins = [], []
    for i in range(PB_STEPS):
        for _ in range(2):  # 15-minute substeps
            dough_t = dough_t + (room[:, i] - dough_t) * (1 - torch.exp(-0.25 / tc))
            g = _ctmi(dough_t)
            act = act * torch.exp(0.47 * g * 0.25)
            gas = gas + 0.25 * act * g * torch.exp(-gas / 2.5) * 0.5
            psat = 0.6108 * torch.exp(17.27 * dough_t / (dough_t + 237.3))  # kPa, Magnus
            loss = loss + 0.25 * 0.9 * psat * (1 - rh) * wick
        vol = 1 + v_cap * torch.tanh(gas / v_cap) - 0.35 * torch.relu(gas - 1.3 * v_cap)
        vol = vol * (1 - 0.04 * torch.tanh(loss / 2))
        vols.append(torch.log(vol.clamp_min(0.5)) + 0.015 * torch.randn(n, generator=gen))
        skins.append(loss * torch.exp(0.04 * torch.randn(n, generator=gen)))
    y = torch.stack([torch.stack(vols, 1), torch.stack(skins, 1)], 2)
    static = torch.cat([torch.stack([(hyd - 0.75) / 0.058, (lev - 0.2) / 0.058, (w - 280) / 58, (mass - 0.85) / 0.2,
                                     2 * covered - 1], 1), F.one_hot(basket, PB_BASKETS).float()], 1)
    x = torch.cat([((room - 15) / 9).unsqueeze(2), static.unsqueeze(1).expand(n, PB_STEPS, static.shape[1])], 2)
    return x, y


class ProofLSTM(nn.Module):
    """A one-layer LSTM over the half-hours and a linear read-out of the log volume and the skin's water loss."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.lstm = nn.LSTM(10, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h)


def proof_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log volume and water loss over the 16 readings."""
    return _mse(model, batch)


def proving_basket(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 24) -> dict[str, Any]:
    """The proof LSTM on 1024 loaves, targets standardised over them; held out: 2048 other loaves in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(150104)
    x, y = _pb_proofs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ProofLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": proof_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. egg-separator yolk capture, a residual MLP with LayerNorm (Adagrad)

ES_KINDS = 4  # slotted cup, funnel, bottle suction, slotted spoon


def _es_eggs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Boxes of eggs separated with a kitchen separator. The egg: 0-42 days old, kept in a fridge (4 C) or at room
    temperature (20 C), 50-75 g, separated at 4-25 C. Albumen height from a fresh 7.5-9.5 mm decaying at 1.2% a day
    in the fridge, 4.5% at room temperature; the Haugh unit 100 log10(H - 1.7 W^0.37 + 7.6); the thick white's share
    0.25 + 0.45 HU / 100; the white's viscosity falling 2.5% per C. The vitelline membrane's strength decaying 2% a
    day cold, 6% warm, weaker when the egg is warm; the impact from the drop height (2-10 cm) and the separator's edge
    (sharpness 1.0, 0.8, 0.5, 1.2); the yolk, flattened as it ages (its index falling), slips through slots wider
    than 7 mm x index / 0.45. A yolk is lost with probability sigmoid(L / 0.4), L the soft maximum (log-sum-exp) of
    the breaking margin 3 ln(impact / strength) - 1.5 and the slipping margin (slot - 7 mm x index / 0.45) / 0.5 mm;
    the target is the share lost of the box's 24 eggs, separated alike. The white carried over with the yolk (g)
    rises with the thick share and the viscosity and falls with the slot width; the drain time from viscous flow
    through the open area (kinds 1.0, 1.6, 0.7, 0.8; slot width 2-7 mm, ~w^2). Scatter: 0.05 on the log carry-over,
    0.04 on the log drain time. Returns (inputs (n, 10), targets (n, 3): share of yolks lost, log carry-over, log
    drain time)."""
    age = 42 * torch.rand(n, generator=gen)
    fridge = (torch.rand(n, generator=gen) < 0.5).float()
    mass = 50 + 25 * torch.rand(n, generator=gen)
    temp = 4 + 21 * torch.rand(n, generator=gen)
    kind = torch.randint(0, ES_KINDS, (n,), generator=gen)
    slot = 2 + 5 * torch.rand(n, generator=gen)
    drop = 2 + 8 * torch.rand(n, generator=gen)
    h0 = 7.5 + 2 * torch.rand(n, generator=gen)
    h = h0 * torch.exp(-age * (0.012 * fridge + 0.045 * (1 - fridge)))
    hu = 100 * torch.log10((h - 1.7 * mass**0.37 + 7.6).clamp_min(1.0))
    thick = 0.25 + 0.45 * hu / 100
    visc = torch.exp(-0.025 * (temp - 4))
    strength = torch.exp(-age * (0.02 * fridge + 0.06 * (1 - fridge))) * (1 - 0.012 * (temp - 4))
    sharp = torch.tensor([1.0, 0.8, 0.5, 1.2])[kind]
    impact = 0.25 * (drop / 5) ** 0.5 * sharp * (mass / 60) ** 0.33
    index = 0.45 * torch.exp(-age * (0.004 * fridge + 0.012 * (1 - fridge)))
    slip = (slot - 7 * index / 0.45) / 0.5
    logit = torch.logaddexp(3 * torch.log(impact / strength) - 1.5, slip)
    lost = (torch.rand(n, 24, generator=gen) < torch.sigmoid(logit / 0.4).view(-1, 1)).float().mean(1)
    carry = 2.5 * thick * visc**0.5 / (slot / 4) ** 1.2 * torch.tensor([1.0, 0.8, 1.4, 1.1])[kind]
    open_area = torch.tensor([1.0, 1.6, 0.7, 0.8])[kind]
    drain = 8 * (1 - 0.5 * thick) ** -1 * visc * (mass / 60) / (open_area * (slot / 4) ** 2)
    y = torch.stack([lost, torch.log(carry) + 0.05 * torch.randn(n, generator=gen),
                     torch.log(drain) + 0.04 * torch.randn(n, generator=gen)], 1)
    x = torch.cat([torch.stack([(age - 21) / 12, 2 * fridge - 1, (mass - 62.5) / 7.2, (temp - 14.5) / 6.1,
                                (slot - 4.5) / 1.44, (drop - 6) / 2.3], 1), F.one_hot(kind, ES_KINDS).float()], 1)
    return x, y


class ResBlock(nn.Module):
    """A pre-norm residual block: LayerNorm, Linear, GELU, Linear."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class SeparatorNet(nn.Module):
    """A residual MLP (two pre-norm blocks) from the egg and the separator to the share of yolks lost, the log
    carry-over and the log drain time."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(10, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.norm(self.blocks(self.inp(x))))


def separator_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised share of yolks lost, log carry-over and log drain time."""
    return _mse(model, batch)


def egg_separator(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 48,
                  blocks: int = 2) -> dict[str, Any]:
    """The separator net on 1024 boxes, targets standardised over them; held out: 2048 other boxes in batches of
    1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(150105)
    x, y = _es_eggs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SeparatorNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": separator_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. moka-pot brewing, a grey-box net (Adagrad; long only)

MP_TIMES = 8


def _mp_brews(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Stovetop moka pots: size 1, 3 or 6 cups (boiler 70, 160, 300 ml to the valve; basket 7, 16, 30 g), filled to
    70-100% of the valve, with water at 15-90 C, on a stove giving 250-900 W to the water (times the cups^0.3),
    grind 250-700 um, the basket filled 0.85-1.1 (level to lightly tamped). The boiler in 1-s steps: the water (and
    the pot's 40 g water-equivalent a cup) warms at P / (m c); the headspace gas is the air (warmed, and expanding as
    the water leaves) plus the vapour pressure (Antoine for water, from memory: log10 p(mmHg) = 8.07131 - 1730.63 /
    (233.426 + T)) less what it was at the start; past the bed's breakthrough pressure (about 12-27 kPa, higher for
    fine grinds and tamped baskets) the water crosses the puck by Darcy's law (permeability ~ d^2 eps^3 / (1 -
    eps)^2, the viscosity falling with temperature); the flow stops when the level reaches the funnel tube (12% of
    the fill stays). The cumulative volume in the upper chamber at 30, 60 ... 240 s after the stove is lit (a scale
    under the pot, 2 ml of scatter) and the extraction yield (first order in the water through the bed per gram, a
    maximum of about 20-25% rising with the water's temperature and fineness, 0.4% scatter). Returns (conditions
    (n, 8), targets (n, 9): 8 volumes (ml / 100) and the yield (% / 10))."""
    size = torch.randint(0, 3, (n,), generator=gen)
    boiler = torch.tensor([70.0, 160, 300])[size]
    basket = torch.tensor([7.0, 16, 30])[size]
    cups = torch.tensor([1.0, 3, 6])[size]
    fill = 0.7 + 0.3 * torch.rand(n, generator=gen)
    t0 = 15 + 75 * torch.rand(n, generator=gen)
    power = (250 + 650 * torch.rand(n, generator=gen)) * cups**0.3
    grind = 250 + 450 * torch.rand(n, generator=gen)
    bfill = 0.85 + 0.25 * torch.rand(n, generator=gen)
    water = boiler * fill  # ml
    head0 = boiler * 1.25 - water  # headspace ml (the boiler's volume above the valve level)
    eps = 0.42 - 0.12 * (bfill - 0.85) / 0.25
    perm = (grind / 500) ** 2 * eps**3 / (1 - eps) ** 2 / (0.42**3 / 0.58**2)
    area = basket ** (2 / 3)
    breakthrough = 8 + 8 * (500 / grind) * bfill**2

    def antoine(tc: torch.Tensor) -> torch.Tensor:
        return 10 ** (8.07131 - 1730.63 / (233.426 + tc)) * 0.13332  # kPa

    temp = t0.clone()
    p_v0 = antoine(t0)
    left = water.clone()
    out_vol = torch.zeros(n)
    through_t = torch.zeros(n)
    vols = []
    for s in range(1, 241):
        temp = temp + power / (4.18 * (left + 40 * cups))
        head = head0 + (water - left)
        p_air = 101.3 * (temp + 273.15) / (t0 + 273.15) * head0 / head
        dp = (p_air + antoine(temp) - p_v0 - 101.3).clamp_min(0)
        visc = torch.exp(-0.022 * (temp - 20))
        can = (left > 0.12 * water).float()
        q = can * 0.03 * perm * area / basket ** 0.33 * torch.relu(dp - breakthrough) / visc
        q = torch.minimum(q, (left - 0.12 * water).clamp_min(0))
        left = left - q
        out_vol = out_vol + q
        through_t = through_t + q * temp
        if s % 30 == 0:
            vols.append(out_vol)
    mean_t = through_t / out_vol.clamp_min(1e-3)
    e_max = 22 + 2 * (500 - grind) / 250 + 0.08 * (mean_t - 90)
    ey = e_max * (1 - torch.exp(-1.2 * out_vol / (bfill * basket) / 4))
    v = torch.stack(vols, 1) + 2 * torch.randn(n, MP_TIMES, generator=gen)
    y = torch.cat([v / 100, ((ey + 0.4 * torch.randn(n, generator=gen)) / 10).view(-1, 1)], 1)
    x = torch.cat([F.one_hot(size, 3).float(), torch.stack([(fill - 0.85) / 0.087, (t0 - 52.5) / 21.7,
                   (power / cups**0.3 - 575) / 188, (grind - 475) / 130, (bfill - 0.975) / 0.072], 1)], 1)
    return x, y


class MokaGreyBox(nn.Module):
    """An MLP from the pot to four physical quantities (the flow's onset, its time scale, the delivered volume and the
    extraction yield) and a physics layer: the cumulative volume V(t) = V_f (1 - exp(-(s(t) / tau)^2)) with s(t) a
    softplus of the time past the onset, read at 30 ... 240 s."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        self.register_buffer("times", torch.arange(1, MP_TIMES + 1).float() * 30)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        onset = 120 + 60 * p[:, :1]
        tau = 40 * torch.exp(0.5 * p[:, 1:2])
        v_f = 1.2 * torch.exp(0.8 * p[:, 2:3])  # hundreds of ml
        s = F.softplus((self.times.view(1, -1) - onset) / 10) * 10
        vol = v_f * (1 - torch.exp(-((s / tau) ** 2)))
        return torch.cat([vol, 2 + p[:, 3:4]], 1)


def moka_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the eight volumes (hundreds of ml) and the yield (tens of %)."""
    return _mse(model, batch)


def moka_pot(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The moka grey-box on 8192 brews; held out: 2048 other brews in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(150106)
    x, y = _mp_brews(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MokaGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": moka_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("wine_closure_adam", wine_closure, 300, "wine_closure_otr_free_so2_preln_transformer", "adam_b0.98_eps1e-9",
      "finite", 32, seconds=0.8, start_lr=0.016),
    W("cake_tester_adamw", cake_tester, 300, "cake_tester_residue_profile_doneness_cnn1d_gn", "adamw", "finite", 32,
      seconds=0.7, start_lr=0.032),
    W("proving_basket_adam", proving_basket, 300, "banneton_sourdough_proof_ctmi_skin_lstm", "adam", "finite", 64,
      seconds=1.0, start_lr=0.064),
    W("egg_separator_adagrad", egg_separator, 300, "egg_separator_yolk_capture_haugh_resmlp_ln", "adagrad", "finite",
      64, seconds=0.6, start_lr=0.064),
)
LONG = (
    W("flour_sifter_adagrad@long", flour_sifter, 3000, "flour_sifter_aeration_bond_number_embedding_net",
      "adagrad_acc0.1", "finite", 64, seconds=2.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("moka_pot_adagrad@long", moka_pot, 3000, "moka_pot_antoine_darcy_brew_curve_greybox", "adagrad", "finite", 32,
      seconds=2.5, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("cake_tester_adagrad@long", cake_tester, 3000, "cake_tester_residue_profile_doneness_cnn1d_gn", "adagrad",
      "finite", 32, dict(train_size=8192, width=8, optimizer="adagrad"), seconds=3.5, start_lr=0.256,
      grid_fractions=(0.0, 0.05), long_of="cake_tester_adamw"),
    W("egg_separator_adagrad@long", egg_separator, 3000, "egg_separator_yolk_capture_haugh_resmlp_ln", "adagrad",
      "finite", 32, dict(train_size=8192, width=32, blocks=1), seconds=2.5, start_lr=0.256,
      grid_fractions=(0.0, 0.05), long_of="egg_separator_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam150_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fiftieth exam's workloads")
