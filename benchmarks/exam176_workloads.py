"""The hundred-and-seventy-sixth exam: six more workload families that neither the suite nor exams 1-174 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam174_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from dog leads and pull tension, cat trees and platform sway, rabbit hutches
and draught chill, stirrups and foot slip, chew toys and bite wear, and bug zappers and insect attraction (exams
175, 177 and 178 were built at the same time from other domains; their modules were not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam176/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- dog lead lunge tension: a GRU reads a 1.6 s collar-IMU record (the dog's forward acceleration at 10 Hz) with the
  lead (flat nylon, bungee with a stiff end stop, round rope), its length, the dog's mass and how braced the
  handler stands, and writes the tension at the handle at every step (log1p); data from a two-mass simulation (the
  dog, the handler's hand on an arm spring and damper) joined by a lead that only pulls when taut (a spring and
  damper per lead type), the dog lunging at a random moment with a grip-limited push, then holding a steady pull;
  MSE; Adam (torch's defaults)
- cat tree sway from a cat's jump: a small Pre-LN transformer over the tower's tiers (a token per tier: its height,
  the post segment's length and diameter, the platform's mass and overhang, whether the cat lands there) and a
  token of the whole (base width and mass, floor, the cat's mass, landing speed and angle) to the log peak sway of
  the top, the log first natural frequency and the log base uplift margin; a cantilever post on a rotational base
  spring, the unit-load flexibility of lumped tier masses, Rayleigh's frequency, a one-mode impulse response to the
  landing (horizontal impulse plus the overhang's moment), the peak base moment against the weight's restoring
  moment; MSE of the standardised outputs; AdamW (torch's defaults)
- rabbit hutch draught chill: a 2-D CNN over the hutch front's 6 x 10 panel map (solid wood, open weld mesh, mesh
  under a tarp cover) with the wind (speed, angle to the front), the air temperature and the back's leakage as
  constant planes, to the log air changes an hour, the log draught speed at the nest box's door and the still-air
  equivalent temperature there; single-sided wind ventilation (CIBSE's 0.025 A U, from memory), stack flow over
  the openings' height, cross flow with the back's leakage in series, jets decaying with distance from each open
  cell, Siple's wind-chill index; MSE of the standardised outputs; SGD with momentum 0.9
- stirrup foot slip: an MLP from a stirrup test's settings (the gait: walk, rising trot, two-point canter, a jump's
  landing; the rider's mass, the heel angle, the leg's swing, the tread: smooth steel, rubber pad, cheese-grater
  grip, studded composite; the boot sole: leather, rubber lug, synthetic; wetness) to the foot's slip along the
  tread toward home and toward the toe (log1p mm) and the peak shear-to-normal ratio, simulated on an instrumented
  stirrup's force trace of the stride (the normal force's shape by gait, the shear from the leg's angle, its swing
  and a landing's fling); Coulomb stick-slip with a static and a kinetic coefficient (the grip treads' studs biting
  soft soles add interlock, wetness takes friction off steel and leather), slip speed from the excess shear; MSE of
  the standardised outputs; NAdam (torch's defaults)
- chew toy bite wear (a long plan only): an embedding net over a pet-product test panel's dog and toy ids (a dot
  product of the two embeddings plus a small MLP over both and the session) to the log mass a toy loses in a
  chewing session; hidden dog traits (bite force from body mass and skull type, a gnaw / shred / tug style) and toy
  traits (material: natural rubber, TPE, nylon, rope, plush, rubber-nylon composite; Shore hardness, tear
  strength, size): abrasion by an Archard-like (force / hardness)^1.5, tearing past a threshold, rope fibres pulled
  by tugging, fatigue with the toy's past use; MSE of the standardised log loss; Adagrad (as embedding models are
  fitted)
- bug zapper insect catch (a long plan only): a sparse log-linear Poisson model (an ``EmbeddingBag`` summing one
  weight per active feature and crossing, the online-convex way) of a zapper-night's catch at a survey site; the
  catch from the site's abundance, a thermal performance curve of flight activity, the lamp's attraction (UV-A
  fluorescent blacklights by wattage, 395 nm LED, cool-white LED, yellow 'bug' lamp), moonlight and cloud competing,
  wind suppressing flight, the month by habitat, the mounting height, nearby street lights and the lamp by season;
  gamma-Poisson catches; Poisson deviance; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the chew-toy and
bug-zapper models (no short plans), the stirrup MLP on 8192 tests instead of 1024 (32 units a layer instead of 64)
and the hutch CNN on 8192 hutch-nights instead of 2048 (a cheaper net: one conv layer of 8 channels and a 32-unit
head, to keep a run near 3 s).

Optimisers: Adam (dog lead), AdamW (cat tree), SGD with momentum 0.9 (both hutch plans), NAdam (both stirrup
plans), Adagrad (chew toy, bug zapper).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam176_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam176/README.md).

    python benchmarks/exam176_workloads.py          # the table
    python benchmarks/exam176_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 176"
HELD_OUT = 2048


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs (on all inputs but the last) against the last tensor."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    dims = tuple(range(y.dim() - 1))
    return (y - y[:n].mean(dims)) / y[:n].std(dims)


def _pool(data: tuple[torch.Tensor, ...], train_size: int, batch_size: int) -> dict[str, Any]:
    tr = tuple(t[:train_size] for t in data)
    return {"data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in data), 1024), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 1. dog lead lunge tension (GRU, Adam)

DL_STEPS = 16  # 1.6 s at 10 Hz
DL_SUB = 20  # integration substeps per record step


def _dl_walks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A dog on a lead lunges (at a squirrel), logged for 1.6 s at 10 Hz. The lead: flat nylon (k 4000 N/m, c 40 N
    s/m), bungee (k 350 N/m up to 0.35 m of stretch, then an end stop at 4000 N/m; c 20), round rope (k 1500, c 60);
    length 1.2-2 m. The dog 10-45 kg starts 0.3-1.0 of the lead's length away, at rest; at 0.2-0.8 s it lunges,
    pushing up to mu m g (mu 0.6-1.1, paws on pavement or grass) for 0.3-0.7 s (a half-sine), then holds a steady
    pull of 0.2-0.5 of that. The handler's hand is a 4 kg point on an arm spring 300-1500 N/m (relaxed to braced)
    with damping 2 zeta sqrt(k m), zeta 0.3-0.8, to a body that does not move. The lead pulls (never pushes) with k
    stretch + c stretch rate when taut. Semi-implicit Euler at 5 ms, recorded at 10 Hz. Inputs per step: the collar
    IMU's forward acceleration (the 0.1 s mean, m/s^2 / 5, noise 0.03) and the static settings (lead one-hot,
    length, dog mass, arm stiffness). Targets: log1p(peak tension in the step / 50 N) with 3% multiplicative
    scatter. Returns (inputs (n, 16, 7), targets (n, 16))."""
    g = 9.81
    lead = torch.randint(0, 3, (n,), generator=gen)
    length = 1.2 + 0.8 * torch.rand(n, generator=gen)
    md = 10 + 35 * torch.rand(n, generator=gen)
    d0 = length * (0.3 + 0.7 * torch.rand(n, generator=gen))
    mu = 0.6 + 0.5 * torch.rand(n, generator=gen)
    t0 = 0.2 + 0.6 * torch.rand(n, generator=gen)
    dur = 0.3 + 0.4 * torch.rand(n, generator=gen)
    hold = 0.2 + 0.3 * torch.rand(n, generator=gen)
    k_arm = 300 + 1200 * torch.rand(n, generator=gen)
    zeta = 0.3 + 0.5 * torch.rand(n, generator=gen)
    mh = 4.0
    c_arm = 2 * zeta * (k_arm * mh).sqrt()
    k_lead = torch.tensor([4000.0, 350.0, 1500.0])[lead]
    c_lead = torch.tensor([40.0, 20.0, 60.0])[lead]
    bungee = lead == 1
    xd, vd = d0.clone(), torch.zeros(n)
    xh, vh = torch.zeros(n), torch.zeros(n)
    dt = 0.1 / DL_SUB
    acc_rec, ten_rec = [], []
    for step in range(DL_STEPS):
        acc_sum = torch.zeros(n)
        ten_max = torch.zeros(n)
        for sub in range(DL_SUB):
            t = (step * DL_SUB + sub) * dt
            phase = ((t - t0) / dur).clamp(0, 1)
            push = mu * md * g * torch.where(t < t0, torch.zeros(n),
                                             torch.where(phase < 1, torch.sin(math.pi * phase).clamp_min(hold), hold))
            stretch = xd - xh - length
            spring = torch.where(bungee, 350 * stretch + 3650 * torch.relu(stretch - 0.35), k_lead * stretch)
            ten = torch.where(stretch > 0, (spring + c_lead * (vd - vh)).clamp_min(0), torch.zeros(n))
            ad = (push - ten) / md - 0.4 * vd  # the dog's own drag / gait losses
            ah = (ten - k_arm * xh - c_arm * vh) / mh
            vd, vh = vd + dt * ad, vh + dt * ah
            xd, xh = xd + dt * vd, xh + dt * vh
            acc_sum = acc_sum + ad
            ten_max = torch.maximum(ten_max, ten)
        acc_rec.append(acc_sum / DL_SUB)
        ten_rec.append(ten_max)
    acc = torch.stack(acc_rec, 1) / 5 + 0.03 * torch.randn(n, DL_STEPS, generator=gen)
    ten = torch.stack(ten_rec, 1) * torch.exp(0.03 * torch.randn(n, DL_STEPS, generator=gen))
    static = torch.cat([F.one_hot(lead, 3).float(), torch.stack([(length - 1.6) / 0.23, (md - 27.5) / 10.1,
                                                                 (k_arm - 900) / 346], 1)], 1)
    x = torch.cat([acc.unsqueeze(2), static.unsqueeze(1).expand(n, DL_STEPS, 6)], 2)
    return x, torch.log1p(ten / 50)


class LeadGRU(nn.Module):
    """A GRU over the IMU record and the settings, a linear head writing the tension at every step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def dog_lead(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The lead GRU on ``train_size`` lunges; held out: 2048 other lunges in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(176101)
    x, y = _dl_walks(train_size + HELD_OUT, gen)
    torch.manual_seed(seed)
    return {"model": LeadGRU(hidden), **_pool((x, y), train_size, batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": _mse}


# --------------------------------------------------------------------------------------------------------------
# 2. cat tree sway from a cat's jump (Pre-LN transformer, AdamW)

CT_TIERS = 6


def _ct_towers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Cat trees of 2-6 tiers. Each tier: a sisal-wrapped post segment 0.25-0.55 m long, 7-12 cm across (a cardboard
    tube, E 1.5 GPa on its full section, softened 30%), a platform 0.6-2.5 kg set off the post's axis by 0-0.25 m (a
    basket or a condo box heavier). The base: 0.4-0.65 m wide, 3-9 kg, on carpet or a hard floor (a rotational base
    spring k_theta = 400 W b^2 on hard floors, 150 W b^2 on carpet, W the tower's weight). A cat of 3-7 kg lands on
    one tier at 2-4.5 m/s, 20-70 degrees below horizontal. Flexibility: the unit-load cantilever (uniform EI, the
    length-weighted harmonic mean of the segments') plus the base rotation z_i z_j / k_theta; the tier masses lumped
    (platform, segment, and the cat on its tier); the mode shape the static deflection under the tier weights,
    Rayleigh's omega^2 = g sum m u / sum m u^2. The landing: a horizontal impulse m_c v cos(a) plus the vertical
    impulse's moment about the base through the tier's overhang, divided by the tier's height; peak top sway = J
    phi_j / (M* omega) (phi = 1 at the top). The base moment: the inertial moment of the mode at that amplitude plus
    the overhangs' static moment, against (W + m_c g) b / 2. Scatter 15% on the sway (cats land differently), 6% on
    the frequency, 15% on the margin. Returns (tier tokens (n, 6, 6), padding mask (n, 6), the whole (n, 6), targets
    (n, 3): log sway (cm), log frequency (Hz), log uplift margin)."""
    g = 9.81
    k = torch.randint(2, CT_TIERS + 1, (n,), generator=gen)
    idx = torch.arange(CT_TIERS).view(1, -1)
    real = idx < k.view(-1, 1)
    seg = 0.25 + 0.30 * torch.rand(n, CT_TIERS, generator=gen)
    dia = 0.07 + 0.05 * torch.rand(n, CT_TIERS, generator=gen)
    box = (torch.rand(n, CT_TIERS, generator=gen) < 0.25).float()
    mp = 0.6 + 1.2 * torch.rand(n, CT_TIERS, generator=gen) + 0.7 * box
    off = 0.25 * torch.rand(n, CT_TIERS, generator=gen)
    seg, mp, off = seg * real, mp * real, off * real
    z = torch.cumsum(seg, 1)
    ei = 1.5e9 * 0.7 * math.pi * (dia**4 - (dia - 0.008) ** 4) / 64
    ei_eff = seg.sum(1) / (seg / ei).sum(1)
    width = 0.4 + 0.25 * torch.rand(n, generator=gen)
    mbase = 3 + 6 * torch.rand(n, generator=gen)
    carpet = (torch.rand(n, generator=gen) < 0.6).float()
    mc = 3 + 4 * torch.rand(n, generator=gen)
    v = 2 + 2.5 * torch.rand(n, generator=gen)
    ang = torch.deg2rad(20 + 50 * torch.rand(n, generator=gen))
    land = (torch.rand(n, generator=gen) * k).long().clamp_max(CT_TIERS - 1)
    on = F.one_hot(land, CT_TIERS).float()
    mseg = 0.9 * seg * (dia / 0.1) ** 2  # post segment mass
    m = (mp + mseg) * real + mc.view(-1, 1) * on
    w_tot = (m.sum(1) + mbase) * g
    kth = torch.where(carpet > 0, 150.0, 400.0) * w_tot * width**2
    zi, zj = z.unsqueeze(2), z.unsqueeze(1)
    lo, hi = torch.minimum(zi, zj), torch.maximum(zi, zj)
    flex = lo**2 * (3 * hi - lo) / (6 * ei_eff.view(-1, 1, 1)) + zi * zj / kth.view(-1, 1, 1)
    u = (flex @ (m * g).unsqueeze(2)).squeeze(2) * real
    omega2 = g * (m * u).sum(1) / (m * u**2).sum(1)
    omega = omega2.sqrt()
    top = u.gather(1, (k - 1).view(-1, 1)).squeeze(1)
    phi = u / top.view(-1, 1)
    mstar = (m * phi**2).sum(1)
    zl = (z * on).sum(1)
    ol = (off * on).sum(1)
    phil = (phi * on).sum(1)
    impulse = mc * v * torch.cos(ang) + mc * v * torch.sin(ang) * ol / zl
    sway = impulse * phil / (mstar * omega)
    m_base = omega2 * sway * (m * phi * z).sum(1) + g * (m * off).sum(1)
    margin = (w_tot * width / 2) / m_base
    y = torch.stack([torch.log(100 * sway) + 0.15 * torch.randn(n, generator=gen),
                     torch.log(omega / (2 * math.pi)) + 0.06 * torch.randn(n, generator=gen),
                     torch.log(margin) + 0.15 * torch.randn(n, generator=gen)], 1)
    tokens = torch.stack([(z - 1.0) / 0.6, (seg - 0.4) / 0.087, (dia - 0.095) / 0.0144, (mp - 1.4) / 0.5,
                          (off - 0.125) / 0.072, 2 * on - 1], 2) * real.unsqueeze(2)
    whole = torch.stack([(width - 0.525) / 0.072, (mbase - 6) / 1.73, 2 * carpet - 1, (mc - 5) / 1.15,
                         (v - 3.25) / 0.72, (ang - 0.785) / 0.25], 1)
    return tokens, ~real, whole, y


class TierTransformer(nn.Module):
    """A Pre-LN transformer encoder over the tier tokens and a token of the whole; the whole's token is read out."""

    def __init__(self, d: int = 32, layers: int = 2, heads: int = 4) -> None:
        super().__init__()
        self.tier = nn.Linear(6, d)
        self.whole = nn.Linear(6, d)
        self.pos = nn.Parameter(torch.zeros(1, CT_TIERS, d))
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, batch_first=True, norm_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 3)

    def forward(self, tokens: torch.Tensor, pad: torch.Tensor, whole: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.whole(whole).unsqueeze(1), self.tier(tokens) + self.pos], 1)
        mask = torch.cat([torch.zeros_like(pad[:, :1]), pad], 1)
        h = self.enc(h, src_key_padding_mask=mask)
        return self.head(self.norm(h[:, 0]))


def cat_tree(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d: int = 32) -> dict[str, Any]:
    """The tier transformer on ``train_size`` towers, targets standardised over them; held out: 2048 other towers in
    batches of 1024; AdamW (torch's defaults: weight decay 0.01)."""
    gen = torch.Generator().manual_seed(176102)
    tokens, pad, whole, y = _ct_towers(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return {"model": TierTransformer(d), **_pool((tokens, pad, whole, y), train_size, batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"), "loss_fn": _mse}


# --------------------------------------------------------------------------------------------------------------
# 3. rabbit hutch draught chill (2-D CNN, SGD with momentum)

RH_ROWS, RH_COLS = 6, 10  # the front panel in 10 cm cells


def _rh_hutches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Outdoor hutches, the front panel 0.6 x 1.0 m in 10 cm cells: a nest box of 3-5 columns at the left or right
    (solid wood, its door in the box's inner wall at floor level), the rest weld mesh (open fraction 0.8), a tarp
    cover hanging from the top over 0-5 rows of the mesh (a tarp leaks 8%), and 0-3 solid boards (one cell high,
    2-4 long) across the mesh. The back and sides leak 0.002-0.02 m2. Wind 0.5-12 m/s at 0-180 degrees to the
    front's normal; air -6 to 12 C; two rabbits warming the hutch by up to 6 K over the air when it is still. Flow:
    single-sided wind ventilation 0.025 A U, stack flow Cd A / 3 sqrt(g H dT / T) over the open cells' height span,
    cross flow Cd A_s sqrt(2 dp / rho) with the front (Cp 0.7 cos theta) and the back (Cp -0.3) in series; the total
    the root sum of squares. The draught at the nest door: the opening speed Q / A times the open cells' weights
    exp(-distance / 0.18 m) to the door (lower cells count more), summed. The air inside T_out + 6 / (1 + ACH / 20);
    Siple's wind-chill index (10.45 + 10 sqrt(v) - v)(33 - T) W/m2 at the door's draught, and its still-air
    equivalent temperature 33 - WCI / 22. Scatter: 5% on the ACH and the draught, 0.3 K on the temperature. Returns
    (panels (n, 6, 6, 10): wood, mesh, tarp planes, the wind's normal and total speed and the air temperature as
    constant planes; targets (n, 3): log ACH, log draught (m/s), equivalent temperature (C))."""
    g, rho = 9.81, 1.25
    cell_a = 0.01
    nest_w = torch.randint(3, 6, (n,), generator=gen)
    right = torch.rand(n, generator=gen) < 0.5
    col = torch.arange(RH_COLS).view(1, 1, -1).expand(n, RH_ROWS, RH_COLS)
    row = torch.arange(RH_ROWS).view(1, -1, 1).expand(n, RH_ROWS, RH_COLS)
    colx = torch.where(right.view(-1, 1, 1), RH_COLS - 1 - col, col)  # columns counted from the nest's side
    wood = (colx < nest_w.view(-1, 1, 1)).float()
    tarp_rows = torch.randint(0, 6, (n,), generator=gen)
    tarp = ((row < tarp_rows.view(-1, 1, 1)) & (wood == 0)).float()
    for _ in range(3):
        has = torch.rand(n, generator=gen) < 0.33
        r = torch.randint(0, RH_ROWS, (n,), generator=gen).view(-1, 1, 1)
        c0 = torch.randint(0, RH_COLS, (n,), generator=gen).view(-1, 1, 1)
        ln = torch.randint(2, 5, (n,), generator=gen).view(-1, 1, 1)
        board = has.view(-1, 1, 1) & (row == r) & (col >= c0) & (col < c0 + ln)
        wood = torch.maximum(wood, board.float())
    tarp = tarp * (1 - wood)
    mesh = (1 - wood) * (1 - tarp)
    open_f = 0.8 * mesh + 0.08 * tarp
    area = cell_a * open_f.sum((1, 2)) + 1e-4
    u = 0.5 + 11.5 * torch.rand(n, generator=gen)
    theta = math.pi * torch.rand(n, generator=gen)
    t_out = -6 + 18 * torch.rand(n, generator=gen)
    back = 0.002 + 0.018 * torch.rand(n, generator=gen)
    # vertical span of the openings (m) for the stack flow
    rows_open = (open_f.sum(2) > 0.05).float()
    top = torch.where(rows_open.any(1), rows_open.argmax(1).float(), torch.zeros(n))
    bottom = torch.where(rows_open.any(1), RH_ROWS - 1 - rows_open.flip(1).argmax(1).float(), torch.zeros(n))
    span = 0.1 * (bottom - top + 1)
    q_wind = 0.025 * area * u
    q_stack = 0.6 * area / 3 * (g * span * 4 / 278).sqrt()
    cp_front = 0.7 * torch.cos(theta).clamp_min(-0.43)
    dp = 0.5 * rho * u**2 * (cp_front + 0.3).clamp_min(0)
    a_series = (1 / area**2 + 1 / back**2) ** -0.5
    q_cross = 0.6 * a_series * (2 * dp / rho).sqrt()
    q = (q_wind**2 + q_stack**2 + q_cross**2).sqrt()
    ach = 3600 * q / 0.3  # hutch 0.3 m3
    speed = q / area
    door_r, door_c = RH_ROWS - 1, nest_w.float()  # the door: floor row, first mesh column beside the box
    dist = 0.1 * ((row.float() - door_r) ** 2 + (colx.float() - door_c.view(-1, 1, 1)) ** 2).sqrt()
    wgt = open_f * torch.exp(-dist / 0.18) * (1 + 0.15 * row.float())
    draught = 0.02 + speed * wgt.sum((1, 2)) / 3
    ach = ach * torch.exp(0.05 * torch.randn(n, generator=gen))
    draught = draught * torch.exp(0.05 * torch.randn(n, generator=gen))
    t_in = t_out + 6 / (1 + ach / 20)
    wci = (10.45 + 10 * draught.sqrt() - draught) * (33 - t_in)
    t_eq = 33 - wci / 22 + 0.3 * torch.randn(n, generator=gen)
    planes = torch.stack([wood, mesh, tarp,
                          (u * torch.cos(theta) / 5).view(-1, 1, 1).expand(n, RH_ROWS, RH_COLS),
                          ((u - 6.25) / 3.3).view(-1, 1, 1).expand(n, RH_ROWS, RH_COLS),
                          ((t_out - 3) / 5.2).view(-1, 1, 1).expand(n, RH_ROWS, RH_COLS),
                          ((back - 0.011) / 0.0052).view(-1, 1, 1).expand(n, RH_ROWS, RH_COLS)], 1)
    y = torch.stack([torch.log(ach), torch.log(draught), t_eq], 1)
    return planes, y


class HutchCNN(nn.Module):
    """Two 3x3 conv layers (ReLU), a 2x2 max-pool, one more conv and a linear head on the flattened map; or
    (``deep=False``, the long plan's cheaper net) one 3x3 conv layer and a two-layer head (32 ReLU units)."""

    def __init__(self, ch: int = 16, deep: bool = True) -> None:
        super().__init__()
        if deep:
            self.conv = nn.Sequential(nn.Conv2d(7, ch, 3, padding=1), nn.ReLU(), nn.Conv2d(ch, ch, 3, padding=1),
                                      nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(ch, ch, 3, padding=1), nn.ReLU())
            cells = (RH_ROWS // 2) * (RH_COLS // 2)
        else:
            self.conv = nn.Sequential(nn.Conv2d(7, ch, 3, padding=1), nn.ReLU())
            cells = RH_ROWS * RH_COLS
        self.head = nn.Linear(ch * cells, 3) if deep else nn.Sequential(nn.Linear(ch * cells, 32), nn.ReLU(),
                                                                        nn.Linear(32, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def rabbit_hutch(batch_size: int = 32, seed: int = 0, train_size: int = 2048, ch: int = 16,
                 deep: bool = True) -> dict[str, Any]:
    """The hutch CNN on ``train_size`` hutch-nights, targets standardised over them; held out: 2048 others in
    batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(176103)
    x, y = _rh_hutches(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return {"model": HutchCNN(ch, deep), **_pool((x, y), train_size, batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse}


# --------------------------------------------------------------------------------------------------------------
# 4. stirrup foot slip (an MLP, NAdam)

SS_LEN = 64
SS_TREADS, SS_SOLES = 4, 3


def _ss_strides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Stirrup tests of one stride or landing, simulated on an instrumented stirrup's trace (64 samples of a 0.6 s
    stride): the gait (walk, rising trot, two-point canter, a jump's landing) sets the normal force's shape (one or
    two humps, a landing spike) and its peak (0.3, 0.7, 0.6 and 1.9 of half the rider's weight, rider 45-100 kg,
    +-2% unrecorded; the stride's timing +-0.02 s); the fore-aft shear is 0.6 N tan(heel - 8 degrees) (heel down -10
    to 25 degrees: a deep heel pushes the foot home, a toe-down foot out), plus the leg's swing (a sine of the
    stride, its phase +-0.1 rad unrecorded, 0-0.25 of the normal peak) and, on landing, a forward fling. The tread
    (smooth steel, rubber pad, cheese-grater grip, studded composite: mu_s 0.25, 0.55, 0.45, 0.5) and the sole
    (leather, rubber lug, synthetic: x 0.8, 1.2, 1.0; the grip treads' studs bite soft lug soles: +0.2 interlock),
    wetness 0-1 (x (1 - 0.35 w) with steel or leather, x (1 - 0.12 w) otherwise); mu_k = 0.75 mu_s. Coulomb
    stick-slip: the foot slides when |S| > mu_s N (and keeps sliding while |S| > mu_k N) at (|S| - mu_k N) / 900 N
    s/m. Features: the gait (one-hot), the rider's mass, the heel angle, the swing amplitude, the tread and sole
    (one-hot) and the wetness; targets: log1p of the slip home and toward the toe (mm) and the peak |S| / N, with
    0.03, 0.03 and 0.01 scatter. Returns (features (n, 15), targets (n, 3))."""
    t = torch.linspace(0, 1, SS_LEN).view(1, -1)
    gait = torch.randint(0, 4, (n,), generator=gen)
    mass = 45 + 55 * torch.rand(n, generator=gen)
    peak = torch.tensor([0.3, 0.7, 0.6, 1.9])[gait] * mass * 9.81 / 2 * (0.98 + 0.04 * torch.rand(n, generator=gen))
    ph = torch.rand(n, 1, generator=gen) * 0.04
    one = torch.sin(math.pi * ((t - ph) / 0.8).clamp(0, 1)) ** 2
    two = torch.sin(2 * math.pi * ((t - ph) / 0.8).clamp(0, 1)) ** 2
    landing = torch.exp(-((t - 0.15 - ph) / 0.07) ** 2) + 0.35 * one
    shape = torch.where((gait == 1).view(-1, 1), two, torch.where((gait == 3).view(-1, 1), landing, one))
    normal = peak.view(-1, 1) * (0.05 + shape)
    heel = -10 + 35 * torch.rand(n, generator=gen)  # degrees; positive = heel down
    swing = 0.25 * torch.rand(n, generator=gen)
    fling = torch.where((gait == 3).view(-1, 1), 0.35 * torch.exp(-((t - 0.18 - ph) / 0.06) ** 2), torch.zeros(1, 1))
    sph = 0.1 * torch.randn(n, 1, generator=gen)
    shear = (normal * torch.tan(torch.deg2rad(heel - 8)).view(-1, 1) * 0.6
             + peak.view(-1, 1) * (swing.view(-1, 1) * torch.sin(2 * math.pi * t + sph) - fling))
    tread = torch.randint(0, SS_TREADS, (n,), generator=gen)
    sole = torch.randint(0, SS_SOLES, (n,), generator=gen)
    wet = torch.rand(n, generator=gen)
    mus = torch.tensor([0.25, 0.55, 0.45, 0.5])[tread] * torch.tensor([0.8, 1.2, 1.0])[sole]
    grip = (tread >= 2) & (sole == 1)
    mus = mus + 0.2 * grip.float()
    slick = ((tread == 0) | (sole == 0)).float()
    mus = mus * (1 - wet * (0.35 * slick + 0.12 * (1 - slick)))
    muk = 0.75 * mus
    sliding = torch.zeros(n, dtype=torch.bool)
    home, out = torch.zeros(n), torch.zeros(n)
    dt = 0.6 / SS_LEN
    for i in range(SS_LEN):
        s, nf = shear[:, i], normal[:, i]
        sliding = (s.abs() > mus * nf) | (sliding & (s.abs() > muk * nf))
        vel = torch.where(sliding, (s.abs() - muk * nf).clamp_min(0) / 900, torch.zeros(n))
        home = home + torch.where(s > 0, vel, torch.zeros(n)) * dt * 1000
        out = out + torch.where(s < 0, vel, torch.zeros(n)) * dt * 1000
    ratio = (shear.abs() / normal).amax(1)
    y = torch.stack([torch.log1p(home) + 0.03 * torch.randn(n, generator=gen),
                     torch.log1p(out) + 0.03 * torch.randn(n, generator=gen),
                     ratio + 0.01 * torch.randn(n, generator=gen)], 1)
    x = torch.cat([F.one_hot(gait, 4).float(),
                   torch.stack([(mass - 72.5) / 15.9, (heel - 7.5) / 10.1, (swing - 0.125) / 0.072, 2 * wet - 1], 1),
                   F.one_hot(tread, SS_TREADS).float(), F.one_hot(sole, SS_SOLES).float()], 1)
    return x, y


class SlipNet(nn.Module):
    """A SiLU MLP from the stride's settings to the slips and the peak shear ratio."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def stirrup_slip(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The slip MLP on ``train_size`` stirrup tests, targets standardised over them; held out: 2048 other tests in
    batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(176104)
    x, y = _ss_strides(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return {"model": SlipNet(hidden), **_pool((x, y), train_size, batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), "loss_fn": _mse}


# --------------------------------------------------------------------------------------------------------------
# 5. chew toy bite wear (embedding net, Adagrad; long only)

CW_DOGS, CW_TOYS = 400, 80


def _cw_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A pet-product panel: 400 dogs, 80 toys. Dogs: body mass 4-50 kg (log-uniform), skull (brachycephalic x0.7,
    mesocephalic x1, dolichocephalic x0.9), bite force 140 (mass / 10)^0.67 N times the skull; a chewing style
    (gnaw, shred, tug; Dirichlet(1, 1, 1)). Toys: material (natural rubber, TPE, nylon, rope, plush, rubber-nylon
    composite: Shore hardness 50, 40, 85, -, -, 70 (rope and plush as 20); tear strength 30, 18, 60, 25, 4, 45;
    abrasion factor 1, 1.4, 0.5, 0.8, 1.5, 0.6) at 0.7-1.3 of its nominal, size 0.6-1.6. A session: 5-60 minutes,
    the toy's past use 0-30 h. Loss rate (mg/min): abrasion 0.8 a (F / (H + 10))^1.5 (0.3 + gnaw), tearing
    3 (F shred / (12 tear size) - 1)_+^2, fibres pulled 2 tug (rope and plush), times fatigue (1 + use / 10)^0.4;
    the session's loss times a lognormal 12% scatter. Returns (dog ids, toy ids, (n, 2) session features
    (log minutes, log1p use), log1p loss (mg) (n,))."""
    dmass = 4 * (50 / 4) ** torch.rand(CW_DOGS, generator=gen)
    skull = torch.tensor([0.7, 1.0, 0.9])[torch.randint(0, 3, (CW_DOGS,), generator=gen)]
    force = 140 * (dmass / 10) ** 0.67 * skull
    style = -torch.log(torch.rand(CW_DOGS, 3, generator=gen))
    style = style / style.sum(1, keepdim=True)
    mat = torch.randint(0, 6, (CW_TOYS,), generator=gen)
    spread = 0.7 + 0.6 * torch.rand(CW_TOYS, 2, generator=gen)
    hard = torch.tensor([50.0, 40.0, 85.0, 20.0, 20.0, 70.0])[mat] * spread[:, 0]
    tear = torch.tensor([30.0, 18.0, 60.0, 25.0, 4.0, 45.0])[mat] * spread[:, 1]
    abr = torch.tensor([1.0, 1.4, 0.5, 0.8, 1.5, 0.6])[mat]
    fibre = ((mat == 3) | (mat == 4)).float()
    size = 0.6 + torch.rand(CW_TOYS, generator=gen)
    dog = torch.randint(0, CW_DOGS, (n,), generator=gen)
    toy = torch.randint(0, CW_TOYS, (n,), generator=gen)
    minutes = 5 * 12 ** torch.rand(n, generator=gen)
    use = 30 * torch.rand(n, generator=gen) ** 2
    f, s = force[dog], style[dog]
    rate = 0.8 * abr[toy] * (f / (hard[toy] + 10)) ** 1.5 * (0.3 + s[:, 0])
    rate = rate + 3 * torch.relu(f * s[:, 1] / (12 * tear[toy] * size[toy]) - 1) ** 2
    rate = rate + 2 * s[:, 2] * fibre[toy]
    loss = rate * (1 + use / 10) ** 0.4 * minutes * torch.exp(0.12 * torch.randn(n, generator=gen))
    sess = torch.stack([torch.log(minutes) - 2.85, torch.log1p(use) - 1.9], 1)
    return torch.stack([dog, toy], 1), sess, torch.log1p(loss)


class ChewEmbeddingNet(nn.Module):
    """Dog and toy embeddings: their dot product, per-id biases and a small ReLU MLP over both embeddings and the
    session features."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.dog, self.toy = nn.Embedding(CW_DOGS, dim), nn.Embedding(CW_TOYS, dim)
        self.dog_b, self.toy_b = nn.Embedding(CW_DOGS, 1), nn.Embedding(CW_TOYS, 1)
        for e in (self.dog, self.toy):
            nn.init.normal_(e.weight, std=0.1)
        for e in (self.dog_b, self.toy_b):
            nn.init.zeros_(e.weight)
        self.mlp = nn.Sequential(nn.Linear(2 * dim + 2, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, ids: torch.Tensor, sess: torch.Tensor) -> torch.Tensor:
        d, t = self.dog(ids[:, 0]), self.toy(ids[:, 1])
        dot = (d * t).sum(1)
        bias = self.dog_b(ids[:, 0]).squeeze(1) + self.toy_b(ids[:, 1]).squeeze(1)
        return dot + bias + self.mlp(torch.cat([d, t, sess], 1)).squeeze(1)


def chew_toy(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8) -> dict[str, Any]:
    """The chew embedding net on ``train_size`` sessions, the target standardised over them; held out: 2048 other
    sessions (of the same dogs and toys) in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(176105)
    ids, sess, y = _cw_sessions(train_size + HELD_OUT, gen)
    y = _standardise(y.view(-1, 1), train_size).view(-1)
    torch.manual_seed(seed)
    return {"model": ChewEmbeddingNet(dim), **_pool((ids, sess, y), train_size, batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), "loss_fn": _mse}


# --------------------------------------------------------------------------------------------------------------
# 6. bug zapper insect catch (sparse log-linear Poisson model, Adagrad; long only)

BZ_SITES, BZ_LAMPS, BZ_HABITATS, BZ_MONTHS = 1500, 6, 4, 7
# feature blocks of the sparse model: (name, size)
BZ_BLOCKS = (("site", BZ_SITES), ("lamp", BZ_LAMPS), ("temp", 16), ("moon_cloud", 20), ("wind", 6),
             ("habitat_month", BZ_HABITATS * BZ_MONTHS), ("height", 3), ("streetlight", 4),
             ("lamp_month", BZ_LAMPS * BZ_MONTHS), ("humidity", 5))
BZ_FEATURES = sum(s for _, s in BZ_BLOCKS)


def _bz_nights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Zapper-nights at 1500 garden and farm survey sites (habitat: pond side, woodland edge, suburban garden,
    livestock farm; site abundance lognormal 0.6 around the habitat's 1.5, 1.2, 0.6, 1.0), April-October. The lamp:
    15 W and 40 W UV-A fluorescent blacklights, a 395 nm LED, a cool-white LED, a yellow 'bug' lamp, a 20 W blacklight
    (attraction 1.0, 2.2, 0.8, 0.35, 0.12, 1.4: UV radiance to the insects' eyes, roughly as the square root of the
    UV power). The night: mean temperature 4-28 C (flight activity a thermal performance curve: 0 below 6 C, rising
    to a peak near 24 C: ((T - 6) / 18)^1.8 exp(1.8 (1 - (T - 6) / 18)) clipped); the moon's illuminated fraction 0-1
    and the cloud cover 0-1 (competing light: 1 / (1 + 1.5 moon (1 - 0.8 cloud))); wind 0-8 m/s (exp(-0.35 w));
    the month by habitat (a seasonal bell, peaking in July, later at ponds); mounting height 1, 2 or 3 m (x 1.0,
    1.25, 0.9); street lights within 50 m (0-3: x 1, 0.7, 0.5, 0.4); humidity (five bands: x 0.8-1.1); the lamp by
    month (UV lamps catch more moths in high summer: x (1 + 0.3 uv summer)). Expected catch 80 x the product; the
    night's catch gamma-Poisson (gamma shape 8). Features: one id per block (temperature in 1.5 C bins, moon by
    cloud in 5 x 4 bins, wind in 6 bins), offset into one table. Returns (feature ids (n, 10), counts (n,))."""
    hab = torch.randint(0, BZ_HABITATS, (BZ_SITES,), generator=gen)
    abund = torch.tensor([1.5, 1.2, 0.6, 1.0])[hab] * torch.exp(0.6 * torch.randn(BZ_SITES, generator=gen))
    site = torch.randint(0, BZ_SITES, (n,), generator=gen)
    lamp = torch.randint(0, BZ_LAMPS, (n,), generator=gen)
    attract = torch.tensor([1.0, 2.2, 0.8, 0.35, 0.12, 1.4])[lamp]
    uv = torch.tensor([1.0, 1.0, 0.8, 0.2, 0.0, 1.0])[lamp]
    temp = 4 + 24 * torch.rand(n, generator=gen)
    r = ((temp - 6) / 18).clamp_min(0)
    act = (r**1.8 * torch.exp(1.8 * (1 - r))).clamp_min(0.01)
    moon, cloud = torch.rand(n, generator=gen), torch.rand(n, generator=gen)
    comp = 1 / (1 + 1.5 * moon * (1 - 0.8 * cloud))
    wind = 8 * torch.rand(n, generator=gen) ** 1.5
    month = torch.randint(0, BZ_MONTHS, (n,), generator=gen)
    peak = torch.tensor([3.0, 3.2, 2.8, 3.0])[hab[site]] + torch.tensor([0.5, 0.0, 0.0, 0.0])[hab[site]]
    season = torch.exp(-((month.float() - peak) / 2.0) ** 2)
    height = torch.randint(0, 3, (n,), generator=gen)
    street = torch.randint(0, 4, (n,), generator=gen)
    humid = torch.randint(0, 5, (n,), generator=gen)
    summer = torch.exp(-((month.float() - 3.5) / 1.2) ** 2)
    mu = (80 * abund[site] * attract * act * comp * torch.exp(-0.35 * wind) * (0.15 + season)
          * torch.tensor([1.0, 1.25, 0.9])[height] * torch.tensor([1.0, 0.7, 0.5, 0.4])[street]
          * torch.tensor([0.8, 0.9, 1.0, 1.1, 1.05])[humid] * (1 + 0.3 * uv * summer))
    lam = torch._standard_gamma(torch.full((n,), 8.0), generator=gen) / 8 * mu
    counts = torch.poisson(lam, generator=gen)
    ids = [site, lamp, (temp - 4).div(1.5).floor().long().clamp(0, 15),
           (moon * 5).floor().long().clamp(0, 4) * 4 + (cloud * 4).floor().long().clamp(0, 3),
           (wind / 8 * 6).floor().long().clamp(0, 5), hab[site] * BZ_MONTHS + month, height, street,
           lamp * BZ_MONTHS + month, humid]
    offsets = torch.tensor([0] + [s for _, s in BZ_BLOCKS[:-1]]).cumsum(0)
    return torch.stack(ids, 1) + offsets.view(1, -1), counts


class SparsePoissonGLM(nn.Module):
    """log rate = bias + the sum of one weight per active feature (an ``EmbeddingBag`` in sum mode); the weights
    start at zero, the bias at the log of the training pool's mean count."""

    def __init__(self, log_mean: float) -> None:
        super().__init__()
        self.w = nn.EmbeddingBag(BZ_FEATURES, 1, mode="sum")
        nn.init.zeros_(self.w.weight)
        self.bias = nn.Parameter(torch.tensor(log_mean))

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.bias + self.w(ids).squeeze(1)


def poisson_deviance(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean Poisson deviance 2 (y log(y / mu) - (y - mu)) of the counts under the model's log rates."""
    ids, y = batch
    log_mu = model(ids)
    return 2 * (torch.xlogy(y, y) - y * log_mu - y + log_mu.exp()).mean()


def bug_zapper(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The sparse Poisson model on ``train_size`` zapper-nights; held out: 2048 other nights in batches of 1024;
    Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(176106)
    ids, y = _bz_nights(train_size + HELD_OUT, gen)
    torch.manual_seed(seed)
    model = SparsePoissonGLM(math.log(float(y[:train_size].mean())))
    return {"model": model, **_pool((ids, y), train_size, batch_size),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": poisson_deviance}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
# seconds: one timed full run each (/tmp/build176/timing.py) on 2 cores shared with other builds (load average 3.1-3.7)
EXAM = (
    W("dog_lead_tension_adam", dog_lead, 300, "dog_lead_lunge_bungee_handle_tension_gru", "adam", "finite", 32,
      seconds=1.9, start_lr=0.064),
    W("cat_tree_sway_adamw", cat_tree, 300, "cat_tree_jump_tier_sway_uplift_preln_transformer", "adamw", "finite", 32,
      seconds=1.9, start_lr=0.016),
    W("rabbit_hutch_draught_momentum", rabbit_hutch, 300, "rabbit_hutch_mesh_front_draught_chill_cnn2d",
      "sgd_momentum0.9", "finite", 64, seconds=1.8, start_lr=0.05),
    W("stirrup_slip_nadam", stirrup_slip, 300, "stirrup_tread_stride_stick_slip_mlp", "nadam", "finite", 32,
      seconds=0.6, start_lr=0.032),
)
LONG = (
    W("chew_toy_wear_adagrad@long", chew_toy, 3000, "chew_toy_dog_by_toy_bite_wear_embedding_net", "adagrad",
      "finite", 32, seconds=5.3, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("bug_zapper_catch_adagrad@long", bug_zapper, 3000, "bug_zapper_night_catch_sparse_poisson_glm", "adagrad",
      "finite", 32, seconds=2.3, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("stirrup_slip_nadam@long", stirrup_slip, 3000, "stirrup_tread_stride_stick_slip_mlp", "nadam", "finite", 32,
      dict(train_size=8192, hidden=32), seconds=4.2, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="stirrup_slip_nadam"),
    W("rabbit_hutch_draught_momentum@long", rabbit_hutch, 3000, "rabbit_hutch_mesh_front_draught_chill_cnn2d",
      "sgd_momentum0.9", "finite", 64, dict(train_size=8192, ch=8, deep=False), seconds=7.4, start_lr=0.1,
      grid_fractions=(0.0, 0.05), long_of="rabbit_hutch_draught_momentum"),
)

REGISTRY = Registry(EXAM, LONG, "exam176_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-sixth exam's workloads")
