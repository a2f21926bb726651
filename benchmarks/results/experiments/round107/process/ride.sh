#!/usr/bin/env bash
# ride.sh N : round 107's set G beside auto3.sh (which runs unchanged). Wait for auto3's committed picks A of exam N;
# make G from them offline (round107/adawarm.py, tag .adawarm) and commit it; wait for auto3's committed scores (A, S,
# then its sets); score G once into /tmp/scoreN (auto3's evals cache), copy unchanged, commit.
set -u
N=$1; cd /work/main
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
until grep -q "picks committed" /tmp/auto/auto$N.log 2>/dev/null; do sleep 20; done
H=$(git log -1 --format=%h --abbrev=7 -- benchmarks/exam${N}_workloads.py)
D=benchmarks/results/exam$N
log "picks A of $N at $H committed; G"
echo "G moved: $($PY $EXP/round107/adawarm.py $D/picks.$H.jsonl $D/picks.$H.adawarm.jsonl)"
commit "Exam $N: picks G (.adawarm, round 107, offline from A's recipes), committed before any score is read" $D/picks.$H.adawarm.jsonl \
  && log "G picks committed $(git log -1 --format=%h)" || log "G PICKS COMMIT FAILED"
until grep -q "scores committed" /tmp/auto/auto$N.log 2>/dev/null; do sleep 20; done
log "score $H.adawarm"
$PY benchmarks/exam.py --registry exam${N}_workloads --results /work/main/$D --picks /work/main/$D/picks.$H.adawarm.jsonl \
  --evals /tmp/score$N/evals.jsonl --out /tmp/score$N/score.$H.adawarm --workers 1 > /tmp/score$N/score.adawarm.log 2>&1
log "scored $H.adawarm rc=$?"
cp /tmp/score$N/score.$H.adawarm.json /tmp/score$N/score.$H.adawarm.md /tmp/score$N/evals.jsonl $D/
commit "Exam $N: first scoring of G (.adawarm, once, into /tmp/score$N), copied unchanged" $D/evals.jsonl $D/score.$H.adawarm.json $D/score.$H.adawarm.md \
  && log "G scores committed $(git log -1 --format=%h)" || log "G SCORES COMMIT FAILED"
