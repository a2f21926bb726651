"""The hundred-and-eleventh exam: six more workload families that neither the suite nor exams 1-110 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam110_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from piano hammers and string voicing, backpacks and shoulder-strap load,
drinking straws and suction flow, lollipops and candy dissolving, ocarinas and Helmholtz pitch, and bathtubs and
bathwater cooling (exam 112 was built at the same time from other domains; its module was not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam111/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is
as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- piano hammer voicing: a GELU MLP from the key, the hammer's mass, its felt's voicing (needled soft to lacquered
  hard), the felt's stiffness exponent, the hammer velocity and the strike point to the level of the first partial,
  the levels of partials 2-8 relative to it and the spectral centroid; a nonlinear felt (F = K x^p) whose contact
  time follows from the peak compression, the half-sine force pulse's spectrum at the stiff string's inharmonic
  partials (f_n = n f0 sqrt(1 + B n^2)), the strike point's sin(n pi beta) / n; 0.5 dB scatter; MSE of the
  standardised outputs; AdamW (weight decay 0.01)
- backpack shoulder-strap pressure: a SiLU MLP from the pack's mass, the hip belt's share, the load's offset from
  the back, the torso length, the load-lifter angle, the sternum strap, the walking speed, the strap-on-shirt
  friction, the shoulder's radius at the top, the strap's width and padding to the log contact pressure at 12
  points along the strap from the back to the chest; the strap's tension from the load and the pack's tipping
  moment, falling along the shoulder by the capstan (Euler-Eytelwein) law T exp(-mu theta), pressure T / (w R) on a
  shoulder whose curvature is tightest at the top; 3% scatter; MSE of the standardised logs; Adam
- drinking-straw suction flow: a ReLU MLP from the straw's bore and length, the drink's viscosity, yield stress
  (milkshakes) and density, the mouth's suction, the lift and a bend to the log steady flow and the log volume of a
  1.5 s sip (suction ramping up over 0.3 s); Hagen-Poiseuille friction plus entrance / bend losses (a quadratic in
  the flow), Blasius friction when turbulent (the larger loss wins), a Bingham plug threshold 4 tau_y L / D and the
  hydrostatic lift; 3% scatter; MSE of the standardised logs; RMSprop (torch's defaults)
- lollipop dissolving: a ReLU MLP from the candy's radius, its kind (sucrose / corn syrup, isomalt, sour-coated;
  one-hot), the licking rate, the time in the mouth, the tongue's pressure and the saliva flow to the radius left
  after 2, 5, 10 and 20 minutes and the log number of licks to a 3 mm core; a shrinking sphere whose mass-transfer
  coefficient comes from penetration theory per lick (k = 2 sqrt(D / (pi t_contact))) on the tongue's patch and
  from a Sherwood-type bath in the mouth, the saliva film's sugar approaching saturation when the saliva flow is
  low; scatter 0.002 / 0.01; MSE of the standardised outputs; SGD with Nesterov momentum 0.9
- ocarina Helmholtz pitch (a long plan only): a DeepSets net (a shared per-hole tanh layer averaged over the ten
  holes, then a head MLP with the chamber's features) from the chamber volume, wall thickness, window area,
  blowing pressure and air temperature and each hole's diameter and open / closed state to the pitch
  (semitones from A4) and the sound level; Helmholtz's f = c / (2 pi) sqrt(G / V) with the conductance G the
  sum over the open holes and the window of A / (t + 1.6 r) (end-corrected), sharpening with breath pressure
  and flattening once the holes' area is large; 3 cents and 0.1 dB scatter; MSE of the standardised outputs;
  RAdam (torch's defaults)
- bathwater cooling (a long plan only): a grey-box net (a tanh MLP gives two time constants, a fast share and an
  equilibrium offset; the temperature is the two-exponential Newton-cooling curve from them) from the water's
  volume, the starting and room temperatures, the tub (acrylic, enamelled steel, cast iron; one-hot), the foam
  cover, a bather in it, the humidity and the surface area to the water temperature at 5, 10, 15, 20, 30, 40, 50
  and 60 minutes; the data from a three-node heat model (water, tub wall, room) with evaporation by the Magnus
  vapour pressure, natural convection (h ~ dT^(1/3)), radiation, the cold wall soaking up heat and a bather's body
  at 37 C with 100 W of metabolism; 0.05 C scatter; MSE in degrees C; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the ocarina and
bathtub nets (no short plans), the piano-hammer net on 8192 strikes instead of 1024 and the lollipop net on 8192
lollipops instead of 1024 (both with 32 units a layer instead of 64; batches 64 and 32, as their short plans).

Of the eight plans, two use AdamW (both piano-hammer plans), two SGD with Nesterov momentum (both lollipop plans),
one Adam (backpack), one RMSprop (straw), one RAdam (ocarina) and one NAdam (bathtub). The four long plans use four
different optimisers: AdamW, SGD with Nesterov momentum, RAdam and NAdam.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam111_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam111/README.md).

    python benchmarks/exam111_workloads.py          # the table
    python benchmarks/exam111_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 111"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _mlp(d_in: int, hidden: int, d_out: int, act: type[nn.Module]) -> nn.Sequential:
    return nn.Sequential(nn.Linear(d_in, hidden), act(), nn.Linear(hidden, hidden), act(), nn.Linear(hidden, d_out))


# --------------------------------------------------------------------------------------------------------------
# 1. piano hammer voicing: partial levels of a struck string (AdamW)

PH_PARTIALS = 8


def _ph_strikes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hammer strikes on a piano's strings: key 1-88 (f0 = 440 * 2^((k - 49) / 12)); the hammer's mass 11 g in the
    bass to 6 g in the treble, +-8% from hammer to hammer; the felt's voicing state -1 (needled soft) to +1
    (lacquered hard); the felt's stiffness exponent p 2.2-3.2; the hammer velocity 0.5-5 m/s (log-uniform; pp to
    ff); the strike point 1/9-1/7 of the speaking length. The felt (F = K x^p) is compressed to x_m with
    x_m^(p+1) = (p+1) m v^2 / (2K) (K rising with voicing and towards the treble); the contact lasts
    tc = 3 x_m / v; the force pulse is a half-sine whose spectrum is |cos(pi f tc)| / |1 - (2 f tc)^2|; the
    stiff string's partials at f_n = n f0 sqrt(1 + B n^2) (B from 1e-4 in the bass to ~5e-3 in the treble) are
    excited by sin(n pi beta) / n times the pulse's spectrum times the velocity and filtered by the soundboard /
    air radiation above ~5 kHz. 0.5 dB scatter. Returns (features (n, 6), outputs (n, 9): the first partial's level
    (dB), partials 2-8 relative to it (dB, floored near -40) and the log2 spectral centroid over f0)."""
    key = torch.randint(1, 89, (n,), generator=gen).float()
    pos = (key - 1) / 87
    f0 = 440 * 2 ** ((key - 49) / 12)
    mass = (0.011 - 0.005 * pos) * (1 + 0.08 * (2 * torch.rand(n, generator=gen) - 1))
    voice = 2 * torch.rand(n, generator=gen) - 1
    p = 2.2 + torch.rand(n, generator=gen)
    vel = 0.5 * 10 ** torch.rand(n, generator=gen)
    beta = 1 / (9 - 2 * torch.rand(n, generator=gen))
    hard = torch.exp(1.2 * voice + 1.0 * pos)
    xm = 1e-3 * ((mass / 0.009) * (vel / 2) ** 2 / hard) ** (1 / (p + 1))
    tc = 3 * xm / vel
    b = 1e-4 * torch.exp(3.9 * pos)
    nn_ = torch.arange(1, PH_PARTIALS + 1).float().view(1, -1)
    fn = nn_ * f0.view(-1, 1) * torch.sqrt(1 + b.view(-1, 1) * nn_**2)
    xx = fn * tc.view(-1, 1)
    den = 1 - 4 * xx**2
    spec = torch.where(den.abs() < 1e-3, torch.full_like(xx, math.pi / 4), torch.cos(math.pi * xx).abs() / den.abs())
    amp = torch.sin(nn_ * math.pi * beta.view(-1, 1)).abs() / nn_ * spec * vel.view(-1, 1) / (1 + (fn / 5000) ** 2)
    level = 20 * torch.log10(amp[:, 0] + 1e-4) + 60
    rel = 20 * torch.log10(amp[:, 1:] / amp[:, :1] + 1e-2)
    power = amp**2
    centroid = torch.log2((power * fn).sum(1) / power.sum(1) / f0)
    y = torch.cat([level.view(-1, 1), rel], 1) + 0.5 * torch.randn(n, PH_PARTIALS, generator=gen)
    y = torch.cat([y, (centroid + 0.03 * torch.randn(n, generator=gen)).view(-1, 1)], 1)
    x = torch.stack([(key - 44.5) / 25.4, (mass - 0.0085) / 0.0016, voice / 0.58, (p - 2.7) / 0.29,
                     (torch.log10(vel) - 0.5 + math.log10(2)) / 0.29, (beta - 0.127) / 0.0125], 1)
    return x, y


class HammerVoicingNet(nn.Module):
    """A GELU MLP from the key, hammer and strike to the partials' levels and the spectral centroid."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp(6, hidden, PH_PARTIALS + 1, nn.GELU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def voicing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised partial levels and centroid."""
    return _mse(model, batch)


def piano_hammer_voicing(batch_size: int = 32, seed: int = 0, train_size: int = 1024,
                         hidden: int = 64) -> dict[str, Any]:
    """The voicing net on ``train_size`` strikes, targets standardised over them; held out: 2048 other strikes in
    batches of 1024; AdamW (weight decay 0.01, torch's default betas)."""
    gen = torch.Generator().manual_seed(111101)
    x, y = _ph_strikes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HammerVoicingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.01), "adamw"),
            "loss_fn": voicing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. backpack shoulder-strap pressure profile (Adam)

BP_POINTS = 12


def _bp_carries(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A loaded backpack's shoulder strap on a pressure-mapping mat: pack 5-25 kg; a hip belt worn in 70% of the
    carries, taking 0-80% of the load as it is tightened; the load's centre of mass 5-20 cm behind the back; torso
    length 40-55 cm; load-lifter angle 20-60 degrees; a sternum strap (half the carries); walking 0-1.8 m/s (a
    dynamic factor 1 + 0.15 v^1.5); strap-on-shirt friction 0.3-0.6; the shoulder's radius at its top 3-6 cm (15 cm
    on the back and chest); strap width 4-8 cm, padding 0-15 mm (spreading the strap). Each strap's tension at the
    back is half the shoulder load plus the tipping moment's share (offset / torso over tan(angle)); along the
    wrap (0 at the back to pi at the chest) it falls by the capstan law T exp(-mu theta), not below the front
    strap's tension (a fifth of the back's, more with a sternum strap, which also pulls the strap inward and
    tightens the front's curvature). Pressure T / (w_eff R(theta)), R smallest at the top. 3% scatter. Returns
    (features (n, 12), log pressures in kPa at 12 points along the wrap (n, 12))."""
    mass = 5 + 20 * torch.rand(n, generator=gen)
    belt = (torch.rand(n, generator=gen) < 0.7).float()
    tight = torch.rand(n, generator=gen)
    offset = 0.05 + 0.15 * torch.rand(n, generator=gen)
    torso = 0.40 + 0.15 * torch.rand(n, generator=gen)
    angle = torch.deg2rad(20 + 40 * torch.rand(n, generator=gen))
    sternum = (torch.rand(n, generator=gen) < 0.5).float()
    speed = 1.8 * torch.rand(n, generator=gen)
    mu = 0.3 + 0.3 * torch.rand(n, generator=gen)
    r_top = 0.03 + 0.03 * torch.rand(n, generator=gen)
    width = 0.04 + 0.04 * torch.rand(n, generator=gen)
    pad = 0.015 * torch.rand(n, generator=gen)
    hip = 0.8 * belt * tight
    load = mass * 9.81 * (1 - hip) * (1 + 0.15 * speed**1.5)
    t_back = 0.5 * load * (1 + 0.8 * offset / torso / torch.tan(angle))
    t_front = t_back * (0.2 + 0.15 * sternum)
    theta = torch.linspace(0, math.pi, BP_POINTS).view(1, -1)
    tension = torch.maximum(t_back.view(-1, 1) * torch.exp(-mu.view(-1, 1) * theta), t_front.view(-1, 1))
    rel = ((theta - math.pi / 2) / (math.pi / 2)) ** 2
    front = (theta > math.pi / 2).float()
    r = r_top.view(-1, 1) + (0.15 - r_top.view(-1, 1)) * rel * (1 - 0.35 * sternum.view(-1, 1) * front)
    w_eff = width.view(-1, 1) + 2 * pad.view(-1, 1)
    pressure = tension / (w_eff * r) / 1000
    y = torch.log(pressure) + 0.03 * torch.randn(n, BP_POINTS, generator=gen)
    x = torch.stack([(mass - 15) / 5.8, 2 * belt - 1, (tight - 0.5) / 0.29, (offset - 0.125) / 0.043,
                     (torso - 0.475) / 0.043, (torch.rad2deg(angle) - 40) / 11.5, 2 * sternum - 1,
                     (speed - 0.9) / 0.52, (mu - 0.45) / 0.087, (r_top - 0.045) / 0.0087,
                     (width - 0.06) / 0.0115, (pad - 0.0075) / 0.0043], 1)
    return x, y


class StrapPressureNet(nn.Module):
    """A SiLU MLP from the pack, the body and the strap to the 12 log pressures along the strap."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp(12, hidden, BP_POINTS, nn.SiLU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def strap_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log pressures."""
    return _mse(model, batch)


def backpack_strap(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The strap-pressure net on ``train_size`` carries, targets standardised over them; held out: 2048 other
    carries in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(111102)
    x, y = _bp_carries(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrapPressureNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": strap_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. drinking-straw suction flow (RMSprop)


def _st_flow(dp: torch.Tensor, d: torch.Tensor, length: torch.Tensor, mu: torch.Tensor, rho: torch.Tensor,
             k: torch.Tensor) -> torch.Tensor:
    """The flow (m^3/s) through the straw for an effective pressure ``dp`` (Pa, already net of lift and yield):
    laminar Hagen-Poiseuille plus minor losses (a quadratic in Q), or Blasius-turbulent, the smaller flow."""
    area = math.pi * d**2 / 4
    dp = dp.clamp_min(0)
    a = k * rho / 2 / area**2
    b = 128 * mu * length / (math.pi * d**4)
    q_lam = 2 * dp / (b + torch.sqrt(b**2 + 4 * a * dp))
    v = q_lam / area
    for _ in range(12):
        re = (rho * v * d / mu).clamp_min(1.0)
        f = 0.316 * re**-0.25
        v = torch.sqrt(2 * dp / rho / (f * length / d + k))
    return torch.minimum(q_lam, v * area)


def _st_sips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Drinking through a straw: bore 3-12 mm (log-uniform), length 15-30 cm; the drink's viscosity 1 mPa s (water)
    to 1 Pa s (a thick milkshake; log-uniform), a Bingham yield stress 0-10 Pa for drinks above 50 mPa s, density
    1000-1100 kg/m3; the mouth's suction 1-12 kPa; the lift from the drink's surface to the mouth 5-20 cm; a bendy
    straw's elbow (K 0.8 on top of the entrance and exit's 1.5) in 40%. The driving pressure is the suction less
    rho g h and the plug threshold 4 tau_y L / D; the flow is Hagen-Poiseuille with the minor losses (a quadratic)
    or Blasius-turbulent, whichever is smaller. The sip: 1.5 s with the suction ramping up linearly over 0.3 s
    (the flow taken quasi-steady, 16 points). 3% scatter. Returns (features (n, 8), log10 of the steady flow
    (mL/s) and the sip's volume (mL), each + 0.05 (n, 2))."""
    d = 0.003 * 4 ** torch.rand(n, generator=gen)
    length = 0.15 + 0.15 * torch.rand(n, generator=gen)
    lmu = -3 + 3 * torch.rand(n, generator=gen)
    mu = 10**lmu
    tau = torch.where(mu > 0.05, 10 * torch.rand(n, generator=gen), torch.zeros(n))
    rho = 1000 + 100 * torch.rand(n, generator=gen)
    suction = 1000 + 11000 * torch.rand(n, generator=gen)
    lift = 0.05 + 0.15 * torch.rand(n, generator=gen)
    bend = (torch.rand(n, generator=gen) < 0.4).float()
    k = 1.5 + 0.8 * bend
    hold = rho * 9.81 * lift + 4 * tau * length / d
    q = _st_flow(suction - hold, d, length, mu, rho, k) * 1e6
    t = torch.linspace(0, 1.5, 16).view(1, -1)
    ramp = (t / 0.3).clamp(max=1.0)
    qs = _st_flow(suction.view(-1, 1) * ramp - hold.view(-1, 1), d.view(-1, 1), length.view(-1, 1),
                  mu.view(-1, 1), rho.view(-1, 1), k.view(-1, 1)) * 1e6
    sip = torch.trapezoid(qs, t.expand_as(qs), dim=1)
    y = torch.stack([torch.log10(q + 0.05), torch.log10(sip + 0.05)], 1)
    y = y + 0.013 * torch.randn(n, 2, generator=gen)
    x = torch.stack([(torch.log(d / 0.006)) / 0.4, (length - 0.225) / 0.043, (lmu + 1.5) / 0.87, (tau - 2.5) / 3.5,
                     (rho - 1050) / 29, (suction - 6500) / 3175, (lift - 0.125) / 0.043, 2 * bend - 1], 1)
    return x, y


class StrawFlowNet(nn.Module):
    """A ReLU MLP from the straw, the drink and the suction to the log flow and the log sip volume."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp(8, hidden, 2, nn.ReLU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def straw_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log flow and log sip volume."""
    return _mse(model, batch)


def straw_suction(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The straw-flow net on ``train_size`` sips, targets standardised over them; held out: 2048 other sips in
    batches of 1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(111103)
    x, y = _st_sips(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrawFlowNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": straw_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. lollipop dissolving (SGD with Nesterov momentum)

LP_KINDS = 3
LP_TIMES = (2.0, 5.0, 10.0, 20.0)  # minutes


def _lp_licks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lollipops licked down: radius 1.0-2.0 cm; the candy (sucrose / corn syrup, isomalt, sour-coated sucrose:
    saturation 2.0, 1.3, 2.0 g/mL-ish in saliva, the sour coat's acid raising the saliva flow); licking 20-80 licks
    a minute; the share of the time in the mouth 0-1 (the rest licked); the tongue's pressure 0-1 (the contact
    patch 2-5 cm^2 and the contact time of a lick); saliva 0.3-2 mL/min. Licked: penetration theory per lick,
    k = 2 sqrt(D / (pi t_c)) over the patch, refreshed at the licking rate; in the mouth: the whole sphere in a
    Sherwood-type bath (Sh = 2 + 0.6 Re^0.5 Sc^(1/3) with a slow mouth flow). The saliva film's concentration is at
    the balance of dissolution and the saliva's flow (c / c_sat = A k / (A k + Q)), which slows a big candy in a
    dry mouth. A shrinking sphere, 30 s steps to 60 minutes. Scatter 0.002 on the fractions, 0.01 on the log.
    Returns (features (n, 8), the radius's fraction left after 2, 5, 10, 20 minutes and the log10 licks to a
    3 mm core (n, 5))."""
    r0 = 1.0 + torch.rand(n, generator=gen)
    kind = torch.randint(0, LP_KINDS, (n,), generator=gen)
    csat = torch.tensor([2.0, 1.3, 2.0])[kind]
    rate = 20 + 60 * torch.rand(n, generator=gen)
    mouth = torch.rand(n, generator=gen)
    press = torch.rand(n, generator=gen)
    saliva = (0.3 + 1.7 * torch.rand(n, generator=gen)) * (1 + 0.5 * (kind == 2).float())
    diff = 3e-5  # cm2/s, an effective diffusivity (the tongue's stirring; invented)
    tcontact = 0.25 * (0.5 + press) * (40 / rate) ** 0.5  # s
    k_lick = 2 * (diff / (math.pi * tcontact)).sqrt() * (rate / 60 * tcontact).clamp(max=1)  # cm/s, time-averaged
    patch = 2 + 3 * press
    dt = 30.0
    r = r0.clone()
    out = []
    t_core = torch.full((n,), 3600.0)
    steps = 120
    for i in range(steps):
        area_m = 4 * math.pi * r**2
        rr = r.clamp_min(0.05)
        k_m = diff / (2 * rr) * (2 + 0.6 * 30 ** 0.5 * 1000 ** (1 / 3) * (rr / 1.5) ** 0.5)
        ka = (1 - mouth) * k_lick * torch.minimum(patch, area_m / 2) + mouth * k_m * area_m
        sat = ka / (ka + saliva / 60 + 1e-12)
        flux = ka * csat * (1 - sat) / 1.5  # cm3 of candy per s (density 1.5)
        r_new = (r**3 - 3 * flux * dt / (4 * math.pi)).clamp_min(0) ** (1 / 3)
        crossing = (r > 0.3) & (r_new <= 0.3)
        frac = (r - 0.3) / (r - r_new).clamp_min(1e-9)
        t_core = torch.where(crossing, (i + frac) * dt, t_core)
        r = r_new
        if (i + 1) * dt / 60 in LP_TIMES:
            out.append(r / r0)
    licks = torch.log10(t_core / 60 * rate * (1 - mouth).clamp_min(0.05))
    y = torch.cat([torch.stack(out, 1), licks.view(-1, 1)], 1)
    y = y + torch.tensor([0.002, 0.002, 0.002, 0.002, 0.01]) * torch.randn(n, 5, generator=gen)
    x = torch.cat([torch.stack([(r0 - 1.5) / 0.29, (rate - 50) / 17.3, (mouth - 0.5) / 0.29, (press - 0.5) / 0.29,
                                (saliva - 1.3) / 0.6], 1), F.one_hot(kind, LP_KINDS).float()], 1)
    return x, y


class DissolveNet(nn.Module):
    """A ReLU MLP from the candy and the licking to the radius left and the licks to the core."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp(8, hidden, 5, nn.ReLU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def dissolve_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised radii and log licks."""
    return _mse(model, batch)


def lollipop_dissolving(batch_size: int = 32, seed: int = 0, train_size: int = 1024,
                        hidden: int = 64) -> dict[str, Any]:
    """The dissolving net on ``train_size`` lollipops, targets standardised over them; held out: 2048 other
    lollipops in batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(111104)
    x, y = _lp_licks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DissolveNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": dissolve_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. ocarina Helmholtz pitch (RAdam; long only)

OC_HOLES = 10


def _oc_fingerings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Fingerings played on ocarinas of many makes: chamber 40-300 cm^3 (log-uniform), wall 3-6 mm, the window
    (voicing) 15-40 mm^2 with a 2 mm lip, ten holes of 3-11 mm each (the maker's choice per instrument), each
    open or closed, breath 200-1500 Pa (log-uniform), air 15-35 C (c = 331.3 sqrt(1 + T / 273.15)). Helmholtz:
    f = c / (2 pi) sqrt(G / V), G = sum over the open holes and the window of A / (t + 1.6 r); + 30 cents per
    doubling of the breath (ocarinas go sharp when blown hard); large total hole area flattens the note (the
    lumped model's failure: the chamber is no longer a lumped volume) by 1 / (1 + 0.15 (A_open / V^(2/3))^1.5);
    the level rises with 10 log10(breath) and with the open area. 3 cents and 0.1 dB scatter. Returns (hole
    features (n, 10, 2): diameter (scaled) and open (+-1); chamber features (n, 5); outputs (n, 2): semitones from
    A4 and the level in dB)."""
    vol = 40 * 7.5 ** torch.rand(n, generator=gen)  # cm3
    wall = 3 + 3 * torch.rand(n, generator=gen)  # mm
    win = 15 + 25 * torch.rand(n, generator=gen)  # mm2
    dia = 3 + 8 * torch.rand(n, OC_HOLES, generator=gen)  # mm
    opened = (torch.rand(n, OC_HOLES, generator=gen) < 0.5).float()
    breath = 200 * 7.5 ** torch.rand(n, generator=gen)
    temp = 15 + 20 * torch.rand(n, generator=gen)
    c = 331.3 * torch.sqrt(1 + temp / 273.15) * 1000  # mm/s
    area = math.pi * dia**2 / 4
    g = (opened * area / (wall.view(-1, 1) + 1.6 * dia / 2)).sum(1)
    rw = torch.sqrt(win / math.pi)
    g = g + win / (2 + 1.6 * rw)
    f = c / (2 * math.pi) * torch.sqrt(g / (vol * 1000))
    a_open = (opened * area).sum(1) + win
    f = f * 2 ** (0.3 * torch.log2(breath / 500) / 12) / (1 + 0.15 * (a_open / (vol * 1000) ** (2 / 3)) ** 1.5)
    semis = 12 * torch.log2(f / 440) + 0.03 * torch.randn(n, generator=gen)
    level = 10 * torch.log10(breath) + 6 * torch.log10(a_open / 50) + 0.1 * torch.randn(n, generator=gen)
    holes = torch.stack([(dia - 7) / 2.3, 2 * opened - 1], 2)
    chamber = torch.stack([(torch.log(vol) - math.log(40 * 7.5**0.5)) / 0.58, (wall - 4.5) / 0.87,
                           (win - 27.5) / 7.2, (torch.log(breath) - math.log(200 * 7.5**0.5)) / 0.58,
                           (temp - 25) / 5.8], 1)
    return holes, chamber, torch.stack([semis, level], 1)


class OcarinaDeepSets(nn.Module):
    """A DeepSets net: a shared tanh layer embeds each hole (diameter, open), the embeddings are averaged (the holes'
    conductances add; a second per-hole linear layer would fold into the head's first) and a head MLP maps the mean
    with the chamber's features to the pitch and level."""

    def __init__(self, hidden: int = 32, embed: int = 16) -> None:
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(2, embed), nn.Tanh())
        self.head = _mlp(embed + 5, hidden, 2, nn.SiLU)

    def forward(self, holes: torch.Tensor, chamber: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.phi(holes).sum(1) / OC_HOLES, chamber], 1))


def ocarina_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised pitch and level."""
    holes, chamber, y = batch
    return F.mse_loss(model(holes, chamber), y)


def ocarina_pitch(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The ocarina net on ``train_size`` fingerings, targets standardised over them; held out: 2048 other
    fingerings in batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(111105)
    holes, chamber, y = _oc_fingerings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (holes[:train_size], chamber[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OcarinaDeepSets(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((holes[train_size:], chamber[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": ocarina_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bathwater cooling, a grey-box Newton-cooling net (NAdam; long only)

BT_TIMES = (5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0)  # minutes


def _bt_baths(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Baths left to cool: 100-250 L of water at 38-45 C in a room at 16-26 C; the tub acrylic, enamelled steel or
    cast iron (wall heat capacity 15, 25, 60 kJ/K; wall-to-room conductance 4, 12, 10 W/K; water-to-wall 250
    W/m2K over the wetted area), the wall starting at room temperature; foam covering 0-80% of the surface; a
    bather in 40% (a 37 C body of 1.8 m2 with 100 W of metabolism, exchanging 60 W/m2K with the water, covering a
    fifth of the surface); humidity 30-90%; surface 0.6-0.9 m2. Surface losses (doubled, constants invented):
    evaporation 0.05 (p_sat(T_w) - RH p_sat(T_a)) W/m2 with Magnus's p_sat = 610.94 exp(17.625 T / (T + 243.04))
    Pa, cut by 90% under foam; natural convection 3 dT^(4/3) W/m2, cut by 60% under foam; radiation
    0.95 sigma (T_w^4 - T_a^4). A three-node model (water, wall, body) in 10 s steps to 60 minutes. 0.05 C
    scatter. Returns (features (n, 10), raw (start, room) temperatures (n, 2), temperatures at 5, 10, 15, 20, 30,
    40, 50, 60 minutes (n, 8), in C)."""
    vol = 100 + 150 * torch.rand(n, generator=gen)
    t0 = 38 + 7 * torch.rand(n, generator=gen)
    troom = 16 + 10 * torch.rand(n, generator=gen)
    tub = torch.randint(0, 3, (n,), generator=gen)
    cw = torch.tensor([15e3, 25e3, 60e3])[tub]
    uw = torch.tensor([4.0, 12.0, 10.0])[tub]
    foam = 0.8 * torch.rand(n, generator=gen)
    bather = (torch.rand(n, generator=gen) < 0.4).float()
    rh = 0.3 + 0.6 * torch.rand(n, generator=gen)
    surf = 0.6 + 0.3 * torch.rand(n, generator=gen)
    wet = 1.2 + 0.004 * vol
    cap = vol * 4186
    tw, twall = t0.clone(), troom.clone()
    free = surf * (1 - 0.2 * bather)

    def psat(t: torch.Tensor) -> torch.Tensor:
        return 610.94 * torch.exp(17.625 * t / (t + 243.04))

    out = []
    dt = 10.0
    for i in range(360):
        evap = 0.05 * (psat(tw) - rh * psat(troom)).clamp_min(0) * (1 - 0.9 * foam)
        dtemp = (tw - troom).clamp_min(0)
        conv = 3 * dtemp ** (4 / 3) * (1 - 0.6 * foam)
        rad = 0.95 * 5.67e-8 * ((tw + 273.15) ** 4 - (troom + 273.15) ** 4)
        q_wall = 250 * wet * (tw - twall)
        q_body = bather * (60 * 1.8 * (tw - 37) - 100)
        q = free * (evap + conv + rad) + q_wall + q_body
        twall = twall + dt * (q_wall - uw * (twall - troom)) / cw
        tw = tw - dt * q / cap
        if (i + 1) * dt / 60 in BT_TIMES:
            out.append(tw)
    y = torch.stack(out, 1) + 0.05 * torch.randn(n, len(BT_TIMES), generator=gen)
    x = torch.cat([torch.stack([(vol - 175) / 43, (t0 - 41.5) / 2.0, (troom - 21) / 2.9, (foam - 0.4) / 0.23,
                                2 * bather - 1, (rh - 0.6) / 0.17, (surf - 0.75) / 0.087], 1),
                   F.one_hot(tub, 3).float()], 1)
    return x, torch.stack([t0, troom], 1), y


class BathCoolingGreyBox(nn.Module):
    """A tanh MLP gives a fast and a slow time constant (minutes), the fast part's share and the equilibrium's offset
    above the room; the water temperature is T_eq + (T_0 - T_eq) (a exp(-t / tau_1) + (1 - a) exp(-t / tau_2))."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = _mlp(10, hidden, 4, nn.Tanh)
        self.register_buffer("times", torch.tensor(BT_TIMES).view(1, -1))

    def forward(self, x: torch.Tensor, raw: torch.Tensor) -> torch.Tensor:
        h = self.net(x)
        tau1 = 5 * torch.exp(h[:, :1])
        tau2 = 150 * torch.exp(h[:, 1:2])
        share = 0.2 * torch.sigmoid(h[:, 2:3])
        t_eq = raw[:, 1:] + 5 * h[:, 3:]
        decay = share * torch.exp(-self.times / tau1) + (1 - share) * torch.exp(-self.times / tau2)
        return t_eq + (raw[:, :1] - t_eq) * decay


def bath_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the water temperatures (C^2)."""
    x, raw, y = batch
    return F.mse_loss(model(x, raw), y)


def bathwater_cooling(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box cooling net on ``train_size`` baths; held out: 2048 other baths in batches of 1024; NAdam
    (torch's defaults: betas 0.9 / 0.999, momentum decay 4e-3)."""
    gen = torch.Generator().manual_seed(111106)
    x, raw, y = _bt_baths(train_size + 2048, gen)
    tr = (x[:train_size], raw[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BathCoolingGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], raw[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": bath_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("piano_hammer_voicing_adamw", piano_hammer_voicing, 300, "piano_hammer_felt_voicing_partials_mlp", "adamw",
      "finite", 64, seconds=0.2, start_lr=0.064),
    W("backpack_strap_adam", backpack_strap, 300, "backpack_shoulder_strap_capstan_pressure_mlp", "adam", "finite",
      64, seconds=0.2, start_lr=0.064),
    W("straw_suction_rmsprop", straw_suction, 300, "drinking_straw_suction_poiseuille_flow_mlp", "rmsprop", "finite",
      64, seconds=0.2, start_lr=0.016),
    W("lollipop_dissolving_nesterov", lollipop_dissolving, 300, "lollipop_licking_dissolution_mlp",
      "sgd_nesterov0.9", "finite", 32, seconds=0.2, start_lr=0.2),
)
LONG = (
    W("ocarina_pitch_radam@long", ocarina_pitch, 3000, "ocarina_helmholtz_pitch_deepsets", "radam", "finite", 32,
      seconds=2.4, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("bathwater_cooling_nadam@long", bathwater_cooling, 3000, "bathtub_water_cooling_greybox_mlp", "nadam",
      "finite", 32, seconds=2.4, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("piano_hammer_voicing_adamw@long", piano_hammer_voicing, 3000, "piano_hammer_felt_voicing_partials_mlp",
      "adamw", "finite", 64, dict(train_size=8192, hidden=32), seconds=2.0, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="piano_hammer_voicing_adamw"),
    W("lollipop_dissolving_nesterov@long", lollipop_dissolving, 3000, "lollipop_licking_dissolution_mlp",
      "sgd_nesterov0.9", "finite", 32, dict(train_size=8192, hidden=32), seconds=1.2, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="lollipop_dissolving_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam111_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eleventh exam's workloads")
