"""The hundred-and-sixty-fifth exam: six more workload families that neither the suite nor exams 1-164 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam164_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from bike locks and cut resistance, swim goggles and lens fogging, trekking
poles and knee load, oven gloves and heat soak-through, fishing reels and line drag, and windbreaks and beach shelter
(exams 166-168 were built at the same time from other domains; their modules were not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam165/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- bike-lock angle-grinder attack: a 1-D CNN over the cut path through a lock's shackle or chain link (32 depth
  cells: the section's chord width, the steel's hardness, an anti-grinder ceramic insert's share and a polymer
  sleeve) plus the grinder's power and the disc (aluminium oxide, zirconia, diamond) to the log time through, the
  log time to half depth and the log share of the disc worn away; material removal at a specific cutting energy
  rising with hardness, ceramic inserts dulling the grit, the disc glazing as the cut heats, disc wear by a grinding
  ratio falling with hardness; 4% scatter; MSE of the standardised logs; SGD with Nesterov momentum 0.9 and weight
  decay 5e-4
- swim-goggle lens fogging (a long plan only): an embedding net over a goggle maker's wear-test sessions (the goggle
  model, the swimmer and the pool as embeddings; the anti-fog coating's age in washes, the pre-swim treatment, the
  pace and the time spent resting at the wall) to the log minutes to first fog and the fogged share of the lens at
  30 minutes; the trapped air between lens and eye humidified by the skin, the lens's inner face cooled by the
  pool water, condensation once the trapped air's dew point passes the lens temperature, a hydrophilic coating
  soaking up a film of water (a capacity falling with washes) before droplets scatter; MSE; Adagrad (torch's
  defaults)
- trekking-pole knee load on a descent: a Post-LN transformer over 16 steps of a descent (slope, step-down height,
  whether the poles were planted, the pole length's error, the pack, the speed) to the peak knee compressive force
  of every step in body weights; the ground reaction peak rising with the step-down and the speed, the knee
  extensor moment arm with the knee's flexion on the slope, the poles taking a share of the load (less when badly
  sized), the quadriceps tiring with the eccentric work done so far (a stiffer, harder landing); MSE of the
  standardised loads; AdamW (torch's defaults, weight decay 0.01)
- oven-glove heat soak-through under a grip: a 2-D CNN over a pressure-mapping insert's 12 x 10
  grip map (the glove's thickness, its fabric's conductivity and dampness and the tray's temperature as constant
  planes) to the log seconds to the pain threshold at the worst spot and the contact area's mean skin temperature
  at 10 s and 30 s; per taxel a first-order heat soak through the compressed fabric (thickness falling with pressure,
  contact conductance rising with it, spread by the glove's stiffness to the neighbours), water raising the
  conductivity; MSE of the standardised outputs; Adam (torch's defaults)
- fishing-reel drag on a run: a grey-box model (an MLP from the drag stack: washer material, faces, grease, the
  knob's preset, the spool; to a drag torque, a start-up ratio and time, a heat-fade depth and time) through the
  drag's closed form (tension = torque / the spool's radius as line pays out, the static start-up peak decaying, a
  fade with the heat of the run) to the log line tension at 10 times of a 60 s run; the data from a stepwise
  simulation (washer temperature from the friction power, material-dependent fade, grease's start-up damping);
  2% scatter; MSE of the log tensions; Adam (torch's defaults)
- windbreak shelter on a beach (a long plan only): a wide & deep net (a linear part on crossed one-hot bins of the
  distance behind the screen, its fabric, the wind's angle, the height and the bottom gap; a deep part on the
  numbers) to the log wind-speed ratio at a point behind the windbreak; the lee deficit of a porous fence (deepest
  and longest for a middle porosity, a short recirculating lee behind a solid screen), the wind's angle
  shortening the screen's effective reach, a jet under a bottom gap, less shelter above the screen's top and past
  its ends; 3% scatter; MSE of the standardised log ratio; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the goggle and windbreak
nets (no short plans; Adagrad), the bike-lock CNN on 8192 cuts instead of 2048 and the reel grey box on 8192 runs
instead of 2048 with a 24-unit MLP (32 in the short plan) and batch 32 (64 in the short plan).

Of the eight plans, two use SGD with Nesterov momentum (both bike-lock plans), three Adam (oven glove, both reel
plans), one AdamW (trekking poles) and two Adagrad (goggles, windbreak).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam165_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam165/README.md).

    python benchmarks/exam165_workloads.py          # the table
    python benchmarks/exam165_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 165"
HELD_OUT = 2048


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


# --------------------------------------------------------------------------------------------------------------
# 1. bike-lock angle-grinder attack (1-D CNN, SGD with Nesterov momentum)

BL_CELLS = 32
BL_DISCS = 3  # aluminium oxide, zirconia, diamond


def _bl_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Angle-grinder cuts through a lock's shackle (round or square section) or a chain link, 13-20 mm across. The cut
    path is 32 depth cells; per cell the chord width of the section there, the hardness (a case-hardened steel's case
    0.5-3 mm at 58-62 HRC over a 30-40 HRC core, or a through-hardened boron steel at 52-60 HRC), the share of an
    anti-grinder ceramic composite layer (a third of the locks: a band 1-4 mm thick at 2-6 mm depth) and a polymer
    sleeve (0-2 mm). The grinder: 700-1400 W; the disc: aluminium oxide, zirconia or diamond. Removal: the volume of a
    cell (chord x cell depth x a 1.6 mm kerf) at a specific cutting energy e_c = 6 (1 + HRC / 40)^2 J/mm3 (x (1 + 9
    ceramic) with the oxide grits, x (1 + 1.5 ceramic) with diamond, which cuts steel at 0.6 of the efficiency),
    times a glazing factor (1 + t / 90 s) as the disc heats, at an efficiency 0.35 of the grinder's power; the
    sleeve at 0.5 J/mm3. Disc wear: the removed volume over a grinding ratio G = G0 exp(-(HRC - 30) / 18) / (1 + 25
    ceramic) (G0 8, 14, 120 for the three discs; a diamond rim wears little on the ceramic), as a share of a disc's
    usable volume. 4% scatter (lognormal). Returns (profiles (n, 4, 32): chord (mm, centred), HRC (centred), ceramic,
    sleeve; globals (n, 4): power, disc one-hot; log targets (n, 3): time through, time to half depth, disc share)."""
    d = 13 + 7 * torch.rand(n, generator=gen)
    square = (torch.rand(n, generator=gen) < 0.3).float()
    depth = (torch.arange(BL_CELLS).float().view(1, -1) + 0.5) / BL_CELLS * d.view(-1, 1)  # mm from the surface
    r = d.view(-1, 1) / 2
    chord_round = 2 * (r**2 - (r - depth) ** 2).clamp_min(0).sqrt()
    chord = square.view(-1, 1) * d.view(-1, 1) + (1 - square.view(-1, 1)) * chord_round
    through = torch.rand(n, generator=gen) < 0.4
    case = 0.5 + 2.5 * torch.rand(n, generator=gen)
    hrc_case = 58 + 4 * torch.rand(n, generator=gen)
    hrc_core = 30 + 10 * torch.rand(n, generator=gen)
    hrc_thr = 52 + 8 * torch.rand(n, generator=gen)
    # depth from the nearer surface (the section is hardened all round)
    edge = torch.minimum(depth, d.view(-1, 1) - depth)
    cased = hrc_core.view(-1, 1) + (hrc_case - hrc_core).view(-1, 1) * torch.sigmoid(4 * (case.view(-1, 1) - edge))
    hrc = torch.where(through.view(-1, 1), hrc_thr.view(-1, 1).expand(-1, BL_CELLS), cased)
    has_cer = (torch.rand(n, generator=gen) < 0.33).float()
    c0 = 2 + 4 * torch.rand(n, generator=gen)
    cw = 1 + 3 * torch.rand(n, generator=gen)
    ceramic = has_cer.view(-1, 1) * torch.sigmoid(3 * (depth - c0.view(-1, 1))) * torch.sigmoid(
        3 * (c0.view(-1, 1) + cw.view(-1, 1) - depth))
    sleeve_t = 2 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.6).float()
    sleeve = torch.sigmoid(4 * (sleeve_t.view(-1, 1) - depth)) * (sleeve_t.view(-1, 1) > 0).float()
    power = 700 + 700 * torch.rand(n, generator=gen)
    disc = torch.randint(0, BL_DISCS, (n,), generator=gen)
    diamond = (disc == 2).float().view(-1, 1)
    eff = 0.35 * (1 - 0.4 * diamond) * power.view(-1, 1)  # W into the cut
    e_steel = 6 * (1 + hrc / 40) ** 2 * (1 + (9 - 7.5 * diamond) * ceramic)
    e_c = sleeve * 0.5 + (1 - sleeve) * e_steel
    vol = chord * (d.view(-1, 1) / BL_CELLS) * 1.6  # mm3 per cell
    t = torch.zeros(n)
    times = []
    for i in range(BL_CELLS):  # the disc glazes as the cut heats
        dt = vol[:, i] * e_c[:, i] * (1 + t / 90) / eff[:, 0]
        t = t + dt
        times.append(t)
    g0 = torch.tensor([8.0, 14.0, 120.0])[disc].view(-1, 1)
    grat = g0 * torch.exp(-(hrc - 30) / 18) / (1 + (25 - 24 * diamond) * ceramic)
    wear = (vol * (1 - sleeve) / grat).sum(1) / 2500  # share of a disc's usable volume
    y = torch.stack([torch.log(t), torch.log(times[BL_CELLS // 2 - 1]), torch.log(wear)], 1)
    y = y + 0.04 * torch.randn(n, 3, generator=gen)
    prof = torch.stack([(chord - 10) / 5, (hrc - 45) / 10, ceramic, sleeve], 1)
    glob = torch.cat([((power - 1050) / 200).view(-1, 1), F.one_hot(disc, BL_DISCS).float()], 1)
    return prof, glob, y


class GrinderCutNet(nn.Module):
    """Two 1-D convolutions over the cut path, mean and max pooled, with the grinder's power and disc, to three logs."""

    def __init__(self, channels: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(4, channels, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(channels, channels, 5, padding=2, stride=2), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * channels + 1 + BL_DISCS, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, prof: torch.Tensor, glob: torch.Tensor) -> torch.Tensor:
        h = self.conv(prof)
        return self.head(torch.cat([h.mean(2), h.amax(2), glob], 1))


def grinder_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log cut times and disc wear."""
    return _mse(model, batch)


def bike_lock_grinder(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 8,
                      hidden: int = 32) -> dict[str, Any]:
    """The cut-path CNN on ``train_size`` grinder cuts, targets standardised over them; held out: 2048 other cuts in
    batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(165101)
    prof, glob, y = _bl_cuts(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (prof[:train_size], glob[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GrinderCutNet(channels, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((prof[train_size:], glob[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": grinder_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. swim-goggle lens fogging (embedding net, Adagrad; long only)

SG_GOGGLES, SG_SWIMMERS, SG_POOLS, SG_TREAT = 60, 160, 12, 4  # treatments: none, rinse, spit, anti-fog spray


def _sg_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Wear-test sessions: 60 goggle models (lens inner-face conductance to the water 0.5-1.5, trapped air volume
    4-10 ml, gasket leak 0-1, coating capacity 0-1: 30% uncoated), 160 swimmers (periorbital skin 33-35.5 C, sweat
    0.5-2), 12 pools (water 25.5-30 C, hall air 27-32 C at 50-75% humidity). Per session: the coating's age (0-150
    washes, capacity x exp(-washes / 60)), the treatment (none, rinse, spit: a surfactant film worth 0.4 of a fresh
    coating, spray: 0.9), the pace (0-1) and the resting share at the wall (0-0.4: the goggle warms in air). The
    trapped air's vapour pressure rises toward the skin's saturation at a rate set by the sweat and pace over the
    trapped volume, bled by the gasket's leak; the lens's inner face sits between the water and the skin by their
    conductances (warmer when resting); condensation starts once the trapped air's dew point passes it, and the
    fog shows once the condensed water exceeds the coating's film capacity. Returns (ids (n, 3): goggle, swimmer,
    pool; numbers (n, 6): washes, pace, rest, treatment one-hot as 3 (none = zeros); targets (n, 2): log minutes to
    first fog (capped at 90) and the fogged share at 30 minutes (as a logit / 4)) with 6% and 0.08 scatter."""
    gk = torch.Generator().manual_seed(int(torch.randint(0, 2**31, (1,), generator=gen).item()))
    g_cond = 0.5 + torch.rand(SG_GOGGLES, generator=gk)
    g_vol = 4 + 6 * torch.rand(SG_GOGGLES, generator=gk)
    g_leak = torch.rand(SG_GOGGLES, generator=gk)
    g_cap = torch.rand(SG_GOGGLES, generator=gk) * (torch.rand(SG_GOGGLES, generator=gk) > 0.3).float()
    s_skin = 33 + 2.5 * torch.rand(SG_SWIMMERS, generator=gk)
    s_sweat = 0.5 + 1.5 * torch.rand(SG_SWIMMERS, generator=gk)
    p_water = 25.5 + 4.5 * torch.rand(SG_POOLS, generator=gk)
    p_air = 27 + 5 * torch.rand(SG_POOLS, generator=gk)
    p_rh = 0.5 + 0.25 * torch.rand(SG_POOLS, generator=gk)
    gi = torch.randint(0, SG_GOGGLES, (n,), generator=gen)
    si = torch.randint(0, SG_SWIMMERS, (n,), generator=gen)
    pi = torch.randint(0, SG_POOLS, (n,), generator=gen)
    washes = 150 * torch.rand(n, generator=gen) ** 1.5
    treat = torch.randint(0, SG_TREAT, (n,), generator=gen)
    pace = torch.rand(n, generator=gen)
    rest = 0.4 * torch.rand(n, generator=gen)

    def psat(tc: torch.Tensor) -> torch.Tensor:  # kPa, Magnus
        return 0.6108 * torch.exp(17.27 * tc / (tc + 237.3))

    skin, water = s_skin[si], p_water[pi]
    t_out = water * (1 - rest) + p_air[pi] * rest  # what the lens's outer face sees on average
    k_in = 1.0  # trapped air to lens
    t_lens = (t_out * g_cond[gi] + skin * k_in) / (g_cond[gi] + k_in)
    p_start = psat(p_air[pi]) * p_rh[pi]
    p_skin = psat(skin)
    rate = 0.5 * s_sweat[si] * (0.6 + 0.8 * pace) / g_vol[gi] * 6  # per minute, toward the skin's saturation
    leak = 0.02 + 0.15 * g_leak[gi]
    p_eq = (p_skin * rate + p_start * leak) / (rate + leak)
    p_lens = psat(t_lens)
    k = rate + leak
    # minutes until the trapped vapour reaches the lens's saturation (never, if its equilibrium stays below)
    frac = ((p_lens - p_start) / (p_eq - p_start).clamp_min(1e-3)).clamp(0, 0.999)
    t_dew = torch.where(p_eq > p_lens, -torch.log1p(-frac) / k, torch.full_like(frac, 500.0))
    t_dew = torch.where(p_start > p_lens, torch.zeros_like(t_dew), t_dew)
    film = torch.tensor([0.0, 0.05, 0.4, 0.9])[treat]
    cap = torch.maximum(g_cap[gi] * torch.exp(-washes / 60), film) * 12 + 0.3
    cond_rate = 0.5 * (p_eq - p_lens).clamp_min(0.01) * k / (0.3 + rest)  # water per minute onto the lens
    t_fog = (t_dew + cap / cond_rate).clamp(max=90.0)
    share = torch.sigmoid(1.2 * (30 - t_dew - cap / cond_rate) / (3 + cap))
    y = torch.stack([torch.log(t_fog + 0.5) + 0.06 * torch.randn(n, generator=gen),
                     torch.logit(share.clamp(0.01, 0.99)) / 4 + 0.08 * torch.randn(n, generator=gen)], 1)
    ids = torch.stack([gi, si, pi], 1)
    num = torch.cat([torch.stack([washes / 60 - 1, (pace - 0.5) / 0.29, (rest - 0.2) / 0.115], 1),
                     F.one_hot(treat, SG_TREAT)[:, 1:].float()], 1)
    return ids, num, y


class FogEmbeddingNet(nn.Module):
    """Embeddings (initial sd 0.1) of the goggle model, the swimmer and the pool, with the session's numbers, through
    an MLP."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.goggle = nn.Embedding(SG_GOGGLES, dim)
        self.swimmer = nn.Embedding(SG_SWIMMERS, dim)
        self.pool = nn.Embedding(SG_POOLS, dim // 2)
        for table in (self.goggle, self.swimmer, self.pool):  # small initial embeddings, as recommender code has them
            nn.init.normal_(table.weight, std=0.1)
        self.mlp = nn.Sequential(nn.Linear(2 * dim + dim // 2 + 6, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, ids: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = torch.cat([self.goggle(ids[:, 0]), self.swimmer(ids[:, 1]), self.pool(ids[:, 2]), num], 1)
        return self.mlp(e)


def fog_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log minutes to fog and the fogged share's logit."""
    return _mse(model, batch)


def swim_goggle_fog(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                    hidden: int = 32) -> dict[str, Any]:
    """The fog embedding net on ``train_size`` sessions, targets standardised over them; held out: 2048 other
    sessions (the same goggles, swimmers and pools) in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(165102)
    ids, num, y = _sg_sessions(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FogEmbeddingNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": fog_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. trekking-pole knee load on a descent (Post-LN transformer, AdamW)

TP_STEPS = 16
TP_FEATS = 7


def _tp_descents(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Descents of 16 steps: per step the slope (0-25 degrees downhill, some level steps), the step-down height
    (0-30 cm: rocks and stairs), whether the poles were planted on that step (a hiker uses them on 0-100% of
    steps); per hiker the pole length's error (-15 to +15 cm from the elbow-at-90-degrees length), the pack (0-20 kg
    over a 55-95 kg body) and the speed (0.6-1.4 m/s). The ground reaction peak in body weights 1.1 + 2.4 h (1 +
    0.5 (v - 1)) (h in m) x (1 + pack / body); the knee flexion at the load peak rising with the slope and the
    step-down, the quadriceps moment arm's leverage 2.2 + 5 sin(flexion); the poles carry 12-22% of the load when
    planted (less, by (error / 15 cm)^2, when badly sized); the quadriceps tire with the eccentric work so far
    (each step's load x step-down, decaying), which stiffens the landing (the peak up to 25% higher). Compressive
    force = GRF x leverage / 2.6. 2% scatter. Returns (tokens (n, 16, 7), loads (n, 16) in body weights)."""
    slope = 25 * torch.rand(n, TP_STEPS, generator=gen) * (torch.rand(n, TP_STEPS, generator=gen) > 0.15).float()
    rough = torch.rand(n, 1, generator=gen)
    step = 0.30 * torch.rand(n, TP_STEPS, generator=gen) ** (2 - rough)
    use = torch.rand(n, 1, generator=gen)
    planted = (torch.rand(n, TP_STEPS, generator=gen) < use).float()
    err = -15 + 30 * torch.rand(n, 1, generator=gen)
    body = 55 + 40 * torch.rand(n, 1, generator=gen)
    pack = 20 * torch.rand(n, 1, generator=gen)
    v = 0.6 + 0.8 * torch.rand(n, 1, generator=gen)
    grf = (1.1 + 2.4 * step * (1 + 0.5 * (v - 1))) * (1 + pack / body)
    flex = torch.deg2rad(20 + 1.4 * slope + 60 * step)
    lever = 2.2 + 5 * torch.sin(flex)
    share = planted * (0.12 + 0.10 * (pack / 20)) * (1 - (err / 15) ** 2 * 0.8)
    loads = []
    work = torch.zeros(n)
    for i in range(TP_STEPS):
        tire = 1 + 0.25 * (1 - torch.exp(-work / 1.2))
        f = grf[:, i] * (1 - share[:, i]) * lever[:, i] / 2.6 * tire
        loads.append(f)
        work = work * 0.93 + f * (step[:, i] + 0.05 * torch.sin(torch.deg2rad(slope[:, i])))
    y = torch.stack(loads, 1) * torch.exp(0.02 * torch.randn(n, TP_STEPS, generator=gen))
    ones = torch.ones(n, TP_STEPS)
    tokens = torch.stack([(slope - 12) / 8, (step - 0.1) / 0.08, 2 * planted - 1, ones * err / 8.7,
                          ones * (pack - 10) / 5.8, ones * (body - 75) / 11.5, ones * (v - 1) / 0.23], 2)
    return tokens, y


class DescentTransformer(nn.Module):
    """A Post-LN transformer encoder (one layer) over the descent's steps, a learnt position, one load a step."""

    def __init__(self, width: int = 16, heads: int = 2, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(TP_FEATS, width)
        self.pos = nn.Parameter(torch.zeros(1, TP_STEPS, width))
        layer = nn.TransformerEncoderLayer(width, heads, 2 * width, dropout=0.0, batch_first=True, norm_first=False)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.out = nn.Linear(width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.enc(self.inp(x) + self.pos)).squeeze(-1)


def knee_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised per-step knee loads."""
    return _mse(model, batch)


def trekking_pole_knee(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The descent transformer on ``train_size`` descents, loads standardised over them (one mean and sd for all
    steps); held out: 2048 other descents in batches of 1024; AdamW (torch's defaults, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(165103)
    x, y = _tp_descents(train_size + HELD_OUT, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DescentTransformer(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": knee_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. oven-glove heat soak-through under a grip (2-D CNN, Adam)

OG_H, OG_W = 12, 10


def _og_grips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Grips of a hot tray: a pressure-mapping insert's 12 x 10 map (kPa) of a palm-and-fingers grip (a palm pad and
    four finger bands at random places and strengths, up to about 150 kPa, about 45% of the map out of contact), the
    glove's thickness (3-9 mm: silicone-faced cotton to quilted aramid), its fabric's conductivity (0.04-0.09 W/m
    K), its dampness (0-0.5: water raising the conductivity up to 3x) and the tray's temperature (150-250 C). Per
    taxel the fabric compressed to L (1 - 0.6 p / (p + 40 kPa)), the pressure first spread by the glove's stiffness
    (a 3 x 3 blur, half weight); the steady skin temperature from the series resistances (a contact conductance 400
    + 20 p W/m2 K at the tray, the fabric, the skin's 1/250); a first-order soak with time constant 1.2e6 L^2 /
    k-ish seconds (the fabric's heat capacity over its conductance); the pain threshold at 44 C from 33 C. Returns
    (maps (n, 5, 12, 10): log1p(p / 10), contact, thickness, conductivity x dampness, tray temperature (constant
    planes, scaled); targets (n, 3): log seconds to pain at the worst spot (capped at 60), the contact area's mean
    skin temperature at 10 s and at 30 s; scatter 0.04 on the log and 0.2 C)."""
    yy = torch.arange(OG_H).float().view(1, -1, 1)
    xx = torch.arange(OG_W).float().view(1, 1, -1)
    p = torch.zeros(n, OG_H, OG_W)
    cy = 7.5 + 2 * torch.rand(n, 1, 1, generator=gen)
    cx = 4.5 + 1.5 * torch.rand(n, 1, 1, generator=gen)
    palm = 30 + 70 * torch.rand(n, 1, 1, generator=gen)
    p = p + palm * torch.exp(-((yy - cy) ** 2 / 6 + (xx - cx) ** 2 / 8))
    for j in range(4):  # finger bands along the tray's rim
        on = (torch.rand(n, 1, 1, generator=gen) < 0.85).float()
        row = 1 + 3 * torch.rand(n, 1, 1, generator=gen)
        col = 1.5 + 2.2 * j + 0.6 * torch.randn(n, 1, 1, generator=gen)
        f = 40 + 80 * torch.rand(n, 1, 1, generator=gen)
        p = p + on * f * torch.exp(-((yy - row) ** 2 / 1.5 + (xx - col) ** 2 / 0.8))
    p = torch.where(p > 8, p, torch.zeros_like(p))
    contact = (p > 0).float()
    thick = 3 + 6 * torch.rand(n, 1, 1, generator=gen)
    kf = 0.04 + 0.05 * torch.rand(n, 1, 1, generator=gen)
    damp = 0.5 * torch.rand(n, 1, 1, generator=gen) ** 1.5
    tray = 150 + 100 * torch.rand(n, 1, 1, generator=gen)
    k = kf * (1 + 4 * damp)
    ps = F.avg_pool2d(F.pad(p.unsqueeze(1), (1, 1, 1, 1), mode="replicate"), 3, stride=1).squeeze(1)
    ps = torch.where(contact > 0, 0.5 * p + 0.5 * ps, torch.zeros_like(p))
    L = thick * 1e-3 * (1 - 0.6 * ps / (ps + 40))
    r_c, r_f, r_s = 1 / (400 + 20 * ps), L / k, 1 / 250.0
    t_inf = 33 + (tray - 33) * r_s / (r_c + r_f + r_s)
    tau = 1.2e6 * L**2 / (k / 0.06) * (1 + 2 * damp)  # seconds
    need = (44 - 33) / (t_inf - 33).clamp_min(1e-3)
    t_pain = torch.where((need < 1) & (contact > 0), -tau * torch.log1p(-need.clamp(max=0.999)),
                         torch.full_like(tau, 1e3))
    worst = t_pain.flatten(1).amin(1).clamp(max=60.0)
    area = contact.flatten(1).sum(1).clamp_min(1)

    def skin_at(t: float) -> torch.Tensor:  # the contact area's mean skin temperature (C) after t seconds
        rise = (t_inf - 33) * (1 - torch.exp(-t / tau))
        return 33 + (rise * contact).flatten(1).sum(1) / area

    y = torch.stack([torch.log(worst) + 0.04 * torch.randn(n, generator=gen),
                     skin_at(10.0) + 0.2 * torch.randn(n, generator=gen),
                     skin_at(30.0) + 0.2 * torch.randn(n, generator=gen)], 1)
    ones = torch.ones(n, OG_H, OG_W)
    maps = torch.stack([torch.log1p(p / 10) - 1, 2 * contact - 1, ones * (thick.view(-1, 1, 1) - 6) / 1.7,
                        ones * (k.view(-1, 1, 1) - 0.1) / 0.05, ones * (tray.view(-1, 1, 1) - 200) / 29], 1)
    return maps, y


class GripSoakCNN(nn.Module):
    """Two 3 x 3 convolutions over the grip map, max and mean pooled, an MLP head to three outputs."""

    def __init__(self, channels: int = 12, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(5, channels, 3, padding=1), nn.ReLU(),
                                  nn.Conv2d(channels, channels, 3, padding=1), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * channels, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x).flatten(2)
        return self.head(torch.cat([h.amax(2), h.mean(2)], 1))


def soak_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log time to pain and the two mean skin temperatures."""
    return _mse(model, batch)


def oven_glove_soak(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 12) -> dict[str, Any]:
    """The grip-map CNN on ``train_size`` grips, targets standardised over them; held out: 2048 other grips in
    batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(165104)
    x, y = _og_grips(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GripSoakCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": soak_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. fishing-reel drag on a run (grey box, Adam)

FR_TIMES = torch.tensor([0.1, 0.4, 1.0, 3.0, 6.0, 10.0, 20.0, 30.0, 45.0, 60.0])  # seconds into the run
FR_WASHERS = 3  # felt, carbon fibre, PTFE
FR_GREASE = 3  # dry, light, heavy


def _fr_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Drag-test runs: the line pulled off the spool at 0.5-3 m/s for 60 s. The stack: felt, carbon-fibre or PTFE
    washers (kinetic friction 0.12, 0.20, 0.09; static over kinetic 1.5, 1.2, 1.35), 2-6 faces, grease (dry, light,
    heavy: the friction x 1, 0.9, 0.7, the start-up peak damped x 1, 0.6, 0.35), the knob's preset (spring force 50-
    400 N), the washers' mean radius 8-14 mm; the spool full at 25-40 mm radius with 0.3-0.5 mm line, its core at
    45% of that. Stepwise over the run (0.05 s): the line's tension = the drag torque / the spool radius left (the
    line's volume paid out off an annulus of width 12-22 mm), the washers heating from the friction power (a heat
    capacity and a loss to the spool), felt fading with heat (dry felt most, x (1 - 0.45 (1 - exp(-T / 40 K)))),
    carbon steady, PTFE softening a little, grease thinning (the friction rising slightly toward dry); the start-up
    peak decaying over 0.3 s. 2% scatter (the load cell). Returns (features (n, 11), known (n, 4): full radius (m),
    line diameter (mm), speed (m/s), spool width (m); log tensions (n, 10), N)."""
    washer = torch.randint(0, FR_WASHERS, (n,), generator=gen)
    faces = torch.randint(2, 7, (n,), generator=gen).float()
    grease = torch.randint(0, FR_GREASE, (n,), generator=gen)
    spring = 50 + 350 * torch.rand(n, generator=gen)
    rw = (8 + 6 * torch.rand(n, generator=gen)) * 1e-3
    r_full = (25 + 15 * torch.rand(n, generator=gen)) * 1e-3
    dline = 0.3 + 0.2 * torch.rand(n, generator=gen)
    width = (12 + 10 * torch.rand(n, generator=gen)) * 1e-3
    v = 0.5 + 2.5 * torch.rand(n, generator=gen)
    mu_k = torch.tensor([0.12, 0.20, 0.09])[washer] * torch.tensor([1.0, 0.9, 0.7])[grease]
    start = 1 + (torch.tensor([1.5, 1.2, 1.35])[washer] - 1) * torch.tensor([1.0, 0.6, 0.35])[grease]
    fade = torch.tensor([0.45, 0.05, 0.15])[washer] * torch.tensor([1.0, 0.6, 0.4])[grease]
    thin = torch.tensor([0.0, 0.08, 0.15])[grease]
    dt = 0.05
    temp = torch.zeros(n)
    out_len = torch.zeros(n)
    r_core = 0.45 * r_full
    area_line = (dline * 1e-3) ** 2 * 1.1  # m2 of spool section per m of line
    tens = []
    t_next = 0
    steps = int(60 / dt)
    for i in range(steps + 1):
        t = i * dt
        r = (r_full**2 - out_len * area_line / (math.pi * width) * r_full / 0.03).clamp_min(r_core**2).sqrt()
        mu = mu_k * (1 + (start - 1) * math.exp(-t / 0.3)) * (1 - fade * (1 - torch.exp(-temp / 40)))
        mu = mu * (1 + thin * (1 - torch.exp(-temp / 25)))
        tension = mu * spring * rw * faces / r
        while t_next < len(FR_TIMES) and t + 1e-9 >= float(FR_TIMES[t_next]) - dt / 2:
            tens.append(tension)
            t_next += 1
        power = tension * v
        temp = temp + dt * (power / 60 - temp * 0.02)
        out_len = out_len + v * dt
    y = torch.log(torch.stack(tens, 1)) + 0.02 * torch.randn(n, len(FR_TIMES), generator=gen)
    x = torch.cat([F.one_hot(washer, FR_WASHERS).float(), F.one_hot(grease, FR_GREASE).float(),
                   torch.stack([(faces - 4) / 1.4, (spring - 225) / 100, (rw * 1e3 - 11) / 1.7,
                                (width * 1e3 - 17) / 2.9, (v - 1.75) / 0.72], 1)], 1)
    known = torch.stack([r_full, dline, v, width], 1)
    return x, known, y


class DragGreyBox(nn.Module):
    """An MLP from the drag stack to the drag torque (N m), the start-up ratio and time and the heat fade's depth
    (or rise, when negative) and time, through the drag's closed form: tension(t) = torque (1 + (s - 1) exp(-t /
    t_s)) exp(-f (1 - exp(-t / t_f))) / r(t), with the spool's radius r(t) as the line pays out (known geometry)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 5))
        self.register_buffer("times", FR_TIMES.view(1, -1))

    def forward(self, x: torch.Tensor, known: torch.Tensor) -> torch.Tensor:
        a, b, c, d, e = self.mlp(x).unbind(1)
        log_torque = a.view(-1, 1) - 2.0  # around 0.14 N m
        s = 1 + F.softplus(b).view(-1, 1)
        t_s = 0.3 * torch.exp(0.5 * c).view(-1, 1)
        f = 0.3 * d.view(-1, 1)  # the log drop of a full fade (negative: a rise)
        t_f = 40 * torch.exp(0.5 * e).view(-1, 1)  # the washers' heating time (s)
        r_full, dline, v, width = (k.view(-1, 1) for k in known.unbind(1))
        out = v * self.times
        area_line = (dline * 1e-3) ** 2 * 1.1
        r = (r_full**2 - out * area_line / (math.pi * width) * r_full / 0.03).clamp_min((0.45 * r_full) ** 2).sqrt()
        peak = torch.log1p((s - 1) * torch.exp(-self.times / t_s))
        faded = -f * (1 - torch.exp(-self.times / t_f))
        return log_torque + peak + faded - torch.log(r)


def drag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log line tensions (N) at the 10 times."""
    return _mse(model, batch)


def fishing_reel_drag(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The drag grey box on ``train_size`` runs; held out: 2048 other runs in batches of 1024; Adam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(165105)
    x, known, y = _fr_runs(train_size + HELD_OUT, gen)
    tr = (x[:train_size], known[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DragGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], known[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": drag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. windbreak shelter on a beach (wide & deep, Adagrad; long only)

WB_FABRICS = 4  # solid canvas, tight weave, open mesh, wooden slats
WB_XBINS, WB_ABINS, WB_ZBINS, WB_GBINS = 12, 4, 4, 3
WB_WIDE = WB_XBINS * WB_FABRICS + WB_XBINS * WB_ABINS + WB_ZBINS * WB_GBINS


def _wb_points(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Cup-anemometer readings behind beach windbreaks (10-minute means against a reference mast upwind): the screen's
    fabric (optical porosity 0.0-0.08, 0.15-0.3, 0.35-0.55, 0.2-0.5 by type), its height H 0.8-1.5 m, length 3-8 m,
    bottom gap 0-0.2 m; the wind's angle off the screen's normal 0-60 degrees; the point: 0.5-20 H downwind, 0-0.8
    half-lengths off the centre line, 0.2-1.3 m up. The deficit behind a porous fence: depth D(phi) = 0.95 (1 -
    phi)^0.7 x (1 - 0.35 exp(-phi / 0.08)) (a solid screen's lee recirculates and is shallower on average), its peak at
    s = x cos(angle) / H = 2 + 9 phi and decaying as s^a exp(a (1 - s / s_peak)) with a = 1.6 - phi (longer shelter
    behind porous screens), times cos(angle)^1.5, less above the screen's top (exp(-max(z / H - 0.8, 0)^2 x 4)) and
    past the ends (the sheltered width shrinking downwind); a jet under the gap near the ground close behind. Slats
    add 8% of local turbulence to the deficit. Ratio = 1 - deficit, 3% scatter (lognormal). Returns (wide indices (n,
    3) into the crossed one-hot table; deep numbers (n, 8); log ratio (n, 1))."""
    fab = torch.randint(0, WB_FABRICS, (n,), generator=gen)
    lo = torch.tensor([0.0, 0.15, 0.35, 0.2])[fab]
    hi = torch.tensor([0.08, 0.3, 0.55, 0.5])[fab]
    phi = lo + (hi - lo) * torch.rand(n, generator=gen)
    h = 0.8 + 0.7 * torch.rand(n, generator=gen)
    length = 3 + 5 * torch.rand(n, generator=gen)
    gap = 0.2 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.6).float()
    ang = 60 * torch.rand(n, generator=gen)
    xh = 0.5 * 40 ** torch.rand(n, generator=gen)  # 0.5-20 H, log-uniform
    yoff = 0.8 * torch.rand(n, generator=gen)
    z = 0.2 + 1.1 * torch.rand(n, generator=gen)
    ca = torch.cos(torch.deg2rad(ang))
    s = xh * ca
    s_peak = 2 + 9 * phi
    a = 1.6 - phi
    shape = (s / s_peak) ** a * torch.exp(a * (1 - s / s_peak))
    depth = 0.95 * (1 - phi) ** 0.7 * (1 - 0.35 * torch.exp(-phi / 0.08))
    top = torch.exp(-torch.relu(z / h - 0.8) ** 2 * 4)
    half_w = 1 - xh * h / length * 0.25 * (1 + torch.sin(torch.deg2rad(ang)))
    ends = torch.sigmoid((half_w - yoff) * 8)
    jet = gap / h * 3 * torch.exp(-xh / 2.5) * torch.exp(-z / 0.3)
    deficit = depth * shape * ca**1.5 * top * ends * (1 + 0.08 * (fab == 3).float()) - jet
    ratio = (1 - deficit).clamp(0.03, 1.3) * torch.exp(0.03 * torch.randn(n, generator=gen))
    y = torch.log(ratio).view(-1, 1)
    xb = (torch.log(xh / 0.5) / math.log(40) * WB_XBINS).long().clamp(0, WB_XBINS - 1)
    ab = (ang / 15).long().clamp(0, WB_ABINS - 1)
    zb = (z / h * 2).long().clamp(0, WB_ZBINS - 1)
    gb = (gap / 0.07).long().clamp(0, WB_GBINS - 1)
    wide = torch.stack([xb * WB_FABRICS + fab, WB_XBINS * WB_FABRICS + xb * WB_ABINS + ab,
                        WB_XBINS * (WB_FABRICS + WB_ABINS) + zb * WB_GBINS + gb], 1)
    deep = torch.stack([(phi - 0.27) / 0.18, (h - 1.15) / 0.2, (length - 5.5) / 1.44, gap / 0.1 - 0.6, (ang - 30) / 17,
                        torch.log(xh) - 1.15, (yoff - 0.4) / 0.23, (z - 0.75) / 0.32], 1)
    return wide, deep, y


class ShelterWideDeep(nn.Module):
    """Wide & deep: a linear model on the crossed one-hot bins (an ``EmbeddingBag`` of single weights, summed) plus
    an MLP on the numbers."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.wide = nn.EmbeddingBag(WB_WIDE, 1, mode="sum")
        nn.init.zeros_(self.wide.weight)
        self.deep = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 1))

    def forward(self, wide: torch.Tensor, deep: torch.Tensor) -> torch.Tensor:
        return self.wide(wide) + self.deep(deep)


def shelter_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log wind-speed ratio."""
    return _mse(model, batch)


def windbreak_shelter(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The wide & deep net on ``train_size`` readings, the log ratio standardised over them; held out: 2048 other
    readings in batches of 1024; Adagrad (torch's defaults), as wide & deep models are fitted."""
    gen = torch.Generator().manual_seed(165106)
    wide, deep, y = _wb_points(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (wide[:train_size], deep[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShelterWideDeep(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((wide[train_size:], deep[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": shelter_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry (``seconds``: one timed run each at its start_lr, build included, one thread, on 2 cores shared with
# other builds at a load average of about 1.6)

W = ExamWorkload
EXAM = (
    W("bike_lock_grinder_nesterov", bike_lock_grinder, 300, "bike_lock_angle_grinder_cut_path_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=0.34, start_lr=0.05),
    W("oven_glove_soak_adam", oven_glove_soak, 300, "oven_glove_grip_map_heat_soak_pain_cnn2d", "adam", "finite",
      32, seconds=0.76, start_lr=0.008),
    W("trekking_pole_knee_adamw", trekking_pole_knee, 300, "trekking_pole_descent_knee_load_postln_transformer",
      "adamw", "finite", 32, seconds=0.59, start_lr=0.032),
    W("fishing_reel_drag_adam", fishing_reel_drag, 300, "fishing_reel_drag_stack_run_tension_greybox", "adam",
      "finite", 64, seconds=0.41, start_lr=0.128),
)
LONG = (
    W("swim_goggle_fog_adagrad@long", swim_goggle_fog, 3000, "swim_goggle_antifog_lens_fog_onset_embedding_net",
      "adagrad", "finite", 64, seconds=1.9, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("windbreak_shelter_adagrad@long", windbreak_shelter, 3000, "windbreak_beach_lee_shelter_wide_deep", "adagrad",
      "finite", 32, seconds=1.7, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("bike_lock_grinder_nesterov@long", bike_lock_grinder, 3000, "bike_lock_angle_grinder_cut_path_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, dict(train_size=8192), seconds=3.2,
      start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="bike_lock_grinder_nesterov"),
    W("fishing_reel_drag_adam@long", fishing_reel_drag, 3000, "fishing_reel_drag_stack_run_tension_greybox", "adam",
      "finite", 32, dict(train_size=8192, hidden=24), seconds=2.7, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="fishing_reel_drag_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam165_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-fifth exam's workloads")
