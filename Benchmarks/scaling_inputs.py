#!/usr/bin/env python3
"""Write one input of scaling.sh or hostile.sh: a workspace that grows along one dimension.

    python3 Benchmarks/scaling_inputs.py DIMENSION N OUT [--seed S]

OUT is created afresh (it must not exist, or be an empty folder) as a project root with an empty
`.sot-lint.yml` (`{}`), and the input is written into it. The last line printed on standard
output is the path to lint: OUT itself, or one file in it. Everything but N stays fixed, so
that the time of N against 10N shows how sot-lint grows along that dimension alone. Inputs are
deterministic (one random.Random(seed), no clock), reusing generate_corpus.py's vocabulary.

Dimensions (N is what grows; "fixed" is what does not):

  documents   N valid documents (generate_corpus.py, default shape)
  issues      5 documents of N issues each (valid-shape issue sections)
  references  100 issues (5 documents of 20); each has a `Notes:` list with N resolved
              references, five per bullet, code spans and plain text
  unresolved  200 valid documents plus N unresolved references spread over their issues in
              `Notes:` bullets: three quarters distinct IDs of other repositories' routes, one
              quarter near misses of defined IDs (`OPS-WORK-0012`, `OSP-WORK-012`), so that
              "did you mean" both fails and succeeds
  realistic   N realistic documents (generate_corpus.py --shape realistic): the unresolved
              references and the defined IDs a "did you mean" searches grow together, as in a
              real repository (a third of all references point to other repositories)
  line        one document of 3 issues; issue 1 has one paragraph line of N bytes: words, code
              spans, defined IDs and ID-like tokens that do not match the ID pattern
  keys        one document with the 8 usual front-matter keys plus N unknown ones
              (N frontmatter-unknown-key warnings)
  chain       a blocked-by chain through N issues, 100 per document (issue k blocked by k-1)
  cycle       the same chain closed into one cycle through all N issues
  findings    N documents where every issue has 4-5 findings (status typo or blocked on a
              resolved issue, misspelt label, repeated field, two unresolved references) and
              the front matter two more (enum typo, impossible date)
  secrets     one text file (`notes.txt`) of N bytes: valid documents, one fake GitHub token
              every ~100 KB; linted as a named non-Markdown file, so the secret scan alone
  baselined   the `findings` input of N documents; scaling.sh records its baseline
              (`sot-lint baseline`) before the timed runs, so every finding is matched and hidden
  commits     a git repository of 20 documents of 10 issues whose history has N + 1 commits: the
              first is tagged `base`, each later one moves one issue's status (open / in progress)
              and every issue declares it does not change the next one's status; linted with
              `--base base`, so `invariant-status-unchanged` reads every commit
  alias-bomb  (hostile.sh; N is ignored) a `.sot-lint.yml` whose `front_matter.optional` is a
              billion-laughs list: 9 anchors, each a list of 9 aliases of the previous one
              (9^9 = 387,420,489 scalars once expanded), plus one valid document
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ left in Benchmarks/
import generate_corpus as corpus  # noqa: E402

FRONT = """---
title: {title}
status: active
lifecycle_classification: sot
owner: jp
created: 2026-01-05
last_reviewed: 2026-06-01
core_promotion_status: not-promoted
route: {route}
{extra}---

# {title}

{disclaimer}
"""


def front(title, route, extra=""):
    return FRONT.format(title=title, route=route, extra=extra, disclaimer=corpus.DISCLAIMER)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def doc_name(out, index, count):
    return corpus.doc_path(out, index, count)


def valid_documents(out, count, seed):
    """`count` valid documents as (path, text); also returns the generator (its IDs)."""
    generator = corpus.Generator(seed)
    return [(doc_name(out, i, count), generator.document()) for i in range(count)], generator


def with_notes(text, bullets_per_issue):
    """Adds a `Notes:` list after every issue section of a valid document."""
    sections = text.rstrip("\n").split("\n## ")
    out = [sections[0]]
    for index, section in enumerate(sections[1:]):
        bullets = bullets_per_issue(index)
        if bullets:
            section += "\n\nNotes:\n\n" + "\n".join("- " + b for b in bullets)
        out.append(section)
    return "\n## ".join(out) + "\n"


# ---------------------------------------------------------------------------------------------


def gen_documents(n, out, rng, seed):
    corpus.generate(n, out, seed)
    return out


def gen_realistic(n, out, rng, seed):
    corpus.generate(n, out, seed, "realistic")
    return out


def gen_issues(n, out, rng, seed):
    generator = corpus.Generator(seed)
    for d in range(5):
        route = corpus.ROUTES[d]
        title = "%s Issue Load %d" % (route.upper(), d)
        lines = [front(title, route)]
        unresolved = []
        for _ in range(n):
            lines.append("\n".join(generator.issue(route, unresolved)))
        write(doc_name(out, d, 5), "\n".join(lines).rstrip("\n") + "\n")
    return out


def gen_references(n, out, rng, seed):
    ids = ["%s-WORK-%03d" % (corpus.ROUTES[d].upper(), k + 1) for d in range(5) for k in range(20)]
    for d in range(5):
        route = corpus.ROUTES[d]
        title = "%s Reference Load" % route.upper()
        parts = [front(title, route)]
        for k in range(20):
            own = "%s-WORK-%03d" % (route.upper(), k + 1)
            parts.append("## %s - %s\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n" % (own, title))
            others = [i for i in ids if i != own]
            bullets = []
            left = n
            while left > 0:
                take = min(5, left)
                refs = [rng.choice(others) for _ in range(take)]
                words = ["`%s`" % r if j % 2 == 0 else r for j, r in enumerate(refs)]
                bullets.append("- Relates to %s." % ", ".join(words))
                left -= take
            parts.append("Notes:\n\n" + "\n".join(bullets) + "\n")
        write(doc_name(out, d, 5), "\n".join(parts))
    return out


def near_miss(issue_id, rng):
    route, number = issue_id.split("-WORK-")
    kind = rng.randrange(3)
    if kind == 0:
        return "%s-WORK-0%s" % (route, number)          # an extra leading zero
    if kind == 1 and len(route) >= 2:
        i = rng.randrange(len(route) - 1)                # two letters swapped
        route = route[:i] + route[i + 1] + route[i] + route[i + 2:]
        return "%s-WORK-%s" % (route, number)
    return "%s-WORK-%s" % (route, number[::-1] + "9")    # a different number


def gen_unresolved(n, out, rng, seed):
    docs, generator = valid_documents(out, 200, seed)
    defined = set(generator.all_ids)
    issue_count = len(generator.all_ids)
    refs = []
    for k in range(n):
        if k % 4 == 3:
            candidate = near_miss(rng.choice(generator.all_ids), rng)
            while candidate in defined:
                candidate = near_miss(rng.choice(generator.all_ids), rng)
        else:
            foreign = corpus.FOREIGN_ROUTES[k % len(corpus.FOREIGN_ROUTES)]
            candidate = "%s-WORK-%d" % (foreign, 1000 + k)  # distinct
        refs.append(candidate)
    # Spread evenly: issue i of the workspace gets refs[i::issue_count].
    counter = [0]

    def bullets(_):
        i = counter[0]
        counter[0] += 1
        mine = refs[i::issue_count]
        return ["Coordinates with `%s` before the %s lands." % (r, rng.choice(corpus.NOUNS))
                for r in mine]

    for path, text in docs:
        write(path, with_notes(text, bullets))
    return out


def gen_line(n, out, rng, seed):
    ids = ["CTO-WORK-001", "CTO-WORK-002", "CTO-WORK-003"]
    near = ["cto-work-1", "WORK-12", "CTO-WORK-", "CTO_WORK_2", "CTO-WORKS-3", "XWORK-9",
            "CTO-WORK-x1", "-WORK-4"]
    pieces = []
    size = 0
    while size < n:
        roll = rng.random()
        if roll < 0.55:
            piece = rng.choice(corpus.NOUNS + corpus.ADJECTIVES)
        elif roll < 0.75:
            piece = "`%s`" % "_".join(rng.sample(corpus.SNAKE_WORDS, 2))
        elif roll < 0.85:
            piece = rng.choice(["`%s`", "%s"]) % rng.choice(ids)
        else:
            piece = rng.choice(near)
        pieces.append(piece)
        size += len(piece) + 1
    line = " ".join(pieces)  # whole pieces: a cut could leave an ID-like tail that matches
    parts = [front("CTO Long Line", "cto")]
    for k, issue_id in enumerate(ids):
        parts.append("## %s - Long Line %d\n\nStatus: open.\n" % (issue_id, k + 1))
        if k == 0:
            parts.append(line + ".\n")
        parts.append("Acceptance:\n\n- Works.\n")
    path = os.path.join(out, "long-line.md")
    write(path, "\n".join(parts))
    return path


def gen_keys(n, out, rng, seed):
    extra = "".join("custom_key_%06d: value %d\n" % (k, k) for k in range(n))
    text = front("CTO Many Keys", "cto", extra)
    text += "\n## CTO-WORK-001 - Many Keys\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"
    path = os.path.join(out, "many-keys.md")
    write(path, text)
    return path


def gen_chain(n, out, rng, seed, cycle=False):
    per_doc = 100
    docs = (n + per_doc - 1) // per_doc
    width = len(str(n))
    ident = lambda k: "CTO-WORK-%0*d" % (width, k + 1)  # noqa: E731
    for d in range(docs):
        title = "CTO Chain Part %d" % d
        parts = [front(title, "cto")]
        for k in range(d * per_doc, min(n, (d + 1) * per_doc)):
            if k == 0 and not cycle:
                parts.append("## %s - Link %d\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n"
                             % (ident(k), k))
                continue
            blocker = ident((k - 1) % n)
            parts.append("## %s - Link %d\n\nStatus: blocked.\n\nAcceptance:\n\n- Works.\n\n"
                         "Blocked by:\n\n- `%s` landing first.\n" % (ident(k), k, blocker))
        write(doc_name(out, d, docs), "\n".join(parts))
    return out


def gen_cycle(n, out, rng, seed):
    return gen_chain(n, out, rng, seed, cycle=True)


def gen_findings(n, out, rng, seed):
    for d in range(n):
        route = corpus.ROUTES[d % len(corpus.ROUTES)]
        title = "%s Findings %d" % (route.upper(), d)
        text = front(title, route).replace("status: active", "status: actve", 1)
        text = text.replace("created: 2026-01-05", "created: 2026-02-30", 1)
        parts = [text]
        base = d * 5
        ident = lambda k: "%s-WORK-%05d" % (route.upper(), base + k + 1)  # noqa: E731
        for k in range(5):
            if k == 0:
                status = "done"
            elif k % 2:
                status = rng.choice(["blokced", "opne", "in-progess", "wip"])
            else:
                status = "blocked"
            section = ["## %s - Finding Load %d" % (ident(k), k), "", "Status: %s." % status, "",
                       "Acceptance:", "", "- Uses `%s-WORK-%d`." % (
                           rng.choice(corpus.FOREIGN_ROUTES), 1000 + rng.randrange(9000)),
                       "- Follows %s." % near_miss(ident(k), rng), "",
                       "Evidance:", "", "- Harness report.", "",
                       "Acceptance:", "", "- Works again.", ""]
            if status == "blocked":
                section += ["Blocked by:", "", "- `%s` is done already." % ident(0), ""]
            parts.append("\n".join(section))
        write(doc_name(out, d, n), "\n".join(parts).rstrip("\n") + "\n")
    return out


def gen_secrets(n, out, rng, seed):
    generator = corpus.Generator(seed)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    chunks = []
    size = 0
    next_token = 50_000
    while size < n:
        text = generator.document()
        if size >= next_token:
            text += ("\nexport GITHUB_TOKEN=ghp_%s\n"
                     % "".join(rng.choice(alphabet) for _ in range(36)))
            next_token += 100_000
        chunks.append(text)
        size += len(text)
    path = os.path.join(out, "notes.txt")
    write(path, "".join(chunks)[:n])
    return path


def gen_baselined(n, out, rng, seed):
    return gen_findings(n, out, rng, seed)


def gen_commits(n, out, rng, seed):
    import subprocess
    documents, issues = 20, 10
    moves = [0] * (documents * issues)

    def document(d):
        route = "cto"
        parts = [front("CTO Commits %d" % d, route)]
        for k in range(issues):
            number = d * issues + k
            following = (number + 1) % (documents * issues)
            status = "in progress" if moves[number] % 2 else "open"
            parts.append("## CTO-WORK-%04d - Commit Load %d\n\nStatus: %s.\n\nAcceptance:\n\n"
                         "- Completing this does not change `CTO-WORK-%04d` status.\n" % (number, number, status, following))
        return "\n".join(parts)

    def blob(path, text):
        data = text.encode("utf-8")
        return b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)

    stream = [b"commit refs/heads/main\nmark :1\ncommitter t <t@example.invalid> 0 +0000\ndata 4\nbase\n",
              blob(".sot-lint.yml", "{}\n")]
    stream += [blob("doc-%02d.md" % d, document(d)) for d in range(documents)]
    stream.append(b"reset refs/tags/base\nfrom :1\n\n")
    for i in range(n):
        number = rng.randrange(documents * issues)
        moves[number] += 1
        d = number // issues
        stream.append(b"commit refs/heads/main\nmark :%d\ncommitter t <t@example.invalid> %d +0000\ndata 4\nmove\nfrom :%d\n"
                      % (i + 2, i + 1, i + 1))
        stream.append(blob("doc-%02d.md" % d, document(d)))
    git = ["git", "-C", out]
    subprocess.run(git + ["init", "-q", "-b", "main"], check=True)
    subprocess.run(git + ["fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(git + ["checkout", "-q", "-f", "main"], check=True)
    return out


def gen_alias_bomb(n, out, rng, seed):
    lines = ["# billion laughs: 9 anchors of 9 aliases each (9^9 scalars once expanded)",
             "front_matter:", "  optional:"]
    lines.append("    - &a0 [%s]" % ", ".join(["lol"] * 9))
    for level in range(1, 9):
        lines.append("    - &a%d [%s]" % (level, ", ".join(["*a%d" % (level - 1)] * 9)))
    write(os.path.join(out, ".sot-lint.yml"), "\n".join(lines) + "\n")
    write(os.path.join(out, "doc.md"), front("CTO Alias Bomb", "cto")
          + "\n## CTO-WORK-001 - First\n\nStatus: open.\n\nAcceptance:\n\n- Works.\n")
    return out


DIMENSIONS = {
    "documents": gen_documents, "issues": gen_issues, "references": gen_references,
    "unresolved": gen_unresolved, "realistic": gen_realistic, "line": gen_line, "keys": gen_keys, "chain": gen_chain,
    "cycle": gen_cycle, "findings": gen_findings, "secrets": gen_secrets, "baselined": gen_baselined,
    "commits": gen_commits,
    "alias-bomb": gen_alias_bomb,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dimension", choices=list(DIMENSIONS))
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")
    if os.path.exists(args.out) and os.listdir(args.out):
        parser.error("%s exists and is not empty" % args.out)
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, ".sot-lint.yml"), "{}\n")
    target = DIMENSIONS[args.dimension](args.n, args.out, random.Random(args.seed), args.seed)
    print(target)


if __name__ == "__main__":
    main()
