#!/usr/bin/env bash
# Benchmarks/realistic.sh - whole-repository lint of the realistic corpus against cmark, mdl, rumdl.
#
# Usage: bash Benchmarks/realistic.sh [--docs "1000 10000"] [--seed S] [--runs N] [--peer-runs N]
#                                      [--timeout S] [--no-peers]
#
#   --docs "N ..."   corpus sizes in documents (default "1000 10000")
#   --seed S         corpus seed (default 1)
#   --runs N         timed runs of sot-lint and cmark per size, alternating; the best wall time of
#                    each is kept (default 3)
#   --peer-runs N    timed runs of mdl and rumdl (default 1: mdl takes about 30 s on 10,000 documents)
#   --timeout S      limit of one run in seconds (default 300): a sot-lint run over it is killed
#                    and reported FAIL (timeout) with the ratio as a lower bound
#   --no-peers       skip mdl and rumdl (neither installed nor timed)
#
# Environment: SOT_LINT_BIN (benchmark this binary; skip the build), SOT_LINT_TODAY (default
# 2026-07-01, so that which dates are stale does not drift), BENCH_SLOW (see scaling.sh).
#
# The corpus is generate_corpus.py --shape realistic (see Benchmarks/README.md): a third of the
# references name other repositories' issues and every document has 2-3 kinds of finding, so
# sot-lint exits 1 and reports thousands of findings. For each size, on the same files:
#   sot-lint  `sot-lint lint --format json [--no-cache] DIR > /dev/null` (--no-cache only when the
#             binary's --help mentions it: CI runs are cold), exit 1 expected (0 tolerated)
#   cmark     `find DIR -name '*.md' -print0 | sort -z | xargs -0 cmark > /dev/null` (as run.sh)
#   mdl       `mdl DIR` (apt ruby-mdl), exit 0 or 1; informative only
#   rumdl     `rumdl check --no-cache --no-config DIR` (pip rumdl), exit 0 or 1; informative only
# Wall time from $EPOCHREALTIME, peak RSS from /usr/bin/time's %M; each run under `timeout S`;
# once a run takes over BENCH_SLOW seconds (default 20) its remaining runs are skipped.
# Targets: sot-lint within 2x of cmark on 10,000 documents, peak RSS <= 150 MB (both printed for
# every size). A peer that is missing and cannot be installed is reported as such. It also prints
# the findings per rule of the smallest corpus. It exits 0 once the measurements are made.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=realistic.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

DOCS="1000 10000"
SEED=1
RUNS=3
PEER_RUNS=1
PEERS=1
LIMIT=300
while [[ $# -gt 0 ]]; do
    case "$1" in
        --docs) DOCS=${2:?--docs needs a value}; shift 2 ;;
        --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --peer-runs) PEER_RUNS=${2:?--peer-runs needs a value}; shift 2 ;;
        --timeout) LIMIT=${2:?--timeout needs a value}; shift 2 ;;
        --no-peers) PEERS=0; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
read -r -a SIZES <<<"$DOCS"
if [[ ${#SIZES[@]} -eq 0 ]]; then bench_die "--docs is empty"; fi
for n in "${SIZES[@]}"; do bench_positive --docs "$n"; done
bench_positive --runs "$RUNS"
bench_positive --peer-runs "$PEER_RUNS"
bench_positive --timeout "$LIMIT"
if ! [[ $SEED =~ ^[0-9]+$ ]]; then bench_die "seed '$SEED' is not an integer"; fi
bench_require_bash5
bench_base_tools cmark
if [[ $PEERS -eq 1 ]]; then
    if ! command -v mdl >/dev/null 2>&1; then bench_apt_install ruby-mdl || true; fi
    if ! command -v rumdl >/dev/null 2>&1; then
        echo "$NAME: pip install rumdl" >&2
        python3 -m pip install -q rumdl >&2 || true
    fi
fi
bench_binary
bench_detect_no_cache
bench_tmpdir realistic
export SOT_LINT_TODAY=${SOT_LINT_TODAY:-2026-07-01}

echo "sot-lint realistic corpus: $(nproc) CPUs, $(uname -sm), $(cmark --version | sed -n 1p)"
echo "binary $BIN; seed $SEED; best of $RUNS runs (peers: $PEER_RUNS);" \
    "flags: --format json${NO_CACHE[*]:+ ${NO_CACHE[*]}}; SOT_LINT_TODAY=$SOT_LINT_TODAY"

# measure TOOL RUNS OKCODES CMD...: sets WALL and KB, or stops the script when sot-lint or cmark
# fails (a sot-lint timeout is a result, not a failure: FAILED=timeout); a failing peer is only
# reported (WALL=""; FAILED says how).
measure() {
    local tool=$1 runs=$2 ok=$3; shift 3
    bench_best "$runs" "$LIMIT" "$ok" "$@"
    WALL=$BEST_WALL KB=$BEST_KB FAILED=""
    if [[ $BEST_STATUS != ok ]]; then
        if [[ $tool == cmark || ($tool == sot-lint && $BEST_STATUS != timeout) ]]; then
            echo "$NAME: $tool failed ($BEST_STATUS): $*" >&2
            head -c 2000 "$TMP/stderr.out" >&2
            exit 1
        fi
        WALL="" FAILED=$BEST_STATUS
    fi
}

row() { # TOOL WALL KB CMARK_WALL MB
    awk -v n="$n" -v t="$1" -v w="$2" -v k="$3" -v c="$4" -v mb="$5" 'BEGIN {
        printf "%8s %7.1f  %-9s %8.3f %8.1f %12.1f %8.2fx\n", n, mb, t, w, mb / w, k / 1024, w / c
    }'
}

SUMMARY=()
for n in "${SIZES[@]}"; do
    dir=$TMP/corpus-$n
    python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$n" --out "$dir" --seed "$SEED" --shape realistic >&2
    bytes=$(find "$dir" -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    mb=$(awk -v b="$bytes" 'BEGIN {printf "%.6f", b / 1e6}')

    # sot-lint and cmark alternate run by run, so that a slow phase of the machine (minutes long on a
    # shared 2-core machine) costs both alike; the best wall time of each is kept.
    lint_wall="" lint_kb=0 lint_rc=0 lint_failed="" cmark_wall="" cmark_kb=0
    for ((round = 0; round < RUNS; round++)); do
        if [[ -z $lint_failed ]] && { [[ -z $lint_wall ]] || ! bench_less "${BENCH_SLOW:-20}" "$lint_wall"; }; then
            measure sot-lint 1 "0 1" "$BIN" lint --format json "${NO_CACHE[@]}" "$dir"
            lint_rc=$BEST_RC lint_failed=$FAILED
            if [[ $KB -gt $lint_kb ]]; then lint_kb=$KB; fi
            if [[ -n $WALL ]] && { [[ -z $lint_wall ]] || bench_less "$WALL" "$lint_wall"; }; then lint_wall=$WALL; fi
        fi
        # shellcheck disable=SC2016 # expanded by the inner shell
        measure cmark 1 0 bash -c 'set -o pipefail; find "$1" -name "*.md" -print0 | LC_ALL=C sort -z | xargs -0 cmark' _ "$dir"
        if [[ $KB -gt $cmark_kb ]]; then cmark_kb=$KB; fi
        if [[ -z $cmark_wall ]] || bench_less "$WALL" "$cmark_wall"; then cmark_wall=$WALL; fi
    done

    echo
    if [[ -n $lint_failed ]]; then
        echo "corpus: $n realistic documents, $bytes bytes; sot-lint timed out after $LIMIT s"
    else
        echo "corpus: $n realistic documents, $bytes bytes; sot-lint exit status $lint_rc"
    fi
    printf '%8s %7s  %-9s %8s %8s %12s %9s\n' docs MB tool "wall s" "MB/s" "peak RSS MB" "vs cmark"
    if [[ -n $lint_failed ]]; then
        awk -v n="$n" -v l="$LIMIT" -v c="$cmark_wall" -v mb="$mb" 'BEGIN {
            printf "%8s %7.1f  %-9s %8s %8s %12s %8s\n", n, mb, "sot-lint", ">" l, "<" sprintf("%.1f", mb / l), "-", sprintf(">%.0fx", l / c)
        }'
    else
        row sot-lint "$lint_wall" "$lint_kb" "$cmark_wall" "$mb"
    fi
    row cmark "$cmark_wall" "$cmark_kb" "$cmark_wall" "$mb"
    if [[ $PEERS -eq 1 ]]; then
        for peer in mdl rumdl; do
            if ! command -v "$peer" >/dev/null 2>&1; then
                printf '%8d %7.1f  %-9s %s\n' "$n" "$mb" "$peer" "not installed"
                continue
            fi
            if [[ $peer == mdl ]]; then
                (cd "$TMP" && measure mdl "$PEER_RUNS" "0 1" mdl "$dir"; echo "$WALL $KB $FAILED") >"$TMP/peer.out"
            else
                (cd "$TMP" && measure rumdl "$PEER_RUNS" "0 1" rumdl check --no-cache --no-config "$dir"; echo "$WALL $KB $FAILED") >"$TMP/peer.out"
            fi
            read -r p_wall p_kb p_failed <"$TMP/peer.out" || true
            if [[ -n ${p_failed:-} || -z ${p_kb:-} ]]; then
                printf '%8d %7.1f  %-9s %s\n' "$n" "$mb" "$peer" "failed (${p_failed:-$p_wall})"
            else
                row "$peer" "$p_wall" "$p_kb" "$cmark_wall" "$mb"
            fi
        done
    fi
    if [[ -n $lint_failed ]]; then
        ratio=$(awk -v l="$LIMIT" -v b="$cmark_wall" 'BEGIN {printf "%.0f", l / b}')
        SUMMARY+=("$n docs: sot-lint/cmark >${ratio}x, timed out after $LIMIT s (target <= 2x at 10,000) FAIL")
        SUMMARY+=("$n docs: sot-lint peak RSS unknown (timed out; target <= 150 MB) FAIL")
    else
        ratio=$(awk -v a="$lint_wall" -v b="$cmark_wall" 'BEGIN {printf "%.2f", a / b}')
        rss=$(bench_mb "$lint_kb")
        SUMMARY+=("$n docs: sot-lint/cmark ${ratio}x (target <= 2x at 10,000) $(bench_verdict "$ratio" 2)")
        SUMMARY+=("$n docs: sot-lint peak RSS ${rss} MB (target <= 150 MB) $(bench_verdict "$rss" 150)")
    fi

    if [[ $n == "${SIZES[0]}" && -z $lint_failed ]]; then
        rc=0
        "$BIN" lint --format json "${NO_CACHE[@]}" "$dir" >"$TMP/findings.json" 2>/dev/null || rc=$?
        echo "findings per rule ($n documents, exit $rc):"
        python3 - "$TMP/findings.json" "$n" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
rules = collections.Counter(d["rule"] for d in report["diagnostics"])
docs = int(sys.argv[2])
total = sum(rules.values())
print("  %d findings, %.1f per document: %s" % (total, total / docs, ", ".join(
    "%s %d" % (rule, count) for rule, count in sorted(rules.items(), key=lambda x: (-x[1], x[0])))))
PY
    fi
    rm -rf "$dir"
done

echo
echo "targets (DESIGN.md section 7, realistic corpus):"
for line in "${SUMMARY[@]}"; do echo "  $line"; done
