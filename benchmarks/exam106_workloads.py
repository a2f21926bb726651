"""The hundred-and-sixth exam: six more workload families that neither the suite nor exams 1-104 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam104_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from tambourines and jingle
decay, confetti and flutter fall, lawn sprinklers and spray coverage, chimneys and draft flow, nail polish and
drying, and crayons and wax softening (exam 105 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried, is in ``benchmarks/results/exam106/README.md``.
The models and the physical laws below are written from memory (no paper was opened while writing them).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- tambourine recognition from a hit's envelope: a small 1-D CNN (two convolutions with max pooling, as in the
  envelope / onset CNNs of percussion-recognition work) over 64 frames of a hit's log energy and log spectral
  centroid classifies the instrument into 6 kinds (brass, steel or nickel-silver jingles; headed or headless);
  hits from a two-part decay model: the head's fast exponential decay and the jingles' buzz, which lasts while
  the frame shakes harder than the collisions need and then rings down at the metal's damping; cross-entropy;
  Adam (torch's defaults)
- confetti fall: a tanh MLP from a piece's areal density, foil lamination, length, aspect ratio, stiffness and the
  room's air movement to its log mean descent speed and log landing scatter from a 3 m drop; the falls from the
  falling-plate laws (the dimensionless moment of inertia I* = rho_s h / (rho_f L) and Reynolds number setting
  steady fall, flutter or tumble as in Field et al. 1997's phase diagram; the flutter / tumble descent speeds and
  glide of Andersen, Pesavento & Wang 2005's quasi-steady picture) with drop-to-drop scatter; MSE of the
  standardised logs; RMSprop (torch's alpha 0.99)
- lawn sprinkler catch-can profiles: a GELU MLP (the ANN distribution-pattern models of sprinkler-irrigation
  work) from the nozzle pressure, nozzle diameter, trajectory angle, riser height, stream-breaker setting and wind
  to the application rate at 12 radial catch cans; the pattern from ballistic droplets with drag (a standard
  sphere-drag curve) over a Weibull-like drop-size distribution whose median follows the nozzle diameter over the
  pressure (Kincaid et al. 1996's form, constants from memory), a jet spread and a near-field stream from the
  breaker; catch-can noise 5%; MSE of log(1 + rate in mm/h); AdamW with weight decay 1e-2 (torch's default)
- chimney draft (a long plan only): a SiLU MLP from the chimney's height, diameter, liner, the stove's output and
  excess air, the flue-gas inlet temperature, the outdoor temperature and the wind to the net draft at the
  stove, the mean flue velocity and the exit temperature; an EN 13384-1-style calculation: the flue-gas mass flow
  from the fuel and excess air, exponential cooling up the flue (wall heat-transfer coefficient per liner), the
  stack effect g H (rho_air - rho_flue), Darcy friction (Colebrook-like roughness) and entry / exit losses, a wind
  term at the terminal; gauge noise; MSE of the standardised targets; RAdam (torch's defaults)
- nail polish drying curves: a tanh MLP from the wet film thickness, the solvent blend (ethyl acetate, butyl
  acetate, isopropanol), the solids and plasticiser, temperature, humidity, fan air speed and the coat number to
  the log residual solvent at 12 times from 30 s to 2 h; the two-stage drying of lacquer films: an
  evaporation-controlled stage (Antoine vapour pressures, a mass-transfer coefficient rising with air speed, a
  humidity penalty from evaporative cooling) down to a critical solvent content, then Crank's slab diffusion with
  a free-volume diffusivity that falls as the film dries and rises with plasticiser, plus retained solvent; MSE
  of the log10 residual; NAdam (torch's defaults)
- crayon wax softening (a long plan only): a ReLU MLP from a crayon's formulation (paraffin fraction and melting
  point, stearic acid, microcrystalline wax, pigment, filler, oil) to the log needle penetration (ASTM D1321 style)
  at 10 temperatures 15-55 C; penetration from the solid fraction of a melting curve (each wax melting over a
  range, paraffin's rotator transition below its melt, a stearic-acid eutectic), stiffened by the pigment and
  filler volume (Guth-Gold) and softened by oil; test scatter 1.5% (a mean of five tests); MSE of the log; Adam
  (torch's defaults), as most formulation-ANN papers report it (from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the chimney net and the
crayon net (no short plans), the sprinkler net on 4096 patterns instead of 512 and the nail-polish net on 2048
formulations instead of 512.

Of the eight plans, two use Adam (tambourine, and crayon's long plan), one RMSprop (confetti), two AdamW (both
sprinkler plans), two NAdam (both nail-polish plans) and one RAdam (chimney's long plan). The four long plans use
four different optimisers: RAdam, Adam, AdamW and NAdam.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam106_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam106/README.md).

    python benchmarks/exam106_workloads.py          # the table
    python benchmarks/exam106_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 106"


# --------------------------------------------------------------------------------------------------------------
# 1. tambourine recognition from a hit's envelope (Adam)

TB_FRAMES, TB_CLASSES = 64, 6


def _tb_hits(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hits of 6 kinds of tambourine: jingle metal (brass, steel, nickel silver) x (headed, headless). Each hit: a
    strike velocity (log-uniform 0.3-3 m/s), 8-24 jingle pairs, a 20-30 cm frame. 64 frames of 10 ms: the head's
    energy (headed only) v^2 exp(-t / tau_h), tau_h 25-45 ms growing with the diameter; the jingles' buzz c n v^2
    exp(-t / tau_f) while the frame's shaking (decaying at tau_f, 60 ms headed, 110 ms headless) stays above the
    level the collisions need, then a free ring at the metal's damping time (brass 0.16 s, steel 0.10 s, nickel
    silver 0.24 s, each +-30% with the jingles' thickness and wear); per-frame collision flicker (lognormal, 0.35)
    and a noise floor. The spectral centroid: the head's ~250 Hz and the metal's ring (brass ~5 kHz, steel ~7 kHz,
    nickel silver ~6 kHz, each +-20%) weighted by energy, with 5% jitter. Returns (inputs (n, 2, 64): log energy
    less its peak, log2 of the centroid / 1 kHz; the class)."""
    y = torch.randint(0, TB_CLASSES, (n,), generator=gen)
    metal, headless = y % 3, (y // 3).float()
    v = torch.exp(math.log(0.3) + math.log(10) * torch.rand(n, generator=gen)).view(-1, 1)
    pairs = (8 + 16 * torch.rand(n, generator=gen)).view(-1, 1)
    diam = (0.2 + 0.1 * torch.rand(n, generator=gen)).view(-1, 1)
    t = (torch.arange(TB_FRAMES).float() * 0.01 + 0.005).view(1, -1)
    tau_h = 0.025 + 0.2 * (diam - 0.2) * (1 + 0.2 * torch.randn(n, 1, generator=gen)).clamp(0.5, 1.5)
    head = (1 - headless.view(-1, 1)) * v**2 * torch.exp(-t / tau_h)
    tau_f = torch.where(headless.view(-1, 1) > 0, torch.full_like(v, 0.11), torch.full_like(v, 0.06))
    tau_f = tau_f * (0.8 + 0.4 * torch.rand(n, 1, generator=gen))
    stop = (tau_f * torch.log(v / 0.12)).clamp_min(0)  # when the frame's shaking falls below the collisions' level
    ring = torch.tensor([0.16, 0.10, 0.24])[metal].view(-1, 1) * (0.7 + 0.6 * torch.rand(n, 1, generator=gen))
    buzz_level = 0.08 * pairs * v**2
    buzz = torch.where(t < stop, buzz_level * torch.exp(-t / tau_f),
                       buzz_level * torch.exp(-stop / tau_f) * 0.5 * torch.exp(-(t - stop) / ring))
    buzz = buzz * torch.exp(0.35 * torch.randn(n, TB_FRAMES, generator=gen))
    e = head + buzz + 1e-4
    f_m = torch.tensor([5.0, 7.0, 6.0])[metal].view(-1, 1) * (0.8 + 0.4 * torch.rand(n, 1, generator=gen))
    cen = (head * 0.25 + buzz * f_m + 1e-4 * 3.0) / e
    cen = cen * torch.exp(0.05 * torch.randn(n, TB_FRAMES, generator=gen))
    le = torch.log10(e)
    x = torch.stack([(le - le.max(1, keepdim=True).values) / 2, torch.log2(cen) - 2], 1)
    return x, y


class JingleEnvelopeCNN(nn.Module):
    """A small 1-D CNN: two 5-tap convolutions (12 and 24 channels) with ReLU and max pooling by 2, a dense layer of
    48 and the 6 instrument logits."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(4))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 8, 48), nn.ReLU(), nn.Linear(48, TB_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def tambourine_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the instrument."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def tambourine_hits(batch_size: int = 32, seed: int = 0, train_size: int = 3072, width: int = 12) -> dict[str, Any]:
    """The envelope CNN on 3072 labelled hits; held out: 2048 other hits in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(106101)
    x, y = _tb_hits(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": JingleEnvelopeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tambourine_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. confetti fall: flutter, tumble and landing scatter (RMSprop)


def _cf_pieces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Confetti pieces: areal density 12-120 g/m2 (tissue to card, log-uniform), 30% of them foil-laminated
    (stiffer), length L 4-30 mm, aspect ratio 1-5 (strips), a bending stiffness factor, the room's air movement
    0-0.4 m/s. I* = rho_s h / (rho_air L) (rho_s h the areal density); a broadside drag speed
    U0 = sqrt(2 m g / (rho_air C A)); Re = U0 L / nu. Steady fall at low Re, flutter (descent ~ 0.8 U0, small
    side-to-side excursions ~ L) at low I*, tumble (descent ~ 1.4 U0 sin of a glide angle, drifting sideways) at high
    I*, a smooth transition near I* ~ 0.25 shifted by the aspect ratio; long thin strips spin (autorotate) and
    tumble earlier; floppy pieces flutter more. The landing scatter from a 3 m drop: the flutter width, the tumble's
    glide over the fall time and the air's drift over the fall time. The record is the mean of 10 drops: noise 2%
    on the speed, 3% on the scatter. Returns (standardised features (n, 6), (log descent speed, log scatter))."""
    rho_a, nu, g = 1.2, 1.5e-5, 9.81
    areal = torch.exp(math.log(0.012) + math.log(10) * torch.rand(n, generator=gen))  # kg/m2
    foil = (torch.rand(n, generator=gen) < 0.3).float()
    length = 0.004 + 0.026 * torch.rand(n, generator=gen)
    aspect = 1 + 4 * torch.rand(n, generator=gen)
    stiff = torch.rand(n, generator=gen)
    stiff = torch.where(foil > 0, 0.4 + 0.6 * stiff, stiff)  # foil laminates are stiffer
    air = 0.4 * torch.rand(n, generator=gen)
    istar = areal / (rho_a * length)
    u0 = torch.sqrt(2 * areal * g / (rho_a * 1.2))
    re = u0 * length / nu
    thresh = 0.25 / (1 + 0.25 * (aspect - 1)) * (0.7 + 0.6 * stiff)
    p_tumble = torch.sigmoid(4 * torch.log(istar / thresh))
    p_steady = torch.sigmoid(-3 * torch.log(re / 150))
    glide = math.radians(25) + math.radians(15) * torch.sigmoid(torch.log(istar / 0.5))
    v_flutter = 0.8 * u0
    v_tumble = 1.4 * u0 * torch.sin(glide + 0.3)
    speed = p_steady * u0 + (1 - p_steady) * ((1 - p_tumble) * v_flutter + p_tumble * v_tumble)
    t_fall = 3.0 / speed
    scatter = torch.sqrt(((1 - p_tumble) * 1.5 * length * (1 + (1 - stiff))) ** 2
                         + (p_tumble * 3.0 / torch.tan(glide) * 0.35) ** 2 + (air * t_fall * 0.5) ** 2 + 0.01**2)
    speed = speed * torch.exp(0.02 * torch.randn(n, generator=gen))
    scatter = scatter * torch.exp(0.03 * torch.randn(n, generator=gen))
    feats = torch.stack([(torch.log(areal) - math.log(0.038)) / 0.66, foil * 2 - 0.6, (length - 0.017) / 0.0075,
                         (aspect - 3) / 1.15, (stiff - 0.5) / 0.29, (air - 0.2) / 0.115], 1)
    return feats, torch.stack([torch.log(speed), torch.log(scatter)], 1)


class ConfettiFallNet(nn.Module):
    """A tanh MLP (two hidden layers) from the piece's features to log descent speed and log landing scatter."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def fall_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log speed and log scatter."""
    x, y = batch
    return F.mse_loss(model(x), y)


def confetti_fall(batch_size: int = 16, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The fall net on 1024 pieces' drop records, targets standardised over them; held out: 2048 other pieces in
    batches of 1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(106201)
    x, y = _cf_pieces(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ConfettiFallNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": fall_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. lawn sprinkler catch-can profiles (AdamW)

SK_CANS, SK_DROPS = 12, 16


def _sk_patterns(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Full-circle impact sprinklers in a radial catch-can test: nozzle pressure 150-450 kPa, nozzle diameter
    2.5-6 mm, trajectory angle 10-28 degrees, riser 0.1-1.0 m, stream-breaker setting 0-1 (a pin that diverts a
    fraction of the jet to the near field), wind 0-3 m/s (the cans on the downwind radius). The jet leaves at
    0.96 sqrt(2 P / rho); 16 drop sizes at the quantiles of a Weibull-like distribution (shape 2.4) whose median
    follows 1.6 mm (d / 4 mm)^0.6 (250 kPa / P)^0.8 (Kincaid et al. 1996's form; constants from memory), made finer
    by the breaker; each drop flies ballistically with sphere drag (Cd from Re with the standard curve) and the
    wind, semi-implicit Euler steps of 25 ms, landing at the height of the cans. Each size carries an equal share
    of the flow, spread over its landing range by 12% + 0.3 m (jet spread and the arm's swing); the breaker's
    share lands uniformly over 0.5-3 m. The rate at 12 cans from 1 to 16.4 m (1.4 m apart): the flow (discharge
    coefficient 0.95) over the ring's area, in mm/h; catch-can noise 5%. Returns (scaled settings (n, 6), log(1 + mm/h)
    (n, 12))."""
    rho_w, rho_a, mu_a, g = 1000.0, 1.2, 1.8e-5, 9.81
    p = 150e3 + 300e3 * torch.rand(n, generator=gen)
    d = 0.0025 + 0.0035 * torch.rand(n, generator=gen)
    ang = math.radians(10) + math.radians(18) * torch.rand(n, generator=gen)
    riser = 0.1 + 0.9 * torch.rand(n, generator=gen)
    brk = torch.rand(n, generator=gen)
    wind = 3 * torch.rand(n, generator=gen)
    v0 = 0.96 * torch.sqrt(2 * p / rho_w)
    d50 = 1.6e-3 * (d / 0.004) ** 0.6 * (250e3 / p) ** 0.8 * (1 - 0.3 * brk)
    q = (torch.arange(SK_DROPS).float() + 0.5) / SK_DROPS
    dd = d50.view(-1, 1) * (-torch.log(1 - q) / math.log(2)).view(1, -1) ** (1 / 2.4)  # n, 16
    vx = (v0 * torch.cos(ang)).view(-1, 1).expand(-1, SK_DROPS).clone()
    vz = (v0 * torch.sin(ang)).view(-1, 1).expand(-1, SK_DROPS).clone()
    x = torch.zeros_like(vx)
    z = riser.view(-1, 1).expand(-1, SK_DROPS).clone()
    landed = torch.full_like(vx, -1.0)
    k = 3 * rho_a / (4 * rho_w * dd)
    w = wind.view(-1, 1)
    dt = 0.025
    for _ in range(160):
        rx, rz = vx - w, vz
        sp = torch.sqrt(rx**2 + rz**2) + 1e-6
        re = rho_a * sp * dd / mu_a
        cd = 24 / re * (1 + 0.15 * re**0.687) + 0.42 / (1 + 42500 * re ** -1.16)
        a = k * cd * sp
        vx = w + rx / (1 + a * dt)  # drag taken implicitly (small drops are stiff)
        vz = (rz - g * dt) / (1 + a * dt)
        xn, zn = x + vx * dt, z + vz * dt
        hit = (zn <= 0) & (landed < 0)
        frac = z / (z - zn).clamp_min(1e-9)
        landed = torch.where(hit, x + frac * (xn - x), landed)
        x, z = xn, zn
        if bool((landed >= 0).all()):
            break
    landed = torch.where(landed < 0, x, landed)
    r = (1.0 + 1.4 * torch.arange(SK_CANS).float()).view(1, 1, -1)
    s = (0.12 * landed + 0.3).unsqueeze(2)
    dens = torch.exp(-0.5 * ((r - landed.unsqueeze(2)) / s) ** 2) / (s * math.sqrt(2 * math.pi))  # n, 16, 12
    share = (0.25 * brk).view(-1, 1)
    radial = (1 - share) * dens.mean(1) + share * ((r[0] >= 0.5) & (r[0] <= 3.0)).float() / 2.5
    flow = 0.95 * math.pi * d**2 / 4 * v0 / 0.96  # m3/s
    rate = flow.view(-1, 1) * radial / (2 * math.pi * r.view(1, -1)) * 3.6e6  # mm/h
    rate = rate * torch.exp(0.05 * torch.randn(rate.shape, generator=gen))
    feats = torch.stack([(p - 300e3) / 87e3, (d - 0.00425) / 0.001, (ang - math.radians(19)) / math.radians(5.2),
                         (riser - 0.55) / 0.26, (brk - 0.5) / 0.29, (wind - 1.5) / 0.87], 1)
    return feats, torch.log1p(rate)


class SprinklerPatternNet(nn.Module):
    """A GELU MLP (two hidden layers) from the six settings to the 12 catch-can rates (log scale)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, SK_CANS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def catch_can_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log(1 + rate in mm/h) over the cans."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sprinkler_pattern(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The pattern net on 512 catch-can tests; held out: 1024 other tests in batches of 512; AdamW with torch's
    weight decay 1e-2."""
    gen = torch.Generator().manual_seed(106301)
    x, y = _sk_patterns(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SprinklerPatternNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": catch_can_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. chimney draft, an EN 13384-1-style calculation (RAdam; long only)

CH_LINERS = 4


def _ch_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Natural-draught chimneys on wood stoves: height 4-15 m, inner diameter 0.12-0.30 m, liner (insulated
    stainless, bare stainless, clay tile, unlined masonry: a wall heat-transfer coefficient 1.0 / 4.5 / 2.5 /
    3.5 W/m2K and a roughness 0.5 / 0.5 / 1.5 / 5 mm), stove output 3-25 kW, excess air ratio 1.5-3.5, flue-gas
    inlet temperature 150-450 C, outdoor temperature -15 to 25 C, wind 0-10 m/s. The mass flow from wood's heating
    value (about 15.5 MJ/kg at 15% moisture) and its air need (about 5 kg air per kg at lambda 1, from memory); the
    gas cools up the flue exponentially with K = U pi D / (m cp); the stack effect g H (rho_air - rho_mean flue); the
    Darcy friction factor from Swamee-Jain with the roughness and Reynolds number, an entry loss of 0.5 and an exit
    loss of 1; a wind term at the terminal of (0.1 - 0.25 u) rho_air u^2 / 2 x a shape factor. The net draught
    at the stove (Pa), the mean flue velocity (m/s) and the exit temperature (C), with gauge noise (0.5 Pa + 3%,
    2%, 2 C). Returns (liner ids, scaled conditions (n, 7), targets (n, 3), standardised by the caller)."""
    height = 4 + 11 * torch.rand(n, generator=gen)
    diam = 0.12 + 0.18 * torch.rand(n, generator=gen)
    liner = torch.randint(0, CH_LINERS, (n,), generator=gen)
    kw = 3 + 22 * torch.rand(n, generator=gen)
    lam = 1.5 + 2 * torch.rand(n, generator=gen)
    t_in = 150 + 300 * torch.rand(n, generator=gen)
    t_out = -15 + 40 * torch.rand(n, generator=gen)
    wind = 10 * torch.rand(n, generator=gen)
    u_wall = torch.tensor([1.0, 4.5, 2.5, 3.5])[liner]
    rough = torch.tensor([0.5e-3, 0.5e-3, 1.5e-3, 5e-3])[liner]
    fuel = kw * 1e3 / 0.75 / 15.5e6  # kg/s at a stove efficiency of 75%
    m = fuel * (1 + 5.0 * lam)
    cp = 1100.0
    k = u_wall * math.pi * diam / (m * cp)
    ta_k = t_out + 273.15
    dt_in = t_in - t_out
    t_exit = t_out + dt_in * torch.exp(-k * height)
    t_mean = t_out + dt_in * (1 - torch.exp(-k * height)) / (k * height)
    rho_air = 353 / ta_k
    rho_gas = 353 / (t_mean + 273.15) * 1.02
    area = math.pi * diam**2 / 4
    vel = m / (rho_gas * area)
    mu = 1.8e-5 * ((t_mean + 273.15) / 293) ** 0.7
    re = rho_gas * vel * diam / mu
    fric = 0.25 / torch.log10(rough / (3.7 * diam) + 5.74 / re**0.9) ** 2
    stack = 9.81 * height * (rho_air - rho_gas)
    loss = (fric * height / diam + 0.5 + 1.0) * rho_gas * vel**2 / 2
    windt = (0.1 - 0.025 * wind) * rho_air * wind**2 / 2 * (0.8 + 0.4 * torch.rand(n, generator=gen))
    draft = stack - loss + windt
    draft = draft * (1 + 0.03 * torch.randn(n, generator=gen)) + 0.5 * torch.randn(n, generator=gen)
    vel = vel * (1 + 0.02 * torch.randn(n, generator=gen))
    t_exit = t_exit + 2 * torch.randn(n, generator=gen)
    cond = torch.stack([(height - 9.5) / 3.2, (diam - 0.21) / 0.052, (kw - 14) / 6.35, (lam - 2.5) / 0.58,
                        (t_in - 300) / 87, (t_out - 5) / 11.5, (wind - 5) / 2.9], 1)
    return liner, cond, torch.stack([draft / 10, torch.log(vel), t_exit / 100], 1)


class ChimneyDraftNet(nn.Module):
    """An MLP with a learned liner embedding (dimension 3) joined with the conditions, through two SiLU layers (48
    wide) to the three outputs."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(CH_LINERS, 3)
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, liner: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(liner), cond], 1))


def draft_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised draught, log velocity and exit temperature."""
    liner, cond, y = batch
    return F.mse_loss(model(liner, cond), y)


def chimney_draft(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The draught net on 8192 computed chimneys, targets standardised over them; held out: 2048 others in batches
    of 1024; RAdam."""
    gen = torch.Generator().manual_seed(106401)
    li, c, y = _ch_cases(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (li[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChimneyDraftNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((li[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": draft_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. nail polish drying curves (NAdam)

NP_TIMES = torch.exp(torch.linspace(math.log(30.0), math.log(7200.0), 12))  # seconds


def _np_films(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Nail-polish films: wet thickness 20-80 um, a solvent blend (ethyl acetate, butyl acetate, isopropanol; a
    Dirichlet draw), solids 20-35% (nitrocellulose and resin), plasticiser 0-8% of the film, 18-32 C, relative
    humidity 30-80%, fan air 0-2 m/s, coat 1-3 (earlier coats lengthen the diffusion path). Stage 1: evaporation
    from the surface at sum_i x_i p_i(T) (Antoine, from memory) times a mass-transfer coefficient that rises with
    the square root of the air speed, slowed by humidity (evaporative cooling); until the solvent falls to a
    critical content (0.25-0.35 g per g of dry film, higher with more butyl acetate; a skin briefly holds back a
    little more around the switch). Stage 2: Crank's slab solution (6 terms) with a diffusivity
    D = 3e-14 m2/s exp(0.07 (T - 25)) x (1 + 12 plasticiser), the film's thickness the dry coats' thickness,
    and a free-volume slowing: the slab clock runs as t^0.8; plus retained solvent 0.2-0.6% of the film; noise 5%.
    Returns (scaled features (n, 9), log10 of the residual solvent (g per g of dry film) at 12 times)."""
    th = 20e-6 + 60e-6 * torch.rand(n, generator=gen)
    blend = -torch.log(torch.rand(n, 3, generator=gen))
    blend = blend / blend.sum(1, keepdim=True)
    solids = 0.2 + 0.15 * torch.rand(n, generator=gen)
    plast = 0.08 * torch.rand(n, generator=gen)
    temp = 18 + 14 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, generator=gen)
    air = 2 * torch.rand(n, generator=gen)
    coat = torch.randint(1, 4, (n,), generator=gen).float()
    # Antoine (mmHg, C): ethyl acetate, butyl acetate, isopropanol (constants from memory)
    a_ = torch.tensor([7.10, 7.13, 8.12])
    b_ = torch.tensor([1245.0, 1430.0, 1580.0])
    c_ = torch.tensor([217.0, 210.0, 219.0])
    psat = 10 ** (a_ - b_ / (c_ + temp.view(-1, 1)))  # mmHg
    mw = torch.tensor([88.0, 116.0, 60.0])
    flux = (blend * psat * mw).sum(1) * 4e-9 * (1 + 2.5 * air.sqrt()) * (1 - 0.35 * (rh - 0.3))  # kg/m2/s
    dry = th * solids * 1100  # kg/m2 of dry film
    solvent0 = th * (1 - solids) * 900
    x0 = solvent0 / dry
    xc = 0.25 + 0.1 * blend[:, 1]  # butyl acetate keeps the film open longer
    t1 = (solvent0 - xc * dry) / flux
    t = NP_TIMES.view(1, -1)
    stage1 = x0.view(-1, 1) - flux.view(-1, 1) * t / dry.view(-1, 1)
    path = th * solids * coat  # the dry thickness the solvent diffuses through
    dif = 3e-14 * torch.exp(0.07 * (temp - 25)) * (1 + 12 * plast)
    tau = ((t - t1.view(-1, 1)).clamp_min(0) ** 0.8 * 60**0.2) * (dif / path**2).view(-1, 1)
    kk = torch.arange(6).float().view(1, 1, -1)
    series = (8 / ((2 * kk + 1) ** 2 * math.pi**2)
              * torch.exp(-((2 * kk + 1) ** 2) * math.pi**2 * tau.unsqueeze(2) / 4)).sum(2)
    retained = 0.002 + 0.004 * torch.rand(n, 1, generator=gen)
    stage2 = xc.view(-1, 1) * series + retained
    resid = torch.where(t < t1.view(-1, 1), stage1.clamp_min(xc.view(-1, 1)), stage2)
    resid = resid + 0.05 * xc.view(-1, 1) * torch.exp(-(t - t1.view(-1, 1)).abs() / 60)  # a skin at the switch
    resid = resid * torch.exp(0.05 * torch.randn(resid.shape, generator=gen))
    feats = torch.cat([((th - 50e-6) / 17e-6).unsqueeze(1), (blend - 1 / 3) / 0.24,
                       ((solids - 0.275) / 0.043).unsqueeze(1), ((plast - 0.04) / 0.023).unsqueeze(1),
                       ((temp - 25) / 4).unsqueeze(1), ((rh - 0.55) / 0.144).unsqueeze(1),
                       ((air - 1) / 0.58).unsqueeze(1), ((coat - 2) / 0.82).unsqueeze(1)], 1)
    return feats[:, [0, 1, 2, 4, 5, 6, 7, 8, 9]], torch.log10(resid)


class PolishDryingNet(nn.Module):
    """A tanh MLP (two hidden layers) from the nine film features to the 12-point log residual-solvent curve."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 12))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def residual_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log10 residual solvent over the curve."""
    x, y = batch
    return F.mse_loss(model(x), y)


def polish_drying(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 48) -> dict[str, Any]:
    """The drying net on 512 films' curves; held out: 1024 other films in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(106501)
    x, y = _np_films(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PolishDryingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": residual_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. crayon wax softening, needle penetration against temperature (Adam; long only)

CR_TEMPS = torch.linspace(15.0, 55.0, 10)


def _cr_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Crayon formulations: paraffin 35-75% (melting point 52-68 C), stearic acid 0-30%, microcrystalline wax 0-20%,
    pigment 5-25%, filler (talc / clay) 0-15%, mineral oil 0-3%, the rest paraffin's share rescaled. The solid
    fraction at T: paraffin melts over a sigmoid of width 3 C at its melting point, with a rotator transition 8 C
    below (half its stiffness lost); stearic acid melts at 69 C less a eutectic depression of up to 12 C with the
    paraffin; microcrystalline wax melts broadly (width 7 C) at 75 C; oil plasticises (lowers every melt by 4 C per
    %). Penetration (0.1 mm): 3 x 10^(1.9 (1 - stiffness)), stiffness = solid fraction^1.5 times the Guth-Gold
    factor 1 + 2.5 phi + 14.1 phi^2 of the pigment and filler volume; the scatter of a mean of five
    needle tests 1.5%. Returns (scaled
    formulation (n, 7), log10 penetration at 10 temperatures)."""
    par_mp = 52 + 16 * torch.rand(n, generator=gen)
    stear = 0.3 * torch.rand(n, generator=gen)
    micro = 0.2 * torch.rand(n, generator=gen)
    pig = 0.05 + 0.2 * torch.rand(n, generator=gen)
    fill = 0.15 * torch.rand(n, generator=gen)
    oil = 0.03 * torch.rand(n, generator=gen)
    par = (1 - stear - micro - pig - fill - oil).clamp_min(0.05)
    t = CR_TEMPS.view(1, -1)
    shift = (400 * oil).view(-1, 1)
    mp = par_mp.view(-1, 1) - shift
    par_solid = torch.sigmoid((mp - t) / 3) * (0.5 + 0.5 * torch.sigmoid((mp - 8 - t) / 2))
    eut = 12 * 4 * (stear * par / (stear + par) ** 2).view(-1, 1)
    st_solid = torch.sigmoid((69 - eut - shift - t) / 2.5)
    mc_solid = torch.sigmoid((75 - shift - t) / 7)
    wax = (par + stear + micro).view(-1, 1)
    solid = (par.view(-1, 1) * par_solid + stear.view(-1, 1) * st_solid + micro.view(-1, 1) * mc_solid) / wax
    phi = ((pig + fill) * 0.45).view(-1, 1)  # by volume (dense pigments)
    stiff = (solid.clamp(0, 1) ** 1.5 * (1 + 2.5 * phi + 14.1 * phi**2) / 1.6).clamp(0, 1.2)
    pen = 3 * 10 ** (1.9 * (1 - stiff))
    pen = pen * torch.exp(0.015 * torch.randn(pen.shape, generator=gen))
    feats = torch.stack([(par - 0.45) / 0.12, (par_mp - 60) / 4.6, (stear - 0.15) / 0.087, (micro - 0.1) / 0.058,
                         (pig - 0.15) / 0.058, (fill - 0.075) / 0.043, (oil - 0.015) / 0.0087], 1)
    return feats, torch.log10(pen)


class CrayonPenetrationNet(nn.Module):
    """A ReLU MLP (two hidden layers of 48) from the formulation to the 10-temperature log penetration curve."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 10))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def penetration_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log10 penetration over the temperatures."""
    x, y = batch
    return F.mse_loss(model(x), y)


def crayon_softening(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The penetration net on 8192 formulations; held out: 2048 others in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(106601)
    x, y = _cr_batches(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrayonPenetrationNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": penetration_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("tambourine_hits_adam", tambourine_hits, 300, "tambourine_jingle_envelope_cnn1d", "adam", "finite", 32,
      seconds=1.1, start_lr=0.032),
    W("confetti_fall_rmsprop", confetti_fall, 300, "confetti_flutter_tumble_fall_mlp", "rmsprop", "finite", 16,
      seconds=0.3, start_lr=0.008),
    W("sprinkler_pattern_adamw", sprinkler_pattern, 300, "lawn_sprinkler_catch_can_pattern_mlp", "adamw_wd1e-2",
      "small_finite", 32, seconds=0.5, start_lr=0.064),
    W("polish_drying_nadam", polish_drying, 300, "nail_polish_two_stage_drying_mlp", "nadam", "small_finite", 32,
      seconds=0.4, start_lr=0.032),
)
LONG = (
    W("chimney_draft_radam@long", chimney_draft, 3000, "chimney_stack_draft_en13384_mlp", "radam", "finite", 32,
      seconds=4.5, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("crayon_softening_adam@long", crayon_softening, 3000, "crayon_wax_needle_penetration_mlp", "adam", "finite", 32,
      seconds=4.5, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("sprinkler_pattern_adamw@long", sprinkler_pattern, 3000, "lawn_sprinkler_catch_can_pattern_mlp",
      "adamw_wd1e-2", "finite", 32, dict(train_size=4096), seconds=5.0, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="sprinkler_pattern_adamw"),
    W("polish_drying_nadam@long", polish_drying, 3000, "nail_polish_two_stage_drying_mlp", "nadam", "finite", 32,
      dict(train_size=2048), seconds=4.5, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="polish_drying_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam106_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixth exam's workloads")
