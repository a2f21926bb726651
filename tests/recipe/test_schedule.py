"""The canonical schedule: exact endpoints, group ratios, and torch schedulers that reproduce it step for step."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
import torch
import yaml

from warmfind import schedule
from warmfind.recipe.schedule import (
    Schedule,
    cosine_factor,
    from_mapping,
    group_peaks,
    warmup_factor,
)

CASES = {
    "typical": Schedule(3e-3, 12, 100, 3e-4),
    "no-floor": Schedule(1e-3, 10, 40, 0.0),
    "one-step-warmup": Schedule(0.1, 1, 10, 1e-3),
    "no-warmup": Schedule(6e-4, 0, 50, 6e-5),
    "all-warmup": Schedule(2e-3, 20, 20, 2e-4),
    "odd-values": Schedule(0.0037, 7, 33, 0.00041),
}


def reference_lr(s: Schedule, step: int) -> float:
    """The module docstring's formula, written independently of the implementation."""
    w, t = s.warmup_steps, s.total_steps
    if step < w:
        return s.peak_lr * step / w
    if s.shape == "linear-warmup-constant":
        return s.peak_lr
    progress = min((step - w) / (t - w), 1.0) if t > w else 0.0
    return s.min_lr + (s.peak_lr - s.min_lr) * 0.5 * (1 + math.cos(math.pi * progress))


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_endpoints_are_exact(case: Schedule) -> None:
    w, t = case.warmup_steps, case.total_steps
    assert case.lr_at(0) == (0.0 if w > 0 else case.peak_lr)
    assert case.lr_at(w) == case.peak_lr
    if w > 0:
        assert case.lr_at(w - 1) == case.peak_lr * (w - 1) / w
    if t > w:
        assert case.lr_at(t) == case.min_lr
        assert case.lr_at(t + 1000) == case.min_lr
    assert case.lr_at(t - 1) == pytest.approx(reference_lr(case, t - 1), rel=1e-12)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_step_matches_the_documented_formula(case: Schedule) -> None:
    for step in range(case.total_steps + 3):
        assert case.lr_at(step) == pytest.approx(reference_lr(case, step), rel=1e-12, abs=1e-18)
        assert case.factor_at(step) * case.peak_lr == pytest.approx(case.lr_at(step), rel=1e-12, abs=1e-18)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_warmup_rises_and_decay_falls(case: Schedule) -> None:
    lrs = [case.lr_at(s) for s in range(case.total_steps + 1)]
    w = case.warmup_steps
    assert all(a < b for a, b in zip(lrs[: w + 1], lrs[1 : w + 1]))
    assert all(a >= b for a, b in zip(lrs[w:], lrs[w + 1 :]))
    assert max(lrs) == case.peak_lr


def test_constant_shape_holds_the_peak() -> None:
    s = Schedule(1e-3, 4, 10, shape="linear-warmup-constant")
    assert [s.lr_at(k) for k in (0, 2, 4, 9, 50)] == [0.0, 5e-4, 1e-3, 1e-3, 1e-3]


def test_negative_steps_are_step_zero() -> None:
    assert CASES["typical"].lr_at(-3) == 0.0


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(peak_lr=1e-3, warmup_steps=11, total_steps=10),
        dict(peak_lr=1e-3, warmup_steps=0, total_steps=0),
        dict(peak_lr=1e-3, warmup_steps=-1, total_steps=10),
        dict(peak_lr=1e-3, warmup_steps=1, total_steps=10, min_lr=2e-3),
        dict(peak_lr=1e-3, warmup_steps=1, total_steps=10, min_lr=-1e-4),
        dict(peak_lr=float("nan"), warmup_steps=1, total_steps=10),
        dict(peak_lr=1e-3, warmup_steps=1, total_steps=10, shape="step"),
    ],
    ids=["warmup>total", "zero-length", "negative-warmup", "floor>peak", "negative-floor", "nan-peak", "bad-shape"],
)
def test_invalid_schedules_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Schedule(**kwargs)


def test_factor_helpers() -> None:
    assert [warmup_factor(s, 4) for s in range(6)] == [0.0, 0.25, 0.5, 0.75, 1.0, 1.0]
    assert cosine_factor(0, 10) == 1.0 and cosine_factor(10, 10) == 0.0 and cosine_factor(5, 10) == pytest.approx(0.5)
    assert cosine_factor(3, 0) == 1.0


def test_from_mapping_reads_a_recommendation_and_tolerates_nulls() -> None:
    s = from_mapping({"peak_lr": 3e-3, "warmup_steps": 12, "total_steps": 100, "min_lr": None, "schedule": None})
    assert s == Schedule(3e-3, 12, 100, 0.0, "linear-warmup-cosine")


def test_total_steps_override_keeps_warmup_in_steps_and_cuts_it_to_fit() -> None:
    rec = {"peak_lr": 3e-3, "warmup_steps": 12, "total_steps": 100, "min_lr": 3e-4}
    longer = from_mapping(rec, total_steps=1000)
    assert (longer.warmup_steps, longer.total_steps) == (12, 1000)
    assert longer.lr_at(1000) == 3e-4 and longer.lr_at(12) == 3e-3
    assert from_mapping(rec, total_steps=5).warmup_steps == 5


def _recipe(tmp_path, **rec) -> str:
    path = tmp_path / "recipe.yaml"
    rec = {"peak_lr": 3e-3, "warmup_steps": 12, "total_steps": 100, "min_lr": 3e-4, "schedule": "linear-warmup-cosine", **rec}
    path.write_text(yaml.safe_dump({"warmfind": 1, "recommendation": rec}))
    return str(path)


def test_lr_at_accepts_a_path_a_recipe_or_a_recommendation(tmp_path) -> None:
    path = _recipe(tmp_path)
    rec = yaml.safe_load(open(path))
    expected = Schedule(3e-3, 12, 100, 3e-4).lr_at(50)
    assert schedule.lr_at(path, 50) == schedule.lr_at(rec, 50) == schedule.lr_at(rec["recommendation"], 50) == expected
    assert schedule.lr_at(path, 400, total_steps=400) == 3e-4


def test_group_peaks_keep_ratios_and_frozen_groups() -> None:
    assert group_peaks(1e-3, [1.0, 0.1]) == pytest.approx([1e-3, 1e-4])
    assert group_peaks(1e-3, [0.0, 2.0, 1.0]) == pytest.approx([0.0, 1e-3, 5e-4])
    assert group_peaks(1e-3, [0.0, 0.0]) == [1e-3, 1e-3]


def _two_group_optimizer(lr_a: float = 1.0, lr_b: float = 0.1, cls: type = torch.optim.AdamW) -> torch.optim.Optimizer:
    a, b = torch.nn.Linear(3, 3), torch.nn.Linear(3, 1)
    return cls([{"params": a.parameters(), "lr": lr_a}, {"params": b.parameters(), "lr": lr_b}])


def _run(optimizer: torch.optim.Optimizer, scheduler: torch.optim.lr_scheduler.LRScheduler, steps: int) -> list[list[float]]:
    """The LR each group had for optimizer steps 0..steps-1, stepping the scheduler after each update."""
    seen = []
    for _ in range(steps):
        seen.append([g["lr"] for g in optimizer.param_groups])
        optimizer.step()
        scheduler.step()
    return seen


@pytest.mark.parametrize("optimizer_cls", [torch.optim.AdamW, torch.optim.SGD], ids=["adamw", "sgd"])
def test_from_recipe_reproduces_lr_at_every_step_and_keeps_group_ratios(tmp_path, optimizer_cls: type) -> None:
    path = _recipe(tmp_path)
    optimizer = _two_group_optimizer(cls=optimizer_cls)
    seen = _run(optimizer, schedule.from_recipe(path, optimizer), 105)
    for step, (lr_a, lr_b) in enumerate(seen):
        expected = schedule.lr_at(path, step)
        assert lr_a == pytest.approx(expected, rel=1e-12, abs=1e-18)
        assert lr_b == pytest.approx(expected * 0.1, rel=1e-12, abs=1e-18)
    assert seen[0] == [0.0, 0.0] and seen[12][0] == 3e-3


def test_from_recipe_total_steps_override(tmp_path) -> None:
    path = _recipe(tmp_path)
    optimizer = _two_group_optimizer()
    seen = _run(optimizer, schedule.from_recipe(path, optimizer, total_steps=300), 301)
    stretched = Schedule(3e-3, 12, 300, 3e-4)
    assert [lr_a for lr_a, _ in seen] == pytest.approx([stretched.lr_at(s) for s in range(301)], rel=1e-12, abs=1e-18)
    assert seen[300][0] == pytest.approx(3e-4, rel=1e-12)


def test_from_recipe_leaves_frozen_groups_at_zero(tmp_path) -> None:
    optimizer = _two_group_optimizer(lr_a=1e-3, lr_b=0.0)
    seen = _run(optimizer, schedule.from_recipe(_recipe(tmp_path), optimizer), 30)
    assert all(lr_b == 0.0 for _, lr_b in seen) and seen[12][0] == 3e-3


def test_warmup_cosine_lr_class_matches_and_saves_plain_state() -> None:
    cls = schedule.WarmupCosineLR
    assert cls.__module__ == "warmfind.recipe.schedule" and cls is schedule.WarmupCosineLR
    optimizer = _two_group_optimizer(lr_a=3e-3, lr_b=3e-4)
    sched = cls(optimizer, warmup_steps=12, total_steps=100, min_lr=3e-4)
    seen = _run(optimizer, sched, 101)
    ref = Schedule(3e-3, 12, 100, 3e-4)
    assert [a for a, _ in seen] == pytest.approx([ref.lr_at(s) for s in range(101)], rel=1e-12, abs=1e-18)
    assert [b for _, b in seen] == pytest.approx([ref.lr_at(s) / 10 for s in range(101)], rel=1e-12, abs=1e-18)
    buffer = io.BytesIO()
    torch.save(sched.state_dict(), buffer)
    buffer.seek(0)
    assert torch.load(buffer, weights_only=True)["last_epoch"] == 101


def test_unknown_module_attribute_still_raises() -> None:
    with pytest.raises(AttributeError):
        schedule.NoSuchThing  # noqa: B018


def test_lr_at_reads_a_recipe_file_once_until_it_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21.6: 400 lr_at calls on a path re-read the YAML each time (9.8 s); now the file is read once per version."""
    import os

    from warmfind.recipe import schema

    reads = []
    real = schema.load_recipe
    monkeypatch.setattr(schema, "load_recipe", lambda path, partial=False: reads.append(path) or real(path, partial))
    path = tmp_path / "r.yaml"
    path.write_text("warmfind: 1\nrecommendation: {peak_lr: 0.001, warmup_steps: 10, total_steps: 100, min_lr: 0.0}\n")
    lrs = [schedule.lr_at(path, step) for step in range(400)]
    assert len(reads) == 1 and lrs[10] == 0.001
    path.write_text("warmfind: 1\nrecommendation: {peak_lr: 0.002, warmup_steps: 10, total_steps: 100, min_lr: 0.0}\n")
    os.utime(path, ns=(1, 1))  # a new version even where the clock is coarse
    assert schedule.lr_at(path, 10) == 0.002 and len(reads) == 2
