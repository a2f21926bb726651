"""The seventy-first exam: six more workload families that neither the suite nor exams 1-70 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam70_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from figure skating and jump
rotation, lacrosse and stick-pocket throwing, paper airplanes and glider trim, marble runs and rolling-ball tracks,
slot-car racing and guide-pin dynamics, and jigsaw puzzles and piece fitting (exam 72 was built at the same time
from other domains; its module was not opened). What was checked to make them new, and what was tried and dropped,
is in ``benchmarks/results/exam71/README.md``. Every field convention and every cited model below is from the
author's memory; nothing was looked up.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- figure-skating jump calls: an MLP from a jump's take-off (jump type, the skater's mass and height, vertical
  take-off speed, spin rate at take-off, arm pull-in time and tightness) to the technical panel's call (clean, q,
  under-rotated ``<``, downgraded ``<<``, the ISU's rotation calls since 2018); the air rotation from conservation of
  angular momentum with a moment of inertia that falls as the arms pull in and rises at the check-out (the
  simulation idea of King & Yeadon's triple-jump studies, from memory); cross-entropy; Adam
- lacrosse shots from the stick's pocket: an MLP from the stick (shaft length, pocket depth, shooting-string
  whip, mesh stiffness) and the throw (hand speed, stick angular speed, release wrist snap) to the ball's release
  speed and the release-angle error (a deep, whippy pocket holds the ball longer and the shot dips); the release
  from a rotating lever with the ball rolling up the pocket's ramp; MSE of the standardised pair; NAdam
- slot-car cornering: an MLP from the car's set-up (mass, magnet downforce, centre-of-gravity height, guide-pin
  lead ahead of the rear axle, rear-tyre grip, guide-blade depth) and the corner (lane radius) to the log of the
  deslot speed: the lowest of the tipping limit, the rear-tyre slide limit (helped by the pin's lead, the car
  pivoting on its guide) and the guide blade's hold; lap-timer noise; MSE; SGD with Nesterov momentum 0.9 and weight
  decay 5e-4
- jigsaw piece fitting: a pairwise-compatibility CNN (in the spirit of JigsawNet's pairwise CNN, Le & Li 2019,
  from memory: a CNN with batch norm judges the stitched image of two fragments) reads the scanned seam of two
  pieces pressed together (a 2-channel image, one channel per piece) and says whether they fit; edges from a
  parametric tab-and-blank die-cut shape (neck, head, offset), negatives the hard ones (a tab against a blank of
  near shape), scan noise; binary cross-entropy; AdamW (weight decay 1e-2)
- paper-airplane glide trim (a long plan only): a tanh MLP from the fold (span, wing area, elevator up-bend, centre
  of gravity, mass) and the launch (speed, angle) to the log distance and log flight time; flights from a
  point-mass longitudinal glide at the trimmed lift coefficient (phugoid from a too-fast launch, stall above
  CLmax), integrated to the floor; MSE; Adamax
- marble-run transit time (a long plan only): a 1D CNN (64 channels) over the run's ten segments (straight ramp,
  curve, drop, funnel, wave; length, slope, radius) and the marble (glass or steel, groove width) to the log transit
  time; the time from rolling on a grooved rail (kinetic factor 1 + 2/5 r^2 / r_eff^2), rolling resistance, curve scrub,
  drops that keep part of the fall's energy and a funnel's spiral; MSE of the standardised log; RMSprop

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the paper-airplane and
marble-run nets (no short plans), the lacrosse net on 8192 throws instead of 1024 (and 32 units a layer instead of
64) and the slot-car net on 8192 corners instead of 1024.

Of the eight plans, one uses Adam (skating), two NAdam (both lacrosse plans), two SGD with Nesterov momentum (both
slot-car plans), one AdamW (jigsaw), one Adamax (paper airplane) and one RMSprop (marble run).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam71_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam71/README.md).

    python benchmarks/exam71_workloads.py          # the table
    python benchmarks/exam71_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 71"
G = 9.81


def _std(x: torch.Tensor, n: int) -> torch.Tensor:
    """Standardise columns by the first ``n`` rows (the training pool)."""
    return (x - x[:n].mean(0)) / x[:n].std(0)


def _mlp(d_in: int, hidden: int, d_out: int, act: type[nn.Module] = nn.ReLU, layers: int = 2) -> nn.Sequential:
    mods: list[nn.Module] = []
    d = d_in
    for _ in range(layers):
        mods += [nn.Linear(d, hidden), act()]
        d = hidden
    return nn.Sequential(*mods, nn.Linear(d, d_out))


def pair_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (standardised) targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. figure skating: the technical panel's rotation call from a jump's take-off (Adam)

FS_REQ = torch.tensor([2.5, 3.0, 3.0, 3.5, 4.0])  # 2A, 3T, 3Lz, 3A, 4T: revolutions the call is judged against
FS_PRE = torch.tensor([0.15, 0.25, 0.25, 0.15, 0.25])  # pre-rotation on the ice (toe jumps cheat more)


def _fs_jumps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Jumps of five types by skaters of mass 42-80 kg and height 1.45-1.85 m: vertical take-off speed 2.0-3.2 m/s
    (flight time 2 vz / g), spin rate at take-off 1.6-2.8 rev/s (0.3 more per extra revolution) with the arms open,
    pull-in over 0.05-0.25 s to a closed moment of inertia 0.28-0.45 of the open one, the check-out (arms opening)
    in the last 0.08 s. Revolutions in the air = L / (2 pi) x the integral of 1 / I(t) (L conserved; only the ratio
    of the moments matters, so the skater's mass and height, recorded as a user would, carry no signal), plus the
    pre-rotation on the ice; the landing's deficit against the jump's revolutions (with 0.035 rev of judging noise)
    gives the call: clean (< 0.2), q (0.2-0.3), < (0.3-0.5), << (>= 0.5). Returns (scaled take-off features (n, 11),
    call (n,))."""
    kind = torch.randint(0, 5, (n,), generator=gen)
    mass = 42 + 38 * torch.rand(n, generator=gen)
    height = 1.45 + 0.4 * torch.rand(n, generator=gen)
    vz = 2.0 + 1.2 * torch.rand(n, generator=gen)
    w0 = 1.6 + 1.2 * torch.rand(n, generator=gen) + 0.3 * (FS_REQ[kind] - 3)
    tp = 0.05 + 0.2 * torch.rand(n, generator=gen)
    tight = 0.28 + 0.17 * torch.rand(n, generator=gen)
    tf = 2 * vz / G
    s = torch.linspace(0, 1, 48).view(1, -1)
    t = s * tf.view(-1, 1)
    pull = (t / tp.view(-1, 1)).clamp(0, 1)
    ratio = 1 - (1 - tight.view(-1, 1)) * pull
    check = ((t - (tf.view(-1, 1) - 0.08)) / 0.08).clamp(0, 1)
    ratio = ratio + (0.6 - ratio) * check
    inv = 1 / ratio  # I_open / I(t): the spin rate's multiple of the take-off rate
    revs = w0 * torch.trapezoid(inv, t, dim=1)
    deficit = FS_REQ[kind] - FS_PRE[kind] - revs + 0.035 * torch.randn(n, generator=gen)
    call = (deficit >= 0.2).long() + (deficit >= 0.3).long() + (deficit >= 0.5).long()
    x = torch.cat([F.one_hot(kind, 5).float(), torch.stack([(mass - 61) / 11, (height - 1.65) / 0.115,
                                                             (vz - 2.6) / 0.35, (w0 - 2.2) / 0.45, (tp - 0.15) / 0.058,
                                                             (tight - 0.365) / 0.05], 1)], 1)
    return x, call


def call_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the panel's call."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def skating_call(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """A ReLU MLP 11-64-64-4 on 2048 jumps; held out: 2048 other jumps in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(71102)
    x, y = _fs_jumps(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": _mlp(11, hidden, 4), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": call_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. lacrosse: release speed and release-angle error from the stick's pocket (NAdam)


def _lx_throws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Overhand shots: shaft length 0.9-1.1 m (attack / midfield) with a 0.25 m head; pocket depth 0.5-1.6 ball
    diameters; shooting-string whip 0-1; mesh stiffness 0-1 (soft to hard mesh); top-hand speed 6-12 m/s; stick
    angular speed 12-28 rad/s; wrist snap 0-1. The ball rides the pocket at radius L + 0.6 of the head minus the
    depth's sag; it leaves when its centripetal load climbs the pocket's ramp, later with a deeper, whippier pocket
    (so the release is past the aim: the shot dips) and earlier with a stiffer mesh; the release speed is the
    pocket's tangential speed plus the hand's, less the ball's roll in the pocket (energy into the ball's slide),
    plus the snap's flick. 0.5% speed and 0.4 degree release scatter (radar gun and high-speed video). Returns
    (scaled inputs (n, 7), standardised later: (speed m/s, release-angle error degrees))."""
    shaft = 0.9 + 0.2 * torch.rand(n, generator=gen)
    depth = 0.5 + 1.1 * torch.rand(n, generator=gen)
    whip = torch.rand(n, generator=gen)
    mesh = torch.rand(n, generator=gen)
    hand = 6 + 6 * torch.rand(n, generator=gen)
    omega = 12 + 16 * torch.rand(n, generator=gen)
    snap = torch.rand(n, generator=gen)
    r = shaft + 0.15 - 0.03 * depth
    hold = 0.25 + 0.35 * depth * (0.5 + whip) * (1.2 - 0.5 * mesh)  # rad of stick travel the ball is held past aim
    climb = torch.sigmoid(3 * (omega**2 * r / 250 - hold))  # how fully the ball climbs out at release
    tang = omega * r * (0.75 + 0.25 * climb) * (1 - 0.08 * depth * (1 - mesh))
    flick = 3.5 * snap * (0.4 + whip) * climb
    speed = tang + 0.55 * hand + flick
    angle = math.degrees(1) * (hold * (1 - 0.5 * climb) - 0.22 * snap) + 6 * torch.tanh(whip * depth - 0.6)
    speed = speed * (1 + 0.005 * torch.randn(n, generator=gen))
    angle = angle + 0.4 * torch.randn(n, generator=gen)
    x = torch.stack([(shaft - 1) / 0.058, (depth - 1.05) / 0.32, (whip - 0.5) / 0.29, (mesh - 0.5) / 0.29,
                     (hand - 9) / 1.73, (omega - 20) / 4.6, (snap - 0.5) / 0.29], 1)
    return x, torch.stack([speed, angle], 1)


def lacrosse_release(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """A SiLU MLP 7-64-64-2 on 1024 measured shots (targets standardised over them); held out: 2048 other shots in
    batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(71202)
    x, y = _lx_throws(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": _mlp(7, hidden, 2, nn.SiLU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": pair_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. slot-car cornering: the deslot speed (SGD, Nesterov)


def _sc_corners(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """1:32 cars: mass 0.07-0.13 kg, magnet downforce 0-2.5 N, centre of gravity 7-16 mm up, track width 60 mm, the
    guide pin 45-75 mm ahead of the rear axle (wheelbase 80 mm), rear-tyre grip 0.5-1.3 (hard plastic to urethane),
    guide blade 3-8 mm deep; lane radius 0.2-0.75 m. Limits on v^2 / r: tipping (g + Fm / m) x (w/2) / h, the rear
    slide mu (g + Fm / m) (1 + 0.6 lead / wheelbase) (the car pivots on its pin), the blade's hold
    (k depth (g + Fm/m) + lateral friction); the deslot speed is their soft minimum; 3% timing noise. Returns (scaled
    inputs (n, 7), log deslot speed (m/s))."""
    m = 0.07 + 0.06 * torch.rand(n, generator=gen)
    fm = 2.5 * torch.rand(n, generator=gen) ** 1.5
    h = 0.007 + 0.009 * torch.rand(n, generator=gen)
    lead = 0.045 + 0.03 * torch.rand(n, generator=gen)
    mu = 0.5 + 0.8 * torch.rand(n, generator=gen)
    blade = 0.003 + 0.005 * torch.rand(n, generator=gen)
    radius = 0.2 + 0.55 * torch.rand(n, generator=gen)
    geff = G + fm / m
    tip = geff * 0.03 / h
    slide = mu * geff * (1 + 0.6 * lead / 0.08)
    hold = 2.2 * (blade / 0.005) * geff * (0.6 + lead / 0.075) + 6
    lim = torch.stack([tip, slide, hold], 1)
    a = -torch.logsumexp(-lim / 3, 1) * 3  # a soft minimum (m/s^2)
    v = (a * radius).sqrt() * torch.exp(0.03 * torch.randn(n, generator=gen))
    x = torch.stack([(m - 0.1) / 0.017, (fm - 1) / 0.7, (h - 0.0115) / 0.0026, (lead - 0.06) / 0.0087,
                     (mu - 0.9) / 0.23, (blade - 0.0055) / 0.00144, (radius - 0.475) / 0.159], 1)
    return x, torch.log(v)


class SlotCarNet(nn.Module):
    """A ReLU MLP 7-48-48-1 to the log deslot speed."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(7, hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def slot_car(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The deslot net on 1024 timed corners (targets standardised over them); held out: 2048 other corners in batches
    of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(71302)
    x, y = _sc_corners(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SlotCarNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": pair_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. jigsaw piece fitting: a pairwise-compatibility CNN on the scanned seam of two pieces (AdamW)

JG_PTS, JG_ROWS = 48, 16


def _jg_profile(p: torch.Tensor, sign: torch.Tensor) -> torch.Tensor:
    """A die-cut tab (sign +1) or blank (-1) along an edge: a neck of width p[:, 1] at offset p[:, 0] widening into a
    round head of radius p[:, 2] and height p[:, 3] (a sum of a neck bump and a head bump), a gentle edge wave p[:, 4].
    Returns (n, JG_PTS)."""
    s = torch.linspace(0, 1, JG_PTS).view(1, -1)
    c, neck, head, hgt, wave = (p[:, i : i + 1] for i in range(5))
    body = torch.exp(-0.5 * ((s - c) / neck) ** 2) * 0.4 + torch.exp(-0.5 * ((s - c) / head) ** 4)
    return sign.view(-1, 1) * hgt * body + wave * torch.sin(2 * math.pi * s)


def _jg_pairs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Half the pairs fit (the other edge is the same cut seen from the other piece: reversed and negated, with its
    own scan noise of 0.02 and a shift of up to 1 sample); half are hard negatives: a blank of a nearby shape (each
    shape parameter moved by 4-15%), or, a tenth of them, a tab against a tab. The seam as a scanner
    sees it with the two pieces pressed together: a 2-channel 16 x 24 image (piece A's cardboard below its cut,
    piece B's above its own, soft at the cut's edge), so a fit leaves no gap and no overlap. Returns (seam images (n, 2,
    16, 24), fits (n,))."""
    p = torch.stack([0.42 + 0.16 * torch.rand(n, generator=gen), 0.05 + 0.04 * torch.rand(n, generator=gen),
                     0.1 + 0.06 * torch.rand(n, generator=gen), 0.2 + 0.12 * torch.rand(n, generator=gen),
                     0.04 * (2 * torch.rand(n, generator=gen) - 1)], 1)
    sign = torch.where(torch.rand(n, generator=gen) < 0.5, 1.0, -1.0)
    fit = (torch.rand(n, generator=gen) < 0.5).float()
    move = (0.04 + 0.11 * torch.rand(n, 5, generator=gen)) * torch.where(torch.rand(n, 5, generator=gen) < 0.5,
                                                                         1.0, -1.0)
    q = torch.where(fit.view(-1, 1) > 0, p, p * (1 + move))
    same = (torch.rand(n, generator=gen) < 0.1) & (fit == 0)
    qsign = torch.where(same, -sign, sign)
    a = _jg_profile(p, sign) + 0.02 * torch.randn(n, JG_PTS, generator=gen)
    b = _jg_profile(q, qsign) + 0.02 * torch.randn(n, JG_PTS, generator=gen)
    shift = torch.randint(-1, 2, (n,), generator=gen)
    idx = (torch.arange(JG_PTS).view(1, -1) + shift.view(-1, 1)).clamp(0, JG_PTS - 1)
    b = b.gather(1, idx)
    y = torch.linspace(-0.6, 0.6, JG_ROWS).view(1, -1, 1)
    a, b = a[:, ::2], b[:, ::2]  # the scan's 24 columns
    mask_a = torch.sigmoid((a.unsqueeze(1) - y) / 0.03)  # piece A's cardboard below its cut
    mask_b = torch.sigmoid((y - b.unsqueeze(1)) / 0.03)  # piece B's above its own cut, pressed against A's
    return torch.stack([mask_a, mask_b], 1), fit


class PairCompatCNN(nn.Module):
    """JigsawNet's idea in miniature (a CNN that judges the stitched image of two fragments): two 3x3 convolutions
    (16 and 32 channels, batch norm, ReLU, 2x2 max pooling after the first), global max pooling, a dense layer of
    32 and the fit logit."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(2, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
                                  nn.MaxPool2d(2), nn.Conv2d(width, 2 * width, 3, padding=1),
                                  nn.BatchNorm2d(2 * width), nn.ReLU(), nn.AdaptiveMaxPool2d(1))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x)).squeeze(1)


def fit_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of fit / no fit."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def jigsaw_fit(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 16) -> dict[str, Any]:
    """The compatibility CNN on 8192 scanned seams; held out: 2048 other pairs in batches of 1024; AdamW with
    torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(71402)
    x, y = _jg_pairs(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PairCompatCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": fit_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. paper airplanes: distance and flight time from the fold's trim (Adamax; long only)


def _pa_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Folds of an A4 sheet (mass 4.5-6.5 g with 0-1 paper clips of 0.5 g on the nose): span 0.12-0.30 m, wing area
    0.012-0.035 m2, elevator up-bend 0-12 degrees, static margin 0.02-0.2 of the chord (from the clip and the fold).
    The trimmed lift coefficient rises with the bend and falls with the margin, capped at a flat plate's CLmax 0.9
    (beyond it, stalled: drag doubles); drag CD0 0.04 + CL^2 / (pi 0.8 AR). Launched by hand from 1.7 m at 3-11 m/s
    and -10 to +25 degrees; a point-mass glide (speed and flight-path angle, air density 1.2) integrated with 0.02 s
    steps to the floor or 8 s. Returns (scaled inputs (n, 7), (log distance m, log flight time s))."""
    mass = 0.0045 + 0.002 * torch.rand(n, generator=gen) + 0.0005 * (torch.rand(n, generator=gen) < 0.4).float()
    span = 0.12 + 0.18 * torch.rand(n, generator=gen)
    area = 0.012 + 0.023 * torch.rand(n, generator=gen)
    bend = 12 * torch.rand(n, generator=gen)
    sm = 0.02 + 0.18 * torch.rand(n, generator=gen)
    v0 = 3 + 8 * torch.rand(n, generator=gen)
    g0 = math.radians(-10) + math.radians(35) * torch.rand(n, generator=gen)
    ar = span**2 / area
    cl = 0.05 + 0.045 * bend / (sm / 0.08) ** 0.7
    stalled = cl > 0.9
    cl = cl.clamp(max=0.9)
    cd = (0.04 + cl**2 / (math.pi * 0.8 * ar)) * torch.where(stalled, 2.0, 1.0)
    v, gam, x, z, t = v0.clone(), g0.clone(), torch.zeros(n), torch.full((n,), 1.7), torch.zeros(n)
    k = 0.5 * 1.2 * area / mass
    dt = 0.02
    for _ in range(400):
        fly = (z > 0).float()
        dv = -k * cd * v**2 - G * torch.sin(gam)
        dg = (k * cl * v**2 - G * torch.cos(gam)) / v.clamp_min(0.3)
        v = (v + fly * dv * dt).clamp_min(0.3)
        gam = (gam + fly * dg * dt).clamp(-1.5, 1.5)
        x = x + fly * v * torch.cos(gam) * dt
        z = z + fly * v * torch.sin(gam) * dt
        t = t + fly * dt
    x = x * torch.exp(0.03 * torch.randn(n, generator=gen))
    t = t * torch.exp(0.03 * torch.randn(n, generator=gen))
    inp = torch.stack([(mass - 0.0057) / 0.0006, (span - 0.21) / 0.052, (area - 0.0235) / 0.0066, (bend - 6) / 3.46,
                       (sm - 0.11) / 0.052, (v0 - 7) / 2.3, (g0 - 0.13) / 0.176], 1)
    return inp, torch.stack([torch.log(x.clamp_min(0.05)), torch.log(t.clamp_min(0.05))], 1)


def paper_airplane(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """A tanh MLP 7-48-48-2 on 4096 test flights (targets standardised over them); held out: 2048 other flights in
    batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(71502)
    x, y = _pa_flights(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": _mlp(7, hidden, 2, nn.Tanh), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": pair_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. marble runs: transit time over a run of track segments (RMSprop; long only)

MR_SEG, MR_TYPES = 10, 5


def _mr_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Runs of ten segments: straight ramp (0.1-0.4 m, 2-10 degrees), curve (the same, plus a radius 0.05-0.2 m that
    scrubs speed), drop (a 0.05-0.2 m fall; half the fall's energy turns into speed along the track and the
    landing keeps 0.7 of it), funnel (the marble spirals for a time that grows with its entry speed, exits at 0.3 m/s)
    and wave (bumps that cost 8% of the speed each). The marble: glass (16 mm, rolling resistance 0.004) or steel (14
    mm, 0.002), on a rail groove 6-12 mm wide: r_eff = sqrt(r^2 - (w/2)^2) and the kinetic factor 1 + 2/5 r^2 / r_eff^2
    slows the roll. Entry at 0.2 m/s; every segment's time from its mean speed; 2% stopwatch noise. Returns (segments
    (n, 9, MR_SEG): type one-hot, length, slope, radius or drop, marble / groove; log transit time)."""
    typ = torch.randint(0, MR_TYPES, (n, MR_SEG), generator=gen)
    length = 0.1 + 0.3 * torch.rand(n, MR_SEG, generator=gen)
    slope = torch.deg2rad(2 + 8 * torch.rand(n, MR_SEG, generator=gen))
    extra = torch.rand(n, MR_SEG, generator=gen)  # the curve's radius or the drop's height, scaled 0-1
    steel = torch.rand(n, generator=gen) < 0.4
    r = torch.where(steel, 0.007, 0.008)
    crr = torch.where(steel, 0.002, 0.004)
    groove = 0.006 + 0.006 * torch.rand(n, generator=gen)
    reff2 = r**2 - (groove / 2) ** 2
    kf = 1 + 0.4 * r**2 / reff2
    v = torch.full((n,), 0.2)
    total = torch.zeros(n)
    for i in range(MR_SEG):
        ty, le, th, ex = typ[:, i], length[:, i], slope[:, i], extra[:, i]
        a = G * (torch.sin(th) - crr * torch.cos(th)) / kf
        v1 = (v**2 + 2 * a * le).clamp_min(0.01).sqrt()
        seg_t = 2 * le / (v + v1)
        curve = ty == 1
        rad = 0.05 + 0.15 * ex
        v1c = v1 * torch.exp(-0.02 * le / rad)
        v1 = torch.where(curve, v1c, v1)
        seg_t = torch.where(curve, 2 * le / (v + v1c), seg_t)
        drop = ty == 2
        hd = 0.05 + 0.15 * ex
        tfall = ((2 * hd / G) + (v / G) ** 2).sqrt() - 0.0
        vd = (v**2 + 0.5 * 2 * G * hd).sqrt() * 0.7
        v1 = torch.where(drop, vd, v1)
        seg_t = torch.where(drop, tfall + 0.02, seg_t)
        funnel = ty == 3
        v1 = torch.where(funnel, torch.full_like(v, 0.3), v1)
        seg_t = torch.where(funnel, 1.0 + 2.5 * v + 0.5 * ex, seg_t)
        wave = ty == 4
        v1w = v1 * 0.92
        v1 = torch.where(wave, v1w, v1)
        seg_t = torch.where(wave, 2 * le / (v + v1w) * 1.1, seg_t)
        total = total + seg_t
        v = v1
    total = total * torch.exp(0.02 * torch.randn(n, generator=gen))
    seg = torch.cat([F.one_hot(typ, MR_TYPES).float(), ((length - 0.25) / 0.087).unsqueeze(2),
                     ((slope - 0.105) / 0.04).unsqueeze(2), ((extra - 0.5) / 0.29).unsqueeze(2),
                     (steel.float().view(-1, 1, 1) * 2 - 1 + ((groove - 0.009) / 0.0017).view(-1, 1, 1)
                      ).expand(-1, MR_SEG, 1)], 2)
    return seg.transpose(1, 2).contiguous(), torch.log(total)


class MarbleRunCNN(nn.Module):
    """Two 1D convolutions over the run (kernel 3, 64 channels, ReLU; a segment's speed depends on the ones before),
    mean pooling over the ten segments (the transit time is a sum) and a dense head to the log time."""

    def __init__(self, width: int = 64) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(9, width, 3, padding=1), nn.ReLU(), nn.Conv1d(width, width, 3, padding=1),
                                  nn.ReLU())
        self.head = nn.Sequential(nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).mean(2)).squeeze(1)


def marble_run(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 64) -> dict[str, Any]:
    """The run CNN (64 channels) on 4096 timed runs (target standardised over them); held out: 2048 other runs in
    batches of 1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(71602)
    x, y = _mr_runs(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MarbleRunCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": pair_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("skating_call_adam", skating_call, 300, "figure_skating_jump_rotation_call_mlp", "adam", "finite", 32,
      seconds=0.15, start_lr=0.032),
    W("lacrosse_release_nadam", lacrosse_release, 300, "lacrosse_pocket_release_mlp", "nadam", "finite", 64,
      seconds=0.2, start_lr=0.032),
    W("slot_car_nesterov", slot_car, 300, "slot_car_deslot_speed_mlp", "sgd_nesterov0.9_wd5e-4", "finite", 32,
      seconds=0.13, start_lr=0.1),
    W("jigsaw_fit_adamw", jigsaw_fit, 300, "jigsaw_edge_pair_compatibility_cnn", "adamw_wd1e-2", "finite", 32,
      seconds=1.3, start_lr=0.008),
)
LONG = (
    W("paper_airplane_adamax@long", paper_airplane, 3000, "paper_airplane_glide_trim_mlp", "adamax", "finite", 32,
      seconds=1.3, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("marble_run_rmsprop@long", marble_run, 3000, "marble_run_transit_time_cnn", "rmsprop", "finite", 32,
      seconds=4.1, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("lacrosse_release_nadam@long", lacrosse_release, 3000, "lacrosse_pocket_release_mlp", "nadam", "finite", 64,
      dict(train_size=8192, hidden=32), seconds=1.8, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="lacrosse_release_nadam"),
    W("slot_car_nesterov@long", slot_car, 3000, "slot_car_deslot_speed_mlp", "sgd_nesterov0.9_wd5e-4", "finite", 32,
      dict(train_size=8192), seconds=1.1, start_lr=0.1, grid_fractions=(0.0, 0.05), long_of="slot_car_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam71_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventy-first exam's workloads")
