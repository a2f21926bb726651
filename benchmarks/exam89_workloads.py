"""The eighty-ninth exam: six more workload families that neither the suite nor exams 1-88 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam88_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from macrame and cord tension,
batik and wax resist, bookbinding and spine flex, music boxes and comb tuning, water rockets and thrust, and lobster
traps and catch rates (exam 90 was built at the same time from other domains; its module was not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam89/README.md``. The models
are named from memory of the papers and practice they follow; the references are from memory too.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- macrame plant hangers, leg tension shares: an MLP from a hanger's geometry (3-6 legs, their angles round the pot
  and their measured length errors, pot radius, leg length, cord material and diameter, the share of each leg
  knotted into square-knot sennits, the load and its offset) to each leg's share of the load; the shares from the
  elastic statics of a pot hung on elastic legs (a 3 x 3 solve for the drop and two tilts, slack legs dropped and
  the solve repeated once); 6% scatter (load cell, knots settling); masked MSE of the shares; Adam (torch's
  defaults)
- batik wax resist, dye uptake maps: a slim U-Net (after Ronneberger et al. 2015: two levels, one convolution a
  level) from the wax mask, the crackle lines, the wax temperature and the dyeing time to the dye density of a
  16 x 16 patch of cloth; the uptake from first-order dye kinetics, an imperfect resist under wax, dye through the
  crackle, capillary wicking (a few explicit diffusion steps whose rate rises as cooler wax penetrates the cloth
  less) and colorimeter and weave noise (0.08); MSE; AdamW with weight decay 1e-2
- bookbinding, page lift along an opened book: a SiLU MLP from the binding (EVA or PUR perfect binding,
  section-sewn, lay-flat), paper weight, grain direction, page count, page width, spine-lining and temperature to
  the lift angle of the page at 12 positions through the book; the angles from a hinge-spring equilibrium
  K (phi_r - phi) = tau cos(phi) solved by bisection, the hinge stiffness and rest angle from the binding,
  paper and position; noise 0.03 rad (angles read off photographs); MSE in radians; NAdam (torch's defaults)
- music-box comb tuning: a 1-D CNN over the 18 teeth of a cylinder-movement comb, from each tooth's measured
  length (caliper, 0.1 mm) and thickness (micrometer, 0.01 mm) as logs, its root grinding and lead tip mass to its
  pitch in semitones from A4 (the Euler-Bernoulli cantilever with a tip mass, Rayleigh's effective mass, a small
  pull from neighbouring teeth through the shared base; tuner noise of 2 cents); MSE of the standardised pitch;
  SGD with Nesterov momentum 0.9
- water rockets (a long plan only): an MLP from the bottle volume, water fill, gauge pressure, nozzle diameter, dry
  mass and drag coefficient to the log burn time, log burnout speed and log apogee of a vertical flight; the
  flights integrated in the factory (adiabatic expansion of the air, thrust 2 (P - Pa) A from Bernoulli, quadratic
  drag, a coast to apogee); launch-to-launch scatter (1% on the burn and speed, 2% on the apogee); MSE of the
  standardised logs; Adamax (torch's defaults)
- lobster trap catch rates (a long plan only): a grey-box catch model, Munro's (1974) asymptotic soak-time curve
  traps x C_inf (1 - exp(-k t)) with its asymptotes (legal, sublegal) and rate k from an MLP with an area embedding
  (from depth, bottom temperature, bait, month, trap spacing, escape vents and area), for the legal and sublegal
  lobsters per trawl haul (20-60 traps); counts from Munro's model with temperature-dependent catchability, a moult
  dip, gear competition and vent escapement, Poisson scatter; mean Poisson deviance; RMSprop (torch's alpha 0.99)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the water rocket and
the lobster catch net (no short plans), the macrame net on 8192 hangers instead of 1024 and the bookbinding net on
4096 books instead of 512.

Of the eight plans, two use Adam (both macrame plans), one AdamW (batik), two NAdam (both bookbinding plans), one SGD
with Nesterov momentum (music box), one Adamax (water rocket) and one RMSprop (lobster traps).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam89_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam89/README.md).

    python benchmarks/exam89_workloads.py          # the table
    python benchmarks/exam89_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 89"


# --------------------------------------------------------------------------------------------------------------
# 1. macrame plant hangers: each leg's share of the load (Adam)

MH_LEGS = 6


def _mh_hangers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Plant hangers: 3-6 legs from the gathering knot to the pot's rim, spaced round it with a tying scatter of
    0.12 rad; pot radius 6-15 cm, leg length 0.5-1.0 m, cord of cotton, jute or polyester 3-6 mm (effective
    modulus times d^2, knotted sennits half as stiff per metre as plain cord, knotted share 0-0.6), pot and plant
    1-8 kg, its centre of mass up to 0.3 radii off the axis, each leg too long by 0-50% of the nominal drop (a
    tying error, measured to 2% of the drop). Elastic statics: leg k stretches
    c (drop + r (tx cos phi + ty sin phi)) - dL_k (c the cosine of its angle to the vertical) with stiffness s_k;
    three balances (force and two moments) fix the drop and tilts; slack legs carry nothing; 6% multiplicative
    scatter on the shares. Returns (inputs (n, 34), shares T_k / (W / legs) (n, 6), mask of present legs)."""
    legs = torch.randint(3, MH_LEGS + 1, (n,), generator=gen)
    k = torch.arange(MH_LEGS).float().view(1, -1)
    mask = (k < legs.view(-1, 1)).float()
    phi = 2 * math.pi * k / legs.view(-1, 1).float() + 0.12 * torch.randn(n, MH_LEGS, generator=gen)
    r = 0.06 + 0.09 * torch.rand(n, generator=gen)
    length = 0.5 + 0.5 * torch.rand(n, generator=gen)
    mat = torch.randint(0, 3, (n,), generator=gen)
    d = 0.003 + 0.003 * torch.rand(n, generator=gen)
    knotted = 0.6 * torch.rand(n, generator=gen)
    mass = 1 + 7 * torch.rand(n, generator=gen)
    off = 0.3 * torch.rand(n, generator=gen).sqrt()
    ang = 2 * math.pi * torch.rand(n, generator=gen)
    e_mod = torch.tensor([1.5e8, 4e8, 2.5e8])[mat]
    ea = e_mod * d**2
    s = (ea / (length * (1 - knotted + knotted / 0.5))).view(-1, 1) * mask  # (n, 6)
    c = (1 - (r / length) ** 2).sqrt().view(-1, 1)
    drop = (9.81 * mass).view(-1, 1) / (s.sum(1, keepdim=True) * c**2)  # the nominal drop
    dl = 0.5 * drop * torch.rand(n, MH_LEGS, generator=gen) * mask
    g = torch.stack([c.expand(-1, MH_LEGS), c * r.view(-1, 1) * torch.cos(phi), c * r.view(-1, 1) * torch.sin(phi)],
                    2)  # (n, 6, 3)
    w = 9.81 * mass
    ex, ey = off * r * torch.cos(ang), off * r * torch.sin(ang)
    active = mask
    for _ in range(2):
        sa = s * active
        m = torch.einsum("nk,nki,nkj->nij", sa, g, g)
        m = m + 1e-6 * m.diagonal(dim1=1, dim2=2).sum(1).view(-1, 1, 1) * torch.eye(3)
        b = w.view(-1, 1) * torch.stack([torch.ones(n), ex, ey], 1) + torch.einsum("nk,nki->ni", sa * dl, g)
        u = torch.linalg.solve(m, b.unsqueeze(2)).squeeze(2)
        ext = torch.einsum("nki,ni->nk", g, u) - dl
        active = mask * (ext > 0).float()
    t = (s * ext).clamp_min(0) * active
    share = t / (w / legs.float()).view(-1, 1)
    share = share * (1 + 0.06 * torch.randn(share.shape, generator=gen)) * mask
    dl_seen = dl / drop + 0.02 * torch.randn(dl.shape, generator=gen)
    x = torch.cat([mask, torch.cos(phi) * mask, torch.sin(phi) * mask, dl_seen * mask / 0.15 - mask,
                   torch.stack([(r - 0.105) / 0.026, (length - 0.75) / 0.144, (d - 0.0045) / 0.00087,
                                (knotted - 0.3) / 0.17, (mass - 4.5) / 2.0, off * torch.cos(ang) / 0.2,
                                off * torch.sin(ang) / 0.2], 1),
                   F.one_hot(mat, 3).float()], 1)
    return x, share, mask


class HangerShareNet(nn.Module):
    """A ReLU MLP (two hidden layers) from the 34 hanger features to the six legs' load shares."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(34, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, MH_LEGS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def share_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the present legs' shares."""
    x, y, m = batch
    return ((model(x) - y) ** 2 * m).sum() / m.sum()


def macrame_hanger(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The hanger net on ``train_size`` hangers; held out: 2048 other hangers in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(89102)
    x, y, m = _mh_hangers(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size], m[:train_size])
    torch.manual_seed(seed)
    return {"model": HangerShareNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:], m[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": share_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. batik wax resist: dye uptake maps with a small U-Net (AdamW)

BK_SIZE = 16


def _bk_line(n: int, gen: torch.Generator, width: torch.Tensor) -> torch.Tensor:
    """Straight strokes across the patch (a canting line): distance from a random line below ``width``."""
    c = torch.arange(BK_SIZE).float()
    yy, xx = torch.meshgrid(c, c, indexing="ij")
    th = math.pi * torch.rand(n, 1, 1, generator=gen)
    p = BK_SIZE * torch.rand(n, 2, 1, 1, generator=gen)
    dist = ((xx - p[:, 0]) * torch.sin(th) - (yy - p[:, 1]) * torch.cos(th)).abs()
    return (dist < width.view(-1, 1, 1)).float()


def _bk_cloths(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Waxed cotton patches: 2-3 canting strokes (1-3 px wide) and up to 3 cap-stamp dots (radius 1.5-3.5 px); the
    crackle (1-px cracks through the wax, 0-3 of them, visible before dyeing); wax temperature 60-90 C; dyeing time
    5-40 min. Dye density: 1 - exp(-k t) (k 0.05 / min) on bare cloth, 4% of it under wax, 60% in the cracks; then
    wicking under the wax edges: 6 explicit diffusion steps with a rate 0.04-0.24 that falls with the wax
    temperature (hot wax soaks through the cloth) and rises with time; noise 0.08. Returns (inputs (n, 4, 16, 16):
    wax, crackle, temperature and time planes; dye density (n, 1, 16, 16))."""
    wax = torch.zeros(n, BK_SIZE, BK_SIZE)
    for i in range(3):
        on = (torch.rand(n, 1, 1, generator=gen) < (1.0 if i < 2 else 0.5)).float()
        wax = torch.maximum(wax, on * _bk_line(n, gen, 0.5 + torch.rand(n, generator=gen)))
    c = torch.arange(BK_SIZE).float()
    yy, xx = torch.meshgrid(c, c, indexing="ij")
    for _ in range(3):
        on = (torch.rand(n, 1, 1, generator=gen) < 0.5).float()
        p = BK_SIZE * torch.rand(n, 2, 1, 1, generator=gen)
        rad = 1.5 + 2 * torch.rand(n, 1, 1, generator=gen)
        wax = torch.maximum(wax, on * (((xx - p[:, 0]) ** 2 + (yy - p[:, 1]) ** 2) < rad**2).float())
    crack = torch.zeros(n, BK_SIZE, BK_SIZE)
    ncr = torch.randint(0, 4, (n, 1, 1), generator=gen)
    for i in range(3):
        crack = torch.maximum(crack, (ncr > i).float() * _bk_line(n, gen, torch.full((n,), 0.5)))
    crack = crack * wax
    temp = 60 + 30 * torch.rand(n, generator=gen)
    time = 5 + 35 * torch.rand(n, generator=gen)
    base = 1 - torch.exp(-0.05 * time)
    resist = 1 - wax * (1 - 0.04) + crack * (0.6 - 0.04)
    dye = (base.view(-1, 1, 1) * resist).unsqueeze(1)
    rate = (0.04 + 0.18 * (90 - temp) / 30 * (0.5 + time / 40)).clamp(0.04, 0.24).view(-1, 1, 1, 1)
    lap = torch.tensor([[0.0, 1, 0], [1, -4, 1], [0, 1, 0]]).view(1, 1, 3, 3)
    for _ in range(6):
        dye = dye + rate * F.conv2d(F.pad(dye, (1, 1, 1, 1), mode="replicate"), lap)
    dye = dye + 0.08 * torch.randn(dye.shape, generator=gen)
    planes = torch.stack([wax, crack, ((temp - 75) / 8.7).view(-1, 1, 1).expand(-1, BK_SIZE, BK_SIZE),
                          ((time - 22.5) / 10.1).view(-1, 1, 1).expand(-1, BK_SIZE, BK_SIZE)], 1)
    return planes, dye


class BatikUNet(nn.Module):
    """A slim two-level U-Net: a 3x3 ReLU convolution at 16 x 16 (width c), max pooling, one at 8 x 8 (2c),
    nearest upsampling, a skip concatenation, one at 16 x 16 and a 1x1 convolution to the dye density."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()

        def block(i: int, o: int) -> nn.Module:
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.ReLU())

        self.down = block(4, width)
        self.mid = block(width, 2 * width)
        self.up = block(3 * width, width)
        self.out = nn.Conv2d(width, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = self.down(x)
        b = self.mid(F.max_pool2d(a, 2))
        return self.out(self.up(torch.cat([a, F.interpolate(b, scale_factor=2.0)], 1)))


def dye_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the dye density map."""
    x, y = batch
    return F.mse_loss(model(x), y)


def batik_resist(batch_size: int = 16, seed: int = 0, train_size: int = 1024, width: int = 12) -> dict[str, Any]:
    """The batik U-Net (width 12 in the registry) on 1024 waxed-and-dyed patches; held out: 512 other patches in
    batches of 256; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(89202)
    x, y = _bk_cloths(train_size + 512, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BatikUNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": dye_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. bookbinding: the page lift angle along an opened book (NAdam)

BB_POS = 12


def _bb_books(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Books lying open on a table: binding (EVA perfect, PUR perfect, section-sewn, lay-flat / Otabind), paper
    60-150 gsm, grain parallel or across the spine, 100-600 pages, page width 12-20 cm, spine lining (none, mull,
    mull and kraft), temperature 10-30 C. At 12 positions through the book the hinge is a torsion spring with rest
    angle phi_r (binding spring-back, larger towards the covers and for thick books) and stiffness K (binding,
    paper stiffness ~ gsm^1.5, x2.2 across the grain, lining, EVA stiffening in the cold, the spine's arch); the page
    weight gives tau cos(phi) (gsm x page area x g x half the width); the lift angle phi solves
    K (phi_r - phi) = tau cos(phi) (bisection), floored at 0, phi_r capped at 1.45 rad; noise 0.03 rad. Returns
    (inputs (n, 12), lift angles (n, 12) in radians)."""
    bind = torch.randint(0, 4, (n,), generator=gen)
    gsm = 60 + 90 * torch.rand(n, generator=gen)
    across = (torch.rand(n, generator=gen) < 0.3).float()
    pages = 100 + 500 * torch.rand(n, generator=gen)
    width = 0.12 + 0.08 * torch.rand(n, generator=gen)
    lining = torch.randint(0, 3, (n,), generator=gen)
    temp = 10 + 20 * torch.rand(n, generator=gen)
    p = torch.linspace(0.04, 0.96, BB_POS).view(1, -1)
    thick = (pages * gsm / 90 / 400).view(-1, 1)
    phi_r = (torch.tensor([1.1, 0.8, 0.65, 0.3])[bind].view(-1, 1) * (1 + 0.9 * (p - 0.5).abs() * thick)
             * (1 + 0.15 * lining.view(-1, 1))).clamp_max(1.45)
    cold = torch.exp(0.05 * F.relu(20 - temp) * (bind == 0).float()).view(-1, 1)
    k = (torch.tensor([9e-3, 5e-3, 4e-3, 1.5e-3])[bind].view(-1, 1) * (gsm.view(-1, 1) / 90) ** 1.5
         * (1 + 1.2 * across.view(-1, 1)) * (1 + 0.3 * lining.view(-1, 1)) * cold * (1 + 2.5 * (p - 0.5) ** 2 * thick))
    tau = (gsm * 1e-3 * width * 0.24 * 9.81 * width / 2).view(-1, 1).expand(-1, BB_POS)
    lo, hi = torch.zeros(n, BB_POS), phi_r.clone()
    for _ in range(30):
        mid = (lo + hi) / 2
        f = k * (phi_r - mid) - tau * torch.cos(mid)
        lo, hi = torch.where(f > 0, mid, lo), torch.where(f > 0, hi, mid)
    phi = (lo + hi) / 2 + 0.03 * torch.randn(n, BB_POS, generator=gen)
    x = torch.cat([F.one_hot(bind, 4).float(), torch.stack([(gsm - 105) / 26, across, (pages - 350) / 144,
                                                            (width - 0.16) / 0.023, (temp - 20) / 5.8], 1),
                   F.one_hot(lining, 3).float()], 1)
    return x, phi


class PageLiftNet(nn.Module):
    """A SiLU MLP (three hidden layers) from the 12 book features to the lift angle at 12 positions."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, BB_POS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def angle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the lift angles (radians)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def bookbinding_lift(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The page-lift net on ``train_size`` books; held out: 2048 other books in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(89302)
    x, y = _bb_books(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PageLiftNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": angle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. music-box comb tuning: a 1-D CNN over the teeth (SGD with Nesterov momentum)

MB_TEETH = 18


def _mb_combs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """18-note steel combs (E 200 GPa, 7850 kg/m3, teeth 1.1 mm wide): tooth lengths from about 24 mm (bass) to
    9 mm (treble) with 0.4 mm scatter, plate thickness 0.45-0.7 mm with a linear gradient across the comb and 0.02 mm
    per-tooth scatter, root grinding removing 0-40% of the stiffness (the tuner's adjustment), lead tip masses of
    0-80 mg on the lowest 0-6 teeth. f = sqrt(k / m) / 2 pi with k = 3 E I (1 - grind) / L^3 and Rayleigh's
    0.2427 of the tooth's mass plus the lead; 4% of the difference to the neighbouring teeth's pitch pulled through
    the base; tuner noise 2 cents; the inputs are the caliper's length (0.1 mm) and the micrometer's thickness
    (0.01 mm), as logs, not the true ones. Returns (per-tooth channels (n, 5, 18), pitch in semitones from A4
    (n, 1, 18), standardised by the caller)."""
    i = torch.arange(MB_TEETH).float().view(1, -1)
    length = (24 - 15 * (i / 17) ** 0.8) * 1e-3 + 0.4e-3 * torch.randn(n, MB_TEETH, generator=gen)
    t0 = 0.45e-3 + 0.25e-3 * torch.rand(n, 1, generator=gen)
    grad = 0.1e-3 * (2 * torch.rand(n, 1, generator=gen) - 1)
    t = t0 + grad * (i / 17 - 0.5) + 0.02e-3 * torch.randn(n, MB_TEETH, generator=gen)
    grind = 0.4 * torch.rand(n, MB_TEETH, generator=gen)
    nlead = torch.randint(0, 7, (n, 1), generator=gen)
    lead = 80e-6 * torch.rand(n, MB_TEETH, generator=gen) * (i < nlead).float()
    w, e, rho = 1.1e-3, 200e9, 7850.0
    k = 3 * e * (w * t**3 / 12) * (1 - grind) / length**3
    m = 0.2427 * rho * w * t * length + lead
    semi = 12 * torch.log2(torch.sqrt(k / m) / (2 * math.pi) / 440)
    nb = F.pad(semi.unsqueeze(1), (1, 1), mode="replicate").squeeze(1)
    semi = semi + 0.04 * ((nb[:, :-2] + nb[:, 2:]) / 2 - semi) + 0.02 * torch.randn(n, MB_TEETH, generator=gen)
    length = length + 0.1e-3 * torch.randn(n, MB_TEETH, generator=gen)  # caliper
    t = t + 0.01e-3 * torch.randn(n, MB_TEETH, generator=gen)  # micrometer
    x = torch.stack([(torch.log(length) + 4.17) / 0.3, (torch.log(t) + 7.47) / 0.14,
                     (torch.log(1 - grind) + 0.24) / 0.15, lead / 30e-6,
                     (i / 17 - 0.5).expand(n, -1) * 3.4], 1)
    return x, semi.unsqueeze(1)


class CombCNN(nn.Module):
    """A 1-D CNN along the comb: two 3-wide ReLU convolutions (channels c) and a 1x1 convolution to the pitch."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(5, width, 3, padding=1), nn.ReLU(), nn.Conv1d(width, width, 3, padding=1),
                                 nn.ReLU(), nn.Conv1d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pitch_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised pitch."""
    x, y = batch
    return F.mse_loss(model(x), y)


def music_box_comb(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32) -> dict[str, Any]:
    """The comb CNN on 1024 measured combs, the pitch standardised over them; held out: 1024 other combs in batches
    of 512; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(89402)
    x, y = _mb_combs(train_size + 1024, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CombCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": pitch_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. water rockets: burn time, burnout speed and apogee (Adamax; long only)


def _wr_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vertical flights of PET-bottle water rockets: bottle 1-2 L (diameter from the volume), water fill 15-55%,
    gauge pressure 3-7 bar, nozzle 9-22 mm, dry mass 80-250 g, drag coefficient 0.3-0.5. Water phase (1 ms
    steps, up to 1.5 s): the air expands adiabatically (gamma 1.4), the exit speed from Bernoulli
    sqrt(2 (P - Pa) / rho), thrust 2 (P - Pa) A, the water mass falling; the short air pulse is neglected; then a
    coast (5 ms steps) with quadratic drag to apogee. Launch-to-launch scatter 1% on the burn and speed, 2% on the
    apogee (wind, fins). Returns (scaled parameters (n, 6), log burn time, log burnout speed, log apogee (n, 3))."""
    vol = 1e-3 * (1 + torch.rand(n, generator=gen))
    fill = 0.15 + 0.4 * torch.rand(n, generator=gen)
    p0 = 3e5 + 4e5 * torch.rand(n, generator=gen)
    dn = 0.009 + 0.013 * torch.rand(n, generator=gen)
    mdry = 0.08 + 0.17 * torch.rand(n, generator=gen)
    cd = 0.3 + 0.2 * torch.rand(n, generator=gen)
    pa, rho_w, rho_a, g = 1.013e5, 1000.0, 1.2, 9.81
    area_n = math.pi * dn**2 / 4
    area_b = math.pi * (0.085 * (vol / 1e-3) ** 0.4) ** 2 / 4
    va0 = vol * (1 - fill)
    mw = rho_w * vol * fill
    h, v, tb = torch.zeros(n), torch.zeros(n), torch.zeros(n)
    dt = 1e-3
    burning = torch.ones(n, dtype=torch.bool)
    for _ in range(1500):
        va = vol - mw / rho_w
        p = (p0 + pa) * (va0 / va) ** 1.4
        dp = (p - pa).clamp_min(0)
        burning = burning & (mw > 0) & (dp > 0)
        b = burning.float()
        ve = (2 * dp / rho_w).sqrt()
        thrust = 2 * dp * area_n * b
        mdot = rho_w * area_n * ve * b
        mass = mdry + mw
        acc = (thrust - 0.5 * rho_a * cd * area_b * v * v.abs()) / mass - g
        v = v + acc * dt * b
        h = h + v * dt * b
        mw = (mw - mdot * dt).clamp_min(0)
        tb = tb + dt * b
    vb = v.clone()
    dt = 5e-3
    for _ in range(1000):
        up = (v > 0).float()
        acc = -0.5 * rho_a * cd * area_b * v * v.abs() / mdry - g
        h = h + v * dt * up
        v = v + acc * dt * up
    y = torch.stack([torch.log(tb) + 0.01 * torch.randn(n, generator=gen),
                     torch.log(vb) + 0.01 * torch.randn(n, generator=gen),
                     torch.log(h) + 0.02 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(vol - 1.5e-3) / 0.29e-3, (fill - 0.35) / 0.115, (p0 - 5e5) / 1.15e5, (dn - 0.0155) / 0.0038,
                     (mdry - 0.165) / 0.049, (cd - 0.4) / 0.058], 1)
    return x, y


class RocketNet(nn.Module):
    """A tanh MLP (two hidden layers) from the six launch parameters to the three standardised logs."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def flight_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log burn time, burnout speed and apogee."""
    x, y = batch
    return F.mse_loss(model(x), y)


def water_rocket(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The rocket net on 4096 simulated launches, targets standardised over them; held out: 2048 other launches in
    batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(89502)
    x, y = _wr_flights(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RocketNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": flight_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. lobster trap catch rates: Munro's soak-time model with a net for its parameters (RMSprop; long only)

LB_AREAS, LB_BAITS = 8, 4


def _lb_hauls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Trawl hauls of lobster traps: 20-60 traps a trawl, soak 1-7 days, depth 5-80 m, bottom temperature 2-18 C,
    bait (herring, mackerel, redfish racks, salted herring), month, trap spacing 10-50 m, escape vents or none, one
    of 8 statistical areas (its own density and depth preference). Per trap: Munro's asymptotic soak model
    C = C_inf (1 - exp(-k t)), k by bait, C_inf from the area's density, a depth optimum, catchability rising with
    temperature (Q10 about 3, saturating), a moult dip in mid-summer for legals, gear competition
    1 - 0.5 exp(-spacing / 15 m); vents let 70% of sublegals escape. Counts per trawl: Poisson.
    Returns (area ids, scaled features (n, 10), soak days, log traps, counts of legal and sublegal lobsters
    (n, 2))."""
    area = torch.randint(0, LB_AREAS, (n,), generator=gen)
    traps = torch.randint(20, 61, (n,), generator=gen).float()
    soak = 1 + 6 * torch.rand(n, generator=gen)
    depth = 5 + 75 * torch.rand(n, generator=gen)
    temp = 2 + 16 * torch.rand(n, generator=gen)
    bait = torch.randint(0, LB_BAITS, (n,), generator=gen)
    month = torch.randint(0, 12, (n,), generator=gen).float()
    spacing = 10 + 40 * torch.rand(n, generator=gen)
    vent = (torch.rand(n, generator=gen) < 0.5).float()
    area_gen = torch.Generator().manual_seed(89611)
    dens = torch.exp(0.5 * torch.randn(LB_AREAS, generator=area_gen))[area]
    d_opt = (15 + 40 * torch.rand(LB_AREAS, generator=area_gen))[area]
    kb = torch.tensor([0.6, 0.45, 0.3, 0.8])[bait]
    cinf = (4.0 * dens * torch.exp(-(((depth - d_opt) / 25) ** 2)) * torch.sigmoid((temp - 8) / 2.5)
            * (1 - 0.5 * torch.exp(-spacing / 15)))
    ang = 2 * math.pi * month / 12
    moult = 1 - 0.35 * torch.exp(2 * (torch.cos(ang - 2 * math.pi * 6.5 / 12) - 1))
    soak_f = 1 - torch.exp(-kb * soak)
    mu_legal = cinf * moult * soak_f
    mu_sub = 1.8 * cinf * soak_f * (1 - 0.7 * vent)
    mu = torch.stack([mu_legal, mu_sub], 1) * traps.view(-1, 1)
    y = torch.poisson(mu, generator=gen)
    feats = torch.cat([torch.stack([(depth - 42.5) / 21.7, (temp - 10) / 4.6, torch.cos(ang), torch.sin(ang),
                                    (spacing - 30) / 11.5, vent * 2 - 1], 1),
                       F.one_hot(bait, LB_BAITS).float()], 1)
    return area, feats, soak, torch.log(traps), y


class MunroCatchNet(nn.Module):
    """A grey-box catch model: Munro's (1974) asymptotic soak-time curve C = traps C_inf (1 - exp(-k t)) with its
    parameters from a net (an area embedding of dimension 4 joined with the haul's other features, a ReLU MLP to
    log C_inf of legals and sublegals and log k); returns the log expected catch."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(LB_AREAS, 4)
        self.net = nn.Sequential(nn.Linear(14, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, area: torch.Tensor, feats: torch.Tensor, soak: torch.Tensor,
                log_traps: torch.Tensor) -> torch.Tensor:
        h = self.net(torch.cat([self.emb(area), feats], 1))
        k = 0.5 * torch.exp(h[:, 2].clamp(max=5))
        return h[:, :2] + torch.log(-torch.expm1(-k * soak)).view(-1, 1) + log_traps.view(-1, 1)


def poisson_deviance(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean Poisson deviance of the two counts, 2 (y log(y / mu) - (y - mu)), mu = exp(the net's log rate)."""
    area, feats, soak, log_traps, y = batch
    log_mu = model(area, feats, soak, log_traps)
    return (2 * (torch.xlogy(y, y) - y * log_mu - y + torch.exp(log_mu))).mean()


def lobster_catch(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The catch net on 8192 trawl hauls; held out: 4096 other hauls in batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(89602)
    data = _lb_hauls(train_size + 4096, gen)
    tr = tuple(t[:train_size] for t in data)
    torch.manual_seed(seed)
    return {"model": MunroCatchNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in data), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": poisson_deviance, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("macrame_hanger_adam", macrame_hanger, 300, "macrame_plant_hanger_leg_tension_mlp", "adam", "finite", 32,
      seconds=0.2, start_lr=0.016),
    W("batik_resist_adamw", batik_resist, 300, "batik_wax_resist_dye_unet", "adamw_wd1e-2", "finite", 16,
      dict(width=12), seconds=1.1, start_lr=0.016),
    W("bookbinding_lift_nadam", bookbinding_lift, 300, "bookbinding_page_lift_hinge_mlp", "nadam", "small_finite",
      32, seconds=0.2, start_lr=0.032),
    W("music_box_comb_nesterov", music_box_comb, 300, "music_box_comb_tooth_pitch_cnn", "sgd_nesterov0.9", "finite",
      64, seconds=0.45, start_lr=0.1),
)
LONG = (
    W("water_rocket_adamax@long", water_rocket, 3000, "water_rocket_burn_apogee_mlp", "adamax", "finite", 32,
      seconds=2.2, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("lobster_catch_rmsprop@long", lobster_catch, 3000, "lobster_trap_munro_soak_catch_net", "rmsprop", "finite", 32,
      seconds=2.4, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("macrame_hanger_adam@long", macrame_hanger, 3000, "macrame_plant_hanger_leg_tension_mlp", "adam", "finite", 32,
      dict(train_size=8192), seconds=1.6, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="macrame_hanger_adam"),
    W("bookbinding_lift_nadam@long", bookbinding_lift, 3000, "bookbinding_page_lift_hinge_mlp", "nadam", "finite",
      32, dict(train_size=4096), seconds=2.8, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="bookbinding_lift_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam89_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-ninth exam's workloads")
