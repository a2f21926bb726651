#!/usr/bin/env bash
# Round 107: full runs (seeds 0 and 1 at full length, as the exams score) of set G's picks on spent exams
# (`candidate.py`, /tmp/z107/picks.g.examN.jsonl; round 105's fullruns.sh does the work). Then:
# python benchmarks/results/experiments/round107/fullruns.py > .../fullruns.txt
# `fullruns.sh c`: set C's (`candidate.py c`, picks.c / score.c; then `fullruns.py c > .../fullruns_c.txt`)
S=${1:-g}; TXT=candidate$([ $S = g ] || echo _$S).txt
exec bash /work/main/benchmarks/results/experiments/round105/fullruns.sh round107 $S $TXT
