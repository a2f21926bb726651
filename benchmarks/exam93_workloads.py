"""The ninety-third exam: six more workload families that neither the suite nor exams 1-90 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam90_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from kombucha and fermentation,
snorkels and breathing resistance, rope bridges and sway, ukuleles and string intonation, sand dunes and migration,
and ant colonies and foraging trails (exams 91, 92 and 94 were built at the same time from other domains; their
modules were not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam93/README.md``. Every model's source and every field convention below is the author's
memory, not checked against public code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- kombucha batch endpoints: an ANN (a SiLU MLP, as in the response-surface / ANN papers on kombucha and other
  tea fermentations, from memory) from the brew's recipe and conditions (sucrose, tea, temperature, starter share,
  the vessel's surface-to-volume ratio) to pH, titratable acidity, ethanol and residual sugar at five
  sampling days; the batches from a kinetic simulation of the SCOBY's yeast (invertase, ethanol) and acetic-acid
  bacteria (acetic and gluconic acid, oxygen-limited by the surface); measurement noise; MSE of standardised
  targets; NAdam (torch's defaults)
- snorkel breathing resistance, a grey-box net: an MLP from the snorkel's geometry (bore, length, bends, purge
  valve, dry-top valve, mouthpiece) to the two constants of Rohrer's (1915) equation dP = K1 V + K2 V^2, for
  inhalation and exhalation apart (and a purge valve's offset on exhalation), evaluated at 12 flows; the pressure
  drops from pipe-flow physics (Hagen-Poiseuille and Blasius friction, bend, valve and mouthpiece losses); MSE of
  log(dP + 0.1 cmH2O); RAdam (torch's defaults)
- ukulele fretted intonation: a SiLU MLP from the instrument's setup (scale length, string, material, tension,
  action at the nut and the 12th fret, fret height, saddle compensation) to the fretted notes' deviation in cents
  at frets 1-12; the deviations from Byers' (1996) compensation model (length error, string stretch when fretted,
  bending stiffness); a strobe tuner's scatter; MSE in cents / 5; NAdam (torch's defaults)
- ant foraging trails on Deneubourg's double bridge: a GRU reads the first 10 minutes of the counts on the two
  branches (and the branch lengths) and forecasts the share on branch A in four 5-minute windows of minutes 11-30;
  the experiments from Deneubourg et al.'s (1990) choice function P_A = (k + A)^n / ((k + A)^n + (k + B)^n) with
  pheromone laid on both trips (the short branch reinforced sooner, as Goss et al. 1989) and evaporating; MSE of the
  share; RAdam
- rope footbridge lateral sway (a long plan only): a tanh MLP from the bridge and crowd (span, sag, deck mass,
  damping, crowd size, walking rate) to the log lateral frequency and log RMS lateral acceleration; the response
  from a cable-pendulum lateral mode, random-phase pedestrian forces and Dallard et al.'s (2001) lock-in (negative
  damping above a critical crowd); MSE; SGD with Nesterov momentum 0.9
- transverse dune migration (a long plan only): a 1-d CNN (circular padding) from a dune's height profile and the
  wind's shear velocity to its height change over a storm; the profiles from Kroy, Sauermann & Herrmann's (2002)
  minimal model (Jackson-Hunt shear perturbation, a saturated flux growing as tau^(3/2) above the threshold, the
  saturation length, the Exner equation, avalanches at the angle of repose); MSE of the change; Adam (torch's
  defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the footbridge and the
dune CNN (no short plans), the snorkel net on 4096 snorkels instead of 768 and the kombucha ANN on 4096 batches
instead of 384.

Of the eight plans, three use NAdam (both kombucha plans, ukulele), three RAdam (both snorkel plans, ants), one SGD
with Nesterov momentum (footbridge) and one Adam (dunes).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam93_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam93/README.md).

    python benchmarks/exam93_workloads.py          # the table
    python benchmarks/exam93_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 93"


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's output on the batch's last tensor."""
    *inputs, y = batch
    return F.mse_loss(model(*inputs), y)


# --------------------------------------------------------------------------------------------------------------
# 1. kombucha batch endpoints: pH, acidity, ethanol and sugar at five sampling days (NAdam)

KB_DAYS = (3, 5, 7, 10, 14)


def _kb_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Kombucha batches: sucrose 50-100 g/L, tea 1.5-6 g/L (its nitrogen speeds both populations), temperature
    20-32 C, starter (last batch's liquid) 5-20% of the volume (its acid and inoculum), surface-to-volume ratio
    0.2-1.0 /cm (oxygen for the acetic-acid bacteria). A kinetic simulation in 0.1-day steps: the yeast's invertase
    splits the sucrose; the yeast grows on the hexoses and makes ethanol (inhibited by ethanol and acid); the
    bacteria grow on the ethanol, oxidise it to acetic acid and the glucose to gluconic acid, limited by the
    oxygen through the surface; rates Arrhenius-like in temperature (Q10 about 2) and batch-to-batch 3% lognormal
    in the cultures. The pH from the two acids' dissociation over the tea's buffer. Measurements: pH +-0.01,
    titratable acidity 1%, ethanol 2% + 0.02 g/L, sugar 1% + 0.1 g/L. Returns (scaled recipe (n, 5), the 20
    targets (pH, TA g/L, ethanol g/L, sugar g/L at days 3, 5, 7, 10, 14), unscaled)."""
    sucrose = 50 + 50 * torch.rand(n, generator=gen)
    tea = 1.5 + 4.5 * torch.rand(n, generator=gen)
    temp = 20 + 12 * torch.rand(n, generator=gen)
    starter = 0.05 + 0.15 * torch.rand(n, generator=gen)
    sv = 0.2 + 0.8 * torch.rand(n, generator=gen)
    q10 = 2.0 ** ((temp - 25) / 10)
    nut = (tea / (tea + 2.0)) / 0.6
    var = torch.exp(0.03 * torch.randn(n, 4, generator=gen))
    s, hexo, eth = sucrose * (1 - starter), 2.0 * starter + torch.zeros(n), 0.3 * starter
    acet, glc = 60 * starter * 0.5, 60 * starter * 0.2
    xy, xb = 2.0 * starter, 1.5 * starter
    dt, out, day = 0.1, [], 0.0
    for step in range(1, 141):
        acid_inh = 1 / (1 + ((acet + glc) / 12) ** 2)
        inv = 3.0 * q10 * var[:, 0] * xy * s / (s + 10)
        gy = 0.9 * q10 * nut * var[:, 1] * hexo / (hexo + 5) / (1 + eth / 8) * acid_inh * xy * (1 - xy / 4)
        ferm = 2.2 * q10 * var[:, 1] * hexo / (hexo + 5) / (1 + eth / 12) * acid_inh * xy
        ox = sv / (sv + 0.4)
        gb = 0.8 * q10 * nut * var[:, 2] * eth / (eth + 0.5) * ox * xb * (1 - xb / 3)
        aa = 2.5 * q10 * var[:, 2] * eth / (eth + 0.5) * ox * xb
        ga = 0.9 * q10 * var[:, 3] * hexo / (hexo + 15) * ox * xb
        s = (s - dt * inv).clamp_min(0)
        hexo = (hexo + dt * (1.05 * inv - 2.0 * ferm - 0.5 * gy - ga)).clamp_min(0)
        eth = (eth + dt * (ferm - aa - 0.2 * gb)).clamp_min(0)
        acet, glc = acet + dt * 1.3 * aa, glc + dt * 1.1 * ga
        xy, xb = xy + dt * gy, xb + dt * gb
        day = step * dt
        if any(abs(day - d) < 1e-6 for d in KB_DAYS):
            ca, cg = acet / 60.05, glc / 196.16  # mol/L
            h = (1.75e-5 * ca + 1.4e-4 * cg).sqrt() / (1 + 0.02 * tea) + 1e-6
            ph = -torch.log10(h)
            ta = acet + glc * 60.05 / 196.16
            out.append(torch.stack([ph, ta, eth, s + hexo], 1))
    y = torch.stack(out, 1)  # n, 5 days, 4
    noise = torch.randn(y.shape, generator=gen)
    y = torch.stack([y[..., 0] + 0.01 * noise[..., 0], y[..., 1] * (1 + 0.01 * noise[..., 1]),
                     y[..., 2] * (1 + 0.02 * noise[..., 2]) + 0.02 * noise[..., 2].abs(),
                     y[..., 3] * (1 + 0.01 * noise[..., 3]) + 0.1 * noise[..., 3]], 2)
    x = torch.stack([(sucrose - 75) / 14.4, (tea - 3.75) / 1.3, (temp - 26) / 3.46, (starter - 0.125) / 0.043,
                     (sv - 0.6) / 0.23], 1)
    return x, y.reshape(n, -1)


class KombuchaANN(nn.Module):
    """The fermentation ANN: the 5 recipe inputs through two SiLU layers to the 20 standardised endpoints."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 4 * len(KB_DAYS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def kombucha(batch_size: int = 16, seed: int = 0, train_size: int = 384, hidden: int = 64) -> dict[str, Any]:
    """The kombucha ANN on 384 simulated batches, targets standardised over them; held out: 1024 other batches in
    batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(93101)
    x, y = _kb_batches(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KombuchaANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. snorkel breathing resistance, a grey-box net around Rohrer's equation (RAdam)

SN_FLOWS = torch.tensor([0.25, 0.5, 0.75, 1.0, 1.5, 2.0])  # L/s, inhaled and exhaled


def _sn_snorkels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Snorkels: bore 15-25 mm, tube length 30-48 cm, 0-2 bends (a J or a flexible corrugated section, whose friction is
    1.75x), a purge valve (opens on exhalation above its 0.3 cmH2O cracking pressure, adds 60% area), a dry-top valve
    (none, splash guard, float valve: inhalation losses), a mouthpiece throat of 10-16 mm. Pressure drop at flows 0.25-2
    L/s each way (air at 20 C): Hagen-Poiseuille below Re 2300, Blasius (0.316 Re^-0.25) above, the bends' and valves'
    and the mouthpiece's contraction K rho v^2 / 2, and an open purge valve's cracking pressure. Bench noise 1% and
    0.005 cmH2O. Returns (scaled geometry (n, 8), log(dP + 0.1 cmH2O) (n, 12): inhalation then exhalation, the bench's
    log scale that keeps the narrow and the wide snorkels comparable)."""
    d = 0.015 + 0.010 * torch.rand(n, generator=gen)
    length = 0.30 + 0.18 * torch.rand(n, generator=gen)
    bends = torch.randint(0, 3, (n,), generator=gen).float()
    flexible = (torch.rand(n, generator=gen) < 0.4).float()
    purge = (torch.rand(n, generator=gen) < 0.5).float()
    top = torch.randint(0, 3, (n,), generator=gen)
    throat = 0.010 + 0.006 * torch.rand(n, generator=gen)
    rho, mu = 1.2, 1.81e-5
    q = SN_FLOWS.view(1, -1) * 1e-3
    area = math.pi * d.view(-1, 1) ** 2 / 4
    v = q / area
    re = rho * v * d.view(-1, 1) / mu
    f = torch.where(re < 2300, 64 / re, 0.316 * re.pow(-0.25)) * (1 + 1.5 * flexible.view(-1, 1) * 0.5)
    fric = f * length.view(-1, 1) / d.view(-1, 1) * rho * v**2 / 2
    k_bend = 0.35 * bends.view(-1, 1)
    mouth_v = q / (math.pi * throat.view(-1, 1) ** 2 / 4)
    k_mouth = 0.5 * (1 - (throat.view(-1, 1) / d.view(-1, 1)) ** 2).clamp_min(0) + 0.25
    k_top_in = torch.tensor([0.0, 0.8, 2.2])[top].view(-1, 1)
    k_top_ex = torch.tensor([0.0, 0.5, 1.2])[top].view(-1, 1)
    common = fric + k_bend * rho * v**2 / 2 + k_mouth * rho * mouth_v**2 / 2
    dp_in = common + k_top_in * rho * v**2 / 2
    # exhalation: an open purge valve (cracked at 0.3 cmH2O, below every flow here) shares the flow (60% more area)
    ex_tube = common + k_top_ex * rho * v**2 / 2 + rho * v**2 / 2
    p_v = purge.view(-1, 1)
    dp_ex = ex_tube * (1 - p_v + p_v / 1.6**2) + 0.3 * 98.1 * p_v
    dp = torch.cat([dp_in, dp_ex], 1) / 98.1  # Pa to cmH2O
    dp = dp * (1 + 0.01 * torch.randn(dp.shape, generator=gen)) + 0.005 * torch.randn(dp.shape, generator=gen)
    x = torch.stack([(d - 0.02) / 0.0029, (length - 0.39) / 0.052, bends - 1, flexible * 2 - 1, purge * 2 - 1,
                     (top == 1).float() * 2 - 1, (top == 2).float() * 2 - 1, (throat - 0.013) / 0.0017], 1)
    return x, torch.log(dp.clamp_min(-0.05) + 0.1)


class RohrerNet(nn.Module):
    """Rohrer's equation with its constants learned: a SiLU MLP from the 8 geometry features to K1 and K2 for
    inhalation and for exhalation (through exp, around 0.5 cmH2O s/L and 0.5 cmH2O s2/L2), dP = K1 V + K2 V^2, and
    an exhalation offset P0 (a purge valve's cracking pressure, around 0.25 cmH2O),
    returned as log(dP + 0.1 cmH2O)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        k = 0.5 * torch.exp(self.net(x))
        v = SN_FLOWS.view(1, -1)
        dp = torch.cat([k[:, :1] * v + k[:, 1:2] * v**2, k[:, 2:3] * v + k[:, 3:4] * v**2 + 0.5 * k[:, 4:5]], 1)
        return torch.log(dp + 0.1)


def snorkel(batch_size: int = 32, seed: int = 0, train_size: int = 768, hidden: int = 32) -> dict[str, Any]:
    """The Rohrer grey-box net on 768 bench-tested snorkels; held out: 1024 other snorkels in batches of 512;
    RAdam."""
    gen = torch.Generator().manual_seed(93201)
    x, y = _sn_snorkels(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RohrerNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. ukulele fretted intonation, Byers' compensation model (NAdam)

UK_FRETS = 12


def _uk_setups(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ukulele setups: scale length 33-43 cm (soprano, concert, tenor), the string (G4, C4, E4, A4 of re-entrant gCEA),
    material (nylon, fluorocarbon, wound), tension 2.5-6 kgf, action at the nut 0.3-0.9 mm and at the 12th fret 1.8-3.6
    mm (above the fret tops), fret height 0.8-1.3 mm, saddle compensation 0-3 mm. Byers' model: the fretted string runs
    nut -> fret -> saddle, stretched by the detour (tension up by E A dL / L0, L0 the whole string with 6 cm behind nut
    and saddle); the speaking length from the fret to the compensated saddle; the bending stiffness raises the
    fundamental by (1 + (2 / pi) sqrt(B) + (4 / pi^2) B) (Fletcher 1964), B = pi^3 E d^4 / (64 T L^2). The deviation in
    cents of each fretted note from equal temperament above the open string, and a strobe tuner's scatter of 0.4 cents.
    Returns (scaled setup (n, 12), cents / 5 (n, 12))."""
    scale = 0.33 + 0.10 * torch.rand(n, generator=gen)
    string = torch.randint(0, 4, (n,), generator=gen)
    mat = torch.randint(0, 3, (n,), generator=gen)
    tension = 9.81 * (2.5 + 3.5 * torch.rand(n, generator=gen))
    a0 = 3e-4 + 6e-4 * torch.rand(n, generator=gen)
    a12 = 1.8e-3 + 1.8e-3 * torch.rand(n, generator=gen)
    fret_h = 8e-4 + 5e-4 * torch.rand(n, generator=gen)
    comp = 3e-3 * torch.rand(n, generator=gen)
    pitch = torch.tensor([392.0, 261.6, 329.6, 440.0])[string]
    dens = torch.tensor([1140.0, 1780.0, 3500.0])[mat]
    young = torch.tensor([4.0e9, 7.0e9, 2.5e9])[mat]  # a wound string's effective E (its core)
    mu = tension / (2 * scale * pitch) ** 2  # kg/m from Mersenne's law on the nominal length
    diam = (4 * mu / (math.pi * dens)).sqrt()
    area = math.pi * diam**2 / 4 * torch.where(mat == 2, 0.35, 1.0)  # the wound string's core carries the load
    nfr = torch.arange(1, UK_FRETS + 1).float().view(1, -1)
    xf = scale.view(-1, 1) * (1 - 2 ** (-nfr / 12))  # fret positions from the nut
    s, c = scale.view(-1, 1), comp.view(-1, 1)
    lo = s + c  # the open speaking length (saddle set back by the compensation)
    h_sad = a0.view(-1, 1) + (a12 - a0).view(-1, 1) * 2 + fret_h.view(-1, 1)  # string height at the saddle
    h_nut = a0.view(-1, 1) + fret_h.view(-1, 1)
    h_at_fret = h_nut + (h_sad - h_nut) * xf / lo  # the open string's height above the board at fret n
    dy = h_at_fret - fret_h.view(-1, 1) + 0.4e-3  # pressed to the fret top (+ the finger pulling it past)
    seg1 = (xf**2 + dy**2).sqrt()
    seg2 = ((lo - xf) ** 2 + (h_sad - fret_h.view(-1, 1) - 0 * dy) ** 2).sqrt()
    open_len = (lo**2 + (h_sad - h_nut) ** 2).sqrt()
    stretch = (seg1 + seg2 - open_len).clamp_min(0)
    l0 = open_len + 0.12
    t_fret = tension.view(-1, 1) + young.view(-1, 1) * area.view(-1, 1) * stretch / l0
    lf = seg2

    def stiff(t: torch.Tensor, length: torch.Tensor) -> torch.Tensor:
        d_bend = torch.where(mat == 2, 0.6 * diam, diam).view(-1, 1)
        b = math.pi**3 * young.view(-1, 1) * d_bend**4 / (64 * t * length**2)
        return 1 + 2 / math.pi * b.sqrt() + 4 / math.pi**2 * b

    f_open = (tension.view(-1, 1) / mu.view(-1, 1)).sqrt() / (2 * open_len) * stiff(tension.view(-1, 1), open_len)
    f_fret = (t_fret / mu.view(-1, 1)).sqrt() / (2 * lf) * stiff(t_fret, lf)
    cents = 1200 * torch.log2(f_fret / (f_open * 2 ** (nfr / 12)))
    cents = cents + 0.4 * torch.randn(cents.shape, generator=gen)
    x = torch.cat([((scale - 0.38) / 0.029).unsqueeze(1), F.one_hot(string, 4).float() * 2 - 1,
                   (mat == 1).float().unsqueeze(1) * 2 - 1, (mat == 2).float().unsqueeze(1) * 2 - 1,
                   ((tension / 9.81 - 4.25) / 1.0).unsqueeze(1), ((a0 - 6e-4) / 1.7e-4).unsqueeze(1),
                   ((a12 - 2.7e-3) / 5.2e-4).unsqueeze(1), ((fret_h - 1.05e-3) / 1.45e-4).unsqueeze(1),
                   ((comp - 1.5e-3) / 8.7e-4).unsqueeze(1)], 1)
    return x, cents / 5


class IntonationMLP(nn.Module):
    """A SiLU MLP from the 12 setup features to the 12 fretted notes' deviations (cents / 5)."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, UK_FRETS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def ukulele(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 128) -> dict[str, Any]:
    """The intonation MLP on 2048 measured setups; held out: 1024 other setups in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(93301)
    x, y = _uk_setups(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": IntonationMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ant foraging trails on Deneubourg's double bridge (RAdam)

AN_SEEN, AN_AHEAD = 10, 4


def _an_experiments(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Double-bridge experiments (Lasius / Linepithema style): branch A 10-30 cm, branch B 10-30 cm, a colony
    sending 8-40 ants a minute (rising over the first minutes as recruitment starts). Each ant chooses A with
    Deneubourg et al.'s P_A = (k + A)^n / ((k + A)^n + (k + B)^n), k 5-25, n 1.6-2.4 (per colony); it marks the
    branch on the way out, and again on the way back a time proportional to the branch length later (the short
    branch is reinforced sooner, as Goss et al. 1989); pheromone evaporates 2-8% a minute. Counts per minute for
    30 minutes. Returns (the first 10 minutes: counts on A and B / 20, the length ratio; (n, 10, 3)), (static
    features (n, 2): the log length ratio, the log of the colony's first-minute flow), the share on A in the four
    5-minute windows of minutes 11-30 (n, 4), counted)."""
    la = 0.10 + 0.20 * torch.rand(n, generator=gen)
    lb = 0.10 + 0.20 * torch.rand(n, generator=gen)
    flow = 8 + 32 * torch.rand(n, generator=gen)
    k = 5 + 20 * torch.rand(n, generator=gen)
    expo = 1.6 + 0.8 * torch.rand(n, generator=gen)
    evap = 0.02 + 0.06 * torch.rand(n, generator=gen)
    pa, pb = torch.zeros(n), torch.zeros(n)
    # returns in flight: ants that went out at minute t come back after a delay (minutes) ~ 2.5 x length / 0.1 m
    back_a, back_b = torch.zeros(n, 40), torch.zeros(n, 40)
    da = (25 * la).round().long().clamp(1, 39)
    db = (25 * lb).round().long().clamp(1, 39)
    rows = torch.arange(n)
    ca, cb = [], []
    for t in range(30):
        ramp = 1 - 0.7 * math.exp(-t / 4)
        ants = torch.poisson(flow * ramp, generator=gen)
        wa, wb = (k + pa) ** expo, (k + pb) ** expo
        na = torch.binomial(ants, wa / (wa + wb), generator=gen)
        nb = ants - na
        back_a[rows, (t + da) % 40] += na
        back_b[rows, (t + db) % 40] += nb
        ret_a, ret_b = back_a[:, t % 40].clone(), back_b[:, t % 40].clone()
        back_a[:, t % 40] = 0
        back_b[:, t % 40] = 0
        pa = (1 - evap) * pa + na + ret_a
        pb = (1 - evap) * pb + nb + ret_b
        ca.append(na + ret_a)
        cb.append(nb + ret_b)
    ca_t, cb_t = torch.stack(ca, 1), torch.stack(cb, 1)
    fa = ca_t[:, AN_SEEN:].reshape(n, AN_AHEAD, 5).sum(2)
    fb = cb_t[:, AN_SEEN:].reshape(n, AN_AHEAD, 5).sum(2)
    share = (fa + 0.5) / (fa + fb + 1)
    ratio = torch.log(la / lb)
    seq = torch.stack([ca_t[:, :AN_SEEN] / 20, cb_t[:, :AN_SEEN] / 20, ratio.view(-1, 1).expand(-1, AN_SEEN)], 2)
    static = torch.stack([ratio, torch.log(flow / 20)], 1)
    return seq, static, share


class TrailGRU(nn.Module):
    """A GRU forecaster: one GRU layer over the 10 observed minutes, its last state with the static features
    through a dense layer to the 4 future window shares (a sigmoid)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(3, hidden, batch_first=True)
        self.head = nn.Sequential(nn.Linear(hidden + 2, hidden), nn.Tanh(), nn.Linear(hidden, AN_AHEAD))

    def forward(self, seq: torch.Tensor, static: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(seq)
        return torch.sigmoid(self.head(torch.cat([h[-1], static], 1)))


def ant_trails(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The trail GRU on 4096 simulated bridge experiments; held out: 1024 other experiments in batches of 512;
    RAdam."""
    gen = torch.Generator().manual_seed(93401)
    s, st, y = _an_experiments(train_size + 1024, gen)
    tr = (s[:train_size], st[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrailGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], st[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. rope footbridge lateral sway with crowd lock-in (SGD with Nesterov momentum; long only)


def _rb_bridges(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rope (cable-supported) footbridges: span 20-120 m, sag 1/20 to 1/8 of the span, deck and ropes 40-160 kg/m, the
    side (wind) ropes' lateral stiffness adding 0-60% to the pendulum's, damping 0.4-3% of critical, a crowd of 2-100
    walkers at a mean pace of 1.7-2.1 Hz (sd 0.15 Hz; the lateral force at half the pace, 25 N a walker). The first
    lateral mode: a cable pendulum, f = sqrt(g / (32 sag)) x sqrt(1 + side stiffness), modal mass half the span's.
    Unsynchronised walkers: random phases, RMS response sqrt(N) F |H| averaged over the pace distribution. Lock-in
    (Dallard et al. 2001): each walker near resonance adds a negative damping of 300 Ns/m; above the critical crowd N_c
    = 8 pi zeta f M / k the sway grows to a limit cycle, a_lock ~ 0.25 m/s2 sqrt(1 - N_c / N_eff). Site noise 1.5% on
    the frequency, 3% on the sway. Returns (scaled bridge and crowd (n, 7), (log10 f, log10 a_rms) (n, 2), standardised
    later)."""
    span = 20 + 100 * torch.rand(n, generator=gen)
    sag_r = 1 / (8 + 12 * torch.rand(n, generator=gen))
    mass = 40 + 120 * torch.rand(n, generator=gen)
    side = 0.6 * torch.rand(n, generator=gen)
    zeta = 0.004 + 0.026 * torch.rand(n, generator=gen)
    crowd = (2 + 98 * torch.rand(n, generator=gen)).round()
    pace = 1.7 + 0.4 * torch.rand(n, generator=gen)
    sag = span * sag_r
    fn = (9.81 / (32 * sag)).sqrt() * (1 + side).sqrt()
    modal = mass * span / 2
    # the walkers' lateral frequencies (pace / 2) around the mode: a 9-point Gaussian quadrature of the pace
    z = torch.linspace(-2, 2, 9).view(1, -1)
    wts = torch.exp(-0.5 * z**2)
    wts = wts / wts.sum()
    fl = (pace.view(-1, 1) + 0.15 * z) / 2
    r = fl / fn.view(-1, 1)
    h = (2 * math.pi * fl) ** 2 / ((2 * math.pi * fn.view(-1, 1)) ** 2 * modal.view(-1, 1)
                                   * ((1 - r**2) ** 2 + (2 * zeta.view(-1, 1) * r) ** 2).sqrt())
    a_unsync = 25 * (crowd.view(-1, 1) * wts * h**2).sum(1).sqrt() * 0.7  # 0.7: mode shape average
    near = (wts * (abs(r - 1) < 0.2).float()).sum(1)
    n_eff = crowd * near.clamp_min(1e-3)
    n_c = 8 * math.pi * zeta * fn * modal / 300
    a_lock = 0.25 * (1 - n_c / n_eff).clamp_min(0).sqrt()
    a = (a_unsync**2 + a_lock**2).sqrt()
    f_obs = fn * torch.exp(0.015 * torch.randn(n, generator=gen))
    a_obs = a * torch.exp(0.03 * torch.randn(n, generator=gen))
    x = torch.stack([(span - 70) / 29, (sag_r - 0.085) / 0.022, (mass - 100) / 35, (side - 0.3) / 0.17,
                     (zeta - 0.017) / 0.0075, (crowd - 51) / 28, (pace - 1.9) / 0.115], 1)
    return x, torch.stack([torch.log10(f_obs), torch.log10(a_obs)], 1)


class SwayMLP(nn.Module):
    """A tanh MLP from the 7 bridge and crowd features to the standardised log frequency and log sway."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def footbridge_sway(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The sway MLP on 8192 bridge-and-crowd cases, targets standardised over them; held out: 2048 other cases in
    batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(93501)
    x, y = _rb_bridges(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwayMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. transverse dune migration with Kroy et al.'s minimal model and a 1-d CNN (Adam; long only)

DN_N = 48


def _dn_profiles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Periodic transverse-dune profiles on 48 cells (a 48 m window, 1 m cells): one to three Gaussian-to-skewed
    dunes 1-4 m high on a 0-0.3 m sand sheet, a storm's shear velocity u* 1.2-3 times the threshold. Kroy,
    Sauermann & Herrmann's (2002) minimal model: the shear stress tau = tau0 (1 + A (H[h_x] + B h_x)) (the Hilbert
    transform in Fourier space, A = 3, B = 0.5, capped at 0), the saturated flux q_s = c ((tau)^(3/2) - tau_t^(3/2))
    clamped at 0, the flux relaxing to it over the saturation length 2 m (linear, in Fourier space), the Exner
    equation dh / dt = -dq / dx, an avalanche diffusion where the slope passes 0.6 (34 degrees), 40 explicit steps.
    Returns (profiles (n, 1, 48) in m, log(u* / u*_t) (n, 1), the height change (n, 48) in dm)."""
    xg = torch.arange(DN_N).float().view(1, -1)
    h = 0.3 * torch.rand(n, 1, generator=gen).expand(-1, DN_N).clone()
    for _ in range(3):
        on = (torch.rand(n, 1, generator=gen) < 0.6).float()
        c = DN_N * torch.rand(n, 1, generator=gen)
        height = 1 + 3 * torch.rand(n, 1, generator=gen)
        width = 3 + 4 * torch.rand(n, 1, generator=gen)
        skew = 0.5 + 1.0 * torch.rand(n, 1, generator=gen)
        dxp = (xg - c + DN_N / 2) % DN_N - DN_N / 2
        w = torch.where(dxp > 0, width * skew / 1.5, width)
        h = h + on * height * torch.exp(-0.5 * (dxp / w) ** 2)
    ust = 1.2 + 1.3 * torch.rand(n, 1, generator=gen)
    kx = 2 * math.pi * torch.fft.rfftfreq(DN_N, d=1.0).view(1, -1)
    h0 = h.clone()
    dt, ls = 0.02, 2.0
    tau0 = ust**2
    for _ in range(40):
        hk = torch.fft.rfft(h, dim=1)
        pert = torch.fft.irfft(3.0 * (kx.abs() + 0.5j * kx) * hk, n=DN_N, dim=1)
        tau = (tau0 * (1 + pert)).clamp_min(0)
        qs = 0.1 * (tau.pow(1.5) - 1).clamp_min(0)
        q = torch.fft.irfft(torch.fft.rfft(qs, dim=1) / (1 + 1j * kx * ls), n=DN_N, dim=1)
        dq = torch.fft.irfft(1j * kx * torch.fft.rfft(q, dim=1), n=DN_N, dim=1)
        h = h - dt * dq
        for _ in range(2):
            slope = torch.roll(h, -1, 1) - h
            over = torch.sign(slope) * (slope.abs() - 0.6).clamp_min(0) / 2
            h = h + over - torch.roll(over, 1, 1)
        h = h.clamp_min(0)
    dh = (h - h0) * 10
    dh = dh + 0.05 * torch.randn(dh.shape, generator=gen)
    return h0.unsqueeze(1), torch.log(ust), dh


class DuneCNN(nn.Module):
    """A 1-d CNN with circular padding: the profile and the log shear velocity (broadcast as a channel) through three
    convolutions (kernel 5; 16 channels, GELU; the middle one dilated by 2 and residual, as in WaveNet-style
    stacks) to the height change."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.c1 = nn.Conv1d(2, width, 5, padding=2, padding_mode="circular")
        self.c2 = nn.Conv1d(width, width, 5, padding=4, dilation=2, padding_mode="circular")
        self.c3 = nn.Conv1d(width, 1, 5, padding=2, padding_mode="circular")

    def forward(self, h: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
        z = F.gelu(self.c1(torch.cat([h, u.view(-1, 1, 1).expand(-1, 1, DN_N)], 1)))
        z = z + F.gelu(self.c2(z))
        return self.c3(z).squeeze(1)


def dune_migration(batch_size: int = 16, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The dune CNN on 4096 simulated storms; held out: 1024 other storms in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(93601)
    h, u, dh = _dn_profiles(train_size + 1024, gen)
    tr = (h[:train_size], u[:train_size], dh[:train_size])
    torch.manual_seed(seed)
    return {"model": DuneCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((h[train_size:], u[train_size:], dh[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("kombucha_nadam", kombucha, 300, "kombucha_batch_acidity_ethanol_ann", "nadam", "small_finite", 16,
      seconds=0.2, start_lr=0.032),
    W("snorkel_rohrer_radam", snorkel, 300, "snorkel_rohrer_breathing_resistance_greybox", "radam", "finite",
      32, seconds=0.25, start_lr=0.512),
    W("ukulele_intonation_nadam", ukulele, 300, "ukulele_byers_fretted_intonation_mlp", "nadam", "finite", 64,
      seconds=0.25, start_lr=0.032),
    W("ant_trails_radam", ant_trails, 300, "ant_double_bridge_deneubourg_trail_gru", "radam", "finite", 64,
      seconds=0.6, start_lr=0.064),
)
LONG = (
    W("footbridge_sway_nesterov@long", footbridge_sway, 3000, "rope_footbridge_lateral_sway_lockin_mlp",
      "sgd_nesterov0.9", "finite", 32, seconds=1.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("dune_migration_adam@long", dune_migration, 3000, "transverse_dune_kroy_minimal_model_cnn", "adam", "finite",
      16, seconds=4.5, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("snorkel_rohrer_radam@long", snorkel, 3000, "snorkel_rohrer_breathing_resistance_greybox", "radam", "finite",
      8, dict(train_size=4096), seconds=2.0, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="snorkel_rohrer_radam"),
    W("kombucha_nadam@long", kombucha, 3000, "kombucha_batch_acidity_ethanol_ann", "nadam", "finite", 16,
      dict(train_size=4096), seconds=1.5, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="kombucha_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam93_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-third exam's workloads")
