"""Round 63's set F for a pre-registered exam: the short plans' picks from set C (the same search with the re-rank at
a fifth of the run: ``exam.py --make-picks --only <short plans> --defaults RERANK_FRACTION=0.2``), the long plans'
picks from set A (a third, under the cost cap, as now). Recipes of both are kept beside the output, so the cost can be
read.

    python benchmarks/results/experiments/round63/fifth.py <picks.A.jsonl> <picks.C.jsonl> <out picks.F.jsonl>
"""
import json
import shutil
import sys
from pathlib import Path


def merge(a: str, c: str, out: str) -> list[str]:
    """Write ``out``: C's line for every plan C made (short plans), A's for the others; return the names taken from C.
    Each line's recipe is copied into ``out``'s recipes folder and its path pointed there."""
    shorts = {(p["name"], p["data"]): p for p in map(json.loads, open(c))}
    folder = Path(out[: -len(".jsonl")] + ".recipes")
    folder.mkdir(exist_ok=True)
    lines, taken = [], []
    for p in map(json.loads, open(a)):
        src = a
        if (p["name"], p["data"]) in shorts:
            p, src = shorts[(p["name"], p["data"])], c
            taken.append(f"{p['name']} ({p['data']})")
        if p.get("recipe"):
            path = Path(p["recipe"])
            if not path.exists():
                path = Path(src[: -len(".jsonl")] + ".recipes") / path.name
            shutil.copy(path, folder / path.name)
            p = dict(p, recipe=str(folder / path.name))
        lines.append(json.dumps(p))
    Path(out).write_text("\n".join(lines) + "\n")
    return taken


if __name__ == "__main__":
    print("; ".join(merge(*sys.argv[1:4])))
