"""Public API: the LR schedule a recipe describes (``from_recipe``, ``lr_at``, ``Schedule``, ``WarmupCosineLR``).

The code lives in ``warmfind.recipe.schedule``; this module keeps the documented import path stable.
"""

from warmfind.recipe.schedule import (
    SCHEDULES,
    Schedule,
    __getattr__,  # noqa: F401  (the lazy WarmupCosineLR resolves through it)
    cosine_factor,
    from_mapping,
    from_recipe,
    group_peaks,
    lr_at,
    warmup_factor,
)

__all__ = ["SCHEDULES", "Schedule", "cosine_factor", "from_mapping", "from_recipe", "group_peaks", "lr_at", "warmup_factor"]
