# common.sh: what the exam runners share (sourced by round 90's auto.sh / auto2.sh, auto3.sh and round 107's ride2.sh):
# the paths, one thread, a timestamped log line, and a commit of named files that retries while another process holds
# git's index lock.
PY=/work/main/.venv/bin/python
EXP=/work/main/benchmarks/results/experiments
export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
log() { echo "$(date -u +%H:%M:%S) $*"; }
commit() { # msg files...
  local msg=$1; shift
  for i in 1 2 3 4 5 6 7 8 9 10; do
    git add -- "$@" && git commit -q -m "$msg" -- "$@" && return 0
    sleep 3
  done; return 1; }
