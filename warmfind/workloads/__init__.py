"""Built-in workloads: small, download-free models and data for the default probe, the tests and benchmarks."""
