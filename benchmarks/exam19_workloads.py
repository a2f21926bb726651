"""The nineteenth exam: six more workload families that neither the suite nor the first eighteen exams have.

Same rules as exams 1-18 (``exam_workloads.py`` ... ``exam18_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam18_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 18's own
(flatland NeRF, implicit geometric regularisation, ZINB count autoencoder, LogNormMix temporal point process,
factor analysis, energy-based model by denoising score matching).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- direct preference optimisation (DPO, Rafailov et al. 2023): a tiny autoregressive policy over 4-token responses
  to a context vector, initialised from a reference (SFT) model the factory pre-trains first (deterministic,
  cached in-process); the DPO loss -log sigmoid(beta (policy-minus-reference log-ratio of the chosen response
  minus that of the rejected one)), beta 0.1, reference log-probabilities precomputed (as DPO trainers do), on
  preference pairs labelled by a hidden Bradley-Terry reward; RMSprop (the DPO reference implementation's)
- learned lossy compression (Balle et al. 2017, end-to-end optimised transform coding): an MLP analysis transform,
  additive uniform noise as the training proxy for rounding (drawn from the torch RNG in the loss), a factorised
  logistic entropy model per latent channel, an MLP synthesis transform; rate (bits per sample) + lambda x MSE;
  held out: the same with real rounding (as CompressAI evaluates); NAdam
- non-negative PU learning (nnPU, Kiryo et al. 2017; a long plan only): a binary classifier trained from labelled positives and
  unlabelled points only (class prior pi known), the non-negative risk estimator with the sigmoid loss; AdamW with
  weight decay 5e-3 (the paper's Adam with weight decay 0.005)
- sliced-Wasserstein autoencoder (SWAE, Kolouri et al. 2019): an MLP autoencoder to a 2-d code, reconstruction
  error plus the sliced Wasserstein distance between the batch's codes and samples of the prior, over random
  projections; prior samples and projections drawn from the torch RNG in training, fixed in the held-out batches;
  RAdam
- sparse variational Gaussian process (SVGP, Hensman et al. 2013): 16 learned inducing points,
  a whitened Gaussian q(u) with a Cholesky factor, an ARD RBF kernel, the negative ELBO per datum of a minibatch
  (Gaussian likelihood in closed form); Adamax
- neural discrete choice model (TasteNet-MNL, as in Han et al. 2022; a long plan only): an MLP maps a
  decision-maker's characteristics to taste coefficients, each alternative's utility is linear in its attributes
  under those tastes plus an alternative-specific constant, the multinomial-logit NLL of the chosen alternative;
  SGD with Nesterov momentum 0.9

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): nnPU and the choice
model (no short plan), and tiny versions of DPO (one hidden layer of 16) and the learned compression (linear
transforms, 6 latents). The SVGP was first meant as a long plan but takes about 2 ms a step (8 s a long run), so it
is a short plan and nnPU a long one.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and, through
the torch RNG, the compression's quantisation noise and the SWAE's prior samples and projections in training).
The DPO policy starts as a copy of its reference, so its seed varies the batch order only. The entrypoint is
``benchmarks/exam19_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam19/README.md).

    python benchmarks/exam19_workloads.py          # the table
    python benchmarks/exam19_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import copy
import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 19"


# --------------------------------------------------------------------------------------------------------------
# 1. direct preference optimisation of a tiny autoregressive policy (RMSprop)

DP_CTX, DP_VOCAB, DP_LEN, DP_BETA = 6, 6, 4, 0.1


class TinyPolicy(nn.Module):
    """An autoregressive policy over ``DP_LEN`` tokens given a context vector: at position i an MLP sees the context,
    the one-hot tokens before i (later ones zeroed) and the position, and gives next-token logits."""

    def __init__(self, hidden: int = 64, layers: int = 2) -> None:
        super().__init__()
        d_in = DP_CTX + DP_LEN * DP_VOCAB + DP_LEN
        body: list[nn.Module] = []
        for i in range(layers):
            body += [nn.Linear(d_in if i == 0 else hidden, hidden), nn.Tanh()]
        self.net = nn.Sequential(*body, nn.Linear(hidden, DP_VOCAB))

    def _inputs(self, ctx: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        b = len(ctx)
        onehot = F.one_hot(y, DP_VOCAB).float()  # B, L, V
        mask = torch.tril(torch.ones(DP_LEN, DP_LEN), -1)  # position i sees tokens j < i
        prefix = (mask.view(1, DP_LEN, DP_LEN, 1) * onehot.unsqueeze(1)).flatten(2)  # B, L, L*V
        pos = torch.eye(DP_LEN).expand(b, DP_LEN, DP_LEN)
        return torch.cat([ctx.unsqueeze(1).expand(b, DP_LEN, DP_CTX), prefix, pos], -1)

    def log_prob(self, ctx: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """log pi(y | ctx), summed over the response's tokens."""
        logp = self.net(self._inputs(ctx, y)).log_softmax(-1)
        return logp.gather(-1, y.unsqueeze(-1)).squeeze(-1).sum(-1)

    @torch.no_grad()
    def sample(self, ctx: torch.Tensor, gen: torch.Generator, temperature: float = 1.0) -> torch.Tensor:
        y = torch.zeros(len(ctx), DP_LEN, dtype=torch.long)
        for i in range(DP_LEN):
            logits = self.net(self._inputs(ctx, y)[:, i]) / temperature
            y[:, i] = torch.multinomial(logits.softmax(-1), 1, generator=gen).squeeze(1)
        return y


def _dp_sft_data(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Supervised fine-tuning data: contexts and responses of a fixed random 'behaviour' policy (a random teacher
    MLP sampled at temperature 1.5, so it is broad)."""
    tg = torch.Generator().manual_seed(19101)
    torch.manual_seed(19102)
    teacher = TinyPolicy(hidden=32)
    with torch.no_grad():
        for p in teacher.parameters():
            p.mul_(2.0)
    ctx = torch.randn(n, DP_CTX, generator=gen)
    return ctx, teacher.sample(ctx, tg, temperature=1.5)


@lru_cache(maxsize=4)
def _dp_reference(hidden: int, layers: int) -> dict[str, torch.Tensor]:
    """The reference (SFT) policy: maximum likelihood on 4096 behaviour samples, Adam 1e-2 for 400 steps of batch
    128 (deterministic; cached in-process)."""
    gen = torch.Generator().manual_seed(19103)
    ctx, y = _dp_sft_data(4096, gen)
    torch.manual_seed(19104)
    model = TinyPolicy(hidden, layers)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for step in range(400):
        idx = torch.randint(0, len(ctx), (128,), generator=gen)
        loss = -model.log_prob(ctx[idx], y[idx]).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def _dp_reward(ctx: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The hidden reward: a context-dependent preference per token (a fixed linear map of the context), plus a
    bigram bonus matrix, plus a bonus for not repeating a token."""
    tg = torch.Generator().manual_seed(19105)
    u = torch.randn(DP_CTX, DP_VOCAB, generator=tg) * 0.8
    bigram = torch.randn(DP_VOCAB, DP_VOCAB, generator=tg) * 0.7
    r = (ctx @ u).gather(1, y).sum(1)
    r = r + bigram[y[:, :-1], y[:, 1:]].sum(1)
    return r + 0.5 * (y[:, 1:] != y[:, :-1]).float().sum(1)


def _dp_pairs(n: int, gen: torch.Generator, ref: TinyPolicy) -> tuple[torch.Tensor, ...]:
    """Preference pairs: two responses sampled from the reference policy per context, the chosen one drawn by
    Bradley-Terry on the hidden reward (P(a > b) = sigmoid(r_a - r_b)); with the reference's log-probabilities of
    both (precomputed, as DPO trainers do)."""
    ctx = torch.randn(n, DP_CTX, generator=gen)
    a, b = ref.sample(ctx, gen), ref.sample(ctx, gen)
    a_wins = torch.rand(n, generator=gen) < torch.sigmoid(_dp_reward(ctx, a) - _dp_reward(ctx, b))
    yw = torch.where(a_wins.unsqueeze(1), a, b)
    yl = torch.where(a_wins.unsqueeze(1), b, a)
    with torch.no_grad():
        return ctx, yw, yl, ref.log_prob(ctx, yw), ref.log_prob(ctx, yl)


def dpo_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """DPO: -log sigmoid(beta ((log pi(y_w) - log ref(y_w)) - (log pi(y_l) - log ref(y_l)))), mean over pairs;
    chosen and rejected responses in one concatenated forward pass (as TRL's DPOTrainer does). Positive (log 2 at
    the start, where the policy is the reference)."""
    ctx, yw, yl, ref_w, ref_l = batch
    logp_w, logp_l = model.log_prob(torch.cat([ctx, ctx]), torch.cat([yw, yl])).chunk(2)
    margin = (logp_w - ref_w) - (logp_l - ref_l)
    return -F.logsigmoid(DP_BETA * margin).mean()


def dpo(batch_size: int = 16, seed: int = 0, train_size: int = 2048, hidden: int = 64, layers: int = 2
        ) -> dict[str, Any]:
    """DPO of a tiny policy (MLP 34-64-64-6 per token) on 2048 preference pairs; held out: 1024 other pairs;
    RMSprop."""
    ref = TinyPolicy(hidden, layers)
    ref.load_state_dict(_dp_reference(hidden, layers))
    gen = torch.Generator().manual_seed(19106)
    pairs = _dp_pairs(train_size + 1024, gen, ref)
    tr = tuple(t[:train_size] for t in pairs)
    torch.manual_seed(seed)
    model = copy.deepcopy(ref)  # the policy starts at the reference
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in pairs), 256),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": dpo_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. learned lossy compression: transform coding with a factorised entropy model (NAdam)

LC_DIM = 16


def _lc_signals(n: int, gen: torch.Generator) -> torch.Tensor:
    """Windows of 16 samples of a smooth random signal: a sum of 3 sinusoids (random frequencies 0.1-0.6 rad per
    sample, amplitudes, phases), a random step edge, and sensor noise sd 0.05; scaled to unit variance overall."""
    t = torch.arange(LC_DIM).float()
    freq = 0.1 + 0.5 * torch.rand(n, 3, 1, generator=gen)
    amp = torch.randn(n, 3, 1, generator=gen) * torch.tensor([1.0, 0.6, 0.3]).view(1, 3, 1)
    phase = 2 * math.pi * torch.rand(n, 3, 1, generator=gen)
    x = (amp * torch.sin(freq * t + phase)).sum(1)
    edge = torch.randint(0, LC_DIM, (n, 1), generator=gen)
    x = x + (t >= edge).float() * torch.randn(n, 1, generator=gen) * 0.8
    x = x + 0.05 * torch.randn(n, LC_DIM, generator=gen)
    return x / x.std()


class TransformCoder(nn.Module):
    """Analysis transform (MLP to ``code`` latents), a factorised entropy model (per channel a logistic density of
    learned location and scale, convolved with a unit uniform), synthesis transform (MLP back). Training adds unit
    uniform noise to the latents (the torch RNG); evaluation rounds them (as CompressAI does)."""

    def __init__(self, hidden: int = 64, code: int = 8) -> None:
        super().__init__()
        if hidden:
            self.analysis = nn.Sequential(nn.Linear(LC_DIM, hidden), nn.ReLU(), nn.Linear(hidden, code))
            self.synthesis = nn.Sequential(nn.Linear(code, hidden), nn.ReLU(), nn.Linear(hidden, LC_DIM))
        else:  # linear transform coding (a learned KLT-like transform)
            self.analysis, self.synthesis = nn.Linear(LC_DIM, code), nn.Linear(code, LC_DIM)
        self.entropy = nn.Parameter(torch.zeros(2, code))  # per channel: location, log scale

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        y = 4.0 * self.analysis(x)
        y_hat = y + torch.rand_like(y) - 0.5 if self.training else torch.round(y)
        loc, s = self.entropy[0], self.entropy[1].exp()
        p = torch.sigmoid((y_hat + 0.5 - loc) / s) - torch.sigmoid((y_hat - 0.5 - loc) / s)
        bits = -torch.log2(p.clamp(min=1e-9)).sum(1)
        return self.synthesis(y_hat / 4.0), bits


LC_LAMBDA = 32.0


def rd_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Rate + lambda x distortion: bits per signal sample + 32 x the MSE (unit-variance signals). Positive: a rate
    is -log2 of a probability mass and the reconstruction is never exact."""
    (x,) = batch
    x_hat, bits = model(x)
    return bits.mean() / LC_DIM + LC_LAMBDA * F.mse_loss(x_hat, x)


def learned_compression(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64,
                        code: int = 8) -> dict[str, Any]:
    """Transform coding of 16-sample signal windows (16-64-8 analysis, 8-64-16 synthesis) on 4096 windows; held
    out: 2048 others, rounded latents; NAdam."""
    gen = torch.Generator().manual_seed(19202)
    x = _lc_signals(train_size + 2048, gen)
    torch.manual_seed(seed)
    model = TransformCoder(hidden=hidden, code=code)
    return {"model": model, "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": rd_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 3. non-negative positive-unlabelled learning (AdamW, weight decay 5e-3)

PU_DIM, PU_PRIOR = 10, 0.4


def _pu_points(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Points of two overlapping classes: a fixed random tanh teacher's score plus logistic noise decides the class
    (positive with prior about 0.4); returns the points and their (hidden) classes."""
    tg = torch.Generator().manual_seed(19301)
    w1 = torch.randn(PU_DIM, 24, generator=tg) / math.sqrt(PU_DIM) * 2.5
    w2 = torch.randn(24, generator=tg) / math.sqrt(24) * 3.0
    x = torch.randn(n, PU_DIM, generator=gen)
    score = torch.tanh(x @ w1) @ w2
    thresh = torch.quantile(score, 1 - PU_PRIOR)
    noise = torch.logit(torch.rand(n, generator=gen).clamp(1e-6, 1 - 1e-6)) * 0.15
    return x, (score + noise > thresh).float()


def _pu_rows(n_lab: int, n_unl: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A PU pool: ``n_lab`` labelled positives (s = 1) and ``n_unl`` unlabelled points from the mixture (s = 0)."""
    x, y = _pu_points(4 * n_lab + n_unl, gen)
    pos = x[y > 0.5][:n_lab]
    unl = x[-n_unl:]
    return torch.cat([pos, unl]), torch.cat([torch.ones(len(pos)), torch.zeros(n_unl)])


def nnpu_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """nnPU with the sigmoid loss l(z, t) = sigmoid(-t z): pi R_p^+ + max(0, R_u^- - pi R_p^-) over the batch's
    labelled positives and unlabelled points. Positive: pi R_p^+ > 0."""
    x, s = batch
    g = model(x).squeeze(-1)
    n_p, n_u = s.sum().clamp(min=1), (1 - s).sum().clamp(min=1)
    r_p_pos = (torch.sigmoid(-g) * s).sum() / n_p
    r_p_neg = (torch.sigmoid(g) * s).sum() / n_p
    r_u_neg = (torch.sigmoid(g) * (1 - s)).sum() / n_u
    return PU_PRIOR * r_p_pos + torch.clamp(r_u_neg - PU_PRIOR * r_p_neg, min=0)


def nnpu(batch_size: int = 64, seed: int = 0, n_lab: int = 600, n_unl: int = 2400, hidden: int = 64
         ) -> dict[str, Any]:
    """An nnPU classifier (MLP 10-h-h-1, ReLU) on 600 labelled positives + 2400 unlabelled points; held out: a PU
    set of 300 + 1200 others; AdamW with weight decay 5e-3."""
    gen = torch.Generator().manual_seed(19302)
    x, s = _pu_rows(n_lab, n_unl, gen)
    tx, ts = _pu_rows(n_lab // 2, n_unl // 2, gen)
    perm = torch.randperm(len(tx), generator=gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(PU_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, 1))
    return {"model": model, "data": loader(x, s, batch_size=batch_size),
            "eval_data": split_batches((tx[perm], ts[perm]), 500),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=5e-3),
                                "adamw_wd5e-3"),
            "loss_fn": nnpu_loss, "train_pool": (x, s)}


# --------------------------------------------------------------------------------------------------------------
# 4. sliced-Wasserstein autoencoder (RAdam)

SW_DIM, SW_CODE, SW_PROJ, SW_LAMBDA = 12, 2, 32, 4.0


def _sw_points(n: int, gen: torch.Generator) -> torch.Tensor:
    """Points near a curved 2-d sheet in 12 dimensions: a latent on a ring of 6 clusters mapped by a fixed random
    tanh layer, plus noise sd 0.05."""
    tg = torch.Generator().manual_seed(19401)
    a = torch.randn(24, 2, generator=tg) * 1.2
    c = torch.randn(24, generator=tg) * 0.3
    b = torch.randn(SW_DIM, 24, generator=tg) / math.sqrt(24) * 1.5
    k = torch.randint(0, 6, (n,), generator=gen).float()
    ang = 2 * math.pi * k / 6
    z = torch.stack([torch.cos(ang), torch.sin(ang)], 1) + 0.3 * torch.randn(n, 2, generator=gen)
    return torch.tanh(z @ a.T + c) @ b.T + 0.05 * torch.randn(n, SW_DIM, generator=gen)


def _prior(n: int, gen: torch.Generator | None = None) -> torch.Tensor:
    """The code prior: uniform on the unit disc."""
    r = torch.rand(n, 1, generator=gen).sqrt()
    t = 2 * math.pi * torch.rand(n, 1, generator=gen)
    return torch.cat([r * torch.cos(t), r * torch.sin(t)], 1)


def _projections(k: int, gen: torch.Generator | None = None) -> torch.Tensor:
    return F.normalize(torch.randn(k, SW_CODE, generator=gen), dim=1)


class SWAE(nn.Module):
    """An MLP encoder to the 2-d code and a mirrored MLP decoder (``layers`` hidden ReLU layers each)."""

    def __init__(self, hidden: int = 64, layers: int = 1) -> None:
        super().__init__()
        enc: list[nn.Module] = []
        dec: list[nn.Module] = []
        for i in range(layers):
            enc += [nn.Linear(SW_DIM if i == 0 else hidden, hidden), nn.ReLU()]
            dec += [nn.Linear(SW_CODE if i == 0 else hidden, hidden), nn.ReLU()]
        self.encoder = nn.Sequential(*enc, nn.Linear(hidden, SW_CODE))
        self.decoder = nn.Sequential(*dec, nn.Linear(hidden, SW_DIM))


def swae_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared reconstruction error per point (summed over features) + 4 x the squared sliced Wasserstein-2
    distance between the batch's codes and as many prior samples, over 32 random directions (sorted projections).
    Training batches draw the prior samples and directions from the torch RNG; held-out batches carry fixed ones.
    Positive (noisy data, a finite sample)."""
    if len(batch) == 1:
        (x,) = batch
        zp, theta = _prior(len(x)), _projections(SW_PROJ)
    else:
        x, zp, theta = batch[0], batch[1], batch[2][0]
    z = model.encoder(x)
    rec = ((model.decoder(z) - x) ** 2).sum(1).mean()
    pz, pp = (z @ theta.T).sort(0).values, (zp @ theta.T).sort(0).values
    return rec + SW_LAMBDA * ((pz - pp) ** 2).mean()


def swae(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64, layers: int = 1
         ) -> dict[str, Any]:
    """A SWAE (12-64-64-2 encoder, mirrored decoder) on 4096 points near a 2-d sheet in 12-d; held out: 2048 others
    with fixed prior samples and directions (batches of 256); RAdam."""
    gen = torch.Generator().manual_seed(19402)
    x = _sw_points(train_size + 2048, gen)
    te = x[train_size:]
    zp = _prior(len(te), gen)
    theta = torch.stack([_projections(SW_PROJ, gen) for _ in range(len(te) // 256)])
    torch.manual_seed(seed)
    return {"model": SWAE(hidden, layers), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": [(te[i * 256:(i + 1) * 256], zp[i * 256:(i + 1) * 256], theta[i : i + 1])
                          for i in range(len(te) // 256)],
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": swae_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 5. sparse variational Gaussian process (Adamax; a long plan only)

GP_DIM, GP_NOISE = 2, 0.3


def _gp_points(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A smooth 2-d regression surface with features of different length scales, plus noise sd 0.3."""
    x = 4 * torch.rand(n, GP_DIM, generator=gen) - 2
    f = torch.sin(2.5 * x[:, 0]) * torch.cos(0.8 * x[:, 1]) + 0.5 * torch.exp(-((x ** 2).sum(1))) * 3 - 0.3 * x[:, 1]
    return x, f + GP_NOISE * torch.randn(n, generator=gen)


class SVGP(nn.Module):
    """Hensman et al.'s SVGP, whitened: u = L_mm v, q(v) = N(m, S S^T) with S lower triangular (softplus
    diagonal), an ARD RBF kernel (log length scales, log output scale), a Gaussian likelihood (log noise), a
    constant mean. Inducing points initialised at random training inputs."""

    def __init__(self, z: torch.Tensor, num_data: int) -> None:
        super().__init__()
        m = len(z)
        self.num_data = num_data
        self.inducing = nn.Parameter(z.clone())
        self.q_mean = nn.Parameter(torch.zeros(m))
        self.q_sqrt = nn.Parameter(torch.eye(m) * math.log(math.e - 1))  # strict lower part + softplus^-1 diagonal
        # hyperparameters: log length scales (GP_DIM), log output scale, log noise sd, constant mean
        self.hyp = nn.Parameter(torch.zeros(GP_DIM + 3))

    def kernel(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        ls = self.hyp[:GP_DIM].exp()
        a, b = a / ls, b / ls
        d2 = (a * a).sum(1, keepdim=True) - 2 * a @ b.T + (b * b).sum(1)
        return torch.exp(2 * self.hyp[GP_DIM] - 0.5 * d2.clamp(min=0))

    def neg_elbo(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        m = len(self.inducing)
        log_os, log_noise, mean = self.hyp[GP_DIM], self.hyp[GP_DIM + 1], self.hyp[GP_DIM + 2]
        kmm = self.kernel(self.inducing, self.inducing) + 1e-4 * torch.eye(m)
        lmm = torch.linalg.cholesky(kmm)
        a = torch.linalg.solve_triangular(lmm, self.kernel(self.inducing, x), upper=False)  # M, B
        s = torch.tril(self.q_sqrt, -1) + torch.diag(F.softplus(torch.diagonal(self.q_sqrt)))
        mu = mean + a.T @ self.q_mean
        var = (2 * log_os).exp() - (a * a).sum(0) + ((s.T @ a) ** 2).sum(0)
        noise = (2 * log_noise).exp()
        ell = -0.5 * math.log(2 * math.pi) - log_noise - 0.5 * ((y - mu) ** 2 + var) / noise
        kl = 0.5 * ((s * s).sum() + (self.q_mean ** 2).sum() - m - 2 * torch.log(torch.diagonal(s)).sum())
        return -ell.mean() + kl / self.num_data


def svgp_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative ELBO per datum (expected Gaussian log-likelihood in closed form, the KL over the pool size).
    Positive: the noise sd is 0.3, so the expected held-out NLL is at least the noise's differential entropy,
    0.5 log(2 pi e 0.09) = 0.215 nats."""
    x, y = batch
    return model.neg_elbo(x, y)


def svgp(batch_size: int = 32, seed: int = 0, train_size: int = 4000, inducing: int = 16) -> dict[str, Any]:
    """SVGP (16 inducing points, ARD RBF) on 4000 noisy points of a 2-d surface; held out: 2048 others;
    Adamax."""
    gen = torch.Generator().manual_seed(19502)
    x, y = _gp_points(train_size + 2048, gen)
    torch.manual_seed(seed)
    z = x[torch.randperm(train_size)[:inducing]]
    model = SVGP(z, train_size)
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": svgp_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. neural discrete choice model: TasteNet-MNL (SGD with Nesterov momentum; a long plan only)

DC_ALTS, DC_ATTR, DC_CHAR = 5, 4, 3


def _choices(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Choice situations: 5 alternatives with 4 attributes (cost, time, comfort, reliability: standardised), a
    decision-maker with 3 characteristics (income, age, trip purpose); true tastes depend non-linearly on the
    characteristics (cost sensitivity falls with income, time sensitivity depends on purpose and age, comfort and
    reliability on interactions), fixed alternative-specific constants, all times 2.5 against the unit Gumbel
    noise; the chosen alternative maximises utility + Gumbel noise."""
    attrs = torch.randn(n, DC_ALTS, DC_ATTR, generator=gen)
    chars = torch.randn(n, DC_CHAR, generator=gen)
    cost = -1.5 * torch.exp(-0.8 * chars[:, 0])
    time = -0.8 - 0.9 * torch.tanh(3 * chars[:, 2]) * torch.sigmoid(2 * chars[:, 1])
    comfort = 0.6 * torch.sin(2 * chars[:, 1]) + 0.4 * chars[:, 0] * chars[:, 2]
    rel = 0.5 + 0.5 * torch.cos(1.5 * chars[:, 0] + chars[:, 2])
    beta = torch.stack([cost, time, comfort, rel], 1)
    asc = torch.tensor([0.0, 0.4, -0.3, 0.2, -0.5])
    util = 2.5 * ((attrs * beta.unsqueeze(1)).sum(-1) + asc)
    gumbel = -torch.log(-torch.log(torch.rand(n, DC_ALTS, generator=gen).clamp(1e-9, 1 - 1e-9)))
    return attrs, chars, (util + gumbel).argmax(1)


class TasteNet(nn.Module):
    """An MLP from the characteristics to the taste coefficients; utility linear in the attributes plus learned
    alternative-specific constants (the first fixed at 0)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.taste = nn.Sequential(nn.Linear(DC_CHAR, hidden), nn.Tanh(), nn.Linear(hidden, DC_ATTR))
        self.asc = nn.Parameter(torch.zeros(DC_ALTS - 1))

    def forward(self, attrs: torch.Tensor, chars: torch.Tensor) -> torch.Tensor:
        beta = self.taste(chars)
        return (attrs * beta.unsqueeze(1)).sum(-1) + F.pad(self.asc, (1, 0))


def mnl_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The multinomial-logit NLL of the chosen alternative; positive (Gumbel noise makes choices uncertain)."""
    attrs, chars, choice = batch
    return F.cross_entropy(model(attrs, chars), choice)


def tastenet(batch_size: int = 32, seed: int = 0, train_size: int = 4000, hidden: int = 32) -> dict[str, Any]:
    """TasteNet-MNL (3-32-4 taste net, 4 constants) on 4000 choices among 5 alternatives; held out: 2048 others;
    SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(19602)
    a, c, ch = _choices(train_size + 2048, gen)
    torch.manual_seed(seed)
    tr = (a[:train_size], c[:train_size], ch[:train_size])
    return {"model": TasteNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((a[train_size:], c[train_size:], ch[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov"),
            "loss_fn": mnl_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("dpo_rmsprop", dpo, 300, "direct_preference_optimisation", "rmsprop", "finite", 16, seconds=0.4,
      start_lr=0.004),
    W("compress_rd_nadam", learned_compression, 300, "learned_compression_rate_distortion", "nadam", "finite", 32,
      seconds=0.6, start_lr=0.016),
    W("swae_radam", swae, 300, "sliced_wasserstein_autoencoder", "radam", "finite", 64, seconds=0.5,
      start_lr=0.064),
    W("svgp_adamax", svgp, 300, "sparse_variational_gp", "adamax", "finite", 64, seconds=0.8, start_lr=0.064),
)
LONG = (
    W("nnpu_adamw@long", nnpu, 3000, "positive_unlabelled_nnpu", "adamw_wd5e-3", "finite", 32, dict(hidden=32),
      seconds=2.5, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("tastenet_nesterov@long", tastenet, 3000, "neural_discrete_choice", "sgd_nesterov", "finite", 32,
      seconds=1.8, start_lr=0.04, grid_fractions=(0.0, 0.05)),
    W("dpo_rmsprop@long", dpo, 3000, "direct_preference_optimisation", "rmsprop", "finite", 8,
      dict(hidden=16, layers=1, train_size=1024), seconds=3.0, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="dpo_rmsprop"),
    W("compress_rd_nadam@long", learned_compression, 3000, "learned_compression_rate_distortion", "nadam", "finite",
      16, dict(hidden=0, code=6), seconds=3.2, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="compress_rd_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam19_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the nineteenth exam's workloads")
