"""The hundred-and-fortieth exam: six more workload families that neither the suite nor exams 1-138 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam138_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from toast racks and crisping, tea towels and wicking, spice racks and aroma
loss, biscuit tins and moisture ingress, ironing boards and crease removal, and hose reels and kinking (exam 139 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam140/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- toast cooling in a toast rack: a GRU over the 16 minutes after the toast pops (one step a minute: the draught's
  air speed that minute, with the slice, the toasting degree, where it was put and the kitchen's air broadcast) to
  the crispness of the slice's two faces each minute; a cooling slice whose crust dries while hot, then takes up
  water migrating from the crumb and from trapped steam (a plate face) or humid air, crispness from the crust's
  glass transition (Gordon-Taylor) against its temperature; MSE of the standardised crispness; RMSprop (torch's
  defaults)
- ironing a shirt panel on an ironing board: a 2-d CNN (BatchNorm) from the panel's wrinkle-height map, the iron's
  dwell-time and steam maps (its strokes) and the iron, fabric and board (cover reflectivity, padding, mesh or
  solid top) as constant channels to the map of the residual wrinkle height; heat spreading in the cover, a fabric
  relaxation rate rising with temperature (Arrhenius) and moisture, steam venting through a mesh top; MSE of the
  log heights; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- spice-rack aroma loss: embeddings of the spice, its form, the container and the rack's place, with the storage
  months, the kitchen's temperature, the jar's openings and its fill, through a Post-LN residual net (LayerNorm) to
  the log volatile oil left, a sensory aroma score and the colour change; Crank's diffusion out of spheres
  (Arrhenius diffusivity), the released oil lost through the container at its own rate, photo-fading by light
  dose; MSE of the standardised outputs; AdamW (weight decay 1e-2) on the short plan, Adagrad (initial
  accumulator 0.1) on the long one
- biscuit-tin moisture ingress: a grey-box net (an MLP gives a leak rate, Oswin isotherm constants, the starting
  water activity and the critical water activity; a first-order approach to the Oswin equilibrium moisture gives
  the outputs) from the tin or jar, its seal's wear, the biscuit, the fill, the openings a day and the kitchen's
  humidity to the log moisture at days 1-28 and the crispness score at days 7 and 28; data from a half-hourly mass
  balance with a daily humidity cycle; MSE of the standardised outputs; Adam (torch's defaults) on the short plan,
  Adagrad (torch's defaults) on the long one
- tea-towel drying-up (a long plan only): embeddings of the towel's fibre, weave and wash history and of the dish,
  with the towel's weight, the dish's number in the session, the wipe time, the room's humidity and the water's
  temperature, through an MLP to the log water left on the dish, the towel's saturation after it and the log lint
  score; the towel's uptake from a van Genuchten suction and a saturation-limited conductance, the contact angle
  from sizing or softener, beads on hydrophobic dishes; MSE; Adagrad (torch's defaults)
- hose-reel kinking (a long plan only): an MLP classifies pulling a garden hose off a reel (its material, bore and
  wall; the reel type, drum diameter, the pull's angle and length; days on the reel, temperature, pressure) into no
  kink, a kink at the reel's exit and twist loops (hockles) along the run; Brazier's critical curvature (raised by
  pressure and braid) against the exit bend plus the coil set from creep on the drum, and the twist torque from
  pulling off a stationary coil against the loop-forming moment 2 sqrt(B T); cross-entropy; Adagrad (weight decay
  1e-4)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tea-towel and
hose-reel nets (no short plans), the spice net on 8192 jars instead of 4096 (one residual block instead of two;
batch 128 instead of 64) and the biscuit-tin net on 8192 tins instead of 1024, all four with Adagrad.

Of the eight plans, four use Adagrad (all long plans), one RMSprop (toast), one SGD with Nesterov momentum
(ironing), one AdamW (spice) and one Adam (biscuit tin).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam140_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam140/README.md).

    python benchmarks/exam140_workloads.py          # the table
    python benchmarks/exam140_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 140"


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


def _psat(t_c: torch.Tensor) -> torch.Tensor:
    """Saturation vapour pressure of water (kPa) at ``t_c`` degrees C (the Magnus form, from memory)."""
    return 0.61094 * torch.exp(17.625 * t_c / (t_c + 243.04))


# --------------------------------------------------------------------------------------------------------------
# 1. toast cooling and crisping in a toast rack (RMSprop)

TR_MIN = 16  # minutes after the toast pops
TR_SUB = 8  # integration sub-steps a minute
TR_BREADS = 4  # white, wholemeal, sourdough, rye
TR_PLACES = 4  # toast rack, flat on a plate, stacked on another slice, napkin-lined basket


def _tr_toasts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Slices of toast cooling for 16 minutes after they pop. The bread (white, wholemeal, sourdough, rye: crumb
    water 0.62, 0.66, 0.60, 0.72 kg/kg dry solids; the dry crust's glass transition 140, 132, 138, 125 C), slice
    thickness 8-20 mm, toasting degree 0-1 (starting crust water 0.10-0.03 kg/kg, dried crust 0.5-2 mm deep, the
    surface leaving the toaster at 110-140 C). Placed in a toast rack (slot spacing 1-4 cm: the face towards the
    next slice evaporates less), flat on a plate, stacked on another slice or in a napkin-lined basket (the lower
    face's evaporation cut to 5%, 2% or 40%, its trapped steam condensing back into it). Kitchen 18-26 C, RH 30-80%;
    the air speed each minute: a background 0.05-0.15 m/s plus a window opened at a random minute (or never) for a
    random number of minutes at 0.1-1.5 m/s. Per face, Euler steps of 1/8 minute: the surface temperature relaxes
    to the room with a time constant growing with thickness and falling with the air speed (slower on a plate); the
    crust's water gains by migration from the crumb (slower through a deeper crust) and loses by evaporation
    (mass transfer rising with sqrt(air speed), driven by aw(m) psat(T) - RH psat(T_room); aw(m) = 1 - exp(-(m /
    0.09)^1.4)); trapped steam condenses in proportion to the surface's excess temperature. Crispness =
    sigmoid((Tg(m) - T - 10) / 8), Tg by Gordon-Taylor (water -135 C, k 4.5). Constants invented. Scatter 0.05.
    Returns (inputs (n, 16, 14): the minute's air speed and 13 constant features; crispness (n, 16, 2): the upper /
    open face, the lower / inner face)."""
    bread = torch.randint(0, TR_BREADS, (n,), generator=gen)
    crumb = torch.tensor([0.62, 0.66, 0.60, 0.72])[bread]
    tgs = torch.tensor([140.0, 132.0, 138.0, 125.0])[bread]
    thick = 8 + 12 * torch.rand(n, generator=gen)
    degree = torch.rand(n, generator=gen)
    place = torch.randint(0, TR_PLACES, (n,), generator=gen)
    spacing = 1 + 3 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, generator=gen)
    troom = 18 + 8 * torch.rand(n, generator=gen)
    base_v = 0.05 + 0.1 * torch.rand(n, generator=gen)
    t_open = torch.randint(0, TR_MIN + 6, (n,), generator=gen).float()  # 16-21: never within the run
    dur = torch.randint(2, 12, (n,), generator=gen).float()
    v_open = 0.1 + 1.4 * torch.rand(n, generator=gen)
    minutes = torch.arange(TR_MIN).float().view(1, -1)
    window = ((minutes >= t_open.view(-1, 1)) & (minutes < (t_open + dur).view(-1, 1))).float()
    v = base_v.view(-1, 1) + v_open.view(-1, 1) * window  # (n, 16)
    # the lower / inner face's evaporation factor and its trapped-steam share
    inner = torch.stack([spacing / (spacing + 1.5), torch.full((n,), 0.05), torch.full((n,), 0.02),
                         torch.full((n,), 0.4)], 1).gather(1, place.view(-1, 1)).squeeze(1)
    slow = torch.tensor([1.0, 1.6, 2.5, 2.0])[place]
    ff = torch.stack([torch.ones(n), inner], 1)  # (n, 2) per face
    depth = 0.5 + 1.5 * degree
    k_mig = 0.06 * torch.exp(-depth / 1.0) * (thick / 12) ** 0.5
    temp = (110 + 30 * degree).view(-1, 1).repeat(1, 2)
    m = (0.10 - 0.07 * degree).view(-1, 1).repeat(1, 2)
    tau0 = 2.5 * (thick / 12)
    out = []
    dt = 1.0 / TR_SUB
    for minute in range(TR_MIN):
        vm = v[:, minute]
        h = 1 + 2 * vm.sqrt()
        tau = (tau0 * slow * 3 / h).view(-1, 1) * torch.stack([torch.ones(n), 1 / ff[:, 1].clamp_min(0.3) ** 0.3], 1)
        for _ in range(TR_SUB):
            aw = 1 - torch.exp(-(m.clamp_min(1e-4) / 0.09) ** 1.4)
            evap = 0.02 * h.view(-1, 1) * ff * (aw * _psat(temp) - (rh * _psat(troom)).view(-1, 1)) / 10
            cond = 0.004 * (1 - ff) * torch.relu(temp - troom.view(-1, 1)) / 80
            mig = k_mig.view(-1, 1) * (crumb.view(-1, 1) - m)
            m = (m + dt * (mig - evap + cond)).clamp(0.005, 0.6)
            temp = temp - dt * (temp - troom.view(-1, 1)) / tau
        w = m / (1 + m)
        tg = ((1 - w) * tgs.view(-1, 1) + 4.5 * w * (-135.0)) / ((1 - w) + 4.5 * w)
        out.append(torch.sigmoid((tg - temp - 10) / 8))
    y = torch.stack(out, 1) + 0.05 * torch.randn(n, TR_MIN, 2, generator=gen)
    static = torch.cat([F.one_hot(bread, TR_BREADS).float(), F.one_hot(place, TR_PLACES).float(), torch.stack([
        (thick - 14) / 3.5, (degree - 0.5) / 0.29, (spacing - 2.5) / 0.87, (rh - 0.55) / 0.14, (troom - 22) / 2.3],
        1)], 1)
    x = torch.cat([((v - 0.4) / 0.5).unsqueeze(2), static.unsqueeze(1).expand(n, TR_MIN, static.shape[1])], 2)
    return x, y


class CrispGRU(nn.Module):
    """A one-layer GRU over the minutes, a linear head to the two faces' crispness each minute."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(14, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0])


def crisp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised crispness of both faces over the 16 minutes."""
    return _mse(model, batch)


def toast_rack(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The crispness GRU on 2048 toasts, targets standardised (one mean and sd) over them; held out: 2048 other
    toasts in batches of 1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(140101)
    x, y = _tr_toasts(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrispGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": crisp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. ironing a shirt panel on an ironing board (SGD with Nesterov momentum)

IB_GRID = 12  # 2 cm cells: a 24 cm square of the panel
IB_FABRICS = 4  # cotton, linen, poly-cotton, wool
IB_CHANNELS = 11


def _blur(m: torch.Tensor) -> torch.Tensor:
    """Heat spreading in the board's cover: a 3x3 weighted average (centre 4, edges 2, corners 1)."""
    k = torch.tensor([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]).view(1, 1, 3, 3) / 16
    return F.conv2d(F.pad(m.unsqueeze(1), (1, 1, 1, 1), mode="replicate"), k).squeeze(1)


def _ib_panels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A 24 x 24 cm patch of a shirt panel ironed on an ironing board (12 x 12 cells of 2 cm, the board's long axis
    along x). Wrinkles: 3-6 creases, straight ridges at random positions and angles, 1-4 mm high, 0.6-1.5 cells
    wide, and a smooth crumple up to 0.3 mm. The iron: 2-6 strokes along the board, each a band 5 cells wide at a
    random row, over a random span of columns at 5-20 cm/s (dwell 2 / speed seconds a cell a stroke), steam on with
    probability 0.6 at 10-40 g/min; sole plate 110-210 C. The fabric (cotton, linen, poly-cotton, wool: reference
    temperatures 150, 165, 125, 115 C, the temperature at which a crease relaxes at 1 /s); the board's cover
    (reflectivity 0.05-0.65), its padding (2-10 mm) and its top (mesh or solid). Per cell: the fabric's temperature
    approaches the plate's, 1 - exp(-dwell / 1.5 s), raised by the cover's reflection and lowered by padding, with
    heat spreading in the cover (a 3x3 blur); the steam's moisture in the fabric (blurred; x1 with a mesh top, which
    draws the steam through the fabric, x0.5 with a solid one, which deflects it); the relaxation rate exp((T + 60 moisture - T_ref) / 18) (Arrhenius
    near T_ref, from memory); residual height h0 exp(-rate x dwell) plus a re-wrinkle from a solid top's wet spot.
    Constants invented. Scatter 0.05 on the log. Returns (maps (n, 11, 12, 12), log(0.1 + residual mm)
    (n, 1, 12, 12))."""
    g = IB_GRID
    yy, xx = torch.meshgrid(torch.arange(g).float(), torch.arange(g).float(), indexing="ij")
    h0 = torch.zeros(n, g, g)
    count = torch.randint(3, 7, (n,), generator=gen)
    for c in range(6):
        on = (count > c).float().view(-1, 1, 1)
        ang = math.pi * torch.rand(n, generator=gen).view(-1, 1, 1)
        cx, cy = (g * torch.rand(n, 2, generator=gen)).unbind(1)
        amp = (1 + 3 * torch.rand(n, generator=gen)).view(-1, 1, 1)
        wid = (0.6 + 0.9 * torch.rand(n, generator=gen)).view(-1, 1, 1)
        d = (xx - cx.view(-1, 1, 1)) * torch.sin(ang) - (yy - cy.view(-1, 1, 1)) * torch.cos(ang)
        h0 = h0 + on * amp * torch.exp(-0.5 * (d / wid) ** 2)
    crumple = 0.3 * torch.rand(n, 1, 1, generator=gen) * torch.sin(
        xx * (0.5 + torch.rand(n, 1, 1, generator=gen)) + 6 * torch.rand(n, 1, 1, generator=gen)) * torch.cos(
        yy * (0.5 + torch.rand(n, 1, 1, generator=gen)))
    h0 = h0 + crumple.abs()
    dwell = torch.zeros(n, g, g)
    steam = torch.zeros(n, g, g)
    strokes = torch.randint(2, 7, (n,), generator=gen)
    for s in range(6):
        on = (strokes > s).float().view(-1, 1, 1)
        row = torch.randint(-2, g - 2, (n,), generator=gen).float().view(-1, 1, 1)
        c0 = torch.randint(0, g // 2, (n,), generator=gen).float().view(-1, 1, 1)
        c1 = c0 + torch.randint(g // 2, g + 1, (n,), generator=gen).float().view(-1, 1, 1)
        speed = (5 + 15 * torch.rand(n, generator=gen)).view(-1, 1, 1)
        band = ((yy >= row) & (yy < row + 5) & (xx >= c0) & (xx < c1)).float() * on
        d = band * 2 / speed
        dwell = dwell + d
        st = (torch.rand(n, generator=gen) < 0.6).float() * (10 + 30 * torch.rand(n, generator=gen))
        st = st.view(-1, 1, 1)
        steam = steam + d * st / 60
    t_iron = 110 + 100 * torch.rand(n, generator=gen)
    fab = torch.randint(0, IB_FABRICS, (n,), generator=gen)
    t_ref = torch.tensor([150.0, 165.0, 125.0, 115.0])[fab]
    refl = 0.05 + 0.6 * torch.rand(n, generator=gen)
    pad = 2 + 8 * torch.rand(n, generator=gen)
    mesh = (torch.rand(n, generator=gen) < 0.5).float()
    heat = _blur(1 - torch.exp(-dwell / 1.5))
    boost = (1 + 0.35 * refl - 0.02 * (pad - 6)).view(-1, 1, 1)
    temp = 25 + (t_iron.view(-1, 1, 1) - 25) * (heat * boost).clamp(max=1.0)
    vent = (0.5 + 0.5 * mesh).view(-1, 1, 1)
    moist = _blur(steam) * vent
    rate = torch.exp((temp + 60 * moist - t_ref.view(-1, 1, 1)) / 18).clamp(max=50.0)
    resid = h0 * torch.exp(-rate * dwell) + 0.15 * (1 - mesh).view(-1, 1, 1) * _blur(steam).clamp(max=3.0)
    y = torch.log(0.1 + resid) + 0.05 * torch.randn(n, g, g, generator=gen)

    def const(v: torch.Tensor) -> torch.Tensor:
        return v.view(-1, 1, 1).expand(n, g, g)

    x = torch.stack([h0 / 2 - 0.5, dwell - 0.5, steam * 2, const((t_iron - 160) / 29)]
                    + [const(c) for c in F.one_hot(fab, IB_FABRICS).float().unbind(1)]
                    + [const((refl - 0.35) / 0.17), const((pad - 6) / 2.3), const(2 * mesh - 1)], 1)
    return x, y.unsqueeze(1)


class PanelCNN(nn.Module):
    """A small fully convolutional 2-d CNN with BatchNorm: two 3x3 conv-BN-ReLU layers and a 1x1 head."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(IB_CHANNELS, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
            nn.Conv2d(width, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
            nn.Conv2d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def panel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log residual wrinkle heights over the map."""
    return _mse(model, batch)


def ironing_board(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The panel CNN on 2048 ironed patches; held out: 2048 other patches in batches of 512; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(140102)
    x, y = _ib_panels(train_size + 2048, gen)
    y = y - y[:train_size].mean()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PanelCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                    weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": panel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. spice-rack aroma loss (AdamW; Adagrad on the long plan)

SP_SPICES = 12  # cumin, coriander, cinnamon, clove, black pepper, nutmeg, oregano, basil, paprika, chili, cardamom,
#                 ginger
SP_FORMS = 3  # whole, ground, crushed / flakes
SP_CONTAINERS = 6  # glass screw-cap, glass with cork, tin, plastic jar, paper sachet, open bowl
SP_PLACES = 4  # above the stove, by the window, in a cupboard, a wall rack


def _sp_jars(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spices kept on a spice rack, 0.5-24 months (log-uniform). The spice: volatile oil 3, 0.8, 1.5, 15, 2.5, 8, 2.5,
    0.8, 0.3, 0.2, 6, 2 %; a diffusivity factor (leafy herbs high, bark and clove low); a pigment light-sensitivity
    (paprika, chili and the green herbs high). The form: whole, ground, crushed (particle radius 2.0, 0.15, 0.5 mm).
    The container: permeance 0.02, 0.08, 0.04, 0.15, 0.5, 3 a month, light transmission 1, 1, 0, 0.8, 0.2, 1. The
    place: above the stove (+6 C, light 0.3), by the window (+3 C, light 1), a cupboard (+0 C, light 0.02), a wall
    rack (+1 C, light 0.3); the kitchen 16-26 C; openings 0-14 a week; fill 10-100%. The oil leaves the particles by
    diffusion out of a sphere (Crank's series, its short-time form below tau = 0.05), diffusivity Arrhenius in
    temperature (60 kJ/mol); the released share is lost through the container at k t / (1 + k t) (k: the permeance
    plus the openings' headspace exchange, larger with an emptier jar); light oxidises 2% a month at full light.
    Aroma score 10 sqrt(oil % left / (1 + oil % left)); colour change dE = 6 sens (light x transmission x months)^0.7
    exp(0.03 (T - 20)). Constants invented. Scatter 8% (oil), 0.2 (aroma), 12% (dE). Returns (categorical (n, 4),
    numeric (n, 4), targets (n, 3): log oil left (%), aroma, log(1 + dE))."""
    spice = torch.randint(0, SP_SPICES, (n,), generator=gen)
    form = torch.randint(0, SP_FORMS, (n,), generator=gen)
    cont = torch.randint(0, SP_CONTAINERS, (n,), generator=gen)
    place = torch.randint(0, SP_PLACES, (n,), generator=gen)
    months = 0.5 * 48 ** torch.rand(n, generator=gen)
    tk = 16 + 10 * torch.rand(n, generator=gen)
    opens = 14 * torch.rand(n, generator=gen)
    fill = 0.1 + 0.9 * torch.rand(n, generator=gen)
    oil0 = torch.tensor([3.0, 0.8, 1.5, 15.0, 2.5, 8.0, 2.5, 0.8, 0.3, 0.2, 6.0, 2.0])[spice]
    drel = torch.tensor([1.0, 1.2, 0.6, 0.5, 0.8, 0.7, 3.0, 3.5, 1.5, 1.5, 0.9, 1.1])[spice]
    sens = torch.tensor([0.2, 0.2, 0.2, 0.1, 0.1, 0.2, 1.0, 1.2, 1.5, 1.4, 0.6, 0.5])[spice]
    radius = torch.tensor([2.0, 0.15, 0.5])[form]
    perm = torch.tensor([0.02, 0.08, 0.04, 0.15, 0.5, 3.0])[cont]
    trans = torch.tensor([1.0, 1.0, 0.0, 0.8, 0.2, 1.0])[cont]
    dtemp = torch.tensor([6.0, 3.0, 0.0, 1.0])[place]
    light = torch.tensor([0.3, 1.0, 0.02, 0.3])[place]
    temp = tk + dtemp
    diff = 1.9e-4 * drel * torch.exp(-60e3 / 8.314 * (1 / (temp + 273.15) - 1 / 293.15))
    tau = diff * months / radius**2
    series = sum(torch.exp(-(k**2) * math.pi**2 * tau) / k**2 for k in range(1, 6)) * 6 / math.pi**2
    short = 1 - 6 * (tau / math.pi).sqrt() + 3 * tau
    inside = torch.where(tau < 0.05, short, series).clamp(1e-4, 1)
    k = perm + opens * 4.3 * 0.004 * (1.2 - fill)
    lost = (1 - inside) * (k * months / (1 + k * months))
    left = (1 - lost) * torch.exp(-0.02 * light * trans * months)
    oil = oil0 * left * torch.exp(0.08 * torch.randn(n, generator=gen))
    aroma = 10 * (oil / (1 + oil)).sqrt() + 0.2 * torch.randn(n, generator=gen)
    de = 6 * sens * (light * trans * months) ** 0.7 * torch.exp(0.03 * (temp - 20))
    de = de * torch.exp(0.12 * torch.randn(n, generator=gen))
    cat = torch.stack([spice, form, cont, place], 1)
    num = torch.stack([(torch.log(months) - math.log(0.5 * 48**0.5)) / 1.12, (tk - 21) / 2.9, (opens - 7) / 4.0,
                       (fill - 0.55) / 0.26], 1)
    return cat, num, torch.stack([torch.log(oil), aroma, torch.log1p(de)], 1)


class SpiceNet(nn.Module):
    """Embeddings of the spice, form, container and place (one table, 6 dimensions a field, the fields' offsets
    added to the codes) with the numeric inputs, a linear stem and Post-LN residual blocks (Linear, GELU, Linear,
    the sum normalised by a LayerNorm), a linear head to the three targets."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.emb = nn.Embedding(SP_SPICES + SP_FORMS + SP_CONTAINERS + SP_PLACES, 6)
        self.register_buffer("offsets", torch.tensor([0, SP_SPICES, SP_SPICES + SP_FORMS,
                                                      SP_SPICES + SP_FORMS + SP_CONTAINERS]))
        self.stem = nn.Linear(4 * 6 + 4, width)
        self.blocks = nn.ModuleList([nn.Sequential(nn.Linear(width, 2 * width), nn.GELU(), nn.Linear(2 * width, width))
                                     for _ in range(blocks)])
        self.norms = nn.ModuleList([nn.LayerNorm(width) for _ in range(blocks)])
        self.head = nn.Linear(width, 3)

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        h = self.stem(torch.cat([self.emb(cat + self.offsets).flatten(1), num], 1))
        for block, norm in zip(self.blocks, self.norms):
            h = norm(h + block(h))
        return self.head(h)


def aroma_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log oil left, aroma score and log(1 + colour change)."""
    cat, num, y = batch
    return F.mse_loss(model(cat, num), y)


def _spice_parts(train_size: int) -> tuple[tuple[torch.Tensor, ...], list[tuple[torch.Tensor, ...]]]:
    gen = torch.Generator().manual_seed(140103)
    cat, num, y = _sp_jars(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    return tr, split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024)


def spice_rack(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32,
               blocks: int = 2) -> dict[str, Any]:
    """The aroma net on 4096 jars, targets standardised over them; held out: 4096 other jars in batches of 1024;
    AdamW with weight decay 1e-2 (torch's other defaults: betas 0.9 / 0.999, eps 1e-8)."""
    tr, ev = _spice_parts(train_size)
    torch.manual_seed(seed)
    return {"model": SpiceNet(width, blocks), "data": loader(*tr, batch_size=batch_size), "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2"),
            "loss_fn": aroma_mse, "train_pool": tr}


def spice_rack_adagrad(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32,
                       blocks: int = 1) -> dict[str, Any]:
    """The aroma net on 8192 jars (the long plan), held out as above; Adagrad with an initial accumulator of 0.1
    (the embedding-model convention; torch's other defaults: lr_decay 0, eps 1e-10, no weight decay)."""
    parts = spice_rack(batch_size, seed, train_size, width, blocks)
    parts["optimizer"] = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1")
    return parts


# --------------------------------------------------------------------------------------------------------------
# 4. biscuit-tin moisture ingress, a grey-box net (Adam; Adagrad on the long plan)

BT_TINS = 6  # press-fit metal tin, screw-top glass jar, clip-top jar with a seal, plastic tub, ceramic cookie jar,
#               the packet folded over
BT_BISCUITS = 5  # shortbread, digestive, ginger nut, cream cracker, wafer
BT_DAYS = (1.0, 2.0, 4.0, 7.0, 14.0, 28.0)
BT_STEPS = 48  # integration steps a day


def _oswin_aw(m: torch.Tensor, k: torch.Tensor, nn_: torch.Tensor) -> torch.Tensor:
    """The water activity at moisture ``m`` (% dry basis) on the Oswin isotherm m = k (aw / (1 - aw))^n."""
    q = (m / k).clamp_min(1e-6) ** (1 / nn_)
    return q / (1 + q)


def _bt_tins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Biscuits kept 28 days in a tin or jar in a kitchen. The container (press-fit metal tin, screw-top glass jar,
    clip-top jar with a silicone seal, plastic tub, ceramic cookie jar with a loose lid, the packet folded over: a
    leak conductance 1.0, 0.15, 0.05, 0.6, 4, 8 % dry basis a day per unit aw for a full tin), the seal's wear 0-1
    (the sealed ones leak up to 5x more), the biscuit (shortbread, digestive, ginger nut, cream cracker, wafer:
    Oswin k 2.0, 3.0, 2.5, 3.5, 4.0 % and n 0.45, 0.40, 0.38, 0.42, 0.50; the critical aw at which crispness goes
    0.45, 0.50, 0.55, 0.42, 0.38), starting aw 0.15-0.30, fill 20-100% (less biscuit to wet per leak), the lid opened
    0-6 times a day (each adds an exchange that grows with the headspace), the kitchen's mean RH 40-80% and its daily
    swing +-0-15%. The mass balance dM/dt = G (RH(t) - aw(M)) / fill, integrated in 48 steps a day. Outputs: log
    moisture (% db) at days 1, 2, 4, 7, 14, 28 and a crispness score 10 sigmoid((aw_c - aw) / 0.04) at days 7 and 28.
    Constants invented. Scatter 1.5% (moisture), 0.2 (score). Returns (features (n, 16), the logit of the mean RH and
    the fill (n, 2),
    targets (n, 8))."""
    tin = torch.randint(0, BT_TINS, (n,), generator=gen)
    bis = torch.randint(0, BT_BISCUITS, (n,), generator=gen)
    wear = torch.rand(n, generator=gen)
    aw0 = 0.15 + 0.15 * torch.rand(n, generator=gen)
    fill = 0.2 + 0.8 * torch.rand(n, generator=gen)
    opens = 6 * torch.rand(n, generator=gen)
    rh = 0.4 + 0.4 * torch.rand(n, generator=gen)
    swing = 0.15 * torch.rand(n, generator=gen)
    g0 = torch.tensor([1.0, 0.15, 0.05, 0.6, 4.0, 8.0])[tin]
    sealed = torch.tensor([1.0, 1.0, 1.0, 1.0, 0.0, 0.0])[tin]
    kk = torch.tensor([2.0, 3.0, 2.5, 3.5, 4.0])[bis]
    nn_ = torch.tensor([0.45, 0.40, 0.38, 0.42, 0.50])[bis]
    awc = torch.tensor([0.45, 0.50, 0.55, 0.42, 0.38])[bis]
    g = g0 * (1 + 4 * wear * sealed) + 0.25 * opens * (1.2 - fill)
    m = kk * (aw0 / (1 - aw0)) ** nn_
    dt = 1.0 / BT_STEPS
    moist, crisp = [], []
    want = {round(d * BT_STEPS) for d in BT_DAYS}
    for step in range(1, round(28 * BT_STEPS) + 1):
        t = step * dt
        rh_t = (rh + swing * math.sin(2 * math.pi * t)).clamp(0.1, 0.95)
        rate = g / fill
        # a semi-implicit step: the relaxation toward the air's equilibrium moisture, linearised about m
        aw = _oswin_aw(m, kk, nn_)
        slope = kk * nn_ * (aw / (1 - aw)) ** nn_ / (aw * (1 - aw))
        m = m + dt * rate * (rh_t - aw) / (1 + dt * rate / slope)
        if step in want:
            moist.append(m)
            if step in (7 * BT_STEPS, 28 * BT_STEPS):
                crisp.append(10 * torch.sigmoid((awc - _oswin_aw(m, kk, nn_)) / 0.04))
    y = torch.cat([torch.log(torch.stack(moist, 1)) + 0.015 * torch.randn(n, 6, generator=gen),
                   torch.stack(crisp, 1) + 0.2 * torch.randn(n, 2, generator=gen)], 1)
    x = torch.cat([F.one_hot(tin, BT_TINS).float(), F.one_hot(bis, BT_BISCUITS).float(), torch.stack([
        (wear - 0.5) / 0.29, (fill - 0.6) / 0.23, (opens - 3) / 1.73, (rh - 0.6) / 0.115], 1)], 1)
    return torch.cat([x, ((swing - 0.075) / 0.043).view(-1, 1)], 1), torch.stack([torch.logit(rh), fill], 1), y


class IngressGreyBox(nn.Module):
    """An MLP from the tin, biscuit and kitchen to five physical parameters (log leak rate, log Oswin k, Oswin n,
    the starting and the critical aw), then the known law: a first-order approach of the moisture to the Oswin
    equilibrium at the mean RH, at the rate G / (fill x the isotherm's slope there); the crispness score from the
    aw at days 7 and 28. The outputs are standardised with the training pool's means and sds (buffers)."""

    def __init__(self, hidden: int = 32, mean: torch.Tensor | None = None, sd: torch.Tensor | None = None) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 5))
        self.register_buffer("days", torch.tensor(BT_DAYS).view(1, -1))
        # the parameters' ranges: log rate -4..6, log k log(3) -+0.9, n 0.3..0.6, logit aw0 -2.2..-0.4, aw_c 0.3..0.65
        self.register_buffer("low", torch.tensor([-4.0, math.log(3.0) - 0.9, 0.3, -2.2, 0.3]))
        self.register_buffer("span", torch.tensor([10.0, 1.8, 0.3, 1.8, 0.35]))
        self.register_buffer("mean", mean if mean is not None else torch.zeros(8))
        self.register_buffer("sd", sd if sd is not None else torch.ones(8))

    def forward(self, x: torch.Tensor, raw: torch.Tensor) -> torch.Tensor:
        q = self.low + self.span * torch.sigmoid(self.net(x))
        lrate, lk, n, la0, lac = q.unbind(1)  # log rate, log k, n, logit aw0, the critical aw
        lrh, fill = raw.unbind(1)
        lmid = 0.5 * (lrh + la0)
        aw_mid = torch.sigmoid(lmid)
        m_eq = torch.exp(lk + n * lrh)
        m0 = torch.exp(lk + n * la0)
        # the rate over fill x the isotherm's slope dm / daw at the midpoint
        k_t = torch.exp(lrate - lk - n * lmid) * aw_mid * (1 - aw_mid) / (n * fill)
        m = m_eq.unsqueeze(1) + (m0 - m_eq).unsqueeze(1) * torch.exp(-k_t.unsqueeze(1) * self.days)
        lm = torch.log(m)
        aw = torch.sigmoid((lm[:, 3::2] - lk.unsqueeze(1)) / n.unsqueeze(1))  # days 7 and 28, the isotherm inverted
        crisp = 10 * torch.sigmoid((lac.unsqueeze(1) - aw) / 0.04)
        return (torch.cat([lm, crisp], 1) - self.mean) / self.sd


def ingress_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log moistures and crispness scores."""
    x, raw, y = batch
    return F.mse_loss(model(x, raw), y)


def biscuit_tin(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The grey-box ingress net on 1024 tins, targets standardised over them; held out: 4096 other tins in batches
    of 1024; Adam (torch's defaults: betas 0.9 / 0.999, eps 1e-8)."""
    gen = torch.Generator().manual_seed(140104)
    x, raw, y = _bt_tins(train_size + 4096, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (x[:train_size], raw[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": IngressGreyBox(hidden, mean, sd), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], raw[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": ingress_mse, "train_pool": tr}


def biscuit_tin_adagrad(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                        hidden: int = 32) -> dict[str, Any]:
    """The grey-box ingress net on 8192 tins (the long plan), held out as above; Adagrad (torch's defaults:
    lr_decay 0, initial accumulator 0, eps 1e-10, no weight decay)."""
    parts = biscuit_tin(batch_size, seed, train_size, hidden)
    parts["optimizer"] = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    return parts


# --------------------------------------------------------------------------------------------------------------
# 5. tea-towel drying-up (Adagrad; long only)

TT_FIBRES = 6  # cotton, linen, half-linen, microfibre, bamboo viscose, polyester-cotton
TT_WEAVES = 4  # plain, twill, waffle, terry
TT_HISTORY = 4  # new (sized), washed with softener, washed without, old and worn
TT_DISHES = 6  # glass, china, stainless steel, plastic, non-stick pan, wooden board


def _tt_vg_suction(s: torch.Tensor) -> torch.Tensor:
    """A van Genuchten suction (n = 2, m = 1/2) at the effective saturation ``s``, capped at 6."""
    se = (0.05 + 0.9 * s).clamp(0.05, 0.95)
    return ((se ** -2 - 1).clamp_min(0) ** 0.5).clamp(max=6.0)


def _tt_wipes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Drying up after a wash: dish number k (1-30) of a session dried with one tea towel. The fibre (cotton, linen,
    half-linen, microfibre, bamboo viscose, polyester-cotton: a wicking factor 1.0, 1.3, 1.15, 1.6, 1.4, 0.6, water
    held 2.2, 1.8, 2.0, 3.5, 3.0, 1.2 g per g, lint 0.6, 0.3, 0.45, 0.05, 0.3, 0.2); the weave (plain, twill, waffle,
    terry: capacity x0.8, 1.0, 1.4, 1.8, contact x1.0, 1.05, 1.2, 0.9, lint x0.7, 0.9, 1.0, 1.6); the history (new
    with its sizing, washed with softener, washed without, old: contact angle 80, 75, 30, 20 degrees; the old one
    holding 15% less and shedding more); 150-350 g/m2 (0.35 m2); the dish (glass, china, steel, plastic, non-stick,
    wood: a water film of 3, 3.5, 4, 2.5, 5, 6 g, a beading share 0.05, 0.05, 0.1, 0.5, 0.4, 0 that a wipe picks up
    at 30% of the film's rate; wood keeps 30% of what is left soaked in). A wipe of 2-10 s picks up 1 - exp(-rate t)
    of the film, rate 0.35 x wicking x contact x cos(angle) x the van Genuchten suction at the towel's saturation x
    (1 - S)^1.5; the k - 1 dishes before it (4 g films, the same wipe) load the towel, drying a little between
    dishes at the room's humidity (30-80%); hot rinse water (30-60 C) evaporates 0-30% of what is left. Outputs: log
    water left on the dish (g), the towel's saturation after it, the log lint score. Constants invented. Scatter 5%
    (water), 0.02 (S), 10% (lint). Returns (categorical (n, 4), numeric (n, 5), targets (n, 3))."""
    fib = torch.randint(0, TT_FIBRES, (n,), generator=gen)
    weave = torch.randint(0, TT_WEAVES, (n,), generator=gen)
    hist = torch.randint(0, TT_HISTORY, (n,), generator=gen)
    dish = torch.randint(0, TT_DISHES, (n,), generator=gen)
    gsm = 150 + 200 * torch.rand(n, generator=gen)
    k = torch.randint(1, 31, (n,), generator=gen)
    wipe = 2 + 8 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, generator=gen)
    tw = 30 + 30 * torch.rand(n, generator=gen)
    wick = torch.tensor([1.0, 1.3, 1.15, 1.6, 1.4, 0.6])[fib] * torch.tensor([1.0, 1.05, 1.2, 0.9])[weave]
    held = torch.tensor([2.2, 1.8, 2.0, 3.5, 3.0, 1.2])[fib] * torch.tensor([0.8, 1.0, 1.4, 1.8])[weave]
    held = held * torch.tensor([1.0, 1.0, 1.0, 0.85])[hist]
    lint = torch.tensor([0.6, 0.3, 0.45, 0.05, 0.3, 0.2])[fib] * torch.tensor([0.7, 0.9, 1.0, 1.6])[weave]
    lint = lint * torch.tensor([1.8, 0.8, 1.0, 1.5])[hist]
    cos = torch.cos(torch.deg2rad(torch.tensor([80.0, 75.0, 30.0, 20.0])[hist]))
    cap = held * gsm * 0.35  # g of water the towel holds
    film = torch.tensor([3.0, 3.5, 4.0, 2.5, 5.0, 6.0])[dish]
    bead = torch.tensor([0.05, 0.05, 0.1, 0.5, 0.4, 0.0])[dish]
    soak = torch.tensor([0.0, 0.0, 0.0, 0.0, 0.0, 0.3])[dish]
    dry = 0.004 * (1 - rh) * cap  # g lost between dishes

    def rate(s: torch.Tensor) -> torch.Tensor:
        return 0.35 * wick * cos * _tt_vg_suction(s) * (1 - s).clamp_min(0) ** 1.5

    water = torch.zeros(n)
    for j in range(30):
        before = (j < k - 1).float()
        s = water / cap
        f = 1 - torch.exp(-rate(s) * wipe)
        water = (water + before * (4.0 * (0.9 * f + 0.1 * 0.3 * f) - dry)).clamp(0, None)
        water = torch.minimum(water, 0.98 * cap)
    s = water / cap
    r = rate(s)
    f = 1 - torch.exp(-r * wipe)
    fb = 1 - torch.exp(-0.3 * r * wipe)
    picked = film * ((1 - bead) * f + bead * fb)
    left = (film - picked) * (1 - 0.3 * (tw - 30) / 30 * (1 - rh) * (1 - soak))
    s_after = ((water + picked) / cap).clamp(max=1.0)
    lint_score = lint * (1 + 0.5 * (dish == 0).float()) * (1 + 0.5 * s_after) * wipe**0.5
    y = torch.stack([torch.log(0.05 + left * torch.exp(0.05 * torch.randn(n, generator=gen))),
                     s_after + 0.02 * torch.randn(n, generator=gen),
                     torch.log(lint_score * torch.exp(0.1 * torch.randn(n, generator=gen)))], 1)
    cat = torch.stack([fib, weave, hist, dish], 1)
    num = torch.stack([(gsm - 250) / 58, (k.float() - 15.5) / 8.7, (wipe - 6) / 2.3, (rh - 0.55) / 0.14,
                       (tw - 45) / 8.7], 1)
    return cat, num, y


class TowelNet(nn.Module):
    """Embeddings of the fibre, weave, history and dish (one table, 4 dimensions a field, the fields' offsets added
    to the codes) with the numeric inputs, a ReLU MLP to the three targets."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(TT_FIBRES + TT_WEAVES + TT_HISTORY + TT_DISHES, 4)
        self.register_buffer("offsets", torch.tensor([0, TT_FIBRES, TT_FIBRES + TT_WEAVES,
                                                      TT_FIBRES + TT_WEAVES + TT_HISTORY]))
        self.net = nn.Sequential(nn.Linear(4 * 4 + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(cat + self.offsets).flatten(1), num], 1))


def towel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log water left, saturation and log lint."""
    cat, num, y = batch
    return F.mse_loss(model(cat, num), y)


def tea_towel(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The towel net on 8192 wipes, targets standardised over them; held out: 4096 other wipes in batches of 1024;
    Adagrad (torch's defaults: lr_decay 0, initial accumulator 0, eps 1e-10, no weight decay)."""
    gen = torch.Generator().manual_seed(140105)
    cat, num, y = _tt_wipes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TowelNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": towel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. hose-reel kinking (Adagrad; long only)

HR_MATERIALS = 5  # PVC, braided PVC, rubber, polyurethane, hybrid polymer
HR_BORES = 3  # 12.7, 15.9, 19 mm
HR_REELS = 4  # wall-mounted drum, hose cart, stationary coil / pot, auto-retract
HR_CLASSES = 3  # no kink, a kink at the reel's exit, twist loops (hockles) along the run


def _hr_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pulling a garden hose off a reel. The hose: PVC, braided PVC, rubber, polyurethane, hybrid (E at 20 C 12, 20,
    6, 25, 10 MPa, stiffening 7, 6, 2, 4, 4 % a degree colder; coil-set tendency 1.0, 0.8, 0.3, 0.5, 0.6; a braid or
    cord factor on the kink curvature 1.0, 1.8, 1.3, 1.2, 1.4), bore 12.7, 15.9 or 19 mm, wall 2-3.5 mm. The reel:
    wall-mounted drum, hose cart (both rotate: 5% of a turn of twist per turn, plus up to 2 turns a drum turn as an
    angled pull rolls the hose over the guide), a stationary coil / pot (a full turn
    of twist per turn pulled off), auto-retract (no twist, 15 N back tension); exit guide radius 8, 5, 30, 3 cm;
    drum diameter 15-45 cm; the pull's angle to the exit 0-80 degrees; 5-30 m pulled; days on the reel 0.1-100
    (log); 0-35 C; water pressure 0-5 bar. Brazier's critical curvature (from memory, constant invented) 0.3 t / r^2
    x the braid factor x (1 + 6 p r / (E t)); the coil set's curvature set x 2 / D, set = tendency (1 - exp(-(days
    / tau)^0.35)), tau 30 days falling 5% a degree warmer; the exit curvature (angle / 80)^1.5 / R_guide + the set.
    Twist loops when the twist torque G J (twist per length, 2 x factor / D) passes the loop-forming moment 2 sqrt(B
    T) (B = E pi r^3 t, T: ground friction 0.5 x the hose's weight pulled, full of water under pressure, plus the
    back tension), lowered by the set. Each margin with 12% lognormal scatter; an exit kink first, then loops.
    Returns (features (n, 19), classes)."""
    mat = torch.randint(0, HR_MATERIALS, (n,), generator=gen)
    bore_i = torch.randint(0, HR_BORES, (n,), generator=gen)
    reel = torch.randint(0, HR_REELS, (n,), generator=gen)
    wall = 2 + 1.5 * torch.rand(n, generator=gen)
    drum = 150 + 300 * torch.rand(n, generator=gen)  # mm
    angle = 80 * torch.rand(n, generator=gen)
    length = 5 + 25 * torch.rand(n, generator=gen)  # m
    days = 0.1 * 1000 ** torch.rand(n, generator=gen)
    temp = 35 * torch.rand(n, generator=gen)
    press = 5 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.6).float()  # bar; tap off 40%
    e20 = torch.tensor([12.0, 20.0, 6.0, 25.0, 10.0])[mat]
    stiff = torch.tensor([0.07, 0.06, 0.02, 0.04, 0.04])[mat]
    tend = torch.tensor([1.0, 0.8, 0.3, 0.5, 0.6])[mat]
    braid = torch.tensor([1.0, 1.8, 1.3, 1.2, 1.4])[mat]
    bore = torch.tensor([12.7, 15.9, 19.0])[bore_i]
    twist_f = torch.tensor([0.05, 0.05, 1.0, 0.0])[reel]
    guide = torch.tensor([80.0, 50.0, 300.0, 30.0])[reel]
    back = torch.tensor([0.0, 0.0, 0.0, 15.0])[reel]
    e = e20 * torch.exp(stiff * (20 - temp))  # MPa
    r = bore / 2 + wall / 2  # mm
    p = press * 0.1  # MPa
    kappa_c = 0.3 * wall / r**2 * braid * (1 + 6 * p * r / (e * wall))
    tau = 30 * torch.exp(-0.05 * (temp - 20))
    setf = tend * (1 - torch.exp(-((days / tau) ** 0.35)))
    kappa_set = setf * 2 / drum
    kappa_exit = (angle / 80) ** 1.5 / guide + kappa_set
    noise = [0.12 * torch.randn(n, generator=gen) for _ in range(2)]
    exit_kink = torch.log(kappa_c / kappa_exit) + noise[0] < 0
    bend = e * math.pi * r**3 * wall  # N mm2
    roll = torch.tensor([2.0, 2.0, 0.0, 0.0])[reel] * angle / 80  # an angled pull rolls the hose over the guide
    twist = 2 * (twist_f + roll) / drum + 1e-5  # rad / mm
    torque = e / 3 * 2 * math.pi * r**3 * wall * twist  # N mm
    w = 9.81e-6 * (0.4 * wall * r + (press > 0).float() * math.pi * (bore / 2) ** 2 * 1e-3)  # N / mm, invented
    tension = 0.5 * w * length * 1000 + back  # N
    m_c = 2 * (bend * tension).sqrt() * (1 - 0.5 * setf)
    hockle = torch.log(m_c / torque) + noise[1] < 0
    y = torch.zeros(n, dtype=torch.long)
    y[hockle] = 2
    y[exit_kink] = 1
    x = torch.cat([F.one_hot(mat, HR_MATERIALS).float(), F.one_hot(bore_i, HR_BORES).float(),
                   F.one_hot(reel, HR_REELS).float(), torch.stack([
                       (wall - 2.75) / 0.43, (drum - 300) / 87, (angle - 40) / 23, (length - 17.5) / 7.2,
                       (torch.log10(days) - 0.5) / 0.87, (temp - 17.5) / 10.1, (press - 1.5) / 1.8], 1)], 1)
    return x, y


class KinkNet(nn.Module):
    """A ReLU MLP from the hose, reel and pull to the three outcome logits."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(19, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, HR_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def kink_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the kink outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def hose_reel(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The kink classifier on 8192 pulls; held out: 4096 other pulls in batches of 1024; Adagrad with weight decay
    1e-4 (torch's other defaults: lr_decay 0, initial accumulator 0, eps 1e-10)."""
    gen = torch.Generator().manual_seed(140106)
    x, y = _hr_pulls(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KinkNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, weight_decay=1e-4),
                                "adagrad_wd1e-4"),
            "loss_fn": kink_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("toast_rack_crisping_rmsprop", toast_rack, 300, "toast_rack_cooling_crust_crispness_gru", "rmsprop", "finite",
      64, seconds=1.0, start_lr=0.016),
    W("ironing_board_panel_nesterov", ironing_board, 300, "ironing_board_panel_wrinkle_map_cnn2d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=1.2, start_lr=0.1),
    W("spice_rack_aroma_adamw", spice_rack, 300, "spice_rack_aroma_loss_embedding_resnet_ln", "adamw_wd1e-2",
      "finite", 64, seconds=0.8, start_lr=0.032),
    W("biscuit_tin_ingress_adam", biscuit_tin, 300, "biscuit_tin_moisture_ingress_oswin_greybox", "adam", "finite",
      32, seconds=0.5, start_lr=0.064),
)
LONG = (
    W("tea_towel_wicking_adagrad@long", tea_towel, 3000, "tea_towel_drying_up_van_genuchten_embedding_mlp",
      "adagrad", "finite", 32, seconds=2.6, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("hose_reel_kinking_adagrad@long", hose_reel, 3000, "hose_reel_unreeling_kink_hockle_mlp", "adagrad_wd1e-4",
      "finite", 32, seconds=2.3, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("spice_rack_aroma_adagrad@long", spice_rack_adagrad, 3000, "spice_rack_aroma_loss_embedding_resnet_ln",
      "adagrad_acc0.1", "finite", 128, seconds=3.3, start_lr=1.024, grid_fractions=(0.0, 0.05),
      long_of="spice_rack_aroma_adamw"),
    W("biscuit_tin_ingress_adagrad@long", biscuit_tin_adagrad, 3000, "biscuit_tin_moisture_ingress_oswin_greybox",
      "adagrad", "finite", 32, seconds=3.8, start_lr=0.256, grid_fractions=(0.0, 0.05),
      long_of="biscuit_tin_ingress_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam140_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fortieth exam's workloads")
