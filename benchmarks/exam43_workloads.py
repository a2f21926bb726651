"""The forty-third exam: six more workload families that neither the suite nor exams 1-42 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam42_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from seismology and earthquake
engineering, epidemiology and public health, real estate and urban economics, chemical engineering and process
control, tourism and hospitality, and glaciology and polar science (exam 44 was built at the same time from other
domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam43/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- a neural ground-motion model (GMPE) in the style of Derras, Bard & Cotton (2014): a one-hidden-layer tanh
  network (16 units) maps moment magnitude, log10 Joyner-Boore distance, log10 Vs30, depth / 10 km and the style of
  faulting (as they come, not centred) to the ln PGA, PGV and 5%-damped spectral accelerations at 0.1, 0.3, 1 and
  3 s (standardised); MSE; records of synthetic events from a BSSA14-like functional form with between- and
  within-event residuals; held out on other events; SGD with momentum 0.9 (back-propagation with momentum, as the
  early ANN ground-motion models were trained; from memory)
- influenza-like-illness forecasting with a transformer (Wu, Green, Ben & O'Banion 2020): the weekly ILI rate of
  the last 10 weeks (with the week of the year) through an input projection, sinusoidal positions and two
  encoder layers (d_model 16, 2 heads, dropout 0.1), the next 4 weeks from the last position; MSE; seasonal
  epidemics of synthetic regions; held out on other regions; batch 64 and Adam with betas (0.9, 0.98), eps 1e-9
  (Wu et al.'s, after Vaswani et al.; from memory)
- house prices with attention-based spatial interpolation (ASI, Viana & Barbosa 2021): a property's features are
  embedded by a small ELU MLP; two attention blocks over its 8 nearest previously sold properties in space and its
  8 nearest in feature space (scores from the embeddings' Euclidean distance, the geographic one also from the
  distance in km) pool the neighbours' log prices and embeddings; a dense head gives the log price; MSE on the
  standardised log price; a synthetic city with a land-value surface; Adam (from memory)
- pH neutralisation with a NARX network (Bhat & McAvoy 1990): an MLP with one tanh hidden layer gives the next
  pH reading (15 s ahead) from the last three pH readings and base flows and the acid flow; the data are simulated
  from Henson & Seborg's (1994) reaction-invariant model of an acid / buffer / base CSTR under pseudo-random
  base-flow steps; MSE on the scaled pH; SGD with Nesterov momentum 0.9 (the author's choice for a field whose
  1990s papers used back-propagation with momentum; from memory)
- tourism demand forecasting with an attention LSTM (Law, Li, Fong & Han 2019; a long plan only): monthly visitor
  arrivals of many origin markets with a search-intensity index that leads them; 12 months of (log arrivals,
  search index, standardised, and the month) through an LSTM (hidden 16) with temporal attention pooling, the next
  month's log arrivals; MSE; held out on other markets; Adam (from memory)
- glacier-wide surface mass balance with a deep ANN (Bolibar et al. 2020, ALPGM; a long plan only): topographical
  features and seasonal / monthly climate anomalies through dense layers 40-20-10-5 with LeakyReLU and dropout 0.1
  (no batch norm) to the annual mass balance (m w.e.); MSE; synthetic glaciers with a degree-day melt and
  accumulation model; held out on other years of the same glaciers; RMSprop (the author's memory of ALPGM's Keras
  code; unverified)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tourism LSTM and
the mass-balance ANN (no short plans), the ground-motion model on 8192 records instead of 1024 and the pH NARX
network on 48 identification runs instead of 16.

Of the eight plans, two use plain Adam (ASI, the tourism LSTM), one Adam with betas (0.9, 0.98) and eps 1e-9
(the ILI transformer), two SGD with momentum (both ground-motion plans), two SGD with Nesterov momentum (both pH
plans) and one RMSprop (the mass-balance ANN).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam43_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam43/README.md).

    python benchmarks/exam43_workloads.py          # the table
    python benchmarks/exam43_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 43"


# --------------------------------------------------------------------------------------------------------------
# 1. a neural ground-motion model (SGD with momentum)

# BSSA14-like coefficients for ln PGA, ln PGV, ln SA(0.1 s), SA(0.3 s), SA(1 s), SA(3 s)
GM_E = torch.tensor([0.45, 5.0, 1.0, 1.2, 0.3, -1.2])       # magnitude-independent level
GM_B1 = torch.tensor([1.43, 1.07, 1.30, 1.55, 1.95, 2.40])  # magnitude slope below the hinge
GM_B2 = torch.tensor([0.05, -0.17, 0.03, -0.02, -0.18, -0.25])  # curvature below the hinge
GM_B3 = torch.tensor([-0.16, 0.17, -0.15, 0.0, 0.26, 0.45])  # slope above the hinge
GM_MH = torch.tensor([5.5, 6.2, 5.5, 5.7, 6.2, 6.6])        # the hinge magnitude
GM_C1 = torch.tensor([-1.13, -1.24, -1.10, -1.00, -1.05, -1.00])
GM_C2 = torch.tensor([0.19, 0.19, 0.18, 0.12, 0.12, 0.10])
GM_C3 = torch.tensor([-0.008, -0.003, -0.010, -0.006, -0.002, -0.001])
GM_H = torch.tensor([4.5, 5.3, 4.2, 4.9, 5.7, 6.6])
GM_CLIN = torch.tensor([-0.60, -0.84, -0.45, -0.70, -1.05, -1.00])
GM_F2 = torch.tensor([-0.15, -0.10, -0.18, -0.12, -0.05, -0.01])  # nonlinear site amplification (soft sites)
GM_MECH = torch.tensor([[0.0, 0.0, 0.0, 0.0, 0.0, 0.0],     # strike-slip
                        [-0.10, -0.08, -0.12, -0.10, -0.06, -0.04],  # normal
                        [0.12, 0.08, 0.14, 0.13, 0.08, 0.05]])  # reverse
GM_TAU, GM_PHI = 0.20, 0.25


def _gm_records(n_events: int, per_event: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Strong-motion records of shallow crustal earthquakes: Mw U[4, 7.5] (more small events), depth U[3, 20] km,
    style of faulting 50% strike-slip, 25% normal, 25% reverse, an event term N(0, 0.20^2) per event; per record a
    Joyner-Boore distance log-uniform 1-200 km, Vs30 log-uniform 180-1500 m/s and a within-event residual (sd 0.25,
    half of it shared across the six intensity measures). The log intensities follow a BSSA14-like form: magnitude
    scaling with a hinge, magnitude-dependent geometric spreading, anelastic attenuation, a linear Vs30 term, a
    nonlinear soft-site term that grows with the rock PGA, a depth term. Returns (inputs (n, 7), ln intensities
    (n, 6))."""
    mw = 4 + 3.5 * torch.rand(n_events, generator=gen) ** 1.3
    depth = 3 + 17 * torch.rand(n_events, generator=gen)
    u = torch.rand(n_events, generator=gen)
    mech = torch.where(u < 0.5, 0, torch.where(u < 0.75, 1, 2))
    eta = GM_TAU * torch.randn(n_events, 6, generator=gen)
    m = mw.repeat_interleave(per_event).unsqueeze(1)
    dep = depth.repeat_interleave(per_event).unsqueeze(1)
    mc = mech.repeat_interleave(per_event)
    n = len(mc)
    rjb = torch.exp(math.log(200) * torch.rand(n, 1, generator=gen))
    vs30 = torch.exp(math.log(180) + math.log(1500 / 180) * torch.rand(n, 1, generator=gen))
    dm = m - GM_MH
    fm = torch.where(dm <= 0, GM_B1 * dm + GM_B2 * dm**2, GM_B3 * dm)
    r = torch.sqrt(rjb**2 + GM_H**2)
    fr = (GM_C1 + GM_C2 * (m - 4.5)) * torch.log(r) + GM_C3 * (r - 1)
    ln_rock = GM_E + fm + fr + GM_MECH[mc]
    pga_rock = torch.exp(ln_rock[:, :1])
    f_lin = GM_CLIN * torch.log(vs30.clamp_max(1300) / 760)
    f_nl = GM_F2 * (torch.exp(-0.007 * (vs30.clamp_max(760) - 360)) - 0.45) * torch.log((pga_rock + 0.1) / 0.1)
    f_dep = 0.04 * (dep - 10) * torch.tensor([1.0, 0.6, 1.1, 1.0, 0.5, 0.2])
    phi = GM_PHI * (0.7 * torch.randn(n, 1, generator=gen) + 0.7 * torch.randn(n, 6, generator=gen))
    y = ln_rock + f_lin + f_nl + f_dep + eta.repeat_interleave(per_event, 0) + phi
    x = torch.cat([m, torch.log10(rjb), torch.log10(vs30), dep / 10, F.one_hot(mc, 3).float()], 1)
    return x, y


class GroundMotionANN(nn.Module):
    """A feed-forward ground-motion model (as Derras, Bard & Cotton 2014): one hidden layer of tanh units from the
    event and site parameters to the (standardised) log intensity measures."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gm_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the six standardised log intensity measures."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ground_motion(batch_size: int = 32, seed: int = 0, train_events: int = 128, hidden: int = 16) -> dict[str, Any]:
    """The ground-motion ANN on ``train_events`` events of 8 records (1024 records: a regional strong-motion
    database); held out: 128 other events (1024 records) in batches of 512; targets standardised over the training
    records; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(43102)
    x, y = _gm_records(train_events + 128, 8, gen)
    n = 8 * train_events
    y = (y - y[:n].mean(0)) / y[:n].std(0)
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": GroundMotionANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": gm_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. influenza-like illness forecasting with a transformer encoder (Adam, betas (0.9, 0.98))

ILI_SEASONS, ILI_IN, ILI_OUT = 6, 10, 4


def _ili_series(n_regions: int, gen: torch.Generator) -> torch.Tensor:
    """Weekly ILI rates (% of visits) of ``n_regions`` regions over 6 seasons of 52 weeks from week 40: a baseline
    0.8-1.6%, each season an epidemic (a skewed bell: faster rise than fall) peaking at season week 12-26 with a
    log-normal height around 3.5%, a width 3-6 weeks, in 40% of seasons a later smaller B wave, a Christmas bump of
    visits in season week 12-13, and multiplicative reporting noise (sd 6%). Returns (regions, weeks)."""
    w = torch.arange(52).float()
    out = []
    base = 0.8 + 0.8 * torch.rand(n_regions, 1, generator=gen)
    for _ in range(ILI_SEASONS):
        peak = 12 + 14 * torch.rand(n_regions, 1, generator=gen)
        height = 3.5 * torch.exp(0.35 * torch.randn(n_regions, 1, generator=gen))
        width = 3 + 3 * torch.rand(n_regions, 1, generator=gen)
        d = w - peak
        wave = height * torch.exp(-0.5 * (d / torch.where(d < 0, 0.7 * width, 1.3 * width)) ** 2)
        has_b = (torch.rand(n_regions, 1, generator=gen) < 0.4).float()
        pb = peak + 6 + 6 * torch.rand(n_regions, 1, generator=gen)
        wave = wave + has_b * 0.4 * height * torch.exp(-0.5 * ((w - pb) / (1.2 * width)) ** 2)
        xmas = 0.4 * ((w == 12) | (w == 13)).float()
        s = (base + wave + xmas) * torch.exp(0.06 * torch.randn(n_regions, 52, generator=gen))
        out.append(s)
    return torch.cat(out, 1)


def _ili_windows(series: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Every window of 10 input weeks (the ILI rate / 4 and the week of the year as sine and cosine) and the 4
    weeks after it (/ 4)."""
    r, t = series.shape
    week = (torch.arange(t) + 40) % 52
    ang = 2 * math.pi * week.float() / 52
    feats = torch.stack([series / 4, torch.sin(ang).expand(r, t), torch.cos(ang).expand(r, t)], 2)
    xs, ys = [], []
    for s in range(t - ILI_IN - ILI_OUT + 1):
        xs.append(feats[:, s : s + ILI_IN])
        ys.append(series[:, s + ILI_IN : s + ILI_IN + ILI_OUT] / 4)
    return torch.cat(xs), torch.cat(ys)


class ILITransformer(nn.Module):
    """Wu et al.'s (2020) transformer for ILI forecasting, encoder only: the inputs projected to d_model,
    sinusoidal positions added, two post-LN encoder layers, the last position's state to the next 4 weeks."""

    def __init__(self, d_model: int = 16, heads: int = 2, layers: int = 2, dropout: float = 0.1) -> None:
        super().__init__()
        self.inp = nn.Linear(3, d_model)
        pos = torch.arange(ILI_IN).float().unsqueeze(1)
        div = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))
        pe = torch.zeros(ILI_IN, d_model)
        pe[:, 0::2], pe[:, 1::2] = torch.sin(pos * div), torch.cos(pos * div)
        self.register_buffer("pe", pe)
        layer = nn.TransformerEncoderLayer(d_model, heads, 2 * d_model, dropout, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.out = nn.Linear(d_model, ILI_OUT)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.enc(self.inp(x) + self.pe)
        return self.out(h[:, -1])


def ili_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the next 4 weeks' (scaled) ILI rates."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ili_transformer(batch_size: int = 64, seed: int = 0, train_regions: int = 10, layers: int = 2) -> dict[str, Any]:
    """The ILI transformer on every window of ``train_regions`` regions (10: 2,990 windows); held out: the windows
    of 4 other regions (1,196) in batches of 598; Adam with betas (0.9, 0.98), eps 1e-9 (Wu et al.'s)."""
    gen = torch.Generator().manual_seed(43202)
    series = _ili_series(train_regions + 4, gen)
    tr = _ili_windows(series[:train_regions])
    te = _ili_windows(series[train_regions:])
    torch.manual_seed(seed)
    return {"model": ILITransformer(layers=layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 598),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, 0.98), eps=1e-9),
                                "adam_b2_0.98_eps1e-9"),
            "loss_fn": ili_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. house prices with attention-based spatial interpolation, ASI (Adam)

AS_FEAT, AS_K = 6, 8


def _as_city(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sold houses in a 20 x 20 km city: locations clustered around a CBD and 3 sub-centres; features (log floor
    area, bedrooms, bathrooms, age, a quality grade, log lot size; correlated); the log price = a land
    value surface (falling with the distance to the CBD and the nearest sub-centre, a lakeside premium, a
    depressed district, 40 random neighbourhood bumps) + structure terms (area elasticity 0.75 that is higher where
    land is dearer, quality, age depreciation easing for old houses, bathrooms) + noise (sd 0.06). Returns
    (locations (km), features, log price)."""
    tg = torch.Generator().manual_seed(43301)
    centres = torch.tensor([[10.0, 10.0], [4.0, 14.0], [15.0, 5.0], [14.0, 16.0]])
    bumps = 20 * torch.rand(40, 2, generator=tg)
    bump_h = 0.15 * torch.randn(40, generator=tg)
    c = torch.randint(0, 4, (n,), generator=gen)
    xy = (centres[c] + 3.5 * torch.randn(n, 2, generator=gen)).clamp(0, 20)
    d_cbd = (xy - centres[0]).norm(dim=1)
    d_sub = torch.cdist(xy, centres[1:]).min(1).values
    lake = torch.exp(-((xy[:, 0] - 6) ** 2 + (xy[:, 1] - 5) ** 2) / 4)
    slum = torch.exp(-((xy[:, 0] - 13) ** 2 + (xy[:, 1] - 11) ** 2) / 3)
    nb = (bump_h * torch.exp(-torch.cdist(xy, bumps) ** 2 / 3)).sum(1)
    land = 1.2 * torch.exp(-d_cbd / 5) + 0.4 * torch.exp(-d_sub / 2) + 0.5 * lake - 0.5 * slum + nb
    area = 4.7 + 0.1 * d_cbd.sqrt() + 0.35 * torch.randn(n, generator=gen)
    bed = (1 + (area - 3.9) * 2.2 + 0.6 * torch.randn(n, generator=gen)).round().clamp(1, 6)
    bath = (bed / 2 + 0.5 * torch.randn(n, generator=gen)).round().clamp(1, 4)
    age = 60 * torch.rand(n, generator=gen) ** 1.2
    quality = (3 + land + 0.8 * torch.randn(n, generator=gen)).round().clamp(1, 6)
    lot = 5.8 + 0.08 * d_cbd + 0.4 * torch.randn(n, generator=gen)
    logp = (11.5 + land + (0.75 + 0.2 * land) * (area - 4.8) + 0.09 * quality + 0.04 * bath
            - 0.012 * age + 0.00012 * age**2 + 0.1 * (lot - 6) + 0.06 * torch.randn(n, generator=gen))
    feats = torch.stack([area, bed, bath, age, quality, lot], 1)
    return xy, feats, logp


class ASI(nn.Module):
    """Attention-based spatial interpolation (Viana & Barbosa 2021), simplified: an ELU MLP embeds each house's
    features; two attention blocks, over the 8 geographic and the 8 feature-space nearest sold houses, weight them
    by a softmax of minus the squared Euclidean distance between projected embeddings (minus a learned multiple of
    the distance in km for the geographic one) and pool their (log price, embedding); a dense head maps the house's
    embedding and the two pooled vectors to its log price."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.embed = nn.Sequential(nn.Linear(AS_FEAT, hidden), nn.ELU(), nn.Linear(hidden, hidden), nn.ELU())
        self.q_geo, self.q_feat = nn.Linear(hidden, 8), nn.Linear(hidden, 8)
        self.dist_scale = nn.Parameter(torch.zeros(1))
        self.head = nn.Sequential(nn.Linear(3 * hidden + 2, hidden), nn.ELU(), nn.Linear(hidden, 1))

    def attend(self, e: torch.Tensor, en: torch.Tensor, yn: torch.Tensor, proj: nn.Module,
               dist: torch.Tensor | None) -> torch.Tensor:
        score = -(proj(e).unsqueeze(1) - proj(en)).pow(2).sum(2)
        if dist is not None:
            score = score - F.softplus(self.dist_scale) * dist
        a = torch.softmax(score, 1).unsqueeze(2)
        return (a * torch.cat([yn.unsqueeze(2), en], 2)).sum(1)

    def forward(self, x: torch.Tensor, geo_x: torch.Tensor, geo_y: torch.Tensor, geo_d: torch.Tensor,
                feat_x: torch.Tensor, feat_y: torch.Tensor) -> torch.Tensor:
        e = self.embed(x)
        g = self.attend(e, self.embed(geo_x), geo_y, self.q_geo, geo_d)
        f = self.attend(e, self.embed(feat_x), feat_y, self.q_feat, None)
        return self.head(torch.cat([e, g, f], 1)).squeeze(1)


def _as_neighbours(q_xy: torch.Tensor, q_x: torch.Tensor, r_xy: torch.Tensor, r_x: torch.Tensor, r_y: torch.Tensor,
                   exclude_self: bool) -> tuple[torch.Tensor, ...]:
    """The 8 geographic and the 8 feature-space nearest reference sales of each query: their features, log
    prices, and (geographic) distances in km."""
    dg = torch.cdist(q_xy, r_xy)
    df = torch.cdist(q_x, r_x)
    if exclude_self:
        dg.fill_diagonal_(float("inf"))
        df.fill_diagonal_(float("inf"))
    ig = dg.topk(AS_K, 1, largest=False).indices
    i_f = df.topk(AS_K, 1, largest=False).indices
    return r_x[ig], r_y[ig], dg.gather(1, ig), r_x[i_f], r_y[i_f]


def asi_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log price."""
    *inputs, y = batch
    return F.mse_loss(model(*inputs), y)


def asi_house_prices(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """ASI on ``train_size`` sales whose neighbours come from the same sales (themselves excluded); held out: 1024
    later sales in batches of 512, their neighbours among the training sales; log prices standardised over the
    training sales; Adam."""
    gen = torch.Generator().manual_seed(43302)
    xy, feats, logp = _as_city(train_size + 1024, gen)
    n = train_size
    mu, sd = feats[:n].mean(0), feats[:n].std(0)
    x = (feats - mu) / sd
    y = (logp - logp[:n].mean()) / logp[:n].std()
    tr = (x[:n], *_as_neighbours(xy[:n], x[:n], xy[:n], x[:n], y[:n], True), y[:n])
    te = (x[n:], *_as_neighbours(xy[n:], x[n:], xy[:n], x[:n], y[:n], False), y[n:])
    torch.manual_seed(seed)
    return {"model": ASI(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": asi_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pH neutralisation with a NARX network (SGD with Nesterov momentum)

PH_PK1, PH_PK2, PH_V = 6.35, 10.33, 2900.0  # carbonic acid pKs; tank volume (ml)
PH_WA = (3e-3, -3e-2, -3.05e-3)  # reaction invariant Wa of the acid, buffer and base streams (M)
PH_WB = (0.0, 3e-2, 5e-5)
PH_DT, PH_AHEAD = 15.0, 1  # sample time (s); prediction horizon (samples: one step ahead)


def _ph_from_invariants(wa: torch.Tensor, wb: torch.Tensor) -> torch.Tensor:
    """Henson & Seborg's implicit titration curve solved for pH by bisection (it is monotone in pH)."""
    lo, hi = torch.zeros_like(wa), torch.full_like(wa, 14.0)
    for _ in range(40):
        ph = (lo + hi) / 2
        f = (wa + 10 ** (ph - 14) - 10 ** (-ph)
             + wb * (1 + 2 * 10 ** (ph - PH_PK2)) / (1 + 10 ** (PH_PK1 - ph) + 10 ** (ph - PH_PK2)))
        up = f > 0
        hi = torch.where(up, ph, hi)
        lo = torch.where(up, lo, ph)
    return (lo + hi) / 2


def _ph_runs(n_runs: int, length: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Open-loop runs of the pH CSTR (constant volume 2.9 l): the base flow q3 in random steps between 12 and 17.5
    ml/s held 4-20 samples (an amplitude-modulated pseudo-random signal), the acid flow q1 a slow random walk
    around 16.6 ml/s, the buffer flow 0.55 ml/s; the reaction invariants integrated in 1.5 s Euler steps from a
    random start; pH read every 15 s with sensor noise (sd 0.02). Returns (pH, q3, q1), each (runs, length)."""
    q3 = torch.empty(n_runs, length)
    hold = torch.zeros(n_runs)
    level = 12 + 5.5 * torch.rand(n_runs, generator=gen)
    for t in range(length):
        new = hold <= 0
        level = torch.where(new, 12 + 5.5 * torch.rand(n_runs, generator=gen), level)
        hold = torch.where(new, torch.randint(4, 21, (n_runs,), generator=gen).float(), hold) - 1
        q3[:, t] = level
    q1 = 16.6 + torch.cumsum(0.15 * torch.randn(n_runs, length, generator=gen), 1).clamp(-2.5, 2.5)
    q2 = 0.55
    wa = -4.3e-4 + 1e-3 * torch.randn(n_runs, generator=gen)
    wb = 5.3e-4 + 1e-5 * torch.randn(n_runs, generator=gen)
    ph = torch.empty(n_runs, length)
    sub = 10
    for t in range(length):
        ph[:, t] = _ph_from_invariants(wa, wb)
        for _ in range(sub):
            f1, f3 = q1[:, t], q3[:, t]
            wa = wa + PH_DT / sub / PH_V * (f1 * (PH_WA[0] - wa) + q2 * (PH_WA[1] - wa) + f3 * (PH_WA[2] - wa))
            wb = wb + PH_DT / sub / PH_V * (f1 * (PH_WB[0] - wb) + q2 * (PH_WB[1] - wb) + f3 * (PH_WB[2] - wb))
    ph = ph + 0.02 * torch.randn(ph.shape, generator=gen)
    return ph, q3, q1


def _ph_rows(ph: torch.Tensor, q3: torch.Tensor, q1: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """NARX regressors (pH(t), pH(t-1), pH(t-2), q3(t), q3(t-1), q3(t-2), q1(t); pH centred at 7 and halved,
    flows as deviations / 3) and the target pH(t + 1) (the same scaling), over every run."""
    xs, ys = [], []
    for t in range(2, ph.shape[1] - PH_AHEAD):
        xs.append(torch.stack([(ph[:, t] - 7) / 2, (ph[:, t - 1] - 7) / 2, (ph[:, t - 2] - 7) / 2,
                               (q3[:, t] - 15) / 3, (q3[:, t - 1] - 15) / 3, (q3[:, t - 2] - 15) / 3,
                               (q1[:, t] - 16.6) / 3], 1))
        ys.append((ph[:, t + PH_AHEAD] - 7) / 2)
    return torch.cat(xs), torch.cat(ys)


class NARXNet(nn.Module):
    """A NARX network (Bhat & McAvoy 1990): one tanh hidden layer from the lagged outputs and inputs to the future
    pH."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def narx_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) next pH reading."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ph_narx(batch_size: int = 32, seed: int = 0, train_runs: int = 16, length: int = 200, held_runs: int = 16,
            hidden: int = 16) -> dict[str, Any]:
    """The NARX network on the rows of ``train_runs`` open-loop identification runs of 200 samples (16: 3,152
    rows); held out: the rows of 16 other runs (3,152) in two batches; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(43402)
    ph, q3, q1 = _ph_runs(train_runs + held_runs, length, gen)
    tr = _ph_rows(ph[:train_runs], q3[:train_runs], q1[:train_runs])
    te = _ph_rows(ph[train_runs:], q3[train_runs:], q1[train_runs:])
    torch.manual_seed(seed)
    return {"model": NARXNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, len(te[0]) // 2),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": narx_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. tourism demand forecasting with an attention LSTM (Adam; long only)

TD_YEARS, TD_LAGS = 16, 12


def _td_markets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Monthly visitor arrivals to one destination from ``n`` origin markets over 16 years: a log level per market,
    a trend (0-8% a year) with a slow cycle, a market-specific seasonal profile (a mix of a summer peak, a
    Lunar-New-Year peak in Jan / Feb and a Golden-Week peak in October), an exchange-rate-like AR(1) driver, a
    3-month travel-ban shock in 30% of markets, and noise (sd 0.03). A search-intensity index leads arrivals: it is
    the next month's log arrivals less its level, plus noise (sd 0.05). Returns (log arrivals, search), (n, months)."""
    t = torch.arange(12 * TD_YEARS).float()
    month = t % 12
    lvl = 9 + 1.5 * torch.randn(n, 1, generator=gen)
    trend = 0.08 * torch.rand(n, 1, generator=gen) * t / 12
    cyc = 0.1 * torch.sin(2 * math.pi * t / (12 * (4 + 4 * torch.rand(n, 1, generator=gen)))
                          + 2 * math.pi * torch.rand(n, 1, generator=gen))
    w = torch.softmax(1.5 * torch.randn(n, 3, generator=gen), 1)
    summer = torch.exp(-0.5 * ((month - 7) / 1.2) ** 2)
    lny = torch.exp(-0.5 * ((month - 0.6) / 0.7) ** 2)
    golden = torch.exp(-0.5 * ((month - 9) / 0.5) ** 2)
    season = 0.7 * (w[:, :1] * summer + w[:, 1:2] * lny + w[:, 2:] * golden)
    e = 0.04 * torch.randn(n, len(t), generator=gen)
    fx = torch.zeros(n, len(t))
    for i in range(1, len(t)):
        fx[:, i] = 0.9 * fx[:, i - 1] + e[:, i]
    start = torch.randint(24, len(t) - 6, (n, 1), generator=gen)
    shock = ((torch.rand(n, 1, generator=gen) < 0.3) & (t >= start) & (t < start + 3)).float()
    y = lvl + trend + cyc + season - 1.5 * fx - 1.2 * shock + 0.03 * torch.randn(n, len(t), generator=gen)
    nxt = torch.cat([y[:, 1:], y[:, -1:]], 1)
    search = (nxt - lvl) + 0.05 * torch.randn(n, len(t), generator=gen)
    return y, search


def _td_windows(y: torch.Tensor, search: torch.Tensor, scale: tuple[float, ...]) -> tuple[torch.Tensor, torch.Tensor]:
    """Every window of 12 months of (log arrivals and search index, each standardised with the training markets'
    mean and sd, month sine and cosine) and the next month's standardised log arrivals."""
    n, t = y.shape
    ys_, qs = (y - scale[0]) / scale[1], (search - scale[2]) / scale[3]
    ang = 2 * math.pi * (torch.arange(t) % 12).float() / 12
    xs, ys = [], []
    for s in range(t - TD_LAGS):
        xs.append(torch.stack([ys_[:, s : s + TD_LAGS], qs[:, s : s + TD_LAGS],
                               torch.sin(ang[s : s + TD_LAGS]).expand(n, TD_LAGS),
                               torch.cos(ang[s : s + TD_LAGS]).expand(n, TD_LAGS)], 2))
        ys.append(ys_[:, s + TD_LAGS])
    return torch.cat(xs), torch.cat(ys)


class AttentionLSTM(nn.Module):
    """An LSTM over the 12 months with temporal attention (Law et al. 2019): a score per month from its hidden
    state, softmax weights, the weighted sum of the states joined with the last state, a dense layer to the
    forecast."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(4, hidden, batch_first=True)
        self.score = nn.Linear(hidden, 1)
        self.out = nn.Linear(2 * hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        a = torch.softmax(self.score(torch.tanh(h)), 1)
        return self.out(torch.cat([(a * h).sum(1), h[:, -1]], 1)).squeeze(1)


def td_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the next month's log arrivals (relative to the window's mean)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tourism_lstm(batch_size: int = 32, seed: int = 0, train_markets: int = 48, held_markets: int = 16,
                 hidden: int = 16) -> dict[str, Any]:
    """The attention LSTM on every 12-month window of 48 origin markets (8,640 windows); held out: the windows of
    16 other markets (2,880) in batches of 720; series standardised with the training markets' mean and sd; Adam."""
    gen = torch.Generator().manual_seed(43502)
    y, search = _td_markets(train_markets + held_markets, gen)
    k = train_markets
    scale = (float(y[:k].mean()), float(y[:k].std()), float(search[:k].mean()), float(search[:k].std()))
    tr = _td_windows(y[:k], search[:k], scale)
    te = _td_windows(y[k:], search[k:], scale)
    torch.manual_seed(seed)
    return {"model": AttentionLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 720),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": td_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. glacier-wide surface mass balance with a deep ANN (RMSprop; long only)

GL_YEARS = 16


def _gl_data(n_glaciers: int, years: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Annual glacier-wide surface mass balances (m w.e.) of ``n_glaciers`` Alpine-like glaciers over ``years``.
    Topography per glacier: mean altitude 2600-3400 m, altitude range, slope of the lowest 20%, log area, latitude,
    longitude, aspect (sine and cosine). Climate per glacier-year: monthly temperature anomalies (a regional signal
    with a warming trend + a glacier-local part) and monthly snowfall anomalies. The balance follows a degree-day
    model on 6 elevation bands: accumulation from winter and summer snowfall (more with altitude), melt from
    positive degree days (lapse rate 6.5 K/km) with a higher factor on ice than on snow (an albedo feedback), a
    glacier-specific bias (sd 0.05) and noise (sd 0.12). Features (19): the 8 topographic ones, the cumulative
    positive degree-day and winter / summer snowfall anomalies, 4 summer-month temperature and 4 winter-month
    snowfall anomalies (standardised by the factory). Returns (features, balance)."""
    g = n_glaciers
    zmean = 2600 + 800 * torch.rand(g, 1, generator=gen)
    zrange = 300 + 900 * torch.rand(g, 1, generator=gen)
    slope = 10 + 20 * torch.rand(g, 1, generator=gen)
    larea = torch.log(0.3 + 15 * torch.rand(g, 1, generator=gen) ** 2)
    lat, lon = torch.rand(g, 1, generator=gen), torch.rand(g, 1, generator=gen)
    asp = 2 * math.pi * torch.rand(g, 1, generator=gen)
    bias = 0.05 * torch.randn(g, 1, generator=gen)
    shade = 0.3 * torch.cos(asp)  # north-facing: less melt
    yrs = torch.arange(years).float()
    reg_t = 0.03 * yrs.view(1, -1, 1) + 0.8 * torch.randn(1, years, 12, generator=gen).expand(g, -1, -1)
    t_anom = reg_t + 0.4 * torch.randn(g, years, 12, generator=gen) + 0.5 * (lat - 0.5).unsqueeze(2)
    reg_s = 0.3 * torch.randn(1, years, 12, generator=gen).expand(g, -1, -1)
    s_anom = reg_s + 0.2 * torch.randn(g, years, 12, generator=gen) + 0.2 * (lon - 0.5).unsqueeze(2)
    clim_t = torch.tensor([-8.0, -7, -4, -1, 3, 7, 10, 9.5, 6, 2, -3, -6])  # monthly mean at 2000 m (C)
    clim_s = torch.tensor([0.25, 0.25, 0.25, 0.2, 0.12, 0.03, 0.0, 0.0, 0.03, 0.12, 0.2, 0.25])  # m w.e. at 3000 m
    bands = torch.linspace(-0.5, 0.5, 6).view(1, 1, 6, 1)
    z = zmean.view(g, 1, 1, 1) + zrange.view(g, 1, 1, 1) * bands  # g, 1, 6, 1
    temp = clim_t - 6.5e-3 * (z - 2000) + t_anom.unsqueeze(2)  # g, years, 6, 12
    snow_frac = torch.sigmoid(-(temp - 1.0) / 0.8)
    precip = (clim_s * (1 + 0.6e-3 * (z - 3000)).clamp_min(0.3)) * torch.exp(s_anom.unsqueeze(2))
    acc = (precip * snow_frac).sum(3)
    pdd = (F.softplus(temp * 2) / 2 * 30).sum(3)  # positive degree days per band-year
    snow_left = acc - 0.0045 * pdd
    melt = torch.where(snow_left > 0, 0.0045 * pdd, acc + 0.0075 * (pdd - acc / 0.0045))
    weights = torch.softmax(-((bands.view(1, 1, 6) - 0.1 * (slope.unsqueeze(2) - 20) / 10) ** 2), 2)
    bal = ((acc - melt) * weights).sum(2) * (1 - shade) + bias + 0.12 * torch.randn(g, years, generator=gen)
    cpdd = t_anom[:, :, 4:9].clamp_min(0).sum(2)
    winter = s_anom[:, :, [9, 10, 11, 0, 1, 2, 3]].sum(2)
    summer = s_anom[:, :, 4:9].sum(2)
    topo = torch.cat([zmean, zrange, slope, larea, lat, lon, torch.sin(asp), torch.cos(asp)], 1)
    feats = torch.cat([topo.unsqueeze(1).expand(g, years, 8), cpdd.unsqueeze(2), winter.unsqueeze(2),
                       summer.unsqueeze(2), t_anom[:, :, 5:9], s_anom[:, :, [10, 11, 0, 1]]], 2)
    return feats.reshape(g * years, -1), bal.reshape(-1)


class MassBalanceANN(nn.Module):
    """ALPGM's deep ANN (Bolibar et al. 2020) in miniature: dense layers 40-20-10-5 with LeakyReLU, dropout 0.1
    after the first two, a linear output (the annual glacier-wide balance); no batch normalisation."""

    def __init__(self, n_in: int = 19, widths: tuple[int, ...] = (40, 20, 10, 5), dropout: float = 0.1) -> None:
        super().__init__()
        mods: list[nn.Module] = []
        w_in = n_in
        for i, w in enumerate(widths):
            mods += [nn.Linear(w_in, w), nn.LeakyReLU()]
            if i < 2:
                mods.append(nn.Dropout(dropout))
            w_in = w
        self.net = nn.Sequential(*mods, nn.Linear(w_in, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def smb_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the annual balance (m w.e.)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def mass_balance_ann(batch_size: int = 32, seed: int = 0, train_glaciers: int = 256, years: int = GL_YEARS,
                     held_years: int = 4, widths: tuple[int, ...] = (40, 20, 10, 5),
                     dropout: float = 0.1) -> dict[str, Any]:
    """The mass-balance ANN on 256 glaciers x 16 years (4096 glacier-years: a regional inventory); held out: 4
    other years of the same glaciers (every fifth year of 20, a leave-years-out validation; 1024 glacier-years) in
    batches of 512; features standardised over the training years; RMSprop (torch's defaults: alpha 0.99, eps
    1e-8)."""
    gen = torch.Generator().manual_seed(43602)
    x, y = _gl_data(train_glaciers, years + held_years, gen)
    x = x.view(train_glaciers, years + held_years, -1)
    y = y.view(train_glaciers, years + held_years)
    held = torch.arange(years + held_years) % ((years + held_years) // held_years) == 2  # every fifth year
    xt, yt = x[:, ~held].reshape(-1, x.shape[2]), y[:, ~held].reshape(-1)
    xh, yh = x[:, held].reshape(-1, x.shape[2]), y[:, held].reshape(-1)
    mu, sd = xt.mean(0), xt.std(0).clamp_min(1e-6)
    tr = ((xt - mu) / sd, yt)
    torch.manual_seed(seed)
    return {"model": MassBalanceANN(x.shape[2], tuple(widths), dropout), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(((xh - mu) / sd, yh), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": smb_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("ground_motion_sgdm", ground_motion, 300, "ann_ground_motion_model_gmpe", "sgd_momentum0.9", "finite", 32,
      seconds=0.15, start_lr=0.1),
    W("ili_transformer_adam", ili_transformer, 300, "ili_forecasting_transformer", "adam_b2_0.98_eps1e-9", "finite",
      64, seconds=2.0, start_lr=0.016),
    W("asi_house_prices_adam", asi_house_prices, 300, "asi_attention_spatial_interpolation_house_prices", "adam",
      "finite", 32, seconds=0.8, start_lr=0.016),
    W("ph_narx_nesterov", ph_narx, 300, "narx_ph_neutralisation_cstr", "sgd_nesterov0.9", "finite", 32,
      seconds=0.15, start_lr=0.2),
)
LONG = (
    W("tourism_lstm_adam@long", tourism_lstm, 3000, "attention_lstm_tourism_demand", "adam", "finite", 32,
      seconds=5.7, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("mass_balance_rmsprop@long", mass_balance_ann, 3000, "alpgm_glacier_mass_balance_deep_ann", "rmsprop", "finite",
      32, seconds=2.2, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("ground_motion_sgdm@long", ground_motion, 3000, "ann_ground_motion_model_gmpe", "sgd_momentum0.9", "finite", 32,
      dict(train_events=1024), seconds=1.3, start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="ground_motion_sgdm"),
    W("ph_narx_nesterov@long", ph_narx, 3000, "narx_ph_neutralisation_cstr", "sgd_nesterov0.9", "finite", 32,
      dict(train_runs=48), seconds=1.3, start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="ph_narx_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam43_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-third exam's workloads")
