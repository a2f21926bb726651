"""The ninety-eighth exam: six more workload families that neither the suite nor exams 1-96 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam96_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from popsicles and melt drip, land
yachts and sail power, tug of war and rope tension, canal locks and water levels, weather balloons and ascent rates,
and pinatas and break strength (exam 97 was built at the same time from other domains; its module was not opened).
What was checked to make them new, and what was tried and changed, is in ``benchmarks/results/exam98/README.md``.
Every field convention below is the author's memory, not a source that was looked up. The models are the plain
feed-forward nets (an "ANN" / MLP of two hidden layers) that these fields' data-driven papers use as surrogates, as
the author remembers them; none is a specific published architecture with its own name (see the README).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- popsicle meltdown (drip) test: an ANN from the recipe and the test conditions (sugar, stabiliser, mass,
  diameter, start temperature, air temperature, sun, wind) to the dripped fraction at 12 times of a 60-minute
  meltdown test (as in the food-engineering ANN papers on ice-cream meltdown, from memory); the drip from a lumped
  heat balance with the sugar's freezing-point depression, a drip onset and a stabiliser hold-up; MSE of the
  dripped percentage scaled to [-1, 1]; Adam (torch's defaults)
- pinata swing-by-swing break prediction: an MLP classifier of whether a swing breaks the pinata, from the shell
  (papier-mache layers, flour or glue paste, drying days, humidity, size, candy load), the swing (bat mass,
  speed, where it lands) and the earlier hits' damage; the break from a Weibull strength of the shell (the weakest
  link) with cumulative damage; binary cross-entropy; AdamW (torch's weight decay 1e-2)
- tug-of-war rope tension: an MLP from the two teams' eight pullers' masses, their shoes' friction, lean, the
  surface and the rope's stretch to the steady rope tension and the peak tension of a heave (friction-limited team
  pulls, the weaker team's hold sets the steady tension, a surge through the rope's stiffness); MSE of the
  standardised tensions; SGD with momentum 0.9 and weight decay 5e-4
- canal lock filling: an MLP from the chamber's length, width and lift, the culvert area, the valve's opening
  time and the loss coefficient to the chamber level at 16 times of a filling (the lock-filling equation
  A dh/dt = mu a(t) sqrt(2 g (H - h)), integrated by the factory at 1 s); MSE of the standardised levels (fractions of
  the lift); SGD with Nesterov momentum 0.9
- land yacht sail power (a long plan only): an MLP from the true wind, the heading, the sail area, mass, rolling
  resistance, track and the rig's centre of effort to the steady speed and the sail's power (a force balance of a
  wing sail in the apparent wind against rolling and hull drag, depowered when the windward wheel would lift);
  MSE of the standardised speed ratio and log power; SGD with momentum 0.9 and weight decay 1e-4
- weather balloon ascent (a long plan only): an MLP from the balloon's mass, the payload, the free lift, the gas,
  the surface temperature and the tropopause to the ascent rate at 10 levels up to 15 km and the burst altitude
  (the drag balance of a latex sounding balloon that swells as the air thins, a drag coefficient through the
  drag crisis, a standard atmosphere with that surface temperature and tropopause); MSE of the standardised
  targets; SGD with Nesterov momentum 0.9

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the land yacht and the
weather balloon nets (no short plans), the tug-of-war net on 4096 pulls instead of 1024 and the lock-filling
net on 4096 fillings instead of 512.

Of the eight plans, one uses Adam (popsicle), one AdamW (pinata), three SGD with momentum (both tug-of-war plans,
land yacht) and three SGD with Nesterov momentum (both lock plans, weather balloon).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam98_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam98/README.md).

    python benchmarks/exam98_workloads.py          # the table
    python benchmarks/exam98_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 98"


def _std(y: torch.Tensor, n: int) -> torch.Tensor:
    """Standardise the columns of ``y`` over its first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. popsicle meltdown (drip) test (Adam)

PM_TIMES = torch.linspace(5.0, 60.0, 12)  # minutes


def _pm_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Meltdown tests of ice pops on a mesh over a balance (the dripped mass weighed every 5 min for 60 min): sugar
    12-28% (w/w), stabiliser (guar / locust bean) 0-0.4%, mass 45-95 g, diameter 2.2-4 cm (a cylinder), start
    temperature -24 to -12 C, air 18-36 C, sun 0-800 W/m2, wind 0-3 m/s. Freezing point -(0.4 + 11 s^1.2) C (a
    rough fit of sucrose's depression, from memory); the heat flux h (T_air - T_f) + 0.6 sun on the surface,
    h = 9 + 7 sqrt(wind) W/m2K; the sensible heat to warm the ice to the freezing point and to melt the sugar-rich
    mushy zone delays the drip (a softplus onset); after it the melt rate is the heat flux over the latent heat of
    the ice fraction (1 - s) (and warming the melt 5 K), slowed as the pop shrinks; stabiliser holds back a
    fraction of the melt and delays its release; a 6% test-to-test scatter of the heat flux (unlogged: drafts, the
    mesh, the pop's crystal structure) and 0.2 points of weighing noise. Returns (scaled conditions (n, 8), the
    dripped percentage scaled to [-1, 1] (n, 12))."""
    s = 0.12 + 0.16 * torch.rand(n, generator=gen)
    stab = 0.4 * torch.rand(n, generator=gen)
    mass = 45 + 50 * torch.rand(n, generator=gen)
    diam = 2.2 + 1.8 * torch.rand(n, generator=gen)
    t0 = -24 + 12 * torch.rand(n, generator=gen)
    ta = 18 + 18 * torch.rand(n, generator=gen)
    sun = 800 * torch.rand(n, generator=gen)
    wind = 3 * torch.rand(n, generator=gen)
    tf = -(0.4 + 11 * s**1.2)
    length = mass / 1.08 / (math.pi * (diam / 2) ** 2)  # cm
    area = (math.pi * diam * length + 2 * math.pi * (diam / 2) ** 2) * 1e-4  # m2
    h = 9 + 7 * wind.sqrt()
    q = (h * (ta - tf) + 0.6 * sun) * area  # W
    q = q * torch.exp(0.06 * torch.randn(n, generator=gen))
    m_kg = mass * 1e-3
    sensible = m_kg * (2100 * (tf - t0) + 0.3 * 334e3 * s)  # J: warm the ice, and the mushy zone before a drip
    onset = sensible / q / 60  # min
    latent = m_kg * (1 - s) * 334e3 + m_kg * 3000 * 5
    tau = latent / q / 60  # min to melt all at the initial rate
    t = PM_TIMES.view(1, -1)
    x = (F.softplus(3 * (t - onset.view(-1, 1))) / 3) / tau.view(-1, 1)  # melted fraction at a constant surface
    melted = 1 - (1 - x.clamp(max=1.5) / 1.5).clamp_min(0) ** 1.5  # the surface shrinks as it melts
    hold = (0.6 * stab / 0.4).view(-1, 1) * torch.exp(-(t - onset.view(-1, 1)).clamp_min(0) / 40)
    drip = 100 * melted * (1 - hold) * (1 - 0.15 * s.view(-1, 1))
    drip = (drip + 0.2 * torch.randn(drip.shape, generator=gen)).clamp(0, 100)
    cond = torch.stack([(s - 0.2) / 0.046, (stab - 0.2) / 0.115, (mass - 70) / 14.4, (diam - 3.1) / 0.52,
                        (t0 + 18) / 3.5, (ta - 27) / 5.2, (sun - 400) / 231, (wind - 1.5) / 0.87], 1)
    return cond, drip / 50 - 1


class MeltdownANN(nn.Module):
    """A feed-forward ANN (two ReLU hidden layers) from the recipe and test conditions to the meltdown curve: the
    dripped percentage at the 12 weighing times, min-max scaled to [-1, 1] (MATLAB's mapminmax convention, which
    the food-engineering ANN papers inherit; from memory)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 12))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def meltdown_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the dripped percentage scaled to [-1, 1] (percent / 50 - 1)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def popsicle_meltdown(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The meltdown ANN on 1024 meltdown tests; held out: 1024 other tests in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(98102)
    x, y = _pm_tests(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MeltdownANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": meltdown_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. pinata swing-by-swing break prediction (AdamW)


def _pn_swings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Swings at hanging papier-mache pinatas: 2-8 layers of newspaper, flour or (PVA) glue paste, 1-7 days of
    drying at 30-90% humidity, a 25-50 cm body, 0.5-3 kg of candy; a bat of 0.3-1.2 kg swung at 3-12 m/s (children
    to adults), landing 0-1 of the way from the centre to the edge (glancing blows pass on less energy), after 0-12
    earlier hits. The shell's strength (J): layers^1.5, glue over flour, drying (saturating), humidity softening,
    larger bodies weaker per area; the candy's weight preloads the hanger; earlier hits use up a fraction of the
    strength (Miner-like damage, 4.5% a hit with a 30% scatter, at most 80%). The break probability is a Weibull
    weakest-link law 1 - exp(-(E / S)^m) with m = 8 (a dried, brittle shell); the label drawn from it. Returns
    (scaled features (n, 10), labels 0/1)."""
    layers = torch.randint(2, 9, (n,), generator=gen).float()
    glue = (torch.rand(n, generator=gen) < 0.4).float()
    days = 1 + 6 * torch.rand(n, generator=gen)
    hum = 0.3 + 0.6 * torch.rand(n, generator=gen)
    size = 0.25 + 0.25 * torch.rand(n, generator=gen)
    candy = 0.5 + 2.5 * torch.rand(n, generator=gen)
    bat = 0.3 + 0.9 * torch.rand(n, generator=gen)
    speed = 3 + 9 * torch.rand(n, generator=gen)
    off = torch.rand(n, generator=gen)
    hits = torch.randint(0, 13, (n,), generator=gen).float()
    strength = (1.6 * layers**1.5 * (1 + 0.8 * glue) * (1 - torch.exp(-days / 1.8))
                * torch.exp(-1.4 * F.relu(hum - 0.5)) * (0.35 / size) ** 0.8)
    strength = strength * (1 - 0.08 * candy / (1 + 0.5 * layers))
    energy = 0.5 * (0.6 * bat) * speed**2 * (1 - 0.7 * off**2)  # J passed to the shell
    damage = (hits * 0.045 * (1 + 0.3 * torch.rand(n, generator=gen))).clamp(max=0.8)
    p = 1 - torch.exp(-((energy / (strength * (1 - damage))) ** 8))
    y = (torch.rand(n, generator=gen) < p).float()
    x = torch.stack([(layers - 5) / 2, glue * 2 - 1, (days - 4) / 1.73, (hum - 0.6) / 0.17, (size - 0.375) / 0.072,
                     (candy - 1.75) / 0.72, (bat - 0.75) / 0.26, (speed - 7.5) / 2.6, (off - 0.5) / 0.29,
                     (hits - 6) / 3.7], 1)
    return x, y


class PinataBreakNet(nn.Module):
    """An MLP classifier (two SiLU layers) of a swing's break, the logit out."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def break_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the break."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def pinata_break(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The break classifier on 4096 logged swings; held out: 4096 other swings in batches of 1024; AdamW with torch's
    weight decay 1e-2."""
    gen = torch.Generator().manual_seed(98202)
    x, y = _pn_swings(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PinataBreakNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": break_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. tug-of-war rope tension (SGD with momentum)


def _tw_contests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tug-of-war pulls between two teams of 8 (outdoor on grass, indoor on rubber mats): each puller 55-100 kg,
    each team's shoes a friction coefficient (0.5-0.8 on grass, 0.7-1.0 on mats), a lean angle 20-45 degrees (a
    deeper lean lets a puller hold more of his weight as horizontal force, up to his friction), the rope's stretch
    (manila stiff, synthetic more elastic). A puller holds at most min(mu g m, g m tan(lean) x 1.2); the team's hold
    is the sum, derated for loss of synchrony down the line (the anchor full, the first puller 0.85). The steady
    tension is the weaker team's hold; the peak of a heave adds a surge that grows with the stronger team's excess
    and falls with the rope's stretch; 3% load-cell scatter. Returns (scaled features (n, 22), log tensions (n, 2),
    standardised by the caller)."""
    m = 55 + 45 * torch.rand(n, 2, 8, generator=gen)
    indoor = (torch.rand(n, generator=gen) < 0.5).float()
    mu = 0.5 + 0.3 * torch.rand(n, 2, generator=gen) + 0.2 * indoor.view(-1, 1)
    lean = math.radians(20) + math.radians(25) * torch.rand(n, 2, generator=gen)
    stretch = 0.02 + 0.08 * torch.rand(n, generator=gen)
    sync = torch.linspace(0.85, 1.0, 8).view(1, 1, 8)
    per = torch.minimum(mu.unsqueeze(2) * 9.81 * m, 9.81 * m * torch.tan(lean).unsqueeze(2) * 1.2)
    hold = (per * sync).sum(2) / 1000  # kN
    weak, strong = hold.min(1).values, hold.max(1).values
    steady = weak * (1 - 0.1 * (1 - torch.exp(-(strong - weak) / 0.5)))
    surge = steady * (0.15 + 0.6 * torch.tanh((strong - weak) / weak / 0.2)) * torch.sqrt(0.04 / stretch)
    peak = steady + surge
    y = torch.stack([steady, peak], 1) * torch.exp(0.03 * torch.randn(n, 2, generator=gen))
    x = torch.cat([(m.reshape(n, 16) - 77.5) / 13, (mu - 0.75) / 0.12, (lean - 0.567) / 0.126,
                   (indoor * 2 - 1).view(-1, 1), ((stretch - 0.06) / 0.023).view(-1, 1)], 1)
    return x, torch.log(y)


class RopeTensionMLP(nn.Module):
    """A ReLU MLP from the two teams' features to the (log) steady and peak rope tensions."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(22, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tension_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log tensions."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tug_of_war(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The rope-tension MLP on 1024 instrumented pulls, targets standardised over them; held out: 2048 other pulls in
    batches of 1024; SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(98302)
    x, y = _tw_contests(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RopeTensionMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": tension_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. canal lock filling (SGD, Nesterov)

CL_TIMES = torch.linspace(45.0, 720.0, 16)  # seconds


def _cl_fillings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Fillings of a lock chamber through culverts (or gate paddles) from the upper pound: chamber 30-150 m long and
    5-20 m wide, lift 2-10 m, culvert area 0.5-8 m2, the valves opened linearly over 60-360 s, a discharge
    coefficient 0.55-0.85 (as logged; the true one varies by a further 6%, unlogged: entrance losses, the upper pound's
    drawdown). The level h (m above the lower pound) from A dh/dt = mu a(t) sqrt(2 g (H - h)) (the
    lock-filling equation of the hydraulics texts, from memory), integrated at 1 s for 12 minutes; the level at
    16 times as a fraction of the lift, with 3 cm of gauge noise (over the lift) and the chamber's surge
    (a small seiche decaying over 2 minutes). Returns (scaled features (n, 6), the level fraction (n, 16), standardised
    by the caller)."""
    length = 30 + 120 * torch.rand(n, generator=gen)
    width = 5 + 15 * torch.rand(n, generator=gen)
    lift = 2 + 8 * torch.rand(n, generator=gen)
    area_v = torch.exp(math.log(0.5) + math.log(16) * torch.rand(n, generator=gen))
    t_open = 60 + 300 * torch.rand(n, generator=gen)
    mu = 0.55 + 0.3 * torch.rand(n, generator=gen)
    a_ch = length * width
    mu_eff = mu * torch.exp(0.06 * torch.randn(n, generator=gen))  # unlogged: entrance losses, the pound's drawdown
    h = torch.zeros(n)
    out = []
    want = set(int(t) for t in CL_TIMES.tolist())
    for t in range(1, 721):
        a = area_v * (t / t_open).clamp(max=1)
        h = (h + mu_eff * a * torch.sqrt(2 * 9.81 * (lift - h).clamp_min(0)) / a_ch).clamp(max=lift)
        if t in want:
            out.append(h / lift)
    lev = torch.stack(out, 1)
    seiche = 0.02 * torch.sin(CL_TIMES.view(1, -1) / 20) * torch.exp(-CL_TIMES.view(1, -1) / 120)
    lev = lev + seiche * (lift / 5).view(-1, 1) ** 0.5 + 0.03 / lift.view(-1, 1) * torch.randn(lev.shape, generator=gen)
    x = torch.stack([(length - 90) / 35, (width - 12.5) / 4.3, (lift - 6) / 2.3, (torch.log(area_v) - 0.35) / 0.8,
                     (t_open - 210) / 87, (mu - 0.7) / 0.087], 1)
    return x, lev


class LockFillingMLP(nn.Module):
    """A tanh MLP from the lock's geometry and valve schedule to the filling curve at 16 times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 16))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def level_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised levels (fractions of the lift, standardised at each time)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def canal_lock(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The lock-filling MLP on 512 computed fillings, targets standardised over them; held out: 2048 other fillings
    in batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(98402)
    x, y = _cl_fillings(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LockFillingMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": level_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. land yacht sail power (SGD with momentum; long only)


def _ly_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Steady runs of a three-wheeled land yacht with a wing sail: true wind 4-14 m/s at 40-170 degrees off the
    heading, sail area 3-8 m2, yacht and pilot 100-170 kg, rolling resistance 0.01-0.05 (hard pan to soft sand),
    track 1.6-2.6 m, centre of effort 1.4-2.4 m up. The sail at its best angle of attack (CL 1.2, CD 0.08 +
    CL^2 / (pi AR e), AR 4, e 0.85) in the apparent wind; the driving force less the hull's drag (CdA 0.35 m2) and
    rolling resistance set the speed by bisection; when the heeling moment nears the weight's righting moment (half
    the track) the pilot sheets out, the lift eased smoothly down to that limit. The sail's power is the driving
    force x speed (a stalled yacht logs a floor of 20 W). 4% scatter (gusts, the surface's patches, the pilot).
    Returns (scaled features (n, 7), [speed / true wind, log power (kW)], standardised by the caller)."""
    tws = 4 + 10 * torch.rand(n, generator=gen)
    twa = torch.deg2rad(40 + 130 * torch.rand(n, generator=gen))
    area = 3 + 5 * torch.rand(n, generator=gen)
    mass = 100 + 70 * torch.rand(n, generator=gen)
    crr = 0.01 + 0.04 * torch.rand(n, generator=gen)
    track = 1.6 + 1.0 * torch.rand(n, generator=gen)
    ce = 1.4 + 1.0 * torch.rand(n, generator=gen)
    rho = 1.2

    def forces(v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        ax = v + tws * torch.cos(twa)  # the apparent wind from ahead (x) and the side (y)
        ay = tws * torch.sin(twa)
        va2 = ax**2 + ay**2
        beta = torch.atan2(ay, ax)
        q = 0.5 * rho * va2 * area
        cl_max = (mass * 9.81 * track / 2 / ce) / (q + 1e-6)  # the lift that lifts the windward wheel
        cl = 1.2 - F.softplus(10 * (1.2 - 0.95 * cl_max)) / 10  # eased progressively towards the limit
        cd = 0.08 + cl**2 / (math.pi * 4 * 0.85)
        drive = q * (cl * torch.sin(beta) - cd * torch.cos(beta))
        net = drive - 0.5 * rho * 0.35 * v**2 - crr * mass * 9.81
        return net, drive

    lo, hi = torch.zeros(n), torch.full((n,), 60.0)
    for _ in range(40):
        mid = (lo + hi) / 2
        net, _ = forces(mid)
        lo, hi = torch.where(net > 0, mid, lo), torch.where(net > 0, hi, mid)
    v = (lo + hi) / 2
    _, drive = forces(v)
    power = (drive.clamp_min(1.0) * v.clamp_min(0.2)) / 1000 + 0.02
    y = torch.stack([v / tws, torch.log(power)], 1)
    y = y + torch.stack([0.04 * y[:, 0], torch.full((n,), 0.04)], 1) * torch.randn(n, 2, generator=gen)
    x = torch.stack([(tws - 9) / 2.9, (twa - 1.83) / 0.65, (area - 5.5) / 1.44, (mass - 135) / 20,
                     (crr - 0.03) / 0.0115, (track - 2.1) / 0.29, (ce - 1.9) / 0.29], 1)
    return x, y


class LandYachtMLP(nn.Module):
    """A tanh MLP from the wind, heading and yacht to the speed ratio and the log sail power."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def yacht_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised speed ratio and log power."""
    x, y = batch
    return F.mse_loss(model(x), y)


def land_yacht(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The land-yacht MLP on 4096 logged runs, targets standardised over them; held out: 2048 other runs in batches
    of 1024; SGD with momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(98502)
    x, y = _ly_runs(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LandYachtMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": yacht_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. weather balloon ascent rates (SGD, Nesterov; long only)

WB_LEVELS = torch.linspace(0.5, 15.0, 10)  # km


def _wb_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Radiosonde flights on latex sounding balloons (100-1600 g, burst diameters from about 2 to 10 m growing with
    the balloon's mass), payload 0.25-1.5 kg, free lift 0.4-2.5 kg, helium or hydrogen, surface temperature -20 to
    35 C, tropopause 9-17 km. A standard-like atmosphere (6.5 K/km lapse to the tropopause, isothermal above,
    hydrostatic pressure); the gas expands as the air thins (V ~ T / p, the gas at the air's temperature); the free
    lift is constant; the ascent rate solves FL g = 1/2 rho w^2 Cd A with Cd falling through the drag crisis near
    Re 3e5 (0.6 below, 0.3 above, smoothly); burst where the diameter reaches the burst diameter. The ascent rate
    at 10 levels (0.5-15 km; for the few small balloons that burst below 15 km, the rate the balloon would have had)
    and the burst altitude; 1% scatter (turbulence and the sonde's GPS). Returns (scaled features (n, 6), 11 targets,
    standardised by the caller)."""
    mb = torch.exp(math.log(100) + math.log(16) * torch.rand(n, generator=gen))  # g
    pay = 0.25 + 1.25 * torch.rand(n, generator=gen)
    fl = 0.4 + 2.1 * torch.rand(n, generator=gen)
    h2 = (torch.rand(n, generator=gen) < 0.5).float()
    ts = 253.15 + 55 * torch.rand(n, generator=gen)
    trop = 9 + 8 * torch.rand(n, generator=gen)
    rho0 = 101325 / (287.05 * ts)
    gas_rho0 = rho0 * torch.where(h2 > 0, torch.tensor(2.016 / 28.97), torch.tensor(4.003 / 28.97))
    v0 = (mb / 1000 + pay + fl) / (rho0 - gas_rho0)  # m3 at the surface: lift = weight + free lift
    d_burst = 1.9 + 2.2 * torch.log(mb / 100) / math.log(2) * 0.75

    def air(z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        zt = torch.minimum(z, trop)
        t = ts - 6.5 * zt
        p = 101325 * (t / ts) ** (9.81 / (287.05 * 0.0065))
        p = p * torch.exp(-9.81 * (z - zt) * 1000 / (287.05 * t))
        return t, p / (287.05 * t)

    def rate(z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        t, rho = air(z)
        vol = v0 * rho0 / rho
        d = (6 * vol / math.pi) ** (1 / 3)
        w = torch.full_like(z, 5.0)
        for _ in range(6):  # the drag coefficient depends on the rate through Re
            re = rho * w * d / 1.6e-5
            cd = 0.3 + 0.3 * torch.sigmoid(-(torch.log(re) - math.log(3e5)) * 3)
            w = torch.sqrt(2 * fl * 9.81 / (rho * cd * math.pi * d**2 / 4))
        return w, d

    rates = []
    for z in WB_LEVELS.tolist():
        w, _ = rate(torch.full((n,), z))
        rates.append(w)
    zs = torch.linspace(0.5, 45, 180)
    burst = torch.full((n,), 45.0)
    for z in reversed(zs.tolist()):
        _, d = rate(torch.full((n,), z))
        burst = torch.where(d >= d_burst, torch.full((n,), z), burst)
    y = torch.cat([torch.stack(rates, 1), burst.view(-1, 1)], 1) * torch.exp(0.01 * torch.randn(n, 11, generator=gen))
    x = torch.stack([(torch.log(mb) - 6.0) / 0.8, (pay - 0.875) / 0.36, (fl - 1.45) / 0.6, h2 * 2 - 1,
                     (ts - 280.65) / 15.9, (trop - 13) / 2.3], 1)
    return x, y


class AscentRateMLP(nn.Module):
    """A SiLU MLP from the launch to the ascent-rate profile and the burst altitude."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 11))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def ascent_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised ascent rates and burst altitude."""
    x, y = batch
    return F.mse_loss(model(x), y)


def weather_balloon(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The ascent MLP on 4096 flights, targets standardised over them; held out: 2048 other flights in batches of
    1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(98602)
    x, y = _wb_flights(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AscentRateMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": ascent_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("popsicle_meltdown_adam", popsicle_meltdown, 300, "popsicle_meltdown_drip_curve_ann", "adam", "finite", 64,
      seconds=0.17, start_lr=0.032),
    W("pinata_break_adamw", pinata_break, 300, "pinata_weibull_swing_break_classifier", "adamw_wd1e-2", "finite", 32,
      seconds=0.15, start_lr=0.032),
    W("tug_of_war_sgdm", tug_of_war, 300, "tug_of_war_rope_tension_mlp", "sgd_momentum0.9_wd5e-4", "finite", 32,
      seconds=0.11, start_lr=0.128),
    W("canal_lock_nesterov", canal_lock, 300, "canal_lock_filling_curve_mlp", "sgd_nesterov0.9", "small_finite", 32,
      seconds=0.12, start_lr=0.256),
)
LONG = (
    W("land_yacht_sgdm@long", land_yacht, 3000, "land_yacht_wing_sail_speed_power_mlp", "sgd_momentum0.9_wd1e-4",
      "finite", 32, seconds=1.0, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("weather_balloon_nesterov@long", weather_balloon, 3000, "radiosonde_balloon_ascent_rate_mlp", "sgd_nesterov0.9",
      "finite", 32, seconds=1.1, start_lr=1.024, grid_fractions=(0.0, 0.05)),
    W("tug_of_war_sgdm@long", tug_of_war, 3000, "tug_of_war_rope_tension_mlp", "sgd_momentum0.9_wd5e-4", "finite", 32,
      dict(train_size=4096), seconds=1.0, start_lr=0.128, grid_fractions=(0.0, 0.05), long_of="tug_of_war_sgdm"),
    W("canal_lock_nesterov@long", canal_lock, 3000, "canal_lock_filling_curve_mlp", "sgd_nesterov0.9", "finite", 32,
      dict(train_size=4096), seconds=1.1, start_lr=0.512, grid_fractions=(0.0, 0.05), long_of="canal_lock_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam98_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-eighth exam's workloads")
