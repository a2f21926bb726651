"""The hundred-and-fourth exam: six more workload families that neither the suite nor exams 1-102 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam102_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from ice skates and blade glide,
hair dryers and airflow heating, cotton candy and sugar spinning, gingerbread and baking spread, marmalade and pectin
set, and wasabi and pungency decay (exam 103 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried, is in ``benchmarks/results/exam104/README.md``.
Models and data generators are written from memory of the papers named; none was looked up.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- skate-blade ice friction: an MLP from an ice-rink glide test's conditions (ice temperature, speed, skater mass,
  blade rocker radius, blade width, air humidity) to the log friction coefficient, the way speed-skating
  friction studies fit de Koning et al.'s (1992) measurements; the friction from a plowing term (indentation of
  ice whose hardness rises as it gets colder) and a frictional-melt term (a meltwater film after Lozowski & Szilder
  2013, thinner on colder ice), 1% scatter (a trial is the mean of many glides); MSE of the standardised log;
  batches of 8; RAdam (torch's defaults)
- hair-dryer jet: an MLP from a dryer's settings (heater power, the mains voltage, fan flow, nozzle diameter,
  ambient temperature) to the air temperature rise and speed on the jet axis at 8 distances; the outlet from an
  energy balance with the bimetal thermostat's cut-out, the jet from the round free jet's potential core and its
  1 / x decay of centreline velocity and excess temperature; thermocouple and hot-wire noise; MSE of the
  standardised logs; AdamW (torch's weight decay 1e-2)
- cotton-candy floss fibres (a long plan only): an MLP from the machine's settings (spinner-head speed and radius,
  heater band temperature, sugar feed rate, room humidity, ejector-slit width) to the histogram of fibre diameters
  (12 log-spaced bins plus a 13th for collapsed, sticky floss) from image analysis of 2000 fibres a sample;
  the diameters log-normal about a centrifugal-spinning law (d ~ (Q mu / (rho omega^2 R^2))^0.5, the melt
  viscosity of sucrose from the WLF equation above its glass transition), the collapsed fraction from the humidity
  lowering the glass transition (Gordon-Taylor); the KL divergence from the observed histogram (held out: from the
  exact one); RAdam (torch's defaults)
- gingerbread cookie spread: an MLP from the formula and bake (sugar, fat and syrup on flour weight, flour protein,
  baking soda, dough thickness, oven temperature) to the cookie diameter at 10 times of a 12-minute bake; the dough
  a viscous gravity current (Huppert 1982: r^8 grows as rho g V^3 t / eta) whose viscosity falls as it warms
  (fat melting) until it sets near a set temperature that sugar raises (Miller & Hoseney's cookie spread studies),
  heating as a lumped body; calliper noise; MSE of the standardised diameters; batches of 8; RAdam (torch's
  defaults)
- marmalade pectin set: an MLP from the batch (high-methoxyl pectin's degree of esterification and dose, soluble
  solids in Brix, pH, calcium, cooling rate) to log10 G' at 12 temperatures while the marmalade cools from 90 to
  20 C; the gel setting at a temperature that rises with the DE (rapid-set against slow-set pectins), the solids
  and acidity, G' growing with the pectin dose squared; rheometer noise; MSE of log10 G'; NAdam (torch's defaults)
- wasabi pungency after grating (a long plan only): a grey-box net, an MLP from the preparation (sinigrin content,
  grater fineness, temperature, pH, time the rhizome was out, lid on or off) to the three parameters of a Bateman
  rise-and-fall A k1 / (k2 - k1) (exp(-k1 t) - exp(-k2 t)) of headspace allyl isothiocyanate over 30 minutes; the
  data from a myrosinase Michaelis-Menten release of AITC from sinigrin with AITC lost to evaporation and
  hydrolysis (faster warm, at higher pH, with the lid off), integrated by Euler steps; GC noise; MSE of
  log(1 + AITC); RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the cotton-candy net
and the wasabi grey-box net (no short plans), the skate friction net on 4096 trials instead of 512 and the
gingerbread spread net on 4096 bakes instead of 512.

Of the eight plans, six use RAdam (both skate plans, both gingerbread plans, cotton candy, wasabi), one AdamW (hair
dryer) and one NAdam (marmalade).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam104_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam104/README.md).

    python benchmarks/exam104_workloads.py          # the table
    python benchmarks/exam104_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 104"


def _mlp(n_in: int, hidden: int, n_out: int, act: type[nn.Module] = nn.SiLU, layers: int = 2) -> nn.Sequential:
    mods: list[nn.Module] = [nn.Linear(n_in, hidden), act()]
    for _ in range(layers - 1):
        mods += [nn.Linear(hidden, hidden), act()]
    return nn.Sequential(*mods, nn.Linear(hidden, n_out))


def _u(n: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


def _std(x: torch.Tensor, lo: float, hi: float) -> torch.Tensor:
    """A uniform range scaled to mean 0, sd 1."""
    return (x - (lo + hi) / 2) / ((hi - lo) / math.sqrt(12))


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. skate-blade ice friction (RAdam; short and long)


def _sk_trials(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Glide trials of a speed skate on rink ice: ice temperature -15 to -1 C, speed 2-14 m/s, skater mass 50-100 kg
    (on one blade), rocker radius 15-30 m, blade width 0.9-1.4 mm, air humidity 20-80% (frost on the ice). Plowing:
    the blade sinks until the ice's hardness (rising about 6% a degree colder) carries the load over the contact
    length sqrt(8 R d); mu_plow ~ sqrt(d / R). Frictional melt (after Lozowski & Szilder 2013, simplified): the
    meltwater film's shear ~ w sqrt(eta v L) / load, the film thinner (friction up) as the ice is colder and
    more heat is conducted away; frost adds drag at high humidity on cold ice. 1% scatter (a trial is the mean of
    many glides). Returns (scaled inputs, log mu)."""
    t = _u(n, -15, -1, gen)
    v = _u(n, 2, 14, gen)
    m = _u(n, 50, 100, gen)
    r = _u(n, 15, 30, gen)
    w = _u(n, 0.9, 1.4, gen) * 1e-3
    rh = _u(n, 20, 80, gen)
    hard = 8e6 * (1 + 0.06 * (-t)) ** 1.5
    load = m * 9.81
    d = (load / (hard * w)) ** 2 / (8 * r)
    length = (8 * r * d).sqrt()
    mu_plow = 0.35 * (d / length).sqrt()
    cold = torch.exp(0.11 * (-t - 7).clamp_min(0))
    mu_melt = 55 * w * (1.8e-3 * v * length).sqrt() / load * cold * (1 + 0.3 * (1 - v / 14))
    mu_frost = 0.0012 * torch.sigmoid((rh - 55) / 8) * torch.sigmoid((-t - 6) / 2)
    mu = (mu_plow + mu_melt + mu_frost) * torch.exp(0.01 * torch.randn(n, generator=gen))
    x = torch.stack([_std(t, -15, -1), _std(v, 2, 14), _std(m, 50, 100), _std(r, 15, 30), _std(w * 1e3, 0.9, 1.4),
                     _std(rh, 20, 80)], 1)
    return x, torch.log(mu)


class SkateFrictionNet(nn.Module):
    """A SiLU MLP from the six glide-test conditions to the log friction coefficient."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(6, hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def skate_friction(batch_size: int = 8, seed: int = 0, train_size: int = 512, hidden: int = 48) -> dict[str, Any]:
    """The friction net on 512 glide trials, the log friction standardised over them; held out: 2048 other trials
    in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(104101)
    x, y = _sk_trials(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SkateFrictionNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. hair-dryer jet: temperature rise and speed on the axis (AdamW)

HD_X = torch.tensor([0.02, 0.04, 0.06, 0.09, 0.12, 0.16, 0.22, 0.30])  # metres from the nozzle


def _hd_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bench tests of hand-held dryers: heater 800-2200 W rated at 230 V, mains 207-253 V (power as V^2), fan flow
    8-22 L/s, nozzle (concentrator) diameter 2.5-5 cm, ambient 15-30 C. Outlet rise dT0 = 0.9 P / (rho cp Q); a
    bimetal cut-out cycles the heater above 95 K of rise (the mean rise soft-capped there). Outlet speed U0 = Q / A.
    On the axis, a round turbulent jet: a potential core of about 6 D for the speed and 5 D for the excess
    temperature, then U = U0 6 D / x and dT = dT0 5 D / x, blended smoothly. 3% noise. Returns (scaled settings,
    standardised-later log dT and log U at the 8 distances)."""
    p = _u(n, 800, 2200, gen)
    volt = _u(n, 207, 253, gen)
    q = _u(n, 8, 22, gen) * 1e-3
    dia = _u(n, 0.025, 0.05, gen)
    amb = _u(n, 15, 30, gen)
    rho = 353 / (amb + 273.15)
    dt0 = 0.9 * p * (volt / 230) ** 2 / (rho * 1005 * q)
    dt0 = 95 - F.softplus(95 - dt0, beta=0.15)
    u0 = q / (math.pi * dia**2 / 4)
    x = HD_X.view(1, -1)
    s_u = x / (6 * dia.view(-1, 1))
    s_t = x / (5 * dia.view(-1, 1))
    u = u0.view(-1, 1) / (1 + s_u**4) ** 0.25
    dt = dt0.view(-1, 1) / (1 + s_t**4) ** 0.25
    u = u * torch.exp(0.03 * torch.randn(u.shape, generator=gen))
    dt = dt * torch.exp(0.03 * torch.randn(dt.shape, generator=gen))
    feats = torch.stack([_std(p, 800, 2200), _std(volt, 207, 253), _std(q * 1e3, 8, 22), _std(dia, 0.025, 0.05),
                         _std(amb, 15, 30)], 1)
    return feats, torch.cat([torch.log(dt), torch.log(u)], 1)


class DryerJetNet(nn.Module):
    """A ReLU MLP from the five settings to the 16 axis readings (log rise, log speed)."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = _mlp(5, hidden, 16, nn.ReLU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def hair_dryer(batch_size: int = 32, seed: int = 0, train_size: int = 768, hidden: int = 128) -> dict[str, Any]:
    """The jet net on 768 bench tests, each reading standardised over them; held out: 2048 other tests in batches
    of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(104201)
    x, y = _hd_tests(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DryerJetNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cotton-candy floss: the fibre-diameter histogram (RAdam; long only)

CC_BINS = 12
CC_EDGES = torch.logspace(math.log10(2.0), math.log10(200.0), CC_BINS + 1)  # micrometres


def _cc_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Floss from a spinner head: speed 2500-3800 rpm, head radius 3-5 cm, heater band 150-190 C, feed 2-8 g/s,
    humidity 25-80%, slit 0.2-0.6 mm. The melt's viscosity from the WLF equation (C1 17.4, C2 51.6 K) above the
    dry sucrose glass transition (62 C): 10^12 Pa s at Tg. Centrifugal spinning: the median diameter ~ (Q mu /
    (rho omega^2 R^2))^0.5 (Q the flow of one of 400 streams), a little wider for wider slits, log-normal spread
    (sigma 0.35-0.55, wider with wider slits); a collapsed fraction rising as water taken up from the room lowers
    the floss's glass transition (Gordon-Taylor, k 4.7) towards room temperature. The histogram of 2000 fibres
    measured by image analysis (the multinomial counting noise in its normal approximation). Returns (scaled
    settings, the 13 observed fractions, the 13 true probabilities)."""
    rpm = _u(n, 2500, 3800, gen)
    rad = _u(n, 0.03, 0.05, gen)
    heat = _u(n, 150, 190, gen)
    feed = _u(n, 2, 8, gen)
    rh = _u(n, 25, 80, gen)
    slit = _u(n, 0.2, 0.6, gen)
    tg = 62.0
    dt = (heat - tg).clamp_min(60)
    log_mu = 12 - 17.4 * dt / (51.6 + dt)  # log10 Pa s
    omega = rpm * 2 * math.pi / 60
    q = feed * 1e-3 / 1590 / 400  # per fibre stream, m3/s
    d = (q * 10**log_mu / (1590 * omega**2 * rad**2)).sqrt() * 1e6 * 110 * (slit / 0.4) ** 0.3
    sig = 0.35 + 0.5 * (slit - 0.2)
    w = rh / 100 * 0.06  # water taken up by the floss (mass fraction)
    tg_wet = ((1 - w) * tg + 4.7 * w * -135) / ((1 - w) + 4.7 * w)
    collapsed = torch.sigmoid((25 - tg_wet) / 4) * 0.8
    le = torch.log(CC_EDGES).view(1, -1)
    cdf = 0.5 * (1 + torch.erf((le - torch.log(d).view(-1, 1)) / (sig.view(-1, 1) * math.sqrt(2))))
    cdf = torch.cat([torch.zeros(n, 1), cdf[:, 1:-1], torch.ones(n, 1)], 1)
    probs = torch.cat([(cdf[:, 1:] - cdf[:, :-1]) * (1 - collapsed).view(-1, 1), collapsed.view(-1, 1)], 1)
    obs = (probs + (probs * (1 - probs) / 2000).sqrt() * torch.randn(probs.shape, generator=gen)).clamp_min(0)
    feats = torch.stack([_std(rpm, 2500, 3800), _std(rad, 0.03, 0.05), _std(heat, 150, 190), _std(feed, 2, 8),
                         _std(rh, 25, 80), _std(slit, 0.2, 0.6)], 1)
    return feats, obs / obs.sum(1, keepdim=True), probs / probs.sum(1, keepdim=True)


class FlossNet(nn.Module):
    """A GELU MLP from the six settings to the logits of the 13 histogram bins."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(6, hidden, CC_BINS + 1, nn.GELU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def histogram_kl(model: nn.Module, batch: Any) -> torch.Tensor:
    """The KL divergence from the observed bin fractions to the predicted histogram (nats a sample)."""
    x, p = batch
    return F.kl_div(F.log_softmax(model(x), 1), p, reduction="batchmean")


def cotton_candy(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The floss net on 4096 samples (2000-fibre histograms); held out: 2048 other samples in batches of 1024, their
    histograms from the whole sample (tens of thousands of fibres: taken as the exact distribution, so the held-out
    KL has no counting floor); RAdam."""
    gen = torch.Generator().manual_seed(104301)
    x, p, exact = _cc_samples(train_size + 2048, gen)
    tr = (x[:train_size], p[:train_size])
    torch.manual_seed(seed)
    return {"model": FlossNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], exact[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": histogram_kl, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. gingerbread cookie spread during the bake (RAdam; short and long)

GB_T = torch.linspace(1.2, 12.0, 10)  # minutes at which the diameter is read


def _gb_bakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Gingerbread bakes of a 30 g dough disc: sugar 40-90, fat 20-45, syrup (molasses) 10-30 (% of flour weight),
    flour protein 8-13%, baking soda 0-1.5%, dough thickness 4-8 mm, oven 160-200 C. The dough warms as a lumped
    body (time constant rising with thickness squared); its viscosity falls as it warms (fat melting, sugar
    dissolving; less with more protein) and jumps where it sets, near a set temperature that sugar and syrup raise
    (starch gelatinisation delayed); spreading as a viscous gravity current, d(r^8)/dt = k g V^3 / eta. The soda's
    gas thins the dough a little. Diameters read at 10 times with 0.5%
    noise (calliper, the mean of two diameters). Returns (scaled
    formula and bake, diameters in cm)."""
    sugar = _u(n, 40, 90, gen)
    fat = _u(n, 20, 45, gen)
    syrup = _u(n, 10, 30, gen)
    prot = _u(n, 8, 13, gen)
    soda = _u(n, 0, 1.5, gen)
    thick = _u(n, 4, 8, gen)
    oven = _u(n, 160, 200, gen)
    r0 = (30 / 1.25 / (math.pi * thick / 10)).sqrt()  # cm, density 1.25 g/cm3
    tau = 8 * (thick / 6) ** 2 * (180 / oven)  # minutes
    tset = 88 + 0.15 * (sugar - 65) + 0.1 * (syrup - 20) - 0.8 * (prot - 10.5)
    eta0 = torch.exp(0.05 * (prot - 10.5) * 10 - 0.012 * (fat - 32) - 0.006 * (sugar - 65) - 0.15 * soda)
    steps = 120
    dt = 12.0 / steps
    r8 = r0**8
    out = []
    ts = torch.arange(1, steps + 1) * dt
    k = 0.9 * r0**8 / 2.0
    for i in range(steps):
        temp = oven - (oven - 20) * torch.exp(-ts[i] / tau)
        temp = temp.clamp_max(100)
        eta = eta0 * torch.exp(-0.045 * (temp - 20)) * (1 + torch.exp((temp - tset) / 2.5).clamp_max(1e6))
        r8 = r8 + k * dt / eta
        out.append(r8 ** 0.125)
    r = torch.stack(out, 1)
    idx = (GB_T / dt).round().long() - 1
    diam = 2 * r[:, idx] * torch.exp(0.005 * torch.randn(n, len(GB_T), generator=gen))
    feats = torch.stack([_std(sugar, 40, 90), _std(fat, 20, 45), _std(syrup, 10, 30), _std(prot, 8, 13),
                         _std(soda, 0, 1.5), _std(thick, 4, 8), _std(oven, 160, 200)], 1)
    return feats, diam


class CookieSpreadNet(nn.Module):
    """A SiLU MLP from the seven formula and bake settings to the 10 diameters."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(7, hidden, len(GB_T))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gingerbread_spread(batch_size: int = 8, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The spread net on 512 bakes, each diameter standardised over them; held out: 2048 other bakes in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(104401)
    x, y = _gb_bakes(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CookieSpreadNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. marmalade pectin set: G' while cooling (NAdam)

MM_T = torch.linspace(90, 20, 12)  # C


def _mm_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Marmalade batches with high-methoxyl pectin: DE 58-76% (slow- to rapid-set), pectin 0.3-1.0%, soluble solids
    58-70 Brix, pH 2.8-3.6, calcium 0-40 mg/100 g, cooling 0.5-3 K/min. HM pectin gels only with enough sugar and
    acid: the set temperature rises about 2.2 K per DE point, with solids and with acidity, falls with faster
    cooling (less time to order); the plateau G' grows with the pectin dose squared and the solids, falls steeply
    above pH 3.3; a weak sol below the set. Rheometer noise 0.04 in log10 G'. Returns (scaled batch, log10 G' (Pa) at
    12 temperatures)."""
    de = _u(n, 58, 76, gen)
    c = _u(n, 0.3, 1.0, gen)
    ss = _u(n, 58, 70, gen)
    ph = _u(n, 2.8, 3.6, gen)
    ca = _u(n, 0, 40, gen)
    cool = _u(n, 0.5, 3, gen)
    tset = 55 + 2.2 * (de - 64) + 1.5 * (ss - 64) - 30 * (ph - 3.1) + 0.05 * ca - 4 * torch.log(cool)
    gplat = 10 ** (3.2 + 2 * torch.log10(c / 0.6) + 0.06 * (ss - 64)) * torch.sigmoid((3.35 - ph) / 0.06)
    width = 5 + 1.5 * cool
    t = MM_T.view(1, -1)
    gel = gplat.view(-1, 1) * torch.sigmoid((tset.view(-1, 1) - t) / width.view(-1, 1)) * (1 + 0.01 * (60 - t))
    sol = 0.5 * c.view(-1, 1) * torch.exp(0.02 * (90 - t))
    logg = torch.log10(gel + sol) + 0.04 * torch.randn(n, 12, generator=gen)
    feats = torch.stack([_std(de, 58, 76), _std(c, 0.3, 1.0), _std(ss, 58, 70), _std(ph, 2.8, 3.6), _std(ca, 0, 40),
                         _std(cool, 0.5, 3)], 1)
    return feats, logg


class PectinSetNet(nn.Module):
    """A tanh MLP from the six batch settings to log10 G' at the 12 temperatures."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(6, hidden, 12, nn.Tanh)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def marmalade_set(batch_size: int = 32, seed: int = 0, train_size: int = 768, hidden: int = 48) -> dict[str, Any]:
    """The set net on 768 batches; held out: 2048 other batches in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(104501)
    x, y = _mm_batches(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PectinSetNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. wasabi pungency after grating: a Bateman grey-box (RAdam; long only)

WS_T = torch.tensor([0.5, 1, 2, 3, 4, 6, 8, 10, 14, 18, 24, 30.0])  # minutes after grating


def _ws_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Freshly grated wasabi: sinigrin 20-80 umol/g, grater from sharkskin (fine, fraction of cells broken 0.9) to
    coarse metal (0.4), 10-30 C, pH 5-7, the rhizome out of the fridge 0-5 days (myrosinase activity falling), lid
    on or off. Myrosinase releases allyl isothiocyanate by Michaelis-Menten (Vmax with the broken fraction,
    activity, Arrhenius in temperature, an optimum near pH 6; Km 0.2 of the initial substrate); AITC evaporates
    (first order, 4 times faster with the lid off, rising with temperature) and hydrolyses (faster at higher pH
    and temperature). Euler steps of 0.05 min; headspace AITC read at 12 times with 6% GC noise. Returns (scaled
    preparation, the times, log(1 + AITC))."""
    sin = _u(n, 20, 80, gen)
    fine = _u(n, 0.4, 0.9, gen)
    temp = _u(n, 10, 30, gen)
    ph = _u(n, 5, 7, gen)
    days = _u(n, 0, 5, gen)
    lid = (torch.rand(n, generator=gen) < 0.5).float()
    s = sin * fine
    km = 0.2 * sin
    arr = torch.exp(0.05 * (temp - 20))
    vmax = 40 * fine * torch.exp(-0.15 * days) * arr * torch.exp(-(((ph - 6) / 1.2) ** 2))
    k_loss = (0.06 * (1 + 3 * (1 - lid)) * torch.exp(0.04 * (temp - 20))
              + 0.02 * torch.exp(0.8 * (ph - 6)) * arr)
    a = torch.zeros(n)
    dt = 0.05
    reads = []
    ti = (WS_T / dt).round().long()
    j = 0
    for step in range(1, int(ti[-1]) + 1):
        rate = vmax * s / (km + s)
        s = (s - rate * dt).clamp_min(0)
        a = a + (rate - k_loss * a) * dt
        if step == int(ti[j]):
            reads.append(a)
            j += 1
    a = torch.stack(reads, 1) * torch.exp(0.06 * torch.randn(n, len(WS_T), generator=gen))
    feats = torch.stack([_std(sin, 20, 80), _std(fine, 0.4, 0.9), _std(temp, 10, 30), _std(ph, 5, 7), _std(days, 0, 5),
                         2 * lid - 1], 1)
    return feats, torch.log1p(a)


class BatemanPungencyNet(nn.Module):
    """A tanh MLP from the six preparation settings to the Bateman curve's amount A (umol/g), release rate k1 and
    loss rate k2 (per minute), all positive; the curve read at the 12 times, on the log(1 + AITC) scale."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = _mlp(6, hidden, 3, nn.Tanh)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        amount = 30 * torch.exp(p[:, 0:1])
        k1 = 0.5 * torch.exp(p[:, 1:2])
        k2 = 0.1 * torch.exp(p[:, 2:3])
        t = WS_T.view(1, -1)
        k2 = torch.where((k2 - k1).abs() < 1e-3, k2 + 1e-3, k2)
        curve = amount * k1 / (k2 - k1) * (torch.exp(-k1 * t) - torch.exp(-k2 * t))
        return torch.log1p(curve.clamp_min(0))


def wasabi_pungency(batch_size: int = 16, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The Bateman grey-box on 4096 gratings; held out: 2048 other gratings in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(104601)
    x, y = _ws_samples(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BatemanPungencyNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("skate_friction_radam", skate_friction, 300, "skate_blade_ice_friction_plow_melt_mlp", "radam", "finite", 8,
      seconds=0.6, start_lr=0.064),
    W("hair_dryer_adamw", hair_dryer, 300, "hair_dryer_free_jet_axis_temperature_speed_mlp", "adamw_wd1e-2",
      "finite", 32, seconds=0.6, start_lr=0.064),
    W("gingerbread_spread_radam", gingerbread_spread, 300, "gingerbread_cookie_spread_gravity_current_mlp", "radam",
      "finite", 8, seconds=0.4, start_lr=0.128),
    W("marmalade_set_nadam", marmalade_set, 300, "marmalade_hm_pectin_set_cooling_modulus_mlp", "nadam", "finite",
      32, seconds=0.3, start_lr=0.032),
)
LONG = (
    W("cotton_candy_radam@long", cotton_candy, 3000, "cotton_candy_floss_fibre_diameter_histogram_mlp", "radam",
      "finite", 64, seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("wasabi_pungency_radam@long", wasabi_pungency, 3000, "wasabi_aitc_bateman_greybox_pungency", "radam", "finite",
      16, seconds=4.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("skate_friction_radam@long", skate_friction, 3000, "skate_blade_ice_friction_plow_melt_mlp", "radam", "finite",
      8, dict(train_size=4096), seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="skate_friction_radam"),
    W("gingerbread_spread_radam@long", gingerbread_spread, 3000, "gingerbread_cookie_spread_gravity_current_mlp",
      "radam", "finite", 8, dict(train_size=4096), seconds=3.1, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="gingerbread_spread_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam104_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fourth exam's workloads")
