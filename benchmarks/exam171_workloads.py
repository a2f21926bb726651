"""The hundred-and-seventy-first exam: six more workload families that neither the suite nor exams 1-170 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam170_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``, or a stream of fresh records). Its families come from fuse boxes and fuse blowing, tackle boxes
and lure sink rate, router bits and edge tear-out, dog bowls and slow feeding, nappies and leak absorbency, and
space hoppers and bounce height (exams 172-174 were built at the same time from other domains; their modules were
not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam171/README.md``. Models, laws and optimiser settings are written from memory (no source
was looked up); where a law is named, its form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- fuse thermal load from a consumer unit's current trace: a 1-D CNN over 64 samples (0.1 s apart) of the circuit's
  current in multiples of the fuse's rating (a base load, appliance switch-ons, motor-start inrushes, sometimes an
  overload), with the fuse's speed class (fast-acting, medium, time-delay; one-hot channels) and the box's
  ambient temperature, to the log of the element's peak temperature rise as a fraction of its melting rise (above
  0 it would have blown); the element heated by I^2 R(theta) (resistance rising with temperature up to melting)
  and cooled to the fuse body with a class-dependent thermal time constant; 15% scatter (the element's tolerance);
  MSE; Adam (torch's defaults)
- lure sink rate from a tackle shop's tank tests: an embedding net over the lure's catalogue number (400 lures:
  jigs, spoons, weighted soft plastics, sinking crankbaits, spinners, blade baits, each with its own mass, volume
  and drag area), the line (monofilament, fluorocarbon, braid; an embedding) and the trailer (none or one of five;
  an embedding), with the line's diameter, the water's temperature and salinity, to the log sink rate at 1 m and
  the log time to 5 m; terminal velocity from the lure's weight in water against quadratic drag on the lure and the
  line paid out behind it (line drag growing with depth); 3% tank scatter; MSE of the standardised logs; Adagrad
  (torch's defaults)
- router-bit edge tear-out: a Pre-LN transformer over 24 segments of a board's edge (the local grain angle to the
  edge, the density, figured grain), each with the cut's settings (climb or conventional, feed, spindle speed,
  bit diameter, flutes, edge wear, depth of cut), to the tear-out depth at each segment; fibres lifted where the
  cutter meets rising grain, in proportion to the chip thickness (feed per tooth) and the edge's wear, and the split
  running on along the grain into the following segments; MSE of log1p(depth / 0.1 mm); AdamW (torch's defaults)
- slow-feeder dog bowls, meal durations from a fleet of smart bowls: an embedding net over the dog (600 dogs) and
  the bowl (a plain bowl and nine slow-feeder maze designs), with the portion, the kibble size, the hours since the
  last meal and a wet topper, to the log meal duration and the log peak eating rate; the dog's drive (body mass^0.7,
  greed, hunger) times the bowl's access, which falls with the maze's depth and small kibble, the rate falling as a
  power of the food left (the kibble left lies deeper in the maze), the dog's pauses; 12% scatter; MSE of the
  standardised logs; Adam (torch's defaults)
- nappy leakage in a three-insult test: a grey-box net (an MLP from the core's design, the superabsorbent grade,
  fluff, the acquisition layer and the core length, to the core's capacity, its uptake speed and its gel-blocking
  exponent) inside a fixed insult model: each insult arrives at a given volume and flow rate; the core takes it up
  at a speed falling with the capacity used (gel blocking), what it cannot take up in time or hold leaks; 2 ml
  test scatter; MSE of the three leaks (in 10 ml); NAdam (torch's defaults)
- space hopper bounce (a stream of logged bounces): a residual MLP with LayerNorm from the ball's diameter, its
  inflation pressure, the temperature, the child's mass, the previous apex, the leg push and the surface (concrete,
  carpet, grass, sand; one-hot) to the log apex height and the log contact time; the ball as an air spring
  (stiffness from the gauge pressure over the flattened contact patch, polytropic stiffening), the rubber's
  hysteresis rising with the squash and the cold, the surface's own loss, bottoming out when the squash passes
  60% of the radius; 1% scatter; MSE; Adagrad (torch's defaults: an online fit)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the lure and space-hopper
nets (no short plans, both Adagrad), the meal net with 4% meal-to-meal scatter instead of 12% and the nappy
grey-box on 8192 tests instead of 2048 with 1 ml of leak scatter instead of 2 (both in batches of 64 instead of
128).

Of the eight plans, three use Adam (fuse, both dog-bowl plans), two NAdam (both nappy plans), two Adagrad (lure,
space hopper) and one AdamW (router).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and, for the
stream, its draws). No loss draws random numbers. The entrypoint is ``benchmarks/exam171_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam171/README.md).

    python benchmarks/exam171_workloads.py          # the table
    python benchmarks/exam171_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, Stream, _named, split_batches  # noqa: E402

TITLE = "Exam 171"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. fuse thermal load from a consumer unit's current trace (1-D CNN, Adam)

FU_LEN = 64  # samples, 0.1 s apart
FU_CLASSES = 3  # fast-acting, medium, time-delay


def _fu_traces(n: int, gen: torch.Generator, scatter: float = 0.15) -> tuple[torch.Tensor, torch.Tensor]:
    """Current traces of a fused circuit, in multiples of the fuse's rating: a base load 0.1-0.9, 0-3 appliance
    switch-ons (a step of 0.1-0.6 for the rest of the trace), 0-2 motor starts (an inrush of 2-8x decaying over
    0.1-0.8 s onto a running load of 0.1-0.3), an overload (a stalled motor, a heater left on: +0.5-2x for 0.5-3 s)
    in 25% of traces; 3% meter noise. The fuse's speed class sets the element's thermal time constant (0.3, 1.2, 5 s:
    a time-delay fuse's element carries a heat sink); the ambient of the box 20-60 C raises the element's starting
    rise. The element's rise u (1 = melting) follows tau du/dt = k i^2 (1 + 0.4 min(u, 1)) - u (resistance rising
    with temperature up to melting; k = 0.34 so that 1.45x the rating melts it in the long run), from the steady
    state of the base load and the ambient, in 10 substeps a sample. 15% scatter (the element's tolerance,
    lognormal). Returns (traces (n, 5, 64): current, the class's three one-hot channels, the ambient; log peak rise
    (n, 1))."""
    t = torch.arange(FU_LEN).float().view(1, -1) * 0.1
    base = 0.1 + 0.8 * torch.rand(n, 1, generator=gen)
    i = base.expand(n, FU_LEN).clone()
    for _ in range(3):
        on = (torch.rand(n, 1, generator=gen) < 0.5).float()
        at = 6.4 * torch.rand(n, 1, generator=gen)
        i = i + on * (0.1 + 0.5 * torch.rand(n, 1, generator=gen)) * (t >= at).float()
    for _ in range(2):
        on = (torch.rand(n, 1, generator=gen) < 0.45).float()
        at = 6.0 * torch.rand(n, 1, generator=gen)
        amp = 2 + 6 * torch.rand(n, 1, generator=gen)
        tau_m = 0.1 + 0.7 * torch.rand(n, 1, generator=gen)
        run = 0.1 + 0.2 * torch.rand(n, 1, generator=gen)
        dt = (t - at).clamp_min(0)
        i = i + on * (t >= at).float() * (run + amp * torch.exp(-dt / tau_m))
    over = (torch.rand(n, 1, generator=gen) < 0.25).float()
    at = torch.randint(0, FU_LEN - 5, (n, 1), generator=gen)
    width = torch.randint(5, 31, (n, 1), generator=gen)
    k_idx = torch.arange(FU_LEN).view(1, -1)
    i = i + over * (0.5 + 1.5 * torch.rand(n, 1, generator=gen)) * ((k_idx >= at) & (k_idx < at + width)).float()
    cls = torch.randint(0, FU_CLASSES, (n,), generator=gen)
    tau = torch.tensor([0.3, 1.2, 5.0])[cls]
    amb = 20 + 40 * torch.rand(n, generator=gen)
    k = 0.34
    b2 = base.squeeze(1) ** 2
    u = k * b2 / (1 - 0.4 * k * b2) + 0.15 * (amb - 20) / 40
    peak = u.clone()
    h = 0.01
    for s in range(FU_LEN):
        i2 = i[:, s] ** 2
        for _ in range(10):
            u = u + h * (k * i2 * (1 + 0.4 * u.clamp(max=1.0)) - u) / tau
        peak = torch.maximum(peak, u)
    y = torch.log(peak) + scatter * torch.randn(n, generator=gen)
    meas = i * (1 + 0.03 * torch.randn(n, FU_LEN, generator=gen))
    x = torch.cat([torch.log1p(meas).unsqueeze(1),
                   F.one_hot(cls, FU_CLASSES).float().unsqueeze(2).expand(n, FU_CLASSES, FU_LEN),
                   ((amb - 40) / 11.5).view(-1, 1, 1).expand(n, 1, FU_LEN)], 1)
    return x, y.view(-1, 1)


class FuseCNN(nn.Module):
    """Two conv blocks over the trace, then max and mean pooling over time and a linear head."""

    def __init__(self, c1: int = 16, c2: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(5, c1, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(c1, c2, 5, padding=2), nn.ReLU())
        self.head = nn.Linear(2 * c2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.amax(2), h.mean(2)], 1))


def fuse_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log peak rise."""
    return _mse(model, batch)


def fuse_load(batch_size: int = 32, seed: int = 0, train_size: int = 4096, c1: int = 16, c2: int = 32,
              scatter: float = 0.15) -> dict[str, Any]:
    """The fuse CNN on 4096 traces (``scatter``: the element's tolerance, 15%), the target standardised over them;
    held out: 2048 other traces in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(171101)
    x, y = _fu_traces(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FuseCNN(c1, c2), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": fuse_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. lure sink rate from tank tests (embedding net, Adagrad; long only)

LU_LURES = 400
LU_LINES = 3  # monofilament, fluorocarbon, braid
LU_TRAILERS = 6  # none, or one of five soft trailers


def _lu_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """A tackle shop's sink-rate tank: 400 catalogue lures of six kinds (jig, spoon, weighted soft plastic, sinking
    crankbait, spinner, blade bait) with a mass (log-uniform in the kind's range, 2-40 g), an effective density (jig
    9.5, spoon 8.5, weighted soft plastic 1.6, sinking crankbait 1.5, spinner 7, blade bait 8 g/cm3, +-15%) and a
    drag area Cd A (by kind, growing with mass^(2/3), 25% lognormal spread); a trailer (none, or one of five with its
    own mass and drag area); the line (monofilament 1.15, fluorocarbon 1.78, braid 0.98 g/cm3) of diameter 0.15-0.45
    mm, paid out behind the lure as it sinks (its drag 1.1 d z on z metres, half its weight in water added); fresh or
    salt water (density 1000 / 1025) at 4-28 C (a small viscosity effect on the drag). Terminal velocity at each
    depth: v = sqrt(2 W' / (rho (Cd A + 1.1 d z))). Returns (lure ids, line ids, trailer ids, (line diameter,
    temperature, salt) (n, 3), (log v at 1 m, log time to 5 m) (n, 2)) with 3% scatter."""
    lg = torch.Generator().manual_seed(171102 * 7 + 1)
    kind = torch.randint(0, 6, (LU_LURES,), generator=lg)
    lo = torch.tensor([3.0, 5.0, 2.0, 6.0, 4.0, 7.0])[kind]
    hi = torch.tensor([40.0, 30.0, 14.0, 25.0, 20.0, 28.0])[kind]
    mass = lo * (hi / lo) ** torch.rand(LU_LURES, generator=lg) / 1000
    dens = torch.tensor([9.5, 8.5, 1.6, 1.5, 7.0, 8.0])[kind] * (0.85 + 0.3 * torch.rand(LU_LURES, generator=lg))
    cda = torch.tensor([0.9, 3.0, 1.8, 2.5, 2.2, 1.4])[kind] * (mass * 1000) ** (2 / 3) * 1e-5
    cda = cda * torch.exp(0.25 * torch.randn(LU_LURES, generator=lg))
    t_mass = torch.tensor([0.0, 3.0, 5.0, 2.0, 8.0, 4.0]) / 1000
    t_cda = torch.tensor([0.0, 4.0, 6.0, 3.0, 9.0, 5.0]) * 1e-5
    l_dens = torch.tensor([1150.0, 1780.0, 980.0])
    lure = torch.randint(0, LU_LURES, (n,), generator=gen)
    line = torch.randint(0, LU_LINES, (n,), generator=gen)
    trail = torch.where(torch.rand(n, generator=gen) < 0.4, torch.zeros(n, dtype=torch.long),
                        torch.randint(1, LU_TRAILERS, (n,), generator=gen))
    dia = (0.15 + 0.30 * torch.rand(n, generator=gen)) / 1000
    temp = 4 + 24 * torch.rand(n, generator=gen)
    salt = (torch.rand(n, generator=gen) < 0.3).float()
    rho = 1000 + 25 * salt
    m = mass[lure] + t_mass[trail]
    vol = mass[lure] / (dens[lure] * 1000) + t_mass[trail] / 1050
    area = cda[lure] + t_cda[trail]
    visc = 1 + 0.004 * (15 - temp)
    z = torch.linspace(0.25, 5.0, 20).view(1, -1)
    lw = 0.5 * (l_dens[line] - rho).view(-1, 1) * math.pi / 4 * dia.view(-1, 1) ** 2 * z * 9.81
    w = ((m - rho * vol) * 9.81).view(-1, 1) + lw
    drag = rho.view(-1, 1) * (area.view(-1, 1) * visc.view(-1, 1) + 1.1 * dia.view(-1, 1) * z)
    v = (2 * w.clamp_min(1e-5) / drag).sqrt()
    t5 = (0.25 / v).sum(1)
    v1 = v[:, 3]
    y = torch.stack([torch.log(v1), torch.log(t5)], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    num = torch.stack([(dia * 1000 - 0.3) / 0.087, (temp - 16) / 6.9, 2 * salt - 1], 1)
    return lure, line, trail, num, y


class SinkNet(nn.Module):
    """Embeddings of the lure, the line and the trailer, joined with the numeric inputs, through a small ReLU MLP to
    the two standardised logs."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.lure = nn.Embedding(LU_LURES, dim)
        self.line = nn.Embedding(LU_LINES, 4)
        self.trail = nn.Embedding(LU_TRAILERS, 4)
        self.mlp = nn.Sequential(nn.Linear(dim + 8 + 3, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, lure: torch.Tensor, line: torch.Tensor, trail: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.lure(lure), self.line(line), self.trail(trail), num], 1))


def sink_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log sink rate at 1 m and log time to 5 m."""
    return _mse(model, batch)


def lure_sink(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
              hidden: int = 32) -> dict[str, Any]:
    """The sink-rate net on 8192 tank tests of the 400 lures, targets standardised over them; held out: 2048 other
    tests in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(171102)
    lure, line, trail, num, y = _lu_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (lure[:train_size], line[:train_size], trail[:train_size], num[:train_size], y[:train_size])
    ev = (lure[train_size:], line[train_size:], trail[train_size:], num[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": SinkNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": sink_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. router-bit edge tear-out (Pre-LN transformer, AdamW)

RT_SEG = 24


def _rt_edges(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Routed board edges of 24 segments (12 mm each). Per segment: the grain angle to the edge (a smooth random
    run-out, -20 to 20 degrees, sometimes reversing: figured boards swing more), the density 450-750 kg/m3 (a board
    value with ring-to-ring variation), figured grain 0/1 (a board value). Per cut: climb or conventional, feed 2-10
    m/min, spindle 12,000-24,000 rpm, bit diameter 12-32 mm (the cutting speed), 2 or 3 flutes, edge wear 0-1,
    depth of cut 2-12 mm. The chip thickness is the feed per tooth. A segment lifts fibres where the grain rises
    into the cut (sin(angle) times the cut direction positive), in proportion to the chip thickness^0.8, the wear
    (1 + 2 wear), the depth (saturating), a lower density and a slower cutting edge (1 + 10 / v, v in m/s), times 2
    on figured grain; the split then runs on along the grain into the next segments, decaying over 0.5 + 1.5 / (1 +
    (angle / 8 degrees)^2) segments (longer where the grain is shallow: the split follows the fibres out of the edge
    more slowly); the depth at a segment is the largest of the splits reaching
    it. 5% scatter plus 0.02 mm. Returns (tokens (n, 24, 11), log1p(depth / 0.1 mm) (n, 24))."""
    s = torch.arange(RT_SEG).float().view(1, -1)
    figured = (torch.rand(n, 1, generator=gen) < 0.25).float()
    a = torch.zeros(n, RT_SEG)
    for f in (1.0, 2.0, 3.5):
        amp = (6 + 8 * figured) / f * torch.randn(n, 1, generator=gen)
        ph = 2 * math.pi * torch.rand(n, 1, generator=gen)
        a = a + amp * torch.sin(2 * math.pi * f * s / RT_SEG + ph)
    a = a + 4 * torch.randn(n, 1, generator=gen)
    dens = 450 + 300 * torch.rand(n, 1, generator=gen) + 30 * torch.randn(n, RT_SEG, generator=gen)
    climb = (torch.rand(n, 1, generator=gen) < 0.3).float()
    direction = 1 - 2 * climb
    feed = 2 + 8 * torch.rand(n, 1, generator=gen)
    rpm = 12000 + 12000 * torch.rand(n, 1, generator=gen)
    dia = 12 + 20 * torch.rand(n, 1, generator=gen)
    flutes = 2 + (torch.rand(n, 1, generator=gen) < 0.4).float()
    wear = torch.rand(n, 1, generator=gen)
    depth = 2 + 10 * torch.rand(n, 1, generator=gen)
    chip = feed * 1000 / (rpm * flutes)  # mm per tooth
    speed = math.pi * dia * rpm / 60000  # m/s
    rise = torch.relu(torch.sin(torch.deg2rad(a)) * direction)
    lift = (rise * (chip / 0.2) ** 0.8 * (1 + 2 * wear) * (depth / (depth + 4)) * (600 / dens) * (1 + figured)
            * (1 + 10 / speed) * 3.0)
    run = 0.5 + 1.5 / (1 + (a.abs() / 8) ** 2)  # segments a split runs on
    gap = (s.view(1, -1, 1) - s.view(1, 1, -1))  # i - j
    reach = lift.unsqueeze(1) * torch.exp(-gap.clamp_min(0) / run.unsqueeze(1)) * (gap >= 0).float()
    tear = reach.amax(2)
    tear = tear * torch.exp(0.05 * torch.randn(n, RT_SEG, generator=gen)) + 0.02 * torch.rand(n, RT_SEG, generator=gen)
    per_cut = torch.cat([direction, (feed - 6) / 2.3, (rpm - 18000) / 3460, (dia - 22) / 5.8, flutes - 2.4,
                         (wear - 0.5) / 0.29, (depth - 7) / 2.9, 2 * figured - 1], 1)
    tokens = torch.cat([(a / 10).unsqueeze(2), ((dens - 600) / 90).unsqueeze(2),
                        torch.sin(torch.deg2rad(a)).unsqueeze(2) * 5,
                        per_cut.unsqueeze(1).expand(n, RT_SEG, 8)], 2)
    return tokens, torch.log1p(tear / 0.1)


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attention(LayerNorm(x)), then x + MLP(LayerNorm(x)) (GELU, 2x width)."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(n, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(n, t, d)
        x = x + self.proj(a)
        return x + self.mlp(self.ln2(x))


class TearOutTransformer(nn.Module):
    """A Pre-LN transformer encoder over the edge's segments with a learned position embedding, a final LayerNorm
    and a per-segment linear head."""

    def __init__(self, d: int = 32, heads: int = 4, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(11, d)
        self.pos = nn.Parameter(0.02 * torch.randn(1, RT_SEG, d))
        self.blocks = nn.Sequential(*[PreLNBlock(d, heads) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.inp(x) + self.pos))).squeeze(2)


def tearout_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log1p(tear-out depth / 0.1 mm) over the segments."""
    return _mse(model, batch)


def router_tearout(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The tear-out transformer on 4096 routed edges; held out: 1024 other edges in batches of 512; AdamW."""
    gen = torch.Generator().manual_seed(171103)
    x, y = _rt_edges(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TearOutTransformer(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": tearout_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. slow-feeder dog bowls: meal durations from a fleet of smart bowls (embedding net, Adam)

DB_DOGS = 600
DB_BOWLS = 10  # a plain bowl and nine slow-feeder designs


def _db_meals(n: int, gen: torch.Generator, scatter: float = 0.12) -> tuple[torch.Tensor, ...]:
    """Meals logged by a pet-tech company's smart bowls: 600 dogs, each with a body mass (4-45 kg, log-uniform), a
    greed (lognormal, sd 0.35) and a distractibility (its pauses, head up: an eating share 0.55-0.95); ten bowls, a
    plain one (maze depth 0) and nine slow feeders (depth 0.2-1, a pattern factor 0.7-1.3). A meal: the dog, the
    bowl, the portion (8-25 g per kg^0.75), the kibble size 6-18 mm, the hours since the last meal 4-16, a wet topper
    or not. The dog's drive r = 0.25 mass^0.7 greed (1 + 0.04 (hours - 8)) g/s (a topper: x 1.2); the bowl's access c
    = 1 / (1 + 3 depth pattern (12 / kibble)^0.5) (small kibble hides in the maze) and its sinking exponent k = 1.6
    depth (12 / kibble)^0.3 (the rate is r c (M / M0)^k as the kibble left lies deeper in the maze); the eating share
    rises with hunger. The meal's duration is the time to eat 95% of the portion: M0 / (r c share) times (1 -
    0.05^(1-k)) / (1-k) (log 20 at k = 1); the peak rate is r c. ``scatter`` meal-to-meal scatter on each
    (lognormal). Returns (dog ids, bowl ids, (portion, kibble, hours, topper) (n, 4), (log duration, log peak rate)
    (n, 2))."""
    dg = torch.Generator().manual_seed(171104 * 7 + 1)
    mass = 4 * (45 / 4) ** torch.rand(DB_DOGS, generator=dg)
    greed = torch.exp(0.35 * torch.randn(DB_DOGS, generator=dg))
    share0 = 0.55 + 0.4 * torch.rand(DB_DOGS, generator=dg)
    depth_b = torch.cat([torch.zeros(1), 0.2 + 0.8 * torch.rand(DB_BOWLS - 1, generator=dg)])
    pattern = torch.cat([torch.ones(1), 0.7 + 0.6 * torch.rand(DB_BOWLS - 1, generator=dg)])
    dog = torch.randint(0, DB_DOGS, (n,), generator=gen)
    bowl = torch.randint(0, DB_BOWLS, (n,), generator=gen)
    per_kg = 8 + 17 * torch.rand(n, generator=gen)
    m0 = per_kg * mass[dog] ** 0.75
    kib = 6 + 12 * torch.rand(n, generator=gen)
    hours = 4 + 12 * torch.rand(n, generator=gen)
    topper = (torch.rand(n, generator=gen) < 0.3).float()
    r = 0.25 * mass[dog] ** 0.7 * greed[dog] * (1 + 0.04 * (hours - 8)) * (1 + 0.2 * topper)
    depth = depth_b[bowl]
    c = 1 / (1 + 3 * depth * pattern[bowl] * (12 / kib) ** 0.5)
    k = 1.6 * depth * (12 / kib) ** 0.3
    share = (share0[dog] + 0.01 * (hours - 8)).clamp(0.3, 0.98)
    one_k = 1 - k
    safe = torch.where(one_k.abs() < 1e-3, torch.ones_like(k), one_k)
    frac = torch.where(one_k.abs() < 1e-3, torch.full_like(k, math.log(20.0)), (1 - 0.05**safe) / safe)
    dur = m0 / (r * c * share) * frac
    y = torch.stack([torch.log(dur), torch.log(r * c)], 1) + scatter * torch.randn(n, 2, generator=gen)
    num = torch.stack([(torch.log(m0) - 4.3) / 0.7, (kib - 12) / 3.5, (hours - 10) / 3.5, 2 * topper - 1], 1)
    return dog, bowl, num, y


class MealNet(nn.Module):
    """Embeddings of the dog and the bowl, joined with the meal's numbers, through a ReLU MLP to the two
    standardised logs."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.dog = nn.Embedding(DB_DOGS, dim)
        self.bowl = nn.Embedding(DB_BOWLS, 4)
        self.mlp = nn.Sequential(nn.Linear(dim + 4 + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, dog: torch.Tensor, bowl: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.dog(dog), self.bowl(bowl), num], 1))


def bowl_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log meal duration and log peak eating rate."""
    return _mse(model, batch)


def dog_bowl(batch_size: int = 32, seed: int = 0, train_size: int = 16384, dim: int = 8, hidden: int = 32,
             scatter: float = 0.12) -> dict[str, Any]:
    """The meal net on 16384 logged meals of the 600 dogs (``scatter``: the meal-to-meal scatter of the logs, 12%;
    4% for the long plan), targets standardised over them; held out: 2048 other meals in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(171104)
    dog, bowl, num, y = _db_meals(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (dog[:train_size], bowl[:train_size], num[:train_size], y[:train_size])
    ev = (dog[train_size:], bowl[train_size:], num[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": MealNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": bowl_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. nappy leakage in a three-insult test (grey-box net, NAdam)

NP_GRADES = 3  # superabsorbent grades: high capacity, balanced, fast


def _np_insult(cap: torch.Tensor, speed: torch.Tensor, block: torch.Tensor, vol: torch.Tensor,
               flow: torch.Tensor) -> torch.Tensor:
    """The insult model: three insults of ``vol`` (n, 3) ml at ``flow`` (n, 3) ml/s. Before each, the core's free
    capacity is what is left of ``cap``; it takes up liquid at ``speed`` times (free / cap)^``block`` (gel
    blocking); the share of an insult taken up in time is 1 - exp(-uptake / flow), capped by the free capacity;
    the rest leaks. Returns the leaks (n, 3) in ml."""
    used = torch.zeros_like(cap)
    leaks = []
    for j in range(3):
        free = (cap - used).clamp_min(1e-3)
        uptake = speed * (free / cap) ** block
        took = torch.minimum(vol[:, j] * (1 - torch.exp(-uptake / flow[:, j])), free)
        leaks.append(vol[:, j] - took)
        used = used + took
    return torch.stack(leaks, 1)


def _np_tests(n: int, gen: torch.Generator, scatter: float = 2.0) -> tuple[torch.Tensor, ...]:
    """Three-insult leak tests of nappy cores: superabsorbent 5-14 g of a grade (centrifuge retention under load 22,
    18, 14 g/g; gel blocking exponent 1.6, 1.0, 0.6; base uptake speed 0.6, 1.0, 1.4), fluff pulp 0-10 g (holds 4
    g/g, wicks, spaces the gel), an acquisition-distribution layer 30-80 g/m2 (speed ~ gsm^0.7), core length 30-42 cm
    (longer spreads faster), the test's three insults of 50-100 ml each at 6-15 ml/s (the same baby, the same flow
    for all three within 20%). Capacity = SAP CRC (1 - 0.02 (10 - fluff) SAP / 14: the gel crowded where there is
    little fluff) + 4 fluff; uptake speed (ml/s) = 12 grade (ADL / 50)^0.7 (1 + fluff / 8) (length / 36) (1 + SAP /
    20); gel blocking exponent = grade's (1 - 0.05 fluff). Leaks in ml with ``scatter`` ml of test scatter (2 ml; 1
    ml for the long plan), floored at 0. Returns (design (n, 7), insult volumes (n, 3), flows (n, 3), leaks / 10 ml
    (n, 3))."""
    sap = 5 + 9 * torch.rand(n, generator=gen)
    grade = torch.randint(0, NP_GRADES, (n,), generator=gen)
    fluff = 10 * torch.rand(n, generator=gen)
    adl = 30 + 50 * torch.rand(n, generator=gen)
    length = 30 + 12 * torch.rand(n, generator=gen)
    vol = 50 + 50 * torch.rand(n, 3, generator=gen)
    flow = ((6 + 9 * torch.rand(n, 1, generator=gen)) * (0.8 + 0.4 * torch.rand(n, 3, generator=gen)))
    crc = torch.tensor([22.0, 18.0, 14.0])[grade]
    cap = sap * crc * (1 - 0.02 * (10 - fluff) * sap / 14) + 4 * fluff
    speed = (12 * torch.tensor([0.6, 1.0, 1.4])[grade] * (adl / 50) ** 0.7 * (1 + fluff / 8) * (length / 36)
             * (1 + sap / 20))
    block = torch.tensor([1.6, 1.0, 0.6])[grade] * (1 - 0.05 * fluff)
    leak = _np_insult(cap, speed, block, vol, flow)
    leak = (leak + scatter * torch.randn(n, 3, generator=gen)).clamp_min(0)
    design = torch.cat([torch.stack([(sap - 9.5) / 2.6, (fluff - 5) / 2.9, (adl - 55) / 14.4, (length - 36) / 3.5],
                                    1), F.one_hot(grade, NP_GRADES).float()], 1)
    return design, vol, flow, leak / 10


class NappyGreyBox(nn.Module):
    """A one-hidden-layer tanh MLP from the core's design to its capacity (ml), uptake speed (ml/s) and gel-blocking
    exponent, inside the fixed three-insult model (``_np_insult``); outputs the leaks in 10 ml."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, 3))

    def forward(self, design: torch.Tensor, vol: torch.Tensor, flow: torch.Tensor) -> torch.Tensor:
        p = self.net(design)
        cap = 200 * torch.exp(p[:, 0].clamp(-5, 5))
        speed = 15 * torch.exp(p[:, 1].clamp(-5, 5))
        block = F.softplus(p[:, 2] + 0.5)
        return _np_insult(cap, speed, block, vol, flow) / 10


def nappy_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the three leaks (in 10 ml)."""
    return _mse(model, batch)


def nappy_leak(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32,
               scatter: float = 2.0) -> dict[str, Any]:
    """The nappy grey-box on 2048 three-insult tests (``scatter`` ml of leak scatter); held out: 2048 other tests in
    batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(171105)
    d, v, f, y = _np_tests(train_size + 2048, gen, scatter)
    tr = (d[:train_size], v[:train_size], f[:train_size], y[:train_size])
    ev = (d[train_size:], v[train_size:], f[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": NappyGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": nappy_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. space hopper bounce (residual MLP with LayerNorm, Adagrad; a stream; long only)

SH_SURFACES = 4  # concrete, carpet, grass, sand


def _sh_bounces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bounces logged by a space hopper's accelerometer: ball diameter 45-65 cm (mass 1.5-2.5 kg), gauge pressure
    4-20 kPa, temperature 0-35 C, the child 15-60 kg, the previous apex 5-40 cm, the leg push at take-off 0-1.2 m/s,
    the surface. The ball an air spring: the flattened patch's force p A with A = pi (D delta) for a squash delta,
    the gauge pressure rising polytropically (n 1.2) with the squashed volume, so a stiffness k = pi D p (1 + 0.6
    (p_abs / p) delta / D) on average (delta from k = pi D p first, then again with k); the squash from the energy in
    (m g h + m v^2 / 2 = k delta^2 / 2). Losses: the rubber's hysteresis 0.06 + 0.5 (delta / D) (1.4 - T / 50), the
    surface's (concrete 0.02, carpet 0.10, grass 0.16, sand 0.40), bottoming out (an extra loss growing to 0.5 as
    delta passes 60% of the radius, up to 120%); the total capped at 0.95. The apex: the energy kept over m g; the
    contact time pi sqrt(m / k). 1% scatter. Returns (features (n, 10), (log apex, log contact time) (n, 2), scaled
    as (log + (2.2, 1.5)) / (0.8, 0.3))."""
    dia = 0.45 + 0.20 * torch.rand(n, generator=gen)
    p = 4e3 + 16e3 * torch.rand(n, generator=gen)
    temp = 35 * torch.rand(n, generator=gen)
    child = 15 + 45 * torch.rand(n, generator=gen)
    prev = 0.05 + 0.35 * torch.rand(n, generator=gen)
    push = 1.2 * torch.rand(n, generator=gen)
    surf = torch.randint(0, SH_SURFACES, (n,), generator=gen)
    m = child + 1.5 + 5 * (dia - 0.45)
    e_in = m * 9.81 * prev + 0.5 * m * push**2
    k0 = math.pi * dia * p
    delta = (2 * e_in / k0).sqrt()
    k = k0 * (1 + 1.2 * ((p + 101e3) / p) * delta / dia * 0.5)
    delta = (2 * e_in / k).sqrt()
    loss = 0.06 + 0.5 * (delta / dia) * (1.4 - temp / 50) + torch.tensor([0.02, 0.10, 0.16, 0.40])[surf]
    bottom = torch.relu(delta - 0.3 * dia) / (0.3 * dia)
    loss = (loss + 0.5 * bottom.clamp(max=1.0)).clamp(max=0.95)
    apex = e_in * (1 - loss) / (m * 9.81)
    tc = math.pi * (m / k).sqrt()
    y = torch.stack([torch.log(apex), torch.log(tc)], 1) + 0.01 * torch.randn(n, 2, generator=gen)
    x = torch.cat([torch.stack([(dia - 0.55) / 0.058, (p - 12e3) / 4.6e3, (temp - 17.5) / 10.1, (child - 37.5) / 13,
                                (prev - 0.225) / 0.1, (push - 0.6) / 0.35], 1),
                   F.one_hot(surf, SH_SURFACES).float()], 1)
    y = (y - torch.tensor([-2.2, -1.5])) / torch.tensor([0.8, 0.3])
    return x, y


class BounceResMLP(nn.Module):
    """A residual MLP: a linear stem, pre-norm residual blocks (one by default: LayerNorm, Linear, GELU, Linear), a
    final LayerNorm and a linear head to the log apex and log contact time (scaled)."""

    def __init__(self, width: int = 32, blocks: int = 1) -> None:
        super().__init__()
        self.stem = nn.Linear(10, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for b in self.blocks:
            h = h + b(h)
        return self.head(self.norm(h))


def bounce_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled log apex and log contact time."""
    return _mse(model, batch)


def space_hopper(batch_size: int = 32, seed: int = 0, width: int = 32) -> dict[str, Any]:
    """The bounce net on a stream of logged bounces (100 batches a pass); held out: 2048 bounces from their own
    generator in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(171106)
    x, y = _sh_bounces(2048, gen)
    torch.manual_seed(seed)
    return {"model": BounceResMLP(width), "data": Stream(_sh_bounces, batch_size),
            "eval_data": split_batches((x, y), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bounce_mse}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("fuse_load_adam", fuse_load, 300, "fuse_box_element_thermal_load_trace_cnn1d", "adam", "finite", 64,
      dict(train_size=4096), seconds=0.7, start_lr=0.032),
    W("router_tearout_adamw", router_tearout, 300, "router_bit_edge_tearout_grain_preln_transformer", "adamw",
      "finite", 32, dict(train_size=4096), seconds=1.0, start_lr=0.032),
    W("dog_bowl_adam", dog_bowl, 300, "smart_bowl_slow_feeder_meal_duration_embedding_net", "adam", "finite", 128,
      dict(train_size=16384, scatter=0.12), seconds=0.25, start_lr=0.128),
    W("nappy_leak_nadam", nappy_leak, 300, "nappy_core_three_insult_leak_greybox", "nadam", "finite", 128,
      dict(train_size=2048), seconds=0.35, start_lr=0.064),
)
LONG = (
    W("lure_sink_adagrad@long", lure_sink, 3000, "tackle_lure_tank_sink_rate_embedding_net", "adagrad", "finite", 32,
      seconds=1.6, start_lr=0.5, grid_fractions=(0.0, 0.05)),
    W("space_hopper_adagrad@long", space_hopper, 3000, "space_hopper_air_spring_bounce_resmlp_ln", "adagrad", "stream",
      32, seconds=2.7, start_lr=0.25, grid_fractions=(0.0, 0.05)),
    W("dog_bowl_adam@long", dog_bowl, 3000, "smart_bowl_slow_feeder_meal_duration_embedding_net", "adam", "finite",
      64, dict(train_size=16384, scatter=0.04), seconds=2.0, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="dog_bowl_adam"),
    W("nappy_leak_nadam@long", nappy_leak, 3000, "nappy_core_three_insult_leak_greybox", "nadam", "finite", 64,
      dict(train_size=8192, scatter=1.0), seconds=3.3, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="nappy_leak_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam171_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-first exam's workloads")
