#!/usr/bin/env bash
# Benchmarks/hostile.sh - absolute limits on hostile inputs (one document or config at a time).
#
# Usage: bash Benchmarks/hostile.sh [--runs N] [--timeout S] [--memory-cap MB]
#
#   --runs N          timed runs per input; the best wall time is kept (default 3)
#   --timeout S       limit of one run in seconds (default 30); a run over it is killed and
#                     reported FAIL (timeout)
#   --memory-cap MB   address-space limit (ulimit -v) of every run (default 4096), so that a
#                     loader that expands the aliases, or a quadratic cycle search, fails instead
#                     of exhausting the machine; hitting it shows as a crash (with its peak RSS)
#
# Environment: SOT_LINT_BIN (benchmark this binary; skip the build), SOT_LINT_TODAY (default
# 2026-07-01), BENCH_SLOW (see scaling.sh).
#
# Inputs come from Benchmarks/scaling_inputs.py (the same generators as scaling.sh at 10n), each
# linted whole-process as `sot-lint lint --format json [--no-cache] TARGET`:
#   long line    one 5 MB paragraph line in an issue section          <= 3 s, exit 0 or 1
#   cycle        one blocked-by cycle through 100,000 issues          <= 5 s, exit 1, and the
#                (1,000 documents)                                    output has blocked-by-cycle
#   keys         100,000 front-matter keys in one document            <= 2 s, exit 0 or 1
#   alias bomb   `.sot-lint.yml` with a billion-laughs list (9 nested  < 1 s, exit 2,
#                anchors of 9 aliases: 9^9 scalars once expanded)     peak RSS < 100 MB
# It prints PASS/FAIL per input and exits 0 once the measurements are made.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=hostile.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

RUNS=3
LIMIT=30
MEMORY_CAP_MB=4096
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --timeout) LIMIT=${2:?--timeout needs a value}; shift 2 ;;
        --memory-cap) MEMORY_CAP_MB=${2:?--memory-cap needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
bench_positive --runs "$RUNS"
bench_positive --timeout "$LIMIT"
bench_positive --memory-cap "$MEMORY_CAP_MB"
bench_require_bash5
bench_base_tools no-cmark
bench_binary
bench_detect_no_cache
bench_tmpdir hostile
export SOT_LINT_TODAY=${SOT_LINT_TODAY:-2026-07-01}

echo "sot-lint hostile inputs: $(nproc) CPUs, $(uname -sm); binary $BIN"
echo "best of $RUNS runs, timeout ${LIMIT} s and memory cap ${MEMORY_CAP_MB} MB per run, flags: --format json${NO_CACHE[*]:+ ${NO_CACHE[*]}}"
echo
printf '%-12s %-34s %9s %9s %-22s  %s\n' input size "wall s" "RSS MB" "outcome" "verdict"

rss() { if [[ $1 -gt 0 ]]; then bench_mb "$1"; else printf -- '-'; fi; }

PASSED=0 TOTAL=0
# report INPUT SIZE TARGET_S EXTRA_OK(1|0) EXTRA_TEXT
report() {
    local input=$1 size=$2 target=$3 extra_ok=$4 extra=$5 wall verdict
    TOTAL=$((TOTAL + 1))
    if [[ $BEST_STATUS == ok ]]; then
        wall=$(printf '%.3f' "$BEST_WALL")
        verdict=$(bench_verdict "$BEST_WALL" "$target")
        if [[ $extra_ok -ne 1 ]]; then verdict=FAIL; fi
    elif [[ $BEST_STATUS == timeout ]]; then
        wall=">$LIMIT"
        verdict=FAIL
    else
        wall=$(printf '%.3f' "$BEST_WALL")
        verdict=FAIL
    fi
    if [[ $verdict == PASS ]]; then PASSED=$((PASSED + 1)); fi
    printf '%-12s %-34s %9s %9s %-22s  %s\n' "$input" "$size" "$wall" "$(rss "$BEST_KB")" \
        "$BEST_STATUS (exit $BEST_RC)" "$verdict (target <= $target s$extra)"
}

lint() { bench_best "$RUNS" "$LIMIT" "$1" "$BIN" lint --format json "${NO_CACHE[@]}" "$2"; }

# Long line: 5 MB.
target=$(python3 "$SCRIPT_DIR/scaling_inputs.py" line 5000000 "$TMP/line" | tail -n 1)
lint "0 1" "$target"
report "long line" "one 5 MB line ($(wc -c <"$target") B file)" 3 1 ""
rm -rf "$TMP/line"

# Cycle: 100,000 issues; the run must also report it.
target=$(python3 "$SCRIPT_DIR/scaling_inputs.py" cycle 100000 "$TMP/cycle" | tail -n 1)
lint "1" "$target"
reported=0
if [[ $BEST_STATUS == ok ]]; then
    # One more run, keeping the report: bench_run sends standard output to /dev/null.
    if timeout -k 5 "$LIMIT" "$BIN" lint --format json "${NO_CACHE[@]}" "$target" >"$TMP/cycle.json" 2>/dev/null ||
        [[ $? -eq 1 ]]; then
        if grep -q '"blocked-by-cycle"' "$TMP/cycle.json"; then reported=1; fi
    fi
fi
extra=""
if [[ $BEST_STATUS == ok ]]; then
    extra=", blocked-by-cycle $([[ $reported -eq 1 ]] && echo reported || echo 'NOT reported')"
fi
report "cycle" "100,000 issues in 1,000 documents" 5 "$reported" "$extra"
rm -rf "$TMP/cycle" "$TMP/cycle.json"

# Front matter: 100,000 keys.
target=$(python3 "$SCRIPT_DIR/scaling_inputs.py" keys 100000 "$TMP/keys" | tail -n 1)
lint "0 1" "$target"
report "keys" "100,000 front-matter keys" 2 1 ""
rm -rf "$TMP/keys"

# Alias bomb in .sot-lint.yml: refused with exit 2, fast and small.
target=$(python3 "$SCRIPT_DIR/scaling_inputs.py" alias-bomb 1 "$TMP/bomb" | tail -n 1)
bench_best "$RUNS" "$LIMIT" "2" "$BIN" lint --format json "${NO_CACHE[@]}" "$target"
rss_ok=0
if [[ $BEST_KB -lt $((100 * 1024)) ]]; then rss_ok=1; fi
TOTAL=$((TOTAL + 1))
if [[ $BEST_STATUS == ok ]] && bench_less "$BEST_WALL" 1 && [[ $rss_ok -eq 1 ]]; then
    verdict=PASS
    PASSED=$((PASSED + 1))
else
    verdict=FAIL
fi
wall=$(printf '%.3f' "$BEST_WALL")
if [[ $BEST_STATUS == timeout ]]; then wall=">$LIMIT"; fi
outcome="exit $BEST_RC"
case $BEST_STATUS in ok|exit*) ;; *) outcome="$BEST_STATUS" ;; esac
printf '%-12s %-34s %9s %9s %-22s  %s\n' "alias bomb" "9 anchors x 9 aliases (9^9)" "$wall" \
    "$(rss "$BEST_KB")" "$outcome" "$verdict (target: exit 2, < 1 s, < 100 MB)"
if [[ -s $TMP/stderr.out ]]; then
    echo "  alias bomb, standard error: $(head -c 200 "$TMP/stderr.out" | head -n 1)"
fi
rm -rf "$TMP/bomb"

echo
echo "hostile targets: $PASSED of $TOTAL met"
