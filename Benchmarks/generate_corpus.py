#!/usr/bin/env python3
"""Generate (and check) a deterministic corpus of SOT planning documents.

    python3 Benchmarks/generate_corpus.py --docs N --out DIR [--seed S] [--shape S] [--check]
    python3 Benchmarks/generate_corpus.py --out DIR --check [--shape S]   # check an existing corpus

Two shapes. `--shape valid` (the default, byte-identical to the generator before shapes
existed) is described here; `--shape realistic` is described after it.

The corpus is a valid sot-lint workspace (DESIGN.md section 2): DIR/.sot-lint.yml marks the
project root and N documents shaped like shared/seed/cto-case-local-provider-route-issues.md
sit in DIR/area-XX/doc-NNNNN.md, 100 per folder. The same N and seed always give
byte-identical files: every choice comes from one random.Random(seed), nothing iterates over
a set, and nothing depends on the clock or the environment.

Validity, by construction (and verified again by --check, which re-reads the files):
issue IDs are unique across the corpus; every ID mentioned anywhere is defined; an issue has
a `Blocked by:` list exactly when its status is `blocked`; blockers are never the issue
itself, never resolved (done/superseded/cancelled), and always have a smaller global index,
so the blocked-by graph is acyclic; every `Acceptance:` list has 4-10 bullets.

`--shape realistic` is the same corpus as a real repository sees it. About a third of all
references (mentions and blockers) name IDs of routes that no document defines
(`PAY-WORK-117`, `SRE-WORK-042`: issues of OTHER repositories), so they are unresolved here
and each one makes the linter look for a "did you mean" among the defined IDs; some of those
routes are one letter away from a local one (SRE/SEC, OBS/OPS, APX/API). And every document
carries 2-3 planted kinds of finding, drawn from: a front-matter enum typo (`status: actve`,
`core_promotion_status: not-promted`), a date problem (a day that does not exist, a wrong
form, last_reviewed before created, or a last_reviewed in 2024, stale whatever today is), a
`blocked` issue with a resolved blocker, an issue status that is not in the vocabulary
(`Status: opne.`), a misspelt field label (`Evidance:`). Everything else holds as in the valid
shape: IDs unique, every local-route ID defined, blocked issues and only they have blockers
(each blocker still has a smaller global index, so the graph stays acyclic), 4-10 acceptance
bullets. `--check --shape realistic` verifies exactly that: those invariants, a planted kind
in every document (at least two kinds each), every unresolved reference on a foreign route and
every local-route reference resolved, the foreign share of references between 25% and 42%,
and (from 50 documents on) every planted kind present somewhere.
"""

import argparse
import datetime
import os
import random
import re
import shutil
import sys

DOCS_PER_FOLDER = 100

ROUTES = [
    "cto", "ops", "infra", "data", "ml", "sec", "web", "api", "mobile", "billing",
    "search", "growth", "support", "legal", "qa", "docs", "platform", "edge", "identity",
    "storage",
]
OWNERS = ["jp", "mk", "al", "sr", "tb", "nv", "ek", "ds", "hw", "lc", "ob", "ra"]

STATUS_VOCABULARY = [
    "draft", "open", "in-progress", "blocked", "validated", "done", "superseded", "cancelled",
]
RESOLVED = ("done", "superseded", "cancelled")
# Weights of STATUS_VOCABULARY, in the same order.
STATUS_WEIGHTS = [12, 20, 18, 15, 12, 15, 4, 4]

DISCLAIMER = "Local planning SOT only. Not a Core Protocol. Not active Core authority."
FRONT_MATTER_KEYS = [
    "title", "status", "lifecycle_classification", "owner", "created", "last_reviewed",
    "core_promotion_status", "route",
]
FIELD_LABELS = ("Acceptance", "Blocked by", "Current unblock")
DATE_FIRST = datetime.date(2026, 1, 1)
DATE_LAST = datetime.date(2026, 6, 30)

TITLE_WORDS = [
    "Case", "Compatible", "Local", "Provider", "Adapter", "Route", "Harness", "Evidence",
    "Admission", "Gate", "Model", "Decision", "Record", "Stage", "Pipeline", "Ingest", "Export",
    "Schema", "Migration", "Rollout", "Cache", "Index", "Queue", "Retry", "Budget", "Quota",
    "Audit", "Review", "Policy", "Runtime", "Sandbox", "Backend", "Report", "Trace", "Config",
    "Endpoint", "Fallback", "Baseline", "Metrics", "Dashboard", "Alerting", "Replay",
    "Snapshot", "Release", "Channel", "Canary", "Approval", "Workflow", "Template", "Registry",
    "Catalog", "Contract", "Interface", "Sync", "Mirror", "Archive", "Scheduler", "Worker",
    "Partition", "Shard", "Backfill", "Consumer", "Producer", "Webhook", "Gateway", "Session",
]
NOUNS = [
    "adapter", "route", "harness", "gate", "model", "provider", "record", "report", "trace",
    "config", "endpoint", "fallback", "baseline", "pipeline", "schema", "migration", "rollout",
    "cache", "index", "queue", "budget", "quota", "audit", "policy", "runtime", "sandbox",
    "backend", "snapshot", "release", "channel", "workflow", "template", "registry", "catalog",
    "contract", "interface", "scheduler", "worker", "partition", "backfill", "webhook",
    "gateway", "session", "checkpoint", "manifest", "decision", "admission", "evidence",
]
ADJECTIVES = [
    "autonomous", "local", "external", "explicit", "compatible", "deterministic", "staged",
    "isolated", "incremental", "reviewed", "minimal", "default", "bounded", "versioned",
]
SNAKE_WORDS = [
    "case", "local", "provider", "process", "started", "compatible", "decision", "status",
    "required", "admission", "model", "route", "gate", "stage", "pass", "report", "harness",
    "adapter", "config", "mode", "class", "state", "rollout", "canary", "queue", "retry",
    "budget", "index", "cache", "schema", "version", "replay", "window", "limit", "ready",
    "pending", "approved", "selected", "missing", "mismatch", "evidence", "trace", "run",
]
ASSIGN_KEYS = [
    "decision_status", "rollout_state", "gate_mode", "provider_class", "admission_status",
    "route_mode", "stage_result", "review_state",
]
ENV_SUFFIXES = ["FILE", "DIR", "MODE", "LIMIT", "BASE_URL", "TIMEOUT", "PATH", "LEVEL"]
VENDORS = ["anthropic", "openai", "mistral", "cohere", "google", "meta"]
MODELS = [
    "claude-sonnet-4-6", "gpt-4o", "llama-3-70b", "mistral-large", "command-r", "gemini-pro",
]
STAGES = ["Case Stage 2", "Case Stage 3", "Stage 1 dry run", "Stage 2", "canary stage"]

ID_PATTERN = re.compile(r"[A-Z][A-Z0-9]*-WORK-[0-9]+")

# --shape realistic -----------------------------------------------------------------------------
# Routes of OTHER repositories: no document of the corpus defines them. Some are one letter
# away from a local route (SRE/SEC, OBS/OPS, APX/API, WEBB/WEB), so "did you mean" finds
# candidates; the others find none.
FOREIGN_ROUTES = [
    "PAY", "CORE", "NETOPS", "FIN", "HR", "SRE", "DEVEX", "VENDOR", "RISK", "OBS", "APX",
    "WEBB", "DBA", "CDN", "TRUST", "INFRA2",
]
FOREIGN_SHARE = 0.36  # of each mention and blocker; about a third of all references
STALE_BEFORE = datetime.date(2025, 1, 1)  # a last_reviewed before this is a planted stale date
# Planted finding categories; a document gets 2 or 3 of them.
PLANTED = ["enum", "date", "blocked-on-resolved", "status-unknown", "label-unknown"]
# What --check can see in the files (the "date" category becomes one of three kinds).
PLANTED_KINDS = ["enum", "date-invalid", "date-order", "stale", "blocked-on-resolved",
                 "status-unknown", "label-unknown"]
ENUM_TYPOS = {
    "status": ["actve", "activ", "actvie", "drfat", "darft", "Active!", "archvied"],
    "core_promotion_status": ["not-promted", "not promoted yet", "unpromoted"],
}
INVALID_DATES = ["2026-02-30", "2026-04-31", "2026-13-04", "2026-6-15", "2026/03/04",
                 "26-03-2026", "2026-02-29"]
STATUS_TYPOS = {
    "draft": ["drat", "drafft"], "open": ["opne", "opened"],
    "in-progress": ["in-progess", "inprogress", "wip"], "validated": ["validatd", "verified"],
    "done": ["donee", "complete"], "superseded": ["superceded"], "cancelled": ["canceled"],
}
LABEL_TYPOS = ["Evidance", "Evidense", "Evidnece", "Notse", "Note", "Curent unblock",
               "Acceptance notes", "Risks"]


# ---------------------------------------------------------------------------------------------
# Generation


class Generator:
    """Writes documents one after another; every issue gets a global index in writing order."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.next_number = {route: 1 for route in ROUTES}
        self.all_ids = []         # every issue defined so far, in global order
        self.unresolved_ids = []  # those whose status is not resolved (blocker candidates)

    # -- small pieces ---------------------------------------------------------------------

    def pick(self, words):
        return self.rng.choice(words)

    def snake(self):
        return "_".join(self.rng.sample(SNAKE_WORDS, self.rng.randint(2, 3)))

    def assign(self):
        return "%s=%s" % (self.pick(ASSIGN_KEYS), self.snake())

    def env_name(self, route):
        words = self.rng.sample(SNAKE_WORDS, 2)
        return "_".join([route.upper(), "HARNESS"] + [w.upper() for w in words]
                        + [self.pick(ENV_SUFFIXES)])

    def title_words(self, low, high):
        return " ".join(self.rng.sample(TITLE_WORDS, self.rng.randint(low, high)))

    def earlier_id(self):
        """Any already-defined issue (all statuses), or None at the very start."""
        if not self.all_ids:
            return None
        if self.rng.random() < 0.5:
            window = self.all_ids[-300:]
            return self.rng.choice(window)
        return self.rng.choice(self.all_ids)

    # -- issue parts ----------------------------------------------------------------------

    def paragraph(self, route):
        ref = self.earlier_id()
        choices = [
            "Build or supply one %s %s %s path after the decision record selects `%s`."
            % (self.pick(ADJECTIVES), self.pick(NOUNS), self.pick(NOUNS), self.snake()),
            "This issue tracks the %s %s work for the %s route and records the evidence that "
            "CI and the harness rely on." % (self.pick(NOUNS), self.pick(NOUNS), route),
            "Scope is limited to the %s %s; the %s %s stays out of scope until a separate "
            "decision record exists." % (self.pick(ADJECTIVES), self.pick(NOUNS),
                                         self.pick(NOUNS), self.pick(NOUNS)),
        ]
        if ref is not None:
            choices.append(
                "Register the %s %s route as the %s option if `%s` is resolved with `%s`."
                % (self.pick(NOUNS), self.pick(NOUNS), self.pick(ADJECTIVES), ref,
                   self.assign()))
            # A plain-text mention: references are not only code spans.
            choices.append("Follow-up to %s covering the %s %s and its negative gates."
                           % (ref, self.pick(NOUNS), self.pick(NOUNS)))
        return self.pick(choices)

    def blocked_by_lines(self, blockers):
        """The `Blocked by:` list naming `blockers`, one bullet each, and the blank line after it."""
        lines = ["Blocked by:", ""]
        for blocker in blockers:
            lines.append("- " + self.pick([
                "`%s` decision record selecting `%s`." % (blocker, self.snake()),
                "`%s` supplying explicit %s %s endpoint config."
                % (blocker, self.pick(NOUNS), self.pick(NOUNS)),
                "`%s` landing the %s %s." % (blocker, self.pick(ADJECTIVES),
                                            self.pick(NOUNS)),
            ]))
        return lines + [""]

    def acceptance_bullet(self, route):
        ref = self.earlier_id()
        choices = [
            "States that this route applies only when `%s`." % self.assign(),
            "Requires %s class `%s`." % (self.pick(NOUNS), self.snake()),
            "Requires `%s`." % self.env_name(route),
            "Requires no external fallback to `%s` or `%s`."
            % (self.pick(VENDORS), self.pick(MODELS)),
            "Requires negative gates for missing %s config and %s JSON mismatch."
            % (self.pick(NOUNS), self.pick(NOUNS)),
            "Missing %s %s config blocks before `%s`."
            % (self.pick(ADJECTIVES), self.pick(NOUNS), self.snake()),
            "Harness report proves `%s` and `%s`." % (self.snake(), self.snake()),
            "No credential is written to SOT, argv, task file, logs, report, or commit.",
            "Real %s produces a pass report only through the %s Interface."
            % (self.pick(STAGES), self.title_words(2, 2)),
            "Does not approve or implement any %s." % self.pick(NOUNS),
            "Decision record has `%s`." % self.assign(),
            "Adds a regression test for `%s` under `%s`." % (self.snake(), self.snake()),
        ]
        if ref is not None:
            choices.append("Uses `%s` %s %s as authority instead of redefining %s."
                           % (ref, self.pick(NOUNS), self.pick(NOUNS), self.pick(NOUNS)))
            choices.append("%s ownership remains with `%s`."
                           % (self.pick(NOUNS).capitalize(), ref))
        return self.pick(choices)

    def pick_status(self):
        status = self.rng.choices(STATUS_VOCABULARY, weights=STATUS_WEIGHTS)[0]
        if status == "blocked" and not self.unresolved_ids:
            status = "open"  # nothing earlier can block it yet
        return status

    def pick_blockers(self, doc_unresolved):
        """1-3 distinct unresolved issues with a smaller global index; mostly other documents."""
        wanted = min(self.rng.choice([1, 1, 1, 2, 2, 3]), len(self.unresolved_ids))
        blockers = []
        attempts = 0
        while len(blockers) < wanted and attempts < 50:
            attempts += 1
            roll = self.rng.random()
            if roll < 0.25 and doc_unresolved:
                candidate = self.rng.choice(doc_unresolved)
            elif roll < 0.65:
                candidate = self.rng.choice(self.unresolved_ids[-400:])
            else:
                candidate = self.rng.choice(self.unresolved_ids)
            if candidate not in blockers:
                blockers.append(candidate)
        return blockers

    def issue(self, route, doc_unresolved):
        number = self.next_number[route]
        self.next_number[route] = number + 1
        issue_id = "%s-WORK-%03d" % (route.upper(), number)
        title = self.title_words(3, 5)
        if self.rng.random() < 0.2:
            title += " PRD"
        status = self.pick_status()

        lines = ["## %s - %s" % (issue_id, title), "", "Status: %s." % status, ""]
        for _ in range(self.rng.choice([1, 1, 1, 2])):
            lines += [self.paragraph(route), ""]
        lines += ["Acceptance:", ""]
        for _ in range(self.rng.randint(4, 10)):
            lines.append("- " + self.acceptance_bullet(route))
        lines.append("")
        if status == "blocked":
            blockers = self.pick_blockers(doc_unresolved)
            lines += self.blocked_by_lines(blockers)
            if self.rng.random() < 0.5:
                lines += ["Current unblock:", ""]
                lines.append("- Decision record now selects `%s`." % self.snake())
                if self.rng.random() < 0.6:
                    lines.append("- Harness route blocks before `%s` unless `%s` is supplied."
                                 % (self.snake(), self.env_name(route)))
                lines.append("- Remaining blocker is `%s` plus real %s pass evidence."
                             % (self.pick(blockers), self.pick(STAGES)))
                lines.append("")

        # Registered only now: an issue never blocks itself or references itself.
        self.all_ids.append(issue_id)
        if status not in RESOLVED:
            self.unresolved_ids.append(issue_id)
            doc_unresolved.append(issue_id)
        return lines

    # -- documents ------------------------------------------------------------------------

    def document(self):
        route = self.pick(ROUTES)
        title = "%s %s Issues" % (route.upper(), self.title_words(2, 4))
        span = (DATE_LAST - DATE_FIRST).days
        created = DATE_FIRST + datetime.timedelta(days=self.rng.randint(0, span))
        reviewed = created + datetime.timedelta(
            days=self.rng.randint(0, (DATE_LAST - created).days))
        lines = [
            "---",
            "title: %s" % title,
            "status: %s" % self.pick(["draft", "active"]),
            "lifecycle_classification: sot",
            "owner: %s" % self.pick(OWNERS),
            "created: %s" % created.isoformat(),
            "last_reviewed: %s" % reviewed.isoformat(),
            "core_promotion_status: not-promoted",
            "route: %s" % route,
            "---",
            "",
            "# %s" % title,
            "",
            DISCLAIMER,
            "",
        ]
        doc_unresolved = []
        for _ in range(self.rng.randint(3, 5)):
            lines += self.issue(route, doc_unresolved)
        while lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + "\n"


class RealisticGenerator(Generator):
    """The realistic shape: foreign references and 2-3 planted findings in every document.

    A separate class, so that the valid shape's random stream (and its files) stay unchanged.
    """

    def __init__(self, seed):
        super().__init__(seed)
        self.resolved_ids = []  # resolved issues so far (blocked-on-resolved candidates)

    def foreign_id(self):
        return "%s-WORK-%03d" % (self.pick(FOREIGN_ROUTES), self.rng.randint(1, 400))

    def earlier_id(self):
        """A mention: another repository's issue a third of the time, else as in valid."""
        if self.rng.random() < FOREIGN_SHARE:
            return self.foreign_id()
        return super().earlier_id()

    def pick_blockers(self, doc_unresolved):
        blockers = super().pick_blockers(doc_unresolved)
        return [self.foreign_id() if self.rng.random() < FOREIGN_SHARE else b
                for b in blockers]

    def issue(self, route, doc_unresolved, plant=()):
        """One issue section; `plant` may hold blocked-on-resolved, status-unknown,
        label-unknown (the caller makes sure each is planted once per document)."""
        number = self.next_number[route]
        self.next_number[route] = number + 1
        issue_id = "%s-WORK-%03d" % (route.upper(), number)
        title = self.title_words(3, 5)
        if self.rng.random() < 0.2:
            title += " PRD"
        if "blocked-on-resolved" in plant:
            status = "blocked"
        else:
            status = self.pick_status()
            while "status-unknown" in plant and status == "blocked":
                status = self.pick_status()
        shown = status
        if "status-unknown" in plant:
            shown = self.pick(STATUS_TYPOS[status])

        lines = ["## %s - %s" % (issue_id, title), "", "Status: %s." % shown, ""]
        for _ in range(self.rng.choice([1, 1, 1, 2])):
            lines += [self.paragraph(route), ""]
        lines += ["Acceptance:", ""]
        for _ in range(self.rng.randint(4, 10)):
            lines.append("- " + self.acceptance_bullet(route))
        lines.append("")
        if status == "blocked":
            blockers = self.pick_blockers(doc_unresolved) if self.unresolved_ids else []
            if "blocked-on-resolved" in plant:
                blockers.insert(self.rng.randint(0, len(blockers)),
                                self.pick(self.resolved_ids[-300:]))
            if not blockers:
                blockers = [self.foreign_id()]
            lines += self.blocked_by_lines(blockers)
            if self.rng.random() < 0.5:
                lines += ["Current unblock:", ""]
                lines.append("- Decision record now selects `%s`." % self.snake())
                lines.append("- Remaining blocker is `%s` plus real %s pass evidence."
                             % (self.pick(blockers), self.pick(STAGES)))
                lines.append("")
        if "label-unknown" in plant:
            lines += ["%s:" % self.pick(LABEL_TYPOS), ""]
            for _ in range(self.rng.randint(1, 2)):
                lines.append("- Harness report proves `%s`." % self.snake())
            lines.append("")

        self.all_ids.append(issue_id)
        # An issue whose status is misspelt has no category: it neither blocks nor resolves.
        if "status-unknown" not in plant:
            if status in RESOLVED:
                self.resolved_ids.append(issue_id)
            else:
                self.unresolved_ids.append(issue_id)
                doc_unresolved.append(issue_id)
        return lines

    def document(self):
        route = self.pick(ROUTES)
        title = "%s %s Issues" % (route.upper(), self.title_words(2, 4))
        planted = self.rng.sample(PLANTED, self.rng.randint(2, 3))
        if "blocked-on-resolved" in planted and not self.resolved_ids:
            planted.remove("blocked-on-resolved")  # nothing is resolved yet at the very start
            planted.append(self.pick([p for p in PLANTED
                                      if p not in planted and p != "blocked-on-resolved"]))
        span = (DATE_LAST - DATE_FIRST).days
        created = DATE_FIRST + datetime.timedelta(days=self.rng.randint(0, span))
        reviewed = created + datetime.timedelta(
            days=self.rng.randint(0, (DATE_LAST - created).days))
        created_text, reviewed_text = created.isoformat(), reviewed.isoformat()
        if "date" in planted:
            kind = self.rng.choices(["invalid", "order", "stale"], weights=[1, 1, 2])[0]
            if kind == "invalid":
                if self.rng.random() < 0.5:
                    created_text = self.pick(INVALID_DATES)
                else:
                    reviewed_text = self.pick(INVALID_DATES)
            elif kind == "order":
                reviewed_text = (created - datetime.timedelta(
                    days=self.rng.randint(1, 60))).isoformat()
            else:
                created = datetime.date(2024, 1, 1) + datetime.timedelta(
                    days=self.rng.randint(0, 200))
                created_text = created.isoformat()
                reviewed_text = (created + datetime.timedelta(
                    days=self.rng.randint(0, 100))).isoformat()
        front = {
            "title": title,
            "status": self.pick(["draft", "active"]),
            "lifecycle_classification": "sot",
            "owner": self.pick(OWNERS),
            "created": created_text,
            "last_reviewed": reviewed_text,
            "core_promotion_status": "not-promoted",
            "route": route,
        }
        if "enum" in planted:
            key = self.rng.choices(["status", "core_promotion_status"], weights=[3, 1])[0]
            front[key] = self.pick(ENUM_TYPOS[key])
        lines = ["---"] + ["%s: %s" % (key, front[key]) for key in FRONT_MATTER_KEYS]
        lines += ["---", "", "# %s" % title, "", DISCLAIMER, ""]
        count = self.rng.randint(3, 5)
        # Each issue-level plant goes to its own issue, so the kinds never mask each other.
        slots = self.rng.sample(range(count), 3)
        plants = [[] for _ in range(count)]
        for kind, slot in zip(["blocked-on-resolved", "status-unknown", "label-unknown"], slots):
            if kind in planted:
                plants[slot].append(kind)
        doc_unresolved = []
        for index in range(count):
            lines += self.issue(route, doc_unresolved, plants[index])
        while lines[-1] == "":
            lines.pop()
        return "\n".join(lines) + "\n"


SHAPES = {"valid": Generator, "realistic": RealisticGenerator}


def doc_path(out, index, count):
    folders = (count + DOCS_PER_FOLDER - 1) // DOCS_PER_FOLDER
    folder_width = max(2, len(str(max(folders - 1, 0))))
    doc_width = max(5, len(str(max(count - 1, 0))))
    folder = "area-%0*d" % (folder_width, index // DOCS_PER_FOLDER)
    return os.path.join(out, folder, "doc-%0*d.md" % (doc_width, index))


def generate(count, out, seed, shape="valid"):
    if os.path.isdir(out):
        # Stale documents of a bigger earlier run would silently join the workspace.
        for name in sorted(os.listdir(out)):
            if name.startswith("area-"):
                shutil.rmtree(os.path.join(out, name))
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, ".sot-lint.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# sot-lint benchmark corpus: marks the project root; default profile.\n{}\n")
    generator = SHAPES[shape](seed)
    total = 0
    for index in range(count):
        text = generator.document().encode("utf-8")
        path = doc_path(out, index, count)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text)
        total += len(text)
    return total


# ---------------------------------------------------------------------------------------------
# Check: re-read the written files and verify the workspace invariants independently.

HEADING_RE = re.compile(r"^## ([A-Z][A-Z0-9]*-WORK-[0-9]+) - (\S.*)$")
STATUS_RE = re.compile(r"^Status: ([a-z-]+)\.$")
LABEL_RE = re.compile(r"^([A-Za-z][A-Za-z ]*):$")
BLOCKER_ITEM_RE = re.compile(r"^- `([A-Z][A-Z0-9]*-WORK-[0-9]+)`")


class Issue:
    def __init__(self, issue_id, path, line):
        self.id = issue_id
        self.path = path
        self.line = line
        self.status = None
        self.status_lines = 0
        self.fields = {}  # label -> list of item texts, in order
        self.references = []  # (id, line)


def parse_document(path, text, errors, defects=None):
    """Issues of one document; problems go to `errors`. With `defects` (a list, realistic
    shape), the planted kinds of finding are appended to it instead of being errors."""
    realistic = defects is not None
    where = lambda n: "%s:%d" % (path, n)  # noqa: E731
    lines = text.split("\n")
    if not text.endswith("\n") or "\r" in text:
        errors.append("%s: expected LF line endings and a final newline" % path)
    if not lines or lines[0] != "---":
        errors.append("%s: no front matter" % where(1))
        return []
    try:
        close = lines.index("---", 1)
    except ValueError:
        errors.append("%s: front matter never closed" % where(1))
        return []
    front = {}
    for n in range(1, close):
        key, sep, value = lines[n].partition(": ")
        if not sep or not re.match(r"^[a-z_]+$", key):
            errors.append("%s: not a `key: value` line" % where(n + 1))
            continue
        if key in front:
            errors.append("%s: duplicate front-matter key %s" % (where(n + 1), key))
        front[key] = value
    if sorted(front) != sorted(FRONT_MATTER_KEYS):
        errors.append("%s: front-matter keys %s" % (path, ",".join(sorted(front))))
        return []
    if front["status"] not in ("draft", "active"):
        if realistic and front["status"] in ENUM_TYPOS["status"]:
            defects.append("enum")
        else:
            errors.append("%s: document status %s" % (path, front["status"]))
    if front["lifecycle_classification"] != "sot":
        errors.append("%s: not classified sot" % path)
    if front["core_promotion_status"] != "not-promoted":
        if realistic and front["core_promotion_status"] in ENUM_TYPOS["core_promotion_status"]:
            defects.append("enum")
        else:
            errors.append("%s: core_promotion_status %s" % (path, front["core_promotion_status"]))
    if front["route"] not in ROUTES:
        errors.append("%s: unknown route %s" % (path, front["route"]))
    try:
        for key in ("created", "last_reviewed"):
            if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", front[key]):
                raise ValueError("%s %s is not YYYY-MM-DD" % (key, front[key]))
        created = datetime.date.fromisoformat(front["created"])
        reviewed = datetime.date.fromisoformat(front["last_reviewed"])
        if realistic and created > reviewed >= STALE_BEFORE:
            defects.append("date-order")
        elif realistic and created <= reviewed < STALE_BEFORE:
            defects.append("stale")
        elif not DATE_FIRST <= created <= reviewed <= DATE_LAST:
            errors.append("%s: dates %s / %s out of order or range"
                          % (path, created, reviewed))
    except ValueError as error:
        if realistic and (front["created"] in INVALID_DATES
                          or front["last_reviewed"] in INVALID_DATES):
            defects.append("date-invalid")
        else:
            errors.append("%s: bad date (%s)" % (path, error))

    body = [(n + 1, lines[n]) for n in range(close + 1, len(lines))]
    nonblank = [(n, line) for n, line in body if line.strip()]
    h1 = [(n, line) for n, line in body if line.startswith("# ")]
    if len(h1) != 1 or not nonblank or nonblank[0][1] != "# " + front["title"]:
        errors.append("%s: expected one H1 equal to the title, first in the body" % path)
    if len(nonblank) < 2 or nonblank[1][1] != DISCLAIMER:
        errors.append("%s: disclaimer line missing after the H1" % path)

    issues = []
    current = None
    field = None
    prefix = front["route"].upper() + "-WORK-"
    for n, line in body:
        if line.startswith("## "):
            match = HEADING_RE.match(line)
            if not match:
                errors.append("%s: bad issue heading" % where(n))
                current = None
                continue
            if not match.group(1).startswith(prefix):
                errors.append("%s: %s does not match route %s"
                              % (where(n), match.group(1), front["route"]))
            current = Issue(match.group(1), path, n)
            issues.append(current)
            field = None
            continue
        if current is None:
            if ID_PATTERN.search(line):
                errors.append("%s: ID mentioned outside an issue section" % where(n))
            continue
        for ref in ID_PATTERN.findall(line):
            current.references.append((ref, n))
        if not line.strip():
            continue
        status = STATUS_RE.match(line)
        label = LABEL_RE.match(line)
        if status:
            current.status = status.group(1)
            current.status_lines += 1
            field = None
        elif label:
            if realistic and label.group(1) in LABEL_TYPOS:
                defects.append("label-unknown")
            elif label.group(1) not in FIELD_LABELS:
                errors.append("%s: unknown field label %s" % (where(n), label.group(1)))
            if label.group(1) in current.fields:
                errors.append("%s: field %s repeated" % (where(n), label.group(1)))
            field = label.group(1)
            current.fields[field] = []
        elif line.startswith("- "):
            if field is None:
                errors.append("%s: list item outside a field" % where(n))
            else:
                current.fields[field].append((n, line))
        else:
            field = None  # a free paragraph ends any field list
    if not 3 <= len(issues) <= 5:
        errors.append("%s: %d issue sections (expected 3-5)" % (path, len(issues)))
    for issue in issues:
        if issue.status_lines != 1:
            errors.append("%s: %s has %d status lines"
                          % (where(issue.line), issue.id, issue.status_lines))
        elif realistic and any(issue.status in typos for typos in STATUS_TYPOS.values()):
            defects.append("status-unknown")
        elif issue.status not in STATUS_VOCABULARY:
            errors.append("%s: %s status %s unknown" % (where(issue.line), issue.id,
                                                         issue.status))
        if not 4 <= len(issue.fields.get("Acceptance", [])) <= 10:
            errors.append("%s: %s acceptance list has %d bullets (expected 4-10)"
                          % (where(issue.line), issue.id,
                             len(issue.fields.get("Acceptance", []))))
    return issues


def check(out, expected_docs, shape="valid"):
    realistic = shape == "realistic"
    defects = {}  # path -> planted kinds found in it (realistic shape)
    errors = []
    config = os.path.join(out, ".sot-lint.yml")
    if not os.path.isfile(config):
        errors.append("%s missing" % config)
    paths = []
    for root, dirs, files in os.walk(out):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                paths.append(os.path.join(root, name))
    total = 0
    issues = []
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        total += len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            errors.append("%s: not UTF-8" % path)
            continue
        defects[path] = []
        issues += parse_document(path, text, errors, defects[path] if realistic else None)
    if expected_docs is not None and len(paths) != expected_docs:
        errors.append("expected %d documents, found %d" % (expected_docs, len(paths)))

    by_id = {}
    for issue in issues:
        if issue.id in by_id:
            errors.append("%s:%d: duplicate issue ID %s (first at %s:%d)"
                          % (issue.path, issue.line, issue.id, by_id[issue.id].path,
                             by_id[issue.id].line))
        else:
            by_id[issue.id] = issue

    edges = {}
    cross_document = 0
    references = foreign = 0
    for issue in issues:
        for ref, line in issue.references:
            references += 1
            if realistic and ref.split("-WORK-")[0] in FOREIGN_ROUTES:
                foreign += 1
                if ref in by_id:
                    errors.append("%s:%d: foreign reference %s is defined"
                                  % (issue.path, line, ref))
            elif ref not in by_id:
                errors.append("%s:%d: unresolved reference %s" % (issue.path, line, ref))
        items = issue.fields.get("Blocked by", [])
        blockers = []
        for line, item in items:
            match = BLOCKER_ITEM_RE.match(item)
            if not match:
                errors.append("%s:%d: blocker item does not start with a code-span ID"
                              % (issue.path, line))
                continue
            blockers.append(match.group(1))
        if (issue.status == "blocked") != bool(blockers):
            errors.append("%s:%d: %s is %s with %d blockers"
                          % (issue.path, issue.line, issue.id, issue.status, len(blockers)))
        if "Blocked by" in issue.fields and not items:
            errors.append("%s:%d: empty Blocked by list" % (issue.path, issue.line))
        if "Current unblock" in issue.fields and issue.status != "blocked":
            errors.append("%s:%d: Current unblock on a %s issue"
                          % (issue.path, issue.line, issue.status))
        for blocker in blockers:
            if blocker == issue.id:
                errors.append("%s:%d: %s blocks itself" % (issue.path, issue.line, issue.id))
            target = by_id.get(blocker)
            if target is not None:
                if target.status in RESOLVED and realistic:
                    defects[issue.path].append("blocked-on-resolved")
                elif target.status in RESOLVED:
                    errors.append("%s:%d: %s blocked by resolved %s (%s)"
                                  % (issue.path, issue.line, issue.id, blocker, target.status))
                if target.path != issue.path:
                    cross_document += 1
        edges[issue.id] = [b for b in blockers if b in by_id]

    # Cycle detection: iterative depth-first search in corpus order (0 new, 1 open, 2 done).
    state = {}
    for start in by_id:
        if state.get(start):
            continue
        stack = [(start, 0)]
        state[start] = 1
        while stack:
            node, position = stack[-1]
            successors = edges.get(node, [])
            if position < len(successors):
                stack[-1] = (node, position + 1)
                nxt = successors[position]
                if state.get(nxt) == 1:
                    errors.append("blocked-by cycle through %s and %s" % (node, nxt))
                elif not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()

    blocked = sum(1 for i in issues if i.status == "blocked")
    edge_count = sum(len(v) for v in edges.values())
    print("check: %d documents, %d bytes (avg %.0f B), %d issues, %d blocked, "
          "%d blocked-by edges (%d across documents)"
          % (len(paths), total, total / max(len(paths), 1), len(issues), blocked, edge_count,
             cross_document))
    if realistic:
        counts = {kind: 0 for kind in PLANTED_KINDS}
        for path in paths:
            kinds = sorted(set(defects[path]))
            for kind in kinds:
                counts[kind] += 1
            categories = {"date" if k in ("date-invalid", "date-order", "stale") else k
                          for k in kinds}
            if len(categories) < 2:
                errors.append("%s: %d planted kinds of finding (%s), expected 2-3"
                              % (path, len(categories), ", ".join(kinds) or "none"))
        share = foreign / max(references, 1)
        if references >= 300 and not 0.25 <= share <= 0.42:
            errors.append("%.1f%% of the references are foreign, expected 25-42%%"
                          % (100 * share))
        if len(paths) >= 50:
            for kind in PLANTED_KINDS:
                if not counts[kind]:
                    errors.append("no document has a planted %s" % kind)
        print("check: realistic: %d references, %d (%.1f%%) to other repositories; documents "
              "with each planted kind: %s"
              % (references, foreign, 100 * share,
                 ", ".join("%s %d" % (kind, counts[kind]) for kind in PLANTED_KINDS)))
    if errors:
        for error in errors[:30]:
            print("check: " + error, file=sys.stderr)
        if len(errors) > 30:
            print("check: ... and %d more" % (len(errors) - 30), file=sys.stderr)
        print("check: FAILED (%d problems)" % len(errors), file=sys.stderr)
        return False
    print("check: OK")
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, help="number of documents to generate")
    parser.add_argument("--out", required=True, help="corpus directory (the project root)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="valid",
                        help="valid (default): a clean workspace; realistic: references to "
                             "other repositories and 2-3 planted findings per document")
    parser.add_argument("--check", action="store_true",
                        help="verify the corpus in --out (after generating it, with --docs)")
    args = parser.parse_args()
    if args.docs is None and not args.check:
        parser.error("--docs is required unless --check is given")
    if args.docs is not None:
        if args.docs < 1:
            parser.error("--docs must be at least 1")
        total = generate(args.docs, args.out, args.seed, args.shape)
        print("wrote %d files, %d bytes (%.1f MB, avg %.0f B per document) to %s"
              % (args.docs, total, total / 1e6, total / args.docs, args.out))
    if args.check and not check(args.out, args.docs, args.shape):
        sys.exit(1)


if __name__ == "__main__":
    main()
