"""warmfind: measure the peak learning rate and warmup length for a PyTorch model before the costly run."""

__version__ = "0.1.0"
