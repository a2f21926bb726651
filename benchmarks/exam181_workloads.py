"""The hundred-and-eighty-first exam: six more workload families that neither the suite nor exams 1-180 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam180_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from hookahs and charcoal draw, raclette and cheese melting, paella pans and
socarrat crust, bunk beds and slat deflection, dipsticks and engine-oil level, and washboards and scrubbing
abrasion (exams 182-184 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam181/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is
as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hookah session draw (long plans only): an embedding net over a lounge's session log (the tobacco, 48 brand /
  flavour ids; the bowl, 5; the heat-management device, 3; the charcoal, 4; plus the coal count, the minutes since
  the coals went on, the packing, the hose and the puff length) to the bowl's tobacco temperature, the log aerosol
  mass of a puff and the log draw pressure; coal heat release rising then burning out, a lagged bowl temperature
  through the device's conductance, glycerin evaporation (Arrhenius) depleting over the session, a draw pressure
  from laminar and turbulent losses plus the water head; Adagrad (torch's defaults) and, as a second long plan,
  Adam (torch's defaults)
- raclette melting under the grill: a GRU over 16 steps of 20 s (the heater level the eater sets, with the cheese's
  fat in dry matter, moisture, slice thickness, starting temperature and the pan's distance to the element) to the
  melted fraction and the fat oiled off at each step; a two-node (surface, core) slice heated by the element's
  radiation, melting as a sigmoid about a softening temperature that falls with moisture and fat, oiling off above
  ~70 C; Adam (torch's defaults)
- paella socarrat crust: a 2-D CNN maps the 12 x 12 map of a pan over its burner (the flame's heat flux, the rice
  layer's depth on a pan that is not level, the pan's disc) to the socarrat crust map; the steel spreading the
  flux (a Gaussian blur), the stock evaporating to dry-out, then Arrhenius crust formation in the last minutes of a
  final blast of heat, burning past a limit; a SiLU net of three 3 x 3 convolutions; MSE inside the pan; SGD
  with momentum 0.9
- bunk-bed slat deflection: a Post-LN transformer over the 14 slats of an upper bunk (each slat's thickness, width,
  wood, a knot, its position; the sleeper's mass, hip position and the mattress's depth on every token) to the
  mid-span deflection of each slat; the sleeper's load line spread by the mattress (a kernel whose width rises with
  its depth), shared between neighbours in proportion to slat stiffness, each slat a simply supported beam under a
  uniform load (5 F L^3 / (384 E I)); AdamW (torch's defaults, weight decay 0.01)
- dipstick engine-oil level (a long plan only): a grey-box fleet model with per-vehicle and per-engine embeddings
  (the fill offset, the consumption rate; the drain-back volume and time, the thermal expansion, the stick's
  position in the sump) and a small correction net, from a reading's vehicle, engine, km since the last top-up,
  minutes since shut-down, oil temperature and ground slope to the level on the stick; Adagrad (torch's defaults)
- washboard scrubbing abrasion: a 1-D CNN from the board's ridge profile (48 heights, 1 mm apart: sine or rounded
  ridges of 6-14 mm pitch) and the scrubbing (the force, the strokes, the fabric, the board's material, joined
  after the pooling) to the log fabric mass loss and the log peak crest pressure; line-contact (Hertz-like)
  pressure at the crests from their radius of curvature, abrasion per stroke growing as a power of that pressure
  and the friction, mass loss saturating; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the hookah net twice
(with Adagrad and with Adam) and the dipstick grey-box (no short plans), and the washboard CNN on 8192 boards
instead of 2048 (8 channels and two convolutions instead of 16 and three, batch 32).

Of the eight plans, two use Adagrad (hookah, dipstick), two NAdam (both washboard plans), two Adam (raclette, the
hookah net's second long plan), one SGD with momentum (paella) and one AdamW (bunk bed).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam181_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam181/README.md).

    python benchmarks/exam181_workloads.py          # the table
    python benchmarks/exam181_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 181"


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


# --------------------------------------------------------------------------------------------------------------
# 1. hookah session draw (Adagrad; long only)

HK_TOBACCOS, HK_BOWLS, HK_HMDS, HK_COALS = 48, 5, 3, 4


def _hk_puffs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Puffs from a lounge's session log. The tobacco (48 brand / flavour ids, each with its own glycerin share
    0.15-0.45, moisture and sugar, drawn once), the bowl (Egyptian clay, phunnel, silicone, vortex, stone: thermal
    resistance 1.0, 1.2, 0.7, 1.1, 1.4 and heat capacity), the heat-management device (foil, a lid HMD, a wind-cover
    HMD: conductance 1.0, 0.75, 0.85), the charcoal (25 mm coconut cubes, 26 mm cubes, fingers, quick-light: heat
    output 1.0, 1.1, 0.8, 0.9, burn time 70, 80, 55, 35 min), 2-4 coals, 0-60 minutes since the coals went on, the
    packing (fluffy to dense), the hose length (1.5-1.9 m) and the puff length (1-4 s). Coal heat release rises as
    1 - exp(-t / 4 min) and burns out as exp(-t / tau); the tobacco's temperature follows with the bowl's lag
    (exp(-t / (4 + 6 capacity))), through the device and the bowl's resistance; glycerin evaporates at an Arrhenius
    rate (Ea 60 kJ/mol) and depletes with the heat the bowl has had; the aerosol of a puff is that rate times the
    puff's air volume; the draw pressure is laminar and turbulent loss through the packed bowl and the hose plus
    the water head. Scatter: 2% on the temperature, 4% on the aerosol, 0.5% on the draw pressure. Returns
    (categorical ids (n, 4), numeric features (n, 5), targets (n, 3): the tobacco temperature / 100, the log aerosol
    mass, the log draw pressure)."""
    tob_gly = 0.15 + 0.30 * torch.rand(HK_TOBACCOS, generator=gen)
    tob_moist = 0.8 + 0.4 * torch.rand(HK_TOBACCOS, generator=gen)
    tob_sugar = torch.rand(HK_TOBACCOS, generator=gen)
    tob = torch.randint(0, HK_TOBACCOS, (n,), generator=gen)
    bowl = torch.randint(0, HK_BOWLS, (n,), generator=gen)
    hmd = torch.randint(0, HK_HMDS, (n,), generator=gen)
    coal = torch.randint(0, HK_COALS, (n,), generator=gen)
    count = torch.randint(2, 5, (n,), generator=gen).float()
    t = 60 * torch.rand(n, generator=gen)
    pack = torch.rand(n, generator=gen)
    hose = 1.5 + 0.4 * torch.rand(n, generator=gen)
    puff = 1 + 3 * torch.rand(n, generator=gen)
    r_bowl = torch.tensor([1.0, 1.2, 0.7, 1.1, 1.4])[bowl]
    cap = torch.tensor([1.0, 0.8, 0.4, 0.9, 1.5])[bowl]
    g_hmd = torch.tensor([1.0, 0.75, 0.85])[hmd]
    q0 = torch.tensor([1.0, 1.1, 0.8, 0.9])[coal]
    tau = torch.tensor([70.0, 80.0, 55.0, 35.0])[coal]
    lag = 4 + 6 * cap
    heat = count * q0 * (1 - torch.exp(-t / lag)) * torch.exp(-t / tau)
    temp = 25 + 80 * heat * g_hmd / r_bowl**0.5 * (1 - 0.15 * pack)  # C
    dose = count * q0 * g_hmd * t / 60  # the heat the bowl has had
    gly = tob_gly[tob] * torch.exp(-0.35 * dose / tob_moist[tob])
    rate = torch.exp(-60e3 / 8.314 * (1 / (temp + 273.15) - 1 / 423.15))
    flow = 12 / (1 + 0.3 * pack)  # L/min of drawn air
    aerosol = (40 * gly * rate * flow * puff / 60 * (1 + 0.2 * tob_sugar[tob])
               * (1 - 0.3 * torch.sigmoid((temp - 230) / 15)))
    dp = 0.25 * flow * (1 + 2.0 * pack) * (hose / 1.7) + 0.012 * flow**2 * (1 + 0.5 * (bowl == 1).float()) + 1.2
    y = torch.stack([temp / 100, torch.log(aerosol + 0.05), torch.log(dp)], 1)
    scatter = torch.stack([0.02 * temp / 100, 0.04 * torch.ones(n), 0.005 * torch.ones(n)], 1)
    y = y + scatter * torch.randn(n, 3, generator=gen)
    cats = torch.stack([tob, bowl, hmd, coal], 1)
    nums = torch.stack([count - 3, (t - 30) / 17.3, (pack - 0.5) / 0.29, (hose - 1.7) / 0.115, (puff - 2.5) / 0.87], 1)
    return cats, nums, y


class HookahNet(nn.Module):
    """Embeddings of the tobacco, bowl, device and charcoal, concatenated with the numeric features, into a ReLU
    net to the three targets."""

    def __init__(self, hidden: int = 48, dim: int = 6) -> None:
        super().__init__()
        self.tob = nn.Embedding(HK_TOBACCOS, dim)
        self.bowl = nn.Embedding(HK_BOWLS, 3)
        self.hmd = nn.Embedding(HK_HMDS, 2)
        self.coal = nn.Embedding(HK_COALS, 2)
        self.net = nn.Sequential(nn.Linear(dim + 7 + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, cats: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        e = torch.cat([self.tob(cats[:, 0]), self.bowl(cats[:, 1]), self.hmd(cats[:, 2]), self.coal(cats[:, 3]),
                       nums], 1)
        return self.net(e)


def hookah_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised temperature, log aerosol and log draw pressure."""
    cats, nums, y = batch
    return F.mse_loss(model(cats, nums), y)


def hookah_draw(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 48,
                optimizer: str = "adagrad") -> dict[str, Any]:
    """The session net on 8192 logged puffs, targets standardised over them; held out: 2048 other puffs in batches
    of 1024; Adagrad (or Adam: ``optimizer="adam"``), torch's defaults."""
    gen = torch.Generator().manual_seed(181101)
    cats, nums, y = _hk_puffs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HookahNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], nums[train_size:], y[train_size:]), 1024),
            "optimizer": (_named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
                          if optimizer == "adagrad" else _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")),
            "loss_fn": hookah_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. raclette melting under the grill (Adam)

RC_STEPS = 16


def _rc_slices(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Raclette slices in a pan (coupelle) under the grill's element, 16 steps of 20 s. The eater sets the heater
    level (0.4-1.0, changed at two random steps); the cheese: fat in dry matter 45-55%, moisture 38-46%, slice
    3-8 mm, starting at 5-20 C; the pan 3-6 cm below the element. Two nodes (surface, core): the surface takes the
    element's radiation (level times 1 / distance^2) less convection to the room and conduction to the core (over
    half the thickness), the core's heat capacity per area rising with thickness. Melting: the melted fraction is
    the sigmoid of (core temperature - T_soft) / 3 C, T_soft = 42 - 60 (moisture - 0.42) - 20 (fat - 0.5) C.
    Oiling off: the free fat exuded grows while the surface is above 70 C, faster with fat and heat. 0.05 scatter.
    Returns (inputs (n, 16, 6), targets (n, 16, 2): the melted fraction and log(1 + the fat oiled off in g))."""
    fat = 0.45 + 0.10 * torch.rand(n, generator=gen)
    moist = 0.38 + 0.08 * torch.rand(n, generator=gen)
    thick = 3 + 5 * torch.rand(n, generator=gen)
    t0 = 5 + 15 * torch.rand(n, generator=gen)
    dist = 3 + 3 * torch.rand(n, generator=gen)
    lv = 0.4 + 0.6 * torch.rand(n, 3, generator=gen)
    cut = torch.sort(torch.randint(2, RC_STEPS - 2, (n, 2), generator=gen), 1).values
    steps = torch.arange(RC_STEPS).view(1, -1)
    level = torch.where(steps < cut[:, :1], lv[:, :1], torch.where(steps < cut[:, 1:], lv[:, 1:2], lv[:, 2:]))
    ts, tc = t0.clone(), t0.clone()
    oil = torch.zeros(n)
    t_soft = 42 - 60 * (moist - 0.42) - 20 * (fat - 0.5)
    melt_out, oil_out = [], []
    for k in range(RC_STEPS):
        q = 25 * level[:, k] / dist**2
        for _ in range(4):  # 5 s sub-steps
            cond = 0.2 * (ts - tc) / (thick / 2)
            ts = ts + 5 * (q - 0.005 * (ts - 22) - cond) / (0.9 + 0.05 * thick)
            evap = torch.relu(ts - 95)
            ts = ts - 0.8 * evap
            tc = tc + 5 * cond / (0.5 * thick)
            oil = oil + 5 * 0.004 * fat * torch.relu(ts - 70) ** 1.2 * (1 - 0.5 * (moist - 0.38) / 0.08)
        melt_out.append(torch.sigmoid((tc - t_soft) / 3))
        oil_out.append(torch.log1p(oil))
    y = torch.stack([torch.stack(melt_out, 1), torch.stack(oil_out, 1)], 2)
    y = y + 0.05 * torch.randn(y.shape, generator=gen)
    static = torch.stack([(fat - 0.5) / 0.029, (moist - 0.42) / 0.023, (thick - 5.5) / 1.44, (t0 - 12.5) / 4.3,
                          (dist - 4.5) / 0.87], 1)
    x = torch.cat([(level.unsqueeze(2) - 0.7) / 0.17, static.unsqueeze(1).expand(n, RC_STEPS, 5)], 2)
    return x, y


class MeltGRU(nn.Module):
    """A one-layer GRU over the heating steps with a linear read-out of the melted fraction and the oil at each
    step."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(6, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0])


def melt_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the melted fraction and the oil (x4), over every step."""
    x, y = batch
    return 4 * F.mse_loss(model(x), y)


def raclette_melt(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 24) -> dict[str, Any]:
    """The melt GRU on 2048 slices; held out: 2048 other slices in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(181102)
    x, y = _rc_slices(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MeltGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": melt_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. paella socarrat crust (SGD with momentum)

PA_GRID = 12


def _pa_pans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Paella pans (a 12 x 12 map over the pan's square; the pan is the inscribed disc) over a burner: a paella ring
    burner (one or two rings, radii 0.25-0.75 of the pan's, each at its own power) or a wood fire (a broad hot spot,
    off centre where the wind pushes it). The rice layer's depth varies across a pan that is not level (a tilt of
    0-1.5 mm per cell in a random direction about 10-14 mm). The steel spreads the flux (a 5 x 5 Gaussian blur,
    wider for a thicker pan); the stock over a cell dries out after 0.7 depth / (flux - 0.3) minutes of the 18; the
    cook's final blast (1-4 min, hotter) and the minutes before it brown the dried bottom: crust rate 0.12 exp(-Ea /
    R (1 / T - 1 / 480 K)) a minute with T rising with the flux, over the minutes dry; crust = 1 - exp(-rate x
    minutes) less burning past 0.85. 0.02 scatter.
    Returns (inputs (n, 3, 12, 12): the flux, the depth, the disc with the blast's minutes on it; crust maps (n, 1,
    12, 12))."""
    g = PA_GRID
    c = (torch.arange(g).float() + 0.5) / g * 2 - 1
    yy, xx = torch.meshgrid(c, c, indexing="ij")
    rr = (xx**2 + yy**2).sqrt().view(1, g, g)
    disc = (rr <= 1).float()
    wood = torch.rand(n, generator=gen) < 0.35
    r1 = (0.25 + 0.25 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    r2 = (0.5 + 0.25 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    p1 = (0.6 + 0.8 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    p2 = ((torch.rand(n, generator=gen) < 0.6).float() * (0.4 + 0.8 * torch.rand(n, generator=gen))).view(-1, 1, 1)
    rings = p1 * torch.exp(-((rr - r1) / 0.18) ** 2) + p2 * torch.exp(-((rr - r2) / 0.18) ** 2)
    ox, oy = [(0.5 * torch.rand(n, generator=gen) - 0.25).view(-1, 1, 1) for _ in range(2)]
    pw = (0.8 + 0.8 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    fire = pw * torch.exp(-((xx - ox) ** 2 + (yy - oy) ** 2) / 0.45)
    flux = torch.where(wood.view(-1, 1, 1), fire, rings) + 0.15
    thick = 0.8 + 0.8 * torch.rand(n, generator=gen)  # the pan's steel, blur width in cells
    k = torch.arange(-2, 3).float()
    ker = torch.exp(-(k.view(1, -1) ** 2) / (2 * thick.view(-1, 1) ** 2))
    ker = ker / ker.sum(1, keepdim=True)
    ker2 = (ker.unsqueeze(2) * ker.unsqueeze(1)).unsqueeze(1)  # (n, 1, 5, 5)
    spread = F.conv2d(F.pad(flux.unsqueeze(0), (2, 2, 2, 2), mode="replicate"), ker2, groups=n).squeeze(0)
    ang = 2 * math.pi * torch.rand(n, generator=gen)
    tilt = 1.5 * torch.rand(n, generator=gen)
    depth = ((10 + 4 * torch.rand(n, generator=gen)).view(-1, 1, 1) + (tilt * torch.cos(ang)).view(-1, 1, 1) * xx * g / 2
             + (tilt * torch.sin(ang)).view(-1, 1, 1) * yy * g / 2)
    depth = depth.clamp_min(4)
    blast = (1 + 3 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    cook = 18.0
    dry_at = depth / (spread - 0.3).clamp_min(0.05) * 0.7  # minutes
    dried = torch.relu(cook + blast - dry_at)  # minutes the bottom has been dry
    temp = 420 + 80 * spread * (1 + 0.6 * blast / 4)
    rate = 0.12 * torch.exp(-9000 * (1 / temp - 1 / 480))
    crust = 1 - torch.exp(-rate * dried)
    crust = crust - 2.0 * torch.relu(crust - 0.85)
    crust = (crust + 0.02 * torch.randn(crust.shape, generator=gen)) * disc
    x = torch.stack([(spread - 0.8) / 0.4 * disc, (depth - 12) / 3 * disc, disc * (1 + (blast - 2.5) / 0.87)], 1)
    return x, crust.unsqueeze(1)


class CrustCNN(nn.Module):
    """A fully convolutional net (three 3 x 3 convolutions, SiLU) from the pan's maps to the crust map."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.SiLU(), nn.Conv2d(width, width, 3, padding=1),
                                 nn.SiLU(), nn.Conv2d(width, 1, 3, padding=1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def crust_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the crust map inside the pan (x10)."""
    x, y = batch
    disc = (x[:, 2:3] != 0).float()
    return 10 * ((model(x) - y) ** 2 * disc).sum() / disc.sum()


def paella_socarrat(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 12) -> dict[str, Any]:
    """The crust CNN on 2048 pans; held out: 1024 other pans in batches of 512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(181103)
    x, y = _pa_pans(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrustCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": crust_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. bunk-bed slat deflection (AdamW)

BB_SLATS = 14


def _bb_beds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Upper bunks of 14 slats across a 0.9 m span, spaced along a 1.9 m bed. Each slat: thickness 15-22 mm, width
    50-70 mm, the wood (pine, spruce, beech, plywood: E 9, 10, 14, 7 GPa), a knot (p 0.15: E x0.7). The sleeper:
    40-100 kg, the hips at 0.8-1.1 m from the head end, on a mattress 8-20 cm deep. The load line: a body profile
    (head, shoulders, hips, legs as Gaussian bumps, the hips heaviest) spread by the mattress (a kernel whose width
    rises with its depth), then shared between neighbouring slats by stiffness (each slat's share weighted by
    k_i / (k_i + k_mattress) against the mean of its neighbours'). Deflection: 5 F L^3 / (384 E I), I = w t^3 / 12.
    5% scatter. Returns (tokens (n, 14, 11), log deflection in mm (n, 14))."""
    s = BB_SLATS
    th = 15 + 7 * torch.rand(n, s, generator=gen)
    wd = 50 + 20 * torch.rand(n, s, generator=gen)
    wood = torch.randint(0, 4, (n, s), generator=gen)
    knot = (torch.rand(n, s, generator=gen) < 0.15).float()
    e = torch.tensor([9.0, 10.0, 14.0, 7.0])[wood] * (1 - 0.3 * knot) * 1e9
    mass = 40 + 60 * torch.rand(n, generator=gen)
    hips = 0.8 + 0.3 * torch.rand(n, generator=gen)
    matt = 0.08 + 0.12 * torch.rand(n, generator=gen)
    pos = (torch.arange(s).float() + 0.5) / s * 1.9
    x = pos.view(1, -1)
    h = hips.view(-1, 1)
    body = (0.08 * torch.exp(-((x - (h - 0.75)) / 0.10) ** 2) + 0.30 * torch.exp(-((x - (h - 0.45)) / 0.15) ** 2)
            + 0.42 * torch.exp(-((x - h) / 0.14) ** 2) + 0.20 * torch.exp(-((x - (h + 0.5)) / 0.25) ** 2))
    width = (0.05 + 0.8 * matt).view(-1, 1, 1)
    kern = torch.exp(-((x.view(1, -1, 1) - x.view(1, 1, -1)) / width) ** 2)
    spread = (kern * body.unsqueeze(1)).sum(2)
    spread = spread / spread.sum(1, keepdim=True)
    inertia = wd * th**3 / 12 * 1e-12
    k = 384 * e * inertia / (5 * 0.9**3)  # N/m
    km = 6e4 * (0.14 / matt).view(-1, 1)
    share = k / (k + km)
    nb = F.avg_pool1d(F.pad(share.unsqueeze(1), (1, 1), mode="replicate"), 3, 1).squeeze(1)
    load = mass.view(-1, 1) * 9.81 * spread * (share / nb) ** 0.7 + 25  # the slat and mattress's own weight
    defl = load / k * 1000  # mm
    y = torch.log(defl) + 0.05 * torch.randn(n, s, generator=gen)
    tok = torch.cat([torch.stack([(th - 18.5) / 2.0, (wd - 60) / 5.8, 2 * knot - 1, (pos.expand(n, s) - 0.95) / 0.55,
                                  ((mass - 70) / 17.3).view(-1, 1).expand(n, s),
                                  ((hips - 0.95) / 0.087).view(-1, 1).expand(n, s),
                                  ((matt - 0.14) / 0.035).view(-1, 1).expand(n, s)], 2), F.one_hot(wood, 4).float()], 2)
    return tok, y


class SlatTransformer(nn.Module):
    """A Post-LN transformer encoder (the original layout, the norm after each residual sum) over the slats (a linear
    embedding with a learned position per slat, one layer, 2 heads) with a linear read-out of each slat's log
    deflection."""

    def __init__(self, dim: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(11, dim)
        self.pos = nn.Parameter(torch.zeros(1, BB_SLATS, dim))
        layer = nn.TransformerEncoderLayer(dim, 2, 2 * dim, dropout=0.0, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(dim, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.enc(self.embed(x) + self.pos)).squeeze(2)


def slat_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log deflections."""
    return _mse(model, batch)


def bunk_bed_slats(batch_size: int = 32, seed: int = 0, train_size: int = 2048, dim: int = 32) -> dict[str, Any]:
    """The slat transformer on 2048 bunks, log deflections standardised over them; held out: 1024 other bunks in
    batches of 512; AdamW (torch's defaults, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(181104)
    x, y = _bb_beds(train_size + 1024, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SlatTransformer(dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": slat_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. dipstick engine-oil level (Adagrad; long only)

DS_VEHICLES, DS_ENGINES = 400, 12


def _ds_readings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Dipstick readings from a fleet: 400 vehicles over 12 engine types. Each vehicle: its own fill offset (how far
    above or below full its last top-up left it, -4 to +4 mm) and oil consumption (lognormal about 0.25 L per 1000
    km, an engine's wear multiplying it); each engine: its sump's area (the mm per litre on the stick, 6-12), its
    drain-back (0.3-0.9 L in the galleries, a time constant of 3-12 min), the oil's thermal expansion seen on the
    stick (0.04-0.08 mm per C) and the stick's distance from the sump's centre (-0.25 to 0.25 m: the level tilts
    with the ground's slope). A reading: 0-8000 km since the top-up, 0-40 minutes after shut-down (log-uniform from
    0.5), oil at 10-95 C, ground slope -4 to 4 degrees. Level (mm from the full mark) = offset - mm/L x (consumption
    x km + drain-back x exp(-minutes / tau)) + expansion x (T - 20) + distance x tan(slope) x 1000, with 1 mm of
    reading scatter (the meniscus on the stick). Returns (ids (n, 2), numeric (n, 4), level / 10 mm (n, 1))."""
    veh_off = -4 + 8 * torch.rand(DS_VEHICLES, generator=gen)
    veh_eng = torch.randint(0, DS_ENGINES, (DS_VEHICLES,), generator=gen)
    veh_cons = 0.25 * torch.exp(0.6 * torch.randn(DS_VEHICLES, generator=gen))
    eng_mmpl = 6 + 6 * torch.rand(DS_ENGINES, generator=gen)
    eng_drain = 0.3 + 0.6 * torch.rand(DS_ENGINES, generator=gen)
    eng_tau = 3 + 9 * torch.rand(DS_ENGINES, generator=gen)
    eng_exp = 0.04 + 0.04 * torch.rand(DS_ENGINES, generator=gen)
    eng_arm = -0.25 + 0.5 * torch.rand(DS_ENGINES, generator=gen)
    eng_wear = 0.7 + 0.6 * torch.rand(DS_ENGINES, generator=gen)
    veh = torch.randint(0, DS_VEHICLES, (n,), generator=gen)
    eng = veh_eng[veh]
    km = 8000 * torch.rand(n, generator=gen)
    mins = 0.5 * 80 ** torch.rand(n, generator=gen)
    temp = 10 + 85 * torch.rand(n, generator=gen)
    slope = -4 + 8 * torch.rand(n, generator=gen)
    level = (veh_off[veh] - eng_mmpl[eng] * (veh_cons[veh] * eng_wear[eng] * km / 1000
                                             + eng_drain[eng] * torch.exp(-mins / eng_tau[eng]))
             + eng_exp[eng] * (temp - 20) + eng_arm[eng] * torch.tan(torch.deg2rad(slope)) * 1000)
    level = level + 1.0 * torch.randn(n, generator=gen)
    ids = torch.stack([veh, eng], 1)
    nums = torch.stack([km / 1000, mins, (temp - 52.5) / 24.5, torch.tan(torch.deg2rad(slope)) * 10], 1)
    return ids, nums, (level / 10).unsqueeze(1)


class OilLevelGreyBox(nn.Module):
    """The dipstick law with learned constants: per vehicle an offset and a log consumption; per engine a log
    drain-back level, a log drain-back time, an expansion and a slope arm (embeddings, zero at the start but for
    the time constants); plus a small tanh net on the engine embedding and the numeric features for what the law
    misses."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.veh = nn.Embedding(DS_VEHICLES, 2)
        self.eng = nn.Embedding(DS_ENGINES, 4)
        self.eng_ctx = nn.Embedding(DS_ENGINES, 4)
        nn.init.zeros_(self.veh.weight)
        nn.init.zeros_(self.eng.weight)
        with torch.no_grad():
            self.eng.weight[:, 1] = math.log(5.0)
        self.fix = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, ids: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        v, e = self.veh(ids[:, 0]), self.eng(ids[:, 1])
        km, mins, temp, slope = nums.unbind(1)
        law = (v[:, 0] - torch.exp(v[:, 1] - 2) * km - torch.exp(e[:, 0]) * torch.exp(-mins / torch.exp(e[:, 1]))
               + e[:, 2] * temp + e[:, 3] * slope)
        ctx = torch.cat([self.eng_ctx(ids[:, 1]), km.unsqueeze(1) / 4 - 1, torch.log(mins).unsqueeze(1) / 2,
                         temp.unsqueeze(1), slope.unsqueeze(1)], 1)
        return law.unsqueeze(1) + self.fix(ctx)


def level_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the level on the stick (in 10 mm)."""
    ids, nums, y = batch
    return F.mse_loss(model(ids, nums), y)


def dipstick_oil_level(batch_size: int = 32, seed: int = 0, train_size: int = 16384,
                       hidden: int = 16) -> dict[str, Any]:
    """The fleet's grey-box on 16384 readings of its 400 vehicles; held out: 2048 other readings of the same fleet
    in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(181105)
    ids, nums, y = _ds_readings(train_size + 2048, gen)
    tr = (ids[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OilLevelGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], nums[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": level_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. washboard scrubbing abrasion (NAdam)

WB_PTS = 48


def _wb_scrubs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Scrubbing a fabric swatch on a washboard. The board's ridge profile over 48 mm (48 heights 1 mm apart):
    sine or rounded (a clipped sine) ridges, pitch 6-14 mm, height 1.5-4 mm; the board's face (zinc,
    glass, wood: friction 0.35, 0.25, 0.45); the fabric (cotton, linen, wool, polyester: abrasion resistance 1.0,
    1.4, 0.6, 2.2); the scrubbing force 20-80 N over a 100 mm wide hand; 50-400 strokes. Crest pressure from a
    line contact (Hertz-like): p = sqrt(F' E* / (pi R)) with F' the force per crest per metre and R the crests'
    radius of curvature (the sine's 1 / (h / 2 (2 pi / pitch)^2), the rounded crest's 2.2 times that); abrasion per
    stroke k mu p^1.5 / resistance; mass loss 100 (1 - exp(-strokes x that)) %. 4% scatter. Returns (the profile (n, 1,
    48); the scrubbing's nine features (n, 9): the force, log strokes, the face's one-hot, the fabric's one-hot; the
    log mass loss and the log crest pressure (n, 2))."""
    xs = torch.arange(WB_PTS).float() * 1.0  # mm
    pitch = (6 + 8 * torch.rand(n, generator=gen)).view(-1, 1)
    height = (1.5 + 2.5 * torch.rand(n, generator=gen)).view(-1, 1)
    rounded = torch.randint(0, 2, (n,), generator=gen).view(-1, 1) == 1  # a sine or a rounded (clipped-sine) ridge
    phase = (2 * math.pi * torch.rand(n, generator=gen)).view(-1, 1)
    arg = 2 * math.pi * xs.view(1, -1) / pitch + phase
    prof = torch.where(rounded, (1.6 * torch.sin(arg)).clamp(-1, 1), torch.sin(arg)) * height / 2
    # the crests' radius of curvature (mm): 1 / (h / 2 (2 pi / pitch)^2) for the sine, 2.2x that for the rounded
    k_sine = height / 2 * (2 * math.pi / pitch) ** 2
    radius = torch.where(rounded, 2.2 / k_sine, 1 / k_sine).squeeze(1)
    face = torch.randint(0, 3, (n,), generator=gen)
    fabric = torch.randint(0, 4, (n,), generator=gen)
    force = 20 + 60 * torch.rand(n, generator=gen)
    strokes = 50 * 8 ** torch.rand(n, generator=gen)
    mu = torch.tensor([0.35, 0.25, 0.45])[face]
    resist = torch.tensor([1.0, 1.4, 0.6, 2.2])[fabric]
    crests = 96 / pitch.squeeze(1)  # over the hand's 96 mm
    f_line = force / crests / 0.1  # N per metre of crest
    p = torch.sqrt(f_line * 2e6 / (math.pi * radius * 1e-3)) / 1e3  # kPa (E* of the wet fabric ~2 MPa)
    wear = 2.5e-6 * mu * p**1.5 / resist
    loss = 100 * (1 - torch.exp(-strokes * wear))
    y = torch.stack([torch.log(loss), torch.log(p)], 1) + 0.04 * torch.randn(n, 2, generator=gen)
    const = torch.cat([((force - 50) / 17.3).view(-1, 1),
                       (torch.log(strokes) - math.log(50 * 8**0.5)).view(-1, 1) / 0.6,
                       F.one_hot(face, 3).float(), F.one_hot(fabric, 4).float()], 1)
    return (prof / 1.4).unsqueeze(1), const, y


class RidgeCNN(nn.Module):
    """A 1-D CNN over the ridge profile (``convs`` convolutions of width 5, all but the first with stride 2, ReLU),
    mean- and max-pooled, joined with the scrubbing's nine features in a small ReLU head to the two logs."""

    def __init__(self, width: int = 16, convs: int = 3) -> None:
        super().__init__()
        layers: list[nn.Module] = [nn.Conv1d(1, width, 5, padding=2), nn.ReLU()]
        for _ in range(convs - 1):
            layers += [nn.Conv1d(width, width, 5, padding=2, stride=2), nn.ReLU()]
        self.conv = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.Linear(2 * width + 9, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, prof: torch.Tensor, const: torch.Tensor) -> torch.Tensor:
        h = self.conv(prof)
        return self.head(torch.cat([h.mean(2), h.amax(2), const], 1))


def scrub_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log mass loss and log crest pressure."""
    prof, const, y = batch
    return F.mse_loss(model(prof, const), y)


def washboard_abrasion(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16,
                       convs: int = 3) -> dict[str, Any]:
    """The ridge CNN on 2048 scrubbing tests, targets standardised over them; held out: 2048 other tests in batches
    of 1024; NAdam (torch's defaults: betas 0.9, 0.999, momentum decay 0.004)."""
    gen = torch.Generator().manual_seed(181106)
    prof, const, y = _wb_scrubs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (prof[:train_size], const[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RidgeCNN(width, convs), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((prof[train_size:], const[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": scrub_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("raclette_melt_adam", raclette_melt, 300, "raclette_grill_melt_oiling_off_gru", "adam", "finite", 64,
      seconds=0.8, start_lr=0.064),
    W("paella_socarrat_momentum", paella_socarrat, 300, "paella_pan_socarrat_crust_map_cnn2d", "sgd_momentum0.9",
      "finite", 64, seconds=1.2, start_lr=0.05),
    W("bunk_bed_slats_adamw", bunk_bed_slats, 300, "bunk_bed_slat_deflection_postln_transformer", "adamw", "finite",
      64, seconds=0.9, start_lr=0.064),
    W("washboard_abrasion_nadam", washboard_abrasion, 300, "washboard_ridge_profile_fabric_abrasion_cnn1d",
      "nadam", "finite", 128, seconds=0.8, start_lr=0.016),
)
LONG = (
    W("hookah_draw_adagrad@long", hookah_draw, 3000, "hookah_session_bowl_heat_aerosol_draw_embedding_net",
      "adagrad", "finite", 128, seconds=2.2, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("dipstick_oil_level_adagrad@long", dipstick_oil_level, 3000, "dipstick_fleet_oil_level_drainback_greybox_embedding",
      "adagrad", "finite", 32, seconds=2.1, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("hookah_draw_adam@long", hookah_draw, 3000, "hookah_session_bowl_heat_aerosol_draw_embedding_net", "adam",
      "finite", 64, dict(optimizer="adam"), seconds=2.3, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("washboard_abrasion_nadam@long", washboard_abrasion, 3000, "washboard_ridge_profile_fabric_abrasion_cnn1d",
      "nadam", "finite", 32, dict(train_size=8192, width=8, convs=2), seconds=3.7, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="washboard_abrasion_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam181_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-first exam's workloads")
