"""The hundred-and-thirty-fifth exam: six more workload families that neither the suite nor exams 1-134 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam134_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from magnifying glasses and the focal spot, pruning shears and branch cutting,
soap dishes and drainage, towel racks and drying, feather dusters and dust capture, and pom-poms and yarn fluff
(exam 136 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam135/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- magnifying-glass focal spot from a line scan: a 1-D CNN with GroupNorm reads a 48-pixel photodiode line scan
  through the sunlit spot a hand lens throws on a screen (normalised to its peak, as an auto-gain sensor gives it),
  with the lens's diameter and focal length, and regresses the signed defocus (screen distance over focal length,
  minus one) and the log peak concentration (spot peak over the bare sun's irradiance); geometrical optics of a
  thin lens with longitudinal spherical aberration (marginal rays focus shorter; a caustic ring inside focus, a
  bright core and a halo outside it) blurred by the sun's 0.53-degree disc; 2% sensor noise, the targets read
  with a ruler's and a radiometer's errors; MSE of the standardised targets; Adam (torch's defaults); its long plan
  Adagrad (torch's defaults)
- pruning-shear branch cut: embeddings of the categorical inputs (the shear: bypass, anvil, ratchet anvil,
  two-handed lopper; the species, 10; the wood's state: green in growth, dormant, dead and dry; the blade: new,
  used, dull, rusty; the cut: square, 30 or 45 degrees) and two continuous ones (branch diameter 4-25 mm, the
  user's hand span) into an MLP, to the log peak hand force, the log cut energy and the bark-crush width; cutting
  force from the species' shear strength (density-scaled, wetter wood weaker), a diameter^1.8 law, the blade's
  edge radius and the shear's mechanical advantage; 6% scatter; MSE of the standardised targets; AdamW (torch's
  defaults, weight decay 1e-2); its long plan Adagrad (initial accumulator 0.1)
- soap dish drainage and the mushy bar: a GRU over 32 three-hour slots (a use of the bar or none, its minutes, the
  bathroom's relative humidity and temperature) with the dish (slotted with drain, raised ridges, flat solid,
  sponge pad, magnetic holder; one-hot), the bar's glycerin content and its starting mass, to the water in the
  bar's gel layer and the cumulative soap lost, every slot; water taken up in use, a pool left in the dish that
  drains at the dish's rate and keeps wetting the bar's base, a swelling gel layer that dissolves above a
  threshold, evaporation from the exposed faces with the humidity; 9% scatter; MSE of the standardised outputs;
  Adam (torch's defaults)
- towel drying on a heated towel rail: a Pre-LN transformer (causal, two blocks) over 16 readings 20 minutes apart
  (bathroom temperature and humidity, the rail's heater and the extractor fan on or off) with the towel (weight
  400-700 g/m2, cotton, bamboo, microfibre, linen; hung spread, folded double or bunched) to the towel's moisture
  content at each reading; a constant-rate then falling-rate drying law with the vapour-pressure deficit between
  the towel's surface (warmed by the rail by conduction where it touches) and the room, mass transfer raised by the
  fan; 8% scatter; MSE; Adamax (torch's defaults)
- feather-duster dust capture (a long plan only): a residual net with LayerNorm from the duster (ostrich,
  chicken / turkey, microfibre, lambswool; one-hot), the surface (varnished wood, glass, a plastic screen, a fabric
  lampshade, book tops; one-hot), the dust's median particle size, the humidity, the swipe speed, the passes, the
  duster's loading and the pressure to the fractions of the dust left on the surface, held in the duster and flung
  into the air; detachment when the swipe's drag on a particle beats its adhesion (van der Waals rising with size,
  a capillary term with humidity), capture by the barbs' interception and a triboelectric charge that falls with
  humidity, a loaded duster redepositing; 10% scatter; KL divergence of the predicted three fractions from the
  measured ones; Adagrad (torch's defaults)
- pom-pom yarn fluff (a long plan only): embeddings of the categorical inputs (fibre, 8; yarn weight, 6; maker
  size, 5; brushing, 3; trim, 3; tie, 3) and the log wrap count into an MLP, to the finished diameter ratio, the
  fill density and the log fluff shed in a tumble test; strands packed at the core from the wraps and the yarn's
  cross-section, the cut ends splaying with the fibre's crimp and the brushing, shedding from short fibres,
  hairiness, a loose tie and trimming; 2.5% scatter; MSE of the standardised outputs; Adagrad (initial accumulator
  0.1)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the feather-duster and
pom-pom nets (no short plans), the magnifier CNN on 8192 scans instead of 4096 (4 and 8 channels, a 16-unit head,
instead of 8, 16 and 32) and the pruning-shear net on 8192 cuts instead of 4096 (32 units a layer instead of 48),
both with Adagrad where their short plans use Adam and AdamW.

Of the eight plans, the four short ones use the Adam family (Adam twice, AdamW, Adamax) and the four long ones
Adagrad (two with torch's defaults, two with an initial accumulator of 0.1).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam135_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam135/README.md).

    python benchmarks/exam135_workloads.py          # the table
    python benchmarks/exam135_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 135"


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
    """Targets standardised per column (last dimension) with the mean and sd over the first ``n`` examples."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. magnifying-glass focal spot from a line scan (Adam; long plan Adagrad)

MG_PIX = 48
MG_RINGS = 24
MG_SUN = 0.0093  # the sun's angular diameter, rad


def _mg_scans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A hand lens (diameter 30-100 mm, focal length 80-300 mm, a plano-convex-like longitudinal spherical
    aberration of 2-6% of f at the rim) throws the sun onto a screen at d = f (1 + delta), delta in [-0.35, 0.35].
    The pupil is cut into 24 rings of equal width; ring k (radius rho) focuses at f (1 - a (rho / R)^2) and lands on
    the screen as an annulus of signed radius rho (1 - d / f_k); each annulus is spread by the sun's disc (sigma =
    d * 0.0093 / 4) and by the pixel (0.83 mm), and a line scan through the spot's centre sees it at +-r with a
    density 1 / (2 pi max(r, sigma)). The scan (48 pixels over +-20 mm) is normalised by its peak (auto gain) with
    1% ambient light and 2% sensor noise. The peak concentration: the scan's peak over the bare sun's irradiance.
    The targets as read: delta with a hand-held ruler's error of 3% of f, the concentration with a radiometer's 10%.
    Returns (scans (n, 1, 48), lens (n, 2): standardised D and f, targets (n, 2): delta, log10 concentration)."""
    dia = 30 + 70 * torch.rand(n, generator=gen)
    f = 80 + 220 * torch.rand(n, generator=gen)
    sa = 0.02 + 0.04 * torch.rand(n, generator=gen)
    delta = -0.35 + 0.7 * torch.rand(n, generator=gen)
    d = f * (1 + delta)
    rho = (torch.arange(MG_RINGS).float() + 0.5) / MG_RINGS  # relative ring radius
    fk = f.view(-1, 1) * (1 - sa.view(-1, 1) * rho**2)
    r = (dia / 2).view(-1, 1) * rho * (1 - d.view(-1, 1) / fk)  # signed annulus radius, mm
    energy = rho / rho.sum()  # a ring's share of the light (its area)
    sigma = (d * MG_SUN / 4).view(-1, 1, 1).clamp_min(0.3)
    x = torch.linspace(-20, 20, MG_PIX).view(1, 1, -1)
    ra = r.abs().unsqueeze(2)
    prof = (energy.view(1, -1, 1) / (2 * math.pi * torch.maximum(ra, sigma))
            * (torch.exp(-(x.abs() - ra) ** 2 / (2 * sigma**2)) + torch.exp(-(x.abs() + ra) ** 2 / (2 * sigma**2)))
            / (sigma * math.sqrt(2 * math.pi))).sum(1)
    power = dia**2 / 4 * math.pi  # light collected per unit solar irradiance, mm2
    irr = prof * power.view(-1, 1)
    conc = irr.max(1).values
    scan = irr / conc.view(-1, 1) + 0.01
    scan = scan * (1 + 0.02 * torch.randn(scan.shape, generator=gen))
    lens = torch.stack([(dia - 65) / 20.2, (f - 190) / 63.5], 1)
    # the reading: the screen distance by a hand-held ruler (3% of f), the concentration by a radiometer (10%)
    y = torch.stack([(delta + 0.03 * torch.randn(n, generator=gen)) / 0.2,
                     torch.log10(conc) + 0.042 * torch.randn(n, generator=gen)], 1)
    return scan.unsqueeze(1), lens, y


class FocalSpotCNN(nn.Module):
    """A 1-D CNN (two conv-GroupNorm-ReLU blocks with max-pooling) over the line scan; its flattened features with
    the lens's D and f into a small head to the defocus and the log concentration."""

    def __init__(self, width: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(1, width, 5, padding=2), nn.GroupNorm(2, width), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width, 2 * width, 5, padding=2), nn.GroupNorm(2, 2 * width), nn.ReLU(), nn.MaxPool1d(4))
        self.head = nn.Sequential(nn.Linear(2 * width * (MG_PIX // 8) + 2, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, scan: torch.Tensor, lens: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(scan).flatten(1), lens], 1))


def focal_spot_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised defocus and log concentration."""
    return _mse(model, batch)


def magnifier_focal_spot(batch_size: int = 128, seed: int = 0, train_size: int = 4096, width: int = 8,
                         hidden: int = 32, optimizer: str = "adam") -> dict[str, Any]:
    """The focal-spot CNN on 4096 scans, targets standardised over them; held out: 4096 other scans in batches of
    1024; Adam (torch's defaults), or Adagrad (torch's defaults) for the long plan."""
    gen = torch.Generator().manual_seed(135101)
    scan, lens, y = _mg_scans(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (scan[:train_size], lens[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam") if optimizer == "adam" else
           _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"))
    return {"model": FocalSpotCNN(width, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((scan[train_size:], lens[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": focal_spot_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. pruning-shear branch cut (AdamW; long plan Adagrad)

PS_FIELDS = (4, 10, 3, 4, 3)  # shear, species, state, blade, cut angle


def _ps_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Cuts of a branch with hand pruners. The shear (bypass, anvil, ratchet anvil, two-handed lopper: mechanical
    advantage 3.5, 4, 9, 12; a bypass blade slices, an anvil wedge crushes); the species (apple, pear, plum, cherry,
    rose, grapevine, hazel, willow, oak, boxwood: basic density 0.42-0.75 and a shear strength per density); the
    wood's state (green in growth: wet and soft; dormant; dead and dry: harder, brittle); the blade (new, used,
    dull, rusty: edge radius 5, 15, 40, 60 um); the cut angle (square, 30, 45 degrees: a longer, thinner section);
    the branch's diameter 4-25 mm; the user's hand span 0.8-1.2 (grip geometry). Peak cut force on the blade:
    tau A_eff with A_eff ~ d^1.8 (the edge crosses the widest chord late), tau from density and the state, raised by
    the edge radius (ploughing); the hand force: over the mechanical advantage, times the grip factor. Energy: the
    force over ~0.6 d of travel (plus crushing for anvils). Bark crush width: anvils, dull blades, soft green wood,
    thicker branches. 6% lognormal scatter. Returns (categories (n, 5), continuous (n, 2), targets (n, 3))."""
    cats = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in PS_FIELDS], 1)
    shear, species, state, blade, angle = cats.unbind(1)
    dia = 4 + 21 * torch.rand(n, generator=gen) ** 0.8
    span = 0.8 + 0.4 * torch.rand(n, generator=gen)
    density = torch.tensor([0.62, 0.60, 0.58, 0.55, 0.50, 0.45, 0.52, 0.42, 0.68, 0.75])[species]
    strength = torch.tensor([1.0, 1.05, 0.95, 0.9, 1.3, 0.85, 1.1, 0.8, 1.25, 1.4])[species]
    tau = 14 * strength * (density / 0.6) ** 1.3 * torch.tensor([0.7, 1.0, 1.25])[state]  # MPa
    edge = torch.tensor([5.0, 15.0, 40.0, 60.0])[blade]
    anvil = torch.tensor([0.0, 1.0, 1.0, 0.3])[shear]
    adv = torch.tensor([3.5, 4.0, 9.0, 12.0])[shear]
    theta = torch.deg2rad(torch.tensor([0.0, 30.0, 45.0])[angle])
    section = dia**1.8 / torch.cos(theta) ** 0.8 * (1 - 0.25 * torch.sin(theta))
    plough = 1 + (edge / 30) ** 0.7 * (0.5 + 0.5 * anvil) * (1 + 0.02 * dia)
    blade_force = 0.9 * tau * section * plough * (1 + 0.25 * anvil)  # N
    hand = blade_force / adv * (1 + 0.8 * (span - 1) ** 2 + 0.15 * (1 - span))
    energy = blade_force * 0.6 * dia / 1000 * (1 + 0.4 * anvil * (1 + (state == 0).float()))  # J
    crush = (0.2 + 1.2 * anvil + 0.02 * edge) * dia**0.7 * torch.tensor([1.6, 1.0, 0.6])[state] / (density / 0.6)
    noise = torch.exp(0.06 * torch.randn(n, 3, generator=gen))
    y = torch.stack([torch.log(hand * noise[:, 0]), torch.log(energy * noise[:, 1]), crush * noise[:, 2]], 1)
    cont = torch.stack([(dia - 13) / 6.0, (span - 1) / 0.115], 1)
    return cats, cont, y


class PruningCutNet(nn.Module):
    """An embedding per categorical field, concatenated with the continuous inputs, into a ReLU MLP to the three
    standardised targets."""

    def __init__(self, dim: int = 4, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(k, dim) for k in PS_FIELDS)
        self.net = nn.Sequential(nn.Linear(dim * len(PS_FIELDS) + 2, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([e(cats[:, i]) for i, e in enumerate(self.emb)] + [cont], 1))


def pruning_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log hand force, log energy and crush width."""
    return _mse(model, batch)


def pruning_shear_cut(batch_size: int = 128, seed: int = 0, train_size: int = 4096, dim: int = 4, hidden: int = 48,
                      optimizer: str = "adamw") -> dict[str, Any]:
    """The cut net on 4096 cuts, targets standardised over them; held out: 4096 other cuts in batches of 1024;
    AdamW (torch's defaults, weight decay 1e-2), or Adagrad (initial accumulator 0.1) for the long plan."""
    gen = torch.Generator().manual_seed(135102)
    cats, cont, y = _ps_cuts(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw") if optimizer == "adamw" else
           _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                  "adagrad_acc0.1"))
    return {"model": PruningCutNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": pruning_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. soap dish drainage and the mushy bar (Adam)

SD_SLOTS = 32
SD_DISHES = 5


def _sd_histories(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Four days of a bar of soap in its dish, in 32 three-hour slots. The dish (slotted with a drain, raised ridges,
    flat solid, sponge pad, magnetic holder): the share of the use's run-off left as a pool under the bar (0.15, 0.3,
    0.9, 0.6, 0.0), its drainage rate per slot (0.8, 0.45, 0.05, 0.25, 1.0; the flat dish only evaporates) and the
    bar's exposed area for drying (0.8, 0.85, 0.6, 0.65, 1.0). The bar: glycerin 0-1 (more takes up water faster,
    softer gel), starting mass 60-140 g. Each slot: a use with a probability peaking mornings and evenings (1-5
    minutes), the bathroom's humidity (a shower spike decaying) and temperature. Use: water taken into the gel layer
    (~ minutes, glycerin), soap washed off (~ minutes, the gel's softness); the pool wets the bar's base at a rate
    ~ pool; the gel above a threshold dissolves into the pool (lost as mush); evaporation ~ (1 - RH), temperature,
    the exposed area. 9% scatter (weighing a wet bar and its scraped gel). Returns (inputs (n, 32, 11): use,
    minutes, RH, temperature, the dish one-hot, glycerin, mass; outputs (n, 32, 2): gel-layer water (g) and
    cumulative soap lost (g))."""
    dish = torch.randint(0, SD_DISHES, (n,), generator=gen)
    pool_frac = torch.tensor([0.15, 0.3, 0.9, 0.6, 0.0])[dish]
    drain = torch.tensor([0.8, 0.45, 0.05, 0.25, 1.0])[dish]
    expose = torch.tensor([0.8, 0.85, 0.6, 0.65, 1.0])[dish]
    gly = torch.rand(n, generator=gen)
    mass0 = 60 + 80 * torch.rand(n, generator=gen)
    hour = (torch.arange(SD_SLOTS) % 8).float() * 3
    p_use = 0.08 + 0.5 * torch.exp(-((hour - 7) ** 2) / 4) + 0.35 * torch.exp(-((hour - 20) ** 2) / 6)
    people = 0.6 + 0.8 * torch.rand(n, 1, generator=gen)
    use = (torch.rand(n, SD_SLOTS, generator=gen) < (p_use * people).clamp(max=0.95)).float()
    minutes = use * (1 + 4 * torch.rand(n, SD_SLOTS, generator=gen))
    temp = 18 + 6 * torch.rand(n, 1, generator=gen) + 2 * torch.randn(n, SD_SLOTS, generator=gen) * 0.5
    rh = torch.zeros(n, SD_SLOTS)
    base_rh = 0.4 + 0.25 * torch.rand(n, generator=gen)
    h = base_rh.clone()
    gel = torch.zeros(n)
    pool = torch.zeros(n)
    lost = torch.zeros(n)
    out = []
    for t in range(SD_SLOTS):
        h = base_rh + (h - base_rh) * 0.35 + use[:, t] * (0.25 + 0.04 * minutes[:, t])
        h = h.clamp(max=0.98)
        rh[:, t] = h
        soft = 1 + gel / 4
        wash = 0.35 * minutes[:, t] * (0.7 + 0.6 * gly) * soft * (mass0 / 100) ** 0.3
        uptake = 0.5 * minutes[:, t] * (0.6 + 0.8 * gly)
        pool = pool * (1 - drain) + use[:, t] * pool_frac * (2 + minutes[:, t])
        soak = 0.12 * pool * (0.6 + 0.8 * gly)
        evap = 0.35 * expose * (1 - h) * torch.exp(0.06 * (temp[:, t] - 21)) * gel.sqrt()
        gel = (gel + uptake + soak - evap).clamp_min(0)
        mush = 0.3 * torch.relu(gel - 2.5 - 1.5 * (1 - gly))
        gel = gel - mush
        lost = lost + wash + mush
        out.append(torch.stack([gel, lost], 1))
    y = torch.stack(out, 1)
    y = y * (1 + 0.09 * torch.randn(y.shape, generator=gen))
    x = torch.cat([torch.stack([use, minutes / 3, (rh - 0.6) / 0.2, (temp - 21) / 2], 2),
                   F.one_hot(dish, SD_DISHES).float().unsqueeze(1).expand(n, SD_SLOTS, SD_DISHES),
                   torch.stack([(gly - 0.5) / 0.29, (mass0 - 100) / 23], 1).unsqueeze(1).expand(n, SD_SLOTS, 2)], 2)
    return x, y


class SoapBarGRU(nn.Module):
    """A one-layer GRU over the slots and a linear read-out of its state to the gel water and soap lost."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(4 + SD_DISHES + 2, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0])


def soap_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised gel-layer water and cumulative soap lost, over every slot."""
    return _mse(model, batch)


def soap_dish_drainage(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The soap-bar GRU on 2048 bars, outputs standardised over them; held out: 4096 other bars in batches of 1024;
    Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(135103)
    x, y = _sd_histories(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SoapBarGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": soap_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. towel drying on a heated towel rail (Adamax)

TR_STEPS = 16
TR_FABRICS = 4
TR_HANGS = 3


def _tr_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A towel hung wet after a shower (starting moisture 0.6-1.1 kg water per kg dry), read every 20 minutes for 5 h
    20 min. The towel: 400-700 g/m2; cotton, bamboo, microfibre, linen (critical moisture 0.35, 0.4, 0.2, 0.3; a
    falling-rate exponent); hung spread, folded double or bunched (exposed area 1, 0.55, 0.3; contact with the
    rail 0.5, 0.35, 0.2). The rail: on or off by a timer (blocks of 80 minutes, 65% on), warming the towel's surface by
    up to 12 K where it touches; the extractor fan on in the first 0.5-1.5 h (mass transfer x1.8). The room: 19-24 C
    with the shower's humidity decaying from 85-95% to 45-60% at 0.3-0.8 per hour. Drying rate: h_m A (p_sat(T_s) -
    RH p_sat(T_air)) (Magnus) per gram of towel, capped by the falling-rate factor (X / X_c)^k below the critical
    moisture. 8% scatter (weighing a towel taken off the rail and hung back). Returns (inputs (n, 16, 13), scaled
    moisture (n, 16, 1))."""
    gsm = 400 + 300 * torch.rand(n, generator=gen)
    fab = torch.randint(0, TR_FABRICS, (n,), generator=gen)
    hang = torch.randint(0, TR_HANGS, (n,), generator=gen)
    xc = torch.tensor([0.35, 0.4, 0.2, 0.3])[fab]
    kf = torch.tensor([1.3, 1.5, 1.0, 1.2])[fab]
    wick = torch.tensor([1.0, 1.1, 1.35, 0.9])[fab]
    area = torch.tensor([1.0, 0.55, 0.3])[hang]
    contact = torch.tensor([0.5, 0.35, 0.2])[hang]
    x0 = 0.6 + 0.5 * torch.rand(n, generator=gen)
    t = torch.arange(TR_STEPS).float() / 3
    rail = (torch.rand(n, 4, generator=gen) < 0.65).float().repeat_interleave(4, 1)
    fan_until = 0.5 + torch.rand(n, 1, generator=gen)
    fan = (t.view(1, -1) < fan_until).float()
    tair = 19 + 5 * torch.rand(n, 1, generator=gen) + 0.8 * rail.cumsum(1) / TR_STEPS
    rh0 = 0.85 + 0.1 * torch.rand(n, 1, generator=gen)
    rh_end = 0.45 + 0.15 * torch.rand(n, 1, generator=gen)
    decay = 0.3 + 0.5 * torch.rand(n, 1, generator=gen)
    rh = rh_end + (rh0 - rh_end) * torch.exp(-decay * t.view(1, -1) * (1 + 0.8 * fan))

    def psat(tc: torch.Tensor) -> torch.Tensor:
        return 0.6112 * torch.exp(17.62 * tc / (243.1 + tc))  # kPa (Magnus)

    moist = x0.clone()
    out = []
    for k in range(TR_STEPS):
        ts = tair[:, k] + 12 * rail[:, k] * contact * (moist / (moist + 0.3)) ** 0.3 - 1.5 * (1 - rail[:, k])
        drive = (psat(ts) - rh[:, k] * psat(tair[:, k])).clamp_min(0)
        rate = 0.55 * area * wick * (1 + 0.8 * fan[:, k]) * drive * (500 / gsm) * (1 + 0.6 * rail[:, k] * contact)
        falling = (moist / xc).clamp(max=1) ** kf
        moist = (moist - rate * falling / 3).clamp_min(0.01)
        out.append(moist)
    y = torch.stack(out, 1) * (1 + 0.08 * torch.randn(n, TR_STEPS, generator=gen))
    x = torch.cat([torch.stack([(tair - 21.5) / 1.5, (rh - 0.65) / 0.15, rail, fan], 2),
                   torch.stack([(gsm - 550) / 87, (x0 - 0.85) / 0.14], 1).unsqueeze(1).expand(n, TR_STEPS, 2),
                   F.one_hot(fab, TR_FABRICS).float().unsqueeze(1).expand(n, TR_STEPS, TR_FABRICS),
                   F.one_hot(hang, TR_HANGS).float().unsqueeze(1).expand(n, TR_STEPS, TR_HANGS)], 2)
    y = (y.unsqueeze(2) - 0.45) / 0.25
    return x, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attn(LN(x)), then x + MLP(LN(x)); causal multi-head attention written with
    ``scaled_dot_product_attention``."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(a)
        return x + self.mlp(self.ln2(x))


class TowelDryingTransformer(nn.Module):
    """Readings embedded linearly, a learned position embedding, two causal Pre-LN blocks, a final LayerNorm and a
    linear read-out of the moisture content at each reading."""

    def __init__(self, d_in: int = 4 + 2 + TR_FABRICS + TR_HANGS, d: int = 24, heads: int = 2, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(d_in, d)
        self.pos = nn.Parameter(torch.zeros(1, TR_STEPS, d))
        nn.init.normal_(self.pos, std=0.02)
        self.blocks = nn.ModuleList(PreLNBlock(d, heads) for _ in range(blocks))
        self.ln = nn.LayerNorm(d)
        self.out = nn.Linear(d, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x) + self.pos
        for b in self.blocks:
            h = b(h)
        return self.out(self.ln(h))


def towel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) moisture content at every reading."""
    return _mse(model, batch)


def towel_rail_drying(batch_size: int = 64, seed: int = 0, train_size: int = 2048, d: int = 24,
                      heads: int = 2) -> dict[str, Any]:
    """The drying transformer on 2048 towel sessions; held out: 4096 other sessions in batches of 1024; Adamax
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(135104)
    x, y = _tr_sessions(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TowelDryingTransformer(x.shape[-1], d, heads), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": towel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. feather-duster dust capture (Adagrad; long only)

FD_DUSTERS = 4
FD_SURFACES = 5


def _fd_swipes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Dusting a surface. The duster (ostrich, chicken / turkey, microfibre, lambswool: barb density 1, 0.7, 1.6, 1.3;
    triboelectric charging 1, 0.6, 0.8, 1.4); the surface (varnished wood, glass, a plastic screen, a fabric
    lampshade, book tops: adhesion 1, 0.8, 1.3 (static), 2.2 (fibres trap), 1.5); dust median size 1-50 um
    (log-uniform); humidity 20-85%; swipe speed 0.1-1.2 m/s; passes 1-6; the duster's loading 0-1; pressure 0-1.
    Per pass: detachment p_d = sigmoid((log(drag / adhesion)) / 0.5) with drag ~ speed^1.5 d^2 (1 + pressure) and
    adhesion ~ d (1 + capillary(RH)) x the surface's factor; a detached particle is captured with probability 1 -
    exp(-(interception ~ barbs d^0.6 + electrostatics ~ charge exp(-RH / 30) (1 - loading))), else airborne
    (fast swipes fling more), and a loaded duster redeposits a share. 10% scatter on each fraction, renormalised.
    Returns (features (n, 15), fractions (n, 3): left on the surface, held in the duster, airborne)."""
    dust = torch.randint(0, FD_DUSTERS, (n,), generator=gen)
    surf = torch.randint(0, FD_SURFACES, (n,), generator=gen)
    size = 10 ** (torch.rand(n, generator=gen) * math.log10(50))
    rh = 0.2 + 0.65 * torch.rand(n, generator=gen)
    speed = 0.1 + 1.1 * torch.rand(n, generator=gen)
    passes = torch.randint(1, 7, (n,), generator=gen).float()
    load = torch.rand(n, generator=gen)
    press = torch.rand(n, generator=gen)
    barbs = torch.tensor([1.0, 0.7, 1.6, 1.3])[dust]
    charge = torch.tensor([1.0, 0.6, 0.8, 1.4])[dust]
    adh_s = torch.tensor([1.0, 0.8, 1.3, 2.2, 1.5])[surf]
    cap = 1 + 3 * torch.relu(rh - 0.5) ** 1.5 * 4
    drag = speed**1.5 * (size / 10) ** 2 * (1 + press) * barbs**0.5
    adhesion = 0.6 * (size / 10) * cap * adh_s
    p_det = torch.sigmoid(torch.log(drag / adhesion) / 0.5)
    capture = 1 - torch.exp(-(0.5 * barbs * (size / 10) ** 0.6 + 1.2 * charge * torch.exp(-rh / 0.3)) * (1.1 - load))
    fling = (0.1 + 0.4 * speed / 1.2) * (1 - 0.5 * press)
    cap_eff = capture * (1 - fling)
    redep = 0.3 * load
    surface, held, air = torch.ones(n), torch.zeros(n), torch.zeros(n)
    for k in range(6):
        on = (passes > k).float()
        det = surface * p_det * on
        caught = det * cap_eff
        back = caught * redep
        held = held + caught - back
        air = air + det - caught
        surface = surface - det + back
    y = torch.stack([surface, held, air], 1)
    y = y * torch.exp(0.1 * torch.randn(n, 3, generator=gen)) + 1e-3
    y = y / y.sum(1, keepdim=True)
    x = torch.cat([F.one_hot(dust, FD_DUSTERS).float(), F.one_hot(surf, FD_SURFACES).float(), torch.stack([
        (torch.log10(size) - 0.85) / 0.49, (rh - 0.525) / 0.19, (speed - 0.65) / 0.32, (passes - 3.5) / 1.7,
        (load - 0.5) / 0.29, (press - 0.5) / 0.29], 1)], 1)
    return x, y


class DustResNet(nn.Module):
    """A residual MLP with LayerNorm (pre-norm blocks: x + W2 GELU(W1 LN(x))) to the three fraction logits."""

    def __init__(self, d_in: int = 15, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(d_in, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                  nn.Linear(2 * width, width)) for _ in range(blocks))
        self.ln = nn.LayerNorm(width)
        self.out = nn.Linear(width, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for b in self.blocks:
            h = h + b(h)
        return self.out(self.ln(h))


def dust_kl(model: nn.Module, batch: Any) -> torch.Tensor:
    """The KL divergence of the predicted fractions from the measured ones (the soft-label cross-entropy less the
    measured fractions' entropy)."""
    x, p = batch
    return F.kl_div(F.log_softmax(model(x), 1), p, reduction="batchmean")


def feather_duster_capture(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                           width: int = 32) -> dict[str, Any]:
    """The dust net on 8192 dustings; held out: 2048 other dustings in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(135105)
    x, y = _fd_swipes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DustResNet(x.shape[1], width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": dust_kl, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. pom-pom yarn fluff (Adagrad; long only)

PP_FIELDS = (8, 6, 5, 3, 3, 3)  # fibre, yarn weight, maker size, brushing, trim, tie


def _pp_poms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pom-poms made on a two-arc maker. The fibre (acrylic, wool, merino, mohair, cotton, alpaca, polyester
    chenille, bamboo: crimp 0.6, 1, 1.2, 1.5, 0.3, 1.1, 0.2, 0.4; hairiness 0.5, 0.8, 0.7, 2, 0.4, 1.4, 0.3, 0.5;
    short-fibre share 0.3, 0.5, 0.4, 0.6, 0.7, 0.6, 0.9, 0.5); the yarn weight (lace ... super chunky: diameter
    0.6-6 mm); the maker (35, 45, 65, 85, 115 mm); brushing (none, a pet brush, steamed); the trim (none, rounded,
    tight); the tie (cotton thread, the same yarn, dental floss: grip 0.8, 0.6, 1). Wraps 40-300 (log-uniform).
    Strands at the core: 2 wraps; the pom-pom's diameter from the maker, shrunk by the trim and swollen by the
    cut ends' splay (crimp, brushing), its fill density from the strands' cross-section over the sphere; fluff
    shed in a tumble test ~ hairiness x short fibres x cut ends x (brushing) / (tie grip x packing). 2.5% scatter.
    Returns (categories (n, 6), log wraps (n, 1), targets (n, 3): diameter ratio, fill density, log fluff shed)."""
    cats = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in PP_FIELDS], 1)
    fib, wt, mk, brush, trim, tie = cats.unbind(1)
    wraps = 40 * 7.5 ** torch.rand(n, generator=gen)
    crimp = torch.tensor([0.6, 1.0, 1.2, 1.5, 0.3, 1.1, 0.2, 0.4])[fib]
    hairy = torch.tensor([0.5, 0.8, 0.7, 2.0, 0.4, 1.4, 0.3, 0.5])[fib]
    short = torch.tensor([0.3, 0.5, 0.4, 0.6, 0.7, 0.6, 0.9, 0.5])[fib]
    ydia = torch.tensor([0.6, 1.2, 2.0, 3.0, 4.5, 6.0])[wt]
    maker = torch.tensor([35.0, 45.0, 65.0, 85.0, 115.0])[mk]
    bfac = torch.tensor([1.0, 1.35, 1.2])[brush]
    tfac = torch.tensor([1.0, 0.9, 0.75])[trim]
    grip = torch.tensor([0.8, 0.6, 1.0])[tie]
    strands = 2 * wraps
    core = (strands * ydia**2).sqrt()  # the bundle's width at the tie, mm
    fullness = (core / (0.35 * maker)).clamp(max=1.5)
    splay = 1 + 0.15 * crimp * bfac * (1 - torch.exp(-2 * fullness))
    dia = maker * tfac * splay * (0.75 + 0.25 * torch.tanh(2 * fullness))
    volume = math.pi / 6 * dia**3
    density = strands * ydia**2 * (dia / 2) * 0.8 / volume * (1 + 0.2 * crimp)
    shed = (hairy * short * strands * (ydia / 2) ** 0.5 * bfac**2 * (1 + 0.5 * (trim > 0).float())
            / (grip * (1 + 2 * density)))
    noise = torch.exp(0.025 * torch.randn(n, 3, generator=gen))
    y = torch.stack([dia / maker * noise[:, 0], density * noise[:, 1], torch.log(shed * noise[:, 2])], 1)
    return cats, ((torch.log(wraps) - math.log(40 * 7.5**0.5)) / 0.58).unsqueeze(1), y


class PomPomNet(nn.Module):
    """An embedding per categorical field, concatenated with the log wrap count, into a ReLU MLP."""

    def __init__(self, dim: int = 6, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(k, dim) for k in PP_FIELDS)
        self.net = nn.Sequential(nn.Linear(dim * len(PP_FIELDS) + 1, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, cats: torch.Tensor, wraps: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([e(cats[:, i]) for i, e in enumerate(self.emb)] + [wraps], 1))


def pompom_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised diameter ratio, fill density and log fluff shed."""
    return _mse(model, batch)


def pompom_fluff(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 6,
                 hidden: int = 48) -> dict[str, Any]:
    """The pom-pom net on 8192 pom-poms, targets standardised over them; held out: 2048 other pom-poms in batches of
    1024; Adagrad (initial accumulator 0.1)."""
    gen = torch.Generator().manual_seed(135106)
    cats, wraps, y = _pp_poms(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], wraps[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PomPomNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], wraps[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1"),
            "loss_fn": pompom_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("magnifier_focal_spot_adam", magnifier_focal_spot, 300, "magnifying_glass_focal_spot_line_scan_cnn1d_gn",
      "adam", "finite", 128, seconds=1.2, start_lr=0.064),
    W("pruning_shear_cut_adamw", pruning_shear_cut, 300, "pruning_shear_branch_cut_force_embedding_mlp", "adamw",
      "finite", 128, seconds=0.4, start_lr=0.064),
    W("soap_dish_drainage_adam", soap_dish_drainage, 300, "soap_dish_drainage_mushy_bar_gru", "adam", "finite", 64,
      seconds=1.8, start_lr=0.064),
    W("towel_rail_drying_adamax", towel_rail_drying, 300, "heated_towel_rail_drying_preln_transformer", "adamax",
      "finite", 64, seconds=1.6, start_lr=0.128),
)
LONG = (
    W("feather_duster_capture_adagrad@long", feather_duster_capture, 3000,
      "feather_duster_dust_capture_fractions_resnet_ln", "adagrad", "finite", 32, seconds=3.0, start_lr=0.256,
      grid_fractions=(0.0, 0.05)),
    W("pompom_fluff_adagrad@long", pompom_fluff, 3000, "pompom_yarn_fluff_shedding_embedding_mlp", "adagrad_acc0.1",
      "finite", 32, seconds=2.2, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("magnifier_focal_spot_adagrad@long", magnifier_focal_spot, 3000,
      "magnifying_glass_focal_spot_line_scan_cnn1d_gn", "adagrad", "finite", 32,
      dict(train_size=8192, width=4, hidden=16, optimizer="adagrad"), seconds=4.5, start_lr=0.128,
      grid_fractions=(0.0, 0.05), long_of="magnifier_focal_spot_adam"),
    W("pruning_shear_cut_adagrad@long", pruning_shear_cut, 3000, "pruning_shear_branch_cut_force_embedding_mlp",
      "adagrad_acc0.1", "finite", 32, dict(train_size=8192, hidden=32, optimizer="adagrad"), seconds=2.0,
      start_lr=0.512, grid_fractions=(0.0, 0.05), long_of="pruning_shear_cut_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam135_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-fifth exam's workloads")
