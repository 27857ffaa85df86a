#!/usr/bin/env bash
# Sets up and runs every test: unit tests, every rule's examples, and end-to-end runs of the built binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# The end-to-end hook test runs the real pre-commit framework.
command -v pre-commit >/dev/null 2>&1 || python3 -m pip install -q pre-commit
# SARIF reports are validated against the 2.1.0 schema with python's jsonschema.
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
# Shell completion is run in fish and checked by zsh as well as bash; the language server is driven by
# Neovim's built-in LSP client (package neovim, command nvim).
shells=()
for shell in fish zsh; do command -v "$shell" >/dev/null 2>&1 || shells+=("$shell"); done
command -v nvim >/dev/null 2>&1 || shells+=(neovim)
if [ "${#shells[@]}" -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${shells[@]}" >/dev/null
fi
swift build --build-tests
swift test --skip-build
