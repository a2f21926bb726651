"""The hundred-and-thirty-ninth exam: six more workload families that neither the suite nor exams 1-138 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam138_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from clothes brushes and nap lift, bread bins and staling, cake tins and
release, gravy boats and drip, jam jars and seal vacuum, and coat hooks and load sag (exam 140 was built at the same
time from other domains; its module was not opened). What was checked to make them new, and what was tried and
dropped, is in ``benchmarks/results/exam139/README.md``. Models, laws and optimiser settings are written from memory
(no source was looked up); where a law is named, its form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- clothes-brush nap lift: a 1-D CNN with GroupNorm over a coat's crushed pile-height profile (32 points along a
  strip), with the fabric (wool melton, velvet, corduroy, cashmere; one-hot), the bristle (horsehair, boar, nylon),
  the brushing pressure, the stroke count, the direction (with / against the nap) and steaming as channels, to the
  pile-height profile after brushing; per-stroke first-order recovery of the recoverable part of the crush, a set
  part that recovers only with steam, the brush dragging neighbouring fibres (a smoothing along the strip), fibres
  lost against the nap; MSE of the standardised heights; SGD with Nesterov momentum 0.9 (no weight decay; short),
  Adagrad (initial accumulator 0.1; long)
- bread-bin staling: an embedding net of the loaf (8 bread types), the bin (enamel steel, bamboo, ceramic,
  plastic, linen bag), its venting, the wrapping and the kitchen (6 climates) plus the days stored, the loaf's size
  and the cut fraction, to the log crumb firmness, the crumb moisture and the crust moisture; Avrami
  retrogradation of amylopectin (n about 1, the rate rising as the temperature falls), moisture moving crumb to
  crust to the bin's air (its humidity from the bin's venting and material), firmness plasticised by water; MSE of
  the standardised outputs; AdamW (weight decay 1e-2, torch's other defaults; short), Adagrad (initial accumulator
  0.1; long)
- cake-tin release: a one-block Pre-LN transformer over 16 patch tokens of a tin's surface (8 base, 8 wall: grease
  film, flour dusting, parchment, coating wear, the patch's crust sugar and temperature) with the cake (sponge, fruit,
  brownie, cheesecake) and the cooling time before turning out, to the fraction of each patch left stuck; local
  adhesion from sugar caramelised against the metal (less with grease, flour or parchment, more on worn coating),
  the crumb's strength rising as it cools, a patch tearing out when its adhesion beats the crumb plus the pull its
  released neighbours give; MSE; Adam with betas (0.9, 0.98) and eps 1e-9
- gravy-boat drip over a meal: a GRU over 12 pours (the time since served, the tilt, the pour's length, the level
  left) with the gravy (roux, cornflour, jus, cream), the boat (china, steel) and its lip radius, to the log drip
  mass down the outside at each pour; Newton cooling of the gravy (a skin slowing it), Arrhenius viscosity with a
  starch gel rise below its setting temperature, a weir flow over the lip, the drip fraction from the flow speed
  against a critical speed set by the lip radius (the teapot effect), gravy dried on the lip from earlier drips
  wetting it; MSE; RMSprop (torch's defaults)
- jam-jar seal vacuum after water-bath canning (a long plan only): a grey-box net (an MLP gives the cooling time
  constant, the air left after venting, the product's contraction, the seal's leak rate and the lid's flex; a
  physics layer with the ideal gas and Antoine water-vapour pressure turns them into the headspace vacuum at 12
  times over 12 hours, plus a small learned residual) from the jar's volume, the headspace, the processing time,
  the altitude, the product (jam, jelly, marmalade, chutney), the room temperature and the lid (new or reused
  sealing compound); the data from a lumped cooling
  model, steam venting during processing, the product's thermal contraction, the two-piece lid's dome flexing and
  snapping down past a threshold (the "ping"), a reused compound's leak; MSE of the vacuum in units of 10 kPa;
  Adagrad (initial accumulator 0.1)
- coat-hook load sag (a long plan only): an LSTM over a day of load on a wall hook in 12 two-hour steps (coats and
  bags hung and taken off, the room's humidity) with the hook's material (ABS, nylon, zinc die-cast, beech, steel),
  its arm length and the mount (screw in a stud, plasterboard plug, adhesive strip) to the hook tip's sag at each
  step; a Burgers viscoelastic arm (a spring, a Kelvin-Voigt delayed element and a Maxwell dashpot, humidity softening
  nylon and beech) in bending, the mount's rotation compliance and an adhesive strip's slow creep; MSE of the
  standardised log sag; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the jam-jar and
coat-hook nets (no short plans), the clothes-brush CNN on 8192 strips instead of 2048 (one convolution of 16
channels instead of two of 24, batch 16 instead of 128) and the bread-bin net on 8192 loaves instead of 1024 (32
units a layer instead of 48); all four use Adagrad: with the initial accumulator of 0.1 that TensorFlow / Keras
use (jam jar, clothes brush, bread bin) or torch's defaults (coat hook), otherwise torch's defaults (lr_decay 0,
eps 1e-10, no weight decay).

Of the eight plans, four use Adagrad (all long plans), one SGD with Nesterov momentum (clothes brush), one AdamW
(bread bin), one Adam (cake tin) and one RMSprop (gravy boat).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam139_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam139/README.md).

    python benchmarks/exam139_workloads.py          # the table
    python benchmarks/exam139_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, split_batches  # noqa: E402

TITLE = "Exam 139"


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


def adagrad(acc: float = 0.1) -> Any:
    """Adagrad as these fields set it: torch's defaults (lr_decay 0, eps 1e-10, no weight decay) with an initial
    accumulator ``acc`` (0.1, Keras's default, or 0, torch's)."""
    return _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=acc),
                  f"adagrad_acc{acc:g}" if acc else "adagrad")


# --------------------------------------------------------------------------------------------------------------
# 1. clothes-brush nap lift (SGD with Nesterov momentum; Adagrad long)

CB_PTS = 32
CB_FABRICS = 4  # wool melton, velvet, corduroy, cashmere
CB_BRISTLES = 3  # horsehair, boar, nylon


def _cb_strips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Strips of a coat's pile, 32 points along the nap, crushed in patches (a bag strap, sitting): the pile height
    (fraction of the full pile) 1 minus a sum of 1-3 smooth dents (depth 0.2-0.7, width 2-8 points). Of each dent a
    set fraction (rising with its depth, the fabric's set tendency) recovers only with steam. The fabric's
    resilience (wool melton 0.5, velvet 0.35, corduroy 0.6, cashmere 0.4), the bristle's stiffness (horsehair 0.5,
    boar 0.8, nylon 1.0), pressure 0.5-2 (arbitrary), 1-20 strokes, with or against the nap, steamed or not. Each
    stroke lifts r (1 - h) of the recoverable crush, r = 1 - exp(-0.25 resilience stiffness pressure^0.7 (1.6 against
    the nap)), over-pressing flattening it again (a pressure^2 term); the brush drags neighbouring fibres (each
    stroke mixes 15% of a 3-point average); against the nap each stroke loses 0.4% of the pile (fuzz); steam frees
    the set part at 60%. 1.5% scatter. Returns (profiles with channels (n, 1 + 10, 32), heights after (n, 32))."""
    pos = torch.arange(CB_PTS).float().view(1, -1)
    h0 = torch.ones(n, CB_PTS)
    setp = torch.zeros(n, CB_PTS)
    fab = torch.randint(0, CB_FABRICS, (n,), generator=gen)
    resil = torch.tensor([0.5, 0.35, 0.6, 0.4])[fab].view(-1, 1)
    settend = torch.tensor([0.3, 0.55, 0.25, 0.45])[fab].view(-1, 1)
    for _ in range(3):
        on = (torch.rand(n, 1, generator=gen) < 0.75).float()
        c = CB_PTS * torch.rand(n, 1, generator=gen)
        w = 2 + 6 * torch.rand(n, 1, generator=gen)
        d = (0.2 + 0.5 * torch.rand(n, 1, generator=gen)) * on
        dent = d * torch.exp(-0.5 * ((pos - c) / w) ** 2)
        h0 = h0 - dent
        setp = setp + dent * settend * (0.5 + d)
    h0 = h0.clamp(0.15, 1.0)
    setp = torch.minimum(setp, 0.9 * (1 - h0))
    bri = torch.randint(0, CB_BRISTLES, (n,), generator=gen)
    stiff = torch.tensor([0.5, 0.8, 1.0])[bri].view(-1, 1)
    press = 0.5 + 1.5 * torch.rand(n, 1, generator=gen)
    strokes = torch.randint(1, 21, (n,), generator=gen)
    against = (torch.rand(n, 1, generator=gen) < 0.4).float()
    steam = (torch.rand(n, 1, generator=gen) < 0.3).float()
    r = 1 - torch.exp(-0.25 * resil * stiff * press**0.7 * (1 + 0.6 * against))
    flat = 0.02 * (press - 1).clamp_min(0) ** 2 * stiff
    h = h0.clone()
    s = setp * (1 - 0.6 * steam)
    for k in range(20):
        act = (strokes.view(-1, 1) > k).float()
        ceiling = 1 - s
        nh = h + r * (ceiling - h).clamp_min(0) - flat * h
        sm = F.avg_pool1d(F.pad(nh.unsqueeze(1), (1, 1), mode="replicate"), 3, 1).squeeze(1)
        nh = 0.85 * nh + 0.15 * sm
        nh = nh * (1 - 0.004 * against)
        h = act * nh + (1 - act) * h
    y = h * (1 + 0.015 * torch.randn(n, CB_PTS, generator=gen))
    scal = torch.cat([F.one_hot(fab, CB_FABRICS).float(), F.one_hot(bri, CB_BRISTLES).float(),
                      (press - 1.25) / 0.43, (strokes.view(-1, 1).float() - 10.5) / 5.8, 2 * against - 1,
                      2 * steam - 1], 1)
    x = torch.cat([((h0 - 0.7) / 0.2).unsqueeze(1), scal.unsqueeze(2).expand(-1, -1, CB_PTS)], 1)
    return x, y


class NapCNN(nn.Module):
    """A 1-D CNN (``depth`` convolutions of ``width`` channels with GroupNorm and GELU, then a 3-wide output
    convolution) from the crushed profile and the brushing's channels to the brushed profile."""

    def __init__(self, width: int = 24, depth: int = 2) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        c = 1 + 11
        for _ in range(depth):
            layers += [nn.Conv1d(c, width, 5, padding=2), nn.GroupNorm(min(4, width // 4), width), nn.GELU()]
            c = width
        self.net = nn.Sequential(*layers, nn.Conv1d(c, 1, 3, padding=1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def nap_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised brushed pile heights."""
    return _mse(model, batch)


def clothes_brush_nap(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 24, depth: int = 2,
                      optimizer: str = "nesterov", acc: float = 0.1) -> dict[str, Any]:
    """The nap CNN on ``train_size`` strips, heights standardised over them; held out: 2048 other strips in batches
    of 1024; SGD with Nesterov momentum 0.9 (short) or Adagrad (long)."""
    gen = torch.Generator().manual_seed(139101)
    x, y = _cb_strips(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True), "sgd_nesterov0.9")
           if optimizer == "nesterov" else adagrad(acc))
    return {"model": NapCNN(width, depth), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": nap_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. bread-bin staling (AdamW; Adagrad long)

BB_CATS = (8, 5, 3, 4, 6)  # bread type, bin material, venting, wrapping, kitchen


def _bb_loaves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Loaves kept in a bread bin. Bread (white sandwich, sourdough, baguette, rye, wholemeal, brioche, ciabatta,
    gluten-free): starting crumb moisture, crust fraction, fat (slowing staling), the Avrami rate and the firmness
    range; the bin (enamel steel, bamboo, ceramic, plastic, linen bag) and its venting (none, holes, slatted) set the
    bin's air exchange and humidity buffer (bamboo and ceramic buffer it); wrapping (none, paper, plastic, cloth)
    slows the loaf's water loss; the kitchen (cool, mild, warm, humid, dry, heated) its temperature (14-27 C) and
    humidity. Days 0.25-7; the loaf 0.4-1.2 kg; 0-0.8 of it cut (the cut face loses water fast). Avrami
    theta = 1 - exp(-k t^1.1), k = k_bread exp(-0.06 (T - 20)) (retrogradation faster when cooler); crumb water
    goes to the crust (a rate by the crust fraction) and from the crust to the bin's air (a rate by exchange,
    wrapping, cut face and the air's dryness); firmness = F0 + (F_inf - F0) theta, times exp(4 (m0 - m)) (dry crumb
    firmer). 4% scatter on firmness, 0.4 points on the moistures. Returns (categories (n, 5), numbers (n, 3),
    (log firmness, crumb moisture, crust moisture) (n, 3))."""
    cats = torch.stack([torch.randint(0, c, (n,), generator=gen) for c in BB_CATS], 1)
    bread, binm, vent, wrap, kit = cats.unbind(1)
    m0 = torch.tensor([0.40, 0.42, 0.36, 0.44, 0.41, 0.34, 0.45, 0.43])[bread]
    crust = torch.tensor([0.12, 0.22, 0.35, 0.15, 0.14, 0.10, 0.28, 0.16])[bread]
    kb = torch.tensor([0.45, 0.30, 0.70, 0.20, 0.35, 0.18, 0.55, 0.80])[bread]
    f0 = torch.tensor([2.0, 3.5, 2.5, 5.0, 3.0, 1.5, 2.2, 4.0])[bread]
    finf = torch.tensor([9.0, 11.0, 12.0, 13.0, 10.0, 6.0, 10.0, 18.0])[bread]
    exch = torch.tensor([0.25, 0.45, 0.30, 0.20, 0.90])[binm] * torch.tensor([0.5, 1.0, 1.6])[vent]
    buffer = torch.tensor([0.0, 0.35, 0.30, 0.0, 0.10])[binm]
    wrapf = torch.tensor([1.0, 0.7, 0.25, 0.6])[wrap]
    temp_k = torch.tensor([15.0, 19.0, 24.0, 22.0, 21.0, 25.0])[kit] + 2 * torch.rand(n, generator=gen) - 1
    rh_k = torch.tensor([0.60, 0.50, 0.45, 0.75, 0.30, 0.35])[kit]
    days = 0.25 + 6.75 * torch.rand(n, generator=gen)
    mass = 0.4 + 0.8 * torch.rand(n, generator=gen)
    cut = 0.8 * torch.rand(n, generator=gen)
    rh_bin = rh_k + (0.9 - rh_k) * (0.6 - 0.3 * exch.clamp(max=1.5)).clamp_min(0.05) + buffer * (0.62 - rh_k)
    dry = (1 - rh_bin).clamp_min(0.02)
    # moisture by a two-pool exchange in 28 steps over the days
    mc = m0.clone()
    mk = 0.5 * m0
    dt = days / 28
    for _ in range(28):
        to_crust = 0.35 * crust * (mc - mk) / mass**0.3
        to_air = (0.08 * exch * wrapf * dry * (1 + 2.5 * cut) / mass**0.5) * mk
        mc = mc - dt * to_crust * (crust / (1 - crust)) * 0.6
        mk = mk + dt * (to_crust - to_air)
        mk = mk.clamp_min(0.04)
        mc = mc - dt * 0.01 * cut * dry
    k = kb * torch.exp(-0.06 * (temp_k - 20))
    theta = 1 - torch.exp(-k * days**1.1)
    firm = (f0 + (finf - f0) * theta) * torch.exp(4 * (m0 - mc))
    y = torch.stack([torch.log(firm) + 0.04 * torch.randn(n, generator=gen),
                     100 * mc + 0.4 * torch.randn(n, generator=gen),
                     100 * mk + 0.4 * torch.randn(n, generator=gen)], 1)
    num = torch.stack([(days - 3.6) / 1.95, (mass - 0.8) / 0.23, (cut - 0.4) / 0.23], 1)
    return cats, num, y


class StalingNet(nn.Module):
    """Embeddings of the five categories (dimension 4 each) concatenated with the three numbers, then a SiLU MLP
    to the three outputs."""

    def __init__(self, hidden: int = 48, dim: int = 4) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(c, dim) for c in BB_CATS)
        self.net = nn.Sequential(nn.Linear(dim * len(BB_CATS) + 3, hidden), nn.SiLU(), nn.Linear(hidden, hidden),
                                 nn.SiLU(), nn.Linear(hidden, 3))

    def forward(self, cats: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = [emb(cats[:, i]) for i, emb in enumerate(self.emb)]
        return self.net(torch.cat(e + [num], 1))


def staling_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log firmness, crumb and crust moisture."""
    return _mse(model, batch)


def bread_bin_staling(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48,
                      optimizer: str = "adamw", acc: float = 0.1) -> dict[str, Any]:
    """The staling net on ``train_size`` loaves, targets standardised over them; held out: 2048 other loaves in
    batches of 1024; AdamW with weight decay 1e-2 (short) or Adagrad (long)."""
    gen = torch.Generator().manual_seed(139102)
    c, x, y = _bb_loaves(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2")
           if optimizer == "adamw" else adagrad(acc))
    return {"model": StalingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": staling_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cake-tin release (Adam, transformer betas)

CT_PATCHES = 16  # 8 base patches (a ring), 8 wall patches (a ring)
CT_CAKES = 4  # sponge, fruit, brownie, cheesecake


def _ct_turnouts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cakes turned out of a tin. Per patch: grease film 0-1 (patchy), flour dusting 0-1, parchment (base patches,
    a lined base), coating wear 0-1 (scratches), the crust's sugar at the patch 0.1-0.5 (more at the base, where the
    batter pools) and its bake temperature (wall patches hotter). The cake (sponge, fruit, brownie, cheesecake): its
    crumb strength and stickiness; the tin (non-stick or bare aluminium); cooling 2-40 min before turning out.
    Adhesion = 3 stickiness sugar^1.5 exp(0.04 (T - 170)) (1 - 0.85 grease) (1 - 0.6 flour) (0.4 non-stick, more
    with wear) (parchment: 0.05 of it), rising as the sugar sets on cooling (0.5 + 0.5 (1 - exp(-t / 12))); crumb
    strength = base (0.3 + 0.7 (1 - exp(-t / 10))) (too soon, the warm crumb tears). A patch's resistance is that
    strength plus the base strength times 0.3 the mean release of its two ring neighbours and 0.15 the whole ring's
    (a freed cake pulls), plus 0.05 the release of the patch across the base-wall corner; solved by 4 relaxation
    sweeps; stuck fraction = sigmoid((adhesion - resistance) / 0.08), read with 0.03 scatter.
    Returns (tokens (n, 16, 13), stuck fractions (n, 16))."""
    grease = (torch.rand(n, 1, generator=gen) * 0.8 + 0.2 * torch.rand(n, CT_PATCHES, generator=gen)).clamp(0, 1)
    grease = grease * (torch.rand(n, CT_PATCHES, generator=gen) > 0.15).float()
    flour = torch.rand(n, 1, generator=gen) * (torch.rand(n, 1, generator=gen) < 0.5).float()
    flour = flour.expand(-1, CT_PATCHES) * (0.7 + 0.3 * torch.rand(n, CT_PATCHES, generator=gen))
    lined = (torch.rand(n, 1, generator=gen) < 0.3).float()
    base = torch.cat([torch.ones(1, 8), torch.zeros(1, 8)], 1)
    parch = lined * base
    nonstick = (torch.rand(n, 1, generator=gen) < 0.5).float()
    wear = nonstick * torch.rand(n, 1, generator=gen) * (0.5 + torch.rand(n, CT_PATCHES, generator=gen))
    sugar = 0.1 + 0.25 * torch.rand(n, 1, generator=gen) + 0.1 * base + 0.05 * torch.rand(n, CT_PATCHES, generator=gen)
    temp = 160 + 20 * torch.rand(n, 1, generator=gen) + 15 * (1 - base) + 5 * torch.randn(n, CT_PATCHES, generator=gen)
    cake = torch.randint(0, CT_CAKES, (n,), generator=gen)
    sticky = torch.tensor([0.8, 1.3, 1.8, 1.1])[cake].view(-1, 1)
    strength = torch.tensor([0.25, 0.40, 0.30, 0.20])[cake].view(-1, 1)
    cool = 2 + 38 * torch.rand(n, 1, generator=gen)
    metal = nonstick * (0.4 + 0.6 * wear.clamp(0, 1)) + (1 - nonstick)
    adh = sticky * sugar**1.5 * torch.exp(0.04 * (temp - 170)) * (1 - 0.85 * grease) * (1 - 0.6 * flour) * metal
    adh = adh * (1 - 0.95 * parch) * (0.5 + 0.5 * (1 - torch.exp(-cool / 12))) * 3.0
    res0 = strength * (0.3 + 0.7 * (1 - torch.exp(-cool / 10)))
    rel = torch.full((n, CT_PATCHES), 0.5)
    ring = torch.arange(8)
    pair = torch.stack([(ring - 1) % 8, (ring + 1) % 8], 1)
    nb = torch.cat([pair, 8 + pair])
    for _ in range(4):
        nbm = rel[:, nb].mean(2)
        ringm = torch.cat([rel[:, :8].mean(1, keepdim=True).expand(-1, 8),
                           rel[:, 8:].mean(1, keepdim=True).expand(-1, 8)], 1)
        resist = res0 + 0.3 * nbm * strength + 0.15 * ringm * strength + 0.05 * rel[:, [*range(8, 16), *range(8)]]
        rel = 1 - torch.sigmoid((adh - resist) / 0.08)
    y = 1 - rel + 0.03 * torch.randn(n, CT_PATCHES, generator=gen)  # the stuck area's visual estimate
    tok = torch.stack([grease * 2 - 1, flour * 2 - 1, 2 * parch - 1, wear * 2 - 1, (sugar - 0.33) / 0.1,
                       (temp - 177) / 11, 2 * base.expand(n, -1) - 1, 2 * nonstick.expand(-1, CT_PATCHES) - 1,
                       ((cool - 21) / 11).expand(-1, CT_PATCHES)], 2)
    tok = torch.cat([tok, F.one_hot(cake, CT_CAKES).float()[:, None, :].expand(-1, CT_PATCHES, -1)], 2)
    return tok, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: LayerNorm, multi-head self-attention, residual; LayerNorm, GELU MLP, residual."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.ff(self.ln2(x))


class ReleaseTransformer(nn.Module):
    """Patch tokens embedded (a linear map plus a learned position per patch), one Pre-LN block, a final
    LayerNorm and a per-token head to the stuck fraction's logit (a sigmoid gives the fraction)."""

    def __init__(self, d: int = 32, heads: int = 4, blocks: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(13, d)
        self.pos = nn.Parameter(torch.zeros(1, CT_PATCHES, d))
        self.blocks = nn.ModuleList(PreLNBlock(d, heads, 2 * d) for _ in range(blocks))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, tok: torch.Tensor) -> torch.Tensor:
        x = self.inp(tok) + self.pos
        for b in self.blocks:
            x = b(x)
        return torch.sigmoid(self.head(self.ln(x)).squeeze(2))


def release_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the patches' stuck fractions, times 10."""
    tok, y = batch
    return 10 * F.mse_loss(model(tok), y)


def cake_tin_release(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32) -> dict[str, Any]:
    """The release transformer on ``train_size`` turn-outs; held out: 2048 other turn-outs in batches of 1024; Adam with
    betas (0.9, 0.98) and eps 1e-9 (a transformer user's setting)."""
    gen = torch.Generator().manual_seed(139103)
    x, y = _ct_turnouts(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReleaseTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, 0.98), eps=1e-9),
                                "adam_b0.98_eps1e-9"),
            "loss_fn": release_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. gravy-boat drip over a meal (RMSprop)

GB_POURS = 12
GB_GRAVIES = 4  # roux, cornflour, jus, cream


def _gb_meals(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A meal's pours from a gravy boat: 12 pours at increasing times (0-40 min after serving), tilt 15-60 degrees,
    pour 0.5-3 s. The gravy (roux, cornflour, jus, cream): its starch (gel setting below 55-70 C), its fat (a skin
    forming as it cools), its viscosity at 80 C; the boat (china holds heat, steel loses it), lip radius 0.5-3 mm,
    served at 75-95 C in a 22 C room. Temperature by Newton cooling (time constant by the boat and the level left,
    longer under a skin); viscosity mu = mu80 exp(2500 (1/T - 1/353)) (1 + starch gel (T_set - T)+ / 10); flow over
    the lip Q ~ head^1.5 (a weir, the head from the tilt and the level) / mu^0.3; speed v = Q / (1 + 0.5 Q^0.5);
    drip fraction = sigmoid((v_c - v) / 0.15 v_c), v_c rising with 1 / lip radius and with the lip already wetted by
    earlier drips (a memory: the wet lip decays over 5 min), lower for fatty gravy; the level falls with each pour.
    5% scatter on the drip mass and 0.04 on its log1p (the scale). Returns (sequences (n, 12, 10), log1p drip grams
    (n, 12))."""
    grav = torch.randint(0, GB_GRAVIES, (n,), generator=gen)
    starch = torch.tensor([0.8, 1.0, 0.05, 0.4])[grav]
    tset = torch.tensor([62.0, 68.0, 55.0, 58.0])[grav]
    fat = torch.tensor([0.3, 0.1, 0.6, 0.9])[grav]
    mu80 = torch.tensor([0.25, 0.35, 0.03, 0.15])[grav]
    steel = (torch.rand(n, generator=gen) < 0.4).float()
    lip = 0.5 + 2.5 * torch.rand(n, generator=gen)
    t_serve = 75 + 20 * torch.rand(n, generator=gen)
    gaps = torch.rand(n, GB_POURS, generator=gen) + 0.2
    times = torch.cumsum(gaps, 1) / gaps.sum(1, keepdim=True) * (10 + 30 * torch.rand(n, 1, generator=gen))
    tilt = 15 + 45 * torch.rand(n, GB_POURS, generator=gen)
    dur = 0.5 + 2.5 * torch.rand(n, GB_POURS, generator=gen)
    level = torch.ones(n)
    wet = torch.zeros(n)
    temp = t_serve.clone()
    last_t = torch.zeros(n)
    ys, levels = [], []
    for k in range(GB_POURS):
        dt = times[:, k] - last_t
        tau = (12 + 18 * (1 - steel)) * (0.5 + level) * (1 + fat * (1 - torch.exp(-times[:, k] / 10)))
        temp = 22 + (temp - 22) * torch.exp(-dt / tau)
        wet = wet * torch.exp(-dt / 5)
        tk = temp + 273.15
        mu = mu80 * torch.exp(2500 * (1 / tk - 1 / 353.15)) * (1 + starch * torch.relu(tset - temp) / 10)
        head = (level * 0.6 + torch.sin(torch.deg2rad(tilt[:, k])) - 0.45).clamp_min(0.02)
        q = 8 * head**1.5 / mu**0.3
        v = q / (1 + 0.5 * q**0.5)
        vc = (1.2 / lip**0.6) * (1 + 0.8 * wet) * (1 - 0.3 * fat)
        frac = torch.sigmoid((vc - v) / (0.15 * vc))
        poured = (q * dur[:, k]).clamp(max=level * 60)
        drip = frac * poured * 0.3 + 0.05 * mu**0.5 * wet
        levels.append(level.clone())
        level = (level - poured / 60).clamp_min(0.02)
        wet = (wet + frac).clamp(max=2)
        ys.append(torch.log1p(drip * torch.exp(0.05 * torch.randn(n, generator=gen))))
        last_t = times[:, k]
    seq = torch.stack([(times - 15) / 10, (tilt - 37.5) / 13, (dur - 1.75) / 0.72,
                       (torch.stack(levels, 1) - 0.6) / 0.3], 2)
    stat = torch.cat([F.one_hot(grav, GB_GRAVIES).float(), torch.stack([2 * steel - 1, (lip - 1.75) / 0.72], 1)], 1)
    x = torch.cat([seq, stat[:, None, :].expand(-1, GB_POURS, -1)], 2)
    y = torch.stack(ys, 1) + 0.04 * torch.randn(n, GB_POURS, generator=gen)  # the kitchen scale's reading
    return x, y


class DripGRU(nn.Module):
    """A one-layer GRU over the pours (their features and the meal's static ones) with a linear head per pour."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(10, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0]).squeeze(2)


def drip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log1p drip masses, times 10."""
    x, y = batch
    return 10 * F.mse_loss(model(x), y)


def gravy_boat_drip(batch_size: int = 128, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The drip GRU on ``train_size`` meals; held out: 2048 other meals in batches of 1024; RMSprop (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(139104)
    x, y = _gb_meals(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DripGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": drip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. jam-jar seal vacuum after water-bath canning (Adagrad; long only)

JJ_TIMES = torch.tensor([0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0])  # hours
JJ_PRODUCTS = 4  # jam, jelly, marmalade, chutney


def _antoine_kpa(t_c: torch.Tensor) -> torch.Tensor:
    """Water's vapour pressure (kPa) by Antoine's equation (A 8.07131, B 1730.63, C 233.426, mmHg, from memory)."""
    return 10 ** (8.07131 - 1730.63 / (233.426 + t_c)) * 0.133322


def _jj_jars(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Jars of preserve processed in a boiling-water bath and left to cool. Jar 200-500 mL, headspace 4-15 mm of a
    60 mm neck, processing 5-20 min, altitude 0-2000 m (the bath boils lower: 100 C - 3.3 C per 1000 m; the
    atmosphere 101.3 exp(-h / 8400) kPa), the product (jam, jelly, marmalade, chutney: sugar lowering the vapour
    pressure 0.90-0.97 times), room 15-28 C, a new or reused lid (the sealing compound's set). During processing
    steam displaces the headspace air, a fraction 1 - 0.7 exp(-min / 6); after it the jar cools by Newton's law
    (time constant 0.4-1.2 h, rising with volume, chutney's faster); the headspace air at T / T_bath at the grown
    headspace volume (the product contracting 0.05% per C), plus the vapour pressure at T; the lid's dome flexes,
    taking up the first 3-6 kPa of vacuum (softer on larger jars' wider lids; past the threshold it snaps down, the
    "ping"); a reused lid leaks air in at a rate rising with the vacuum and the room's warmth. 0.3 kPa scatter.
    Returns (features (n, 10), the known physics inputs (atmosphere kPa, bath C, room C) (n, 3), vacuum in 10 kPa
    (n, 12))."""
    vol = 200 + 300 * torch.rand(n, generator=gen)
    head_mm = 4 + 11 * torch.rand(n, generator=gen)
    proc = 5 + 15 * torch.rand(n, generator=gen)
    alt = 2000 * torch.rand(n, generator=gen)
    prod = torch.randint(0, JJ_PRODUCTS, (n,), generator=gen)
    aw = torch.tensor([0.90, 0.92, 0.94, 0.97])[prod]
    room = 15 + 13 * torch.rand(n, generator=gen)
    reused = (torch.rand(n, generator=gen) < 0.35).float()
    p_atm = 101.3 * torch.exp(-alt / 8400)
    t_bath = 100 - 3.3 * alt / 1000
    vh0 = head_mm * 28.3 / 1000 * 1.0 + 2.0  # mL: the neck's area 28.3 cm2 times the depth, plus the lid's dome
    vented = 1 - 0.7 * torch.exp(-proc / 6)
    p_air0 = (p_atm - aw * _antoine_kpa(t_bath)).clamp_min(0.5) + (1 - vented) * aw * _antoine_kpa(t_bath) * 0.2
    tau = 0.4 + 0.8 * (vol - 200) / 300 * (1.1 - 0.2 * (prod == 3).float())
    flex = 3 + 3 * (vol - 200) / 300  # larger jars, wider lids: a softer dome
    leak = reused * 0.012 * (1 + 0.05 * (room - 15))  # a reused lid's compound seats worse when warm
    air = p_air0 * vh0 / (t_bath + 273.15)  # proportional to the moles of air
    out = []
    t_prev = torch.zeros(n)
    for t in JJ_TIMES:
        temp = room + (t_bath - room) * torch.exp(-t / tau)
        vh = vh0 + vol * 0.0005 * (t_bath - temp)
        p_in = air * (temp + 273.15) / vh + aw * _antoine_kpa(temp)
        vac = (p_atm - p_in).clamp_min(0)
        # the dome's flex takes up the first few kPa (a smaller headspace until it snaps down)
        vac_eff = torch.where(vac < flex, 0.3 * vac, vac - 0.7 * flex)
        air = air + leak * vac_eff * (t - t_prev) * vh / (temp + 273.15)
        t_prev = t.expand(n)
        out.append(vac_eff)
    y = torch.stack(out, 1) + 0.3 * torch.randn(n, len(JJ_TIMES), generator=gen)
    x = torch.cat([torch.stack([(vol - 350) / 87, (head_mm - 9.5) / 3.2, (proc - 12.5) / 4.3, (alt - 1000) / 577,
                                (room - 21.5) / 3.75, 2 * reused - 1], 1), F.one_hot(prod, JJ_PRODUCTS).float()], 1)
    return x, torch.stack([p_atm, t_bath, room], 1), y / 10


class SealGreyBox(nn.Module):
    """A grey-box net: a tanh MLP gives five parameters (the cooling time constant, the air left after venting, the
    headspace's growth as the product contracts, the seal's leak rate and the dome's flex threshold) and a physics
    layer (the ideal gas and Antoine's vapour pressure from the bath's boiling point at the altitude, Newton cooling
    to the room) gives the headspace vacuum at the 12 times, plus a small learned residual per time (the MLP's 12
    further outputs, times 0.1). The jar's known physical inputs (the atmosphere, the bath's and the room's
    temperatures) come with each jar."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5 + len(JJ_TIMES)))
        self.register_buffer("t", JJ_TIMES.view(1, -1))

    def forward(self, x: torch.Tensor, phys: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        p_atm, t_bath, room = phys[:, 0:1], phys[:, 1:2], phys[:, 2:3]
        rate = 1.25 * torch.exp(0.5 * p[:, 0:1])  # 1 / tau, per hour
        air = torch.sigmoid(p[:, 1:2] - 1.5)
        grow = 0.01 * torch.exp(0.5 * p[:, 2:3])  # headspace growth per C of cooling (relative)
        leak = 0.01 * torch.exp(p[:, 3:4])
        flex = 0.4 * torch.exp(0.3 * p[:, 4:5])  # in 10 kPa
        cool = (t_bath - room) * (1 - torch.exp(-self.t * rate))  # degrees fallen
        temp = t_bath - cool
        p_in = air * p_atm * (temp + 273.15) / ((t_bath + 273.15) * (1 + grow * cool)) + 0.93 * _antoine_kpa(temp)
        vac = (p_atm - p_in) * (0.1 - leak * self.t / 10)
        return vac - 0.7 * flex * torch.sigmoid(4 * (vac - flex) / flex) + 0.1 * p[:, 5:]


def seal_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the vacuum in units of 10 kPa."""
    return _mse(model, batch)


def jam_jar_vacuum(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32,
                   acc: float = 0.1) -> dict[str, Any]:
    """The grey-box seal net on 8192 jars; held out: 2048 other jars in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(139105)
    x, phys, y = _jj_jars(train_size + 2048, gen)
    tr = (x[:train_size], phys[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SealGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], phys[train_size:], y[train_size:]), 1024),
            "optimizer": adagrad(acc), "loss_fn": seal_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. coat-hook load sag (Adagrad; long only)

CH_STEPS = 12  # two-hour steps over a day
CH_MATERIALS = 5  # ABS, nylon, zinc die-cast, beech, steel
CH_MOUNTS = 3  # screw in a stud, plasterboard plug, adhesive strip


def _ch_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A day on a wall hook in two-hour steps: 0-3 items hung (a coat 0.8-2.5 kg, a bag 0.3-4 kg) on and off at random
    steps, the room's humidity 30-80% drifting. The hook's material (ABS, nylon, zinc die-cast, beech, steel): a
    modulus, a Kelvin-Voigt delayed compliance with its retardation time (1-6 h), a Maxwell flow (permanent creep;
    nylon's and beech's compliances rising with humidity); the arm 3-8 cm (tip sag ~ F L^3, the Burgers model's
    strain in bending); the mount: a stud screw (stiff), a plasterboard plug (a rotation compliance), an adhesive
    strip (compliance and its own slow creep, doubling above 60% humidity). Exact exponential updates per step.
    2% scatter plus 0.02 mm. Returns (sequences (n, 12, 11), sag in mm (n, 12))."""
    mat = torch.randint(0, CH_MATERIALS, (n,), generator=gen)
    e = torch.tensor([2.2, 2.0, 90.0, 11.0, 200.0])[mat]
    ckv = torch.tensor([0.35, 0.6, 0.02, 0.3, 0.005])[mat]
    trt = torch.tensor([2.0, 3.0, 6.0, 4.0, 6.0])[mat]
    flow = torch.tensor([0.010, 0.020, 0.0005, 0.006, 0.0])[mat]
    hum_s = torch.tensor([0.0, 1.2, 0.0, 0.8, 0.0])[mat]
    arm = 3 + 5 * torch.rand(n, generator=gen)
    mount = torch.randint(0, CH_MOUNTS, (n,), generator=gen)
    crot = torch.tensor([0.002, 0.02, 0.03])[mount] * (0.7 + 0.6 * torch.rand(n, generator=gen))
    screep = torch.tensor([0.0, 0.002, 0.012])[mount]
    load = torch.zeros(n, CH_STEPS)
    for _ in range(3):
        item = 0.3 + 3.7 * torch.rand(n, 1, generator=gen)
        on = torch.randint(0, CH_STEPS, (n, 1), generator=gen)
        off = on + torch.randint(1, 8, (n, 1), generator=gen)
        hrs = torch.arange(CH_STEPS).view(1, -1)
        use = (torch.rand(n, 1, generator=gen) < 0.8).float()
        load = load + use * item * ((hrs >= on) & (hrs < off)).float()
    level = 0.55 + 0.15 * torch.randn(n, 1, generator=gen)
    hum = level + 0.1 * torch.cumsum(0.4 * torch.randn(n, CH_STEPS, generator=gen), 1) / 3
    hum = hum.clamp(0.3, 0.8)
    geo = (arm / 5) ** 3
    kv = torch.zeros(n)
    perm = torch.zeros(n)
    slip = torch.zeros(n)
    out = []
    for k in range(CH_STEPS):
        f = load[:, k] * 9.81
        soft = 1 + hum_s * (hum[:, k] - 0.5)
        elastic = f * geo * 0.08 / e * soft
        kv_eq = f * geo * 0.08 * ckv / e * soft
        kv = kv_eq + (kv - kv_eq) * torch.exp(-2.0 / trt)
        perm = perm + f * geo * 0.08 * flow * soft / e * 20
        slip = slip + 2 * screep * f * arm / 10 * (1 + (hum[:, k] > 0.6).float())
        rot = crot * f * arm / 10 * arm
        out.append(elastic + kv + perm + rot + slip)
    y = torch.stack(out, 1)
    y = y * (1 + 0.02 * torch.randn(n, CH_STEPS, generator=gen)) + 0.02 * torch.randn(n, CH_STEPS, generator=gen)
    seq = torch.stack([(load - 2) / 2, (hum - 0.55) / 0.15], 2)
    stat = torch.cat([F.one_hot(mat, CH_MATERIALS).float(), F.one_hot(mount, CH_MOUNTS).float(),
                      ((arm - 5.5) / 1.44).view(-1, 1)], 1)
    x = torch.cat([seq, stat[:, None, :].expand(-1, CH_STEPS, -1)], 2)
    return x, y


class SagLSTM(nn.Module):
    """A one-layer LSTM over the two-hour steps (load, humidity and the hook's static features) with a linear head per
    step."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(11, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.lstm(x)[0]).squeeze(2)


def sag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log sag at each step."""
    return _mse(model, batch)


def coat_hook_sag(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 16,
                  acc: float = 0.1) -> dict[str, Any]:
    """The sag LSTM on 8192 hook-days, the log of the sag plus 0.1 mm standardised over them (one scale for all
    steps); held out: 2048 other hook-days in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(139106)
    x, y = _ch_days(train_size + 2048, gen)
    y = torch.log(y.clamp_min(0) + 0.1)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SagLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": adagrad(acc), "loss_fn": sag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("clothes_brush_nap_nesterov", clothes_brush_nap, 300, "clothes_brush_nap_lift_profile_cnn1d_gn",
      "sgd_nesterov0.9", "finite", 128, dict(train_size=2048), seconds=1.3, start_lr=0.05),
    W("bread_bin_staling_adamw", bread_bin_staling, 300, "bread_bin_staling_avrami_moisture_embedding_net",
      "adamw_wd1e-2", "finite", 32, seconds=0.3, start_lr=0.064),
    W("cake_tin_release_adam", cake_tin_release, 300, "cake_tin_release_stuck_patch_preln_transformer",
      "adam_b0.98_eps1e-9", "finite", 32, dict(train_size=4096), seconds=1.0, start_lr=0.008),
    W("gravy_boat_drip_rmsprop", gravy_boat_drip, 300, "gravy_boat_meal_drip_cooling_gru", "rmsprop", "finite", 128,
      dict(train_size=4096), seconds=1.0, start_lr=0.016),
)
LONG = (
    W("jam_jar_vacuum_adagrad@long", jam_jar_vacuum, 3000, "jam_jar_canning_lid_ping_vacuum_greybox",
      "adagrad_acc0.1", "finite", 32, seconds=2.8, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("coat_hook_sag_adagrad@long", coat_hook_sag, 3000, "coat_hook_burgers_load_history_sag_lstm",
      "adagrad", "finite", 64, dict(acc=0.0), seconds=3.0, start_lr=1.6, grid_fractions=(0.0, 0.05)),
    W("clothes_brush_nap_adagrad@long", clothes_brush_nap, 3000, "clothes_brush_nap_lift_profile_cnn1d_gn",
      "adagrad_acc0.1", "finite", 16, dict(train_size=8192, width=16, depth=1, optimizer="adagrad"), seconds=2.8,
      start_lr=0.8, grid_fractions=(0.0, 0.05), long_of="clothes_brush_nap_nesterov"),
    W("bread_bin_staling_adagrad@long", bread_bin_staling, 3000, "bread_bin_staling_avrami_moisture_embedding_net",
      "adagrad_acc0.1", "finite", 32, dict(train_size=8192, hidden=32, optimizer="adagrad"), seconds=2.0,
      start_lr=0.8, grid_fractions=(0.0, 0.05), long_of="bread_bin_staling_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam139_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-ninth exam's workloads")
