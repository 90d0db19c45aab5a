#!/usr/bin/env bash
# The second command of the README, and what CI runs: installs what the tests need, then runs every test —
# the Swift test targets, then the end-to-end tests that drive `datalint serve` from real clients (headless
# Neovim, and pytest-lsp validating every message against lsprotocol's LSP types).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh --test
python3 -m pip install --quiet --disable-pip-version-check -r Tests/EndToEnd/requirements.txt
python3 bench/tokens/install_rank_files.py --quiet  # the rank files TokenizationTests check against tiktoken

swift build --build-tests
swift test --skip-build

DATALINT_BIN="$(swift build --show-bin-path)/datalint" \
  python3 -m pytest -p no:cacheprovider Tests/EndToEnd -q
