"""The hundred-and-thirtieth exam: six more workload families that neither the suite nor exams 1-128 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam128_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from rubber stamps and ink transfer, glue sticks and bond set, protractors and
reading parallax, clothes pegs and spring clamping, fly swatters and swing speed, and door knockers and rap loudness
(exam 129 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam130/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- rubber-stamp impression fade over a run of stampings: a GRU over 12 successive impressions (each with its press
  force, dwell and whether the stamp was re-inked on the pad first; the stamp's rubber, the ink and the paper
  repeated at every step) to each impression's optical density and halo (squash) width; the ink film on the
  stamp's face split at every impression (a transferred share rising with force and dwell, set by the ink and the
  paper's absorbency), topped up from a depleting pad when re-inked, OD from a saturating coverage law, the halo
  from ink squeezed past the edge by force on soft rubber; 2% scatter; MSE of the standardised targets; Adam
  (torch's defaults)
- glue-stick bond set: embeddings of the stick (PVP school stick, PVA permanent, starch washable, colour-changing,
  acrylic extra-strong) and of the substrate pair (copy paper, cardstock, kraft, photo paper on card, paper on
  corrugated board) with the coat weight, the open time before closing, the press, temperature and humidity, into
  an MLP to the log bond strength at six times after closing (10 s to 1 h); water leaving the glue line by
  evaporation and by Washburn-like wicking into the paper, the wet tack lost when the open time skins the film, the
  strength rising as the glue line dries towards a cap set by the paper's own tear strength; 4% scatter; MSE of the
  standardised logs; AdamW (torch's defaults: weight decay 1e-2)
- protractor reading parallax: a one-block Pre-LN transformer over eight readings of the same drawn angle (each
  token: the reader's eye offset along the scale and height, the protractor's thickness and radius, the reading
  relative to the set's median) to the correction from the median reading to the true angle; the scale lifted off
  the paper by the protractor's thickness shifts each reading by (t / h) times the eye's offset over the radius,
  readings rounded to whole degrees with 0.3 degree reading scatter, and in half the sets one reader reading the
  wrong (outer / inner) scale (180 - theta); MSE of the standardised correction; AdamW (betas 0.9 / 0.98, weight
  decay 1e-2)
- clothes-peg garment slip on a washing line in gusty wind: a grey-box net: a tanh MLP from the garment and pegs
  (area, wet mass, drag coefficient, the pegs' spring force, the jaws' friction, one to three pegs) to the pegs'
  grip and a drag-area correction, put through the drag 0.5 rho Cd A u^2 of a known 48-sample gust record (AR(1)
  turbulence and a gust on a mean wind), a smoothed slip accumulated while the drag passes the grip, and an ordinal
  (cumulative-logit) head to three outcomes: holds, slips in the pegs, blown off; the data from the pegs' friction
  grip 2 mu N per peg plus line friction, with 5% scatter; negative log-likelihood; Adam (torch's defaults)
- fly-swatter swing (a long plan only): a residual MLP with LayerNorm from the swatter (handle length and flex
  stiffness, head area and mass, the mesh's open-area fraction) and the swing (peak wrist speed, the time to reach
  it, the arc) to the head's speed at six instants of the swing, the peak speed and the log peak air pressure ahead
  of the head (what the fly senses); a rigid arm driven by the wrist with the head on a torsion-spring hinge (the
  whip of a flexible handle, damped at 40% of critical), the head's drag through the mesh's solidity, the wrist
  braking at the end of its arc, integrated in 40 steps of 5 ms (four substeps each); 2% scatter; MSE of the
  standardised targets; RAdam (torch's defaults)
- door-knocker rap loudness (a long plan only): embeddings of the knocker's metal, the door's construction and the
  strike plate, with the knocker's mass, arm, lift angle, throw, the door's thickness and the listener's distance,
  into an MLP to the sound pressure level in four octave bands inside the house and the A-weighted level outside at
  1 m; the knocker's impact speed from a pendulum drop, a Hertz contact time setting the force pulse's spectral
  knee, the door's panel radiation and the mass law for its transmission loss, spherical spreading with a room
  term; 0.3 dB scatter; MSE of the standardised levels; SGD with Nesterov momentum 0.9 and weight decay 1e-4

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the fly-swatter and
door-knocker nets (no short plans), the glue-stick net on 8192 bonds instead of 4096 (32 units a layer instead of
64, batch 32 instead of 128) and the clothes-peg net on 8192 garments instead of 2048 (16 units a layer instead of
32, the same batch of 32).

Of the eight plans, three use Adam (rubber stamp, both clothes-peg plans), three AdamW (both glue-stick plans,
protractor), one RAdam (fly swatter) and one SGD with Nesterov momentum (door knocker).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam130_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam130/README.md).

    python benchmarks/exam130_workloads.py          # the table
    python benchmarks/exam130_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 130"


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
    """Targets standardised per column (over every dim but the last) with the first ``n`` rows' mean and sd."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


def _u(n: int, gen: torch.Generator, lo: float, hi: float) -> torch.Tensor:
    """``n`` uniform draws on [lo, hi)."""
    return lo + (hi - lo) * torch.rand(n, generator=gen)


def _z(v: torch.Tensor, lo: float, hi: float) -> torch.Tensor:
    """A uniform [lo, hi) input scaled to mean 0, sd 1."""
    return (v - 0.5 * (lo + hi)) / ((hi - lo) / math.sqrt(12))


# --------------------------------------------------------------------------------------------------------------
# 1. rubber-stamp impression fade over a run of stampings (Adam)

RS_STEPS = 12
RS_INKS = 3  # water-based dye, oil-based pigment, quick-dry solvent


def _rs_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Runs of 12 stampings with one rubber stamp on one paper. Per run: the rubber's hardness (40-70 Shore A), the
    ink (dye, pigment, solvent; one-hot), the paper's absorbency (0-1), the pad's starting saturation (0.3-1). Per
    stamping: the press force (20-120 N), the dwell (0.1-1 s, log) and whether the stamp was pressed on the pad first
    (40% of stampings, always the first). Re-inking tops the face's film h up towards 1.2 x the pad's saturation
    (the pad losing 2.5% a time). Each impression transfers a share f h: f = f_ink (0.35 + 0.3 absorbency) (1 -
    exp(-F / F0)) (1 - 0.5 exp(-dwell / tau_ink)), F0 rising with the rubber's hardness; the paper's film gives OD =
    1.4 (1 - exp(-2.5 film)) times the inked coverage (soft rubber and force close the face's micro-voids); the halo
    (squash) width grows with the film, the force and soft rubber, less on absorbent paper. 2% scatter. Returns
    (per-step features (n, 12, 9), targets (n, 12, 2): OD and halo width)."""
    shore = _u(n, gen, 40, 70)
    ink = torch.randint(0, RS_INKS, (n,), generator=gen)
    absorb = torch.rand(n, generator=gen)
    pad = _u(n, gen, 0.3, 1.0)
    force = _u(n * RS_STEPS, gen, 20, 120).view(n, RS_STEPS)
    dwell = (0.1 * 10 ** torch.rand(n * RS_STEPS, generator=gen)).view(n, RS_STEPS)
    reink = (torch.rand(n, RS_STEPS, generator=gen) < 0.4).float()
    reink[:, 0] = 1.0
    f_ink = torch.tensor([0.55, 0.40, 0.48])[ink]
    tau = torch.tensor([0.15, 0.45, 0.08])[ink]
    f0 = 25 + 1.2 * (shore - 40)
    h = torch.zeros(n)
    od, halo = [], []
    for k in range(RS_STEPS):
        r = reink[:, k]
        h = h + r * 0.8 * (1.2 * pad - h).clamp_min(0)
        pad = pad * (1 - 0.025 * r)
        fr = f_ink * (0.35 + 0.3 * absorb) * (1 - torch.exp(-force[:, k] / f0))
        fr = fr * (1 - 0.5 * torch.exp(-dwell[:, k] / tau))
        film = fr * h
        h = h - film
        cover = 1 - 0.25 * torch.exp(-force[:, k] / 40 * (70 / shore))
        od.append(1.4 * (1 - torch.exp(-2.5 * film)) * cover)
        halo.append(0.3 * film * (force[:, k] / 60) ** 1.5 * (55 / shore) ** 2 * (1.3 - 0.6 * absorb))
    y = torch.stack([torch.stack(od, 1), torch.stack(halo, 1)], 2)
    y = y * torch.exp(0.02 * torch.randn(y.shape, generator=gen))
    per_run = torch.cat([torch.stack([_z(shore, 40, 70), _z(absorb, 0, 1), _z(pad, 0.3, 1.0)], 1),
                         F.one_hot(ink, RS_INKS).float()], 1)
    x = torch.cat([torch.stack([_z(force, 20, 120), (torch.log10(dwell) + 0.5) / 0.29, 2 * reink - 1], 2),
                   per_run.unsqueeze(1).expand(n, RS_STEPS, 6)], 2)
    return x, torch.stack([y[..., 0], torch.log1p(10 * y[..., 1])], 2)


class StampGRU(nn.Module):
    """A one-layer GRU over the stampings with a linear head per step (OD and halo)."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0])


def stamp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised OD and halo of every impression."""
    return _mse(model, batch)


def rubber_stamp_fade(batch_size: int = 32, seed: int = 0, train_size: int = 3072, hidden: int = 48) -> dict[str, Any]:
    """The stamping GRU on 3072 runs, targets standardised over them; held out: 2048 other runs in batches of 1024;
    Adam."""
    gen = torch.Generator().manual_seed(130101)
    x, y = _rs_runs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StampGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": stamp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. glue-stick bond set (AdamW)

GS_STICKS = 5  # PVP school stick, PVA permanent, starch washable, colour-changing, acrylic extra-strong
GS_PAIRS = 5  # copy/copy, cardstock/copy, kraft/kraft, photo paper/card, paper/corrugated board
GS_TIMES = (10.0, 30.0, 60.0, 180.0, 600.0, 3600.0)


def _gs_bonds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Paper bonds made with a glue stick and peeled at 10 s, 30 s, 1, 3, 10 and 60 min after closing. The stick:
    ultimate strength (N/25 mm) 2.5-6, wet tack; the substrate pair: absorbency (wicking rate, a sqrt(t) law), the
    paper's tear strength (caps the bond: fibre tear). Coat weight 10-60 g/m2, open time 0-120 s, press 0.5-5 kPa for
    1-10 s, 15-35 C, 20-85% RH. The glue line's water, as a share of what was coated: w(t) = exp(-t / tau_evap) less
    the wicked share a sqrt(t) (tau short while the film is open, long once closed, slower with humidity, cold and
    heavy coats); the film skins during the open time (wet tack lost with the water at closing below 40%); strength
    = cap (tack_closing 0.3 + 0.7 dryness^1.5) with a wetting factor rising with press and tack. 4% scatter.
    Returns (stick ids, pair ids, numbers (n, 6), log strengths (n, 6))."""
    stick = torch.randint(0, GS_STICKS, (n,), generator=gen)
    pair = torch.randint(0, GS_PAIRS, (n,), generator=gen)
    coat = _u(n, gen, 10, 60)
    open_t = _u(n, gen, 0, 120)
    press = _u(n, gen, 0.5, 5.0)
    ptime = _u(n, gen, 1, 10)
    temp = _u(n, gen, 15, 35)
    rh = _u(n, gen, 20, 85)
    s_ult = torch.tensor([3.0, 4.5, 2.5, 3.2, 6.0])[stick]
    tack = torch.tensor([0.7, 0.9, 0.5, 0.65, 1.0])[stick]
    wick = torch.tensor([0.06, 0.05, 0.09, 0.015, 0.11])[pair]
    tear = torch.tensor([4.0, 5.0, 7.0, 3.5, 4.5])[pair]
    tau_open = 40 * (1 + 2 * (rh / 100) ** 2) * 1.05 ** (25 - temp)  # an open film dries fast
    tau_closed = 600 * (1 + 1.5 * rh / 100) * 1.06 ** (25 - temp) * (coat / 30) ** 0.5  # through the paper only

    def wet(t: torch.Tensor, tau_: torch.Tensor) -> torch.Tensor:
        return (torch.exp(-t / tau_) - wick * t.sqrt() / (coat / 30) ** 0.5).clamp_min(0.0)

    w_close = wet(open_t, tau_open)
    tack_close = tack * torch.sigmoid((w_close - 0.4) * 8)
    wetting = 1 - torch.exp(-(press * ptime) ** 0.5 * (0.3 + tack_close) / 2)
    out = []
    for t in GS_TIMES:
        tt = torch.full((n,), t)
        dry = 1 - w_close * wet(tt, tau_closed)
        strength = s_ult * wetting * (0.3 * tack_close + 0.7 * dry.clamp(0, 1) ** 1.5) + 0.05
        strength = strength * tear / (strength**3 + tear**3) ** (1 / 3)  # fibre tear caps it softly
        out.append(torch.log(strength))
    y = torch.stack(out, 1) + 0.04 * torch.randn(n, len(GS_TIMES), generator=gen)
    x = torch.stack([_z(coat, 10, 60), _z(open_t, 0, 120), _z(press, 0.5, 5), _z(ptime, 1, 10), _z(temp, 15, 35),
                     _z(rh, 20, 85)], 1)
    return stick, pair, x, y


class BondNet(nn.Module):
    """Embeddings of the stick and the substrate pair, joined with the numbers, into a SiLU MLP to the six log
    strengths."""

    def __init__(self, hidden: int = 64, emb: int = 4) -> None:
        super().__init__()
        self.stick = nn.Embedding(GS_STICKS, emb)
        self.pair = nn.Embedding(GS_PAIRS, emb)
        self.net = nn.Sequential(nn.Linear(6 + 2 * emb, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(GS_TIMES)))

    def forward(self, stick: torch.Tensor, pair: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.stick(stick), self.pair(pair), x], 1))


def bond_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log bond strengths."""
    return _mse(model, batch)


def glue_stick_bond(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The bond net on 4096 bonds, targets standardised over them; held out: 2048 other bonds in batches of 1024;
    AdamW (torch's defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(130102)
    s, p, x, y = _gs_bonds(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (s[:train_size], p[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BondNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], p[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": bond_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. protractor reading parallax (AdamW)

PR_READERS = 8


def _pr_sets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sets of eight readings of one drawn angle (10-170 degrees) with one protractor: thickness 0.5-3 mm, scale
    radius 4-8 cm. Each reader's eye: an offset along the scale from the mark -15 to 15 cm, a height 20-50 cm. The
    scale sits t above the line on the paper, so the line is seen against the scale shifted by t u / h, an angle of
    (180 / pi) t u / (h R) degrees; reading scatter 0.3 degrees, rounded to whole degrees; in half the sets one
    reader (at random) reads the wrong scale (180 - theta). Tokens: (u, h, t, R, the reading less the set's median
    (degrees / 5), wrong-scale readings included). Target: the true angle less the median reading (degrees).
    Returns (tokens (n, 8, 5), target (n, 1))."""
    theta = _u(n, gen, 10, 170).view(n, 1)
    t = _u(n, gen, 0.05, 0.3).view(n, 1)  # cm
    rad = _u(n, gen, 4, 8).view(n, 1)
    u = _u(n * PR_READERS, gen, -15, 15).view(n, PR_READERS)
    h = _u(n * PR_READERS, gen, 20, 50).view(n, PR_READERS)
    shift = (180 / math.pi) * t * u / (h * rad)
    seen = theta + shift + 0.3 * torch.randn(n, PR_READERS, generator=gen)
    who = torch.randint(0, PR_READERS, (n, 1), generator=gen)
    wrong = (torch.arange(PR_READERS).view(1, -1) == who) & (torch.rand(n, 1, generator=gen) < 0.5)
    seen = torch.where(wrong, 180 - seen, seen)
    reading = torch.round(seen)
    med = reading.median(1, keepdim=True).values
    tok = torch.stack([_z(u, -15, 15), _z(h, 20, 50), _z(t, 0.05, 0.3).expand(n, PR_READERS),
                       _z(rad, 4, 8).expand(n, PR_READERS), ((reading - med) / 5).clamp(-6, 6)], 2)
    return tok, theta - med


class SelfAttention(nn.Module):
    """Multi-head self-attention written out (a fused qkv projection, softmax(q k^T / sqrt(d_head)) v, an output
    projection)."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // self.heads), -1)
        return self.out((a @ v).transpose(1, 2).reshape(b, t, d))


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + MHA(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = SelfAttention(d, heads)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class ReadingTransformer(nn.Module):
    """Reader tokens embedded, one Pre-LN block (no positions: the readers are a set), a final LN, mean-pooled, a
    linear head to the correction."""

    def __init__(self, d: int = 32, heads: int = 2, blocks: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(5, d)
        self.blocks = nn.ModuleList(PreLNBlock(d, heads) for _ in range(blocks))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, tok: torch.Tensor) -> torch.Tensor:
        x = self.embed(tok)
        for b in self.blocks:
            x = b(x)
        return self.head(self.ln(x).mean(1))


def parallax_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised correction (true angle less the median reading)."""
    return _mse(model, batch)


def protractor_parallax(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d: int = 32) -> dict[str, Any]:
    """The reading transformer on 4096 sets, the target standardised over them; held out: 2048 other sets in
    batches of 1024; AdamW (betas 0.9 / 0.98, weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(130103)
    x, y = _pr_sets(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReadingTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98)),
                                "adamw_b0.98"),
            "loss_fn": parallax_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. clothes-peg garment slip in gusty wind (Adam)

CP_LEN = 48


def _cp_garments(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Garments pegged on a line, a 48-sample gust record (0.25 s a sample): mean wind 1-9 m/s, an AR(1)
    turbulence (coefficient 0.85) of intensity 0.15-0.45, a gust (1-2.5x the turbulence, 1-3 s) at a random time.
    The garment: area 0.1-1.2 m2, wet mass 0.1-1.5 kg, drag coefficient 0.8-1.5 (a flapping cloth); the pegs: one to
    three, spring force 4-14 N each, jaw friction 0.3-0.6 (plastic to wood), a grip of 2 mu N per peg plus the
    wet mass's share of line friction. Drag 0.5 rho Cd A u^2 (rho 1.2); slip accumulates while the drag passes the
    grip (with 5% scatter on the grip), as ((F - grip) / grip) dt; outcome: holds (slip < 0.02), slips in the pegs
    (< 3), blown off. Returns (wind (n, 48) in m/s, static (n, 6) scaled, area and Cd (n, 2), classes)."""
    mean = _u(n, gen, 1, 9)
    ti = _u(n, gen, 0.15, 0.45)
    e = torch.randn(n, CP_LEN, generator=gen)
    turb = torch.zeros(n, CP_LEN)
    prev = e[:, 0]
    for k in range(CP_LEN):
        prev = 0.85 * prev + math.sqrt(1 - 0.85**2) * e[:, k] if k else prev
        turb[:, k] = prev
    t0 = torch.randint(0, CP_LEN - 4, (n, 1), generator=gen)
    dur = torch.randint(4, 13, (n, 1), generator=gen)
    amp = _u(n, gen, 1.0, 2.5).view(n, 1)
    k = torch.arange(CP_LEN).view(1, -1)
    gust = amp * torch.sin(math.pi * ((k - t0) / dur).clamp(0, 1)) ** 2
    u = (mean.view(n, 1) * (1 + ti.view(n, 1) * (turb + gust))).clamp_min(0)
    area = _u(n, gen, 0.1, 1.2)
    mass = _u(n, gen, 0.1, 1.5)
    cd = _u(n, gen, 0.8, 1.5)
    pegs = torch.randint(1, 4, (n,), generator=gen).float()
    spring = _u(n, gen, 4, 14)
    mu = _u(n, gen, 0.3, 0.6)
    grip = (pegs * 2 * mu * spring + 0.4 * mass * 9.81) * torch.exp(0.05 * torch.randn(n, generator=gen))
    drag = 0.5 * 1.2 * cd.view(n, 1) * area.view(n, 1) * u**2
    slip = (torch.relu(drag - grip.view(n, 1)) / grip.view(n, 1) * 0.25).sum(1)
    y = (slip >= 0.02).long() + (slip >= 3.0).long()
    stat = torch.stack([_z(area, 0.1, 1.2), _z(mass, 0.1, 1.5), _z(cd, 0.8, 1.5), pegs - 2, _z(spring, 4, 14),
                        _z(mu, 0.3, 0.6)], 1)
    return u, stat, torch.stack([area, cd], 1), y


class PegGreyBox(nn.Module):
    """A grey-box slip model: a small tanh MLP from the garment and pegs to the log grip (N) and a log correction of
    the drag area; the drag 0.5 rho Cd A u^2 of the known gust record against that grip, the excess (a softplus of
    drag / grip - 1 with a fixed sharpness of 5) summed over the record into a slip; an ordinal (cumulative-logit) head
    on log slip with two learned cut points and a learned scale gives the three outcomes' log-probabilities."""

    def __init__(self, hidden: int = 32, sharp: float = 5.0) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))
        self.sharp = sharp
        self.cut = nn.Parameter(torch.tensor([-2.0, 0.0]))
        self.log_scale = nn.Parameter(torch.tensor(0.0))

    def forward(self, wind: torch.Tensor, stat: torch.Tensor, raw: torch.Tensor) -> torch.Tensor:
        h = self.net(stat)
        grip = 10 * torch.exp(h[:, :1])
        drag = 0.6 * raw[:, :1] * raw[:, 1:] * torch.exp(h[:, 1:]) * wind**2
        slip = 0.25 * (F.softplus(self.sharp * (drag / grip - 1)) / self.sharp).sum(1)
        z = torch.log(slip + 1e-3)
        c1, c2 = self.cut[0], self.cut[0] + F.softplus(self.cut[1])
        k = self.log_scale.exp()
        up1, up2 = torch.sigmoid(k * (z - c1)), torch.sigmoid(k * (z - c2))
        p = torch.stack([1 - up1, up1 - up2, up2], 1)
        return torch.log(p.clamp_min(1e-6))


def slip_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative log-likelihood of the outcome (holds, slips, blown off)."""
    wind, stat, raw, y = batch
    return F.nll_loss(model(wind, stat, raw), y)


def clothes_peg_gust(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The grey-box slip model on 2048 pegged garments; held out: 2048 other garments in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(130104)
    w, s, r, y = _cp_garments(train_size + 2048, gen)
    tr = (w[:train_size], s[:train_size], r[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PegGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((w[train_size:], s[train_size:], r[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": slip_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. fly-swatter swing (RAdam; long only)

FS_TIMES = (8, 14, 20, 26, 32, 39)  # of the swing's 40 steps of 5 ms


def _fs_swings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Swatter swings: handle 30-50 cm, its flex (a torsion-spring hinge at the head, 0.4-4 N m / rad), head area
    80-160 cm2 and mass 8-25 g, mesh open-area fraction 0.2-0.7; the wrist's angular speed rising as sin^2 to a peak
    10-30 rad/s in 60-160 ms, the swing lasting 40 steps of 5 ms. The head's lag angle phi: I phi'' = -k phi - c
    phi' - m L_h L omega' - the drag moment (c at 40% of critical damping; the wrist braking at the end of its arc
    0.8-1.6 rad), drag 0.5 rho Cd (1 - open)^1.5 A v^2 on the head's speed v = L omega + L_h phi'; semi-implicit
    Euler in four substeps a step. Targets: the head's speed at six steps, the peak speed, and the log of the peak
    pressure ahead of the head 0.5 rho v^2 (1 - open)^1.5. 2% scatter. Returns (features (n, 8), targets (n, 8))."""
    length = _u(n, gen, 0.30, 0.50)
    kf = 0.4 * 10 ** torch.rand(n, generator=gen)
    area = _u(n, gen, 80, 160) * 1e-4
    mh = _u(n, gen, 0.008, 0.025)
    open_ = _u(n, gen, 0.2, 0.7)
    wmax = _u(n, gen, 10, 30)
    trise = _u(n, gen, 0.06, 0.16)
    arc = _u(n, gen, 0.8, 1.6)  # rad, limits how long the wrist accelerates
    lh = 0.06
    inertia = mh * lh**2 + 2e-5
    cdrag = 0.5 * 1.2 * 1.2 * (1 - open_) ** 1.5 * area
    damp = 2 * 0.4 * (kf * inertia).sqrt()  # the handle's flex damped at 40% of critical
    dt = 0.005 / 4  # four substeps a 5 ms step (the stiffest hinges ring at ~30 Hz)
    phi = torch.zeros(n)
    dphi = torch.zeros(n)
    ang = torch.zeros(n)
    omega_prev = torch.zeros(n)
    speeds, peak_v, peak_p = [], torch.zeros(n), torch.zeros(n)
    for s in range(40 * 4):
        tt = (s + 1) * dt
        omega = wmax * torch.sin(0.5 * math.pi * (tt / trise).clamp(max=1)) ** 2
        omega = omega * torch.sigmoid((arc - ang) * 8)  # the wrist brakes at the end of its arc
        domega = (omega - omega_prev) / dt
        v = length * omega + lh * dphi
        drag_m = cdrag * v * v.abs() * lh
        ddphi = (-kf * phi - damp * dphi - mh * lh * length * domega - drag_m) / inertia
        dphi = dphi + dt * ddphi
        phi = phi + dt * dphi
        ang = ang + dt * omega
        omega_prev = omega
        v = length * omega + lh * dphi
        peak_v = torch.maximum(peak_v, v)
        peak_p = torch.maximum(peak_p, 0.5 * 1.2 * v**2 * (1 - open_) ** 1.5)
        if s % 4 == 3 and s // 4 in FS_TIMES:
            speeds.append(v)
    y = torch.cat([torch.stack(speeds, 1), peak_v.view(n, 1), torch.log(peak_p + 1).view(n, 1)], 1)
    y = y * torch.exp(0.02 * torch.randn(y.shape, generator=gen))
    x = torch.stack([_z(length, 0.3, 0.5), (torch.log10(kf) - math.log10(0.4) - 0.5) / 0.29, _z(area, 0.008, 0.016),
                     _z(mh, 0.008, 0.025), _z(open_, 0.2, 0.7), _z(wmax, 10, 30), _z(trise, 0.06, 0.16),
                     _z(arc, 0.8, 1.6)], 1)
    return x, y


class SwingResNet(nn.Module):
    """A residual MLP: a linear stem, a Pre-LN residual block (LN, Linear, GELU, Linear), a final LN and a linear
    head."""

    def __init__(self, width: int = 32, blocks: int = 1) -> None:
        super().__init__()
        self.stem = nn.Linear(8, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.ln = nn.LayerNorm(width)
        self.head = nn.Linear(width, 8)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for b in self.blocks:
            h = h + b(h)
        return self.head(self.ln(h))


def swing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised head speeds, peak speed and log peak pressure."""
    return _mse(model, batch)


def fly_swatter_swing(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32) -> dict[str, Any]:
    """The swing net on 8192 swings, targets standardised over them; held out: 2048 other swings in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(130105)
    x, y = _fs_swings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwingResNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": swing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. door-knocker rap loudness (SGD with Nesterov momentum; long only)

DK_METALS = 4  # brass, cast iron, bronze, aluminium
DK_DOORS = 5  # solid oak, pine panel, steel-skinned, fibreglass composite, hollow-core
DK_PLATES = 3  # none (wood), brass plate, iron stud
DK_BANDS = (250.0, 500.0, 1000.0, 2000.0)


def _dk_raps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Raps of a door knocker. The knocker's metal (modulus 100, 170, 110, 70 GPa), mass 0.2-1.5 kg, pivot-to-striker
    arm 5-15 cm, lifted 20-90 degrees and let fall or thrown (a throw 1-1.8x the drop speed); the door (surface
    density 30, 18, 35, 20, 9 kg/m2 at 45 mm, a stiffness and radiation efficiency), 35-60 mm thick; the plate
    (wood 12 GPa under the striker, brass, iron). Impact speed v = throw sqrt(2 g arm (1 - cos lift)); Hertz contact
    time t_c = 2.87 (m^2 / (R E*^2 v))^(1/5) sets the force pulse's knee f_c = 1 / t_c (flat below, -40 dB a decade
    above); the radiated level rises with the pulse's energy and the door's radiation efficiency (above its
    coincidence frequency); inside: less the mass-law transmission loss 20 log10(f m'') - 47, spreading 20 log10(r)
    and a room term; outside at 1 m: the band levels A-weighted and summed. 0.3 dB scatter. Returns (metal, door,
    plate ids, numbers (n, 6), levels (n, 5))."""
    metal = torch.randint(0, DK_METALS, (n,), generator=gen)
    door = torch.randint(0, DK_DOORS, (n,), generator=gen)
    plate = torch.randint(0, DK_PLATES, (n,), generator=gen)
    mass = _u(n, gen, 0.2, 1.5)
    arm = _u(n, gen, 0.05, 0.15)
    lift = _u(n, gen, 20, 90)
    throw = _u(n, gen, 1.0, 1.8)
    thick = _u(n, gen, 35, 60)
    dist = _u(n, gen, 1, 8)
    e_k = torch.tensor([100.0, 170.0, 110.0, 70.0])[metal] * 1e9
    e_p = torch.tensor([12.0, 100.0, 200.0])[plate] * 1e9
    m2 = torch.tensor([30.0, 18.0, 35.0, 20.0, 9.0])[door] * thick / 45
    f_coinc = torch.tensor([1500.0, 2200.0, 800.0, 1800.0, 3000.0])[door] * 45 / thick
    leak = torch.tensor([0.0, 2.0, 0.0, 1.0, 4.0])[door]  # dB lost to the door's gaps and panels
    v = throw * (2 * 9.81 * arm * (1 - torch.cos(torch.deg2rad(lift)))).sqrt()
    e_star = 1 / ((1 - 0.3**2) / e_k + (1 - 0.3**2) / e_p)
    radius = 0.01 * (mass / 0.5) ** (1 / 3)
    t_c = 2.87 * (mass**2 / (radius * e_star**2 * v)) ** 0.2
    f_c = 1 / t_c
    lw0 = 10 * torch.log10(0.5 * mass * v**2 / 1e-3) + 62
    ins, outs = [], []
    a_weight = torch.tensor([-8.6, -3.2, 0.0, 1.2])
    for i, f in enumerate(DK_BANDS):
        spec = -20 * torch.log10(1 + (f / f_c) ** 2)
        rad = 10 * torch.log10(torch.sigmoid(4 * math.log(f) - 4 * torch.log(f_coinc)) + 0.05)
        lw = lw0 + spec + rad
        tl = (20 * torch.log10(f * m2) - 47 - leak).clamp_min(5)
        ins.append(lw - tl - 20 * torch.log10(dist) - 8 + 6)
        outs.append(lw - 11 + a_weight[i])
    la = 10 * torch.log10(sum(10 ** (o / 10) for o in outs))
    y = torch.stack(ins + [la], 1) + 0.3 * torch.randn(n, 5, generator=gen)
    x = torch.stack([_z(mass, 0.2, 1.5), _z(arm, 0.05, 0.15), _z(lift, 20, 90), _z(throw, 1, 1.8), _z(thick, 35, 60),
                     _z(dist, 1, 8)], 1)
    return metal, door, plate, x, y


class KnockNet(nn.Module):
    """Embeddings of the metal, the door and the plate, joined with the numbers, into a ReLU MLP to the five
    levels."""

    def __init__(self, hidden: int = 64, emb: int = 4) -> None:
        super().__init__()
        self.metal = nn.Embedding(DK_METALS, emb)
        self.door = nn.Embedding(DK_DOORS, emb)
        self.plate = nn.Embedding(DK_PLATES, emb)
        self.net = nn.Sequential(nn.Linear(6 + 3 * emb, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 5))

    def forward(self, metal: torch.Tensor, door: torch.Tensor, plate: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.metal(metal), self.door(door), self.plate(plate), x], 1))


def knock_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised band levels and the A-weighted level."""
    return _mse(model, batch)


def door_knocker_rap(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The knock net on 8192 raps, targets standardised over them; held out: 2048 other raps in batches of 1024;
    SGD with Nesterov momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(130106)
    m, d, p, x, y = _dk_raps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (m[:train_size], d[:train_size], p[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KnockNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in (m, d, p, x, y)), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": knock_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("rubber_stamp_fade_adam", rubber_stamp_fade, 300, "rubber_stamp_impression_fade_reink_gru", "adam", "finite",
      64, seconds=0.8, start_lr=0.064),
    W("glue_stick_bond_adamw", glue_stick_bond, 300, "glue_stick_paper_bond_set_embedding_mlp", "adamw", "finite", 128,
      seconds=0.4, start_lr=0.064),
    W("protractor_parallax_adamw", protractor_parallax, 300, "protractor_reading_parallax_preln_transformer",
      "adamw_b0.98", "finite", 64, seconds=1.2, start_lr=0.008),
    W("clothes_peg_gust_adam", clothes_peg_gust, 300, "clothes_peg_garment_gust_slip_greybox", "adam", "finite", 32,
      seconds=0.6, start_lr=0.032),
)
LONG = (
    W("fly_swatter_swing_radam@long", fly_swatter_swing, 3000, "fly_swatter_whip_swing_speed_resmlp_ln", "radam",
      "finite", 64, seconds=3.0, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("door_knocker_rap_nesterov@long", door_knocker_rap, 3000, "door_knocker_rap_loudness_embedding_mlp",
      "sgd_nesterov0.9_wd1e-4", "finite", 64, seconds=2.5, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("glue_stick_bond_adamw@long", glue_stick_bond, 3000, "glue_stick_paper_bond_set_embedding_mlp", "adamw",
      "finite", 32, dict(train_size=8192, hidden=32), seconds=2.5, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="glue_stick_bond_adamw"),
    W("clothes_peg_gust_adam@long", clothes_peg_gust, 3000, "clothes_peg_garment_gust_slip_greybox", "adam",
      "finite", 32, dict(train_size=8192, hidden=16), seconds=3.0, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="clothes_peg_gust_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam130_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirtieth exam's workloads")
