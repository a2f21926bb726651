"""The thirty-second exam: five more workload families that neither the suite nor the first thirty exams have.

Same rules as exams 1-30 (``exam_workloads.py`` ... ``exam30_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, or a stream of fresh samples). Its families come from
databases, software engineering, astronomy, performance modelling of configurable software and mathematics (exam
31 was built at the same time from other domains; its module was not opened). What was checked to make them new,
and what was tried and dropped (among them a sixth family, NeuroSAT, and a learned index), is in
``benchmarks/results/exam32/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- learned cardinality estimation with a multi-set convolutional network (MSCN, Kipf et al. 2019): a query over a
  small star schema (a fact table and two tables joined to it by foreign keys) is three sets (tables, joins,
  predicates), each element encoded by its own MLP, mean-pooled, concatenated and mapped to a sigmoid output, the
  min-max-normalised log cardinality; the loss is the mean log q-error of the unnormalised estimate (Kipf's code
  minimises the q-error itself: see the README); the true cardinalities are counted on synthetic tables with
  skewed, correlated columns and skewed foreign keys; Adam (Kipf's code)
- name-based bug detection (DeepBugs, Pradel & Sen 2018), the swapped-arguments detector: an MLP over the
  (stand-in, pre-trained) identifier embeddings of the callee and its two arguments and the arguments' types tells
  correct calls from the same calls with their arguments swapped; binary cross-entropy; RMSprop (the DeepBugs
  code's Keras ``rmsprop``, from memory; rho 0.9 and eps 1e-7 as Keras's defaults)
- stellar-parameter estimation from spectra with StarNet (Fabbro et al. 2018): a small 1-d CNN (4 and 16 filters,
  max pooling, dense 256-128) regresses Teff, log g and [Fe/H] (standardised, with label noise sd 0.3 standing in
  for survey-pipeline label errors) from a continuum-normalised synthetic 128-pixel spectrum (absorption lines
  whose depths and widths follow the labels, per-star SNR); mean squared error; Adam (StarNet's; eps 1e-8)
- a performance-influence model of a configurable software system (DeepPerf, Ha & Zhang 2019): a ReLU MLP
  24-128-128-128-128-1 predicts a system's (max-scaled) run time from its 24 binary options, with an L1 penalty
  (1e-6) on the first layer's weights in training (DeepPerf's regularised first layer); the run times come from a
  sparse performance-influence model (options, pairwise and three-way interactions, multiplicative) with 2%
  measurement noise; the held-out loss is the plain MSE; Adam (DeepPerf's)
- learning the greatest common divisor with a transformer (Charton 2023; a long plan only): two integers below
  10^6 written in base 30, a 1-layer post-LN transformer encoder (d 32, 4 heads, no dropout), the GCD predicted as
  a class (1-100, larger ones pooled); cross-entropy; a stream of fresh pairs (Charton generates his); Adam
  (Charton's)

No Adagrad, Adadelta, NAdam, RAdam, Adamax, AdamW, ASGD or Nesterov plan: none of these fields' reference code
uses them, as far as its author knows.

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the GCD transformer (no
short plan), DeepBugs on 8192 call sites instead of 2048 and DeepPerf on 4096 configurations instead of 256. Three,
not exam 26's four: a second long-only family (NeuroSAT, then a learned index) and an MSCN long plan were dropped
or not checked in time (see the README).

Of the seven plans, five use Adam (MSCN, StarNet, both DeepPerf plans, GCD) and two RMSprop (both DeepBugs plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam32_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam32/README.md).

    python benchmarks/exam32_workloads.py          # the table
    python benchmarks/exam32_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, Stream, _named, held_out, loader, split_batches  # noqa: E402

TITLE = "Exam 32"


# --------------------------------------------------------------------------------------------------------------
# 1. learned cardinality estimation, MSCN (Adam)

MS_TABLES, MS_JOINS, MS_COLS, MS_OPS = 3, 2, 5, 3
MS_MAXP = 3  # predicates per query
MS_COL_TABLE = (0, 0, 1, 1, 2)  # the table of each column
MS_PRED_DIM = MS_COLS + MS_OPS + 1
MS_ROW = MS_TABLES * (MS_TABLES + 1) + MS_JOINS * (MS_JOINS + 1) + MS_MAXP * (MS_PRED_DIM + 1) + 2


def _ms_database() -> tuple[list[torch.Tensor], list[torch.Tensor], list[torch.Tensor]]:
    """A fixed star schema: ``title`` (500 rows: a skewed year-like column 0..99 and a kind 0..9 that follows it),
    ``info`` (1000 rows: a foreign key to title, Zipf-skewed, a column 0..49 correlated with the title's year, a
    uniform 0..19) and ``cast`` (1500 rows: a foreign key skewed towards recent titles, a column 0..29).
    Returns (per-table column matrices, foreign keys of info and cast, column minima and maxima)."""
    g = torch.Generator().manual_seed(32101)
    n0, n1, n2 = 500, 1000, 1500
    year = (100 * torch.rand(n0, generator=g) ** 0.5).long().clamp_max(99)
    kind = ((year // 12) + torch.randint(0, 3, (n0,), generator=g)).clamp_max(9)
    zipf = 1.0 / torch.arange(1, n0 + 1).float() ** 0.8
    fk1 = torch.multinomial(zipf, n1, replacement=True, generator=g)
    c = ((year[fk1] // 2) + torch.randint(-5, 6, (n1,), generator=g)).clamp(0, 49)
    d = torch.randint(0, 20, (n1,), generator=g)
    recent = (year.float() + 5) ** 2
    fk2 = torch.multinomial(recent, n2, replacement=True, generator=g)
    e = (torch.randn(n2, generator=g) * 6 + 15).round().long().clamp(0, 29)
    cols = [torch.stack([year, kind]), torch.stack([c, d]), e.unsqueeze(0)]
    flat = [year, kind, c, d, e]
    lo = torch.tensor([float(v.min()) for v in flat])
    hi = torch.tensor([float(v.max()) for v in flat])
    return cols, [fk1, fk2], [lo, hi]


def _ms_queries(n: int, gen: torch.Generator) -> torch.Tensor:
    """MSCN training queries: title always, each other table with probability 1/2 (joined to title), 0-3 predicates
    on columns of the query's tables, each with an operator (<, =, >) and a value read from a random row of that
    column (Kipf's generator); the true cardinality counted on the tables; empty results dropped. Each row packs the
    three padded sets with their masks, then the cardinality's log and the cardinality."""
    cols, fks, (lo, hi) = _ms_database()
    sizes = [cols[0].shape[1], cols[1].shape[1], cols[2].shape[1]]
    m = int(n * 1.6) + 64
    inc = torch.cat([torch.ones(m, 1, dtype=torch.bool), torch.rand(m, 2, generator=gen) < 0.5], 1)
    npred = torch.randint(0, MS_MAXP + 1, (m,), generator=gen)
    # choose columns among the included tables' columns
    col_ok = inc[:, list(MS_COL_TABLE)]  # m, 5
    pcol = torch.multinomial(col_ok.float(), MS_MAXP, replacement=True, generator=gen)  # m, 3
    pop = torch.randint(0, MS_OPS, (m, MS_MAXP), generator=gen)
    pval = torch.zeros(m, MS_MAXP, dtype=torch.long)
    for j in range(MS_COLS):
        t, k = MS_COL_TABLE[j], [0, 1, 0, 1, 0][j]
        rows = torch.randint(0, sizes[t], (m, MS_MAXP), generator=gen)
        pval = torch.where(pcol == j, cols[t][k][rows], pval)
    active = torch.arange(MS_MAXP).unsqueeze(0) < npred.unsqueeze(1)  # m, 3
    col_table, col_index = torch.tensor(MS_COL_TABLE), torch.tensor([0, 1, 0, 1, 0])
    cards = torch.zeros(m)
    for s in range(0, m, 1024):
        sl = slice(s, min(m, s + 1024))
        q = sl.stop - sl.start
        masks = [torch.ones(q, sizes[t], dtype=torch.bool) for t in range(MS_TABLES)]
        for p in range(MS_MAXP):
            j = pcol[sl, p]
            v, op = pval[sl, p].unsqueeze(1), pop[sl, p].unsqueeze(1)
            for t in range(MS_TABLES):
                sel = (active[sl, p] & (col_table[j] == t)).unsqueeze(1)
                colv = cols[t][col_index[j].clamp_max(len(cols[t]) - 1)]  # q, rows of table t
                hit = torch.where(op == 0, colv < v, torch.where(op == 1, colv == v, colv > v))
                masks[t] &= ~sel | hit
        count = masks[0].float()
        for t in (1, 2):
            per_title = torch.zeros(q, sizes[0]).index_add_(1, fks[t - 1], masks[t].float())
            count = count * torch.where(inc[sl, t].unsqueeze(1), per_title, torch.ones_like(per_title))
        cards[sl] = count.sum(1)
    keep = (cards >= 1).nonzero().squeeze(1)[:n]
    inc, pcol, pop, pval, active, cards = inc[keep], pcol[keep], pop[keep], pval[keep], active[keep], cards[keep]
    tables = torch.eye(MS_TABLES).unsqueeze(0).expand(n, -1, -1) * inc.unsqueeze(2)
    joins = torch.eye(MS_JOINS).unsqueeze(0).expand(n, -1, -1) * inc[:, 1:].unsqueeze(2)
    jmask = inc[:, 1:].float()
    jmask[:, 0] = torch.where(jmask.sum(1) == 0, torch.ones(n), jmask[:, 0])  # an empty join set: one zero element
    preds = torch.cat([F.one_hot(pcol, MS_COLS).float(), F.one_hot(pop, MS_OPS).float(),
                       ((pval.float() - lo[pcol]) / (hi[pcol] - lo[pcol])).unsqueeze(2)], 2) * active.unsqueeze(2)
    pmask = active.float()
    pmask[:, 0] = torch.where(pmask.sum(1) == 0, torch.ones(n), pmask[:, 0])
    return torch.cat([tables.flatten(1), inc.float(), joins.flatten(1), jmask, preds.flatten(1), pmask,
                      cards.log().unsqueeze(1), cards.unsqueeze(1)], 1)


class MSCN(nn.Module):
    """Kipf et al.'s multi-set convolutional network: a 2-layer ReLU MLP per set element, masked mean pooling, the
    three pooled vectors concatenated, a ReLU layer and a sigmoid output (the normalised log cardinality)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()

        def mlp(n_in: int) -> nn.Module:
            return nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())

        self.tables, self.joins, self.preds = mlp(MS_TABLES), mlp(MS_JOINS), mlp(MS_PRED_DIM)
        self.out = nn.Sequential(nn.Linear(3 * hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    @staticmethod
    def pool(h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return (h * mask.unsqueeze(2)).sum(1) / mask.sum(1, keepdim=True)

    def forward(self, row: torch.Tensor) -> torch.Tensor:
        t, tm, j, jm, p, pm, _ = row.split([MS_TABLES * MS_TABLES, MS_TABLES, MS_JOINS * MS_JOINS, MS_JOINS,
                                            MS_MAXP * MS_PRED_DIM, MS_MAXP, 2], 1)
        n = len(row)
        h = torch.cat([self.pool(self.tables(t.view(n, MS_TABLES, MS_TABLES)), tm),
                       self.pool(self.joins(j.view(n, MS_JOINS, MS_JOINS)), jm),
                       self.pool(self.preds(p.view(n, MS_MAXP, MS_PRED_DIM)), pm)], 1)
        return torch.sigmoid(self.out(h)).squeeze(1)


def mscn_log_qerror(lo: float, hi: float) -> Any:
    """The mean log q-error, |log est - log true| = log max(est / true, true / est), of the unnormalised
    cardinality estimate (Kipf's code minimises the mean q-error itself; its mean over a batch is dominated by a
    few queries, and its seeds were 20% apart here, so the log form is used)."""

    def loss(model: nn.Module, batch: Any) -> torch.Tensor:
        (row,) = batch
        return (model(row) * (hi - lo) + lo - row[:, -2]).abs().mean()

    return loss


def mscn(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """MSCN (hidden 64) on 4096 training queries; held out: 2048 other queries in batches of 1024; the log
    cardinalities min-max normalised over the training queries; Adam."""
    gen = torch.Generator().manual_seed(32102)
    rows = _ms_queries(train_size + 2048, gen)
    tr = (rows[:train_size],)
    logc = tr[0][:, -2]
    lo, hi = float(logc.min()), float(logc.max())
    torch.manual_seed(seed)
    return {"model": MSCN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((rows[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mscn_log_qerror(lo, hi), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. DeepBugs, the swapped-arguments bug detector (RMSprop)

DB_EMB, DB_ROLES, DB_NAMES, DB_FUNCS, DB_TYPES = 32, 16, 400, 150, 6
DB_IN = 3 * DB_EMB + 2 * DB_TYPES


def _db_world() -> tuple[torch.Tensor, ...]:
    """A fixed code base: 16 argument roles (``src``, ``width``, ...), each with a centroid in the embedding space
    and a usual type; 400 identifier names, each of one role, embedded near its role's centroid (noise 0.8: the
    stand-in for pre-trained word2vec vectors, which DeepBugs feeds as fixed features); 150 functions, each with an
    embedded name and an ordered pair of parameter roles (the lower role first with probability 0.8: the code
    base's conventions)."""
    g = torch.Generator().manual_seed(32201)
    cent = torch.randn(DB_ROLES, DB_EMB, generator=g) / DB_EMB**0.5 * 2
    role_type = torch.randint(0, DB_TYPES, (DB_ROLES,), generator=g)
    name_role = torch.randint(0, DB_ROLES, (DB_NAMES,), generator=g)
    name_emb = cent[name_role] + 0.8 * torch.randn(DB_NAMES, DB_EMB, generator=g) / DB_EMB**0.5 * 2
    func_emb = torch.randn(DB_FUNCS, DB_EMB, generator=g) / DB_EMB**0.5 * 2
    r = torch.stack([torch.randperm(DB_ROLES, generator=g)[:2] for _ in range(DB_FUNCS)])
    lo, hi = r.min(1).values, r.max(1).values
    conv = torch.rand(DB_FUNCS, generator=g) < 0.8
    func_roles = torch.stack([torch.where(conv, lo, hi), torch.where(conv, hi, lo)], 1)
    return name_role, name_emb, func_emb, func_roles, role_type


def _db_calls(n_calls: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """DeepBugs' training data: each call site (a random function, each argument a random name of the parameter's
    role, or with probability 0.15 of any role; its type the role's usual one with probability 0.7) gives a correct
    example (label 0) and the same call with its two arguments swapped (label 1). Features: the callee's, the first
    and the second argument's embeddings and the two arguments' types (one-hot)."""
    name_role, name_emb, func_emb, func_roles, role_type = _db_world()
    f = torch.randint(0, DB_FUNCS, (n_calls,), generator=gen)
    args, types = [], []
    for k in range(2):
        role = func_roles[f, k]
        names = torch.randint(0, DB_NAMES, (n_calls, 64), generator=gen)
        match = name_role[names] == role.unsqueeze(1)
        first = torch.where(match.any(1), match.float().argmax(1), torch.zeros(n_calls, dtype=torch.long))
        name = names[torch.arange(n_calls), first]
        name = torch.where(torch.rand(n_calls, generator=gen) < 0.15, names[:, -1], name)
        t = torch.where(torch.rand(n_calls, generator=gen) < 0.7, role_type[name_role[name]],
                        torch.randint(0, DB_TYPES, (n_calls,), generator=gen))
        args.append(name_emb[name])
        types.append(F.one_hot(t, DB_TYPES).float())
    ok = torch.cat([func_emb[f], args[0], args[1], types[0], types[1]], 1)
    bug = torch.cat([func_emb[f], args[1], args[0], types[1], types[0]], 1)
    x = torch.stack([ok, bug], 1).flatten(0, 1)
    y = torch.tensor([0.0, 1.0]).repeat(n_calls)
    return x, y


def deepbugs(batch_size: int = 32, seed: int = 0, train_calls: int = 2048, hidden: int = 200) -> dict[str, Any]:
    """DeepBugs' classifier (an MLP with one hidden layer of 200 ReLU units, dropout 0.2, a sigmoid output) on the
    correct and swapped versions of 2048 call sites (4096 examples); held out: 2048 other call sites (4096
    examples) in batches of 1024; binary cross-entropy; RMSprop (rho 0.9, eps 1e-7, Keras's defaults)."""
    gen = torch.Generator().manual_seed(32202)
    x, y = _db_calls(train_calls + 2048, gen)
    n = 2 * train_calls
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(DB_IN, hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, 1))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7),
                                "rmsprop_rho0.9"),
            "loss_fn": lambda model, batch: F.binary_cross_entropy_with_logits(model(batch[0]).squeeze(1), batch[1]),
            "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. StarNet, stellar parameters from spectra (Adam)

SN_PIX, SN_LINES, SN_H = 128, 40, 3


def _sn_spectra(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Continuum-normalised, rest-frame spectra (128 pixels; APOGEE's pipeline removes the radial velocity) of stars
    with Teff U[4000, 6500] K, log g U[1, 5], [Fe/H] U[-2, 0.5]: 40 fixed metal lines whose strength grows with
    [Fe/H] and follows each line's excitation potential through the temperature, depths saturating as D / (1 + D);
    three hydrogen-like lines that strengthen with Teff and widen as log g grows (pressure broadening); a slight
    continuum tilt; noise 1 / SNR with SNR U[30, 200]. Returns (spectra with a channel axis, labels)."""
    tg = torch.Generator().manual_seed(32401)
    pix = torch.arange(SN_PIX).float()
    centre = 3 + (SN_PIX - 6) * torch.rand(SN_LINES, generator=tg)
    chi = 4 * torch.rand(SN_LINES, generator=tg) - 1
    alpha = 0.6 + 0.6 * torch.rand(SN_LINES, generator=tg)
    d0 = 0.2 + 1.5 * torch.rand(SN_LINES, generator=tg)
    w0 = 0.7 + 0.5 * torch.rand(SN_LINES, generator=tg)
    basis = torch.exp(-0.5 * ((pix - centre.unsqueeze(1)) / w0.unsqueeze(1)) ** 2)  # lines, pixels
    h_centre = 10 + (SN_PIX - 20) * torch.rand(SN_H, generator=tg)
    teff = 4000 + 2500 * torch.rand(n, generator=gen)
    logg = 1 + 4 * torch.rand(n, generator=gen)
    feh = -2 + 2.5 * torch.rand(n, generator=gen)
    theta = (5040 / teff).unsqueeze(1)
    depth = d0 * 10 ** (alpha * feh.unsqueeze(1)) * torch.exp(-chi * (theta - 1.0) * 2.3)
    metal = (depth / (1 + depth)) @ basis  # n, pixels
    h_depth = (0.7 * (teff.unsqueeze(1) / 6500) ** 2).expand(n, SN_H)
    h_width = (3.5 * (1 + 0.2 * (logg - 3))).unsqueeze(1)  # n, 1
    h_prof = torch.exp(-0.5 * ((pix.view(1, 1, -1) - h_centre.view(1, -1, 1)) / h_width.unsqueeze(2)) ** 2)
    flux = (1 - metal.clamp_max(0.95)) * (1 - h_depth.unsqueeze(2) * h_prof).prod(1)
    flux = flux * (1 + 0.02 * torch.randn(n, 1, generator=gen) * (pix / SN_PIX - 0.5))
    snr = 30 + 170 * torch.rand(n, 1, generator=gen)
    flux = flux + torch.randn(n, SN_PIX, generator=gen) / snr
    return flux.unsqueeze(1), torch.stack([teff, logg, feh], 1)


class StarNet(nn.Module):
    """Fabbro et al.'s StarNet (on 128 pixels instead of APOGEE's 7214): two 1-d convolutions (4 and 16 filters, width 8, ReLU), max pooling by 4, dense
    256 and 128 (ReLU), three linear outputs."""

    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, 4, 8), nn.ReLU(), nn.Conv1d(4, 16, 8), nn.ReLU(), nn.MaxPool1d(4),
                                 nn.Flatten(), nn.Linear(16 * ((SN_PIX - 14) // 4), 256), nn.ReLU(),
                                 nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def starnet(batch_size: int = 32, seed: int = 0, train_size: int = 4096, label_noise: float = 0.3) -> dict[str, Any]:
    """StarNet on 4096 synthetic spectra; labels standardised over the training set; held out: 2048 other spectra
    in batches of 1024; the mean squared error over the three labels; Adam."""
    gen = torch.Generator().manual_seed(32402)
    x, y = _sn_spectra(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    y = y + label_noise * torch.randn(y.shape, generator=gen)  # survey labels carry their pipeline's errors
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StarNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.mse_loss(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. DeepPerf, performance prediction of a configurable system (Adam; long only)

DP_OPTS = 24


def _dp_configs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Random configurations (24 binary options, each on with probability 1/2) and their measured run time: the
    exponential of a sparse performance-influence model (six strong options, the rest weak; 16 pairwise and 4
    three-way interactions) times 2% measurement noise."""
    tg = torch.Generator().manual_seed(32501)
    main = 0.05 * torch.randn(DP_OPTS, generator=tg)
    main[:6] = 0.6 * torch.randn(6, generator=tg)
    pairs = torch.stack([torch.randperm(DP_OPTS, generator=tg)[:2] for _ in range(16)])
    pw = 0.5 * torch.randn(16, generator=tg)
    triples = torch.stack([torch.randperm(DP_OPTS, generator=tg)[:3] for _ in range(4)])
    tw = 0.6 * torch.randn(4, generator=tg)
    x = (torch.rand(n, DP_OPTS, generator=gen) < 0.5).float()
    logt = x @ main + (x[:, pairs[:, 0]] * x[:, pairs[:, 1]]) @ pw + (x[:, triples].prod(2)) @ tw
    t = torch.exp(logt) * (1 + 0.02 * torch.randn(n, generator=gen))
    return x, t.unsqueeze(1)


def deepperf_loss(l1: float) -> Any:
    """The MSE of the scaled run time, plus (in training only) DeepPerf's L1 penalty on the first layer's
    weights."""

    def loss(model: nn.Module, batch: Any) -> torch.Tensor:
        x, t = batch
        mse = F.mse_loss(model(x), t)
        return mse + l1 * model[0].weight.abs().sum() if model.training else mse

    return loss


def deepperf(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 128, l1: float = 1e-6
             ) -> dict[str, Any]:
    """DeepPerf's network (four hidden ReLU layers of 128) on 1024 measured configurations (DeepPerf's small
    samples); held out: 4096 other configurations in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(32502)
    x, t = _dp_configs(train_size + 4096, gen)
    t = t / t[:train_size].max()  # DeepPerf scales the performance by its largest training value
    tr = (x[:train_size], t[:train_size])
    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    width = DP_OPTS
    for _ in range(4):
        layers += [nn.Linear(width, hidden), nn.ReLU()]
        width = hidden
    model = nn.Sequential(*layers, nn.Linear(width, 1))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": deepperf_loss(l1), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. the greatest common divisor with a transformer (Adam; long only)

GCD_BASE, GCD_DIGITS, GCD_MAX = 30, 5, 100
GCD_PAD, GCD_SEP = GCD_BASE, GCD_BASE + 1
GCD_LEN = 2 * GCD_DIGITS + 1


def _gcd_pairs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Charton's data: a and b uniform in 1..10^6, written in base 30 (most significant digit first, left-padded),
    joined by a separator; the label is gcd(a, b) if at most 100, else class 0."""
    a = torch.randint(1, 10**6 + 1, (n,), generator=gen)
    b = torch.randint(1, 10**6 + 1, (n,), generator=gen)
    g = torch.gcd(a, b)

    def digits(v: torch.Tensor) -> torch.Tensor:
        pw = GCD_BASE ** torch.arange(GCD_DIGITS - 1, -1, -1)
        d = (v.unsqueeze(1) // pw) % GCD_BASE
        lead = v.unsqueeze(1) < pw  # leading zeros become padding
        lead[:, -1] = False
        return torch.where(lead, torch.full_like(d, GCD_PAD), d)

    tokens = torch.cat([digits(a), torch.full((n, 1), GCD_SEP), digits(b)], 1)
    return tokens, torch.where(g <= GCD_MAX, g, torch.zeros_like(g))


class GCDTransformer(nn.Module):
    """Token and position embeddings, a post-LN transformer encoder (no dropout), mean pooling, a linear layer to
    the 101 classes."""

    def __init__(self, d: int = 32, heads: int = 4, layers: int = 1) -> None:
        super().__init__()
        self.tok = nn.Embedding(GCD_BASE + 2, d)
        self.pos = nn.Parameter(0.02 * torch.randn(GCD_LEN, d))
        layer = nn.TransformerEncoderLayer(d, heads, 4 * d, dropout=0.0, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.out = nn.Linear(d, GCD_MAX + 1)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.out(self.enc(self.tok(tokens) + self.pos).mean(1))


def gcd_transformer(batch_size: int = 32, seed: int = 0, d: int = 32, layers: int = 1) -> dict[str, Any]:
    """The GCD transformer on a stream of fresh pairs; held out: 4096 fixed pairs in batches of 1024;
    cross-entropy; Adam."""
    torch.manual_seed(seed)
    return {"model": GCDTransformer(d, 4, layers), "data": Stream(_gcd_pairs, batch_size),
            "eval_data": held_out(_gcd_pairs, 4096, 1024, 32602),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("mscn_adam", mscn, 300, "mscn_learned_cardinality_estimation", "adam", "finite", 32,
      seconds=1.5, start_lr=0.016),
    W("deepbugs_rmsprop", deepbugs, 300, "deepbugs_name_based_bug_detection", "rmsprop_rho0.9", "finite", 32,
      seconds=0.4, start_lr=0.032),
    W("starnet_adam", starnet, 300, "starnet_stellar_parameters_from_spectra", "adam", "finite", 32,
      seconds=1.3, start_lr=0.008),
    W("deepperf_adam", deepperf, 300, "deepperf_configurable_software_performance", "adam", "small_finite", 32,
      dict(train_size=256), seconds=0.6, start_lr=0.002),
)
LONG = (
    W("gcd_adam@long", gcd_transformer, 3000, "transformer_gcd_arithmetic", "adam", "stream", 32,
      seconds=11.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("deepbugs_rmsprop@long", deepbugs, 3000, "deepbugs_name_based_bug_detection", "rmsprop_rho0.9", "finite", 32,
      dict(train_calls=8192), seconds=3.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="deepbugs_rmsprop"),
    W("deepperf_adam@long", deepperf, 3000, "deepperf_configurable_software_performance", "adam", "small_finite", 32,
      dict(train_size=4096), seconds=5.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="deepperf_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam32_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-second exam's workloads")
