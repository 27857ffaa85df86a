import SOTSource
import SOTSyntax

/// Builds the one issue of a document whose profile layout says so (`layouts:`): its ID, title, status
/// and fields read from front-matter keys, `##` sections, the file name or the H1, every range exact.
extension DocumentBuilder {
    /// A `##` section of the body: its title (lower case), heading and the blocks up to the next heading of
    /// level 1 or 2.
    private struct BodySection {
        let title: String
        let heading: MarkdownBlock
        var blocks: [MarkdownBlock] = []
    }

    /// The issue, nil when the document has no ID where the layout says; and the body's references that
    /// belong to no field (all of them when there is no issue).
    package func documentIssue(_ layout: DocumentLayout, frontMatter: FrontMatter, blocks: [MarkdownBlock],
                               headings: [Heading]) -> (issue: IssueSection?, loose: [IssueReference]) {
        var sections: [BodySection] = []
        var outside: [MarkdownBlock] = []
        for block in blocks {
            if let level = block.headingLevel, level <= 2 {
                if level == 2 {
                    sections.append(BodySection(title: block.text.trimmingSpaces.lowercased(), heading: block))
                } else {
                    outside.append(block)
                }
                continue
            }
            if sections.isEmpty { outside.append(block) } else { sections[sections.count - 1].blocks.append(block) }
        }
        func section(_ title: String) -> BodySection? {
            sections.first { $0.title == title.trimmingSpaces.lowercased() }
        }
        guard let (id, idRange) = issueID(layout, frontMatter: frontMatter, headings: headings) else {
            return (nil, blocks.flatMap { references(in: $0, field: nil, sectionID: nil) })
        }
        var used = Set<String>()
        // Title and status.
        var title = id
        var titleRange = idRange
        switch layout.title {
        case .frontMatter(let key):
            if let entry = frontMatter[key], let value = entry.value { (title, titleRange) = (value, entry.valueRange) }
        case .section(let name):
            if let found = section(name), let paragraph = found.blocks.first(where: { $0.kind == .paragraph }) {
                used.insert(found.title)
                (title, titleRange) = (paragraph.text.trimmingSpaces, source.range(paragraph.startOffset..<paragraph.endOffset))
            }
        case .h1, .fileName:
            if let h1 = headings.first(where: { $0.level == 1 }) { (title, titleRange) = (h1.text, h1.range) }
        }
        var status: StatusLine?
        switch layout.status {
        case .frontMatter(let key)?:
            if let entry = frontMatter[key], let value = entry.value, !value.trimmingSpaces.isEmpty {
                status = statusLine(value.trimmingSpaces, range: entry.valueRange, labelRange: entry.keyRange)
            }
        case .section(let name)?:
            if let found = section(name), let paragraph = found.blocks.first(where: { $0.kind == .paragraph }) {
                used.insert(found.title)
                let range = trimmed(paragraph.startOffset..<source.contentEnd(ofLine: paragraph.startLine))
                status = statusLine(source.text(range), range: source.range(range), labelRange: source.range(headingContent(found.heading)))
            }
        default:
            break
        }
        // Fields.
        var fields: [Field] = []
        for place in layout.fields {
            let label = profile.canonicalField(place.label) ?? place.label
            switch place.place {
            case .frontMatter(let key):
                guard let entry = frontMatter[key] else { continue }
                let items = entry.items.map { item in
                    FieldItem(text: item.text, range: item.range, references: references(in: source.byteRange(item.range), field: label, sectionID: id))
                }
                let value = entry.items.isEmpty ? entry.value.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } : nil
                fields.append(Field(label: label, rawLabel: key, isKnown: true, labelRange: entry.keyRange, inlineValue: value,
                                    inlineValueRange: value == nil ? nil : entry.valueRange,
                                    inlineReferences: value == nil ? [] : references(in: source.byteRange(entry.valueRange), field: label, sectionID: id),
                                    items: items))
            case .section(let name):
                guard let found = section(name) else { continue }
                used.insert(found.title)
                let list = found.blocks.first { $0.isList }
                let items = list?.children.filter { $0.kind == .item }.map { fieldItem($0, field: label, sectionID: id, checkboxes: place.checkboxes) } ?? []
                let paragraph = list == nil ? found.blocks.first { $0.kind == .paragraph } : nil
                let valueRange = paragraph.map { trimmed($0.startOffset..<$0.endOffset) }
                fields.append(Field(label: label, rawLabel: place.label, isKnown: true, labelRange: source.range(headingContent(found.heading)),
                                    inlineValue: valueRange.map { source.text($0) }, inlineValueRange: valueRange.map { source.range($0) },
                                    inlineReferences: paragraph.map { references(in: $0, field: label, sectionID: id) } ?? [], items: items))
            case .h1, .fileName:
                continue
            }
        }
        // Everything else of the body is the issue's prose.
        var prose = outside.flatMap { references(in: $0, field: nil, sectionID: id) }
        for body in sections where !used.contains(body.title) {
            prose += ([body.heading] + body.blocks).flatMap { references(in: $0, field: nil, sectionID: id) }
        }
        prose.removeAll { $0.range == idRange }
        let issue = IssueSection(id: id, idRange: idRange, title: title, headingRange: titleRange, headingText: title, headingLevel: 2,
                                 headingIsWellFormed: true, status: status, fields: fields, proseReferences: prose,
                                 lines: 1...max(source.lineCount, 1))
        return (issue, [])
    }

    /// The ID where the layout says: a front-matter value, or the first group of the file-name pattern.
    private func issueID(_ layout: DocumentLayout, frontMatter: FrontMatter, headings: [Heading]) -> (String, SourceRange)? {
        switch layout.id {
        case .frontMatter(let key):
            guard let entry = frontMatter[key], let value = entry.value?.trimmingSpaces, !value.isEmpty else { return nil }
            return (profile.canonicalID(value), entry.valueRange)
        case .fileName:
            guard let pattern = layout.fileNamePattern, let path = relativePath else { return nil }
            let name = Array((path.split(separator: "/").last.map(String.init) ?? path).utf8)
            var found: String?
            pattern.forEachMatch(in: name, range: 0..<name.count) { groups in
                if let group = groups.count > 1 ? groups[1] : groups[0] { found = String(decoding: name[group], as: UTF8.self) }
                return false
            }
            guard let number = found, !number.isEmpty else { return nil }
            let id = profile.canonicalID(layout.idPrefix + number)
            let place = headings.first { $0.level == 1 }?.range ?? SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
            return (id, place)
        case .section, .h1:
            return nil
        }
    }

    /// A status read from a front-matter value or a section's first line, with the profile's tails.
    private func statusLine(_ written: String, range: SourceRange, labelRange: SourceRange) -> StatusLine {
        var text = written
        while text.hasSuffix(".") { text.removeLast() }
        return StatusLine(raw: written, normalized: profile.statusName(text), range: range, labelRange: labelRange)
    }

    /// Every ID in a byte range of the source (a front-matter value or item).
    private func references(in range: Range<Int>, field: String, sectionID: String) -> [IssueReference] {
        profile.idMatcher.matches(in: source.bytes, range: range).map {
            IssueReference(id: profile.canonicalID(source.text($0)), range: source.range($0), field: field, inCodeSpan: false, sectionID: sectionID)
        }
    }
}
