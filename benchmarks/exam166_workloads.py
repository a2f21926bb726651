"""The hundred-and-sixty-sixth exam: six more workload families that neither the suite nor exams 1-164 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam164_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from hubcaps and wheel drag, ping pong balls and spin bounce, cat flaps and
magnet latching, paintbrushes and stroke loading, hatchets and log splitting, and smoke alarms and detection delay
(exams 165, 167 and 168 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam166/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is
as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hubcap (wheel cover) drag: a 2-D CNN over the cover's face (a 16 x 16 map of its openings, its dish depth and
  the radius) to the wheel's log drag-area increment at 0, 5 and 10 degrees of yaw and its log ventilation
  (pumping) torque, as a car maker's aero team would screen cover designs before the wind tunnel; the increments
  from the cover's open area weighted by radius (outer openings pump more), the spokes' count acting as fan
  blades, the dish's cavity and the rim gap, growing with yaw as the cross-flow enters the openings; 2% scatter;
  MSE of the standardised logs; SGD with momentum 0.9 and weight decay 5e-4
- table-tennis ball machine (spin bounce): a SiLU MLP from a two-wheel ball machine's settings (top and bottom
  wheel speeds, the head's elevation, pan and spin-axis tilt, its height), the ball (seamed plastic, seamless
  plastic, celluloid) and the table's wear to where the ball bounces, the apex after the bounce and where it
  crosses the robot's end line (height and lateral position), as a club would calibrate its machine; the exit
  speed and spin from the wheels (speed their mean, spin their difference), flight with quadratic drag and the
  Magnus force, the bounce with restitution and Coulomb friction that either slides through the impact or reaches
  rolling (a hollow ball, I = 2/3 m r^2), turning topspin into kick and backspin into check; 2 mm measurement
  scatter; MSE of the standardised targets; Adam (torch's defaults)
- cat-flap magnetic collar-key latch: a Post-LN transformer encoder (one layer, width 32, 4 heads, causal mask)
  over 16 frames (20 Hz) of a cat's approach (the collar magnet's position and its axis relative to the latch,
  tracked with noise; the collar magnet's strength, the flap's lever kind and the temperature broadcast) to
  whether the latch has released at each frame; a dipole field (1 / r^3, the sqrt(1 + 3 cos^2) angle factor), a
  soft-iron lever pulled as B^2 against its spring preload, the lever moving with a finite speed and staying
  released once open; BCE per frame; AdamW (torch's defaults)
- paintbrush loading (a long plan only): an embedding net over 48 brushes and 40 paints (a decorating-products
  lab's dip tests) with the dip depth, the dwell, the off-loading (none, tap, wipe on the rim) and the temperature
  to the log paint load picked up, the log drip in the first seconds and the log length of wall a load covers;
  capillary filling of the bristles' interstices (a fill time growing with viscosity), flagged natural hair holding
  more and wetting better in oil paint, drainage of what the yield stress cannot hold, a lubrication-film laydown;
  MSE of the standardised logs; Adagrad (torch's defaults)
- hatchet log splitting: a grey-box net: an MLP from the hatchet (head mass, handle length, grind, edge angle) and
  the billet (species, moisture, diameter, length, a knot, frozen or not) to a fracture resistance, an energy
  efficiency and a bounce threshold, put through an energy balance of six strikes (the measured swing speeds and
  aim offsets as inputs: crack growth = (efficiency x kinetic energy - threshold)+ / resistance, capped at a full
  split), with a small learned residual, to the crack's share of the billet after each strike; the data from the
  same balance with a knot that holds the crack, a head-to-billet mass ratio, off-centre losses and 4% scatter;
  MSE; NAdam (torch's defaults)
- smoke-alarm detection delay (a long plan only): a residual MLP with LayerNorm over embeddings of 32 detector
  models and 6 test fires with the radial distance, the ceiling height, the room's draught and the ambient
  temperature to the log time from ignition to alarm; a t-squared fire's plume feeding Alpert's ceiling jet (the
  velocity and temperature correlations, from memory), smoke optical density proportional to the temperature
  rise by the fuel's ratio, Heskestad's entry lag L / u of the detector's chamber, ionisation chambers favouring
  small flaming particles and photoelectric ones large smouldering particles; smouldering fires as slow drifting
  smoke; MSE of the log delay; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the paintbrush net
(16,384 dip tests) and the smoke-alarm net (8192 activation tests), with no short plans; the hatchet grey-box on
8192 billets instead of 1024 and the ball-machine MLP on 4096 shots instead of 2048 (32 units a layer instead of 64).

Of the eight plans, two use Adagrad (paintbrush, smoke alarm), two NAdam (both hatchet plans), two Adam (both
ball-machine plans), one SGD with momentum (hubcap) and one AdamW (cat flap).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam166_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam166/README.md).

    python benchmarks/exam166_workloads.py          # the table
    python benchmarks/exam166_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 166"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _pool(tensors: tuple[torch.Tensor, ...], n: int,
          batch_size: int) -> tuple[Any, list[Any], tuple[torch.Tensor, ...]]:
    """The training pool (the first ``n`` rows, shuffled batches) and the held-out rest in batches of 1024."""
    tr = tuple(t[:n] for t in tensors)
    return loader(*tr, batch_size=batch_size), split_batches(tuple(t[n:] for t in tensors), 1024), tr


# --------------------------------------------------------------------------------------------------------------
# 1. hubcap (wheel cover) drag from the cover's face (2-D CNN, SGD with momentum)

HC_SIZE = 16


def _hc_covers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wheel covers on a 16-inch steel wheel, seen face on (a 16 x 16 map of the wheel's disc, radius 1 = the rim's
    edge): a closed centre cap out to r_in (0.2-0.45), an annulus of openings between r_in and r_out (0.6-0.92)
    cut by 4-10 spokes (the spokes' share of the annulus 0.25-0.9, random phase), a rim gap between the cover and
    the tyre (0-0.08 of the radius), a dish depth 0-1 (flush to deep). Drag-area increments (cm2, over a fully
    closed flush cover): ventilation from the openings weighted by r^2 (outer openings pump more) with the spokes
    acting as fan blades (more spokes, more pumping, saturating), a cavity term from the dish (less when open), the
    rim gap's leak; yaw (0, 5, 10 degrees) raises each by the cross-flow entering the openings and the dish. The
    ventilation torque from the r^4-weighted openness and the spokes. 2% scatter on each. Returns (maps (n, 3, 16,
    16): openness, depth, radius; log increments and log torque (n, 4))."""
    g = torch.linspace(-1, 1, HC_SIZE)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    r = (xx**2 + yy**2).sqrt().view(1, HC_SIZE, HC_SIZE) * 1.06
    th = torch.atan2(yy, xx).view(1, HC_SIZE, HC_SIZE)
    r_in = (0.2 + 0.25 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    r_out = (0.6 + 0.32 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    spokes = torch.randint(4, 11, (n,), generator=gen).float().view(-1, 1, 1)
    share = (0.25 + 0.65 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    phase = (2 * math.pi * torch.rand(n, generator=gen)).view(-1, 1, 1)
    gap = (0.08 * torch.rand(n, generator=gen) ** 1.5).view(-1, 1, 1)
    dish = torch.rand(n, generator=gen).view(-1, 1, 1)
    soft = 0.06
    ring = torch.sigmoid((r - r_in) / soft) * torch.sigmoid((r_out - r) / soft)
    spoke = torch.sigmoid((torch.cos(spokes * (th - phase)) - torch.cos(math.pi * share)) / 0.15)
    rim = torch.sigmoid((r - (1 - gap)) / 0.02) * torch.sigmoid((1.0 - r) / 0.02) * (gap > 0.005).float()
    disc = torch.sigmoid((1.0 - r) / 0.03)
    open_ = ((ring * (1 - spoke)).clamp(0, 1) + rim).clamp(0, 1) * disc
    depth = dish * (1 - r.clamp(0, 1) ** 2) * disc * (1 - 0.5 * open_)
    area = disc.sum((1, 2))
    phi = (open_ * disc).sum((1, 2)) / area
    phi_r2 = (open_ * r**2).sum((1, 2)) / (disc * r**2).sum((1, 2))
    phi_r4 = (open_ * r**4).sum((1, 2)) / (disc * r**4).sum((1, 2))
    ns = spokes.view(-1)
    fan = ns / (ns + 6)
    d = dish.view(-1)
    gp = gap.view(-1)
    base = 60 * phi_r2**1.2 * (0.6 + 0.8 * fan) + 25 * d**2 * (1 - phi) + 900 * gp**1.3 + 4
    out = []
    for yaw in (0.0, 5.0, 10.0):
        s = math.sin(math.radians(yaw))
        out.append(base * (1 + 2.5 * s * (phi + 0.6 * phi_r2)) + 120 * s * d * (1 - phi) + 40 * s**2)
    torque = 2.0 * phi_r4 * (0.4 + fan) ** 1.5 + 0.05
    y = torch.log(torch.stack(out + [torque], 1)) + 0.02 * torch.randn(n, 4, generator=gen)
    maps = torch.stack([open_, depth, r.expand(n, -1, -1).clamp(0, 1.5)], 1)
    return maps, y


class CoverCNN(nn.Module):
    """Three 3x3 convolutions (the last two strided) with ReLU, then a linear read-out of the 4 x 4 map."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(3, width // 2, 3, padding=1), nn.ReLU(),
                                  nn.Conv2d(width // 2, width, 3, stride=2, padding=1), nn.ReLU(),
                                  nn.Conv2d(width, width, 3, stride=2, padding=1), nn.ReLU())
        self.head = nn.Linear(width * 16, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def hubcap_drag(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 16) -> dict[str, Any]:
    """The cover CNN on ``train_size`` cover designs, maps and targets standardised over them; held out: 2048 other
    designs in batches of 1024; SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(166101)
    x, y = _hc_covers(train_size + 2048, gen)
    x = (x - x[:train_size].mean((0, 2, 3), keepdim=True)) / x[:train_size].std((0, 2, 3), keepdim=True)
    y = _standardise(y, train_size)
    data, ev, tr = _pool((x, y), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": CoverCNN(width), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. table-tennis ball machine: spin bounce from the wheels' settings (MLP, Adam)

TT_BALLS = 3  # seamed plastic, seamless plastic, celluloid


def _tt_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """The first ``n`` good shots (landing on the table, -1.37 < x < 1.37 m and |y| < 0.76 m, and reaching the
    robot's end line x = 1.37 m after the bounce) of the shots ``_tt_flights`` draws, in rounds of 2n."""
    xs, ys, have = [], [], 0
    while have < n:
        x, y, ok = _tt_flights(2 * n, gen)
        xs.append(x[ok])
        ys.append(y[ok])
        have += int(ok.sum())
    return torch.cat(xs)[:n], torch.cat(ys)[:n]


def _tt_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Shots of a two-wheel table-tennis ball machine behind the far end (x = -1.6 m, head 0.2-0.35 m above the
    table): top and bottom wheel surface speeds 3-14 m/s each, the head's elevation -5-25 degrees and pan -12-12
    degrees, the wheels' axis tilted -45-45 degrees (side spin), the ball (seamed plastic, seamless plastic,
    celluloid: restitution on the table 0.88, 0.9, 0.92, friction 0.22, 0.25, 0.3) and the table's wear 0-1
    (restitution down 0.04, friction down 0.05). The ball leaves at 0.9 of the wheels' mean speed with a spin of
    0.8 (v_top - v_bottom) / (2 r) about the tilted axis (0.5% and 1% slip scatter). A 40 mm, 2.7 g ball: drag k_d |v|
    v (k_d = 0.14 /m), Magnus k_m (w x v) (k_m = 2.5e-3), gravity; Euler steps of 4 ms. The bounce (z = r,
    falling): v_z -> -e v_z; the contact point's slip u = v_t + w x (-r z_hat); the friction impulse the smaller of
    mu (1 + e) m |v_z| and the one that stops the slip (0.4 m |u| for a hollow ball, I = 2/3 m r^2), changing the
    velocity and the spin. Returns (settings (n, 10), targets (n, 5): the bounce's x and y, the apex height after
    the bounce, the height and the lateral position where the ball crosses the end line x = 1.37 m; a mask of the
    good shots)."""
    dt, r, kd, km = 0.004, 0.02, 0.14, 2.5e-3
    v_top = 3 + 11 * torch.rand(n, generator=gen)
    v_bot = 3 + 11 * torch.rand(n, generator=gen)
    elev = torch.deg2rad(-5 + 30 * torch.rand(n, generator=gen))
    pan = torch.deg2rad(-12 + 24 * torch.rand(n, generator=gen))
    tilt = torch.deg2rad(-45 + 90 * torch.rand(n, generator=gen))
    head = 0.2 + 0.15 * torch.rand(n, generator=gen)
    ball = torch.randint(0, TT_BALLS, (n,), generator=gen)
    wear = torch.rand(n, generator=gen)
    e = torch.tensor([0.88, 0.9, 0.92])[ball] - 0.04 * wear
    mu = torch.tensor([0.22, 0.25, 0.3])[ball] - 0.05 * wear
    speed = 0.9 * (v_top + v_bot) / 2 * torch.exp(0.005 * torch.randn(n, generator=gen))
    spin = 0.8 * (v_top - v_bot) / (2 * r) * torch.exp(0.01 * torch.randn(n, generator=gen))
    d = torch.stack([torch.cos(elev) * torch.cos(pan), torch.cos(elev) * torch.sin(pan), torch.sin(elev)], 1)
    side = torch.stack([-torch.sin(pan), torch.cos(pan), torch.zeros(n)], 1)  # topspin axis: +y rotated by pan
    up = torch.linalg.cross(d, side)
    axis = torch.cos(tilt).unsqueeze(1) * side + torch.sin(tilt).unsqueeze(1) * up
    p = torch.stack([torch.full((n,), -1.6), torch.zeros(n), head], 1)
    v = speed.unsqueeze(1) * d
    w = spin.unsqueeze(1) * axis
    grav = torch.tensor([0.0, 0.0, -9.81])
    bounced = torch.zeros(n, dtype=torch.bool)
    bounce_xy = torch.zeros(n, 2)
    apex = torch.zeros(n)
    line = torch.full((n, 2), float("nan"))
    for _ in range(300):
        spd = v.norm(dim=1, keepdim=True)
        v_new = v + dt * (grav - kd * spd * v + km * torch.linalg.cross(w, v))
        p_new = p + dt * v_new
        floor = (p_new[:, 2] < r) & (v_new[:, 2] < 0) & ~bounced
        if floor.any():
            vz = v_new[floor, 2]
            slip = v_new[floor, :2] + torch.stack([-r * w[floor, 1], r * w[floor, 0]], 1)  # w x (0, 0, -r)
            mag = slip.norm(dim=1, keepdim=True).clamp_min(1e-6)
            jt = torch.minimum(mu[floor].unsqueeze(1) * (1 + e[floor].unsqueeze(1)) * vz.abs().unsqueeze(1), 0.4 * mag)
            dv = -jt * slip / mag
            wf = w[floor].clone()
            wf[:, 0] = wf[:, 0] + 1.5 * dv[:, 1] / r
            wf[:, 1] = wf[:, 1] - 1.5 * dv[:, 0] / r
            w[floor] = wf
            v_new[floor] = torch.cat([v_new[floor, :2] + dv, (-e[floor] * vz).unsqueeze(1)], 1)
            p_new[floor, 2] = r
            bounce_xy[floor] = p_new[floor, :2]
            bounced = bounced | floor
        apex = torch.where(bounced, torch.maximum(apex, p_new[:, 2]), apex)
        cross = torch.isnan(line[:, 0]) & (p_new[:, 0] >= 1.37) & bounced
        if cross.any():
            line[cross] = p_new[cross][:, [2, 1]]
        p, v = p_new, v_new
        if bool(((~torch.isnan(line[:, 0])) | (p[:, 0] >= 1.37) | (p[:, 2] < -0.8)).all()):
            break
    ok = (~torch.isnan(line[:, 0])) & (bounce_xy[:, 0] > -1.37) & (bounce_xy[:, 0] < 1.37)
    ok = ok & (bounce_xy[:, 1].abs() < 0.76) & (line[:, 0] > -0.5)
    line = torch.where(torch.isnan(line), torch.zeros(2), line)
    y = torch.cat([bounce_xy, apex.unsqueeze(1), line], 1) + 0.002 * torch.randn(n, 5, generator=gen)
    x = torch.cat([torch.stack([(v_top - 8.5) / 3.2, (v_bot - 8.5) / 3.2, (torch.rad2deg(elev) - 10) / 8.7,
                                torch.rad2deg(pan) / 6.9, torch.rad2deg(tilt) / 26, (head - 0.275) / 0.043,
                                (wear - 0.5) / 0.29], 1), F.one_hot(ball, TT_BALLS).float()], 1)
    return x, y, ok


class ShotMLP(nn.Module):
    """A SiLU MLP from the machine's settings, the ball and the table to the five targets."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def table_tennis_machine(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                         hidden: int = 64) -> dict[str, Any]:
    """The shot MLP on ``train_size`` measured shots, targets standardised over them; held out: 2048 other shots in
    batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(166102)
    x, y = _tt_shots(train_size + 2048, gen)
    y = _standardise(y, train_size)
    data, ev, tr = _pool((x, y), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": ShotMLP(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cat-flap magnetic collar-key latch (Post-LN transformer, AdamW)

CF_FRAMES = 16
CF_LEVERS = 3


def _cf_approaches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A cat walks up to a magnet-key cat flap: it starts 0.2-0.6 m out at 0.4-1.0 m/s, slowing or pausing now and
    then, lateral offset -8-8 cm, the collar's magnet 0.10-0.30 m above the latch, dropping as the head lowers near
    the flap; the magnet's axis turns as the collar slides (a random walk of its angle). The field at the latch
    from a dipole: B ~ m / r^3 sqrt(1 + 3 cos^2 a); the soft-iron lever's pull ~ B^2 against the spring preload (the
    lever kind: 0.8, 1.0, 1.3; stiffer when cold, 2% per degree below 20 C; 6% test scatter); the lever's position
    moves up at 1 / (2-4 frames) while the pull is over the preload, back at half that below it; released once it
    gets there, and then held open. Frames at 20 Hz, positions tracked with 5 mm noise. Returns (frames (n, 16,
    10): x, y, z, cos and sin of the axis, the magnet's log strength, the lever one-hot, temperature; released or
    not at each frame (n, 16))."""
    dt = 0.05
    x0 = 0.2 + 0.4 * torch.rand(n, generator=gen)
    speed = 0.4 + 0.6 * torch.rand(n, generator=gen)
    lat = 0.16 * torch.rand(n, generator=gen) - 0.08
    z0 = 0.10 + 0.20 * torch.rand(n, generator=gen)
    m = 10 ** (-1.5 + 1.0 * torch.rand(n, generator=gen))  # A m2 (relative)
    lever = torch.randint(0, CF_LEVERS, (n,), generator=gen)
    temp = -10 + 35 * torch.rand(n, generator=gen)
    pre = torch.tensor([0.8, 1.0, 1.3])[lever] * (1 + 0.02 * (20 - temp).clamp_min(0))
    pre = pre * torch.exp(0.06 * torch.randn(n, generator=gen))
    rate = 1 / (2 + 2 * torch.rand(n, generator=gen))
    ang = math.pi * torch.rand(n, generator=gen)
    x = x0.clone()
    pos = torch.zeros(n)
    released = torch.zeros(n, dtype=torch.bool)
    feats, labels = [], []
    for _ in range(CF_FRAMES):
        pause = torch.rand(n, generator=gen) < 0.12
        x = x - dt * speed * (~pause).float() * (0.5 + 0.5 * torch.rand(n, generator=gen))
        z = z0 * (0.55 + 0.45 * (x / 0.3).clamp(0, 1))
        ang = ang + 0.35 * torch.randn(n, generator=gen)
        rx, rz = x.clamp_min(-0.05), z
        rr = (rx**2 + lat**2 + rz**2).sqrt()
        cos_a = (torch.cos(ang) * rx + torch.sin(ang) * rz) / rr
        b = m / (rr / 0.1) ** 3 * (1 + 3 * cos_a**2).sqrt()
        pull = b**2 / 4e-4
        pos = torch.where(pull > pre, pos + rate, pos - 0.5 * rate).clamp(0, 1)
        released = released | (pos >= 1)
        labels.append(released.float())
        noise = 0.005 * torch.randn(n, 3, generator=gen)
        feats.append(torch.stack([x / 0.3 + noise[:, 0] / 0.3, lat / 0.05 + noise[:, 1] / 0.05,
                                  (z - 0.15) / 0.05 + noise[:, 2] / 0.05, torch.cos(ang), torch.sin(ang),
                                  torch.log10(m) + 1], 1))
    dyn = torch.stack(feats, 1)
    static = torch.cat([F.one_hot(lever, CF_LEVERS).float(), ((temp - 7.5) / 10).unsqueeze(1)], 1)
    return torch.cat([dyn, static.unsqueeze(1).expand(-1, CF_FRAMES, -1)], 2), torch.stack(labels, 1)


class LatchTransformer(nn.Module):
    """A linear embedding of each frame plus a learned position embedding, Post-LN transformer encoder layers
    (``norm_first=False``, no dropout) under a causal mask, and a linear logit per frame."""

    def __init__(self, d: int = 32, heads: int = 4, layers: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(10, d)
        self.pos = nn.Parameter(torch.zeros(1, CF_FRAMES, d))
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, batch_first=True, norm_first=False)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d, 1)
        self.register_buffer("mask", torch.triu(torch.full((CF_FRAMES, CF_FRAMES), float("-inf")), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.enc(self.inp(x) + self.pos, mask=self.mask)
        return self.head(h).squeeze(-1)


def latch_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the latch's state at every frame."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def cat_flap_latch(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32,
                   layers: int = 1) -> dict[str, Any]:
    """The latch transformer on ``train_size`` approaches; held out: 2048 other approaches in batches of 1024;
    AdamW (torch's defaults: betas 0.9 / 0.999, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(166103)
    x, y = _cf_approaches(train_size + 2048, gen)
    data, ev, tr = _pool((x, y), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": LatchTransformer(d, 4, layers), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": latch_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. paintbrush dip loading (embedding net, Adagrad; long only)

PB_BRUSHES, PB_PAINTS = 48, 40


def _pb_dips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Dip tests: 48 brushes (width 25-100 mm, bristle length 45-75 mm, filament: flagged natural hog hair,
    nylon / polyester blend, tapered PBT, fine polyester; packing 0.3-0.6) x 40 paints (water-borne or solvent-borne
    (alkyd), viscosity 0.1-3 Pa s, yield stress 0-25 Pa, solids 35-65% by volume). The brush dipped to 20-60% of its
    length for 1-10 s, then no off-loading, tapped twice, or wiped on the rim, at 10-30 C (the viscosity falling 3%
    a degree). Load = the interstitial volume (width x length x 9 mm x (1 - packing)) x the dip x the fill fraction
    1 - exp(-dwell / t_fill) (t_fill rising with viscosity, falling with the filament's wetting: flagged hair best in
    alkyd, synthetics in water-borne) x what the yield stress holds against drainage, less the off-loading; the drip
    in the first 5 s from the load over the holding capacity; the covered length from the load over a laid film
    h ~ sqrt(viscosity x speed / pressure) (a lubrication estimate) at the brush's width. 5% scatter. Returns
    (brush ids, paint ids, dense features (n, 6), log load, log drip, log length (n, 3))."""
    bg = torch.Generator().manual_seed(1661041)
    width = 25 + 75 * torch.rand(PB_BRUSHES, generator=bg)
    blen = 45 + 30 * torch.rand(PB_BRUSHES, generator=bg)
    fil = torch.randint(0, 4, (PB_BRUSHES,), generator=bg)
    pack = 0.3 + 0.3 * torch.rand(PB_BRUSHES, generator=bg)
    hold_f = torch.tensor([1.35, 1.0, 1.1, 0.85])[fil]
    wet_w = torch.tensor([0.7, 1.1, 1.0, 1.2])[fil]
    wet_o = torch.tensor([1.3, 0.8, 0.9, 0.9])[fil]
    solvent = torch.rand(PB_PAINTS, generator=bg) < 0.4
    visc = 10 ** (-1 + 1.48 * torch.rand(PB_PAINTS, generator=bg))
    yld = 25 * torch.rand(PB_PAINTS, generator=bg) ** 1.5
    solids = 0.35 + 0.3 * torch.rand(PB_PAINTS, generator=bg)
    b = torch.randint(0, PB_BRUSHES, (n,), generator=gen)
    p = torch.randint(0, PB_PAINTS, (n,), generator=gen)
    dip = 0.2 + 0.4 * torch.rand(n, generator=gen)
    dwell = 1 + 9 * torch.rand(n, generator=gen)
    off = torch.randint(0, 3, (n,), generator=gen)
    temp = 10 + 20 * torch.rand(n, generator=gen)
    eta = visc[p] * torch.exp(-0.03 * (temp - 20))
    wet = torch.where(solvent[p], wet_o[b], wet_w[b])
    vol = width[b] * blen[b] * 9 * (1 - pack[b]) / 1000  # cm3
    t_fill = 1.5 * eta**0.7 / wet
    fill = 1 - torch.exp(-dwell / t_fill)
    holdable = hold_f[b] * (0.55 + 0.45 * yld[p] / (yld[p] + 6))
    load = vol * dip * fill * (0.6 + 0.4 * wet.clamp(max=1.2) / 1.2) * 1.3  # g (density 1.3)
    excess = torch.relu(load - holdable * vol * dip * 0.9)
    load = load - excess * torch.tensor([0.0, 0.45, 0.8])[off] - load * torch.tensor([0.0, 0.05, 0.15])[off]
    drip = 0.02 * load + excess * torch.tensor([1.0, 0.4, 0.1])[off] * (1 / (1 + yld[p] / 10))
    film = 30e-4 * (eta * 0.5 / 2.0).sqrt() * (1.2 - solids[p])  # cm
    length = load / 1.3 / (film * width[b] / 10) / 100  # m
    y = torch.log(torch.stack([load, drip, length], 1)) + 0.05 * torch.randn(n, 3, generator=gen)
    dense = torch.stack([(dip - 0.4) / 0.115, (dwell - 5.5) / 2.6, (temp - 20) / 5.8], 1)
    return b, p, torch.cat([dense, F.one_hot(off, 3).float()], 1), y


class BrushPaintNet(nn.Module):
    """Embeddings of the brush and the paint (8 each) and their elementwise product, joined with the dense features,
    through a ReLU MLP to the three log targets."""

    def __init__(self, dim: int = 8, hidden: int = 48) -> None:
        super().__init__()
        self.brush = nn.Embedding(PB_BRUSHES, dim)
        self.paint = nn.Embedding(PB_PAINTS, dim)
        self.net = nn.Sequential(nn.Linear(3 * dim + 6, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, b: torch.Tensor, p: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        eb, ep = self.brush(b), self.paint(p)
        return self.net(torch.cat([eb, ep, eb * ep, dense], 1))


def paintbrush_loading(batch_size: int = 32, seed: int = 0, train_size: int = 16384, dim: int = 8,
                       hidden: int = 48) -> dict[str, Any]:
    """The brush-paint net on ``train_size`` dip tests, targets standardised over them; held out: 2048 other tests
    in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(166104)
    b, p, dense, y = _pb_dips(train_size + 2048, gen)
    y = _standardise(y, train_size)
    data, ev, tr = _pool((b, p, dense, y), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": BrushPaintNet(dim, hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. hatchet log splitting, crack growth over six strikes (grey-box, NAdam)

HS_STRIKES = 6
HS_SPECIES = 5  # birch, ash, oak, pine, elm
HS_GRINDS = 3  # flat, convex, splitting wedge


def _hs_billets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Splitting billets with a hatchet: head 0.6-1.4 kg, handle 0.35-0.6 m, grind (flat, convex, a splitting
    wedge's cheeks), edge angle 20-35 degrees; the billet's species (birch, ash, oak, pine, elm: cleavage resistance
    1.0, 1.1, 1.5, 0.8, 2.6), moisture 12-60% (green wood splits easier, the resistance down a third at 60%), frozen
    or not (frozen splits easier), diameter 8-20 cm, length 20-40 cm, a knot (30%) at a share 0.2-0.8 of the length.
    Six strikes with measured head speeds 9-17 m/s and aim offsets 0-3 cm. The kinetic energy of the head plus a
    third of the handle, times the share that goes into the billet (the billet's mass against the head's, the
    grind, the off-centre loss), less a wedge-embedding threshold (edge angle and friction; a thin edge sticks),
    over a resistance (species, moisture, frozen, diameter) grows the crack; a knot holds the crack until a strike
    brings twice the energy; the crack's share of the length capped at 1 (split). 4% scatter on each strike's
    energy. Returns (features (n, 17), strikes (n, 6, 2): speed and offset, scaled; crack shares after each strike
    (n, 6))."""
    head = 0.6 + 0.8 * torch.rand(n, generator=gen)
    handle = 0.35 + 0.25 * torch.rand(n, generator=gen)
    grind = torch.randint(0, HS_GRINDS, (n,), generator=gen)
    edge = 20 + 15 * torch.rand(n, generator=gen)
    sp = torch.randint(0, HS_SPECIES, (n,), generator=gen)
    moist = 12 + 48 * torch.rand(n, generator=gen)
    frozen = (torch.rand(n, generator=gen) < 0.25).float()
    dia = 8 + 12 * torch.rand(n, generator=gen)
    length = 20 + 20 * torch.rand(n, generator=gen)
    knot = (torch.rand(n, generator=gen) < 0.3).float()
    knot_at = 0.2 + 0.6 * torch.rand(n, generator=gen)
    speed = 9 + 8 * torch.rand(n, HS_STRIKES, generator=gen)
    offset = 3 * torch.rand(n, HS_STRIKES, generator=gen) ** 2
    dens = torch.tensor([0.65, 0.7, 0.75, 0.5, 0.6])[sp] * (1 + moist / 100)
    billet = dens * math.pi * (dia / 2) ** 2 * length / 1000  # kg
    m_eff = head + 0.3 * handle / 3
    eff = billet / (billet + 0.7 * head) * torch.tensor([0.75, 0.9, 1.0])[grind]
    resist = torch.tensor([1.0, 1.1, 1.5, 0.8, 2.6])[sp] * (1 - 0.33 * (moist - 12) / 48) * (1 - 0.25 * frozen)
    resist = resist * 3.0 * (dia / 12) ** 1.3 * (length / 30)  # J per full split
    thresh = 4.0 * (27 / edge) ** 1.5 * torch.tensor([1.2, 1.0, 0.8])[grind] * (dia / 12) ** 0.5
    a = torch.zeros(n)
    out = []
    for k in range(HS_STRIKES):
        energy = 0.5 * m_eff * speed[:, k] ** 2 * torch.exp(0.04 * torch.randn(n, generator=gen))
        work = eff * energy * torch.cos(offset[:, k] / 3 * 0.9) - thresh
        grow = torch.relu(work) / resist / 40
        held = (knot > 0) & (a < knot_at) & (a + grow > knot_at) & (work < 25 * resist)
        a = torch.where(held, torch.maximum(a, knot_at - 0.02), (a + grow).clamp(max=1.0))
        out.append(a)
    feats = torch.cat([torch.stack([(head - 1) / 0.23, (handle - 0.475) / 0.072, (edge - 27.5) / 4.3,
                                    (moist - 36) / 13.9, 2 * frozen - 1, (dia - 14) / 3.5, (length - 30) / 5.8,
                                    2 * knot - 1, knot * (knot_at - 0.5) / 0.17], 1),
                       F.one_hot(grind, HS_GRINDS).float(), F.one_hot(sp, HS_SPECIES).float()], 1)
    strikes = torch.stack([(speed - 13) / 2.3, offset - 1], 2)
    return feats, strikes, torch.stack(out, 1)


class SplitGreyBox(nn.Module):
    """A tanh MLP from the hatchet and billet to three positive parameters (the share of the strike's energy that
    reaches the crack, an embedding threshold and a resistance), the energy balance over the strikes (the strikes'
    speeds and offsets fed to the law), a cumulative crack capped at a full split, plus a small learned residual."""

    def __init__(self, features: int = 17, hidden: int = 32) -> None:
        super().__init__()
        self.params = nn.Sequential(nn.Linear(features, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                    nn.Linear(hidden, 3))
        self.residual = nn.Linear(features + 2 * HS_STRIKES, HS_STRIKES)

    def forward(self, feats: torch.Tensor, strikes: torch.Tensor) -> torch.Tensor:
        raw = self.params(feats)
        eff = torch.sigmoid(raw[:, 0:1])
        thresh = F.softplus(raw[:, 1:2])
        resist = F.softplus(raw[:, 2:3]) + 0.05
        speed = strikes[..., 0] * 2.3 + 13
        energy = 0.5 * speed**2 / 40 * torch.cos(0.3 * (strikes[..., 1] + 1))  # per kg of the head, scaled
        grow = F.softplus(8 * (eff * energy - thresh)) / 8 / resist
        crack = torch.cumsum(grow, 1)
        crack = crack - F.softplus(16 * (crack - 1)) / 16
        return crack + 0.1 * self.residual(torch.cat([feats, strikes.flatten(1)], 1))


def hatchet_split(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The splitting grey-box on ``train_size`` billets; held out: 2048 other billets in batches of 1024; NAdam
    (torch's defaults: betas 0.9 / 0.999, momentum decay 4e-3)."""
    gen = torch.Generator().manual_seed(166105)
    feats, strikes, y = _hs_billets(train_size + 2048, gen)
    data, ev, tr = _pool((feats, strikes, 4 * y), train_size, batch_size)
    torch.manual_seed(seed)
    model = SplitGreyBox(feats.shape[1], hidden)
    return {"model": model, "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": split_mse, "train_pool": tr}


def split_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the crack shares after each strike (x4, the model's output scaled alike)."""
    feats, strikes, y = batch
    return F.mse_loss(4 * model(feats, strikes), y)


# --------------------------------------------------------------------------------------------------------------
# 6. smoke-alarm detection delay (residual MLP with LayerNorm over embeddings, Adagrad; long only)

SA_DETECTORS, SA_FIRES = 32, 6


def _sa_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Detector activation tests: 32 detector models (ionisation, photoelectric or both; an alarm threshold of
    2-6 %/ft obscuration-equivalent; a chamber characteristic length L 1.5-8 m; an ionisation chamber's response
    rising as the particles get smaller, a photoelectric one's as they get larger) and 6 test fires (flaming wood
    crib, flaming polyurethane foam, flaming heptane, smouldering wood, smouldering cotton, cooking oil; t-squared
    growth 0.003-0.19 kW/s^2 for the flaming ones, the ratio of optical density to temperature rise, a particle
    size), the radial distance from the plume 0.5-6 m, the ceiling height 2.4-4 m, the room's draught 0-0.3 m/s
    and the ambient 10-30 C. Flaming fires: Alpert's ceiling jet (from memory: u = 0.197 Q^(1/3) H^(1/2) / r^(5/6),
    dT = 5.38 (Q / r)^(2/3) / H beyond r / H 0.15-0.18, the plume's forms inside), the smoke's optical density
    proportional to dT; smouldering fires: smoke drifting at the draught plus 0.05 m/s, its density rising
    linearly. The chamber's inside density lags with Heskestad's time constant L / u (u at least 0.05 m/s); the
    alarm at the first step (4 s) where the inside density times the detector's size response passes its
    threshold; no alarm in 15 min is 900 s. 5% scatter. Returns (detector ids, fire ids, dense features (n, 4),
    log delay (n, 1))."""
    dg = torch.Generator().manual_seed(1661061)
    kind = torch.randint(0, 3, (SA_DETECTORS,), generator=dg)  # ion, photo, dual
    thresh = 2 + 4 * torch.rand(SA_DETECTORS, generator=dg)
    char_l = 1.5 + 6.5 * torch.rand(SA_DETECTORS, generator=dg)
    alpha = torch.tensor([0.012, 0.047, 0.19, 0.0, 0.0, 0.003])
    ratio = torch.tensor([0.02, 0.06, 0.03, 0.0, 0.0, 0.015])  # %/ft per K
    smoulder_rate = torch.tensor([0.0, 0.0, 0.0, 0.012, 0.006, 0.0])  # %/ft per s at 1 m
    size = torch.tensor([0.3, 0.5, 0.2, 1.2, 1.5, 0.8])  # particle size, relative
    d = torch.randint(0, SA_DETECTORS, (n,), generator=gen)
    f = torch.randint(0, SA_FIRES, (n,), generator=gen)
    rad = 0.5 + 5.5 * torch.rand(n, generator=gen)
    hgt = 2.4 + 1.6 * torch.rand(n, generator=gen)
    draught = 0.3 * torch.rand(n, generator=gen)
    amb = 10 + 20 * torch.rand(n, generator=gen)
    k = kind[d]
    ion_resp = 1.6 / (0.4 + size[f])
    photo_resp = size[f] / (0.3 + size[f]) * 1.6
    resp = torch.where(k == 0, ion_resp, torch.where(k == 1, photo_resp, torch.maximum(ion_resp, photo_resp)))
    thr = thresh[d] * torch.exp(0.05 * torch.randn(n, generator=gen))
    lag_l = char_l[d]
    inside = torch.zeros(n)
    alarm = torch.full((n,), 900.0)
    dt = 4.0
    flaming = alpha[f] > 0
    for step in range(1, 226):
        t = step * dt
        q = alpha[f] * t**2 + 1e-3
        rh = rad / hgt
        u_far = 0.197 * q ** (1 / 3) * hgt**0.5 / rad ** (5 / 6)
        u_near = 0.95 * (q / hgt) ** (1 / 3)
        u = torch.where(rh > 0.15, u_far, u_near)
        dtemp = torch.where(rh > 0.18, 5.38 * (q / rad) ** (2 / 3) / hgt, 16.9 * q ** (2 / 3) / hgt ** (5 / 3))
        transit = (hgt + rad) / u.clamp_min(0.05)
        outside_f = ratio[f] * dtemp * (t > transit).float() * (1 - 0.01 * (amb - 20))
        u_s = draught + 0.05
        outside_s = smoulder_rate[f] * torch.relu(t - (hgt + rad) / u_s) / (1 + 0.5 * rad) * (1 + 0.6 * draught)
        outside = torch.where(flaming, outside_f, outside_s)
        vel = torch.where(flaming, u, u_s).clamp_min(0.05)
        inside = inside + (outside - inside) * (1 - torch.exp(-dt * vel / lag_l))
        hit = (inside * resp >= thr) & (alarm >= 900)
        alarm = torch.where(hit, torch.full_like(alarm, t), alarm)
    y = torch.log(alarm) + 0.05 * torch.randn(n, generator=gen)
    dense = torch.stack([(rad - 3.25) / 1.6, (hgt - 3.2) / 0.46, (draught - 0.15) / 0.087, (amb - 20) / 5.8], 1)
    return d, f, dense, y.unsqueeze(1)


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class AlarmNet(nn.Module):
    """Embeddings of the detector (8) and the fire (4) joined with the dense features, a linear stem, a residual
    block with LayerNorm, a final LayerNorm and a linear read-out of the log delay."""

    def __init__(self, width: int = 32, blocks: int = 1) -> None:
        super().__init__()
        self.det = nn.Embedding(SA_DETECTORS, 8)
        self.fire = nn.Embedding(SA_FIRES, 4)
        self.stem = nn.Linear(8 + 4 + 4, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 1)

    def forward(self, d: torch.Tensor, f: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        h = self.stem(torch.cat([self.det(d), self.fire(f), dense], 1))
        return self.head(self.norm(self.blocks(h)))


def smoke_alarm_delay(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32) -> dict[str, Any]:
    """The alarm net on ``train_size`` activation tests, the log delay standardised over them; held out: 2048
    other tests in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(166106)
    d, f, dense, y = _sa_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    data, ev, tr = _pool((d, f, dense, y), train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": AlarmNet(width), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("hubcap_drag_cnn_momentum", hubcap_drag, 300, "hubcap_wheel_cover_ventilation_drag_cnn2d",
      "sgd_momentum0.9_wd5e-4", "finite", 32, seconds=0.7, start_lr=0.05),
    W("table_tennis_machine_adam", table_tennis_machine, 300, "table_tennis_ball_machine_spin_bounce_mlp", "adam",
      "finite", 32, seconds=0.4, start_lr=0.032),
    W("cat_flap_latch_postln_adamw", cat_flap_latch, 300, "cat_flap_collar_magnet_latch_release_postln_transformer",
      "adamw", "finite", 32, seconds=1.0, start_lr=0.008),
    W("hatchet_split_greybox_nadam", hatchet_split, 300, "hatchet_strike_crack_energy_balance_greybox", "nadam",
      "finite", 32, seconds=0.3, start_lr=0.016),
)
LONG = (
    W("paintbrush_loading_adagrad@long", paintbrush_loading, 3000, "paintbrush_dip_load_drip_coverage_embedding_net",
      "adagrad", "finite", 32, seconds=1.8, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("smoke_alarm_delay_adagrad@long", smoke_alarm_delay, 3000, "smoke_alarm_ceiling_jet_heskestad_lag_resmlp_ln",
      "adagrad", "finite", 32, seconds=2.5, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("hatchet_split_greybox_nadam@long", hatchet_split, 3000, "hatchet_strike_crack_energy_balance_greybox", "nadam",
      "finite", 32, dict(train_size=8192, hidden=32), seconds=2.8, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="hatchet_split_greybox_nadam"),
    W("table_tennis_machine_adam@long", table_tennis_machine, 3000, "table_tennis_ball_machine_spin_bounce_mlp",
      "adam", "finite", 32, dict(train_size=4096, hidden=32), seconds=2.9, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="table_tennis_machine_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam166_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-sixth exam's workloads")
