"""The eighteenth exam: six more workload families that neither the suite nor the first seventeen exams have.

Same rules as exams 1-17 (``exam_workloads.py`` ... ``exam17_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam17_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 17's own
(von Mises circular regression, deep Tobit regression, multiresolution hash encoding, GMMN, infomax ICA, Gaussian
mixture by gradient descent) and its dropped graph attention network, ProdLDA topic model and discrete HMM.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- neural radiance field in flatland (NeRF, Mildenhall et al. 2020, in 2-d): a positionally encoded ReLU MLP giving
  density and colour at points of the plane, rays from cameras on a circle rendered by the volume-rendering
  quadrature (alpha compositing of evenly spaced samples), MSE against the pixels of a synthetic scene of soft
  coloured discs; held out: novel views (cameras at other angles); Adam with eps 1e-7 (NeRF's)
- implicit geometric regularisation (IGR, Gropp et al. 2020): a softplus MLP signed distance function fitted to
  noisy points and normals of a closed 2-d curve, |f| on the surface + the normal term + 0.1 times the eikonal
  term (||grad f|| - 1)^2 at points spread around it (input gradients by autograd); AdamW with weight decay 1e-4
- deep count autoencoder (DCA, Eraslan et al. 2019, single-cell RNA-seq denoising): an MLP autoencoder of
  log-normalised counts whose decoder gives the mean, dispersion and dropout probability of a zero-inflated
  negative binomial, the ZINB negative log-likelihood of the raw counts (size factors given); RMSprop (DCA's)
- intensity-free temporal point process (LogNormMix, Shchur et al. 2020): an MLP over the last 3 events' (log
  inter-event time, mark embedding) giving a mixture of 8 log-normals for the next inter-event time and a softmax
  for its mark, the negative log-likelihood per event of a synthetic marked, self-modulating event stream; Adam
  with L2 weight decay 1e-5 (the paper's)
- factor analysis by minibatch gradient descent (a long plan only): a loading matrix, a mean and log noise
  variances, the Gaussian negative log-likelihood under W W^T + diag(psi) (by a Cholesky factor); SGD with
  Nesterov momentum 0.9
- energy-based model trained by denoising score matching (Vincent 2011; a long plan only): an MLP energy E(x),
  its score -grad_x E by autograd, the sigma^2-weighted squared error against the added noise, on points near a
  curved 2-d sheet in 8 dimensions at one noise level; NAdam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the factor analysis and
the energy-based model (no short plan), and tiny versions of the flatland NeRF and the count autoencoder.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and the
energy model's training noise). The entrypoint is ``benchmarks/exam18_workloads.py:build`` (``no_eval=True``
drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam18/README.md).

    python benchmarks/exam18_workloads.py          # the table
    python benchmarks/exam18_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 18"


# --------------------------------------------------------------------------------------------------------------
# 1. neural radiance field in flatland (Adam, eps 1e-7)

NR_DISCS = (  # centre x, centre y, radius, density, r, g, b
    (-0.35, 0.20, 0.30, 8.0, 0.9, 0.2, 0.2),
    (0.30, 0.30, 0.22, 12.0, 0.2, 0.8, 0.3),
    (0.10, -0.35, 0.28, 6.0, 0.2, 0.3, 0.9),
    (-0.20, -0.30, 0.12, 20.0, 0.9, 0.8, 0.1),
)
NR_NEAR, NR_FAR, NR_RADIUS = 1.2, 3.8, 2.5


def _scene(p: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The true field at points (..., 2): density (a sum of soft-edged discs) and colour (density-weighted)."""
    sig = torch.zeros(p.shape[:-1])
    rgb = torch.zeros(*p.shape[:-1], 3)
    for cx, cy, r, d, *col in NR_DISCS:
        dist = ((p[..., 0] - cx) ** 2 + (p[..., 1] - cy) ** 2).sqrt()
        s = d * torch.sigmoid((r - dist) * 40)
        sig = sig + s
        rgb = rgb + s.unsqueeze(-1) * torch.tensor(col)
    return sig, rgb / (sig.unsqueeze(-1) + 1e-6)


def _render(field: Any, origins: torch.Tensor, dirs: torch.Tensor, samples: int) -> torch.Tensor:
    """Volume rendering along rays (NeRF's quadrature): samples evenly spaced (midpoints) between near and far,
    alpha_i = 1 - exp(-sigma_i delta), transmittance by a cumulative product, a black background."""
    delta = (NR_FAR - NR_NEAR) / samples
    t = NR_NEAR + delta * (torch.arange(samples) + 0.5)
    pts = origins.unsqueeze(1) + t.view(1, -1, 1) * dirs.unsqueeze(1)  # R, S, 2
    sigma, rgb = field(pts)
    alpha = 1 - torch.exp(-sigma * delta)
    trans = torch.cumprod(torch.cat([torch.ones_like(alpha[:, :1]), 1 - alpha[:, :-1] + 1e-10], 1), 1)
    return ((trans * alpha).unsqueeze(-1) * rgb).sum(1)


def _rays(angles: torch.Tensor, pixels: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Pinhole cameras on a circle of radius 2.5 looking at the origin, a 1-d image of ``pixels`` pixels over a 50
    degree field of view; every (camera, pixel) ray."""
    a = angles.view(-1, 1)
    origin = torch.stack([NR_RADIUS * torch.cos(a), NR_RADIUS * torch.sin(a)], -1).expand(-1, pixels, 2)
    offs = torch.linspace(-1, 1, pixels).view(1, -1) * math.tan(math.radians(25))
    fwd = torch.stack([-torch.cos(a), -torch.sin(a)], -1)
    side = torch.stack([-torch.sin(a), torch.cos(a)], -1)
    d = fwd + offs.unsqueeze(-1) * side
    return origin.reshape(-1, 2), F.normalize(d, dim=-1).reshape(-1, 2)


def _views(angles: torch.Tensor, pixels: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Rays and their pixel colours, rendered from the true field with 256 samples, plus sensor noise sd 0.02."""
    o, d = _rays(angles, pixels)
    with torch.no_grad():
        c = _render(_scene, o, d, 256)
    return o, d, c + 0.02 * torch.randn(c.shape, generator=gen)


class FlatNeRF(nn.Module):
    """NeRF's MLP without view dependence: a positional encoding (x, sin/cos(2^k pi x), k < ``freqs``), ReLU
    layers, softplus density and sigmoid colour."""

    def __init__(self, freqs: int = 5, hidden: int = 64, layers: int = 3, samples: int = 32) -> None:
        super().__init__()
        self.freqs, self.samples = freqs, samples
        dims = [2 + 4 * freqs] + [hidden] * layers
        body: list[nn.Module] = []
        for a, b in zip(dims[:-1], dims[1:]):
            body += [nn.Linear(a, b), nn.ReLU()]
        self.body = nn.Sequential(*body)
        self.head = nn.Linear(hidden, 4)

    def field(self, p: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        k = (2.0 ** torch.arange(self.freqs)) * math.pi
        xk = (p.unsqueeze(-1) * k).flatten(-2)
        h = self.head(self.body(torch.cat([p, torch.sin(xk), torch.cos(xk)], -1)))
        return F.softplus(h[..., 0]), torch.sigmoid(h[..., 1:])

    def forward(self, origins: torch.Tensor, dirs: torch.Tensor) -> torch.Tensor:
        return _render(self.field, origins, dirs, self.samples)


def nerf_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The photometric MSE of rendered rays; positive (the pixels carry noise of variance 4e-4)."""
    o, d, c = batch
    return F.mse_loss(model(o, d), c)


def flat_nerf(batch_size: int = 32, seed: int = 0, hidden: int = 64, layers: int = 3, freqs: int = 5,
              samples: int = 32, pixels: int = 64) -> dict[str, Any]:
    """A flatland NeRF: 24 training cameras (2-d, on a circle) of 64 pixels each; held out: 8 novel views between
    them; Adam with eps 1e-7."""
    gen = torch.Generator().manual_seed(18102)
    train_angles = torch.arange(24) * (2 * math.pi / 24)
    test_angles = (torch.arange(8) * 3 + 1.5) * (2 * math.pi / 24)
    o, d, c = _views(train_angles, pixels, gen)
    to, td, tc = _views(test_angles, pixels, gen)
    torch.manual_seed(seed)
    model = FlatNeRF(freqs=freqs, hidden=hidden, layers=layers, samples=samples)
    return {"model": model, "data": loader(o, d, c, batch_size=batch_size),
            "eval_data": split_batches((to, td, tc), 128),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, eps=1e-7), "adam_eps1e-7"),
            "loss_fn": nerf_mse, "train_pool": (o, d, c)}


# --------------------------------------------------------------------------------------------------------------
# 2. implicit geometric regularisation: a signed distance function from points and normals (AdamW)


def _curve(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Points and outward unit normals of a closed flower-like curve r(t) = 0.55 + 0.12 cos 5t + 0.06 sin 3t."""
    t = 2 * math.pi * torch.rand(n, generator=gen)
    r = 0.55 + 0.12 * torch.cos(5 * t) + 0.06 * torch.sin(3 * t)
    dr = -0.6 * torch.sin(5 * t) + 0.18 * torch.cos(3 * t)
    p = torch.stack([r * torch.cos(t), r * torch.sin(t)], 1)
    tangent = torch.stack([dr * torch.cos(t) - r * torch.sin(t), dr * torch.sin(t) + r * torch.cos(t)], 1)
    normal = F.normalize(torch.stack([tangent[:, 1], -tangent[:, 0]], 1), dim=1)
    return p, normal


def _igr_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Surface points measured with noise sd 0.01, their normals measured with noise sd 0.1 (renormalised), and an
    off-surface point per row for the eikonal term (IGR's: half near the surface, sd 0.1, half uniform in
    [-1, 1]^2)."""
    p, nrm = _curve(n, gen)
    pts = p + 0.01 * torch.randn(n, 2, generator=gen)
    nrm = F.normalize(nrm + 0.1 * torch.randn(n, 2, generator=gen), dim=1)
    near = p + 0.1 * torch.randn(n, 2, generator=gen)
    far = 2 * torch.rand(n, 2, generator=gen) - 1
    off = torch.where(torch.rand(n, 1, generator=gen) < 0.5, near, far)
    return pts, nrm, off


class SDFNet(nn.Module):
    """IGR's network: softplus (beta 100) layers, a scalar output; the last layer initialised so f starts near the
    signed distance of a circle of radius 0.5 (IGR's geometric initialisation, in 2-d)."""

    def __init__(self, hidden: int = 64, layers: int = 3) -> None:
        super().__init__()
        dims = [2] + [hidden] * layers
        self.linears = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        for lin in self.linears:
            nn.init.normal_(lin.weight, 0.0, math.sqrt(2) / math.sqrt(lin.out_features))
            nn.init.zeros_(lin.bias)
        self.out = nn.Linear(hidden, 1)
        nn.init.normal_(self.out.weight, math.sqrt(math.pi) / math.sqrt(hidden), 1e-4)
        nn.init.constant_(self.out.bias, -0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for lin in self.linears:
            x = F.softplus(lin(x), beta=100)
        return self.out(x)


def igr_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """IGR's loss: mean |f(x)| + mean ||grad f(x) - n|| on the surface points + 0.1 mean (||grad f(y)|| - 1)^2 at the
    off-surface points (gradients by autograd, kept in the graph; enabled under no_grad for evaluation too).
    Positive here (the points and normals are noisy)."""
    pts, nrm, off = batch
    with torch.enable_grad():
        x = torch.cat([pts, off]).requires_grad_(True)
        f = model(x)
        (g,) = torch.autograd.grad(f.sum(), x, create_graph=True)
    n = len(pts)
    surface = f[:n].abs().mean() + (g[:n] - nrm).norm(dim=1).mean()
    eikonal = ((g[n:].norm(dim=1) - 1) ** 2).mean()
    return surface + 0.1 * eikonal


def igr(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64, layers: int = 3
        ) -> dict[str, Any]:
    """An IGR signed distance network (2-64-64-64-1, softplus beta 100) on 4096 noisy oriented points of a closed
    curve; held out: 2048 others (with their own off-surface points); AdamW with weight decay 1e-4."""
    gen = torch.Generator().manual_seed(18202)
    pts, nrm, off = _igr_rows(train_size + 2048, gen)
    torch.manual_seed(seed)
    model = SDFNet(hidden=hidden, layers=layers)
    tr = (pts[:train_size], nrm[:train_size], off[:train_size])
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((pts[train_size:], nrm[train_size:], off[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-4),
                                "adamw_wd1e-4"),
            "loss_fn": igr_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. deep count autoencoder with a zero-inflated negative binomial likelihood (RMSprop)


def _exp_sum(shape: tuple[int, ...], k: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Gamma(k, 1) draws for integer shapes k (<= 6) as sums of k unit exponentials."""
    e = -torch.log(torch.rand(*shape, 6, generator=gen).clamp(min=1e-12))
    return (e * (torch.arange(6) < k.unsqueeze(-1)).float()).sum(-1)


def _cells(n: int, genes: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Single-cell-like UMI counts: 5 cell types plus a continuous differentiation coordinate drive a 4-d latent
    state; gene means exp(W z + b) times a log-normal library size; negative binomial noise (Gamma-Poisson, an
    integer inverse dispersion 1-6 per gene); technical dropout zeroes with probability sigmoid(-1.5 - 0.8 log mu).
    Returns the counts and the size factors (library size / its median)."""
    tg = torch.Generator().manual_seed(18301)
    types = torch.randn(5, 4, generator=tg) * 1.2
    w = torch.randn(4, genes, generator=tg) * 0.6
    b = torch.randn(genes, generator=tg) * 0.8 + 0.5
    theta = torch.randint(1, 7, (genes,), generator=tg)
    kind = torch.randint(0, 5, (n,), generator=gen)
    z = types[kind] + 0.4 * torch.randn(n, 4, generator=gen)
    z[:, 0] += 1.5 * torch.rand(n, generator=gen) - 0.75
    lib = torch.exp(0.35 * torch.randn(n, 1, generator=gen))
    mu = lib * torch.exp(z @ w + b)
    rate = mu * _exp_sum((n, genes), theta.expand(n, genes), gen) / theta
    counts = torch.poisson(rate, generator=gen)
    dropout = torch.rand(n, genes, generator=gen) < torch.sigmoid(-1.5 - 0.8 * torch.log(mu))
    counts = torch.where(dropout, torch.zeros_like(counts), counts)
    sf = counts.sum(1, keepdim=True)
    return counts, sf / sf.median()


class CountAutoencoder(nn.Module):
    """DCA's network: log1p of size-factor-normalised counts, scaled to unit variance per gene, in; an encoder
    (``hidden``), a bottleneck (``code``), a decoder (``hidden``), all ReLU; three heads: the mean (exp, times the
    size factor), the dispersion (softplus) and the dropout probability (a logit)."""

    def __init__(self, genes: int, hidden: int = 64, code: int = 16, scale: torch.Tensor | None = None) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(genes, hidden), nn.ReLU(), nn.Linear(hidden, code), nn.ReLU(),
                                 nn.Linear(code, hidden), nn.ReLU())
        self.mean, self.disp, self.pi = nn.Linear(hidden, genes), nn.Linear(hidden, genes), nn.Linear(hidden, genes)
        self.register_buffer("scale", scale if scale is not None else torch.ones(genes))

    def forward(self, counts: torch.Tensor, sf: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        h = self.net(torch.log1p(counts / sf) / self.scale)
        mu = sf * torch.exp(self.mean(h).clamp(max=15))
        return mu, F.softplus(self.disp(h)) + 1e-4, self.pi(h)


def zinb_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The zero-inflated negative binomial NLL per count (DCA's, without its ridge term): a zero is a dropout or an
    NB zero, a positive count is an NB count times (1 - pi). Positive: -log of a probability mass."""
    x, sf = batch
    mu, theta, logit = model(x, sf)
    log_theta_mu = torch.log(theta + mu)
    nb = (torch.lgamma(x + theta) - torch.lgamma(theta) - torch.lgamma(x + 1)
          + theta * (torch.log(theta) - log_theta_mu) + x * (torch.log(mu + 1e-8) - log_theta_mu))
    nb_zero = theta * (torch.log(theta) - log_theta_mu)
    zero = torch.logaddexp(logit, nb_zero) - F.softplus(logit)  # log(pi + (1 - pi) NB(0))
    pos = nb - F.softplus(logit)  # log(1 - pi) + log NB(x)
    return -torch.where(x < 0.5, zero, pos).mean()


def count_autoencoder(batch_size: int = 32, seed: int = 0, train_size: int = 2048, genes: int = 64,
                      hidden: int = 64, code: int = 16) -> dict[str, Any]:
    """A DCA-style ZINB autoencoder (genes-64-16-64 x 3 heads) on 2048 cells x 64 genes of synthetic UMI counts;
    held out: 1024 other cells; RMSprop."""
    gen = torch.Generator().manual_seed(18302)
    x, sf = _cells(train_size + 1024, genes, gen)
    scale = torch.log1p(x[:train_size] / sf[:train_size]).std(0).clamp(min=1e-3)
    torch.manual_seed(seed)
    model = CountAutoencoder(genes, hidden=hidden, code=code, scale=scale)
    return {"model": model, "data": loader(x[:train_size], sf[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], sf[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": zinb_nll, "train_pool": (x[:train_size], sf[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. intensity-free temporal point process (LogNormMix; Adam with L2 weight decay 1e-5)

TP_MARKS, TP_LEN, TP_WINDOW = 4, 16, 3


def _event_streams(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Marked event sequences (like user activity logs) of 16 events: the next mark from a second-order Markov
    chain on the marks; the log inter-event time (seconds) a mark-dependent level, plus 0.6 tanh(2 x the previous
    log time's deviation), minus 0.8 where the last two marks repeat, plus noise of sd 0.2, or (for mark 3, with
    probability 0.4) a short burst at a level 2 lower."""
    tg = torch.Generator().manual_seed(18401)
    trans = torch.softmax(2.5 * torch.randn(TP_MARKS, TP_MARKS, TP_MARKS, generator=tg), -1)
    level = torch.tensor([3.0, 2.2, 3.6, 2.8])
    marks = torch.zeros(n, TP_LEN, dtype=torch.long)
    logt = torch.zeros(n, TP_LEN)
    m = torch.randint(0, TP_MARKS, (n,), generator=gen)
    m2 = torch.randint(0, TP_MARKS, (n,), generator=gen)
    prev_dev = torch.zeros(n)
    for i in range(TP_LEN):
        base = level[m] + 0.6 * torch.tanh(2 * prev_dev) - 0.8 * (m == m2).float()
        burst = (m == 3) & (torch.rand(n, generator=gen) < 0.4)
        lt = torch.where(burst, base - 2.0, base) + 0.2 * torch.randn(n, generator=gen)
        prev_dev = lt - level[m]
        m, m2 = torch.multinomial(trans[m2, m], 1, generator=gen).squeeze(1), m
        logt[:, i], marks[:, i] = lt, m
    return logt.exp(), marks


class LogNormMix(nn.Module):
    """Shchur et al.'s decoder with a fixed-window history encoder (as for processes of short memory): each past
    event embedded as (standardised log tau, mark embedding), the last ``TP_WINDOW`` of them (zero-padded at the
    start) through a tanh MLP to a context, and from the context a mixture of ``k`` log-normals for the next
    inter-event time (weights, means, log sds; log times standardised by the training pool's mean and sd) plus a
    mark softmax."""

    def __init__(self, hidden: int = 32, k: int = 8, mark_dim: int = 8, mean: float = 0.0, std: float = 1.0) -> None:
        super().__init__()
        self.k, self.mean, self.std = k, mean, std
        self.embed = nn.Embedding(TP_MARKS, mark_dim)
        self.encoder = nn.Sequential(nn.Linear(TP_WINDOW * (1 + mark_dim), hidden), nn.Tanh(),
                                     nn.Linear(hidden, hidden), nn.Tanh())
        self.time_head = nn.Linear(hidden, 3 * k)
        self.mark_head = nn.Linear(hidden, TP_MARKS)

    def forward(self, tau: torch.Tensor, marks: torch.Tensor) -> torch.Tensor:
        """The NLL of every event given the ones before it, per event: -log p(tau_i) - log p(m_i)."""
        z = (torch.log(tau) - self.mean) / self.std
        ev = torch.cat([z.unsqueeze(-1), self.embed(marks)], -1)  # B, L, 1 + mark_dim
        ev = F.pad(ev, (0, 0, TP_WINDOW, 0))[:, :-1]  # shifted: position i sees events < i
        hist = torch.cat([ev[:, j : j + TP_LEN] for j in range(TP_WINDOW)], -1)  # B, L, window x (1 + mark_dim)
        ctx = self.encoder(hist)
        w, mu, log_s = self.time_head(ctx).split(self.k, -1)
        log_s = log_s.clamp(-5, 3)
        comp = -0.5 * ((z.unsqueeze(-1) - mu) / log_s.exp()) ** 2 - log_s - 0.5 * math.log(2 * math.pi)
        log_pz = torch.logsumexp(comp + w.log_softmax(-1), -1)
        log_ptau = log_pz - math.log(self.std) - torch.log(tau)  # change of variables z = (log tau - m) / s
        log_pm = -F.cross_entropy(self.mark_head(ctx).flatten(0, 1), marks.flatten(), reduction="none")
        return -(log_ptau + log_pm.view_as(log_ptau))


def tpp_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The NLL per event (inter-event time density in seconds, plus the mark). Positive here: the times are tens
    of seconds with log-scale noise, so their density stays far below 1."""
    tau, marks = batch
    return model(tau, marks).mean()


def tpp(batch_size: int = 16, seed: int = 0, train_size: int = 1024, hidden: int = 32, k: int = 8
        ) -> dict[str, Any]:
    """LogNormMix (a window of 3 events, an MLP 27-32-32, 8 log-normal components) on 1024 sequences of 16 marked
    events; held out: 512 other sequences; Adam with weight decay 1e-5."""
    gen = torch.Generator().manual_seed(18402)
    tau, marks = _event_streams(train_size + 512, gen)
    lt = torch.log(tau[:train_size])
    torch.manual_seed(seed)
    model = LogNormMix(hidden=hidden, k=k, mean=float(lt.mean()), std=float(lt.std()))
    return {"model": model, "data": loader(tau[:train_size], marks[:train_size], batch_size=batch_size),
            "eval_data": split_batches((tau[train_size:], marks[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=1e-5),
                                "adam_l2_1e-5"),
            "loss_fn": tpp_nll, "train_pool": (tau[:train_size], marks[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 5. factor analysis by minibatch gradient descent (SGD with Nesterov momentum; a long plan only)

FA_DIM, FA_RANK = 10, 3


def _fa_points(n: int, gen: torch.Generator) -> torch.Tensor:
    """x = mu + W z + e: 3 factors with loadings of very different sizes (column scales 4, 1, 0.3), a mean of
    N(0, 2^2) entries, heteroscedastic noise sds 0.15-1.0."""
    tg = torch.Generator().manual_seed(18501)
    w = torch.randn(FA_DIM, FA_RANK, generator=tg) * torch.tensor([4.0, 1.0, 0.3])
    mu = 2.0 * torch.randn(FA_DIM, generator=tg)
    sd = 0.15 + 0.85 * torch.rand(FA_DIM, generator=tg)
    z = torch.randn(n, FA_RANK, generator=gen)
    return mu + z @ w.T + sd * torch.randn(n, FA_DIM, generator=gen)


class FactorAnalysis(nn.Module):
    """Loadings W (init N(0, 0.1^2)), a mean (init 0) and log noise variances (init 0)."""

    def __init__(self) -> None:
        super().__init__()
        self.loadings = nn.Parameter(0.1 * torch.randn(FA_DIM, FA_RANK))
        self.mean = nn.Parameter(torch.zeros(FA_DIM))
        self.log_psi = nn.Parameter(torch.zeros(FA_DIM))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """log p(x) per point under N(mean, W W^T + diag(exp(log_psi))), by the Cholesky factor of the covariance."""
        cov = self.loadings @ self.loadings.T + torch.diag(self.log_psi.exp())
        chol = torch.linalg.cholesky(cov)
        r = torch.linalg.solve_triangular(chol, (x - self.mean).T, upper=False)
        return -0.5 * (r * r).sum(0) - chol.diagonal().log().sum() - 0.5 * FA_DIM * math.log(2 * math.pi)


def fa_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The Gaussian NLL per point; positive here (the data's differential entropy is about 11 nats)."""
    (x,) = batch
    return -model(x).mean()


def factor_analysis(batch_size: int = 32, seed: int = 0, train_size: int = 4000) -> dict[str, Any]:
    """Factor analysis (10-d, 3 factors) on 4000 points; held out: 2048 others; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(18502)
    x = _fa_points(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": FactorAnalysis(), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov"),
            "loss_fn": fa_nll, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 6. energy-based model by denoising score matching (NAdam; a long plan only)

EB_SIGMA, EB_DIM = 0.1, 8


def _manifold(n: int, gen: torch.Generator) -> torch.Tensor:
    """Points near a curved 2-d sheet in 8 dimensions: a latent (u, v) uniform in [-1, 1]^2 mapped by a fixed
    random tanh layer (8 x 16 x 2, scaled so every coordinate spans about [-1, 1]), plus noise sd 0.02."""
    tg = torch.Generator().manual_seed(18601)
    a = 1.5 * torch.randn(16, 2, generator=tg)
    c = torch.randn(16, generator=tg) * 0.5
    b = torch.randn(EB_DIM, 16, generator=tg) / 2
    uv = 2 * torch.rand(n, 2, generator=gen) - 1
    return torch.tanh(uv @ a.T + c) @ b.T + 0.02 * torch.randn(n, EB_DIM, generator=gen)


class Energy(nn.Module):
    """A scalar energy E(x): an MLP with SiLU activations."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(EB_DIM, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)


def dsm_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Denoising score matching at one noise level sigma: x~ = x + sigma eps, the model's score s = -grad E(x~)
    (autograd, kept in the graph; enabled under no_grad for evaluation too), the loss 0.5 ||sigma s + eps||^2 per
    point (Vincent's objective times sigma^2). Training batches draw eps from the torch RNG; held-out batches carry
    fixed eps. Positive: the noise cannot be predicted exactly."""
    if len(batch) == 1:
        (x,) = batch
        eps = torch.randn_like(x)
    else:
        x, eps = batch
    with torch.enable_grad():
        xt = (x + EB_SIGMA * eps).requires_grad_(True)
        (g,) = torch.autograd.grad(model(xt).sum(), xt, create_graph=True)
    return 0.5 * ((eps - EB_SIGMA * g) ** 2).sum(1).mean()


def ebm_dsm(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """An energy MLP 8-64-64-1 (SiLU) on 4096 points near a 2-d sheet in 8-d by denoising score matching (sigma
    0.1); held out: 2048 other points with fixed noise; NAdam."""
    gen = torch.Generator().manual_seed(18602)
    x = _manifold(train_size + 2048, gen)
    eps = torch.randn(2048, EB_DIM, generator=gen)
    torch.manual_seed(seed)
    return {"model": Energy(hidden), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], eps), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": dsm_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("nerf2d_adam", flat_nerf, 300, "nerf_volume_rendering", "adam_eps1e-7", "finite", 16,
      dict(hidden=48, freqs=3), seconds=0.8, start_lr=0.016),
    W("igr_sdf_adamw", igr, 300, "implicit_geometric_regularisation_sdf", "adamw_wd1e-4", "finite", 32,
      seconds=0.6, start_lr=0.004),
    W("dca_zinb_rmsprop", count_autoencoder, 300, "zinb_count_autoencoder", "rmsprop", "finite", 32, seconds=0.7,
      start_lr=0.008),
    W("tpp_lognormmix_adam", tpp, 300, "temporal_point_process", "adam_l2_1e-5", "finite", 16, seconds=0.8,
      start_lr=0.032),
)
LONG = (
    W("fa_nesterov@long", factor_analysis, 3000, "factor_analysis", "sgd_nesterov", "finite", 32, seconds=2.5,
      start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("ebm_dsm_nadam@long", ebm_dsm, 3000, "energy_model_score_matching", "nadam", "finite", 32, dict(hidden=48),
      seconds=4.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("nerf2d_adam@long", flat_nerf, 3000, "nerf_volume_rendering", "adam_eps1e-7", "finite", 8,
      dict(hidden=16, layers=2, freqs=3, samples=16), seconds=4.0, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="nerf2d_adam"),
    W("dca_zinb_rmsprop@long", count_autoencoder, 3000, "zinb_count_autoencoder", "rmsprop", "finite", 16,
      dict(genes=32, hidden=16, code=8), seconds=4.0, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="dca_zinb_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam18_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighteenth exam's workloads")
