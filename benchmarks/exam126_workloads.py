"""The hundred-and-twenty-sixth exam: six more workload families that neither the suite nor exams 1-124 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam124_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from cutting boards and knife scoring, recliners and back-angle comfort,
ironing and crease removal, safety pins and clasp force, ladles and pour spill, and umbrella stands and drip
drainage (exam 125 was built at the same time from other domains; its module was not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam126/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- cutting-board knife scoring: an embedding net (learned embeddings of the board (end-grain and edge-grain maple,
  end-grain walnut, edge-grain beech, bamboo, teak, HDPE, synthetic rubber), the knife (German stainless, Japanese
  carbon, VG10, serrated, ceramic) and the stroke (push, rock, chop), with five measured conditions, into a SiLU head)
  to the log depth and width of the score, its depth after a day's recovery and the knife's edge-radius growth; a
  wedge-indentation depth F / (2 L tan(alpha) H) with a Janka-derived hardness softened by moisture and wear, the
  fibres' recovery (end grain closes, plastic does not), dulling by the board's abrasiveness over the steel's
  hardness; 5% scatter; MSE of the standardised logs; AdamW (torch's defaults, weight decay 1e-2)
- recliner back-angle comfort: a causal Pre-LN transformer (one block, width 32, two heads) over an hour's sitting
  session in twelve 5-minute intervals (back angle, its change, the leg rest, with the activity and the sitter's
  stature, BMI, back pain and the seat's fit) to the discomfort rating of every interval; discomfort from the
  trunk-thigh angle's distance to an activity's preferred angle (reading upright, TV middle, napping reclined;
  back-pain sitters recline more), neck flexion to see the TV when far reclined, the leg rest's hamstring strain or
  relief, the seat depth's fit and a fatigue that accumulates in a held posture and is partly relieved by a posture
  change; 0.3-point rating scatter; MSE of the standardised ratings; AdamW (betas 0.9 / 0.98, weight decay 1e-2: the
  transformer recipe)
- safety-pin clasp force over repeated use: a GRU over 16 uses (the fabric thickness pinned, the dwell, a laundering)
  with the pin's size, alloy and its measured force when new, to the log retention force at the clasp head after each
  use; a torsion loop k = E d^4 / (64 D n), its bending stress against the alloy's yield, stress relaxation growing
  with log dwell above half the yield, a permanent set past it, wear of the head's hood; 3% scatter; MSE of the
  standardised logs; Adam (torch's defaults)
- ladle pour spill: a 1-D CNN (two Conv1d-BatchNorm-SiLU layers, flattened into a linear read-out) over the ladle's
  tilt trajectory (16 samples of the tilt and its rate, with the bowl's radius, the fill, the liquid (broth, cream
  soup, stew), the pour's duration and the height and far-rim distance of the target bowl as constant channels) to the
  log spilled volume and the poured fraction; a tilted hemispherical bowl holding a spherical cap up to its lowest rim
  point, weir overflow over the lip (slowed by viscosity), a slosh surge driven by the tilt's angular acceleration,
  the stream's throw past the target's far rim and splash on impact; 3% scatter; MSE of the standardised outputs;
  Adamax (torch's defaults)
- ironing crease removal (a long plan only): a grey-box net (an MLP gives a relaxation rate, a set share and a damage
  rate; a known two-part crease decay over the passes' total press time and a damage dose make the outputs) from the
  fabric (cotton, linen, wool, silk, polyester, nylon, polycotton), the iron's temperature, steam, pre-damping, press
  time, passes, pressure and the crease's age to the log residual crease height and the log1p scorch / glazing index;
  the data from a WLF relaxation rate above a moisture-lowered (Gordon-Taylor) glass transition at the fabric's
  temperature (held near 100 C while it is wet), a slowly relaxing set share for old creases, damage above each
  fabric's safe temperature; 4% scatter; MSE; RAdam (torch's defaults)
- umbrella-stand drip drainage (a long plan only): a residual net (one Pre-LN residual block, width 32) from the
  canopy fabric (nylon taffeta, polyester pongee, PU-coated, DWR-treated pongee), its diameter and ribs, the rain and
  the walk in it, the shakes at the door, the furl, the stand (open tube, drip tray, sponge insert) and the room's
  temperature and humidity to the log1p water collected in the stand at 8 times (1-120 min) and the log water left on
  the umbrella at 2 h; retention by the fabric's receding contact angle and absorption, shaking, a Jeffreys-like film
  drainage (t^-1/2), exponential seeping from the folds, evaporation by the humidity deficit, losses at an open tube's
  rim and the sponge's storage; 4% scatter; MSE of the standardised outputs; SGD with Nesterov momentum 0.9 and weight
  decay 1e-4

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the ironing and
umbrella-stand nets (no short plans), the cutting-board net on 8192 scorings instead of 1024 (32 units a layer instead
of 64, batch 32 instead of 64) and the ladle net on the same 8192 pours with 8 channels instead of 16 and batch 64
instead of 256.

Of the eight plans, two use AdamW (both cutting-board plans) and one more AdamW with transformer betas (recliner),
two Adamax (both ladle plans), one Adam (safety pin), one RAdam (ironing) and one SGD with Nesterov momentum
(umbrella stand).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam126_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam126/README.md).

    python benchmarks/exam126_workloads.py          # the table
    python benchmarks/exam126_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 126"
HELD_OUT = 4096  # held-out examples per family (evaluated in batches of 1024)


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


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _parts(x: tuple[torch.Tensor, ...], y: torch.Tensor, train_size: int, batch_size: int) -> tuple[Any, Any, Any]:
    """The training pool's loader, the held-out batches (every row after the pool) and the pool itself."""
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    ev = tuple(t[train_size:] for t in x) + (y[train_size:],)
    return loader(*tr, batch_size=batch_size), split_batches(ev, 1024), tr


# --------------------------------------------------------------------------------------------------------------
# 1. cutting-board knife scoring (AdamW)

CB_BOARDS = 8  # maple end grain, maple edge grain, walnut end grain, beech edge grain, bamboo, teak, HDPE, rubber
CB_KNIVES = 5  # German stainless, Japanese carbon, VG10, serrated, ceramic
CB_STROKES = 3  # push, rock, chop


def _cb_scorings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor,
                                                         torch.Tensor]:
    """Knife scorings of cutting boards measured by a profilometer. The board (Janka hardness 6.4, 6.4, 4.5, 5.8,
    6.1, 4.4 kN for the woods, an equivalent 2.7 for HDPE and 1.2 for rubber; a recovery share 0.65, 0.30, 0.60,
    0.28, 0.20, 0.35, 0.12, 0.85: end grain's fibres part and close, HDPE ploughs; an abrasiveness 1.0, 1.0, 0.8, 0.9,
    2.5, 1.8 (silica), 0.4, 0.3, end grain 0.7 of edge grain's); the knife (hardness 56, 62, 60, 56, 80 HRC-like,
    serrated tearing fibres, ceramic chipping on chops into hard boards); the stroke (push: force as applied over 20
    mm of edge; rock: 1.2 x over 10 mm; chop: 1.8 x over 20 mm); force 10-80 N, edge angle 10-25 degrees a side,
    board moisture 6-14%, the board's use (0-5 in log cuts, fuzzing the surface) and the edge radius 0.2-2 um.
    Depth d = F / (2 L tan(alpha) H) with H = 8 Janka (MPa) softened by moisture and use, a blunt edge shallower;
    width 2 d tan(alpha) + a raised lip on plastics, serrations 80 um wider; the depth after 24 h d (1 - recovery),
    recovery rising with moisture, torn by serrations; edge-radius growth per 1000 cuts from the abrasiveness, the
    force and (62 / HRC)^4, chips for ceramic. 5% scatter (lognormal). Returns (board, knife, stroke, conditions
    (n, 5), log targets (n, 4))."""
    board = torch.randint(0, CB_BOARDS, (n,), generator=gen)
    knife = torch.randint(0, CB_KNIVES, (n,), generator=gen)
    stroke = torch.randint(0, CB_STROKES, (n,), generator=gen)
    janka = torch.tensor([6.4, 6.4, 4.5, 5.8, 6.1, 4.4, 2.7, 1.2])[board]
    recov = torch.tensor([0.65, 0.30, 0.60, 0.28, 0.20, 0.35, 0.12, 0.85])[board]
    abras = torch.tensor([0.7, 1.0, 0.56, 0.9, 2.5, 1.8, 0.4, 0.3])[board]
    plastic = torch.tensor([0.0, 0, 0, 0, 0, 0, 1, 0.3])[board]
    hrc = torch.tensor([56.0, 62, 60, 56, 80])[knife]
    serr = (knife == 3).float()
    ceramic = (knife == 4).float()
    chop = (stroke == 2).float()
    force = 10 + 70 * torch.rand(n, generator=gen)
    angle = 10 + 15 * torch.rand(n, generator=gen)
    moist = 6 + 8 * torch.rand(n, generator=gen)
    use = 5 * torch.rand(n, generator=gen)
    radius = 0.2 * 10 ** torch.rand(n, generator=gen)
    f_eff = force * torch.tensor([1.0, 1.2, 1.8])[stroke]
    length = torch.tensor([20.0, 10.0, 20.0])[stroke]
    hard = 8 * janka * torch.exp(-0.04 * (moist - 10) * (1 - plastic)) * (1 - 0.06 * use)
    tan = torch.tan(torch.deg2rad(angle))
    depth = f_eff / (2 * length * tan * hard) / (1 + radius / 1.5) ** 0.5 * (1 + 0.3 * serr)
    width = 2 * depth * tan + 0.3 * depth * plastic + 0.08 * serr
    rec = (recov * (1 + 0.04 * (moist - 10) * (1 - plastic)) * (1 - 0.4 * serr)).clamp(0.02, 0.95)
    healed = depth * (1 - rec)
    dull = 0.05 * abras * (f_eff / 40) * (62 / hrc) ** 4 * (1 + 0.5 * chop) * (1 + 0.3 * tan / 0.27)
    dull = dull + 0.4 * ceramic * chop * (janka / 6) ** 2
    y = torch.stack([depth, width, healed, dull], 1) * torch.exp(0.05 * torch.randn(n, 4, generator=gen))
    cond = torch.stack([(force - 45) / 20.2, (angle - 17.5) / 4.33, (moist - 10) / 2.31, (use - 2.5) / 1.44,
                        torch.log10(radius / 0.2) * 3.46 - 1.73], 1)
    return board, knife, stroke, cond, torch.log(y)


class ScoringNet(nn.Module):
    """Learned embeddings of the board, the knife and the stroke, with the five conditions, into a SiLU head."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.board = nn.Embedding(CB_BOARDS, 4)
        self.knife = nn.Embedding(CB_KNIVES, 3)
        self.stroke = nn.Embedding(CB_STROKES, 2)
        self.head = nn.Sequential(nn.Linear(4 + 3 + 2 + 5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                  nn.Linear(hidden, 4))

    def forward(self, board: torch.Tensor, knife: torch.Tensor, stroke: torch.Tensor,
                cond: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.board(board), self.knife(knife), self.stroke(stroke), cond], 1))


def scoring_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log depth, width, healed depth and edge-radius growth."""
    return _mse(model, batch)


def cutting_board_scoring(batch_size: int = 64, seed: int = 0, train_size: int = 1024,
                          hidden: int = 64) -> dict[str, Any]:
    """The scoring net on ``train_size`` scorings, targets standardised over them; held out: 4096 other scorings in
    batches of 1024; AdamW (weight decay 1e-2, torch's default)."""
    gen = torch.Generator().manual_seed(126101)
    *x, y = _cb_scorings(train_size + HELD_OUT, gen)
    data, ev, tr = _parts(tuple(x), _standardise(y, train_size), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": ScoringNet(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": scoring_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. recliner back-angle comfort over a sitting session (AdamW, transformer betas)

RC_STEPS = 12  # 5-minute intervals of an hour's session
RC_FEATS = 11


def _rc_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hour-long sessions in a recliner, rated every 5 minutes on a 0-10 discomfort scale. The activity (reading,
    TV, napping) with a preferred trunk-thigh angle 112, 126, 146 degrees (+6 for sitters with low back pain); stature
    1.5-1.95 m, BMI 18-35, the seat depth's fit (-1 short to +1 deep). The back angle starts at 100-160 degrees and
    moves 0-3 times (at random intervals, to a new angle within 30 degrees); the leg rest is up with a probability
    rising with the angle. Discomfort: ((angle - preferred) / 14)^2, neck flexion 0.06 per degree past 130 for TV, the
    leg rest up below 118 degrees straining the hamstrings (+0.8), down above 135 loading the lower back (+0.6 + back
    pain), a deep seat for short sitters behind the knees, a fatigue accumulating 0.12 (1 + BMI effect) per interval
    in a held posture and halved by a change of 5+ degrees; rating 10 (1 - exp(-d / 4)), 0.3-point scatter. Returns
    (tokens (n, 12, 11), ratings (n, 12))."""
    act = torch.randint(0, 3, (n,), generator=gen)
    lbp = (torch.rand(n, generator=gen) < 0.3).float()
    stature = 1.5 + 0.45 * torch.rand(n, generator=gen)
    bmi = 18 + 17 * torch.rand(n, generator=gen)
    fit = 2 * torch.rand(n, generator=gen) - 1
    pref = torch.tensor([112.0, 126.0, 146.0])[act] + 6 * lbp
    angle = torch.empty(n, RC_STEPS)
    a = 100 + 60 * torch.rand(n, generator=gen)
    p_change = 0.25 * torch.rand(n, generator=gen)
    for t in range(RC_STEPS):
        move = (torch.rand(n, generator=gen) < p_change) & (t > 0)
        new = (a + 60 * torch.rand(n, generator=gen) - 30).clamp(100, 160)
        a = torch.where(move, new, a)
        angle[:, t] = a
    legrest = (torch.rand(n, 1, generator=gen) < ((angle - 105) / 50).clamp(0.05, 0.95)).float()
    legrest = torch.where(torch.rand(n, 1, generator=gen) < 0.7, legrest[:, :1].expand(-1, RC_STEPS), legrest)
    d_angle = torch.cat([torch.zeros(n, 1), angle[:, 1:] - angle[:, :-1]], 1)
    base = ((angle - pref.view(-1, 1)) / 14) ** 2
    base = base + (act == 1).float().view(-1, 1) * 0.06 * torch.relu(angle - 130)
    base = base + legrest * 0.8 * torch.sigmoid((118 - angle) / 3)
    base = base + (1 - legrest) * (0.6 + 0.6 * lbp.view(-1, 1)) * torch.sigmoid((angle - 135) / 4)
    base = base + (0.8 * torch.relu(fit) * torch.relu(1.75 - stature) / 0.25).view(-1, 1)
    fatigue = torch.zeros(n)
    rate = 0.12 * (1 + torch.relu(bmi - 25) / 10) * (1 + 0.5 * lbp)
    ratings = []
    for t in range(RC_STEPS):
        relief = torch.where(d_angle[:, t].abs() >= 5, 0.5, 1.0)
        fatigue = fatigue * relief + rate * (1 + 0.3 * base[:, t].clamp(max=3))
        d = base[:, t] + fatigue
        ratings.append(10 * (1 - torch.exp(-d / 4)))
    y = torch.stack(ratings, 1) + 0.3 * torch.randn(n, RC_STEPS, generator=gen)
    stat = torch.cat([F.one_hot(act, 3).float(), torch.stack([(stature - 1.725) / 0.13, (bmi - 26.5) / 4.9,
                                                               2 * lbp - 1, fit / 0.58], 1)], 1)
    tok = torch.cat([((angle - 130) / 17.3).unsqueeze(2), (d_angle / 10).unsqueeze(2), (2 * legrest - 1).unsqueeze(2),
                     (torch.arange(RC_STEPS).float() / 5.5 - 1).view(1, -1, 1).expand(n, -1, 1),
                     stat.unsqueeze(1).expand(-1, RC_STEPS, -1)], 2)
    return tok, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: causal self-attention and a GELU feed-forward, each on a LayerNorm'd residual."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.ff(self.ln2(x))


class ComfortTransformer(nn.Module):
    """Interval tokens projected to ``d``, a learned position embedding, causal Pre-LN blocks, one rating a token."""

    def __init__(self, d: int = 32, heads: int = 2, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(RC_FEATS, d)
        self.pos = nn.Parameter(torch.zeros(RC_STEPS, d))
        self.blocks = nn.ModuleList(PreLNBlock(d, heads, 2 * d) for _ in range(layers))
        self.ln = nn.LayerNorm(d)
        self.out = nn.Linear(d, 1)
        self.register_buffer("mask", torch.triu(torch.full((RC_STEPS, RC_STEPS), float("-inf")), 1))

    def forward(self, tok: torch.Tensor) -> torch.Tensor:
        x = self.inp(tok) + self.pos
        for block in self.blocks:
            x = block(x, self.mask)
        return self.out(self.ln(x)).squeeze(2)


def comfort_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised discomfort ratings of the twelve intervals."""
    return _mse(model, batch)


def recliner_comfort(batch_size: int = 64, seed: int = 0, train_size: int = 4096, d: int = 32,
                     layers: int = 1) -> dict[str, Any]:
    """The comfort transformer on ``train_size`` sessions, ratings standardised over them; held out: 4096 other
    sessions in batches of 1024; AdamW with betas (0.9, 0.98) and weight decay 1e-2."""
    gen = torch.Generator().manual_seed(126102)
    tok, y = _rc_sessions(train_size + HELD_OUT, gen)
    data, ev, tr = _parts((tok,), _standardise(y, train_size), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": ComfortTransformer(d, 2, layers), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98)),
                                "adamw_b0.98"),
            "loss_fn": comfort_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. safety-pin clasp force over repeated use (Adam)

SP_USES = 16
SP_FEATS = 10


def _sp_pins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Safety pins used 16 times. Size #00-#3 (wire 0.6-1.05 mm, length 22-51 mm, loop diameter 3-5 mm, 1.2 turns);
    alloy nickel-plated steel, stainless 302, brass (E 200, 193, 100 GPa; yield 1600, 1300, 450 MPa; relaxation 0.02,
    0.015, 0.06); the preload angle 0.25-0.45 rad (manufacturing scatter, not seen: the new pin's retention force is
    measured instead, with 3% error). Each use: the fabric pinned (0.3-8 mm, log-uniform) opens the pin by t / L,
    a dwell of 0.5 h-30 days (log), a laundering (20%: warm, relaxes 1.5x, corrodes plated steel's hood). The
    torsion loop's rate k = E d^4 / (64 D n), moment k theta, bending stress 32 M / (pi d^3) x 1.1; the preload
    relaxes by c (s / s_y - 0.5)+ / 0.5 log(1 + dwell) of the held angle, and sets permanently by half the overshoot
    past the yield; the head's hood wears 0.8% a use (more for thick fabric, laundering). The retention force is
    M0 / L x 1.6 x the hood factor. 3% scatter (lognormal). Returns (inputs (n, 16, 10), log forces (n, 16))."""
    size = torch.randint(0, 5, (n,), generator=gen)
    wire = torch.tensor([0.6, 0.7, 0.8, 0.9, 1.05])[size] * (1 + 0.02 * torch.randn(n, generator=gen))
    length = torch.tensor([22.0, 27, 34, 41, 51])[size]
    loop = torch.tensor([3.0, 3.4, 3.9, 4.4, 5.0])[size]
    alloy = torch.randint(0, 3, (n,), generator=gen)
    e_mod = torch.tensor([200e3, 193e3, 100e3])[alloy]
    s_y = torch.tensor([1600.0, 1300, 450])[alloy]
    c_rel = torch.tensor([0.02, 0.015, 0.06])[alloy]
    theta0 = 0.25 + 0.2 * torch.rand(n, generator=gen)
    k = e_mod * wire**4 / (64 * loop * 1.2)  # N mm per rad
    hood = torch.ones(n)
    thick = 0.3 * (8 / 0.3) ** torch.rand(n, SP_USES, generator=gen)
    dwell = 0.5 * (720 / 0.5) ** torch.rand(n, SP_USES, generator=gen)
    wash = (torch.rand(n, SP_USES, generator=gen) < 0.2).float()

    def force(th: torch.Tensor, hd: torch.Tensor) -> torch.Tensor:
        return k * th / length * 1.6 * hd

    f_new = force(theta0, hood) * torch.exp(0.03 * torch.randn(n, generator=gen))
    out = []
    th = theta0
    for u in range(SP_USES):
        open_ang = th + thick[:, u] / length
        stress = 32 * k * open_ang / (math.pi * wire**3) * 1.1
        ratio = stress / s_y
        relax = c_rel * torch.relu(ratio - 0.5) / 0.5 * torch.log1p(dwell[:, u]) * (1 + 0.5 * wash[:, u])
        th = th * (1 - relax.clamp(max=0.5))
        th = th - 0.5 * torch.relu(ratio - 1) / ratio * open_ang
        th = th.clamp_min(0.02)
        hood = hood * (1 - 0.008 * (1 + thick[:, u] / 4) - 0.01 * wash[:, u] * (alloy == 0).float())
        out.append(force(th, hood))
    y = torch.log(torch.stack(out, 1)) + 0.03 * torch.randn(n, SP_USES, generator=gen)
    stat = torch.cat([torch.stack([(wire - 0.83) / 0.16, (length - 35) / 10.3, (torch.log(f_new) - 0.3)], 1),
                      F.one_hot(alloy, 3).float()], 1)
    seq = torch.stack([(torch.log(thick) - math.log(1.55)) / 0.95, (torch.log(dwell) - math.log(19)) / 2.1,
                       2 * wash - 1], 2)
    useno = (torch.arange(SP_USES).float() / 7.5 - 1).view(1, -1, 1).expand(n, -1, 1)
    return torch.cat([seq, useno, stat.unsqueeze(1).expand(-1, SP_USES, -1)], 2), y


class ClaspGRU(nn.Module):
    """A GRU over the uses (each use's fabric, dwell and laundering with the pin's size, alloy and new force), a
    linear read-out of the retention force after each use."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(SP_FEATS, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0]).squeeze(2)


def clasp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log retention forces after the 16 uses."""
    return _mse(model, batch)


def safety_pin_clasp(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The clasp GRU on ``train_size`` pins, log forces standardised over them; held out: 4096 other pins in batches
    of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(126103)
    x, y = _sp_pins(train_size + HELD_OUT, gen)
    data, ev, tr = _parts((x,), _standardise(y, train_size), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": ClaspGRU(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": clasp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ladle pour spill (Adamax)

LP_T = 16
LP_SUB = 8  # simulation sub-steps a sample
LP_CH = 10


def _lp_pours(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pours from a ladle into a bowl. The bowl of the ladle a hemisphere of radius 3-5 cm, filled 40-100%; the
    liquid broth, cream soup or stew (viscosity 1, 50, 500 mPa s); the lip 3-15 cm above the target bowl, whose far
    rim is 3-10 cm beyond the lip; the pour 1-3 s in 16 samples: the tilt rises to 60-110 degrees along the
    cumulative sum of three random bumps of rate (a hesitant or jerky hand). Tilted by phi, the bowl holds the
    spherical cap below its lowest rim point (height R (1 - sin phi)); the excess flows over the lip as a weir, Q =
    0.6 (2/3) sqrt(2 g) b h^1.5 with b = 2 sqrt(2 R h) and h the excess over the free surface, slowed 1 / (1 + mu /
    150 mPa s); a slosh surge a'' + 2 zeta w a' + w^2 a = -R phi'' (w^2 = 1.84 g / R, zeta rising with viscosity)
    adds to the head. The stream leaves at sqrt(g h) + 0.3 R phi' and falls sqrt(2 H / g): what is thrown past the
    target's far rim is spilled (a soft edge, 1.5 cm), and 1-4% of the stream splashes out when thin liquids fall
    far. 8 sub-steps a sample. 3% scatter (lognormal). Returns (channels (n, 10, 16), log(spilled ml + 0.5) and the
    poured fraction (n, 2))."""
    g = 981.0  # cm / s^2
    r = 3 + 2 * torch.rand(n, generator=gen)
    fill = 0.4 + 0.6 * torch.rand(n, generator=gen)
    liq = torch.randint(0, 3, (n,), generator=gen)
    mu = torch.tensor([1.0, 50.0, 500.0])[liq]
    height = 3 + 12 * torch.rand(n, generator=gen)
    margin = 3 + 7 * torch.rand(n, generator=gen)
    dur = 1 + 2 * torch.rand(n, generator=gen)
    phi_max = torch.deg2rad(60 + 50 * torch.rand(n, generator=gen))
    tt = torch.linspace(0, 1, LP_T).view(1, -1)
    rate = torch.zeros(n, LP_T)
    for _ in range(3):
        c = torch.rand(n, 1, generator=gen)
        w = 0.05 + 0.2 * torch.rand(n, 1, generator=gen)
        rate = rate + torch.rand(n, 1, generator=gen) * torch.exp(-0.5 * ((tt - c) / w) ** 2)
    phi = torch.cumsum(rate + 1e-3, 1)
    phi = phi / phi[:, -1:] * phi_max.view(-1, 1)
    vol0 = fill * (2 / 3) * math.pi * r**3
    vol = vol0.clone()
    dt = dur / LP_T / LP_SUB
    omega = (1.84 * g / r).sqrt()
    zeta = 0.05 + 0.3 * torch.log10(mu) / 2.7
    a = torch.zeros(n)
    av = torch.zeros(n)
    spilled = torch.zeros(n)
    prev_phi, prev_rate = torch.zeros(n), torch.zeros(n)
    pos = torch.arange(1, LP_T * LP_SUB + 1).float() / LP_SUB  # the sub-steps' positions on the tilt (0 prepended)
    lo = pos.floor().long().clamp(max=LP_T - 1)
    ext = torch.cat([torch.zeros(n, 1), phi], 1)
    fine = ext[:, lo] + (ext[:, (lo + 1).clamp(max=LP_T)] - ext[:, lo]) * (pos - lo.float())
    for i in range(LP_T * LP_SUB):
        p = fine[:, i]
        p_rate = (p - prev_phi) / dt
        p_acc = (p_rate - prev_rate) / dt
        prev_phi, prev_rate = p, p_rate
        av = av + dt * (-2 * zeta * omega * av - omega**2 * a - r * p_acc.clamp(-200, 200))
        a = a + dt * av
        h_cap = (r * (1 - torch.sin(p.clamp(max=math.pi / 2)))).clamp_min(0)
        cap = math.pi * h_cap**2 * (3 * r - h_cap) / 3
        area = math.pi * r**2 * torch.cos(p.clamp(max=1.45)) ** 2 + 0.5
        head = torch.relu(vol - cap) / area + 0.5 * torch.relu(a) * (vol > 0.5 * cap).float()
        b = 2 * (2 * r * head).sqrt()
        q = 0.6 * (2 / 3) * math.sqrt(2 * g) * b * head**1.5 / (1 + mu / 150)
        q = torch.minimum(q, vol / dt)
        vol = vol - q * dt
        u = (g * head).sqrt() + r * p_rate.clamp_min(0) * 0.3
        throw = u * (2 * height / g).sqrt()
        over = torch.sigmoid((throw - margin) / 1.5)
        splash = (0.01 + 0.03 * (height / 15)) * (mu < 10).float()
        spilled = spilled + q * dt * (over + (1 - over) * splash)
    poured = (vol0 - vol - spilled) / vol0
    y = torch.stack([torch.log(spilled + 0.5), poured], 1)
    y = y * torch.exp(0.03 * torch.randn(n, 2, generator=gen))
    rate_ch = torch.diff(phi, dim=1, prepend=torch.zeros(n, 1)) * LP_T / dur.view(-1, 1)
    stat = torch.cat([torch.stack([(r - 4) / 0.58, (fill - 0.7) / 0.17, (height - 9) / 3.5, (margin - 6.5) / 2.0,
                                   (dur - 2) / 0.58], 1), F.one_hot(liq, 3).float()], 1)
    x = torch.cat([((phi - 1.0) / 0.5).unsqueeze(1), (rate_ch / 2).unsqueeze(1),
                   stat.unsqueeze(2).expand(-1, -1, LP_T)], 1)
    return x, y


class PourCNN(nn.Module):
    """Two Conv1d-BatchNorm-SiLU layers over the pour (the tilt, its rate and the constant channels), flattened
    into a linear read-out."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(LP_CH, width, 5, padding=2), nn.BatchNorm1d(width), nn.SiLU(),
                                  nn.Conv1d(width, width, 5, padding=2), nn.BatchNorm1d(width), nn.SiLU())
        self.out = nn.Linear(width * LP_T, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.conv(x).flatten(1))


def pour_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log spilled volume and poured fraction."""
    return _mse(model, batch)


def ladle_pour(batch_size: int = 256, seed: int = 0, train_size: int = 8192, width: int = 16) -> dict[str, Any]:
    """The pour CNN on ``train_size`` pours, targets standardised over them; held out: 8192 other pours in batches
    of 1024; Adamax (torch's defaults)."""
    gen = torch.Generator().manual_seed(126104)
    x, y = _lp_pours(train_size + 2 * HELD_OUT, gen)
    data, ev, tr = _parts((x,), _standardise(y, train_size), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": PourCNN(width), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": pour_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. ironing crease removal, a grey-box net (RAdam; long only)

IR_FABRICS = 7  # cotton, linen, wool, silk, polyester, nylon, polycotton
IR_FEATS = IR_FABRICS + 7


def _ir_ironings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ironing a creased swatch. The fabric (dry glass transition 220, 230, 180, 175, 80, 50, 150 C; moisture it
    takes up 0.12, 0.14, 0.18, 0.12, 0.01, 0.05, 0.07 when steamed or damped; safe temperature 200, 220, 150, 130,
    150, 120, 160 C; set share of an old crease 0.3, 0.5, 0.2, 0.3, 0.6, 0.5, 0.4); the iron 100-220 C, steam 0-1,
    pre-damped or not, press time 1-6 s a pass, 1-8 passes, pressure 0-1, the crease's age 0.1 h-30 days (log). The
    fabric's temperature: held near 100 C while it is wet (the share of the press time spent drying falls with the
    iron's temperature), then the iron's less 15 C; its moisture lowers the glass transition (Gordon-Taylor, water at
    -135 C, k 4); the relaxation rate 0.02 / s at it, above it by WLF (C1 17.4, C2 51.6, capped at 10^3), below it a
    decade per 25 C, times the pressure; the crease's set share (rising with log age) relaxes ten times slower. The
    residual height 4 mm (s exp(-k t / 10) + (1 - s) exp(-k t)) + 0.02 mm (the gauge's floor), t = passes x press
    time; the scorch / glazing index from the dry temperature over the safe one (softplus of 10 C steps), times the
    dose, less with steam. 4% scatter. Returns (features (n, 14), log residual height (mm) and log1p index (n, 2))."""
    fab = torch.randint(0, IR_FABRICS, (n,), generator=gen)
    tg_dry = torch.tensor([220.0, 230, 180, 175, 80, 50, 150])[fab]
    uptake = torch.tensor([0.12, 0.14, 0.18, 0.12, 0.01, 0.05, 0.07])[fab]
    t_safe = torch.tensor([200.0, 220, 150, 130, 150, 120, 160])[fab]
    set_base = torch.tensor([0.3, 0.5, 0.2, 0.3, 0.6, 0.5, 0.4])[fab]
    t_iron = 100 + 120 * torch.rand(n, generator=gen)
    steam = torch.rand(n, generator=gen)
    damp = (torch.rand(n, generator=gen) < 0.3).float()
    press = 1 + 5 * torch.rand(n, generator=gen)
    passes = torch.randint(1, 9, (n,), generator=gen).float()
    pressure = torch.rand(n, generator=gen)
    age = 0.1 * 7200 ** torch.rand(n, generator=gen)
    w = uptake * (0.3 * steam + damp).clamp(max=1)
    wet_share = (w / uptake.clamp_min(0.02) * 40 / (t_iron - 60)).clamp(0, 1) * (w > 0.005).float()
    t_dry = t_iron - 15
    tg_wet = ((1 - w) * tg_dry + 4.0 * w * -135) / ((1 - w) + 4.0 * w)

    def rate(temp: torch.Tensor, tg: torch.Tensor) -> torch.Tensor:
        dtg = temp - tg
        above = 17.4 * dtg.clamp_min(0) / (51.6 + dtg.clamp_min(0))  # -log10 of the WLF shift factor
        return 0.02 * 10 ** torch.where(dtg > 0, above.clamp(max=3), dtg.clamp(min=-100) / 25)

    k = (wet_share * rate(torch.full_like(t_iron, 100.0), tg_wet) + (1 - wet_share) * rate(t_dry, tg_dry))
    k = k * (0.3 + 0.7 * pressure) / 8
    s = (set_base * (1 + 0.15 * torch.log10(age / 0.1))).clamp(max=0.95)
    t_tot = passes * press
    resid = 4 * (s * torch.exp(-k * t_tot / 10) + (1 - s) * torch.exp(-k * t_tot)) + 0.02  # + the gauge's floor
    index = F.softplus((t_dry - t_safe) / 10) * t_tot / 10 * (1 - 0.5 * steam) * (1 - wet_share * 0.7)
    y = torch.stack([torch.log(resid), torch.log1p(index)], 1)
    y = y + torch.stack([0.04 * torch.randn(n, generator=gen), 0.04 * y[:, 1] * torch.randn(n, generator=gen)], 1)
    x = torch.cat([F.one_hot(fab, IR_FABRICS).float(), torch.stack([
        (t_iron - 160) / 34.6, (steam - 0.5) / 0.29, 2 * damp - 1, (press - 3.5) / 1.44, (passes - 4.5) / 2.29,
        (pressure - 0.5) / 0.29, torch.log10(age / 0.1) / 1.11 - 1.73], 1)], 1)
    return x, y


class CreaseGreyBox(nn.Module):
    """A grey-box net: a tanh MLP gives the log relaxation rate, the set share's logit and the log damage rate; the
    known law makes the outputs: the log residual height 4 (s exp(-k t / 10) + (1 - s) exp(-k t)) + 0.02 and
    log1p(damage rate x t / 10), with t the total press time (passes x press time, from the features' known
    scaling)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(IR_FEATS, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        log_k, s_logit, log_d = self.net(x).unbind(1)
        t_tot = (x[:, IR_FABRICS + 4] * 2.29 + 4.5) * (x[:, IR_FABRICS + 3] * 1.44 + 3.5)
        s = torch.sigmoid(s_logit)
        kt = torch.exp((log_k - 2).clamp(max=8)) * t_tot
        resid = 4 * (s * torch.exp(-kt / 10) + (1 - s) * torch.exp(-kt)) + 0.02
        return torch.stack([torch.log(resid), torch.log1p(torch.exp((log_d - 2).clamp(max=8)) * t_tot / 10)], 1)


def crease_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log residual crease height and the log1p scorch / glazing index."""
    return _mse(model, batch)


def ironing_crease(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box crease net on ``train_size`` ironings; held out: 4096 other ironings in batches of 1024; RAdam
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(126105)
    x, y = _ir_ironings(train_size + HELD_OUT, gen)
    data, ev, tr = _parts((x,), y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": CreaseGreyBox(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": crease_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. umbrella-stand drip drainage, a residual net with LayerNorm (SGD with Nesterov momentum; long only)

US_TIMES = (1.0, 2.0, 5.0, 10.0, 20.0, 40.0, 60.0, 120.0)  # minutes in the stand
US_FEATS = 15


def _us_umbrellas(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wet umbrellas put in a stand. The canopy (nylon taffeta, polyester pongee, PU-coated polyester, DWR pongee:
    receding contact angle 60, 75, 90, 130 degrees; water absorbed 40, 8, 0, 0 g per m2 at saturation; a shake sheds
    25, 35, 40, 65% of the surface water), diameter 0.85-1.3 m (a dome 1.15x its disc), 6-16 ribs; rain 1-30 mm/h
    (log) for a 2-30 min walk (log); 0-5 shakes at the door; furled tightly or loosely; the stand an open tube (12% of
    the drip runs down outside its rim), a drip tray, or a sponge insert (holding up to 40 g); room 15-25 C, 30-80%
    RH. Surface water 45 (1 + cos theta_r) g / m2 (less for light, short rain), folds 1.5 g a rib (x1.6 loose, x (1 +
    cos theta_r)); the surface film drains as (1 + t / tau)^-1/2 towards a 15% residue (tau 0.7 min), the folds
    exponentially (tau 6 min, 9 tight), the absorbed water not at all; evaporation 0.5 (1 - RH) e^(0.06 (T - 20)) g /
    min (x1.5 loose) from what is left. Returns (features (n, 15), log1p water collected at 8 times (g) and log water
    left at 2 h (n, 9))."""
    fab = torch.randint(0, 4, (n,), generator=gen)
    theta = torch.deg2rad(torch.tensor([60.0, 75, 90, 130])[fab])
    absorb_max = torch.tensor([40.0, 8, 0, 0])[fab]
    shed = torch.tensor([0.25, 0.35, 0.40, 0.65])[fab]
    dia = 0.85 + 0.45 * torch.rand(n, generator=gen)
    ribs = torch.randint(6, 17, (n,), generator=gen).float()
    rain = 30 ** torch.rand(n, generator=gen)
    walk = 2 * 15 ** torch.rand(n, generator=gen)
    shakes = torch.randint(0, 6, (n,), generator=gen).float()
    loose = (torch.rand(n, generator=gen) < 0.5).float()
    stand = torch.randint(0, 3, (n,), generator=gen)
    temp = 15 + 10 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, generator=gen)
    area = 1.15 * math.pi * (dia / 2) ** 2
    wetness = 1 - torch.exp(-rain * walk / 60)
    surface = 45 * (1 + torch.cos(theta)) * area * wetness * (1 - shed) ** shakes
    folds = 1.5 * ribs * (1 + 0.6 * loose) * (1 + torch.cos(theta)) * wetness * (1 - 0.5 * shed) ** shakes
    absorbed = absorb_max * area * (1 - torch.exp(-rain * walk / 100))
    tau_f = 6 + 3 * (1 - loose)
    t = torch.tensor(US_TIMES).view(1, -1)
    film_left = surface.view(-1, 1) * (0.15 + 0.85 * (1 + t / 0.7) ** -0.5)
    fold_left = folds.view(-1, 1) * torch.exp(-t / tau_f.view(-1, 1))
    evap_rate = 0.5 * (1 - rh) * torch.exp(0.06 * (temp - 20)) * (1 + 0.5 * loose)
    evap = torch.minimum(evap_rate.view(-1, 1) * t, 0.5 * (film_left + fold_left + absorbed.view(-1, 1)))
    drained = surface.view(-1, 1) + folds.view(-1, 1) - film_left - fold_left
    collected = torch.where((stand == 0).view(-1, 1), 0.88 * drained, drained)
    collected = torch.where((stand == 2).view(-1, 1), torch.relu(drained - 40) + 0.1 * drained.clamp(max=40),
                            collected)
    left = film_left[:, -1] + fold_left[:, -1] + absorbed - evap[:, -1]
    y = torch.cat([torch.log1p(collected), torch.log(left.clamp_min(0.05)).unsqueeze(1)], 1)
    y = y + 0.04 * torch.randn(y.shape, generator=gen)
    x = torch.cat([F.one_hot(fab, 4).float(), F.one_hot(stand, 3).float(), torch.stack([
        (dia - 1.075) / 0.13, (ribs - 11) / 3.2, torch.log(rain) / 0.98 - 1.73, torch.log(walk / 2) / 0.78 - 1.73,
        (shakes - 2.5) / 1.7, 2 * loose - 1, (temp - 20) / 2.9, (rh - 0.55) / 0.144], 1)], 1)
    return x, y


class ResLNBlock(nn.Module):
    """x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.ln = nn.LayerNorm(width)
        self.ff = nn.Sequential(nn.Linear(width, 2 * width), nn.GELU(), nn.Linear(2 * width, width))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.ff(self.ln(x))


class DrainageResNet(nn.Module):
    """A linear stem, ``blocks`` Pre-LN residual blocks, a final LayerNorm and a linear head to the 9 outputs."""

    def __init__(self, width: int = 32, blocks: int = 1) -> None:
        super().__init__()
        self.stem = nn.Linear(US_FEATS, width)
        self.blocks = nn.Sequential(*(ResLNBlock(width) for _ in range(blocks)))
        self.head = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, len(US_TIMES) + 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.blocks(self.stem(x)))


def drainage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p collected water and log water left."""
    return _mse(model, batch)


def umbrella_stand_drainage(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32,
                            blocks: int = 1) -> dict[str, Any]:
    """The drainage ResNet on ``train_size`` umbrellas, targets standardised over them; held out: 4096 other
    umbrellas in batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(126106)
    x, y = _us_umbrellas(train_size + HELD_OUT, gen)
    data, ev, tr = _parts((x,), _standardise(y, train_size), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": DrainageResNet(width, blocks), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": drainage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("cutting_board_scoring_adamw", cutting_board_scoring, 300, "cutting_board_knife_score_depth_embedding_net",
      "adamw", "finite", 64, seconds=0.3, start_lr=0.064),
    W("recliner_comfort_adamw", recliner_comfort, 300, "recliner_back_angle_session_discomfort_preln_transformer",
      "adamw_b0.98", "finite", 64, seconds=1.0, start_lr=0.008),
    W("safety_pin_clasp_adam", safety_pin_clasp, 300, "safety_pin_clasp_retention_force_relaxation_gru", "adam",
      "finite", 64, seconds=1.1, start_lr=0.128),
    W("ladle_pour_adamax", ladle_pour, 300, "ladle_pour_tilt_trajectory_spill_cnn1d", "adamax", "finite", 256,
      seconds=0.7, start_lr=0.032),
)
LONG = (
    W("ironing_crease_radam@long", ironing_crease, 3000, "ironing_crease_removal_wlf_greybox", "radam", "finite", 256,
      seconds=2.6, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("umbrella_stand_drainage_nesterov@long", umbrella_stand_drainage, 3000,
      "umbrella_stand_drip_drainage_resnet_ln", "sgd_nesterov0.9_wd1e-4", "finite", 32, seconds=1.8, start_lr=0.4,
      grid_fractions=(0.0, 0.05)),
    W("cutting_board_scoring_adamw@long", cutting_board_scoring, 3000, "cutting_board_knife_score_depth_embedding_net",
      "adamw", "finite", 32, dict(train_size=8192, hidden=32), seconds=1.9, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="cutting_board_scoring_adamw"),
    W("ladle_pour_adamax@long", ladle_pour, 3000, "ladle_pour_tilt_trajectory_spill_cnn1d", "adamax", "finite", 64,
      dict(width=8), seconds=3.4, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="ladle_pour_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam126_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-sixth exam's workloads")
