#!/usr/bin/env bash
# ride.sh N : round 107's set G beside auto3.sh: ride2.sh's steps with G's maker, scored after auto3's sets. (Exams
# 187-192 ran this script's first, standalone form, which logged "G scores committed"; this form logs "set scores
# committed", so set C now runs as: ride2.sh N checkundo round107/checkundo.py /tmp/auto/rideN.log "set scores committed".)
exec bash "$(dirname "$0")/ride2.sh" "$1" adawarm round107/adawarm.py /tmp/auto/auto$1.log "scores committed"
