"""The forty-first exam: six more workload families that neither the suite nor exams 1-40 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam40_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from coastal engineering, transport
(travel-mode detection), insurance (loss reserving), education (automated essay scoring), robotics (grasp synthesis)
and plant pathology (exam 42 was built at the same time from other domains; its module was not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam41/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- wave overtopping with the CLASH neural network (van Gent, van den Boogaard, Pozueta & Medina 2007; a long plan
  only): a one-hidden-layer tanh MLP (20 units) maps a coastal structure's dimensionless (Froude-scaled) parameters
  (wave steepness and obliquity, depths, slopes, berm, crest freeboard, armour crest and crest width, roughness) to
  log10 of the dimensionless mean overtopping discharge; CLASH's weighted squared error (weights from each test's
  reliability and complexity factors); tests from EurOtop-style formulae with the laboratory scatter; SGD with
  momentum 0.9 (back-propagation with momentum; the author's choice, CLASH's own training not checked)
- travel-mode detection from GPS trajectories with Dabiri & Heaslip's (2018) CNN: pairs of 1-d convolutions with
  max-pooling over a segment's point features (speed, acceleration, jerk, bearing rate), dropout 0.5, a dense head;
  cross-entropy over walk / bike / bus / car / train; segments of 64 points from a speed-tracking model with stops,
  congestion and GPS noise; batch 32; Adam (theirs, from memory)
- loss reserving with DeepTriangle (Kuo 2019): a GRU encoder over a (company, accident year)'s
  observed incremental paid-loss and case-reserve ratios, repeated into a GRU decoder, the company's embedding joined
  at every step, two ReLU heads for the paid and case-reserve paths of the next development years; masked MSE;
  Schedule-P-like triangles of 10 accident years from 200 companies, held out on their future cells; batch 128;
  Adam with AMSGrad (DeepTriangle's ``optimizer_adam(amsgrad = TRUE)``, from memory)
- automated essay scoring with Taghipour & Ng's (2016) network (a long plan only): word embeddings, a width-3
  convolution, an LSTM, mean-over-time pooling, dropout 0.5, a sigmoid output for the score scaled to [0, 1]; MSE;
  synthetic essays whose vocabulary, errors, topic words, connectives and length follow latent traits; RMSprop with
  rho 0.9 (theirs, from memory)
- grasp synthesis with GG-CNN (Morrison, Corke & Leitner 2018): a small fully convolutional encoder-decoder (strided
  convolutions, transposed convolutions) from a depth image to per-pixel grasp quality, angle (cos 2 theta, sin 2
  theta) and gripper width maps; the sum of the four maps' MSEs (GG-CNN's); depth images of boxes and cylinders on a
  table; batch 8; Adam (GG-CNN's code, from memory)
- plant-disease diagnosis from leaf images with a small AlexNet-like CNN (after Mohanty, Hughes & Salathe 2016, on
  PlantVillage): convolutions with batch normalisation and max-pooling, a dense layer with dropout 0.5,
  cross-entropy over healthy leaves and five diseases (rust, early blight, powdery mildew, mosaic virus, bacterial
  spot); synthetic 16 x 16 leaf images; batch 32; SGD with momentum 0.9 and weight decay 5e-4 (theirs, from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the CLASH overtopping net
and the essay scorer (no short plans), the mode-detection CNN on 8192 segments instead of 4096 (and 16 / 32 channels
instead of 8 / 16) and the leaf CNN on 8192 images instead of 2048.

Of the eight plans, three use plain Adam (both mode-CNN plans, GG-CNN), one Adam with AMSGrad (DeepTriangle), one
RMSprop with rho 0.9 (the essay scorer), two SGD with momentum 0.9 and weight decay 5e-4 (both leaf-CNN plans) and
one SGD with momentum 0.9 (the CLASH net).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam41_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam41/README.md).

    python benchmarks/exam41_workloads.py          # the table
    python benchmarks/exam41_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 41"


# --------------------------------------------------------------------------------------------------------------
# 1. wave overtopping with the CLASH neural network (SGD with momentum; long only)


def _ot_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Small-scale overtopping tests of sloped coastal structures (dikes, rubble mounds), Froude-scaled to Hm0 = 1:
    wave steepness s0 U[0.01, 0.06], obliquity U[0, 60] deg, depth h / Hm0 U[1.2, 6], toe depth and width, lower and
    upper slopes cot U[1.5, 6], a berm (width 0-4 Hm0 with probability 0.4, at a depth -1..1 Hm0), crest freeboard
    Rc U[0.4, 3.2], armour crest Ac and crest width Gc, roughness gamma_f (smooth, grass, rock, cubes, tetrapods).
    The dimensionless discharge q / sqrt(g Hm0^3) from EurOtop's breaking / non-breaking formulae with the berm,
    obliquity, roughness and crest-width reductions and a shallow-water correction; log10 scatter of sd 0.22 (the
    formulae's own scatter, a factor of about 1.7). Each test also gets CLASH's reliability and complexity factors
    (RF, CF in 1..3: noisier tests where they are high), kept as the weight (4 - RF)(4 - CF) / 9. Tests below q* =
    1e-6 are dropped, as CLASH's network was trained without its zero-overtopping tests. Returns (the 14 CLASH
    inputs: its 15 less Hm0, which the scaling removes, with the period as the steepness; log10 q*; weights)."""
    m = 3 * n
    s0 = 0.01 + 0.05 * torch.rand(m, generator=gen)
    beta = 60 * torch.rand(m, generator=gen)
    h = 1.2 + 4.8 * torch.rand(m, generator=gen)
    ht = h * (0.6 + 0.4 * torch.rand(m, generator=gen))
    bt = 2 * torch.rand(m, generator=gen) * (ht < h)
    cot_d = 1.5 + 4.5 * torch.rand(m, generator=gen)
    cot_u = (cot_d + 1.0 * torch.randn(m, generator=gen)).clamp(1.5, 6)
    has_berm = torch.rand(m, generator=gen) < 0.4
    bw = 4 * torch.rand(m, generator=gen) * has_berm
    hb = (-1 + 2 * torch.rand(m, generator=gen)) * has_berm
    tan_b = 0.05 * torch.rand(m, generator=gen) * has_berm
    rc = 0.4 + 2.8 * torch.rand(m, generator=gen)
    ac = rc - 0.5 * torch.rand(m, generator=gen)
    gc = 3 * torch.rand(m, generator=gen)
    kind = torch.randint(0, 5, (m,), generator=gen)
    gf = torch.tensor([1.0, 0.9, 0.55, 0.47, 0.38])[kind]
    rough = kind >= 2
    tan_a = 2 / (cot_d + cot_u)  # the mean slope
    xi = tan_a / s0.sqrt()
    g_beta = 1 - 0.0033 * beta
    rb = bw / (bw + 2) * has_berm
    g_b = (1 - rb * (1 - 0.5 * hb.clamp(-1, 1) ** 2)).clamp(0.6, 1)
    shallow = 1 + 0.25 * torch.exp(-(h - 1.2))
    breaking = 0.067 / tan_a.sqrt() * g_b * xi * torch.exp(-4.75 * rc / (xi * g_b * gf * g_beta))
    non_breaking = 0.2 * torch.exp(-2.6 * rc / (gf * g_beta))
    q = torch.minimum(breaking, non_breaking) * shallow
    cr = torch.where(rough, (3.06 * torch.exp(-1.5 * gc)).clamp(max=1), torch.ones_like(gc))
    q = q * cr
    rf = torch.randint(1, 4, (m,), generator=gen)
    cf = torch.randint(1, 4, (m,), generator=gen)
    sd = 0.22 * (1 + 0.25 * (rf - 1) + 0.15 * (cf - 1))
    logq = torch.log10(q) + sd * torch.randn(m, generator=gen)
    keep = (logq > -6).nonzero().squeeze(1)[:n]
    x = torch.stack([s0, beta / 60, h, ht, bt, gf, cot_d, cot_u, bw, hb, tan_b, rc, ac, gc], 1)[keep]
    w = ((4 - rf) * (4 - cf)).float()[keep] / 9
    return x, logq[keep], w


class ClashNet(nn.Module):
    """The CLASH overtopping network: the structure's 14 dimensionless parameters (standardised), one hidden layer
    of 20 tanh units, a linear output for log10 q*."""

    def __init__(self, hidden: int = 20) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(14, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def weighted_log_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """CLASH's weighted squared error of log10 q* (the weights are each test's reliability x complexity factor)."""
    x, y, w = batch
    return (w * (model(x) - y) ** 2).sum() / w.sum()


def clash_overtopping(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 20) -> dict[str, Any]:
    """The CLASH network on 4096 tests (inputs standardised over them; the CLASH database holds about 10,000);
    held out: 2048 other tests in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(41101)
    x, y, w = _ot_tests(train_size + 2048, gen)
    mu, sd = x[:train_size].mean(0), x[:train_size].std(0)
    x = (x - mu) / sd
    tr = (x[:train_size], y[:train_size], w[:train_size])
    torch.manual_seed(seed)
    return {"model": ClashNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:], w[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": weighted_log_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. travel-mode detection from GPS trajectories with Dabiri & Heaslip's CNN (Adam)

GM_PTS, GM_DT = 64, 2.0


def _gm_segments(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """GPS trajectory segments of 64 points, one every 2 s, each of one mode: walk, bike, bus, car, train. Speed
    follows a target (a mode-specific cruise speed, drawn per segment with wide overlaps; zero during stops) with a
    mode-specific response and fluctuation; stops come at a mode-specific rate (buses at stops, cars at lights and in
    congestion, trains rarely) and last a random time; the heading is a random walk whose step shrinks with speed
    and with the mode's track (trains least). GPS noise on the speed (sd 0.4 m/s) and the heading (sd 3 deg at
    speed, more near a stop). Dabiri & Heaslip's four point features: speed, acceleration, jerk and bearing rate,
    each by finite differences. Returns (features (n, 4, 64), mode)."""
    mode = torch.randint(0, 5, (n,), generator=gen)
    cruise_mu = torch.tensor([1.4, 4.5, 8.0, 12.0, 20.0])[mode]
    cruise_cv = torch.tensor([0.25, 0.3, 0.35, 0.45, 0.3])[mode]
    cruise = cruise_mu * torch.exp(cruise_cv * torch.randn(n, generator=gen))
    respond = torch.tensor([0.6, 0.35, 0.15, 0.25, 0.06])[mode]  # per 2 s
    jitter = torch.tensor([0.25, 0.5, 0.5, 0.7, 0.3])[mode]
    stop_rate = torch.tensor([0.015, 0.02, 0.05, 0.03, 0.008])[mode]
    stop_len = torch.tensor([3.0, 4.0, 8.0, 10.0, 25.0])[mode]
    turn = torch.tensor([25.0, 12.0, 6.0, 7.0, 1.5])[mode]  # heading step sd (deg) at 1 m/s scale
    v = cruise * torch.rand(n, generator=gen)
    head = 360 * torch.rand(n, generator=gen)
    stopped = torch.zeros(n)
    vs, hs = [], []
    for _ in range(GM_PTS):
        start = (torch.rand(n, generator=gen) < stop_rate) & (stopped <= 0)
        stopped = torch.where(start, stop_len * (0.5 + torch.rand(n, generator=gen)), stopped - 1)
        target = torch.where(stopped > 0, torch.zeros(n), cruise)
        v = (v + respond * (target - v) + jitter * torch.randn(n, generator=gen) * (v > 0.2)).clamp_min(0)
        head = head + turn / (1 + 0.5 * v) * torch.randn(n, generator=gen)
        vs.append(v)
        hs.append(head)
    speed = torch.stack(vs, 1) + 0.4 * torch.randn(n, GM_PTS, generator=gen)
    speed = speed.abs()
    heading = torch.stack(hs, 1) + 3 * (1 + 2 / (1 + speed)) * torch.randn(n, GM_PTS, generator=gen)
    acc = torch.diff(speed, dim=1, prepend=speed[:, :1]) / GM_DT
    jerk = torch.diff(acc, dim=1, prepend=acc[:, :1]) / GM_DT
    brate = ((torch.diff(heading, dim=1, prepend=heading[:, :1]) + 180) % 360 - 180) / GM_DT
    return torch.stack([speed, acc, jerk, brate], 1), mode


class ModeCNN(nn.Module):
    """Dabiri & Heaslip's (2018) CNN in miniature: two pairs of 1-d convolutions (width 3, ReLU; ``width`` then
    2 x ``width`` channels; theirs has three pairs of 32, 64 and 128) each followed by max-pooling, dropout 0.5, a
    dense layer of 64 and a linear output over the five modes."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        w = width
        self.conv = nn.Sequential(nn.Conv1d(4, w, 3, padding=1), nn.ReLU(), nn.Conv1d(w, w, 3, padding=1), nn.ReLU(),
                                  nn.MaxPool1d(2), nn.Conv1d(w, 2 * w, 3, padding=1), nn.ReLU(),
                                  nn.Conv1d(2 * w, 2 * w, 3, padding=1), nn.ReLU(), nn.MaxPool1d(2), nn.Flatten())
        self.head = nn.Sequential(nn.Dropout(0.5), nn.Linear(2 * w * GM_PTS // 4, 64), nn.ReLU(), nn.Linear(64, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def mode_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x), y)


def mode_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The mode-detection CNN (width 8) on 4096 segments (features standardised per channel over them); held out:
    8192 other segments in batches of 2048; batch 32; Adam."""
    gen = torch.Generator().manual_seed(41202)
    x, y = _gm_segments(train_size + 8192, gen)
    mu = x[:train_size].mean((0, 2), keepdim=True)
    sd = x[:train_size].std((0, 2), keepdim=True)
    x = (x - mu) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ModeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mode_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. loss reserving with DeepTriangle (Adam with AMSGrad)

DT_YEARS = 10


def _dt_triangles(companies: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Schedule-P-like squares for one line of business: per company an expected loss ratio (log-normal around
    0.7), a payment speed and a case-reserving adequacy; per accident year a loss-ratio shock (AR(1) over the years:
    the underwriting cycle); the cumulative paid pattern a gamma-like CDF of the development year, the reported
    (incurred) pattern faster; case reserves = reported - paid; multiplicative noise on each increment. Returns
    (incremental paid loss ratios, case-reserve ratios), each (companies, 10 accident years, 10 development
    years)."""
    elr = 0.7 * torch.exp(0.2 * torch.randn(companies, 1, generator=gen))
    speed = 0.35 + 0.4 * torch.rand(companies, 1, generator=gen)
    adequacy = 0.8 + 0.4 * torch.rand(companies, 1, generator=gen)
    shocks = [0.15 * torch.randn(companies, generator=gen)]
    for _ in range(DT_YEARS - 1):
        shocks.append(0.6 * shocks[-1] + 0.12 * torch.randn(companies, generator=gen))
    ult = elr * torch.exp(torch.stack(shocks, 1))  # companies, accident years
    d = torch.arange(1, DT_YEARS + 1).float()
    paid_cdf = 1 - torch.exp(-(speed * d) ** 1.3)  # companies, development years
    rep_cdf = 1 - torch.exp(-(2.2 * speed * d) ** 1.2)
    cum_paid = ult.unsqueeze(2) * paid_cdf.unsqueeze(1)
    inc = torch.diff(cum_paid, dim=2, prepend=torch.zeros(companies, DT_YEARS, 1))
    inc = inc * torch.exp(0.05 * torch.randn(companies, DT_YEARS, DT_YEARS, generator=gen) - 0.00125)
    reported = ult.unsqueeze(2) * rep_cdf.unsqueeze(1) * adequacy.unsqueeze(2)
    case = (reported - inc.cumsum(2)).clamp_min(0) * torch.exp(0.05 * torch.randn(companies, DT_YEARS, DT_YEARS,
                                                                                 generator=gen))
    return inc, case


def _dt_examples(companies: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor, ...]]:
    """DeepTriangle's examples: for each company, accident year i and evaluation lag k (the first k development
    years seen, k = 1..9), the input is the sequence of (incremental paid, case reserves) over those k years
    (scaled, zero-padded to 9 with a mask channel), and the target the next 9 development years' pairs, masked to
    those inside the 10 x 10 square. Training: the cells known at the latest calendar year (the upper-left
    triangle); held out: the future cells (the lower-right triangle, the reserve the actuary is after), from the
    examples at each accident year's latest lag."""
    inc, case = _dt_triangles(companies, gen)
    seq = torch.stack([inc * 4, case * 2], 3)  # companies, AY, dev, 2
    rows_tr, rows_te = [], []
    for i in range(DT_YEARS):
        known = DT_YEARS - i  # development years observed for accident year i
        for k in range(1, DT_YEARS):
            x = torch.zeros(companies, DT_YEARS - 1, 3)
            x[:, :k, :2] = seq[:, i, :k]
            x[:, :k, 2] = 1
            y = torch.zeros(companies, DT_YEARS - 1, 2)
            mask = torch.zeros(companies, DT_YEARS - 1)
            n_next = DT_YEARS - k
            y[:, :n_next] = seq[:, i, k:]
            comp = torch.arange(companies)
            if k < known:
                mask_tr = mask.clone()
                mask_tr[:, : known - k] = 1
                rows_tr.append((x, comp, y, mask_tr))
            if k == known and known < DT_YEARS:
                mask_te = mask.clone()
                mask_te[:, :n_next] = 1
                rows_te.append((x, comp, y, mask_te))
    tr = tuple(torch.cat([r[j] for r in rows_tr]) for j in range(4))
    te = tuple(torch.cat([r[j] for r in rows_te]) for j in range(4))
    return tr, te


class DeepTriangle(nn.Module):
    """DeepTriangle (Kuo 2019) in miniature: a GRU encoder (32 units; theirs 128) over the observed sequence, its
    last state repeated 9 times into a GRU decoder (32), the company's embedding (dimension 8) joined at every step,
    then two heads (a dense ReLU layer of 16 and a ReLU output) for the paid and case-reserve paths. The output
    biases start at the training targets' means (so that no ReLU output starts dead)."""

    def __init__(self, companies: int, hidden: int = 32, emb: int = 8, start: tuple[float, float] = (0.3, 0.3)) -> None:
        super().__init__()
        self.enc = nn.GRU(3, hidden, batch_first=True)
        self.dec = nn.GRU(hidden, hidden, batch_first=True)
        self.company = nn.Embedding(companies, emb)
        self.paid = nn.Sequential(nn.Linear(hidden + emb, 16), nn.ReLU(), nn.Linear(16, 1), nn.ReLU())
        self.case = nn.Sequential(nn.Linear(hidden + emb, 16), nn.ReLU(), nn.Linear(16, 1), nn.ReLU())
        with torch.no_grad():  # the outputs start at the targets' mean, so no ReLU output starts dead
            self.paid[2].bias.fill_(start[0])
            self.case[2].bias.fill_(start[1])

    def forward(self, x: torch.Tensor, comp: torch.Tensor) -> torch.Tensor:
        _, h = self.enc(x)
        out, _ = self.dec(h[-1].unsqueeze(1).expand(-1, DT_YEARS - 1, -1).contiguous())
        z = torch.cat([out, self.company(comp).unsqueeze(1).expand(-1, DT_YEARS - 1, -1)], 2)
        return torch.cat([self.paid(z), self.case(z)], 2)


def masked_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """DeepTriangle's loss: the MSE of the paid and case-reserve outputs over the cells that exist (masked)."""
    x, comp, y, mask = batch
    err = ((model(x, comp) - y) ** 2).sum(2) * mask
    return err.sum() / mask.sum().clamp_min(1)


def deep_triangle(batch_size: int = 128, seed: int = 0, companies: int = 200) -> dict[str, Any]:
    """DeepTriangle on 200 companies' triangles (9000 training sequences); held out: the same companies' future
    cells (1800 sequences, in batches of 450); batch 128 (theirs is larger); Adam with AMSGrad."""
    gen = torch.Generator().manual_seed(41303)
    tr, te = _dt_examples(companies, gen)
    y, mask = tr[2], tr[3].unsqueeze(2)
    start = ((y * mask).sum((0, 1)) / mask.sum()).tolist()
    torch.manual_seed(seed)
    return {"model": DeepTriangle(companies, start=tuple(start)), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 450),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, amsgrad=True), "adam_amsgrad"),
            "loss_fn": masked_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. automated essay scoring with Taghipour & Ng's CNN-LSTM (RMSprop; long only)

AES_VOCAB, AES_LEN = 400, 32


def _aes_essays(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Student essays as token ids (0 = padding): a latent writing quality q ~ N(0, 1) sets the length (16-32
    tokens), the share of advanced vocabulary (ids 200-299), of misspellings and errors (300-349), of the prompt's
    topic words (350-399, which a good essay also keeps together) and of connectives (ids 1-9, which good essays use
    between sentences); the rest are common words (10-199) with a Zipf-like frequency. The score: a rubric of 1-6
    from q and a second, independent trait (organisation, seen in the connectives) with rater noise (sd 0.5),
    rounded, then scaled to [0, 1] (Taghipour & Ng's scaling). Returns (tokens, scaled scores)."""
    q = torch.randn(n, 1, generator=gen)
    org = torch.randn(n, 1, generator=gen)
    length = (24 + 4 * q + 3 * torch.randn(n, 1, generator=gen)).round().clamp(16, AES_LEN)
    p_adv = torch.sigmoid(-2.2 + 0.9 * q)
    p_err = torch.sigmoid(-2.0 - 0.9 * q)
    p_topic = torch.sigmoid(-2.0 + 0.5 * q)
    p_conn = torch.sigmoid(-2.8 + 0.9 * org)
    u = torch.rand(n, AES_LEN, generator=gen)
    zipf = 1 / torch.arange(1, 191).float()
    common = 10 + torch.multinomial(zipf / zipf.sum(), n * AES_LEN, replacement=True, generator=gen).view(n, AES_LEN)
    adv = torch.randint(200, 300, (n, AES_LEN), generator=gen)
    err = torch.randint(300, 350, (n, AES_LEN), generator=gen)
    topic = torch.randint(350, 400, (n, AES_LEN), generator=gen)
    conn = torch.randint(1, 10, (n, AES_LEN), generator=gen)
    tok = common
    c1 = p_conn
    c2 = c1 + p_topic
    c3 = c2 + p_adv
    c4 = c3 + p_err
    tok = torch.where(u < c4, err, tok)
    tok = torch.where(u < c3, adv, tok)
    tok = torch.where(u < c2, topic, tok)
    tok = torch.where(u < c1, conn, tok)
    pos = torch.arange(AES_LEN).unsqueeze(0)
    tok = torch.where(pos < length, tok, torch.zeros_like(tok))
    score = (3.5 + 1.1 * q + 0.5 * org + 0.5 * torch.randn(n, 1, generator=gen)).round().clamp(1, 6)
    return tok, ((score - 1) / 5).squeeze(1)


class EssayScorer(nn.Module):
    """Taghipour & Ng's (2016) network in miniature: a lookup table (dimension 16; theirs 50), a convolution of
    width 3 (16 filters; theirs 50), an LSTM (16; theirs 300), mean over time of the LSTM's outputs over the
    essay's tokens, dropout 0.5, a linear layer and a sigmoid; the output bias starts at the training mean score
    (as theirs does)."""

    def __init__(self, dim: int = 16, hidden: int = 16, mean_score: float = 0.5) -> None:
        super().__init__()
        self.emb = nn.Embedding(AES_VOCAB, dim, padding_idx=0)
        self.conv = nn.Conv1d(dim, dim, 3, padding=1)
        self.lstm = nn.LSTM(dim, hidden, batch_first=True)
        self.drop = nn.Dropout(0.5)
        self.out = nn.Linear(hidden, 1)
        with torch.no_grad():
            self.out.bias.fill_(math.log(mean_score / (1 - mean_score)))

    def forward(self, tok: torch.Tensor) -> torch.Tensor:
        mask = (tok > 0).float().unsqueeze(2)
        h = self.conv(self.emb(tok).transpose(1, 2)).transpose(1, 2)
        h, _ = self.lstm(h)
        mot = (h * mask).sum(1) / mask.sum(1).clamp_min(1)
        return torch.sigmoid(self.out(self.drop(mot))).squeeze(1)


def score_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """Their loss: the MSE of the scaled scores."""
    tok, y = batch
    return F.mse_loss(model(tok), y)


def essay_scorer(batch_size: int = 32, seed: int = 0, train_size: int = 6144) -> dict[str, Any]:
    """Taghipour & Ng's scorer on 6144 essays (pooled prompts: one ASAP prompt has about 1800); held out: 1024
    other essays in batches of 512; batch 32; RMSprop with rho 0.9 (theirs)."""
    gen = torch.Generator().manual_seed(41404)
    tok, y = _aes_essays(train_size + 1024, gen)
    tr = (tok[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EssayScorer(mean_score=float(y[:train_size].mean())), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9), "rmsprop_alpha0.9"),
            "loss_fn": score_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. grasp synthesis with GG-CNN (Adam)

GG_SIZE = 32


def _gg_scenes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Overhead depth images (32 x 32) of one to three objects on a table: boxes and cylinders (ellipses from above)
    with random centre, orientation, length, width and height, the table's distance and tilt varying, depth noise
    (sd 2 mm scaled) and missing-pixel dropouts. GG-CNN's targets: grasp quality 1 on the central 60% of each
    graspable object's length (objects wider than the gripper's opening, 10 px, get none), the angle across the object
    as cos 2 theta and sin 2 theta there, and the gripper width (scaled by 1/12) there; zero elsewhere. The depth is
    centred per image (GG-CNN's preprocessing). Returns (depth (n, 1, 32, 32), targets (n, 4, 32, 32))."""
    yy, xx = torch.meshgrid(torch.arange(GG_SIZE).float(), torch.arange(GG_SIZE).float(), indexing="ij")
    tilt_x = 0.004 * torch.randn(n, 1, 1, generator=gen)
    tilt_y = 0.004 * torch.randn(n, 1, 1, generator=gen)
    depth = 0.6 + 0.05 * torch.rand(n, 1, 1, generator=gen) + tilt_x * (xx - 16) + tilt_y * (yy - 16)
    depth = depth.expand(n, GG_SIZE, GG_SIZE).clone()
    target = torch.zeros(n, 4, GG_SIZE, GG_SIZE)
    for _ in range(3):
        present = (torch.rand(n, 1, 1, generator=gen) < 0.7).float()
        cx = 6 + 20 * torch.rand(n, 1, 1, generator=gen)
        cy = 6 + 20 * torch.rand(n, 1, 1, generator=gen)
        th = math.pi * torch.rand(n, 1, 1, generator=gen)
        half_len = 4 + 6 * torch.rand(n, 1, 1, generator=gen)
        half_wid = 2 + 4 * torch.rand(n, 1, 1, generator=gen)
        height = 0.02 + 0.08 * torch.rand(n, 1, 1, generator=gen)
        box = torch.rand(n, 1, 1, generator=gen) < 0.5
        u = (xx - cx) * torch.cos(th) + (yy - cy) * torch.sin(th)  # along the object's axis
        v = -(xx - cx) * torch.sin(th) + (yy - cy) * torch.cos(th)  # across it
        inside_box = (u.abs() <= half_len) & (v.abs() <= half_wid)
        inside_ell = (u / half_len) ** 2 + (v / half_wid) ** 2 <= 1
        inside = torch.where(box, inside_box, inside_ell).float() * present
        top = depth - height
        depth = torch.where(inside > 0, torch.minimum(depth, top), depth)
        graspable = (2 * half_wid <= 10).float()
        band = (u.abs() <= 0.6 * half_len).float() * inside * graspable
        grasp_angle = th + math.pi / 2  # across the object
        target[:, 0] = torch.maximum(target[:, 0], band)
        sel = band > 0
        target[:, 1] = torch.where(sel, torch.cos(2 * grasp_angle).expand_as(band), target[:, 1])
        target[:, 2] = torch.where(sel, torch.sin(2 * grasp_angle).expand_as(band), target[:, 2])
        target[:, 3] = torch.where(sel, (2 * half_wid / 12).expand_as(band), target[:, 3])
    depth = depth + 0.002 * torch.randn(n, GG_SIZE, GG_SIZE, generator=gen)
    drop = torch.rand(n, GG_SIZE, GG_SIZE, generator=gen) < 0.02
    depth = torch.where(drop, torch.zeros_like(depth), depth)
    depth = depth - depth.mean((1, 2), keepdim=True)
    return (depth * 10).unsqueeze(1), target


class GGCNN(nn.Module):
    """GG-CNN (Morrison, Corke & Leitner 2018) scaled to 32 x 32 inputs: three strided convolutions (5x5 stride 2,
    16; 3x3 stride 2, 16; 3x3 stride 1, 8), three transposed convolutions back to full size (8, 16, 16), ReLU
    throughout, and four 1x1 output heads (quality, cos 2 theta, sin 2 theta, width)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        w = width
        self.enc = nn.Sequential(nn.Conv2d(1, w, 5, stride=2, padding=2), nn.ReLU(),
                                 nn.Conv2d(w, w, 3, stride=2, padding=1), nn.ReLU(),
                                 nn.Conv2d(w, w // 2, 3, padding=1), nn.ReLU())
        self.dec = nn.Sequential(nn.ConvTranspose2d(w // 2, w // 2, 3, padding=1), nn.ReLU(),
                                 nn.ConvTranspose2d(w // 2, w, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
                                 nn.ConvTranspose2d(w, w, 5, stride=2, padding=2, output_padding=1), nn.ReLU())
        self.heads = nn.Conv2d(w, 4, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.heads(self.dec(self.enc(x)))


def grasp_map_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """GG-CNN's loss: the sum of the MSEs of the quality, cos 2 theta, sin 2 theta and width maps."""
    x, y = batch
    return F.mse_loss(model(x), y, reduction="none").mean((0, 2, 3)).sum()


def ggcnn(batch_size: int = 8, seed: int = 0, train_size: int = 1024, width: int = 16) -> dict[str, Any]:
    """GG-CNN on 1024 depth images; held out: 2048 other images in batches of 512; batch 8 (GG-CNN's); Adam
    (GG-CNN's)."""
    gen = torch.Generator().manual_seed(41505)
    x, y = _gg_scenes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GGCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": grasp_map_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. plant-disease diagnosis from leaf images (SGD with momentum and weight decay)

LD_SIZE = 16
LD_CLASSES = ("healthy", "rust", "early_blight", "powdery_mildew", "mosaic_virus", "bacterial_spot")


def _ld_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Leaf photographs (16 x 16 RGB) in the style of PlantVillage: one leaf (an ellipse with a random orientation,
    size and green, a midrib) on a plain background of random grey-brown, a random illumination and a little sensor
    noise. The disease draws symptoms with a random severity (mild cases are hard): rust many small orange pustules;
    early blight a few larger brown lesions with a yellow halo; powdery mildew diffuse whitish patches; mosaic virus
    a light-green / yellow mottle; bacterial spot many small dark spots. Returns (images, class)."""
    cls = torch.randint(0, 6, (n,), generator=gen)
    yy, xx = torch.meshgrid(torch.linspace(-1, 1, LD_SIZE), torch.linspace(-1, 1, LD_SIZE), indexing="ij")
    th = math.pi * torch.rand(n, 1, 1, generator=gen)
    a = 0.65 + 0.3 * torch.rand(n, 1, 1, generator=gen)
    b = 0.35 + 0.2 * torch.rand(n, 1, 1, generator=gen)
    cx, cy = 0.15 * torch.randn(n, 1, 1, generator=gen), 0.15 * torch.randn(n, 1, 1, generator=gen)
    u = (xx - cx) * torch.cos(th) + (yy - cy) * torch.sin(th)
    v = -(xx - cx) * torch.sin(th) + (yy - cy) * torch.cos(th)
    leaf = ((u / a) ** 2 + (v / b) ** 2 <= 1).float()
    green = torch.stack([0.2 + 0.1 * torch.rand(n, generator=gen), 0.45 + 0.2 * torch.rand(n, generator=gen),
                         0.15 + 0.1 * torch.rand(n, generator=gen)], 1).view(n, 3, 1, 1)
    bg = (0.35 + 0.3 * torch.rand(n, 1, 1, 1, generator=gen)) * torch.tensor([1.0, 0.9, 0.8]).view(1, 3, 1, 1)
    midrib = (v.abs() < 0.04).float() * leaf
    img = leaf.unsqueeze(1) * green * (1 + 0.25 * midrib.unsqueeze(1)) + (1 - leaf.unsqueeze(1)) * bg
    severity = 0.4 + 0.6 * torch.rand(n, generator=gen)

    def spots(count: int, radius: float, colour: tuple[float, float, float], which: int, halo: tuple | None = None,
              soft: bool = False) -> None:
        idx = (cls == which).nonzero().squeeze(1)
        k = len(idx)
        uu, vv, aa, bb, lf = u[idx], v[idx], a[idx], b[idx], leaf[idx]
        sub = img[idx]
        for _ in range(count):
            on = (torch.rand(k, generator=gen) < severity[idx]).float().view(k, 1, 1)
            su = aa * (2 * torch.rand(k, 1, 1, generator=gen) - 1) * 0.8
            sv = bb * (2 * torch.rand(k, 1, 1, generator=gen) - 1) * 0.8
            r = radius * (0.6 + 0.8 * torch.rand(k, 1, 1, generator=gen))
            d2 = ((uu - su) ** 2 + (vv - sv) ** 2) / r**2
            m = (torch.exp(-d2) if soft else (d2 <= 1).float()) * lf * on
            if halo is not None:
                hm = ((d2 > 1) & (d2 <= 2.5)).float() * lf * on
                sub = sub * (1 - 0.6 * hm.unsqueeze(1)) + 0.6 * hm.unsqueeze(1) * torch.tensor(halo).view(1, 3, 1, 1)
            sub = sub * (1 - m.unsqueeze(1)) + m.unsqueeze(1) * torch.tensor(colour).view(1, 3, 1, 1)
        img[idx] = sub

    spots(8, 0.12, (0.8, 0.45, 0.1), 1, soft=True)
    spots(3, 0.2, (0.35, 0.22, 0.1), 2, halo=(0.75, 0.75, 0.2))
    spots(4, 0.25, (0.85, 0.87, 0.82), 3, soft=True)
    spots(6, 0.3, (0.55, 0.7, 0.25), 4, soft=True)
    spots(8, 0.1, (0.12, 0.1, 0.06), 5, soft=True)
    light = 0.7 + 0.6 * torch.rand(n, 1, 1, 1, generator=gen)
    img = img * light * (1 + 0.08 * torch.randn(n, 3, 1, 1, generator=gen))
    img = img + 0.03 * torch.randn(n, 3, LD_SIZE, LD_SIZE, generator=gen)
    return (img - 0.4) / 0.25, cls


class LeafCNN(nn.Module):
    """A small AlexNet-like classifier (Mohanty et al. used AlexNet and GoogLeNet): convolutions 5x5 (8) and 3x3
    (16, 16), each with batch normalisation, ReLU and max-pooling, a dense layer of 64 with dropout 0.5, six
    classes."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        w = width
        self.features = nn.Sequential(nn.Conv2d(3, w, 5, padding=2), nn.BatchNorm2d(w), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(w, 2 * w, 3, padding=1), nn.BatchNorm2d(2 * w), nn.ReLU(),
                                      nn.MaxPool2d(2), nn.Conv2d(2 * w, 2 * w, 3, padding=1), nn.BatchNorm2d(2 * w),
                                      nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
        self.classifier = nn.Sequential(nn.Linear(2 * w * (LD_SIZE // 8) ** 2, 64), nn.ReLU(), nn.Dropout(0.5),
                                        nn.Linear(64, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x))


def leaf_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x), y)


def leaf_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The leaf CNN on 2048 images; held out: 4096 other images in batches of 1024; batch 32; SGD with momentum
    0.9 and weight decay 5e-4 (Mohanty et al.'s, from memory)."""
    gen = torch.Generator().manual_seed(41606)
    x, y = _ld_images(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LeafCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": leaf_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("mode_cnn_adam", mode_cnn, 300, "gps_travel_mode_detection_cnn", "adam", "finite", 32,
      seconds=0.8, start_lr=0.008),
    W("deep_triangle_amsgrad", deep_triangle, 300, "deeptriangle_loss_reserving", "adam_amsgrad", "finite", 128,
      seconds=1.8, start_lr=0.064),
    W("ggcnn_adam", ggcnn, 300, "ggcnn_generative_grasp_maps", "adam", "finite", 8,
      seconds=1.5, start_lr=0.008),
    W("leaf_cnn_sgdm", leaf_cnn, 300, "plant_disease_leaf_image_cnn", "sgd_momentum0.9_wd5e-4", "finite", 32,
      seconds=1.1, start_lr=0.032),
)
LONG = (
    W("clash_overtopping_sgdm@long", clash_overtopping, 3000, "clash_wave_overtopping_ann", "sgd_momentum0.9",
      "finite", 32, seconds=1.5, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("essay_scorer_rmsprop@long", essay_scorer, 3000, "automated_essay_scoring_cnn_lstm", "rmsprop_alpha0.9",
      "finite", 32, seconds=6.0, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("mode_cnn_adam@long", mode_cnn, 3000, "gps_travel_mode_detection_cnn", "adam", "finite", 32,
      dict(train_size=8192, width=16), seconds=9.5, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="mode_cnn_adam"),
    W("leaf_cnn_sgdm@long", leaf_cnn, 3000, "plant_disease_leaf_image_cnn", "sgd_momentum0.9_wd5e-4", "finite", 32,
      dict(train_size=8192), seconds=6.5, start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="leaf_cnn_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam41_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-first exam's workloads")
