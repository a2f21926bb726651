#!/usr/bin/env bash
# pool.sh H147 H148 : join exams 147-148's first scorings to the pool and run the standing reports.
set -eu
cd /work/main
PY=.venv/bin/python; export OMP_NUM_THREADS=1 PYTHONWARNINGS=ignore
A=$1; B=$2
grep -q '"exam 147"' benchmarks/exam_pool.py || sed -i "/(\"exam 146\", \"exam146\/score.d24b3e8.json\", True),/a\\    (\"exam 147\", \"exam147/score.$A.json\", True),\n    (\"exam 148\", \"exam148/score.$B.json\", True)," benchmarks/exam_pool.py
grep -n "exam 14[5-8]" benchmarks/exam_pool.py
test -f benchmarks/results/exam147/score.$A.json && test -f benchmarks/results/exam148/score.$B.json
$PY benchmarks/exam_pool.py > /tmp/pool.out 2>&1; tail -3 /tmp/pool.out
R=benchmarks/results/experiments
{ $PY $R/round39/checks.py 147 148; echo; $PY $R/round39/checks.py $(seq 113 148); echo; $PY $R/round39/checks.py $(seq 51 148); } > benchmarks/results/exam147_checks.md
{ $PY $R/round74/paired.py 147 148; $PY $R/round74/paired.py 113 148; } >> $R/round74/paired.txt
$PY $R/round76/low_misses.py 147 148 > $R/round76/low_misses147_148.txt
$PY $R/round38/tally.py --pair second 147 148 > $R/round39/tally147_148.txt
$PY $R/round90/decide.py 147 148 > $R/round90/decide.txt
echo done
