"""The hundred-and-eighty-second exam: six more workload families that neither the suite nor exams 1-180 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam180_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from risotto and starch release, gnocchi and boiling float time, tempura and
batter oil uptake, kebab skewers and rotisserie heating, falafel and frying crust, and licorice and extrusion swell
(exams 181, 183 and 184 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam182/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- risotto starch release: a GRU over the 18 minutes of a risotto's cooking (each minute's ladle of broth, stirring
  and heat, with the rice variety, the toasting time and the broth's temperature) to each minute's log viscosity of
  the liquor and the grains' water uptake; first-order water uptake towards saturation, surface starch leached by
  stirring once the grain's surface has gelatinised, the liquor's viscosity from the leached starch's
  concentration in the free liquid; MSE of the standardised outputs; Adam (torch's defaults)
- gnocchi float time: a 1-D CNN over the pot's water-temperature trace after the gnocchi are dropped in (the dip
  and the recovery, 64 s at 2 s), with the dough (potato dry matter, flour, egg) and the piece's mass as constant
  channels, to the log time to float and the core temperature when it floats; the pot's size, the burner and the
  load are seen only through the trace; the piece's shell and core heat up behind the water, its gas expands and
  the core's steam and the gelatinised skin lower its density until it is lighter than the boiling water; MSE;
  SGD with Nesterov momentum 0.9
- falafel frying crust: a pre-norm residual MLP (LayerNorm, two blocks) from the chickpeas (soaked raw, canned,
  a mix), herbs, baking soda, flour binder, the moisture, the ball's size and shape, the oil's temperature and the
  frying time to the crust thickness, the core temperature, the oil content and the surface lightness L*; crust
  growth by a moving evaporation front (thickness ~ sqrt(2 k (T_oil - 100) t / (rho w h_fg))); MSE of the
  standardised outputs; RMSprop (torch's defaults)
- kebab skewer heating on a charcoal grill / rotisserie: a Post-LN transformer encoder over the 8 pieces of a
  skewer (lamb, chicken, beef, onion, pepper, tomato; size; marinade) with the grill (flux, height, turning,
  time, skewer kind) to each piece's core temperature and weight loss; the fire bed weaker at the skewer's ends,
  dripping fat flaring under the neighbours, a metal skewer carrying heat between neighbours (a wooden one not),
  turning evening the heating; MSE of the standardised outputs; AdamW (torch's defaults)
- tempura oil uptake (a long plan only): an embedding net over the ingredient, the flour, the batter liquid, the
  frying oil and the cook (a sparse categorical table) with the oil's temperature, the frying time, the batter's
  thickness and the draining time to the log oil uptake and the coat's crispness; oil taken up in proportion to
  the water fried out of the coat and the piece, more in a porous coat, the surface oil drained off with time;
  MSE; Adagrad (torch's defaults)
- licorice extrusion die swell (a long plan only): a grey-box model (a small net and a flour-lot embedding giving
  the power-law consistency K, the flow index n and the relaxation time lambda; then the capillary-flow equations:
  the wall shear rate 32 Q / (pi D^3) (3n + 1) / 4n, the wall stress K gamma^n, the die's pressure drop with an
  entrance term, the recoverable shear lambda gamma fading over the die land, Tanner's swell B = 0.1 + (1 + S^2 /
  2)^(1/6)) to the log die pressure and the rope's swell ratio; MSE of the standardised outputs; Adagrad (torch's
  defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tempura and
licorice models (no short plans, Adagrad), the falafel net on 8192 fryings instead of 1024 and the gnocchi CNN on
8192 pots instead of 1024 (the falafel net 32 wide with one residual block; the gnocchi CNN 8 wide with two conv
layers, its targets read with 0.3 of the short plan's scatter).

Of the eight plans, two use Adagrad (tempura, licorice), two RMSprop (both falafel plans), two SGD with Nesterov
momentum (both gnocchi plans), one Adam (risotto) and one AdamW (kebab).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam182_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam182/README.md).

    python benchmarks/exam182_workloads.py          # the table
    python benchmarks/exam182_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 182"


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
    """Targets standardised per column (over every axis but the last) with the mean and sd of the first ``n`` rows
    (the training pool)."""
    ref = y[:n].reshape(-1, y.shape[-1])
    return (y - ref.mean(0)) / ref.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. risotto starch release (GRU, Adam)

RS_MIN = 18
RS_VARIETIES = 4  # arborio, carnaroli, vialone nano, baldo


def _rs_cookings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Risotto cookings of 100 g of rice, minute by minute for 18 minutes. The variety (arborio, carnaroli, vialone
    nano, baldo) sets the surface starch that can leach (3.0, 2.2, 2.6, 2.5 g), the water-uptake rate (0.11, 0.085,
    0.10, 0.095 per min) and the saturation uptake (2.1, 1.9, 2.0, 2.0 g water per g rice); toasting 0-4 min
    (tostatura) seals part of the surface starch; the broth kept at 60-95 C (cooler broth slows the uptake). Each
    minute the cook adds a 100-180 ml ladle or not (more often when the liquid runs low), stirs at 0-1 and keeps a
    heat of 0.5-1. Uptake dM = k (M_sat - M) while there is liquid; evaporation 5-9 ml a minute rising with heat and
    stirring; leaching 0.09 S_avail gel(M) (0.15 + stir)^0.8 with gel a sigmoid of the uptake (surface gelatinised
    from ~0.6 g/g), plus the core's starch once overcooked (M > 1.7). The liquor's viscosity: log eta = 2.4 C / (1 +
    C / 8), C the leached starch in g per 100 ml of free liquid. Scatter 0.05 on the log viscosity, 0.03 on the uptake.
    Returns (inputs (n, 18, 10): ladle, stir, heat, minute, variety one-hot, toasting, broth temperature; outputs
    (n, 18, 2): log viscosity, uptake)."""
    var = torch.randint(0, RS_VARIETIES, (n,), generator=gen)
    s0 = torch.tensor([3.0, 2.2, 2.6, 2.5])[var]
    kv = torch.tensor([0.11, 0.085, 0.10, 0.095])[var]
    msat = torch.tensor([2.1, 1.9, 2.0, 2.0])[var]
    toast = 4 * torch.rand(n, generator=gen)
    broth = 60 + 35 * torch.rand(n, generator=gen)
    habit = torch.rand(n, generator=gen)  # the cook's stirring habit
    avail = s0 * (1 - 0.12 * toast)
    k = kv * (0.6 + 0.4 * (broth - 60) / 35)
    liquid = torch.full((n,), 250.0)
    m = torch.full((n,), 0.12)
    rel = torch.zeros(n)
    xs, ys = [], []
    for t in range(RS_MIN):
        p_ladle = torch.sigmoid((120 - liquid) / 30)
        ladle = (torch.rand(n, generator=gen) < p_ladle).float() * (100 + 80 * torch.rand(n, generator=gen))
        stir = (habit + 0.35 * torch.randn(n, generator=gen)).clamp(0, 1)
        heat = 0.5 + 0.5 * torch.rand(n, generator=gen)
        liquid = liquid + ladle
        dm = k * (msat - m) * (liquid > 20).float()
        m = m + dm
        liquid = liquid - 100 * dm - (5 + 4 * heat * (0.7 + 0.5 * stir))
        liquid = liquid.clamp_min(8.0)
        gel = torch.sigmoid((m - 0.6) / 0.15)
        leach = 0.09 * avail * gel * (0.15 + stir) ** 0.8
        avail = avail - leach
        rel = rel + leach + 0.05 * torch.relu(m - 1.7)
        conc = rel / (liquid / 100)
        log_eta = 2.4 * conc / (1 + conc / 8) + 0.05 * torch.randn(n, generator=gen)
        xs.append(torch.stack([ladle / 100, stir, heat, torch.full((n,), t / RS_MIN)], 1))
        ys.append(torch.stack([log_eta, m + 0.03 * torch.randn(n, generator=gen)], 1))
    static = torch.cat([F.one_hot(var, RS_VARIETIES).float(), torch.stack([(toast - 2) / 1.15,
                                                                           (broth - 77.5) / 10], 1)], 1)
    x = torch.cat([torch.stack(xs, 1), static.unsqueeze(1).expand(-1, RS_MIN, -1)], 2)
    return x, torch.stack(ys, 1)


class RisottoGRU(nn.Module):
    """A GRU over the minutes of the cooking, a linear read-out of each minute's viscosity and uptake."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(10, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def risotto_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log viscosity and uptake over every minute."""
    return _mse(model, batch)


def risotto_starch(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The risotto GRU on 1024 cookings, targets standardised over them; held out: 2048 other cookings in batches of
    1024; Adam."""
    gen = torch.Generator().manual_seed(182101)
    x, y = _rs_cookings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RisottoGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": risotto_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. gnocchi float time in boiling water (1-D CNN, SGD with Nesterov momentum)

GN_SAMPLES = 32  # the pot's temperature every 2 s for 64 s


def _gn_pots(n: int, gen: torch.Generator, scatter: float = 1.0) -> tuple[torch.Tensor, torch.Tensor]:
    """A batch of potato gnocchi dropped into a boiling pot. Dough: potato dry matter 0.17-0.25 (waxy to floury),
    flour 0.2-0.45 g per g of potato, egg or none; pieces of 4-14 g. Pot: 2-5 l of water, a burner of 1.5-3.5 kW,
    10-60 pieces. The water dips by N m c_g (100 - 20) / (V c_w) in the first seconds and recovers with a time
    constant dip V c_w / P (the thermometer's trace, 0.15 C noise, is the only view of the pot, the burner and the
    load). The piece (radius from its mass) has a shell and a core heating behind the water with time constants
    8 r^2 and 40 r^2 (1 + 2 (dm - 0.17)) s (r in cm); its density rho0 (about 1.04-1.07 by the dough) falls as the
    pores' air expands with the core's temperature, the core's moisture flashes to steam above 85 C and the shell's
    skin gelatinises (trapping it); it floats when lighter than the water (0.958 g/ml at 100 C), at most 400 s.
    Scatter 0.1 on the log float time, 3 C on the core (times ``scatter``: 1 for the short plan, 0.3 for the long
    one, whose float times and core temperatures are read more carefully). Returns (the trace, 4 dough / piece
    channels and a time channel (n, 6, 32); log (float time + 5 s) and core temperature at float (C), (n, 2))."""
    dm = 0.17 + 0.08 * torch.rand(n, generator=gen)
    flour = 0.2 + 0.25 * torch.rand(n, generator=gen)
    egg = (torch.rand(n, generator=gen) < 0.5).float()
    mass = 4 + 10 * torch.rand(n, generator=gen)
    vol = 2 + 3 * torch.rand(n, generator=gen)
    power = 1500 + 2000 * torch.rand(n, generator=gen)
    count = 10 + 50 * torch.rand(n, generator=gen)
    dip = count * mass * 3.3 * 80 / (vol * 1000 * 4.18)
    tau_w = (dip * vol * 4180 / power).clamp_min(4.0)
    r = (3 * mass / (4 * math.pi * 1.08)) ** (1 / 3)
    tau_s = 8 * r**2
    tau_c = 40 * r**2 * (1 + 2 * (dm - 0.17))
    rho0 = 1.035 + 0.06 * flour + 0.01 * egg - 0.25 * (dm - 0.21)
    pores = 0.05 - 0.05 * flour + 0.3 * (dm - 0.17) - 0.01 * egg
    ts = torch.full((n,), 20.0)
    tc = torch.full((n,), 20.0)
    t_float = torch.full((n,), 400.0)
    tc_float = torch.full((n,), 99.0)
    floated = torch.zeros(n, dtype=torch.bool)
    trace = []
    for step in range(400):
        t = float(step)
        tw = 100 - dip * torch.exp(-t / tau_w) * (1 - math.exp(-(t + 1) / 2.0))
        if step % 2 == 0 and step < 2 * GN_SAMPLES:
            trace.append(tw + 0.15 * torch.randn(n, generator=gen))
        ts = ts + (tw - ts) / tau_s
        tc = tc + (ts - tc) / tau_c
        gas = pores * (tc + 273) / 293 + 0.01 * torch.relu(tc - 85) * (1 - 0.4 * flour)
        skin = torch.sigmoid((ts - 75) / 5)
        rho = rho0 / (1 + gas * (0.5 + 0.5 * skin) + 0.03 * skin)
        now = (rho < 0.958) & ~floated
        t_float = torch.where(now, torch.full((n,), t), t_float)
        tc_float = torch.where(now, tc, tc_float)
        floated = floated | now
    y = torch.stack([torch.log(t_float + 5) + 0.1 * scatter * torch.randn(n, generator=gen),
                     tc_float + 3.0 * scatter * torch.randn(n, generator=gen)], 1)
    chans = torch.stack([(dm - 0.21) / 0.023, (flour - 0.325) / 0.072, 2 * egg - 1, (mass - 9) / 2.9], 1)
    trace = (torch.stack(trace, 1) - 96) / 3
    x = torch.cat([trace.unsqueeze(1), chans.unsqueeze(2).expand(-1, -1, GN_SAMPLES),
                   torch.linspace(-1, 1, GN_SAMPLES).view(1, 1, -1).expand(n, 1, -1)], 1)
    return x, y


class FloatCNN(nn.Module):
    """Two strided conv blocks over the trace and the dough channels (and a third, unstrided, unless ``convs=2``),
    global average pooling, a linear head."""

    def __init__(self, width: int = 16, convs: int = 3) -> None:
        super().__init__()
        layers = [nn.Conv1d(6, width, 5, stride=2, padding=2), nn.ReLU(),
                  nn.Conv1d(width, width, 5, stride=2, padding=2), nn.ReLU()]
        if convs == 3:
            layers += [nn.Conv1d(width, width, 3, padding=1), nn.ReLU()]
        self.conv = nn.Sequential(*layers)
        self.head = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).mean(2))


def float_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log float time and core temperature."""
    return _mse(model, batch)


def gnocchi_float(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 16,
                  convs: int = 3, scatter: float = 1.0) -> dict[str, Any]:
    """The float-time CNN on 1024 pots, targets standardised over them; held out: 2048 other pots in batches of
    1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(182102)
    x, y = _gn_pots(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FloatCNN(width, convs), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": float_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. tempura batter oil uptake (embedding net, Adagrad; long only)

TP_FIELDS = (10, 4, 4, 4, 12)  # ingredient, flour, batter liquid, oil, cook


def _tp_fryings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tempura pieces fried in a kitchen. Ingredient (shrimp, squid, whiting, sweet potato, kabocha, eggplant,
    lotus root, shiso leaf, shiitake, green bean): its water (0.78, 0.80, 0.79, 0.66, 0.80, 0.92, 0.81, 0.88,
    0.90, 0.90), its surface per mass and how freely it gives up water; flour (cake flour, tempura mix with baking
    powder, rice-flour blend, flour with potato starch): gluten and coat porosity; batter liquid (ice water,
    sparkling ice water, egg and ice water, tap water): the cold and the bubbles keep the gluten down and the coat
    lacy; the oil (canola, cottonseed, a sesame blend, rice bran): a small viscosity effect on draining; the cook
    (12, each with a habit of mixing and of shaking off). Oil 160-190 C, 40-240 s, coat 0.5-2 mm, drained 0-120 s.
    Water fried out: the coat's and the piece's, first-order with a rate rising with the oil's temperature;
    oil taken up in proportion to the water lost times the coat's porosity, plus the surface oil left after the
    drain (exp(-t / 25 s) by the oil's viscosity) that is sucked in as the piece cools. Crispness: the logit of the
    coat's remaining water against a porosity-dependent threshold. Scatter 5% on the oil, 0.15 on the crispness.
    Returns (categorical (n, 5), continuous (n, 4), outputs (n, 2): log oil per 100 g, crispness score)."""
    ing = torch.randint(0, TP_FIELDS[0], (n,), generator=gen)
    flo = torch.randint(0, TP_FIELDS[1], (n,), generator=gen)
    liq = torch.randint(0, TP_FIELDS[2], (n,), generator=gen)
    oil = torch.randint(0, TP_FIELDS[3], (n,), generator=gen)
    cook = torch.randint(0, TP_FIELDS[4], (n,), generator=gen)
    cooks = torch.Generator().manual_seed(1821030)
    mix_habit = torch.rand(TP_FIELDS[4], generator=cooks)[cook]
    shake = torch.rand(TP_FIELDS[4], generator=cooks)[cook]
    temp = 160 + 30 * torch.rand(n, generator=gen)
    time = 40 + 200 * torch.rand(n, generator=gen)
    coat = 0.5 + 1.5 * torch.rand(n, generator=gen)
    drain = 120 * torch.rand(n, generator=gen)
    water = torch.tensor([0.78, 0.80, 0.79, 0.66, 0.80, 0.92, 0.81, 0.88, 0.90, 0.90])[ing]
    surf = torch.tensor([1.0, 1.3, 1.2, 0.8, 0.7, 1.1, 0.9, 3.0, 1.4, 1.6])[ing]
    give = torch.tensor([0.5, 0.4, 0.6, 0.7, 0.6, 1.3, 0.5, 1.5, 1.1, 0.8])[ing]
    gluten = torch.tensor([1.0, 0.6, 0.3, 0.5])[flo] * torch.tensor([0.7, 0.5, 1.0, 1.4])[liq] * (0.6 + 0.8 * mix_habit)
    poro = torch.tensor([1.0, 1.25, 0.8, 1.1])[flo] * torch.tensor([1.0, 1.3, 0.9, 0.8])[liq] / (0.6 + 0.6 * gluten)
    visc = torch.tensor([1.0, 1.1, 1.2, 1.05])[oil]
    arr = torch.exp((temp - 175) / 18)
    coat_water = coat * 0.6 * surf
    lost_coat = coat_water * (1 - torch.exp(-time * arr / 45))
    lost_piece = water * 10 * give * (1 - torch.exp(-time * arr * surf / 600))
    fried_out = lost_coat + lost_piece
    surface_oil = 1.5 * coat * surf * torch.exp(-drain * (1 + shake) / (25 * visc))
    uptake = 5 + 1.5 * fried_out * poro + 1.0 * surface_oil * poro
    crisp = 2.0 * (lost_coat / coat_water - 0.75) * 4 + 1.2 * (poro - 1) * 3 - 1.0 * (gluten - 0.6)
    y = torch.stack([torch.log(uptake) + 0.05 * torch.randn(n, generator=gen),
                     torch.tanh(crisp / 3) * 3 + 0.15 * torch.randn(n, generator=gen)], 1)
    cats = torch.stack([ing, flo, liq, oil, cook], 1)
    cont = torch.stack([(temp - 175) / 8.7, (time - 140) / 58, (coat - 1.25) / 0.43, (drain - 60) / 35], 1)
    return cats, cont, y


class TempuraNet(nn.Module):
    """An embedding per categorical field (one shared table with field offsets), concatenated with the continuous
    inputs, then an MLP."""

    def __init__(self, dim: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(sum(TP_FIELDS), dim)  # one table, each field's rows after the previous field's
        self.register_buffer("offsets", torch.tensor([sum(TP_FIELDS[:i]) for i in range(len(TP_FIELDS))]))
        self.mlp = nn.Sequential(nn.Linear(dim * len(TP_FIELDS) + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        e = self.emb(cats + self.offsets).flatten(1)
        return self.mlp(torch.cat([e, cont], 1))


def tempura_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log oil uptake and crispness."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def tempura_oil(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 4,
                hidden: int = 32) -> dict[str, Any]:
    """The tempura embedding net on 8192 fryings, targets standardised over them; held out: 2048 other fryings in
    batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(182103)
    cats, cont, y = _tp_fryings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TempuraNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": tempura_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. kebab skewer heating on a charcoal grill (Post-LN transformer, AdamW)

KB_PIECES = 8
KB_TYPES = 6  # lamb, chicken thigh, beef, onion, pepper, tomato


def _kb_skewers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Skewers of 8 pieces over charcoal. Each piece: lamb, chicken thigh, beef, onion, pepper or tomato (water
    0.70, 0.75, 0.68, 0.89, 0.92, 0.94; fat 0.20, 0.10, 0.12, 0, 0, 0; a thermal diffusivity factor), a 2-4 cm cube;
    a marinade (oil) 0-1 for the skewer. The grill: a radiant flux of 10-30 kW/m2 at 10 cm, the skewer 8-20 cm
    above the coals (the flux falling with (10 / h)^1.5), turning from once in 3 minutes to a rotisserie's steady
    spin (evenness 0-1), 4-15 minutes, the skewer flat steel, round steel or bamboo. In 30 steps: each piece's
    flux, weaker at the ends of the fire bed (1 - 0.35 ((i - 3.5) / 3.5)^2), plus flare-ups from the fat dripping
    off its neighbours (more with the marinade), the uneven side when turned rarely; the surface held near 100 C
    while wet; the core following the surface with a time constant rising with size^2; the steel skewer passes
    heat between neighbouring cores (bamboo none). Weight loss: the water squeezed out above 50 C and evaporated.
    Scatter 1.5 C and 0.8 points. Returns (tokens (n, 8, 15): the piece's type, size and the marinade, the grill
    broadcast; outputs (n, 8, 2): core temperature (C), weight loss (%))."""
    typ = torch.randint(0, KB_TYPES, (n, KB_PIECES), generator=gen)
    size = 2 + 2 * torch.rand(n, KB_PIECES, generator=gen)
    marinade = torch.rand(n, 1, generator=gen)
    flux = 10 + 20 * torch.rand(n, 1, generator=gen)
    height = 8 + 12 * torch.rand(n, 1, generator=gen)
    even = torch.rand(n, 1, generator=gen)
    minutes = 4 + 11 * torch.rand(n, 1, generator=gen)
    skewer = torch.randint(0, 3, (n,), generator=gen)
    couple = torch.tensor([0.06, 0.03, 0.0])[skewer].view(-1, 1)
    water = torch.tensor([0.70, 0.75, 0.68, 0.89, 0.92, 0.94])[typ]
    fat = torch.tensor([0.20, 0.10, 0.12, 0.0, 0.0, 0.0])[typ]
    diff = torch.tensor([1.0, 1.1, 0.95, 1.3, 1.6, 1.4])[typ]
    pos = torch.arange(KB_PIECES).float().view(1, -1)
    bed = 1 - 0.35 * ((pos - 3.5) / 3.5) ** 2
    drip = F.pad(fat, (1, 1))
    flare = (drip[:, :-2] + drip[:, 2:]) * (0.5 + marinade)
    q = flux * (10 / height) ** 1.5 * bed * (1 + 1.5 * flare) * (1 + 0.25 * (1 - even))
    tau = 25 * size**2 / diff  # seconds
    dt = minutes * 60 / 30
    ts = torch.full((n, KB_PIECES), 5.0)
    tc = torch.full((n, KB_PIECES), 5.0)
    dry = torch.zeros(n, KB_PIECES)
    squeeze = torch.zeros(n, KB_PIECES)
    for _ in range(30):
        cap = 100 + 80 * dry
        ts = torch.minimum(ts + dt * q * 0.12 / size - dt * 0.01 * (ts - 25), cap + 0.02 * q * dry)
        dry = (dry + dt * q * 0.0006 / (water * size)).clamp(0, 1)
        tc = tc + (ts.clamp(max=100.0) - tc) * (1 - torch.exp(-dt / tau))
        nb = F.pad(tc, (1, 1), mode="replicate")
        tc = tc + couple * dt / 10 * (nb[:, :-2] + nb[:, 2:] - 2 * tc)
        squeeze = squeeze + dt * 0.0015 * torch.relu(tc - 50) * water
    loss = 35 * (1 - torch.exp(-squeeze / 10)) * (0.6 + 0.4 * water) + 4 * dry / size
    y = torch.stack([tc + 1.5 * torch.randn(n, KB_PIECES, generator=gen),
                     loss + 0.8 * torch.randn(n, KB_PIECES, generator=gen)], 2)
    grill = torch.cat([(flux - 20) / 5.8, (height - 14) / 3.5, (even - 0.5) / 0.29, (minutes - 9.5) / 3.2,
                       (marinade - 0.5) / 0.29, F.one_hot(skewer, 3).float()], 1)
    x = torch.cat([F.one_hot(typ, KB_TYPES).float(), ((size - 3) / 0.58).unsqueeze(2),
                   grill.unsqueeze(1).expand(-1, KB_PIECES, -1)], 2)
    return x, y


class SkewerTransformer(nn.Module):
    """A Post-LN transformer encoder over the skewer's pieces (learned positions), a linear head per piece."""

    def __init__(self, d: int = 32, layers: int = 2, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(15, d)
        self.pos = nn.Parameter(torch.zeros(1, KB_PIECES, d))
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(self.embed(x) + self.pos))


def skewer_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised core temperatures and weight losses of every piece."""
    return _mse(model, batch)


def kebab_skewer(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32,
                 layers: int = 2) -> dict[str, Any]:
    """The skewer transformer on 2048 grillings, targets standardised over them; held out: 2048 other grillings in
    batches of 1024; AdamW."""
    gen = torch.Generator().manual_seed(182104)
    x, y = _kb_skewers(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SkewerTransformer(d, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": skewer_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. falafel frying crust (residual MLP with LayerNorm, RMSprop)


def _ff_fryings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Falafel deep-fried. The chickpeas soaked raw, canned (cooked) or a half mix; herbs 0-30%; baking soda 0-1.5%;
    flour binder 0-10%; moisture 0.45-0.62; balls of 2.5-4.5 cm or patties (a thinner half-thickness); oil 160-190 C;
    2-6 min. Crust: the evaporation front's depth sqrt(2 k (T_oil - 100) t / (rho w h_fg)) (k 0.12 W/m K for the
    dry crust, rho 1100 (1 - 0.25 soda), h_fg 2.26 MJ/kg), capped at the half-thickness; the core: 20 C following
    98 C with a time constant 0.055 (half-thickness in mm)^2 s (cooked chickpeas conduct better) after the crust's
    start; oil: 3% plus 45% of the crust's volume fraction times its porosity (soda, cooked chickpeas, less flour:
    more porous); L*: 72 less 32 (1 - exp(-rate t)), the rate Arrhenius-like in the oil's temperature, higher with
    flour and herbs' sugars, lower when wet. Scatter 1% on crust and oil, 0.3 C, 0.3 L*. Returns (features (n, 11),
    outputs (n, 4): crust (mm), core (C), oil (%), L*)."""
    prep = torch.randint(0, 3, (n,), generator=gen)
    cooked = torch.tensor([0.0, 1.0, 0.5])[prep]
    herbs = 0.3 * torch.rand(n, generator=gen)
    soda = 1.5 * torch.rand(n, generator=gen)
    binder = 10 * torch.rand(n, generator=gen)
    water = 0.45 + 0.17 * torch.rand(n, generator=gen)
    dia = 2.5 + 2 * torch.rand(n, generator=gen)
    patty = (torch.rand(n, generator=gen) < 0.3).float()
    temp = 160 + 30 * torch.rand(n, generator=gen)
    time = 120 + 240 * torch.rand(n, generator=gen)
    half = dia / 2 * (1 - 0.5 * patty) * 10  # mm
    rho = 1100 * (1 - 0.25 * soda / 1.5)
    crust = 1000 * torch.sqrt(2 * 0.12 * (temp - 100) * time / (rho * water * 2.26e6))
    crust = torch.minimum(crust * (1 + 0.3 * cooked), 0.8 * half)
    tau = 0.6 * half**2 / (1 + 0.3 * cooked)
    core = 98 - 78 * torch.exp(-torch.relu(time - 10) / tau)
    frac = 1 - (1 - crust / half) ** (3 - 2 * patty)
    poro = (1 + 0.4 * soda) * (1 + 0.5 * cooked) / (1 + 0.05 * binder)
    oil = 3 + 45 * frac * poro
    rate = 0.004 * torch.exp((temp - 175) / 12) * (1 + 0.04 * binder + 1.5 * herbs) * (0.55 / water) ** 2
    light = 72 - 32 * (1 - torch.exp(-rate * time))
    y = torch.stack([crust * torch.exp(0.01 * torch.randn(n, generator=gen)),
                     core + 0.3 * torch.randn(n, generator=gen),
                     oil * torch.exp(0.01 * torch.randn(n, generator=gen)),
                     light + 0.3 * torch.randn(n, generator=gen)], 1)
    x = torch.cat([F.one_hot(prep, 3).float(), torch.stack([
        (herbs - 0.15) / 0.087, (soda - 0.75) / 0.43, (binder - 5) / 2.9, (water - 0.535) / 0.049, (dia - 3.5) / 0.58,
        2 * patty - 1, (temp - 175) / 8.7, (time - 240) / 69], 1)], 1)
    return x, y


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class CrustNet(nn.Module):
    """An input layer, two residual blocks, a final LayerNorm and a linear head to the four outputs."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(11, width)
        self.blocks = nn.Sequential(*(ResBlock(width) for _ in range(blocks)))
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.blocks(self.inp(x)))


def crust_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised crust, core temperature, oil and lightness."""
    return _mse(model, batch)


def falafel_crust(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 48,
                  blocks: int = 2) -> dict[str, Any]:
    """The crust net on 1024 fryings, targets standardised over them; held out: 2048 other fryings in batches of
    1024; RMSprop."""
    gen = torch.Generator().manual_seed(182105)
    x, y = _ff_fryings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrustNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": crust_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. licorice extrusion die swell (grey-box, Adagrad; long only)

LQ_LOTS = 40


def _lq_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Licorice rope extruded through a single die hole. The dough: wheat flour from one of 40 lots (each with its
    own gluten strength), moisture 0.14-0.22, molasses 0.2-0.4, gelatin / gum 0-3%; the barrel at 80-110 C; the
    throughput 2-12 cm3/s; the die 3-8 mm across with a land of L/D 2-20. Power law: K = 9000 exp(3500 (1/T -
    1/368)) exp(-14 (w - 0.18)) exp(-1.5 (molasses - 0.3)) exp(lot) Pa s^n, n = 0.32 + 0.8 (w - 0.14) + 0.1 molasses;
    the wall shear rate 32 Q / (pi D^3) (3n + 1) / 4n, the wall stress K gamma^n, the pressure drop tau (4 L / D +
    e) with the entrance term e = 6 + 4 S; the relaxation time lambda = 0.12 exp(4000 (1/T - 1/368)) (1 + 0.4 gel)
    exp(-8 (w - 0.18)) exp(0.6 lot) s; the recoverable shear S = lambda gamma (0.35 + 0.65 exp(-t_land / lambda)),
    t_land the land's residence time; Tanner's swell B = 0.1 + (1 + S^2 / 2)^(1/6). Scatter 3% on the pressure, 0.004
    on the swell. Returns (the lot (n,), the dough and barrel (n, 4): w, molasses, gelatin, T (standardised), the
    process (n, 3): the Newtonian wall shear rate, L/D and the land's residence time, outputs (n, 2): log pressure
    (bar), swell ratio)."""
    lot_gen = torch.Generator().manual_seed(1821060)
    lot_k = 0.3 * torch.randn(LQ_LOTS, generator=lot_gen)
    lot = torch.randint(0, LQ_LOTS, (n,), generator=gen)
    w = 0.14 + 0.08 * torch.rand(n, generator=gen)
    mol = 0.2 + 0.2 * torch.rand(n, generator=gen)
    gel = 3 * torch.rand(n, generator=gen)
    temp = 80 + 30 * torch.rand(n, generator=gen)
    q = 2 + 6 * torch.rand(n, generator=gen)
    d = 4 + 4 * torch.rand(n, generator=gen)
    ld = 2 + 18 * torch.rand(n, generator=gen)
    tk = temp + 273.15
    lk = lot_k[lot]
    k = 2000 * torch.exp(3500 * (1 / tk - 1 / 368)) * torch.exp(-14 * (w - 0.18)) * torch.exp(-1.5 * (mol - 0.3)) \
        * torch.exp(lk)
    nn_ = 0.32 + 0.8 * (w - 0.14) + 0.1 * mol
    lam = (0.003 * torch.exp(4000 * (1 / tk - 1 / 368)) * (1 + 0.4 * gel) * torch.exp(-8 * (w - 0.18))
           * torch.exp(0.6 * lk))
    proc = torch.stack([32 * q * 1e-6 / (math.pi * (d / 1000) ** 3), ld, ld * (d / 1000) * math.pi * (d / 1000) ** 2
                        / (4 * q * 1e-6)], 1)
    dp, swell = _lq_physics(k, nn_, lam, proc)
    y = torch.stack([torch.log(dp) + 0.03 * torch.randn(n, generator=gen),
                     swell + 0.004 * torch.randn(n, generator=gen)], 1)
    dough = torch.stack([(w - 0.18) / 0.023, (mol - 0.3) / 0.058, (gel - 1.5) / 0.87, (temp - 95) / 8.7], 1)
    return lot, dough, proc, y


def _lq_physics(k: torch.Tensor, n: torch.Tensor, lam: torch.Tensor,
                proc: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Capillary flow of a power-law dough through the die: (pressure drop in bar, Tanner's swell ratio). ``proc``:
    the Newtonian wall shear rate 32 Q / (pi D^3) (1/s), the land's L/D and its residence time L / v (s)."""
    gamma = proc[:, 0] * (3 * n + 1) / (4 * n)
    tau = k * gamma**n
    s = lam * gamma * (0.35 + 0.65 * torch.exp(-proc[:, 2] / lam))
    dp = tau * (4 * proc[:, 1] + 6 + 4 * s) / 1e5
    swell = 0.1 + (1 + s**2 / 2) ** (1 / 6)
    return dp, swell


class SwellGreyBox(nn.Module):
    """A small net and a flour-lot embedding give log K, n and log lambda; the capillary-flow equations and Tanner's
    swell law turn them into the pressure drop and the swell, standardised with the training pool's statistics."""

    def __init__(self, mean: torch.Tensor, sd: torch.Tensor, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, hidden), nn.Tanh(), nn.Linear(hidden, 3))
        self.lot = nn.Embedding(LQ_LOTS, 3)
        nn.init.zeros_(self.lot.weight)
        self.register_buffer("mean", mean)
        self.register_buffer("sd", sd)

    def forward(self, lot: torch.Tensor, dough: torch.Tensor, proc: torch.Tensor) -> torch.Tensor:
        z = self.net(dough) + self.lot(lot)
        k = 2000 * torch.exp(z[:, 0])
        n = 0.25 + 0.5 * torch.sigmoid(z[:, 1])
        lam = 0.003 * torch.exp(z[:, 2])
        dp, swell = _lq_physics(k, n, lam, proc)
        return (torch.stack([torch.log(dp), swell], 1) - self.mean) / self.sd


def swell_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log pressure and swell."""
    lot, dough, proc, y = batch
    return F.mse_loss(model(lot, dough, proc), y)


def licorice_swell(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 16) -> dict[str, Any]:
    """The grey-box swell model on 4096 extrusion runs, targets standardised over them; held out: 2048 other runs
    in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(182106)
    lot, dough, proc, y = _lq_runs(train_size + 2048, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (lot[:train_size], dough[:train_size], proc[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwellGreyBox(mean, sd, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((lot[train_size:], dough[train_size:], proc[train_size:], y[train_size:]),
                                       1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": swell_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("risotto_starch_adam", risotto_starch, 300, "risotto_stirring_starch_leach_viscosity_gru", "adam", "finite", 64,
      seconds=1.2, start_lr=0.128),
    W("gnocchi_float_nesterov", gnocchi_float, 300, "gnocchi_boil_float_time_pot_trace_cnn1d", "sgd_nesterov0.9",
      "finite", 64, seconds=0.9, start_lr=0.05),
    W("falafel_crust_rmsprop", falafel_crust, 300, "falafel_frying_crust_front_resmlp_ln", "rmsprop", "finite", 64,
      seconds=0.8, start_lr=0.008),
    W("kebab_skewer_adamw", kebab_skewer, 300, "kebab_skewer_grill_heating_postln_transformer", "adamw", "finite",
      32, seconds=1.5, start_lr=0.016),
)
LONG = (
    W("tempura_oil_adagrad@long", tempura_oil, 3000, "tempura_batter_oil_uptake_embedding_net", "adagrad", "finite",
      32, seconds=3.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("licorice_swell_adagrad@long", licorice_swell, 3000, "licorice_extrusion_tanner_die_swell_greybox", "adagrad",
      "finite", 8, seconds=4.5, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("falafel_crust_rmsprop@long", falafel_crust, 3000, "falafel_frying_crust_front_resmlp_ln", "rmsprop", "finite",
      32, dict(train_size=8192, width=32, blocks=1), seconds=4.0, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="falafel_crust_rmsprop"),
    W("gnocchi_float_nesterov@long", gnocchi_float, 3000, "gnocchi_boil_float_time_pot_trace_cnn1d", "sgd_nesterov0.9",
      "finite", 32, dict(train_size=8192, width=8, convs=2, scatter=0.3), seconds=5.0, start_lr=0.04,
      grid_fractions=(0.0, 0.05), long_of="gnocchi_float_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam182_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-second exam's workloads")
