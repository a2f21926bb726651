"""The hundred-and-fifth exam: six more workload families that neither the suite nor exams 1-104 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam104_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from harmonicas and reed
vibration, zippers and slider wear, frisbees and flight stability, xylophones and bar tuning, pancakes and batter
spreading, and shoelaces and knot slip (exam 106 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam105/README.md``. Model names and published sources are given from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- diatonic harmonica draw bends: a tanh MLP from the hole's blow and draw reed frequencies (Richter tuning), the
  player's vocal-tract resonance and its Q, and the mouth pressure to the sounding pitch (semitones from the draw
  reed) and level of the coupled two-reed note (after Johnston 1987 and Bahnson, Antaki & Beery 1998 on bending, from
  memory; the net is the author's design); the note from a two-reed / vocal-tract loop gain over a frequency
  grid with a soft arg-max (a simplification, the author's); MSE; RMSprop (torch's alpha 0.99)
- zipper slider wear (a long plan only): an MLP with a chain-type embedding from the chain (coil, moulded, metal),
  size, slider hardness, lateral load, lubrication and path curvature to the operating (slider pull) force at 16
  checkpoints of a reciprocating fatigue test (as in EN 16732 / ASTM D2062 style cycling; from memory); the force
  from run-in polishing, Archard wear of the slider throat (wear ~ load x sliding distance / hardness) and the chain
  teeth, and the rise and scatter once the throat gap passes the chain's tolerance; MSE of log force; RAdam
  (torch's defaults)
- frisbee flight stability from a sensor disc: a 1-D CNN (two width-5 convolutions, global average pooling) over
  the first 0.16 s of a 6-axis IMU mounted in the disc classifies the throw (backhand, forehand, hammer) and whether
  the release was wobbly (nutation above 6 degrees): 6 classes (instrumented discs with IMUs exist, the author
  recalls, from memory; the task and the net are the author's design, in the style of IMU activity CNNs);
  readings from rigid-body kinematics of a spinning thin disc (nutation at the spin rate in the body frame, the
  sensor's centripetal offset, lift along the normal, drag turning against the spin); cross-entropy; AdamW with
  weight decay 1e-2 (torch's default)
- xylophone bar tuning: an MLP from an undercut bar's length, thickness, the undercut's depth, length and shape, and
  the wood's stiffness and density to its first three transverse modes (the fundamental in octaves from A4 and the
  log ratios f2/f1, f3/f1 that a tuner brings to 3 and 6); the modes from a 16-element Euler-Bernoulli
  finite-element model of the free-free bar (Hermite elements, the approach of Petrolito & Legge 1997 and Bork's
  tuning papers, from memory), 6 cents of scatter; MSE of standardised targets; Adam (torch's defaults)
- pancake batter rheology from the spread: a 1-D CNN reads the radius of a poured pancake over 30 s on the griddle
  (and the poured volume and griddle temperature) and gives the batter's Herschel-Bulkley consistency, yield
  stress and setting time (the flow index varies but is not a target); the spread from a thin-film gravity current
  (Huppert 1982's scaling, a yield-stress arrest) with the batter stiffening as it cooks; camera noise; MSE of
  standardised parameters; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (the CNN practice, from memory)
- shoelace knot slip (a long plan only): a SiLU MLP with a knot embedding (granny, square-based bow, double bow)
  from the lace's friction, cross-section, free-end length, tightening tension, the foot's impact and the stride rate
  to the lace slipped through the knot at 12 stride counts (after Daily-Diamond, Gregg & O'Reilly 2017: impact
  loosens the knot, the swinging free ends pull the lace through, failure runs away; from memory), a capstan grip
  with an unrecorded 4% dressing scatter; MSE of log(1 + slip in mm); NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the zipper and shoelace
nets (no short plans), the harmonica net on 8192 notes instead of 1024 and the xylophone net on 4096 bars instead
of 512 (in batches of 32; the xylophone's short plan uses batches of 64). The ``seconds`` are one full run measured
while the 2-core machine was shared with another build (about 1.5-2x slower than alone).

Of the eight plans, two use RMSprop (both harmonica plans), one AdamW (frisbee), two Adam (both xylophone plans), one
SGD with Nesterov momentum (pancake), one RAdam (zipper) and one NAdam (shoelace).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam105_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam105/README.md).

    python benchmarks/exam105_workloads.py          # the table
    python benchmarks/exam105_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 105"


def _std(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised by the training part's mean and sd (the first ``n`` rows)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs (the last tensor of a batch is the target)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. diatonic harmonica draw bends (RMSprop)

HB_F = torch.linspace(0, 1, 96)  # where between the blow and draw reeds (a little beyond) the note is sought


def _hb_notes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw notes on holes 1-6 of Richter-tuned harps in keys G to F#: the blow reed a major second to a minor third
    (hole 1-3: up to a fifth on hole 3) below the draw reed. The vocal tract's first resonance 200-2000 Hz with Q
    2-8, mouth suction 0.3-3 kPa. The note: the loop gain over frequencies from just below the blow reed to just
    above the draw reed, the closing (draw) reed's response below its natural frequency, the opening (blow) reed's
    above its own, both reinforced by the tract's impedance; the pitch a soft arg-max of the gain (temperature a
    tenth of its spread), the level the log of the mean gain times the suction; 4 cents and 3% noise. Returns
    (scaled inputs (n, 6), (bend in semitones below the draw reed, log level))."""
    key = torch.randint(0, 12, (n,), generator=gen).float()
    hole = torch.randint(0, 6, (n,), generator=gen)
    blow_st = torch.tensor([0.0, 4, 7, 12, 16, 19])[hole]  # C harp: C E G C E G
    draw_st = torch.tensor([2.0, 7, 11, 14, 17, 21])[hole]  # D G B D F A
    base = 261.63 * 2 ** ((key - 5) / 12)
    fb = base * 2 ** (blow_st / 12)
    fd = base * 2 ** (draw_st / 12)
    fvt = 200 * 10 ** (torch.rand(n, generator=gen))
    q = 2 + 6 * torch.rand(n, generator=gen)
    p = 0.3 + 2.7 * torch.rand(n, generator=gen)
    lo, hi = fb * 0.99, fd * 1.01
    f = lo.view(-1, 1) + (hi - lo).view(-1, 1) * HB_F.view(1, -1)

    def res(f0: torch.Tensor, qq: torch.Tensor | float) -> torch.Tensor:
        r = f / f0.view(-1, 1)
        qq = qq.view(-1, 1) if isinstance(qq, torch.Tensor) else qq
        return 1 / torch.sqrt((1 - r**2) ** 2 + (r / qq) ** 2)

    z = res(fvt, q)
    below = torch.sigmoid((fd.view(-1, 1) - f) / (0.004 * fd.view(-1, 1)))
    above = torch.sigmoid((f - fb.view(-1, 1)) / (0.004 * fb.view(-1, 1)))
    drive = (0.6 + 0.4 * torch.tanh(p - 1)).view(-1, 1)
    gain = drive * (res(fd, 25.0) * below * (0.4 + z) + 0.5 * res(fb, 25.0) * above * z ** 1.5)
    lg = torch.log(gain)
    w = torch.softmax((lg - lg.amax(1, keepdim=True)) / (0.1 * lg.std(1, keepdim=True) + 1e-6), 1)
    fs = (w * f).sum(1)
    bend = 12 * torch.log2(fd / fs) + 0.04 * torch.randn(n, generator=gen)
    level = torch.log(gain.mean(1) * p) + 0.03 * torch.randn(n, generator=gen)
    x = torch.stack([(key - 5.5) / 3.5, (hole.float() - 2.5) / 1.7, (draw_st - blow_st - 3) / 1.2,
                     (torch.log10(fvt) - 2.8) / 0.29, (q - 5) / 1.7, (p - 1.65) / 0.78], 1)
    return x, torch.stack([bend, level], 1)


class HarmonicaBendNet(nn.Module):
    """A tanh MLP from the reeds, the vocal tract and the suction to the bend and level of the note."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def harmonica_bend(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The bend net on 1024 draw notes, targets standardised over them; held out: 2048 other notes in batches of
    1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(105102)
    x, y = _hb_notes(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HarmonicaBendNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. zipper slider wear in a reciprocating fatigue test (RAdam; long only)

ZP_TYPES, ZP_POINTS = 3, 16


def _zp_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Reciprocating tests of a zip with its slider: chain coil (nylon), moulded (acetal) or metal (brass); size #3
    to #10 (the chain width in mm); slider hardness 80-200 HV (zinc die-cast to steel); lateral (crosswise) load
    0-40 N; waxed or dry; the path bent 0-30 degrees. The operating force over 0-6000 cycles at 16 checkpoints:
    the initial force (type, size, curvature, lubrication), run-in polishing (a 15% fall over the first few hundred
    cycles), tooth wear raising friction slowly (coil chains fuzz), and the slider throat worn by Archard's law
    (depth ~ k (F + lateral) x distance / H); once the throat gap passes the chain's tolerance the teeth ride
    instead of meshing and the force climbs steeply. 1% multiplicative noise (the load cell's). Returns (types,
    scaled conditions (n, 5), log force (n, 16))."""
    typ = torch.randint(0, ZP_TYPES, (n,), generator=gen)
    size = 3 + 7 * torch.rand(n, generator=gen)
    hard = 80 + 120 * torch.rand(n, generator=gen)
    lat = 40 * torch.rand(n, generator=gen)
    wax = (torch.rand(n, generator=gen) < 0.5).float()
    bend = 30 * torch.rand(n, generator=gen)
    c = torch.linspace(0, 6000, ZP_POINTS).view(1, -1)
    f0 = torch.tensor([2.0, 3.0, 4.5])[typ] * (size / 5) ** 0.7 * (1 + 0.02 * bend) * (1 - 0.3 * wax)
    runin = 1 - 0.15 * (1 - torch.exp(-c / (150 + 250 * wax.view(-1, 1))))
    tooth = 1 + torch.tensor([0.25, 0.1, 0.05])[typ].view(-1, 1) * (c / 6000) * (1 + lat.view(-1, 1) / 40)
    k = torch.tensor([3.0, 2.0, 5.0])[typ] * (1 - 0.4 * wax)
    wear = k.view(-1, 1) * (f0.view(-1, 1) + 0.5 * lat.view(-1, 1)) * c / hard.view(-1, 1) / 1000  # throat, 0.01 mm
    tol = torch.tensor([6.0, 8.0, 4.0])[typ] * (size / 5) ** 0.5
    ride = 1 + 0.8 * F.softplus(3 * (wear - tol.view(-1, 1))) / 3
    force = f0.view(-1, 1) * runin * tooth * ride * torch.exp(0.01 * torch.randn(n, ZP_POINTS, generator=gen))
    cond = torch.stack([(size - 6.5) / 2, (hard - 140) / 35, (lat - 20) / 11.5, 2 * wax - 1, (bend - 15) / 8.7], 1)
    return typ, cond, torch.log(force)


class ZipperWearNet(nn.Module):
    """An MLP with a learned chain-type embedding (dimension 3) joined with the test conditions, two ReLU layers,
    to the log operating force at the 16 checkpoints."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(ZP_TYPES, 3)
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, ZP_POINTS))

    def forward(self, typ: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(typ), cond], 1))


def zipper_wear(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The wear net on 8192 zip tests, log forces standardised over them (one mean and sd); held out: 2048 other
    tests in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(105202)
    t, c, y = _zp_tests(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (t[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ZipperWearNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((t[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. frisbee flight stability from an in-disc IMU (AdamW)

FR_T, FR_CLASSES = 32, 6


def _fr_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """The first 0.16 s of flight (32 samples at 200 Hz) from a 6-axis IMU in a 175 g, 27 cm disc, 2 cm off its
    centre, in the disc's frame: backhand, forehand (spun the other way) or hammer (thrown upside down, spun as
    the forehand, so +z in the body frame, with the aerodynamic force on the other face), each clean or wobbly.
    Spin 40-90 rad/s; the release's wobble (nutation) 0-14 degrees, wobbly above 6 (the label), decaying with a
    time constant 0.3-2 s. A thin disc (I3 = 2 I1) nutates at the spin rate in its own frame, so the gyro's x-y
    reads a vector of magnitude 2 theta omega turning at omega; the accelerometer reads the centripetal
    acceleration of the sensor's offset (omega^2 r along x), the aerodynamic force along the disc's normal (0.3-1
    g; negative for the hammer) and the drag in the disc plane turning against the spin (0.2-0.5 g), with the
    wobble tilting the normal force into x-y; noise 3 rad/s (a MEMS gyro at high rate, with the disc's vibration)
    and 0.05 g, the gyro saturating at 70 rad/s.
    Returns (readings (n, 6, 32) scaled by 50 rad/s and 2 g, labels (throw x 2 + wobbly))."""
    throw = torch.randint(0, 3, (n,), generator=gen)
    omega = 40 + 50 * torch.rand(n, generator=gen)
    spin = torch.where(throw == 0, omega, torch.where(throw == 1, -omega, omega))
    theta = torch.deg2rad(14 * torch.rand(n, generator=gen))
    tau = 0.3 + 1.7 * torch.rand(n, generator=gen)
    lift = (0.3 + 0.7 * torch.rand(n, generator=gen)) * torch.where(throw == 2, -1.0, 1.0)
    drag = 0.2 + 0.3 * torch.rand(n, generator=gen)
    ph = 2 * math.pi * torch.rand(n, 2, generator=gen)
    t = torch.arange(FR_T).view(1, -1) / 200
    th = theta.view(-1, 1) * torch.exp(-t / tau.view(-1, 1))
    w = spin.view(-1, 1)
    nut = w * t + ph[:, :1]
    gx = 2 * th * w.abs() * torch.cos(nut)
    gy = 2 * th * w.abs() * torch.sin(nut)
    gz = w * (1 - 0.5 * th**2)
    g = 9.81
    rot = -w * t + ph[:, 1:]
    ax = w**2 * 0.02 / g + drag.view(-1, 1) * torch.cos(rot) + lift.view(-1, 1) * th * torch.cos(nut)
    ay = drag.view(-1, 1) * torch.sin(rot) + lift.view(-1, 1) * th * torch.sin(nut)
    az = lift.view(-1, 1) * torch.cos(th)
    gyro = torch.stack([gx, gy, gz.expand_as(gx)], 1) + 3 * torch.randn(n, 3, FR_T, generator=gen)
    acc = torch.stack([ax, ay, az.expand_as(ax)], 1) + 0.05 * torch.randn(n, 3, FR_T, generator=gen)
    x = torch.cat([gyro.clamp(-70, 70) / 50, acc / 2], 1)
    y = 2 * throw + (theta > math.radians(6)).long()
    return x, y


class DiscImuCNN(nn.Module):
    """A 1-D CNN over the 6 IMU channels: two convolutions of width 5 (16 channels) with ReLU and max pooling,
    global average pooling, a linear layer to the 6 classes."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(6, channels, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(channels, channels, 5, padding=2), nn.ReLU())
        self.out = nn.Linear(channels, FR_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.conv(x).mean(2))


def flight_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the throw-and-stability class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def frisbee_imu(batch_size: int = 32, seed: int = 0, train_size: int = 1024, channels: int = 16) -> dict[str, Any]:
    """The IMU CNN on 1024 recorded flights; held out: 2048 other flights in batches of 1024; AdamW with torch's
    weight decay 1e-2."""
    gen = torch.Generator().manual_seed(105302)
    x, y = _fr_flights(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DiscImuCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": flight_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. xylophone bar tuning: the first three modes of an undercut bar (Adam)

XY_EL = 16


def _xy_bars(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Undercut bars of rectangular section: length 0.18-0.45 m, thickness 16-24 mm, width 40 mm (it cancels in
    Euler-Bernoulli), the undercut centred, over 30-80% of the length, its depth 0-65% of the thickness, its profile
    1 - |2s/len|^p with p 2-8 (a parabola to a flat-bottomed cut); Young's modulus 12-22 GPa and density 800-1100
    kg/m3 (rosewood, padauk, African padauk, synthetic). The free-free modes of 16 Hermite beam elements (stiffness
    EI, mass rho A, each from the thickness at the element's centre), the generalised eigenproblem solved in double
    precision; modes 3-5 (the first two are the rigid ones). 6 cents of scatter on each (the tuner's reading and the
    wood's unrecorded grain). Returns (scaled inputs (n, 7), (log2 f1 / 440, log f2 / f1, log f3 / f1))."""
    length = 0.18 + 0.27 * torch.rand(n, generator=gen, dtype=torch.float64)
    h0 = 0.016 + 0.008 * torch.rand(n, generator=gen, dtype=torch.float64)
    cut = 0.3 + 0.5 * torch.rand(n, generator=gen, dtype=torch.float64)
    depth = 0.65 * torch.rand(n, generator=gen, dtype=torch.float64)
    p = 2 + 6 * torch.rand(n, generator=gen, dtype=torch.float64)
    e = 12e9 + 10e9 * torch.rand(n, generator=gen, dtype=torch.float64)
    rho = 800 + 300 * torch.rand(n, generator=gen, dtype=torch.float64)
    width = 0.04
    s = (torch.arange(XY_EL, dtype=torch.float64) + 0.5) / XY_EL - 0.5  # element centres, -0.5..0.5
    u = (2 * s.view(1, -1).abs() / cut.view(-1, 1)).clamp(max=1)
    h = h0.view(-1, 1) * (1 - depth.view(-1, 1) * (1 - u ** p.view(-1, 1)))
    ei = e.view(-1, 1) * width * h**3 / 12
    ra = rho.view(-1, 1) * width * h
    le = (length / XY_EL).view(-1, 1, 1, 1)
    kb = torch.tensor([[12, 6, -12, 6], [6, 4, -6, 2], [-12, -6, 12, -6], [6, 2, -6, 4]], dtype=torch.float64)
    mb = torch.tensor([[156, 22, 54, -13], [22, 4, 13, -3], [54, 13, 156, -22], [-13, -3, -22, 4]],
                      dtype=torch.float64)
    sc = torch.tensor([1.0, 0.0, 1.0, 0.0], dtype=torch.float64)  # which dofs are displacements (else rotations)
    lpow = le ** (1 - sc.view(1, 1, -1, 1)) * le ** (1 - sc.view(1, 1, 1, -1))  # l for each rotation dof
    ke = ei.view(n, XY_EL, 1, 1) / le**3 * kb * lpow
    me = ra.view(n, XY_EL, 1, 1) * le / 420 * mb * lpow
    dof = 2 * (XY_EL + 1)
    kk = torch.zeros(n, dof, dof, dtype=torch.float64)
    mm = torch.zeros(n, dof, dof, dtype=torch.float64)
    for j in range(XY_EL):
        kk[:, 2 * j : 2 * j + 4, 2 * j : 2 * j + 4] += ke[:, j]
        mm[:, 2 * j : 2 * j + 4, 2 * j : 2 * j + 4] += me[:, j]
    chol = torch.linalg.cholesky(mm)
    a = torch.linalg.solve_triangular(chol, kk, upper=False)
    a = torch.linalg.solve_triangular(chol, a.transpose(1, 2), upper=False)
    lam = torch.linalg.eigvalsh(0.5 * (a + a.transpose(1, 2)))[:, 2:5].clamp_min(1e-6)
    f = lam.sqrt() / (2 * math.pi) * torch.exp(0.06 / 12 * math.log(2) * torch.randn(n, 3, generator=gen,
                                                                                       dtype=torch.float64))
    y = torch.stack([torch.log2(f[:, 0] / 440), torch.log(f[:, 1] / f[:, 0]), torch.log(f[:, 2] / f[:, 0])], 1)
    x = torch.stack([(length - 0.315) / 0.078, (h0 - 0.02) / 0.0023, (cut - 0.55) / 0.144, (depth - 0.325) / 0.188,
                     (p - 5) / 1.73, (e - 17e9) / 2.9e9, (rho - 950) / 87], 1)
    return x.float(), y.float()


class BarModeNet(nn.Module):
    """A SiLU MLP from the bar's geometry and wood to its three modes (the fundamental and two ratios)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def xylophone_bar(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The bar net on 512 computed bars, targets standardised over them; held out: 2048 other bars in batches of
    1024; Adam."""
    gen = torch.Generator().manual_seed(105402)
    x, y = _xy_bars(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BarModeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pancake batter rheology from its spread on the griddle (SGD with Nesterov momentum; short only)

PC_T = 32


def _pc_pours(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pours of 40-150 ml of batter (density 1050 kg/m3) on a griddle at 160-220 C. The batter: Herschel-Bulkley
    consistency K 2-30 Pa s^n, flow index n 0.6-1, yield stress 0-15 Pa; it sets as it cooks, K growing as
    exp(t / t_set) with t_set 8-40 s (shorter on a hotter griddle). The spread, a thin axisymmetric gravity current:
    the cake's mean thickness h = V / (pi R^2), its base stress rho g h^2 / R, the shear rate from the
    Herschel-Bulkley law on what exceeds the yield stress, dR/dt = 0.6 h x shear rate (a yield stress arrests it),
    from the radius just after the pour (4 cm) over 30 s (400 log-spaced Euler steps to the first frame, then 8 a
    frame); the radius read by a camera at 32 frames with 0.3% noise. Returns (log(R / 5 cm) (n, 1, 32), (log
    volume, temperature) scaled (n, 2), (log K, log(1 + tau_y), log t_set) (n, 3), standardised by the caller; the
    flow index, which one curve cannot tell from K, is drawn but not a target)."""
    vol = (40 + 110 * torch.rand(n, generator=gen)) * 1e-6
    temp = 160 + 60 * torch.rand(n, generator=gen)
    k0 = torch.exp(math.log(2) + math.log(15) * torch.rand(n, generator=gen))
    nn_ = 0.6 + 0.4 * torch.rand(n, generator=gen)
    ty = 15 * torch.rand(n, generator=gen)
    tset = (8 + 32 * torch.rand(n, generator=gen)) * torch.exp(-(temp - 190) / 60)
    r = torch.full((n,), 0.04)

    def grow(r: torch.Tensor, t: float, dt: float) -> torch.Tensor:
        h = vol / (math.pi * r**2)
        tau = 1050 * 9.81 * h**2 / r
        rate = (F.relu(tau - ty) / (k0 * math.exp(1) ** (t / tset))) ** (1 / nn_)
        return r + dt * 0.6 * h * rate

    ts = torch.logspace(-4, math.log10(30 / PC_T), 400).tolist()
    for t, t2 in zip([0.0] + ts[:-1], ts):
        r = grow(r, t, t2 - t)
    frames = [r]
    for j in range(1, PC_T):
        for i in range(8):
            r = grow(r, 30 / PC_T * (j + i / 8), 30 / PC_T / 8)
        frames.append(r)
    rad = torch.stack(frames, 1) * torch.exp(0.003 * torch.randn(n, PC_T, generator=gen))
    lr_ = torch.log(rad / 0.05)
    side = torch.stack([(torch.log(vol * 1e6) - 4.4) / 0.38, (temp - 190) / 17.3], 1)
    y = torch.stack([torch.log(k0), torch.log1p(ty), torch.log(tset)], 1)
    return lr_.unsqueeze(1), side, y


class SpreadCNN(nn.Module):
    """A 1-D CNN over the radius curve (two convolutions of width 5 with max pooling, 16 channels), its features
    joined with the volume and temperature through a dense layer to the three batter parameters."""

    def __init__(self, channels: int = 16, hidden: int = 64) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(1, channels, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(channels, channels, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Sequential(nn.Linear(channels * PC_T // 4 + 2, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, curve: torch.Tensor, side: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(curve).flatten(1), side], 1))


def pancake_spread(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 16) -> dict[str, Any]:
    """The spread CNN on 2048 filmed pours, each frame's log radius and the parameters standardised over them; held
    out: 2048 other pours in batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(105502)
    c, s, y = _pc_pours(train_size + 2048, gen)
    c = (c - c[:train_size].mean(0)) / c[:train_size].std(0)  # each frame's log radius standardised
    y = _std(y, train_size)
    tr = (c[:train_size], s[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpreadCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], s[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. shoelace knot slip while walking and running (NAdam; long only)

SL_KNOTS, SL_POINTS = 3, 12


def _sl_walks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Shoes tied with a granny-based bow, a square (reef)-based bow or a double bow; lace friction 0.15-0.5, round
    or flat, free ends 4-18 cm, tied with 5-30 N; the foot's impact 3-8 g at a stride rate of 0.7-1.5 Hz (walking to
    running). Each stride the knot's grip (a capstan hold, tension x exp(mu x wrap), the wrap of the knot type, flat
    laces gripping more, times a 4% log-normal factor for how neatly the knot was dressed, which is not recorded)
    loosens by the impact, and the free ends' inertial pull (their mass x the swing's acceleration x their length)
    draws lace through, softly (a softplus) once it passes the grip; the slip cuts the tension, so slip feeds on
    itself (the avalanche Daily-Diamond et al. filmed). 1200 strides; the slip in mm at 12 stride counts (log
    spaced), saturating at 150 mm (untied: 150 tanh(slip / 150)), with 3% noise. Returns (knot ids, scaled
    conditions (n, 6), log(1 + slip / 1 mm) (n, 12))."""
    knot = torch.randint(0, SL_KNOTS, (n,), generator=gen)
    mu = 0.15 + 0.35 * torch.rand(n, generator=gen)
    flat = (torch.rand(n, generator=gen) < 0.5).float()
    end = 0.04 + 0.14 * torch.rand(n, generator=gen)
    t0 = 5 + 25 * torch.rand(n, generator=gen)
    g = 3 + 5 * torch.rand(n, generator=gen)
    rate = 0.7 + 0.8 * torch.rand(n, generator=gen)
    wrap = torch.tensor([2.2, 3.2, 4.6])[knot] * (1 + 0.15 * flat)
    dressed = torch.exp(0.04 * torch.randn(n, generator=gen))  # how neatly the knot was dressed (not recorded)
    tension = t0.clone()
    slip = torch.zeros(n)
    checks = torch.unique(torch.logspace(1, math.log10(1200), SL_POINTS).round().long())
    out = []
    pull = 0.004 * end * g * 9.81 * (1 + 0.8 * rate**2) * 14  # N, the swinging ends' inertial pull
    for stride in range(1, 1201):
        grip = dressed * tension * torch.exp(mu * wrap) * 0.02 / (1 + 0.05 * g)
        excess = 0.05 * F.softplus((pull - grip) / 0.05) + 0.002 * pull
        ds = 2.0 * excess / (1 + 0.2 * wrap)  # mm this stride
        slip = slip + ds
        tension = t0 * torch.exp(-slip / 12)
        if stride in checks:
            out.append(slip)
    slip = 150 * torch.tanh(torch.stack(out, 1) / 150)
    y = torch.log1p(slip * torch.exp(0.03 * torch.randn(n, len(out), generator=gen)))
    cond = torch.stack([(mu - 0.325) / 0.1, 2 * flat - 1, (end - 0.11) / 0.04, (t0 - 17.5) / 7.2, (g - 5.5) / 1.44,
                        (rate - 1.1) / 0.23], 1)
    return knot, cond, y


class KnotSlipNet(nn.Module):
    """An MLP with a learned knot embedding (dimension 3) joined with the lace and gait, three SiLU layers, to the
    log slip at the 12 stride counts."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(SL_KNOTS, 3)
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, SL_POINTS))

    def forward(self, knot: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(knot), cond], 1))


def shoelace_slip(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The slip net on 8192 tied shoes; held out: 2048 others in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(105602)
    k, c, y = _sl_walks(train_size + 2048, gen)
    tr = (k[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KnotSlipNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((k[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("harmonica_bend_rmsprop", harmonica_bend, 300, "harmonica_draw_bend_two_reed_mlp", "rmsprop", "finite", 32,
      seconds=0.3, start_lr=0.016),
    W("frisbee_imu_adamw", frisbee_imu, 300, "frisbee_imu_flight_stability_cnn1d", "adamw_wd1e-2", "finite",
      32, seconds=0.8, start_lr=0.032),
    W("xylophone_bar_adam", xylophone_bar, 300, "xylophone_undercut_bar_fem_mode_mlp", "adam", "small_finite", 64,
      seconds=0.8, start_lr=0.064),
    W("pancake_spread_nesterov", pancake_spread, 300, "pancake_batter_spread_rheology_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=0.8, start_lr=0.1),
)
LONG = (
    W("zipper_wear_radam@long", zipper_wear, 3000, "zipper_slider_wear_force_curve_mlp", "radam", "finite", 32,
      seconds=4.6, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("shoelace_slip_nadam@long", shoelace_slip, 3000, "shoelace_knot_slip_stride_mlp", "nadam", "finite", 32,
      seconds=4.6, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("harmonica_bend_rmsprop@long", harmonica_bend, 3000, "harmonica_draw_bend_two_reed_mlp", "rmsprop", "finite",
      32, dict(train_size=8192), seconds=3.6, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="harmonica_bend_rmsprop"),
    W("xylophone_bar_adam@long", xylophone_bar, 3000, "xylophone_undercut_bar_fem_mode_mlp", "adam", "finite", 32,
      dict(train_size=4096), seconds=4.9, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="xylophone_bar_adam"),
)
REGISTRY = Registry(EXAM, LONG, "exam105_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifth exam's workloads")
