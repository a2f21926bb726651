"""The fifty-first exam: six more workload families that neither the suite nor exams 1-50 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam50_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from aquaculture, HVAC and
building climate control, ornithology and bird migration, coffee and food processing, perfumery and olfaction, and
wood science and timber grading (exam 52 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam51/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- dissolved-oxygen forecasting in aquaculture ponds with an LSTM (as the DO-prediction LSTMs of that field, e.g.
  Huan et al. 2020): the last 12 hours of DO, water temperature, solar radiation, wind, the aerator's state and
  feeding give the next 6 hours of DO; ponds simulated with photosynthesis, temperature-dependent respiration,
  wind reaeration, a night aerator rule and sensor noise; MSE on standardised DO; RMSprop (torch's defaults: the
  Keras advice for recurrent networks, from memory)
- MistNet (Lin et al. 2019): a small fully convolutional net segments weather-radar sweeps (reflectivity, radial
  velocity and spectrum width at two elevations, on a 16 x 16 range-azimuth grid) into background, biological
  scatter (migrating birds) and precipitation; pixel cross-entropy; SGD with momentum 0.9 (FCN training, which
  MistNet follows; from memory)
- odour prediction with a message-passing GNN (Sanchez-Lengeling et al. 2019; the principal odour map of Lee et
  al. 2023): small synthetic molecular graphs (C, O, N, S; single and double bonds, rings), eight odour
  descriptors from substructure rules with annotation noise; multi-label binary cross-entropy; Adam (from memory)
- wood species identification from macroscopic end-grain images with a LeNet-style CNN (as Kwon et al. 2017):
  synthetic 16 x 16 grey images of growth rings (ring width, latewood share, curvature), rays and vessels
  (ring-porous or diffuse), eight species with overlapping parameters; cross-entropy; SGD with momentum 0.9 and
  weight decay 5e-4 (a Caffe-style solver, from memory)
- chiller fault detection and diagnosis with a back-propagation MLP (HVAC; a long plan only; in the manner of the
  ASHRAE RP-1043 studies): 16 sensor features of a centrifugal chiller at varying load, condenser-water and
  chilled-water set points, normal and seven faults at four severities; cross-entropy; SGD with Nesterov momentum
  0.9 (from memory)
- coffee drying kinetics with an ANN (coffee and food processing; a long plan only): a tanh MLP maps air
  temperature, air velocity, relative humidity, the product (cherry or parchment), the initial moisture and the
  drying time to the moisture ratio; runs from Page's model with condition-dependent k and n, run-to-run variation
  and weighing noise; MSE; Adam (the usual choice of food-engineering ANN papers in Keras; from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the chiller MLP and
the coffee-drying ANN (no short plans), the odour GNN on 8192 molecules instead of 2048 and the DO LSTM on 96 ponds
instead of 48. Three long plans were tried and dropped as flat (the wood LeNet on 8192 images, MistNet on 4096
sweeps, the DO LSTM on 192 ponds: see the README).

Of the eight plans, three use plain Adam (both odour-GNN plans, the coffee-drying ANN), two RMSprop (both DO-LSTM
plans), one SGD with momentum 0.9 (MistNet), one SGD with momentum 0.9 and weight decay 5e-4 (the wood LeNet) and
one SGD with Nesterov momentum 0.9 (the chiller network).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam51_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam51/README.md).

    python benchmarks/exam51_workloads.py          # the table
    python benchmarks/exam51_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 51"


# --------------------------------------------------------------------------------------------------------------
# 1. dissolved oxygen in aquaculture ponds with an LSTM (RMSprop)

DO_IN, DO_OUT, DO_DAYS = 12, 6, 12


def _do_ponds(n_ponds: int, gen: torch.Generator) -> torch.Tensor:
    """Hourly records of ``n_ponds`` fish ponds over 12 days: dissolved oxygen (mg/L) from photosynthesis (solar
    radiation times a per-pond algal productivity), respiration rising 7% per degree (fish, plankton, sediment,
    more after the two daily feedings), wind reaeration towards saturation, a paddlewheel aerator switched on at
    night while DO is under 4 mg/L; water temperature with a daily cycle and weather drift; cloudy days; sensor
    noise. Returns (ponds, hours, 6): DO, temperature, solar, wind, aerator, feeding."""
    hours = 24 * DO_DAYS
    t = torch.arange(hours).float()
    hod = t % 24
    prod = 1.2 + 0.8 * torch.rand(n_ponds, 1, generator=gen)
    resp = 0.35 + 0.25 * torch.rand(n_ponds, 1, generator=gen)
    aer_k = 0.25 + 0.2 * torch.rand(n_ponds, 1, generator=gen)
    cloud = 0.3 + 0.7 * torch.rand(n_ponds, DO_DAYS, generator=gen)
    solar = torch.sin(math.pi * (hod - 6) / 12).clamp_min(0).unsqueeze(0) * cloud.repeat_interleave(24, 1)
    base_t = 26 + 3 * torch.rand(n_ponds, 1, generator=gen)
    drift = torch.cumsum(0.08 * torch.randn(n_ponds, hours, generator=gen), 1)
    temp = base_t + 1.5 * torch.sin(2 * math.pi * (hod - 10) / 24).unsqueeze(0) + drift.clamp(-3, 3)
    wind = (2 + 1.5 * torch.randn(n_ponds, hours, generator=gen)).clamp_min(0) / 4
    feed = ((hod == 8) | (hod == 17)).float().unsqueeze(0).expand(n_ponds, hours)
    do = 6 + torch.randn(n_ponds, generator=gen)
    out_do, out_aer = [], []
    feed_load = torch.zeros(n_ponds)
    for h in range(hours):
        tc = temp[:, h]
        sat = 14.6 - 0.39 * tc + 0.007 * tc**2
        night = (hod[h] >= 20) | (hod[h] < 7)
        aer = ((do < 4.0) & night).float()
        feed_load = 0.7 * feed_load + feed[:, h]
        r = resp.squeeze(1) * 1.07 ** (tc - 26) * (1 + 0.3 * feed_load)
        gain = 1.4 * prod.squeeze(1) * solar[:, h]
        rea = (0.03 + 0.06 * wind[:, h] ** 2) * (sat - do) + aer * aer_k.squeeze(1) * (sat - do)
        do = (do + gain - r + rea + 0.08 * torch.randn(n_ponds, generator=gen)).clamp_min(0.2)
        out_do.append(do)
        out_aer.append(aer)
    do_obs = torch.stack(out_do, 1) + 0.15 * torch.randn(n_ponds, hours, generator=gen)
    return torch.stack([do_obs, temp, solar, wind, torch.stack(out_aer, 1), feed], 2)


def _do_windows(n_ponds: int, per_pond: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Forecast windows: 12 hours of the six channels (standardised with fixed constants) and the next 6 hours
    of DO (standardised), ``per_pond`` random windows from each pond."""
    rec = _do_ponds(n_ponds, gen)
    hours = rec.shape[1]
    rec = (rec - torch.tensor([6.0, 27.5, 0.3, 0.5, 0.2, 0.08])) / torch.tensor([2.5, 2.0, 0.35, 0.35, 0.4, 0.27])
    start = torch.randint(0, hours - DO_IN - DO_OUT, (n_ponds, per_pond), generator=gen)
    idx = start.unsqueeze(2) + torch.arange(DO_IN + DO_OUT).view(1, 1, -1)
    pond = torch.arange(n_ponds).view(-1, 1, 1).expand_as(idx)
    win = rec[pond, idx].reshape(n_ponds * per_pond, DO_IN + DO_OUT, 6)
    return win[:, :DO_IN], win[:, DO_IN:, 0]


class DOForecastLSTM(nn.Module):
    """An LSTM over the last 12 hours (hidden 32) whose last state gives the next 6 hours of DO by a dense layer
    (the multi-output DO forecasters of the aquaculture literature)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(6, hidden, batch_first=True)
        self.head = nn.Linear(hidden, DO_OUT)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h[:, -1])


def do_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised DO over the 6-hour horizon."""
    x, y = batch
    return F.mse_loss(model(x), y)


def do_lstm(batch_size: int = 32, seed: int = 0, train_ponds: int = 48, per_pond: int = 16) -> dict[str, Any]:
    """The DO LSTM on 48 ponds x 16 windows (768); held out: 32 other ponds x 16 windows in batches of 256;
    RMSprop."""
    gen = torch.Generator().manual_seed(51102)
    x, y = _do_windows(train_ponds + 32, per_pond, gen)
    n = train_ponds * per_pond
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": DOForecastLSTM(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": do_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. MistNet: birds and rain in weather-radar sweeps (SGD with momentum)

MN_SIZE = 16


def _mn_sweeps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Radar sweeps on a 16 (range) x 16 (azimuth) grid at two elevations, three products each (reflectivity in
    dBZ/20, radial velocity / 15 m/s, spectrum width / 5 m/s). Biological scatter (nocturnal migrants): a broad
    layer whose reflectivity falls with range (more at the low elevation), radial velocity from the wind plus the
    birds' own heading (an offset from the wind), wide spectra. Precipitation: 0-3 cells (Gaussian blobs, higher
    reflectivity, present at both elevations), radial velocity from the wind alone, narrow spectra. Noise
    everywhere, nothing below a detection floor. Labels per pixel (low elevation): background, biology or rain,
    whichever return is stronger."""
    r = torch.linspace(0.05, 1, MN_SIZE).view(1, -1, 1)
    az = torch.linspace(0, 2 * math.pi, MN_SIZE + 1)[:-1].view(1, 1, -1)
    bio_on = (torch.rand(n, 1, 1, generator=gen) < 0.8).float()
    bio_amp = bio_on * (0.6 + 0.6 * torch.rand(n, 1, 1, generator=gen))
    bio_scale = 0.3 + 0.4 * torch.rand(n, 1, 1, generator=gen)
    wind_dir = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
    wind_spd = 0.2 + 0.6 * torch.rand(n, 1, 1, generator=gen)
    head = wind_dir + (torch.rand(n, 1, 1, generator=gen) - 0.5) * 2.0
    bio_spd = wind_spd + 0.4 + 0.3 * torch.rand(n, 1, 1, generator=gen)
    patch = 1 + 0.3 * torch.randn(n, MN_SIZE, MN_SIZE, generator=gen)
    bio_low = bio_amp * torch.exp(-r / bio_scale) * patch
    bio_high = bio_low * 0.5
    rain = torch.zeros(n, MN_SIZE, MN_SIZE)
    cells = torch.randint(0, 4, (n,), generator=gen)
    xr, yr = r * torch.cos(az), r * torch.sin(az)
    for k in range(3):
        on = (cells > k).float().view(n, 1, 1)
        c = (torch.rand(n, 2, 1, 1, generator=gen) * 1.6 - 0.8)
        w = 0.12 + 0.2 * torch.rand(n, 1, 1, generator=gen)
        amp = 1.2 + 1.0 * torch.rand(n, 1, 1, generator=gen)
        rain = rain + on * amp * torch.exp(-((xr - c[:, 0]) ** 2 + (yr - c[:, 1]) ** 2) / (2 * w**2))
    v_wind = wind_spd * torch.cos(az - wind_dir)
    v_bio = bio_spd * torch.cos(az - head)
    chans = []
    for bio, rn in ((bio_low, rain), (bio_high, rain * 0.9)):
        z = bio + rn
        frac = rn / z.clamp_min(1e-6)
        v = frac * v_wind + (1 - frac) * v_bio
        sw = frac * 0.3 + (1 - frac) * 0.9
        det = (z > 0.1).float()
        chans += [det * z, det * v, det * sw]
    x = torch.stack(chans, 1) + 0.12 * torch.randn(n, 6, MN_SIZE, MN_SIZE, generator=gen)
    label = torch.where(bio_low + rain < 0.1, 0, torch.where(rain > bio_low, 2, 1))
    return x, label


class MistNet(nn.Module):
    """MistNet (Lin et al. 2019) in miniature: a fully convolutional net (MistNet is FCN-8s on VGG-16) with two
    3x3 stages and a pooling, class scores from the coarse stage up-sampled and added to those of the fine stage
    (FCN's skip), per-pixel scores for background / biology / rain."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.fine = nn.Sequential(nn.Conv2d(6, width, 3, padding=1), nn.ReLU(),
                                  nn.Conv2d(width, width, 3, padding=1), nn.ReLU())
        self.coarse = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(),
                                    nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.ReLU())
        self.score_fine = nn.Conv2d(width, 3, 1)
        self.score_coarse = nn.Conv2d(2 * width, 3, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = self.fine(x)
        c = self.score_coarse(self.coarse(f))
        return self.score_fine(f) + F.interpolate(c, scale_factor=2, mode="bilinear", align_corners=False)


def pixel_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The per-pixel cross-entropy over background / biology / rain."""
    x, label = batch
    return F.cross_entropy(model(x), label)


def mistnet(batch_size: int = 16, seed: int = 0, train_size: int = 1024, width: int = 8) -> dict[str, Any]:
    """MistNet on 1024 radar sweeps; held out: 1024 other sweeps in batches of 512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(51202)
    x, y = _mn_sweeps(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MistNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": pixel_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. odour descriptors of molecules with a message-passing GNN (Adam)

OD_ATOMS, OD_LABELS = 12, 8


def _od_molecules(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Small synthetic molecules of 5-12 heavy atoms (C 70%, O 15%, N 8%, S 7%): a chain that branches (each atom
    bonds to the previous one, or with probability 0.25 to an earlier one), a six-membered ring closed with
    probability 0.4, a double bond to the parent with probability 0.2 (carbonyls, alkenes). Eight odour
    descriptors from substructure rules: fruity (an ester: a carbon with one double- and one single-bonded
    oxygen), green (an aldehyde-like terminal carbonyl or a C=C), sulfurous (any S), fishy (a terminal N), waxy
    (9 or more carbons and no ring), sweet (an all-carbon ring), musky (a ring in a molecule of 10 or more atoms),
    floral (a terminal O-H with a ring); 7% of the labels flipped (panel disagreement). Returns (atom features:
    type one-hot + is-in-molecule, single-bond adjacency, double-bond adjacency, labels)."""
    size = torch.randint(5, OD_ATOMS + 1, (n,), generator=gen)
    idx = torch.arange(OD_ATOMS)
    present = (idx.unsqueeze(0) < size.unsqueeze(1)).float()
    u = torch.rand(n, OD_ATOMS, generator=gen)
    atype = torch.bucketize(u, torch.tensor([0.70, 0.85, 0.93]))  # 0 C, 1 O, 2 N, 3 S
    early = (torch.rand(n, OD_ATOMS, generator=gen) * idx.clamp_min(1)).long()
    parent = torch.where(torch.rand(n, OD_ATOMS, generator=gen) < 0.75, (idx - 1).clamp_min(0).expand(n, -1), early)
    double = torch.rand(n, OD_ATOMS, generator=gen) < 0.2
    adj = torch.zeros(n, OD_ATOMS, OD_ATOMS)
    dbl = torch.zeros(n, OD_ATOMS, OD_ATOMS)
    rows = torch.arange(n).unsqueeze(1).expand(n, OD_ATOMS - 1)
    child = idx[1:].expand(n, -1)
    par = parent[:, 1:]
    okc = present[:, 1:]
    is_d = double[:, 1:].float() * okc
    adj[rows, child, par] = okc * (1 - is_d)
    dbl[rows, child, par] = is_d
    ring = (torch.rand(n, generator=gen) < 0.4) & (size >= 6)
    start = (torch.rand(n, generator=gen) * (size - 5).clamp_min(1)).long()
    adj[torch.arange(n), start + 5, start] = torch.maximum(adj[torch.arange(n), start + 5, start], ring.float())
    adj = adj + adj.transpose(1, 2)
    dbl = dbl + dbl.transpose(1, 2)
    onehot = F.one_hot(atype, 4).float() * present.unsqueeze(2)
    is_c, is_o, is_n, is_s = (onehot[..., k] for k in range(4))
    deg = (adj + dbl).sum(2)
    d_o = (dbl @ is_o.unsqueeze(2)).squeeze(2) > 0
    s_o = (adj @ is_o.unsqueeze(2)).squeeze(2) > 0
    fruity = ((is_c > 0) & d_o & s_o).any(1)
    cc = (dbl @ is_c.unsqueeze(2)).squeeze(2) * is_c
    green = (((is_c > 0) & d_o & (deg <= 2)).any(1)) | (cc.sum(1) > 0)
    sulfur = is_s.sum(1) > 0
    fishy = ((is_n > 0) & (deg == 1)).any(1)
    n_c = is_c.sum(1)
    waxy = (n_c >= 9) & ~ring
    ring_idx = start.unsqueeze(1) + torch.arange(6).unsqueeze(0)
    ring_c = is_c.gather(1, ring_idx.clamp_max(OD_ATOMS - 1)).sum(1) == 6
    sweet = ring & ring_c
    musky = ring & (size >= 10)
    floral = ((is_o > 0) & (deg == 1) & (dbl.sum(2) == 0)).any(1) & ring
    labels = torch.stack([fruity, green, sulfur, fishy, waxy, sweet, musky, floral], 1).float()
    flip = torch.rand(n, OD_LABELS, generator=gen) < 0.07
    labels = torch.where(flip, 1 - labels, labels)
    feats = torch.cat([onehot, present.unsqueeze(2)], 2)
    return feats, adj, dbl, labels


class OdourMPNN(nn.Module):
    """A message-passing network on the molecular graph (in the manner of Sanchez-Lengeling et al. 2019 and the
    principal odour map; hidden 24): three rounds in which each atom sums messages from its single- and double-bonded
    neighbours (a weight per bond type) and updates its state with a GRU cell; a sum readout over the atoms and a
    dense head to the eight descriptor logits."""

    def __init__(self, hidden: int = 24, rounds: int = 3) -> None:
        super().__init__()
        self.embed = nn.Linear(5, hidden)
        self.msg_single = nn.Linear(hidden, hidden)
        self.msg_double = nn.Linear(hidden, hidden)
        self.update = nn.GRUCell(hidden, hidden)
        self.rounds = rounds
        self.head = nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, OD_LABELS))

    def forward(self, feats: torch.Tensor, adj: torch.Tensor, dbl: torch.Tensor) -> torch.Tensor:
        n, a, _ = feats.shape
        mask = feats[..., 4:5]
        h = torch.tanh(self.embed(feats)) * mask
        for _ in range(self.rounds):
            m = adj @ self.msg_single(h) + dbl @ self.msg_double(h)
            h = self.update(m.reshape(n * a, -1), h.reshape(n * a, -1)).view(n, a, -1) * mask
        return self.head(h.sum(1))


def odour_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The multi-label binary cross-entropy over the eight descriptors."""
    feats, adj, dbl, labels = batch
    return F.binary_cross_entropy_with_logits(model(feats, adj, dbl), labels)


def odour_gnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The odour MPNN on 2048 molecules; held out: 2048 other molecules in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(51302)
    f, a, d, y = _od_molecules(train_size + 2048, gen)
    tr = (f[:train_size], a[:train_size], d[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OdourMPNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], a[train_size:], d[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": odour_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. wood species from macroscopic end-grain images with a LeNet-style CNN (SGD with momentum, weight decay)

WD_SIZE, WD_SPECIES = 16, 8

# per species: ring width (px), latewood share, vessel density, vessel size, ring-porous (0/1), ray spacing (px),
# brightness
WD_TRAITS = torch.tensor([
    [5.0, 0.35, 0.00, 0.0, 0.0, 3.0, 0.70],  # pine-like softwood
    [3.5, 0.45, 0.00, 0.0, 0.0, 2.5, 0.62],  # larch-like softwood
    [4.5, 0.25, 0.00, 0.0, 0.0, 2.0, 0.78],  # spruce-like softwood
    [5.5, 0.30, 0.30, 1.0, 1.0, 4.0, 0.55],  # oak-like ring-porous
    [4.0, 0.30, 0.25, 0.8, 1.0, 3.0, 0.66],  # ash-like ring-porous
    [4.5, 0.20, 0.15, 0.6, 0.0, 2.5, 0.74],  # maple-like diffuse-porous
    [5.0, 0.20, 0.22, 0.7, 0.0, 5.0, 0.45],  # walnut-like diffuse-porous
    [3.5, 0.25, 0.12, 0.6, 0.0, 2.0, 0.60],  # birch-like diffuse-porous
])


def _wd_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """End-grain images 16 x 16: growth rings (arcs around an off-image pith, the species' ring width varied
    +-30%, a latewood band darker), rays (thin radial lines), vessels (dark pores, clustered in the earlywood for
    ring-porous species, spread for diffuse-porous ones), the species' brightness with tree-to-tree variation,
    lighting gradient and sensor noise."""
    sp = torch.randint(0, WD_SPECIES, (n,), generator=gen)
    tr = WD_TRAITS[sp]
    g = torch.arange(WD_SIZE).float()
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    ang = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
    dist = 25 + 40 * torch.rand(n, 1, 1, generator=gen)
    px, py = WD_SIZE / 2 + dist * torch.cos(ang), WD_SIZE / 2 + dist * torch.sin(ang)
    rad = ((xx - px) ** 2 + (yy - py) ** 2).sqrt()
    theta = torch.atan2(yy - py, xx - px)
    width = tr[:, 0].view(n, 1, 1) * (0.7 + 0.6 * torch.rand(n, 1, 1, generator=gen))
    phase = torch.frac(rad / width + torch.rand(n, 1, 1, generator=gen))
    late = tr[:, 1].view(n, 1, 1) * (0.8 + 0.4 * torch.rand(n, 1, 1, generator=gen))
    img = 1 - 0.35 * torch.sigmoid((phase - (1 - late)) * 30)
    spacing = tr[:, 5].view(n, 1, 1) * (0.8 + 0.4 * torch.rand(n, 1, 1, generator=gen))
    ray = torch.cos(theta * dist / spacing * 1.0 + 6.3 * torch.rand(n, 1, 1, generator=gen))
    img = img - 0.08 * (ray > 0.85).float()
    pores = torch.rand(n, WD_SIZE, WD_SIZE, generator=gen)
    dens = tr[:, 2].view(n, 1, 1) * (0.7 + 0.6 * torch.rand(n, 1, 1, generator=gen))
    ring_porous = tr[:, 4].view(n, 1, 1)
    where = ring_porous * (phase < 0.3).float() * 2.5 + (1 - ring_porous)
    vessel = (pores < dens * where).float() * tr[:, 3].view(n, 1, 1)
    img = img - 0.4 * vessel
    bright = tr[:, 6].view(n, 1, 1) * (0.85 + 0.3 * torch.rand(n, 1, 1, generator=gen))
    light = 1 + 0.1 * torch.randn(n, 1, 1, generator=gen) * (xx - WD_SIZE / 2) / (WD_SIZE / 2)
    img = img * bright * light + 0.06 * torch.randn(n, WD_SIZE, WD_SIZE, generator=gen)
    return img.unsqueeze(1), sp


class WoodLeNet(nn.Module):
    """A LeNet-style CNN (as Kwon et al. 2017's LeNet for softwood species): two 5x5 convolution + max-pooling
    stages (6 and 16 channels, ReLU, as LeNet-5), a dense layer of 64 with dropout 0.3, the species scores."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(6, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
        self.classifier = nn.Sequential(nn.Linear(16 * 4 * 4, 64), nn.ReLU(), nn.Dropout(0.3),
                                        nn.Linear(64, WD_SPECIES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x))


def species_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy over the eight species."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def wood_lenet(batch_size: int = 32, seed: int = 0, train_size: int = 1024) -> dict[str, Any]:
    """The wood LeNet on 1024 end-grain images; held out: 2048 other images in batches of 1024; SGD with momentum
    0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(51402)
    x, y = _wd_images(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WoodLeNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": species_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. chiller fault detection and diagnosis with a back-propagation MLP (SGD with Nesterov momentum; long only)

CH_FEAT, CH_CLASSES = 16, 8


def _ch_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Steady-state samples of a 90-ton centrifugal chiller: load 20-100%, condenser-water inlet 21-32 C,
    chilled-water set point 5-10 C. 16 features (evaporator and condenser water in / out, approaches, refrigerant
    pressures and saturation temperatures, superheat, subcooling, compressor power, COP, oil temperature, flows)
    from a smooth baseline model of the conditions; seven faults (reduced condenser flow, reduced evaporator flow,
    refrigerant leak, overcharge, excess oil, condenser fouling, non-condensables) shift them by their signature
    times the severity (levels 1-4 of 10-40%), partly scaled with the load; normal in a quarter of the samples;
    sensor noise. Returns (standardised features, class)."""
    sg = torch.Generator().manual_seed(51501)
    w1 = torch.randn(3, CH_FEAT, generator=sg)
    w2 = 0.5 * torch.randn(3, CH_FEAT, generator=sg)
    sig = torch.randn(CH_CLASSES - 1, CH_FEAT, generator=sg)
    sig = sig * (torch.rand(CH_CLASSES - 1, CH_FEAT, generator=sg) < 0.45)  # each fault moves ~45% of the features
    sig_load = 0.8 * torch.randn(CH_CLASSES - 1, CH_FEAT, generator=sg) * (sig != 0)
    cond = torch.stack([0.2 + 0.8 * torch.rand(n, generator=gen), torch.rand(n, generator=gen),
                        torch.rand(n, generator=gen)], 1) * 2 - 1
    base = cond @ w1 + torch.tanh(cond) ** 2 @ w2 + 0.6 * (cond[:, :1] * cond[:, 1:2]) * w1[2]
    cls = torch.where(torch.rand(n, generator=gen) < 0.25, torch.zeros(n, dtype=torch.long),
                      torch.randint(1, CH_CLASSES, (n,), generator=gen))
    sev = torch.randint(1, 5, (n, 1), generator=gen).float() / 10
    f = (cls - 1).clamp_min(0)
    shift = (sig[f] + sig_load[f] * cond[:, :1]) * sev * 2.5 * (cls > 0).float().unsqueeze(1)
    x = base + shift + 0.25 * torch.randn(n, CH_FEAT, generator=gen)
    return x, cls


class ChillerFDDNet(nn.Module):
    """A back-propagation network for fault diagnosis: 16 features, two sigmoid hidden layers of 32, 8 classes."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(CH_FEAT, hidden), nn.Sigmoid(), nn.Linear(hidden, hidden), nn.Sigmoid(),
                                 nn.Linear(hidden, CH_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def fault_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy over normal and the seven faults."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def chiller_fdd(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The chiller FDD network on 4096 samples (features standardised over them); held out: 2048 other samples in
    batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(51502)
    x, y = _ch_samples(train_size + 2048, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChillerFDDNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": fault_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. coffee drying kinetics with an ANN (Adam; long only)

CD_TIMES, CD_NOISE = 10, 0.03


def _cd_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Thin-layer drying runs of coffee: air temperature U[35, 60] C, air velocity U[0.3, 2] m/s, relative
    humidity U[15, 60]%, cherry or parchment, initial moisture U[45, 65]% w.b.; Page's model MR = exp(-k t^n),
    with k Arrhenius in temperature (higher for parchment, rising with air velocity, falling with humidity) and n
    by product, 8% run-to-run variation in k; ten weighings over 0-72 h (cherry) or 0-36 h (parchment) with
    noise sd 0.03. Returns rows (standardised conditions and time) and the moisture ratio."""
    temp = 35 + 25 * torch.rand(n, generator=gen)
    vel = 0.3 + 1.7 * torch.rand(n, generator=gen)
    rh = 15 + 45 * torch.rand(n, generator=gen)
    parch = (torch.rand(n, generator=gen) < 0.5).float()
    m0 = 45 + 20 * torch.rand(n, generator=gen)
    k = (0.045 * torch.exp(-4200 * (1 / (temp + 273.15) - 1 / 318.15)) * (1 + 1.2 * parch) * vel**0.35
         * (1 - 0.008 * (rh - 15)) * (1 - 0.006 * (m0 - 55)) * torch.exp(0.08 * torch.randn(n, generator=gen)))
    npage = 0.95 + 0.2 * parch
    t_end = 72 - 36 * parch
    t = torch.sort(torch.rand(n, CD_TIMES, generator=gen), 1).values * t_end.unsqueeze(1)
    mr = torch.exp(-k.unsqueeze(1) * t ** npage.unsqueeze(1))
    mr = mr + CD_NOISE * torch.randn(n, CD_TIMES, generator=gen)
    conds = torch.stack([(temp - 47.5) / 7.2, (vel - 1.15) / 0.5, (rh - 37.5) / 13, parch * 2 - 1, (m0 - 55) / 5.8], 1)
    rows = torch.cat([conds.unsqueeze(1).expand(n, CD_TIMES, 5), (t / 36 - 1).unsqueeze(2)], 2)
    return rows.reshape(n * CD_TIMES, 6), mr.reshape(n * CD_TIMES)


class DryingANN(nn.Module):
    """A feed-forward ANN of drying kinetics: six inputs, two tanh hidden layers of 24, one output (the moisture
    ratio)."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def drying_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the moisture ratio."""
    x, y = batch
    return F.mse_loss(model(x), y)


def coffee_drying_ann(batch_size: int = 16, seed: int = 0, train_runs: int = 400) -> dict[str, Any]:
    """The drying ANN on 400 runs x 10 weighings (4000 rows), batch 16; held out: 200 other runs (2000 rows) in
    batches of 1000; Adam."""
    gen = torch.Generator().manual_seed(51602)
    x, y = _cd_runs(train_runs + 200, gen)
    n = train_runs * CD_TIMES
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": DryingANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1000),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": drying_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("do_lstm_rmsprop", do_lstm, 300, "aquaculture_pond_dissolved_oxygen_lstm", "rmsprop", "finite", 32,
      seconds=0.9, start_lr=0.016),
    W("mistnet_sgdm", mistnet, 300, "mistnet_weather_radar_bird_rain_segmentation", "sgd_momentum0.9", "finite", 16,
      seconds=1.9, start_lr=0.1),
    W("odour_gnn_adam", odour_gnn, 300, "odour_descriptor_message_passing_gnn", "adam", "finite", 32,
      seconds=1.9, start_lr=0.032),
    W("wood_lenet_sgdm", wood_lenet, 300, "wood_species_end_grain_lenet", "sgd_momentum0.9_wd5e-4", "finite", 32,
      seconds=1.7, start_lr=0.025),
)
LONG = (
    W("chiller_fdd_sgdn@long", chiller_fdd, 3000, "chiller_fault_diagnosis_bp_network", "sgd_nesterov0.9", "finite",
      32, seconds=2.5, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("coffee_drying_ann_adam@long", coffee_drying_ann, 3000, "coffee_drying_kinetics_ann", "adam", "finite", 16,
      seconds=1.7, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("odour_gnn_adam@long", odour_gnn, 3000, "odour_descriptor_message_passing_gnn", "adam", "finite", 32,
      dict(train_size=8192), seconds=8.5, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="odour_gnn_adam"),
    W("do_lstm_rmsprop@long", do_lstm, 3000, "aquaculture_pond_dissolved_oxygen_lstm", "rmsprop", "finite", 32,
      dict(train_ponds=96), seconds=3.3, start_lr=0.002, grid_fractions=(0.0, 0.05), long_of="do_lstm_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam51_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-first exam's workloads")
