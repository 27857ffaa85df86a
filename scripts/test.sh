#!/usr/bin/env bash
# Sets up and runs every test: unit tests, every rule's examples, and end-to-end runs of the built binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
