"""The hundred-and-tenth exam: six more workload families that neither the suite nor exams 1-108 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam108_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from socks and fabric pilling, blenders and particle size reduction, door
latches and spring force, sleeping bags and thermal insulation, champagne and cork pressure, and custard and
egg-protein setting (exam 109 was built at the same time from other domains; its module was not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam110/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is
as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- sock pilling in a Martindale pilling test (the ISO 12945-2 kind): an MLP whose first layer pools a learned
  embedding of the fibres by the blend's fractions (cotton, wool, acrylic, polyester, nylon), joined with the
  fibre fineness, staple length, yarn twist, stitch length, an anti-pill finish and the test pressure, to the
  log pill density after 125, 500, 1000, 2000, 5000 and 7000 rubs; the data from Gintis and Mead's fuzz / pill
  kinetics (fuzz raised and rubbed off, fuzz entangled into pills, pills worn off at a rate set by the fibre's
  strength: strong polyester and nylon pills stay); 1% test scatter; MSE; RAdam (torch's defaults)
- blender particle size reduction: a 1-d CNN over the 16 sieve classes of the feed's size distribution (the
  conditions broadcast as channels: the food, the blade, the speed, the time and the fill; three convolutions and a
  linear read-out over the flattened map) to the product's size distribution (a softmax over the classes); the
  data from a batch population balance (a selection function S(x) = k (x / x0)^a rising with the blade's tip
  speed, falling with the fill and below the blade's gap; Austin's two-term breakage distribution); 4% sieving
  scatter; KL divergence of the measured from the predicted distribution; NAdam (torch's defaults)
- door latch closing force: a grey-box net: an MLP from the latch (spring preload and rate, bolt ramp angle and
  throw, bolt and strike materials, lubrication, wear) and the door's weatherstrip to the effective preload, rate
  and friction coefficient, put through the wedge law of a spring bolt pushed in by the strike's lip (F = (F0 + k
  x) (tan t + mu) / (1 - mu tan t)) plus a seal term, with a small learned residual, to the log force at the door's
  edge at 10 points of the bolt's travel; the data from the wedge law with a progressive spring, a second friction
  in the bolt's housing, stick-slip wear and a compressing seal; 1% scatter; MSE; RAdam (torch's defaults)
- champagne bottle pressure during the prise de mousse: a GRU over 12 months in the cellar (the month's cellar
  temperature each step, the tirage, the yeast, the base wine's alcohol, the headspace and the closure as
  inputs) to the pressure on the closure at each month's end; the data from Monod-like fermentation of the
  tirage sugar (Arrhenius in temperature, inhibited by alcohol and by the CO2 pressure), Henry's law for the
  dissolved CO2 (solubility falling with temperature) and the headspace gas, and a slow CO2 loss through the
  closure (crown cap with a bidule or a cork held by an agrafe); 0.5% scatter; MSE of the pressures standardised
  per month; NAdam (torch's defaults)
- sleeping bag thermal insulation (a long plan only): a one-block transformer over the bag's six zones (hood,
  shoulders, top of the torso, the underside, the legs and the footbox; each zone's fill weight, area and
  compression as a token, the bag's fill, baffles, shell and pad joined to each token) to the EN 13537-like comfort
  and limit temperatures and the log thermal resistance; the data from conduction through air in the loft plus
  radiation through the fibres (a Rosseland-like term falling with the fibre density), cold seams of sewn-through
  baffles, the compressed underside in series with the pad, zones in parallel; 0.4 C scatter; MSE of the
  standardised outputs; RAdam (torch's defaults)
- baked custard setting in a water bath (a long plan only): an MLP from the recipe (whole egg share, yolk share,
  sugar, the milk's fat), the ramekin's depth, the bath temperature and the baking time to the core temperature,
  the log gel firmness and the syneresis; the data from a lumped heating of the ramekin towards the bath (the time
  constant rising with the depth squared), first-order Arrhenius denaturation of the white's and the yolk's
  proteins (their set temperatures raised by sugar and diluted by the milk), firmness from the denatured protein's
  concentration (a power law), curdling and weeping past about 85 C; 1% scatter; MSE of the standardised outputs;
  RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the sleeping-bag and
custard nets (no short plans), the sock-pilling net on 8192 tests instead of 1024 (batch 32 instead of 64) and the
door-latch net on 8192 latches instead of 2048 (32 units a layer instead of 48; the same batch of 128).

Of the eight plans, six use RAdam (both sock plans, both door-latch plans, sleeping bag, custard) and two NAdam
(blender, champagne), as the brief fixed them.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam110_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam110/README.md).

    python benchmarks/exam110_workloads.py          # the table
    python benchmarks/exam110_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 110"


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


def _dirichlet_ones(n: int, k: int, gen: torch.Generator) -> torch.Tensor:
    """Uniform draws on the simplex (Dirichlet(1, ..., 1)) from normalised exponentials."""
    e = -torch.log(torch.rand(n, k, generator=gen).clamp_min(1e-12))
    return e / e.sum(1, keepdim=True)


# --------------------------------------------------------------------------------------------------------------
# 1. sock pilling in a Martindale pilling test (RAdam)

SK_FIBRES = 5  # cotton, wool, acrylic, polyester, nylon
SK_RUBS = (125, 500, 1000, 2000, 5000, 7000)


def _sk_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Martindale pilling tests of sock fabrics. The blend over cotton, wool, acrylic, polyester and nylon (each sock
    two or three fibres: a Dirichlet draw with the other fractions zeroed), fibre fineness 1-4 dtex, staple length
    25-60 mm, yarn twist multiplier 2.5-4.5, stitch length 2.5-4.5 mm, an anti-pill finish (singeing / enzyme) or
    not, test pressure 9 or 12 kPa. Gintis and Mead's kinetics (from memory), integrated over the rubs: fuzz F is
    raised at a rate a and rubbed off at b F, entangled into pills at c F; pills P wear off at d P, d falling
    steeply with the fibre's strength and fineness (a strong, fine polyester or nylon fibre anchors its pills).
    a rises with fine fibres, short staples, low twist, long stitches and the pressure; the finish halves it. 1%
    scatter (lognormal). Returns (features (n, 11), log1p pill density (n, 6))."""
    blend = _dirichlet_ones(n, SK_FIBRES, gen)
    keep = torch.rand(n, SK_FIBRES, generator=gen) < 0.55
    keep[torch.arange(n), torch.randint(0, SK_FIBRES, (n,), generator=gen)] = True
    blend = blend * keep
    blend = blend / blend.sum(1, keepdim=True)
    dtex = 1 + 3 * torch.rand(n, generator=gen)
    staple = 25 + 35 * torch.rand(n, generator=gen)
    twist = 2.5 + 2 * torch.rand(n, generator=gen)
    stitch = 2.5 + 2 * torch.rand(n, generator=gen)
    finish = (torch.rand(n, generator=gen) < 0.35).float()
    press = torch.where(torch.rand(n, generator=gen) < 0.5, 9.0, 12.0)
    fuzzy = blend @ torch.tensor([1.0, 1.6, 1.4, 0.9, 0.8])  # hairiness of the fibre
    strong = blend @ torch.tensor([0.3, 0.15, 0.45, 1.0, 1.1])  # tenacity, relative
    entangle = blend @ torch.tensor([0.5, 1.3, 1.0, 0.9, 0.8])
    a = 0.9 * fuzzy * dtex**-0.6 * (40 / staple) ** 0.8 * (3.5 / twist) ** 1.5 * (stitch / 3.5) * (press / 9)
    a = a * (1 - 0.5 * finish)
    b = 0.25 * (1 + 0.5 * (press / 9 - 1))
    c = 0.12 * entangle * (stitch / 3.5) ** 0.5
    d = 0.9 * torch.exp(-3.0 * strong) * (dtex / 2) ** 0.5 * (press / 9)
    fuzz = torch.zeros(n)
    pills = torch.zeros(n)
    out = []
    done = 0
    for rubs in SK_RUBS:
        steps = max(1, (rubs - done) // 25)
        dt = (rubs - done) / 1000 / steps
        for _ in range(steps):
            df = a - b * fuzz - c * fuzz
            dp = c * fuzz - d * pills
            fuzz, pills = fuzz + dt * 6 * df, pills + dt * 6 * dp
        done = rubs
        out.append(pills * 4)
    y = torch.stack(out, 1) * torch.exp(0.01 * torch.randn(n, len(SK_RUBS), generator=gen))
    x = torch.cat([blend, torch.stack([(dtex - 2.5) / 0.87, (staple - 42.5) / 10.1, (twist - 3.5) / 0.58,
                                       (stitch - 3.5) / 0.58, 2 * finish - 1, (press - 10.5) / 1.5], 1)], 1)
    return x, torch.log1p(y)


class PillingNet(nn.Module):
    """A learned embedding per fibre, pooled by the blend's fractions, joined with the yarn, knit and test settings;
    a GELU MLP to the six log pill densities."""

    def __init__(self, hidden: int = 64, emb: int = 8) -> None:
        super().__init__()
        self.fibre = nn.Parameter(torch.randn(SK_FIBRES, emb) / emb**0.5)
        self.net = nn.Sequential(nn.Linear(emb + 6, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, len(SK_RUBS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([x[:, :SK_FIBRES] @ self.fibre, x[:, SK_FIBRES:]], 1))


def pilling_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log1p pill densities."""
    return _mse(model, batch)


def sock_pilling(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The pilling net on 1024 Martindale tests; held out: 2048 other tests in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(110101)
    x, y = _sk_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PillingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": pilling_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. blender particle size reduction (NAdam)

BL_BINS = 16
BL_FOODS = 4  # ice, almonds, carrot, frozen berries
BL_BLADES = 3  # flat cross blade, winged blade, stacked blade


def _bl_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Blender runs: 16 sieve classes (upper sizes 0.03-20 mm, geometric, ratio ~1.54). The feed a lognormal mass
    distribution (median 3-15 mm, spread 0.3-0.8 in ln), the food (ice, almonds, carrot, frozen berries: breakage
    rates 1.0, 0.6, 0.8, 1.3, size exponents 1.2, 0.9, 1.0, 1.4, fines fraction phi 0.5, 0.3, 0.2, 0.35), the blade
    (tip-speed factors 1.0, 1.3, 1.6; gaps 1.0, 0.6, 0.4 mm), the speed 6,000-24,000 rpm (log), the time 5-60 s (log),
    the fill 0.2-0.9 of the jar. A batch population balance dm_i/dt = -S_i m_i + sum_{j coarser} b_ij S_j m_j,
    40 explicit steps: S(x) = k (v_tip / 20 m/s)^2 (x / 5 mm)^a / (1 + 2 fill) x / (x + gap) (particles below the gap
    escape the blade), Austin's cumulative breakage B(x, y) = phi (x / y)^0.7 + (1 - phi) (x / y)^3 (from memory).
    4% multiplicative scatter per class, renormalised. Returns (features (n, 1 + 10, 16): the feed distribution and
    the conditions broadcast, product distribution (n, 16))."""
    upper = 20.0 * 1.54 ** -torch.arange(BL_BINS - 1, -1, -1).float()  # ascending sizes
    mid = upper / 1.54**0.5
    med = 3 * 5 ** torch.rand(n, generator=gen)
    spread = 0.3 + 0.5 * torch.rand(n, generator=gen)
    z = (torch.log(mid).view(1, -1) - torch.log(med).view(-1, 1)) / spread.view(-1, 1)
    feed = torch.exp(-0.5 * z**2) + 1e-4
    feed = feed / feed.sum(1, keepdim=True)
    food = torch.randint(0, BL_FOODS, (n,), generator=gen)
    blade = torch.randint(0, BL_BLADES, (n,), generator=gen)
    rpm = 6000 * 4 ** torch.rand(n, generator=gen)
    time = 5 * 12 ** torch.rand(n, generator=gen)
    fill = 0.2 + 0.7 * torch.rand(n, generator=gen)
    k = torch.tensor([1.0, 0.6, 0.8, 1.3])[food]
    a = torch.tensor([1.2, 0.9, 1.0, 1.4])[food]
    phi = torch.tensor([0.5, 0.3, 0.2, 0.35])[food]
    tipf = torch.tensor([1.0, 1.3, 1.6])[blade]
    gap = torch.tensor([1.0, 0.6, 0.4])[blade]
    vtip = rpm / 60 * math.pi * 0.09 * tipf  # m/s, a 9 cm blade circle
    sel = (0.12 * k * (vtip / 20) ** 2 / (1 + 2 * fill)).view(-1, 1) * (mid.view(1, -1) / 5) ** a.view(-1, 1)
    sel = sel * mid.view(1, -1) / (mid.view(1, -1) + gap.view(-1, 1))
    # b[:, i, j]: the mass fraction of broken class j (coarser, j > i) landing in class i
    ratio_hi = (upper.view(-1, 1) / mid.view(1, -1)).clamp(max=1.0)  # B at the class's upper edge
    ratio_lo = (upper.view(-1, 1) / 1.54 / mid.view(1, -1)).clamp(max=1.0)
    pv = phi.view(-1, 1, 1)

    def cum(r: torch.Tensor) -> torch.Tensor:
        return pv * r.unsqueeze(0) ** 0.7 + (1 - pv) * r.unsqueeze(0) ** 3

    bmat = cum(ratio_hi) - cum(ratio_lo)
    bmat[:, 0, :] = cum(ratio_hi)[:, 0, :]  # the finest class takes everything below it
    bmat = bmat * torch.tril(torch.ones(BL_BINS, BL_BINS), -1).T.unsqueeze(0)  # only from coarser classes
    bmat = bmat / bmat.sum(1, keepdim=True).clamp_min(1e-9)
    m = feed.clone()
    steps = 40
    dt = (time / steps).view(-1, 1)
    for _ in range(steps):
        broken = sel * m
        m = m + dt * (-broken + torch.bmm(bmat, broken.unsqueeze(2)).squeeze(2))
        m = m.clamp_min(0)
        m = m / m.sum(1, keepdim=True)
    m = (m + 2e-4) * torch.exp(0.04 * torch.randn(n, BL_BINS, generator=gen))
    m = m / m.sum(1, keepdim=True)
    cond = torch.cat([F.one_hot(food, BL_FOODS).float(), F.one_hot(blade, BL_BLADES).float(),
                      torch.stack([(torch.log(rpm) - 9.4) / 0.4, (torch.log(time) - 2.85) / 0.72,
                                   (fill - 0.55) / 0.2], 1)], 1)
    x = torch.cat([(feed * BL_BINS).unsqueeze(1), cond.unsqueeze(2).expand(-1, -1, BL_BINS)], 1)
    return x, m


class SizeReductionCNN(nn.Module):
    """A 1-d CNN over the sieve classes (the feed distribution and the broadcast conditions as channels): three
    same-padded convolutions (kernel 5, GELU), then a linear layer over the flattened feature map to one logit per
    class (breakage carries mass from a class to every finer one: a global read-out)."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(11, width, 5, padding=2), nn.GELU(),
                                 nn.Conv1d(width, width, 5, padding=2), nn.GELU(),
                                 nn.Conv1d(width, width, 5, padding=2), nn.GELU(), nn.Flatten(),
                                 nn.Linear(width * BL_BINS, BL_BINS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def psd_kl(model: nn.Module, batch: Any) -> torch.Tensor:
    """The KL divergence of the measured product distribution from the predicted one (a softmax over the classes),
    per blender run."""
    x, y = batch
    return F.kl_div(F.log_softmax(model(x), 1), y, reduction="batchmean")


def blender_grinding(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32) -> dict[str, Any]:
    """The size-reduction CNN on 1024 blender runs; held out: 2048 other runs in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(110102)
    x, y = _bl_batches(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SizeReductionCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": psd_kl, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. door latch closing force, a grey-box net (RAdam)

DL_PTS = 10
DL_MATS = 4  # zinc die-cast, brass, steel, steel with a nylon insert


def _dl_latches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Closing-force curves of tubular door latches measured at the door's edge as the strike's lip pushes the bolt
    in: spring preload 4-16 N, rate 0.4-2.5 N/mm, progressive by 0-40% over the throw, bolt ramp angle 25-45
    degrees, throw 9-14 mm, the bolt's material (friction 0.28, 0.2, 0.24, 0.12 against a steel strike), grease or
    not (x0.6), wear 0-1 (rough ramp: friction +0.1 per unit, a stick-slip bump mid-travel), the weatherstrip's
    stiffness 0-6 N/mm^1.5 engaging over the last 3 mm. The wedge law (from memory): F = Fs (tan t + mu) / (1 - mu
    tan t) with Fs = F0 + k x (1 + p x / throw), plus the bolt's housing friction mu2 Fs tan t with mu2 = 0.6 mu,
    plus the seal s max(0, x - throw + 3)^1.5. 1% scatter (lognormal). Returns (features (n, 13): 9 standardised
    and the raw ramp angle (rad), throw (mm) and 2 spare zeros, log forces (n, 10) at x = throw k / 10, k =
    1..10)."""
    f0 = 4 + 12 * torch.rand(n, generator=gen)
    k = 0.4 + 2.1 * torch.rand(n, generator=gen)
    prog = 0.4 * torch.rand(n, generator=gen)
    ang = torch.deg2rad(25 + 20 * torch.rand(n, generator=gen))
    throw = 9 + 5 * torch.rand(n, generator=gen)
    mat = torch.randint(0, DL_MATS, (n,), generator=gen)
    grease = (torch.rand(n, generator=gen) < 0.4).float()
    wear = torch.rand(n, generator=gen)
    seal = 6 * torch.rand(n, generator=gen)
    mu = torch.tensor([0.28, 0.2, 0.24, 0.12])[mat] * (1 - 0.4 * grease) + 0.1 * wear
    frac = torch.arange(1, DL_PTS + 1).float().view(1, -1) / DL_PTS
    x = throw.view(-1, 1) * frac
    fs = f0.view(-1, 1) + k.view(-1, 1) * x * (1 + prog.view(-1, 1) * frac)
    t = torch.tan(ang).view(-1, 1)
    m = mu.view(-1, 1)
    wedge = fs * (t + m) / (1 - m * t) + 0.6 * m * fs * t
    bump = 1 + 0.15 * wear.view(-1, 1) * torch.exp(-((frac - 0.5) / 0.15) ** 2)
    sealf = seal.view(-1, 1) * torch.relu(x - throw.view(-1, 1) + 3) ** 1.5
    force = (wedge * bump + sealf) * torch.exp(0.01 * torch.randn(n, DL_PTS, generator=gen))
    feats = torch.cat([torch.stack([(f0 - 10) / 3.5, (k - 1.45) / 0.6, (prog - 0.2) / 0.115, 2 * grease - 1,
                                    (wear - 0.5) / 0.29, (seal - 3) / 1.73], 1),
                       F.one_hot(mat, DL_MATS).float()[:, :3],
                       torch.stack([ang, throw], 1), torch.zeros(n, 2)], 1)
    return feats, torch.log(force)


class LatchGreyBox(nn.Module):
    """The wedge law with learned parameters: an MLP from the latch's standardised settings to the log preload, log
    rate, progression, friction (a sigmoid, 0-0.6) and the log seal stiffness; the curve F(x) from the law at the
    ten travel points (the ramp angle and the throw passed raw), its log, plus a small learned residual per point."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.params = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                    nn.Linear(hidden, 5))
        self.residual = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, DL_PTS))
        nn.init.zeros_(self.residual[-1].weight)
        nn.init.zeros_(self.residual[-1].bias)
        self.register_buffer("frac", torch.arange(1, DL_PTS + 1).float() / DL_PTS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feats, ang, throw = x[:, :9], x[:, 9:10], x[:, 10:11]
        p = self.params(feats)
        f0 = torch.exp(p[:, 0:1] + 2.3)
        k = torch.exp(p[:, 1:2] + 0.3)
        prog = p[:, 2:3]
        mu = 0.6 * torch.sigmoid(p[:, 3:4] - 1)
        seal = torch.exp(p[:, 4:5])
        pos = throw * self.frac
        fs = F.softplus(f0 + k * pos * (1 + prog * self.frac))
        t = torch.tan(ang)
        wedge = fs * (t + mu) / (1 - mu * t).clamp_min(0.05)
        curve = wedge + seal * torch.relu(pos - throw + 3) ** 1.5
        return torch.log(curve + 1e-3) + self.residual(torch.cat([feats, ang, throw / 10], 1))


def latch_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log closing forces (times 10)."""
    x, y = batch
    return 10 * F.mse_loss(model(x), y)


def door_latch(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The grey-box latch net on 2048 measured latches; held out: 2048 other latches in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(110103)
    x, y = _dl_latches(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LatchGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": latch_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. champagne bottle pressure during the prise de mousse, a GRU over the months (NAdam)

CH_MONTHS = 12


def _ch_bottles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bottles of 0.75 L (headspace 12-25 mL) in a cellar whose monthly temperature follows a seasonal cycle (mean
    9-15 C, amplitude 0-4 C, a random phase, 0.5 C month-to-month noise). The liqueur de tirage 18-28 g/L sugar, the
    yeast's vigour 0.5-1.5, the base wine's alcohol 10-12% vol, the closure (crown cap with a bidule or a cork held
    by an agrafe). Each month in 10 sub-steps: sugar fermented at r = 2.25 vigour exp(0.08 (T - 12)) S / (S + 2)
    (1 - ABV / 15) / (1 + P / 8) g/L a sub-step, 0.49 g CO2 per g sugar, the alcohol rising 0.06% vol per g/L;
    CO2 lost through the closure at a rate (cap 0.002, cork 0.012 a month) times the pressure; the pressure P (bar,
    absolute) from the CO2 shared between the wine (Henry: solubility 3.4 exp(-0.035 (T - 0)) g/L/bar, from memory,
    constants invented) and the headspace (ideal gas). Starts from 1.5 g/L dissolved CO2. 0.5% scatter on each
    month's reading. Returns (sequence features (n, 12, 8), pressures (n, 12))."""
    mean_t = 9 + 6 * torch.rand(n, generator=gen)
    amp = 4 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    months = torch.arange(CH_MONTHS).float().view(1, -1)
    temp = mean_t.view(-1, 1) + amp.view(-1, 1) * torch.sin(2 * math.pi * months / 12 + phase.view(-1, 1))
    temp = temp + 0.5 * torch.randn(n, CH_MONTHS, generator=gen)
    sugar0 = 18 + 10 * torch.rand(n, generator=gen)
    vigour = 0.5 + torch.rand(n, generator=gen)
    abv0 = 10 + 2 * torch.rand(n, generator=gen)
    head = 12 + 13 * torch.rand(n, generator=gen)  # mL
    cork = (torch.rand(n, generator=gen) < 0.3).float()
    leak = 0.002 + 0.010 * cork
    vol_l = 0.75 - head / 1000
    sugar, abv = sugar0.clone(), abv0.clone()
    co2 = 1.5 * vol_l  # g in the bottle
    press = torch.ones(n)
    out = []
    for mth in range(CH_MONTHS):
        t = temp[:, mth]
        sol = 3.4 * torch.exp(-0.035 * t)  # g/L/bar
        for _ in range(10):
            r = 0.9 * vigour * torch.exp(0.08 * (t - 12)) * sugar / (sugar + 2) * (1 - abv / 15).clamp_min(0)
            r = torch.minimum(r / (1 + press / 8) * 2.5, sugar)
            sugar = sugar - r
            abv = abv + 0.06 * r
            co2 = co2 + 0.49 * r * vol_l - leak / 10 * (press - 1).clamp_min(0) * co2 / 10
            # co2 = sol P vol_l + P V_head / (R T) (g): P = co2 / (sol vol_l + V_head 44 / (0.08314 T))
            gas = head / 1000 * 44 / (0.08314 * (t + 273.15))
            press = co2 / (sol * vol_l + gas)
        out.append(press)
    y = torch.stack(out, 1) * torch.exp(0.005 * torch.randn(n, CH_MONTHS, generator=gen))
    static = torch.stack([(sugar0 - 23) / 2.9, (vigour - 1) / 0.29, (abv0 - 11) / 0.58, (head - 18.5) / 3.75,
                          2 * cork - 1], 1)
    seq = torch.cat([((temp - 12) / 2.5).unsqueeze(2), static.unsqueeze(1).expand(-1, CH_MONTHS, -1),
                     (months / 11).expand(n, -1).unsqueeze(2),
                     torch.sin(2 * math.pi * months / 12).expand(n, -1).unsqueeze(2)], 2)
    return seq, y


class PriseDeMousseGRU(nn.Module):
    """A GRU over the cellar months (one layer), a linear read-out of each month's pressure."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(8, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def pressure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised monthly pressures."""
    return _mse(model, batch)


def champagne_pressure(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The prise-de-mousse GRU on 1024 bottles, the pressures standardised per month over them; held out: 2048
    other bottles in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(110105)
    x, y = _ch_bottles(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PriseDeMousseGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": pressure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. sleeping bag thermal insulation, a transformer over the bag's zones (RAdam; long only)

SB_ZONES = 6  # hood, shoulders, torso top, underside, legs, footbox


def _sb_bags(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sleeping bags on a thermal manikin (the EN 13537 kind, from memory): fill down of 550-900 fill power or a
    synthetic (loft per gram 0.5 of 700-fill down's), 300-1500 g of fill shared between the six zones (a random
    distribution around a typical one: more on top, less underneath), zone areas around (0.12, 0.25, 0.55, 0.8,
    0.5, 0.12) m2 scaled by the bag's size; sewn-through or box baffles (sewn-through: 12% of the area at a seam of
    a tenth of the loft); shell 10-40 denier; a pad of 0.05-0.6 m2K/W under the underside. Each zone's loft
    h = fill / area x specific loft x (1 - compression) (the underside compressed 85-95% by the body, the others
    0-15%), its resistance h / (k_air + k_rad) with k_air 0.026 W/mK and k_rad = 16 sigma T^3 / (3 beta), beta
    rising with the fibre density; zones in parallel with a surface resistance 0.1 m2K/W each; the shell's denier
    a small wind-proofing. Comfort temperature = 34 - 1.2 x 58 x R (1 + 0.04 R) (a resting woman's metabolic heat
    at 1.2 met), limit temperature = 34 - 1.5 x 58 x 1.1 R (1 + 0.06 R) (a man curled up), R the area-weighted
    resistance, both with 0.4 C scatter. Returns
    (zone tokens (n, 6, 6 + 6 + 6): the zone's fill, area, compression, seam share, log loft, one spare, the zone
    one-hot and the bag's globals, targets (n, 3): comfort, limit, log R)."""
    down = (torch.rand(n, generator=gen) < 0.65).float()
    fp = 550 + 350 * torch.rand(n, generator=gen)
    spec = torch.where(down > 0, fp / 700, torch.full((n,), 0.5))  # loft per g/m2, relative
    total = 300 + 1200 * torch.rand(n, generator=gen)
    size = 0.85 + 0.3 * torch.rand(n, generator=gen)
    base_share = torch.tensor([0.08, 0.17, 0.35, 0.12, 0.2, 0.08])
    share = base_share * torch.exp(0.35 * torch.randn(n, SB_ZONES, generator=gen))
    share = share / share.sum(1, keepdim=True)
    area = torch.tensor([0.12, 0.25, 0.55, 0.8, 0.5, 0.12]).view(1, -1) * size.view(-1, 1)
    gsm = total.view(-1, 1) * share / area  # g/m2
    comp = 0.15 * torch.rand(n, SB_ZONES, generator=gen)
    comp[:, 3] = 0.85 + 0.1 * torch.rand(n, generator=gen)
    box = (torch.rand(n, generator=gen) < 0.5).float()
    seam = (1 - box).view(-1, 1) * 0.12 * torch.ones(1, SB_ZONES)
    denier = 10 + 30 * torch.rand(n, generator=gen)
    pad_r = 0.05 + 0.55 * torch.rand(n, generator=gen)
    loft = 0.00012 * gsm * spec.view(-1, 1) * (1 - comp)  # m
    density = gsm / 1000 / loft.clamp_min(1e-4)  # kg/m3
    beta = 60 * density * torch.where(down > 0, 1.0, 1.6).view(-1, 1)  # extinction, 1/m
    k_rad = 16 * 5.67e-8 * 300.0**3 / (3 * beta)
    k = 0.026 + k_rad
    r_full = loft / k
    r_seam = 0.1 * loft / k
    r_zone = (1 - seam) * r_full + seam * r_seam + 0.1 + 0.002 * (40 - denier.view(-1, 1)) / 30
    r_zone[:, 3] = r_zone[:, 3] + pad_r
    cond = (area / r_zone).sum(1)  # W/K
    r_tot = area.sum(1) / cond
    comfort = 34 - 1.2 * 58 * r_tot * (1 + 0.04 * r_tot) + 0.4 * torch.randn(n, generator=gen)
    limit = 34 - 1.5 * 58 * r_tot * 1.1 * (1 + 0.06 * r_tot) + 0.4 * torch.randn(n, generator=gen)
    y = torch.stack([comfort, limit, torch.log(r_tot)], 1)
    glob = torch.stack([2 * down - 1, (fp - 725) / 101 * down, (size - 1) / 0.087, 2 * box - 1,
                        (denier - 25) / 8.7, (pad_r - 0.325) / 0.16], 1)
    tok = torch.stack([(gsm - 200) / 150, (area - 0.4) / 0.25, comp * 3, seam * 8, torch.log(loft * 100),
                       torch.zeros_like(gsm)], 2)
    x = torch.cat([tok, torch.eye(SB_ZONES).expand(n, -1, -1), glob.unsqueeze(1).expand(-1, SB_ZONES, -1)], 2)
    return x, y


class ZoneTransformer(nn.Module):
    """One transformer block over the six zone tokens, kept small for speed: a linear embedding, single-head
    self-attention (no biases; the values projected by the same fused layer, no output projection), a GELU
    feed-forward, residual connections, no normalisation; mean-pooled, a linear head to the three targets."""

    def __init__(self, dim: int = 16) -> None:
        super().__init__()
        self.dim = dim
        self.embed = nn.Linear(18, dim)
        self.qkv = nn.Linear(dim, 3 * dim, bias=False)
        self.ff = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim, bias=False))
        self.head = nn.Linear(dim, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.embed(x)
        q, k, v = self.qkv(h).chunk(3, -1)
        h = h + torch.softmax(q @ k.transpose(1, 2) / self.dim**0.5, -1) @ v
        h = h + self.ff(h)
        return self.head(h.mean(1))


def bag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised comfort and limit temperatures and log resistance."""
    return _mse(model, batch)


def sleeping_bag(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 16) -> dict[str, Any]:
    """The zone transformer on 8192 manikin tests, targets standardised over them; held out: 2048 other bags in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(110104)
    x, y = _sb_bags(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ZoneTransformer(dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": bag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. baked custard setting in a water bath (RAdam; long only)


def _cu_bakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Baked custards (creme caramel / pots de creme): whole egg 12-30% of the mix, the yolk's share of the egg
    0.3-1 (extra yolks), sugar 6-20%, the milk's fat 0-35% (milk to cream), the ramekin's depth 3-7 cm, the water
    bath 75-98 C, the time 15-70 min. The core heats towards the bath, lagging the surface: T(t) = T_b - (T_b -
    8) exp(-t / tau), tau = 14 min (d / 5 cm)^2 (1 + 0.3 fat), integrated in 30 steps. Protein denaturation: white
    and yolk fractions, first-order at k = k0 exp(E / R (1 / T_d - 1 / T)), T_d 71 C (white) and 68 C (yolk),
    raised 0.25 C per % sugar (E 300 kJ/mol, from memory, constants invented). Firmness = 40 N (denatured protein
    g/100g / 4)^2 (a gel's power law), the milk's fat and the sugar softening it; weeping (syneresis, %) grows once
    the core passes 84 C (integrated over the excess). 1% scatter. Returns (features (n, 7), targets (n, 3): the
    final core temperature (C), log firmness, log1p syneresis)."""
    egg = 12 + 18 * torch.rand(n, generator=gen)
    yolk = 0.3 + 0.7 * torch.rand(n, generator=gen)
    sugar = 6 + 14 * torch.rand(n, generator=gen)
    fat = 0.35 * torch.rand(n, generator=gen)
    depth = 3 + 4 * torch.rand(n, generator=gen)
    bath = 75 + 23 * torch.rand(n, generator=gen)
    time = 15 + 55 * torch.rand(n, generator=gen)
    tau = 14 * (depth / 5) ** 2 * (1 + 0.3 * fat)
    prot_w = egg / 100 * (1 - yolk) * 10.5 + egg / 100 * yolk * 0.3 * 16  # g protein / 100 g mix: white, yolk
    prot_y = egg / 100 * yolk * 0.7 * 16 * 0.55
    undone_w, undone_y = torch.ones(n), torch.ones(n)
    weep = torch.zeros(n)
    steps = 30
    dt = time / steps
    tcore = torch.full((n,), 8.0)
    for i in range(steps):
        tcore = bath - (bath - 8) * torch.exp(-(i + 0.5) * dt / tau)
        tk = tcore + 273.15
        for td, undone in ((71.0, undone_w), (68.0, undone_y)):
            tdk = td + 0.25 * sugar + 273.15
            kk = 0.2 * torch.exp((300e3 / 8.314) * (1 / tdk - 1 / tk)).clamp(max=50.0)
            undone.mul_(torch.exp(-kk * dt))
        weep = weep + dt * 0.05 * torch.relu(tcore - 84 - 0.1 * sugar) ** 1.5
    tend = bath - (bath - 8) * torch.exp(-time / tau)
    set_prot = prot_w * (1 - undone_w) + prot_y * (1 - undone_y)
    firm = 40 * (set_prot / 4) ** 2 * (1 - 0.8 * fat) / (1 + 0.02 * sugar) + 0.5
    e = 0.01 * torch.randn(n, 3, generator=gen)
    y = torch.stack([tend * torch.exp(e[:, 0]), torch.log(firm) + e[:, 1], torch.log1p(weep * torch.exp(e[:, 2]))], 1)
    x = torch.stack([(egg - 21) / 5.2, (yolk - 0.65) / 0.2, (sugar - 13) / 4, (fat - 0.175) / 0.1,
                     (depth - 5) / 1.15, (bath - 86.5) / 6.6, (time - 42.5) / 15.9], 1)
    return x, y


class CustardNet(nn.Module):
    """A SiLU MLP from the recipe, ramekin and bake to the core temperature, log firmness and syneresis."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def custard_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised core temperature, log firmness and syneresis."""
    return _mse(model, batch)


def custard_setting(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The custard net on 8192 bakes, targets standardised over them; held out: 2048 other bakes in batches of 1024;
    RAdam."""
    gen = torch.Generator().manual_seed(110106)
    x, y = _cu_bakes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CustardNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": custard_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sock_pilling_radam", sock_pilling, 300, "sock_martindale_fuzz_pill_kinetics_mlp", "radam", "finite", 64,
      seconds=0.3, start_lr=0.512),
    W("door_latch_radam", door_latch, 300, "door_latch_wedge_spring_force_greybox", "radam", "finite", 128,
      seconds=0.4, start_lr=0.512),
    W("blender_grinding_nadam", blender_grinding, 300, "blender_population_balance_psd_cnn", "nadam", "finite", 128,
      seconds=1.1, start_lr=0.016),
    W("champagne_pressure_nadam", champagne_pressure, 300, "champagne_prise_de_mousse_pressure_gru", "nadam",
      "finite", 64, seconds=0.7, start_lr=0.032),
)
LONG = (
    W("sleeping_bag_radam@long", sleeping_bag, 3000, "sleeping_bag_zone_thermal_resistance_transformer", "radam",
      "finite", 32, seconds=3.3, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("custard_setting_radam@long", custard_setting, 3000, "custard_egg_protein_denaturation_set_mlp", "radam",
      "finite", 32, seconds=1.7, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("sock_pilling_radam@long", sock_pilling, 3000, "sock_martindale_fuzz_pill_kinetics_mlp", "radam",
      "finite", 32, dict(train_size=8192), seconds=2.4, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="sock_pilling_radam"),
    W("door_latch_radam@long", door_latch, 3000, "door_latch_wedge_spring_force_greybox", "radam",
      "finite", 128, dict(train_size=8192, hidden=32), seconds=4.0, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="door_latch_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam110_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-tenth exam's workloads")
