"""Tiny workloads for the tests, reached through real entrypoints (``tiny_factories:mlp``)."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn


def _regression(n: int = 64, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 8, generator=gen)
    return x, (x @ torch.randn(8, 1, generator=gen)).tanh()


def batches(x: torch.Tensor, y: torch.Tensor, size: int = 16) -> list[tuple[torch.Tensor, torch.Tensor]]:
    return [(x[i : i + size], y[i : i + size]) for i in range(0, len(x), size)]


def mlp(batch_size: int = 16, hidden: int = 4) -> dict[str, Any]:
    """An 8 -> hidden -> 1 MLP on a fixed regression set (tuple batches, default MSE, default AdamW)."""
    torch.manual_seed(0)
    x, y = _regression()
    return {"model": nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, 1)), "data": batches(x, y, batch_size)}


def mlp_sgd() -> dict[str, Any]:
    """``mlp`` under SGD with momentum: a long plan the halving skips (round 64)."""
    return dict(mlp(), optimizer=lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9))


def mlp_radam() -> dict[str, Any]:
    """``mlp`` under RAdam: a long plan whose pick is a quarter of the re-rank's best (round 66)."""
    return dict(mlp(), optimizer=lambda params, lr: torch.optim.RAdam(params, lr=lr))


def chatty() -> dict[str, Any]:
    """``mlp`` from a factory and an optimizer hook that print, as nanoGPT's ``configure_optimizers`` does."""
    print("factory: building the model")
    out = mlp()

    def optimizer(params: Any, lr: float) -> torch.optim.Optimizer:
        print("num decayed parameter tensors: 2")
        return torch.optim.AdamW(params, lr=lr)

    return {**out, "optimizer": optimizer}


def mlp_tuple() -> tuple[Any, Any]:
    out = mlp()
    return out["model"], out["data"]


def classifier() -> dict[str, Any]:
    """Integer targets: the default loss must be cross-entropy."""
    torch.manual_seed(0)
    x = torch.randn(64, 8)
    y = (x[:, 0] > 0).long()
    return {"model": nn.Linear(8, 2), "data": batches(x, y)}


class HFStyle(nn.Module):
    """Takes keyword inputs and returns an object with ``.loss``, as Hugging Face models do."""

    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Linear(8, 1)

    def forward(self, inputs: torch.Tensor, labels: torch.Tensor) -> Any:
        class Out:
            loss = nn.functional.mse_loss(self.net(inputs), labels)

        return Out()


def dict_batches() -> dict[str, Any]:
    torch.manual_seed(0)
    x, y = _regression()
    return {"model": HFStyle(), "data": [{"inputs": a, "labels": b} for a, b in batches(x, y)]}


def custom_loss() -> dict[str, Any]:
    out = mlp()
    out["loss_fn"] = lambda model, batch: (model(batch[0]) - batch[1]).abs().mean()
    return out


def param_groups() -> dict[str, Any]:
    """The second layer trains at 10x the first: the probe must keep that ratio."""
    out = mlp()
    model = out["model"]
    out["optimizer"] = lambda params, lr: torch.optim.SGD(
        [{"params": model[0].parameters(), "lr": lr}, {"params": model[2].parameters(), "lr": 10 * lr}], lr=lr
    )
    return out


def batchnorm() -> dict[str, Any]:
    torch.manual_seed(0)
    x, y = _regression()
    model = nn.Sequential(nn.Linear(8, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.2), nn.Linear(8, 1))
    return {"model": model, "data": batches(x, y)}


def shuffled_loader() -> dict[str, Any]:
    torch.manual_seed(0)
    x, y = _regression()
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=16, shuffle=True)
    return {"model": nn.Linear(8, 1), "data": loader}


# --- bad inputs -------------------------------------------------------------------------------------
def raises() -> None:
    raise RuntimeError("boom")


def no_model() -> dict[str, Any]:
    return {"data": mlp()["data"]}


def no_data() -> dict[str, Any]:
    return {"model": nn.Linear(8, 1)}


def wrong_type() -> int:
    return 3


def empty_loader() -> dict[str, Any]:
    return {"model": nn.Linear(8, 1), "data": []}


def non_scalar_loss() -> dict[str, Any]:
    out = mlp()
    out["loss_fn"] = lambda model, batch: (model(batch[0]) - batch[1]) ** 2
    return out


def nan_loss() -> dict[str, Any]:
    out = mlp()
    out["loss_fn"] = lambda model, batch: model(batch[0]).sum() * float("nan")
    return out


def uneven_mlp() -> dict[str, Any]:
    """``mlp`` under SGD with its first layer 300x larger: its update-to-weight ratio is ~300x-1000x below the head's"""
    out = mlp(hidden=8)
    with torch.no_grad():
        out["model"][0].weight.mul_(300.0)
        out["model"][0].bias.mul_(300.0)
    out["optimizer"] = lambda params, lr: torch.optim.SGD(params, lr=lr)
    return out


def loader_mlp() -> dict[str, Any]:
    """``mlp`` on a shuffling DataLoader of 320 examples and no eval_data: warmfind holds some back to rank by."""
    out = mlp()
    x, y = _regression(320)
    out["data"] = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=16, shuffle=True)
    return out


def nan_row() -> dict[str, Any]:
    """``mlp`` on a DataLoader whose row 643 (batch 40 of 64) has a NaN input: broken data, not an unstable LR.

    The noise measurement at init reads only the first 16 batches, so the range test is what meets it.
    """
    out = mlp()
    x, y = _regression(1024)
    x[643, 3] = float("nan")
    out["data"] = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=16)
    return out


def nan_target_batch() -> dict[str, Any]:
    """``mlp`` whose third batch (a list of batches) has an infinite target."""
    out = mlp()
    x, y = _regression()
    y[40, 0] = float("inf")
    out["data"] = batches(x, y, 16)
    return out


def frozen() -> dict[str, Any]:
    out = mlp()
    for p in out["model"].parameters():
        p.requires_grad_(False)
    return out


def one_shot_iterator() -> dict[str, Any]:
    out = mlp()
    out["data"] = iter(out["data"])
    return out


not_callable = 42


def crash_on_rank1() -> dict[str, Any]:
    """Under torchrun, rank 1 fails mid-probe: every rank must end quickly, not hang in a collective."""
    import os

    out = mlp()
    calls = {"n": 0}

    def loss_fn(model: nn.Module, batch: Any) -> torch.Tensor:
        calls["n"] += 1
        if os.environ.get("RANK") == "1" and calls["n"] > 30:
            raise RuntimeError("rank 1 lost its GPU")
        return nn.functional.mse_loss(model(batch[0]), batch[1])

    out["loss_fn"] = loss_fn
    return out


class TinyGPT(nn.Module):
    """nanoGPT's contract: ``forward(idx, targets=None)`` returns ``(logits, loss)``, the loss None without targets."""

    def __init__(self, vocab: int = 16, width: int = 8) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab, width)
        self.head = nn.Linear(width, vocab)

    def forward(self, idx: torch.Tensor, targets: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor | None]:
        logits = self.head(self.embed(idx))
        if targets is None:
            return logits, None
        return logits, nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))


def nanogpt_style() -> dict[str, Any]:
    """Next-token batches for ``TinyGPT`` and no ``loss_fn``: the model computes its own loss from the targets."""
    torch.manual_seed(0)
    tokens = torch.randint(0, 16, (64, 9))
    return {"model": TinyGPT(), "data": batches(tokens[:, :-1], tokens[:, 1:], 16)}


def nan_after_calls(calls: int = 150) -> dict[str, Any]:
    """``mlp`` whose loss turns NaN after ``calls`` calls, whatever the LR: a broken loss, not a divergence."""
    out = mlp()
    count = {"n": 0}

    def loss_fn(model: nn.Module, batch: Any) -> torch.Tensor:
        count["n"] += 1
        loss = nn.functional.mse_loss(model(batch[0]), batch[1])
        return loss * float("nan") if count["n"] > calls else loss

    out["loss_fn"] = loss_fn
    return out


def sgd_classifier() -> dict[str, Any]:
    """``classifier`` trained with SGD + momentum, named by the factory (so ``check`` fingerprints it the same)."""
    out = classifier()
    out["optimizer"] = lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9)
    return out


def random_labels() -> dict[str, Any]:
    """Labels drawn independently of the inputs and a zero-initialised classifier: it starts at chance (ln 4) on the
    held-out set, and no LR can do better there, so no probe learns anything measurable."""
    gen = torch.Generator().manual_seed(0)
    x, y = torch.randn(256, 8, generator=gen), torch.randint(0, 4, (256,), generator=gen)
    ex, ey = torch.randn(128, 8, generator=gen), torch.randint(0, 4, (128,), generator=gen)
    model = nn.Linear(8, 4)
    nn.init.zeros_(model.weight)
    nn.init.zeros_(model.bias)
    return {"model": model, "data": batches(x, y, 32), "eval_data": batches(ex, ey, 32)}


def tiny_inputs_sgd() -> dict[str, Any]:
    """Least squares on inputs of scale 0.003 under plain SGD, from zero weights: the Hessian's eigenvalues are about
    2e-5, so gradient descent is stable up to ~1e5, and 40 steps at the range test's end (10) lower the loss by ~1.4%
    (nothing measurable); only LRs above that end learn."""
    gen = torch.Generator().manual_seed(0)
    x = 0.003 * torch.randn(256, 8, generator=gen)
    y = x @ torch.randn(8, 1, generator=gen)
    model = nn.Linear(8, 1, bias=False)
    nn.init.zeros_(model.weight)
    return {"model": model, "data": batches(x, y, 32), "optimizer": lambda params, lr: torch.optim.SGD(params, lr=lr)}



def unreachable_target() -> dict[str, Any]:
    """A constant target (1) for a linear model without a bias, from zero weights: the best it can do is stay at zero,
    where the loss is 1, so the range test never falls and no probe ends below the untrained loss, at any LR."""
    gen = torch.Generator().manual_seed(0)
    x, ex = torch.randn(1024, 8, generator=gen), torch.randn(256, 8, generator=gen)
    model = nn.Linear(8, 1, bias=False)
    nn.init.zeros_(model.weight)
    return {"model": model, "data": batches(x, torch.ones(1024, 1), 32), "eval_data": batches(ex, torch.ones(256, 1), 64),
            "loss_fn": lambda m, b: nn.functional.mse_loss(m(b[0]), b[1])}


def _fit_with_kernel_term(model: nn.Module, batch: Any) -> torch.Tensor:
    """Squared error plus a Gaussian-process log-determinant on the model's outputs, log det(F F^T + I) / n: positive
    definite for finite outputs, so its Cholesky raises (LinAlgError) once a large LR has sent the weights to inf."""
    x, y = batch
    out = model(x)
    chol = torch.linalg.cholesky(out @ out.T + torch.eye(len(x)))
    return nn.functional.mse_loss(out[:, :1], y) + 2 * torch.log(torch.diagonal(chol)).sum() / len(x)


def kernel_term() -> dict[str, Any]:
    """Deep kernel learning in miniature under plain SGD: at large LRs its loss raises instead of returning inf."""
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(256, 8, generator=gen)
    y = x[:, :1] - 0.5 * x[:, 1:2] + 0.1 * torch.randn(256, 1, generator=gen)
    return {"model": nn.Linear(8, 2), "data": batches(x, y, 32), "loss_fn": _fit_with_kernel_term,
            "optimizer": lambda params, lr: torch.optim.SGD(params, lr=lr)}


def bad_batch(bad: int = 5, eval_data: bool = False) -> dict[str, Any]:
    """A list of 64 batches whose ``bad``-th has 7 input features instead of 8: the loss raises on it at any LR."""
    gen = torch.Generator().manual_seed(0)
    data = [(torch.randn(16, 8 if i != bad else 7, generator=gen), torch.randn(16, 1, generator=gen)) for i in range(64)]
    held = [(torch.randn(16, 8, generator=gen), torch.randn(16, 1, generator=gen))] if eval_data else None
    return {"model": nn.Linear(8, 1), "data": data, **({"eval_data": held} if held else {})}


def raises_on_rank1_at_large_weights() -> dict[str, Any]:
    """Under torchrun, rank 1's loss raises once its outputs grow past 10 (a large LR); rank 0's never does."""
    import os

    out = mlp()

    def loss_fn(model: nn.Module, batch: Any) -> torch.Tensor:
        pred = model(batch[0])
        if os.environ.get("RANK") == "1" and not bool(pred.detach().abs().max() < 10):
            raise RuntimeError("the kernel is not positive-definite")
        return nn.functional.mse_loss(pred, batch[1])

    out["loss_fn"] = loss_fn
    return out


def uneven_start() -> dict[str, Any]:
    """Linear regression whose batches' input scales spread 0.2 to 1.5, the first batch the smallest: from zero weights
    its first loss is about 25x below most batches' (exam 54's bridge network in miniature, whose first batch sat 4x
    below the mean of its first ten)."""
    gen = torch.Generator().manual_seed(0)
    w = torch.randn(8, 1, generator=gen)
    scales = [0.2] + (0.4 + 1.1 * torch.rand(63, generator=gen)).tolist()
    xs = [s * torch.randn(16, 8, generator=gen) for s in scales]
    model = nn.Linear(8, 1, bias=False)
    nn.init.zeros_(model.weight)
    return {"model": model, "data": [(x, x @ w) for x in xs], "optimizer": lambda params, lr: torch.optim.SGD(params, lr=lr)}


def raw_first_steps() -> dict[str, Any]:
    """Linear regression on inputs of scale 100 under RAdam: its first updates are un-rectified momentum-SGD steps, which
    blow up at once above an LR of ~1e-5 on this curvature, while its later, adaptive steps train far higher (exam 60's
    DistoX net in miniature: a constant-LR screen fails at step 1 far below where the range test's ramp diverges)."""
    gen = torch.Generator().manual_seed(0)
    w = 0.01 * torch.randn(8, 1, generator=gen)
    xs = [100 * torch.randn(16, 8, generator=gen) for _ in range(64)]
    model = nn.Linear(8, 1, bias=False)
    nn.init.zeros_(model.weight)
    def loss_fn(m: nn.Module, batch: Any) -> torch.Tensor:  # a quartic wall: large adaptive steps diverge too
        x, y = batch
        return nn.functional.mse_loss(m(x), y) + 1e5 * (m.weight ** 4).sum()

    return {"model": model, "data": [(x, x @ w + torch.randn(16, 1, generator=gen)) for x in xs], "loss_fn": loss_fn,
            "optimizer": lambda params, lr: torch.optim.RAdam(params, lr=lr)}
