"""Schedules every emit test runs through: (peak_lr, warmup_steps, total_steps, min_lr, shape)."""

CASES = {
    "typical": (3e-3, 12, 100, 3e-4, "linear-warmup-cosine"),
    "no-floor": (1e-3, 10, 40, 0.0, "linear-warmup-cosine"),
    "odd-values": (0.0037, 7, 33, 0.00041, "linear-warmup-cosine"),
    "no-warmup": (6e-4, 0, 50, 6e-5, "linear-warmup-cosine"),
    "constant": (1e-3, 4, 20, 1e-4, "linear-warmup-constant"),
}
