"""The hundred-and-forty-ninth exam: six more workload families that neither the suite nor exams 1-148 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam148_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from tea cosies and heat retention, pestles and grinding, spiralizers and
ribbon cutting, water-filter jugs and flow-through, dough hooks and kneading, and pie weights and blind baking (exam
150 was built at the same time from other domains; its module was not opened). What was checked to make them new,
and what was tried and dropped, is in ``benchmarks/results/exam149/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- tea-cosy thermography: a small 2-D CNN with BatchNorm reads an infrared image (16 x 16) of a cosy-covered
  teapot, the surface's excess temperature over the room, with the tea's volume and temperature and the room's
  temperature, and predicts the pot's heat loss (log) and the tea's temperature 30 and 60 minutes later; data from
  a wadding-thickness field (quilting seams, a compressed crown, the fabric's conductivity) in series with natural
  convection and radiation at the surface, warm leaks at the spout and handle slots growing with a loose fit, and
  Newton cooling of tea and pot with the conductance re-evaluated every 10 minutes; MSE of the standardised
  outputs; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (the usual small-CNN recipe)
- pie-weight blind baking: a dilated 1-D CNN along a tart shell's profile (20 cells from the base's centre to its
  edge, 12 up the wall), channels the dough's thickness, the weights' pressure, the docking marks and the
  broadcast oven temperature, butter fraction, chill time, time under the weights and the weights' kind (ceramic
  beads, steel chain, dried beans, rice, sugar), predicts each cell's displacement (the base's puff, the wall's
  slump) and moisture; steam pressure under the dough against the weights' and dough's load, vented near docking
  marks, blistering by a smoothed excess; the wall slumping above the fill line with melting butter before the
  pastry sets; drying by the oven, the time and the weights' contact heat (their thermal effusivity); MSE of the
  standardised outputs; AdamW (weight decay 0.01, torch's default)
- water-filter jug cartridge life: an LSTM over 24 days of use (the day's filtered volume, the tap water's free
  chlorine, carbonate hardness and temperature, the cartridge type) predicts each day's effluent chlorine (log),
  hardness removal and the flow-through time of a litre (log); activated carbon removes chlorine at a rate falling
  with its accumulated chlorine load, over a contact time set by the flow-through time; the ion-exchange resin
  removes hardness until a logistic breakthrough at its capacity; the flow slows with clogging and with the
  water's viscosity in the cold; MSE of the standardised outputs; Adam (torch's defaults) for the short plan,
  Adagrad (torch's defaults) for the long one
- dough-hook kneading: a residual MLP with pre-norm LayerNorm blocks and a hook embedding (C-hook or spiral) maps
  the recipe (protein, hydration, salt, water, flour and room temperatures, dough mass) and the programme (the
  minutes at speed 1, then the setting) to the mixer's power above idle and the dough's temperature at each of 12
  minutes; gluten development at a rate rising with hook speed (slower for strong flour and with salt), breakdown
  once developed, faster when warm; the dough's consistency from protein, hydration, development and
  temperature; power = torque x speed; friction heat (the baker's "friction factor") against losses to the room;
  MSE of the standardised outputs; Adagrad (torch's defaults; short and long)
- mortar-and-pestle mechanochemistry (a long plan only): a grey-box kinetic net (embeddings of the co-crystal
  system, the grinding liquid and the mortar, with the liquid-to-solid ratio eta, the stroke rate, the pestle
  force, the batch mass and the humidity) gives the Avrami (JMAK) rate, exponent, induction time and plateau of
  co-crystal conversion by neat or liquid-assisted grinding; the conversions at 2, 5, 10, 20 and 30 minutes
  (PXRD) follow from the JMAK curve; MSE of the conversions in tenths; Adagrad (torch's defaults)
- spiralizer julienne strands (a long plan only): a band-wise shared MLP with a mean-pooled context (DeepSets
  style) over 12 radial bands of a vegetable (the band's radius with the vegetable, blade, thickness, turgor,
  temperature and crank speed) predicts the log mean strand length cut from each band; a strand peeled off radius
  r curls with bending strain t / 2r and breaks at a hazard rising exponentially with that strain against the
  tissue's fracture strain (lower when turgid and cold, varying with the vegetable's radial structure), thin
  strands break more, and a crank torque (summed over all bands) past the spike's grip adds chatter breaks
  everywhere; MSE of the standardised logs; Adagrad (initial_accumulator_value 0.1)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the pestle and
spiralizer nets (no short plans), the dough-hook net on 8192 mixes instead of 2048, with 32 units instead of 48
and batches of 32 instead of 128 (``long_of`` its short plan), and the water-filter LSTM with 16 units on 8192
cartridge lives with Adagrad (a long plan of its own, not ``long_of`` the short Adam plan).

Of the eight plans, five use Adagrad (both dough-hook plans, pestle, spiralizer, water filter@long), one SGD with
Nesterov momentum (tea cosy), one AdamW (pie weights) and one Adam (water filter).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam149_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam149/README.md).

    python benchmarks/exam149_workloads.py          # the table
    python benchmarks/exam149_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 149"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _standardise(y: torch.Tensor, n: int, dims: tuple[int, ...] = (0,)) -> torch.Tensor:
    """Targets standardised per output with the mean and sd of the first ``n`` examples (the training pool) over
    ``dims``."""
    ref = y[:n]
    return (y - ref.mean(dims, keepdim=True)) / ref.std(dims, keepdim=True)


# --------------------------------------------------------------------------------------------------------------
# 1. tea-cosy thermography (SGD with Nesterov momentum)

TC_SIZE = 16
TC_STYLES = 3  # quilted cotton, knitted wool, neoprene


def _tc_pots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Teapots under tea cosies seen by an infrared camera (the cosy's front, 16 x 16 pixels, 0.12 m2 of cosy on
    both sides together). The cosy (quilted cotton k 0.045, knitted wool 0.040, neoprene 0.10 W/m/K; nominal
    thickness 6-24 mm) has a smooth random thickness field, a crown compressed where it rests on the lid, quilting
    seams (cotton) and slots for the spout and handle whose fit (0-1) lets warm air out. The tea 80-95 C, 0.5-1.5
    L, in a 0.7 kg stoneware pot, the room 16-26 C. The surface: conduction through the wadding (R = L / k) and a
    0.01 m2K/W pot wall in series with h = 5 + 1.4 dT^0.25 W/m2K (radiation linearised plus natural convection),
    solved by fixed-point iteration; the slots glow with the leak. Heat loss = the cosy's flux + slot leak (0.15
    + 0.35 fit W/K) + the base on its trivet (0.25 W/K). The tea then cools for 60 minutes (Newton, heat capacity
    of tea and pot, the conductance re-evaluated every 10 minutes). Camera noise 0.15 K; scatter of the measured heat
    loss 4% and of the tea's thermometer 0.6 C. Returns (images (n, 1,
    16, 16) in units of 10 K, scalars (n, 3), targets (n, 3): log heat loss (W), tea temperature at 30 and 60
    minutes (C))."""
    style = torch.randint(0, TC_STYLES, (n,), generator=gen)
    k = torch.tensor([0.045, 0.040, 0.10])[style].view(-1, 1, 1)
    l0 = (0.006 + 0.018 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    coarse = torch.randn(n, 1, 4, 4, generator=gen)
    field = F.interpolate(coarse, size=(TC_SIZE, TC_SIZE), mode="bilinear", align_corners=True)[:, 0]
    thick = l0 * (1 + 0.25 * field).clamp(0.3, 2.0)
    rows = torch.arange(TC_SIZE).float()
    thick = thick * (0.55 + 0.45 * torch.sigmoid((rows.view(1, -1, 1) - 3) / 1.0))
    seam = ((torch.arange(TC_SIZE) % 5) == 2).float()
    seams = torch.maximum(seam.view(1, -1, 1), seam.view(1, 1, -1))
    thick = torch.where((style == 0).view(-1, 1, 1), thick * (1 - 0.6 * seams), thick)
    fit = torch.rand(n, generator=gen)
    t_tea = 80 + 15 * torch.rand(n, generator=gen)
    t_air = 16 + 10 * torch.rand(n, generator=gen)
    vol = 0.5 + 1.0 * torch.rand(n, generator=gen)
    cols = torch.arange(TC_SIZE).float()
    rr, cc = rows.view(-1, 1), cols.view(1, -1)
    slots = torch.exp(-((rr - 9) ** 2 / 6 + cc**2 / 1.5)) + torch.exp(-((rr - 8) ** 2 / 8 + (cc - 15) ** 2 / 1.5))
    res = thick / k + 0.01
    area = 0.12 / TC_SIZE**2
    cap = vol * 4186 + 0.7 * 850
    slot_ua = 0.15 + 0.35 * fit

    def surface(dt: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        d = dt.view(-1, 1, 1)
        ex = 0.3 * d.expand(-1, TC_SIZE, TC_SIZE)
        for _ in range(5):
            h = 5 + 1.4 * ex.clamp_min(0.1) ** 0.25
            q = d / (res + 1 / h)
            ex = q / h
        return ex, q

    ex, q = surface(t_tea - t_air)
    loss = q.sum((1, 2)) * area + (slot_ua + 0.25) * (t_tea - t_air)
    image = ex + slots * (t_tea - t_air).view(-1, 1, 1) * (0.05 + 0.45 * fit.view(-1, 1, 1))
    image = image + 0.15 * torch.randn(image.shape, generator=gen)
    temp = t_tea.clone()
    temps = []
    for step in range(6):
        _, qq = surface(temp - t_air)
        ua = qq.sum((1, 2)) * area / (temp - t_air) + slot_ua + 0.25
        temp = t_air + (temp - t_air) * torch.exp(-ua * 600 / cap)
        if step in (2, 5):
            temps.append(temp)
    y = torch.stack([torch.log(loss), temps[0], temps[1]], 1)
    y = y + torch.tensor([0.04, 0.6, 0.6]) * torch.randn(n, 3, generator=gen)
    scal = torch.stack([(vol - 1.0) / 0.29, (t_tea - 87.5) / 4.3, (t_air - 21) / 2.9], 1)
    return (image / 10).unsqueeze(1), scal, y


class ThermographNet(nn.Module):
    """Two conv blocks with BatchNorm (the second pooled globally), the scalars joined before a small head."""

    def __init__(self, channels: int = 8) -> None:
        super().__init__()
        c = channels
        self.features = nn.Sequential(nn.Conv2d(1, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(c, 2 * c, 3, padding=1), nn.BatchNorm2d(2 * c), nn.ReLU(),
                                      nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * c + 3, 32), nn.ReLU(), nn.Linear(32, 3))

    def forward(self, image: torch.Tensor, scalars: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.features(image), scalars], 1))


def thermograph_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log heat loss and tea temperatures."""
    image, scalars, y = batch
    return F.mse_loss(model(image, scalars), y)


def tea_cosy_thermograph(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                         channels: int = 8) -> dict[str, Any]:
    """The thermography net on 8192 cosy-covered pots, targets standardised over them; held out: 2048 other pots in
    batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(149101)
    image, scal, y = _tc_pots(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (image[:train_size], scal[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ThermographNet(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((image[train_size:], scal[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": thermograph_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. mortar-and-pestle mechanochemistry: co-crystal conversion by neat / liquid-assisted grinding (Adagrad; long
# only)

PC_SYSTEMS = 12
PC_LIQUIDS = 7  # neat, water, methanol, ethanol, acetonitrile, nitromethane, heptane
PC_MORTARS = 3  # agate, porcelain, glass
PC_TIMES = (2.0, 5.0, 10.0, 20.0, 30.0)  # minutes of grinding at which a sample goes to PXRD


def _pc_grinds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Co-crystal screens ground by hand in a mortar: 12 API / co-former systems, each with its own JMAK rate
    (0.02-0.22 /min at the reference), Avrami exponent (1-3), induction time (0.5-4.5 min), plateau (0.7-1.0) and
    a hydrate-forming flag (helped by humidity); neat grinding (30%) or liquid-assisted with one of six liquids at
    eta 0.05-0.5 uL/mg (log-uniform). The liquid's acceleration rises with eta and with its affinity for the system
    (a logistic of the dot product of two hidden 2-d vectors), falling off towards a slurry; the rate scales with
    the stroke rate (60-180 /min)^0.8, the pestle force (5-30 N)^0.6, the mortar (agate 1, porcelain 0.8, glass
    0.6) and the batch mass (50-500 mg)^-0.5; the induction time shortens with the acceleration. Conversion
    alpha(t) = plateau (1 - exp(-(k (t - t_ind)+)^n)), neat grinding's plateau 0.85 of the system's; PXRD
    quantification scatter 0.03. Returns (indices (n, 3): system, liquid, mortar; continuous (n, 5): eta, log
    stroke rate, log force, log mass, humidity; conversions (n, 5))."""
    k_sys = 0.02 + 0.2 * torch.rand(PC_SYSTEMS, generator=gen)
    n_sys = 1 + 2 * torch.rand(PC_SYSTEMS, generator=gen)
    tind_sys = 0.5 + 4 * torch.rand(PC_SYSTEMS, generator=gen)
    amax_sys = 0.7 + 0.3 * torch.rand(PC_SYSTEMS, generator=gen)
    hydrate = (torch.rand(PC_SYSTEMS, generator=gen) < 0.3).float()
    lat_sys = torch.randn(PC_SYSTEMS, 2, generator=gen)
    lat_liq = torch.randn(PC_LIQUIDS, 2, generator=gen)
    boost = torch.tensor([0.0, 2.5, 2.0, 1.8, 2.2, 1.6, 0.6])
    sys_ = torch.randint(0, PC_SYSTEMS, (n,), generator=gen)
    liq = torch.where(torch.rand(n, generator=gen) < 0.3, torch.zeros(n, dtype=torch.long),
                      torch.randint(1, PC_LIQUIDS, (n,), generator=gen))
    eta = torch.where(liq > 0, 0.05 * 10 ** torch.rand(n, generator=gen), torch.zeros(n))
    mortar = torch.randint(0, PC_MORTARS, (n,), generator=gen)
    spm = 60 * 3 ** torch.rand(n, generator=gen)
    force = 5 * 6 ** torch.rand(n, generator=gen)
    mass = 50 * 10 ** torch.rand(n, generator=gen)
    rh = 20 + 60 * torch.rand(n, generator=gen)
    affinity = torch.sigmoid(2 * (lat_sys[sys_] * lat_liq[liq]).sum(1))
    lag = 1 + boost[liq] * affinity * 8 * eta / (1 + 8 * eta) / (1 + (eta / 0.6) ** 4)
    lag = lag * (1 + 1.5 * hydrate[sys_] * (rh / 100) ** 2 * (liq == 0).float())
    k = (k_sys[sys_] * (spm / 120) ** 0.8 * (force / 15) ** 0.6 * torch.tensor([1.0, 0.8, 0.6])[mortar]
         * (mass / 200) ** -0.5 * lag)
    t_ind = tind_sys[sys_] / lag**0.7 * (mass / 200) ** 0.3
    amax = amax_sys[sys_] * torch.where(liq > 0, 1.0, 0.85)
    t = torch.tensor(PC_TIMES).view(1, -1)
    alpha = amax.view(-1, 1) * (1 - torch.exp(-((k.view(-1, 1) * (t - t_ind.view(-1, 1)).clamp_min(0)) ** n_sys[sys_].view(-1, 1))))
    alpha = (alpha + 0.03 * torch.randn(alpha.shape, generator=gen)).clamp(0, 1)
    idx = torch.stack([sys_, liq, mortar], 1)
    cont = torch.stack([eta * 5, torch.log(spm / 104) / 0.32, torch.log(force / 12) / 0.52, torch.log(mass / 158) / 0.66,
                        (rh - 50) / 17.3], 1)
    return idx, cont, alpha


class CocrystalKinetics(nn.Module):
    """Embeddings of the system, liquid and mortar with the continuous conditions, a tanh MLP to the four JMAK
    parameters (log rate, exponent in 1-3, induction time, plateau), and the JMAK curve at the sampling times."""

    def __init__(self, hidden: int = 32, emb: int = 4) -> None:
        super().__init__()
        self.system = nn.Embedding(PC_SYSTEMS, emb)
        self.liquid = nn.Embedding(PC_LIQUIDS, 3)
        self.mortar = nn.Embedding(PC_MORTARS, 2)
        self.net = nn.Sequential(nn.Linear(emb + 3 + 2 + 5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        self.register_buffer("times", torch.tensor(PC_TIMES).view(1, -1))

    def forward(self, idx: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.system(idx[:, 0]), self.liquid(idx[:, 1]), self.mortar(idx[:, 2]), cont], 1)
        p = self.net(z)
        rate = torch.exp(p[:, :1] - 2.5)
        expo = 1 + 2 * torch.sigmoid(p[:, 1:2])
        t_ind = F.softplus(p[:, 2:3] + 1)
        plateau = torch.sigmoid(p[:, 3:4] + 1.5)
        elapsed = F.softplus(4 * (self.times - t_ind)) / 4
        return plateau * (1 - torch.exp(-((rate * elapsed) ** expo)))


def conversion_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the conversions, in tenths (10 x the fraction)."""
    idx, cont, y = batch
    return F.mse_loss(10 * model(idx, cont), 10 * y)


def pestle_cocrystal(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The JMAK grey-box on 8192 grinds; held out: 2048 other grinds in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(149102)
    idx, cont, y = _pc_grinds(train_size + 2048, gen)
    tr = (idx[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CocrystalKinetics(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((idx[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": conversion_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. spiralizer julienne strand length by radial band (Adagrad; long only)

SP_VEG = 8  # zucchini, cucumber, carrot, beetroot, sweet potato, daikon, apple, butternut squash
SP_BLADES = 3  # angel hair 2 mm, spaghetti 3 mm, fettuccine 6 mm
SP_BANDS = 12


def _sp_profile(veg: torch.Tensor, rel: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The tissue's firmness and fracture-strain factors across the radius (rel = r / R): seedy soft cores
    (zucchini, cucumber), a firmer xylem core (carrot, daikon), rings (beetroot), an apple's core, a squash's soft
    seed cavity."""
    v = veg.view(-1, 1)
    firm = torch.ones_like(rel)
    strain = torch.ones_like(rel)
    soft_core = (v == 0) | (v == 1)
    firm = torch.where(soft_core, 0.5 + 0.5 * torch.sigmoid((rel - 0.45) / 0.06), firm)
    strain = torch.where(soft_core, 1.4 - 0.4 * torch.sigmoid((rel - 0.45) / 0.06), strain)
    hard_core = (v == 2) | (v == 5)
    firm = torch.where(hard_core, 1.3 - 0.3 * torch.sigmoid((rel - 0.5) / 0.08), firm)
    strain = torch.where(hard_core, 0.8 + 0.2 * torch.sigmoid((rel - 0.5) / 0.08), strain)
    firm = torch.where(v == 3, 1 + 0.15 * torch.cos(rel * 6 * math.pi), firm)
    strain = torch.where(v == 3, 1 - 0.2 * torch.cos(rel * 6 * math.pi), strain)
    firm = torch.where(v == 6, 0.6 + 0.4 * torch.sigmoid((rel - 0.35) / 0.05), firm)
    strain = torch.where(v == 6, 0.7 + 0.3 * torch.sigmoid((rel - 0.35) / 0.05), strain)
    firm = torch.where(v == 7, 0.4 + 0.6 * torch.sigmoid((rel - 0.55) / 0.05), firm)
    return firm, strain


def _sp_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vegetables spiralized with a julienne blade: the vegetable (zucchini, cucumber, carrot, beetroot, sweet
    potato, daikon, apple, butternut squash: firmness 0.5, 0.45, 1.3, 1.1, 1.2, 0.8, 0.7, 1.0; fracture strain
    0.09, 0.10, 0.06, 0.07, 0.056, 0.08, 0.05, 0.06, both varying across the radius), diameter 30-80 mm, length
    10-25 cm, turgor 0.5-1.1 (limp to crisp), temperature 4-22 C, the blade (strand width 2, 3, 6 mm), the cut
    thickness 1.5-4 mm and the crank speed 0.5-2 turns/s; a 5-mm-radius core stays on the spike. The band at
    radius r (12 bands from the core to the skin) gives strands that curl with strain t / 2r; the fracture strain
    falls with turgor and cold; the break hazard per cm is 0.02 exp(3 (strain / fracture strain - 1)) (the
    exponent capped at 8) + 0.05 / width, plus chatter 0.3 speed (torque / grip - 1)+ where the torque sums
    firmness x cut area x radius over all bands and the spike's grip rises with the core's firmness and the
    diameter; the mean strand length is 0.3 cm (crumbs) + 1 / (hazard + 1 / the band's spiral length). Scatter
    4% (lognormal). Returns (tokens (n, 12, 19), log mean strand lengths in cm
    (n, 12))."""
    veg = torch.randint(0, SP_VEG, (n,), generator=gen)
    dia = 30 + 50 * torch.rand(n, generator=gen)
    length = 10 + 15 * torch.rand(n, generator=gen)
    turgor = 0.5 + 0.6 * torch.rand(n, generator=gen)
    temp = 4 + 18 * torch.rand(n, generator=gen)
    blade = torch.randint(0, SP_BLADES, (n,), generator=gen)
    width = torch.tensor([2.0, 3.0, 6.0])[blade]
    thick = 1.5 + 2.5 * torch.rand(n, generator=gen)
    speed = 0.5 + 1.5 * torch.rand(n, generator=gen)
    radius = dia / 2
    frac = (torch.arange(SP_BANDS).float() + 0.5) / SP_BANDS
    r = 5 + (radius.view(-1, 1) - 5) * frac.view(1, -1)
    rel = r / radius.view(-1, 1)
    firm_f, strain_f = _sp_profile(veg, rel)
    firm = torch.tensor([0.5, 0.45, 1.3, 1.1, 1.2, 0.8, 0.7, 1.0])[veg].view(-1, 1) * firm_f * (0.7 + 0.3 * turgor.view(-1, 1))
    eps_f = (torch.tensor([0.09, 0.10, 0.06, 0.07, 0.056, 0.08, 0.05, 0.06])[veg].view(-1, 1) * strain_f
             * (1.4 - 0.6 * turgor.view(-1, 1)) * (1 + 0.012 * (temp.view(-1, 1) - 10)))
    strain = thick.view(-1, 1) / (2 * r)
    band_w = (radius - 5).view(-1, 1) / SP_BANDS
    torque = (firm * thick.view(-1, 1) * band_w * r).sum(1) / 100
    grip = 2.0 * firm[:, 0] * (dia / 50) ** 2
    chatter = 0.3 * speed * (torque / grip - 1).clamp_min(0)
    hazard = (0.02 * torch.exp((3 * (strain / eps_f - 1)).clamp(max=8)) + 0.05 / width.view(-1, 1)
              + chatter.view(-1, 1))
    spiral = length.view(-1, 1) * 10 / thick.view(-1, 1) * 2 * math.pi * r / 10 / 10  # cm of strand in the band
    mean_len = 0.3 + 1 / (hazard + 1 / spiral)
    y = torch.log(mean_len) + 0.04 * torch.randn(n, SP_BANDS, generator=gen)
    glob = torch.cat([F.one_hot(veg, SP_VEG).float(), F.one_hot(blade, SP_BLADES).float(),
                      torch.stack([(dia - 55) / 14.4, (length - 17.5) / 4.3, (turgor - 0.8) / 0.17, (temp - 13) / 5.2,
                                   (thick - 2.75) / 0.72, (speed - 1.25) / 0.43], 1)], 1)
    tok = torch.cat([glob.unsqueeze(1).expand(-1, SP_BANDS, -1), torch.stack([rel, r / 20], 2)], 2)
    return tok, y


class BandNet(nn.Module):
    """A band-wise shared MLP with a mean-pooled context (a DeepSets-style layer): each band's hidden state gets the
    mean over all bands before the second layer, so that a band can see the whole cross-section's load."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.inp = nn.Linear(SP_VEG + SP_BLADES + 8, hidden)
        self.own = nn.Linear(hidden, hidden)
        self.context = nn.Linear(hidden, hidden)
        self.out = nn.Sequential(nn.GELU(), nn.Linear(hidden, 1))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        h = F.gelu(self.inp(tokens))
        h = self.own(h) + self.context(h.mean(1, keepdim=True))
        return self.out(h).squeeze(-1)


def strand_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log mean strand lengths."""
    tok, y = batch
    return F.mse_loss(model(tok), y)


def spiralizer_strands(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The band net on 8192 spiralized vegetables, targets standardised over them (one mean and sd for all bands);
    held out: 2048 other vegetables in batches of 1024; Adagrad with initial_accumulator_value 0.1."""
    gen = torch.Generator().manual_seed(149103)
    tok, y = _sp_cuts(train_size + 2048, gen)
    y = _standardise(y, train_size, (0, 1))
    tr = (tok[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BandNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1"),
            "loss_fn": strand_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. water-filter jug cartridge over its life (Adam; Adagrad for the long plan)

WF_DAYS = 24
WF_TYPES = 3  # standard, large, budget


def _wf_lives(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """24 days of a filter jug's cartridge (standard, large, budget: resin capacity 420, 600, 280 meq; carbon
    half-load 60, 90, 30 mg chlorine; a litre's flow-through time 3.0, 3.6, 2.6 min when new at 20 C). The
    household's use 1-5 L a day (each day lognormal, sd 0.35); the tap water's free chlorine 0.1-0.8 mg/L (each
    day lognormal, sd 0.3), carbonate hardness 100-350 mg/L as CaCO3 (daily 5%), temperature 8-20 C (daily sd 2
    C). Each day: the flow-through time grows with the litres filtered (fines clogging, 1 + V / 150) and with the
    water's viscosity (2.4% per C colder than 20); the carbon's chlorine removal rate is 1.6 / min of contact
    over (1 + load / half-load) and the effluent chlorine Cl exp(-rate x contact), contact 0.5 x the flow-through
    time; the resin removes 0.92 (1 - exp(-t / 1.2 min)) of the hardness before a logistic breakthrough at its
    capacity (width 12%); the loads accumulate. Scatter: chlorine 5% (lognormal, a 0.005 mg/L floor), removal
    0.01, time 1.5%. Returns (daily inputs (n, 24, 7): volume, chlorine, hardness, temperature, the type one-hot;
    outputs (n, 24, 3): log effluent chlorine, hardness removal, log flow-through time)."""
    typ = torch.randint(0, WF_TYPES, (n,), generator=gen)
    cap = torch.tensor([420.0, 600.0, 280.0])[typ]
    half = torch.tensor([60.0, 90.0, 30.0])[typ]
    t0 = torch.tensor([3.0, 3.6, 2.6])[typ]
    use = 1 + 4 * torch.rand(n, 1, generator=gen)
    vol = use * torch.exp(0.35 * torch.randn(n, WF_DAYS, generator=gen))
    cl = (0.1 + 0.7 * torch.rand(n, 1, generator=gen)) * torch.exp(0.3 * torch.randn(n, WF_DAYS, generator=gen))
    hard = (100 + 250 * torch.rand(n, 1, generator=gen)) * (1 + 0.05 * torch.randn(n, WF_DAYS, generator=gen))
    temp = 8 + 12 * torch.rand(n, 1, generator=gen) + 2 * torch.randn(n, WF_DAYS, generator=gen)
    cum_v = torch.zeros(n)
    c_load = torch.zeros(n)
    r_load = torch.zeros(n)
    outs = []
    for d in range(WF_DAYS):
        t_fill = t0 * (1 + cum_v / 150) * torch.exp(0.024 * (20 - temp[:, d]))
        rate = 1.6 / (1 + c_load / half)
        cl_frac = torch.exp(-rate * 0.5 * t_fill)
        removal = 0.92 * (1 - torch.exp(-t_fill / 1.2)) / (1 + torch.exp((r_load - cap) / (0.12 * cap)))
        c_load = c_load + cl[:, d] * vol[:, d] * (1 - cl_frac)
        r_load = r_load + hard[:, d] / 50 * vol[:, d] * removal
        cum_v = cum_v + vol[:, d]
        outs.append(torch.stack([cl[:, d] * cl_frac, removal, t_fill], 1))
    out = torch.stack(outs, 1)
    y = torch.stack([
        torch.log(out[..., 0] * torch.exp(0.05 * torch.randn(n, WF_DAYS, generator=gen)) + 0.005),
        out[..., 1] + 0.01 * torch.randn(n, WF_DAYS, generator=gen),
        torch.log(out[..., 2]) + 0.015 * torch.randn(n, WF_DAYS, generator=gen)], 2)
    x = torch.cat([torch.stack([(vol - 3) / 1.5, (cl - 0.45) / 0.25, (hard - 225) / 75, (temp - 14) / 4], 2),
                   F.one_hot(typ, WF_TYPES).float().unsqueeze(1).expand(-1, WF_DAYS, -1)], 2)
    return x, y


class CartridgeLSTM(nn.Module):
    """A one-layer LSTM over the days, a linear read-out a day."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(4 + WF_TYPES, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.lstm(x)[0])


def cartridge_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised daily chlorine, removal and flow-through time."""
    x, y = batch
    return F.mse_loss(model(x), y)


def water_filter_jug(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32,
                     optimizer: str = "adam") -> dict[str, Any]:
    """The cartridge LSTM on 2048 cartridge lives, targets standardised per output over them (all days); held out:
    2048 other lives in batches of 1024; Adam (torch's defaults), or Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(149104)
    x, y = _wf_lives(train_size + 2048, gen)
    y = _standardise(y, train_size, (0, 1))
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    make = (_named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam") if optimizer == "adam" else
            _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"))
    return {"model": CartridgeLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": make, "loss_fn": cartridge_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. dough-hook kneading: the mixer's power and the dough's temperature, minute by minute (Adagrad)

DH_MINUTES = 12


def _dh_mixes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Stand-mixer kneading for 12 minutes: flour protein 9-14%, hydration 55-75%, salt 0-2.5% (on flour), water
    5-35 C, flour 15-28 C, room 18-28 C, dough 0.5-2 kg, a C-hook or a spiral hook; speed 1 for 1-2.5 minutes to
    bring the dough together, then a setting 2-6 (the hook at 50 rpm a setting). In half-minute steps: gluten
    development dG/dt = 0.35 w^1.5 (11 / protein)^1.5 (1 - 0.12 salt) e_hook (1 - G) (w = rpm / 100, spiral 1.3,
    C-hook 1); breakdown dB/dt = 0.015 w^2 G^4 exp(0.12 (T - 26)); consistency (protein / 12)^1.2 exp(-0.07
    (hydration - 62)) (0.35 + G - 1.5 B)+ exp(-0.015 (T - 24)) (1 + 0.06 salt) mass^0.8; power = 120 W x
    consistency x w (x 0.9 for the spiral); the dough starts at the water and flour's heat-capacity-weighted
    temperature, gains 30% of the power as friction heat (the baker's friction factor) and loses 1.5 W/K x
    mass^(2/3) to the room (heat capacity 2.8 kJ/kg/K). Recorded at the end of each minute; scatter: power 8%,
    temperature 0.5 C (a probe thermometer). Returns (hook (n,), features (n, 9), outputs (n, 24): the 12 powers
    above idle (W), then the 12 dough temperatures (C))."""
    protein = 9 + 5 * torch.rand(n, generator=gen)
    hyd = 55 + 20 * torch.rand(n, generator=gen)
    salt = 2.5 * torch.rand(n, generator=gen)
    t_water = 5 + 30 * torch.rand(n, generator=gen)
    t_flour = 15 + 13 * torch.rand(n, generator=gen)
    t_room = 18 + 10 * torch.rand(n, generator=gen)
    mass = 0.5 + 1.5 * torch.rand(n, generator=gen)
    hook = torch.randint(0, 2, (n,), generator=gen)
    start = torch.randint(2, 6, (n,), generator=gen)
    setting = torch.randint(2, 7, (n,), generator=gen).float()
    flour = mass / (1 + hyd / 100)
    water = mass - flour
    temp = (water * 4.18 * t_water + flour * 1.7 * t_flour) / (water * 4.18 + flour * 1.7)
    eff = torch.where(hook == 1, 1.3, 1.0)
    g = torch.zeros(n)
    b = torch.zeros(n)
    powers, temps = [], []
    for s in range(2 * DH_MINUTES):
        w = torch.where(s < start, 1.0, setting) * 0.5
        g = g + 0.5 * 0.35 * w**1.5 * (11 / protein) ** 1.5 * (1 - 0.12 * salt) * eff * (1 - g)
        b = b + 0.5 * 0.015 * w**2 * g**4 * torch.exp(0.12 * (temp - 26))
        cons = ((protein / 12) ** 1.2 * torch.exp(-0.07 * (hyd - 62)) * (0.35 + g - 1.5 * b).clamp_min(0.05)
                * torch.exp(-0.015 * (temp - 24)) * (1 + 0.06 * salt) * mass**0.8)
        power = 120 * cons * w * torch.where(hook == 1, 0.9, 1.0)
        temp = temp + 30 * (0.3 * power - 1.5 * mass ** (2 / 3) * (temp - t_room)) / (mass * 2800)
        if s % 2 == 1:
            powers.append(power)
            temps.append(temp)
    p = torch.stack(powers, 1) * torch.exp(0.08 * torch.randn(n, DH_MINUTES, generator=gen))
    t = torch.stack(temps, 1) + 0.5 * torch.randn(n, DH_MINUTES, generator=gen)
    x = torch.stack([(protein - 11.5) / 1.44, (hyd - 65) / 5.8, (salt - 1.25) / 0.72, (t_water - 20) / 8.7,
                     (t_flour - 21.5) / 3.75, (t_room - 23) / 2.9, (mass - 1.25) / 0.43, (setting - 4) / 1.41,
                     (start - 3.5) / 1.1], 1)
    return hook, x, torch.cat([p, t], 1)


class KneadResNet(nn.Module):
    """A hook embedding joined to the recipe and programme, residual MLP blocks with LayerNorm (pre-norm), a linear
    read-out of the 24 standardised outputs."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.hook = nn.Embedding(2, 3)
        self.inp = nn.Linear(9 + 3, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                  nn.Linear(2 * width, width)) for _ in range(blocks))
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * DH_MINUTES))

    def forward(self, hook: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([self.hook(hook), x], 1))
        for block in self.blocks:
            h = h + block(h)
        return self.out(h)


def knead_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised powers and dough temperatures."""
    hook, x, y = batch
    return F.mse_loss(model(hook, x), y)


def dough_hook_kneading(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 48,
                        blocks: int = 2) -> dict[str, Any]:
    """The kneading net on 2048 mixes, targets standardised per output over them; held out: 2048 other mixes in
    batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(149105)
    hook, x, y = _dh_mixes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (hook[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KneadResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((hook[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": knead_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. pie-weight blind baking along a tart shell's profile (AdamW)

PW_BASE, PW_WALL = 20, 12
PW_CELLS = PW_BASE + PW_WALL
PW_KINDS = 5  # ceramic beads, steel chain, dried beans, rice, sugar


def _pw_shells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Blind-baked shortcrust shells along their profile (20 cells from the base's centre to its edge, 12 up the
    3-cm wall). The dough 2.5-5 mm, rolled unevenly (a smooth random variation); the weights (ceramic beads, steel
    chain, dried beans, rice, sugar: bulk density 1.4, 2.5, 0.8, 0.85, 0.9 g/cm3, effusivity 1.0, 1.3, 0.4, 0.45,
    0.6) poured to a depth of 1-3 cm, heaped towards the edge or the centre, pressing the wall up to the fill
    line (lateral pressure K = 0.4); docking (fork pricks) on half the shells, in random patches; the oven 160-220
    C, butter 30-45% of the dough, chill 0-60 min, 10-25 min under the weights (then 8 min without). Steam pressure
    under the base rises with the oven and the dough's thickness, vented within ~2 cells of a docking mark; the puff
    is a smoothed excess of steam over the weights' and dough's load (to the power 1.3); the wall slumps above the
    fill line (and 15% as much below it) by the butter's melting before the pastry sets (more butter, warm dough,
    a cool oven); the base's moisture falls with the oven, the time and the weights' contact heat (effusivity x
    pressure^0.3). Scatter: 0.1 mm, 0.3% moisture. Returns (channels (n, 12, 32): thickness, pressure, docking,
    oven, butter, chill, time and the weights' kind one-hot; outputs (n, 2, 32): displacement (mm, up positive),
    moisture (%))."""
    x = torch.arange(PW_CELLS).float().view(1, -1)
    is_wall = (x >= PW_BASE).float()
    thick = (2.5 + 2.5 * torch.rand(n, 1, generator=gen))
    coarse = torch.randn(n, 1, 5, generator=gen)
    thick = thick * (1 + 0.12 * F.interpolate(coarse, size=PW_CELLS, mode="linear", align_corners=True)[:, 0])
    kind = torch.randint(0, PW_KINDS, (n,), generator=gen)
    rho = torch.tensor([1.4, 2.5, 0.8, 0.85, 0.9])[kind].view(-1, 1)
    eff = torch.tensor([1.0, 1.3, 0.4, 0.45, 0.6])[kind].view(-1, 1)
    depth = 1 + 2 * torch.rand(n, 1, generator=gen)
    heap = 0.6 * (torch.rand(n, 1, generator=gen) - 0.5)
    base_depth = depth * (1 + heap * (x / PW_BASE - 0.5))
    fill = depth * (1 + heap * 0.5)  # the fill line up the wall, cm
    height = (x - PW_BASE + 0.5) * 3 / PW_WALL
    wall_depth = (fill - height).clamp_min(0)
    press = torch.where(is_wall > 0, 0.4 * rho * wall_depth, rho * base_depth) * 0.098  # kPa
    docked = (torch.rand(n, 1, generator=gen) < 0.5).float()
    centre = torch.rand(n, 3, generator=gen) * PW_BASE
    patch = (torch.rand(n, 1, PW_CELLS, generator=gen) < 0.5).float()[:, 0]
    dock = docked * patch * (1 - is_wall) * ((x.unsqueeze(1) - centre.unsqueeze(2)).abs() < 3).float().amax(1)
    oven = 160 + 60 * torch.rand(n, 1, generator=gen)
    butter = 0.30 + 0.15 * torch.rand(n, 1, generator=gen)
    chill = 60 * torch.rand(n, 1, generator=gen)
    t_w = 10 + 15 * torch.rand(n, 1, generator=gen)
    kernel = torch.exp(-torch.arange(-4, 5).float() ** 2 / 4.0).view(1, 1, -1)
    vent = F.conv1d(dock.unsqueeze(1), kernel, padding=4)[:, 0].clamp(0, 1.5) / 1.5
    steam = 0.35 * (thick / 3.5) * ((oven - 140) / 60) * (1 - 0.85 * vent)
    excess = (steam - press - 0.012 * thick).clamp_min(0) * (1 - is_wall)
    smooth = F.conv1d(excess.unsqueeze(1), kernel / kernel.sum() * 3, padding=4)[:, 0]
    puff = 4 * smooth**1.3 * (1 - is_wall)
    melt = butter / 0.375 * torch.exp(-chill / 30) * (1.6 - (oven - 160) / 100)
    above = (height - fill).clamp_min(0) * is_wall
    slump = melt * (0.9 * above + 0.15 * is_wall * (height.clamp_min(0) - above) * 0.3)
    disp = puff - slump
    heat = ((oven - 120) / 60) * (t_w + 8) / 20 * (1 + 0.5 * eff * (press / 0.1).clamp_min(0) ** 0.3)
    moist = 22 * torch.exp(-0.8 * heat) * (thick / 3.5) ** 0.5 * (1 + 0.3 * is_wall)
    y = torch.stack([disp + 0.1 * torch.randn(n, PW_CELLS, generator=gen),
                     moist + 0.3 * torch.randn(n, PW_CELLS, generator=gen)], 1)
    ones = torch.ones(n, PW_CELLS)
    ch = torch.stack([(thick - 3.75) / 0.8, press / 0.1, dock, ((oven - 190) / 17.3) * ones, ((butter - 0.375) / 0.043) * ones,
                      ((chill - 30) / 17.3) * ones, ((t_w - 17.5) / 4.3) * ones], 1)
    ch = torch.cat([ch, F.one_hot(kind, PW_KINDS).float().unsqueeze(2).expand(-1, -1, PW_CELLS)], 1)
    return ch, y


class ShellProfileCNN(nn.Module):
    """A dilated 1-D CNN along the profile (a position channel added), GELU, a 1x1 read-out of two channels."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.register_buffer("pos", torch.linspace(-1, 1, PW_CELLS).view(1, 1, -1))
        self.net = nn.Sequential(
            nn.Conv1d(13, width, 5, padding=2), nn.GELU(),
            nn.Conv1d(width, width, 5, padding=4, dilation=2), nn.GELU(),
            nn.Conv1d(width, width, 5, padding=8, dilation=4), nn.GELU(),
            nn.Conv1d(width, 2, 1))

    def forward(self, ch: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([ch, self.pos.expand(len(ch), -1, -1)], 1))


def shell_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised displacement and moisture."""
    ch, y = batch
    return F.mse_loss(model(ch), y)


def pie_weights_blind_bake(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                           width: int = 16) -> dict[str, Any]:
    """The shell-profile CNN on 4096 blind-baked shells, targets standardised per output over them (all cells);
    held out: 2048 other shells in batches of 1024; AdamW (weight decay 0.01, torch's default)."""
    gen = torch.Generator().manual_seed(149106)
    ch, y = _pw_shells(train_size + 2048, gen)
    y = _standardise(y, train_size, (0, 2))
    tr = (ch[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShellProfileCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ch[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.01), "adamw_wd0.01"),
            "loss_fn": shell_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("tea_cosy_thermograph_nesterov", tea_cosy_thermograph, 300, "tea_cosy_ir_thermograph_heat_loss_cnn2d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=2.0, start_lr=0.2),
    W("pie_weights_blind_bake_adamw", pie_weights_blind_bake, 300,
      "pie_weight_blind_bake_shell_profile_puff_slump_cnn1d", "adamw_wd0.01", "finite", 32, seconds=0.6,
      start_lr=0.032),
    W("water_filter_jug_adam", water_filter_jug, 300, "water_filter_jug_carbon_resin_breakthrough_lstm", "adam",
      "finite", 32, seconds=0.6, start_lr=0.064),
    W("dough_hook_kneading_adagrad", dough_hook_kneading, 300, "dough_hook_kneading_power_friction_heat_resmlp_ln",
      "adagrad", "finite", 128, seconds=0.5, start_lr=0.2),
)
LONG = (
    W("pestle_cocrystal_adagrad@long", pestle_cocrystal, 3000, "mortar_pestle_lag_cocrystal_jmak_greybox_emb",
      "adagrad", "finite", 32, seconds=2.8, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("spiralizer_strands_adagrad@long", spiralizer_strands, 3000, "spiralizer_julienne_strand_curl_break_band_deepsets",
      "adagrad_acc0.1", "finite", 32, seconds=2.6, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("water_filter_jug_adagrad@long", water_filter_jug, 3000, "water_filter_jug_carbon_resin_breakthrough_lstm",
      "adagrad", "finite", 32, dict(train_size=8192, hidden=16, optimizer="adagrad"), seconds=3.0, start_lr=0.64,
      grid_fractions=(0.0, 0.05)),
    W("dough_hook_kneading_adagrad@long", dough_hook_kneading, 3000, "dough_hook_kneading_power_friction_heat_resmlp_ln",
      "adagrad", "finite", 32, dict(train_size=8192, width=32), seconds=3.0, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="dough_hook_kneading_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam149_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-ninth exam's workloads")
