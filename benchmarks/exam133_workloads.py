"""The hundred-and-thirty-third exam: six more workload families that neither the suite nor exams 1-132 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam132_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from slide rules and cursor alignment, sticky notes and peel adhesion,
whiteboards and marker ghosting, letter openers and envelope slitting, staple removers and jaw leverage, and tea
strainers and leaf retention (exam 134 was built at the same time from other domains; its module was not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam133/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly or wholly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- slide-rule cursor alignment from a scan of the cursor window: a 1-D CNN with BatchNorm (two strided conv blocks, a
  ReLU read-out layer) reads a 64-pixel, two-channel line scan across the scale under the cursor (the green channel
  sees the scale's ticks, the hairline and the hairline's shadow on the scale; the red channel the ticks only, the
  red hairline being invisible in it) and returns the hairline's offset from the nearest major tick in minor
  divisions (the interpolated last digit of a reading) and the shadow's offset (the parallax of the cursor glass);
  log-scale tick pitch, blur, illumination gradient and sensor noise; MSE of the standardised offsets; Adam (torch's
  defaults)
- whiteboard marker ghosting: a 2-D CNN with GroupNorm (two strided conv blocks, global average pooling) looks at a
  16x16 photo patch of an erased whiteboard (the ghost of a stroke on the board's texture) and returns the ghost's
  log density and log width (what a ghosting test grades); the ghost from a dwell-time and porosity law (the ink's
  resin penetrating the worn surface), older ghosts spread wider into the pores, a worn board's texture coarser and
  masking faint ghosts; MSE of the standardised outputs; AdamW (torch's defaults, weight decay 0.01)
- sticky-note adhesion on office surfaces: embeddings of the categorical fields (16 surfaces, 6 adhesive grades,
  4 note sizes, 3 placements) with the conditions (humidity, temperature, dust, restick count, curl from the pad)
  in an MLP tower (the recommender-style embedding model) to the log 90-degree peel energy (Kendall's peel law,
  F / b = G / (1 - cos theta)) and the log time until the note falls in a week-long hold test (a creep-rupture
  power law of the available against the applied peel energy, the note's curl and weight loading the peel front,
  a soft cap at the test's end); a surface-by-adhesive
  interaction; MSE of the standardised logs; Adagrad (initial accumulator 0.1)
- staple-remover jaw leverage: a residual net with LayerNorm over embeddings of the remover (claw, pen wedge,
  plier, heavy-duty lever, flat blade), the staple size and the paper stock plus the stack, clinch tightness,
  corrosion and approach angle, to the log peak hand force and the log paper tear length; the legs unbent at the
  wire's plastic moment (sigma_y d^3 / 6) over the tips' lever arm, friction pulling them through the stack, the
  handle-to-jaw leverage, the tips' pressure against the paper's tear strength; MSE of the standardised logs;
  Adagrad (initial accumulator 0.1)
- letter-opener envelope slitting (a long plan only): a deep-and-cross net (DCN-v2 style, as recommender code
  writes it: two full-rank cross layers beside a small ReLU tower) over embeddings of the opener (8 kinds), the
  envelope paper (8), the flap seal (4) and the contents (5) plus the edge radius, the wedge angle, the slitting
  speed and the humidity, to the log mean slitting force and the logit of the torn (not cut) fraction of the slit;
  cutting force from the edge radius times the paper's toughness plus wedge friction, tearing once the wedge's
  splitting force passes the fibres' cutting, an opener-by-paper interaction; MSE; Adagrad (initial accumulator
  0.1)
- tea-strainer leaf retention (a long plan only): an MLP over the 24-bin log-size histogram of the leaf (six grades
  with lognormal sizes and a fines tail, rolled leaves unfurling with steep time) and an embedding of the strainer
  (8 kinds: aperture and open area), with the pour rate, to the logit of the retained mass fraction, the log fines
  mass in the cup and the log drain time; sieve capture sigmoid in size over the aperture, a leaf cake that
  captures fines as it builds, a faster pour pushing fines through, Darcy drainage through the cake; MSE; Adagrad
  (initial accumulator 0.1)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the letter-opener and
tea-strainer nets (no short plans), the sticky-note net on 8192 notes instead of 2048 (32 units a layer instead of
64) and the staple-remover net on 8192 pulls instead of 2048 (one residual block of 32 instead of two of 96); every
plan but the slide rule's (128) uses batches of 64.

Of the eight plans, six use Adagrad (all four long plans and the two short plans with long versions, as the brief
fixed), one Adam (slide rule) and one AdamW (whiteboard).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam133_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam133/README.md).

    python benchmarks/exam133_workloads.py          # the table
    python benchmarks/exam133_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 133"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _mse_last(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs (on every tensor but the last) against the last tensor."""
    *inputs, y = batch
    return F.mse_loss(model(*inputs), y)


def _adagrad(params: Any, lr: float) -> torch.optim.Optimizer:
    """Adagrad as recommender and sparse-feature code sets it: the initial accumulator 0.1 (TensorFlow's and the
    old Keras default, from memory); lr_decay 0, eps 1e-10 and no weight decay, torch's defaults."""
    return torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1)


ADAGRAD = _named(_adagrad, "adagrad_acc0.1")


def _pool(x: tuple[torch.Tensor, ...], n: int) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor, ...]]:
    """The first ``n`` rows of each tensor (the training pool) and the rest (held out)."""
    return tuple(t[:n] for t in x), tuple(t[n:] for t in x)


# --------------------------------------------------------------------------------------------------------------
# 1. slide-rule cursor alignment from a line scan of the cursor window (Adam)

SR_PIX = 64


def _sr_scans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Line scans across a slide rule's D scale under the cursor, 64 pixels, the hairline at pixel 32. The scale
    position x in 1-10 sets the minor-tick pitch as a log scale does (pitch ~ 1 / x: 9 down to 3 pixels here); a
    major tick every fifth minor one (brighter, as a longer tick crosses more of the scan line), its phase uniform
    so the hairline sits -2.5 to 2.5 minor divisions from the nearest major tick. The hairline's shadow on the scale
    (light at an angle through a 1-2 mm cursor glass) lies 0.5-6 pixels to the right, fainter. Gaussian line
    profiles with a blur of 0.6-1.3 pixels, an illumination gradient, 4% sensor noise. Channel 0 (green) sees ticks,
    hairline and shadow; channel 1 (red) the ticks only. Returns (scans (n, 2, 64), [offset in minor divisions,
    shadow offset in pixels] (n, 2))."""
    x = 10 ** torch.rand(n, generator=gen)
    pitch = 3 + 6 * (1 - torch.log10(x)) + 0.3 * torch.randn(n, generator=gen)
    pitch = pitch.clamp(2.6, 9.5)
    off = 5 * torch.rand(n, generator=gen) - 2.5  # hairline minus the nearest major tick, minor divisions
    major0 = 32 - off * pitch
    amp0 = 0.85 + 0.3 * torch.rand(n, 1, generator=gen)
    blur = (0.6 + 0.7 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    pix = torch.arange(SR_PIX).float().view(1, -1, 1)
    near = torch.round((pix - major0.view(-1, 1, 1)) / pitch.view(-1, 1, 1)) + torch.tensor([-1.0, 0.0, 1.0])
    pos = major0.view(-1, 1, 1) + near * pitch.view(-1, 1, 1)  # the three ticks nearest each pixel: n, 64, 3
    amp = torch.where(near.remainder(5) == 0, 1.0, 0.45) * amp0.unsqueeze(2)
    ticks = (amp * torch.exp(-((pix - pos) ** 2) / (2 * blur**2))).sum(2)  # n, 64
    shadow = 0.5 + 5.5 * torch.rand(n, generator=gen)
    p = pix.squeeze(2)
    b = blur.view(-1, 1)
    hair = 1.2 * torch.exp(-((p - 32) ** 2) / (2 * (0.8 * b) ** 2))
    shade = (0.25 + 0.2 * torch.rand(n, 1, generator=gen)) * torch.exp(
        -((p - 32 - shadow.view(-1, 1)) ** 2) / (2 * (1.3 * b) ** 2))
    light = 1 + (0.3 * torch.rand(n, 1, generator=gen) - 0.15) * (p - 32) / 32
    green = (ticks + hair + shade) * light + 0.04 * torch.randn(n, SR_PIX, generator=gen)
    red = ticks * light + 0.04 * torch.randn(n, SR_PIX, generator=gen)
    return torch.stack([green, red], 1), torch.stack([off, shadow], 1)


class ScanReader(nn.Module):
    """A 1-D CNN with BatchNorm: two strided conv blocks (conv, BatchNorm, ReLU) and a linear read-out of the
    flattened map (the positions matter, so no global pooling) through a ReLU hidden layer."""

    def __init__(self, width: int = 8, hidden: int = 32) -> None:
        super().__init__()

        def block(i: int, o: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv1d(i, o, 5, stride=2, padding=2, bias=False), nn.BatchNorm1d(o), nn.ReLU())

        self.features = nn.Sequential(block(2, width), block(width, 2 * width))
        self.head = nn.Sequential(nn.Linear(2 * width * SR_PIX // 4, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def slide_rule_cursor(batch_size: int = 128, seed: int = 0, train_size: int = 16384, width: int = 8,
                      hidden: int = 32) -> dict[str, Any]:
    """The scan reader on 16384 scans, targets standardised over them; held out: 4096 other scans in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(133101)
    x, y = _sr_scans(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, te = _pool((x, y), train_size)
    torch.manual_seed(seed)
    return {"model": ScanReader(width, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse_last, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. whiteboard marker ghosting from a photo patch (AdamW)

WB_PIX = 16


def _wb_patches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16x16 grey photo patches of an erased whiteboard. The board's wear (porosity) p in 0-1 (new porcelain enamel
    to worn melamine) sets its texture (a smoothed random field, amplitude 0.01 + 0.05 p). A marker stroke (a line
    at a random angle and offset, ink width 1.2 pixels) stood t = 0.1-1000 hours (log-uniform) before a dry wipe.
    The ghost left: D = 0.5 (1 - exp(-(0.5 + p) sqrt(t) / 2)) times the ink's pigment factor (0.9-1.1), its mass
    spread over a width 1.2 (1 + 0.35 p log10(1 + t)) (the resin creeping into the pores), so older ghosts look
    wider and fainter at the peak. Lighting: a brightness gradient; 1% noise. Returns (patches (n, 1, 16, 16), [log
    ghost density (the stroke's integrated density per pixel of length), log ghost width (pixels)] (n, 2))."""
    por = torch.rand(n, generator=gen)
    t = 10 ** (-1 + 4 * torch.rand(n, generator=gen))
    pig = 0.9 + 0.2 * torch.rand(n, generator=gen)
    g = torch.arange(WB_PIX).float() - 7.5
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    ang = math.pi * torch.rand(n, generator=gen)
    off = 4 * torch.rand(n, generator=gen) - 2
    dist = xx * torch.cos(ang).view(-1, 1, 1) + yy * torch.sin(ang).view(-1, 1, 1) - off.view(-1, 1, 1)
    width = 1.2 * (1 + 0.35 * por * torch.log10(1 + t))
    dens = 0.5 * (1 - torch.exp(-(0.5 + por) * t.sqrt() / 2)) * pig
    stroke = (dens * 1.2 / width).view(-1, 1, 1) * torch.exp(-(dist**2) / (2 * width.view(-1, 1, 1) ** 2))
    tex = torch.randn(n, 1, WB_PIX + 2, WB_PIX + 2, generator=gen)
    tex = F.avg_pool2d(tex, 3, stride=1).squeeze(1) * (0.01 + 0.05 * por).view(-1, 1, 1) * 2
    slope = 0.1 * torch.randn(n, 2, generator=gen)
    light = 1 + (slope[:, :1, None] * xx + slope[:, 1:, None] * yy) / 8
    img = (stroke + tex) * light + 0.01 * torch.randn(n, WB_PIX, WB_PIX, generator=gen)
    return img.unsqueeze(1), torch.stack([torch.log(dens), torch.log(width)], 1)


class GhostNet(nn.Module):
    """A 2-D CNN with GroupNorm: two strided conv blocks (conv, GroupNorm, SiLU), global average pooling, a linear
    head."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()

        def block(i: int, o: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv2d(i, o, 3, stride=2, padding=1, bias=False), nn.GroupNorm(4, o), nn.SiLU())

        self.features = nn.Sequential(block(1, width), block(width, 2 * width))
        self.head = nn.Linear(2 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).mean((2, 3)))


def whiteboard_ghosting(batch_size: int = 64, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The ghost net on 2048 patches, targets standardised over them; held out: 4096 other patches in batches of
    1024; AdamW (torch's defaults: weight decay 0.01)."""
    gen = torch.Generator().manual_seed(133102)
    x, y = _wb_patches(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, te = _pool((x, y), train_size)
    torch.manual_seed(seed)
    return {"model": GhostNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": _mse_last, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. sticky-note adhesion: peel energy and time to fall (Adagrad)

SN_FIELDS = (16, 6, 4, 3)  # surface, adhesive grade, note size, placement


def _sn_notes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sticky notes stuck on office surfaces. Surfaces (16: painted drywall, glass, monitor bezel, fridge door,
    varnished wood, cork, laminate, cubicle fabric, paper, whiteboard, brick, ABS plastic, ...) each with a
    surface energy factor and a roughness (its own draw, fixed); adhesive grades (6, standard to extra strong
    and full-adhesive, with a tack G0 and a creep exponent); note sizes (4: 38x51 to 102x152 mm: weight and curl
    lever); placements (3: wall, ceiling, under a shelf at an angle). A low-rank surface-by-adhesive interaction
    (the microspheres' contact on rough surfaces). Conditions: humidity 20-90%, temperature 10-35 C, dust 0-1,
    restick count 0-10, curl from the pad 0-1. Peel energy (Kendall's 90-degree peel, F / b = G): G = G0
    s_surface exp(interaction - 1.8 dust - 0.12 restick) (1 - 0.6 relu(RH - 0.55)), softer and tackier when
    warm. The applied peel energy: the note's weight (placement sets the peel angle, Kendall's F (1 - cos theta)
    / b) plus its curl's bending energy M^2 / (2 E I b); time to fall t = 1 s (G / G_applied)^m, m the grade's
    creep exponent (1.5-3), the hold test stopped after a week (a soft cap: log t = cap - softplus(cap - log
    t)). 5% scatter on the peel energy and 12% on the time. Returns (categorical (n, 4), conditions (n, 5), [log
    G, log10 t] (n, 2))."""
    tg = torch.Generator().manual_seed(1331031)
    s_surf = torch.exp(0.5 * torch.randn(SN_FIELDS[0], generator=tg))
    rough = torch.rand(SN_FIELDS[0], generator=tg)
    g0 = torch.tensor([8.0, 14.0, 20.0, 11.0, 6.0, 17.0])  # J/m2, invented
    m_creep = torch.tensor([2.0, 2.5, 3.0, 2.2, 1.5, 2.8])
    u = 0.6 * torch.randn(SN_FIELDS[0], 2, generator=tg)
    v = 0.6 * torch.randn(SN_FIELDS[1], 2, generator=tg)
    mass = torch.tensor([0.14, 0.42, 0.70, 1.10]) * 1e-3  # kg
    width = torch.tensor([0.051, 0.076, 0.076, 0.102])  # adhesive strip width, m
    length = torch.tensor([0.038, 0.076, 0.127, 0.152])
    angle = torch.tensor([0.0, math.pi / 2, math.pi / 3])  # peel angle of the weight: wall (shear + lever), ceiling
    cat = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in SN_FIELDS], 1)
    s, a, z, pl = cat.unbind(1)
    rh = 0.2 + 0.7 * torch.rand(n, generator=gen)
    temp = 10 + 25 * torch.rand(n, generator=gen)
    dust = torch.rand(n, generator=gen)
    rest = torch.randint(0, 11, (n,), generator=gen).float()
    curl = torch.rand(n, generator=gen)
    inter = (u[s] * v[a]).sum(1) - 0.8 * rough[s] * (a == 4).float()
    warm = 1 + 0.02 * (temp - 22)
    g = g0[a] * s_surf[s] * torch.exp(inter - 1.8 * dust - 0.12 * rest * (1 + rough[s])) * warm
    g = g * (1 - 0.6 * torch.relu(rh - 0.55))
    theta = angle[pl]
    wgt = mass[z] * 9.81
    lever = torch.where(pl == 0, 0.5 * length[z] / 0.01 * 0.2, torch.ones(n))  # the wall's hanging note levers
    g_weight = wgt * lever * (1 - torch.cos(theta) + 0.15) / width[z]
    ei = 2e-4 * (1 - 0.01 * (temp - 22))  # the paper's bending stiffness per width, invented
    kappa = 10 + 60 * curl * (1 + 0.5 * (rh - 0.5))  # curl, 1/m
    g_curl = 0.5 * ei * kappa**2 / 10
    g_app = g_weight + g_curl
    log_t = m_creep[a] * torch.log10(g / g_app) * (1 - 0.01 * (temp - 22))
    cap = math.log10(7 * 86400)  # the hold test stops after a week
    log_t = cap - F.softplus(cap - log_t)
    log_g = torch.log(g) + 0.05 * torch.randn(n, generator=gen)
    log_t = log_t + 0.05 * torch.randn(n, generator=gen)
    num = torch.stack([(rh - 0.55) / 0.2, (temp - 22.5) / 7.2, (dust - 0.5) / 0.29, (rest - 5) / 3.2,
                       (curl - 0.5) / 0.29], 1)
    return cat, num, torch.stack([log_g, log_t], 1)


class NoteNet(nn.Module):
    """Embeddings of the four categorical fields (``dim`` each, torch's default N(0, 1) init) concatenated with the
    five conditions, an MLP tower (two GELU layers) to the two outputs."""

    def __init__(self, dim: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(k, dim) for k in SN_FIELDS)
        self.tower = nn.Sequential(nn.Linear(len(SN_FIELDS) * dim + 5, hidden), nn.GELU(), nn.Linear(hidden, hidden),
                                   nn.GELU(), nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = [emb(cat[:, i]) for i, emb in enumerate(self.emb)]
        return self.tower(torch.cat(e + [num], 1))


def sticky_note_adhesion(batch_size: int = 64, seed: int = 0, train_size: int = 2048, dim: int = 8,
                         hidden: int = 64) -> dict[str, Any]:
    """The note net on 2048 notes, targets standardised over them; held out: 4096 other notes in batches of 1024;
    Adagrad (initial accumulator 0.1)."""
    gen = torch.Generator().manual_seed(133103)
    cat, num, y = _sn_notes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, te = _pool((cat, num, y), train_size)
    torch.manual_seed(seed)
    return {"model": NoteNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024), "optimizer": ADAGRAD, "loss_fn": _mse_last, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. staple-remover jaw leverage (Adagrad)

SR_REMOVERS, SR_STAPLES, SR_PAPERS = 5, 5, 5


def _rm_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Staples pulled with a staple remover. Removers (claw jaws, pen-style wedge, plier, heavy-duty lever, flat
    blade): handle-to-jaw leverage 2.2, 1.0, 3.5, 5.0, 1.4; tips' lever arm under the crown 1.2, 0.6, 1.0, 1.5,
    0.8 mm; tips' contact width 1.5, 0.8, 2.5, 3.0, 4.0 mm. Staples (24/6, 26/6, 23/8, 23/13, No. 10): wire 0.70,
    0.55, 0.75, 0.75, 0.50 mm, legs 6, 6, 8, 13, 5 mm. Papers (copy 80 g/m2, bond 100, recycled 80, card 200, thin
    60): sheet thickness and tear strength. Stack 2-50 sheets (not past the legs), clinch tightness 0-1, corrosion
    0-1, approach angle 0-30 degrees. Tip force: both legs unbent at the wire's plastic moment sigma_y d^3 / 6
    (sigma_y 900 MPa, more when tightly clinched, corrosion adding friction) over the lever arm, plus the legs'
    friction through the stack; hand force = tip force / leverage, more at an angle (the tips slipping). Tear
    length: the tips' pressure on the paper (tip force over contact width) against the stack's tear strength, a
    softplus. 2% scatter. Returns (categorical (n, 3), conditions (n, 4), [log hand force N, log1p tear mm]
    (n, 2))."""
    lev = torch.tensor([2.2, 1.0, 3.5, 5.0, 1.4])
    arm = torch.tensor([1.2, 0.6, 1.0, 1.5, 0.8])
    cw = torch.tensor([1.5, 0.8, 2.5, 3.0, 4.0])
    wire = torch.tensor([0.70, 0.55, 0.75, 0.75, 0.50])
    legs = torch.tensor([6.0, 6.0, 8.0, 13.0, 5.0])
    thick = torch.tensor([0.10, 0.12, 0.11, 0.25, 0.075])
    tear = torch.tensor([1.0, 1.3, 0.7, 2.5, 0.6])
    r = torch.randint(0, SR_REMOVERS, (n,), generator=gen)
    st = torch.randint(0, SR_STAPLES, (n,), generator=gen)
    pa = torch.randint(0, SR_PAPERS, (n,), generator=gen)
    frac = torch.rand(n, generator=gen)
    sheets = (2 + frac * (legs[st] / thick[pa] * 0.8 - 2)).clamp(2, 50)
    tight = torch.rand(n, generator=gen)
    corr = torch.rand(n, generator=gen)
    angle = 30 * torch.rand(n, generator=gen)
    mp = 900 * (1 + 0.4 * tight) * wire[st] ** 3 / 6  # N mm
    fric = 0.25 * (1 + corr) * sheets * thick[pa] * (2 + 3 * tight) * wire[st]
    tip = 2 * mp / arm[r] * (1 + 0.6 * corr) + fric
    slip = 1 + 0.8 * torch.tan(torch.deg2rad(angle)) * (1 + (r == 1).float())
    hand = tip / lev[r] * slip
    press = tip / (cw[r] * wire[st])
    tear_len = 3 * F.softplus(2 * torch.log(press / (12 * tear[pa] * (1 + 0.02 * sheets)))) * (1 + angle / 30)
    y = torch.stack([torch.log(hand) + 0.02 * torch.randn(n, generator=gen),
                     torch.log1p(tear_len * torch.exp(0.02 * torch.randn(n, generator=gen)))], 1)
    cat = torch.stack([r, st, pa], 1)
    num = torch.stack([(sheets - 20) / 12, (tight - 0.5) / 0.29, (corr - 0.5) / 0.29, (angle - 15) / 8.7], 1)
    return cat, num, y


class LeverageNet(nn.Module):
    """Embeddings of the remover, staple and paper (``dim`` each) with the four conditions, a linear stem, two
    pre-norm residual blocks (LayerNorm, Linear, GELU, Linear) and a LayerNorm-ed linear head."""

    def __init__(self, dim: int = 6, hidden: int = 96, blocks: int = 2) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(k, dim) for k in (SR_REMOVERS, SR_STAPLES, SR_PAPERS))
        self.stem = nn.Linear(3 * dim + 4, hidden)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, hidden), nn.GELU(),
                                                  nn.Linear(hidden, hidden)) for _ in range(blocks))
        self.norm = nn.LayerNorm(hidden)
        self.head = nn.Linear(hidden, 2)

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        h = self.stem(torch.cat([emb(cat[:, i]) for i, emb in enumerate(self.emb)] + [num], 1))
        for blk in self.blocks:
            h = h + blk(h)
        return self.head(self.norm(h))


def staple_remover_leverage(batch_size: int = 64, seed: int = 0, train_size: int = 2048, dim: int = 6,
                            hidden: int = 96, blocks: int = 2) -> dict[str, Any]:
    """The leverage net on 2048 pulls, targets standardised over them; held out: 4096 other pulls in batches of
    1024; Adagrad (initial accumulator 0.1)."""
    gen = torch.Generator().manual_seed(133104)
    cat, num, y = _rm_pulls(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, te = _pool((cat, num, y), train_size)
    torch.manual_seed(seed)
    return {"model": LeverageNet(dim, hidden, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024), "optimizer": ADAGRAD, "loss_fn": _mse_last, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. letter-opener envelope slitting (Adagrad; long only)

LO_FIELDS = (8, 8, 4, 5)  # opener, envelope paper, flap seal, contents
LO_NUM = 4


def _lo_slits(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Envelopes slit along the top fold. Openers (8: brass dagger, steel blade, plastic slot with a razor insert,
    ceramic, bone folder, kitchen knife, a finger, a hooked steel opener) with an edge-radius factor and a wedge
    friction; envelope papers (8: 80 g/m2 wove, 100 g/m2 kraft, laid, Tyvek, padded mailer, recycled, window,
    security-tint) with a fracture toughness and a fibre strength; flap seals (4: gummed, self-seal, peel-and-seal,
    taped) adding a seam to cross; contents (5: letter, card, stuffed, a coin, nothing) pressing the fold open or
    shut. Numbers: the edge radius 5-100 um (log), the wedge angle 10-60 degrees, the slitting speed 0.05-1 m/s
    (log), humidity 20-90%. Cutting force (Atkins' form, from memory): R w (toughness times the cut width rising with
    the edge radius) plus the wedge's friction; the splitting force the wedge puts on the fibres ahead of the edge
    (tan of the half angle) against their cutting: the torn fraction a sigmoid of its log ratio. 5% scatter.
    Returns (categorical (n, 4), numbers (n, 4), [log force N, logit torn fraction] (n, 2))."""
    tg = torch.Generator().manual_seed(1331051)
    edge_f = torch.tensor([2.0, 1.0, 0.3, 0.6, 6.0, 1.5, 12.0, 1.2])
    mu = torch.tensor([0.25, 0.2, 0.15, 0.12, 0.3, 0.2, 0.5, 0.18])
    tough = torch.tensor([1.0, 1.8, 1.2, 4.0, 2.5, 0.8, 1.0, 1.1])  # kJ/m2, invented
    fibre = torch.tensor([1.0, 1.5, 1.1, 5.0, 1.6, 0.7, 0.9, 1.0])
    seam = torch.tensor([0.3, 0.5, 0.8, 1.5])
    press = torch.tensor([0.0, 0.2, 0.8, 1.2, -0.2])
    inter = 0.3 * torch.randn(LO_FIELDS[0], LO_FIELDS[1], generator=tg)
    cat = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in LO_FIELDS], 1)
    o, p, s, c = cat.unbind(1)
    radius = 5 * 20 ** torch.rand(n, generator=gen)
    wedge = 10 + 50 * torch.rand(n, generator=gen)
    speed = 0.05 * 20 ** torch.rand(n, generator=gen)
    rh = 0.2 + 0.7 * torch.rand(n, generator=gen)
    r_eff = radius * edge_f[o]
    soft = 1 - 0.5 * torch.relu(rh - 0.5)
    cut = tough[p] * soft * (1 + r_eff / 40) ** 0.7 * (1 + seam[s]) + mu[o] * (1 + press[c]) * torch.tan(
        torch.deg2rad(wedge / 2)) * 3
    cut = cut * (1 + 0.15 * torch.log10(speed / 0.2)) * torch.exp(inter[o, p])
    split = torch.tan(torch.deg2rad(wedge / 2)) * (1 + r_eff / 30) * (1 + 0.5 * press[c]) / (fibre[p] * soft)
    z = 2.5 * torch.log(split / 0.6) - 0.8 * torch.log10(speed / 0.2) + inter[o, p]
    force = cut * torch.exp(0.05 * torch.randn(n, generator=gen))
    z = z + 0.15 * torch.randn(n, generator=gen)
    num = torch.stack([(torch.log10(radius) - 1.35) / 0.38, (wedge - 35) / 14.4,
                       (torch.log10(speed) + 0.65) / 0.38, (rh - 0.55) / 0.2], 1)
    return cat, num, torch.stack([torch.log(force), z.clamp(-6, 6)], 1)


class SlitCrossNet(nn.Module):
    """A DCN-v2-style net (deep and cross, as recommender code writes it): the four fields' embeddings (``d`` each)
    and the four numbers form x0; two full-rank cross layers x_{l+1} = x0 * (W x_l + b) + x_l, in parallel with a
    small ReLU tower; the two concatenated into a linear head."""

    def __init__(self, d: int = 6, cross: int = 2, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(k, d) for k in LO_FIELDS)
        width = len(LO_FIELDS) * d + LO_NUM
        self.cross = nn.ModuleList(nn.Linear(width, width) for _ in range(cross))
        self.deep = nn.Sequential(nn.Linear(width, hidden), nn.ReLU())
        self.head = nn.Linear(width + hidden, 2)

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        x0 = torch.cat([emb(cat[:, i]) for i, emb in enumerate(self.emb)] + [num], 1)
        x = x0
        for layer in self.cross:
            x = x0 * layer(x) + x
        return self.head(torch.cat([x, self.deep(x0)], 1))


def letter_opener_slitting(batch_size: int = 32, seed: int = 0, train_size: int = 8192, d: int = 6) -> dict[str, Any]:
    """The slitting cross net on 8192 slits, targets standardised over them; held out: 4096 other slits in
    batches of 1024; Adagrad (initial accumulator 0.1)."""
    gen = torch.Generator().manual_seed(133105)
    cat, num, y = _lo_slits(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, te = _pool((cat, num, y), train_size)
    torch.manual_seed(seed)
    return {"model": SlitCrossNet(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024), "optimizer": ADAGRAD, "loss_fn": _mse_last, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. tea-strainer leaf retention (Adagrad; long only)

TS_BINS = 24
TS_STRAINERS = 8


def _ts_pours(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tea poured through a strainer. Leaf grades (6: whole leaf, broken, fannings, dust, rolled oolong, herbal) with a
    lognormal size distribution (median 2.5, 1.2, 0.5, 0.25, 1.0, 1.5 mm, spread 0.35-0.6 in log), a fines tail
    (5-30% of the mass, median 0.15 mm) and, for rolled leaves, unfurling with steep time 1-6 min (sizes up to
    2.5x). The histogram: mass in 24 log-size bins from 0.05 to 8 mm (the grade itself is not given). Strainers
    (8: fine steel mesh, coarse mesh, perforated steel, bamboo, silicone, infuser ball, nylon, paper-lined) with
    an aperture 0.08-1.6 mm and an open area. Pour rate 5-50 ml/s. Capture per bin: a sieve sigmoid in log(size
    / aperture), the leaf cake building on the mesh as the retained coarse mass grows lowers the effective
    aperture (captures fines); a fast pour pushes fines through. Outputs: the logit of the retained mass
    fraction, the log fines mass (< 0.3 mm) reaching the cup, the log drain time of 200 ml through mesh and cake
    (Darcy, the cake's resistance rising with its fines). Scatter: 0.03 on the retained logit, 2% on the fines
    and the drain time. Returns (histograms (n, 24), strainer (n,), pour (n, 1), outputs (n, 3))."""
    med = torch.tensor([2.5, 1.2, 0.5, 0.25, 1.0, 1.5])
    spread = torch.tensor([0.45, 0.5, 0.4, 0.35, 0.4, 0.6])
    aper = torch.tensor([0.08, 0.6, 1.2, 1.6, 0.9, 0.5, 0.2, 0.1])
    open_a = torch.tensor([0.30, 0.45, 0.25, 0.35, 0.20, 0.15, 0.40, 0.60])
    grade = torch.randint(0, 6, (n,), generator=gen)
    st = torch.randint(0, TS_STRAINERS, (n,), generator=gen)
    steep = 1 + 5 * torch.rand(n, generator=gen)
    pour = 5 + 45 * torch.rand(n, generator=gen)
    fines = 0.05 + 0.25 * torch.rand(n, generator=gen)
    unfurl = torch.where(grade == 4, 1 + 1.5 * (1 - torch.exp(-steep / 2.5)), 1 + 0.15 * (1 - torch.exp(-steep / 3)))
    mu = torch.log(med[grade] * unfurl) + 0.25 * torch.randn(n, generator=gen)
    edges = torch.linspace(math.log(0.05), math.log(8.0), TS_BINS + 1)
    centre = 0.5 * (edges[1:] + edges[:-1]).view(1, -1)
    main = torch.exp(-((centre - mu.view(-1, 1)) ** 2) / (2 * spread[grade].view(-1, 1) ** 2))
    tail = torch.exp(-((centre - math.log(0.15)) ** 2) / (2 * 0.5**2))
    hist = (1 - fines).view(-1, 1) * main / main.sum(1, keepdim=True) + fines.view(-1, 1) * tail / tail.sum()
    hist = hist * torch.exp(0.05 * torch.randn(n, TS_BINS, generator=gen))
    hist = hist / hist.sum(1, keepdim=True)
    size = centre.exp()
    a = aper[st].view(-1, 1)
    coarse = (hist * torch.sigmoid(6 * torch.log(size / a))).sum(1, keepdim=True)
    a_eff = a / (1 + 3 * coarse * (1 + 0.3 * torch.log(steep.view(-1, 1))))
    push = 1 + 0.3 * torch.log(pour.view(-1, 1) / 15)
    cap = torch.sigmoid(5 * torch.log(size / (a_eff * push)))
    kept = (hist * cap).sum(1)
    fine_bin = (size < 0.3).float()
    fines_cup = (hist * (1 - cap) * fine_bin).sum(1) * 3.0  # g of 3 g leaf
    cake = kept * 3 * (1 + 4 * (hist * cap * fine_bin).sum(1) / kept.clamp_min(1e-3))
    flow = open_a[st] * aper[st] ** 2 * 60 / (1 + 2 * cake)  # ml/s the strainer passes
    drain = 200 / torch.minimum(flow, pour) + 200 / pour
    noise = torch.exp(0.02 * torch.randn(n, 3, generator=gen))
    kept = kept.clamp(1e-4, 1 - 1e-4)
    y = torch.stack([torch.logit(kept), torch.log(fines_cup * noise[:, 1] + 1e-4), torch.log(drain * noise[:, 2])], 1)
    y = y + torch.tensor([0.03, 0.0, 0.0]) * torch.randn(n, 3, generator=gen)
    x = (hist - 1 / TS_BINS) * TS_BINS
    return x, st, ((pour - 27.5) / 13).view(-1, 1), y


class StrainerNet(nn.Module):
    """An embedding of the strainer (``dim``) concatenated with the leaf histogram and the pour rate, an MLP (two
    SiLU layers) to the three outputs."""

    def __init__(self, dim: int = 8, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(TS_STRAINERS, dim)
        self.net = nn.Sequential(nn.Linear(TS_BINS + dim + 1, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, hist: torch.Tensor, strainer: torch.Tensor, pour: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([hist, self.emb(strainer), pour], 1))


def tea_strainer_retention(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                           hidden: int = 48) -> dict[str, Any]:
    """The strainer net on 8192 pours, targets standardised over them; held out: 4096 other pours in batches of
    1024; Adagrad (initial accumulator 0.1)."""
    gen = torch.Generator().manual_seed(133106)
    hist, st, pour, y = _ts_pours(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, te = _pool((hist, st, pour, y), train_size)
    torch.manual_seed(seed)
    return {"model": StrainerNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024), "optimizer": ADAGRAD, "loss_fn": _mse_last, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("slide_rule_cursor_adam", slide_rule_cursor, 300, "slide_rule_cursor_hairline_scan_cnn1d_bn", "adam", "finite",
      128, seconds=0.8, start_lr=0.064),
    W("whiteboard_ghosting_adamw", whiteboard_ghosting, 300, "whiteboard_marker_ghost_patch_cnn2d_gn", "adamw",
      "finite", 64, seconds=0.6, start_lr=0.064),
    W("sticky_note_adhesion_adagrad", sticky_note_adhesion, 300, "sticky_note_peel_hold_time_embedding_mlp",
      "adagrad_acc0.1", "finite", 64, seconds=0.3, start_lr=0.256),
    W("staple_remover_leverage_adagrad", staple_remover_leverage, 300, "staple_remover_jaw_leverage_embed_resnet_ln",
      "adagrad_acc0.1", "finite", 64, seconds=0.5, start_lr=0.128),
)
LONG = (
    W("letter_opener_slitting_adagrad@long", letter_opener_slitting, 3000, "letter_opener_envelope_slitting_dcn_cross",
      "adagrad_acc0.1", "finite", 64, seconds=3.4, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("tea_strainer_retention_adagrad@long", tea_strainer_retention, 3000, "tea_strainer_leaf_retention_embedding_mlp",
      "adagrad_acc0.1", "finite", 64, seconds=2.8, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("sticky_note_adhesion_adagrad@long", sticky_note_adhesion, 3000, "sticky_note_peel_hold_time_embedding_mlp",
      "adagrad_acc0.1", "finite", 64, dict(train_size=8192, hidden=32), seconds=3.5, start_lr=0.512,
      grid_fractions=(0.0, 0.05), long_of="sticky_note_adhesion_adagrad"),
    W("staple_remover_leverage_adagrad@long", staple_remover_leverage, 3000,
      "staple_remover_jaw_leverage_embed_resnet_ln", "adagrad_acc0.1", "finite", 64,
      dict(train_size=8192, hidden=32, blocks=1), seconds=3.7, start_lr=0.512, grid_fractions=(0.0, 0.05),
      long_of="staple_remover_leverage_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam133_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-third exam's workloads")
