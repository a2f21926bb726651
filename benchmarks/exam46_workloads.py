"""The forty-sixth exam: six more workload families that neither the suite nor exams 1-44 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam44_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from immunology and vaccine
design, air quality and atmospheric chemistry, maritime navigation and shipping, cryptography and side-channel
analysis, speech pathology and voice disorders, and mining and mineral processing (exam 45 was built at the same
time from other domains; its module was not opened). What was checked to make them new, and what was tried and
dropped, is in ``benchmarks/results/exam46/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- peptide-MHC class I binding affinity with MHCflurry (O'Donnell et al. 2018), allele-specific: peptides of 8-11
  residues encoded by BLOSUM62 rows in MHCflurry's left-pad / centre-pad / right-pad layout (15 positions), a
  locally connected layer (8 filters of width 3, tanh), a dense layer of 64 tanh units, a sigmoid output of the
  transformed affinity 1 - log(IC50) / log(50000); MHCflurry's MSE with inequalities (censored ">" measurements
  are penalised only when the prediction is on the wrong side); batch 128 (MHCflurry's minibatch size); RMSprop
  with rho 0.9 (MHCflurry's default optimiser through Keras, from memory)
- a neural emulator of a gas-phase chemical mechanism (air quality; Kelp et al. 2018-2020, a long plan only): an MLP
  maps a box's log concentrations of NO, NO2, O3 and VOC, its photolysis rate, temperature and NO emission to the
  change of the log concentrations over one hour of a reference box model (the Leighton cycle, peroxy-radical
  NO-to-NO2 conversion from VOC oxidation, HNO3 formation, integrated by RK4); MSE on standardised changes; Adam
- vessel trajectory prediction from AIS with an LSTM encoder-decoder (maritime; in the style of Capobianco et al.
  2021): 12 past reports (5 min apart) of displacement, speed and course over ground, the next 6 positions rolled
  out by an LSTM decoder; MSE of the positions (in units of 2 km); batch 64; Adam
- a modelling attack on a 4-XOR arbiter PUF with an MLP (hardware cryptography; Mursi et al. 2020, a long plan
  only): challenges mapped to the arbiter's parity features, three tanh hidden layers of 2^k units, a sigmoid
  output; the binary cross-entropy against noisy responses; Adam (Mursi et al.'s)
- perceptual voice-quality rating from sustained /a/ with a CNN on log spectrograms (speech pathology): the panel's
  GRBAS grade, roughness and breathiness (0-3) of healthy, rough (jitter and shimmer), breathy (aspiration noise, a
  steeper source tilt) and diplophonic (alternating pulses) voices synthesised from a jittered glottal pulse train
  through /a/ formants; MSE; SGD with momentum 0.9 (the fine-tuning settings of that field's CNN papers; from
  memory)
- froth flotation grade from froth images with a CNN (mineral processing; in the style of Fu & Aldrich 2018): the
  concentrate grade regressed from a froth image (bubbles with a size distribution, mineral loading, colour,
  specular highlights, lighting); MSE on the standardised grade; SGD with momentum 0.9 and weight decay 5e-4
  (the Caffe / AlexNet fine-tuning settings those papers used; from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the chemistry emulator
and the PUF attack (no short plans), MHCflurry on 16384 measurements instead of 2048 and the froth CNN on 2048
images instead of 1024.

Of the eight plans, three use plain Adam (the AIS LSTM, the chemistry emulator, the PUF attack), two RMSprop with
rho 0.9 (both MHCflurry plans), one SGD with momentum 0.9 (the voice CNN) and two SGD with momentum 0.9 and weight
decay 5e-4 (both froth plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam46_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam46/README.md).

    python benchmarks/exam46_workloads.py          # the table
    python benchmarks/exam46_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 46"


# --------------------------------------------------------------------------------------------------------------
# 1. peptide-MHC class I binding affinity with MHCflurry (RMSprop)

AA = "ARNDCQEGHILKMFPSTWYV"
BLOSUM62 = [
    [4, -1, -2, -2, 0, -1, -1, 0, -2, -1, -1, -1, -1, -2, -1, 1, 0, -3, -2, 0],
    [-1, 5, 0, -2, -3, 1, 0, -2, 0, -3, -2, 2, -1, -3, -2, -1, -1, -3, -2, -3],
    [-2, 0, 6, 1, -3, 0, 0, 0, 1, -3, -3, 0, -2, -3, -2, 1, 0, -4, -2, -3],
    [-2, -2, 1, 6, -3, 0, 2, -1, -1, -3, -4, -1, -3, -3, -1, 0, -1, -4, -3, -3],
    [0, -3, -3, -3, 9, -3, -4, -3, -3, -1, -1, -3, -1, -2, -3, -1, -1, -2, -2, -1],
    [-1, 1, 0, 0, -3, 5, 2, -2, 0, -3, -2, 1, 0, -3, -1, 0, -1, -2, -1, -2],
    [-1, 0, 0, 2, -4, 2, 5, -2, 0, -3, -3, 1, -2, -3, -1, 0, -1, -3, -2, -2],
    [0, -2, 0, -1, -3, -2, -2, 6, -2, -4, -4, -2, -3, -3, -2, 0, -2, -2, -3, -3],
    [-2, 0, 1, -1, -3, 0, 0, -2, 8, -3, -3, -1, -2, -1, -2, -1, -2, -2, 2, -3],
    [-1, -3, -3, -3, -1, -3, -3, -4, -3, 4, 2, -3, 1, 0, -3, -2, -1, -3, -1, 3],
    [-1, -2, -3, -4, -1, -2, -3, -4, -3, 2, 4, -2, 2, 0, -3, -2, -1, -2, -1, 1],
    [-1, 2, 0, -1, -3, 1, 1, -2, -1, -3, -2, 5, -1, -3, -1, 0, -1, -3, -2, -2],
    [-1, -1, -2, -3, -1, 0, -2, -3, -2, 1, 2, -1, 5, 0, -2, -1, -1, -1, -1, 1],
    [-2, -3, -3, -3, -2, -3, -3, -3, -1, 0, 0, -3, 0, 6, -4, -2, -2, 1, 3, -1],
    [-1, -2, -2, -1, -3, -1, -1, -2, -2, -3, -3, -1, -2, -4, 7, -1, -1, -4, -3, -2],
    [1, -1, 1, 0, -1, 0, 0, 0, -1, -2, -2, 0, -1, -2, -1, 4, 1, -3, -2, -2],
    [0, -1, 0, -1, -1, -1, -1, -2, -2, -1, -1, -1, -1, -2, -1, 1, 5, -2, -2, 0],
    [-3, -3, -4, -4, -2, -2, -3, -2, -2, -3, -2, -3, -1, 1, -4, -3, -2, 11, 2, -3],
    [-2, -2, -2, -3, -2, -1, -2, -3, 2, -1, -1, -2, -1, 3, -3, -2, -2, 2, 7, -1],
    [0, -3, -3, -3, -1, -2, -2, -3, -3, 3, 1, -2, 1, -1, -2, -2, 0, -3, -1, 4],
]
MHC_POS, MHC_MAX_NM = 15, 50000.0


def _mhc_encoding() -> torch.Tensor:
    """BLOSUM62 rows (divided by 4) for the 20 amino acids, and a 21st row for the pad character X (a 21st
    dimension that only X sets)."""
    b = torch.tensor(BLOSUM62, dtype=torch.float32)
    assert torch.equal(b, b.T)
    enc = torch.zeros(21, 21)
    enc[:20, :20] = b / 4
    enc[20, 20] = 1.0
    return enc


def _mhc_layout(seq: torch.Tensor, length: int) -> torch.Tensor:
    """MHCflurry's "left_pad_centered_right_pad" layout to 15 positions: the first 4 residues, the peptide centred
    in the middle 7 slots (padded with X = 20; middles longer than 7 are cut at both ends), the last 4 residues."""
    n = len(seq)
    out = torch.full((n, MHC_POS), 20, dtype=torch.long)
    out[:, :4] = seq[:, :4]
    out[:, 11:] = seq[:, length - 4 : length]
    mid = seq[:, :length]
    if length <= 7:
        off = (7 - length) // 2
        out[:, 4 + off : 4 + off + length] = mid
    else:
        cut = (length - 7) // 2
        out[:, 4:11] = mid[:, cut : cut + 7]
    return out


def _mhc_data(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Binding measurements for one HLA-A*02:01-like allele: peptides of 8-11 residues (9-mers 60%), biased
    towards binders as curated sets are (a third carry a preferred P2 anchor and a third a preferred C-terminus).
    The true log10 IC50 comes from a position-specific scoring matrix (strong anchors at P2 and the C terminus,
    weaker at P1, P3 and P(omega-2) and P(omega-3)), two anchor-pair interactions and a length penalty, plus
    assay noise (sd 0.25 log10 units); measurements above 20000 nM are reported as "> 20000" (censored).
    Returns (encoded peptides (n, 15, 21), the MHCflurry target, 1 for a censored '>' measurement)."""
    tg = torch.Generator().manual_seed(46101)
    pssm = 0.25 * torch.randn(11, 20, generator=tg)  # by position from the N terminus (P1-P3) or C terminus
    anchor_p2 = torch.zeros(20)
    for a, v in zip("LMIVQA", (-2.2, -1.8, -1.4, -1.0, -0.8, -0.5)):
        anchor_p2[AA.index(a)] = v
    anchor_c = torch.zeros(20)
    for a, v in zip("VLIAMT", (-2.0, -1.9, -1.3, -0.7, -0.7, -0.4)):
        anchor_c[AA.index(a)] = v
    penalty_p2 = torch.where(anchor_p2 < 0, anchor_p2, torch.full((20,), 0.9))
    penalty_c = torch.where(anchor_c < 0, anchor_c, torch.full((20,), 1.0))
    pair = 0.4 * torch.randn(20, 20, generator=tg)  # P2 x C-terminus interaction
    pair13 = 0.3 * torch.randn(20, 20, generator=tg)  # P1 x P3
    lengths = torch.tensor([8, 9, 10, 11])
    length = lengths[torch.multinomial(torch.tensor([0.12, 0.6, 0.18, 0.1]), n, replacement=True, generator=gen)]
    seq = torch.randint(0, 20, (n, 11), generator=gen)
    good_p2, good_c = torch.tensor([AA.index(a) for a in "LMIV"]), torch.tensor([AA.index(a) for a in "VLI"])
    bias2 = torch.rand(n, generator=gen) < 0.35
    seq[bias2, 1] = good_p2[torch.randint(0, 4, (int(bias2.sum()),), generator=gen)]
    biasc = torch.rand(n, generator=gen) < 0.35
    cterm = good_c[torch.randint(0, 3, (n,), generator=gen)]
    idx = torch.arange(n)
    seq[idx[biasc], length[biasc] - 1] = cterm[biasc]
    p1, p2, p3 = seq[:, 0], seq[:, 1], seq[:, 2]
    pc = seq[idx, length - 1]
    pc2, pc3 = seq[idx, length - 3], seq[idx, length - 4]
    score = (4.3 + penalty_p2[p2] + penalty_c[pc] + pssm[0, p1] + pssm[1, p3] + pssm[2, pc2] + pssm[3, pc3]
             + pair[p2, pc] * (anchor_p2[p2] < 0).float() + pair13[p1, p3]
             + 0.35 * (length - 9).abs().float() ** 1.3)
    log_ic50 = score + 0.25 * torch.randn(n, generator=gen)
    censored = log_ic50 > math.log10(20000)
    log_ic50 = torch.where(censored, torch.full_like(log_ic50, math.log10(20000)), log_ic50)
    log_ic50 = log_ic50.clamp_min(0.0)
    target = (1 - log_ic50 / math.log10(MHC_MAX_NM)).clamp(0, 1)
    x = torch.zeros(n, MHC_POS, dtype=torch.long)
    for L in (8, 9, 10, 11):
        m = length == L
        x[m] = _mhc_layout(seq[m], L)
    return _mhc_encoding()[x], target, censored.float()


class LocallyConnected1d(nn.Module):
    """Keras's LocallyConnected1D: a width-k filter bank with its own weights at every position (no sharing)."""

    def __init__(self, positions: int, c_in: int, c_out: int, k: int) -> None:
        super().__init__()
        self.k, self.out_pos = k, positions - k + 1
        bound = 1 / math.sqrt(c_in * k)
        self.weight = nn.Parameter(torch.empty(self.out_pos, c_in * k, c_out).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.zeros(self.out_pos, c_out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: n, positions, c_in
        win = x.unfold(1, self.k, 1).flatten(2)  # n, out_pos, c_in * k
        return torch.einsum("npi,pio->npo", win, self.weight) + self.bias


class MHCflurry(nn.Module):
    """MHCflurry's Class1NeuralNetwork (O'Donnell et al. 2018) with its default architecture: a locally connected
    layer (8 filters of width 3, tanh) over the BLOSUM62-encoded peptide, a dense layer of 64 tanh units, a sigmoid
    output (the transformed affinity)."""

    def __init__(self, filters: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.lc = LocallyConnected1d(MHC_POS, 21, filters, 3)
        self.dense = nn.Linear((MHC_POS - 2) * filters, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.lc(x)).flatten(1)
        return torch.sigmoid(self.out(torch.tanh(self.dense(h)))).squeeze(1)


def mse_with_inequalities(model: nn.Module, batch: Any) -> torch.Tensor:
    """MHCflurry's loss: the squared error, except that a censored "> 20000 nM" measurement (a target at most the
    threshold's) is penalised only where the prediction is above it."""
    x, y, censored = batch
    err = model(x) - y
    err = torch.where(censored > 0, err.clamp_min(0), err)
    return (err**2).mean()


def mhcflurry(batch_size: int = 128, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """MHCflurry on 2048 measurements of one allele; held out: 2048 other peptides in batches of 1024; RMSprop
    with rho 0.9 (Keras's RMSprop, MHCflurry's default)."""
    gen = torch.Generator().manual_seed(46102)
    x, y, c = _mhc_data(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size], c[:train_size])
    torch.manual_seed(seed)
    return {"model": MHCflurry(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:], c[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7),
                                "rmsprop_rho0.9"),
            "loss_fn": mse_with_inequalities, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. a neural emulator of a gas-phase chemical mechanism (Adam; long only)

CH_DT, CH_SUB = 3600.0, 60


def _ch_rates(c: torch.Tensor, j: torch.Tensor, temp: torch.Tensor, emis: torch.Tensor) -> torch.Tensor:
    """The box model's tendencies (ppb/s) for NO, NO2, O3, VOC: NO2 + hv -> NO + O3 (via O + O2), O3 + NO -> NO2
    (Arrhenius 3e-12 exp(-1500/T) cm3/s), VOC + OH -> RO2 with OH proportional to the photolysis rate, RO2 + NO ->
    NO2 (the peroxy radicals in steady state, limited by NO), NO2 + OH -> HNO3, NO emission; O3 dry deposition."""
    no, no2, o3, voc = c.unbind(1)
    k3 = 3e-12 * torch.exp(-1500 / temp) * 2.46e10  # ppb-1 s-1
    oh = 4e-3 * j  # a proxy: OH in ppb-equivalent units
    r_photo = j * no2
    r_titr = k3 * o3 * no
    r_voc = 1.2e-2 * oh * voc * (1 + 0.02 * (temp - 298))
    r_ro2 = 2.0 * r_voc * no / (no + 0.3)
    r_hno3 = 0.25 * oh * no2
    dno = -r_titr + r_photo - r_ro2 + emis
    dno2 = r_titr - r_photo + r_ro2 - r_hno3
    do3 = r_photo - r_titr - 1.5e-5 * o3
    dvoc = -r_voc + 0.5 * emis
    return torch.stack([dno, dno2, do3, dvoc], 1)


def _ch_boxes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Random box states from clean rural to polluted urban: NO log-uniform 0.05-60 ppb, NO2 0.2-60, O3 5-120, VOC
    2-200 ppbC; photolysis j(NO2) 0-9e-3 s-1 (a quarter of the boxes at night); 270-310 K; NO emission 0-0.005
    ppb/s. One hour of the box model by RK4 (60 one-minute steps). Returns (inputs: the log concentrations, j,
    temperature and emission, standardised; the change of the log concentrations)."""
    lo = torch.tensor([0.05, 0.2, 5.0, 2.0]).log()
    hi = torch.tensor([60.0, 60.0, 120.0, 200.0]).log()
    c0 = torch.exp(lo + (hi - lo) * torch.rand(n, 4, generator=gen))
    j = 9e-3 * torch.rand(n, generator=gen) ** 0.7 * (torch.rand(n, generator=gen) > 0.25).float()
    temp = 270 + 40 * torch.rand(n, generator=gen)
    emis = 0.005 * torch.rand(n, generator=gen) ** 2
    c = c0.clone()
    h = CH_DT / CH_SUB
    for _ in range(CH_SUB):
        k1 = _ch_rates(c, j, temp, emis)
        k2 = _ch_rates((c + 0.5 * h * k1).clamp_min(1e-4), j, temp, emis)
        k3 = _ch_rates((c + 0.5 * h * k2).clamp_min(1e-4), j, temp, emis)
        k4 = _ch_rates((c + h * k3).clamp_min(1e-4), j, temp, emis)
        c = (c + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)).clamp_min(1e-4)
    x = torch.cat([c0.log(), (j / 4.5e-3 - 1).unsqueeze(1), ((temp - 290) / 12).unsqueeze(1),
                   (emis / 0.0017 - 1).unsqueeze(1)], 1)
    return x, c.log() - c0.log()


class ChemEmulator(nn.Module):
    """A feed-forward emulator of the chemical solver's one-hour step (as Kelp et al.'s): inputs to the change of
    the log concentrations, ReLU hidden layers."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tendency_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised changes."""
    x, y = batch
    return F.mse_loss(model(x), y)


def chem_emulator(batch_size: int = 128, seed: int = 0, train_size: int = 16384) -> dict[str, Any]:
    """The emulator on 16384 box-model hours, inputs and targets standardised over them; held out: 4096 other
    boxes in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(46202)
    x, y = _ch_boxes(train_size + 4096, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChemEmulator(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tendency_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. vessel trajectory prediction from AIS with an LSTM encoder-decoder (Adam)

AIS_PAST, AIS_FUT, AIS_DT, AIS_KM = 12, 6, 5.0 / 60, 2.0  # reports, predicted reports, hours between reports, the
#   length unit (km) of displacements and positions


def _ais_tracks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vessel tracks resampled to one AIS report every 5 minutes (18 reports): a ship type (cargo, tanker, ferry,
    fishing) sets the speed (log-normal around 14, 12, 18 and 8 knots); the course follows one of five traffic-lane
    headings; with probability 0.4 the ship is on a turn at 0.3-1.5 degrees a minute that began at one of the 3rd to
    10th past reports and lasts beyond the predicted half hour; slow course and speed wander (random walks, sd 0.01
    a report); fishing vessels trawl (a periodic speed change); GPS noise sd 15 m, SOG noise 0.2 knots, COG noise 2
    degrees. Returns (past: per report the displacement since the previous one (in units of 2 km), the SOG (knots
    / 10) and the COG as sin / cos (12, 5); future: the next 6 positions relative to the last past one (in units of
    2 km))."""
    steps = AIS_PAST + AIS_FUT
    kind = torch.randint(0, 4, (n,), generator=gen)
    v0 = torch.tensor([14.0, 12.0, 18.0, 8.0])[kind] * torch.exp(0.15 * torch.randn(n, generator=gen))
    lane = torch.tensor([0.3, 1.2, 2.5, 4.0, 5.2])[torch.randint(0, 5, (n,), generator=gen)]
    heading0 = lane + 0.15 * torch.randn(n, generator=gen)
    turn_at = torch.randint(2, AIS_PAST - 2, (n,), generator=gen)
    turning = torch.rand(n, generator=gen) < 0.4
    turn_total = torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0) * turning.float()  # the turn's side
    turn_rate = torch.deg2rad(0.3 + 1.2 * torch.rand(n, generator=gen)) * 5  # radians per report
    t = torch.arange(steps).float().view(1, -1)
    progress = ((t - turn_at.view(-1, 1)) * turn_rate.view(-1, 1)).clamp_min(0)
    turned = torch.sign(turn_total).view(-1, 1) * progress
    fishing = (kind == 3).float().view(-1, 1)
    wander = torch.cumsum(0.01 * torch.randn(n, steps, generator=gen), 1)
    cog = heading0.view(-1, 1) + turned + wander
    speed = v0.view(-1, 1) * torch.exp(torch.cumsum(0.01 * torch.randn(n, steps, generator=gen), 1)
                                       + fishing * 0.2 * torch.sin(2 * math.pi * t / 9))
    step_km = speed * 1.852 * AIS_DT
    dxy = torch.stack([step_km * torch.sin(cog), step_km * torch.cos(cog)], 2)
    pos = torch.cumsum(dxy, 1) + 0.015 * torch.randn(n, steps, 2, generator=gen)
    obs_cog = cog + torch.deg2rad(torch.tensor(2.0)) * torch.randn(n, steps, generator=gen)
    obs_sog = speed + 0.2 * torch.randn(n, steps, generator=gen)
    disp = torch.diff(pos, dim=1, prepend=pos[:, :1] - dxy[:, :1])
    past = torch.cat([disp[:, :AIS_PAST] / AIS_KM, (obs_sog[:, :AIS_PAST] / 10).unsqueeze(2),
                      torch.sin(obs_cog[:, :AIS_PAST]).unsqueeze(2), torch.cos(obs_cog[:, :AIS_PAST]).unsqueeze(2)], 2)
    future = (pos[:, AIS_PAST:] - pos[:, AIS_PAST - 1 : AIS_PAST]) / AIS_KM
    return past, future


class AISSeq2Seq(nn.Module):
    """An LSTM encoder-decoder for vessel trajectories (as Capobianco et al. 2021's, without attention): the encoder
    LSTM reads the past reports; the decoder LSTM cell, started from the encoder's state and fed the last report at
    every step, emits the next displacement; positions are their running sum."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.enc = nn.LSTM(5, hidden, batch_first=True)
        self.dec = nn.LSTMCell(5, hidden)
        self.out = nn.Linear(hidden, 2)

    def forward(self, past: torch.Tensor) -> torch.Tensor:
        _, (h, c) = self.enc(past)
        h, c = h[0], c[0]
        last = past[:, -1]
        pos, outs = torch.zeros_like(last[:, :2]), []
        for _ in range(AIS_FUT):
            h, c = self.dec(last, (h, c))
            pos = pos + self.out(h)
            outs.append(pos)
        return torch.stack(outs, 1)


def position_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the predicted positions (in units of (2 km)^2, averaged over the 6 reports and both
    axes)."""
    past, future = batch
    return F.mse_loss(model(past), future)


def ais_lstm(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The LSTM encoder-decoder on 4096 AIS track segments; held out: 2048 other segments in batches of 1024;
    Adam."""
    gen = torch.Generator().manual_seed(46302)
    past, fut = _ais_tracks(train_size + 2048, gen)
    tr = (past[:train_size], fut[:train_size])
    torch.manual_seed(seed)
    return {"model": AISSeq2Seq(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((past[train_size:], fut[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": position_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. a modelling attack on an XOR arbiter PUF with an MLP (Adam; long only)

PUF_STAGES, PUF_K = 32, 4


def _puf_crps(n: int, gen: torch.Generator, noise: float = 0.02) -> tuple[torch.Tensor, torch.Tensor]:
    """Challenge-response pairs of a 4-XOR arbiter PUF with 32 stages: each chain's delay difference is the
    additive delay model w . Phi(c), with Phi the parity transform of the challenge (Phi_i = prod_{j >= i}
    (1 - 2 c_j), and a constant 1) and stage weights N(0, 1) (one fixed device); each evaluation adds N(0, (noise
    * sd)^2) to every chain's delay (the arbiter's metastability); the response is the XOR of the chains' signs.
    Returns (the parity features (n, 33), the responses in {0, 1})."""
    tg = torch.Generator().manual_seed(46401)
    w = torch.randn(PUF_K, PUF_STAGES + 1, generator=tg)
    c = torch.randint(0, 2, (n, PUF_STAGES), generator=gen).float()
    phi = torch.flip(torch.cumprod(torch.flip(1 - 2 * c, [1]), 1), [1])
    phi = torch.cat([phi, torch.ones(n, 1)], 1)
    delay = phi @ w.T
    delay = delay + noise * math.sqrt(PUF_STAGES + 1) * torch.randn(n, PUF_K, generator=gen)
    r = (torch.prod(torch.sign(delay), 1) < 0).float()
    return phi, r


class PUFAttackMLP(nn.Module):
    """Mursi et al.'s (2020) MLP for k-XOR arbiter PUFs: three tanh hidden layers of 2^k units, a sigmoid output
    (as a logit here)."""

    def __init__(self, hidden: int = 2**PUF_K) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PUF_STAGES + 1, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, phi: torch.Tensor) -> torch.Tensor:
        return self.net(phi).squeeze(1)


def response_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the predicted responses."""
    phi, r = batch
    return F.binary_cross_entropy_with_logits(model(phi), r)


def puf_mlp(batch_size: int = 256, seed: int = 0, train_size: int = 32768) -> dict[str, Any]:
    """The attack on 32768 CRPs; held out: 8192 other CRPs in batches of 2048; Adam (Mursi et al.'s)."""
    gen = torch.Generator().manual_seed(46402)
    phi, r = _puf_crps(train_size + 8192, gen)
    tr = (phi[:train_size], r[:train_size])
    torch.manual_seed(seed)
    return {"model": PUFAttackMLP(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((phi[train_size:], r[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": response_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. perceptual voice-quality ratings (GRBAS's G, R, B) from sustained vowels with a CNN on spectrograms (SGD with
#    momentum)

VX_FS, VX_LEN, VX_FFT, VX_HOP, VX_BINS = 8000, 2048, 256, 128, 64


def _vx_voices(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sustained /a/ at 8 kHz, 0.256 s: a glottal pulse train (f0 95-250 Hz, a pulse at each jittered period, split
    between two samples for a fractional position, with shimmer), a spectral tilt, /a/ formants (F1 700, F2 1220,
    F3 2600 Hz, each scaled by a speaker factor 0.9-1.12, bandwidths 80-160 Hz), lip radiation and aspiration
    noise, then a log power spectrogram (256-point Hann frames, hop 128, 0-2 kHz: 64 bins x 15 frames), clipped and
    standardised. Four kinds of voice, each with a severity s ~ U[0, 1]: healthy (jitter 0.2-0.8%, shimmer 1-4%,
    little aspiration), rough (jitter 1 + 3s %, shimmer 5 + 10s %), breathy (aspiration noise 0.3 + 1.2s of the
    voiced level, a steeper tilt, shimmer 3 + 5s %) and diplophonic (every other pulse weaker by 15 + 30s % and
    shifted), so mild cases come near healthy voices. The targets are a panel's mean GRBAS ratings (0-3): G = 3s
    for any disorder, R = 3s (rough), 2s (diplophonic), 0.5s (breathy), B = 3s (breathy), 0.5s (rough), 0 for healthy
    voices, plus the panel's disagreement N(0, 0.25^2) on each. Returns (spectrograms (n, 1, 64, 15), ratings)."""
    y = torch.randint(0, 4, (n,), generator=gen)
    sev = torch.rand(n, generator=gen)
    f0 = 95 + 155 * torch.rand(n, generator=gen)
    jit = torch.where(y == 1, 0.01 + 0.03 * sev, 0.002 + 0.006 * torch.rand(n, generator=gen))
    shim = torch.where(y == 1, 0.05 + 0.1 * sev, torch.where(y == 2, 0.03 + 0.05 * sev,
                                                             0.01 + 0.03 * torch.rand(n, generator=gen)))
    asp = torch.where(y == 2, 0.3 + 1.2 * sev, 0.05 + 0.1 * torch.rand(n, generator=gen))
    tilt = torch.where(y == 2, 1.5 + 1.0 * sev, 1.0 + 0.5 * torch.rand(n, generator=gen))
    diplo = torch.where(y == 3, 0.15 + 0.3 * sev, torch.zeros(n))
    npulse = 64
    period = VX_FS / f0
    per = period.unsqueeze(1) * (1 + jit.unsqueeze(1) * torch.randn(n, npulse, generator=gen))
    alt = torch.where(torch.arange(npulse) % 2 == 1, 1.0, 0.0).unsqueeze(0)
    per = per * (1 + 0.5 * diplo.unsqueeze(1) * (2 * alt - 1) * 0.3)
    times = torch.cumsum(per, 1) - per[:, :1] * torch.rand(n, 1, generator=gen)
    amp = (1 + shim.unsqueeze(1) * torch.randn(n, npulse, generator=gen)) * (1 - diplo.unsqueeze(1) * alt)
    amp = amp * (times < VX_LEN - 1).float() * (times >= 0).float()
    times = times.clamp(0, VX_LEN - 1.001)
    base = times.floor()
    frac = times - base
    sig = torch.zeros(n, VX_LEN)
    sig.scatter_add_(1, base.long(), amp * (1 - frac))
    sig.scatter_add_(1, (base.long() + 1).clamp_max(VX_LEN - 1), amp * frac)
    noise = torch.randn(n, VX_LEN, generator=gen) * asp.unsqueeze(1) * (period.unsqueeze(1) ** -0.5)
    f = torch.fft.rfftfreq(VX_LEN, 1 / VX_FS).unsqueeze(0)
    formants = torch.tensor([700.0, 1220.0, 2600.0]).view(1, 3, 1)
    scale = 0.9 + 0.22 * torch.rand(n, 1, 1, generator=gen)
    bw = 80 + 80 * torch.rand(n, 3, 1, generator=gen)
    fc = formants * scale
    s = 1j * f.unsqueeze(1)
    res = (fc**2 + (bw / 2) ** 2) / ((s - 1j * fc + bw / 2) * (s + 1j * fc + bw / 2))  # a two-pole resonance
    vt = res.prod(1) * (f / 1000 + 0.05)  # the tract and lip radiation
    src_tilt = (1 + (f / 300) ** 2) ** (-tilt.unsqueeze(1) / 2)
    spec = torch.fft.rfft(sig, dim=1) * src_tilt * vt + torch.fft.rfft(noise, dim=1) * vt * (f / 1000 + 0.2)
    wave = torch.fft.irfft(spec, n=VX_LEN, dim=1)
    wave = wave / wave.std(1, keepdim=True)
    wave = wave + 0.01 * torch.randn(n, VX_LEN, generator=gen)
    st = torch.stft(wave, VX_FFT, VX_HOP, window=torch.hann_window(VX_FFT), center=False, return_complex=True)
    logp = torch.log10(st.abs() ** 2 + 1e-4)[:, :VX_BINS]
    logp = logp.clamp_min(logp.amax((1, 2), keepdim=True) - 6)
    logp = (logp - logp.mean((1, 2), keepdim=True)) / 1.5
    zero = torch.zeros(n)
    grade = torch.where(y == 0, zero, 3 * sev)
    rough = torch.where(y == 1, 3 * sev, torch.where(y == 3, 2 * sev, torch.where(y == 2, 0.5 * sev, zero)))
    breathy = torch.where(y == 2, 3 * sev, torch.where(y == 1, 0.5 * sev, zero))
    grb = torch.stack([grade, rough, breathy], 1) + 0.25 * torch.randn(n, 3, generator=gen)
    return logp.unsqueeze(1), grb


class VoiceCNN(nn.Module):
    """A small CNN on the log spectrogram, as the voice-pathology CNNs are: two 3x3 convolution blocks with batch
    norm, ReLU and max-pooling, a dense layer, the three ratings."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
                                 nn.MaxPool2d((4, 1)),
                                 nn.Conv2d(width, 2 * width, 3, padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(),
                                 nn.MaxPool2d((4, 3)),
                                 nn.Flatten(), nn.Linear(2 * width * (VX_BINS // 16) * 5, 32), nn.ReLU(),
                                 nn.Linear(32, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def grb_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the G, R and B ratings (0-3 scales)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def voice_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The voice CNN on 2048 recordings (a voice database's size); held out: 2048 other recordings in batches of
    1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(46502)
    x, y = _vx_voices(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VoiceCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": grb_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. froth flotation: the concentrate grade from froth images with a CNN (SGD with momentum and weight decay)

FR_SIZE, FR_BUBBLES = 24, 24


def _fr_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """RGB froth images (24 x 24) from a copper rougher cell: bubble centres scattered over the image with a mean
    size set by the frother and air rate (each pixel belongs to its nearest centre, a Voronoi froth), each bubble a
    dome shaded by its distance from its centre, a specular highlight up-left of the centre, its surface coloured by
    the mineral loading (chalcopyrite yellow-green against grey gangue) and darkened by the solids; a random
    lighting level and camera noise. The grade (% Cu) rises with the loading's colour and with smaller, more
    stable bubbles and falls with water (bright, watery froth), with process noise. Returns (images, grade)."""
    size = 0.6 + 0.8 * torch.rand(n, generator=gen)  # bubble scale
    load = torch.rand(n, generator=gen)  # mineral loading
    water = torch.rand(n, generator=gen)
    light = 0.7 + 0.6 * torch.rand(n, generator=gen)
    k = FR_BUBBLES
    cent = torch.rand(n, k, 2, generator=gen) * FR_SIZE
    radius = 2.2 * size.view(n, 1) * torch.exp(0.25 * torch.randn(n, k, generator=gen))
    g = torch.arange(FR_SIZE).float() + 0.5
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    pix = torch.stack([xx.flatten(), yy.flatten()], 1)  # P, 2
    d = torch.cdist(cent, pix.unsqueeze(0).expand(n, -1, -1)) / radius.unsqueeze(2)  # n, k, P
    dmin, owner = d.min(1)
    dome = (1 - dmin.clamp_max(1.2) ** 2 / 1.44).clamp_min(0)
    cx = torch.gather(cent, 1, owner.unsqueeze(2).expand(-1, -1, 2))
    rr = torch.gather(radius, 1, owner)
    hl = ((pix.unsqueeze(0) - cx + 0.35 * rr.unsqueeze(2)) ** 2).sum(2) / (0.25 * rr) ** 2
    spec = (1 - 0.7 * load.view(n, 1)) * torch.exp(-hl)
    yellow = torch.tensor([0.75, 0.7, 0.25]).view(1, 3, 1)
    grey = torch.tensor([0.55, 0.55, 0.58]).view(1, 3, 1)
    surf = (load.view(n, 1, 1) * yellow + (1 - load.view(n, 1, 1)) * grey) * (1 - 0.3 * load.view(n, 1, 1))
    surf = surf * (1 + 0.3 * water.view(n, 1, 1))
    img = surf * (0.35 + 0.65 * dome.unsqueeze(1)) + spec.unsqueeze(1) * (0.5 + 0.5 * water.view(n, 1, 1))
    img = img * light.view(n, 1, 1) + 0.03 * torch.randn(n, 3, FR_SIZE * FR_SIZE, generator=gen)
    img = img.view(n, 3, FR_SIZE, FR_SIZE)
    grade = (18 + 8 * load - 5 * (size - 1) - 4 * water + 2 * load * water
             + 0.5 * torch.randn(n, generator=gen))
    return img, grade


class FrothCNN(nn.Module):
    """A small AlexNet-like CNN regressing the grade (Fu & Aldrich's use a pretrained AlexNet / VGG): a strided 5x5
    convolution and two 3x3 convolutions with ReLU and max-pooling, a dense layer, a linear output."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, width, 5, stride=2, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.ReLU(),
                                 nn.Flatten(), nn.Linear(2 * width * 9, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def grade_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised grade."""
    x, y = batch
    return F.mse_loss(model(x), y)


def froth_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 8) -> dict[str, Any]:
    """The froth CNN on 1024 images (a plant campaign's labelled images), the grade standardised over them; held
    out: 2048 other images in batches of 1024; SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(46602)
    x, y = _fr_images(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FrothCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": grade_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("mhcflurry_rmsprop", mhcflurry, 300, "mhcflurry_peptide_mhc_binding", "rmsprop_rho0.9", "finite", 128,
      seconds=1.0, start_lr=0.008),
    W("ais_lstm_adam", ais_lstm, 300, "ais_vessel_trajectory_lstm_encoder_decoder", "adam", "finite", 64,
      seconds=1.0, start_lr=0.032),
    W("voice_cnn_sgdm", voice_cnn, 300, "grbas_voice_quality_spectrogram_cnn", "sgd_momentum0.9", "finite", 32,
      seconds=1.3, start_lr=0.016),
    W("froth_cnn_sgdm", froth_cnn, 300, "froth_flotation_grade_cnn", "sgd_momentum0.9_wd5e-4", "finite", 32,
      seconds=0.7, start_lr=0.008),
)
LONG = (
    W("chem_emulator_adam@long", chem_emulator, 3000, "gas_phase_chemical_mechanism_emulator", "adam", "finite", 128,
      seconds=4.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("puf_mlp_adam@long", puf_mlp, 3000, "xor_arbiter_puf_mlp_modelling_attack", "adam", "finite", 256,
      seconds=5.0, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("mhcflurry_rmsprop@long", mhcflurry, 3000, "mhcflurry_peptide_mhc_binding", "rmsprop_rho0.9", "finite", 128,
      dict(train_size=16384), seconds=7.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="mhcflurry_rmsprop"),
    W("froth_cnn_sgdm@long", froth_cnn, 3000, "froth_flotation_grade_cnn", "sgd_momentum0.9_wd5e-4", "finite", 32,
      dict(train_size=2048), seconds=7.0, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="froth_cnn_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam46_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-sixth exam's workloads")
