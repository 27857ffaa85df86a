#!/usr/bin/env bash
# Installs what building sot-lint needs and is not there yet: cmark's C library and pkg-config.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then need+=(libcmark-dev); fi
if [ "${#need[@]}" -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
pkg-config --exists libcmark || { echo "setup: libcmark is still missing after installing libcmark-dev" >&2; exit 1; }
