"""The hundred-and-sixty-eighth exam: six more workload families that neither the suite nor exams 1-164 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam164_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from hip flasks and vapour loss, desk lamps and light pooling, fire
extinguishers and discharge reach, step stools and tipping, see-saws and balance, and extension leads and voltage
drop (exams 165-167 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam168/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is
as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hip-flask vapour loss (a long plan only): a grey-box model of the spirit lost from a catalogue of 400 flask models
  between two weighings. A learned embedding per flask model (400) gives its seal's log exchange rate and its cap's
  breathing share; a small tanh net gives log-activity corrections to Raoult's law for ethanol and water; fixed
  physics (Antoine vapour pressures, the ideal-gas headspace concentration, the daily thermal breathing of a
  carried flask, a flask stored lying wetting its seal) turns them into the log mass lost and the drop in ABV.
  MSE of the standardised pair; Adagrad (torch's defaults), as sparse per-item embeddings are fitted
- desk-lamp light pool: a 2-D CNN (with coordinate channels) reads a lux-meter map (12 x 16 points over an 80 x
  60 cm desk, log10 lux) and estimates the task lamp's set-up: the head's position and height, where its beam's
  axis meets the desk, and the lamp's flux (the shade's cut-off and the beam's exponent vary unreported). Data: a
  point source with a cos^n beam, a soft shade cut-off and a little spill, inverse-square and
  cosine-of-incidence illuminance, room light with a window gradient, 4% meter scatter. MSE of the standardised
  set-up; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- fire-extinguisher discharge reach: a residual MLP with LayerNorm from the agent (water, AFFF foam, water mist,
  ABC powder; one-hot), the charge, the fill pressure, the temperature, the gas share of the cylinder, the
  nozzle's bore, the hose, the aim, the nozzle's height and the wind to the throw after each eighth of the charge
  and the log discharge time. Data: a stored-pressure blowdown (polytropic expansion of the expellant gas, the
  orifice's discharge at the pressure left, hose losses), the jet's ballistic range from the nozzle's height with
  an agent-dependent drag and break-up cut, the wind; 3% scatter. MSE of the standardised outputs; NAdam (torch's
  defaults)
- step-stool tipping during a reach: a GRU over a 2.4 s motion-capture trace (the user's centre of mass offsets
  and the hand's force on a shelf item, with the stool's base, height and mass and the user's mass and stature)
  to the sagittal and lateral tipping margins at every sample. Data: statics about the base's edges plus the
  inertial moment of the centre of mass's acceleration and the hand force's moment; the trace is measured with
  3 mm scatter, the margins from the true motion. MSE of the margins; Adam (torch's defaults)
- see-saw balance (a long plan only): a Deep Sets net over the riders of a spring-centred playground see-saw
  (2-6 riders, each a set element: seat position, mass, the height of the centre of mass above the plank, lean)
  with the plank (length, mass, spring stiffness, bumper angle, the plank's height over the pivot), to the rest
  tilt (a fraction of the bumper angle) and the moment at level. Data: the gravity moments about the pivot at
  tilt (cos and sin terms) against the centring spring, solved by bisection, clamped at the bumpers; 2% scatter.
  MSE of the standardised outputs; AdamW (torch's defaults, weight decay 1e-2)
- extension-lead voltage drop: an embedding net over a workshop's log of 120 lead products and 40 appliances (a
  learned vector each) with the lead's nominal cross-section and length, reel or not and how far it is unwound,
  the ambient temperature, the supply's voltage and loop impedance and the run time, to the log voltage drop
  along the lead (percent of 230 V) and the conductor's temperature (a rise capped at 90 K). Data: R = 2 L rho
  (1 + alpha (T - 20)) / A (copper-clad aluminium in some cheap leads), resistive, constant-power and motor loads
  solved with the drop by fixed point, the conductor's heating (a wound reel holding its heat) with a time
  constant; 1% / 0.5 C scatter. MSE of the standardised pair; Adagrad (torch's defaults), as sparse per-item
  embeddings are fitted

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the hip-flask grey box
and the see-saw net (32 units, 8192 see-saws; no short plans), the extension-lead net on the short plan's pool in
batches of 32 instead of 128, and the extinguisher net (32 units, one block instead of 64 and two) on 8192
discharges instead of 2048.

Optimisers: three Adagrad (hip flask; extension lead, short and long), two NAdam (extinguisher, short and long),
one AdamW (see-saw), one SGD with Nesterov momentum (desk lamp) and one Adam (step stool).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam168_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam168/README.md).

    python benchmarks/exam168_workloads.py          # the table
    python benchmarks/exam168_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 168"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs (from every tensor but the last) against the last."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. hip-flask vapour loss, a grey box with per-flask embeddings (Adagrad; long only)

HF_FLASKS = 400
HF_R = 8.314


def _antoine_pa(a: float, b: float, c: float, t_c: torch.Tensor) -> torch.Tensor:
    """Antoine's equation (mmHg, degrees C) in pascals."""
    return 133.322 * 10 ** (a - b / (c + t_c))


def _hf_physics(abv: torch.Tensor, temp: torch.Tensor, days: torch.Tensor, carried: torch.Tensor,
                lying: torch.Tensor, fill: torch.Tensor, cap: torch.Tensor) -> torch.Tensor:
    """The fixed part of the physics, computed once per weighing (the grey box's inputs): ABV and temperature
    standardised (for the activity net), ABV, the ethanol mole fraction x_e, the headspace's ethanol and water
    concentrations under Raoult's law with activity 1 (x P_sat(T) M / R T, Antoine; g per litre), the litres a day
    that one full thermal breathing of the headspace pushes out (V_head dT / T, twice a day; dT 3 K on a shelf, 14
    K carried), the days, lying (0 / 1), the ethanol and water in the flask (g). Returns (n, 11)."""
    ne, nw = abv * 0.789 / 46.07, (1 - abv) * 0.997 / 18.015
    xe = ne / (ne + nw)
    tk = temp + 273.15
    ce = xe * _antoine_pa(8.20417, 1642.89, 230.3, temp) * 46.07 / (HF_R * tk) / 1000
    cw = (1 - xe) * _antoine_pa(8.07131, 1730.63, 233.426, temp) * 18.015 / (HF_R * tk) / 1000
    head = (cap * (1 - fill) + 5) / 1000
    breathe = head * (3 + 11 * carried) / tk * 2
    vol = cap * fill
    return torch.stack([(abv - 0.475) / 0.072, (temp - 20) / 8.7, abv, xe, ce, cw, breathe, days, lying,
                        abv * vol * 0.789, (1 - abv) * vol * 0.997], 1)


def _hf_state(ph: torch.Tensor, log_g: torch.Tensor, breath: torch.Tensor, ln_ge: torch.Tensor,
              ln_gw: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The flask's loss, shared by the data and the grey box: ``ph`` from ``_hf_physics``; ``log_g`` the seal's
    log exchange (litres of headspace gas a day; three times it when the flask lies and the spirit wets the seal),
    ``breath`` the share of the thermal breathing that leaves through the cap, ``ln_ge`` / ``ln_gw`` the log
    activity coefficients. Returns (log grams lost, ABV drop in points)."""
    abv, ce, cw, breathe = ph[:, 2], ph[:, 4], ph[:, 5], ph[:, 6]
    days, lying, e0, w0 = ph[:, 7], ph[:, 8], ph[:, 9], ph[:, 10]
    exch = torch.exp(log_g) * (1 + 2 * lying) + breath * breathe
    me = torch.minimum(exch * ce * torch.exp(ln_ge) * days, 0.5 * e0)
    mw = torch.minimum(exch * cw * torch.exp(ln_gw) * days, 0.5 * w0)
    ve, vw = (e0 - me) / 0.789, (w0 - mw) / 0.997
    return torch.log(me + mw), 100 * (abv - ve / (ve + vw))


def _hf_records(n: int, gen: torch.Generator, flask: tuple[torch.Tensor, torch.Tensor]) -> tuple[torch.Tensor, ...]:
    """Weighings of filled flasks: the flask model (400, each with its seal's log exchange and breathing share),
    ABV 35-60%, mean temperature 5-35 C, 1-60 days (log-uniform), carried in a pocket (30%), stored lying (25%),
    filled 50-100% of 100-250 ml. Ethanol-water activity from two-suffix Margules (A 1.6 / 0.8, from memory).
    Scatter: 10% on the mass lost (the balance and the cap's wiping), 0.03 points on the ABV. Returns (flask ids,
    physics features (n, 11), targets (n, 2): log grams lost, ABV drop)."""
    ids = torch.randint(0, HF_FLASKS, (n,), generator=gen)
    abv = 0.35 + 0.25 * torch.rand(n, generator=gen)
    temp = 5 + 30 * torch.rand(n, generator=gen)
    days = 60 ** torch.rand(n, generator=gen)
    carried = (torch.rand(n, generator=gen) < 0.3).float()
    lying = (torch.rand(n, generator=gen) < 0.25).float()
    fill = 0.5 + 0.5 * torch.rand(n, generator=gen)
    cap = torch.tensor([100.0, 150.0, 180.0, 200.0, 250.0])[torch.randint(0, 5, (n,), generator=gen)]
    ph = _hf_physics(abv, temp, days, carried, lying, fill, cap)
    xe = ph[:, 3]
    log_g, breath = flask
    lm, drop = _hf_state(ph, log_g[ids], breath[ids], 1.6 * (1 - xe) ** 2, 0.8 * xe**2)
    lm = lm + 0.10 * torch.randn(n, generator=gen)
    drop = drop + 0.03 * torch.randn(n, generator=gen)
    return ids, ph, torch.stack([lm, drop], 1)


class FlaskGreyBox(nn.Module):
    """Per flask model a learned 4-d vector, read out to the seal's log exchange and the cap's breathing share; a
    tanh net 2-16-2 from ABV and temperature to the log activity corrections; the fixed physics of ``_hf_state``;
    outputs standardised with the training pool's target mean and sd."""

    def __init__(self, mean: torch.Tensor, sd: torch.Tensor, dim: int = 4) -> None:
        super().__init__()
        self.flask = nn.Embedding(HF_FLASKS, dim)
        self.seal = nn.Linear(dim, 2)
        with torch.no_grad():
            self.flask.weight.mul_(0.1)
            self.seal.bias.copy_(torch.tensor([math.log(0.3), 0.0]))
        self.activity = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 2))
        self.register_buffer("mean", mean)
        self.register_buffer("sd", sd)

    def forward(self, ids: torch.Tensor, ph: torch.Tensor) -> torch.Tensor:
        s = self.seal(self.flask(ids))
        a = self.activity(ph[:, :2])
        lm, drop = _hf_state(ph, s[:, 0], torch.sigmoid(s[:, 1]), a[:, 0], a[:, 1])
        return (torch.stack([lm, drop], 1) - self.mean) / self.sd


def hip_flask_vapour(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 4) -> dict[str, Any]:
    """The grey box on 8192 weighings of 400 flask models; held out: 2048 other weighings in batches of 1024;
    Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(168101)
    flask = (math.log(0.3) + 0.9 * torch.randn(HF_FLASKS, generator=gen),
             0.1 + 0.8 * torch.rand(HF_FLASKS, generator=gen))
    ids, feats, y = _hf_records(train_size + 2048, gen, flask)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (ids[:train_size], feats[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlaskGreyBox(mean, sd, dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], feats[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": flask_mse, "train_pool": tr}


def flask_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log mass lost and ABV drop."""
    return _mse(model, batch)


# --------------------------------------------------------------------------------------------------------------
# 2. desk-lamp light pool: the lamp's set-up from a lux-meter map (SGD, Nesterov momentum)

DL_ROWS, DL_COLS = 12, 16


def _dl_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lux-meter maps of a desk (80 x 60 cm, 12 x 16 points at 5 cm) under a task lamp and room light. The lamp's
    head at (x0, y0) over the desk (10-70, 5-55 cm), 25-60 cm up, tilted 0-35 degrees towards a random azimuth; a
    cos^n beam (n 1-6) inside a shade's soft cut-off (30-60 degrees half-angle, 2 degrees soft), 4% spill outside;
    its flux 200-800 lm (peak intensity Phi (n + 1) / 2 pi). E = I(theta) cos(incidence) / d^2. Room light 30-300
    lux with a window gradient across the desk (+-50%). 4% meter scatter (lognormal). Returns (maps (n, 1, 12, 16)
    of log10 lux minus 2, set-ups (n, 6): the head's x0, y0, the beam axis's aim point on the desk (x, y), the
    head's height, log flux; the cut-off and the beam's exponent are nuisances)."""
    x0 = 10 + 60 * torch.rand(n, generator=gen)
    y0 = 5 + 50 * torch.rand(n, generator=gen)
    h = 25 + 35 * torch.rand(n, generator=gen)
    tilt = torch.deg2rad(35 * torch.rand(n, generator=gen))
    az = 2 * math.pi * torch.rand(n, generator=gen)
    expo = 1 + 5 * torch.rand(n, generator=gen)
    cut = 30 + 30 * torch.rand(n, generator=gen)
    flux = 200 * 4 ** torch.rand(n, generator=gen)
    amb = 30 * 10 ** torch.rand(n, generator=gen)
    grad = torch.rand(n, generator=gen) - 0.5
    gx = 2.5 + 5 * torch.arange(DL_COLS).float()
    gy = 2.5 + 5 * torch.arange(DL_ROWS).float()
    yy, xx = torch.meshgrid(gy, gx, indexing="ij")
    dx = xx.view(1, DL_ROWS, DL_COLS) - x0.view(-1, 1, 1)
    dy = yy.view(1, DL_ROWS, DL_COLS) - y0.view(-1, 1, 1)
    hz = h.view(-1, 1, 1)
    d = (dx**2 + dy**2 + hz**2).sqrt()
    ax = (torch.sin(tilt) * torch.cos(az)).view(-1, 1, 1)
    ay = (torch.sin(tilt) * torch.sin(az)).view(-1, 1, 1)
    az_ = -torch.cos(tilt).view(-1, 1, 1)
    cos_t = ((dx * ax + dy * ay + (-hz) * az_) / d).clamp(-1, 1)
    theta = torch.rad2deg(torch.acos(cos_t))
    i0 = flux * (expo + 1) / (2 * math.pi)
    shade = torch.sigmoid((cut.view(-1, 1, 1) - theta) / 2)
    inten = i0.view(-1, 1, 1) * (cos_t.clamp_min(0) ** expo.view(-1, 1, 1) * shade + 0.04 * (1 - shade))
    e = inten * (hz / d) / (d / 100) ** 2
    room = amb.view(-1, 1, 1) * (1 + grad.view(-1, 1, 1) * (xx.view(1, DL_ROWS, DL_COLS) - 40) / 40)
    e = (e + room) * torch.exp(0.04 * torch.randn(n, DL_ROWS, DL_COLS, generator=gen))
    x = (torch.log10(e) - 2).unsqueeze(1)
    y = torch.stack([x0, y0, x0 + h * torch.tan(tilt) * torch.cos(az), y0 + h * torch.tan(tilt) * torch.sin(az), h,
                     torch.log(flux)], 1)
    return x, y


class LampNet(nn.Module):
    """A small CNN with two coordinate channels appended to the map (CoordConv, as for a localisation task): two
    3x3 conv / ReLU / 2x2 max-pool stages (8 and 16 channels), a 64-unit ReLU layer, 6 outputs."""

    def __init__(self, ch: int = 8) -> None:
        super().__init__()
        yy, xx = torch.meshgrid(torch.linspace(-1, 1, DL_ROWS), torch.linspace(-1, 1, DL_COLS), indexing="ij")
        self.register_buffer("coords", torch.stack([xx, yy]).unsqueeze(0))
        self.features = nn.Sequential(nn.Conv2d(3, ch, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(ch, 2 * ch, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * ch * (DL_ROWS // 4) * (DL_COLS // 4), 64), nn.ReLU(),
                                  nn.Linear(64, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(torch.cat([x, self.coords.expand(len(x), -1, -1, -1)], 1)))


def lamp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised lamp set-up."""
    return _mse(model, batch)


def desk_lamp_pool(batch_size: int = 32, seed: int = 0, train_size: int = 4096, ch: int = 8) -> dict[str, Any]:
    """The set-up CNN on 4096 desk maps, targets standardised over them; held out: 2048 other maps in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(168102)
    x, y = _dl_maps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LampNet(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov_wd5e-4"),
            "loss_fn": lamp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. fire-extinguisher discharge reach (NAdam)

FE_AGENTS = 4  # water, AFFF foam, water mist, ABC powder
FE_STEPS = 32
FE_OUT = 8


def _fe_discharges(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Stored-pressure extinguishers emptied in a throw test: the agent (density 1000, 1000, 1000, 650 kg/m3;
    discharge coefficients 0.85, 0.75, 0.6, 0.7; drag factors 0.4, 0.9, 3.0, 1.5; a break-up cut), the charge 2-9
    litres (or kg), the fill pressure 10-16 bar (gauge at 20 C, scaled with the absolute temperature -10-50 C), the
    gas's share of the cylinder 0.25-0.45, the nozzle's bore 4-8 mm, the hose 0-0.6 m (loss coefficient 2 + 8
    per metre), the aim 0-30 degrees up, the nozzle 0.6-1.4 m above the floor, a wind along the jet of -3-3 m/s.
    The charge leaves in 32 equal volumes; at each the gas's pressure P0 (V_g0 / V_g)^1.2, the exit speed Cd
    sqrt(2 dP / (rho (1 + K))), the time V / (A v); the throw the ballistic range from the nozzle's height at that
    speed over (1 + drag v^2 / 400), capped by a break-up length (0.5 s x v x the agent's
    factor 1, 0.7, 0.35, 0.5 x sqrt(bore / 4 mm)), plus the wind's drift
    over the flight. Outputs: the mean throw in each eighth of the charge and the log discharge time; 3% / 2%
    scatter. Returns (features (n, 13), outputs (n, 9))."""
    ag = torch.randint(0, FE_AGENTS, (n,), generator=gen)
    rho = torch.tensor([1000.0, 1000.0, 1000.0, 650.0])[ag]
    cd = torch.tensor([0.85, 0.75, 0.6, 0.7])[ag]
    drag = torch.tensor([0.4, 0.9, 3.0, 1.5])[ag]
    brk = torch.tensor([1.0, 0.7, 0.35, 0.5])[ag]
    charge = 2 + 7 * torch.rand(n, generator=gen)
    p_fill = 10 + 6 * torch.rand(n, generator=gen)
    temp = -10 + 60 * torch.rand(n, generator=gen)
    gas = 0.25 + 0.2 * torch.rand(n, generator=gen)
    bore = 4 + 4 * torch.rand(n, generator=gen)
    hose = 0.6 * torch.rand(n, generator=gen)
    aim = torch.deg2rad(30 * torch.rand(n, generator=gen))
    height = 0.6 + 0.8 * torch.rand(n, generator=gen)
    wind = -3 + 6 * torch.rand(n, generator=gen)
    p0 = (p_fill + 1) * (temp + 273.15) / 293.15  # bar absolute
    vol = charge / (1 - gas)  # litres
    vg0 = vol * gas
    area = math.pi * (bore / 2000) ** 2  # m2
    k = 2 + 8 * hose
    g = 9.81
    throws, t = [], torch.zeros(n)
    for i in range(FE_STEPS):
        vg = vg0 + charge * (i + 0.5) / FE_STEPS
        dp = ((p0 * (vg0 / vg) ** 1.2 - 1) * 1e5).clamp_min(2e3)
        v = cd * (2 * dp / (rho * (1 + k))).sqrt()
        t = t + charge / FE_STEPS / 1000 / (area * v)
        vs, vc = v * torch.sin(aim), v * torch.cos(aim)
        fly = (vs + (vs**2 + 2 * g * height).sqrt()) / g
        rng = vc * fly / (1 + drag * v**2 / 400)
        rng = torch.minimum(rng, 0.5 * brk * (bore / 4) ** 0.5 * v) + 0.5 * wind * fly
        throws.append(rng.clamp_min(0.2))
    thr = torch.stack(throws, 1).view(n, FE_OUT, FE_STEPS // FE_OUT).mean(2)
    thr = thr * torch.exp(0.03 * torch.randn(n, FE_OUT, generator=gen))
    y = torch.cat([thr, (torch.log(t) + 0.02 * torch.randn(n, generator=gen)).unsqueeze(1)], 1)
    x = torch.cat([F.one_hot(ag, FE_AGENTS).float(), torch.stack([
        (charge - 5.5) / 2.0, (p_fill - 13) / 1.73, (temp - 20) / 17.3, (gas - 0.35) / 0.058, (bore - 6) / 1.15,
        (hose - 0.3) / 0.17, (aim - 0.26) / 0.15, (height - 1.0) / 0.23, wind / 1.73], 1)], 1)
    return x, y


class ThrowNet(nn.Module):
    """A residual MLP: 13 -> width, ``blocks`` pre-norm blocks (LayerNorm, Linear, GELU, Linear), LayerNorm, -> 9."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(13, width)
        self.blocks = nn.ModuleList([nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                   nn.Linear(width, width)) for _ in range(blocks)])
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, FE_OUT + 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for b in self.blocks:
            h = h + b(h)
        return self.out(h)


def throw_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised throws and log discharge time."""
    return _mse(model, batch)


def extinguisher_reach(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64,
                       blocks: int = 2) -> dict[str, Any]:
    """The throw net on 2048 discharges, targets standardised over them; held out: 2048 other discharges in
    batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(168103)
    x, y = _fe_discharges(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ThrowNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": throw_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. step-stool tipping during a reach (Adam)

SS_T = 24
SS_DT = 0.1


def _ss_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A user on the top step of a step stool reaches for a shelf item: the stool's base depth 0.35-0.55 m and
    width 0.40-0.55 m, top step 0.4-0.7 m up, mass 4-9 kg; the user 45-110 kg, stature 1.5-1.9 m (centre of mass
    0.55 of it above the step). The centre of mass moves from the stool's centre to a target (forward -0.12-0.25 m,
    sideways -0.25-0.25 m) by a smooth step starting at 0.2-0.8 s over 0.4-1.2 s, holds, and returns over 0.5-1 s
    from 1.4-1.8 s; the hand pulls or pushes on the item with -40-40 N forward and -25-25 N sideways (1.6 m above
    the step) while it holds. Margin about each base edge: (W (a - c) - m a_com (H + h) - F (H + 1.6)) / (W a), W
    the total weight, a the half base, c the combined centre of mass's offset, a_com from the trajectory's second
    difference; the sagittal margin is the smaller of the front and back ones, the lateral of the two sides. The
    trace (offsets, measured by motion capture with 3 mm scatter, and the hand force with 2 N) at 24 samples of 0.1
    s, with the stool and user repeated at each. Returns (inputs (n, 24, 10), margins (n, 24, 2))."""
    depth = 0.35 + 0.2 * torch.rand(n, 1, generator=gen)
    width = 0.40 + 0.15 * torch.rand(n, 1, generator=gen)
    step_h = 0.4 + 0.3 * torch.rand(n, 1, generator=gen)
    m_s = 4 + 5 * torch.rand(n, 1, generator=gen)
    m_u = 45 + 65 * torch.rand(n, 1, generator=gen)
    stature = 1.5 + 0.4 * torch.rand(n, 1, generator=gen)
    tx = -0.12 + 0.37 * torch.rand(n, 1, generator=gen)
    ty = -0.25 + 0.5 * torch.rand(n, 1, generator=gen)
    t0 = 0.2 + 0.6 * torch.rand(n, 1, generator=gen)
    tau = 0.4 + 0.8 * torch.rand(n, 1, generator=gen)
    t1 = 1.4 + 0.4 * torch.rand(n, 1, generator=gen)
    tau1 = 0.5 + 0.5 * torch.rand(n, 1, generator=gen)
    fx = -40 + 80 * torch.rand(n, 1, generator=gen)
    fy = -25 + 50 * torch.rand(n, 1, generator=gen)
    t = SS_DT * torch.arange(-1, SS_T + 1).float().view(1, -1)

    def smooth(u: torch.Tensor) -> torch.Tensor:
        u = u.clamp(0, 1)
        return u * u * (3 - 2 * u)

    prof = smooth((t - t0) / tau) * (1 - smooth((t - t1) / tau1))
    px, py = tx * prof, ty * prof
    holding = (prof > 0.8).float()[:, 1:-1]
    ax = (px[:, 2:] - 2 * px[:, 1:-1] + px[:, :-2]) / SS_DT**2
    ay = (py[:, 2:] - 2 * py[:, 1:-1] + py[:, :-2]) / SS_DT**2
    px, py = px[:, 1:-1], py[:, 1:-1]
    g = 9.81
    w = (m_u + m_s) * g
    hc = step_h + 0.55 * stature
    hf = step_h + 1.6
    cx, cy = m_u * px / (m_u + m_s), m_u * py / (m_u + m_s)
    fxt, fyt = fx * holding, fy * holding
    a2, b2 = depth / 2, width / 2
    front = (w * (a2 - cx) - m_u * ax * hc - fxt * hf) / (w * a2)
    back = (w * (a2 + cx) + m_u * ax * hc + fxt * hf) / (w * a2)
    left = (w * (b2 - cy) - m_u * ay * hc - fyt * hf) / (w * b2)
    right = (w * (b2 + cy) + m_u * ay * hc + fyt * hf) / (w * b2)
    y = torch.stack([torch.minimum(front, back), torch.minimum(left, right)], 2)
    mx = px + 0.003 * torch.randn(n, SS_T, generator=gen)
    my = py + 0.003 * torch.randn(n, SS_T, generator=gen)
    mfx = fxt + 2 * torch.randn(n, SS_T, generator=gen)
    mfy = fyt + 2 * torch.randn(n, SS_T, generator=gen)
    static = torch.cat([(depth - 0.45) / 0.058, (width - 0.475) / 0.043, (step_h - 0.55) / 0.087,
                        (m_s - 6.5) / 1.44, (m_u - 77.5) / 18.8, (stature - 1.7) / 0.115], 1)
    x = torch.cat([torch.stack([mx / 0.1, my / 0.1, mfx / 20, mfy / 12], 2),
                   static.unsqueeze(1).expand(n, SS_T, 6)], 2)
    return x, y


class StoolGRU(nn.Module):
    """A one-layer GRU over the trace and a linear read-out of the two margins at every sample."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(10, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0])


def margin_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the sagittal and lateral tipping margins over the trace."""
    return _mse(model, batch)


def step_stool_tipping(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                       hidden: int = 32) -> dict[str, Any]:
    """The margin GRU on 2048 reach traces; held out: 1024 other traces in batches of 512; Adam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(168104)
    x, y = _ss_traces(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StoolGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": margin_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. see-saw balance: a Deep Sets net over the riders (AdamW)

SW_RIDERS = 6


def _sw_boards(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Spring-centred playground see-saws: a plank 3-4.5 m long of 15-40 kg, 0.05-0.15 m above its pivot, bumpers
    at 10-20 degrees, a centring spring of 1.2 times the riders' and plank's toppling stiffness plus 2000-8000 N m /
    rad; 2-6 riders at seats along the plank (a child 12-45 kg, one in ten an adult 55-90 kg), their centres of mass
    0.3-0.5 m above the plank, leaning +-0.1 m. The moment about the pivot at tilt theta: g sum m (x + lean) cos
    theta + g sum m (c + h) sin theta - k theta; the rest tilt by bisection, at a bumper when the moment there
    still pushes on it. Outputs: the rest tilt over the bumper angle and the moment at level / 1000 N m; 2%
    scatter of each one's spread. Returns (rider tokens (n, 6, 4), plank tokens (n, 5), rider mask (n, 6),
    outputs (n, 2))."""
    length = 3 + 1.5 * torch.rand(n, generator=gen)
    mp = 15 + 25 * torch.rand(n, generator=gen)
    c = 0.05 + 0.1 * torch.rand(n, generator=gen)
    bump = torch.deg2rad(10 + 10 * torch.rand(n, generator=gen))
    k_extra = 2000 + 6000 * torch.rand(n, generator=gen)
    count = torch.randint(2, SW_RIDERS + 1, (n,), generator=gen)
    mask = torch.arange(SW_RIDERS).view(1, -1) < count.view(-1, 1)
    pos = (torch.rand(n, SW_RIDERS, generator=gen) * 2 - 1) * (length.view(-1, 1) / 2 - 0.2)
    adult = torch.rand(n, SW_RIDERS, generator=gen) < 0.1
    mass = torch.where(adult, 55 + 35 * torch.rand(n, SW_RIDERS, generator=gen),
                       12 + 33 * torch.rand(n, SW_RIDERS, generator=gen)) * mask
    hgt = 0.3 + 0.2 * torch.rand(n, SW_RIDERS, generator=gen)
    lean = 0.1 * (2 * torch.rand(n, SW_RIDERS, generator=gen) - 1)
    g = 9.81
    m_cos = g * (mass * (pos + lean)).sum(1)
    m_sin = g * (mass * (c.view(-1, 1) + hgt)).sum(1) + g * mp * c
    k = 1.2 * m_sin + k_extra

    def moment(th: torch.Tensor) -> torch.Tensor:
        return m_cos * torch.cos(th) + m_sin * torch.sin(th) - k * th

    lo, hi = -bump.clone(), bump.clone()
    for _ in range(30):
        mid = 0.5 * (lo + hi)
        up = moment(mid) > 0
        lo, hi = torch.where(up, mid, lo), torch.where(up, hi, mid)
    th = 0.5 * (lo + hi)
    top, bottom = moment(bump), moment(-bump)
    th = torch.where(top > 0, bump, torch.where(bottom < 0, -bump, th))
    y = torch.stack([th / bump, m_cos / 1000], 1)
    y = y + 0.02 * y.std(0) * torch.randn(n, 2, generator=gen)
    riders = torch.stack([pos / 1.5, (mass - 30) / 15, (hgt - 0.4) / 0.058, lean / 0.058], 2) * mask.unsqueeze(2)
    plank = torch.stack([(length - 3.75) / 0.43, (mp - 27.5) / 7.2, (c - 0.1) / 0.029,
                         (torch.rad2deg(bump) - 15) / 2.9, (k_extra - 5000) / 1730], 1)
    return riders, plank, mask, y


class SeesawSets(nn.Module):
    """A Deep Sets net (the riders are a set: the moments are sums over them): a shared GELU MLP 4-h-h per rider,
    summed over the riders present, joined with the plank's GELU embedding 5-h, and a GELU MLP 2h-h-2."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(4, hidden), nn.GELU(), nn.Linear(hidden, hidden))
        self.plank = nn.Sequential(nn.Linear(5, hidden), nn.GELU())
        self.rho = nn.Sequential(nn.Linear(2 * hidden, hidden), nn.GELU(), nn.Linear(hidden, 2))

    def forward(self, riders: torch.Tensor, plank: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        pooled = (self.phi(riders) * mask.unsqueeze(2)).sum(1)
        return self.rho(torch.cat([pooled, self.plank(plank)], 1))


def seesaw_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised rest tilt and moment at level."""
    return _mse(model, batch)


def seesaw_balance(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The see-saw Deep Sets net on 2048 see-saws (the long plan: 8192), targets standardised over them; held out:
    2048 other see-saws in batches of 1024; AdamW (torch's defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(168105)
    riders, plank, mask, y = _sw_boards(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (riders[:train_size], plank[:train_size], mask[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SeesawSets(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((riders[train_size:], plank[train_size:], mask[train_size:],
                                        y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": seesaw_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. extension-lead voltage drop: an embedding net over lead products and appliances (Adagrad; long only)

EL_LEADS = 120
EL_APPLIANCES = 40


def _el_catalogue(gen: torch.Generator) -> dict[str, torch.Tensor]:
    """120 lead products (cross-section 0.75, 1.0, 1.25, 1.5, 2.5 mm2; 2-50 m; a third are reels (15-50 m); a tenth
    copper-clad aluminium (resistance x 1.55); strand and tolerance factor 0.98-1.12) and 40 appliances (a kind:
    resistive (kettles, heaters), constant power (switch-mode supplies), motor (drills, mowers, washers); rated
    0.3-3 kW; power factor 1, 0.95, 0.75-0.9)."""
    csa = torch.tensor([0.75, 1.0, 1.25, 1.5, 2.5])[torch.randint(0, 5, (EL_LEADS,), generator=gen)]
    reel = (torch.rand(EL_LEADS, generator=gen) < 0.33).float()
    wound = 15 + 35 * torch.rand(EL_LEADS, generator=gen)  # drawn first (the order of the draws is the data)
    straight = torch.tensor([2.0, 5.0, 10.0, 15.0, 20.0, 25.0])[torch.randint(0, 6, (EL_LEADS,), generator=gen)]
    length = torch.where(reel > 0, wound, straight)
    cca = (torch.rand(EL_LEADS, generator=gen) < 0.1).float()
    factor = (0.98 + 0.14 * torch.rand(EL_LEADS, generator=gen)) * (1 + 0.55 * cca)
    kind = torch.randint(0, 3, (EL_APPLIANCES,), generator=gen)
    power = 300 * 10 ** torch.rand(EL_APPLIANCES, generator=gen)
    pf = torch.where(kind == 0, torch.ones(EL_APPLIANCES),
                     torch.where(kind == 1, torch.full((EL_APPLIANCES,), 0.95),
                                 0.75 + 0.15 * torch.rand(EL_APPLIANCES, generator=gen)))
    return {"csa": csa, "reel": reel, "length": length, "factor": factor, "kind": kind, "power": power, "pf": pf}


def _el_uses(n: int, gen: torch.Generator, cat: dict[str, torch.Tensor]) -> tuple[torch.Tensor, ...]:
    """Logged uses: a lead and an appliance, the share of a reel unwound 0-1 (1 for a straight lead), the ambient
    -5-35 C, the supply's open-circuit voltage 225-250 V and loop impedance 0.2-1.2 ohm, run 1-60 min (log).
    R = 2 L 0.0172 (1 + 0.00393 (T - 20)) / A x the product's factor; the load: resistive I = V / (230^2 / P),
    constant power I = P / (V pf), motor I = P / (230 pf) (1 + 0.6 (230 / V - 1)); V at the appliance = V_s - I
    (Z_s + R), by fixed point with the conductor's temperature T = T_amb + I^2 R (straight: 2 K per W per metre;
    wound turns 10 times that) (1 - exp(-t / tau)), tau 6 min straight, 20 wound. The rise is capped at 90 K (a reel's
    thermal cut-out). Outputs: the log drop along the lead in percent of 230 V and the conductor's temperature;
    scatter 1% of the drop and 0.5 C. Returns (lead ids,
    appliance ids, features (n, 9), outputs (n, 2))."""
    lead = torch.randint(0, EL_LEADS, (n,), generator=gen)
    app = torch.randint(0, EL_APPLIANCES, (n,), generator=gen)
    unwound = torch.where(cat["reel"][lead] > 0, torch.rand(n, generator=gen), torch.ones(n))
    amb = -5 + 40 * torch.rand(n, generator=gen)
    vs = 225 + 25 * torch.rand(n, generator=gen)
    zs = 0.2 + torch.rand(n, generator=gen)
    mins = 60 ** torch.rand(n, generator=gen)
    csa, length, factor = cat["csa"][lead], cat["length"][lead], cat["factor"][lead]
    kind, power, pf = cat["kind"][app], cat["power"][app], cat["pf"][app]
    r20 = 2 * length * 0.0172 / csa * factor
    wound = 1 - unwound
    rth = 2.0 * (unwound + 10 * wound)  # K per (W per metre)
    tau = 6 + 14 * wound
    temp = amb.clone()
    v = vs.clone()
    for _ in range(12):
        r = r20 * (1 + 0.00393 * (temp - 20))
        cur = torch.where(kind == 0, v / (230**2 / power),
                          torch.where(kind == 1, power / (v * pf), power / (230 * pf) * (1 + 0.6 * (230 / v - 1))))
        v = vs - cur * (zs + r)
        rise = cur**2 * r / length * rth * (1 - torch.exp(-mins / tau))
        temp = amb + rise.clamp(max=90.0)  # the reel's thermal cut-out (or the user) ends a run past ~90 K
    drop = 100 * cur * r / 230
    y = torch.stack([torch.log(drop) + 0.01 * torch.randn(n, generator=gen),
                     temp + 0.5 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([torch.log(csa), torch.log(length) - 2.5, cat["reel"][lead], unwound - 0.5, (amb - 15) / 11.5,
                     (vs - 237.5) / 7.2, (zs - 0.7) / 0.29, torch.log(mins) - 2, torch.log(power / 1000)], 1)
    return lead, app, x, y


class LeadNet(nn.Module):
    """A learned 6-d vector per lead product and per appliance, joined with the 9 features, a ReLU MLP
    21-32-32-2."""

    def __init__(self, dim: int = 6, hidden: int = 32) -> None:
        super().__init__()
        self.lead = nn.Embedding(EL_LEADS, dim)
        self.app = nn.Embedding(EL_APPLIANCES, dim)
        self.net = nn.Sequential(nn.Linear(2 * dim + 9, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, lead: torch.Tensor, app: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.lead(lead), self.app(app), x], 1))


def lead_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log voltage drop and conductor temperature."""
    return _mse(model, batch)


def extension_lead_drop(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 6,
                        hidden: int = 32) -> dict[str, Any]:
    """The lead net on 8192 logged uses, targets standardised over them; held out: 2048 other uses in batches of
    1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(168106)
    cat = _el_catalogue(gen)
    lead, app, x, y = _el_uses(train_size + 2048, gen, cat)
    y = _standardise(y, train_size)
    tr = (lead[:train_size], app[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LeadNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((lead[train_size:], app[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": lead_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("desk_lamp_pool_nesterov", desk_lamp_pool, 300, "desk_lamp_light_pool_setup_inverse_cnn2d",
      "sgd_nesterov_wd5e-4", "finite", 32, seconds=0.8, start_lr=0.1),
    W("extinguisher_reach_nadam", extinguisher_reach, 300, "fire_extinguisher_blowdown_throw_resmlp_ln", "nadam",
      "finite", 128, seconds=0.5, start_lr=0.016),
    W("step_stool_tipping_adam", step_stool_tipping, 300, "step_stool_reach_tipping_margin_gru", "adam", "finite",
      32, seconds=1.2, start_lr=0.064),
    W("extension_lead_drop_adagrad", extension_lead_drop, 300, "extension_lead_voltage_drop_heating_embedding_net",
      "adagrad", "finite", 128, seconds=0.3, start_lr=0.32),
)
LONG = (
    W("hip_flask_vapour_adagrad@long", hip_flask_vapour, 3000, "hip_flask_seal_vapour_loss_raoult_greybox_emb",
      "adagrad", "finite", 64, seconds=2.5, start_lr=0.32, grid_fractions=(0.0, 0.05)),
    W("extension_lead_drop_adagrad@long", extension_lead_drop, 3000,
      "extension_lead_voltage_drop_heating_embedding_net", "adagrad", "finite", 32, seconds=1.8, start_lr=0.32,
      grid_fractions=(0.0, 0.05), long_of="extension_lead_drop_adagrad"),
    W("extinguisher_reach_nadam@long", extinguisher_reach, 3000, "fire_extinguisher_blowdown_throw_resmlp_ln",
      "nadam", "finite", 32, dict(train_size=8192, width=32, blocks=1), seconds=2.7, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="extinguisher_reach_nadam"),
    W("seesaw_balance_adamw@long", seesaw_balance, 3000, "seesaw_spring_centred_rest_tilt_deepsets", "adamw",
      "finite", 64, dict(train_size=8192, hidden=32), seconds=3.3, start_lr=0.008,
      grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam168_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-eighth exam's workloads")
