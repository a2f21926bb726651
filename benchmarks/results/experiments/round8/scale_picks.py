"""Offline (round 8): every pick's peak LR times a factor (warmup steps kept); write a picks jsonl."""
import json, sys
from pathlib import Path
factor, src, out = float(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
lines = []
for line in src.read_text().splitlines():
    p = json.loads(line)
    if p.get('peak_lr') is not None:
        p = dict(p, peak_lr=p['peak_lr'] * factor)
    lines.append(json.dumps(p))
out.write_text('\n'.join(lines) + '\n')
