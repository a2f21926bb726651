"""The forty-fourth exam: six more workload families that neither the suite nor exams 1-42 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam42_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from quantum error correction,
meteorology (satellite intensity estimation of tropical cyclones), batteries (capacity estimation from a partial
charge), game AI (modelling a poker opponent), library and information science (matching bibliographic records)
and human motion (a phase-functioned network for locomotion). Exam 43 was built at the same time from
other domains; its module was not opened. What was checked to make them new, and what was tried and dropped, is
in ``benchmarks/results/exam44/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- a neural decoder for the toric code (Krastanov & Jiang 2017, "Deep neural network probabilistic decoder for
  stabilizer codes"): a tanh MLP from the 50 star and plaquette syndrome bits of a distance-5 toric code (centred
  and scaled, their ``normcenterstab``) to the probability that each of the 50 qubits had an X and a Z flip; the
  mean binary cross-entropy against the flips; depolarising noise; NAdam (their Keras ``Nadam``)
- tropical-cyclone intensity from infrared satellite imagery with a CNN (as Pradhan et al. 2018 and Chen et al.
  2019 automate the Dvorak technique): 24 x 24 brightness-temperature images of synthetic storms (a cold central
  dense overcast, an eye that clears and warms with intensity, spiral bands, shear asymmetry, a mis-centred fix)
  to the maximum sustained wind; MSE of the scaled wind; Adam (from memory)
- poker opponent modelling with a neural net (Davidson, Billings, Schaeffer & Szafron 2000, the University of
  Alberta poker programs): a one-hidden-layer sigmoid net from 19 features of a limit hold'em betting context to
  the probability that one opponent folds, calls or raises, trained on that opponent's 1024 logged decisions;
  cross-entropy; plain SGD (back-propagation; from memory)
- bibliographic record matching with DeepMatcher's SIF model (Mudgal et al. 2018, as on DBLP-Scholar): per
  attribute (title, authors, venue, year) a smooth-inverse-frequency weighted average of token embeddings
  (fine-tuned from a fixed table standing in for fastText), the attribute comparison (absolute difference and
  product), a two-layer highway classifier; cross-entropy; Adam with eps 1e-9 and gradient clipping at norm 5
  (deepmatcher's ``Optimizer`` defaults)
- battery capacity from a partial constant-current charge with a 1-d CNN (as Shen et al. 2019's deep CNN for
  online capacity estimation; a long plan only): the charged capacity at 32 voltages between 3.7 and 4.1 V and
  the cell temperature (inputs standardised) to the state of health; MSE; SGD with momentum 0.9 (MATLAB's
  ``sgdm``, from memory)
- locomotion with a phase-functioned neural network (Holden, Komura & Saito 2017; a long plan only): a 3-layer
  ELU network whose weights are a cyclic Catmull-Rom spline over four control weight sets indexed by the gait
  phase, from the future and past root trajectory and the previous pose to the next pose, the root motion and the
  phase change; MSE on standardised outputs; Adam (PFNN's ``AdamTrainer``, from memory), dropout (keep 0.7)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the battery CNN and
PFNN (no short plans), the toric-code decoder on 16384 syndromes instead of 4096 and DeepMatcher on 16384
candidate pairs over 6000 papers instead of 3072 over 2000.

Of the eight plans, two use NAdam (both toric-decoder plans), two Adam with eps 1e-9 and gradient clipping (both
DeepMatcher plans), two plain Adam (the cyclone CNN, PFNN), one plain SGD (the poker opponent model) and one SGD
with momentum (the battery CNN).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam44_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam44/README.md).

    python benchmarks/exam44_workloads.py          # the table
    python benchmarks/exam44_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 44"


# --------------------------------------------------------------------------------------------------------------
# 1. a neural decoder for the toric code (NAdam)

TC_L, TC_P = 5, 0.12


def _toric_checks(size: int = TC_L) -> tuple[torch.Tensor, torch.Tensor]:
    """The distance-``size`` toric code: 2 L^2 qubits on the edges of an L x L periodic lattice (horizontal edge
    (i, j) is qubit i L + j, vertical edge (i, j) is L^2 + i L + j). Plaquettes (Z checks, flagged by X flips) and
    stars (X checks, flagged by Z flips), four qubits each. Returns (plaquette matrix, star matrix), L^2 x 2 L^2."""
    n = size * size
    plaq, star = torch.zeros(n, 2 * n), torch.zeros(n, 2 * n)
    for i in range(size):
        for j in range(size):
            s = i * size + j
            h = lambda a, b: (a % size) * size + (b % size)  # noqa: E731
            v = lambda a, b: n + (a % size) * size + (b % size)  # noqa: E731
            for q in (h(i, j), h(i + 1, j), v(i, j), v(i, j + 1)):
                plaq[s, q] = 1
            for q in (h(i, j), h(i, j - 1), v(i, j), v(i - 1, j)):
                star[s, q] = 1
    return plaq, star


def _toric_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Depolarising noise at rate 0.12 on every qubit (X, Y or Z with probability 0.04 each); the syndrome of every
    check, centred and scaled by its mean and std under that noise (Krastanov & Jiang's ``normcenterstab``; their
    generator also redraws samples with no flip at all, which is not done here). Returns (syndromes (n, 50),
    flips (n, 100): the X flips then the Z flips of the 50 qubits)."""
    plaq, star = _toric_checks()
    q = TC_P / 3
    u = torch.rand(n, plaq.shape[1], generator=gen)
    xf = ((u < q) | (u >= 2 * q) & (u < 3 * q)).float()
    zf = ((u >= q) & (u < 3 * q)).float()
    syn = torch.cat([(xf @ plaq.T) % 2, (zf @ star.T) % 2], 1)
    a = 2 * q
    mean = 4 * a * (1 - a) ** 3 + 4 * a**3 * (1 - a)
    syn = (syn - mean) / math.sqrt(mean - mean**2)
    return syn, torch.cat([xf, zf], 1)


class ToricDecoder(nn.Module):
    """Krastanov & Jiang's decoder: a dense tanh network from the syndrome to a sigmoid probability of a flip on
    every qubit (theirs: hidden layers of 4 x the output size; here two of 128)."""

    def __init__(self, hidden: int = 128, layers: int = 2) -> None:
        super().__init__()
        n = TC_L * TC_L
        mods: list[nn.Module] = []
        width = 2 * n
        for _ in range(layers):
            mods += [nn.Linear(width, hidden), nn.Tanh()]
            width = hidden
        self.net = nn.Sequential(*mods, nn.Linear(width, 4 * n))

    def forward(self, syn: torch.Tensor) -> torch.Tensor:
        return self.net(syn)


def flip_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Their ``e_binary_crossentropy``: the binary cross-entropy of each qubit's predicted flip, averaged."""
    syn, flips = batch
    return F.binary_cross_entropy_with_logits(model(syn), flips)


def toric_decoder(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 128) -> dict[str, Any]:
    """The toric-code decoder on 4096 syndromes; held out: 4096 others in batches of 1024; NAdam (their Keras
    ``Nadam``; torch's momentum_decay 0.004 is Keras's schedule_decay)."""
    gen = torch.Generator().manual_seed(44102)
    syn, flips = _toric_samples(train_size + 4096, gen)
    tr = (syn[:train_size], flips[:train_size])
    torch.manual_seed(seed)
    return {"model": ToricDecoder(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((syn[train_size:], flips[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": flip_bce, "train_pool": tr}



# --------------------------------------------------------------------------------------------------------------
# 2. tropical-cyclone intensity from infrared imagery with a CNN (Adam)

TCI_SIZE = 24


def _tc_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Infrared (10.8 um) brightness-temperature images of tropical cyclones, 24 x 24 pixels of about 16 km, the
    storm centred by a fix with an error of sd 1.2 pixels. Maximum sustained wind V = 25-150 kt (more weak storms
    than strong). A central dense overcast (CDO) whose cloud tops cool with V (235 - 45 s K, s = (V - 25) / 125,
    sd 4 K) and whose radius grows with V and with a random storm size; an eye once V passes about 60 kt, clearing
    and warming towards the sea surface with V and shrinking; two spiral bands (logarithmic spirals) outside the
    CDO, weaker in strong storms; vertical shear (0-3 pixels, random direction, less in strong storms) displaces
    the cold cloud from the centre; a random orientation; sensor noise sd 1.5 K. The labels are best-track winds,
    with their own error (sd 8 kt). Inputs (T - 250) / 30; targets (best-track V - 80) / 35."""
    c = (TCI_SIZE - 1) / 2
    ax = torch.arange(TCI_SIZE).float()
    yy, xx = torch.meshgrid(ax, ax, indexing="ij")
    v = 25 + 125 * torch.rand(n, generator=gen) ** 1.4
    s = (v - 25) / 125
    fix = 1.2 * torch.randn(n, 2, generator=gen)
    cx, cy = (c + fix[:, 0]).view(n, 1, 1), (c + fix[:, 1]).view(n, 1, 1)
    shear = 3 * torch.rand(n, generator=gen) * (1 - 0.6 * s)
    ang = 2 * math.pi * torch.rand(n, generator=gen)
    sx, sy = (shear * torch.cos(ang)).view(n, 1, 1), (shear * torch.sin(ang)).view(n, 1, 1)
    size = torch.exp(0.2 * torch.randn(n, generator=gen)).view(n, 1, 1)
    t_env = (288 + 5 * torch.randn(n, generator=gen)).view(n, 1, 1)
    t_cdo = (235 - 45 * s + 4 * torch.randn(n, generator=gen)).view(n, 1, 1)
    r_cdo = (3 + 5 * s.view(n, 1, 1)) * size
    rc = ((xx - cx - sx) ** 2 + (yy - cy - sy) ** 2).sqrt()
    img = t_env + (t_cdo - t_env) * torch.sigmoid((r_cdo - rc) / 1.2)
    r = ((xx - cx) ** 2 + (yy - cy) ** 2).sqrt()
    theta = torch.atan2(yy - cy, xx - cx)
    phase = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
    band = torch.relu(torch.cos(2 * theta - 3 * torch.log1p(r) + phase)) ** 2
    band_amp = (30 * (1 - 0.5 * s)).view(n, 1, 1)
    img = img - band_amp * band * torch.exp(-((r - 1.6 * r_cdo) ** 2) / (2 * (0.6 * r_cdo) ** 2))
    clear = ((v - 60) / 40).clamp(0, 1).view(n, 1, 1)
    r_eye = (2.2 - 1.2 * s.view(n, 1, 1)) * size.sqrt()
    img = img + clear * (t_env - 10 - t_cdo) * torch.exp(-((r / r_eye) ** 2))
    img = torch.minimum(img, t_env + 2) + 1.5 * torch.randn(n, TCI_SIZE, TCI_SIZE, generator=gen)
    best_track = v + 8 * torch.randn(n, generator=gen)  # the labels' own error (best-track winds, sd about 8 kt)
    return ((img - 250) / 30).unsqueeze(1), (best_track - 80) / 35


class IntensityCNN(nn.Module):
    """A small CNN as the Dvorak-automating CNNs (Pradhan et al. 2018; Chen et al. 2019): three 3x3 convolutions
    (8, 16, 16 channels, ReLU, two 2x2 max-poolings), a dense layer of 64 and the wind."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.ReLU(), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * (TCI_SIZE // 4) ** 2, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x)).squeeze(1)


def wind_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled maximum wind ((V - 80) / 35)."""
    x, v = batch
    return F.mse_loss(model(x), v)


def tc_intensity(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The intensity CNN on 4096 storm images; held out: 1024 others in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(44202)
    x, v = _tc_images(train_size + 1024, gen)
    tr = (x[:train_size], v[:train_size])
    torch.manual_seed(seed)
    return {"model": IntensityCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], v[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": wind_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. poker opponent modelling with a neural net (plain SGD)

PK_FEATS = 19


def _pk_decisions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Decisions of one limit Texas hold'em opponent, as a poker program logs them: the betting round (one-hot), the
    bets to call (0, 1, 2; one-hot), the bets already made this round, the number of active players (2-6), the
    position (0 first to act, 1 last), whether the player raised or called in the previous round, whether the
    player was the last aggressor, the pot odds, four board flags (a flush, a straight or a pair possible, an ace
    on board; none before the flop) and the share of the stack committed: 19 inputs, as Davidson et al. (2000)
    give their net. The opponent (a hidden hand strength h ~ N(0.55, 0.12^2) clipped to [0, 1], discounted by
    scary boards and by more opponents) raises when h passes a threshold that rises with the bets this round, the
    players and the round and falls with position and a continuation-bet habit, folds when h is below one that
    rises with the bets to call and the pot odds (never when checking is free), and calls otherwise, each
    threshold softened by a logistic of scale 0.03. Returns (features, actions: 0 fold, 1 check / call, 2 bet /
    raise)."""
    rnd = torch.randint(0, 4, (n,), generator=gen)
    to_call = torch.randint(0, 3, (n,), generator=gen)
    bets = (to_call + torch.randint(0, 2, (n,), generator=gen)).clamp_max(4).float()
    players = torch.randint(2, 7, (n,), generator=gen).float()
    pos = torch.rand(n, generator=gen)
    prev = torch.randint(0, 3, (n,), generator=gen) * (rnd > 0)  # 0 none, 1 called, 2 raised
    aggressor = ((prev == 2) & (torch.rand(n, generator=gen) < 0.8)).float()
    pot = 1.5 + 2 * rnd.float() * players / 2 + bets * players / 2
    odds = to_call.float() / (pot + to_call.float())
    board = (torch.rand(n, 4, generator=gen) < torch.tensor([0.3, 0.35, 0.4, 0.3])).float()
    board = board * (rnd > 0).float().unsqueeze(1)
    committed = (0.05 * (rnd.float() + bets) + 0.03 * torch.rand(n, generator=gen)).clamp_max(1)
    x = torch.cat([F.one_hot(rnd, 4).float(), F.one_hot(to_call, 3).float(), bets.unsqueeze(1) / 4,
                   (players.unsqueeze(1) - 2) / 4, pos.unsqueeze(1), (prev == 2).float().unsqueeze(1),
                   (prev == 1).float().unsqueeze(1), aggressor.unsqueeze(1), 2 * odds.unsqueeze(1), board,
                   committed.unsqueeze(1)], 1)
    h = (0.55 + 0.12 * torch.randn(n, generator=gen)).clamp(0, 1)
    e = h - 0.12 * board[:, :3].sum(1) * (h < 0.85) - 0.04 * (players - 2)
    t_raise = 0.56 + 0.06 * bets + 0.02 * (players - 2) - 0.08 * pos - 0.25 * aggressor * (bets < 1) + 0.03 * rnd
    t_fold = 0.2 + 0.12 * to_call + 0.3 * odds - 0.1 * committed
    raise_ = torch.sigmoid((e - t_raise) / 0.03)
    fold = torch.sigmoid((t_fold - e) / 0.03) * (to_call > 0) * (1 - raise_)
    probs = torch.stack([fold, (1 - raise_ - fold).clamp_min(0), raise_], 1)
    y = torch.multinomial(probs / probs.sum(1, keepdim=True), 1, generator=gen).squeeze(1)
    return x, y


class OpponentNet(nn.Module):
    """Davidson et al.'s (2000) opponent-modelling net: the 19 context features, one sigmoid hidden layer (theirs 4
    units; here 16), a softmax over fold / call / raise."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PK_FEATS, hidden), nn.Sigmoid(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def action_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the opponent's action."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def poker_opponent(batch_size: int = 16, seed: int = 0, train_size: int = 1024, hidden: int = 16) -> dict[str, Any]:
    """The opponent model on 1024 logged decisions of one opponent (a few hundred hands); held out: 4096 of its
    other decisions in batches of 1024; plain SGD (back-propagation, as the paper's)."""
    gen = torch.Generator().manual_seed(44302)
    x, y = _pk_decisions(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OpponentNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": action_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. bibliographic record matching with DeepMatcher's SIF model (Adam, clipped)

DM_TITLE, DM_AUTH, DM_WORDS, DM_NAMES, DM_VENUES, DM_YEARS = 10, 4, 1200, 500, 40, 26
DM_DAMAGED = DM_WORDS + DM_NAMES + 2 * DM_VENUES + DM_YEARS  # + a word's or a name's id: its misspelt form
DM_VOCAB = DM_DAMAGED + DM_WORDS + DM_NAMES + 1


def _dm_papers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Papers of a DBLP-like collection: a title of 4-10 words (Zipf-distributed over 1200 words; id 0 pads), 1-4
    authors (Zipf over 500 surnames), one of 40 venues, a year 1995-2020. Half the papers are drawn as siblings of
    an earlier one (the same group's later paper: most authors kept, half the title's words kept, the same venue,
    a year or two later), which makes the hard non-matches. Returns (titles, authors, venues, years) as token
    ids in one vocabulary, and each paper's relative (its parent, or its last sibling paper, else a random
    paper)."""
    wz = 1.0 / torch.arange(1, DM_WORDS + 1).float() ** 1.0
    nz = 1.0 / torch.arange(1, DM_NAMES + 1).float() ** 0.8
    title = torch.multinomial(wz, n * DM_TITLE, replacement=True, generator=gen).view(n, DM_TITLE) + 1
    tlen = torch.randint(4, DM_TITLE + 1, (n, 1), generator=gen)
    title = title * (torch.arange(DM_TITLE).view(1, -1) < tlen)
    auth = torch.multinomial(nz, n * DM_AUTH, replacement=True, generator=gen).view(n, DM_AUTH) + 1 + DM_WORDS
    alen = torch.randint(1, DM_AUTH + 1, (n, 1), generator=gen)
    auth = auth * (torch.arange(DM_AUTH).view(1, -1) < alen)
    venue = torch.randint(0, DM_VENUES, (n,), generator=gen) + 1 + DM_WORDS + DM_NAMES
    year = torch.randint(0, DM_YEARS, (n,), generator=gen)
    sib = (torch.rand(n, generator=gen) < 0.5) & (torch.arange(n) > 0)
    parent = (torch.rand(n, generator=gen) * torch.arange(n).float()).long()
    relative = torch.randint(0, n, (n,), generator=gen)  # a paper with no parent or child: any other
    for i in torch.nonzero(sib).flatten().tolist():
        p = int(parent[i])
        relative[i], relative[p] = p, i
        keep_t = torch.rand(DM_TITLE, generator=gen) < 0.5
        title[i] = torch.where(keep_t & (title[p] > 0) & (title[i] > 0), title[p], title[i])
        keep_a = torch.rand(DM_AUTH, generator=gen) < 0.75
        auth[i] = torch.where(keep_a & (auth[p] > 0), auth[p], auth[i])
        venue[i] = venue[p]
        year[i] = (year[p] + torch.randint(1, 3, (), generator=gen)).clamp_max(DM_YEARS - 1)
    relative = torch.where(relative == torch.arange(n), (relative + 1) % n, relative)
    return title, auth, venue, year + 1 + DM_WORDS + DM_NAMES + 2 * DM_VENUES, relative


def _dm_noisy(rec: tuple[torch.Tensor, ...], gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """The same papers as a Google Scholar-like source lists them: title words dropped (10%) or misspelt (12%: the
    word's damaged form), authors after the first dropped (30%, "et al.") or misspelt (8%), the venue
    abbreviated (a second token, 50%) or missing (20%), the year missing (20%) or off by one (10%)."""
    title, auth, venue, year = (t.clone() for t in rec)
    n = len(title)
    u = torch.rand(n, DM_TITLE, generator=gen)
    title = torch.where((u < 0.12) & (title > 0), title + DM_DAMAGED, torch.where((u < 0.22) & (title > 0), 0, title))
    u = torch.rand(n, DM_AUTH, generator=gen)
    typo = auth + DM_DAMAGED
    first = torch.arange(DM_AUTH).view(1, -1) == 0
    auth = torch.where((u < 0.08) & (auth > 0), typo, torch.where((u < 0.38) & ~first, 0, auth))
    u = torch.rand(n, generator=gen)
    venue = torch.where(u < 0.5, venue + DM_VENUES, torch.where(u < 0.7, 0, venue))
    u = torch.rand(n, generator=gen)
    shift = torch.where(torch.rand(n, generator=gen) < 0.5, -1, 1)
    lo, hi = DM_WORDS + DM_NAMES + 2 * DM_VENUES + 1, DM_WORDS + DM_NAMES + 2 * DM_VENUES + DM_YEARS
    year = torch.where(u < 0.2, 0, torch.where(u < 0.3, (year + shift).clamp(lo, hi), year))
    return title, auth, venue, year


def _dm_pairs(n_papers: int, n_pairs: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Candidate pairs (a DBLP record, a Scholar record) after blocking: 25% matches (the same paper), 50% hard
    non-matches (the Scholar record of the paper's relative: its parent or a later paper of its group), 25% other
    papers. Returns (left tokens (n, 16), right tokens (n, 16), labels): the title, author, venue and year
    slots."""
    *papers, relative = _dm_papers(n_papers, gen)
    noisy = _dm_noisy(tuple(papers), gen)
    a = torch.randint(0, n_papers, (n_pairs,), generator=gen)
    kind = torch.rand(n_pairs, generator=gen)
    pick = relative[a]
    other = torch.randint(0, n_papers, (n_pairs,), generator=gen)
    other = torch.where(other == a, (other + 1) % n_papers, other)
    b = torch.where(kind < 0.25, a, torch.where(kind < 0.75, pick, other))
    left = torch.cat([papers[0][a], papers[1][a], papers[2][a].unsqueeze(1), papers[3][a].unsqueeze(1)], 1)
    right = torch.cat([noisy[0][b], noisy[1][b], noisy[2][b].unsqueeze(1), noisy[3][b].unsqueeze(1)], 1)
    return left, right, (a == b).long()


DM_SLOTS = ((0, DM_TITLE), (DM_TITLE, DM_TITLE + DM_AUTH), (DM_TITLE + DM_AUTH, DM_TITLE + DM_AUTH + 1),
            (DM_TITLE + DM_AUTH + 1, DM_TITLE + DM_AUTH + 2))


def _dm_vectors(dim: int) -> torch.Tensor:
    """The collection's word vectors (standing in for pre-trained fastText), drawn once from their own generator:
    N(0, 1 / dim) per token, a misspelt form its word's vector plus N(0, 0.25 / dim) noise, the padding token
    zero."""
    g = torch.Generator().manual_seed(44401)
    vec = torch.randn(DM_VOCAB, dim, generator=g) / math.sqrt(dim)
    n = DM_WORDS + DM_NAMES
    vec[DM_DAMAGED + 1 : DM_DAMAGED + 1 + n] = vec[1 : 1 + n] + 0.5 * torch.randn(n, dim, generator=g) / math.sqrt(dim)
    vec[0] = 0
    return vec


class SIFMatcher(nn.Module):
    """DeepMatcher's SIF model (Mudgal et al. 2018): each attribute summarised by the smooth-inverse-frequency
    weighted average of its token embeddings (a / (a + p(w)), a = 1e-3, p from the training pool; the first
    principal component is not removed), the attributes compared by |u - v| and u * v, a two-layer highway
    network (ReLU) and a softmax over match / non-match. The word vectors start from a fixed table standing in for
    DeepMatcher's pre-trained fastText vectors (a misspelt form near its word's vector, as fastText's subwords
    place it) and are fine-tuned."""

    def __init__(self, vectors: torch.Tensor, sif: torch.Tensor, hidden: int = 64) -> None:
        super().__init__()
        dim = vectors.shape[1]
        self.emb = nn.Embedding.from_pretrained(vectors.clone(), freeze=False, padding_idx=0)
        self.register_buffer("sif", sif)
        self.inp = nn.Linear(2 * dim * len(DM_SLOTS), hidden)
        self.gates = nn.ModuleList(nn.Linear(hidden, hidden) for _ in range(2))
        self.trans = nn.ModuleList(nn.Linear(hidden, hidden) for _ in range(2))
        self.out = nn.Linear(hidden, 2)

    def summarise(self, tok: torch.Tensor) -> list[torch.Tensor]:
        e = self.emb(tok) * self.sif[tok].unsqueeze(2)
        cnt = (tok > 0).float()
        return [e[:, a:b].sum(1) / cnt[:, a:b].sum(1, keepdim=True).clamp_min(1) for a, b in DM_SLOTS]

    def forward(self, left: torch.Tensor, right: torch.Tensor) -> torch.Tensor:
        comp = [torch.cat([(u - v).abs(), u * v], 1) for u, v in zip(self.summarise(left), self.summarise(right))]
        h = F.relu(self.inp(torch.cat(comp, 1)))
        for g, t in zip(self.gates, self.trans):
            gate = torch.sigmoid(g(h))
            h = gate * F.relu(t(h)) + (1 - gate) * h
        return self.out(h)


def match_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of match / non-match."""
    left, right, y = batch
    return F.cross_entropy(model(left, right), y)


class ClippedAdam(torch.optim.Adam):
    """deepmatcher's ``Optimizer`` (after OpenNMT-py's): Adam with eps 1e-9 and the gradients clipped to a global
    norm of 5 before every step."""

    def __init__(self, params: Any, lr: float, max_grad_norm: float = 5.0) -> None:
        super().__init__(params, lr=lr, betas=(0.9, 0.999), eps=1e-9)
        self.max_grad_norm = max_grad_norm

    @torch.no_grad()
    def step(self, closure: Any = None) -> Any:
        nn.utils.clip_grad_norm_([p for g in self.param_groups for p in g["params"]], self.max_grad_norm)
        return super().step(closure)


def deepmatcher(batch_size: int = 32, seed: int = 0, train_pairs: int = 3072, papers: int = 2000) -> dict[str, Any]:
    """DeepMatcher's SIF model on 3072 candidate pairs over 2000 papers; held out: 2048 other pairs over other
    papers, in batches of 512; Adam (eps 1e-9) with gradient clipping at 5 (deepmatcher's defaults)."""
    gen = torch.Generator().manual_seed(44402)
    tr = _dm_pairs(papers, train_pairs, gen)
    te = _dm_pairs(1000, 2048, gen)
    counts = torch.bincount(torch.cat([tr[0].flatten(), tr[1].flatten()]), minlength=DM_VOCAB).float()
    counts[0] = 0
    sif = 1e-3 / (1e-3 + counts / counts.sum())
    vectors = _dm_vectors(32)
    torch.manual_seed(seed)
    return {"model": SIFMatcher(vectors, sif), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 512),
            "optimizer": _named(lambda params, lr: ClippedAdam(params, lr), "adam_eps1e-9_clip5"),
            "loss_fn": match_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. battery capacity from a partial constant-current charge with a 1-d CNN (SGD with momentum; long only)

BT_PTS, BT_FINE = 32, 512


def _bt_ocv(x: torch.Tensor, width: torch.Tensor) -> torch.Tensor:
    """A graphite / NMC full cell's open-circuit voltage at state of charge x (monotone): a sloping NMC curve with
    two graphite staging steps whose sharpness ``width`` blurs as the electrodes age (loss of active material)."""
    return (3.35 + 0.75 * x - 0.25 * torch.exp(-x / 0.06) + 0.06 * torch.tanh((x - 0.22) / width)
            + 0.05 * torch.tanh((x - 0.58) / width) + 0.06 * x**4)


def _bt_charges(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Partial constant-current (C/2) charges of aged 18650-like cells (2.5 Ah new): the state of health (capacity
    / nominal) 0.70-1.00 from a random age; ageing shifts and stretches the voltage curve (the capacity), blurs the
    staging steps (0.03 + 0.08 (1 - SOH), cell-to-cell sd 0.01) and raises the resistance (45 mOhm x (1 + 2.5
    (1 - SOH)) x a cell-to-cell factor, higher when cold: 10-40 C); a first-order polarisation; wherever below
    3.7 V the charge started, it is counted from 3.7 V. Features: the capacity charged since 3.7 V at 32 voltages
    3.7-4.1 V (Ah / 2.5; the logger's voltage noise sd 3 mV) and its incremental capacity dQ/dV, and the
    temperature. Returns (curves (n, 2, 32), temperature (n, 1) scaled, (SOH - 0.85) / 0.08)."""
    soh = 1 - 0.3 * torch.rand(n, generator=gen) ** 1.3
    q = 2.5 * soh
    width = (0.03 + 0.08 * (1 - soh) + 0.01 * torch.randn(n, generator=gen)).clamp_min(0.015).view(n, 1)
    temp = 10 + 30 * torch.rand(n, generator=gen)
    r = (0.045 * (1 + 2.5 * (1 - soh)) * torch.exp(0.2 * torch.randn(n, generator=gen))
         * torch.exp(0.025 * (25 - temp)))
    cur = 1.25
    x = torch.linspace(0.0, 1.0, BT_FINE).view(1, -1)
    qs = x * q.view(n, 1)  # Ah charged from empty
    t_h = qs / cur
    pol = 0.02 * (1 + (1 - soh.view(n, 1))) * (1 - torch.exp(-t_h / 0.05))
    v = _bt_ocv(x, width) + cur * r.view(n, 1) + pol
    v = torch.cummax(v, 1).values + 1e-6 * torch.arange(BT_FINE).view(1, -1)
    levels = torch.linspace(3.7, 4.1, BT_PTS).view(1, -1).expand(n, -1).contiguous()
    levels = levels + 0.003 * torch.randn(n, BT_PTS, generator=gen)
    idx = torch.searchsorted(v.contiguous(), levels).clamp(1, BT_FINE - 1)
    v0, v1 = v.gather(1, idx - 1), v.gather(1, idx)
    q0, q1 = qs.gather(1, idx - 1), qs.gather(1, idx)
    qv = q0 + (q1 - q0) * ((levels - v0) / (v1 - v0).clamp_min(1e-9)).clamp(0, 1)
    dq = (qv - qv[:, :1]) / 2.5
    ic = torch.diff(dq, dim=1, prepend=dq[:, :1]) / (0.4 / (BT_PTS - 1)) / 10
    return torch.stack([dq, ic], 1), ((temp - 25) / 9).view(n, 1), (soh - 0.85) / 0.08


class CapacityCNN(nn.Module):
    """A 1-d CNN over the charge curve and its incremental capacity (two channels): two convolutions (16 channels
    of width 5, then 32 with stride 2, ReLU), flattened, the temperature joined, a dense layer of 64 and the state
    of health."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU(), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * BT_PTS // 2 + 1, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, curve: torch.Tensor, temp: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(curve), temp], 1)).squeeze(1)


def soh_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled state of health."""
    curve, temp, y = batch
    return F.mse_loss(model(curve, temp), y)


def battery_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The capacity CNN on 4096 partial charges, each input standardised over them; held out: 2048 others in batches
    of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(44502)
    c, t, y = _bt_charges(train_size + 2048, gen)
    c = (c - c[:train_size].mean(0)) / c[:train_size].std(0).clamp_min(1e-6)  # standardised per channel and voltage
    tr = (c[:train_size], t[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CapacityCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], t[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": soh_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. locomotion with a phase-functioned neural network (Adam; long only)

PF_TRAJ, PF_FPS = 6, 30.0


def _pf_pose(phase: torch.Tensor, speed: torch.Tensor, turn: torch.Tensor, style: torch.Tensor) -> torch.Tensor:
    """Root-relative positions (lateral x, up y, forward z; metres) of ten joints (hips, knees, ankles, chest,
    head, hands) of a walking to jogging biped at gait phase ``phase`` (left heel strike at 0): hip flexion
    a_h sin(phase) with a second harmonic, knee flexion peaking in swing, arms swinging against the legs, a
    vertical bob at twice the step rate, a lateral sway, a forward lean growing with speed and a lean into the
    turn; amplitudes scale with speed and the clip's style (three multipliers). Returns (n, 30)."""
    s = speed.unsqueeze(1)
    ah, ak, aa = (0.25 + 0.12 * s) * style[:, :1], (0.35 + 0.35 * s) * style[:, 1:2], (0.15 + 0.2 * s) * style[:, 2:]
    ph = torch.stack([phase, phase + math.pi], 1)  # left, right legs
    hip = ah * (torch.sin(ph) + 0.15 * torch.sin(2 * ph))
    knee = ak * torch.relu(torch.sin(ph - 1.1)) ** 1.5 + 0.08
    bob = 0.025 * s * torch.cos(2 * phase.unsqueeze(1))
    sway = 0.025 * torch.sin(phase.unsqueeze(1))
    lean = 0.04 * s + 0.05 * (turn * speed).unsqueeze(1)
    side = torch.tensor([[-0.1, 0.1]])
    hx, hy, hz = side + sway, 0.95 + bob.expand(-1, 2), torch.zeros_like(hip)
    ky, kz = hy - 0.45 * torch.cos(hip), hz + 0.45 * torch.sin(hip)
    ay, az = ky - 0.43 * torch.cos(hip - knee), kz + 0.43 * torch.sin(hip - knee)
    into = 0.03 * (turn * speed).unsqueeze(1)
    chest_x, chest_y, chest_z = sway + into, 1.35 + bob, 0.4 * lean
    head_x, head_y, head_z = sway + 2 * into, 1.65 + bob, 0.7 * lean
    arm = -aa * torch.sin(ph)
    wy, wz = 1.4 + bob - 0.6 * torch.cos(arm), 0.3 * lean + 0.6 * torch.sin(arm)
    wx = side * 2 + sway
    xs = torch.cat([hx, hx, hx, chest_x, head_x, wx], 1)
    ys = torch.cat([hy, ky, ay, chest_y, head_y, wy], 1)
    zs = torch.cat([hz, kz, az, chest_z, head_z, wz], 1)
    return torch.stack([xs, ys, zs], 2).flatten(1)


def _pf_frames(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Motion-capture-like frames (30 fps) of locomotion: speed 0.3-3 m/s changing at up to +-1 m/s^2, turning at
    up to +-1 rad/s, a clip style (three amplitude multipliers, sd 10%) and a cadence (1.8 + 0.35 v steps a second
    x a per-clip factor, sd 5%). Inputs: the root trajectory (positions 1/6-1 s ahead and behind, in the root's
    frame, from the current speed, acceleration and turning), the previous frame's joint positions and
    velocities; the phase. Outputs: this frame's joint positions and velocities, the root's motion (forward,
    lateral, turn) and the phase change. Marker noise sd 2 mm. Returns (inputs (n, 84), phase (n,), outputs (n,
    64)), unstandardised."""
    speed = 0.3 + 2.7 * torch.rand(n, generator=gen)
    acc = 2 * torch.rand(n, generator=gen) - 1
    turn = 2 * torch.rand(n, generator=gen) - 1
    style = torch.exp(0.1 * torch.randn(n, 3, generator=gen))
    cad = (0.9 + 0.175 * speed) * torch.exp(0.05 * torch.randn(n, generator=gen))  # strides per second
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    dt = 1 / PF_FPS
    dphase = 2 * math.pi * cad * dt
    ts = torch.tensor([k / PF_TRAJ for k in range(-PF_TRAJ, PF_TRAJ + 1) if k != 0]).view(1, -1)
    dist = speed.view(-1, 1) * ts + 0.5 * acc.view(-1, 1) * ts**2  # along the arc
    head = turn.view(-1, 1) * ts
    traj = torch.cat([dist * torch.sin(head / 2), dist * torch.cos(head / 2)], 1)  # the chord's direction
    prev_speed = speed - acc * dt
    prev = _pf_pose(phase - dphase, prev_speed, turn, style)
    prev2 = _pf_pose(phase - 2 * dphase, prev_speed - acc * dt, turn, style)
    cur = _pf_pose(phase, speed, turn, style)
    noise = lambda p: p + 0.002 * torch.randn(p.shape, generator=gen)  # noqa: E731
    prev, prev2, cur = noise(prev), noise(prev2), noise(cur)
    x = torch.cat([traj, prev, (prev - prev2) * PF_FPS], 1)
    root = torch.stack([speed * dt, 0.5 * turn * dt * speed * dt, turn * dt], 1)
    y = torch.cat([cur, (cur - prev) * PF_FPS, root * PF_FPS, dphase.view(-1, 1) * 10], 1)
    return x, phase, y


class PhaseLinear(nn.Module):
    """A PFNN layer: four control weight sets around the phase circle, blended by a cyclic Catmull-Rom spline of
    the phase (computed as the spline of the four layers' outputs, which is the same linear map)."""

    def __init__(self, d_in: int, d_out: int) -> None:
        super().__init__()
        bound = math.sqrt(6 / (d_in + d_out))
        self.weight = nn.Parameter(torch.empty(4, d_out, d_in).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.zeros(4, d_out))

    def forward(self, x: torch.Tensor, coef: torch.Tensor) -> torch.Tensor:
        out = torch.einsum("bi,koi->bko", x, self.weight) + self.bias.unsqueeze(0)
        return torch.einsum("bk,bko->bo", coef, out)


def catmull_rom(phase: torch.Tensor) -> torch.Tensor:
    """The weights of the four control points at each phase: the cyclic Catmull-Rom spline through them (the
    phase function of PFNN). Returns (n, 4)."""
    p = 4 * (phase % (2 * math.pi)) / (2 * math.pi)
    k1 = p.floor().long() % 4
    w = (p - p.floor()).unsqueeze(1)
    basis = torch.cat([-0.5 * w + w**2 - 0.5 * w**3, 1 - 2.5 * w**2 + 1.5 * w**3,
                       0.5 * w + 2 * w**2 - 1.5 * w**3, -0.5 * w**2 + 0.5 * w**3], 1)  # k1 - 1, k1, k1 + 1, k1 + 2
    idx = (k1.unsqueeze(1) + torch.tensor([[-1, 0, 1, 2]])) % 4
    return torch.zeros(len(phase), 4).scatter_add_(1, idx, basis)


class PFNN(nn.Module):
    """The phase-functioned neural network (Holden, Komura & Saito 2017) in miniature: three phase-functioned
    layers (two hidden of 32 ELU units; theirs 512), dropout on each layer's input (keep 0.7, theirs)."""

    def __init__(self, d_in: int = 84, d_out: int = 64, hidden: int = 32, dropout: float = 0.3) -> None:
        super().__init__()
        self.layers = nn.ModuleList([PhaseLinear(d_in, hidden), PhaseLinear(hidden, hidden),
                                     PhaseLinear(hidden, d_out)])
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, phase: torch.Tensor) -> torch.Tensor:
        coef = catmull_rom(phase)
        h = x
        for i, layer in enumerate(self.layers):
            h = layer(self.drop(h), coef)
            if i < len(self.layers) - 1:
                h = F.elu(h)
        return h


def pose_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised outputs (PFNN's)."""
    x, phase, y = batch
    return F.mse_loss(model(x, phase), y)


def pfnn(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32,
         dropout: float = 0.3) -> dict[str, Any]:
    """PFNN on 8192 frames, inputs and outputs standardised over them (PFNN's normalisation); held out: 4096 other
    frames in batches of 1024; Adam (PFNN's trainer)."""
    gen = torch.Generator().manual_seed(44602)
    x, ph, y = _pf_frames(train_size + 4096, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0).clamp_min(1e-3)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0).clamp_min(1e-3)
    tr = (x[:train_size], ph[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PFNN(x.shape[1], y.shape[1], hidden, dropout), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], ph[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pose_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("toric_decoder_nadam", toric_decoder, 300, "toric_code_neural_decoder", "nadam", "finite", 64,
      seconds=0.4, start_lr=0.008),
    W("tc_intensity_cnn_adam", tc_intensity, 300, "tropical_cyclone_intensity_cnn", "adam", "finite", 32,
      seconds=1.4, start_lr=0.004),
    W("poker_opponent_sgd", poker_opponent, 300, "poker_opponent_modelling_net", "sgd", "small_finite", 16,
      seconds=0.1, start_lr=3.2),
    W("deepmatcher_sif_adam", deepmatcher, 300, "deepmatcher_bibliographic_record_matching", "adam_eps1e-9_clip5",
      "finite", 32, seconds=0.7, start_lr=0.002),
)
LONG = (
    W("battery_capacity_cnn_sgdm@long", battery_cnn, 3000, "battery_capacity_partial_charge_cnn", "sgd_momentum0.9",
      "finite", 32, seconds=4.0, start_lr=0.02, grid_fractions=(0.0, 0.05)),
    W("pfnn_adam@long", pfnn, 3000, "phase_functioned_neural_network_locomotion", "adam", "finite", 32,
      seconds=4.5, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("toric_decoder_nadam@long", toric_decoder, 3000, "toric_code_neural_decoder", "nadam", "finite", 64,
      dict(train_size=16384), seconds=3.5, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="toric_decoder_nadam"),
    W("deepmatcher_sif_adam@long", deepmatcher, 3000, "deepmatcher_bibliographic_record_matching", "adam_eps1e-9_clip5",
      "finite", 32, dict(train_pairs=16384, papers=6000), seconds=7.0, start_lr=0.000125,
      grid_fractions=(0.0, 0.05), long_of="deepmatcher_sif_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam44_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-fourth exam's workloads")
