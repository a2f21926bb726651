"""The offline pick sets' one walk (rounds 56 and 58): copy an exam's set A picks file, moving the picks a rule moves,
each from the pick's recorded recipe (looked up beside the picks file where the recorded path is gone)."""
import json
from collections.abc import Callable
from pathlib import Path


def recipe(p: dict, src: str) -> dict | None:
    """The recipe a pick line records, or None for a line without a pick."""
    if not (p.get("peak_lr") and p.get("recipe")):
        return None
    path = Path(p["recipe"])
    if not path.exists():
        path = Path(src[: -len(".jsonl")] + ".recipes") / path.name
    return json.loads(path.read_text())


def optimizer_name(rec: dict) -> str | None:
    """The recorded optimizer's name (``sgd``, ``nadam``), or None where the recipe records none."""
    return ((rec.get("workload") or {}).get("optimizer") or {}).get("name")


def measured_choice(rec: dict, moved_by: str) -> tuple[float, int] | None:
    """The probes' own choice (peak LR, warmup steps) where the rule ``moved_by`` (``halving``, ``warmup-lift``) moved
    the recipe's peak, else None."""
    measured = (rec.get("recommendation") or {}).get("measured") or {}
    if measured.get("moved_by") != moved_by:
        return None
    return measured["peak_lr"], measured.get("warmup_steps") or 0


def move(src: str, out: str, new_lr: Callable[[dict, dict], float | tuple[float, int] | None],
         label: Callable[[float], str]) -> str:
    """Write ``src``'s picks to ``out`` with each pick's peak LR replaced by ``new_lr(recipe, pick)`` where that is not
    None (a pair replaces the warmup steps too); return the moved rows as "name (data) <label of new / old>", joined
    by "; "."""
    lines, moved = [], []
    for line in open(src):
        p = json.loads(line)
        rec = recipe(p, src)
        found = new_lr(rec, p) if rec else None
        if found:
            lr, warmup = found if isinstance(found, tuple) else (found, p.get("warmup_steps"))
            moved.append(f"{p['name']} ({p['data']}) {label(lr / p['peak_lr'])}")
            p = dict(p, peak_lr=lr, warmup_steps=warmup)
        lines.append(json.dumps(p))
    Path(out).write_text("\n".join(lines) + "\n")
    return "; ".join(moved)
