"""The hundred-and-twenty-third exam: six more workload families that neither the suite nor exams 1-120 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam120_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from toothbrushes and bristle wear, faucets and tap flow rate, padlocks and
shackle strength, thimbles and needle push force, brooms and sweep pickup, and radiators and heat output (exams 121,
122 and 124 were built at the same time from other domains; their modules were not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam123/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- toothbrush bristle wear over 16 weeks of use: a GRU reads a user's weekly brushing log (sessions a day, minutes,
  brushing force, scrub vs modified-Bass technique, the toothpaste's RDA, the rinse water's temperature, a capped
  or open holder) and the brush (filament diameter extra-soft to hard, nylon 6.12 or PBT, flat or multi-level
  trim) and gives, week by week, the tufts' splay (wear index) and the share of end-rounded filament tips lost;
  plastic set of the wet nylon filaments under bending (stiffness ~ d^4, softened by water uptake and warm water,
  creep faster the more a tuft has already splayed), abrasive tip wear from the RDA; 3% scatter; MSE of the
  standardised outputs over all weeks; Adam (torch's defaults)
- thimble needle-push force traces: a 1-D CNN (three conv layers with BatchNorm, two max-pools, a linear head on
  the flattened maps) reads the force an instrumented thimble records against the needle's depth (64 samples over
  0-9 mm) and gives the number of fabric layers pierced (1-6), their mean thickness, the log of their mean puncture
  force and the needle's diameter; each layer an indentation rise (~ depth^1.5) to a puncture force that
  rises with the needle's diameter^1.5 and the fabric (quilting cotton, denim, felt, leather), a drop at
  puncture, shaft friction growing with the inserted length; the stack compressing ahead of the tip; a leather
  thimble smoothing the trace, a metal one with a dimple slip now and then; sensor noise; MSE of the standardised
  targets; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- padlock shackle strength: a pre-norm residual MLP (LayerNorm, two blocks) with embeddings of the shackle's
  material (brass, mild steel, case-hardened steel, boron-alloy steel, stainless) and of the locking (spring latch,
  single ball, double ball) and the shackle's diameter, clearance, case depth, the test temperature and years
  outdoors, to the log pull-test failure load and the log bolt-cutter force; pull failure a soft minimum of the
  legs in tension, the locking (latch shear, ball bearing on the notch) and the body's heel, cold embrittlement of
  the hardened steels, corrosion thinning mild steel; the cutter's force from the shear area and the shackle's
  surface hardness against the jaws' (steeply rising once the case is harder than the jaws); 1% scatter; MSE of the
  standardised logs; NAdam (torch's defaults)
- broom sweep pickup: a Pre-LN transformer (two blocks, four heads, no positional encoding: a set) over the 12
  debris particles of a sweep (size 0.02-20 mm, density, grain / flake / fibre, position along the broom) with the
  broom (horsehair, flagged nylon, corn, polypropylene), stroke speed, broom angle, floor roughness and dampness
  given to each token, to each particle's fraction carried into the dustpan; bristle push against adhesion
  (~ size, more when damp, fines trapped in a rough floor) and friction (~ size^3), light flakes flicked away by
  stiff fast strokes, fibres tangling in the bristles, large pieces bulldozing nearby fines, the broom's load
  capacity shared by the whole pile, the pan's lip leaving a dust line; MSE of the fractions; AdamW (torch's
  defaults, weight decay 1e-2)
- single-lever mixer tap flow (a long plan only): a grey-box net; an MLP from the lever's lift and angle, the
  aerator (none, standard, eco restrictor, pressure-compensating; one-hot) and the supply pressures gives the hot
  and cold ports' conductances, and the physics gives the flow through each (orifice law in series with a learned
  per-aerator resistance), the total flow and the mixed temperature; data from a ceramic-disc cartridge (two
  inlet ports against the moving disc's slot, a discharge coefficient falling at small openings) and a shared
  outlet pressure solved by bisection against the aerator (the pressure-compensating one capped near 6 L/min);
  2% flow and 0.3 C scatter; MSE of the standardised flow and temperature; Adam (torch's defaults)
- radiator heat output (a long plan only): an MLP over embeddings of the radiator type (types 10, 11, 21, 22, 33,
  a cast-iron column, a towel rail), its placement (free under a window, interior wall, behind a curtain, under a
  shelf) and the pipe connection (top-bottom opposite end, bottom-bottom opposite ends, bottom-bottom same end)
  and the height, length, flow temperature, mass flow, room temperature, metallic paint and sludge level, to the
  log heat output and the return temperature; the EN 442 characteristic Q = Q50 (LMTD / 50)^n with the return
  temperature solved by bisection from the water's heat balance; 1.5% and 0.2 C scatter; MSE of the standardised
  outputs; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the mixer-tap and
radiator nets (no short plans), the thimble CNN on 32768 traces instead of 8192 (batch 32 instead of 64) and the
padlock net on 16384 tests instead of 2048 (32 units and one residual block instead of 48 and two, batch 64 instead
of 128).

Of the eight plans, two use Adam (toothbrush, mixer tap), two SGD with Nesterov momentum (both thimble plans), two
NAdam (both padlock plans), one AdamW (broom) and one RAdam (radiator).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam123_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam123/README.md).

    python benchmarks/exam123_workloads.py          # the table
    python benchmarks/exam123_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 123"


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
    """Targets standardised per last-axis column with the mean and sd of the first ``n`` rows (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. toothbrush bristle wear over weeks of use (GRU, Adam)

TB_WEEKS = 16
TB_GRADES = 4  # extra-soft, soft, medium, hard


def _tb_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Weekly brushing logs of ``n`` users over 16 weeks with one brush. The brush: filament diameter 0.15, 0.18,
    0.20, 0.23 mm (extra-soft to hard), nylon 6.12 or PBT (30%: takes up far less water), a flat or multi-level trim.
    The user: 1-3 sessions a day, 0.8-3 minutes, a force of 1-4.5 N (each with week-to-week wobble), a technique
    from modified Bass (0) to scrubbing (1), a toothpaste of RDA 40-200 (some switch once), rinse water 15-45 C, a
    capped (wet) or open holder. Filament stiffness ~ (d / 0.2)^4, softened by the water taken up (nylon's uptake
    approaches an equilibrium set by the holder and the water's temperature); the bending strain force /
    stiffness past a yield strain gives a weekly plastic set (creep faster in warm water and the more the tuft has
    splayed already); the wear index (splay) accumulates it, a multi-level trim splays less. End-rounded tips are
    lost by abrasion with the RDA, force and minutes (faster for thin filaments). 3% scatter. Returns (features
    (n, 16, 11), outputs (n, 16, 2): the wear index and the share of tips lost)."""
    w = TB_WEEKS
    grade = torch.randint(0, TB_GRADES, (n,), generator=gen)
    dia = torch.tensor([0.15, 0.18, 0.20, 0.23])[grade]
    pbt = (torch.rand(n, generator=gen) < 0.3).float()
    trim = (torch.rand(n, generator=gen) < 0.5).float()
    capped = (torch.rand(n, generator=gen) < 0.4).float()

    def person(lo: float, hi: float, wobble: float) -> torch.Tensor:
        base = lo + (hi - lo) * torch.rand(n, 1, generator=gen)
        return (base * torch.exp(wobble * torch.randn(n, w, generator=gen))).clamp(lo * 0.7, hi * 1.3)

    sessions = person(1.0, 3.0, 0.15)
    minutes = person(0.8, 3.0, 0.2)
    force = person(1.0, 4.5, 0.2)
    scrub = (torch.rand(n, 1, generator=gen) + 0.1 * torch.randn(n, w, generator=gen)).clamp(0, 1)
    rda0 = 40 + 160 * torch.rand(n, 1, generator=gen)
    rda1 = 40 + 160 * torch.rand(n, 1, generator=gen)
    switch = torch.randint(4, 2 * w, (n, 1), generator=gen)
    rda = torch.where(torch.arange(w).view(1, -1) < switch, rda0, rda1)
    water = (15 + 30 * torch.rand(n, 1, generator=gen) + 3 * torch.randn(n, w, generator=gen)).clamp(12, 48)
    uptake = torch.zeros(n)
    splay = torch.zeros(n)
    tips = torch.zeros(n)
    wear, lost = [], []
    for t in range(w):
        u_eq = (1 - 0.8 * pbt) * (0.45 + 0.45 * capped) * (1 + 0.01 * (water[:, t] - 25))
        uptake = uptake + 0.35 * (u_eq - uptake)
        stiff = (dia / 0.2) ** 4 * (1 - 0.35 * uptake)
        strain = force[:, t] * (1 + 0.6 * scrub[:, t]) / (3.0 * stiff)
        strokes = 7 * sessions[:, t] * minutes[:, t]
        creep = torch.exp((water[:, t] - 25) / 25) * (1 + 2.0 * uptake)
        dset = 0.7e-3 * strokes * torch.relu(strain - 0.45) * creep * (1 - 0.35 * trim)
        splay = splay + dset * (1 + splay) * (1 - splay / 5).clamp_min(0)
        dtip = 6e-6 * strokes * rda[:, t] * force[:, t] * (0.2 / dia) ** 1.5 * (1 + 0.5 * scrub[:, t])
        tips = 1 - (1 - tips) * torch.exp(-dtip)
        wear.append(splay)
        lost.append(tips)
    y = torch.stack([torch.stack(wear, 1), torch.stack(lost, 1)], 2)
    y = y * torch.exp(0.03 * torch.randn(y.shape, generator=gen))
    static = torch.stack([(dia - 0.19) / 0.03, 2 * pbt - 1, 2 * trim - 1, 2 * capped - 1], 1)
    week = torch.linspace(-1, 1, w).view(1, -1).expand(n, w)
    x = torch.cat([torch.stack([(sessions - 2) / 0.6, (minutes - 1.9) / 0.65, (force - 2.75) / 1.0, (scrub - 0.5) / 0.3,
                                (rda - 120) / 46, (water - 30) / 9, week], 2), static.unsqueeze(1).expand(n, w, 4)], 2)
    return x, y


class BristleWearGRU(nn.Module):
    """A GRU over the weeks of use, a linear head on each week's state (wear index, tips lost)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(11, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def bristle_wear_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised weekly wear index and tips lost, over all weeks."""
    return _mse(model, batch)


def toothbrush_bristle_wear(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                            hidden: int = 32) -> dict[str, Any]:
    """The wear GRU on 4096 users' logs, targets standardised over them; held out: 2048 other users in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(123101)
    x, y = _tb_logs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BristleWearGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": bristle_wear_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. thimble needle-push force traces: the stack and the needle behind a trace (1-D CNN, SGD with Nesterov momentum)

TH_PTS = 64
TH_MAX_LAYERS = 6
TH_OUT = 4  # layers, layer thickness, log puncture force, needle diameter


def _th_pushes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pushes of a hand-sewing needle through a stack of 1-6 fabric layers, recorded by a force-sensing thimble at
    64 depths over 0-9 mm. The fabric (quilting cotton, denim, felt, leather): layer thickness 0.25, 0.6, 1.0, 1.1 mm
    (+-20%), a puncture force 2.5, 7, 3.5, 12 N at a 0.7 mm needle (~ diameter^1.5, needle 0.5-0.9 mm), a compression
    of the stack ahead of the tip (felt most). Each layer: an indentation rise ~ (depth into the layer)^1.5 up to its
    puncture force at a puncture depth (35-70% of the layer), a drop, then shaft friction growing with the length
    inserted (~ diameter, the fabric's grip, a waxed needle less). The thimble: metal (crisp, a slip out of a dimple
    now and then, a sharp dip), leather (a compliant pad: the trace smoothed by an exponential filter), silicone
    (between). Sensor noise 0.1 N plus a drift. Returns (traces (n, 1, 64) in units of 5 N, targets (n, 4): the
    number of layers, their mean (compressed) thickness in mm, the log of their mean puncture force in N and the
    needle's diameter in mm)."""
    layers = torch.randint(1, TH_MAX_LAYERS + 1, (n,), generator=gen)
    fab = torch.randint(0, 4, (n,), generator=gen)
    thick = torch.tensor([0.25, 0.6, 1.0, 1.1])[fab]
    fp0 = torch.tensor([2.5, 7.0, 3.5, 12.0])[fab]
    comp = torch.tensor([0.9, 0.85, 0.6, 0.9])[fab]
    grip = torch.tensor([0.6, 1.0, 0.8, 1.6])[fab]
    needle = 0.5 + 0.4 * torch.rand(n, generator=gen)
    waxed = (torch.rand(n, generator=gen) < 0.3).float()
    thimble = torch.randint(0, 3, (n,), generator=gen)
    depth = torch.linspace(0, 9, TH_PTS).view(1, -1)
    force = torch.zeros(n, TH_PTS)
    top = torch.zeros(n)
    sum_t = torch.zeros(n)
    sum_fp = torch.zeros(n)
    for k in range(TH_MAX_LAYERS):
        on = (layers > k).float().view(-1, 1)
        t_k = thick * (0.8 + 0.4 * torch.rand(n, generator=gen)) * comp
        fp = fp0 * (needle / 0.7) ** 1.5 * (0.8 + 0.4 * torch.rand(n, generator=gen))
        dp = t_k * (0.35 + 0.35 * torch.rand(n, generator=gen))
        rel = (depth - top.view(-1, 1)).clamp_min(0)
        rise = fp.view(-1, 1) * (rel / dp.view(-1, 1)).clamp(max=1) ** 1.5
        after = (rel > dp.view(-1, 1)).float()
        inserted = (rel - dp.view(-1, 1)).clamp_min(0)
        fric = 0.9 * grip.view(-1, 1) * (needle / 0.7).view(-1, 1) * (1 - 0.4 * waxed.view(-1, 1)) * inserted
        force = force + on * ((1 - after) * rise + after * (0.15 * fp.view(-1, 1) + fric.clamp(max=4)))
        top = top + t_k
        sum_t = sum_t + on.view(-1) * t_k
        sum_fp = sum_fp + on.view(-1) * fp
    # a metal thimble's dimple slip: a short dip at a random depth (30% of metal pushes)
    slip = ((thimble == 0) & (torch.rand(n, generator=gen) < 0.3)).float().view(-1, 1)
    at = 9 * torch.rand(n, 1, generator=gen)
    force = force * (1 - 0.5 * slip * torch.exp(-((depth - at) / 0.2) ** 2))
    # compliant thimbles low-pass the trace (exponential filter along the depth)
    alpha = torch.tensor([1.0, 0.35, 0.6])[thimble]
    out = torch.zeros(n, TH_PTS)
    state = force[:, 0]
    for i in range(TH_PTS):
        state = alpha * force[:, i] + (1 - alpha) * state
        out[:, i] = state
    drift = 0.3 * torch.randn(n, 1, generator=gen) * depth / 9
    out = out + drift + 0.1 * torch.randn(n, TH_PTS, generator=gen)
    y = torch.stack([layers.float(), sum_t / layers, torch.log(sum_fp / layers), needle], 1)
    return (out / 5).unsqueeze(1), y


class PushTraceCNN(nn.Module):
    """A 1-D CNN: three conv / BatchNorm / ReLU layers (two max-pools), flattened into a linear head."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, width, 5, padding=2), nn.BatchNorm1d(width), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width, 2 * width, 5, padding=2), nn.BatchNorm1d(2 * width), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(2 * width, 2 * width, 3, padding=1), nn.BatchNorm1d(2 * width), nn.ReLU(),
            nn.Flatten(), nn.Linear(2 * width * TH_PTS // 4, TH_OUT))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def push_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised layer count, layer thickness, log puncture force and needle
    diameter."""
    return _mse(model, batch)


def thimble_push_trace(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 16) -> dict[str, Any]:
    """The push-trace CNN on 8192 traces, targets standardised over them; held out: 4096 other traces in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(123102)
    x, y = _th_pushes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PushTraceCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": push_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. padlock shackle strength: pull-test failure load and bolt-cutter force (residual MLP with embeddings, NAdam)

PL_MATERIALS = 5  # brass, mild steel, case-hardened steel, boron-alloy steel, stainless
PL_LOCKS = 3  # spring latch, single ball, double ball


def _pl_tests(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, torch.Tensor], torch.Tensor]:
    """Pull and cut tests of padlock shackles. Material: UTS 450, 550, 900 (core 600), 1500, 650 MPa; surface
    hardness 150, 180, 700-780 (by case depth), 520, 210 HV; cold embrittlement of the hardened steels below about
    -20 C. Diameter 4-14 mm, clearance 15-80 mm, case depth 0.2-1.5 mm (case-hardened only), test temperature -40
    to 40 C, 0-10 years outdoors (mild steel loses 0.06 mm of radius a year, the others far less). Pull failure: a soft
    minimum (the weakest) of the legs in tension (both legs held by a double-ball lock, one leg plus the heel's bending
    otherwise), the latch in shear (~ d^1.5), the balls bearing on the shackle's notches (~ d^2, harder shackles
    hold better), the body's heel (~ clearance^-0.3). Bolt cutter: force ~ shear area x 0.6 UTS of the surface
    layer, multiplied steeply once the surface is harder than the jaws (about 650 HV). 1% scatter. Returns
    ((materials and locks (n, 2), continuous (n, 5)), log loads (n, 2): pull kN, cut kN)."""
    mat = torch.randint(0, PL_MATERIALS, (n,), generator=gen)
    lock = torch.randint(0, PL_LOCKS, (n,), generator=gen)
    d = 4 + 10 * torch.rand(n, generator=gen)
    clear = 15 + 65 * torch.rand(n, generator=gen)
    case = 0.2 + 1.3 * torch.rand(n, generator=gen)
    temp = -40 + 80 * torch.rand(n, generator=gen)
    years = 10 * torch.rand(n, generator=gen) ** 1.5
    uts = torch.tensor([450.0, 550.0, 600.0, 1500.0, 650.0])[mat]
    is_case = (mat == 2).float()
    surf_uts = uts + is_case * 300 * (case / 0.8).clamp(max=1)
    hv = torch.tensor([150.0, 180.0, 0.0, 520.0, 210.0])[mat] + is_case * (700 + 90 * (case / 1.5))
    rust = torch.tensor([0.01, 0.06, 0.03, 0.02, 0.002])[mat] * years
    r = (d / 2 - rust).clamp_min(0.5)
    area = math.pi * r**2
    brittle = torch.tensor([0.0, 0.15, 0.35, 0.3, 0.0])[mat] * torch.sigmoid((-20 - temp) / 6)
    core_uts = uts + 0.4 * is_case * (surf_uts - uts) * (case / d)
    legs = torch.where(lock == 2, 2.0, 1.3)
    tension = legs * area * core_uts * (1 - brittle) / 1000
    latch = 0.9 * (d / 6) ** 1.5 * (uts / 550) ** 0.5
    balls = torch.where(lock == 2, 2.0, 1.0) * 4.0 * (d / 8) ** 2 * (hv / 300) ** 0.3 * (1 - 0.5 * brittle)
    heel = 30 * (clear / 30) ** -0.3 * (d / 8) ** 1.2
    hold = torch.where(lock == 0, latch, balls)
    soft = 1 / 0.15
    pull = -torch.logsumexp(torch.stack([-soft * tension, -soft * hold, -soft * heel]), 0) / soft
    pull = pull.clamp_min(0.3 * torch.minimum(torch.minimum(tension, hold), heel))
    jaw = 650.0
    cut = 2 * area * 0.6 * surf_uts / 1000 * torch.exp(((hv - jaw) / 60).clamp(-3, 3)).clamp_min(0.6) ** 0.8
    y = torch.stack([torch.log(pull), torch.log(cut)], 1) + 0.01 * torch.randn(n, 2, generator=gen)
    cont = torch.stack([(d - 9) / 2.9, (clear - 47.5) / 18.8, (case - 0.85) / 0.375, (temp) / 23,
                        (years - 4) / 2.9], 1)
    return (torch.stack([mat, lock], 1), cont), y


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class ShackleNet(nn.Module):
    """Embeddings of the material (4) and the locking (3), the continuous inputs, a linear stem, two pre-norm residual
    blocks, a final LayerNorm and a linear head (log pull load, log cut force)."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.mat = nn.Embedding(PL_MATERIALS, 4)
        self.lock = nn.Embedding(PL_LOCKS, 3)
        self.stem = nn.Linear(4 + 3 + 5, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, cat: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = self.stem(torch.cat([self.mat(cat[:, 0]), self.lock(cat[:, 1]), cont], 1))
        return self.head(self.norm(self.blocks(h)))


def shackle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log pull load and log cut force."""
    cat, cont, y = batch
    return F.mse_loss(model(cat, cont), y)


def padlock_shackle(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 48,
                    blocks: int = 2) -> dict[str, Any]:
    """The shackle net on 2048 tests, targets standardised over them; held out: 2048 other tests in batches of 1024;
    NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(123103)
    (cat, cont), y = _pl_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShackleNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": shackle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. broom sweep pickup: each particle's fraction into the dustpan (Pre-LN transformer, AdamW)

BR_TOKENS = 12
BR_FEATS = 14


def _br_sweeps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sweeps of 12 debris particles into a dustpan. Each particle: size 0.02-20 mm (log-uniform), density 0.1-2.7
    g/cm3, a grain, flake or fibre, a position along the broom 0-1. The broom: horsehair, flagged nylon, corn,
    polypropylene (stiffness 0.3, 0.6, 1.0, 1.4; tip fineness 1.0, 0.8, 0.5, 0.2); stroke speed 0.3-1.5 m/s; broom
    angle 20-70 degrees; floor roughness 0-1 and dampness 0-1. A particle moves with the bristles when their push
    (tip fineness x stiffness^0.5 x contact ~ size^2) beats adhesion (~ size, x (1 + 4 damp); fines below the floor's
    roughness scale trapped) plus friction (~ mass); flakes and light pieces are flicked away by stiff fast strokes;
    fibres tangle in the bristles (less in stiff smooth ones); a piece over 3 mm bulldozes the fines within 0.1 of
    it along the broom; the broom carries at most a capacity (more for a steeper, stiffer broom) of the pile's
    volume, the largest pieces first; the pan's lip leaves a dust line of fines. 0.02 scatter. Returns (tokens (n,
    12, 14), fractions (n, 12))."""
    t = BR_TOKENS
    lsize = math.log(0.02) + (math.log(20) - math.log(0.02)) * torch.rand(n, t, generator=gen)
    size = lsize.exp()
    dens = 0.1 + 2.6 * torch.rand(n, t, generator=gen)
    shape = torch.randint(0, 3, (n, t), generator=gen)
    pos = torch.rand(n, t, generator=gen)
    broom = torch.randint(0, 4, (n,), generator=gen)
    stiff = torch.tensor([0.3, 0.6, 1.0, 1.4])[broom].view(-1, 1)
    fine = torch.tensor([1.0, 0.8, 0.5, 0.2])[broom].view(-1, 1)
    speed = (0.3 + 1.2 * torch.rand(n, generator=gen)).view(-1, 1)
    angle = (20 + 50 * torch.rand(n, generator=gen)).view(-1, 1)
    rough = torch.rand(n, 1, generator=gen)
    damp = torch.rand(n, 1, generator=gen) ** 2
    shape_f = torch.tensor([1.0, 0.3, 0.1])[shape]
    mass = dens * size**3 * shape_f
    push = (fine + (1 - fine) * torch.sigmoid(2 * lsize)) * stiff**0.5 * size**2 * (0.5 + torch.sin(torch.deg2rad(angle)))
    adhesion = 0.01 * size * (1 + 4 * damp)
    trap = torch.sigmoid((0.3 * rough - size) / 0.05)
    p = torch.sigmoid(2.0 * torch.log(push / (adhesion + 0.02 * mass + 1e-6))) * (1 - 0.8 * trap)
    light = (shape == 1).float() + (dens < 0.4).float() * 0.5
    flick = torch.sigmoid(3 * (stiff * speed - 1.0 - 0.3 * size.clamp(max=5) * dens)) * light.clamp(max=1)
    p = p * (1 - 0.6 * flick)
    fibre = (shape == 2).float()
    p = p * (1 - fibre * 0.5 * (1 - 0.5 * stiff) * (1 + damp))
    big = (size > 3).float()
    near = (pos.unsqueeze(2) - pos.unsqueeze(1)).abs() < 0.1
    dozed = ((near.float() * big.unsqueeze(1)).sum(2) > 0).float() * (size < 1).float()
    p = p + (1 - p) * 0.5 * dozed
    vol = size**3 * shape_f
    cap = 3000 * stiff * (0.5 + torch.sin(torch.deg2rad(angle))) * (1 - 0.3 * damp)
    order = torch.argsort(-vol, 1)
    cum = torch.cumsum(torch.gather(vol * p, 1, order), 1)
    over = torch.zeros(n, t).scatter(1, order, cum)
    p = p * torch.sigmoid((cap - over) / (0.2 * cap))
    lip = torch.sigmoid((0.3 - size) / 0.1)
    p = p * (1 - 0.35 * lip * (1 - 0.5 * fine))
    y = (p + 0.02 * torch.randn(n, t, generator=gen)).clamp(0, 1)
    glob = torch.cat([F.one_hot(broom, 4).float(), (speed - 0.9) / 0.35, (angle - 45) / 14.4, (rough - 0.5) / 0.29,
                      (damp - 0.33) / 0.3], 1)
    tok = torch.cat([torch.stack([(lsize + 0.46) / 2.0, (dens - 1.4) / 0.75, (pos - 0.5) / 0.29], 2),
                     F.one_hot(shape, 3).float(), glob.unsqueeze(1).expand(n, t, 8)], 2)
    return tok, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attn(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ln2 = nn.LayerNorm(d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class SweepTransformer(nn.Module):
    """A linear embedding of each particle token, Pre-LN blocks (no positional encoding), a final LayerNorm and a
    per-token head (the logit of the fraction into the pan)."""

    def __init__(self, d: int = 32, heads: int = 4, blocks: int = 2) -> None:
        super().__init__()
        self.embed = nn.Linear(BR_FEATS, d)
        self.blocks = nn.Sequential(*[PreLNBlock(d, heads) for _ in range(blocks)])
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.embed(x)))).squeeze(-1)


def pickup_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the fractions into the pan (sigmoid of the per-token logits)."""
    x, y = batch
    return F.mse_loss(torch.sigmoid(model(x)), y)


def broom_sweep_pickup(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d: int = 32,
                       blocks: int = 2) -> dict[str, Any]:
    """The sweep transformer on 4096 sweeps; held out: 2048 other sweeps in batches of 1024; AdamW (torch's
    defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(123104)
    x, y = _br_sweeps(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SweepTransformer(d, 4, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": pickup_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. single-lever mixer tap: flow rate and mixed temperature (grey-box net, Adam; long only)

MX_AERATORS = 4  # none, standard, eco restrictor, pressure-compensating


def _mx_draws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Draws from a single-lever ceramic-disc mixer tap: lever lift 0.08-1, lever angle -1 (full hot) to +1 (full
    cold), hot and cold supply pressures 0.8-5 bar (gauge; hot often lower), hot water 45-65 C, cold 6-18 C, the
    aerator. The moving disc's slot (width set by the lift) overlaps the hot and cold inlet ports (overlap
    piecewise linear in the angle, a small dead band at the centre); discharge coefficient 0.62 falling to 0.45 at
    small openings; each port's flow Cd A sqrt(2 (P_i - P_o) / rho) (no back-flow: check valves), the outlet pressure
    P_o solved by bisection against the aerator's resistance (none 0.02, standard 0.12, eco restrictor 0.35 bar per
    (L/min / 10)^2; the pressure-compensating one's O-ring closing to hold about 6 L/min above 1 bar). 2% flow and
    0.3 C scatter. Returns (features (n, 10): lift, angle, aerator one-hot, log pressures, temperatures; outputs
    (n, 2): flow L/min, mixed temperature C)."""
    lift = 0.08 + 0.92 * torch.rand(n, generator=gen)
    ang = 2 * torch.rand(n, generator=gen) - 1
    ph = 0.8 + 4.2 * torch.rand(n, generator=gen) ** 1.3
    pc = 0.8 + 4.2 * torch.rand(n, generator=gen)
    th = 45 + 20 * torch.rand(n, generator=gen)
    tc = 6 + 12 * torch.rand(n, generator=gen)
    aer = torch.randint(0, MX_AERATORS, (n,), generator=gen)
    kaer = torch.tensor([0.02, 0.12, 0.35, 0.12])[aer]
    pcomp = (aer == 3).float()
    w_h = ((0.55 - 0.5 * ang) / 1.0).clamp(0, 1) - 0.05 * (ang.abs() < 0.1).float()
    w_c = ((0.55 + 0.5 * ang) / 1.0).clamp(0, 1) - 0.05 * (ang.abs() < 0.1).float()
    a_h = (lift * w_h).clamp_min(0)
    a_c = (lift * w_c).clamp_min(0)
    cd_h = 0.45 + 0.17 * torch.sigmoid((a_h - 0.15) / 0.05)
    cd_c = 0.45 + 0.17 * torch.sigmoid((a_c - 0.15) / 0.05)
    g_h, g_c = 14 * cd_h * a_h, 14 * cd_c * a_c  # L/min per sqrt(bar)

    def aerator_flow(po: torch.Tensor) -> torch.Tensor:
        q = 10 * (po / kaer).sqrt()
        cap = 6.0 * (1 + 0.03 * (po - 2))
        return torch.where(pcomp > 0, torch.minimum(q, cap + 0.3 * q * torch.sigmoid(-(po - 1) / 0.2)), q)

    lo, hi = torch.zeros(n), torch.maximum(ph, pc)
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        q_in = g_h * (ph - mid).clamp_min(0).sqrt() + g_c * (pc - mid).clamp_min(0).sqrt()
        high = q_in > aerator_flow(mid)
        lo, hi = torch.where(high, mid, lo), torch.where(high, hi, mid)
    po = 0.5 * (lo + hi)
    qh = g_h * (ph - po).clamp_min(0).sqrt()
    qc = g_c * (pc - po).clamp_min(0).sqrt()
    q = qh + qc
    t_mix = (qh * th + qc * tc) / (q + 1e-6)
    q = q * torch.exp(0.02 * torch.randn(n, generator=gen))
    t_mix = t_mix + 0.3 * torch.randn(n, generator=gen)
    x = torch.cat([torch.stack([lift, ang], 1), F.one_hot(aer, MX_AERATORS).float(),
                   torch.stack([torch.log(ph), torch.log(pc), th, tc], 1)], 1)
    return x, torch.stack([q, t_mix], 1)


class MixerGreyBox(nn.Module):
    """A grey-box mixer tap: an MLP from the lever, aerator and log supply pressures to the log conductances of the
    hot and cold ports; a learned log resistance per aerator; each port's flow through the port and the aerator in
    series, q_i = sqrt(P_i / (1 / g_i^2 + k_aerator)) (the shared outlet approximated away); the total flow and the
    flow-weighted temperature, standardised with the training pool's mean and sd."""

    def __init__(self, hidden: int = 32, stats: torch.Tensor | None = None) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))
        self.log_k = nn.Parameter(torch.full((MX_AERATORS,), math.log(0.1)))
        self.register_buffer("stats", stats if stats is not None else torch.tensor([[8.0, 30.0], [4.0, 15.0]]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        aer = x[:, 2:6]
        ph, pc = x[:, 6].exp(), x[:, 7].exp()
        g = (self.net(x[:, :8]) + math.log(5.0)).exp()
        k = (aer * self.log_k.exp()).sum(1)
        qh = 10 * (ph / (100 / g[:, 0] ** 2 + k)).sqrt()
        qc = 10 * (pc / (100 / g[:, 1] ** 2 + k)).sqrt()
        q = qh + qc
        t = (qh * x[:, 8] + qc * x[:, 9]) / (q + 1e-3)
        out = torch.stack([q, t], 1)
        return (out - self.stats[0]) / self.stats[1]


def mixer_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised flow and mixed temperature."""
    return _mse(model, batch)


def mixer_tap_flow(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box mixer on 8192 draws, targets standardised over them; held out: 4096 other draws in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(123105)
    x, y = _mx_draws(train_size + 4096, gen)
    stats = torch.stack([y[:train_size].mean(0), y[:train_size].std(0)])
    y = (y - stats[0]) / stats[1]
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MixerGreyBox(hidden, stats), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mixer_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. radiator heat output by the EN 442 characteristic (MLP over embeddings, RAdam; long only)

RD_TYPES = 7  # type 10, 11, 21, 22, 33, cast-iron column, towel rail
RD_PLACES = 4  # free under a window, interior wall, behind a curtain, under a shelf
RD_PIPES = 3  # top-bottom opposite end, bottom-bottom opposite ends, bottom-bottom same end


def _rd_tests(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, torch.Tensor], torch.Tensor]:
    """Radiators in rooms: the type (Q50 per metre at 600 mm high 450, 750, 1050, 1350, 1950, 900, 380 W; exponent n
    1.25, 1.30, 1.32, 1.33, 1.35, 1.30, 1.22; radiant share 0.5, 0.35, 0.3, 0.25, 0.2, 0.4, 0.45), height 300-900 mm
    (Q50 ~ height^0.85), length 0.4-2 m, the placement (factor 1, 0.96, 0.85, 0.9), the pipe connection (1, 0.96,
    0.86: a same-end connection short-circuits the lower panel, more so at low flow), metallic paint (cutting the
    radiant share by 40%), sludge 0-1 (the bottom's area lost, up to 45%), flow temperature 35-80 C, mass flow 10-200
    kg/h (log-uniform), room 15-24 C. EN 442: Q = Q50 (LMTD / 50)^n, LMTD = (T_f - T_r) / ln((T_f - T_a) / (T_r -
    T_a)); the return temperature solved by bisection so that Q = m c_p (T_f - T_r). 1.5% and 0.2 C scatter. Returns
    ((type, placement, pipes) (n, 3), continuous (n, 7)), outputs (n, 2): log heat output (W), return temperature)."""
    typ = torch.randint(0, RD_TYPES, (n,), generator=gen)
    place = torch.randint(0, RD_PLACES, (n,), generator=gen)
    pipe = torch.randint(0, RD_PIPES, (n,), generator=gen)
    height = 300 + 600 * torch.rand(n, generator=gen)
    length = 0.4 + 1.6 * torch.rand(n, generator=gen)
    metal = (torch.rand(n, generator=gen) < 0.25).float()
    sludge = torch.rand(n, generator=gen) ** 2
    tf = 35 + 45 * torch.rand(n, generator=gen)
    mflow = 10 * 20 ** torch.rand(n, generator=gen)
    ta = 15 + 9 * torch.rand(n, generator=gen)
    q50 = torch.tensor([450.0, 750.0, 1050.0, 1350.0, 1950.0, 900.0, 380.0])[typ] * (height / 600) ** 0.85 * length
    ex = torch.tensor([1.25, 1.30, 1.32, 1.33, 1.35, 1.30, 1.22])[typ]
    rad = torch.tensor([0.5, 0.35, 0.3, 0.25, 0.2, 0.4, 0.45])[typ]
    per_m = mflow / length
    pipe_f = torch.tensor([1.0, 0.96, 0.86])[pipe]
    pipe_f = torch.where(pipe == 2, pipe_f - 0.08 * torch.exp(-per_m / 40), pipe_f)
    k = q50 * torch.tensor([1.0, 0.96, 0.85, 0.9])[place] * pipe_f * (1 - 0.4 * rad * metal) * (1 - 0.45 * sludge)
    cp = 4186 / 3600  # W h / (kg K)
    lo, hi = ta + 1e-3, tf - 1e-3
    for _ in range(40):
        tr = 0.5 * (lo + hi)
        lmtd = (tf - tr) / torch.log((tf - ta) / (tr - ta))
        emit = k * (lmtd / 50) ** ex
        carry = mflow * cp * (tf - tr)
        high = emit > carry  # the return is too warm: the radiator would emit more than the water brings
        lo, hi = torch.where(high, lo, tr), torch.where(high, tr, hi)
    tr = 0.5 * (lo + hi)
    q = mflow * cp * (tf - tr)
    y = torch.stack([torch.log(q) + 0.015 * torch.randn(n, generator=gen), tr + 0.2 * torch.randn(n, generator=gen)], 1)
    cont = torch.stack([(height - 600) / 173, (length - 1.2) / 0.46, 2 * metal - 1, (sludge - 0.33) / 0.3,
                        (tf - 57.5) / 13, (torch.log(mflow) - math.log(10 * 20**0.5)) / 0.86, (ta - 19.5) / 2.6], 1)
    return (torch.stack([typ, place, pipe], 1), cont), y


class RadiatorNet(nn.Module):
    """Embeddings of the type (4), placement (2) and pipe connection (2), concatenated with the continuous inputs,
    a SiLU MLP to the log heat output and the return temperature."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.typ = nn.Embedding(RD_TYPES, 4)
        self.place = nn.Embedding(RD_PLACES, 2)
        self.pipe = nn.Embedding(RD_PIPES, 2)
        self.net = nn.Sequential(nn.Linear(4 + 2 + 2 + 7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.typ(cat[:, 0]), self.place(cat[:, 1]), self.pipe(cat[:, 2]), cont], 1))


def radiator_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log heat output and return temperature."""
    cat, cont, y = batch
    return F.mse_loss(model(cat, cont), y)


def radiator_heat_output(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                         hidden: int = 32) -> dict[str, Any]:
    """The radiator net on 8192 radiators, targets standardised over them; held out: 4096 others in batches of
    1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(123106)
    (cat, cont), y = _rd_tests(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RadiatorNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": radiator_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("toothbrush_bristle_wear_adam", toothbrush_bristle_wear, 300, "toothbrush_bristle_splay_wear_gru", "adam",
      "finite", 128, seconds=1.6, start_lr=0.064),
    W("thimble_push_trace_nesterov", thimble_push_trace, 300, "thimble_needle_push_force_trace_cnn",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=1.4, start_lr=0.0125),
    W("padlock_shackle_nadam", padlock_shackle, 300, "padlock_shackle_pull_cut_strength_resmlp_emb", "nadam",
      "finite", 128, seconds=0.7, start_lr=0.016),
    W("broom_sweep_pickup_adamw", broom_sweep_pickup, 300, "broom_sweep_debris_pickup_preln_transformer", "adamw",
      "finite", 64, seconds=2.3, start_lr=0.008),
)
LONG = (
    W("mixer_tap_flow_adam@long", mixer_tap_flow, 3000, "mixer_tap_ceramic_disc_flow_greybox", "adam", "finite", 32,
      seconds=2.8, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("radiator_heat_output_radam@long", radiator_heat_output, 3000, "radiator_en442_heat_output_emb_mlp", "radam",
      "finite", 64, seconds=3.6, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("thimble_push_trace_nesterov@long", thimble_push_trace, 3000, "thimble_needle_push_force_trace_cnn",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, dict(train_size=32768), seconds=10.0, start_lr=0.05,
      grid_fractions=(0.0, 0.05), long_of="thimble_push_trace_nesterov"),
    W("padlock_shackle_nadam@long", padlock_shackle, 3000, "padlock_shackle_pull_cut_strength_resmlp_emb", "nadam",
      "finite", 64, dict(train_size=16384, width=32, blocks=1), seconds=4.0, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="padlock_shackle_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam123_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-third exam's workloads")
