#!/usr/bin/env bash
# auto2.sh N MODE (revert | stallada | none) : wait for exam N's module commit, make picks A, S, Z from worktrees at it, commit them; wait for the
# ground truth; score A, S, Z once each (in that order) into /tmp/scoreN, copy unchanged, commit.
set -u
N=$1; MODE=$2; cd /work/main
case $MODE in revert) TAG=.stallblock;; stallada) TAG=.stallada;; none) TAG=;; *) echo "bad mode"; exit 1;; esac
. /work/main/benchmarks/results/experiments/round95/process/common.sh
while true; do
  H=$(git log -1 --format=%h --abbrev=7 -- benchmarks/exam${N}_workloads.py 2>/dev/null)
  [ -n "$H" ] && break; sleep 20
done
log "module $N at $H ($(git log -1 --format=%cd -- benchmarks/exam${N}_workloads.py))"
rm -rf /tmp/wt$N /tmp/wtz$N /tmp/res$N
git worktree add -q --detach /tmp/wt$N $H && git worktree add -q --detach /tmp/wtz$N $H
case $MODE in
  revert) (cd /tmp/wtz$N && git apply -R /work/main/benchmarks/results/experiments/round90/product.patch) || { log "reverse patch failed"; exit 1; };;
  stallada) (cd /tmp/wtz$N && git apply /work/main/benchmarks/results/experiments/round88/stallext_adagrad.patch) || { log "patch failed"; exit 1; };;
esac
mkdir -p /tmp/res$N
log "picks A"
(cd /tmp/wt$N && $PY benchmarks/exam.py --registry exam${N}_workloads --results /tmp/res$N --make-picks /tmp/res$N/picks.$H.jsonl > /tmp/res$N/picksA.log 2>&1)
if [ -n "$TAG" ]; then log "picks $TAG"
(cd /tmp/wtz$N && $PY benchmarks/exam.py --registry exam${N}_workloads --results /tmp/res$N --make-picks /tmp/res$N/picks.$H$TAG.jsonl > /tmp/res$N/picks3.log 2>&1); fi
$PY benchmarks/results/experiments/round39/second_run.py /tmp/res$N/picks.$H.jsonl /tmp/res$N/picks.$H.second.jsonl > /tmp/res$N/second.names
log "S moved: $(cat /tmp/res$N/second.names)"
D=benchmarks/results/exam$N; mkdir -p $D
F="$D/picks.$H.jsonl $D/picks.$H.recipes $D/picks.$H.second.jsonl"; [ -n "$TAG" ] && F="$F $D/picks.$H$TAG.jsonl $D/picks.$H$TAG.recipes"
for f in $F; do cp -r /tmp/res$N/$(basename $f) $D/; done
commit "Exam $N: picks A, S${TAG:+ and $TAG} from worktrees at $H (the product $H), committed before any score" $F \
  && log "picks committed $(git log -1 --format=%h)" || log "PICKS COMMIT FAILED"
while [ ! -f $D/horizon.json ] || [ ! -f $D/grid.json ]; do sleep 20; done
sleep 5
log "ground truth complete: grid.json $(date -u -r $D/grid.json +%H:%M:%S), horizon.json $(date -u -r $D/horizon.json +%H:%M:%S)"
mkdir -p /tmp/score$N
for T in "" .second $TAG; do
  log "score $H$T"
  $PY benchmarks/exam.py --registry exam${N}_workloads --results /work/main/$D --picks /work/main/$D/picks.$H$T.jsonl \
    --evals /tmp/score$N/evals.jsonl --out /tmp/score$N/score.$H$T --workers 1 > /tmp/score$N/score$T.log 2>&1
  log "scored $H$T rc=$?"
done
log "all scored"
cp /tmp/score$N/score.$H*.json /tmp/score$N/score.$H*.md /tmp/score$N/evals.jsonl $D/
G="$D/evals.jsonl"; for T in "" .second $TAG; do G="$G $D/score.$H$T.json $D/score.$H$T.md"; done
commit "Exam $N: first scorings of A, S${TAG:+ and $TAG} (each once, in that order, into /tmp/score$N), copied unchanged" $G \
  && log "scores committed $(git log -1 --format=%h)" || log "SCORES COMMIT FAILED"
