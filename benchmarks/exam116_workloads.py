"""The hundred-and-sixteenth exam: six more workload families that neither the suite nor exams 1-114 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam114_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from nutcrackers and shell fracture, watering cans and rose-head flow, bird
feeders and seed depletion, weather vanes and wind alignment, sandbags and flood-barrier seepage, and metronomes and
pendulum tempo (exam 115 was built at the same time from other domains; its module was not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam116/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly or wholly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- nutcracker shell fracture: a 1-D CNN with BatchNorm reads the jaw force-closure curve of an instrumented lever
  nutcracker (48 points over 4 mm, log force) and the nut's caliper diameter, and returns the nut's log shell
  thickness, log shell strength and moisture content; the curve from a thin-shell point-load stiffness
  (Reissner-like, k ~ E t^2 / R), a fracture load ~ sigma t^2, a post-fracture drop to a moisture-dependent residual
  (wet shells tear, dry ones shatter) and Hertz-like kernel contact after a further closure set by the shell's
  thickness; six species (walnut, hazelnut, pecan, almond, macadamia, Brazil nut) not given to the net; MSE of the
  standardised targets; Adam (torch's defaults)
- watering-can rose flow: learned embeddings (8-dimensional) of the can model (10) and the rose (12) with the fill,
  tilt, limescale clogging and holding height, through a SiLU MLP, to the log flow rate and the log spray width on
  the ground; flow from the head over the rose through the spout (Blasius friction, entry and exit losses) and the
  rose's holes (orifice Cd from the plate's thickness-to-hole ratio and the hole Reynolds number), solved by
  fixed-point iteration; the spray from the jets' speed, the dome's half-angle and the fall time, collapsing to a
  dribble at low Weber number; MSE; AdamW (weight decay 1e-2, torch's default)
- bird-feeder seed depletion (a long plan only): an LSTM (16 units) over 28 days (21 observed, 7 to forecast) of
  weather (temperature, snow, rain, day length), the owner's refills, the feeder's level and the grams eaten,
  forecasting the grams eaten on each of the last 7 days; a latent flock growing logistically toward a carrying
  capacity that snow raises, each bird's intake rising in the cold and with snow, falling in rain and with long
  days; the seed below the lowest port out of reach; birds leaving an empty feeder; MSE of the standardised grams;
  RMSprop (torch's defaults: alpha 0.99, no momentum, as in the Keras-era recurrent forecasting recipes)
- sandbag flood-barrier seepage: a 2-D CNN with GroupNorm over the barrier's cross-section (5 courses of bags on a
  foundation row, 8 cells across: log permeability, the wetted zone, an intact plastic liner on the water face)
  to the log seepage per metre and the exit gradient at the landward toe; steady saturated Darcy flow below the
  flood level (harmonic-mean face conductances, a seepage face on the landward side) solved exactly per barrier;
  bags of sand, silty sand or clayey sand with compaction scatter and badly placed bags (open joints); MSE; Adam
  (torch's defaults)
- weather-vane alignment (a long plan only): a pre-LN residual net (16 units, two blocks; LayerNorm, GELU) from a
  rooftop vane's tail area, aspect ratio and arm, the arrow's area and arm, its mass, static imbalance, the mast's
  tilt and the bearing (ball bearing, bronze bush, glass cap on a pin, corroded pin; one-hot) to the log dead-band
  (the largest steady misalignment) at 8 wind speeds from 1 to 12 m/s; the dead-band where the net weathercock
  moment (flat-plate lift with a Helmbold slope and stall, the arrow's moment against the tail's) balances the
  bearing's friction torque and the tilted mast's gravity torque, found by bisection; MSE; RAdam (torch's defaults)
- metronome tempo: a GRU over 24 ticks of a wind-up metronome (the inter-tick intervals from an onset detector
  with 1.5 ms jitter, each as a log and as its deviation from the recording's mean, and each tick's loudness), with
  the metronome's model (one-hot), to the sliding weight's position, the case's tilt and the spring's wind; the
  period of the double-weighted (inverted-slider) compound pendulum, its large-amplitude correction with the
  amplitude decaying as the spring unwinds, and the out-of-beat alternation of the half-swings from the tilt; MSE of
  the standardised targets; Adam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the weather-vane and
bird-feeder nets (no short plans), the nutcracker CNN on 8192 nuts instead of 2048 (8 channels and two conv blocks
instead of 16 and three) and the watering-can net on 8192 tests instead of 1024 (32 units a layer instead of 64).

Of the eight plans, four use Adam (nutcracker, both plans; sandbag; metronome), two AdamW (watering can, both
plans), one RAdam (weather vane) and one RMSprop (bird feeder). The four long plans use four different optimisers
(RAdam, RMSprop, Adam, AdamW).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam116_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam116/README.md).

    python benchmarks/exam116_workloads.py          # the table
    python benchmarks/exam116_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 116"


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
# 1. nutcracker shell fracture from the force-closure curve (Adam)

NC_POINTS = 48
NC_SPECIES = 6


def _nc_nuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Nuts cracked in an instrumented lever nutcracker: the jaw force at 48 closures from 0 to 4 mm. Species
    (walnut, hazelnut, pecan, almond, macadamia, Brazil nut) with a diameter (30, 18, 20, 22, 22, 30 mm), a shell
    thickness (1.2, 1.1, 0.8, 1.8, 3.0, 2.0 mm), a shell strength (8, 15, 12, 10, 30, 18 MPa) and modulus (0.5, 1.0,
    0.8, 0.6, 2.0, 1.2 GPa), each nut scattered about them (lognormal), moisture 4-14% (wetter shells softer and
    weaker). Before fracture a thin-shell point-load stiffness k = 2.3 E t^2 / R (softening slightly as damage
    grows); fracture at F_c = 10 sigma t^2; then the force falls to a residual fraction of F_c (0.1 dry to 0.5 wet)
    decaying over ~0.4 mm as the fragments slide; the kernel is met after a further closure of 0.6 t (the fragments
    pressed in) plus an air gap of 0.05-0.3 mm (Hertz-like, F ~ (delta - gap)^1.5). Load-cell noise 1% + 1 N.
    Returns (curves (n, 2, 48): log force and the diameter, targets (n, 3): log thickness, log strength,
    moisture)."""
    sp = torch.randint(0, NC_SPECIES, (n,), generator=gen)
    dia = torch.tensor([30.0, 18.0, 20.0, 22.0, 22.0, 30.0])[sp] * torch.exp(0.1 * torch.randn(n, generator=gen))
    t = torch.tensor([1.2, 1.1, 0.8, 1.8, 3.0, 2.0])[sp] * torch.exp(0.2 * torch.randn(n, generator=gen))
    sig0 = torch.tensor([8.0, 15.0, 12.0, 10.0, 30.0, 18.0])[sp] * torch.exp(0.25 * torch.randn(n, generator=gen))
    e0 = torch.tensor([500.0, 1000.0, 800.0, 600.0, 2000.0, 1200.0])[sp] \
        * torch.exp(0.2 * torch.randn(n, generator=gen))
    moist = 0.04 + 0.10 * torch.rand(n, generator=gen)
    sig = sig0 * (1 - 2.5 * (moist - 0.08))
    e = e0 * (1 - 3.0 * (moist - 0.08))
    r = dia / 2
    k = 2.3 * e * t**2 / r
    fc = 10 * sig * t**2
    dc = fc / k
    resid = 0.1 + 4.0 * (moist - 0.04)
    gap = 0.6 * t + 0.05 + 0.25 * torch.rand(n, generator=gen)
    kk = 60 * dia / 25
    d = torch.linspace(0, 4, NC_POINTS).view(1, -1)
    dc_, fc_ = dc.view(-1, 1), fc.view(-1, 1)
    pre = k.view(-1, 1) * d * (1 - 0.2 * d / dc_)
    post = fc_ * resid.view(-1, 1) * torch.exp(-(d - dc_).clamp_min(0) / 0.4)
    kernel = kk.view(-1, 1) * (d - dc_ - gap.view(-1, 1)).clamp_min(0) ** 1.5
    force = torch.where(d <= dc_, pre, post + kernel)
    force = force * (1 + 0.01 * torch.randn(force.shape, generator=gen)) + torch.randn(force.shape, generator=gen)
    curve = (torch.log1p(force.clamp_min(0) / 20) - 2.0) / 1.5
    x = torch.stack([curve, ((dia - 24) / 6).view(-1, 1).expand(-1, NC_POINTS)], 1)
    y = torch.stack([torch.log(t), torch.log(sig), moist], 1)
    return x, y


class CrackCurveCNN(nn.Module):
    """A 1-D CNN (conv - BatchNorm - ReLU, max-pooling after the first two blocks) over the force-closure curve,
    then a linear head."""

    def __init__(self, width: int = 16, blocks: int = 3) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        c_in = 2
        for i in range(blocks):
            c_out = width if i == 0 else 2 * width
            layers += [nn.Conv1d(c_in, c_out, 5 if i < 2 else 3, padding=2 if i < 2 else 1), nn.BatchNorm1d(c_out),
                       nn.ReLU()]
            if i < 2:
                layers.append(nn.MaxPool1d(2))
            c_in = c_out
        self.features = nn.Sequential(*layers)
        self.head = nn.Linear(c_in * (NC_POINTS // 4), 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def crack_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log thickness, log strength and moisture."""
    return _mse(model, batch)


def nutcracker_fracture(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16,
                        blocks: int = 3) -> dict[str, Any]:
    """The crack-curve CNN on 2048 cracked nuts, targets standardised over them; held out: 2048 other nuts in
    batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(116101)
    x, y = _nc_nuts(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrackCurveCNN(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": crack_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. watering-can rose flow and spray (AdamW)

WC_CANS = 10
WC_ROSES = 12


def _wc_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Bench tests of watering cans with roses. Ten can models (capacity 1-12 L, spout 0.30-0.60 m long, 8-15 mm
    bore) and twelve roses (20-150 holes of 0.6-2.0 mm in a 0.3-1.5 mm plate, a dome half-angle of 5-35 degrees),
    drawn once; the fill (10-100%), the tilt (20-60 degrees), limescale blocking 0-60% of the holes, the rose held
    0.3-1.0 m above the bed. The head over the rose h = the water depth + 0.5 L_spout sin(tilt - 20 deg) + 2 cm;
    h = Q^2 / (2 g) [1 / (Cd A_rose)^2 + (1.5 + f L / D) / A_spout^2] with Blasius friction and an orifice Cd from
    0.61 (thin plate) toward 0.82 (short tube) with the plate's thickness-to-hole ratio, lower at small hole
    Reynolds numbers; solved by 6 fixed-point passes. The spray: jets at v = Q / A_rose fanning +-(half-angle),
    leaving downward at (tilt - 20 deg), their fall time to the bed, the width 2 v sin(half-angle) t_fall plus the
    rose's diameter, shrunk toward a dribble below a Weber number of ~10. Scatter: 4% on the flow (bucket and
    stopwatch), 10% on the spray width (a ragged edge read off a ruler). Returns (can index,
    rose index, continuous features (n, 4), log flow (L/min) and log width (cm) (n, 2))."""
    tables = torch.Generator().manual_seed(116192)
    cap = torch.tensor([1.0, 1.5, 2.0, 4.5, 5.0, 6.0, 7.0, 9.0, 10.0, 12.0])
    spout_l = 0.30 + 0.30 * torch.rand(WC_CANS, generator=tables)
    spout_d = (8 + 7 * torch.rand(WC_CANS, generator=tables)) / 1000
    holes = torch.randint(20, 151, (WC_ROSES,), generator=tables).float()
    hole_d = (0.6 + 1.4 * torch.rand(WC_ROSES, generator=tables)) / 1000
    plate = (0.3 + 1.2 * torch.rand(WC_ROSES, generator=tables)) / 1000
    half = torch.deg2rad(5 + 30 * torch.rand(WC_ROSES, generator=tables))
    can = torch.randint(0, WC_CANS, (n,), generator=gen)
    rose = torch.randint(0, WC_ROSES, (n,), generator=gen)
    fill = 0.1 + 0.9 * torch.rand(n, generator=gen)
    tilt = 20 + 40 * torch.rand(n, generator=gen)
    clog = 0.6 * torch.rand(n, generator=gen) ** 1.5
    height = 0.3 + 0.7 * torch.rand(n, generator=gen)
    g, nu = 9.81, 1.0e-6
    body = 0.18 * (cap[can] / 5) ** (1 / 3)
    ls, ds = spout_l[can], spout_d[can]
    head = fill * body + 0.5 * ls * torch.sin(torch.deg2rad(tilt - 20)) + 0.02
    d = hole_d[rose]
    area_r = holes[rose] * (1 - clog) * math.pi * d**2 / 4
    area_s = math.pi * ds**2 / 4
    ratio = plate[rose] / d
    q = torch.full((n,), 5e-5)
    for _ in range(6):
        v_s, v_h = q / area_s, q / area_r
        fr = 0.316 * (v_s * ds / nu).clamp_min(100) ** -0.25
        re_h = v_h * d / nu
        cd = (0.61 + 0.21 * torch.sigmoid(4 * (ratio - 0.8))) * re_h / (re_h + 40)
        q = torch.sqrt(head / ((1 / (cd * area_r) ** 2 + (1.5 + fr * ls / ds) / area_s**2) / (2 * g)))
    v = q / area_r
    down = torch.deg2rad(tilt - 20)
    vd = v * torch.sin(down)
    t_fall = (-vd + torch.sqrt(vd**2 + 2 * g * height)) / g
    width = 2 * v * torch.sin(half[rose]) * t_fall + 3 * d * holes[rose].sqrt()
    weber = 1000 * v**2 * d / 0.072
    width = width * (0.2 + 0.8 * torch.sigmoid((weber - 10) / 3))
    y = torch.stack([torch.log(q * 60000), torch.log(width * 100)], 1) \
        + torch.tensor([0.04, 0.10]) * torch.randn(n, 2, generator=gen)
    x = torch.stack([(fill - 0.55) / 0.26, (tilt - 40) / 11.5, (clog - 0.24) / 0.17, (height - 0.65) / 0.2], 1)
    return can, rose, x, y


class RoseFlowNet(nn.Module):
    """Embeddings of the can model and the rose, concatenated with the continuous settings, through a SiLU MLP."""

    def __init__(self, hidden: int = 64, emb: int = 8) -> None:
        super().__init__()
        self.can = nn.Embedding(WC_CANS, emb)
        self.rose = nn.Embedding(WC_ROSES, emb)
        self.net = nn.Sequential(nn.Linear(2 * emb + 4, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, can: torch.Tensor, rose: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.can(can), self.rose(rose), x], 1))


def rose_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log flow and log spray width."""
    can, rose, x, y = batch
    return F.mse_loss(model(can, rose, x), y)


def watering_can_rose(batch_size: int = 32, seed: int = 0, train_size: int = 1024,
                      hidden: int = 64) -> dict[str, Any]:
    """The rose-flow net on 1024 bench tests, targets standardised over them; held out: 2048 other tests in batches
    of 1024; AdamW (weight decay 1e-2, torch's default)."""
    gen = torch.Generator().manual_seed(116102)
    can, rose, x, y = _wc_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (can[:train_size], rose[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RoseFlowNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((can[train_size:], rose[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": rose_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. bird-feeder seed depletion forecast (Adam)

BF_DAYS, BF_HIST = 28, 21


def _bf_series(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Garden feeders weighed daily: a start day in October-March (latitude ~52 N: day length 12 - 4.5 cos(2 pi
    (doy + 10) / 365) h), temperature a seasonal mean plus an AR(1) anomaly (0.7, sd 3 C), precipitation on 45% of
    days (exponential, mean 5 mm) falling as snow below 0.5 C, snow cover building and melting above 1 C. A latent
    flock: logistic growth (0.15 a day) toward a carrying capacity of 8-60 birds (log-uniform), 1.8x while snow
    lies, plus 0.3 birds a day arriving, 25% leaving after a day at an empty feeder. Each bird's demand 3-6 g a day,
    x (1 + 0.04 (15 - T)+) x (1.5 with snow) x (1 - 0.3 tanh(rain / 8)) x (10 / day length)^0.3. The feeder holds
    300-1500 g, refilled every 3-7 days; seed below 8% of the capacity (under the lowest port) is out of reach.
    Weighing noise 5 g + 5%. 20 days of burn-in, then 28 recorded: the first 21 with the level and the grams eaten,
    the last 7 with the weather and refills only. Returns (inputs (n, 28, 8), grams eaten / 100 on the last 7 days
    (n, 7))."""
    cap_k = torch.exp(math.log(8) + (math.log(60) - math.log(8)) * torch.rand(n, generator=gen))
    g0 = 3 + 3 * torch.rand(n, generator=gen)
    cap = 300 + 1200 * torch.rand(n, generator=gen)
    period = torch.randint(3, 8, (n,), generator=gen)
    phase = torch.randint(0, 7, (n,), generator=gen)
    doy0 = torch.where(torch.rand(n, generator=gen) < 0.5, 274 + 90 * torch.rand(n, generator=gen),
                       90 * torch.rand(n, generator=gen))
    flock = cap_k * (0.2 + 0.8 * torch.rand(n, generator=gen))
    level = cap.clone()
    anom = 3 * torch.randn(n, generator=gen)
    snow = torch.zeros(n)
    rows, eaten_all = [], []
    burn = 20
    for day in range(burn + BF_DAYS):
        doy = doy0 + day
        daylen = 12 - 4.5 * torch.cos(2 * math.pi * (doy + 10) / 365)
        anom = 0.7 * anom + 3 * math.sqrt(1 - 0.49) * torch.randn(n, generator=gen)
        temp = 9 - 8 * torch.cos(2 * math.pi * (doy - 15) / 365) + anom
        wet = torch.rand(n, generator=gen) < 0.45
        precip = torch.where(wet, -5 * torch.log(torch.rand(n, generator=gen).clamp_min(1e-6)), torch.zeros(n))
        snowfall = torch.where(temp < 0.5, precip, torch.zeros(n))
        rain = precip - snowfall
        snow = (snow + snowfall - 2.0 * (temp - 1).clamp_min(0)).clamp_min(0)
        cover = (snow > 0.5).float()
        refill = ((day + phase) % period == 0).float()
        level = torch.where(refill > 0, cap, level)
        demand = flock * g0 * (1 + 0.04 * (15 - temp).clamp_min(0)) * (1 + 0.5 * cover) \
            * (1 - 0.3 * torch.tanh(rain / 8)) * (10 / daylen) ** 0.3
        start = level
        eaten = torch.minimum(demand, (level - 0.08 * cap).clamp_min(0))
        level = level - eaten
        empty = (level <= 0.08 * cap + 1).float()
        kk = cap_k * (1 + 0.8 * cover)
        flock = (flock + 0.15 * flock * (1 - flock / kk) + 0.3) * (1 - 0.25 * empty)
        if day >= burn:
            seen = eaten * (1 + 0.05 * torch.randn(n, generator=gen)) + 5 * torch.randn(n, generator=gen)
            rows.append(torch.stack([temp / 10, cover, rain / 10, (daylen - 10) / 2, refill, start / 1000,
                                     seen / 100], 1))
            eaten_all.append(seen / 100)
    x = torch.stack(rows, 1)
    hist = torch.zeros(n, BF_DAYS, 1)
    hist[:, :BF_HIST] = 1
    x[:, BF_HIST:, 5:7] = 0  # the level and the grams eaten are not known ahead
    y = torch.stack(eaten_all, 1)[:, BF_HIST:]
    return torch.cat([x, hist], 2), y


class FeederLSTM(nn.Module):
    """A one-layer LSTM over the 28 days, a linear head read at each of the last 7."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(8, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h[:, BF_HIST:]).squeeze(-1)


def feeder_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised grams eaten on the 7 forecast days."""
    return _mse(model, batch)


def bird_feeder(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The feeder LSTM (16 units) on 8192 feeders' records, targets standardised (one mean and sd) over them; held
    out: 2048 other feeders in batches of 1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(116103)
    x, y = _bf_series(train_size + 2048, gen)
    mu, sd = y[:train_size].mean(), y[:train_size].std()
    y = (y - mu) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FeederLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": feeder_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. sandbag flood-barrier seepage (Adam)

SB_ROWS, SB_COLS = 6, 8  # a foundation row under 5 courses; 8 cells across the barrier


def _sb_barriers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sandbag barriers' cross-sections, 5 courses of bags (two cells a bag across, 4 bags a course, joints
    staggered) on a foundation row. Bag fill: sand, silty sand or clayey sand (k 1e-4, 1e-5, 1e-6 m/s), each bag x a
    compaction scatter (lognormal, sd 0.5 in ln); each bag badly placed (an open joint: k x 50) with a chance of 0,
    1, 2 or 3 in 24 (drawn per barrier); the foundation's k log-uniform 1e-7 to 1e-3 m/s. The flood 1.2-4.8 courses
    high. A plastic liner on the water face in 40% of the barriers (its conductance x 0.02), torn over one course in
    half of them. Steady saturated Darcy flow below the flood level (dry cells above it carry no boundary flow):
    harmonic-mean face conductances, the flood's head on the water face, a seepage face (head = elevation) on the
    landward face, the foundation draining at ground level; the linear system solved exactly (cells 0.3 m). Scatter
    0.013 on the log10 seepage, 3% of the mean on the exit gradient. Returns (maps (n, 3, 6, 8): log10 k, wetted
    cells, liner intact on the water face; the log10 seepage per metre (m^2/s, +7) and the exit gradient at the
    landward toe (n, 2))."""
    rows, cols = SB_ROWS, SB_COLS
    fill = torch.randint(0, 3, (n, rows - 1, cols // 2), generator=gen)
    logk_bag = torch.tensor([-4.0, -5.0, -6.0])[fill] + 0.5 / math.log(10) * torch.randn(n, rows - 1, cols // 2,
                                                                                            generator=gen)
    bad = torch.rand(n, rows - 1, cols // 2, generator=gen) < (torch.randint(0, 4, (n, 1, 1), generator=gen) / 24)
    logk_bag = logk_bag + bad.float() * math.log10(50)
    cells = logk_bag.repeat_interleave(2, dim=2)
    stagger = torch.roll(cells, 1, dims=2)
    odd = (torch.arange(rows - 1) % 2 == 1).view(1, -1, 1)
    cells = torch.where(odd, stagger, cells)
    found = (-7 + 4 * torch.rand(n, 1, 1, generator=gen)).expand(-1, 1, cols)
    logk = torch.cat([found, cells], 1)  # row 0: the foundation
    flood = 1.2 + 3.6 * torch.rand(n, generator=gen)
    z = torch.arange(rows).float() - 0.5  # cell-centre elevations (the foundation at -0.5)
    wet = (z.view(1, -1) < flood.view(-1, 1)).float()  # (n, rows)
    liner = (torch.rand(n, 1, generator=gen) < 0.4).float().expand(-1, rows).clone()
    torn = torch.randint(1, rows, (n,), generator=gen)
    tear = torch.rand(n, generator=gen) < 0.5
    liner[torch.arange(n)[tear], torn[tear]] = 0
    liner[:, 0] = 0
    k = 10 ** (logk + 4)  # relative to 1e-4 m/s
    nn_ = rows * cols
    idx = torch.arange(nn_).view(rows, cols)
    a = torch.zeros(n, nn_ * nn_)
    b = torch.zeros(n, nn_)

    def couple(i: torch.Tensor, j: torch.Tensor, t: torch.Tensor) -> None:
        a.index_add_(1, i * nn_ + i, t)
        a.index_add_(1, j * nn_ + j, t)
        a.index_add_(1, i * nn_ + j, -t)
        a.index_add_(1, j * nn_ + i, -t)

    kf = k.reshape(n, -1)
    hi, hj = idx[:, :-1].reshape(-1), idx[:, 1:].reshape(-1)
    couple(hi, hj, 2 * kf[:, hi] * kf[:, hj] / (kf[:, hi] + kf[:, hj]))
    vi, vj = idx[:-1, :].reshape(-1), idx[1:, :].reshape(-1)
    couple(vi, vj, 2 * kf[:, vi] * kf[:, vj] / (kf[:, vi] + kf[:, vj]))
    left, right = idx[:, 0], idx[:, -1]
    t_left = 2 * kf[:, left] * wet * (1 - 0.98 * liner)
    t_right = 2 * kf[:, right] * wet
    a.index_add_(1, left * nn_ + left, t_left)
    a.index_add_(1, right * nn_ + right, t_right)
    a.view(n, nn_, nn_).diagonal(dim1=1, dim2=2).add_(1e-9)
    b[:, left] += t_left * flood.view(-1, 1)
    b[:, right] += t_right * z.clamp_min(0).view(1, -1)
    h = torch.linalg.solve(a.view(n, nn_, nn_).double(), b.double()).float()
    q = (t_left * (flood.view(-1, 1) - h[:, left])).sum(1)
    exit_grad = (h[:, right[0]] - 0) / 0.5
    y = torch.stack([torch.log10(q * 1e-4 * 0.3) + 7, exit_grad], 1)
    y = y + torch.stack([0.013 * torch.randn(n, generator=gen), 0.03 * exit_grad.abs().mean()
                         * torch.randn(n, generator=gen)], 1)
    wet_map = wet.view(n, rows, 1).expand(-1, -1, cols)
    liner_map = torch.zeros(n, rows, cols)
    liner_map[:, :, 0] = liner
    x = torch.stack([(logk + 5) / 1.2, wet_map, liner_map], 1)
    return x, y


class SeepageCNN(nn.Module):
    """Three 3x3 convolutions (GroupNorm, ReLU) over the cross-section, a 1x1 convolution to 8 channels, then a
    small dense head."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, width, 3, padding=1), nn.GroupNorm(4, width), nn.ReLU(),
            nn.Conv2d(width, 2 * width, 3, padding=1), nn.GroupNorm(4, 2 * width), nn.ReLU(),
            nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.GroupNorm(4, 2 * width), nn.ReLU(),
        )
        self.head = nn.Sequential(nn.Conv2d(2 * width, 8, 1), nn.ReLU(), nn.Flatten(),
                                  nn.Linear(8 * SB_ROWS * SB_COLS, 64), nn.ReLU(), nn.Linear(64, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def seepage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log seepage and toe exit gradient."""
    return _mse(model, batch)


def sandbag_seepage(batch_size: int = 32, seed: int = 0, train_size: int = 3072, width: int = 16) -> dict[str, Any]:
    """The seepage CNN on 3072 barriers, targets standardised over them; held out: 2048 other barriers in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(116104)
    x, y = _sb_barriers(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SeepageCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": seepage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. weather-vane alignment dead-band (RAdam; long only)

WV_SPEEDS = (1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0)
WV_BEARINGS = 4


def _wv_vanes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rooftop weather vanes in a wind tunnel: the tail's area 0.02-0.20 m^2 and aspect ratio 0.5-3 on an arm of
    0.3-1.0 m; the arrow's area 5-30% of the tail's on an arm of 0.15-0.5 m; the vane's mass 0.5-5 kg, its static
    imbalance 0-3 cm, the mast's tilt 0-3 degrees; the bearing (ball bearing, bronze bush, glass cap on a steel pin,
    corroded pin: friction coefficients 0.004, 0.08, 0.03, 0.25, each x a lognormal scatter (sd 0.3), on radii 8,
    10, 2, 6 mm). The weathercock moment 0.5 rho U^2 C(a) [A_t l_t - 0.7 A_n l_n] (the arrow at 0.7 of its
    flat-plate moment, both with the tail's coefficient): a flat plate's lift slope 2 pi AR / (2 + sqrt(AR^2 + 4))
    (Helmbold, from memory) up to a stall angle falling with AR (35 to 12 degrees), then the larger of a
    normal-force curve 1.1 sin(a) cos(a) + 0.15 and the stall value tapering as cos(a - stall); the dead-band is
    the angle where that moment meets the bearing's torque mu m g r plus the tilted mast's gravity torque m g e
    sin(tilt), by bisection over 0-90 degrees (clamped to 0.05-90 degrees). Scatter 0.03 on the log. Returns
    (features (n, 12), log dead-band in degrees at 8 wind speeds (n, 8))."""
    at = 0.02 + 0.18 * torch.rand(n, generator=gen)
    ar = 0.5 + 2.5 * torch.rand(n, generator=gen)
    lt = 0.3 + 0.7 * torch.rand(n, generator=gen)
    an = at * (0.05 + 0.25 * torch.rand(n, generator=gen))
    ln = 0.15 + 0.35 * torch.rand(n, generator=gen)
    mass = 0.5 + 4.5 * torch.rand(n, generator=gen)
    ecc = 0.03 * torch.rand(n, generator=gen)
    tilt = torch.deg2rad(3 * torch.rand(n, generator=gen))
    brg = torch.randint(0, WV_BEARINGS, (n,), generator=gen)
    mu = torch.tensor([0.004, 0.08, 0.03, 0.25])[brg] * torch.exp(0.3 * torch.randn(n, generator=gen))
    rb = torch.tensor([0.008, 0.010, 0.002, 0.006])[brg]
    g, rho = 9.81, 1.2
    resist = mu * mass * g * rb + mass * g * ecc * torch.sin(tilt)
    slope = 2 * math.pi * ar / (2 + torch.sqrt(ar**2 + 4))
    stall = torch.deg2rad(35 - 23 * (ar - 0.5) / 2.5)

    def coef(a: torch.Tensor) -> torch.Tensor:
        lin = slope.view(-1, 1) * a
        post = 1.1 * torch.sin(a) * torch.cos(a) + 0.15
        st = stall.view(-1, 1)
        return torch.where(a < st, lin, torch.maximum(post, slope.view(-1, 1) * st * torch.cos(a - st)))

    u = torch.tensor(WV_SPEEDS).view(1, -1)
    q = 0.5 * rho * u**2
    lo = torch.zeros(n, len(WV_SPEEDS))
    hi = torch.full((n, len(WV_SPEEDS)), math.pi / 2)

    def moment(a: torch.Tensor) -> torch.Tensor:
        c = coef(a)
        return q * c * (at * lt - 0.7 * an * ln).view(-1, 1)

    for _ in range(28):
        mid = 0.5 * (lo + hi)
        short = moment(mid) < resist.view(-1, 1)
        lo, hi = torch.where(short, mid, lo), torch.where(short, hi, mid)
    band = torch.rad2deg(0.5 * (lo + hi)).clamp(0.05, 90)
    y = torch.log(band) + 0.03 * torch.randn(band.shape, generator=gen)
    x = torch.cat([torch.stack([(at - 0.11) / 0.052, (ar - 1.75) / 0.72, (lt - 0.65) / 0.2, (an / at - 0.175) / 0.072,
                                (ln - 0.325) / 0.1, (mass - 2.75) / 1.3, (ecc - 0.015) / 0.0087,
                                (torch.rad2deg(tilt) - 1.5) / 0.87], 1),
                   F.one_hot(brg, WV_BEARINGS).float()], 1)
    return x, y


class VaneResNet(nn.Module):
    """A pre-LN residual net: a linear stem, blocks of LayerNorm - Linear - GELU - Linear with a skip, a final
    LayerNorm and a linear head to the 8 log dead-bands."""

    def __init__(self, hidden: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(8 + WV_BEARINGS, hidden)
        self.blocks = nn.ModuleList(
            nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 2 * hidden), nn.GELU(), nn.Linear(2 * hidden, hidden))
            for _ in range(blocks))
        self.norm = nn.LayerNorm(hidden)
        self.head = nn.Linear(hidden, len(WV_SPEEDS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def vane_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log dead-bands."""
    return _mse(model, batch)


def weather_vane(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The vane net on 8192 tunnel tests, targets standardised over them; held out: 2048 other vanes in batches of
    1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(116105)
    x, y = _wv_vanes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VaneResNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": vane_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. metronome tempo from the tick intervals (RMSprop; long only)

MT_TICKS = 24
MT_MODELS = 3


def _mt_recordings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Recordings of wind-up metronomes: three models (bob 30, 45, 25 g at 30, 35, 28 mm below the pivot; sliding
    weight 8, 10, 7 g; rod inertia 1e-6, 2e-6, 1e-6 kg m^2), a tempo 40-208 beats a minute (log-uniform) that sets
    the slider's height s above the pivot (the small-swing period T0 = 2 pi sqrt(I / (g (M r - m s))), I = M r^2 +
    m s^2 + I_rod, solved for s), the spring's wind 0.2-1 (the amplitude 0.75 rad sqrt(wind), the wind falling by
    0.004 a tick), the case tilted -3 to 3 degrees (out of beat: the two half-swings 1 +- 0.6 tilt / amplitude of
    half the period). The period's large-amplitude factor 1 + a^2 / 16 + 11 a^4 / 3072. Onsets detected with 1.5 ms
    jitter; each tick's loudness (dB, from the escapement's impulse) follows the amplitude, 20 log10(amplitude / 0.75
    rad), with 1 dB of scatter. Returns (inputs (n, 24, 6): the scaled log interval, its deviation from the
    recording's mean log interval (x 5), the scaled loudness and the model one-hot; targets (n, 3): s in cm, the
    tilt in degrees, the wind)."""
    model = torch.randint(0, MT_MODELS, (n,), generator=gen)
    bm = torch.tensor([0.030, 0.045, 0.025])[model]
    rm = torch.tensor([0.030, 0.035, 0.028])[model]
    sm = torch.tensor([0.008, 0.010, 0.007])[model]
    ir = torch.tensor([1e-6, 2e-6, 1e-6])[model]
    bpm = torch.exp(math.log(40) + (math.log(208) - math.log(40)) * torch.rand(n, generator=gen))
    w2 = (2 * math.pi * bpm / 120) ** 2
    g = 9.81
    c = w2 * (bm * rm**2 + ir) - g * bm * rm
    s = (-g * sm + torch.sqrt(g**2 * sm**2 - 4 * w2 * sm * c)) / (2 * w2 * sm)
    wind = 0.2 + 0.8 * torch.rand(n, generator=gen)
    tilt = -3 + 6 * torch.rand(n, generator=gen)
    t0 = 120 / bpm
    k = torch.arange(MT_TICKS).float().view(1, -1)
    amp = 0.75 * (wind.view(-1, 1) - 0.004 * k).clamp_min(0.05).sqrt()
    period = t0.view(-1, 1) * (1 + amp**2 / 16 + 11 * amp**4 / 3072)
    sign = torch.where(k % 2 == 0, 1.0, -1.0)
    half = 0.5 * period * (1 + sign * 0.6 * torch.deg2rad(tilt).view(-1, 1) / amp)
    onsets = torch.cat([torch.zeros(n, 1), half.cumsum(1)], 1) + 0.0015 * torch.randn(n, MT_TICKS + 1, generator=gen)
    intervals = onsets.diff(dim=1)
    loud = 20 * torch.log10(amp / 0.75) + torch.randn(n, MT_TICKS, generator=gen)
    log_iv = torch.log(intervals.clamp_min(0.05))
    x = torch.cat([(log_iv - math.log(0.6)).unsqueeze(-1) / 0.5,
                   5 * (log_iv - log_iv.mean(1, keepdim=True)).unsqueeze(-1),
                   (loud.unsqueeze(-1) + 3) / 2.5,
                   F.one_hot(model, MT_MODELS).float().view(n, 1, -1).expand(-1, MT_TICKS, -1)], 2)
    y = torch.stack([s * 100, tilt, wind], 1)
    return x, y


class TickGRU(nn.Module):
    """A one-layer GRU over the tick intervals, a linear head on its last state."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(3 + MT_MODELS, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return self.head(h[-1])


def tick_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised slider height, tilt and wind."""
    return _mse(model, batch)


def metronome_tempo(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The tick GRU on 2048 recordings, targets standardised over them; held out: 2048 other recordings in batches
    of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(116106)
    x, y = _mt_recordings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TickGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tick_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("nutcracker_fracture_adam", nutcracker_fracture, 300, "nutcracker_shell_fracture_force_curve_cnn1d", "adam",
      "finite", 64, seconds=0.9, start_lr=0.016),
    W("watering_can_rose_adamw", watering_can_rose, 300, "watering_can_rose_flow_spray_embedding_mlp", "adamw",
      "finite", 32, seconds=0.3, start_lr=0.064),
    W("sandbag_seepage_adam", sandbag_seepage, 300, "sandbag_barrier_darcy_seepage_cnn2d", "adam", "finite", 32,
      seconds=1.3, start_lr=0.004),
    W("metronome_tempo_adam", metronome_tempo, 300, "metronome_tick_interval_slider_tilt_gru", "adam", "finite", 64,
      seconds=1.1, start_lr=0.032),
)
LONG = (
    W("weather_vane_radam@long", weather_vane, 3000, "weather_vane_friction_deadband_resnet", "radam", "finite", 32,
      seconds=4.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("bird_feeder_rmsprop@long", bird_feeder, 3000, "bird_feeder_seed_depletion_forecast_lstm", "rmsprop", "finite",
      32, seconds=3.2, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("nutcracker_fracture_adam@long", nutcracker_fracture, 3000, "nutcracker_shell_fracture_force_curve_cnn1d",
      "adam", "finite", 32, dict(train_size=8192, width=8, blocks=2), seconds=4.4, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="nutcracker_fracture_adam"),
    W("watering_can_rose_adamw@long", watering_can_rose, 3000, "watering_can_rose_flow_spray_embedding_mlp", "adamw",
      "finite", 32, dict(train_size=8192, hidden=32), seconds=2.8, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="watering_can_rose_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam116_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixteenth exam's workloads")
