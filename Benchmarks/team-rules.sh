#!/usr/bin/env bash
# Benchmarks/team-rules.sh - a team's own rules (`rule_files`, docs/user-rules.md) on the issue-sections
# corpus (generate_corpus.py) at n and 10n documents: the same corpus with and without the eight rules of
# fixtures/user-rules (one of each kind: require x2, forbid with a fix, pattern, count, relation x2,
# transition), linted in the same run.
#
# Usage: bash Benchmarks/team-rules.sh [--docs N] [--runs N]
#
#   --docs N   documents of the small corpus; the large one has 10 times as many (default 1000)
#   --runs N   runs per row; the best counts (default 3)
#
# Environment: SOT_LINT_BIN (benchmark this binary; skip the build), SOT_LINT_TODAY (default 2026-07-01).
#
# Rows (wall time of `sot-lint --no-cache DIR`, output to /dev/null): without and with the rules at n and
# 10n, the findings the rules gave, and the peak memory with the rules at 10n. Targets (the engine's:
# Benchmarks/README.md): with the rules, 10n within 11x of n and at most 150 MB; at 10n, with the rules
# within 1.5x of without — the rules add about four findings to every document, each one reported.
# It exits 0 once the measurements are made.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=team-rules.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

DOCS=1000
RUNS=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --docs) DOCS=${2:?--docs needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
bench_positive --docs "$DOCS"
bench_positive --runs "$RUNS"
bench_require_bash5
bench_base_tools
bench_binary
bench_tmpdir team-rules
export SOT_LINT_TODAY=${SOT_LINT_TODAY:-2026-07-01}

# corpus DIR COUNT RULES: the sections corpus; with RULES=yes, the fixture's rules named from its configuration.
corpus() {
    python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$2" --out "$1" --seed 1 >&2
    if [[ $3 == yes ]]; then
        cp -r "$REPO_ROOT/fixtures/user-rules/rules" "$1/rules"
        printf '# benchmark corpus with the team rules of fixtures/user-rules\nrule_files: ["rules/*.yml"]\n' >"$1/.sot-lint.yml"
    fi
}

declare -A BEST=()

LARGE=$((DOCS * 10))
corpus "$TMP/plain-n" "$DOCS" no
corpus "$TMP/rules-n" "$DOCS" yes
corpus "$TMP/plain-10n" "$LARGE" no
corpus "$TMP/rules-10n" "$LARGE" yes
# The rules must find something, or the benchmark measures rules that never fire.
found=$("$BIN" --no-cache --format json "$TMP/rules-10n" 2>/dev/null | grep -c '"rule": "team-' || true)
[[ $found -gt 0 ]] || bench_die "the team rules found nothing in the corpus"

echo "sot-lint team rules: $(nproc) CPUs, $(uname -sm); binary $BIN; $DOCS and $LARGE documents; $RUNS runs each"
for ((i = 0; i < RUNS; i++)); do
    bench_lint_best plain-n "$TMP/plain-n"
    bench_lint_best rules-n "$TMP/rules-n"
    bench_lint_best plain-10n "$TMP/plain-10n"
    bench_lint_best rules-10n "$TMP/rules-10n"
done
for label in plain-n rules-n plain-10n rules-10n; do printf '%-10s best %7s ms\n' "$label" "${BEST[$label]}"; done
echo "team-rule findings at 10n: $found"
/usr/bin/time -f '%M' -o "$TMP/peak.txt" "$BIN" --no-cache "$TMP/rules-10n" >/dev/null 2>&1 || true
peak=$(tail -1 "$TMP/peak.txt")
echo
growth=$(awk -v a="${BEST[rules-10n]}" -v b="${BEST[rules-n]}" 'BEGIN {printf "%.1f", a / b}')
echo "target: with the rules, 10n within 11x of n: ${growth}x  $(bench_verdict "$growth" 11)"
ratio=$(awk -v a="${BEST[rules-10n]}" -v b="${BEST[plain-10n]}" 'BEGIN {printf "%.2f", a / b}')
echo "target: at $LARGE documents, with the rules within 1.5x of without: ${ratio}x  $(bench_verdict "$ratio" 1.5)"
mb=$(bench_mb "$peak")
echo "target: peak memory with the rules at $LARGE documents at most 150 MB: $mb MB  $(bench_verdict "$mb" 150)"
