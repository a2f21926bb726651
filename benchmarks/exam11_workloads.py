"""The eleventh exam: six more workload families that neither the suite nor the first ten exams have.

Same rules as exams 1-10 (``exam_workloads.py`` ... ``exam10_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam10_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 10's own
(neural probabilistic language model, weight-normalised MLP, GRU-D, early-exit classifier, Deep & Cross Network,
polynomial chaos) and the dropped set transformer, capsule net, offline DQN, conditional neural process, neural
cellular automaton and neural tensor network.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- maxout network (Goodfellow et al. 2013): two maxout layers (the max of 4 affine pieces per unit) with dropout
  0.2, a softmax layer, cross-entropy on labels drawn from a ridge-function teacher; SGD with Nesterov momentum 0.9
- soft decision tree (Frosst & Hinton): a depth-5 oblique tree whose inner nodes route by sigmoid(beta (w x + b))
  with a learned inverse temperature, a learned class distribution at each leaf, the path-probability-weighted
  cross-entropy of the leaves; SGD with momentum 0.5 (the reference implementation's)
- relation network (Santoro et al.): g over every ordered pair of objects with the question, summed, then f, on
  sort-of-CLEVR-like scenes (nearest / farthest / same-shape-count questions); Adam (the paper's)
- min-max monotonic network (Sill 1998): groups of hyperplanes with positive (exp-parametrised) weights, the min
  over groups of the max within a group, a regression monotone in every input, MSE; RMSprop (torch defaults)
- ESPCN super-resolution (Shi et al.): three convolutions with tanh on the low-resolution image and a sub-pixel
  (pixel-shuffle) output layer, 2x upscaling of synthetic 16x16 images, MSE; SGD with momentum 0.9 (as SRCNN and
  ESPCN train)
- recursive neural network (Socher et al. 2011): one tanh composition matrix applied bottom-up over complete binary
  trees of 8 words, a sentiment logit at the root, words that negate or intensify their sibling; Adagrad (Socher's)

Long plans (``<name>@long``, total_steps = 3000): tiny versions of three families, grid warmup 0 and 5% only (a
min-max one was dropped before the grid: its seeds were 6-11% apart near the best). A 1-d Fourier neural operator
(AdamW; 1.0-1.3 s a short run, and flat at the noise floor) and a quasi-recurrent network (RMSprop; 0.7-1.6 s a run,
1.03-1.07x its untrained loss) were dropped before any use for the maxout and min-max networks.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. The entrypoint
is ``benchmarks/exam11_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam11/README.md).

    python benchmarks/exam11_workloads.py          # the table
    python benchmarks/exam11_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 11"


def bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy on logits; positive (every label here is drawn from a probability strictly in (0, 1))."""
    *x, y = batch
    return F.binary_cross_entropy_with_logits(model(*x), y)


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE; positive (every target here carries noise)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy; positive (every label here is drawn from a softmax or flipped at random)."""
    *x, y = batch
    return F.cross_entropy(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. maxout network (SGD, Nesterov momentum 0.9)

MAXOUT_FEATURES, MAXOUT_CLASSES = 16, 6


def _maxout_data(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """6 classes on 16 Gaussian features: a fixed random teacher's logits are a sum of 12 rectified ridge functions
    (|w x + b| pieces) mixed by a random matrix, scaled 1.5x; the label is drawn from their softmax."""
    tg = torch.Generator().manual_seed(11101)
    ridges = torch.randn(MAXOUT_FEATURES, 12, generator=tg) / MAXOUT_FEATURES**0.5
    shifts = 0.5 * torch.randn(12, generator=tg)
    mix = torch.randn(12, MAXOUT_CLASSES, generator=tg)
    x = torch.randn(n, MAXOUT_FEATURES, generator=gen)
    logits = 1.5 * (x @ ridges + shifts).abs() @ mix
    return x, torch.multinomial(torch.softmax(logits - logits.mean(1, keepdim=True), 1), 1, generator=gen).squeeze(1)


class Maxout(nn.Module):
    """A maxout layer (Goodfellow et al.): ``pieces`` affine maps, the elementwise max."""

    def __init__(self, d_in: int, d_out: int, pieces: int) -> None:
        super().__init__()
        self.d_out, self.pieces = d_out, pieces
        self.linear = nn.Linear(d_in, d_out * pieces)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x).view(len(x), self.d_out, self.pieces).amax(2)


class MaxoutNet(nn.Module):
    """Two maxout layers (4 pieces each) with dropout 0.2 after each, a linear softmax layer."""

    def __init__(self, hidden: int = 64, pieces: int = 4) -> None:
        super().__init__()
        self.net = nn.Sequential(Maxout(MAXOUT_FEATURES, hidden, pieces), nn.Dropout(0.2), Maxout(hidden, hidden, pieces),
                                 nn.Dropout(0.2), nn.Linear(hidden, MAXOUT_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def maxout(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """A 16-64-64-6 maxout network (4 pieces, dropout 0.2) on 4096 examples; held out: 4096 others; SGD with
    Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(11102)
    x, y = _maxout_data(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": MaxoutNet(hidden), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. soft decision tree (SGD, momentum 0.5)

SDT_FEATURES, SDT_CLASSES = 10, 5


def _tree_data(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """10 Gaussian features; a fixed random oblique depth-3 teacher tree (hyperplanes on 3 features each, 8 leaves
    with random class logits of scale 2.5) gives each point its logits, and the label is drawn from their softmax."""
    tg = torch.Generator().manual_seed(11201)
    planes = torch.zeros(7, SDT_FEATURES)
    for i in range(7):
        idx = torch.randperm(SDT_FEATURES, generator=tg)[:3]
        planes[i, idx] = torch.randn(3, generator=tg)
    offsets = 0.3 * torch.randn(7, generator=tg)
    leaves = 2.5 * torch.randn(8, SDT_CLASSES, generator=tg)
    x = torch.randn(n, SDT_FEATURES, generator=gen)
    go_right = (x @ planes.T + offsets > 0).long()
    node = torch.zeros(n, dtype=torch.long)
    for _ in range(3):
        node = 2 * node + 1 + go_right.gather(1, node[:, None].clamp(max=6)).squeeze(1)
    logits = leaves[node - 7]
    return x, torch.multinomial(torch.softmax(logits, 1), 1, generator=gen).squeeze(1)


class SoftDecisionTree(nn.Module):
    """Frosst & Hinton's soft decision tree: inner node i routes right with p_i = sigmoid(beta (w_i x + b_i)),
    a leaf's path probability is the product along its path, each leaf holds a learned class distribution
    softmax(phi_l). Returns (path probabilities (n, leaves), leaf log-distributions (leaves, classes))."""

    def __init__(self, depth: int = 5) -> None:
        super().__init__()
        self.depth = depth
        self.inner = nn.Linear(SDT_FEATURES, 2**depth - 1)
        self.beta = nn.Parameter(torch.ones(1))
        self.leaves = nn.Parameter(0.1 * torch.randn(2**depth, SDT_CLASSES))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        p = torch.sigmoid(self.beta * self.inner(x))
        mu = x.new_ones(len(x), 1)
        start = 0
        for level in range(self.depth):
            width = 2**level
            right = p[:, start : start + width]
            mu = torch.stack([mu * (1 - right), mu * right], 2).flatten(1)
            start += width
        return mu, torch.log_softmax(self.leaves, 1)


def sdt_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """-sum_l P_l(x) log Q_l[y] (each leaf's cross-entropy weighted by its path probability); positive, and at
    least the label noise's entropy (labels are drawn from a softmax)."""
    x, y = batch
    mu, logq = model(x)
    return -(mu * logq[:, y].T).sum(1).mean()


def soft_tree(batch_size: int = 64, seed: int = 0, train_size: int = 4096, depth: int = 5) -> dict[str, Any]:
    """A depth-5 soft decision tree on 4096 points from an oblique teacher tree; held out: 4096 others; SGD with
    momentum 0.5."""
    gen = torch.Generator().manual_seed(11202)
    x, y = _tree_data(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": SoftDecisionTree(depth), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.5), "sgd_momentum0.5"),
            "loss_fn": sdt_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 3. relation network (Adam)

RN_OBJECTS, RN_ANSWERS = 6, 6
RN_OBJ_DIM, RN_Q_DIM = 3 + RN_OBJECTS, RN_OBJECTS + 3


def _scenes(n: int, gen: torch.Generator, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sort-of-CLEVR-like scenes: 6 objects of 6 distinct colours at uniform positions in the unit square, each a
    square or a circle, in random order; objects are [x, y, shape, colour one-hot]. A question names a colour and
    one of three types: the colour of the nearest object to it, of the farthest, or how many objects share its
    shape (1-6, answered as 0-5). 10% of answers are replaced by a uniform random one (annotation noise)."""
    pos = torch.rand(n, RN_OBJECTS, 2, generator=gen)
    shape = (torch.rand(n, RN_OBJECTS, generator=gen) < 0.5).float()
    colour = torch.argsort(torch.rand(n, RN_OBJECTS, generator=gen), 1)
    objects = torch.cat([pos, shape[..., None], F.one_hot(colour, RN_OBJECTS).float()], 2)
    asked = torch.randint(0, RN_OBJECTS, (n,), generator=gen)  # which object (its colour is the question's)
    kind = torch.randint(0, 3, (n,), generator=gen)
    rows = torch.arange(n)
    dist = (pos - pos[rows, asked][:, None]).norm(dim=2)
    dist_near = dist.clone()
    dist_near[rows, asked] = 10.0
    dist_far = dist.clone()
    dist_far[rows, asked] = -1.0
    nearest = colour[rows, dist_near.argmin(1)]
    farthest = colour[rows, dist_far.argmax(1)]
    same = (shape == shape[rows, asked][:, None]).sum(1) - 1
    answer = torch.where(kind == 0, nearest, torch.where(kind == 1, farthest, same))
    noisy = torch.rand(n, generator=gen) < flip
    answer = torch.where(noisy, torch.randint(0, RN_ANSWERS, (n,), generator=gen), answer)
    question = torch.cat([F.one_hot(colour[rows, asked], RN_OBJECTS).float(), F.one_hot(kind, 3).float()], 1)
    return objects, question, answer


class RelationNetwork(nn.Module):
    """RN(O, q) = f(sum_{i,j} g([o_i, o_j, q])), g a 3-layer ReLU MLP, f a 2-layer ReLU MLP to the answer logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.g = nn.Sequential(nn.Linear(2 * RN_OBJ_DIM + RN_Q_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                               nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.f = nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, RN_ANSWERS))

    def forward(self, objects: torch.Tensor, question: torch.Tensor) -> torch.Tensor:
        b, k, d = objects.shape
        oi = objects[:, :, None].expand(b, k, k, d)
        oj = objects[:, None].expand(b, k, k, d)
        q = question[:, None, None].expand(b, k, k, question.shape[1])
        return self.f(self.g(torch.cat([oi, oj, q], 3)).sum((1, 2)))


def relation_net(batch_size: int = 64, seed: int = 0, train_size: int = 8000, hidden: int = 64) -> dict[str, Any]:
    """A relation network (g and f of width 64) answering questions on 8000 scenes; held out: 2048 others; Adam."""
    gen = torch.Generator().manual_seed(11301)
    data = _scenes(train_size + 2048, gen)
    train, test = tuple(d[:train_size] for d in data), tuple(d[train_size:] for d in data)
    torch.manual_seed(seed)
    return {"model": RelationNetwork(hidden), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches(test, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": ce, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 4. min-max monotonic network (RMSprop)

MONO_FEATURES = 6


def _monotone_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """6 uniform inputs in [0, 1]; the response is increasing in every input (a credit-risk-like score):
    2 x0 x1 + sqrt(x2) + max(x3, x4)^2 + 0.5 tanh(4 (x5 - 0.5)) + 0.8 min(x0, x3), standardised, + noise sd 0.2."""
    x = torch.rand(n, MONO_FEATURES, generator=gen)
    y = (2 * x[:, 0] * x[:, 1] + x[:, 2].sqrt() + torch.maximum(x[:, 3], x[:, 4]) ** 2
         + 0.5 * torch.tanh(4 * (x[:, 5] - 0.5)) + 0.8 * torch.minimum(x[:, 0], x[:, 3]))
    y = (y - 2.1) / 0.6
    return x, y + 0.2 * torch.randn(n, generator=gen)


class MinMaxNet(nn.Module):
    """Sill's (1998) monotonic min-max network: ``groups`` groups of ``units`` hyperplanes whose weights are
    exp(z) > 0; the output is min over groups of the max over a group's hyperplanes: monotone in every input."""

    def __init__(self, groups: int = 8, units: int = 8) -> None:
        super().__init__()
        self.groups, self.units = groups, units
        self.z = nn.Parameter(torch.randn(groups * units, MONO_FEATURES) * 0.5 - 1.0)
        self.b = nn.Parameter(torch.randn(groups * units) * 0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.linear(x, self.z.exp(), self.b).view(len(x), self.groups, self.units)
        return h.amax(2).amin(1)


def minmax(batch_size: int = 64, seed: int = 0, train_size: int = 2048, groups: int = 12, units: int = 8) -> dict[str, Any]:
    """A min-max network (12 groups of 8 hyperplanes) on 2048 rows; held out: 4096 others; RMSprop (torch defaults)."""
    gen = torch.Generator().manual_seed(11401)
    x, y = _monotone_rows(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": MinMaxNet(groups, units), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": mse, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 5. ESPCN super-resolution (SGD, momentum 0.9)

SR_SIZE = 16


def _hr_images(n: int, gen: torch.Generator) -> torch.Tensor:
    """16x16 images: two oriented sinusoidal gratings of random frequency and phase plus two Gaussian blobs of
    random sign and width."""
    coords = torch.stack(torch.meshgrid(torch.linspace(-1, 1, SR_SIZE), torch.linspace(-1, 1, SR_SIZE),
                                        indexing="ij"), 0)  # (2, 16, 16)
    img = torch.zeros(n, SR_SIZE, SR_SIZE)
    for _ in range(2):
        theta = math.pi * torch.rand(n, generator=gen)
        freq = 1.5 + 4.5 * torch.rand(n, generator=gen)
        phase = 2 * math.pi * torch.rand(n, generator=gen)
        proj = torch.cos(theta)[:, None, None] * coords[0] + torch.sin(theta)[:, None, None] * coords[1]
        img += 0.5 * torch.sin(freq[:, None, None] * math.pi * proj + phase[:, None, None])
        centre = torch.rand(n, 2, generator=gen) * 1.6 - 0.8
        width = 0.1 + 0.3 * torch.rand(n, generator=gen)
        sign = torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
        d2 = (coords[0] - centre[:, 0, None, None]) ** 2 + (coords[1] - centre[:, 1, None, None]) ** 2
        img += sign[:, None, None] * torch.exp(-d2 / (2 * width[:, None, None] ** 2))
    return img[:, None]


class ESPCN(nn.Module):
    """Shi et al.: conv 5x5 (width) tanh, conv 3x3 (width / 2) tanh, conv 3x3 to r^2 channels, pixel shuffle by r = 2."""

    def __init__(self, width: int = 32, upscale: int = 2) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, width, 5, padding=2), nn.Tanh(), nn.Conv2d(width, width // 2, 3, padding=1),
                                  nn.Tanh(), nn.Conv2d(width // 2, upscale**2, 3, padding=1), nn.PixelShuffle(upscale))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x)


def espcn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 32) -> dict[str, Any]:
    """ESPCN (widths 32 and 16) upscaling 8x8 inputs (2x2 means of the 16x16 images, + noise sd 0.02) to the 16x16
    images (+ noise sd 0.05 on the targets), 2048 pairs; held out: 1024 others; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(11501)
    hr = _hr_images(train_size + 1024, gen)
    lr_img = F.avg_pool2d(hr, 2) + 0.02 * torch.randn(len(hr), 1, SR_SIZE // 2, SR_SIZE // 2, generator=gen)
    target = hr + 0.05 * torch.randn(hr.shape, generator=gen)
    torch.manual_seed(seed)
    return {"model": ESPCN(width), "data": loader(lr_img[:train_size], target[:train_size], batch_size=batch_size),
            "eval_data": split_batches((lr_img[train_size:], target[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": mse, "train_pool": (lr_img[:train_size], target[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. recursive neural network over binary trees (Adagrad)

RNN_VOCAB, RNN_LEAVES = 24, 8


def _sentiment_trees(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Complete binary trees over 8 words. Words 0-3 negate their sibling, 4-5 double it, 6-13 carry a fixed
    positive value, 14-21 a negative one, 22-23 are neutral. A node's value is its children's sum, except that a
    negator or intensifier word acts on its sibling's value; the label is drawn from sigmoid(1.2 x root value)."""
    tg = torch.Generator().manual_seed(11601)
    values = torch.zeros(RNN_VOCAB)
    values[6:14] = 0.4 + 0.8 * torch.rand(8, generator=tg)
    values[14:22] = -(0.4 + 0.8 * torch.rand(8, generator=tg))
    probs = torch.ones(RNN_VOCAB)
    probs[:6] = 0.6
    words = torch.multinomial(probs.expand(n, -1), RNN_LEAVES, replacement=True, generator=gen)
    val = values[words]
    op = torch.where(words < 4, 1, torch.where(words < 6, 2, 0))  # 1 negate, 2 intensify, 0 plain
    left_val, right_val, left_op, right_op = val[:, 0::2], val[:, 1::2], op[:, 0::2], op[:, 1::2]
    pair = left_val + right_val
    pair = torch.where(left_op == 1, -right_val, pair)
    pair = torch.where(left_op == 2, 2 * right_val, pair)
    pair = torch.where(right_op == 1, -left_val, pair)
    pair = torch.where(right_op == 2, 2 * left_val, pair)
    pair = torch.where((left_op > 0) & (right_op > 0), torch.zeros_like(pair), pair)
    root = pair.sum(1)
    return words, (torch.rand(n, generator=gen) < torch.sigmoid(1.2 * root)).float()


class RecursiveNet(nn.Module):
    """Socher et al.'s recursive net: word vectors, then p = tanh(W [c_left; c_right] + b) bottom-up over the
    complete binary tree (one level at a time), a logistic readout at the root."""

    def __init__(self, dim: int = 24) -> None:
        super().__init__()
        self.embed = nn.Embedding(RNN_VOCAB, dim)
        nn.init.uniform_(self.embed.weight, -0.1, 0.1)
        self.compose = nn.Linear(2 * dim, dim)
        self.out = nn.Linear(dim, 1)

    def forward(self, words: torch.Tensor) -> torch.Tensor:
        h = self.embed(words)
        while h.shape[1] > 1:
            h = torch.tanh(self.compose(h.reshape(h.shape[0], h.shape[1] // 2, -1)))
        return self.out(h[:, 0]).squeeze(1)


def recursive_net(batch_size: int = 32, seed: int = 0, train_size: int = 4096, dim: int = 24) -> dict[str, Any]:
    """A recursive neural network (word vectors and composition of width 24) on 4096 labelled 8-word trees; held
    out: 4096 others; Adagrad."""
    gen = torch.Generator().manual_seed(11602)
    x, y = _sentiment_trees(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": RecursiveNet(dim), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("maxout_nesterov", maxout, 400, "maxout_network", "sgd_nesterov0.9", "finite", 64, seconds=0.38, start_lr=0.2),
    W("sdt_sgdm", soft_tree, 400, "soft_decision_tree", "sgd_momentum0.5", "finite", 64, seconds=0.3, start_lr=1.6),
    W("relnet_adam", relation_net, 300, "relation_network", "adam", "finite", 64, seconds=0.75, start_lr=4e-3),
    W("minmax_rmsprop", minmax, 400, "minmax_monotonic_network", "rmsprop", "finite", 64, seconds=0.2, start_lr=0.128),
    W("espcn_sgdm", espcn, 300, "espcn_super_resolution", "sgd_momentum0.9", "finite", 32, seconds=0.57, start_lr=0.2),
    W("recnn_adagrad", recursive_net, 400, "recursive_neural_network", "adagrad", "finite", 32, seconds=0.22,
      start_lr=0.1),
)
LONG = (
    W("sdt_sgdm@long", soft_tree, 3000, "soft_decision_tree", "sgd_momentum0.5", "finite", 16,
      dict(train_size=2048, depth=4), seconds=1.52, start_lr=0.8, grid_fractions=(0.0, 0.05), long_of="sdt_sgdm"),
    W("recnn_adagrad@long", recursive_net, 3000, "recursive_neural_network", "adagrad", "finite", 16,
      dict(train_size=2048, dim=16), seconds=1.35, start_lr=0.1, grid_fractions=(0.0, 0.05), long_of="recnn_adagrad"),
    W("maxout_nesterov@long", maxout, 3000, "maxout_network", "sgd_nesterov0.9", "finite", 16,
      dict(train_size=2048, hidden=32), seconds=1.73, start_lr=0.025, grid_fractions=(0.0, 0.05),
      long_of="maxout_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam11_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eleventh exam's workloads")
