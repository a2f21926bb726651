"""The hundred-and-forty-sixth exam: six more workload families that neither the suite nor exams 1-144 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam144_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from pasta makers and sheet thickness, jar openers and lid torque, cooling racks
and crust moisture, oil misters and spray cone, meat mallets and fibre flattening, and boot scrapers and mud shedding
(exam 145 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam146/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- pasta-machine sheet gauging: a 1-D CNN reads a laser gauge's thickness trace along a sheet just out of a
  hand-cranked roller machine (32 points; the log trace, its deviation from its own mean and the known sheet speed
  as channels) and gives the log gap of the roller setting, the dough's springback, the log relaxation time and the
  rollers' runout; the gap opened by the dough's separating force, a sinusoidal runout of the roller's
  circumference, a viscoelastic springback growing with the time since each point left the nip (the leading edge
  oldest), larger for drier, eggier, unrested dough and faster cranking; 0.5% gauge scatter; MSE of the standardised
  targets; RMSprop (torch's defaults, alpha 0.99)
- jar-opener grip: an embedding net (one offset table for the opener: bare hand, rubber grip pad, strap wrench,
  under-cabinet V-grip, lever opener; the lid: lug, continuous thread, plastic, wide-mouth; the hands: dry, wet,
  oily) with pre-LayerNorm residual blocks (two; one on the long plan), from those and the lid's diameter, the
  user's grip force and the lid's break-loose torque to the log torque the opener can put on the lid and the log
  hand force needed to open it; Coulomb grip with lid ovalisation (saturating the clamp), a capstan
  (Euler-Eytelwein) strap, a wedge for the V-grip, a lever for the lever opener, the jar slipping in the other hand
  as a second limit; 4% scatter; MSE of the standardised logs; NAdam (torch's defaults)
- meat-mallet pounding of a cutlet: a Post-LN transformer encoder (one layer, width 16) over 12 segments along the
  cutlet (each: its thickness, connective tissue, fibre angle and the blows it took, with the species, the mallet's
  face, mass and swing speed and the cling film as every token's context) to each segment's log thickness ratio and
  fibre flattening; plastic compression per blow against a species yield stress hardened by connective tissue, the
  blow spread to neighbours with a length set by the fibres and the film, a textured face crushing fibres more and
  flattening less; 3% scatter; MSE of the standardised outputs; AdamW (weight decay 1e-2, torch's default)
- boot-scraper mud shedding: a small 2-D CNN with GroupNorm over a sole's tread map (lug height, packed mud depth),
  pooled and joined by the mud's liquidity index, clay share and the scraper type, to the fraction of mud left after
  1, 2, 4 and 8 scrapes; the mud's undrained strength from its liquidity index (cu = 170 exp(-4.6 LI) kPa, as
  remembered), adhesion to the rubber peaking near the plastic limit, a blade clearing the lug tops and a brush
  reaching into the grooves, mud held where the grooves are narrow and deep; 1% scatter; MSE of the standardised
  fractions; SGD with momentum 0.9 (no weight decay)
- cooling-rack crust moisture (a long plan only): a grey-box net (an MLP gives, for the top and the bottom crust, an
  equilibrium moisture, two rates and the first mode's amplitude of a two-compartment crumb-crust linear model,
  whose two-exponential solution from the measured starting crust gives the moisture at each time) from the loaf's
  height, crumb and crust moisture, the support (wire rack height and wire spacing, board, tin), the room's
  humidity, temperature and air speed to the top and bottom crust moisture at 6 times; the data from a 1-D
  finite-difference diffusion of moisture through the loaf's height with a temperature-dependent diffusivity as the
  loaf cools and mass-transfer boundaries set by the support; 0.2-point scatter; MSE of the standardised moistures;
  Adam (torch's defaults)
- oil-mister spray cone from a patternator (a long plan only): a 1-D CNN reads the oil caught by 32 troughs across
  the spray of a pump oil mister and gives the log pump pressure, the log oil viscosity, the nozzle's tilt and the
  log flow; a pressure-swirl nozzle (cone angle rising with pressure and swirl, falling with viscosity; a hollow
  cone once the sheet breaks up, a narrow stream below that; flow by an orifice law with a viscous discharge
  coefficient), the ring projected onto the troughs; 5% catch scatter; MSE of the standardised targets; Adamax
  (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the cooling-rack and
oil-mister nets (no short plans), the pasta gauge CNN on 8192 sheets instead of 4096 (a 16-unit head instead of 32)
and the jar-opener net on 8192 openings instead of 1024 (width 24 and one block instead of 32 and two), each with
its own batch size.

Of the eight plans, two use RMSprop (both pasta plans), two NAdam (both jar-opener plans), one AdamW (meat mallet),
one SGD with momentum (boot scraper), one Adam (cooling rack) and one Adamax (oil mister).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam146_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam146/README.md).

    python benchmarks/exam146_workloads.py          # the table
    python benchmarks/exam146_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 146"


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
    """Targets standardised per column (over every leading dim) with the mean and sd of the first ``n`` rows (the
    training pool)."""
    ref = y[:n].reshape(-1, y.shape[-1])
    return (y - ref.mean(0)) / ref.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. pasta-machine sheet thickness from a laser gauge trace (RMSprop)

PM_POINTS = 32
PM_GAPS = (3.0, 2.6, 2.2, 1.8, 1.5, 1.2, 1.0, 0.8, 0.6)  # mm, roller settings 0-8 (invented, Atlas-like)


def _pm_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A pasta machine's sheet measured by a laser gauge at 32 points (1 cm apart, leading edge first) once the
    whole sheet has left the rollers. The setting (0-8: gap 3.0-0.6 mm), the crank (sheet speed 1.5-5 cm/s), the
    dough (hydration 0.28-0.45, egg share 0-1, rest 0-60 min) and the rollers' runout (0-0.12 mm, circumference 9.4
    cm, any phase). The gap opens under the dough's separating force (more for stiffer, drier dough, invented); the
    sheet then springs back viscoelastically after the nip, t = g (1 + s (1 - exp(-age / tau))), the age being the
    time since that point left the nip (the leading edge oldest; the gauge 0.5 s behind), the springback s larger for
    drier, eggier, unrested dough and faster cranking, tau 1-6 s (log-uniform, 30% longer for egg dough). 0.5% gauge
    scatter and 0.003 mm. Returns (the log trace, its relative deviation from its mean and the known sheet speed as
    a constant plane (n, 3, 32), targets (n, 4): log gap setting, springback s, log tau, runout / 0.06 mm)."""
    setting = torch.randint(0, len(PM_GAPS), (n,), generator=gen)
    gap = torch.tensor(PM_GAPS)[setting]
    v = 1.5 + 3.5 * torch.rand(n, generator=gen)
    hyd = 0.28 + 0.17 * torch.rand(n, generator=gen)
    egg = torch.rand(n, generator=gen)
    rest = 60 * torch.rand(n, generator=gen)
    runout = 0.12 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    stiff = (0.40 / hyd) ** 2 * (1 + 0.3 * egg) * (1.2 - 0.4 * (1 - torch.exp(-rest / 20)))
    spring = 0.18 * (0.40 / hyd) ** 1.5 * (1 + 0.6 * egg) * (1.3 - 0.6 * (1 - torch.exp(-rest / 20)))
    spring = spring * (1 + 0.25 * torch.log(v / 3.25))
    tau = 6 ** torch.rand(n, generator=gen) * (1 + 0.3 * egg)
    x = torch.arange(PM_POINTS).float().view(1, -1)
    g = gap.view(-1, 1) + 0.03 * stiff.view(-1, 1) + runout.view(-1, 1) * torch.sin(2 * math.pi * x / 9.4
                                                                                       + phase.view(-1, 1))
    age = (PM_POINTS - 1 - x) / v.view(-1, 1) + 0.5
    t = g * (1 + spring.view(-1, 1) * (1 - torch.exp(-age / tau.view(-1, 1))))
    t = t * (1 + 0.005 * torch.randn(n, PM_POINTS, generator=gen)) + 0.003 * torch.randn(n, PM_POINTS, generator=gen)
    rel = t / t.mean(1, keepdim=True) - 1  # the trace's deviation from its own mean, as a user plots it
    trace = torch.stack([torch.log(t / 1.5) / 0.5, rel / 0.04, ((v - 3.25) / 1.0).view(-1, 1).expand(-1, PM_POINTS)], 1)
    y = torch.stack([torch.log(gap), spring, torch.log(tau), runout / 0.06], 1)
    return trace, y


class GaugeCNN(nn.Module):
    """A 1-D CNN over the gauge trace (a strided 7-wide convolution with GELU) and a small MLP head."""

    def __init__(self, c: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(3, c, 7, stride=2, padding=3), nn.GELU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(c * PM_POINTS // 2, hidden), nn.GELU(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def sheet_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log gap setting, springback, log relaxation time and runout."""
    return _mse(model, batch)


def pasta_sheeting(batch_size: int = 32, seed: int = 0, train_size: int = 4096, c: int = 8,
                   hidden: int = 32) -> dict[str, Any]:
    """The gauge CNN on 4096 sheets, targets standardised over them; held out: 2048 other sheets in batches of 1024;
    RMSprop."""
    gen = torch.Generator().manual_seed(146101)
    x, y = _pm_traces(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GaugeCNN(c, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": sheet_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. jar-opener grip, deliverable lid torque and hand force (NAdam)

JO_OPENERS, JO_LIDS, JO_HANDS = 5, 4, 3


def _jo_openings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Attempts to open a jar: the opener (bare hand, rubber grip pad, strap wrench, under-cabinet V-grip, lever
    opener with teeth), the lid (lug twist-off, continuous thread, plastic, wide-mouth; each with a knurl factor and
    an ovalisation stiffness), the hands (dry, wet, oily: friction x 1, 0.6, 0.35 on skin, less on rubber), lid
    diameter 38-90 mm, grip force 150-450 N, the lid's break-loose torque 1-7 N m. Deliverable torque: the clamp
    saturates as the lid ovalises, F / (1 + F / F_ov); hand and pad: Coulomb mu F R (the pad's larger contact 1.3x);
    strap wrench: the lever's pull limited by the capstan 1 - exp(-mu theta) with theta = 1.8 pi; V-grip: wedge
    normal force F / (2 sin 20 deg) on teeth; lever: the push times a 0.12 m lever, limited by the teeth's bite;
    every opener but the lever also limited by the other hand's grip on the glass (mu 0.5 F R_jar). The hand force
    needed: the force giving the break-loose torque along that saturating curve (capped at 2.5 times the grip
    force: out of reach). 4% scatter. Returns (categoricals (n, 3), continuous (n, 3), logs (n, 2))."""
    op = torch.randint(0, JO_OPENERS, (n,), generator=gen)
    lid = torch.randint(0, JO_LIDS, (n,), generator=gen)
    hand = torch.randint(0, JO_HANDS, (n,), generator=gen)
    dia = 38 + 52 * torch.rand(n, generator=gen)
    grip = 150 + 300 * torch.rand(n, generator=gen)
    need = torch.exp(math.log(1.0) + math.log(7.0) * torch.rand(n, generator=gen))
    r = dia / 2000  # m
    knurl = torch.tensor([1.0, 0.8, 0.6, 0.9])[lid]
    f_ov = torch.tensor([900.0, 600.0, 250.0, 400.0])[lid] * (60 / dia) ** 1.5
    mu_skin = torch.tensor([0.8, 0.48, 0.28])[hand] * knurl
    mu_rub = torch.tensor([1.0, 0.75, 0.5])[hand] * (0.7 + 0.3 * knurl)
    mu_glass = torch.tensor([0.5, 0.3, 0.18])[hand]

    def gain(f: torch.Tensor) -> torch.Tensor:
        """Torque (N m) the opener puts on the lid for a hand force f (N)."""
        clamp = f / (1 + f / f_ov)
        t_hand = mu_skin * clamp * r * 2.2
        t_pad = mu_rub * clamp * r * 2.2 * 1.3
        t_strap = 0.5 * f * 0.15 * (1 - torch.exp(-mu_rub * 1.8 * math.pi)) * (1 - 0.3 * (lid == 2).float())
        t_vgrip = 0.9 * (0.6 * f / (2 * math.sin(math.radians(20)))) / (1 + 0.6 * f / (3 * f_ov)) * r * 2
        t_lever = torch.minimum(0.4 * f * 0.12, 2.5 * f_ov * r * knurl)
        t = torch.stack([t_hand, t_pad, t_strap, t_vgrip, t_lever], 1).gather(1, op.view(-1, 1)).squeeze(1)
        jar = mu_glass * f * (r * 1.15) * 2.5
        return torch.where(op == 4, t, torch.minimum(t, jar))

    t_max = gain(grip)
    lo, hi = torch.full((n,), 1.0), 2.5 * grip
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        short = gain(mid) < need
        lo, hi = torch.where(short, mid, lo), torch.where(short, hi, mid)
    f_need = 0.5 * (lo + hi)
    y = torch.stack([torch.log(t_max), torch.log(f_need)], 1) + 0.04 * torch.randn(n, 2, generator=gen)
    cont = torch.stack([(dia - 64) / 15, (grip - 300) / 86.6, (torch.log(need) - 0.97) / 0.56], 1)
    return torch.stack([op, lid, hand], 1), cont, y


class ResBlock(nn.Module):
    """A pre-LayerNorm residual block: x + W2 gelu(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class GripNet(nn.Module):
    """Embeddings (4-d) of the opener, lid and hands with the continuous inputs, residual blocks, two outputs."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.emb = nn.Embedding(JO_OPENERS + JO_LIDS + JO_HANDS, 4)  # one table, each field at its own offset
        self.register_buffer("offsets", torch.tensor([0, JO_OPENERS, JO_OPENERS + JO_LIDS]))
        self.inp = nn.Linear(3 * 4 + 3, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, 2)

    def forward(self, cat: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.emb(cat + self.offsets).flatten(1), cont], 1)
        return self.out(self.norm(self.blocks(self.inp(h))))


def grip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log deliverable torque and log hand force needed."""
    cat, cont, y = batch
    return F.mse_loss(model(cat, cont), y)


def jar_opener(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32,
               blocks: int = 2) -> dict[str, Any]:
    """The grip net on 1024 openings, targets standardised over them; held out: 2048 other openings in batches of
    1024; NAdam."""
    gen = torch.Generator().manual_seed(146102)
    cat, cont, y = _jo_openings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GripNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": grip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. meat-mallet pounding of a cutlet (AdamW)

MM_SEGS = 12
MM_SPECIES = 4  # chicken breast, pork loin, veal, beef round


def _mm_cutlets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cutlets pounded with a meat mallet, 12 one-centimetre segments along each. Per segment: thickness (a smooth
    random profile, 1.2-3 cm), connective tissue 0-0.3, the fibres' angle to the cutlet's axis (cos^2), and the
    blows landing on it (Poisson, the cook's pattern favouring the thick end with probability 0.5). Per cutlet: the
    species (yield stress 30, 45, 40, 70 kPa, invented), the mallet's face (flat or textured), mass 0.3-0.9 kg,
    swing speed 2-5 m/s, cling film or not. Each blow's energy spreads to the segments around it with a kernel
    exp(-|i - j| / l), l = 0.7 (1 + 0.5 film) (1 - 0.4 cos^2), flattening a segment by a plastic strain ln(1 + E_eff /
    (Y (1 + 3 c) t0)) (the flat face more, the textured one 0.7x) and crushing fibres 1 - exp(-k E_eff / Y) (the
    textured face 2x). 3% thickness scatter, 0.02 on flattening. Returns (tokens (n, 12, 13), outputs (n, 12, 2): log
    thickness ratio, fibre flattening)."""
    base = 1.2 + 1.8 * torch.rand(n, 1, generator=gen)
    slope = 0.6 * (torch.rand(n, 1, generator=gen) - 0.5)
    pos = torch.linspace(-1, 1, MM_SEGS).view(1, -1)
    bumps = F.avg_pool1d(torch.randn(n, 1, MM_SEGS + 4, generator=gen), 5, 1).squeeze(1)
    t0 = (base * (1 + slope * pos) + 0.2 * bumps).clamp(0.8, 3.5)
    conn = 0.3 * torch.rand(n, MM_SEGS, generator=gen) ** 2
    cos2 = torch.cos(0.6 * torch.randn(n, 1, generator=gen) + 0.3 * torch.randn(n, MM_SEGS, generator=gen)) ** 2
    thick_first = (torch.rand(n, 1, generator=gen) < 0.5).float()
    rate = 1.2 * (1 + thick_first * (t0 / t0.mean(1, keepdim=True) - 1) * 2).clamp_min(0.1)
    blows = torch.poisson(rate, generator=gen)
    sp = torch.randint(0, MM_SPECIES, (n,), generator=gen)
    yld = torch.tensor([30.0, 45.0, 40.0, 70.0])[sp].view(-1, 1)
    textured = (torch.rand(n, 1, generator=gen) < 0.5).float()
    mass = 0.3 + 0.6 * torch.rand(n, 1, generator=gen)
    speed = 2 + 3 * torch.rand(n, 1, generator=gen)
    film = (torch.rand(n, 1, generator=gen) < 0.5).float()
    energy = 0.5 * mass * speed**2  # J
    ell = (0.7 * (1 + 0.5 * film) * (1 - 0.4 * cos2)).unsqueeze(2)  # (n, 12, 1): spread length at the receiver
    idx = torch.arange(MM_SEGS).float()
    kern = torch.exp(-(idx.view(1, -1, 1) - idx.view(1, 1, -1)).abs() / ell)
    kern = kern / kern.sum(2, keepdim=True).clamp_min(1e-6) * 1.6
    e_eff = torch.bmm(kern, (blows * energy).unsqueeze(2)).squeeze(2)
    strain = (1 - 0.3 * textured) * torch.log1p(e_eff * 9 / (yld * (1 + 3 * conn) * t0))
    ratio = torch.exp(-0.55 * strain)
    flat = 1 - torch.exp(-(1 + textured) * e_eff * 3 / (yld * (1 + 2 * conn)))
    y = torch.stack([torch.log(ratio) + 0.03 * torch.randn(n, MM_SEGS, generator=gen),
                     flat + 0.02 * torch.randn(n, MM_SEGS, generator=gen)], 2)
    glob = torch.cat([F.one_hot(sp, MM_SPECIES).float(), 2 * textured - 1, (mass - 0.6) / 0.17,
                      (speed - 3.5) / 0.87, 2 * film - 1], 1)
    seg = torch.stack([(t0 - 2.1) / 0.6, (conn - 0.1) / 0.09, (cos2 - 0.6) / 0.3, (blows - 1.2) / 1.1], 2)
    x = torch.cat([seg, glob.unsqueeze(1).expand(-1, MM_SEGS, -1)], 2)
    return x, y


class PoundingTransformer(nn.Module):
    """A Post-LN transformer encoder (the original layout: LayerNorm after each residual sum) over the cutlet's
    segments (learned positions), two outputs per segment."""

    def __init__(self, d: int = 16, layers: int = 1, heads: int = 2) -> None:
        super().__init__()
        self.embed = nn.Linear(12, d)
        self.pos = nn.Parameter(torch.zeros(1, MM_SEGS, d))
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(x) + self.pos))


def pounding_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of every segment's standardised log thickness ratio and fibre flattening."""
    return _mse(model, batch)


def meat_mallet(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 16) -> dict[str, Any]:
    """The pounding transformer on 2048 cutlets, outputs standardised over them; held out: 2048 other cutlets in
    batches of 1024; AdamW (weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(146103)
    x, y = _mm_cutlets(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PoundingTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": pounding_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. boot-scraper mud shedding from a tread map (SGD with momentum)

BS_H, BS_W = 16, 8
BS_SCRAPES = (1, 2, 4, 8)


def _bs_soles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Muddy boot soles, a 16 x 8 map (about 5 mm cells). Tread: lugs of 1-3 cells with 1-3-cell gaps along and
    across, rows offset (brick) or sheared (chevron), lug height 3-9 mm; mud packed into the grooves (a smooth patchy
    fill 0.3-1 of the lug height) and a thin layer (0-2 mm) on the lugs. The mud: liquidity index -0.2-1.2, clay
    share 0.1-0.6; the scraper: a steel blade or a bristle brush. Undrained strength cu = 170 exp(-4.6 LI) kPa (as
    remembered); adhesion to rubber clay (0.3 + 2 exp(-((LI - 0.3) / 0.4)^2)). Each cell sheds a share per scrape:
    the lug-top layer at a rate from the scraper and cohesion against adhesion; groove mud at a rate falling with
    confinement (the lugs' share of its 3 x 3 neighbourhood) and depth over width, the brush reaching into grooves
    better than the blade; very soft mud smears (sheds less). The remaining fraction after k scrapes is the
    mud-weighted mean of exp(-k rate). 1% scatter. Returns (maps (n, 2, 16, 8): lug height and mud depth, the mud
    and scraper (n, 3): liquidity index, clay share, blade / brush, fractions (n, 4))."""
    yy = torch.arange(BS_H).float().view(1, -1, 1)
    xx = torch.arange(BS_W).float().view(1, 1, -1)
    lug_w = torch.randint(1, 4, (n, 1, 1), generator=gen).float()
    gap_w = torch.randint(1, 4, (n, 1, 1), generator=gen).float()
    lug_l = torch.randint(1, 4, (n, 1, 1), generator=gen).float()
    gap_l = torch.randint(1, 4, (n, 1, 1), generator=gen).float()
    chevron = (torch.rand(n, 1, 1, generator=gen) < 0.5).float()
    phase = torch.rand(n, 1, 1, generator=gen) * 6
    row = torch.floor(yy / (lug_l + gap_l))
    shift = chevron * (yy - BS_H / 2).abs() * 0.7 + (1 - chevron) * (row % 2) * (lug_w + gap_w) / 2
    lug = ((((xx + shift + phase) % (lug_w + gap_w)) < lug_w) & (((yy + phase) % (lug_l + gap_l)) < lug_l)).float()
    height = 3 + 6 * torch.rand(n, 1, 1, generator=gen)
    patch = F.avg_pool2d(torch.rand(n, 1, BS_H + 4, BS_W + 4, generator=gen), 5, 1).squeeze(1)
    fill = (0.3 + 0.7 * torch.rand(n, 1, 1, generator=gen)) * (0.5 + patch)
    top = 2 * torch.rand(n, 1, 1, generator=gen) * (0.5 + patch)
    mud = (1 - lug) * height * fill.clamp_max(1.2) + lug * top
    li = -0.2 + 1.4 * torch.rand(n, 1, 1, generator=gen)
    clay = 0.1 + 0.5 * torch.rand(n, 1, 1, generator=gen)
    brush = (torch.rand(n, 1, 1, generator=gen) < 0.5).float()
    cu = 170 * torch.exp(-4.6 * li)
    adh = clay * (0.3 + 2 * torch.exp(-(((li - 0.3) / 0.4) ** 2)))
    conf = F.avg_pool2d(F.pad(lug.unsqueeze(1), (1, 1, 1, 1), mode="replicate"), 3, 1).squeeze(1)
    aspect = height / (gap_w + 0.5 * gap_l) / 5
    smear = 1 / (1 + torch.exp(-(li - 0.9) / 0.1))
    cohesive = torch.sigmoid(torch.log(cu / 8) - adh)
    top_rate = (1.2 - 0.5 * brush) * (0.3 + cohesive) * (1 - 0.6 * smear)
    groove_rate = (0.25 + 0.5 * brush) * (1 - 0.8 * conf) / (1 + aspect) * (0.2 + cohesive) / (1 + adh)
    groove_rate = groove_rate * (1 - 0.5 * smear)
    rate = lug * top_rate + (1 - lug) * groove_rate
    w = mud / mud.sum((1, 2), keepdim=True)
    y = torch.stack([(w * torch.exp(-k * rate)).sum((1, 2)) for k in BS_SCRAPES], 1)
    y = y + 0.01 * torch.randn(n, len(BS_SCRAPES), generator=gen)
    maps = torch.stack([lug * (height - 6) / 1.7, (mud - 2.5) / 2], 1)
    soil = torch.cat([(li - 0.5) / 0.4, (clay - 0.35) / 0.14, 2 * brush - 1], 1).view(n, 3)
    return maps, soil, y


class TreadCNN(nn.Module):
    """Two 3 x 3 convolutions with GroupNorm (3 groups) and ReLU (the second strided) over the tread and mud maps,
    global average pooling, the mud's and scraper's three numbers concatenated, a two-layer head to the four
    remaining fractions."""

    def __init__(self, c: int = 12) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(2, c, 3, padding=1), nn.GroupNorm(3, c), nn.ReLU(),
            nn.Conv2d(c, c, 3, stride=2, padding=1), nn.GroupNorm(3, c), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(c + 3, 32), nn.ReLU(), nn.Linear(32, len(BS_SCRAPES)))

    def forward(self, maps: torch.Tensor, soil: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(maps), soil], 1))


def shedding_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised fractions of mud left after 1, 2, 4 and 8 scrapes."""
    maps, soil, y = batch
    return F.mse_loss(model(maps, soil), y)


def boot_scraper(batch_size: int = 32, seed: int = 0, train_size: int = 2048, c: int = 12) -> dict[str, Any]:
    """The tread CNN on 2048 soles, fractions standardised over them; held out: 2048 other soles in batches of 1024;
    SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(146104)
    maps, soil, y = _bs_soles(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (maps[:train_size], soil[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TreadCNN(c), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((maps[train_size:], soil[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": shedding_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. cooling-rack crust moisture, a grey-box crumb-crust model (Adam; long only)

CR_TIMES = (5.0, 10.0, 20.0, 40.0, 60.0, 90.0)  # minutes
CR_NODES = 16


def _cr_loaves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Loaves cooling after the oven: height 4-12 cm, crumb moisture 40-46%, crust 8-16% (wet basis, %), the support
    (a wire rack 1-3 cm high with 0.5-2 cm wire spacing, a wooden board, or left in the tin), room humidity 30-80%,
    temperature 18-28 C, air speed 0-2 m/s. A 1-D explicit finite-difference diffusion of moisture through the
    height (16 nodes, the outer ones crust with a tenth of the crumb's diffusivity), the diffusivity Arrhenius in a
    loaf temperature cooling from 95 C (Newton, the time constant growing with the height), mass transfer at the top
    rising with the air speed, at the bottom scaled by the support's ventilation (rack: rising with its height and
    wire spacing; board 0.15; tin 0.05 and 0.3 of the side), both towards an equilibrium moisture from the room's
    humidity (a GAB-like curve, invented). Outputs: the top and bottom crust (outer node) moisture at 5, 10, 20, 40,
    60 and 90 min (the tin's bottom crust starting 30% wetter), 0.2-point scatter. Returns (features (n, 9), the
    starting crust moisture (n,), outputs (n, 12): top and bottom at each time)."""
    hgt = 4 + 8 * torch.rand(n, generator=gen)
    crumb = 40 + 6 * torch.rand(n, generator=gen)
    crust = 8 + 8 * torch.rand(n, generator=gen)
    sup = torch.randint(0, 3, (n,), generator=gen)  # rack, board, tin
    rack_h = 1 + 2 * torch.rand(n, generator=gen)
    spacing = 0.5 + 1.5 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, generator=gen)
    temp = 18 + 10 * torch.rand(n, generator=gen)
    air = 2 * torch.rand(n, generator=gen)
    rack = (sup == 0).float()
    vent = rack * (0.4 + 0.3 * (rack_h - 1) / 2) * (0.6 + 0.4 * (spacing - 0.5) / 1.5) + (sup == 1).float() * 0.15 \
        + (sup == 2).float() * 0.05
    m_eq = 6 + 14 * rh**2 / (1 - 0.6 * rh) * (1 - 0.01 * (temp - 23))
    k_top = 0.008 * (1 + 1.5 * air.sqrt())
    k_bot = 0.008 * (1 + 0.8 * air.sqrt()) * vent
    m = crumb.view(-1, 1).repeat(1, CR_NODES)
    m[:, 0] = crust
    m[:, -1] = crust * (1 + 0.3 * (sup == 2).float())
    dz = (hgt / (CR_NODES - 1)).view(-1, 1)
    dmult = torch.ones(1, CR_NODES)
    dmult[0, 0] = dmult[0, -1] = 0.1
    tau = 25 * (hgt / 8) ** 1.5 * (1 + 0.5 * (sup == 2).float()) / (1 + 0.3 * air)
    out = []
    t_now, dt = 0.0, 0.05  # minutes
    marks = list(CR_TIMES)
    while marks:
        loaf_t = temp + (95 - temp) * torch.exp(-torch.tensor(t_now) / tau)
        diff = 0.05 * torch.exp(-2500 * (1 / (loaf_t + 273.15) - 1 / 368.15))  # cm2/min at the crumb
        dd = diff.view(-1, 1) * dmult
        dface = 2 * dd[:, 1:] * dd[:, :-1] / (dd[:, 1:] + dd[:, :-1])
        flux = dface * (m[:, 1:] - m[:, :-1]) / dz
        dm = torch.zeros_like(m)
        dm[:, :-1] += flux / dz
        dm[:, 1:] -= flux / dz
        evap_scale = torch.exp(0.03 * (loaf_t - 60))
        dm[:, 0] -= k_top * evap_scale * (m[:, 0] - m_eq) / (0.5 * dz.squeeze(1)).clamp_min(0.2)
        dm[:, -1] -= k_bot * evap_scale * (m[:, -1] - m_eq) / (0.5 * dz.squeeze(1)).clamp_min(0.2)
        m = m + dt * dm
        t_now += dt
        if t_now >= marks[0] - 1e-9:
            out.append(torch.stack([m[:, 0], m[:, -1]], 1))
            marks.pop(0)
    y = torch.stack(out, 1).reshape(n, -1)  # (top, bottom) at each time: columns t0 top, t0 bottom, ...
    y = y + 0.2 * torch.randn(y.shape, generator=gen)
    x = torch.stack([(hgt - 8) / 2.3, (crumb - 43) / 1.7, (crust - 12) / 2.3, rack * (rack_h - 2) / 0.58,
                     rack * (spacing - 1.25) / 0.43, (sup == 1).float() - (sup == 2).float(), (rh - 0.55) / 0.14,
                     (temp - 23) / 2.9, (air - 1) / 0.58], 1)
    return x, crust, y


class CrustGreyBox(nn.Module):
    """A grey box: an MLP gives, for the top and the bottom crust, the equilibrium moisture m_eq, two rates k1, k2
    (per minute) and the first mode's amplitude B1 of a two-compartment (crumb-crust) linear model's solution, whose
    crust moisture is m_eq + B1 e^{-k1 t} + (s0 - m_eq - B1) e^{-k2 t} from the measured starting crust s0; outputs
    at the six times, standardised like the targets."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 8))
        self.register_buffer("times", torch.tensor(CR_TIMES))

    def forward(self, x: torch.Tensor, init: torch.Tensor) -> torch.Tensor:
        p = self.net(x).view(-1, 2, 4)  # (n, side, [m_eq, k1, k2, B1])
        meq, b1 = 12 + 4 * p[:, :, 0:1], 8 * p[:, :, 3:4]
        decay = torch.exp(-(0.05 * F.softplus(p[:, :, 1:3]) + 1e-4).unsqueeze(3) * self.times)  # (n, side, 2, T)
        s = meq + b1 * decay[:, :, 0] + (init.view(-1, 1, 1) - meq - b1) * decay[:, :, 1]  # (n, side, time)
        return (s.transpose(1, 2).reshape(len(x), -1) - self.mean) / self.sd

    mean: torch.Tensor
    sd: torch.Tensor


def crust_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised top and bottom crust moistures at the six times."""
    x, init, y = batch
    return F.mse_loss(model(x, init), y)


def cooling_rack(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The grey-box crust model on 4096 loaves, moistures standardised over them (the model's outputs by the same
    mean and sd); held out: 2048 other loaves in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(146105)
    x, init, y = _cr_loaves(train_size + 2048, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (x[:train_size], init[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = CrustGreyBox(hidden)
    model.register_buffer("mean", mean)
    model.register_buffer("sd", sd)
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], init[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": crust_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. oil-mister spray cone read from a patternator (Adamax; long only)

OM_BINS = 32


def _om_sprays(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One-second sprays of a pump oil mister onto a trough patternator 15 cm below (32 troughs of 0.5 cm across the
    spray, each catching the whole length of its strip). Pump pressure 0.3-4 bar (log-uniform: the mister's charge
    runs down), oil kinematic viscosity 30-100 cSt (log-uniform: oil and temperature), a 0.4-mm orifice, a swirl
    factor 0.9-1.1, the nozzle's tilt -12-12 degrees (a partly clogged orifice). Cone half-angle: tan theta = 0.12 +
    0.45 swirl (1 - exp(-P / 1.2)) (nu / 60)^-0.3; the sheet breaks into a hollow cone as B = P / sqrt(nu / 60)
    passes 0.8 (a sigmoid), below that a narrow stream; flow Q = Cd A sqrt(2 P / rho), Cd = 0.35 / (1 + 0.4 (nu /
    60)^0.5). The plane's mass density: a ring at r0 = H tan theta with width 0.15 r0 + 0.3 cm plus a central core,
    centred at H tan(tilt); each trough integrates its strip. 5% catch scatter and a 0.02-mg floor. Returns (catches
    (n, 1, 32) as log1p(mg / 0.05), targets (n, 4): log pressure, log viscosity, tilt, log flow)."""
    p = 0.3 * (4 / 0.3) ** torch.rand(n, generator=gen)
    nu = 30 * (100 / 30) ** torch.rand(n, generator=gen)
    d = 0.4
    swirl = 0.9 + 0.2 * torch.rand(n, generator=gen)
    tilt = -12 + 24 * torch.rand(n, generator=gen)
    h = 15.0
    tan_t = 0.12 + 0.45 * swirl * (1 - torch.exp(-p / 1.2)) * (nu / 60) ** -0.3
    hollow = torch.sigmoid((p / (nu / 60).sqrt() - 0.8) / 0.25)
    cd = 0.35 / (1 + 0.4 * (nu / 60).sqrt())
    q = cd * math.pi * (d / 2000) ** 2 * (2 * p * 1e5 / 915).sqrt() * 915 * 1e6  # mg/s
    r0 = (h * tan_t).view(-1, 1, 1)
    wid = 0.15 * r0 + 0.3
    cx = (h * torch.tan(torch.deg2rad(tilt))).view(-1, 1, 1)
    xs = (torch.arange(OM_BINS).float() - (OM_BINS - 1) / 2).view(1, -1, 1) * 0.5
    ys = torch.linspace(-12, 12, 49).view(1, 1, -1)
    rr = ((xs - cx) ** 2 + ys**2).sqrt()
    hol = hollow.view(-1, 1, 1)
    core = 0.25 * r0 + 0.3
    dens = hol * torch.exp(-0.5 * ((rr - r0) / wid) ** 2) / r0 + (1 - hol) * torch.exp(-0.5 * (rr / core) ** 2) / core
    strip = dens.sum(2)
    strip = strip / strip.sum(1, keepdim=True) * q.view(-1, 1) * 0.9
    catch = strip * torch.exp(0.05 * torch.randn(n, OM_BINS, generator=gen))
    catch = catch + 0.02 * torch.rand(n, OM_BINS, generator=gen)
    y = torch.stack([torch.log(p), torch.log(nu), tilt / 7, torch.log(q)], 1)
    return torch.log1p(catch / 0.05).unsqueeze(1), y


class PatternatorCNN(nn.Module):
    """A 1-D CNN over the 32 troughs (a strided 5-wide convolution with GELU) and a small MLP head."""

    def __init__(self, c: int = 8) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(1, c, 5, stride=2, padding=2), nn.GELU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(c * OM_BINS // 2, 32), nn.GELU(), nn.Linear(32, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def spray_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log pressure, log viscosity, tilt and log flow."""
    return _mse(model, batch)


def oil_mister(batch_size: int = 32, seed: int = 0, train_size: int = 8192, c: int = 8) -> dict[str, Any]:
    """The patternator CNN on 8192 sprays, targets standardised over them; held out: 2048 other sprays in batches
    of 1024; Adamax."""
    gen = torch.Generator().manual_seed(146106)
    x, y = _om_sprays(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PatternatorCNN(c), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": spray_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pasta_sheeting_rmsprop", pasta_sheeting, 300, "pasta_machine_sheet_gauge_trace_runout_relaxation_cnn1d",
      "rmsprop", "finite", 128, seconds=0.3, start_lr=0.016),
    W("jar_opener_nadam", jar_opener, 300, "jar_opener_grip_capstan_lid_torque_embedding_resnet_ln", "nadam",
      "finite", 32, seconds=0.5, start_lr=0.016),
    W("meat_mallet_adamw", meat_mallet, 300, "meat_mallet_cutlet_pounding_fibre_flattening_postln_transformer",
      "adamw_wd1e-2", "finite", 32, seconds=0.6, start_lr=0.032),
    W("boot_scraper_momentum", boot_scraper, 300, "boot_scraper_tread_mud_shedding_cnn2d_gn", "sgd_momentum0.9",
      "finite", 64, seconds=0.7, start_lr=0.4),
)
LONG = (
    W("cooling_rack_adam@long", cooling_rack, 3000, "cooling_rack_loaf_crust_moisture_two_compartment_greybox",
      "adam", "finite", 32, seconds=3.5, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("oil_mister_adamax@long", oil_mister, 3000, "oil_mister_patternator_spray_cone_cnn1d", "adamax", "finite", 32,
      seconds=2.8, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("pasta_sheeting_rmsprop@long", pasta_sheeting, 3000, "pasta_machine_sheet_gauge_trace_runout_relaxation_cnn1d",
      "rmsprop", "finite", 64, dict(train_size=8192, hidden=16), seconds=2.5, start_lr=0.008,
      grid_fractions=(0.0, 0.05),
      long_of="pasta_sheeting_rmsprop"),
    W("jar_opener_nadam@long", jar_opener, 3000, "jar_opener_grip_capstan_lid_torque_embedding_resnet_ln", "nadam",
      "finite", 32, dict(train_size=8192, width=24, blocks=1), seconds=3.1, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="jar_opener_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam146_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-sixth exam's workloads")
