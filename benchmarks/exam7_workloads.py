"""The seventh exam: eight more workload families that neither the suite nor the first six exams have.

The first six exams (``exam_workloads.py``, ``exam2_workloads.py`` ... ``exam6_workloads.py``) follow the same
rules as this one: every workload is written as a user of its field would write it (its own model code, its own
synthetic data generated in the factory from its own ``torch.Generator``; nothing downloaded, nothing imported from
warmfind), with an optimiser that field uses and plain torch data pipelines (a shuffling ``DataLoader`` over a
finite pool, or a stream).

Not here: the suite's families (MLP, deep MLP, CNN +-BN, GRU/LSTM, Pre-/Post-LN transformers, HF-style GPT/BERT,
linear/logistic regression), the first exam's (conv autoencoder, diffusion denoiser, GNN, MoE, SwiGLU MLP, LoRA,
contrastive, zero-init ResNet, seq2seq GRU, DeepFM), the second's (VAE, TCN/WaveNet, RealNVP, triplet metric
learning, DeepSets, skip-gram, SIREN, mixture density network), the third's (U-Net, sparse autoencoder,
distillation, MADE, conv CTC, N-BEATS, PixelCNN, Poisson GLM net), the fourth's (S4D state-space, NeuMF, PINN,
DeepSurv, ListNet, attention MIL, uncertainty multi-task, fastText), the fifth's (CRF tagger, deep kernel
learning, spiking net, BinaryNet, KAN, neural ODE, Poincare embeddings, CORAL ordinal; offline DQN and conditional
neural processes were tried there and dropped) and the sixth's (hypernetwork, deep quantile regression, ArcFace,
Siamese contrastive, Hamiltonian NN, Perceiver, two-tower retrieval, deep equilibrium model).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- end-to-end memory network: bag-of-words memories of a story with temporal encodings, three hops with adjacent
  weight tying (Sukhbaatar et al.), on bAbI-task-1-like synthetic stories ("where is X?"), cross-entropy, SGD
  with Nesterov momentum 0.9
- VQ-VAE: an MLP encoder to four latent vectors, each snapped to the nearest of 32 codebook entries with the
  straight-through gradient, an MLP decoder; reconstruction + codebook + 0.25 commitment loss (van den Oord et
  al.), RMSprop centered
- gMLP: token embeddings, two gMLP blocks with a spatial gating unit (a learned mix over positions, initialised
  near the identity gate; Liu et al.), per-token cross-entropy, AdamW with betas (0.9, 0.98) and weight decay 0.01
- pointer network: a GRU encoder over a set of numbers and a GRU decoder whose additive attention over the inputs
  is the output distribution (Vinyals et al.), trained by teacher forcing to emit the sorting order, NAdam
- Bayes by Backprop: a mean-field Gaussian MLP sampled with the reparameterisation trick, cross-entropy plus the
  KL to a N(0, 1) prior over the pool size (the ELBO per example, Blundell et al.), RAdam
- focal-loss detector head: a small CNN over 16x16 images with one rectangle, a class head trained by the focal
  loss (gamma 2) with label smoothing 0.1 and a smooth-L1 box head (RetinaNet's pair), SGD with momentum 0.9 and
  weight decay 1e-4
- FiLM: a question (which of three colours) generates feature-wise scales and shifts (FiLM, Perez et al.) for an
  MLP over a scene of four objects; the answer is the asked object's position, MSE, Adamax
- character CNN with highway layers: character embeddings, a width-3 convolution, max pooling over time, two
  highway layers (Kim et al.'s character-aware model), a class from motifs in the string, Adagrad

Long plans (``<name>@long``, total_steps = 3000): tiny versions of three families, grid warmup 0 and 5% only.

The factory contract is the suite's and the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns
``{model, data, eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent);
``optimizer`` is a hook ``(params, lr) -> Optimizer``. Data pools and held-out sets come from their own
``torch.Generator``; ``seed`` varies only the model's initialisation and the batch order. ``build(name,
no_eval=True)`` drops ``eval_data``; the entrypoint is ``benchmarks/exam7_workloads.py:build``.

The split: every workload here is ``exam``. Nothing in warmfind was ever tuned on it; it is scored rarely
(benchmarks/results/exam7/README.md).

    python benchmarks/exam7_workloads.py          # the table
    python benchmarks/exam7_workloads.py --time   # also times one full run of each (one thread)
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
#   record and plain data helpers, shared with exams 1-6)

TITLE = "Exam 7"


# --------------------------------------------------------------------------------------------------------------
# 1. end-to-end memory network on synthetic QA (SGD with Nesterov momentum)

MEM_ENTITIES, MEM_PLACES, MEM_SENTENCES = 4, 6, 8


def _stories(n: int, gen: torch.Generator, flip: float = 0.05) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Stories of 8 sentences 'entity went to place' (4 entities, 6 places), a question 'where is entity q?' about
    an entity that moves at least once, the answer its last place (bAbI task 1's form); 5% of answers resampled."""
    ent = torch.randint(0, MEM_ENTITIES, (n, MEM_SENTENCES), generator=gen)
    place = torch.randint(0, MEM_PLACES, (n, MEM_SENTENCES), generator=gen)
    pick = torch.randint(0, MEM_SENTENCES, (n,), generator=gen)
    q = ent[torch.arange(n), pick]
    last = torch.where(ent == q[:, None], torch.arange(MEM_SENTENCES), -1).amax(1)
    ans = place[torch.arange(n), last]
    ans = torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, MEM_PLACES, (n,), generator=gen), ans)
    return torch.stack([ent, MEM_ENTITIES + place], -1), q, ans


class MemN2N(nn.Module):
    """Sukhbaatar et al.'s end-to-end memory network: bag-of-words sentence memories with learned temporal
    encodings, 3 hops with adjacent weight tying (C of hop k is A of hop k+1), the question embedded by B = A of
    the first hop, the answer by the last C's transpose."""

    def __init__(self, dim: int = 24, hops: int = 3) -> None:
        super().__init__()
        vocab = MEM_ENTITIES + MEM_PLACES
        self.embeds = nn.ModuleList([nn.Embedding(vocab, dim) for _ in range(hops + 1)])
        self.temporal = nn.ParameterList([nn.Parameter(0.1 * torch.randn(MEM_SENTENCES, dim)) for _ in range(hops + 1)])
        for e in self.embeds:
            nn.init.normal_(e.weight, std=0.1)  # the paper's N(0, 0.1^2)
        self.hops = hops
        self.out = nn.Linear(dim, MEM_PLACES, bias=False)

    def forward(self, story: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
        u = self.embeds[0](q)
        for k in range(self.hops):
            m = self.embeds[k](story).sum(2) + self.temporal[k]
            c = self.embeds[k + 1](story).sum(2) + self.temporal[k + 1]
            p = torch.softmax((m @ u[:, :, None]).squeeze(-1), 1)
            u = u + (p[:, :, None] * c).sum(1)
        return self.out(u)


def memnet_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    story, q, ans = batch
    return F.cross_entropy(model(story, q), ans)


def memnet(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 24) -> dict[str, Any]:
    """A 3-hop memory network on an 8192-story pool; held out: 4096 others; SGD(momentum 0.9, nesterov)."""
    gen = torch.Generator().manual_seed(7171)
    story, q, ans = _stories(train_size + 4096, gen)
    torch.manual_seed(seed)
    pool = (story[:train_size], q[:train_size], ans[:train_size])
    return {"model": MemN2N(dim), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((story[train_size:], q[train_size:], ans[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True), "sgd_nesterov"),
            "loss_fn": memnet_ce, "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 2. VQ-VAE: codebook, straight-through, commitment (RMSprop centered)


@lru_cache(maxsize=1)
def _vq_world(dim: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(7272)
    return torch.randn(12, dim, generator=gen), torch.randn(12, dim, generator=gen)


def _vq_data(n: int, gen: torch.Generator, dim: int = 16) -> tuple[torch.Tensor]:
    """16-d vectors: the sum of one of 12 'shape' patterns and one of 12 'texture' patterns (scaled 0.5), plus a
    continuous amplitude (0.7-1.3) and noise sd 0.15: two discrete factors and a continuous one."""
    a, b = _vq_world(dim)
    i = torch.randint(0, 12, (n,), generator=gen)
    j = torch.randint(0, 12, (n,), generator=gen)
    amp = 0.7 + 0.6 * torch.rand(n, 1, generator=gen)
    return (amp * (a[i] + 0.5 * b[j]) + 0.15 * torch.randn(n, dim, generator=gen),)


class VQVAE(nn.Module):
    def __init__(self, dim: int = 16, width: int = 64, codes: int = 32, cdim: int = 4, slots: int = 4) -> None:
        super().__init__()
        self.slots, self.cdim = slots, cdim
        self.enc = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, slots * cdim))
        self.codebook = nn.Parameter(torch.randn(codes, cdim))  # nn.Embedding's default init, as most ports
        self.dec = nn.Sequential(nn.Linear(slots * cdim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, dim))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        z = self.enc(x).view(len(x), self.slots, self.cdim)
        idx = torch.cdist(z.reshape(-1, self.cdim), self.codebook).argmin(1)
        e = self.codebook[idx].view_as(z)
        zq = z + (e - z).detach()  # straight-through
        return self.dec(zq.flatten(1)), z, e


def vq_loss(model: nn.Module, batch: Any, beta: float = 0.25) -> torch.Tensor:
    """MSE reconstruction + ||sg[z] - e||^2 + 0.25 ||z - sg[e]||^2 (each averaged); positive (the noise, sd 0.15,
    and the continuous amplitude no code can carry)."""
    (x,) = batch
    recon, z, e = model(x)
    return F.mse_loss(recon, x) + F.mse_loss(e, z.detach()) + beta * F.mse_loss(z, e.detach())


def vqvae(batch_size: int = 128, seed: int = 0, width: int = 64) -> dict[str, Any]:
    """A VQ-VAE (4 slots of dimension 4, 32 codes) on a stream of 16-d vectors; held out: 4096 others; RMSprop(centered=True)."""
    torch.manual_seed(seed)
    return {"model": VQVAE(16, width), "data": Stream(_vq_data, batch_size),
            "eval_data": held_out(_vq_data, 4096, 1024, 273),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, centered=True), "rmsprop_centered"),
            "loss_fn": vq_loss}


# --------------------------------------------------------------------------------------------------------------
# 3. gMLP with spatial gating on token sequences (AdamW, betas (0.9, 0.98), wd 0.01)

GMLP_VOCAB, GMLP_LEN = 8, 16


def _gmlp_data(n: int, gen: torch.Generator, flip: float = 0.03) -> tuple[torch.Tensor, torch.Tensor]:
    """Sequences of 16 tokens (vocabulary 8); the target at position t is x[t - 1 - (x[t] mod 3)] (positions before
    the start read 0): a content-dependent look-back of 1-3 positions; 3% of targets resampled."""
    x = torch.randint(0, GMLP_VOCAB, (n, GMLP_LEN), generator=gen)
    pad = F.pad(x, (3, 0))
    back = 1 + x % 3
    y = pad.gather(1, torch.arange(GMLP_LEN)[None] + 3 - back)
    noise = torch.randint(0, GMLP_VOCAB, y.shape, generator=gen)
    return x, torch.where(torch.rand(y.shape, generator=gen) < flip, noise, y)


class GMLPBlock(nn.Module):
    def __init__(self, dim: int, ff: int, seq: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.proj_in = nn.Linear(dim, 2 * ff)
        self.gate_norm = nn.LayerNorm(ff)
        self.spatial = nn.Linear(seq, seq)  # the spatial gating unit's mix over positions
        nn.init.uniform_(self.spatial.weight, -1e-3, 1e-3)  # gMLP's init: W ~ 0, b = 1 (the gate starts open)
        nn.init.ones_(self.spatial.bias)
        self.proj_out = nn.Linear(ff, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        u, v = F.gelu(self.proj_in(self.norm(x))).chunk(2, -1)
        v = self.spatial(self.gate_norm(v).transpose(1, 2)).transpose(1, 2)
        return x + self.proj_out(u * v)


class GMLP(nn.Module):
    def __init__(self, dim: int = 32, ff: int = 64, depth: int = 2) -> None:
        super().__init__()
        self.embed = nn.Embedding(GMLP_VOCAB, dim)
        self.blocks = nn.Sequential(*[GMLPBlock(dim, ff, GMLP_LEN) for _ in range(depth)])
        self.out = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, GMLP_VOCAB))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.blocks(self.embed(x)))


def token_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x).flatten(0, 1), y.flatten())


def gmlp(batch_size: int = 32, seed: int = 0, dim: int = 32, depth: int = 2) -> dict[str, Any]:
    """A 2-block gMLP on a stream of token sequences; held out: 2048 others; AdamW(betas (0.9, 0.98), wd 0.01)."""
    torch.manual_seed(seed)
    return {"model": GMLP(dim, 2 * dim, depth), "data": Stream(_gmlp_data, batch_size),
            "eval_data": held_out(_gmlp_data, 2048, 512, 373),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98), weight_decay=0.01),
                                "adamw_b0.98_wd0.01"),
            "loss_fn": token_ce}


# --------------------------------------------------------------------------------------------------------------
# 4. pointer network learning to sort (NAdam)

PTR_LEN = 6


def _sort_data(n: int, gen: torch.Generator, noise: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """6 numbers uniform in [0, 1]; the target is the order that sorts their noisy copies (sd 0.01), so close
    values are ambiguous (the loss cannot reach 0)."""
    x = torch.rand(n, PTR_LEN, generator=gen)
    order = (x + noise * torch.randn(n, PTR_LEN, generator=gen)).argsort(1)
    return x, order


class PointerNet(nn.Module):
    """A GRU encoder over the inputs (a linear embedding of each number); a GRU decoder fed the embedding of the
    previously pointed input (teacher forcing; a learned start vector first); additive attention over the
    encoder states gives the pointer logits; already pointed positions are masked."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.embed = nn.Linear(1, hidden)
        self.encoder = nn.GRU(hidden, hidden, batch_first=True)
        self.decoder = nn.GRUCell(hidden, hidden)
        self.start = nn.Parameter(torch.zeros(hidden))
        self.w_enc = nn.Linear(hidden, hidden, bias=False)
        self.w_dec = nn.Linear(hidden, hidden)
        self.v = nn.Linear(hidden, 1, bias=False)

    def forward(self, x: torch.Tensor, order: torch.Tensor) -> torch.Tensor:
        emb = self.embed(x[..., None])  # (b, n, h)
        enc, h = self.encoder(emb)
        h = h[0]
        keys = self.w_enc(enc)
        inp = self.start.expand(len(x), -1)
        mask = torch.zeros(x.shape, dtype=torch.bool)
        out = []
        for t in range(x.shape[1]):
            h = self.decoder(inp, h)
            logits = self.v(torch.tanh(keys + self.w_dec(h)[:, None])).squeeze(-1).masked_fill(mask, -1e9)
            out.append(logits)
            pick = order[:, t]
            mask = mask | F.one_hot(pick, x.shape[1]).bool()
            inp = emb[torch.arange(len(x)), pick]
        return torch.stack(out, 1)  # (b, n, n)


def pointer_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy over positions at each decoding step, averaged; positive (the targets sort noisy copies)."""
    x, order = batch
    return F.cross_entropy(model(x, order).flatten(0, 1), order.flatten())


def pointer(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """A pointer network on an 8192-example pool of sorting problems; held out: 2048 others; NAdam."""
    gen = torch.Generator().manual_seed(7474)
    x, order = _sort_data(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": PointerNet(hidden), "data": loader(x[:train_size], order[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], order[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), "loss_fn": pointer_ce,
            "train_pool": (x[:train_size], order[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 5. Bayes by Backprop (RAdam)

BBB_CLASSES = 5


class BayesLinear(nn.Module):
    """A mean-field Gaussian linear layer: weights mu + softplus(rho) * eps, eps ~ N(0, 1) on every forward (the
    reparameterisation trick); its KL to a N(0, 0.1^2) prior in closed form."""

    prior_sd = 0.1

    def __init__(self, n_in: int, n_out: int) -> None:
        super().__init__()
        self.mu = nn.Parameter(torch.empty(n_out, n_in).uniform_(-1 / n_in**0.5, 1 / n_in**0.5))
        self.rho = nn.Parameter(torch.full((n_out, n_in), -3.0))
        self.b_mu = nn.Parameter(torch.zeros(n_out))
        self.b_rho = nn.Parameter(torch.full((n_out,), -3.0))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        w = self.mu + F.softplus(self.rho) * torch.randn_like(self.mu)
        b = self.b_mu + F.softplus(self.b_rho) * torch.randn_like(self.b_mu)
        return F.linear(x, w, b)

    def kl(self) -> torch.Tensor:
        total = torch.zeros(())
        for mu, rho in ((self.mu, self.rho), (self.b_mu, self.b_rho)):
            s = F.softplus(rho)
            total = total + (0.5 * (s.pow(2) + mu.pow(2)) / self.prior_sd**2 - torch.log(s / self.prior_sd) - 0.5).sum()
        return total


class BayesMLP(nn.Module):
    def __init__(self, dim: int = 12, width: int = 64) -> None:
        super().__init__()
        self.layers = nn.ModuleList([BayesLinear(dim, width), BayesLinear(width, width), BayesLinear(width, BBB_CLASSES)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = F.relu(x)
        return x

    def kl(self) -> torch.Tensor:
        return sum(layer.kl() for layer in self.layers)


@lru_cache(maxsize=1)
def _bbb_world(dim: int = 12) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(7575)
    return torch.randn(dim, 24, generator=gen) / dim**0.5, torch.randn(24, BBB_CLASSES, generator=gen) * 1.5


def _bbb_data(n: int, gen: torch.Generator, dim: int = 12, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    a, b = _bbb_world(dim)
    x = torch.randn(n, dim, generator=gen)
    y = (torch.tanh(2 * x @ a) @ b).argmax(1)
    return x, torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, BBB_CLASSES, (n,), generator=gen), y)


def make_elbo(pool_size: int) -> Any:
    def elbo(model: nn.Module, batch: Any) -> torch.Tensor:
        """The negative ELBO per example: cross-entropy of one weight sample + KL / pool size (a fixed weight);
        both terms positive."""
        x, y = batch
        return F.cross_entropy(model(x), y) + model.kl() / pool_size

    return elbo


def bayes_backprop(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 48) -> dict[str, Any]:
    """A Bayes-by-Backprop MLP on an 8192-example pool; held out: 4096 others (the same ELBO, one weight sample);
    RAdam."""
    gen = torch.Generator().manual_seed(7576)
    x, y = _bbb_data(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": BayesMLP(x.shape[1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": make_elbo(train_size), "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. focal-loss detector head with box regression (SGD, momentum 0.9, wd 1e-4)

DET_CLASSES, DET_SIZE = 3, 16


def _boxes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """16x16 images with one object on a noisy background (sd 0.3): a filled rectangle, an outlined one, or a
    cross, 3-9 pixels a side; target the class and the box (centre, size) in [0, 1]."""
    s = DET_SIZE
    w = torch.randint(3, 10, (n,), generator=gen)
    h = torch.randint(3, 10, (n,), generator=gen)
    x0 = (torch.rand(n, generator=gen) * (s - w + 1)).long()
    y0 = (torch.rand(n, generator=gen) * (s - h + 1)).long()
    c = torch.randint(0, DET_CLASSES, (n,), generator=gen)
    r = torch.arange(s)
    col = (r[None] >= x0[:, None]) & (r[None] < (x0 + w)[:, None])  # (n, s)
    row = (r[None] >= y0[:, None]) & (r[None] < (y0 + h)[:, None])
    inside = row[:, :, None] & col[:, None, :]
    edge_c = (r[None] == x0[:, None]) | (r[None] == (x0 + w - 1)[:, None])
    edge_r = (r[None] == y0[:, None]) | (r[None] == (y0 + h - 1)[:, None])
    outline = inside & (edge_r[:, :, None] | edge_c[:, None, :])
    mid_c = r[None] == (x0 + w // 2)[:, None]
    mid_r = r[None] == (y0 + h // 2)[:, None]
    cross = inside & (mid_r[:, :, None] | mid_c[:, None, :])
    shape = torch.where((c == 0)[:, None, None], inside, torch.where((c == 1)[:, None, None], outline, cross))
    img = shape.float() * (0.6 + 0.8 * torch.rand(n, 1, 1, generator=gen)) + 0.3 * torch.randn(n, s, s, generator=gen)
    box = torch.stack([(x0 + w / 2) / s, (y0 + h / 2) / s, w / s, h / s], 1).float()
    return img[:, None], c, box


class DetectorHead(nn.Module):
    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                  nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                                  nn.Linear(2 * width * 16, 64), nn.ReLU())
        self.cls = nn.Linear(64, DET_CLASSES)
        nn.init.constant_(self.cls.bias, -math.log((1 - 0.01) / 0.01))  # RetinaNet's prior-probability init
        self.box = nn.Linear(64, 4)

    def forward(self, img: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.body(img)
        return self.cls(h), self.box(h)


def focal_box_loss(model: nn.Module, batch: Any, gamma: float = 2.0, alpha: float = 0.25, smooth: float = 0.1) -> torch.Tensor:
    """Sigmoid focal loss (gamma 2, alpha 0.25) on label-smoothed one-hot targets (0.1), summed over classes, plus
    smooth-L1 on the box x 4 (beta 1/9, as Detectron's); positive (smoothed targets never match a sigmoid's
    output at the loss's zero)."""
    img, c, box = batch
    logits, pred = model(img)
    t = F.one_hot(c, DET_CLASSES).float() * (1 - smooth) + smooth / DET_CLASSES
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, t, reduction="none")
    p_t = p * t + (1 - p) * (1 - t)
    a_t = alpha * t + (1 - alpha) * (1 - t)
    focal = (a_t * (1 - p_t).pow(gamma) * ce).sum(1).mean()
    return focal + 4 * F.smooth_l1_loss(pred, box, beta=1 / 9)


def detector(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """A focal-loss detector head on a 4096-image pool; held out: 2048 others; SGD(momentum 0.9, wd 1e-4)."""
    gen = torch.Generator().manual_seed(7676)
    img, c, box = _boxes(train_size + 2048, gen)
    torch.manual_seed(seed)
    pool = (img[:train_size], c[:train_size], box[:train_size])
    return {"model": DetectorHead(width), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((img[train_size:], c[train_size:], box[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": focal_box_loss, "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 7. FiLM-conditioned network (Adamax)

FILM_OBJECTS = 3


def _scenes(n: int, gen: torch.Generator, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Scenes of 3 objects, each a colour (one of 3, a random permutation) and a 2-d position in [-1, 1]^2, with a
    size in [0.5, 1.5]; the question asks for one colour; the answer is that object's position scaled by its size,
    observed with noise sd 0.1."""
    colours = torch.rand(n, FILM_OBJECTS, generator=gen).argsort(1)
    pos = 2 * torch.rand(n, FILM_OBJECTS, 2, generator=gen) - 1
    size = 0.5 + torch.rand(n, FILM_OBJECTS, 1, generator=gen)
    scene = torch.cat([F.one_hot(colours, FILM_OBJECTS).float(), pos, size], -1).flatten(1)  # (n, 4 * 7)
    q = torch.randint(0, FILM_OBJECTS, (n,), generator=gen)
    which = (colours == q[:, None]).float().argmax(1)
    ans = (pos * size)[torch.arange(n), which]
    return scene, q, ans + noise * torch.randn(n, 2, generator=gen)


class FiLMNet(nn.Module):
    """A question embedding (which of 3 colours) generates (gamma, beta) for each of two hidden layers of an MLP over the scene:
    h = relu(gamma * (W x) + beta) (FiLM); a linear head to the 2-d answer."""

    def __init__(self, width: int = 64, depth: int = 2) -> None:
        super().__init__()
        self.q_embed = nn.Embedding(FILM_OBJECTS, 32)
        self.film = nn.Linear(32, 2 * width * depth)
        nn.init.zeros_(self.film.weight)
        with torch.no_grad():
            self.film.bias.copy_(torch.cat([torch.ones(width), torch.zeros(width)] * depth))
        dims = [FILM_OBJECTS * (FILM_OBJECTS + 3)] + [width] * depth
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:])])
        self.head = nn.Linear(width, 2)
        self.width = width

    def forward(self, scene: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
        gb = self.film(self.q_embed(q)).view(len(q), len(self.layers), 2, self.width)
        h = scene
        for i, layer in enumerate(self.layers):
            h = F.relu(gb[:, i, 0] * layer(h) + gb[:, i, 1])
        return self.head(h)


def film_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    scene, q, ans = batch
    return F.mse_loss(model(scene, q), ans)


def film(batch_size: int = 64, seed: int = 0, width: int = 64) -> dict[str, Any]:
    """A FiLM-conditioned MLP on a stream of (scene, question, answer); held out: 4096 others; Adamax."""
    torch.manual_seed(seed)
    return {"model": FiLMNet(width), "data": Stream(_scenes, batch_size),
            "eval_data": held_out(_scenes, 4096, 1024, 777),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"), "loss_fn": film_mse}


# --------------------------------------------------------------------------------------------------------------
# 8. character CNN with highway layers (Adagrad)

CHARS, CHAR_LEN, CHAR_CLASSES = 12, 24, 4


def _strings(n: int, gen: torch.Generator, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Strings of 24 characters (alphabet 12); each of two 3-character motifs (0 1 2 and 5 3 5) is planted at a
    random place with probability 1/2; the class says which motifs are there (4 classes); a motif can also occur
    by chance; 10% of labels resampled."""
    s = torch.randint(0, CHARS, (n, CHAR_LEN), generator=gen)
    a = torch.rand(n, generator=gen) < 0.5
    b = torch.rand(n, generator=gen) < 0.5
    for present, motif in ((a, torch.tensor([0, 1, 2])), (b, torch.tensor([5, 3, 5]))):
        at = torch.randint(0, CHAR_LEN - 2, (n,), generator=gen)
        idx = at[:, None] + torch.arange(3)
        rows = present.nonzero().squeeze(1)
        s[rows[:, None], idx[rows]] = motif
    y = a.long() + 2 * b.long()
    return s, torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, CHAR_CLASSES, (n,), generator=gen), y)


class Highway(nn.Module):
    def __init__(self, dim: int) -> None:
        super().__init__()
        self.h = nn.Linear(dim, dim)
        self.t = nn.Linear(dim, dim)
        nn.init.constant_(self.t.bias, -2.0)  # Srivastava et al.'s carry bias

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        t = torch.sigmoid(self.t(x))
        return t * F.relu(self.h(x)) + (1 - t) * x


class CharCNN(nn.Module):
    def __init__(self, emb: int = 16, channels: int = 48, layers: int = 2) -> None:
        super().__init__()
        self.embed = nn.Embedding(CHARS, emb)
        self.conv = nn.Conv1d(emb, channels, 3)
        self.highway = nn.Sequential(*[Highway(channels) for _ in range(layers)])
        self.out = nn.Linear(channels, CHAR_CLASSES)

    def forward(self, s: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.conv(self.embed(s).transpose(1, 2))).amax(2)
        return self.out(self.highway(h))


def char_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    s, y = batch
    return F.cross_entropy(model(s), y)


def charcnn(batch_size: int = 64, seed: int = 0, train_size: int = 8192, channels: int = 48) -> dict[str, Any]:
    """A character CNN with two highway layers on an 8192-string pool; held out: 4096 others; Adagrad."""
    gen = torch.Generator().manual_seed(7878)
    s, y = _strings(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": CharCNN(16, channels), "data": loader(s[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), "loss_fn": char_ce,
            "train_pool": (s[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("memnet_nesterov", memnet, 300, "memory_network", "sgd_nesterov", "finite", 32, seconds=0.45, start_lr=0.1),
    W("vqvae_rmspropc", vqvae, 400, "vq_vae", "rmsprop_centered", "stream", 128, seconds=0.5, start_lr=0.004),
    W("gmlp_adamw", gmlp, 300, "gmlp_spatial_gating", "adamw_b0.98_wd0.01", "stream", 32, seconds=1.0, start_lr=0.032),
    W("pointer_nadam", pointer, 300, "pointer_network", "nadam", "finite", 64, seconds=1.35, start_lr=0.032),
    W("bbb_radam", bayes_backprop, 400, "bayes_by_backprop", "radam", "finite", 64, seconds=0.65, start_lr=0.128),
    W("detector_sgdm", detector, 300, "focal_detector_head", "sgd_momentum0.9_wd1e-4", "finite", 64, seconds=1.05, start_lr=0.05),
    W("film_adamax", film, 400, "film_conditioning", "adamax", "stream", 64, seconds=0.4, start_lr=0.032),
    W("charcnn_adagrad", charcnn, 300, "char_cnn_highway", "adagrad", "finite", 64, seconds=0.75, start_lr=0.1),
)
LONG = (
    W("memnet_nesterov@long", memnet, 3000, "memory_network", "sgd_nesterov", "finite", 16, dict(dim=16), seconds=2.9,
      start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="memnet_nesterov"),
    W("vqvae_rmspropc@long", vqvae, 3000, "vq_vae", "rmsprop_centered", "stream", 16, dict(width=32), seconds=2.3,
      start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="vqvae_rmspropc"),
    W("charcnn_adagrad@long", charcnn, 3000, "char_cnn_highway", "adagrad", "finite", 16, dict(channels=16), seconds=3.8,
      start_lr=0.1, grid_fractions=(0.0, 0.05), long_of="charcnn_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam7_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventh exam's workloads")
