"""The fourth exam: eight more workload families that neither the suite nor the first three exams have.

The first three exams (``exam_workloads.py``, ``exam2_workloads.py``, ``exam3_workloads.py``) follow the same rules
as this one: every workload is written as a user of its field would write it (its own model code, its own
synthetic data generated in the factory from its own ``torch.Generator``; nothing downloaded, nothing imported
from warmfind), with an optimiser that field uses and plain torch data pipelines (a shuffling ``DataLoader`` over a
finite pool, or a stream).

Not here: the suite's families (MLP, deep MLP, CNN +-BN, GRU/LSTM, Pre-/Post-LN transformers, HF-style GPT/BERT,
linear/logistic regression), the first exam's (conv autoencoder, diffusion denoiser, GNN, MoE, SwiGLU MLP, LoRA,
contrastive, zero-init ResNet, seq2seq GRU, DeepFM), the second's (VAE, TCN/WaveNet, RealNVP, triplet metric
learning, DeepSets, skip-gram, SIREN, mixture density network) and the third's (U-Net, sparse autoencoder,
distillation, MADE, conv CTC, N-BEATS, PixelCNN, Poisson GLM net).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- diagonal state-space sequence model (S4D-Lin: complex diagonal modes, zero-order hold, the recurrence computed
  as a long causal convolution by FFT) learning a long non-linear filter (per-step MSE), AdamW with weight decay
  0.05
- neural collaborative filtering (NeuMF: a GMF branch and an MLP tower over user and item embeddings) predicting
  clicks, Adam
- physics-informed network (PINN): a tanh MLP fitting noisy measurements of a 1-d boundary-value problem's
  solution plus the ODE residual (by autograd) at fresh collocation points and the boundary conditions, Adam
- DeepSurv: a net's log-risk under the Cox partial likelihood on censored survival times, SGD with Nesterov
  momentum 0.9
- learning to rank: ListNet's top-1 softmax cross-entropy (TF-Ranking's SoftmaxLoss: grades normalised to sum 1)
  scoring lists of 24 documents with graded relevance 0-4, Adagrad
- attention-based multiple-instance learning (Ilse et al.'s gated attention pooling) on bags of 16 instances
  labelled by a hidden witness, RMSprop
- multi-task net with learned uncertainty weighting (Kendall et al.: exp(-s_i) L_i + s_i per task; a regression
  and a classification head on a shared trunk), NAdam
- fastText-style classifier: EmbeddingBag (mean) over word and hashed-bigram ids, one linear layer, plain SGD

Long plans (``<name>@long``, total_steps = 3000): tiny versions of three families, grid warmup 0 and 5% only.

The factory contract is the suite's and the first three exams': ``f(batch_size=..., seed=0, **kwargs)`` returns
``{model, data, eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent);
``optimizer`` is a hook ``(params, lr) -> Optimizer``. Data pools and held-out sets come from their own
``torch.Generator``; ``seed`` varies only the model's initialisation and the batch order. ``build(name,
no_eval=True)`` drops ``eval_data``; the entrypoint is ``benchmarks/exam4_workloads.py:build``.

The split: every workload here is ``exam``. Nothing in warmfind was ever tuned on it; it is scored rarely
(benchmarks/results/exam4/README.md).

    python benchmarks/exam4_workloads.py          # the table
    python benchmarks/exam4_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, Stream, _named, held_out, loader, split_batches  # noqa: E402  (the registry's
#   record and plain data helpers, shared with exams 1-3)

TITLE = "Exam 4"


# --------------------------------------------------------------------------------------------------------------
# 1. diagonal state-space model, S4D (AdamW, weight decay 0.05)


@lru_cache(maxsize=1)
def _long_filter(taps: int = 48) -> torch.Tensor:
    """A fixed causal filter over the last 48 steps: a slowly decaying oscillation and a sharp echo 40 steps back."""
    k = torch.arange(taps).float()
    h = torch.exp(-k / 16) * torch.cos(2 * math.pi * k / 12)
    h[40] += 1.0
    return h / h.norm()


def _filtered_signals(n: int, gen: torch.Generator, length: int = 64, taps: int = 48) -> tuple[torch.Tensor, torch.Tensor]:
    """Input: white noise (the sequence starts from silence); target at every step: a squashing non-linearity of
    the signal passed through the long filter (it reaches 40 steps back), plus noise of sd 0.25 (a floor for the
    loss)."""
    u = torch.randn(n, length, generator=gen)
    z = F.conv1d(F.pad(u[:, None], (taps - 1, 0)), _long_filter(taps).flip(0)[None, None]).squeeze(1)  # z_t = sum_k h_k u_{t-k}
    y = torch.tanh(1.5 * z) + 0.3 * z**2 + 0.25 * torch.randn(n, length, generator=gen)
    return u[:, None], y


class S4DKernel(nn.Module):
    """Gu et al.'s S4D-Lin: per channel, N/2 complex diagonal modes A_n = -exp(a_n) + i pi n, a learned step dt
    (log-uniform in [1e-3, 1e-1]), zero-order-hold discretisation; the kernel K_l = 2 Re sum_n C_n (exp(dt A_n) - 1)
    / A_n exp(dt A_n l)."""

    def __init__(self, channels: int, modes: int = 32, dt_min: float = 1e-3, dt_max: float = 1e-1) -> None:
        super().__init__()
        half = modes // 2
        self.log_dt = nn.Parameter(torch.rand(channels) * (math.log(dt_max) - math.log(dt_min)) + math.log(dt_min))
        self.log_a_real = nn.Parameter(torch.log(0.5 * torch.ones(channels, half)))
        self.register_buffer("a_imag", math.pi * torch.arange(half).float().expand(channels, half).clone())
        self.c = nn.Parameter(torch.randn(channels, half, 2) * 0.5**0.5)  # complex C as (real, imag)

    def forward(self, length: int) -> torch.Tensor:
        dt = self.log_dt.exp()[:, None]
        a = torch.complex(-self.log_a_real.exp(), self.a_imag)
        dta = a * dt
        c = torch.view_as_complex(self.c) * (torch.exp(dta) - 1.0) / a
        powers = torch.exp(dta[:, :, None] * torch.arange(length, device=dta.device))
        return 2 * torch.einsum("cn,cnl->cl", c, powers).real


class S4DBlock(nn.Module):
    """Pre-norm residual block: LayerNorm, the SSM as a causal FFT convolution plus a skip D u, GELU, then a GLU
    output projection."""

    def __init__(self, width: int, modes: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.kernel = S4DKernel(width, modes)
        self.d = nn.Parameter(torch.randn(width))
        self.out = nn.Linear(width, 2 * width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # (batch, length, width)
        length = x.shape[1]
        u = self.norm(x).transpose(1, 2)
        k = self.kernel(length)
        y = torch.fft.irfft(torch.fft.rfft(u, n=2 * length) * torch.fft.rfft(k, n=2 * length), n=2 * length)[..., :length]
        y = F.gelu(y + u * self.d[:, None]).transpose(1, 2)
        return x + F.glu(self.out(y), dim=-1)


class S4DModel(nn.Module):
    def __init__(self, inputs: int = 1, width: int = 32, modes: int = 32, layers: int = 2) -> None:
        super().__init__()
        self.encoder = nn.Linear(inputs, width)
        self.blocks = nn.ModuleList(S4DBlock(width, modes) for _ in range(layers))
        self.norm = nn.LayerNorm(width)
        self.decoder = nn.Linear(width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: (batch, channels, length)
        h = self.encoder(x.transpose(1, 2))
        for block in self.blocks:
            h = block(h)
        return self.decoder(self.norm(h)).squeeze(-1)  # a prediction at every step


def mse_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.mse_loss(model(x), y)


def s4d_filter(batch_size: int = 32, seed: int = 0, length: int = 48, width: int = 16, modes: int = 16,
               layers: int = 2) -> dict[str, Any]:
    """S4D learning a long non-linear filter (per-step MSE), a stream of sequences of 48 steps; AdamW(weight_decay=0.05)."""

    def sample(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        return _filtered_signals(n, gen, length)

    torch.manual_seed(seed)
    return {"model": S4DModel(1, width, modes, layers), "data": Stream(sample, batch_size),
            "eval_data": held_out(sample, 2048, 512, 111),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.05), "adamw_wd0.05"),
            "loss_fn": mse_loss}


# --------------------------------------------------------------------------------------------------------------
# 2. neural collaborative filtering, NeuMF (Adam)


@lru_cache(maxsize=1)
def _taste_world(users: int = 300, items: int = 200, rank: int = 4) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(1414)
    return torch.randn(users, rank, generator=gen), torch.randn(items, rank, generator=gen), torch.randn(items, generator=gen)


def _interactions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(user, item, clicked) triples: a user clicks an item with probability sigmoid(2 u.v + a non-linear
    affinity term + the item's popularity); Zipf-like user activity."""
    u, v, pop = _taste_world()
    activity = 1.0 / torch.arange(1, len(u) + 1).float() ** 0.5
    user = torch.multinomial(activity, n, replacement=True, generator=gen)
    item = torch.randint(0, len(v), (n,), generator=gen)
    dot = (u[user] * v[item]).sum(1)
    logit = 2.0 * dot + 0.8 * torch.relu(u[user, 0] * v[item, 1]) + pop[item] - 0.5
    return user, item, (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()


class NeuMF(nn.Module):
    """He et al. 2017: a GMF branch (element-wise product of embeddings) and an MLP branch (concatenated
    embeddings through a tower), fused by one linear layer into a click logit."""

    def __init__(self, users: int = 300, items: int = 200, factors: int = 8, tower: tuple[int, ...] = (32, 16, 8)) -> None:
        super().__init__()
        self.gmf_user, self.gmf_item = nn.Embedding(users, factors), nn.Embedding(items, factors)
        self.mlp_user, self.mlp_item = nn.Embedding(users, tower[0] // 2), nn.Embedding(items, tower[0] // 2)
        for emb in (self.gmf_user, self.gmf_item, self.mlp_user, self.mlp_item):
            nn.init.normal_(emb.weight, std=0.01)  # as in the paper's code
        layers: list[nn.Module] = []
        for a, b in zip(tower, tower[1:]):
            layers += [nn.Linear(a, b), nn.ReLU()]
        self.tower = nn.Sequential(*layers)
        self.out = nn.Linear(factors + tower[-1], 1)

    def forward(self, user: torch.Tensor, item: torch.Tensor) -> torch.Tensor:
        gmf = self.gmf_user(user) * self.gmf_item(item)
        mlp = self.tower(torch.cat([self.mlp_user(user), self.mlp_item(item)], 1))
        return self.out(torch.cat([gmf, mlp], 1)).squeeze(1)


def click_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    user, item, y = batch
    return F.binary_cross_entropy_with_logits(model(user, item), y)


def neumf(batch_size: int = 256, seed: int = 0, train_size: int = 32768, factors: int = 8) -> dict[str, Any]:
    """NeuMF on a 32768-interaction pool (300 users x 200 items); held out: 8192 other interactions; Adam."""
    gen = torch.Generator().manual_seed(1525)
    user, item, y = _interactions(train_size + 8192, gen)
    pool = (user[:train_size], item[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuMF(factors=factors), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((user[train_size:], item[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": click_bce,
            "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 3. physics-informed network (Adam)

PINN_K = 3.0  # the ODE: u'' + k^2 u = f on [0, 1], u(0) = 0, u(1) = 0.5 (the exact solution's values)


def _pinn_solution(x: torch.Tensor) -> torch.Tensor:
    return torch.sin(2 * math.pi * x) + 0.5 * x**2 + 0.3 * torch.sin(5 * math.pi * x)


def _pinn_forcing(x: torch.Tensor) -> torch.Tensor:
    """f = u'' + k^2 u for the solution above."""
    u2 = -(2 * math.pi) ** 2 * torch.sin(2 * math.pi * x) + 1.0 - 0.3 * (5 * math.pi) ** 2 * torch.sin(5 * math.pi * x)
    return u2 + PINN_K**2 * _pinn_solution(x)


def _pinn_batch(n: int, gen: torch.Generator, measured: int = 32, noise: float = 0.3) -> tuple[torch.Tensor, ...]:
    """Fresh collocation points (the residual's) and a few noisy measurements of u at random places."""
    xc = torch.rand(n, 1, generator=gen)
    xm = torch.rand(measured, 1, generator=gen)
    um = _pinn_solution(xm) + noise * torch.randn(measured, 1, generator=gen)
    return xc, _pinn_forcing(xc), xm, um


class PINN(nn.Module):
    def __init__(self, width: int = 32, depth: int = 3) -> None:
        super().__init__()
        layers: list[nn.Module] = [nn.Linear(1, width), nn.Tanh()]
        for _ in range(depth - 1):
            layers += [nn.Linear(width, width), nn.Tanh()]
        self.net = nn.Sequential(*layers, nn.Linear(width, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pinn_loss(model: nn.Module, batch: Any, residual_weight: float = 1e-3) -> torch.Tensor:
    """Data misfit + weighted ODE residual (u'' + k^2 u - f, by autograd) + boundary misfit, each a mean square."""
    xc, fc, xm, um = batch
    xc = xc.clone().requires_grad_(True)
    with torch.enable_grad():  # the residual needs derivatives in evaluation too
        u = model(xc)
        du = torch.autograd.grad(u.sum(), xc, create_graph=True)[0]
        d2u = torch.autograd.grad(du.sum(), xc, create_graph=True)[0]
        residual = ((d2u + PINN_K**2 * u - fc) ** 2).mean()
        ends = torch.tensor([[0.0], [1.0]])
        boundary = ((model(ends) - _pinn_solution(ends)) ** 2).mean()
        return F.mse_loss(model(xm), um) + residual_weight * residual + boundary


def pinn(batch_size: int = 128, seed: int = 0, width: int = 32, depth: int = 3) -> dict[str, Any]:
    """A PINN on a stream of collocation points (128) and noisy measurements (32) per step; Adam."""
    torch.manual_seed(seed)
    return {"model": PINN(width, depth), "data": Stream(_pinn_batch, batch_size),
            "eval_data": held_out(_pinn_batch, 16 * 512, 512, 121),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": pinn_loss}


# --------------------------------------------------------------------------------------------------------------
# 4. DeepSurv: Cox partial likelihood (SGD with Nesterov momentum)


@lru_cache(maxsize=1)
def _hazard_world(dim: int = 12) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(1515)
    return torch.randn(dim, 8, generator=gen) / dim**0.5, torch.randn(8, generator=gen), torch.randn(dim, generator=gen) / dim**0.5


def _survival(n: int, gen: torch.Generator, dim: int = 12) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Covariates; a log-hazard that is a non-linear function of them plus an interaction; exponential event times;
    independent exponential censoring (about 45% censored)."""
    a, b, c = _hazard_world(dim)
    x = torch.randn(n, dim, generator=gen)
    log_hazard = 3.0 * (0.6 * torch.tanh(x @ a) @ b + x @ c + 0.8 * x[:, 0] * x[:, 1])
    event_time = -torch.log1p(-torch.rand(n, generator=gen)) / log_hazard.exp()
    censor_time = -torch.log1p(-torch.rand(n, generator=gen)) / 0.5
    return x, torch.minimum(event_time, censor_time), (event_time <= censor_time).float()


class DeepSurv(nn.Module):
    """Katzman et al.: an MLP (SELU) giving the log-risk h(x); no output bias (the Cox model has none)."""

    def __init__(self, dim: int = 12, width: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.SELU(), nn.Linear(width, width), nn.SELU(),
                                 nn.Linear(width, 1, bias=False))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def cox_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative Cox partial log-likelihood (Breslow, no ties) within the batch, per event: for each event,
    log sum over the risk set (everyone still at risk) of exp(h) minus its own h; never negative."""
    x, time, event = batch
    order = torch.argsort(time, descending=True)
    h, event = model(x[order]), event[order]
    return ((torch.logcumsumexp(h, 0) - h) * event).sum() / event.sum().clamp(min=1.0)


def deepsurv(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 64) -> dict[str, Any]:
    """DeepSurv on a 4096-patient pool; held out: 4096 others in batches of the training batch size (the partial
    likelihood depends on the risk set's size); SGD(momentum=0.9, nesterov=True)."""
    gen = torch.Generator().manual_seed(1616)
    x, t, e = _survival(train_size + 4096, gen)
    pool = (x[:train_size], t[:train_size], e[:train_size])
    torch.manual_seed(seed)
    return {"model": DeepSurv(x.shape[1], width), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:], e[train_size:]), batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov"),
            "loss_fn": cox_loss, "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 5. learning to rank: ListNet (Adagrad)


def _relevance(x: torch.Tensor, query: torch.Tensor, a: torch.Tensor, b: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
    return 2.0 * torch.tanh(x @ a) @ b + x @ c + (x * query).sum(-1) / x.shape[-1] ** 0.5


@lru_cache(maxsize=1)
def _relevance_world(dim: int = 16) -> tuple[torch.Tensor, ...]:
    """The relevance function's weights, and grade thresholds at its 85/93/97/99% quantiles (most documents are
    irrelevant, about one per list highly relevant)."""
    gen = torch.Generator().manual_seed(1717)
    a, b, c = torch.randn(dim, 24, generator=gen) / dim**0.5, torch.randn(24, generator=gen) / 24**0.5, torch.randn(dim, generator=gen) / dim**0.5
    query = torch.randn(4096, 1, dim, generator=gen)
    score = _relevance(0.5 * query + torch.randn(4096, 8, dim, generator=gen), query, a, b, c)
    return a, b, c, torch.quantile(score.flatten(), torch.tensor([0.85, 0.93, 0.97, 0.99]))


def _ranking_lists(n: int, gen: torch.Generator, docs: int = 24, dim: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    """Queries with 24 candidate documents each: document features = a query context + the document's own;
    a latent relevance (non-linear in both, plus noise) graded 0-4 by fixed thresholds, most documents 0."""
    a, b, c, thresholds = _relevance_world(dim)
    query = torch.randn(n, 1, dim, generator=gen)
    x = 0.5 * query + torch.randn(n, docs, dim, generator=gen)
    score = _relevance(x, query, a, b, c) + 0.1 * torch.randn(n, docs, generator=gen)
    grade = torch.bucketize(score, thresholds).float()
    top = score.argmax(1)
    grade[torch.arange(n), top] = grade[torch.arange(n), top].clamp(min=1.0)  # every list has a relevant document
    return x, grade


class DocScorer(nn.Module):
    def __init__(self, dim: int = 16, width: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)


def listnet_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """ListNet's top-1 softmax cross-entropy as TF-Ranking's SoftmaxLoss writes it: the target distribution is the
    grades normalised to sum 1 (irrelevant documents get none), against softmax(scores), per list."""
    x, grade = batch
    return -(grade / grade.sum(-1, keepdim=True) * F.log_softmax(model(x), -1)).sum(-1).mean()


def listnet(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64) -> dict[str, Any]:
    """ListNet on a 2048-query pool (24 documents each); held out: 1024 other queries; Adagrad (TF-Ranking's
    examples' optimiser)."""
    gen = torch.Generator().manual_seed(1818)
    x, g = _ranking_lists(train_size + 1024, gen)
    torch.manual_seed(seed)
    return {"model": DocScorer(x.shape[-1], width), "data": loader(x[:train_size], g[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], g[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), "loss_fn": listnet_loss,
            "train_pool": (x[:train_size], g[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. attention-based multiple-instance learning (RMSprop)


@lru_cache(maxsize=1)
def _instance_world(dim: int = 16, clusters: int = 8) -> torch.Tensor:
    """Instance cluster centres; centre 1 (the decoy) lies close to centre 0 (the witness)."""
    gen = torch.Generator().manual_seed(1919)
    centres = 0.8 * torch.randn(clusters, dim, generator=gen)
    centres[1] = centres[0] + 0.9 * torch.randn(dim, generator=gen)
    return centres


def _bags(n: int, gen: torch.Generator, size: int = 16, dim: int = 16, flip: float = 0.05) -> tuple[torch.Tensor, torch.Tensor]:
    """Bags of 16 instances around 8 cluster centres (noise sd 1 per feature). The standard MIL rule: a bag is
    positive when it holds a witness (1-2 instances of cluster 0); half the bags are, and a third of the negative
    ones hold 1-2 decoys (cluster 1, near the witness) instead. 5% of bag labels are flipped."""
    centres = _instance_world(dim)
    c = torch.randint(2, len(centres), (n, size), generator=gen)
    positive = torch.rand(n, generator=gen) < 0.5
    decoy = ~positive & (torch.rand(n, generator=gen) < 1 / 3)
    slots = torch.argsort(torch.rand(n, size, generator=gen), 1)[:, :2]
    two = torch.rand(n, generator=gen) < 0.5
    rows = torch.arange(n)
    for kind, cluster in ((positive, 0), (decoy, 1)):
        c[rows[kind], slots[kind, 0]] = cluster
        c[rows[kind & two], slots[kind & two, 1]] = cluster
    x = centres[c] + torch.randn(n, size, dim, generator=gen)
    y = positive ^ (torch.rand(n, generator=gen) < flip)
    return x, y.float()


class AttentionMIL(nn.Module):
    """Ilse et al. 2018: an instance encoder, gated attention pooling (tanh(V h) * sigmoid(U h) -> w), a bag
    classifier on the attention-weighted mean."""

    def __init__(self, dim: int = 16, width: int = 64, attention: int = 32) -> None:
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.v, self.u = nn.Linear(width, attention), nn.Linear(width, attention)
        self.w = nn.Linear(attention, 1)
        self.classifier = nn.Sequential(nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # (bags, instances, dim)
        h = self.encoder(x)
        a = self.w(torch.tanh(self.v(h)) * torch.sigmoid(self.u(h))).softmax(1)
        return self.classifier((a * h).sum(1)).squeeze(1)


def bag_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def attention_mil(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64) -> dict[str, Any]:
    """Gated-attention MIL on a 2048-bag pool; held out: 2048 other bags; RMSprop."""
    gen = torch.Generator().manual_seed(2020)
    x, y = _bags(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": AttentionMIL(x.shape[-1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"), "loss_fn": bag_bce,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 7. multi-task net with learned uncertainty weighting (NAdam)

TASK_CLASSES = 5


@lru_cache(maxsize=1)
def _task_world(dim: int = 16) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(2323)
    return (torch.randn(dim, 32, generator=gen) / dim**0.5, torch.randn(32, generator=gen) / 32**0.5 * 2,
            torch.randn(32, TASK_CLASSES, generator=gen) / 32**0.5 * 3, torch.randn(dim, 32, generator=gen) / dim**0.5)


def _two_tasks(n: int, gen: torch.Generator, dim: int = 16) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Shared inputs; a regression target (noise sd 0.8) and a 5-class label (drawn from a softmax) from related
    non-linear features."""
    a, b, c, d = _task_world(dim)
    x = torch.randn(n, dim, generator=gen)
    h = torch.tanh(x @ a)
    y_reg = 2.0 * h @ b + 0.8 * torch.randn(n, generator=gen)
    logits = (h + 0.5 * torch.tanh(x @ d)) @ c
    y_cls = torch.multinomial(F.softmax(logits, -1), 1, generator=gen).squeeze(1)
    return x, y_reg[:, None], y_cls


class MultiTaskNet(nn.Module):
    """A shared trunk, a regression head and a classification head; ``log_vars`` are Kendall et al.'s s_i."""

    def __init__(self, dim: int = 16, width: int = 64) -> None:
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.reg = nn.Linear(width, 1)
        self.cls = nn.Linear(width, TASK_CLASSES)
        self.log_vars = nn.Parameter(torch.zeros(2))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.trunk(x)
        return self.reg(h), self.cls(h)


def uncertainty_weighted_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """sum_i exp(-s_i) L_i + s_i (the usual implementation of Kendall et al. 2018): L_1 the MSE, L_2 the
    cross-entropy. Its minimum over s_i is 1 + log L_i per task, positive here since neither task's loss can go
    below 1/e (their noise floors are about 0.64 and 0.8)."""
    x, y_reg, y_cls = batch
    pred, logits = model(x)
    losses = torch.stack([F.mse_loss(pred, y_reg), F.cross_entropy(logits, y_cls)])
    return (torch.exp(-model.log_vars) * losses + model.log_vars).sum()


def multitask(batch_size: int = 64, seed: int = 0, width: int = 64) -> dict[str, Any]:
    """Two tasks with learned uncertainty weights on a stream; NAdam."""
    torch.manual_seed(seed)
    return {"model": MultiTaskNet(16, width), "data": Stream(_two_tasks, batch_size),
            "eval_data": held_out(_two_tasks, 8192, 1024, 131),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": uncertainty_weighted_loss}


# --------------------------------------------------------------------------------------------------------------
# 8. fastText-style bag-of-n-grams classifier (plain SGD)

VOCAB, BUCKETS, TOPICS = 1000, 4096, 6


@lru_cache(maxsize=1)
def _corpus_world() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A Zipf background over the vocabulary, one topic distribution per class (over a few dozen words, some of
    them shared between classes), and a class's signature bigrams: pairs of common words that only it orders so."""
    gen = torch.Generator().manual_seed(2121)
    background = 1.0 / torch.arange(1, VOCAB + 1).float()
    topics = torch.zeros(TOPICS, VOCAB)
    for k in range(TOPICS):
        words = torch.randperm(VOCAB - 50, generator=gen)[:40] + 50
        topics[k, words] = torch.rand(40, generator=gen) + 0.2
    pairs = torch.randint(0, 50, (TOPICS, 6, 2), generator=gen)
    return background / background.sum(), topics / topics.sum(1, keepdim=True), pairs


def _documents(n: int, gen: torch.Generator, length: int = 32, topical: float = 0.12, flip: float = 0.15) -> tuple[torch.Tensor, ...]:
    """Documents of 32 words: each word from the class's topic with probability 0.12, else the background, and
    two of the class's signature bigrams planted at random places; 15% of labels replaced by a random class.
    Returned as fastText's input: word ids then hashed bigram ids (offset by the vocabulary) per document."""
    background, topics, pairs = _corpus_world()
    y = torch.randint(0, TOPICS, (n,), generator=gen)
    bg = torch.multinomial(background, n * length, replacement=True, generator=gen).view(n, length)
    tw = torch.multinomial(topics[y], length, replacement=True, generator=gen)
    words = torch.where(torch.rand(n, length, generator=gen) < topical, tw, bg)
    for _ in range(2):
        at = torch.randint(0, length - 1, (n,), generator=gen)
        pair = pairs[y, torch.randint(0, 6, (n,), generator=gen)]
        words[torch.arange(n), at] = pair[:, 0]
        words[torch.arange(n), at + 1] = pair[:, 1]
    bigrams = VOCAB + (words[:, :-1] * 7919 + words[:, 1:] * 104729) % BUCKETS
    noisy = torch.rand(n, generator=gen) < flip
    y = torch.where(noisy, torch.randint(0, TOPICS, (n,), generator=gen), y)
    return torch.cat([words, bigrams], 1), y


def ce_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x), y)


class FastText(nn.Module):
    """Joulin et al.: the mean of word and bigram embeddings (one EmbeddingBag), a linear classifier."""

    def __init__(self, dim: int = 32, classes: int = TOPICS) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(VOCAB + BUCKETS, dim, mode="mean")
        nn.init.uniform_(self.embedding.weight, -1.0 / dim, 1.0 / dim)  # fastText's input matrix init
        self.fc = nn.Linear(dim, classes)
        nn.init.zeros_(self.fc.weight)  # and its output matrix starts at zero
        nn.init.zeros_(self.fc.bias)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.fc(self.embedding(ids))


def fasttext(batch_size: int = 16, seed: int = 0, train_size: int = 8192, dim: int = 32) -> dict[str, Any]:
    """fastText on an 8192-document pool; held out: 2048 others; plain SGD (fastText's own optimiser)."""
    gen = torch.Generator().manual_seed(2222)
    x, y = _documents(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": FastText(dim), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"), "loss_fn": ce_loss,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("s4d_adamw", s4d_filter, 300, "diagonal_ssm", "adamw_wd0.05", "stream", 32, seconds=1.5, start_lr=0.064),
    W("neumf_adam", neumf, 300, "neural_cf", "adam", "finite", 256, seconds=0.5, start_lr=0.016),
    W("pinn_adam", pinn, 400, "pinn", "adam", "stream", 128, seconds=0.6, start_lr=0.016),
    W("deepsurv_nesterov", deepsurv, 300, "deepsurv", "sgd_nesterov", "finite", 64, seconds=0.2, start_lr=0.05),
    W("listnet_adagrad", listnet, 300, "learning_to_rank", "adagrad", "finite", 32, seconds=0.3, start_lr=0.16),
    W("mil_rmsprop", attention_mil, 300, "attention_mil", "rmsprop", "finite", 32, seconds=0.4, start_lr=8e-3),
    W("multitask_nadam", multitask, 400, "multitask_uncertainty", "nadam", "stream", 64, seconds=0.3, start_lr=0.016),
    W("fasttext_sgd", fasttext, 400, "fasttext", "sgd", "finite", 16, seconds=0.3, start_lr=12.8),
)
LONG = (
    W("deepsurv_nesterov@long", deepsurv, 3000, "deepsurv", "sgd_nesterov", "finite", 32, dict(width=32), seconds=1.5,
      start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="deepsurv_nesterov"),
    W("multitask_nadam@long", multitask, 3000, "multitask_uncertainty", "nadam", "stream", 16, dict(width=32),
      seconds=2.1, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="multitask_nadam"),
    W("fasttext_sgd@long", fasttext, 3000, "fasttext", "sgd", "finite", 8, dict(dim=16), seconds=1.2, start_lr=3.2,
      grid_fractions=(0.0, 0.05), long_of="fasttext_sgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam4_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fourth exam's workloads")
