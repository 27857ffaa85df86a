import SOTSource
import SOTModel

/// Renames an issue ID everywhere the workspace model knows it: the heading of the issue that defines it
/// and every mention the documents' references hold (blockers, other fields, prose, headings, code spans).
/// The plan is made from the model and checked against each document's current bytes, so that no edit is
/// ever made where the text no longer holds the old ID. Shared by `sot-lint rename` and the language server.
public enum IssueRename {
    /// One document the rename changes: its path as the workspace names it (`WorkspaceDocument.path`),
    /// the byte ranges in `before` that hold the old ID (ascending, disjoint), and its bytes before and after.
    public struct FileEdit: Sendable, Equatable {
        public let path: String
        public let ranges: [Range<Int>]
        public let before: [UInt8]
        public let after: [UInt8]

        public init(path: String, ranges: [Range<Int>], before: [UInt8], after: [UInt8]) {
            self.path = path
            self.ranges = ranges
            self.before = before
            self.after = after
        }
    }

    /// Why a rename cannot be done: one line, naming the ID(s) and, where it helps, the document.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String

        public init(_ description: String) {
            self.description = description
        }
    }

    /// True when some document of `workspace` defines `id` or mentions it.
    public static func knows(_ id: String, in workspace: Workspace) -> Bool {
        workspace.defines(id) || workspace.documents.contains { document in document.references.contains { $0.id == id } }
    }

    /// The edits that rename `old` to `new` in every document of `workspace`, sorted by path (byte order).
    /// `text(path)` gives a workspace document's current bytes (the CLI reads the file; the language server
    /// gives an open buffer instead); it is asked only for documents that mention `old`, and what it throws
    /// is passed on. Throws `Refusal` when `new` is `old`, is not one whole ID of the profile's pattern, or is
    /// already defined; when `old` is neither defined nor mentioned, or is defined more than once; and when a
    /// document's bytes no longer hold `old` where the model says (a stale model, or a file changed since).
    /// A `new` that is only mentioned, not defined, is accepted: those mentions then name the renamed issue.
    /// `workspace` must be a whole project's (a partial one could hide a definition of `new` or of `old`).
    /// `canonical` is the profile's `canonicalID`: a mention written in another spelling of `old` (another
    /// case, an alias of its prefix) is a mention of it, and is replaced by `new` as given.
    public static func plan(from old: String, to new: String, in workspace: Workspace, idMatcher: IssueIDMatcher,
                            canonical: (String) -> String = { $0 }, text: (String) throws -> [UInt8]) throws -> [FileEdit] {
        try check(from: old, to: new, known: canonical(new), in: workspace, idMatcher: idMatcher)
        let oldBytes = Array(old.utf8)
        let newBytes = Array(new.utf8)
        var edits: [FileEdit] = []
        var previousPath: String?
        for document in workspace.documents {
            let mentions = positions(of: old, in: document)
            guard !mentions.isEmpty else { continue }
            // Two models of one path would make two edits of one file, each blind to the other.
            if previousPath == document.path { throw Refusal("\(document.path): the workspace holds the document twice; nothing to rename safely") }
            previousPath = document.path
            let source = SourceText(path: document.path, bytes: try text(document.path))
            let ranges = try byteRanges(of: mentions, holding: oldBytes, in: source, canonical: canonical)
            edits.append(FileEdit(path: document.path, ranges: ranges, before: source.bytes,
                                  after: replacing(ranges, in: source.bytes, with: newBytes)))
        }
        return edits
    }

    /// The refusals the model alone decides, before any document is read.
    /// `known` is `new` as the workspace knows IDs (its canonical form).
    private static func check(from old: String, to new: String, known: String, in workspace: Workspace, idMatcher: IssueIDMatcher) throws(Refusal) {
        guard known != old else { throw Refusal("the new ID is the old one (`\(old)`); nothing to rename") }
        guard idMatcher.matchesWhole(new) else {
            throw Refusal("`\(new)` is not an issue ID: the profile's id_pattern `\(idMatcher.pattern)` does not match it as a whole")
        }
        guard knows(old, in: workspace) else { throw Refusal("`\(old)` is neither defined nor mentioned in any SOT document of the workspace") }
        if let definitions = workspace.definitions(of: old), definitions.count > 1 {
            throw Refusal("`\(old)` is defined more than once (\(places(definitions))); make it defined once, then rename it")
        }
        if let definitions = workspace.definitions(of: known) {
            throw Refusal("`\(new)` is already defined (\(places(definitions))); renaming `\(old)` to it would define it twice")
        }
    }

    /// "docs/a.md:16, docs/b.md:20": where each definition's ID sits.
    private static func places(_ definitions: [IssueEntry]) -> String {
        definitions.map { "\($0.path):\($0.idRange.start.line)" }.joined(separator: ", ")
    }

    /// Every range of `document` the model says holds `id`: the headings of its issues with that ID and
    /// its references to it (code spans included), in no particular order.
    private static func positions(of id: String, in document: WorkspaceDocument) -> [SourceRange] {
        var found: [SourceRange] = []
        for issue in document.issues where issue.id == id { found.append(issue.idRange) }
        for reference in document.references where reference.id == id { found.append(reference.range) }
        return found
    }

    /// The byte ranges of `mentions` in `source`, ascending and without repeats, each checked to hold
    /// `id` (or a spelling `canonical` makes it): one sort, then one look at each range's bytes.
    private static func byteRanges(of mentions: [SourceRange], holding id: [UInt8], in source: SourceText,
                                   canonical: (String) -> String) throws(Refusal) -> [Range<Int>] {
        // Offsets, not `byteRange`: a stale range may end before it starts, which a `Range` cannot hold.
        let converted = mentions.map { mention in
            (start: source.byteOffset(line: mention.start.line, scalarColumn: mention.start.column),
             end: source.byteOffset(line: mention.end.line, scalarColumn: mention.end.column), position: mention.start)
        }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(converted.count)
        for (start, end, position) in converted {
            // A heading's ID is never among the references; should a model list one twice, it is one mention.
            if let last = ranges.last, last.lowerBound == start, last.upperBound == end { continue }
            guard start <= end, ranges.last.map({ $0.upperBound <= start }) ?? true, end <= source.bytes.count,
                  source.bytes[start..<end].elementsEqual(id)
                    || (end - start <= id.count * 4 && canonical(String(decoding: source.bytes[start..<end], as: UTF8.self)) == String(decoding: id, as: UTF8.self)) else {
                throw Refusal("\(source.path):\(position): `\(String(decoding: id, as: UTF8.self))` is not there any more "
                              + "(the document changed since the workspace was read); run the rename again")
            }
            ranges.append(start..<end)
        }
        return ranges
    }

    /// `bytes` with each of `ranges` (ascending, disjoint) replaced by `replacement`; every other byte as it was.
    private static func replacing(_ ranges: [Range<Int>], in bytes: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + ranges.count * replacement.count)
        var copied = 0
        for range in ranges {
            result.append(contentsOf: bytes[copied..<range.lowerBound])
            result.append(contentsOf: replacement)
            copied = range.upperBound
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }
}
