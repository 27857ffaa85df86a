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
            func raw(_ text: StaticString) {
                text.withUTF8Buffer { out.append($0) }
            }
            raw("{\"path\": ")
            JSONLayout.appendQuoted(path, to: &out)
            raw(", \"frontMatter\": {")
            for (index, key) in frontMatter.keys.sorted().enumerated() {
                if index > 0 { raw(", ") }
                JSONLayout.appendQuoted(key, to: &out)
                raw(": ")
                if let value = frontMatter[key] ?? nil { JSONLayout.appendQuoted(value, to: &out) } else { JSONLayout.appendNull(to: &out) }
            }
            raw("}}")
            return out.array()
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
        public let fields: [Field]
        public let blockedBy: [String]
        public let blocks: [String]
        public let ready: Bool
        public let findings: [Finding]

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
            func raw(_ text: StaticString) {
                text.withUTF8Buffer { out.append($0) }
            }
            func string(_ value: String?) {
                if let value { JSONLayout.appendQuoted(value, to: &out) } else { JSONLayout.appendNull(to: &out) }
            }
            func strings(_ values: [String]) {
                raw("[")
                for (index, value) in values.enumerated() {
                    if index > 0 { raw(", ") }
                    JSONLayout.appendQuoted(value, to: &out)
                }
                raw("]")
            }
            raw("{\"id\": "); string(id)
            raw(", \"title\": "); string(title)
            raw(", \"path\": "); string(path)
            raw(", \"line\": "); JSONLayout.appendInteger(line, to: &out)
            raw(", \"status\": "); string(status)
            raw(", \"statusText\": "); string(statusText)
            raw(", \"category\": "); string(category)
            raw(", \"fields\": [")
            for (index, field) in fields.enumerated() {
                if index > 0 { raw(", ") }
                raw("{\"label\": "); string(field.label)
                raw(", \"value\": "); string(field.value)
                raw(", \"items\": "); strings(field.items)
                raw("}")
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
            return out.array()
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
    public let documents: [Document]
    public let issues: [Issue]
    public let imported: [ImportedIssue]
    /// Why each issue that is not ready is not (by position in `issues`; not encoded).
    public let reasons: [Readiness]

    private enum CodingKeys: String, CodingKey {
        case version, tool, root, documents, issues, imported
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
        @Sendable func redactor(_ path: String) -> @Sendable (String) -> String {
            if wholeProject, !withSecrets.contains(path) { return { text in text } }
            return { text in SecretText.redacted(text) }
        }
        // Imported documents are other repositories' issues: known here, exported there; listed in brief.
        let own = workspace.documents.filter { $0.importedFrom == nil }
        imported = workspace.documents.filter { $0.importedFrom != nil }.flatMap(\.issues).map {
            ImportedIssue(id: $0.id, title: SecretText.redacted($0.title), status: $0.status?.normalized, category: $0.category?.rawValue, source: $0.path)
        }
        documents = own.map { document in
            let redacted = redactor(document.path)
            var entries: [String: String?] = [:]
            for entry in document.frontMatter where entries[entry.key] == nil {
                entries[entry.key] = .some(entry.value.map(redacted))
            }
            return Document(path: document.path, frontMatter: entries)
        }
        // Who lists each ID as a blocker, in document order; each finding by path.
        var dependants: [String: [String]] = [:]
        for document in own {
            for issue in document.issues {
                for blocker in Set(issue.blockers.map(\.id)).sorted() where dependants[blocker]?.last != issue.id {
                    dependants[blocker, default: []].append(issue.id)
                }
            }
        }
        let byPath = Dictionary(grouping: diagnostics, by: \.path)
        let blocks = dependants
        let cycles = workspace.cycleOf
        let settings = project.ready
        // Each document's issues are built on its own (side by side), each in time linear in its issues,
        // blockers and findings: the findings, sorted by line, are dealt out to the sections in one pass.
        let perDocument = ParallelResults<[(Issue, Readiness)]>.map(own.count) { position in
            let document = own[position]
            let redacted = redactor(document.path)
            let sections = document.issues.sorted { $0.headingRange.start.line < $1.headingRange.start.line }
            let found = (byPath[document.path] ?? []).sorted()
            var next = 0
            var built: [(Issue, Readiness)] = []
            built.reserveCapacity(sections.count)
            for (index, issue) in sections.enumerated() {
                let first = issue.headingRange.start.line
                let end = index + 1 < sections.count ? sections[index + 1].headingRange.start.line : Int.max
                while next < found.count, found[next].range.start.line < first { next += 1 }
                var findings: [Finding] = []
                while next < found.count, found[next].range.start.line < end {
                    let finding = found[next]
                    findings.append(Finding(rule: finding.rule, severity: finding.severity.rawValue, line: finding.range.start.line, message: finding.message))
                    next += 1
                }
                let readiness = workspace.readiness(of: issue, settings: settings, cycles: cycles)
                var seen = Set<String>()
                let blockedBy = issue.blockers.map(\.id).filter { seen.insert($0).inserted }
                built.append((Issue(
                    id: issue.id, title: redacted(issue.title), path: issue.path, line: first,
                    status: issue.status.map { redacted($0.normalized) },
                    statusText: issue.status.map { redacted($0.raw) },
                    category: issue.category?.rawValue,
                    fields: issue.fields.map { Field(label: $0.label, value: $0.value.map(redacted), items: $0.items.map { redacted($0.text) }) },
                    blockedBy: blockedBy, blocks: blocks[issue.id] ?? [], ready: readiness.isReady, findings: findings), readiness))
            }
            return built
        }
        var issues: [Issue] = []
        var reasons: [Readiness] = []
        for built in perDocument {
            for (issue, readiness) in built {
                issues.append(issue)
                reasons.append(readiness)
            }
        }
        self.issues = issues
        self.reasons = reasons
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
        func member(_ key: String, _ value: some Encodable) -> [UInt8] {
            Array("\"\(key)\": ".utf8) + Array(Self.element(value).utf8)
        }
        func list<Element: Sendable>(_ key: String, _ elements: [Element], _ write: @escaping @Sendable (Element) -> [UInt8]) -> [[UInt8]] {
            guard !elements.isEmpty else { return [Array("\"\(key)\": []".utf8)] }
            let encoded = ParallelResults<[UInt8]>.map(elements.count) { write(elements[$0]) }
            var parts: [[UInt8]] = [Array("\"\(key)\": [\n  ".utf8)]
            parts.reserveCapacity(elements.count * 2 + 2)
            for (index, element) in encoded.enumerated() {
                if index > 0 { parts.append(Array(",\n  ".utf8)) }
                parts.append(element)
            }
            parts.append(Array("\n ]".utf8))
            return parts
        }
        let sections: [[[UInt8]]] = [
            [member("version", version)], [member("tool", tool)], [member("root", root)],
            list("documents", documents) { $0.compactJSON() }, list("issues", issues) { $0.compactJSON() },
            list("imported", imported) { Array(Self.element($0).utf8) },
        ]
        var total = 3
        for section in sections { total += section.reduce(3) { $0 + $1.count } }
        var bytes: [UInt8] = [0x7B]
        bytes.reserveCapacity(total)
        for (index, section) in sections.enumerated() {
            if index > 0 { bytes += [0x2C, 0x0A, 0x20] }
            for part in section { bytes += part }
        }
        bytes += [0x7D, 0x0A]
        return bytes
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
