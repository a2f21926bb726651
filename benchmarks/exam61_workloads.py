"""The sixty-first exam: six more workload families that neither the suite nor exams 1-60 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam60_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from ice-rink refrigeration and
ice making, archery and arrow flight, billiards and cue sports, bell founding and campanology, candle making and wax
formulation, and trampoline and gymnastics scoring (exam 62 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam61/README.md``. Every field convention below is from its author's memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- ice-sheet surface temperature forecast for rink refrigeration control: a direct multi-step MLP (two tanh layers,
  as a model-predictive controller's plant model) from the past hour's infrared surface readings, brine supply
  temperature, air temperature, crowd heat and resurfacing floods, with the next half hour's planned brine, crowd
  and floods, to the surface temperature over the next half hour (6 steps of 5 minutes); the logs from a two-node
  thermal model of the ice sheet and slab with the flood's water freezing at 0 C; MSE of standardised changes; Adam
  (torch's defaults)
- cue-ball and object-ball outcome of a pool cut shot (the shot-outcome net of robotic pool players): a tanh MLP
  from the cue speed, cut angle, follow / draw, cloth speed and ball-ball friction to the cue ball's natural-roll
  velocity and travel (its sliding parabola, then rolling, after Alciatore's physics of pool), the object ball's
  throw and its travel; MSE of standardised outcomes; SGD with Nesterov momentum 0.9
- candle burn tests, the burn condition from the flame's flicker: an MLP (two ReLU layers, dropout 0.1) from a
  bench photodiode's flicker spectrum (2 s at 64 Hz; log power at 1-32 Hz, log level and sd) to the condition a
  tester logs (clean, oversized wick, undersized wick, draught, fragrance overload), each with a random severity so
  mild cases look clean; cross-entropy; AdamW with weight decay 1e-2 (torch's default)
- trampoline routine scoring under the FIG code (difficulty, execution, time of flight, horizontal displacement):
  a GRU over the routine's 10 skills (each skill's rotations, twists, shape, flight time, bed position and
  pose-estimation form errors) to the four score parts; the execution from five judges' rounded deductions
  (highest and lowest dropped), the displacement from the bed's zones; MSE of standardised parts; NAdam
- archery, the arrow's impact from the shot's signals (a long plan only): a small 1-D CNN over an aiming trainer's
  sight-pin track and a stabiliser accelerometer's two axes (1.28 s up to the release) to where the arrow lands on
  the 70 m face; the aim an Ornstein-Uhlenbeck sway with the archer's steadiness and a collapsing bow arm, the
  release a plucked or clean jerk, the arrows' group and gusts as noise; MSE in decimetres; RMSprop (torch's alpha
  0.99)
- bell partials (a long plan only): an MLP surrogate of a bell's modal analysis from its profile (diameter,
  sound-bow, waist and lip thickness, height, flare, shoulder, alloy tin fraction) to the hum, prime, tierce and
  quint in cents from the nominal and the log nominal; MSE of standardised outputs; Adamax (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the archery CNN and
the bell net (no short plans), the ice-rink forecaster on 8192 windows instead of 2048 and the candle classifier on
8192 recordings instead of 1024 (batch 32; the short candle plan's batch is 64).

Of the eight plans, two use Adam (both ice-rink plans), two AdamW (both candle plans), one SGD with Nesterov
momentum (pool), one NAdam (trampoline), one RMSprop (archery) and one Adamax (bells).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam61_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam61/README.md).

    python benchmarks/exam61_workloads.py          # the table
    python benchmarks/exam61_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 61"


def _mlp(n_in: int, hidden: int, n_out: int, act: type[nn.Module], depth: int = 2) -> nn.Sequential:
    layers: list[nn.Module] = [nn.Linear(n_in, hidden), act()]
    for _ in range(depth - 1):
        layers += [nn.Linear(hidden, hidden), act()]
    return nn.Sequential(*layers, nn.Linear(hidden, n_out))


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (standardised) targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(x: torch.Tensor, y: torch.Tensor, n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Inputs and targets standardised over the first ``n`` (training) rows, as a user's scaler would."""
    x = (x - x[:n].mean(0)) / x[:n].std(0).clamp_min(1e-6)
    y = (y - y[:n].mean(0)) / y[:n].std(0).clamp_min(1e-6)
    return x, y


# --------------------------------------------------------------------------------------------------------------
# 1. ice-sheet surface temperature forecast for rink refrigeration control (Adam)

IR_PAST, IR_FUT, IR_SUB = 12, 6, 5  # 5-minute steps: an hour of history, half an hour ahead; 1-minute substeps


def _ir_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Windows of an indoor rink's ice-sheet log at 5-minute steps. A two-node thermal model per square metre: the
    top 2 cm of ice (38.5 kJ/m2K) and the slab below it (3 cm more ice and 10 cm of concrete around the brine
    pipes, 260 kJ/m2K), 73 W/m2K between them, 60 W/m2K from the slab to the brine; the surface gains from the air
    (6 W/m2K, convection and linearised radiation), 25-55 W/m2 of ceiling radiation, lighting and, during games,
    up to 20 W/m2 more from spectators. The brine supply temperature (-12 to -5 C) follows the plant's staged
    set-point, held for 15-40 minutes at a time. A resurfacing flood (about once every two hours) lays 0.4-0.6 mm of
    water at 55-65 C: the surface sits at 0 C until the flood's sensible and latent heat has been drawn off, then
    cools again (the phase change is the model's nonlinearity). An infrared sensor reads the surface with 0.08 C
    noise. Returns (the past hour's readings, brine, air, crowd heat and floods with the next half hour's planned
    brine, crowd and floods (n, 78); the next half hour's surface temperature minus the last reading (n, 6))."""
    steps = 6 + IR_PAST + IR_FUT
    t_air = 8 + 2.5 * torch.randn(n, generator=gen)
    rad = 25 + 30 * torch.rand(n, generator=gen)
    t_s = -4.5 + 1.5 * torch.randn(n, generator=gen)
    t_b = t_s - 3 + 0.5 * torch.randn(n, generator=gen)
    brine = -8.5 + 2 * torch.randn(n, generator=gen)
    hold = torch.zeros(n)
    crowd = torch.zeros(n)
    game = torch.rand(n, generator=gen) < 0.4
    water = torch.zeros(n)  # kJ/m2 still to be drawn off the flood
    rec = []
    for k in range(steps):
        change = hold <= 0
        brine = torch.where(change, (-8.5 + 2 * torch.randn(n, generator=gen)).clamp(-12, -5), brine)
        hold = torch.where(change, torch.randint(3, 9, (n,), generator=gen).float(), hold - 1)
        crowd = torch.where(game, (crowd + 4 * torch.rand(n, generator=gen)).clamp(max=20), 0.8 * crowd)
        flood = (torch.rand(n, generator=gen) < 0.04) & (water <= 0)
        depth = 0.4 + 0.2 * torch.rand(n, generator=gen)
        hot = 55 + 10 * torch.rand(n, generator=gen)
        water = water + flood.float() * depth * (4.19 * hot + 334)
        t_s = torch.where(flood, torch.zeros(n), t_s)
        for _ in range(IR_SUB):
            q_top = 6 * (t_air - t_s) + rad + crowd + 73 * (t_b - t_s)  # W/m2 into the top layer
            wet = water > 0
            water = torch.where(wet, (water + 60 * q_top / 1000).clamp_min(0), water)
            t_s = torch.where(wet, torch.zeros(n), t_s + 60 * q_top / 38500)
            t_b = t_b + 60 * (73 * (t_s - t_b) + 60 * (brine - t_b)) / 260000
        rec.append(torch.stack([t_s + 0.08 * torch.randn(n, generator=gen), brine, t_air.clone(), crowd,
                                flood.float(), t_s], 1))
    r = torch.stack(rec[6:], 1)  # n, 18, 6
    past = r[:, :IR_PAST, :5]
    fut = r[:, IR_PAST:, 1:5][..., [0, 2, 3]]  # planned brine, crowd, floods
    last = r[:, IR_PAST - 1, 0]
    x = torch.cat([past.reshape(n, -1), fut.reshape(n, -1)], 1)
    return x, r[:, IR_PAST:, 5] - last.unsqueeze(1)


class IceForecastNet(nn.Module):
    """A direct multi-step forecaster for model-predictive control of the rink's refrigeration: an MLP (two tanh
    layers) from the window's 78 values to the 6 surface temperatures ahead."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp(5 * IR_PAST + 3 * IR_FUT, hidden, IR_FUT, nn.Tanh)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def ice_rink(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The forecaster on 2048 logged windows, inputs and targets standardised over them; held out: 2048 other
    windows in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(61102)
    x, y = _ir_windows(train_size + 2048, gen)
    x, y = _standardise(x, y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": IceForecastNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. pool cut shots: the cue ball's roll and travel, the object ball's throw and travel (SGD with Nesterov momentum)


def _bl_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cut shots on a pool table, ball-ball contact at the origin, the cue ball arriving along +x: speed 0.4-2.5 m/s
    at contact, cut angle -70 to 70 degrees, follow / draw s from -1 (full draw) to 1 (full follow: the ball's
    surface speed as a fraction of rolling), cloth: sliding friction 0.15-0.25 and rolling resistance 0.006-0.014,
    ball-ball friction 0.04-0.08 (clean to dirty balls). After an elastic collision of equal balls without ball-ball
    friction the cue ball keeps v sin(cut) along the tangent line and its spin; the contact point slips, friction
    (mu_s g, against the slip) bends its path into a parabola for 2 |slip| / (7 mu_s g) seconds, then it rolls at
    5/7 of its velocity plus 2/7 of its spin velocity and stops after v^2 / (2 mu_r g). The object ball leaves
    along the line of centres, thrown by the ball-ball friction (the throw angle: tan = min(mu_b, sin(cut) /
    (7 cos(cut))) with a speed effect), slides to rolling at 5/7 of its speed and rolls to rest. Execution noise (a
    club player's): 4% on speed, 0.06 on s, 1 degree on the cut. Returns (shot (n, 6), outcomes (n, 5): the cue
    ball's natural-roll velocity (x, y) in m/s (its direction off the tangent line, the 30-degree rule's), log(5 cm
    + its travel in metres), the object ball's throw in degrees and its log travel in metres)."""
    v = 0.4 + 2.1 * torch.rand(n, generator=gen)
    cut_deg = -70 + 140 * torch.rand(n, generator=gen)
    s = -1 + 2 * torch.rand(n, generator=gen)
    mu_s = 0.15 + 0.1 * torch.rand(n, generator=gen)
    mu_r = 0.006 + 0.008 * torch.rand(n, generator=gen)
    mu_b = 0.04 + 0.04 * torch.rand(n, generator=gen)
    x = torch.stack([v, cut_deg, s, mu_s, mu_r, mu_b], 1)
    v = v * (1 + 0.04 * torch.randn(n, generator=gen))
    s = s + 0.06 * torch.randn(n, generator=gen)
    cut = torch.deg2rad(cut_deg + 1.0 * torch.randn(n, generator=gen))
    g = 9.81
    # the line of centres points at angle -cut from +x (the object ball goes there); the tangent line at 90 degrees
    tang = torch.stack([torch.sin(cut), torch.cos(cut)], 1)
    v_cue = (v * torch.sin(cut)).unsqueeze(1) * tang
    spin = (s * v).unsqueeze(1) * torch.tensor([[1.0, 0.0]])  # the surface velocity of the spin, along +x
    slip = v_cue - spin
    slip_n = slip.norm(dim=1, keepdim=True).clamp_min(1e-6)
    t_s = 2 * slip_n / (7 * mu_s.unsqueeze(1) * g)
    acc = -mu_s.unsqueeze(1) * g * slip / slip_n
    p = v_cue * t_s + 0.5 * acc * t_s**2
    v_roll = v_cue + acc * t_s
    travel = p.norm(dim=1) + v_roll.norm(dim=1) ** 2 / (2 * mu_r * g)  # the parabola's chord, then the roll
    c = torch.cos(cut).abs().clamp_min(0.05)
    tan_throw = torch.minimum(mu_b * (1 + 0.5 / v), torch.sin(cut).abs() / (7 * c))
    throw = torch.rad2deg(torch.atan(tan_throw)) * torch.sign(cut)
    v_ob = v * torch.cos(cut)
    d_ob = 12 * v_ob**2 / (49 * mu_s * g) + (5 / 7 * v_ob) ** 2 / (2 * mu_r * g)
    return x, torch.stack([v_roll[:, 0], v_roll[:, 1], torch.log(0.05 + travel), throw, torch.log(d_ob)], 1)


class ShotOutcomeNet(nn.Module):
    """A shot-outcome net of a robotic pool player's planner: the 6 shot parameters through two tanh layers to the
    5 outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp(6, hidden, 5, nn.Tanh, depth=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cue_shots(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The shot net on 2048 simulated cut shots, inputs and outcomes standardised over them; held out: 2048 other
    shots in batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(61202)
    x, y = _bl_shots(train_size + 2048, gen)
    x, y = _standardise(x, y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShotOutcomeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. candle burn tests: the burn condition from the flame's flicker (AdamW)

CD_CLASSES, CD_N, CD_HZ = 5, 128, 64  # conditions; 2 s of a photodiode at 64 Hz
CD_NAMES = ("clean", "oversized wick (mushrooming, sooting)", "undersized wick (drowning)", "draught",
            "fragrance overload (sputtering)")


def _cd_flames(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Burn-test bench recordings: a photodiode on a container candle's flame, 2 s at 64 Hz, and the condition a
    tester logged for that candle. Every flame has its own luminous level (jar, wax, wick) and a weak natural
    flicker near 10-12 Hz (the buoyant flame's puffing); each condition adds its signature with a severity of 0-1
    (mild cases look clean): an oversized wick a taller, brighter flame whose 10-12 Hz puffing grows with a
    harmonic, an undersized wick a dim flame guttering at 1-3 Hz, a draught low-passed random gusts, fragrance
    overload short pops. Sensor noise 1% of the level. The features are what a bench script computes: the log
    power spectrum of the signal relative to its mean (Hann window, at 1, 2, ..., 32 Hz) and the log mean level and
    log sd. Returns (features (n, 34), condition (n,))."""
    y = torch.randint(0, CD_CLASSES, (n,), generator=gen)
    sev = torch.rand(n, generator=gen) * (y > 0).float()
    t = torch.arange(CD_N).float() / CD_HZ
    level = torch.exp(0.3 * torch.randn(n, generator=gen)) * (1 + 0.6 * sev * (y == 1) - 0.5 * sev * (y == 2))
    f0 = 10 + 2 * torch.rand(n, 1, generator=gen)
    ph = 2 * math.pi * torch.rand(n, 1, generator=gen)
    base = 0.02 + 0.02 * torch.rand(n, 1, generator=gen)
    amp = base + (0.25 * sev * (y == 1)).unsqueeze(1)
    sig = amp * torch.sin(2 * math.pi * f0 * t + ph)
    sig = sig + (0.4 * amp * (y == 1).unsqueeze(1)) * torch.sin(4 * math.pi * f0 * t + 2 * ph)
    fg = 1 + 2 * torch.rand(n, 1, generator=gen)
    sig = sig + (0.2 * sev * (y == 2)).unsqueeze(1) * torch.sin(2 * math.pi * fg * t + ph) ** 3
    gust = torch.randn(n, CD_N, generator=gen)
    k = torch.exp(-torch.arange(9).float() / 3)
    gust = F.conv1d(gust.unsqueeze(1), (k / k.sum()).view(1, 1, -1), padding=4).squeeze(1)
    sig = sig + (0.5 * sev * (y == 3)).unsqueeze(1) * gust
    pops = (torch.rand(n, CD_N, generator=gen) < 0.04 * sev.unsqueeze(1) * (y == 4).unsqueeze(1)).float()
    sig = sig + 0.3 * pops * torch.exp(-torch.rand(n, CD_N, generator=gen))
    sig = sig + 0.02 * torch.randn(n, 1, generator=gen) * torch.randn(n, CD_N, generator=gen).cumsum(1) / 8
    x = level.unsqueeze(1) * (1 + sig) + 0.01 * level.unsqueeze(1) * torch.randn(n, CD_N, generator=gen)
    mean = x.mean(1, keepdim=True)
    win = torch.hann_window(CD_N, periodic=False)
    spec = torch.fft.rfft((x - mean) / mean * win, dim=1).abs() ** 2
    feats = torch.cat([torch.log(spec[:, 2:66:2] + 1e-6), torch.log(mean), torch.log(x.std(1, keepdim=True))], 1)
    return feats, y


class FlickerNet(nn.Module):
    """A bench classifier: the flicker spectrum and level through two ReLU layers with dropout 0.1 to the 5
    conditions."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(34, hidden), nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, CD_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def condition_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the burn condition."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def candle_burn(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The flicker classifier on 1024 logged recordings, features standardised over them; held out: 2048 other
    recordings in batches of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(61302)
    x, y = _cd_flames(train_size + 2048, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0).clamp_min(1e-6)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlickerNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": condition_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. trampoline routine scoring (NAdam)

TR_SKILLS, TR_FEATS = 10, 11


def _tr_routines(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ten-skill trampoline routines. Each skill: quarter somersaults (4-13), half twists (0-6, more for less
    rotation), shape (tuck, pike, straight), flight time 1.35-2.05 s (falling through the routine for tired
    athletes), the landing's distance from the bed's centre (a 2-D Gaussian, athlete-dependent spread) and three
    pose-estimation form errors (knee bend, leg separation, arms; an athlete level plus per-skill scatter). The FIG
    code's parts: difficulty 0.1 a quarter somersault (+0.1 a full somersault), 0.1 a half twist, +0.1 for a pike or
    straight single somersault without twist; execution 10 minus five judges' deductions of 0-0.5 a skill, each a
    judge's rounded view of the form errors, the highest and lowest judge dropped; time of flight the sum of the
    flights; horizontal displacement 10 minus 0.0-0.3 a skill by the bed zone it landed in (the zone from the true
    position, the feature is the sensor's, 5 cm noise). Returns (skills (n, 10, 11), the four parts (n, 4))."""
    som = torch.randint(4, 14, (n, TR_SKILLS), generator=gen).float()
    twist = (torch.rand(n, TR_SKILLS, generator=gen) * (7 - 0.35 * (som - 4))).floor().clamp(0, 6)
    shape = torch.randint(0, 3, (n, TR_SKILLS), generator=gen)
    fresh = 1.55 + 0.4 * torch.rand(n, 1, generator=gen)
    tof = fresh - 0.02 * torch.arange(TR_SKILLS).float() * torch.rand(n, 1, generator=gen) * 2 \
        + 0.04 * torch.randn(n, TR_SKILLS, generator=gen)
    spread = 0.15 + 0.35 * torch.rand(n, 1, 1, generator=gen)
    pos = spread * torch.randn(n, TR_SKILLS, 2, generator=gen)
    level = 0.5 * torch.rand(n, 1, 3, generator=gen)
    form = (level + 0.3 * torch.rand(n, TR_SKILLS, 3, generator=gen)) * (1 + 0.05 * (som + twist)).unsqueeze(2) / 1.5
    full = (som >= 4).float() * (som // 4)
    diff = 0.1 * som + 0.1 * full + 0.1 * twist + 0.1 * ((shape > 0) & (som <= 5) & (twist == 0)).float()
    ded_true = 0.4 * (0.6 * form[..., 0] + 0.5 * form[..., 1] + 0.3 * form[..., 2]).unsqueeze(2)
    judges = ded_true + 0.06 * torch.randn(n, TR_SKILLS, 5, generator=gen)
    judged = (judges.clamp(0, 0.5) * 10).round() / 10
    totals = judged.sum(1).sort(1).values  # each judge's deduction total, sorted
    e = 10 - totals[:, 1:4].mean(1)
    r = pos.norm(dim=2)
    zone = (r > 0.3).float() * 0.1 + (r > 0.55).float() * 0.1 + (r > 0.85).float() * 0.1
    h = 10 - zone.sum(1)
    t = tof.sum(1)
    d = diff.sum(1)
    sensed = pos + 0.05 * torch.randn(pos.shape, generator=gen)
    feats = torch.cat([((som - 8.5) / 2.9).unsqueeze(2), ((twist - 2) / 1.7).unsqueeze(2),
                       F.one_hot(shape, 3).float(), ((tof - 1.7) / 0.2).unsqueeze(2), sensed / 0.35,
                       (form - 0.35) / 0.2], 2)
    return feats, torch.stack([d, e, t, h], 1)


class RoutineGRU(nn.Module):
    """A GRU over the routine (a skill a step; an automatic-judging sequence model) and a linear head on its last
    state to the four score parts."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.gru = nn.GRU(TR_FEATS, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        return self.head(out[:, -1])


def trampoline_scoring(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                       hidden: int = 48) -> dict[str, Any]:
    """The routine GRU on 2048 scored routines, score parts standardised over them; held out: 1024 other routines in
    batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(61402)
    x, y = _tr_routines(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RoutineGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. archery: the arrow's impact from the aiming and release signals with a 1-D CNN (RMSprop; long only)

AR_LEN = 32  # 1.28 s at 25 Hz, ending at the clicker's release


def _ar_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Recurve shots at 70 m, recorded by an aiming trainer on the bow (the sight pin's position on the target face,
    in cm) and an accelerometer on the long-rod stabiliser (lateral and vertical): 32 samples up to the release.
    The aim sways as an Ornstein-Uhlenbeck process about a slowly drifting centre, with the archer's steadiness
    (0.6-3.5 cm a sample) and settling; some archers let the bow arm sink over the last 0.3 s (collapsing through
    the clicker). The release: a jerk on the stabiliser whose lateral and vertical size (a plucked or a clean
    release) shows in the last 4 samples. The impact: the pin where the arrow leaves (the last sample plus 0.6 of
    the last velocity), 9 cm per unit of lateral and 6 cm per unit of vertical pluck, 3 cm a unit of collapse, and
    the arrows' own group (2.5 cm) and an unrecorded gusty wind (1.5 cm). Returns (signals (n, 4, 32), the impact
    (x, y) in decimetres (n, 2))."""
    steady = 0.6 + 2.9 * torch.rand(n, 1, generator=gen)
    theta = 0.08 + 0.12 * torch.rand(n, 1, generator=gen)
    centre = 4 * torch.randn(n, 2, generator=gen)
    drift = 0.05 * torch.randn(n, 2, generator=gen)
    pos = centre + 6 * torch.randn(n, 2, generator=gen)
    track = []
    for k in range(AR_LEN):
        c = centre + drift * k
        pos = pos + theta.expand(-1, 2) * (c - pos) + steady * torch.randn(n, 2, generator=gen) * (1 - 0.4 * k / AR_LEN)
        track.append(pos)
    aim = torch.stack(track, 2)  # n, 2, 64
    collapse = F.relu(torch.randn(n, generator=gen)) * (torch.rand(n, generator=gen) < 0.35).float()
    ramp = F.relu(torch.arange(AR_LEN).float() - (AR_LEN - 8)) / 8
    aim[:, 1] = aim[:, 1] - 2.0 * collapse.unsqueeze(1) * ramp
    pluck = 0.6 * torch.randn(n, 2, generator=gen)
    acc = 0.15 * torch.randn(n, 2, AR_LEN, generator=gen)
    shape = torch.tensor([0.3, 1.0, -0.7, 0.3])
    acc[:, :, -4:] += (pluck.unsqueeze(2) + torch.tensor([[0.0], [0.8]])) * shape
    vel = aim[:, :, -1] - aim[:, :, -2]
    hit = aim[:, :, -1] + 0.6 * vel + torch.stack([9 * pluck[:, 0], 6 * pluck[:, 1] - 3 * collapse], 1)
    hit = hit + 2.5 * torch.randn(n, 2, generator=gen) + 1.5 * torch.randn(n, 2, generator=gen)
    x = torch.cat([aim / 10, acc], 1)
    return x, hit / 10


class ShotCNN(nn.Module):
    """A small 1-D CNN over the shot's four signals: a convolution (8 channels, width 5) with ReLU and max pooling,
    a dense layer of 32 and the impact (x, y)."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(4, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(width * AR_LEN // 2, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def archery_impact(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The shot CNN on 4096 recorded shots; held out: 2048 other shots in batches of 1024; RMSprop (torch's alpha
    0.99)."""
    gen = torch.Generator().manual_seed(61502)
    x, y = _ar_shots(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShotCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bell partials from the profile: a modal-analysis surrogate (Adamax; long only)


def _bf_bells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bell profiles around a heavy-ringing English (Taylor-like) profile: diameter 0.3-1.6 m, sound-bow thickness
    6.5-8.5% of it, waist 2.4-4.0%, lip 2.5-4.5%, height 0.72-0.86 of it, flare and shoulder radius (scaled 0-1),
    tin 20-24% (bell metal's modulus and density). The nominal from the plate-like scaling f ~ t / D^2 sqrt(E /
    rho) (about 340 Hz for a 1 m bell); the four lower partials in cents from the nominal, near a true-harmonic
    tuning's -2400 (hum), -1200 (prime), -900 (tierce), -500 (quint), each moved by the profile: the waist
    thickness moving hum and prime (and their interaction with the height), the sound bow and flare moving the
    tierce, the shoulder and lip the quint, with curvature and interactions; a 5-cent measurement noise on each.
    Returns (profile (n, 8), hum, prime, tierce and quint in cents and log nominal (n, 5))."""
    diam = 0.3 + 1.3 * torch.rand(n, generator=gen)
    sb = 0.065 + 0.02 * torch.rand(n, generator=gen)
    waist = 0.024 + 0.016 * torch.rand(n, generator=gen)
    lip = 0.025 + 0.02 * torch.rand(n, generator=gen)
    height = 0.72 + 0.14 * torch.rand(n, generator=gen)
    flare = torch.rand(n, generator=gen)
    shoulder = torch.rand(n, generator=gen)
    tin = 0.20 + 0.04 * torch.rand(n, generator=gen)
    e_mod = 105e9 * (1 - 2.0 * (tin - 0.22))
    rho = 8600 * (1 + 0.3 * (tin - 0.22))
    nominal = 340 * (sb / 0.075) * (1.0 / diam) * torch.sqrt(e_mod / 105e9 / (rho / 8600)) \
        * (1 + 0.4 * (waist / 0.032 - 1) - 0.6 * (height - 0.79))
    zw, zh, zs = (waist - 0.032) / 0.005, (height - 0.79) / 0.04, (sb - 0.075) / 0.006
    zl, zf, zsh = (lip - 0.035) / 0.006, (flare - 0.5) / 0.29, (shoulder - 0.5) / 0.29
    hum = -2400 + 110 * zw - 60 * zh + 25 * zw * zh + 20 * zw**2 - 15 * zs
    prime = -1200 + 70 * zw + 50 * zh - 30 * zw * zh - 12 * zh**2 + 10 * zl
    tierce = -900 - 45 * zs + 35 * zf + 18 * zs * zf + 12 * torch.sin(1.5 * zf) * zh + 8 * zw
    quint = -500 + 30 * zsh - 25 * zl + 15 * zsh * zl - 10 * zsh**2 + 10 * zh
    cents = torch.stack([hum, prime, tierce, quint], 1) + 5 * torch.randn(n, 4, generator=gen)
    lognom = torch.log(nominal) + 0.003 * torch.randn(n, generator=gen)
    x = torch.stack([diam, sb, waist, lip, height, flare, shoulder, tin], 1)
    return x, torch.cat([cents, lognom.unsqueeze(1)], 1)


class BellPartialNet(nn.Module):
    """A bell-design surrogate of the finite-element modal analysis: the 8 profile parameters through two GELU
    layers to the 4 partials (cents from the nominal) and the log nominal."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = _mlp(8, hidden, 5, nn.GELU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def bell_partials(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The bell net on 2048 profiles, inputs and outputs standardised over them; held out: 2048 other profiles in
    batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(61602)
    x, y = _bf_bells(train_size + 2048, gen)
    x, y = _standardise(x, y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BellPartialNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("ice_rink_adam", ice_rink, 300, "ice_rink_surface_temperature_forecast_mlp", "adam", "finite", 32,
      seconds=0.3, start_lr=0.008),
    W("cue_shots_nesterov", cue_shots, 300, "pool_cut_shot_outcome_mlp", "sgd_nesterov0.9", "finite", 32,
      seconds=0.2, start_lr=0.2),
    W("candle_burn_adamw", candle_burn, 300, "candle_flame_flicker_condition_mlp", "adamw_wd1e-2", "finite", 64,
      seconds=0.45, start_lr=0.002),
    W("trampoline_scoring_nadam", trampoline_scoring, 300, "trampoline_fig_routine_scoring_gru", "nadam", "finite",
      32, seconds=1.1, start_lr=0.064),
)
LONG = (
    W("archery_impact_rmsprop@long", archery_impact, 3000, "archery_aim_release_impact_cnn", "rmsprop", "finite",
      32, seconds=4.5, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("bell_partials_adamax@long", bell_partials, 3000, "bell_profile_partials_surrogate", "adamax", "finite", 32,
      seconds=2.4, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("ice_rink_adam@long", ice_rink, 3000, "ice_rink_surface_temperature_forecast_mlp", "adam", "finite", 32,
      dict(train_size=8192), seconds=3.5, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="ice_rink_adam"),
    W("candle_burn_adamw@long", candle_burn, 3000, "candle_flame_flicker_condition_mlp", "adamw_wd1e-2", "finite", 32,
      dict(train_size=8192), seconds=3.0, start_lr=0.002, grid_fractions=(0.0, 0.05), long_of="candle_burn_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam61_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-first exam's workloads")
