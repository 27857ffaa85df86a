import Foundation
import SOTSource
import SOTModel
import SOTRules
import SOTSecrets
import SOTEngine

/// The validated workspace as harnesses read it (`sot-lint model`, `ready`, `show`): documents with their
/// front matter, issues with status, fields, blockers, dependants, readiness and the findings that touch
/// them. The names are a contract (schemas/model.schema.json, docs/model.md); `version` changes only
/// with a documented migration. Text taken from documents is redacted (`SecretText`); findings come
/// redacted from the engine. Documents and issues are in document order (path, then line).
public struct WorkspaceModelExport: Encodable, Sendable {
    public static let version = 1

    public struct Tool: Encodable, Sendable {
        public let name: String
        public let version: String
    }

    public struct Document: Encodable, Sendable {
        public let path: String
        /// Key → scalar value as written (null for a list, a mapping or an empty value); the first of a
        /// duplicated key.
        public let frontMatter: [String: String?]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(path, forKey: DynamicKey("path"))
            var entries = container.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey("frontMatter"))
            for key in frontMatter.keys.sorted() {
                if let value = frontMatter[key] ?? nil { try entries.encode(value, forKey: DynamicKey(key)) } else { try entries.encodeNil(forKey: DynamicKey(key)) }
            }
        }

        /// The document as `encode(to:)` writes it inside the model's `documents`, written directly.
        func compactJSON() -> [UInt8] {
            var out = JSONByteBuffer(capacity: 512)
            Self.write(path: path, entries: frontMatter.keys.sorted().map { ($0, frontMatter[$0] ?? nil) }, to: &out)
            return out.array()
        }

        /// A workspace document as `Document(source).compactJSON()` writes it, without the dictionary: its
        /// front-matter entries sorted by key, the first of a duplicated key kept.
        static func write(_ source: WorkspaceDocument, redacts: Bool, to out: inout JSONByteBuffer) {
            let entries = source.frontMatter
            let order = entries.indices.sorted { entries[$0].key != entries[$1].key ? entries[$0].key < entries[$1].key : $0 < $1 }
            var kept: [(String, String?)] = []
            kept.reserveCapacity(order.count)
            for index in order where kept.last?.0 != entries[index].key {
                kept.append((entries[index].key, entries[index].value.map { Issue.text($0, redacts) }))
            }
            write(path: source.path, entries: kept, to: &out)
        }

        /// `{"path": …, "frontMatter": {…}}` of entries already sorted by key, each key once.
        private static func write(path: String, entries: [(String, String?)], to out: inout JSONByteBuffer) {
            func raw(_ text: StaticString) {
                text.withUTF8Buffer { out.append($0) }
            }
            raw("{\"path\": ")
            JSONLayout.appendQuoted(path, to: &out)
            raw(", \"frontMatter\": {")
            for (index, (key, value)) in entries.enumerated() {
                if index > 0 { raw(", ") }
                JSONLayout.appendQuoted(key, to: &out)
                raw(": ")
                if let value { JSONLayout.appendQuoted(value, to: &out) } else { JSONLayout.appendNull(to: &out) }
            }
            raw("}}")
        }
    }

    public struct Field: Encodable, Sendable {
        public let label: String
        /// Text after the label on its line, if any.
        public let value: String?
        public let items: [String]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(label, forKey: DynamicKey("label"))
            if let value { try container.encode(value, forKey: DynamicKey("value")) } else { try container.encodeNil(forKey: DynamicKey("value")) }
            try container.encode(items, forKey: DynamicKey("items"))
        }
    }

    public struct Finding: Encodable, Sendable {
        public let rule: String
        public let severity: String
        public let line: Int
        public let message: String
    }

    public struct Issue: Encodable, Sendable {
        public let id: String
        public let title: String
        public let path: String
        /// The heading's line (1-based).
        public let line: Int
        /// Normalised (`blocked`), null without a status line.
        public let status: String?
        /// As written (`Blocked.`).
        public let statusText: String?
        public let category: String?
        /// Every field with its items, redacted.
        public var fields: [Field] { fieldSource.fields }
        public let blockedBy: [String]
        public let blocks: [String]
        /// Whether it is ready, and if not, why (`ready` in the JSON; the reasons are not encoded).
        public let readiness: Readiness
        public var ready: Bool { readiness.isReady }
        public let findings: [Finding]
        fileprivate let fieldSource: FieldSource

        /// Where an issue's fields come from: built as such, or the workspace's own entries, turned into
        /// `Field`s only when read or written (`ready` never reads them; `model` writes each item once).
        fileprivate enum FieldSource: Sendable {
            case built([Field])
            /// The entries, and whether their text is redacted.
            case kept([FieldEntry], redacts: Bool)

            var fields: [Field] {
                switch self {
                case .built(let fields):
                    return fields
                case .kept(let entries, let redacts):
                    return entries.map { entry in
                        Field(label: entry.label, value: entry.value.map { Issue.text($0, redacts) }, items: entry.items.map { Issue.text($0.text, redacts) })
                    }
                }
            }
        }

        static func text(_ text: String, _ redacts: Bool) -> String {
            redacts ? SecretText.redacted(text) : text
        }

        init(id: String, title: String, path: String, line: Int, status: String?, statusText: String?, category: String?,
             fields: [Field], blockedBy: [String], blocks: [String], readiness: Readiness, findings: [Finding]) {
            self.init(id: id, title: title, path: path, line: line, status: status, statusText: statusText, category: category,
                      fieldSource: .built(fields), blockedBy: blockedBy, blocks: blocks, readiness: readiness, findings: findings)
        }

        fileprivate init(id: String, title: String, path: String, line: Int, status: String?, statusText: String?, category: String?,
                     fieldSource: FieldSource, blockedBy: [String], blocks: [String], readiness: Readiness, findings: [Finding]) {
            self.id = id
            self.title = title
            self.path = path
            self.line = line
            self.status = status
            self.statusText = statusText
            self.category = category
            self.fieldSource = fieldSource
            self.blockedBy = blockedBy
            self.blocks = blocks
            self.readiness = readiness
            self.findings = findings
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(id, forKey: DynamicKey("id"))
            try container.encode(title, forKey: DynamicKey("title"))
            try container.encode(path, forKey: DynamicKey("path"))
            try container.encode(line, forKey: DynamicKey("line"))
            for (key, value) in [("status", status), ("statusText", statusText), ("category", category)] {
                if let value { try container.encode(value, forKey: DynamicKey(key)) } else { try container.encodeNil(forKey: DynamicKey(key)) }
            }
            try container.encode(fields, forKey: DynamicKey("fields"))
            try container.encode(blockedBy, forKey: DynamicKey("blockedBy"))
            try container.encode(blocks, forKey: DynamicKey("blocks"))
            try container.encode(ready, forKey: DynamicKey("ready"))
            try container.encode(findings, forKey: DynamicKey("findings"))
        }

        /// The issue as `encode(to:)` writes it inside the model's `issues` (compact), written directly:
        /// the generic encoder's boxing was most of `sot-lint model`'s time on a large workspace.
        func compactJSON() -> [UInt8] {
            var out = JSONByteBuffer(capacity: 1024)
            write(to: &out)
            return out.array()
        }

        /// Appends `compactJSON()` to `out`.
        func write(to out: inout JSONByteBuffer) {
            func raw(_ text: StaticString) {
                text.withUTF8Buffer { out.append($0) }
            }
            func string(_ value: String?) {
                if let value { JSONLayout.appendQuoted(value, to: &out) } else { JSONLayout.appendNull(to: &out) }
            }
            func strings(_ values: some Sequence<String>) {
                raw("[")
                for (index, value) in values.enumerated() {
                    if index > 0 { raw(", ") }
                    JSONLayout.appendQuoted(value, to: &out)
                }
                raw("]")
            }
            func field(_ index: Int, _ label: String, _ value: String?, _ items: some Sequence<String>) {
                if index > 0 { raw(", ") }
                raw("{\"label\": "); string(label)
                raw(", \"value\": "); string(value)
                raw(", \"items\": "); strings(items)
                raw("}")
            }
            raw("{\"id\": "); string(id)
            raw(", \"title\": "); string(title)
            raw(", \"path\": "); string(path)
            raw(", \"line\": "); JSONLayout.appendInteger(line, to: &out)
            raw(", \"status\": "); string(status)
            raw(", \"statusText\": "); string(statusText)
            raw(", \"category\": "); string(category)
            raw(", \"fields\": [")
            switch fieldSource {
            case .built(let fields):
                for (index, built) in fields.enumerated() { field(index, built.label, built.value, built.items) }
            case .kept(let entries, let redacts) where redacts:
                for (index, entry) in entries.enumerated() {
                    field(index, entry.label, entry.value.map { Self.text($0, true) }, entry.items.map { Self.text($0.text, true) })
                }
            case .kept(let entries, _):
                // The text as it is, read in place.
                for index in entries.indices {
                    if index > 0 { raw(", ") }
                    raw("{\"label\": "); string(entries[index].label)
                    raw(", \"value\": "); string(entries[index].value)
                    raw(", \"items\": [")
                    for item in entries[index].items.indices {
                        if item > 0 { raw(", ") }
                        JSONLayout.appendQuoted(entries[index].items[item].text, to: &out)
                    }
                    raw("]}")
                }
            }
            raw("], \"blockedBy\": "); strings(blockedBy)
            raw(", \"blocks\": "); strings(blocks)
            raw(", \"ready\": "); JSONLayout.appendBool(ready, to: &out)
            raw(", \"findings\": [")
            for (index, finding) in findings.enumerated() {
                if index > 0 { raw(", ") }
                raw("{\"rule\": "); string(finding.rule)
                raw(", \"severity\": "); string(finding.severity)
                raw(", \"line\": "); JSONLayout.appendInteger(finding.line, to: &out)
                raw(", \"message\": "); string(finding.message)
                raw("}")
            }
            raw("]}")
        }
    }

    /// An issue another repository's model defines (`imports:`): known here, not linted here.
    public struct ImportedIssue: Encodable, Sendable {
        public let id: String
        public let title: String
        public let status: String?
        public let category: String?
        /// `MODEL#PATH`: the model file and the document there.
        public let source: String

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(id, forKey: DynamicKey("id"))
            try container.encode(title, forKey: DynamicKey("title"))
            for (key, value) in [("status", status), ("category", category)] {
                if let value { try container.encode(value, forKey: DynamicKey(key)) } else { try container.encodeNil(forKey: DynamicKey(key)) }
            }
            try container.encode(source, forKey: DynamicKey("source"))
        }
    }

    public let version: Int
    public let tool: Tool
    /// The project root, as the working directory shows it (`.` for itself).
    public let root: String
    /// Each document with its front matter (redacted), made when read: `ready` and `show` never read them.
    public var documents: [Document] {
        sources.map { document, redacts in
            var entries: [String: String?] = [:]
            for entry in document.frontMatter where entries[entry.key] == nil {
                entries[entry.key] = .some(entry.value.map { Issue.text($0, redacts) })
            }
            return Document(path: document.path, frontMatter: entries)
        }
    }
    public let issues: [Issue]
    public let imported: [ImportedIssue]
    /// The project's own documents, each with whether its text is redacted.
    private let sources: [(WorkspaceDocument, redacts: Bool)]

    private enum CodingKeys: String, CodingKey {
        case version, tool, root, documents, issues, imported
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(tool, forKey: .tool)
        try container.encode(root, forKey: .root)
        try container.encode(documents, forKey: .documents)
        try container.encode(issues, forKey: .issues)
        try container.encode(imported, forKey: .imported)
    }

    /// The model of one project of a lint: its workspace (built with full detail for fields and front
    /// matter), its settings, and the findings of the report on its documents.
    public init(workspace: Workspace, project: LintReport.Project, diagnostics: [Diagnostic], toolVersion: String) {
        version = Self.version
        tool = Tool(name: "sot-lint", version: toolVersion)
        root = project.root.isEmpty ? "." : project.root
        // A document of a project linted whole, without a secret finding, holds no secret to redact: its text is
        // scanned again only otherwise (a file named alone leaves the others unscanned).
        let withSecrets = Set(diagnostics.filter { $0.rule == "secret-leak" }.map(\.path))
        let wholeProject = project.wholeProject
        @Sendable func redacting(_ path: String) -> Bool {
            !wholeProject || withSecrets.contains(path)
        }
        // Imported documents are other repositories' issues: known here, exported there; listed in brief.
        let own = workspace.documents.filter { $0.importedFrom == nil }
        imported = workspace.documents.filter { $0.importedFrom != nil }.flatMap(\.issues).map {
            ImportedIssue(id: $0.id, title: SecretText.redacted($0.title), status: $0.status?.normalized, category: $0.category?.rawValue, source: $0.path)
        }
        sources = own.map { ($0, redacting($0.path)) }
        // Who lists each ID as a blocker, in document order (an issue once, however often it lists it).
        var dependants: [String: [String]] = [:]
        for document in own {
            for issue in document.issues {
                for blocker in issue.blockers where dependants[blocker.id]?.last != issue.id {
                    dependants[blocker.id, default: []].append(issue.id)
                }
            }
        }
        let byPath = Dictionary(grouping: diagnostics, by: \.path)
        let blocks = dependants
        let cycles = workspace.cycleOf
        let settings = project.ready
        // Each document's issues are built on its own (side by side), each in time linear in its issues,
        // blockers and findings: the findings, sorted by line, are dealt out to the sections in one pass.
        // Every issue is written straight into its place in `issues`.
        issues = ParallelResults<Issue>.flatMap(counts: own.map(\.issues.count)) { position, emit in
            let document = own[position]
            let redacts = redacting(document.path)
            let lines = document.issues.map(\.headingRange.start.line)
            let order = lines.indices.dropFirst().allSatisfy { lines[$0 - 1] <= lines[$0] }
                ? Array(lines.indices) : lines.indices.sorted { lines[$0] < lines[$1] }
            let found = (byPath[document.path] ?? []).sorted()
            var next = 0
            for (rank, index) in order.enumerated() {
                let first = lines[index]
                let end = rank + 1 < order.count ? lines[order[rank + 1]] : Int.max
                while next < found.count, found[next].range.start.line < first { next += 1 }
                var findings: [Finding] = []
                while next < found.count, found[next].range.start.line < end {
                    let finding = found[next]
                    findings.append(Finding(rule: finding.rule, severity: finding.severity.rawValue, line: finding.range.start.line, message: finding.message))
                    next += 1
                }
                emit(Self.issue(document.issues[index], redacts: redacts, workspace: workspace, settings: settings, cycles: cycles,
                                blocks: blocks, findings: findings))
            }
        }
    }

    /// The export of one issue of the workspace (read in place, not copied).
    private static func issue(_ issue: borrowing IssueEntry, redacts: Bool, workspace: Workspace, settings: ReadySettings,
                              cycles: [String: [String]], blocks: [String: [String]], findings: [Finding]) -> Issue {
        Issue(id: issue.id, title: Issue.text(issue.title, redacts), path: issue.path, line: issue.headingRange.start.line,
              status: issue.status.map { Issue.text($0.normalized, redacts) },
              statusText: issue.status.map { Issue.text($0.raw, redacts) },
              category: issue.category?.rawValue, fieldSource: .kept(issue.fields, redacts: redacts),
              blockedBy: once(issue.blockers.map(\.id)), blocks: blocks[issue.id] ?? [],
              readiness: workspace.readiness(of: issue, settings: settings, cycles: cycles), findings: findings)
    }

    /// `ids` without repetitions, first occurrences in order: a scan for the few blockers an issue usually
    /// has, a set beyond that (linear either way).
    static func once(_ ids: [String]) -> [String] {
        if ids.count <= 8 {
            var kept: [String] = []
            kept.reserveCapacity(ids.count)
            for id in ids where !kept.contains(id) { kept.append(id) }
            return kept
        }
        var seen = Set<String>(minimumCapacity: ids.count)
        return ids.filter { seen.insert($0).inserted }
    }

    /// The model of no project (paths without an SOT workspace).
    public static func empty(toolVersion: String) -> WorkspaceModelExport {
        WorkspaceModelExport(workspace: Workspace(documents: []), project: LintReport.Project(root: ".", configPath: nil, ready: ReadySettings()),
                             diagnostics: [], toolVersion: toolVersion)
    }

    /// The model as JSON (the report's layout, members in the order documented, a final newline): the
    /// bytes `encode(self)` gives, with the documents and issues written side by side on every core.
    public func json() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// `json()` as UTF-8 bytes, assembled in one buffer of the final size.
    public func jsonBytes() -> [UInt8] {
        let chunks = jsonChunks()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { bytes += chunk }
        return bytes
    }

    /// `json()` as consecutive runs of UTF-8 bytes, to be written one after the other without being
    /// joined (a large model is not held twice).
    public func jsonChunks() -> [[UInt8]] {
        func member(_ key: String, _ value: some Encodable) -> [UInt8] {
            Array("\"\(key)\": ".utf8) + Array(Self.element(value).utf8)
        }
        // A list's elements are written in runs (a few per core and thread), each run into one buffer.
        func list(_ key: String, _ count: Int, _ write: @escaping @Sendable (Int, inout JSONByteBuffer) -> Void) -> [[UInt8]] {
            guard count > 0 else { return [Array("\"\(key)\": []".utf8)] }
            let runs = min(count, 64)
            let written = ParallelResults<[UInt8]>.map(runs) { run in
                let range = (count * run / runs)..<(count * (run + 1) / runs)
                var out = JSONByteBuffer(capacity: 64 * 1024)
                for index in range {
                    if index > 0 { ",\n  ".utf8.withContiguousStorageIfAvailable { out.append($0) } }
                    write(index, &out)
                }
                return out.array()
            }
            return [Array("\"\(key)\": [\n  ".utf8)] + written + [Array("\n ]".utf8)]
        }
        let sections: [[[UInt8]]] = [
            [member("version", version)], [member("tool", tool)], [member("root", root)],
            list("documents", sources.count) { [sources] index, out in Document.write(sources[index].0, redacts: sources[index].redacts, to: &out) },
            list("issues", issues.count) { [issues] index, out in issues[index].write(to: &out) },
            list("imported", imported.count) { [imported] index, out in out.append(Self.element(imported[index])) },
        ]
        var chunks: [[UInt8]] = [[0x7B]]
        for (index, section) in sections.enumerated() {
            if index > 0 { chunks.append([0x2C, 0x0A, 0x20]) }
            chunks += section
        }
        chunks.append([0x7D, 0x0A])
        return chunks
    }

    /// The generic encoding of one value, for tests of the direct writers.
    static func genericElement(_ value: some Encodable) -> String {
        element(value)
    }

    /// One value as it is written inside an array of the outermost object (compact): the value encoded as
    /// the single element of an array, its brackets taken off.
    private static func element(_ value: some Encodable) -> String {
        guard let bytes = try? JSONStreamEncoder().encode([value]), bytes.count >= 2 else { return "null" }
        return String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self)
    }

    static func encode(_ value: some Encodable) -> String {
        guard let bytes = try? JSONStreamEncoder().encode(value) else { return "{}\n" }
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }

    /// One line per reason an issue is not ready, for `ready --blocked` and `show`.
    public static func describe(_ reason: Readiness.Reason) -> String {
        switch reason {
        case .resolved(let status): return "it is resolved (`\(SecretText.redacted(status))`)"
        case .status(let status?): return "its status `\(SecretText.redacted(status))` is not one the ready queue takes (`ready` in the profile)"
        case .status(nil): return "it has no status"
        case .blocker(let id, .undefined): return "blocked by `\(id)`, which no document defines"
        case .blocker(let id, .external): return "blocked by `\(id)`, which an external system owns (`external` in the profile)"
        case .blocker(let id, .unresolved(let status?)): return "blocked by `\(id)` (\(SecretText.redacted(status)))"
        case .blocker(let id, .unresolved(nil)): return "blocked by `\(id)` (no status)"
        case .blocker(let id, .resolved(let status)): return "blocked by `\(id)` (\(status))"
        case .cycle(let members): return "in a blocked-by cycle: " + members.joined(separator: " -> ")
        }
    }
}

/// A coding key made of any string.
struct DynamicKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
