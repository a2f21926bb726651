"""The hundred-and-fifty-fourth exam: six more workload families that neither the suite nor exams 1-150 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam150_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from wine coolers and chilling, sugar bowls and caking, rolling mats and
rolling, cheese domes and rind ripening, pie dishes and crust browning, and cream whippers and gas dispensing (exams
151-153 were built just before or at the same time by others, from other domains; their modules were not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam154/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- thermoelectric wine-cooler chilling (a short plan only): a small Pre-LN transformer (one block) over the 12 bottle
  slots of a cooler (3 shelves x 4), each slot a token (empty or a red, white, sparkling or half bottle, its start
  temperature, its shelf and column) with the cabinet's ambient temperature, Peltier current and heat leak
  broadcast; it predicts each bottle's temperature after 1, 2 and 4 hours. Data: a Peltier module's cold-side heat
  Q_c = S I T_c - I^2 R / 2 - K (T_h - T_c) balancing the cabinet's leak and the bottles' heat (the cabinet air
  quasi-steady), each bottle a lumped mass cooled through a film coefficient that falls lower in the cabinet and
  with occupied neighbours (blocked air); masked MSE over the occupied slots; AdamW (torch's defaults)
- sugar-bowl caking (a long plan only): an embedding net from the sugar (granulated, caster, icing, light brown,
  dark muscovado, demerara), the container (open bowl, loose lid, notched lid, sealed jar, plastic tub), where it
  stands (cupboard, by the kettle, on a sunny sill, by the dishwasher) and the spoon habit (dry, sometimes wet, left
  in), plus the room's humidity and its daily swings, the temperature swing, the days and the fill level, to a
  caking grade (free-flowing, soft lumps, hard lumps, a solid cake); humidity excursions above the sugar's critical
  relative humidity (sucrose ~85%, lower for fine and amorphous-surfaced sugars) wet the crystal contacts and the
  drying half-cycles turn the liquid bridges into solid ones, brown sugars harden by drying below their molasses
  film's equilibrium humidity; cross-entropy; Adagrad (torch's defaults)
- exercise-mat curl after rolled storage (a short plan only): a dilated 1-D CNN along the inner 30 cm of a mat
  unrolled after storage (24 cells; per cell the curvature it was stored at, from the roll's Archimedean spiral, and
  the mat's thickness, material, storage days and temperature and the rest time broadcast) to the height of the mat
  above the floor at each cell; a viscoelastic set (a stretched-exponential creep, faster when warm) and its partial
  recovery give the mat a natural curvature, and the free end lifts where that curvature beats its own weight's
  moment (the lift-off point where w L^2 / 2 = D kappa); MSE of log(1 + height in cm); SGD with Nesterov momentum
  0.9
- cheese-dome rind ripening: a residual MLP with LayerNorm from the cheese (bloomy, washed, natural rind, blue,
  fresh goat; one-hot), the dome (glass, ceramic, acrylic, vented glass; one-hot), the lifts a day, the room's
  temperature and humidity, the wheel's size, its moisture and the days under the dome to the weight lost, the
  rind's mould / smear coverage, the surface's water activity and the condensation under the dome; the dome's
  humidity from a balance of the cheese's evaporation and the dome's air exchange, daily steps, the coverage a
  Gompertz curve whose rate follows a cardinal-temperature model and the surface water activity; MSE of the
  standardised outputs; Adamax (torch's defaults)
- pie-dish crust browning (a long plan only): a grey-box net: an embedding of the dish (glass, ceramic, shiny
  aluminium, dark steel, disposable foil) and a small tanh MLP of the bake give the bottom and top crusts' heating
  rates, the dish's lag, the filling's drying rate and two Arrhenius prefactors, and a fixed law (a lagged approach
  to the oven temperature, a wet-bottom plateau near 100 C while the filling's water is driven off, Arrhenius
  browning summed on 20 nodes, a shared learnable activation energy) gives the bottom and top browning at four check
  times (the data's own law has a second-order dish lag the grey box does not); MSE; Adagrad
  (initial_accumulator_value 0.1, as in the TensorFlow default the author remembers)
- cream-whipper dispensing: an LSTM over the eight shots of a session with an N2O cream whipper (the siphon's size,
  the fill, the cream's fat, its sugar and temperature, the chargers and the shakes after charging broadcast; per
  shot the shakes before it, its length and whether the siphon was held upright) to each shot's foam mass and
  overrun; N2O shared between the headspace (ideal gas) and the cream (Henry's law, more soluble in fat and cold),
  dissolution approaching equilibrium with shaking, the flow through the nozzle ~ sqrt(pressure), the foam's overrun
  from the dissolved gas's expansion to 1 atm held by the fat, a tilted siphon venting gas; MSE of the scaled
  outputs; RMSprop (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the sugar-bowl and
pie-dish nets (no short plans, both Adagrad), the cream-whipper LSTM on 8192 sessions instead of 2048 (16 units
instead of 32; RMSprop) and the cheese-dome net on the same 2048 wheels (one residual block of 32 instead of two of
64, batch 32 instead of 64; Adamax).

Of the eight plans, two use Adagrad (sugar bowl, pie dish), two RMSprop (both whipper plans), two Adamax (both
cheese plans), one AdamW (wine cooler) and one SGD with Nesterov momentum (mat curl).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam154_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam154/README.md).

    python benchmarks/exam154_workloads.py          # the table
    python benchmarks/exam154_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 154"


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
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. thermoelectric wine-cooler chilling, a Pre-LN transformer over the bottle slots (AdamW)

WC_SLOTS = 12  # 3 shelves x 4 columns
WC_TYPES = 4  # red 750 ml, white 750 ml, sparkling 750 ml (thick glass), half bottle 375 ml
WC_FEATS = 1 + WC_TYPES + 1 + 3 + 1 + 3


def _wc_loads(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Thermoelectric wine coolers loaded with bottles. The cabinet: ambient 18-32 C, Peltier current 1.5-4 A, heat
    leak UA 0.3-0.6 W/K. The module (from memory, constants invented): Seebeck S 0.05 V/K, R 2 ohm, K 0.5 W/K; cold
    side 6 K below the cabinet air, hot side 7 K per ampere above ambient; Q_c = S I T_c - I^2 R / 2 - K (T_h - T_c)
    (T_c in kelvin) balancing UA (T_amb - T_air) + sum g_i (T_i - T_air), the air quasi-steady (solved exactly each
    step). Each slot empty (30%) or a bottle (heat capacity 4.4, 4.2, 5.6, 2.3 kJ/K) from 8-30 C; its conductance g
    = 0.9 W/K x h with h falling down the shelves (1.0, 0.8, 0.65) and by 15% per occupied neighbour on its shelf, the
    local air 0, 0.8, 1.6 C warmer down the shelves and 0.5 C at the door-side columns. Explicit 5-minute steps over
    4 hours; 0.3 C thermometer scatter. Returns (tokens (n, 12, 13), targets (n, 12, 4): (T - 14) / 5 after 1, 2
    and 4 h, and the occupancy)."""
    amb = 18 + 14 * torch.rand(n, 1, generator=gen)
    cur = 1.5 + 2.5 * torch.rand(n, 1, generator=gen)
    ua = 0.3 + 0.3 * torch.rand(n, 1, generator=gen)
    occ = (torch.rand(n, WC_SLOTS, generator=gen) < 0.7).float()
    typ = torch.randint(0, WC_TYPES, (n, WC_SLOTS), generator=gen)
    t0 = 8 + 22 * torch.rand(n, WC_SLOTS, generator=gen)
    cap = torch.tensor([4400.0, 4200.0, 5600.0, 2300.0])[typ]
    shelf = torch.arange(WC_SLOTS) // 4
    col = torch.arange(WC_SLOTS) % 4
    edge = ((col == 0) | (col == 3)).float()
    occ_s = occ.view(n, 3, 4)
    left = F.pad(occ_s[:, :, :-1], (1, 0))
    right = F.pad(occ_s[:, :, 1:], (0, 1))
    neigh = (left + right).view(n, WC_SLOTS)
    h = torch.tensor([1.0, 0.8, 0.65])[shelf] * (1 - 0.15 * neigh)
    g = 0.9 * h * occ
    off = torch.tensor([0.0, 0.8, 1.6])[shelf] + 0.5 * edge
    s_i = 0.05 * cur
    t_h = amb + 7 * cur
    b = s_i * 267.15 - 0.5 * cur**2 * 2.0 - 0.5 * (t_h + 6)
    a = s_i + 0.5
    temp = t0.clone()
    out = []
    for step in range(1, 49):
        t_air = (ua * amb + (g * (temp - off)).sum(1, keepdim=True) - b) / (a + ua + g.sum(1, keepdim=True))
        temp = temp + 300 * g * (t_air + off - temp) / cap
        if step in (12, 24, 48):
            out.append(temp)
    y = torch.stack(out, 2) + 0.3 * torch.randn(n, WC_SLOTS, 3, generator=gen)
    y = torch.cat([(y - 14) / 5, occ.unsqueeze(2)], 2)
    ones = torch.ones(n, WC_SLOTS)
    x = torch.cat([occ.unsqueeze(2), F.one_hot(typ, WC_TYPES).float() * occ.unsqueeze(2),
                   ((t0 - 19) / 6.4 * occ).unsqueeze(2), F.one_hot(shelf, 3).float().expand(n, -1, -1),
                   edge.expand(n, -1).unsqueeze(2),
                   torch.stack([(amb - 25) / 4 * ones, (cur - 2.75) / 0.72 * ones, (ua - 0.45) / 0.087 * ones], 2)], 2)
    return x, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block written out (nanoGPT-style, no mask, no dropout): x + attention(LayerNorm(x)), then
    x + MLP(LayerNorm(x)) with a GELU MLP of width 2d."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        x = x + self.proj(F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d))
        return x + self.ff(self.ln2(x))


class ChillTransformer(nn.Module):
    """A Pre-LN transformer encoder over the 12 slots (a linear embedding, a learned slot embedding, Pre-LN blocks,
    a final LayerNorm), a linear read-out of 3 temperatures a slot."""

    def __init__(self, d: int = 32, heads: int = 2, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(WC_FEATS, d)
        self.slot = nn.Parameter(torch.zeros(1, WC_SLOTS, d))
        self.blocks = nn.Sequential(*(PreLNBlock(d, heads) for _ in range(layers)))
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.embed(x) + self.slot)))


def chill_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled bottle temperatures over the occupied slots."""
    x, y = batch
    occ = y[..., 3:]
    err = (model(x) - y[..., :3]) ** 2 * occ
    return err.sum() / (3 * occ.sum())


def wine_cooler(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The chilling transformer on 2048 loaded coolers; held out: 2048 other coolers in batches of 1024; AdamW."""
    gen = torch.Generator().manual_seed(154101)
    x, y = _wc_loads(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChillTransformer(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": chill_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. sugar-bowl caking, an embedding net (Adagrad; long only)

SB_SUGARS, SB_BOXES, SB_PLACES, SB_SPOONS = 6, 5, 4, 3
SB_GRADES = 4  # free-flowing, soft lumps, hard lumps, solid cake


def _sb_bowls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sugar kept in a kitchen. The sugar (granulated, caster, icing with 1-3% starch, light brown, dark
    muscovado, demerara): critical relative humidity 0.85, 0.83, 0.78, 0.80, 0.78, 0.82 (fine and amorphous
    surfaces lower it), fineness 1, 1.6, 3, 1.3, 1.3, 0.7, molasses film 0, 0, 0, 1, 1.6, 0.4 (equilibrium humidity
    ~0.6: drying hardens it). The container's daily air exchange (open bowl 3, loose lid 1.2, notched lid 0.7,
    sealed jar 0.06, plastic tub 0.3); the place (cupboard, by the kettle, a sunny sill, by the dishwasher) adds
    humidity peaks (0, 0.14, 0.04, 0.10) and a temperature swing (0, 1, 6, 2 C; a 1 C swing ~ 6% RH); the spoon
    (dry, sometimes wet, left in: moisture 0, 0.5, 1.2 a day). Room humidity 0.35-0.80 with a daily swing 0.04-0.25,
    a temperature swing 1-8 C, 3-90 days (log), fill 0.2-1. Inside: the room's excursion damped by the exchange
    (1 - exp(-exchange)); wetting = the excursion above the critical humidity, times the fineness, the cycles
    (days, saturating past ~30) and the fill's surface share; drying hardening = the molasses film times the
    shortfall below 0.6; the caking index the log of their sum with the spoon's lumps, a 0.3 scatter, graded at
    -0.5, 0.7, 1.8. Returns (categorical ids (n, 4), continuous (n, 6), grades)."""
    sugar = torch.randint(0, SB_SUGARS, (n,), generator=gen)
    box = torch.randint(0, SB_BOXES, (n,), generator=gen)
    place = torch.randint(0, SB_PLACES, (n,), generator=gen)
    spoon = torch.randint(0, SB_SPOONS, (n,), generator=gen)
    rh = 0.35 + 0.45 * torch.rand(n, generator=gen)
    swing = 0.04 + 0.21 * torch.rand(n, generator=gen)
    tswing = 1 + 7 * torch.rand(n, generator=gen)
    days = 3 * 30 ** torch.rand(n, generator=gen)
    fill = 0.2 + 0.8 * torch.rand(n, generator=gen)
    crh = torch.tensor([0.85, 0.83, 0.78, 0.80, 0.78, 0.82])[sugar]
    fine = torch.tensor([1.0, 1.6, 3.0, 1.3, 1.3, 0.7])[sugar]
    film = torch.tensor([0.0, 0.0, 0.0, 1.0, 1.6, 0.4])[sugar]
    exch = torch.tensor([3.0, 1.2, 0.7, 0.06, 0.3])[box]
    peak = torch.tensor([0.0, 0.14, 0.04, 0.10])[place]
    tplace = torch.tensor([0.0, 1.0, 6.0, 2.0])[place]
    wet = torch.tensor([0.0, 0.5, 1.2])[spoon]
    damp = 1 - torch.exp(-exch)
    top = rh + damp * (swing / 2 + peak + 0.06 * (tswing + tplace) / 2)
    low = rh - damp * (swing / 2 + 0.03 * (tswing + tplace))
    cycles = 30 * (1 - torch.exp(-days / 30))
    wetting = torch.relu(top - crh) * 40 * fine * cycles / 30 * (1.5 - 0.5 * fill) * (0.3 + torch.relu(top - low))
    drying = film * torch.relu(0.6 - low) * 6 * (1 - torch.exp(-exch * days / 20))
    spoon_lumps = wet * (1 + fine) * 0.02 * days * (1.2 - fill)
    idx = torch.log(0.05 + wetting + drying + spoon_lumps) + 0.3 * torch.randn(n, generator=gen)
    grade = (idx > -0.5).long() + (idx > 0.7).long() + (idx > 1.8).long()
    ids = torch.stack([sugar, box, place, spoon], 1)
    cont = torch.stack([(rh - 0.575) / 0.13, (swing - 0.145) / 0.06, (tswing - 4.5) / 2.0,
                        torch.log(days / 16.4) / 0.98, (fill - 0.6) / 0.23, torch.log(exch)], 1)
    return ids, cont, grade


class CakingNet(nn.Module):
    """Entity embeddings of the sugar, the container, the place and the spoon habit (4-d each) concatenated with
    the six continuous features, a two-layer ReLU MLP to the four grade logits."""

    def __init__(self, hidden: int = 48, dim: int = 4) -> None:
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(k, dim) for k in (SB_SUGARS, SB_BOXES, SB_PLACES, SB_SPOONS))
        self.net = nn.Sequential(nn.Linear(4 * dim + 6, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, SB_GRADES))

    def forward(self, ids: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([e(ids[:, i]) for i, e in enumerate(self.embs)] + [cont], 1))


def caking_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the caking grade."""
    ids, cont, grade = batch
    return F.cross_entropy(model(ids, cont), grade)


def sugar_bowl(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The caking net on 2048 bowls; held out: 2048 other bowls in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(154102)
    ids, cont, grade = _sb_bowls(train_size + 2048, gen)
    tr = (ids[:train_size], cont[:train_size], grade[:train_size])
    torch.manual_seed(seed)
    return {"model": CakingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], cont[train_size:], grade[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": caking_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. exercise-mat curl after rolled storage, a dilated 1-D CNN along the mat (SGD with Nesterov momentum)

MC_CELLS = 24  # the inner 30 cm of the mat, 1.25 cm cells from the inner (tightest) end
MC_MATS = 5  # PVC, TPE, NBR foam, natural rubber, PU-topped rubber
MC_CH = 1 + 4 + MC_MATS


def _mc_mats(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Exercise mats stored rolled, then unrolled on a floor. Thickness 3-8 mm; the material (PVC, TPE, NBR foam,
    natural rubber, PU-topped rubber): modulus 12, 8, 3, 5, 6 MPa, density 1300, 900, 250, 1100, 1150 kg/m3, set
    amplitude 0.75, 0.55, 0.5, 0.3, 0.4, creep time at 20 C 8, 4, 3, 30, 15 days, stretch 0.5; stored 1-90 days
    (log) at 10-35 C (the creep time / e per 12 C); rolled on a core of radius 2-5 cm; rested flat 1-120 min
    (log) before the measurement (a quick share of the set recovers with sqrt(rest / 20 min)). The stored
    curvature along the Archimedean roll 1 / sqrt(r0^2 + h s / pi); the natural curvature kappa_n = set x stored;
    the end lifts over L where w L^2 / 2 = D kappa_n(L) (w = rho g h, D = E h^3 / 12; both per width), the lifted
    part's curvature kappa_n(x) - w x^2 / (2 D), the height integrated twice from the lift-off point, capped at the
    stored radius x 2. 3% scatter and 0.3 mm, then log(1 + height in cm) with 0.04 reading scatter. Returns
    (inputs (n, 10, 24), log1p heights (n, 1, 24))."""
    h = (3 + 5 * torch.rand(n, 1, generator=gen)) / 1000
    mat = torch.randint(0, MC_MATS, (n,), generator=gen)
    e_mod = torch.tensor([12.0, 8.0, 3.0, 5.0, 6.0])[mat].view(-1, 1) * 1e6
    rho = torch.tensor([1300.0, 900.0, 250.0, 1100.0, 1150.0])[mat].view(-1, 1)
    amp = torch.tensor([0.75, 0.55, 0.5, 0.3, 0.4])[mat].view(-1, 1)
    tau = torch.tensor([8.0, 4.0, 3.0, 30.0, 15.0])[mat].view(-1, 1)
    days = 90 ** torch.rand(n, 1, generator=gen)
    temp = 10 + 25 * torch.rand(n, 1, generator=gen)
    r0 = (2 + 3 * torch.rand(n, 1, generator=gen)) / 100
    rest = 120 ** torch.rand(n, 1, generator=gen)
    s = (torch.arange(MC_CELLS).float().view(1, -1) + 0.5) * 0.0125
    kappa = 1 / torch.sqrt(r0**2 + h * s / math.pi)
    set_ = amp * (1 - torch.exp(-((days / (tau * torch.exp(-(temp - 20) / 12))) ** 0.5)))
    set_ = set_ * (1 - 0.45 * (1 - torch.exp(-torch.sqrt(rest / 20))))
    kn = set_ * kappa
    w = rho * 9.81 * h
    d = e_mod * h**3 / 12
    free = kn - w * s**2 / (2 * d)  # curvature left at s if the lifted part ends beyond s
    lifted = torch.cumprod((free > 0).float(), 1)  # cells from the tip up to the lift-off point
    curv = free * lifted
    dx = 0.0125
    slope = torch.flip(torch.cumsum(torch.flip(curv, [1]), 1), [1]) * dx
    z = torch.flip(torch.cumsum(torch.flip(slope, [1]), 1), [1]) * dx
    z = torch.minimum(z, 2 / kappa) * 100
    z = z * torch.exp(0.03 * torch.randn(z.shape, generator=gen)) + 0.03 * torch.randn(z.shape, generator=gen)
    z = torch.log1p(z) + 0.04 * torch.randn(z.shape, generator=gen)
    ones = torch.ones(n, MC_CELLS)
    x = torch.cat([(kappa / 20 - 1).unsqueeze(1),
                   torch.stack([(h * 1000 - 5.5) / 1.44 * ones, torch.log(days / 9.5) / 1.3 * ones,
                                (temp - 22.5) / 7.2 * ones, torch.log(rest / 11) / 1.38 * ones], 1),
                   F.one_hot(mat, MC_MATS).float().unsqueeze(2).expand(-1, -1, MC_CELLS)], 1)
    return x, z.unsqueeze(1)


class CurlCNN(nn.Module):
    """A dilated 1-D CNN along the mat: three 5-tap convolutions (dilation 1, 2, 4) with GELU, a 1x1 read-out."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(MC_CH, ch, 5, padding=2), nn.GELU(),
                                 nn.Conv1d(ch, ch, 5, padding=4, dilation=2), nn.GELU(),
                                 nn.Conv1d(ch, ch, 5, padding=8, dilation=4), nn.GELU(), nn.Conv1d(ch, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def curl_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log(1 + the height above the floor in cm)."""
    return _mse(model, batch)


def mat_curl(batch_size: int = 32, seed: int = 0, train_size: int = 1024, ch: int = 16) -> dict[str, Any]:
    """The curl CNN on 1024 mats; held out: 2048 other mats in batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(154103)
    x, y = _mc_mats(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CurlCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": curl_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. cheese-dome rind ripening, a residual MLP with LayerNorm (Adamax)

CD_CHEESES, CD_DOMES = 5, 4
CD_IN = CD_CHEESES + CD_DOMES + 7


def _cd_wheels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cheeses kept under a dome. The cheese (bloomy, washed rind, natural rind, blue, fresh goat): its flora's
    cardinal temperatures (T_min 0-4, T_opt 18-24, T_max 30-34 C), minimum water activity 0.90, 0.93, 0.86, 0.88,
    0.91, growth rate 0.6, 0.45, 0.25, 0.4, 0.5 and lag 3, 4, 6, 4, 2 (both in effective days, the rate x 1.5 and the
    lag x 0.5 in the curve). The dome (glass, ceramic, acrylic, vented glass): air exchange 0.4, 0.7, 0.3, 3 a day,
    each lift adding 0.6. Room 8-24 C, 40-85% RH; wheel diameter 8-20 cm, 3 cm high; moisture 45-60%; 1-21 days.
    Daily steps: the dome's humidity from the balance of the cheese's evaporation (conductance rising with its area)
    and the exchange with the room; the weight loss driven by a_w - RH_dome times the vapour pressure (doubling per
    ~11 C) over the wheel's size; the surface a_w falling with the loss; the coverage a Gompertz curve in an
    effective time (each day weighted by the cardinal-temperature (CTMI) rate and by the surface's humidity, half
    a_w and half the dome's, relative to the flora's minimum); condensation accumulating while the dome's air is
    above 0.90 RH (more in a cold room). Returns (features (n, 16), outputs (n, 4): log weight loss (%), coverage
    (logit of a 2-98% clamp), surface a_w x 100, log condensation); scatter 0.05, 0.15, 0.2, 0.1 on them."""
    cheese = torch.randint(0, CD_CHEESES, (n,), generator=gen)
    dome = torch.randint(0, CD_DOMES, (n,), generator=gen)
    lifts = torch.randint(0, 7, (n,), generator=gen).float()
    temp = 8 + 16 * torch.rand(n, generator=gen)
    rh = 0.40 + 0.45 * torch.rand(n, generator=gen)
    dia = 8 + 12 * torch.rand(n, generator=gen)
    moist = 0.45 + 0.15 * torch.rand(n, generator=gen)
    days = 1 + 20 * torch.rand(n, generator=gen)
    tmin = torch.tensor([2.0, 4.0, 0.0, 1.0, 3.0])[cheese]
    topt = torch.tensor([20.0, 22.0, 18.0, 21.0, 24.0])[cheese]
    tmax = torch.tensor([32.0, 34.0, 30.0, 31.0, 34.0])[cheese]
    amin = torch.tensor([0.90, 0.93, 0.86, 0.88, 0.91])[cheese]
    mu = torch.tensor([0.6, 0.45, 0.25, 0.4, 0.5])[cheese]
    lag = torch.tensor([3.0, 4.0, 6.0, 4.0, 2.0])[cheese]
    exch = torch.tensor([0.4, 0.7, 0.3, 3.0])[dome] + 0.6 * lifts
    area = math.pi * dia**2 / 2 + math.pi * dia * 3
    cond_e = 0.004 * area
    psat = torch.exp(0.063 * (temp - 15))
    num = (temp - tmax) * (temp - tmin) ** 2
    den = (topt - tmin) * ((topt - tmin) * (temp - topt) - (topt - tmax) * (topt + tmin - 2 * temp))
    ctmi = (num / den).clamp(0, 1)
    aw = 0.97 + 0.05 * (moist - 0.52)
    loss = torch.zeros(n)
    teff = torch.zeros(n)
    wetness = torch.zeros(n)
    for day in range(21):
        on = (days - day).clamp(0, 1)
        rh_d = (exch * rh + cond_e * aw) / (exch + cond_e)
        flux = cond_e * (aw - rh_d).clamp_min(0) * psat / dia**2 * 60
        loss = loss + on * flux
        aw = 0.97 + 0.05 * (moist - 0.52) - 0.012 * loss
        growth = ctmi * ((0.5 * aw + 0.5 * rh_d + 0.06 - amin) / (0.98 - amin)).clamp(0, 1)
        teff = teff + on * growth
        wetness = wetness + on * torch.relu(rh_d - 0.90) * (1 + 0.1 * (24 - temp))
    cover = torch.exp(-torch.exp(1.5 * mu * math.e * (0.5 * lag - teff) + 1))
    y = torch.stack([torch.log(loss + 0.05), torch.logit(cover.clamp(0.02, 0.98)), 100 * aw,
                     torch.log(wetness + 0.02)], 1)
    y = y + torch.tensor([0.05, 0.15, 0.2, 0.1]) * torch.randn(n, 4, generator=gen)
    x = torch.cat([F.one_hot(cheese, CD_CHEESES).float(), F.one_hot(dome, CD_DOMES).float(), torch.stack([
        (lifts - 3) / 2, (temp - 16) / 4.6, (rh - 0.625) / 0.13, (dia - 14) / 3.5, (moist - 0.525) / 0.043,
        (days - 11) / 5.8, torch.log(exch) - 0.5], 1)], 1)
    return x, y


class RindResNet(nn.Module):
    """A residual MLP: a linear stem, blocks of LayerNorm -> Linear -> GELU -> Linear added back, a final
    LayerNorm and a linear read-out of the four outputs."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(CD_IN, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def rind_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the four standardised outputs."""
    return _mse(model, batch)


def cheese_dome(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64,
                blocks: int = 2) -> dict[str, Any]:
    """The rind net on 2048 wheels, targets standardised over them; held out: 2048 other wheels in batches of
    1024; Adamax (torch's defaults)."""
    gen = torch.Generator().manual_seed(154104)
    x, y = _cd_wheels(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RindResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": rind_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pie-dish crust browning, a grey-box net (Adagrad; long only)

PD_DISHES = 5  # glass, ceramic, shiny aluminium, dark steel, disposable foil
PD_NODES = 20
PD_CHECKS = (0.55, 0.7, 0.85, 1.0)


def _pd_bakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Fruit pies baked in pie dishes. The dish (glass, ceramic, shiny aluminium, dark steel, disposable foil):
    bottom heat-transfer rate 0.075, 0.06, 0.04, 0.08, 0.035 per minute (glass passes the elements' radiation to
    the crust, shiny metal reflects it), its thermal lag 7, 12, 2, 2, 1 minutes (a second-order approach
    1 - (1 + t / lag) exp(-t / lag) blended with the first-order one). The oven 175-230 C, the rack (low, middle,
    upper: bottom x 1.3, 1, 0.75; top x 0.8, 1, 1.3), a fan (top x 1.25), a preheated baking sheet under the dish
    (bottom x 1.3, lag / 2), a 2.5-5 mm crust (rates / thickness^0.5), a filling's water 0.5-0.9 that holds the
    bottom near 100 C until driven off (the plateau releases as 1 - exp(-t / t_dry), t_dry rising with the water
    and falling with the heat), baked 35-75 min. Browning: an Arrhenius integral (Ea 95 kJ/mol) of each crust's
    temperature, B = 1 - exp(-integral), at 55, 70, 85 and 100% of the bake; 0.02 scatter. Returns (dish ids,
    features (n, 8), browning (n, 8): bottom then top at the four checks)."""
    dish = torch.randint(0, PD_DISHES, (n,), generator=gen)
    oven = 175 + 55 * torch.rand(n, 1, generator=gen)
    rack = torch.randint(0, 3, (n,), generator=gen)
    fan = (torch.rand(n, 1, generator=gen) < 0.4).float()
    sheet = (torch.rand(n, 1, generator=gen) < 0.4).float()
    thick = 2.5 + 2.5 * torch.rand(n, 1, generator=gen)
    water = 0.5 + 0.4 * torch.rand(n, 1, generator=gen)
    time = 35 + 40 * torch.rand(n, 1, generator=gen)
    kb = torch.tensor([0.075, 0.06, 0.04, 0.08, 0.035])[dish].view(-1, 1)
    lag = torch.tensor([7.0, 12.0, 2.0, 2.0, 1.0])[dish].view(-1, 1)
    kb = kb * torch.tensor([1.3, 1.0, 0.75])[rack].view(-1, 1) * (1 + 0.3 * sheet) / (thick / 3.5) ** 0.5
    lag = lag * (1 - 0.5 * sheet)
    kt = 0.06 * torch.tensor([0.8, 1.0, 1.3])[rack].view(-1, 1) * (1 + 0.25 * fan) / (thick / 3.5) ** 0.5
    t = time * torch.linspace(0, 1, 4 * PD_NODES + 1).view(1, -1)
    first = 1 - torch.exp(-kb * t)
    second = 1 - (1 + t / lag) * torch.exp(-t / lag)
    tb = 20 + (oven - 20) * first * (0.4 + 0.6 * second)
    t_dry = 25 * water / 0.7 * (200 / oven) ** 2 / (kb / 0.06) ** 0.5
    release = 1 - torch.exp(-t / t_dry)
    tb = torch.minimum(tb, 100 + (tb - 100).clamp_min(0) * release)
    tt = 20 + (oven - 20) * (1 - torch.exp(-kt * t))
    rate_b = 60 * torch.exp(-95e3 / 8.314 * (1 / (tb + 273.15) - 1 / 453.15))
    rate_t = 60 * torch.exp(-95e3 / 8.314 * (1 / (tt + 273.15) - 1 / 453.15))
    dt = time / (4 * PD_NODES)
    cum_b = torch.cumsum(0.5 * (rate_b[:, 1:] + rate_b[:, :-1]), 1) * dt / 1000
    cum_t = torch.cumsum(0.5 * (rate_t[:, 1:] + rate_t[:, :-1]), 1) * dt / 1000
    at = [round(c * 4 * PD_NODES) - 1 for c in PD_CHECKS]
    y = torch.cat([1 - torch.exp(-cum_b[:, at]), 1 - torch.exp(-cum_t[:, at])], 1)
    y = y + 0.02 * torch.randn(y.shape, generator=gen)
    x = torch.cat([oven, time, thick, water, fan, sheet, F.one_hot(rack, 3).float()[:, [0, 2]]], 1)
    return dish, x, y


class BrowningGreyBox(nn.Module):
    """A grey box: a 4-d embedding of the dish and a tanh MLP of the bake give the bottom's and the top's heating
    rates (softplus, per minute), the dish's dead time (softplus, minutes), the filling's drying time (softplus,
    minutes) and the two crusts' log Arrhenius prefactors; the law (a first-order approach to the oven temperature
    after the dish's dead time, the bottom held near 100 C while the filling is wet, released as exp(-t / t_dry),
    Arrhenius browning with a learnable activation energy summed on 20 nodes of the bake) gives the two crusts'
    browning at the four checks."""

    def __init__(self, hidden: int = 24, dim: int = 4) -> None:
        super().__init__()
        self.dish = nn.Embedding(PD_DISHES, dim)
        self.net = nn.Sequential(nn.Linear(dim + 8, hidden), nn.Tanh(), nn.Linear(hidden, 6))
        self.log_ea = nn.Parameter(torch.tensor(math.log(80.0)))  # kJ/mol, a starting guess
        self.register_buffer("shift", torch.tensor([200.0, 55.0, 3.75, 0.7, 0.0, 0.0, 0.0, 0.0]))
        self.register_buffer("gain", torch.tensor([1 / 16, 1 / 12, 1 / 0.72, 1 / 0.115, 1.0, 1.0, 1.0, 1.0]))
        self.register_buffer("units", torch.tensor([0.06, 0.06, 5.0, 25.0]))  # per min, per min, min, min
        self.register_buffer("offset", torch.tensor([0.5, 0.5, 0.5, 0.5, 18.4, 18.4]))  # 18.4: ~0.06 / min at 180 C
        self.register_buffer("bottom", torch.tensor([[1.0], [0.0]]))  # the top crust: no dish, no wet filling
        self.register_buffer("grid", torch.arange(1, PD_NODES + 1).float().view(1, 1, -1) / PD_NODES)
        self.checks = [round(c * PD_NODES) - 1 for c in PD_CHECKS]

    def forward(self, dish: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        n = len(x)
        p = self.net(torch.cat([self.dish(dish), (x - self.shift) * self.gain], 1)) + self.offset
        q = F.softplus(p[:, :4]) * self.units
        oven, time = x[:, :1].unsqueeze(2), x[:, 1:2].unsqueeze(2)
        t = time * self.grid
        dead = q[:, 2:3].unsqueeze(2) * self.bottom
        temp = oven - (oven - 20) * torch.exp(-q[:, :2].unsqueeze(2) * torch.relu(t - dead))
        temp = temp - torch.relu(temp - 100) * torch.exp(-t / q[:, 3:4].unsqueeze(2)) * self.bottom
        k = torch.exp(p[:, 4:].unsqueeze(2) - torch.exp(self.log_ea) * (1e3 / 8.314) / (temp + 273.15))
        cum = torch.cumsum(k, 2)[..., self.checks] * (time / PD_NODES)
        return 1 - torch.exp(-cum).reshape(n, 2 * len(PD_CHECKS))


def browning_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the eight browning indices, times 10."""
    dish, x, y = batch
    return 10 * F.mse_loss(model(dish, x), y)


def pie_dish(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 24) -> dict[str, Any]:
    """The browning grey box on 8192 bakes; held out: 2048 other bakes in batches of 1024; Adagrad with
    initial_accumulator_value 0.1."""
    gen = torch.Generator().manual_seed(154105)
    dish, x, y = _pd_bakes(train_size + 2048, gen)
    tr = (dish[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BrowningGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((dish[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1"),
            "loss_fn": browning_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cream-whipper dispensing, an LSTM over the shots (RMSprop)

CW_SHOTS = 8
CW_FEATS = 3 + 6 + 3


def _cw_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sessions with an N2O cream whipper. The siphon 0.25, 0.5 or 1 L, filled to 50-100% of its nominal volume
    (the bottle holds 1.6x nominal), cream of 28-40% fat with 0-10% sugar at 3-15 C, one or two 8 g chargers (two
    only for 0.5 L and up), 0-12 shakes after charging. N2O shared between the headspace (ideal gas) and the cream
    (Henry: 0.045 mol / L / bar x (0.6 + fat / 25) x exp(-0.03 (T - 5)), from memory, constants invented); each
    shake event brings the dissolved gas a fraction 1 - exp(-0.3 (shakes + 0.3)) toward equilibrium. Eight shots:
    0-4 shakes before each, 0.5-3 s, held upright (85%) or tilted (venting 30% of the headspace gas a second,
    half the cream). Flow: 60 g/s x sqrt(gauge bar / 8), less when the cream is cold and viscous, limited by the
    cream left. Overrun: the dissolved gas per litre expanded to 1 atm, held by the fat (best at 34%), less when
    warm, capped by 1 - exp; the cream leaving takes its dissolved gas. 10% scatter (lognormal). Returns (inputs
    (n, 8, 12), outputs (n, 8, 2): foam mass / 40 g and overrun / 200%)."""
    size_id = torch.randint(0, 3, (n,), generator=gen)
    nominal = torch.tensor([0.25, 0.5, 1.0])[size_id]
    fill = 0.5 + 0.5 * torch.rand(n, generator=gen)
    fat = 28 + 12 * torch.rand(n, generator=gen)
    sugar = 10 * torch.rand(n, generator=gen)
    temp = 3 + 12 * torch.rand(n, generator=gen)
    two = ((torch.rand(n, generator=gen) < 0.5) & (size_id > 0)).float()
    shakes0 = torch.randint(0, 13, (n,), generator=gen).float()
    shakes = torch.randint(0, 5, (n, CW_SHOTS), generator=gen).float()
    dur = 0.5 + 2.5 * torch.rand(n, CW_SHOTS, generator=gen)
    tilt = (torch.rand(n, CW_SHOTS, generator=gen) < 0.15).float()
    rt = 0.08314 * (temp + 273.15)  # L bar / mol
    v_bottle = 1.6 * nominal
    v_c = fill * nominal
    n_tot = (1 + two) * 8 / 44
    kh = 0.045 * (0.6 + fat / 25) * torch.exp(-0.03 * (temp - 5))
    n_d = torch.zeros(n)
    n_h = n_tot.clone()

    def equilibrate(shk: torch.Tensor) -> None:
        nonlocal n_d, n_h
        total = n_d + n_h
        p_eq = total / ((v_bottle - v_c) / rt + kh * v_c)
        target = kh * v_c * p_eq
        f = 1 - torch.exp(-0.3 * (shk + 0.3))
        n_d = n_d + f * (target - n_d)
        n_h = total - n_d

    equilibrate(shakes0)
    visc = 1 / (1 + 0.04 * (15 - temp)) * (1 - 0.01 * sugar)
    hold = torch.exp(-(((fat - 34) / 8) ** 2)) * (1 - 0.02 * (temp - 3))
    masses, overruns = [], []
    for k in range(CW_SHOTS):
        equilibrate(shakes[:, k])
        p = n_h * rt / (v_bottle - v_c)
        gauge = (p - 1).clamp_min(0)
        grams = 60 * torch.sqrt(gauge / 8) * visc * dur[:, k] * (1 - 0.5 * tilt[:, k])
        grams = torch.minimum(grams, 1000 * v_c * 0.98)
        out_l = grams / 1000
        conc = n_d / v_c
        gas_l = conc * 0.08314 * (temp + 273.15) / 1.013
        over = 300 * (1 - torch.exp(-gas_l / 3 * hold)) * (gauge > 0.3).float()
        n_d = n_d - conc * out_l
        v_c = v_c - out_l
        n_h = n_h * (1 - 0.3 * tilt[:, k] * dur[:, k]).clamp_min(0.05)
        masses.append(grams)
        overruns.append(over)
    y = torch.stack([torch.stack(masses, 1) / 40, torch.stack(overruns, 1) / 200], 2)
    y = y * torch.exp(0.10 * torch.randn(y.shape, generator=gen))
    ones = torch.ones(n, CW_SHOTS)
    x = torch.cat([F.one_hot(size_id, 3).float().unsqueeze(1).expand(-1, CW_SHOTS, -1),
                   torch.stack([v.unsqueeze(1) * ones for v in ((fill - 0.75) / 0.14, (fat - 34) / 3.5,
                                (sugar - 5) / 2.9, (temp - 9) / 3.5, 2 * two - 1, (shakes0 - 6) / 3.7)], 2),
                   torch.stack([(shakes - 2) / 1.4, (dur - 1.75) / 0.72, 2 * tilt - 1], 2)], 2)
    return x, y


class WhipperLSTM(nn.Module):
    """A one-layer LSTM over the shots, a linear read-out of each shot's foam mass and overrun."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(CW_FEATS, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.lstm(x)[0])


def whipper_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled foam masses and overruns."""
    return _mse(model, batch)


def cream_whipper(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The dispensing LSTM on 2048 sessions; held out: 2048 other sessions in batches of 1024; RMSprop (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(154106)
    x, y = _cw_sessions(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WhipperLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": whipper_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("wine_cooler_chill_adamw", wine_cooler, 300, "wine_cooler_peltier_bottle_chill_preln_transformer", "adamw",
      "finite", 128, seconds=1.6, start_lr=0.032),
    W("cream_whipper_shots_rmsprop", cream_whipper, 300, "cream_whipper_n2o_henry_shot_overrun_lstm", "rmsprop",
      "finite", 64, seconds=0.4, start_lr=0.032),
    W("mat_curl_nesterov", mat_curl, 300, "exercise_mat_rolled_set_curl_lift_cnn1d", "sgd_nesterov0.9", "finite", 32,
      seconds=0.5, start_lr=0.2),
    W("cheese_dome_rind_adamax", cheese_dome, 300, "cheese_dome_microclimate_rind_gompertz_resmlp_ln", "adamax",
      "finite", 64, seconds=0.4, start_lr=0.032),
)
LONG = (
    W("sugar_bowl_caking_adagrad@long", sugar_bowl, 3000, "sugar_bowl_crh_humidity_cycling_caking_embedding_net",
      "adagrad", "finite", 32, seconds=2.1, start_lr=0.025, grid_fractions=(0.0, 0.05)),
    W("pie_dish_browning_adagrad@long", pie_dish, 3000, "pie_dish_bottom_crust_browning_arrhenius_greybox",
      "adagrad_acc0.1", "finite", 32, seconds=3.3, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("cream_whipper_shots_rmsprop@long", cream_whipper, 3000, "cream_whipper_n2o_henry_shot_overrun_lstm",
      "rmsprop", "finite", 64, dict(train_size=8192, hidden=16), seconds=3.0, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="cream_whipper_shots_rmsprop"),
    W("cheese_dome_rind_adamax@long", cheese_dome, 3000, "cheese_dome_microclimate_rind_gompertz_resmlp_ln", "adamax",
      "finite", 32, dict(width=32, blocks=1), seconds=2.3, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="cheese_dome_rind_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam154_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-fourth exam's workloads")
