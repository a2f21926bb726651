"""The hundred-and-nineteenth exam: six more workload families that neither the suite nor exams 1-118 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam118_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from spatulas and scraping force, garlic presses and extrusion, ice-cube trays
and freezing time, can openers and cutting torque, doorbells and chime decay, and wind socks and wind-speed reading
(exam 120 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam119/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- spatula scraping: categorical embeddings (the spatula's material, the pan's surface, the food) and six test
  conditions into a residual MLP with LayerNorm, to the log peak scraping force, the logit of the residue left and
  the log tip deflection; the blade as a cantilever (its deflection flattening the scraping angle), a Kendall-peel
  adhesion term over (1 - cos angle), Coulomb friction and a viscous film whose thickness (lubrication theory) sets
  the residue; MSE of the standardised outputs; NAdam (torch's defaults)
- garlic-press extrusion: a 1-D CNN (two strided conv blocks, GroupNorm after the first) reads the handle force
  over the press's stroke (48 points) and returns the clove's log firmness, its log mass and the extruded fraction;
  a Hertz-like compression of the clove,
  then extrusion through the hole plate at a pressure sigma_y (ln R + 2 mu L / d) rising with the plunger's speed,
  then the skin and fibre residue compacting; the lever's mechanical advantage varying over the stroke; MSE of the
  standardised targets; AdamW (torch's defaults: weight decay 1e-2)
- doorbell chime faults: a 1-D CNN with BatchNorm reads the level envelopes (dB, 64 frames of 40 ms) of the two
  tone bars' bands of a ding-dong chime and classifies the chime as healthy, worn damper felt, sticky plunger,
  cracked tone bar, loose housing or weak transformer; exponential decays (T60) of the bars with room reverberation
  and a noise floor, each fault changing the decay, the strikes or the floor; cross-entropy; SGD with Nesterov
  momentum 0.9 and weight decay 5e-4
- wind-sock reading: a bidirectional LSTM over 12 frames (4 s apart) of a wind sock seen by a camera (its
  elevation, azimuth and flutter, and whether it is wet) to the log wind speed at each frame; gusty wind as AR(1)
  speed and direction, the sock's elevation as a first-order lag toward a saturating law (full extension near 15 kt,
  later when wet), flutter growing with speed; MSE of the standardised log speeds; Adam (torch's defaults)
- ice-cube tray freezing time (a long plan only): a grey-box net: an MLP from the tray, cell position, freezer and
  fill to an overall heat-transfer coefficient, a freezing point and a supercooling delay, and Plank's equation
  (P = 1/6, R = 1/24 for a cube) with a lumped pre-cooling term to the log time to the first ice and the log time
  to freeze through; data from a richer model (per-face conductances through the tray wall, the rack or a frozen
  shelf, natural / forced convection, freezing-point depression by sugar, freeze-concentration); the MLP also sees
  the scaled side and temperatures and adds two residual corrections to the log times; MSE of the log hours; RAdam
  (torch's defaults)
- can-opener cutting torque (a long plan only): an LSTM over 16 steps of the cutting wheel around the rim (the
  position, the local lid thickness with the side seam and the embossing, the can and the opener) to the handle
  torque at each step; a shear-cutting force on the lid's thickness, the piercing spike, the seam, the wheel's
  heating and dulling, slips where the torque passes the drive wheel's grip (the cut then resumes with a build-up),
  the lid's ligament loosening at the end; MSE of the standardised torques; RMSprop (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the ice-cube-tray and
can-opener nets (no short plans), the spatula net on 16384 rig tests instead of 8192 (32 wide, one residual block
instead of 48 wide and two) and the garlic-press CNN on 8192 stroke curves instead of 2048 (8 channels instead of
16), both with batch 128 instead of 64.

Of the eight plans, two use NAdam (both spatula plans), two AdamW (both garlic-press plans), one Adam (wind sock),
one SGD with Nesterov momentum (doorbell), one RAdam (ice-cube tray) and one RMSprop (can opener).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam119_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam119/README.md).

    python benchmarks/exam119_workloads.py          # the table
    python benchmarks/exam119_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 119"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _ar1(n: int, steps: int, tau: torch.Tensor, dt: float, gen: torch.Generator) -> torch.Tensor:
    """Unit-variance AR(1) paths (n, steps) with correlation time ``tau`` (n,) at spacing ``dt``."""
    a = torch.exp(-dt / tau)
    out = torch.empty(n, steps)
    z = torch.randn(n, generator=gen)
    for t in range(steps):
        z = a * z + (1 - a**2).sqrt() * torch.randn(n, generator=gen)
        out[:, t] = z
    return out


# --------------------------------------------------------------------------------------------------------------
# 1. spatula scraping force and residue (NAdam)

SP_MATERIALS = 5  # silicone, nylon, stainless steel, wood, thin steel fish slice
SP_SURFACES = 5  # PTFE non-stick, seasoned cast iron, stainless pan, enamel, glass bowl
SP_FOODS = 6  # brownie batter, fried egg, melted cheese, caramel, peanut butter, pancake


def _sp_scrapes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Scraping tests on a rig: a spatula (blade modulus E 0.005, 2.5, 200, 11, 200 GPa; edge thickness 0.3-3 mm,
    thinner for the fish slice; blade free length 60 mm, width 50 mm) drawn at 2-30 cm/s at a set angle (10-60
    degrees to the surface) and normal force (2-20 N) through a food (its adhesion energy on each surface, from an
    invented table, and its viscosity, both falling with temperature 20-180 C, Arrhenius-like) on a surface; edge
    wear 0-1 rounds the edge. The blade's tip deflection delta = F_n L^3 / (3 E I), I = w t^3 / 12 (capped at 30 mm),
    flattens the angle by atan(delta / L); the peak tangential force = w G_c / (1 - cos theta_eff) (Kendall's peel,
    capped) + mu F_n + a viscous film term eta v w / h; the film left under the edge h ~ sqrt(eta v / pressure) (rising
    with edge rounding and a flat angle) sets the residue fraction 1 - exp(-h / h_food). 4% scatter. Returns
    (categoricals (n, 3), conditions (n, 6), targets (n, 3): log force, logit residue, log deflection)."""
    mat = torch.randint(0, SP_MATERIALS, (n,), generator=gen)
    surf = torch.randint(0, SP_SURFACES, (n,), generator=gen)
    food = torch.randint(0, SP_FOODS, (n,), generator=gen)
    angle = 10 + 50 * torch.rand(n, generator=gen)
    thick = 0.3 + 2.7 * torch.rand(n, generator=gen)
    temp = 20 + 160 * torch.rand(n, generator=gen)
    fn = 2 + 18 * torch.rand(n, generator=gen)
    speed = 2 * 15 ** torch.rand(n, generator=gen)
    wear = torch.rand(n, generator=gen)
    e_mod = torch.tensor([0.005, 2.5, 200.0, 11.0, 200.0])[mat] * 1e9
    t_m = thick * 1e-3 * torch.tensor([1.0, 1.0, 0.5, 1.3, 0.25])[mat]
    length, width = 0.06, 0.05
    inertia = width * t_m**3 / 12
    delta = (fn * length**3 / (3 * e_mod * inertia)).clamp(max=0.03)
    theta = torch.deg2rad(angle) - torch.atan(delta / length)
    theta = theta.clamp(min=math.radians(2.0))
    # adhesion energy (J/m2) of food on surface at 20 C: non-stick lowest, glass / stainless highest
    g_food = torch.tensor([1.2, 2.5, 3.5, 6.0, 2.0, 1.0])[food]
    g_surf = torch.tensor([0.25, 0.6, 1.0, 0.8, 0.9])[surf]
    soften = torch.exp(-(temp - 20) / torch.tensor([200.0, 80.0, 60.0, 45.0, 150.0, 90.0])[food])
    gc = g_food * g_surf * (0.3 + 0.7 * soften)
    peel = width * gc / (1 - torch.cos(theta)).clamp(min=0.02)
    mu = torch.tensor([0.9, 0.35, 0.25, 0.45, 0.25])[mat] * torch.tensor([0.4, 1.0, 1.1, 0.9, 0.8])[surf]
    eta = torch.tensor([8.0, 2.0, 20.0, 60.0, 150.0, 3.0])[food] * torch.exp(-(temp - 20) / 40)
    pressure = fn / (width * (0.5e-3 + t_m * (0.3 + wear)))
    h = 0.05 * (eta * speed * 1e-2 / pressure).sqrt() * (1 + 2 * wear) * (1 + 0.5 * torch.cos(theta))
    force = peel + mu * fn + eta * speed * 1e-2 * width / (h + 2e-5) * 1e-2
    residue = 1 - torch.exp(-h / (2e-4 * torch.tensor([1.0, 0.6, 1.5, 2.0, 3.0, 0.7])[food]))
    residue = residue.clamp(0.005, 0.995)
    y = torch.stack([torch.log(force), torch.logit(residue), torch.log(delta * 1e3 + 0.01)], 1)
    y = y + 0.04 * torch.randn(n, 3, generator=gen)
    cats = torch.stack([mat, surf, food], 1)
    x = torch.stack([(angle - 35) / 14.4, (thick - 1.65) / 0.78, (temp - 100) / 46, (fn - 11) / 5.2,
                     (torch.log(speed) - math.log(2 * 15**0.5)) / 0.78, (wear - 0.5) / 0.29], 1)
    return cats, x, y


class ResBlock(nn.Module):
    """A Pre-LN residual block: x + W2 GELU(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class ScrapeNet(nn.Module):
    """Embeddings of the spatula, surface and food (4 each) with the six conditions, into two residual LayerNorm
    blocks, to the three standardised outputs."""

    def __init__(self, width: int = 48, emb: int = 4, blocks: int = 2) -> None:
        super().__init__()
        self.emb = nn.ModuleList([nn.Embedding(k, emb) for k in (SP_MATERIALS, SP_SURFACES, SP_FOODS)])
        self.inp = nn.Linear(3 * emb + 6, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 3))

    def forward(self, cats: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        e = torch.cat([m(cats[:, i]) for i, m in enumerate(self.emb)] + [x], 1)
        return self.out(self.blocks(self.inp(e)))


def scrape_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log force, residue logit and log deflection."""
    return _mse(model, batch)


def spatula_scraping(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 48,
                     blocks: int = 2) -> dict[str, Any]:
    """The scraping net on 8192 rig tests, targets standardised over them; held out: 4096 other tests in batches of
    1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(119101)
    cats, x, y = _sp_scrapes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ScrapeNet(width, blocks=blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": scrape_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. garlic-press extrusion force curves (AdamW)

GP_PTS = 48


def _gp_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Handle-force curves of a garlic press (a load cell in the handle, 48 points over the plunger's 25 mm
    travel). The clove: mass 3-10 g (height in the 28 mm chamber from its volume), firmness (yield stress 0.15-1.2
    MPa, log-uniform: fresh and firm to old and soft), modulus ~ 12x the yield stress, peeled or in its skin. The
    plate: 32-40 holes of 2.2-2.8 mm, 3 mm thick. Compression from contact: F = A E (strain)^1.5 (Hertz-like),
    until the pressure reaches extrusion: p = sigma_y (ln R + 2 mu L / d) (R = chamber over open area, mu 0.3)
    times (1 + 0.1 log of the plunger's speed over 5 mm/s; the user's speed 5-40 mm/s); as the plug shortens the
    pressure eases; the skin and fibres (more in a skin) form a residue that compacts at the end (force rising
    steeply, the user stopping at 150-250 N at the handle). The handle's mechanical advantage falls from 6 to 3 over
    the stroke. 2% multiplicative and 1 N additive noise. Returns (curves (n, 1, 48) over 100 N, targets (n, 3):
    log firmness, log mass, extruded fraction)."""
    mass = 3 + 7 * torch.rand(n, generator=gen)
    sigma = 0.15 * 8 ** torch.rand(n, generator=gen)  # MPa
    skin = (torch.rand(n, generator=gen) < 0.4).float()
    holes = torch.randint(32, 41, (n,), generator=gen).float()
    dia = 2.2 + 0.6 * torch.rand(n, generator=gen)
    speed = 5 * 8 ** torch.rand(n, generator=gen)
    stop = 150 + 100 * torch.rand(n, generator=gen)
    area_c = math.pi * 0.014**2  # chamber 28 mm across
    h_clove = (mass * 1e-6 / 1.1 / area_c).clamp(max=0.026)  # m, density 1.1 g/cm3
    open_area = holes * math.pi * (dia * 1e-3) ** 2 / 4
    ratio = (area_c / open_area).clamp(min=1.5)
    p_ext = sigma * (torch.log(ratio) + 2 * 0.3 * 3 / dia) * (1 + 0.1 * torch.log(speed / 5))
    resid = (0.08 + 0.12 * skin + 0.05 * (1.5 / dia) ** 2) * (1 + 0.3 * (0.5 / sigma).clamp(max=2).log1p())
    resid = resid.clamp(max=0.6)
    travel = 0.025
    s = torch.linspace(0, 1, GP_PTS).view(1, -1) * travel
    gap0 = 0.028 - h_clove  # plunger travel before contact
    comp = ((s - gap0.view(-1, 1)) / h_clove.view(-1, 1)).clamp(min=0)
    e_mod = 12 * sigma.view(-1, 1)
    f_comp = area_c * e_mod * 1e6 * comp**1.5
    plug = (1 - comp).clamp(min=1e-3)  # remaining plug height fraction
    f_ext = area_c * p_ext.view(-1, 1) * 1e6 * (0.8 + 0.2 * plug)
    rho = resid.view(-1, 1)
    compact = torch.relu(comp - (1 - rho) + 0.02) / rho
    f_res = area_c * sigma.view(-1, 1) * 1e6 * 25 * compact**2
    force = torch.minimum(f_comp, f_ext) + f_res
    ma = 6 - 3 * torch.linspace(0, 1, GP_PTS).view(1, -1)
    handle = (force / ma).clamp(max=stop.view(-1, 1))
    handle = handle * torch.exp(0.02 * torch.randn(n, GP_PTS, generator=gen)) + torch.randn(n, GP_PTS, generator=gen)
    # the extruded fraction: what passes the plate before the stroke ends or the user stops
    reached = comp.max(1).values.clamp(max=1 - resid)
    stopped = (force / ma >= stop.view(-1, 1)).float()
    first_stop = torch.where(stopped.any(1), stopped.argmax(1), torch.full((n,), GP_PTS - 1))
    comp_stop = comp.gather(1, first_stop.view(-1, 1)).squeeze(1)
    extruded = torch.minimum(reached, comp_stop).clamp(min=0)
    y = torch.stack([torch.log(sigma), torch.log(mass), extruded + 0.01 * torch.randn(n, generator=gen)], 1)
    return (handle / 100).unsqueeze(1), y


class PressCNN(nn.Module):
    """A 1-D CNN over the force curve: two strided conv blocks (GroupNorm after the first), flattened, to the three
    targets."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, ch, 5, stride=2, padding=2), nn.GroupNorm(4, ch), nn.GELU(),
            nn.Conv1d(ch, ch, 5, stride=2, padding=2), nn.GELU())
        self.head = nn.Linear(ch * (GP_PTS // 4), 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.net(x).flatten(1))


def press_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log firmness, log mass and extruded fraction."""
    return _mse(model, batch)


def garlic_press(batch_size: int = 64, seed: int = 0, train_size: int = 2048, ch: int = 16) -> dict[str, Any]:
    """The press CNN on 2048 stroke curves, targets standardised over them; held out: 4096 other curves in batches
    of 1024; AdamW (torch's defaults, weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(119102)
    x, y = _gp_strokes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PressCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": press_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. ice-cube tray freezing time, a grey-box net (RAdam; long only)

IC_TRAYS = 4  # silicone, polypropylene, aluminium, stainless


def _ic_trays(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Freezing an ice-cube tray: the tray (silicone, polypropylene, aluminium, stainless: wall conductance k / t
    0.2 / 1.5, 0.2 / 1.0, 200 / 0.8, 16 / 0.6 W/mK over mm), the cube's side 1.5-4 cm, the cell (corner, edge,
    middle: exposed side faces 2, 1, 0 besides the top), the water's start temperature 4-60 C, the freezer -25 to
    -12 C, the fan (0-3 m/s; natural convection h 6 W/m2K, forced 6 + 12 v^0.6), a lid, the tray on a wire rack or
    on a frozen shelf (conduction through the bottom), sugar 0-12 Brix (freezing point -0.1 per Brix, the last
    part freeze-concentrated). Per-face conductances in series (air film, wall, contact) give U over the cube's area;
    pre-cooling is lumped (rho c V / U A ln((T_w - T_a) / (T_f - T_a))), supercooling a delay that grows with a
    warm freezer; freezing by Plank's equation with that U (P 1/6, R 1/24, k_ice 2.2) and the sugar's slow end.
    4% scatter. Returns (features (n, 11), physics inputs (n, 3): side m, water C, freezer C, log hours (n, 2): to
    first ice, to frozen through)."""
    tray = torch.randint(0, IC_TRAYS, (n,), generator=gen)
    side = 0.015 + 0.025 * torch.rand(n, generator=gen)
    cell = torch.randint(0, 3, (n,), generator=gen)
    tw = 4 + 56 * torch.rand(n, generator=gen)
    ta = -25 + 13 * torch.rand(n, generator=gen)
    fan = 3 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.6).float()
    lid = (torch.rand(n, generator=gen) < 0.3).float()
    shelf = (torch.rand(n, generator=gen) < 0.5).float()
    brix = 12 * torch.rand(n, generator=gen) ** 2
    k_w = torch.tensor([0.2, 0.2, 200.0, 16.0])[tray]
    t_w = torch.tensor([1.5, 1.0, 0.8, 0.6])[tray] * 1e-3
    h_air = 6 + 12 * fan**0.6
    wall = k_w / t_w
    side_u = 1 / (1 / h_air + 1 / wall)
    # a metal tray spreads heat from the inner cells to its rim (fin effect), a plastic one does not
    fin = torch.tensor([0.0, 0.0, 1.0, 0.6])[tray] * (2 - cell.float()).neg().add(2) * 0.25
    n_side = (2 - cell).float()
    top_u = h_air * (1 - 0.6 * lid) * 1.3  # evaporation helps an open top
    bottom_u = torch.where(shelf > 0, 1 / (1 / 150 + 1 / wall), 1 / (1 / (0.8 * h_air) + 1 / wall))
    ua = side ** 2 * (top_u + bottom_u + side_u * (n_side + fin + 0.3 * (4 - n_side)))
    u = ua / (6 * side**2)  # W/m2K over the whole cube's area
    tf = -0.1 * brix
    rho, c, lat, k_ice = 1000.0, 4186.0, 334e3, 2.2
    vol_area = side / 6
    t_pre = rho * c * vol_area / u * torch.log((tw - ta) / (tf - ta))
    t_sc = 600 * (ta + 30) / 18 * torch.exp(-0.3 * fan)  # seconds of supercooling
    dt = tf - ta
    t_frz = rho * lat / dt * (side / (6 * u) + side**2 / (24 * k_ice))
    t_frz = t_frz * (1 + 0.04 * brix * torch.log1p(brix / 4))
    first = (t_pre + t_sc) / 3600
    full = (t_pre + t_sc + t_frz) / 3600
    y = torch.stack([torch.log(first), torch.log(full)], 1) + 0.04 * torch.randn(n, 2, generator=gen)
    x = torch.cat([F.one_hot(tray, IC_TRAYS).float(), F.one_hot(cell, 3).float(), torch.stack([
        fan / 1.5 - 1, 2 * lid - 1, 2 * shelf - 1, (brix - 4) / 4], 1)], 1)
    phys = torch.stack([side, tw, ta], 1)
    return x, phys, y


class PlankGreyBox(nn.Module):
    """A grey-box (hybrid) net: an MLP (tanh) from the tray, cell, fan, lid, shelf, sugar and the (scaled) cube side,
    water and freezer temperatures to log U (around 10 W/m2K), the freezing point (below 0 C), a supercooling delay
    (hours) and two residual corrections of the log times; then lumped pre-cooling and Plank's equation with the
    known side and temperatures, to the log hours to first ice and to frozen through (plus the corrections)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(14, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor, phys: torch.Tensor) -> torch.Tensor:
        side, tw, ta = phys.unbind(1)
        scaled = torch.stack([(side - 0.0275) / 0.0072, (tw - 32) / 16, (ta + 18.5) / 3.75], 1)
        raw = self.net(torch.cat([x, scaled], 1))
        u = 10 * torch.exp(raw[:, 0])
        tf = -F.softplus(raw[:, 1])
        delay = 0.1 * F.softplus(raw[:, 2])
        dt = (tf - ta).clamp(min=1.0)
        t_pre = 1000 * 4186 * side / 6 / u * torch.log(((tw - ta) / dt).clamp(min=1.01)) / 3600
        t_frz = 1000 * 334e3 / dt * (side / (6 * u) + side**2 / (24 * 2.2)) / 3600
        first = t_pre + delay
        return torch.stack([torch.log(first), torch.log(first + t_frz)], 1) + raw[:, 3:]


def freeze_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log hours to first ice and to frozen through."""
    return _mse(model, batch)


def ice_cube_tray(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box freezing net on 8192 tray cells; held out: 4096 other cells in batches of 1024; RAdam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(119103)
    x, phys, y = _ic_trays(train_size + 4096, gen)
    tr = (x[:train_size], phys[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PlankGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], phys[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": freeze_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. can-opener cutting torque along the rim, an LSTM (RMSprop; long only)

CO_STEPS = 16


def _co_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Opening a can: 16 steps of the cutting wheel around the rim. The can: tinplate or aluminium (shear strength
    300 / 150 MPa), lid 0.18-0.30 mm, diameter 6-10 cm, the side seam at a random position (1.6x thickness at
    one step), embossing rings (a sinusoidal thickness ripple); the opener: side-cut or top-cut (a different blade
    angle and lever), the wheel's sharpness 0-1, food residue as lubricant. The cutting force per step ~ tau t^2 (a
    shear-cutting law with a sharpness-dependent penetration), the first step a piercing spike; the wheel heats and
    dulls with the work done (a running sum), raising later forces; the torque at the handle over the drive
    wheel's radius; where it passes the drive wheel's grip (friction on the rim) the wheel slips: that step's
    torque falls to the grip's and the uncut remainder carries to the next step; near the end the lid's ligament
    loosens (torque falls). 1% scatter. Returns (inputs (n, 16, 9), log torques (n, 16))."""
    alu = (torch.rand(n, generator=gen) < 0.35).float()
    thick = 0.18 + 0.12 * torch.rand(n, generator=gen)
    diam = 0.06 + 0.04 * torch.rand(n, generator=gen)
    seam = torch.randint(2, CO_STEPS - 2, (n,), generator=gen)
    top = (torch.rand(n, generator=gen) < 0.5).float()
    sharp = torch.rand(n, generator=gen)
    lube = torch.rand(n, generator=gen)
    ripple = 0.05 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    k = torch.arange(CO_STEPS).float()
    ang = 2 * math.pi * k / CO_STEPS
    loc = thick.view(-1, 1) * (1 + ripple.view(-1, 1) * torch.sin(3 * ang.view(1, -1) + phase.view(-1, 1)))
    at_seam = ((k.view(1, -1) - seam.view(-1, 1)).abs() < 0.5).float()
    loc = loc * (1 + 0.6 * at_seam)
    tau = 300 - 150 * alu
    grip = 1.1 + 0.9 * (1 - 0.5 * lube) * (1 - 0.3 * alu)  # N m the drive wheel can pass on
    wheel_r = 0.006 + 0.002 * top
    heat = torch.zeros(n)
    carry = torch.zeros(n)
    out = []
    for i in range(CO_STEPS):
        dull = 1 + 0.8 * (1 - sharp) + 0.25 * heat
        need = 1 + carry
        f_cut = tau * 1e6 * (loc[:, i] * 1e-3) ** 2 * 5 * dull * (1 - 0.3 * top) * need
        if i == 0:
            f_cut = f_cut * (2.2 - 0.6 * sharp)
        ligament = 1 - 0.55 * torch.sigmoid((i - CO_STEPS + 2.5) * 2.0 * torch.ones(n))
        torque = f_cut * wheel_r * ligament * (1 + 0.15 * (1 - lube))
        # the drive wheel passes on at most its grip (a smooth minimum of the torque asked and the grip)
        passed = -grip * torch.logaddexp(-12 * torque / grip, torch.full((n,), -12.0)) / 12
        done = passed / torque
        carry = need * (1 - done)
        torque = passed * (1 + 0.05 * carry)
        heat = heat + torque * done * 0.6 * (1 - 0.5 * lube)
        out.append(torque)
    y = torch.log(torch.stack(out, 1)) + 0.01 * torch.randn(n, CO_STEPS, generator=gen)
    static = torch.stack([2 * alu - 1, (thick - 0.24) / 0.035, (diam - 0.08) / 0.0115, 2 * top - 1,
                          (sharp - 0.5) / 0.29, (lube - 0.5) / 0.29], 1)
    seq = torch.stack([torch.sin(ang).expand(n, -1), torch.cos(ang).expand(n, -1),
                       (loc / thick.view(-1, 1) - 1.1) / 0.2], 2)
    x = torch.cat([seq, static.unsqueeze(1).expand(-1, CO_STEPS, -1)], 2)
    return x, y


class TorqueLSTM(nn.Module):
    """A one-layer LSTM over the rim's steps, a linear read-out of the torque at each step."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.lstm(x)[0]).squeeze(2)


def torque_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log torques at the 16 steps."""
    return _mse(model, batch)


def can_opener(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 16) -> dict[str, Any]:
    """The torque LSTM on 16384 openings, log torques standardised over them (one mean and sd for all steps); held out:
    4096 other openings in batches of 1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8)."""
    gen = torch.Generator().manual_seed(119104)
    x, y = _co_cuts(train_size + 4096, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TorqueLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": torque_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. doorbell chime fault classification from its decay envelopes (SGD with Nesterov momentum)

DB_FRAMES = 64
DB_CLASSES = 6  # healthy, worn damper felt, sticky plunger, cracked bar, loose housing, weak transformer


def _db_chimes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A ding-dong chime recorded at the door: the level (dB) in the ding bar's band and the dong bar's band, 64
    frames of 40 ms. The press strikes the ding bar at frame 2, the release (frame 10-30) the dong bar. Healthy
    bars ring with T60 1.0-2.5 s (aluminium to brass), strike levels 70-85 dB; the room adds a reverberant tail
    (RT60 0.3-1.0 s, 10-25 dB down), background noise 25-45 dB, 1.5 dB measurement scatter. Faults: a worn damper
    felt lets the bars ring longer (T60 x1.5-2.2) and the plunger rattle (a ripple); a sticky plunger strikes the
    dong weakly (-10 to -25 dB) and late; a cracked bar decays fast (x0.3-0.6) and beats (two close modes, 1-3 Hz);
    a loose housing shortens both (x0.5-0.8) and buzzes (a raised, fluctuating floor); a weak transformer strikes
    both softly (-8 to -18 dB). Returns (envelopes (n, 2, 64), classes)."""
    y = torch.randint(0, DB_CLASSES, (n,), generator=gen)
    t = torch.arange(DB_FRAMES).float() * 0.04
    t60 = (1.0 + 1.5 * torch.rand(n, 2, generator=gen))
    level = 70 + 15 * torch.rand(n, 2, generator=gen)
    release = 10 + 20 * torch.rand(n, generator=gen)
    onset = torch.stack([torch.full((n,), 2.0), release], 1) * 0.04
    rt60 = 0.3 + 0.7 * torch.rand(n, generator=gen)
    rev_db = 10 + 15 * torch.rand(n, generator=gen)
    floor = 25 + 20 * torch.rand(n, generator=gen)
    beat = torch.zeros(n, 2)
    beat_f = 1 + 2 * torch.rand(n, 2, generator=gen)
    rattle = torch.zeros(n)
    buzz = torch.zeros(n)
    u = torch.rand(n, 4, generator=gen)
    which = torch.randint(0, 2, (n,), generator=gen)
    pick = F.one_hot(which, 2).float()
    c = y.view(-1, 1)
    t60 = torch.where(c == 1, t60 * (1.5 + 0.7 * u[:, :1]), t60)
    rattle = torch.where(y == 1, 2 + 3 * u[:, 1], rattle)
    level = torch.where(c == 2, level - pick.new_tensor([0.0, 1.0]) * (10 + 15 * u[:, :1]), level)
    onset = torch.where(c == 2, onset + pick.new_tensor([0.0, 1.0]) * 0.04 * (2 + 4 * u[:, 1:2]), onset)
    t60 = torch.where(c == 3, t60 * (1 - pick * (0.4 + 0.3 * u[:, :1])), t60)
    beat = torch.where(c == 3, pick * (6 + 6 * u[:, 1:2]), beat)
    t60 = torch.where(c == 4, t60 * (0.5 + 0.3 * u[:, :1]), t60)
    buzz = torch.where(y == 4, 4 + 6 * u[:, 1], buzz)
    level = torch.where(c == 5, level - (8 + 10 * u[:, :1]), level)
    tt = t.view(1, 1, -1) - onset.unsqueeze(2)
    on = (tt >= 0).float()
    ttc = tt.clamp(min=0)
    direct = level.unsqueeze(2) - 60 * ttc / t60.unsqueeze(2)
    direct = direct - beat.unsqueeze(2) * (1 - torch.cos(2 * math.pi * beat_f.unsqueeze(2) * ttc)) / 2
    direct = direct - rattle.view(-1, 1, 1) * (1 - torch.cos(2 * math.pi * 7 * ttc)) / 2
    tail = level.unsqueeze(2) - rev_db.view(-1, 1, 1) - 60 * ttc / rt60.view(-1, 1, 1)
    power = on * (10 ** (direct / 10) + 10 ** (tail / 10))
    fl = floor.view(-1, 1, 1) + buzz.view(-1, 1, 1) * torch.rand(n, 2, DB_FRAMES, generator=gen)
    db = 10 * torch.log10(power + 10 ** (fl / 10)) + 1.5 * torch.randn(n, 2, DB_FRAMES, generator=gen)
    return (db - 50) / 15, y


class ChimeCNN(nn.Module):
    """A 1-D CNN with BatchNorm over the two band envelopes: three conv-BN-ReLU blocks (max-pooled by 2 after the
    first two), global average and max pooling, a linear classifier."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(2, ch, 5, padding=2), nn.BatchNorm1d(ch), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(ch, 2 * ch, 5, padding=2), nn.BatchNorm1d(2 * ch), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(2 * ch, 2 * ch, 3, padding=1), nn.BatchNorm1d(2 * ch), nn.ReLU())
        self.head = nn.Linear(4 * ch, DB_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.net(x)
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def chime_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the chime's fault class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def doorbell_chime(batch_size: int = 128, seed: int = 0, train_size: int = 8192, ch: int = 8) -> dict[str, Any]:
    """The chime CNN on 8192 recordings; held out: 4096 other recordings in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(119105)
    x, y = _db_chimes(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChimeCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": chime_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. wind-sock reading with a bidirectional LSTM (Adam)

WS_FRAMES = 12


def _ws_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A camera watches an airfield wind sock, one frame every 4 s for 48 s. The wind: mean speed 2-30 kt
    (log-uniform), turbulence intensity 0.08-0.35, AR(1) gusts (correlation time 4-15 s) in speed and in direction
    (its sd ~ 40 degrees times the intensity, more in light wind). The sock: its elevation above hanging limp
    relaxes (time constant 10 s / speed in kt) toward 90 (1 - exp(-(V / V_c)^2)) degrees, V_c 8.5 kt dry, 11 kt
    wet (a wet sock is heavier); its azimuth follows the direction with a lag; its flutter amplitude grows as
    (V / 15)^1.5 (a frayed sock flutters up to 10% more or less); the camera reads elevation to 3 degrees, azimuth
    to 4 degrees, flutter to 10%. Returns (frames (n, 12, 5): elevation, sin / cos azimuth, flutter, a wet flag;
    the log wind speed at each frame (n, 12))."""
    mean = 2 * 15 ** torch.rand(n, generator=gen)
    inten = 0.08 + 0.27 * torch.rand(n, generator=gen)
    tau = 4 + 11 * torch.rand(n, generator=gen)
    wet = (torch.rand(n, generator=gen) < 0.3).float()
    fray = 0.9 + 0.2 * torch.rand(n, generator=gen)
    g = _ar1(n, WS_FRAMES, tau, 4.0, gen)
    d = _ar1(n, WS_FRAMES, tau * 1.5, 4.0, gen)
    speed = (mean.view(-1, 1) * (1 + inten.view(-1, 1) * g)).clamp(min=0.2)
    dsd = 40 * inten * (1 + 4 / mean)
    direction = torch.deg2rad(dsd.view(-1, 1) * d)
    vc = 8.5 + 2.5 * wet
    target = 90 * (1 - torch.exp(-(speed / vc.view(-1, 1)) ** 2))
    elev = torch.empty(n, WS_FRAMES)
    az = torch.empty(n, WS_FRAMES)
    e = target[:, 0].clone()
    a = direction[:, 0].clone()
    for t in range(WS_FRAMES):
        k = 1 - torch.exp(-4.0 / (10 / speed[:, t]))
        e = e + k * (target[:, t] - e)
        a = a + (0.3 + 0.6 * k) * (direction[:, t] - a)
        elev[:, t], az[:, t] = e, a
    flutter = fray.view(-1, 1) * (speed / 15) ** 1.5
    elev = elev + 3 * torch.randn(n, WS_FRAMES, generator=gen)
    az = az + math.radians(4) * torch.randn(n, WS_FRAMES, generator=gen)
    flutter = flutter * torch.exp(0.1 * torch.randn(n, WS_FRAMES, generator=gen))
    x = torch.stack([(elev - 60) / 30, torch.sin(az), torch.cos(az), torch.log(flutter + 0.02) + 1,
                     (2 * wet - 1).view(-1, 1).expand(-1, WS_FRAMES)], 2)
    return x, torch.log(speed)


class SockLSTM(nn.Module):
    """A bidirectional LSTM over the frames (the sock lags the wind: the speed at a frame shows in the frames after
    it), a linear head to the standardised log wind speed at each frame."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(5, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.lstm(x)[0]).squeeze(2)


def sock_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log wind speed at the 12 frames."""
    return _mse(model, batch)


def wind_sock(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The sock BiLSTM on 2048 windows, log speeds standardised over them (one mean and sd for all frames); held
    out: 4096 other windows in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(119106)
    x, y = _ws_windows(train_size + 4096, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SockLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": sock_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("spatula_scraping_nadam", spatula_scraping, 300, "spatula_kendall_peel_scraping_residue_embed_resmlp", "nadam",
      "finite", 64, seconds=0.5, start_lr=0.032),
    W("garlic_press_adamw", garlic_press, 300, "garlic_press_extrusion_force_curve_cnn1d", "adamw", "finite", 64,
      seconds=0.45, start_lr=0.032),
    W("doorbell_chime_nesterov", doorbell_chime, 300, "doorbell_chime_decay_fault_cnn1d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 128, seconds=0.9, start_lr=0.1),
    W("wind_sock_adam", wind_sock, 300, "wind_sock_elevation_flutter_speed_reading_bilstm", "adam", "finite", 64,
      seconds=0.65, start_lr=0.256),
)
LONG = (
    W("ice_cube_tray_radam@long", ice_cube_tray, 3000, "ice_cube_tray_plank_freezing_time_greybox", "radam",
      "finite", 64, seconds=3.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("can_opener_rmsprop@long", can_opener, 3000, "can_opener_rim_cutting_torque_lstm", "rmsprop", "finite", 32,
      seconds=2.7, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("spatula_scraping_nadam@long", spatula_scraping, 3000, "spatula_kendall_peel_scraping_residue_embed_resmlp",
      "nadam", "finite", 128, dict(train_size=16384, width=32, blocks=1), seconds=3.7, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="spatula_scraping_nadam"),
    W("garlic_press_adamw@long", garlic_press, 3000, "garlic_press_extrusion_force_curve_cnn1d", "adamw", "finite",
      128, dict(train_size=8192, ch=8), seconds=4.3, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="garlic_press_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam119_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-nineteenth exam's workloads")
