"""The seventy-fourth exam: six more workload families that neither the suite nor exams 1-72 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam72_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from table tennis and ball spin,
sundials and shadow timekeeping, sextants and celestial navigation, kaleidoscopes and mirror optics, accordions and
free-reed bellows, and embroidery and sewing-machine stitch formation (exam 73 was built at the same time from other
domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam74/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- table-tennis racket rebound: a ReLU MLP from the incoming ball's velocity and spin, the racket's normal and
  velocity and its rubber (inverted, short pips, long pips, anti-spin) to the outgoing velocity and spin (a
  learned rebound model as table-tennis robots use); the impacts from an impulse model with restitution, Coulomb
  friction up to the rolling limit (after Nakashima et al. 2010, from memory) and the rubber's tangential
  elasticity (long pips reverse spin), tracking noise; MSE; Adam (torch's defaults)
- horizontal-sundial reading: a SiLU MLP from the shadow of a nodus (pin gnomon) as a dialist reads it (its
  direction and the sun's altitude from its length), the dial's latitude and longitude offset from its zone
  meridian and the date to the clock (zone mean) time; the shadows from solar geometry (Cooper's declination, the
  usual three-term equation of time), a compass-set dial's north error and penumbra reading errors; MSE of the time
  in hours; Adamax (torch's defaults)
- kaleidoscope mirror angle: a small CNN (with GroupNorm) classifies the 16 x 16 image of a two-mirror kaleidoscope,
  seen through its eyepiece, by its mirror angle (90, 60, 45 or 30 degrees: 4, 6, 8 or 12 sectors); images from
  folding the plane into the wedge between the mirrors (reflections) over random bead cells, a slight mirror
  misalignment, vignetting and noise; cross-entropy; SGD with momentum 0.9 and weight decay 5e-4
- lockstitch formation on an embroidery machine: an MLP with fabric and stabiliser one-hots from the machine and
  thread settings to the stitch outcome (balanced, upper thread looping underneath, bobbin thread showing on top,
  skipped stitch, thread break); outcomes from the capstan equation for the upper thread's tension through its
  guides, the bobbin tension and fabric thickness (the interlock's depth), loop formation and hook timing (skips),
  thread strength (breaks); cross-entropy; RMSprop (torch's alpha 0.99)
- sextant star fixes (a long plan only): an MLP from three star sights (the stars' geographic positions as unit
  vectors from the almanac, the sextant altitudes Hs) and the height of eye to the observer's latitude and
  longitude; the sights from spherical astronomy with dip, Bennett's refraction, an unknown index error and
  observation error; MSE of the standardised position; NAdam (torch's defaults)
- accordion free-reed tuning (a long plan only): an MLP from a reed tongue's length, width, root and tip thickness,
  tuning-weight mass, material and the bellows pressure to its sounding pitch (octaves from A4) and onset pressure;
  a tapered cantilever's fundamental (Rayleigh with a tip mass), the flattening under pressure, onset from the
  tongue's stiffness and the slot gap; MSE of the standardised targets; AdamW (torch's weight decay 1e-2)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the sextant fix net and
the free-reed net (no short plans), the sundial net on 16384 readings instead of 4096 and the lockstitch net on
16384 sewing trials instead of 2048.

Of the eight plans, one uses Adam (table tennis), two Adamax (both sundial plans), one SGD with momentum
(kaleidoscope), two RMSprop (both lockstitch plans), one NAdam (sextant) and one AdamW (accordion).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam74_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam74/README.md).

    python benchmarks/exam74_workloads.py          # the table
    python benchmarks/exam74_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 74"


# --------------------------------------------------------------------------------------------------------------
# 1. table-tennis racket rebound: ball velocity and spin after the racket (Adam)

TT_RUBBERS = 4


def _tt_impacts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ball-racket impacts (a 40 mm, 2.7 g hollow ball, I = 2/3 m r^2): the incoming ball at 3-12 m/s towards the
    player (x < 0) with -2 to 2 m/s lateral and -3 to 1 m/s vertical, spin -600 to 600 rad/s about each axis; the
    racket's normal tilted -60 to 30 degrees (closed to open) and turned -40 to 40 degrees, its velocity 0-8 m/s
    forward (x) and -2 to 4 m/s upward (a stroke), with -1.5 to 1.5 m/s lateral; four rubbers (inverted, short
    pips, long pips, anti-spin) with their normal restitution (falling with the impact speed), friction
    coefficient (+-10% wear) and tangential elasticity (the rubber's spring that returns part of the slip: long
    pips reverse spin). In the racket's frame the normal impulse m (1 + e) v_n; the tangential impulse the smaller
    of mu times it and the impulse that stops the contact point's slip (0.4 m |u|, Nakashima et al.'s 2010 rebound
    model with a rolling limit, from memory), plus the elastic return; the spin from its torque. Tracking noise 2% of
    the outgoing speed and 20 rad/s of spin. Returns (features (n, 16): incoming velocity / 5, spin / 300, the
    racket's normal, velocity / 5, rubber one-hot; outgoing velocity / 5 and spin / 300 (n, 6))."""
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, generator=gen)  # noqa: E731
    v = torch.stack([-u(3, 12), u(-2, 2), u(-3, 1)], 1)
    w = torch.stack([u(-600, 600), u(-600, 600), u(-600, 600)], 1)
    tilt, turn = torch.deg2rad(u(-60, 30)), torch.deg2rad(u(-40, 40))
    normal = torch.stack([torch.cos(tilt) * torch.cos(turn), torch.cos(tilt) * torch.sin(turn), torch.sin(tilt)], 1)
    vr = torch.stack([u(0, 8), u(-1.5, 1.5), u(-2, 4)], 1)
    rub = torch.randint(0, TT_RUBBERS, (n,), generator=gen)
    e0 = torch.tensor([0.88, 0.9, 0.85, 0.65])[rub]
    mu = torch.tensor([0.9, 0.5, 0.15, 0.05])[rub] * u(0.9, 1.1)
    et = torch.tensor([0.25, 0.1, 0.55, 0.05])[rub]
    r = 0.02
    rel = v - vr
    vn = (rel * normal).sum(1, keepdim=True)  # negative: into the racket
    vt = rel - vn * normal
    e = (e0 - 0.015 * vn.abs().squeeze(1)).clamp(0.4, 1).unsqueeze(1)
    contact = -r * normal
    slip = vt + torch.cross(w, contact, dim=1)  # the contact point's tangential velocity
    slip_speed = slip.norm(dim=1, keepdim=True).clamp_min(1e-6)
    jn = (1 + e) * vn.abs()  # per unit mass
    jt = torch.minimum(mu.unsqueeze(1) * jn, 0.4 * slip_speed) * (-slip / slip_speed) - 0.4 * et.unsqueeze(1) * slip
    v_out = vr + vt + jt - e * vn * normal
    w_out = w + torch.cross(contact, jt, dim=1) / (2 / 3 * r**2)
    speed = v_out.norm(dim=1, keepdim=True)
    v_out = v_out + 0.02 * speed * torch.randn(n, 3, generator=gen)
    w_out = w_out + 20 * torch.randn(n, 3, generator=gen)
    feats = torch.cat([v / 5, w / 300, normal, vr / 5, F.one_hot(rub, TT_RUBBERS).float()], 1)
    return feats, torch.cat([v_out / 5, w_out / 300], 1)


class ReboundNet(nn.Module):
    """A ReLU MLP 16-256-256-6 from the incoming ball, the racket's state and its rubber to the outgoing velocity and
    spin (a learned rebound model of the kind table-tennis robots use beside Nakashima's analytic one; the author's
    design, from memory)."""

    def __init__(self, hidden: int = 256) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12 + TT_RUBBERS, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def rebound_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the outgoing velocity (/ 5 m/s) and spin (/ 300 rad/s)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def table_tennis_rebound(batch_size: int = 64, seed: int = 0, train_size: int = 4096,
                         hidden: int = 256) -> dict[str, Any]:
    """The rebound net on 4096 recorded impacts; held out: 2048 other impacts in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(74102)
    x, y = _tt_impacts(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReboundNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": rebound_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. horizontal-sundial reading: shadow tip to clock time (Adamax)


def _sd_readings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Readings of horizontal dials with a nodus of height 1: latitude 35-60 N, the dial's longitude east of its
    zone meridian -10 to +10 degrees, a day of the year, a moment with the sun at least 8 degrees up. The sun's
    declination by Cooper (1969), the equation of time (minutes) 9.87 sin 2B - 7.53 cos B - 1.5 sin B with
    B = 2 pi (d - 81) / 364; the hour angle gives the sun's direction (east, north, up) and the nodus' shadow tip
    (-E / U, -N / U). The dial is set up with a north error of sd 2 degrees (a compass and a guess at the magnetic
    declination), the tip read with an error of sd 2% of the shadow's length (the penumbra) plus 0.002. Returns
    (features (n, 7): the shadow's direction (its east and north cosines), the sun's altitude from the shadow's
    length (rad / 0.5), latitude and longitude offset scaled, the date's cosine and sine; the clock time minus 12 h,
    in hours)."""
    lat = math.radians(35) + math.radians(25) * torch.rand(n, generator=gen)
    dlon = -10 + 20 * torch.rand(n, generator=gen)
    day = 1 + 365 * torch.rand(n, generator=gen)
    dec = math.radians(23.44) * torch.sin(2 * math.pi * (284 + day) / 365)
    b = 2 * math.pi * (day - 81) / 364
    eot = 9.87 * torch.sin(2 * b) - 7.53 * torch.cos(b) - 1.5 * torch.sin(b)
    cos_h0 = ((math.sin(math.radians(8)) - torch.sin(lat) * torch.sin(dec)) / (torch.cos(lat) * torch.cos(dec)))
    h0 = torch.acos(cos_h0.clamp(-1, 1))
    ha = h0 * (2 * torch.rand(n, generator=gen) - 1)
    east = -torch.cos(dec) * torch.sin(ha)
    north = torch.sin(dec) * torch.cos(lat) - torch.cos(dec) * torch.cos(ha) * torch.sin(lat)
    up = torch.sin(dec) * torch.sin(lat) + torch.cos(dec) * torch.cos(ha) * torch.cos(lat)
    sx, sy = -east / up, -north / up
    err = math.radians(2) * torch.randn(n, generator=gen)
    sx, sy = sx * torch.cos(err) - sy * torch.sin(err), sx * torch.sin(err) + sy * torch.cos(err)
    length = (sx**2 + sy**2).sqrt()
    sx = sx + (0.02 * length + 0.002) * torch.randn(n, generator=gen)
    sy = sy + (0.02 * length + 0.002) * torch.randn(n, generator=gen)
    apparent = 12 + torch.rad2deg(ha) / 15
    clock = apparent - eot / 60 - dlon / 15
    length = (sx**2 + sy**2).sqrt()
    feats = torch.stack([sx / length, sy / length, torch.atan(1 / length) / 0.5, (torch.rad2deg(lat) - 47.5) / 7.2,
                         dlon / 5.8,
                         torch.cos(2 * math.pi * day / 365), torch.sin(2 * math.pi * day / 365)], 1)
    return feats, clock - 12


class DialReader(nn.Module):
    """A plain SiLU MLP 7-64-64-1 from the reading (the shadow's direction and length as a dialist reads them) to
    the clock time (the author's own choice: no published sundial net is known to the author)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def clock_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the clock time in hours."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sundial_reading(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The dial reader on 4096 readings; held out: 2048 other readings in batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(74202)
    x, y = _sd_readings(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DialReader(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": clock_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. kaleidoscope mirror angle from its image (SGD with momentum)

KS_SIZE = 16
KS_ORDERS = (2, 3, 4, 6)


def _ks_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Images of two-mirror kaleidoscopes with mirror angle 180 / m degrees (m in 2, 3, 4, 6, so 2m sectors), on a
    16 x 16 sensor over the unit disc. The object cell: up to 7 beads (each present with probability 0.7; Gaussian
    spots of radius 0.08-0.2, brightness 0.4-1, a quarter of them dark at -0.4) placed in polar coordinates inside
    the wedge and a little beyond it; every pixel is folded into the wedge (the angle modulo 2 x the mirror angle,
    then reflected), the camera on the eyepiece (the mirrors' junction centred, their line turned by up to 0.1 rad),
    the mirror angle off by up to 2%, a 0.15 background, vignetting towards the rim and camera noise sd 0.05.
    Returns (images (n, 1, 16, 16), class index)."""
    y = torch.randint(0, len(KS_ORDERS), (n,), generator=gen)
    m = torch.tensor(KS_ORDERS, dtype=torch.float)[y]
    half = math.pi / m * (1 + 0.02 * (2 * torch.rand(n, generator=gen) - 1))
    turn = 0.1 * (2 * torch.rand(n, generator=gen) - 1)
    g = (torch.arange(KS_SIZE).float() + 0.5) / KS_SIZE * 2 - 1
    gy, gx = torch.meshgrid(g, g, indexing="ij")
    r = (gx**2 + gy**2).sqrt().view(1, KS_SIZE, KS_SIZE)
    th = torch.atan2(gy, gx).view(1, KS_SIZE, KS_SIZE) + turn.view(-1, 1, 1)
    th = torch.remainder(th, 2 * half.view(-1, 1, 1))
    th = torch.minimum(th, 2 * half.view(-1, 1, 1) - th)
    fx, fy = r * torch.cos(th), r * torch.sin(th)
    img = torch.full((n, KS_SIZE, KS_SIZE), 0.15)
    for _ in range(7):
        on = (torch.rand(n, generator=gen) < 0.7).float()
        br = 0.4 + 0.6 * torch.rand(n, generator=gen)
        br = torch.where(torch.rand(n, generator=gen) < 0.25, -0.4 * torch.ones(n), br)
        br_r = 0.1 + 0.9 * torch.rand(n, generator=gen)
        br_t = half * (1.3 * torch.rand(n, generator=gen) - 0.15)
        bx, by = br_r * torch.cos(br_t), br_r * torch.sin(br_t)
        w = 0.08 + 0.12 * torch.rand(n, generator=gen)
        d2 = (fx - bx.view(-1, 1, 1)) ** 2 + (fy - by.view(-1, 1, 1)) ** 2
        img = img + (on * br).view(-1, 1, 1) * torch.exp(-d2 / (2 * w.view(-1, 1, 1) ** 2))
    img = img * (1 - 0.5 * r**2) * (r < 1).float()
    img = img + 0.05 * torch.randn(img.shape, generator=gen)
    return img.unsqueeze(1), y


class KaleidoCNN(nn.Module):
    """A small CNN of the kind used to classify symmetry groups of patterns (the author's choice, from memory):
    3x3 convolutions of 8 and 16 channels, each with GroupNorm (4 groups), ReLU and 2x2 max pooling, a dense layer
    of 64, the four classes."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.GroupNorm(4, width), nn.ReLU(),
                                      nn.MaxPool2d(2), nn.Conv2d(width, 2 * width, 3, padding=1),
                                      nn.GroupNorm(4, 2 * width), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (KS_SIZE // 4) ** 2, 64), nn.ReLU(),
                                  nn.Linear(64, len(KS_ORDERS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def mirror_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the number of mirror sectors."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def kaleidoscope_angle(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The kaleidoscope CNN on 4096 images; held out: 1024 other images in batches of 512; SGD with momentum 0.9 and
    weight decay 5e-4."""
    gen = torch.Generator().manual_seed(74302)
    x, y = _ks_images(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KaleidoCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": mirror_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. lockstitch formation on an embroidery machine (RMSprop)

LS_FABRICS, LS_STABS, LS_OUTCOMES = 4, 4, 5


def _ls_trials(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sewing trials: speed 400-1200 stitches/min, upper pre-tension 20-90 cN (the tension discs), the thread's wrap
    through its guides 4-8 rad, bobbin-case tension 12-35 cN, needle size Nm 65-100, thread 15-45 tex, stitch length
    0.5-5 mm, hook timing -1.5 to +1.5 mm from nominal loop pickup, fabric thickness 0.2-3 mm and type (woven, knit,
    denim, leather), stabiliser (none, tear-away, cut-away, water-soluble). The upper thread's tension at the
    interlock by the capstan equation T = T_pre exp(mu theta), mu rising with the thread count, plus the take-up
    lever's dynamic term growing with speed^2; the interlock's depth from the log-ratio of that tension to the
    bobbin's (times the fabric's grip, growing with its thickness and the stabiliser); skipped stitches when the
    loop is too small (a thick thread in a small needle, a knit flagging without a stabiliser, the hook late or
    early, high speed); breaks when the tension nears the thread's strength (~4 cN/tex) or a thick needle in
    leather. The outcome (balanced, upper looping underneath, bobbin showing on top, skipped, break) drawn from a
    softmax of these margins (temperature 0.2). Returns (features (n, 10 + 4 + 4), outcome)."""
    u = lambda: torch.rand(n, generator=gen)  # noqa: E731
    speed, pre, wrap, bob = 400 + 800 * u(), 20 + 70 * u(), 4 + 4 * u(), 12 + 23 * u()
    nm, tex, slen, timing = 65 + 35 * u(), 15 + 30 * u(), 0.5 + 4.5 * u(), 3 * u() - 1.5
    thick = 0.2 + 2.8 * u()
    fab = torch.randint(0, LS_FABRICS, (n,), generator=gen)
    stab = torch.randint(0, LS_STABS, (n,), generator=gen)
    mu = 0.12 + 0.004 * (tex - 15)
    upper = pre * torch.exp(mu * wrap) / 4 + 8e-4 * (speed / 100) ** 2 * tex
    grip = torch.tensor([1.0, 0.7, 1.3, 1.6])[fab] * (1 + 0.15 * thick) * torch.tensor([1.0, 1.1, 1.2, 1.05])[stab]
    balance = 2.5 * torch.log(upper / (1.2 * bob * grip))
    loop = (nm / 10) / tex.sqrt() - 1.1 - 0.35 * (timing.abs() ** 2) - 0.0006 * (speed - 400)
    loop = loop - 0.6 * ((fab == 1) & (stab == 0)).float() - 0.15 * (slen < 1).float()
    strength = 4 * tex
    brk = 3.5 * (upper * 1.2 / strength - 0.6) + 0.9 * ((fab == 3) & (nm > 90)).float() + 0.0005 * (speed - 800)
    logits = torch.stack([1.2 - balance.abs() * 1.2, -1 + 1.5 * (-balance - 0.6), -1 + 1.5 * (balance - 0.6),
                          -2.5 * loop - 0.5, 2.0 * brk - 1.2], 1)
    y = torch.multinomial(F.softmax(logits / 0.2, 1), 1, generator=gen).squeeze(1)
    feats = torch.stack([(speed - 800) / 230, (pre - 55) / 20, (wrap - 6) / 1.15, (bob - 23.5) / 6.6,
                         (nm - 82.5) / 10, (tex - 30) / 8.7, (slen - 2.75) / 1.3, timing / 0.87, (thick - 1.6) / 0.8,
                         torch.log(tex / nm * 3)], 1)
    return torch.cat([feats, F.one_hot(fab, LS_FABRICS).float(), F.one_hot(stab, LS_STABS).float()], 1), y


class StitchNet(nn.Module):
    """An MLP 18-64-64-5 (ReLU) from the machine, thread and fabric settings to the stitch outcome (as the seam-
    quality ANNs of the sewing literature, e.g. seam puckering and stitch-defect predictors; from memory)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10 + LS_FABRICS + LS_STABS, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, LS_OUTCOMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def stitch_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the stitch outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def lockstitch_outcome(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The stitch net on 2048 sewing trials; held out: 4096 other trials in batches of 1024; RMSprop (torch's alpha
    0.99)."""
    gen = torch.Generator().manual_seed(74402)
    x, y = _ls_trials(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StitchNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": stitch_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. sextant star fixes (NAdam; long only)


def _sx_fixes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Three-star fixes in the North Atlantic (latitude 20-50 N, longitude 60-20 W): each star drawn at an altitude
    of 15-70 degrees and an azimuth 120 +- 20 degrees from the previous one (a good fix), its declination and GHA
    from the observer's position (the almanac's values). Sextant altitude Hs = Ho + refraction (Bennett's formula)
    + dip (1.76' sqrt(height of eye in m), eye 2-15 m) + the sextant's index error (sd 1', unknown) + observation
    error (sd 0.5'). Returns (features (n, 13): per star its geographic position as a unit vector and Hs in radians;
    the height of eye / 10 m; the position (latitude, longitude) standardised)."""
    lat = torch.deg2rad(20 + 30 * torch.rand(n, generator=gen))
    lon = torch.deg2rad(-60 + 40 * torch.rand(n, generator=gen))
    eye = 2 + 13 * torch.rand(n, generator=gen)
    ie = torch.randn(n, generator=gen) / 60
    az = 2 * math.pi * torch.rand(n, generator=gen)
    feats = []
    zen = torch.stack([torch.cos(lat) * torch.cos(lon), torch.cos(lat) * torch.sin(lon), torch.sin(lat)], 1)
    east = torch.stack([-torch.sin(lon), torch.cos(lon), torch.zeros(n)], 1)
    north = torch.stack([-torch.sin(lat) * torch.cos(lon), -torch.sin(lat) * torch.sin(lon), torch.cos(lat)], 1)
    for _ in range(3):
        alt_deg = 15 + 55 * torch.rand(n, generator=gen)
        alt = torch.deg2rad(alt_deg)
        horiz = torch.cos(az).unsqueeze(1) * north + torch.sin(az).unsqueeze(1) * east
        gp = torch.cos(alt).unsqueeze(1) * horiz + torch.sin(alt).unsqueeze(1) * zen  # the star's direction
        refr = 1 / torch.tan(torch.deg2rad(alt_deg + 7.31 / (alt_deg + 4.4))) / 60
        hs = alt_deg + refr + 1.76 * eye.sqrt() / 60 + ie + 0.5 / 60 * torch.randn(n, generator=gen)
        feats.append(torch.cat([gp, torch.deg2rad(hs).unsqueeze(1)], 1))
        az = az + torch.deg2rad(120 + 20 * (2 * torch.rand(n, generator=gen) - 1))
    x = torch.cat(feats + [(eye / 10).unsqueeze(1)], 1)
    pos = torch.stack([(torch.rad2deg(lat) - 35) / 8.7, (torch.rad2deg(lon) + 40) / 11.5], 1)
    return x, pos


class SightReductionNet(nn.Module):
    """An MLP 13-128-128-2 (GELU) from the three sights to the fix (the author's own design: a learned sight
    reduction; neural celestial-navigation papers exist but their code is not known to the author)."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(13, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def fix_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised latitude and longitude."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sextant_fix(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 128) -> dict[str, Any]:
    """The sight-reduction net on 16384 three-star fixes; held out: 2048 other fixes in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(74502)
    x, y = _sx_fixes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SightReductionNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": fix_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. accordion free-reed tuning (AdamW; long only)


def _fr_reeds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Accordion reed tongues: length 8-70 mm, width 2-6 mm, root thickness 0.15-0.6 mm, the tip thinned to 40-100%
    of it (a linear taper), a tuning weight (a solder or lead blob at the tip) of 0-60% of the tongue's mass in 70%
    of the reeds, spring steel (E 206 GPa, 7850 kg/m3) or, in 20%, brass (100 GPa, 8500 kg/m3); bellows pressure
    100-2000 Pa. The fundamental of a tapered cantilever (1.875^2 / (2 pi L^2) sqrt(E t^2 / 12 rho) for a uniform
    one, times (t_tip / t_root)^-0.22 x (1 + 0.35 (1 - taper)) for the taper) lowered by the tip mass by Rayleigh's
    1 / sqrt(1 + m_tip / (0.24 m_tongue)); the sounding pitch flattened by 8 cents x p / 1000 Pa x (1 + mass
    share); the onset pressure proportional to the tip stiffness E w t^3 / (4 L^3) times a 30-50 um slot gap over
    the tongue's area. Noise: 3 cents of pitch (the tuner and the reed's settling), 10% of onset (a rough
    measurement). Returns (features (n, 7), (octaves from A4, log10 of the onset in Pa) standardised by the
    caller)."""
    length = 8 + 62 * torch.rand(n, generator=gen)
    width = 2 + 4 * torch.rand(n, generator=gen)
    root = 0.15 + 0.45 * torch.rand(n, generator=gen)
    taper = 0.4 + 0.6 * torch.rand(n, generator=gen)
    share = 0.6 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.7).float()
    brass = (torch.rand(n, generator=gen) < 0.2).float()
    press = 100 + 1900 * torch.rand(n, generator=gen)
    e = 206e9 * (1 - brass) + 100e9 * brass
    rho = 7850 * (1 - brass) + 8500 * brass
    lm, tm = length / 1000, root / 1000
    f_uniform = 1.875**2 / (2 * math.pi * lm**2) * torch.sqrt(e * tm**2 / (12 * rho))
    f0 = f_uniform * taper ** (-0.22) * (1 + 0.35 * (1 - taper)) / torch.sqrt(1 + share / 0.24)
    cents = -8 * press / 1000 * (1 + share) + 3 * torch.randn(n, generator=gen)
    pitch = torch.log2(f0 / 440) + cents / 1200
    k_tip = e * (width / 1000) * (tm * (0.5 + 0.5 * taper)) ** 3 / (4 * lm**3)
    gap = (30 + 20 * torch.rand(n, generator=gen)) * 1e-6
    onset = 9 * k_tip * gap / (lm * width / 1000) * torch.exp(0.1 * torch.randn(n, generator=gen))
    feats = torch.stack([(length - 39) / 18, (width - 4) / 1.15, (root - 0.375) / 0.13, (taper - 0.7) / 0.17,
                         share / 0.25, brass, (press - 1050) / 550], 1)
    return feats, torch.stack([pitch, torch.log10(onset)], 1)


class ReedNet(nn.Module):
    """An MLP 7-64-64-64-2 (SiLU) from the reed's geometry, material and pressure to its pitch and onset (the
    author's own design for a reed maker's tuning aid)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def reed_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised pitch and log onset pressure."""
    x, y = batch
    return F.mse_loss(model(x), y)


def free_reed_tuning(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The reed net on 1024 measured reeds (a workshop's bench records), targets standardised over them; held out:
    2048 other reeds in batches of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(74602)
    x, y = _fr_reeds(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReedNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": reed_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("table_tennis_rebound_adam", table_tennis_rebound, 300, "table_tennis_racket_rebound_spin_mlp", "adam", "finite",
      64, seconds=0.3, start_lr=0.016),
    W("sundial_reading_adamax", sundial_reading, 300, "horizontal_sundial_shadow_clock_time_mlp", "adamax", "finite",
      64, seconds=0.2, start_lr=0.256),
    W("kaleidoscope_angle_momentum", kaleidoscope_angle, 300, "kaleidoscope_mirror_angle_cnn",
      "sgd_momentum0.9_wd5e-4", "finite", 64, seconds=0.95, start_lr=0.05),
    W("lockstitch_outcome_rmsprop", lockstitch_outcome, 300, "embroidery_lockstitch_outcome_mlp", "rmsprop",
      "small_finite", 64, seconds=0.2, start_lr=0.008),
)
LONG = (
    W("sextant_fix_nadam@long", sextant_fix, 3000, "sextant_three_star_fix_mlp", "nadam", "finite", 32,
      seconds=2.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("free_reed_tuning_adamw@long", free_reed_tuning, 3000, "accordion_free_reed_pitch_onset_mlp", "adamw_wd1e-2",
      "small_finite", 32, seconds=1.7, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("sundial_reading_adamax@long", sundial_reading, 3000, "horizontal_sundial_shadow_clock_time_mlp", "adamax",
      "finite", 32, dict(train_size=16384), seconds=1.3, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="sundial_reading_adamax"),
    W("lockstitch_outcome_rmsprop@long", lockstitch_outcome, 3000, "embroidery_lockstitch_outcome_mlp", "rmsprop",
      "finite", 64, dict(train_size=16384), seconds=1.6, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="lockstitch_outcome_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam74_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventy-fourth exam's workloads")
