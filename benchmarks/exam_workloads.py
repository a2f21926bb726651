"""The exam: workloads from families the suite does not have, for a single, rare scoring of warmfind.

warmfind was designed and tuned on ``suite_workloads.py`` (MLP, deep MLP, CNN +-BN, GRU/LSTM, Pre-/Post-LN
transformers, HF-style GPT/BERT, linear/logistic regression; SGD, SGD+momentum, Adam, AdamW). None of those
families or optimisers is here. Every workload is written as a user of its field would write it: its own model
code, its own data (synthetic, generated in the factory; nothing is downloaded, nothing imported from warmfind),
the optimiser its field uses, and plain torch data pipelines (a shuffling ``DataLoader`` over a finite pool, or an
iterable that draws fresh samples: a stream).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- conv autoencoder (reconstruction MSE), RMSprop (torch default: alpha 0.99, no bias correction)
- diffusion-style denoiser (predict the added noise from x_t and t), RAdam
- graph network: message passing on stochastic-block-model graphs, a node's community from its neighbours, NAdam
- mixture of experts: a top-2 gated MLP with a load-balancing term, RAdam
- gated (SwiGLU) residual MLP on a noisy-label pool, SGD with Nesterov momentum and weight decay
- LoRA fine-tune of an MLP the factory pre-trains first (deterministic, cached in-process): only LoRA's A and B
  train, B starts at 0; AdamW
- contrastive (InfoNCE / NT-Xent) encoder on two augmented views of synthetic data, NAdam
- ResNet whose residual branches start at zero (no normalisation), SGD with Nesterov momentum
- seq2seq: a GRU encoder-decoder reversing sequences, RMSprop
- recommender: a factorisation machine + MLP over categorical fields (click prediction), Adagrad

Long plans (``<name>@long``, total_steps >= 3000): tiny versions of four families, 10x longer.

The factory contract is the suite's: ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data, eval_data,
optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``. Data pools and held-out sets come from their own ``torch.Generator``; ``seed``
varies only the model's initialisation and the batch order. ``build(name, no_eval=True)`` drops ``eval_data``
(a user with none), which is the entrypoint warmfind probes: ``benchmarks/exam_workloads.py:build``.

The split: every workload here is ``exam``. Nothing in warmfind was ever tuned on it; it is scored rarely
(benchmarks/results/exam/README.md).

    python benchmarks/exam_workloads.py          # the table
    python benchmarks/exam_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

TITLE = "Exam"


# --------------------------------------------------------------------------------------------------------------
# data: what a user writes


class Stream:
    """Fresh samples for every batch, ``num_batches`` per pass (like an IterableDataset over a generator).

    The generator is seeded from the torch RNG when a pass starts, so seeding torch before ``iter()`` repeats it.
    """

    def __init__(self, sample: Callable[[int, torch.Generator], Any], batch_size: int, num_batches: int = 100) -> None:
        self.sample, self.batch_size, self.num_batches = sample, batch_size, num_batches

    def __len__(self) -> int:
        return self.num_batches

    def __iter__(self) -> Iterator[Any]:
        gen = torch.Generator().manual_seed(int(torch.randint(0, 2**62, ()).item()))
        for _ in range(self.num_batches):
            yield self.sample(self.batch_size, gen)


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as most users pass it: a shuffling DataLoader."""
    return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*tensors), batch_size=batch_size, shuffle=True,
                                       drop_last=True)


def held_out(sample: Callable[[int, torch.Generator], Any], n: int, batch: int, seed: int) -> list[Any]:
    gen = torch.Generator().manual_seed(seed)
    return [sample(batch, gen) for _ in range(n // batch)]


def split_batches(tensors: tuple[torch.Tensor, ...], batch: int) -> list[tuple[torch.Tensor, ...]]:
    n = len(tensors[0])
    return [tuple(t[i : i + batch] for t in tensors) for i in range(0, n, batch)]


def _named(make: Callable[..., torch.optim.Optimizer], name: str) -> Callable[..., torch.optim.Optimizer]:
    make.__name__ = name
    return make


# --------------------------------------------------------------------------------------------------------------
# 1. convolutional autoencoder (RMSprop)


def _blob_images(n: int, gen: torch.Generator, size: int = 16) -> torch.Tensor:
    """1-3 Gaussian blobs and an oriented bar per image, random positions, widths and signs."""
    grid = torch.linspace(-1, 1, size)
    yy, xx = torch.meshgrid(grid, grid, indexing="ij")
    img = torch.zeros(n, 1, size, size)
    for _ in range(3):
        on = (torch.rand(n, 1, 1, 1, generator=gen) < 0.7).float()
        c = torch.rand(n, 2, 1, 1, generator=gen) * 1.6 - 0.8
        w = 0.1 + 0.25 * torch.rand(n, 1, 1, 1, generator=gen)
        sign = torch.where(torch.rand(n, 1, 1, 1, generator=gen) < 0.5, -1.0, 1.0)
        img += on * sign * torch.exp(-((xx - c[:, :1]) ** 2 + (yy - c[:, 1:]) ** 2) / (2 * w**2))
    angle = torch.rand(n, 1, 1, generator=gen) * math.pi
    off = torch.rand(n, 1, 1, generator=gen) - 0.5
    d = xx * torch.cos(angle) + yy * torch.sin(angle) - off
    img[:, 0] += torch.exp(-(d**2) / 0.02)
    return img + 0.05 * torch.randn(img.shape, generator=gen)


class ConvAutoencoder(nn.Module):
    def __init__(self, width: int = 16, code: int = 8) -> None:
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, width, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(width, 2 * width, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(2 * width, code, 1),
        )
        self.decoder = nn.Sequential(
            nn.Conv2d(code, 2 * width, 1), nn.ReLU(),
            nn.ConvTranspose2d(2 * width, width, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(width, 1, 4, stride=2, padding=1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decoder(self.encoder(x))


def recon_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    (x,) = batch if isinstance(batch, (list, tuple)) else (batch,)
    return F.mse_loss(model(x), x)


def conv_autoencoder(batch_size: int = 32, seed: int = 0, width: int = 8, alpha: float = 0.99) -> dict[str, Any]:
    """A conv autoencoder (16x16 -> 4x4x8 -> 16x16) on a stream of blob-and-bar images; RMSprop."""
    data = Stream(lambda n, g: (_blob_images(n, g),), batch_size)
    torch.manual_seed(seed)
    return {"model": ConvAutoencoder(width), "data": data, "eval_data": held_out(lambda n, g: (_blob_images(n, g),), 512, 128, 11),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=alpha), "rmsprop"),
            "loss_fn": recon_loss}


# --------------------------------------------------------------------------------------------------------------
# 2. diffusion-style denoiser (RAdam)


@lru_cache(maxsize=1)
def _mixture_means(dim: int = 8, modes: int = 12) -> torch.Tensor:
    gen = torch.Generator().manual_seed(2718)
    basis = torch.linalg.qr(torch.randn(dim, 3, generator=gen))[0]  # the data lives near a 3-d subspace
    return 2.0 * torch.randn(modes, 3, generator=gen) @ basis.T


def _diffusion_batch(n: int, gen: torch.Generator, dim: int = 8) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    means = _mixture_means(dim)
    x0 = means[torch.randint(0, len(means), (n,), generator=gen)] + 0.15 * torch.randn(n, dim, generator=gen)
    t = torch.rand(n, generator=gen)
    return x0, t, torch.randn(n, dim, generator=gen)


class Denoiser(nn.Module):
    """eps_theta(x_t, t): an MLP on x_t and a sinusoidal embedding of t (SiLU, as in DDPM-style code)."""

    def __init__(self, dim: int = 8, width: int = 128, depth: int = 3, t_dim: int = 16) -> None:
        super().__init__()
        self.t_dim = t_dim
        layers: list[nn.Module] = [nn.Linear(dim + t_dim, width), nn.SiLU()]
        for _ in range(depth - 1):
            layers += [nn.Linear(width, width), nn.SiLU()]
        self.net = nn.Sequential(*layers, nn.Linear(width, dim))

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        freqs = torch.exp(torch.arange(self.t_dim // 2) * (-math.log(1000.0) / (self.t_dim // 2)))
        angles = 1000.0 * t[:, None] * freqs[None]
        return self.net(torch.cat([x, angles.sin(), angles.cos()], 1))


def noise_prediction_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x0, t, eps = batch
    abar = torch.cos(0.5 * math.pi * (0.008 + t) / 1.008) ** 2  # the cosine noise schedule
    xt = abar.sqrt()[:, None] * x0 + (1 - abar).sqrt()[:, None] * eps
    return F.mse_loss(model(xt, t), eps)


def denoiser(batch_size: int = 128, seed: int = 0, width: int = 128, depth: int = 3) -> dict[str, Any]:
    """Denoising score matching on a 12-mode mixture near a 3-d subspace of R^8 (a stream); RAdam."""
    torch.manual_seed(seed)
    return {"model": Denoiser(8, width, depth), "data": Stream(_diffusion_batch, batch_size),
            "eval_data": held_out(_diffusion_batch, 2048, 512, 21),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": noise_prediction_loss}


# --------------------------------------------------------------------------------------------------------------
# 3. graph network (NAdam)


def _sbm_graphs(count: int, gen: torch.Generator, nodes: int = 24, groups: int = 4, feat: int = 8,
                p_in: float = 0.35, p_out: float = 0.04, hidden_frac: float = 0.5) -> tuple[torch.Tensor, ...]:
    """Stochastic-block-model graphs: node label = community. Half the nodes carry no feature signal, so their
    label must come from the neighbours; the other half carry a weak, noisy one."""
    y = torch.randint(0, groups, (count, nodes), generator=gen)
    same = (y[:, :, None] == y[:, None, :]).float()
    prob = same * p_in + (1 - same) * p_out
    upper = torch.triu((torch.rand(count, nodes, nodes, generator=gen) < prob).float(), diagonal=1)
    adj = upper + upper.transpose(1, 2) + torch.eye(nodes)
    deg = adj.sum(-1)
    norm = adj / torch.sqrt(deg[:, :, None] * deg[:, None, :])  # D^-1/2 (A + I) D^-1/2
    proto = torch.randn(groups, feat, generator=torch.Generator().manual_seed(99))
    signal = (torch.rand(count, nodes, 1, generator=gen) > hidden_frac).float()
    x = 0.8 * signal * proto[y] + torch.randn(count, nodes, feat, generator=gen)
    return x, norm, y


class GCN(nn.Module):
    """Graph convolutions (Kipf & Welling): H' = act(A_hat H W), dense batched adjacency, a skip on each layer."""

    def __init__(self, feat: int = 8, width: int = 64, layers: int = 3, classes: int = 4) -> None:
        super().__init__()
        self.inp = nn.Linear(feat, width)
        self.convs = nn.ModuleList(nn.Linear(width, width) for _ in range(layers))
        self.out = nn.Linear(width, classes)

    def forward(self, x: torch.Tensor, adj: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.inp(x))
        for conv in self.convs:
            h = h + F.relu(adj @ conv(h))
        return self.out(h)


def node_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, adj, y = batch
    logits = model(x, adj)
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))


def gnn_sbm(batch_size: int = 8, seed: int = 0, graphs: int = 256, width: int = 64, layers: int = 3) -> dict[str, Any]:
    """Node classification on a finite pool of SBM graphs (batch = graphs); NAdam."""
    gen = torch.Generator().manual_seed(1618)
    x, adj, y = _sbm_graphs(graphs + 256, gen)
    pool = (x[:graphs], adj[:graphs], y[:graphs])
    torch.manual_seed(seed)
    return {"model": GCN(x.shape[-1], width, layers), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((x[graphs:], adj[graphs:], y[graphs:]), 64),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), "loss_fn": node_loss,
            "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 4. mixture of experts (RAdam)


class TopTwoMoE(nn.Module):
    """A softmax router picks 2 of ``experts`` MLP experts per example (renormalised weights); experts are run
    densely and masked, which is fine at this size. ``aux`` holds the last forward's load-balancing term."""

    def __init__(self, dim: int = 16, width: int = 64, experts: int = 4, out: int = 1) -> None:
        super().__init__()
        self.router = nn.Linear(dim, experts)
        self.w1 = nn.Parameter(torch.randn(experts, dim, width) / dim**0.5)
        self.b1 = nn.Parameter(torch.zeros(experts, 1, width))
        self.w2 = nn.Parameter(torch.randn(experts, width, out) / width**0.5)
        self.aux = torch.zeros(())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        probs = self.router(x).softmax(-1)
        top, idx = probs.topk(2, dim=-1)
        gate = torch.zeros_like(probs).scatter(-1, idx, top / top.sum(-1, keepdim=True))
        h = F.gelu(torch.einsum("bd,edw->ebw", x, self.w1) + self.b1)
        y = torch.einsum("ebw,ewo->ebo", h, self.w2)
        # Switch-style balance: fraction routed (top-1) times mean router probability, per expert
        frac = F.one_hot(idx[:, 0], probs.shape[-1]).float().mean(0)
        self.aux = probs.shape[-1] * (frac * probs.mean(0)).sum()
        return torch.einsum("be,ebo->bo", gate, y)


def _regional_teacher(dim: int) -> Callable[[torch.Tensor], torch.Tensor]:
    gen = torch.Generator().manual_seed(4321)
    split = torch.randn(dim, 2, generator=gen)
    heads = [(torch.randn(dim, 16, generator=gen) / dim**0.5, torch.randn(16, 1, generator=gen) / 2) for _ in range(4)]

    def f(x: torch.Tensor) -> torch.Tensor:
        s = x @ split
        region = (s[:, 0] > 0).long() * 2 + (s[:, 1] > 0).long()
        outs = torch.stack([torch.sin(x @ a) @ b for a, b in heads], 0)  # 4, n, 1
        return outs.gather(0, region[None, :, None]).squeeze(0)

    return f


def moe_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.mse_loss(model(x), y) + 0.01 * model.aux


def moe_regression(batch_size: int = 64, seed: int = 0, dim: int = 16, width: int = 64, experts: int = 4) -> dict[str, Any]:
    """A top-2 MoE regressing a teacher that is a different function in each of 4 input regions (a stream); RAdam."""
    teacher = _regional_teacher(dim)

    def sample(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        x = torch.randn(n, dim, generator=gen)
        return x, teacher(x) + 0.05 * torch.randn(n, 1, generator=gen)

    torch.manual_seed(seed)
    return {"model": TopTwoMoE(dim, width, experts), "data": Stream(sample, batch_size),
            "eval_data": held_out(sample, 2048, 512, 31),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"), "loss_fn": moe_loss}


# --------------------------------------------------------------------------------------------------------------
# 5. gated (SwiGLU) residual MLP (SGD + Nesterov)


class SwiGLUBlock(nn.Module):
    def __init__(self, width: int, hidden: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.gate_up = nn.Linear(width, 2 * hidden)
        self.down = nn.Linear(hidden, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        gate, up = self.gate_up(self.norm(x)).chunk(2, -1)
        return x + self.down(F.silu(gate) * up)


class GLUNet(nn.Module):
    def __init__(self, dim: int, width: int = 64, hidden: int = 128, blocks: int = 2, classes: int = 10) -> None:
        super().__init__()
        self.inp = nn.Linear(dim, width)
        self.blocks = nn.Sequential(*(SwiGLUBlock(width, hidden) for _ in range(blocks)))
        self.head = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.blocks(self.inp(x)))


def ce_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    out = model(x)
    return F.cross_entropy(out.reshape(-1, out.shape[-1]), y.reshape(-1))


def _xor_teacher(n: int, gen: torch.Generator, dim: int = 24, classes: int = 10) -> tuple[torch.Tensor, torch.Tensor]:
    """Labels from a gated teacher, argmax over classes of (x w) * sigmoid(x v) plus noise."""
    w = torch.randn(dim, classes, generator=torch.Generator().manual_seed(777))
    v = torch.randn(dim, classes, generator=torch.Generator().manual_seed(778))
    x = torch.randn(n, dim, generator=gen)
    return x, ((x @ w) * torch.sigmoid(x @ v) + 0.5 * torch.randn(n, classes, generator=gen)).argmax(1)


def glu_mlp(batch_size: int = 32, seed: int = 0, train_size: int = 4096, flip: float = 0.1, width: int = 64,
            blocks: int = 2, weight_decay: float = 5e-4) -> dict[str, Any]:
    """A 2-block SwiGLU residual MLP on a finite pool with flipped labels (clean held-out); SGD, Nesterov 0.9."""
    gen = torch.Generator().manual_seed(5150)
    x, y = _xor_teacher(train_size + 2048, gen)
    flip_mask = torch.rand(train_size, generator=gen) < flip
    yt = torch.where(flip_mask, torch.randint(0, 10, (train_size,), generator=gen), y[:train_size])
    torch.manual_seed(seed)
    return {"model": GLUNet(x.shape[1], width, 2 * width, blocks), "data": loader(x[:train_size], yt, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                    weight_decay=weight_decay), "sgd_nesterov"),
            "loss_fn": ce_loss, "train_pool": (x[:train_size], yt)}


# --------------------------------------------------------------------------------------------------------------
# 6. LoRA fine-tune of a pre-trained MLP (AdamW)


class LoRALinear(nn.Module):
    """A frozen Linear plus a trainable low-rank update (alpha / r) * B A x, with B = 0 at init (Hu et al. 2021)."""

    def __init__(self, base: nn.Linear, rank: int = 4, alpha: float = 8.0) -> None:
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.randn(rank, base.in_features) / base.in_features**0.5)
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + self.scale * (x @ self.lora_A.T) @ self.lora_B.T


def _base_mlp(dim: int = 32, width: int = 128, classes: int = 10) -> nn.Sequential:
    return nn.Sequential(nn.Linear(dim, width), nn.GELU(), nn.Linear(width, width), nn.GELU(), nn.Linear(width, classes))


def _lora_task(n: int, gen: torch.Generator, task: int, dim: int = 32) -> tuple[torch.Tensor, torch.Tensor]:
    """Task 0 (pre-training) and task 1 (fine-tuning): teachers that share most of their first layer."""
    tg = torch.Generator().manual_seed(606)
    w1 = torch.randn(dim, 48, generator=tg) / dim**0.5
    w2 = torch.randn(48, 10, generator=tg) / 48**0.5 * 3
    if task:
        w1 = w1 + 0.6 * torch.randn(dim, 2, generator=tg) @ torch.randn(2, 48, generator=tg) / dim**0.5
        w2 = w2[:, torch.randperm(10, generator=tg)] + 0.5 * torch.randn(48, 10, generator=tg) / 48**0.5 * 3
    x = torch.randn(n, dim, generator=gen)
    return x, (torch.tanh(2 * x @ w1) @ w2 + 0.3 * torch.randn(n, 10, generator=gen)).argmax(1)


@lru_cache(maxsize=1)
def _pretrained_state() -> dict[str, torch.Tensor]:
    """The 'checkpoint': 400 Adam steps on task 0, deterministic, cached for the life of the process."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(1234)
        model = _base_mlp()
        opt = torch.optim.Adam(model.parameters(), lr=2e-3)
        gen = torch.Generator().manual_seed(4040)
        for _ in range(400):
            x, y = _lora_task(128, gen, 0)
            opt.zero_grad()
            F.cross_entropy(model(x), y).backward()
            opt.step()
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def lora_finetune(batch_size: int = 16, seed: int = 0, train_size: int = 512, rank: int = 4,
                  weight_decay: float = 0.01) -> dict[str, Any]:
    """LoRA (rank 4 on every Linear) fine-tuning of a pre-trained MLP on 512 examples of a related task; AdamW
    over the trainable (LoRA) parameters only, as PEFT users pass them."""
    gen = torch.Generator().manual_seed(5050)
    x, y = _lora_task(train_size + 2048, gen, 1)
    base = _base_mlp()
    base.load_state_dict(_pretrained_state())
    torch.manual_seed(seed)
    model = nn.Sequential(*(LoRALinear(m, rank) if isinstance(m, nn.Linear) else m for m in base))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW([p for p in params if p.requires_grad], lr=lr,
                                                                     weight_decay=weight_decay), "adamw_lora"),
            "loss_fn": ce_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 7. contrastive encoder, InfoNCE (NAdam)


@lru_cache(maxsize=1)
def _contrastive_world(dim: int = 48, latent: int = 12, classes: int = 64) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(9090)
    return (torch.randn(classes, latent, generator=gen), torch.randn(latent, dim, generator=gen) / latent**0.5,
            torch.randn(dim, dim, generator=gen) / dim**0.5)


def _views(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two augmented views of the same example: random feature masking (30%), scaling and additive noise."""
    protos, lift, mix = _contrastive_world()
    z = protos[torch.randint(0, len(protos), (n,), generator=gen)] + 0.5 * torch.randn(n, protos.shape[1], generator=gen)
    x = torch.tanh(z @ lift) @ mix

    def augment() -> torch.Tensor:
        keep = (torch.rand(x.shape, generator=gen) > 0.3).float()
        scale = 0.8 + 0.4 * torch.rand(n, 1, generator=gen)
        return x * keep * scale + 0.3 * torch.randn(x.shape, generator=gen)

    return augment(), augment()


class Encoder(nn.Module):
    """Backbone + projection head (SimCLR)."""

    def __init__(self, dim: int = 48, width: int = 128, out: int = 32) -> None:
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.projector = nn.Sequential(nn.Linear(width, width), nn.ReLU(), nn.Linear(width, out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.projector(self.backbone(x))


def nt_xent(model: nn.Module, batch: Any, temperature: float = 0.2) -> torch.Tensor:
    a, b = batch
    z = F.normalize(model(torch.cat([a, b])), dim=1)
    n = len(a)
    sim = z @ z.T / temperature
    sim = sim.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(sim, target)


def contrastive(batch_size: int = 64, seed: int = 0, width: int = 128) -> dict[str, Any]:
    """SimCLR-style NT-Xent (temperature 0.2) on a stream of augmented pairs; held out at the same batch size; NAdam."""
    torch.manual_seed(seed)
    return {"model": Encoder(48, width), "data": Stream(_views, batch_size), "eval_data": held_out(_views, 16 * batch_size, batch_size, 41),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), "loss_fn": nt_xent}


# --------------------------------------------------------------------------------------------------------------
# 8. ResNet with zero-initialised residual branches (SGD + Nesterov)


class ZeroInitBlock(nn.Module):
    """x + conv(relu(conv(x))), the second conv zero-initialised, so every block starts as the identity (no
    BatchNorm: the Fixup / SkipInit recipe); the identity path carries no ReLU (pre-activation style)."""

    def __init__(self, c: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(c, c, 3, padding=1)
        self.conv2 = nn.Conv2d(c, c, 3, padding=1)
        nn.init.zeros_(self.conv2.weight)
        nn.init.zeros_(self.conv2.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.conv2(F.relu(self.conv1(x)))


class ZeroInitResNet(nn.Module):
    def __init__(self, c: int = 16, blocks: int = 2, classes: int = 8) -> None:
        super().__init__()
        self.stem = nn.Conv2d(1, c, 3, padding=1)
        self.stage1 = nn.Sequential(*(ZeroInitBlock(c) for _ in range(blocks)))
        self.down = nn.Conv2d(c, 2 * c, 3, stride=2, padding=1)
        self.stage2 = nn.Sequential(*(ZeroInitBlock(2 * c) for _ in range(blocks)))
        self.head = nn.Linear(2 * c, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stage2(self.down(self.stage1(self.stem(x))))
        return self.head(F.relu(h).mean((2, 3)))


def _texture_images(n: int, gen: torch.Generator, size: int = 10, classes: int = 8) -> tuple[torch.Tensor, torch.Tensor]:
    """Class = (orientation, frequency) of a grating under random phase and strong noise."""
    y = torch.randint(0, classes, (n,), generator=gen)
    angle = (y % 4).float() * math.pi / 4 + 0.15 * torch.randn(n, generator=gen)
    freq = 1.2 + 1.0 * (y // 4).float()
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    grid = torch.linspace(-math.pi, math.pi, size)
    yy, xx = torch.meshgrid(grid, grid, indexing="ij")
    proj = xx[None] * torch.cos(angle)[:, None, None] + yy[None] * torch.sin(angle)[:, None, None]
    img = torch.sin(freq[:, None, None] * proj + phase[:, None, None])
    return (img + 1.2 * torch.randn(img.shape, generator=gen))[:, None], y


def zero_init_resnet(batch_size: int = 32, seed: int = 0, train_size: int = 1024, channels: int = 8,
                     weight_decay: float = 1e-4) -> dict[str, Any]:
    """A 4-block ResNet (zero-init residual branches, no BN) on a 1024-image pool of noisy gratings; SGD Nesterov."""
    gen = torch.Generator().manual_seed(8080)
    x, y = _texture_images(train_size + 1024, gen)
    torch.manual_seed(seed)
    return {"model": ZeroInitResNet(channels), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                    weight_decay=weight_decay), "sgd_nesterov"),
            "loss_fn": ce_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 9. seq2seq GRU encoder-decoder (RMSprop)

BOS = 0


class Seq2Seq(nn.Module):
    def __init__(self, vocab: int = 12, emb: int = 32, hidden: int = 64) -> None:
        super().__init__()
        self.src_emb = nn.Embedding(vocab, emb)
        self.tgt_emb = nn.Embedding(vocab, emb)
        self.encoder = nn.GRU(emb, hidden, batch_first=True)
        self.decoder = nn.GRU(emb, hidden, batch_first=True)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, src: torch.Tensor, tgt_in: torch.Tensor) -> torch.Tensor:
        _, h = self.encoder(self.src_emb(src))
        dec, _ = self.decoder(self.tgt_emb(tgt_in), h)
        return self.out(dec)


def seq2seq_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    src, tgt = batch
    tgt_in = torch.cat([torch.full_like(tgt[:, :1], BOS), tgt[:, :-1]], 1)  # teacher forcing
    logits = model(src, tgt_in)
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1))


def _reverse_pairs(n: int, gen: torch.Generator, length: int = 10, vocab: int = 12) -> tuple[torch.Tensor, torch.Tensor]:
    src = torch.randint(1, vocab, (n, length), generator=gen)
    return src, src.flip(1)


def seq2seq_reverse(batch_size: int = 32, seed: int = 0, length: int = 8, hidden: int = 48) -> dict[str, Any]:
    """Reverse an 8-token sequence with a GRU encoder-decoder (teacher forcing), a stream; RMSprop."""

    def sample(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        return _reverse_pairs(n, gen, length)

    torch.manual_seed(seed)
    return {"model": Seq2Seq(12, 32, hidden), "data": Stream(sample, batch_size), "eval_data": held_out(sample, 1024, 256, 51),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"), "loss_fn": seq2seq_loss}


# --------------------------------------------------------------------------------------------------------------
# 10. recommender: factorisation machine + MLP (Adagrad)


class DeepFM(nn.Module):
    """Linear terms + FM pairwise interactions over field embeddings + an MLP on the concatenated embeddings."""

    def __init__(self, fields: int = 8, values: int = 50, k: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.register_buffer("offsets", torch.arange(fields) * values, persistent=False)
        self.linear = nn.Embedding(fields * values, 1)
        self.emb = nn.Embedding(fields * values, k)
        nn.init.normal_(self.emb.weight, std=0.01)
        nn.init.zeros_(self.linear.weight)
        self.bias = nn.Parameter(torch.zeros(1))
        self.mlp = nn.Sequential(nn.Linear(fields * k, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        idx = x + self.offsets
        e = self.emb(idx)  # b, fields, k
        fm = 0.5 * (e.sum(1) ** 2 - (e**2).sum(1)).sum(1, keepdim=True)
        return (self.bias + self.linear(idx).sum(1) + fm + self.mlp(e.flatten(1))).squeeze(1)


def bce_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def _clicks(n: int, gen: torch.Generator, fields: int = 8, values: int = 50) -> tuple[torch.Tensor, torch.Tensor]:
    """Zipf-distributed categorical fields; click probability from per-value effects and low-rank pairwise ones."""
    tg = torch.Generator().manual_seed(3131)
    weights = 1.0 / torch.arange(1, values + 1).float() ** 1.1
    first = 0.6 * torch.randn(fields, values, generator=tg)
    factors = 0.5 * torch.randn(fields, values, 3, generator=tg)
    x = torch.multinomial(weights, n * fields, replacement=True, generator=gen).view(n, fields)
    f = torch.arange(fields)
    lin = first[f, x].sum(1)
    v = factors[f, x]  # n, fields, 3
    pair = 0.5 * ((v.sum(1) ** 2) - (v**2).sum(1)).sum(1)
    p = torch.sigmoid(lin + pair - 1.0)
    return x, (torch.rand(n, generator=gen) < p).float()


def deepfm_ctr(batch_size: int = 256, seed: int = 0, train_size: int = 16384, k: int = 8, hidden: int = 64) -> dict[str, Any]:
    """Click prediction on a 16k-row pool of Zipf categorical features; Adagrad (the recommender default)."""
    gen = torch.Generator().manual_seed(7171)
    x, y = _clicks(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": DeepFM(k=k, hidden=hidden), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bce_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry


@dataclass(frozen=True)
class ExamWorkload:
    name: str
    factory: Callable[..., dict[str, Any]]
    total_steps: int
    family: str
    optimizer: str
    regime: str  # small_finite | finite | stream | label_noise
    batch_size: int
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    seconds: float = math.nan  # one full run, one CPU thread (python benchmarks/exam_workloads.py --time)
    start_lr: float = 1e-3  # where the grid's factor-2 ladder starts (it grows both ways; a power-of-2 multiple of
    #   1e-3 or 0.05 keeps every LR on the same lattice). Three were moved up from 1e-3 after the 10-rung cap stopped
    #   their first ladders before the top was clearly worse (the runs already made are on the same lattice, reused)
    grid_seeds: tuple[int, ...] = (0, 1)  # the grid's seeds (a registry may use one where time is short)
    grid_fractions: tuple[float, ...] = (0.0, 0.05, 0.2)  # the grid's warmup fractions (long plans: 0 and 5%)
    base: str | None = None  # never a batch-doubling variant here (the suite's meaning of ``base``)
    long_of: str | None = None  # a long plan: the short workload it lengthens

    @property
    def split(self) -> str:
        return "exam"

    @property
    def sgd_family(self) -> bool:
        return self.optimizer.startswith("sgd")

    @property
    def long(self) -> bool:
        return self.total_steps >= 3000

    def build(self, seed: int = 0, batch_size: int | None = None) -> dict[str, Any]:
        return self.factory(batch_size=batch_size or self.batch_size, seed=seed, **self.kwargs)


W = ExamWorkload
EXAM = (
    W("conv_ae_rmsprop", conv_autoencoder, 300, "conv_autoencoder", "rmsprop", "stream", 32, seconds=1.6, start_lr=1e-3),
    W("denoiser_radam", denoiser, 400, "diffusion_denoiser", "radam", "stream", 128, seconds=1.0, start_lr=0.016),
    W("gnn_sbm_nadam", gnn_sbm, 300, "gnn", "nadam", "finite", 8, seconds=0.8, start_lr=0.008),
    W("moe_top2_radam", moe_regression, 400, "mixture_of_experts", "radam", "stream", 64, seconds=0.9, start_lr=0.016),
    W("glu_mlp_nesterov", glu_mlp, 400, "glu_mlp", "sgd_nesterov", "label_noise", 32, seconds=0.8, start_lr=0.05),
    W("lora_mlp_adamw", lora_finetune, 300, "lora_finetune", "adamw_lora", "small_finite", 16, seconds=1.0, start_lr=1e-3),
    W("contrastive_nadam", contrastive, 300, "contrastive", "nadam", "stream", 64, seconds=0.8, start_lr=1e-3),
    W("resnet_zeroinit_nesterov", zero_init_resnet, 240, "resnet_zero_init", "sgd_nesterov", "finite", 32, seconds=1.8, start_lr=0.05),
    W("seq2seq_gru_rmsprop", seq2seq_reverse, 300, "seq2seq", "rmsprop", "stream", 32, seconds=1.6, start_lr=1e-3),
    W("deepfm_adagrad", deepfm_ctr, 300, "recsys_fm", "adagrad", "finite", 256, seconds=0.9, start_lr=0.01),
)
LONG = (
    W("denoiser_radam@long", denoiser, 3000, "diffusion_denoiser", "radam", "stream", 32, dict(width=48, depth=2),
      seconds=3.4, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="denoiser_radam"),
    W("deepfm_adagrad@long", deepfm_ctr, 3000, "recsys_fm", "adagrad", "finite", 32, dict(train_size=8192, k=4, hidden=16),
      seconds=3.9, start_lr=0.01, grid_fractions=(0.0, 0.05), long_of="deepfm_adagrad"),
    W("glu_mlp_nesterov@long", glu_mlp, 3000, "glu_mlp", "sgd_nesterov", "label_noise", 16, dict(width=32, blocks=1),
      seconds=3.4, start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="glu_mlp_nesterov"),
    W("moe_top2_radam@long", moe_regression, 3000, "mixture_of_experts", "radam", "stream", 32, dict(width=32),
      seconds=6.4, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="moe_top2_radam"),
)

class Registry:
    """An exam's workloads and what the grid, horizon, scorer and ``warmfind probe`` read of its module: ``WORKLOADS``,
    ``BASE``, ``VARIANTS``, ``get``, ``order`` and the entrypoint ``build`` (every exam module binds them from one)."""

    def __init__(self, short: tuple[ExamWorkload, ...], long: tuple[ExamWorkload, ...], module: str) -> None:
        self.short, self.long, self.module = short, long, module
        self.workloads: dict[str, ExamWorkload] = {w.name: w for w in short + long}

    def get(self, name: str) -> ExamWorkload:
        return self.workloads[name]

    def order(self, names: list[str] | None = None) -> list[str]:
        """The short plans first, then the long ones (the grid runner fills its workers in this order)."""
        return [w.name for w in self.short + self.long if names is None or w.name in names]

    def build(self, name: str, seed: int = 0, batch_size: int | None = None, no_eval: bool = False) -> dict[str, Any]:
        """The entrypoint warmfind probes (``benchmarks/<module>.py:build --set name=...``). ``no_eval``: as a user
        with no held-out data passes it (no ``eval_data``)."""
        parts = self.workloads[name].build(seed, batch_size)
        return {k: v for k, v in parts.items() if k != "eval_data"} if no_eval else parts

    def main(self, description: str) -> None:
        """``python benchmarks/<module>.py [--time]``: the table, and one timed full run of each workload."""
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import suite_train

        def timed(w: Any) -> str:
            r = suite_train.run(w.name, w.start_lr, int(0.05 * w.total_steps), 0, registry=self.module)
            return f"train {r['losses'][0]:.4g} -> {sum(r['losses'][-20:]) / 20:.4g}  held-out {r['heldout']:.4g}"

        suite_train.list_workloads(
            description, self.workloads,
            lambda w: f"{w.name:26s} {w.family:18s} {w.optimizer:24s} {w.regime:12s} b={w.batch_size:<4d} T={w.total_steps:<5d}",
            timed, f"{len(self.short)} short plans, {len(self.long)} long plans")


REGISTRY = Registry(EXAM, LONG, "exam_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the exam's workloads")
