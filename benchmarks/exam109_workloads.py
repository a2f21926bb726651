"""The hundred-and-ninth exam: six more workload families that neither the suite nor exams 1-108 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam108_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from pasta and boiling water uptake, mattresses and body pressure, cymbals and
crash decay, trombones and slide intonation, pillows and foam recovery, and grout and tile joints (exam 110 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam109/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly or wholly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- dried pasta cooked in boiling water: a SiLU MLP from the shape (capellini, spaghetti, linguine, penne, lasagne;
  one-hot) and its gauge, the semolina's protein, the drying temperature, the water's boiling temperature
  (altitude), the salt and the pasta-to-water ratio to the water taken up (g per g dry) after 3, 6, 9, 12 and 15
  minutes and the log time to "al dente" (the core reaching a set moisture); Fickian diffusion in a slab or a
  cylinder by the first terms of their series solutions, an Arrhenius diffusivity slowed by protein and
  high-temperature drying, an equilibrium uptake swelling with temperature (starch gelatinisation); 1% scatter;
  MSE of the standardised outputs; RAdam (torch's defaults)
- mattress body pressure: a residual MLP from the sleeper (mass, height, hip-shoulder build, side or back
  lying) and the mattress (comfort layer material: memory foam, latex, polyfoam; its thickness and firmness; a
  pocket-spring or foam core's stiffness) to the log peak interface pressure under the shoulder and the hip, the
  log sinkage of head, shoulder, waist and hip, and the spine's lateral deviation; a Winkler bed of a hardening foam
  layer in series with the core under curved body segments, each segment's equilibrium sinkage by bisection;
  MSE of the standardised outputs; RAdam (torch's defaults)
- cymbal crash decay: a GRU unrolled over 10 frames (0-4 s) from the cymbal (diameter, thickness, alloy B20 /
  B8 / brass, lathed or not, hammering) and the strike (stick speed, edge or bow) to the level (dB re the crash's
  peak, /10) in 6 octave bands (250 Hz-8 kHz) at each frame: modal energy injected below the plate's "bloom",
  a nonlinear cascade moving energy to the high bands in the first ~0.3 s at high strike amplitudes, then an
  exponential decay per band (T60 rising with diameter and mass, falling with frequency, shorter for brass and
  B8); MSE; NAdam (torch's defaults)
- trombone slide intonation: an MLP with note and partial embeddings from the target note (E2-Bb4, equal
  temperament at A = 440 or 442), the partial it is played on (2nd-8th), the room temperature, the minutes
  played (the air warming), the tuning-slide pull, the bore (0.500 / 0.525 / 0.547 in) and the mouthpiece's cup
  depth to the slide extension (cm) a player needs: the resonances n c / (2 L_eff) of the air column with
  bore- and partial-dependent bell and mouthpiece corrections (low partials flat, the mouthpiece pulling the high
  ones down), the speed of sound from the breath-warmed air; 0.5 cm player scatter; MSE of (extension - 30 cm) /
  20 cm; NAdam (torch's defaults)
- pillow foam recovery after compression (a long plan only): a grey-box net (a tanh MLP to the stretched
  exponential's parameters: the set height, the height at release, log tau and beta) from the fill (memory foam,
  latex, polyester fibre, down; one-hot), its density, the room temperature, the compression depth, the hold
  time and the pillow's age to the height recovered at 8 times (0.5-64 s); a KWW recovery whose time constant
  follows a WLF shift for memory foam, lengthening with hold time and density; fibre and down taking a set with
  age and compression; 0.3% scatter; MSE of the recovered height (percent / 10); RAdam (torch's defaults)
- cementitious grout in tile joints (a long plan only): a GELU MLP classifies a grouted joint (its width, the
  water-to-powder ratio, sanded or unsanded, latex polymer, tile size, substrate concrete / cement board /
  plywood, curing humidity, the daily temperature swing) into sound, shrinkage cracked, edge debonded and
  powdery (weak, dusting); restrained drying shrinkage against a tensile strain capacity, thermal and substrate
  movement against the bond to the tile edges, an Abrams-type strength against a dusting limit, each margin with
  scatter, the first failing check decides; cross-entropy; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the pillow and grout
nets (no short plans), the pasta net on 8192 cooks instead of 2048 and the mattress net on 8192 sleepers instead
of 2048 (both with 32 units a layer instead of 64, the mattress net with one residual block instead of two, and
their own batch sizes: 32 instead of 256 and 64).

Of the eight plans, six use RAdam (both pasta plans, both mattress plans, pillow, grout) and two NAdam (cymbal,
trombone).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam109_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam109/README.md).

    python benchmarks/exam109_workloads.py          # the table
    python benchmarks/exam109_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, split_batches  # noqa: E402

TITLE = "Exam 109"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. dried pasta in boiling water: water uptake and the time to al dente (RAdam)

PA_SHAPES = 5
PA_TIMES = (3.0, 6.0, 9.0, 12.0, 15.0)  # minutes
_CYL_ROOTS = (2.405, 5.520, 8.654)  # zeros of J0
_CYL_J1 = (0.5191, -0.3403, 0.2715)  # J1 at those zeros


def _pa_fraction(dt_a2: torch.Tensor, cyl: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Fickian uptake of a slab (half-thickness a) or an infinite cylinder (radius a) at D t / a^2: the mean
    fraction of the equilibrium uptake and the fraction at the centre, by the first three terms of each series."""
    slab_mean = torch.ones_like(dt_a2)
    slab_centre = torch.ones_like(dt_a2)
    cyl_mean = torch.ones_like(dt_a2)
    cyl_centre = torch.ones_like(dt_a2)
    for k in range(3):
        m = (2 * k + 1) * math.pi / 2
        e = torch.exp(-(m**2) * dt_a2)
        slab_mean = slab_mean - 2 / m**2 * e
        slab_centre = slab_centre - 2 * (-1) ** k / m * e
        b, j1 = _CYL_ROOTS[k], _CYL_J1[k]
        e = torch.exp(-(b**2) * dt_a2)
        cyl_mean = cyl_mean - 4 / b**2 * e
        cyl_centre = cyl_centre - 2 / (b * j1) * e
    return (torch.where(cyl, cyl_mean, slab_mean).clamp(0, 1), torch.where(cyl, cyl_centre, slab_centre).clamp(0, 1))


def _pa_cooks(n: int, gen: torch.Generator, scatter: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """Cooking tests of dried durum-semolina pasta: the shape (capellini, spaghetti, linguine, penne, lasagne: a
    cylinder of radius 0.55 / 0.90 mm or a slab of half-thickness 0.70 / 0.60 / 0.65 mm, linguine and penne
    treated as slabs, penne's tube wall) times the product's gauge 0.80-1.25 of nominal, protein 10-15%, drying
    at 45-90 C (hot drying sets the gluten network: slower uptake), the water boiling at 92-100 C (altitude), salt
    0-2%, 5-15 g of pasta per 100 g of water (the water cools and recovers more slowly with more pasta).
    Diffusivity D = D0 exp(-Ea / R (1 / T - 1 / 373 K)), Ea 40 kJ/mol (constants invented), slowed by protein and
    drying temperature, a little by salt; equilibrium uptake 1.2-1.9 g/g rising with the water's temperature
    (starch gelatinising). The uptake after 3-15 min from the series solutions (mean fraction times the
    equilibrium) and the al dente time as the time the centre reaches 45% of the equilibrium (bisection on log t).
    ``scatter`` (1%: lognormal; 0.01 on the log time). Returns (features (n, 11), uptakes at 5 times and log al dente
    minutes (n, 6))."""
    shape = torch.randint(0, PA_SHAPES, (n,), generator=gen)
    half = torch.tensor([0.55, 0.90, 0.70, 0.60, 0.65])[shape]
    cyl = torch.tensor([True, True, False, False, False])[shape]
    gauge = 0.8 + 0.45 * torch.rand(n, generator=gen)  # the product's gauge against the shape's nominal
    half = half * gauge
    protein = 10 + 5 * torch.rand(n, generator=gen)
    dry_t = 45 + 45 * torch.rand(n, generator=gen)
    boil = 92 + 8 * torch.rand(n, generator=gen)
    salt = 2 * torch.rand(n, generator=gen)
    ratio = 5 + 10 * torch.rand(n, generator=gen)
    t_eff = boil - 0.25 * (ratio - 5) + 273.15
    d = 1.6e-2 * torch.exp(-40e3 / 8.314 * (1 / t_eff - 1 / 373.15))  # mm^2 / min
    d = d * (1 - 0.05 * (protein - 12.5)) * (1 - 0.45 * torch.sigmoid((dry_t - 70) / 6)) * (1 - 0.04 * salt)
    w_eq = (1.2 + 0.7 * torch.sigmoid((t_eff - 368.0) / 2.5)) * (1 - 0.02 * (protein - 12.5))
    ups = []
    for t in PA_TIMES:
        mean, _ = _pa_fraction(d * t / half**2, cyl)
        ups.append(w_eq * mean)
    lo, hi = torch.full((n,), math.log(0.5)), torch.full((n,), math.log(60.0))
    for _ in range(25):
        mid = 0.5 * (lo + hi)
        _, centre = _pa_fraction(d * torch.exp(mid) / half**2, cyl)
        below = centre < 0.45
        lo, hi = torch.where(below, mid, lo), torch.where(below, hi, mid)
    y = torch.stack(ups + [0.5 * (lo + hi)], 1)
    y = torch.cat([y[:, :5] * torch.exp(scatter * torch.randn(n, 5, generator=gen)),
                   y[:, 5:] + scatter * torch.randn(n, 1, generator=gen)], 1)
    x = torch.cat([F.one_hot(shape, PA_SHAPES).float(), torch.stack([
        (protein - 12.5) / 1.44, (dry_t - 67.5) / 13, (boil - 96) / 2.3, (salt - 1) / 0.58,
        (ratio - 10) / 2.9, (gauge - 1.025) / 0.13], 1)], 1)
    return x, y


class UptakeNet(nn.Module):
    """A SiLU MLP from the pasta and the pot to the uptake curve and the log al dente time."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def uptake_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised uptakes and log al dente time."""
    return _mse(model, batch)


def pasta_uptake(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64,
                 scatter: float = 0.01) -> dict[str, Any]:
    """The uptake net on 2048 cooking tests (1% scatter), targets standardised over them; held out: 2048 other
    tests in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(109101)
    x, y = _pa_cooks(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": UptakeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": uptake_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. mattress body pressure: peak interface pressures, sinkage and spinal alignment (RAdam)

MT_MATERIALS = 3  # memory foam, latex, polyfoam
# body segments: head, shoulder, waist, hip, thighs, calves: share of body mass, contact length (share of height),
# radius of curvature when side lying and when back lying (m, at 1.75 m and 75 kg)
_MT_MASS = (0.08, 0.27, 0.14, 0.27, 0.16, 0.08)
_MT_LEN = (0.10, 0.14, 0.12, 0.14, 0.20, 0.22)
_MT_R_SIDE = (0.08, 0.07, 0.20, 0.12, 0.07, 0.05)
_MT_R_BACK = (0.09, 0.22, 0.30, 0.25, 0.10, 0.06)


def _mt_sleepers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sleepers on mattresses: mass 45-120 kg, height 1.50-1.95 m, build -1..1 (pear to broad-shouldered: the
    shoulder's and hip's share of mass and radius), side (70%) or back lying; the comfort layer (memory foam, latex,
    polyfoam), 2-10 cm thick, its firmness (a compressive modulus 8-30 kPa; memory foam softened by body warmth,
    latex resilient, polyfoam hardening earliest), a core (pocket springs or base foam) of 15-60 kPa/cm-ish
    stiffness per unit area. A Winkler bed: the comfort layer's pressure E eps / (1 - eps / 0.85)^m (densifying
    towards 85% strain; m 1.5 memory foam, 1.0 latex, 2.0 polyfoam) in series with the core's linear spring (the
    split by 5 damped fixed-point steps); each body segment a cylinder of its radius pressing to a sinkage s with a
    contact half-width sqrt(2 R s) (capped at its breadth), its weight carried by the integral of the pressure over
    the contact (Simpson, 9 points); s by 16 bisection steps. Peak pressure at the
    segment's centreline. The spine's lateral deviation (side lying) from the shoulder's and hip's sinkage against
    their half-breadths' difference to the waist's. 1% scatter on pressures, 0.01 on log(sinkage + 0.5 cm), 0.06
    cm on the deviation. Constants invented.
    Returns (features (n, 11), [log peak shoulder / hip pressure (kPa), log(0.5 + sinkage (cm)) of head / shoulder /
    waist / hip, spine deviation (cm)] (n, 7))."""
    mass = 45 + 75 * torch.rand(n, generator=gen)
    height = 1.50 + 0.45 * torch.rand(n, generator=gen)
    build = 2 * torch.rand(n, generator=gen) - 1
    side = (torch.rand(n, generator=gen) < 0.7).float()
    mat = torch.randint(0, MT_MATERIALS, (n,), generator=gen)
    thick = 0.02 + 0.08 * torch.rand(n, generator=gen)  # m
    e_c = 8 + 22 * torch.rand(n, generator=gen)  # kPa
    k_core = 15 + 45 * torch.rand(n, generator=gen)  # kPa per cm of core compression
    soft = torch.tensor([0.7, 1.0, 1.0])[mat]  # memory foam softens at skin temperature
    expo = torch.tensor([1.5, 1.0, 2.0])[mat]
    e_eff = e_c * soft
    g = 9.81
    scale_r = (mass / 75) ** 0.5 * (height / 1.75) ** -0.5
    seg_out = []
    peaks = []
    for i in range(6):
        share = _MT_MASS[i] * (1 + (0.15 * build if i == 1 else -0.12 * build if i == 3 else 0.0))
        w = mass * g * share  # N
        length = _MT_LEN[i] * height
        r = (side * _MT_R_SIDE[i] + (1 - side) * _MT_R_BACK[i]) * scale_r
        if i == 1:
            r = r * (1 + 0.2 * build * side)
        breadth = 1.6 * r

        def pressure(s: torch.Tensor) -> torch.Tensor:
            """Pressure (kPa) at a local indentation s (m) through the comfort layer and the core in series:
            solve the split by a few fixed-point steps (the same pressure in both)."""
            core = torch.zeros_like(s)
            for _ in range(5):
                eps = ((s - core) / thick.unsqueeze(-1) if s.dim() > 1 else (s - core) / thick).clamp(0, 0.84)
                ee = e_eff.unsqueeze(-1) if s.dim() > 1 else e_eff
                ex = expo.unsqueeze(-1) if s.dim() > 1 else expo
                kc = k_core.unsqueeze(-1) if s.dim() > 1 else k_core
                p = ee * eps / (1 - eps / 0.85) ** ex
                core = 0.5 * core + 0.5 * (p / kc / 100).clamp(max=s)
            return p

        def load(s: torch.Tensor) -> torch.Tensor:
            half = torch.minimum((2 * r * s).clamp_min(1e-9).sqrt(), breadth / 2)
            u = torch.linspace(-1, 1, 9).view(1, -1)
            xs = half.view(-1, 1) * u
            local = (s.view(-1, 1) - xs**2 / (2 * r.view(-1, 1))).clamp_min(0)
            p = pressure(local)
            wts = torch.tensor([1, 4, 2, 4, 2, 4, 2, 4, 1.0]) / 24
            return (p * wts).sum(1) * 2 * half * length * 1000  # N

        lo, hi = torch.full((n,), 1e-4), torch.full((n,), 0.25)
        for _ in range(16):
            mid = 0.5 * (lo + hi)
            light = load(mid) < w
            lo, hi = torch.where(light, mid, lo), torch.where(light, hi, mid)
        s = 0.5 * (lo + hi)
        seg_out.append(s * 100)  # cm
        peaks.append(pressure(s.view(-1, 1)).view(-1))
    half_b = [(side * _MT_R_SIDE[i] + (1 - side) * _MT_R_BACK[i]) * scale_r * 0.8 for i in range(4)]
    half_b[1] = half_b[1] * (1 + 0.2 * build * side)
    # side lying: a straight spine needs the shoulder and hip to sink by their breadth's excess over the waist
    dev = side * ((seg_out[1] - 100 * (half_b[1] - half_b[2])) + (seg_out[3] - 100 * (half_b[3] - half_b[2]))
                  - 2 * seg_out[2]) / 2 + (1 - side) * (seg_out[3] - seg_out[2]) * 0.3
    y = torch.stack([torch.log(peaks[1]) + 0.01 * torch.randn(n, generator=gen),
                     torch.log(peaks[3]) + 0.01 * torch.randn(n, generator=gen),
                     *[torch.log(seg_out[i] + 0.5) + 0.01 * torch.randn(n, generator=gen) for i in range(4)],
                     dev + 0.06 * torch.randn(n, generator=gen)], 1)
    x = torch.cat([torch.stack([(mass - 82.5) / 21.7, (height - 1.725) / 0.13, build / 0.58, 2 * side - 1,
                                (thick - 0.06) / 0.023, (e_c - 19) / 6.35, (k_core - 37.5) / 13], 1),
                   F.one_hot(mat, MT_MATERIALS).float(), torch.log(mass / height**2 / 25).unsqueeze(1) * 5], 1)
    return x, y


class PressureNet(nn.Module):
    """A residual MLP (pre-norm blocks: LayerNorm, linear, GELU, linear) from the sleeper and the mattress to the
    pressures, sinkages and the spine's deviation."""

    def __init__(self, hidden: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(11, hidden)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, hidden), nn.GELU(),
                                                  nn.Linear(hidden, hidden)) for _ in range(blocks))
        self.out = nn.Linear(hidden, 7)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for block in self.blocks:
            h = h + block(h)
        return self.out(h)


def pressure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log peak pressures, sinkages and spinal deviation."""
    return _mse(model, batch)


def mattress_pressure(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64,
                      blocks: int = 2) -> dict[str, Any]:
    """The pressure net on 2048 sleepers, targets standardised over them; held out: 2048 other sleepers in batches
    of 1024; RAdam."""
    gen = torch.Generator().manual_seed(109201)
    x, y = _mt_sleepers(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PressureNet(hidden, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": pressure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cymbal crash decay: octave-band levels over the first four seconds (NAdam)

CY_BANDS = (250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0)  # Hz, octave band centres
CY_FRAMES = (0.0, 0.2, 0.4, 0.7, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0)  # s
CY_ALLOYS = 3  # B20 bronze, B8 bronze, brass


def _cy_crashes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Crash cymbals struck with a stick: diameter 14-20 in, thickness 0.7-1.4 mm at the edge, alloy (B20, B8,
    brass: decay times x1.0, x0.75, x0.5; brightness +0, +2, +4 dB a band above 1 kHz), lathed or not (lathed:
    longer, smoother decay, less low-band 'trash'), hammering 0-1 (darker, shorter), stick speed 1-10 m/s
    (log-uniform), struck at the edge (70%) or on the bow. The injected spectrum: a log-normal bump in frequency
    centred on a strike frequency rising with stick speed and thickness and falling with the diameter (lower on
    the edge). A band energy simulation in 0.05 s steps: each band decays at 6.91 / T60_band (T60 = 3.5 s (D / 16
    in)^1.2 (h / 1 mm)^0.5 x alloy x finish / (f / 1 kHz)^0.6), and at high amplitude (stick speed over thickness,
    scaled by the diameter, times the energy left) energy cascades one octave up (the crash's 'bloom' into
    shimmer), at a rate with a threshold. Output: 10 log10 of each band's energy re the largest of the crash, at
    10 frames, floored at -60 dB (the room's noise), / 10; 0.8 dB scatter. Constants invented. Returns (features
    (n, 10), levels (n, 10 frames, 6 bands))."""
    dia = 14 + 6 * torch.rand(n, generator=gen)
    th = 0.7 + 0.7 * torch.rand(n, generator=gen)
    alloy = torch.randint(0, CY_ALLOYS, (n,), generator=gen)
    lathed = (torch.rand(n, generator=gen) < 0.6).float()
    hammer = torch.rand(n, generator=gen)
    v = 10 ** torch.rand(n, generator=gen)
    edge = (torch.rand(n, generator=gen) < 0.7).float()
    f = torch.tensor(CY_BANDS).view(1, -1)
    oct_ = torch.log2(f / 1000)
    fc = 900 * (v / 4) ** 0.35 * (th / 1.0) ** 0.5 * (16 / dia) ** 0.8 * (1 - 0.35 * edge)
    bright = torch.tensor([0.0, 2.0, 4.0])[alloy].view(-1, 1) * oct_.clamp_min(0) - 2.5 * hammer.view(-1, 1) * oct_
    e0_db = -4.0 * (oct_ - torch.log2(fc / 1000).view(-1, 1)) ** 2 + bright + 20 * torch.log10(v).view(-1, 1)
    energy = 10 ** (e0_db / 10)
    t60 = (3.5 * (dia / 16) ** 1.2 * (th / 1.0) ** 0.5 * torch.tensor([1.0, 0.75, 0.5])[alloy]
           * (1 + 0.15 * lathed) * (1 - 0.3 * hammer)).view(-1, 1) / (f / 1000) ** 0.6
    t60 = t60 * (1 + 0.3 * (1 - lathed.view(-1, 1)) * (oct_ < 0).float() * -0.5)
    rate = 6.91 / t60
    amp = (v / th * (16 / dia) * (1 + 0.5 * edge) / 4).view(-1, 1)
    e_start = energy.sum(1, keepdim=True)
    dt = 0.05
    frames = []
    t = 0.0
    targets = list(CY_FRAMES)
    for step in range(81):
        if targets and abs(t - targets[0]) < 1e-6:
            frames.append(energy.clone())
            targets.pop(0)
        left = (energy.sum(1, keepdim=True) / e_start).sqrt()
        drive = torch.sigmoid(4 * (amp * left - 1.0))
        moved = 3.0 * drive * energy * dt
        moved[:, -1] = 0
        energy = energy * torch.exp(-rate * dt) - moved + F.pad(moved[:, :-1], (1, 0))
        t = round(t + dt, 6)
    e = torch.stack(frames, 1)  # (n, 10, 6)
    peak = e.flatten(1).max(1).values.view(-1, 1, 1)
    db = (10 * torch.log10(e / peak + 1e-6)).clamp_min(-60)
    y = (db + 0.8 * torch.randn(db.shape, generator=gen)) / 10
    x = torch.cat([torch.stack([(dia - 17) / 1.73, (th - 1.05) / 0.2, 2 * lathed - 1, (hammer - 0.5) / 0.29,
                                (torch.log10(v) - 0.5) / 0.29, 2 * edge - 1, 2 * (1 - lathed) * edge - 1], 1),
                   F.one_hot(alloy, CY_ALLOYS).float()], 1)
    return x, y


class CrashGRU(nn.Module):
    """A GRU unrolled over the frames: each frame's input is the cymbal and strike features and the frame's time;
    a linear read-out of the hidden state gives the 6 band levels."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.register_buffer("times", torch.tensor(CY_FRAMES).view(1, -1, 1))
        self.inp = nn.Linear(10 + 2, hidden)
        self.gru = nn.GRU(hidden, hidden, batch_first=True)
        self.out = nn.Linear(hidden, len(CY_BANDS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        t = self.times.expand(x.shape[0], -1, -1)
        seq = torch.cat([x.unsqueeze(1).expand(-1, t.shape[1], -1), t / 2 - 1, t.sqrt() - 1], 2)
        h, _ = self.gru(torch.tanh(self.inp(seq)))
        return self.out(h)


def crash_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the band levels (dB / 10) over all frames."""
    return _mse(model, batch)


def cymbal_crash(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The crash GRU on 1024 recorded crashes; held out: 2048 other crashes in batches of 1024; NAdam (torch's
    defaults: betas 0.9 / 0.999, momentum decay 4e-3)."""
    gen = torch.Generator().manual_seed(109301)
    x, y = _cy_crashes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrashGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": crash_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. trombone slide intonation: the slide extension a note needs (NAdam)

TB_LOW = 40  # E2, the 7th position of the 2nd partial (MIDI)
TB_NOTES = 31  # E2 .. Bb4
TB_PARTIALS = 7  # 2nd .. 8th
TB_BORES = 3  # 0.500, 0.525, 0.547 in
# fractional frequency corrections of partials 2..8 against n c / (2 L) at the reference bore (the bell flare
# lifts the low partials' cutoff less: they sit flat), invented
_TB_CORR = (-0.030, -0.010, 0.000, 0.006, 0.004, 0.001, -0.002)


def _tb_notes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Notes played on a Bb tenor trombone: a partial n = 2..8 (the 2nd-4th most often) and one of its 7
    positions, giving the equal-tempered target (MIDI 46 + round(12 log2(n / 2)) - (position - 1), at A = 440 or
    442 Hz); the room at 14-30 C and 0-30 minutes played (the air column warms towards 34 C with a 8-minute time
    constant, 70% of the way); the main tuning slide pulled 0-2.5 cm; the bore (0.500 / 0.525 / 0.547 in: the
    partials' corrections x1.2 / x1.0 / x0.8, the bigger bore's bell lifting its low partials less); the
    mouthpiece's cup depth 0-1 (3-6 cm of equivalent tube, and a pull on the high partials, -0.15% a partial above
    the 2nd at full depth). The air column's effective length for the target from f = n c / (2 L) (1 + corr),
    corr shrinking as the slide lengthens the cylindrical part (x L_1 / L); c = 331.3 sqrt(1 + T / 273.15); the
    extension (cm) = (L - 2.90 m - 2 pull - mouthpiece) / 2, negative where 1st position is sharp. 0.5 cm scatter
    (the player's hand). Returns (note index, partial index, features (n, 8), (extension - 30 cm) / 20 cm (n, 1))."""
    part = torch.multinomial(torch.tensor([3.0, 3, 3, 2, 2, 1, 1]), n, replacement=True, generator=gen)
    partial = part + 2
    pos = torch.randint(1, 8, (n,), generator=gen)
    midi = 46 + torch.round(12 * torch.log2(partial.float() / 2)).long() - (pos - 1)
    a_ref = torch.where(torch.rand(n, generator=gen) < 0.6, 440.0, 442.0)
    f_t = a_ref * 2 ** ((midi.float() - 69) / 12)
    room = 14 + 16 * torch.rand(n, generator=gen)
    minutes = 30 * torch.rand(n, generator=gen)
    air = room + 0.7 * (34 - room) * (1 - torch.exp(-minutes / 8))
    c = 331.3 * torch.sqrt(1 + air / 273.15)
    pull = 0.025 * torch.rand(n, generator=gen)
    bore = torch.randint(0, TB_BORES, (n,), generator=gen)
    cup = torch.rand(n, generator=gen)
    mp = 0.03 + 0.03 * cup
    corr0 = torch.tensor(_TB_CORR)[part] * torch.tensor([1.2, 1.0, 0.8])[bore] - 0.0015 * cup * part.float()
    length = partial.float() * c / (2 * f_t)
    for _ in range(4):
        length = partial.float() * c / (2 * f_t) * (1 + corr0 * 2.95 / length)
    ext = (length - 2.90 - 2 * pull - mp) / 2 * 100 + 0.5 * torch.randn(n, generator=gen)
    feats = torch.cat([torch.stack([(room - 22) / 4.6, (minutes - 15) / 8.7, (pull - 0.0125) / 0.0072,
                                    (cup - 0.5) / 0.29, (a_ref - 441) / 1.0], 1),
                       F.one_hot(bore, TB_BORES).float()], 1)
    return midi - TB_LOW, part, feats, ((ext - 30) / 20).unsqueeze(1)


class SlideNet(nn.Module):
    """Note and partial embeddings with the playing conditions, a SiLU MLP to the slide extension ((x - 30 cm) /
    20 cm)."""

    def __init__(self, hidden: int = 64, note_dim: int = 8, partial_dim: int = 4) -> None:
        super().__init__()
        self.note = nn.Embedding(TB_NOTES, note_dim)
        self.partial = nn.Embedding(TB_PARTIALS, partial_dim)
        self.net = nn.Sequential(nn.Linear(note_dim + partial_dim + 8, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 1))

    def forward(self, note: torch.Tensor, partial: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.note(note), self.partial(partial), feats], 1))


def slide_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the slide extension, (x - 30 cm) / 20 cm."""
    note, partial, feats, y = batch
    return F.mse_loss(model(note, partial, feats), y)


def trombone_slide(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The slide net on 4096 played notes; held out: 2048 other notes in batches of 1024; NAdam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(109401)
    parts = _tb_notes(train_size + 2048, gen)
    tr = tuple(t[:train_size] for t in parts)
    torch.manual_seed(seed)
    return {"model": SlideNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in parts), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": slide_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pillow foam recovery after compression, a grey-box KWW net (RAdam; long only)

PL_FILLS = 4  # memory foam, latex foam, polyester fibre, down
PL_TIMES = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)  # s after release


def _pl_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Compression-recovery tests of pillows (a platen pressed to a depth, held, released; the height followed by
    a laser): the fill (memory foam, latex foam, polyester fibre, down), its density 0-1 (within the fill's range),
    the room at 12-32 C, the depth 20-80% of the height, the hold 1-600 s (log-uniform), the pillow's age 0-4 years.
    The height (% of new) h(t) = h_set - (h_set - h_rel) exp(-(t / tau)^beta) (a KWW recovery). Memory foam: tau
    = 3 s x a_T x (0.7 + 0.6 density) x (1 + 0.4 ln(1 + hold / 30 s)), the WLF shift log10 a_T = -6 (T - 20) /
    (50 + T - 20) (a glass transition near room temperature; constants invented), beta 0.5, 5% of the compression
    back at release, a set of 1.5% a year. Latex: tau 0.08 s (1 + 0.2 ln(1 + hold / 30)), beta 0.8, 70% back at
    release. Polyester fibre: tau 1.5 s, beta 0.4, half back at release, a set growing with depth, hold and age
    (matting). Down: tau 8 s (1.3 - 0.6 density), beta 0.35, 30% back, a larger set with depth and age (until
    fluffed). 0.3% scatter (0.03 on the / 10 scale). Returns (features (n, 9), heights / 10 (n, 8))."""
    fill = torch.randint(0, PL_FILLS, (n,), generator=gen)
    dens = torch.rand(n, generator=gen)
    temp = 12 + 20 * torch.rand(n, generator=gen)
    depth = 0.2 + 0.6 * torch.rand(n, generator=gen)
    hold = 600 ** torch.rand(n, generator=gen)
    age = 4 * torch.rand(n, generator=gen)
    hf = torch.log1p(hold / 30)
    a_t = 10 ** (-6 * (temp - 20) / (50 + temp - 20))
    tau = torch.stack([3.0 * a_t * (0.7 + 0.6 * dens) * (1 + 0.4 * hf),
                       0.08 * (1 + 0.2 * hf) * (0.8 + 0.4 * dens),
                       1.5 * (1 + 0.2 * hf) * torch.ones(n),
                       8.0 * (1.3 - 0.6 * dens)], 1).gather(1, fill.view(-1, 1)).view(-1)
    beta = torch.tensor([0.5, 0.8, 0.4, 0.35])[fill]
    back = torch.tensor([0.05, 0.7, 0.5, 0.3])[fill]
    h_rel = 100 - 100 * depth * (1 - back)
    h_set = torch.stack([100 - 1.5 * age - 1.0 * depth * hf,
                         100 - 0.8 * age,
                         100 - depth * (8 + 6 * age) * (1 + 0.1 * hf) - 3 * age,
                         100 - depth * (15 + 3 * age) * (1.2 - 0.4 * dens) - 2 * age],
                        1).gather(1, fill.view(-1, 1)).view(-1)
    t = torch.tensor(PL_TIMES).view(1, -1)
    h = h_set.view(-1, 1) - (h_set - h_rel).view(-1, 1) * torch.exp(-((t / tau.view(-1, 1)) ** beta.view(-1, 1)))
    y = h / 10 + 0.03 * torch.randn(h.shape, generator=gen)
    x = torch.cat([F.one_hot(fill, PL_FILLS).float(), torch.stack([
        (dens - 0.5) / 0.29, (temp - 22) / 5.8, (depth - 0.5) / 0.17, (torch.log(hold) - 3.2) / 1.85,
        (age - 2) / 1.15], 1)], 1)
    return x, y


class RecoveryNet(nn.Module):
    """A tanh MLP to the KWW curve's parameters (set height, height at release, log tau, beta), evaluated at the
    8 measuring times: the grey-box form a foam lab fits, with the parameters learned from the test conditions."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        self.register_buffer("log_t", torch.log(torch.tensor(PL_TIMES)).view(1, -1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        h_set = 10 - 2 * F.softplus(p[:, :1])  # heights / 10 (% of new)
        h_rel = 2 + 8 * torch.sigmoid(p[:, 1:2])
        log_tau = 2 * p[:, 2:3]
        beta = 0.2 + 0.8 * torch.sigmoid(p[:, 3:4])
        return h_set - (h_set - h_rel) * torch.exp(-torch.exp(beta * (self.log_t - log_tau)))


def recovery_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the recovered heights (percent of new / 10)."""
    return _mse(model, batch)


def pillow_recovery(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The recovery net on 8192 compression tests; held out: 2048 other tests in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(109501)
    x, y = _pl_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RecoveryNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": recovery_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. grout in tile joints: the joint's outcome (RAdam; long only)

GR_CLASSES = 4  # sound, shrinkage cracked, edge debonded, powdery
GR_SUBSTRATES = 3  # concrete slab, cement board, plywood


def _gr_joints(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Grouted joints inspected after a year: width 1.5-12 mm, water-to-powder ratio 0.16-0.30, sanded (60%) or
    unsanded, latex polymer 0-8% of the powder, tile size 10-120 cm (log-uniform), the substrate (concrete slab,
    cement board, plywood: moisture and deflection movement x0.3, x0.6, x1.5), the curing humidity 30-95%, the
    daily temperature swing 2-25 C. An Abrams-type surface strength 40 / 9^(w/c) MPa (w/c the water over the
    cement share of the powder: 0.55 sanded, 0.9 unsanded), weakened by fast drying at low humidity, helped by
    latex: powdery below 12 MPa. Drying shrinkage 350e-6 (w/c / 0.35)^1.5 (1 - RH^3), x1.6 unsanded and growing
    with the joint's width for unsanded grout, against a tensile strain capacity 200e-6 (1 + 0.25 latex %) (x1.2
    sanded): shrinkage cracked above it. The tiles' movement (thermal 7e-6 / C x swing x size, plus the
    substrate's) over the joint width against a bond strain 0.02 (1 + 0.3 latex %) (strength / 30)^0.3: edge
    debonded above it. 4-6% (log) scatter on each margin; the first failing check (powdery, debonded, cracked)
    decides. Constants invented. Returns (features (n, 11), classes)."""
    width = 1.5 + 10.5 * torch.rand(n, generator=gen)
    wp = 0.16 + 0.14 * torch.rand(n, generator=gen)
    sanded = (torch.rand(n, generator=gen) < 0.6).float()
    latex = 8 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.6).float()
    size = 10 * 12 ** torch.rand(n, generator=gen)  # cm
    sub = torch.randint(0, GR_SUBSTRATES, (n,), generator=gen)
    rh = 0.30 + 0.65 * torch.rand(n, generator=gen)
    swing = 2 + 23 * torch.rand(n, generator=gen)
    wc = wp / (0.55 * sanded + 0.9 * (1 - sanded))
    strength = 40 / 9 ** wc * (0.45 + 0.55 * rh**0.7) * (1 + 0.03 * latex)
    shrink = 350e-6 * (wc / 0.35) ** 1.5 * (1 - rh**3) * (1 + 0.6 * (1 - sanded) * (width / 3) ** 0.7)
    cap = 200e-6 * (1 + 0.25 * latex) * (1 + 0.2 * sanded)
    move = (7e-6 * swing * size * 10 + torch.tensor([0.02, 0.04, 0.10])[sub] * size / 30)  # mm
    bond = 0.02 * (1 + 0.3 * latex) * (strength / 30).clamp_min(0.1) ** 0.3
    noise = [torch.randn(n, generator=gen) for _ in range(3)]
    powdery = torch.log(strength / 12) + 0.05 * noise[0] < 0
    debond = torch.log(bond * width / move) + 0.06 * noise[1] < 0
    cracked = torch.log(cap / shrink) + 0.04 * noise[2] < 0
    y = torch.zeros(n, dtype=torch.long)
    y[cracked] = 1
    y[debond] = 2
    y[powdery] = 3
    x = torch.cat([torch.stack([(width - 6.75) / 3.0, (wp - 0.23) / 0.04, 2 * sanded - 1, (latex - 2.4) / 2.8,
                                (torch.log(size) - 3.55) / 0.72, (rh - 0.625) / 0.19, (swing - 13.5) / 6.6,
                                torch.log(size / width) - 2.5], 1),
                   F.one_hot(sub, GR_SUBSTRATES).float()], 1)
    return x, y


class JointNet(nn.Module):
    """A GELU MLP from the joint, the grout mix and the site to the four outcome logits."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, GR_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def joint_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the joint's outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def grout_joint(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The joint classifier on 8192 inspected joints; held out: 2048 other joints in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(109601)
    x, y = _gr_joints(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": JointNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": joint_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pasta_uptake_radam", pasta_uptake, 300, "pasta_boiling_fickian_water_uptake_al_dente_mlp", "radam", "finite",
      256, seconds=0.3, start_lr=0.512),
    W("mattress_pressure_radam", mattress_pressure, 300, "mattress_sleeper_interface_pressure_spine_winkler_mlp",
      "radam", "finite", 64, seconds=0.6, start_lr=0.128),
    W("cymbal_crash_nadam", cymbal_crash, 300, "cymbal_crash_octave_band_decay_gru", "nadam", "finite", 128,
      seconds=1.3, start_lr=0.032),
    W("trombone_slide_nadam", trombone_slide, 300, "trombone_slide_position_intonation_embedding_mlp", "nadam",
      "finite", 128, seconds=0.3, start_lr=0.032),
)
LONG = (
    W("pillow_recovery_radam@long", pillow_recovery, 3000, "pillow_foam_kww_recovery_greybox_net", "radam",
      "finite", 64, seconds=2.5, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("grout_joint_radam@long", grout_joint, 3000, "grout_tile_joint_failure_mode_mlp", "radam", "finite", 32,
      seconds=2.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("pasta_uptake_radam@long", pasta_uptake, 3000, "pasta_boiling_fickian_water_uptake_al_dente_mlp", "radam",
      "finite", 32, dict(train_size=8192, hidden=32), seconds=1.7, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="pasta_uptake_radam"),
    W("mattress_pressure_radam@long", mattress_pressure, 3000, "mattress_sleeper_interface_pressure_spine_winkler_mlp",
      "radam", "finite", 32, dict(train_size=8192, hidden=32, blocks=1), seconds=2.9, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="mattress_pressure_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam109_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninth exam's workloads")
