"""Round 96 (descriptive, deciding nothing): the 18 Adagrad long plans of spent exams 113-158 whose product pick had no
warmup, re-probed with the product as it stands (set H) and with WARMUP_TIE widened from 1% to 3% (T3) and 5% (T5)
(`reprobe.sh`: a no-warmup choice that is the measured best moves to the largest-LR re-rank candidate with warmup
within that band), against set A's first scoring, all read off the full-length grids (round 95's `readoff.py`: round
23's interpolation in log LR at the pick's warmup, seeds 0 and 1; about two points high, misleading across cliffs).
``picks.{h,t3,t5}.examN.jsonl`` are the re-probes' copies.

    python benchmarks/results/experiments/round96/readoff.py > benchmarks/results/experiments/round96/readoff.txt
"""
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("round95_readoff", HERE.parents[1] / "round95" / "readoff.py")
_r95 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r95)

if __name__ == "__main__":
    _r95.main(HERE.parent, ("h", "t3", "t5"), (133, 134, 136, 137, 139, 140, 149, 150, 151, 152, 153, 154, 157))
