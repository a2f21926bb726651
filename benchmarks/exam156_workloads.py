"""The hundred-and-fifty-sixth exam: six more workload families that neither the suite nor exams 1-154 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam154_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from fish tanks and oxygenation, seed trays and germination, deck chairs and
canvas stretch, parasols and shade, flower presses and petal drying, and wicker picnic baskets and weave loading
(exams 155, 157 and 158 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam156/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- aquarium dissolved oxygen from the stocking list (a long plan only): an embedding net (``nn.EmbeddingBag`` sums
  of the fish species weighted by their stocking density and of the plant species weighted by their grams per litre,
  embeddings of the air pump, the air stone and the filter, and the tank's dense conditions) to the dissolved oxygen
  at 8 times of the day; the data from a day-periodic oxygen balance: fish respiration (allometric, mass^0.8, Q10 =
  2), plant photosynthesis (a tanh light curve) and night respiration, filter bacteria, and re-aeration by the air
  stone's bubbles (Higbie penetration k_L over the bubble's rise, the bubbles' surface per volume from the gas
  hold-up) and the surface, towards a temperature-dependent saturation (supersaturation past 120% lost to
  pearling); MSE of the standardised DO; Adagrad (torch's defaults)
- seed-tray germination with the hydrothermal-time model: a grey-box net (a species embedding and the seed lot's
  age, priming, size and storage to the lot's base temperature, hydrothermal time, median base water potential and
  its spread, the optimum temperature, the thermal-inhibition slope above it and the viability), whose known
  population model (g(t) = V Phi((psi - theta_HT / ((T - T_b) t) - psi_b50(T)) / sigma)) gives the cumulative
  germination at 8 counts over 14 days of a 24-cell tray at the tray's temperature and water potential; data from
  24 simulated seeds a tray; MSE of the fractions; Adagrad (torch's defaults)
- deck-chair canvas stretch over a summer: a GRU reads 20 days of use (hours sat, the sitter's mass, rain on the
  canvas, temperature, sun) with the canvas (cotton duck 10 / 15 oz, acrylic, polyester, PVC-coated mesh), the
  frame's width and span and the slack measured before the summer, and predicts each morning's sag under a 75 kg
  reference sitter; the data from a permanent stretch that grows with stress and time (hardening as it
  accumulates), a recoverable creep that recovers overnight, the crimp's nonlinear elastic stretch, cotton's
  shrinkage when rained on, sun damage raising the compliance, and the sag of the slack sling (d = sqrt(3 L dL /
  8)); MSE of the standardised sag; Adam (torch's defaults)
- wicker picnic-basket weave loading: a Pre-LN transformer (one block) over the basket's 24 stakes (cane diameter,
  moisture, cracks, the weave's row density, its steps round the rim to the nearer handle attachment, its place,
  the load and its centre) to each stake's tension and the rim's deflection beside it when the basket is lifted; the
  base's load shared by the stakes' stiffness and the contents' offset, carried along the rim to the nearer handle
  attachment, the woven rim deflecting with the carried shear and slipping past its friction capacity; MSE of the
  standardised outputs; AdamW (weight decay 0.01)
- parasol shade and UV: a residual MLP with LayerNorm from the parasol (canopy radius, height, tilt and its
  direction, fabric), the ground (sand, grass, concrete, wet sand), the sun's elevation, the cloud and the sitter's
  place and facing to the log share of the open-beach erythemal UV at the head, the lap and the feet; the canopy's
  shadow from a ray-disc test (soft edge), its share of the sky view, the fabric's UV transmission, the ground's UV
  albedo; MSE; Adagrad, the short plan with an initial accumulator of 0.1 (Keras' default, as its author carries
  it over), the long plan with torch's defaults (so the long plan is not a plain lengthening of the short one)
- flower-press petal drying (a long plan only): a 1-D CNN over the press's 16 layers (corrugated card, blotting
  paper, newsprint, flower layers with their petals' thickness and waxiness; the screw pressure, room temperature
  and humidity) to each layer's moisture ratio after 1, 3 and 7 days; the data from water moving between touching
  layers with their moisture potentials (a conductance rising with pressure, limited by the petals' cuticle) and
  evaporating from the layers' edges (fast from corrugated card); MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the aquarium and flower
press nets (no short plans), the seed-tray net in batches of 32 instead of 256 (the same 8192 trays) and the parasol
net on 8192 sittings in batches of 32 with torch's default Adagrad (the short plan: 4096 sittings in batches of 128,
initial accumulator 0.1).

Of the eight plans, six use Adagrad (aquarium, flower press, both seed-tray plans, both parasol plans), one Adam
(deck chair) and one AdamW (wicker basket).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam156_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam156/README.md).

    python benchmarks/exam156_workloads.py          # the table
    python benchmarks/exam156_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 156"
HELD_OUT = 2048


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _standardise(y: torch.Tensor, n: int, dims: tuple[int, ...] = (0,)) -> torch.Tensor:
    """Targets standardised with the mean and sd of the first ``n`` rows (the training pool) over ``dims``."""
    m = y[:n].mean(dims, keepdim=True)
    s = y[:n].std(dims, keepdim=True)
    return (y - m) / s


def _adagrad(params: Any, lr: float) -> torch.optim.Optimizer:
    return torch.optim.Adagrad(params, lr=lr)


# --------------------------------------------------------------------------------------------------------------
# 1. aquarium dissolved oxygen from the stocking list, an embedding net (Adagrad; long only)

AQ_FISH, AQ_PLANTS, AQ_PUMPS, AQ_STONES, AQ_FILTERS = 30, 12, 8, 4, 3
AQ_SLOTS, AQ_PLANT_SLOTS = 6, 3
AQ_TIMES = 8  # 00:00, 03:00, ... 21:00


def _aq_tanks(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Freshwater aquaria in the periodic steady state of a day. A catalogue of 30 fish species (body mass 0.3-40 g,
    log-uniform; an oxygen uptake 0.3-0.7 mg O2 g^-0.8 h^-1 at 25 C) and 12 plant species (gross photosynthesis
    0.05-0.3 mg O2 per g fresh mass an hour at light saturation, saturation intensity I_k 30-120 umol/m2/s), drawn
    first. A tank: 30-300 L, 30-60 cm deep, 22-28 C, 1-6 fish species of 1-15 fish each, 0-3 plant species of 5-80
    g, lights on from 08:00 for 6-12 h at 20-150 umol/m2/s; an air pump (none, or 7 models of 60-400 L/h open flow
    against a 0.8-2 m head: the flow falls linearly with depth), an air stone (coarse 4 mm bubbles, medium 2.5 mm,
    fine 1.5 mm, limewood 0.8 mm) and a filter (sponge, hang-on-back, canister: surface renewal 0.04, 0.12, 0.07
    m/h). The oxygen balance dC/dt = K_La (C_s(T) - C) + P(t) - R: fish R_f = sum n a m^0.8 2^((T - 25) / 10);
    filter bacteria 0.4 R_f; plants P_max B tanh(I / I_k) by day, 0.12 P_max B respiration at night; past 120% of
    saturation the excess pearls off (2 an hour); the bubbles'
    K_La = k_L a with Higbie's k_L = 2 sqrt(D u / (pi d)) (D = 2.1e-9 m2/s, rise speed u 0.18-0.30 m/s with size),
    a = 6 eps / d, the hold-up eps = Q (depth / u) / V; the surface's k_s (A / V) plus the bubbles' breaking (+0.6 Q
    / V); C_s(T) = 14.652 - 0.41022 T + 0.007991 T^2 - 0.000077774 T^3 mg/L (from memory). Integrated over three
    days in 15-minute exponential steps; the third day read at 8 times, a probe's 0.1 mg/L scatter. Returns ((fish
    ids (n, 6), fish per 10 L (n, 6), plant ids (n, 3), plant grams per L (n, 3), pump, stone, filter, dense
    (n, 5)), DO (n, 8))."""
    fish_mass = 0.3 * (40 / 0.3) ** torch.rand(AQ_FISH, generator=gen)
    fish_a = 0.3 + 0.4 * torch.rand(AQ_FISH, generator=gen)
    plant_p = 0.05 + 0.25 * torch.rand(AQ_PLANTS, generator=gen)
    plant_ik = 30 + 90 * torch.rand(AQ_PLANTS, generator=gen)
    pump_q = torch.cat([torch.zeros(1), 60 * (400 / 60) ** torch.rand(AQ_PUMPS - 1, generator=gen)])  # L/h
    pump_head = torch.cat([torch.ones(1), 0.8 + 1.2 * torch.rand(AQ_PUMPS - 1, generator=gen)])
    stone_d = torch.tensor([4.0, 2.5, 1.5, 0.8]) * 1e-3
    stone_u = torch.tensor([0.30, 0.26, 0.22, 0.18])
    filter_ks = torch.tensor([0.04, 0.12, 0.07])

    vol = 30 * 10 ** torch.rand(n, generator=gen)  # L
    depth = 0.30 + 0.30 * torch.rand(n, generator=gen)
    temp = 22 + 6 * torch.rand(n, generator=gen)
    n_sp = torch.randint(1, AQ_SLOTS + 1, (n,), generator=gen)
    fid = torch.stack([torch.randperm(AQ_FISH, generator=gen)[:AQ_SLOTS] for _ in range(n)])
    cnt = torch.randint(1, 16, (n, AQ_SLOTS), generator=gen).float()
    cnt = cnt * (torch.arange(AQ_SLOTS).view(1, -1) < n_sp.view(-1, 1)).float()
    # scale the stocking to the tank (keepers stock bigger tanks more heavily)
    cnt = torch.round(cnt * (0.5 + 1.5 * torch.rand(n, 1, generator=gen)) * (vol.view(-1, 1) / 100) ** 0.5)
    n_pl = torch.randint(0, AQ_PLANT_SLOTS + 1, (n,), generator=gen)
    pid = torch.stack([torch.randperm(AQ_PLANTS, generator=gen)[:AQ_PLANT_SLOTS] for _ in range(n)])
    pmass = (5 + 75 * torch.rand(n, AQ_PLANT_SLOTS, generator=gen))
    pmass = pmass * (torch.arange(AQ_PLANT_SLOTS).view(1, -1) < n_pl.view(-1, 1)).float()
    light_h = 6 + 6 * torch.rand(n, generator=gen)
    light_i = 20 + 130 * torch.rand(n, generator=gen)
    pump = torch.randint(0, AQ_PUMPS, (n,), generator=gen)
    stone = torch.randint(0, AQ_STONES, (n,), generator=gen)
    filt = torch.randint(0, AQ_FILTERS, (n,), generator=gen)

    v_m3 = vol / 1000
    resp_f = (cnt * fish_a[fid] * fish_mass[fid] ** 0.8).sum(1) * 2 ** ((temp - 25) / 10)  # mg/h
    resp = (1.4 * resp_f) / vol  # mg/L/h with the filter's bacteria
    gross = (pmass * plant_p[pid] * torch.tanh(light_i.view(-1, 1) / plant_ik[pid])).sum(1) / vol
    night = (0.12 * pmass * plant_p[pid]).sum(1) / vol
    q = pump_q[pump] * (1 - depth / pump_head[pump]).clamp_min(0.1) / 1000 / 3600  # m3/s
    d, u = stone_d[stone], stone_u[stone]
    kl = 2 * torch.sqrt(2.1e-9 * u / (math.pi * d))
    eps = q * (depth / u) / v_m3
    kla = (kl * 6 * eps / d) * 3600 + filter_ks[filt] / depth + 0.6 * q * 3600 / v_m3  # 1/h
    cs = 14.652 - 0.41022 * temp + 0.007991 * temp**2 - 0.000077774 * temp**3
    c = cs.clone()
    dt = 0.25
    out = []
    for step in range(3 * 96):
        hour = (step * dt) % 24
        on = ((hour >= 8) & (hour < 8 + light_h)).float()
        src = on * gross - (1 - on) * night - resp
        c_inf = cs + src / kla
        c = c_inf + (c - c_inf) * torch.exp(-kla * dt)
        c = torch.where(c > 1.2 * cs, 1.2 * cs + (c - 1.2 * cs) * math.exp(-2.0 * dt), c).clamp_min(0.0)
        if step >= 2 * 96 and step % 12 == 0:
            out.append(c)
    y = torch.stack(out, 1) + 0.1 * torch.randn(n, AQ_TIMES, generator=gen)
    dense = torch.stack([(torch.log10(vol) - 1.98) / 0.29, (depth - 0.45) / 0.087, (temp - 25) / 1.73,
                         (light_h - 9) / 1.73, (light_i - 85) / 37.5], 1)
    return (fid, cnt * 10 / vol.view(-1, 1), pid, pmass / vol.view(-1, 1), pump, stone, filt, dense), y


class StockingNet(nn.Module):
    """Bags of the fish (weighted by their stocking density, fish per 10 L) and plants (grams per litre), the pump,
    stone and filter embeddings and the dense conditions, through a GELU MLP to the DO at 8 times of the day."""

    def __init__(self, dim: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.fish = nn.EmbeddingBag(AQ_FISH, dim, mode="sum")
        self.plants = nn.EmbeddingBag(AQ_PLANTS, dim, mode="sum")
        self.pump = nn.Embedding(AQ_PUMPS, 4)
        self.stone = nn.Embedding(AQ_STONES, 4)
        self.filter = nn.Embedding(AQ_FILTERS, 4)
        self.mlp = nn.Sequential(nn.Linear(2 * dim + 12 + 5, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, AQ_TIMES))

    def forward(self, fid, cnt, pid, pmass, pump, stone, filt, dense) -> torch.Tensor:  # noqa: ANN001
        h = torch.cat([self.fish(fid, per_sample_weights=cnt), self.plants(pid, per_sample_weights=pmass),
                       self.pump(pump), self.stone(stone), self.filter(filt), dense], 1)
        return self.mlp(h)


def stocking_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised DO at the 8 times."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def aquarium_oxygen(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The stocking net on ``train_size`` tanks, DO standardised over them; held out: 2048 other tanks in batches of
    1024; Adagrad."""
    gen = torch.Generator().manual_seed(156101)
    x, y = _aq_tanks(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size, (0, 1))
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    te = tuple(t[train_size:] for t in x) + (y[train_size:],)
    torch.manual_seed(seed)
    return {"model": StockingNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024), "optimizer": _named(_adagrad, "adagrad"),
            "loss_fn": stocking_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. seed-tray germination, a hydrothermal-time grey-box net (Adagrad)

ST_SPECIES = 16
ST_SEEDS = 24  # a 24-cell tray
ST_DAYS = (1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 10.0, 14.0)


def _st_params(sp: torch.Tensor, age: torch.Tensor, primed: torch.Tensor, size: torch.Tensor, warm: torch.Tensor,
               table: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """A seed lot's hydrothermal-time parameters from its species and history (the data's law)."""
    decay = age * (1 + warm)
    return {
        "tb": table["tb"][sp],
        "theta": table["theta"][sp] * (1 - 0.4 * primed) * size**0.3 * (1 + 0.06 * decay),
        "psib": table["psib"][sp] + 0.07 * decay - 0.15 * primed,
        "sigma": table["sigma"][sp] * (1 + 0.12 * decay),
        "to": table["to"][sp],
        "kt": table["kt"][sp],
        "v": table["v"][sp] * torch.exp(-(0.03 + 0.03 * primed) * decay),
    }


def _st_trays(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Germination tests of seed lots in 24-cell trays. 16 species (drawn first): base temperature T_b 2-12 C,
    hydrothermal time theta_HT 200-2000 MPa C h (log-uniform), median base water potential psi_b50 -0.5 to -1.3 MPa
    and its spread sigma 0.12-0.35 MPa, an optimum T_o 20-30 C above which psi_b50 rises by k_T 0.02-0.06 MPa per C
    (thermal inhibition), viability 0.85-0.98. A lot: age 0-4 years (warm storage doubling its effect: psi_b50 up
    0.07 MPa a year, sigma up 12%, theta up 6%, viability down 3% a year), primed or not (theta 40% lower, psi_b50
    0.15 MPa lower, viability falling twice as fast), seed size 0.7-1.3 (theta ~ size^0.3). A tray: 8-34 C, water
    potential 0 to -1.0 MPa. Each of the 24 seeds is viable with probability V and has its own psi_b ~ N(psi_b50(T),
    sigma); it germinates at t = theta / ((T - T_b)(psi - psi_b)) hours when psi > psi_b and T > T_b. The counted
    fraction at days 1, 2, 3, 4, 5, 7, 10, 14. Returns ((species, lot (n, 4), tray (n, 2)), fractions (n, 8))."""
    table = {
        "tb": 2 + 10 * torch.rand(ST_SPECIES, generator=gen),
        "theta": 200 * 10 ** torch.rand(ST_SPECIES, generator=gen),
        "psib": -0.5 - 0.8 * torch.rand(ST_SPECIES, generator=gen),
        "sigma": 0.12 + 0.23 * torch.rand(ST_SPECIES, generator=gen),
        "to": 20 + 10 * torch.rand(ST_SPECIES, generator=gen),
        "kt": 0.02 + 0.04 * torch.rand(ST_SPECIES, generator=gen),
        "v": 0.85 + 0.13 * torch.rand(ST_SPECIES, generator=gen),
    }
    sp = torch.randint(0, ST_SPECIES, (n,), generator=gen)
    age = 4 * torch.rand(n, generator=gen)
    primed = (torch.rand(n, generator=gen) < 0.3).float()
    size = 0.7 + 0.6 * torch.rand(n, generator=gen)
    warm = (torch.rand(n, generator=gen) < 0.4).float()
    temp = 8 + 26 * torch.rand(n, generator=gen)
    psi = -torch.rand(n, generator=gen) ** 1.5
    p = _st_params(sp, age, primed, size, warm, table)
    psib50 = p["psib"] + p["kt"] * torch.relu(temp - p["to"])
    psib_i = psib50.view(-1, 1) + p["sigma"].view(-1, 1) * torch.randn(n, ST_SEEDS, generator=gen)
    viable = torch.rand(n, ST_SEEDS, generator=gen) < p["v"].view(-1, 1)
    drive = (temp - p["tb"]).clamp_min(0).view(-1, 1) * (psi.view(-1, 1) - psib_i).clamp_min(0)
    t_g = torch.where(viable & (drive > 0), p["theta"].view(-1, 1) / drive.clamp_min(1e-9), torch.full_like(drive, 1e9))
    days = torch.tensor(ST_DAYS).view(1, 1, -1) * 24
    y = (t_g.unsqueeze(2) <= days).float().mean(1)
    lot = torch.stack([(age - 2) / 1.15, 2 * primed - 1, (size - 1) / 0.17, 2 * warm - 1], 1)
    tray = torch.stack([temp, psi], 1)
    return (sp, lot, tray), y


class HydrothermalNet(nn.Module):
    """A species embedding and the lot's covariates through a small tanh MLP to the lot's hydrothermal-time
    parameters (its output layer zero-initialised, so that every lot starts at the prior T_b 7 C, theta_HT 630 MPa C
    h, psi_b50 -0.8 MPa, sigma 0.25 MPa, T_o 25 C); the population model then gives the cumulative germination at
    the 8 counts."""

    def __init__(self, dim: int = 6, hidden: int = 32) -> None:
        super().__init__()
        self.species = nn.Embedding(ST_SPECIES, dim)
        self.mlp = nn.Sequential(nn.Linear(dim + 4, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 7))
        self.register_buffer("hours", torch.tensor(ST_DAYS) * 24)
        nn.init.zeros_(self.mlp[-1].weight)  # every lot starts at the prior below
        nn.init.zeros_(self.mlp[-1].bias)

    def forward(self, sp: torch.Tensor, lot: torch.Tensor, tray: torch.Tensor) -> torch.Tensor:
        h = self.mlp(torch.cat([self.species(sp), lot], 1))
        tb = 7 + 7 * torch.tanh(h[:, 0])
        theta = torch.exp(math.log(630) + h[:, 1])
        psib = -0.8 + 1.0 * torch.tanh(h[:, 2])
        sigma = 0.05 + F.softplus(h[:, 3] - 1.5)
        to = 25 + 6 * torch.tanh(h[:, 4])
        kt = 0.04 * F.softplus(h[:, 5])
        v = torch.sigmoid(h[:, 6] + 2)
        temp, psi = tray[:, 0], tray[:, 1]
        dtemp = 0.25 * F.softplus(4 * (temp - tb))
        psib_t = psib + kt * 0.25 * F.softplus(4 * (temp - to))
        z = (psi.view(-1, 1) - theta.view(-1, 1) / (dtemp.view(-1, 1) * self.hours) - psib_t.view(-1, 1))
        return v.view(-1, 1) * torch.special.ndtr(z / sigma.view(-1, 1))


def germination_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the germinated fractions at the 8 counts, times 10."""
    sp, lot, tray, y = batch
    return 10 * F.mse_loss(model(sp, lot, tray), y)


def seed_tray_germination(batch_size: int = 32, seed: int = 0, train_size: int = 1024,
                          hidden: int = 32) -> dict[str, Any]:
    """The hydrothermal-time net on ``train_size`` trays; held out: 2048 other trays in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(156102)
    x, y = _st_trays(train_size + HELD_OUT, gen)
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    te = tuple(t[train_size:] for t in x) + (y[train_size:],)
    torch.manual_seed(seed)
    return {"model": HydrothermalNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024), "optimizer": _named(_adagrad, "adagrad"),
            "loss_fn": germination_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. deck-chair canvas stretch over a summer, a GRU (Adam)

DC_DAYS = 20
DC_CANVAS = 5  # cotton duck 10 oz, cotton duck 15 oz, acrylic, polyester, PVC-coated polyester mesh


def _dc_summers(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, torch.Tensor], torch.Tensor]:
    """Deck chairs through 20 days of a summer. The canvas (cotton duck 10 oz, 15 oz, acrylic, polyester, PVC-coated
    mesh): permanent-stretch coefficient 3.0, 2.0, 1.2, 0.8, 0.5 (x 1e-3), recoverable creep 6, 4, 5, 3, 2 (x 1e-3),
    crimp stretch 12, 9, 10, 8, 4 (x 1e-3), rain shrinkage 0.25, 0.2, 0, 0, 0, sun damage 1.0, 0.8, 0.2, 0.5, 0.3. The
    sling 0.25-0.45 m wide over a 0.9-1.1 m span; a new or used canvas (initial slack 0-1.5 cm). Each day 0-8 hours
    sat (no sitting on 30% of the days) by a 45-115 kg sitter (one of the household's two or three), rain on the
    canvas (20% of days), 15-35 C, sun 0-1. The stress sigma = m / 75 * 0.33 / width; permanent stretch grows by c_p
    sigma^1.6 hours^0.4 exp((T - 25) / 15) (1 + 0.5 wet) / (1 + e_p / 0.02) (hardening); the recoverable creep
    rises towards 6 c_r sigma with a 2 h time constant while sat and recovers with 8 h overnight; rain takes back a
    share of the permanent stretch of cotton; the sun's damage multiplies the compliance by (1 + D). Each morning's
    sag under a 75 kg sitter: dL = L (e_p + e_r + crimp (0.33 / width)^0.6 (1 + D)) + slack, d = sqrt(3 L dL / 8)
    in mm, a ruler's 1 mm scatter. Returns ((days (n, 20, 5), chair (n, 8): the canvas, width, span and the
    slack measured before the summer), sag (n, 20))."""
    c_p = torch.tensor([3.0, 2.0, 1.2, 0.8, 0.5]) * 1e-3
    c_r = torch.tensor([6.0, 4.0, 5.0, 3.0, 2.0]) * 1e-3
    crimp = torch.tensor([12.0, 9.0, 10.0, 8.0, 4.0]) * 1e-3
    shrink = torch.tensor([0.25, 0.2, 0.0, 0.0, 0.0])
    uvk = torch.tensor([1.0, 0.8, 0.2, 0.5, 0.3]) * 0.01
    canvas = torch.randint(0, DC_CANVAS, (n,), generator=gen)
    width = 0.25 + 0.2 * torch.rand(n, generator=gen)
    span = 0.9 + 0.2 * torch.rand(n, generator=gen)
    slack = 0.015 * torch.rand(n, generator=gen)
    people = 45 + 70 * torch.rand(n, 3, generator=gen)
    who = torch.randint(0, 3, (n, DC_DAYS), generator=gen)
    mass = people.gather(1, who)
    hours = 8 * torch.rand(n, DC_DAYS, generator=gen) * (torch.rand(n, DC_DAYS, generator=gen) > 0.3).float()
    rain = (torch.rand(n, DC_DAYS, generator=gen) < 0.2).float()
    temp = 15 + 20 * torch.rand(n, DC_DAYS, generator=gen)
    sun = torch.rand(n, DC_DAYS, generator=gen) * (1 - 0.7 * rain)
    cp, cr, cc, sh, uk = c_p[canvas], c_r[canvas], crimp[canvas], shrink[canvas], uvk[canvas]
    ep = torch.zeros(n)
    er = torch.zeros(n)
    dmg = torch.zeros(n)
    sags = []
    for t in range(DC_DAYS):
        sigma = mass[:, t] / 75 * 0.33 / width
        h = hours[:, t]
        ep = ep + cp * (1 + dmg) * sigma**1.6 * h**0.4 * torch.exp((temp[:, t] - 25) / 15) * (1 + 0.5 * rain[:, t]) / (
            1 + ep / 0.02)
        er_inf = 6 * cr * (1 + dmg) * sigma
        er = er_inf + (er - er_inf) * torch.exp(-h / 2)
        er = er * torch.exp(-(24 - h) / 8)
        ep = ep * (1 - sh * rain[:, t])
        dmg = dmg + uk * sun[:, t] * 3
        e_ref = cc * (0.33 / width) ** 0.6 * (1 + dmg)
        dl = span * (ep + er + e_ref) + slack
        sags.append(1000 * torch.sqrt(3 * span * dl / 8))
    y = torch.stack(sags, 1) + torch.randn(n, DC_DAYS, generator=gen)
    days = torch.stack([hours / 4 - 1, (mass - 80) / 20, 2 * rain - 1, (temp - 25) / 5.8, 2 * sun - 1], 2)
    chair = torch.cat([F.one_hot(canvas, DC_CANVAS).float(), ((width - 0.35) / 0.058).view(-1, 1),
                       ((span - 1.0) / 0.058).view(-1, 1), ((slack - 0.0075) / 0.0043).view(-1, 1)], 1)
    return (days, chair), y


class SummerGRU(nn.Module):
    """A GRU over the days (each day's use with the chair's canvas and frame) to each morning's sag."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(5 + DC_CANVAS + 3, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, days: torch.Tensor, chair: torch.Tensor) -> torch.Tensor:
        x = torch.cat([days, chair.unsqueeze(1).expand(-1, days.shape[1], -1)], 2)
        out, _ = self.gru(x)
        return self.head(out).squeeze(2)


def sag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised morning sags."""
    days, chair, y = batch
    return F.mse_loss(model(days, chair), y)


def deck_chair_stretch(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The summer GRU on ``train_size`` chairs, sags standardised over them; held out: 2048 other chairs in batches
    of 1024; Adam."""
    gen = torch.Generator().manual_seed(156103)
    (days, chair), y = _dc_summers(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size, (0, 1))
    tr = (days[:train_size], chair[:train_size], y[:train_size])
    te = (days[train_size:], chair[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": SummerGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": sag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. parasol shade and UV, a residual MLP with LayerNorm (Adagrad)

PS_FABRICS = 5  # cotton, polyester, acrylic, UV-coated polyester, open-weave raffia
PS_GROUNDS = 4  # dry sand, grass, concrete, wet sand


def _ps_disc_hit(p: torch.Tensor, s: torch.Tensor, c: torch.Tensor, nrm: torch.Tensor, r: torch.Tensor) -> torch.Tensor:
    """Soft test of whether the ray from points p towards the sun s crosses the canopy disc (centre c, normal nrm,
    radius r): 1 inside, 0 outside, a 4 cm penumbra."""
    t = ((c - p) * nrm).sum(-1) / (s * nrm).sum(-1).clamp_min(1e-3)
    q = p + t.unsqueeze(-1) * s
    dist = (q - c).norm(dim=-1)
    return torch.sigmoid((r - dist) / 0.04) * (t > 0).float()


def _ps_beach(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A sitter under a beach parasol. The canopy: radius 0.9-1.4 m, its centre 1.8-2.3 m up, tilted 0-35 degrees
    towards a direction 0-360 degrees from the sun's azimuth (the centre shifting 0.35 m sin(tilt) that way); the
    fabric's UV transmission (cotton 0.10, polyester 0.06, acrylic 0.03, UV-coated 0.015, open raffia 0.25). The
    ground's UV albedo (dry sand 0.15, grass 0.02, concrete 0.10, wet sand 0.07). The sun 15-75 degrees up, cloud
    0-1 (the diffuse share of the erythemal UV 0.45 + 0.45 cloud). The sitter 0-1.1 m from the pole in a direction
    0-360 degrees, facing 0-360 degrees: head at 1.0 m, lap 0.25 m in front at 0.55 m, feet 0.9 m in front at 0.1
    m. Each point a small sphere: the beam (blocked by the canopy times 1 - transmission), half the sky's diffuse
    less the canopy's share of its sky view (R^2 cos / (R^2 + dist^2), times 1 - transmission), half the ground's
    reflection of the global UV (less 60% of it where the ground below the point is shaded). Returns (features
    (n, 21), log UV share at the head, lap and feet (n, 3))."""
    radius = 0.9 + 0.5 * torch.rand(n, generator=gen)
    height = 1.8 + 0.5 * torch.rand(n, generator=gen)
    tilt = torch.deg2rad(35 * torch.rand(n, generator=gen))
    tdir = 2 * math.pi * torch.rand(n, generator=gen)
    fabric = torch.randint(0, PS_FABRICS, (n,), generator=gen)
    ground = torch.randint(0, PS_GROUNDS, (n,), generator=gen)
    elev = torch.deg2rad(15 + 60 * torch.rand(n, generator=gen))
    cloud = torch.rand(n, generator=gen)
    r_pos = 1.1 * torch.rand(n, generator=gen).sqrt()
    a_pos = 2 * math.pi * torch.rand(n, generator=gen)
    face = 2 * math.pi * torch.rand(n, generator=gen)
    trans = torch.tensor([0.10, 0.06, 0.03, 0.015, 0.25])[fabric]
    albedo = torch.tensor([0.15, 0.02, 0.10, 0.07])[ground]
    # the sun along +x, elevated
    s = torch.stack([torch.cos(elev), torch.zeros(n), torch.sin(elev)], 1)
    nrm = torch.stack([torch.sin(tilt) * torch.cos(tdir), torch.sin(tilt) * torch.sin(tdir), torch.cos(tilt)], 1)
    c = torch.stack([0.35 * torch.sin(tilt) * torch.cos(tdir), 0.35 * torch.sin(tilt) * torch.sin(tdir), height], 1)
    base = torch.stack([r_pos * torch.cos(a_pos), r_pos * torch.sin(a_pos), torch.zeros(n)], 1)
    fwd = torch.stack([torch.cos(face), torch.sin(face), torch.zeros(n)], 1)
    fdiff = (0.45 + 0.45 * cloud).clamp_max(0.95)
    beam, diff = 1 - fdiff, fdiff
    glob = beam * torch.sin(elev) + diff
    open_uv = beam * 0.5 + 0.5 * diff + 0.5 * albedo * glob
    out = []
    for ahead, up in ((0.0, 1.0), (0.25, 0.55), (0.9, 0.1)):
        p = base + ahead * fwd + torch.tensor([0.0, 0.0, up])
        block = _ps_disc_hit(p, s, c, nrm, radius)
        g = p * torch.tensor([1.0, 1.0, 0.0])
        gshade = _ps_disc_hit(g, s, c, nrm, radius)
        to_c = c - p
        dist2 = (to_c**2).sum(1)
        cosv = (to_c[:, 2] / dist2.sqrt()).clamp_min(0)
        view = radius**2 * cosv / (radius**2 + dist2)
        uv = (beam * 0.5 * (1 - block * (1 - trans)) + 0.5 * diff * (1 - view * (1 - trans))
              + 0.5 * albedo * glob * (1 - 0.6 * gshade))
        out.append(torch.log(uv / open_uv))
    y = torch.stack(out, 1) * torch.exp(0.03 * torch.randn(n, 3, generator=gen))
    x = torch.cat([torch.stack([(radius - 1.15) / 0.14, (height - 2.05) / 0.14, (tilt - 0.305) / 0.176,
                                torch.sin(tdir), torch.cos(tdir), (torch.rad2deg(elev) - 45) / 17.3,
                                (cloud - 0.5) / 0.29, (r_pos - 0.73) / 0.26, torch.sin(a_pos), torch.cos(a_pos),
                                torch.sin(face), torch.cos(face)], 1),
                   F.one_hot(fabric, PS_FABRICS).float(), F.one_hot(ground, PS_GROUNDS).float()], 1)
    return x, y


class ResBlock(nn.Module):
    """A Pre-LN residual MLP block."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, width), nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class ShadeNet(nn.Module):
    """A residual MLP with LayerNorm from the parasol, the sun and the sitter to the 3 log UV shares."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(21, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.norm(self.blocks(self.inp(x))))


def shade_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log UV shares."""
    x, y = batch
    return F.mse_loss(model(x), y)


def parasol_shade(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 48,
                  acc0: float = 0.1) -> dict[str, Any]:
    """The shade net on ``train_size`` sittings; held out: 2048 other sittings in batches of 1024; Adagrad with the
    initial accumulator value ``acc0`` (the short plan: 0.1, Keras' default, which its author carries over; the long
    plan: torch's default 0)."""
    gen = torch.Generator().manual_seed(156104)
    x, y = _ps_beach(train_size + HELD_OUT, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShadeNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=acc0),
                                f"adagrad_acc{acc0:g}" if acc0 else "adagrad"), "loss_fn": shade_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. flower-press petal drying, a 1-D CNN over the press's layers (Adagrad; long only)

FP_LAYERS = 16
FP_TYPES = 4  # corrugated card, blotting paper, newsprint, flower layer
FP_READS = (1, 3, 7)  # days


def _fp_presses(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Flower presses of 16 layers between two boards, each layer corrugated card (water capacity 4 g, edge
    venting 0.5 a day), blotting paper (6 g, 0.12), newsprint (2 g, 0.08) or a layer of flowers (petals 0.15-0.8 mm
    thick, cuticle waxiness 0-1, water 3 + 10 thickness g; venting 0.02); the screw's pressure 5-40 kPa, the room
    18-30 C and 30-70% RH. Moisture potential: a paper's water over its capacity, a flower's 1.5 times its water over
    its fresh water; between touching layers a flux g (phi_i - phi_j) with g = 2.0 (p / 20)^0.5 a day (petal to
    paper: over (1 + 3 wax) (thickness / 0.4)); each layer's edges evaporate v (phi - 0.1 RH) exp((T - 24) / 14)
    capacity a day; the top and bottom layers vent 1.5 times more. Three-hour steps for 7 days. The moisture ratio
    of each layer read at days 1, 3 and 7 (a balance's 0.01 scatter). Returns (layers (n, 10, 16): the layer's type
    (one-hot), a flower layer's thickness and waxiness, its place in the stack, the pressure, temperature and RH;
    moisture (n, 3, 16))."""
    typ = torch.multinomial(torch.tensor([0.25, 0.35, 0.15, 0.25]), n * FP_LAYERS, replacement=True,
                            generator=gen).view(n, FP_LAYERS)
    thick = 0.15 + 0.65 * torch.rand(n, FP_LAYERS, generator=gen)
    wax = torch.rand(n, FP_LAYERS, generator=gen)
    pres = 5 + 35 * torch.rand(n, generator=gen)
    temp = 18 + 12 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.4 * torch.rand(n, generator=gen)
    flower = (typ == 3).float()
    cap = torch.tensor([4.0, 6.0, 2.0, 1.0])[typ]
    fresh = 3 + 10 * thick
    cap = torch.where(flower > 0, fresh, cap)
    vent = torch.tensor([0.5, 0.12, 0.08, 0.02])[typ]
    vent[:, 0] *= 1.5
    vent[:, -1] *= 1.5
    water = torch.where(flower > 0, fresh, 0.05 * rh.view(-1, 1) * cap)
    pot_scale = torch.where(flower > 0, 1.5 * torch.ones_like(cap), torch.ones_like(cap))
    petal_res = torch.where(flower > 0, (1 + 3 * wax) * (thick / 0.4), torch.zeros_like(cap))
    g0 = 2.0 * (pres / 20).sqrt().view(-1, 1)
    g = g0 / (1 + petal_res[:, :-1] + petal_res[:, 1:])  # between layer i and i + 1
    evap_f = torch.exp((temp - 24) / 14).view(-1, 1)
    dt = 0.125
    reads = []
    for step in range(1, 7 * 8 + 1):
        phi = pot_scale * water / cap
        flux = g * (phi[:, :-1] - phi[:, 1:]) * dt
        dw = torch.zeros_like(water)
        dw[:, :-1] -= flux
        dw[:, 1:] += flux
        dw -= vent * (phi - 0.1 * rh.view(-1, 1)).clamp_min(0) * evap_f * cap * dt
        water = (water + dw).clamp_min(0)
        if step % 8 == 0 and step // 8 in FP_READS:
            reads.append(water / cap)
    y = torch.stack(reads, 1) + 0.01 * torch.randn(n, len(FP_READS), FP_LAYERS, generator=gen)
    glob = torch.stack([(pres - 22.5) / 10, (temp - 24) / 3.5, (rh - 0.5) / 0.115], 1)
    x = torch.cat([F.one_hot(typ, FP_TYPES).float().permute(0, 2, 1),
                   (flower * (thick - 0.475) / 0.19).unsqueeze(1), (flower * (wax - 0.5) / 0.29).unsqueeze(1),
                   flower.unsqueeze(1) * 0 + (torch.arange(FP_LAYERS).float().view(1, 1, -1) - 7.5) / 4.6,
                   glob.unsqueeze(2).expand(-1, -1, FP_LAYERS)], 1)
    return x, y


class PressCNN(nn.Module):
    """A 1-D CNN over the press's layers (a plain and a dilated kernel-5 convolution, ReLU, a 1x1 head) to the 3
    moisture reads of each layer."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(FP_TYPES + 3 + 3, channels, 5, padding=2), nn.ReLU(),
            nn.Conv1d(channels, channels, 5, padding=4, dilation=2), nn.ReLU(),
            nn.Conv1d(channels, len(FP_READS), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def press_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the layers' moisture ratios, times 10."""
    x, y = batch
    return 10 * F.mse_loss(model(x), y)


def flower_press_drying(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                        channels: int = 16) -> dict[str, Any]:
    """The press CNN on ``train_size`` presses; held out: 2048 other presses in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(156105)
    x, y = _fp_presses(train_size + HELD_OUT, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PressCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_adagrad, "adagrad"), "loss_fn": press_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. wicker picnic-basket weave loading, a Pre-LN transformer over the stakes (AdamW)

WB_STAKES = 24  # 7 on each long side, 5 on each short side


def _wb_geometry() -> tuple[torch.Tensor, torch.Tensor]:
    """The stakes' positions around a rectangle (x along the long side, half-lengths 1 and 0.6), in ring order, and
    each handle kind's two attachment stakes (swing handle: the long sides' middles; end handles: the short sides')."""
    pts = []
    for i in range(7):
        pts.append((-0.9 + 0.3 * i, -0.6))
    for i in range(5):
        pts.append((1.0, -0.4 + 0.2 * i))
    for i in range(7):
        pts.append((0.9 - 0.3 * i, 0.6))
    for i in range(5):
        pts.append((-1.0, 0.4 - 0.2 * i))
    return torch.tensor(pts), torch.tensor([[3, 15], [9, 21]])


def _wb_routes(handles: torch.Tensor) -> torch.Tensor:
    """(24 sources, 24 segments) signed incidence: stake j's load runs along the rim to the nearer handle (split in
    half on a tie); segment i joins stake i and i + 1, positive clockwise (increasing index)."""
    m = torch.zeros(WB_STAKES, WB_STAKES)
    for j in range(WB_STAKES):
        paths = []
        for h in handles.tolist():
            up = (h - j) % WB_STAKES  # steps going +1
            down = (j - h) % WB_STAKES
            paths.append((up, 1) if up <= down else (down, -1))
        best = min(p[0] for p in paths)
        chosen = [p for p in paths if p[0] == best]
        for steps, sign in chosen:
            for k in range(steps):
                seg = (j + k) % WB_STAKES if sign > 0 else (j - k - 1) % WB_STAKES
                m[j, seg] += sign / len(chosen)
    return m


def _wb_lifts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lifting a loaded picnic basket by its handle. Stakes: cane 6-10 mm, a crack in 10% of them, moisture (the
    basket's 0-0.3 plus a stake's 0-0.15), the weave's row density beside each stake 6-14 rows per 10 cm; a swing
    handle (the long sides' middle stakes) or end handles (the short sides'); load 20-120 N with its centre offset
    up to 0.4 of the half-length and half-width. The base shares the load by the stakes' axial stiffness (d^2, a
    crack 0.3, moisture 1 - 0.4 m) and the offset (1 + 1.5 x . c, floor 0.05): tension t_j = W b_j. The rim carries
    each stake's load to the nearer handle: the shear S_i at segment i; its deflection |S_i| / (0.8 rho (1 - 0.5 m))
    mm plus a slip 0.6 relu(|S_i| - 1.2 rho (1 + m)) where the weave's friction gives way. 3% scatter. Returns
    (tokens (n, 24, 11): a stake's cane, crack, moisture, row density, steps round the rim to the nearer handle
    attachment and place, the load, its centre and the handle kind; (log tension, log1p deflection) (n, 24, 2))."""
    pos, handles = _wb_geometry()
    routes = torch.stack([_wb_routes(h) for h in handles])  # (2, 24, 24)
    dia = 6 + 4 * torch.rand(n, WB_STAKES, generator=gen)
    crack = (torch.rand(n, WB_STAKES, generator=gen) < 0.1).float()
    moist = 0.3 * torch.rand(n, 1, generator=gen) + 0.15 * torch.rand(n, WB_STAKES, generator=gen)
    rho = 6 + 8 * torch.rand(n, WB_STAKES, generator=gen)
    kind = torch.randint(0, 2, (n,), generator=gen)
    load = 20 + 100 * torch.rand(n, generator=gen)
    com = (2 * torch.rand(n, 2, generator=gen) - 1) * 0.4
    stiff = (dia / 8) ** 2 * (1 - 0.7 * crack) * (1 - 0.4 * moist)
    share = stiff * (1 + 1.5 * (pos[:, 0].view(1, -1) * com[:, :1] / 1.0 + pos[:, 1].view(1, -1) * com[:, 1:] / 0.6)
                     ).clamp_min(0.05)
    share = share / share.sum(1, keepdim=True)
    tension = load.view(-1, 1) * share
    shear = torch.bmm(tension.unsqueeze(1), routes[kind]).squeeze(1)
    defl = shear.abs() / (0.8 * rho * (1 - 0.5 * moist)) + 0.6 * torch.relu(shear.abs() - 1.2 * rho * (1 + moist))
    y = torch.stack([torch.log(tension), torch.log1p(defl)], 2) + 0.03 * torch.randn(n, WB_STAKES, 2, generator=gen)
    ring = torch.arange(WB_STAKES).view(1, -1, 1)
    steps = ((handles[kind].unsqueeze(1) - ring) % WB_STAKES).float()
    to_handle = torch.minimum(steps, WB_STAKES - steps).min(2).values  # ring steps to the nearer handle
    tokens = torch.stack([(dia - 8) / 1.15, 2 * crack - 1, (moist - 0.225) / 0.1, (rho - 10) / 2.3, to_handle / 3 - 1,
                          pos[:, 0].expand(n, -1), pos[:, 1].expand(n, -1) / 0.6,
                          ((load - 70) / 29).view(-1, 1).expand(-1, WB_STAKES),
                          (com[:, :1] / 0.23).expand(-1, WB_STAKES), (com[:, 1:] / 0.23).expand(-1, WB_STAKES),
                          (2 * kind - 1).float().view(-1, 1).expand(-1, WB_STAKES)], 2)
    return tokens, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attention(LN(x)), then x + feed-forward(LN(x)) (GELU, no dropout)."""

    def __init__(self, d_model: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)
        self.ff = nn.Sequential(nn.Linear(d_model, 2 * d_model), nn.GELU(), nn.Linear(2 * d_model, d_model))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.norm1(x)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(a)
        return x + self.ff(self.norm2(x))


class StakeTransformer(nn.Module):
    """A Pre-LN transformer encoder over the ring of stakes (a learned position embedding per stake) to each
    stake's (log tension, log1p deflection)."""

    def __init__(self, d_model: int = 32, layers: int = 1, heads: int = 4) -> None:
        super().__init__()
        self.inp = nn.Linear(11, d_model)
        self.pos = nn.Parameter(torch.zeros(1, WB_STAKES, d_model))
        self.blocks = nn.Sequential(*[PreLNBlock(d_model, heads) for _ in range(layers)])
        self.norm = nn.LayerNorm(d_model)
        self.out = nn.Linear(d_model, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.norm(self.blocks(self.inp(x) + self.pos)))


def weave_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised stake tensions and rim deflections."""
    x, y = batch
    return F.mse_loss(model(x), y)


def wicker_basket_loading(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                          d_model: int = 32) -> dict[str, Any]:
    """The stake transformer on ``train_size`` lifts, outputs standardised over them; held out: 2048 other lifts in
    batches of 1024; AdamW, weight decay 0.01."""
    gen = torch.Generator().manual_seed(156106)
    x, y = _wb_lifts(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size, (0, 1))
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StakeTransformer(d_model), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.01),
                                "adamw_wd0.01"),
            "loss_fn": weave_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("seed_tray_germination_adagrad", seed_tray_germination, 300, "seed_tray_hydrothermal_time_germination_greybox",
      "adagrad", "finite", 256, dict(train_size=8192), seconds=0.8, start_lr=0.2),
    W("parasol_shade_adagrad", parasol_shade, 300, "parasol_canopy_uv_shade_share_resmlp_ln", "adagrad_acc0.1",
      "finite", 128, dict(train_size=4096), seconds=0.7, start_lr=0.2),
    W("deck_chair_stretch_adam", deck_chair_stretch, 300, "deck_chair_canvas_summer_stretch_sag_gru", "adam",
      "finite", 64, seconds=1.5, start_lr=0.128),
    W("wicker_basket_loading_adamw", wicker_basket_loading, 300, "wicker_basket_stake_rim_load_preln_transformer",
      "adamw_wd0.01", "finite", 32, seconds=1.5, start_lr=0.064),
)
LONG = (
    W("aquarium_oxygen_adagrad@long", aquarium_oxygen, 3000, "aquarium_stocking_airstone_oxygen_embedding_net",
      "adagrad", "finite", 128, dict(train_size=8192, hidden=32), seconds=6.0, start_lr=0.2,
      grid_fractions=(0.0, 0.05)),
    W("flower_press_drying_adagrad@long", flower_press_drying, 3000, "flower_press_layer_moisture_drying_cnn1d",
      "adagrad", "finite", 32, seconds=6.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("seed_tray_germination_adagrad@long", seed_tray_germination, 3000,
      "seed_tray_hydrothermal_time_germination_greybox", "adagrad", "finite", 32, dict(train_size=8192),
      seconds=5.0, start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="seed_tray_germination_adagrad"),
    W("parasol_shade_adagrad@long", parasol_shade, 3000, "parasol_canopy_uv_shade_share_resmlp_ln", "adagrad",
      "finite", 32, dict(acc0=0.0), seconds=5.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam156_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-sixth exam's workloads")
