import SOTSource
import SOTSyntax

/// Builds one issue section: heading parts, labelled fields with their list items, the status line.
extension DocumentBuilder {
    package func section(heading: MarkdownBlock, headingID: IssueHeadingID, blocks: [MarkdownBlock]) -> IssueSection {
        let bytes = source.bytes
        let idRange = headingID.range
        let id = profile.canonicalID(source.text(idRange))
        let content = headingContent(heading)
        let rest = source.text(headingID.restStart..<content.upperBound)
        let wellFormed = heading.headingLevel == 2 && !headingID.inCodeSpan && rest.hasPrefix(" - ")
            && !String(rest.dropFirst(3)).trimmingSpaces.isEmpty && rest.dropFirst(3).first != " "
        let title = String(rest.drop { " -:–—\t`".contains($0) }).trimmingSpaces

        var fields: [Field] = []
        var references = self.references(in: heading, field: nil, sectionID: id, excluding: idRange)
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            defer { index += 1 }
            guard block.kind == .paragraph,
                  let label = LabelScanner.match(bytes, start: block.startOffset, end: source.contentEnd(ofLine: block.startLine))
            else {
                references += self.references(in: block, field: nil, sectionID: id)
                continue
            }
            let canonical = profile.canonicalField(label.label)
            let valueRange = trimmed(label.valueStart..<block.endOffset)
            let list = index + 1 < blocks.count && blocks[index + 1].isList ? blocks[index + 1] : nil
            let isField: Bool
            if canonical != nil || label.isBold || (valueRange.isEmpty && list != nil) {
                isField = true
            } else {
                isField = label.label.count >= 6 && Suggestion.nearest(label.label, among: profile.fields) != nil
            }
            guard isField else {
                references += self.references(in: block, field: nil, sectionID: id)
                continue
            }
            let fieldLabel = canonical ?? label.label
            let inlineReferences = self.references(in: block, field: fieldLabel, sectionID: id)
            var items: [FieldItem] = []
            if let list {
                index += 1
                for item in list.children where item.kind == .item {
                    items.append(fieldItem(item, field: fieldLabel, sectionID: id))
                }
            }
            let inlineText = valueRange.isEmpty ? nil : singleLineText(valueRange)
            fields.append(Field(label: fieldLabel, rawLabel: label.label, isKnown: canonical != nil,
                                labelRange: source.range(label.labelRange), inlineValue: inlineText,
                                inlineValueRange: valueRange.isEmpty ? nil : source.range(valueRange),
                                inlineReferences: inlineReferences, items: items))
        }
        let statusField = fields.first { $0.isKnown && $0.label == "Status" }
        let lastLine = blocks.last.map { max($0.endLine, heading.startLine) } ?? heading.endLine
        return IssueSection(
            id: id, idRange: source.range(idRange), title: title, headingRange: source.range(content),
            headingText: source.text(content), headingLevel: heading.headingLevel ?? 2, headingIsWellFormed: wellFormed, status: statusField.flatMap(statusLine),
            fields: fields, proseReferences: references, lines: heading.startLine...lastLine)
    }

    /// The text of a byte range with its line breaks (and the indentation after them) as single spaces.
    private func singleLineText(_ range: Range<Int>) -> String {
        let bytes = source.bytes
        guard bytes[range].contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return source.text(range) }
        var joined: [UInt8] = []
        joined.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                while let last = joined.last, last == 0x20 || last == 0x09 { joined.removeLast() }
                joined.append(0x20)
                index += 1
                while index < range.upperBound, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[index]) { index += 1 }
                continue
            }
            joined.append(byte)
            index += 1
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// A list item of a field; with `checkboxes`, a task-list marker (`[ ] `, `[x] `) before the text is left out.
    package func fieldItem(_ item: MarkdownBlock, field: String, sectionID: String, checkboxes: Bool = false) -> FieldItem {
        let references = self.references(in: item, field: field, sectionID: sectionID)
        guard let paragraph = item.children.first(where: { $0.kind == .paragraph }) else {
            let range = source.range(item.startOffset..<item.startOffset)
            return FieldItem(text: "", range: range, references: references)
        }
        var start = paragraph.startOffset
        let bytes = source.bytes
        var checked: Bool?
        if start + 3 <= paragraph.endOffset, bytes[start] == 0x5B, bytes[start + 2] == 0x5D,
           bytes[start + 1] == 0x20 || bytes[start + 1] == 0x78 || bytes[start + 1] == 0x58 {
            checked = bytes[start + 1] != 0x20
            if checkboxes {
                start += 3
                while start < paragraph.endOffset, bytes[start] == 0x20 { start += 1 }
            }
        }
        let text = singleLineText(start..<paragraph.endOffset)
        var field = FieldItem(text: text, range: source.range(start..<paragraph.endOffset), references: references)
        field.checked = checked
        return field
    }

    /// Reads `blocked.`, `**Blocked**`, `in progress — waiting on X` as a status value.
    private func statusLine(_ field: Field) -> StatusLine? {
        guard let valueRange = field.inlineValueRange else { return nil }
        let bytes = source.bytes
        let lineEnd = source.byteOffset(line: valueRange.start.line, scalarColumn: Int.max)
        var start = source.byteOffset(line: valueRange.start.line, scalarColumn: valueRange.start.column)
        var end = lineEnd
        // Cut an explanation after the status: ` (…`, ` — …`, ` - …`, `;`, `,`, or an HTML comment.
        var scan = start
        while scan < end {
            let byte = bytes[scan]
            if byte == 0x3C, scan + 3 < end, bytes[scan + 1] == 0x21, bytes[scan + 2] == 0x2D, bytes[scan + 3] == 0x2D {
                end = scan
                break
            }
            if byte == 0x3B || byte == 0x2C { end = scan; break }
            if byte == 0x20, scan + 1 < end {
                let next = bytes[scan + 1]
                let dash = next == 0x2D && scan + 2 < end && bytes[scan + 2] == 0x20
                let longDash = next == 0xE2 && scan + 2 < end && bytes[scan + 2] == 0x80
                if next == 0x28 || dash || longDash { end = scan; break }
            }
            scan += 1
        }
        while start < end, Self.isMarkup(bytes[start]) { start += 1 }
        while end > start, Self.isMarkup(bytes[end - 1]) { end -= 1 }
        let raw = source.text(start..<end)
        while end > start, bytes[end - 1] == 0x2E { end -= 1 }
        while end > start, Self.isMarkup(bytes[end - 1]) { end -= 1 }
        guard end > start else { return nil }
        return StatusLine(raw: raw, normalized: profile.statusName(source.text(start..<end)), range: source.range(start..<end),
                          labelRange: field.labelRange)
    }

    /// Emphasis, code and blank bytes around a status value (`**blocked**`, `` `done` ``). A comparison, not
    /// a `Set`: the first `Set<UInt8>` of a process costs a scan of the runtime's conformance records.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == 0x2A || byte == 0x5F || byte == 0x60 || byte == 0x20 || byte == 0x09
    }
}
