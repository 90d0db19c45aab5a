#!/usr/bin/env bash
# The second command of the README, and what CI runs: installs what the tests need, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-dependencies.sh --test
swift build --build-tests
swift test --skip-build
