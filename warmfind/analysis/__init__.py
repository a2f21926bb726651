"""Pure analysis (bottom layer, no torch): range-test curves, spikes, smoothing, the noise scale, probe summaries and the choice of LR and warmup."""
