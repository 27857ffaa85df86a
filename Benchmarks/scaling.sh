#!/usr/bin/env bash
# Benchmarks/scaling.sh - does sot-lint grow linearly along every input dimension?
#
# Usage: bash Benchmarks/scaling.sh [--only "DIM ..."] [--runs N] [--timeout S] [--memory-cap MB] [--divide D]
#
#   --only "DIM ..."  measure only these dimensions (default: all, in the order below)
#   --runs N          timed runs per input, n and 10n alternating; the best wall time of each is
#                     kept (default 3)
#   --timeout S       limit of one run in seconds (default 120); a run over it is killed and the
#                     dimension reported FAIL (timeout) instead of hanging
#   --memory-cap MB   address-space limit (ulimit -v) of every run (default 8192): a run that
#                     allocates without bound ends as a crash instead of exhausting the machine
#   --divide D        divide every n by D (default 1): a quick try of the harness
#
# Environment:
#   SOT_LINT_BIN=/path/to/sot-lint   benchmark this binary; skip the build
#   SOT_LINT_TODAY                   passed on (default 2026-07-01, so date rules do not drift)
#   BENCH_SLOW=S                     skip the remaining runs of an input once one run took more
#                                    than S seconds (default 20)
#
# Each dimension is generated (Benchmarks/scaling_inputs.py, deterministic) at n and at 10n with
# everything else fixed, and linted whole-process as
#   sot-lint lint --format json [--no-cache] TARGET > /dev/null      (exit 0 or 1 expected)
# `--no-cache` is passed when the binary's --help mentions it (cold runs; today's binary has no
# cache). The time ratio 10n / n is the figure: target <= 11x (linear, with 10% slack), nothing
# subtracted (a fixed start-up cost only helps the ratio, which is why n is chosen so that the
# dimension dominates). Dimensions and their n (10n in brackets):
#   documents    1,000 valid documents                       [10,000]
#   issues       1,000 issues in each of 5 documents           [10,000]
#   references   1,000 resolved references in each of 100 issues [10,000]
#   unresolved   2,000 unresolved references in 200 documents [20,000] (other repositories' IDs
#                and near misses: "did you mean" searches among a fixed set of defined IDs)
#   realistic    500 realistic documents                      [5,000] (unresolved references
#                and the defined IDs they are compared with grow together)
#   line         one 500 KB paragraph line in an issue section [5 MB] (words, code spans, IDs,
#                ID-like tokens)
#   keys         10,000 unknown front-matter keys in one document [100,000]
#   chain        a blocked-by chain through 10,000 issues       [100,000]
#   cycle        one blocked-by cycle through 10,000 issues     [100,000]
#   findings     300 documents where every issue has 4-5 findings [3,000]
#   secrets      one 5 MB text file, secret scan only          [50 MB]
#   baselined    the findings input, every finding recorded in the project's baseline [3,000]
#                (`sot-lint baseline` runs once before the timed runs; they hide every finding)
#   commits      500 commits between `--base base` and HEAD, each moving one status [5,000]
#                (20 documents; invariant-status-unchanged reads every commit)
# A dimension whose n run already fails (timeout, crash, exit 2) is not run at 10n, and a 10n run
# is stopped once it has run 16.5x its n time (1.5x the target; at least 20 s, at most the
# timeout): past that it cannot pass, and a quadratic binary costs minutes less. Peak RSS of
# the 10n run, and the ratio of CPU seconds (user + system, least of the runs; steadier than wall
# time when other work shares the machine), are shown for information. Absolute times on a
# 2-core machine are noisy; the ratios are what to compare. It prints PASS/FAIL per dimension and exits 0 once the
# measurements are made (non-zero only when the harness itself cannot run).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=scaling.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

ALL_DIMENSIONS="documents issues references unresolved realistic line keys chain cycle findings secrets baselined commits"
declare -A BASE=([documents]=1000 [issues]=1000 [references]=1000 [unresolved]=2000
    [realistic]=500 [line]=500000 [keys]=10000 [chain]=10000 [cycle]=10000 [findings]=300
    [secrets]=5000000 [baselined]=300 [commits]=500)
# Arguments some dimensions are linted with.
declare -A EXTRA=([commits]="--base base")
declare -A UNIT=([documents]="docs" [issues]="issues/doc" [references]="refs/issue"
    [unresolved]="refs" [realistic]="docs" [line]="bytes" [keys]="keys" [chain]="issues" [cycle]="issues"
    [findings]="docs" [secrets]="bytes" [baselined]="docs" [commits]="commits")

ONLY=$ALL_DIMENSIONS
RUNS=3
LIMIT=120
DIVIDE=1
MEMORY_CAP_MB=8192
while [[ $# -gt 0 ]]; do
    case "$1" in
        --only) ONLY=${2:?--only needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --timeout) LIMIT=${2:?--timeout needs a value}; shift 2 ;;
        --divide) DIVIDE=${2:?--divide needs a value}; shift 2 ;;
        --memory-cap) MEMORY_CAP_MB=${2:?--memory-cap needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
bench_positive --runs "$RUNS"
bench_positive --timeout "$LIMIT"
bench_positive --divide "$DIVIDE"
bench_positive --memory-cap "$MEMORY_CAP_MB"
read -r -a DIMS <<<"$ONLY"
if [[ ${#DIMS[@]} -eq 0 ]]; then bench_die "--only is empty"; fi
for dim in "${DIMS[@]}"; do
    if [[ -z ${BASE[$dim]:-} ]]; then bench_die "unknown dimension '$dim' (one of: $ALL_DIMENSIONS)"; fi
done
bench_require_bash5
bench_base_tools no-cmark
bench_binary
bench_detect_no_cache
bench_tmpdir scaling
export SOT_LINT_TODAY=${SOT_LINT_TODAY:-2026-07-01}

echo "sot-lint scaling: $(nproc) CPUs, $(uname -sm); binary $BIN"
echo "best of $RUNS runs (fewer once a run takes over ${BENCH_SLOW:-20} s), timeout ${LIMIT} s and" \
    "memory cap ${MEMORY_CAP_MB} MB per run," \
    "flags: --format json${NO_CACHE[*]:+ ${NO_CACHE[*]}}; SOT_LINT_TODAY=$SOT_LINT_TODAY"
echo
printf '%-11s %9s %9s %-10s %8s %8s %8s %8s %7s  %s\n' \
    dimension n 10n unit "n s" "10n s" ratio "cpu rat" "RSS MB" "verdict (wall ratio <= 11x)"

shown() { # SIZE: the wall time column of that input
    case ${STATUS[$1]} in
        ok) printf '%.3f' "${WALL[$1]}" ;;
        timeout) printf '>%s' "${LIM[$1]}" ;;
        skipped) printf -- '-' ;;
        *) printf '%s' "${STATUS[$1]%% *}" ;;
    esac
}
rss() { # KB: the peak RSS column (unknown after a timeout)
    if [[ $1 -gt 0 ]]; then bench_mb "$1"; else printf -- '-'; fi
}

PASSED=0
NOTES=()
for dim in "${DIMS[@]}"; do
    n=$((BASE[$dim] / DIVIDE))
    if [[ $n -lt 1 ]]; then n=1; fi
    declare -A WALL=() STATUS=() KB=() LIM=() CPU=()
    sizes=("$n" $((n * 10)))
    declare -A TARGET=() RAN=()
    for size in "${sizes[@]}"; do
        TARGET[$size]=$(python3 "$SCRIPT_DIR/scaling_inputs.py" "$dim" "$size" "$TMP/$dim-$size" | tail -n 1)
        if [[ $dim == baselined ]]; then "$BIN" baseline "${TARGET[$size]}" 2>/dev/null; fi
        LIM[$size]=$LIMIT STATUS[$size]=ok WALL[$size]="" KB[$size]=0 CPU[$size]="" RAN[$size]=0
    done
    # The n and 10n runs alternate, so that a slow phase of the machine (minutes long on a shared
    # 2-core machine) costs both sizes alike instead of only the one measured during it.
    for ((round = 0; round < RUNS; round++)); do
        for size in "${sizes[@]}"; do
            if [[ ${STATUS[$size]} != ok ]]; then continue; fi
            if [[ $size -ne $n ]]; then
                if [[ ${STATUS[$n]} != ok ]]; then STATUS[$size]=skipped WALL[$size]=0; continue; fi
                LIM[$size]=$(awk -v t="${WALL[$n]}" -v l="$LIMIT" 'BEGIN {
                    s = int(16.5 * t) + 1; if (s < 20) s = 20; if (s > l) s = l; print s }')
            fi
            # An input whose run took over BENCH_SLOW seconds is not run again.
            if [[ ${RAN[$size]} -gt 0 ]] && bench_less "${BENCH_SLOW:-20}" "${WALL[$size]}"; then continue; fi
            read -r -a extra <<<"${EXTRA[$dim]:-}"
            bench_best 1 "${LIM[$size]}" "0 1" "$BIN" lint --format json "${NO_CACHE[@]}" "${extra[@]}" "${TARGET[$size]}"
            RAN[$size]=$((RAN[$size] + 1))
            if [[ $BEST_KB -gt ${KB[$size]} ]]; then KB[$size]=$BEST_KB; fi
            if [[ -n $BEST_CPU ]] && { [[ -z ${CPU[$size]} ]] || bench_less "$BEST_CPU" "${CPU[$size]}"; }; then CPU[$size]=$BEST_CPU; fi
            if [[ $BEST_STATUS != ok ]]; then
                STATUS[$size]=$BEST_STATUS WALL[$size]=$BEST_WALL
                if [[ $BEST_STATUS != timeout && -s $TMP/stderr.out ]]; then
                    NOTES+=("$dim at $size: $BEST_STATUS after $(printf '%.1f' "$BEST_WALL") s," \
                        "peak RSS $(rss "$BEST_KB") MB: $(head -c 200 "$TMP/stderr.out" | head -n 1)")
                fi
            elif [[ -z ${WALL[$size]} ]] || bench_less "$BEST_WALL" "${WALL[$size]}"; then
                WALL[$size]=$BEST_WALL
            fi
        done
    done
    for size in "${sizes[@]}"; do rm -rf "$TMP/$dim-$size"; done
    big=$((n * 10))
    if [[ ${STATUS[$n]} == ok && ${STATUS[$big]} == ok ]]; then
        ratio=$(awk -v a="${WALL[$n]}" -v b="${WALL[$big]}" 'BEGIN {printf "%.2f", b / a}')
        verdict=$(bench_verdict "$ratio" 11)
        ratio_text="${ratio}x"
    elif [[ ${STATUS[$n]} == ok && ${STATUS[$big]} == timeout ]]; then
        ratio_text=$(awk -v a="${WALL[$n]}" -v l="${LIM[$big]}" 'BEGIN {printf ">%.0fx", l / a}')
        if [[ ${LIM[$big]} -lt $LIMIT ]]; then
            verdict="FAIL (10n stopped at ${LIM[$big]} s, 16.5x the n time)"
        else
            verdict="FAIL (10n timed out after ${LIMIT} s)"
        fi
    elif [[ ${STATUS[$n]} == ok ]]; then
        ratio_text="-"
        verdict="FAIL (10n: ${STATUS[$big]})"
    else
        ratio_text="-"
        verdict="FAIL (n: ${STATUS[$n]})"
    fi
    if [[ $verdict == PASS ]]; then PASSED=$((PASSED + 1)); fi
    cpu_text=-
    if [[ ${STATUS[$n]} == ok && ${STATUS[$big]} == ok && -n ${CPU[$n]} && -n ${CPU[$big]} ]]; then
        cpu_text=$(awk -v a="${CPU[$n]}" -v b="${CPU[$big]}" 'BEGIN {if (a > 0) printf "%.2fx", b / a; else print "-"}')
    fi
    printf '%-11s %9s %9s %-10s %8s %8s %8s %8s %7s  %s\n' "$dim" "$n" "$big" "${UNIT[$dim]}" \
        "$(shown "$n")" "$(shown "$big")" "$ratio_text" "$cpu_text" "$(rss "${KB[$big]}")" "$verdict"
    unset WALL STATUS KB LIM CPU TARGET RAN
done
echo
for note in "${NOTES[@]}"; do echo "note: $note"; done
echo "scaling targets: $PASSED of ${#DIMS[@]} dimensions within 11x for 10x the input"
