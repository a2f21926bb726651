"""The hundred-and-forty-eighth exam: six more workload families that neither the suite nor exams 1-146 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam146_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from rain gauges and catch, pizza wheels and cutting, cheese wires and slicing,
apple corers and core removal, tap aerators and flow, and draught excluders and air leakage (exam 147 was built at
the same time from other domains; its module was not opened). What was checked to make them new, and what was
tried and dropped, is in ``benchmarks/results/exam148/README.md``. Models, laws and optimiser settings are written
from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- tipping-bucket rain gauge correction: a small Pre-LN transformer over a storm's 12 two-minute logger intervals
  (the bucket's tips, the wind at gauge height, the shield) to the true rain rate in each (a reference pit gauge's);
  the gauge catches less in wind (a catch efficiency falling with wind speed, less for heavy rain's large drops,
  better with an Alter shield), loses the water that falls while the bucket tips (more at high rates), and
  quantises the catch into 0.1 mm tips; MSE of the rate (in 20 mm/h); Adam (torch's defaults)
- pizza-wheel cut-through: an embedding net (the pizza style, the wheel and the surface under the pizza as learned
  embeddings, with the wheel's diameter, the push, the rest time out of the oven, the cheese load and the dough
  weight) to the fraction of a cut's length that is cut clean through after one, two and three passes; a wheel's
  depth of cut from its push against the crust's cutting strength (the edge's bluntness, the wheel's radius), the
  crust's thickness varying along the cut (lognormal, by style), hot cheese re-welding the cut; MSE; Adagrad
  (torch's defaults)
- cheese-wire cutting: a grey-box net in the wire-cutting test's law (Kamyab, Chakrabarti and Williams, from
  memory): the force per unit width F / b = (G_c + (1 + mu) sigma_y d) (v / v_0)^n at four wire diameters and two
  speeds; an MLP maps the cheese (eight kinds, one-hot), its maturity, temperature and moisture to log G_c, log
  sigma_y, mu and n; MSE of the log forces; Adagrad (torch's defaults)
- apple-corer residual core: a 2-D CNN (BatchNorm) from two 12 x 12 top-view density projections of an apple's
  core (the upper and lower halves: a lobed five-carpel core off-centre and tilted against the stem axis) to the
  fraction of the core left in the apple by 12, 16 and 20 mm corers pushed along the stem axis; MSE of the
  fractions (times 5); SGD with Nesterov momentum 0.9 and weight decay 5e-4 (a small-CNN recipe)
- tap aerator flow (a long plan only): a residual MLP with LayerNorm from the aerator (standard, pressure
  compensating, eco restrictor, laminar, spray), its screen's mesh and limescale, the supply pipe and the water's
  temperature to the log flow at six supply pressures and the air ratio; the flow solved by bisection through the
  supply pipe, the tap valve, the restrictor orifice (the compensating O-ring closing with pressure) and the
  screens (a viscous and an inertial term, open area lost to scale); Adagrad (torch's defaults)
- draught-excluder air leakage (a long plan only): a 1-D CNN along the gap under a door (16 segments of 5 cm: the
  gap's height, the excluder type, its wear, carpet or hard floor) to the log leakage at 2, 5, 10, 25 and 50 Pa;
  each segment a slot with a laminar (Poiseuille, 12 mu L / (w h^3)) and an orifice (rho / (2 Cd^2 w^2 h^2)) term,
  the excluder narrowing the effective gap (a brush, a foam snake, a rubber sweep, a twin guard); Adagrad with
  initial_accumulator_value 0.1 (Keras' default, as a user porting a Keras recipe sets it; torch's defaults
  otherwise)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``), all Adagrad: the tap
aerator and draught-excluder nets (no short plans), the pizza-wheel net on 8192 cuts instead of 2048 (batch 32
instead of 128) and the cheese-wire grey box on 8192 tests instead of 1024 (batch 32 instead of 64).

Of the eight plans, six use Adagrad (both pizza-wheel plans, both cheese-wire plans, the tap aerator and the
draught excluder), one Adam (rain gauge) and one SGD with Nesterov momentum (apple corer). Architectures: a Pre-LN
transformer, an embedding net, a grey box, a 2-D CNN with BatchNorm, a residual MLP with LayerNorm, a 1-D CNN.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam148_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam148/README.md).

    python benchmarks/exam148_workloads.py          # the table
    python benchmarks/exam148_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 148"


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
# 1. tipping-bucket rain gauge correction (Adam)

RG_MINUTES = 24
RG_STEPS = 12  # the logger's 2-minute intervals
RG_TIP_MM = 0.1


def _rg_storms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Storms of 24 minutes at a gauge site. The true rate (a reference pit gauge's, mm/h): 1-3 Gaussian rain cells
    (peak 3-150 mm/h, log-uniform; 2-8 min wide) over a 0-2 mm/h drizzle. The wind at gauge height: a mean of 0-10
    m/s with gusts (a smoothed random walk, +-30%). The gauge (unshielded or with an Alter shield) catches the rate
    times a catch efficiency exp(-a U^1.2 / (1 + sqrt(I / 5))) (a 0.08 unshielded, 0.045 shielded: wind undercatch,
    smaller for heavy rain's larger drops); the funnel's wetting keeps the first 0.1 mm of each storm; the water
    arriving while the bucket tips is lost (a share 0.0008 I of the catch, capped at 25%); the bucket starts part
    full and tips every 0.1 mm; the logger counts tips in 2-minute intervals. The reference has 3% scatter.
    Returns (per interval: tips x 3 / 30 (the rate the tips imply, mm/h, scaled), mean wind / 5, shield +-1 (n,
    12, 3); the true mean rate / 20 mm/h (n, 12))."""
    t = torch.arange(RG_MINUTES).float().view(1, -1)
    rate = 2 * torch.rand(n, 1, generator=gen) * torch.ones(1, RG_MINUTES)
    cells = torch.randint(1, 4, (n,), generator=gen)
    for c in range(3):
        on = (cells > c).float().view(-1, 1)
        peak = 3 * 50 ** torch.rand(n, 1, generator=gen)
        mid = -4 + 32 * torch.rand(n, 1, generator=gen)
        width = 2 + 6 * torch.rand(n, 1, generator=gen)
        rate = rate + on * peak * torch.exp(-0.5 * ((t - mid) / width) ** 2)
    wind_mean = 10 * torch.rand(n, 1, generator=gen)
    walk = torch.cumsum(0.25 * torch.randn(n, RG_MINUTES, generator=gen), 1)
    walk = walk - walk.mean(1, keepdim=True)
    wind = (wind_mean * (1 + 0.3 * torch.tanh(walk))).clamp_min(0)
    shield = (torch.rand(n, 1, generator=gen) < 0.5).float()
    a = 0.08 - 0.035 * shield
    ce = torch.exp(-a * wind**1.2 / (1 + torch.sqrt(rate / 5)))
    caught = rate * ce * (1 - (0.0008 * rate * ce).clamp(max=0.25)) / 60  # mm in each minute
    wet = torch.full((n,), 0.1)
    bucket = RG_TIP_MM * torch.rand(n, generator=gen)
    tips = []
    for m in range(RG_MINUTES):
        water = caught[:, m]
        kept = torch.minimum(wet, water)
        wet = wet - kept
        bucket = bucket + water - kept
        k = torch.floor(bucket / RG_TIP_MM)
        bucket = bucket - k * RG_TIP_MM
        tips.append(k)
    tips = torch.stack(tips, 1).view(n, RG_STEPS, 2).sum(2)  # the logger's 2-minute counts
    wind2 = wind.view(n, RG_STEPS, 2).mean(2)
    x = torch.stack([tips * 3 / 30, wind2 / 5, (2 * shield - 1).expand(-1, RG_STEPS)], 2)
    ref = rate.view(n, RG_STEPS, 2).mean(2) * torch.exp(0.03 * torch.randn(n, RG_STEPS, generator=gen))
    return x, ref / 20


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attn(LN(x)), then x + FF(LN(x))."""

    def __init__(self, dim: int, heads: int, ff: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(dim, ff), nn.GELU(), nn.Linear(ff, dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.ff(self.ln2(x))


class GaugeTransformer(nn.Module):
    """A small Pre-LN transformer over the storm's 2-minute intervals (learned positions, full attention: the record
    is corrected after the storm), a per-interval head to the true rate."""

    def __init__(self, dim: int = 16, heads: int = 2, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(3, dim)
        self.pos = nn.Parameter(0.02 * torch.randn(RG_STEPS, dim))
        self.blocks = nn.ModuleList([PreLNBlock(dim, heads, 2 * dim) for _ in range(layers)])
        self.ln = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x) + self.pos
        for b in self.blocks:
            h = b(h)
        return self.head(self.ln(h)).squeeze(-1)


def gauge_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the rate (in units of 20 mm/h), every interval of every storm."""
    return _mse(model, batch)


def rain_gauge(batch_size: int = 32, seed: int = 0, train_size: int = 2048, layers: int = 1) -> dict[str, Any]:
    """The gauge transformer on 2048 storms; held out: 1024 other storms in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(148101)
    x, y = _rg_storms(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GaugeTransformer(layers=layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": gauge_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. pizza-wheel cut-through (Adagrad)

PZ_STYLES, PZ_WHEELS, PZ_SURFACES = 6, 4, 5


def _pz_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Cuts across a pizza with a wheel. Styles: Neapolitan, New York, Roman thin, Detroit pan, tavern cracker,
    Sicilian (crust 6, 5, 3, 14, 3, 12 mm; variation along a cut CV 0.35, 0.2, 0.12, 0.15, 0.08, 0.18 (the
    Neapolitan rim's bubbles); cutting strength 0.8, 1.0, 1.6, 0.55, 1.8, 0.45: the pan crusts are airy). Wheels:
    sharp steel, used steel, plastic, serrated steel (edge width w 0.1, 0.3, 0.5, 0.2 mm; the serrated one bites the
    crisp crusts (Roman, tavern, the Detroit's fried edge) 1.3x). Surfaces: wood board, metal tray, stone,
    perforated screen, cardboard box (a backing factor b 1.0, 1.08, 1.1, 0.9, 0.75: a soft base lets the wheel sink
    before the bottom is cut). Continuous: wheel diameter D 60-110 mm, push F 15-80 N (log-uniform), rest out of the
    oven 0-10 min (the crust firms: sigma x (1 + 0.6 (1 - exp(-rest / 3)))), cheese load 0-1 (sigma x (1 + 0.3
    cheese)), dough weight x0.7-1.3 (the crust's thickness t). One pass cuts to a depth log d = 1.2 log(F / 40) -
    log(sigma) - 0.5 log((w + 0.05) / 0.25 mm) - 0.5 log(D / 80 mm) + log 9 mm (+ the serrated bite); passes add 1,
    0.55, 0.35 of it (D_k); hot cheese re-welds (0.3 cheese exp(-rest / 3) in log depth). The cut-through share of
    the cut's length after k passes is Phi((log(b D_k) - log t - reweld) / sqrt(CV^2 + 0.2^2)); counted in
    centimetres, 0.02 scatter. Returns (categories (n, 3), continuous (n, 5), shares after 1, 2, 3 passes (n,
    3))."""
    style = torch.randint(0, PZ_STYLES, (n,), generator=gen)
    wheel = torch.randint(0, PZ_WHEELS, (n,), generator=gen)
    surf = torch.randint(0, PZ_SURFACES, (n,), generator=gen)
    dia = 60 + 50 * torch.rand(n, generator=gen)
    push = 15 * (80 / 15) ** torch.rand(n, generator=gen)
    rest = 10 * torch.rand(n, generator=gen)
    cheese = torch.rand(n, generator=gen)
    dough = 0.7 + 0.6 * torch.rand(n, generator=gen)
    thick = torch.tensor([6.0, 5.0, 3.0, 14.0, 3.0, 12.0])[style] * dough
    cv = torch.tensor([0.35, 0.2, 0.12, 0.15, 0.08, 0.18])[style]
    sigma = torch.tensor([0.8, 1.0, 1.6, 0.55, 1.8, 0.45])[style]
    crisp = (sigma > 1.2).float() + (style == 3).float()  # cracker crusts and the Detroit's fried edge
    edge = torch.tensor([0.1, 0.3, 0.5, 0.2])[wheel]
    bite = 1 + 0.3 * (wheel == 3).float() * crisp
    back = torch.tensor([1.0, 1.08, 1.1, 0.9, 0.75])[surf]
    sig = sigma * (1 + 0.6 * (1 - torch.exp(-rest / 3))) * (1 + 0.3 * cheese)
    logd = (1.2 * torch.log(push / 40) - torch.log(sig) - 0.5 * torch.log((edge + 0.05) / 0.25)
            - 0.5 * torch.log(dia / 80) + math.log(9.0) + torch.log(bite))
    reweld = 0.3 * cheese * torch.exp(-rest / 3)
    spread = torch.sqrt(cv**2 + 0.04)
    out = []
    for total in (1.0, 1.55, 1.9):
        z = (logd + math.log(total) + torch.log(back) - torch.log(thick) - reweld) / spread
        out.append(0.5 * (1 + torch.erf(z / math.sqrt(2))))
    y = torch.stack(out, 1) + 0.02 * torch.randn(n, 3, generator=gen)
    cats = torch.stack([style, wheel, surf], 1)
    cont = torch.stack([(dia - 85) / 14.4, torch.log(push / 35) / 0.48, (rest - 5) / 2.9, (cheese - 0.5) / 0.29,
                        (dough - 1) / 0.17], 1)
    return cats, cont, y


class CutNet(nn.Module):
    """An embedding net: learned embeddings of the style, wheel and surface, concatenated with the continuous
    inputs, then a ReLU MLP and a sigmoid to the three cut-through shares."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.style = nn.Embedding(PZ_STYLES, 4)
        self.wheel = nn.Embedding(PZ_WHEELS, 3)
        self.surf = nn.Embedding(PZ_SURFACES, 3)
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.style(cats[:, 0]), self.wheel(cats[:, 1]), self.surf(cats[:, 2]), cont], 1)
        return torch.sigmoid(self.net(h))


def cut_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the cut-through shares (times 10)."""
    cats, cont, y = batch
    return 10 * F.mse_loss(model(cats, cont), y)


def pizza_wheel(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The cut net on 2048 cuts; held out: 2048 other cuts in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(148102)
    cats, cont, y = _pz_cuts(train_size + 2048, gen)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CutNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": cut_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cheese-wire cutting, a grey box in the wire-cutting law (Adagrad)

CW_KINDS = 8
CW_DIAMETERS = (0.15, 0.3, 0.5, 1.0)  # mm
CW_SPEEDS = (5.0, 100.0)  # mm/min


def _cw_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wire-cutting tests of cheese blocks: mild cheddar, mature cheddar, gouda, mozzarella, parmesan, brie,
    stilton, emmental (G_c 8, 5, 10, 25, 3, 6, 3, 12 J/m2; sigma_y 60, 80, 70, 40, 200, 15, 30, 60 kPa; wire
    friction mu 0.3, 0.25, 0.35, 0.5, 0.2, 0.6, 0.4, 0.3; rate exponent n 0.12, 0.10, 0.12, 0.20, 0.06, 0.18, 0.10,
    0.14); maturity 0-1 (firmer, less tough: sigma_y x (1 + 0.6 m), G_c x (1 - 0.4 m)); temperature 4-25 C (sigma_y
    x exp(-0.02 (T - 12) - 0.5 melt), G_c x exp(-0.02 (T - 12)), mu + 0.25 melt, melt = sigmoid((T - 18) / 2.5)
    the milk fat's melting); moisture -1..1 (sigma_y x exp(-0.35 w), G_c x exp(0.2 w)). The steady force per unit
    width F / b = (G_c + (1 + mu) sigma_y d) (v / 20 mm/min)^n at each wire diameter d and speed v (N/m); 3%
    lognormal scatter. Returns (features (n, 11), log forces (n, 8): the diameters at the slow speed, then at the
    fast one)."""
    kind = torch.randint(0, CW_KINDS, (n,), generator=gen)
    mat = torch.rand(n, generator=gen)
    temp = 4 + 21 * torch.rand(n, generator=gen)
    wet = 2 * torch.rand(n, generator=gen) - 1
    gc = torch.tensor([8.0, 5.0, 10.0, 25.0, 3.0, 6.0, 3.0, 12.0])[kind]
    sy = torch.tensor([60.0, 80.0, 70.0, 40.0, 200.0, 15.0, 30.0, 60.0])[kind]
    mu = torch.tensor([0.3, 0.25, 0.35, 0.5, 0.2, 0.6, 0.4, 0.3])[kind]
    ex = torch.tensor([0.12, 0.10, 0.12, 0.20, 0.06, 0.18, 0.10, 0.14])[kind]
    melt = torch.sigmoid((temp - 18) / 2.5)  # the milk fat's melting range
    sy = sy * (1 + 0.6 * mat) * torch.exp(-0.02 * (temp - 12) - 0.5 * melt - 0.35 * wet)
    gc = gc * (1 - 0.4 * mat) * torch.exp(-0.02 * (temp - 12) + 0.2 * wet)
    mu = mu + 0.25 * melt
    d = torch.tensor(CW_DIAMETERS).view(1, -1)
    forces = []
    for v in CW_SPEEDS:
        r = (v / 20) ** ex.view(-1, 1)
        forces.append((gc.view(-1, 1) + (1 + mu.view(-1, 1)) * sy.view(-1, 1) * d) * r)
    y = torch.cat(forces, 1) * torch.exp(0.03 * torch.randn(n, 2 * len(CW_DIAMETERS), generator=gen))
    x = torch.cat([F.one_hot(kind, CW_KINDS).float(),
                   torch.stack([(mat - 0.5) / 0.29, (temp - 14.5) / 6.1, wet / 0.58], 1)], 1)
    return x, torch.log(y)


class WireCutGreyBox(nn.Module):
    """A grey box: a tanh MLP from the cheese to log G_c, log sigma_y, mu (softplus) and n (sigmoid x 0.5), and the
    wire-cutting law F / b = (G_c + (1 + mu) sigma_y d) (v / 20)^n for the log forces at the test's diameters and
    speeds."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        with torch.no_grad():  # start near a typical cheese: G_c 8 J/m2, sigma_y 60 kPa, mu 0.35, n 0.12
            self.net[-1].bias.copy_(torch.tensor([math.log(8.0), math.log(60.0), -0.9, -1.4]))
        self.register_buffer("d", torch.tensor(CW_DIAMETERS).view(1, 1, -1))
        self.register_buffer("logv", torch.log(torch.tensor(CW_SPEEDS) / 20).view(1, -1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        gc, sy = p[:, 0].exp().view(-1, 1, 1), p[:, 1].exp().view(-1, 1, 1)
        mu, ex = F.softplus(p[:, 2]).view(-1, 1, 1), 0.5 * torch.sigmoid(p[:, 3]).view(-1, 1, 1)
        f = torch.log(gc + (1 + mu) * sy * self.d) + ex * self.logv
        return f.flatten(1)


def wire_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log forces per unit width."""
    return _mse(model, batch)


def cheese_wire(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The wire-cutting grey box on 1024 tests; held out: 2048 other tests in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(148103)
    x, y = _cw_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WireCutGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": wire_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. apple-corer residual core (SGD with Nesterov momentum)

AC_CORERS = (12.0, 16.0, 20.0)  # mm
AC_FINE = 24  # fine grid, 4/3 mm a cell over 32 mm
AC_SLICES = 4


def _ac_apples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Apples cored along the stem axis. The core (the five carpels and seeds): a lobed disc of radius Rc (0.9 + 0.1 cos
    5 (phi - phi_0)), Rc 8-14 mm, an ellipsoid in height (half height 10-18 mm: radius Rc sqrt(1 - (z / H)^2)),
    its centre off the stem axis by c_0 (normal, 3 mm a side) and tilted (its centre at c_0 + t z, t normal 0.15
    a side). The residual core after a straight corer of 12, 16 or 20 mm: the share of the core's volume outside
    the corer's circle, from four slices on a 4/3 mm grid; 0.004 scatter (the core left, weighed). The image: two
    12 x 12 top-view projections (2.7 mm pixels) of the core's density in the upper and lower two slices, with 0.03
    noise (an X-ray grader's view). Returns (images (n, 2, 12, 12), residual shares (n, 3))."""
    rc = 8 + 6 * torch.rand(n, generator=gen)
    hh = 10 + 8 * torch.rand(n, generator=gen)
    phi0 = 2 * math.pi * torch.rand(n, generator=gen)
    c0 = 3.0 * torch.randn(n, 2, generator=gen)
    tilt = 0.15 * torch.randn(n, 2, generator=gen)
    g = (torch.arange(AC_FINE).float() - AC_FINE / 2 + 0.5) * 32 / AC_FINE
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    rad = torch.sqrt(xx**2 + yy**2)
    inside_all, proj = [], []
    for s in range(AC_SLICES):
        zf = -1 + (2 * s + 1) / AC_SLICES  # fraction of the half height
        z = (zf * hh).view(-1, 1, 1)
        cx = c0[:, 0].view(-1, 1, 1) + tilt[:, 0].view(-1, 1, 1) * z
        cy = c0[:, 1].view(-1, 1, 1) + tilt[:, 1].view(-1, 1, 1) * z
        dx, dy = xx - cx, yy - cy
        r = torch.sqrt(dx**2 + dy**2)
        ang = torch.atan2(dy, dx)
        star = rc.view(-1, 1, 1) * math.sqrt(1 - zf**2) * (0.9 + 0.1 * torch.cos(5 * (ang - phi0.view(-1, 1, 1))))
        inside = (r < star).float()
        inside_all.append(inside)
    core = torch.stack(inside_all, 1)  # (n, slices, 32, 32)
    vol = core.sum((1, 2, 3)).clamp_min(1)
    out = [(core * (rad > d / 2).float()).sum((1, 2, 3)) / vol for d in AC_CORERS]
    y = torch.stack(out, 1) + 0.004 * torch.randn(n, 3, generator=gen)
    top = core[:, AC_SLICES // 2:].mean(1, keepdim=True)
    bot = core[:, : AC_SLICES // 2].mean(1, keepdim=True)
    img = F.avg_pool2d(torch.cat([top, bot], 1), 2)
    img = img + 0.03 * torch.randn(img.shape, generator=gen)
    return img, y


class CorerCNN(nn.Module):
    """A small 2-D CNN: two 3x3 convolutions (8, 16 channels) each with BatchNorm, ReLU and 2x2 max pooling, a
    dense layer of 32, three outputs."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(2, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(width, 2 * width, 3, padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 9, 32), nn.ReLU(), nn.Linear(32, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def corer_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the residual-core shares (times 5)."""
    return _mse(model, batch)


def apple_corer(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The corer CNN on 2048 apples (the shares times 5 as targets); held out: 1024 other apples in one batch; SGD
    with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(148104)
    x, y = _ac_apples(train_size + 1024, gen)
    y = 5 * y
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CorerCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": corer_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. tap aerator flow (Adagrad; long only)

TA_KINDS = 5
TA_PRESSURES = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0)  # bar at the supply


def _ta_taps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Kitchen taps with an aerator: standard aerated, pressure-compensating aerated, eco restrictor (aerated),
    laminar, spray (restrictor area 9, 9, 5, 12, 7 mm2, Cd 0.62; the compensating O-ring's area falls as A_0 /
    sqrt(1 + dP / 1.2 bar), a flow plateau); the screen's mesh 30-80 (open share 0.6 - 0.003 (mesh - 30)) and its
    limescale 0-0.8 (open share x (1 - scale)^1.5); the supply pipe 2-20 m of 15 mm or microbore 10 mm (Darcy f
    0.03 (mu / mu_20)^0.25); the tap valve (2.6e12 Pa s2/m6); water at 10-60 C (mu = 1.79 exp(-0.022 T) mPa s).
    The screen's loss: (rho / 2) v^2 (1.2 + 0.003 mesh) + 6000 (mu / 1 mPa s) v (mesh / 50) Pa at the screen's
    open-area velocity v. At each supply pressure the restrictor's pressure drop is found by bisection so that the
    losses add up. The air ratio at 3 bar (aerated kinds only) rises with the restrictor's jet velocity, less with
    scale. 1% scatter on the flows, 0.01 on the air ratio. Returns (features (n, 10), log flows (L/min) at 1-5
    bar and the air ratio (n, 7))."""
    kind = torch.randint(0, TA_KINDS, (n,), generator=gen)
    mesh = 30 + 50 * torch.rand(n, generator=gen)
    scale = 0.8 * torch.rand(n, generator=gen) ** 1.5
    length = 2 + 18 * torch.rand(n, generator=gen)
    micro = (torch.rand(n, generator=gen) < 0.3).float()
    temp = 10 + 50 * torch.rand(n, generator=gen)
    a0 = torch.tensor([9.0, 9.0, 5.0, 12.0, 7.0])[kind] * 1e-6
    pc = (kind == 1).float()
    aerated = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0])[kind]
    rho, cd = 1000.0, 0.62
    mu = 1.79e-3 * torch.exp(-0.022 * temp)
    bore = 0.015 - 0.005 * micro
    kp = 0.03 * (mu / 1.0e-3) ** 0.25 * length / bore * rho / (2 * (math.pi * bore**2 / 4) ** 2)
    kv = 2.6e12
    open_ = (0.6 - 0.003 * (mesh - 30)) * (1 - scale) ** 1.5
    a_s = 2e-4

    def flow(dpr: torch.Tensor) -> torch.Tensor:
        area = a0 / torch.sqrt(1 + pc * dpr / 1.2e5)
        return cd * area * torch.sqrt(2 * dpr / rho)

    def losses(dpr: torch.Tensor) -> torch.Tensor:
        q = flow(dpr)
        v = q / (a_s * open_)
        screen = rho / 2 * v**2 * (1.2 + 0.003 * mesh) + 6000 * (mu / 1e-3) * v * (mesh / 50)
        return dpr + (kp + kv) * q**2 + screen

    logs = []
    air = None
    for p_bar in TA_PRESSURES:
        p = p_bar * 1e5
        lo, hi = torch.zeros(n), torch.full((n,), p)
        for _ in range(40):
            mid = 0.5 * (lo + hi)
            under = losses(mid) < p
            lo, hi = torch.where(under, mid, lo), torch.where(under, hi, mid)
        dpr = 0.5 * (lo + hi)
        q = flow(dpr)
        logs.append(torch.log(q * 6e4))
        if p_bar == 3.0:
            jet = q / (cd * a0 / torch.sqrt(1 + pc * dpr / 1.2e5))
            air = aerated * 0.9 * (1 - torch.exp(-torch.relu(jet - 4) / 6)) * (1 - 0.6 * scale)
    y = torch.stack(logs, 1) + 0.01 * torch.randn(n, len(TA_PRESSURES), generator=gen)
    air = air + 0.01 * torch.randn(n, generator=gen)
    x = torch.cat([F.one_hot(kind, TA_KINDS).float(),
                   torch.stack([(mesh - 55) / 14.4, (scale - 0.32) / 0.25, (length - 11) / 5.2, 2 * micro - 1,
                                (temp - 35) / 14.4], 1)], 1)
    return x, torch.cat([y, air.view(-1, 1)], 1)


class ResBlockLN(nn.Module):
    """x + W2 GELU(W1 LN(x))."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.ln = nn.LayerNorm(dim)
        self.fc1, self.fc2 = nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.ln(x))))


class AeratorResNet(nn.Module):
    """A residual MLP with LayerNorm: a stem, two pre-norm residual blocks, a final LayerNorm and a head to the six
    log flows and the air ratio."""

    def __init__(self, hidden: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(10, hidden)
        self.blocks = nn.Sequential(*[ResBlockLN(hidden) for _ in range(blocks)])
        self.ln = nn.LayerNorm(hidden)
        self.head = nn.Linear(hidden, len(TA_PRESSURES) + 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.ln(self.blocks(self.stem(x))))


def aerator_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log flows and air ratio."""
    return _mse(model, batch)


def tap_aerator(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The aerator net on 8192 taps, targets standardised over them; held out: 2048 other taps in batches of 1024;
    Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(148105)
    x, y = _ta_taps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AeratorResNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": aerator_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. draught-excluder air leakage under a door (Adagrad; long only)

DE_SEGMENTS = 16
DE_KINDS = 5  # none, brush strip, foam snake, rubber sweep, twin guard
DE_PRESSURES = (2.0, 5.0, 10.0, 25.0, 50.0)  # Pa


def _de_doors(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Doors with a gap over the floor, 80 cm wide in 16 segments of 5 cm: the gap h = h_0 (3-20 mm) + a slope
    (+-4 mm across, the door's sag or the floor's fall) + a bump (+-3 mm, 10 cm wide, a threshold strip or a warped
    board) + 0.3 mm per segment, at least 0.5 mm. The excluder narrows each segment's effective gap: none; a brush
    strip (15 mm bristles: h_eff = h (0.12 + 0.3 wear) under 15 mm, the rest open above); a foam snake on the floor
    (0.6 mm + 0.5 mm on carpet + 0.02 h); a rubber sweep (12 mm blade: 0.3 mm + 1 mm on carpet + 2 mm x wear, the
    rest open above 12 mm); a twin guard (0.4 mm + 0.3 mm on carpet + 0.1 h wear). Carpet: the floor's pile leaks
    (h_eff + 0.4 mm under no excluder or a brush). Each segment is a slot through the door's 40 mm thickness:
    dP = 12 mu L q / (w h^3) + rho q^2 / (2 Cd^2 w^2 h^2) (Cd 0.6), solved for q; the door's leakage is the sum.
    3% scatter (log). Returns (channels (n, 8, 16): the gap (mm / 10 - 1), the excluder one-hot, its wear and the
    carpet flag as constant channels; log leakage (m3/h) at 2, 5, 10, 25 and 50 Pa, standardised later (n, 5))."""
    xs = (torch.arange(DE_SEGMENTS).float() + 0.5) / DE_SEGMENTS
    h0 = 3 + 17 * torch.rand(n, 1, generator=gen)
    slope = 8 * torch.rand(n, 1, generator=gen) - 4
    bump = 6 * torch.rand(n, 1, generator=gen) - 3
    where = torch.rand(n, 1, generator=gen)
    h = h0 + slope * (xs - 0.5) + bump * torch.exp(-(((xs - where) / 0.125) ** 2))
    h = (h + 0.3 * torch.randn(n, DE_SEGMENTS, generator=gen)).clamp_min(0.5)
    kind = torch.randint(0, DE_KINDS, (n,), generator=gen)
    wear = torch.rand(n, 1, generator=gen)
    carpet = (torch.rand(n, 1, generator=gen) < 0.4).float()
    k = kind.view(-1, 1)
    eff = h + 0.4 * carpet
    brush = torch.where(h < 15, h * (0.12 + 0.3 * wear), h - 15 + 15 * (0.12 + 0.3 * wear)) + 0.4 * carpet
    snake = 0.6 + 0.5 * carpet + 0.02 * h
    sweep_seal = 0.3 + 1.0 * carpet + 2.0 * wear
    sweep = torch.where(h < 12, sweep_seal, h - 12 + sweep_seal)
    twin = 0.4 + 0.3 * carpet + 0.1 * h * wear
    eff = torch.where(k == 1, brush, eff)
    eff = torch.where(k == 2, snake, eff)
    eff = torch.where(k == 3, sweep, eff)
    eff = torch.where(k == 4, twin, eff)
    hm = eff * 1e-3
    mu, rho, cd, depth, w = 1.8e-5, 1.2, 0.6, 0.04, 0.05
    a = 12 * mu * depth / (w * hm**3)
    b = rho / (2 * cd**2 * w**2 * hm**2)
    logs = []
    for dp in DE_PRESSURES:
        q = (-a + torch.sqrt(a**2 + 4 * b * dp)) / (2 * b)
        logs.append(torch.log(q.sum(1) * 3600))
    y = torch.stack(logs, 1) + 0.03 * torch.randn(n, len(DE_PRESSURES), generator=gen)
    const = torch.cat([F.one_hot(kind, DE_KINDS).float(), 2 * wear - 1, 2 * carpet - 1], 1)
    x = torch.cat([(h / 10 - 1).unsqueeze(1), const.unsqueeze(2).expand(-1, -1, DE_SEGMENTS)], 1)
    return x, y


class GapCNN(nn.Module):
    """A 1-D CNN along the door's gap: two 3-wide convolutions (16 channels, GELU), mean pooled along the door, a
    dense layer of 32 and a head to the five log leakages."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(8, channels, 3, padding=1), nn.GELU(),
                                  nn.Conv1d(channels, channels, 3, padding=1), nn.GELU())
        self.head = nn.Sequential(nn.Linear(channels, 32), nn.GELU(), nn.Linear(32, len(DE_PRESSURES)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).mean(2))


def leak_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log leakages."""
    return _mse(model, batch)


def draught_excluder(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                     channels: int = 16) -> dict[str, Any]:
    """The gap CNN on 8192 doors, targets standardised over them; held out: 2048 other doors in batches of 1024;
    Adagrad with initial_accumulator_value 0.1."""
    gen = torch.Generator().manual_seed(148106)
    x, y = _de_doors(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GapCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_iav0.1"),
            "loss_fn": leak_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("rain_gauge_tipping_preln_adam", rain_gauge, 300, "rain_gauge_tipping_bucket_wind_undercatch_preln_transformer",
      "adam", "finite", 32, seconds=1.0, start_lr=0.064),
    W("pizza_wheel_cut_through_adagrad", pizza_wheel, 300, "pizza_wheel_cut_through_share_embedding_net", "adagrad",
      "finite", 128, seconds=0.5, start_lr=0.512),
    W("cheese_wire_greybox_adagrad", cheese_wire, 300, "cheese_wire_cutting_toughness_greybox", "adagrad",
      "finite", 64, seconds=0.5, start_lr=0.064),
    W("apple_corer_cnn_nesterov", apple_corer, 300, "apple_corer_residual_core_xray_cnn2d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=1.2, start_lr=0.025),
)
LONG = (
    W("tap_aerator_flow_adagrad@long", tap_aerator, 3000, "tap_aerator_scale_flow_curve_resmlp_ln", "adagrad",
      "finite", 64, seconds=4.0, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("draught_excluder_leak_adagrad@long", draught_excluder, 3000, "draught_excluder_door_gap_leakage_cnn1d",
      "adagrad_iav0.1", "finite", 32, seconds=4.0, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("pizza_wheel_cut_through_adagrad@long", pizza_wheel, 3000, "pizza_wheel_cut_through_share_embedding_net",
      "adagrad", "finite", 32, dict(train_size=8192), seconds=3.0, start_lr=0.512, grid_fractions=(0.0, 0.05),
      long_of="pizza_wheel_cut_through_adagrad"),
    W("cheese_wire_greybox_adagrad@long", cheese_wire, 3000, "cheese_wire_cutting_toughness_greybox", "adagrad",
      "finite", 32, dict(train_size=8192), seconds=3.0, start_lr=0.256, grid_fractions=(0.0, 0.05),
      long_of="cheese_wire_greybox_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam148_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-eighth exam's workloads")
