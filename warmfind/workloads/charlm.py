"""A tiny character-level transformer on text from the Python standard library's own source (no downloads).

``post_ln=True`` builds the Post-LN variant (Xiong et al. 2020: needs warmup), the default is Pre-LN.
"""

from __future__ import annotations

import sysconfig
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn

from warmfind.workloads.sampling import RandomBatches, fixed_batches

SOURCES = ("textwrap.py", "string.py", "shlex.py", "heapq.py", "bisect.py", "calendar.py", "fractions.py", "functools.py")
VOCAB = 128  # ASCII; other bytes fold into it


@lru_cache(maxsize=1)
def corpus() -> torch.Tensor:
    """The stdlib source files above, as a long tensor of ASCII codes."""
    root = Path(sysconfig.get_paths()["stdlib"])
    text = b"".join((root / name).read_bytes() for name in SOURCES if (root / name).exists())
    if len(text) < 10_000:
        raise RuntimeError(f"standard library sources not found under {root}")
    return torch.tensor(list(text), dtype=torch.long) % VOCAB


class Block(nn.Module):
    def __init__(self, d_model: int, heads: int, post_ln: bool) -> None:
        super().__init__()
        self.post_ln = post_ln
        self.ln1 = nn.LayerNorm(d_model)
        self.attn = nn.MultiheadAttention(d_model, heads, batch_first=True)
        self.ln2 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        if self.post_ln:
            x = self.ln1(x + self.attn(x, x, x, attn_mask=mask, need_weights=False)[0])
            return self.ln2(x + self.mlp(x))
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class CharTransformer(nn.Module):
    def __init__(self, seq_len: int, d_model: int, layers: int, heads: int, post_ln: bool) -> None:
        super().__init__()
        self.tok = nn.Embedding(VOCAB, d_model)
        self.pos = nn.Parameter(torch.randn(seq_len, d_model) * 0.02)
        self.layers = nn.ModuleList(Block(d_model, heads, post_ln) for _ in range(layers))
        self.norm = nn.Identity() if post_ln else nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, VOCAB)
        self.register_buffer("mask", torch.triu(torch.full((seq_len, seq_len), float("-inf")), diagonal=1), persistent=False)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        t = idx.shape[1]
        x = self.tok(idx) + self.pos[:t]
        mask: torch.Tensor = self.mask  # type: ignore[assignment]  # a registered buffer
        for layer in self.layers:
            x = layer(x, mask[:t, :t])
        return self.head(self.norm(x))


def build(
    batch_size: int = 32, seq_len: int = 64, d_model: int = 64, layers: int = 2, heads: int = 4,
    post_ln: bool = False, num_batches: int = 200, seed: int = 0,
) -> dict[str, Any]:
    """The factory: model, random training windows (first 90% of the text), fixed held-out windows (last 10%)."""
    data = corpus()
    split = int(len(data) * 0.9)
    train, held = data[:split], data[split:]

    def windows(source: torch.Tensor) -> Any:
        def draw(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
            starts = torch.randint(0, len(source) - seq_len - 1, (batch_size,), generator=gen)
            chunk = torch.stack([source[s : s + seq_len + 1] for s in starts.tolist()])
            return chunk[:, :-1], chunk[:, 1:]

        return draw

    torch.manual_seed(seed)
    model = CharTransformer(seq_len, d_model, layers, heads, post_ln)
    return {
        "model": model,
        "data": RandomBatches(windows(train), num_batches),
        "eval_data": fixed_batches(windows(held), 8, seed + 1),
    }
