"""The offline pick sets' one walk (rounds 56 and 58): copy an exam's set A picks file, moving the picks a rule moves,
each from the pick's recorded recipe (looked up beside the picks file where the recorded path is gone); and ``write``,
the changed rows of spent exams as picks files for a candidate's full runs (rounds 105 and 107)."""
import json
from collections.abc import Callable, Iterable
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


def write(moved: Iterable[tuple[str, dict, int, tuple[float, int]]], out: Path, letter: str) -> None:
    """Each moved row (exam, scored row, planned steps, the candidate's (peak LR, warmup steps)) listed and written to
    ``out``/picks.``letter``.examN.jsonl, the changed rows only, as ``exam.py`` reads picks: the picks of rounds 105 and
    107's full runs on spent exams."""
    out.mkdir(exist_ok=True)
    by_exam: dict[int, list[dict]] = {}
    for exam, r, total, c in moved:
        n = int(exam.split()[-1])
        by_exam.setdefault(n, []).append({"name": r["workload"], "data": r["data"], "peak_lr": c[0],
                                          "warmup_steps": c[1], "total_steps": total, "probe_steps": None})
        print(f"{n} {r['workload']} {r['data']}: {r['pick']['lr']:.4g} / {r['pick']['warmup_steps']} -> "
              f"{c[0]:.4g} / {c[1]}")
    for n, picks in by_exam.items():
        (out / f"picks.{letter}.exam{n}.jsonl").write_text("".join(json.dumps(p) + "\n" for p in picks))
