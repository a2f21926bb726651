"""The fifty-seventh exam: six more workload families that neither the suite nor exams 1-56 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam56_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from footwear manufacturing and
shoe fitting, recycling and municipal waste sorting, chocolate and confectionery processing, peatland and wetland
carbon, organ transplantation and donor matching, and hot-air ballooning (exam 58 was built at the same time from
other domains; its module was not opened). What was checked to make them new is in
``benchmarks/results/exam57/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- last-fitting measurements from a shoe shop's 3-d foot scanner with a small CNN (footwear fitting): two
  convolution / max-pool stages and a dense head read the scanner's 16 x 32 depth map (the height of the foot's
  surface above the platform) and give four last-fitting measurements (foot length, ball width, instep height,
  heel width, standardised); MSE; parametric feet with sensor noise and placement offsets; batch 64; Adam
- sorting post-consumer plastics from near-infrared spectra with a 1-d CNN (municipal waste sorting): six
  polymers (PET, HDPE, LDPE, PP, PS, PVC) from their C-H / C=O overtone bands at 64 wavelengths (1000-1700 nm),
  with band shifts, scatter baselines, label / dirt contamination, dark (carbon-black) items and detector noise,
  standard-normal-variate preprocessed; cross-entropy; batch 32; AdamW with weight decay 1e-2
- molten-chocolate rheology with an ANN feeding the Casson equation (chocolate processing): a tanh MLP maps a
  recipe (fat, particle size D90, lecithin, PGPR, milk solids, temperature) to the Casson yield stress and plastic
  viscosity, which give the log shear stress at the eight ICA shear rates (2-50 1/s); MSE of the log stress;
  batch 32; RMSprop (torch's alpha 0.99)
- kidney function a year after deceased-donor transplantation with a back-propagation ANN (organ
  transplantation): a sigmoid MLP (12 -> 16 -> 16 -> 1) from donor and recipient features (ages, HLA-A/B/DR
  mismatches, cold ischaemia, donation after circulatory death, donor creatinine, recipient diabetes, PRA, years on
  dialysis, donor / recipient size ratio) to the 12-month eGFR; MSE; batch 64; SGD with Nesterov momentum 0.9
- peat thickness (carbon-stock) mapping with a feed-forward ANN (peatland carbon; a long plan only): a tanh MLP
  from a probed location's LiDAR elevation, slope, distance to the bog's edge, wetness index, airborne gamma-ray K
  and Th (attenuated by the peat), Sentinel-1 backscatter and NDVI to the probed peat thickness; MSE; batch 32;
  SGD with momentum 0.9 (back-propagation with momentum; from memory)
- hot-air balloon vertical dynamics with a NARX network (lighter-than-air flight; a long plan only; Narendra &
  Parthasarathy 1990): an MLP from the last 6 samples of vertical speed, envelope temperature, burner and vent
  to the next vertical speed and envelope temperature (standardised); flights simulated from a buoyancy / heat
  balance with pilot-style burner pulses; MSE; batch 32; NAdam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the peat-flux ANN and
the balloon NARX (no short plans), the eGFR ANN on 8192 transplants instead of 2048 and the chocolate ANN on 2048
recipes instead of 512. A long plastics plan was tried and dropped (flat on 16384 spectra and too slow, noisy and
overfitting on 4096: see the README).

Of the eight plans, one uses Adam (foot-scan CNN), one AdamW (plastics), two RMSprop (both chocolate plans), two
SGD with Nesterov momentum (both eGFR plans), one SGD with momentum (peat ANN) and one NAdam (balloon NARX).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam57_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam57/README.md).

    python benchmarks/exam57_workloads.py          # the table
    python benchmarks/exam57_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 57"


# --------------------------------------------------------------------------------------------------------------
# 1. last measurements from a foot scanner's depth map with a CNN (Adam)

FT_H, FT_W = 16, 32


def _ft_scans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Depth maps of feet from a shoe shop's 3-d foot scanner, 16 x 32 pixels of about 0.94 x 1 cm (the height of
    the foot's surface above the platform, 0 off the foot): a foot of length U[22, 30] cm with a ball width, heel
    width and instep height that scale with the length plus individual variation (wide / narrow feet, high / low
    insteps), a toe box tapering from the ball, the dorsum rising to the instep; the heel placed at U[0.5, 1.5] cm
    and the foot's axis shifted sideways by sd 0.5 cm; sensor noise sd 0.15 cm. Targets: length, ball width, instep
    height, heel width (the last-fitting measurements), with a tape-measure error sd 0.4 cm."""
    length = 22 + 8 * torch.rand(n, 1, 1, generator=gen)
    ball = 0.385 * length * torch.exp(0.07 * torch.randn(n, 1, 1, generator=gen))
    heel = 0.25 * length * torch.exp(0.07 * torch.randn(n, 1, 1, generator=gen))
    instep = 0.26 * length * torch.exp(0.09 * torch.randn(n, 1, 1, generator=gen))
    x0 = 0.5 + torch.rand(n, 1, 1, generator=gen)
    y0 = 0.5 * torch.randn(n, 1, 1, generator=gen)
    xs = torch.linspace(0.5, 31.5, FT_W).view(1, 1, FT_W)
    ys = torch.linspace(-7.0, 7.0, FT_H).view(1, FT_H, 1)
    u = (xs - x0) / length
    w_heel = heel / 2 * torch.exp(-((u - 0.12) / 0.16) ** 2)
    w_ball = ball / 2 * torch.exp(-((u - 0.72) / 0.2) ** 2)
    half_w = torch.maximum(w_heel, w_ball) + 0.6 * torch.sin(math.pi * u.clamp(0, 1)) + 0.3
    half_w = half_w * torch.where(u > 0.85, (1 - 2.5 * (u - 0.85)).clamp_min(0.05), torch.ones_like(u))
    height = instep * torch.exp(-((u - 0.45) / 0.3) ** 2) * (1 - 0.7 * u.clamp(0, 1) ** 3) + 1.0
    r = ((ys - y0) / half_w).clamp(-1, 1)
    inside = ((u >= 0) & (u <= 1) & ((ys - y0).abs() < half_w)).float()
    z = height * (1 - r**2).clamp_min(0) ** 0.35 * inside
    z = z + 0.15 * torch.randn(z.shape, generator=gen) * inside
    y_out = (torch.cat([length, ball, instep, heel], 2).squeeze(1) + 0.4 * torch.randn(n, 4, generator=gen))
    return (z / 5).unsqueeze(1), y_out


class FootDepthCNN(nn.Module):
    """A small CNN regressor on the depth map: two 3x3 convolution / ReLU / 2x2 max-pool stages (8 and 16
    channels), a dense layer of 32 and the four measurements."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                                 nn.Linear(2 * width * (FT_H // 4) * (FT_W // 4), 32), nn.ReLU(), nn.Linear(32, 4))

    def forward(self, depth: torch.Tensor) -> torch.Tensor:
        return self.net(depth)


def measure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the four standardised measurements."""
    depth, y = batch
    return F.mse_loss(model(depth), y)


def foot_depth_cnn(batch_size: int = 64, seed: int = 0, train_size: int = 1024) -> dict[str, Any]:
    """The depth-map CNN on 1024 scans, measurements standardised over them; held out: 1024 other scans in batches
    of 512; Adam."""
    gen = torch.Generator().manual_seed(57102)
    d, y = _ft_scans(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (d[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FootDepthCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((d[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": measure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. NIR sorting of post-consumer plastics with a 1-d CNN (AdamW)

PL_BANDS, PL_CLASSES = 64, 6
# absorption bands (nm, relative depth, width nm) of PET, HDPE, LDPE, PP, PS, PVC in 1000-1700 nm (C-H second /
# first overtone combinations, aromatic C-H, C=O overtones; positions from memory, shapes simplified)
PL_PEAKS = (
    ((1130, 0.5, 25), (1415, 0.4, 30), (1660, 1.0, 25), (1250, 0.3, 40)),   # PET
    ((1210, 0.8, 22), (1395, 0.5, 25), (1540, 0.2, 30), (1730, 1.0, 25)),   # HDPE
    ((1215, 0.8, 28), (1400, 0.55, 30), (1545, 0.2, 35), (1725, 0.95, 30)),  # LDPE
    ((1195, 0.7, 25), (1390, 0.6, 28), (1700, 0.9, 30), (1250, 0.3, 30)),   # PP
    ((1145, 0.6, 20), (1420, 0.3, 25), (1680, 1.0, 20), (1215, 0.4, 25)),   # PS
    ((1190, 0.4, 40), (1420, 0.3, 40), (1715, 0.7, 35), (1630, 0.3, 30)),   # PVC
)


def _pl_spectra(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Reflectance-mode NIR spectra of flakes / items on a sorting belt at 64 wavelengths: the polymer's bands
    (each shifted by sd 6 nm and widened by up to 30%), a contamination (a label, another polymer or dirt) mixed in
    at U[0, 0.5], a scatter baseline (offset, slope, curvature), a dark item (carbon black, 15%) scaled to a fifth
    of the signal, detector noise sd 0.04; standard normal variate per spectrum. Returns (spectra (n, 1, 64),
    classes)."""
    wl = torch.linspace(1000, 1700, PL_BANDS)
    cls = torch.randint(0, PL_CLASSES, (n,), generator=gen)
    other = torch.randint(0, PL_CLASSES, (n,), generator=gen)

    def absorb(k: torch.Tensor) -> torch.Tensor:
        a = torch.zeros(n, PL_BANDS)
        for c, peaks in enumerate(PL_PEAKS):
            sel = k == c
            m = int(sel.sum())
            if m == 0:
                continue
            s = torch.zeros(m, PL_BANDS)
            for pos, depth, width in peaks:
                p = pos + 6 * torch.randn(m, 1, generator=gen)
                w = width * (1 + 0.3 * torch.rand(m, 1, generator=gen))
                d = depth * (0.8 + 0.4 * torch.rand(m, 1, generator=gen))
                s = s + d * torch.exp(-0.5 * ((wl - p) / w) ** 2)
            a[sel] = s
        return a

    mix = 0.5 * torch.rand(n, 1, generator=gen)
    spec = (1 - mix) * absorb(cls) + mix * absorb(other)
    t = (wl - 1350) / 350
    base = (0.5 * torch.randn(n, 1, generator=gen) + 0.4 * torch.randn(n, 1, generator=gen) * t
            + 0.3 * torch.randn(n, 1, generator=gen) * t**2)
    dark = torch.where(torch.rand(n, 1, generator=gen) < 0.15, 0.2, 1.0)
    x = dark * (spec + base) + 0.04 * torch.randn(n, PL_BANDS, generator=gen)
    x = (x - x.mean(1, keepdim=True)) / x.std(1, keepdim=True)
    return x.unsqueeze(1), cls


class SpectraCNN(nn.Module):
    """A 1-d CNN for NIR spectra: two convolution / ReLU / max-pool stages (8 and 16 channels, widths 7 and 5), a
    dense layer of 32 and the six polymer logits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, width, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2),
                                 nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2), nn.Flatten(),
                                 nn.Linear(2 * width * PL_BANDS // 4, 32), nn.ReLU(), nn.Linear(32, PL_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def polymer_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the polymer class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def plastics_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The spectra CNN on 2048 labelled spectra; held out: 2048 other spectra in batches of 1024; AdamW with weight
    decay 1e-2 (torch's default)."""
    gen = torch.Generator().manual_seed(57202)
    x, y = _pl_spectra(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpectraCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": polymer_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. molten-chocolate rheology: an ANN feeding the Casson equation (RMSprop)

CH_RATES = torch.exp(torch.linspace(math.log(2.0), math.log(50.0), 8))  # the ICA method's shear rates, 1/s


def _ch_recipes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Molten-chocolate recipes and their flow curves: fat U[26, 38]%, D90 U[15, 40] um, lecithin U[0, 0.7]%,
    PGPR U[0, 0.5]%, milk solids U[0, 20]%, measurement temperature U[40, 50] C. Casson yield stress (Pa) falls
    steeply with PGPR and fat, rises with fineness (a smaller D90) and milk solids; the plastic viscosity (Pa s)
    falls with lecithin to a minimum near 0.5% and with fat and temperature, rises with fineness. Stress at the
    eight shear rates from sqrt(tau) = sqrt(tau0) + sqrt(eta gamma), batch-to-batch variation sd 8%, rheometer
    noise sd 3% (on the log). Returns (recipes scaled to about [-1, 1], log stresses)."""
    u = torch.rand(n, 6, generator=gen)
    fat, d90, lec, pgpr, milk, temp = 26 + 12 * u[:, 0], 15 + 25 * u[:, 1], 0.7 * u[:, 2], 0.5 * u[:, 3], 20 * u[:, 4], 40 + 10 * u[:, 5]
    log_tau0 = (math.log(12) - 0.12 * (fat - 32) - 3.5 * pgpr / (pgpr + 0.1) * 0.6 - 0.03 * (d90 - 25)
                + 0.02 * milk - 0.5 * lec)
    log_eta = (math.log(3) - 0.09 * (fat - 32) - 1.6 * lec + 1.6 * F.relu(lec - 0.5) - 0.02 * (d90 - 25)
               - 0.025 * (temp - 45) + 0.015 * milk - 0.3 * pgpr)
    log_tau0 = log_tau0 + 0.08 * torch.randn(n, generator=gen)
    log_eta = log_eta + 0.08 * torch.randn(n, generator=gen)
    stress = (torch.exp(0.5 * log_tau0).unsqueeze(1) + torch.sqrt(torch.exp(log_eta).unsqueeze(1) * CH_RATES)) ** 2
    y = torch.log(stress) + 0.03 * torch.randn(n, 8, generator=gen)
    return 2 * u - 1, y


class CassonANN(nn.Module):
    """A tanh MLP (6 -> 16 -> 16 -> 2) from the recipe to log yield stress and log plastic viscosity, fed to the
    Casson equation at the eight shear rates; returns the log shear stresses."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))
        self.register_buffer("rates", CH_RATES.clone())

    def forward(self, recipe: torch.Tensor) -> torch.Tensor:
        p = self.net(recipe)
        tau0, eta = torch.exp(p[:, :1] + 2.5), torch.exp(p[:, 1:] + 1.0)
        return 2 * torch.log(tau0.sqrt() + (eta * self.rates).sqrt())


def log_stress_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log shear stress."""
    x, y = batch
    return F.mse_loss(model(x), y)


def casson_ann(batch_size: int = 32, seed: int = 0, train_size: int = 512) -> dict[str, Any]:
    """The Casson ANN on 512 recipes (a pilot plant's few hundred measured batches); held out: 1024 other recipes
    in batches of 512; RMSprop (torch's defaults, alpha 0.99)."""
    gen = torch.Generator().manual_seed(57302)
    x, y = _ch_recipes(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CassonANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": log_stress_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. kidney function a year after transplantation: an eGFR ANN (SGD with Nesterov momentum)

KT_FEAT = 12


def _kt_cohort(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Deceased-donor kidney transplants: donor age U[5, 75], recipient age U[18, 75], HLA-A, -B, -DR mismatches
    (0-2 each), cold ischaemia U[4, 36] h, donation after circulatory death (30%), donor creatinine (log-normal),
    recipient diabetes (30%), PRA U[0, 100]%, years on dialysis (exponential, mean 3), donor / recipient size
    ratio. The recipient's eGFR at 12 months (mL/min/1.73 m2): 65 falling with donor age (faster above 50), with
    DR mismatches (more with a high PRA: rejection), with cold ischaemia above 18 h (more after DCD: delayed graft
    function), with donor creatinine, a small donor for a large recipient (nephron underdosing), recipient
    diabetes; floored at 5; a patient-level noise of sd 3. Returns (scaled features, eGFR / 20)."""
    d_age = 5 + 70 * torch.rand(n, generator=gen)
    r_age = 18 + 57 * torch.rand(n, generator=gen)
    mm = torch.randint(0, 3, (n, 3), generator=gen).float()
    cit = 4 + 32 * torch.rand(n, generator=gen)
    dcd = (torch.rand(n, generator=gen) < 0.3).float()
    creat = torch.exp(0.3 * torch.randn(n, generator=gen))
    diab = (torch.rand(n, generator=gen) < 0.3).float()
    pra = 100 * torch.rand(n, generator=gen)
    vintage = -3 * torch.log(torch.rand(n, generator=gen))
    size = torch.exp(0.2 * torch.randn(n, generator=gen))
    egfr = (65 - 0.3 * (d_age - 40) - 0.02 * F.relu(d_age - 50) ** 2 - 2 * mm[:, :2].sum(1)
            - 5 * mm[:, 2] * (1 + 2 * (pra / 100) ** 2) - 0.6 * F.relu(cit - 18) * (1 + 1.5 * dcd)
            - 12 * torch.log(creat) - 25 * F.relu(-torch.log(size)) - 4 * diab - 0.8 * vintage
            + 0.004 * (r_age - 45) ** 2 * (1 - diab))
    egfr = (egfr + 3 * torch.randn(n, generator=gen)).clamp_min(5)
    x = torch.stack([(d_age - 40) / 20, (r_age - 46) / 16, mm[:, 0] - 1, mm[:, 1] - 1, mm[:, 2] - 1,
                     (cit - 20) / 9, 2 * dcd - 1, torch.log(creat) / 0.3, 2 * diab - 1, (pra - 50) / 29,
                     (vintage - 3) / 3, torch.log(size) / 0.2], 1)
    return x, egfr / 20


class EGFRNet(nn.Module):
    """A back-propagation network of the transplant-outcome literature: 12 -> 16 -> 16 -> 1, sigmoid hidden units,
    a linear output."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(KT_FEAT, hidden), nn.Sigmoid(), nn.Linear(hidden, hidden), nn.Sigmoid(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def egfr_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the 12-month eGFR (in units of 20 mL/min/1.73 m2)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def egfr_ann(batch_size: int = 64, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The eGFR ANN on 2048 transplants (a registry extract); held out: 2048 other transplants in batches of 512;
    SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(57402)
    x, y = _kt_cohort(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EGFRNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": egfr_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. peat thickness mapping from terrain, radiometric and radar covariates with an ANN (SGD with momentum; long
#    only)

PT_FEAT = 8


def _pt_sites(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Probed locations of a raised-bog landscape (peat depth probed with a rod): covariates are the LiDAR
    elevation above the mineral basin floor, slope, the distance to the bog's edge, the topographic wetness index,
    airborne gamma-ray potassium and thorium counts (attenuated exponentially by wet peat: thin peat lets the
    mineral soil's signal through, thick peat hides it), Sentinel-1 VV backscatter (wetness) and NDVI. Peat
    thickness (m): a dome rising with the square root of the distance to the edge, deeper in basins (low
    elevation, high wetness), thinning on slopes, with local variation sd 0.25 m. Returns (scaled covariates,
    thickness (m))."""
    dist = 800 * torch.rand(n, generator=gen)
    basin = torch.randn(n, generator=gen)
    slope = torch.exp(0.7 * torch.randn(n, generator=gen))
    wet = torch.rand(n, generator=gen)
    thick = (0.12 * torch.sqrt(dist) + 0.8 * F.relu(-basin) + 1.2 * wet * (dist > 100).float() - 0.4 * slope
             + 0.25 * torch.randn(n, generator=gen)).clamp_min(0)
    elev = 2 * basin + 0.6 * thick + 0.3 * torch.randn(n, generator=gen)
    twi = 6 + 3 * wet - torch.log(slope) + 0.5 * torch.randn(n, generator=gen)
    atten = torch.exp(-thick / 0.5)
    k = 1.5 * atten + 0.1 + 0.08 * torch.randn(n, generator=gen)
    th = 8 * atten + 0.8 + 0.5 * torch.randn(n, generator=gen)
    vv = -14 + 4 * wet + 0.5 * torch.tanh(thick) + 1.0 * torch.randn(n, generator=gen)
    ndvi = 0.55 + 0.1 * torch.tanh(thick - 1) - 0.1 * wet + 0.05 * torch.randn(n, generator=gen)
    x = torch.stack([elev / 2, (slope - 1.3) / 1.2, (dist - 400) / 230, (twi - 7.5) / 1.3, (k - 0.6) / 0.5,
                     (th - 3.5) / 3, (vv + 12) / 1.6, (ndvi - 0.5) / 0.1], 1)
    return x, thick


class PeatDepthANN(nn.Module):
    """A feed-forward ANN (8 -> 24 -> 24 -> 1, tanh) from the covariates to the peat thickness."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PT_FEAT, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def thickness_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the peat thickness (m)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def peat_depth_ann(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The peat-thickness ANN on 8192 probed locations; held out: 4096 other probes in batches of 1024; SGD with
    momentum 0.9 (back-propagation with momentum; from memory)."""
    gen = torch.Generator().manual_seed(57502)
    x, y = _pt_sites(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PeatDepthANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": thickness_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. hot-air balloon vertical dynamics with a NARX network (NAdam; long only)

HB_LAGS, HB_STEPS = 6, 96


def _hb_flights(flights: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hot-air balloon flights sampled every 5 s: an envelope of U[2200, 3400] m3, an all-up mass U[450, 700] kg,
    ambient temperature U[0, 25] C falling 6.5 K/km; the envelope temperature follows a heat balance (burner
    pulses of U[3, 5] MW, heat loss through the fabric growing with the temperature difference and the speed, a
    vent that dumps hot air), the vertical speed a buoyancy / weight / quadratic-drag balance with an added mass;
    the pilot burns in pulses when sinking or below the chosen altitude and vents now and then. Sensor noise: 0.1
    m/s on the variometer, 1 K on the envelope thermistor. Returns NARX rows: inputs (the last 6 samples of speed,
    envelope temperature, burner, vent, and the ambient temperature) and the next speed and envelope temperature
    (both scaled)."""
    n = flights
    vol = 2200 + 1200 * torch.rand(n, generator=gen)
    mass = 450 + 250 * torch.rand(n, generator=gen)
    t_amb0 = 273 + 25 * torch.rand(n, generator=gen)
    power = 3e6 + 2e6 * torch.rand(n, generator=gen)
    target = 300 + 700 * torch.rand(n, generator=gen)
    dt, g, r_air = 5.0, 9.81, 287.0
    alt, v = torch.zeros(n), torch.zeros(n)
    t_env = t_amb0 + 70
    rows_v, rows_t, rows_b, rows_vent, rows_amb = [], [], [], [], []
    burn_left = torch.zeros(n)
    for step in range(HB_STEPS + HB_LAGS + 1):
        t_amb = t_amb0 - 0.0065 * alt
        rho = 101325 * (1 - 2.26e-5 * alt) ** 5.26 / (r_air * t_amb)
        start = ((v < -0.3) | (alt < target - 50)) & (burn_left <= 0) & (torch.rand(n, generator=gen) < 0.5)
        burn_left = torch.where(start, 1 + torch.randint(0, 3, (n,), generator=gen).float(), burn_left)
        burner = (burn_left > 0).float()
        burn_left = burn_left - 1
        vent = ((alt > target + 80) & (torch.rand(n, generator=gen) < 0.3)).float()
        heat = burner * power - 40 * vol ** (2 / 3) * (t_env - t_amb) * (1 + 0.1 * v.abs()) - vent * 2e5 * (t_env - t_amb) / 80
        t_env = torch.maximum(t_env + dt * heat / (rho * vol * 1005), t_amb).clamp_max(400)
        lift = rho * vol * g * (1 - t_amb / t_env) - mass * g
        drag = 0.5 * rho * 0.5 * vol ** (2 / 3) * v * v.abs()
        v = v + dt * (lift - drag) / (mass + 0.5 * rho * vol)
        alt = (alt + dt * v).clamp_min(0)
        v = torch.where(alt <= 0, v.clamp_min(0), v)
        rows_v.append(v + 0.1 * torch.randn(n, generator=gen))
        rows_t.append(t_env + 1.0 * torch.randn(n, generator=gen))
        rows_b.append(burner)
        rows_vent.append(vent)
        rows_amb.append(t_amb)
    vs, ts = torch.stack(rows_v, 1), torch.stack(rows_t, 1)
    bs, ve, am = torch.stack(rows_b, 1), torch.stack(rows_vent, 1), torch.stack(rows_amb, 1)
    xs, ys = [], []
    for k in range(HB_LAGS, HB_LAGS + HB_STEPS):
        sl = slice(k - HB_LAGS + 1, k + 1)
        xs.append(torch.cat([vs[:, sl] / 2, (ts[:, sl] - 360) / 20, bs[:, sl], ve[:, sl],
                             ((am[:, k] - 285) / 8).unsqueeze(1)], 1))
        ys.append(torch.stack([vs[:, k + 1] / 2, (ts[:, k + 1] - 360) / 20], 1))
    return torch.cat(xs, 0), torch.cat(ys, 0)


class NARX(nn.Module):
    """A NARX network (Narendra & Parthasarathy 1990): an MLP (4 x 6 lags + 1 -> 32 -> 32 -> 2, tanh) from the
    past outputs and inputs to the next outputs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4 * HB_LAGS + 1, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def narx_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the next (scaled) vertical speed and envelope temperature."""
    x, y = batch
    return F.mse_loss(model(x), y)


def balloon_narx(batch_size: int = 32, seed: int = 0, flights: int = 96) -> dict[str, Any]:
    """The NARX network on the rows of 96 flights (9216 rows); held out: the rows of 48 other flights (4608) in
    batches of 1152; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(57602)
    x, y = _hb_flights(flights, gen)
    xe, ye = _hb_flights(48, gen)
    tr = (x, y)
    torch.manual_seed(seed)
    return {"model": NARX(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((xe, ye), 1152),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": narx_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("foot_depth_cnn_adam", foot_depth_cnn, 300, "foot_scanner_depth_map_last_measurement_cnn", "adam", "finite", 64,
      seconds=1.2, start_lr=0.016),
    W("plastics_nir_cnn_adamw", plastics_cnn, 300, "nir_plastics_sorting_cnn", "adamw_wd1e-2", "finite", 32,
      seconds=0.5, start_lr=0.008),
    W("casson_ann_rmsprop", casson_ann, 300, "chocolate_casson_rheology_ann", "rmsprop", "small_finite", 32,
      seconds=0.2, start_lr=0.016),
    W("kidney_egfr_ann_sgdn", egfr_ann, 300, "kidney_transplant_12m_egfr_ann", "sgd_nesterov0.9", "finite", 64,
      seconds=0.2, start_lr=0.4),
)
LONG = (
    W("peat_depth_ann_sgdm@long", peat_depth_ann, 3000, "peat_thickness_mapping_ann", "sgd_momentum0.9", "finite", 32,
      seconds=1.4, start_lr=0.05, grid_fractions=(0.0, 0.05)),
    W("balloon_narx_nadam@long", balloon_narx, 3000, "hot_air_balloon_narx_dynamics", "nadam", "finite", 32,
      seconds=2.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("kidney_egfr_ann_sgdn@long", egfr_ann, 3000, "kidney_transplant_12m_egfr_ann", "sgd_nesterov0.9", "finite", 64,
      dict(train_size=8192), seconds=2.4, start_lr=0.4, grid_fractions=(0.0, 0.05),
      long_of="kidney_egfr_ann_sgdn"),
    W("casson_ann_rmsprop@long", casson_ann, 3000, "chocolate_casson_rheology_ann", "rmsprop", "finite", 32,
      dict(train_size=2048), seconds=2.0, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="casson_ann_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam57_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-seventh exam's workloads")
