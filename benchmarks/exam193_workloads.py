"""The hundred-and-ninety-third exam: six more workload families that neither the suite nor exams 1-192 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam192_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from aqueducts and channel gradient flow, astrolabes and star-altitude readings,
bellhops and luggage-cart loading, crossbows and bolt velocity, hand pumps and well draw-down, and hoverboards and
tilt control (exams 194-196 were built at the same time from other domains; their modules were not opened). What
was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam193/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- aqueduct depth profile: a dilated 1-D CNN (batch norm) along an aqueduct's 32 reaches, from each reach's bed
  gradient, channel width and lining roughness and the aqueduct's discharge to the water depth in each reach;
  Manning's normal depth (Q = A R^(2/3) S^(1/2) / n, solved by bisection) with a backwater relaxation upstream from
  the castellum's weir (subcritical reaches only); 3% gauge scatter; MSE of the standardised log depths; SGD with
  Nesterov momentum 0.9
- crossbow bolt velocity downrange: a GRU over a Doppler radar's first ten gates (the bolt's speed at 1.5-15 m) with
  the bolt's mass, diameter, length and fletching and the air density, to the log speeds at the chronographs at
  20-55 m; quadratic drag with a drag coefficient by fletching and length, plus the induced drag of the bolt's
  fishtailing off the rail (a yaw oscillation damped faster with more fletching), integrated along the flight;
  MSE of the standardised logs; RAdam (torch's defaults)
- hoverboard steering by pad tilt: a small Pre-LN transformer (one block, d 16, a causal mask: each step sees the
  ride so far) over 2.4 s of the two foot pads' tilts (24 steps) with the rider's mass and the battery's charge,
  to the board's speed, distance travelled and heading at every step; each pad's tilt sets its wheel's speed
  through a first-order motor lag (slower with a heavier rider) and a speed limit (lower on a low battery),
  differential-drive kinematics; scatter 8% of each output's sd; MSE of the standardised outputs; NAdam (torch's
  defaults)
- bellhop luggage-cart loading: an embedding net (a summed bag of luggage-type embeddings over up to 8 pieces, the
  hotel's and the bellhop's embeddings, the floor and the hour) to the log loading time and the cart's fill
  fraction; per-piece handling time from mass and awkwardness, the bellhop's skill, crowding as the cart fills
  (packing the last pieces takes longer), the hotel's cart; SGD with heavy-ball momentum 0.9 (short: 4096 jobs,
  15% time scatter, 128 units) and Adagrad (long: 16384 jobs, 6% time scatter, 32 units)
- astrolabe star altitudes (a long plan only): a grey-box fit of corrections to 120 rete stars' engraved
  declinations and right ascensions, to 40 observing sites' mapped latitudes and the alidades' zero errors, from
  altitude readings taken at known local sidereal times, sin(alt) = sin(phi) sin(delta) + cos(phi) cos(delta)
  cos(LST - alpha), with Bennett's refraction and a small MLP for each instrument's graduation error (an embedding
  per instrument and the altitude); MSE in degrees; Adagrad (torch's defaults)
- hand-pump well draw-down (a long plan only, two pool sizes): a grey-box Cooper-Jacob model of village wells, each
  well's log transmissivity, log storativity and log well-loss coefficient in an embedding, the pump's discharge
  from the cylinder, the stroke rate and a small MLP for the volumetric efficiency (leakage with the lift), s =
  Q / (4 pi T) ln(2.25 T t / (r^2 S)) + C Q^2; MSE of the draw-down in metres; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the astrolabe fit, the
hand-pump fit on two pools (8192 readings of 400 wells, 16384 of 1200 wells), and the bellhop net on its own pool
(16384 jobs, less scatter) with Adagrad.

Of the eight plans, four use Adagrad (the long ones), one NAdam (hoverboard), one RAdam (crossbow), one SGD with
Nesterov momentum (aqueduct) and one SGD with heavy-ball momentum (bellhop, short).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam193_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam193/README.md).

    python benchmarks/exam193_workloads.py          # the table
    python benchmarks/exam193_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 193"


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
    """Targets standardised with the mean and sd of the first ``n`` rows (the training pool), over every dim but the
    last."""
    dims = tuple(range(y.dim() - 1))
    mean, sd = y[:n].mean(dims, keepdim=True), y[:n].std(dims, keepdim=True)
    return (y - mean) / sd


# --------------------------------------------------------------------------------------------------------------
# 1. aqueduct depth profile from Manning's equation (SGD with Nesterov momentum)

AQ_REACHES = 32


def _piecewise(n: int, length: int, pieces: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    """A piecewise-constant profile along ``length`` reaches: breaks at random (``pieces`` expected), uniform values
    between ``lo`` and ``hi``."""
    seg = torch.cumsum((torch.rand(n, length, generator=gen) < pieces / length).long(), 1)
    vals = lo + (hi - lo) * torch.rand(n, length + 1, generator=gen)
    return torch.gather(vals, 1, seg)


def _aq_channels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Roman-style aqueduct channels (specus) of 32 reaches of 400 m: the bed gradient piecewise along the line
    (log-uniform, 0.1-3 m per km), the width 0.6-1.2 m (piecewise), the lining's Manning n 0.012-0.016 with sinter
    deposits raising it in some reaches (to 0.022), the discharge 0.05-0.5 m3/s. Normal depth from Manning's
    equation Q = (1 / n) b h (b h / (b + 2 h))^(2/3) S^(1/2) (bisection); the depth at the castellum (downstream end)
    held by its weir at 0.8-1.3 of the last reach's normal depth; upstream, a backwater relaxation h_i = hn_i +
    (h_(i+1) - hn_i) exp(-3 dx S_i (1 - Fr^2) / hn_i) in subcritical reaches (supercritical reaches run at normal
    depth). 3% gauge scatter (lognormal). Returns (features (n, 4, 32), log depths (n, 32))."""
    L = AQ_REACHES
    log_s = math.log(1e-4) + (math.log(3e-3) - math.log(1e-4)) * _piecewise(n, L, 4, 0, 1, gen)
    slope = log_s.exp()
    width = _piecewise(n, L, 3, 0.6, 1.2, gen)
    rough = 0.012 + 0.004 * torch.rand(n, 1, generator=gen) + 0.006 * (_piecewise(n, L, 5, 0, 1, gen) > 0.7).float()
    q = (0.05 + 0.45 * torch.rand(n, 1, generator=gen)).expand(n, L)
    lo, hi = torch.full((n, L), 0.005), torch.full((n, L), 5.0)
    for _ in range(40):
        h = 0.5 * (lo + hi)
        area = width * h
        flow = area * (area / (width + 2 * h)) ** (2 / 3) * slope.sqrt() / rough
        low = flow < q
        lo, hi = torch.where(low, h, lo), torch.where(low, hi, h)
    hn = 0.5 * (lo + hi)
    froude2 = (q / (width * hn)) ** 2 / (9.81 * hn)
    depth = torch.empty(n, L)
    depth[:, -1] = hn[:, -1] * (0.8 + 0.5 * torch.rand(n, generator=gen))
    for i in range(L - 2, -1, -1):
        relax = torch.exp(-3 * 400 * slope[:, i] * (1 - froude2[:, i]).clamp_min(0.05) / hn[:, i])
        relax = torch.where(froude2[:, i] < 1, relax, torch.zeros_like(relax))
        depth[:, i] = hn[:, i] + (depth[:, i + 1] - hn[:, i]) * relax
    depth = depth * torch.exp(0.03 * torch.randn(n, L, generator=gen))
    x = torch.stack([(log_s - math.log(5.5e-4)) / 1.0, (width - 0.9) / 0.17, (rough - 0.016) / 0.003,
                     (torch.log(q) - math.log(0.2)) / 0.6], 1)
    return x, torch.log(depth)


class ChannelCNN(nn.Module):
    """A dilated 1-D CNN along the reaches (dilations 1, 2, 4, 8: the backwater's reach upstream; conv, batch norm,
    ReLU) to the log depth of each reach."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        c = 4
        for d in (1, 2, 4, 8):
            layers += [nn.Conv1d(c, width, 3, padding=d, dilation=d), nn.BatchNorm1d(width), nn.ReLU()]
            c = width
        self.body = nn.Sequential(*layers)
        self.head = nn.Conv1d(width, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x)).squeeze(1)


def aqueduct_depth(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 24) -> dict[str, Any]:
    """The depth-profile CNN on 1024 aqueducts, log depths standardised over them; held out: 2048 other aqueducts in
    batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(193101)
    x, y = _aq_channels(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChannelCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. crossbow bolt velocity downrange from a Doppler radar's first gates (RAdam)

CB_GATES = 10
CB_FAR = (20.0, 25.0, 30.0, 35.0, 40.0, 45.0, 50.0, 55.0)


def _cb_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Crossbow bolts tracked by a Doppler radar: launch speed 85-130 m/s (unknown to the model but through the
    radar), bolt mass 20-40 g, shaft diameter 8-10 mm, length 16-22 inches, fletching (vanes, feathers, none), the
    bolt's fishtailing off the rail (yaw amplitude 0-5 degrees, damped over 2.4-12 m, faster with more fletching),
    air density 1.10-1.25 kg/m3. Along the flight dv/dx = -rho Cd A (1 + 30 psi(x)^2) v / (2 m) (quadratic drag,
    the yaw's induced drag, psi the yaw angle oscillating with a 4 m wavelength as it decays) with Cd 1.6-2.4 of
    the shaft's frontal area by fletching and length, integrated in 0.25 m steps. The radar reads the speed at
    1.5, 3, ..., 15 m (0.4 m/s scatter); the chronographs downrange at 20-55 m (0.8% scatter) are the targets.
    Returns (radar track (n, 10, 2), bolt (n, 6), log speeds downrange (n, 8))."""
    v = 85 + 45 * torch.rand(n, generator=gen)
    mass = 0.02 + 0.02 * torch.rand(n, generator=gen)
    dia = 0.008 + 0.002 * torch.rand(n, generator=gen)
    length = 16 + 6 * torch.rand(n, generator=gen)
    fletch = torch.randint(0, 3, (n,), generator=gen)
    yaw0 = torch.deg2rad(5 * torch.rand(n, generator=gen))
    damp = torch.tensor([4.0, 3.0, 10.0])[fletch] * (0.8 + 0.4 * torch.rand(n, generator=gen))
    rho = 1.10 + 0.15 * torch.rand(n, generator=gen)
    cd = torch.tensor([2.0, 2.4, 1.6])[fletch] * (0.85 + 0.3 * (length - 16) / 6)
    area = math.pi * dia**2 / 4
    gates = [1.5 * (i + 1) for i in range(CB_GATES)]
    radar, far = [], []
    dx = 0.25
    x = 0.0
    targets = sorted(gates + list(CB_FAR))
    for target in targets:
        while x < target - 1e-9:
            psi = yaw0 * torch.exp(-x / damp) * math.cos(2 * math.pi * x / 4)
            v = v - dx * rho * cd * area * (1 + 30 * psi**2) * v / (2 * mass)
            x += dx
        (radar if target in gates else far).append(v)
    track = torch.stack(radar, 1) + 0.4 * torch.randn(n, CB_GATES, generator=gen)
    y = torch.log(torch.stack(far, 1)) + 0.008 * torch.randn(n, len(CB_FAR), generator=gen)
    seq = torch.stack([(track - 105) / 13, (torch.tensor(gates) / 15).expand(n, CB_GATES)], 2)
    bolt = torch.cat([torch.stack([(mass - 0.03) / 0.006, (dia - 0.009) / 0.0006, (length - 19) / 1.7,
                                   (rho - 1.175) / 0.043], 1), F.one_hot(fletch, 3).float()[:, :2]], 1)
    return seq, bolt, y


class RadarGRU(nn.Module):
    """A GRU over the radar's gates (speed, distance) whose final state, with the bolt's mass, diameter, length,
    fletching and the air density, feeds a tanh head to the eight log speeds downrange."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(2, hidden, batch_first=True)
        self.head = nn.Sequential(nn.Linear(hidden + 6, hidden), nn.Tanh(), nn.Linear(hidden, len(CB_FAR)))

    def forward(self, seq: torch.Tensor, bolt: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(seq)
        return self.head(torch.cat([h[-1], bolt], 1))


def crossbow_velocity(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The radar GRU on 2048 shots, log speeds standardised over them; held out: 2048 other shots in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(193102)
    c, s, y = _cb_shots(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (c[:train_size], s[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RadarGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], s[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hoverboard steering by pad tilt (NAdam)

HB_STEPS = 24


def _hb_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hoverboard rides of 2.4 s (24 steps of 0.1 s, 5 substeps each): the two foot pads' tilts (smoothed random
    walks within +-10 degrees, the left and right correlated), the rider 40-100 kg, the battery 10-100%. Each
    pad's tilt commands its wheel's speed (0.45 m/s per degree) through a first-order motor lag (tau 0.1-0.3 s,
    longer with the rider's mass) and a limit (3-4.5 m/s, lower on a low battery: soft-clipped); differential
    drive on a 0.5 m track: v = (vL + vR) / 2, omega = (vR - vL) / 0.5. Outputs per step (as the board's wheel
    encoders log them): the forward speed (m/s), the distance travelled along the path (m, signed) and the heading
    (rad) from the start. Scatter of 8% of each output's sd (encoder slip). Returns (inputs (n, 24, 4), outputs
    (n, 24, 3))."""
    steps, sub, dt = HB_STEPS, 5, 0.1 / 5
    mass = 40 + 60 * torch.rand(n, 1, generator=gen)
    batt = 0.1 + 0.9 * torch.rand(n, 1, generator=gen)
    common = torch.cumsum(torch.randn(n, steps, generator=gen), 1) * 1.5
    diff = torch.cumsum(torch.randn(n, steps, generator=gen), 1) * 1.0
    common = 10 * torch.tanh((common + 3 * torch.randn(n, 1, generator=gen)) / 10)
    diff = 6 * torch.tanh(diff / 6)
    left, right = common - diff, common + diff
    tau = 0.1 + 0.2 * (mass - 40) / 60
    vmax = 3 + 1.5 * batt.sqrt()
    vl = torch.zeros(n, 1)
    vr = torch.zeros(n, 1)
    dist, th = torch.zeros(n, 1), torch.zeros(n, 1)
    out = []
    for i in range(steps):
        cl = vmax * torch.tanh(0.45 * left[:, i : i + 1] / vmax)
        cr = vmax * torch.tanh(0.45 * right[:, i : i + 1] / vmax)
        for _ in range(sub):
            vl = vl + (cl - vl) * dt / tau
            vr = vr + (cr - vr) * dt / tau
            v, om = (vl + vr) / 2, (vr - vl) / 0.5
            dist = dist + v * dt
            th = th + om * dt
        out.append(torch.cat([v, dist, th], 1))
    path = torch.stack(out, 1)
    path = path + 0.08 * path.std((0, 1), keepdim=True) * torch.randn(path.shape, generator=gen)
    inp = torch.stack([left / 6, right / 6, ((mass - 70) / 17).expand(n, steps),
                       ((batt - 0.55) / 0.26).expand(n, steps)], 2)
    return inp, path


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + causal attention(LN(x)), then x + feed-forward(LN(x)) (GELU, 4x wide)."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.out = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        x = x + self.out(F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(b, t, d))
        return x + self.ff(self.ln2(x))


class TiltPathTransformer(nn.Module):
    """A small Pre-LN transformer encoder (d 16, 2 heads, one block, learned positions, a final LayerNorm) over the
    ride's steps (causal) to the speed, distance and heading at each step."""

    def __init__(self, d: int = 16, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(4, d)
        self.pos = nn.Parameter(0.02 * torch.randn(1, HB_STEPS, d))
        self.blocks = nn.Sequential(*[PreLNBlock(d, 2) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.embed(x) + self.pos)))


def hoverboard_path(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 16) -> dict[str, Any]:
    """The tilt-path transformer on 2048 rides, the outputs standardised per output over them; held out: 2048 other
    rides in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(193103)
    x, y = _hb_rides(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TiltPathTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. bellhop luggage-cart loading (SGD with heavy-ball momentum short, Adagrad long)

BH_TYPES = 24  # luggage types (index 0 = an empty slot)
BH_SLOTS = 8
BH_HOTELS = 12
BH_STAFF = 40


def _bh_jobs(n: int, gen: torch.Generator, scatter: float = 0.15) -> tuple[torch.Tensor, ...]:
    """Loading jobs of a hotel's luggage cart: 1-8 pieces of 23 luggage types (cabin trolley, large hard-shell,
    duffel, garment bag, golf bag, ski bag, boxes, a pram, ...), each with a mass (3-30 kg), a volume (30-250 l)
    and an awkwardness (1-2.5); one of 12 hotels (its cart's capacity 0.6-1.2 m3, a birdcage or a flat cart: an
    overhead of 20-50 s), one of 40 bellhops (skill 0.75-1.3, lognormal), the floor (1-30) and the hour. Loading
    time = overhead + sum of (6 + 1.6 mass^0.8) awkwardness / skill per piece, times 1 + 1.5 fill^3 (packing the
    last pieces), + 15% at check-out peaks (7-10 h); fill fraction = sum of volumes x awkwardness^0.3 / capacity.
    ``scatter`` on the time (lognormal; 15% by default), a third of it on the fill. Returns (pieces (n, 8), hotel,
    bellhop, dense (n, 3), targets (n, 2): log time, fill)."""
    tg = torch.Generator().manual_seed(4242)
    t_mass = 3 + 27 * torch.rand(BH_TYPES, generator=tg) ** 1.3
    t_vol = 30 + 220 * torch.rand(BH_TYPES, generator=tg)
    t_awk = 1 + 1.5 * torch.rand(BH_TYPES, generator=tg) ** 2
    t_mass[0], t_vol[0], t_awk[0] = 0, 0, 0
    h_cap = 600 + 600 * torch.rand(BH_HOTELS, generator=tg)
    h_over = 20 + 30 * torch.rand(BH_HOTELS, generator=tg)
    skill = torch.exp(0.15 * torch.randn(BH_STAFF, generator=tg)).clamp(0.75, 1.3)
    count = torch.randint(1, BH_SLOTS + 1, (n,), generator=gen)
    pieces = torch.randint(1, BH_TYPES, (n, BH_SLOTS), generator=gen)
    pieces = torch.where(torch.arange(BH_SLOTS).view(1, -1) < count.view(-1, 1), pieces, torch.zeros_like(pieces))
    hotel = torch.randint(0, BH_HOTELS, (n,), generator=gen)
    staff = torch.randint(0, BH_STAFF, (n,), generator=gen)
    floor = torch.randint(1, 31, (n,), generator=gen).float()
    hour = 24 * torch.rand(n, generator=gen)
    awk = t_awk[pieces]
    fill = (t_vol[pieces] * awk.clamp_min(1e-6) ** 0.3 * (pieces > 0).float()).sum(1) / h_cap[hotel]
    handle = ((6 + 1.6 * t_mass[pieces] ** 0.8) * awk * (pieces > 0).float()).sum(1) / skill[staff]
    peak = 1 + 0.15 * ((hour > 7) & (hour < 10)).float()
    time = (h_over[hotel] + handle * (1 + 1.5 * fill.clamp_max(1.6) ** 3)) * peak
    time = time * torch.exp(scatter * torch.randn(n, generator=gen))
    fill = fill + scatter / 3 * torch.randn(n, generator=gen)
    dense = torch.stack([(floor - 15.5) / 8.7, torch.sin(2 * math.pi * hour / 24),
                         torch.cos(2 * math.pi * hour / 24)], 1)
    y = torch.stack([(torch.log(time) - 5.0) / 0.5, (fill - 0.6) / 0.35], 1)
    return pieces, hotel, staff, dense, y


class CartNet(nn.Module):
    """An embedding net: the sum of the pieces' luggage-type embeddings (slot 0 is empty, padding), the hotel's and
    the bellhop's embeddings and the dense features through a ReLU MLP to the log time and the fill."""

    def __init__(self, dim: int = 16, hidden: int = 64) -> None:
        super().__init__()
        self.pieces = nn.Embedding(BH_TYPES, dim, padding_idx=0)
        self.hotel = nn.Embedding(BH_HOTELS, 8)
        self.staff = nn.Embedding(BH_STAFF, 8)
        for emb in (self.pieces, self.hotel, self.staff):  # small embeddings, as recommender code initialises them
            nn.init.normal_(emb.weight, 0.0, 0.1)
        with torch.no_grad():
            self.pieces.weight[0].zero_()  # the empty slot
        self.mlp = nn.Sequential(nn.Linear(dim + 16 + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, pieces: torch.Tensor, hotel: torch.Tensor, staff: torch.Tensor,
                dense: torch.Tensor) -> torch.Tensor:
        bag = self.pieces(pieces).sum(1)
        return self.mlp(torch.cat([bag, self.hotel(hotel), self.staff(staff), dense], 1))


def bellhop_cart(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64,
                 optimizer: str = "momentum", scatter: float = 0.15) -> dict[str, Any]:
    """The cart net on ``train_size`` loading jobs, targets standardised over them; held out: 2048 other jobs in
    batches of 1024; SGD with heavy-ball momentum 0.9 (short) or Adagrad (long)."""
    gen = torch.Generator().manual_seed(193104)
    *x, y = _bh_jobs(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    ev = tuple(t[train_size:] for t in x) + (y[train_size:],)
    torch.manual_seed(seed)
    if optimizer == "adagrad":
        opt = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    else:
        opt = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")
    return {"model": CartNet(16, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024), "optimizer": opt, "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. astrolabe star altitudes: a grey-box fit (Adagrad; long only)

AS_STARS = 120
AS_SITES = 40


def _as_readings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Altitude readings of 120 rete stars (declination -30 to +70 degrees, right ascension 0-24 h) at 40 sites
    (latitude 20-55 N), each with its own astrolabe (an alidade zero error of +-0.6 degrees and a graduation error
    0.3 sin(2 alt + phase_1) + 0.15 sin(4 alt + phase_2) degrees), taken at known local sidereal times; only stars
    above 8 degrees. True altitude from sin(alt) = sin(phi) sin(delta) + cos(phi) cos(delta) cos(LST - alpha),
    raised by Bennett's refraction R = 1 / tan(h + 7.31 / (h + 4.4)) arcminutes; 0.05 degree reading scatter (a
    large, well-divided instrument). The observer knows the stars' positions as engraved on the rete (off by 1.5
    degrees sd in declination and right ascension) and the sites' latitudes from an old map (off by 0.7 degrees
    sd). Returns (star, site, LST (rad), the rete's declination and right ascension (rad), the map's latitude (rad)
    (n,), altitude readings (degrees, (n,)))."""
    tg = torch.Generator().manual_seed(1931050)
    dec = torch.deg2rad(-30 + 100 * torch.rand(AS_STARS, generator=tg))
    ra = 2 * math.pi * torch.rand(AS_STARS, generator=tg)
    lat = torch.deg2rad(20 + 35 * torch.rand(AS_SITES, generator=tg))
    zero = 0.6 * (2 * torch.rand(AS_SITES, generator=tg) - 1)
    phase = 2 * math.pi * torch.rand(AS_SITES, 2, generator=tg)
    rete_dec = dec + torch.deg2rad(1.5 * torch.randn(AS_STARS, generator=tg))
    rete_ra = ra + torch.deg2rad(1.5 * torch.randn(AS_STARS, generator=tg))
    map_lat = lat + torch.deg2rad(0.7 * torch.randn(AS_SITES, generator=tg))
    star = torch.randint(0, AS_STARS, (4 * n,), generator=gen)
    site = torch.randint(0, AS_SITES, (4 * n,), generator=gen)
    lst = 2 * math.pi * torch.rand(4 * n, generator=gen)
    s = (torch.sin(lat[site]) * torch.sin(dec[star])
         + torch.cos(lat[site]) * torch.cos(dec[star]) * torch.cos(lst - ra[star]))
    alt = torch.rad2deg(torch.asin(s.clamp(-1, 1)))
    keep = torch.nonzero(alt > 8).squeeze(1)[:n]
    star, site, lst, alt = star[keep], site[keep], lst[keep], alt[keep]
    refr = 1 / torch.tan(torch.deg2rad(alt + 7.31 / (alt + 4.4))) / 60
    grad = (0.3 * torch.sin(torch.deg2rad(2 * alt) + phase[site, 0])
            + 0.15 * torch.sin(torch.deg2rad(4 * alt) + phase[site, 1]))
    reading = alt + refr + zero[site] + grad + 0.05 * torch.randn(len(alt), generator=gen)
    return star, site, lst, rete_dec[star], rete_ra[star], map_lat[site], reading


class AstrolabeFit(nn.Module):
    """The spherical-astronomy formula with learned corrections to the rete's star positions (declination, right
    ascension: a star embedding, starting at zero) and to the map's latitudes and the alidades' zero errors (a site
    embedding, starting at zero), Bennett's refraction, and a small tanh MLP of the altitude and the site's
    instrument embedding for the graduation error."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.star = nn.Embedding(AS_STARS, 2)
        self.site = nn.Embedding(AS_SITES, 2)
        self.inst = nn.Embedding(AS_SITES, 4)
        nn.init.zeros_(self.star.weight)
        nn.init.zeros_(self.site.weight)
        nn.init.normal_(self.inst.weight, 0.0, 0.3)
        self.grad = nn.Sequential(nn.Linear(2 + 4, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, star: torch.Tensor, site: torch.Tensor, lst: torch.Tensor, dec0: torch.Tensor, ra0: torch.Tensor,
                lat0: torch.Tensor) -> torch.Tensor:
        ds, dl = self.star(star), self.site(site)
        dec = dec0 + 0.05 * ds[:, 0]  # corrections in units of 0.05 rad (~3 degrees)
        ra = ra0 + 0.05 * ds[:, 1]
        lat = lat0 + 0.05 * dl[:, 0]
        s = torch.sin(lat) * torch.sin(dec) + torch.cos(lat) * torch.cos(dec) * torch.cos(lst - ra)
        alt = torch.rad2deg(torch.asin(s.clamp(-0.999999, 0.999999)))
        h = alt.clamp_min(-2.0)
        refr = 1 / torch.tan(torch.deg2rad(h + 7.31 / (h + 4.4))) / 60
        a = torch.deg2rad(alt).unsqueeze(1)
        corr = self.grad(torch.cat([torch.sin(2 * a), torch.cos(2 * a), self.inst(site)], 1)).squeeze(1)
        return alt + refr + dl[:, 1] + corr


def astrolabe_fit(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 16) -> dict[str, Any]:
    """The astrolabe grey-box on 4096 readings (degrees); held out: 2048 other readings in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(193105)
    *x, y = _as_readings(train_size + 2048, gen)
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    ev = tuple(t[train_size:] for t in x) + (y[train_size:],)
    torch.manual_seed(seed)
    return {"model": AstrolabeFit(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. hand-pump well draw-down: a Cooper-Jacob grey-box (Adagrad; long only)


def _hp_tests(n: int, wells: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Draw-down readings in village wells fitted with deep-well hand pumps (a 63.5 mm cylinder, 0.125 m stroke):
    per well a transmissivity 2-200 m2/day (log-uniform), a storativity 1e-4-1e-2 (log-uniform), a well-loss
    coefficient, a static water level 5-45 m; each reading at a stroke rate of 20-60 a minute after 2-240 minutes
    of pumping. Discharge Q = eta A stroke rate with the volumetric efficiency eta = 0.92 - 0.006 lift -
    0.002 (rate - 40) (leakage past the cup seals). Cooper-Jacob: s = Q / (4 pi T) ln(2.25 T t / (r_w^2 S)) + C Q^2
    (r_w 0.075 m, days and m3/day). 2 cm dipper scatter plus 3%. Returns (well, log rate, log time, lift (n,),
    draw-down (m) (n,))."""
    tg = torch.Generator().manual_seed(1931060 + wells)
    log_t = math.log(2) + math.log(100) * torch.rand(wells, generator=tg)
    log_s = math.log(1e-4) + math.log(100) * torch.rand(wells, generator=tg)
    c_loss = 2e-3 * torch.exp(0.5 * torch.randn(wells, generator=tg))
    lift = 5 + 40 * torch.rand(wells, generator=tg)
    well = torch.randint(0, wells, (n,), generator=gen)
    rate = 20 + 40 * torch.rand(n, generator=gen)
    minutes = 2 * 120 ** torch.rand(n, generator=gen)
    eta = 0.92 - 0.006 * lift[well] - 0.002 * (rate - 40)
    q = eta * math.pi * 0.03175**2 * 0.125 * rate * 1440  # m3/day
    t = log_t[well].exp()
    s = (q / (4 * math.pi * t) * torch.log(2.25 * t * (minutes / 1440) / (0.075**2 * log_s[well].exp()))
         + c_loss[well] * q**2)
    s = s * torch.exp(0.03 * torch.randn(n, generator=gen)) + 0.02 * torch.randn(n, generator=gen)
    return well, (torch.log(rate) - math.log(40)) / 0.3, (torch.log(minutes) - 3.1) / 1.4, (lift[well] - 25) / 11.5, s


class DrawdownFit(nn.Module):
    """Cooper-Jacob with each well's log transmissivity, log storativity and log well-loss coefficient in an
    embedding (offsets from a prior's centre), a small tanh MLP of the stroke rate and the lift for the
    volumetric efficiency."""

    def __init__(self, wells: int, hidden: int = 16) -> None:
        super().__init__()
        self.well = nn.Embedding(wells, 3)
        nn.init.zeros_(self.well.weight)
        self.eff = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, well: torch.Tensor, lrate: torch.Tensor, ltime: torch.Tensor, lift: torch.Tensor) -> torch.Tensor:
        p = self.well(well)
        log_t = math.log(14) + p[:, 0]
        log_s = math.log(1e-3) + p[:, 1]
        log_c = math.log(2e-3) + p[:, 2]
        eta = 0.75 + 0.2 * torch.tanh(self.eff(torch.stack([lrate, lift], 1)).squeeze(1))
        rate = 40 * torch.exp(0.3 * lrate)
        q = eta * math.pi * 0.03175**2 * 0.125 * rate * 1440
        days = torch.exp(3.1 + 1.4 * ltime) / 1440
        t = log_t.exp()
        return (q / (4 * math.pi * t) * (math.log(2.25 / 0.075**2) + log_t + torch.log(days) - log_s)
                + log_c.exp() * q**2)


def handpump_drawdown(batch_size: int = 32, seed: int = 0, train_size: int = 8192, wells: int = 400,
                      hidden: int = 16) -> dict[str, Any]:
    """The draw-down grey-box on ``train_size`` readings of ``wells`` wells (metres); held out: 2048 other readings
    of the same wells in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(193106)
    *x, y = _hp_tests(train_size + 2048, wells, gen)
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    ev = tuple(t[train_size:] for t in x) + (y[train_size:],)
    torch.manual_seed(seed)
    return {"model": DrawdownFit(wells, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("aqueduct_depth_nesterov", aqueduct_depth, 300, "aqueduct_manning_backwater_depth_cnn1d", "sgd_nesterov0.9",
      "finite", 64, seconds=1.5, start_lr=0.1),
    W("crossbow_velocity_radam", crossbow_velocity, 300, "crossbow_bolt_doppler_radar_downrange_velocity_gru",
      "radam", "finite", 64, seconds=1.0, start_lr=0.512),
    W("hoverboard_path_nadam", hoverboard_path, 300, "hoverboard_pad_tilt_steering_odometry_preln_transformer",
      "nadam", "finite", 64, seconds=1.6, start_lr=0.064),
    W("bellhop_cart_momentum", bellhop_cart, 300, "bellhop_luggage_cart_loading_embedding_net", "sgd_momentum0.9",
      "finite", 256, dict(train_size=4096, hidden=128), seconds=0.5, start_lr=0.1),
)
LONG = (
    W("astrolabe_fit_adagrad@long", astrolabe_fit, 3000, "astrolabe_star_altitude_spherical_greybox", "adagrad",
      "finite", 32, seconds=4.1, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("handpump_drawdown_adagrad@long", handpump_drawdown, 3000, "hand_pump_well_cooper_jacob_drawdown_greybox",
      "adagrad", "finite", 32, seconds=2.8, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("handpump_drawdown_1200_adagrad@long", handpump_drawdown, 3000, "hand_pump_well_cooper_jacob_drawdown_greybox",
      "adagrad", "finite", 32, dict(train_size=16384, wells=1200), seconds=2.7, start_lr=0.8,
      grid_fractions=(0.0, 0.05)),
    W("bellhop_cart_adagrad@long", bellhop_cart, 3000, "bellhop_luggage_cart_loading_embedding_net", "adagrad",
      "finite", 32, dict(train_size=16384, hidden=32, optimizer="adagrad", scatter=0.06), seconds=2.3, start_lr=0.1,
      grid_fractions=(0.0, 0.05), long_of="bellhop_cart_momentum"),
)

REGISTRY = Registry(EXAM, LONG, "exam193_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninety-third exam's workloads")
