"""The CPU thread count: forced, left alone where timing cannot help, or measured on the real model."""

from __future__ import annotations

import pytest
import tiny_factories as tf
import torch

from warmfind.errors import WarmfindError
from warmfind.probing.prober import Prober
from warmfind.probing.threads import choose_threads
from warmfind.probing.workload import build_workload


@pytest.fixture
def prober() -> Prober:
    return Prober(build_workload(tf.mlp()), torch.device("cpu"))


@pytest.fixture(autouse=True)
def _restore_threads() -> object:
    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


def test_forced_threads_are_set_and_said(prober: Prober) -> None:
    choice = choose_threads(prober, forced=2)
    assert (choice.threads, choice.chosen_by, torch.get_num_threads()) == (2, "--threads", 2)
    with pytest.raises(WarmfindError, match="at least 1"):
        choose_threads(prober, forced=0)


def test_one_thread_already_is_left_alone(prober: Prober) -> None:
    torch.set_num_threads(1)
    assert choose_threads(prober).chosen_by == "default"


def test_measured_choice_is_the_faster_and_leaves_the_model_as_it_was(prober: Prober) -> None:
    before = {k: v.clone() for k, v in prober.model.state_dict().items()}
    torch.set_num_threads(2)
    choice = choose_threads(prober, steps=2)
    assert choice.chosen_by == "measured" and set(choice.step_seconds) == {1, 2}
    # the recorded seconds are rounded to 10 us, so a tie there can hide which was faster: the choice is never slower
    assert choice.step_seconds[choice.threads] == min(choice.step_seconds.values())
    assert choice.threads == torch.get_num_threads()
    assert all(torch.equal(before[k], v) for k, v in prober.model.state_dict().items())
