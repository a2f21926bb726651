#!/usr/bin/env bash
# ride2.sh N TAG MAKER AFTER_LOG AFTER_LINE : one offline set beside auto3.sh (which runs unchanged); round 107's G
# runs through ride.sh, its C as: ride2.sh N checkundo round107/checkundo.py /tmp/auto/rideN.log "set scores committed".
# Wait for auto3's committed picks A of exam N; make the set from them offline (python MAKER A OUT, tag .TAG) and commit
# it; wait for AFTER_LINE in AFTER_LOG (the set scored before it); score the set once into /tmp/scoreN (auto3's evals
# cache), copy unchanged, commit.
set -u
N=$1; TAG=$2; MAKER=$3; AFTER_LOG=$4; AFTER_LINE=$5; cd /work/main
. /work/main/benchmarks/results/experiments/round95/process/common.sh
until grep -q "picks committed" /tmp/auto/auto$N.log 2>/dev/null; do sleep 20; done
H=$(git log -1 --format=%h --abbrev=7 -- benchmarks/exam${N}_workloads.py)
D=benchmarks/results/exam$N
log "picks A of $N at $H committed; .$TAG"
echo "moved: $($PY $EXP/$MAKER $D/picks.$H.jsonl $D/picks.$H.$TAG.jsonl)"
commit "Exam $N: picks .$TAG ($MAKER, offline from A's recipes), committed before any score is read" $D/picks.$H.$TAG.jsonl \
  && log "picks committed $(git log -1 --format=%h)" || log "PICKS COMMIT FAILED"
until grep -q "$AFTER_LINE" $AFTER_LOG 2>/dev/null; do sleep 20; done
log "score $H.$TAG"
$PY benchmarks/exam.py --registry exam${N}_workloads --results /work/main/$D --picks /work/main/$D/picks.$H.$TAG.jsonl \
  --evals /tmp/score$N/evals.jsonl --out /tmp/score$N/score.$H.$TAG --workers 1 > /tmp/score$N/score.$TAG.log 2>&1
log "scored $H.$TAG rc=$?"
cp /tmp/score$N/score.$H.$TAG.json /tmp/score$N/score.$H.$TAG.md /tmp/score$N/evals.jsonl $D/
commit "Exam $N: first scoring of .$TAG (once, into /tmp/score$N), copied unchanged" $D/evals.jsonl $D/score.$H.$TAG.json $D/score.$H.$TAG.md \
  && log "set scores committed $(git log -1 --format=%h)" || log "SET SCORES COMMIT FAILED"
