"""Set N of an exam: the near-tie advice's LR on the rows whose recipe carries it (``analysis.near_tie``).

Reads a picks file and its recipes folder (``picks.<tag>.jsonl`` beside ``picks.<tag>.recipes``), and writes one pick
line per row whose recipe's ``advice`` holds a ``near-tie``: the advised LR, with the warmup fraction of the probe the
advice names, scaled to the plan's total steps (as the recipe scales its own choice); everything else is the row's
set A line. Only the recipes' ``advice`` and probes are read: no score, grid or evals file. Run from the repository
root:
    python benchmarks/near_tie_set.py benchmarks/results/examN/picks.<tag>.jsonl benchmarks/results/examN/picks.<tag>.near-tie.jsonl
"""
import json
import math
import sys
from pathlib import Path


def advised(pick: dict, recipe: dict) -> dict | None:
    """The set N line for one set A pick, or None where the recipe carries no near-tie advice."""
    tie = next((a for a in recipe.get("advice") or [] if a["kind"] == "near-tie"), None)
    if tie is None:
        return None
    stage, horizon = tie["other"].split(" steps,")[0].split()
    warm = not tie["other"].endswith("no warmup")
    probe = next(p for p in recipe["evidence"]["probes"]
                 if p["stage"] == stage and p["horizon"] == int(horizon) and (p["warmup_steps"] > 0) == warm
                 and math.isclose(p["peak_lr"], tie["other_lr"], rel_tol=1e-9))
    warmup = int(round(probe["warmup_steps"] / probe["horizon"] * pick["total_steps"]))
    return {**pick, "peak_lr": tie["other_lr"], "warmup_steps": warmup, "set": "near-tie advice",
            "advised_from": tie["other"]}


def main() -> None:
    picks, out = Path(sys.argv[1]), Path(sys.argv[2])
    recipes = picks.with_suffix(".recipes")
    lines = []
    for line in picks.read_text().splitlines():
        pick = json.loads(line)
        recipe = recipes / Path(pick["recipe"]).name
        row = advised(pick, json.loads(recipe.read_text())) if recipe.exists() else None
        if row is not None:
            lines.append(json.dumps(row))
    out.write_text("".join(f"{x}\n" for x in lines))
    print(f"{len(lines)} rows carry the near-tie advice: {out}")


if __name__ == "__main__":
    main()
