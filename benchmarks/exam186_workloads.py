"""The hundred-and-eighty-sixth exam: six more workload families that neither the suite nor exams 1-184 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam184_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from vending machines and coin acceptance, slot machines and reel stopping,
bowling pins and pin scatter, rickshaws and pedal load, canoe paddles and stroke thrust, and foghorns and sound
range (exam 185 was built at the same time from other domains; its module was not opened). What was checked to make
them new, and what was tried and dropped, is in ``benchmarks/results/exam186/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- vending-machine coin acceptor: a 1-D CNN reads the two inductive coils' traces (32 samples each) as a coin rolls
  down the acceptor's rundown past them (a low-frequency coil, then 20 mm on a high-frequency coil) and regresses the
  coin's log conductivity and diameter (what the acceptor compares with its coin windows); each coil's
  signal a bump as the coin covers it (width from diameter over rolling speed, the lag between coils from the
  speed), its height from eddy-current skin depth (delta = 1 / sqrt(pi f mu sigma)) against the thickness, a
  steel-cored coin's permeability adding a reluctance term; sensor noise; two strided convolutions with batch norm;
  MSE of the standardised targets; SGD with Nesterov momentum 0.9 and weight decay 1e-4
- slot-machine reel stopping: a GRU reads the reel's optical-encoder speed at 12 samples after the stop command
  (with the reel's strip-load channel) and predicts the log coast travel (in stops) and the log stop time; the reel
  under a brake pad's Coulomb torque, viscous drag and a 22-stop detent ripple (integrated in 96 steps); encoder
  noise and stop-to-stop scatter (the pad's friction); MSE of the standardised logs; SGD with heavy-ball momentum
  0.9
- bowling pin scatter: a small (one-block) Post-LN transformer reads the ten pins of the rack as tokens (position,
  with the ball's entry board, angle, speed, revs and mass) and predicts which pins fall; a ball path deflected by
  each pin it takes (the pin's mass over the ball's, the contact angle), hook pulling it back, struck pins flying
  along the contact normal at the collision speed and taking the pins within a pin's width of their path (three
  rounds of pin-on-pin carry, a falling speed threshold), 15 degrees of direction scatter per pin; binary
  cross-entropy per pin; NAdam (torch's defaults)
- canoe paddle stroke thrust: a residual MLP with LayerNorm from the blade (area, aspect ratio, shape: beavertail,
  ottertail, tripper, bent shaft 14 degrees), the stroke (rate, sweep speed, catch and exit angles, the J-stroke's
  pry) and the boat speed to the blade's horizontal thrust at 16 phases of the pull and the stroke's yaw impulse;
  quasi-steady drag on the blade (0.5 rho Cd A |u| u at the blade's slip velocity) plus added mass, the immersed
  share ramping in at the catch, the J-stroke's pry trading thrust for a yawing side force; 1% scatter; MSE of the
  standardised outputs; RAdam (torch's defaults)
- cycle-rickshaw pedal load across a fleet (a long plan only): an embedding net from the rickshaw's id and the road
  segment's id (their condition and grade are not given: embeddings learn them) with the passengers' and cargo's
  mass, the speed, the hub gear and the headwind to the log mean crank torque and the log peak pedal force of a
  segment; the power balance P = v (m g (Crr + grade) + 0.5 rho CdA (v + w)^2) / eta with per-rickshaw rolling
  resistance, mass and drivetrain efficiency and per-segment grade and surface, the crank speed through the
  chainring, cog and hub ratio; 4% scatter; MSE of the standardised logs; Adagrad (torch's defaults)
- foghorn sound range (a long plan only): a grey-box propagation model fitted to received levels of foghorns at
  ships: each fog-signal station's source level, directivity and absorption class as a learned embedding, spherical
  spreading 20 log10 r fixed, the absorption's humidity dependence learned, and a small MLP for the excess
  attenuation of refraction (the upwind shadow zone, the inversion's downward bending); data from that law with
  invented station frequencies (diaphone to electronic emitter) and 1.5 dB scintillation; MSE in units of 10 dB;
  Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the rickshaw and foghorn
models (no short plans), the coin-acceptor CNN on 8192 coins instead of 1024 (8 channels instead of 16) and the
stroke net on 8192 strokes instead of 1024 (width 32 and one block instead of 48 and two).

Of the eight plans, two use Adagrad (rickshaw, foghorn), two SGD with Nesterov momentum (both coin plans), two RAdam
(both canoe plans), one NAdam (bowling) and one SGD with heavy-ball momentum (reel).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam186_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam186/README.md).

    python benchmarks/exam186_workloads.py          # the table
    python benchmarks/exam186_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 186"


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
# 1. vending-machine coin acceptor, inductive traces on the rundown (SGD with Nesterov momentum)

CA_T = 32


def _ca_coins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Coins rolling down an acceptor's rundown past two coils: diameter 15-30 mm, thickness 1.2-3.0 mm,
    conductivity 1-60 MS/m (log-uniform: nickel-brass to copper), 20% with a steel core (relative permeability ~
    100 adds a reluctance term to the low-frequency coil and deepens nothing: it shortens the skin depth). The
    rolling speed 0.6-1.2 m/s; the coin reaches the low-frequency coil (5 kHz) at a random time, the high-frequency
    coil (100 kHz) 20 mm further on. A coil's signal is a bump (the covered share of its 8 mm face, smooth edges)
    lasting (diameter + 8 mm) / speed, of height 1 - exp(-thickness / skin depth) times a conductivity factor
    (sigma / (sigma + 8 MS/m)) for the eddy loss, plus the steel core's reluctance pull on the low-frequency coil.
    32 samples 3.2 ms apart per coil; noise 0.02. The thickness is a nuisance, not a target. Returns (traces (n, 2,
    32), targets (n, 2): log10 sigma, diameter (mm))."""
    dia = 15 + 15 * torch.rand(n, generator=gen)
    thick = 1.2 + 1.8 * torch.rand(n, generator=gen)
    sigma = 10 ** (math.log10(1.0) + math.log10(60.0) * torch.rand(n, generator=gen))  # MS/m
    steel = (torch.rand(n, generator=gen) < 0.2).float()
    speed = 0.6 + 0.6 * torch.rand(n, generator=gen)  # m/s
    t0 = 1.0 + 5.0 * torch.rand(n, generator=gen)  # ms, the coin's leading edge reaches the first coil's edge
    t = (torch.arange(CA_T).float() * 3.2).view(1, -1)  # ms
    mu0 = 4e-7 * math.pi
    out = []
    for k, (f, pos) in enumerate(((5e3, 0.0), (1e5, 20.0))):
        mu = mu0 * (1 + 99 * steel) if k == 0 else mu0 * (1 + 99 * steel * 0.3)
        delta = 1e3 / torch.sqrt(math.pi * f * mu * sigma * 1e6)  # mm
        height = (1 - torch.exp(-thick / delta)) * sigma / (sigma + 8.0)
        if k == 0:
            height = height + 0.6 * steel
        start = t0 + pos / speed  # ms (mm / (m/s) = ms)
        dur = (dia + 8.0) / speed
        edge = (4.0 / speed).view(-1, 1)  # ms to cover the coil's face
        tt = t - start.view(-1, 1)
        bump = torch.sigmoid(3 * (tt - 0.5 * edge) / edge) * torch.sigmoid(3 * (dur.view(-1, 1) - tt - 0.5 * edge)
                                                                           / edge)
        out.append(height.view(-1, 1) * bump)
    x = torch.stack(out, 1) + 0.02 * torch.randn(n, 2, CA_T, generator=gen)
    y = torch.stack([torch.log10(sigma), dia], 1)
    return x * 3, y


class CoinTraceCNN(nn.Module):
    """A 1-D CNN over the two coils' traces: two strided convolutions with batch norm, then a linear read-out of
    the flattened maps (the lag between the coils is positional)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2, stride=2), nn.BatchNorm1d(width), nn.ReLU(),
                                  nn.Conv1d(width, width, 5, padding=2, stride=2), nn.BatchNorm1d(width), nn.ReLU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(width * CA_T // 4, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def coin_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log conductivity and diameter."""
    return _mse(model, batch)


def coin_acceptor(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 16) -> dict[str, Any]:
    """The trace CNN on 1024 coins, targets standardised over them; held out: 2048 other coins in batches of 1024;
    SGD with Nesterov momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(186101)
    x, y = _ca_coins(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CoinTraceCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": coin_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. slot-machine reel stopping from the encoder (SGD with heavy-ball momentum)

SR_T = 12
SR_STOPS = 22


def _sr_stops(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Reel stops: spin speed 40-90 rpm, the reel's inertia (its strip and lamp load) 0.6-1.4 of nominal, the
    brake pad's Coulomb torque 0.5-2.0 (wear), viscous drag 0.2-1.0, a 22-stop detent ripple of amplitude 0.1-0.4
    and the stop command at a random phase of the ripple (units: reel revolutions, seconds, torque per nominal
    inertia). I w' = -(Tb tanh(w / 0.02) + c w + k sin(2 pi 22 theta)), integrated over 1.2 s in 96 steps; the
    encoder's speed at 12 samples, every 0.1 s (2% + 0.005 rev/s noise). Targets: the log travel after the
    command in stops and the log time until the speed first falls under 0.05 rev/s, each with 0.06 scatter (the
    pad's friction varying from stop to stop). Returns (sequences (n, 12, 2):
    the speed and the strip-load channel, targets (n, 2))."""
    w0 = (40 + 50 * torch.rand(n, generator=gen)) / 60
    inert = 0.6 + 0.8 * torch.rand(n, generator=gen)
    tb = 0.5 + 1.5 * torch.rand(n, generator=gen)
    c = 0.2 + 0.8 * torch.rand(n, generator=gen)
    kd = 0.1 + 0.3 * torch.rand(n, generator=gen)
    theta = torch.rand(n, generator=gen) / SR_STOPS
    w = w0.clone()
    steps, horizon = 96, 1.2
    dt = horizon / steps
    trace = []
    stop_t = torch.full((n,), horizon)
    stopped = torch.zeros(n, dtype=torch.bool)
    start = theta.clone()
    for i in range(steps):
        acc = -(tb * torch.tanh(w / 0.02) + c * w + kd * torch.sin(2 * math.pi * SR_STOPS * theta)) / inert
        w = w + dt * acc
        theta = theta + dt * w
        now = (w < 0.05) & ~stopped
        stop_t = torch.where(now, torch.full_like(stop_t, (i + 1) * dt), stop_t)
        stopped = stopped | now
        if i % 8 == 7 and len(trace) < SR_T:
            trace.append(w)
    travel = (theta - start) * SR_STOPS
    sp = torch.stack(trace, 1)
    sp = sp * (1 + 0.02 * torch.randn(n, SR_T, generator=gen)) + 0.005 * torch.randn(n, SR_T, generator=gen)
    load = (inert - 1).view(-1, 1).expand(n, SR_T) / 0.23
    x = torch.stack([(sp - 0.6) / 0.4, load], 2)
    y = torch.stack([torch.log(travel.clamp_min(0.05)), torch.log(stop_t)], 1)
    return x, y + 0.06 * torch.randn(n, 2, generator=gen)


class ReelGRU(nn.Module):
    """A one-layer GRU over the encoder samples, its last state to the two log targets."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.gru = nn.GRU(2, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return self.head(h[-1])


def reel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log travel and log stop time."""
    return _mse(model, batch)


def slot_reel_stop(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 16) -> dict[str, Any]:
    """The reel GRU on 2048 stops, targets standardised over them; held out: 2048 other stops in batches of 1024;
    SGD with heavy-ball momentum 0.9."""
    gen = torch.Generator().manual_seed(186102)
    x, y = _sr_stops(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReelGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": reel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. bowling pin scatter (NAdam)

BP_X = torch.tensor([0.0, -0.1524, 0.1524, -0.3048, 0.0, 0.3048, -0.4572, -0.1524, 0.1524, 0.4572])
BP_Y = torch.tensor([0.0, 0.264, 0.264, 0.528, 0.528, 0.528, 0.792, 0.792, 0.792, 0.792])


def _bp_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Deliveries into a ten-pin rack (pins 12 in apart): the ball's offset from the head pin at the rack (-0.25 to
    0.25 m, the pocket on the right), entry angle 0-7 degrees (moving left), speed 6.5-9.5 m/s, revs (hook 0-1) and
    mass 5.0-7.3 kg. The ball (radius 0.109 m) takes each pin whose centre is within 0.169 m of its path, the contact
    angle phi from the offset; the pin leaves along the contact normal at (1 + e) m_b / (m_b + m_p) v cos phi
    (m_p 1.55 kg, e 0.7), the ball slows and deflects by m_p / m_b sin(2 phi) less the hook's pull back. Struck pins
    take standing pins within 0.12 m of their line of flight (0.9 m reach), at a speed falling with the cut angle,
    three rounds; a pin falls when hit faster than 0.5 m/s. Flight directions scattered by 15 degrees. Returns
    (features (n, 5), fallen (n, 10))."""
    off = -0.25 + 0.5 * torch.rand(n, generator=gen)
    ang = torch.deg2rad(7 * torch.rand(n, generator=gen))
    v = 6.5 + 3 * torch.rand(n, generator=gen)
    hook = torch.rand(n, generator=gen)
    mb = 5.0 + 2.3 * torch.rand(n, generator=gen)
    mp, e, rr = 1.55, 0.7, 0.169
    bx, by = off.clone(), torch.full((n,), -0.3)
    dx, dy = -torch.sin(ang), torch.cos(ang)
    hit_v = torch.zeros(n, 10)
    dirx = torch.zeros(n, 10)
    diry = torch.zeros(n, 10)
    for j in range(10):
        px, py = BP_X[j], BP_Y[j]
        # ball at the pin's row
        s = (py - by) / dy
        bx = bx + s * dx
        by = torch.full((n,), float(py))
        lat = (px - bx) * dy  # signed lateral offset of the pin from the path (approx.)
        hit = lat.abs() < rr
        phi = torch.asin((lat / rr).clamp(-0.999, 0.999))
        pv = (1 + e) * mb / (mb + mp) * v * torch.cos(phi)
        ndx = dx * torch.cos(phi) + dy * torch.sin(phi)
        ndy = -dx * torch.sin(phi) + dy * torch.cos(phi)
        jit = torch.deg2rad(15 * torch.randn(n, generator=gen))
        ux = ndx * torch.cos(jit) - ndy * torch.sin(jit)
        uy = ndx * torch.sin(jit) + ndy * torch.cos(jit)
        hit_v[:, j] = torch.where(hit, pv, hit_v[:, j])
        dirx[:, j] = torch.where(hit, ux, dirx[:, j])
        diry[:, j] = torch.where(hit, uy, diry[:, j])
        defl = -(mp / mb) * torch.sin(2 * phi) * 0.6 + 0.03 * hook
        nd = torch.where(hit, defl, torch.zeros(n))
        dx, dy = dx * torch.cos(nd) - dy * torch.sin(nd), dx * torch.sin(nd) + dy * torch.cos(nd)
        v = torch.where(hit, v * (1 - 0.12 * mp / mb * 5 / 1.55 * torch.cos(phi)), v)
    fallen = hit_v > 0.5
    src = fallen.clone()
    for _ in range(3):
        new = torch.zeros(n, 10, dtype=torch.bool)
        for a in range(10):
            for b in range(10):
                if a == b:
                    continue
                rx, ry = BP_X[b] - BP_X[a], BP_Y[b] - BP_Y[a]
                along = rx * dirx[:, a] + ry * diry[:, a]
                cross = rx * diry[:, a] - ry * dirx[:, a]
                touch = src[:, a] & ~fallen[:, b] & (along > 0) & (along < 0.9) & (cross.abs() < 0.12)
                cut = torch.asin((cross / 0.12).clamp(-0.999, 0.999))
                sv = hit_v[:, a] * 0.85 * torch.cos(cut) * (1 - 0.4 * along)
                take = touch & (sv > hit_v[:, b])
                hit_v[:, b] = torch.where(take, sv, hit_v[:, b])
                jit = torch.deg2rad(15 * torch.randn(n, generator=gen))
                ndx = dirx[:, a] * torch.cos(cut) + diry[:, a] * torch.sin(cut)
                ndy = -dirx[:, a] * torch.sin(cut) + diry[:, a] * torch.cos(cut)
                dirx[:, b] = torch.where(take, ndx * torch.cos(jit) - ndy * torch.sin(jit), dirx[:, b])
                diry[:, b] = torch.where(take, ndx * torch.sin(jit) + ndy * torch.cos(jit), diry[:, b])
                new = new | (take & (sv > 0.5)).unsqueeze(1) & (torch.arange(10) == b)
        src = new & ~fallen
        fallen = fallen | new
    x = torch.stack([off / 0.144, (torch.rad2deg(ang) - 3.5) / 2.0, (v - 8) / 0.87, (hook - 0.5) / 0.29,
                     (mb - 6.15) / 0.66], 1)
    return x, fallen.float()


class PostLNBlock(nn.Module):
    """A Post-LN transformer block: x = LN(x + attn(x)), x = LN(x + FFN(x)) (GELU, width 2d)."""

    def __init__(self, d: int, heads: int = 4) -> None:
        super().__init__()
        self.heads = heads
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.fc1, self.fc2 = nn.Linear(d, 2 * d), nn.Linear(2 * d, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d)
        x = self.norm1(x + self.proj(a))
        return self.norm2(x + self.fc2(F.gelu(self.fc1(x))))


class PinScatterTransformer(nn.Module):
    """A Post-LN transformer over the ten pins: each token is the pin's position (and a learned pin embedding) with
    the delivery's features; a per-pin logit of falling."""

    def __init__(self, d: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.register_buffer("pos", torch.stack([BP_X / 0.3, BP_Y / 0.3], 1))
        self.pin = nn.Parameter(torch.zeros(10, d))
        self.inp = nn.Linear(7, d)
        self.blocks = nn.Sequential(*[PostLNBlock(d) for _ in range(layers)])
        self.head = nn.Linear(d, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        tok = torch.cat([self.pos.expand(x.shape[0], 10, 2), x.unsqueeze(1).expand(-1, 10, -1)], 2)
        return self.head(self.blocks(self.inp(tok) + self.pin)).squeeze(2)


def pinfall_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of each pin falling, averaged over pins."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def bowling_pin_scatter(batch_size: int = 64, seed: int = 0, train_size: int = 4096, d: int = 32) -> dict[str, Any]:
    """The pin-scatter transformer on 4096 deliveries; held out: 2048 other deliveries in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(186103)
    x, y = _bp_shots(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PinScatterTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": pinfall_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. canoe paddle stroke thrust (RAdam)

CP_PH = 16
CP_SHAPES = 4  # beavertail, ottertail, tripper, bent shaft


def _cp_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Canoe strokes: blade area 0.06-0.12 m2, aspect ratio 1.5-4 (Cd 1.9 falling to 1.6 for long, narrow blades),
    the shape (beavertail, ottertail, tripper, bent shaft 14 degrees: the blade vertical 14 degrees later), rate
    30-70 strokes a minute (the pull 45% of the cycle), the sweep speed 1.5-3.5 rad/s at the blade's centre radius
    0.9 m, catch 20-45 degrees forward, exit 5-30 degrees behind, the J-stroke's pry 0-1, the boat's speed 1-2.5
    m/s. The blade's rearward speed r w cos(theta) against the boat speed gives the slip u; thrust 0.5 rho Cd A |u| u
    cos(theta) times the immersed share (ramping in over the first 20% of the pull) plus added mass rho 0.3 A^1.5
    du/dt; the pry turns the blade over the last 30%: thrust times (1 - 0.6 pry) there and a side force. The yaw
    impulse from the thrust's offset from the keel less the pry's side force. 1% scatter. Returns (features (n, 12),
    thrust at 16 phases (100 N) and yaw impulse (n, 17))."""
    area = 0.06 + 0.06 * torch.rand(n, generator=gen)
    ar = 1.5 + 2.5 * torch.rand(n, generator=gen)
    shape = torch.randint(0, CP_SHAPES, (n,), generator=gen)
    rate = 30 + 40 * torch.rand(n, generator=gen)
    sweep = 1.5 + 2.0 * torch.rand(n, generator=gen)
    catch = 20 + 25 * torch.rand(n, generator=gen)
    exit_ = 5 + 25 * torch.rand(n, generator=gen)
    pry = torch.rand(n, generator=gen)
    vb = 1.0 + 1.5 * torch.rand(n, generator=gen)
    cd = (1.9 - 0.12 * (ar - 1.5)) * torch.tensor([1.0, 0.95, 1.03, 1.0])[shape]
    bend = torch.tensor([0.0, 0.0, 0.0, 14.0])[shape]
    pull = 0.45 * 60 / rate  # s
    s = (torch.arange(CP_PH).float() + 0.5).view(1, -1) / CP_PH
    span = torch.deg2rad(catch + exit_).view(-1, 1)
    # the shaft angle from -catch to +exit with a sinusoidal speed profile, its peak set by the sweep speed
    theta = (-torch.deg2rad(catch).view(-1, 1) + span * (1 - torch.cos(math.pi * s)) / 2
             + torch.deg2rad(bend).view(-1, 1))
    wmax = torch.minimum(sweep.view(-1, 1), math.pi * span / (2 * pull.view(-1, 1)))
    omega = wmax * torch.sin(math.pi * s)
    u = 0.9 * omega * torch.cos(theta) - vb.view(-1, 1)
    immersed = (s / 0.2).clamp(max=1.0)
    drag = 0.5 * 1000 * cd.view(-1, 1) * area.view(-1, 1) * u.abs() * u * torch.cos(theta) * immersed
    du = torch.gradient(u, spacing=(1 / CP_PH,), dim=1)[0] / pull.view(-1, 1)
    added = 1000 * 0.3 * area.view(-1, 1) ** 1.5 * du * immersed
    jphase = ((s - 0.7) / 0.3).clamp(0, 1)
    thrust = (drag + added) * (1 - 0.6 * pry.view(-1, 1) * jphase)
    side = 0.5 * 1000 * 1.2 * area.view(-1, 1) * u.abs() * u * pry.view(-1, 1) * jphase
    yaw = ((0.45 * thrust - 1.4 * side).mean(1) * pull) / 10
    y = torch.cat([thrust / 100, yaw.view(-1, 1)], 1) * torch.exp(0.01 * torch.randn(n, CP_PH + 1, generator=gen))
    x = torch.cat([torch.stack([(area - 0.09) / 0.017, (ar - 2.75) / 0.72, (rate - 50) / 11.5, (sweep - 2.5) / 0.58,
                                (catch - 32.5) / 7.2, (exit_ - 17.5) / 7.2, (pry - 0.5) / 0.29, (vb - 1.75) / 0.43], 1),
                   F.one_hot(shape, CP_SHAPES).float()], 1)
    return x, y


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 gelu(W1 LayerNorm(x))."""

    def __init__(self, d: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(d)
        self.fc1, self.fc2 = nn.Linear(d, 2 * d), nn.Linear(2 * d, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class StrokeResMLP(nn.Module):
    """A residual MLP with LayerNorm from the blade and stroke to the thrust curve and the yaw impulse."""

    def __init__(self, d: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(12, d)
        self.blocks = nn.Sequential(*[ResBlock(d) for _ in range(blocks)])
        self.out = nn.Sequential(nn.LayerNorm(d), nn.Linear(d, CP_PH + 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.blocks(self.inp(x)))


def stroke_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised thrust curve and yaw impulse."""
    return _mse(model, batch)


def canoe_paddle_thrust(batch_size: int = 32, seed: int = 0, train_size: int = 1024, d: int = 48,
                        blocks: int = 2) -> dict[str, Any]:
    """The stroke net on 1024 strokes, targets standardised over them; held out: 2048 other strokes in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(186104)
    x, y = _cp_strokes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrokeResMLP(d, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": stroke_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. cycle-rickshaw pedal load across a fleet (Adagrad; long only)

RK_FLEET = 40
RK_SEGMENTS = 60


def _rk_trips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Trip segments of a cycle-rickshaw fleet: 40 rickshaws (their tyres' rolling resistance 0.008-0.025, their
    mass 60-90 kg, drivetrain efficiency 0.80-0.95), 60 road segments (grade -2% to 5%, surface factor 1-1.8 from
    asphalt to broken brick); two passengers and cargo 0-230 kg in all, speed 2-5 m/s, a 3-speed hub (0.75, 1, 1.33),
    headwind -3 to 3 m/s. P = v (m g (Crr surface + grade) + 0.5 rho CdA (v + w)^2) / eta (CdA 1.1 m2 with the
    canopy), the crank speed v / (pi 0.66 m) 18 / 44 / hub, torque P / crank speed (clamped at 2 N m freewheeling
    downhill), peak pedal force torque / 0.17 m times 1.6 (the stroke's peak over mean). 4% scatter on both logs and
    5% more on the peak (the puller's style). Returns (ids
    (n, 2), continuous features (n, 5), log torque and log peak force (n, 2))."""
    crr = 0.008 + 0.017 * torch.rand(RK_FLEET, generator=gen)
    mr = 60 + 30 * torch.rand(RK_FLEET, generator=gen)
    eta = 0.80 + 0.15 * torch.rand(RK_FLEET, generator=gen)
    grade = -0.02 + 0.07 * torch.rand(RK_SEGMENTS, generator=gen)
    surf = 1 + 0.8 * torch.rand(RK_SEGMENTS, generator=gen)
    rk = torch.randint(0, RK_FLEET, (n,), generator=gen)
    sg = torch.randint(0, RK_SEGMENTS, (n,), generator=gen)
    load = 230 * torch.rand(n, generator=gen) ** 0.8
    v = 2 + 3 * torch.rand(n, generator=gen)
    hub = torch.tensor([0.75, 1.0, 1.33])[torch.randint(0, 3, (n,), generator=gen)]
    wind = -3 + 6 * torch.rand(n, generator=gen)
    m = load + mr[rk] + 65  # the puller
    force = m * 9.81 * (crr[rk] * surf[sg] + grade[sg]) + 0.5 * 1.2 * 1.1 * (v + wind) * (v + wind).abs()
    power = v * force / eta[rk]
    crank = v / (math.pi * 0.66) * 18 / 44 / hub * 2 * math.pi  # rad/s
    torque = (power / crank).clamp_min(2.0)
    peak = torque / 0.17 * 1.6
    y = torch.stack([torch.log(torque), torch.log(peak)], 1) + 0.04 * torch.randn(n, 2, generator=gen)
    y[:, 1] = y[:, 1] + 0.05 * torch.randn(n, generator=gen)
    x = torch.stack([(load - 100) / 66, (v - 3.5) / 0.87, (hub - 1.03) / 0.24, wind / 1.73,
                     (v + wind) * (v + wind).abs() / 20], 1)
    return torch.stack([rk, sg], 1), x, y


class FleetEmbeddingNet(nn.Module):
    """Embeddings of the rickshaw and the road segment with the trip's features, an MLP to the two logs."""

    def __init__(self, dim: int = 8, hidden: int = 48) -> None:
        super().__init__()
        self.rick = nn.Embedding(RK_FLEET, dim)
        self.seg = nn.Embedding(RK_SEGMENTS, dim)
        self.net = nn.Sequential(nn.Linear(2 * dim + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, ids: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.rick(ids[:, 0]), self.seg(ids[:, 1]), x], 1))


def pedal_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log crank torque and log peak pedal force."""
    ids, x, y = batch
    return F.mse_loss(model(ids, x), y)


def rickshaw_pedal_load(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                        hidden: int = 48) -> dict[str, Any]:
    """The fleet net on 8192 trip segments, targets standardised over them; held out: 2048 other segments in batches
    of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(186105)
    ids, x, y = _rk_trips(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FleetEmbeddingNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": pedal_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. foghorn sound range, a grey-box propagation model (Adagrad; long only)

FH_STATIONS = 30


def _fh_levels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Received levels of fog signals at ships: 30 stations (source level 120-140 dB at 1 m, frequency 150-800 Hz:
    diaphones and reed horns low, electronic emitters high, a front-to-back directivity 0-8 dB); distance 0.2-8 km
    (log-uniform), the bearing off the horn's axis, the wind component toward the listener -10 to 10 m/s, the
    temperature gradient -0.02 to 0.03 K/m (an inversion positive), humidity 60-100%. L = Ls + D cos(bearing) - 20
    log10 r - alpha r - A_ex + 3 dB (the sea's reflection), alpha (dB/km) = 0.5 (f / 1000)^1.7 (1 + 1.5 (1 - RH)); the
    excess attenuation: the effective gradient (wind / 50 + the temperature gradient) bends sound up (upwind, a
    lapse) into a shadow zone starting at 1 / sqrt(bending) km, growing to 18 dB over 2 km beyond it, or down (a
    channel) regaining up to 4 dB at range. 1.5 dB scintillation. Returns (station ids (n,), features (n, 5): log10
    r, cos bearing, wind, gradient, humidity, target (L - 60) / 10 (n, 1))."""
    ls = 120 + 20 * torch.rand(FH_STATIONS, generator=gen)
    fq = 150 * (800 / 150) ** torch.rand(FH_STATIONS, generator=gen)
    dirv = 8 * torch.rand(FH_STATIONS, generator=gen)
    st = torch.randint(0, FH_STATIONS, (n,), generator=gen)
    r = 0.2 * 40 ** torch.rand(n, generator=gen)  # km
    cb = torch.cos(math.pi * torch.rand(n, generator=gen))
    wind = -10 + 20 * torch.rand(n, generator=gen)
    grad = -0.02 + 0.05 * torch.rand(n, generator=gen)
    rh = 0.6 + 0.4 * torch.rand(n, generator=gen)
    alpha = 0.5 * (fq[st] / 1000) ** 1.7 * (1 + 1.5 * (1 - rh))
    bend = wind / 50 + grad  # > 0 bends down
    up = torch.relu(-bend)
    rs = 1 / (up * 40).clamp_min(1e-3).sqrt()  # km
    shadow = 18 * (1 - torch.exp(-torch.relu(r - rs) / 2))
    channel = 4 * (1 - torch.exp(-r / 3)) * torch.tanh(torch.relu(bend) * 40)
    lvl = ls[st] + dirv[st] * (cb - 1) / 2 - 20 * torch.log10(r * 1000) - alpha * r - shadow + channel + 3
    lvl = lvl + 1.5 * torch.randn(n, generator=gen)
    x = torch.stack([torch.log10(r), cb, wind / 5.8, grad / 0.0144, (rh - 0.8) / 0.115], 1)
    return st, x, ((lvl - 60) / 10).view(-1, 1)


class FoghornGreyBox(nn.Module):
    """Received level = the station's source level + its directivity - spherical spreading (fixed) - absorption
    (a station's coefficient times a humidity factor, times range) - excess attenuation (a small MLP of range,
    wind and gradient), all in units of 10 dB. The station's three parameters are one embedding row."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.station = nn.Embedding(FH_STATIONS, 3)
        self.humid = nn.Linear(1, 1)
        self.excess = nn.Sequential(nn.Linear(3, hidden), nn.Tanh(), nn.Linear(hidden, 1))
        nn.init.zeros_(self.station.weight)

    def forward(self, st: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        logr, cb = x[:, :1], x[:, 1:2]
        p = self.station(st)
        spread = 2 * (logr + 3) - 6.0  # 20 log10 (r / 1 m) / 10, less 60 dB
        alpha = F.softplus(p[:, 2:3] + self.humid(x[:, 4:5])) * 10 ** logr
        return (4.0 + p[:, :1] + p[:, 1:2] * (cb - 1) / 2 - spread - alpha
                + self.excess(torch.cat([logr, x[:, 2:4]], 1)))


def level_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the received level in units of 10 dB."""
    st, x, y = batch
    return F.mse_loss(model(st, x), y)


def foghorn_range(batch_size: int = 128, seed: int = 0, train_size: int = 16384, hidden: int = 16) -> dict[str, Any]:
    """The grey-box on 16384 received levels; held out: 2048 other levels in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(186106)
    st, x, y = _fh_levels(train_size + 2048, gen)
    tr = (st[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FoghornGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((st[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": level_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("coin_acceptor_nesterov", coin_acceptor, 300, "vending_coin_acceptor_eddy_trace_cnn1d",
      "sgd_nesterov0.9_wd1e-4", "finite", 32, seconds=0.5, start_lr=0.05),
    W("slot_reel_stop_momentum", slot_reel_stop, 300, "slot_machine_reel_stop_brake_detent_gru", "sgd_momentum0.9",
      "finite", 64, seconds=1.0, start_lr=0.4),
    W("bowling_pin_scatter_nadam", bowling_pin_scatter, 300, "bowling_pin_scatter_pinfall_postln_transformer",
      "nadam", "finite", 64, seconds=1.7, start_lr=0.016),
    W("canoe_paddle_thrust_radam", canoe_paddle_thrust, 300, "canoe_paddle_blade_stroke_thrust_resmlp_ln", "radam",
      "finite", 32, seconds=0.5, start_lr=0.064),
)
LONG = (
    W("rickshaw_pedal_load_adagrad@long", rickshaw_pedal_load, 3000, "cycle_rickshaw_fleet_pedal_load_embedding_net",
      "adagrad", "finite", 32, seconds=1.8, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("foghorn_range_adagrad@long", foghorn_range, 3000, "foghorn_sound_range_propagation_greybox", "adagrad",
      "finite", 128, seconds=2.2, start_lr=1.024, grid_fractions=(0.0, 0.05)),
    W("coin_acceptor_nesterov@long", coin_acceptor, 3000, "vending_coin_acceptor_eddy_trace_cnn1d",
      "sgd_nesterov0.9_wd1e-4", "finite", 64, dict(train_size=8192, width=8), seconds=3.7, start_lr=0.05,
      grid_fractions=(0.0, 0.05), long_of="coin_acceptor_nesterov"),
    W("canoe_paddle_thrust_radam@long", canoe_paddle_thrust, 3000, "canoe_paddle_blade_stroke_thrust_resmlp_ln",
      "radam", "finite", 32, dict(train_size=8192, d=32, blocks=1), seconds=3.5, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="canoe_paddle_thrust_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam186_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-sixth exam's workloads")
