"""The hundred-and-sixty-seventh exam: six more workload families that neither the suite nor exams 1-164 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam164_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from mudguards and spray throw, binoculars and hand shake, easels and canvas
wobble, curling irons and hair set, crowbars and prying leverage, and lilos and wind drift (exams 165, 166 and 168
were built at the same time from other domains; their modules were not opened). What was checked to make them new,
and what was tried and dropped, is in ``benchmarks/results/exam167/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- binocular hand shake (short): a 1-D CNN reads a handheld binocular's two-axis gyro trace (0.64 s at 100 Hz:
  physiological tremor, postural sway, breathing, sensor noise) and the magnification, and predicts the observer's
  object-space visual acuity and the RMS retinal image speed; the law: retinal image speed = magnification x (the
  binocular's angular velocity less the eye's pursuit of its slow part), the minimum angle of resolution growing
  with retinal image speed above ~3 deg/s (dynamic visual acuity); MSE of the standardised outputs; AdamW
  (torch's defaults, weight decay 1e-2)
- curling-iron hair set and its humidity drop (short and long): an MLP reads 12 hours of room humidity and
  temperature (flattened) with the styling (barrel temperature and diameter, dwell time, the hair's diameter,
  porosity and moisture, a setting spray) and predicts the curl retention after each hour; the set from heating
  the tress above keratin's moisture-dependent glass transition (Fox's equation), the fall of the set first-order
  with a rate rising with the hair's water content (an isotherm of the humidity), the spray slowing it; MSE;
  RMSprop (torch's defaults)
- easel canvas wobble (short): a causal Post-LN transformer reads a painter's 16 brush strokes (gap, force, height
  on the canvas, dab or sweep) with the easel (H-frame, lyre, field tripod, table; the canvas's mass and size and
  the clamp height) and predicts the RMS wobble amplitude of the canvas's top edge after each stroke; the law:
  each stroke's impulse rings the easel's first mode (a damped oscillator whose stiffness falls with the clamp
  height cubed), the irregularly timed ring-downs adding in energy (random phases); MSE of the log amplitudes;
  Adam with the transformer's betas (0.9, 0.98) and eps 1e-9
- crowbar nail pulling (short and long): a residual MLP with LayerNorm from the bar (length, heel radius, a
  fulcrum block), the nail (diameter, penetration, smooth / ring / screw / cement-coated shank), the wood (specific
  gravity, seasoned or green, age) to the log peak hand force, the log work of the pull and the log1p dent under
  the heel; nail withdrawal from the Wood Handbook's form (54.12 G^2.5 D per mm), the lever ratio of the claw at the
  start of the pull, the heel's crushing of the wood perpendicular to the grain; MSE of the standardised outputs;
  SGD with Nesterov momentum 0.9
- mudguard spray throw (a long plan only): an embedding net over the tyre model, the mudguard model and the bike
  (sparse ids) with the speed and the road's water film predicts the log spray on the rider's back, on a following
  rider and on the drivetrain; the law: water picked up by the tread leaves the tyre tangentially (its release
  angle distribution moving earlier with speed), ballistic flight in the bike's frame, caught where the guard
  covers the arc; MSE of the logs; Adagrad (torch's defaults)
- lilo wind drift (a long plan only): a grey-box net with embeddings of the beach, the lilo model and the rider's
  posture predicts the drift velocity (offshore, alongshore) from the wind; the law: a quadratic drag balance,
  drift speed = wind x sqrt(rho_a C_a A_air / (rho_w C_w A_water)), areas from the lilo's freeboard and draft (its
  inflation and the rider's mass) and the posture, a downwind divergence angle per lilo, a local wind factor and
  a current per beach; MSE of the velocities; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the mudguard and lilo
nets (no short plans, Adagrad), the curling-iron MLP on 8192 days instead of 1024 (32 units a layer instead of 64,
batch 64 instead of 128) and the crowbar net on 8192 pulls instead of 4096 (one residual block of width 32 instead
of two of 48, batch 32 instead of 128).

Of the eight plans, two use Adagrad (mudguard, lilo; both long), two SGD with Nesterov momentum (both crowbar
plans), two RMSprop (both curling-iron plans), one AdamW (binoculars) and one Adam (easel).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam167_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam167/README.md).

    python benchmarks/exam167_workloads.py          # the table
    python benchmarks/exam167_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 167"


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
# 1. binocular hand shake: a 1-D CNN over the gyro trace (AdamW)

BN_SAMPLES = 64  # 0.64 s at 100 Hz


def _bn_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Handheld viewing through binoculars: magnification 6-15x, the binocular's mass 0.3-1.3 kg, posture (standing
    free, elbows braced, resting on a rail: sway 1, 0.45, 0.15). The gyro (pitch, yaw; deg/s): physiological tremor
    at 8-12 Hz (amplitude falling with the mass, the heavier glass damping the hands), postural sway at 0.4-1.5 Hz,
    breathing at 0.2-0.35 Hz, 0.05 deg/s sensor noise. The eye pursues the slow part of the image motion (an
    exponential smoother, time constant 0.12 s, gain 0.9); retinal image speed = magnification x the rest. The
    minimum angle of resolution (arcmin) 1.0 sqrt(1 + (s / 3 deg/s)^2), s averaged over 40 ms windows (the eye's
    integration time); object-space acuity = magnification x the mean of 1 / MAR (in 1/arcmin), reported as its
    log10, and the log10 RMS retinal image speed. 8% observer scatter on the acuity, 0.04 on the log RMS. Returns
    (traces (n, 3, 64): pitch, yaw (deg/s / 2) and log2 magnification; outputs (n, 2))."""
    mag = 6 + 9 * torch.rand(n, 1, generator=gen)
    mass = 0.3 + 1.0 * torch.rand(n, 1, generator=gen)
    posture = torch.randint(0, 3, (n,), generator=gen)
    sway_k = torch.tensor([1.0, 0.45, 0.15])[posture].view(-1, 1)
    t = torch.arange(BN_SAMPLES).float().view(1, -1) / 100
    axes = []
    for amp_axis in (1.0, 0.7):
        f_t = 8 + 4 * torch.rand(n, 1, generator=gen)
        a_t = (1.4 * amp_axis * (0.5 / mass) ** 0.6 * (0.7 + 0.6 * torch.rand(n, 1, generator=gen))
               * (0.6 + 0.4 * sway_k))
        f_s = 0.4 + 1.1 * torch.rand(n, 1, generator=gen)
        a_s = 2.5 * amp_axis * sway_k * (0.5 + torch.rand(n, 1, generator=gen))
        f_b = 0.2 + 0.15 * torch.rand(n, 1, generator=gen)
        ph = 2 * math.pi * torch.rand(n, 3, generator=gen)
        w = (a_t * torch.sin(2 * math.pi * f_t * t + ph[:, :1]) + a_s * torch.sin(2 * math.pi * f_s * t + ph[:, 1:2])
             + 0.5 * torch.sin(2 * math.pi * f_b * t + ph[:, 2:]))
        axes.append(w + 0.05 * torch.randn(n, BN_SAMPLES, generator=gen))
    omega = torch.stack(axes, 1)  # (n, 2, T) deg/s
    alpha = 1 - math.exp(-0.01 / 0.12)
    smooth = torch.zeros(n, 2)
    resid = []
    for k in range(BN_SAMPLES):
        smooth = smooth + alpha * (omega[:, :, k] - smooth)
        resid.append(omega[:, :, k] - 0.9 * smooth)
    resid = torch.stack(resid, 2)
    speed = mag * resid.norm(dim=1)  # (n, T) retinal deg/s
    win = speed.view(n, -1, 4).mean(2)  # 40 ms windows (16 of them)
    mar = torch.sqrt(1 + (win / 3.0) ** 2)
    acuity = torch.log10(mag.squeeze(1) * (1 / mar).mean(1)) + 0.035 * torch.randn(n, generator=gen)
    rms = torch.log10(speed.pow(2).mean(1).sqrt()) + 0.04 * torch.randn(n, generator=gen)
    x = torch.cat([omega / 2, (torch.log2(mag) - 3.3).view(-1, 1, 1).expand(n, 1, BN_SAMPLES)], 1)
    return x, torch.stack([acuity, rms], 1)


class ShakeCNN(nn.Module):
    """A 1-D CNN: three convolutions (the last two strided), ReLU, global average pooling, a linear head."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(3, width, 7, padding=3), nn.ReLU(),
            nn.Conv1d(width, width, 5, stride=2, padding=2), nn.ReLU(),
            nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU())
        self.head = nn.Linear(2 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).mean(2))


def binocular_shake(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The hand-shake CNN on 4096 gyro traces, outputs standardised over them; held out: 2048 other traces in
    batches of 1024; AdamW (torch's defaults)."""
    gen = torch.Generator().manual_seed(167102)
    x, y = _bn_traces(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShakeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. curling-iron hair set and its drop in humid air: an MLP over the day's hourly record (RMSprop)

CI_HOURS = 12


def _ci_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Curls set with a curling iron, then worn for 12 hours. Styling: barrel 120-230 C, barrel diameter 19-38 mm,
    dwell 3-15 s, the hair's diameter 50-110 um (the tress's thickness with it), porosity (damage) 0-1, the hair's
    water content at styling 0-15%, a setting spray (none, light, strong). The tress's inner layers reach
    T = T_room + (T_barrel - T_room)(1 - exp(-dwell / tau)), tau rising with the tress's thickness; keratin's glass
    transition by Fox's equation 1 / Tg = (1 - w) / Tg_dry + w / Tg_water (Tg_dry 175 C, Tg_water -40 C; w the
    water, part of it driven off by the iron); the set fraction a sigmoid of (T - Tg) / 14 C, less heat damage
    above 200 C on porous hair, a tighter barrel giving a higher retention ceiling. The day: relative humidity
    30-95% and 16-32 C hour by hour (a random walk around a day's mean, a shower hour for some); the hair's water
    content from an isotherm (GAB-like, higher on porous hair); the set decays first-order at a rate exp(7 w) times
    an Arrhenius factor, the spray slowing it (by 35% light, 65% strong); gravity relaxes a coarse tress's first
    hour. Observed: retention (%) after each hour, 1.5 points scatter. Returns (the hourly sequence (n, 12, 2),
    the styling (n, 7), retention / 100 (n, 12))."""
    tb = 120 + 110 * torch.rand(n, generator=gen)
    dia = 19 + 19 * torch.rand(n, generator=gen)
    dwell = 3 + 12 * torch.rand(n, generator=gen)
    hair_d = 50 + 60 * torch.rand(n, generator=gen)
    poro = torch.rand(n, generator=gen)
    w0 = 0.15 * torch.rand(n, generator=gen)
    spray = torch.randint(0, 3, (n,), generator=gen)
    tau = 2.0 + 6.0 * (hair_d / 110) ** 2
    t_in = 22 + (tb - 22) * (1 - torch.exp(-dwell / tau))
    w = w0 * torch.exp(-dwell * (tb - 100).clamp_min(0) / 800)
    tg = 1 / ((1 - w) / (175 + 273.15) + w / (-40 + 273.15)) - 273.15
    ceiling = 0.95 - 0.25 * (dia - 19) / 19
    damage = 0.3 * poro * torch.sigmoid((t_in - 205) / 6)
    s = ceiling * torch.sigmoid((t_in - tg) / 14) * (1 - damage)
    rh_mean = 0.3 + 0.55 * torch.rand(n, generator=gen)
    rh = [rh_mean]
    for _ in range(CI_HOURS - 1):
        rh.append((rh[-1] + 0.06 * torch.randn(n, generator=gen) + 0.1 * (rh_mean - rh[-1])).clamp(0.25, 0.97))
    rh = torch.stack(rh, 1)
    shower = (torch.rand(n, generator=gen) < 0.25).float().view(-1, 1)
    hour = torch.randint(2, CI_HOURS, (n, 1), generator=gen)
    rh = torch.where((torch.arange(CI_HOURS).view(1, -1) == hour) & (shower > 0), torch.full_like(rh, 0.97), rh)
    temp = 16 + 16 * torch.rand(n, 1, generator=gen) + 1.5 * torch.randn(n, CI_HOURS, generator=gen)
    slow = torch.tensor([1.0, 0.65, 0.35])[spray]
    ret = []
    for h in range(CI_HOURS):
        a = rh[:, h]
        water = 0.09 * a * (1 + 0.6 * poro) / ((1 - 0.75 * a) * (1 + 0.5 * a))
        k = 0.004 * torch.exp(7 * water) * torch.exp((temp[:, h] - 24) / 18) * slow
        if h == 0:
            k = k + 0.05 * (hair_d / 80) ** 2
        s = s * torch.exp(-k)
        ret.append(s)
    y = torch.stack(ret, 1) + 0.015 * torch.randn(n, CI_HOURS, generator=gen)
    seq = torch.stack([(rh - 0.6) / 0.2, (temp - 24) / 5], 2)
    style = torch.stack([(tb - 175) / 32, (dia - 28.5) / 5.5, (dwell - 9) / 3.5, (hair_d - 80) / 17,
                         (poro - 0.5) / 0.29, (w0 - 0.075) / 0.043, spray.float() - 1], 1)
    return seq, style, y


class SetMLP(nn.Module):
    """A SiLU MLP from the day's 12 hourly humidity and temperature readings (flattened) and the styling to the 12
    hourly retentions."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2 * CI_HOURS + 7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, CI_HOURS))

    def forward(self, seq: torch.Tensor, style: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([seq.flatten(1), style], 1))


def curling_iron_set(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The curl-retention MLP on 1024 styled days; held out: 2048 other days in batches of 1024; RMSprop (torch's
    defaults: alpha 0.99, eps 1e-8)."""
    gen = torch.Generator().manual_seed(167104)
    seq, style, y = _ci_days(train_size + 2048, gen)
    tr = (seq[:train_size], style[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SetMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((seq[train_size:], style[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. easel canvas wobble: a causal Post-LN transformer over brush strokes (Adam, betas 0.9 / 0.98)

EA_STROKES = 16
EA_TYPES = 4  # H-frame studio, lyre (A-frame), field tripod, table easel


def _ea_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Painting sessions: 16 strokes at a tempo of 0.12-0.7 s between strokes (40% jitter), force 1-6 N
    for 0.06 s, height on the canvas 0-1, a dab (pushing into the canvas) or a sweep (30% of the push). The easel:
    type (stiffness 900, 600, 250, 400 N/m at a 1 m clamp; damping ratio 0.04, 0.05, 0.08, 0.06), the clamp height
    0.9-1.6 m (stiffness ~ height^-3), the canvas's mass 0.3-3 kg and size 0.3-1.2 m (air damping rising with its
    area), the frame's modal mass 1.5 kg. The strokes' impulses (a lever factor 0.4 + 0.8 height) ring the first
    mode; with the strokes' irregular timing the ring-downs add with random phases: the wobble's energy decays
    by exp(-2 zeta w dt) from stroke to stroke and each stroke adds (impulse / (m w_d))^2. Observed: log10 of the
    RMS wobble amplitude (mm) after each stroke, +0.02 mm floor, 10% scatter (lognormal). Returns (tokens
    (n, 16, 11), log amplitudes (n, 16))."""
    typ = torch.randint(0, EA_TYPES, (n,), generator=gen)
    k1 = torch.tensor([900.0, 600.0, 250.0, 400.0])[typ]
    z0 = torch.tensor([0.04, 0.05, 0.08, 0.06])[typ]
    clamp = 0.9 + 0.7 * torch.rand(n, generator=gen)
    mass = 0.3 + 2.7 * torch.rand(n, generator=gen)
    size = 0.3 + 0.9 * torch.rand(n, generator=gen)
    k = k1 * clamp ** -3
    m = mass + 1.5
    wn = torch.sqrt(k / m)
    zeta = z0 + 0.02 * size**2 / m
    wd = wn * torch.sqrt(1 - zeta**2)
    tempo = 0.12 + 0.58 * torch.rand(n, 1, generator=gen)
    gap = tempo * (1 + 0.4 * torch.randn(n, EA_STROKES, generator=gen)).clamp_min(0.3)
    force = 1 + 5 * torch.rand(n, EA_STROKES, generator=gen)
    height = torch.rand(n, EA_STROKES, generator=gen)
    dab = (torch.rand(n, EA_STROKES, generator=gen) < 0.5).float()
    imp = force * 0.06 * (0.4 + 0.8 * height) * (0.3 + 0.7 * dab)
    energy = torch.zeros(n)
    amps = []
    for j in range(EA_STROKES):
        if j:
            energy = energy * torch.exp(-2 * zeta * wn * gap[:, j])
        energy = energy + (imp[:, j] / (m * wd) * 1000) ** 2  # mm^2
        amps.append(torch.sqrt(energy))
    amp = torch.stack(amps, 1) * torch.exp(0.1 * torch.randn(n, EA_STROKES, generator=gen))
    y = torch.log10(amp + 0.02)
    static = torch.cat([F.one_hot(typ, EA_TYPES).float(), torch.stack([(clamp - 1.25) / 0.2, (mass - 1.65) / 0.78,
                                                                     (size - 0.75) / 0.26], 1)], 1)
    tokens = torch.cat([torch.stack([(gap - 0.4) / 0.2, (force - 3.5) / 1.44, (height - 0.5) / 0.29, 2 * dab - 1], 2),
                        static.unsqueeze(1).expand(-1, EA_STROKES, -1)], 2)
    return tokens, y


class WobbleTransformer(nn.Module):
    """A causal Post-LN transformer encoder (the original layer order) over the strokes, a linear read-out per
    stroke."""

    def __init__(self, d: int = 16, layers: int = 1, heads: int = 2) -> None:
        super().__init__()
        self.embed = nn.Linear(11, d)
        self.pos = nn.Parameter(torch.randn(EA_STROKES, d) * 0.02)
        layer = nn.TransformerEncoderLayer(d, heads, 4 * d, dropout=0.0, batch_first=True, norm_first=False)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.out = nn.Linear(d, 1)
        self.register_buffer("mask", torch.triu(torch.full((EA_STROKES, EA_STROKES), float("-inf")), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.enc(self.embed(x) + self.pos, mask=self.mask)
        return self.out(h).squeeze(2)


def easel_wobble(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 16) -> dict[str, Any]:
    """The wobble transformer on 2048 sessions; held out: 2048 other sessions in batches of 1024; Adam with betas
    (0.9, 0.98) and eps 1e-9 (the transformer's usual setting)."""
    gen = torch.Generator().manual_seed(167103)
    x, y = _ea_sessions(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WobbleTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, 0.98), eps=1e-9),
                                "adam_b0.98_eps1e-9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. crowbar nail pulling: a residual MLP with LayerNorm (SGD with Nesterov momentum)

CB_SHANKS = 4  # smooth, ring, screw, cement-coated


def _cb_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pulling a nail from a board with a crowbar's claw: bar length 0.3-0.9 m, heel radius 15-40 mm (the claw's
    lever arm at the start of the pull), a fulcrum block (25% of pulls: the arm and the contact area larger), the
    nail's diameter 2.5-4.5 mm and penetration 30-75 mm, its shank (withdrawal factor 1, 1.9, 1.6, 1.4; the
    cement's grip fading with age), the wood's specific gravity 0.33-0.70, green or seasoned (nailed green, pulled
    dry: 0.6 of the grip), the joint's age 0-30 years. Withdrawal (the Wood Handbook's smooth-nail form, from
    memory): 54.12 G^2.5 D N per mm of penetration; the hand force at the start = withdrawal x arm / length; the
    work of the pull ~ the withdrawal x the penetration / 2 (the friction falling as the nail comes out; ring shanks
    hold longer); the dent under the heel from the heel's load over its contact area against the wood's strength
    across the grain (~ 40 G^2.25 MPa), zero when a block is used. 2% scatter on forces and work, 0.03 on the
    dent's log1p. Returns (features (n, 12), outputs (n, 3): log hand force, log work, log1p dent (mm))."""
    length = 0.3 + 0.6 * torch.rand(n, generator=gen)
    heel = 0.015 + 0.025 * torch.rand(n, generator=gen)
    block = (torch.rand(n, generator=gen) < 0.25).float()
    dia = 2.5 + 2.0 * torch.rand(n, generator=gen)
    pen = 30 + 45 * torch.rand(n, generator=gen)
    shank = torch.randint(0, CB_SHANKS, (n,), generator=gen)
    sg = 0.33 + 0.37 * torch.rand(n, generator=gen)
    green = (torch.rand(n, generator=gen) < 0.3).float()
    age = 30 * torch.rand(n, generator=gen) ** 2
    factor = torch.tensor([1.0, 1.9, 1.6, 1.4])[shank]
    factor = torch.where(shank == 3, 1 + 0.4 * torch.exp(-age / 3), factor)
    grip = (1 - 0.4 * green) * (1 + 0.1 * torch.log1p(age) * (shank != 3).float())
    withdraw = 54.12 * sg**2.5 * dia * pen * factor * grip  # N
    arm = heel + block * 0.03
    hand = withdraw * arm / length
    work = withdraw * pen / 1000 * (0.5 + 0.2 * (shank == 1).float())  # J
    load = withdraw + hand
    area = (12 + 18 * block) * (6 + 200 * heel) * (1 + 6 * block)  # mm2
    strength = 40 * sg**2.25
    dent = (1 - block) * 2.5 * torch.relu(load / area / strength - 0.6) ** 0.8
    e = torch.randn(n, 3, generator=gen)
    y = torch.stack([torch.log(hand) + 0.02 * e[:, 0], torch.log(work) + 0.02 * e[:, 1],
                     torch.log1p(dent) + 0.03 * e[:, 2]], 1)
    x = torch.cat([torch.stack([(length - 0.6) / 0.17, (heel - 0.0275) / 0.0072, 2 * block - 1, (dia - 3.5) / 0.58,
                                (pen - 52.5) / 13, (sg - 0.515) / 0.107, 2 * green - 1, torch.log1p(age) - 1.7], 1),
                   F.one_hot(shank, CB_SHANKS).float()], 1)
    return x, y


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class PryNet(nn.Module):
    """A residual MLP: a linear stem, two LayerNorm residual blocks, a final LayerNorm and a linear head."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(12, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.head = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.blocks(self.stem(x)))


def crowbar_pull(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 48,
                 blocks: int = 2) -> dict[str, Any]:
    """The prying net on 4096 pulls, outputs standardised over them; held out: 2048 other pulls in batches of 1024;
    SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(167105)
    x, y = _cb_pulls(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PryNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. mudguard spray throw: an embedding net over tyre, mudguard and bike ids (Adagrad; long only)

MG_TYRES, MG_GUARDS, MG_BIKES = 24, 30, 10
MG_ANGLES = torch.linspace(2.5, 267.5, 54)  # release angle (deg) from the rear contact, up the back of the wheel


def _mg_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Wet-road rig runs of a bicycle's rear wheel: 24 tyre models (width 25-60 mm, a tread pickup 0.5-1.5), 30
    mudguard models (model 0: none; the guard's tail at 12-80 deg from the contact, some with a flap 15 deg lower;
    its front end at 190-250 deg; a clearance 5-30 mm whose leak runs off the tail), 10 bikes (wheel radius 0.30-
    0.36 m). Speed 3-12 m/s, water film 0.2-2 mm (log-uniform). Water picked up = film x width x speed x pickup;
    its release angles exponential with a scale that shrinks with speed (the tread holds water longer at low
    speed, longer with a deeper tread); a droplet leaves tangentially at the rim speed (times 0.75, 0.9 or 1.0) and
    flies ballistically in the bike's frame. Where the guard covers the arc it is caught (a leak fraction falls
    off the tail, low); else it goes (a) backwards: caught by a following rider's body if it crosses 1.5 m behind
    the hub between 0.9 and 1.7 m above the road, (b) forwards above the hub: the rider's back, (c) forwards below:
    the drivetrain. Observed: log10 (g/min + 0.3) of each, 8% scatter. Returns (ids (n, 3), continuous (n, 2),
    outputs (n, 3))."""
    tw = 25 + 35 * torch.rand(MG_TYRES, generator=gen)
    pickup = 0.5 + torch.rand(MG_TYRES, generator=gen)
    tail = 12 + 68 * torch.rand(MG_GUARDS, generator=gen)
    flap = (torch.rand(MG_GUARDS, generator=gen) < 0.4).float()
    front = 190 + 60 * torch.rand(MG_GUARDS, generator=gen)
    clear = 5 + 25 * torch.rand(MG_GUARDS, generator=gen)
    tail = tail - 15 * flap
    tail[0], front[0], clear[0] = 300.0, 300.0, 0.0  # no guard
    radius = 0.30 + 0.06 * torch.rand(MG_BIKES, generator=gen)
    ti = torch.randint(0, MG_TYRES, (n,), generator=gen)
    gi = torch.randint(0, MG_GUARDS, (n,), generator=gen)
    bi = torch.randint(0, MG_BIKES, (n,), generator=gen)
    v = 3 + 9 * torch.rand(n, generator=gen)
    film = 0.2 * 10 ** torch.rand(n, generator=gen)
    q = film * tw[ti] * v * pickup[ti] * 0.06  # g/min, arbitrary scale
    scale = (25 + 70 / (1 + (v / 5) ** 2)) * (0.7 + 0.4 * pickup[ti])
    th = MG_ANGLES.view(1, -1)
    wgt = torch.exp(-th / scale.view(-1, 1))
    wgt = wgt / wgt.sum(1, keepdim=True)
    covered = (th >= tail[gi].view(-1, 1)) & (th <= front[gi].view(-1, 1))
    rad = torch.deg2rad(th)
    r = radius[bi].view(-1, 1)
    back = torch.zeros(n)
    follow = torch.zeros(n)
    drive = torch.zeros(n)
    for sp in (0.75, 0.9, 1.0):
        u = sp * v.view(-1, 1)
        vx = -u * torch.cos(rad)  # + forwards
        vz = u * torch.sin(rad)
        x0, z0 = -r * torch.sin(rad), -r * torch.cos(rad)
        tt = ((x0 + 1.5) / (-vx).clamp_min(1e-3)).clamp_max(5.0)
        z = z0 + vz * tt - 4.905 * tt**2 + r  # above the road
        hit_f = ((vx < 0) & (z > 0.9) & (z < 1.7)).float()
        fwd = (vx > 0).float()
        up = (z0 + vz * 0.05 > 0).float()
        free = (~covered).float()
        follow = follow + (wgt * free * hit_f).sum(1) / 3
        back = back + (wgt * free * fwd * up).sum(1) / 3
        drive = drive + (wgt * free * fwd * (1 - up)).sum(1) / 3
    caught = (wgt * covered.float()).sum(1)
    follow = follow + caught * clear[gi] / 300
    y = torch.stack([back, follow, drive], 1) * q.view(-1, 1) * torch.exp(0.08 * torch.randn(n, 3, generator=gen))
    y = torch.log10(y + 0.3)
    ids = torch.stack([ti, gi, bi], 1)
    cont = torch.stack([(v - 7.5) / 2.6, (torch.log10(film) - math.log10(0.2) - 0.5) / 0.29], 1)
    return ids, cont, y


class SprayNet(nn.Module):
    """Embeddings of the tyre, mudguard and bike ids, concatenated with the speed and the film, an MLP head."""

    def __init__(self, dim: int = 8, hidden: int = 48) -> None:
        super().__init__()
        self.tyre = nn.Embedding(MG_TYRES, dim)
        self.guard = nn.Embedding(MG_GUARDS, dim)
        self.bike = nn.Embedding(MG_BIKES, dim // 2)
        self.mlp = nn.Sequential(nn.Linear(2 * dim + dim // 2 + 2, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, ids: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.tyre(ids[:, 0]), self.guard(ids[:, 1]), self.bike(ids[:, 2]), cont], 1)
        return self.mlp(h)


def mudguard_spray(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                   hidden: int = 48) -> dict[str, Any]:
    """The spray net on 8192 rig runs, outputs standardised over them; held out: 2048 other runs in batches of 1024;
    Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(167101)
    ids, cont, y = _mg_rides(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SprayNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. lilo wind drift: a grey-box drag balance with embeddings of beach, lilo and posture (Adagrad; long only)

LL_BEACHES, LL_LILOS, LL_POSTURES = 40, 24, 3  # postures: lying prone, sitting up, empty


def _ll_drifts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Lifeguards' drift observations of lilos (5 minutes tracked): 40 beaches (a local wind factor 0.6-1.1 from
    shelter, a current of a few cm/s), 24 lilo models (length 1.6-2.1 m, width 0.6-0.8 m, thickness 0.12-0.22 m,
    mass 0.8-2.5 kg, a divergence angle off the downwind -12..12 deg), the posture (prone: the rider's back adds
    0.25 m2 of windage and the legs 0.06 m2 of drag in the water; sitting: 0.55 m2 and 0.10 m2; empty: none), the
    rider's mass 20-100 kg (empty: 0), the inflation 0.5-1 (a soft lilo sits thinner), the wind 2-12 m/s from -80..
    80 deg off the shore normal (offshore). The draft from buoyancy (the mass over the water density and the
    footprint), the freeboard = thickness x inflation - draft; windage area = the freeboard x the length + the
    rider's, the water drag area = the draft x the width + the hull's skin drag (0.01 of its footprint) + the
    legs'; drift speed = the local wind x sqrt(1.2 x 1.0
    A_air / (1025 x 1.1 A_water)), downwind turned by the lilo's angle (halved when sitting), plus the current.
    Observed: the velocity (offshore, alongshore; cm/s / 10), 2 cm/s scatter. Returns (ids (n, 3), continuous
    (n, 5): wind speed, the wind direction's cos and sin, rider mass, inflation; outputs (n, 2))."""
    wf = 0.6 + 0.5 * torch.rand(LL_BEACHES, generator=gen)
    cur = 0.04 * torch.randn(LL_BEACHES, 2, generator=gen)
    ln = 1.6 + 0.5 * torch.rand(LL_LILOS, generator=gen)
    wdt = 0.6 + 0.2 * torch.rand(LL_LILOS, generator=gen)
    thick = 0.12 + 0.10 * torch.rand(LL_LILOS, generator=gen)
    lmass = 0.8 + 1.7 * torch.rand(LL_LILOS, generator=gen)
    ang = 12 * (2 * torch.rand(LL_LILOS, generator=gen) - 1)
    beach = torch.randint(0, LL_BEACHES, (n,), generator=gen)
    lilo = torch.randint(0, LL_LILOS, (n,), generator=gen)
    post = torch.randint(0, LL_POSTURES, (n,), generator=gen)
    rider = torch.where(post == 2, torch.zeros(n), 20 + 80 * torch.rand(n, generator=gen))
    infl = 0.5 + 0.5 * torch.rand(n, generator=gen)
    wind = 2 + 10 * torch.rand(n, generator=gen)
    wdir = torch.deg2rad(-80 + 160 * torch.rand(n, generator=gen))
    draft = (rider + lmass[lilo]) / (1025 * ln[lilo] * wdt[lilo])
    free = (thick[lilo] * infl - draft).clamp_min(0.02)
    a_air = free * ln[lilo] + torch.tensor([0.25, 0.55, 0.0])[post]
    a_wat = draft * wdt[lilo] + 0.01 * ln[lilo] * wdt[lilo] + torch.tensor([0.06, 0.10, 0.0])[post]
    speed = wind * wf[beach] * torch.sqrt(1.2 * 1.0 * a_air / (1025 * 1.1 * a_wat))
    heading = wdir + torch.deg2rad(ang[lilo] * torch.tensor([1.0, 0.5, 1.0])[post])
    vel = torch.stack([speed * torch.cos(heading), speed * torch.sin(heading)], 1) + cur[beach]
    y = (vel + 0.02 * torch.randn(n, 2, generator=gen)) * 10
    ids = torch.stack([beach, lilo, post], 1)
    cont = torch.stack([wind, torch.cos(wdir), torch.sin(wdir), rider / 100, infl], 1)
    return ids, cont, y


class DriftGreyBox(nn.Module):
    """A grey-box drift model: the drift speed = the wind x exp(log ratio), the log ratio from the lilo's and the
    posture's embeddings, the beach's wind factor and a small MLP of the rider's mass, the inflation, the posture
    and the lilo's two latent shape features; the heading = the wind's direction turned by the lilo's and
    posture's angles; plus the beach's current."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.beach = nn.Embedding(LL_BEACHES, 3)  # log wind factor, current (2)
        self.lilo = nn.Embedding(LL_LILOS, 4)  # log drift ratio, angle, two latent shape features
        self.post = nn.Embedding(LL_POSTURES, 2)  # log drift ratio, angle scale
        for e in (self.beach, self.lilo, self.post):
            nn.init.normal_(e.weight, std=0.1)
        self.mlp = nn.Sequential(nn.Linear(2 + LL_POSTURES + 2, hidden), nn.Tanh(), nn.Linear(hidden, 1))
        self.register_buffer("base", torch.tensor(math.log(0.06)))

    def forward(self, ids: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        b, li, p = self.beach(ids[:, 0]), self.lilo(ids[:, 1]), self.post(ids[:, 2])
        extra = self.mlp(torch.cat([cont[:, 3:], F.one_hot(ids[:, 2], LL_POSTURES).float(), li[:, 2:]], 1)).squeeze(1)
        ratio = torch.exp(self.base + b[:, 0] + li[:, 0] + p[:, 0] + extra)
        speed = cont[:, 0] * ratio
        turn = 0.2 * li[:, 1] * (1 + p[:, 1])
        c, s = cont[:, 1], cont[:, 2]
        ct, st = torch.cos(turn), torch.sin(turn)
        vel = torch.stack([speed * (c * ct - s * st), speed * (s * ct + c * st)], 1) + b[:, 1:] * 0.5
        return vel * 10


def lilo_drift(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The drift grey-box on 8192 tracked drifts; held out: 2048 other drifts in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(167106)
    ids, cont, y = _ll_drifts(train_size + 2048, gen)
    tr = (ids[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DriftGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("binocular_shake_adamw", binocular_shake, 300, "binocular_hand_shake_gyro_acuity_cnn1d", "adamw", "finite", 32,
      seconds=1.0, start_lr=0.016),
    W("curling_iron_set_rmsprop", curling_iron_set, 300, "curling_iron_hair_set_humidity_drop_mlp", "rmsprop",
      "finite", 128, seconds=0.4, start_lr=0.008),
    W("easel_wobble_adam", easel_wobble, 300, "easel_canvas_stroke_wobble_postln_transformer", "adam_b0.98_eps1e-9",
      "finite", 32, seconds=1.0, start_lr=0.004),
    W("crowbar_pull_nesterov", crowbar_pull, 300, "crowbar_nail_pull_leverage_resmlp_ln", "sgd_nesterov0.9",
      "finite", 128, seconds=0.4, start_lr=0.05),
)
LONG = (
    W("mudguard_spray_adagrad@long", mudguard_spray, 3000, "mudguard_tyre_spray_throw_embedding_net", "adagrad",
      "finite", 128, seconds=7.0, start_lr=0.32, grid_fractions=(0.0, 0.05)),
    W("lilo_drift_adagrad@long", lilo_drift, 3000, "lilo_wind_drift_drag_balance_greybox", "adagrad", "finite", 64,
      seconds=6.5, start_lr=0.32, grid_fractions=(0.0, 0.05)),
    W("curling_iron_set_rmsprop@long", curling_iron_set, 3000, "curling_iron_hair_set_humidity_drop_mlp", "rmsprop",
      "finite", 64, dict(train_size=8192, hidden=32), seconds=4.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="curling_iron_set_rmsprop"),
    W("crowbar_pull_nesterov@long", crowbar_pull, 3000, "crowbar_nail_pull_leverage_resmlp_ln", "sgd_nesterov0.9",
      "finite", 32, dict(train_size=8192, width=32, blocks=1), seconds=6.0, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="crowbar_pull_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam167_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-seventh exam's workloads")
