"""The twenty-eighth exam: six more workload families that neither the suite nor exams 1-26 have.

Same rules as exams 1-26 (``exam_workloads.py`` ... ``exam26_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam26_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 26's own
(profiled side-channel analysis, the Speck differential distinguisher, feedback alignment, partial-label learning,
SPO+, the hyperspectral unmixing autoencoder) and the ones tried, dropped or set aside in exam 23's, 24's, 25's and
26's READMEs. Exam 27 was built at the same time from other domains; its module was not read. This exam's families
come from computer vision, language, speech and audio, recommender systems and retrieval, biology, chemistry and
medicine, generative and representation learning, and security and networks only.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- website fingerprinting with the Deep Fingerprinting CNN (Sirinam et al. 2018), small: packet-direction sequences
  (+1 out, -1 in, 0 after the end) of page loads of ten sites, two convolutional blocks (two width-5 convolutions
  with batch norm, ELU in the first block and ReLU in the second, max pooling 8 / 4, dropout 0.1) and two dense
  layers with batch norm and dropout 0.7 and 0.5 (DF's); cross-entropy; Adamax (DF's code: Keras ``Adamax``, lr
  0.002, betas (0.9, 0.999), eps 1e-8: torch's defaults)
- RETAIN (Choi et al. 2016): a reverse-time two-level attention model over a patient's visits (multi-hot diagnosis
  codes), two GRUs run from the latest visit backwards give a visit-level softmax attention and a code-level tanh
  attention; dropout 0.5 on the visit embeddings and on the context (RETAIN's); binary cross-entropy of a heart
  failure-style label; Adadelta with rho 0.95 and eps 1e-6 (RETAIN's Theano code, its default solver)
- global epistasis regression of a deep mutational scan (Otwinowski et al. 2018; as MAVE-NN's GE regression, Tareen
  et al. 2022; a long plan only): an additive genotype-phenotype map of one-hot variant sequences, a monotone
  nonlinearity (a sum of 20 tanh units with positive weights) and a heteroscedastic Gaussian noise model (log sd a
  quadratic in the prediction); the Gaussian negative log-likelihood; Adam (MAVE-NN's Keras ``Adam``)
- a hybrid DNN-HMM acoustic model (Hinton et al. 2012): an MLP over a window of 11 cepstral frames predicts the
  HMM state (30 senones: ten phones x three states) of the centre frame, per-utterance mean and variance
  normalisation; cross-entropy against the aligned states; SGD with momentum 0.9 (batch 128 in the short plan, as
  hybrid systems train; 32 in the long one)
- KitNET (Mirsky et al. 2018, Kitsune's anomaly detector): a feature mapper clusters the features of benign
  network-flow statistics (average linkage on 1 - |correlation|, at most ten per cluster); an ensemble of small
  tied-weight sigmoid autoencoders (W ~ U(-1/n, 1/n), KitNET's), one per cluster, and an output autoencoder that
  reconstructs the ensemble's RMSEs; the sum of their mean squared reconstruction errors; plain SGD (KitNET's own
  updates; its lr 0.1 is for single items and its own gradient scale)
- neural word alignment (a long plan only): fast_align's reparameterised IBM Model 2 (Dyer et al. 2013: a diagonal
  alignment prior with a learned tension, null probability 0.08) whose lexical translation table is a neural
  network (a source-word embedding and an MLP with a softmax over the target vocabulary, as the neural IBM / HMM
  alignment models), on a synthetic parallel corpus; the negative log-likelihood of the target words; Adam

No Adagrad, RAdam, NAdam, AdamW or ASGD plan: none of these fields uses them in its reference code as far as the
author knows. One Adamax (website fingerprinting), one Adadelta (RETAIN), two Adam (global epistasis, word
alignment), two SGD with momentum (the acoustic model, short and long), two plain SGD (KitNET, short and long).

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): global epistasis and
neural word alignment (no short plan), the acoustic model and KitNET on larger pools (328 utterances, 32800 frames,
instead of 82; 16384 flows instead of 4096). The website fingerprinting and RETAIN plans are 200 steps (their nets
are the slowest here), the others 300. What was tried and dropped before the first commit is listed in
``benchmarks/results/exam28/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, the dropout masks and the batch
order. No loss draws random numbers (the dropout of the website fingerprinting net and RETAIN draws from the torch
RNG in training mode, as any dropout does). The entrypoint is ``benchmarks/exam28_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam28/README.md).

    python benchmarks/exam28_workloads.py          # the table
    python benchmarks/exam28_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 28"


# --------------------------------------------------------------------------------------------------------------
# 1. website fingerprinting: the Deep Fingerprinting CNN (Adamax)

WF_LEN, WF_SITES, WF_BURSTS = 96, 10, 20


def _wf_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Packet-direction traces of page loads. Each of the ten sites has a fixed template of 10-20 bursts
    (alternately outgoing, mean 1-4 packets, and incoming, mean 2-24 packets); a load draws each burst's size as
    Poisson(template mean x a jitter U[0.8, 1.2]) (+1 packet half the time), after 0-7 leading packets of random
    direction; 2% of the packets' directions are flipped; the trace is the first 96 packets (+1 out, -1 in, 0 after
    the last). Returns (traces (n, 1, 96), site)."""
    tg = torch.Generator().manual_seed(28101)
    nb = torch.randint(10, WF_BURSTS + 1, (WF_SITES,), generator=tg)
    out_mean = 1 + 3 * torch.rand(WF_SITES, WF_BURSTS, generator=tg)
    in_mean = 2 + 22 * torch.rand(WF_SITES, WF_BURSTS, generator=tg) ** 2
    mean = torch.stack([out_mean, in_mean], 2).reshape(WF_SITES, 2 * WF_BURSTS)
    on = (torch.arange(2 * WF_BURSTS).unsqueeze(0) < 2 * nb.unsqueeze(1)).float()
    y = torch.randint(0, WF_SITES, (n,), generator=gen)
    jitter = 0.8 + 0.4 * torch.rand(n, 2 * WF_BURSTS, generator=gen)
    sizes = torch.poisson(mean[y] * jitter * on[y], generator=gen)
    sizes = sizes + (torch.rand(n, 2 * WF_BURSTS, generator=gen) < 0.5).float() * on[y]
    lead = torch.randint(0, 8, (n, 1), generator=gen).float()
    ends = lead + torch.cumsum(sizes, 1)
    pos = torch.arange(WF_LEN).float().unsqueeze(0).expand(n, -1).contiguous()
    idx = torch.searchsorted(ends, pos, right=True)
    x = torch.where(idx % 2 == 0, 1.0, -1.0)
    x = torch.where(pos < lead, torch.where(torch.rand(n, WF_LEN, generator=gen) < 0.5, 1.0, -1.0), x)
    flip = torch.rand(n, WF_LEN, generator=gen) < 0.02
    x = torch.where(flip, -x, x)
    x = torch.where(pos >= ends[:, -1:], 0.0, x)
    return x.unsqueeze(1), y


class DFNet(nn.Module):
    """Deep Fingerprinting, small: two blocks of [conv, BN, act, conv, BN, act, max pool 8 / 4, dropout 0.1] (8 and
    16 filters of width 5; ELU in the first block, ReLU in the second), then dense 64 + BN + ReLU + dropout 0.7,
    dense 64 + BN + ReLU + dropout 0.5, and the ten-way output (DF has four blocks of 32-256 filters of width 8 and
    dense layers of 512)."""

    def __init__(self, f: int = 8, hidden: int = 64) -> None:
        super().__init__()

        def block(cin: int, cout: int, act: nn.Module) -> nn.Sequential:
            return nn.Sequential(nn.Conv1d(cin, cout, 5, padding=2), nn.BatchNorm1d(cout), act,
                                 nn.Conv1d(cout, cout, 5, padding=2), nn.BatchNorm1d(cout), act,
                                 nn.MaxPool1d(8, stride=4, padding=2), nn.Dropout(0.1))

        self.features = nn.Sequential(block(1, f, nn.ELU()), block(f, 2 * f, nn.ReLU()))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * f * (WF_LEN // 16), hidden), nn.BatchNorm1d(hidden),
                                  nn.ReLU(), nn.Dropout(0.7), nn.Linear(hidden, hidden), nn.BatchNorm1d(hidden),
                                  nn.ReLU(), nn.Dropout(0.5), nn.Linear(hidden, WF_SITES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def website_fingerprinting(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The small DF net on 4096 labelled page loads of ten sites; held out: 2048 other loads; Adamax."""
    gen = torch.Generator().manual_seed(28102)
    x, y = _wf_traces(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DFNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. RETAIN, reverse-time attention over a patient's visits (Adadelta)

RT_CODES, RT_VISITS = 40, 6


def _rt_patients(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Patients of 3-6 visits (right-aligned in 6 slots, the latest visit last), each visit a multi-hot set of 40
    diagnosis codes of Zipf-like frequencies. The label: Bernoulli(sigmoid(s)), s = -1.5 + the codes' fixed random
    weights discounted by 0.75 per visit back from the latest + 2 if code 7 follows an earlier code 3. Returns
    (codes (n, 6, 40), visit mask (n, 6), label)."""
    tg = torch.Generator().manual_seed(28401)
    freq = 1.0 / torch.arange(1, RT_CODES + 1).float() ** 0.8
    freq = freq[torch.randperm(RT_CODES, generator=tg)]
    w = 0.8 * torch.randn(RT_CODES, generator=tg)
    a_code, b_code = 3, 7  # b after a: a strong risk pattern
    freq[a_code], freq[b_code] = 0.15, 0.15
    length = torch.randint(3, RT_VISITS + 1, (n,), generator=gen)
    p = (freq / freq.max() * 0.25).clamp(max=0.5)
    x = (torch.rand(n, RT_VISITS, RT_CODES, generator=gen) < p).float()
    t = torch.arange(RT_VISITS).unsqueeze(0)
    mask = (t >= RT_VISITS - length.unsqueeze(1)).float()  # right-aligned: the latest visit is the last
    x = x * mask.unsqueeze(2)
    recency = 0.75 ** (RT_VISITS - 1 - t).float()
    s = -1.5 + ((x @ w) * recency).sum(1)
    seen_a = torch.cummax(x[:, :, a_code], 1).values
    prior_a = torch.cat([torch.zeros(n, 1), seen_a[:, :-1]], 1)
    s = s + 2.0 * (prior_a * x[:, :, b_code]).amax(1)
    y = (torch.rand(n, generator=gen) < torch.sigmoid(s)).float()
    return x, mask, y


class Retain(nn.Module):
    """RETAIN: visit embeddings v (a linear map of the codes, no bias); two GRUs over the visits in reverse time
    give g (-> a softmax over the visits, alpha) and h (-> tanh(W h), beta); the context sum_t alpha_t beta_t * v_t
    -> a logit. Dropout 0.5 on v and on the context (RETAIN's defaults); embedding 32, GRUs of 32."""

    def __init__(self, emb: int = 32, hidden: int = 32, dropout_emb: float = 0.5, dropout_ctx: float = 0.5) -> None:
        super().__init__()
        self.emb = nn.Linear(RT_CODES, emb, bias=False)
        self.gru_a = nn.GRU(emb, hidden, batch_first=True)
        self.gru_b = nn.GRU(emb, hidden, batch_first=True)
        self.alpha = nn.Linear(hidden, 1)
        self.beta = nn.Linear(hidden, emb)
        self.out = nn.Linear(emb, 1)
        self.drop_emb, self.drop_ctx = nn.Dropout(dropout_emb), nn.Dropout(dropout_ctx)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        v = self.drop_emb(self.emb(x))
        rev = v.flip(1)  # the latest visit first
        g, _ = self.gru_a(rev)
        h, _ = self.gru_b(rev)
        g, h = g.flip(1), h.flip(1)
        e = self.alpha(g).squeeze(2).masked_fill(mask == 0, float("-inf"))
        alpha = torch.softmax(e, 1)
        beta = torch.tanh(self.beta(h))
        c = (alpha.unsqueeze(2) * beta * v).sum(1)
        return self.out(self.drop_ctx(c)).squeeze(1)


def retain_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, mask, y = batch
    return F.binary_cross_entropy_with_logits(model(x, mask), y)


def retain(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """RETAIN on 4096 patients; held out: 2048 others; Adadelta, rho 0.95, eps 1e-6 (RETAIN's Theano code)."""
    gen = torch.Generator().manual_seed(28402)
    x, mask, y = _rt_patients(train_size + 2048, gen)
    tr = (x[:train_size], mask[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": Retain(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], mask[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adadelta(params, lr=lr, rho=0.95, eps=1e-6),
                                "adadelta_rho0.95_eps1e-6"),
            "loss_fn": retain_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. global epistasis regression of a deep mutational scan (Adam; long only)

GE_SITES, GE_ALPHA = 20, 4


def _ge_library(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A mutational-scan library of a fixed 20-site DNA wild type: each variant carries 1-6 random substitutions
    (probabilities 0.25, 0.25, 0.2, 0.15, 0.1, 0.05). The latent phenotype: 1.5 + fixed additive effects (mostly
    deleterious, scaled per site) + 16 pairwise couplings N(0, 0.8^2) between fixed site pairs (not in the model);
    the measurement: 1 + 9 sigmoid(1.5 phi) + Gaussian noise of sd 0.4 + 0.08 x its mean. Returns (one-hot (n, 80),
    measurement)."""
    tg = torch.Generator().manual_seed(28301)
    wt = torch.randint(0, GE_ALPHA, (GE_SITES,), generator=tg)
    site = 0.3 + 1.2 * torch.rand(GE_SITES, 1, generator=tg)
    theta = site * (-0.8 + 0.7 * torch.randn(GE_SITES, GE_ALPHA, generator=tg))
    theta[torch.arange(GE_SITES), wt] = 0.0
    pairs = torch.randperm(GE_SITES * GE_SITES, generator=tg)[:16]
    pi, pj = pairs // GE_SITES, pairs % GE_SITES
    coupling = 0.8 * torch.randn(16, generator=tg)
    m = torch.multinomial(torch.tensor([0.0, 0.25, 0.25, 0.2, 0.15, 0.1, 0.05]), n, replacement=True, generator=gen)
    order = torch.rand(n, GE_SITES, generator=gen).argsort(1)
    mutated = torch.zeros(n, GE_SITES, dtype=torch.bool)
    mutated.scatter_(1, order, torch.arange(GE_SITES).unsqueeze(0).expand(n, -1) < m.unsqueeze(1))
    seq = torch.where(mutated, (wt + torch.randint(1, GE_ALPHA, (n, GE_SITES), generator=gen)) % GE_ALPHA, wt)
    x = F.one_hot(seq, GE_ALPHA).float().flatten(1)
    phi = 1.5 + (x * theta.flatten()).sum(1) + (coupling * (mutated[:, pi] & mutated[:, pj]).float()).sum(1)
    mean = 1.0 + 9.0 * torch.sigmoid(1.5 * phi)
    y = mean + (0.4 + 0.08 * mean) * torch.randn(n, generator=gen)
    return x, y


class GlobalEpistasis(nn.Module):
    """MAVE-NN's GE regression: phi = an additive map of the one-hot sequence; yhat = a + sum_k softplus(b_k)
    tanh(softplus(c_k) phi + d_k) (20 units; positive weights make it monotone; MAVE-NN constrains them
    non-negative, here by a softplus); log sd = a quadratic in yhat (the heteroscedastic Gaussian noise model)."""

    def __init__(self, hidden: int = 20) -> None:
        super().__init__()
        self.gpmap = nn.Linear(GE_SITES * GE_ALPHA, 1)
        self.a = nn.Parameter(torch.zeros(1))
        self.b = nn.Parameter(torch.randn(hidden) * 0.1)
        self.c = nn.Parameter(torch.randn(hidden) * 0.1)
        self.d = nn.Parameter(torch.randn(hidden) * 0.1)
        self.noise = nn.Parameter(torch.zeros(3))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        phi = self.gpmap(x)
        yhat = self.a + (F.softplus(self.b) * torch.tanh(F.softplus(self.c) * phi + self.d)).sum(1)
        log_sigma = self.noise[0] + self.noise[1] * yhat + self.noise[2] * yhat**2
        return yhat, log_sigma


def ge_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The Gaussian negative log-likelihood of the measurements, per variant."""
    x, y = batch
    yhat, log_sigma = model(x)
    return (0.5 * math.log(2 * math.pi) + log_sigma + 0.5 * ((y - yhat) * torch.exp(-log_sigma)) ** 2).mean()


def global_epistasis(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """GE regression on ``train_size`` measured variants (16384 in the long plan); held out: 2048 others; Adam."""
    gen = torch.Generator().manual_seed(28302)
    x, y = _ge_library(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GlobalEpistasis(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": ge_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. hybrid DNN-HMM acoustic model (SGD with momentum)

AM_PHONES, AM_DIM, AM_CTX, AM_UTT = 10, 13, 5, 100
AM_STATES = 3 * AM_PHONES


def _am_frames(n_utt: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Utterances of 100 frames of 13 cepstral coefficients. The states: phones from a fixed random bigram, each
    three left-to-right HMM states (means fixed: start, middle and end patterns of the phone, neighbours alike) of
    1 + Poisson(1-4) frames; a frame = its state's mean x a per-utterance channel gain U[0.8, 1.2] per coefficient +
    a speaker offset N(0, 0.5^2) + AR(1) noise (rho 0.7, sd 0.9); then per-utterance mean and variance
    normalisation. Returns (every frame's window of 11 frames (edges repeated), flattened (n_utt x 100, 143); the
    state of its centre)."""
    tg = torch.Generator().manual_seed(28701)
    ends = 1.2 * torch.randn(AM_PHONES, 2, AM_DIM, generator=tg)
    mid = 0.5 * ends.sum(1) + 0.6 * torch.randn(AM_PHONES, AM_DIM, generator=tg)
    means = torch.stack([0.7 * ends[:, 0] + 0.3 * mid, mid, 0.7 * ends[:, 1] + 0.3 * mid], 1).reshape(AM_STATES, AM_DIM)
    bigram = torch.softmax(1.5 * torch.randn(AM_PHONES, AM_PHONES, generator=tg), 1)
    dur = 1.0 + 3.0 * torch.rand(AM_STATES, generator=tg)
    states = torch.empty(n_utt, AM_UTT, dtype=torch.long)
    for u in range(n_utt):
        seq: list[int] = []
        ph = int(torch.randint(0, AM_PHONES, (1,), generator=gen))
        while len(seq) < AM_UTT:
            for k in range(3):
                s = 3 * ph + k
                seq.extend([s] * (1 + int(torch.poisson(dur[s : s + 1], generator=gen))))
            ph = int(torch.multinomial(bigram[ph], 1, generator=gen))
        states[u] = torch.tensor(seq[:AM_UTT])
    noise = torch.randn(n_utt, AM_UTT, AM_DIM, generator=gen)
    for t in range(1, AM_UTT):
        noise[:, t] = 0.7 * noise[:, t - 1] + 0.71 * noise[:, t]
    speaker = 0.5 * torch.randn(n_utt, 1, AM_DIM, generator=gen)
    x = means[states] * (0.8 + 0.4 * torch.rand(n_utt, 1, AM_DIM, generator=gen)) + speaker + 0.9 * noise
    x = (x - x.mean(1, keepdim=True)) / x.std(1, keepdim=True)  # per-utterance mean and variance normalisation
    pad = torch.cat([x[:, :1].expand(-1, AM_CTX, -1), x, x[:, -1:].expand(-1, AM_CTX, -1)], 1)
    win = pad.unfold(1, 2 * AM_CTX + 1, 1)  # n_utt, T, dim, 11
    win = win.permute(0, 1, 3, 2).reshape(n_utt * AM_UTT, (2 * AM_CTX + 1) * AM_DIM)
    return win, states.flatten()


def acoustic_model(batch_size: int = 32, seed: int = 0, train_utts: int = 82, hidden: int = 128) -> dict[str, Any]:
    """An MLP 143-128-128-30 (ReLU) on the frames of 82 utterances (8200; 328 in the long plan); held out: the 4200
    frames of 42 other utterances (other speakers); SGD, momentum 0.9."""
    gen = torch.Generator().manual_seed(28702)
    x, y = _am_frames(train_utts + 42, gen)
    n = train_utts * AM_UTT
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    d = (2 * AM_CTX + 1) * AM_DIM
    model = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, AM_STATES))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1050),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. KitNET, Kitsune's ensemble of autoencoders (plain SGD)

KN_GROUPS = (3, 4, 6, 5, 4, 3, 5, 2)
KN_FEATS = sum(KN_GROUPS)
KN_MAX = 10


def _kn_flows(n: int, gen: torch.Generator) -> torch.Tensor:
    """Benign network-flow statistics: five traffic types (fixed shares); eight groups of 2-6 features, each group
    driven by one latent (its type's fixed mean + N(0, 0.6^2)) through fixed per-feature maps (linear, a softplus
    to the power 1.5, or tanh) + 10% noise; 32 features, in a fixed shuffled order."""
    tg = torch.Generator().manual_seed(28501)
    types = 5
    mu = 1.5 * torch.randn(types, len(KN_GROUPS), generator=tg)
    share = torch.softmax(torch.randn(types, generator=tg), 0)
    feats_a = 0.5 + torch.rand(KN_FEATS, generator=tg)
    feats_b = torch.randn(KN_FEATS, generator=tg)
    kind = torch.randint(0, 3, (KN_FEATS,), generator=tg)
    group = torch.repeat_interleave(torch.arange(len(KN_GROUPS)), torch.tensor(KN_GROUPS))
    perm = torch.randperm(KN_FEATS, generator=tg)
    t = torch.multinomial(share, n, replacement=True, generator=gen)
    u = mu[t] + 0.6 * torch.randn(n, len(KN_GROUPS), generator=gen)
    z = feats_a * u[:, group] + feats_b
    f = torch.where(kind == 0, z, torch.where(kind == 1, F.softplus(z) ** 1.5, torch.tanh(z)))
    f = f + 0.1 * torch.randn(n, KN_FEATS, generator=gen) * f.std(0)
    return f[:, perm]


def _kn_clusters(x: torch.Tensor, max_size: int = KN_MAX) -> list[list[int]]:
    """KitNET's feature mapper: an average-linkage dendrogram of the features under the distance 1 - |corr|, cut
    top-down into clusters of at most ``max_size`` features."""
    c = torch.corrcoef(x.t()).abs().nan_to_num(0.0)
    d = (1 - c).tolist()
    nodes: dict[int, list[int]] = {i: [i] for i in range(len(d))}
    children: dict[int, tuple[int, int]] = {}
    nid = len(d)
    while len(nodes) > 1:
        keys = list(nodes)
        best = None
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                dist = sum(d[p][q] for p in nodes[a] for q in nodes[b]) / (len(nodes[a]) * len(nodes[b]))
                if best is None or dist < best[0]:
                    best = (dist, a, b)
        _, a, b = best
        nodes[nid] = nodes.pop(a) + nodes.pop(b)
        children[nid] = (a, b)
        nid += 1
    members = {i: [i] for i in range(len(d))}
    for k, (a, b) in children.items():
        members[k] = members[a] + members[b]
    out, todo = [], [nid - 1]
    while todo:
        k = todo.pop()
        if len(members[k]) <= max_size:
            out.append(sorted(members[k]))
        else:
            todo.extend(children[k])
    return sorted(out)


class TiedAE(nn.Module):
    """KitNET's dA: sigmoid encoder and decoder with tied weights, W ~ U(-1/n, 1/n), zero biases."""

    def __init__(self, n: int, ratio: float = 0.75) -> None:
        super().__init__()
        h = math.ceil(n * ratio)
        self.w = nn.Parameter((torch.rand(n, h) * 2 - 1) / n)
        self.hbias = nn.Parameter(torch.zeros(h))
        self.vbias = nn.Parameter(torch.zeros(n))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(torch.sigmoid(x @ self.w + self.hbias) @ self.w.t() + self.vbias)


class KitNET(nn.Module):
    """KitNET: one tied-weight autoencoder per feature cluster (hidden 0.75 x its size, rounded up) and an output
    autoencoder over the ensemble's RMSEs (their input, detached: KitNET trains the layers separately)."""

    def __init__(self, clusters: list[list[int]]) -> None:
        super().__init__()
        self.clusters = [torch.tensor(c) for c in clusters]
        self.ensemble = nn.ModuleList(TiedAE(len(c)) for c in clusters)
        self.output = TiedAE(len(clusters))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        errs = []
        for idx, ae in zip(self.clusters, self.ensemble):
            v = x[:, idx]
            errs.append((ae(v) - v).pow(2).mean(1))
        e = torch.stack(errs, 1)  # mean squared errors of the ensemble layer
        r = e.detach().sqrt()  # their RMSEs, the output layer's input
        return e, (self.output(r) - r).pow(2).mean(1)


def kitnet_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The ensemble's mean squared reconstruction errors, summed, + the output autoencoder's, per item."""
    (x,) = batch
    e, out = model(x)
    return e.sum(1).mean() + out.mean()


def kitnet(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """KitNET on 4096 benign flows (16384 in the long plan) min-max scaled by the training pool's range; the feature
    map from the training pool; held out: 2048 other benign flows; plain SGD."""
    gen = torch.Generator().manual_seed(28502)
    f = _kn_flows(train_size + 2048, gen)
    lo, hi = f[:train_size].min(0).values, f[:train_size].max(0).values
    x = (f - lo) / (hi - lo)
    tr = (x[:train_size],)
    clusters = _kn_clusters(tr[0])
    torch.manual_seed(seed)
    return {"model": KitNET(clusters), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": kitnet_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. neural word alignment: fast_align's IBM Model 2 with a neural lexical table (Adam; long only)

WA_VOCAB, WA_FUNC, WA_SLEN, WA_TLEN = 100, 8, 8, 10


def _wa_pairs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A synthetic parallel corpus. Source sentences of 4-8 words drawn from a Zipf(1) vocabulary of 100; each source
    word is translated to its fixed main target word (p 0.75), to a fixed alternative (0.2) or to nothing (0.05);
    0-2 function words (8, fixed frequencies) are inserted (Poisson(0.6), capped); the target keeps the source order
    up to local swaps (positions jittered by U[0, 1.5]), the function words at random places. Returns (source ids
    1..100, 0 = padding (n, 8); target ids 1..108, 0 = padding (n, 10))."""
    tg = torch.Generator().manual_seed(28601)
    zipf = 1.0 / torch.arange(1, WA_VOCAB + 1).float()
    main = torch.randperm(WA_VOCAB, generator=tg)
    alt = torch.randint(0, WA_VOCAB, (WA_VOCAB,), generator=tg)
    func_p = torch.softmax(torch.randn(WA_FUNC, generator=tg), 0)
    slen = torch.randint(4, WA_SLEN + 1, (n,), generator=gen)
    src = torch.multinomial(zipf, n * WA_SLEN, replacement=True, generator=gen).view(n, WA_SLEN) + 1
    src = torch.where(torch.arange(WA_SLEN).unsqueeze(0) < slen.unsqueeze(1), src, 0)
    u = torch.rand(n, WA_SLEN, generator=gen)
    tw = torch.where(u < 0.75, main[src - 1], torch.where(u < 0.95, alt[src - 1], -1))
    tw = torch.where(src > 0, tw, -1)
    nfunc = torch.poisson(torch.full((n,), 0.6), generator=gen).clamp(max=2).long()
    fw = WA_VOCAB + torch.multinomial(func_p, n * 2, replacement=True, generator=gen).view(n, 2)
    fw = torch.where(torch.arange(2).unsqueeze(0) < nfunc.unsqueeze(1), fw, -1)
    words = torch.cat([tw, fw], 1)  # n, 10 (-1 = none)
    pos = torch.arange(WA_SLEN).float().unsqueeze(0) + 1.5 * torch.rand(n, WA_SLEN, generator=gen)
    fpos = slen.unsqueeze(1).float() * torch.rand(n, 2, generator=gen)
    key = torch.cat([pos, fpos], 1) + (words < 0).float() * 100  # near the source order; the empty slots last
    tgt = words.gather(1, key.argsort(1)) + 1
    return src, tgt


class NeuralFastAlign(nn.Module):
    """p(f_i | e) = p0 t(f_i | NULL) + (1 - p0) sum_j softmax_j(-lambda |i/m - j/n|) t(f_i | e_j): fast_align's
    diagonal prior (p0 = 0.08, the tension lambda learned, started at fast_align's 4), and a neural lexical table
    t(. | e) = softmax(MLP(embedding(e))) (embedding 32, tanh hidden 64; index 0 is NULL)."""

    def __init__(self, d: int = 32, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(WA_VOCAB + 1, d)
        self.mlp = nn.Sequential(nn.Linear(d, hidden), nn.Tanh(), nn.Linear(hidden, WA_VOCAB + WA_FUNC))
        self.tension = nn.Parameter(torch.tensor(math.log(math.expm1(4.0))))  # softplus^-1(4)
        self.p_null = 0.08

    def forward(self, src: torch.Tensor, tgt: torch.Tensor) -> torch.Tensor:
        """The log-likelihood of each target word (b, T; 0 at padding)."""
        b = len(src)
        srcn = torch.cat([torch.zeros(b, 1, dtype=torch.long), src], 1)  # NULL first
        logt = torch.log_softmax(self.mlp(self.emb(srcn)), 2)  # b, S+1, V
        lp = logt.gather(2, (tgt - 1).clamp_min(0).unsqueeze(1).expand(-1, logt.shape[1], -1))  # b, S+1, T
        n = (src > 0).sum(1, keepdim=True).float()
        m = (tgt > 0).sum(1, keepdim=True).float().clamp_min(1)
        i = torch.arange(1, tgt.shape[1] + 1).float().unsqueeze(0) / m  # b, T
        j = torch.arange(1, src.shape[1] + 1).float().unsqueeze(0) / n  # b, S
        h = -(i.unsqueeze(1) - j.unsqueeze(2)).abs() * F.softplus(self.tension)  # b, S, T
        h = h.masked_fill((src == 0).unsqueeze(2), float("-inf"))
        prior = math.log(1 - self.p_null) + torch.log_softmax(h, 1)
        prior = torch.cat([torch.full_like(prior[:, :1], math.log(self.p_null)), prior], 1)
        return torch.logsumexp(lp + prior, 1) * (tgt > 0)


def alignment_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative log-likelihood per target word of the batch."""
    src, tgt = batch
    return -model(src, tgt).sum() / (tgt > 0).sum()


def word_alignment(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """Neural fast_align on ``train_size`` sentence pairs (16384 in the long plan); held out: 2048 other pairs;
    Adam."""
    gen = torch.Generator().manual_seed(28602)
    src, tgt = _wa_pairs(train_size + 2048, gen)
    tr = (src[:train_size], tgt[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuralFastAlign(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((src[train_size:], tgt[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": alignment_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("df_adamax", website_fingerprinting, 200, "website_fingerprinting_deep_fingerprinting", "adamax", "finite", 32,
      seconds=1.7, start_lr=0.032),
    W("retain_adadelta", retain, 200, "retain_reverse_time_attention_ehr", "adadelta_rho0.95_eps1e-6", "finite", 32,
      seconds=1.4, start_lr=12.8),
    W("am_sgdm", acoustic_model, 300, "hybrid_dnn_hmm_acoustic_model", "sgd_momentum0.9", "finite", 128,
      seconds=0.7, start_lr=0.1),
    W("kitnet_sgd", kitnet, 300, "kitnet_autoencoder_ensemble_intrusion_detection", "sgd", "finite", 32,
      seconds=0.8, start_lr=51.2),
)
LONG = (
    W("ge_adam@long", global_epistasis, 3000, "global_epistasis_regression_mave", "adam", "finite", 32,
      dict(train_size=16384), seconds=4.5, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("align_adam@long", word_alignment, 3000, "neural_word_alignment_fast_align", "adam", "finite", 32,
      dict(train_size=16384), seconds=6.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("am_sgdm@long", acoustic_model, 3000, "hybrid_dnn_hmm_acoustic_model", "sgd_momentum0.9", "finite", 32,
      dict(train_utts=328), seconds=4.0, start_lr=0.0125, grid_fractions=(0.0, 0.05), long_of="am_sgdm"),
    W("kitnet_sgd@long", kitnet, 3000, "kitnet_autoencoder_ensemble_intrusion_detection", "sgd", "finite", 32,
      dict(train_size=16384), seconds=6.5, start_lr=51.2, grid_fractions=(0.0, 0.05), long_of="kitnet_sgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam28_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-eighth exam's workloads")
