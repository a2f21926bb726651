"""Round 58's set G for a pre-registered exam: set A's lifted short picks (``recommendation.measured.moved_by`` is
``warmup-lift``) whose constant-LR check failed above the choice (a check probe at a larger peak LR than the choice:
the check steps down only after a failure) put back to the choice, keeping A's 20% warmup; every other pick
unchanged. Exact offline, from each pick's recorded recipe (looked up beside the picks file where the recorded path
is gone).

    python benchmarks/results/experiments/round58/guard.py <exam picks.A.jsonl> <out picks.G.jsonl>
    # prints the names moved, with the factor
"""
import json
import sys
from pathlib import Path


def recipe(p: dict, src: str) -> dict | None:
    if not (p.get("peak_lr") and p.get("recipe")):
        return None
    path = Path(p["recipe"])
    if not path.exists():
        path = Path(src[: -len(".jsonl")] + ".recipes") / path.name
    return json.loads(path.read_text())


def guarded(rec: dict) -> float | None:
    """The choice's peak LR where the lift put the pick above a failed constant-LR check, else None."""
    measured = (rec.get("recommendation") or {}).get("measured") or {}
    if measured.get("moved_by") != "warmup-lift":
        return None
    choice = measured["peak_lr"]
    failed = [p for p in rec["evidence"]["probes"] if p["stage"] == "check" and p["peak_lr"] > choice * 1.001]
    return choice if failed else None


if __name__ == "__main__":
    src, out = sys.argv[1], sys.argv[2]
    lines, moved = [], []
    for line in open(src):
        p = json.loads(line)
        rec = recipe(p, src)
        lr = guarded(rec) if rec else None
        if lr:
            moved.append(f"{p['name']} ({p['data']}) x{lr / p['peak_lr']:.3f}")
            p = dict(p, peak_lr=lr)
        lines.append(json.dumps(p))
    open(out, "w").write("\n".join(lines) + "\n")
    print("; ".join(moved))
