"""The ninety-sixth exam: six more workload families that neither the suite nor exams 1-94 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam94_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from pizza ovens and crust char,
bagels and kettle boiling, croissants and dough lamination, tofu and coagulation, yogurt and culturing, and hot
springs and mineral deposits (exam 95 was built at the same time from other domains; its module was not opened).
What was checked to make them new, and what was tried and changed, is in ``benchmarks/results/exam96/README.md``.
The models and field conventions below are written from the author's memory, not from any source looked up.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- Neapolitan pizza bake grading from a top-down photo of the cornicione: a small LeNet-style CNN classifies a
  20 x 20 grey-level crust patch into five bake grades (underbaked, pale, leopard-spotted, heavily charred,
  burnt), as in food-imaging papers that grade browning with a CNN; the images from a wood-fired oven's dome
  and floor temperatures and bake time: a browning index from an Arrhenius-like rate, blistered bubbles that
  char into "leopard spots" (their number and darkness rising with the dome's radiant heat), flour dusting and
  sensor noise; cross-entropy; SGD with momentum 0.9 and weight decay 5e-4
- bagel kettle boiling: a tanh MLP (the process ANN of food-engineering papers) from the boil time, water
  temperature, dough temperature, hydration, alkalinity of the kettle (malt / baking soda / lye) and proof to
  the gelatinised skin depth, the weight gain and the baked specific volume; the skin from conduction into a
  semi-infinite slab (the erf solution) reaching a gelatinisation temperature that rises with alkalinity and
  falls with hydration, the water uptake diffusive (sqrt t), the oven spring lost to a thick skin;
  MSE of the standardised outputs; Adam (torch's defaults)
- croissant dough lamination: a GELU MLP from the lamination schedule (letter and book folds, final sheet
  thickness, roll-in butter fraction, butter and dough temperatures, the butter's fat content, proof time) to
  the baked specific volume and the log count of distinct layers; layers = 1 + product of fold factors, butter
  films that break into the dough when thinner than a critical film (rising with warm, soft butter) or crack
  when the butter is cold and hard, steam lift from intact films; MSE of the standardised outputs; RMSprop
  (torch's alpha 0.99)
- tofu coagulation: an MLP with a learned coagulant embedding (nigari MgCl2, gypsum CaSO4, GDL, CaCl2) and the
  soymilk solids, 11S / 7S ratio, coagulant dose, coagulation temperature, stirring and pressing, to the log
  hardness (texture-profile analysis), the yield and the water-holding capacity; an optimum dose per coagulant
  (too little: a soft, weak curd; too much: a coarse, syneresing curd), fast salts making coarser gels than
  slow GDL, 11S-rich milk firmer; MSE of the standardised outputs; AdamW with weight decay 1e-2 (torch's)
- yogurt culturing (a long plan only): a vat monitor: a GRU over 12 pH and temperature readings (40 min apart)
  classifies a set-yogurt vat as normal, under bacteriophage attack, slowed by antibiotic residues or hit by an
  incubator fault (as in process-monitoring RNN classifiers); the pH from Zwietering et al.'s (1990) modified
  Gompertz form in a culture clock whose pace follows Rosso's cardinal-temperature model, protocooperation of
  S. thermophilus and L. bulgaricus, buffering by milk solids, and the fault (lysis after an onset, a slowed
  culture, a cooling vat); probe noise; cross-entropy; NAdam (torch's defaults)
- hot-spring travertine (a long plan only): an MLP from the vent water's temperature, pH, calcium,
  alkalinity, flow depth and velocity to the log calcite deposition rate at 12 distances down the outflow
  channel; CO2 degassing relaxing pCO2 exponentially towards the atmosphere, carbonate speciation from K1 / K2,
  the calcite saturation ratio against a temperature-dependent Ksp, a rate k(T) (omega - 1)^2 (a Plummer-like
  precipitation law), calcium drawn down as it deposits, cooling along the channel; MSE of log10 rate; Adamax

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the yogurt and
travertine nets (no short plans), the croissant net on 8192 bakes instead of 2048 and the bagel net on 4096 boils
instead of 512, both from better-instrumented logs (a quarter and a fifth of the short plans' measurement scatter:
at the short plans' scatter, 3000 steps of the bagel net reached the noise floor at every LR tried and the
croissant net's optimum was flat on its upper side).

Of the eight plans, one uses SGD with momentum (pizza), two Adam (both bagel plans), two RMSprop (both croissant
plans), one AdamW (tofu), one NAdam (yogurt) and one Adamax (travertine).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam96_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam96/README.md).

    python benchmarks/exam96_workloads.py          # the table
    python benchmarks/exam96_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 96"


def _std(y: torch.Tensor, n: int) -> torch.Tensor:
    """Standardise every column by the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. Neapolitan pizza bake grading from crust images (SGD with momentum)

PZ_SIZE, PZ_GRADES, PZ_SPOTS = 20, 5, 10


def _pz_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Top-down 20 x 20 patches of a pizza's rim after a bake in a wood-fired oven: dome 380-520 C, floor 360-460 C,
    bake 50-140 s. A browning index b = t / 90 s x exp((dome - 450) / 55) (an Arrhenius-like rate in the radiant
    heat); the grade from b (thresholds 0.45, 0.8, 1.4, 2.3: underbaked, pale, leopard-spotted, heavily charred,
    burnt). The patch: a base tone darkening with b (Maillard browning, saturating), up to 10 blistered bubbles
    (each present with a probability rising with b and the floor heat's dough rise) charred into dark spots whose
    darkness rises with b, a flour dusting, lighting gain and camera noise. Returns (images (n, 1, 20, 20), grades)."""
    dome = 380 + 140 * torch.rand(n, generator=gen)
    floor = 360 + 100 * torch.rand(n, generator=gen)
    t = 50 + 90 * torch.rand(n, generator=gen)
    b = t / 90 * torch.exp((dome - 450) / 55)
    grade = torch.bucketize(b, torch.tensor([0.45, 0.8, 1.4, 2.3]))
    base = 0.85 - 0.45 * (1 - torch.exp(-0.7 * b))
    g = torch.arange(PZ_SIZE).float()
    yy, xx = g.view(1, -1, 1), g.view(1, 1, -1)
    img = base.view(-1, 1, 1) + 0.04 * torch.randn(n, PZ_SIZE, PZ_SIZE, generator=gen)
    p_on = torch.sigmoid(2.5 * (b - 0.9) + (floor - 410) / 40)
    for _ in range(PZ_SPOTS):
        on = (torch.rand(n, generator=gen) < p_on).float()
        cx = PZ_SIZE * torch.rand(n, generator=gen)
        cy = PZ_SIZE * torch.rand(n, generator=gen)
        r = 0.8 + 1.2 * torch.rand(n, generator=gen)
        dark = on * (0.25 + 0.25 * torch.tanh(b - 1)) * (0.7 + 0.6 * torch.rand(n, generator=gen))
        img = img - dark.view(-1, 1, 1) * torch.exp(-((xx - cx.view(-1, 1, 1)) ** 2 + (yy - cy.view(-1, 1, 1)) ** 2)
                                                      / (2 * r.view(-1, 1, 1) ** 2))
    flour = 0.1 * torch.rand(n, 1, 1, generator=gen) * (torch.rand(n, PZ_SIZE, PZ_SIZE, generator=gen) > 0.9)
    img = (img + flour) * (0.85 + 0.3 * torch.rand(n, 1, 1, generator=gen))
    img = img + 0.05 * torch.randn(img.shape, generator=gen)
    return ((img - 0.55) / 0.2).unsqueeze(1), grade


class CrustGradeCNN(nn.Module):
    """A LeNet-style CNN: two 3x3 convolutions (8 and 16 channels) with ReLU and 2x2 max pooling, a dense layer of
    32, and the five bake-grade logits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 25, 32), nn.ReLU(), nn.Linear(32, PZ_GRADES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def grade_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the bake grade."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def pizza_char(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The crust-grade CNN on 4096 graded photos; held out: 1024 other photos in batches of 512; SGD with momentum
    0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(96102)
    x, y = _pz_images(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrustGradeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": grade_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. bagel kettle boiling: gelatinised skin, weight gain, baked volume (Adam)


def _bg_boils(n: int, gen: torch.Generator, noise: float = 1.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Boils: 20-120 s a side, water 88-100 C, dough from the retarder or the bench (4-24 C), hydration 52-62%,
    kettle alkalinity 0-1 (plain and malt water to baking soda to a weak lye), proof 0-1 (under to over). The
    gelatinised skin: conduction into a semi-infinite slab, T(x, t) = Tw + (T0 - Tw) erfc-profile, reaching the
    gelatinisation temperature Tg (62-70 C: lower with more water, higher with alkali) at depth
    x = 2 sqrt(alpha t) erfinv((Tw - Tg) / (Tw - T0)), alpha 1.3e-7 m2/s; the weight gain diffusive, 1.5% sqrt(t /
    60 s) more for wetter, more proofed dough; the baked specific volume (cm3/g) from the proof's oven spring held
    back by the skin (exp(-x / 1.1 mm)), with scatter of 3% (skin), 5% (gain) and 3% (volume), times ``noise``. Returns
    (scaled conditions (n, 6), [skin mm, gain %, volume] (n, 3))."""
    t = 20 + 100 * torch.rand(n, generator=gen)
    tw = 88 + 12 * torch.rand(n, generator=gen)
    t0 = 4 + 20 * torch.rand(n, generator=gen)
    hyd = 52 + 10 * torch.rand(n, generator=gen)
    alk = torch.rand(n, generator=gen)
    proof = torch.rand(n, generator=gen)
    tg = 66 - 0.4 * (hyd - 57) + 3 * alk
    frac = ((tw - tg) / (tw - t0)).clamp(1e-3, 0.999)
    skin = 2 * torch.sqrt(1.3e-7 * t) * torch.erfinv(frac) * 1000  # mm
    skin = skin * torch.exp(0.03 * noise * torch.randn(n, generator=gen))
    gain = 1.5 * torch.sqrt(t / 60) * (1 + 0.06 * (hyd - 57)) * (0.7 + 0.6 * proof) * (1 + 0.2 * alk)
    gain = gain * torch.exp(0.05 * noise * torch.randn(n, generator=gen))
    spring = 2.2 + 2.0 * proof - 1.3 * F.relu(proof - 0.7) ** 2 / 0.09 * 0.3
    vol = 1.6 + spring * torch.exp(-skin / 1.1) * (1 + 0.03 * (hyd - 57))
    vol = vol * torch.exp(0.03 * noise * torch.randn(n, generator=gen))
    x = torch.stack([(t - 70) / 29, (tw - 94) / 3.5, (t0 - 14) / 5.8, (hyd - 57) / 2.9, (alk - 0.5) / 0.29,
                     (proof - 0.5) / 0.29], 1)
    return x, torch.stack([skin, gain, vol], 1)


class BoilANN(nn.Module):
    """A process ANN: two tanh hidden layers from the six boil conditions to the three quality outputs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def std_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised outputs."""
    x, y = batch
    return F.mse_loss(model(x), y)


def bagel_boil(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 32,
               noise: float = 1.0) -> dict[str, Any]:
    """The boil ANN on 512 logged boils, outputs standardised over them; held out: 2048 other boils in batches of
    1024 (the same scatter); Adam."""
    gen = torch.Generator().manual_seed(96202)
    x, y = _bg_boils(train_size + 2048, gen, noise)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BoilANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": std_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. croissant dough lamination: layers and lift (RMSprop)


def _cr_schedules(n: int, gen: torch.Generator, noise: float = 1.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Lamination schedules: 0-3 letter (3-fold) turns and 0-2 book (4-fold) turns (at least two turns in all),
    final sheet 3-6 mm, roll-in butter 20-35% of the dough, butter 6-20 C and dough 4-16 C at lamination, the
    butter's fat 80-84% (dry "beurre de tourage" plastic over a wider range), proof 60-180 min. Butter films:
    (layers - 1) / 2 films of thickness sheet x butter fraction / films; a film thinner than a critical 20-60 um
    (warmer, softer butter smears into the dough sooner) merges; cold, hard butter (well below 10-12 C, the
    drier the more plastic) shatters into plates. Intact fraction -> distinct layers counted on the cut and the
    steam lift: specific volume 2.5-7 cm3/g, an optimum proof. Scatter 4% on both. Returns (scaled schedules
    (n, 9), [specific volume, log layers] (n, 2)); ``noise`` scales the scatter."""
    letters = torch.randint(0, 4, (n,), generator=gen).float()
    books = torch.randint(0, 3, (n,), generator=gen).float()
    letters = torch.where(letters + books < 2, 2 - books, letters)
    sheet = 3 + 3 * torch.rand(n, generator=gen)
    bfrac = 0.2 + 0.15 * torch.rand(n, generator=gen)
    tb = 6 + 14 * torch.rand(n, generator=gen)
    td = 4 + 12 * torch.rand(n, generator=gen)
    fat = 80 + 4 * torch.rand(n, generator=gen)
    proof = 60 + 120 * torch.rand(n, generator=gen)
    layers = 1 + 2 * 3**letters * 2**books  # the dough-butter-dough lock-in, then the folds
    films = (layers - 1) / 2
    film_um = sheet * 1000 * bfrac / (1 + bfrac) / films
    soft = torch.sigmoid((tb - 15 + 0.6 * (td - 10) - 1.5 * (fat - 82)) / 2)
    crit = 20 + 40 * soft
    smear = torch.sigmoid((crit - film_um) / (0.4 * crit))
    shatter = torch.sigmoid((10 - 1.2 * (fat - 82) - tb) / 2.5) * 0.6
    intact = (1 - smear) * (1 - shatter)
    seen = 1 + films * intact
    seen = seen * torch.exp(0.04 * noise * torch.randn(n, generator=gen))
    lift = intact * (bfrac / 0.27) ** 0.5 * (1 - 0.25 * ((proof - 120) / 60) ** 2) * (1 - 0.06 * (sheet - 4.5))
    vol = 2.5 + 4.5 * lift.clamp_min(0)
    vol = vol * torch.exp(0.04 * noise * torch.randn(n, generator=gen))
    x = torch.stack([letters - 1.5, books - 1, (sheet - 4.5) / 0.87, (bfrac - 0.275) / 0.043, (tb - 13) / 4,
                     (td - 10) / 3.5, (fat - 82) / 1.15, (proof - 120) / 35, torch.log(layers) / 3 - 1], 1)
    return x, torch.stack([vol, torch.log(seen)], 1)


class LaminationMLP(nn.Module):
    """An MLP with two GELU layers from the nine schedule features to specific volume and log layer count."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def croissant_lamination(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 48,
                         noise: float = 1.0) -> dict[str, Any]:
    """The lamination MLP on 2048 baked batches, outputs standardised over them; held out: 2048 other batches in
    batches of 1024 (the same scatter); RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(96302)
    x, y = _cr_schedules(train_size + 2048, gen, noise)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LaminationMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": std_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. tofu coagulation: texture, yield and water holding (AdamW)

TF_COAG = 4


def _tf_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tofu batches: coagulant nigari (MgCl2), gypsum (CaSO4), GDL or CaCl2, dosed 0.4-2.5x its usual optimum
    (about 20, 25, 30, 18 mM), soymilk solids 8-14 Brix, 11S / 7S ratio 1-3, coagulation 65-90 C, stirring 2-12 s,
    pressing 5-40 g/cm2. A gel strength from the protein and 11S share, a dose curve rising to its optimum and
    falling past it (a coarse, syneresing curd), fast salts (MgCl2, CaCl2) coarser at high temperature and long
    stirring, GDL smooth; hardness up and yield down with pressing; water-holding capacity falling with
    coarseness. Scatter 2% (hardness), 1.5% (yield, WHC). Returns (coagulant ids, scaled conditions (n, 6), [log
    hardness, yield, WHC] (n, 3))."""
    coag = torch.randint(0, TF_COAG, (n,), generator=gen)
    dose = 0.4 + 2.1 * torch.rand(n, generator=gen)  # relative to the coagulant's optimum
    brix = 8 + 6 * torch.rand(n, generator=gen)
    ratio = 1 + 2 * torch.rand(n, generator=gen)
    temp = 65 + 25 * torch.rand(n, generator=gen)
    stir = 2 + 10 * torch.rand(n, generator=gen)
    press = 5 + 35 * torch.rand(n, generator=gen)
    fast = torch.tensor([1.0, 0.4, 0.0, 1.2])[coag]
    opt_shift = torch.tensor([1.0, 1.1, 0.9, 0.95])[coag]
    d = dose / opt_shift
    dose_curve = d * torch.exp(1 - d)  # rises to 1 at the optimum, falls past it
    coarse = fast * (0.3 * (temp - 65) / 25 + 0.3 * (stir - 2) / 10) + 0.5 * F.relu(d - 1)
    gel = (brix / 11) ** 1.8 * (ratio / 2) ** 0.4 * (0.3 + 0.7 * dose_curve) / (1 + 0.5 * coarse)
    hard = 40 * gel * (press / 15) ** 0.35 * (1 + 0.1 * fast)
    hard = hard * torch.exp(0.02 * torch.randn(n, generator=gen))
    yld = 180 * (brix / 11) * (1 + 0.4 * dose_curve) / (1 + 0.3 * coarse) * (press / 15) ** -0.15 / 1.3
    yld = yld * torch.exp(0.015 * torch.randn(n, generator=gen))
    whc = 90 - 12 * coarse - 8 * (press / 40) + 3 * (ratio - 2)
    whc = whc * torch.exp(0.015 * torch.randn(n, generator=gen))
    x = torch.stack([(torch.log(dose) - 0.15) / 0.5, (brix - 11) / 1.7, (ratio - 2) / 0.58, (temp - 77.5) / 7.2,
                     (stir - 7) / 2.9, (press - 22.5) / 10.1], 1)
    return coag, x, torch.stack([torch.log(hard), yld, whc], 1)


class TofuNet(nn.Module):
    """An MLP with a learned coagulant embedding (dimension 3) joined with the six conditions, two SiLU layers to
    log hardness, yield and WHC."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(TF_COAG, 3)
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, coag: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(coag), x], 1))


def tofu_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log hardness, yield and WHC."""
    c, x, y = batch
    return F.mse_loss(model(c, x), y)


def tofu_coagulation(batch_size: int = 32, seed: int = 0, train_size: int = 768, hidden: int = 48) -> dict[str, Any]:
    """The tofu net on 768 batches of tofu, outputs standardised over them; held out: 2048 other batches in
    batches of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(96402)
    c, x, y = _tf_batches(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TofuNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": tofu_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. yogurt culturing: a vat monitor classifying the acidification (NAdam; long only)

YG_STEPS, YG_DT, YG_CLASSES = 12, 2 / 3, 4  # 12 readings 40 min apart (8 h), four vat states


def _yg_cardinal(temp: torch.Tensor) -> torch.Tensor:
    """Rosso et al.'s cardinal temperature model (Tmin 12, Topt 43, Tmax 50 C), 1 at the optimum."""
    tmin, topt, tmax = 12.0, 43.0, 50.0
    temp = temp.clamp(tmin + 0.1, tmax - 0.1)
    return ((temp - tmax) * (temp - tmin) ** 2
            / ((topt - tmin) * ((topt - tmin) * (temp - topt) - (topt - tmax) * (topt + tmin - 2 * temp))))


def _yg_vats(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Set-yogurt vats logged by a pH probe and a thermometer every 40 min for 8 h, in four states: normal; a
    bacteriophage attack (from an onset 1.5-6 h the culture lyses and acidification slows to 10-40% of its pace);
    antibiotic residues in the milk (the whole run at 45-80% pace); an incubator fault (from 2-7 h the vat cools
    towards 32-38 C with a 40-min time constant, the pace following the cardinal model). Underneath, the pH
    follows Zwietering's modified Gompertz form in a culture clock tau (the integral of the pace): set 38-45 C,
    inoculum 0.5-4%, S. thermophilus share 0.2-0.9 (protocooperation peaking near 0.55), milk solids 11-16%
    (buffering); noise 0.03 pH and 0.3 C. Returns (readings (n, 12, 2): scaled pH and temperature, states)."""
    state = torch.randint(0, YG_CLASSES, (n,), generator=gen)
    tset = 38 + 7 * torch.rand(n, generator=gen)
    inoc = 0.5 + 3.5 * torch.rand(n, generator=gen)
    st = 0.2 + 0.7 * torch.rand(n, generator=gen)
    solids = 11 + 5 * torch.rand(n, generator=gen)
    mu = (0.9 * _yg_cardinal(tset) * (1 - 1.2 * (st - 0.55) ** 2) / (1 + 0.06 * (solids - 11))
          * (1 + 0.25 * torch.log(inoc)))
    lag = (2.0 - 0.5 * torch.log(inoc)).clamp_min(0.4)
    a = 6.6 - (4.15 - 0.3 * (0.55 - st) + 0.03 * (solids - 14))
    fine = 4  # sub-steps per reading
    t = (torch.arange(YG_STEPS * fine).float() + 0.5) * YG_DT / fine
    onset = 1.5 + 4.5 * torch.rand(n, generator=gen)
    phage_pace = 0.1 + 0.3 * torch.rand(n, generator=gen)
    anti_pace = 0.45 + 0.35 * torch.rand(n, generator=gen)
    fault_at = 2 + 5 * torch.rand(n, generator=gen)
    t_low = 32 + 6 * torch.rand(n, generator=gen)
    tt = t.view(1, -1)
    cool = torch.exp(-F.relu(tt - fault_at.view(-1, 1)) / 0.67)
    temp = torch.where((state == 3).view(-1, 1), t_low.view(-1, 1) + (tset - t_low).view(-1, 1) * cool,
                       tset.view(-1, 1).expand(-1, t.numel()))
    pace = _yg_cardinal(temp) / _yg_cardinal(tset).view(-1, 1)
    pace = torch.where((state == 1).view(-1, 1) & (tt > onset.view(-1, 1)), phage_pace.view(-1, 1) * pace, pace)
    pace = torch.where((state == 2).view(-1, 1), anti_pace.view(-1, 1) * pace, pace)
    tau = torch.cumsum(pace * YG_DT / fine, 1)
    ph = 6.6 - a.view(-1, 1) * torch.exp(-torch.exp(mu.view(-1, 1) * math.e / a.view(-1, 1) * (lag.view(-1, 1) - tau)
                                                    + 1))
    ph, temp = ph[:, fine - 1 :: fine], temp[:, fine - 1 :: fine]
    ph = ph + 0.03 * torch.randn(ph.shape, generator=gen)
    temp = temp + 0.3 * torch.randn(temp.shape, generator=gen)
    return torch.stack([(ph - 5.5) / 0.8, (temp - 40) / 3], 2), state


class VatMonitorGRU(nn.Module):
    """A GRU over the readings (pH, temperature), its last hidden state through a linear layer to the four vat
    states, as in process-monitoring RNN classifiers."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(2, hidden, batch_first=True)
        self.head = nn.Linear(hidden, YG_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return self.head(h[-1])


def vat_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the vat state."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def yogurt_culture(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 24) -> dict[str, Any]:
    """The vat-monitor GRU on 8192 labelled vat logs; held out: 2048 others in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(96502)
    x, y = _yg_vats(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VatMonitorGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": vat_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. hot-spring travertine: calcite deposition down the outflow channel (Adamax; long only)

TV_X = torch.tensor([0.5, 1, 2, 3, 5, 7, 10, 14, 20, 28, 40, 60.0])  # metres from the vent


def _tv_springs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Carbonate hot springs: vent water 30-75 C, pH 6.0-7.0, calcium 2-10 mmol/L, alkalinity (as HCO3) 4-20
    mmol/L, channel depth 1-10 cm, velocity 0.05-0.5 m/s. Down the channel: pCO2 relaxes from its vent value
    ([H+] HCO3 / K1) towards 10^-3.4 atm with a length v h x 800 (shallow, slow water degasses over a shorter
    reach); the water cools towards 20 C over 60 v h / 0.01 m; pH from the pCO2 and alkalinity; CO3 = K2 HCO3 /
    [H+]; omega = Ca CO3 / Ksp(T) (calcite's retrograde solubility, log Ksp falling 0.01 per C); the rate
    k(T) (omega - 1)^2 where supersaturated (k Arrhenius, 40 kJ/mol) plus a small floor; Ca and HCO3 drawn down
    by the calcite already laid (a fraction per metre proportional to the rate, over the depth). Scatter 8% on the
    rate. Returns (scaled vent values (n, 6), log10 rate (mm / yr) at 12 distances (n, 12))."""
    t0 = 30 + 45 * torch.rand(n, generator=gen)
    ph0 = 6.0 + 1.0 * torch.rand(n, generator=gen)
    ca = (2 + 8 * torch.rand(n, generator=gen)) * 1e-3
    alk = (4 + 16 * torch.rand(n, generator=gen)) * 1e-3
    depth = 0.01 + 0.09 * torch.rand(n, generator=gen)
    vel = 0.05 + 0.45 * torch.rand(n, generator=gen)
    k1, k2, kh = 10**-6.35, 10**-10.33, 10**-1.47
    pco2_0 = 10 ** (-ph0) * alk / (k1 * kh)
    length = vel * depth * 800
    ca_i, alk_i = ca.clone(), alk.clone()
    rates = []
    prev = torch.zeros(n)
    for xd in TV_X.tolist():
        pco2 = 10**-3.4 + (pco2_0 - 10**-3.4) * torch.exp(-xd / length)
        temp = 20 + (t0 - 20) * torch.exp(-xd * 0.01 / (60 * vel * depth))
        h = k1 * kh * pco2 / alk_i
        co3 = k2 * alk_i / h
        ksp = 10 ** (-8.48 - 0.01 * (temp - 25))
        omega = ca_i * co3 / ksp
        k = 0.05 * torch.exp(-40e3 / 8.314 * (1 / (temp + 273.15) - 1 / 298.15))
        rate = k * F.relu(omega - 1) ** 2 + 0.02
        rate = rate.clamp_max(5000)
        rates.append(rate)
        step = xd - prev
        prev = torch.full((n,), xd)
        loss = (1e-6 * rate * step / (vel * depth * 100)).clamp_max(0.5)
        ca_i = ca_i * (1 - loss)
        alk_i = alk_i - 2 * ca_i * loss
        alk_i = alk_i.clamp_min(5e-4)
    r = torch.stack(rates, 1) * torch.exp(0.08 * torch.randn(n, len(TV_X), generator=gen))
    x = torch.stack([(t0 - 52.5) / 13, (ph0 - 6.5) / 0.29, (ca * 1e3 - 6) / 2.3, (alk * 1e3 - 12) / 4.6,
                     (depth - 0.055) / 0.026, (vel - 0.275) / 0.13], 1)
    return x, torch.log10(r)


class TravertineMLP(nn.Module):
    """An MLP with three ReLU layers from the six vent values to the 12-point log deposition profile."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, len(TV_X)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def log_rate_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log10 deposition rate over the channel."""
    x, y = batch
    return F.mse_loss(model(x), y)


def travertine(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The travertine MLP on 4096 surveyed springs; held out: 2048 others in batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(96602)
    x, y = _tv_springs(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TravertineMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": log_rate_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pizza_char_momentum", pizza_char, 300, "pizza_crust_leopard_char_grade_cnn", "sgd_momentum0.9_wd5e-4",
      "finite", 32, seconds=0.8, start_lr=0.05),
    W("bagel_boil_adam", bagel_boil, 300, "bagel_kettle_boil_gelatinised_skin_ann", "adam", "small_finite", 32,
      seconds=0.15, start_lr=0.032),
    W("croissant_lamination_rmsprop", croissant_lamination, 300, "croissant_lamination_layer_lift_mlp", "rmsprop",
      "finite", 32, seconds=0.15, start_lr=0.016),
    W("tofu_coagulation_adamw", tofu_coagulation, 300, "tofu_coagulant_dose_texture_yield_mlp", "adamw_wd1e-2",
      "finite", 32, seconds=0.2, start_lr=0.032),
)
LONG = (
    W("yogurt_culture_nadam@long", yogurt_culture, 3000, "yogurt_vat_acidification_fault_gru", "nadam",
      "finite", 64, seconds=6.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("travertine_adamax@long", travertine, 3000, "hot_spring_travertine_deposition_profile_mlp", "adamax",
      "finite", 64, seconds=2.0, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("croissant_lamination_rmsprop@long", croissant_lamination, 3000, "croissant_lamination_layer_lift_mlp",
      "rmsprop", "finite", 32, dict(train_size=8192, noise=0.25), seconds=1.5, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="croissant_lamination_rmsprop"),
    W("bagel_boil_adam@long", bagel_boil, 3000, "bagel_kettle_boil_gelatinised_skin_ann", "adam", "finite", 32,
      dict(train_size=4096, noise=0.2), seconds=1.3, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="bagel_boil_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam96_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-sixth exam's workloads")
