"""The hundred-and-forty-first exam: six more workload families that neither the suite nor exams 1-140 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam140_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from mug trees and tipping, sugar tongs and grip slip, plant pots and drainage,
cheese boards and knife wear, paper-towel holders and tear-off, and tape dispensers and cut edge (exam 142 was built
at the same time from other domains; its module was not opened). What was checked to make them new, and what was
tried and dropped, is in ``benchmarks/results/exam141/README.md``. Models, laws and optimiser settings are written
from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- sugar tongs dunking a sugar cube in tea: a GRU reads the 12 steps of a dunk (the cube's depth in the tea, the
  tongs' squeeze force, the lift's acceleration; with the tea's temperature, the cube (pressed cube, rough-cut lump,
  brown cube; one-hot) and the tips (claw, paddle) at every step) and gives at each step the log margin against
  the cube slipping out and the log margin against it crumbling; Lucas-Washburn wicking above the tea surface
  (faster when hot), the wetted cube heavier with tea and weaker as its bridges dissolve, buoyancy while dipped,
  Coulomb friction at two tips that falls once the wetting reaches the tips; MSE of the standardised margins;
  RMSprop (torch's defaults: alpha 0.99, no momentum; the recurrent nets' old standby)
- tape-dispenser cut edge: a 1-D CNN with BatchNorm (two convolutions with BatchNorm and ReLU, a max-pool, global
  average pooling) reads the profile of a cut tape's edge (64 points over 12 mm, a microscope trace; with the tape
  (cellophane, matte OPP, paper masking, PVC electrical) as one-hot channels) and gives the blade's tooth wear (log
  tip radius), its tooth pitch and the pull angle; a sawtooth of punctures at the tooth pitch joined by tear paths
  that curve with the pull angle, stretched fringes that grow with tooth wear and the tape's ductility, jittered
  punctures from worn teeth, fibre roughness for paper; MSE of the standardised targets; SGD with Nesterov momentum
  0.9 and weight decay 5e-4 (the CNN recipe)
- cheese-board knife wear: a residual net with LayerNorm (pre-norm residual blocks) from the board (slate, marble,
  glass, olive wood, bamboo, acacia, HDPE; one-hot), the cheese (parmesan, cheddar, brie, waxed gouda; one-hot),
  the steel's hardness, the edge angle, the cuts a day, the days, the strike force and weekly honing to the log
  edge radius, the log force to cut a test cheese and the logit of the chipped share of the edge; edge rounding
  with a wear volume growing with the board's hardness over the steel's, the cheese's (crystals', wax's)
  abrasion, honing that straightens a rolled edge, chipping of hard thin edges on stone and glass; 4% scatter;
  MSE of the standardised outputs; NAdam (torch's defaults)
- paper-towel tear-off: an embedding net (learned embeddings of the holder (wall bar, under-cabinet bar, countertop
  stand, spring-arm stand, weighted-arm stand), the towel (1-ply economy, 2-ply, select-a-size, 3-ply premium,
  recycled, shop towel) and the hand (one-handed, two-handed), one table with the fields at their offsets, with
  six measured conditions, into a one-hidden-layer ReLU head) classifies a tear-off into one clean sheet, several
  sheets unrolled, a ragged tear off the perforation, the roll spinning with no tear, and the stand tipping or
  sliding; the perforation's bridge strength against the roll's resistance (the holder's brake, the roll's inertia
  against the jerk, a capstan wrap over the roll), a mid-sheet tear where the pull angle and jerk concentrate
  stress at the edge, the roll's overrun, the stand's moment against its weight; cross-entropy; Adagrad (torch's
  defaults; the sparse-embedding optimiser)
- mug-tree tipping (a long plan only): an embedding net (a learned embedding of the cup on each of the 18 hooks
  (empty, espresso cup, standard mug, latte mug, travel mug), each hook its own field, with the base's radius and
  mass, into a one-hidden-layer SiLU head) gives the log static safety factor against tipping and the log safety
  factor on a counter tilted by 3 degrees; the hung cups' moments about the pole (three tiers of six hooks at
  their angles and reaches), the tree's weight restoring about the base's rim; 3% scatter; MSE of the
  standardised logs; AdamW (weight decay 1e-2)
- plant-pot drainage (a long plan only): a grey-box net (a one-hidden-layer tanh MLP from the potting mix (peat,
  coir, bark, perlite, compost fractions), the pot's height, its taper, the drainage holes' area and a gravel
  layer's thickness to the mix's van Genuchten alpha and n, its saturated and residual water contents and a
  drainage time constant, then the physics: the water retained at equilibrium over a perched water table at the
  bottom of the mix, and a linear-reservoir drainage curve) gives the retained water fraction, the air-filled
  porosity and the drained fraction at 1, 3, 10 and 30 minutes; the data from the same laws with a tapered pot,
  a hole-limited outflow and mixing rules the net does not know; 2% scatter; MSE of the standardised outputs;
  RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the mug-tree and
plant-pot nets (no short plans), the cheese-board net on 16384 knives instead of 4096 (one residual block instead
of two) and the paper-towel net on 65536 tear-offs instead of 2048, each with its own batch size.

Of the eight plans, two use NAdam (both cheese-board plans), two Adagrad (both paper-towel plans), one RMSprop
(sugar tongs), one SGD with Nesterov momentum (tape dispenser), one AdamW (mug tree) and one RAdam (plant pot).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam141_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam141/README.md).

    python benchmarks/exam141_workloads.py          # the table
    python benchmarks/exam141_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 141"


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
    """Targets standardised per column (all but the first dimension) with the mean and sd of the first ``n`` rows
    (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. mug-tree tipping (AdamW; long only)

MT_TIERS, MT_HOOKS, MT_KINDS = 3, 6, 5  # kinds: empty hook, espresso cup, standard mug, latte mug, travel mug


def _mt_trees(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Mug trees: a pole with three tiers of six hooks (tier heights 16, 23, 30 cm; arm reach 7, 8, 9 cm; hooks 60
    degrees apart, each tier turned by 20 degrees), a round base of radius 5.5-10 cm weighing 0.25-1.5 kg (pole and
    arms 0.3 kg on the axis). Each hook holds a cup with probability 0.2-0.9 (drawn per tree): an espresso cup, a
    standard mug, a latte mug or a travel mug (0.12, 0.30, 0.42, 0.36 kg, each +-15%; the centre of mass 3, 4.5, 5.5,
    6 cm beyond the hook's tip, the travel mug hanging lower). The static safety factor is the tree's weight times
    the base radius over the hung cups' resultant moment about the pole (plus a 0.1 N m imperfection: a tree is
    never quite plumb); the second factor is the same tree's on a counter tilted by 3 degrees (downhill along the
    first hook's direction: the weight's centre, at its height, adds a moment). 3% scatter. Returns (cup kinds
    (n, 18), base radius and mass (n, 2), log factors (n, 2))."""
    g = 9.81
    p = 0.2 + 0.7 * torch.rand(n, 1, generator=gen)
    occ = torch.rand(n, MT_TIERS * MT_HOOKS, generator=gen) < p
    kind = torch.where(occ, torch.randint(1, MT_KINDS, (n, MT_TIERS * MT_HOOKS), generator=gen), 0)
    spread = 1 + 0.15 * (2 * torch.rand(kind.shape, generator=gen) - 1)
    mass = torch.tensor([0.0, 0.12, 0.30, 0.42, 0.36])[kind] * spread
    offset = torch.tensor([0.0, 0.03, 0.045, 0.055, 0.06])[kind]
    drop = torch.tensor([0.0, 0.02, 0.04, 0.05, 0.08])[kind]
    rb = 0.055 + 0.045 * torch.rand(n, generator=gen)
    mb = 0.25 + 1.25 * torch.rand(n, generator=gen)
    tier = torch.arange(MT_TIERS).repeat_interleave(MT_HOOKS)
    hook = torch.arange(MT_HOOKS).repeat(MT_TIERS)
    height = torch.tensor([0.16, 0.23, 0.30])[tier] - drop
    reach = torch.tensor([0.07, 0.08, 0.09])[tier] + offset
    ang = hook.float() * math.pi / 3 + tier.float() * math.pi / 9
    mx = (mass * g * reach * torch.cos(ang)).sum(1)
    my = (mass * g * reach * torch.sin(ang)).sum(1)
    weight = (mb + 0.3 + mass.sum(1)) * g
    sf_static = weight * rb / (torch.sqrt(mx**2 + my**2) + 0.1)
    # the same tree on a counter tilted by 3 degrees (downhill along the first hook's direction): the weight's
    # centre, at its height, shifts the resultant moment
    h_cm = ((mass * height).sum(1) + 0.3 * 0.15 + mb * 0.01) / (weight / g)
    mx_t = mx + weight * h_cm * math.sin(math.radians(3.0))
    sf_tilt = weight * rb / (torch.sqrt(mx_t**2 + my**2) + 0.1)
    y = torch.stack([torch.log(sf_static), torch.log(sf_tilt)], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    num = torch.stack([(rb - 0.0775) / 0.013, (mb - 0.875) / 0.36], 1)
    return kind, num, y


class MugTreeEmbeddingNet(nn.Module):
    """Learned embeddings of the cup on each of the 18 hooks (one table, each hook its own field at its offset, so
    position and cup kind are learned together), concatenated with the base's radius and mass, into a
    one-hidden-layer SiLU head with the two log safety factors."""

    def __init__(self, dim: int = 4, hidden: int = 64) -> None:
        super().__init__()
        fields = MT_TIERS * MT_HOOKS
        self.table = nn.Embedding(fields * MT_KINDS, dim)
        self.register_buffer("offsets", torch.arange(fields) * MT_KINDS)
        self.head = nn.Sequential(nn.Linear(fields * dim + 2, hidden), nn.SiLU(), nn.Linear(hidden, 2))

    def forward(self, kind: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = self.table(kind + self.offsets).flatten(1)
        return self.head(torch.cat([e, num], 1))


def tipping_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log safety factors."""
    kind, num, y = batch
    return F.mse_loss(model(kind, num), y)


def mug_tree_tipping(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 4,
                     hidden: int = 64) -> dict[str, Any]:
    """The mug-tree embedding net on 8192 loaded trees, targets standardised over them; held out: 4096 other trees
    in batches of 1024; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(141101)
    kind, num, y = _mt_trees(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (kind[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MugTreeEmbeddingNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((kind[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2"),
            "loss_fn": tipping_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. sugar tongs dunking a sugar cube in tea (RMSprop)

ST_STEPS = 12


def _st_dunks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Dunks of a sugar cube held in sugar tongs, 12 steps of 0.5 s: the cube (pressed cube 1.6 cm, rough-cut
    lump 1.8 cm, brown cube 1.6 cm; porosity 0.30, 0.38, 0.33; dry strength 1.0, 0.6, 0.8 MPa-ish units), the tips
    (claw: friction 0.55 dry, 0.35 wet, small contact; paddle: 0.45, 0.30, larger contact), tea at 55-95 C. The
    dunk: lowered over 1-3 steps to a depth of 0-1.4 cm, held, lifted out after steps 4-9 with an acceleration
    pulse; the squeeze 0.6-3 N with a hand tremor. Wicking above the tea surface by Lucas-Washburn (height^2 grows
    like D t, D rising with temperature through the viscosity), the wetted share of the cube heavier by the tea in
    its pores and weaker as its sugar bridges dissolve (dissolution rising with temperature), buoyancy on the
    immersed part; the tips (at 70% of the cube's height) slip on syrup once the wetting reaches them. Targets per
    step: the log margin against slipping (2 mu N over the apparent weight times (1 + a / g)) and the log margin
    against crumbling (the wet strength times the contact area over N). Returns (sequences (n, 12, 9), margins
    (n, 12, 2))."""
    t = torch.arange(ST_STEPS).float().view(1, -1) * 0.5
    cube = torch.randint(0, 3, (n,), generator=gen)
    tips = torch.randint(0, 2, (n,), generator=gen)
    side = torch.tensor([1.6, 1.8, 1.6])[cube].view(-1, 1)
    poro = torch.tensor([0.30, 0.38, 0.33])[cube].view(-1, 1)
    s0 = torch.tensor([1.0, 0.6, 0.8])[cube].view(-1, 1)
    mu_dry = torch.tensor([0.55, 0.45])[tips].view(-1, 1)
    mu_wet = torch.tensor([0.35, 0.30])[tips].view(-1, 1)
    area = torch.tensor([0.10, 0.25])[tips].view(-1, 1)
    temp = 55 + 40 * torch.rand(n, 1, generator=gen)
    depth_max = 1.4 * torch.rand(n, 1, generator=gen)
    t_in = 0.5 * torch.randint(1, 4, (n, 1), generator=gen).float()
    t_out = 0.5 * torch.randint(4, 10, (n, 1), generator=gen).float()
    squeeze0 = 0.6 + 2.4 * torch.rand(n, 1, generator=gen)
    tremor = 1 + 0.15 * torch.sin(2 * math.pi * (1.5 + 2 * torch.rand(n, 1, generator=gen)) * t
                                  + 6.28 * torch.rand(n, 1, generator=gen))
    squeeze = squeeze0 * tremor * (1 + 0.3 * (t > t_out).float())  # a firmer grip to lift out
    lowering = (t / t_in).clamp(0, 1)
    depth = depth_max * lowering * (t <= t_out).float()
    accel = 3.0 * torch.exp(-((t - t_out - 0.5) / 0.5) ** 2) - 1.0 * torch.exp(-((t - 0.5 * t_in) / 0.5) ** 2)
    visc = torch.exp(-0.018 * (temp - 75))  # the syrup's viscosity, relative
    d_wick = 0.8 / visc  # cm^2 / s
    wet_time = ((t - 0.5 * t_in) * (depth_max > 0.05).float()).clamp_min(0)
    wet_time = torch.minimum(wet_time, t_out - 0.5 * t_in + 0.0 * t) + 0.4 * (t - t_out).clamp_min(0)
    wick = torch.sqrt(d_wick * wet_time * poro / 0.33)
    wet_h = torch.minimum(side, torch.cummax(depth, 1).values + wick)
    wet_frac = wet_h / side
    dissolve = 1 - torch.exp(-0.02 * (1 + (temp - 55) / 20) * wet_time)
    m_dry = 1.0 * (side / 1.6) ** 3 * (1 - poro) / 0.7 * 2.6  # grams
    m = m_dry * (1 - 0.5 * dissolve * wet_frac) + poro * side**3 * wet_frac * 1.0 * (1 - 0.3 * dissolve)
    buoy = side**2 * torch.minimum(depth, side) * 1.0  # grams of tea displaced
    w_app = (m - buoy).clamp_min(0.05) * 9.81e-3 * (1 + accel / 9.81)
    mu = torch.where(wet_frac > 0.7, mu_wet, mu_dry + (mu_wet - mu_dry) * (wet_frac / 0.7) ** 3)
    slip = torch.log(2 * mu * squeeze / w_app.clamp_min(0.005))
    strength = s0 * (1 - 0.85 * (wet_frac * dissolve) ** 0.7) * (1 - 0.3 * wet_frac)
    crumble = torch.log(strength * area * 20 / squeeze)
    scatter = torch.exp(0.04 * torch.randn(n, 1, generator=gen))
    y = torch.stack([slip + torch.log(scatter), crumble - torch.log(scatter)], 2)
    full = (n, ST_STEPS)
    oh = F.one_hot(cube, 3).float()
    x = torch.stack([depth / 0.7 - 0.5, (squeeze - 1.8) / 0.7, accel / 1.5, ((temp - 75) / 11.5).expand(full),
                     oh[:, 0:1].expand(full), oh[:, 1:2].expand(full), oh[:, 2:3].expand(full),
                     (2 * tips.view(-1, 1) - 1).float().expand(full), ((t - 2.8) / 1.7).expand(full)], 2)
    return x, y


class DunkGRU(nn.Module):
    """A one-layer GRU over the dunk's steps and a linear head to the two margins at every step."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def dunk_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised slip and crumble margins over every step."""
    return _mse(model, batch)


def sugar_tongs_dunk(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The dunk GRU on 4096 dunks, margins standardised over them; held out: 4096 other dunks in batches of 1024;
    RMSprop."""
    gen = torch.Generator().manual_seed(141102)
    x, y = _st_dunks(train_size + 4096, gen)
    mean, sd = y[:train_size].mean((0, 1)), y[:train_size].std((0, 1))
    y = (y - mean) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DunkGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": dunk_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. tape-dispenser cut edge (SGD with Nesterov momentum)

TD_POINTS, TD_TAPES = 64, 4


def _td_edges(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cut edges of tape torn across a dispenser's serrated blade, traced at 64 points over 12 mm of the edge: the
    tape (cellophane, matte OPP, paper masking, PVC electrical: ductility 0.3, 0.6, 0.1, 1.0; fibre roughness 0, 0,
    1, 0), the tooth pitch 0.8-2.0 mm, the teeth's tip radius 0.02-0.25 mm (log-uniform: worn teeth), the pull angle
    0-50 degrees off the blade's plane. Each tooth punctures the film; between punctures the tear runs as a
    sawtooth whose depth grows with the pitch and whose slant follows the pull angle; a worn tooth stretches the
    film before it punctures: a whitened fringe (a bump at each puncture) growing with the tip radius and the
    tape's ductility, and less regular punctures (a jitter of the puncture positions); paper adds fibre roughness;
    the trace adds 0.01 mm noise. Returns (profiles with the tape's one-hot channels (n, 5, 64), targets (n, 3):
    log tip radius, pitch, pull angle)."""
    tape = torch.randint(0, TD_TAPES, (n,), generator=gen)
    duct = torch.tensor([0.3, 0.6, 0.1, 1.0])[tape].view(-1, 1)
    fibre = torch.tensor([0.0, 0.0, 1.0, 0.0])[tape].view(-1, 1)
    pitch = 0.8 + 1.2 * torch.rand(n, 1, generator=gen)
    radius = 0.02 * (12.5 ** torch.rand(n, 1, generator=gen))
    angle = 50 * torch.rand(n, 1, generator=gen)
    xpos = torch.linspace(0, 12, TD_POINTS).view(1, -1)
    phase = torch.rand(n, 1, generator=gen)
    jitter = (radius / 0.25) * 0.15 * torch.randn(n, TD_POINTS, generator=gen)
    jitter = F.avg_pool1d(jitter.unsqueeze(1), 9, 1, 4, count_include_pad=False).squeeze(1) * 3
    u = xpos / pitch + phase + jitter
    frac = u - torch.floor(u)
    slant = torch.tan(torch.deg2rad(angle)) * 0.5
    depth = 0.15 * pitch * (1 + 0.5 * duct)
    saw = depth * (frac - 0.5) + slant * pitch * (frac - 0.5) ** 2
    fringe = (radius / 0.1) * duct * 0.12 * torch.exp(-((frac - 0.5) / 0.15) ** 2 * 4)
    rough = F.avg_pool1d(torch.randn(n, 1, TD_POINTS, generator=gen), 3, 1, 1).squeeze(1) * 0.05 * fibre
    prof = saw + fringe + rough + 0.01 * torch.randn(n, TD_POINTS, generator=gen)
    prof = (prof - prof.mean(1, keepdim=True)) / 0.08
    x = torch.cat([prof.unsqueeze(1), F.one_hot(tape, TD_TAPES).float().unsqueeze(2).expand(-1, -1, TD_POINTS)], 1)
    y = torch.cat([torch.log(radius), pitch, angle], 1)
    return x, y


class EdgeCNN(nn.Module):
    """Two 1-D convolutions with BatchNorm and ReLU (a max-pool between), global average pooling and a linear head
    (``norm=False``: no BatchNorm, tried and dropped before the commit)."""

    def __init__(self, width: int = 16, norm: bool = True) -> None:
        super().__init__()
        bn = (lambda c: nn.BatchNorm1d(c)) if norm else (lambda c: nn.Identity())
        self.net = nn.Sequential(
            nn.Conv1d(1 + TD_TAPES, width, 5, padding=2), bn(width), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width, 2 * width, 5, padding=2), bn(2 * width), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(2 * width, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def edge_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log tip radius, pitch and pull angle."""
    return _mse(model, batch)


def tape_dispenser_edge(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16,
                        norm: bool = True) -> dict[str, Any]:
    """The edge CNN on 2048 traced edges, targets standardised over them; held out: 2048 other edges in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(141103)
    x, y = _td_edges(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EdgeCNN(width, norm), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": edge_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. paper-towel tear-off (Adagrad)

PT_HOLDERS, PT_TOWELS, PT_CLASSES = 5, 6, 5  # one sheet, several sheets, ragged tear, spins, stand tips / slides


def _pt_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tear-offs: the holder (wall bar, under-cabinet bar: free spindles with a little bearing drag; countertop
    stand: free, light; spring-arm stand: a spring pressing on the roll; weighted-arm stand: a weighted arm; stand
    masses 0, 0, 0.4, 0.7, 1.1 kg), the towel (1-ply economy, 2-ply, select-a-size, 3-ply premium, recycled, shop
    towel: perforation bridge strength 1.6, 2.4, 2.2, 3.4, 1.9, 5.0 N; sheet strength 4.5, 6.5, 6.0, 9.0, 4.8, 15 N;
    sheet length 28, 28, 15, 28, 28, 25 cm), one or two hands (a second hand holding the roll adds a brake), the
    roll's outer diameter 4-14 cm, the pull angle 0-80 degrees off the tangent, the pull's jerk (0.2-10 m/s^2 of
    roll-surface acceleration, log-uniform), the dampness (0-1), the pull's height above the counter 10-30 cm. The
    roll resists with the brake torque over its radius plus its inertia (mass from its diameter) times the jerk,
    amplified by a capstan wrap exp(mu theta) over the roll; the perforation tears when that resistance passes the
    bridges' strength (weakened by damp); a ragged tear when the edge stress (raised by the angle and the jerk)
    passes the sheet's strength first; several sheets when the roll overruns (inertia against a small brake) before
    the tear; the stand tips or slides when the pull's moment at its height beats its weight's moment. 6% scatter on
    each margin; the outcome is the first failing check. Returns (holder, towel and hand ids (n, 3), numeric
    conditions (n, 6), classes)."""
    holder = torch.randint(0, PT_HOLDERS, (n,), generator=gen)
    towel = torch.randint(0, PT_TOWELS, (n,), generator=gen)
    hands = torch.randint(0, 2, (n,), generator=gen)
    dia = 4 + 10 * torch.rand(n, generator=gen)
    angle = 80 * torch.rand(n, generator=gen)
    jerk = 0.2 * 50 ** torch.rand(n, generator=gen)
    damp = torch.rand(n, generator=gen)
    height = 10 + 20 * torch.rand(n, generator=gen)
    brake = torch.tensor([0.02, 0.03, 0.015, 0.10, 0.07])[holder] + 0.06 * hands  # N m
    stand_mass = torch.tensor([0.0, 0.0, 0.4, 0.7, 1.1])[holder]
    is_stand = stand_mass > 0
    bridge = torch.tensor([1.6, 2.4, 2.2, 3.4, 1.9, 5.0])[towel] * (1 - 0.5 * damp)
    sheet = torch.tensor([4.5, 6.5, 6.0, 9.0, 4.8, 15.0])[towel] * (1 - 0.3 * damp)
    length = torch.tensor([28.0, 28.0, 15.0, 28.0, 28.0, 25.0])[towel]
    r = dia / 200  # m
    roll_mass = 0.05 + 0.25 * ((dia / 14) ** 2 - (4 / 14) ** 2).clamp_min(0) / (1 - (4 / 14) ** 2)
    inertia_force = 0.5 * roll_mass * jerk * (1 + (4 / dia) ** 2)
    wrap = torch.exp(0.4 * torch.deg2rad(angle))
    resist = (brake / r + inertia_force) * wrap
    noise = [0.06 * torch.randn(n, generator=gen) for _ in range(4)]
    tears = torch.log(resist / bridge) + noise[0] > 0
    edge_stress = resist * (1 + 0.5 * torch.sin(torch.deg2rad(angle)) ** 2) * (1 + 0.2 * torch.log1p(jerk))
    ragged = tears & (torch.log(edge_stress / sheet) + noise[1] > 0)
    overrun = 8 * inertia_force / (brake / r)  # the roll's overrun past the tear, in 28 cm sheets (rough)
    several = tears & ~ragged & (torch.log(overrun * 28 / length) + noise[2] > 0)
    g = 9.81
    tip_margin = (stand_mass * g * 0.04 + 0.2 * g * 0.04 * (dia / 14) ** 2) / (
        (resist.clamp_max(bridge * 1.2)) * torch.cos(torch.deg2rad(angle)) * height / 100 + 1e-3)
    tipped = is_stand & (hands == 0) & (torch.log(tip_margin) + noise[3] < 0)
    y = torch.full((n,), 3, dtype=torch.long)  # spins, no tear
    y[tears] = 0
    y[several] = 1
    y[ragged] = 2
    y[tipped] = 4
    num = torch.stack([(dia - 9) / 2.9, (angle - 40) / 23, (torch.log(jerk) - math.log(0.1 * 30**0.5)) / 0.98,
                       (damp - 0.5) / 0.29, (height - 20) / 5.8, (torch.log(dia) - 2.1) / 0.35], 1)
    ids = torch.stack([holder, towel, hands], 1)
    return ids, num, y


class TearOffNet(nn.Module):
    """Embeddings of the holder, the towel and the hand (one table, the fields at their offsets), concatenated with
    the numeric conditions, into a one-hidden-layer ReLU head with five outcome logits."""

    def __init__(self, dim: int = 4, hidden: int = 64) -> None:
        super().__init__()
        self.table = nn.Embedding(PT_HOLDERS + PT_TOWELS + 2, dim)  # one table, each field at its offset
        self.register_buffer("offsets", torch.tensor([0, PT_HOLDERS, PT_HOLDERS + PT_TOWELS]))
        self.head = nn.Sequential(nn.Linear(3 * dim + 6, hidden), nn.ReLU(), nn.Linear(hidden, PT_CLASSES))

    def forward(self, ids: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = self.table(ids + self.offsets).flatten(1)
        return self.head(torch.cat([e, num], 1))


def tearoff_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the tear-off outcome."""
    ids, num, y = batch
    return F.cross_entropy(model(ids, num), y)


def paper_towel_tearoff(batch_size: int = 32, seed: int = 0, train_size: int = 2048, dim: int = 4,
                        hidden: int = 64) -> dict[str, Any]:
    """The tear-off embedding net on 2048 tear-offs; held out: 4096 other tear-offs in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(141104)
    ids, num, y = _pt_pulls(train_size + 4096, gen)
    tr = (ids[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TearOffNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": tearoff_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. plant-pot drainage (RAdam; long only)

PP_COMPONENTS = 5  # peat, coir, bark, perlite, compost
PP_Z = 16  # points over the mix's height
PP_TIMES = (1.0, 3.0, 10.0, 30.0)  # minutes


def _pp_retained(alpha: torch.Tensor, nvg: torch.Tensor, theta_s: torch.Tensor, theta_r: torch.Tensor,
                 depth: torch.Tensor, width: torch.Tensor | None = None) -> torch.Tensor:
    """The mean volumetric water content of a mix column of ``depth`` cm over a perched water table (suction = the
    height above the column's bottom), van Genuchten, by the midpoint rule on 16 points (weighted by the pot's
    cross-section ``width`` at each point if given)."""
    z = (torch.arange(PP_Z).float() + 0.5) / PP_Z
    h = depth.unsqueeze(-1) * z
    m = 1 - 1 / nvg.unsqueeze(-1)
    se = 1 / (1 + (alpha.unsqueeze(-1) * h) ** nvg.unsqueeze(-1)) ** m  # the effective saturation
    theta = theta_r.unsqueeze(-1) + (theta_s - theta_r).unsqueeze(-1) * se
    if width is None:
        return theta.mean(-1)
    return (theta * width).sum(-1) / width.sum(-1)


def _pp_pots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pots watered to saturation and left to drain: the mix (peat, coir, bark, perlite, compost fractions, a
    Dirichlet-like draw), the pot's height 8-30 cm, its taper (top over bottom diameter 1-1.5), the holes' area 0.2-6
    cm^2 (log-uniform), a gravel layer 0-5 cm (no gravel for a third of the pots). The mix's van Genuchten parameters
    by invented mixing rules (alpha from 0.04 (peat) to 0.35 (bark) 1/cm, log-mixed; n 1.4-2.6 with perlite and bark
    raising it; theta_s 0.80-0.92; theta_r 0.05-0.25 with peat and compost holding more), its saturated conductivity
    (cm/min) rising with bark and perlite. At equilibrium the water table is perched at the bottom of the mix (the
    gravel does not pull water down), the retained water the tapered column's mean content. Drainage: the free water
    (theta_s less the retained) leaves as a linear reservoir with time constant (depth / Ks) times a hole limit (1 +
    2 / area: Torricelli outflow through small holes), the drained fraction at 1, 3, 10 and 30 minutes. 2% scatter.
    Returns (features (n, 9), outputs (n, 6): retained fraction, air-filled porosity, drained fractions)."""
    # mixing fractions: normalised (-log u)^(1 / 1.2) (a Dirichlet-like draw from the generator)
    u = torch.rand(n, PP_COMPONENTS, generator=gen).clamp_min(1e-6)
    mix = (-torch.log(u)) ** (1 / 1.2)
    mix = mix / mix.sum(1, keepdim=True)
    height = 8 + 22 * torch.rand(n, generator=gen)
    taper = 1 + 0.5 * torch.rand(n, generator=gen)
    holes = 0.2 * 30 ** torch.rand(n, generator=gen)
    gravel = 5 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) > 1 / 3).float()
    log_alpha = mix @ torch.log(torch.tensor([0.04, 0.08, 0.35, 0.25, 0.06]))
    nvg = 1.4 + mix @ torch.tensor([0.2, 0.5, 1.2, 1.0, 0.1]) + 0.4 * mix[:, 2] * mix[:, 3]
    theta_s = mix @ torch.tensor([0.92, 0.90, 0.82, 0.85, 0.80])
    theta_r = mix @ torch.tensor([0.25, 0.18, 0.06, 0.05, 0.20])
    ks = torch.exp(mix @ torch.log(torch.tensor([0.3, 0.6, 6.0, 4.0, 0.2])))
    depth = height - gravel
    width = (1 + (taper.unsqueeze(-1) - 1) * (torch.arange(PP_Z).float() + 0.5) / PP_Z) ** 2
    retained = _pp_retained(log_alpha.exp(), nvg, theta_s, theta_r, depth, width)
    tau = depth / ks * (1 + 2 / holes) * 0.3
    t = torch.tensor(PP_TIMES)
    drained = 1 - torch.exp(-t / tau.unsqueeze(-1))
    y = torch.cat([torch.stack([retained, theta_s - retained], 1), drained], 1)
    y = y * torch.exp(0.02 * torch.randn(y.shape, generator=gen))
    x = torch.cat([(mix - 0.2) / 0.16, torch.stack([(height - 19) / 6.4, (taper - 1.25) / 0.14,
                                                    (torch.log(holes) - 0.1) / 0.98, (gravel - 1.7) / 1.7], 1)], 1)
    return x, y


class DrainageGreyBox(nn.Module):
    """A one-hidden-layer tanh MLP from the pot and its mix to the mix's van Genuchten alpha and n, theta_s, theta_r and
    the drainage time constant; the physics (the perched column's retained water, a linear reservoir) gives the
    outputs, which are standardised with the training pool's mean and sd (buffers)."""

    def __init__(self, hidden: int = 32, mean: torch.Tensor | None = None, sd: torch.Tensor | None = None) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PP_COMPONENTS + 4, hidden), nn.Tanh(), nn.Linear(hidden, 5))
        self.register_buffer("mean", mean if mean is not None else torch.zeros(6))
        self.register_buffer("sd", sd if sd is not None else torch.ones(6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        alpha = 0.1 * torch.exp(p[:, 0].clamp(-4, 4))
        nvg = 1.05 + F.softplus(p[:, 1] + 0.5)
        theta_s = 0.7 + 0.25 * torch.sigmoid(p[:, 2])
        theta_r = 0.3 * torch.sigmoid(p[:, 3] - 1)
        tau = torch.exp(p[:, 4].clamp(-6, 6) + 1.0)
        depth = (x[:, PP_COMPONENTS + 0] * 6.4 + 19) - (x[:, PP_COMPONENTS + 3] * 1.7 + 1.7)
        retained = _pp_retained(alpha, nvg, theta_s, theta_r, depth)
        drained = 1 - torch.exp(-torch.tensor(PP_TIMES) / tau.unsqueeze(-1))
        y = torch.cat([torch.stack([retained, theta_s - retained], 1), drained], 1)
        return (y - self.mean) / self.sd


def drainage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised retained water, air-filled porosity and drained fractions."""
    return _mse(model, batch)


def plant_pot_drainage(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The drainage grey-box on 8192 pots, outputs standardised over them; held out: 4096 other pots in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(141105)
    x, y = _pp_pots(train_size + 4096, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DrainageGreyBox(hidden, mean, sd), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": drainage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cheese-board knife wear (NAdam)

CB_BOARDS, CB_CHEESES = 7, 4


def _cb_knives(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cheese knives used on cheese boards: the board (slate, marble, glass, olive wood, bamboo, acacia, HDPE;
    hardness relative to the steel's 1.2, 1.0, 1.6, 0.05, 0.09, 0.06, 0.02 at HRC 56), the cheese (parmesan: hard,
    crystals; cheddar; brie: soft, a bloomy rind; waxed gouda: the wax; abrasion 1.0, 0.35, 0.2, 0.5; cutting
    resistance 3.0, 1.5, 0.6, 1.8), the steel's hardness HRC 52-62, the edge's half-angle 12-25 degrees, 2-20 cuts a
    day for 1-60 days, the strike force on the board 5-40 N, weekly honing or none. The edge radius from 0.3 um
    grows with wear volume (radius^2 against contacts): board contacts wear it like (H_board / H_steel)^2 (soft boards
    barely), the cheese like its abrasion, both scaled by the strike force; a thin edge rounds faster; honing
    straightens the rolled part (a third off the growth). Chipping of the edge on stone and glass: a logistic in the
    strike force, the hardness above HRC 58 and a thin angle, growing with the contacts. The force to cut a test
    cheese grows like the square root of the radius and the edge angle. 4% scatter. Returns (features (n, 17),
    outputs (n, 3): log radius, log cutting force, logit chipped share)."""
    board = torch.randint(0, CB_BOARDS, (n,), generator=gen)
    cheese = torch.randint(0, CB_CHEESES, (n,), generator=gen)
    hrc = 52 + 10 * torch.rand(n, generator=gen)
    angle = 12 + 13 * torch.rand(n, generator=gen)
    cuts = 2 + 18 * torch.rand(n, generator=gen)
    days = 1 + 59 * torch.rand(n, generator=gen)
    force = 5 + 35 * torch.rand(n, generator=gen)
    hone = (torch.rand(n, generator=gen) < 0.5).float()
    h_board = torch.tensor([1.2, 1.0, 1.6, 0.05, 0.09, 0.06, 0.02])[board]
    abr = torch.tensor([1.0, 0.35, 0.2, 0.5])[cheese]
    resist = torch.tensor([3.0, 1.5, 0.6, 1.8])[cheese]
    h_steel = 1 + 0.06 * (hrc - 56)
    contacts = cuts * days
    thin = (20 / angle) ** 1.5
    k_board = 0.4 * (h_board / h_steel) ** 2 / (1 + (h_board / h_steel) ** 2) * 4
    k = (k_board + 0.02 * abr) * (force / 20) * thin / h_steel
    growth = k * contacts * (1 - hone / 3)
    radius = torch.sqrt(0.3**2 + growth)
    chip_z = (-9 + 0.09 * force + 0.6 * (hrc - 58).clamp_min(0) + 0.25 * (18 - angle)
              + 1.5 * torch.log10(contacts) + 2.5 * (h_board > 0.5).float() - 3 * (h_board < 0.5).float())
    chipped = torch.sigmoid(chip_z).clamp(0.002, 0.998)
    cut_force = resist * (radius / 0.3) ** 0.5 * (angle / 18) * (1 + 2 * chipped)
    y = torch.stack([torch.log(radius), torch.log(cut_force), torch.logit(chipped)], 1)
    y = y + torch.tensor([0.04, 0.04, 0.2]) * torch.randn(n, 3, generator=gen)
    x = torch.cat([F.one_hot(board, CB_BOARDS).float(), F.one_hot(cheese, CB_CHEESES).float(), torch.stack([
        (hrc - 57) / 2.9, (angle - 18.5) / 3.75, (cuts - 11) / 5.2, (days - 30.5) / 17, (force - 22.5) / 10.1,
        2 * hone - 1], 1)], 1)
    return x, y


class PreNormBlock(nn.Module):
    """x + Linear(GELU(Linear(LayerNorm(x))))."""

    def __init__(self, width: int, hidden: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, hidden)
        self.fc2 = nn.Linear(hidden, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class KnifeWearResNet(nn.Module):
    """A linear stem, two pre-norm residual blocks, a final LayerNorm and a linear head to the three outputs."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(CB_BOARDS + CB_CHEESES + 6, width)
        self.blocks = nn.Sequential(*[PreNormBlock(width, 2 * width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.stem(x))))


def knife_wear_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log radius, log cutting force and chipped logit."""
    return _mse(model, batch)


def cheese_board_knife_wear(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                            width: int = 32, blocks: int = 2) -> dict[str, Any]:
    """The knife-wear residual net on 4096 knives, targets standardised over them; held out: 4096 other knives in
    batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(141106)
    x, y = _cb_knives(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KnifeWearResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": knife_wear_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sugar_tongs_dunk_rmsprop", sugar_tongs_dunk, 300, "sugar_tongs_tea_dunk_cube_slip_crumble_gru", "rmsprop",
      "finite", 64, seconds=1.0, start_lr=0.016),
    W("tape_dispenser_edge_nesterov", tape_dispenser_edge, 300, "tape_dispenser_serrated_cut_edge_cnn1d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 16, seconds=0.5, start_lr=0.2),
    W("cheese_board_knife_wear_nadam", cheese_board_knife_wear, 300, "cheese_board_knife_edge_wear_resnet_ln", "nadam",
      "finite", 128, seconds=0.5, start_lr=0.032),
    W("paper_towel_tearoff_adagrad", paper_towel_tearoff, 300, "paper_towel_holder_tear_off_outcome_embedding_net",
      "adagrad", "finite", 32, seconds=0.2, start_lr=0.256),
)
LONG = (
    W("mug_tree_tipping_adamw@long", mug_tree_tipping, 3000, "mug_tree_hook_load_tipping_embedding_net",
      "adamw_wd1e-2", "finite", 32, seconds=1.7, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("plant_pot_drainage_radam@long", plant_pot_drainage, 3000, "plant_pot_perched_water_drainage_greybox", "radam",
      "finite", 32, seconds=3.0, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("cheese_board_knife_wear_nadam@long", cheese_board_knife_wear, 3000, "cheese_board_knife_edge_wear_resnet_ln",
      "nadam", "finite", 64, dict(train_size=16384, blocks=1), seconds=3.2, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="cheese_board_knife_wear_nadam"),
    W("paper_towel_tearoff_adagrad@long", paper_towel_tearoff, 3000,
      "paper_towel_holder_tear_off_outcome_embedding_net", "adagrad", "finite", 128, dict(train_size=65536),
      seconds=1.6, start_lr=0.512, grid_fractions=(0.0, 0.05), long_of="paper_towel_tearoff_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam141_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-first exam's workloads")
