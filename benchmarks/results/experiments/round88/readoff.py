"""Round 88's read (descriptive on spent exams, deciding nothing): set Y (`stallext.patch`: the re-rank's upward
extension is no longer blocked by a probe that only stalled at a shorter horizon) against the product today, both read
off the full-length grids (round 23's interpolation in log LR, at the pick's warmup). The product today: exams
139-140's set A; exams 137-138's set Q (A with round 84's Adagrad raise, which is the product's since); exams 133-135's
Adagrad long picks as round 80 shipped them (the re-rank's best) x sqrt(2). Part 1: the Adagrad long plans of exams
133-139 whose re-rank ranked its largest LR first (`spent/edge*.jsonl`); part 2: every plan of exams 137-140
(`spent/all*.jsonl`). Run from the repository root:
    python benchmarks/results/experiments/round88/readoff.py > benchmarks/results/experiments/round88/readoff.txt
"""
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parents[3]), str(HERE.parents[1] / "round23")]
from coverage import grid_means, loss_at  # noqa: E402

RES = HERE.parents[2]
SCORE = {133: "a25311a", 134: "5a8b873", 135: "e79e7b1", 137: "26ed138", 138: "94aafeb", 139: "25ae89a", 140: "74ce8a9"}
TODAY = {133: (".adagrad", 2 ** 0.5), 134: (".adagrad", 2 ** 0.5), 135: ("", 2 ** 0.5), 137: (".sqrt2", 1.0),
         138: (".sqrt2", 1.0), 139: ("", 1.0), 140: ("", 1.0)}


def rows(stem: str, exams: list[int]) -> list[tuple]:
    out = []
    for n in exams:
        tag, factor = TODAY[n]
        today = {(d["name"], d["data"]): d for d in map(json.loads, open(RES / f"exam{n}" / f"picks.{SCORE[n]}{tag}.jsonl"))}
        scored = {(r["workload"], r["data"]): r for r in json.loads((RES / f"exam{n}" / f"score.{SCORE[n]}.json").read_text())["rows"]}
        for y in map(json.loads, open(HERE.parent / "spent" / f"{stem}{n}.jsonl")):
            key = (y["name"], y["data"])
            t, r = today[key], scored[key]
            adagrad_long = r["long"] and r["optimizer"].startswith("adagrad")
            t_lr = t["peak_lr"] * (factor if adagrad_long else 1.0)
            grid, best, steps = grid_means(RES / f"exam{n}", y["name"]), r["best"]["loss"], r["total_steps"]
            read_t = loss_at(grid, t_lr, t["warmup_steps"] / steps) / best - 1
            read_y = loss_at(grid, y["peak_lr"], y["warmup_steps"] / steps) / best - 1
            moved = abs(y["peak_lr"] / t_lr - 1) > 1e-9 or y["warmup_steps"] != t["warmup_steps"]
            out.append((n, key, r["optimizer"], t_lr / r["best"]["lr"], y["peak_lr"] / t_lr, read_t, read_y, moved,
                        t["probe_steps"], y["probe_steps"]))
    return out


def report(title: str, got: list[tuple]) -> None:
    print(title)
    for n, (name, data), opt, ratio, move, rt, ry, moved, st, sy in got:
        if moved:
            print(f"  {n} {data:<7} {name:<36} {opt[:14]:<14} today / best {ratio:4.2f}  Y / today {move:4.2f}  read today "
                  f"{rt:+7.1%}  Y {ry:+7.1%}  probe steps {st} -> {sy}")
    for data in ("eval", "no-eval"):
        m = [x for x in got if x[1][1] == data and x[7]]
        if m:
            print(f"  {data}: {len(m)} of {sum(x[1][1] == data for x in got)} rows moved; read today median "
                  f"{statistics.median(x[5] for x in m):+.1%}, Y {statistics.median(x[6] for x in m):+.1%}; Y better by over "
                  f"a point on {sum(x[6] < x[5] - 0.01 for x in m)}, worse on {sum(x[6] > x[5] + 0.01 for x in m)}")
    same = [x for x in got if not x[7]]
    extra = [x[9] - x[8] for x in same if x[9] != x[8]]
    print(f"  unmoved {len(same)}; of them {len(extra)} ran an extension that lost (median {statistics.median(extra) if extra else 0:.0f} "
          f"probe steps more)\n")


if __name__ == "__main__":
    report("Part 1: Adagrad long plans whose re-rank ranked its largest LR first (exams 133-139)", rows("edge", [133, 134, 135, 137, 138, 139]))
    report("Part 2: every plan of exams 137-140", rows("all", [137, 138, 139, 140]))
