"""The hundred-and-forty-fourth exam: six more workload families that neither the suite nor exams 1-142 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam142_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from shoe racks and shelf sag, hat stands and sway, key hooks and pull-out
force, letter racks and mail sorting, fruit bowls and ripening, and cutlery trays and drawer rattle (exam 143 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam144/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hat-stand sway after a nudge: a grey-box net, a tanh MLP from the stand and its load (height, base mass and
  radius, hung mass, its offset, the coats' share, carpet or wood, the nudge) to a correction of a textbook
  natural-frequency estimate, the damping ratio and the static lean of a linear damped oscillator released from
  the measured displacement, whose response is the predicted trace of the top (32 samples at 25 Hz); the data
  from a rocking stand on a weighted base (an effective base-and-pole spring whose moment saturates at the
  overturning moment, gravity's destabilising moment, viscous floor damping, Coulomb friction of the coats, a
  static lean from an off-centre load), sensor noise 1 mm + 1%; MSE of the trace (cm^2); RMSprop (torch's
  defaults)
- key-hook rack pull-out from a wall: embeddings of the wall (drywall, lath-and-plaster, brick, aerated concrete
  block, timber stud, MDF panel), the fixing (bare screw, plastic plug, self-drill drywall anchor, spring toggle,
  metal cavity anchor) and the screw gauge, with the embedment, the pull angle, the number of screws, the hooks'
  lever arm and the hole oversize, into a SiLU MLP to the log peak force and the log slip at the peak; a tension /
  shear capacity table by wall and fixing, embedment and gauge laws, the lever arm's prying tension on the top
  screw and an elliptical tension-shear interaction; 1% / 1.5% test scatter; MSE of the standardised logs; Adam
  (torch's defaults)
- letter-rack mail sorting: a small Pre-LN transformer encoder (one block, multi-head self-attention) reads an
  envelope's OCR'd tokens (the mail class and a postcode: area letter, two district digits, a sector digit) and
  classifies it into one of 35 pigeonholes of a sorting frame (a delivery office and one of three walks by an
  area's own cut points of the district-and-sector code, large letters to packet holes); the OCR misreads 1% of
  characters (labels from the true code); cross-entropy; AdamW (torch's defaults: weight decay 0.01)
- cutlery-tray drawer rattle: a 1-D CNN with BatchNorm reads 64 ms of a drawer front's accelerometer when the
  drawer is shut and tags which of six things rattle (forks, spoons, knives, teaspoons, a ladle, a loose tray that
  knocks); each present item rings at its jittered modal frequency after a sliding delay, with bounces, over the
  drawer's thud, runner rumble and sensor noise; multi-label BCE; SGD with Nesterov momentum 0.9 and weight decay
  5e-4
- shoe-rack shelf sag (a long plan only): a SiLU MLP maps the load profile of the shoes along a shelf (32 cells)
  with the shelf's board (one-hot), span, thickness, end fixity, humidity and months loaded to the sag profile (32
  cells); Euler-Bernoulli Green's functions of a simply supported and a fixed-fixed beam mixed by the end fixity,
  a humidity-dependent modulus and a creep factor by board (particleboard creeps most) growing with time under
  load; 1% + 0.05 mm scatter; MSE of log1p(sag in mm); Adamax (torch's defaults)
- fruit-bowl banana ripening (a long plan only): a grey-box net, a tanh MLP from the bowl (bananas, apples,
  temperature, a paper bag or open, ventilation, the starting stage) to a first-order and an accelerating rate of
  a saturating stage law, s(t) = 7.5 - (7.5 - s0) exp(-(k1 t + k2 t^2)), to the bananas' peel colour stage
  (1 green - 7 brown-flecked) on days 1-8; the data from an autocatalytic ethylene model (the bananas' climacteric
  production peaking mid-ripening, the apples' steady production, the bag trapping the gas, a Q10 temperature law
  with a chilling stall); stage scatter 0.05; MSE; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the shoe-rack MLP and
the fruit-bowl grey-box net (no short plans), the key-hook net on 16384 pull tests instead of 8192 (32 units a
layer instead of 48, batch 64 instead of 256) and the hat-stand grey-box net on 16384 nudge tests instead of 8192
(batch 32 instead of 256).

Of the eight plans, two use Adam (both key-hook plans), two RMSprop (both hat-stand plans), one AdamW (mail
sorting), one SGD with Nesterov momentum (cutlery), one Adamax (shoe rack) and one NAdam (fruit bowl). The long
plans use four optimizers: Adam, RMSprop, Adamax and NAdam.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam144_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam144/README.md).

    python benchmarks/exam144_workloads.py          # the table
    python benchmarks/exam144_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 144"


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
# 1. hat-stand sway after a nudge (a grey-box damped oscillator; RMSprop)

HS_SAMPLES = 32
HS_RATE = 25.0


def _hs_sways(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A free-standing hat stand nudged at the top and left to sway, its top's displacement logged at 25 Hz for 1.28 s.
    The stand: pole 1.6-1.9 m (3 kg), a weighted round base 4-12 kg of radius 0.18-0.28 m; 0-6 kg of hats and coats on
    the hooks at 0.93 of the height, hung 0-8 cm off-centre; the coats' share of that load 0-1 (coats rub on the pole:
    Coulomb friction); the floor carpet or wood (carpet: a softer base spring, more damping). The stand rocks about its
    base as one rigid body with a flexible pole folded into an effective base spring k = 1 / (1 / k_base + 1 / k_pole)
    (k_base 60 W r_base on wood, 35 W r_base on carpet, times r_base / 0.23) whose moment saturates smoothly (tanh) at
    the overturning moment W r_base; gravity's moment (m_hung h_hook + m_pole H / 2) g theta destabilises; viscous floor
    damping (zeta 0.045 carpet, 0.02 wood) and the coats' friction torque; a static lean from the off-centre load. A
    nudge of 0.8-3 degrees from the lean, released at rest. Integrated with semi-implicit Euler at 5 ms. Sensor noise 1
    mm + 1%. Constants invented. Returns (features (n, 10): the eight settings scaled, the release displacement of the
    top (cm) and a textbook estimate of the natural frequency (rad/s: linear rocking on a nominal base spring, no
    saturation or floor effect); the trace (n, 32) of the top's displacement in cm)."""
    g = 9.81
    h = 1.6 + 0.3 * torch.rand(n, generator=gen)
    m_base = 4 + 8 * torch.rand(n, generator=gen)
    r_base = 0.18 + 0.10 * torch.rand(n, generator=gen)
    m_hung = 6 * torch.rand(n, generator=gen) ** 1.2
    offset = 0.08 * torch.rand(n, generator=gen)
    coats = torch.rand(n, generator=gen)
    carpet = (torch.rand(n, generator=gen) < 0.5).float()
    nudge = math.radians(0.8) + math.radians(2.2) * torch.rand(n, generator=gen)
    m_pole = 3.0
    h_hook = 0.93 * h
    inertia = m_hung * h_hook**2 + m_pole * h**2 / 3 + 0.5 * m_base * r_base**2
    k_base = (m_base + m_pole + m_hung) * g * r_base * (60 - 25 * carpet) * (r_base / 0.23)
    k_pole = 900.0 * (1.75 / h) ** 2
    k = 1 / (1 / k_base + 1 / k_pole)
    m_over = (m_base + m_pole + m_hung) * g * r_base
    grav = (m_hung * h_hook + m_pole * h / 2) * g
    k_eff = (k - grav).clamp_min(5.0)
    w0 = (k_eff / inertia).sqrt()
    zeta = 0.02 + 0.025 * carpet
    c = 2 * zeta * w0 * inertia
    fric = 0.05 * coats * m_hung * g * 0.02
    lean = m_hung * g * offset / k_eff
    theta = lean + nudge
    omega = torch.zeros(n)
    dt, sub = 0.005, 8
    out = []
    for _ in range(HS_SAMPLES):
        for _ in range(sub):
            spring = m_over * torch.tanh(k * theta / m_over)
            torque = -spring + grav * theta + m_hung * g * offset - c * omega - fric * torch.tanh(omega / 0.02)
            omega = omega + dt * torque / inertia
            theta = theta + dt * omega
        out.append(h * torch.sin(theta))
    y = torch.stack(out, 1)
    y = 100 * (y * (1 + 0.01 * torch.randn(y.shape, generator=gen)) + 0.001 * torch.randn(y.shape, generator=gen))
    # the user's textbook estimate of the natural frequency: rigid rocking on a base spring of a nominal
    # 45 W r_base (r_base / 0.23), in series with the pole, less gravity's moment (no saturation, no floor effect)
    k_nom = 1 / (1 / ((m_base + m_pole + m_hung) * g * r_base * 45 * (r_base / 0.23)) + 1 / k_pole)
    w_nom = ((k_nom - grav).clamp_min(5.0) / inertia).sqrt()
    x = torch.stack([(h - 1.75) / 0.087, (m_base - 8) / 2.3, (r_base - 0.23) / 0.029, (m_hung - 2.7) / 1.7,
                     (offset - 0.04) / 0.023, (coats - 0.5) / 0.29, 2 * carpet - 1,
                     (torch.rad2deg(nudge) - 1.9) / 0.64, 100 * h * torch.sin(lean + nudge), w_nom], 1)
    return x, y


class SwayGreyBox(nn.Module):
    """A grey-box sway model: a tanh MLP from the eight settings to a log correction of the textbook natural
    frequency, the log damping ratio (about 0.04) and the static lean (cm); the trace is the released linear damped
    oscillator about that lean, x(t) = lean + (x0 - lean) e^(-zeta w t) (cos w_d t + zeta / sqrt(1 - zeta^2)
    sin w_d t), with x0 the measured release displacement."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))
        self.register_buffer("t", torch.arange(1, HS_SAMPLES + 1).float() / HS_RATE)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x[:, :8])
        w = x[:, 9:10] * torch.exp(p[:, :1])
        zeta = (0.04 * torch.exp(p[:, 1:2])).clamp(max=0.9)
        lean = p[:, 2:3]
        wd = w * (1 - zeta**2).sqrt()
        env = torch.exp(-zeta * w * self.t)
        osc = torch.cos(wd * self.t) + zeta / (1 - zeta**2).sqrt() * torch.sin(wd * self.t)
        return lean + (x[:, 8:9] - lean) * env * osc


def sway_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the top's displacement trace (cm^2)."""
    return _mse(model, batch)


def hat_stand_sway(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box sway net on 8192 nudge tests; held out: 2048 other tests in batches of 1024; RMSprop (torch's
    defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(144102)
    x, y = _hs_sways(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwayGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": sway_mse, "train_pool": tr}

# --------------------------------------------------------------------------------------------------------------
# 2. key-hook rack pull-out from a wall (categorical embeddings; Adam)

KH_WALLS, KH_FIXINGS, KH_GAUGES = 6, 5, 5


def _kh_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pull tests of key-hook racks screwed to a wall. Walls (12.5 mm drywall, lath-and-plaster, solid brick, aerated
    concrete block, pine stud, 18 mm MDF panel); fixings (bare screw, ribbed plastic plug, self-drill drywall anchor,
    spring toggle, metal cavity anchor); screw gauges 3.0-5.0 mm; embedment 20-50 mm; the pull's angle 0-90 degrees from
    the wall's plane (0: hanging load, shear; 90: straight out); 1-3 screws; the hooks' lever arm 15-60 mm; pilot-hole
    oversize 0-1 mm. The tension capacity of one screw: a table by wall and fixing (N, invented) x (gauge / 4 mm)^1.4 x
    (embedment / 35 mm)^a (a = 1 in solid walls, 0.15 in the cavity walls: cavity fixings bear on the board's back) x (1
    - 0.45 oversize) for screws and plugs in solid walls; the shear capacity a wall-dependent multiple of it. Per screw:
    tension F (sin angle + cos angle x lever / 40 mm) / n^0.9, shear F cos angle / n; the peak force where (T / T_c)^1.6
    + (V / V_c)^1.6 = 1. Slip at the peak: 0.4 mm + F over a wall-and-fixing stiffness. Scatter 1% (force) and 1.5%
    (slip), lognormal (a load cell and an LVDT). Returns (categories (n, 3), continuous (n, 5), log force and log slip
    (n, 2))."""
    wall = torch.randint(0, KH_WALLS, (n,), generator=gen)
    fix = torch.randint(0, KH_FIXINGS, (n,), generator=gen)
    gauge = torch.randint(0, KH_GAUGES, (n,), generator=gen)
    emb = 20 + 30 * torch.rand(n, generator=gen)
    angle = torch.deg2rad(90 * torch.rand(n, generator=gen))
    screws = torch.randint(1, 4, (n,), generator=gen).float()
    lever = 15 + 45 * torch.rand(n, generator=gen)
    over = torch.rand(n, generator=gen)
    table = torch.tensor([[60.0, 110.0, 240.0, 430.0, 360.0],     # drywall
                          [90.0, 190.0, 210.0, 480.0, 400.0],     # lath and plaster
                          [140.0, 850.0, 180.0, 260.0, 320.0],    # brick
                          [80.0, 330.0, 290.0, 240.0, 280.0],     # aerated block
                          [850.0, 650.0, 380.0, 280.0, 330.0],    # pine stud
                          [380.0, 420.0, 330.0, 560.0, 470.0]])   # MDF
    cavity = torch.tensor([1.0, 1.0, 0.0, 0.0, 0.0, 0.0])[wall]
    d = 3.0 + 0.5 * gauge.float()
    expo = 1.0 - 0.85 * cavity
    t_cap = table[wall, fix] * (d / 4) ** 1.4 * (emb / 35) ** expo
    screwlike = ((fix <= 1) & (cavity == 0)).float()
    t_cap = t_cap * (1 - 0.45 * over * screwlike)
    v_cap = t_cap * torch.tensor([1.7, 1.5, 1.3, 1.2, 1.1, 1.25])[wall] * (1 + 0.3 * (d / 4 - 1))
    a = (torch.sin(angle) + torch.cos(angle) * lever / 40) / screws**0.9
    b = torch.cos(angle) / screws
    force = 1 / ((a / t_cap) ** 1.6 + (b / v_cap) ** 1.6) ** (1 / 1.6)
    stiff = torch.tensor([150.0, 200.0, 800.0, 400.0, 600.0, 500.0])[wall] * torch.tensor(
        [1.0, 0.8, 0.6, 0.5, 0.7])[fix] * screws
    slip = 0.4 + force / stiff
    force = force * torch.exp(0.01 * torch.randn(n, generator=gen))
    slip = slip * torch.exp(0.015 * torch.randn(n, generator=gen))
    cats = torch.stack([wall, fix, gauge], 1)
    cont = torch.stack([(emb - 35) / 8.7, (torch.rad2deg(angle) - 45) / 26, screws - 2, (lever - 37.5) / 13,
                        (over - 0.5) / 0.29], 1)
    return cats, cont, torch.stack([torch.log(force), torch.log(slip)], 1)


class PullOutNet(nn.Module):
    """Embeddings of the wall (4), the fixing (4) and the gauge (2), with the five continuous inputs, into a SiLU
    MLP to the two log outputs."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.wall = nn.Embedding(KH_WALLS, 4)
        self.fix = nn.Embedding(KH_FIXINGS, 4)
        self.gauge = nn.Embedding(KH_GAUGES, 2)
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.wall(cats[:, 0]), self.fix(cats[:, 1]), self.gauge(cats[:, 2]), cont], 1)
        return self.net(z)


def pullout_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log peak force and log slip."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def key_hook_pullout(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                     hidden: int = 48) -> dict[str, Any]:
    """The pull-out net on 8192 pull tests, targets standardised over them; held out: 4096 other tests in batches
    of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(144103)
    cats, cont, y = _kh_pulls(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PullOutNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pullout_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. letter-rack mail sorting (a small Pre-LN transformer; AdamW)

LR_AREAS, LR_OFFICES, LR_CLASSES = 20, 10, 4
LR_SLOTS = 3 * LR_OFFICES + LR_OFFICES // 2
LR_VOCAB = LR_CLASSES + LR_AREAS + 10  # class tokens, area letters, digits


def _lr_envelopes(n: int, gen: torch.Generator, misread: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """Envelopes for a sorting frame's pigeonholes, as the OCR reads them: [mail class (1st, 2nd, large letter,
    franked), area letter (20), district tens (0-5), district units (0-9), sector (0-9)]. The frame (fixed, drawn
    from its own generator): each area belongs to one of 10 delivery offices and splits its district-and-sector
    codes 0-599 at two cut points of its own (60-540) into three walks; letters go to hole office x 3 + walk, large
    letters to one of 5 packet holes by office pair (35 holes). The OCR misreads each character (not the class)
    with probability 1%, as another letter or digit; the hole is the true code's. Returns (tokens (n, 5), holes)."""
    frame = torch.Generator().manual_seed(144114)
    office = torch.randperm(LR_AREAS, generator=frame) % LR_OFFICES
    cuts = torch.sort(torch.randint(60, 541, (LR_AREAS, 2), generator=frame), 1).values
    cls = torch.randint(0, LR_CLASSES, (n,), generator=gen)
    area = torch.randint(0, LR_AREAS, (n,), generator=gen)
    tens = torch.randint(0, 6, (n,), generator=gen)
    units = torch.randint(0, 10, (n,), generator=gen)
    sector = torch.randint(0, 10, (n,), generator=gen)
    code = 100 * tens + 10 * units + sector
    walk = (code >= cuts[area, 0]).long() + (code >= cuts[area, 1]).long()
    hole = torch.where(cls == 2, 3 * LR_OFFICES + office[area] // 2, 3 * office[area] + walk)

    def ocr(v: torch.Tensor, k: int) -> torch.Tensor:
        bad = torch.rand(n, generator=gen) < misread
        other = (v + torch.randint(1, k, (n,), generator=gen)) % k
        return torch.where(bad, other, v)

    d0 = LR_CLASSES + LR_AREAS
    tokens = torch.stack([cls, LR_CLASSES + ocr(area, LR_AREAS), d0 + ocr(tens, 10), d0 + ocr(units, 10),
                          d0 + ocr(sector, 10)], 1)
    return tokens, hole


class SortingTransformer(nn.Module):
    """Token and position embeddings, one Pre-LN encoder block (multi-head self-attention and a GELU MLP of twice
    the width, each on a LayerNorm'd residual branch), a final LayerNorm, mean pooling and a linear head."""

    def __init__(self, d: int = 32, heads: int = 4) -> None:
        super().__init__()
        self.tok = nn.Embedding(LR_VOCAB, d)
        self.pos = nn.Parameter(0.02 * torch.randn(5, d))
        self.ln1 = nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ln2 = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.ln_f = nn.LayerNorm(d)
        self.head = nn.Linear(d, LR_SLOTS)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        x = self.tok(tokens) + self.pos
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        x = x + self.mlp(self.ln2(x))
        return self.head(self.ln_f(x).mean(1))


def sorting_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the pigeonhole."""
    tokens, hole = batch
    return F.cross_entropy(model(tokens), hole)


def letter_rack_sorting(batch_size: int = 64, seed: int = 0, train_size: int = 4096, d: int = 32,
                        heads: int = 4) -> dict[str, Any]:
    """The sorting transformer on 4096 envelopes; held out: 4096 other envelopes in batches of 1024; AdamW (torch's
    defaults: betas 0.9 / 0.999, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(144104)
    tokens, hole = _lr_envelopes(train_size + 4096, gen)
    tr = (tokens[:train_size], hole[:train_size])
    torch.manual_seed(seed)
    return {"model": SortingTransformer(d, heads), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tokens[train_size:], hole[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": sorting_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. cutlery-tray drawer rattle (a 1-D CNN with BatchNorm; SGD with Nesterov momentum)

CT_ITEMS = 6  # forks, spoons, knives, teaspoons, ladle, loose tray
CT_LEN = 256
CT_FS = 4000.0


def _ct_rattles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """64 ms (256 samples at 4 kHz) of a drawer front's accelerometer as the drawer is shut at 0.2-1.0 m/s. The
    shut: a thud (a decaying 120 Hz ring) at 4-12 ms. Each item is in the tray with probability 0.45 and rings at
    its modal frequency (forks 900, spoons 700, knives 1100, teaspoons 1400, ladle 450 Hz; the loose tray knocks at
    250 Hz), jittered +-12%, decaying in 4-15 ms, after a sliding delay of 2-30 ms past the thud, with one to three
    bounces 4-10 ms apart, each at 60% of the last amplitude; amplitude the speed times a lognormal (sd 0.8) factor.
    The runner's rumble (a random walk, its mean removed, scaled by the speed) and white sensor noise (0.1) on top.
    Constants invented. Returns (signals (n, 1, 256), labels (n, 6) in {0, 1})."""
    t = torch.arange(CT_LEN).float() / CT_FS
    speed = 0.2 + 0.8 * torch.rand(n, 1, generator=gen)
    t0 = 0.004 + 0.008 * torch.rand(n, 1, generator=gen)
    dt0 = (t - t0).clamp_min(0)
    sig = 2.0 * speed * (t >= t0).float() * torch.exp(-dt0 / 0.006) * torch.sin(2 * math.pi * 120 * dt0)
    base = torch.tensor([900.0, 700.0, 1100.0, 1400.0, 450.0, 250.0])
    labels = (torch.rand(n, CT_ITEMS, generator=gen) < 0.45).float()
    for k in range(CT_ITEMS):
        f = base[k] * (1 + 0.12 * (2 * torch.rand(n, 1, generator=gen) - 1))
        tau = 0.004 + 0.011 * torch.rand(n, 1, generator=gen)
        amp = speed * torch.exp(0.8 * torch.randn(n, 1, generator=gen) - 0.3)
        onset = t0 + 0.002 + 0.028 * torch.rand(n, 1, generator=gen)
        bounces = torch.randint(1, 4, (n, 1), generator=gen)
        gap = 0.004 + 0.006 * torch.rand(n, 1, generator=gen)
        ring = torch.zeros(n, CT_LEN)
        for j in range(3):
            on = onset + j * gap
            dtj = (t - on).clamp_min(0)
            live = ((t >= on) & (bounces > j)).float()
            ring = ring + live * (0.6**j) * torch.exp(-dtj / tau) * torch.sin(2 * math.pi * f * dtj)
        sig = sig + labels[:, k : k + 1] * amp * ring
    walk = torch.cumsum(0.05 * torch.randn(n, CT_LEN, generator=gen), 1)
    walk = walk - walk.mean(1, keepdim=True)
    sig = sig + 0.3 * speed * walk + 0.1 * torch.randn(n, CT_LEN, generator=gen)
    return sig.unsqueeze(1), labels


class RattleCNN(nn.Module):
    """Three strided Conv1d-BatchNorm-ReLU layers (8, 16, 24 channels), global average pooling, a linear head of
    six logits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        c1, c2, c3 = width, 2 * width, 3 * width
        self.features = nn.Sequential(
            nn.Conv1d(1, c1, 9, stride=2, padding=4), nn.BatchNorm1d(c1), nn.ReLU(),
            nn.Conv1d(c1, c2, 7, stride=2, padding=3), nn.BatchNorm1d(c2), nn.ReLU(),
            nn.Conv1d(c2, c3, 5, stride=2, padding=2), nn.BatchNorm1d(c3), nn.ReLU())
        self.head = nn.Linear(c3, CT_ITEMS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).mean(2))


def rattle_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean binary cross-entropy of the six rattle tags."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def cutlery_rattle(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The rattle CNN on 2048 drawer shuts; held out: 2048 other shuts in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(144106)
    x, y = _ct_rattles(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RattleCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": rattle_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. shoe-rack shelf sag profile (an MLP; Adamax; long only)

SR_CELLS = 32
SR_BOARDS = 4  # melamine particleboard, MDF, pine, birch plywood


def _sr_green(xs: torch.Tensor, span: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Unit-load deflection influence matrices (times E I) for loads at the cell centres xs * span: a simply
    supported and a fixed-fixed Euler-Bernoulli beam. Returns (n, 32, 32) each, [deflection cell, load cell]."""
    L = span.view(-1, 1, 1)
    x = xs.view(1, -1, 1) * L
    a = xs.view(1, 1, -1) * L
    b = L - a
    left = x <= a
    ss = torch.where(left, b * x * (L**2 - b**2 - x**2), a * (L - x) * (L**2 - a**2 - (L - x) ** 2)) / (6 * L)
    ff_l = b**2 * x**2 * (3 * a * L - 3 * a * x - b * x) / (6 * L**3)
    xr = L - x
    ff_r = a**2 * xr**2 * (3 * b * L - 3 * b * xr - a * xr) / (6 * L**3)
    return ss, torch.where(left, ff_l, ff_r)


def _sr_shelves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Shoe-rack shelves loaded with shoes. The board (melamine particleboard, MDF, pine, birch plywood: E 3.2, 3.8, 10,
    8 GPa at 50% RH; creep factors 2.2, 1.9, 0.6, 0.8), span 0.5-0.9 m, depth 0.28 m, thickness 15-22 mm; the ends on
    shelf pins (simply supported) to screwed fixed into the sides (a fixity 0-0.8 mixing the two beams' Green's
    functions); relative humidity 30-85% (E falls 1.2% per % RH above 50 for the wood composites, 0.6% for solid wood
    and plywood); 0-24 months under load. The load: 2-7 pairs of shoes (0.5-1.8 kg, a boot pair 2-3 kg with probability
    0.2), each pair 0.18-0.3 m wide at a random place (overlaps allowed), smeared over the cells it covers, plus the
    shelf's own weight. Sag = (instantaneous) x (1 + creep factor x (months / 12)^0.3 x (1 + 0.8 (RH - 50) / 35)_+ ).
    Scatter 1% + 0.05 mm (a dial gauge). Constants invented. Returns (inputs (n, 41): the load per cell (kg), the board
    one-hot, span, thickness, fixity, humidity, months; log1p of the sag in mm (n, 32))."""
    xs = (torch.arange(SR_CELLS).float() + 0.5) / SR_CELLS
    board = torch.randint(0, SR_BOARDS, (n,), generator=gen)
    e50 = torch.tensor([3.2e9, 3.8e9, 10e9, 8e9])[board]
    creep_k = torch.tensor([2.2, 1.9, 0.6, 0.8])[board]
    rh_slope = torch.tensor([0.012, 0.012, 0.006, 0.006])[board]
    span = 0.5 + 0.4 * torch.rand(n, generator=gen)
    thick = 0.015 + 0.007 * torch.rand(n, generator=gen)
    fixity = 0.8 * torch.rand(n, generator=gen)
    rh = 30 + 55 * torch.rand(n, generator=gen)
    months = 24 * torch.rand(n, generator=gen)
    e = e50 * (1 - rh_slope * (rh - 50)).clamp(0.5, 1.3)
    ei = e * 0.28 * thick**3 / 12
    load = torch.zeros(n, SR_CELLS)
    pairs = torch.randint(2, 8, (n,), generator=gen)
    for p in range(7):
        on = (pairs > p).float().view(-1, 1)
        boot = (torch.rand(n, generator=gen) < 0.2).float()
        mass = (0.5 + 1.3 * torch.rand(n, generator=gen)) * (1 - boot) + (2 + torch.rand(n, generator=gen)) * boot
        width = (0.18 + 0.12 * torch.rand(n, generator=gen)) / span
        centre = width / 2 + (1 - width) * torch.rand(n, generator=gen)
        cover = ((xs.view(1, -1) - centre.view(-1, 1)).abs() < width.view(-1, 1) / 2).float()
        cover = cover / cover.sum(1, keepdim=True).clamp_min(1)
        load = load + on * mass.view(-1, 1) * cover
    density = torch.tensor([650.0, 720.0, 500.0, 680.0])[board]
    self_w = (density * 0.28 * thick * span / SR_CELLS).view(-1, 1).expand(n, SR_CELLS)
    ss, ff = _sr_green(xs, span)
    green = (1 - fixity.view(-1, 1, 1)) * ss + fixity.view(-1, 1, 1) * ff
    force = 9.81 * (load + self_w)
    sag = torch.einsum("nij,nj->ni", green, force) / ei.view(-1, 1)
    creep = 1 + creep_k * (months / 12) ** 0.3 * (1 + 0.8 * torch.relu(rh - 50) / 35)
    sag = 1000 * sag * creep.view(-1, 1)
    sag = sag * (1 + 0.01 * torch.randn(n, SR_CELLS, generator=gen)) + 0.05 * torch.randn(n, SR_CELLS, generator=gen)
    x = torch.cat([load, F.one_hot(board, SR_BOARDS).float(),
                   torch.stack([(span - 0.7) / 0.115, (thick - 0.0185) / 0.002, (fixity - 0.4) / 0.23,
                                (rh - 57.5) / 15.9, (months - 12) / 6.9], 1)], 1)
    return x, torch.log1p(sag.clamp_min(0))


class SagNet(nn.Module):
    """A SiLU MLP from the load profile and the shelf to the sag profile."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(SR_CELLS + SR_BOARDS + 5, hidden), nn.SiLU(), nn.Linear(hidden, hidden),
                                 nn.SiLU(), nn.Linear(hidden, SR_CELLS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the sag profile (log1p of mm)."""
    return _mse(model, batch)


def shoe_rack_sag(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 64) -> dict[str, Any]:
    """The sag MLP on 16384 loaded shelves; held out: 4096 other shelves in batches of 1024; Adamax (torch's
    defaults: betas 0.9 / 0.999)."""
    gen = torch.Generator().manual_seed(144101)
    x, y = _sr_shelves(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SagNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": sag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. fruit-bowl banana ripening (a grey-box saturating stage law; NAdam; long only)

FB_DAYS = 8


def _fb_bowls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Fruit bowls on a kitchen counter: 1-6 bananas at a starting peel stage 1-3 (1 all green ... 7 brown-flecked),
    0-4 apples, 10-30 C, a paper bag over the bowl or not, the room's ventilation 0-1. Ripening by an
    autocatalytic ethylene model: the bowl's ethylene (quasi-steady, arbitrary units) E = (bananas x
    exp(-(s - 4)^2 / 2.5) (the climacteric peak mid-ripening) + 0.6 apples) / (6 x 0.5 (1 + 2 ventilation) (1 - 0.75
    bag)); ds/dt = k20 Q10^((T - 20) / 10) (0.25 + E / (0.6 + E)) (1 - (s - 1) / 6.5) (k20 0.55 stage a day, Q10
    2.3), times a chilling stall below about 13.5 C (a logistic of width 1.2 C), integrated hourly over 8 days; the
    stage recorded each day with scatter 0.05 (a colour meter's). Constants
    invented. Returns (bowl features (n, 6), starting stage (n,), stages on days 1-8 (n, 8))."""
    bananas = torch.randint(1, 7, (n,), generator=gen).float()
    s0 = 1 + 2 * torch.rand(n, generator=gen)
    apples = torch.randint(0, 5, (n,), generator=gen).float()
    temp = 10 + 20 * torch.rand(n, generator=gen)
    bag = (torch.rand(n, generator=gen) < 0.35).float()
    vent = torch.rand(n, generator=gen)
    loss = (1 + 2 * vent) * (1 - 0.75 * bag) * 0.5
    kt = 0.55 * 2.3 ** ((temp - 20) / 10) * torch.sigmoid((temp - 13.5) / 1.2)
    s = s0.clone()
    out = []
    for _ in range(FB_DAYS):
        for _ in range(24):
            e = (bananas * torch.exp(-((s - 4) ** 2) / 2.5) + 0.6 * apples) / loss / 6
            ds = kt * (0.25 + e / (0.6 + e)) * (1 - (s - 1) / 6.5).clamp_min(0)
            s = s + ds / 24
        out.append(s)
    y = torch.stack(out, 1) + 0.05 * torch.randn(n, FB_DAYS, generator=gen)
    x = torch.stack([(bananas - 3.5) / 1.7, (apples - 2) / 1.4, (temp - 20) / 5.8, 2 * bag - 1, (vent - 0.5) / 0.29,
                     (s0 - 2) / 0.58], 1)
    return x, s0, y


class RipeningGreyBox(nn.Module):
    """A grey-box ripening law: a tanh MLP from the bowl to two positive rates (softplus), a first-order and an
    accelerating (autocatalytic) one, and the known saturation at the last stage:
    s(t) = 7.5 - (7.5 - s0) exp(-(k1 t + k2 t^2)), t in days."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))
        self.register_buffer("t", torch.arange(1, FB_DAYS + 1).float())

    def forward(self, x: torch.Tensor, s0: torch.Tensor) -> torch.Tensor:
        k = F.softplus(self.net(x) - 2)
        return 7.5 - (7.5 - s0.view(-1, 1)) * torch.exp(-(k[:, :1] * self.t + 0.1 * k[:, 1:] * self.t**2))


def ripening_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the peel stage on days 1-8."""
    x, s0, y = batch
    return F.mse_loss(model(x, s0), y)


def fruit_bowl_ripening(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                        hidden: int = 32) -> dict[str, Any]:
    """The ripening grey-box net on 8192 bowls; held out: 2048 other bowls in batches of 1024; NAdam (torch's
    defaults: betas 0.9 / 0.999, momentum decay 0.004)."""
    gen = torch.Generator().manual_seed(144105)
    x, s0, y = _fb_bowls(train_size + 2048, gen)
    tr = (x[:train_size], s0[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RipeningGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], s0[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": ripening_mse, "train_pool": tr}

# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("hat_stand_sway_greybox_rmsprop", hat_stand_sway, 300, "hat_stand_nudge_sway_damped_oscillator_greybox",
      "rmsprop", "finite", 256, seconds=0.5, start_lr=0.016),
    W("key_hook_pullout_emb_adam", key_hook_pullout, 300, "key_hook_rack_wall_fixing_pullout_embedding_mlp", "adam",
      "finite", 256, seconds=0.4, start_lr=0.128),
    W("letter_rack_sorting_transformer_adamw", letter_rack_sorting, 300,
      "letter_rack_postcode_pigeonhole_sorting_preln_transformer", "adamw", "finite", 64, seconds=0.9,
      start_lr=0.008),
    W("cutlery_rattle_cnn_nesterov", cutlery_rattle, 300, "cutlery_tray_drawer_rattle_tagging_cnn1d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=1.0, start_lr=0.8),
)
LONG = (
    W("shoe_rack_sag_mlp_adamax@long", shoe_rack_sag, 3000, "shoe_rack_shelf_sag_profile_mlp", "adamax", "finite",
      128, seconds=2.2, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("fruit_bowl_ripening_greybox_nadam@long", fruit_bowl_ripening, 3000,
      "fruit_bowl_banana_ethylene_ripening_stage_greybox", "nadam", "finite", 128, seconds=2.6, start_lr=0.032,
      grid_fractions=(0.0, 0.05)),
    W("key_hook_pullout_emb_adam@long", key_hook_pullout, 3000, "key_hook_rack_wall_fixing_pullout_embedding_mlp",
      "adam", "finite", 64, dict(train_size=16384, hidden=32), seconds=2.4, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="key_hook_pullout_emb_adam"),
    W("hat_stand_sway_greybox_rmsprop@long", hat_stand_sway, 3000, "hat_stand_nudge_sway_damped_oscillator_greybox",
      "rmsprop", "finite", 32, dict(train_size=16384), seconds=2.5, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="hat_stand_sway_greybox_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam144_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-fourth exam's workloads")
