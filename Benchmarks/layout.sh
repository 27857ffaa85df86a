#!/usr/bin/env bash
# Benchmarks/layout.sh - one issue per file (`layouts:`): a Backlog.md-style task folder at n and 10n
# tasks, each with front-matter dependencies on earlier tasks and a checkbox acceptance section, against
# the issue-sections corpus of as many documents (generate_corpus.py) linted in the same run.
#
# Usage: bash Benchmarks/layout.sh [--tasks N] [--runs N]
#
#   --tasks N  tasks of the small corpus; the large one has 10 times as many (default 1000)
#   --runs N   runs per row; the best counts (default 3)
#
# Environment: SOT_LINT_BIN (benchmark this binary; skip the build), SOT_LINT_TODAY (default 2026-07-01).
#
# Rows (wall time of `sot-lint --no-cache DIR`, output to /dev/null): tasks at n and 10n, sections at n
# and 10n. Target: linear, 10n within 11x of n for the tasks; the tasks within 1.5x of the sections
# corpus of as many documents. It exits 0 once the measurements are made.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
NAME=layout.sh
# shellcheck source=lib.sh
. "$SCRIPT_DIR/lib.sh"

TASKS=1000
RUNS=3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --tasks) TASKS=${2:?--tasks needs a value}; shift 2 ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) bench_die "unknown argument '$1' (see --help)" ;;
    esac
done
bench_positive --tasks "$TASKS"
bench_positive --runs "$RUNS"
bench_require_bash5
bench_binary
bench_tmpdir layout
export SOT_LINT_TODAY=${SOT_LINT_TODAY:-2026-07-01}

# tasks DIR COUNT: a Backlog.md-style project of COUNT task files.
tasks() {
    python3 - "$1" "$2" <<'PY'
import os, random, sys
out, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
os.makedirs(os.path.join(out, "backlog", "tasks"), exist_ok=True)
with open(os.path.join(out, ".sot-lint.yml"), "w") as config:
    # Backlog.md's own layout, from the built-in profile: what a team writes.
    config.write("extends: backlog-md\n")
words = "parser graph queue report cache index model export editor server rule check field status title".split()
for n in range(1, count + 1):
    deps = sorted({random.randint(1, n - 1) for _ in range(random.randint(0, 3))}) if n > 1 else []
    status = random.choice(["To Do", "In Progress", "Done", "Done"])
    title = " ".join(random.choice(words) for _ in range(4)).capitalize()
    lines = ["---", f"id: task-{n}", f"title: {title}", f"status: {status}", f"created_date: '2025-06-{1 + n % 28:02d} 10:{n % 60:02d}'",
             "labels: [" + ", ".join(random.sample(words, 2)) + "]"]
    lines += ["dependencies:"] + [f"  - task-{d}" for d in deps] if deps else ["dependencies: []"]
    lines += ["---", "", "## Description", "", f"Work on the {title.lower()}; follows task-{max(1, n - 1)}.", "",
              "## Acceptance Criteria", ""]
    lines += [f"- [{'x' if status == 'Done' else ' '}] {random.choice(words)} {random.choice(words)} works" for _ in range(3)]
    with open(os.path.join(out, "backlog", "tasks", f"task-{n} - {title}.md"), "w") as task:
        task.write("\n".join(lines) + "\n")
PY
}

declare -A BEST=()

LARGE=$((TASKS * 10))
tasks "$TMP/tasks-n" "$TASKS"
tasks "$TMP/tasks-10n" "$LARGE"
python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$TASKS" --out "$TMP/sections-n" --seed 1 >&2
python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$LARGE" --out "$TMP/sections-10n" --seed 1 >&2
# The tasks must lint clean: a benchmark of findings nobody wanted measures nothing.
if ! "$BIN" --no-cache --quiet "$TMP/tasks-n" >/dev/null 2>"$TMP/err.txt"; then
    echo "$NAME: the generated tasks do not lint clean:" >&2; "$BIN" --no-cache "$TMP/tasks-n" | head -5 >&2; exit 1
fi

echo "sot-lint layouts: $(nproc) CPUs, $(uname -sm); binary $BIN; $TASKS and $LARGE tasks; $RUNS runs each"
for ((i = 0; i < RUNS; i++)); do
    bench_lint_best tasks-n "$TMP/tasks-n"
    bench_lint_best sections-n "$TMP/sections-n"
    bench_lint_best tasks-10n "$TMP/tasks-10n"
    bench_lint_best sections-10n "$TMP/sections-10n"
done
for label in tasks-n tasks-10n sections-n sections-10n; do printf '%-13s best %7s ms\n' "$label" "${BEST[$label]}"; done
echo
growth=$(awk -v a="${BEST[tasks-10n]}" -v b="${BEST[tasks-n]}" 'BEGIN {printf "%.1f", a / b}')
echo "target: tasks at 10n within 11x of n: ${growth}x  $(bench_verdict "$growth" 11)"
ratio=$(awk -v a="${BEST[tasks-10n]}" -v b="${BEST[sections-10n]}" 'BEGIN {printf "%.2f", a / b}')
echo "target: $LARGE tasks within 1.5x of $LARGE section documents: ${ratio}x  $(bench_verdict "$ratio" 1.5)"
