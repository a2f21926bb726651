"""The hundred-and-seventy-second exam: six more workload families that neither the suite nor exams 1-170 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam170_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from water pistols and jet range, ashtrays and ember smouldering, pipe cleaners
and bend memory, welcome mats and dirt capture, porch lights and motion triggering, and bottle warmers and milk
heating (exams 171, 173 and 174 were built at the same time from other domains; their modules were not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam172/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- water-pistol jet range over a shot: a residual MLP with LayerNorm from the pumped air pressure, the air share of
  the reservoir, the nozzle (diameter, and sharp / conical / rounded: discharge and velocity coefficients), the
  elevation, the muzzle height and the wind to the jet's range at 8 instants of a 4 s shot; the air chamber
  expanding adiabatically (p V^1.4 constant) as the orifice (Torricelli / Bernoulli, v = Cv sqrt(2 p / rho)) lets
  the water out, the range from the vacuum trajectory cut by a jet-breakup / drag length growing with the nozzle
  diameter, wind drift over the flight time, zero once the reservoir is empty; MSE of the standardised ranges;
  AdamW (torch's defaults, weight decay 1e-2)
- ashtray self-extinguishing: a dilated 1-D CNN over a cigarette left in an ashtray's rest (32 cells along the rod:
  the paper's air permeability with or without reduced-ignition-propensity bands, the tobacco's packing density,
  the ashtray's heat sink where the rod lies in the notch, the draught and humidity) classifies where the ember goes
  out (one of the 32 cells) or whether it smoulders to the filter (a 33rd class); the smouldering ember's
  temperature relaxing toward a heat balance of oxygen supply through the paper against conduction, density and
  moisture, out below a quench temperature; cross-entropy; SGD with Nesterov momentum 0.9
- pipe-cleaner bend memory: a GRU over a crafter's sequence of 6 bends (the commanded angle, the wire's diameter,
  yield stress, the bend's length and the fibre pile's length) gives the angle retained after each release; the
  wire elastic-plastic in moment-angle space with kinematic (Bauschinger) and isotropic hardening (a return
  mapping), the elastic springback of a bent wire (the elastic angle 2 sigma_y L / (E d) times the shape factor
  1.5), the pile's fibres pulling a little back; MSE of the retained angles (/100 degrees); RMSprop (torch's
  defaults)
- welcome-mat dirt load from a photo: a 2-D CNN reads a 16 x 16 reflectance image of a coir welcome mat (bristle
  rows, a printed dark band of letters, an uneven light) and gives the log mass of dirt the mat holds and the log
  capture length (how far along the mat the dirt is laid: each step scrapes a share off the sole, so the load falls
  off exponentially from the threshold edge, across a walking lane); each pixel darkening as exp(-k m (1 + 1.5 w))
  toward the dirt's own reflectance (wet dirt darker; the moisture a nuisance); MSE of the standardised targets;
  Adam (torch's defaults)
- porch-light motion triggering (a long plan only): an embedding net (the sensor model, the mounting height, the
  lens, the passer-by, the walking direction, the month and the hour; the distance and speed) gives the probability
  that a PIR porch light switches on; the pyroelectric signal from the target's area and its temperature contrast
  with the night air (the month and hour), falling with distance squared, the Fresnel-zone crossing rate (tangential
  walking crosses zones, radial walking hardly), a band-pass in speed, pet-immune lenses and high mountings ignoring
  small, low targets; the switching drawn from a logistic of the log signal against the sensor's threshold; binary
  cross-entropy; Adagrad (torch's defaults)
- bottle-warmer milk heating (a long plan only): an embedding grey-box net (the warmer: water bath, bead bath, warm
  air; the bottle's material and size; the milk; the starting state (fridge, room, just thawed); the fill and the
  setpoint) outputs the heating law's parameters (the milk's and the wall's time constants, the source
  temperature), which a fixed two-time-constant lumped heating curve turns into the milk's temperature at 8
  instants (1-8 min); data from the same law (UA of the outer film, the wall and the inner natural-convection film
  in series) with invented constants and 0.3 C probe scatter; MSE of the temperatures (/10 C); Adagrad (torch's
  defaults) in one long plan, Adam (torch's defaults) in the other

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the porch-light net
(Adagrad) and the bottle-warmer grey box twice, with Adagrad and with Adam (no short plans), and the water-pistol net
on 8192 shots instead of 2048 (one residual block of 32 instead of two of 64, batch 64 instead of 128).

Of the eight plans, two use Adagrad (porch light, bottle warmer), two AdamW (both water-pistol plans), one Adam
(welcome mat), one Adam (bottle warmer, the second long plan), one SGD with Nesterov momentum (ashtray) and one
RMSprop (pipe cleaner).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam172_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam172/README.md).

    python benchmarks/exam172_workloads.py          # the table
    python benchmarks/exam172_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 172"


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
# 1. water-pistol jet range over a shot (AdamW)

WP_NOZZLES = 3  # sharp-edged orifice, conical, rounded
WP_TIMES = 8


def _wp_shots(n: int, gen: torch.Generator, scatter: float = 0.03) -> tuple[torch.Tensor, torch.Tensor]:
    """Shots of a pump-action water pistol with a 1 L reservoir: pumped gauge pressure 0.5-3 bar, air share of the
    reservoir 0.2-0.6 (the rest water), nozzle diameter 1-3.5 mm, nozzle sharp-edged / conical / rounded (discharge
    coefficients 0.62, 0.82, 0.95, velocity coefficients 0.90, 0.95, 0.98), elevation 0-40 degrees, muzzle height
    0.8-1.5 m, tail wind -3..3 m/s. The air expands adiabatically (p V^1.4 constant) as water leaves at
    Q = Cd A v_ideal, v_ideal = sqrt(2 p_gauge / rho), in 32 steps over 4 s; the jet leaves at Cv v_ideal. Range:
    the vacuum range from the muzzle height, R0 = v cos(a) / g (v sin(a) + sqrt(v^2 sin^2(a) + 2 g h)), cut by the
    jet's breakup and drag, R0 / (1 + R0 / (6 m per mm of nozzle)), plus 0.6 x the wind times the flight time;
    0 once the reservoir is empty. Lognormal scatter of ``scatter`` (3%: the tape-measure reading of a splash).
    Returns (features (n, 9), ranges at 0.5, 1, ..., 4 s (n, 8), m)."""
    p0 = 0.5 + 2.5 * torch.rand(n, generator=gen)
    share = 0.2 + 0.4 * torch.rand(n, generator=gen)
    dia = 1.0 + 2.5 * torch.rand(n, generator=gen)
    noz = torch.randint(0, WP_NOZZLES, (n,), generator=gen)
    cd = torch.tensor([0.62, 0.82, 0.95])[noz]
    cv = torch.tensor([0.90, 0.95, 0.98])[noz]
    elev = 40 * torch.rand(n, generator=gen)
    height = 0.8 + 0.7 * torch.rand(n, generator=gen)
    wind = -3 + 6 * torch.rand(n, generator=gen)
    vol = 1e-3
    va0 = share * vol
    va = va0.clone()
    area = math.pi * (dia * 1e-3) ** 2 / 4
    a = torch.deg2rad(elev)
    g = 9.81
    out = []
    steps, dt = 32, 4.0 / 32
    for k in range(steps):
        p_abs = (p0 + 1) * (va0 / va) ** 1.4
        gauge = (p_abs - 1).clamp_min(0) * 1e5
        empty = va >= vol - 1e-9
        v_ideal = torch.where(empty, torch.zeros(n), (2 * gauge / 1000).sqrt())
        va = torch.minimum(va + cd * area * v_ideal * dt, torch.full((n,), vol))
        if (k + 1) % 4 == 0:
            v = cv * v_ideal
            vs, vc = v * torch.sin(a), v * torch.cos(a)
            flight = (vs + (vs**2 + 2 * g * height).sqrt()) / g
            r0 = vc * flight
            r = r0 / (1 + r0 / (6 * dia)) + 0.6 * wind * flight
            out.append(torch.where(v > 0.5, r.clamp_min(0), torch.zeros(n)))
    y = torch.stack(out, 1) * torch.exp(scatter * torch.randn(n, WP_TIMES, generator=gen))
    x = torch.cat([torch.stack([(p0 - 1.75) / 0.72, (share - 0.4) / 0.115, (dia - 2.25) / 0.72, (elev - 20) / 11.5,
                                (height - 1.15) / 0.2, wind / 1.73], 1), F.one_hot(noz, WP_NOZZLES).float()], 1)
    return x, y


class JetRangeNet(nn.Module):
    """A residual MLP with pre-norm blocks (LayerNorm, GELU) from the pistol, the aim and the wind to the 8
    ranges."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(9, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, WP_TIMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for b in self.blocks:
            h = h + b(h)
        return self.out(h)


def range_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised ranges."""
    return _mse(model, batch)


def water_pistol_range(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64,
                       blocks: int = 2, scatter: float = 0.03) -> dict[str, Any]:
    """The jet-range net on ``train_size`` shots, targets standardised over them; held out: 2048 other shots in
    batches of 1024; AdamW (torch's defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(172101)
    x, y = _wp_shots(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": JetRangeNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": range_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. ashtray: where a resting cigarette's ember goes out (SGD with Nesterov momentum)

AT_CELLS = 32
AT_ASHTRAYS = 3  # glass, ceramic, metal


def _at_rods(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cigarettes left burning in an ashtray's rest, 32 cells of 2 mm from the lit end to the filter. The paper's
    air permeability (base 0.3-0.9 of the scale; 70% of the papers with reduced-ignition-propensity bands of
    permeability 0.03-0.15, 1-2 cells wide every 6-10 cells), the tobacco's packing density per cell (0.20-0.30
    g/cm3 with 0.02 scatter), the notch where the rod lies on the ashtray (4 cells starting at cell 8-24) with the
    ashtray's heat sink (glass 0.25, ceramic 0.35, metal 0.9), the draught 0-1 m/s and the humidity 30-90%. The
    ember starts at 850 C and relaxes each cell halfway to a balance 350 + 600 o2 / (o2 + 0.25 + sink + 0.3 hum)
    + 1200 (density - 0.25), o2 = permeability^0.5 (1 + 0.8 draught), with 10 C of cell-to-cell scatter; it goes
    out when it falls below 600 C (class = that cell), or reaches the filter (class 32). Returns (profiles (n, 5,
    32): permeability, density, sink, draught, humidity; classes (n,))."""
    cells = torch.arange(AT_CELLS).float().view(1, -1)
    base = 0.3 + 0.6 * torch.rand(n, 1, generator=gen)
    banded = (torch.rand(n, 1, generator=gen) < 0.7).float()
    spacing = torch.randint(6, 11, (n, 1), generator=gen).float()
    width = torch.randint(1, 3, (n, 1), generator=gen).float()
    phase = torch.rand(n, 1, generator=gen) * spacing
    band_perm = 0.03 + 0.12 * torch.rand(n, 1, generator=gen)
    in_band = (torch.remainder(cells - phase, spacing) < width).float() * banded
    perm = base * (1 - in_band) + band_perm * in_band
    dens = 0.20 + 0.10 * torch.rand(n, 1, generator=gen) + 0.02 * torch.randn(n, AT_CELLS, generator=gen)
    tray = torch.randint(0, AT_ASHTRAYS, (n,), generator=gen)
    notch = torch.randint(8, 25, (n, 1), generator=gen).float()
    sink = ((cells >= notch) & (cells < notch + 4)).float() * torch.tensor([0.25, 0.35, 0.9])[tray].view(-1, 1)
    draught = torch.rand(n, 1, generator=gen)
    hum = 0.3 + 0.6 * torch.rand(n, 1, generator=gen)
    noise = 10 * torch.randn(n, AT_CELLS, generator=gen)
    o2 = perm.sqrt() * (1 + 0.8 * draught)
    t_eq = 350 + 600 * o2 / (o2 + 0.25 + sink + 0.3 * hum) + 1200 * (dens - 0.25)
    temp = torch.full((n,), 850.0)
    y = torch.full((n,), AT_CELLS, dtype=torch.long)
    alive = torch.ones(n, dtype=torch.bool)
    for i in range(AT_CELLS):
        temp = 0.5 * temp + 0.5 * t_eq[:, i] + noise[:, i]
        out = alive & (temp < 600)
        y[out] = i
        alive = alive & ~out
    x = torch.stack([perm, (dens - 0.25) / 0.035, sink, draught.expand(-1, AT_CELLS),
                     hum.expand(-1, AT_CELLS)], 1)
    return x, y


class EmberCNN(nn.Module):
    """A dilated 1-D CNN (dilations 1, 2, 4) over the rod: a logit per cell (the ember goes out there) from a 1x1
    head, and a 33rd (it reaches the filter) from the max-pooled features."""

    def __init__(self, channels: int = 32) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        c_in = 5
        for d in (1, 2, 4):
            layers += [nn.Conv1d(c_in, channels, 3, padding=d, dilation=d), nn.ReLU()]
            c_in = channels
        self.body = nn.Sequential(*layers)
        self.cell = nn.Conv1d(channels, 1, 1)
        self.filter = nn.Linear(channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.body(x)
        return torch.cat([self.cell(h).squeeze(1), self.filter(h.amax(2))], 1)


def ember_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the cell where the ember goes out (or the filter)."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def ashtray_ember(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 16) -> dict[str, Any]:
    """The ember CNN on ``train_size`` cigarettes; held out: 2048 other cigarettes in batches of 1024; SGD with
    Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(172102)
    x, y = _at_rods(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EmberCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": ember_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. pipe-cleaner bend memory (RMSprop)

PC_BENDS = 6


def _pc_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sessions of 6 bends of a pipe cleaner at one spot: the wire's diameter 0.3-0.6 mm, its yield stress 300-900
    MPa (E 200 GPa), the bend's length 5-15 mm, the fibre pile's length 2-8 mm; each bend's commanded angle 20-170
    degrees, its sign kept or flipped (p 0.5) from the last. In moment-angle space, with the elastic angle in units
    of the wire's elastic limit theta_y = 2 sigma_y L / (E d): the yield at 1.5 theta_y (the round section's shape
    factor), kinematic hardening H 0.05-0.2 (the Bauschinger shift) and isotropic hardening 0.03 per unit of plastic
    angle; a return mapping at the commanded angle, then the release springs back elastically to the plastic angle,
    less the pile's pull (1% of the retained angle per mm of pile). 1.5 degree scatter of the protractor
    reading. Returns (sequences (n, 6, 5): commanded angle / 100 and the four wire features; retained angles / 100
    (n, 6))."""
    d = 0.3 + 0.3 * torch.rand(n, generator=gen)
    sy = 300 + 600 * torch.rand(n, generator=gen)
    length = 5 + 10 * torch.rand(n, generator=gen)
    pile = 2 + 6 * torch.rand(n, generator=gen)
    hard = 0.05 + 0.15 * torch.rand(n, generator=gen)
    theta_y = torch.rad2deg(2 * sy * length / (200e3 * d))  # degrees (MPa / MPa, mm / mm)
    mag = 20 + 150 * torch.rand(n, PC_BENDS, generator=gen)
    flip = torch.where(torch.rand(n, PC_BENDS, generator=gen) < 0.5, -1.0, 1.0)
    sign = torch.cumprod(flip, 1)
    cmd = mag * sign
    plastic = torch.zeros(n)
    back = torch.zeros(n)
    yld = 1.5 * theta_y
    pull = 1 - 0.01 * pile
    kept = []
    for k in range(PC_BENDS):
        xi = (cmd[:, k] - plastic) - back
        over = (xi.abs() - yld).clamp_min(0)
        dg = over / (1 + hard + 0.03)
        s = torch.sign(xi)
        plastic = plastic + dg * s
        back = back + hard * dg * s
        yld = yld + 0.03 * dg
        kept.append(plastic * pull)
    y = torch.stack(kept, 1) + 1.5 * torch.randn(n, PC_BENDS, generator=gen)
    feats = torch.stack([(d - 0.45) / 0.087, (sy - 600) / 173, (length - 10) / 2.9, (pile - 5) / 1.73], 1)
    x = torch.cat([(cmd / 100).unsqueeze(2), feats.unsqueeze(1).expand(-1, PC_BENDS, -1)], 2)
    return x, y / 100


class BendMemoryGRU(nn.Module):
    """A one-layer GRU over the bends, a linear read-out of the retained angle after each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def bend_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the retained angles (in hundreds of degrees)."""
    return _mse(model, batch)


def pipe_cleaner_bend(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The bend-memory GRU on ``train_size`` sessions; held out: 2048 other sessions in batches of 1024; RMSprop
    (torch's defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(172103)
    x, y = _pc_sessions(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BendMemoryGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": bend_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. welcome-mat dirt load from a photo (Adam)

WM_PX = 16


def _wm_photos(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16 x 16 reflectance photos of a coir welcome mat (walking along x from the threshold edge at x = 0): coir
    0.40-0.50 with bristle rows (a sine of period 4 px across y, amplitude 0.06), a printed band of dark letters
    (reflectance 0.12) in rows 6-9 with random gaps; dirt 5-80 g (log-uniform) laid by footfall, exp(-x / lambda)
    along the walk (lambda 3-10 px: each step scrapes a share off the sole) times a Gaussian lane across (centre 8
    +- 2 px, sd 3-6 px), moisture 0-0.3; a pixel's reflectance R_mat exp(-k m (1 + 1.5 w)) + R_dirt (1 - exp(-k m)),
    R_dirt 0.30 - 0.3 w, k = 1 per g on the pixel; light falling off linearly across the mat (+-20%) and 0.01 pixel
    noise. Returns (images (n, 1, 16, 16), log mass and log capture length lambda (n, 2))."""
    ax = torch.arange(WM_PX).float()
    xx = ax.view(1, 1, -1)  # along the walk
    yy = ax.view(1, -1, 1)  # across
    coir = 0.40 + 0.10 * torch.rand(n, 1, 1, generator=gen)
    rows = 0.06 * torch.sin(2 * math.pi * (yy + 4 * torch.rand(n, 1, 1, generator=gen)) / 4)
    letters = (torch.rand(n, 1, WM_PX, generator=gen) < 0.6).float() * ((yy >= 6) & (yy <= 9)).float()
    r_mat = (coir + rows) * (1 - letters) + 0.12 * letters
    mass = 5 * 16 ** torch.rand(n, generator=gen)
    wet = 0.3 * torch.rand(n, generator=gen)
    lam = 3 + 7 * torch.rand(n, 1, 1, generator=gen)
    centre = 8 + 2 * torch.randn(n, 1, 1, generator=gen)
    sd = 3 + 3 * torch.rand(n, 1, 1, generator=gen)
    lay = torch.exp(-xx / lam) * torch.exp(-0.5 * ((yy - centre) / sd) ** 2)
    m = mass.view(-1, 1, 1) * lay / lay.sum((1, 2), keepdim=True)
    cover = torch.exp(-1.0 * m * (1 + 1.5 * wet.view(-1, 1, 1)))
    r_dirt = (0.30 - 0.3 * wet).view(-1, 1, 1)
    img = r_mat * cover + r_dirt * (1 - torch.exp(-1.0 * m))
    tilt = 0.2 * (2 * torch.rand(n, 1, 1, generator=gen) - 1)
    img = img * (1 + tilt * (xx - 7.5) / 7.5) + 0.01 * torch.randn(n, WM_PX, WM_PX, generator=gen)
    y = torch.stack([torch.log(mass), torch.log(lam.view(-1))], 1)
    return ((img - 0.35) / 0.1).unsqueeze(1), y


class MatCNN(nn.Module):
    """Two 3x3 conv blocks (ReLU, 2x2 max-pool), then an MLP head to the log mass and log capture length."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        c = channels
        self.body = nn.Sequential(nn.Conv2d(1, c // 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(c // 2, c, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(c * 16, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x))


def dirt_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log dirt mass and log capture length."""
    return _mse(model, batch)


def welcome_mat_dirt(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 16) -> dict[str, Any]:
    """The mat CNN on ``train_size`` photos, targets standardised over them; held out: 2048 other photos in batches
    of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(172104)
    x, y = _wm_photos(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MatCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": dirt_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. porch-light motion triggering (Adagrad; long only)

PL_FIELDS = (10, 5, 3, 5, 3, 12, 6)  # sensor model, mounting height, lens, passer-by, direction, month, hour


def _pl_passes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Passes in front of PIR porch lights: 10 sensor models (log sensitivity N(0, 0.4), 2-6 Fresnel zones per
    metre), mountings 1.8, 2.2, 2.5, 3.0, 3.5 m, lens full / half-masked / pet-immune, the passer-by (adult, child,
    dog, cat, car: area 0.7, 0.35, 0.25, 0.06, 3 m2, surface 32, 32, 30, 30, 38 C, height 1.7, 1.2, 0.5, 0.25, 1.4
    m), walking radial / diagonal / tangential (zone crossings x0.25, 0.6, 1), the month (night air -2 to 20 C) and
    the hour (dusk to dawn, the air 0-5 C colder late), distance 1-15 m, speed 0.3-3 m/s. The log signal: log
    sensitivity + log area + log |contrast| - 2 log(distance / 5) + log crossings + a band-pass in the crossing
    frequency (zones x speed x crossings, peak near 1 Hz); the half-mask halves it; the pet-immune lens and high
    mountings cut targets below 0.6 m (more the higher the mounting); beyond the model's range (8-14 m) it
    falls fast. The light switches on with probability sigmoid((log signal + 2) / 0.35). Returns (categoricals
    (n, 7), continuous (n, 2): log distance, speed; switched on (n,) 0 / 1)."""
    cats = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in PL_FIELDS], 1)
    sens = 0.4 * torch.randn(PL_FIELDS[0], generator=gen)
    zones = 2 + 4 * torch.rand(PL_FIELDS[0], generator=gen)
    reach = 8 + 6 * torch.rand(PL_FIELDS[0], generator=gen)
    month_air = 9 - 11 * torch.cos(2 * math.pi * (torch.arange(12).float() - 0.5) / 12)
    hour_drop = torch.tensor([0.0, 1.5, 3.0, 4.0, 5.0, 3.0])
    area = torch.tensor([0.7, 0.35, 0.25, 0.06, 3.0])
    surf = torch.tensor([32.0, 32.0, 30.0, 30.0, 38.0])
    tall = torch.tensor([1.7, 1.2, 0.5, 0.25, 1.4])
    mount = torch.tensor([1.8, 2.2, 2.5, 3.0, 3.5])
    cross = torch.tensor([0.25, 0.6, 1.0])
    dist = torch.exp(math.log(1) + math.log(15) * torch.rand(n, generator=gen))
    speed = 0.3 + 2.7 * torch.rand(n, generator=gen)
    m, h, lens, who, way, mon, hr = cats.unbind(1)
    air = month_air[mon] - hour_drop[hr]
    contrast = (surf[who] - air).abs().clamp_min(0.5)
    freq = zones[m] * speed * cross[way]
    band = -0.5 * torch.log(freq / 1.0) ** 2
    sig = sens[m] + torch.log(area[who]) + torch.log(contrast / 10) - 2 * torch.log(dist / 5) + torch.log(cross[way])
    sig = sig + band - math.log(2) * (lens == 1).float()
    low = torch.sigmoid((0.6 - tall[who]) / 0.1)
    sig = sig - low * (2.0 * (lens == 2).float() + 0.8 * (mount[h] - 1.8))
    sig = sig - 3 * torch.relu(dist - reach[m])
    p = torch.sigmoid((sig + 2.0) / 0.35)
    on = (torch.rand(n, generator=gen) < p).float()
    cont = torch.stack([torch.log(dist) - 1.35, (speed - 1.65) / 0.78], 1)
    return cats, cont, on


class TriggerNet(nn.Module):
    """Entity embeddings of the seven fields (4 each), joined with the log distance and the speed, through a ReLU
    MLP to the switching logit."""

    def __init__(self, dim: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(sum(PL_FIELDS), dim)  # one table, each field at its own offset
        self.register_buffer("offsets", torch.tensor([0, *PL_FIELDS[:-1]]).cumsum(0))
        self.mlp = nn.Sequential(nn.Linear(dim * len(PL_FIELDS) + 2, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        e = torch.cat([self.emb(cats + self.offsets).flatten(1), cont], 1)
        return self.mlp(e).squeeze(1)


def trigger_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the light switching on."""
    cats, cont, on = batch
    return F.binary_cross_entropy_with_logits(model(cats, cont), on)


def porch_light_trigger(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 4,
                        hidden: int = 32) -> dict[str, Any]:
    """The trigger net on ``train_size`` logged passes; held out: 4096 other passes in batches of 1024; Adagrad
    (torch's defaults: lr_decay 0, initial accumulator 0)."""
    gen = torch.Generator().manual_seed(172105)
    cats, cont, on = _pl_passes(train_size + 4096, gen)
    tr = (cats[:train_size], cont[:train_size], on[:train_size])
    torch.manual_seed(seed)
    return {"model": TriggerNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], on[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": trigger_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bottle-warmer milk heating (Adagrad; long only)

BW_FIELDS = (3, 4, 4, 3, 3)  # warmer, bottle material, bottle size, milk, starting state
BW_TIMES = torch.arange(1, 9).float()  # minutes


def _bw_curve(t: torch.Tensor, t0: torch.Tensor, tau1: torch.Tensor, tau2: torch.Tensor,
              t_src: torch.Tensor) -> torch.Tensor:
    """The milk's temperature at times ``t`` (minutes; shape (1, k)): a source at ``t_src`` heating the milk from
    ``t0`` through the wall (time constants tau1 for the milk, tau2 < tau1 for the wall's lag),
    T = t_src - (t_src - t0) (tau1 e^(-t / tau1) - tau2 e^(-t / tau2)) / (tau1 - tau2)."""
    phi = (tau1 * torch.exp(-t / tau1) - tau2 * torch.exp(-t / tau2)) / (tau1 - tau2)
    return t_src - (t_src - t0) * phi


def _bw_warmings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Warmings of a bottle of milk with a probe in its centre: the warmer (water bath: the setpoint 37-45 C held,
    outer film h 400 W/m2 K; bead bath: the setpoint plus 3 C, h 150; warm air: 65 C, h 40), the bottle (glass
    2.5 mm, k 1.0; polypropylene 1.5 mm, k 0.2; silicone 2.5 mm, k 0.2; PPSU 2 mm, k 0.25 W/m K) and its size (60,
    150, 240, 330 ml; the wetted area 0.015 m2 x (volume / 150 ml)^(2/3)), the fill 40-100%, the milk (breast milk,
    formula, cow's: c 3.9, 3.95, 3.85 kJ/kg K; fat slowing the inner natural convection 5-10%, h_in 400 W/m2 K),
    starting from the fridge (4 C), the room (21 C) or just thawed (1 C). UA from the outer film, the wall and the
    inner film in series; tau1 = m c / UA; the wall's lag tau2 from its heat capacity (0.15-0.6 min, 1.5x in warm
    air, kept below 0.8 tau1). 0.3 C probe scatter. Returns (categoricals (n, 5), continuous (n, 3): fill,
    setpoint, start temperature (scaled); the temperature / 10 at 1-8 min (n, 8))."""
    cats = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in BW_FIELDS], 1)
    warmer, mat, size, milk, start = cats.unbind(1)
    fill = 0.4 + 0.6 * torch.rand(n, generator=gen)
    setpoint = 37 + 8 * torch.rand(n, generator=gen)
    h_out = torch.tensor([400.0, 150.0, 40.0])[warmer]
    thick = torch.tensor([2.5, 1.5, 2.5, 2.0])[mat] * 1e-3
    kw = torch.tensor([1.0, 0.2, 0.2, 0.25])[mat]
    lag = torch.tensor([0.35, 0.15, 0.6, 0.3])[mat]
    vol_ml = torch.tensor([60.0, 150.0, 240.0, 330.0])[size] * fill
    c = torch.tensor([3900.0, 3950.0, 3850.0])[milk]
    h_in = 400 * torch.tensor([0.95, 0.92, 0.9])[milk] * (vol_ml / 150) ** 0.1
    area = 0.015 * (vol_ml / 150) ** (2 / 3)
    ua = area / (1 / h_out + thick / kw + 1 / h_in)
    tau1 = (vol_ml * 1e-3 * c / ua) / 60
    tau2 = torch.minimum(lag * (1 + 0.5 * (warmer == 2).float()), 0.8 * tau1)
    t_src = torch.stack([setpoint, setpoint + 3, torch.full((n,), 65.0)], 1).gather(1, warmer.view(-1, 1)).squeeze(1)
    t0 = torch.tensor([4.0, 21.0, 1.0])[start]
    temp = _bw_curve(BW_TIMES.view(1, -1), t0.view(-1, 1), tau1.view(-1, 1), tau2.view(-1, 1), t_src.view(-1, 1))
    temp = temp + 0.3 * torch.randn(n, len(BW_TIMES), generator=gen)
    cont = torch.stack([(fill - 0.7) / 0.17, (setpoint - 41) / 2.3, (t0 - 8.7) / 9.0], 1)
    return cats, cont, temp / 10


class WarmerGreyBox(nn.Module):
    """Entity embeddings (3 each, one table) and the three numbers through a tanh MLP to the heating law's
    parameters (log tau1, the wall lag's share of it, the source temperature), which the fixed curve
    (``_bw_curve``) turns into the 8 temperatures."""

    def __init__(self, dim: int = 3, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(sum(BW_FIELDS), dim)  # one table, each field at its own offset
        self.register_buffer("offsets", torch.tensor([0, *BW_FIELDS[:-1]]).cumsum(0))
        self.mlp = nn.Sequential(nn.Linear(dim * len(BW_FIELDS) + 3, hidden), nn.Tanh(), nn.Linear(hidden, hidden),
                                 nn.Tanh(), nn.Linear(hidden, 3))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        e = torch.cat([self.emb(cats + self.offsets).flatten(1), cont], 1)
        p = self.mlp(e)
        tau1 = torch.exp(p[:, 0:1] + 1.5)
        tau2 = tau1 * 0.8 * torch.sigmoid(p[:, 1:2] - 1)
        t_src = 50 + 20 * p[:, 2:3]
        t0 = cont[:, 2:3] * 9.0 + 8.7
        return _bw_curve(BW_TIMES.view(1, -1), t0, tau1, tau2, t_src) / 10


OPTIMS = {"adagrad": torch.optim.Adagrad, "adam": torch.optim.Adam}  # torch's defaults either way


def warming_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the milk temperatures (tens of C)."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def bottle_warmer_heating(batch_size: int = 32, seed: int = 0, train_size: int = 4096, dim: int = 3,
                          hidden: int = 32, optimizer: str = "adagrad") -> dict[str, Any]:
    """The warmer grey box on ``train_size`` warmings; held out: 2048 other warmings in batches of 1024; Adagrad
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(172106)
    cats, cont, y = _bw_warmings(train_size + 2048, gen)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WarmerGreyBox(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: OPTIMS[optimizer](params, lr=lr), optimizer),
            "loss_fn": warming_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("water_pistol_range_adamw", water_pistol_range, 300, "water_pistol_air_chamber_jet_range_resmlp_ln", "adamw",
      "finite", 128, seconds=0.6, start_lr=0.016),
    W("ashtray_ember_nesterov", ashtray_ember, 300, "ashtray_rest_ember_self_extinguish_cell_cnn1d",
      "sgd_nesterov0.9", "finite", 64, seconds=0.9, start_lr=0.1),
    W("pipe_cleaner_bend_rmsprop", pipe_cleaner_bend, 300, "pipe_cleaner_bend_sequence_memory_gru", "rmsprop",
      "finite", 64, seconds=0.7, start_lr=0.032),
    W("welcome_mat_dirt_adam", welcome_mat_dirt, 300, "welcome_mat_photo_dirt_load_cnn2d", "adam", "finite", 64,
      seconds=1.0, start_lr=0.016),
)
LONG = (
    W("porch_light_trigger_adagrad@long", porch_light_trigger, 3000, "porch_light_pir_motion_trigger_embedding_net",
      "adagrad", "finite", 64, seconds=3.0, start_lr=0.05, grid_fractions=(0.0, 0.05)),
    W("bottle_warmer_heating_adagrad@long", bottle_warmer_heating, 3000,
      "bottle_warmer_milk_heating_curve_embedding_greybox", "adagrad", "finite", 32, seconds=3.0, start_lr=0.2,
      grid_fractions=(0.0, 0.05)),
    W("water_pistol_range_adamw@long", water_pistol_range, 3000, "water_pistol_air_chamber_jet_range_resmlp_ln",
      "adamw", "finite", 64, dict(train_size=8192, width=32, blocks=1), seconds=3.0, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="water_pistol_range_adamw"),
    W("bottle_warmer_heating_adam@long", bottle_warmer_heating, 3000,
      "bottle_warmer_milk_heating_curve_embedding_greybox", "adam", "finite", 32, dict(optimizer="adam"),
      seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam172_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-second exam's workloads")
