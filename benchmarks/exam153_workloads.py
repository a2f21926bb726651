"""The hundred-and-fifty-third exam: six more workload families that neither the suite nor exams 1-150 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam150_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from slow cookers and braising, sous vide and core temperature, steamer
baskets and steaming, tortilla presses and dough flattening, basting brushes and glaze coverage, and serving trays
and spills (exam 154 was built at the same time from other domains; its module was not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam153/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- slow-cooker braising: a GRU over an 8-hour cooker programme (8 one-hour slots, each off / warm / low / high, and the
  lid lifts at the start of each hour, with the crock's size and fill, the cut, the pieces' size and the start
  temperature) to the meat's core temperature, the share of its collagen solubilised and its cook loss at the end of
  each hour; a lumped crock heated by its element against its losses and capped at a lidded simmer, each lid lift
  costing heat, the core lagging the liquid by the pieces' size squared, first-order Arrhenius solubilisation of
  collagen once it has denatured (past ~61 C, later and slower in collagen-rich cuts), an irreversible cook loss
  (myofibrillar and collagen shrinkage) rising with the core temperature; MSE of the standardised outputs; RMSprop
  (torch's defaults)
- sous-vide core temperature (a long plan only): a grey-box net, a tanh MLP of the cut (beef, pork, chicken,
  salmon), its thickness, the bath, the start (chilled or frozen), the bag and the circulator returning the
  effective thermal diffusivity, the Biot number and a start lag, put through the plane wall's two-term series
  solution (zeta_n tan zeta_n = Bi by fixed-point iteration) to the core probe's readings at 12 times; the data
  from an implicit finite-difference slab with a convective surface, temperature-dependent conductivity and heat
  capacity, the latent heat of a frozen start and a probe tip off the centre; MSE of the readings / 10 C; Adagrad
  (torch's defaults)
- steamer-basket loading map: a 2-D CNN over a 10 x 10 map of a round basket's floor (the basket, the floor's open
  area: bamboo slats, perforated steel or a punched parchment liner, the items' thickness and kind, the tier, the
  lid, the burner and the pot's size broadcast, and a coordinate channel: the squared distance from the middle) to
  each item's log minutes to done and its condensate pick-up; the steam rising through the open floor from a boil
  under the middle, spreading over the floor, condensing on the items and leaking at the lid (a screened diffusion
  solved by Jacobi sweeps), the lower tiers taking their share first, a metal lid dripping onto the middle; masked
  MSE of the standardised outputs; SGD with momentum 0.9 and weight decay 5e-4
- tortilla-press squeeze flow: a Pre-LN transformer (causal) over 16 samples of the force on the press's plate
  during one or two pressings (with the dough: masa or wheat flour, hydration, rest, ball mass, temperature, the
  liner) to the plate gap at each sample and the disc's thickness and diameter after release; squeeze flow of a
  Herschel-Bulkley disc between plates at constant volume (a plastic yield term 2 pi tau_y R^3 / (3 h) plus a
  power-law viscous term in the closing speed, partial slip on the liner), the gap stopping where the force no
  longer beats the yield, the gluten's elastic springback after release relaxing with rest; MSE of the
  standardised logs; AdamW (torch's defaults, weight decay 1e-2)
- basting-brush glaze coverage (a long plan only): an embedding net (the glaze, the brush and the roast's surface
  embedded) with a pre-norm residual MLP block, from the glaze's sugar, the oven, the coats, their interval, the
  brush's load, the surface's slope and the glaze's temperature to the covered share of the surface, the film's
  thickness on the top and the sides and the colour (L*); each coat's film draining down the slope (Jeffreys'
  h = sqrt(mu x / (rho g sin(theta) t)) until the drying glaze sets, its viscosity rising with the water lost), or
  clinging at the yield-stress film tau_y / (rho g sin(theta)) where a thick sauce has one, the film dewetting
  below a critical thickness on fatty surfaces, an Arrhenius browning of the sugars; MSE of the standardised
  outputs; Adagrad (initial accumulator 0.1, the Keras default a user coming from it keeps)
- serving-tray spills: a 1-D CNN over a tray accelerometer's 4-second trace (fore-aft and lateral acceleration,
  pitch and roll, 16 Hz), conditioned on the glass (radius, depth of liquid, freeboard, water / beer / wine), its
  place on the tray and the tray's surface (a bias on the first layer's channels, and again in the head), to the
  log volume spilled and the log peak slosh height over the freeboard; the first sloshing mode of the glass
  (omega^2 = 1.841 g / R tanh(1.841 d / R), damping by the liquid and a head of foam) driven by the tray's
  acceleration and tilt, the glass sliding on a wet steel tray (Coulomb), weir-like overflow past the rim; MSE of
  the standardised logs; Adam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the sous-vide and
basting nets (no short plans), the braise GRU on 8192 cooks instead of 1024 and the tray CNN on 8192 carries instead
of 2048 (both narrower).

Of the eight plans, two use Adagrad (sous vide, basting), two Adam (both tray plans), two RMSprop (both slow-cooker
plans), one SGD with momentum (steamer) and one AdamW (tortilla press).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam153_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam153/README.md).

    python benchmarks/exam153_workloads.py          # the table
    python benchmarks/exam153_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 153"


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


def _standardise(y: torch.Tensor, n: int, dims: tuple[int, ...] = (0,)) -> torch.Tensor:
    """Targets standardised per output with the mean and sd of the first ``n`` rows (the training pool), pooled over
    ``dims`` (rows, and time steps or cells where an output repeats along them)."""
    ref = y[:n]
    mean = ref.mean(dims, keepdim=True)
    sd = ref.std(dims, keepdim=True)
    return (y - mean) / sd


# --------------------------------------------------------------------------------------------------------------
# 1. slow-cooker braising (RMSprop)

SC_SLOTS = 8  # one-hour slots, 8 hours
SC_CUTS = 3  # chuck, shank, short rib


def _sc_cooks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Slow-cooker braises, logged hourly. The programme: a first setting (high or low) for 1-8 h, then low (after high)
    or warm, warm to the end (a programmable cooker's keep-warm), or the first setting throughout; the lid lifted 0, 1
    or 2 times at the start of an hour (70 / 20 / 10%), each lift losing 4 C x (pot - 20) / 77 x (1.2 - fill / 2) of the
    pot's temperature. The crock: 3-7 L, filled 40-90% (liquid and meat as water, 3.9 kJ/kg K, plus the stoneware),
    heated by its element (low 140 W x (size / 5)^0.67, high 1.7x, warm 0.55x) against losses UA = 1.7 W/K x (size /
    5)^0.67 to a 20 C kitchen, capped at a lidded simmer (97 C; the excess boils off); start 3-22 C. The meat's core
    lags the liquid with a time constant 0.011 h x (piece size in cm)^2 (pieces 3-8 cm). Collagen (chuck 1, shank 1.6,
    short rib 1.3 of a base: more, and more cross-linked) dissolves at first order, k = 0.35 /h x exp(Ea / R (1/363 K -
    1/T)) (Ea 95 kJ/mol) / content^0.7 times the share denatured (a sigmoid at 61 C + 3 C x (content - 1), 2.5 C wide).
    The cook loss approaches 36% x sigmoid((T - 63) / 4.5) + 8% x sigmoid((T - 45) / 6) of the core temperature at 1.2
    /h, never falling. 5-minute steps. Scatter 0.6 C on the core probe, 1.5 points of collagen, 0.6 points of loss.
    Returns (programmes, lid lifts and conditions (n, 8, 14), outputs (n, 8, 3): the core temperature (C), collagen
    solubilised (%), cook loss (%) at the end of each hour)."""
    first_high = torch.rand(n, generator=gen) < 0.5
    n1 = torch.randint(1, 9, (n,), generator=gen)
    n2 = torch.randint(0, 9, (n,), generator=gen)
    second_warm = torch.rand(n, generator=gen) < 0.35
    slot = torch.arange(SC_SLOTS).view(1, -1)
    # settings: 0 off, 1 warm, 2 low, 3 high
    s1 = torch.where(first_high, 3, 2).view(-1, 1)
    s2 = torch.where(first_high & ~second_warm, 2, 1).view(-1, 1)
    setting = torch.where(slot < n1.view(-1, 1), s1, torch.where(slot < (n1 + n2).view(-1, 1), s2, 1))
    size = 3 + 4 * torch.rand(n, generator=gen)
    fill = 0.4 + 0.5 * torch.rand(n, generator=gen)
    piece = 3 + 5 * torch.rand(n, generator=gen)
    t0 = 3 + 19 * torch.rand(n, generator=gen)
    cut = torch.randint(0, SC_CUTS, (n,), generator=gen)
    coll = torch.tensor([1.0, 1.6, 1.3])[cut]
    shrink = 61 + 3 * (coll - 1)  # more, and more cross-linked, collagen: denatures later and dissolves slower
    scale = (size / 5) ** 0.67
    power = torch.tensor([0.0, 0.55, 1.0, 1.7]).view(1, -1) * (140 * scale).view(-1, 1)
    heat_cap = size * fill * 3900 + (1.5 + 0.35 * size) * 850  # J/K
    ua = 1.7 * scale
    tau = 0.011 * piece**2  # h
    lifts = torch.multinomial(torch.tensor([0.7, 0.2, 0.1]), n * SC_SLOTS, replacement=True, generator=gen)
    lifts = lifts.view(n, SC_SLOTS).float()  # the lid lifted to stir or look, at the start of the hour
    pot = t0.clone()
    core = t0.clone()
    insol = torch.ones(n)
    loss = torch.zeros(n)
    dt = 5 / 60  # h
    outs = []
    for s in range(SC_SLOTS):
        p = power.gather(1, setting[:, s : s + 1]).squeeze(1)
        pot = pot - lifts[:, s] * 4.0 * (pot - 20) / 77 * (1.2 - 0.5 * fill)  # steam and heat lost with the lid off
        for _ in range(12):
            pot = pot + dt * 3600 * (p - ua * (pot - 20)) / heat_cap
            pot = pot.clamp(max=97.0)
            core = core + (pot - core) * (1 - torch.exp(-dt / tau))
            tk = core + 273.15
            k = 0.35 * torch.exp(95e3 / 8.314 * (1 / 363.0 - 1 / tk)) * torch.sigmoid((core - shrink) / 2.5) / coll**0.7
            insol = insol * torch.exp(-k * dt)
            eq = 36 * torch.sigmoid((core - 63) / 4.5) + 8 * torch.sigmoid((core - 45) / 6)
            loss = torch.maximum(loss, loss + (eq - loss) * (1 - math.exp(-1.2 * dt)))
        outs.append(torch.stack([core, 100 * (1 - insol), loss], 1))
    y = torch.stack(outs, 1)
    y = y + torch.stack([0.6 * torch.randn(n, SC_SLOTS, generator=gen), 1.5 * torch.randn(n, SC_SLOTS, generator=gen),
                         0.6 * torch.randn(n, SC_SLOTS, generator=gen)], 2)
    static = torch.cat([torch.stack([(size - 5) / 1.15, (fill - 0.65) / 0.14, (piece - 5.5) / 1.44,
                                     (t0 - 12.5) / 5.5], 1), F.one_hot(cut, SC_CUTS).float(),
                        (coll.view(-1, 1) - 1.3) / 0.25], 1)
    x = torch.cat([F.one_hot(setting, 4).float(), (lifts - 0.4).unsqueeze(2),
                   static.unsqueeze(1).expand(-1, SC_SLOTS, -1),
                   (slot.float() / SC_SLOTS).expand(n, -1).unsqueeze(2)], 2)
    return x, y


class BraiseGRU(nn.Module):
    """A one-layer GRU over the programme's slots with a linear read-out of the three outputs at each slot."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.gru = nn.GRU(14, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def braise_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised core temperature, collagen and cook loss, all slots."""
    return _mse(model, batch)


def slow_cooker_braise(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The braise GRU on 1024 cooks, targets standardised over them (per output, over all slots); held out: 2048
    other cooks in batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(153101)
    x, y = _sc_cooks(train_size + 2048, gen)
    y = _standardise(y, train_size, (0, 1))
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BraiseGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": braise_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. sous-vide core temperature, a grey box over the plane wall's series solution (Adagrad; long only)

SV_READS = 12
SV_CUTS = 4  # beef steak, pork chop, chicken breast, salmon fillet
SV_NODES = 8
SV_SUB = 12  # implicit steps between readings


def _sv_cooks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sous-vide cooks logged by a core probe. The cut (beef, pork, chicken, salmon: thawed conductivity 0.46, 0.47,
    0.49, 0.43 W/m K, heat capacity 3.5, 3.4, 3.6, 3.3 MJ/m3 K), 1.5-5 cm thick (a plane wall of half-thickness L), the
    bath 52-68 C, chilled (2-6 C) or frozen (-18 C, 30%), vacuum-sealed or a zip bag (trapped air: h x 0.6), the
    circulator's flow (h 200-650 W/m2 K). Readings every 1.2 min x (thickness in cm)^2 (12 of them). The data: an
    implicit (backward Euler, 12 steps between readings) finite-difference wall of 8 nodes over L (symmetric centre,
    convective surface), frozen tissue conducting 3x better, an apparent heat capacity carrying 250 MJ/m3 of latent heat
    around -3 C (sd 2 C); the probe's tip 0-3 mm off the centre (read by interpolation); scatter 0.2 C. Returns
    (features (n, 10), the readings' times in minutes and the bath and start temperatures (n, 14), readings (n, 12) in
    C)."""
    cut = torch.randint(0, SV_CUTS, (n,), generator=gen)
    k_thaw = torch.tensor([0.46, 0.47, 0.49, 0.43])[cut]
    rc_thaw = torch.tensor([3.5, 3.4, 3.6, 3.3])[cut] * 1e6
    thick = 1.5 + 3.5 * torch.rand(n, generator=gen)  # cm
    half = thick / 200  # m
    bath = 52 + 16 * torch.rand(n, generator=gen)
    frozen = torch.rand(n, generator=gen) < 0.3
    start = torch.where(frozen, torch.full((n,), -18.0), 2 + 4 * torch.rand(n, generator=gen))
    zip_bag = torch.rand(n, generator=gen) < 0.4
    flow = torch.rand(n, generator=gen)
    h = (200 + 450 * flow) * torch.where(zip_bag, 0.6, 1.0)
    offset = 0.003 * torch.rand(n, generator=gen)
    step_min = 1.2 * thick**2
    dx = (half / (SV_NODES - 1)).view(-1, 1)
    vol = dx.expand(-1, SV_NODES).clone()
    vol[:, 0] *= 0.5
    vol[:, -1] *= 0.5
    dt = (step_min * 60 / SV_SUB).view(-1, 1)
    temp = start.view(-1, 1).expand(-1, SV_NODES).clone()
    last = torch.zeros(SV_NODES)
    last[-1] = 1.0

    def props(t: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        ice = torch.sigmoid(-(t + 2.5) / 0.8)  # frozen share
        k = k_thaw.view(-1, 1) * (1 + 2 * ice)
        latent = 250e6 * torch.exp(-0.5 * ((t + 3.0) / 2.0) ** 2) / (2.0 * math.sqrt(2 * math.pi))
        rc = rc_thaw.view(-1, 1) * (1 - 0.45 * ice) + latent
        return k, rc

    reads = []
    for _ in range(SV_READS):
        for _ in range(SV_SUB):  # backward Euler, the properties at the step's start
            k, rc = props(temp)
            g = 0.5 * (k[:, 1:] + k[:, :-1]) / dx
            cap = vol * rc / dt
            diag = cap + F.pad(g, (1, 0)) + F.pad(g, (0, 1)) + h.view(-1, 1) * last
            a = torch.diag_embed(diag) - torch.diag_embed(g, 1) - torch.diag_embed(g, -1)
            rhs = cap * temp + (h * bath).view(-1, 1) * last
            temp = torch.linalg.solve(a, rhs)
        # the probe at x = offset: interpolate between the two nodes nearest the centre
        w = (offset / dx.squeeze(1)).clamp(max=1.0)
        reads.append(temp[:, 0] * (1 - w) + temp[:, 1] * w)
    y = torch.stack(reads, 1) + 0.2 * torch.randn(n, SV_READS, generator=gen)
    x = torch.cat([F.one_hot(cut, SV_CUTS).float(), torch.stack([
        (thick - 3.25) / 1.0, (bath - 60) / 4.6, frozen.float() * 2 - 1, zip_bag.float() * 2 - 1, (flow - 0.5) / 0.29,
        (start - 0) / 10], 1)], 1)
    times = torch.arange(1, SV_READS + 1).float().view(1, -1) * step_min.view(-1, 1)
    cond = torch.cat([times, bath.view(-1, 1), start.view(-1, 1)], 1)
    return torch.cat([x, cond], 1), y


class SousVideGreyBox(nn.Module):
    """A tanh MLP of the cook's features returning the log effective diffusivity (in 1e-8 m2/s), the log Biot number and
    a start lag (minutes, a softplus x 5), put through the plane wall's centre temperature, two terms of its series: (T
    - T_bath) / (T_0 - T_bath) = sum_n C_n exp(-zeta_n^2 alpha t' / L^2), t' = softplus(t - lag) (beta 0.5 / min: the
    time since the lag, smoothed), zeta_n tan zeta_n = Bi, C_n = 4 sin zeta_n / (2 zeta_n + sin 2 zeta_n) (zeta_n from a
    starting guess and three fixed-point steps zeta = (n - 1) pi + atan(Bi / zeta))."""

    def __init__(self, hidden: int = 32, terms: int = 2) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))
        self.terms = terms

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feats, times, bath, start = x[:, :10], x[:, 10:10 + SV_READS], x[:, -2:-1], x[:, -1:]
        out = self.net(feats)
        alpha = 1e-8 * torch.exp(out[:, 0:1])
        bi = torch.exp(out[:, 1:2])
        lag = F.softplus(out[:, 2:3]) * 5
        half = (feats[:, 4:5] * 1.0 + 3.25) / 200  # the thickness feature back to metres
        fo = alpha * F.softplus(times - lag, beta=0.5) * 60 / half**2  # the lag's elapsed time, smoothed
        theta = torch.zeros_like(times)
        for m in range(self.terms):
            # a starting guess (zeta_1 ~ sqrt(Bi) for a small Bi, pi / 2 for a large one), then fixed-point steps
            z = m * math.pi + (bi.sqrt() / (1 + bi / 2.47).sqrt() if m == 0 else torch.atan(bi / (m * math.pi)))
            for _ in range(3):
                z = m * math.pi + torch.atan(bi / z)
            c = 4 * torch.sin(z) / (2 * z + torch.sin(2 * z))
            theta = theta + c * torch.exp(-(z**2) * fo)
        return (bath + (start - bath) * theta) / 10


def sous_vide_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the probe's readings, in units of 10 C."""
    x, y = batch
    return F.mse_loss(model(x), y / 10)


def sous_vide_core(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The sous-vide grey box on 4096 probe logs; held out: 2048 other logs in batches of 1024; Adagrad (torch's
    defaults: lr_decay 0, initial accumulator 0, eps 1e-10)."""
    gen = torch.Generator().manual_seed(153102)
    x, y = _sv_cooks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SousVideGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": sous_vide_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. steamer-basket loading map (SGD with momentum)

SB_SIZE = 10
SB_FLOORS = 3  # bamboo slats, perforated steel, punched parchment liner


def _sb_baskets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Loaded steamer baskets on a 10 x 10 map of the floor. The basket round (radius 4.2-5 cells; outside it is wall);
    its floor: bamboo slats (open 0.45 / 0.10 in alternating rows), perforated steel (0.30) or a parchment liner punched
    with holes (0.05, and 0.5 at a random 20% of cells); 3-9 items, each a blob of 1-4 cells: buns (3.5 cm thick),
    dumplings (2.2), fish fillet (1.2-2.5), vegetables (1.0), their cells blocking 85% of the floor under them. The
    steam rises from a boil under the middle (a Gaussian, sigma 2.5-5 cells, its strength from the burner 0.5-1 and the
    tier: 1, 0.72, 0.52 from the bottom; sigma from the pot's or wok's size, 26-36 cm), through the open floor, and
    above it spreads (D 1 a sweep), condenses on the items (0.35 their thickness in cm) and leaks at the lid (0.08), by
    25 Jacobi sweeps of the screened diffusion. An item's minutes to done: 5.5 x (thickness / 2 cm)^2 x its kind (buns
    1.25, dumplings 1, fish 0.7, vegetables 0.8) x (1 + 0.9 / h), h = S / (S + 0.25) the condensation's share of the
    local steam S; its condensate pick-up 1.8% x S x minutes / 10, doubled under a metal lid's drip toward the middle.
    3% scatter (lognormal). Returns (maps (n, 10, 10, 10): the basket, its open floor, the items' thickness and kind,
    the occupied cells, the tier, the lid, the burner, the pot's size and the squared distance from the middle (a
    coordinate channel), targets (n, 3, 10, 10): log minutes, log pick-up and the mask of item cells)."""
    c = (SB_SIZE - 1) / 2
    yy, xx = torch.meshgrid(torch.arange(SB_SIZE).float(), torch.arange(SB_SIZE).float(), indexing="ij")
    r2 = ((yy - c) ** 2 + (xx - c) ** 2).view(1, SB_SIZE, SB_SIZE)
    radius = 4.2 + 0.8 * torch.rand(n, 1, 1, generator=gen)
    inside = (r2 <= radius**2).float()
    floor = torch.randint(0, SB_FLOORS, (n,), generator=gen)
    slats = torch.where((yy.long() % 2) == 0, 0.45, 0.10).expand(n, -1, -1)
    holes = torch.where(torch.rand(n, SB_SIZE, SB_SIZE, generator=gen) < 0.2, 0.5, 0.05)
    open_ = torch.where(floor.view(-1, 1, 1) == 0, slats, torch.where(floor.view(-1, 1, 1) == 1,
                                                                      torch.full_like(holes, 0.30), holes))
    thick = torch.zeros(n, SB_SIZE, SB_SIZE)
    kind = torch.zeros(n, SB_SIZE, SB_SIZE)
    n_items = torch.randint(3, 10, (n,), generator=gen)
    item_t = torch.tensor([3.5, 2.2, 1.8, 1.0])
    item_k = torch.tensor([1.25, 1.0, 0.7, 0.8])
    item_code = torch.tensor([1.0, 0.33, -0.33, -1.0])
    code = torch.zeros(n, SB_SIZE, SB_SIZE)
    for i in range(9):
        live = (i < n_items).float()
        typ = torch.randint(0, 4, (n,), generator=gen)
        t_i = item_t[typ] * torch.where(typ == 2, 0.67 + 0.72 * torch.rand(n, generator=gen), torch.ones(n))
        py = torch.randint(1, SB_SIZE - 1, (n,), generator=gen)
        px = torch.randint(1, SB_SIZE - 1, (n,), generator=gen)
        w = torch.randint(1, 3, (n,), generator=gen)
        hgt = torch.randint(1, 3, (n,), generator=gen)
        blob = ((yy.view(1, SB_SIZE, SB_SIZE) >= py.view(-1, 1, 1)) & (yy < (py + hgt).view(-1, 1, 1))
                & (xx >= px.view(-1, 1, 1)) & (xx < (px + w).view(-1, 1, 1))).float() * inside * live.view(-1, 1, 1)
        free = (thick == 0).float()
        put = blob * free
        thick = thick + put * t_i.view(-1, 1, 1)
        kind = kind + put * item_k[typ].view(-1, 1, 1)
        code = code + put * item_code[typ].view(-1, 1, 1)
    occ = (thick > 0).float()
    pot = torch.rand(n, 1, 1, generator=gen)  # the wok or pot under the basket, 26-36 cm: the boil's spread
    sigma = 2.5 + 2.5 * pot
    burner = 0.5 + 0.5 * torch.rand(n, 1, 1, generator=gen)
    tier = torch.randint(0, 3, (n,), generator=gen)
    tier_f = torch.tensor([1.0, 0.72, 0.52])[tier].view(-1, 1, 1)
    metal_lid = (torch.rand(n, generator=gen) < 0.5).float().view(-1, 1, 1)
    src = burner * tier_f * torch.exp(-r2 / (2 * sigma**2)) * open_ * (1 - 0.85 * occ) * inside
    sink = 0.35 * thick + 0.08
    s = torch.zeros(n, SB_SIZE, SB_SIZE)
    for _ in range(25):
        sp = F.pad((s * inside).unsqueeze(1), (1, 1, 1, 1)).squeeze(1)
        nb = sp[:, :-2, 1:-1] + sp[:, 2:, 1:-1] + sp[:, 1:-1, :-2] + sp[:, 1:-1, 2:]
        cnt = F.pad(inside.expand(n, -1, -1).unsqueeze(1), (1, 1, 1, 1)).squeeze(1)
        cn = cnt[:, :-2, 1:-1] + cnt[:, 2:, 1:-1] + cnt[:, 1:-1, :-2] + cnt[:, 1:-1, 2:]
        s = (4 * src + nb) / (cn + 4 * sink) * inside
    s = s * 4
    hc = s / (s + 0.25)
    minutes = 5.5 * (thick / 2) ** 2 * kind * (1 + 0.9 / hc.clamp_min(1e-3))
    drip = 1 + metal_lid * torch.exp(-r2 / 8)
    pick = 1.8 * s * minutes / 10 * drip
    noise = torch.exp(0.03 * torch.randn(n, 2, SB_SIZE, SB_SIZE, generator=gen))
    tgt = torch.stack([torch.log(minutes.clamp_min(0.1)), torch.log(pick.clamp_min(1e-3))], 1) + torch.log(noise)
    tgt = tgt * occ.unsqueeze(1)
    x = torch.stack([inside, open_ * inside * 2, thick / 2, code, occ,
                     (tier.float().view(-1, 1, 1) - 1).expand(-1, SB_SIZE, SB_SIZE) * inside,
                     (metal_lid * 2 - 1).expand(-1, SB_SIZE, SB_SIZE) * inside], 1)
    x = torch.cat([x, ((burner - 0.75) / 0.14).expand(-1, SB_SIZE, SB_SIZE).unsqueeze(1) * inside.unsqueeze(1),
                   ((pot - 0.5) / 0.29).expand(-1, SB_SIZE, SB_SIZE).unsqueeze(1) * inside.unsqueeze(1),
                   (r2 / 12.5 - 1).expand(n, -1, -1).unsqueeze(1)], 1)
    return x, torch.cat([tgt, occ.unsqueeze(1)], 1)


class SteamerCNN(nn.Module):
    """A 2-D CNN over the basket's map: a 3x3 convolution, a 3x3 with dilation 2 and another 3x3 (ReLU; the last two
    added as residuals), a 1x1 read-out of the two targets at every cell."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.c1 = nn.Conv2d(10, width, 3, padding=1)
        self.c2 = nn.Conv2d(width, width, 3, padding=2, dilation=2)
        self.c3 = nn.Conv2d(width, width, 3, padding=1)
        self.out = nn.Conv2d(width, 2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.c1(x))
        h = h + F.relu(self.c2(h))
        h = h + F.relu(self.c3(h))
        return self.out(h)


def steamer_masked_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log minutes and log pick-up over the cells holding an item."""
    x, y = batch
    tgt, mask = y[:, :2], y[:, 2:3]
    err = (model(x) - tgt) ** 2 * mask
    return err.sum() / (2 * mask.sum())


def steamer_basket(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The steamer CNN on 2048 baskets, targets standardised over the training pool's item cells; held out: 2048
    other baskets in batches of 1024; SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(153103)
    x, y = _sb_baskets(train_size + 2048, gen)
    mask = y[:, 2:3]
    tr_t, tr_m = y[:train_size, :2], mask[:train_size]
    mean = (tr_t * tr_m).sum((0, 2, 3), keepdim=True) / tr_m.sum()
    sd = (((tr_t - mean) ** 2 * tr_m).sum((0, 2, 3), keepdim=True) / tr_m.sum()).sqrt()
    y = torch.cat([(y[:, :2] - mean) / sd * mask, mask], 1)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SteamerCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": steamer_masked_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. tortilla-press squeeze flow (AdamW)

TP_STEPS = 16  # force samples, 0.15 s apart


def _tp_presses(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pressings of a dough ball in a tortilla press, the plate's force logged at 16 samples 0.15 s apart (one press, or
    two with a release between, as a cook who turns the disc and presses again). The dough: masa (corn, hydration
    55-62%) or wheat flour (35-45%), its rest 0-60 min, ball 25-60 g (1.15 g/cm3), 15-35 C; the liner: a plastic bag
    (slip: the yield term x 0.6) or parchment (x 0.85). Herschel-Bulkley dough, tau_y 1.2 kPa (masa) / 2.0 kPa (flour) x
    exp(-(hydration - 58.5% or 40%) / 3%) x exp(-(T - 25) / 25) (flour's falling with rest to 70%), K 6 / 12 kPa s^n, n
    0.4 / 0.35. Squeeze flow at constant volume (R^2 h = V / pi): F = 2 pi tau_y R^3 / (3 h) + K R^(n+3) (-dh/dt)^n /
    h^(2n+1) x 2; where the force does not beat the yield term the gap stays. After the last sample the force is
    released: the flour dough springs back by 6-20% (less after a rest; masa 2%) and the disc's diameter shrinks with
    it. 20 sub-steps a sample. Scatter 1.5% on the gap, 1% on the final size. Returns (force and dough per sample (n,
    16, 10), log gaps (mm) per sample and the log final thickness and diameter (n, 18))."""
    masa = torch.rand(n, generator=gen) < 0.5
    hyd = torch.where(masa, 55 + 7 * torch.rand(n, generator=gen), 35 + 10 * torch.rand(n, generator=gen))
    hyd_rel = torch.where(masa, (hyd - 58.5) / 2.0, (hyd - 40) / 2.9)
    rest = 60 * torch.rand(n, generator=gen)
    mass = 25 + 35 * torch.rand(n, generator=gen)
    temp = 15 + 20 * torch.rand(n, generator=gen)
    bag = torch.rand(n, generator=gen) < 0.5
    vol = mass / 1.15 * 1e-6  # m3
    relax = torch.where(masa, torch.ones(n), 0.7 + 0.3 * torch.exp(-rest / 20))
    dev = hyd - torch.where(masa, 58.5, 40.0)
    tau_y = torch.where(masa, 1200.0, 2000.0) * torch.exp(-dev / 3) * torch.exp(-(temp - 25) / 25) * relax \
        * torch.where(bag, 0.6, 0.85)
    kk = torch.where(masa, 6000.0, 12000.0) * torch.exp(-(temp - 25) / 30) * relax
    nn_ = torch.where(masa, 0.4, 0.35)
    # force traces: one press (a ramp, then held) or two (the second after a release)
    t = torch.arange(TP_STEPS).float().view(1, -1)
    peak1 = 150 + 350 * torch.rand(n, 1, generator=gen)
    rise1 = 1 + 3 * torch.rand(n, 1, generator=gen)
    two = torch.rand(n, 1, generator=gen) < 0.5
    peak2 = peak1 * (0.7 + 0.6 * torch.rand(n, 1, generator=gen))
    press1 = peak1 * (t / rise1).clamp(max=1.0)
    mid = 7 + torch.randint(0, 3, (n, 1), generator=gen).float()
    press2 = torch.where(t < mid, press1, torch.where(t < mid + 2, torch.full_like(press1, 5.0),
                                                      peak2 * ((t - mid - 1) / 2).clamp(max=1.0)))
    force = torch.where(two, press2, press1) * (1 + 0.04 * torch.randn(n, TP_STEPS, generator=gen))
    force = force.clamp_min(2.0)
    h = (6 * vol / math.pi) ** (1 / 3)  # the ball's diameter, m
    gaps = []
    dt = 0.15 / 20
    for s in range(TP_STEPS):
        for _ in range(20):
            r = (vol / (math.pi * h)).sqrt()
            fy = 2 * math.pi * tau_y * r**3 / (3 * h)
            excess = (force[:, s] - fy).clamp_min(0)
            coef = 2 * kk * r ** (nn_ + 3) / h ** (2 * nn_ + 1)
            speed = (excess / coef) ** (1 / nn_)
            h = (h - dt * speed).clamp_min(2e-4)
        gaps.append(h)
    gap = torch.stack(gaps, 1)
    spring = torch.where(masa, torch.full((n,), 0.02), 0.06 + 0.14 * torch.exp(-rest / 15))
    final_h = gap[:, -1] * (1 + spring)
    final_d = 2 * (vol / (math.pi * final_h)).sqrt()
    y = torch.cat([torch.log(gap * 1000) + 0.015 * torch.randn(n, TP_STEPS, generator=gen),
                   (torch.log(final_h * 1000) + 0.01 * torch.randn(n, generator=gen)).view(-1, 1),
                   (torch.log(final_d * 100) + 0.01 * torch.randn(n, generator=gen)).view(-1, 1)], 1)
    static = torch.stack([masa.float() * 2 - 1, hyd_rel / 1.73, (rest - 30) / 17.3, (mass - 42.5) / 10.1,
                          (temp - 25) / 5.8, bag.float() * 2 - 1], 1)
    x = torch.cat([(force / 200 - 1).unsqueeze(2), torch.log(force / 100).unsqueeze(2),
                   (force.diff(dim=1, prepend=force[:, :1]) / 100).unsqueeze(2),
                   (t.expand(n, -1) / TP_STEPS).unsqueeze(2), static.unsqueeze(1).expand(-1, TP_STEPS, -1)], 2)
    return x, y


class PressTransformer(nn.Module):
    """A causal Pre-LN transformer encoder over the 16 force samples (a linear embedding plus a learned position
    embedding, one layer, width 32, 4 heads, feed-forward 64), a linear read-out of the log gap at each sample and of
    the final thickness and diameter from the last sample."""

    def __init__(self, width: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(10, width)
        self.pos = nn.Parameter(torch.zeros(1, TP_STEPS, width))
        layer = nn.TransformerEncoderLayer(width, 4, 2 * width, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(width)
        self.gap = nn.Linear(width, 1)
        self.final = nn.Linear(width, 2)
        self.register_buffer("mask", nn.Transformer.generate_square_subsequent_mask(TP_STEPS), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.norm(self.encoder(self.embed(x) + self.pos, mask=self.mask, is_causal=True))
        return torch.cat([self.gap(h).squeeze(2), self.final(h[:, -1])], 1)


def press_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log gaps and the log final thickness and diameter."""
    return _mse(model, batch)


def tortilla_press(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 32) -> dict[str, Any]:
    """The press transformer on 2048 pressings, targets standardised over them (the gaps with one mean and sd);
    held out: 2048 other pressings in batches of 1024; AdamW (torch's defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(153104)
    x, y = _tp_presses(train_size + 2048, gen)
    gaps = y[:, :TP_STEPS]
    gaps = (gaps - gaps[:train_size].mean()) / gaps[:train_size].std()
    fin = _standardise(y[:, TP_STEPS:], train_size)
    y = torch.cat([gaps, fin], 1)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PressTransformer(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": press_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. basting-brush glaze coverage (Adagrad; long only)

BG_GLAZES = 5  # honey-mustard, maple-brown sugar, barbecue sauce, apricot-soy, pan drippings with butter
BG_BRUSHES = 4  # silicone, natural bristle, nylon, cotton mop
BG_ROASTS = 4  # ham with a scored fat cap, turkey skin, pork loin fat cap, chicken thighs


def _bg_roasts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Basted roasts. The glaze (sugar 45, 65, 40, 55, 5 Brix nominal, +-10; viscosity at 20 C 2, 5, 3, 1.5, 0.05 Pa s,
    falling 3% a degree to 60 C), the brush (holding 1.0, 1.6, 1.2, 2.2 of a base load; silicone's tips skipping the
    surface's texture: coverage x 0.9), the roast (the surface's fat: 0.5 for the scored ham, 0.3, 0.9, 0.4, setting the
    critical film for dewetting 8 + 30 fat um), the oven 150-220 C, 1-6 coats 10-30 min apart, 1-2 dips a coat, the
    surface's mean slope 20-70 degrees, the glaze at 20-60 C. Each coat lays 70 um x the brush's hold x dips; it drains
    by Jeffreys' law h = sqrt(mu x / (rho g sin theta t)) (x 5 cm) until it sets, t_set = 4 min x exp(-(oven - 180) /
    40) x (60 / Brix)^0.5, the viscosity at setting raised by the water lost, but a glaze with a yield stress (mustard,
    barbecue sauce and apricot puree: 4, 6, 2.5 Pa; maple 1, drippings 0; falling 2% a degree) clings at h_y = tau_y /
    (rho g sin theta) where that is thicker; the film kept is the thicker of the two (at most the coat), the rest drips;
    the film dewets where it is thinner than the critical thickness (the covered share of a coat a sigmoid of h / h_c),
    a later coat covering the bare share on top of the earlier. The top's slope is a third of the sides'. The colour: L*
    70 falling with an Arrhenius browning (Ea 100 kJ/mol) of the sugar (Brix / 50) over the basting's minutes (coats x
    interval), scaled by the covered share. Scatter 3% on thickness, 2.5 points of coverage and L* (the visual
    scoring's). Returns (categorical indices (n, 3), numbers (n, 7), outputs (n, 4): coverage (%), log top and side film
    (um), L*)."""
    glaze = torch.randint(0, BG_GLAZES, (n,), generator=gen)
    brush = torch.randint(0, BG_BRUSHES, (n,), generator=gen)
    roast = torch.randint(0, BG_ROASTS, (n,), generator=gen)
    brix = torch.tensor([45.0, 65.0, 40.0, 55.0, 5.0])[glaze] + 10 * (2 * torch.rand(n, generator=gen) - 1)
    brix = brix.clamp(2, 80)
    mu20 = torch.tensor([2.0, 5.0, 3.0, 1.5, 0.05])[glaze] * torch.exp((brix - torch.tensor(
        [45.0, 65.0, 40.0, 55.0, 5.0])[glaze]) / 12)
    hold = torch.tensor([1.0, 1.6, 1.2, 2.2])[brush]
    skip = torch.tensor([0.9, 1.0, 1.0, 1.0])[brush]
    fat = torch.tensor([0.5, 0.3, 0.9, 0.4])[roast]
    oven = 150 + 70 * torch.rand(n, generator=gen)
    coats = torch.randint(1, 7, (n,), generator=gen)
    interval = 10 + 20 * torch.rand(n, generator=gen)
    dips = 1 + torch.rand(n, generator=gen)
    slope = 20 + 50 * torch.rand(n, generator=gen)
    gtemp = 20 + 40 * torch.rand(n, generator=gen)
    mu = mu20 * torch.exp(-0.03 * (gtemp - 20))
    tau_y = torch.tensor([4.0, 1.0, 6.0, 2.5, 0.0])[glaze] * torch.exp(-0.02 * (gtemp - 20))  # Pa
    hc = 8 + 30 * fat
    t_set = 4 * torch.exp(-(oven - 180) / 40) * (60 / brix.clamp_min(5)) ** 0.5  # min
    mu_set = mu * (1 + 3 * brix / 60)
    lay = 70e-6 * hold * dips
    out = []
    for share in (1 / 3, 1.0):  # top, sides
        sin = torch.sin(torch.deg2rad(slope * share)).clamp_min(0.05)
        drain = (mu_set * 0.05 / (1300 * 9.81 * sin * t_set * 60)).sqrt()
        cling = tau_y / (1300 * 9.81 * sin)  # a yield-stress film does not drain below this
        per = torch.minimum(lay, torch.maximum(drain, cling))
        cover = torch.zeros(n)
        film = torch.zeros(n)
        for c in range(6):
            on = (c < coats).float()
            frac = torch.sigmoid((per * 1e6 / hc - 1) * 3) * skip
            cover = cover + on * (1 - cover) * frac
            film = film + on * per * 1e6 * frac
        out.append((cover, film / cover.clamp_min(0.05)))
    cover = 0.5 * (out[0][0] + out[1][0])
    minutes = coats.float() * interval
    brown = (brix / 50) * minutes * torch.exp(-100e3 / 8.314 * (1 / (oven + 273.15) - 1 / 453.15)) / 60
    lstar = 70 - 40 * (1 - torch.exp(-brown)) * cover
    y = torch.stack([100 * cover + 2.5 * torch.randn(n, generator=gen),
                     torch.log(out[0][1].clamp_min(1)) + 0.03 * torch.randn(n, generator=gen),
                     torch.log(out[1][1].clamp_min(1)) + 0.03 * torch.randn(n, generator=gen),
                     lstar + 2.5 * torch.randn(n, generator=gen)], 1)
    num = torch.stack([(brix - 40) / 20, (oven - 185) / 20, (coats.float() - 3.5) / 1.7, (interval - 20) / 5.8,
                       (dips - 1.5) / 0.29, (slope - 45) / 14.4, (gtemp - 40) / 11.5], 1)
    return torch.stack([glaze, brush, roast], 1), num, y


class GlazeNet(nn.Module):
    """Embeddings of the glaze (4), the brush (3) and the roast (3) joined to the seven numbers, a linear layer to the
    width 32, one pre-norm residual block (LayerNorm, linear, GELU, linear), a final LayerNorm and a linear read-out
    of the four outputs."""

    def __init__(self, width: int = 32, blocks: int = 1) -> None:
        super().__init__()
        self.glaze = nn.Embedding(BG_GLAZES, 4)
        self.brush = nn.Embedding(BG_BRUSHES, 3)
        self.roast = nn.Embedding(BG_ROASTS, 3)
        self.inp = nn.Linear(17, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, 4)

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([self.glaze(cat[:, 0]), self.brush(cat[:, 1]), self.roast(cat[:, 2]), num], 1))
        for block in self.blocks:
            h = h + block(h)
        return self.out(self.norm(h))


def glaze_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised coverage, film thicknesses and colour."""
    cat, num, y = batch
    return F.mse_loss(model(cat, num), y)


def basting_glaze(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32) -> dict[str, Any]:
    """The glaze net on 8192 basted roasts, targets standardised over them; held out: 2048 other roasts in batches of
    1024; Adagrad with an initial accumulator of 0.1."""
    gen = torch.Generator().manual_seed(153105)
    cat, num, y = _bg_roasts(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GlazeNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1"),
            "loss_fn": glaze_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. serving-tray spills (Adam)

ST_LEN = 64  # 4 s at 16 Hz
ST_LIQUIDS = 3  # water, beer with a head, wine


def _st_carries(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Carries of a tray with a glass on it, logged by an accelerometer on the tray (16 Hz, 4 s): walking (step
    1.6-2.2 Hz: fore-aft at the step rate, lateral sway at half of it, 0.4-1.6 m/s2), a start or stop ramp, perhaps
    a turn (lateral 1-3 m/s2 for 0.5-1.5 s) and a bump (an impulse of 2-6 m/s2), pitch and roll of the tray (a slow
    wander of 1-4 degrees and the hand's tremor). The glass: radius 3-4.5 cm, liquid 6-14 cm deep, freeboard 4-25
    mm, water (damping ratio 0.01), beer with a head of foam (0.06) or wine (0.015); 0-15 cm from the palm (the tilt
    swinging it up and down: the tray's rotation adds fore-aft acceleration at that lever). The surface's slope at
    the wall follows the first sloshing mode in each horizontal direction, A'' + 2 zeta w A' + w^2 (A - F) = 0,
    w^2 = 1.841 g / R tanh(1.841 d / R), F = a / g + tilt; the glass slides on a wet steel tray when the forcing
    passes mu = 0.25 (not on cork, 0.7), a slide's stop adding a jolt. The rim height of the wave 1.1 R |A|; the
    spill a weir flow 0.6 x 2/3 sqrt(2g) (eta - freeboard)^1.5 over a fifth of the rim. 8 sub-steps a sample.
    Scatter 5% on the spill, 2% on the peak. Returns (traces (n, 4, 64), glass and tray (n, 8), outputs (n, 2):
    log(spill ml + 0.5) and the log peak wave height over the freeboard)."""
    dt_s = 1 / 16
    t = torch.arange(ST_LEN).float().view(1, -1) * dt_s
    f_step = 1.6 + 0.6 * torch.rand(n, 1, generator=gen)
    amp = 0.4 + 1.2 * torch.rand(n, 1, generator=gen)
    ph = 2 * math.pi * torch.rand(n, 2, generator=gen)
    ax = amp * torch.sin(2 * math.pi * f_step * t + ph[:, :1])
    ay = 0.6 * amp * torch.sin(math.pi * f_step * t + ph[:, 1:])
    ramp_kind = torch.randint(0, 3, (n, 1), generator=gen)  # none, start, stop
    ramp_t = 0.5 + 2.5 * torch.rand(n, 1, generator=gen)
    ramp_a = 0.8 + 1.7 * torch.rand(n, 1, generator=gen)
    ramp = ramp_a * torch.exp(-0.5 * ((t - ramp_t) / 0.35) ** 2)
    ax = ax + torch.where(ramp_kind == 1, ramp, torch.where(ramp_kind == 2, -ramp, torch.zeros_like(ramp)))
    turn = (torch.rand(n, 1, generator=gen) < 0.5).float()
    turn_t = 0.5 + 2.5 * torch.rand(n, 1, generator=gen)
    turn_w = 0.25 + 0.5 * torch.rand(n, 1, generator=gen)
    turn_a = (1 + 2 * torch.rand(n, 1, generator=gen)) * torch.sign(torch.rand(n, 1, generator=gen) - 0.5)
    ay = ay + turn * turn_a * torch.sigmoid((t - turn_t) / 0.1) * torch.sigmoid((turn_t + 2 * turn_w - t) / 0.1)
    bump = (torch.rand(n, 1, generator=gen) < 0.4).float()
    bump_t = 0.3 + 3.4 * torch.rand(n, 1, generator=gen)
    bump_a = (2 + 4 * torch.rand(n, 2, generator=gen)) * torch.sign(torch.rand(n, 2, generator=gen) - 0.5)
    pulse = bump * torch.exp(-0.5 * ((t - bump_t) / 0.07) ** 2)
    ax = ax + pulse * bump_a[:, :1]
    ay = ay + pulse * bump_a[:, 1:]
    wander = torch.cumsum(torch.randn(n, 2, ST_LEN, generator=gen), 2) * 0.004
    tilt_amp = torch.deg2rad(1 + 3 * torch.rand(n, 1, 1, generator=gen))
    tilt = tilt_amp * torch.tanh(wander / 0.02) + 0.002 * torch.randn(n, 2, ST_LEN, generator=gen)
    rad = 0.03 + 0.015 * torch.rand(n, generator=gen)
    depth = 0.06 + 0.08 * torch.rand(n, generator=gen)
    free = 0.004 + 0.021 * torch.rand(n, generator=gen)
    liquid = torch.randint(0, ST_LIQUIDS, (n,), generator=gen)
    zeta = torch.tensor([0.01, 0.06, 0.015])[liquid]
    lever = 0.15 * torch.rand(n, generator=gen)
    cork = torch.rand(n, generator=gen) < 0.5
    mu = torch.where(cork, 0.7, 0.25)
    g = 9.81
    w = (1.841 * g / rad * torch.tanh(1.841 * depth / rad)).sqrt()
    tilt_rate2 = torch.diff(tilt, n=2, dim=2, prepend=tilt[:, :, :2]) / dt_s**2
    force = torch.stack([ax, ay], 1) / g + tilt + lever.view(-1, 1, 1) * tilt_rate2 / g
    amp_s = torch.zeros(n, 2)
    vel = torch.zeros(n, 2)
    peak = torch.zeros(n)
    spill = torch.zeros(n)
    slid = torch.zeros(n, 2)
    sub = 8
    h = dt_s / sub
    for i in range(ST_LEN):
        f = force[:, :, i]
        slide = (f.abs() > mu.view(-1, 1)).float()
        jolt = (slid - slide).clamp_min(0) * 0.6 * torch.sign(f)  # a slide stopping
        slid = slide
        f = f * (1 - 0.5 * slide) + jolt
        for _ in range(sub):
            acc = -2 * zeta.view(-1, 1) * w.view(-1, 1) * vel - w.view(-1, 1) ** 2 * (amp_s - f)
            vel = vel + h * acc
            amp_s = amp_s + h * vel
            eta = 1.1 * rad * amp_s.norm(dim=1)
            over = (eta - free).clamp_min(0)
            spill = spill + h * 0.6 * (2 / 3) * math.sqrt(2 * g) * over**1.5 * (2 * math.pi * rad / 5) * 1e6
            peak = torch.maximum(peak, eta)
    y = torch.stack([torch.log(spill * torch.exp(0.05 * torch.randn(n, generator=gen)) + 0.5),
                     torch.log(peak / free) + 0.02 * torch.randn(n, generator=gen)], 1)
    trace = torch.cat([torch.stack([ax, ay], 1) / 2, tilt / 0.04], 1)
    trace = trace + 0.02 * torch.randn(trace.shape, generator=gen)
    glass = torch.cat([torch.stack([(rad - 0.0375) / 0.0043, (depth - 0.1) / 0.023, (free - 0.0145) / 0.006,
                                    (lever - 0.075) / 0.043, cork.float() * 2 - 1], 1),
                       F.one_hot(liquid, ST_LIQUIDS).float()], 1)
    return trace, glass, y


class TrayCNN(nn.Module):
    """A 1-D CNN over the tray's trace: a k5 convolution whose channels get a bias from a linear map of the glass and
    the tray (a FiLM-like conditioning), two strided k5 convolutions (ReLU), the global max and mean joined to the
    glass and the tray again, a hidden layer and a read-out of the two outputs."""

    def __init__(self, width: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.c1 = nn.Conv1d(4, width, 5, padding=2)
        self.cond = nn.Linear(8, width)
        self.c2 = nn.Conv1d(width, width, 5, stride=2, padding=2)
        self.c3 = nn.Conv1d(width, width, 5, stride=2, padding=2)
        self.head = nn.Sequential(nn.Linear(2 * width + 8, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, trace: torch.Tensor, glass: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.c1(trace) + self.cond(glass).unsqueeze(2))
        h = F.relu(self.c3(F.relu(self.c2(h))))
        return self.head(torch.cat([h.amax(2), h.mean(2), glass], 1))


def tray_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log spill and log peak over the freeboard."""
    trace, glass, y = batch
    return F.mse_loss(model(trace, glass), y)


def serving_tray(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16,
                 hidden: int = 32) -> dict[str, Any]:
    """The tray CNN on 2048 carries, targets standardised over them; held out: 2048 other carries in batches of 1024;
    Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(153106)
    trace, glass, y = _st_carries(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (trace[:train_size], glass[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrayCNN(width, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((trace[train_size:], glass[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tray_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("slow_cooker_braise_rmsprop", slow_cooker_braise, 300, "slow_cooker_programme_collagen_cook_loss_gru",
      "rmsprop", "finite", 32, seconds=0.6, start_lr=0.016),
    W("steamer_basket_momentum", steamer_basket, 300, "steamer_basket_loading_map_steam_field_cnn2d",
      "sgd_momentum0.9_wd5e-4", "finite", 64, seconds=2.0, start_lr=0.05),
    W("tortilla_press_adamw", tortilla_press, 300, "tortilla_press_squeeze_flow_gap_preln_transformer", "adamw",
      "finite", 32, seconds=1.5, start_lr=0.032),
    W("serving_tray_spill_adam", serving_tray, 300, "serving_tray_glass_slosh_spill_cnn1d", "adam", "finite", 32,
      seconds=1.0, start_lr=0.016),
)
LONG = (
    W("sous_vide_core_adagrad@long", sous_vide_core, 3000, "sous_vide_slab_series_probe_greybox", "adagrad",
      "finite", 32, seconds=4.0, start_lr=0.16, grid_fractions=(0.0, 0.05)),
    W("basting_glaze_adagrad@long", basting_glaze, 3000, "basting_brush_glaze_drainage_dewetting_resmlp_ln",
      "adagrad_acc0.1", "finite", 64, seconds=3.5, start_lr=0.32, grid_fractions=(0.0, 0.05)),
    W("slow_cooker_braise_rmsprop@long", slow_cooker_braise, 3000, "slow_cooker_programme_collagen_cook_loss_gru",
      "rmsprop", "finite", 32, dict(train_size=8192, hidden=16), seconds=6.0, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="slow_cooker_braise_rmsprop"),
    W("serving_tray_spill_adam@long", serving_tray, 3000, "serving_tray_glass_slosh_spill_cnn1d", "adam", "finite",
      32, dict(train_size=8192, width=12, hidden=24), seconds=7.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="serving_tray_spill_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam153_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-third exam's workloads")
