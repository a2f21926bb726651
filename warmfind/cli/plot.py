"""A terminal plot of loss against LR on a log axis, as plain text lines (pure; the CLI prints them)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def loss_vs_lr(
    lrs: Sequence[float],
    losses: Sequence[float],
    marks: Mapping[str, float | None],
    width: int = 64,
    height: int = 14,
) -> list[str]:
    """Render ``losses`` over ``log10(lrs)``; ``marks`` maps a one-letter label to an LR drawn as a column marker.

    The y axis spans the finite losses up to 3x the range above the minimum, so the blow-up does not flatten
    the interesting part of the curve.
    """
    points = [(math.log10(lr), loss) for lr, loss in zip(lrs, losses) if lr > 0 and math.isfinite(loss)]
    if len(points) < 2:
        return ["(not enough finite points to plot)"]
    xs = [x for x, _ in points]
    lo_y = min(y for _, y in points)
    start_y = points[0][1]
    hi_y = max(start_y, lo_y) + 2 * (max(start_y, lo_y) - lo_y) or lo_y + 1.0
    x0, x1 = min(xs), max(xs)
    if x1 == x0:
        x1 = x0 + 1
    grid = [[" "] * width for _ in range(height)]

    def col(x: float) -> int:
        return min(width - 1, max(0, int(round((x - x0) / (x1 - x0) * (width - 1)))))

    def row(y: float) -> int:
        frac = (min(y, hi_y) - lo_y) / (hi_y - lo_y)
        return min(height - 1, max(0, height - 1 - int(round(frac * (height - 1)))))

    for label, lr in marks.items():
        if lr and lr > 0 and x0 <= math.log10(lr) <= x1:
            c = col(math.log10(lr))
            for r in range(height):
                grid[r][c] = ":" if grid[r][c] == " " else grid[r][c]
            grid[0][c] = label[:1]
    for x, y in points:
        grid[row(y)][col(x)] = "•"
    lines = [f"{_num(hi_y if r == 0 else lo_y if r == height - 1 else None):>9} |" + "".join(grid[r]) for r in range(height)]
    axis = " " * 10 + "+" + "-" * width
    labels = f"{'':>10} {10**x0:<.0e}{'':^{max(0, width - 16)}}{10**x1:>.0e}"
    return lines + [axis, labels, f"{'':>10} lr (log scale); " + ", ".join(f"{k} = {v:.1e}" for k, v in marks.items() if v)]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3g}"
