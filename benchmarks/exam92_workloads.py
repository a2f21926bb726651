"""The ninety-second exam: six more workload families that neither the suite nor exams 1-90 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam90_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from weathervanes and wind
tracking, sailboats and tacking angles, hammocks and sag, pretzels and lye browning, waffles and batter rise, and
fondue and cheese viscosity (exams 91, 93 and 94 were built at the same time from other domains; their modules were
not opened). What was checked to make them new, and what was tried and changed, is in
``benchmarks/results/exam92/README.md``. Every field convention below is the author's memory, not checked in
public code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- wind-vane dynamic-response correction: a vane is a damped second-order system (its natural frequency
  proportional to the wind speed through its delay distance, its damping ratio fixed by its design, as in ASTM
  D5366 / ISO 16622's vane tests), so its reading lags and overshoots the true direction; a 1-D CNN (same-padded
  convolutions over the 64-sample record) takes the vane's reading and the cup anemometer's speed and returns the
  true direction at every sample; turbulent directions from an AR(1) process, vanes of unknown delay distance and
  damping; MSE in units of 30 degrees; NAdam (torch's defaults)
- a sailboat's polar from a velocity prediction program (VPP): an MLP from the hull and rig (waterline length,
  displacement-length and sail area-displacement ratios, stability, draught) and the true wind speed to the boat
  speed at 12 true wind angles 36-165 degrees (from which a sailor reads the best upwind tacking angle); the polars
  from a small VPP (apparent wind, sail lift and drag with a flattening limit from the righting moment, ITTC
  friction, a residuary rise near hull speed, induced drag of the keel) solved by bisection; MSE of the speeds
  standardised per angle; RAdam
- hammock hang calculator: an MLP from the anchor spacing, strap heights, suspension and hammock lengths, strap
  stretch, the occupant's weight and position to the sit height, both hang angles and both strap tensions (the
  numbers of a hammock hang calculator such as Derek Hansen's "Ultimate Hang", from memory); test hangs from a
  two-segment elastic suspension under a point load solved by fixed-point iteration, with crane-scale and tape
  noise; MSE of the scaled targets; NAdam (torch's defaults)
- fondue viscosity over a meal: an MLP from the recipe (Gruyere share, cheese mass, wine per kg and its acidity,
  kirsch, cornstarch, lemon juice) and the rechaud's power to the log apparent viscosity at 10 times of a 60-minute
  session; sessions from a lumped simulation (the pot's temperature, evaporation of water and ethanol, Arrhenius
  and solids-fraction viscosity, starch thickening, stringiness without enough acid, the fondue breaking when too
  hot), 4% viscometer scatter; MSE of log10 viscosity; RAdam
- pretzel crust browning after the lye dip (a long plan only): a grey-box net, an MLP from the lye (NaOH strength,
  temperature, dip time), the dough (moisture, skin rest, thickness) and the oven temperature to the three
  parameters of a lag-plus-first-order colour model L*(t) = L_inf + (L0 - L_inf) exp(-k (t - t0)+), evaluated at
  10 bake times; crusts from a lumped surface model (heating, drying, a Maillard rate Arrhenius in temperature,
  rising with the surface pH the lye leaves and with falling water activity); colorimeter noise; MSE of L* / 10;
  AdamW with weight decay 1e-2 (torch's default)
- waffle iron batter rise (a long plan only): a classic food-engineering back-propagation ANN (tanh, one hidden
  layer) from the batter recipe (water, baking powder, sugar, fat, egg), its rest time, the iron's temperature,
  plate gap, fill and cook time to the waffle's log specific volume, moisture and crust thickness (standardised);
  waffles from a leavening-and-steam model (double-acting baking powder losing its mixing CO2 while the batter
  rests, steam from the heat taken in, gas held by a batter viscosity, rise stopped by starch setting and capped by
  the plates); 1% scatter; MSE; SGD with momentum 0.9

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the pretzel and waffle
nets (no short plans), the hammock net on 8192 hangs instead of 768 and the fondue net on 4096 sessions instead of
512.

Of the eight plans, two use NAdam (wind vane, hammock), two RAdam (sailboat, fondue), and the long plans NAdam
(hammock), RAdam (fondue), AdamW (pretzel) and SGD with momentum (waffle).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool``); ``optimizer`` is a hook ``(params, lr) -> Optimizer``;
``seed`` varies only the model's initialisation and the batch order. No loss draws random numbers. The entrypoint is
``benchmarks/exam92_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam92/README.md).

    python benchmarks/exam92_workloads.py          # the table
    python benchmarks/exam92_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 92"


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. wind-vane dynamic-response correction with a 1-D CNN (NAdam)

WV_LEN, WV_DT, WV_SUB = 64, 0.25, 8


def _wv_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16-second records sampled at 4 Hz. The wind speed: a mean of 2-12 m/s with AR(1) gusts (intensity 10-25%,
    time scale 2 s). The true direction about its mean: an AR(1) process with sd 5-25 degrees (more in light wind)
    and time scale 0.5-3 s. The vane: theta'' + 2 zeta wn theta' + wn^2 theta = wn^2 dir, wn = U / D with a delay
    distance D of 0.6-1.6 m and a damping ratio zeta of 0.25-0.7 (both unknown to the user), integrated with 8
    semi-implicit substeps per sample; the reading with 1 degree of potentiometer noise. Returns (inputs (n, 2, 64):
    the reading / 30 degrees and U / 10 m/s, the true direction / 30 degrees (n, 1, 64))."""
    u0 = 2 + 10 * torch.rand(n, 1, generator=gen)
    ti = 0.10 + 0.15 * torch.rand(n, 1, generator=gen)
    sd = 5 + 20 * torch.rand(n, 1, generator=gen) * (1.2 - u0 / 12).clamp(0.3, 1)
    tau = 0.5 + 2.5 * torch.rand(n, 1, generator=gen)
    d_delay = 0.6 + 1.0 * torch.rand(n, 1, generator=gen)
    zeta = 0.25 + 0.45 * torch.rand(n, 1, generator=gen)
    steps = WV_LEN * WV_SUB
    h = WV_DT / WV_SUB
    a_dir, a_u = torch.exp(-h / tau), math.exp(-h / 2.0)
    dir_t = sd * torch.randn(n, 1, generator=gen)
    gust = torch.randn(n, 1, generator=gen)
    theta = dir_t + 0.5 * sd * torch.randn(n, 1, generator=gen)
    omega = torch.zeros(n, 1)
    dirs, reads, speeds = [], [], []
    for s in range(steps):
        dir_t = a_dir * dir_t + sd * (1 - a_dir**2).sqrt() * torch.randn(n, 1, generator=gen)
        gust = a_u * gust + math.sqrt(1 - a_u**2) * torch.randn(n, 1, generator=gen)
        u = (u0 * (1 + ti * gust)).clamp_min(0.5)
        wn = u / d_delay
        omega = omega + h * (wn**2 * (dir_t - theta) - 2 * zeta * wn * omega)
        theta = theta + h * omega
        if s % WV_SUB == WV_SUB - 1:
            dirs.append(dir_t)
            reads.append(theta)
            speeds.append(u)
    dirs, reads, speeds = torch.cat(dirs, 1), torch.cat(reads, 1), torch.cat(speeds, 1)
    reads = reads + 1.0 * torch.randn(reads.shape, generator=gen)
    x = torch.stack([reads / 30, speeds / 10], 1)
    return x, (dirs / 30).unsqueeze(1)


class VaneCorrectionCNN(nn.Module):
    """A non-causal 1-D CNN over the record: three same-padded convolutions (kernel 5, 16 channels, the middle one
    dilated by 2) with GELU, and a 1x1 convolution to the corrected direction at every sample."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.GELU(),
                                 nn.Conv1d(width, width, 5, padding=4, dilation=2), nn.GELU(),
                                 nn.Conv1d(width, width, 5, padding=2), nn.GELU(), nn.Conv1d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def wind_vane(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 16) -> dict[str, Any]:
    """The vane-correction CNN on 1024 records; held out: 1024 other records (other vanes) in batches of 512;
    NAdam."""
    gen = torch.Generator().manual_seed(92102)
    x, y = _wv_records(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VaneCorrectionCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. a sailboat's polar from a small velocity prediction program (RAdam)

SB_TWA = torch.tensor([36.0, 40, 45, 52, 60, 75, 90, 105, 120, 135, 150, 165])
KNOT = 0.5144


def _sb_polars(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Boats and wind speeds: waterline length 6-14 m, displacement-length ratio 90-300, sail area-displacement
    ratio 14-26, a stability factor (the righting moment at 25 degrees of heel per tonne and metre of beam) 0.7-1.3,
    draught 1.2-2.8 m (scaled with the length), true wind 4-24 kn. For every true wind angle, the boat speed where
    the sails' drive equals the resistance (bisection, 40 steps): the apparent wind; lift 1.45 (ramping in above 15
    degrees apparent, falling downwind) and drag 0.08 + 0.1 CL^2 + downwind form drag; the sails flattened (lift
    scaled down) when the heeling moment passes the righting moment; ITTC-57 friction on a wetted area from the
    displacement and length, a residuary resistance rising as (V / sqrt(g L))^6 near hull speed (less for light
    boats), and the keel's induced drag. Returns (scaled inputs (n, 6), boat speeds in knots (n, 12))."""
    lwl = 6 + 8 * torch.rand(n, generator=gen)
    dlr = 90 + 210 * torch.rand(n, generator=gen)
    sad = 14 + 12 * torch.rand(n, generator=gen)
    stab = 0.7 + 0.6 * torch.rand(n, generator=gen)
    draft = (0.14 + 0.06 * torch.rand(n, generator=gen)) * lwl
    tws = 4 + 20 * torch.rand(n, generator=gen)
    lwl_ft = lwl / 0.3048
    disp_lt = dlr * (lwl_ft / 100) ** 3  # long tons
    disp = disp_lt * 1016.0  # kg
    vol = disp / 1025
    sa = sad * vol ** (2 / 3)
    beam = 0.3 * lwl
    rm = stab * (disp / 1000) * beam * 9.81 * 1000 * 0.35  # N m at the heel limit
    ce = 0.4 * sa.sqrt() + 0.3 * draft  # heeling arm
    wet = 2.6 * (vol * lwl).sqrt()
    b = lambda t: t.view(-1, 1)  # noqa: E731
    twa = torch.deg2rad(SB_TWA).view(1, -1)
    tw = b(tws) * KNOT

    def net_force(v: torch.Tensor) -> torch.Tensor:
        ax = tw * torch.cos(twa) + v
        ay = tw * torch.sin(twa)
        aws = (ax**2 + ay**2).sqrt()
        awa = torch.atan2(ay, ax)
        deg = torch.rad2deg(awa)
        cl = 1.45 * torch.sigmoid((deg - 18) / 3) * (1 - 0.55 * ((deg - 90) / 90).clamp(0, 1))
        cd = 0.08 + 0.1 * cl**2 + 0.9 * ((deg - 80) / 100).clamp(0, 1)
        q = 0.5 * 1.2 * aws**2 * b(sa)
        heel = q * (cl * torch.cos(awa) + cd * torch.sin(awa))
        flat = (b(rm) / (heel * b(ce)).clamp_min(1e-6)).clamp(max=1.0) ** 0.7
        cl = cl * flat
        drive = q * (cl * torch.sin(awa) - cd * torch.cos(awa))
        side = q * (cl * torch.cos(awa) + cd * torch.sin(awa))
        re = v.clamp_min(1e-3) * b(lwl) / 1.19e-6
        cf = 0.075 / (torch.log10(re) - 2) ** 2
        fric = 0.5 * 1025 * v**2 * b(wet) * cf * 1.1
        fn = v / (9.81 * b(lwl)).sqrt()
        resid = b(disp) * 9.81 * 0.012 * (b(dlr) / 200) ** 0.5 * (fn / 0.4) ** 6 * (1 + 3 * F.relu(fn - 0.45))
        induced = side**2 / (0.5 * 1025 * v.clamp_min(0.3) ** 2 * math.pi * b(draft) ** 2)
        return drive - fric - resid - induced

    lo = torch.full((n, len(SB_TWA)), 0.05)
    hi = torch.full((n, len(SB_TWA)), 12.0)
    for _ in range(40):
        mid = (lo + hi) / 2
        up = net_force(mid) > 0
        lo, hi = torch.where(up, mid, lo), torch.where(up, hi, mid)
    v = (lo + hi) / 2 / KNOT
    x = torch.stack([(lwl - 10) / 2.3, (dlr - 195) / 60, (sad - 20) / 3.5, (stab - 1) / 0.17,
                     (draft / lwl - 0.17) / 0.017, (tws - 14) / 5.8], 1)
    return x, v


class PolarNet(nn.Module):
    """A dense VPP surrogate: the six hull, rig and wind inputs through two SiLU layers of 128 to the 12 polar
    speeds."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(SB_TWA)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sailboat_polar(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The polar net on 1024 (boat, wind speed) polars, each angle's speed standardised over them; held out: 1024
    others in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(92202)
    x, y = _sb_polars(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PolarNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hammock hang calculator: sit height, hang angles and strap tensions (NAdam)


def _hm_hangs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Test hangs: anchors (trees) 3.5-6 m apart, straps at 1.8-2.4 m, a hammock 2.7-3.4 m long end to end, the
    two suspensions (strap and whoopie sling) long enough that the whole line is 1.06-1.22 times the distance
    between the strap points (hang angles of roughly 20-35 degrees unloaded), split 0.35-0.65 between the sides;
    the occupant 50-120 kg, lying at 0.4-0.6 of the bed; the suspension's stretch 3-12% at 1 kN (webbing to
    polyester rope). The hang: a two-segment elastic line under a point load, solved by damped fixed-point
    iteration (the sag point from the two stretched lengths, then the tensions from the equilibrium). Measured as
    in a test hang: the sit height by tape (1 cm), the hang angles by inclinometer (0.5 degrees), the tensions by
    crane scales (2%). Returns (scaled inputs (n, 9), targets (n, 5): the sit height in m, both angles / 30
    degrees and both tensions in kN)."""
    span = 3.5 + 2.5 * torch.rand(n, generator=gen)
    h1 = 1.8 + 0.6 * torch.rand(n, generator=gen)
    h2 = 1.8 + 0.6 * torch.rand(n, generator=gen)
    ham = 2.7 + 0.7 * torch.rand(n, generator=gen)
    chord = (span**2 + (h2 - h1) ** 2).sqrt()
    slack = 1.06 + 0.16 * torch.rand(n, generator=gen)
    susp = chord * slack - ham
    split = 0.35 + 0.3 * torch.rand(n, generator=gen)
    mass = 50 + 70 * torch.rand(n, generator=gen)
    pos = 0.4 + 0.2 * torch.rand(n, generator=gen)
    stretch = 0.03 + 0.09 * torch.rand(n, generator=gen)
    total = ham + susp
    a = susp * split + ham * pos
    bb = total - a
    w = mass * 9.81 / 1000  # kN
    ea = 1.0 / stretch  # kN per unit strain
    t1 = t2 = w
    ax_, ay_ = torch.zeros(n), h1
    bx_, by_ = span, h2
    for _ in range(60):
        la = a * (1 + t1 / ea)
        lb = bb * (1 + t2 / ea)
        d = chord
        xa = (d**2 + la**2 - lb**2) / (2 * d)
        ya = (la**2 - xa**2).clamp_min(1e-6).sqrt()
        ux, uy = (bx_ - ax_) / d, (by_ - ay_) / d
        px = ax_ + xa * ux + ya * uy
        py = ay_ + xa * uy - ya * ux
        e1x, e1y = (ax_ - px) / la, (ay_ - py) / la
        e2x, e2y = (bx_ - px) / lb, (by_ - py) / lb
        det = e1x * e2y - e2x * e1y
        n1 = (-e2x * w) / det
        n2 = (e1x * w) / det
        t1 = 0.5 * t1 + 0.5 * n1.clamp(0.01, 50)
        t2 = 0.5 * t2 + 0.5 * n2.clamp(0.01, 50)
    ang1 = torch.rad2deg(torch.atan2(e1y, -e1x).abs())
    ang2 = torch.rad2deg(torch.atan2(e2y, e2x).abs())
    sit = py + 0.01 * torch.randn(n, generator=gen)
    ang1 = ang1 + 0.5 * torch.randn(n, generator=gen)
    ang2 = ang2 + 0.5 * torch.randn(n, generator=gen)
    t1 = t1 * (1 + 0.02 * torch.randn(n, generator=gen))
    t2 = t2 * (1 + 0.02 * torch.randn(n, generator=gen))
    x = torch.stack([(span - 4.75) / 0.72, (h1 - 2.1) / 0.17, (h2 - 2.1) / 0.17, (ham - 3.05) / 0.2,
                     (slack - 1.14) / 0.046, (split - 0.5) / 0.087,
                     (mass - 85) / 20, (pos - 0.5) / 0.058], 1)
    x = torch.cat([x, ((stretch - 0.075) / 0.026).unsqueeze(1)], 1)
    y = torch.stack([sit, ang1 / 30, ang2 / 30, t1, t2], 1)
    return x, y


class HangNet(nn.Module):
    """An MLP hang calculator: the nine hang inputs through two SiLU layers to the five hang numbers."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def hammock_hang(batch_size: int = 32, seed: int = 0, train_size: int = 768, hidden: int = 64) -> dict[str, Any]:
    """The hang net on 768 test hangs; held out: 1024 other hangs in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(92302)
    x, y = _hm_hangs(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HangNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. fondue viscosity over a meal (RAdam)

FD_TIMES = 10


def _fd_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Fondue sessions of 60 minutes in 1-minute steps. The recipe: Gruyere's share of the cheese 0.3-1 (the rest
    Vacherin Fribourgeois), 0.6-1.0 kg of cheese, 0.25-0.5 l of white wine per kg with 4-8 g/l of tartaric acid,
    0-60 ml of kirsch, 0-25 g of cornstarch per kg, 0-30 ml of lemon juice; the rechaud 80-250 W. The pot starts at
    75 C; it gains the burner's heat and loses to the room and to evaporation (water and ethanol, faster when hot,
    ethanol faster). The apparent viscosity at 10 1/s: Arrhenius in temperature (stiffer for more Gruyere),
    exponential in the cheese-solids fraction as the liquid evaporates, thickened by gelatinised starch, raised by
    casein strings where the acid (tartaric and citric, which bind the calcium) is short, and raised by the fondue
    breaking (fat separating into clumps) while it is held above about 80 C with little starch. Bread dips take
    6 g a minute. Scatter 4% (a viscometer in the pot). Returns (scaled recipe (n, 8), log10 viscosity in Pa s at
    minutes 6, 12, ..., 60 (n, 10))."""
    gru = 0.3 + 0.7 * torch.rand(n, generator=gen)
    cheese = 0.6 + 0.4 * torch.rand(n, generator=gen)
    wine_l = (0.25 + 0.25 * torch.rand(n, generator=gen)) * cheese
    tart = 4 + 4 * torch.rand(n, generator=gen)
    kirsch = 60 * torch.rand(n, generator=gen)
    starch = 25 * torch.rand(n, generator=gen) * cheese
    lemon = 30 * torch.rand(n, generator=gen)
    power = 80 + 170 * torch.rand(n, generator=gen)
    water = wine_l * 0.88 + lemon / 1000 + kirsch / 1000 * 0.6 + cheese * 0.35  # kg
    ethanol = wine_l * 0.1 + kirsch / 1000 * 0.4
    solids = cheese * 0.65 + starch / 1000
    temp = torch.full((n,), 75.0)
    acid = (tart * wine_l + 60 * lemon / 1000) / (cheese * 6.0)  # relative to a calcium-binding need
    strings = F.relu(1 - acid) ** 2
    broken = torch.zeros(n)
    gel = torch.zeros(n)
    out = []
    for minute in range(1, 61):
        mass = water + ethanol + solids
        evap_w = 0.0009 * torch.exp((temp - 75) / 12)
        evap_e = 0.0012 * torch.exp((temp - 75) / 10) * (ethanol / (ethanol + water))
        evap_w, evap_e = torch.minimum(evap_w, 0.5 * water), torch.minimum(evap_e, ethanol)
        heat = power * 60 - 60 * 4.0 * (temp - 20) - 2.26e6 * evap_w - 0.85e6 * evap_e
        temp = temp + heat / (mass * 3000)
        water, ethanol = water - evap_w, ethanol - evap_e
        gel = gel + (1 - gel) * (1 - torch.exp(-F.relu(temp - 62) / 40))
        broken = broken + 0.02 * F.relu(temp - 80) * torch.exp(-starch / cheese / 8)
        take = (0.006 / (water + ethanol + solids)).clamp(max=0.05)
        water, ethanol, solids = water * (1 - take), ethanol * (1 - take), solids * (1 - take)
        if minute % 6 == 0:
            frac = solids / (water + ethanol + solids)
            ln_eta = (math.log(3.0) + (3500 + 2500 * gru) * (1 / (temp + 273.15) - 1 / 343.15)
                      + 9.0 * (frac - 0.5) + 0.9 * gel * starch / cheese / 10 + 1.2 * strings * (1 + frac)
                      + 0.6 * torch.log1p(broken) - 0.15 * ethanol / (water + ethanol) * 10)
            out.append(ln_eta)
    ln_eta = torch.stack(out, 1) + 0.04 * torch.randn(n, FD_TIMES, generator=gen)
    x = torch.stack([(gru - 0.65) / 0.2, (cheese - 0.8) / 0.115, (wine_l / cheese - 0.375) / 0.072,
                     (tart - 6) / 1.15, (kirsch - 30) / 17, (starch / cheese - 12.5) / 7.2, (lemon - 15) / 8.7,
                     (power - 165) / 49], 1)
    return x, ln_eta / math.log(10)


class FondueNet(nn.Module):
    """A recipe-to-session MLP: the eight recipe inputs through two tanh layers of 96 to the ten log viscosities."""

    def __init__(self, hidden: int = 96) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, FD_TIMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def fondue_viscosity(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 96) -> dict[str, Any]:
    """The fondue net on 512 sessions; held out: 1024 other sessions in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(92402)
    x, y = _fd_sessions(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FondueNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pretzel crust browning after the lye dip, a grey-box kinetic net (AdamW; long only)

PZ_TIMES = torch.tensor([3.0, 5, 7, 9, 11, 13, 15, 17, 19, 21])  # minutes in the oven
PZ_L0 = 74.0


def _pz_bakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lye pretzels: NaOH 1-4%, lye at 20-60 C, dipped 5-30 s; dough moisture 38-46%, an uncovered skin rest of
    0-60 min (a drier skin browns sooner), arms 1-2 cm thick; oven 190-240 C. The surface in 0.5-minute steps: its
    temperature approaches the oven's (a time constant growing with thickness, held near 100 C while it still
    dries), its moisture falls, and the browning B grows at a Maillard rate Arrhenius in the surface temperature
    (Ea 110 kJ/mol), x 10^(0.45 (pH - 7)) with the surface pH from the alkali taken up (saturating in strength x
    sqrt(dip time) x a lye-temperature factor) and a water-activity factor; L* = L0 - (L0 - 22) (1 - exp(-B)).
    Colorimeter noise 0.8 L*. Returns (scaled inputs (n, 7), L* / 10 at 10 bake times (n, 10))."""
    naoh = 1 + 3 * torch.rand(n, generator=gen)
    lye_t = 20 + 40 * torch.rand(n, generator=gen)
    dip = 5 + 25 * torch.rand(n, generator=gen)
    moist = 38 + 8 * torch.rand(n, generator=gen)
    rest = 60 * torch.rand(n, generator=gen)
    thick = 1 + torch.rand(n, generator=gen)
    oven = 190 + 50 * torch.rand(n, generator=gen)
    uptake = naoh * dip.sqrt() * (1 + 0.02 * (lye_t - 20))
    ph = 7 + 3.2 * (1 - torch.exp(-uptake / 12))
    tau = 2.0 * thick
    ts = torch.full((n,), 30.0)
    w = moist / 100 * (1 - 0.25 * (1 - torch.exp(-rest / 25)))
    bro = torch.zeros(n)
    out = []
    dt = 0.5
    for step in range(1, 43):
        wet = torch.minimum(oven, torch.full((n,), 100.0) + 60 * (0.3 - w).clamp_min(0) / 0.18)
        target = torch.where(w > 0.12, wet, oven)
        ts = ts + (target - ts) * (1 - math.exp(-dt / 1.0)) * (2.0 / tau)
        w = w - dt * 0.035 * (ts / 100).clamp_min(0) * (oven / 215) / thick.sqrt()
        w = w.clamp_min(0.03)
        aw = torch.exp(-((w - 0.15) / 0.12) ** 2)
        rate = 0.0015 * torch.exp(-110e3 / 8.314 * (1 / (ts + 273.15) - 1 / 453.15)) * 10 ** (0.45 * (ph - 7))
        bro = bro + dt * rate * (0.3 + aw)
        if step % 4 == 2 and step >= 6:
            out.append(PZ_L0 - (PZ_L0 - 22) * (1 - torch.exp(-bro)))
    lstar = torch.stack(out, 1) + 0.8 * torch.randn(n, len(PZ_TIMES), generator=gen)
    x = torch.stack([(naoh - 2.5) / 0.87, (lye_t - 40) / 11.5, (dip - 17.5) / 7.2, (moist - 42) / 2.3,
                     (rest - 30) / 17.3, (thick - 1.5) / 0.29, (oven - 215) / 14.4], 1)
    return x, lstar / 10


class BrowningGreyBox(nn.Module):
    """A grey-box kinetic net: a tanh MLP from the seven bake inputs to the lag t0 (minutes), the rate k (1/min) and
    the end colour L_inf of L*(t) = L_inf + (L0 - L_inf) exp(-k (t - t0)+), evaluated at the bake times (L* / 10)."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        t0 = 3.0 * torch.exp(0.5 * p[:, :1])
        k = 0.12 * torch.exp(0.7 * p[:, 1:2])
        linf = 30.0 + 10.0 * p[:, 2:3]
        t = PZ_TIMES.view(1, -1)
        return (linf + (PZ_L0 - linf) * torch.exp(-k * F.softplus(t - t0, beta=4))) / 10


def pretzel_browning(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The browning grey-box on 4096 bakes; held out: 1024 other bakes in batches of 512; AdamW with torch's weight
    decay 1e-2."""
    gen = torch.Generator().manual_seed(92502)
    x, y = _pz_bakes(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BrowningGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. waffle iron batter rise with a back-propagation ANN (SGD with momentum; long only)


def _wf_waffles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Waffles: water (or milk) 0.9-1.4 per unit flour, double-acting baking powder 1-5% of the flour, sugar 0-20%,
    melted butter 5-30%, egg 0-30%, rested 0-60 min; the iron at 170-230 C with a plate gap of 10-30 mm (American
    to Belgian), filled to 40-80% of its cavity, closed for 2-6 min. The gas: a third of the powder's CO2 released at
    mixing and escaping as the batter rests (time constant 20 min), the rest on heating; steam from the heat taken
    in (a contact heat flux from the plate temperature), limited by the water; the share of gas held by the
    batter, rising with its viscosity (less water, more egg and flour); the rise stops when the starch sets (sooner
    in a hotter iron); the volume capped by the cavity with a soft minimum (overflow). The waffle: log specific
    volume (ml/g), final moisture (% / 10) and crust thickness (mm, from the heat after setting, thinner with more
    water). 1% scatter. Returns (scaled inputs (n, 10), standardised targets (n, 3))."""
    water = 0.9 + 0.5 * torch.rand(n, generator=gen)
    bp = 1 + 4 * torch.rand(n, generator=gen)
    sugar = 20 * torch.rand(n, generator=gen)
    fat = 5 + 25 * torch.rand(n, generator=gen)
    egg = 30 * torch.rand(n, generator=gen)
    rest = 60 * torch.rand(n, generator=gen)
    temp = 170 + 60 * torch.rand(n, generator=gen)
    gap = 10 + 20 * torch.rand(n, generator=gen)
    fill = 0.4 + 0.4 * torch.rand(n, generator=gen)
    cook = 2 + 4 * torch.rand(n, generator=gen)
    co2 = bp * (1 / 3 * torch.exp(-rest / 20) + 2 / 3)
    visc = torch.exp(-2.5 * (water - 1.15) + 0.02 * egg - 0.01 * fat + 0.01 * sugar)
    hold = torch.sigmoid(1.5 * torch.log(visc) + 0.5)
    set_time = 1.6 * torch.exp(-(temp - 200) / 60) * (1 + 0.01 * sugar)
    heat_to_set = torch.minimum(cook, set_time)
    steam = (0.08 * (temp - 100) / 100 * heat_to_set).clamp(max=0.5 * water / (1 + water))
    expansion = 1 + hold * (0.35 * co2 + 9 * steam) * (1 + 0.3 * (1 - torch.exp(-cook / set_time)))
    free = fill * expansion
    vol_frac = -torch.logsumexp(torch.stack([-8 * free, torch.full((n,), -8.0)]), 0) / 8  # soft min(free, 1)
    mass0 = (1 + water + sugar / 100 + fat / 100 + egg / 100) * fill
    lost = mass0 * (0.05 + 0.06 * (temp - 170) / 60 * cook / 4) * water / (1 + water)
    spill = mass0 * F.relu(free - 1) / free * 0.6
    mass = mass0 - lost - spill
    spec_vol = vol_frac * gap / 10 / mass * 1.8
    moisture = ((water / (1 + water)) * mass0 - lost - spill * water / (1 + water)) / mass * 10
    crust = 0.4 * F.relu(cook - heat_to_set).sqrt() * ((temp - 150) / 60) / (0.6 + 0.4 * water)
    y = torch.stack([torch.log(spec_vol), moisture, crust], 1)
    y = y * (1 + 0.01 * torch.randn(y.shape, generator=gen))
    x = torch.stack([(water - 1.15) / 0.144, (bp - 3) / 1.15, (sugar - 10) / 5.8, (fat - 17.5) / 7.2,
                     (egg - 15) / 8.7, (rest - 30) / 17.3, (temp - 200) / 17.3, (gap - 20) / 5.8,
                     (fill - 0.6) / 0.115, (cook - 4) / 1.15], 1)
    return x, y


class WaffleANN(nn.Module):
    """The classic food-engineering back-propagation ANN: one hidden layer of tanh units, linear outputs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def waffle_rise(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The waffle ANN on 4096 waffles, targets standardised over them; held out: 1024 other waffles in batches of
    512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(92602)
    x, y = _wf_waffles(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WaffleANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("wind_vane_nadam", wind_vane, 300, "wind_vane_dynamic_response_correction_cnn", "nadam", "finite", 32,
      seconds=1.2, start_lr=0.016),
    W("sailboat_polar_radam", sailboat_polar, 300, "sailboat_vpp_polar_tacking_mlp", "radam", "finite", 32,
      seconds=0.5, start_lr=0.128),
    W("hammock_hang_nadam", hammock_hang, 300, "hammock_hang_sag_tension_mlp", "nadam", "small_finite", 32,
      seconds=0.4, start_lr=0.032),
    W("fondue_viscosity_radam", fondue_viscosity, 300, "fondue_session_viscosity_mlp", "radam", "small_finite", 32,
      seconds=0.4, start_lr=0.128),
)
LONG = (
    W("pretzel_browning_adamw@long", pretzel_browning, 3000, "pretzel_lye_browning_kinetic_greybox", "adamw_wd1e-2",
      "finite", 32, seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("waffle_rise_sgdm@long", waffle_rise, 3000, "waffle_iron_batter_rise_ann", "sgd_momentum0.9", "finite", 32,
      seconds=2.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("hammock_hang_nadam@long", hammock_hang, 3000, "hammock_hang_sag_tension_mlp", "nadam", "finite", 32,
      dict(train_size=8192), seconds=2.5, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="hammock_hang_nadam"),
    W("fondue_viscosity_radam@long", fondue_viscosity, 3000, "fondue_session_viscosity_mlp", "radam", "finite", 32,
      dict(train_size=4096), seconds=2.8, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="fondue_viscosity_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam92_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-second exam's workloads")
