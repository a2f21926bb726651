#!/usr/bin/env bash
# auto.sh N : wait for exam N's module commit, make picks A, S, Z from worktrees at it, commit them; wait for the
# ground truth; score A, S, Z once each (in that order) into /tmp/scoreN, copy unchanged, commit.
set -u
N=$1; cd /work/main
. /work/main/benchmarks/results/experiments/round95/process/common.sh
while true; do
  H=$(git log -1 --format=%h --abbrev=7 -- benchmarks/exam${N}_workloads.py 2>/dev/null)
  [ -n "$H" ] && break; sleep 20
done
log "module $N at $H ($(git log -1 --format=%cd -- benchmarks/exam${N}_workloads.py))"
rm -rf /tmp/wt$N /tmp/wtz$N /tmp/res$N
git worktree add -q --detach /tmp/wt$N $H && git worktree add -q --detach /tmp/wtz$N $H
(cd /tmp/wtz$N && git apply /work/main/benchmarks/results/experiments/round88/stallext_adagrad.patch) || { log "patch failed"; exit 1; }
mkdir -p /tmp/res$N
log "picks A"
(cd /tmp/wt$N && $PY benchmarks/exam.py --registry exam${N}_workloads --results /tmp/res$N --make-picks /tmp/res$N/picks.$H.jsonl > /tmp/res$N/picksA.log 2>&1)
log "picks Z"
(cd /tmp/wtz$N && $PY benchmarks/exam.py --registry exam${N}_workloads --results /tmp/res$N --make-picks /tmp/res$N/picks.$H.stallada.jsonl > /tmp/res$N/picksZ.log 2>&1)
$PY benchmarks/results/experiments/round39/second_run.py /tmp/res$N/picks.$H.jsonl /tmp/res$N/picks.$H.second.jsonl > /tmp/res$N/second.names
log "S moved: $(cat /tmp/res$N/second.names)"
D=benchmarks/results/exam$N; mkdir -p $D
cp -r /tmp/res$N/picks.$H.jsonl /tmp/res$N/picks.$H.recipes /tmp/res$N/picks.$H.second.jsonl /tmp/res$N/picks.$H.stallada.jsonl /tmp/res$N/picks.$H.stallada.recipes $D/
commit "Exam $N: picks A, S and Z (round 90: round 88's stallext_adagrad.patch) from worktrees at $H (the product $H), committed before any score" \
  $D/picks.$H.jsonl $D/picks.$H.recipes $D/picks.$H.second.jsonl $D/picks.$H.stallada.jsonl $D/picks.$H.stallada.recipes \
  && log "picks committed $(git log -1 --format=%h)" || log "PICKS COMMIT FAILED"
while [ ! -f $D/horizon.json ] || [ ! -f $D/grid.json ]; do sleep 20; done
sleep 5
log "ground truth complete: grid.json $(date -u -r $D/grid.json +%H:%M:%S), horizon.json $(date -u -r $D/horizon.json +%H:%M:%S)"
mkdir -p /tmp/score$N
for T in "" .second .stallada; do
  log "score $H$T"
  $PY benchmarks/exam.py --registry exam${N}_workloads --results /work/main/$D --picks /work/main/$D/picks.$H$T.jsonl \
    --evals /tmp/score$N/evals.jsonl --out /tmp/score$N/score.$H$T --workers 1 > /tmp/score$N/score$T.log 2>&1
  log "scored $H$T rc=$?"
done
log "all scored"
cp /tmp/score$N/score.$H*.json /tmp/score$N/score.$H*.md /tmp/score$N/evals.jsonl $D/
commit "Exam $N: first scorings of A, S and Z (each once, in that order, into /tmp/score$N), copied unchanged" \
  $D/score.$H.json $D/score.$H.md $D/score.$H.second.json $D/score.$H.second.md $D/score.$H.stallada.json $D/score.$H.stallada.md $D/evals.jsonl \
  && log "scores committed $(git log -1 --format=%h)" || log "SCORES COMMIT FAILED"
