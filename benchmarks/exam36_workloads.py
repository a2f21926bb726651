"""The thirty-sixth exam: six more workload families that neither the suite nor exams 1-34 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam34_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from materials science,
petroleum engineering, cognitive science, autonomous driving, climate science and photonics (exam 35 was built at
the same time from other domains; its module was not opened). What was checked to make them new, and what was
tried and dropped, is in ``benchmarks/results/exam36/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- structure-property linkage with a CNN (materials science; in the manner of Yang et al. 2018, Kalidindi's group):
  two convolutions with periodic padding, max pooling and a dense head map a periodic two-phase 16 x 16
  microstructure (thresholded anisotropic Gaussian random fields) to its effective conductivities k_xx and k_yy
  (phase contrast 10), computed in the factory by a finite-volume solve (preconditioned conjugate gradients); MSE
  of the standardised log conductivities; Adam (from memory)
- lithofacies from well logs with a per-depth 1-d CNN (petroleum and reservoir engineering; the CNN entries of the
  SEG 2016 facies-classification contest and after): five logs (GR, log resistivity, DeltaPHI, PHIND, PE) over
  64-sample windows of a Markov-chain facies column with bed-level scatter and a tool response; cross-entropy of
  the facies at every depth; NAdam (Keras's Nadam, as such Keras models were often trained; from memory)
- Rumelhart's semantic network (cognitive science; Rumelhart 1990, Rogers & McClelland 2004; a long plan only):
  item -> representation -> hidden (with the relation) -> attributes, sigmoid units, on a 64-item hierarchical
  domain made by branching diffusion (Saxe, McClelland & Ganguli 2019), held out on one unseen relation of every
  item (property generalisation); the summed cross-entropy of the attribute units; plain SGD (back-propagation, as
  in the PDP simulations)
- end-to-end steering with PilotNet (autonomous driving; Bojarski et al. 2016), small: strided convolutions with
  ELU and a dense head from a rendered 24 x 48 front-camera frame of a curving lane to a pure-pursuit steering
  angle with a driver's jitter; MSE; Adam (from memory)
- ENSO forecasts with Ham, Kim & Luo's (2019) CNN (climate science), small: tanh convolutions and max pooling over
  3 months of SST and heat-content (T300) anomaly maps to the Nino3.4 index 6 months later; synthetic "model
  runs" from a recharge oscillator with seasonal phase locking, El Nino's skew, a central-Pacific mode and weather
  noise, held out on other runs; MSE; RMSprop with decay 0.9 and epsilon 1e-10 (their code:
  ``tf.train.RMSPropOptimizer(0.005, 0.9)``, TensorFlow's epsilon)
- a ScatterNet-style forward surrogate (optics and photonics; Peurifoy et al. 2018; a long plan only): a ReLU MLP
  from the eight layer thicknesses of a TiO2 / SiO2 thin-film stack to its reflectance at 48 wavelengths (the
  transfer-matrix method, in the factory); MSE; RMSprop with decay 0.9 and epsilon 1e-10, batch 100 (ScatterNet's
  code: ``tf.train.RMSPropOptimizer(learning_rate=...)``, ``n_batch`` 100)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): Rumelhart's network
and ScatterNet (no short plans), the facies CNN on 1024 windows instead of 256 and the ENSO CNN on 24 model runs
instead of 12. Long plans of the structure-property CNN (seeds 11-23% apart) and of the ENSO CNN on 48 runs (flat)
were tried and dropped (see the README).

Of the eight plans, two use plain Adam (the structure-property CNN, PilotNet), two NAdam (both facies plans),
three RMSprop with decay 0.9 (both ENSO plans, ScatterNet) and one plain SGD (Rumelhart's network).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (no model here
has dropout). No loss draws random numbers. The entrypoint is ``benchmarks/exam36_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam36/README.md).

    python benchmarks/exam36_workloads.py          # the table
    python benchmarks/exam36_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 36"


# --------------------------------------------------------------------------------------------------------------
# 1. structure-property linkage: effective conductivity of two-phase microstructures with a CNN (Adam)

MS_N, MS_CONTRAST = 16, 10.0


def _ms_microstructures(n: int, gen: torch.Generator) -> torch.Tensor:
    """Periodic two-phase 16 x 16 microstructures: white noise filtered by an anisotropic Gaussian spectrum
    (correlation lengths 0.7-3 pixels along each axis, drawn apart), thresholded at a volume fraction U[0.25, 0.75]
    of the conducting phase. Returns the phase map (1 = the conducting phase)."""
    f = torch.fft.fftfreq(MS_N)
    fy, fx = f.view(-1, 1), f.view(1, -1)
    ly = 0.7 + 2.3 * torch.rand(n, 1, 1, generator=gen)
    lx = 0.7 + 2.3 * torch.rand(n, 1, 1, generator=gen)
    spec = torch.exp(-2 * math.pi**2 * ((fx * lx) ** 2 + (fy * ly) ** 2))
    noise = torch.randn(n, MS_N, MS_N, generator=gen)
    field = torch.fft.ifft2(torch.fft.fft2(noise) * spec).real
    vf = 0.25 + 0.5 * torch.rand(n, 1, generator=gen)
    flat = field.flatten(1)
    srt = flat.sort(1).values
    idx = ((1 - vf) * (MS_N * MS_N - 1)).round().long()
    thr = srt.gather(1, idx)
    return (flat > thr).float().view(n, MS_N, MS_N)


def _ms_effective(phase: torch.Tensor, iters: int = 400) -> torch.Tensor:
    """The effective conductivities k_xx and k_yy of each periodic microstructure (phases 1 and 10): a finite-volume
    solve of div(k (grad phi + e)) = 0 for a periodic phi under a unit mean field e along x, then along y (harmonic
    face conductivities, Jacobi-preconditioned conjugate gradients), and the mean flux along e."""
    k = 1 + (MS_CONTRAST - 1) * phase
    ke = 2 * k * k.roll(-1, 2) / (k + k.roll(-1, 2))  # east faces
    kn = 2 * k * k.roll(-1, 1) / (k + k.roll(-1, 1))  # north faces
    diag = ke + ke.roll(1, 2) + kn + kn.roll(1, 1)

    def apply(p: torch.Tensor) -> torch.Tensor:
        return (ke * (p - p.roll(-1, 2)) + ke.roll(1, 2) * (p - p.roll(1, 2))
                + kn * (p - p.roll(-1, 1)) + kn.roll(1, 1) * (p - p.roll(1, 1)))

    out = []
    for kf, dim in ((ke, 2), (kn, 1)):
        b = kf - kf.roll(1, dim)
        x = torch.zeros_like(b)
        r = b.clone()
        z = r / diag
        p = z.clone()
        rz = (r * z).sum((1, 2), keepdim=True)
        tol = 1e-12 * rz
        for _ in range(iters):
            active = rz > tol  # a solved microstructure stops moving
            if not bool(active.any()):
                break
            ap = apply(p)
            alpha = torch.where(active, rz / (p * ap).sum((1, 2), keepdim=True).clamp_min(1e-30), 0.0)
            x = x + alpha * p
            r = r - alpha * ap
            z = r / diag
            rz_new = (r * z).sum((1, 2), keepdim=True)
            p = torch.where(active, z + rz_new / rz.clamp_min(1e-30) * p, p)
            rz = torch.where(active, rz_new, rz)
        flux = kf * (x.roll(-1, dim) - x + 1)
        out.append(flux.mean((1, 2)))
    return torch.stack(out, 1)


@lru_cache(maxsize=4)
def _ms_data(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` microstructures (n, 1, 16, 16) and their log k_xx, log k_yy (cached: the solve takes a second)."""
    gen = torch.Generator().manual_seed(36102)
    phase = _ms_microstructures(n, gen)
    return phase.unsqueeze(1), torch.log(_ms_effective(phase))


class StructurePropertyCNN(nn.Module):
    """A structure-property CNN in the manner of Yang et al. 2018 (Kalidindi's group: a CNN from a voxelised
    two-phase microstructure to its effective property), 2-d and small: two 3x3 convolutions with periodic
    padding, ReLU and 2x2 max pooling (16 and 32 channels), a dense layer of 64 and the two log conductivities."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, width, 3, padding=1, padding_mode="circular"), nn.ReLU(),
                                  nn.MaxPool2d(2),
                                  nn.Conv2d(width, 2 * width, 3, padding=1, padding_mode="circular"), nn.ReLU(),
                                  nn.MaxPool2d(2), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * (MS_N // 4) ** 2, 64), nn.ReLU(), nn.Linear(64, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def property_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the two standardised log conductivities."""
    x, y = batch
    return F.mse_loss(model(x), y)


def structure_property_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                           width: int = 16) -> dict[str, Any]:
    """The structure-property CNN (width 16) on 2048 simulated microstructures (a simulation data set of a few
    thousand); held out: 1024 others in batches of 512; Adam. The data are cached in-process (deterministic)."""
    x, y = _ms_data(train_size + 1024)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StructurePropertyCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": property_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. lithofacies from well logs with a 1-d CNN (NAdam)

WL_LEN, WL_FACIES = 64, 6
# GR (API), log10 deep resistivity, neutron-density porosity difference, average porosity (%), PE
WL_MEANS = torch.tensor([[100.0, 0.55, 6.0, 15.0, 3.3],   # marine shale
                         [82.0, 0.60, 7.5, 13.0, 3.0],    # siltstone
                         [62.0, 0.72, 4.0, 11.5, 3.1],    # fine sandstone
                         [48.0, 0.78, 8.5, 14.5, 2.7],    # coarse sandstone
                         [42.0, 0.98, 2.5, 9.0, 4.1],     # wackestone
                         [30.0, 1.10, 1.0, 6.5, 4.7]])    # dolomite
WL_SDS = torch.tensor([14.0, 0.12, 3.0, 3.0, 0.45])


def _wl_wells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """64-sample (half-foot) windows of five logs (GR, log10 ILD, DeltaPHI, PHIND, PE) over a facies column: beds
    of geometric thickness (mean 7 samples) from a Markov chain that moves mostly to neighbouring facies
    (shale - siltstone - fine sand - coarse sand, carbonates after shale or each other); each bed's logs drawn
    around its facies' means (a per-bed offset, per-sample scatter), then a tool response (Gaussian of sd 1.2
    samples) blurring the bed boundaries, a per-well calibration shift of GR and PE, standardised. Returns (logs
    (n, 5, 64), facies (n, 64))."""
    trans = torch.tensor([[0.0, 0.45, 0.15, 0.05, 0.25, 0.10],
                          [0.40, 0.0, 0.40, 0.10, 0.05, 0.05],
                          [0.15, 0.40, 0.0, 0.40, 0.03, 0.02],
                          [0.15, 0.15, 0.65, 0.0, 0.03, 0.02],
                          [0.45, 0.05, 0.05, 0.05, 0.0, 0.40],
                          [0.35, 0.05, 0.05, 0.05, 0.50, 0.0]])
    fac = torch.empty(n, WL_LEN, dtype=torch.long)
    cur = torch.randint(0, WL_FACIES, (n,), generator=gen)
    bed = torch.randn(n, 5, generator=gen) * WL_SDS * 0.5
    logs = torch.empty(n, 5, WL_LEN)
    for i in range(WL_LEN):
        change = torch.rand(n, generator=gen) < 1 / 7
        nxt = torch.multinomial(trans[cur], 1, generator=gen).squeeze(1)
        cur = torch.where(change, nxt, cur)
        bed = torch.where(change.unsqueeze(1), torch.randn(n, 5, generator=gen) * WL_SDS * 0.5, bed)
        fac[:, i] = cur
        logs[:, :, i] = WL_MEANS[cur] + bed + 0.6 * WL_SDS * torch.randn(n, 5, generator=gen)
    t = torch.arange(-4, 5).float()
    kern = torch.exp(-0.5 * (t / 1.2) ** 2)
    kern = (kern / kern.sum()).view(1, 1, -1).expand(5, 1, -1).contiguous()
    logs = F.conv1d(F.pad(logs, (4, 4), mode="replicate"), kern, groups=5)
    logs[:, 0] += 8 * torch.randn(n, 1, generator=gen)
    logs[:, 4] += 0.2 * torch.randn(n, 1, generator=gen)
    mean = WL_MEANS.mean(0).view(1, 5, 1)
    scale = (WL_MEANS.std(0) + WL_SDS).view(1, 5, 1)
    return (logs - mean) / scale, fac


class FaciesCNN(nn.Module):
    """A fully convolutional 1-d CNN over depth giving a facies at every sample (the per-depth CNN classifiers of
    the SEG 2016 facies-classification contest and after): three width-5 convolutions of 16 channels with ReLU (the
    second dilated by 2), a 1x1 layer to the six facies."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(5, width, 5, padding=2), nn.ReLU(),
                                 nn.Conv1d(width, width, 5, padding=4, dilation=2), nn.ReLU(),
                                 nn.Conv1d(width, width, 5, padding=2), nn.ReLU(),
                                 nn.Conv1d(width, WL_FACIES, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def facies_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the facies at every depth sample, averaged."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def facies_cnn(batch_size: int = 16, seed: int = 0, train_size: int = 256) -> dict[str, Any]:
    """The facies CNN on 256 windows of 64 samples (16,384 labelled depths, about the size of a field's cored
    intervals); held out: 512 windows of other wells in batches of 256; NAdam."""
    gen = torch.Generator().manual_seed(36202)
    x, y = _wl_wells(train_size + 512, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FaciesCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": facies_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. semantic cognition: Rumelhart's network on a hierarchical domain (plain SGD; long only)

SC_DEPTH, SC_REL, SC_ATTR = 6, 4, 12
SC_ITEMS = 2**SC_DEPTH


def _sc_domain() -> torch.Tensor:
    """A hierarchical domain of 64 items (the leaves of a binary tree of depth 6) and four relations (ISA, is,
    can, has) with 12 binary attributes each, by branching diffusion (Saxe, McClelland & Ganguli 2019's generative
    model of hierarchical structure): each attribute takes a random sign at the root and flips at every branch
    with a probability (0.08 for ISA, 0.15 for can and has, 0.25 for is); finally 5% of the leaves' attribute values
    are exceptions (flipped). Returns the 0/1 attributes (items, relations, attributes)."""
    g = torch.Generator().manual_seed(36301)
    flip = torch.tensor([0.08, 0.25, 0.15, 0.15]).view(1, SC_REL, 1)
    val = torch.where(torch.rand(1, SC_REL, SC_ATTR, generator=g) < 0.5, -1.0, 1.0)
    for _ in range(SC_DEPTH):
        val = val.repeat_interleave(2, 0)
        f = torch.rand(val.shape, generator=g) < flip
        val = torch.where(f, -val, val)
    exc = torch.rand(val.shape, generator=g) < 0.05
    val = torch.where(exc, -val, val)
    return (val > 0).float()


class RumelhartNet(nn.Module):
    """Rumelhart's (1990) semantic network as Rogers & McClelland (2004) use it: an item (one-hot) through a
    representation layer (16 sigmoid units), joined with the relation (one-hot) in a hidden layer (32 sigmoid
    units), to sigmoid attribute units (all relations' attributes)."""

    def __init__(self, rep: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.rep = nn.Linear(SC_ITEMS, rep)
        self.hidden = nn.Linear(rep + SC_REL, hidden)
        self.out = nn.Linear(hidden, SC_REL * SC_ATTR)

    def forward(self, item: torch.Tensor, rel: torch.Tensor) -> torch.Tensor:
        r = torch.sigmoid(self.rep(F.one_hot(item, SC_ITEMS).float()))
        h = torch.sigmoid(self.hidden(torch.cat([r, F.one_hot(rel, SC_REL).float()], 1)))
        return self.out(h)


def attribute_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the attribute units (the queried relation's attributes on or off, every other
    relation's off), summed over the units and averaged over the patterns."""
    item, rel, target = batch
    return F.binary_cross_entropy_with_logits(model(item, rel), target, reduction="sum") / len(item)


def semantic_net(batch_size: int = 4, seed: int = 0) -> dict[str, Any]:
    """Rumelhart's network on 192 of the 256 (item, relation) patterns; held out: one relation of every item (64
    patterns, the property-generalisation test), in one batch; plain SGD (back-propagation as in the PDP
    simulations)."""
    attrs = _sc_domain()
    g = torch.Generator().manual_seed(36302)
    held = torch.randint(0, SC_REL, (SC_ITEMS,), generator=g)
    items = torch.arange(SC_ITEMS).repeat_interleave(SC_REL)
    rels = torch.arange(SC_REL).repeat(SC_ITEMS)
    target = torch.zeros(len(items), SC_REL, SC_ATTR)
    target[torch.arange(len(items)), rels] = attrs[items, rels]
    target = target.flatten(1)
    is_held = held[items] == rels
    tr = (items[~is_held], rels[~is_held], target[~is_held])
    te = (items[is_held], rels[is_held], target[is_held])
    torch.manual_seed(seed)
    return {"model": RumelhartNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": [te],
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": attribute_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. end-to-end steering with PilotNet (Adam)

PN_H, PN_W, PN_F, PN_LANE = 24, 48, 28.0, 1.8


def _pn_frames(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Front-camera frames (24 x 48, below the horizon, grey) of a two-lane road: the lane centre at distance z is
    x(z) = -d - psi z + c z^2 / 2 (the car's offset d ~ N(0, 0.4^2) m, heading psi ~ N(0, 0.03^2) rad, curvature
    c ~ N(0, 0.004^2) 1/m), seen through a pinhole (rows at 2.5-60 m); asphalt with texture, grass beyond the
    shoulders, a solid left and a dashed right line, a random shadow band, exposure and sensor noise. The steering
    target: the pure-pursuit angle towards the lane centre 10 m ahead (wheelbase 2.7 m), in degrees, with a human
    driver's jitter (sd 0.2 deg)."""
    rows = torch.arange(PN_H).float()
    z = (60.0 / (rows + 1)).view(1, -1, 1)  # metres ahead
    u = (torch.arange(PN_W).float() - PN_W / 2 + 0.5).view(1, 1, -1)
    xw = u * z / PN_F  # lateral metres of each pixel
    d = 0.4 * torch.randn(n, 1, 1, generator=gen)
    psi = 0.03 * torch.randn(n, 1, 1, generator=gen)
    c = 0.004 * torch.randn(n, 1, 1, generator=gen)
    xc = -d - psi * z + 0.5 * c * z**2
    rel = xw - xc
    road = (rel.abs() < PN_LANE + 0.6).float()
    tex = 0.05 * torch.randn(n, PN_H, PN_W, generator=gen)
    img = 0.25 + road * (0.2 + 0.05 * torch.rand(n, 1, 1, generator=gen)) + tex
    width = 0.15 + z / PN_F  # a line is at least a pixel wide
    left = torch.exp(-0.5 * ((rel + PN_LANE) / width) ** 2)
    phase = torch.rand(n, 1, 1, generator=gen) * 6
    dashed = ((z + phase) % 6 < 3).float()
    right = torch.exp(-0.5 * ((rel - PN_LANE) / width) ** 2) * dashed
    img = img + 0.5 * (left + right)
    z0 = 4 + 20 * torch.rand(n, 1, 1, generator=gen)
    shadow = torch.rand(n, 1, 1, generator=gen) < 0.4
    band = ((z > z0) & (z < z0 * 1.4) & shadow).float()
    img = img * (1 - 0.5 * band)
    img = img * (0.7 + 0.6 * torch.rand(n, 1, 1, generator=gen)) + 0.03 * torch.randn(n, PN_H, PN_W, generator=gen)
    look = 10.0
    x10 = (-d - psi * look + 0.5 * c * look**2).view(n)
    steer = torch.rad2deg(torch.atan(2 * 2.7 * x10 / look**2)) + 0.2 * torch.randn(n, generator=gen)
    return img.unsqueeze(1), steer


class PilotNet(nn.Module):
    """PilotNet (Bojarski et al. 2016) in miniature: a fixed normalisation layer, two 5x5 convolutions with stride 2
    (8 and 12 channels) and a 3x3 one (16), with ELU (PilotNet has five: three 5x5 with stride 2, two 3x3), and
    dense layers 50-10-1 (PilotNet: 100-50-10-1) to the steering angle."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, 8, 5, stride=2, padding=2), nn.ELU(),
                                  nn.Conv2d(8, 12, 5, stride=2, padding=2), nn.ELU(),
                                  nn.Conv2d(12, 16, 3, padding=1), nn.ELU(), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(16 * (PN_H // 4) * (PN_W // 4), 50), nn.ELU(), nn.Linear(50, 10), nn.ELU(),
                                  nn.Linear(10, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x / 0.5 - 1)).squeeze(1)


def steering_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """PilotNet's loss: the mean squared error of the steering angle (in units of 2 degrees)."""
    x, y = batch
    return F.mse_loss(model(x), y / 2)


def pilotnet(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """PilotNet on 2048 frames; held out: 1024 frames of other drives in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(36402)
    x, y = _pn_frames(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PilotNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": steering_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. ENSO forecasts with Ham, Kim & Luo's CNN (RMSprop)

EN_LAT, EN_LON, EN_LEAD, EN_YEARS = 12, 24, 6, 22


def _en_patterns() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """The fixed spatial patterns on a 12 x 24 tropical-Pacific grid (lat x lon, 120E-80W): the El Nino SST mode (a
    cold-tongue warming in the east), the central-Pacific SST mode, the heat-content (T300) recharge mode (zonal
    mean, strongest off the equator) and tilt mode (east-west dipole), and the Nino3.4 box mask."""
    lat = torch.linspace(-1, 1, EN_LAT).view(-1, 1)
    lon = torch.linspace(0, 1, EN_LON).view(1, -1)
    sst = torch.exp(-(lat / 0.45) ** 2) * torch.exp(-((lon - 0.72) / 0.22) ** 2)
    cp = torch.exp(-(lat / 0.5) ** 2) * torch.exp(-((lon - 0.45) / 0.15) ** 2)
    recharge = (0.6 + 0.4 * lat.abs()) * torch.ones_like(lon)
    tilt = torch.exp(-(lat / 0.4) ** 2) * torch.cos(math.pi * lon)
    box = ((lat.abs() < 0.3) & (lon > 0.5) & (lon < 0.75)).float()
    return sst, cp, recharge, tilt, box / box.sum()


def _en_runs(runs: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Monthly anomalies of ``runs`` climate-model runs of 24 years (the first 2 a spin-up): a recharge oscillator
    (Jin 1997) as a damped complex AR(1) (period 48 months, e-folding 48 months) whose real part is the eastern SST
    and imaginary part the zonal-mean heat content, noise stronger in boreal spring (phase locking), El Nino's skew
    (T + 0.25 T^2, centred), an
    independent central-Pacific mode (AR(1), 0.85) and spatially smooth weather noise on both fields. Samples: the
    SST and T300 maps of 3 consecutive months (6 channels), the target the Nino3.4 index 6 months after the last
    (in degrees). Returns (maps, targets)."""
    sst_p, cp_p, rech_p, tilt_p, box = _en_patterns()
    months = 12 * EN_YEARS + 24
    lam = torch.tensor(complex(math.exp(-1 / 48) * math.cos(2 * math.pi / 48), math.exp(-1 / 48)
                               * math.sin(2 * math.pi / 48)))
    zs, cps = [torch.zeros(runs, dtype=torch.complex64)], [torch.zeros(runs)]
    for m in range(months - 1):
        season = 1 + 0.6 * math.cos(2 * math.pi * (m % 12 - 3) / 12)
        e = torch.complex(torch.randn(runs, generator=gen), torch.randn(runs, generator=gen))
        zs.append(lam * zs[-1] + 0.25 * season * e)
        cps.append(0.85 * cps[-1] + 0.15 * torch.randn(runs, generator=gen))
    z = torch.stack(zs, 1)
    t, h = z.real, z.imag
    t = t + 0.25 * t**2 - 0.25 * (t**2).mean()
    cp = torch.stack(cps, 1)

    def smooth_noise(sd: float) -> torch.Tensor:
        w = torch.randn(runs, months, 1, EN_LAT + 4, EN_LON + 4, generator=gen)
        w = F.avg_pool2d(w.view(-1, 1, EN_LAT + 4, EN_LON + 4), 5, stride=1)
        return sd * 2.2 * w.view(runs, months, EN_LAT, EN_LON)

    sst = (t.view(runs, months, 1, 1) * sst_p + cp.view(runs, months, 1, 1) * cp_p) * 1.2 + smooth_noise(0.3)
    t300 = (h.view(runs, months, 1, 1) * rech_p + 0.6 * t.view(runs, months, 1, 1) * tilt_p) * 15 + smooth_noise(4.0)
    nino = (sst * box).sum((2, 3))
    xs, ys = [], []
    for m in range(24, months - EN_LEAD):
        xs.append(torch.cat([sst[:, m - 2 : m + 1] / 1.0, t300[:, m - 2 : m + 1] / 15.0], 1))
        ys.append(nino[:, m + EN_LEAD])
    return torch.stack(xs, 1).flatten(0, 1), torch.stack(ys, 1).flatten()


class HamENSOCNN(nn.Module):
    """Ham, Kim & Luo's (2019) ENSO CNN, small: three convolutions with tanh (lon x lat kernels 7 x 3, then 5 x 3),
    two 2x2 max poolings, a dense tanh layer and the Nino3.4 index (the paper: 30 or 50 filters and hidden units,
    from memory; here 8 and 16; kernels 7 x 3 then 5 x 3 instead of their 8 x 4 and 4 x 2, so that the padding is
    symmetric; no dropout; torch's initialisation, not their N(0, 1))."""

    def __init__(self, filters: int = 8, hidden: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(6, filters, (3, 7), padding=(1, 3)), nn.Tanh(), nn.MaxPool2d(2),
                                  nn.Conv2d(filters, filters, (3, 5), padding=(1, 2)), nn.Tanh(), nn.MaxPool2d(2),
                                  nn.Conv2d(filters, filters, (3, 5), padding=(1, 2)), nn.Tanh(), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(filters * (EN_LAT // 4) * (EN_LON // 4), hidden), nn.Tanh(),
                                  nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x)).squeeze(1)


def nino_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """Their loss: the mean squared error of the Nino3.4 index (degrees C)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def enso_cnn(batch_size: int = 32, seed: int = 0, train_runs: int = 12) -> dict[str, Any]:
    """The ENSO CNN on 12 model runs (258 monthly samples each, 3096 samples); held out: 6 other runs in
    batches of 258; RMSprop with decay 0.9 and epsilon 1e-10 (their code: ``tf.train.RMSPropOptimizer(0.005,
    0.9)``, TensorFlow's epsilon)."""
    gen = torch.Generator().manual_seed(36502)
    x, y = _en_runs(train_runs + 6, gen)
    per = len(y) // (train_runs + 6)
    x, y = x.view(train_runs + 6, per, *x.shape[1:]), y.view(train_runs + 6, per)
    tr = (x[:train_runs].flatten(0, 1), y[:train_runs].flatten())
    te = (x[train_runs:].flatten(0, 1), y[train_runs:].flatten())
    torch.manual_seed(seed)
    return {"model": HamENSOCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, per),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-10),
                                "rmsprop_alpha0.9"),
            "loss_fn": nino_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. thin-film spectra with a ScatterNet-style forward network (RMSprop; long only)

TF_LAYERS, TF_WAVES = 8, 48


def _tf_stacks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Eight-layer TiO2 / SiO2 stacks on glass (layer thicknesses U[30, 70] nm, as ScatterNet's shells), the
    normal-incidence reflectance at 48 wavelengths 400-800 nm by the transfer-matrix method (TiO2's dispersion from
    the Sellmeier-like formula in ScatterNet's code, SiO2 1.45, glass 1.52, air above). Returns (thicknesses scaled
    to [-1, 1], reflectance)."""
    d = 30 + 40 * torch.rand(n, TF_LAYERS, generator=gen)
    lam = torch.linspace(400, 800, TF_WAVES)
    um = lam / 1000
    n_tio2 = torch.sqrt(5.913 + 0.2441 / (um**2 - 0.0803))
    n_layers = torch.stack([n_tio2 if i % 2 == 0 else torch.full_like(lam, 1.45) for i in range(TF_LAYERS)], 0)
    m11 = torch.ones(n, TF_WAVES, dtype=torch.complex64)
    m12 = torch.zeros(n, TF_WAVES, dtype=torch.complex64)
    m21 = torch.zeros(n, TF_WAVES, dtype=torch.complex64)
    m22 = torch.ones(n, TF_WAVES, dtype=torch.complex64)
    for i in range(TF_LAYERS):
        nl = n_layers[i].view(1, -1)
        delta = 2 * math.pi * nl * d[:, i : i + 1] / lam.view(1, -1)
        a, b = torch.cos(delta).to(torch.complex64), (1j * torch.sin(delta) / nl).to(torch.complex64)
        c, e = (1j * nl * torch.sin(delta)).to(torch.complex64), torch.cos(delta).to(torch.complex64)
        m11, m12, m21, m22 = m11 * a + m12 * c, m11 * b + m12 * e, m21 * a + m22 * c, m21 * b + m22 * e
    ns = 1.52
    bb, cc = m11 + m12 * ns, m21 + m22 * ns
    r = (bb - cc) / (bb + cc)
    return (d - 50) / 20, r.abs() ** 2


class ScatterNet(nn.Module):
    """Peurifoy et al.'s (2018) forward network (ScatterNet): a plain fully connected ReLU net from the layer
    thicknesses to the sampled spectrum (theirs: 4 hidden layers of 225-250; here 4 of 64). Their particles are
    concentric-shell spheres solved by Mie theory; here the layers are a planar stack solved by transfer matrices."""

    def __init__(self, hidden: int = 64, layers: int = 4) -> None:
        super().__init__()
        mods: list[nn.Module] = []
        width = TF_LAYERS
        for _ in range(layers):
            mods += [nn.Linear(width, hidden), nn.ReLU()]
            width = hidden
        self.net = nn.Sequential(*mods, nn.Linear(width, TF_WAVES))

    def forward(self, d: torch.Tensor) -> torch.Tensor:
        return self.net(d)


def spectrum_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """ScatterNet's cost: the mean squared error of the spectrum (here in percent reflectance / 10)."""
    d, spec = batch
    return F.mse_loss(model(d), 10 * spec)


def scatternet(batch_size: int = 100, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """ScatterNet on 8192 simulated stacks; held out: 2048 others in batches of 1024; RMSprop (their code:
    ``tf.train.RMSPropOptimizer(learning_rate)``, TensorFlow's decay 0.9 and epsilon 1e-10), batch 100 (their
    default)."""
    gen = torch.Generator().manual_seed(36602)
    d, spec = _tf_stacks(train_size + 2048, gen)
    tr = (d[:train_size], spec[:train_size])
    torch.manual_seed(seed)
    return {"model": ScatterNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((d[train_size:], spec[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-10),
                                "rmsprop_alpha0.9"),
            "loss_fn": spectrum_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("structure_property_cnn_adam", structure_property_cnn, 300, "microstructure_property_cnn_homogenisation",
      "adam", "finite", 32, seconds=1.4, start_lr=0.004),
    W("facies_cnn_nadam", facies_cnn, 300, "well_log_lithofacies_cnn", "nadam", "finite", 16,
      seconds=0.8, start_lr=0.032),
    W("pilotnet_adam", pilotnet, 300, "pilotnet_end_to_end_steering", "adam", "finite", 32,
      seconds=1.4, start_lr=0.016),
    W("enso_cnn_rmsprop", enso_cnn, 300, "ham_enso_cnn_nino34_forecast", "rmsprop_alpha0.9", "finite", 32,
      seconds=1.1, start_lr=0.004),
)
LONG = (
    W("semantic_net_sgd@long", semantic_net, 3000, "rumelhart_semantic_cognition_network", "sgd", "small_finite", 4,
      seconds=1.3, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("scatternet_rmsprop@long", scatternet, 3000, "scatternet_thin_film_spectrum_surrogate", "rmsprop_alpha0.9",
      "finite", 100, seconds=4.0, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("facies_cnn_nadam@long", facies_cnn, 3000, "well_log_lithofacies_cnn", "nadam", "finite", 16,
      dict(train_size=1024), seconds=5.5, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="facies_cnn_nadam"),
    W("enso_cnn_rmsprop@long", enso_cnn, 3000, "ham_enso_cnn_nino34_forecast", "rmsprop_alpha0.9", "finite", 32,
      dict(train_runs=24), seconds=10.0, start_lr=0.001, grid_fractions=(0.0, 0.05), long_of="enso_cnn_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam36_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-sixth exam's workloads")
