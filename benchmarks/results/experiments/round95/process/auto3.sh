#!/usr/bin/env bash
# auto3.sh N SET... (SET: warmarm | revert | t5 | tie1 | mid | liftcap) : round 90's auto2.sh with several extra sets. Wait for exam N's module
# commit; make picks A, S and each SET from worktrees at it (warmarm: round 95's product.patch applied, tag .warmarm;
# revert: round 90's product.patch reverse-applied, tag .stallblock; t5: round 97's product.patch applied, tag .tie5,
# from exam 159; tie1: round 97's revert.patch applied, tag .tie1, its revert test; mid: round 103's product.patch applied, tag .mid; liftcap: round 105's product.patch applied, tag .liftcap); commit them; wait for the ground truth; score A,
# S and each SET once (in that order) into /tmp/scoreN, copy unchanged, commit.
set -u
N=$1; shift; cd /work/main
. /work/main/benchmarks/results/experiments/round95/process/common.sh
tag() { case $1 in warmarm) echo .warmarm;; revert) echo .stallblock;; t5) echo .tie5;; tie1) echo .tie1;; mid) echo .mid;; liftcap) echo .liftcap;; *) echo "bad set $1" >&2; exit 1;; esac; }
while true; do
  H=$(git log -1 --format=%h --abbrev=7 -- benchmarks/exam${N}_workloads.py 2>/dev/null)
  [ -n "$H" ] && break; sleep 20
done
log "module $N at $H ($(git log -1 --format=%cd -- benchmarks/exam${N}_workloads.py))"
rm -rf /tmp/wt$N /tmp/res$N; mkdir -p /tmp/res$N
git worktree add -q --detach /tmp/wt$N $H
TAGS=""
for S in "$@"; do
  T=$(tag $S); TAGS="$TAGS $T"
  rm -rf /tmp/wt$N$S; git worktree add -q --detach /tmp/wt$N$S $H
  case $S in
    warmarm) (cd /tmp/wt$N$S && git apply $EXP/round95/product.patch) || { log "patch failed"; exit 1; };;
    revert) (cd /tmp/wt$N$S && git apply -R $EXP/round90/product.patch) || { log "reverse patch failed"; exit 1; };;
    t5) (cd /tmp/wt$N$S && git apply $EXP/round97/product.patch) || { log "patch failed"; exit 1; };;
    tie1) (cd /tmp/wt$N$S && git apply $EXP/round97/revert.patch) || { log "patch failed"; exit 1; };;
    mid) (cd /tmp/wt$N$S && git apply $EXP/round103/product.patch) || { log "patch failed"; exit 1; };;
    liftcap) (cd /tmp/wt$N$S && git apply $EXP/round105/product.patch) || { log "patch failed"; exit 1; };;
  esac
done
log "picks A"
(cd /tmp/wt$N && $PY benchmarks/exam.py --registry exam${N}_workloads --results /tmp/res$N --make-picks /tmp/res$N/picks.$H.jsonl > /tmp/res$N/picksA.log 2>&1)
for S in "$@"; do T=$(tag $S); log "picks $T"
  (cd /tmp/wt$N$S && $PY benchmarks/exam.py --registry exam${N}_workloads --results /tmp/res$N --make-picks /tmp/res$N/picks.$H$T.jsonl > /tmp/res$N/picks$T.log 2>&1)
done
$PY $EXP/round39/second_run.py /tmp/res$N/picks.$H.jsonl /tmp/res$N/picks.$H.second.jsonl > /tmp/res$N/second.names
log "S moved: $(cat /tmp/res$N/second.names)"
D=benchmarks/results/exam$N; mkdir -p $D
F="$D/picks.$H.jsonl $D/picks.$H.recipes $D/picks.$H.second.jsonl"
for T in $TAGS; do F="$F $D/picks.$H$T.jsonl $D/picks.$H$T.recipes"; done
for f in $F; do cp -r /tmp/res$N/$(basename $f) $D/; done
commit "Exam $N: picks A, S and$TAGS from worktrees at $H (the product $H), committed before any score" $F \
  && log "picks committed $(git log -1 --format=%h)" || log "PICKS COMMIT FAILED"
while [ ! -f $D/horizon.json ] || [ ! -f $D/grid.json ]; do sleep 20; done
sleep 5
log "ground truth complete: grid.json $(date -u -r $D/grid.json +%H:%M:%S), horizon.json $(date -u -r $D/horizon.json +%H:%M:%S)"
mkdir -p /tmp/score$N
for T in "" .second $TAGS; do
  log "score $H$T"
  $PY benchmarks/exam.py --registry exam${N}_workloads --results /work/main/$D --picks /work/main/$D/picks.$H$T.jsonl \
    --evals /tmp/score$N/evals.jsonl --out /tmp/score$N/score.$H$T --workers 1 > /tmp/score$N/score$T.log 2>&1
  log "scored $H$T rc=$?"
done
log "all scored"
cp /tmp/score$N/score.$H*.json /tmp/score$N/score.$H*.md /tmp/score$N/evals.jsonl $D/
G="$D/evals.jsonl"; for T in "" .second $TAGS; do G="$G $D/score.$H$T.json $D/score.$H$T.md"; done
commit "Exam $N: first scorings of A, S and$TAGS (each once, in that order, into /tmp/score$N), copied unchanged" $G \
  && log "scores committed $(git log -1 --format=%h)" || log "SCORES COMMIT FAILED"
