"""Successive halving over continued trunks (``RERANK_MODE = "halving"``, a research mode; off by default).

Each (peak LR, warmup) candidate trains one **trunk**: linear warmup over ``W = fraction * H`` steps, then the
peak held. At every rung of horizon ``h`` a short **cooldown branch** leaves the trunk ``D = 0.2 h`` steps before
``h`` and decays linearly to 0 by step ``h``. Its final loss measures "a run of ``h`` steps at this peak"
(Hägele et al. 2024). Survivors continue their trunk from where it stopped instead of restarting, so the last
rung reaches ``H`` (about half the run) for the cost of one trunk each.

Rung 1 (``H/4``) keeps the best LR of each warmup length, and extends a warmup's LRs one rung when its best is an
end. Rung 2 (``H``) chooses among them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from warmfind import defaults
from warmfind.analysis.recommend import extension, pick
from warmfind.analysis.runs import ProbeRun, ProbeSummary, summarize
from warmfind.probing.prober import Prober
from warmfind.probing.snapshots import Snapshot

Config = tuple[float, float]  # (peak LR, warmup fraction of the last rung's horizon)


def trunk_lr(peak: float, warmup: int) -> Callable[[int], float]:
    """Warmup ``peak * s / W`` for ``s < W``, then the peak held."""
    return lambda step: peak * step / warmup if step < warmup else peak


def cooldown_lr(peak: float, warmup: int, leave: int, decay: int) -> Callable[[int], float]:
    """The trunk until step ``leave``, then linear from the trunk's LR there to 0 over ``decay`` steps
    (``lr(leave + k) = trunk(leave) * (1 - k / decay)``, so the last step ``leave + decay - 1`` runs at ``1/decay``)."""
    trunk = trunk_lr(peak, warmup)
    top = trunk(leave)
    return lambda step: trunk(step) if step < leave else top * max(0.0, 1.0 - (step - leave) / decay)


def rung_horizons(final: int, first_min: int) -> tuple[int, ...]:
    """The rungs' horizons: ``final / 4`` (at least ``first_min``) and ``final``; one rung when they meet."""
    first = max(final // 4, first_min)
    return (first, final) if first < final else (final,)


@dataclass
class Halving:
    """One successive-halving re-rank: ``run_rung`` trains and measures, ``keep`` prunes, ``grow`` extends."""

    prober: Prober
    final: int  # the last rung's horizon H
    record: Callable[[ProbeRun], None]  # every run goes to the search result
    trunks: dict[Config, Snapshot | None]
    first_losses: dict[Config, float]  # each trunk's loss at step 0: continuations measure divergence against it

    def measure(self, config: Config, horizon: int, label: str) -> ProbeSummary | None:
        """Continue ``config``'s trunk to ``horizon - D`` and branch a cooldown to ``horizon``; None when the budget
        ran out. A trunk that diverged is its own (failed) measurement."""
        lr, fraction = config
        warmup = int(round(fraction * self.final))
        decay = max(1, round(defaults.WSD_DECAY_FRACTION * horizon))
        leave = horizon - decay
        start = self.trunks.get(config)
        if start is None or start.step < leave:
            run, snapshot = self.prober.run(trunk_lr(lr, warmup), leave, "trunk", lr, warmup, "linear-warmup-constant",
                                            start=start, save_at=leave, first_loss=self.first_losses.get(config))
            self.record(run)
            if run.losses:
                self.first_losses.setdefault(config, run.losses[0])
            if run.stopped == "budget":
                return None
            if run.stopped is not None or snapshot is None:
                return _as_rung(summarize(run), horizon, label)
            self.trunks[config] = snapshot
        branch, _ = self.prober.run(cooldown_lr(lr, warmup, leave, decay), horizon, "rerank", lr, warmup,
                                    "warmup-stable-decay", start=self.trunks[config],
                                    first_loss=self.first_losses.get(config))
        self.record(branch)
        return None if branch.stopped == "budget" else _as_rung(summarize(branch), horizon, label)


def _as_rung(summary: ProbeSummary, horizon: int, label: str) -> ProbeSummary:
    """A branch's summary as a probe of ``horizon`` steps: ``rerank`` on the last rung, ``rung`` before it (an
    earlier rung's warmup is sized for the last rung, so its warmup fraction reads high: evidence, not a candidate)."""
    return replace(summary, label=label, horizon=horizon)


def halving_rerank(prober: Prober, configs: list[Config], final: int, first_min: int, record: Callable[[ProbeRun], None],
                   add: Callable[[ProbeSummary], None], all_probes: Callable[[], list[ProbeSummary]],
                   stage: Callable[[str], None]) -> list[ProbeSummary] | None:
    """Run the rungs over ``configs``; return the last rung's summaries (None when the budget ran out).

    ``add`` keeps every rung's summary as evidence; ``all_probes`` lists the evidence so far (for extensions).
    """
    halving = Halving(prober, final, record, {}, {})
    rungs = rung_horizons(final, first_min)
    alive = list(configs)
    for index, horizon in enumerate(rungs):
        stage(f"successive halving: {len(alive)} (peak LR, warmup) pairs to {horizon} steps (continued trunks)")
        last = index == len(rungs) - 1
        measured: dict[Config, ProbeSummary] = {}
        queue = list(alive)
        rounds = 0
        while queue:
            config = queue.pop(0)
            summary = halving.measure(config, horizon, "rerank" if last else "rung")
            if summary is None:
                return None
            add(summary)
            measured[config] = summary
            if index == 0 and not queue and rounds < defaults.MAX_EXTENSIONS:
                rounds += 1  # one extension round: each warmup length whose best is an end looks one rung further
                queue += [more for more in _extensions(measured, all_probes()) if more not in measured]
        if last:
            return list(measured.values())
        alive = _best_per_warmup(measured)
    return None


def _best_per_warmup(measured: dict[Config, ProbeSummary]) -> list[Config]:
    """The best LR of each warmup length (``pick``: ties to the smaller LR)."""
    survivors = []
    for fraction in sorted({f for _, f in measured}):
        group = {c: s for c, s in measured.items() if c[1] == fraction}
        best = pick(list(group.values()))
        if best is not None:
            # pick returns a seed-pooled copy, so the survivor is found by its LR
            survivors.append(next(c for c, s in group.items() if s.peak_lr == best.peak_lr))
    return survivors


def _extensions(measured: dict[Config, ProbeSummary], probes: list[ProbeSummary]) -> list[Config]:
    """One more LR for each warmup length whose best is an end of its LRs (``recommend.extension``)."""
    out = []
    for fraction in sorted({f for _, f in measured}):
        group = [s for c, s in measured.items() if c[1] == fraction]
        more = extension(pick(group), group, probes)
        if more is not None:
            out.append((more[0], fraction))
    return out
