#!/usr/bin/env bash
# pool3.sh N1 N2 H1 H2: round 90's pool2.sh for exams 155 on (round 97's test from 159): join a pair's first scorings (set A) to the pool and run the standing reports.
set -eu
cd /work/main
PY=.venv/bin/python; export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
N1=$1; N2=$2; A=$3; B=$4
P=$((N1-1))
test -f benchmarks/results/exam$N1/score.$A.json && test -f benchmarks/results/exam$N2/score.$B.json
grep -q "\"exam $N1\"" benchmarks/exam_pool.py || sed -i "/(\"exam $P\", \"exam$P\/score\.[0-9a-f]*\.json\", True),/a\\    (\"exam $N1\", \"exam$N1\/score.$A.json\", True),\n    (\"exam $N2\", \"exam$N2\/score.$B.json\", True)," benchmarks/exam_pool.py
grep -n "exam $P\|exam $N1\|exam $N2" benchmarks/exam_pool.py
$PY benchmarks/exam_pool.py > /tmp/pool.out 2>&1; tail -3 /tmp/pool.out
R=benchmarks/results/experiments
{ $PY $R/round39/checks.py $N1 $N2; echo; $PY $R/round39/checks.py $(seq 113 $N2); echo; $PY $R/round39/checks.py $(seq 51 $N2); } > benchmarks/results/exam${N1}_checks.md
{ $PY $R/round74/paired.py $N1 $N2; $PY $R/round74/paired.py 113 $N2; } >> $R/round74/paired.txt
$PY $R/round76/low_misses.py $N1 $N2 > $R/round76/low_misses${N1}_${N2}.txt
$PY $R/round38/tally.py --pair second $N1 $N2 > $R/round39/tally${N1}_${N2}.txt
[ $N1 -lt 159 ] && $PY $R/round95/decide.py $(seq 155 $N2) > $R/round95/decide.txt  # W retired at 159
[ $N1 -ge 159 ] && [ $N2 -le 174 ] && $PY $R/round97/decide.py $(seq 159 $N2) > $R/round97/decide.txt  # round 97's test, decided at 174
[ $N1 -ge 175 ] && [ $N2 -le 178 ] && $PY $R/round97/revert.py $(seq 175 $N2) > $R/round97/revert.txt  # round 97's revert test (set V), 175-178 so far
[ $N1 -ge 175 ] && [ $N2 -le 178 ] && $PY $R/round103/decide.py $(seq 175 $N2) > $R/round103/decide.txt  # round 103's test (set M), 175-178 so far
[ $N1 -ge 181 ] && [ $N2 -le 184 ] && $PY $R/round97/revert.py 175 176 177 178 $(seq 181 $N2) > $R/round97/revert.txt  # round 97's revert test (set V): 175-178 and 181-184; decided with 181-182 (not adopted)
[ $N1 -ge 179 ] && [ $N2 -le 190 ] && $PY $R/round105/decide.py $(seq 179 $N2) > $R/round105/decide.txt  # round 105's test (set L), from 179; decided with 187-190 (not adopted)
[ $N1 -ge 187 ] && $PY $R/round107/decide.py $(seq 187 $N2) > $R/round107/decide.txt  # round 107's tests (sets G and C), from 187
[ $N1 -lt 163 ] && $PY $R/round90/revert.py $(seq 153 $N2) > $R/round90/revert.txt  # decided at 162
echo done
