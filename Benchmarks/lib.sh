# Benchmarks/lib.sh - helpers shared by run.sh, realistic.sh, scaling.sh, hostile.sh and editor.sh.
# Sourced, never run: the caller sets `set -euo pipefail`, SCRIPT_DIR, REPO_ROOT and NAME (its
# own name, for messages) first. secrets.sh predates it and stands alone.
# shellcheck shell=bash
# shellcheck disable=SC2034 # NO_CACHE, BEST_RC, ... are read by the scripts that source this file.

bench_die() { echo "$NAME: $*" >&2; exit 2; }

bench_require_bash5() {
    if [[ -z ${EPOCHREALTIME:-} ]]; then bench_die "needs bash 5 (\$EPOCHREALTIME)"; fi
}

bench_positive() { # NAME VALUE: dies unless VALUE is a positive integer
    if ! [[ $2 =~ ^[1-9][0-9]*$ ]]; then bench_die "$1 '$2' is not a positive integer"; fi
}

bench_apt_install() {
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
    echo "$NAME: installing $*" >&2
    "${sudo[@]}" apt-get update -qq >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# /usr/bin/time (peak RSS) and, with an argument, cmark.
bench_base_tools() {
    local want=()
    if [[ ! -x /usr/bin/time ]]; then want+=(time); fi
    if [[ ${1:-} == cmark ]] && ! command -v cmark >/dev/null 2>&1; then want+=(cmark); fi
    if command -v timeout >/dev/null 2>&1; then :; else want+=(coreutils); fi
    if [[ ${#want[@]} -gt 0 ]]; then bench_apt_install "${want[@]}"; fi
}

# Sets BIN: $SOT_LINT_BIN as given (no build), else a release build of this checkout.
bench_binary() {
    if [[ -n ${SOT_LINT_BIN:-} ]]; then
        BIN=$SOT_LINT_BIN
        if [[ ! -x $BIN ]]; then bench_die "SOT_LINT_BIN=$BIN is not executable"; fi
        echo "$NAME: using SOT_LINT_BIN=$BIN (build skipped)" >&2
        return
    fi
    if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then
        bench_apt_install pkg-config libcmark-dev
    fi
    echo "$NAME: swift build -c release --static-swift-stdlib --product sot-lint" >&2
    (cd "$REPO_ROOT" && swift build -c release --static-swift-stdlib --product sot-lint) >&2
    BIN=$REPO_ROOT/.build/release/sot-lint
}

# Sets NO_CACHE to (--no-cache) when the binary documents that flag, else to (). The help text
# is captured first: `--help | grep -q` would end the pipeline early and, with pipefail, fail.
bench_detect_no_cache() {
    local help
    help=$("$BIN" --help 2>&1 || true)$("$BIN" lint --help 2>&1 || true)
    NO_CACHE=()
    if [[ $help == *--no-cache* ]]; then NO_CACHE=(--no-cache); fi
}

# Creates TMP, removed when the script ends.
bench_tmpdir() {
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/sot-lint-$1.XXXXXX")
    # shellcheck disable=SC2064 # TMP is fixed now; expand it now.
    trap "rm -rf '$TMP'" EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

bench_seconds() { awk -v s="${1/,/.}" -v e="${2/,/.}" 'BEGIN {printf "%.6f", e - s}'; }
bench_less() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a < b)}'; }

# bench_run LIMIT CMD...: runs CMD once under `timeout LIMIT` and /usr/bin/time, standard
# output to /dev/null and standard error to $TMP/stderr.out; with MEMORY_CAP_MB set, under
# `ulimit -v` of that many MB too (a runaway allocation then ends the run, not the machine). Sets
#   RUN_WALL  seconds ($EPOCHREALTIME around the call)
#   RUN_KB    peak RSS in KB (time's %M; 0 when unknown: a timed-out run has none)
#   RUN_CPU   user + system CPU seconds (time's %U + %S; empty when unknown)
#   RUN_RC    the command's exit status: 124 when it timed out, 128+N when killed by signal N
# timeout(1) signals its whole process group, so the command dies with /usr/bin/time.
bench_run() {
    local limit=$1; shift
    local start end
    rm -f "$TMP/time.out"
    local cap=()
    if [[ -n ${MEMORY_CAP_MB:-} ]]; then
        # shellcheck disable=SC2016 # expanded by the inner shell
        cap=(bash -c 'ulimit -v "$1"; shift; exec "$@"' _ $((MEMORY_CAP_MB * 1024)))
    fi
    RUN_RC=0
    start=$EPOCHREALTIME
    timeout -k 5 "$limit" /usr/bin/time -f '%e %M %U %S' -o "$TMP/time.out" "${cap[@]}" "$@" \
        >/dev/null 2>"$TMP/stderr.out" || RUN_RC=$?
    end=$EPOCHREALTIME
    RUN_WALL=$(bench_seconds "$start" "$end")
    RUN_LIMIT=$limit
    RUN_KB=0 RUN_CPU=""
    if [[ -s $TMP/time.out ]]; then
        # time(1) writes "Command exited with non-zero status N" (or "terminated by signal")
        # before the figures when the command did not exit 0.
        read -r RUN_KB RUN_CPU < <(tail -n 1 "$TMP/time.out" |
            awk '$2 ~ /^[0-9]+$/ {printf "%s %.2f\n", $2, $3 + $4; exit} {print 0}')
        if grep -q 'terminated by signal' "$TMP/time.out"; then
            RUN_RC=$((128 + $(grep -o 'signal [0-9]*' "$TMP/time.out" | head -n 1 | awk '{print $2}')))
        fi
    fi
}

# Human-readable status of RUN_RC for a run whose acceptable exit statuses are $1 (e.g. "0 1").
bench_status() {
    local ok=$1 code
    for code in $ok; do
        if [[ $RUN_RC -eq $code ]]; then echo ok; return; fi
    done
    case $RUN_RC in
        124) echo timeout ;;
        137) # KILLed: by timeout -k when the TERM was not enough, else (the OOM killer) a crash
            if bench_less "$RUN_WALL" "$RUN_LIMIT"; then echo "crash (SIGKILL)"; else echo timeout; fi ;;
        129|13[0-9]|14[0-9]|15[0-9]) echo "crash (SIG$(kill -l $((RUN_RC - 128)) 2>/dev/null || echo $((RUN_RC - 128))))" ;;
        *) echo "exit $RUN_RC" ;;
    esac
}

# bench_best RUNS LIMIT OKCODES CMD...: best wall time of up to RUNS runs of bench_run. Stops at
# the first run that fails (timeout, crash, unexpected exit status) and skips the remaining runs
# once one run has taken longer than $BENCH_SLOW seconds (default 20): the best of one slow run
# is as telling as the best of three, and a quadratic input should not cost minutes. Sets
#   BEST_WALL, BEST_KB (largest peak RSS), BEST_CPU (least CPU seconds of a run, or empty),
#   BEST_STATUS (ok | timeout | crash (...) | exit N),
#   BEST_RUNS (runs made), BEST_RC.
bench_best() {
    local runs=$1 limit=$2 ok=$3; shift 3
    local i
    BEST_WALL="" BEST_KB=0 BEST_CPU="" BEST_STATUS=ok BEST_RUNS=0 BEST_RC=0
    for ((i = 0; i < runs; i++)); do
        bench_run "$limit" "$@"
        BEST_RUNS=$((BEST_RUNS + 1))
        BEST_RC=$RUN_RC
        if [[ $RUN_KB -gt $BEST_KB ]]; then BEST_KB=$RUN_KB; fi
        if [[ -n $RUN_CPU ]] && { [[ -z $BEST_CPU ]] || bench_less "$RUN_CPU" "$BEST_CPU"; }; then
            BEST_CPU=$RUN_CPU
        fi
        BEST_STATUS=$(bench_status "$ok")
        if [[ $BEST_STATUS != ok ]]; then
            BEST_WALL=$RUN_WALL
            return
        fi
        if [[ -z $BEST_WALL ]] || bench_less "$RUN_WALL" "$BEST_WALL"; then BEST_WALL=$RUN_WALL; fi
        if bench_less "${BENCH_SLOW:-20}" "$RUN_WALL"; then return; fi
    done
}

bench_verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "PASS" : "FAIL"}'; }
bench_mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

# bench_lint_best LABEL DIR: one whole `sot-lint --no-cache DIR` run (output to /dev/null) whose wall time
# in milliseconds is kept in BEST[LABEL] when it is the best so far (declare -A BEST=() first); dies, with
# sot-lint's message, when it exits with a status above 1. Rows of one table call it in turn, so that a
# slow phase of the machine costs each alike.
bench_lint_best() {
    local start end rc=0 ms
    start=$EPOCHREALTIME
    "$BIN" --no-cache "$2" >/dev/null 2>"$TMP/err.txt" || rc=$?
    end=$EPOCHREALTIME
    if [[ $rc -gt 1 ]]; then echo "$NAME: sot-lint $2 exited with status $rc:" >&2; cat "$TMP/err.txt" >&2; exit 1; fi
    ms=$(awk -v s="${start/,/.}" -v e="${end/,/.}" 'BEGIN {printf "%.0f", (e - s) * 1000}')
    if [[ -z ${BEST[$1]:-} ]] || ((ms < BEST[$1])); then BEST[$1]=$ms; fi
}
