"""The README's promises: short, its two commands intact, and its example a model that learns."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from typer.testing import CliRunner

from warmfind.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"
QUICK_START = ("python3 -m venv .venv && . .venv/bin/activate && pip install torch==2.13.0 && pip install -e '.[dev]' && "
               "warmfind probe recipes/default.yaml --out runs/default.recipe.yaml && warmfind show runs/default.recipe.yaml")


def test_the_readme_is_short_and_keeps_its_two_commands() -> None:
    text = README.read_text()
    assert len(text.encode()) < 12_000
    blocks = re.findall(r"```bash\n(.*?)\n```", text, re.S)
    assert blocks[:2] == [QUICK_START, "python -m pytest -q"]
    assert "<!-- example-output:" in text and "<!-- /example-output -->" in text
    assert "planned run: 1,000 steps (default; pass --total-steps)" in text
    for link in re.findall(r"\]\((docs/[^)#]+)", text):
        assert (README.parent / link).is_file(), link


def test_the_readme_example_learns_its_teacher(tmp_path: Path) -> None:
    code = re.search(r"```python\n(# mymodel\.py.*?)```", README.read_text(), re.S)
    assert code is not None
    (tmp_path / "mymodel.py").write_text(code.group(1))
    result = CliRunner().invoke(app, ["probe", f"{tmp_path / 'mymodel.py'}:build", "--total-steps", "200",
                                      "--device", "cpu", "--quiet"])
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    assert recipe["evidence"]["ranked_by"]["by"] == "eval_data"
    best = min(p["eval_loss"] for p in recipe["evidence"]["probes"] if p["stage"] == "rerank" and p["eval_loss"] is not None)
    assert best < 0.38 / 4  # var(y) is 0.38: the probes learn most of the teacher within 80 steps
