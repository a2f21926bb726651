"""The hundred-and-ninetieth exam: six more workload families that neither the suite nor exams 1-186 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam186_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from sidecars and cornering lift, mopeds and fuel economy, golf carts and
battery range, pallet jacks and floor friction, drawbridges and bascule counterweight, and portcullises and chain
wear (exams 187-189 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam190/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- sidecar cornering lift ("flying the chair"): a 1-D CNN reads a 32-sample (0.1 s) trace of a sidecar outfit's
  speed and path curvature, with the outfit's mass, the chair's share of it, the centre-of-gravity height and the
  track, and gives the chair wheel's load (over its static load) at every sample; lateral load transfer
  m v^2 kappa h / track (right-hand bends unload a left-hand chair, left-hand bends load it), a longitudinal term
  from braking / accelerating (the chair's inertia yawing the outfit), a first-order suspension lag, the load
  floored at 0 when the wheel lifts; NAdam (torch's defaults)
- moped fuel economy: a residual MLP with LayerNorm applied to every row of a trip's fuel log (16 road segments
  of 200 m: the segment's cruise speed, grade and a stop at its end, the speed it starts from, the rider's mass,
  the headwind, a two- or four-stroke 50 cc engine) gives the log fuel used on each segment; road load (rolling,
  grade, aerodynamic drag with the wind), the kinetic energy of the re-acceleration from the previous segment's
  speed (or from a stop), the engine's efficiency from a BSFC bowl over its load, idle fuel at the stops; SGD
  with (heavy-ball) momentum 0.9, as an engineer's plain regression fit
- pallet-jack floor friction: a 2-D CNN (three plain convolutions, ReLU) reads a 16 x 16 map of a warehouse floor
  patch (the floor's height profile with joints, cracks and debris, its rolling-resistance map: sealed concrete,
  epoxy, worn concrete, asphalt, wet or dusty patches; the truck's path) with the load and the roller material,
  and gives the log breakaway and log mean rolling push force of a hand pallet truck crossing it; rolling
  resistance N f over the load rollers' two tracks, the work of lifting the load over ridges and grains, obstacle
  climbing N sqrt(2 h / r) for the rollers' radius and a static factor at the start (breakaway); SGD with
  Nesterov momentum 0.9 and weight decay 5e-4 (the vision convention)
- portcullis chain wear: a GRU reads 12 months of a heritage portcullis's service log (demonstration lifts, rain
  days, greasing, grit, mean temperature) with the gate's mass, its counterweight and the chain grade, and gives
  the chain's cumulative elongation after each month; pin-and-bush wear by Archard's law (tension x lifts /
  hardness) with a wear coefficient from the lubricant film (decaying since the last greasing), grit and wet
  corrosion of a dry chain, plus the initial seating-in; RAdam (torch's defaults)
- golf-cart battery range (a long plan only): an embedding net over a club fleet's telemetry (the cart, 64 of
  them, each with its pack: flooded lead-acid or lithium, its age; the course, 12 of them, each with its length and
  climb) with the day's temperature, the passengers, the bags and the start state of charge, to the log range in
  holes before the pack reaches 20%; Peukert's law for the effective capacity at the drawn current, capacity fade
  with age and cold, rolling resistance and climbing (little regeneration); Adagrad (torch's defaults), as for
  sparse categorical features
- drawbridge bascule counterweight (a long plan only): a grey-box model of a bascule leaf's drive torque from the
  opening logs of 16 bridges: per bridge (embedded), the learned imbalance moment (cosine and sine of the opening
  angle), trunnion friction, viscous term, inertia and the wind's and snow's coefficients; shared, the cold's
  stiffening of the friction, the inputs in the log's units; the data from the leaf's weight against its
  counterweight, Coulomb and viscous trunnion friction (stiffer cold), the wind's moment on the raised leaf, the
  snow's moment, the angular acceleration; Adagrad (torch's defaults), as for online, convex-ish fitting

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the golf-cart and
drawbridge models (no short plans), the sidecar CNN on 8192 traces instead of 1024 (16 channels instead of 32) and
the moped net on 8192 trips instead of 2048, each with its short plan's optimiser.

Of the eight plans, two use NAdam (sidecar), two SGD with heavy-ball momentum (moped), one SGD with Nesterov
momentum (pallet jack), one RAdam (portcullis) and two Adagrad (golf cart, drawbridge).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam190_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam190/README.md).

    python benchmarks/exam190_workloads.py          # the table
    python benchmarks/exam190_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 190"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool indexed a whole batch at a time: a shuffling DataLoader whose sampler is a ``BatchSampler``
    over a ``RandomSampler`` (``batch_size=None``), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised with the one mean and sd of all entries of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean()) / y[:n].std()


# --------------------------------------------------------------------------------------------------------------
# 1. sidecar cornering lift: the chair wheel's load through a bend (1-D CNN, NAdam)

SC_T = 32


def _sc_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bends ridden by a left-hand sidecar outfit, 32 samples of 0.1 s. The outfit 250-450 kg with rider and
    passenger, the chair's share of the weight 0.15-0.40 (ballast, passenger), the centre of gravity 0.45-0.70 m
    high, the track 1.0-1.3 m. Speed: 8-25 m/s with a linear braking or accelerating ramp (-3 to +2 m/s^2) and a
    small wobble; curvature: one bend (a smooth bump, 0.4-1.5 s wide, at a random time), its sign right (+, away
    from the chair) or left, its peak lateral acceleration 0-8 m/s^2. The chair wheel's load over its static load:
    1 - sign * a_y h / (g s track) (s the chair's share) with the lag of a first-order suspension (tau 0.15-0.3
    s, from the outfit's mass), plus a longitudinal term (braking drives the chair forward: loading it a little,
    accelerating unloads it), floored at 0 once the wheel lifts. 0.02 scatter. Returns (inputs (n, 6, 32),
    loads (n, 32))."""
    mass = 250 + 200 * torch.rand(n, 1, generator=gen)
    share = 0.15 + 0.25 * torch.rand(n, 1, generator=gen)
    h = 0.45 + 0.25 * torch.rand(n, 1, generator=gen)
    track = 1.0 + 0.3 * torch.rand(n, 1, generator=gen)
    t = torch.arange(SC_T).float().view(1, -1) * 0.1
    v0 = 8 + 17 * torch.rand(n, 1, generator=gen)
    acc = -3 + 5 * torch.rand(n, 1, generator=gen)
    wob = 0.5 * torch.sin(2 * math.pi * (t / (1 + 2 * torch.rand(n, 1, generator=gen))
                                         + torch.rand(n, 1, generator=gen)))
    v = (v0 + acc * t + wob).clamp_min(4.0)
    centre = 0.5 + 2.2 * torch.rand(n, 1, generator=gen)
    width = 0.4 + 1.1 * torch.rand(n, 1, generator=gen)
    sign = torch.where(torch.rand(n, 1, generator=gen) < 0.6, 1.0, -1.0)
    a_peak = 8 * torch.rand(n, 1, generator=gen)
    shape = torch.exp(-0.5 * ((t - centre) / (width / 2.5)) ** 2)
    ay = a_peak * shape
    kappa = sign * ay / v**2
    dvdt = torch.diff(v, dim=1, prepend=v[:, :1] - acc * 0.1) / 0.1
    target = 1 - sign * ay * h / (9.81 * share * track) - 0.06 * dvdt * h / (share * 9.81)
    tau = 0.15 + 0.15 * (mass - 250) / 200
    alpha = 0.1 / (tau + 0.1)
    load = torch.empty_like(target)
    state = torch.ones(n, 1)
    for i in range(SC_T):
        state = state + alpha * (target[:, i : i + 1] - state)
        load[:, i : i + 1] = state
    y = load.clamp_min(0) + 0.02 * torch.randn(n, SC_T, generator=gen)
    ones = torch.ones(1, SC_T)
    x = torch.stack([(v - 15) / 5, kappa * 40, ((mass - 350) / 58) * ones, ((share - 0.275) / 0.072) * ones,
                     ((h - 0.575) / 0.072) * ones, ((track - 1.15) / 0.087) * ones], 1)
    return x, y


class ChairLoadCNN(nn.Module):
    """A 1-D CNN (three convolutions, kernel 5, 'same' padding) from the trace to the chair wheel's load."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(6, width, 5, padding=2), nn.ReLU(), nn.Conv1d(width, width, 5, padding=2),
                                 nn.ReLU(), nn.Conv1d(width, 1, 5, padding=2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def chair_load_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the chair wheel's relative load over the trace."""
    return _mse(model, batch)


def sidecar_lift(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32) -> dict[str, Any]:
    """The chair-load CNN on ``train_size`` ridden bends; held out: 2048 other bends in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(190101)
    x, y = _sc_traces(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChairLoadCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": chair_load_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. moped fuel economy per road segment (residual MLP with LayerNorm, SGD with momentum)

MP_SEG = 16


def _mp_trips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Trips of 16 segments of 200 m on a 50 cc moped. Per segment: cruise speed 15-45 km/h, grade -6% to +8%, a
    stop at its end (25%). Per trip: the rider and moped 120-200 kg, the headwind -4 to +6 m/s, the engine (two-stroke:
    peak efficiency 0.16, 2.6 kW; four-stroke: 0.23, 2.2 kW). Energy per segment: road load (m g (0.012 + grade)
    + 0.5 rho CdA (v + wind)^2, CdA 0.6 m^2) over the distance, floored at 0 downhill (engine braking, no
    regeneration), plus the kinetic energy 0.5 m (v^2 - v_prev^2)^+ of the re-acceleration (from 0 after a stop)
    through the drivetrain (0.85). The engine's efficiency over its load P / P_max: a BSFC bowl, best near 80% load,
    falling steeply at part load; idle fuel 0.05 ml/s at a stop (8 s) and 0.05 ml a segment. Fuel (ml) at 34
    MJ/l. 4% scatter. Returns (segment features (n, 16, 7): the segment's speed, grade and stop, the speed it
    starts from (0 after a stop), the trip's mass, wind and engine; log fuel (n, 16))."""
    speed = (15 + 30 * torch.rand(n, MP_SEG, generator=gen)) / 3.6
    grade = -0.06 + 0.14 * torch.rand(n, MP_SEG, generator=gen)
    stop = (torch.rand(n, MP_SEG, generator=gen) < 0.25).float()
    mass = 120 + 80 * torch.rand(n, 1, generator=gen)
    wind = -4 + 10 * torch.rand(n, 1, generator=gen)
    four = (torch.rand(n, 1, generator=gen) < 0.5).float()
    eta_max = 0.16 + 0.07 * four
    p_max = 2600 - 400 * four
    prev = torch.cat([torch.zeros(n, 1), speed[:, :-1]], 1) * (1 - torch.cat([torch.ones(n, 1), stop[:, :-1]], 1))
    road = (mass * 9.81 * (0.012 + grade) + 0.5 * 1.2 * 0.6 * (speed + wind) ** 2).clamp_min(0) * 200
    kin = 0.5 * mass * (speed**2 - prev**2).clamp_min(0) / 0.85
    p = road * speed / 200 + kin / 6
    load = (p / p_max).clamp(0.02, 1.2)
    eta = eta_max * (1 - 0.9 * (load - 0.8) ** 2).clamp_min(0.08) * (load / (load + 0.08))
    fuel = (road + kin) / eta / 34e6 * 1e3 + 0.05 * 8 * stop + 0.05
    fuel = fuel * torch.exp(0.04 * torch.randn(n, MP_SEG, generator=gen))
    ones = torch.ones(1, MP_SEG)
    x = torch.stack([(speed * 3.6 - 30) / 8.7, grade / 0.04, 2 * stop - 1, (prev * 3.6 - 20) / 12,
                     ((mass - 160) / 23) * ones, ((wind - 1) / 2.9) * ones, (2 * four - 1) * ones], 2)
    return x, torch.log(fuel)


class SegmentResMLP(nn.Module):
    """A residual MLP with LayerNorm applied to every segment's row of the fuel log (the same weights for each): a
    linear stem, two pre-norm residual blocks (LayerNorm, Linear, GELU, Linear), a final LayerNorm and a linear
    head to the segment's log fuel."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(7, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = self.stem(x)
        for block in self.blocks:
            z = z + block(z)
        return self.head(self.norm(z)).squeeze(-1)


def fuel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log fuel per segment."""
    return _mse(model, batch)


def moped_fuel(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64,
               blocks: int = 2) -> dict[str, Any]:
    """The segment residual MLP on ``train_size`` trips, targets standardised over them; held out: 2048 other trips in
    batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(190102)
    x, y = _mp_trips(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SegmentResMLP(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": fuel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. golf-cart battery range: an embedding net over fleet telemetry (Adagrad; long only)

GC_CARTS, GC_COURSES = 64, 12


def _gc_rounds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A club fleet's rounds. Carts: 48 V packs, flooded lead-acid (70%: 150-225 Ah at the 20 h rate, Peukert
    k 1.15-1.30) or lithium (105 Ah, k 1.03-1.06), aged 0-6 years (lead-acid loses 8% a year, lithium 3%), the
    tyres' rolling coefficient 0.015-0.03, the cart's own mass 250-330 kg. Courses: 5.0-7.5 km of cart path per 18
    holes, 40-200 m of climb per 18 holes. A round: 10-35 C, one or two people (75-100 kg each), bags 8-18 kg each,
    start charge 0.6-1.0. Mean drive power P = m g v (c_rr + 1.3 climb / length) / 0.4 (motor, controller,
    stop-start) at 4.5 m/s for the time under
    way (a third of the round); the current I = P / 48; the Peukert capacity C (I20 / I)^(k - 1); cold loses
    capacity (lead-acid 0.8% per C below 25, lithium 0.3%). Range in holes = 18 * usable charge ((start - 0.2) C_eff)
    / the charge of a round. 4% scatter. Returns (ids (n, 2): cart, course; numerics (n, 5); log range (n, 1))."""
    lead = torch.rand(GC_CARTS, generator=gen) < 0.7
    cap = torch.where(lead, 150 + 75 * torch.rand(GC_CARTS, generator=gen), torch.full((GC_CARTS,), 105.0))
    k = torch.where(lead, 1.15 + 0.15 * torch.rand(GC_CARTS, generator=gen),
                    1.03 + 0.03 * torch.rand(GC_CARTS, generator=gen))
    age = 6 * torch.rand(GC_CARTS, generator=gen)
    cap = cap * (1 - torch.where(lead, 0.08, 0.03) * age)
    crr = 0.015 + 0.015 * torch.rand(GC_CARTS, generator=gen)
    own = 250 + 80 * torch.rand(GC_CARTS, generator=gen)
    length = 5000 + 2500 * torch.rand(GC_COURSES, generator=gen)
    climb = 40 + 160 * torch.rand(GC_COURSES, generator=gen)
    cart = torch.randint(0, GC_CARTS, (n,), generator=gen)
    course = torch.randint(0, GC_COURSES, (n,), generator=gen)
    temp = 10 + 25 * torch.rand(n, generator=gen)
    people = torch.randint(1, 3, (n,), generator=gen).float()
    body = 75 + 25 * torch.rand(n, generator=gen)
    bags = 8 + 10 * torch.rand(n, generator=gen)
    soc = 0.6 + 0.4 * torch.rand(n, generator=gen)
    m = own[cart] + people * (body + bags)
    p = m * 9.81 * 4.5 * (crr[cart] + 1.3 * climb[course] / length[course]) / 0.4
    i = p / 48
    i20 = cap[cart] / 20
    c_eff = cap[cart] * (i20 / i) ** (k[cart] - 1)
    cold = 1 - torch.where(lead[cart], 0.008, 0.003) * torch.relu(25 - temp)
    ah_round = i * (length[course] / 4.5) / 3600
    holes = 18 * (soc - 0.2) * c_eff * cold / ah_round
    y = torch.log(holes) + 0.04 * torch.randn(n, generator=gen)
    xn = torch.stack([(temp - 22.5) / 7.2, 2 * people - 3, (body - 87.5) / 7.2, (bags - 13) / 2.9,
                      (soc - 0.8) / 0.115], 1)
    return torch.stack([cart, course], 1), xn, y.view(-1, 1)


class FleetRangeNet(nn.Module):
    """Embeddings of the cart (8) and the course (4) with the round's numerics into a ReLU MLP (one hidden layer)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.cart = nn.Embedding(GC_CARTS, 8)
        self.course = nn.Embedding(GC_COURSES, 4)
        self.mlp = nn.Sequential(nn.Linear(8 + 4 + 5, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, ids: torch.Tensor, xn: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.cart(ids[:, 0]), self.course(ids[:, 1]), xn], 1))


def range_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log range."""
    ids, xn, y = batch
    return F.mse_loss(model(ids, xn), y)


def golf_cart_range(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The fleet range net on ``train_size`` rounds, the target standardised over them; held out: 2048 other rounds
    in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(190103)
    ids, xn, y = _gc_rounds(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], xn[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FleetRangeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], xn[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": range_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pallet-jack floor friction: push forces from a floor map (2-D CNN, SGD with Nesterov momentum)

PJ_N = 16


def _pj_floors(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16 x 16 patches (5 cm cells) of warehouse floor crossed left to right by a hand pallet truck whose load
    rollers run along rows 4-5 and 10-11. The floor: a base rolling coefficient by surface (sealed concrete 0.010,
    epoxy 0.008, worn concrete 0.016, asphalt 0.030) with wet or dusty patches (+30%); 0-2 joints across the path
    (raised edges 0-6 mm), a crack (a narrow line 0-4 mm deep-edged), 0-5 debris grains (1-8 mm). The load 300-2500
    kg plus the truck's 70 kg; the rollers (polyurethane, r 40 mm, x1.0; nylon, r 40 mm, x0.6; rubber, r 50 mm,
    x1.8 rolling coefficient). The mean rolling force: N f averaged over the rollers' tracks plus the work of
    lifting the load over each ridge and grain met (the larger of the two tracks' total rise, not given back on the
    way down) over the 0.8 m crossed. The breakaway force: 1.8 x the rolling coefficient at the start column plus
    the climb fraction sqrt(2 h / r) of the highest obstacle within the first 4 cells. Scatter 15% (breakaway)
    and 8% (rolling). Returns (maps (n, 6, 16, 16): height (mm), rolling coefficient, load, roller, the rollers'
    tracks (the truck's path as drawn on the floor plan), the distance along the path; log forces (n, 2):
    breakaway, rolling (N))."""
    surf = torch.randint(0, 4, (n,), generator=gen)
    f0 = torch.tensor([0.010, 0.008, 0.016, 0.030])[surf].view(n, 1, 1)
    cols = torch.arange(PJ_N).float().view(1, 1, -1)
    rows = torch.arange(PJ_N).float().view(1, -1, 1)
    # wet or dusty patches: one blob each
    pc = torch.rand(n, 2, 1, 1, generator=gen) * PJ_N
    pr = 2 + 4 * torch.rand(n, 1, 1, generator=gen)
    patch = ((rows - pc[:, 0:1, 0]) ** 2 + (cols - pc[:, 1:2, 0]) ** 2 < pr**2).float()
    f = f0 * (1 + 0.3 * patch * (torch.rand(n, 1, 1, generator=gen) < 0.6).float())
    height = torch.zeros(n, PJ_N, PJ_N)
    for _ in range(2):
        on = (torch.rand(n, 1, 1, generator=gen) < 0.6).float()
        col = torch.randint(2, PJ_N, (n, 1, 1), generator=gen).float()
        step = 6 * torch.rand(n, 1, 1, generator=gen)
        height = height + on * step * (cols == col).float()
    crack_on = (torch.rand(n, 1, 1, generator=gen) < 0.5).float()
    slope = -0.6 + 1.2 * torch.rand(n, 1, 1, generator=gen)
    c0 = 3 + 10 * torch.rand(n, 1, 1, generator=gen)
    crack = ((cols - (c0 + slope * (rows - 8))).abs() < 0.5).float()
    height = height + crack_on * crack * 4 * torch.rand(n, 1, 1, generator=gen)
    for _ in range(5):
        on = (torch.rand(n, 1, 1, generator=gen) < 0.5).float()
        r = torch.randint(0, PJ_N, (n, 1, 1), generator=gen).float()
        c = torch.randint(0, PJ_N, (n, 1, 1), generator=gen).float()
        size = 1 + 7 * torch.rand(n, 1, 1, generator=gen)
        height = torch.maximum(height, on * size * ((rows == r) & (cols == c)).float())
    load = 300 + 2200 * torch.rand(n, generator=gen)
    roller = torch.randint(0, 3, (n,), generator=gen)
    radius = torch.tensor([40.0, 40.0, 50.0])[roller]
    mult = torch.tensor([1.0, 0.6, 1.8])[roller]
    normal = (load + 70) * 9.81
    tracks = [4, 5, 10, 11]
    f_track = f[:, tracks, :].mean((1, 2)) * mult
    # the mean rolling force: rolling resistance plus the work of lifting the load over each step and grain met
    # (not given back on the way down), over the 0.8 m crossed; the rollers share the load, the larger rise counts
    rise = torch.relu(torch.diff(height[:, tracks, :], dim=2)).sum(2).amax(1) / 1000
    rolling = normal * (f_track + rise / 0.8)
    h_start = height[:, tracks, :4].amax((1, 2))
    breakaway = normal * (1.8 * f[:, tracks, 0].mean(1) * mult + torch.sqrt(2 * h_start / radius).clamp(max=0.6))
    # a spring-scale push test: breakaway readings scatter 15%, the mean rolling force 8%
    y = torch.stack([torch.log(breakaway), torch.log(rolling)], 1) + torch.tensor([0.15, 0.08]) * torch.randn(
        n, 2, generator=gen)
    ones = torch.ones(1, PJ_N, PJ_N)
    path = torch.zeros(1, PJ_N, PJ_N)
    path[:, tracks, :] = 1.0
    along = (cols.view(1, 1, -1) / (PJ_N - 1)).expand(1, PJ_N, PJ_N)
    x = torch.stack([height / 2, (f - 0.016) / 0.008, ((load - 1400) / 635).view(-1, 1, 1) * ones,
                     (mult - 1.13).view(-1, 1, 1) * ones / 0.5, (2 * path - 1).expand(n, -1, -1),
                     (2 * along - 1).expand(n, -1, -1)], 1)
    return x, y


class FloorCNN(nn.Module):
    """A 2-D CNN: three 3 x 3 convolutions (8, 16, 16 channels; the last two with stride 2), each with ReLU and
    ``norm`` (BatchNorm, GroupNorm or none: the exam's plan uses none), global mean and max pooling, a linear head
    to the two log forces."""

    def __init__(self, width: int = 8, norm: str = "batch") -> None:
        super().__init__()

        def block(c_in: int, c_out: int, stride: int) -> list[nn.Module]:
            conv = nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1, bias=norm == "none")
            layer = {"batch": lambda: nn.BatchNorm2d(c_out), "group": lambda: nn.GroupNorm(4, c_out),
                     "none": nn.Identity}[norm]()
            return [conv, layer, nn.ReLU()]

        self.conv = nn.Sequential(*block(6, width, 1), *block(width, 2 * width, 2), *block(2 * width, 2 * width, 2))
        self.head = nn.Linear(4 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = self.conv(x)
        return self.head(torch.cat([z.mean((2, 3)), z.amax((2, 3))], 1))


def push_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log push forces."""
    return _mse(model, batch)


def pallet_jack_friction(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                         norm: str = "batch") -> dict[str, Any]:
    """The floor CNN on ``train_size`` floor patches, targets standardised over them; held out: 2048 other patches
    in batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(190104)
    x, y = _pj_floors(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FloorCNN(norm=norm), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": push_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. drawbridge bascule counterweight: a grey-box drive-torque model (Adagrad; long only)

DB_BRIDGES = 16


def _db_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Drive-torque samples from the opening and closing logs of 16 single-leaf bascules. Per bridge: the leaf's
    weight moment about the trunnion W_l d_l (1.5-4 MN m) at its centre-of-gravity angle (2-10 degrees above the
    deck line), the counterweight's moment W_c d_c (0.9-1.1 of the leaf's: the imbalance) at its own angle (-8 to
    +4 degrees), the trunnion friction (Coulomb 20-60 kN m, viscous), the inertia (2-6e6 kg m^2), the leaf's
    area (150-400 m^2). A sample: opening angle 0-80 degrees, angular speed (+ opening, - closing, 0.5-1.5
    degrees/s), angular acceleration, wind normal to the deck -15 to +15 m/s, snow on the deck 0-0.3 kN/m^2 (in a
    quarter of the samples), temperature -15 to 30 C (friction stiffer in the cold). Torque: the leaf's moment
    W_l d_l cos(theta + phi_l) less the counterweight's W_c d_c cos(theta + phi_c), plus the snow's moment (the
    deck's area x its lever, cos theta), the wind's 0.5 rho 1.6 v |v| A (L/2) (0.2 + sin theta) the friction
    (sign of the speed; x (1 + 0.015 (10 - T)^+)), the viscous term and I alpha. In MN m, with 6 kN m of scatter.
    The features in the log's own units (rad, degrees/s, degrees/s^2, 10 m/s, kN/m^2, C). Returns (bridge ids (n,),
    features (n, 6), torque (n, 1))."""
    wl = 1500 + 2500 * torch.rand(DB_BRIDGES, generator=gen)
    phl = torch.deg2rad(2 + 8 * torch.rand(DB_BRIDGES, generator=gen))
    wc = wl * (0.9 + 0.2 * torch.rand(DB_BRIDGES, generator=gen))
    phc = torch.deg2rad(-8 + 12 * torch.rand(DB_BRIDGES, generator=gen))
    fric = 20 + 40 * torch.rand(DB_BRIDGES, generator=gen)
    inert = 2 + 4 * torch.rand(DB_BRIDGES, generator=gen)
    area = 150 + 250 * torch.rand(DB_BRIDGES, generator=gen)
    b = torch.randint(0, DB_BRIDGES, (n,), generator=gen)
    theta = torch.deg2rad(80 * torch.rand(n, generator=gen))
    opening = torch.rand(n, generator=gen) < 0.5
    omega = torch.where(opening, 1.0, -1.0) * (0.5 + torch.rand(n, generator=gen))
    alpha = 0.3 * torch.randn(n, generator=gen)
    wind = -15 + 30 * torch.rand(n, generator=gen)
    snow = 0.3 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.25).float()
    temp = -15 + 45 * torch.rand(n, generator=gen)
    lever = (area[b] / 12) / 2  # the deck's width 12 m
    torque = (wl[b] * torch.cos(theta + phl[b]) - wc[b] * torch.cos(theta + phc[b])
              + snow * area[b] * lever * torch.cos(theta)
              + 0.5 * 1.25 * 1.6 * wind * wind.abs() * area[b] * lever * (0.2 + torch.sin(theta)) / 1000
              + fric[b] * torch.sign(omega) * (1 + 0.015 * torch.relu(10 - temp)) + 8 * omega
              + inert[b] * 1000 * torch.deg2rad(alpha))
    torque = torque / 1000 + 0.006 * torch.randn(n, generator=gen)
    x = torch.stack([theta, omega, alpha, wind / 10, snow, temp], 1)
    return b, x, torque.view(-1, 1)


class BasculeGreyBox(nn.Module):
    """The bascule's torque balance with its unknowns learned: per bridge (embedded, starting at zero) the imbalance
    moment's cosine and sine coefficients against the opening angle, the trunnion friction, the viscous term, the
    inertia, the wind's coefficient on (0.2 + sin theta) v |v| and the snow's on cos theta; shared, the cold's
    stiffening of the friction below 10 C. The inputs in the log's units, as the drive's engineer writes it."""

    def __init__(self) -> None:
        super().__init__()
        self.bridge = nn.Embedding(DB_BRIDGES, 7)
        nn.init.zeros_(self.bridge.weight)
        self.cold = nn.Parameter(torch.zeros(()))

    def forward(self, b: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        p = self.bridge(b)
        theta, omega, alpha, wind, snow, temp = x.unbind(1)
        torque = (p[:, 0] * torch.cos(theta) + p[:, 1] * torch.sin(theta)
                  + p[:, 2] * torch.sign(omega) * (1 + self.cold * torch.relu(10 - temp)) + p[:, 3] * omega
                  + p[:, 4] * alpha + p[:, 5] * wind * wind.abs() * (0.2 + torch.sin(theta))
                  + p[:, 6] * snow * torch.cos(theta))
        return torque.unsqueeze(1)


def torque_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the drive torque (MN m)."""
    b, x, y = batch
    return F.mse_loss(model(b, x), y)


def drawbridge_bascule(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The grey-box torque model fitted to ``train_size`` log samples; held out: 2048 other samples in batches of
    1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(190105)
    b, x, y = _db_logs(train_size + 2048, gen)
    tr = (b[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BasculeGreyBox(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((b[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": torque_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. portcullis chain wear from a service log (GRU, RAdam)

PC_MONTHS = 12


def _pc_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """12 months of a heritage site's portcullis, raised on a roller chain over a sprocket for demonstrations. Per
    gate: its mass 400-1500 kg (less a counterweight of 0-60% of it), the chain grade (standard, hardened pins,
    stainless: hardness x1.0, x1.8, x0.8; stainless rusts less). Per month: lifts 10-200 (more in summer), rain days
    0-25, greasing (yes in 20% of months), grit (dusty works nearby, 0-1), mean temperature. Wear per month by
    Archard: k x tension x lifts / hardness (the articulation per lift fixed), k from the lubricant film
    (1 - exp(-months since greasing / 3): x0.15 greased, rising to x1 dry), grit (x(1 + 2 grit)) and wet corrosion
    on a dry chain (rain days, halved for stainless, more when warm); the elongation (% of pitch) is the cumulative
    wear plus a seating-in 0.05% (1 - exp(-lifts so far / 300)). 2% scatter per gate, and the monthly gauge
    reading's error (0.01% of pitch). Returns (monthly inputs (n, 12, 8): lifts, rain days, greasing, grit,
    temperature, the gate's mass, its counterweight, the chain grade; elongation (n, 12))."""
    mass = 400 + 1100 * torch.rand(n, 1, generator=gen)
    cw = 0.6 * torch.rand(n, 1, generator=gen)
    grade = torch.randint(0, 3, (n,), generator=gen)
    hard = torch.tensor([1.0, 1.8, 0.8])[grade].view(n, 1)
    rust = torch.tensor([1.0, 1.0, 0.4])[grade].view(n, 1)
    month = (torch.arange(PC_MONTHS).view(1, -1) + torch.randint(0, 12, (n, 1), generator=gen)) % 12
    summer = 0.5 - 0.5 * torch.cos(2 * math.pi * (month.float() - 0.5) / 12)
    lifts = (10 + 190 * torch.rand(n, PC_MONTHS, generator=gen)) * (0.5 + 0.8 * summer)
    rain = 25 * torch.rand(n, PC_MONTHS, generator=gen) * (1.2 - 0.5 * summer)
    grease = (torch.rand(n, PC_MONTHS, generator=gen) < 0.2).float()
    grit = (torch.rand(n, 1, generator=gen) * (0.5 + torch.rand(n, PC_MONTHS, generator=gen))).clamp(max=1)
    temp = 4 + 14 * summer + 3 * torch.randn(n, PC_MONTHS, generator=gen)
    tension = mass * (1 - cw) / 1000
    since = torch.full((n,), 6.0)
    total = torch.zeros(n)
    lifted = torch.zeros(n)
    out = []
    for m in range(PC_MONTHS):
        since = torch.where(grease[:, m] > 0, torch.zeros(n), since + 1)
        dry = 1 - torch.exp(-since / 3)
        k = (0.15 + 0.85 * dry) * (1 + 2 * grit[:, m])
        corr = 0.004 * rain[:, m] * dry * rust[:, 0] * (1 + 0.05 * temp[:, m].clamp_min(0))
        total = total + 2e-4 * k * tension[:, 0] * lifts[:, m] / hard[:, 0] + 0.01 * corr
        lifted = lifted + lifts[:, m]
        out.append(total + 0.05 * (1 - torch.exp(-lifted / 300)))
    y = torch.stack(out, 1) * torch.exp(0.02 * torch.randn(n, 1, generator=gen))
    y = y + 0.01 * torch.randn(n, PC_MONTHS, generator=gen)  # the chain gauge's reading error, % of pitch
    ones = torch.ones(1, PC_MONTHS)
    x = torch.stack([(lifts - 90) / 55, (rain - 12) / 7, 2 * grease - 1, (grit - 0.5) / 0.3, (temp - 11) / 6,
                     ((mass - 950) / 320) * ones, ((cw - 0.3) / 0.17) * ones, (grade.float().view(-1, 1) - 1) * ones],
                    2)
    return x, y


class ChainWearGRU(nn.Module):
    """A one-layer GRU over the months, a linear head on every month's state to the elongation."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.gru = nn.GRU(8, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0]).squeeze(-1)


def elongation_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised elongation over the months."""
    return _mse(model, batch)


def portcullis_chain(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 16) -> dict[str, Any]:
    """The chain-wear GRU on ``train_size`` gates' logs, the elongation standardised month by month over them; held
    out: 2048 other logs in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(190106)
    x, y = _pc_logs(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChainWearGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": elongation_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sidecar_cornering_lift_nadam", sidecar_lift, 300, "sidecar_outfit_chair_wheel_lift_trace_cnn1d", "nadam",
      "finite", 32, seconds=1.4, start_lr=0.008),
    W("moped_fuel_economy_momentum", moped_fuel, 300, "moped_trip_segment_fuel_bsfc_resmlp_ln", "sgd_momentum0.9",
      "finite", 32, dict(width=32), seconds=1.0, start_lr=0.05),
    W("pallet_jack_friction_nesterov", pallet_jack_friction, 300, "pallet_jack_floor_map_push_force_cnn2d",
      "sgd_nesterov0.9_wd5e-4", "finite", 128, dict(norm="none"), seconds=2.5, start_lr=0.05),
    W("portcullis_chain_wear_radam", portcullis_chain, 300, "portcullis_chain_archard_elongation_gru",
      "radam", "finite", 64, seconds=1.2, start_lr=0.512),
)
LONG = (
    W("golf_cart_range_adagrad@long", golf_cart_range, 3000, "golf_cart_fleet_peukert_range_embedding_net",
      "adagrad", "finite", 32, seconds=4.0, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("drawbridge_bascule_adagrad@long", drawbridge_bascule, 3000, "drawbridge_bascule_imbalance_torque_greybox",
      "adagrad", "finite", 32, seconds=3.0, start_lr=1.024, grid_fractions=(0.0, 0.05)),
    W("sidecar_cornering_lift_nadam@long", sidecar_lift, 3000, "sidecar_outfit_chair_wheel_lift_trace_cnn1d",
      "nadam", "finite", 32, dict(train_size=8192, width=16), seconds=6.0, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="sidecar_cornering_lift_nadam"),
    W("moped_fuel_economy_momentum@long", moped_fuel, 3000, "moped_trip_segment_fuel_bsfc_resmlp_ln",
      "sgd_momentum0.9", "finite", 32, dict(train_size=8192, width=32), seconds=6.0, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="moped_fuel_economy_momentum"),
)

REGISTRY = Registry(EXAM, LONG, "exam190_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninetieth exam's workloads")
