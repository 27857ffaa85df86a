/// The profiles `extends: NAME` may name, each a layer of `.sot-lint.yml` text over the default profile.
package enum BuiltInProfiles {
    /// Name → the profile's text. `seed` is the default profile itself (the dialect sot-lint was specified
    /// from: `## CTO-WORK-021 - Title` sections with `Status:` lines), so it adds nothing.
    package static let texts: [(name: String, yaml: String)] = [
        ("seed", "# The default profile: sections `## ID - Title` with `Status:`, `Acceptance:` and `Blocked by:`.\n"),
        ("backlog-md", backlogMD),
        ("madr", madr),
    ]

    /// MADR (Markdown Architectural Decision Records): one record per file, numbered in its name
    /// (`0007-use-postgres.md` is `ADR-0007`), titled by its H1, its status optional front matter
    /// (`superseded by ADR-0012`).
    private static let madr = """
    # MADR: decision records numbered in their file names, under docs/decisions (or docs/adr, doc/adr,
    # docs/architecture/decisions).
    id_pattern: "ADR-[0-9]+"
    statuses:
      proposed: active
      accepted: accepted
      rejected: resolved
      deprecated: resolved
      superseded: {category: resolved, tail: reference}
    fields: [Status]
    layouts:
      - paths: ["docs/decisions/[0-9]*-*.md", "docs/adr/[0-9]*-*.md", "doc/adr/[0-9]*-*.md", "docs/architecture/decisions/[0-9]*-*.md"]
        issue: document
        id: {file_name: "^([0-9]+)-", prefix: "ADR-"}
        title: {h1: true}
        status: {front_matter: status}
    front_matter:
      required: []
      optional: [status, date, decision-makers, consulted, informed, deciders, parent, nav_order, title, tags]
      dates: [date]
    rules:
      # Records carry no acceptance list, and MADR makes the status optional.
      acceptance-missing: off
      status-missing: off

    """

    /// Backlog.md's folders: one task per file under `backlog/`, its ID, title, status and dependencies in
    /// front matter, its acceptance criteria a checkbox section. Docs, decisions and milestones are other
    /// entities: references to them are `external` (never unresolved, never resolved).
    private static let backlogMD = """
    # Backlog.md: one task per file (backlog/tasks, completed, drafts, archive).
    id_pattern: "(task|draft|doc|decision|m)-[0-9]+(\\\\.[0-9]+)*"
    ids:
      case: insensitive
    statuses:
      To Do: active
      In Progress: active
      Done: resolved
    fields: [Status, Acceptance, Depends on, Notes]
    layouts:
      - paths: ["backlog/tasks/*.md", "backlog/completed/*.md", "backlog/drafts/*.md", "backlog/archive/tasks/*.md",
                "backlog/archive/drafts/*.md"]
        issue: document
        id: {front_matter: id}
        title: {front_matter: title}
        status: {front_matter: status}
        fields:
          Depends on: {front_matter: dependencies}
          Acceptance: {section: Acceptance Criteria, items: checkboxes}
    external: ["(DOC|DECISION|M)-[0-9]+(\\\\.[0-9]+)*"]
    front_matter:
      required: [id, title, status]
      optional: [assignee, reporter, created_date, updated_date, completed_date, labels, dependencies, priority, parent_task_id,
                 parent, subtasks, ordinal, milestone, references, documentation, onStatusChange, type, modified_files]
      enums:
        priority: [high, medium, low]
      dates: [created_date, updated_date, completed_date]
    rules:
      h1-single: off
      frontmatter-title-mismatch: off
      frontmatter-date: {severity: error, formats: [date, datetime]}
      # Task text quotes example and long-gone IDs; the dependencies and acceptance criteria are checked.
      reference-unresolved: {severity: error, prose: false}

    """

    package static var names: [String] { texts.map(\.name) }

    package static func yaml(named name: String) -> String? {
        texts.first { $0.name == name }?.yaml
    }
}
