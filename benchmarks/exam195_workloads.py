"""The hundred-and-ninety-fifth exam: six more workload families that neither the suite nor exams 1-192 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam192_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from teepees and smoke draft, tuk-tuks and fuel economy, ziggurats and terrace
runoff, mangroves and tidal sediment trapping, hailstones and growth layers, and icicles and drip freezing (exams
193, 194 and 196 were built at the same time from other domains; their modules were not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam195/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hailstone growth layers (short): a 2-D CNN (three conv layers with BatchNorm) reads a 16 x 16 thin section of a
  hailstone under transmitted light (clear wet-growth and milky dry-growth shells around a graupel or frozen-drop
  embryo) and estimates the number of visible growth bands, the clear-ice share of the section and the log diameter;
  the shells from a stone cycled through an updraft, each pass in wet growth when the cloud's liquid water exceeds a
  Schumann-Ludlam-like limit (rising as the air is colder, falling as the stone grows); MSE; SGD with Nesterov
  momentum 0.9 and weight decay 5e-4 (the usual small-CNN recipe)
- ziggurat terrace runoff (short): a small Pre-LN transformer (one block) over the seven terraces of a stepped
  ziggurat (each a token: its area, fill depth, paving slope, drain capacity, planting) with the storm's depth and
  peak intensity; per terrace the log runoff passed down and the log volume spilling over the terrace edge (facade
  wash); SCS curve-number runoff on each terrace of its own rain plus part of what comes from above, a drain with a
  capacity and an overflow; MSE of the standardised outputs; RAdam (torch's defaults)
- mangrove tidal sediment trapping (short and long): an embedding net from the site (20 estuaries: hidden
  suspended-sediment concentration, tidal range and settling velocity), the dominant species and the plot's
  elevation, distance from the creek, stem and pneumatophore density to the log vertical accretion rate (marker
  horizons); inundation from a sinusoidal tide over the plot, sediment supply decaying inland with a length set by
  the root drag, trapping efficiency rising with the roots' frontal area; MSE; NAdam (short), Adagrad (long)
- tuk-tuk fleet fuel economy (short and long): a factorisation machine over the trip's vehicle, driver, zone,
  hour band and fuel (one-hot, sparse) and dense trip features to the log fuel per 100 km; fuel from a Willans line
  (fuel power = idle power + traction power / marginal efficiency) with rolling, aero, grade, stop-and-go kinetic
  losses and idling, the vehicle's engine wear, the driver's aggressiveness and the zone's congestion by hour;
  MSE; SGD with (heavy-ball) momentum 0.9 (short), Adagrad (long)
- teepee smoke draft (a long plan only): a grey-box model of the draught through a tipi (the smoke hole between the
  flaps, the gap under the cover and the liner): the stack flow of the fire's heat (the closed-form fixed point)
  and the wind's flow from its pressure difference across the openings, combined in quadrature, with a learned
  discharge coefficient, the wind's pressure coefficient at the smoke hole as a learned linear form in a Fourier
  basis of the flaps' angle to the wind and their opening, and learned smoke-mixing constants; log draught flow
  and log smoke at seated head height; MSE; Adagrad
- icicle drip freezing (a long plan only): a grey-box icicle growth model (a Makkonen-style heat balance from
  memory): the water supplied from the roof, the share that freezes from convective heat loss (a learned Nusselt
  correlation) and a small net for the radiative / evaporative terms, length growth at the drip tip and
  thickening along the side; log length growth, log mass growth and the drip-off share; MSE; Adagrad

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the teepee and icicle
grey boxes (no short plans), the mangrove net on 8192 plots instead of 3072 and the tuk-tuk machine on 8192 trips
instead of 2048, both with Adagrad (their short plans use NAdam and SGD with momentum).

Of the eight plans, four use Adagrad (the long plans), one NAdam (mangrove), one RAdam (ziggurat), one SGD with
Nesterov momentum (hailstone) and one SGD with heavy-ball momentum (tuk-tuk).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam195_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam195/README.md).

    python benchmarks/exam195_workloads.py          # the table
    python benchmarks/exam195_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 195"


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
    """Targets standardised per column (or per last-axis entry) with the mean and sd of the first ``n`` rows."""
    flat = y[:n].reshape(-1, y.shape[-1]) if y.dim() > 2 else y[:n]
    return (y - flat.mean(0)) / flat.std(0)


def _pool(x: tuple[torch.Tensor, ...], y: torch.Tensor, train_size: int, batch_size: int, held: int = 2048
          ) -> tuple[torch.utils.data.DataLoader, list[tuple[torch.Tensor, ...]], tuple[torch.Tensor, ...]]:
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    ev = tuple(t[train_size:train_size + held] for t in x) + (y[train_size:train_size + held],)
    return loader(*tr, batch_size=batch_size), split_batches(ev, 1024), tr


# --------------------------------------------------------------------------------------------------------------
# 1. hailstone growth layers from a thin section (2-D CNN, SGD with Nesterov momentum)

HS_PX = 16
HS_PASSES = 6


def _hs_sections(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Thin sections of hailstones photographed under transmitted light (16 x 16, 0.35 cm a pixel: opacity, 0 =
    clear). The embryo is graupel (milky) or a frozen drop (clear), radius 0.15-0.5 cm. The stone then makes 2-6
    passes through the updraft; each pass at a temperature of -30 to -5 C and a liquid water content of 0.5-4 g/m3
    adds a shell whose thickness grows with the liquid water, the pass's time and the stone's size. A pass is wet
    growth (clear ice) when the liquid water exceeds a Schumann-Ludlam-like critical content that rises with the
    cold (0.12 (-T)) and falls with the stone's diameter (d^-0.5), dry growth (milky, bubbly) otherwise; a wet pass
    in cold air traps some bubbles. Adjacent shells of the same kind merge into one visible band. The section is a
    little elliptic and off-centre; camera noise 0.06. Returns (images (n, 1, 16, 16), targets (n, 3): the number
    of visible bands / 2, 4 x the clear share of the section's area, log diameter in cm)."""
    embryo_clear = (torch.rand(n, generator=gen) < 0.4).float()
    r0 = 0.15 + 0.35 * torch.rand(n, generator=gen)
    passes = torch.randint(2, HS_PASSES + 1, (n,), generator=gen)
    temp = -30 + 25 * torch.rand(n, HS_PASSES, generator=gen)
    lwc = 0.5 + 3.5 * torch.rand(n, HS_PASSES, generator=gen)
    dur = 0.5 + torch.rand(n, HS_PASSES, generator=gen)
    radii = [r0]
    kinds = [embryo_clear]
    r = r0
    for k in range(HS_PASSES):
        on = (k < passes).float()
        d = 2 * r
        crit = 0.12 * (-temp[:, k]) * d.clamp_min(0.2) ** -0.5
        wet = (lwc[:, k] > crit).float()
        dr = on * 0.06 * lwc[:, k] * dur[:, k] * (1 + d) ** 0.5
        r = r + dr
        radii.append(r)
        kinds.append(wet * (1 - 0.3 * (temp[:, k] < -20).float()))
    rad = torch.stack(radii, 1)  # outer radius after each stage (n, P + 1)
    kind = torch.stack(kinds, 1)  # clearness of each stage (1 clear, 0 milky)
    diam = 2 * rad[:, -1]
    # visible bands: stages that add thickness, merged when neighbours are of the same kind
    grew = torch.cat([torch.ones(n, 1), (rad[:, 1:] - rad[:, :-1] > 1e-6).float()], 1)
    clear_bin = (kind > 0.5).float()
    bands = torch.ones(n)
    last = clear_bin[:, 0]
    for k in range(1, HS_PASSES + 1):
        change = grew[:, k] * (clear_bin[:, k] != last).float()
        bands = bands + change
        last = torch.where(grew[:, k] > 0, clear_bin[:, k], last)
    inner = torch.cat([torch.zeros(n, 1), rad[:, :-1]], 1)
    area = rad**2 - inner**2
    clear_share = (area * clear_bin).sum(1) / rad[:, -1] ** 2
    # the image
    ax = (torch.arange(HS_PX).float() - (HS_PX - 1) / 2) * 0.35
    yy, xx = torch.meshgrid(ax, ax, indexing="ij")
    cx = 0.25 * torch.randn(n, 1, 1, generator=gen)
    cy = 0.25 * torch.randn(n, 1, 1, generator=gen)
    ell = 1 + 0.15 * torch.rand(n, 1, 1, generator=gen)
    rr = (((xx - cx) / ell) ** 2 + ((yy - cy) * ell) ** 2).sqrt()  # (n, 16, 16)
    opac = torch.zeros(n, HS_PX, HS_PX)
    for k in range(HS_PASSES + 1):
        lo = inner[:, k].view(-1, 1, 1)
        hi = rad[:, k].view(-1, 1, 1)
        inside = torch.sigmoid((rr - lo) / 0.08) * torch.sigmoid((hi - rr) / 0.08)
        o = (0.15 + 0.7 * (1 - kind[:, k])).view(-1, 1, 1)
        opac = opac + inside * o
    img = opac + 0.06 * torch.randn(n, HS_PX, HS_PX, generator=gen)
    y = torch.stack([bands / 2, 4 * clear_share, torch.log(diam)], 1)
    return img.unsqueeze(1), y


class HailSectionCNN(nn.Module):
    """Three 3x3 conv layers with BatchNorm and ReLU (2x2 max-pools after the first two), flattened (4 x 4 x 24)
    into a linear head to the three estimates."""

    def __init__(self, ch: int = 12) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, ch, 3, padding=1, bias=False), nn.BatchNorm2d(ch), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(ch, 2 * ch, 3, padding=1, bias=False), nn.BatchNorm2d(2 * ch), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(2 * ch, 2 * ch, 3, padding=1, bias=False), nn.BatchNorm2d(2 * ch), nn.ReLU())
        self.head = nn.Linear(2 * ch * (HS_PX // 4) ** 2, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def hail_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of bands / 2, 4 x the clear share and the log diameter."""
    return _mse(model, batch)


def hailstone_layers(batch_size: int = 32, seed: int = 0, train_size: int = 2048, ch: int = 12) -> dict[str, Any]:
    """The section CNN on 2048 thin sections; held out: 2048 other sections in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(195105)
    x, y = _hs_sections(train_size + 2048, gen)
    data, ev, tr = _pool((x,), y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": HailSectionCNN(ch), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": hail_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. ziggurat terrace runoff (Pre-LN transformer, RAdam)

ZG_LEVELS = 7


def _zg_storms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Storms on stepped ziggurats of seven terraces (top first). Each terrace: area 40-400 m2 (larger lower
    down), earth fill depth 0.1-1 m over bitumen-sealed brick (the curve number's retention S from the fill and
    the planting: CN 70-95), a paving slope of 0.5-3%, a drain (a baked-brick channel) with a capacity of 2-20 l/s,
    planted or bare. The storm: depth 10-120 mm, peak intensity 20-150 mm/h. Each terrace takes its own rain and
    60-90% of what comes down the drain above (the rest lost to the stairs); the SCS curve-number runoff Q = (P -
    0.2 S)^2 / (P + 0.8 S) on the terrace's own rain, the water from above re-infiltrating by a fraction of the
    fill's remaining store. The peak flow (the runoff over a time of concentration from the area and slope, scaled
    by the peak intensity) above the drain's capacity spills over the edge. 12% scatter (lognormal). Returns
    (features (n, 7, 8), targets (n, 7, 2): log1p runoff passed down (m3) and log1p spill over the edge (m3),
    standardised)."""
    lvl = torch.arange(ZG_LEVELS).float().view(1, -1)
    area = (40 + 60 * lvl) * (0.7 + 0.6 * torch.rand(n, ZG_LEVELS, generator=gen))
    fill = 0.1 + 0.9 * torch.rand(n, ZG_LEVELS, generator=gen)
    slope = 0.5 + 2.5 * torch.rand(n, ZG_LEVELS, generator=gen)
    cap = 2 + 18 * torch.rand(n, ZG_LEVELS, generator=gen)
    planted = (torch.rand(n, ZG_LEVELS, generator=gen) < 0.4).float()
    depth = 10 + 110 * torch.rand(n, 1, generator=gen)
    peak = 20 + 130 * torch.rand(n, 1, generator=gen)
    share = 0.6 + 0.3 * torch.rand(n, 1, generator=gen)
    cn = 95 - 20 * fill - 5 * planted
    s = 25.4 * (1000 / cn - 10)  # mm
    q_mm = torch.relu(depth - 0.2 * s) ** 2 / (depth + 0.8 * s)
    store_left = (s - (depth - q_mm)).clamp_min(0) / s
    passed, spilled = [], []
    inflow = torch.zeros(n)
    for k in range(ZG_LEVELS):
        own = q_mm[:, k] * area[:, k] / 1000  # m3
        kept = inflow * (0.5 * store_left[:, k] * (0.5 + fill[:, k]) / 1.5)
        total = own + inflow - kept
        tc = 3 + 0.08 * area[:, k].sqrt() / (slope[:, k] / 100) ** 0.3  # minutes
        qpeak = total * 1000 / (tc * 60) * (peak[:, 0] / 60) ** 0.7 * (1 + 0.5 * (1 - share[:, 0]))  # l/s
        over = torch.relu(qpeak - cap[:, k]) / qpeak.clamp_min(1e-6)
        spill = total * over * 0.8
        down = total - spill
        passed.append(down)
        spilled.append(spill)
        inflow = down * share[:, 0]
    y = torch.stack([torch.stack(passed, 1), torch.stack(spilled, 1)], 2)
    y = torch.log1p(y * torch.exp(0.12 * torch.randn(y.shape, generator=gen)))
    x = torch.stack([torch.log(area / 150), (fill - 0.55) / 0.26, (slope - 1.75) / 0.72, (cap - 11) / 5.2,
                     2 * planted - 1, ((depth - 65) / 32).expand(-1, ZG_LEVELS),
                     ((peak - 85) / 37.5).expand(-1, ZG_LEVELS), ((share - 0.75) / 0.087).expand(-1, ZG_LEVELS)], 2)
    return x, y


class TerraceBlock(nn.Module):
    """A Pre-LN transformer block: x + attention(LN(x)) (one fused q / k / v projection, torch's scaled dot-product
    attention), then x + FFN(LN(x))."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(n, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(n, t, d)
        x = x + self.proj(a)
        return x + self.ff(self.ln2(x))


class TerraceTransformer(nn.Module):
    """Terrace tokens (a linear embedding plus a learned level embedding), one Pre-LN block, a final LayerNorm and
    a linear head per token (runoff passed down, spill)."""

    def __init__(self, d: int = 32, heads: int = 4, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(8, d)
        self.level = nn.Parameter(torch.zeros(ZG_LEVELS, d))
        nn.init.normal_(self.level, std=0.02)
        self.blocks = nn.ModuleList([TerraceBlock(d, heads, 2 * d) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.embed(x) + self.level
        for b in self.blocks:
            h = b(h)
        return self.head(self.ln(h))


def terrace_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p runoff and spill of every terrace."""
    return _mse(model, batch)


def ziggurat_runoff(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32) -> dict[str, Any]:
    """The terrace transformer on 2048 storm-ziggurat cases, targets standardised over them; held out: 2048 other
    cases in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(195103)
    x, y = _zg_storms(train_size + 2048, gen)
    y = _standardise(y, train_size)
    data, ev, tr = _pool((x,), y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": TerraceTransformer(d), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": terrace_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. mangrove tidal sediment trapping (embedding net; NAdam short, Adagrad long)

MG_SITES = 20
MG_SPECIES = 5  # Rhizophora, Avicennia, Sonneratia, Bruguiera, Ceriops


def _mg_plots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Marker-horizon plots in mangrove forests of 20 estuaries. Each site hides a suspended-sediment concentration
    at the creek (10-300 mg/l, log-uniform), a tidal range (1-5 m) and a settling velocity (0.1-2 mm/s, from its
    grain size). Each plot: the dominant species (Rhizophora with prop roots, Avicennia and Sonneratia with
    pneumatophores, Bruguiera with knee roots, Ceriops), its elevation relative to mean sea level (-0.3 to +0.6 of
    the tidal range), the distance from the creek edge (2-200 m), the stem density and the pneumatophore density.
    The inundation fraction of a sinusoidal tide over the plot (arccos(z / a) / pi), the water depth at high tide;
    the sediment reaching the plot decays inland as exp(-x / L) with L growing with the flow velocity and falling
    with the roots' frontal area (drag slows the flood tide); the trapping efficiency 1 - exp(-w_s T / h) with a
    bonus from the roots' frontal area. Accretion (mm / yr) from the deposited mass over a bulk density of 0.8 g/cm3.
    Scatter 20% (lognormal: marker-horizon coring and compaction). Returns (site ids, species ids, dense (n, 5),
    log(accretion + 0.5 mm / yr) (n, 1))."""
    site_ssc = torch.exp(math.log(10) + math.log(30) * torch.rand(MG_SITES, generator=gen))
    site_range = 1 + 4 * torch.rand(MG_SITES, generator=gen)
    site_ws = 0.1 + 1.9 * torch.rand(MG_SITES, generator=gen) ** 1.5
    site = torch.randint(0, MG_SITES, (n,), generator=gen)
    sp = torch.randint(0, MG_SPECIES, (n,), generator=gen)
    elev = -0.3 + 0.9 * torch.rand(n, generator=gen)  # fraction of the tidal range
    dist = 2 * 100 ** torch.rand(n, generator=gen)
    stems = 0.2 + 2.8 * torch.rand(n, generator=gen)  # stems / m2
    pneu = 200 * torch.rand(n, generator=gen) * torch.tensor([0.2, 1.0, 0.9, 0.4, 0.3])[sp]  # pneumatophores / m2
    root_area = torch.tensor([1.5, 0.4, 0.5, 0.7, 0.6])[sp] * stems * 0.3 + 0.002 * pneu  # frontal area / m
    a = site_range[site] / 2
    z = elev * 2 * a
    inund = torch.arccos((z / a).clamp(-1, 1)) / math.pi
    hw = torch.relu(a - z) + 0.05
    u = 0.1 * a.sqrt()
    length = 80 * u / 0.1 / (1 + 2.0 * root_area)
    supply = site_ssc[site] * torch.exp(-dist / length)
    eff = 1 - torch.exp(-site_ws[site] / 1000 * 3 * 3600 / hw * (1 + 0.8 * root_area))
    acc = supply * hw * eff * inund * 705 * 1e-3 / 0.8  # mm / yr: 705 tides, mg/l * m -> g/m2, over bulk density
    acc = acc * torch.exp(0.20 * torch.randn(n, generator=gen))
    dense = torch.stack([(elev - 0.15) / 0.26, torch.log(dist) - 2.99, (stems - 1.6) / 0.81,
                         (pneu - 60) / 55, torch.log(hw)], 1)
    return site, sp, dense, torch.log(acc + 0.5).unsqueeze(1)


class MangroveNet(nn.Module):
    """Site and species embeddings with the plot's dense features, a GELU MLP to the log accretion rate."""

    def __init__(self, hidden: int = 32, emb: int = 6) -> None:
        super().__init__()
        self.site = nn.Embedding(MG_SITES, emb)
        self.species = nn.Embedding(MG_SPECIES, 3)
        for e in (self.site, self.species):  # Keras' default embedding initialiser, uniform(-0.05, 0.05)
            nn.init.uniform_(e.weight, -0.05, 0.05)
        self.net = nn.Sequential(nn.Linear(emb + 3 + 5, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 1))

    def forward(self, site: torch.Tensor, sp: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.site(site), self.species(sp), dense], 1))


def accretion_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log accretion rate."""
    return _mse(model, batch)


def mangrove_sediment(batch_size: int = 32, seed: int = 0, train_size: int = 3072, hidden: int = 32,
                      optimizer: str = "nadam") -> dict[str, Any]:
    """The accretion net on 3072 plots (short) or 8192 (long); held out: 2048 other plots in batches of 1024;
    NAdam (short) or Adagrad (long), torch's defaults."""
    gen = torch.Generator().manual_seed(195104)
    site, sp, dense, y = _mg_plots(train_size + 2048, gen)
    data, ev, tr = _pool((site, sp, dense), y, train_size, batch_size)
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam") if optimizer == "nadam"
           else _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"))
    return {"model": MangroveNet(hidden), "data": data, "eval_data": ev, "optimizer": opt,
            "loss_fn": accretion_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. tuk-tuk fleet fuel economy (factorisation machine; SGD with momentum short, Adagrad long)

TT_VEHICLES, TT_DRIVERS, TT_ZONES, TT_HOURS, TT_FUELS = 60, 120, 30, 6, 3  # fuels: petrol, LPG, CNG
TT_FIELDS = (TT_VEHICLES, TT_DRIVERS, TT_ZONES, TT_HOURS, TT_FUELS)
TT_DENSE = 5


def _tt_trips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Trips logged by a tuk-tuk fleet (auto-rickshaws, 350-450 kg, a 200 cc engine): the vehicle (hidden engine
    wear: marginal efficiency 0.20-0.28, idle fuel power 0.6-1.2 kW), the driver (hidden aggressiveness: harder
    accelerations, more revving at stops), the zone (hidden congestion and grade) and the hour band (rush hours
    more stops and idling), the fuel (petrol; LPG and CNG with 5% and 8% less energy efficiency per litre of
    petrol-equivalent). Dense: passengers 0-3 (70 kg each), the trip's length 1-15 km, mean moving speed
    12-35 km/h, stops per km 0.5-6, the share of time at idle 5-40%. Willans line: fuel power = idle power +
    traction power / marginal efficiency; traction from rolling (Crr 0.015), aero (CdA 0.9 m2) and grade, plus the
    kinetic energy of each stop-and-go (1/2 m v^2, lost to the brakes) scaled by the driver; idling at the idle
    power. Fuel in litres of petrol-equivalent per 100 km (34 MJ/l). Scatter 5%. Returns (ids (n, 5), dense (n, 5),
    log fuel per 100 km (n, 1))."""
    v_eff = 0.20 + 0.08 * torch.rand(TT_VEHICLES, generator=gen)
    v_idle = 0.6 + 0.6 * torch.rand(TT_VEHICLES, generator=gen)
    d_aggr = 0.7 + 0.8 * torch.rand(TT_DRIVERS, generator=gen)
    z_cong = 0.6 + 1.0 * torch.rand(TT_ZONES, generator=gen)
    z_grade = 0.03 * torch.rand(TT_ZONES, generator=gen)
    h_rush = torch.tensor([0.7, 1.4, 1.0, 0.9, 1.5, 0.8])
    veh = torch.randint(0, TT_VEHICLES, (n,), generator=gen)
    drv = torch.randint(0, TT_DRIVERS, (n,), generator=gen)
    zone = torch.randint(0, TT_ZONES, (n,), generator=gen)
    hour = torch.randint(0, TT_HOURS, (n,), generator=gen)
    fuel = torch.randint(0, TT_FUELS, (n,), generator=gen)
    pax = torch.randint(0, 4, (n,), generator=gen).float()
    km = 1 + 14 * torch.rand(n, generator=gen)
    jam = z_cong[zone] * h_rush[hour]
    speed = (12 + 23 * torch.rand(n, generator=gen)) / jam ** 0.5
    stops = (0.5 + 5.5 * torch.rand(n, generator=gen)) * jam ** 0.5
    idle_share = (0.05 + 0.35 * torch.rand(n, generator=gen) * jam / 1.5).clamp(0.02, 0.7)
    mass = 400 + 70 * pax
    v = speed / 3.6
    f_road = mass * 9.81 * (0.015 + z_grade[zone] / 2) + 0.5 * 1.2 * 0.9 * v**2  # N (grade half up, half down)
    e_trac = f_road * km * 1000 + stops * km * 0.5 * mass * v**2 * d_aggr[drv]  # J
    t_move = km * 1000 / v
    t_idle = t_move * idle_share / (1 - idle_share)
    idle_pow = v_idle[veh] * 1000 * (0.8 + 0.3 * d_aggr[drv])
    e_fuel = e_trac / v_eff[veh] + idle_pow * (t_move + t_idle) * 0.5 + idle_pow * t_idle * 0.5
    e_fuel = e_fuel * torch.tensor([1.0, 1.05, 1.08])[fuel]
    per100 = e_fuel / 34e6 / km * 100 * torch.exp(0.05 * torch.randn(n, generator=gen))
    ids = torch.stack([veh, drv, zone, hour, fuel], 1)
    dense = torch.stack([(pax - 1.5) / 1.1, (km - 8) / 4, (speed - 20) / 7, (stops - 3) / 1.8,
                         (idle_share - 0.2) / 0.12], 1)
    return ids, dense, torch.log(per100).unsqueeze(1)


class TripFM(nn.Module):
    """A factorisation machine (Rendle's, second order) over the one-hot fields and the dense features: a bias,
    a linear term per feature and the pairwise interactions of k-dimensional factors (the O(nk) form)."""

    def __init__(self, k: int = 8) -> None:
        super().__init__()
        self.register_buffer("offsets", torch.tensor((0,) + TT_FIELDS[:-1]).cumsum(0))
        n_ids = sum(TT_FIELDS)
        self.bias = nn.Parameter(torch.zeros(1))
        self.w_id = nn.Embedding(n_ids, 1)
        self.v_id = nn.Embedding(n_ids, k)
        self.w_dense = nn.Linear(TT_DENSE, 1, bias=False)
        self.v_dense = nn.Parameter(torch.randn(TT_DENSE, k) * 0.01)
        nn.init.zeros_(self.w_id.weight)
        nn.init.normal_(self.v_id.weight, std=0.01)

    def forward(self, ids: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        idx = ids + self.offsets
        v = torch.cat([self.v_id(idx), dense.unsqueeze(2) * self.v_dense], 1)  # (n, fields + dense, k)
        inter = 0.5 * (v.sum(1) ** 2 - (v**2).sum(1)).sum(1, keepdim=True)
        return self.bias + self.w_id(idx).sum(1) + self.w_dense(dense) + inter


def fuel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log fuel per 100 km."""
    return _mse(model, batch)


def tuktuk_fuel(batch_size: int = 32, seed: int = 0, train_size: int = 2048, k: int = 8,
                optimizer: str = "momentum") -> dict[str, Any]:
    """The trip FM on 2048 trips (short) or 8192 (long); held out: 2048 other trips in batches of 1024; SGD with
    momentum 0.9 (short) or Adagrad, torch's defaults (long)."""
    gen = torch.Generator().manual_seed(195102)
    ids, dense, y = _tt_trips(train_size + 2048, gen)
    y = y - y[:train_size].mean()
    data, ev, tr = _pool((ids, dense), y, train_size, batch_size)
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")
           if optimizer == "momentum" else _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"))
    return {"model": TripFM(k), "data": data, "eval_data": ev, "optimizer": opt, "loss_fn": fuel_mse,
            "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. teepee smoke draft (grey box, Adagrad; long only)


def _tp_evenings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Evenings in a tipi (Plains style, a canvas cover, the smoke hole 4-6 m up): the fire's heat release 3-25 kW
    (its smoke 0.5-3 g/MJ, damp wood more), the smoke hole between the flaps (0.15-0.6 m2, opened by the flap
    poles), the flaps' angle to the wind 0-180 degrees (0: the hole's opening faces into the wind), the wind 0-8 m/s
    at the top, the gap under the cover (0-30 cm, rolled up for summer), whether the liner is hung (it makes a
    chimney of the gap behind it: the cold air enters above the liner's top at 1.5 m, not at the floor), the outdoor
    temperature -20 to 25 C. The flow from the stack effect and the wind: the stack flow Q_s from Q_s = Cd A sqrt(2
    g H dT / T) with dT = P / (rho cp Q_s) (closed form: a cube root), the wind flow Q_w = Cd A sqrt(|Cp|) U,
    combined in quadrature (Q^2 = Q_s^2 + sign(Cp) Q_w^2, floored smoothly), with the series area 1 / A^2 = 1 /
    A_top^2 + 1 / A_bottom^2 and Cd 0.62; the wind's net suction coefficient across the openings Cp(theta, opening)
    = 0.45 - 0.9 cos^2(theta / 2) (1 - 0.3 opening) (positive: suction when the flaps turn their back to the wind;
    negative: back-draught when the hole faces it), the flow floored smoothly at a weak draught. Smoke at a seated
    head height (0.8 m): the smoke production over Q, times a mixing factor that rises when the draught is weak, the
    liner lifts the layer, and the smoke layer sinks toward the floor when the wind beats down through the hole. 8%
    scatter (on the logs). Returns (features (n, 8), targets (n, 2): log Q (m3/s) and log smoke at head height
    (mg/m3))."""
    p = 3 + 22 * torch.rand(n, generator=gen)
    smoke_g = 0.5 + 2.5 * torch.rand(n, generator=gen)
    a_top = 0.15 + 0.45 * torch.rand(n, generator=gen)
    theta = math.pi * torch.rand(n, generator=gen)
    wind = 8 * torch.rand(n, generator=gen) ** 1.3
    gap = 0.30 * torch.rand(n, generator=gen)
    liner = (torch.rand(n, generator=gen) < 0.5).float()
    t_out = 253 + 45 * torch.rand(n, generator=gen)
    height = 4.0 + 2.0 * torch.rand(n, generator=gen)
    feat = torch.stack([p, smoke_g, a_top, theta, wind, gap, liner, t_out, height], 1)
    q = _tp_physics(feat, 0.62, _tp_cp_true(theta, a_top))
    head = _tp_head(feat, q)
    y = torch.stack([torch.log(q), torch.log(head)], 1) + 0.08 * torch.randn(n, 2, generator=gen)
    return feat, y


def _tp_cp_true(theta: torch.Tensor, a_top: torch.Tensor) -> torch.Tensor:
    opening = (a_top - 0.15) / 0.45
    return 0.45 - 0.9 * torch.cos(theta / 2) ** 2 * (1 - 0.3 * opening)


def _tp_physics(feat: torch.Tensor, cd: torch.Tensor | float, cp: torch.Tensor) -> torch.Tensor:
    """The draught flow Q (m3/s): the stack flow (Q^3 = (Cd A)^2 2 g H P / (rho cp T), the fixed point of
    Q = Cd A sqrt(2 g H dT / T) with dT = P / (rho cp Q)) and the wind flow (Cd A sqrt(|Cp|) U, signed: ``cp``
    positive draws smoke out) combined in quadrature, as infiltration models combine stack and wind, floored
    smoothly at a weak draught."""
    p, _, a_top, _, wind, gap, liner, t_out, height = feat.unbind(1)
    a_bot = 3.0 * (gap + 0.02) * (1 - 0.35 * liner) + 0.05  # the gap's area round a 5 m circle, less behind a liner
    area = (1 / (1 / a_top**2 + 1 / a_bot**2)).sqrt()
    h_eff = height - 1.0 - 0.8 * liner * (1 - gap / 0.3)
    cda = cd * area
    q_stack3 = cda**2 * 2 * 9.81 * h_eff * p * 1000 / (1.2 * 1005 * t_out)
    q2 = q_stack3 ** (2 / 3) + cp * (cda * wind) ** 2
    return (F.softplus(q2 / 0.01) * 0.01 + 1e-4).sqrt()


def _tp_head(feat: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    p, smoke_g, _, _, wind, _, liner, _, _ = feat.unbind(1)
    prod = p / 1000 * smoke_g * 1000  # mg / s
    mix = 0.05 + 0.6 / (1 + (q / 0.25) ** 2) * (1 - 0.5 * liner) + 0.01 * wind
    return prod / q * mix + 0.2


class TipiDraftGreyBox(nn.Module):
    """The draught balance above with a learned discharge coefficient (softplus), the wind's pressure coefficient
    at the smoke hole as a learned linear form in a small Fourier basis of the flaps' angle to the wind (cos,
    sin, cos 2 theta) and its products with the hole's opening, and learned mixing constants for the smoke at
    head height."""

    def __init__(self) -> None:
        super().__init__()
        self.cd_raw = nn.Parameter(torch.tensor(0.0))
        self.cp = nn.Linear(7, 1)
        nn.init.zeros_(self.cp.weight)
        nn.init.zeros_(self.cp.bias)
        self.mix = nn.Parameter(torch.tensor([-2.0, 0.0, 0.0, 0.0, -3.0]))

    def forward(self, feat: torch.Tensor) -> torch.Tensor:
        p, smoke_g, a_top, theta, wind, _, liner, _, _ = feat.unbind(1)
        cd = F.softplus(self.cd_raw)
        o = (a_top - 0.375) / 0.13
        c1, s1, c2 = torch.cos(theta), torch.sin(theta), torch.cos(2 * theta)
        cp = self.cp(torch.stack([c1, s1, c2, o, o * c1, o * s1, o * c2], 1)).squeeze(1)
        q = _tp_physics(feat, cd, cp)
        m0, m1, q0, m2, m3 = self.mix
        prod = p * smoke_g
        weak = 1 / (1 + (q / (0.25 * torch.exp(q0))) ** 2)
        mix = F.softplus(m0) + F.softplus(m1) * weak * (1 - torch.sigmoid(m2) * liner) + F.softplus(m3) * wind
        head = prod / q * mix + 0.2
        return torch.stack([torch.log(q), torch.log(head)], 1)


def draft_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log draught flow and the log smoke at head height."""
    return _mse(model, batch)


def teepee_draft(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The tipi grey box on 4096 evenings; held out: 2048 other evenings in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(195101)
    x, y = _tp_evenings(train_size + 2048, gen)
    data, ev, tr = _pool((x,), y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": TipiDraftGreyBox(), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": draft_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. icicle drip freezing (grey box, Adagrad; long only)

LF = 334e3  # J/kg, latent heat of fusion


def _ic_spells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spells of icicle growth under an eave: air -15 to -1 C, wind 0-8 m/s, relative humidity 50-100%, net sky
    radiation loss 0-80 W/m2 (clear nights more), the melt water from the roof 0.5-15 g/min (sun on a warm roof),
    the spell 1-10 h, the icicle's starting length 5-60 cm and root diameter 1-5 cm. Heat balance (a Makkonen-style
    model, from memory): convective loss h (0 - T_air) over the icicle's surface with Nu = 0.6 Re^0.5 (a cylinder,
    the mean diameter), evaporative loss from the humidity deficit (Lewis' relation), radiation; the freezing
    share of the supply min(1, loss / (L_f W)) (smoothly), of the frozen part 25% at the tip (length) and the rest
    thickening the side; the rest drips off. The length growth from the tip's mass over a tip section whose
    diameter is ~5 mm. 5% scatter. Returns (features (n, 8), targets (n, 3): log length growth (cm), log mass
    growth (g), the drip-off share)."""
    t_air = -15 + 14 * torch.rand(n, generator=gen)
    wind = 8 * torch.rand(n, generator=gen) ** 1.5
    rh = 0.5 + 0.5 * torch.rand(n, generator=gen)
    rad = 80 * torch.rand(n, generator=gen)
    supply = 0.5 * 30 ** torch.rand(n, generator=gen)  # g/min
    hours = 1 + 9 * torch.rand(n, generator=gen)
    length = 5 + 55 * torch.rand(n, generator=gen)
    dia = 1 + 4 * torch.rand(n, generator=gen)
    feat = torch.stack([t_air, wind, rh, rad, supply, hours, length, dia], 1)
    nu_a, nu_b, evap, rad_eff = 0.6, 0.5, 1.0, 1.0
    y = _ic_physics(feat, torch.tensor(nu_a), torch.tensor(nu_b), evap * _ic_evap(feat) + rad_eff * rad)
    y = y + torch.stack([0.05 * torch.randn(n, generator=gen), 0.05 * torch.randn(n, generator=gen),
                         0.02 * torch.randn(n, generator=gen)], 1)
    return feat, y


def _ic_evap(feat: torch.Tensor) -> torch.Tensor:
    """Evaporative-sublimation loss (W/m2) from the vapour-pressure deficit, rising with the wind."""
    t_air, wind, rh = feat[:, 0], feat[:, 1], feat[:, 2]
    e_sat_ice = 611 * torch.exp(22.5 * t_air / (t_air + 273))
    return 0.018 * (611 - rh * e_sat_ice) * (1 + 0.8 * wind)


def _ic_physics(feat: torch.Tensor, a: torch.Tensor, b: torch.Tensor, extra: torch.Tensor) -> torch.Tensor:
    t_air, wind, _, _, supply, hours, length, dia = feat.unbind(1)
    d_mean = dia / 100 * 0.5
    re = (wind + 0.3) * d_mean / 1.35e-5
    h = a * re**b * 0.024 / d_mean  # W/m2K
    surf = math.pi * d_mean * length / 100 * 0.5 + 1e-3
    loss = (h * (0 - t_air) + extra) * surf  # W
    w = supply / 1000 / 60  # kg/s
    frac = loss / (LF * w)
    frozen_share = frac / (1 + frac**4) ** 0.25  # a smooth min(1, frac)
    mass = frozen_share * supply * 60 * hours  # g
    tip = 0.25 * mass
    d_len = tip / 0.917 / (math.pi * 0.25**2 / 4 * 4) + 0.05  # cm: the tip section ~ 0.5 cm across, 4x the area
    return torch.stack([torch.log(d_len), torch.log(mass + 0.1), 1 - frozen_share], 1)


class IcicleGreyBox(nn.Module):
    """The heat balance above with a learned Nusselt correlation (Nu = a Re^b, a and b learned) and a small tanh
    net for the extra losses (evaporation and radiation, W/m2) from the air temperature, wind, humidity and sky
    radiation."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.log_a = nn.Parameter(torch.tensor(0.0))
        self.b_raw = nn.Parameter(torch.tensor(0.0))
        self.extra = nn.Sequential(nn.Linear(4, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, feat: torch.Tensor) -> torch.Tensor:
        t_air, wind, rh, rad = feat[:, 0], feat[:, 1], feat[:, 2], feat[:, 3]
        z = torch.stack([(t_air + 8) / 4, (wind - 3) / 2.5, (rh - 0.75) / 0.14, (rad - 40) / 23], 1)
        extra = 50 * self.extra(z).squeeze(1) + 40
        return _ic_physics(feat, torch.exp(self.log_a), torch.sigmoid(self.b_raw), extra)


def icicle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log length growth, the log mass growth and the drip-off share."""
    return _mse(model, batch)


def icicle_growth(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 16) -> dict[str, Any]:
    """The icicle grey box on 4096 spells; held out: 2048 other spells in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(195106)
    x, y = _ic_spells(train_size + 2048, gen)
    data, ev, tr = _pool((x,), y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": IcicleGreyBox(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": icicle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("hailstone_layers_nesterov", hailstone_layers, 300, "hailstone_thin_section_growth_layers_cnn2d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=1.5, start_lr=0.0125),
    W("ziggurat_runoff_radam", ziggurat_runoff, 300, "ziggurat_terrace_cascade_runoff_preln_transformer", "radam",
      "finite", 64, seconds=1.5, start_lr=0.512),
    W("mangrove_sediment_nadam", mangrove_sediment, 300, "mangrove_tidal_sediment_accretion_site_embedding_net",
      "nadam", "finite", 64, seconds=0.4, start_lr=0.064),
    W("tuktuk_fuel_momentum", tuktuk_fuel, 300, "tuk_tuk_fleet_willans_fuel_factorisation_machine", "sgd_momentum0.9",
      "finite", 32, seconds=0.4, start_lr=0.1),
)
LONG = (
    W("teepee_draft_adagrad@long", teepee_draft, 3000, "teepee_smoke_flap_stack_wind_draft_greybox", "adagrad",
      "finite", 32, seconds=3.5, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("icicle_growth_adagrad@long", icicle_growth, 3000, "icicle_drip_freezing_heat_balance_greybox", "adagrad",
      "finite", 32, seconds=3.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("mangrove_sediment_adagrad@long", mangrove_sediment, 3000, "mangrove_tidal_sediment_accretion_site_embedding_net",
      "adagrad", "finite", 32, dict(train_size=8192, optimizer="adagrad"), seconds=3.5, start_lr=0.512,
      grid_fractions=(0.0, 0.05)),
    W("tuktuk_fuel_adagrad@long", tuktuk_fuel, 3000, "tuk_tuk_fleet_willans_fuel_factorisation_machine", "adagrad",
      "finite", 32, dict(train_size=8192, optimizer="adagrad"), seconds=3.5, start_lr=0.064,
      grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam195_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninety-fifth exam's workloads")
