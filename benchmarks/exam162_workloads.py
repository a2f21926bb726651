"""The hundred-and-sixty-second exam: six more workload families that neither the suite nor exams 1-158 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam158_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from roller skates and wheel grip, kick scooters and kick propulsion, golf tees
and launch height, cricket bats and the sweet spot, hockey pucks and ice sliding, and paint rollers and paint
coverage (exams 159, 160 and 161 were built at the same time from other domains; their modules were not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam162/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- roller-skate wheel grip (a long plan only): a grey-box model of a slide test rig's lateral friction coefficient
  for a catalogue of urethane wheels on rink and outdoor surfaces; the friction is a hysteresis term (the
  compound's loss peak, excited at the surface's roughness wavelength and shifted by the Williams-Landel-Ferry
  equation with the universal constants about T_g + 50) plus an adhesion term falling with load and hardness;
  the model learns each wheel's glass transition and peak height and each surface's wavelength, amplitude and
  adhesion (sparse, per-id parameters) with a few shared shape constants; MSE of the log coefficient; Adagrad
  (torch's defaults)
- kick-scooter rides: a GRU reads a ride's kick / glide pattern and road grade step by step (with the rider's
  mass, leg force and speed, the wheels and the surface) and predicts the scooter's speed at every step; the
  rides from a push-off force falling linearly with the deck's speed (the foot must move faster than the deck),
  rolling resistance from wheel size, hardness and road roughness, air drag and the grade; MSE of the
  standardised speeds; RMSprop (torch's defaults)
- golf tee height and launch (a long plan only): an embedding net from a launch-monitor session's golfer, driver
  model, ball model and tee type (ids) and the tee height to the ball speed, launch angle and back spin; impact
  height on the face rising with the tee, the vertical gear effect (high impacts launch higher with less spin),
  the attack angle rising with the tee, smash factor falling off the face's centre, the tee's drag; the unseen
  strike scatter as noise; MSE of the standardised outputs; Adagrad (torch's defaults)
- cricket-bat sweet spot: a 1-D CNN from the blade's thickness profile at 32 stations (with the willow's density,
  the swing speed and the ball's speed as constant channels) to the ball's exit speed at 16 impact points along
  the blade; free-body effective mass at the impact point, the apparent coefficient of restitution, the bat's
  speed growing with the distance from the hands and a loss to the first bending mode away from its node; MSE
  of the standardised exit speeds; SGD with Nesterov momentum 0.9
- hockey-puck slides: a small Pre-LN transformer over a tracking system's first 12 frames of a sliding, spinning
  puck (position along the path, tracked spin) and a token of the ice and puck temperatures and the ice's age
  since resurfacing, to the log distance still to slide and the log time to stop; a Coulomb friction that falls
  with speed (melt-water lubrication), rises on warm ice and with a warm puck, and couples translation and spin
  (a spinning puck decelerates less, spin and slide die together); MSE of the standardised logs; AdamW (torch's
  defaults, weight decay 0.01)
- paint-roller coverage: a 2-D CNN from a 16 x 16 reflectance scan of a rolled film across a black / white
  hiding chart to the film's log scattering power (S h), its reflectance at complete hiding and its contrast
  ratio; the film's thickness from the roller's nap and load, its stipple levelled by Orchard's law, a lap mark;
  Kubelka-Munk reflectance of the film over each half of the chart; MSE of the standardised outputs; Adam
  (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the roller-skate and
golf-tee models (no short plans), and lighter versions of the cricket-bat and paint-roller CNNs (no stride-1 stem
convolution, fewer channels; the paint scans at 8 x 8 pixels of 4 mm) on larger pools.

Of the eight plans, two use Adagrad (roller skate, golf tee), two SGD with Nesterov momentum (both cricket-bat
plans), two Adam (both paint-roller plans), one RMSprop (kick scooter) and one AdamW (hockey puck).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam162_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam162/README.md).

    python benchmarks/exam162_workloads.py          # the table
    python benchmarks/exam162_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 162"


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
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. roller-skate wheel grip: a WLF grey-box friction model (Adagrad; long only)

RS_WHEELS = 96
RS_SURFACES = 6  # polished concrete, sport court, maple rink, skatelite, smooth asphalt, coarse asphalt
WLF_C1, WLF_C2 = 8.86, 101.6  # the "universal" constants about T_ref = T_g + 50 (from memory)


def _rs_slides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Lateral slide tests on a rig: a wheel from a catalogue of 96 urethane wheels (hardness 78A-101A as printed,
    the compound's glass transition -50 to -20 C, the loss peak's height) on one of six surfaces (the roughness's
    dominant wavelength 10^-4.6 to 10^-3.2 m, its amplitude, the adhesion the surface allows), at a wheel
    temperature of 10-50 C, a slide speed of 0.02-2 m/s (log-uniform) and a load of 200-700 N. Friction =
    hysteresis + adhesion. Hysteresis: the excitation frequency v / lambda, shifted by WLF, log10 a_T = -C1 (T -
    T_r) / (C2 + T - T_r) with T_r = T_g + 50, against a Gaussian loss peak in log frequency centred by the
    hardness; times the surface's amplitude. Adhesion: falling with load^(1/3), with hardness and with
    temperature. 5% lognormal rig scatter. Returns (wheel ids, surface ids, conditions (n, 4): temperature,
    log10 speed, load, hardness (scaled), log friction coefficient (n, 1))."""
    hard = 78 + 23 * torch.rand(RS_WHEELS, generator=gen)
    tg = -50 + 30 * torch.rand(RS_WHEELS, generator=gen)
    peak = 0.25 + 0.35 * torch.rand(RS_WHEELS, generator=gen)
    lam = torch.tensor([-4.6, -4.3, -4.0, -3.9, -3.5, -3.2])
    amp = torch.tensor([0.55, 0.8, 0.7, 0.9, 1.1, 1.3])
    adh = torch.tensor([1.3, 1.0, 1.1, 0.9, 0.6, 0.45])
    w = torch.randint(0, RS_WHEELS, (n,), generator=gen)
    s = torch.randint(0, RS_SURFACES, (n,), generator=gen)
    temp = 10 + 40 * torch.rand(n, generator=gen)
    logv = -1.7 + 2.0 * torch.rand(n, generator=gen)
    load = 200 + 500 * torch.rand(n, generator=gen)
    x = torch.stack([(temp - 30) / 11.5, (logv + 0.7) / 0.58, (load - 450) / 144, (hard[w] - 89.5) / 6.6], 1)
    mu = _rs_law(x, tg[w] / 10 + 3.5, peak[w].log(), lam[s] + 4, amp[s].log(), adh[s].log(),
                 torch.tensor([0.0, 0.6, -0.4, 1.2, -1.6]))
    y = (mu * torch.exp(0.05 * torch.randn(n, generator=gen))).log().unsqueeze(1)
    return w, s, x, y


def _rs_law(x: torch.Tensor, tg: torch.Tensor, peak: torch.Tensor, lam: torch.Tensor, amp: torch.Tensor,
            adh: torch.Tensor, shape: torch.Tensor) -> torch.Tensor:
    """The friction law in the scaled units the grey-box model uses. ``tg``: T_g / 10 + 3.5 (C); ``peak``: the
    log loss-peak height; ``lam``: log10 of the roughness wavelength + 4; ``amp``, ``adh``: logs of the surface's
    amplitude and adhesion factor; ``shape``: the shared constants (peak position offset, its slope with
    hardness, log width, adhesion's log scale, its slope with hardness)."""
    temp = 30 + 11.5 * x[:, 0]
    logv = -0.7 + 0.58 * x[:, 1]
    load = 450 + 144 * x[:, 2]
    hard_z = x[:, 3]
    t_r = (tg - 3.5) * 10 + 50
    d = temp - t_r
    log_at = -WLF_C1 * d / (WLF_C2 + d)
    freq = logv - (lam - 4) + log_at  # log10 of the shifted excitation frequency (per s)
    centre = 4.0 + shape[0] + shape[1] * hard_z
    width = 1.2 * torch.exp(shape[2])
    hyst = 0.6 * amp.exp() * peak.exp() * torch.exp(-0.5 * ((freq - centre) / width) ** 2)
    adhesion = 0.2 * torch.exp(shape[3] + adh + shape[4] * 0.25 * hard_z) * (load / 450) ** (-1 / 3) \
        * torch.exp(-0.012 * (temp - 30))
    return hyst + adhesion


class WheelGripModel(nn.Module):
    """The grey-box slide-rig model: per-wheel T_g and loss-peak height, per-surface wavelength, amplitude and
    adhesion (embedding tables, one number each), shared shape constants, the WLF / loss-peak / adhesion law."""

    def __init__(self) -> None:
        super().__init__()
        self.tg = nn.Embedding(RS_WHEELS, 1)
        self.peak = nn.Embedding(RS_WHEELS, 1)
        self.lam = nn.Embedding(RS_SURFACES, 1)
        self.amp = nn.Embedding(RS_SURFACES, 1)
        self.adh = nn.Embedding(RS_SURFACES, 1)
        for e in (self.tg, self.peak, self.lam, self.amp, self.adh):
            nn.init.normal_(e.weight, 0.0, 0.1)
        self.shape = nn.Parameter(torch.zeros(5))

    def forward(self, w: torch.Tensor, s: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        mu = _rs_law(x, self.tg(w)[:, 0], self.peak(w)[:, 0] - 1.0, self.lam(s)[:, 0], self.amp(s)[:, 0],
                     self.adh(s)[:, 0], self.shape)
        return mu.clamp_min(1e-4).log().unsqueeze(1)


def roller_skate_grip(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The grey-box grip model on 4096 slide tests; held out: 2048 other tests in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(162101)
    w, s, x, y = _rs_slides(train_size + 2048, gen)
    tr = (w[:train_size], s[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WheelGripModel(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((w[train_size:], s[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. kick-scooter rides: speed from the kick pattern (GRU, RMSprop)

KS_STEPS = 24
KS_DT = 0.25


def _ks_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rides of 6 s (24 steps of 0.25 s): the rider (with the scooter 45-105 kg), the leg's push force at rest
    (150-400 N) and the foot's top speed (4-7 m/s), the wheels' diameter (100-230 mm) and hardness (78A-90A), the
    road's roughness (smooth concrete 0 to coarse asphalt 1), the start speed (0.5-3 m/s); the kicks every 0.9-1.6
    s for 0.25-0.5 s (a kick skipped with probability 0.2: a glide), the grade a smooth random profile within about
    +-3%. Per step: the push F0 (1 - v / v_foot) while the foot is down, rolling resistance C_rr m g with C_rr =
    0.004 + 0.018 roughness (100 mm / D)^0.8 (a softer wheel rolls better on a rough road), the grade's m g s, air
    drag 0.5 rho C_d A v^2 (C_d A 0.45 m2); 5 sub-steps. A phone GPS's speed noise, 0.15 m/s. Returns (inputs (n, 24,
    9): kick, grade, the six ride constants repeated and the first GPS speed on the first step, speeds (n, 24))."""
    mass = 45 + 60 * torch.rand(n, 1, generator=gen)
    f0 = 150 + 250 * torch.rand(n, 1, generator=gen)
    vfoot = 4 + 3 * torch.rand(n, 1, generator=gen)
    dia = 100 + 130 * torch.rand(n, 1, generator=gen)
    hard = 78 + 12 * torch.rand(n, 1, generator=gen)
    rough = torch.rand(n, 1, generator=gen)
    v = 0.5 + 2.5 * torch.rand(n, 1, generator=gen)
    period = 0.9 + 0.7 * torch.rand(n, 1, generator=gen)
    contact = 0.25 + 0.25 * torch.rand(n, 1, generator=gen)
    phase = period * torch.rand(n, 1, generator=gen)
    t = torch.arange(KS_STEPS).float().view(1, -1) * KS_DT
    cycle = torch.floor((t + phase) / period)
    skip = torch.rand(n, 8, generator=gen) < 0.2
    skipped = torch.gather(skip, 1, cycle.long().clamp_max(7))
    kick = (((t + phase) % period) < contact) & ~skipped
    kick = kick.float()
    c = torch.randn(n, 3, generator=gen)
    grade = 0.015 * (c[:, :1] + c[:, 1:2] * torch.sin(t / 1.5 + c[:, 2:3]))
    crr = 0.004 + 0.018 * rough * (100 / dia) ** 0.8 * (1 - 0.3 * (90 - hard) / 12)
    speeds = []
    for k in range(KS_STEPS):
        for _ in range(5):
            push = kick[:, k : k + 1] * f0 * (1 - v / vfoot).clamp_min(0)
            acc = push / mass - 9.81 * (crr + grade[:, k : k + 1]) - 0.5 * 1.2 * 0.45 * v**2 / mass
            v = (v + KS_DT / 5 * acc).clamp_min(0)
        speeds.append(v)
    y = torch.cat(speeds, 1) + 0.15 * torch.randn(n, KS_STEPS, generator=gen)
    static = torch.cat([(mass - 75) / 17, (f0 - 275) / 72, (vfoot - 5.5) / 0.87, (dia - 165) / 37.5,
                        (hard - 84) / 3.5, (rough - 0.5) / 0.29], 1)
    x = torch.cat([kick.unsqueeze(2), (grade / 0.015).unsqueeze(2), static.unsqueeze(1).expand(-1, KS_STEPS, -1)], 2)
    # the start speed is known (the first GPS reading): given as the first step's extra channel
    first = torch.zeros(n, KS_STEPS, 1)
    first[:, 0, 0] = y[:, 0] - 1.75
    return torch.cat([x, first], 2), y


class RideGRU(nn.Module):
    """A GRU over the ride's steps and a linear read-out of the speed at each step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)[..., 0]


def kick_scooter(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The ride GRU on 2048 rides, speeds standardised over them (one mean and sd); held out: 2048 other rides in
    batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(162102)
    x, y = _ks_rides(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RideGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. golf tee height and launch: an embedding net (Adagrad; long only)

GT_GOLFERS, GT_DRIVERS, GT_BALLS, GT_TEES = 160, 24, 10, 4  # tees: wood, plastic, brush, castle


def _gt_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Driver shots on a launch monitor. Golfers: club speed 35-52 m/s, attack angle -4 to +4 degrees, where they
    strike the face (-5 to +5 mm of the centre at a 45 mm tee) and how much it scatters (1-3 mm). Drivers: loft
    8-12.5 degrees, the centre of gravity's height (-2 to +2 mm), a gear-effect constant (35-70 rpm a mm), a COR
    of 0.80-0.83. Balls: a spin factor (0.9-1.1) and a speed factor. Tees: wood, plastic, brush, castle (drag
    factors 1.0, 0.6, 0.25, 0.5). The tee height 20-70 mm moves the strike up the face (0.3 mm a mm) and the attack
    angle up (0.05 degrees a mm). Ball speed: the club speed times a smash factor (1 + COR) / (1 + m / M) falling
    quadratically off the centre, less the tee's drag; launch: 0.8 of the dynamic loft (loft + 0.6 attack) plus
    0.25 degrees a mm above the CG (vertical gear effect); back spin 400 v sin(loft - attack) times the ball, less
    the gear constant times the mm above the CG. The unseen strike and attack scatter per shot, and the monitor's
    noise (0.25 m/s, 0.2 degrees, 60 rpm). Returns (ids (n, 4), tee height (n, 1) scaled, outputs (n, 3): ball
    speed (m/s), launch (deg), back spin (krpm))."""
    g_speed = 35 + 17 * torch.rand(GT_GOLFERS, generator=gen)
    g_attack = -4 + 8 * torch.rand(GT_GOLFERS, generator=gen)
    g_strike = -5 + 10 * torch.rand(GT_GOLFERS, generator=gen)
    g_scatter = 1 + 2 * torch.rand(GT_GOLFERS, generator=gen)
    d_loft = 8 + 4.5 * torch.rand(GT_DRIVERS, generator=gen)
    d_cg = -2 + 4 * torch.rand(GT_DRIVERS, generator=gen)
    d_gear = 35 + 35 * torch.rand(GT_DRIVERS, generator=gen)
    d_cor = 0.80 + 0.03 * torch.rand(GT_DRIVERS, generator=gen)
    b_spin = 0.9 + 0.2 * torch.rand(GT_BALLS, generator=gen)
    b_speed = 0.99 + 0.02 * torch.rand(GT_BALLS, generator=gen)
    t_drag = torch.tensor([1.0, 0.6, 0.25, 0.5])
    g = torch.randint(0, GT_GOLFERS, (n,), generator=gen)
    d = torch.randint(0, GT_DRIVERS, (n,), generator=gen)
    b = torch.randint(0, GT_BALLS, (n,), generator=gen)
    t = torch.randint(0, GT_TEES, (n,), generator=gen)
    height = 20 + 50 * torch.rand(n, generator=gen)
    speed = g_speed[g] * (1 + 0.01 * torch.randn(n, generator=gen))
    strike = g_strike[g] + 0.3 * (height - 45) + g_scatter[g] * torch.randn(n, generator=gen)
    attack = g_attack[g] + 0.05 * (height - 45) + 0.5 * torch.randn(n, generator=gen)
    above = strike - d_cg[d]
    smash = (1 + d_cor[d]) / (1 + 0.0459 / 0.2) * (1 - 0.0006 * strike**2) * b_speed[b]
    ball = speed * smash * (1 - 0.004 * t_drag[t] * height / 45)
    launch = 0.8 * (d_loft[d] + 0.6 * attack) + 0.25 * above
    spin = 400 * speed * torch.sin(torch.deg2rad(d_loft[d] - attack)) * b_spin[b] - d_gear[d] * above
    y = torch.stack([ball + 0.25 * torch.randn(n, generator=gen), launch + 0.2 * torch.randn(n, generator=gen),
                     (spin + 60 * torch.randn(n, generator=gen)) / 1000], 1)
    return torch.stack([g, d, b, t], 1), ((height - 45) / 14.4).unsqueeze(1), y


class LaunchEmbeddingNet(nn.Module):
    """Embeddings of the golfer (8), driver (4), ball (2) and tee (2), with the tee height, into a ReLU MLP."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.golfer = nn.Embedding(GT_GOLFERS, 8)
        self.driver = nn.Embedding(GT_DRIVERS, 4)
        self.ball = nn.Embedding(GT_BALLS, 2)
        self.tee = nn.Embedding(GT_TEES, 2)
        self.net = nn.Sequential(nn.Linear(17, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, ids: torch.Tensor, height: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.golfer(ids[:, 0]), self.driver(ids[:, 1]), self.ball(ids[:, 2]), self.tee(ids[:, 3]),
                       height], 1)
        return self.net(z)


def golf_tee_launch(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The launch embedding net on 8192 shots, outputs standardised over them; held out: 2048 other shots in
    batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(162103)
    ids, h, y = _gt_shots(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], h[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LaunchEmbeddingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], h[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. cricket-bat sweet spot: exit speed along the blade (1-D CNN, SGD with Nesterov momentum)

CB_STATIONS = 32
CB_POINTS = 16


def _cb_bats(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bats (blade 0.56 m, 108 mm wide, handle 0.30 m of 0.20 kg held 0.22 m above the shoulder): the blade's
    thickness at 32 stations from the toe, an edge-to-spine profile (toe 30-45 mm, a spine peak of 55-68 mm whose
    position runs 0.15-0.50 of the blade from the toe and whose width varies, the shoulder tapering); willow
    density 380-520 kg/m3 (a fill factor of 0.62 for the bowed back); the swing speed at 0.75 m from the hands
    18-32 m/s; the ball's speed 20-40 m/s (0.16 kg). At each of 16 impact points along the blade: the free-body
    effective mass 1 / (1 / M + b^2 / I_cm), the apparent coefficient of restitution e_A = (e M_eff - m) /
    (M_eff + m) with e 0.52, less a loss to the first bending mode (its node placed by the mass distribution,
    about a third of the blade from the toe) growing with the mode shape squared, the bat's speed growing with the
    distance from the hands; exit speed e_A v_ball + (1 + e_A) v_bat. 1.5% speed-gun scatter. Returns (channels
    (n, 4, 32): thickness, density, swing and ball speed, exit speeds (n, 16))."""
    length = 0.56
    s = (torch.arange(CB_STATIONS).float() + 0.5) / CB_STATIONS  # fraction of the blade from the toe
    toe = 30 + 15 * torch.rand(n, 1, generator=gen)
    spine = 55 + 13 * torch.rand(n, 1, generator=gen)
    pos = 0.15 + 0.35 * torch.rand(n, 1, generator=gen)
    width = 0.12 + 0.2 * torch.rand(n, 1, generator=gen)
    shoulder = 40 + 8 * torch.rand(n, 1, generator=gen)
    base = toe + (shoulder - toe) * s
    thick = base + (spine - base) * torch.exp(-0.5 * ((s - pos) / width) ** 2)
    thick = thick * (1 + 0.02 * torch.randn(n, CB_STATIONS, generator=gen)).clamp_min(0.9)
    rho = 380 + 140 * torch.rand(n, 1, generator=gen)
    swing = 18 + 14 * torch.rand(n, 1, generator=gen)
    vball = 20 + 20 * torch.rand(n, 1, generator=gen)
    ds = length / CB_STATIONS
    m_i = rho * 0.108 * thick / 1000 * ds * 0.62
    r_i = 0.22 + length * (1 - s)  # distance from the hands
    m_h, r_h = 0.20, 0.08
    mass = m_i.sum(1, keepdim=True) + m_h
    r_cm = ((m_i * r_i).sum(1, keepdim=True) + m_h * r_h) / mass
    i_cm = (m_i * (r_i - r_cm) ** 2).sum(1, keepdim=True) + m_h * (r_h - r_cm) ** 2 + mass * 0.02**2
    sp = (torch.arange(CB_POINTS).float() + 0.5) / CB_POINTS * 0.9 + 0.05
    r_p = 0.22 + length * (1 - sp)
    m_eff = 1 / (1 / mass + (r_p - r_cm) ** 2 / i_cm)
    ea = (0.52 * m_eff - 0.16) / (m_eff + 0.16)
    node = 0.33 + 0.4 * (pos - 0.3) - 0.004 * (toe - 37)
    mode = torch.sin(3.4 * (sp - node))
    ea = ea - 0.22 * mode**2 * (1 + 0.5 * (rho - 450) / 70)
    vbat = swing * r_p / 0.75
    exit_speed = ea * vball + (1 + ea) * vbat
    y = exit_speed * (1 + 0.015 * torch.randn(n, CB_POINTS, generator=gen))
    x = torch.stack([(thick - 48) / 9, ((rho - 450) / 40).expand(-1, CB_STATIONS),
                     ((swing - 25) / 4).expand(-1, CB_STATIONS), ((vball - 30) / 5.8).expand(-1, CB_STATIONS)], 1)
    return x, y


class SweetSpotCNN(nn.Module):
    """A 1-D CNN over the blade's stations: a stride-1 ReLU convolution (``stem``; the long plan's lighter net
    drops it), two stride-2 ReLU convolutions, a linear read-out of the 16 exit speeds."""

    def __init__(self, channels: int = 16, stem: bool = True) -> None:
        super().__init__()
        first = [nn.Conv1d(4, channels, 5, padding=2), nn.ReLU()] if stem else []
        self.conv = nn.Sequential(
            *first, nn.Conv1d(channels if stem else 4, channels, 5, stride=2, padding=2), nn.ReLU(),
            nn.Conv1d(channels, channels, 3, stride=2, padding=1), nn.ReLU())
        self.head = nn.Linear(channels * CB_STATIONS // 4, CB_POINTS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def cricket_bat(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 16,
                stem: bool = True) -> dict[str, Any]:
    """The sweet-spot CNN on 2048 bats, exit speeds standardised over them (one mean and sd); held out: 2048 other
    bats in batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(162104)
    x, y = _cb_bats(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SweetSpotCNN(channels, stem), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. hockey-puck slides from tracking frames (Pre-LN transformer, AdamW)

HP_FRAMES = 12
HP_RADIUS = 0.0381


def _hp_slides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pucks sliding to a stop, tracked at 10 frames a second: the start speed 1.5-5 m/s, spin 0-12 turns a second;
    the ice at -9 to -3 C, 0-60 minutes after resurfacing (rougher later), the puck's temperature -12 to +5 C
    (frozen pucks slide better). Coulomb friction mu = mu_0 (v / 1 m/s)^-0.2 (melt-water lubrication at speed),
    mu_0 rising on warmer ice, with the ice's age and with the puck's temperature. Translation and spin coupled
    through eps = omega R / v: dv/dt = -mu g / sqrt(1 + 0.9 eps^2), domega/dt = -(mu g / R) 1.6 eps / sqrt(eps^2 +
    1.4) (a spinning puck decelerates less; eps drifts to a fixed point and both stop together; shapes invented,
    after the sliding-and-spinning-disc results as remembered). Time steps of 0.025 s. Observed: the path
    position at the first 12 frames (1 cm tracking noise) and the tracked spin (10% noise). Targets: log of the
    distance still to slide after the 12th frame and log of the time to stop, as the tracker logs the stop (1.5%
    scatter on each). Returns (frames (n, 12, 3): time,
    position, spin; conditions (n, 3); targets (n, 2))."""
    v = 1.5 + 3.5 * torch.rand(n, generator=gen)
    om = 2 * math.pi * 12 * torch.rand(n, generator=gen)
    t_ice = -9 + 6 * torch.rand(n, generator=gen)
    age = 60 * torch.rand(n, generator=gen)
    t_puck = -12 + 17 * torch.rand(n, generator=gen)
    mu0 = 0.035 * (1 + 0.06 * (t_ice + 6)) * (1 + 0.004 * age) * (1 + 0.025 * (t_puck + 4))
    dt, g = 0.025, 9.81
    x = torch.zeros(n)
    t_stop = torch.full((n,), math.inf)
    frames_x, frames_w = [], []
    for k in range(1000):
        if k % 4 == 0 and k // 4 < HP_FRAMES:
            frames_x.append(x.clone())
            frames_w.append(om.clone())
        moving = v > 0
        if not moving.any() and k // 4 >= HP_FRAMES:
            break
        vv = v.clamp_min(1e-3)
        eps = om * HP_RADIUS / vv
        mu = mu0 * vv.clamp_min(0.05) ** -0.2
        dv = mu * g / torch.sqrt(1 + 0.9 * eps**2)
        dw = mu * g / HP_RADIUS * 1.6 * eps / torch.sqrt(eps**2 + 1.4)
        v_new = (v - dt * dv).clamp_min(0)
        om = torch.where(v_new > 0, (om - dt * dw).clamp_min(0), torch.zeros_like(om))
        x = x + dt * 0.5 * (v + v_new)
        just = moving & (v_new <= 0)
        t_stop = torch.where(just, torch.full_like(t_stop, (k + 1) * dt), t_stop)
        v = v_new
    seen = (HP_FRAMES - 1) * 0.1
    remain = (x - frames_x[-1]).clamp_min(1e-3)
    left = (t_stop - seen).clamp_min(0.05)
    pos = torch.stack(frames_x, 1) + 0.01 * torch.randn(n, HP_FRAMES, generator=gen)
    spin = torch.stack(frames_w, 1) / (2 * math.pi) * (1 + 0.1 * torch.randn(n, HP_FRAMES, generator=gen))
    tt = torch.arange(HP_FRAMES).float().view(1, -1).expand(n, -1) * 0.1
    frames = torch.stack([(tt - 0.55) / 0.35, (pos - pos[:, :1]) / 2.0, spin / 6 - 1], 2)
    cond = torch.stack([(t_ice + 6) / 1.7, (age - 30) / 17, (t_puck + 3.5) / 4.9], 1)
    y = torch.stack([remain.log(), left.log()], 1) + 0.015 * torch.randn(n, 2, generator=gen)
    return frames, cond, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block, attention written out (one fused QKV projection, torch's
    ``scaled_dot_product_attention``): x + attn(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.out = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d)
        x = x + self.out(a)
        return x + self.mlp(self.ln2(x))


class PuckTracker(nn.Module):
    """Frame tokens (a linear embedding plus a learned position) and a conditions token, two Pre-LN blocks, a
    final LayerNorm, mean pooling and a linear head to the two log targets."""

    def __init__(self, d: int = 24, heads: int = 2, blocks: int = 2) -> None:
        super().__init__()
        self.frame = nn.Linear(3, d)
        self.cond = nn.Linear(3, d)
        self.pos = nn.Parameter(torch.randn(1, HP_FRAMES + 1, d) * 0.02)
        self.blocks = nn.ModuleList(PreLNBlock(d, heads, 2 * d) for _ in range(blocks))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, 2)

    def forward(self, frames: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        x = torch.cat([self.cond(cond).unsqueeze(1), self.frame(frames)], 1) + self.pos
        for b in self.blocks:
            x = b(x)
        return self.head(self.ln(x).mean(1))


def hockey_puck(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d: int = 24) -> dict[str, Any]:
    """The puck tracker on 4096 slides, targets standardised over them; held out: 2048 other slides in batches of
    1024; AdamW (torch's defaults: weight decay 0.01)."""
    gen = torch.Generator().manual_seed(162105)
    frames, cond, y = _hp_slides(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (frames[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PuckTracker(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((frames[train_size:], cond[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. paint-roller coverage on a hiding chart (2-D CNN, Adam)

PR_SIZE = 16


def _km_reflectance(sh: torch.Tensor, r_inf: torch.Tensor, r_g: torch.Tensor) -> torch.Tensor:
    """Kubelka-Munk: the reflectance of a film of scattering power S h over a background of reflectance r_g, for
    a paint whose reflectance at complete hiding is r_inf."""
    e = torch.exp(sh * (1 / r_inf - r_inf))
    num = (r_g - r_inf) / r_inf - r_inf * (r_g - 1 / r_inf) * e
    den = (r_g - r_inf) - (r_g - 1 / r_inf) * e
    return num / den


def _pr_scans(n: int, gen: torch.Generator, size: int = PR_SIZE) -> tuple[torch.Tensor, torch.Tensor]:
    """A roller pass over a black / white hiding chart (black R_g 0.05 on the left half, white 0.80 on the right),
    scanned at 16 x 16 pixels of 2 mm (or 8 x 8 of 4 mm; the rolling direction down the columns). The paint:
    scattering S 0.03-0.12 per um, K / S 0.002-0.05 (R_inf = 1 + K/S - sqrt((K/S)^2 + 2 K/S)), viscosity 0.3-3
    Pa s, surface tension 30 mN/m. The roller: nap 5-20 mm, its load of paint and the pressure setting the wet
    film 30-90 um (log-uniform); the stipple three waves down the rolling direction, wavelengths rising with the
    nap (2-8 mm), amplitudes 0.1-0.4 of the film rising with the nap, each levelled by Orchard's law, exp(-t sigma
    h^3 k^4 / (3 eta)) over 5-40 s before the film sets; a lap mark (a 6 mm band of 1.6x film) in half the
    scans; a little random texture. Reflectance per pixel by Kubelka-Munk over the chart, 0.004 noise. Targets:
    log S h of the mean film, R_inf and the contrast ratio (the reflectance over black over that over white) of
    the mean film. Returns (scans (n, 1, size, size), targets (n, 3))."""
    s = 0.03 + 0.09 * torch.rand(n, 1, 1, generator=gen)
    ks = torch.exp(math.log(0.002) + math.log(25) * torch.rand(n, 1, 1, generator=gen))
    r_inf = 1 + ks - torch.sqrt(ks**2 + 2 * ks)
    eta = torch.exp(math.log(0.3) + math.log(10) * torch.rand(n, 1, 1, generator=gen))
    nap = 5 + 15 * torch.rand(n, 1, 1, generator=gen)
    h0 = torch.exp(math.log(30) + math.log(3) * torch.rand(n, 1, 1, generator=gen))  # um
    t_set = 5 + 35 * torch.rand(n, 1, 1, generator=gen)
    pix = 32.0 / size
    y_mm = torch.arange(size).float().view(1, -1, 1) * pix
    ripple = torch.zeros(n, size, 1)
    amp_total = torch.zeros(n, 1, 1)
    for j in range(3):
        lam = (2 + 6 * (nap - 5) / 15) * (0.7 + 0.6 * torch.rand(n, 1, 1, generator=gen))  # mm
        k = 2 * math.pi / (lam * 1e-3)
        level = torch.exp(-t_set * 0.03 * (h0 * 1e-6) ** 3 * k**4 / (3 * eta))
        a = (0.1 + 0.3 * torch.rand(n, 1, 1, generator=gen)) * (0.6 + 0.8 * (nap - 5) / 15) * level / 2
        ripple = ripple + a * torch.sin(2 * math.pi * y_mm / lam + 2 * math.pi * torch.rand(n, 1, 1, generator=gen))
        amp_total = amp_total + a
    h = h0 * (1 + ripple + 0.03 * torch.randn(n, size, size, generator=gen))
    lap = (torch.rand(n, 1, 1, generator=gen) < 0.5).float()
    start = torch.rand(n, 1, 1, generator=gen) * 26  # mm
    rows = torch.arange(size).view(1, -1, 1) * pix
    band = ((rows >= start) & (rows < start + 6)).float() * lap
    h = (h * (1 + 0.6 * band)).clamp_min(1.0)
    r_g = torch.cat([torch.full((1, 1, size // 2), 0.05), torch.full((1, 1, size // 2), 0.80)], 2)
    refl = _km_reflectance(s * h, r_inf, r_g) + 0.004 * torch.randn(n, size, size, generator=gen)
    cr = _km_reflectance(s * h0, r_inf, torch.tensor(0.05)) / _km_reflectance(s * h0, r_inf, torch.tensor(0.80))
    y = torch.stack([(s * h0).log().view(-1), r_inf.view(-1), cr.view(-1)], 1)
    return ((refl - 0.6) / 0.2).unsqueeze(1), y


class ChartCNN(nn.Module):
    """A 2-D CNN over the scan: a stride-1 ReLU convolution (``stem``; the long plan's lighter net drops it), two
    stride-2 ReLU convolutions and a linear head on the flattened map (a quarter of the scan's side; the chart's
    halves stay where they are)."""

    def __init__(self, channels: int = 8, stem: bool = True, size: int = PR_SIZE) -> None:
        super().__init__()
        first = [nn.Conv2d(1, channels, 3, padding=1), nn.ReLU()] if stem else []
        self.conv = nn.Sequential(
            *first, nn.Conv2d(channels if stem else 1, 2 * channels, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(2 * channels, 2 * channels, 3, stride=2, padding=1), nn.ReLU())
        self.head = nn.Linear(2 * channels * (size // 4) ** 2, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def paint_roller(batch_size: int = 32, seed: int = 0, train_size: int = 4096, channels: int = 8,
                 stem: bool = True, size: int = PR_SIZE) -> dict[str, Any]:
    """The chart CNN on 4096 scans, targets standardised over them; held out: 2048 other scans in batches of 1024;
    Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(162106)
    x, y = _pr_scans(train_size + 2048, gen, size)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChartCNN(channels, stem, size), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("kick_scooter_rmsprop", kick_scooter, 300, "kick_scooter_push_glide_speed_trace_gru", "rmsprop", "finite", 32,
      seconds=1.0, start_lr=0.032),
    W("cricket_bat_nesterov", cricket_bat, 300, "cricket_bat_profile_sweet_spot_exit_speed_cnn1d", "sgd_nesterov0.9",
      "finite", 32, seconds=0.5, start_lr=0.2),
    W("hockey_puck_adamw", hockey_puck, 300, "hockey_puck_spin_slide_tracking_preln_transformer", "adamw", "finite",
      32, seconds=1.0, start_lr=0.016),
    W("paint_roller_adam", paint_roller, 300, "paint_roller_hiding_chart_kubelka_orchard_cnn2d", "adam", "finite",
      32, seconds=0.8, start_lr=0.032),
)
LONG = (
    W("roller_skate_grip_adagrad@long", roller_skate_grip, 3000, "roller_skate_wheel_slide_grip_wlf_greybox",
      "adagrad", "finite", 32, seconds=3.0, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("golf_tee_launch_adagrad@long", golf_tee_launch, 3000, "golf_tee_height_gear_effect_launch_embedding_net",
      "adagrad", "finite", 32, seconds=2.0, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("cricket_bat_nesterov@long", cricket_bat, 3000, "cricket_bat_profile_sweet_spot_exit_speed_cnn1d",
      "sgd_nesterov0.9", "finite", 32, dict(train_size=8192, channels=8, stem=False), seconds=3.0, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="cricket_bat_nesterov"),
    W("paint_roller_adam@long", paint_roller, 3000, "paint_roller_hiding_chart_kubelka_orchard_cnn2d", "adam",
      "finite", 64, dict(train_size=8192, channels=4, stem=False, size=8), seconds=3.0, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="paint_roller_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam162_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-second exam's workloads")
