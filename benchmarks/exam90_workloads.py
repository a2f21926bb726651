"""The ninetieth exam: six more workload families that neither the suite nor exams 1-88 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam88_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from castanets and click timing,
steel drums and note tuning, hot sauce and capsaicin heat, tortillas and griddle browning, noodles and dough
stretching, and saddles and pressure mapping (exam 89 was built at the same time from other domains; its module was
not opened). What was checked to make them new is in ``benchmarks/results/exam90/README.md``. Every model, law and
field convention below is from its author's memory (no public code was read).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- castanet click timing: a GRU forecasts the next inter-onset interval (IOI) of a castanet player's clicks (the
  rolls, "ria-pi-ta", and the single strokes of a sevillanas-like pattern) from the IOIs so far and the pattern
  position; the clicks from Wing & Kristofferson's (1973) two-level timing model (a central timer with a slowly
  drifting tempo and motor delays, so IOI_n = C_n + M_n - M_(n-1)) with finger-dependent roll biases; MSE of the
  IOI in centiseconds; RMSprop (torch's alpha 0.99)
- steel pan note tuning, a hammer-response model: an MLP from a note (pitch, ellipse aspect, dome), the strobe
  tuner's reading of its three tuned partials (fundamental, octave, third partial) and a hammer blow (position on
  the note, strength, from below or above) to the change of the three partials in cents; the blows from a
  mode-shape model (each partial moves by its mode's squared amplitude at the blow, less when already sharp; blows
  near the note's boundary tighten the whole note); MSE in units of 10 cents; Adam (torch's defaults)
- hot sauce heat, a sensory time-intensity model: an MLP from a sauce's formulation and serving (capsaicinoid
  content, oil, sugar, acidity, xanthan, temperature) to the panel's mean burn at 12 times over 5 minutes; the burn
  from a first-order release and clearance (a Bateman curve) of the capsaicin dose, perceived through a saturating
  (Hill) TRPV1 response with sugar masking and temperature enhancement; panel-mean noise; MSE of the burn on a
  0-10 scale; NAdam (torch's defaults)
- tortilla browning on a comal: a tanh MLP from the griddle temperature, the three dwell times of the "three turns",
  the thickness, the masa's moisture and lime to the browning index of both faces, the final moisture and the puff;
  the tortillas from a lumped heating-and-drying model with Arrhenius browning once a face has dried; MSE of the
  standardised outputs; SGD with momentum 0.9 (the food-engineering ANN's backprop with momentum)
- noodle dough stretching, an inverse model (a long plan only): a 1-d CNN reads a Kieffer-rig extension curve
  (force against hook distance) of a noodle dough strip and returns the dough's rheology (log consistency,
  strain-hardening index, log rupture strain); curves from a strain-hardening power-law dough in the
  Kieffer geometry with rupture; MSE of the standardised parameters; AdamW (torch's weight decay 1e-2)
- saddle pressure mapping (a long plan only): a conditional decoder (an MLP into two transposed convolutions) from
  a saddle's fit (tree width and panel-angle mismatch, bridging, pad thickness, rider mass and position) to the two
  8 x 16 panel maps of a saddle pressure mat on the horse's back; maps from a Winkler-foundation contact solved for
  the load; MSE of the pressure in units of 10 kPa; Adamax (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the dough inverse
CNN and the saddle decoder (no short plans), the hot sauce net on 3072 sauces instead of 384 and the tortilla
net on 4096 tortillas instead of 1024.

Of the eight plans, one uses RMSprop (castanets), one Adam (steel pan tuning), two NAdam (both hot sauce plans), two SGD
with momentum (both tortilla plans), one AdamW (dough) and one Adamax (saddle).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam90_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam90/README.md).

    python benchmarks/exam90_workloads.py          # the table
    python benchmarks/exam90_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 90"


# --------------------------------------------------------------------------------------------------------------
# 1. castanet click timing: next inter-onset interval with a GRU (RMSprop)

CT_LEN = 24
CT_KINDS = 6
# one bar of the pattern (12 clicks): a roll (four fingers of the right hand then the left hand: "ria-pi-ta" with
# the ria's fingers), single strokes and a both-hands "pan"; its intended intervals in beats and its stroke kinds
CT_BEATS = torch.tensor([0.125, 0.125, 0.125, 0.125, 0.5, 1.0, 0.5, 0.5, 0.125, 0.125, 0.125, 0.375])
CT_KIND = torch.tensor([0, 1, 2, 3, 4, 5, 4, 5, 0, 1, 2, 4])


def _ct_players(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Performances of CT_LEN + 2 intervals (the bar repeated, each starting at a random place in it): a beat period
    of 0.40-0.75 s drifting as an AR(1) (the timer's tempo, sd 1.5% a click, correlation 0.95), the timer's own
    jitter 2% of the interval plus 4 ms, motor delays of mean 40 ms and sd 6-14 ms per player (Wing & Kristofferson:
    IOI_n = C_n + M_n - M_(n-1), so successive IOIs correlate negatively), and each player's bias per finger in the
    roll (-8 to 8 ms: the ring finger late, say) with rolls rushed at slow tempi (the roll's clicks have a floor of
    about 55 ms). Returns (the previous IOI in cs (n, L), the stroke kind of the click to come (n, L), the next IOI
    in cs (n, L))."""
    length = CT_LEN + 2
    start = torch.randint(0, 12, (n, 1), generator=gen)
    pos = (start + torch.arange(length).view(1, -1)) % 12
    beats, kind = CT_BEATS[pos], CT_KIND[pos]
    period = 0.40 + 0.35 * torch.rand(n, 1, generator=gen)
    drift = torch.zeros(n, length)
    d = 0.015 * torch.randn(n, generator=gen) * 2
    for i in range(length):
        d = 0.95 * d + 0.015 * torch.randn(n, generator=gen)
        drift[:, i] = d
    tempo = period * torch.exp(drift)
    intended = beats * tempo
    roll = beats < 0.2
    intended = torch.where(roll, 0.055 + 0.6 * (intended - 0.055).clamp_min(0), intended)
    bias = 0.008 * (2 * torch.rand(n, CT_KINDS, generator=gen) - 1)
    timer = intended * (1 + 0.02 * torch.randn(n, length, generator=gen)) + 0.004 * torch.randn(n, length, generator=gen)
    timer = timer + torch.gather(bias, 1, kind) * roll.float()
    motor_sd = 0.006 + 0.008 * torch.rand(n, 1, generator=gen)
    motor = 0.040 + motor_sd * torch.randn(n, length + 1, generator=gen)
    ioi = 100 * (timer + motor[:, 1:] - motor[:, :-1])  # centiseconds
    return ioi[:, :CT_LEN], kind[:, 1:CT_LEN + 1], ioi[:, 1:CT_LEN + 1]


class ClickTimingGRU(nn.Module):
    """The sequence model of a timing study: the previous IOI (scaled) and an embedding of the coming stroke into a
    one-layer GRU, a linear readout of the next IOI."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(CT_KINDS, 8)
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, prev: torch.Tensor, kind: torch.Tensor) -> torch.Tensor:
        x = torch.cat([(prev.unsqueeze(2) - 20) / 15, self.emb(kind)], 2)
        h, _ = self.gru(x)
        return 20 + 15 * self.out(h).squeeze(2)


def ioi_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the next IOI in centiseconds (after the first 4 clicks of each performance)."""
    prev, kind, nxt = batch
    return F.mse_loss(model(prev, kind)[:, 4:], nxt[:, 4:])


def castanet_timing(batch_size: int = 16, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The timing GRU on 1024 performances of 24 clicks; held out: 512 others in batches of 256; RMSprop."""
    gen = torch.Generator().manual_seed(90102)
    p, k, y = _ct_players(train_size + 512, gen)
    tr = (p[:train_size], k[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ClickTimingGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((p[train_size:], k[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": ioi_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. steel pan note tuning: the response of a note's partials to a hammer blow (Adam)


def _sp_blows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Blows of a tuner's hammer on the notes of tenor pans (D4-F#6; each note area an ellipse of aspect 1.2-1.6,
    its dome 0-1 of the usual height), with the strobe tuner's readings before and after. A note's three tuned
    partials (the fundamental, the octave and the third partial, each -30..30, -40..40, -50..50 cents off before the
    blow) have mode shapes over the ellipse (normalised coordinates x along the major axis, y along the minor): the
    fundamental cos(pi r / 2), the octave sin(pi x) cos(pi y / 2) (two lobes along the major axis), the third
    sin(pi y) cos(pi x / 2) (along the minor axis). A blow at (x, y) of strength 0.2-1, from below (raising the
    metal) or from above (sinking it), changes the local stress: each partial moves by its mode's squared amplitude
    there times strength^1.5, more with a higher dome and on the smaller (higher) notes, less for a partial already
    sharp (a stiffened note responds less); a blow near the note's boundary (r > 0.75) tightens the whole note and
    raises every partial. The change in cents by 1200 log2(1 + relative change); the strobe's readings 1 cent each.
    Returns (scaled note, state and blow (n, 10), the partials' changes in units of 10 cents (n, 3))."""
    midi = 62 + 29 * torch.rand(n, generator=gen)
    aspect = 1.2 + 0.4 * torch.rand(n, generator=gen)
    cur = torch.stack([30 * (2 * torch.rand(n, generator=gen) - 1), 40 * (2 * torch.rand(n, generator=gen) - 1),
                       50 * (2 * torch.rand(n, generator=gen) - 1)], 1)
    dome = torch.rand(n, generator=gen)
    r = torch.rand(n, generator=gen).sqrt()
    th = 2 * math.pi * torch.rand(n, generator=gen)
    x, y = r * torch.cos(th), r * torch.sin(th)
    strength = 0.2 + 0.8 * torch.rand(n, generator=gen)
    dirn = torch.where(torch.rand(n, generator=gen) < 0.6, 1.0, -1.0)
    modes = torch.stack([torch.cos(math.pi * r / 2), torch.sin(math.pi * x) * torch.cos(math.pi * y / 2),
                         torch.sin(math.pi * y) * torch.cos(math.pi * x / 2)], 1)
    small = (2 ** ((midi - 62) / 12)).sqrt().unsqueeze(1)
    elong = torch.stack([torch.ones(n), aspect / 1.4, 1.4 / aspect], 1)
    local = (dirn * strength**1.5).unsqueeze(1) * 0.010 * modes**2 * elong * (1 + dome.unsqueeze(1))
    edge = (0.006 * strength * F.relu(r - 0.75) / 0.25).unsqueeze(1) * torch.tensor([1.0, 0.7, 0.5])
    rel = (local + edge) * small * torch.exp(-cur / 100)
    delta = 1200 * torch.log2(1 + rel) + math.sqrt(2) * torch.randn(n, 3, generator=gen)
    feats = torch.cat([((midi - 76.5) / 8.4).unsqueeze(1), ((aspect - 1.4) / 0.115).unsqueeze(1), cur / 25,
                       ((dome - 0.5) / 0.29).unsqueeze(1), (x / 0.5).unsqueeze(1), (y / 0.5).unsqueeze(1),
                       ((strength - 0.6) / 0.23).unsqueeze(1), dirn.unsqueeze(1)], 1)
    return feats, delta / 10


class TuningResponseMLP(nn.Module):
    """A forward model of hammer tuning (the response surrogate a tuning aid would use to choose the next blow):
    two SiLU layers from the note, its partials' state and the blow to the three partials' changes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cents_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the three partials' changes (units of 10 cents)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def steel_pan_tuning(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The tuning-response MLP on 2048 logged blows; held out: 2048 other blows in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(90202)
    x, y = _sp_blows(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TuningResponseMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": cents_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hot sauce heat: a time-intensity burn curve from the formulation (NAdam)

HS_T = torch.tensor([5.0, 15, 30, 45, 60, 90, 120, 150, 180, 210, 250, 300])


def _hs_sauces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sauces tasted by a panel of 12 (a 2 g sample, the burn rated every few seconds on a 0-10 scale for 5
    minutes): capsaicinoids 5-3000 ppm (log-uniform; about 80-48,000 Scoville units at 16 SHU a ppm), oil 0-30%,
    sugar 0-20%, pH 3.0-4.5, xanthan 0-0.5%, served at 5-60 C. The dose reaching the TRPV1 receptors rises and
    clears as a Bateman curve (release rate 0.04-0.2 / s, slowed by oil and xanthan; clearance 0.006-0.015 / s,
    slower for oily sauces that coat the mouth; both +-5% from the sample's unrecorded make-up); the burn 10 c^h / (c^h + K^h) (h 1.3), K raised by sugar's masking,
    lowered by warm serving and acidity; the panel mean's noise 0.1 plus 2%. Returns (scaled formulation (n, 6),
    the mean burn at 12 times (n, 12))."""
    ppm = torch.exp(math.log(5) + math.log(600) * torch.rand(n, generator=gen))
    oil = 0.3 * torch.rand(n, generator=gen)
    sugar = 20 * torch.rand(n, generator=gen)
    ph = 3.0 + 1.5 * torch.rand(n, generator=gen)
    xan = 0.5 * torch.rand(n, generator=gen)
    temp = 5 + 55 * torch.rand(n, generator=gen)
    ka = 0.2 * torch.exp(-4 * oil - 1.6 * xan) * (0.95 + 0.1 * torch.rand(n, generator=gen))
    ke = 0.015 * torch.exp(-2.5 * oil) * (0.95 + 0.1 * torch.rand(n, generator=gen))
    t = HS_T.view(1, -1)
    bate = (ka / (ka - ke)).unsqueeze(1) * (torch.exp(-ke.unsqueeze(1) * t) - torch.exp(-ka.unsqueeze(1) * t))
    c = ppm.unsqueeze(1) * bate
    k50 = 150 * (1 + 0.06 * sugar) * torch.exp(-0.02 * (temp - 20)) * (1 + 0.25 * (ph - 3.75))
    hc = c.clamp_min(0).pow(1.3)
    burn = 10 * hc / (hc + k50.unsqueeze(1).pow(1.3))
    burn = burn * (1 + 0.02 * torch.randn(burn.shape, generator=gen)) + 0.1 * torch.randn(burn.shape, generator=gen)
    x = torch.stack([(torch.log10(ppm) - 1.94) / 0.8, (oil - 0.15) / 0.087, (sugar - 10) / 5.8, (ph - 3.75) / 0.43,
                     (xan - 0.25) / 0.144, (temp - 32.5) / 15.9], 1)
    return x, burn


class BurnCurveMLP(nn.Module):
    """A sensory-science regression net: two SiLU layers from the six formulation variables to the 12 points of
    the time-intensity curve."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(HS_T)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def burn_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the burn (0-10 scale) over the curve."""
    x, y = batch
    return F.mse_loss(model(x), y)


def hot_sauce_burn(batch_size: int = 16, seed: int = 0, train_size: int = 384, hidden: int = 64) -> dict[str, Any]:
    """The burn-curve MLP on 384 panel-tested sauces; held out: 1024 other sauces in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(90302)
    x, y = _hs_sauces(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BurnCurveMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": burn_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. tortilla browning on a comal (SGD with momentum)


def _tt_tortillas(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Corn tortillas baked on a comal with the three turns (face A 15-35 s, face B 25-60 s, face A again 10-30 s):
    comal 200-290 C, thickness 1.0-2.2 mm, masa moisture 52-60%, lime 0-0.3% (raising the pH, so the Maillard
    browning). A lumped model in 1 s steps: each face's surface temperature rises towards the comal's with a time
    constant growing with thickness, held near 100 C while the face still has water to evaporate (its drying needs a
    heat dose growing with thickness and moisture); the moisture falls with the heat flux; a dried face on the comal
    browns at an Arrhenius rate (Ea 100 kJ/mol, faster with lime), the face off the comal cools; the puff (steam
    separating the layers) rises once both faces have set and moisture is left inside. Noise: 2% of the browning
    indices, 0.2 points of moisture, 4% of the puff. Returns (scaled conditions (n, 8), browning index of faces A and
    B, final moisture (%), puff (mm)), unscaled outputs)."""
    temp = 200 + 90 * torch.rand(n, generator=gen)
    d1 = 15 + 20 * torch.rand(n, generator=gen)
    d2 = 25 + 35 * torch.rand(n, generator=gen)
    d3 = 10 + 20 * torch.rand(n, generator=gen)
    thick = 1.0 + 1.2 * torch.rand(n, generator=gen)
    moist0 = 52 + 8 * torch.rand(n, generator=gen)
    lime = 0.3 * torch.rand(n, generator=gen)
    fat = torch.rand(n, generator=gen)  # the comal's seasoning (0 bare clay / steel, 1 well oiled): contact
    contact = 0.7 + 0.3 * fat
    tau = 8 * thick / contact
    need = 0.06 * thick * (moist0 - 40)  # the heat dose (comal-degree-seconds / 1000) to dry a face
    surf = torch.full((n, 2), 60.0)
    dose = torch.zeros(n, 2)
    brown = torch.zeros(n, 2)
    moist = moist0.clone()
    set_ = torch.zeros(n, 2)
    total = (d1 + d2 + d3).max().ceil().int().item()
    for s in range(int(total)):
        t = torch.tensor(float(s))
        on_a = (t < d1) | ((t >= d1 + d2) & (t < d1 + d2 + d3))
        on_b = (t >= d1) & (t < d1 + d2)
        alive = t < d1 + d2 + d3
        on = torch.stack([on_a, on_b], 1) & alive.unsqueeze(1)
        wet = dose < need.unsqueeze(1)
        target = torch.where(on, torch.where(wet, torch.full_like(surf, 100.0), temp.unsqueeze(1) - 25), surf - 0)
        target = torch.where(on, target, torch.full_like(surf, 70.0))
        surf = torch.where(alive.unsqueeze(1), surf + (target - surf) / tau.unsqueeze(1), surf)
        flux = on.float() * (temp.unsqueeze(1) - 60) / 1000 * contact.unsqueeze(1)
        dose = dose + flux
        moist = moist - (flux.sum(1) * 2.2 / thick) * (moist > 30).float() * (moist / 55)
        set_ = torch.maximum(set_, (dose > 0.6 * need.unsqueeze(1)).float())
        rate = 2.0e12 * torch.exp(-100e3 / (8.314 * (surf + 273.15))) * (1 + 3 * lime.unsqueeze(1))
        brown = brown + rate * on.float() * (~wet).float()
    bi = 100 * (1 - torch.exp(-brown / 60))
    inside = (moist - 30).clamp_min(0)
    puff = 6 * set_.prod(1) * inside / (inside + 8) * (temp - 180) / 110
    bi = bi * (1 + 0.02 * torch.randn(bi.shape, generator=gen))
    moist = moist + 0.2 * torch.randn(n, generator=gen)
    puff = puff * (1 + 0.04 * torch.randn(n, generator=gen))
    x = torch.stack([(temp - 245) / 26, (d1 - 25) / 5.8, (d2 - 42.5) / 10.1, (d3 - 20) / 5.8, (thick - 1.6) / 0.35,
                     (moist0 - 56) / 2.3, (lime - 0.15) / 0.087, (fat - 0.5) / 0.29], 1)
    return x, torch.cat([bi, moist.unsqueeze(1), puff.unsqueeze(1)], 1)


class ComalNet(nn.Module):
    """The food-engineering ANN: two tanh hidden layers from the eight process and masa variables to the four
    quality outputs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def quality_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the four standardised quality outputs."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tortilla_browning(batch_size: int = 16, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The comal net on 1024 baked tortillas, outputs standardised over them; held out: 1024 other tortillas in
    batches of 512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(90402)
    x, y = _tt_tortillas(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ComalNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": quality_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. noodle dough stretching: rheology from a Kieffer extension curve (AdamW; long only)

KD_PTS = 64


def _kd_curves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Kieffer-rig tests of noodle dough strips (wheat, salt, alkaline kansui or not, rested 10-60 min): a strip of
    free span 36 mm pulled down at its middle by a hook at 3.3 mm/s, 64 readings over 0-120 mm. Hencky strain of
    the stretched strip from the geometry (length 2 sqrt(18^2 + d^2)), a strain-hardening power-law dough
    sigma = K eps^0.3 exp(h eps) rate^0.4 (K 2-20 kPa s^0.4, h 0.5-3), the cross-section thinning as
    exp(-eps), the hook's force the two arms' vertical components; rupture at a strain of 0.6-1.7, after which the
    force falls away over a few readings; noise 0.5% plus 0.1 g. Returns (log(1 + force / 5 g) (n, 1, 64), the three
    parameters (log K, h, log rupture strain), unscaled)."""
    log_k = math.log(2) + math.log(10) * torch.rand(n, generator=gen)
    h = 0.5 + 2.5 * torch.rand(n, generator=gen)
    m = torch.full((n,), 0.4)
    log_r = math.log(0.6) + math.log(2.8) * torch.rand(n, generator=gen)
    d = torch.linspace(0, 120, KD_PTS).view(1, -1) / 1000  # m
    half = 0.018
    arm = (half**2 + d**2).sqrt()
    eps = torch.log(arm / half)
    t = torch.linspace(0, 120 / 3.3, KD_PTS).view(1, -1)
    rate = torch.gradient(eps.squeeze(0), spacing=(t.squeeze(0),))[0].clamp_min(1e-3).view(1, -1)
    sigma = torch.exp(log_k).unsqueeze(1) * 1e3 * eps.clamp_min(1e-4).pow(0.3) * torch.exp(h.unsqueeze(1) * eps) \
        * rate.pow(m.unsqueeze(1))
    area = 5e-3 * 4e-3 * torch.exp(-eps)  # a 5 x 4 mm strip
    force = 2 * sigma * area * (d / arm)  # N
    over = (eps - torch.exp(log_r).unsqueeze(1)).clamp_min(0)
    force = force * torch.exp(-(over / 0.08) ** 2)
    grams = force / 9.81e-3
    grams = grams * (1 + 0.005 * torch.randn(grams.shape, generator=gen)) + 0.1 * torch.randn(grams.shape, generator=gen)
    return torch.log1p(grams.clamp_min(0) / 5).unsqueeze(1), torch.stack([log_k, h, log_r], 1)


class KiefferInverseCNN(nn.Module):
    """An inverse-rheology 1-d CNN: two strided convolutions (8 and 16 channels, kernel 5, GELU) along the curve,
    a dense layer of 32 and the three parameters."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(1, width, 5, stride=2, padding=2), nn.GELU(),
                                      nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.GELU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (KD_PTS // 4), 32), nn.GELU(), nn.Linear(32, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def rheology_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the three standardised rheological parameters."""
    x, y = batch
    return F.mse_loss(model(x), y)


def noodle_dough(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The inverse CNN on 4096 extension curves, parameters standardised over them; held out: 2048 other curves in
    batches of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(90502)
    x, y = _kd_curves(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KiefferInverseCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": rheology_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. saddle pressure mapping: a conditional decoder from the saddle's fit to the mat's maps (Adamax; long only)

SD_ROWS, SD_COLS = 8, 16  # per panel: 8 across the back (from the spine outwards), 16 along it (withers to loin)


def _sd_fits(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A saddle pressure mat (two panels of 8 x 16 cells, 2.5 cm square) under an English saddle on a horse at halt
    with the rider seated: the tree's width mismatch (-1 narrow to 1 wide, fitting sizes), the panels' angle
    mismatch, bridging (the tree straighter than the back: gaps in the middle of the panels), the pad's thickness
    (5-25 mm, spreading load), the rider's mass (50-100 kg, plus a 10 kg saddle) and position (fore / aft, and a
    left-right lean). The gap between panel and back at each cell from the mismatches; a Winkler foundation (the
    pad and the back's muscle as springs, pressure = k x penetration), the saddle's sink found by bisection so the
    pressures carry the load with the centre of pressure pulled towards the rider; 1% cell noise and a 0.1 kPa
    floor. Returns (scaled fit (n, 7), pressure / 10 kPa (n, 2, 8, 16))."""
    width = 2 * torch.rand(n, generator=gen) - 1
    angle = 2 * torch.rand(n, generator=gen) - 1
    bridge = torch.rand(n, generator=gen)
    pad = 5 + 20 * torch.rand(n, generator=gen)
    mass = 50 + 50 * torch.rand(n, generator=gen)
    fore = 2 * torch.rand(n, generator=gen) - 1
    lean = 2 * torch.rand(n, generator=gen) - 1
    r = (torch.arange(SD_ROWS).float() + 0.5) / SD_ROWS  # 0 at the spine, 1 at the panel's lower edge
    c = (torch.arange(SD_COLS).float() + 0.5) / SD_COLS  # 0 at the withers, 1 at the loin
    rr, cc = r.view(1, -1, 1), c.view(1, 1, -1)
    v = lambda t: t.view(-1, 1, 1)  # noqa: E731
    # a narrow tree pinches at the lower edge near the withers; a wide tree sits down on the spine side in front
    gap = (v(F.relu(-width)) * 8 * (1 - rr) * (1 - cc) ** 2 + v(F.relu(width)) * 8 * rr * (1 - cc) ** 2
           + v(angle) * 4 * (rr - 0.5) + v(bridge) * 10 * torch.sin(math.pi * cc) ** 2)  # mm
    gap = gap - gap.amin((1, 2), keepdim=True)
    k = 2.0 / (1 + v(pad) / 10)  # kPa / mm, softer with a thicker pad
    tilt = v(fore) * 3 * (cc - 0.5)
    side = torch.stack([1 - 0.3 * lean, 1 + 0.3 * lean], 1).view(n, 2, 1, 1)
    load = (mass + 10) * 9.81 / 1000  # kN
    lo, hi = torch.zeros(n), torch.full((n,), 60.0)
    cell = 0.025**2
    for _ in range(30):
        mid = (lo + hi) / 2
        p = side * (k * F.relu(v(mid) - gap + tilt)).unsqueeze(1)
        total = p.sum((1, 2, 3)) * cell  # kN (kPa x m2)
        lo, hi = torch.where(total < load, mid, lo), torch.where(total < load, hi, mid)
    p = side * (k * F.relu(v((lo + hi) / 2) - gap + tilt)).unsqueeze(1)
    p = p * (1 + 0.01 * torch.randn(p.shape, generator=gen)) + 0.1 * torch.rand(p.shape, generator=gen)
    x = torch.stack([width / 0.58, angle / 0.58, (bridge - 0.5) / 0.29, (pad - 15) / 5.8, (mass - 75) / 14.4,
                     fore / 0.58, lean / 0.58], 1)
    return x, p / 10


class SaddleMapDecoder(nn.Module):
    """A conditional decoder: an MLP (32 hidden units) from the seven fit variables to a 16-channel 2 x 4 map, two transposed
    convolutions (kernel 4, stride 2) to the two panels' 8 x 16 maps, a softplus for non-negative pressure."""

    def __init__(self, hidden: int = 32, width: int = 16) -> None:
        super().__init__()
        self.width = width
        self.mlp = nn.Sequential(nn.Linear(7, hidden), nn.ReLU(), nn.Linear(hidden, width * 2 * 4), nn.ReLU())
        self.up = nn.Sequential(nn.ConvTranspose2d(width, width // 2, 4, stride=2, padding=1), nn.ReLU(),
                                nn.ConvTranspose2d(width // 2, 2, 4, stride=2, padding=1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.softplus(self.up(self.mlp(x).view(-1, self.width, 2, 4)))


def pressure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the cell pressures in units of 10 kPa."""
    x, y = batch
    return F.mse_loss(model(x), y)


def saddle_pressure(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The saddle decoder on 4096 mapped fittings; held out: 2048 other fittings in batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(90602)
    x, y = _sd_fits(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SaddleMapDecoder(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": pressure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("castanet_timing_rmsprop", castanet_timing, 300, "castanet_wing_kristofferson_ioi_gru", "rmsprop", "finite",
      16, seconds=0.9, start_lr=0.016),
    W("steel_pan_tuning_adam", steel_pan_tuning, 300, "steel_pan_hammer_tuning_response_mlp", "adam", "finite", 32,
      seconds=0.25, start_lr=0.032),
    W("hot_sauce_burn_nadam", hot_sauce_burn, 300, "hot_sauce_capsaicin_time_intensity_mlp", "nadam",
      "small_finite", 32, seconds=0.2, start_lr=0.064),
    W("tortilla_browning_sgdm", tortilla_browning, 300, "tortilla_comal_browning_ann", "sgd_momentum0.9", "finite",
      16, seconds=0.2, start_lr=0.2),
)
LONG = (
    W("noodle_dough_adamw@long", noodle_dough, 3000, "noodle_dough_kieffer_inverse_rheology_cnn", "adamw_wd1e-2",
      "finite", 32, seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("saddle_pressure_adamax@long", saddle_pressure, 3000, "saddle_pressure_mat_fit_decoder", "adamax", "finite",
      32, seconds=6.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("hot_sauce_burn_nadam@long", hot_sauce_burn, 3000, "hot_sauce_capsaicin_time_intensity_mlp", "nadam",
      "finite", 16, dict(train_size=3072), seconds=1.9, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="hot_sauce_burn_nadam"),
    W("tortilla_browning_sgdm@long", tortilla_browning, 3000, "tortilla_comal_browning_ann", "sgd_momentum0.9",
      "finite", 16, dict(train_size=4096), seconds=2.5, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="tortilla_browning_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam90_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninetieth exam's workloads")
