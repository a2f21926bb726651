"""The thirty-seventh exam: six more workload families that neither the suite nor exams 1-36 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam36_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from veterinary and animal
science, archaeology and cultural heritage, textiles and fashion, demography and population studies, news media
and nuclear engineering / fusion (exam 38 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam37/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- genomic prediction of a dairy trait with DeepGS (Ma et al. 2018; a long plan only): a 1-d CNN over the SNP
  genotypes (coded -1, 0, 1; 8 filters of width 18, max-pooling of 4, dropout 0.2, a dense layer of 32 with
  dropout 0.1, one output) regressing the cow's standardised phenotype; genotypes of a cattle-like population with
  linkage disequilibrium (mosaics of founder haplotypes, 384 SNPs), a trait from additive, dominance and epistatic
  QTL effects at heritability 0.5; MSE; SGD with momentum 0.5 and weight decay 1e-5 (DeepGS's defaults, from memory)
- restoring damaged inscriptions with Pythia (Assael, Sommerschield & Prag 2019): characters of an ancient-Greek-like
  transliterated dedication or honorific text, a damaged span shown as '?', a bidirectional LSTM over character
  embeddings predicting each missing character (Pythia also reads words and decodes with an LSTM: simplified to a
  per-position softmax); cross-entropy over the missing characters; Adam (from memory)
- name-based ethnicity classification as ethnicolr (Sood & Laohaprapanon 2018): a character LSTM over a person's
  full name (left-padded, as Keras's ``pad_sequences``) to a softmax over five origin groups; names from
  group-specific syllable inventories that overlap, assimilated first names, census-like class shares;
  cross-entropy; Adam (ethnicolr's Keras code, from memory)
- tokamak disruption prediction with FRNN (Kates-Harbeck, Svyatkovskiy & Tang 2019): an LSTM over six normalised
  0-d plasma signals (plasma current, locked-mode amplitude, internal inductance, radiated-power fraction,
  Greenwald density fraction, q95; 48 samples of a shot's flat-top) with a per-time-step output, trained on
  per-step targets (1 inside the warning window before a disruption); binary cross-entropy; Adam (FRNN's, from
  memory)
- size and fit of clothing from customers' fit feedback (Misra, Wan & McAuley 2018, after Sembium et al. 2017; a
  long plan only): latent "true size" vectors of customers and catalogue sizes, a fit score ``<w, [alpha, b_c,
  b_p, u_c * v_p]>`` and an ordinal (cumulative-logit) output over small / fit / large; plain SGD with weight decay
  1e-5 (Sembium et al.'s SGD, from memory)
- news recommendation with NRMS (Wu et al. 2019): a news encoder (word embeddings, multi-head
  self-attention, additive attention) over titles, a user encoder (multi-head self-attention and additive
  attention over the clicked titles), dot-product click scores; NRMS's loss, the cross-entropy of the clicked
  article among it and 4 sampled non-clicked ones; batch 16 impressions; Adam (NRMS's)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the fit model and
DeepGS (no short plans), the name classifier on 16384 names instead of 4096 and FRNN on 8192 shots instead of 2048.

Of the eight plans, six use plain Adam (Pythia, NRMS, both name-classifier plans, both FRNN plans), one SGD with
momentum 0.5 (DeepGS) and one plain SGD (the fit model).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam37_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam37/README.md).

    python benchmarks/exam37_workloads.py          # the table
    python benchmarks/exam37_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 37"


# --------------------------------------------------------------------------------------------------------------
# 1. genomic prediction of a dairy trait with DeepGS (SGD with momentum)

GS_SNPS, GS_FOUNDERS, GS_QTL = 384, 24, 60


def _gs_population(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Genotypes and phenotypes of ``n`` cows of one breed: each haplotype a mosaic of 24 founder haplotypes
    (founder allele frequencies U[0.05, 0.5], a switch to another founder with probability 0.03 per SNP: linkage
    disequilibrium over tens of SNPs), genotypes 0 / 1 / 2 coded -1 / 0 / 1 (DeepGS's coding). The trait: 60 QTL
    at fixed SNPs with additive effects N(0, 1), dominance effects N(0, 0.3^2) and 20 epistatic pairs N(0, 0.3^2),
    the genetic value standardised over the breed, heritability 0.5; the phenotype standardised."""
    tg = torch.Generator().manual_seed(37101)
    freq = 0.05 + 0.45 * torch.rand(GS_SNPS, generator=tg)
    founders = (torch.rand(GS_FOUNDERS, GS_SNPS, generator=tg) < freq).float()
    qtl = torch.randperm(GS_SNPS, generator=tg)[:GS_QTL]
    add = torch.randn(GS_QTL, generator=tg)
    dom = 0.3 * torch.randn(GS_QTL, generator=tg)
    pairs = torch.randint(0, GS_QTL, (20, 2), generator=tg)
    epi = 0.3 * torch.randn(20, generator=tg)

    def haplotypes() -> torch.Tensor:
        seg = torch.cumsum((torch.rand(n, GS_SNPS, generator=gen) < 0.03).long(), 1)
        which = torch.randint(0, GS_FOUNDERS, (n, GS_SNPS), generator=gen).gather(1, seg.clamp_max(GS_SNPS - 1))
        return founders[which, torch.arange(GS_SNPS).expand(n, GS_SNPS)]

    geno = haplotypes() + haplotypes()
    q = geno[:, qtl] - 1
    g = q @ add + (q == 0).float() @ dom + (q[:, pairs[:, 0]] * q[:, pairs[:, 1]]) @ epi
    g = (g - g.mean()) / g.std()
    y = math.sqrt(0.5) * g + math.sqrt(0.5) * torch.randn(n, generator=gen)
    return (geno - 1).unsqueeze(1), (y - y.mean()) / y.std()


class DeepGS(nn.Module):
    """DeepGS (Ma et al. 2018): a convolution of 8 filters of width 18 over the genotypes, ReLU, max-pooling of 4
    (stride 4), dropout 0.2, a dense layer of 32 with ReLU and dropout 0.1, one output."""

    def __init__(self, filters: int = 8, hidden: int = 32) -> None:
        super().__init__()
        pooled = (GS_SNPS - 17) // 4
        self.net = nn.Sequential(nn.Conv1d(1, filters, 18), nn.ReLU(), nn.MaxPool1d(4, 4), nn.Dropout(0.2),
                                 nn.Flatten(), nn.Linear(filters * pooled, hidden), nn.ReLU(), nn.Dropout(0.1),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def phenotype_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised phenotype."""
    x, y = batch
    return F.mse_loss(model(x), y)


def deepgs(batch_size: int = 32, seed: int = 0, train_size: int = 2000) -> dict[str, Any]:
    """DeepGS on a reference population of 2000 genotyped cows with phenotypes; held out: 1000 other cows (the
    validation animals) in batches of 500; SGD with momentum 0.5 and weight decay 1e-5 (DeepGS's defaults)."""
    gen = torch.Generator().manual_seed(37102)
    x, y = _gs_population(train_size + 1000, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DeepGS(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 500),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.5, weight_decay=1e-5),
                                "sgd_momentum0.5_wd1e-5"),
            "loss_fn": phenotype_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. restoring damaged inscriptions with Pythia (Adam)

PY_ALPHA = "abcdefghijklmnopqrstuvwxyz "  # 27 characters; index 27 is the damage mark '?'
PY_LEN = 32


def _py_lexicon() -> dict[str, list[str]]:
    """A fixed lexicon of a dedicatory and honorific corpus: personal names built from Greek-like syllables, gods
    in the dative, verbs, offerings, demotics."""
    tg = torch.Generator().manual_seed(37201)
    syl = ["ni", "ki", "a", "phi", "lo", "de", "mo", "kra", "te", "ar", "is", "to", "ge", "ne", "ka", "li", "sthe",
           "xe", "no", "pho", "ly", "si", "thra", "sy", "bu", "dio", "her", "me", "ti", "kle", "an", "dro", "ze", "eu"]
    names = []
    for _ in range(60):
        k = 2 + int(torch.randint(0, 2, (), generator=tg))
        stem = "".join(syl[int(i)] for i in torch.randint(0, len(syl), (k,), generator=tg))
        names.append(stem)
    return {"names": names,
            "gods": ["apolloni", "athenai", "artemidi", "dii", "hermei", "herakleei", "demetri", "dionysoi"],
            "verbs": ["anetheken", "anethekan", "epoiesen", "hidrusato"],
            "objects": ["ton tripoda", "ten phialen", "to agalma", "ton bomon", "ten stelen", "ta propylaia"],
            "demes": ["athmoneus", "acharneus", "kephisieus", "marathonios", "paianieus", "eleusinios"]}


def _py_texts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Inscriptions from three formulae (a dedication "X son of Y dedicated O to G", an honorific "the council and
    the people honoured X son of Y of deme D", a funerary "X son of Y of deme D, farewell"), names drawn with
    Zipf-like frequencies; a 32-character window of each text; one damaged span of 1-8 characters, shown as '?'.
    Returns (characters with the damage, targets: the lost characters, -100 elsewhere)."""
    lex = _py_lexicon()
    names = lex["names"]
    w = 1 / torch.arange(1, len(names) + 1).float()

    def pick(key: str) -> str:
        items = lex[key]
        return items[int(torch.randint(0, len(items), (), generator=gen))]

    def name() -> str:
        return names[int(torch.multinomial(w, 1, generator=gen))]

    xs, ys = [], []
    for _ in range(n):
        kind = int(torch.randint(0, 3, (), generator=gen))
        a, b = name(), name()
        if kind == 0:
            text = f"{a}os {b}ou {pick('verbs')} {pick('objects')} {pick('gods')}"
        elif kind == 1:
            text = f"he boule kai ho demos etimesen {a}on {b}ou {pick('demes')}"
        else:
            text = f"{a}es {b}ou {pick('demes')} chaire"
        start = int(torch.randint(0, max(1, len(text) - PY_LEN + 1), (), generator=gen))
        text = text[start : start + PY_LEN].ljust(PY_LEN)
        chars = torch.tensor([PY_ALPHA.index(c) for c in text])
        span = 1 + int(torch.randint(0, 8, (), generator=gen))
        at = int(torch.randint(0, PY_LEN - span + 1, (), generator=gen))
        x, y = chars.clone(), torch.full((PY_LEN,), -100)
        x[at : at + span] = len(PY_ALPHA)
        y[at : at + span] = chars[at : at + span]
        xs.append(x)
        ys.append(y)
    return torch.stack(xs), torch.stack(ys)


class Pythia(nn.Module):
    """Pythia's character encoder (Assael et al. 2019), simplified: character embeddings, a bidirectional LSTM, and
    a softmax over the alphabet at every position (Pythia's attentional LSTM decoder and word inputs left out)."""

    def __init__(self, emb: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(len(PY_ALPHA) + 1, emb)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(PY_ALPHA))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.lstm(self.emb(x))[0])


def restoration_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the missing characters (the mean over every damaged position in the batch)."""
    x, y = batch
    return F.cross_entropy(model(x).flatten(0, 1), y.flatten(), ignore_index=-100)


def pythia(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """Pythia on 4096 damaged texts; held out: 1024 other texts in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(37202)
    x, y = _py_texts(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": Pythia(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": restoration_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. name-based ethnicity classification as ethnicolr (Adam)

NM_LEN, NM_GROUPS = 20, 5
NM_CHARS = "abcdefghijklmnopqrstuvwxyz "


def _nm_names(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Full names ("first last") of people of five origin groups with census-like shares (0.55, 0.2, 0.12, 0.08,
    0.05): each group has its own syllable inventory (32 syllables, 12 shared with a neighbouring group)
    and name endings; surnames of 2-3 syllables, with probability 0.4 an ending; a first name from the group's own
    first-name list or, with probability 0.5, from a common (assimilated) list; characters left-padded to 20 (Keras's
    ``pad_sequences``). Returns (character indices, 0 = padding; group)."""
    tg = torch.Generator().manual_seed(37301)
    letters = "bcdfghjklmnprstvwz"
    vowels = "aeiou"

    def syllable(g: torch.Generator) -> str:
        c = letters[int(torch.randint(0, len(letters), (), generator=g))]
        v = vowels[int(torch.randint(0, len(vowels), (), generator=g))]
        if float(torch.rand((), generator=g)) < 0.3:
            v += vowels[int(torch.randint(0, len(vowels), (), generator=g))]
        return c + v

    inv = [[syllable(tg) for _ in range(32)] for _ in range(NM_GROUPS)]
    for k in range(NM_GROUPS):
        inv[k][:12] = inv[(k + 1) % NM_GROUPS][12:24]
    ends = [["son", "er", "ley"], ["ez", "es", "o"], ["ski", "ak", "ov"], ["ng", "an", "u"], ["ine", "elle", "et"]]
    firsts = [[syllable(tg) + syllable(tg) for _ in range(30)] for _ in range(NM_GROUPS)]
    common = [syllable(tg) + syllable(tg) for _ in range(40)]
    share = torch.tensor([0.55, 0.2, 0.12, 0.08, 0.05])
    groups = torch.multinomial(share, n, replacement=True, generator=gen)
    xs = []
    for k in groups.tolist():
        m = 2 + int(torch.randint(0, 2, (), generator=gen))
        sur = "".join(inv[k][int(i)] for i in torch.randint(0, 32, (m,), generator=gen))
        if float(torch.rand((), generator=gen)) < 0.4:
            sur += ends[k][int(torch.randint(0, 3, (), generator=gen))]
        pool = common if float(torch.rand((), generator=gen)) < 0.5 else firsts[k]
        first = pool[int(torch.randint(0, len(pool), (), generator=gen))]
        text = (first + " " + sur)[-NM_LEN:]
        idx = [NM_CHARS.index(c) + 1 for c in text]
        xs.append(torch.tensor([0] * (NM_LEN - len(idx)) + idx))
    return torch.stack(xs), groups


class NameLSTM(nn.Module):
    """ethnicolr's model (Sood & Laohaprapanon 2018), smaller: a character embedding, an LSTM (ethnicolr: 256 units
    with dropout 0.2; here 32 with dropout 0.2 on its last state), a dense softmax over the groups."""

    def __init__(self, emb: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(len(NM_CHARS) + 1, emb)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True)
        self.drop = nn.Dropout(0.2)
        self.out = nn.Linear(hidden, NM_GROUPS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.drop(self.lstm(self.emb(x))[0][:, -1]))


def group_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """The categorical cross-entropy of the origin group."""
    x, g = batch
    return F.cross_entropy(model(x), g)


def name_lstm(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The name classifier on 4096 labelled names (a voter file's sample); held out: 2048 other names in batches of
    1024; Adam (ethnicolr's Keras default)."""
    gen = torch.Generator().manual_seed(37302)
    x, g = _nm_names(train_size + 2048, gen)
    tr = (x[:train_size], g[:train_size])
    torch.manual_seed(seed)
    return {"model": NameLSTM(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], g[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": group_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. tokamak disruption prediction with FRNN (Adam)

FR_T, FR_SIG, FR_WARN = 48, 6, 10


def _fr_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Windows of 48 samples of the flat-top of tokamak shots, six normalised 0-d signals: plasma current,
    locked-mode amplitude, internal inductance li, radiated-power fraction, Greenwald fraction, q95. A shot
    disrupts at the window's end with probability 0.3 + 0.4 risk (risk higher at low q95 and high density); its
    precursor starts 10-30 samples before it: a locked mode growing exponentially, radiated power and li rising,
    in half of them the density climbing to the Greenwald limit, the current dropping in the last samples. A
    third of the quiet shots have a harmless transient (a mode that grows and decays). Noise sd 0.3 on every
    signal. Targets: 1 on the last 10 samples of a disruptive shot (FRNN's warning window), 0 elsewhere."""
    t = torch.arange(FR_T).float().view(1, -1)
    q95 = 3 + 3 * torch.rand(n, 1, generator=gen)
    fg = 0.3 + 0.5 * torch.rand(n, 1, generator=gen)
    risk = torch.sigmoid(2.0 * (3.8 - q95) + 4.0 * (fg - 0.6))
    disrupt = (torch.rand(n, 1, generator=gen) < 0.3 + 0.4 * risk).float()
    lead = 10 + 20 * torch.rand(n, 1, generator=gen)
    onset = FR_T - 1 - lead
    grow = F.relu(t - onset)
    rate = 0.08 + 0.12 * torch.rand(n, 1, generator=gen)
    density_limit = (torch.rand(n, 1, generator=gen) < 0.5).float()
    mode = disrupt * (torch.exp(rate * grow) - 1).clamp_max(8)
    bump_at = FR_T * torch.rand(n, 1, generator=gen)
    bump = (torch.rand(n, 1, generator=gen) < 0.33).float() * (1 - disrupt) * 2.5 * torch.exp(
        -0.5 * ((t - bump_at) / 3) ** 2)
    ip = 1 - disrupt * 0.3 * F.relu(t - (FR_T - 4)) / 4
    locked = mode + bump
    li = 0.9 + 0.1 * torch.rand(n, 1, generator=gen) + disrupt * 0.03 * grow
    prad = 0.3 + 0.2 * torch.rand(n, 1, generator=gen) + disrupt * 0.04 * grow * (0.5 + density_limit)
    dens = fg + disrupt * density_limit * 0.02 * grow
    q = q95 + 0 * t
    x = torch.stack([ip, locked, (li - 1) * 5, (prad - 0.4) * 5, (dens - 0.6) * 4, (q - 4.5) / 1.5], 2)
    x = x + 0.3 * torch.randn(n, FR_T, FR_SIG, generator=gen)
    y = disrupt * (t >= FR_T - FR_WARN).float()
    return x, y


class FRNN(nn.Module):
    """FRNN's recurrent model (Kates-Harbeck et al. 2019), smaller: an LSTM over the 0-d signals (FRNN: two layers of
    200 units; here one of 32) and a dense output at every time step (a disruption score)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(FR_SIG, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.lstm(x)[0]).squeeze(2)


def disruption_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the per-step targets, averaged over the time steps and shots."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def frnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """FRNN on 2048 shot windows; held out: 1024 other shots in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(37402)
    x, y = _fr_shots(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FRNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": disruption_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. size and fit of clothing from fit feedback (plain SGD; long only)

SF_CUST, SF_ARTICLES, SF_SIZES, SF_DIMS = 2000, 120, 6, 3


def _sf_catalogue() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A fixed catalogue and clientele: 2000 customers with three body measurements (bust, waist, hip; correlated,
    in size units); 120 articles in three categories (tops: bust; trousers: waist and hip; dresses: all three),
    each with a brand offset (vanity sizing, sd 0.6 size) and a cut, in six catalogue sizes (720 products).
    Returns (customers' measurements, products' measurements, products' category weights)."""
    g = torch.Generator().manual_seed(37501)
    base = 2.5 + 1.2 * torch.randn(SF_CUST, 1, generator=g)
    body = base + 0.5 * torch.randn(SF_CUST, SF_DIMS, generator=g)
    cat = torch.randint(0, 3, (SF_ARTICLES,), generator=g)
    weights = torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.4, 0.3, 0.3]])[cat]
    offset = 0.6 * torch.randn(SF_ARTICLES, 1, generator=g)
    cut = 0.3 * torch.randn(SF_ARTICLES, SF_DIMS, generator=g)
    size = torch.arange(SF_SIZES).float().view(1, -1, 1)
    prod = (size + offset.unsqueeze(1) + cut.unsqueeze(1)).reshape(-1, SF_DIMS)
    return body, prod, weights.repeat_interleave(SF_SIZES, 0)


def _sf_transactions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Purchases with fit feedback: a customer (activity Zipf-like), an article, a size chosen near the customer's
    overall size (the label she believes fits, +-1 at times); the outcome from the category-weighted difference
    between the body and the garment plus logistic noise (scale 0.35): "small" (0) if the garment is more than 0.7
    size too small, "large" (2) if more than 0.7 too large, else "fit" (1)."""
    body, prod, weights = _sf_catalogue()
    act = 1 / torch.arange(1, SF_CUST + 1).float() ** 0.5
    c = torch.multinomial(act, n, replacement=True, generator=gen)
    a = torch.randint(0, SF_ARTICLES, (n,), generator=gen)
    guess = body[c].mean(1) + 0.7 * torch.randn(n, generator=gen)
    s = guess.round().clamp(0, SF_SIZES - 1).long()
    p = a * SF_SIZES + s
    d = ((body[c] - prod[p]) * weights[p]).sum(1)
    u = torch.rand(n, generator=gen).clamp(1e-6, 1 - 1e-6)
    d = d + 0.35 * torch.log(u / (1 - u))
    y = torch.where(d > 0.7, 0, torch.where(d < -0.7, 2, 1))
    return c, p, y


class FitModel(nn.Module):
    """Misra et al.'s (2018) fit model without its metric-learning prototypes: latent true-size vectors ``u_c`` of
    customers and ``v_p`` of products (k = 8), biases, the fit score ``<w, [alpha, b_c, b_p, u_c * v_p]>`` and a
    cumulative-logit output with two ordered thresholds (small < fit < large)."""

    def __init__(self, k: int = 8) -> None:
        super().__init__()
        self.u = nn.Embedding(SF_CUST, k)
        self.v = nn.Embedding(SF_ARTICLES * SF_SIZES, k)
        self.bc = nn.Embedding(SF_CUST, 1)
        self.bp = nn.Embedding(SF_ARTICLES * SF_SIZES, 1)
        nn.init.zeros_(self.bc.weight)
        nn.init.zeros_(self.bp.weight)
        self.w = nn.Linear(k + 3, 1, bias=False)
        self.alpha = nn.Parameter(torch.ones(1))
        self.theta = nn.Parameter(torch.tensor([-1.0, 0.0]))  # the first threshold and the log of the gap

    def forward(self, c: torch.Tensor, p: torch.Tensor) -> torch.Tensor:
        feats = torch.cat([self.alpha.expand(len(c), 1), self.bc(c), self.bp(p), self.u(c) * self.v(p)], 1)
        f = self.w(feats).squeeze(1)
        t1 = self.theta[0]
        t2 = t1 + torch.exp(self.theta[1])
        c1, c2 = torch.sigmoid(t1 - f), torch.sigmoid(t2 - f)  # P(y <= small), P(y <= fit)
        return torch.stack([c1, c2 - c1, 1 - c2], 1).clamp_min(1e-7).log()


def ordinal_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative log-likelihood of the fit outcome under the cumulative-logit model."""
    c, p, y = batch
    return F.nll_loss(model(c, p), y)


def fit_model(batch_size: int = 64, seed: int = 0, train_size: int = 30000) -> dict[str, Any]:
    """The fit model on 30,000 purchases with fit feedback; held out: 5000 other purchases of the same clientele and
    catalogue in batches of 2500; plain SGD with weight decay 1e-5 (Sembium et al. fit their model by SGD)."""
    gen = torch.Generator().manual_seed(37502)
    c, p, y = _sf_transactions(train_size + 5000, gen)
    tr = (c[:train_size], p[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FitModel(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], p[train_size:], y[train_size:]), 2500),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, weight_decay=1e-5), "sgd_wd1e-5"),
            "loss_fn": ordinal_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. news recommendation with NRMS (Adam; long only)

NR_VOCAB, NR_TOPICS, NR_NEWS, NR_TITLE, NR_HIST, NR_NEG = 440, 8, 1500, 6, 5, 4


def _nr_corpus() -> tuple[torch.Tensor, torch.Tensor]:
    """A fixed news corpus: 1500 articles in 8 topics, each title 6 words, 75% from its topic's 40 words (Zipf-like)
    and 25% from 120 common words. Returns (titles as word ids, topics)."""
    g = torch.Generator().manual_seed(37601)
    topic = torch.randint(0, NR_TOPICS, (NR_NEWS,), generator=g)
    zipf = 1 / torch.arange(1, 41).float()
    own = torch.multinomial(zipf, NR_NEWS * NR_TITLE, replacement=True, generator=g).view(NR_NEWS, NR_TITLE)
    own = 120 + topic.unsqueeze(1) * 40 + own
    common = torch.randint(0, 120, (NR_NEWS, NR_TITLE), generator=g)
    mix = torch.rand(NR_NEWS, NR_TITLE, generator=g) < 0.75
    return torch.where(mix, own, common), topic


def _nr_impressions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Impressions of ``n`` users: each user's interests over the topics uniform draws to the fourth
    power, normalised (a few topics dominate); 5 clicked articles drawn by interest; then an impression of 5
    articles (1 clicked, 4 not, NRMS's negative sampling): the candidates drawn at random, the clicked one by a
    softmax of 12x the log of the user's interest in their topics. Returns (history ids, candidate ids, the clicked
    candidate's index)."""
    titles, topic = _nr_corpus()
    interest = torch.rand(n, NR_TOPICS, generator=gen) ** 4
    interest = interest / interest.sum(1, keepdim=True)
    by_topic = [torch.nonzero(topic == k).squeeze(1) for k in range(NR_TOPICS)]
    hist_topics = torch.multinomial(interest, NR_HIST, replacement=True, generator=gen)
    hist = torch.stack([by_topic[k][int(torch.randint(0, len(by_topic[k]), (), generator=gen))]
                        for k in hist_topics.flatten().tolist()]).view(n, NR_HIST)
    cand = torch.randint(0, NR_NEWS, (n, 1 + NR_NEG), generator=gen)
    logits = 12 * torch.log(interest.gather(1, topic[cand]) + 1e-3)
    clicked = torch.multinomial(torch.softmax(logits, 1), 1, generator=gen).squeeze(1)
    return hist, cand, clicked


class SelfAttention(nn.Module):
    """NRMS's multi-head self-attention: per-head query, key and value projections, scaled dot-product attention,
    the heads concatenated (no output projection, as in NRMS)."""

    def __init__(self, dim: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        n, t, d = h.shape
        q, k, v = self.qkv(h).view(n, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = torch.softmax((q.unsqueeze(3) * k.unsqueeze(2)).sum(-1) / math.sqrt(d // self.heads), -1)
        return (a.unsqueeze(-1) * v.unsqueeze(2)).sum(3).transpose(1, 2).reshape(n, t, d)


class NRMS(nn.Module):
    """NRMS (Wu et al. 2019), small: a news encoder (word embeddings of 32, dropout 0.2, 4-head self-attention,
    additive attention with a query of 16) and a user encoder (4-head self-attention over the clicked
    news vectors, additive attention); the click score is the dot product of the user and candidate vectors."""

    def __init__(self, dim: int = 32, heads: int = 4, query: int = 16) -> None:
        super().__init__()
        titles, _ = _nr_corpus()
        self.register_buffer("titles", titles)
        self.emb = nn.Embedding(NR_VOCAB, dim)
        self.drop = nn.Dropout(0.2)
        self.word_att = SelfAttention(dim, heads)
        self.word_pool = nn.Sequential(nn.Linear(dim, query), nn.Tanh(), nn.Linear(query, 1, bias=False))
        self.news_att = SelfAttention(dim, heads)
        self.news_pool = nn.Sequential(nn.Linear(dim, query), nn.Tanh(), nn.Linear(query, 1, bias=False))

    @staticmethod
    def _pool(h: torch.Tensor, score: nn.Module) -> torch.Tensor:
        a = torch.softmax(score(h), 1)
        return (a * h).sum(1)

    def encode(self, ids: torch.Tensor) -> torch.Tensor:
        shape = ids.shape
        h = self.drop(self.emb(self.titles[ids.flatten()]))
        h = self.word_att(h)
        return self._pool(h, self.word_pool).view(*shape, -1)

    def forward(self, hist: torch.Tensor, cand: torch.Tensor) -> torch.Tensor:
        n = len(hist)
        news = self.encode(torch.cat([hist, cand], 1))
        h, c = news[:, :NR_HIST], news[:, NR_HIST:]
        user = self._pool(self.news_att(h), self.news_pool)
        return (c * user.unsqueeze(1)).sum(2).view(n, -1)


def click_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """NRMS's loss: the cross-entropy of the clicked candidate among the 5 of its impression."""
    hist, cand, clicked = batch
    return F.cross_entropy(model(hist, cand), clicked)


def nrms(batch_size: int = 16, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """NRMS on 8192 impressions (one per user); held out: 2048 impressions of other users in batches of 512; Adam
    (NRMS's)."""
    gen = torch.Generator().manual_seed(37602)
    h, c, k = _nr_impressions(train_size + 2048, gen)
    tr = (h[:train_size], c[:train_size], k[:train_size])
    torch.manual_seed(seed)
    return {"model": NRMS(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((h[train_size:], c[train_size:], k[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": click_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pythia_adam", pythia, 300, "pythia_inscription_restoration", "adam", "finite", 32,
      seconds=1.0, start_lr=0.032),
    W("name_lstm_adam", name_lstm, 300, "ethnicolr_name_ethnicity_lstm", "adam", "finite", 32,
      seconds=0.5, start_lr=0.016),
    W("frnn_adam", frnn, 300, "frnn_tokamak_disruption_prediction", "adam", "finite", 32,
      seconds=0.6, start_lr=0.064),
    W("nrms_adam", nrms, 300, "nrms_news_recommendation", "adam", "finite", 16,
      seconds=1.4, start_lr=0.008),
)
LONG = (
    W("fit_model_sgd@long", fit_model, 3000, "clothing_size_fit_latent_factor_model", "sgd_wd1e-5", "finite", 64,
      seconds=2.5, start_lr=1.6, grid_fractions=(0.0, 0.05)),
    W("deepgs_sgdm@long", deepgs, 3000, "deepgs_genomic_prediction_cnn", "sgd_momentum0.5_wd1e-5", "finite", 32,
      seconds=6.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("name_lstm_adam@long", name_lstm, 3000, "ethnicolr_name_ethnicity_lstm", "adam", "finite", 32,
      dict(train_size=16384), seconds=5.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="name_lstm_adam"),
    W("frnn_adam@long", frnn, 3000, "frnn_tokamak_disruption_prediction", "adam", "finite", 32,
      dict(train_size=8192), seconds=6.0, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="frnn_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam37_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-seventh exam's workloads")
