#!/usr/bin/env bash
# The GPU check for a session that is lent a device (about 5 minutes on one H200): the CUDA tests (`pytest -m gpu`),
# the README's probe on cuda in bf16 and fp32, and the probe's per-step overhead against a bare loop under the same
# autocast (the tiny built-in workloads, launch-bound on a GPU, and a 19M-parameter character transformer), plus a
# two-process NCCL probe where 2 GPUs exist. Needs torch, typer, rich and pyyaml importable (nothing is installed:
# the device machines cannot reach a package index). Run on the device machine from the repository root:
#     bash benchmarks/gpu_check.sh
# Results land in $OUT (or ./gpu-results when OUT is unset): log.txt, two recipes and the speed tables (7 files).
set -uo pipefail
OUT=${OUT:-gpu-results}
mkdir -p "$OUT"
PY=${PY:-python3}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 PYTHONWARNINGS=ignore
log() { tee -a "$OUT/log.txt"; }
$PY -c "import torch, typer, rich, yaml; print('torch', torch.__version__, '|', torch.cuda.get_device_name(0))" 2>&1 | log
$PY -m pytest -q -m gpu -p no:cacheprovider tests/probing/test_cuda.py 2>&1 | tail -3 | log
for precision in bf16 fp32; do
  $PY -m warmfind probe recipes/default.yaml --device cuda --precision $precision --quiet \
      --out "$OUT/default-cuda-$precision.recipe.yaml" 2>&1 | tail -3 | log
  echo "probe recipes/default.yaml --device cuda --precision $precision: rc ${PIPESTATUS[0]} (seconds: the recipe's cost)" | log
done
$PY benchmarks/speed.py --device cuda --precision bf16 --workloads charlm charlm_large deep_mlp_adam --budgets \
    --out "$OUT/speed-cuda-bf16" 2>&1 | log
$PY benchmarks/speed.py --device cuda --precision fp32 --workloads charlm charlm_large --no-whole --budgets \
    --out "$OUT/speed-cuda-fp32" 2>&1 | log
if [ "$($PY -c 'import torch; print(torch.cuda.device_count())')" -ge 2 ]; then
  torchrun --standalone --nproc_per_node 2 -m warmfind probe recipes/default.yaml --device cuda --quiet \
      --out "$OUT/ddp.recipe.yaml" 2>&1 | tail -3 | log
fi
