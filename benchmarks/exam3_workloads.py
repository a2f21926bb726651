"""The third exam: eight more workload families that neither the suite nor the first two exams have.

The first two exams (``exam_workloads.py``, ``exam2_workloads.py``) were each scored once and are spent. This one
follows their rules: every workload is written as a user of its field would write it (its own model code, its own
synthetic data generated in the factory from its own ``torch.Generator``; nothing downloaded, nothing imported
from warmfind), with an optimiser that field uses and plain torch data pipelines (a shuffling ``DataLoader`` over a
finite pool, or a stream).

Not here: the suite's families (MLP, deep MLP, CNN +-BN, GRU/LSTM, Pre-/Post-LN transformers, HF-style GPT/BERT,
linear/logistic regression), the first exam's (conv autoencoder, diffusion denoiser, GNN, MoE, SwiGLU MLP, LoRA,
contrastive, zero-init ResNet, seq2seq GRU, DeepFM) and the second's (VAE, TCN/WaveNet, RealNVP, triplet metric
learning, DeepSets, skip-gram, SIREN, mixture density network).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- U-Net segmenting synthetic shapes (BCE + soft Dice), AdamW
- sparse autoencoder (dictionary learning: ReLU codes, L1 penalty, unit-norm decoder columns) on synthetic
  superposed-feature activations, Adam
- knowledge distillation: a small student on a fixed teacher's softened logits (KL at temperature 4, times T^2),
  SGD with momentum 0.9, dampening 0.9 and weight decay 5e-4
- MADE (masked autoregressive density estimator) on synthetic binary vectors (NLL), RAdam with decoupled weight
  decay
- conv encoder + CTC loss transcribing symbol sequences from noisy 1-d signals, NAdam with decoupled weight decay
- N-BEATS (generic residual MLP stacks, backcast/forecast) forecasting synthetic series, Adafactor
- PixelCNN (masked convolutions, type A then B) on tiny binary images (NLL), RMSprop centred with momentum 0.9
  (Graves-style)
- Poisson regression net: a GLM-style count model (log link, exposure offset, a small net as the predictor)
  on insurance-like claim counts, exact Poisson NLL, ASGD

Long plans (``<name>@long``, total_steps = 3000): tiny versions of three families, grid warmup 0 and 5% only.

The factory contract is the suite's and the first two exams': ``f(batch_size=..., seed=0, **kwargs)`` returns
``{model, data, eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent);
``optimizer`` is a hook ``(params, lr) -> Optimizer``. Data pools and held-out sets come from their own
``torch.Generator``; ``seed`` varies only the model's initialisation and the batch order. ``build(name,
no_eval=True)`` drops ``eval_data``; the entrypoint is ``benchmarks/exam3_workloads.py:build``.

The split: every workload here is ``exam``. Nothing in warmfind was ever tuned on it; it is scored rarely
(benchmarks/results/exam3/README.md).

    python benchmarks/exam3_workloads.py          # the table
    python benchmarks/exam3_workloads.py --time   # also times one full run of each (one thread)
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
#   record and plain data helpers, shared with exams 1 and 2)

TITLE = "Exam 3"


# --------------------------------------------------------------------------------------------------------------
# 1. U-Net segmentation (AdamW)


def _shape_scenes(n: int, gen: torch.Generator, size: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    """Noisy greyscale scenes of 2-4 shapes (discs, squares, bars) on a smooth background; the mask is the discs
    only, so the net must tell shapes apart rather than threshold brightness."""
    grid = torch.linspace(-1, 1, size)
    yy, xx = torch.meshgrid(grid, grid, indexing="ij")
    img = 0.3 * (torch.rand(n, 1, 1, generator=gen) - 0.5) * (xx + yy)  # a background ramp
    mask = torch.zeros(n, size, size)
    for _ in range(4):
        on = (torch.rand(n, 1, 1, generator=gen) < 0.75).float()
        kind = torch.randint(0, 3, (n, 1, 1), generator=gen)
        c = torch.rand(n, 2, 1, 1, generator=gen) * 1.4 - 0.7
        r = 0.15 + 0.25 * torch.rand(n, 1, 1, generator=gen)
        dx, dy = xx - c[:, 0], yy - c[:, 1]
        disc = (dx**2 + dy**2 < r**2).float()
        square = ((dx.abs() < r * 0.9) & (dy.abs() < r * 0.9)).float()
        bar = ((dx.abs() < r * 1.5) & (dy.abs() < 0.12)).float()
        shape = torch.where(kind == 0, disc, torch.where(kind == 1, square, bar)) * on
        level = 0.6 + 0.6 * torch.rand(n, 1, 1, generator=gen)
        img = img * (1 - shape) + level * shape
        mask = torch.where(shape > 0, (kind == 0).float().expand_as(mask), mask)  # later shapes occlude earlier
    img = img + 0.25 * torch.randn(img.shape, generator=gen)
    return img[:, None], mask[:, None]


def _double_conv(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.LeakyReLU(0.1), nn.Conv2d(cout, cout, 3, padding=1),
                         nn.LeakyReLU(0.1))


class UNet(nn.Module):
    """Two down, two up, skip connections by concatenation (Ronneberger et al., tiny, no normalisation, leaky ReLUs:
    with plain ReLUs this net often died into an all-background output at useful LRs, seed by seed)."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.down1, self.down2 = _double_conv(1, width), _double_conv(width, 2 * width)
        self.bottom = _double_conv(2 * width, 4 * width)
        self.up2 = nn.ConvTranspose2d(4 * width, 2 * width, 2, stride=2)
        self.dec2 = _double_conv(4 * width, 2 * width)
        self.up1 = nn.ConvTranspose2d(2 * width, width, 2, stride=2)
        self.dec1 = _double_conv(2 * width, width)
        self.out = nn.Conv2d(width, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h1 = self.down1(x)
        h2 = self.down2(F.max_pool2d(h1, 2))
        h = self.bottom(F.max_pool2d(h2, 2))
        h = self.dec2(torch.cat([self.up2(h), h2], 1))
        h = self.dec1(torch.cat([self.up1(h), h1], 1))
        return self.out(h)


def bce_dice_loss(model: nn.Module, batch: Any, smooth: float = 1.0) -> torch.Tensor:
    """BCE plus the soft Dice loss over the batch (the usual segmentation mix)."""
    x, y = batch
    logits = model(x)
    p = torch.sigmoid(logits)
    dice = (2 * (p * y).sum() + smooth) / (p.sum() + y.sum() + smooth)
    return F.binary_cross_entropy_with_logits(logits, y) + 1 - dice


def unet_seg(batch_size: int = 8, seed: int = 0, train_size: int = 1024, width: int = 8) -> dict[str, Any]:
    """A tiny U-Net on a 1024-scene pool; held out: 512 other scenes; AdamW (weight decay 0.01, the default)."""
    gen = torch.Generator().manual_seed(1313)
    x, y = _shape_scenes(train_size + 512, gen)
    torch.manual_seed(seed)
    return {"model": UNet(width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 128),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"), "loss_fn": bce_dice_loss,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. sparse autoencoder / dictionary learning (Adam)


@lru_cache(maxsize=2)
def _feature_dictionary(dim: int, features: int) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(2424)
    dirs = F.normalize(torch.randn(features, dim, generator=gen), dim=1)
    freq = 0.05 * torch.rand(features, generator=gen) ** 2 + 0.005  # a few common features, many rare ones
    return dirs, freq


def _activations(n: int, gen: torch.Generator, dim: int = 48, features: int = 192) -> tuple[torch.Tensor]:
    """Model-like activations: sparse non-negative combinations of 192 fixed unit directions in R^48 (more features
    than dimensions: superposition), exponential magnitudes, plus dense noise."""
    dirs, freq = _feature_dictionary(dim, features)
    on = torch.rand(n, features, generator=gen) < freq
    mag = -torch.log1p(-torch.rand(n, features, generator=gen)) * on  # exponential, never log(0)
    return (mag @ dirs + 0.05 * torch.randn(n, dim, generator=gen),)


class SparseAutoencoder(nn.Module):
    """codes = ReLU(W_enc (x - b_dec) + b_enc); x_hat = W_dec codes + b_dec with W_dec's columns at unit norm
    (normalised in the forward pass, so the L1 penalty cannot be dodged by shrinking codes)."""

    def __init__(self, dim: int = 48, dictionary: int = 384) -> None:
        super().__init__()
        self.w_dec = nn.Parameter(F.normalize(torch.randn(dim, dictionary), dim=0))
        self.w_enc = nn.Parameter(self.w_dec.detach().t().clone())  # tied at initialisation
        self.b_enc = nn.Parameter(torch.zeros(dictionary))
        self.b_dec = nn.Parameter(torch.zeros(dim))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        codes = F.relu((x - self.b_dec) @ self.w_enc.t() + self.b_enc)
        return codes @ F.normalize(self.w_dec, dim=0).t() + self.b_dec, codes


def sae_loss(model: nn.Module, batch: Any, l1: float = 0.05) -> torch.Tensor:
    """Squared reconstruction error summed over features plus ``l1`` x the codes' L1 norm, per example."""
    (x,) = batch
    recon, codes = model(x)
    return ((recon - x) ** 2).sum(1).mean() + l1 * codes.abs().sum(1).mean()


def sparse_autoencoder(batch_size: int = 256, seed: int = 0, dim: int = 48, features: int = 192,
                       dictionary: int = 384) -> dict[str, Any]:
    """A 384-atom SAE on a stream of activations; Adam."""

    def sample(n: int, gen: torch.Generator) -> tuple[torch.Tensor]:
        return _activations(n, gen, dim, features)

    torch.manual_seed(seed)
    return {"model": SparseAutoencoder(dim, dictionary), "data": Stream(sample, batch_size),
            "eval_data": held_out(sample, 4096, 1024, 91),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": sae_loss}


# --------------------------------------------------------------------------------------------------------------
# 3. knowledge distillation (SGD, momentum with dampening)


@lru_cache(maxsize=1)
def _teacher() -> nn.Module:
    """A fixed, larger teacher (a random 3-layer tanh net with sharp logits), built from its own generator."""
    gen = torch.Generator().manual_seed(3535)
    dims = (32, 256, 256, 10)
    layers: list[nn.Module] = []
    for i, (a, b) in enumerate(zip(dims, dims[1:])):
        lin = nn.Linear(a, b)
        with torch.no_grad():
            lin.weight.copy_(torch.randn(b, a, generator=gen) * (2.0 / a**0.5))
            lin.bias.copy_(0.3 * torch.randn(b, generator=gen))
        layers += [lin] + ([nn.Tanh()] if i < len(dims) - 2 else [])
    return nn.Sequential(*layers).requires_grad_(False)


def _transfer_set(n: int, gen: torch.Generator, dim: int = 32) -> tuple[torch.Tensor, torch.Tensor]:
    """Unlabelled inputs (a Gaussian with a few stretched directions) and the teacher's logits on them."""
    scale = torch.ones(dim)
    scale[:4] = 2.5
    x = torch.randn(n, dim, generator=gen) * scale
    with torch.no_grad():
        return x, _teacher()(x)


class Student(nn.Module):
    def __init__(self, dim: int = 32, width: int = 64, classes: int = 10) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def distill_loss(model: nn.Module, batch: Any, temperature: float = 4.0) -> torch.Tensor:
    """Hinton et al.: KL(teacher_T || student_T) x T^2 on the softened distributions."""
    x, teacher_logits = batch
    t = temperature
    return F.kl_div(F.log_softmax(model(x) / t, -1), F.log_softmax(teacher_logits / t, -1), log_target=True,
                    reduction="batchmean") * t * t


def distillation(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 64) -> dict[str, Any]:
    """A small student on a 4096-input transfer set with the teacher's logits; SGD with momentum 0.9, dampening 0.9
    (an EMA of gradients) and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(3636)
    x, t = _transfer_set(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": Student(x.shape[1], width), "data": loader(x[:train_size], t[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, dampening=0.9,
                                                                   weight_decay=5e-4), "sgd_momentum_dampened"),
            "loss_fn": distill_loss, "train_pool": (x[:train_size], t[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. MADE on binary vectors (RAdam, decoupled weight decay)


@lru_cache(maxsize=2)
def _binary_world(dim: int, modes: int) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(4646)
    protos = torch.where(torch.rand(modes, dim, generator=gen) < 0.5, 0.95, 0.05)
    return protos, torch.rand(dim, generator=gen) < 0.3  # which bits copy (or flip) their left neighbour


def _binary_vectors(n: int, gen: torch.Generator, dim: int = 32, modes: int = 12) -> tuple[torch.Tensor]:
    """A mixture of 12 Bernoulli prototypes (bits 0.95 / 0.05), with about a third of the bits tied to their left
    neighbour (flipped 3% of the time)."""
    protos, tied = _binary_world(dim, modes)
    k = torch.randint(0, modes, (n,), generator=gen)
    x = (torch.rand(n, dim, generator=gen) < protos[k]).float()
    flip = (torch.rand(n, dim, generator=gen) < 0.03).float()
    for i in range(1, dim):
        if tied[i]:
            x[:, i] = (x[:, i - 1] + flip[:, i]) % 2
    return (x,)


class MaskedLinear(nn.Linear):
    def __init__(self, cin: int, cout: int, mask: torch.Tensor) -> None:
        super().__init__(cin, cout)
        self.register_buffer("mask", mask)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x, self.weight * self.mask, self.bias)


class MADE(nn.Module):
    """Germain et al.: an MLP whose masks make output d depend on inputs < d only (natural order, one mask)."""

    def __init__(self, dim: int = 32, hidden: int = 128, layers: int = 2) -> None:
        super().__init__()
        gen = torch.Generator().manual_seed(4747)  # the connectivity degrees: part of the architecture
        degrees = [torch.arange(1, dim + 1)]
        for _ in range(layers):
            degrees.append(torch.randint(1, dim, (hidden,), generator=gen))
        mods: list[nn.Module] = []
        for a, b in zip(degrees, degrees[1:]):
            mods += [MaskedLinear(len(a), len(b), (b[:, None] >= a[None, :]).float()), nn.ReLU()]
        mods.append(MaskedLinear(hidden, dim, (degrees[0][:, None] > degrees[-1][None, :]).float()))
        self.net = nn.Sequential(*mods)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def made_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """Negative log-likelihood in nats per vector."""
    (x,) = batch
    return F.binary_cross_entropy_with_logits(model(x), x, reduction="none").sum(1).mean()


def made(batch_size: int = 32, seed: int = 0, train_size: int = 2048, dim: int = 32, hidden: int = 128) -> dict[str, Any]:
    """MADE on a 2048-vector pool; held out: 4096 others; RAdam(decoupled_weight_decay=True, weight_decay=0.01)."""
    gen = torch.Generator().manual_seed(4848)
    (x,) = _binary_vectors(train_size + 4096, gen, dim)
    torch.manual_seed(seed)
    return {"model": MADE(dim, hidden), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr, weight_decay=0.01,
                                                                     decoupled_weight_decay=True), "radam_decoupled"),
            "loss_fn": made_nll, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 5. conv encoder + CTC (NAdam, decoupled weight decay)

SYMBOLS = 4  # labels 1..4; 0 is the CTC blank


def _symbol_signals(n: int, gen: torch.Generator, length: int = 64, max_symbols: int = 6) -> tuple[torch.Tensor, ...]:
    """Each example: 2-6 symbols, each a burst of its own frequency and 4-7 samples long, separated by silences of
    1-3 samples, in a signal of 64 samples with noise; the target is the symbol sequence (padded with 0s)."""
    freqs = torch.tensor([0.0, 0.08, 0.16, 0.27, 0.4])
    x = torch.zeros(n, length)
    targets = torch.zeros(n, max_symbols, dtype=torch.long)
    lengths = torch.randint(2, max_symbols + 1, (n,), generator=gen)
    sym = torch.randint(1, SYMBOLS + 1, (n, max_symbols), generator=gen)
    dur = torch.randint(4, 8, (n, max_symbols), generator=gen)
    gap = torch.randint(1, 4, (n, max_symbols + 1), generator=gen)
    phase = 2 * math.pi * torch.rand(n, max_symbols, generator=gen)
    for i in range(n):  # a short python loop over examples: the factory runs once per build
        pos = int(gap[i, 0])
        for j in range(int(lengths[i])):
            d = int(dur[i, j])
            t = torch.arange(d, dtype=torch.float32)
            x[i, pos : pos + d] = torch.sin(2 * math.pi * freqs[sym[i, j]] * t + phase[i, j]) + 0.5
            pos += d + int(gap[i, j + 1])
        targets[i, : lengths[i]] = sym[i, : lengths[i]]
    return x + 0.3 * torch.randn(n, length, generator=gen), targets, lengths


class CTCEncoder(nn.Module):
    """A 1-d conv stack, one stride-2 downsampling (64 -> 32 frames), per-frame log-probabilities over blank + 4."""

    def __init__(self, channels: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, channels, 5, padding=2), nn.ReLU(),
                                 nn.Conv1d(channels, channels, 5, padding=2, stride=2), nn.ReLU(),
                                 nn.Conv1d(channels, channels, 5, padding=2), nn.ReLU(),
                                 nn.Conv1d(channels, SYMBOLS + 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.log_softmax(self.net(x[:, None]), 1)  # (batch, classes, frames)


def ctc_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, targets, lengths = batch
    log_probs = model(x).permute(2, 0, 1)  # (frames, batch, classes), as F.ctc_loss wants
    frames = torch.full((len(x),), log_probs.shape[0], dtype=torch.long)
    return F.ctc_loss(log_probs, targets, frames, lengths, blank=0, zero_infinity=True)


@lru_cache(maxsize=2)
def _ctc_data(count: int) -> tuple[torch.Tensor, ...]:
    return _symbol_signals(count, torch.Generator().manual_seed(5757))


def ctc_transcribe(batch_size: int = 32, seed: int = 0, train_size: int = 4096, channels: int = 24) -> dict[str, Any]:
    """A conv CTC model on a 4096-signal pool; held out: 1024 others; NAdam(decoupled_weight_decay=True,
    weight_decay=0.01)."""
    x, t, n = _ctc_data(train_size + 1024)
    pool = (x[:train_size], t[:train_size], n[:train_size])
    torch.manual_seed(seed)
    return {"model": CTCEncoder(channels), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:], n[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr, weight_decay=0.01,
                                                                     decoupled_weight_decay=True), "nadam_decoupled"),
            "loss_fn": ctc_loss, "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 6. N-BEATS forecasting (Adafactor)


def _series_windows(n: int, gen: torch.Generator, lookback: int = 48, horizon: int = 12) -> tuple[torch.Tensor, torch.Tensor]:
    """One fresh series per example: a random trend (level, slope, curvature), two seasonalities with random
    periods and amplitudes, AR(1)-free noise; the window is scaled by its lookback's mean absolute level."""
    t = torch.arange(lookback + horizon, dtype=torch.float32)[None] / (lookback + horizon)
    level = torch.randn(n, 1, generator=gen)
    slope = torch.randn(n, 1, generator=gen)
    curve = 0.5 * torch.randn(n, 1, generator=gen)
    out = level + slope * t + curve * t**2
    for base in (6.0, 16.0):
        period = base * (0.8 + 0.4 * torch.rand(n, 1, generator=gen))
        amp = 0.5 * torch.rand(n, 1, generator=gen)
        phase = 2 * math.pi * torch.rand(n, 1, generator=gen)
        out = out + amp * torch.sin(2 * math.pi * t * (lookback + horizon) / period + phase)
    out = out + 0.1 * torch.randn(out.shape, generator=gen)
    out = out - out[:, :lookback].mean(1, keepdim=True)
    return out[:, :lookback], out[:, lookback:]


class NBeatsBlock(nn.Module):
    def __init__(self, lookback: int, horizon: int, width: int) -> None:
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(lookback, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                nn.Linear(width, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.backcast = nn.Linear(width, lookback)
        self.forecast = nn.Linear(width, horizon)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.fc(x)
        return self.backcast(h), self.forecast(h)


class NBeats(nn.Module):
    """Oreshkin et al.'s generic architecture: doubly residual stacking, each block removes its backcast from the
    input and adds its forecast to the output."""

    def __init__(self, lookback: int = 48, horizon: int = 12, width: int = 128, blocks: int = 4) -> None:
        super().__init__()
        self.blocks = nn.ModuleList(NBeatsBlock(lookback, horizon, width) for _ in range(blocks))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        forecast = 0
        for block in self.blocks:
            b, f = block(x)
            x = x - b
            forecast = forecast + f
        return forecast


def mae_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return (model(x) - y).abs().mean()


def nbeats(batch_size: int = 64, seed: int = 0, width: int = 96, blocks: int = 4) -> dict[str, Any]:
    """N-BEATS-G on a stream of fresh series windows (lookback 48, horizon 12), MAE; Adafactor (torch's)."""
    torch.manual_seed(seed)
    return {"model": NBeats(48, 12, width, blocks), "data": Stream(_series_windows, batch_size),
            "eval_data": held_out(_series_windows, 4096, 1024, 101),
            "optimizer": _named(lambda params, lr: torch.optim.Adafactor(params, lr=lr), "adafactor"), "loss_fn": mae_loss}


# --------------------------------------------------------------------------------------------------------------
# 7. PixelCNN on tiny binary images (RMSprop, centred, momentum)


def _binary_images(n: int, gen: torch.Generator, size: int = 8) -> tuple[torch.Tensor]:
    """8x8 binary pictures: 1-2 filled rectangles and a horizontal or vertical line, 2% salt noise."""
    yy, xx = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    img = torch.zeros(n, size, size, dtype=torch.bool)
    for _ in range(2):
        on = torch.rand(n, 1, 1, generator=gen) < 0.7
        x0, y0 = torch.randint(0, size - 2, (2, n, 1, 1), generator=gen)
        w, h = torch.randint(2, 5, (2, n, 1, 1), generator=gen)
        img |= on & (xx >= x0) & (xx < x0 + w) & (yy >= y0) & (yy < y0 + h)
    at = torch.randint(0, size, (n, 1, 1), generator=gen)
    vertical = torch.rand(n, 1, 1, generator=gen) < 0.5
    img |= torch.where(vertical, xx == at, yy == at)
    img ^= torch.rand(n, size, size, generator=gen) < 0.02
    return (img.float()[:, None],)


class MaskedConv2d(nn.Conv2d):
    """van den Oord et al.: a pixel sees only the pixels above it and to its left (type A: not itself)."""

    def __init__(self, kind: str, cin: int, cout: int, kernel: int) -> None:
        super().__init__(cin, cout, kernel, padding=kernel // 2)
        mask = torch.ones_like(self.weight)
        c = kernel // 2
        mask[:, :, c, c + (kind == "B") :] = 0
        mask[:, :, c + 1 :] = 0
        self.register_buffer("mask", mask)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.conv2d(x, self.weight * self.mask, self.bias, padding=self.padding)


class PixelCNN(nn.Module):
    def __init__(self, channels: int = 32, layers: int = 4) -> None:
        super().__init__()
        mods: list[nn.Module] = [MaskedConv2d("A", 1, channels, 5), nn.ELU()]
        for _ in range(layers - 1):
            mods += [MaskedConv2d("B", channels, channels, 3), nn.ELU()]
        mods += [nn.Conv2d(channels, channels, 1), nn.ELU(), nn.Conv2d(channels, 1, 1)]  # ELU as in PixelCNN++
        self.net = nn.Sequential(*mods)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pixel_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """Negative log-likelihood in nats per image."""
    (x,) = batch
    return F.binary_cross_entropy_with_logits(model(x), x, reduction="none").sum((1, 2, 3)).mean()


def pixelcnn(batch_size: int = 32, seed: int = 0, train_size: int = 4096, channels: int = 16) -> dict[str, Any]:
    """A PixelCNN on a 4096-image pool; held out: 1024 others; RMSprop(momentum=0.9, centered=True)."""
    gen = torch.Generator().manual_seed(6868)
    (x,) = _binary_images(train_size + 1024, gen)
    torch.manual_seed(seed)
    return {"model": PixelCNN(channels), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, momentum=0.9, centered=True),
                                "rmsprop_centered_momentum"),
            "loss_fn": pixel_nll, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 8. Poisson regression net (a GLM with a learned predictor; ASGD)


@lru_cache(maxsize=1)
def _count_world(dim: int = 10) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(8080)
    return torch.randn(dim, 16, generator=gen) / dim**0.5, torch.randn(16, generator=gen) / 2, torch.randn(dim, generator=gen) / dim**0.5


def _claims(n: int, gen: torch.Generator, dim: int = 10) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Insurance-style counts: a rate that is a smooth non-linear function of 10 risk features times an exposure
    (0.2 to 2 years); y ~ Poisson(exposure * rate): mostly 0-3 claims, a long tail of high-risk policies."""
    a, b, c = _count_world(dim)
    x = torch.randn(n, dim, generator=gen)
    log_rate = 1.5 * torch.tanh(x @ a) @ b + 0.5 * x @ c
    exposure = 0.2 + 1.8 * torch.rand(n, generator=gen)
    y = torch.poisson(exposure * log_rate.exp(), generator=gen)
    return x, exposure.log()[:, None], y[:, None]


class PoissonNet(nn.Module):
    """log E[y] = log(exposure) (an offset, as in a GLM) + a small net of the features."""

    def __init__(self, dim: int = 10, width: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.Tanh(), nn.Linear(width, width), nn.Tanh(), nn.Linear(width, 1))

    def forward(self, x: torch.Tensor, offset: torch.Tensor) -> torch.Tensor:
        return self.net(x) + offset


def poisson_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The exact Poisson negative log-likelihood (with log y!), so it is the count's -log P, always positive."""
    x, offset, y = batch
    eta = model(x, offset)
    return (eta.exp() - y * eta + torch.lgamma(y + 1)).mean()


def poisson_glm(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 64) -> dict[str, Any]:
    """A Poisson regression net on an 8192-policy pool; held out: 4096 others; ASGD (torch defaults: lambd 1e-4,
    alpha 0.75, averaging from step 1e6, i.e. never here)."""
    gen = torch.Generator().manual_seed(8181)
    x, off, y = _claims(train_size + 4096, gen)
    pool = (x[:train_size], off[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PoissonNet(x.shape[1], width), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], off[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.ASGD(params, lr=lr), "asgd"), "loss_fn": poisson_nll,
            "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("unet_adamw", unet_seg, 200, "unet_segmentation", "adamw", "finite", 8, seconds=1.0, start_lr=0.016),
    W("sae_adam", sparse_autoencoder, 400, "sparse_autoencoder", "adam", "stream", 256, seconds=0.7, start_lr=0.016),
    W("distill_sgdd", distillation, 300, "distillation", "sgd_momentum_dampened", "finite", 64, seconds=0.2,
      start_lr=1.6),
    W("made_radamw", made, 400, "made", "radam_decoupled", "finite", 32, seconds=0.3, start_lr=0.128),
    W("ctc_nadamw", ctc_transcribe, 400, "conv_ctc", "nadam_decoupled", "finite", 32, seconds=1.1, start_lr=0.032),
    W("nbeats_adafactor", nbeats, 300, "nbeats", "adafactor", "stream", 64, seconds=1.1, start_lr=0.128),
    W("pixelcnn_rmsprop", pixelcnn, 300, "pixelcnn", "rmsprop_centered_momentum", "finite", 32, seconds=0.9,
      start_lr=1e-3),
    W("poisson_asgd", poisson_glm, 400, "poisson_regression", "asgd", "finite", 64, seconds=0.2, start_lr=0.05),
)
LONG = (
    W("sae_adam@long", sparse_autoencoder, 3000, "sparse_autoencoder", "adam", "stream", 32,
      dict(dim=24, features=64, dictionary=128), seconds=1.6, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="sae_adam"),
    W("made_radamw@long", made, 3000, "made", "radam_decoupled", "finite", 16, dict(hidden=64), seconds=1.8,
      start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="made_radamw"),
    W("poisson_asgd@long", poisson_glm, 3000, "poisson_regression", "asgd", "finite", 16, dict(width=32), seconds=1.2,
      start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="poisson_asgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam3_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the third exam's workloads")
