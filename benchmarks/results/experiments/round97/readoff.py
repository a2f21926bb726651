"""Round 97 (descriptive, deciding nothing): the 36 plans of spent exams 113-158 whose re-rank measured a no-warmup
best with a larger-LR warmed candidate 1-5% behind it (eval_data recipes of set A's first scorings; `find.py`),
re-probed with the product as it stands (set H) and with WARMUP_TIE at 5% for every optimizer (set T5; `reprobe.sh`),
against set A's first scoring, all read off the full-length grids (round 95's `readoff.py`: round 23's interpolation
in log LR at the pick's warmup, seeds 0 and 1; about two points high, misleading across cliffs).

    python benchmarks/results/experiments/round97/readoff.py > benchmarks/results/experiments/round97/readoff.txt
"""
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("round95_readoff", HERE.parents[1] / "round95" / "readoff.py")
_r95 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r95)

if __name__ == "__main__":
    exams = sorted({int(p.name.split("exam")[1].split(".")[0]) for p in HERE.parent.glob("picks.h.exam*.jsonl")})
    _r95.main(HERE.parent, ("h", "t5"), tuple(exams))
