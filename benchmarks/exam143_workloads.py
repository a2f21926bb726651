"""The hundred-and-forty-third exam: six more workload families that neither the suite nor exams 1-142 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam142_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from basters and suction, mandolines and slice thickness, chopping boards and
groove wear, muffin trays and rise, piping bags and icing flow, and spoon rests and drips (exam 144 was built at the
same time from other domains; its module was not opened). What was checked to make them new, and what was tried and
dropped, is in ``benchmarks/results/exam143/README.md``. Models, laws and optimiser settings are written from memory
(no source was looked up); where a law is named, its form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- turkey-baster suction: an MLP from the bulb (its volume, how far it is squeezed, its material: natural rubber,
  silicone or PVC), the tube and tip bores, the tube length, the tip's immersion, the liquid (water, stock, gravy,
  melted butter; one-hot), its temperature and the wear of the bulb-tube joint to the volume drawn up 0.25, 0.5, 1,
  2, 4 and 8 s after the bulb is released; the equilibrium volume from the bulb wall's elastic recovery against
  the trapped air (Boyle) and the lifted column, solved by bisection, reached through the tip's Hagen-Poiseuille
  resistance and the bulb's recovery lag (two time constants), less an air leak at a worn joint; 3% scatter; MSE of
  the standardised volumes; Adam (torch's defaults)
- mandoline slicing: a Post-LN transformer encoder (one layer, width 32, two heads) over the 16 slices of one
  vegetable (the dial setting, the produce, the blade's sharpness, each stroke's push speed and force, the hand
  guard, the length left) to each slice's thickness; the blade lifting the produce by a speed-, force- and
  dullness-dependent dip that stays on the cut face (so a slice is thick where the previous one was thin), soft
  produce springing back, the guard's wobble and tearing at high speed with a dull blade; MSE of the standardised
  thicknesses; AdamW (weight decay 1e-2, torch's other defaults)
- muffin-tray rise: a 2-D CNN with BatchNorm over a 12 x 16 image of a 12-cup tray six minutes into the bake
  (an infrared temperature channel, a depth camera's fill-level channel, the oven setpoint) to the twelve muffins'
  final heights, read out by a per-cup 1 x 1 convolution; each cup's heating rate from the setpoint, the tray
  (dark, light, silicone), an oven hot spot and the cup's position and fill, the rise from the gas expansion before
  the crust sets (an optimum heating rate: too hot sets the crust early), muffin tops spreading over the cup, an
  unseen leavening strength per tray; MSE of the standardised heights; RMSprop (torch's defaults: alpha 0.99, no
  momentum)
- piping-bag icing flow: an embedding net (learned embeddings of the icing: American buttercream, Swiss meringue
  buttercream, royal icing, cream cheese frosting, ganache, whipped cream; of the tip: rounds #2, #3, #5, #10, open
  star 1M, closed star 2D, petal 104, leaf 352; of the bag: disposable, canvas, silicone; with five measured
  conditions, into a SiLU head) to the log flow rate and the log bead width; Herschel-Bulkley flow through the tip
  (yield stress and consistency softening with temperature), the squeeze pressure from the hand's force over the
  bag's contact area, bead width from mass balance with slumping under gravity against the yield stress and
  squashing when the tip is held low; 12% scatter; MSE of the standardised logs; Adamax (torch's defaults)
- chopping-board groove wear (a long plan only): a 1-D CNN with GroupNorm over a 64 mm profilometer trace across a
  used board (and the board's material: end-grain maple, edge-grain maple, bamboo, HDPE; one-hot, joined after
  pooling) to the log number of cuts the board has taken, the log depth to plane off and the log groove volume
  (what holds juice and bacteria); wear from knife scores concentrated in the cook's favourite zone (a Gaussian of
  unknown centre and width), depth per cut from the knife's force over the material's hardness, overlapping scores
  saturating (depth ~ sqrt(cuts)), wood's fibres partly closing, the wood grain, the board's warp; MSE; NAdam
  (torch's defaults)
- spoon-rest drips (a long plan only): a residual MLP with LayerNorm (Pre-LN blocks) classifies a spoon left on a
  spoon rest into stays in the well, overflows the well onto the counter, runs down the handle onto the counter and
  dries to a crust; from the sauce (tomato sauce, broth, gravy, custard, caramel; one-hot), the spoon (wooden,
  silicone, metal ladle; one-hot), the sauce's temperature, the spoon's load, the well's volume, the counter's
  tilt, the handle's overhang, the number of times the spoon is put back and the time before it is washed; the
  drained volume from film retention (Landau-Levich-like, thicker for viscous sauces), creeping along the handle
  for runny sauces (wood wicks), a crust when the film dries before washing; each margin with scatter, the first
  failing one wins; cross-entropy; RMSprop (torch's defaults: alpha 0.99, no momentum)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the chopping-board and
spoon-rest nets (no short plans), the baster net on 8192 releases instead of 1024 and the piping net on 8192 pipings
instead of 2048 (both with 32 units a layer instead of 64; the baster net with the short plan's batch of 64, the
piping net with a batch of 32 instead of 64).

Of the eight plans, two use Adam (both baster plans), two Adamax (both piping plans), two RMSprop (muffin, spoon
rest), one AdamW (mandoline) and one NAdam (chopping board).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam143_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam143/README.md).

    python benchmarks/exam143_workloads.py          # the table
    python benchmarks/exam143_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 143"


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
# 1. turkey-baster suction (Adam)

BA_TIMES = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


def _ba_releases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Releases of a squeezed baster bulb with the tip in a roasting pan's juices. Bulb 30-90 ml squeezed by 40-90%
    of its volume (the air pushed out bubbles away); its wall's recovery modulus K and recovery time (natural
    rubber 8 kPa / 0.2 s, silicone 5 kPa / 0.35 s, PVC 12 kPa / 0.6 s); tube bore 8-12 mm, length 18-30 cm; tip bore
    2.5-5 mm over 3 cm; the tip 0.5-5 cm deep; the liquid (water, stock, gravy, melted butter: viscosity 1, 1.5, 40,
    50 mPa s at 20 C, falling 2-3% a degree; density 1000, 1010, 1050, 910) at 20-90 C; the joint's wear 0-1. The
    equilibrium drawn volume q solves P0 (1 - A0 / (V_b(q) + V_t - q)) = rho g (h(q) - d) (Boyle for the trapped
    air, the lifted column h = min(q / A, L) above the pool), with the bulb's volume V_b = V_b0 (1 - rho g (h - d) /
    K) (bisection); it is reached with the tip's and the tube's Hagen-Poiseuille resistance times the system's
    compliance and the bulb's recovery time (two exponentials); a worn joint leaks air, the column sinking back at
    4% per second per unit wear. 3% scatter. Returns (features (n, 15), volumes (ml) at 0.25-8 s (n, 6))."""
    p0, g = 101325.0, 9.81
    vb0 = (30 + 60 * torch.rand(n, generator=gen)) * 1e-6
    squeeze = 0.4 + 0.5 * torch.rand(n, generator=gen)
    mat = torch.randint(0, 3, (n,), generator=gen)
    k_wall = torch.tensor([8e3, 5e3, 12e3])[mat] * (0.85 + 0.3 * torch.rand(n, generator=gen))
    tau_b = torch.tensor([0.2, 0.35, 0.6])[mat]
    bore = (8 + 4 * torch.rand(n, generator=gen)) * 1e-3
    length = (0.18 + 0.12 * torch.rand(n, generator=gen))
    tip = (2.5 + 2.5 * torch.rand(n, generator=gen)) * 1e-3
    depth = (0.5 + 4.5 * torch.rand(n, generator=gen)) * 1e-2
    liq = torch.randint(0, 4, (n,), generator=gen)
    temp = 20 + 70 * torch.rand(n, generator=gen)
    mu = torch.tensor([1e-3, 1.5e-3, 0.04, 0.05])[liq] * torch.exp(-torch.tensor([0.02, 0.02, 0.03, 0.03])[liq]
                                                                    * (temp - 20))
    rho = torch.tensor([1000.0, 1010.0, 1050.0, 910.0])[liq]
    wear = torch.rand(n, generator=gen)
    area = math.pi * bore**2 / 4
    v_t = area * length
    a0 = vb0 * (1 - squeeze) + v_t

    def lift(q: torch.Tensor) -> torch.Tensor:
        return torch.minimum(q / area, length) - depth

    def resid(q: torch.Tensor) -> torch.Tensor:
        vb = vb0 * (1 - rho * g * lift(q) / k_wall).clamp(0.05, 1.05)
        return p0 * (1 - a0 / (vb + v_t - q)) - rho * g * lift(q)

    lo, hi = torch.zeros(n), vb0 * squeeze
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        up = resid(mid) > 0
        lo, hi = torch.where(up, mid, lo), torch.where(up, hi, mid)
    q_eq = 0.5 * (lo + hi)
    h_eq = lift(q_eq).clamp_min(0) + depth
    res = 128 * mu * 0.03 / (math.pi * tip**4) + 128 * mu * h_eq.clamp(max=length) / (math.pi * bore**4)
    comp = a0 / p0 + vb0 / k_wall
    tau_f = res * comp + 0.02
    tau_b = tau_b + 1e-3
    t = torch.tensor(BA_TIMES).view(1, -1)
    t1, t2 = tau_f.view(-1, 1), tau_b.view(-1, 1)
    frac = 1 - (t1 * torch.exp(-t / t1) - t2 * torch.exp(-t / t2)) / (t1 - t2)
    vol = q_eq.view(-1, 1) * 1e6 * frac * torch.exp(-0.04 * wear.view(-1, 1) * t)
    vol = vol * torch.exp(0.03 * torch.randn(vol.shape, generator=gen))
    x = torch.cat([F.one_hot(mat, 3).float(), F.one_hot(liq, 4).float(), torch.stack([
        (vb0 * 1e6 - 60) / 17.3, (squeeze - 0.65) / 0.144, (bore * 1e3 - 10) / 1.15, (length - 0.24) / 0.035,
        (tip * 1e3 - 3.75) / 0.72, (depth * 100 - 2.75) / 1.3, (temp - 55) / 20.2, (wear - 0.5) / 0.29], 1)], 1)
    return x, vol


class BasterNet(nn.Module):
    """A SiLU MLP from the baster, the liquid and the release to the six drawn volumes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(BA_TIMES)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def suction_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised drawn volumes."""
    return _mse(model, batch)


def baster_suction(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The baster net on 1024 releases, targets standardised over them; held out: 2048 other releases in batches of
    1024; Adam."""
    gen = torch.Generator().manual_seed(143101)
    x, y = _ba_releases(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BasterNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": suction_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. mandoline slice thickness (AdamW)

MA_SLICES = 16
MA_FEATURES = 12


def _ma_vegetables(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sixteen slices cut from one vegetable on a mandoline: the dial 1-6 mm; the produce (potato, carrot, cucumber,
    onion, zucchini: firmness 1.0, 1.3, 0.6, 0.5, 0.45) 90-160 mm long; the blade's sharpness 0-1. Each stroke: a
    push speed 0.1-0.6 m/s (an AR(1) around the cook's own pace), a force 5-25 N; the hand guard once less than
    40 mm is left. The blade lifts the produce as it cuts: a dip e = 0.06 mm (1.2 - sharpness) (v / 0.3) (f / 15)
    / firmness^0.5 left on the new face, so slice k is set + e_{k-1} - e_k thick (the previous dip thickens it);
    soft produce springs back (+ 4% of the setting times (f / 15) (1 / firmness - 0.6)); the guard wobbles (+ 0.1 mm
    + 4% of the setting, more at speed); a dull blade at speed tears the slice (up to + 25%). 0.08 mm gauge scatter.
    Returns (features (n, 16, 12), thicknesses (mm) (n, 16))."""
    setting = 1 + 5 * torch.rand(n, generator=gen)
    prod = torch.randint(0, 5, (n,), generator=gen)
    firm = torch.tensor([1.0, 1.3, 0.6, 0.5, 0.45])[prod]
    sharp = torch.rand(n, generator=gen)
    length0 = 90 + 70 * torch.rand(n, generator=gen)
    pace = 0.15 + 0.3 * torch.rand(n, generator=gen)
    v = torch.empty(n, MA_SLICES)
    prev = pace.clone()
    for k in range(MA_SLICES):
        prev = (pace + 0.6 * (prev - pace) + 0.08 * torch.randn(n, generator=gen)).clamp(0.1, 0.6)
        v[:, k] = prev
    force = 5 + 20 * torch.rand(n, MA_SLICES, generator=gen)
    dip = 0.06 * (1.2 - sharp).view(-1, 1) * (v / 0.3) * (force / 15) / firm.view(-1, 1) ** 0.5
    prev_dip = torch.cat([torch.zeros(n, 1), dip[:, :-1]], 1)
    s = setting.view(-1, 1)
    thick = s + prev_dip - dip + 0.04 * s * (force / 15) * (1 / firm.view(-1, 1) - 0.6)
    tear = torch.sigmoid(((1 - sharp).view(-1, 1) * v - 0.25) / 0.1)
    thick = thick * (1 + 0.25 * tear)
    remain = torch.empty(n, MA_SLICES)
    guard = torch.empty(n, MA_SLICES)
    left = length0.clone()
    for k in range(MA_SLICES):
        remain[:, k] = left
        guard[:, k] = (left < 40 + 15 * (s[:, 0] > 4).float()).float()
        left = (left - thick[:, k] - 2.5 * s[:, 0]).clamp_min(5)
    thick = thick + guard * (0.1 + 0.04 * s) * (v / 0.3)
    thick = thick + 0.08 * torch.randn(n, MA_SLICES, generator=gen)
    seq = torch.stack([v / 0.15 - 2.3, (force - 15) / 5.8, 2 * guard - 1, (remain - 60) / 30], 2)
    static = torch.cat([((setting - 3.5) / 1.44).view(-1, 1), F.one_hot(prod, 5).float(),
                        ((sharp - 0.5) / 0.29).view(-1, 1), ((length0 - 125) / 20).view(-1, 1)], 1)
    x = torch.cat([seq, static.view(n, 1, -1).expand(n, MA_SLICES, static.shape[1])], 2)
    return x, thick


class SliceEncoder(nn.Module):
    """A Post-LN transformer encoder over the slices: a linear embedding plus a learned position, one encoder layer
    (two heads, feed-forward 64, GELU, no dropout), a linear read-out of each slice's thickness."""

    def __init__(self, width: int = 32, heads: int = 2) -> None:
        super().__init__()
        self.embed = nn.Linear(MA_FEATURES, width)
        self.pos = nn.Parameter(torch.zeros(1, MA_SLICES, width))
        self.encoder = nn.TransformerEncoderLayer(width, heads, 2 * width, dropout=0.0, activation="gelu",
                                                  batch_first=True, norm_first=False)
        self.head = nn.Linear(width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(x) + self.pos)).squeeze(-1)


def slice_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised slice thicknesses."""
    return _mse(model, batch)


def mandoline_slices(batch_size: int = 64, seed: int = 0, train_size: int = 2048, width: int = 32) -> dict[str, Any]:
    """The slice encoder on 2048 vegetables (16 slices each), thicknesses standardised over them (one mean and sd);
    held out: 2048 other vegetables in batches of 1024; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(143102)
    x, y = _ma_vegetables(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SliceEncoder(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": slice_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. muffin-tray rise (RMSprop)

MU_ROWS, MU_COLS, MU_PIX = 3, 4, 4


def _mu_trays(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Trays of 12 muffins (3 x 4 cups, 4 x 4 pixels each in a 12 x 16 image) six minutes into the bake. The oven
    at 170-220 C with a hot spot (anywhere over the tray, 0-35% stronger heating, 1.5 cups wide); the tray (dark
    metal 1.15, light metal 1.0, silicone 0.8); each cup filled 45-95%; an unseen leavening strength per tray
    (lognormal, 1%). A cup's heating rate r = (T_oven - 20) / 180 x tray x hot spot x (1.12 at the tray's edge) /
    (0.5 + fill); the batter's surface at 20 + (T_oven - 20)(1 - exp(-0.15 r 6)), the bare tray between the cups
    at 20 + (T_oven - 20)(1 - exp(-0.5 tray hot spot 6)) (1 C camera noise). Rise: gas expansion until the crust sets,
    best at a moderate heating rate (r e^(1 - r) with r over its optimum 1.1), the dome fill x 3 cm x (1 + 1.3
    leavening x that); above the cup's 4 cm rim the muffin top spreads (a softplus cap). 0.4% scatter. Returns
    (images (n, 3, 12, 16): IR temperature, fill level, setpoint; heights (cm) (n, 12))."""
    oven = 170 + 50 * torch.rand(n, generator=gen)
    hs_r = 1.5 * torch.rand(n, generator=gen) - 0.25
    hs_c = 4.0 * torch.rand(n, generator=gen) - 0.5
    hs_a = 0.35 * torch.rand(n, generator=gen)
    tray = torch.tensor([1.15, 1.0, 0.8])[torch.randint(0, 3, (n,), generator=gen)]
    fill = 0.45 + 0.5 * torch.rand(n, MU_ROWS, MU_COLS, generator=gen)
    leav = torch.exp(0.01 * torch.randn(n, generator=gen))
    rr = torch.arange(MU_ROWS).float().view(1, -1, 1)
    cc = torch.arange(MU_COLS).float().view(1, 1, -1)
    hot = 1 + hs_a.view(-1, 1, 1) * torch.exp(-((rr - hs_r.view(-1, 1, 1) * 2) ** 2 + (cc - hs_c.view(-1, 1, 1)) ** 2)
                                              / (2 * 1.5**2))
    edge = ((rr == 0) | (rr == MU_ROWS - 1) | (cc == 0) | (cc == MU_COLS - 1)).float()
    rate = ((oven - 20) / 180 * tray).view(-1, 1, 1) * hot * (1 + 0.12 * edge) / (0.5 + fill)
    t_batter = 20 + (oven - 20).view(-1, 1, 1) * (1 - torch.exp(-0.15 * rate * 6))
    t_tray = 20 + (oven - 20).view(-1, 1, 1) * (1 - torch.exp(-0.5 * tray.view(-1, 1, 1) * hot * 6))
    rel = rate / 1.1
    expand = leav.view(-1, 1, 1) * rel * torch.exp(1 - rel)
    height = fill * 3 * (1 + 1.3 * expand)
    height = height - 0.65 * 0.4 * F.softplus((height - 4) / 0.4)
    height = height * torch.exp(0.004 * torch.randn(height.shape, generator=gen))
    # the image: each cup's 2 x 2 centre shows the batter, its ring the tray between the cups
    mask = torch.zeros(MU_PIX, MU_PIX)
    mask[1:3, 1:3] = 1
    up = lambda a: a.repeat_interleave(MU_PIX, 1).repeat_interleave(MU_PIX, 2)  # noqa: E731
    m = mask.repeat(MU_ROWS, MU_COLS).view(1, MU_ROWS * MU_PIX, MU_COLS * MU_PIX)
    ir = m * up(t_batter) + (1 - m) * up(t_tray)
    ir = ir + torch.randn(ir.shape, generator=gen)
    depth = m * up(fill)
    img = torch.stack([(ir - 120) / 40, (depth - 0.17) / 0.3,
                       ((oven - 195) / 14.4).view(-1, 1, 1).expand_as(ir)], 1)
    return img, height.view(n, MU_ROWS * MU_COLS)


class TrayCNN(nn.Module):
    """Two 3 x 3 convolutions with BatchNorm and ReLU, average-pooled to one cell a cup, a 1 x 1 convolution reading
    each cup's height."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(),
                                  nn.Conv2d(channels, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(),
                                  nn.AvgPool2d(MU_PIX), nn.Conv2d(channels, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x).flatten(1)


def rise_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the twelve standardised muffin heights."""
    return _mse(model, batch)


def muffin_rise(batch_size: int = 128, seed: int = 0, train_size: int = 1024, channels: int = 16) -> dict[str, Any]:
    """The tray CNN on 1024 trays, heights standardised over them (one mean and sd); held out: 2048 other trays in
    batches of 1024; RMSprop (torch's defaults)."""
    gen = torch.Generator().manual_seed(143104)
    x, y = _mu_trays(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrayCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": rise_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. piping-bag icing flow (Adamax)

PB_ICINGS, PB_TIPS, PB_BAGS = 6, 8, 3


def _pb_pipings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Lines piped from a bag: the icing (American buttercream, Swiss meringue buttercream, royal icing, cream
    cheese frosting, ganache, whipped cream: Herschel-Bulkley yield stress 200, 120, 150, 90, 60, 40 Pa,
    consistency 60, 40, 25, 30, 20, 25 Pa s^n, index 0.45, 0.5, 0.6, 0.5, 0.65, 0.45, softening by 9, 12, 1, 7, 10,
    4% a degree above 20 C, density 1.0-1.2 g/ml); the tip (rounds #2, #3, #5, #10: 2, 2.5, 4, 8 mm; open star 1M,
    closed star 2D, petal 104, leaf 352: an equivalent bore 6, 5.5, 3.5, 3 mm with 1.6-2.5x the wall friction of a
    round); the bag (disposable, canvas, silicone: 100%, 80%, 90% of the hand's force reaching the icing); the
    squeeze 5-40 N over a contact area (10-30 cm2) growing with the bag's fill 0.2-1; the icing at 15-28 C; the hand 1-6 cm/s;
    the tip 2-15 mm above the cake. Wall stress tau_w = dP D / (4 L_eff), flow (pi D^3 / 32) ((tau_w - tau_y) / K)^(1
    / n) 3n / (3n + 1) (a plug-flow form, from memory) once the yield stress is passed (a small creep below it), saturating
    near 5 ml/s (the hand cannot collapse the bag faster); the
    bead's width from the mass balance w0 = sqrt(4 Q / (pi v)), slumping by (1 + 0.5 rho g w0 / tau_y)^0.5 and
    squashed wider when the tip is held below the bead (w0 / h). 12% scatter. Returns (icing, tip and bag indices
    (n, 3), conditions (n, 5), log flow and log width (n, 2))."""
    ic = torch.randint(0, PB_ICINGS, (n,), generator=gen)
    tp = torch.randint(0, PB_TIPS, (n,), generator=gen)
    bg = torch.randint(0, PB_BAGS, (n,), generator=gen)
    force = 5 + 35 * torch.rand(n, generator=gen)
    fill = 0.2 + 0.8 * torch.rand(n, generator=gen)
    temp = 15 + 13 * torch.rand(n, generator=gen)
    speed = 1 + 5 * torch.rand(n, generator=gen)
    height = 2 + 13 * torch.rand(n, generator=gen)
    soft = torch.exp(-torch.tensor([0.09, 0.12, 0.01, 0.07, 0.10, 0.04])[ic] * (temp - 20))
    tau_y = torch.tensor([200.0, 120.0, 150.0, 90.0, 60.0, 40.0])[ic] * soft
    k = torch.tensor([60.0, 40.0, 25.0, 30.0, 20.0, 25.0])[ic] * soft
    nn_ = torch.tensor([0.45, 0.5, 0.6, 0.5, 0.65, 0.45])[ic]
    rho = torch.tensor([1.0, 1.05, 1.2, 1.1, 1.15, 0.5])[ic] * 1000
    bore = torch.tensor([2.0, 2.5, 4.0, 8.0, 6.0, 5.5, 3.5, 3.0])[tp] * 1e-3
    fric = torch.tensor([1.0, 1.0, 1.0, 1.0, 1.6, 2.0, 2.5, 2.2])[tp]
    share = torch.tensor([1.0, 0.8, 0.9])[bg]
    area = (10 + 20 * fill) * 1e-4  # m2
    dp = force * share / area
    l_eff = 3 * bore * fric + 0.01
    tau_w = dp * bore / (4 * l_eff)
    excess = F.softplus((tau_w - tau_y) / (0.2 * tau_y)) * 0.2 * tau_y
    q = math.pi * bore**3 / 32 * (excess / k) ** (1 / nn_) * 3 * nn_ / (3 * nn_ + 1)  # m3/s
    q = q / (1 + q / 5e-6) + 1e-7  # the hand cannot collapse the bag faster than ~5 ml/s
    w0 = (4 * q / (math.pi * speed * 1e-2)).sqrt()
    w = w0 * (1 + 0.5 * rho * 9.81 * w0 / tau_y).sqrt() * (1 + 0.3 * torch.relu(w0 / (height * 1e-3) - 0.5))
    y = torch.stack([torch.log(q * rho * 1e3), torch.log(w * 1e3)], 1)  # g/s, mm
    y = y + 0.12 * torch.randn(n, 2, generator=gen)
    idx = torch.stack([ic, tp, bg], 1)
    cond = torch.stack([(force - 22.5) / 10.1, (fill - 0.6) / 0.23, (temp - 21.5) / 3.75, (speed - 3.5) / 1.44,
                        (height - 8.5) / 3.75], 1)
    return idx, cond, y


class PipingNet(nn.Module):
    """Learned embeddings (4 each) of the icing, the tip and the bag with the five conditions, into a SiLU MLP
    head to the log flow and the log bead width."""

    def __init__(self, hidden: int = 64, dim: int = 4) -> None:
        super().__init__()
        self.icing = nn.Embedding(PB_ICINGS, dim)
        self.tip = nn.Embedding(PB_TIPS, dim)
        self.bag = nn.Embedding(PB_BAGS, dim)
        self.head = nn.Sequential(nn.Linear(3 * dim + 5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                  nn.Linear(hidden, 2))

    def forward(self, idx: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.icing(idx[:, 0]), self.tip(idx[:, 1]), self.bag(idx[:, 2]), cond], 1))


def piping_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log flow and log bead width."""
    idx, cond, y = batch
    return F.mse_loss(model(idx, cond), y)


def piping_bag(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The piping net on 2048 pipings, targets standardised over them; held out: 2048 other pipings in batches of
    1024; Adamax."""
    gen = torch.Generator().manual_seed(143105)
    idx, cond, y = _pb_pipings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (idx[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PipingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((idx[train_size:], cond[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": piping_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. chopping-board groove wear (NAdam; long only)

CB_POINTS = 64
CB_MATERIALS = 4


def _cb_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Profilometer traces (64 points, 1 mm apart) across used chopping boards: end-grain maple, edge-grain maple,
    bamboo, HDPE (hardness 1.0, 1.1, 1.4, 0.5; fibres closing 50%, 20%, 10%, 0% of a score; grain ridges 6, 4, 8,
    0 um every 2-4 mm); 100-10,000 cuts (log-uniform) at 0.5-1.5 of a standard force, each 20 um x force /
    hardness deep, centred in the cook's favourite zone (a Gaussian with its centre 0-15 mm from the trace's middle
    and its sd 8-25 mm); overlapping scores saturate, so the worn depth is 3 x (depth per cut) x sqrt(cuts per mm)
    there; the single scores' roughness (smoothed noise, 1.5x the depth per cut), the board's warp (up to 30 um of curvature
    across the trace), 1 um gauge noise; heights in units of 100 um. Targets: the log number of cuts, the log depth
    to plane off (the deepest wear of the zone, um) and the log groove volume (cuts x (depth per cut)^2 x what stays
    open). Returns (traces (n, 1, 64), materials (n, 4), targets (n, 3))."""
    mat = torch.randint(0, CB_MATERIALS, (n,), generator=gen)
    hard = torch.tensor([1.0, 1.1, 1.4, 0.5])[mat]
    close = torch.tensor([0.5, 0.2, 0.1, 0.0])[mat]
    grain_a = torch.tensor([6.0, 4.0, 8.0, 0.0])[mat]
    cuts = 10 ** (2 + 2 * torch.rand(n, generator=gen))
    force = 0.5 + torch.rand(n, generator=gen)
    per_cut = 20 * force / hard * (1 - close)
    side = torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
    centre = side * 15 * torch.rand(n, generator=gen)
    sd = 8 + 17 * torch.rand(n, generator=gen)
    xs = torch.arange(CB_POINTS).float() - CB_POINTS / 2 + 0.5
    density = (cuts / (sd * math.sqrt(2 * math.pi))).view(-1, 1) * \
        torch.exp(-((xs.view(1, -1) - centre.view(-1, 1)) ** 2) / (2 * sd.view(-1, 1) ** 2))
    wear = 3 * per_cut.view(-1, 1) * density.sqrt()
    rough = torch.randn(n, 1, CB_POINTS + 2, generator=gen)
    rough = F.conv1d(rough, torch.tensor([[[0.25, 0.5, 0.25]]])).view(n, CB_POINTS).abs()
    period = 2 + 2 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    grain = grain_a.view(-1, 1) * torch.sin(2 * math.pi * xs.view(1, -1) / period.view(-1, 1) + phase.view(-1, 1))
    warp = 30 * (2 * torch.rand(n, 1, generator=gen) - 1) * (xs.view(1, -1) / 32) ** 2
    z = -wear - 1.5 * per_cut.view(-1, 1) * rough + grain + warp + torch.randn(n, CB_POINTS, generator=gen)
    deepest = 3 * per_cut * (cuts / (sd * math.sqrt(2 * math.pi))).sqrt()
    volume = cuts * (20 * force / hard) ** 2 * (1 - close) / 1e3
    y = torch.stack([torch.log(cuts), torch.log(deepest), torch.log(volume)], 1)
    return (z / 100).view(n, 1, CB_POINTS), F.one_hot(mat, CB_MATERIALS).float(), y


class TraceCNN(nn.Module):
    """Two strided 1-D convolutions (kernel 5, stride 2) with GroupNorm (two groups) and ReLU, global average and
    max pooling, the board's material joined, a linear read-out."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        c = channels
        self.body = nn.Sequential(nn.Conv1d(1, c, 5, padding=2, stride=2), nn.GroupNorm(2, c), nn.ReLU(),
                                  nn.Conv1d(c, c, 5, padding=2, stride=2), nn.GroupNorm(2, c), nn.ReLU())
        self.head = nn.Linear(2 * c + CB_MATERIALS, 3)

    def forward(self, trace: torch.Tensor, material: torch.Tensor) -> torch.Tensor:
        h = self.body(trace)
        return self.head(torch.cat([h.mean(2), h.amax(2), material], 1))


def groove_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log cuts, plane-off depth and groove volume."""
    trace, material, y = batch
    return F.mse_loss(model(trace, material), y)


def chopping_board(batch_size: int = 64, seed: int = 0, train_size: int = 8192, channels: int = 16) -> dict[str, Any]:
    """The trace CNN on 8192 boards, targets standardised over them; held out: 2048 other boards in batches of
    1024; NAdam."""
    gen = torch.Generator().manual_seed(143103)
    z, m, y = _cb_traces(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (z[:train_size], m[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TraceCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((z[train_size:], m[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": groove_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. spoon-rest drips (RMSprop; long only)

SR_CLASSES = 4  # stays in the well, overflows the well, runs down the handle, dries to a crust


def _sr_rests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A spoon put back on a spoon rest between stirs: the sauce (tomato sauce, broth, gravy, custard, caramel:
    viscosity 1.5, 0.002, 0.3, 0.8, 4 Pa s at 60 C, halving every 25 C; yield stress 15, 0, 3, 6, 0 Pa; solids 10,
    2, 8, 22, 80%); the spoon (wooden, silicone, metal ladle: a film factor 1.3, 1.0, 0.9, a wicking factor 2.5,
    1.0, 0.6); the sauce at 40-95 C; a load of 2-15 ml; the well 5-40 ml; the counter tilted 0-3 degrees; the handle
    overhanging the rest 0-8 cm; 1-6 placements; 1-30 minutes before washing. Each placement drains its load less a
    retained film (a fraction 0.1 x film factor x (viscosity / 0.1 Pa s)^0.3, capped at 0.9, a Landau-Levich-like
    form, from memory); the well overflows when the drained total passes 2.5x its tilted capacity (a
    meniscus and the rest's lip hold more than the nominal well); runny sauces creep
    down an overhanging handle (against the yield stress and viscosity, helped by wicking and repeats); the film in
    the well dries to a crust when the drying time (shorter for more solids and hotter sauce) is under the time
    before washing. Each margin with 0.05 scatter (log), the first failing in that order wins. Returns (features
    (n, 17), classes)."""
    sauce = torch.randint(0, 5, (n,), generator=gen)
    spoon = torch.randint(0, 3, (n,), generator=gen)
    temp = 40 + 55 * torch.rand(n, generator=gen)
    load = 2 + 13 * torch.rand(n, generator=gen)
    well = 5 + 35 * torch.rand(n, generator=gen)
    tilt = 3 * torch.rand(n, generator=gen)
    over = 8 * torch.rand(n, generator=gen)
    places = torch.randint(1, 7, (n,), generator=gen).float()
    minutes = 1 + 29 * torch.rand(n, generator=gen)
    mu = torch.tensor([1.5, 0.002, 0.3, 0.8, 4.0])[sauce] * 2 ** (-(temp - 60) / 25)
    ys = torch.tensor([15.0, 0.0, 3.0, 6.0, 0.0])[sauce]
    solids = torch.tensor([0.10, 0.02, 0.08, 0.22, 0.80])[sauce]
    film = torch.tensor([1.3, 1.0, 0.9])[spoon]
    wick = torch.tensor([2.5, 1.0, 0.6])[spoon]
    retained = (0.1 * film * (mu / 0.1) ** 0.3).clamp(max=0.9)
    drained = places * load * (1 - retained)
    cap = well * (1 - 0.12 * tilt)
    noise = [0.05 * torch.randn(n, generator=gen) for _ in range(3)]
    m_over = torch.log(2.5 * cap / drained) + noise[0]
    m_handle = torch.log((ys + 2) * (mu + 0.01) ** 0.25 * 6 / ((over + 0.3) * wick * places**0.5)) + noise[1]
    dry_time = 25 * (1 - solids) ** 1.5 * torch.exp(-0.02 * (temp - 60)) * (1 + 0.02 * drained)
    m_crust = torch.log(dry_time / minutes) + noise[2]
    y = torch.zeros(n, dtype=torch.long)
    y[m_crust < 0] = 3
    y[m_handle < 0] = 2
    y[m_over < 0] = 1
    x = torch.cat([F.one_hot(sauce, 5).float(), F.one_hot(spoon, 3).float(), torch.stack([
        (temp - 67.5) / 15.9, (load - 8.5) / 3.75, (well - 22.5) / 10.1, (tilt - 1.5) / 0.87, (over - 4) / 2.3,
        (places - 3.5) / 1.7, (minutes - 15.5) / 8.4], 1)], 1)
    return torch.cat([x, torch.log(minutes).view(-1, 1) - 2.4, torch.log(places).view(-1, 1) - 1.1], 1), y


class ResidualBlock(nn.Module):
    """A Pre-LN residual block: x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class DripNet(nn.Module):
    """A linear stem, residual Pre-LN blocks, a final LayerNorm and the four outcome logits."""

    def __init__(self, width: int = 32, blocks: int = 1) -> None:
        super().__init__()
        self.stem = nn.Linear(17, width)
        self.blocks = nn.Sequential(*[ResidualBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, SR_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.stem(x))))


def drip_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the spoon rest's outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def spoon_rest(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 32,
               blocks: int = 1) -> dict[str, Any]:
    """The drip classifier on 8192 rests; held out: 2048 other rests in batches of 1024; RMSprop (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(143106)
    x, y = _sr_rests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DripNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": drip_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("baster_suction_adam", baster_suction, 300, "turkey_baster_bulb_suction_draw_curve_mlp", "adam", "finite", 64,
      seconds=0.4, start_lr=0.032),
    W("mandoline_slices_adamw", mandoline_slices, 300, "mandoline_slice_thickness_sequence_postln_transformer",
      "adamw_wd1e-2", "finite", 64, seconds=1.1, start_lr=0.016),
    W("muffin_rise_rmsprop", muffin_rise, 300, "muffin_tray_ir_rise_height_cnn2d_bn", "rmsprop", "finite", 128,
      seconds=3.1, start_lr=0.032),
    W("piping_bag_adamax", piping_bag, 300, "piping_bag_icing_herschel_bulkley_bead_embedding_net", "adamax", "finite",
      64, seconds=0.3, start_lr=0.128),
)
LONG = (
    W("chopping_board_nadam@long", chopping_board, 3000, "chopping_board_groove_wear_trace_cnn1d_gn", "nadam",
      "finite", 64, seconds=4.8, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("spoon_rest_rmsprop@long", spoon_rest, 3000, "spoon_rest_drip_outcome_resnet_ln", "rmsprop", "finite", 64,
      seconds=2.4, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("baster_suction_adam@long", baster_suction, 3000, "turkey_baster_bulb_suction_draw_curve_mlp", "adam",
      "finite", 64, dict(train_size=8192, hidden=32), seconds=1.6, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="baster_suction_adam"),
    W("piping_bag_adamax@long", piping_bag, 3000, "piping_bag_icing_herschel_bulkley_bead_embedding_net", "adamax",
      "finite", 32, dict(train_size=8192, hidden=32), seconds=2.1, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="piping_bag_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam143_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-third exam's workloads")
