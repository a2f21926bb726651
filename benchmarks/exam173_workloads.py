"""The hundred-and-seventy-third exam: six more workload families that neither the suite nor exams 1-170 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam170_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from garden sprinklers and spray coverage, stud finders and wall density, paint
scrapers and paint lift, bath plugs and drain vortices, sitars and string buzz, and cowbells and ring decay (exams
171, 172 and 174 were built at the same time from other domains; their modules were not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam173/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- oscillating lawn sprinkler coverage map: a transposed-convolution decoder (2-D CNN) from the sprinkler's
  settings (pressure, the oscillation's arc and centre, the fan's width, the wind's speed and direction, the run
  time) to the 12 x 12 map of water depth caught on a 12 m x 12 m lawn; ballistic throw of a fan of jets from a
  rocking tube, the tube's sinusoidal rocking dwelling at the sweep's ends, wind drift of the finer drops growing
  with pressure; MSE of the standardised log depths; Adam (torch's defaults)
- stud finder wall scan: a dilated 1-D CNN labels each centimetre of a 128 cm capacitive scan of a plasterboard
  wall as no stud, stud (timber or steel) or a pipe / cable (not a stud); the sensor's reading is the wall's
  dielectric density profile (board density and moisture, joint compound at the board seams, screw heads, studs
  at 400 or 600 mm centres, pipes and cables) blurred by the plate's field, which spreads and weakens with the
  board's thickness, plus the hand's drift and noise; per-position cross-entropy; SGD with Nesterov momentum 0.9
- paint scraper lift depth: a small Pre-LN transformer (one block) over a painted board's layer stack (2-8 layers
  of oil, latex, lead-white, primer or milk paint, each with its thickness and age; the heat gun's surface
  temperature, the blade's angle and the substrate broadcast) picks the interface a scraper stroke delaminates
  at; the interface with the largest ratio of released strain energy (the push's bending energy in the film above it,
  softened above the paints' glass transitions) to its adhesion energy (by the pair of paints, age and heat), with
  Gumbel scatter; cross-entropy over the layers; AdamW (torch's defaults)
- bath plug drain vortex (a long plan only): a grey-box draining curve (Torricelli's outflow with a learned
  discharge coefficient, an air-core onset depth and a core's blockage from linear heads on the bath's
  features, closed form) from the tub's area, the fill depth, the waste's diameter, the swirl left in the water
  and the strainer (open, cross-bar, grid) to the depth at 12 times after the plug is pulled; the data from a
  finer simulation (angular-momentum conservation spinning the swirl up as the water drains, viscous spin-down,
  an air core once the depth falls below a swirl-set critical submergence, its blockage growing); MSE of h / h0;
  Adagrad (torch's defaults)
- sitar string buzz (a long plan only): a residual MLP with LayerNorm (Pre-LN blocks) over 16 frames of 8 log
  band energies of a plucked sitar string (flattened) estimates the jawari (the cotton thread's position under
  the string on the curved bridge) and the pluck's strength; the buzz's formant sweeping down the bands as the
  string's amplitude decays, its strength peaking at an open jawari, the harmonics' roll-off and decay; 2 dB frame
  noise; MSE; RMSprop (torch's defaults)
- cowbell ring decay: an embedding net (the bell model, the beater and the mount as embeddings, with the strike
  position, force and the player's grip, through a small tanh MLP) to the log T60 and the log level of the
  bell's first three modes; each bell model a hidden size, sheet gauge and brazing; modes from a plate-like law,
  decays from material loss, the grip's damping at the mode's antinodes and the mount's losses, levels from the
  beater's contact time; MSE of the standardised outputs; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the bath-plug and sitar
nets (no short plans), the stud-finder CNN on 4096 scans instead of 1024 (8 channels instead of 12, one dilated
layer instead of three, to keep its runs short) and the cowbell net on a catalogue of 120 bells and 8192 strikes
instead of 48 bells and 4096 strikes.

Of the eight plans, three use Adagrad (both cowbell plans, bath plug), two SGD with Nesterov momentum (both stud
finders), one Adam (sprinkler), one AdamW (paint scraper) and one RMSprop (sitar).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam173_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam173/README.md).

    python benchmarks/exam173_workloads.py          # the table
    python benchmarks/exam173_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 173"


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
# 1. oscillating lawn sprinkler coverage map (Adam)

SP_GRID = 12  # 12 x 12 cups, 1 m apart
SP_JETS = 9
SP_ANGLES = 48


def _sp_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Coverage tests of an oscillating sprinkler in the middle of a 12 m x 12 m lawn, 144 cups on a 1 m grid.
    Pressure 1.5-4 bar (jet speed 0.8 sqrt(2 P / rho), a third of it lost to drag in the throw; flow 6 sqrt(P / 2)
    l/min); the tube rocks sinusoidally between -A and A about its centre c (A 30-70 degrees, c -15-15), so the
    dwell at tube angle phi goes as 1 / sqrt(1 - ((phi - c) / A)^2) (the ends over-watered, capped); at angle phi
    the jets leave at elevation 90 - |phi| and land at the ballistic range v^2 sin(2 |phi|) / g along the throw,
    spread sideways by a fan of 9 jets (half-width 10-35 degrees); wind 0-5 m/s from any direction drifts each drop
    by wind x flight time x a drift share that grows with pressure (finer drops); the run 10-60 minutes. Depth in a
    cup from Gaussian splats (sigma 0.7 m) of the landing points; 6% cup-to-cup scatter. Returns (features (n, 8),
    log(depth + 0.5 mm) maps (n, 1, 12, 12))."""
    p = 1.5 + 2.5 * torch.rand(n, generator=gen)
    amp = 30 + 40 * torch.rand(n, generator=gen)
    ctr = -15 + 30 * torch.rand(n, generator=gen)
    fan = 10 + 25 * torch.rand(n, generator=gen)
    wind = 5 * torch.rand(n, generator=gen)
    wdir = 2 * math.pi * torch.rand(n, generator=gen)
    mins = 10 + 50 * torch.rand(n, generator=gen)
    v = 0.8 * torch.sqrt(2 * p * 1e5 / 1000) * 0.82
    flow = 6 * torch.sqrt(p / 2)  # l/min
    u = torch.linspace(-0.985, 0.985, SP_ANGLES).view(1, -1)
    phi = ctr.view(-1, 1) + amp.view(-1, 1) * u  # degrees, (n, A)
    dwell = 1 / torch.sqrt(1 - u**2)
    dwell = (dwell / dwell.sum()).expand(n, -1)
    rad = torch.deg2rad(phi.abs()).clamp(0.02, 1.5)
    rng = v.view(-1, 1) ** 2 * torch.sin(2 * rad) / 9.81  # (n, A)
    tof = 2 * v.view(-1, 1) * torch.cos(rad) / 9.81
    side = torch.sign(phi)
    alpha = torch.deg2rad(fan).view(-1, 1, 1) * torch.linspace(-1, 1, SP_JETS).view(1, 1, -1)
    along = (side * rng).unsqueeze(2) * torch.cos(alpha)  # throw direction (y)
    across = 0.25 * torch.linspace(-1, 1, SP_JETS).view(1, 1, -1) + rng.unsqueeze(2).abs() * torch.sin(alpha)
    drift = (0.15 + 0.08 * p).view(-1, 1, 1) * wind.view(-1, 1, 1) * tof.unsqueeze(2)
    xs = across + drift * torch.cos(wdir).view(-1, 1, 1)
    ys = along + drift * torch.sin(wdir).view(-1, 1, 1)
    w = (dwell.unsqueeze(2) / SP_JETS).expand(-1, -1, SP_JETS).reshape(n, -1)
    xs, ys = xs.reshape(n, -1), ys.reshape(n, -1)
    cups = torch.arange(SP_GRID).float() - (SP_GRID - 1) / 2
    kx = torch.exp(-0.5 * ((xs.unsqueeze(2) - cups) / 0.7) ** 2) / (0.7 * math.sqrt(2 * math.pi))
    ky = torch.exp(-0.5 * ((ys.unsqueeze(2) - cups) / 0.7) ** 2) / (0.7 * math.sqrt(2 * math.pi))
    dens = torch.einsum("np,npi,npj->nji", w, kx, ky)  # share of the water per m2 at each cup (row = y)
    depth = dens * (flow * mins).view(-1, 1, 1)  # litres per m2 = mm
    depth = depth * torch.exp(0.06 * torch.randn(depth.shape, generator=gen))
    x = torch.stack([(p - 2.75) / 0.72, (amp - 50) / 11.5, ctr / 8.7, (fan - 22.5) / 7.2, (wind - 2.5) / 1.44,
                     torch.cos(wdir) * wind / 2.5, torch.sin(wdir) * wind / 2.5, (mins - 35) / 14.4], 1)
    return x, torch.log(depth + 0.5).unsqueeze(1)


class CoverageDecoder(nn.Module):
    """A transposed-convolution decoder from the sprinkler's settings to the 12 x 12 coverage map."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.ch = ch
        self.fc = nn.Linear(8, ch * 3 * 3)
        self.up = nn.Sequential(nn.GELU(), nn.ConvTranspose2d(ch, ch, 4, 2, 1), nn.GELU(),
                                nn.ConvTranspose2d(ch, ch // 2, 4, 2, 1), nn.GELU(),
                                nn.Conv2d(ch // 2, 1, 3, padding=1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.up(self.fc(x).view(-1, self.ch, 3, 3))


def coverage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log depths over the 144 cups."""
    return _mse(model, batch)


def sprinkler_coverage(batch_size: int = 32, seed: int = 0, train_size: int = 1024, ch: int = 16) -> dict[str, Any]:
    """The coverage decoder on 1024 tests, log depths standardised (one mean and sd) over them; held out: 2048
    other tests in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(173101)
    x, y = _sp_tests(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CoverageDecoder(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": coverage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. stud finder wall scan (SGD with Nesterov momentum)

SF_LEN = 128  # 1 cm steps


def _sf_scans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Capacitive scans along 128 cm of plasterboard wall. The board 9.5-15 mm thick, density 0.6-0.85 g/cm3 and
    moisture 0-1 (raising its permittivity); studs at 400 or 600 mm centres from a random offset, timber (38 mm,
    a dielectric bump rising with its moisture) or steel (50 mm C-stud, a larger bump); a board seam on a stud
    (a strip of joint compound, denser) and screw heads on the studs; a pipe (15-22 mm, full of water: a strong
    narrow bump, 40% of scans) and a cable (6-10 mm, weak, 40%) between studs. The reading: the profile blurred by
    the plate's field (Gaussian, 12 mm + 1.5 x the board's thickness), the hidden objects weakened by
    exp(-thickness / 14 mm), the board's own level and a slow hand drift (a random quadratic), 2% noise; the
    finder calibrates on its first reading (subtracted). Labels per cm: 0 nothing, 1 stud, 2 pipe or cable.
    Returns (scans (n, 1, 128), labels (n, 128))."""
    pos = torch.arange(SF_LEN).float().view(1, -1)  # cm
    thick = 0.95 + 0.55 * torch.rand(n, 1, generator=gen)  # cm
    dens = 0.6 + 0.25 * torch.rand(n, 1, generator=gen)
    moist = torch.rand(n, 1, generator=gen)
    spacing = torch.where(torch.rand(n, 1, generator=gen) < 0.5, 40.0, 60.0)
    offset = spacing * torch.rand(n, 1, generator=gen)
    steel = (torch.rand(n, 1, generator=gen) < 0.3).float()
    width = 3.8 + 1.2 * steel
    k = torch.arange(-1, 5).float().view(1, 1, -1)
    centres = offset.unsqueeze(2) + spacing.unsqueeze(2) * k  # (n, 1, 6)
    d = (pos.unsqueeze(2) - centres).abs()  # (n, 128, 6)
    stud = (d < width.unsqueeze(2) / 2).float().amax(2)
    wood_moist = torch.rand(n, 1, generator=gen)
    stud_eps = torch.where(steel > 0, torch.full_like(steel, 2.5), 0.8 + 0.8 * wood_moist)
    screws = ((d < 0.5).float() * (((pos.unsqueeze(2) % 20) < 1).float())).amax(2) * 0.6
    seam_at = centres[:, :, 1:2] + spacing.unsqueeze(2) * torch.randint(0, 2, (n, 1, 1), generator=gen)
    seam = ((pos.unsqueeze(2) - seam_at).abs() < 5).float().squeeze(2) * 0.25 * dens
    between = centres[:, :, 1] + spacing * (0.3 + 0.4 * torch.rand(n, 1, generator=gen))
    has_pipe = (torch.rand(n, 1, generator=gen) < 0.4).float()
    pipe_w = 1.5 + 0.7 * torch.rand(n, 1, generator=gen)
    pipe = ((pos - between).abs() < pipe_w / 2).float() * has_pipe
    cable_at = centres[:, :, 2] + spacing * (0.2 + 0.6 * torch.rand(n, 1, generator=gen))
    has_cable = (torch.rand(n, 1, generator=gen) < 0.4).float()
    cable = ((pos - cable_at).abs() < 0.4).float() * has_cable * (1 - pipe)
    hidden = stud * stud_eps + pipe * 3.0 + cable * 0.6
    hidden = hidden * torch.exp(-thick / 1.4)
    board = (dens - 0.6) * 2 + 0.6 * moist + seam + screws * torch.exp(-thick / 3)
    profile = hidden + board
    sig = 1.2 + 1.5 * thick  # cm
    ker_x = torch.arange(-12, 13).float()
    ker = torch.exp(-0.5 * (ker_x.view(1, -1) / sig) ** 2)
    ker = ker / ker.sum(1, keepdim=True)
    padded = F.pad(profile.unsqueeze(0), (12, 12), mode="replicate").squeeze(0)
    reading = (padded.unfold(1, 25, 1) * ker.unsqueeze(1)).sum(2)
    t = pos / SF_LEN
    drift = (0.3 * torch.randn(n, 1, generator=gen) * t + 0.2 * torch.randn(n, 1, generator=gen) * t**2)
    reading = reading + drift + 0.02 * torch.randn(n, SF_LEN, generator=gen)
    reading = (reading - reading[:, :1]) * 4
    y = torch.zeros(n, SF_LEN, dtype=torch.long)
    y[stud > 0] = 1
    y[(pipe + cable) > 0] = 2
    return reading.unsqueeze(1), y


class ScanCNN(nn.Module):
    """A dilated 1-D CNN (no normalisation) labelling each centimetre of the scan."""

    def __init__(self, ch: int = 12, dilations: tuple[int, ...] = (2, 4, 8)) -> None:
        super().__init__()
        layers: list[nn.Module] = [nn.Conv1d(1, ch, 5, padding=2), nn.ReLU()]
        for dil in dilations:
            layers += [nn.Conv1d(ch, ch, 3, padding=dil, dilation=dil), nn.ReLU()]
        layers.append(nn.Conv1d(ch, 3, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def scan_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the per-centimetre labels."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def stud_finder(batch_size: int = 32, seed: int = 0, train_size: int = 1024, ch: int = 12,
                dilations: tuple[int, ...] = (2, 4, 8)) -> dict[str, Any]:
    """The scan CNN on 1024 scans; held out: 2048 other scans in batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(173102)
    x, y = _sf_scans(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ScanCNN(ch, dilations), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": scan_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. paint scraper lift depth (AdamW)

PS_TYPES = 5  # oil / alkyd, latex, lead-white oil, primer, milk paint
PS_MAX = 8
PS_FEAT = PS_TYPES + 2 + 7  # type, log thickness, age; heat, blade angle, substrate (3), position, 1


def _ps_boards(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Old painted boards scraped once. 2-8 layers (substrate first), each a paint type (oil / alkyd, latex,
    lead-white oil, primer, milk paint: moduli 2.0, 0.3, 3.0, 1.5, 4.0 GPa, glass transitions 50, 10, 60, 40, 90 C),
    a thickness 20-120 um and an age (older layers lower); the substrate (softwood, plaster, steel), the heat gun's
    surface temperature 20-300 C, the blade angle 20-70 degrees. At interface i (below layer i) the push releases
    G_i = F^2 / (2 E_eff h_above) (the film above it bent off as a plate; F rising with the blade's angle; E_eff the
    thickness-weighted modulus above, softened by exp(-(T - Tg) / 25) above each paint's glass transition), the
    adhesion energy Gamma_i by the pair of paints (latex on oil or on lead-white poor, primer good, milk paint
    chalky on anything), the substrate, age (embrittled oil loses adhesion) and heat (softened oil loses it
    faster). The lift is at the interface with the largest log(G_i / Gamma_i) + Gumbel scatter (scale 0.05).
    Returns (layer tokens (n, 8, 13), mask (n, 8) of real layers, the failing interface (n,))."""
    layers = torch.randint(2, PS_MAX + 1, (n,), generator=gen)
    idx = torch.arange(PS_MAX).view(1, -1)
    mask = idx < layers.view(-1, 1)
    typ = torch.randint(0, PS_TYPES, (n, PS_MAX), generator=gen)
    modern = idx.float() / PS_MAX  # newer layers higher
    latex_p = 0.15 + 0.5 * modern
    typ = torch.where(torch.rand(n, PS_MAX, generator=gen) < latex_p, torch.ones_like(typ), typ)
    thick = 20 + 100 * torch.rand(n, PS_MAX, generator=gen)
    age = ((layers.view(-1, 1) - idx).float() * (4 + 8 * torch.rand(n, PS_MAX, generator=gen))).clamp_min(1)
    sub = torch.randint(0, 3, (n,), generator=gen)
    temp = 20 + 280 * torch.rand(n, generator=gen)
    angle = 20 + 50 * torch.rand(n, generator=gen)
    mod = torch.tensor([2.0, 0.3, 3.0, 1.5, 4.0])[typ]
    tg = torch.tensor([50.0, 10.0, 60.0, 40.0, 90.0])[typ]
    soft = torch.exp(-torch.relu(temp.view(-1, 1) - tg) / 25)
    e_eff = mod * soft * mask
    h = thick * mask
    h_above = h.flip(1).cumsum(1).flip(1)  # thickness of layer i and everything above it
    e_above = (e_eff * h).flip(1).cumsum(1).flip(1) / h_above.clamp_min(1)
    force = 1 + 2 * torch.sin(torch.deg2rad(angle)).view(-1, 1)
    g_rel = force**2 / (2 * e_above.clamp_min(1e-3) * h_above.clamp_min(1) / 100)
    # adhesion of layer i on what is below it (the substrate for i = 0)
    below = torch.cat([torch.full((n, 1), -1, dtype=torch.long), typ[:, :-1]], 1)
    pair = torch.tensor([
        # below: oil, latex, lead, primer, milk (rows: the upper layer's type)
        [1.0, 0.8, 1.1, 1.3, 0.5],
        [0.35, 0.9, 0.3, 1.2, 0.4],
        [1.1, 0.7, 1.2, 1.3, 0.5],
        [1.0, 0.9, 1.0, 1.0, 0.6],
        [0.6, 0.5, 0.6, 0.9, 0.8]])
    on_sub = torch.tensor([[1.4, 0.8, 0.6], [0.9, 1.0, 0.5], [1.4, 0.8, 0.7], [1.6, 1.4, 1.5], [1.0, 1.2, 0.3]])
    gam = torch.where(below >= 0, pair[typ, below.clamp_min(0)], on_sub[typ, sub.view(-1, 1).expand(-1, PS_MAX)])
    oily = ((typ == 0) | (typ == 2)).float()
    gam = gam * torch.exp(-0.012 * age * oily) * torch.exp(-oily * torch.relu(temp.view(-1, 1) - 80) / 120)
    gumbel = -torch.log(-torch.log(torch.rand(n, PS_MAX, generator=gen).clamp(1e-6, 1 - 1e-6)))
    score = torch.log(g_rel / gam) + 0.05 * gumbel
    score = score.masked_fill(~mask, -1e9)
    y = score.argmax(1)
    glob = torch.stack([(temp - 160) / 81, (angle - 45) / 14.4], 1)
    tokens = torch.cat([F.one_hot(typ, PS_TYPES).float(), ((torch.log(thick) - 4.1) / 0.5).unsqueeze(2),
                        ((torch.log(age) - 3.0) / 0.9).unsqueeze(2),
                        glob.unsqueeze(1).expand(-1, PS_MAX, -1),
                        F.one_hot(sub, 3).float().unsqueeze(1).expand(-1, PS_MAX, -1),
                        (idx.float() / PS_MAX).unsqueeze(2).expand(n, -1, -1),
                        mask.float().unsqueeze(2) * 0 + 1], 2)
    tokens = tokens * mask.unsqueeze(2)
    return tokens, mask, y


class LayerStackTransformer(nn.Module):
    """A small Pre-LN transformer encoder over the paint layers; one logit per layer (the interface below it)."""

    def __init__(self, d: int = 32, layers: int = 1, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(PS_FEAT, d)
        block = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(block, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, tokens: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.encoder(self.embed(tokens), src_key_padding_mask=~mask)
        return self.head(self.norm(h)).squeeze(2).masked_fill(~mask, -1e4)


def lift_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the failing interface over the board's real layers."""
    tokens, mask, y = batch
    return F.cross_entropy(model(tokens, mask), y)


def paint_scraper(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32) -> dict[str, Any]:
    """The layer-stack transformer on 2048 scraped boards; held out: 2048 other boards in batches of 1024; AdamW."""
    gen = torch.Generator().manual_seed(173103)
    tokens, mask, y = _ps_boards(train_size + 2048, gen)
    tr = (tokens[:train_size], mask[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LayerStackTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tokens[train_size:], mask[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": lift_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. bath plug drain vortex (Adagrad; long only)

BP_TIMES = 12
BP_STRAINERS = 3  # open, cross-bar, grid


def _bp_drains(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Baths drained by pulling the plug. Tub area 0.5-0.9 m2, fill 0.10-0.35 m, waste diameter 32-50 mm, the swirl
    left in the water (circulation Gamma 0-0.03 m2/s at the waste's radius of influence), the strainer (open,
    cross-bar, grid: discharge coefficients 0.62, 0.55, 0.48; a cross-bar also breaks the swirl). Simulated in 400
    steps: Torricelli outflow Cd a sqrt(2 g h); the swirl spun up as the water drains (angular momentum kept, Gamma
    rising as h0 / h to the power 0.3) and spun down by viscosity and the tub's floor; an air core once the depth
    falls below a critical submergence h_c = 0.9 Gamma^2 / (g d^2) (capped at 0.6 h0), blocking a share of the
    waste that grows to 45% as h / h_c falls; the discharge falls by up to 15% at low heads (entry losses). Depths
    read at 12 times, t_k = k / 12 x 1.3 T_nom (T_nom the Torricelli time with Cd 0.6), as h / h0 with 0.1% scatter
    (a pressure gauge). Returns (features (n, 7), h / h0 (n, 12))."""
    area = 0.5 + 0.4 * torch.rand(n, generator=gen)
    h0 = 0.10 + 0.25 * torch.rand(n, generator=gen)
    dia = 0.032 + 0.018 * torch.rand(n, generator=gen)
    gam0 = 0.03 * torch.rand(n, generator=gen) ** 1.5
    strainer = torch.randint(0, BP_STRAINERS, (n,), generator=gen)
    cd = torch.tensor([0.62, 0.55, 0.48])[strainer]
    breaks = torch.tensor([1.0, 0.5, 0.8])[strainer]
    a = math.pi * dia**2 / 4
    g = 9.81
    t_nom = area / (0.6 * a) * torch.sqrt(2 * h0 / g)
    t_end = 1.3 * t_nom
    steps = 400
    dt = t_end / steps
    h = h0.clone()
    gam = gam0 * breaks
    read_every = steps // BP_TIMES
    out = []
    for s in range(1, steps + 1):
        hc = (0.9 * gam**2 / (g * dia**2)).clamp(max=0.6 * h0)
        block = 0.45 * (1 - torch.exp(-0.7 * torch.relu(hc / h.clamp_min(1e-4) - 1)))
        entry = 1 - 0.15 * torch.exp(-h / 0.03)  # the vena contracta's loss at low heads
        q = cd * entry * a * (1 - block) * torch.sqrt(2 * g * h.clamp_min(0))
        h_new = (h - dt * q / area).clamp_min(0)
        gam = gam * (h / h_new.clamp_min(1e-4)).clamp(max=1.5) ** 0.3 * torch.exp(-dt / 40)
        h = h_new
        if s % read_every == 0:
            out.append(h / h0)
    y = torch.stack(out, 1) + 0.001 * torch.randn(n, BP_TIMES, generator=gen)
    x = torch.cat([torch.stack([(area - 0.7) / 0.115, (h0 - 0.225) / 0.072, (dia - 0.041) / 0.0052,
                                gam0 / 0.01 - 1], 1), F.one_hot(strainer, BP_STRAINERS).float()], 1)
    return x, y


class DrainGreyBox(nn.Module):
    """Torricelli's draining curve in closed form, two phases: before and after the air core. Linear heads on the
    bath's features give the log discharge coefficient (relative to the 0.6 the read-out times assume), the core's
    onset depth (a share of h0, through a sigmoid) and the core's blockage (through a sigmoid)."""

    def __init__(self) -> None:
        super().__init__()
        self.cd = nn.Linear(7, 1)
        self.onset = nn.Linear(7, 1)
        self.block = nn.Linear(7, 1)
        self.register_buffer("t", torch.arange(1, BP_TIMES + 1).float() / BP_TIMES * 1.3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # in units of the Torricelli time with Cd 0.6: sqrt(h / h0) falls at a rate 1 / 1 (= 1 at Cd 0.6)
        rate = torch.exp(self.cd(x))  # Cd / 0.6 (its log from a linear head)
        s_c = torch.sigmoid(self.onset(x))  # sqrt(h_c / h0)
        slow = 1 - 0.7 * torch.sigmoid(self.block(x))  # the core's share of the outflow kept
        t1 = (1 - s_c) / rate  # time the core forms
        before = 1 - rate * self.t
        after = s_c - rate * slow * (self.t - t1)
        root = torch.where(self.t < t1, before, after).clamp_min(0)
        return root**2


def drain_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of h / h0 at the 12 read-out times (x 10)."""
    x, y = batch
    return 10 * F.mse_loss(model(x), y)


def bath_plug(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The draining grey-box on 4096 draining curves; held out: 2048 other baths in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(173104)
    x, y = _bp_drains(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DrainGreyBox(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": drain_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. sitar string buzz (RMSprop; long only)

ST_FRAMES = 16
ST_BANDS = 8


def _st_plucks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Plucks of a sitar's main string, 16 frames (50 ms) of 8 octave-ish band energies (dB / 20). The jawari (the
    thread's position p 0-1: 0 closed, 1 far open) sets the buzz: its strength peaks near p = 0.6 (a bell in p),
    its formant's centre band c(t) = 1.5 + 4 p + 1.2 log10 of the string's amplitude relative to the pluck (so the
    formant sweeps down the bands as the string decays); the pluck's strength (mizrab, 0-1) sets the start level
    and the buzz's reach; the string rings with a decay time 0.6-1.4 s (longer when closed), the higher bands
    decaying faster; harmonic roll-off 1.5-3 dB a band by the string; 2 dB frame noise. Targets: p and the pluck's
    strength (standardised). Returns (frames (n, 16, 8), targets (n, 2))."""
    p = torch.rand(n, 1, generator=gen)
    pluck = torch.rand(n, 1, generator=gen)
    tau = (0.6 + 0.5 * torch.rand(n, 1, generator=gen)) * (1.3 - 0.4 * p)
    roll = 1.5 + 1.5 * torch.rand(n, 1, generator=gen)
    t = (torch.arange(ST_FRAMES).float() * 0.05).view(1, -1, 1)
    band = torch.arange(ST_BANDS).float().view(1, 1, -1)
    amp_db = -8.686 * t / tau.unsqueeze(2) * (1 + 0.15 * band)  # each band's decay (dB)
    strength = 18 * torch.exp(-((p - 0.6) / 0.3) ** 2) * (0.5 + pluck)
    level = -8.686 * t / tau.unsqueeze(2)  # the fundamental's level (dB)
    centre = 1.5 + 4 * p.unsqueeze(2) + 1.2 * (level / 20) + 1.5 * pluck.unsqueeze(2)
    formant = strength.unsqueeze(2) * torch.exp(-0.5 * ((band - centre) / 0.9) ** 2) * (1 - t / 1.2)
    e = 20 * (0.4 + pluck.unsqueeze(2)) + amp_db - roll.unsqueeze(2) * band * 3 + formant
    e = e + 2.0 * torch.randn(e.shape, generator=gen)
    y = torch.cat([(p - 0.5) / 0.29, (pluck - 0.5) / 0.29], 1)
    return e / 20, y


class BuzzResMLP(nn.Module):
    """A residual MLP with LayerNorm (Pre-LN blocks) over the flattened frames, to the jawari and the pluck."""

    def __init__(self, hidden: int = 48, blocks: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(ST_FRAMES * ST_BANDS, hidden)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 2 * hidden), nn.GELU(),
                                                  nn.Linear(2 * hidden, hidden)) for _ in range(blocks))
        self.norm = nn.LayerNorm(hidden)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x.flatten(1))
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def buzz_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised jawari position and pluck strength."""
    return _mse(model, batch)


def sitar_buzz(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The buzz residual MLP on 4096 plucks; held out: 2048 other plucks in batches of 1024; RMSprop (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(173105)
    x, y = _st_plucks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BuzzResMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": buzz_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cowbell ring decay (Adagrad)

CB_BEATERS = 8
CB_MOUNTS = 3  # hand-held, clamped on a kit, strapped on a cow


def _cb_strikes(n: int, bells: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Strikes of cowbells from a catalogue of ``bells`` models, each with a hidden mouth length 8-25 cm, sheet
    gauge 0.8-2 mm, brazing (0 bare steel, 1 copper-brazed: more damping) and a seam quality. The modes f_m =
    k_m 2500 h / L^2 (k 1, 2.3, 3.9; kHz, h in mm, L in cm), their loss factors from the material (0.0008-0.004 by
    the brazing and seam), the grip's damping at each mode's antinode (the grip 0-1 against the strike's position
    0-1 from the mouth: mode m's antinode at (m - 0.5) / 3) and the mount (hand 1.0, clamp 0.4, strap 0.7, relative
    to the grip); T60 = 2.2 / (f eta) (s). Levels: 20 log10(force) minus the beater's filter on f_m (contact time
    0.1-2 ms by the beater: stick tip, stick shoulder, rubber mallet, felt, clapper iron, clapper wood, brush,
    hand), plus the mode's shape at the strike point. 8% scatter on the T60s, 1.5 dB on the levels. Returns
    (features (n, 6): bell id, beater id, mount id, position, log force, grip; targets (n, 6): log T60 and level /
    10 of three modes)."""
    length = 8 + 17 * torch.rand(bells, generator=gen)
    gauge = 0.8 + 1.2 * torch.rand(bells, generator=gen)
    brazed = (torch.rand(bells, generator=gen) < 0.5).float()
    seam = torch.rand(bells, generator=gen)
    contact = torch.tensor([0.1, 0.25, 0.8, 1.5, 0.2, 0.5, 2.0, 1.2]) * 1e-3
    bell = torch.randint(0, bells, (n,), generator=gen)
    beat = torch.randint(0, CB_BEATERS, (n,), generator=gen)
    mount = torch.randint(0, CB_MOUNTS, (n,), generator=gen)
    pos = torch.rand(n, generator=gen)
    force = 10 ** (0.5 + 1.0 * torch.rand(n, generator=gen))
    grip = torch.rand(n, generator=gen)
    km = torch.tensor([1.0, 2.3, 3.9]).view(1, -1)
    f = km * 2500 * gauge[bell].view(-1, 1) / length[bell].view(-1, 1) ** 2 * 1000  # Hz
    anti = (torch.arange(3).float().view(1, -1) + 0.5) / 3
    shape = torch.cos(math.pi * (pos.view(-1, 1) - anti)) ** 2
    grip_at = torch.tensor([1.0, 0.4, 0.7])[mount].view(-1, 1) * grip.view(-1, 1) * (0.3 + shape)
    eta = (0.0008 + 0.002 * brazed[bell] + 0.0012 * seam[bell]).view(-1, 1) + 0.004 * grip_at * km**-0.5
    t60 = 2.2 / (f * eta) * torch.exp(0.08 * torch.randn(n, 3, generator=gen))
    filt = -10 * torch.log10(1 + (2 * math.pi * f * contact[beat].view(-1, 1)) ** 2)
    level = 20 * torch.log10(force).view(-1, 1) + filt + 10 * torch.log10(0.1 + shape)
    level = level + 1.5 * torch.randn(n, 3, generator=gen)
    x = torch.stack([bell.float(), beat.float(), mount.float(), (pos - 0.5) / 0.29, torch.log10(force) - 1,
                     (grip - 0.5) / 0.29], 1)
    return x, torch.cat([torch.log(t60), level / 10], 1)


class BellEmbeddingNet(nn.Module):
    """Embeddings of the bell model, the beater and the mount, with the strike's numbers, through a small tanh
    MLP."""

    def __init__(self, bells: int, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.bell = nn.Embedding(bells, dim)
        self.beater = nn.Embedding(CB_BEATERS, 4)
        self.mount = nn.Embedding(CB_MOUNTS, 2)
        self.net = nn.Sequential(nn.Linear(dim + 6 + 3, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        ids = x[:, :3].long()
        z = torch.cat([self.bell(ids[:, 0]), self.beater(ids[:, 1]), self.mount(ids[:, 2]), x[:, 3:]], 1)
        return self.net(z)


def ring_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log T60s and levels."""
    return _mse(model, batch)


def cowbell_ring(batch_size: int = 32, seed: int = 0, train_size: int = 4096, bells: int = 48,
                 hidden: int = 32) -> dict[str, Any]:
    """The bell embedding net on 4096 strikes of 48 bell models, targets standardised over them; held out: 2048
    other strikes of the same bells in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(173106)
    x, y = _cb_strikes(train_size + 2048, bells, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BellEmbeddingNet(bells, hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": ring_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sprinkler_coverage_adam", sprinkler_coverage, 300, "oscillating_sprinkler_wind_coverage_map_deconv_cnn2d",
      "adam", "finite", 16, seconds=1.0, start_lr=0.032),
    W("stud_finder_nesterov", stud_finder, 300, "stud_finder_capacitive_wall_scan_segmentation_cnn1d",
      "sgd_nesterov0.9", "finite", 16, seconds=1.0, start_lr=0.4),
    W("paint_scraper_adamw", paint_scraper, 300, "paint_scraper_layer_stack_lift_interface_preln_transformer",
      "adamw", "finite", 32, seconds=1.0, start_lr=0.008),
    W("cowbell_ring_adagrad", cowbell_ring, 300, "cowbell_mode_t60_level_embedding_net", "adagrad", "finite", 64,
      seconds=0.5, start_lr=0.128),
)
LONG = (
    W("bath_plug_adagrad@long", bath_plug, 3000, "bath_plug_drain_vortex_air_core_torricelli_greybox", "adagrad",
      "finite", 32, seconds=3.5, start_lr=1.024, grid_fractions=(0.0, 0.05)),
    W("sitar_buzz_rmsprop@long", sitar_buzz, 3000, "sitar_jawari_buzz_formant_sweep_resmlp_ln", "rmsprop", "finite",
      32, seconds=3.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("stud_finder_nesterov@long", stud_finder, 3000, "stud_finder_capacitive_wall_scan_segmentation_cnn1d",
      "sgd_nesterov0.9", "finite", 16, dict(train_size=4096, ch=8, dilations=(4,)), seconds=4.0, start_lr=0.8,
      grid_fractions=(0.0, 0.05), long_of="stud_finder_nesterov"),
    W("cowbell_ring_adagrad@long", cowbell_ring, 3000, "cowbell_mode_t60_level_embedding_net", "adagrad", "finite",
      32, dict(train_size=8192, bells=120), seconds=2.0, start_lr=0.256, grid_fractions=(0.0, 0.05),
      long_of="cowbell_ring_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam173_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-third exam's workloads")
