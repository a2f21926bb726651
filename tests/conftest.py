"""Shared fixtures: seeded, single-threaded CPU torch and tiny factories for the entrypoint contract."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import torch

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))  # so entrypoints like "tiny_factories:mlp" resolve


@pytest.fixture(autouse=True)
def _seeded() -> None:
    random.seed(0)
    torch.manual_seed(0)
    torch.set_num_threads(1)
