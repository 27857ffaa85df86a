#!/usr/bin/env bash
# Benchmarks/model.sh - `sot-lint model` and `sot-lint ready` on a large workspace, against the whole lint.
#
# Usage: bash Benchmarks/model.sh [--docs N] [--runs N] [--seed S]
#
#   --docs N   documents of the valid corpus (default 10000)
#   --runs N   runs per command; the best counts (default 5)
#   --seed S   corpus seed (default 1)
#
# Environment: SOT_LINT_BIN (benchmark this binary; skip the build), SOT_LINT_TODAY (default 2026-07-01).
#
# Rows (wall time from $EPOCHREALTIME around each whole process, output to /dev/null), in turn so that a
# slow phase of the machine costs every row alike:
#   lint      sot-lint --no-cache DIR          (the whole lint, cold: model and ready use no cache either)
#   model     sot-lint model DIR                (the validated workspace as JSON)
#   ready     sot-lint ready DIR                (the ready queue)
# Target: model and ready within 1.2x of the lint (best of N). It exits 0 once the measurements are made.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=model.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

DOCS=10000
RUNS=5
SEED=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --docs) DOCS=${2:?--docs needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
bench_positive --docs "$DOCS"
bench_positive --runs "$RUNS"
if ! [[ $SEED =~ ^[0-9]+$ ]]; then bench_die "seed '$SEED' is not an integer"; fi
bench_require_bash5
bench_binary
bench_tmpdir model
export SOT_LINT_TODAY=${SOT_LINT_TODAY:-2026-07-01}

DIR=$TMP/workspace
python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$DOCS" --out "$DIR" --seed "$SEED" >&2

# once LABEL ARGS...: one run; appends its milliseconds to the row's times.
declare -A BEST=()
declare -A ALL=()
once() {
    local label=$1; shift
    local start end rc=0 ms
    start=$EPOCHREALTIME
    "$BIN" "$@" >/dev/null 2>"$TMP/err.txt" || rc=$?
    end=$EPOCHREALTIME
    if [[ $rc -gt 1 ]]; then
        echo "$NAME: sot-lint $* exited with status $rc:" >&2
        cat "$TMP/err.txt" >&2
        exit 1
    fi
    ms=$(awk -v s="${start/,/.}" -v e="${end/,/.}" 'BEGIN {printf "%.0f", (e - s) * 1000}')
    ALL[$label]="${ALL[$label]:-} $ms"
    if [[ -z ${BEST[$label]:-} ]] || ((ms < BEST[$label])); then BEST[$label]=$ms; fi
}

echo "sot-lint model and ready: $(nproc) CPUs, $(uname -sm); binary $BIN; $DOCS documents; $RUNS runs each"
for ((i = 0; i < RUNS; i++)); do
    once lint --no-cache "$DIR"
    once model model "$DIR"
    once ready ready "$DIR"
done
for label in lint model ready; do
    printf '%-6s best %6s ms   runs:%s\n' "$label" "${BEST[$label]}" "${ALL[$label]}"
done
echo
for label in model ready; do
    ratio=$(awk -v a="${BEST[$label]}" -v b="${BEST[lint]}" 'BEGIN {printf "%.2f", a / b}')
    verdict=$(awk -v r="$ratio" 'BEGIN {print (r <= 1.2) ? "PASS" : "FAIL"}')
    echo "target: $label within 1.2x of the whole lint: ${ratio}x  $verdict"
done
