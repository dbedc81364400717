#!/usr/bin/env bash
# First paint of `reader FILE` against a bare Textual app showing the same file,
# timed in tmux by ../shared/tools/first_paint.py (medians and the B/A ratio).
#   bench/first_paint.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
tools=../shared/tools
[ -d "$tools" ] || { echo "first_paint: ../shared/tools is not here"; exit 0; }
article=$(ls articles/*.txt | head -n 1)
python3 "$tools/first_paint.py" 全市国防动员委员会 "${1:-7}" \
  .venv/bin/python "$tools/bare_textual.py" "$article" -- .venv/bin/reader "$article"
