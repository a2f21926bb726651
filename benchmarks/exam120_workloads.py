"""The hundred-and-twentieth exam: six more workload families that neither the suite nor exams 1-118 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam118_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from cast nets and sinking spread, flip-flops and sole wear, manholes and sewer
inflow, birdhouses and nest occupancy, mousetraps and spring snap, and egg cartons and crush strength (exam 119 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam120/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
or wholly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- cast-net throw and sink: a residual MLP with LayerNorm (Pre-LN blocks) from the net's radius, mesh, twine,
  lead-line weight, the throw's opening at landing, the water depth and the current to the net's mouth radius at
  four fractions of the depth and the log time to the bottom; the lead line sinks at a terminal velocity from its
  submerged weight against the netting's drag (a solidity-based drag area), and the mouth closes while it sinks as
  the netting's drag pulls the lead line in (a closing length rising with the lead per metre); the current skews it;
  4% scatter; MSE of the standardised outputs; AdamW (weight decay 1e-2)
- flip-flop sole wear: embeddings of the sole material (EVA, natural rubber, PU, recycled tyre rubber), the walking
  surface (beach sand, concrete, tile, asphalt, boardwalk) and the gait (heel striker, midfoot, shuffler), with the
  wearer's mass, the daily distance, the days worn, the sole's thickness and Shore A hardness, into an MLP to the
  sole's remaining thickness at the heel and the forefoot; abrasive wear per km from a material-by-surface rate
  (a Schallamach-like fall with hardness), the contact pressure and the gait's slip at each zone, plus a
  logarithmic compression set (large for EVA); 3% scatter; MSE of the standardised thicknesses; Adagrad (torch's
  defaults)
- mousetrap snap from a high-speed video: a 1-D CNN from the snap bar's measured angle over 48 frames (and the
  trap's size as a second channel) to the spring's log torsion stiffness, the log set torque, the log impact speed
  and the bar's restitution at the base (the pivot's Coulomb friction a nuisance); the bar integrated as a
  torsion-spring pendulum with Coulomb friction, quadratic air drag and a bounce; angle noise 0.01 rad; MSE of the
  standardised targets; Adam (torch's defaults)
- moulded-pulp egg-carton crush strength: a small 2-D CNN (no normalisation) from a carton lid's scanned caliper map
  and moisture map (12 x 16) to the log flat-plate crush load; the load carried by the carton's posts, each post's
  capacity from local wall thickness squared (plate buckling) and a modulus falling with moisture, shared between
  the mean and the weakest post; 3% scatter; MSE; SGD with momentum 0.9 and weight decay 5e-4
- manhole inflow in a storm (a long plan only): a grey-box net whose small MLP gives the lid's discharge
  coefficient (a sigmoid) and the chimney's leak conductance (a softplus), put into the orifice law for the lid's
  pick holes and frame gap (Cd A sqrt(2 g h) under the ponding depth) and a Darcy-like leak under the groundwater
  head; the target is the log inflow of an event; 3% scatter; MSE of the log; RAdam (torch's defaults)
- nest-box occupancy (a long plan only): a plain MLP classifies a birdhouse season's outcome (empty, blue tit,
  great tit, house sparrow, starling) from the entrance hole's diameter, the floor area, the height, the entrance
  azimuth, the distance to cover, the habitat's openness, a predator guard, the box's age and whether it was
  cleaned; species' suitability from the hole against their body size (the larger ones excluded by small holes, the
  dominant larger species taking boxes they fit), height, aspect (south-west-facing boxes overheat) and habitat,
  drawn as a softmax choice; cross-entropy; SGD with Nesterov momentum 0.9 (no weight decay)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the manhole and
nest-box nets (no short plans; the manhole net on 16384 events in batches of 256, the nest-box net on 8192
box-seasons in batches of 32), the cast-net net on 8192 throws instead of 1024 (width 24 and one block instead of 48
and two; batch 32 instead of 64) and the flip-flop net on 8192 pairs instead of 1024 (32 units a layer instead of 64;
batch 32 instead of 64).

Of the eight plans, two use AdamW (both cast-net plans), two Adagrad (both flip-flop plans), one Adam (mousetrap),
one SGD with momentum (egg carton), one RAdam (manhole) and one SGD with Nesterov momentum (nest box).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam120_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam120/README.md).

    python benchmarks/exam120_workloads.py          # the table
    python benchmarks/exam120_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 120"


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


HELD_OUT = 4096


# --------------------------------------------------------------------------------------------------------------
# 1. cast-net throw and sink (AdamW)

CN_DEPTHS = (0.25, 0.5, 0.75, 1.0)


def _cn_throws(n: int, gen: torch.Generator, scatter: float = 0.04) -> tuple[torch.Tensor, torch.Tensor]:
    """Cast-net throws: net radius 1.2-3.6 m (4-12 ft nets), stretched mesh 6-25 mm, monofilament twine 0.2-0.6 mm,
    lead line 0.3-1.2 kg per metre of perimeter, the opening at landing 0.5-1 of the full radius (the thrower's
    pancake), water depth 1-6 m, current 0-1 m/s. The netting's solidity 2 d / mesh sets its drag area (the cone's
    plan area times the solidity times Cd 1.2); the lead line (lead, density 11.3) sinks at the terminal velocity of
    its submerged weight against that drag, with an acceleration length; while it sinks the netting's drag pulls the
    lead line in, the mouth closing as exp(-z / L) with a closing length L rising with the lead per metre and falling
    with solidity, the current skewing and narrowing it. 4% lognormal scatter (``scatter``). Returns (features
    (n, 7), mouth radii at 1/4, 1/2, 3/4 and all of the depth (m) and the log sink time (n, 5))."""
    radius = 1.2 + 2.4 * torch.rand(n, generator=gen)
    mesh = 6 + 19 * torch.rand(n, generator=gen)
    twine = 0.2 + 0.4 * torch.rand(n, generator=gen)
    lead = 0.3 + 0.9 * torch.rand(n, generator=gen)
    opening = 0.5 + 0.5 * torch.rand(n, generator=gen)
    depth = 1 + 5 * torch.rand(n, generator=gen)
    current = torch.rand(n, generator=gen)
    solidity = (2 * twine / mesh).clamp(max=0.2)
    r0 = radius * opening
    perim = 2 * math.pi * r0
    w_sub = lead * perim * 9.81 * (1 - 1 / 11.3)
    drag_area = 1.2 * math.pi * r0**2 * solidity * 4
    vt = (2 * w_sub / (1000 * drag_area)).sqrt()
    acc_len = 0.3 * vt**2 / 9.81 * 5
    time = depth / vt + acc_len / vt * (1 - torch.exp(-depth / acc_len.clamp_min(1e-3)))
    close_len = 2.5 * (lead / 0.6) ** 0.8 / (solidity / 0.05) ** 0.5 / (1 + 0.8 * current)
    out = []
    for f in CN_DEPTHS:
        z = f * depth
        r = r0 * (0.35 + 0.65 * torch.exp(-z / close_len)) * (1 - 0.15 * current * z / (z + 1))
        out.append(r)
    y = torch.stack(out + [torch.log(time)], 1)
    y = y * torch.cat([torch.exp(scatter * torch.randn(n, 4, generator=gen)), torch.ones(n, 1)], 1)
    y[:, 4] = y[:, 4] + scatter * torch.randn(n, generator=gen)
    x = torch.stack([(radius - 2.4) / 0.69, (mesh - 15.5) / 5.5, (twine - 0.4) / 0.115, (lead - 0.75) / 0.26,
                     (opening - 0.75) / 0.144, (depth - 3.5) / 1.44, (current - 0.5) / 0.29], 1)
    return x, y


class PreLNBlock(nn.Module):
    """x + MLP(LayerNorm(x)): a Pre-LN residual block."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class SinkNet(nn.Module):
    """A residual MLP with LayerNorm: a stem, Pre-LN blocks, a final norm and a head to the five outputs."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(7, width)
        self.blocks = nn.Sequential(*[PreLNBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.stem(x))))


def sink_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised mouth radii and log sink time."""
    return _mse(model, batch)


def cast_net_sink(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 48,
                  blocks: int = 2, scatter: float = 0.04) -> dict[str, Any]:
    """The sink net on ``train_size`` throws, targets standardised over them; held out: 4096 other throws in batches
    of 1024; AdamW with weight decay 1e-2 (torch's betas and eps)."""
    gen = torch.Generator().manual_seed(120101)
    x, y = _cn_throws(train_size + HELD_OUT, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SinkNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": sink_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. flip-flop sole wear (Adagrad)

FF_MATERIALS, FF_SURFACES, FF_GAITS = 4, 5, 3


def _ff_pairs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Flip-flop pairs worn to a survey's end: sole material (EVA, natural rubber, PU, recycled tyre rubber), main
    walking surface (beach sand, concrete, tile, asphalt, wooden boardwalk), gait (heel striker, midfoot, shuffler),
    wearer 40-110 kg, 1-10 km a day, 10-300 days, new sole 8-20 mm thick, Shore A 30-70. Abrasive wear per km: a
    material-by-surface rate (sand and asphalt cut, tile polishes; tyre rubber hardest-wearing, EVA worst; invented
    numbers) falling with hardness (Schallamach-like, ~H^-1.5), times the zone's contact pressure (the mass over the
    zone's area) and the gait's slip there (heel strikers wear the heel, shufflers the forefoot). Compression set:
    eps log(1 + days / 20) with eps large for EVA, small for rubbers, more under heavy wearers. 3% scatter. Returns
    (categorical codes (n, 3), continuous features (n, 5), remaining thickness at heel and forefoot in mm (n, 2))."""
    mat = torch.randint(0, FF_MATERIALS, (n,), generator=gen)
    surf = torch.randint(0, FF_SURFACES, (n,), generator=gen)
    gait = torch.randint(0, FF_GAITS, (n,), generator=gen)
    mass = 40 + 70 * torch.rand(n, generator=gen)
    km_day = 1 + 9 * torch.rand(n, generator=gen)
    days = 10 + 290 * torch.rand(n, generator=gen)
    thick = 8 + 12 * torch.rand(n, generator=gen)
    shore = 30 + 40 * torch.rand(n, generator=gen)
    rate = torch.tensor([[2.6, 1.6, 0.5, 2.0, 0.8],   # EVA
                         [1.4, 0.8, 0.2, 1.0, 0.3],   # natural rubber
                         [1.1, 0.9, 0.3, 1.1, 0.4],   # PU
                         [0.7, 0.5, 0.15, 0.6, 0.25]])  # recycled tyre rubber
    k = rate[mat, surf] * (shore / 50) ** -1.5 * 0.004  # mm per km at 1 unit pressure
    slip = torch.tensor([[1.6, 0.7], [1.0, 1.0], [0.8, 1.7]])[gait]  # (heel, forefoot)
    press = (mass / 70).view(-1, 1) * torch.tensor([[1.3, 1.0]])
    wear = k.view(-1, 1) * press**1.2 * slip * (km_day * days).view(-1, 1) / 10
    eps = torch.tensor([0.10, 0.02, 0.05, 0.015])[mat] * (mass / 70) ** 0.7 * (50 / shore)
    cset = eps.view(-1, 1) * torch.log1p(days / 20).view(-1, 1) * torch.tensor([[1.2, 0.9]]) * thick.view(-1, 1)
    left = (thick.view(-1, 1) - wear - cset)
    left = 1.0 + F.softplus(left - 1.0, beta=2.0)  # the sole never goes below ~1 mm of a worn-through strap base
    y = left * torch.exp(0.03 * torch.randn(n, 2, generator=gen))
    cats = torch.stack([mat, surf, gait], 1)
    cont = torch.stack([(mass - 75) / 20.2, (km_day - 5.5) / 2.6, (days - 155) / 84, (thick - 14) / 3.46,
                        (shore - 50) / 11.5], 1)
    return cats, cont, y


class SoleWearNet(nn.Module):
    """Embeddings of the material, surface and gait concatenated with the continuous features into a ReLU MLP."""

    def __init__(self, emb: int = 4, hidden: int = 64) -> None:
        super().__init__()
        self.mat = nn.Embedding(FF_MATERIALS, emb)
        self.surf = nn.Embedding(FF_SURFACES, emb)
        self.gait = nn.Embedding(FF_GAITS, emb)
        self.net = nn.Sequential(nn.Linear(3 * emb + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.mat(cats[:, 0]), self.surf(cats[:, 1]), self.gait(cats[:, 2]), cont], 1)
        return self.net(z)


def sole_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised heel and forefoot thicknesses."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def flip_flop_wear(batch_size: int = 32, seed: int = 0, train_size: int = 1024, emb: int = 4,
                   hidden: int = 64) -> dict[str, Any]:
    """The sole-wear net on ``train_size`` pairs, targets standardised over them; held out: 4096 other pairs in
    batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(120102)
    cats, cont, y = _ff_pairs(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SoleWearNet(emb, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": sole_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. mousetrap snap from a high-speed video (Adam)

MT_FRAMES = 48


def _mt_snaps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Snaps of spring-bar traps filmed at 2000 frames a second: the trap a mouse or a rat trap (bar inertia 2e-6
    or 1e-5 kg m^2), the torsion spring's stiffness 0.02-0.12 N m/rad (mouse; x4 for rats, log-uniform), its
    preload 0.3-1.0 rad beyond the bar's rest against the base, the pivot's Coulomb friction torque 0-15% of the
    set torque, the bar's restitution 0.1-0.5 at the base. The bar released at pi rad (open) and integrated (40
    substeps a frame): I theta'' = -k (theta + phi0) - friction sign(theta') - c theta'^2 sign(theta') (air drag,
    c from the bar's size), bouncing at theta = 0 with the restitution. The frames carry 0.01 rad of tracking
    noise. The friction is a nuisance (not a target: with the preload it is hard to tell apart from a video).
    Returns (video features (n, 2, 48): the angle over pi and the trap size, targets (n, 4): log stiffness (over
    the trap size's scale), log set torque k (pi + phi0), log impact speed (rad/s at the first hit) and
    restitution)."""
    rat = (torch.rand(n, generator=gen) < 0.4).float()
    inertia = 2e-6 + 8e-6 * rat
    k = 0.02 * 6 ** torch.rand(n, generator=gen) * (1 + 3 * rat)
    phi0 = 0.3 + 0.7 * torch.rand(n, generator=gen)
    fric = 0.15 * torch.rand(n, generator=gen)
    rest = 0.1 + 0.4 * torch.rand(n, generator=gen)
    fric_t = fric * k * (math.pi + phi0)
    c = 2e-7 * (1 + 2 * rat)
    th = torch.full((n,), math.pi)
    om = torch.zeros(n)
    impact = torch.full((n,), float("nan"))
    dt = 1 / 2000 / 40
    frames = []
    for _ in range(MT_FRAMES):
        for _ in range(40):
            torque = -k * (th + phi0) - fric_t * torch.sign(om) - c * om * om.abs()
            om = om + dt * torque / inertia
            th = th + dt * om
            hit = th < 0
            impact = torch.where(hit & impact.isnan(), -om, impact)
            th = torch.where(hit, -th * rest, th)
            om = torch.where(hit, -om * rest, om)
        frames.append(th)
    impact = torch.where(impact.isnan(), -om, impact).clamp_min(1.0)
    video = torch.stack(frames, 1) / math.pi + 0.01 / math.pi * torch.randn(n, MT_FRAMES, generator=gen)
    x = torch.stack([video, (2 * rat - 1).view(-1, 1).expand(-1, MT_FRAMES)], 1)
    y = torch.stack([torch.log(k / (1 + 3 * rat)), torch.log(k * (math.pi + phi0)), torch.log(impact), rest], 1)
    return x, y


class SnapCNN(nn.Module):
    """A 1-D CNN over the 48 frames: three conv layers (ReLU, a max-pool after the first two), flattened to a
    linear head for the four snap targets."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, ch, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(ch, ch, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(ch, ch, 3, padding=1), nn.ReLU())
        self.head = nn.Linear(ch * (MT_FRAMES // 4), 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def snap_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised snap targets."""
    return _mse(model, batch)


def mousetrap_snap(batch_size: int = 64, seed: int = 0, train_size: int = 4096, ch: int = 16) -> dict[str, Any]:
    """The snap CNN on 4096 filmed snaps, targets standardised over them; held out: 4096 other snaps in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(120103)
    x, y = _mt_snaps(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SnapCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": snap_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. moulded-pulp egg-carton crush strength (SGD with momentum)

EC_H, EC_W = 12, 16
EC_POSTS = ((3, 4), (3, 8), (3, 12), (8, 4), (8, 8), (8, 12))


def _ec_cartons(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Moulded-pulp cartons (a dozen, 2 x 6 cells; the lid scanned on a 12 x 16 grid): wall caliper 1.2-2.4 mm on
    average with a smooth random field (a sum of 6 Gaussian bumps, +-0.5 mm) from the forming screen, moisture 6-14%
    with a drying gradient and damp patches. Flat-plate crush: the load goes down six posts between the cells; a
    post's capacity is a plate-buckling E t^2 from the 3 x 3 mean caliper around it, the modulus falling as
    exp(-0.12 (moisture - 8%)); the carton's crush load shares the posts' mean and their weakest (0.5 / 0.5). 3%
    scatter. Returns (maps (n, 2, 12, 16): caliper and moisture, standardised; log crush load (n, 1))."""
    yy = torch.arange(EC_H).float().view(1, -1, 1)
    xx = torch.arange(EC_W).float().view(1, 1, -1)
    base = 1.2 + 1.2 * torch.rand(n, 1, 1, generator=gen)
    field = torch.zeros(n, EC_H, EC_W)
    for _ in range(6):
        cy = EC_H * torch.rand(n, 1, 1, generator=gen)
        cx = EC_W * torch.rand(n, 1, 1, generator=gen)
        s = 1.5 + 2.5 * torch.rand(n, 1, 1, generator=gen)
        a = 0.5 * (2 * torch.rand(n, 1, 1, generator=gen) - 1)
        field = field + a * torch.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * s**2))
    cal = (base + field).clamp_min(0.6)
    m0 = 6 + 8 * torch.rand(n, 1, 1, generator=gen)
    grad = (2 * torch.rand(n, 1, 1, generator=gen) - 1) * 2 * (xx / (EC_W - 1) - 0.5)
    py = EC_H * torch.rand(n, 1, 1, generator=gen)
    px = EC_W * torch.rand(n, 1, 1, generator=gen)
    patch = 3 * torch.rand(n, 1, 1, generator=gen) * torch.exp(-((yy - py) ** 2 + (xx - px) ** 2) / 8)
    moist = m0 + grad + patch
    cap = []
    for (i, j) in EC_POSTS:
        t = cal[:, i - 1:i + 2, j - 1:j + 2].mean((1, 2))
        m = moist[:, i - 1:i + 2, j - 1:j + 2].mean((1, 2))
        cap.append(t**2 * torch.exp(-0.12 * (m - 8)))
    cap = torch.stack(cap, 1)
    load = 60 * (0.5 * cap.mean(1) + 0.5 * cap.min(1).values)
    y = torch.log(load) + 0.03 * torch.randn(n, generator=gen)
    x = torch.stack([(cal - 1.8) / 0.45, (moist - 10) / 2.6], 1)
    return x, y.view(-1, 1)


class CrushCNN(nn.Module):
    """A small 2-D CNN without normalisation: conv-ReLU, a max-pool, conv-ReLU, flattened to a linear head (the
    posts sit at fixed places, so no global pooling)."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(2, ch, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(ch, ch, 3, padding=1), nn.ReLU())
        self.head = nn.Linear(ch * (EC_H // 2) * (EC_W // 2), 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def crush_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log crush load."""
    return _mse(model, batch)


def egg_carton_crush(batch_size: int = 64, seed: int = 0, train_size: int = 2048, ch: int = 16) -> dict[str, Any]:
    """The crush CNN on 2048 scanned cartons, the log load standardised over them; held out: 4096 other cartons in
    batches of 1024; SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(120104)
    x, y = _ec_cartons(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrushCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": crush_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. manhole inflow in a storm (RAdam; long only)

MH_LIDS = 3  # solid lid with pick holes, vented lid, lid with a gasket


def _mh_events(n: int, gen: torch.Generator, scatter: float = 0.03) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Storm events at sewer manholes in a street's sag: the lid (solid with 2 pick holes, vented with 8-24 holes,
    gasketed with 2 plugged-ish holes), hole diameter 20-40 mm, the frame's gap 0-6 mm around a 600 mm opening,
    debris on the lid 0-1, ponding depth over it 0.01-0.3 m, groundwater head above the chimney's invert 0-2.5 m,
    the chimney's age 0-80 years, the seal (none, mortar, chimney seal), the soil (sand, loam, clay). Orifice law:
    Q_lid = Cd A sqrt(2 g h), with A the holes' area plus the gap's annulus, Cd 0.6 for clean holes falling with
    debris (and sharply for the gasket's plugs); leak: a conductance rising with age (cracking), cut by the seal,
    scaled by the soil's permeability, times the groundwater head. 3% lognormal scatter on the event total. Returns
    (features (n, 12), the known orifice area sqrt(2 g h) and head terms (n, 2), log inflow in L/s (n, 1))."""
    lid = torch.randint(0, MH_LIDS, (n,), generator=gen)
    holes = torch.where(lid == 1, torch.randint(8, 25, (n,), generator=gen), torch.full((n,), 2)).float()
    dia = 0.020 + 0.020 * torch.rand(n, generator=gen)
    gap = 0.006 * torch.rand(n, generator=gen) ** 1.5
    debris = torch.rand(n, generator=gen)
    pond = 0.01 + 0.29 * torch.rand(n, generator=gen)
    head = 2.5 * torch.rand(n, generator=gen)
    age = 80 * torch.rand(n, generator=gen)
    seal = torch.randint(0, 3, (n,), generator=gen)
    soil = torch.randint(0, 3, (n,), generator=gen)
    area = holes * math.pi * dia**2 / 4 + math.pi * 0.6 * gap
    drive = area * (2 * 9.81 * pond).sqrt() * 1000  # L/s at Cd = 1
    cd = 0.62 * (1 - 0.7 * debris**1.5) * torch.tensor([1.0, 1.0, 0.25])[lid] * (1 - 0.3 * (gap > 0.003).float()
                                                                                 * debris)
    cond = (0.02 + 0.5 * (age / 80) ** 2) * torch.tensor([1.0, 0.35, 0.08])[seal] * torch.tensor([3.0, 1.0, 0.2])[soil]
    q = cd * drive + cond * head
    y = torch.log(q + 0.01) + scatter * torch.randn(n, generator=gen)
    x = torch.cat([F.one_hot(lid, MH_LIDS).float(), F.one_hot(seal, 3).float(), F.one_hot(soil, 3).float(),
                   torch.stack([(debris - 0.5) / 0.29, (age - 40) / 23, (gap * 1000 - 2.4) / 1.7], 1)], 1)
    known = torch.stack([drive, head], 1)
    return x, known, y.view(-1, 1)


class InflowGreyBox(nn.Module):
    """A grey-box net: a small tanh MLP gives the lid's discharge coefficient (a sigmoid, 0-1) and the chimney's leak
    conductance (a softplus, L/s per m of head); the orifice and leak laws combine them with the known drive
    (orifice area times sqrt(2 g h)) and groundwater head into the log inflow."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor, known: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        cd = torch.sigmoid(p[:, 0])
        cond = F.softplus(p[:, 1] - 1.0)
        q = cd * known[:, 0] + cond * known[:, 1]
        return torch.log(q + 0.01).view(-1, 1)


def inflow_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log event inflow."""
    x, known, y = batch
    return F.mse_loss(model(x, known), y)


def manhole_inflow(batch_size: int = 256, seed: int = 0, train_size: int = 16384, hidden: int = 32,
                   scatter: float = 0.03) -> dict[str, Any]:
    """The grey-box inflow net on ``train_size`` (16384) manhole events (``scatter``: the log inflow's scatter);
    held out: 4096 other events in batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(120105)
    x, known, y = _mh_events(train_size + HELD_OUT, gen, scatter)
    tr = (x[:train_size], known[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": InflowGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], known[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": inflow_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. nest-box occupancy (SGD with Nesterov momentum; long only)

NB_CLASSES = 5  # empty, blue tit, great tit, house sparrow, starling


def _nb_seasons(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Nest-box seasons: entrance hole 25-50 mm, floor 100-250 cm^2, height 1-6 m, entrance azimuth (any), 0-60 m
    to cover, habitat openness 0-1 (woodland to garden / farmyard), a predator guard, the box's age 0-10 years,
    cleaned last winter or not. Each species' suitability (invented): a hole at least its body needs (blue tit 25-26
    mm, great tit 28, sparrow 32, starling 45; a steep sigmoid), a preferred hole size, floor area, height, the
    entrance's aspect (south-west facing boxes overheat, hurting the small tits most), distance to cover, habitat
    (tits in woodland, sparrows and starlings in open, built-up land), the guard, the box's age and cleanliness
    (parasites); the dominant larger species take the boxes they fit. The season's outcome is a softmax draw over
    the five logits (times 3: outcomes are fairly consistent at a given site). Returns (features (n, 10), classes)."""
    hole = 25 + 25 * torch.rand(n, generator=gen)
    floor = 100 + 150 * torch.rand(n, generator=gen)
    height = 1 + 5 * torch.rand(n, generator=gen)
    az = 2 * math.pi * torch.rand(n, generator=gen)
    cover = 60 * torch.rand(n, generator=gen) ** 1.5
    openness = torch.rand(n, generator=gen)
    guard = (torch.rand(n, generator=gen) < 0.4).float()
    age = 10 * torch.rand(n, generator=gen)
    clean = (torch.rand(n, generator=gen) < 0.6).float()
    heat = torch.cos(az - math.radians(225))  # 1 when facing south-west
    need = torch.tensor([25.5, 28.0, 32.0, 45.0])
    pref = torch.tensor([27.0, 30.0, 34.0, 48.0])
    fits = torch.sigmoid(3 * (hole.view(-1, 1) - need))
    size = -((hole.view(-1, 1) - pref) / torch.tensor([4.0, 5.0, 6.0, 6.0])) ** 2
    hab = torch.stack([1.2 - 1.8 * openness, 1.0 - 1.2 * openness, -0.8 + 2.0 * openness, -1.0 + 2.2 * openness], 1)
    hgt = torch.stack([0.1 * height, 0.1 * height, -0.15 * (height - 3).abs(), 0.3 * height - 0.6], 1)
    aspect = -heat.view(-1, 1) * torch.tensor([0.9, 0.7, 0.3, 0.2])
    flo = torch.stack([-0.004 * (floor - 120), -0.003 * (floor - 150), 0.002 * (floor - 150),
                       0.008 * (floor - 180)], 1)
    cov = -cover.view(-1, 1) / torch.tensor([20.0, 25.0, 80.0, 60.0])
    care = (0.6 * guard + 0.5 * clean - 0.08 * age).view(-1, 1) * torch.tensor([1.0, 1.0, 0.4, 0.6])
    dom = torch.tensor([0.0, 0.3, 0.8, 1.2])
    logit = torch.log(fits + 1e-4) + size + hab + hgt + aspect + flo + cov + care + dom + 0.7
    logit = 3 * torch.cat([torch.zeros(n, 1), logit], 1)  # the sites' choices are fairly consistent
    y = torch.multinomial(torch.softmax(logit, 1), 1, generator=gen).view(-1)
    x = torch.stack([(hole - 37.5) / 7.2, (floor - 175) / 43, (height - 3.5) / 1.44, torch.cos(az), torch.sin(az),
                     (cover - 24) / 17, (openness - 0.5) / 0.29, 2 * guard - 1, (age - 5) / 2.9, 2 * clean - 1], 1)
    return x, y


class OccupancyNet(nn.Module):
    """A ReLU MLP from the box and its site to the five outcome logits."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, NB_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def occupancy_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the season's outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def nest_box_occupancy(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The occupancy classifier on 8192 box-seasons; held out: 4096 other box-seasons in batches of 1024; SGD with
    Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(120106)
    x, y = _nb_seasons(train_size + HELD_OUT, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OccupancyNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": occupancy_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("cast_net_sink_adamw", cast_net_sink, 300, "cast_net_throw_sink_mouth_closure_preln_resmlp", "adamw_wd1e-2",
      "finite", 64, seconds=0.4, start_lr=0.016),
    W("flip_flop_wear_adagrad", flip_flop_wear, 300, "flip_flop_sole_wear_compression_set_embedding_mlp", "adagrad",
      "finite", 64, seconds=0.2, start_lr=0.128),
    W("mousetrap_snap_adam", mousetrap_snap, 300, "mousetrap_snap_video_spring_parameters_cnn1d", "adam", "finite",
      64, seconds=0.6, start_lr=0.032),
    W("egg_carton_crush_momentum", egg_carton_crush, 300, "egg_carton_moulded_pulp_crush_load_cnn",
      "sgd_momentum0.9_wd5e-4", "finite", 64, seconds=0.7, start_lr=0.025),
)
LONG = (
    W("manhole_inflow_radam@long", manhole_inflow, 3000, "manhole_lid_orifice_chimney_leak_inflow_greybox", "radam",
      "finite", 256, seconds=2.7, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("nest_box_occupancy_nesterov@long", nest_box_occupancy, 3000, "birdhouse_nest_box_species_occupancy_mlp",
      "sgd_nesterov0.9", "finite", 32, seconds=1.2, start_lr=0.05, grid_fractions=(0.0, 0.05)),
    W("cast_net_sink_adamw@long", cast_net_sink, 3000, "cast_net_throw_sink_mouth_closure_preln_resmlp",
      "adamw_wd1e-2", "finite", 32, dict(train_size=8192, width=24, blocks=1), seconds=2.4, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="cast_net_sink_adamw"),
    W("flip_flop_wear_adagrad@long", flip_flop_wear, 3000, "flip_flop_sole_wear_compression_set_embedding_mlp",
      "adagrad", "finite", 32, dict(train_size=8192, hidden=32), seconds=1.7, start_lr=0.256,
      grid_fractions=(0.0, 0.05), long_of="flip_flop_wear_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam120_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twentieth exam's workloads")
