"""The forty-seventh exam: six more workload families that neither the suite nor exams 1-46 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam46_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from proteomics and mass
spectrometry, photovoltaics and solar energy, criminology and forensic science, water treatment and wastewater
engineering, typography and document layout, and animal behaviour and ethology (exam 48 was built at the same time
from other domains; its module was not opened). What was checked to make them new, and what was tried and dropped,
is in ``benchmarks/results/exam47/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- peptide retention time with Prosit's retention-time model (Gessulat et al. 2019): a residue embedding, a
  bidirectional GRU encoder, attention pooling over the residues and a dense head to the indexed retention time;
  MSE; tryptic peptides of 7-15 residues whose retention times follow SSRCalc's form (Guo et al.'s retention
  coefficients weighted by position, length, hydrophobic-run and N-terminal-basic corrections) with run-to-run
  scatter; Adam (Prosit's, from memory)
- forensic age estimation from blood DNA methylation with an ANN (as Vidaki et al. 2017; a long plan only): a
  tanh MLP from 256 CpG sites (24 of them age-associated, curved on Horvath's age transform, some saturating) to
  the donor's age; MSE; biological age acceleration, site variation and assay noise; SGD with Nesterov momentum
  0.9 (the author's choice)
- document layout analysis with LayoutLM (Xu et al. 2020) at the text-line level: a text embedding plus
  LayoutLM's 2-d position embeddings (x0, y0, x1, y1, width, height) and a 1-d position embedding, a small
  post-LN transformer encoder, a per-line classifier over title / heading / body / caption / footnote / page
  number; procedurally typeset one- and two-column pages with 4% annotation errors; AdamW with weight decay 0.01
  and gradient clipping at norm 1 (the Hugging Face Trainer's recipe, from memory)
- fish collective motion with Heras et al.'s (2019) attention network: a pair-interaction MLP scores every
  neighbour's effect on the focal fish's turn, an aggregation MLP gives every neighbour an attention weight (a
  softmax over the group), the weighted sum is the logit of a right turn; binary cross-entropy; groups of eight
  fish with a zonal (repulsion / alignment / attraction) rule and speed-, distance- and position-dependent
  attention; Adam (from memory)
- PV power nowcasting from sky images with SUNSET (Sun, Venugopal & Brandt 2019; a long plan only): two stacked
  sky-camera frames through two convolution + max-pool stages, joined with the recent PV output, a dense head
  with dropout 0.4 to the PV output ten minutes ahead; MSE; synthetic fisheye skies with a sun on its daily arc
  and drifting Gaussian clouds; Adam (SUNSET's, from memory)
- an LSTM soft sensor for effluent ammonium in an activated-sludge plant: 12 hours of online signals (inflow,
  influent conductivity, temperature, dissolved oxygen, airflow) to the ammonium analyser's reading; a
  nitrification tank simulated hour by hour (Monod kinetics with oxygen switching and a temperature factor,
  diurnal loads, storms, dissolved-oxygen set-point changes); RMSprop with Keras's defaults (rho 0.9, epsilon
  1e-7; Keras's documentation recommends RMSprop for recurrent networks)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): SUNSET and the
methylation-age ANN (no short plans), Heras et al.'s attention network on 8192 events instead of 4096 (batch 16
instead of 64) and the soft sensor on 10,000 hours instead of 5000.

Of the eight plans, four use plain Adam (Prosit, both attention-network plans, SUNSET), two RMSprop with Keras's
settings (both soft-sensor plans), one AdamW (LayoutLM) and one SGD with Nesterov momentum (the methylation ANN).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam47_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam47/README.md).

    python benchmarks/exam47_workloads.py          # the table
    python benchmarks/exam47_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 47"


# --------------------------------------------------------------------------------------------------------------
# 1. peptide retention time with Prosit's retention-time model (Adam)

PR_MAXLEN = 15
PR_AA = "ACDEFGHIKLMNPQRSTVWY"
# Guo et al.'s (1986) reversed-phase retention coefficients (min, pH 2), in PR_AA's order, from memory
PR_RC = (2.0, 2.6, 0.2, 1.1, 8.1, -0.2, -2.1, 7.4, -2.1, 8.1, 5.5, -0.6, 2.0, 0.0, -0.6, -0.2, 0.6, 5.0, 8.8, 4.5)


def _pr_peptides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tryptic peptides and their indexed retention times. Lengths U{7..15}, residues from a background composition
    with few internal K / R, a C-terminal K or R. The retention time follows SSRCalc's form (Krokhin et al. 2004):
    the sum of the residues' retention coefficients, weighted down at the first three N-terminal positions (0.4,
    0.65, 0.85) and the C-terminal one (0.8), a length correction for short and long peptides, a bonus for runs of
    adjacent hydrophobic residues (helicity-like), a penalty for a basic residue next to the N terminus, and a
    gradient nonlinearity; then 1.5 min of run-to-run scatter. The target is the retention time standardised as
    (t - 23) / 11 (about the pool's mean and sd). Returns (residues (n, 15; 0 pads), retention time)."""
    tg = torch.Generator().manual_seed(47101)
    comp = torch.rand(20, generator=tg) + 0.5
    comp[PR_AA.index("K")] = comp[PR_AA.index("R")] = 0.15
    rc = torch.tensor((0.0,) + PR_RC)
    hyd = torch.zeros(21, dtype=torch.bool)
    hyd[[PR_AA.index(a) + 1 for a in "FILMVWY"]] = True
    basic = torch.zeros(21, dtype=torch.bool)
    basic[[PR_AA.index(a) + 1 for a in "HKR"]] = True
    length = torch.randint(7, PR_MAXLEN + 1, (n,), generator=gen)
    seq = torch.multinomial(comp, n * PR_MAXLEN, replacement=True, generator=gen).view(n, PR_MAXLEN) + 1
    pos = torch.arange(PR_MAXLEN).view(1, -1)
    last = torch.where(torch.rand(n, generator=gen) < 0.5, PR_AA.index("K") + 1, PR_AA.index("R") + 1)
    seq = torch.where(pos == (length - 1).unsqueeze(1), last.unsqueeze(1), seq)
    seq = torch.where(pos < length.unsqueeze(1), seq, torch.zeros_like(seq))
    weight = torch.ones(n, PR_MAXLEN)
    weight[:, :3] = torch.tensor([0.4, 0.65, 0.85])
    weight = torch.where(pos == (length - 1).unsqueeze(1), torch.full_like(weight, 0.8), weight)
    raw = (rc[seq] * weight).sum(1)
    h = hyd[seq]
    run = (h[:, 1:] & h[:, :-1]).float().sum(1) + 0.5 * (h[:, 2:] & h[:, 1:-1] & h[:, :-2]).float().sum(1)
    raw = raw + 1.2 * run - 2.5 * basic[seq[:, :2]].any(1).float()
    lf = length.float()
    raw = raw * (1 - 0.03 * (10 - lf).clamp_min(0) - 0.012 * (lf - 12).clamp_min(0))
    rt = 60 * torch.tanh(raw / 60) + 1.5 * torch.randn(n, generator=gen)
    return seq, (rt - 23.0) / 11.0


class PrositRT(nn.Module):
    """Prosit's retention-time model (Gessulat et al. 2019) in miniature: a residue embedding (16), a bidirectional
    GRU encoder (Prosit's has 256 units and a second, 512-unit GRU on top; here one layer of 16 each way),
    attention pooling over the residues (a learned score per position, masked softmax), a dense ReLU layer with
    dropout 0.1 and a linear output."""

    def __init__(self, emb: int = 16, hidden: int = 16, dropout: float = 0.1) -> None:
        super().__init__()
        self.emb = nn.Embedding(len(PR_AA) + 1, emb, padding_idx=0)
        self.enc = nn.GRU(emb, hidden, batch_first=True, bidirectional=True)
        self.att = nn.Linear(2 * hidden, 1)
        self.head = nn.Sequential(nn.Linear(2 * hidden, 32), nn.ReLU(), nn.Dropout(dropout), nn.Linear(32, 1))

    def forward(self, seq: torch.Tensor) -> torch.Tensor:
        h, _ = self.enc(self.emb(seq))
        score = self.att(torch.tanh(h)).squeeze(2).masked_fill(seq == 0, -1e9)
        code = (torch.softmax(score, 1).unsqueeze(2) * h).sum(1)
        return self.head(code).squeeze(1)


def rt_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The MSE of the standardised retention time (Prosit's RT loss, from memory)."""
    seq, rt = batch
    return F.mse_loss(model(seq), rt)


def prosit_rt(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """Prosit's RT model on 2048 peptides; held out: 2048 other peptides in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(47102)
    s, y = _pr_peptides(train_size + 2048, gen)
    tr = (s[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PrositRT(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": rt_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. forensic age estimation from DNA methylation with an ANN (SGD with Nesterov momentum; long only)

DM_CPG, DM_AGE = 256, 24


def _dm_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Blood samples of donors aged U[18, 85] measured at 256 CpG sites of a methylation array, 24 of them
    age-associated (as a forensic marker panel: Vidaki et al. used 23 CpGs of 16 genes) and the rest nearly flat
    with age. Each site has a fixed trajectory on the logit scale: a baseline, a slope (rising or falling) and a
    curvature on Horvath's age transform (logarithmic before 20, linear after), for a third of the sites
    saturating at old age; each donor has a biological age acceleration (sd 0.5 years, shared by all sites) and
    site-level biological variation (sd 0.15 logit); the assay adds noise of sd 0.015 in methylation fraction
    (beta). Returns (beta values centred at 0.5 and scaled x4, age (standardised: (age - 50) / 20))."""
    tg = torch.Generator().manual_seed(47201)
    base = 1.5 * torch.randn(DM_CPG, generator=tg)
    slope = (0.6 + 0.8 * torch.rand(DM_CPG, generator=tg)) * torch.where(torch.rand(DM_CPG, generator=tg) < 0.5, -1, 1)
    slope[DM_AGE:] = 0.05 * torch.randn(DM_CPG - DM_AGE, generator=tg)
    sat = torch.rand(DM_CPG, generator=tg) < 0.33
    curv = 0.6 * torch.randn(DM_CPG, generator=tg)
    curv[DM_AGE:] = 0.0
    age = 18 + 67 * torch.rand(n, generator=gen)
    bio = age + 0.5 * torch.randn(n, generator=gen)
    f = torch.where(bio < 20, torch.log((bio.clamp_min(1) + 1) / 21) + 1, (bio - 20) / 21 + 1).unsqueeze(1)
    f = torch.where(sat.unsqueeze(0), 2.5 * torch.tanh(f / 2.5), f)
    logit = base + slope * (f - 2) + curv * (f - 2) ** 2 + 0.15 * torch.randn(n, DM_CPG, generator=gen)
    beta = torch.sigmoid(logit) + 0.015 * torch.randn(n, DM_CPG, generator=gen)
    return 4 * (beta.clamp(0, 1) - 0.5), (age - 50) / 20


class MethylationAgeANN(nn.Module):
    """A feed-forward age predictor from CpG methylation (as Vidaki et al. 2017's forensic age ANN): two tanh
    hidden layers of 32 units, a linear output."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(DM_CPG, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, beta: torch.Tensor) -> torch.Tensor:
        return self.net(beta).squeeze(1)


def age_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The MSE of the standardised age (1.0 = (20 years)^2)."""
    beta, age = batch
    return F.mse_loss(model(beta), age)


def methylation_age(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The age ANN on 4096 donors; held out: 2048 other donors in batches of 1024; SGD with Nesterov momentum 0.9
    (the author's choice for a plain back-propagation network; Vidaki et al.'s training algorithm is not
    reproduced)."""
    gen = torch.Generator().manual_seed(47202)
    x, y = _dm_samples(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MethylationAgeANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": age_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. document layout analysis with LayoutLM at the text-line level (AdamW)

LM_LINES, LM_VOCAB, LM_BINS = 32, 100, 64
LM_ROLES = ("title", "heading", "body", "caption", "footnote", "page_number")
# lead-word ids: 1-12 numbers ("1", "2.", "3.1", ...), 13 "Figure", 14 "Fig.", 15 "Table", 16 a footnote mark,
# 17-20 "Abstract", "Introduction", "Conclusion", "References", 21-99 other words


def _lm_page(u: Any) -> list[tuple[int, float, float, float, float, int]]:
    """One procedurally typeset page (coordinates 0-1000, LayoutLM's): ``u`` yields uniforms. Margins, a body size
    of 10-15 units, one column (60%) or two; a title of one or two centred lines on half of the pages; then
    headings (numbered in 70%), paragraphs of 2-7 lines (first line indented in half, a short last line) and
    figures (blank space) with centred captions (led by "Figure" / "Fig." / "Table" in 80%), column by column; a
    footnote of one or two small lines at the foot in 35%, a page number in 80%. Every box jittered by 2 units.
    Returns the lines in reading order: (lead word, x0, y0, x1, y1, role)."""
    nxt = lambda: next(u)  # noqa: E731
    lines: list[tuple[int, float, float, float, float, int]] = []

    def word(role: int) -> int:
        r = nxt()
        if role == 1:
            return 1 + int(12 * nxt()) if r < 0.7 else (17 + int(4 * nxt()) if r < 0.85 else 21 + int(79 * nxt()))
        if role == 2:
            return 1 + int(12 * nxt()) if r < 0.05 else 21 + int(79 * nxt())
        if role == 3:
            return 13 + int(3 * nxt()) if r < 0.8 else 21 + int(79 * nxt())
        if role == 4:
            return 16 if r < 0.5 else (1 + int(12 * nxt()) if r < 0.8 else 21 + int(79 * nxt()))
        if role == 5:
            return 1 + int(12 * nxt())
        return 21 + int(79 * nxt())

    def add(role: int, x0: float, y0: float, x1: float, h: float) -> None:
        j = [4 * (nxt() - 0.5) for _ in range(4)]
        lines.append((word(role), x0 + j[0], y0 + j[1], x1 + j[2], y0 + h + j[3], role))

    bs = 10 + 5 * nxt()
    ml, mr, mt, mb = 70 + 60 * nxt(), 930 - 60 * nxt(), 50 + 40 * nxt(), 950 - 40 * nxt()
    two = nxt() < 0.4
    y = mt
    if nxt() < 0.5:
        ts = bs * (1.8 + 0.8 * nxt())
        for _ in range(1 + int(nxt() < 0.4)):
            w = (mr - ml) * (0.4 + 0.5 * nxt())
            add(0, (ml + mr - w) / 2, y, (ml + mr + w) / 2, ts)
            y += ts * 1.2
        y += bs * (1 + 2 * nxt())
    foot = nxt() < 0.35
    nfoot = 1 + int(nxt() < 0.4)
    fs = bs * (0.7 + 0.15 * nxt())
    page_no = nxt() < 0.8
    bottom = mb - 30 - (nfoot * fs * 1.2 + 15 if foot else 0)
    cols = [(ml, (ml + mr) / 2 - 12), ((ml + mr) / 2 + 12, mr)] if two else [(ml, mr)]
    top = y
    for c0, c1 in cols:
        y, last = top, -1
        cw = c1 - c0
        while True:
            r = nxt()
            if r < 0.15 and last != 1:
                h = bs * (1.1 + 0.4 * nxt())
                y += bs * (0.8 + 0.7 * nxt())
                if y + h > bottom:
                    break
                add(1, c0, y, c0 + cw * (0.2 + 0.4 * nxt()), h)
                y += h * 1.3
                last = 1
            elif r < 0.3:
                fh = 120 + 180 * nxt()
                cs = bs * (0.8 + 0.15 * nxt())
                ncap = 1 + int(nxt() < 0.4)
                if y + fh + ncap * cs * 1.2 > bottom:
                    break
                y += fh
                for _ in range(ncap):
                    w = cw * (0.5 + 0.5 * nxt())
                    add(3, c0 + (cw - w) / 2, y, c0 + (cw + w) / 2, cs)
                    y += cs * 1.2
                y += bs
                last = 3
            else:
                k = 2 + int(6 * nxt())
                lead = 10 + 15 * nxt() if nxt() < 0.5 else 0.0
                step = bs * (1.15 + 0.15 * nxt())
                stop = False
                for i in range(k):
                    if y + bs > bottom:
                        stop = True
                        break
                    x1 = c1 if i < k - 1 else c0 + cw * (0.2 + 0.75 * nxt())
                    add(2, c0 + (lead if i == 0 else 0.0), y, x1, bs)
                    y += step
                y += bs * 0.5
                last = 2
                if stop:
                    break
    if foot:
        y = mb - 30 - nfoot * fs * 1.2
        for _ in range(nfoot):
            add(4, ml, y, ml + (mr - ml) * (0.3 + 0.7 * nxt()), fs)
            y += fs * 1.2
    if page_no:
        h = bs * (0.85 + 0.15 * nxt())
        w = 8 + 20 * nxt()
        x = (ml + mr) / 2 - w / 2 if nxt() < 0.6 else (mr - w if nxt() < 0.5 else ml)
        add(5, x, mb - 10, x + w, h)
    if len(lines) > LM_LINES:  # keep the page's head and foot: drop body lines from the middle
        head, tail = lines[: LM_LINES - 4], lines[-4:]
        lines = head + tail
    return lines


@lru_cache(maxsize=4)
def _lm_pages(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` pages as LayoutLM's inputs: per line its lead word, x0, y0, x1, y1 (in 64 bins of the 0-1000 page),
    its height (units) and width (bins), and its role (-100 pads); 4% of the lines carry a random role (annotation
    errors). Pages of more than 32 lines keep their first 28 and last 4. Returns (tokens (n, 32, 7), roles (n,
    32))."""
    gen = torch.Generator().manual_seed(seed)
    uniforms = torch.rand(n, 1200, generator=gen).tolist()
    flip = torch.rand(n, LM_LINES, generator=gen).tolist()  # 4% of the lines get a random role (annotation errors)
    tokens = torch.zeros(n, LM_LINES, 7, dtype=torch.long)
    roles = torch.full((n, LM_LINES), -100, dtype=torch.long)
    for i in range(n):
        page = _lm_page(iter(uniforms[i]))
        for j, (wd, x0, y0, x1, y1, role) in enumerate(page):
            box = [min(max(int(v / 1000 * LM_BINS), 0), LM_BINS - 1) for v in (x0, y0, x1, y1)]
            hb = min(max(int(y1 - y0), 0), LM_BINS - 1)
            wb = min(max(int((x1 - x0) / 1000 * LM_BINS), 0), LM_BINS - 1)
            tokens[i, j] = torch.tensor([wd] + box + [hb, wb])
            roles[i, j] = role if flip[i][j] >= 0.04 else int(6 * flip[i][j] / 0.04)
    return tokens, roles


class LayoutLM(nn.Module):
    """LayoutLM (Xu et al. 2020) in miniature, at the text-line level: the sum of a text embedding (the line's lead
    word), LayoutLM's 2-d position embeddings (x0 and x1 share a table, y0 and y1 another, plus height and width)
    and a 1-d position embedding, layer-normalised; a post-LN transformer encoder (BERT's) of 2 layers, width 32,
    4 heads, GELU, dropout 0.1; a linear token classifier."""

    def __init__(self, d: int = 32, layers: int = 2, heads: int = 4, ff: int = 64, dropout: float = 0.1) -> None:
        super().__init__()
        self.word = nn.Embedding(LM_VOCAB, d, padding_idx=0)
        self.x = nn.Embedding(LM_BINS, d)
        self.y = nn.Embedding(LM_BINS, d)
        self.h = nn.Embedding(LM_BINS, d)
        self.w = nn.Embedding(LM_BINS, d)
        self.pos = nn.Embedding(LM_LINES, d)
        self.norm = nn.LayerNorm(d)
        self.drop = nn.Dropout(dropout)
        layer = nn.TransformerEncoderLayer(d, heads, ff, dropout, activation="gelu", batch_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.cls = nn.Linear(d, len(LM_ROLES))

    def forward(self, tok: torch.Tensor) -> torch.Tensor:
        e = (self.word(tok[..., 0]) + self.x(tok[..., 1]) + self.y(tok[..., 2]) + self.x(tok[..., 3])
             + self.y(tok[..., 4]) + self.h(tok[..., 5]) + self.w(tok[..., 6]) + self.pos.weight.unsqueeze(0))
        h = self.enc(self.drop(self.norm(e)), src_key_padding_mask=tok[..., 0] == 0)
        return self.cls(h)


def line_role_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The token-classification cross-entropy over the page's lines (padding ignored)."""
    tok, role = batch
    return F.cross_entropy(model(tok).flatten(0, 1), role.flatten(), ignore_index=-100)


class ClippedAdamW(torch.optim.AdamW):
    """AdamW that clips the global gradient norm to 1 before each step, as the Hugging Face Trainer does by default
    (``max_grad_norm=1.0``)."""

    def step(self, closure: Any = None) -> Any:
        nn.utils.clip_grad_norm_([p for g in self.param_groups for p in g["params"]], 1.0)
        return super().step(closure)


def layoutlm(batch_size: int = 8, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """LayoutLM on 2048 typeset pages; held out: 512 other pages in batches of 256; AdamW with weight decay 0.01
    and gradient clipping at norm 1 (the Hugging Face Trainer's recipe; batch 8, as LayoutLM's FUNSD fine-tuning
    examples use small batches; from memory)."""
    tok, role = _lm_pages(train_size + 512, 47302)
    tr = (tok[:train_size], role[:train_size])
    torch.manual_seed(seed)
    return {"model": LayoutLM(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], role[train_size:]), 256),
            "optimizer": _named(lambda params, lr: ClippedAdamW(params, lr=lr, weight_decay=0.01),
                                "adamw_wd0.01_clip1"),
            "loss_fn": line_role_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. fish collective motion with Heras et al.'s attention network (Adam)

HR_NEIGH = 7


def _hr_events(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Turning decisions of a focal fish in a group of eight (body lengths, BL; the focal at the origin heading +y):
    neighbours at distances 0.6-5.6 BL (denser close by), all around; headings within about 35 degrees of the
    focal's (a polarised group); log-normal speeds. The focal turns right with probability sigmoid(10 S), S the
    attention-weighted mean over neighbours of a zonal pair term (away from a neighbour closer than 1.5 BL, towards
    a farther one, more strongly when the focal swims slowly, plus alignment with the neighbour's heading fading
    with distance); the attention favours close, fast, frontal neighbours. Returns (per-neighbour inputs (n, 7, 5:
    focal speed, the neighbour's relative x, y, vx, vy), turned right (0 / 1))."""
    k = HR_NEIGH
    d = 0.6 + 5.0 * torch.rand(n, k, generator=gen) ** 1.5
    ang = 2 * math.pi * torch.rand(n, k, generator=gen)
    x, y = d * torch.sin(ang), d * torch.cos(ang)
    vf = torch.exp(0.3 * torch.randn(n, 1, generator=gen))
    th = 0.6 * torch.randn(n, k, generator=gen)
    vj = torch.exp(0.3 * torch.randn(n, k, generator=gen))
    vx, vy = vj * torch.sin(th), vj * torch.cos(th)
    pair = (x / d) * torch.tanh(1.2 * (d - 1.5)) * (1 + 0.5 / vf) + 0.8 * torch.sin(th) * torch.exp(-d / 4)
    att = torch.softmax(-0.7 * d + 1.0 * torch.log(vj) + 0.7 * (y > 0).float(), 1)
    s = (att * pair).sum(1)
    right = (torch.rand(n, generator=gen) < torch.sigmoid(10 * s)).float()
    feats = torch.stack([vf.expand(n, k), x, y, vx, vy], 2)
    return feats, right


class AttentionNetwork(nn.Module):
    """Heras et al.'s (2019) attention network: a pair-interaction subnetwork maps (focal speed, a neighbour's
    relative position and velocity) to that neighbour's effect on the turn (a logit), an aggregation subnetwork
    maps the same inputs to an attention logit, softmax-normalised over the neighbours; the turn logit is the
    attention-weighted sum. Their subnetworks have 128-unit layers; here two layers of 32."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()

        def mlp() -> nn.Module:
            return nn.Sequential(nn.Linear(5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

        self.pair, self.aggregation = mlp(), mlp()

    def forward(self, feats: torch.Tensor) -> torch.Tensor:
        w = torch.softmax(self.aggregation(feats).squeeze(2), 1)
        return (w * self.pair(feats).squeeze(2)).sum(1)


def turn_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the turn (right / left)."""
    feats, right = batch
    return F.binary_cross_entropy_with_logits(model(feats), right)


def heras_attention(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The attention network on 4096 turning events; held out: 4096 other events in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(47402)
    x, y = _hr_events(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AttentionNetwork(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": turn_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. PV power nowcasting from sky images with SUNSET (Adam; long only)

SS_PIX, SS_BLOBS, SS_AHEAD = 16, 6, 10.0


def _ss_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sky-camera frames and PV output. A fisheye view of 16 x 16 pixels: a blue sky with circumsolar brightening
    and a saturated sun disc on its daily arc (hour U[7, 17], peak elevation 60 degrees); up to six Gaussian clouds
    (cloudiness U[0, 1] sets how many; sizes, optical depths) drifting with one wind (0-0.06 image units a
    minute, any direction), whiter near the sun; frames at t - 2 min and t. PV output (normalised): the clear-sky
    output sin(elevation)^1.15 times 0.25 + 0.75 exp(-1.5 x the clouds' optical depth at the sun), with 1% sensor
    noise. Returns (frames (n, 6, 16, 16), PV at t - 2 and t, PV at t + 10 min)."""
    g = torch.linspace(-1, 1, SS_PIX)
    py, px = torch.meshgrid(g, g, indexing="ij")
    p = torch.stack([px, py], 0).view(1, 2, SS_PIX, SS_PIX)
    hour = 7 + 10 * torch.rand(n, generator=gen)
    cloudy = torch.rand(n, 1, generator=gen)
    present = (torch.rand(n, SS_BLOBS, generator=gen) < cloudy).float()
    centre = 3.2 * torch.rand(n, SS_BLOBS, 2, generator=gen) - 1.6
    size = 0.15 + 0.25 * torch.rand(n, SS_BLOBS, generator=gen)
    depth = present * (0.4 + 0.6 * torch.rand(n, SS_BLOBS, generator=gen))
    wdir = 2 * math.pi * torch.rand(n, generator=gen)
    wspd = 0.06 * torch.rand(n, generator=gen)
    wind = torch.stack([wspd * torch.cos(wdir), wspd * torch.sin(wdir)], 1)

    def sun(minutes: float) -> tuple[torch.Tensor, torch.Tensor]:
        h = hour + minutes / 60
        elev = math.radians(60) * torch.sin(math.pi * (h - 6) / 12).clamp_min(0.02)
        az = math.pi * (h - 6) / 12
        r = 1 - elev / (math.pi / 2)
        return torch.stack([r * torch.cos(az), -0.8 * r * torch.sin(az)], 1), torch.sin(elev) ** 1.15

    def depth_at(q: torch.Tensor, minutes: float) -> torch.Tensor:  # q: n, 2, ... points
        c = centre + wind.unsqueeze(1) * minutes  # n, B, 2
        extra = q.dim() - 2
        c = c.view(n, SS_BLOBS, 2, *([1] * extra))
        dist2 = ((q.unsqueeze(1) - c) ** 2).sum(2)
        s = size.view(n, SS_BLOBS, *([1] * extra))
        return (depth.view(n, SS_BLOBS, *([1] * extra)) * torch.exp(-dist2 / (2 * s**2))).sum(1)

    def frame(minutes: float) -> torch.Tensor:
        s_xy, _ = sun(minutes)
        tau = depth_at(p.expand(n, -1, -1, -1), minutes)
        alpha = 1 - torch.exp(-1.5 * tau)
        ds2 = ((p - s_xy.view(n, 2, 1, 1)) ** 2).sum(1)
        glow = torch.exp(-ds2 / 0.02)
        sky = torch.stack([0.35 + 0.6 * glow, 0.55 + 0.45 * glow, 0.9 + 0.1 * glow], 1).clamp_max(1)
        sky = torch.where((ds2 < 0.015).unsqueeze(1), torch.ones_like(sky), sky)
        cloud = (0.75 + 0.25 * torch.exp(-ds2 / 0.08)).unsqueeze(1).expand(-1, 3, -1, -1)
        img = (1 - alpha.unsqueeze(1)) * sky + alpha.unsqueeze(1) * cloud
        return img * ((p ** 2).sum(1, keepdim=True) <= 1.0).float()

    def pv(minutes: float) -> torch.Tensor:
        s_xy, clear = sun(minutes)
        tau = depth_at(s_xy, minutes)
        return clear * (0.25 + 0.75 * torch.exp(-1.5 * tau)) + 0.01 * torch.randn(n, generator=gen)

    frames = torch.cat([frame(-2.0), frame(0.0)], 1)
    hist = torch.stack([pv(-2.0), pv(0.0)], 1)
    return frames, hist, pv(SS_AHEAD)


class SUNSET(nn.Module):
    """SUNSET (Sun, Venugopal & Brandt 2019) in miniature: the stacked frames through two convolution (3 x 3) +
    ReLU + 2 x 2 max-pool stages (8 and 16 channels; SUNSET's 24 and 48, with batch norm, which is left out here:
    its running statistics made held-out predictions worse than training ones), flattened and joined with
    the PV history (standardised), two dense ReLU layers of 256 (SUNSET's 1024) with dropout 0.4, a linear
    output."""

    def __init__(self, width: int = 8, hidden: int = 256) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(6, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * (SS_PIX // 4) ** 2 + 2, hidden), nn.ReLU(), nn.Dropout(0.4),
                                  nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(0.4), nn.Linear(hidden, 1))

    def forward(self, frames: torch.Tensor, hist: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(frames), (hist - 0.6) / 0.2], 1)).squeeze(1)


def pv_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The MSE of the PV output ten minutes ahead (normalised output, times 100: % of the peak squared / 100)."""
    frames, hist, y = batch
    return 100 * F.mse_loss(model(frames, hist), y)


def sunset(batch_size: int = 16, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """SUNSET on 8192 (frames, PV) samples; held out: 2048 other samples in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(47502)
    f, h, y = _ss_samples(train_size + 2048, gen)
    tr = (f[:train_size], h[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SUNSET(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], h[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pv_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. an LSTM soft sensor for effluent ammonium in activated sludge (RMSprop)

WW_HOURS, WW_WINDOW = 12000, 12


@lru_cache(maxsize=1)
def _ww_series() -> tuple[torch.Tensor, torch.Tensor]:
    """An activated-sludge plant's nitrification tank, simulated hour by hour (four Euler steps an hour) for 500
    days: inflow with a diurnal and weekly pattern and storms (about one every five days, x1.5-3 decaying over
    6-24 h); influent ammonium from a diurnal load diluted by the flow (about 35 mg N/L dry weather); the water
    temperature's seasonal cycle (9-21 C), cooled by storms; dissolved-oxygen set points (0.8-2.5 mg/L) changed
    every three days or so, with control noise; the effluent ammonium S from dS/dt = Q/V (S_in - S) - r_max
    1.09^(T - 20) S / (1 + S) DO / (0.5 + DO), hydraulic retention 8 h. Online signals: inflow, influent
    conductivity (tracks the ammonium), temperature, dissolved oxygen and airflow (the oxygen demand over the
    oxygen deficit), each with sensor noise; the ammonium analyser reads S with 0.1 mg/L noise. Returns (signals
    (hours, 5), analyser (hours))."""
    g = torch.Generator().manual_seed(47601)
    t = torch.arange(WW_HOURS).float()
    hour, day = t % 24, t // 24
    diurnal = 1 + 0.3 * torch.sin(2 * math.pi * (hour - 9) / 24) + 0.1 * torch.sin(4 * math.pi * (hour - 6) / 24)
    load_d = 1 + 0.45 * torch.sin(2 * math.pi * (hour - 11) / 24) + 0.1 * torch.sin(4 * math.pi * (hour - 8) / 24)
    weekly = torch.where(day % 7 >= 5, 0.93, 1.0)
    n_storm = int(WW_HOURS / 120)
    t0 = WW_HOURS * torch.rand(n_storm, generator=g)
    amp = 0.5 + 1.5 * torch.rand(n_storm, generator=g)
    tau = 6 + 18 * torch.rand(n_storm, generator=g)
    dt = t.view(-1, 1) - t0.view(1, -1)
    rain = (amp * torch.exp(-dt.clamp_min(0) / tau) * (dt >= 0)).sum(1)
    q = diurnal * weekly * (1 + rain) * torch.exp(0.03 * torch.randn(WW_HOURS, generator=g))
    s_in = 35 * load_d * weekly / q.clamp_min(0.2) * (diurnal * weekly)
    temp = 15 + 6 * torch.sin(2 * math.pi * (day - 120) / 365) - 0.8 * rain.clamp_max(2)
    sp_levels = torch.tensor([0.8, 1.2, 1.6, 2.0, 2.5])
    switch = torch.rand(WW_HOURS, generator=g) < 1 / 72
    choice = sp_levels[torch.randint(0, 5, (WW_HOURS,), generator=g)]
    sp, do, cur = [], [], float(choice[0])
    noise = (0.15 * torch.randn(WW_HOURS, generator=g)).tolist()
    e = 0.0
    for i in range(WW_HOURS):
        if bool(switch[i]):
            cur = float(choice[i])
        e = 0.7 * e + noise[i]
        sp.append(cur)
        do.append(max(0.2, cur + e))
    do_t = torch.tensor(do)
    s, s_out, rate_out = 2.0, [], []
    qs, sins, temps = q.tolist(), s_in.tolist(), temp.tolist()
    for i in range(WW_HOURS):
        r_max = 12.0 * 1.09 ** (temps[i] - 20) * do[i] / (0.5 + do[i])
        rate = 0.0
        for _ in range(4):
            rate = r_max * s / (1 + s)
            s = max(0.0, s + 0.25 * (qs[i] / 8 * (sins[i] - s) - rate))
        s_out.append(s)
        rate_out.append(rate)
    s_t, rate_t = torch.tensor(s_out), torch.tensor(rate_out)
    demand = 4.57 * rate_t + 0.35 * 35 * load_d * weekly / 8 * 4
    do_sat = 14.6 - 0.39 * temp + 0.007 * temp**2
    air = demand / (do_sat - do_t) * torch.exp(0.04 * torch.randn(WW_HOURS, generator=g))
    cond = 400 + 12 * s_in + 30 * torch.randn(WW_HOURS, generator=g)
    signals = torch.stack([q * (1 + 0.02 * torch.randn(WW_HOURS, generator=g)), cond,
                           temp + 0.2 * torch.randn(WW_HOURS, generator=g),
                           do_t + 0.05 * torch.randn(WW_HOURS, generator=g), air], 1)
    return signals, s_t + 0.1 * torch.randn(WW_HOURS, generator=g)


def _ww_windows(train_hours: int) -> tuple[tuple[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]:
    """Windows of the last 12 hours of signals (standardised on the training period) with the analyser's reading at
    the window's last hour (standardised); training: the ``train_hours`` hours before the last 2000; held out: the
    last 2000 hours (12 weeks)."""
    x, y = _ww_series()
    end = WW_HOURS - 2000
    first = end - train_hours
    mu, sd = x[first:end].mean(0), x[first:end].std(0)
    ym, ys = y[first:end].mean(), y[first:end].std()
    x, y = (x - mu) / sd, (y - ym) / ys
    idx = torch.arange(first + WW_WINDOW - 1, WW_HOURS)
    win = torch.stack([x[i - WW_WINDOW + 1 : i + 1] for i in idx.tolist()])
    tgt = y[idx]
    n = train_hours - WW_WINDOW + 1
    return (win[:n], tgt[:n]), (win[n:], tgt[n:])


class SoftSensorLSTM(nn.Module):
    """An LSTM soft sensor: one LSTM layer (16 units) over the window, a dense output from its last state."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(5, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.out(h[:, -1]).squeeze(1)


def ammonium_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The MSE of the standardised ammonium reading."""
    x, y = batch
    return F.mse_loss(model(x), y)


def soft_sensor(batch_size: int = 32, seed: int = 0, train_hours: int = 5000, hidden: int = 16) -> dict[str, Any]:
    """The LSTM soft sensor trained on the 5000 hours (about 30 weeks; 4989 windows) before the last 2000; held
    out: the last 2000 hours (2000 windows) in batches of 500; RMSprop with Keras's defaults (rho 0.9, epsilon
    1e-7)."""
    tr, te = _ww_windows(train_hours)
    torch.manual_seed(seed)
    return {"model": SoftSensorLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 500),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7),
                                "rmsprop_keras"),
            "loss_fn": ammonium_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("prosit_rt_adam", prosit_rt, 300, "prosit_peptide_retention_time_bigru_attention", "adam", "finite", 32,
      seconds=1.5, start_lr=0.032),
    W("layoutlm_adamw", layoutlm, 300, "layoutlm_text_line_role_classification", "adamw_wd0.01_clip1", "finite", 8,
      seconds=2.2, start_lr=0.008),
    W("heras_attention_adam", heras_attention, 300, "heras_attention_network_fish_collective_turning", "adam",
      "finite", 64, seconds=0.6, start_lr=0.032),
    W("soft_sensor_rmsprop", soft_sensor, 300, "lstm_soft_sensor_effluent_ammonium_activated_sludge",
      "rmsprop_keras", "finite", 32, seconds=0.3, start_lr=0.032),
)
LONG = (
    W("sunset_adam@long", sunset, 3000, "sunset_sky_image_pv_nowcasting_cnn", "adam", "finite", 16,
      seconds=9.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("methylation_age_nesterov@long", methylation_age, 3000, "forensic_dna_methylation_age_ann",
      "sgd_nesterov0.9", "finite", 32, seconds=1.6, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("heras_attention_adam@long", heras_attention, 3000, "heras_attention_network_fish_collective_turning", "adam",
      "finite", 16, dict(train_size=8192), seconds=3.5, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="heras_attention_adam"),
    W("soft_sensor_rmsprop@long", soft_sensor, 3000, "lstm_soft_sensor_effluent_ammonium_activated_sludge",
      "rmsprop_keras", "finite", 32, dict(train_hours=10000), seconds=3.0, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="soft_sensor_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam47_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-seventh exam's workloads")
