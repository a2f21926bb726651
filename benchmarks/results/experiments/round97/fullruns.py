"""Round 97's full runs (`fullruns.sh`: seeds 0 and 1 at full length, as the exams score; spent exams only): sets H
and T5 on the rows T5 moved, per plan length and regime, with each row's seed noise. Reads the copies
``score.{h,t5}.examN.json`` here.

    python benchmarks/results/experiments/round97/fullruns.py > benchmarks/results/experiments/round97/fullruns.txt
"""
import json
import statistics
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rows(tag: str) -> dict[tuple[int, str, str], dict]:
    found = {}
    for f in sorted(HERE.glob(f"score.{tag}.exam*.json")):
        exam = int(f.name.split("exam")[1].split(".")[0])
        for r in json.loads(f.read_text())["rows"]:
            if "pick" in r:  # the rows scored (--only)
                found[(exam, r["workload"], r["data"])] = r
    return found


if __name__ == "__main__":
    h, t5 = rows("h"), rows("t5")
    moved = [k for k in sorted(t5) if k in h and (h[k]["pick"]["lr"], h[k]["pick"]["warmup_steps"])
             != (t5[k]["pick"]["lr"], t5[k]["pick"]["warmup_steps"])]
    for long in (False, True):
        for data in ("eval", "no-eval"):
            group = [k for k in moved if k[2] == data and h[k]["long"] == long]
            if not group:
                continue
            print(f"{'long' if long else 'short'} plans, {data}: {len(group)} rows T5 moved (regret H -> T5, LR / best)")
            better = worse = 0
            for k in group:
                a, b, noise = h[k]["pick"]["regret"], t5[k]["pick"]["regret"], h[k]["seed_noise"] or 0
                margin = max(0.01, 2 * noise)
                better += b < a - margin
                worse += b > a + margin
                print(f"  {k[0]} {k[1]:<38} {a:+8.1%} -> {b:+8.1%}   {h[k]['pick']['lr_ratio']:.2f}x -> "
                      f"{t5[k]['pick']['lr_ratio']:.2f}x   seed noise {noise:.1%}")
            print(f"  median {statistics.median(h[k]['pick']['regret'] for k in group):+.1%} -> "
                  f"{statistics.median(t5[k]['pick']['regret'] for k in group):+.1%}; beyond max(1 point, 2 x seed noise): "
                  f"better on {better}, worse on {worse}\n")
