"""Probing (torch): load the workload from its entrypoint, run the probe plan on the real model, measure the noise scale, build the recipe."""
