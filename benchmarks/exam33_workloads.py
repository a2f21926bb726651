"""The thirty-third exam: six more workload families that neither the suite nor the first thirty-two exams have.

Same rules as exams 1-32 (``exam_workloads.py`` ... ``exam32_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, or a stream of fresh samples). Its families come from
telecommunications, linguistics, oceanography, retail, finance and computer graphics (exam 34 was built at the same
time from other domains; its module was not opened). What was checked to make them new, and what was tried and
dropped, is in ``benchmarks/results/exam33/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- a deep OFDM receiver that estimates the channel and detects the symbols at once (Ye, Li & Juang 2018): an MLP
  256-500-250-120-16 (ReLU, sigmoid outputs, their truncated-normal initialisation) reads the received pilot and
  data blocks of a 64-subcarrier QPSK OFDM link (cyclic prefix, clipping, a 16-tap multipath Rayleigh channel,
  20 dB) and outputs 16 data bits; the mean squared error; a stream of fresh frames; RMSprop with decay 0.9 and
  eps 1e-10 (their TensorFlow code's ``RMSPropOptimizer``)
- the past tense with a connectionist pattern associator (Plunkett & Marchman 1991): three phonemes of six
  phonological features in, the past tense's three phonemes and a two-unit suffix out, one hidden layer of 30
  sigmoid units; an artificial English-like language with regular verbs (their suffix allomorph follows the
  stem's last phoneme: morphophonology), identity, vowel-change and arbitrary verbs, token frequencies favouring
  the irregulars; held out on novel verbs; the mean squared error; SGD with momentum 0.5 (back-propagation with
  momentum, the PDP tradition; the value is this author's, see the README)
- ocean mesoscale eddy forcing from coarse velocities (after Bolton & Zanna 2019): a fully convolutional net with
  periodic padding maps the coarse-grained velocities of an eddying streamfunction (Gaussian eddies over a red
  background, 32 x 32 cells) to the subgrid momentum forcing (u_bar . grad) u_bar - bar((u . grad) u) on the 8 x 8
  coarse grid; the mean squared error; Adam
- entity embeddings for store sales (Guo & Berkhahn 2016, Rossmann): embeddings of store, day of week, promotion,
  year, month, day and state (their sizes), dense ReLU layers, a sigmoid output of log sales over their maximum;
  the mean absolute error; Adam, batch 128 (their Keras code)
- mortgage delinquency transitions with a deep network (Sirignano, Sadhwani & Giesecke 2016; a long plan only):
  a five-hidden-layer ReLU MLP from a loan's features and current state to a softmax over next month's seven
  states (current, 30, 60, 90+ days, foreclosure, REO, paid off); cross-entropy; Adam (this author's choice: the
  paper's optimiser is not known to him)
- a neural BRDF (Sztrajman et al. 2021's NBRDF; a long plan only): an MLP 6-21-21-3 from the half and difference
  vectors to the RGB reflectance of one measured isotropic material (a Lambertian base under GGX lobes, 10%
  measurement noise), the mean absolute error of log(1 + f cos theta_i); Adam, batch 128 (theirs is 512)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the mortgage network and
the neural BRDF (no short plans), the OFDM receiver at batch 32 instead of 128 and the past tense on 8192 tokens
instead of 2048.

Of the eight plans, four use Adam (eddy forcing, entity embeddings, mortgage, NBRDF), two RMSprop (both OFDM plans)
and two SGD with momentum (both past-tense plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and, for the
OFDM stream, the frames drawn). No loss draws random numbers. The eddy snapshots are made once per process and
cached (deterministic, from their own generator). The entrypoint is ``benchmarks/exam33_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam33/README.md).

    python benchmarks/exam33_workloads.py          # the table
    python benchmarks/exam33_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, Stream, _named, held_out, loader, split_batches  # noqa: E402

TITLE = "Exam 33"


# --------------------------------------------------------------------------------------------------------------
# 1. a deep OFDM receiver: joint channel estimation and signal detection (RMSprop)

OF_K, OF_CP, OF_TAPS, OF_BITS = 64, 16, 16, 16


def _of_pilot() -> torch.Tensor:
    """The fixed pilot block: 64 QPSK symbols from fixed random bits (Ye et al. keep theirs in a file)."""
    g = torch.Generator().manual_seed(33101)
    bits = torch.randint(0, 2, (OF_K, 2), generator=g).float()
    return torch.complex(1 - 2 * bits[:, 0], 1 - 2 * bits[:, 1]) / math.sqrt(2)


def _of_frames(n: int, gen: torch.Generator, snr_db: float = 20.0, clip: float = 1.0
               ) -> tuple[torch.Tensor, torch.Tensor]:
    """Ye et al.'s simulation: a pilot block and a data block (64 QPSK subcarriers each), IFFT, a cyclic prefix of
    16, amplitude clipping at ``clip`` times the signal's rms, a multipath Rayleigh channel (16 taps, exponential
    power-delay profile, a new channel per frame), white noise at ``snr_db`` of the received power, CP removal.
    Input: the real and imaginary parts of the two received time-domain blocks (256 values); target: the first
    16 data bits."""
    pilot = _of_pilot()
    bits = torch.randint(0, 2, (n, OF_K, 2), generator=gen).float()
    data = torch.complex(1 - 2 * bits[..., 0], 1 - 2 * bits[..., 1]) / math.sqrt(2)
    blocks = torch.stack([pilot.expand(n, -1), data], 1)  # n, 2, K
    tx = torch.fft.ifft(blocks, dim=-1) * math.sqrt(OF_K)
    tx = torch.cat([tx[..., -OF_CP:], tx], -1)  # cyclic prefix
    if clip:
        amp = tx.abs()
        limit = clip * amp.pow(2).mean(-1, keepdim=True).sqrt()
        tx = torch.where(amp > limit, tx / amp.clamp_min(1e-12) * limit, tx)
    pdp = torch.exp(-torch.arange(OF_TAPS).float() / 3.0)
    pdp = pdp / pdp.sum()
    h = torch.complex(torch.randn(n, 1, OF_TAPS, generator=gen), torch.randn(n, 1, OF_TAPS, generator=gen))
    h = h * (pdp / 2).sqrt()
    length = OF_K + OF_CP
    spec = torch.fft.fft(tx, n=length + OF_TAPS, dim=-1) * torch.fft.fft(h, n=length + OF_TAPS, dim=-1)
    rx = torch.fft.ifft(spec, dim=-1)[..., :length]  # linear convolution, truncated
    power = rx.abs().pow(2).mean((-1, -2), keepdim=True)
    sd = (power * 10 ** (-snr_db / 10) / 2).sqrt()
    rx = rx + sd * torch.complex(torch.randn(rx.shape, generator=gen), torch.randn(rx.shape, generator=gen))
    rx = rx[..., OF_CP:]
    x = torch.cat([rx[:, 0].real, rx[:, 0].imag, rx[:, 1].real, rx[:, 1].imag], 1)
    return x, bits.flatten(1)[:, :OF_BITS]


class OFDMReceiver(nn.Module):
    """Ye et al.'s fully connected receiver: 256-500-250-120-16, ReLU, sigmoid outputs; weights and biases drawn
    from a truncated normal with sd 0.1 (their TensorFlow code's initialiser)."""

    def __init__(self, sizes: tuple[int, ...] = (256, 500, 250, 120, OF_BITS)) -> None:
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        for layer in self.layers:
            nn.init.trunc_normal_(layer.weight, std=0.1, a=-0.2, b=0.2)
            nn.init.trunc_normal_(layer.bias, std=0.1, a=-0.2, b=0.2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return torch.sigmoid(self.layers[-1](x))


def ofdm_receiver(batch_size: int = 128, seed: int = 0, snr_db: float = 20.0, clip: float = 1.0) -> dict[str, Any]:
    """Ye et al.'s receiver on a stream of fresh frames (new bits, channel and noise each); held out: 4096 fixed
    frames in batches of 1024; the mean squared error of the sigmoid outputs against the bits; RMSprop (their
    TensorFlow ``RMSPropOptimizer``: decay 0.9, eps 1e-10)."""

    def sample(n: int, g: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        return _of_frames(n, g, snr_db, clip)

    torch.manual_seed(seed)
    return {"model": OFDMReceiver(), "data": Stream(sample, batch_size),
            "eval_data": held_out(sample, 4096, 1024, 33102),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-10),
                                "rmsprop_decay0.9_eps1e-10"),
            "loss_fn": lambda model, batch: F.mse_loss(model(batch[0]), batch[1])}


# --------------------------------------------------------------------------------------------------------------
# 2. the English-like past tense with a connectionist pattern associator (SGD with momentum)

# phonemes: 6 binary features each. Consonants: [1, voiced, manner (2 bits), place (2 bits)]; vowels: [0, 1, 3-bit
# index, 0]
PT_CONS = {  # name: (voiced, manner, place); manner 0 stop, 1 fricative, 2 nasal, 3 liquid; place 0 labial,
    # 1 alveolar, 2 velar, 3 other
    "p": (0, 0, 0), "b": (1, 0, 0), "t": (0, 0, 1), "d": (1, 0, 1), "k": (0, 0, 2), "g": (1, 0, 2),
    "f": (0, 1, 0), "v": (1, 1, 0), "s": (0, 1, 1), "z": (1, 1, 1), "sh": (0, 1, 3),
    "m": (1, 2, 0), "n": (1, 2, 1), "ng": (1, 2, 2), "l": (1, 3, 1), "r": (1, 3, 3),
}
PT_VOWELS = ("i", "I", "e", "E", "ae", "a", "o", "u")
PT_CHANGE = {"i": "a", "I": "ae", "e": "o", "E": "o", "ae": "I", "a": "u", "o": "e", "u": "I"}  # vowel-change class


def _pt_codes() -> tuple[list[str], torch.Tensor]:
    names = list(PT_CONS) + list(PT_VOWELS)
    codes = []
    for c, (v, m, p) in PT_CONS.items():
        codes.append([1, v, m >> 1, m & 1, p >> 1, p & 1])
    for i, _ in enumerate(PT_VOWELS):
        codes.append([0, 1, i >> 2, (i >> 1) & 1, i & 1, 0])
    return names, torch.tensor(codes, dtype=torch.float)


def _pt_lexicon(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Plunkett & Marchman's artificial language: 3-phoneme stems (CVC, VCC or CCV) and their past tenses.
    Regular verbs add a suffix whose allomorph follows the stem's last phoneme (/Id/ after t or d, /t/ after the
    other voiceless consonants, /d/ otherwise); identity verbs (hit-hit) end in t or d (35% of such stems); vowel
    change verbs (ring-rang) are CVC stems ending in a nasal or a velar (40% of such stems: the vowel maps by a fixed
    table); arbitrary verbs (go-went, 2%) take a random past. Returns (stem codes, past codes with the 2 suffix
    units, class: 0 regular, 1 identity, 2 vowel change, 3 arbitrary)."""
    names, codes = _pt_codes()
    idx = {s: i for i, s in enumerate(names)}
    nc, nv = len(PT_CONS), len(PT_VOWELS)
    cons = lambda k: torch.randint(0, nc, (k,), generator=gen)  # noqa: E731
    vow = lambda k: nc + torch.randint(0, nv, (k,), generator=gen)  # noqa: E731
    template = torch.multinomial(torch.tensor([0.6, 0.2, 0.2]), n, replacement=True, generator=gen)
    c1, c2, c3, v1, v2 = cons(n), cons(n), cons(n), vow(n), vow(n)
    stem = torch.where(template.unsqueeze(1) == 0, torch.stack([c1, v1, c2], 1),
                       torch.where(template.unsqueeze(1) == 1, torch.stack([v1, c1, c2], 1),
                                   torch.stack([c1, c2, v2], 1)))
    last = stem[:, 2]
    alveolar_stop = (last == idx["t"]) | (last == idx["d"])
    voiceless = (last < nc) & (codes[last, 1] == 0)
    nasal_or_velar = (last < nc) & ((codes[last, 2] == 1) & (codes[last, 3] == 0) | (codes[last, 4] == 1) & (codes[last, 5] == 0))
    u = torch.rand(n, generator=gen)
    cls = torch.zeros(n, dtype=torch.long)
    cls = torch.where(alveolar_stop & (u < 0.35), torch.ones_like(cls), cls)
    cls = torch.where((template == 0) & nasal_or_velar & (u < 0.4), torch.full_like(cls, 2), cls)
    cls = torch.where(torch.rand(n, generator=gen) < 0.02, torch.full_like(cls, 3), cls)
    change = torch.tensor([idx[PT_CHANGE[v]] for v in PT_VOWELS])
    past = stem.clone()
    past[:, 1] = torch.where(cls == 2, change[(stem[:, 1] - nc).clamp(0, nv - 1)], stem[:, 1])
    rand_past = torch.stack([cons(n), vow(n), cons(n)], 1)
    past = torch.where((cls == 3).unsqueeze(1), rand_past, past)
    suffix = torch.where(alveolar_stop, 3, torch.where(voiceless, 2, 1))
    suffix = torch.where(cls == 0, suffix, torch.zeros_like(suffix))
    suf_bits = torch.stack([suffix >> 1, suffix & 1], 1).float()
    return codes[stem].flatten(1), torch.cat([codes[past].flatten(1), suf_bits], 1), cls


def past_tense(batch_size: int = 32, seed: int = 0, verbs: int = 500, tokens: int = 2048, hidden: int = 30,
               momentum: float = 0.5) -> dict[str, Any]:
    """Plunkett & Marchman's pattern associator: 18 input units (three phonemes of 6 features), one hidden layer
    of 30 sigmoid units, 20 sigmoid outputs (three phonemes and the suffix); the mean squared error (the PDP
    tradition). Training: ``tokens`` tokens drawn from a lexicon of ``verbs`` verbs by token frequency (arbitrary
    verbs 15, identity and vowel-change verbs 5, regular verbs 1); held out: 2048 novel verbs (one token each) in
    batches of 1024; SGD with momentum 0.5 (0.9 left seeds 6-12% apart in the spot checks)."""
    gen = torch.Generator().manual_seed(33201)
    x, y, cls = _pt_lexicon(verbs + 2048, gen)
    freq = torch.tensor([1.0, 5.0, 5.0, 15.0])[cls[:verbs]]
    pick = torch.multinomial(freq, tokens, replacement=True, generator=gen)
    tr = (x[pick], y[pick])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(18, hidden), nn.Sigmoid(), nn.Linear(hidden, 20), nn.Sigmoid())
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[verbs:], y[verbs:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=momentum), "sgd_momentum0.5"),
            "loss_fn": lambda model, batch: F.mse_loss(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. a neural BRDF (Adam)


def _brdf_samples(n: int, gen: torch.Generator, noise: float = 0.1, rough: float = 0.25
                  ) -> tuple[torch.Tensor, torch.Tensor]:
    """Measurements of one isotropic material in Rusinkiewicz's coordinates (as MERL's): theta_h warped towards
    the specular peak (theta_h = pi/2 u^2), theta_d and phi_d uniform, directions below the horizon dropped. The
    material: a Lambertian base (an orange albedo) under a GGX specular layer (roughness ``rough`` = 0.25, Schlick
    Fresnel, F0 0.04) and a broader sheen lobe (roughness 0.45, F0 0.02), Smith shadowing; ``noise`` = 10%
    multiplicative (lognormal) measurement noise. Input: the half and difference vectors in Cartesian coordinates (6 values); target: the RGB
    reflectance f times cos theta_i, log(1 + .)-mapped (Sztrajman et al.'s transform)."""
    m = 2 * n + 64
    th = 0.5 * math.pi * torch.rand(m, generator=gen) ** 2
    td = 0.5 * math.pi * torch.rand(m, generator=gen)
    pd = math.pi * torch.rand(m, generator=gen)
    h = torch.stack([th.sin(), torch.zeros(m), th.cos()], 1)
    d = torch.stack([td.sin() * pd.cos(), td.sin() * pd.sin(), td.cos()], 1)
    # wi = R_z(phi_h) R_y(theta_h) d with phi_h = 0; wo the reflection of wi about h
    ct, st = th.cos(), th.sin()
    wi = torch.stack([ct * d[:, 0] + st * d[:, 2], d[:, 1], -st * d[:, 0] + ct * d[:, 2]], 1)
    wo = 2 * (wi * h).sum(1, keepdim=True) * h - wi
    ci, co = wi[:, 2], wo[:, 2]
    keep = ((ci > 0.02) & (co > 0.02)).nonzero().squeeze(1)[:n]
    h, d, ci, co, th, td = h[keep], d[keep], ci[keep], co[keep], th[keep], td[keep]
    albedo = torch.tensor([0.55, 0.25, 0.08])

    def lobe(alpha: float, f0: float) -> torch.Tensor:
        a2 = alpha**2
        dist = a2 / (math.pi * (th.cos() ** 2 * (a2 - 1) + 1) ** 2)
        fres = f0 + (1 - f0) * (1 - td.cos()) ** 5
        lam = lambda c: (-1 + torch.sqrt(1 + a2 * (1 - c**2) / c**2)) / 2  # noqa: E731
        g = 1 / (1 + lam(ci) + lam(co))
        return dist * fres * g / (4 * ci * co)

    spec = lobe(rough, 0.04) + 0.5 * lobe(0.45, 0.02)
    f = albedo / math.pi * (1 - 0.04) + spec.unsqueeze(1)
    f = f * torch.exp(noise * torch.randn(f.shape, generator=gen))
    return torch.cat([h, d], 1), torch.log1p(f * ci.unsqueeze(1))


class NeuralBRDF(nn.Module):
    """Sztrajman et al.'s NBRDF: an MLP 6-21-21-3 (ReLU) from the half and difference vectors to the RGB
    reflectance, through exp(.) (a positive reflectance)."""

    def __init__(self, hidden: int = 21) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, hd: torch.Tensor) -> torch.Tensor:
        return torch.exp(self.net(hd))


def brdf_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Sztrajman et al.'s loss: the mean absolute error of log(1 + f cos theta_i), cos theta_i recovered from the
    half and difference vectors (the target carries the transform already)."""
    x, y = batch
    cos_i = (x[:, 2] * x[:, 5] - x[:, 0] * x[:, 3]).clamp_min(0).unsqueeze(1)
    return (torch.log1p(model(x) * cos_i) - y).abs().mean()


def neural_brdf(batch_size: int = 512, seed: int = 0, train_size: int = 8192, hidden: int = 21, noise: float = 0.1,
                rough: float = 0.25) -> dict[str, Any]:
    """NBRDF on ``train_size`` measurements of one material; held out: 8192 other measurements in batches of
    2048; Adam."""
    gen = torch.Generator().manual_seed(33301)
    x, y = _brdf_samples(train_size + 8192, gen, noise, rough)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuralBRDF(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": brdf_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. store sales with entity embeddings (Adam)

RS_STORES, RS_STATES, RS_DAYS = 120, 12, 942  # 942 days: 2013-01-01 to 2015-07-31, as Rossmann's training data
RS_EMB = (("store", RS_STORES, 10), ("dow", 7, 6), ("promo", 2, 1), ("year", 3, 2), ("month", 12, 6),
          ("day", 31, 3), ("state", RS_STATES, 6))  # Guo & Berkhahn's features and embedding sizes


def _rs_sales(n: int, gen: torch.Generator, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Daily sales of a drug-store chain (Rossmann-like): stores in 12 states, of four types (type b opens on
    Sundays), each with its own level, promotion lift and weekly profile; promotions run in two-week cycles on
    weekdays; a December peak and a summer dip; pay-day effects at the turn of the month; state holidays (closed);
    a yearly growth per state; day-level noise sd 0.1 in the log. Open store-days only. Returns (the seven
    categorical features, log sales)."""
    tg = torch.Generator().manual_seed(33401)
    state = torch.randint(0, RS_STATES, (RS_STORES,), generator=tg)
    stype = torch.multinomial(torch.tensor([0.55, 0.05, 0.15, 0.25]), RS_STORES, replacement=True, generator=tg)
    level = 8.6 + 0.35 * torch.randn(RS_STORES, generator=tg)
    lift = 0.25 + 0.08 * torch.randn(RS_STORES, generator=tg)
    type_week = 0.08 * torch.randn(4, 7, generator=tg)
    type_week[:, 0] += 0.12  # Mondays
    type_week[:, 5] -= 0.1  # Saturdays
    store_week = 0.04 * torch.randn(RS_STORES, 7, generator=tg)
    growth = 0.04 * torch.randn(RS_STATES, generator=tg)
    holidays = torch.rand(RS_STATES, RS_DAYS, generator=tg) < 0.025
    month_eff = torch.tensor([-0.05, -0.06, -0.02, 0.0, 0.0, 0.01, -0.04, -0.06, 0.0, 0.0, 0.05, 0.22])
    promo_phase = torch.randint(0, 14, (1,), generator=tg)
    # calendar of 942 days from a Tuesday (2013-01-01)
    t = torch.arange(RS_DAYS)
    dow = (t + 1) % 7
    month_len = torch.tensor([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    years, months, days = [], [], []
    for y in range(3):
        ml = month_len.clone()
        for mo in range(12):
            for dd in range(int(ml[mo])):
                years.append(y), months.append(mo), days.append(dd)
    year, month, day = (torch.tensor(v[:RS_DAYS]) for v in (years, months, days))
    promo_day = (((t + promo_phase) // 7) % 2 == 0) & (dow < 5)
    m = int(n * 1.4) + 64
    s = torch.randint(0, RS_STORES, (m,), generator=gen)
    d = torch.randint(0, RS_DAYS, (m,), generator=gen)
    open_ = ~holidays[state[s], d] & ((dow[d] != 6) | (stype[s] == 1))
    keep = open_.nonzero().squeeze(1)[:n]
    s, d = s[keep], d[keep]
    promo = promo_day[d].long()
    payday = ((day[d] <= 2) | (day[d] >= 29)).float()
    log_sales = (level[s] + lift[s] * promo + type_week[stype[s], dow[d]] + store_week[s, dow[d]]
                 + month_eff[month[d]] + 0.06 * payday + growth[state[s]] * d.float() / 365
                 + noise * torch.randn(len(s), generator=gen))
    cats = torch.stack([s, dow[d], promo, year[d], month[d], day[d], state[s]], 1)
    return cats, log_sales


class EntityEmbeddingNet(nn.Module):
    """Guo & Berkhahn's network: one embedding per categorical feature (their sizes), concatenated, dense ReLU
    layers (1000 and 500 in theirs; 256 and 128 here), a sigmoid output (the log sales over their maximum)."""

    def __init__(self, widths: tuple[int, int] = (256, 128)) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(k, dim) for _, k, dim in RS_EMB)
        width = sum(dim for _, _, dim in RS_EMB)
        self.mlp = nn.Sequential(nn.Linear(width, widths[0]), nn.ReLU(), nn.Linear(widths[0], widths[1]), nn.ReLU(),
                                 nn.Linear(widths[1], 1))

    def forward(self, cats: torch.Tensor) -> torch.Tensor:
        h = torch.cat([e(cats[:, i]) for i, e in enumerate(self.emb)], 1)
        return torch.sigmoid(self.mlp(h)).squeeze(1)


def entity_embeddings(batch_size: int = 128, seed: int = 0, train_size: int = 8192, noise: float = 0.1) -> dict[str, Any]:
    """Entity embeddings on ``train_size`` store-days; the target log(sales) / max training log(sales) (Guo &
    Berkhahn's scaling); held out: 4096 other store-days in batches of 1024; the mean absolute error (their Keras
    loss); Adam (their Keras optimiser), batch 128 (theirs)."""
    gen = torch.Generator().manual_seed(33402)
    cats, logs = _rs_sales(train_size + 4096, gen, noise)
    y = logs / logs[:train_size].max()
    tr = (cats[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EntityEmbeddingNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: (model(batch[0]) - batch[1]).abs().mean(), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. mortgage delinquency transitions (Adam; long only)

MG_STATES = ("current", "30d", "60d", "90d+", "foreclosure", "REO", "paid off")
MG_FEATS = 12


def _mg_loans(n: int, gen: torch.Generator, sharp: float = 3.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Loan-months: a loan's current state (current, 30, 60, 90+ days delinquent, in foreclosure; sampled with
    extra weight on the delinquent states) and twelve features (FICO, original and current LTV, DTI, the note rate
    and its spread over the market rate, loan age, balance, local unemployment and its one-year change, the
    one-year house-price change, a documentation flag). Next month's state is drawn from a multinomial logit
    whose utilities are nonlinear in the features: a refinancing incentive (an S-curve in the rate spread, damped
    by negative equity), a delinquency hazard rising with current LTV times unemployment and falling with FICO,
    cures that fall with the time delinquent, roll rates, foreclosure starts and completions (REO); the
    utilities are multiplied by ``sharp`` = 3 before the softmax (with 1 the held-out loss was flat over 64x of LR).
    Returns (features with the one-hot current state, next state)."""
    cur = torch.multinomial(torch.tensor([0.4, 0.18, 0.14, 0.16, 0.12]), n, replacement=True, generator=gen)
    u = lambda *s: torch.rand(*s, generator=gen)  # noqa: E731
    fico = 620 + 200 * u(n) ** 0.7
    ltv0 = 0.5 + 0.47 * u(n)
    hpa = 0.15 * torch.randn(n, generator=gen) - 0.02
    age = 1 + 119 * u(n)
    ltv = ltv0 * (1 - age / 600) / (1 + hpa).clamp_min(0.5)
    dti = 0.15 + 0.35 * u(n)
    rate = 0.035 + 0.04 * u(n)
    spread = rate - (0.03 + 0.035 * u(n))
    balance = torch.exp(12 + 0.5 * torch.randn(n, generator=gen))
    unemp = 0.04 + 0.08 * u(n) ** 1.5
    d_unemp = 0.015 * torch.randn(n, generator=gen)
    lowdoc = (u(n) < 0.25).float()
    z_fico = (fico - 720) / 60
    refi = 4 * torch.sigmoid((spread - 0.006) / 0.003) * torch.sigmoid((0.95 - ltv) / 0.05)
    stress = 2.5 * (ltv - 0.8).clamp_min(0) * 5 + 12 * (unemp - 0.06) + 20 * d_unemp.clamp_min(0) - 0.7 * z_fico
    stress = stress + 3 * (dti - 0.35).clamp_min(0) + 0.4 * lowdoc
    # utilities over the 7 next states; -inf where a transition is impossible
    util = torch.full((n, 7), -math.inf)
    c = cur
    zero = torch.zeros(n)
    # from current: stay, 30d, prepay
    util[:, 0] = torch.where(c == 0, zero, util[:, 0])
    util[:, 1] = torch.where(c == 0, -4.2 + stress - 0.3 * torch.sigmoid((age - 24) / 6), util[:, 1])
    util[:, 6] = torch.where(c == 0, -4.5 + refi + 0.3 * (balance.log() - 12), util[:, 6])
    # from delinquent states: cure to current, stay, roll forward, prepay (rare)
    for k in (1, 2, 3):
        on = c == k
        util[:, 0] = torch.where(on, -0.3 - 0.9 * k + 0.6 * z_fico - 0.5 * stress.clamp_max(3), util[:, 0])
        util[:, k] = torch.where(on, zero + (0.8 if k == 3 else -0.4), util[:, k])
        util[:, k + 1] = torch.where(on, -0.6 + 0.5 * stress + (0.3 if k == 3 else 0.0), util[:, k + 1])
        util[:, 6] = torch.where(on, -5.0 + 0.5 * refi, util[:, 6])
    # from 90+: also foreclosure start (state 4 is k + 1 for k = 3); from foreclosure: stay, REO, cure (rare)
    on = c == 4
    util[:, 4] = torch.where(on, zero, util[:, 4])
    util[:, 5] = torch.where(on, -2.2 + 0.8 * (ltv - 0.9).clamp_min(0) * 5 + 0.3 * stress, util[:, 5])
    util[:, 0] = torch.where(on, -4.0 + 0.5 * z_fico, util[:, 0])
    util[:, 6] = torch.where(on, -4.0 - 3 * (ltv - 0.9).clamp_min(0) * 5, util[:, 6])
    nxt = torch.multinomial(torch.softmax(sharp * util, 1), 1, generator=gen).squeeze(1)
    feats = torch.stack([z_fico, (ltv0 - 0.75) / 0.14, (ltv - 0.75) / 0.2, (dti - 0.32) / 0.1, (rate - 0.055) / 0.012,
                         spread / 0.012, (age - 60) / 35, balance.log() - 12, (unemp - 0.07) / 0.025,
                         d_unemp / 0.015, hpa / 0.15, lowdoc], 1)
    return torch.cat([feats, F.one_hot(cur, 5).float()], 1), nxt


def mortgage_transitions(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                         widths: tuple[int, ...] = (200, 140, 140, 140, 140), sharp: float = 3.0) -> dict[str, Any]:
    """Sirignano, Sadhwani & Giesecke's deep network for mortgage risk: a ReLU MLP (five hidden layers, 200, 140,
    140, 140, 140) from the loan's features and current state to a softmax over next month's seven states;
    cross-entropy; ``train_size`` loan-months; held out: 8192 others in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(33501)
    x, y = _mg_loans(train_size + 8192, gen, sharp)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    width = MG_FEATS + 5
    for w in widths:
        layers += [nn.Linear(width, w), nn.ReLU()]
        width = w
    model = nn.Sequential(*layers, nn.Linear(width, len(MG_STATES)))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. ocean mesoscale eddy forcing from coarse velocities with a CNN (Adam; long only)

OC_N, OC_COARSE = 32, 4  # the high-resolution grid and the coarse-graining factor


def _oc_fields(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bolton & Zanna's subgrid momentum forcing on a doubly periodic 32 x 32 grid: a streamfunction of 6-14
    Gaussian eddies (random centres, signs, radii 1.5-4 cells, amplitudes) over a weak red-spectrum background;
    geostrophic velocities u = -psi_y, v = psi_x (spectral derivatives); a Gaussian filter (sd 2 cells) and
    sampling every 4th cell give the coarse velocities; the forcing S = (u_bar . grad) u_bar - bar((u . grad) u),
    coarse-grained the same way. Returns (coarse u, v: n x 2 x 8 x 8, forcing S_x, S_y: n x 2 x 8 x 8)."""
    N = OC_N
    k = torch.fft.fftfreq(N, 1 / N)
    grid = torch.arange(N).float()
    psi = torch.zeros(n, N, N)
    count = torch.randint(6, 15, (n,), generator=gen)
    for j in range(14):
        cx, cy = N * torch.rand(n, 1, generator=gen), N * torch.rand(n, 1, generator=gen)
        dx = torch.remainder(grid.view(1, N) - cx + N / 2, N) - N / 2
        dy = torch.remainder(grid.view(1, N) - cy + N / 2, N) - N / 2
        r = 1.5 + 2.5 * torch.rand(n, 1, generator=gen)
        amp = torch.where(torch.rand(n, 1, generator=gen) < 0.5, -1.0, 1.0) * (0.5 + torch.rand(n, 1, generator=gen))
        amp = amp * r**2 * (j < count).float().unsqueeze(1)
        gx, gy = torch.exp(-(dx**2) / (2 * r**2)), torch.exp(-(dy**2) / (2 * r**2))  # separable
        psi += (amp * gy).unsqueeze(2) * gx.unsqueeze(1)
    kr = torch.fft.rfftfreq(N, 1 / N)
    ikx, iky = 1j * kr.view(1, -1) * (2 * math.pi / N), 1j * k.view(-1, 1) * (2 * math.pi / N)
    kh = (kr.view(1, -1) ** 2 + k.view(-1, 1) ** 2).sqrt()
    spec = torch.complex(torch.randn(n, N, N // 2 + 1, generator=gen), torch.randn(n, N, N // 2 + 1, generator=gen))
    ph = torch.fft.rfft2(psi) + 3.0 * N * spec * (kh.clamp_min(1) ** -3) * (kh > 0)
    filt = torch.exp(-0.5 * (kh * 2 * math.pi / N * 2.0) ** 2)
    real = lambda f: torch.fft.irfft2(f, s=(N, N))  # noqa: E731
    uh, vh = -iky * ph, ikx * ph
    u, v = real(uh), real(vh)
    adv_u = u * real(ikx * uh) + v * real(iky * uh)
    adv_v = u * real(ikx * vh) + v * real(iky * vh)
    ubh, vbh = filt * uh, filt * vh
    ub, vb = real(ubh), real(vbh)
    sx = ub * real(ikx * ubh) + vb * real(iky * ubh) - real(filt * torch.fft.rfft2(adv_u))
    sy = ub * real(ikx * vbh) + vb * real(iky * vbh) - real(filt * torch.fft.rfft2(adv_v))
    c = OC_COARSE
    coarse = lambda f: f[:, c // 2 :: c, c // 2 :: c]  # noqa: E731
    return torch.stack([coarse(ub), coarse(vb)], 1), torch.stack([coarse(sx), coarse(sy)], 1)


class EddyCNN(nn.Module):
    """A fully convolutional net with periodic padding (after Bolton & Zanna's and Guillaumin & Zanna's CNNs):
    convolutions 5 x 5 (24 channels), 3 x 3 (24), 3 x 3 (2), ReLU between."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(2, width, 5, padding=2, padding_mode="circular"), nn.ReLU(),
                                 nn.Conv2d(width, width, 3, padding=1, padding_mode="circular"), nn.ReLU(),
                                 nn.Conv2d(width, 2, 3, padding=1, padding_mode="circular"))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


@lru_cache(maxsize=2)
def _oc_data(train_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The snapshots, made once per process (deterministic: their own generator; about 2 s for 5120)."""
    x, s = _oc_fields(train_size + 1024, torch.Generator().manual_seed(33601))
    return x / x[:train_size].std(), s / s[:train_size].std()


def eddy_forcing(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The eddy-forcing CNN on ``train_size`` snapshots; velocities and forcings divided by their training sds;
    held out: 1024 other snapshots; the mean squared error; Adam."""
    x, s = _oc_data(train_size)
    tr = (x[:train_size], s[:train_size])
    torch.manual_seed(seed)
    return {"model": EddyCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], s[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.mse_loss(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("ofdm_rmsprop", ofdm_receiver, 300, "deep_ofdm_receiver_channel_estimation_detection",
      "rmsprop_decay0.9_eps1e-10", "stream", 128, seconds=1.5, start_lr=0.004),
    W("past_tense_sgdm", past_tense, 300, "past_tense_pattern_associator_morphophonology", "sgd_momentum0.5",
      "finite", 32, seconds=0.3, start_lr=102.4),
    W("eddy_cnn_adam", eddy_forcing, 300, "ocean_eddy_subgrid_forcing_cnn", "adam", "finite", 32,
      seconds=1.5, start_lr=0.032),
    W("entity_emb_adam", entity_embeddings, 300, "entity_embeddings_store_sales", "adam", "finite", 128,
      seconds=1.0, start_lr=0.016),
)
LONG = (
    W("mortgage_adam@long", mortgage_transitions, 3000, "deep_mortgage_delinquency_transitions", "adam", "finite", 32,
      seconds=7.0, start_lr=0.0005, grid_fractions=(0.0, 0.05)),
    W("nbrdf_adam@long", neural_brdf, 3000, "neural_brdf_reflectance_fitting", "adam", "finite", 128,
      dict(train_size=16384), seconds=4.0, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("ofdm_rmsprop@long", ofdm_receiver, 3000, "deep_ofdm_receiver_channel_estimation_detection",
      "rmsprop_decay0.9_eps1e-10", "stream", 32, seconds=7.0, start_lr=0.002, grid_fractions=(0.0, 0.05),
      long_of="ofdm_rmsprop"),
    W("past_tense_sgdm@long", past_tense, 3000, "past_tense_pattern_associator_morphophonology", "sgd_momentum0.5",
      "finite", 32, dict(tokens=8192), seconds=1.5, start_lr=25.6, grid_fractions=(0.0, 0.05),
      long_of="past_tense_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam33_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-third exam's workloads")
