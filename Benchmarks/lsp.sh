#!/usr/bin/env bash
# Benchmarks/lsp.sh - the editor moment through the language server: `sot-lint lsp` driven by
# lsp_client.py (one server process per row, a real LSP session over pipes).
#
# Usage: bash Benchmarks/lsp.sh [--edits N] [--small N] [--large N] [--seed S] [--runs N]
#
#   --edits N   didChange notifications timed per session (default 30)
#   --small N   documents of the workspace the edit latency is measured in (default 1000)
#   --large N   documents of the workspace memory and initial indexing are measured in (default 10000)
#   --seed S    corpus seed (default 1)
#   --runs N    sessions per row; the best session's median decides, every session is printed (default 3)
#
# Environment: SOT_LINT_BIN (benchmark this binary; skip the build), SOT_LINT_TODAY (default
# 2026-07-01).
#
# Both workspaces are generate_corpus.py's valid corpus; the document edited is the first in byte order.
# Rows:
#   edit (N docs, watched)     didChange -> publishDiagnostics, median of --edits incremental edits that
#                              each change the document's verdict (lsp_client.py), the client offering
#                              the file watcher; the cache of a first session in place
#   edit (N docs, unwatched)   the same with a client that does not watch files (each lint looks at the disk)
#   index cold (M docs)        initialized -> answer of a workspace/symbol sent right after it, with the
#                              workspace's .sot-lint-cache deleted first; beside it `sot-lint --no-cache DIR`
#                              (the CLI's whole lint, cold) in the same run
#   memory (M docs)            the server's peak resident set (VmHWM) after the cold session's edits
# Targets: edit (small, watched) median <= 5 ms; memory (large) <= 150 MB; initial indexing (large, cold)
# <= 2x the CLI's whole cold lint. It exits 0 once the measurements are made (2 for a usage error, 1 when
# the harness cannot run).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=lsp.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

EDITS=30
SMALL=1000
LARGE=10000
SEED=1
RUNS=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --edits) EDITS=${2:?--edits needs a value}; shift 2 ;;
        --small) SMALL=${2:?--small needs a value}; shift 2 ;;
        --large) LARGE=${2:?--large needs a value}; shift 2 ;;
        --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
bench_positive --edits "$EDITS"
bench_positive --small "$SMALL"
bench_positive --large "$LARGE"
bench_positive --runs "$RUNS"
if ! [[ $SEED =~ ^[0-9]+$ ]]; then bench_die "seed '$SEED' is not an integer"; fi
bench_require_bash5
bench_base_tools none # /usr/bin/time and timeout only
bench_binary
bench_tmpdir lsp
export SOT_LINT_TODAY=${SOT_LINT_TODAY:-2026-07-01}

SMALL_DIR=$TMP/small
LARGE_DIR=$TMP/large
python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$SMALL" --out "$SMALL_DIR" --seed "$SEED" >&2
python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$LARGE" --out "$LARGE_DIR" --seed "$SEED" >&2
first_doc() { find "$1" -name '*.md' | LC_ALL=C sort | sed -n 1p; }
# The persistent index never records a file changed within the last 2 seconds.
sleep 3

# session DIR [FLAG...]: one server session; prints lsp_client.py's JSON line.
session() {
    local dir=$1; shift
    python3 "$SCRIPT_DIR/lsp_client.py" --bin "$BIN" --workspace "$dir" --document "$(first_doc "$dir")" \
        --edits "$EDITS" --json "$@" || { echo "$NAME: lsp_client.py failed on $dir" >&2; exit 1; }
}
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }

echo "sot-lint lsp: $(nproc) CPUs, $(uname -sm); binary $BIN; SOT_LINT_TODAY=$SOT_LINT_TODAY"
echo "$EDITS edits per session, $RUNS sessions per row (every session shown; the best median decides)"
echo
session "$SMALL_DIR" >/dev/null # writes the small workspace's cache
BEST_EDIT=""
for label in watched unwatched; do
    flags=()
    if [[ $label == unwatched ]]; then flags=(--no-watch); fi
    medians=()
    for ((i = 0; i < RUNS; i++)); do
        line=$(session "$SMALL_DIR" "${flags[@]}")
        medians+=("$(field "$line" edit_median_ms)")
    done
    best=$(printf '%s\n' "${medians[@]}" | sort -g | sed -n 1p)
    printf '%-34s median ms per session: %s  (best %s)\n' "edit ($SMALL docs, $label)" "${medians[*]}" "$best"
    if [[ $label == watched ]]; then BEST_EDIT=$best; fi
done

INDEX_BEST="" PEAK_BEST=""
for ((i = 0; i < RUNS; i++)); do
    rm -rf "$LARGE_DIR/.sot-lint-cache"
    line=$(session "$LARGE_DIR")
    index=$(field "$line" index_ms)
    peak=$(field "$line" peak_mb)
    printf '%-34s %s ms; peak memory %s MB; edit median %s ms\n' "index cold ($LARGE docs)" "$index" "$peak" "$(field "$line" edit_median_ms)"
    if [[ -z $INDEX_BEST ]] || awk -v a="$index" -v b="$INDEX_BEST" 'BEGIN {exit !(a < b)}'; then INDEX_BEST=$index; fi
    if [[ -z $PEAK_BEST ]] || awk -v a="$peak" -v b="$PEAK_BEST" 'BEGIN {exit !(a < b)}'; then PEAK_BEST=$peak; fi
done
CLI_BEST=""
for ((i = 0; i < RUNS; i++)); do
    start=$EPOCHREALTIME
    rc=0
    "$BIN" --no-cache "$LARGE_DIR" >/dev/null 2>"$TMP/err.txt" || rc=$?
    end=$EPOCHREALTIME
    if [[ $rc -gt 1 ]]; then cat "$TMP/err.txt" >&2; exit 1; fi
    ms=$(awk -v s="${start/,/.}" -v e="${end/,/.}" 'BEGIN {printf "%.1f", (e - s) * 1000}')
    printf '%-34s %s ms\n' "CLI whole lint cold ($LARGE docs)" "$ms"
    if [[ -z $CLI_BEST ]] || awk -v a="$ms" -v b="$CLI_BEST" 'BEGIN {exit !(a < b)}'; then CLI_BEST=$ms; fi
done

verdict() { if awk "BEGIN {exit !($1)}"; then echo PASS; else echo FAIL; fi; }
echo
echo "targets (best of $RUNS):"
echo "  edit -> diagnostics, $SMALL docs, median <= 5 ms: $BEST_EDIT ms  $(verdict "$BEST_EDIT <= 5")"
echo "  server memory, $LARGE docs, <= 150 MB: $PEAK_BEST MB  $(verdict "$PEAK_BEST <= 150")"
RATIO=$(awk -v a="$INDEX_BEST" -v b="$CLI_BEST" 'BEGIN {printf "%.2f", a / b}')
echo "  initial indexing, $LARGE docs, <= 2x the CLI's whole lint: $INDEX_BEST ms / $CLI_BEST ms = ${RATIO}x  $(verdict "$RATIO <= 2")"
