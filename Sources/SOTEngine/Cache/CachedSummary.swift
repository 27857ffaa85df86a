import SOTSource
import SOTSyntax
import SOTModel

/// What the persistent cache keeps of an SOT document: IDs, vocabulary statuses, blocked-by and
/// invariant targets, and ranges — what the workspace rules read of a document that is not linted.
package struct CachedSummary: Sendable {
    package struct Issue: Sendable {
        package let id: String
        package let idRange: SourceRange
        package let headingRange: SourceRange
        /// The status as the cache keeps it: its normalised value stands for the raw one too (a status
        /// outside the vocabulary is never cached).
        package let status: StatusLine?
        package let blockers: [IssueReference]
        package let invariants: [DeclaredInvariant]
    }

    package let issues: [Issue]

    /// nil when the document holds text the cache must not keep (a status outside the vocabulary), unless
    /// `blankingUnknownStatuses`: then such a status is kept as an empty one, of no category. That is for
    /// the focus digest only, whose workspace rules read the status of an issue outside the saved document
    /// through its category alone (the change rules, which compare status texts, never use it).
    package init?(_ document: WorkspaceDocument, profile: Profile, blankingUnknownStatuses: Bool = false) {
        var issues: [Issue] = []
        for issue in document.issues {
            var normalized = issue.status?.normalized
            if let status = normalized, profile.category(ofStatus: status) == nil {
                guard blankingUnknownStatuses else { return nil }
                normalized = ""
            }
            issues.append(Issue(id: issue.id, idRange: issue.idRange, headingRange: issue.headingRange,
                                status: issue.status.map { StatusLine(raw: normalized ?? "", normalized: normalized ?? "", range: $0.range,
                                                                      labelRange: $0.labelRange) },
                                blockers: issue.blockers.map { IssueReference(id: $0.id, range: $0.range, field: $0.field,
                                                                              inCodeSpan: $0.inCodeSpan, sectionID: issue.id) },
                                invariants: issue.invariants))
        }
        self.issues = issues
    }

    /// The document as the workspace rules see it, under the path this run reports. Titles and the
    /// document's own references are not kept: rules read them only on the files being linted.
    package func document(path: String, profile: Profile) -> WorkspaceDocument {
        WorkspaceDocument(path: path, frontMatter: [], issues: issues.map { issue in
            IssueEntry(id: issue.id, title: "", path: path, idRange: issue.idRange, headingRange: issue.headingRange, status: issue.status,
                       category: issue.status.flatMap { profile.category(ofStatus: $0.normalized) },
                       blockers: issue.blockers, invariants: issue.invariants, fields: [])
        }, references: [])
    }

    package func encode(into writer: inout ByteWriter) {
        writer.int(issues.count)
        for issue in issues {
            writer.text(issue.id)
            Self.encode(issue.idRange, into: &writer)
            Self.encode(issue.headingRange, into: &writer)
            writer.bool(issue.status != nil)
            if let status = issue.status {
                writer.text(status.normalized)
                Self.encode(status.range, into: &writer)
                Self.encode(status.labelRange, into: &writer)
            }
            writer.int(issue.blockers.count)
            for blocker in issue.blockers {
                writer.text(blocker.id)
                Self.encode(blocker.range, into: &writer)
                writer.bool(blocker.field != nil)
                if let field = blocker.field { writer.text(field) }
                writer.bool(blocker.inCodeSpan)
            }
            writer.int(issue.invariants.count)
            for invariant in issue.invariants {
                writer.bool(invariant.kind == .keepsBlocked)
                writer.text(invariant.target)
                Self.encode(invariant.range, into: &writer)
            }
        }
    }

    /// Decodes what `encode(into:)` wrote straight into the document the workspace rules see (as
    /// `document(path:profile:)` makes it), without a summary in between: a warm run decodes one per
    /// document of the workspace.
    package static func document(from reader: inout ByteReader, path: String, profile: Profile) throws(ByteReader.Malformed) -> WorkspaceDocument {
        let count = try reader.count()
        var issues: [IssueEntry] = []
        issues.reserveCapacity(count)
        for _ in 0..<count {
            let id = try reader.text()
            let idRange = try range(&reader)
            let headingRange = try range(&reader)
            var status: StatusLine?
            if try reader.bool() {
                let normalized = try reader.text()
                status = StatusLine(raw: normalized, normalized: normalized, range: try range(&reader), labelRange: try range(&reader))
            }
            var blockers: [IssueReference] = []
            let blockerCount = try reader.count()
            blockers.reserveCapacity(blockerCount)
            for _ in 0..<blockerCount {
                let blockerID = try reader.text()
                let blockerRange = try range(&reader)
                let field = try reader.bool() ? try reader.text() : nil
                blockers.append(IssueReference(id: blockerID, range: blockerRange, field: field, inCodeSpan: try reader.bool(), sectionID: id))
            }
            var invariants: [DeclaredInvariant] = []
            for _ in 0..<(try reader.count()) {
                let kind: DeclaredInvariant.Kind = try reader.bool() ? .keepsBlocked : .statusUnchanged
                invariants.append(DeclaredInvariant(kind: kind, target: try reader.text(), range: try range(&reader)))
            }
            issues.append(IssueEntry(id: id, title: "", path: path, idRange: idRange, headingRange: headingRange, status: status,
                                     category: status.flatMap { profile.category(ofStatus: $0.normalized) },
                                     blockers: blockers, invariants: invariants, fields: []))
        }
        return WorkspaceDocument(path: path, frontMatter: [], issues: issues, references: [])
    }

    private static func encode(_ range: SourceRange, into writer: inout ByteWriter) {
        writer.int(range.start.line)
        writer.int(range.start.column)
        writer.int(range.end.line)
        writer.int(range.end.column)
    }

    private static func range(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> SourceRange {
        SourceRange(line: try reader.int(), column: try reader.int(), endLine: try reader.int(), endColumn: try reader.int())
    }
}
