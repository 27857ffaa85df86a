#!/usr/bin/env bash
# Builds sot-lint and installs it as PREFIX/bin/sot-lint (default prefix /usr/local).
#
# Usage: bash scripts/install.sh [--prefix DIR] [--binary FILE]
#
#   --prefix DIR   install into DIR/bin (created when missing; default /usr/local)
#   --binary FILE  install this already built sot-lint instead of building one (a release binary
#                  downloaded with its checksum, or .build/release/sot-lint)
#
# Without --binary it installs what building needs (scripts/setup.sh: cmark's C library, pkg-config)
# and runs `swift build -c release --static-swift-stdlib --product sot-lint`. That binary carries
# Swift's runtime and Foundation; what stays dynamic is the C library (glibc), libstdc++, libgcc_s,
# libm and cmark's library (libcmark0.30 on Debian/Ubuntu), so the machine that runs it needs those,
# not a Swift toolchain. The file is copied next to its destination and renamed into place, so a
# running sot-lint is never overwritten half-way. The installed binary is then run once with a PATH
# that has no toolchain on it (`--version`); the script fails when that run fails.
set -euo pipefail

PREFIX=/usr/local
BINARY=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
        --binary) BINARY=${2:?--binary needs a file}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z $BINARY ]]; then
    bash scripts/setup.sh
    swift build -c release --static-swift-stdlib --product sot-lint
    BINARY=.build/release/sot-lint
fi
if [[ ! -f $BINARY || ! -x $BINARY ]]; then
    echo "install.sh: $BINARY: not an executable file" >&2
    exit 2
fi

mkdir -p "$PREFIX/bin"
target="$PREFIX/bin/sot-lint"
temporary="$PREFIX/bin/.sot-lint.install.$$"
trap 'rm -f "$temporary"' EXIT
cp "$BINARY" "$temporary"
chmod 755 "$temporary"
mv -f "$temporary" "$target"
trap - EXIT

# The installed binary must run on its own: no toolchain on PATH, no build folder needed.
if ! version=$(cd / && env -i PATH=/usr/bin:/bin HOME="${HOME:-/}" "$target" --version 2>&1); then
    echo "install.sh: $target was installed but does not run without the toolchain: $version" >&2
    exit 1
fi
echo "installed $target ($version)"
# A binary built without --static-swift-stdlib finds Swift's runtime in the toolchain it was built with.
if command -v ldd >/dev/null 2>&1 && ldd "$target" 2>/dev/null | grep -q 'libswiftCore'; then
    echo "install.sh: note: $target loads Swift's runtime from the toolchain (built without --static-swift-stdlib);" \
        "it will not run on a machine without that toolchain" >&2
fi
