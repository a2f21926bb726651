"""The hundred-and-thirty-eighth exam: six more workload families that neither the suite nor exams 1-136 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam136_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from ice-cream scoops and release, shower curtains and billowing, pepper
grinders and burr wear, napkin rings and slip fit, sink plugs and seal leakage, and pastry brushes and glaze spread
(exam 137 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam138/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- ice-cream scooping and release: a residual net with LayerNorm over embeddings of the inclusion (none, chocolate
  chips, nuts, caramel swirl, cookie dough) and the scoop (spring disher, conductive-fluid aluminium scoop, spade,
  trigger scoop) and the continuous mix and serving conditions (cabinet temperature, sugar, fat, overrun, the
  scoop's size and temperature) to the log peak drag force, the log portion mass and the share of the portion left
  stuck in the scoop; hardness from the ice fraction (freezing-point depression of the unfrozen serum) and the air,
  adhesion from a melt film; MSE of the standardised outputs; AdamW (torch's defaults, weight decay 0.01) for the
  short plan, Adagrad (initial accumulator 0.1) for the long one
- shower-curtain billowing (the "shower-curtain effect"): a small Pre-LN transformer over 16 height tokens (each the
  shower's settings and the token's height) to the curtain's inward deflection there; the load from the spray's
  entrained-air vortex and the warm air's stack pressure, the curtain a hanging membrane under its own weight's
  tension (free or magnet-held hem); MSE of the standardised log1p deflections; Adam (torch's defaults)
- pepper-grinder burr wear from a torque trace: a 1-D CNN (circular padding, GroupNorm) over the torque of one
  turn of the grinder's crank (64 samples) to the burrs' wear state and the grind setting; tooth engagement peaks
  that broaden and rise as the cutting edges round, peppercorn cracking spikes, a random phase; MSE; Adamax
  (torch's defaults)
- napkin-ring slip fit: a grey-box net: an MLP from the napkin's fabric and the ring's material (one-hot), the
  starch and humidity to the friction coefficients, the fabric bundle's compression stiffness and its free packing
  fraction; the fibre-bundle compression law (van Wyk's cube, from memory) and Coulomb friction over the ring's
  bore then give the log sliding and breakaway forces of pulling a gathered napkin through the ring; MSE; Adam
  (torch's defaults) for the short plan, Adagrad (torch's defaults) for the long one
- sink-plug seal leakage (a long plan only): embeddings of the plug type, the seal's elastomer, the flange's finish,
  the sink and the drain model (40 models, Zipf-distributed), with the head, the water temperature, the seal's age,
  hair debris and misalignment, into an MLP to the log leak rate; cubic-law flow through the seal's gap, the gap
  closed by the contact pressure (weight, head and spring) against an ageing elastomer; MSE; Adagrad (initial
  accumulator 0.1)
- pastry-brush glaze spread (a long plan only): a dilated 1-D CNN along a 24-cm brush stroke from the pastry's
  surface profile, the position and the glaze, brush, pastry and stroke settings (broadcast channels) to the glaze
  film's thickness at each centimetre; Landau-Levich film thickness, a depleting brush reservoir, ridge and valley
  deposition by brush type, absorption by the pastry; MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the sink-plug and
pastry-brush nets (no short plans), the ice-cream net on 8192 scoops instead of 4096 and the napkin-ring net on 8192
pulls instead of 4096 (both narrower, and with Adagrad instead of their short plans' AdamW / Adam).

Of the eight plans, the four short plans use the Adam family (AdamW: ice cream; Adam: shower curtain and napkin
ring; Adamax: pepper grinder); the four long plans use Adagrad.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam138_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam138/README.md).

    python benchmarks/exam138_workloads.py          # the table
    python benchmarks/exam138_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 138"


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


def _optimiser(name: str) -> Any:
    """The optimiser hooks the plans use (settings as their fields would set them; torch's defaults otherwise)."""
    if name == "adamw":  # torch's defaults: betas 0.9 / 0.999, eps 1e-8, weight decay 0.01
        return _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw")
    if name == "adam":  # torch's defaults: betas 0.9 / 0.999, eps 1e-8, no weight decay
        return _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")
    if name == "adamax":  # torch's defaults: betas 0.9 / 0.999, eps 1e-8, no weight decay
        return _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax")
    if name == "adagrad":  # torch's defaults: lr_decay 0, initial accumulator 0, eps 1e-10, no weight decay
        return _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    if name == "adagrad_acc0.1":  # the initial accumulator of 0.1 that TensorFlow / Keras use; eps 1e-10
        return _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                      "adagrad_acc0.1")
    raise ValueError(name)


# --------------------------------------------------------------------------------------------------------------
# 1. ice-cream scooping and release (AdamW; Adagrad for the long plan)

IC_INCLUSIONS = 5  # none, chocolate chips, nuts, caramel swirl, cookie dough
IC_SCOOPS = 4  # spring disher, conductive-fluid aluminium scoop, spade, trigger scoop


def _ic_scoops(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Scoops of ice cream from a dipping cabinet. Cabinet temperature -20 to -8 C; sugar (sucrose equivalent)
    14-24%, fat 4-16%, milk solids-not-fat 10%, overrun 20-100%; the inclusion and the scoop (above); the scoop's
    volume 30-120 mL (log-uniform; dishers #40 to #8) and its temperature 5-50 C (dipped in warm water or not).
    The initial freezing point falls with the sugar (-2.4 C at 16%), the ice's share of the water is 1 - Tf / T
    (the serum concentrating as it freezes), hardness rises exponentially with the ice's share of the matrix and
    falls with the air (overrun) and with fat; inclusions stiffen (nuts, chips) or soften (a swirl). Drag force:
    hardness times the blade's area ((V)^(2/3)), less for a warm conductive scoop that melts its way in. Portion
    mass: the volume times the ice cream's density (1.1 / (1 + overrun)) times a fill that rises as the ice cream
    softens (soft ice cream packs into the bowl). Left stuck: an adhesion score (a wetter, warmer cabinet, sticky
    inclusions, a warm scoop's melt film refreezing) against the scoop's release (the spring sweep, the
    conductive scoop's warmth) through a logistic. Scatter 3% on the force, 2% on the mass, 0.005 on the stuck
    share. Constants invented. Returns (inclusion ids, scoop ids, continuous (n, 6), outputs (n, 3))."""
    temp = -20 + 12 * torch.rand(n, generator=gen)
    sugar = 14 + 10 * torch.rand(n, generator=gen)
    fat = 4 + 12 * torch.rand(n, generator=gen)
    ov = 0.2 + 0.8 * torch.rand(n, generator=gen)
    inc = torch.randint(0, IC_INCLUSIONS, (n,), generator=gen)
    sc = torch.randint(0, IC_SCOOPS, (n,), generator=gen)
    vol = 30 * 4 ** torch.rand(n, generator=gen)
    ts = 5 + 45 * torch.rand(n, generator=gen)
    water = 1 - (sugar + fat + 10.5) / 100
    tf = -2.4 * (sugar / 16) * (0.30 / water) ** 0.5
    ice = water * (1 - tf / temp).clamp_min(0)
    matrix = ice / (water + sugar / 100)
    hard = 18 * torch.exp(5.5 * matrix) * (1 + ov) ** -1.8 * (1 - 0.018 * (fat - 10))
    hard = hard * torch.tensor([1.0, 1.15, 1.28, 0.88, 1.1])[inc]
    cond = torch.tensor([0.2, 1.0, 0.3, 0.25])[sc]
    melt = 1 - 0.55 * cond * (1 - torch.exp(-(ts - 5) / 20)) * torch.exp((temp + 20) / 25) / 2
    force = 0.35 * hard * (vol / 60) ** (2 / 3) * torch.tensor([1.0, 0.85, 0.7, 1.05])[sc] * melt
    dens = 1.1 / (1 + ov)
    fill = 0.82 + 0.28 * torch.sigmoid(-1.6 * (torch.log(hard) - math.log(60)))
    mass = vol * dens * fill
    adhesion = (torch.tensor([0.0, 0.15, 0.05, 0.9, 0.5])[inc] + 1.2 * torch.sigmoid((temp + 12) / 2)
                + 0.5 * (1 - cond) * torch.sigmoid((ts - 25) / 6) - 0.02 * (fat - 10))
    release = torch.tensor([1.1, 0.9, 0.0, 0.8])[sc] + 0.9 * cond * torch.sigmoid((ts - 20) / 8)
    stuck = torch.sigmoid(2.5 * (adhesion - release) - 0.5) * 0.4
    y = torch.stack([torch.log(force) + 0.03 * torch.randn(n, generator=gen),
                     torch.log(mass) + 0.02 * torch.randn(n, generator=gen),
                     stuck + 0.005 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(temp + 14) / 3.46, (sugar - 19) / 2.89, (fat - 10) / 3.46, (ov - 0.6) / 0.23,
                     (torch.log(vol) - math.log(60)) / 0.4, (ts - 27.5) / 13], 1)
    return inc, sc, x, y


class ScoopBlock(nn.Module):
    """A Pre-LN residual block: x + W2 GELU(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class ScoopNet(nn.Module):
    """Embeddings of the inclusion and the scoop, concatenated with the continuous inputs, two residual blocks with
    LayerNorm, a final LayerNorm and a linear head to the three outputs."""

    def __init__(self, width: int = 48, emb: int = 4, blocks: int = 2) -> None:
        super().__init__()
        self.inc, self.scoop = nn.Embedding(IC_INCLUSIONS, emb), nn.Embedding(IC_SCOOPS, emb)
        self.inp = nn.Linear(6 + 2 * emb, width)
        self.blocks = nn.Sequential(*[ScoopBlock(width) for _ in range(blocks)])
        self.norm, self.head = nn.LayerNorm(width), nn.Linear(width, 3)

    def forward(self, inc: torch.Tensor, sc: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([self.inc(inc), self.scoop(sc), x], 1))
        return self.head(self.norm(self.blocks(h)))


def ice_cream_scoop(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32, blocks: int = 2,
                    optim: str = "adamw") -> dict[str, Any]:
    """The scoop net on 4096 scoops, targets standardised over them; held out: 2048 other scoops in batches of
    1024; AdamW (torch's defaults) unless ``optim`` names another hook."""
    gen = torch.Generator().manual_seed(138101)
    inc, sc, x, y = _ic_scoops(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (inc[:train_size], sc[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ScoopNet(width, blocks=blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((inc[train_size:], sc[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _optimiser(optim), "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. shower-curtain billowing (Adam)

SC_HEIGHTS = 16
SC_H = 1.9  # curtain drop (m)


def _sc_showers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A shower running behind a curtain of drop 1.9 m: flow 6-15 L/min, water 25-45 C, the bathroom 15-24 C, the
    head's horizontal distance to the curtain 0.25-0.6 m, the spray cone's half-angle 10-35 degrees, the curtain's
    areal mass 0.08-0.4 kg/m2 (thin vinyl to heavy fabric), its fullness (width over the rod's span) 1-1.6 and a
    weighted / magnet hem or not. Load (inward, Pa): the entrained-air vortex of the spray, 0.5 rho_air u^2 with u
    rising with the spray's momentum flux and falling with the distance, a Gaussian band centred below where the
    cone meets the curtain; plus the stack pressure of the warm air inside (its temperature from the water's, the
    flow's and the room's), (rho_out - rho_in) g (z_n - z) about a neutral plane at 1.3 m. The curtain is a hanging
    membrane whose tension at height z is its weight below z plus the hem's: T w' = R - P(z), w(top) = 0, a free
    hem (R = 0) or a held one (w(0) = 0); fullness lets it bulge more (x fullness^1.5); the bulge saturates at the
    distance to the spray (d tanh(w / d)). Deflection in cm at 16 heights; scatter 3% and 0.1 cm. Constants
    invented. Returns (features (n, 16, 9): the shower's 8 settings and the token's height, deflections (n, 16))."""
    q = 6 + 9 * torch.rand(n, generator=gen)
    tw = 25 + 20 * torch.rand(n, generator=gen)
    tr = 15 + 9 * torch.rand(n, generator=gen)
    d = 0.25 + 0.35 * torch.rand(n, generator=gen)
    cone = 10 + 25 * torch.rand(n, generator=gen)
    mc = 0.08 * 5 ** torch.rand(n, generator=gen)
    full = 1 + 0.6 * torch.rand(n, generator=gen)
    hem = (torch.rand(n, generator=gen) < 0.4).float()
    fine = 96
    z = torch.linspace(0, SC_H, fine).view(1, -1)
    dz = SC_H / (fine - 1)
    rho = 1.2
    mom = 1000 * (q / 60000) * 4.0 * (q / 10) ** 0.5  # spray momentum flux (N), exit speed rising with flow
    u = 2.2 * (mom / (rho * 0.05)) ** 0.5 * 0.3 / (0.3 + d) * torch.cos(torch.deg2rad(cone)) ** 0.5 / 6
    z_hit = (1.9 - d / torch.tan(torch.deg2rad(cone))).clamp(0.2, 1.6)
    centre = (0.55 * z_hit + 0.1).view(-1, 1)
    vortex = 0.5 * rho * u.view(-1, 1) ** 2 * torch.exp(-0.5 * ((z - centre) / 0.35) ** 2)
    t_in = tr + (tw - tr) * 0.35 * (q / 10) ** 0.3
    drho = rho * (1 - (273.15 + tr) / (273.15 + t_in))
    stack = (drho * 9.81).view(-1, 1) * (1.3 - z)
    p = vortex + stack
    pcum = torch.cumsum(p, 1) * dz  # P(z) = integral of the load from the hem up
    tension = mc.view(-1, 1) * 9.81 * (z + 0.03) + (0.02 + 0.6 * hem).view(-1, 1)
    inv = 1 / tension
    r = hem.view(-1, 1) * (pcum * inv).sum(1, keepdim=True) / inv.sum(1, keepdim=True)
    slope = (r - pcum) * inv  # w'(z); w(z) = -integral_z^H w'
    w = -(torch.flip(torch.cumsum(torch.flip(slope, [1]), 1), [1]) * dz)
    w = w * full.view(-1, 1) ** 1.5 * 100  # cm
    w = 100 * d.view(-1, 1) * torch.tanh(w / (100 * d.view(-1, 1)))
    idx = torch.linspace(2, fine - 4, SC_HEIGHTS).round().long()
    y = w[:, idx]
    y = y * (1 + 0.03 * torch.randn(y.shape, generator=gen)) + 0.1 * torch.randn(y.shape, generator=gen)
    g = torch.stack([(q - 10.5) / 2.6, (tw - 35) / 5.8, (tr - 19.5) / 2.6, (d - 0.425) / 0.1, (cone - 22.5) / 7.2,
                     torch.log(mc / 0.18) / 0.46, (full - 1.3) / 0.17, 2 * hem - 1], 1)
    zz = (z[0, idx] / SC_H - 0.5) / 0.29
    x = torch.cat([g.unsqueeze(1).expand(n, SC_HEIGHTS, 8), zz.view(1, -1, 1).expand(n, SC_HEIGHTS, 1)], 2)
    return x, y


class CurtainTransformer(nn.Module):
    """A Pre-LN transformer encoder over the 16 height tokens (a linear embedding of each token's inputs, a learned
    position embedding), then a LayerNorm and a linear head to each height's deflection."""

    def __init__(self, d_model: int = 32, heads: int = 2, layers: int = 1, ff: int = 64) -> None:
        super().__init__()
        self.embed = nn.Linear(9, d_model)
        self.pos = nn.Parameter(torch.zeros(1, SC_HEIGHTS, d_model))
        block = nn.TransformerEncoderLayer(d_model, heads, ff, dropout=0.0, activation="gelu", batch_first=True,
                                           norm_first=True)
        self.encoder = nn.TransformerEncoder(block, layers, enable_nested_tensor=False)
        self.norm, self.head = nn.LayerNorm(d_model), nn.Linear(d_model, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.encoder(self.embed(x) + self.pos)
        return self.head(self.norm(h)).squeeze(-1)


def shower_curtain_billow(batch_size: int = 32, seed: int = 0, train_size: int = 8192, d_model: int = 32,
                          layers: int = 1) -> dict[str, Any]:
    """The curtain transformer on 8192 showers, the log1p deflections (cm) standardised (one mean and sd over all
    heights of the pool); held out: 2048 other showers in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(138102)
    x, y = _sc_showers(train_size + 2048, gen)
    y = torch.log1p(y.clamp_min(0))
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CurtainTransformer(d_model, layers=layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _optimiser("adam"), "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. pepper-grinder burr wear from a crank-torque trace (Adamax)

PG_SAMPLES = 64


def _pg_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """The torque on a pepper mill's crank over one turn, 64 samples, from an instrumented test rig. Burrs: steel
    (8 teeth on the rotor) or ceramic (6 teeth), worn 0-1 (edge radius 10-100 um); the grind setting (the burrs'
    gap at the outlet) 0.2-1.2 mm; the peppercorns' hardness 0.9-1.1 (dryness); the fill 0.2-1 (how many corns are
    in the throat). Each tooth passing the stator's groove gives a peak whose height rises with the hardness, a
    finer setting and wear (rounded edges crush instead of cutting) and whose width grows with the edge radius; a
    baseline friction rising with wear and the fill; 2-8 cracking spikes of single corns (sharp, taller on a fine
    setting, Poisson-ish in number with the fill) at random angles; a random phase; 1% sensor noise. Constants
    invented. Returns (traces (n, 1, 64), targets (n, 2): the standardised wear and grind setting)."""
    wear = torch.rand(n, generator=gen)
    ceramic = (torch.rand(n, generator=gen) < 0.5).float()
    gap = 0.2 + torch.rand(n, generator=gen)
    hard = 0.9 + 0.2 * torch.rand(n, generator=gen)
    fill = 0.2 + 0.8 * torch.rand(n, generator=gen)
    phase = torch.rand(n, generator=gen)
    theta = torch.arange(PG_SAMPLES).float().view(1, -1) / PG_SAMPLES
    teeth = (8 - 2 * ceramic).view(-1, 1)
    radius = 10 + 90 * wear
    width = (0.012 + 0.0007 * radius).view(-1, 1)  # fraction of the tooth pitch (circular)
    amp = (hard * (1.3 - gap) ** 1.2 * (0.6 + 0.9 * wear) * (0.5 + 0.5 * fill)).view(-1, 1)
    pos = (theta - phase.view(-1, 1)) * teeth % 1.0
    dist = torch.minimum(pos, 1 - pos)
    trace = amp * torch.exp(-0.5 * (dist / (width * teeth / 6)) ** 2)
    trace = trace + (0.15 + 0.25 * wear + 0.2 * fill).view(-1, 1) * hard.view(-1, 1) ** 0.5
    spikes = 2 + (6 * fill * torch.rand(n, generator=gen)).round()
    for k in range(8):
        at = torch.rand(n, generator=gen).view(-1, 1)
        on = (k < spikes).float().view(-1, 1)
        h = (0.25 * hard / (gap + 0.3) * (0.8 + 0.4 * torch.rand(n, generator=gen))).view(-1, 1)
        dd = torch.minimum((theta - at) % 1.0, (at - theta) % 1.0)
        trace = trace + on * h * torch.exp(-0.5 * (dd / 0.008) ** 2)
    trace = trace * (1 + 0.01 * torch.randn(trace.shape, generator=gen))
    y = torch.stack([(wear - 0.5) / 0.29, (gap - 0.7) / 0.29], 1)
    return trace.unsqueeze(1), y


class BurrCNN(nn.Module):
    """A 1-D CNN with circular padding (the trace is periodic) and GroupNorm (4 groups): three conv blocks (the
    last two with stride 2), global average pooling and a linear head to the wear and the grind setting."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()

        def block(cin: int, cout: int, k: int, stride: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv1d(cin, cout, k, stride, k // 2, padding_mode="circular", bias=False),
                                 nn.GroupNorm(4, cout), nn.ReLU())

        self.features = nn.Sequential(block(1, width, 7, 1), block(width, 2 * width, 5, 2),
                                      block(2 * width, 2 * width, 5, 2))
        self.head = nn.Linear(2 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).mean(2))


def pepper_grinder_wear(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                        width: int = 16) -> dict[str, Any]:
    """The burr CNN on 4096 traces; held out: 2048 other traces in batches of 1024; Adamax (torch's defaults)."""
    gen = torch.Generator().manual_seed(138103)
    x, y = _pg_traces(train_size + 2048, gen)
    x = x / x[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BurrCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _optimiser("adamax"), "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. napkin-ring slip fit, a grey-box net (Adam; Adagrad for the long plan)

NR_FABRICS = 4  # cotton, linen, polyester, airlaid paper
NR_RINGS = 4  # turned wood, silver-plated metal, silicone, rattan


def _nr_geometry(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The known geometry from the (unnormalised) inputs: the napkin's fabric cross-section (cm2: side x thickness x
    the layers of the fold), the ring's bore (cm) and the contact area (cm2: bore circumference x ring width)."""
    side, thick, layers, bore, ring_w = x[:, 0], x[:, 1], x[:, 2], x[:, 3], x[:, 4]
    area = side * thick / 10 * layers
    return area, bore, math.pi * bore * ring_w


def _nr_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pulling a gathered napkin through a ring on a force gauge. The napkin: fabric (above), side 30-50 cm,
    thickness 0.15-0.45 mm, folded in 2 or 4 layers before gathering, starch 0-1, the room's humidity 30-80%; the
    ring: bore 3.5-5 cm, width 1-4 cm, material (above). The gathered bundle's fibre volume (side x thickness x
    layers) at a free packing fraction phi0 (0.08-0.13 by fabric, higher with starch) sets its free diameter; inside
    the bore the packing is phi = fibre area / bore area and the radial pressure follows van Wyk's cube, p = K
    (phi^3 - phi0^3) (zero if the bundle is loose), K by fabric, stiffer with starch, softer when humid. Sliding
    force mu_k p times the contact area plus 0.02 N; breakaway with mu_s (mu_s / mu_k by fabric and ring, higher
    when humid for the cellulose fabrics). Friction pairs by fabric and ring with invented values. Scatter 5%.
    Returns (raw inputs (n, 8): side, thickness, layers, bore, ring width, starch, humidity, a spare 0; one-hot
    fabric and ring (n, 8); log forces (n, 2))."""
    fab = torch.randint(0, NR_FABRICS, (n,), generator=gen)
    ring = torch.randint(0, NR_RINGS, (n,), generator=gen)
    side = 30 + 20 * torch.rand(n, generator=gen)
    thick = 0.15 * 3 ** torch.rand(n, generator=gen)
    layers = 2.0 + 2.0 * (torch.rand(n, generator=gen) < 0.5).float()
    bore = 3.5 + 1.5 * torch.rand(n, generator=gen)
    ring_w = 1 + 3 * torch.rand(n, generator=gen)
    starch = torch.rand(n, generator=gen)
    hum = 30 + 50 * torch.rand(n, generator=gen)
    raw = torch.stack([side, thick, layers, bore, ring_w, starch, hum, torch.zeros(n)], 1)
    area, _, contact = _nr_geometry(raw)
    phi0 = torch.tensor([0.10, 0.08, 0.11, 0.13])[fab] * (1 + 0.25 * starch)
    phi = area / (math.pi * bore**2 / 4)
    k = torch.tensor([6.0, 11.0, 4.0, 2.5])[fab] * (1 + 1.5 * starch) * torch.exp(-(hum - 50) / 60)
    p = k * torch.relu(phi**3 - phi0**3) + 0.5 * torch.relu(phi - phi0) ** 1.5
    mu = torch.tensor([[0.45, 0.25, 0.80, 0.55], [0.40, 0.22, 0.75, 0.50], [0.30, 0.18, 0.60, 0.40],
                       [0.50, 0.30, 0.85, 0.65]])[fab, ring]
    cellulose = torch.tensor([1.0, 1.0, 0.0, 1.0])[fab]
    mu = mu * (1 + 0.3 * cellulose * torch.sigmoid((hum - 60) / 8))
    ratio = 1.15 + 0.25 * torch.tensor([0.2, 0.1, 1.0, 0.4])[ring] + 0.2 * cellulose * hum / 80
    slide = mu * p * contact + 0.02
    y = torch.stack([torch.log(slide), torch.log(mu * ratio * p * contact + 0.03)], 1)
    y = y + 0.05 * torch.randn(n, 2, generator=gen)
    cat = torch.cat([F.one_hot(fab, NR_FABRICS).float(), F.one_hot(ring, NR_RINGS).float()], 1)
    return raw, cat, y


class SlipFitGreyBox(nn.Module):
    """A grey-box net: an MLP from the standardised inputs and the one-hot fabric and ring to log mu_k, log(mu_s /
    mu_k - 1), log K and logit phi0; then the physics: the packing fraction in the bore from the known geometry,
    p = K softplus-relu(phi^3 - phi0^3), the sliding and breakaway forces mu p times the contact area plus the
    floors, returned as logs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        self.register_buffer("mean", torch.tensor([40.0, 0.3, 3.0, 4.0, 2.5, 0.5, 55.0]))
        self.register_buffer("sd", torch.tensor([5.8, 0.13, 1.0, 0.58, 0.87, 0.29, 14.4]))

    def forward(self, raw: torch.Tensor, cat: torch.Tensor) -> torch.Tensor:
        z = (raw[:, :7] - self.mean) / self.sd
        out = self.net(torch.cat([z, cat], 1))
        mu = torch.exp(out[:, 0] - 0.9)
        ratio = 1 + torch.exp(out[:, 1] - 1.0)
        k = torch.exp(out[:, 2] + 4.0)
        phi0 = torch.sigmoid(out[:, 3] - 1.0)
        area, bore, contact = _nr_geometry(raw)
        phi = area / (math.pi * bore**2 / 4)
        p = k * F.softplus(phi**3 - phi0**3, beta=200)
        return torch.stack([torch.log(mu * p * contact + 0.02), torch.log(mu * ratio * p * contact + 0.03)], 1)


def napkin_ring_slip(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32,
                     optim: str = "adam") -> dict[str, Any]:
    """The slip-fit grey box on 4096 pulls; held out: 2048 other pulls in batches of 1024; Adam (torch's defaults)
    unless ``optim`` names another hook."""
    gen = torch.Generator().manual_seed(138104)
    raw, cat, y = _nr_pulls(train_size + 2048, gen)
    tr = (raw[:train_size], cat[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SlipFitGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((raw[train_size:], cat[train_size:], y[train_size:]), 1024),
            "optimizer": _optimiser(optim), "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. sink-plug seal leakage (Adagrad; long only)

SP_CARDS = (5, 4, 4, 4, 40)  # plug type, seal elastomer, flange finish, sink, drain model


def _sp_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Leak tests of sink plugs: a basin filled to a head of 5-40 cm of water at 10-60 C, the level's fall logged
    to a leak rate. The plug (rubber stopper on a chain, pop-up, click-clack, flip lever, flat universal silicone
    disc), the seal's elastomer (EPDM, silicone, natural rubber, nitrile), the flange's finish (polished chrome,
    brushed stainless, glazed ceramic, moulded plastic; its roughness), the sink (bathroom basin, kitchen sink,
    bath, utility tub: the plug's size), the drain model (40 models, Zipf-popular, each with its own seat
    waviness), the seal's age 0-10 years, hair debris 0-1 and the seating misalignment 0-1. The gap is the
    roughness, the waviness, debris and misalignment, closed exponentially by the contact pressure (the plug's
    weight and spring plus the head on its area, over the seal's land) against the elastomer's modulus, which rises
    with age (compression set, faster for natural rubber) and falls with temperature. Leak: the cubic law, Q =
    pi D h^3 dp / (12 mu L), with water's viscosity at its temperature. Scatter 10% (lognormal). Constants
    invented. Returns (categorical ids (n, 5), continuous (n, 5), log leak in mL/min (n, 1))."""
    plug = torch.randint(0, 5, (n,), generator=gen)
    elast = torch.randint(0, 4, (n,), generator=gen)
    finish = torch.randint(0, 4, (n,), generator=gen)
    sink = torch.randint(0, 4, (n,), generator=gen)
    zipf = 1 / torch.arange(1, 41).float() ** 1.1
    model = torch.multinomial(zipf / zipf.sum(), n, replacement=True, generator=gen)
    waviness = 4 * torch.rand(40, generator=gen) ** 2  # um, per drain model
    head = 5 + 35 * torch.rand(n, generator=gen)
    temp = 10 + 50 * torch.rand(n, generator=gen)
    age = 10 * torch.rand(n, generator=gen) ** 1.5
    debris = torch.rand(n, generator=gen) ** 2
    mis = torch.rand(n, generator=gen) ** 1.5
    dia = torch.tensor([3.2, 4.5, 4.0, 5.5])[sink]  # cm
    rough = torch.tensor([0.4, 1.2, 0.8, 2.0])[finish]
    gap0 = rough + waviness[model] * torch.tensor([1.0, 0.8, 0.6, 0.7, 0.4])[plug] + 8 * debris + 3 * mis
    force = torch.tensor([0.3, 2.5, 4.0, 3.0, 0.5])[plug] + 1000 * 9.81 * head / 100 * math.pi * (dia / 200) ** 2
    land = torch.tensor([0.3, 0.15, 0.15, 0.2, 0.5])[plug]  # seal land width (cm)
    press = force / (math.pi * dia * land / 1e4) / 1e3  # kPa
    modulus = (torch.tensor([1.0, 0.6, 0.8, 1.2])[elast] * (1 + torch.tensor([0.06, 0.02, 0.15, 0.05])[elast] * age)
               * torch.exp(-(temp - 20) / 80) * 30)
    gap = gap0 * torch.exp(-press / modulus) + 0.3 * (1 - torch.exp(-age / 6))
    visc = 1.0e-3 * torch.exp(-0.021 * (temp - 20))
    dp = 1000 * 9.81 * head / 100
    q = math.pi * (dia / 100) * (gap * 1e-6) ** 3 * dp / (12 * visc * land / 100)  # m3/s
    y = torch.log(q * 6e7) + 0.1 * torch.randn(n, generator=gen)
    ids = torch.stack([plug, elast, finish, sink, model], 1)
    x = torch.stack([(head - 22.5) / 10, (temp - 35) / 14.4, (age - 4) / 2.9, (debris - 0.33) / 0.3,
                     (mis - 0.4) / 0.3], 1)
    return ids, x, y.view(-1, 1)


class LeakEmbeddingNet(nn.Module):
    """Embeddings of the five categorical fields (one table, each field at its offset, as recommender code keeps
    them; 4 dims each) concatenated with the continuous inputs into a ReLU MLP to the log leak rate."""

    def __init__(self, hidden: int = 32, dim: int = 4) -> None:
        super().__init__()
        self.emb = nn.Embedding(sum(SP_CARDS), dim)
        self.register_buffer("offsets", torch.tensor([0, *torch.tensor(SP_CARDS).cumsum(0)[:-1].tolist()]))
        self.net = nn.Sequential(nn.Linear(len(SP_CARDS) * dim + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, ids: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        e = self.emb(ids + self.offsets).flatten(1)
        return self.net(torch.cat([e, x], 1))


def sink_plug_leak(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The leak net on 8192 tests, the log leak standardised over them; held out: 2048 other tests in batches of
    1024; Adagrad with an initial accumulator of 0.1."""
    gen = torch.Generator().manual_seed(138105)
    ids, x, y = _sp_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LeakEmbeddingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _optimiser("adagrad_acc0.1"), "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. pastry-brush glaze spread along a stroke (Adagrad; long only)

PB_POS = 24
PB_GLAZES = 5  # egg wash, milk, melted butter, apricot glaze, sugar syrup
PB_BRUSHES = 3  # natural boar bristle, nylon, silicone
PB_PASTRIES = 3  # puff pastry, shortcrust, bread dough


def _pb_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One 24-cm stroke of a loaded pastry brush, the glaze film measured every centimetre. The glaze (viscosity
    0.02, 0.005, 0.03, 2.0, 0.2 Pa s; surface tension 0.045, 0.05, 0.03, 0.06, 0.07 N/m), the brush (load capacity
    1.0, 0.7, 0.35; valley filling +0.6, +0.3, -0.4), the pastry (porosity 0.3, 0.5, 0.7), the stroke speed 5-30
    cm/s, the pressure 0.2-1 and the dip (how much the brush took up, 0.4-1); the surface's height along the stroke
    (a smoothed random profile: flaky layers, docking). The film the brush leaves follows Landau-Levich-Derjaguin,
    h = 0.94 (mu U)^(2/3) / (sigma^(1/6) (rho g)^(1/2)), thinned by pressure, limited by the reservoir left in the
    brush (h R / (R + R_half), R falling by what was laid down); bristles fill valleys and silicone skips them
    (h (1 + c s)); the pastry absorbs a share by its porosity, less of a thick glaze. Film in units of 0.1 mm,
    scatter 4% and 0.003. Constants invented. Returns (channels (n, 16, 24): profile, position, one-hots of the
    glaze, brush and pastry, the speed, pressure and dip; films (n, 24))."""
    glaze = torch.randint(0, PB_GLAZES, (n,), generator=gen)
    brush = torch.randint(0, PB_BRUSHES, (n,), generator=gen)
    pastry = torch.randint(0, PB_PASTRIES, (n,), generator=gen)
    speed = 0.05 + 0.25 * torch.rand(n, generator=gen)
    press = 0.2 + 0.8 * torch.rand(n, generator=gen)
    dip = 0.4 + 0.6 * torch.rand(n, generator=gen)
    raw = torch.randn(n, 1, PB_POS + 4, generator=gen)
    prof = F.conv1d(raw, torch.tensor([[[0.25, 0.5, 1.0, 0.5, 0.25]]]) / 1.25).squeeze(1)
    prof = prof * torch.tensor([1.0, 0.5, 0.3])[pastry].view(-1, 1)
    mu = torch.tensor([0.02, 0.005, 0.03, 2.0, 0.2])[glaze]
    sigma = torch.tensor([0.045, 0.05, 0.03, 0.06, 0.07])[glaze]
    lld = 0.94 * (mu * speed) ** (2 / 3) / (sigma ** (1 / 6) * (1000 * 9.81) ** 0.5) * 1e4  # 0.1 mm
    lld = lld.clamp(max=6.0) * (1 - 0.5 * press)
    cap = torch.tensor([1.0, 0.7, 0.35])[brush] * dip * 60
    fillc = torch.tensor([0.6, 0.3, -0.4])[brush]
    poros = torch.tensor([0.3, 0.5, 0.7])[pastry]
    absorb = poros * 0.5 / (1 + 2 * mu**0.5)
    res = cap.clone()
    films = []
    for k in range(PB_POS):
        h = lld * res / (res + 10) * (1 + fillc * (-prof[:, k]) * press).clamp_min(0.05)
        res = (res - 0.6 * h).clamp_min(0)
        films.append(h * (1 - absorb))
    y = torch.stack(films, 1)
    y = y * (1 + 0.04 * torch.randn(y.shape, generator=gen)) + 0.003 * torch.randn(y.shape, generator=gen)
    pos = torch.linspace(-1.7, 1.7, PB_POS).view(1, 1, -1).expand(n, 1, PB_POS)
    glob = torch.cat([F.one_hot(glaze, PB_GLAZES).float(), F.one_hot(brush, PB_BRUSHES).float(),
                      F.one_hot(pastry, PB_PASTRIES).float(),
                      torch.stack([(speed - 0.175) / 0.072, (press - 0.6) / 0.23, (dip - 0.7) / 0.17], 1)], 1)
    x = torch.cat([prof.unsqueeze(1), pos, glob.unsqueeze(2).expand(n, glob.shape[1], PB_POS)], 1)
    return x, y


class GlazeCNN(nn.Module):
    """A 1-D CNN along the stroke: a 5-wide conv, a dilated 5-wide conv (dilation 3) with GELU and a residual
    sum, and a 1x1 conv to the film at each position."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.inp = nn.Conv1d(16, width, 5, padding=2)
        self.c2 = nn.Conv1d(width, width, 5, padding=6, dilation=3)
        self.out = nn.Conv1d(width, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.gelu(self.inp(x))
        h = h + F.gelu(self.c2(h))
        return self.out(h).squeeze(1)


def pastry_brush_glaze(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 16) -> dict[str, Any]:
    """The glaze CNN on 8192 strokes, films standardised (one mean and sd over all positions of the pool); held
    out: 2048 other strokes in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(138106)
    x, y = _pb_strokes(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GlazeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _optimiser("adagrad"), "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("ice_cream_scoop_adamw", ice_cream_scoop, 300, "ice_cream_scoop_force_portion_release_emb_resnet_ln", "adamw",
      "finite", 128, seconds=0.55, start_lr=0.064),
    W("shower_curtain_billow_adam", shower_curtain_billow, 300, "shower_curtain_billow_profile_preln_transformer",
      "adam", "finite", 64, seconds=1.4, start_lr=0.032),
    W("pepper_grinder_wear_adamax", pepper_grinder_wear, 300, "pepper_grinder_burr_wear_torque_cnn1d", "adamax",
      "finite", 64, seconds=1.6, start_lr=0.032),
    W("napkin_ring_slip_adam", napkin_ring_slip, 300, "napkin_ring_slip_fit_pull_force_greybox", "adam", "finite",
      512, seconds=0.5, start_lr=0.064),
)
LONG = (
    W("sink_plug_leak_adagrad@long", sink_plug_leak, 3000, "sink_plug_seal_leak_rate_embedding_mlp", "adagrad_acc0.1",
      "finite", 128, seconds=2.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("pastry_brush_glaze_adagrad@long", pastry_brush_glaze, 3000, "pastry_brush_glaze_film_profile_cnn1d", "adagrad",
      "finite", 32, seconds=4.8, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("ice_cream_scoop_adagrad@long", ice_cream_scoop, 3000, "ice_cream_scoop_force_portion_release_emb_resnet_ln",
      "adagrad_acc0.1", "finite", 32, dict(train_size=8192, width=24, blocks=1, optim="adagrad_acc0.1"),
      seconds=2.5, start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="ice_cream_scoop_adamw"),
    W("napkin_ring_slip_adagrad@long", napkin_ring_slip, 3000, "napkin_ring_slip_fit_pull_force_greybox", "adagrad",
      "finite", 128, dict(train_size=8192, hidden=24, optim="adagrad"), seconds=3.0, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="napkin_ring_slip_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam138_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-eighth exam's workloads")
