"""Recipe YAML: floats every loader reads, round trips, and validation messages."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from warmfind.errors import WarmfindError
from warmfind.recipe.schema import (
    dump_recipe,
    format_float,
    load_recipe,
    validate_recipe,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [(3e-4, "3.0e-04"), (0.25, "0.25"), (41.2, "41.2"), (2.0, "2.0"), (1.5e-7, "1.5e-07"), (0.0, "0.0"),
     (math.inf, ".inf"), (12345678.0, "1.2346e+07")],
)
def test_format_float(value: float, text: str) -> None:
    assert format_float(value) == text
    loaded = yaml.safe_load(f"x: {text}")["x"]
    assert isinstance(loaded, float) and loaded == pytest.approx(value, rel=1e-4)


def minimal() -> dict:
    return {"warmfind": 1, "recommendation": {"peak_lr": 3e-4, "warmup_steps": 10, "total_steps": 100}}


def test_dump_round_trips_and_names_its_command(tmp_path: Path) -> None:
    text = dump_recipe(minimal(), "warmfind probe x:y")
    assert text.startswith("# produced by: warmfind probe x:y\n")
    assert "peak_lr: 3.0e-04" in text
    path = tmp_path / "r.yaml"
    path.write_text(text)
    assert load_recipe(path)["recommendation"]["peak_lr"] == pytest.approx(3e-4)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a: [1,", "not valid YAML"),
        ("just text", "not a warmfind recipe"),
        ("warmfind: 1\n", "no 'recommendation'"),
        ("warmfind: 1\nrecommendation: {peak_lr: x, warmup_steps: 1, total_steps: 2}\n", "lacks numeric peak_lr"),
    ],
)
def test_bad_recipes_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(content)
    with pytest.raises(WarmfindError, match=message):
        load_recipe(path)


def test_missing_recipe() -> None:
    with pytest.raises(WarmfindError, match="not found"):
        load_recipe(Path("/nonexistent/r.yaml"))


def test_validate_accepts_minimal() -> None:
    assert validate_recipe(minimal())["warmfind"] == 1
