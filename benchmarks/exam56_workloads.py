"""The fifty-sixth exam: six more workload families that neither the suite nor exams 1-54 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam54_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from equestrian science (horse
gait), commercial printing (print quality), tea cultivation and processing, dam safety monitoring, tyre
engineering and amusement rides (roller-coaster dynamics) (exam 55 was built at the same time from other domains;
its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam56/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- horse gait classification from inertial sensors (equestrian science; in the manner of Serra Braganca et al.
  2020's IMU gait classifiers for Icelandic horses): a small 1-d CNN (width-5 convolutions, batch norm, max
  pooling, global average pooling) over 64-sample windows of a withers and a left-forelimb accelerometer (six
  channels) gives walk / trot / toelt / pace / canter; cross-entropy; batch 64; Adam
- printer characterisation with a neural network (commercial printing; after Tominaga's CMYK-to-CIELAB networks
  of the 1990s): a tanh MLP 4-32-32-3 from a patch's CMYK to its CIELAB colour; the loss is the mean CIE76
  colour difference (delta E); a Yule-Nielsen spectral Neugebauer press with dot gain and measurement noise;
  SGD with momentum 0.9 (back-propagation with momentum; from memory)
- neuro-tyre (tyre engineering; Palkovics & El-Gindy 1993's neural tyre model): a tanh MLP from slip ratio, slip
  angle, load and camber to the longitudinal and lateral forces and the aligning moment; rig data from a
  combined-slip Magic Formula (Pacejka) tyre with measurement noise; MSE; RMSprop (Keras's rho 0.9)
- roller-coaster ride g-forces with an LSTM (amusement rides): an LSTM reads a track section segment by segment
  (height change, vertical and horizontal curvature, bank, the entry speed) and gives the vertical and lateral
  g-forces a rider feels at each segment; the speed follows the energy balance with rolling friction and air
  drag; MSE; NAdam (Keras users' choice; from memory)
- black-tea fermentation degree from an electronic nose (tea processing; a long plan only): a 1-d CNN over the
  response curves of ten metal-oxide sensors (PEN3-like) gives the leaves' fermentation time (the degree of
  fermentation); MSE of the standardised time; dropout 0.3; AdamW with weight decay 1e-2
- dam displacement with an HST neural network (dam safety monitoring; Mata 2011; a long plan only): a one-hidden-
  layer tanh MLP from the hydrostatic-season-time inputs (reservoir level, the season's harmonics, time) to a
  concrete dam's radial crest displacement (pendulum readings); MSE; SGD with Nesterov momentum 0.9

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tea e-nose CNN and
the dam HST network (no short plans), the printer network on 6468 patches instead of 1617 and the neuro-tyre on
8192 rig points instead of 1024.

Of the eight plans, one uses plain Adam (the gait CNN), two SGD with momentum 0.9 (both printer plans), two RMSprop
(both neuro-tyre plans), one NAdam (the ride LSTM), one AdamW (the tea CNN) and one SGD with Nesterov momentum (the
dam network).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam56_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam56/README.md).

    python benchmarks/exam56_workloads.py          # the table
    python benchmarks/exam56_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 56"


# --------------------------------------------------------------------------------------------------------------
# 1. horse gait classification from inertial sensors (Adam)

HG_LEN, HG_RATE = 64, 50.0
# footfall phases (fraction of a stride) of the left hind, left fore, right hind, right fore limbs
HG_PHASES = torch.tensor([[0.0, 0.25, 0.5, 0.75],   # walk: four-beat, lateral sequence
                          [0.0, 0.5, 0.5, 0.0],     # trot: diagonal pairs
                          [0.0, 0.25, 0.5, 0.75],   # toelt: four-beat like the walk, faster and smoother
                          [0.0, 0.0, 0.5, 0.5],     # pace: lateral pairs
                          [0.3, 0.6, 0.0, 0.3]])    # canter (left lead): three beats
HG_FREQ = torch.tensor([[0.8, 1.1], [1.1, 1.5], [1.15, 1.6], [1.3, 1.8], [1.4, 2.0]])  # stride frequency, Hz
HG_AMP = torch.tensor([[0.4, 0.15, 0.3], [1.0, 0.15, 0.5], [0.45, 0.2, 0.35], [0.9, 0.7, 0.4], [1.1, 0.3, 0.9]])
HG_WIDTH = torch.tensor([0.09, 0.06, 0.06, 0.055, 0.07])  # footfall load duration (s)


def _hg_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Windows of 64 samples (1.28 s at 50 Hz) of two three-axis accelerometers, one on the withers, one on the left
    forelimb's cannon bone, of a horse at one of five gaits. Each limb's footfall loads the body (a smooth bump of
    the gait's width); the withers' vertical, lateral (left limbs one way, right the other) and fore-aft (the
    derivative of the load, as the body brakes and propels) accelerations sum them with gait-specific amplitudes;
    the forelimb sensor sees its own impact (sharp) and swing (a sinusoid between its footfalls). Stride
    frequencies overlap between gaits; each horse's amplitudes vary by 30%, the sensors sit tilted (a small random
    rotation) and the signals carry noise (sd 0.35 g) and a drifting offset. Returns (n, 6, 64) and the gaits."""
    y = torch.randint(0, 5, (n,), generator=gen)
    lo, hi = HG_FREQ[y, 0], HG_FREQ[y, 1]
    f = (lo + (hi - lo) * torch.rand(n, generator=gen)).unsqueeze(1)
    t = torch.arange(HG_LEN).float().view(1, -1) / HG_RATE
    off = torch.rand(n, 1, generator=gen)
    amp = HG_AMP[y] * (0.7 + 0.6 * torch.rand(n, 3, generator=gen))
    width = (HG_WIDTH[y] * (0.8 + 0.4 * torch.rand(n, generator=gen))).unsqueeze(1)
    vert = torch.zeros(n, HG_LEN)
    lat = torch.zeros(n, HG_LEN)
    fa = torch.zeros(n, HG_LEN)
    limb_imp = torch.zeros(n, HG_LEN)
    side = torch.tensor([1.0, 1.0, -1.0, -1.0])
    for j in range(4):
        phase = (t * f + off - HG_PHASES[y, j].unsqueeze(1)) % 1.0  # stride fraction since this limb's footfall
        dt = torch.minimum(phase, 1 - phase) / f  # seconds to the nearest footfall
        sgn = torch.where(phase < 0.5, 1.0, -1.0)
        bump = torch.exp(-0.5 * (dt / width) ** 2)
        vert = vert + bump
        lat = lat + side[j] * bump
        fa = fa + sgn * dt / width * bump
        if j == 1:
            limb_imp = torch.exp(-0.5 * (dt / (0.4 * width)) ** 2) + 0.4 * torch.sin(2 * math.pi * phase)
    wx = torch.stack([amp[:, 2:3] * fa, amp[:, 1:2] * lat, amp[:, 0:1] * (vert - vert.mean(1, keepdim=True))], 1)
    limb = torch.stack([0.5 * limb_imp, 0.3 * limb_imp.roll(2, 1), 1.5 * amp[:, 0:1] * limb_imp], 1)
    x = torch.cat([wx, limb], 1)  # n, 6, 64
    ang = 0.25 * torch.randn(n, 2, generator=gen)
    c, s = torch.cos(ang), torch.sin(ang)
    for k, (a, b) in enumerate(((0, 2), (3, 5))):
        xa, xb = x[:, a].clone(), x[:, b].clone()
        x[:, a] = c[:, k : k + 1] * xa - s[:, k : k + 1] * xb
        x[:, b] = s[:, k : k + 1] * xa + c[:, k : k + 1] * xb
    drift = 0.2 * torch.randn(n, 6, 1, generator=gen) * torch.linspace(-1, 1, HG_LEN).view(1, 1, -1)
    x = x + drift + 0.35 * torch.randn(n, 6, HG_LEN, generator=gen)
    return x, y


class GaitCNN(nn.Module):
    """A 1-d CNN gait classifier: three width-5 convolutions (8, 16, 16 channels) with batch norm and ReLU, max
    pooling by 2 after the first two, global average pooling, a linear layer to the five gaits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()

        def block(c_in: int, c_out: int) -> list[nn.Module]:
            return [nn.Conv1d(c_in, c_out, 5, padding=2, bias=False), nn.BatchNorm1d(c_out), nn.ReLU()]

        self.net = nn.Sequential(*block(6, width), nn.MaxPool1d(2), *block(width, 2 * width), nn.MaxPool1d(2),
                                 *block(2 * width, 2 * width), nn.AdaptiveAvgPool1d(1), nn.Flatten(),
                                 nn.Linear(2 * width, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gait_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy over the five gaits."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def gait_cnn(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 8) -> dict[str, Any]:
    """The gait CNN on 8192 windows (a few dozen horses' recordings); held out: 1024 other windows in batches of
    512; Adam."""
    gen = torch.Generator().manual_seed(56102)
    x, y = _hg_windows(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GaitCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": gait_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. printer characterisation: CMYK to CIELAB with a neural network (SGD with momentum)

PR_BANDS = 12


def _pr_press() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A fixed offset press on coated paper in 12 spectral bands (400-700 nm): the paper's reflectance, each
    process ink's optical density per band (cyan absorbing the reds, magenta the greens, yellow the blues, black
    everywhere) and three colour-matching functions (CIE-like Gaussian lobes) with the D50-like white they give."""
    lam = torch.linspace(400, 700, PR_BANDS)

    def lobe(mu: float, sd: float) -> torch.Tensor:
        return torch.exp(-0.5 * ((lam - mu) / sd) ** 2)

    paper = 0.88 - 0.08 * lobe(420, 25)
    dens = torch.stack([1.6 * lobe(640, 60) + 0.15,            # cyan
                        1.5 * lobe(540, 40) + 0.12 * lobe(430, 30) + 0.06,   # magenta
                        1.3 * lobe(440, 35) + 0.03,            # yellow
                        1.7 - 0.15 * (lam - 400) / 300])       # black
    cmf = torch.stack([1.05 * lobe(600, 38) + 0.35 * lobe(445, 20), lobe(555, 45), 1.8 * lobe(450, 24)])
    cmf = cmf / cmf.sum(1, keepdim=True)
    return paper, dens, cmf


def _lab(xyz: torch.Tensor, white: torch.Tensor) -> torch.Tensor:
    r = xyz / white
    d = 6 / 29
    fr = torch.where(r > d**3, r.clamp_min(1e-9) ** (1 / 3), r / (3 * d**2) + 4 / 29)
    return torch.stack([116 * fr[:, 1] - 16, 500 * (fr[:, 0] - fr[:, 1]), 200 * (fr[:, 1] - fr[:, 2])], 1)


def _pr_patches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Patches of a characterisation chart (IT8.7/4-like: tone values on a 5% lattice, a third of the patches with
    black at 0) printed on the press: tone value increase (dot gain 14-20% at 50%, per ink), Demichel's
    coverages of the 16 Neugebauer primaries (whose spectra come from the inks' densities with 90% trapping of
    overprints), the Yule-Nielsen spectral model (n = 1.8), CIELAB against the paper-free white, and the
    spectrophotometer's and the sheet-to-sheet noise (sd 0.5 in L*, a*, b*). Returns (CMYK in [0, 1], Lab)."""
    cmyk = torch.round(20 * torch.rand(n, 4, generator=gen)) / 20
    cmyk[torch.rand(n, generator=gen) < 0.33, 3] = 0.0
    paper, dens, cmf = _pr_press()
    gain = torch.tensor([0.16, 0.18, 0.14, 0.20])
    eff = cmyk + 4 * gain * cmyk * (1 - cmyk)  # tone value increase, peak at 50%
    combos = torch.tensor([[(k >> i) & 1 for i in range(4)] for k in range(16)]).float()  # 16, 4
    inks = combos.sum(1, keepdim=True)
    trap = torch.where(inks > 1, 0.9, 1.0)
    prim = paper * 10 ** (-(combos @ dens) * trap)  # 16, bands
    w = torch.ones(n, 16)
    for i in range(4):
        w = w * torch.where(combos[:, i].bool(), eff[:, i : i + 1], 1 - eff[:, i : i + 1])
    nyn = 1.8
    refl = (w @ prim ** (1 / nyn)) ** nyn
    xyz = refl @ cmf.T
    lab = _lab(xyz, torch.ones(1, 3) * 1.0)
    lab = lab + 0.5 * torch.randn(n, 3, generator=gen)
    return cmyk, lab


class PrinterNet(nn.Module):
    """The CMYK-to-CIELAB network: a tanh MLP 4-32-32-3 on the tone values scaled to [-1, 1], whose outputs are
    (L* - 60) / 100, a* / 100 and b* / 100."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))
        self.register_buffer("centre", torch.tensor([0.6, 0.0, 0.0]))

    def forward(self, cmyk: torch.Tensor) -> torch.Tensor:
        return self.net(2 * cmyk - 1) + self.centre


def delta_e76(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean CIE76 colour difference (delta E*ab) between the predicted and the measured CIELAB."""
    cmyk, lab = batch
    d = 100 * model(cmyk) - lab
    return (d.pow(2).sum(1) + 1e-4).sqrt().mean()


def printer_net(batch_size: int = 16, seed: int = 0, train_size: int = 1617, hidden: int = 32) -> dict[str, Any]:
    """The printer network on 1617 measured patches (IT8.7/4's count); held out: 1024 other patches in batches of
    512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(56202)
    c, lab = _pr_patches(train_size + 1024, gen)
    tr = (c[:train_size], lab[:train_size])
    torch.manual_seed(seed)
    return {"model": PrinterNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], lab[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": delta_e76, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. neuro-tyre: a neural tyre model from rig data (RMSprop)

TY_FZ0 = 4.0  # kN, nominal load


def _ty_rig(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Flat-track rig points of a passenger-car tyre: slip ratio U[-0.3, 0.3], slip angle U[-12, 12] deg, load
    U[2, 8] kN, camber U[-4, 4] deg; the forces from a combined-slip Magic Formula (Pacejka): pure-slip curves
    with load-dependent friction, cornering and slip stiffness and curvature, a camber shift and camber thrust,
    cosine weighting functions for combined slip, and the aligning moment from a pneumatic trail that falls
    with slip angle plus a residual moment; rig noise (1.5% of the nominal load, 2 N m). Returns (inputs scaled
    to about [-1, 1], (Fx / Fz0, Fy / Fz0, Mz / 100 N m))."""
    kappa = 0.6 * torch.rand(n, generator=gen) - 0.3
    alpha = torch.deg2rad(24 * torch.rand(n, generator=gen) - 12)
    fz = 2 + 6 * torch.rand(n, generator=gen)
    gam = torch.deg2rad(8 * torch.rand(n, generator=gen) - 4)
    dfz = (fz - TY_FZ0) / TY_FZ0
    # pure longitudinal slip
    cx, dx = 1.65, (1.2 - 0.08 * dfz) * fz
    kx = fz * (21 + 4 * dfz)
    bx = kx / (cx * dx)
    ex = 0.1 - 0.3 * torch.sign(kappa) * 0.5
    bk = bx * kappa
    fx0 = dx * torch.sin(cx * torch.atan(bk - ex * (bk - torch.atan(bk))))
    # pure lateral slip
    ay = alpha + 0.08 * gam
    cy, dy = 1.3, (1.05 - 0.1 * dfz) * fz * (1 - 2 * gam**2)
    ky = 16 * TY_FZ0 * torch.sin(2 * torch.atan(fz / (1.6 * TY_FZ0)))
    by = ky / (cy * dy)
    ey = -0.6 + 0.2 * dfz
    ba = by * ay
    fy0 = -dy * torch.sin(cy * torch.atan(ba - ey * (ba - torch.atan(ba)))) - 0.8 * fz * gam
    # combined slip
    gxa = torch.cos(torch.atan(12 * torch.cos(torch.atan(8 * kappa)) * alpha))
    gyk = torch.cos(torch.atan(10 * torch.cos(torch.atan(6 * alpha)) * kappa))
    fx, fy = gxa * fx0, gyk * fy0
    # aligning moment (kN m -> N m)
    trail = 0.035 * (1 - 0.1 * dfz) * torch.cos(1.2 * torch.atan(10 * alpha))
    mz = 1000 * (-trail * fy + 0.004 * fz * torch.sin(torch.atan(4 * gam)) + 0.006 * fx * torch.sin(alpha))
    x = torch.stack([kappa / 0.3, alpha / math.radians(12), dfz, gam / math.radians(4)], 1)
    y = torch.stack([fx / TY_FZ0, fy / TY_FZ0, mz / 100], 1)
    y = y + torch.tensor([0.015, 0.015, 0.02]) * torch.randn(n, 3, generator=gen)
    return x, y


class NeuroTyre(nn.Module):
    """The neuro-tyre (Palkovics & El-Gindy 1993): a feed-forward network from slip ratio, slip angle, load and
    camber to the longitudinal force, the lateral force and the aligning moment; two tanh hidden layers of 64."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tyre_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled forces and moment."""
    x, y = batch
    return F.mse_loss(model(x), y)


def neuro_tyre(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The neuro-tyre on 1024 rig points (a few slip sweeps at several loads and cambers); held out: 2048 other
    points in batches of 1024; RMSprop with rho 0.9 (Keras's default, torch's ``alpha``)."""
    gen = torch.Generator().manual_seed(56302)
    x, y = _ty_rig(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuroTyre(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9), "rmsprop_rho0.9"),
            "loss_fn": tyre_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. roller-coaster ride g-forces with an LSTM (NAdam)

RC_SEG, RC_DS, RC_G = 40, 2.0, 9.81


def _rc_sections(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Track sections of 40 segments of 2 m: a height profile of camelback hills and dips (three Gaussian bumps of
    random height, place and width), a horizontal curvature of up to two turns (radius down to 25 m) banked
    towards their centre by a random fraction of the ideal bank; an entry speed U[12, 24] m/s. The speed follows
    the energy balance segment by segment, with rolling friction (mu 0.015, 0.01-0.02 per train) and air drag;
    the rider's vertical g (seat normal) is cos(pitch) cos(bank) + v^2 k_v / g cos(bank) + v^2 k_h / g sin(bank) and
    the lateral g v^2 k_h / g cos(bank) - cos(pitch) sin(bank); accelerometer noise sd 0.05 g. Returns (inputs
    (n, 40, 5): height change / 2 m, 10 x vertical and horizontal curvature, bank, entry speed / 20; targets
    (n, 40, 2))."""
    s = torch.arange(RC_SEG + 2).float().view(1, -1) * RC_DS
    v0 = 12 + 12 * torch.rand(n, 1, generator=gen)
    h = torch.zeros(n, RC_SEG + 2)
    for _ in range(3):
        amp = (torch.rand(n, 1, generator=gen) * 2 - 0.7) * 0.2 * v0**2 / (2 * RC_G)
        c = s[:, -1:] * torch.rand(n, 1, generator=gen)
        w = 8 + 10 * torch.rand(n, 1, generator=gen)
        h = h + amp * torch.exp(-0.5 * ((s - c) / w) ** 2)
    kh = torch.zeros(n, RC_SEG + 2)
    for _ in range(2):
        on = (torch.rand(n, 1, generator=gen) < 0.6).float()
        sign = torch.where(torch.rand(n, 1, generator=gen) < 0.5, -1.0, 1.0)
        radius = 25 + 35 * torch.rand(n, 1, generator=gen)
        c = s[:, -1:] * torch.rand(n, 1, generator=gen)
        w = 5 + 8 * torch.rand(n, 1, generator=gen)
        kh = kh + on * sign / radius * torch.exp(-0.5 * ((s - c) / w) ** 2)
    dh = (h[:, 1:] - h[:, :-1])[:, :RC_SEG]
    kv = ((h[:, 2:] - 2 * h[:, 1:-1] + h[:, :-2]) / RC_DS**2)[:, :RC_SEG]
    kh = kh[:, 1 : RC_SEG + 1]
    pitch = torch.atan(dh / RC_DS)
    mu = 0.01 + 0.01 * torch.rand(n, 1, generator=gen)
    drag = 2e-3
    v2 = v0**2
    out = []
    bank_frac = 0.3 + 0.7 * torch.rand(n, 1, generator=gen)
    bank = torch.zeros(n, RC_SEG)
    for k in range(RC_SEG):
        v2 = (v2 - 2 * RC_G * dh[:, k : k + 1] - 2 * mu * RC_G * RC_DS - 2 * drag * v2 * RC_DS).clamp_min(4.0)
        b = bank_frac * torch.atan(v2 * kh[:, k : k + 1] / RC_G)
        bank[:, k : k + 1] = b
        cp = torch.cos(pitch[:, k : k + 1])
        gv = (cp + v2 * kv[:, k : k + 1] / RC_G) * torch.cos(b) + v2 * kh[:, k : k + 1] / RC_G * torch.sin(b)
        gl = v2 * kh[:, k : k + 1] / RC_G * torch.cos(b) - cp * torch.sin(b)
        out.append(torch.cat([gv, gl], 1))
    y = torch.stack(out, 1)
    y = y + 0.05 * torch.randn(y.shape, generator=gen)
    x = torch.stack([dh / RC_DS, 10 * kv, 10 * kh, bank, (v0 / 20).expand(n, RC_SEG)], 2)
    return x, y


class RideLSTM(nn.Module):
    """A one-layer LSTM (hidden 32) over the segments and a linear read-out of the two g-forces at each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(5, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.lstm(x)[0])


def ride_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the g-forces (in g) over the segments."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ride_lstm(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The ride LSTM on 1024 track sections (a design office's simulated and measured rides); held out: 512 other
    sections in batches of 256; NAdam."""
    gen = torch.Generator().manual_seed(56402)
    x, y = _rc_sections(train_size + 512, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RideLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": ride_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. black-tea fermentation degree from an electronic nose (AdamW; long only)

TE_SENS, TE_LEN, TE_VOC = 10, 24, 6


def _te_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """E-nose measurements of black-tea leaves during fermentation (0-5 h): six
    volatile groups (green-grassy aldehydes falling, floral alcohols such as linalool and geraniol rising, fruity
    esters, methyl salicylate, a sour note rising once over-fermented, a humidity-like background) whose
    concentrations follow the fermentation time, scaled by the leaf batch's rate (temperature and leaf grade,
    0.95-1.05x) and an amount factor; ten metal-oxide sensors (PEN3-like) with fixed cross-sensitivities and
    power-law responses, each curve a first-order rise over 24 s of exposure with a sensor-specific time
    constant; sensor drift and noise. Returns ((n, 10, 24) responses, the fermentation time standardised)."""
    tg = torch.Generator().manual_seed(56501)
    sens = 0.1 + torch.rand(TE_SENS, TE_VOC, generator=tg) ** 2
    tau = 2 + 6 * torch.rand(TE_SENS, 1, generator=tg)
    tf = 5 * torch.rand(n, generator=gen)
    y = (tf - 2.5) / 1.44
    rate = 0.95 + 0.1 * torch.rand(n, generator=gen)
    te = (tf * rate).unsqueeze(1)
    conc = torch.cat([torch.exp(-te / 2.0), 1 - torch.exp(-te / 1.5), te * torch.exp(-te / 3.0) / 1.1,
                      torch.sigmoid(2 * (te - 2.0)), torch.sigmoid(2.5 * (te - 4.0)),
                      0.5 + 0.2 * torch.randn(n, 1, generator=gen)], 1)
    conc = conc * torch.exp(0.05 * torch.randn(n, TE_VOC, generator=gen))
    conc = conc * torch.exp(0.1 * torch.randn(n, 1, generator=gen))
    g = (conc @ sens.T).clamp_min(1e-4) ** 0.7  # n, sensors
    t = torch.arange(TE_LEN).float().view(1, 1, -1)
    curve = g.unsqueeze(2) * (1 - torch.exp(-t / tau.unsqueeze(0)))
    drift = 1 + 0.05 * torch.randn(n, TE_SENS, 1, generator=gen)
    x = curve * drift + 0.03 * torch.randn(n, TE_SENS, TE_LEN, generator=gen)
    return x, y


class ENoseCNN(nn.Module):
    """An e-nose CNN: two width-5 convolutions over time (the sensors as channels; 16 and 32 channels, ReLU, max
    pooling by 2), a dense layer of 64 with dropout 0.3, a linear output (the standardised fermentation time)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(TE_SENS, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * (TE_LEN // 4), 64), nn.ReLU(), nn.Dropout(0.3),
                                  nn.Linear(64, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def ferment_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised fermentation time."""
    x, y = batch
    return F.mse_loss(model(x).squeeze(1), y)


def tea_enose(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The e-nose CNN on 4096 measurements, each sensor scaled by its training mean response; held out: 1024 other
    measurements in batches of 512; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(56502)
    x, y = _te_samples(train_size + 1024, gen)
    scale = x[:train_size, :, -1].mean(0).view(1, -1, 1)
    x = x / scale
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ENoseCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": ferment_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. dam displacement with an HST neural network (SGD with Nesterov momentum; long only)

DM_YEARS = 16


def _dm_readings() -> tuple[torch.Tensor, torch.Tensor]:
    """Daily pendulum readings of a concrete arch dam's radial crest displacement over 16 years: a reservoir level
    with a seasonal operating rule (filling in spring), year-to-year inflow and random drawdowns; an air temperature
    with a seasonal cycle and weather anomalies (AR(1)); the displacement's hydrostatic part (a quartic in the
    level), thermal part (the temperature lagged 25 days through the concrete, its amplitude damped when the
    reservoir is full), an irreversible part (creep, logarithmic in time) and reading noise (sd 0.4 mm). The HST
    inputs: the normalised level h, h^2, the season's sin s, cos s, sin 2s, cos 2s, and time t / 16 and
    log(1 + t). Returns (inputs, displacement in mm, scaled by 10)."""
    g = torch.Generator().manual_seed(56601)
    days = DM_YEARS * 365
    t = torch.arange(days).float()
    s = 2 * math.pi * (t % 365) / 365
    yearly = 0.15 * torch.randn(DM_YEARS, generator=g).repeat_interleave(365)
    level = 0.65 + 0.25 * torch.sin(s - 1.2) + yearly
    e = (0.02 * torch.randn(days, generator=g)).tolist()
    zs = [0.0]
    for v in e[1:]:
        zs.append(0.995 * zs[-1] + v)
    level = (level + torch.tensor(zs)).clamp(0.05, 1.0)
    a = (1.5 * torch.randn(days, generator=g)).tolist()
    ws = [0.0]
    for v in a[1:]:
        ws.append(0.8 * ws[-1] + v)
    temp = 12 + 10 * torch.sin(s - 1.9) + torch.tensor(ws)
    acc = float(temp[0])
    k = 1 / 25
    lt = temp.tolist()
    out = []
    for v in lt:
        acc += k * (v - acc)
        out.append(acc)
    lagged = torch.tensor(out)
    hyd = 6 * level + 4 * level**2 + 9 * level**4
    therm = -0.55 * (lagged - 12) * (1 - 0.35 * level)
    creep = 1.5 * torch.log1p(t / 365)
    disp = hyd + therm + creep + 0.4 * torch.randn(days, generator=g)
    ty = t / 365
    x = torch.stack([2 * level - 1, (2 * level - 1) ** 2, torch.sin(s), torch.cos(s), torch.sin(2 * s),
                     torch.cos(2 * s), ty / DM_YEARS, torch.log1p(ty) / math.log1p(DM_YEARS)], 1)
    return x, (disp / 10).unsqueeze(1)


class HSTNet(nn.Module):
    """Mata's (2011) HST neural network: one hidden layer of tanh units (here 16) on the hydrostatic, seasonal and
    time inputs, a linear output."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def dam_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled displacement (cm)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def dam_hst(batch_size: int = 32, seed: int = 0, hidden: int = 16) -> dict[str, Any]:
    """The HST network on 80% of the 5840 daily readings, chosen at random (a fixed draw); held out: the other 20%
    in batches of 584; SGD with Nesterov momentum 0.9."""
    x, y = _dm_readings()
    perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(56602))
    n = int(0.8 * len(y))
    tr = (x[perm[:n]], y[perm[:n]])
    te = (x[perm[n:]], y[perm[n:]])
    torch.manual_seed(seed)
    return {"model": HSTNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 584),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": dam_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("gait_cnn_adam", gait_cnn, 300, "horse_gait_imu_cnn", "adam", "finite", 64, seconds=1.3, start_lr=0.064),
    W("printer_net_sgdm", printer_net, 300, "printer_cmyk_to_cielab_net", "sgd_momentum0.9", "finite", 16,
      seconds=0.3, start_lr=0.0005),
    W("neuro_tyre_rmsprop", neuro_tyre, 300, "neuro_tyre_force_model", "rmsprop_rho0.9", "small_finite", 32,
      seconds=0.3, start_lr=0.016),
    W("ride_lstm_nadam", ride_lstm, 300, "roller_coaster_ride_g_force_lstm", "nadam", "finite", 32,
      seconds=0.6, start_lr=0.064),
)
LONG = (
    W("tea_enose_adamw@long", tea_enose, 3000, "tea_fermentation_enose_cnn", "adamw_wd1e-2", "finite", 32,
      seconds=5.0, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("dam_hst_sgdn@long", dam_hst, 3000, "dam_displacement_hst_net", "sgd_nesterov0.9", "finite", 32,
      seconds=3.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("printer_net_sgdm@long", printer_net, 3000, "printer_cmyk_to_cielab_net", "sgd_momentum0.9", "finite", 16,
      dict(train_size=6468), seconds=3.0, start_lr=0.000125, grid_fractions=(0.0, 0.05), long_of="printer_net_sgdm"),
    W("neuro_tyre_rmsprop@long", neuro_tyre, 3000, "neuro_tyre_force_model", "rmsprop_rho0.9", "finite", 32,
      dict(train_size=8192), seconds=3.0, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="neuro_tyre_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam56_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-sixth exam's workloads")
