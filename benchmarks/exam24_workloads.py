"""The twenty-fourth exam: six more workload families that neither the suite nor the first twenty-three exams have.

Same rules as exams 1-23 (``exam_workloads.py`` ... ``exam23_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam23_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 23's own
(AlphaZero-style policy-value network, complex-valued network, DRMM, D2NN, deep CCA, crowd layer) and the ones
tried, dropped or set aside in exam 23's README.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- learning time-series shapelets (Grabocka et al. 2014): learned shapelets of two lengths (started at random
  windows of the training series), each series' minimum mean squared distance to each shapelet over its windows
  (the shapelet transform), a linear softmax layer on those distances; cross-entropy; plain SGD (the paper's,
  and the default ``optimizer="sgd"`` of tslearn's ``LearningShapelets``)
- deep clustering for source separation (Hershey et al. 2016): a bidirectional LSTM over the frames of a
  two-source mixture's log spectrogram gives a unit-norm embedding per time-frequency bin; the affinity loss
  ||V V^T - Y Y^T||_F^2 against the ideal binary mask's labels; NAdam (the default of a public Keras
  DeepClustering implementation; others use Adadelta or SGD with momentum)
- Deep CORAL unsupervised domain adaptation (Sun & Saenko 2016): an MLP classifier trained on labelled source
  items with the CORAL loss (the squared Frobenius distance between the source and target covariances of the
  last layer's outputs, over 4 d^2) on a batch of unlabelled target items; SGD with momentum 0.9 and weight
  decay 5e-4 (the paper's)
- elastic weight consolidation (Kirkpatrick et al. 2017): an MLP pre-trained on task A in the factory
  (deterministic, cached in-process), with the diagonal Fisher of task A, trained on task B (the same teacher
  on permuted inputs) with the cross-entropy + (lambda / 2) sum F (theta - theta_A)^2; plain SGD (the paper's)
- learning from label proportions (DLLP, Ardehaly & Culotta 2017; a long plan only): an MLP classifier whose
  predicted class probabilities, averaged over a bag of items, are matched to the bag's known class proportions
  (the cross-entropy of the proportions against the averaged prediction, less the proportions' own entropy:
  the KL divergence, the same gradient); Adam (the paper's)
- variational quantum classifier (a simulated 5-qubit circuit as in PennyLane's variational-classifier demo; a
  long plan only): angle encoding (RY of each feature), layers of general rotations (Rot = RZ RY RZ) on each
  qubit and a ring of CNOTs, the expectation of Z on the first qubit plus a classical bias; square loss to
  labels +-1; SGD with Nesterov momentum 0.9 (the demo's ``NesterovMomentumOptimizer``)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): DLLP and the
variational quantum classifier (no short plan), EWC on a larger task-B pool (16384 items) and Deep CORAL on a
larger pool (16384 source and target items). What was tried and dropped before the first commit is listed in
``benchmarks/results/exam24/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam24_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam24/README.md).

    python benchmarks/exam24_workloads.py          # the table
    python benchmarks/exam24_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import functools
import math
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 24"


# --------------------------------------------------------------------------------------------------------------
# 1. learning time-series shapelets (plain SGD)

SH_LEN, SH_CLASSES = 64, 4


def _sh_motifs() -> torch.Tensor:
    """Four class motifs of 12 samples: a sine period, a square pulse pair, a ramp and a narrow double spike."""
    t = torch.linspace(0, 1, 12)
    sine = torch.sin(2 * math.pi * t)
    square = torch.where(t < 0.5, torch.ones(12), -torch.ones(12))
    ramp = 2 * t - 1
    spike = torch.zeros(12)
    spike[[3, 8]] = 1.5
    spike[[2, 4, 7, 9]] = 0.5
    return torch.stack([sine, square, ramp, spike])


def _sh_series(n: int, gen: torch.Generator, noise: float = 0.4) -> tuple[torch.Tensor, torch.Tensor]:
    """Series of 64 samples: AR(1) background noise (phi 0.7, marginal sd ``noise``) with the class's motif at a
    random position and amplitude (0.5-1.2), and a random other class's motif at a lower amplitude (0.1-0.4)
    as a decoy; each series z-normalised, as shapelet users do."""
    motifs = _sh_motifs()
    c = torch.randint(0, SH_CLASSES, (n,), generator=gen)
    decoy = (c + torch.randint(1, SH_CLASSES, (n,), generator=gen)) % SH_CLASSES
    e = torch.randn(n, SH_LEN, generator=gen) * noise * math.sqrt(1 - 0.49)
    x = torch.zeros(n, SH_LEN)
    x[:, 0] = e[:, 0] / math.sqrt(1 - 0.49)
    for i in range(1, SH_LEN):
        x[:, i] = 0.7 * x[:, i - 1] + e[:, i]
    pos = torch.randint(0, SH_LEN - 12, (n,), generator=gen)
    dpos = torch.randint(0, SH_LEN - 12, (n,), generator=gen)
    amp = 0.5 + 0.7 * torch.rand(n, generator=gen)
    damp = 0.1 + 0.3 * torch.rand(n, generator=gen)
    idx = torch.arange(12)
    rows = torch.arange(n).unsqueeze(1)
    x[rows, dpos.unsqueeze(1) + idx] += damp.unsqueeze(1) * motifs[decoy]
    x[rows, pos.unsqueeze(1) + idx] += amp.unsqueeze(1) * motifs[c]
    x = (x - x.mean(1, keepdim=True)) / x.std(1, keepdim=True)
    return x, c


class ShapeletNet(nn.Module):
    """Grabocka et al.'s model: ``per_size`` shapelets of each length in ``lengths``; each series' minimum (over its
    windows) mean squared distance to each shapelet; a linear softmax layer on the distances."""

    def __init__(self, init: torch.Tensor, lengths: tuple[int, ...] = (8, 16), per_size: int = 8) -> None:
        super().__init__()
        self.lengths = lengths
        shapes = []
        for length in lengths:
            windows = init.unfold(1, length, 1).reshape(-1, length)
            pick = torch.randint(0, len(windows), (per_size,))
            shapes.append(nn.Parameter(windows[pick].clone()))
        self.shapelets = nn.ParameterList(shapes)
        self.out = nn.Linear(per_size * len(lengths), SH_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feats = []
        for length, s in zip(self.lengths, self.shapelets):
            w = x.unfold(1, length, 1)  # batch, windows, length
            d = (w.pow(2).sum(-1, keepdim=True) - 2 * w @ s.t() + s.pow(2).sum(-1)) / length
            feats.append(d.min(1).values)
        return self.out(torch.cat(feats, 1))


def sh_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, c = batch
    return F.cross_entropy(model(x), c)


def shapelets(batch_size: int = 32, seed: int = 0, train_size: int = 2048, per_size: int = 8) -> dict[str, Any]:
    """Learned shapelets (8 of length 8, 8 of length 16, started at random windows of the training series) on
    2048 series; held out: 2048 others; plain SGD (the paper's, tslearn's default)."""
    gen = torch.Generator().manual_seed(24101)
    x, c = _sh_series(train_size + 2048, gen)
    tr = (x[:train_size], c[:train_size])
    torch.manual_seed(seed)
    return {"model": ShapeletNet(x[:train_size], per_size=per_size), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], c[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": sh_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. deep clustering for source separation (NAdam)

DK_FRAMES, DK_BINS, DK_EMBED = 12, 32, 8


def _dk_source(n: int, gen: torch.Generator) -> torch.Tensor:
    """Magnitude spectrograms (n, 12 frames, 32 bins) of harmonic sources: a fundamental of 1.5-4.5 bins drifting
    linearly over the utterance, eight harmonics of decaying amplitude (1 / k) as Gaussian bumps (width 0.6
    bins), a random smooth loudness envelope per utterance (two random cosines, clamped at 0.05)."""
    t = torch.linspace(0, 1, DK_FRAMES)
    f0 = 1.5 + 3 * torch.rand(n, 1, generator=gen) + 0.8 * (torch.rand(n, 1, generator=gen) - 0.5) * t
    bins = torch.arange(DK_BINS).float()
    spec = torch.zeros(n, DK_FRAMES, DK_BINS)
    for k in range(1, 9):
        centre = (k * f0).unsqueeze(2)
        spec += torch.exp(-0.5 * ((bins - centre) / 0.6) ** 2) / k
    ph = 2 * math.pi * torch.rand(n, 2, generator=gen)
    env = 0.6 + 0.4 * torch.cos(2 * math.pi * t * 1.3 + ph[:, :1]) + 0.3 * torch.cos(2 * math.pi * t * 2.7 + ph[:, 1:])
    return spec * env.clamp_min(0.05).unsqueeze(2)


def _dk_mixtures(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two-source mixtures: the log magnitude of the sum of the two sources (gains 0.5-1.5) + a noise floor
    (0.05 + |N(0, 0.05^2)|), and the ideal binary mask's one-hot label of every time-frequency bin (the
    dominant source)."""
    s1, s2 = _dk_source(n, gen), _dk_source(n, gen)
    g = 0.5 + torch.rand(n, 2, 1, 1, generator=gen)
    s1, s2 = g[:, 0] * s1, g[:, 1] * s2
    floor = 0.05 + (0.05 * torch.randn(n, DK_FRAMES, DK_BINS, generator=gen)).abs()
    x = torch.log(s1 + s2 + floor)
    y = F.one_hot((s2 > s1).long(), 2).float()
    return x, y


class DeepClusteringNet(nn.Module):
    """Hershey et al.'s network in miniature: a bidirectional LSTM over the frames of the log spectrogram (one
    layer, 24 units each way), a linear map of every frame to an 8-d embedding per frequency bin, unit-normed."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.rnn = nn.LSTM(DK_BINS, hidden, batch_first=True, bidirectional=True)
        self.emb = nn.Linear(2 * hidden, DK_BINS * DK_EMBED)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.rnn(x)
        v = torch.tanh(self.emb(h)).reshape(x.shape[0], -1, DK_EMBED)
        return F.normalize(v, dim=-1)  # batch, bins (frames x frequencies), embedding


def affinity_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The deep clustering objective ||V V^T - Y Y^T||_F^2 (by the low-rank identity ||V^T V||^2 - 2 ||V^T Y||^2 +
    ||Y^T Y||^2), over the squared number of bins, averaged over utterances."""
    x, y = batch
    v = model(x)
    y = y.reshape(x.shape[0], -1, 2)
    vv, vy, yy = v.transpose(1, 2) @ v, v.transpose(1, 2) @ y, y.transpose(1, 2) @ y
    n = v.shape[1]
    return ((vv.pow(2).sum((1, 2)) - 2 * vy.pow(2).sum((1, 2)) + yy.pow(2).sum((1, 2))) / n**2).mean()


def deep_clustering(batch_size: int = 8, seed: int = 0, train_size: int = 2048, hidden: int = 24
                    ) -> dict[str, Any]:
    """Deep clustering (BLSTM 24 + 24, 8-d embeddings) on 2048 two-source mixtures; held out: 512 others;
    NAdam (a public Keras DeepClustering implementation's default)."""
    gen = torch.Generator().manual_seed(24202)
    x, y = _dk_mixtures(train_size + 512, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DeepClusteringNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 128),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": affinity_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. Deep CORAL domain adaptation (SGD with momentum and weight decay)

DC_DIM, DC_CLASSES = 20, 6


def _dc_domains(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Source items (20 features, six classes) and unlabelled target items of the same classes under a domain
    shift. A class's latent (4-d) is its centre + N(0, 0.9^2); the source features are a fixed random tanh map of
    it + noise sd 0.2; the target features are the same map then a fixed random linear distortion, rescaling
    and offset (the shift)."""
    tg = torch.Generator().manual_seed(24301)
    centres = 1.6 * torch.randn(DC_CLASSES, 4, generator=tg)
    a = torch.randn(4, DC_DIM, generator=tg) / 2
    distort = torch.eye(DC_DIM) + 0.5 * torch.randn(DC_DIM, DC_DIM, generator=tg) / DC_DIM**0.5
    scale = torch.exp(0.4 * torch.randn(DC_DIM, generator=tg))
    offset = 0.6 * torch.randn(DC_DIM, generator=tg)

    def features(c: torch.Tensor) -> torch.Tensor:
        z = centres[c] + 0.9 * torch.randn(len(c), 4, generator=gen)
        return torch.tanh(z @ a) * 2 + 0.2 * torch.randn(len(c), DC_DIM, generator=gen)

    ys = torch.randint(0, DC_CLASSES, (n,), generator=gen)
    xs = features(ys)
    yt = torch.randint(0, DC_CLASSES, (n,), generator=gen)
    xt = (features(yt) @ distort) * scale + offset
    return xs, ys, xt


def coral(source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Sun & Saenko's CORAL loss: || C_S - C_T ||_F^2 / (4 d^2) between the batch covariances."""
    d = source.shape[1]
    cs, ct = torch.cov(source.t()), torch.cov(target.t())
    return (cs - ct).pow(2).sum() / (4 * d * d)


class CoralNet(nn.Module):
    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Linear(DC_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.fc = nn.Linear(hidden, DC_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.features(x))


def coral_loss(model: nn.Module, batch: Any, weight: float = 1.0) -> torch.Tensor:
    """Deep CORAL: the source cross-entropy + ``weight`` x the CORAL loss of the last layer's outputs (the paper's
    fc8) between the source and target halves of the batch."""
    xs, ys, xt = batch
    out_s, out_t = model(xs), model(xt)
    return F.cross_entropy(out_s, ys) + weight * coral(out_s, out_t)


def deep_coral(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64,
               weight: float = 1.0) -> dict[str, Any]:
    """Deep CORAL (MLP 20-64-64-6) on 4096 labelled source and 4096 unlabelled target items; held out: 2048 of
    each, in batches of 64 as in training; SGD, momentum 0.9, weight decay 5e-4 (the paper's)."""
    gen = torch.Generator().manual_seed(24302)
    xs, ys, xt = _dc_domains(train_size + 2048, gen)
    tr = (xs[:train_size], ys[:train_size], xt[:train_size])
    torch.manual_seed(seed)
    return {"model": CoralNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((xs[train_size:], ys[train_size:], xt[train_size:]), batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum"),
            "loss_fn": functools.partial(coral_loss, weight=weight), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. variational quantum classifier (SGD with Nesterov momentum)

VQ_QUBITS = 5


def _rot(phi: torch.Tensor, theta: torch.Tensor, omega: torch.Tensor) -> torch.Tensor:
    """PennyLane's Rot(phi, theta, omega) = RZ(omega) RY(theta) RZ(phi), for a vector of each: (..., 2, 2)."""
    c, s = torch.cos(theta / 2), torch.sin(theta / 2)
    a, b = (phi + omega) / 2, (phi - omega) / 2
    return torch.stack([torch.stack([torch.polar(c, -a), -torch.polar(s, b)], -1),
                        torch.stack([torch.polar(s, -b), torch.polar(c, a)], -1)], -2)


@functools.lru_cache(maxsize=None)
def _cnot_ring(n: int) -> torch.Tensor:
    """The permutation matrix of CNOT(0, 1) CNOT(1, 2) ... CNOT(n-1, 0) on n qubits (qubit 0 most significant)."""
    states = torch.arange(2**n)
    bits = (states.unsqueeze(1) >> torch.arange(n - 1, -1, -1)) & 1
    for q in range(n):
        t = (q + 1) % n
        bits[:, t] ^= bits[:, q]
    out = (bits * (1 << torch.arange(n - 1, -1, -1))).sum(1)
    p = torch.zeros(2**n, 2**n, dtype=torch.complex64)
    p[out, states] = 1
    return p


def _layers_unitary(weights: torch.Tensor) -> torch.Tensor:
    """The circuit's unitary: per layer, Rot on every qubit (their Kronecker product) then the CNOT ring."""
    layers, n = weights.shape[:2]
    rots = _rot(weights[..., 0], weights[..., 1], weights[..., 2])  # layers, n, 2, 2
    letters = "abcdefghijklmnopqrst"
    rows, cols = letters[:n], letters[n: 2 * n]
    spec = ",".join(f"z{r}{c}" for r, c in zip(rows, cols)) + f"->z{rows}{cols}"
    kron = torch.einsum(spec, *rots.unbind(1)).reshape(layers, 2**n, 2**n)
    ring = _cnot_ring(n)
    u = ring @ kron[0]
    for k in kron[1:]:
        u = ring @ k @ u
    return u


def _encode(x: torch.Tensor) -> torch.Tensor:
    """Angle encoding: RY(x_i) on qubit i from |0>, the product state (cos(x_i / 2), sin(x_i / 2)) kron ..."""
    c, s = torch.cos(x / 2), torch.sin(x / 2)
    state = torch.stack([c[:, 0], s[:, 0]], 1)
    for q in range(1, x.shape[1]):
        state = (state.unsqueeze(2) * torch.stack([c[:, q], s[:, q]], 1).unsqueeze(1)).reshape(len(x), -1)
    return state.to(torch.complex64)


def _z0(n: int) -> torch.Tensor:
    return 1 - 2 * ((torch.arange(2**n) >> (n - 1)) & 1).float()


class VQC(nn.Module):
    """The variational classifier: angle encoding, ``layers`` x (Rot on every qubit, CNOT ring), <Z_0> + bias.
    Weights started at 0.01 N(0, 1), as PennyLane's demo does."""

    def __init__(self, qubits: int = VQ_QUBITS, layers: int = 4) -> None:
        super().__init__()
        self.weights = nn.Parameter(0.01 * torch.randn(layers, qubits, 3))
        self.bias = nn.Parameter(torch.zeros(()))
        self.register_buffer("z0", _z0(qubits))

    def forward(self, state: torch.Tensor) -> torch.Tensor:
        """``state``: the encoded input states (batch, 2^qubits), prepared once in the factory (``_encode``)."""
        psi = state @ _layers_unitary(self.weights).t()
        return (psi.abs() ** 2) @ self.z0 + self.bias


def vqc_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The demo's square loss to labels +-1."""
    x, y = batch
    return (model(x) - y).pow(2).mean()


def _vqc_data(n: int, gen: torch.Generator, flip: float = 0.05) -> tuple[torch.Tensor, torch.Tensor]:
    """Five features uniform in [0, pi]; the label is the sign of a fixed random 3-layer teacher circuit's <Z_0>
    (weights uniform in [0, 2 pi]) about its median, 5% of labels flipped."""
    tg = torch.Generator().manual_seed(24401)
    teacher = 2 * math.pi * torch.rand(2, VQ_QUBITS, 3, generator=tg)
    probe = math.pi * torch.rand(4096, VQ_QUBITS, generator=tg)
    with torch.no_grad():
        u = _layers_unitary(teacher)
        z = _z0(VQ_QUBITS)
        cut = ((_encode(probe) @ u.t()).abs() ** 2 @ z).median()
        x = math.pi * torch.rand(n, VQ_QUBITS, generator=gen)
        f = (_encode(x) @ u.t()).abs() ** 2 @ z
    y = torch.where(f > cut, 1.0, -1.0)
    y = torch.where(torch.rand(n, generator=gen) < flip, -y, y)
    return x, y


def vq_classifier(batch_size: int = 32, seed: int = 0, train_size: int = 2048, layers: int = 4) -> dict[str, Any]:
    """A 5-qubit, 4-layer variational classifier on 2048 items; held out: 2048 others; SGD with Nesterov momentum
    0.9 (PennyLane's demo)."""
    gen = torch.Generator().manual_seed(24402)
    x, y = _vqc_data(train_size + 2048, gen)
    x = _encode(x)  # the angle-encoded states (a product state needs no circuit simulation)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VQC(VQ_QUBITS, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov"),
            "loss_fn": vqc_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. learning from label proportions, DLLP (Adam; a long plan only)

LP_DIM, LP_CLASSES, LP_BAG = 16, 4, 32


def _lp_bags(bags: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bags of 32 items. Items: 16 Gaussian features, the class (of four) from a fixed random teacher MLP with
    Gumbel noise (scale 0.3) on its logits. Each bag draws its class proportions from Dirichlet(0.5), then its
    items of each class from a large pool; its label is the exact proportion of each class among its items."""
    tg = torch.Generator().manual_seed(24501)
    w1, w2 = torch.randn(LP_DIM, 32, generator=tg) / 2, torch.randn(32, LP_CLASSES, generator=tg)
    pool = torch.randn(bags * LP_BAG * 3, LP_DIM, generator=gen)
    u = torch.rand(len(pool), LP_CLASSES, generator=gen).clamp(1e-9, 1 - 1e-9)
    cls = (torch.tanh(pool @ w1) @ w2 - 0.3 * torch.log(-torch.log(u))).argmax(1)
    by_class = [pool[cls == k] for k in range(LP_CLASSES)]
    used = [0] * LP_CLASSES
    xs, props = [], []
    gam = torch.randn(bags, LP_CLASSES, generator=gen).pow(2)  # Gamma(1/2) draws (Z^2 / 2, the 2 cancels)
    for p in gam / gam.sum(1, keepdim=True):  # Dirichlet(1/2) proportions
        counts = torch.multinomial(p, LP_BAG, replacement=True, generator=gen).bincount(minlength=LP_CLASSES)
        items = []
        for k in range(LP_CLASSES):
            take = int(counts[k])
            if used[k] + take > len(by_class[k]):
                used[k] = 0
            items.append(by_class[k][used[k]: used[k] + take])
            used[k] += take
        x = torch.cat(items)
        xs.append(x[torch.randperm(LP_BAG, generator=gen)])
        props.append(counts.float() / LP_BAG)
    return torch.stack(xs), torch.stack(props)


def dllp_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """DLLP's bag loss: the cross-entropy of the bag's proportions against its items' averaged predicted
    probabilities, less the proportions' entropy (the KL divergence: positive, the same gradient)."""
    x, p = batch
    probs = model(x.reshape(-1, LP_DIM)).softmax(1).reshape(len(x), LP_BAG, LP_CLASSES).mean(1)
    return (p * (p.clamp_min(1e-12).log() - probs.clamp_min(1e-12).log())).sum(1).mean()


def dllp(batch_size: int = 8, seed: int = 0, train_bags: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """DLLP (MLP 16-64-64-4) on 2048 bags of 32 items; held out: 512 other bags; Adam (the paper's)."""
    gen = torch.Generator().manual_seed(24502)
    x, p = _lp_bags(train_bags + 512, gen)
    tr = (x[:train_bags], p[:train_bags])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(LP_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, LP_CLASSES))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_bags:], p[train_bags:]), 128),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": dllp_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. elastic weight consolidation (plain SGD; a long plan only)

EW_DIM, EW_CLASSES = 32, 8


def _ew_task(n: int, gen: torch.Generator, task: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Task 0 (A): 32 Gaussian features, the class (of eight) from a fixed random teacher MLP + logit noise sd
    0.3; task 1 (B): the same teacher on a fixed permutation of the features (permuted-MNIST style)."""
    tg = torch.Generator().manual_seed(24601)
    w1, w2 = torch.randn(EW_DIM, 48, generator=tg) / EW_DIM**0.5, torch.randn(48, EW_CLASSES, generator=tg)
    perm = torch.randperm(EW_DIM, generator=tg)
    x = torch.randn(n, EW_DIM, generator=gen)
    xin = x[:, perm] if task else x
    y = (torch.tanh(2 * xin @ w1) @ w2 + 0.3 * torch.randn(n, EW_CLASSES, generator=gen)).argmax(1)
    return x, y


def _ew_mlp(hidden: int = 64) -> nn.Sequential:
    return nn.Sequential(nn.Linear(EW_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                         nn.Linear(hidden, EW_CLASSES))


@functools.lru_cache(maxsize=2)
def _ew_task_a(hidden: int = 64) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
    """The task-A checkpoint (1500 SGD-momentum steps, batch 64, deterministic) and its diagonal Fisher (the
    expected squared score under the model's own predictive distribution, over 512 task-A inputs); cached for
    the life of the process."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(2424)
        model = _ew_mlp(hidden)
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
        gen = torch.Generator().manual_seed(24602)
        for _ in range(1500):
            x, y = _ew_task(64, gen, 0)
            opt.zero_grad()
            F.cross_entropy(model(x), y).backward()
            opt.step()
        x, _ = _ew_task(512, gen, 0)
        fisher = {k: torch.zeros_like(v) for k, v in model.named_parameters()}
        probs = model(x).softmax(1).detach()
        for i in range(len(x)):
            logp = torch.log_softmax(model(x[i: i + 1]), 1)[0]
            for k in range(EW_CLASSES):
                model.zero_grad()
                logp[k].backward(retain_graph=k < EW_CLASSES - 1)
                for name, p in model.named_parameters():
                    fisher[name] += probs[i, k] * p.grad.pow(2) / len(x)
    return ({k: v.detach().clone() for k, v in model.state_dict().items()}, fisher)


class EWCNet(nn.Module):
    """The task-A network with its anchor (theta_A) and Fisher as buffers, for the EWC penalty."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        state, fisher = _ew_task_a(hidden)
        self.net = _ew_mlp(hidden)
        self.net.load_state_dict(state)
        self.names = [k for k, _ in self.net.named_parameters()]
        for i, k in enumerate(self.names):
            self.register_buffer(f"anchor{i}", state[k].clone())
            self.register_buffer(f"fisher{i}", fisher[k].clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)

    def penalty(self) -> torch.Tensor:
        params = dict(self.net.named_parameters())
        return sum((getattr(self, f"fisher{i}") * (params[k] - getattr(self, f"anchor{i}")).pow(2)).sum()
                   for i, k in enumerate(self.names))


def ewc_loss(model: nn.Module, batch: Any, lam: float = 50.0) -> torch.Tensor:
    """Task B's cross-entropy + (lambda / 2) x the Fisher-weighted squared distance to the task-A weights."""
    x, y = batch
    return F.cross_entropy(model(x), y) + 0.5 * lam * model.penalty()


def ewc(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64, lam: float = 50.0
        ) -> dict[str, Any]:
    """EWC: the task-A MLP (32-64-64-8) trained on 4096 task-B items with the EWC penalty (lambda 50); held out:
    2048 other task-B items (the same loss, penalty included); plain SGD (the paper's). The weights start at the
    task-A checkpoint, so ``seed`` varies the batch order only."""
    gen = torch.Generator().manual_seed(24603)
    x, y = _ew_task(train_size + 2048, gen, 1)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EWCNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": functools.partial(ewc_loss, lam=lam), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("shapelet_sgd", shapelets, 300, "learning_time_series_shapelets", "sgd", "finite", 32, seconds=1.0,
      start_lr=1.024),
    W("dc_nadam", deep_clustering, 300, "deep_clustering_source_separation", "nadam", "finite", 8, seconds=1.2,
      start_lr=0.016),
    W("coral_sgdm", deep_coral, 300, "deep_coral_domain_adaptation", "sgd_momentum", "finite", 64, seconds=0.8,
      start_lr=0.064),
    W("ewc_sgd", ewc, 300, "elastic_weight_consolidation", "sgd", "finite", 32, seconds=0.6, start_lr=0.128),
)
LONG = (
    W("dllp_adam@long", dllp, 3000, "learning_from_label_proportions", "adam", "finite", 8, seconds=7.0,
      start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("vqc_nesterov@long", vq_classifier, 3000, "variational_quantum_classifier", "sgd_nesterov", "finite", 32,
      seconds=8.0, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("ewc_sgd@long", ewc, 3000, "elastic_weight_consolidation", "sgd", "finite", 32, dict(train_size=16384),
      seconds=5.0, start_lr=0.128, grid_fractions=(0.0, 0.05), long_of="ewc_sgd"),
    W("coral_sgdm@long", deep_coral, 3000, "deep_coral_domain_adaptation", "sgd_momentum", "finite", 64,
      dict(train_size=16384), seconds=7.0, start_lr=0.064, grid_fractions=(0.0, 0.05), long_of="coral_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam24_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-fourth exam's workloads")
