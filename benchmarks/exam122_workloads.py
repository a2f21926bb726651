"""The hundred-and-twenty-second exam: six more workload families that neither the suite nor exams 1-120 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam120_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from soap dispensers and pump volume, shopping carts and wheel wobble, revolving
doors and air exchange, window blinds and light transmission, zip ties and ratchet strength, and hot-water bottles
and cooling (exam 121 was built at the same time from other domains; its module was not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam122/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families, architectures and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- soap-dispenser pump shot volume: a 1-d CNN over the plunger's displacement and force traces of one press (40
  samples at 100 Hz) to the volume dispensed and the air fraction of the shot (sputter when the reservoir runs
  low); the force from the return spring, the outlet valve's cracking pressure and the soap's Poiseuille pressure
  drop through the nozzle (viscosity 0.05-5 Pa s), compressible air in the chamber delaying the pressure, a worn
  piston seal leaking back, a viscous soap refilling the chamber incompletely; MSE of the standardised volume and
  air fraction; Adam (torch's defaults)
- shopping-cart caster shimmy: an LSTM reads 32 samples (0.64 s) of a front caster's swivel angle and the cart's
  speed and forecasts the next 8 swivel angles; the swivel as a van der Pol oscillator whose negative damping grows
  past a critical speed (a random stand-in for the trail, bearing wear and load), whose frequency rises with speed,
  forced by the floor's tile joints; MSE of the angles (in units of 10 degrees); RMSprop (torch's defaults: alpha
  0.99, no momentum)
- revolving-door air exchange: a residual net with LayerNorm from the door (2, 3 or 4 wings, one-hot; diameter,
  rotation speed, seal wear), the inside-outside temperature difference, the wind and the foot traffic to the log
  air flow, the exchange fraction per compartment passage and the heat loss; a buoyant gravity current filling
  the compartment while it is open to each side, the rotation's pumping, seal leakage driven by wind and stack
  pressure, air dragged in by people; MSE of the standardised outputs; NAdam (torch's defaults)
- venetian-blind daylight transmission: a 2-d CNN with BatchNorm over a sky-luminance map (8 altitude x 16 azimuth
  patches: a CIE-like diffuse sky, cloud cover, the sun's disc and circumsolar glow) plus the slat angle,
  reflectance and width / spacing ratio, to the log illuminance at three depths in the room and the log total
  transmitted flux; the unblocked fraction of each patch's rays from the slat geometry at its profile angle, one
  diffuse bounce off the slats, the glass's angular transmittance; MSE of the standardised logs; SGD with Nesterov
  momentum 0.9 and weight decay 5e-4
- zip-tie loop tensile test (a long plan only): learned embeddings (one table with per-field offsets) of the tie's
  material (six), size series (four), pawl design (three) and moisture conditioning (three) with the temperature,
  UV dose, pull rate and bundle diameter, an MLP head to the log breaking load and the failure mode (strap break,
  pawl slip / ratchet skip, head crack); the weakest of three loads (the strap's tensile strength, the pawl's
  tooth shear, the head's brittle cracking), each with its own temperature, moisture and UV law and scatter; MSE of
  the standardised log load plus cross-entropy of the mode; Adagrad (torch's defaults)
- hot-water bottle cooling in a bed (a long plan only): a hybrid grey-box net: an MLP maps the bottle, its fill, the
  cover, the placement (under a duvet, against a sleeper, on a lap) and the room to two conductances (to the bed,
  to the sleeper's skin), the bed microclimate's warming and the cover surface's share, which drive Newton cooling
  of the water in closed form (towards the skin while the sleeper is there, the known contact time), plus a
  learned residual on each output; the data from a finer three-node model (five-minute steps, natural convection
  rising with the temperature difference, a mattress store, the sleeper rolling away at a random hour); MSE of
  the hourly water and cover-surface temperatures (in units of 10 K); RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the zip-tie and
hot-water-bottle nets (no short plans), the soap-pump CNN on 16384 presses instead of 4096 (width 8 instead of 16,
two strided conv layers instead of three)
and the revolving-door net on 16384 doors instead of 8192 (width 32 instead of 64, one residual block instead of
two, 3% scatter instead of 8%), each with its own batch size.

Of the eight plans, two use Adam (both soap-pump plans), two NAdam (both revolving-door plans), one RMSprop (cart),
one SGD with Nesterov momentum (blinds), one Adagrad (zip tie) and one RAdam (hot-water bottle).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam122_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam122/README.md).

    python benchmarks/exam122_workloads.py          # the table
    python benchmarks/exam122_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 122"


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


def _pack(x: torch.Tensor, y: torch.Tensor, train_size: int, batch_size: int, model: nn.Module, opt: Any,
          loss_fn: Any) -> dict[str, Any]:
    """The factory's parts: the first ``train_size`` rows the training pool (a shuffling loader), the rest the
    held-out set in batches of 1024."""
    tr = (x[:train_size], y[:train_size])
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024), "optimizer": opt,
            "loss_fn": loss_fn, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 1. soap-dispenser pump shot volume (Adam)

SP_T = 40  # samples of a press at 100 Hz


def _sp_presses(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Presses of a hand-soap pump dispenser logged by a test rig (displacement and force at 100 Hz, 40 samples).
    The press starts at sample 2-6 and lasts 0.08-0.30 s (a raised-cosine stroke to 40-100% of the 10 mm travel),
    then is held. Hidden: the soap's viscosity (0.05-5 Pa s, log-uniform), the pump's bore (0.8-2.0 mL a full
    stroke), the spring (0.4-1.0 N/mm, preload 3-6 N), the outlet valve's cracking pressure (5-15 kPa), the
    reservoir's fill level (sputter below ~15%: air drawn up the dip tube on the last refill), the piston seal's
    wear (leak-back) and the seconds since the last press (0.5-10 s: a viscous soap refills the chamber only
    partly, first order with a time constant proportional to the viscosity). The force is the spring plus the
    chamber pressure on the piston: cracking plus a Poiseuille drop (R mu Q) through the nozzle once the trapped air
    is compressed (the pressure rises later and lower with more air). Volume out = bore x depth x (1 - air), the
    share the soap did not refill counted as air too, less the seal's leak (wear x the pressure-time integral /
    viscosity^0.3). The traces as the rig scales them (displacement / 5 mm - 1, log force - 2.5) with 0.01 sensor
    noise; 3% shot scatter. Returns (traces (n, 2, 40), [volume (mL), air fraction] (n, 2))."""
    t = torch.arange(SP_T).float().view(1, -1)
    start = torch.randint(2, 7, (n, 1), generator=gen).float()
    dur = (0.08 + 0.22 * torch.rand(n, 1, generator=gen)) * 100  # samples
    depth = 0.4 + 0.6 * torch.rand(n, 1, generator=gen)
    mu = 0.05 * 100 ** torch.rand(n, 1, generator=gen)
    bore = 0.8 + 1.2 * torch.rand(n, 1, generator=gen)  # mL per full 10 mm stroke
    k = 0.4 + 0.6 * torch.rand(n, 1, generator=gen)
    pre = 3 + 3 * torch.rand(n, 1, generator=gen)
    crack = 5 + 10 * torch.rand(n, 1, generator=gen)  # kPa
    fill = torch.rand(n, 1, generator=gen)
    wear = torch.rand(n, 1, generator=gen) ** 2
    since = 0.5 + 9.5 * torch.rand(n, 1, generator=gen)
    phase = ((t - start) / dur).clamp(0, 1)
    x = 10 * depth * 0.5 * (1 - torch.cos(math.pi * phase))  # mm
    v = torch.diff(x, dim=1, prepend=x[:, :1]) * 100  # mm/s
    air = torch.sigmoid((0.15 - fill) / 0.03) * 0.7
    refill = 1 - torch.exp(-since / (0.6 * mu))
    air = 1 - (1 - air) * refill  # what did not refill is air too
    comp = air * 10 * depth * 0.8  # mm of travel that compresses the trapped air
    engaged = torch.sigmoid((x - comp) / 0.4)
    q = bore / 10 * v  # mL/s
    p = engaged * (crack + 6.0 * mu * q.clamp_min(0) ** 1.0)  # kPa
    a_m2 = bore * 1e-4  # piston area (m2): bore mL per 10 mm of travel
    force = pre + k * x + p * 1e3 * a_m2
    force = force + 0.3 * torch.tanh(v / 5)  # seal friction
    pdt = (p * (phase < 1).float()).sum(1, keepdim=True) / 100  # kPa s
    vol = bore * depth * (1 - air) - 0.02 * wear * pdt / mu ** 0.3
    vol = vol.clamp_min(0.01) * torch.exp(0.03 * torch.randn(n, 1, generator=gen))
    xs = x / 5 - 1 + 0.01 * torch.randn(n, SP_T, generator=gen)
    fs = torch.log(force) - 2.5 + 0.01 * torch.randn(n, SP_T, generator=gen)
    return torch.stack([xs, fs], 1), torch.cat([vol, air], 1)


class PumpCNN(nn.Module):
    """A 1-d CNN over the press's displacement and force traces: three conv layers (the second and third strided;
    ``layers=2``: two, both strided), average and max pooling, a linear head to the volume and air fraction."""

    def __init__(self, width: int = 16, layers: int = 3) -> None:
        super().__init__()
        if layers == 3:
            self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(),
                                      nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU(),
                                      nn.Conv1d(2 * width, 2 * width, 3, stride=2, padding=1), nn.ReLU())
        else:
            self.conv = nn.Sequential(nn.Conv1d(2, width, 5, stride=2, padding=2), nn.ReLU(),
                                      nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU())
        self.head = nn.Linear(4 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def shot_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised shot volume and air fraction."""
    return _mse(model, batch)


def soap_pump(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16,
              layers: int = 3) -> dict[str, Any]:
    """The pump CNN on 4096 logged presses, targets standardised over them; held out: 2048 other presses in
    batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(122101)
    x, y = _sp_presses(train_size + 2048, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, batch_size, PumpCNN(width, layers),
                 _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), shot_mse)


# --------------------------------------------------------------------------------------------------------------
# 2. shopping-cart caster shimmy (RMSprop)

SC_IN, SC_OUT = 32, 8


def _sc_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A front caster's swivel angle logged at 50 Hz while the cart is pushed over a tiled floor. The cart's speed
    ramps from 0.4-1.6 m/s by -0.5..+0.8 m/s^2 (clamped to 0.2-2.2 m/s). The swivel: a van der Pol oscillator
    theta'' = -w^2 theta + c w (v / v_c - 1) (1 - (theta / theta_m)^2) theta' + tile forcing, w = 2 pi (2 + 3 v)
    rad/s, the critical speed v_c = 0.7-1.6 m/s (drawn at random: it stands for the trail, the bearing's wear and
    the load, not modelled apart), theta_m 8-20 degrees, c 0.4-1.0; the tile joints every 0.30 m give a kick of
    1-4 degrees' worth; the initial swivel a small random angle and rate. Semi-implicit Euler at 200 Hz. Angle
    sensor noise 1 degree.
    Returns (inputs (n, 32, 2): angle / 10 degrees, speed - 1; the next 8 angles / 10 degrees (n, 8))."""
    steps = SC_IN + SC_OUT
    v0 = 0.4 + 1.2 * torch.rand(n, generator=gen)
    acc = -0.5 + 1.3 * torch.rand(n, generator=gen)
    vc = 0.7 + 0.9 * torch.rand(n, generator=gen)
    thm = 8 + 12 * torch.rand(n, generator=gen)
    c = 0.4 + 0.6 * torch.rand(n, generator=gen)
    kick = 1 + 3 * torch.rand(n, generator=gen)
    pos = 0.3 * torch.rand(n, generator=gen)
    th = 2 * torch.randn(n, generator=gen)
    om = 20 * torch.randn(n, generator=gen)
    dt = 1 / 200
    angles, speeds = [], []
    for i in range(steps * 4):
        v = (v0 + acc * i * dt).clamp(0.2, 2.2)
        w = 2 * math.pi * (2 + 3 * v)
        tile = torch.floor((pos + v * dt) / 0.3) > torch.floor(pos / 0.3)
        pos = pos + v * dt
        damp = c * w * (v / vc - 1) * (1 - (th / thm) ** 2)
        om = om + dt * (-w**2 * th + damp * om) + tile.float() * kick * w * torch.sign(th + 1e-3)
        th = th + dt * om
        if i % 4 == 3:
            angles.append(th)
            speeds.append(v)
    ang = torch.stack(angles, 1) + 1.0 * torch.randn(n, steps, generator=gen)
    spd = torch.stack(speeds, 1)
    x = torch.stack([ang[:, :SC_IN] / 10, spd[:, :SC_IN] - 1], 2)
    return x, ang[:, SC_IN:] / 10


class ShimmyLSTM(nn.Module):
    """A one-layer LSTM over the logged window, a linear head from its last state to the next 8 angles."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(2, hidden, batch_first=True)
        self.head = nn.Linear(hidden, SC_OUT)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def shimmy_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the forecast swivel angles (units of 10 degrees)."""
    return _mse(model, batch)


def cart_shimmy(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The shimmy LSTM on 4096 logged windows; held out: 2048 other windows in batches of 1024; RMSprop (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(122102)
    x, y = _sc_rides(train_size + 2048, gen)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, batch_size, ShimmyLSTM(hidden),
                 _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"), shimmy_mse)


# --------------------------------------------------------------------------------------------------------------
# 3. revolving-door air exchange (NAdam)


def _rd_doors(n: int, gen: torch.Generator, scatter: float = 0.08) -> tuple[torch.Tensor, torch.Tensor]:
    """Revolving doors in a building's entrance: 2, 3 or 4 wings; diameter 1.8-3.6 m (height 2.2 m); 1-8 rpm;
    brush seals' wear 0-1; inside minus outside temperature -10..+35 K; wind 0-8 m/s at an incidence of 0-90
    degrees; 0-1200 people an hour. A compartment (pi R^2 H / N) opens to each side for a share (1/2 - 1/N, at
    least 0.05) of a revolution; while open a buoyant gravity current (speed 0.4 sqrt(g H |dT| / T)) exchanges
    1 - exp(-u t_open / (0.6 R)) of its air, the rotation's own pumping adds 0.15 (rpm / 8)^0.7 of it (capped at
    1). Leakage past the seals 0.02 + 0.2 wear m2 of gap under sqrt(stack + wind pressure). People drag 0.05 m3
    each. Flow = 2 N V_c eps rpm 60 + leak + people; heat loss rho c_p Q dT. Lognormal scatter on the flow and the
    fraction (8% unless ``scatter`` says otherwise). Returns (features (n, 10), [log flow (m3/h), the exchange
    fraction, heat loss (kW)] (n, 3))."""
    wings = torch.randint(0, 3, (n,), generator=gen)
    nw = (wings + 2).float()
    dia = 1.8 + 1.8 * torch.rand(n, generator=gen)
    rpm = 1 + 7 * torch.rand(n, generator=gen)
    wear = torch.rand(n, generator=gen)
    dtk = -10 + 45 * torch.rand(n, generator=gen)
    wind = 8 * torch.rand(n, generator=gen) ** 1.5
    inc = 90 * torch.rand(n, generator=gen)
    ppl = 1200 * torch.rand(n, generator=gen) ** 2
    r, h = dia / 2, 2.2
    vc = math.pi * r**2 * h / nw
    t_open = (0.5 - 1 / nw).clamp_min(0.05) * 60 / rpm
    u = 0.4 * (9.81 * h * dtk.abs() / 290).sqrt()
    eps = 1 - torch.exp(-u * t_open / (0.6 * r)) + 0.15 * (rpm / 8) ** 0.7
    eps = eps.clamp(max=1.0)
    dp = 0.04 * h * dtk.abs() + 0.5 * 1.2 * wind**2 * 0.7 * torch.cos(torch.deg2rad(inc)) ** 2
    leak = (0.02 + 0.2 * wear) * 0.6 * (2 * dp / 1.2).sqrt() * 3600
    q = 2 * nw * vc * eps * rpm * 60 + leak + 0.05 * ppl
    q = q * torch.exp(scatter * torch.randn(n, generator=gen))
    heat = 1.2 * 1005 * q / 3600 * dtk / 1000
    y = torch.stack([torch.log(q), eps * torch.exp(scatter * torch.randn(n, generator=gen)), heat], 1)
    x = torch.cat([F.one_hot(wings, 3).float(), torch.stack([
        (dia - 2.7) / 0.52, (rpm - 4.5) / 2.0, (wear - 0.5) / 0.29, (dtk - 12.5) / 13, wind / 3 - 1,
        (inc - 45) / 26, ppl / 400 - 1], 1)], 1)
    return x, y


class DoorResNet(nn.Module):
    """A residual net with pre-LayerNorm blocks (LN, Linear, GELU, Linear) from the door and conditions to the
    flow, exchange fraction and heat loss."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(10, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for b in self.blocks:
            h = h + b(h)
        return self.out(h)


def exchange_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log flow, exchange fraction and heat loss."""
    return _mse(model, batch)


def revolving_door(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 64,
                   blocks: int = 2, scatter: float = 0.08) -> dict[str, Any]:
    """The door net on 8192 doors, targets standardised over them; held out: 2048 other doors in batches of 1024;
    NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(122103)
    x, y = _rd_doors(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, batch_size, DoorResNet(width, blocks),
                 _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), exchange_mse)


# --------------------------------------------------------------------------------------------------------------
# 4. venetian-blind daylight transmission (SGD with Nesterov momentum)

VB_ALT, VB_AZ = 8, 16


def _vb_skies(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, torch.Tensor], torch.Tensor]:
    """Skies seen by a south window with an outside venetian blind. The sky map: 8 altitude (0-90 degrees) x 16
    azimuth (-90..90 degrees from the window's normal) patches; a CIE-like gradation (1 + 2 sin alt) / 3 for the
    overcast part, a clear-sky part darker near the zenith and brighter near the sun, cloud cover 0-1 mixing them;
    the sun (altitude 5-70, azimuth -80..80 degrees) a Gaussian disc plus circumsolar glow scaled by (1 - cover).
    The blind: slat angle -60..60 degrees, reflectance 0.2-0.85, width / spacing 1.0-1.4. A patch's profile angle
    phi = atan(tan alt / cos az); the unblocked share of its rays 1 - (w / s) |sin(phi + beta)| / cos(phi)
    (clamped to 0-1); the blocked share reflects once (reflectance x 0.45 inward); the glass transmits 0.8 (1 -
    (1 - cos i)^4). The illuminance at 1, 3 and 5 m deep weights each patch's flux by whether the point sees it
    (a soft cut at profile angles below atan(2 m / depth)); also the total flux. 8% scatter (lognormal). Returns
    ((maps (n, 1, 8, 16), blind (n, 3)), logs (n, 4))."""
    alt = torch.deg2rad((torch.arange(VB_ALT).float() + 0.5) * 90 / VB_ALT).view(1, -1, 1)
    az = torch.deg2rad((torch.arange(VB_AZ).float() + 0.5) * 180 / VB_AZ - 90).view(1, 1, -1)
    cover = torch.rand(n, 1, 1, generator=gen)
    s_alt = torch.deg2rad(5 + 65 * torch.rand(n, 1, 1, generator=gen))
    s_az = torch.deg2rad(-80 + 160 * torch.rand(n, 1, 1, generator=gen))
    beta = torch.deg2rad(-60 + 120 * torch.rand(n, 1, 1, generator=gen))
    rho = 0.2 + 0.65 * torch.rand(n, 1, 1, generator=gen)
    ws = 1.0 + 0.4 * torch.rand(n, 1, 1, generator=gen)
    cosg = (torch.sin(alt) * torch.sin(s_alt) + torch.cos(alt) * torch.cos(s_alt) * torch.cos(az - s_az)).clamp(-1, 1)
    gamma = torch.acos(cosg)
    overcast = (1 + 2 * torch.sin(alt)) / 3 * torch.ones_like(gamma)
    clear = 0.3 * (0.6 + 0.4 * torch.cos(alt)) * (1 + 2 * torch.exp(-3 * gamma))
    sun = 40 * torch.exp(-(gamma / 0.12) ** 2) + 4 * torch.exp(-(gamma / 0.4) ** 2)
    lum = cover * overcast * 2 + (1 - cover) * (clear + sun * (1 - cover))
    lum = lum * (0.8 + 0.4 * torch.rand(n, 1, 1, generator=gen))
    phi = torch.atan(torch.tan(alt) / torch.cos(az))
    open_ = (1 - ws * torch.sin(phi + beta).abs() / torch.cos(phi)).clamp(0, 1)
    tau = open_ + (1 - open_) * rho * 0.45
    cos_i = torch.cos(alt) * torch.cos(az)
    glass = 0.8 * (1 - (1 - cos_i) ** 4)
    patch = torch.cos(alt) * (torch.pi / 2 / VB_ALT) * (torch.pi / VB_AZ)  # solid angle
    flux = lum * tau * glass * cos_i * patch
    outs = []
    for depth in (1.0, 3.0, 5.0):
        seen = torch.sigmoid((math.atan(2 / depth) - phi) / 0.08)
        outs.append((flux * seen).sum((1, 2)) / depth**0.5 + 0.002)
    outs.append(flux.sum((1, 2)) + 0.002)
    y = torch.log(torch.stack(outs, 1)) + 0.08 * torch.randn(n, 4, generator=gen)
    maps = torch.log1p(lum).unsqueeze(1) - 0.7
    blind = torch.stack([beta.view(-1) / 0.6, (rho.view(-1) - 0.525) / 0.19, (ws.view(-1) - 1.2) / 0.115], 1)
    return (maps, blind), y


class BlindCNN(nn.Module):
    """A 2-d CNN with BatchNorm over the sky map (three 3x3 conv-BN-ReLU layers, the second strided), average
    pooling, the blind's three settings appended, an MLP head to the four log fluxes (``norm="gn"``: GroupNorm
    instead, not used by any plan)."""

    def __init__(self, width: int = 8, norm: str = "bn") -> None:
        super().__init__()

        def nrm(c: int) -> nn.Module:
            return nn.GroupNorm(max(1, c // 4), c) if norm == "gn" else nn.BatchNorm2d(c)

        self.conv = nn.Sequential(
            nn.Conv2d(1, width, 3, padding=1), nrm(width), nn.ReLU(),
            nn.Conv2d(width, 2 * width, 3, stride=2, padding=1), nrm(2 * width), nn.ReLU(),
            nn.Conv2d(2 * width, 2 * width, 3, padding=1), nrm(2 * width), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * width + 3, 32), nn.ReLU(), nn.Linear(32, 4))

    def forward(self, maps: torch.Tensor, blind: torch.Tensor) -> torch.Tensor:
        h = self.conv(maps).mean((2, 3))
        return self.head(torch.cat([h, blind], 1))


def blind_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log illuminances and log flux."""
    maps, blind, y = batch
    return F.mse_loss(model(maps, blind), y)


def venetian_blind(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 8,
                   norm: str = "bn") -> dict[str, Any]:
    """The blind CNN on 8192 skies and blind settings, targets standardised over them; held out: 2048 others in
    batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(122104)
    (maps, blind), y = _vb_skies(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (maps[:train_size], blind[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BlindCNN(width, norm), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((maps[train_size:], blind[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": blind_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. zip-tie loop tensile test (Adagrad; long only)

ZT_MODES = 3  # strap break, pawl slip, head crack


def _zt_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Loop tensile tests of cable ties (the tie closed round a mandrel, pulled to failure). Material: nylon 6/6
    natural, nylon 6/6 UV black, heat-stabilised nylon, polypropylene, ETFE, acetal (strength 80, 80, 78, 33, 45, 65
    MPa; modulus 3.0, 3.0, 2.9, 1.4, 1.2, 2.8 GPa; UV sensitivity 1.0, 0.1, 0.8, 1.4, 0.02, 0.6; moisture uptake 1,
    1, 1, 0, 0, 0.1; cold brittleness). Series: miniature, intermediate, standard, heavy (strap 2.5, 3.6, 4.8, 7.6
    mm by 1.0, 1.1, 1.3, 1.8 mm). Pawl: moulded one-piece, stainless barb insert, double pawl. Conditioning: dry as
    moulded, conditioned at 50% RH, soaked (nylon's water 0.2%, 2.5%, 6%). Temperature -40..85 C, UV 0-2000 h (log),
    pull rate 5-500 mm/min (log), bundle 0.3-1 of the tie's range. The strap breaks at strength x area, changing
    0.5%/K from 23 C (stronger when cold), falling with water (plasticised: -25% at 6%) and UV (x exp(-sens UV /
    1500)); the pawl slips at a tooth-shear load rising with the modulus (softened by heat and water), the
    engagement (the barb x 2.5, the double pawl x 1.6) and a smaller bundle (more of the strap's teeth past the
    pawl); the head cracks at a toughness load falling sharply below a transition temperature (higher when dry, for
    nylon and acetal) and at fast pulls. Each load with 6% lognormal scatter; the weakest fails. Returns (categories
    (n, 4), numbers (n, 4), log load / 100 N (n,), mode (n,))."""
    mat = torch.randint(0, 6, (n,), generator=gen)
    ser = torch.randint(0, 4, (n,), generator=gen)
    pawl = torch.randint(0, 3, (n,), generator=gen)
    cond = torch.randint(0, 3, (n,), generator=gen)
    temp = -40 + 125 * torch.rand(n, generator=gen)
    uv = 2000 * torch.rand(n, generator=gen) ** 2
    rate = 5 * 100 ** torch.rand(n, generator=gen)
    bundle = 0.3 + 0.7 * torch.rand(n, generator=gen)
    strength = torch.tensor([80.0, 80, 78, 33, 45, 65])[mat]
    modulus = torch.tensor([3.0, 3.0, 2.9, 1.4, 1.2, 2.8])[mat]
    uvs = torch.tensor([1.0, 0.1, 0.8, 1.4, 0.02, 0.6])[mat]
    uptake = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0, 0.1])[mat]
    t_brit = torch.tensor([-10.0, -10, -15, 5, -60, -30])[mat]
    water = torch.tensor([0.2, 2.5, 6.0])[cond] * uptake
    wid = torch.tensor([2.5, 3.6, 4.8, 7.6])[ser]
    thk = torch.tensor([1.0, 1.1, 1.3, 1.8])[ser]
    area = wid * thk * 2  # both legs of the loop, mm2
    soft = (1 - 0.005 * (temp - 23)).clamp(0.5, 1.4) * (1 - 0.042 * water)
    strap = strength * area * soft * torch.exp(-uvs * uv / 1500)
    engage = torch.tensor([1.0, 2.5, 1.6])[pawl] * (1.3 - 0.4 * bundle)
    slip = 0.42 * modulus * 1e3 * wid * thk * 0.12 * engage * (1 - 0.006 * (temp - 23)).clamp(0.3, 1.5) \
        * (1 - 0.06 * water)
    tough = 1 + 3 * torch.sigmoid((temp - t_brit - 3 * water) / 8)
    crack = 0.55 * strength * area * tough * (rate / 50) ** -0.08 * torch.exp(-0.5 * uvs * uv / 1500)
    loads = torch.stack([strap, slip, crack], 1) * torch.exp(0.06 * torch.randn(n, 3, generator=gen))
    load, mode = loads.min(1)
    cats = torch.stack([mat, ser, pawl, cond], 1)
    nums = torch.stack([(temp - 22.5) / 36, (torch.log1p(uv) - 5) / 2.5, (torch.log(rate) - math.log(50)) / 1.33,
                        (bundle - 0.65) / 0.2], 1)
    return cats, nums, torch.log(load / 100), mode


class TieEmbedNet(nn.Module):
    """Learned embeddings (3 dimensions each) of material (6), series (4), pawl (3) and conditioning (3), kept in one
    table with per-field offsets, concatenated with the four numbers; a ReLU MLP head to the log load and the three
    mode logits."""

    def __init__(self, hidden: int = 32, dim: int = 3) -> None:
        super().__init__()
        self.register_buffer("offsets", torch.tensor([0, 6, 10, 13]))
        self.emb = nn.Embedding(16, dim)
        self.net = nn.Sequential(nn.Linear(4 * dim + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1 + ZT_MODES))

    def forward(self, cats: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        e = self.emb(cats + self.offsets).flatten(1)
        return self.net(torch.cat([e, nums], 1))


def tie_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log breaking load plus the failure mode's cross-entropy."""
    cats, nums, load, mode = batch
    out = model(cats, nums)
    return F.mse_loss(out[:, 0], load) + F.cross_entropy(out[:, 1:], mode)


def zip_tie(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 32) -> dict[str, Any]:
    """The tie net on 16384 loop tensile tests, the log load standardised over them; held out: 2048 other tests in
    batches of 1024; Adagrad (torch's defaults: initial accumulator 0, eps 1e-10)."""
    gen = torch.Generator().manual_seed(122105)
    cats, nums, load, mode = _zt_tests(train_size + 2048, gen)
    load = (load - load[:train_size].mean()) / load[:train_size].std()
    tr = (cats[:train_size], nums[:train_size], load[:train_size], mode[:train_size])
    te = (cats[train_size:], nums[train_size:], load[train_size:], mode[train_size:])
    torch.manual_seed(seed)
    return {"model": TieEmbedNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": tie_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. hot-water bottle cooling in a bed (RAdam; long only)

HB_HOURS = 8


def _hb_nights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Hot-water bottles (rubber, 1-2 L, filled 50-80% with water at 50-80 C) in a cover (none, fleece, knitted),
    placed under a duvet (4.5-15 tog) on the mattress, against a sleeper (skin 34 C, the sleeper rolling away at a
    random hour 1-8) or on a lap in the room (no duvet: a blanket of 2 tog); room 10-22 C. The finer model: water,
    cover surface and bed microclimate, five-minute forward Euler steps; the water to the surface through the rubber
    and the cover (U 60, 25, 35 W/m2K), the surface to the microclimate by natural convection (h = 1.6 dT^0.25 +
    radiation 4.5), the microclimate to the room through the duvet (R = 0.1 tog m2K/W per m2 of 0.6 m2 bed) and
    the mattress (a slow store), the skin contact (0.04 m2 at 40 W/m2K) while the sleeper is there. Temperatures
    read hourly with 0.2 K noise. Returns (features (n, 11), known physics (n, 5): water heat capacity (Wh/K),
    initial water, room, skin temperatures (C), contact until (h, 0 when there is no sleeper); targets (n, 16):
    the hourly water and surface temperatures / 10)."""
    vol = 1 + torch.rand(n, generator=gen)
    frac = 0.5 + 0.3 * torch.rand(n, generator=gen)
    t0 = 50 + 30 * torch.rand(n, generator=gen)
    cover = torch.randint(0, 3, (n,), generator=gen)
    place = torch.randint(0, 3, (n,), generator=gen)  # duvet, against a sleeper, lap
    tog = 4.5 + 10.5 * torch.rand(n, generator=gen)
    tog = torch.where(place == 2, torch.full_like(tog, 2.0), tog)
    room = 10 + 12 * torch.rand(n, generator=gen)
    off = 1 + 7 * torch.rand(n, generator=gen)
    off = torch.where(place == 1, off, torch.zeros_like(off))
    mass = vol * frac
    cw = 1.163 * mass + 0.15  # Wh/K, water and rubber
    area = 0.08 + 0.06 * vol
    u = torch.tensor([60.0, 25.0, 35.0])[cover]
    r_duvet = 0.1 * tog / 0.6
    tw, ts, tm = t0.clone(), t0 - 10, room + 3
    tmat = room + 2
    dt = 1 / 12
    ws, ss = [], []
    for i in range(HB_HOURS * 12):
        hour = i * dt
        h = 1.6 * (ts - tm).abs().clamp_min(0.1) ** 0.25 + 4.5
        g_ws = area * u
        g_sm = area * h
        q_ws = g_ws * (tw - ts)
        q_sm = g_sm * (ts - tm)
        ts = (g_ws * tw + g_sm * tm) / (g_ws + g_sm)  # the cover surface in quasi-steady state
        contact = ((place == 1) & (hour < off)).float()
        q_skin = contact * 0.04 * 40 * (tw - 34)
        q_room = (tm - room) / r_duvet
        q_mat = 1.5 * (tm - tmat)
        tw = tw - dt * (q_ws + q_skin) / cw
        tm = tm + dt * (q_sm - q_room - q_mat) / 0.8
        tmat = tmat + dt * q_mat / 6
        if i % 12 == 11:
            ws.append(tw)
            ss.append(ts)
    y = torch.cat([torch.stack(ws, 1), torch.stack(ss, 1)], 1) + 0.2 * torch.randn(n, 2 * HB_HOURS, generator=gen)
    x = torch.cat([torch.stack([(vol - 1.5) / 0.29, (frac - 0.65) / 0.087, (t0 - 65) / 8.7, (tog - 8) / 4,
                                (room - 16) / 3.5], 1), F.one_hot(cover, 3).float(), F.one_hot(place, 3).float()], 1)
    phys = torch.stack([cw, t0, room, torch.full_like(t0, 34.0), off], 1)
    return x, phys, y / 10


class BottleGreyBox(nn.Module):
    """A grey-box net: an MLP from the features to the water-to-bed and water-to-skin conductances (W/K), the bed
    microclimate's warming above the room (K) and the cover surface's share of the way from the microclimate to
    the water; the water then cools exponentially (Newton) towards the microclimate, or towards the conductance-
    weighted mean of the microclimate and the skin while the sleeper is there, with the known heat capacity, start,
    room and skin temperatures and contact time, evaluated at the 8 hours in closed form; the same MLP also gives a
    learned residual correction (x 0.1) to each of the 16 outputs (a hybrid physics + neural-residual model)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4 + 2 * HB_HOURS))
        self.register_buffer("hours", torch.arange(1, HB_HOURS + 1).float().view(1, -1))

    def forward(self, x: torch.Tensor, phys: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        g = F.softplus(p[:, :1])
        gb = F.softplus(p[:, 1:2] - 1.0)
        tm = phys[:, 2:3] + 5 * F.softplus(p[:, 2:3])
        share = torch.sigmoid(p[:, 3:4])
        cw, t0, skin, off = phys[:, :1], phys[:, 1:2], phys[:, 3:4], phys[:, 4:]
        te = (g * tm + gb * skin) / (g + gb)
        with_contact = te + (t0 - te) * torch.exp(-(g + gb) * self.hours.minimum(off) / cw)
        tw = tm + (with_contact - tm) * torch.exp(-g * (self.hours - off).clamp_min(0) / cw)
        return torch.cat([tw, tm + share * (tw - tm)], 1) / 10 + 0.1 * p[:, 4:]


def bottle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the hourly water and cover-surface temperatures (units of 10 K)."""
    x, phys, y = batch
    return F.mse_loss(model(x, phys), y)


def hot_water_bottle(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box net on 8192 nights; held out: 2048 other nights in batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(122106)
    x, phys, y = _hb_nights(train_size + 2048, gen)
    tr = (x[:train_size], phys[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BottleGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], phys[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": bottle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("soap_pump_adam", soap_pump, 300, "soap_dispenser_pump_shot_volume_cnn1d", "adam", "finite", 64,
      seconds=0.7, start_lr=0.016),
    W("cart_shimmy_rmsprop", cart_shimmy, 300, "shopping_cart_caster_shimmy_forecast_lstm", "rmsprop", "finite", 128,
      seconds=1.2, start_lr=0.032),
    W("revolving_door_nadam", revolving_door, 300, "revolving_door_air_exchange_resnet_ln", "nadam", "finite", 256,
      seconds=0.5, start_lr=0.032),
    W("venetian_blind_nesterov", venetian_blind, 300, "venetian_blind_sky_map_daylight_cnn_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 128, seconds=1.1, start_lr=0.2),
)
LONG = (
    W("zip_tie_adagrad@long", zip_tie, 3000, "zip_tie_loop_tensile_failure_embedding_mlp", "adagrad", "finite", 64,
      seconds=1.6, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("hot_water_bottle_radam@long", hot_water_bottle, 3000, "hot_water_bottle_bed_cooling_hybrid_greybox", "radam",
      "finite", 32, seconds=2.4, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("soap_pump_adam@long", soap_pump, 3000, "soap_dispenser_pump_shot_volume_cnn1d", "adam", "finite", 64,
      dict(train_size=16384, width=8, layers=2), seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="soap_pump_adam"),
    W("revolving_door_nadam@long", revolving_door, 3000, "revolving_door_air_exchange_resnet_ln", "nadam", "finite",
      32, dict(train_size=16384, width=32, blocks=1, scatter=0.03), seconds=2.2, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="revolving_door_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam122_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-second exam's workloads")
