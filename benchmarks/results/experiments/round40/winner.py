"""Round 40 (descriptive, recorded first scorings only, read again; decides nothing): when the grid's best LR lies
below every re-rank candidate (round 39's 'below'), did the re-rank's own ranking point down? For each pooled row
with a recorded recipe, the re-rank's winner (lowest ranking loss among its stable probes) against its lowest-LR
stable probe. If the winner is mostly not the lowest candidate, a further candidate below the window would not win
at the re-rank's horizon either: the miss is the horizon's pull toward larger LRs, not the window's placement.
Run from the repository root (the optional argument is the last exam read):
    python benchmarks/results/experiments/round40/winner.py 42 > benchmarks/results/experiments/round40/winner.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round39")
from window import window_rows  # noqa: E402


def ranking(probe: dict) -> float | None:
    """The loss the re-rank ranked by: eval_data's, or the fixed training sample's (also stored as eval_loss)."""
    return probe["eval_loss"] if probe.get("eval_loss") is not None else probe.get("loss")


def main() -> None:
    table: dict[tuple[str, str], list[tuple[bool, float, float]]] = {}
    for exam, r, rerank, side, _ in window_rows(int(sys.argv[1]) if len(sys.argv) > 1 else None):
        stable = [p for p in rerank if not p.get("failed") and ranking(p) is not None]
        if not stable:
            continue
        winner = min(stable, key=ranking)
        low_lr = min(p["peak_lr"] for p in stable)
        lowest = min((p for p in stable if p["peak_lr"] <= low_lr * 1.01), key=ranking)
        won = winner["peak_lr"] <= low_lr * 1.01
        gap = ranking(lowest) / ranking(winner) - 1
        table.setdefault(("long" if r["long"] else "short", side), []).append((won, gap, r["pick"]["regret"]))
        if r["long"] and side == "below":
            print(f"{exam:<8} {r['workload']:<30}{r['data']:<8} best {r['best']['lr']:9.3g}  lowest candidate "
                  f"{low_lr:9.3g}  winner {winner['peak_lr']:9.3g}  lowest's gap {gap:+7.1%}  regret {r['pick']['regret']:+8.1%}")
    print()
    for (plans, side), v in sorted(table.items()):
        won = [x for x in v if x[0]]
        print(f"{plans:<6}{side:<7} {len(v):3} rows  the lowest candidate won {len(won):3}  "
              f"lowest's gap to the winner, median {statistics.median(x[1] for x in v):+6.1%}  "
              f"regret median where it won {statistics.median(x[2] for x in won) if won else 0:+6.1%}, "
              f"where it lost {statistics.median(x[2] for x in v if not x[0]) if len(won) < len(v) else 0:+6.1%}")


if __name__ == "__main__":
    main()
