"""The hundred-and-twenty-fifth exam: six more workload families that neither the suite nor exams 1-124 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam124_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from wine racks and bottle temperature, shoe polish and shine, key rings and
split-ring wear, coat hangers and garment drape, hair clips and grip hold, and bean bags and settle depth (exam 126
was built at the same time from other domains; its module was not opened). What was checked to make them new, and
what was tried and dropped, is in ``benchmarks/results/exam125/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- wine-rack bottle temperature over a day: a GRU over 12 two-hour readings (the air temperature at the bottle's
  shelf, the rack, the bottle size, the shelf height and the wine's starting temperature) to the wine's temperature
  at each reading; a lumped (Newton) heat balance of wine and glass with natural convection to the air and
  conduction to the rack (a stone cubby ties the bottle to the wall's steady temperature), daily swings,
  stratification with height and warm pulses when the door opens; MSE of the scaled temperatures; Adam (torch's
  defaults)
- shoe-polish shine read from a goniophotometer: a 1-D CNN (BatchNorm) from the log reflectance at 48 angles
  around the specular direction of a polished toe cap to the polish film's log rms slope, its coverage of the
  leather and the leather's log diffuse albedo; a Beckmann specular lobe of the wax film (its Fresnel reflectance
  from the wax's refractive index, its coverage from the film thickness, the slope smoothed by coats and buffing
  strokes) over the bare leather's broader lobe and a Lambertian base; 3% scatter; MSE of the standardised
  parameters; AdamW (weight decay 1e-2)
- key-ring split-ring wear: a residual net with LayerNorm over embeddings of the ring's metal, size and the way
  it is carried plus five numbers (keys, key mass, months, key changes a month, sweat) to the log wear depth of
  the ring's wire and the gap's permanent opening; Archard wear from the keys' jangling (load from the key mass
  and the carry mode), corrosion of plated steel once the plating is worn, plastic set at each key change when the
  opening strain passes the metal's yield strain, with work hardening; 10% scatter; MSE; Adamax (torch's defaults)
- coat-hanger garment drape: a small 2-D CNN (GroupNorm) from a 16x16 front-view silhouette of a shirt hanging on
  a hanger to the fabric's log bending length, the garment's shoulder half-width and the hanger arm's slope;
  shoulder bumps where the fabric overhangs the hanger's ends (they stand for stiff fabrics, droop for limp ones),
  hem folds whose count and depth fall with the bending length, sag under the fabric's weight; image noise; MSE
  of the standardised targets; AdamW (weight decay 0.05, as vision CNNs use)
- hair-clip grip hold during a day's wear (a long plan only): an MLP from the clip (claw, snap clip, bobby pin;
  one-hot), its spring force, the hair's diameter, the held hair's mass, its condition (friction), the head's
  motion and the hours worn to the log hold margin and the log1p slip; Coulomb friction on the clip's teeth with
  a tooth interlock that grows with hair diameter, against the hair's weight times the head's acceleration,
  creep slip at a rate exponential in the margin; 5% scatter; MSE; RAdam (torch's defaults)
- bean-bag chair settle depth (a long plan only): a grey-box net: an MLP from the bag's fill, bead size, bead age,
  the sitter's mass, the bag's volume and the cover's stretch to three physical parameters (instant depth, creep
  depth, log creep time) of depth(t) = d0 + dc log(1 + t / tau), read at 8 log-spaced times (1 s to 30 min); the
  data from a bead bed whose stiffness rises with the effective fill (beads shrink with age), creep of the
  expanded-polystyrene beads and bottoming out near the bag's height (which the grey-box form does not have); MSE
  of depths in decimetres; SGD with Nesterov momentum 0.9

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the hair-clip and
bean-bag nets (no short plans), the shoe-polish CNN on 8192 profiles instead of 4096 (8 channels instead of 16,
batch 32 instead of 128) and the key-ring net on the same 8192 rings with one residual block of 32 units instead of
two of 48 (batch 64 instead of 256).

Of the eight plans, the short ones use Adam (wine rack), AdamW (shoe polish, coat hanger) and Adamax (key ring); the
long ones AdamW (shoe polish@long), Adamax (key ring@long), RAdam (hair clip) and SGD with Nesterov momentum (bean
bag).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam125_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam125/README.md).

    python benchmarks/exam125_workloads.py          # the table
    python benchmarks/exam125_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 125"


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
# 1. wine-rack bottle temperature over a day (Adam)

WR_STEPS = 12  # two-hour readings over a day
WR_SUB = 12  # integration sub-steps a reading


def _wr_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A day of a bottle in a wine rack, read every two hours. The rack: pine lattice, metal wire or a stone / brick
    cubby; the bottle: 0.375, 0.75 or 1.5 L; the shelf 0-2 m above the floor. The room's mean 10-18 C with a daily
    swing of 0.5-5.5 C (a cellar to a kitchen), a stratification of 0.5-2 C/m, and warm pulses of 1.5-4 C in the
    two-hour spells when the door opens (probability 0-0.3 a spell; the air held at each reading's value over its
    spell). The wine starts at the room's level or off it by up to 6 C (a bottle
    just brought in). Heat balance (Newton): C dT/dt = h A (T_air - T) + G (T_rack - T), C from the wine (4.2
    kJ/kg/K) and the glass (0.84 kJ/kg/K, 0.5 kg per 0.75 L scaled by area), A = 0.06 m2 (V / 0.75 L)^(2/3),
    h = 4 W/m2/K (natural convection, times 0.7 in a cubby), G per rack: pine 0.05, wire 0.25, stone 1.2 W/K with
    the stone at the wall's steady temperature (the room's mean at that height); 12 Euler sub-steps a reading. 0.05 C
    sensor scatter. Returns (inputs (n, 12, 9), temperatures (n, 12) as (T - 14) / 4)."""
    rack = torch.randint(0, 3, (n,), generator=gen)
    size = torch.randint(0, 3, (n,), generator=gen)
    vol = torch.tensor([0.375, 0.75, 1.5])[size]
    shelf = torch.rand(n, generator=gen)
    base = 10 + 8 * torch.rand(n, generator=gen)
    swing = 0.5 + 5 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    grad = 0.5 + 1.5 * torch.rand(n, generator=gen)
    p_door = 0.3 * torch.rand(n, generator=gen)
    door = (torch.rand(n, WR_STEPS, generator=gen) < p_door.view(-1, 1)).float()
    pulse = door * (1.5 + 2.5 * torch.rand(n, WR_STEPS, generator=gen))
    hours = 2 * torch.arange(WR_STEPS).float().view(1, -1)
    level = (base + 2 * shelf * grad).view(-1, 1)
    air = level + swing.view(-1, 1) * torch.sin(2 * math.pi * hours / 24 + phase.view(-1, 1)) + pulse
    off = torch.where(torch.rand(n, generator=gen) < 0.5, 12 * torch.rand(n, generator=gen) - 6, torch.zeros(n))
    t = level.view(-1) + off
    t0 = t.clone()
    area = 0.06 * (vol / 0.75) ** (2 / 3)
    cap = vol * 4200 + 0.5 * (vol / 0.75) ** (2 / 3) * 840  # J/K
    h = 4.0 * torch.where(rack == 2, torch.tensor(0.7), torch.tensor(1.0))
    g = torch.tensor([0.05, 0.25, 1.2])[rack]
    stone = rack == 2
    dt = 7200 / WR_SUB
    out = []
    for k in range(WR_STEPS):
        a = air[:, k]
        t_rack = torch.where(stone, level.view(-1), a)
        for _ in range(WR_SUB):
            t = t + dt * (h * area * (a - t) + g * (t_rack - t)) / cap
        out.append(t)
    y = (torch.stack(out, 1) + 0.05 * torch.randn(n, WR_STEPS, generator=gen) - 14) / 4
    static = torch.cat([F.one_hot(rack, 3).float(), F.one_hot(size, 3).float(), (shelf.view(-1, 1) - 0.5) / 0.29,
                        ((t0 - 14) / 4).view(-1, 1)], 1)
    x = torch.cat([((air - 14) / 4).unsqueeze(2), static.unsqueeze(1).expand(-1, WR_STEPS, -1)], 2)
    return x, y


class BottleGRU(nn.Module):
    """A one-layer GRU over the readings, a linear read-out of the wine's temperature at each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def bottle_temp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the wine temperatures at the 12 readings, (T - 14) / 4."""
    return _mse(model, batch)


def wine_rack(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The bottle GRU on 2048 rack-days; held out: 2048 other days in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(125101)
    x, y = _wr_days(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BottleGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": bottle_temp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. shoe-polish shine from a goniophotometer profile (AdamW)

SP_ANGLES = 48


def _sp_profiles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Polished toe caps measured at 60 degrees incidence, the detector swept -45..+45 degrees about the specular
    direction. The leather (smooth calf, corrected-grain cowhide, pebble grain: bare rms slopes 0.25, 0.35, 0.5),
    its colour (diffuse albedo 0.03-0.2); the polish (carnauba wax paste, cream, liquid: refractive index 1.47,
    1.45, 1.50; film per coat 2.0, 0.8, 1.5 um; buffing scale 150, 250, 60 strokes; smoothest slopes 0.03, 0.06,
    0.05), 1-6 coats, 0-400 buffing strokes, with or without water (a "spit shine": +50% film). The film's rms
    slope m = m_min + (m_bare - m_min) exp(-h / 3 um) exp(-strokes / s0); its coverage 1 - exp(-h / 1.5 um); its
    Fresnel reflectance by Schlick's form at 60 degrees. The profile: the film's Beckmann lobe F c exp(-tan^2
    theta / m^2) / m^2 plus the bare leather's (its own Fresnel, n 1.55, on the uncovered share) plus the albedo
    (Lambertian) and a cream's pigment haze; 3% multiplicative scatter. Returns (log10 profile (n, 1, 48) shifted by
    +1, targets (n, 3): log m, coverage c, log albedo)."""
    leather = torch.randint(0, 3, (n,), generator=gen)
    polish = torch.randint(0, 3, (n,), generator=gen)
    m_bare = torch.tensor([0.25, 0.35, 0.5])[leather] * (0.85 + 0.3 * torch.rand(n, generator=gen))
    albedo = 0.03 + 0.17 * torch.rand(n, generator=gen)
    n_ref = torch.tensor([1.47, 1.45, 1.50])[polish]
    per_coat = torch.tensor([2.0, 0.8, 1.5])[polish]
    s0 = torch.tensor([150.0, 250.0, 60.0])[polish]
    m_min = torch.tensor([0.03, 0.06, 0.05])[polish]
    coats = torch.randint(1, 7, (n,), generator=gen).float()
    strokes = 400 * torch.rand(n, generator=gen)
    water = (torch.rand(n, generator=gen) < 0.3).float()
    film = coats * per_coat * (1 + 0.5 * water)
    m = m_min + (m_bare - m_min) * torch.exp(-film / 3) * torch.exp(-strokes / s0)
    cover = 1 - torch.exp(-film / 1.5)
    c60 = 0.5

    def schlick(nr: torch.Tensor | float) -> torch.Tensor | float:
        r0 = ((nr - 1) / (nr + 1)) ** 2
        return r0 + (1 - r0) * (1 - c60) ** 5

    fres = schlick(n_ref)
    theta = torch.deg2rad(torch.linspace(-45, 45, SP_ANGLES)).view(1, -1)
    tan2 = torch.tan(theta) ** 2

    def lobe(mm: torch.Tensor) -> torch.Tensor:
        mm = mm.view(-1, 1)
        return torch.exp(-tan2 / mm**2) / (math.pi * mm**2)

    haze = torch.where(polish == 1, 0.01 * coats, torch.zeros(n)).view(-1, 1)
    prof = ((fres * cover).view(-1, 1) * lobe(m) + schlick(1.55) * (1 - cover).view(-1, 1) * lobe(m_bare)
            + albedo.view(-1, 1) / math.pi + haze * torch.exp(-tan2 / 0.3))
    prof = prof * torch.exp(0.03 * torch.randn(n, SP_ANGLES, generator=gen))
    x = (torch.log10(prof) + 1).unsqueeze(1)
    y = torch.stack([torch.log(m), cover, torch.log(albedo)], 1)
    return x, y


class GlossCNN(nn.Module):
    """A 1-D CNN over the profile: three conv / BatchNorm / ReLU stages (the last two strided), a linear head on
    the flattened features (the lobe's position matters, so no global pooling)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, width // 2, 5, padding=2), nn.BatchNorm1d(width // 2), nn.ReLU(),
            nn.Conv1d(width // 2, width, 5, stride=2, padding=2), nn.BatchNorm1d(width), nn.ReLU(),
            nn.Conv1d(width, width, 3, stride=2, padding=1), nn.BatchNorm1d(width), nn.ReLU(),
            nn.Flatten(), nn.Linear(width * SP_ANGLES // 4, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gloss_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log rms slope, film coverage and log albedo."""
    return _mse(model, batch)


def shoe_polish(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The gloss CNN on 4096 measured toe caps, targets standardised over them; held out: 2048 other toe caps in
    batches of 1024 (BatchNorm in eval mode); AdamW (weight decay 1e-2, torch's default; betas 0.9 / 0.999)."""
    gen = torch.Generator().manual_seed(125102)
    x, y = _sp_profiles(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GlossCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2"),
            "loss_fn": gloss_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. key-ring split-ring wear (Adamax)

KR_CATS = (4, 4, 4)  # metal, ring size, carry mode


def _kr_rings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Split rings in daily use. The metal (302 stainless, zinc-plated spring steel, brass, titanium: hardness 2.0,
    1.8, 1.2, 2.6 GPa; yield strain 0.0060, 0.0080, 0.0030, 0.0090); the ring (16, 20, 25, 30 mm across, wire
    0.8, 1.0, 1.2, 1.5 mm thick); the carry (trouser pocket, belt clip, handbag, carabiner on a backpack: jangling
    1.0, 1.6, 0.6, 1.3; sweat contact 1.0, 0.4, 0.1, 0.3); 1-12 keys of 4-12 g; 1-36 months (log); 0-6 key changes a
    month; the wearer's sweat 0-1. Wear (Archard): depth ~ K load distance / H over the contact, the load the keys'
    weight times the jangling, the distance the months' steps, a wear coefficient raised by sweat (and, for plated
    steel, by corrosion once the zinc is gone after ~8 months). Set: each key change opens the gap by ~3 mm, a
    bending strain t gap / D^2 (scaled); the part above the yield strain sets, with work hardening that raises the
    yield as set accumulates. 10% lognormal scatter on each. Returns (categories (n, 3), numbers (n, 5), targets
    (n, 2): log wear depth (um), log1p gap set (0.1 mm))."""
    metal = torch.randint(0, 4, (n,), generator=gen)
    ring = torch.randint(0, 4, (n,), generator=gen)
    carry = torch.randint(0, 4, (n,), generator=gen)
    keys = torch.randint(1, 13, (n,), generator=gen).float()
    kmass = 4 + 8 * torch.rand(n, generator=gen)
    months = 36 ** torch.rand(n, generator=gen)
    changes = 6 * torch.rand(n, generator=gen) ** 2
    sweat = torch.rand(n, generator=gen)
    hard = torch.tensor([2.0, 1.8, 1.2, 2.6])[metal]
    ey = torch.tensor([0.0060, 0.0080, 0.0030, 0.0090])[metal]
    dia = torch.tensor([16.0, 20.0, 25.0, 30.0])[ring]
    wire = torch.tensor([0.8, 1.0, 1.2, 1.5])[ring]
    jangle = torch.tensor([1.0, 1.6, 0.6, 1.3])[carry]
    contact = torch.tensor([1.0, 0.4, 0.1, 0.3])[carry]
    load = keys * kmass * 9.81e-3 * jangle  # N
    distance = months * 30 * 8000 * 0.4e-3  # m of key sliding
    plated = (metal == 1).float()
    corrode = 1 + plated * 2.5 * torch.sigmoid((months - 8) / 2) * (0.3 + sweat * contact)
    k = 2e-5 * (1 + 1.5 * sweat * contact) * corrode
    depth = k * load * distance / hard / (wire * dia) * 1e3  # um, contact spread over the ring
    strain = 0.6 * wire * 3.0 / (dia**2 / 4) / (1 + keys / 24)
    events = changes * months
    # the set accumulates over the key changes, saturating as the yield hardens with it
    excess = torch.relu(strain - ey)
    set_mm = 30 * excess * (1 - torch.exp(-events / (3 + 300 * excess)))
    noise = torch.exp(0.1 * torch.randn(n, 2, generator=gen))
    y = torch.stack([torch.log(depth * noise[:, 0]), torch.log1p(10 * set_mm * noise[:, 1])], 1)
    num = torch.stack([(keys - 6.5) / 3.45, (kmass - 8) / 2.3, torch.log(months) / 1.03 - 1.74,
                       (changes - 1.2) / 1.6, (sweat - 0.5) / 0.29], 1)
    return torch.stack([metal, ring, carry], 1), num, y


class RingResNet(nn.Module):
    """Embeddings of the three categories (8 dims each) concatenated with the numbers, a linear stem, ``blocks``
    residual blocks (Pre-LN: LayerNorm, Linear, GELU, Linear) and a LayerNorm'd linear head."""

    def __init__(self, width: int = 48, blocks: int = 2, emb: int = 8) -> None:
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, emb) for c in KR_CATS])
        self.stem = nn.Linear(emb * len(KR_CATS) + 5, width)
        self.blocks = nn.ModuleList([nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                   nn.Linear(width, width)) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        h = self.stem(torch.cat([e(cat[:, i]) for i, e in enumerate(self.embs)] + [num], 1))
        for b in self.blocks:
            h = h + b(h)
        return self.head(self.norm(h))


def ring_wear_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log wear depth and log1p gap set."""
    cat, num, y = batch
    return F.mse_loss(model(cat, num), y)


def key_ring(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 48,
             blocks: int = 2) -> dict[str, Any]:
    """The ring net on 8192 rings, targets standardised over them; held out: 2048 other rings in batches of 1024;
    Adamax (torch's defaults: betas 0.9 / 0.999, eps 1e-8)."""
    gen = torch.Generator().manual_seed(125103)
    cat, num, y = _kr_rings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RingResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": ring_wear_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. coat-hanger garment drape from a silhouette image (AdamW)

CH_PX = 16


def _ch_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Front-view silhouettes of a shirt on a hanger, 16x16 (x in -1..1 across, y 0..1 down). The hanger's half
    width a 0.45-0.7 and arm slope s 0.15-0.45 (a wooden suit hanger to a wire one); the garment's shoulder half
    width g = a (1.0-1.4) (overhang); the fabric's bending length c 1-5 cm (log-uniform; stiffness c^3) and its mass
    100-300 g/m2. The shoulder line follows the arms to the hanger's ends; past them the fabric overhangs, its edge
    dropping by (1 - tanh(c / 2.5)) times the overhang (limp fabrics droop, stiff ones stand out: the shoulder
    bump); the sides fall to the hem at 0.8-0.95 with a taper; the hem waves in k = 3 / c folds of depth 0.12 /
    c^0.5, and the whole hangs longer by a sag of mass / stiffness. Pixels: soft edges (a sigmoid of the signed
    distance over 0.03), a shade gradient, 0.03 Gaussian noise. Returns (images (n, 1, 16, 16), targets (n, 3):
    log c, g, s)."""
    a = 0.45 + 0.25 * torch.rand(n, generator=gen)
    s = 0.15 + 0.3 * torch.rand(n, generator=gen)
    over = 1.0 + 0.4 * torch.rand(n, generator=gen)
    g = a * over
    c = 5 ** torch.rand(n, generator=gen)
    mass = 100 + 200 * torch.rand(n, generator=gen)
    hem = 0.8 + 0.15 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    sag = 0.04 * (mass / 200) / (c / 2.5) ** 1.5
    xs = torch.linspace(-1, 1, CH_PX).view(1, 1, -1)
    ys = torch.linspace(0, 1, CH_PX).view(1, -1, 1)
    ax, sx, gx, cx = a.view(-1, 1, 1), s.view(-1, 1, 1), g.view(-1, 1, 1), c.view(-1, 1, 1)
    ax_abs = xs.abs()
    top = 0.08 + sx * torch.minimum(ax_abs, ax) + (1 - torch.tanh(cx / 2.5)) * torch.relu(ax_abs - ax) * 1.2
    side = gx * (1 - 0.15 * ys) - 0.05 * (1 - torch.tanh(cx / 2.5)) * ys
    folds = 3 / cx
    hem_y = (hem.view(-1, 1, 1) + sag.view(-1, 1, 1) + 0.12 / cx**0.5
             * torch.cos(math.pi * folds * xs + 0.3 * phase.view(-1, 1, 1))).clamp(max=1.05)
    w = 0.03
    mask = torch.sigmoid((ys - top) / w) * torch.sigmoid((side - ax_abs) / w) * torch.sigmoid((hem_y - ys) / w)
    img = mask * (0.8 + 0.2 * ys) + 0.03 * torch.randn(n, CH_PX, CH_PX, generator=gen)
    y = torch.stack([torch.log(c), g, s], 1)
    return img.unsqueeze(1), y


class DrapeCNN(nn.Module):
    """Two strided conv / GroupNorm / SiLU stages (16 -> 8 -> 4 pixels), a linear head on the flattened
    features."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, width // 2, 3, stride=2, padding=1), nn.GroupNorm(4, width // 2), nn.SiLU(),
            nn.Conv2d(width // 2, width, 3, stride=2, padding=1), nn.GroupNorm(4, width), nn.SiLU(),
            nn.Flatten(), nn.Linear(width * 16, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def drape_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log bending length, shoulder half-width and arm slope."""
    return _mse(model, batch)


def coat_hanger(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The drape CNN on 4096 silhouettes, targets standardised over them; held out: 2048 other silhouettes in
    batches of 1024; AdamW (weight decay 0.05; betas 0.9 / 0.999)."""
    gen = torch.Generator().manual_seed(125104)
    x, y = _ch_images(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DrapeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.05), "adamw_wd5e-2"),
            "loss_fn": drape_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. hair-clip grip hold (RAdam; long only)


def _hc_wears(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A clip worn for a day. The clip (claw clip, snap clip, bobby pin: spring force 3-10, 1-3, 0.5-2 N; tooth
    interlock 0.8, 0.3, 0.1); the hair's diameter 50-120 um; the held hair's mass 5-60 g; its condition (friction
    0.15 conditioned / silky to 0.45 dry / textured); the head's motion (peak acceleration 0.2-3 g: sitting to
    running); 1-10 hours (log). Hold: 2 mu N (1 + interlock (d / 80 um)^0.7), against the hair's weight times
    (1 + the acceleration): the margin r. Slip creeps at 2 exp(-2.2 r) (a / g)^1.3 mm an hour, falling out past
    40 mm. 5% scatter on each. Returns (features (n, 9), targets (n, 2): log r, log1p slip in mm)."""
    clip = torch.randint(0, 3, (n,), generator=gen)
    u = torch.rand(n, generator=gen)
    force = torch.tensor([3.0, 1.0, 0.5])[clip] + torch.tensor([7.0, 2.0, 1.5])[clip] * u
    inter = torch.tensor([0.8, 0.3, 0.1])[clip]
    d = 50 + 70 * torch.rand(n, generator=gen)
    mass = 5 + 55 * torch.rand(n, generator=gen)
    mu = 0.15 + 0.3 * torch.rand(n, generator=gen)
    acc = 0.2 + 2.8 * torch.rand(n, generator=gen)
    hours = 10 ** torch.rand(n, generator=gen)
    hold = 2 * mu * force * (1 + inter * (d / 80) ** 0.7)
    need = mass * 9.81e-3 * (1 + acc)
    r = hold / need
    slip = (2 * torch.exp(-2.2 * r) * acc**1.3 * hours).clamp(max=40)
    noise = torch.exp(0.05 * torch.randn(n, 2, generator=gen))
    y = torch.stack([torch.log(r * noise[:, 0]), torch.log1p(slip * noise[:, 1])], 1)
    x = torch.cat([F.one_hot(clip, 3).float(), torch.stack([
        (u - 0.5) / 0.29, (d - 85) / 20, (mass - 32.5) / 16, (mu - 0.3) / 0.087, (acc - 1.6) / 0.81,
        (torch.log10(hours) - 0.5) / 0.29], 1)], 1)
    return x, y


class GripNet(nn.Module):
    """A SiLU MLP from the clip, hair and wear to the log hold margin and the log1p slip."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def grip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log hold margin and log1p slip."""
    return _mse(model, batch)


def hair_clip(batch_size: int = 32, seed: int = 0, train_size: int = 32768, hidden: int = 32) -> dict[str, Any]:
    """The grip net on 32768 wears, targets standardised over them; held out: 2048 other wears in batches of 1024;
    RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(125105)
    x, y = _hc_wears(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GripNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": grip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bean-bag chair settle depth, a grey-box creep law (SGD with Nesterov momentum; long only)

BB_TIMES = torch.logspace(0, math.log10(1800), 8)  # s


def _bb_sits(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A sitter settling into a bean-bag chair. The fill 0.55-0.95 of the bag's volume, expanded-polystyrene beads
    2-6 mm, 0-60 months old (they shrink: the effective fill falls by up to 18%, time constant 18 months), the
    sitter 40-110 kg, the bag 0.2-0.5 m3, the cover's stretch 0-1. The bed's stiffness ~ 6 kN/m (phi_eff / 0.75)^3
    (V / 0.3)^(1/3) (1 - 0.3 stretch); the instant depth m g / k; creep of the bead bed dc = d0 (0.12 + 0.4 (1 -
    phi_eff)) (4 mm / bead)^0.3 a decade; tau 5-30 s growing with the bead size; bottoming out smoothly near 0.8
    of the bag's height (a softplus cap). Depths in dm at 1 s to 30 min (8 log-spaced times), 0.05 cm scatter.
    Returns (features (n, 6), depths (n, 8))."""
    fill = 0.55 + 0.4 * torch.rand(n, generator=gen)
    bead = 2 + 4 * torch.rand(n, generator=gen)
    age = 60 * torch.rand(n, generator=gen)
    mass = 40 + 70 * torch.rand(n, generator=gen)
    vol = 0.2 + 0.3 * torch.rand(n, generator=gen)
    stretch = torch.rand(n, generator=gen)
    phi = fill * (1 - 0.18 * (1 - torch.exp(-age / 18)))
    k = 6000 * (phi / 0.75) ** 3 * (vol / 0.3) ** (1 / 3) * (1 - 0.3 * stretch)
    d0 = mass * 9.81 / k  # m
    dc = d0 * (0.12 + 0.4 * (1 - phi)) * (4 / bead) ** 0.3
    tau = 5 * (bead / 2) ** 1.6
    t = BB_TIMES.view(1, -1)
    raw = d0.view(-1, 1) + dc.view(-1, 1) * torch.log(1 + t / tau.view(-1, 1))
    height = 0.8 * (vol / 0.3) ** (1 / 3) * 0.6 * fill.view(-1)
    cap = height.view(-1, 1)
    depth = cap - F.softplus(cap - raw, beta=40)
    y = depth * 10 + 0.005 * torch.randn(n, len(BB_TIMES), generator=gen)
    x = torch.stack([(fill - 0.75) / 0.115, (bead - 4) / 1.15, (age - 30) / 17.3, (mass - 75) / 20.2,
                     (vol - 0.35) / 0.087, (stretch - 0.5) / 0.29], 1)
    return x, y


class SettleGreyBox(nn.Module):
    """An MLP (tanh) from the bag and sitter to (d0, dc, log tau); the known creep law depth(t) = d0 + dc log(1 + t /
    tau) gives the depths (dm) at the 8 times."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))
        self.register_buffer("t", BB_TIMES.view(1, -1).clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        d0 = F.softplus(p[:, :1] + 1.0)
        dc = F.softplus(p[:, 1:2] - 2.0)
        tau = torch.exp(p[:, 2:3] + 2.5)
        return d0 + dc * torch.log1p(self.t / tau)


def settle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the settle depths (dm)."""
    return _mse(model, batch)


def bean_bag(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The settle grey box on 8192 sits; held out: 2048 other sits in batches of 1024; SGD with Nesterov momentum
    0.9."""
    gen = torch.Generator().manual_seed(125106)
    x, y = _bb_sits(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SettleGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": settle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("wine_rack_gru_adam", wine_rack, 300, "wine_rack_bottle_temperature_day_gru", "adam", "finite", 64,
      seconds=1.0, start_lr=0.064),
    W("shoe_polish_cnn_adamw", shoe_polish, 300, "shoe_polish_goniophotometer_shine_cnn1d", "adamw_wd1e-2", "finite",
      128, seconds=0.8, start_lr=0.032),
    W("key_ring_resnet_adamax", key_ring, 300, "key_ring_split_ring_wear_set_embedding_resnet", "adamax", "finite",
      256, seconds=0.6, start_lr=0.064),
    W("coat_hanger_cnn_adamw", coat_hanger, 300, "coat_hanger_garment_drape_silhouette_cnn2d", "adamw_wd5e-2",
      "finite", 256, seconds=1.0, start_lr=0.016),
)
LONG = (
    W("hair_clip_radam@long", hair_clip, 3000, "hair_clip_grip_hold_slip_mlp", "radam", "finite", 64, seconds=2.0,
      start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("bean_bag_nesterov@long", bean_bag, 3000, "bean_bag_chair_settle_depth_creep_greybox", "sgd_nesterov0.9",
      "finite", 32, seconds=2.0, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("shoe_polish_cnn_adamw@long", shoe_polish, 3000, "shoe_polish_goniophotometer_shine_cnn1d", "adamw_wd1e-2",
      "finite", 32, dict(train_size=8192, width=8), seconds=3.0, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="shoe_polish_cnn_adamw"),
    W("key_ring_resnet_adamax@long", key_ring, 3000, "key_ring_split_ring_wear_set_embedding_resnet", "adamax",
      "finite", 64, dict(width=32, blocks=1), seconds=3.0, start_lr=0.128, grid_fractions=(0.0, 0.05),
      long_of="key_ring_resnet_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam125_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-fifth exam's workloads")
