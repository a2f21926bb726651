"""The hundred-and-second exam: six more workload families that neither the suite nor exams 1-100 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam100_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from nougat and aeration, toffee
and caramelisation, jelly beans and sugar panning, pickles and brine curing, mead and honey fermentation, and butter
churns and fat globules (exam 101 was built at the same time from other domains; its module was not opened). What
was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam102/README.md``.

The models are the plain feed-forward nets (ANNs) that food-engineering papers fit to process data; where a source
is named it is named from memory, and so are the physical laws the data generators use.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- toffee cooks: an MLP from the recipe and the cook (sucrose share, the glucose syrup's DE, butterfat, milk solids,
  the final cook temperature and time, the storage temperature) to the toffee's moisture, its glass transition, its
  log viscosity at storage temperature and its caramel colour; data from the boiling-point elevation of the sugar
  syrup, the Gordon-Taylor equation (water as plasticiser), the WLF equation and first-order Arrhenius browning;
  MSE of the standardised targets; SGD with momentum 0.9
- pickle firmness in brine storage: an MLP from the brine and the fruit (NaCl, CaCl2, pH, temperature, cucumber
  diameter, acetic acid) to the puncture firmness at 10 storage times; data from first-order softening kinetics of
  the pectin (Arrhenius in temperature, acid catalysis, calcium protection, salt, after McFeeters and Fleming's
  softening studies) towards a calcium-dependent residual firmness; MSE of the firmness standardised per day;
  SGD with Nesterov momentum 0.9 and weight decay 5e-4
- jelly-bean sugar panning: an MLP from the pan and the charging schedule (centre size, pan speed, fill, syrup dose
  and Brix, number of charges, drying air temperature and humidity) to the shell gain, the bean-to-bean coating
  variability and the share of doubles; data from a mass balance of the shell, the coating-variability law
  CV ~ 1 / sqrt(passes through the dosing zone) (after Kalbag, Wassgren and Pandey's pan-coating studies) and a
  logistic sticking model; MSE of the standardised targets; Adam (torch's defaults)
- mead fermentation: an MLP with a yeast-strain embedding from the must (original gravity, yeast-assimilable
  nitrogen, pH, temperature, pitch rate, strain) to the hydrometer readings on 12 days; data from a
  Boulton-style fermentation model (nitrogen-limited growth, sugar uptake inhibited by ethanol, a strain's ethanol
  tolerance), integrated in 6-hour steps; MSE of the readings standardised per day; AdamW with weight decay 1e-2
  (torch's default)
- butter churning (a long plan only): an MLP from the cream and the churn (fat content, churning temperature, the
  cream's ageing time, the globules' volume-weighted mean diameter d43, churn speed and fill) to the log churning
  time, the log fat lost to the buttermilk and the log butter grain size; data from orthokinetic partial
  coalescence (a rate rising with shear, the fat volume fraction and the globule size, peaking at an intermediate
  solid-fat content from an Avrami crystallisation) and the log-normal globule size distribution below the capture
  size; MSE of the standardised targets; SGD with Nesterov momentum 0.9 and weight decay 1e-4
- nougat aeration in a continuous rotor-stator aerator (a long plan only): an MLP from the mixing head's settings and
  the nougat base (rotor speed, back pressure, gas-to-syrup ratio, syrup solids and temperature, protein, fat) to
  the aerated nougat's density, its bubbles' Sauter diameter d32 and their volume fractions in 10 size classes;
  data from bubble breakup at a critical capillary number (d32 ~ surface tension / (viscosity x shear rate)),
  coalescence where protein is short, the expansion at the outlet, the head's gas-intake capacity and a log-normal
  size distribution; MSE of the standardised logs and of 5 x the fractions; SGD with momentum 0.9 and weight decay
  1e-4

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the butter-churning
and nougat nets (no short plans), the toffee net on 4096 cooks instead of 512 (in batches of 16 instead of 64) and
the pickle net on 4096 lots instead of 384.

Of the eight plans, three use SGD with momentum (both toffee plans, nougat), three SGD with Nesterov momentum (both
pickle plans, butter), one Adam (jelly beans) and one AdamW (mead).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam102_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam102/README.md).

    python benchmarks/exam102_workloads.py          # the table
    python benchmarks/exam102_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 102"


def _u(n: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


def _scale(x: torch.Tensor, n_train: int) -> torch.Tensor:
    """Standardise columns with the training rows' mean and sd (as a user's scaler fitted on the training set)."""
    return (x - x[:n_train].mean(0)) / x[:n_train].std(0)


class FoodANN(nn.Module):
    """The feed-forward net of food-process modelling papers: inputs, two hidden layers, linear outputs."""

    def __init__(self, n_in: int, n_out: int, hidden: int = 64, act: type[nn.Module] = nn.Tanh) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), act(), nn.Linear(hidden, hidden), act(),
                                 nn.Linear(hidden, n_out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _gordon_taylor(x_w: torch.Tensor, tg_solids: torch.Tensor, k: float = 4.7) -> torch.Tensor:
    """Gordon-Taylor: the glass transition (C) of sugar solids plasticised by a water mass fraction x_w (water's Tg
    -135 C)."""
    return ((1 - x_w) * tg_solids + k * x_w * -135.0) / ((1 - x_w) + k * x_w)


def _wlf_log_eta(t: torch.Tensor, tg: torch.Tensor) -> torch.Tensor:
    """WLF with the universal constants: log10 viscosity (Pa s) from 12 at Tg, glassy (capped) below."""
    d = (t - tg).clamp(-15, 120)
    return 12 - 17.44 * d / (51.6 + d)


# --------------------------------------------------------------------------------------------------------------
# 1. toffee cooks: moisture, glass transition, viscosity and caramel colour (SGD with momentum)


def _tf_cooks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Toffee batches: sucrose share of the sugars 0.4-0.9 (the rest glucose-syrup solids of DE 38-63), butterfat
    5-25% and milk solids 0-15% of the batch, final cook temperature 118-150 C reached in 10-40 min, storage at
    15-30 C. The water left: boiling-point elevation Tc - 100 = K (solids / water)^1.3, K larger for the smaller
    sugar molecules (high DE, sucrose) and the fat not in the syrup; Tg of the sugar solids by Gordon-Taylor from the
    sucrose's 62 C and the syrup solids' (higher for low DE), milk protein raising it; log viscosity at the storage
    temperature by WLF, fat lowering it; caramel colour (log absorbance at 420 nm) from first-order Arrhenius
    browning over the cook (Ea 100 kJ/mol, at a mean cook temperature), faster with reducing sugars (high DE) and
    milk protein (Maillard). Analytical noise: 0.15% moisture, 1.2 C Tg, 0.12 log viscosity, 3% colour. Returns
    (inputs (n, 7), targets (n, 4))."""
    s = _u(n, 0.4, 0.9, gen)
    de = _u(n, 38, 63, gen)
    fat = _u(n, 0.05, 0.25, gen)
    milk = _u(n, 0.0, 0.15, gen)
    tc = _u(n, 118, 150, gen)
    tmin = _u(n, 10, 40, gen)
    ts = _u(n, 15, 30, gen)
    k = 1.0 + 0.35 * s + 0.35 * (1 - s) * de / 63 + 0.8 * milk
    ratio = ((tc - 100) / k) ** (1 / 1.3)  # syrup solids per water
    x_w = 1 / (1 + ratio)  # water fraction of the syrup phase
    moist = 100 * x_w * (1 - fat)  # % of the toffee
    tg_solids = s * 62 + (1 - s) * (170 - 1.9 * de) + 60 * milk
    tg = _gordon_taylor(x_w, tg_solids)
    log_eta = _wlf_log_eta(ts, tg) - 2.5 * fat
    t_mean = 273.15 + 0.5 * (105 + tc)
    rate = torch.exp(-100e3 / 8.314 * (1 / t_mean - 1 / 403.15)) * (1 + 0.03 * (1 - s) * de) * (1 + 8 * milk)
    log_a = torch.log(0.02 * rate * tmin)
    moist = moist + 0.15 * torch.randn(n, generator=gen)
    tg = tg + 1.2 * torch.randn(n, generator=gen)
    log_eta = log_eta + 0.12 * torch.randn(n, generator=gen)
    log_a = log_a + 0.03 * torch.randn(n, generator=gen)
    x = torch.stack([s, de, fat, milk, tc, tmin, ts], 1)
    return x, torch.stack([moist, tg, log_eta, log_a], 1)


def toffee_cook(batch_size: int = 64, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The toffee ANN (tanh) on 512 cooks in batches of 64 (the long plan: 4096 in batches of 16), inputs and
    targets standardised over them; held out: 2048 other cooks in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(102101)
    x, y = _tf_cooks(train_size + 2048, gen)
    x, y = _scale(x, train_size), _scale(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FoodANN(7, 4, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. pickle firmness during brine storage (SGD with Nesterov momentum)

PK_DAYS = torch.tensor([0.0, 3, 7, 14, 21, 30, 45, 60, 90, 120])


def _pk_lots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lots of brined cucumbers: NaCl 2-10% and CaCl2 0-0.4% in the equilibrated brine, pH 3.1-4.3, storage at
    5-35 C, cucumber diameter 25-50 mm, acetic acid 0-1%. Initial puncture firmness (N, a 3 mm probe) higher for
    small fruit; first-order softening towards a residual firmness that calcium raises, the rate Arrhenius in
    temperature (Ea 80 kJ/mol), acid-catalysed (x 10^(0.35 (3.8 - pH))), slowed by calcium (1 / (1 + 6 Ca / (Ca +
    0.1))) and by salt above 6% with enzymic softening at low salt; a lot's measured firmness the mean of 10 fruit
    (1.2% scatter of the lot mean; the lot's own initial firmness 1.5% off the size law). Returns (inputs (n, 6),
    firmness / 10 N at the 10 storage days)."""
    nacl = _u(n, 2, 10, gen)
    ca = _u(n, 0.0, 0.4, gen)
    ph = _u(n, 3.1, 4.3, gen)
    temp = _u(n, 5, 35, gen)
    dia = _u(n, 25, 50, gen)
    acid = _u(n, 0.0, 1.0, gen)
    f0 = 14 * (38 / dia) ** 0.6 * (1 + 0.015 * torch.randn(n, generator=gen))
    resid = f0 * (0.25 + 0.35 * ca / (ca + 0.08))
    k = (0.04 * torch.exp(-80e3 / 8.314 * (1 / (273.15 + temp) - 1 / 298.15)) * 10 ** (0.35 * (3.8 - ph))
         / (1 + 6 * ca / (ca + 0.1)) * (1 + 1.2 * torch.exp(-(nacl - 2) / 1.5)) * (1 - 0.05 * (nacl - 6).clamp_min(0))
         * (1 + 0.3 * acid))
    f = resid.view(-1, 1) + (f0 - resid).view(-1, 1) * torch.exp(-k.view(-1, 1) * PK_DAYS.view(1, -1))
    f = f * (1 + 0.012 * torch.randn(f.shape, generator=gen))
    x = torch.stack([(nacl - 6) / 2.3, (ca - 0.2) / 0.115, (ph - 3.7) / 0.35, (temp - 20) / 8.7, (dia - 37.5) / 7.2,
                     (acid - 0.5) / 0.29], 1)
    return x, f / 10


def pickle_firmness(batch_size: int = 16, seed: int = 0, train_size: int = 384, hidden: int = 64) -> dict[str, Any]:
    """The pickle-firmness ANN (ReLU) on 384 lots, the firmness on each day standardised over them; held out: 2048
    other lots in batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(102201)
    x, y = _pk_lots(train_size + 2048, gen)
    y = _scale(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FoodANN(6, len(PK_DAYS), hidden, nn.ReLU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. jelly-bean sugar panning: shell gain, coating variability, doubles (Adam)


def _jb_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hard-panning runs of jelly-bean centres in a rotating pan: centre mass 0.8-2 g, pan speed 15-35 rpm, fill
    20-50% of the pan, syrup dose 5-20 ml per kg per charge at 60-75 Brix, 8-30 charges, drying air 20-40 C at
    30-70% RH. The shell gain (% of the centre mass): the sucrose dosed less the dust lost, which rises with pan speed
    and dryness; the coat-mass CV between beans ~ 1 / sqrt(the passes of a bean through the dosing zone: pan speed x
    charges x a spreading time, fewer with a larger fill), a floor and a size term; the share of doubles a logistic
    in the wetness of a charge (dose, low Brix, small centres) against the drying (air temperature, humidity) and
    the tumbling. Noise: 1.5% gain, 2% CV, 0.1 on the logit of doubles. Returns (inputs (n, 8), standardised
    [log gain, log CV, logit doubles])."""
    m = _u(n, 0.8, 2.0, gen)
    rpm = _u(n, 15, 35, gen)
    fill = _u(n, 0.2, 0.5, gen)
    dose = _u(n, 5, 20, gen)
    brix = _u(n, 60, 75, gen)
    charges = torch.randint(8, 31, (n,), generator=gen).float()
    air_t = _u(n, 20, 40, gen)
    rh = _u(n, 30, 70, gen)
    sugar = dose * 1.3 * brix / 100 * charges  # g of sucrose per kg of centres
    dry = (air_t - 20) / 20 + (70 - rh) / 40
    dust = 0.04 + 0.04 * (rpm - 15) / 20 + 0.03 * dry
    gain = sugar * (1 - dust) / 10 * (1 + 0.015 * torch.randn(n, generator=gen))
    passes = rpm * charges * 6 / (1 + 2 * fill)
    cv = (0.03 + 2.2 / passes.sqrt() * (1.4 / m) ** 0.3) * (1 + 0.02 * torch.randn(n, generator=gen))
    wet = dose / 10 * (76 - brix) / 8 * (1.4 / m) ** 0.5
    logit = 1.8 * (wet - 1.2) - 1.2 * dry - 0.05 * (rpm - 25) + 2 * (fill - 0.35)
    logit = logit + 0.1 * torch.randn(n, generator=gen)
    x = torch.stack([m, rpm, fill, dose, brix, charges, air_t, rh], 1)
    return x, torch.stack([torch.log(gain), torch.log(cv), logit], 1)


def jelly_bean_panning(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The panning ANN (SiLU) on 2048 runs, inputs and targets standardised over them; held out: 2048 other runs in
    batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(102301)
    x, y = _jb_runs(train_size + 2048, gen)
    x, y = _scale(x, train_size), _scale(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FoodANN(8, 3, hidden, nn.SiLU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. mead fermentation: hydrometer readings from the must (AdamW)

MD_DAYS = torch.tensor([1, 2, 3, 5, 7, 10, 14, 18, 22, 26, 30, 35])
MD_STRAINS = 5


def _md_musts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Mead musts: original gravity 1.070-1.140 (honey sugar S0 from it), yeast-assimilable nitrogen 30-300 mg/L
    (honey alone is poor; the rest added), pH 3.2-4.3, 14-26 C, pitch 0.1-1 g/L of dry yeast, one of 5 strains
    (their growth rate, ethanol tolerance and nitrogen need differ). A Boulton-style model integrated in 6-hour
    steps: biomass grows on nitrogen (Monod), inhibited by ethanol; sugar uptake by the biomass (Michaelis-Menten),
    Arrhenius in temperature, slowed at low pH, falling as ethanol nears the strain's tolerance; ethanol 0.47 g per
    g sugar. The gravity (points, (SG - 1) x 1000) from sugar and ethanol, read with a hydrometer (1 point noise); a
    batch's yeast vigour varies unobserved (10%, log-normal).
    Returns (strain ids, scaled must (n, 5), gravity points / 10 on the 12 days)."""
    og = _u(n, 70, 140, gen)
    yan = _u(n, 30, 300, gen)
    ph = _u(n, 3.2, 4.3, gen)
    temp = _u(n, 14, 26, gen)
    pitch = _u(n, 0.1, 1.0, gen)
    strain = torch.randint(0, MD_STRAINS, (n,), generator=gen)
    mu_s = torch.tensor([0.9, 1.1, 0.8, 1.0, 1.25])[strain]
    tol = torch.tensor([120.0, 140, 110, 150, 100])[strain]  # g/L ethanol
    nneed = torch.tensor([1.0, 1.3, 0.8, 1.1, 1.4])[strain]
    sug = og * 2.6  # g/L
    nit = yan / 1000  # g/L
    x_b = pitch * 0.5
    eth = torch.zeros(n)
    arr = torch.exp(60e3 / 8.314 * (1 / 293.15 - 1 / (273.15 + temp))) * torch.exp(0.1 * torch.randn(n, generator=gen))
    acid = 1 / (1 + torch.exp(-(ph - 3.4) / 0.15))
    dt, out, day = 0.25, [], 0.0
    for d in MD_DAYS.tolist():
        while day < d - 1e-9:
            inhib = (1 - eth / tol).clamp_min(0)
            grow = 4.0 * mu_s * arr * acid * nit / (nit + 0.02 * nneed) * x_b * inhib
            dn = (grow * 0.07 * nneed * dt).clamp(max=nit)
            x_b = x_b + dn / (0.07 * nneed)
            nit = nit - dn
            up = (12.0 * arr * acid * x_b * sug / (sug + 10) * inhib ** 1.5 * dt).clamp(max=sug)
            sug = sug - up
            eth = eth + 0.47 * up
            day += dt
        out.append(sug / 2.6 - eth * 0.3)
    grav = torch.stack(out, 1) + 1.0 * torch.randn(n, len(MD_DAYS), generator=gen)
    cond = torch.stack([(og - 105) / 20, (yan - 165) / 78, (ph - 3.75) / 0.32, (temp - 20) / 3.5,
                        (pitch - 0.55) / 0.26], 1)
    return strain, cond, grav / 10


class MeadNet(nn.Module):
    """An ANN with a learned embedding of the yeast strain (dimension 3), joined with the must, through two GELU
    layers to the 12 gravity readings."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(MD_STRAINS, 3)
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, len(MD_DAYS)))

    def forward(self, strain: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(strain), cond], 1))


def gravity_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (standardised) gravity readings."""
    strain, cond, y = batch
    return F.mse_loss(model(strain, cond), y)


def mead_fermentation(batch_size: int = 32, seed: int = 0, train_size: int = 768, hidden: int = 64) -> dict[str, Any]:
    """The mead ANN on 768 musts, the readings of each day standardised over them; held out: 2048 other musts in
    batches of 1024; AdamW (weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(102401)
    s, c, y = _md_musts(train_size + 2048, gen)
    y = _scale(y, train_size)
    tr = (s[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MeadNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": gravity_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. butter churning: churning time, fat lost to the buttermilk, grain size (SGD with Nesterov momentum; long only)


def _bt_churns(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Batch churns of ripened cream: fat 30-45%, churning at 8-16 C after ageing 2-24 h at 6 C, globule d43 2.5-6
    um (a log-normal size distribution, sd of log 0.45), churn speed 20-60 rpm, fill 30-50%. The solid-fat content
    from an Avrami crystallisation during ageing (n = 2) towards an equilibrium falling with the churning
    temperature; the partial-coalescence rate ~ shear (speed, less with fill) x the fat volume fraction x d43 x a
    bell in the solid fat (crystals to pierce the membranes, liquid fat to glue: best near 35%); churning time
    inversely; the fat lost in the buttermilk from the globules below a capture size (rising with a faster churn)
    plus a floor; the grain size growing with temperature and the churning time. Noise: 3% time, 3% fat lost, 3%
    grain. Returns (inputs (n, 6), standardised [log time, log fat lost, log grain size])."""
    fat = _u(n, 30, 45, gen)
    temp = _u(n, 8, 16, gen)
    age = _u(n, 2, 24, gen)
    d43 = _u(n, 2.5, 6, gen)
    rpm = _u(n, 20, 60, gen)
    fill = _u(n, 0.3, 0.5, gen)
    sfc_eq = 0.62 - 0.032 * (temp - 8)
    sfc = sfc_eq * (1 - torch.exp(-((age / 5) ** 2)))
    bell = torch.exp(-(((sfc - 0.35) / 0.16) ** 2))
    rate = (rpm / 40) ** 1.5 * (1.4 - fill) * (fat / 38) ** 1.5 * (d43 / 4) ** 1.2 * (0.1 + bell)
    t_churn = 25 / rate * (1 + 0.03 * torch.randn(n, generator=gen))
    d50 = d43 * math.exp(-2.5 * 0.45 ** 2)  # volume mean to number median for the log-normal
    capture = 1.2 + 0.6 * (rpm - 20) / 40 - 0.3 * (sfc - 0.3)
    below = 0.5 * (1 + torch.erf((torch.log(capture / d50) / 0.45 - 3 * 0.45) / math.sqrt(2)))  # volume share
    lost = (0.15 + 0.25 * fat / 38 * below * 10) * (1 + 0.03 * torch.randn(n, generator=gen))
    grain = 1.5 * (1 + 0.12 * (temp - 8)) * (t_churn / 30) ** 0.3 * (1 + 0.03 * torch.randn(n, generator=gen))
    x = torch.stack([fat, temp, age, d43, rpm, fill], 1)
    return x, torch.stack([torch.log(t_churn), torch.log(lost), torch.log(grain)], 1)


def butter_churn(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The churning ANN (tanh) on 8192 churns, inputs and targets standardised over them; held out: 2048 other churns
    in batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(102501)
    x, y = _bt_churns(train_size + 2048, gen)
    x, y = _scale(x, train_size), _scale(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FoodANN(6, 3, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. nougat aeration in a rotor-stator aerator: density and bubble sizes (SGD with momentum; long only)

NG_EDGES = torch.logspace(math.log10(5.0), math.log10(400.0), 11)  # um, the image-analysis size classes


def _ng_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Continuous aeration of a nougat base (sugar-glucose syrup with a protein frappe) in a rotor-stator mixing
    head: rotor speed 400-1500 rpm, back pressure 1-4 bar (gauge), gas-to-syrup volume ratio (at the atmosphere)
    0.3-1.5, syrup solids 78-88% at 45-75 C, protein 1-4%, fat 0-5%. The syrup's viscosity Arrhenius-like in
    temperature and steeply rising with solids; the shear rate pi D N / gap of a 10 cm rotor with a 1 mm gap; the
    Sauter diameter from the breakup of bubbles at a critical capillary number (d32 ~ sigma / (eta shear), the
    surface tension falling with protein), grown by coalescence where protein is short and expanded by the
    pressure drop at the outlet; the gas taken in limited by the head's capacity (speed, viscosity) and by fat
    (an antifoam), the rest vented; the density from the air fraction; a log-normal bubble size distribution
    broader with more gas and a weaker head. Measured: density (0.5%), d32 and the volume fractions in 10
    log-spaced size classes 5-400 um by image analysis (3% on d32, 0.015 on a fraction: a few hundred bubbles
    counted). Returns (inputs (n, 7), [log density, log d32, 5 x the 10 volume fractions])."""
    rpm = _u(n, 400, 1500, gen)
    back = _u(n, 1.0, 4.0, gen)
    gas = _u(n, 0.3, 1.5, gen)
    solids = _u(n, 78, 88, gen)
    temp = _u(n, 45, 75, gen)
    prot = _u(n, 1.0, 4.0, gen)
    fat = _u(n, 0.0, 5.0, gen)
    eta = 2.0 * torch.exp(0.2 * (solids - 83)) * torch.exp(3500 * (1 / (273.15 + temp) - 1 / 333.15))  # Pa s
    shear = math.pi * 0.1 * rpm / 60 / 1e-3
    sigma = 0.045 + 0.015 * torch.exp(-(prot - 1))  # N/m
    capacity = ((rpm / 900) ** 1.5 * (eta / 2) ** 0.3).clamp(max=1.5)
    taken = torch.minimum(gas, 1.1 * capacity) * (1 - 0.1 * fat)
    phi = taken / (1 + taken)
    rho = (1.0 + 0.0045 * solids) * (1 - phi)
    d32 = 4 * sigma / (eta * shear) * 1e6 * (1 + 0.5 * torch.exp(-(prot - 1) / 0.8)) * (1 + back) ** (1 / 3)
    d32 = d32 * (1 + 0.5 * phi)
    s = 0.3 + 0.1 * gas + 0.15 * (1.5 - capacity).clamp_min(0)
    ln_dv = torch.log(d32) + 0.5 * s**2  # the volume-weighted median of the log-normal
    z = (torch.log(NG_EDGES).view(1, -1) - ln_dv.view(-1, 1)) / (s.view(-1, 1) * math.sqrt(2))
    cdf = 0.5 * (1 + torch.erf(z))
    frac = cdf[:, 1:] - cdf[:, :-1]
    frac = frac + 0.015 * torch.randn(frac.shape, generator=gen)
    rho = rho * (1 + 0.005 * torch.randn(n, generator=gen))
    d32 = d32 * (1 + 0.03 * torch.randn(n, generator=gen))
    x = torch.stack([rpm, back, gas, solids, temp, prot, fat], 1)
    return x, torch.cat([torch.log(rho).unsqueeze(1), torch.log(d32).unsqueeze(1), 5 * frac], 1)


def nougat_aeration(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The aeration ANN (ReLU) on 8192 runs, inputs and the two logs standardised over them; held out: 2048 other
    runs in batches of 1024; SGD with momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(102601)
    x, y = _ng_runs(train_size + 2048, gen)
    x = _scale(x, train_size)
    y = torch.cat([_scale(y[:, :2], train_size), y[:, 2:]], 1)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FoodANN(7, 2 + len(NG_EDGES) - 1, hidden, nn.ReLU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("toffee_cook_momentum", toffee_cook, 300, "toffee_cook_gordon_taylor_wlf_ann", "sgd_momentum0.9", "finite", 64,
      seconds=0.3, start_lr=0.2),
    W("pickle_firmness_nesterov", pickle_firmness, 300, "pickle_brine_softening_firmness_ann",
      "sgd_nesterov0.9_wd5e-4", "small_finite", 16, seconds=0.3, start_lr=0.2),
    W("jelly_bean_panning_adam", jelly_bean_panning, 300, "jelly_bean_sugar_panning_coat_ann", "adam", "finite", 32,
      seconds=0.3, start_lr=0.032),
    W("mead_fermentation_adamw", mead_fermentation, 300, "mead_boulton_gravity_curve_ann", "adamw_wd1e-2", "finite",
      32, seconds=0.4, start_lr=0.032),
)
LONG = (
    W("butter_churn_nesterov@long", butter_churn, 3000, "butter_churning_partial_coalescence_ann",
      "sgd_nesterov0.9_wd1e-4", "finite", 32, seconds=2.5, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("nougat_aeration_momentum@long", nougat_aeration, 3000, "nougat_rotor_stator_aeration_bubble_size_ann",
      "sgd_momentum0.9_wd1e-4", "finite", 32, seconds=2.0, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("toffee_cook_momentum@long", toffee_cook, 3000, "toffee_cook_gordon_taylor_wlf_ann", "sgd_momentum0.9",
      "finite", 16, dict(train_size=4096), seconds=2.0, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="toffee_cook_momentum"),
    W("pickle_firmness_nesterov@long", pickle_firmness, 3000, "pickle_brine_softening_firmness_ann",
      "sgd_nesterov0.9_wd5e-4", "finite", 16, dict(train_size=4096), seconds=2.0, start_lr=0.1,
      grid_fractions=(0.0, 0.05), long_of="pickle_firmness_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam102_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-second exam's workloads")
