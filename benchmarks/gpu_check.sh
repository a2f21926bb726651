#!/usr/bin/env bash
# The GPU check for a session that is lent a device (about 5 minutes): the probe on cuda with bf16 autocast,
# the per-step overhead against a bare loop on the GPU, and a two-process NCCL probe when 2 GPUs exist.
# Run on the device machine from the repository root:  bash benchmarks/gpu_check.sh
# Results land in $OUT (or ./gpu-results when OUT is unset).
set -euo pipefail
OUT=${OUT:-gpu-results}
mkdir -p "$OUT"
python -m pip install --quiet -e . 2>/dev/null || python -m pip install --quiet --no-deps -e .
python -c "import torch; print(torch.__version__, torch.cuda.get_device_name(0))" | tee "$OUT/device.txt"
warmfind probe recipes/default.yaml --device cuda --precision bf16 --out "$OUT/default-cuda-bf16.recipe.yaml" 2> "$OUT/probe.log"
warmfind probe recipes/default.yaml --device cuda --out "$OUT/default-cuda-fp32.recipe.yaml" --quiet
python benchmarks/speed.py --device cuda --budgets 5 --out "$OUT/speed-cuda" | tee "$OUT/speed.txt"
if [ "$(python -c 'import torch; print(torch.cuda.device_count())')" -ge 2 ]; then
  torchrun --standalone --nproc_per_node 2 -m warmfind probe recipes/default.yaml --device cuda --out "$OUT/ddp.recipe.yaml" --quiet
fi
