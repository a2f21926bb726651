"""The sixty-fifth exam: six more workload families that neither the suite nor exams 1-64 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam64_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from knitting and knitwear
machines, roller coasters and amusement rides, fountain pens and writing inks, locomotive traction and wheel-rail
adhesion, escalators and moving walkways, and bagpipes and reed instruments (exam 66 was built at the same time from
other domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam65/README.md``. Every field convention below is its author's memory, not checked in public
code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- weft-knitted fabric properties from the knitting machine's settings: a tanh (MATLAB's "tansig") MLP (the
  textile "ANN" of many knitting papers, trained by backpropagation with momentum) from gauge, yarn count,
  stitch-cam setting, yarn input tension, take-down tension, fibre and relaxation state to the courses and wales
  per cm, the areal mass and the spirality; the fabric from Munden's (1959) loop-length constants (K values that
  depend on the fibre and the relaxation state), the loop length from the cam setting and tension; SGD with
  momentum 0.9
- fountain-pen ink on paper: a SiLU MLP from the ink (viscosity, surface tension, dye load), the nib (tip width,
  slit gap), the writing speed and the paper (Cobb sizing via the contact angle, pore radius, basis weight) to the
  log line width, feathering, drying time and show-through; the ink laid down from a Poiseuille flow through the
  slit, its spread by Lucas-Washburn capillary penetration; NAdam
- escalator passenger load from the drive's power meter: a small 1-D CNN reads 96 s of the motor's active power
  (1 Hz) with the escalator's rise, speed and direction, and estimates how many passengers boarded in each 8 s of
  the window; the power is the no-load power plus each passenger's lift power (m g v sin 30 deg over the drive
  efficiency; regenerated when travelling down) for the time they ride; Adam
- Highland bagpipe gracenote embellishments: a small 1-D CNN (a music-information-retrieval classifier, as in the
  piping-ornament recognition papers the author recalls, there by template matching) reads 480 ms of a pitch
  tracker's output on a chanter and names the movement between two melody notes (a plain change, a G, D or E
  gracenote, a doubling, a strike, a grip, a birl, a taorluath, a throw on D); the track from the pipe scale's
  notes with a tuning offset, the gracenotes' 15-45 ms durations, tracker smear, jitter and dropped frames;
  cross-entropy; RMSprop (torch's alpha 0.99)
- wheel-rail adhesion-creep curves (a long plan only): an MLP with an embedding of the rail condition (dry, wet,
  leaves, oil, sanded) and the speed, axle load, temperature and humidity gives the adhesion coefficient at 16
  creep values from 0.1% to 30%; the curves from Polach's (2005) model (a falling friction coefficient with the
  slip velocity, reduction factors in the adhesion and slip areas) with measurement noise; AdamW (weight decay 1e-2)
- a roller-coaster magnetic (eddy-current) brake run (a long plan only): an MLP from the train's mass and entry
  speed, the number of active magnet cassettes, the fin temperature, the grade and the wind to the speed at 8
  points along the run and the peak deceleration; the run integrated with an eddy-current force that rises and
  falls with speed (2 F_max (v/v_c) / (1 + (v/v_c)^2), v_c rising with the fin's resistivity), rolling resistance
  and drag; RAdam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the adhesion net and the
brake-run net (no short plans), the knitted-fabric net on 8192 fabrics instead of 2048 and the gracenote CNN on 8192
windows instead of 1024.

Of the eight plans, two use SGD with momentum (both knitting plans), one NAdam (ink), one Adam (escalator), two
RMSprop (both gracenote plans), one AdamW (adhesion) and one RAdam (brake run).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam65_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam65/README.md).

    python benchmarks/exam65_workloads.py          # the table
    python benchmarks/exam65_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 65"


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. weft-knitted fabric properties from the machine settings, Munden's K values (SGD with momentum)

KN_FIBRES = 4  # cotton, cotton / elastane, polyester, viscose


def _kn_fabrics(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Single-jersey fabrics from circular knitting machines: gauge E18-E32 (needles per inch), yarn count 10-30 tex,
    a stitch-cam setting 0-1 (the cam depth within the machine's range), yarn input tension 1-8 cN, take-down
    tension 0-1, fibre (cotton, cotton with 5% elastane, polyester, viscose), state (dry relaxed, wet relaxed, fully
    relaxed after tumble drying). The loop length (mm) follows the cam (more at coarser gauge), robbed back a little
    by high input tension. Munden: courses / cm = Kc / l, wales / cm = Kw / l (l in cm), with K values by fibre and
    state (the fully relaxed state densest; elastane much denser); take-down stretches courses open. Areal mass
    from the stitch density, loop length and count; spirality (degrees) from the yarn twist liveliness (finer,
    higher-twist yarns more), less when fully relaxed and for elastane. 0.5% measurement noise (0.15 degrees
    on spirality). Returns (features (n, 9), standardised targets (n, 4): log cpc, log wpc, log gsm, spirality / 5)."""
    gauge = 18 + 14 * torch.rand(n, generator=gen)
    tex = 10 + 20 * torch.rand(n, generator=gen)
    cam = torch.rand(n, generator=gen)
    tin = 1 + 7 * torch.rand(n, generator=gen)
    take = torch.rand(n, generator=gen)
    fib = torch.randint(0, KN_FIBRES, (n,), generator=gen)
    state = torch.randint(0, 3, (n,), generator=gen)
    lmm = (2.2 + 1.8 * cam) * (24 / gauge) ** 0.45 * (1 - 0.012 * (tin - 4)) * (tex / 20) ** 0.08
    kc = torch.tensor([[4.6, 5.0, 5.4], [6.0, 6.9, 7.6], [4.3, 4.5, 4.7], [4.8, 5.3, 5.9]])[fib, state]
    kw = torch.tensor([[3.8, 3.9, 4.1], [4.7, 5.2, 5.6], [3.6, 3.7, 3.8], [3.9, 4.1, 4.3]])[fib, state]
    cover = tex.sqrt() / lmm  # the tightness factor: tight fabrics relax less
    relax = 1 - 0.25 * F.relu(cover - 1.4)
    cpc = kc * relax.clamp_min(0.6) / (lmm / 10) * (1 - 0.06 * take) / 10
    wpc = kw * (1 + 0.05 * take) / (lmm / 10) / 10
    gsm = cpc * wpc * 1e4 * (lmm / 1000) * tex / 1000 * (1 + 0.05 * (fib == 1).float())
    twist = 2.0 + 60 / tex
    spir = twist * torch.tensor([1.0, 0.4, 0.7, 1.2])[fib] * torch.tensor([1.0, 0.8, 0.55])[state] * (1 + 0.3 * cover)
    cpc = cpc * (1 + 0.005 * torch.randn(n, generator=gen))
    wpc = wpc * (1 + 0.005 * torch.randn(n, generator=gen))
    gsm = gsm * (1 + 0.005 * torch.randn(n, generator=gen))
    spir = spir + 0.15 * torch.randn(n, generator=gen)
    x = torch.cat([torch.stack([(gauge - 25) / 4, (tex - 20) / 5.8, (cam - 0.5) / 0.29, (tin - 4.5) / 2,
                                (take - 0.5) / 0.29, (state.float() - 1) / 0.82], 1),
                   F.one_hot(fib, KN_FIBRES).float()[:, 1:]], 1)
    y = torch.stack([torch.log(cpc), torch.log(wpc), torch.log(gsm), spir / 5], 1)
    return x, y


class KnitFabricANN(nn.Module):
    """The knitting papers' feed-forward ANN: 9 inputs, two tanh ("tansig") hidden layers, 4 linear outputs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def knit_fabric(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The fabric ANN on 2048 knitted fabrics, targets standardised over them; held out: 2048 other fabrics in
    batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(65102)
    x, y = _kn_fabrics(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KnitFabricANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. fountain-pen ink on paper: Poiseuille feed flow and Lucas-Washburn spreading (NAdam)


def _pen_lines(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lines written by fountain pens: ink viscosity 1-4 mPa s, surface tension 30-65 mN/m, dye load 0.5-4%; nib tip
    width 0.25-1.3 mm (EF to BB), slit gap 10-60 um; writing speed 20-150 mm/s; paper sizing as the ink's contact
    angle 55-105 degrees, pore radius 0.5-4 um, basis weight 60-120 g/m2. The ink delivered per mm of line from a
    capillary-driven Poiseuille flow through the slit (gap^3 gamma / mu, over the speed); the line's width the tip's
    contact width plus twice the Lucas-Washburn penetration sqrt(r gamma cos(theta) t / 2 mu) over the wet time,
    capped by the ink available; feathering the Washburn wicking along fibres over the drying time (lateral, so it
    grows with the pore radius and the excess ink); drying time the ink volume over the absorption rate; show-through
    the optical density at the back (dye load, the ink depth against the sheet's thickness). Noise 3%. Returns
    (standardised features (n, 9), standardised log targets (n, 4))."""
    mu = 1 + 3 * torch.rand(n, generator=gen)
    gam = 30 + 35 * torch.rand(n, generator=gen)
    dye = 0.5 + 3.5 * torch.rand(n, generator=gen)
    tip = 0.25 + 1.05 * torch.rand(n, generator=gen)
    gap = 10 + 50 * torch.rand(n, generator=gen)
    speed = 20 + 130 * torch.rand(n, generator=gen)
    theta = 55 + 50 * torch.rand(n, generator=gen)
    pore = 0.5 + 3.5 * torch.rand(n, generator=gen)
    basis = 60 + 60 * torch.rand(n, generator=gen)
    cos_t = torch.cos(torch.deg2rad(theta)).clamp_min(-0.2) + 0.25
    flow = (gap / 30) ** 3 * (gam / 50) / mu * (tip / 0.6) ** 0.5  # relative volume flow
    ink = flow / (speed / 60)  # relative volume per mm of line
    t_wet = 0.3 * ink.sqrt()
    wash = (pore * gam * cos_t * t_wet / (2 * mu)).clamp_min(0).sqrt()  # relative penetration length
    width = tip * 0.8 + 0.12 * wash * ink.clamp(max=3) ** 0.3
    dry = 2 + 8 * ink / (0.2 + pore * cos_t.clamp_min(0.02) / mu) ** 0.7 * (gam / 50) ** 0.2
    feather = 0.02 + 0.05 * (pore * gam * cos_t.clamp_min(0.02) * dry / mu).sqrt() * (ink / (1 + ink))
    depth = ink * pore / (basis / 90) ** 1.5 * (cos_t.clamp_min(0.05) + 0.1)
    show = 0.02 + dye / 4 * depth / (1 + depth)
    y = torch.stack([width, feather, dry, show], 1)
    y = y * (1 + 0.03 * torch.randn(y.shape, generator=gen))
    x = torch.stack([(mu - 2.5) / 0.87, (gam - 47.5) / 10, (dye - 2.25) / 1, (tip - 0.775) / 0.3,
                     (gap - 35) / 14.4, (speed - 85) / 37.5, (theta - 80) / 14.4, (pore - 2.25) / 1,
                     (basis - 90) / 17.3], 1)
    return x, torch.log(y.clamp_min(1e-3))


class InkLineNet(nn.Module):
    """An MLP 9-64-64-4 with SiLU from the ink, nib, speed and paper to the four line properties (log)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pen_ink(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The ink-line net on 1024 written lines, targets standardised over them; held out: 2048 other lines in
    batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(65202)
    x, y = _pen_lines(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": InkLineNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. escalator passenger load from the drive's power meter, a 1-D CNN (Adam)

ES_T, ES_BIN = 96, 8


def _es_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """96-second windows of an escalator's active power (1 Hz): rise 3-12 m at 30 degrees, speed 0.5 or 0.65 m/s,
    up or down. Boardings in the 96 s before and during the window: a Poisson process whose rate (0-1.2 a second)
    has bursts when a train empties onto the escalator; each passenger (mass 47-107 kg) rides for rise / sin 30 /
    speed seconds. The power: a no-load power (2-6 kW, with a slow wander), plus for each passenger on the steps
    m g v sin 30 over an efficiency of 0.85 (up) or times 0.75, negative (down, regenerated), plus meter noise of
    0.1 kW. Returns (the trace (n, 3, 96): the power less the no-load power measured at commissioning, in kW / 5;
    rise / 10; the direction times the speed / 0.575 m/s; and the boardings in each of the window's 12 bins of 8 s
    (n, 12)). The mass range: 77 kg sd 12, clipped at 2.5 sd."""
    rise = 3 + 9 * torch.rand(n, generator=gen)
    v = torch.where(torch.rand(n, generator=gen) < 0.5, torch.tensor(0.5), torch.tensor(0.65))
    up = torch.rand(n, generator=gen) < 0.6
    ride = (rise / 0.5 / v).round().long()  # seconds on the steps
    t_all = 2 * ES_T
    base_rate = 0.05 + 0.25 * torch.rand(n, 1, generator=gen)
    bursts = torch.zeros(n, t_all)
    for _ in range(3):
        at = torch.randint(0, t_all, (n, 1), generator=gen)
        amp = 0.9 * torch.rand(n, 1, generator=gen) * (torch.rand(n, 1, generator=gen) < 0.7)
        tt = torch.arange(t_all).view(1, -1)
        bursts = bursts + amp * torch.exp(-F.relu(tt - at).float() / 12) * (tt >= at)
    rate = (base_rate + bursts).clamp(max=1.2)
    board = torch.poisson(rate, generator=gen)
    mass = board * (77 + 12 * torch.randn(n, t_all, generator=gen).clamp(-2.5, 2.5))
    # people (mass) on the steps at each second: a moving sum over the ride time
    cs = torch.cat([torch.zeros(n, 1), mass.cumsum(1)], 1)
    idx = torch.arange(1, t_all + 1).view(1, -1)
    lo = (idx - ride.view(-1, 1)).clamp_min(0)
    load = cs.gather(1, idx.expand(n, -1)) - cs.gather(1, lo)
    lift = load * 9.81 * v.view(-1, 1) * 0.5 / 1000  # kW
    lift = torch.where(up.view(-1, 1), lift / 0.85, -lift * 0.75)
    p0 = 2 + 4 * torch.rand(n, 1, generator=gen)
    wander = 0.15 * torch.sin(torch.arange(t_all).view(1, -1) / 20 + 6.3 * torch.rand(n, 1, generator=gen))
    power = p0 + wander + lift + 0.1 * torch.randn(n, t_all, generator=gen)
    w = power[:, ES_T:]
    trace = torch.stack([(w - p0) / 5, (rise / 10).view(-1, 1).expand(-1, ES_T),
                         (2 * up.float() - 1).view(-1, 1).expand(-1, ES_T) * (v / 0.575).view(-1, 1)], 1)
    counts = board[:, ES_T:].view(n, ES_T // ES_BIN, ES_BIN).sum(2)
    return trace, counts


class EscalatorLoadCNN(nn.Module):
    """A 1-D CNN: three convolutions (kernel 7, 16-32-32 channels, ReLU, stride 2 in the second and third), then a
    dense layer to the 12 bins' boarding counts."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(3, width, 7, padding=3), nn.ReLU(),
                                  nn.Conv1d(width, 2 * width, 7, stride=2, padding=3), nn.ReLU(),
                                  nn.Conv1d(2 * width, 2 * width, 7, stride=2, padding=3), nn.ReLU())
        self.head = nn.Linear(2 * width * (ES_T // 4), ES_T // ES_BIN)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def escalator_load(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The load CNN on 2048 power windows (other escalators, other days); held out: 1024 other windows in batches
    of 512; Adam; MSE of the counts."""
    gen = torch.Generator().manual_seed(65302)
    x, y = _es_traces(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EscalatorLoadCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. Highland bagpipe gracenote embellishments recognised from a pitch track, a 1-D CNN (RMSprop)

# the chanter's nine notes in semitones above Low A (Low G to High A; the pipe scale's steps, rounded)
BP_NOTES = torch.tensor([-2.0, 0.0, 2.0, 4.0, 5.0, 7.0, 9.0, 10.0, 12.0])
BP_LG, BP_LA, BP_B, BP_C, BP_D, BP_E, BP_F, BP_HG, BP_HA = range(9)
BP_T, BP_CLASSES = 96, 10
# the embellishments (the gracenotes between the previous melody note and the target note; -1: the target note
# itself, played short as part of the movement), and the target note a movement needs (None: any)
BP_MOVES = (
    ((), None),  # 0 a plain change of note
    ((BP_HG,), None),  # 1 a G gracenote
    ((BP_D,), None),  # 2 a D gracenote
    ((BP_E,), None),  # 3 an E gracenote
    ((BP_HG, -1, BP_HA), None),  # 4 a doubling (G gracenote, the note, an upper gracenote)
    ((BP_LG,), None),  # 5 a strike (a low G gracenote)
    ((BP_LG, BP_D, BP_LG), None),  # 6 a grip
    ((BP_LG, BP_LA, BP_LG), BP_LA),  # 7 a birl (on Low A)
    ((BP_LG, BP_D, BP_LG, BP_E), None),  # 8 a taorluath
    ((BP_LG, -1, BP_C), BP_D),  # 9 a throw on D
)


def _bp_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """480 ms windows (5 ms frames) of a pitch tracker's output on a Highland pipe chanter: a previous melody note,
    then an embellishment (one of 10 movements), then the target melody note; gracenotes last 15-45 ms, the short
    note of a doubling or throw 25-60 ms; the movement starts 120-240 ms into the window. The tracker: the true
    pitch (the chanter tuned +-0.4 semitone off Low A, each note +-0.1 off the scale), smeared over 3 frames,
    with 0.12 semitone jitter, and 4% of frames dropped (confidence 0, pitch drawn at random). Returns (the track
    (n, 2, 96): pitch in semitones / 6 and confidence; the movement (n,))."""
    y = torch.randint(0, BP_CLASSES, (n,), generator=gen)
    prev = torch.randint(0, 9, (n,), generator=gen)
    target = torch.randint(1, 8, (n,), generator=gen)  # Low A to High G
    start = torch.randint(24, 49, (n,), generator=gen)
    durs = torch.randint(3, 10, (n, 4), generator=gen)
    short = torch.randint(5, 13, (n,), generator=gen)
    off = 0.4 * (2 * torch.rand(n, 1, generator=gen) - 1)
    detune = 0.1 * (2 * torch.rand(n, 9, generator=gen) - 1)
    notes = torch.full((n, BP_T), -1, dtype=torch.long)
    for i in range(n):
        cls = int(y[i])
        graces, need = BP_MOVES[cls]
        t_note = need if need is not None else int(target[i])
        if cls == 4 and t_note >= BP_HG:  # a doubling on High G has a High A gracenote above it
            t_note = BP_F
        if cls == 2 and t_note == BP_D or cls == 3 and t_note == BP_E:
            t_note = BP_C
        p_note = int(prev[i])
        if cls == 5:
            p_note = t_note  # a strike separates two of the same note
        if cls == 0 and p_note == t_note:
            p_note = (t_note + 2) % 9
        t = int(start[i])
        notes[i, :t] = p_note
        for j, g in enumerate(graces):
            d = int(short[i]) if g == -1 else int(durs[i, j])
            notes[i, t : t + d] = t_note if g == -1 else (t_note + 1 if cls == 4 and j == 2 else g)
            t += d
        notes[i, t:] = t_note
    pitch = BP_NOTES[notes] + detune.gather(1, notes) + off
    pitch = F.avg_pool1d(F.pad(pitch.unsqueeze(1), (1, 1), mode="replicate"), 3, stride=1).squeeze(1)
    pitch = pitch + 0.12 * torch.randn(n, BP_T, generator=gen)
    drop = torch.rand(n, BP_T, generator=gen) < 0.04
    pitch = torch.where(drop, -3 + 16 * torch.rand(n, BP_T, generator=gen), pitch)
    return torch.stack([pitch / 6, (~drop).float()], 1), y


class GracenoteCNN(nn.Module):
    """A 1-D CNN over the pitch track: three convolutions (kernel 5, 16-32-32 channels, ReLU, stride 2 in the second
    and third), a global max over time and a linear layer to the 10 movements."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU(),
                                  nn.Conv1d(2 * width, 2 * width, 5, stride=2, padding=2), nn.ReLU())
        self.head = nn.Linear(2 * width, BP_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).amax(2))


def gracenote_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the movement."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def pipe_gracenotes(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 16) -> dict[str, Any]:
    """The gracenote CNN on 1024 labelled windows; held out: 2048 other windows in batches of 1024; RMSprop
    (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(65402)
    x, y = _bp_windows(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GracenoteCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": gracenote_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. wheel-rail adhesion-creep curves from Polach's model (AdamW; long only)

WR_STATES, WR_CREEP = 5, 16
WR_S = torch.logspace(math.log10(0.001), math.log10(0.3), WR_CREEP)


def _wr_curves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Adhesion-creep curves of a driven wheelset: the rail condition (dry, wet, leaves, oil, sanded), speed 5-120
    km/h, axle load 16-25 t, rail temperature -5 to 45 C, humidity 20-100%. Polach (2005), from memory: the
    adhesion coefficient f = 2 mu / pi (kA e / (1 + (kA e)^2) + atan(kS e)), e = (2/3) C pi a^2 b / (Q mu) s, the
    friction coefficient falling with the slip velocity w = s v: mu = mu0 ((1 - A) exp(-B w) + A); the parameters
    per condition (mu0, A, B, kA, kS as in his dry / wet table, and invented ones for leaves, oil and sand), the
    contact patch from Hertz (a^2 b ~ Q), humidity and cold lowering mu0 a little on dry rail. Measured with 0.5% and
    0.001 noise. Returns (condition ids, scaled conditions (n, 4), 10 x the adhesion coefficients (n, 16))."""
    cond = torch.randint(0, WR_STATES, (n,), generator=gen)
    v = (5 + 115 * torch.rand(n, generator=gen)) / 3.6
    q = 16 + 9 * torch.rand(n, generator=gen)
    temp = -5 + 50 * torch.rand(n, generator=gen)
    hum = 20 + 80 * torch.rand(n, generator=gen)
    mu0 = torch.tensor([0.55, 0.30, 0.12, 0.08, 0.40])[cond]
    a_ = torch.tensor([0.40, 0.40, 0.30, 0.35, 0.50])[cond]
    b_ = torch.tensor([0.60, 0.20, 0.40, 0.50, 0.30])[cond]
    ka = torch.tensor([1.00, 0.30, 0.20, 0.15, 0.60])[cond]
    ks = torch.tensor([0.40, 0.75, 0.50, 0.40, 0.60])[cond]
    dry = (cond == 0).float()
    mu0 = mu0 * (1 - dry * (0.25 * (hum - 20) / 80 + 0.1 * F.relu(5 - temp) / 10))
    s = WR_S.view(1, -1)
    w = s * v.view(-1, 1)
    mu = mu0.view(-1, 1) * ((1 - a_.view(-1, 1)) * torch.exp(-b_.view(-1, 1) * w) + a_.view(-1, 1))
    stiff = 2400 * (q / 20) ** (1 / 3)  # (2/3) C pi a^2 b / Q for the contact (per unit creep)
    e = stiff.view(-1, 1) * s / mu
    f = 2 * mu / math.pi * (ka.view(-1, 1) * e / (1 + (ka.view(-1, 1) * e) ** 2) + torch.atan(ks.view(-1, 1) * e))
    f = f * (1 + 0.005 * torch.randn(f.shape, generator=gen)) + 0.001 * torch.randn(f.shape, generator=gen)
    x = torch.stack([(v * 3.6 - 62.5) / 33, (q - 20.5) / 2.6, (temp - 20) / 14.4, (hum - 60) / 23], 1)
    return cond, x, 10 * f


class AdhesionNet(nn.Module):
    """An MLP with an embedding of the rail condition (dimension 4) joined with the conditions, through two ReLU
    layers to the 16 points of the adhesion-creep curve."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(WR_STATES, 4)
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, WR_CREEP))

    def forward(self, cond: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(cond), x], 1))


def wheel_rail_adhesion(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                        hidden: int = 64) -> dict[str, Any]:
    """The adhesion net on 4096 measured curves; held out: 2048 other curves in batches of 1024; AdamW (weight decay
    1e-2, torch's default)."""
    gen = torch.Generator().manual_seed(65502)
    c, x, y = _wr_curves(train_size + 2048, gen)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AdhesionNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. a roller-coaster eddy-current brake run (RAdam; long only)

CB_PTS = 8


def _cb_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Trains entering a 36 m brake run: train mass 5-11 t (empty to full), entry speed 12-30 m/s, active magnet
    cassettes 6-16 (each 2 m of the run), fin temperature 0-80 C, grade -2% to +4%, head / tail wind -8 to 8 m/s.
    Each cassette's force 2 F_max (v / v_c) / (1 + (v / v_c)^2) (the eddy-current brake's curve), F_max 6 kN, v_c
    6 m/s rising 0.4% per degree (the fin's resistivity); rolling resistance 0.004 m g, drag 0.5 1.2 CdA (v + wind)^2
    with CdA 4 m2, grade; integrated in 0.25 m steps (a train stopped stays stopped). Returns (standardised inputs
    (n, 6), (the speeds at 8 points along the run in m/s / 10, the peak deceleration in g) (n, 9)), 0.2% noise."""
    m = 5000 + 6000 * torch.rand(n, generator=gen)
    v0 = 12 + 18 * torch.rand(n, generator=gen)
    k = torch.randint(6, 17, (n,), generator=gen).float()
    temp = 80 * torch.rand(n, generator=gen)
    grade = -0.02 + 0.06 * torch.rand(n, generator=gen)
    wind = -8 + 16 * torch.rand(n, generator=gen)
    vc = 6 * (1 + 0.004 * temp)
    dx, steps = 0.25, 144
    v = v0.clone()
    out, peak = [], torch.zeros(n)
    for i in range(steps):
        x = i * dx
        active = (x < 2 * k).float()
        fb = active * 2 * 6000 * (v / vc) / (1 + (v / vc) ** 2) * 1.0
        fd = 0.5 * 1.2 * 4 * (v + wind).abs() * (v + wind)
        a = -(fb + fd) / m - 9.81 * (0.004 + grade)
        peak = torch.maximum(peak, -a / 9.81)
        v = (v**2 + 2 * a * dx).clamp_min(0).sqrt()
        if (i + 1) % (steps // CB_PTS) == 0:
            out.append(v)
    y = torch.stack(out + [peak], 1) / torch.tensor([10.0] * CB_PTS + [1.0])
    y = y * (1 + 0.002 * torch.randn(y.shape, generator=gen))
    xin = torch.stack([(m - 8000) / 1730, (v0 - 21) / 5.2, (k - 11) / 3.2, (temp - 40) / 23, (grade - 0.01) / 0.017,
                       wind / 4.6], 1)
    return xin, y


class BrakeRunNet(nn.Module):
    """An MLP 6-64-64-64-9 with SiLU: the train, the brake setting and the conditions to the run's speed profile
    and peak deceleration."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, CB_PTS + 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def coaster_brake(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The brake-run net on 4096 simulated runs; held out: 2048 other runs in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(65602)
    x, y = _cb_runs(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BrakeRunNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("knit_fabric_sgdm", knit_fabric, 300, "weft_knit_fabric_munden_ann", "sgd_momentum0.9", "finite", 32,
      seconds=0.1, start_lr=0.256),
    W("pen_ink_nadam", pen_ink, 300, "fountain_pen_ink_line_washburn_mlp", "nadam", "finite", 32, seconds=0.15,
      start_lr=0.032),
    W("escalator_load_adam", escalator_load, 300, "escalator_power_trace_passenger_cnn", "adam", "finite", 64,
      seconds=0.9, start_lr=0.016),
    W("pipe_gracenotes_rmsprop", pipe_gracenotes, 300, "highland_bagpipe_gracenote_cnn", "rmsprop", "finite", 32,
      seconds=0.65, start_lr=0.008),
)
LONG = (
    W("wheel_rail_adhesion_adamw@long", wheel_rail_adhesion, 3000, "polach_wheel_rail_adhesion_curve_mlp",
      "adamw_wd1e-2", "finite", 32, seconds=1.9, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("coaster_brake_radam@long", coaster_brake, 3000, "coaster_eddy_brake_run_mlp", "radam", "finite", 32,
      seconds=2.2, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("knit_fabric_sgdm@long", knit_fabric, 3000, "weft_knit_fabric_munden_ann", "sgd_momentum0.9", "finite", 32,
      dict(train_size=8192), seconds=1.0, start_lr=0.4, grid_fractions=(0.0, 0.05), long_of="knit_fabric_sgdm"),
    W("pipe_gracenotes_rmsprop@long", pipe_gracenotes, 3000, "highland_bagpipe_gracenote_cnn", "rmsprop", "finite",
      32, dict(train_size=8192), seconds=6.3, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="pipe_gracenotes_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam65_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-fifth exam's workloads")
