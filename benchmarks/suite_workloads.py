"""The benchmark suite's workloads: 27 small, download-free training problems plus 6 batch-doubling variants.

Every workload varies one or more of: architecture (MLP, deep MLP without normalisation, CNN with and without
BatchNorm, GRU/LSTM, Pre-LN and Post-LN transformers, `transformers`-style models taking dict batches and
returning ``.loss``, linear and logistic regression), optimiser (SGD, SGD + momentum, Adam with beta2 0.999 and
0.95, AdamW with weight decay), data regime (small finite pools that over-fit, pools of 2048, fresh-sample
streams, label noise, full batch) and batch size (4 to 128, and full batches of 256-512).

A factory ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data, eval_data, optimizer, loss_fn}``
(plus ``train_pool`` where examples are independent): ``data`` is a ``RandomBatches`` (seeding torch before
``iter()`` repeats its order) or a one-batch list for full-batch workloads, ``eval_data`` a fixed list of
held-out batches. Data pools come from their own ``torch.Generator``, so ``seed`` varies only the model's
initialisation and the batch order (except the two original charlm workloads, whose held-out windows follow
``seed + 1``, kept as they are in benchmarks/recommendation.py).

The tune / held-out split is decided once, by a hash of the base name (``split``); a ``<base>@2b`` variant
(double batch, same steps) belongs to its base's split. The seconds after each workload are one full run
(``total_steps`` optimizer steps + held-out evaluation, ``benchmarks/suite_train.py``) on one CPU thread.

    python benchmarks/suite_workloads.py          # prints the table and the split counts
    python benchmarks/suite_workloads.py --time   # also times one full run of each
"""

from __future__ import annotations

import hashlib
import math
import sysconfig
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

from warmfind.workloads import charlm, synthetic
from warmfind.workloads.sampling import RandomBatches, fixed_batches

SPLIT_SALT = "warmfind-suite-v1:"
FAMILY_SALT = "warmfind-suite-v2-family:"


def split(name: str) -> str:
    """``tune`` or ``heldout``, from the base workload name (decided once; never rename to move a workload)."""
    base = name.split("@")[0]
    return "tune" if int(hashlib.sha256((SPLIT_SALT + base).encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def family_split(family: str) -> str:
    """The split by family (issue 20, decided once with the first salt tried): whole families in ``tune`` or
    ``heldout``, so a kind of model the tuning never saw stays unseen. It came out tune = cnn_bn, deep_mlp,
    transformer_preln, transformer_postln, rnn (14 workloads); heldout = mlp, linear, cnn, hf_style (13)."""
    return "tune" if int(hashlib.sha256((FAMILY_SALT + family).encode()).hexdigest(), 16) % 2 == 0 else "heldout"


# --------------------------------------------------------------------------------------------------------------
# optimisers and losses


def _named(make: Callable[..., torch.optim.Optimizer], name: str) -> Callable[..., torch.optim.Optimizer]:
    make.__name__ = name
    return make


def sgd(momentum: float = 0.0, weight_decay: float = 0.0) -> Callable[..., torch.optim.Optimizer]:
    return _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay),
                  "sgd_momentum" if momentum else "sgd")


def adam(beta2: float = 0.999) -> Callable[..., torch.optim.Optimizer]:
    return _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, beta2)), f"adam_b2_{beta2:g}")


def adamw(weight_decay: float = 0.1, beta2: float = 0.999) -> Callable[..., torch.optim.Optimizer]:
    return _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, beta2), weight_decay=weight_decay),
                  "adamw_wd")


def ce_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy over the last axis (sequences are flattened)."""
    x, y = batch
    out = model(x)
    return F.cross_entropy(out.reshape(-1, out.shape[-1]), y.reshape(-1))


def mse_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    out = model(x)
    return F.mse_loss(out, y.reshape(out.shape))


def bce_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    out = model(x)
    return F.binary_cross_entropy_with_logits(out.reshape(-1), y.reshape(-1))


def hf_loss(model: nn.Module, batch: Mapping[str, torch.Tensor]) -> torch.Tensor:
    """The `transformers` convention: ``model(**batch).loss``."""
    return model(**batch).loss  # type: ignore[no-any-return]


def _wrap(factory: Callable[..., dict[str, Any]], loss_fn: Callable[..., torch.Tensor], **fixed: Any) -> Callable[..., dict[str, Any]]:
    """An existing warmfind factory with an explicit loss (the one warmfind's default would have taken)."""

    def make(batch_size: int = 32, seed: int = 0, **kwargs: Any) -> dict[str, Any]:
        out = dict(factory(batch_size=batch_size, seed=seed, **{**fixed, **kwargs}))
        out["loss_fn"] = loss_fn
        if "optimizer" not in out:  # warmfind's default when a factory names none
            out["optimizer"] = adamw(weight_decay=0.01)
        return out

    make.__name__ = getattr(factory, "__name__", "factory")
    return make


# --------------------------------------------------------------------------------------------------------------
# data helpers


_AS_LOADER = False  # set by build(no_eval=True): pools become shuffling DataLoaders, as most users pass them


def pool_batches(x: torch.Tensor, y: torch.Tensor, batch_size: int, num_batches: int = 64) -> Any:
    """Mini-batches drawn with replacement from a fixed pool; the whole pool as one batch when it fits."""
    if batch_size >= len(x):
        return [(x, y)]
    if _AS_LOADER:
        return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=batch_size, shuffle=True,
                                           drop_last=True)
    return synthetic.pool_batches(x, y, batch_size, num_batches)


eval_batches = synthetic.eval_batches


def _stream(sample: Callable[[int, torch.Generator], tuple[torch.Tensor, torch.Tensor]], batch_size: int,
            eval_size: int = 1024, eval_seed: int = 10_007) -> tuple[RandomBatches, list[Any]]:
    """Fresh samples for every batch (a stream), and a fixed held-out sample."""
    held = sample(eval_size, torch.Generator().manual_seed(eval_seed))
    return RandomBatches(lambda gen: sample(batch_size, gen), 64), eval_batches(*held)


def _flip(y: torch.Tensor, classes: int, rate: float, gen: torch.Generator) -> torch.Tensor:
    flip = torch.rand(len(y), generator=gen) < rate
    return torch.where(flip, torch.randint(0, classes, y.shape, generator=gen), y)


def _teacher(dim: int, classes: int, hidden: int, gen: torch.Generator) -> Callable[[torch.Tensor], torch.Tensor]:
    w1 = torch.randn(dim, hidden, generator=gen) / dim**0.5
    w2 = torch.randn(hidden, classes, generator=gen) / hidden**0.5 * 3
    return lambda x: torch.tanh(x @ w1 * 2) @ w2


def _mlp(sizes: list[int], act: type[nn.Module] = nn.ReLU) -> nn.Sequential:
    layers: list[nn.Module] = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        layers += [nn.Linear(a, b), act()]
    return nn.Sequential(*layers[:-1])


# --------------------------------------------------------------------------------------------------------------
# MLPs


def mlp_stream(batch_size: int = 64, seed: int = 0, dim: int = 32, width: int = 128, beta2: float = 0.999) -> dict[str, Any]:
    """A 32->128->128->10 MLP on a fresh teacher-labelled sample every batch; Adam."""
    teacher = _teacher(dim, 10, 64, torch.Generator().manual_seed(2024))

    def sample(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        x = torch.randn(n, dim, generator=gen)
        return x, (teacher(x) + 0.5 * torch.randn(n, 10, generator=gen)).argmax(1)

    data, held = _stream(sample, batch_size)
    torch.manual_seed(seed)
    return {"model": _mlp([dim, width, width, 10]), "data": data, "eval_data": held, "optimizer": adam(beta2),
            "loss_fn": ce_loss}


def mlp_pool(batch_size: int = 16, seed: int = 0, train_size: int = 256, dim: int = 32, width: int = 256,
             flip: float = 0.0, optimizer: str = "adamw", clean_eval: bool = True) -> dict[str, Any]:
    """A one-hidden-layer MLP on a fixed pool of teacher-labelled examples (optionally with flipped labels)."""
    gen = torch.Generator().manual_seed(31337)
    teacher = _teacher(dim, 10, 64, gen)
    x = torch.randn(train_size + 2048, dim, generator=gen)
    y = teacher(x).argmax(1)
    y_noisy = _flip(y, 10, flip, gen) if flip else y
    torch.manual_seed(seed)
    opt = {"adamw": adamw(0.05), "sgd": sgd(), "sgd_momentum": sgd(0.9)}[optimizer]
    xt, yt = x[:train_size], y_noisy[:train_size]
    return {"model": _mlp([dim, width, 10]), "data": pool_batches(xt, yt, batch_size),
            "eval_data": eval_batches(x[train_size:], (y if clean_eval else y_noisy)[train_size:]),
            "optimizer": opt, "loss_fn": ce_loss, "train_pool": (xt, yt)}


def mlp_regression_full(batch_size: int = 384, seed: int = 0, train_size: int = 384, dim: int = 16,
                        width: int = 96, beta2: float = 0.95) -> dict[str, Any]:
    """A 16->96->96->1 tanh MLP regressing a noisy teacher, full-batch Adam (train and held-out part ways)."""
    gen = torch.Generator().manual_seed(555)
    w1, w2 = torch.randn(dim, 32, generator=gen) / 2, torch.randn(32, 1, generator=gen) / 32**0.5
    x = torch.randn(train_size + 2048, dim, generator=gen)
    y = torch.sin(x @ w1) @ w2 + 0.3 * torch.randn(len(x), 1, generator=gen)
    torch.manual_seed(seed)
    xt, yt = x[:train_size], y[:train_size]
    return {"model": _mlp([dim, width, width, 1], nn.Tanh), "data": pool_batches(xt, yt, batch_size),
            "eval_data": eval_batches(x[train_size:], y[train_size:]), "optimizer": adam(beta2), "loss_fn": mse_loss,
            "train_pool": (xt, yt)}


def deep_mlp(batch_size: int = 32, seed: int = 0, depth: int = 10, width: int = 64, dim: int = 16,
             train_size: int | None = None, classes: int = 0, optimizer: str = "sgd_momentum", he_init: bool = False) -> dict[str, Any]:
    """A deep ReLU MLP with no normalisation: teacher regression (``classes=0``) or classification, stream or pool.

    ``he_init``: Kaiming-normal weights and zero biases (torch's default init shrinks the signal through 10
    layers so much that SGD barely moves the loss in 400 steps).
    """
    gen = torch.Generator().manual_seed(4242)
    out_dim = classes or 4
    teacher = _teacher(dim, out_dim, 32, gen)

    def sample(n: int, g: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        x = torch.randn(n, dim, generator=g)
        t = teacher(x)
        if classes:
            return x, (t + 0.5 * torch.randn(n, classes, generator=g)).argmax(1)
        return x, t / 3 + 0.1 * torch.randn(n, out_dim, generator=g)

    extra: dict[str, Any] = {}
    if train_size is None:
        data, held = _stream(sample, batch_size)
    else:
        xt, yt = sample(train_size, gen)
        data, held = pool_batches(xt, yt, batch_size), eval_batches(*sample(2048, gen))
        extra["train_pool"] = (xt, yt)
    torch.manual_seed(seed)
    opt = {"sgd_momentum": sgd(0.9), "adam95": adam(0.95), "adam": adam(0.999)}[optimizer]
    model = _mlp([dim] + [width] * (depth - 1) + [out_dim])
    if he_init:
        for m in model.modules():
            if isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.zeros_(m.bias)
    return {"model": model, "data": data, "eval_data": held,
            "optimizer": opt, "loss_fn": ce_loss if classes else mse_loss, **extra}


# --------------------------------------------------------------------------------------------------------------
# CNNs


class SmallCNN(nn.Module):
    def __init__(self, bn: bool, channels: tuple[int, int] = (16, 32)) -> None:
        super().__init__()
        c1, c2 = channels
        norm = (lambda c: nn.BatchNorm2d(c)) if bn else (lambda c: nn.Identity())
        self.features = nn.Sequential(
            nn.Conv2d(1, c1, 3, padding=1), norm(c1), nn.ReLU(),
            nn.Conv2d(c1, c2, 3, padding=1, stride=2), norm(c2), nn.ReLU(),
            nn.AdaptiveAvgPool2d(2),
        )
        self.head = nn.Linear(c2 * 4, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


@lru_cache(maxsize=1)
def _templates() -> torch.Tensor:
    return torch.randn(10, 1, 12, 12, generator=torch.Generator().manual_seed(8765))


def _images(n: int, gen: torch.Generator, noise: float = 1.5) -> tuple[torch.Tensor, torch.Tensor]:
    """Shifted noisy copies of 10 fixed 12x12 templates (as in warmfind's cnn_bn, other templates)."""
    labels = torch.randint(0, 10, (n,), generator=gen)
    shift = torch.randint(-2, 3, (n, 2), generator=gen)
    t = _templates()
    images = torch.stack([torch.roll(t[c], tuple(s.tolist()), dims=(1, 2)) for c, s in zip(labels.tolist(), shift)])
    return images + noise * torch.randn(images.shape, generator=gen), labels


def cnn(batch_size: int = 32, seed: int = 0, bn: bool = False, train_size: int | None = None, flip: float = 0.0,
        optimizer: str = "sgd_momentum") -> dict[str, Any]:
    """A two-conv CNN (BatchNorm optional) on shifted noisy templates: stream, small pool or noisy-label pool."""
    gen = torch.Generator().manual_seed(97531)
    extra: dict[str, Any] = {}
    if train_size is None:
        data, held = _stream(lambda n, g: _images(n, g), batch_size)
    else:
        xt, yt = _images(train_size, gen)
        if flip:
            yt = _flip(yt, 10, flip, gen)
        data, held = pool_batches(xt, yt, batch_size), eval_batches(*_images(1024, gen))
        extra["train_pool"] = (xt, yt)
    torch.manual_seed(seed)
    opt = {"sgd": sgd(), "sgd_momentum": sgd(0.9), "adam": adam(0.999), "adamw": adamw(0.05)}[optimizer]
    return {"model": SmallCNN(bn), "data": data, "eval_data": held, "optimizer": opt, "loss_fn": ce_loss, **extra}


# --------------------------------------------------------------------------------------------------------------
# text: the charlm corpus (Python standard library source) only


def _split_text(source: torch.Tensor, train_chars: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    cut = int(len(source) * 0.9)
    train = source[:cut] if train_chars is None else source[:train_chars]
    return train, source[cut:]


def _windows(source: torch.Tensor, seq_len: int, batch_size: int) -> Callable[[torch.Generator], tuple[torch.Tensor, torch.Tensor]]:
    def draw(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        starts = torch.randint(0, len(source) - seq_len - 1, (batch_size,), generator=gen)
        chunk = torch.stack([source[s : s + seq_len + 1] for s in starts.tolist()])
        return chunk[:, :-1], chunk[:, 1:]

    return draw


def charlm_transformer(batch_size: int = 8, seed: int = 0, d_model: int = 32, layers: int = 3, heads: int = 4,
                       seq_len: int = 32, post_ln: bool = False, train_chars: int | None = None,
                       optimizer: str = "adam95") -> dict[str, Any]:
    """warmfind's char transformer with fixed held-out windows; ``train_chars`` keeps only a prefix (over-fits)."""
    train, held = _split_text(charlm.corpus(), train_chars)
    torch.manual_seed(seed)
    model = charlm.CharTransformer(seq_len, d_model, layers, heads, post_ln)
    opt = {"adam95": adam(0.95), "adam": adam(0.999), "adamw": adamw(0.1)}[optimizer]
    return {"model": model, "data": RandomBatches(_windows(train, seq_len, batch_size), 64),
            "eval_data": fixed_batches(_windows(held, seq_len, 32), 4, 20_011), "optimizer": opt, "loss_fn": ce_loss}


class CharGRU(nn.Module):
    def __init__(self, d_embed: int, hidden: int, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Embedding(charlm.VOCAB, d_embed)
        self.rnn = nn.GRU(d_embed, hidden, layers, batch_first=True)
        self.head = nn.Linear(hidden, charlm.VOCAB)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        return self.head(self.rnn(self.embed(idx))[0])


def charlm_gru(batch_size: int = 16, seed: int = 0, d_embed: int = 32, hidden: int = 96, seq_len: int = 32,
               beta2: float = 0.95) -> dict[str, Any]:
    """A one-layer GRU character LM on the charlm corpus; Adam."""
    train, held = _split_text(charlm.corpus())
    torch.manual_seed(seed)
    return {"model": CharGRU(d_embed, hidden), "data": RandomBatches(_windows(train, seq_len, batch_size), 64),
            "eval_data": fixed_batches(_windows(held, seq_len, 32), 4, 20_011), "optimizer": adam(beta2), "loss_fn": ce_loss}


def _count_task(n: int, gen: torch.Generator, length: int = 24, vocab: int = 12, classes: int = 4) -> tuple[torch.Tensor, torch.Tensor]:
    """Sequences over ``vocab`` symbols; the label is the most frequent of the first ``classes`` symbols."""
    x = torch.randint(0, vocab, (n, length), generator=gen)
    counts = torch.stack([(x == c).sum(1) for c in range(classes)], 1).float()
    return x, (counts + 0.01 * torch.arange(classes, 0, -1)).argmax(1)  # ties go to the lowest symbol


class SeqLSTM(nn.Module):
    def __init__(self, vocab: int = 12, d_embed: int = 16, hidden: int = 64, classes: int = 4) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, d_embed)
        self.rnn = nn.LSTM(d_embed, hidden, batch_first=True)
        self.head = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.rnn(self.embed(x))[0][:, -1])


def seq_lstm(batch_size: int = 16, seed: int = 0, train_size: int = 512) -> dict[str, Any]:
    """An LSTM classifying symbol-count sequences from a small pool; SGD + momentum."""
    gen = torch.Generator().manual_seed(1111)
    xt, yt = _count_task(train_size, gen)
    torch.manual_seed(seed)
    return {"model": SeqLSTM(), "data": pool_batches(xt, yt, batch_size), "eval_data": eval_batches(*_count_task(1024, gen)),
            "optimizer": sgd(0.9), "loss_fn": ce_loss, "train_pool": (xt, yt)}


class SeqPostLN(nn.Module):
    """A Post-LN transformer encoder (torch's own layer, ``norm_first=False``) with mean pooling."""

    def __init__(self, vocab: int = 12, length: int = 24, d_model: int = 32, layers: int = 2, classes: int = 4) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.pos = nn.Parameter(torch.randn(length, d_model) * 0.02)
        layer = nn.TransformerEncoderLayer(d_model, 4, 2 * d_model, dropout=0.0, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(x) + self.pos).mean(1))


def seq_postln(batch_size: int = 32, seed: int = 0, train_size: int = 4096, flip: float = 0.2,
               optimizer: str = "sgd_momentum") -> dict[str, Any]:
    """A Post-LN encoder classifying symbol-count sequences with 20% flipped training labels (clean held-out)."""
    gen = torch.Generator().manual_seed(2222)
    xt, yt = _count_task(train_size, gen)
    yt = _flip(yt, 4, flip, gen)
    torch.manual_seed(seed)
    opt = {"sgd_momentum": sgd(0.9), "adamw": adamw(0.05)}[optimizer]
    return {"model": SeqPostLN(), "data": pool_batches(xt, yt, batch_size), "eval_data": eval_batches(*_count_task(1024, gen)),
            "optimizer": opt, "loss_fn": ce_loss, "train_pool": (xt, yt)}


# --------------------------------------------------------------------------------------------------------------
# `transformers`-style models: dict batches {"input_ids", "labels"} in, an output object with .loss out


def _hf_init(module: nn.Module) -> None:
    """Hugging Face's GPT-2 / BERT ``_init_weights``: N(0, 0.02) weights, zero biases, unit LayerNorms."""
    if isinstance(module, (nn.Linear, nn.Embedding)):
        nn.init.normal_(module.weight, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.LayerNorm):
        nn.init.ones_(module.weight)
        nn.init.zeros_(module.bias)


class TinyGPTForCausalLM(nn.Module):
    """GPT-2 shaped: Pre-LN blocks, learned positions, final LayerNorm, LM head tied to the token embedding.

    Like ``transformers``' causal LMs, ``labels`` are the inputs themselves and are shifted inside.
    """

    def __init__(self, vocab: int, n_positions: int, d_model: int = 48, layers: int = 2, heads: int = 4) -> None:
        super().__init__()
        self.wte = nn.Embedding(vocab, d_model)
        self.wpe = nn.Embedding(n_positions, d_model)
        self.h = nn.ModuleList(charlm.Block(d_model, heads, post_ln=False) for _ in range(layers))
        self.ln_f = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab, bias=False)
        self.apply(_hf_init)
        self.lm_head.weight = self.wte.weight
        self.register_buffer("mask", torch.triu(torch.full((n_positions, n_positions), float("-inf")), diagonal=1), persistent=False)

    def forward(self, input_ids: torch.Tensor, labels: torch.Tensor | None = None, attention_mask: Any = None) -> SimpleNamespace:
        t = input_ids.shape[1]
        x = self.wte(input_ids) + self.wpe(torch.arange(t, device=input_ids.device))
        mask: torch.Tensor = self.mask  # type: ignore[assignment]
        for block in self.h:
            x = block(x, mask[:t, :t])
        logits = self.lm_head(self.ln_f(x))
        loss = None
        if labels is not None:
            loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), labels[:, 1:].reshape(-1))
        return SimpleNamespace(loss=loss, logits=logits)


def hf_causal_lm(batch_size: int = 16, seed: int = 0, seq_len: int = 33, d_model: int = 48, layers: int = 2,
                 weight_decay: float = 0.1) -> dict[str, Any]:
    """A GPT-2 style causal LM on the charlm corpus, dict batches, AdamW with weight decay."""
    train, held = _split_text(charlm.corpus())

    def windows(source: torch.Tensor, n: int) -> Callable[[torch.Generator], dict[str, torch.Tensor]]:
        def draw(gen: torch.Generator) -> dict[str, torch.Tensor]:
            starts = torch.randint(0, len(source) - seq_len, (n,), generator=gen)
            ids = torch.stack([source[s : s + seq_len] for s in starts.tolist()])
            return {"input_ids": ids, "labels": ids.clone()}

        return draw

    torch.manual_seed(seed)
    return {"model": TinyGPTForCausalLM(charlm.VOCAB, seq_len, d_model, layers), "data": RandomBatches(windows(train, batch_size), 64),
            "eval_data": fixed_batches(windows(held, 32), 4, 20_011), "optimizer": adamw(weight_decay), "loss_fn": hf_loss}


class TinyBertForSequenceClassification(nn.Module):
    """BERT shaped: embeddings + LayerNorm, Post-LN encoder layers (GELU), [CLS]-position pooler, classifier."""

    def __init__(self, vocab: int, n_positions: int, classes: int, d_model: int = 48, layers: int = 2) -> None:
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab + 1, d_model)  # the extra id is [CLS]
        self.position_embeddings = nn.Embedding(n_positions + 1, d_model)
        self.ln = nn.LayerNorm(d_model)
        layer = nn.TransformerEncoderLayer(d_model, 4, 4 * d_model, dropout=0.0, activation="gelu", batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.pooler = nn.Sequential(nn.Linear(d_model, d_model), nn.Tanh())
        self.classifier = nn.Linear(d_model, classes)
        self.cls_id = vocab
        self.apply(_hf_init)

    def forward(self, input_ids: torch.Tensor, labels: torch.Tensor | None = None, attention_mask: Any = None) -> SimpleNamespace:
        ids = torch.cat([torch.full_like(input_ids[:, :1], self.cls_id), input_ids], 1)
        x = self.ln(self.word_embeddings(ids) + self.position_embeddings(torch.arange(ids.shape[1], device=ids.device)))
        logits = self.classifier(self.pooler(self.encoder(x)[:, 0]))
        loss = F.cross_entropy(logits, labels) if labels is not None else None
        return SimpleNamespace(loss=loss, logits=logits)


@lru_cache(maxsize=1)
def _source_files() -> tuple[torch.Tensor, ...]:
    """The charlm corpus, file by file (the same files, ASCII codes folded into the same vocabulary)."""
    root = Path(sysconfig.get_paths()["stdlib"])
    return tuple(torch.tensor(list((root / n).read_bytes()), dtype=torch.long) % charlm.VOCAB
                 for n in charlm.SOURCES if (root / n).exists())


def _interleaved(source: torch.Tensor, seq_len: int, block: int = 512) -> tuple[torch.Tensor, torch.Tensor]:
    """Every fourth block of ``block`` characters held out (windows never straddle the two sides)."""
    blocks = list(source.split(block))
    train = [b for i, b in enumerate(blocks) if i % 4 != 3 and len(b) > seq_len]
    held = [b for i, b in enumerate(blocks) if i % 4 == 3 and len(b) > seq_len]
    return train, held  # type: ignore[return-value]


def hf_source_classifier(batch_size: int = 8, seed: int = 0, train_size: int = 1024, seq_len: int = 64, beta2: float = 0.95) -> dict[str, Any]:
    """Which stdlib file is this 64-character window from? A BERT-style classifier on a pool of 1024; Adam."""
    files = _source_files()
    parts = [_interleaved(f, seq_len) for f in files]
    gen = torch.Generator().manual_seed(3333)

    def sample(n: int, held: bool) -> dict[str, torch.Tensor]:
        labels = torch.randint(0, len(files), (n,), generator=gen)
        ids = []
        for c in labels.tolist():
            blocks = parts[c][1 if held else 0]
            src = blocks[int(torch.randint(0, len(blocks), (), generator=gen))]
            s = int(torch.randint(0, len(src) - seq_len + 1, (), generator=gen))
            ids.append(src[s : s + seq_len])
        return {"input_ids": torch.stack(ids), "labels": labels}

    pool, held = sample(train_size, False), sample(512, True)

    def draw(g: torch.Generator) -> dict[str, torch.Tensor]:
        idx = torch.randint(0, train_size, (batch_size,), generator=g)
        return {k: v[idx] for k, v in pool.items()}

    torch.manual_seed(seed)
    model = TinyBertForSequenceClassification(charlm.VOCAB, seq_len, len(files))
    return {"model": model, "data": RandomBatches(draw, 64),
            "eval_data": [{k: v[i : i + 256] for k, v in held.items()} for i in range(0, 512, 256)],
            "optimizer": adam(beta2), "loss_fn": hf_loss}


# --------------------------------------------------------------------------------------------------------------
# linear models


def logreg(batch_size: int = 64, seed: int = 0, dim: int = 64, classes: int = 10, train_size: int = 4096,
           flip: float = 0.15, optimizer: str = "sgd") -> dict[str, Any]:
    """Multinomial logistic regression on anisotropic Gaussian inputs with a linear teacher and flipped labels."""
    gen = torch.Generator().manual_seed(6060)
    scales = torch.logspace(0.5, -1, dim)
    w = torch.randn(dim, classes, generator=gen)
    x = torch.randn(train_size + 2048, dim, generator=gen) * scales
    y = (x @ w).argmax(1)
    yt = _flip(y[:train_size], classes, flip, gen)
    torch.manual_seed(seed)
    opt = {"sgd": sgd(), "sgd_momentum": sgd(0.9)}[optimizer]
    return {"model": nn.Linear(dim, classes), "data": pool_batches(x[:train_size], yt, batch_size),
            "eval_data": eval_batches(x[train_size:], y[train_size:]), "optimizer": opt, "loss_fn": ce_loss,
            "train_pool": (x[:train_size], yt)}


def binary_logreg_full(batch_size: int = 256, seed: int = 0, dim: int = 128, train_size: int = 256,
                       beta2: float = 0.999) -> dict[str, Any]:
    """Binary logistic regression with as many features as examples: full-batch Adam can fit the training set."""
    gen = torch.Generator().manual_seed(7070)
    w = torch.randn(dim, generator=gen)
    x = torch.randn(train_size + 2048, dim, generator=gen)
    p = torch.sigmoid(x @ w / dim**0.5 * 3)
    y = (torch.rand(len(x), generator=gen) < p).float()
    torch.manual_seed(seed)
    xt, yt = x[:train_size], y[:train_size]
    return {"model": nn.Linear(dim, 1), "data": pool_batches(xt, yt, batch_size),
            "eval_data": eval_batches(x[train_size:], y[train_size:]), "optimizer": adam(beta2), "loss_fn": bce_loss,
            "train_pool": (xt, yt)}


# --------------------------------------------------------------------------------------------------------------
# the registry


@dataclass(frozen=True)
class SuiteWorkload:
    name: str
    factory: Callable[..., dict[str, Any]]
    total_steps: int  # the planned run length in optimizer steps
    family: str
    optimizer: str
    regime: str  # small_finite | finite | stream | label_noise | full_batch
    batch_size: int
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    seconds: float = math.nan  # one full run at the start LR, 5% warmup: best of 2, one CPU thread, idle machine
    base: str | None = None  # the base workload of a batch-doubling variant

    @property
    def split(self) -> str:
        return split(self.name)

    @property
    def family_split(self) -> str:
        return family_split(self.family)

    @property
    def sgd_family(self) -> bool:
        return self.optimizer.startswith("sgd")

    def build(self, seed: int = 0, batch_size: int | None = None) -> dict[str, Any]:
        return self.factory(batch_size=batch_size or self.batch_size, seed=seed, **self.kwargs)


W = SuiteWorkload
_BASE = (
    # the six original workloads of benchmarks/recommendation.py, with the same factories, settings and lengths
    W("mlp_sgd", _wrap(synthetic.mlp_sgd, ce_loss), 500, "mlp", "sgd_momentum", "label_noise", 32, seconds=0.15),
    W("cnn_bn_sgd", _wrap(synthetic.cnn_bn, ce_loss), 400, "cnn_bn", "sgd_momentum", "finite", 32, seconds=1.10),
    W("deep_mlp_adam", _wrap(synthetic.deep_mlp_adam, mse_loss), 500, "deep_mlp", "adam_b2_0.999", "finite", 32, seconds=0.56),
    W("least_squares_sgd", _wrap(synthetic.least_squares, mse_loss), 300, "linear", "sgd", "small_finite", 32, seconds=0.05),
    W("charlm_preln", _wrap(charlm.build, ce_loss), 400, "transformer_preln", "adamw_wd", "stream", 16,
      dict(d_model=48, seq_len=32, post_ln=False), seconds=3.08),
    W("charlm_postln", _wrap(charlm.build, ce_loss), 400, "transformer_postln", "adamw_wd", "stream", 16,
      dict(d_model=48, seq_len=32, post_ln=True), seconds=2.85),
    # new
    W("mlp_adam_stream", mlp_stream, 400, "mlp", "adam_b2_0.999", "stream", 64, seconds=0.35),
    W("mlp_small_adamw", mlp_pool, 400, "mlp", "adamw_wd", "small_finite", 4, seconds=0.18),
    W("mlp_noisy_sgd", mlp_pool, 300, "mlp", "sgd", "label_noise", 128,
      dict(train_size=4096, width=128, flip=0.3, optimizer="sgd"), seconds=0.12),
    W("mlp_fullbatch_adam95", mlp_regression_full, 300, "mlp", "adam_b2_0.95", "full_batch", 384, seconds=0.28),
    W("deep_mlp_sgdm_stream", deep_mlp, 400, "deep_mlp", "sgd_momentum", "stream", 32, dict(he_init=True), seconds=0.30),
    W("deep_mlp_adam95_small", deep_mlp, 400, "deep_mlp", "adam_b2_0.95", "small_finite", 8,
      dict(depth=8, width=96, train_size=384, classes=10, optimizer="adam95"), seconds=0.50),
    W("cnn_sgdm_stream", cnn, 300, "cnn", "sgd_momentum", "stream", 32, seconds=0.75),
    W("cnn_adam_small", cnn, 300, "cnn", "adam_b2_0.999", "small_finite", 16, dict(train_size=512, optimizer="adam"), seconds=0.57),
    W("cnn_bn_adamw_noisy", cnn, 250, "cnn_bn", "adamw_wd", "label_noise", 64,
      dict(bn=True, train_size=2048, flip=0.25, optimizer="adamw"), seconds=1.07),
    W("cnn_bn_sgd_b8", cnn, 400, "cnn_bn", "sgd", "stream", 8, dict(bn=True, optimizer="sgd"), seconds=0.69),
    W("gru_charlm_adam95", charlm_gru, 300, "rnn", "adam_b2_0.95", "stream", 16, seconds=2.20),
    W("lstm_count_sgdm_small", seq_lstm, 400, "rnn", "sgd_momentum", "small_finite", 16, seconds=0.70),
    W("charlm_preln_adam95_b8", charlm_transformer, 400, "transformer_preln", "adam_b2_0.95", "stream", 8, seconds=2.48),
    W("charlm_preln_tiny_adamw", charlm_transformer, 400, "transformer_preln", "adamw_wd", "small_finite", 16,
      dict(d_model=32, layers=2, train_chars=6000, optimizer="adamw"), seconds=2.40),
    W("charlm_postln_adam_b8", charlm_transformer, 400, "transformer_postln", "adam_b2_0.999", "stream", 8,
      dict(post_ln=True, optimizer="adam"), seconds=2.42),
    W("postln_count_sgdm_noisy", seq_postln, 300, "transformer_postln", "sgd_momentum", "label_noise", 32, seconds=1.87),
    W("hf_gpt_adamw", hf_causal_lm, 300, "hf_style", "adamw_wd", "stream", 16, seconds=3.12),
    W("hf_bert_adam95_small", hf_source_classifier, 400, "hf_style", "adam_b2_0.95", "small_finite", 8, seconds=3.66),
    W("logreg_sgd_noisy", logreg, 300, "linear", "sgd", "label_noise", 64, seconds=0.06),
    W("logreg_adam_fullbatch", binary_logreg_full, 300, "linear", "adam_b2_0.999", "full_batch", 256, seconds=0.07),
    W("least_squares_gd_momentum", _wrap(synthetic.least_squares, mse_loss, full_batch=True, momentum=0.9), 300,
      "linear", "sgd_momentum", "full_batch", 512, seconds=0.04),
)

# double the batch, same steps: a spread of families, three SGD-family and three Adam-family
DOUBLED = ("mlp_sgd", "cnn_bn_sgd", "logreg_sgd_noisy", "deep_mlp_adam", "charlm_preln", "gru_charlm_adam95")
_DOUBLED_SECONDS = {"mlp_sgd": 0.16, "cnn_bn_sgd": 1.90, "logreg_sgd_noisy": 0.06, "deep_mlp_adam": 0.66, "charlm_preln": 4.79, "gru_charlm_adam95": 2.57}

BASE: dict[str, SuiteWorkload] = {w.name: w for w in _BASE}
VARIANTS: dict[str, SuiteWorkload] = {
    f"{n}@2b": replace(BASE[n], name=f"{n}@2b", batch_size=2 * BASE[n].batch_size, base=n, seconds=_DOUBLED_SECONDS[n])
    for n in DOUBLED
}
WORKLOADS: dict[str, SuiteWorkload] = {**BASE, **VARIANTS}


def get(name: str) -> SuiteWorkload:
    return WORKLOADS[name]


def build(name: str, seed: int = 0, batch_size: int | None = None, no_eval: bool = False) -> dict[str, Any]:
    """The workload's parts; ``no_eval``: as a user with no eval_data would pass it (no ``eval_data``, and a
    finite pool as a shuffling DataLoader), for the held-back-data benchmark."""
    global _AS_LOADER
    _AS_LOADER = no_eval
    try:
        parts = WORKLOADS[name].build(seed, batch_size)
    finally:
        _AS_LOADER = False
    return {k: v for k, v in parts.items() if k != "eval_data"} if no_eval else parts


def _main() -> None:
    import suite_train

    counts = {s: sum(w.split == s for w in BASE.values()) for s in ("tune", "heldout")}
    suite_train.list_workloads(
        "list (and time) the suite's workloads", WORKLOADS,
        lambda w: f"{w.name:28s} {w.family:18s} {w.optimizer:14s} {w.regime:12s} b={w.batch_size:<4d} T={w.total_steps:<4d} {w.split:8s}",
        lambda w: f"held-out {suite_train.train(w.name, 0.05 if w.sgd_family else 1e-3, int(0.05 * w.total_steps), 0):.4g}",
        f"{len(BASE)} base workloads: {counts['tune']} tune, {counts['heldout']} heldout; {len(VARIANTS)} @2b variants")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    _main()
