"""The thirty-eighth exam: six more workload families that neither the suite nor exams 1-36 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam36_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from fisheries and marine biology,
ophthalmology (of "ophthalmology and dentistry"), labour economics, forestry and wildfire, acoustics and noise
control, and chip design / electronic design automation (exam 37 was built at the same
time from other domains; its module was not opened). What was checked to make them new, and what was tried and
dropped, is in ``benchmarks/results/exam38/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- fish age from otolith images with a CNN (Moen et al. 2018 regress age from otolith photographs with a fine-tuned
  Inception v3; here a small CNN): grey-scale 32 x 32 images of an elliptical otolith whose opaque and translucent
  annual zones follow a von Bertalanffy growth curve (so the outer rings crowd), the age regressed with MSE; RMSprop
  (Keras's: rho 0.9, eps 1e-7; from memory)
- intraocular-lens outcome with a back-propagation network (Clarke & Burmeister 1997: an MLP from the pre-operative
  biometry and the implanted lens power to the post-operative refraction): eyes whose refraction comes from a
  thick-lens vergence calculation with an individual effective lens position; tanh units (theirs were sigmoid);
  MSE in dioptres squared; SGD with momentum 0.9 (back-propagation with momentum; from memory)
- wages with the AKM two-way fixed-effects model (Abowd, Kramarz & Margolis 1999): log wage = worker effect + firm
  effect + year effects + a cubic in age, fitted by minibatch gradient descent on a matched employer-employee panel
  with job mobility and assortative sorting, log wages centred; held out: other worker-years of the same workers;
  MSE; Adagrad (the usual stochastic optimiser for large embedding tables; labour economists solve AKM's normal
  equations by conjugate gradients, which a torch training loop does not)
- next-day wildfire spread (Huot et al. 2022, a long plan only): a small convolutional encoder-decoder from the
  previous fire mask, fuel, wind, humidity, drought and elevation maps to the next day's fire mask, per-pixel binary
  cross-entropy; fires grown by a stochastic cellular automaton (Alexandridis-style spread probabilities with
  wind, slope, fuel and moisture terms), so tomorrow's mask is random given the inputs; Adam (Huot et al.'s, from
  memory)
- blind reverberation-time estimation with a CNN (Gamper & Tashev 2018): a CNN (with batch norm) on the log band
  energies (16 bands x 32 frames of 40 ms) of reverberant sound regresses the room's measured T60; sources are
  bursts of band-limited energy, rooms frequency-dependent exponential decays with a direct-to-reverberant ratio
  and a noise floor; MSE on T60 in seconds; Adam (from memory)
- routing congestion with RouteNet (Xie et al. 2018, a long plan only): a fully convolutional net with a skip from
  the placement's feature maps (RUDY wire density, pin density, macro mask) to the tile-level routing demand over
  capacity of a pattern router (L-shaped routes of each net's star decomposition, both L's at probability 1/2,
  detours around macros); MSE; AdamW with weight decay 1e-4 (CircuitNet's RouteNet training code, from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the wildfire net and
RouteNet (no short plans), the IOL network on 1024 eyes instead of 512 and AKM on a panel of 20,000 workers at 2000
firms instead of 2000 at 200.

Of the eight plans, two use plain Adam (reverberation time, wildfire), one AdamW (RouteNet), one RMSprop (otolith),
two SGD with momentum (both IOL plans) and two Adagrad (both AKM plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (no workload
here has dropout). No loss draws random numbers. The entrypoint is ``benchmarks/exam38_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam38/README.md).

    python benchmarks/exam38_workloads.py          # the table
    python benchmarks/exam38_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 38"


# --------------------------------------------------------------------------------------------------------------
# 1. fish age from otolith images (RMSprop)

OT_SIZE, OT_MAX_AGE = 32, 10


def _ot_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Photographs of whole otoliths under reflected light: an ellipse (aspect 1.3-1.8, random orientation, a
    slightly off-centre nucleus) whose radius grows with age along a von Bertalanffy curve (k 0.25-0.45); the opaque
    (summer) and translucent (winter) zones are a periodic profile of the fish's age at each radius, so the late
    rings crowd near the edge; a growth-check texture, uneven illumination, a random contrast, sensor noise. Ages
    1-10 (a demersal stock's catch, more young fish). Returns (images (n, 1, 32, 32), age)."""
    age = torch.multinomial(torch.tensor([6.0, 8, 8, 7, 6, 5, 4, 3, 2, 1.5]), n, replacement=True, generator=gen) + 1
    age = age.float() + 0.3 * torch.rand(n, generator=gen)  # caught at some point of the growing season
    k = 0.25 + 0.2 * torch.rand(n, 1, 1, generator=gen)
    t0 = -0.5
    size = 1 - torch.exp(-k * (age.view(n, 1, 1) - t0))  # relative radius at capture
    c = torch.linspace(-1, 1, OT_SIZE)
    yy, xx = c.view(1, -1, 1), c.view(1, 1, -1)
    th = math.pi * torch.rand(n, 1, 1, generator=gen)
    aspect = 1.3 + 0.5 * torch.rand(n, 1, 1, generator=gen)
    cx, cy = 0.08 * torch.randn(n, 1, 1, generator=gen), 0.05 * torch.randn(n, 1, 1, generator=gen)
    u = (xx - cx) * torch.cos(th) + (yy - cy) * torch.sin(th)
    v = -(xx - cx) * torch.sin(th) + (yy - cy) * torch.cos(th)
    r = torch.sqrt(u**2 + (aspect * v) ** 2) / 0.9  # relative radius at each pixel (1: the oldest fish's edge)
    inside = (r < size).float()
    a_at_r = t0 - torch.log(1 - r.clamp(0, 0.999)) / k  # the fish's age when the otolith's edge was at radius r
    zones = torch.cos(2 * math.pi * a_at_r)  # opaque zone each summer, translucent each winter
    check = 0.3 * torch.sin(2 * math.pi * (3.0 + torch.rand(n, 1, 1, generator=gen)) * a_at_r
                            + 6 * torch.rand(n, 1, 1, generator=gen))
    contrast = 0.25 + 0.35 * torch.rand(n, 1, 1, generator=gen)
    light = 1 + 0.3 * (xx * torch.randn(n, 1, 1, generator=gen) + yy * torch.randn(n, 1, 1, generator=gen))
    img = inside * (0.5 + contrast * (zones + check)) * light
    img = img + 0.25 * torch.randn(n, OT_SIZE, OT_SIZE, generator=gen)
    return img.unsqueeze(1), age


class OtolithCNN(nn.Module):
    """A small VGG-like CNN (three 3x3 convolution + max-pool stages, 8, 16 and 32 channels) with a dense head to
    the age; Moen et al. fine-tune Inception v3 with a single linear output."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        w = width
        self.features = nn.Sequential(nn.Conv2d(1, w, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(w, 2 * w, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(2 * w, 4 * w, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(4 * w * (OT_SIZE // 8) ** 2, 32), nn.ReLU(),
                                  nn.Linear(32, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x)).squeeze(1)


def age_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the age (years)."""
    x, age = batch
    return F.mse_loss(model(x), age)


def otolith_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The otolith CNN on 2048 otolith images, batch 32; held out: 1024 other otoliths in batches of 512; RMSprop
    with Keras's rho 0.9 and eps 1e-7."""
    gen = torch.Generator().manual_seed(38101)
    x, age = _ot_images(train_size + 1024, gen)
    tr = (x[:train_size], age[:train_size])
    torch.manual_seed(seed)
    return {"model": OtolithCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], age[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7),
                                "rmsprop_alpha0.9_eps1e-7"),
            "loss_fn": age_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. intraocular-lens outcome with a back-propagation network (SGD with momentum)

N_AQ, VERTEX = 1.336, 0.012


def _iol_eyes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cataract patients: axial length (mm) N(23.6, 1.2^2) (a long tail of myopes), keratometry K (D) N(43.8,
    1.5^2) falling a little with axial length, anterior chamber depth N(3.1, 0.4^2) growing with it, lens thickness
    N(4.6, 0.35^2); the implanted power chosen by the SRK formula (A 118.8) for a target between -0.5 D and plano,
    rounded to 0.5 D. The post-operative spherical equivalent (D, at a 12 mm vertex) from a thick-lens vergence
    calculation: the true corneal power (keratometric index 1.3375 -> 1.332), the effective lens position (Haigis-
    like: 0.6 + 0.35 ACD + 0.1 AL + 0.1 LT + an individual N(0, 0.15^2) mm), an optical axial length (+0.2 mm);
    subjective-refraction noise N(0, 0.15^2). Returns (standardised biometry and power, refraction)."""
    al = 23.6 + 1.2 * torch.randn(n, generator=gen) + 1.5 * torch.relu(torch.randn(n, generator=gen) - 1.2)
    k = 43.8 - 0.5 * (al - 23.6) + 1.4 * torch.randn(n, generator=gen)
    acd = 3.1 + 0.2 * (al - 23.6) + 0.35 * torch.randn(n, generator=gen)
    lt = 4.6 - 0.1 * (al - 23.6) + 0.35 * torch.randn(n, generator=gen)
    target = -0.5 * torch.rand(n, generator=gen)
    power = torch.round((118.8 - 2.5 * al - 0.9 * k - 1.5 * target) * 2) / 2
    k_true = k * 0.332 / 0.3375
    elp = (0.6 + 0.35 * acd + 0.1 * al + 0.1 * lt + 0.15 * torch.randn(n, generator=gen)) / 1000
    length = (al + 0.2) / 1000
    v3 = N_AQ / (length - elp)  # the vergence the lens must leave for a sharp image on the retina
    v2 = v3 - power
    v1 = N_AQ / (N_AQ / v2 + elp)  # back through the aqueous to the cornea
    vc = v1 - k_true
    refraction = vc / (1 + VERTEX * vc) + 0.15 * torch.randn(n, generator=gen)
    x = torch.stack([(al - 23.6) / 1.3, (k - 43.8) / 1.5, (acd - 3.1) / 0.4, (lt - 4.6) / 0.35,
                     (power - 20.5) / 3.5], 1)
    return x, refraction


class IOLNet(nn.Module):
    """Clarke & Burmeister's back-propagation network, with a second hidden layer and tanh units (theirs: one
    layer of sigmoid units): from the five biometric inputs to the refraction."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def refraction_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared prediction error of the post-operative refraction (D^2)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def iol_net(batch_size: int = 16, seed: int = 0, train_size: int = 512, hidden: int = 16) -> dict[str, Any]:
    """The IOL network on 512 eyes (one surgeon's few years of cases; the long plan: 1024); held out: 2048 other
    eyes in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(38201)
    x, y = _iol_eyes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": IOLNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": refraction_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. wages with AKM two-way fixed effects (Adagrad)

AKM_YEARS = 8


def _akm_panel(workers: int, firms: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """A matched employer-employee panel of 8 years: worker effects N(0, 0.35^2), firm effects N(0, 0.2^2) with
    firm sizes log-normal; each worker starts at a firm drawn with assortative sorting (a high-effect worker is more
    likely at a high-effect firm), and moves each year with probability 0.12 (again with sorting); ages 20-60 at the
    start; log wage = worker + firm + a year effect + a concave age profile + an AR(1) match-and-transitory error
    (rho 0.5, sd 0.12). Returns (worker, firm, year, standardised age, log wage) per worker-year."""
    alpha = 0.35 * torch.randn(workers, generator=gen)
    psi = 0.2 * torch.randn(firms, generator=gen)
    size = torch.exp(0.8 * torch.randn(firms, generator=gen))
    year_eff = torch.cumsum(0.02 + 0.015 * torch.randn(AKM_YEARS, generator=gen), 0)
    age0 = 20 + 40 * torch.rand(workers, generator=gen)

    def draw_firm(a: torch.Tensor) -> torch.Tensor:
        logits = torch.log(size).unsqueeze(0) + 3.0 * a.unsqueeze(1) * psi.unsqueeze(0)
        return torch.multinomial(torch.softmax(logits, 1), 1, generator=gen).squeeze(1)

    firm = draw_firm(alpha)
    e = 0.12 * torch.randn(workers, generator=gen)
    rows = []
    for t in range(AKM_YEARS):
        if t:
            move = torch.rand(workers, generator=gen) < 0.12
            firm = firm.clone()
            firm[move] = draw_firm(alpha[move])
            e = 0.5 * e + 0.12 * math.sqrt(0.75) * torch.randn(workers, generator=gen)
        age = age0 + t
        profile = 0.04 * (age - 20) - 0.0007 * (age - 20) ** 2
        wage = 2.8 + alpha + psi[firm] + year_eff[t] + profile + e
        rows.append(torch.stack([torch.arange(workers).float(), firm.float(), torch.full((workers,), float(t)),
                                 (age - 40) / 12, wage], 1))
    m = torch.cat(rows)
    return m[:, 0].long(), m[:, 1].long(), m[:, 2].long(), m[:, 3], m[:, 4]


class AKM(nn.Module):
    """The AKM model: a worker effect and a firm effect (embedding tables of width 1, initialised N(0, 0.01^2)),
    year effects, a cubic in age and an intercept (initialised at zero)."""

    def __init__(self, workers: int, firms: int) -> None:
        super().__init__()
        self.worker = nn.Embedding(workers, 1)
        self.firm = nn.Embedding(firms, 1)
        self.year = nn.Embedding(AKM_YEARS, 1)
        self.age = nn.Linear(3, 1)
        for emb in (self.worker, self.firm, self.year):
            nn.init.normal_(emb.weight, std=0.01)
        nn.init.zeros_(self.age.weight)  # a regression's coefficients start at zero
        nn.init.zeros_(self.age.bias)

    def forward(self, worker: torch.Tensor, firm: torch.Tensor, year: torch.Tensor, age: torch.Tensor) -> torch.Tensor:
        a = torch.stack([age, age**2, age**3], 1)
        return (self.worker(worker) + self.firm(firm) + self.year(year) + self.age(a)).squeeze(1)


def log_wage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log wage."""
    w, f, t, age, y = batch
    return F.mse_loss(model(w, f, t, age), y)


def akm(batch_size: int = 64, seed: int = 0, workers: int = 2000, firms: int = 200) -> dict[str, Any]:
    """AKM on an 8-year panel of 2000 workers at 200 firms (the long plan: 20,000 at 2000): 80% of the worker-years
    to train on (12,800), the other 20% held out in batches of 1600 (the same workers and firms); log wages centred
    on the training mean; Adagrad."""
    gen = torch.Generator().manual_seed(38301)
    panel = _akm_panel(workers, firms, gen)
    perm = torch.randperm(len(panel[0]), generator=gen)
    n = int(0.8 * len(perm))
    mean = float(panel[4][perm[:n]].mean())  # log wages centred on the training mean
    panel = panel[:4] + (panel[4] - mean,)
    tr = tuple(p[perm[:n]] for p in panel)
    te = tuple(p[perm[n:]] for p in panel)
    torch.manual_seed(seed)
    return {"model": AKM(workers, firms), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1600),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": log_wage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. next-day wildfire spread (Adam; long only)

WF_SIZE = 16


def _wf_fires(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16 x 16 km tiles at 1 km: smooth random fields of elevation, fuel (NDVI-like), humidity and a drought index,
    a uniform wind (direction and speed), and today's fire (a few burning cells grown from an ignition for 1-4
    steps), and the cells burnt before. Tomorrow's fire: 3 steps of a stochastic cellular automaton (Alexandridis
    et al. 2008 style): a burning cell ignites each of its 8 unburnt neighbours with probability p0 x fuel x (1 -
    moisture) x drought x exp(2 x wind alignment x speed + slope) / distance, and burns out after one step (the
    front moves). Returns (the 8 input maps, tomorrow's fire mask)."""

    def smooth(k: int) -> torch.Tensor:
        z = torch.randn(n, k, WF_SIZE + 6, WF_SIZE + 6, generator=gen)
        z = F.avg_pool2d(z, 7, stride=1)
        return z / z.flatten(2).std(2).view(n, k, 1, 1)

    fields = smooth(4)
    elev, fuel = fields[:, 0], torch.sigmoid(1.2 * fields[:, 1] + 0.5)
    humid = torch.sigmoid(0.8 * fields[:, 2])
    drought = torch.sigmoid(0.8 * fields[:, 3] + 0.3 * torch.randn(n, 1, 1, generator=gen))
    wdir = 2 * math.pi * torch.rand(n, generator=gen)
    wspeed = 0.3 + 1.2 * torch.rand(n, generator=gen)
    offsets = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx]

    def step(burning: torch.Tensor, burnt: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        new = torch.zeros_like(burning)
        for dy, dx in offsets:
            src = torch.roll(burning, (dy, dx), (1, 2))  # the neighbour at (-dy, -dx) is burning
            dist = math.hypot(dy, dx)
            align = (dx * torch.cos(wdir) + dy * torch.sin(wdir)).view(n, 1, 1) / dist
            slope = (elev - torch.roll(elev, (dy, dx), (1, 2))) / dist
            p = 0.35 * fuel * (1 - 0.8 * humid) * (0.5 + drought) * torch.exp(2 * wspeed.view(n, 1, 1) * align
                                                                              + 0.4 * slope) / dist
            ignite = (torch.rand(burning.shape, generator=gen) < p.clamp(0, 1)) & (src > 0)
            new = torch.maximum(new, ignite.float())
        new = new * (1 - burnt)
        out = burning  # a cell burns for one step: the fire front moves
        burning = torch.clamp(burning - out + new, 0, 1)
        return burning, torch.clamp(burnt + out, 0, 1)

    burning = torch.zeros(n, WF_SIZE, WF_SIZE)
    iy = torch.randint(4, WF_SIZE - 4, (n,), generator=gen)
    ix = torch.randint(4, WF_SIZE - 4, (n,), generator=gen)
    burning[torch.arange(n), iy, ix] = 1.0
    burnt = torch.zeros_like(burning)
    pre = torch.randint(1, 5, (n,), generator=gen)
    for s in range(4):
        b2, u2 = step(burning, burnt)
        keep = (pre > s).view(n, 1, 1).float()
        burning, burnt = keep * b2 + (1 - keep) * burning, keep * u2 + (1 - keep) * burnt
    today = burning.clone()
    for _ in range(3):
        burning, burnt = step(burning, burnt)
    x = torch.stack([elev / 2, fuel, humid, drought, torch.cos(wdir).view(n, 1, 1) * wspeed.view(n, 1, 1)
                     * torch.ones_like(elev), torch.sin(wdir).view(n, 1, 1) * wspeed.view(n, 1, 1)
                     * torch.ones_like(elev), today, burnt], 1)
    return x, burning


class FireSpreadNet(nn.Module):
    """Huot et al.'s convolutional autoencoder in miniature: a 3x3 convolution and a max-pool down, a residual 3x3
    convolution at the bottleneck, a transposed convolution up, the inputs joined back by a skip, a 3x3 output layer
    (per-pixel fire logits)."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        w = width
        self.enc = nn.Sequential(nn.Conv2d(8, w, 3, padding=1), nn.LeakyReLU(0.1), nn.MaxPool2d(2))
        self.mid = nn.Conv2d(w, w, 3, padding=1)
        self.up = nn.ConvTranspose2d(w, w, 2, stride=2)
        self.out = nn.Conv2d(w + 8, 1, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.enc(x)
        h = h + F.leaky_relu(self.mid(h), 0.1)
        return self.out(torch.cat([F.leaky_relu(self.up(h), 0.1), x], 1)).squeeze(1)


def fire_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Per-pixel binary cross-entropy of tomorrow's fire mask."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def fire_spread(batch_size: int = 16, seed: int = 0, train_size: int = 1024, width: int = 8) -> dict[str, Any]:
    """The fire-spread net (width 8) on 1024 fire tiles; held out: 1024 other tiles in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(38401)
    x, y = _wf_fires(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FireSpreadNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": fire_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. blind reverberation-time estimation with a CNN (Adam)

RT_BANDS, RT_FRAMES, RT_HOP = 16, 32, 0.04


def _rt_clips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Reverberant sound as log band energies (16 bands, 32 frames of 40 ms): a source of 3-8 bursts (syllables,
    claps, impacts: random onsets, durations 1-4 frames, band envelopes with a random spectral tilt and a
    formant-like peak), played in a room with T60 U[0.2, 1.4] s at mid frequencies, shorter at high frequencies
    (air absorption) and somewhat longer at low ones (each band a further 12% at random); the reverberant energy is
    the source energy convolved in each band with its exponential decay, the direct sound 0-10 dB above it; a noise
    floor 35-55 dB below the peak. The label is the T60 as measured (5% measurement error). Returns (log energies
    (n, 1, 16, 32), measured T60 (s))."""
    t = torch.arange(RT_FRAMES).float()
    b = torch.linspace(0, 1, RT_BANDS).view(1, -1, 1)
    src = torch.zeros(n, RT_BANDS, RT_FRAMES)
    bursts = torch.randint(3, 9, (n,), generator=gen)
    for i in range(8):
        on = torch.randint(0, RT_FRAMES - 8, (n, 1, 1), generator=gen).float()
        dur = 1 + 3 * torch.rand(n, 1, 1, generator=gen)
        tilt = -1.5 * torch.rand(n, 1, 1, generator=gen)
        f1 = torch.rand(n, 1, 1, generator=gen)
        shape = torch.exp(tilt * b * 3 + 1.5 * torch.exp(-((b - f1) ** 2) / 0.02))
        level = torch.exp(1.5 * torch.randn(n, 1, 1, generator=gen)) * (bursts.view(n, 1, 1) > i).float()
        env = ((t.view(1, 1, -1) >= on) & (t.view(1, 1, -1) < on + dur)).float()
        src = src + level * shape * env
    t60 = 0.2 + 1.2 * torch.rand(n, generator=gen)
    t60_b = t60.view(n, 1, 1) * (1.25 - 0.55 * b) * torch.exp(0.12 * torch.randn(n, RT_BANDS, 1, generator=gen))
    decay = torch.exp(-6.9078 * RT_HOP * t.view(1, 1, -1) / t60_b)  # energy falls 60 dB in T60
    decay = decay / decay.sum(2, keepdim=True)
    spec = torch.fft.irfft(torch.fft.rfft(src, 2 * RT_FRAMES) * torch.fft.rfft(decay, 2 * RT_FRAMES),
                           2 * RT_FRAMES)[..., :RT_FRAMES].clamp_min(0)
    drr = 10 ** (torch.rand(n, 1, 1, generator=gen))
    energy = drr * src + spec * 6
    peak = energy.flatten(1).max(1).values.view(n, 1, 1)
    floor = peak * 10 ** (-(3.5 + 2 * torch.rand(n, 1, 1, generator=gen)))
    energy = energy + floor * torch.exp(0.5 * torch.randn(n, RT_BANDS, RT_FRAMES, generator=gen))
    logs = torch.log10(energy / peak)
    measured = t60 * torch.exp(0.05 * torch.randn(n, generator=gen))  # the label: T60 measured from the RIR
    return ((logs + 2.5) / 1.5).unsqueeze(1), measured


class ReverbCNN(nn.Module):
    """Gamper & Tashev's CNN in miniature: three convolutions over (band, frame) with batch norm, ReLU and
    max-pooling, a dense head to T60."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        w = width
        self.features = nn.Sequential(nn.Conv2d(1, w, (3, 5), padding=(1, 2), bias=False), nn.BatchNorm2d(w),
                                      nn.ReLU(), nn.MaxPool2d((1, 2)),
                                      nn.Conv2d(w, 2 * w, (3, 5), padding=(1, 2), bias=False), nn.BatchNorm2d(2 * w),
                                      nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(2 * w, 2 * w, 3, padding=1, bias=False), nn.BatchNorm2d(2 * w),
                                      nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * w * (RT_BANDS // 4) * (RT_FRAMES // 8), 32), nn.ReLU(),
                                  nn.Linear(32, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x)).squeeze(1)


def t60_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the reverberation time (s^2)."""
    x, t60 = batch
    return F.mse_loss(model(x), t60)


def reverb_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The T60 CNN on 2048 reverberant clips; held out: 1024 other clips in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(38501)
    x, t60 = _rt_clips(train_size + 1024, gen)
    tr = (x[:train_size], t60[:train_size])
    torch.manual_seed(seed)
    return {"model": ReverbCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t60[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": t60_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. routing congestion with RouteNet (AdamW; long only)

RN_SIZE = 16


def _rn_layouts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Placed designs on a 16 x 16 grid of global-routing tiles: 0-2 macros (rectangles 3-6 tiles a side, each
    present with probability 0.6) where routing capacity is a third; up to 100 nets of 2-6 pins, each net's pins
    within a window of 2-9 tiles around a centre drawn near one of three clusters (placement density), pins inside
    a macro dropped. The router: each net decomposed into a star from its first pin, each two-pin connection
    routed as an L (horizontal then vertical, or the reverse, each with probability 1/2: the expected demand), a
    route over a macro counting twice (its detour). Features: RUDY (each net's half-perimeter wire length spread
    over its bounding box), pin density, the macro mask. Label: the expected routed demand per tile over its
    capacity. Returns (features (n, 3, 16, 16), demand / capacity (n, 16, 16))."""
    g = RN_SIZE
    macro = torch.zeros(n, g, g)
    for _ in range(2):
        has = torch.rand(n, generator=gen) < 0.6
        h = torch.randint(3, 7, (n,), generator=gen)
        w = torch.randint(3, 7, (n,), generator=gen)
        y0 = (torch.rand(n, generator=gen) * (g - h + 1).float()).long()
        x0 = (torch.rand(n, generator=gen) * (g - w + 1).float()).long()
        ar = torch.arange(g)
        inside = (((ar.view(1, -1) >= y0.view(-1, 1)) & (ar.view(1, -1) < (y0 + h).view(-1, 1))).unsqueeze(2)
                  & ((ar.view(1, -1) >= x0.view(-1, 1)) & (ar.view(1, -1) < (x0 + w).view(-1, 1))).unsqueeze(1))
        macro = torch.maximum(macro, (inside & has.view(n, 1, 1)).float())
    nets = 100
    active = torch.rand(n, nets, generator=gen) < (0.6 + 0.4 * torch.rand(n, 1, generator=gen))
    clusters = 1 + g * torch.rand(n, 3, 2, generator=gen) * 0.875
    which = torch.randint(0, 3, (n, nets), generator=gen)
    centre = clusters[torch.arange(n).unsqueeze(1), which] + 2.5 * torch.randn(n, nets, 2, generator=gen)
    span = 1 + 3.5 * torch.rand(n, nets, 1, 1, generator=gen)
    pins = (centre.unsqueeze(2) + span * (torch.rand(n, nets, 6, 2, generator=gen) - 0.5) * 2).round().clamp(0, g - 1)
    pins = pins.long()
    npins = torch.randint(2, 7, (n, nets), generator=gen)
    pin_ok = (torch.arange(6).view(1, 1, -1) < npins.unsqueeze(2)) & active.unsqueeze(2)
    in_macro = macro[torch.arange(n).view(n, 1, 1), pins[..., 0], pins[..., 1]] > 0
    pin_ok = pin_ok & ~in_macro
    pin_ok[..., 0] = pin_ok[..., 0] | (active & ~in_macro[..., 0])
    ar = torch.arange(g).float()
    big = 1e3
    py, px = pins[..., 0].float(), pins[..., 1].float()
    ymin = torch.where(pin_ok, py, big).min(2).values
    ymax = torch.where(pin_ok, py, -big).max(2).values
    xmin = torch.where(pin_ok, px, big).min(2).values
    xmax = torch.where(pin_ok, px, -big).max(2).values
    valid = (pin_ok.sum(2) >= 2).float()
    inb_y = ((ar.view(1, 1, -1) >= ymin.unsqueeze(2)) & (ar.view(1, 1, -1) <= ymax.unsqueeze(2))).float()
    inb_x = ((ar.view(1, 1, -1) >= xmin.unsqueeze(2)) & (ar.view(1, 1, -1) <= xmax.unsqueeze(2))).float()
    hpwl = (ymax - ymin + xmax - xmin + 1).clamp_min(1) * valid
    area = ((ymax - ymin + 1) * (xmax - xmin + 1)).clamp_min(1)
    rudy = torch.einsum("nk,nky,nkx->nyx", hpwl / area, inb_y, inb_x)
    pin_density = torch.zeros(n, g * g)
    pin_density.scatter_add_(1, (pins[..., 0] * g + pins[..., 1]).view(n, -1), pin_ok.float().view(n, -1))
    # the router: star connections from pin 0, each an L with a random bend
    y0, x0 = py[..., :1], px[..., :1]
    y1, x1 = py[..., 1:], px[..., 1:]
    conn = pin_ok[..., 1:] & pin_ok[..., :1]
    lo_x, hi_x = torch.minimum(x0, x1).reshape(n, -1), torch.maximum(x0, x1).reshape(n, -1)
    lo_y, hi_y = torch.minimum(y0, y1).reshape(n, -1), torch.maximum(y0, y1).reshape(n, -1)
    c = conn.float().view(n, -1)

    def segments(line: torch.Tensor, lo: torch.Tensor, hi: torch.Tensor) -> torch.Tensor:
        """Each connection's straight run on ``line`` from ``lo`` to ``hi`` (inclusive), counted per tile (rows:
        lines), by a difference array and a cumulative sum."""
        diff = torch.zeros(n, g * (g + 1))
        diff.scatter_add_(1, (line * (g + 1) + lo).long(), c)
        diff.scatter_add_(1, (line * (g + 1) + hi + 1).long(), -c)
        return diff.view(n, g, g + 1).cumsum(2)[..., :g]

    demand = torch.zeros(n, g, g)
    for row_h, col_v in ((y0.expand_as(y1), x1), (y1, x0.expand_as(x1))):  # the two L's, each with probability 1/2
        demand = demand + 0.5 * (segments(row_h.reshape(n, -1), lo_x, hi_x)
                                 + segments(col_v.reshape(n, -1), lo_y, hi_y).transpose(1, 2))
    demand = demand * (1 + macro)  # a route over a macro costs a detour around it
    capacity = 8.0 * (1 - 0.67 * macro)
    feats = torch.stack([rudy / 4, pin_density.view(n, g, g) / 2, macro], 1)
    return feats, demand / capacity


class RouteNet(nn.Module):
    """RouteNet's fully convolutional net (Xie et al. 2018) in miniature: a 3x3 convolution, a max-pool down, a wide
    7x7 convolution at the coarse level (RouteNet's 9x9), a transposed convolution up, the first level's features
    added back by a shortcut, a 3x3 output layer per tile."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        w = width
        self.c1 = nn.Sequential(nn.Conv2d(3, w, 3, padding=1), nn.ReLU())
        self.c2 = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(w, 2 * w, 7, padding=3), nn.ReLU())
        self.up = nn.Sequential(nn.ConvTranspose2d(2 * w, w, 2, stride=2), nn.ReLU())
        self.out = nn.Conv2d(w, 1, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h1 = self.c1(x)
        return self.out(self.up(self.c2(h1)) + h1).squeeze(1)


def congestion_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the per-tile demand / capacity."""
    x, y = batch
    return F.mse_loss(model(x), y)


def routenet(batch_size: int = 16, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """RouteNet (width 8) on 4096 placed designs; held out: 1024 other designs in batches of 512; AdamW with weight
    decay 1e-4 (CircuitNet's RouteNet training)."""
    gen = torch.Generator().manual_seed(38601)
    x, y = _rn_layouts(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RouteNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-4),
                                "adamw_wd1e-4"),
            "loss_fn": congestion_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("otolith_cnn_rmsprop", otolith_cnn, 300, "otolith_fish_age_cnn", "rmsprop_alpha0.9_eps1e-7", "finite", 32,
      seconds=1.8, start_lr=0.008),
    W("iol_net_sgdm", iol_net, 300, "iol_refraction_backprop_network", "sgd_momentum0.9", "small_finite", 16,
      seconds=0.15, start_lr=0.05),
    W("akm_adagrad", akm, 300, "akm_two_way_fixed_effects_wages", "adagrad", "finite", 64,
      seconds=0.3, start_lr=0.4),
    W("reverb_cnn_adam", reverb_cnn, 300, "blind_reverberation_time_cnn", "adam", "finite", 32,
      seconds=1.5, start_lr=0.008),
)
LONG = (
    W("fire_spread_adam@long", fire_spread, 3000, "next_day_wildfire_spread_cnn", "adam", "finite", 16,
      seconds=8.0, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("routenet_adamw@long", routenet, 3000, "routenet_routing_congestion_fcn", "adamw_wd1e-4", "finite", 16,
      seconds=8.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("iol_net_sgdm@long", iol_net, 3000, "iol_refraction_backprop_network", "sgd_momentum0.9", "finite", 16,
      dict(train_size=1024), seconds=1.3, start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="iol_net_sgdm"),
    W("akm_adagrad@long", akm, 3000, "akm_two_way_fixed_effects_wages", "adagrad", "finite", 64,
      dict(workers=20000, firms=2000), seconds=2.6, start_lr=0.4, grid_fractions=(0.0, 0.05), long_of="akm_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam38_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-eighth exam's workloads")
