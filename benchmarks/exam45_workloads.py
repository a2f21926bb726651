"""The forty-fifth exam: six more workload families that neither the suite nor exams 1-44 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam44_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from sleep medicine, wind energy,
market microstructure, entomology, building energy and volcanology (exam 46 was built at the same time from other
domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam45/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- respiratory-event detection in polysomnography with a 1-d CNN over the respiratory channels (in the style of
  Haidar, Koprinska & Jeffries 2017-2018): nasal airflow, thoracic and abdominal effort over a 30-s window at 4 Hz,
  classified as normal breathing, hypopnea, obstructive apnea or central apnea; cross-entropy; batch 64; Adam
  (from memory)
- a wind-farm wake surrogate (wind energy; a long plan only; in the style of the ANN wake models trained on
  simulations, e.g. Ti, Deng & Yang 2020): a tanh MLP from the inflow (direction, speed, turbulence intensity) and
  the layout's spacing to the power of each turbine of a 3 x 3 farm whose wakes follow Bastankhah & Porte-Agel's
  (2014) Gaussian model; MSE; batch 64; RMSprop (torch's defaults; from memory)
- deep order-flow imbalance (Kolm, Turiel & Westray 2023): an MLP over the order-flow imbalance of the ten best
  levels of a limit order book at the last 16 events predicts the mid-price returns at five horizons; MSE; batch
  64; Adam (from memory)
- flying-insect classification from optical wingbeat recordings (in the style of Chen et al. 2014 and the 1-d CNNs
  of Fanioudakis, Geismar & Potamitis 2018): a 1-d CNN over 256-sample recordings of an insect crossing a light
  curtain, six species (three mosquitoes, the male of one, two flies) with temperature-dependent wingbeat
  frequencies; cross-entropy; batch 32; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (from memory)
- building heating and cooling loads with an ANN surrogate of energy simulation (in the style of Tsanas & Xifara
  2012's energy-efficiency data and the ANN surrogates that followed; a long plan only): an MLP from the building's
  geometry, glazing, envelope U-values, infiltration and climate to the annual heating and cooling loads; MSE on
  the standardised log loads; batch 32; NAdam (torch's defaults; from memory)
- volcano deformation source inversion with a neural network (volcanology): an MLP maps GNSS displacements at 16
  stations (three components) to the location, depth and volume change of a Mogi (1958) point source; MSE on the
  standardised source parameters; batch 32; AdamW with weight decay 1e-2 (torch's default; from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the building-load ANN
and the wake surrogate (no short plans), the Mogi inversion on 4096 sources instead of 2048 and deep OFI on 16384
snapshots instead of 4096 (and 64 hidden units instead of 128).

Of the eight plans, three use Adam (the respiratory CNN and both deep-OFI plans), two AdamW (both Mogi plans), one
RMSprop (the wake surrogate), one SGD with Nesterov momentum (the wingbeat CNN) and one NAdam (building loads).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam45_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam45/README.md).

    python benchmarks/exam45_workloads.py          # the table
    python benchmarks/exam45_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 45"


# --------------------------------------------------------------------------------------------------------------
# 1. respiratory events in polysomnography with a 1-d CNN (Adam)

RE_HZ, RE_SEC = 4, 30
RE_LEN = RE_HZ * RE_SEC


def _re_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """30-s windows at 4 Hz of three respiratory channels (nasal pressure airflow, thoracic and abdominal effort
    belts). Breathing at 12-20 a minute with breath-to-breath variation; a class (normal 40%, hypopnea 25%,
    obstructive apnea 20%, central apnea 15%); an event of 10-25 s at a random place: hypopnea = airflow down 35-65%
    with a little less effort; obstructive = airflow down 90%+ while the effort goes on, the belts drifting out of
    phase (paradoxical breathing); central = airflow and effort both absent. A recovery breath after the event,
    sensor noise, baseline wander, per-recording gains; each channel standardised. Scorers disagree: 8% of the
    labels are replaced by a neighbouring class."""
    t = torch.arange(RE_LEN).float().view(1, -1) / RE_HZ
    cls = torch.multinomial(torch.tensor([0.40, 0.25, 0.20, 0.15]), n, replacement=True, generator=gen)
    rate = (12 + 8 * torch.rand(n, 1, generator=gen)) / 60
    wobble = 0.15 * torch.sin(2 * math.pi * 0.02 * t + 2 * math.pi * torch.rand(n, 1, generator=gen))
    phase = 2 * math.pi * rate * t * (1 + wobble * 0.2) + 2 * math.pi * torch.rand(n, 1, generator=gen)
    breath = torch.sin(phase) + 0.25 * torch.sin(2 * phase + 1.0)
    dur = 10 + 15 * torch.rand(n, 1, generator=gen)
    start = (RE_SEC - dur) * torch.rand(n, 1, generator=gen)
    inside = torch.sigmoid(3 * (t - start)) * torch.sigmoid(3 * (start + dur - t))
    after = torch.exp(-((t - start - dur - 2) ** 2) / 4)
    is_h, is_o, is_c = (cls == 1).float().unsqueeze(1), (cls == 2).float().unsqueeze(1), (cls == 3).float().unsqueeze(1)
    depth_h = 0.35 + 0.3 * torch.rand(n, 1, generator=gen)
    event = 1 - cls.eq(0).float().unsqueeze(1)
    flow_gain = 1 - inside * (is_h * depth_h + is_o * 0.93 + is_c * 0.95) + 0.8 * after * event
    effort_gain = 1 - inside * (is_h * 0.2 + is_c * 0.9) + 0.5 * after * event
    effort_gain = effort_gain + inside * is_o * 0.3  # obstructive: rising effort
    shift = inside * is_o * (1.2 + 1.2 * torch.rand(n, 1, generator=gen))  # thoraco-abdominal asynchrony
    flow = flow_gain * breath
    thor = effort_gain * torch.sin(phase + 0.2 + 0.5 * shift)
    abdo = effort_gain * torch.sin(phase - 0.5 * shift)
    x = torch.stack([flow, thor, abdo], 1)
    x = x * (0.5 + torch.rand(n, 3, 1, generator=gen))
    wander = 0.3 * torch.sin(2 * math.pi * 0.01 * t.unsqueeze(0) * (1 + torch.rand(n, 3, 1, generator=gen))
                             + 2 * math.pi * torch.rand(n, 3, 1, generator=gen))
    x = x + wander + 0.25 * torch.randn(n, 3, RE_LEN, generator=gen)
    x = (x - x.mean(2, keepdim=True)) / x.std(2, keepdim=True)
    flip = torch.rand(n, generator=gen) < 0.08
    step = torch.where(torch.rand(n, generator=gen) < 0.5, -1, 1)
    y = torch.where(flip, (cls + step).clamp(0, 3), cls)
    return x, y


class RespiratoryCNN(nn.Module):
    """A 1-d CNN over the respiratory channels (as in Haidar et al. 2017): three convolution / ReLU / max-pooling
    blocks, flattened, a dense layer with dropout, four classes."""

    def __init__(self, width: int = 12, dropout: float = 0.3) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(3, width, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(2 * width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * (RE_LEN // 8), 32), nn.ReLU(), nn.Dropout(dropout),
                                  nn.Linear(32, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def event_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the four window classes."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def respiratory_cnn(batch_size: int = 64, seed: int = 0, train_size: int = 3072) -> dict[str, Any]:
    """The respiratory-event CNN on 3072 scored windows (a few nights); held out: 1024 windows of other nights in
    batches of 512; Adam."""
    gen = torch.Generator().manual_seed(45102)
    x, y = _re_windows(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RespiratoryCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": event_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. a wind-farm wake surrogate: per-turbine power from the inflow with an ANN (RMSprop; long only)

WK_ROWS = 3
WK_N = WK_ROWS * WK_ROWS


def _wk_power_curve(u: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """A 3 MW turbine's power (per unit of rated) and thrust coefficient: cut-in 3.5, rated 11.5, cut-out 25 m/s,
    Ct about 0.8 below rated and falling as the pitch sheds the thrust above it."""
    p = ((u - 3.5) / (11.5 - 3.5)).clamp(0, 1) ** 2.6 * (u < 25).float()
    ct = torch.where(u < 11.5, torch.full_like(u, 0.8), 0.8 * (11.5 / u.clamp_min(1e-3)) ** 2.5) * (u > 3.0).float()
    return p, ct


def _wk_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Inflow cases for a 3 x 3 farm on a square grid with spacing U[4, 8] rotor diameters: wind direction
    U[0, 360) deg, hub-height speed U[4, 16] m/s, turbulence intensity U[4, 15]%. Each turbine's rotor-averaged
    speed is the free stream less the Gaussian wake deficits (Bastankhah & Porte-Agel 2014: wake growth 0.38 TI +
    0.004, initial width 0.2 sqrt(beta)) of every turbine upstream, combined as the root sum of squares, processed
    upstream first (the wake's thrust uses the waked speed); each turbine's power from its curve, with 2%
    measurement scatter. Returns (inputs (n, 5), powers (n, 9) per unit of rated)."""
    theta = 2 * math.pi * torch.rand(n, generator=gen)
    u0 = 4 + 12 * torch.rand(n, generator=gen)
    ti = 0.04 + 0.11 * torch.rand(n, generator=gen)
    spacing = 4 + 4 * torch.rand(n, generator=gen)
    g = torch.arange(WK_ROWS).float()
    gx, gy = torch.meshgrid(g, g, indexing="ij")
    pos = torch.stack([gx.flatten(), gy.flatten()], 1)  # turbines, 2 (in spacings)
    pos = pos.unsqueeze(0) * spacing.view(n, 1, 1)  # n, turbines, 2 (in diameters)
    wd = torch.stack([torch.cos(theta), torch.sin(theta)], 1)  # the direction the wind blows to
    along = (pos * wd.unsqueeze(1)).sum(2)  # n, turbines
    across = pos[..., 0] * -wd[:, 1:2] + pos[..., 1] * wd[:, 0:1]
    order = along.argsort(1)
    k = (0.38 * ti + 0.004).unsqueeze(1)
    speed = u0.unsqueeze(1).expand(n, WK_N).clone()
    deficit2 = torch.zeros(n, WK_N)
    rows = torch.arange(n)
    for r in range(WK_N):
        i = order[:, r]
        ui = (u0 * (1 - deficit2[rows, i].sqrt())).clamp_min(0.0)
        speed[rows, i] = ui
        _, ct = _wk_power_curve(ui)
        dx = along - along[rows, i].unsqueeze(1)
        dy = across - across[rows, i].unsqueeze(1)
        beta = 0.5 * (1 + (1 - ct).clamp_min(0).sqrt()) / (1 - ct).clamp_min(0.05).sqrt()
        sigma = k * dx.clamp_min(0) + 0.2 * beta.sqrt().unsqueeze(1)
        c = 1 - (1 - ct.unsqueeze(1) / (8 * sigma**2)).clamp_min(0).sqrt()
        d = c * torch.exp(-(dy**2) / (2 * sigma**2) - 0.125 / sigma**2) * (dx > 0.5).float()
        deficit2 = deficit2 + d**2
    power, _ = _wk_power_curve(speed)
    power = power * (1 + 0.02 * torch.randn(n, WK_N, generator=gen))
    x = torch.stack([torch.cos(theta), torch.sin(theta), (u0 - 10) / 3.5, (ti - 0.095) / 0.032,
                     (spacing - 6) / 1.15], 1)
    return x, power


class WakeSurrogate(nn.Module):
    """A wind-farm surrogate ANN: an MLP (three hidden layers, tanh) from the inflow (direction as its cosine and
    sine, speed, turbulence intensity) and the layout's spacing to every turbine's power."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, WK_N))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def power_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the nine turbines' powers (per unit of rated, times 10)."""
    x, y = batch
    return F.mse_loss(model(x), 10 * y)


def wake_surrogate(batch_size: int = 64, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The wake surrogate on 8192 simulated inflow cases; held out: 2048 other cases in batches of 1024; RMSprop
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(45202)
    x, y = _wk_cases(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WakeSurrogate(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": power_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. deep order-flow imbalance: multi-horizon returns from the limit order book (Adam)

OF_LEVELS, OF_LAGS, OF_HOR = 10, 16, 5


def _of_snapshots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Order-flow imbalance (Cont, Kukanov & Stoikov 2014) of the ten best levels at the last 16 book events, with
    intraday volatility regimes (a per-snapshot scale), persistent flow (AR(1) in the events, phi 0.6) correlated
    across levels; the mid-price returns at 5 horizons (1, 2, 5, 10, 20 events ahead, basis points / 10) respond to
    the recent flow with a concave (square-root-like) impact that decays with depth and lag, a part that reverts,
    plus heavy-tailed (Student-t, 3 dof) noise growing with the horizon. Returns (OFI (n, 16, 10) scaled, returns
    (n, 5))."""
    vol = torch.exp(0.4 * torch.randn(n, 1, 1, generator=gen))
    common = torch.randn(n, OF_LAGS, 1, generator=gen)
    own = torch.randn(n, OF_LAGS, OF_LEVELS, generator=gen)
    shocks = 0.7 * common + 0.7 * own
    flows = [shocks[:, 0]]
    for k in range(1, OF_LAGS):
        flows.append(0.6 * flows[-1] + 0.8 * shocks[:, k])
    ofi = torch.stack(flows, 1) * vol  # n, lags (oldest first), levels
    depth_w = torch.exp(-torch.arange(OF_LEVELS).float() / 2.5)
    lag_w = torch.exp(-torch.arange(OF_LAGS).flip(0).float() / 4)
    drive = (ofi * depth_w).sum(2)  # n, lags
    impact = torch.sign(drive) * drive.abs().sqrt()
    recent = (impact * lag_w).sum(1, keepdim=True) / lag_w.sum()
    older = (impact[:, : OF_LAGS // 2]).mean(1, keepdim=True)
    hor = torch.tensor([1.0, 2.0, 5.0, 10.0, 20.0])
    signal = recent * (1.2 * (1 - torch.exp(-hor / 3))) - 0.4 * older * (1 - torch.exp(-hor / 10))
    t3 = torch.randn(n, OF_HOR, generator=gen) / torch.sqrt(
        (torch.randn(n, OF_HOR, 3, generator=gen) ** 2).sum(2) / 3)
    ret = signal * vol.view(n, 1) ** 0.5 + 0.05 * hor.sqrt() / 2 * t3
    return ofi / 2, ret


class DeepOFI(nn.Module):
    """Kolm et al.'s (2023) multi-horizon network in its MLP form: the flattened OFI history through two ReLU
    layers (``hidden`` and half of it), one output per horizon."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(OF_LAGS * OF_LEVELS, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, OF_HOR))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def return_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the returns over the five horizons."""
    x, y = batch
    return F.mse_loss(model(x), y)


def deep_ofi(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 128) -> dict[str, Any]:
    """Deep OFI on 4096 book snapshots; held out: 4096 later snapshots in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(45302)
    x, y = _of_snapshots(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DeepOFI(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": return_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. flying-insect species from optical wingbeat recordings with a 1-d CNN (SGD with Nesterov momentum)

WB_LEN, WB_RATE = 256, 4000.0
# species: (wingbeat Hz at 25 C, relative harmonic amplitudes 1-4, body-shadow level)
WB_SPECIES = (
    (480.0, (1.0, 0.5, 0.25, 0.1), 0.3),   # Aedes aegypti, female
    (700.0, (1.0, 0.3, 0.35, 0.1), 0.15),  # Aedes aegypti, male
    (430.0, (1.0, 0.6, 0.15, 0.15), 0.3),  # Culex quinquefasciatus, female
    (380.0, (1.0, 0.35, 0.3, 0.05), 0.35),  # Anopheles, female
    (200.0, (1.0, 0.8, 0.5, 0.3), 0.6),    # house fly
    (230.0, (1.0, 0.5, 0.6, 0.2), 0.2),    # fruit fly
)


def _wb_recordings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """An insect crossing a laser light curtain, 256 samples at 4 kHz: the occluded light is a body shadow (a
    Gaussian transit envelope of random width and centre) plus the wing modulation, a sum of four harmonics of the
    wingbeat frequency with the species' relative amplitudes (jittered 30%) and random phases; the frequency scales
    with air temperature (about 2% per degree, 15-35 C, not given to the model) and the individual (sd 7%); sensor
    noise and a random gain; standardised."""
    y = torch.randint(0, len(WB_SPECIES), (n,), generator=gen)
    f0 = torch.tensor([s[0] for s in WB_SPECIES])[y]
    harm = torch.tensor([s[1] for s in WB_SPECIES])[y]
    body = torch.tensor([s[2] for s in WB_SPECIES])[y]
    temp = 15 + 20 * torch.rand(n, generator=gen)
    f = f0 * (1 + 0.02 * (temp - 25)) * torch.exp(0.07 * torch.randn(n, generator=gen))
    t = torch.arange(WB_LEN).float().view(1, -1) / WB_RATE
    k = torch.arange(1, 5).float().view(1, 4, 1)
    amp = harm * torch.exp(0.3 * torch.randn(n, 4, generator=gen))
    ph = 2 * math.pi * torch.rand(n, 4, 1, generator=gen)
    wings = (amp.unsqueeze(2) * torch.sin(2 * math.pi * k * f.view(n, 1, 1) * t.unsqueeze(1) + ph)).sum(1)
    centre = (0.3 + 0.4 * torch.rand(n, 1, generator=gen)) * WB_LEN
    width = (0.12 + 0.15 * torch.rand(n, 1, generator=gen)) * WB_LEN
    env = torch.exp(-0.5 * ((torch.arange(WB_LEN).float().view(1, -1) - centre) / width) ** 2)
    x = env * (body.unsqueeze(1) * 3 + wings) * (0.5 + torch.rand(n, 1, generator=gen))
    x = x + 0.6 * torch.randn(n, WB_LEN, generator=gen)
    x = (x - x.mean(1, keepdim=True)) / x.std(1, keepdim=True)
    return x.unsqueeze(1), y


class WingbeatCNN(nn.Module):
    """A 1-d CNN on the raw recording (as in Fanioudakis et al. 2018, much smaller and without batch
    normalisation): four convolution / ReLU / max-pooling blocks (He-initialised), global average pooling, a linear
    classifier over six species."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()

        def block(c_in: int, c_out: int) -> nn.Module:
            return nn.Sequential(nn.Conv1d(c_in, c_out, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))

        self.conv = nn.Sequential(block(1, width), block(width, width), block(width, 2 * width),
                                  block(2 * width, 2 * width))
        self.out = nn.Linear(2 * width, len(WB_SPECIES))
        for m in self.conv.modules():
            if isinstance(m, nn.Conv1d):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                nn.init.zeros_(m.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.conv(x).mean(2))


def species_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the six species."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def wingbeat_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The wingbeat CNN on 4096 recordings; held out: 1024 recordings from other nights in batches of 512; SGD
    with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(45402)
    x, y = _wb_recordings(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WingbeatCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": species_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. building heating and cooling loads: an ANN surrogate of energy simulation (NAdam; long only)


def _bl_buildings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Simulated residential buildings (Tsanas & Xifara's variables, made continuous, plus envelope and climate):
    relative compactness 0.62-0.98 (surface area, wall and roof areas and height follow from it and the floor area),
    orientation (4 classes, one-hot), glazing ratio 0-40% and its distribution (even or mostly south), wall and roof
    U-values, infiltration (0.2-1.2 ach), heating and cooling degree-days. Annual loads (kWh/m2) from a degree-day
    balance: conduction through walls, roof and glazing, infiltration, solar gains through the glazing (by
    orientation and distribution; useful in winter, a burden in summer), internal gains, a utilisation factor that
    saturates the gains; 4% scatter (what the degree-day balance leaves out). Returns (inputs (n, 17), log loads
    (n, 2))."""
    rc = 0.62 + 0.36 * torch.rand(n, generator=gen)
    floor = 100 + 400 * torch.rand(n, generator=gen)
    height = torch.where(rc > 0.75, torch.full_like(rc, 7.0), torch.full_like(rc, 3.5))
    surface = 6 * (floor * height) ** (2 / 3) / rc
    roof = floor / (height / 3.5)
    wall = (surface - 2 * roof).clamp_min(0.2 * surface)
    orient = torch.randint(0, 4, (n,), generator=gen)
    glaze = 0.4 * torch.rand(n, generator=gen)
    south = (torch.rand(n, generator=gen) < 0.5).float()
    u_wall = 0.2 + 1.3 * torch.rand(n, generator=gen)
    u_roof = 0.15 + 0.85 * torch.rand(n, generator=gen)
    ach = 0.2 + 1.0 * torch.rand(n, generator=gen)
    hdd = 1000 + 4000 * torch.rand(n, generator=gen)
    cdd = 50 + 1200 * torch.rand(n, generator=gen) * (1 - (hdd - 1000) / 5000) ** 1.5
    win = glaze * wall
    ua = u_wall * (wall - win) + u_roof * roof + 2.8 * win + 0.34 * ach * floor * height
    solar_o = torch.tensor([1.0, 0.55, 0.3, 0.55])[orient]  # S, E, N, W facing
    solar = win * 350 * solar_o * (1 + 0.6 * south)
    internal = 20 * floor
    heat_loss = ua * hdd * 24 / 1000
    gains = (solar * 0.6 + internal * 0.5) * (hdd / 3000)
    eta = 1 / (1 + gains / heat_loss.clamp_min(1))
    heating = (heat_loss - eta * gains).clamp_min(2) / floor
    cool_gain = ua * cdd * 24 / 1000 + (solar * 1.1 + internal * 0.4) * (cdd / 600) ** 0.7
    cooling = (cool_gain / floor + 3).clamp_min(2)
    loads = torch.stack([heating, cooling], 1) * torch.exp(0.04 * torch.randn(n, 2, generator=gen))
    x = torch.cat([torch.stack([rc, floor / 100, height, surface / 100, wall / 100, roof / 100, glaze, south, u_wall,
                                u_roof, ach, hdd / 1000, cdd / 1000], 1), F.one_hot(orient, 4).float()], 1)
    return x, loads.log()


class LoadANN(nn.Module):
    """A building-energy surrogate: an MLP (two hidden layers of 32, ReLU) from the design variables to the heating
    and cooling loads."""

    def __init__(self, n_in: int = 17, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def load_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the two standardised log loads."""
    x, y = batch
    return F.mse_loss(model(x), y)


def building_loads(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The load ANN on 4096 simulated designs (a parametric simulation campaign), inputs and log loads standardised
    over them; held out: 2048 other designs in batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(45502)
    x, y = _bl_buildings(train_size + 2048, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LoadANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": load_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. volcano deformation: a Mogi source from GNSS displacements (AdamW; long only)

MG_STATIONS = 16


def _mg_network() -> torch.Tensor:
    """A fixed GNSS network on a volcano: 16 stations within 12 km of the summit (km, east and north), denser near
    the summit."""
    g = torch.Generator().manual_seed(45601)
    r = 12 * torch.rand(MG_STATIONS, generator=g) ** 0.7
    a = 2 * math.pi * torch.rand(MG_STATIONS, generator=g)
    return torch.stack([r * torch.cos(a), r * torch.sin(a)], 1)


def _mg_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Mogi (1958) point sources: east and north offsets U[-4, 4] km, depth U[1.5, 8] km, volume change
    log-uniform 3e5-3e7 m3 (inflation or, 20% of cases, deflation); displacements (Poisson's ratio 0.25) at the
    stations in mm, plus GNSS noise (2 mm horizontal, 5 mm vertical) and a 3-mm common-mode error. The inputs are the
    48 displacements over the network's largest, with the log of that amplitude. Returns (inputs (n, 49), source
    (x, y, depth, signed log10 volume change) (n, 4))."""
    st = _mg_network()
    xs = -4 + 8 * torch.rand(n, 2, generator=gen)
    depth = 1.5 + 6.5 * torch.rand(n, generator=gen)
    logv = 5.5 + 2 * torch.rand(n, generator=gen)
    sign = torch.where(torch.rand(n, generator=gen) < 0.2, -1.0, 1.0)
    dv = sign * 10**logv
    d = st.unsqueeze(0) - xs.unsqueeze(1)  # n, stations, 2 (km)
    big_r = (d.pow(2).sum(2) + depth.unsqueeze(1) ** 2).sqrt() * 1000  # m
    c = (1 - 0.25) / math.pi * dv.unsqueeze(1) / big_r**3 * 1000  # mm per m
    ue, un = c * d[..., 0] * 1000, c * d[..., 1] * 1000
    uz = c * depth.unsqueeze(1) * 1000
    u = torch.stack([ue, un, uz], 2)
    u = u + torch.tensor([2.0, 2.0, 5.0]) * torch.randn(n, MG_STATIONS, 3, generator=gen)
    u = u + 3 * torch.randn(n, 1, 3, generator=gen)
    u = u.flatten(1)
    scale = u.abs().max(1, keepdim=True).values
    x = torch.cat([u / scale, scale.log() - 3], 1)
    y = torch.stack([xs[:, 0], xs[:, 1], depth, sign * logv], 1)
    return x, y


class MogiInversionNet(nn.Module):
    """A deformation-inversion network: an MLP (three hidden layers, ReLU) from the network's displacements to the
    source parameters."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3 * MG_STATIONS + 1, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def source_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the four standardised source parameters."""
    x, y = batch
    return F.mse_loss(model(x), y)


def mogi_inversion(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The inversion net on 2048 synthetic sources, targets standardised over them; held out: 2048 other sources in
    batches of 1024; AdamW (weight decay 1e-2, torch's default)."""
    gen = torch.Generator().manual_seed(45602)
    x, y = _mg_cases(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MogiInversionNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": source_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("respiratory_cnn_adam", respiratory_cnn, 300, "respiratory_event_cnn_polysomnography", "adam", "finite", 64,
      seconds=2.0, start_lr=0.016),
    W("deep_ofi_adam", deep_ofi, 300, "deep_order_flow_imbalance_multi_horizon", "adam", "finite", 64,
      seconds=0.3, start_lr=0.008),
    W("wingbeat_cnn_sgdn", wingbeat_cnn, 300, "optical_wingbeat_insect_classification_cnn", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=1.8, start_lr=0.025),
    W("mogi_inversion_adamw", mogi_inversion, 300, "mogi_source_deformation_inversion_net", "adamw_wd1e-2", "finite",
      32, seconds=0.3, start_lr=0.016),
)
LONG = (
    W("building_loads_nadam@long", building_loads, 3000, "building_energy_load_ann_surrogate", "nadam", "finite", 32,
      seconds=2.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("wake_surrogate_rmsprop@long", wake_surrogate, 3000, "wind_farm_gaussian_wake_surrogate_ann", "rmsprop",
      "finite", 64, seconds=2.9, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("mogi_inversion_adamw@long", mogi_inversion, 3000, "mogi_source_deformation_inversion_net", "adamw_wd1e-2",
      "finite", 32, dict(train_size=4096), seconds=3.0, start_lr=0.001, grid_fractions=(0.0, 0.05),
      long_of="mogi_inversion_adamw"),
    W("deep_ofi_adam@long", deep_ofi, 3000, "deep_order_flow_imbalance_multi_horizon", "adam", "finite", 64,
      dict(train_size=16384, hidden=64), seconds=2.8, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="deep_ofi_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam45_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-fifth exam's workloads")
