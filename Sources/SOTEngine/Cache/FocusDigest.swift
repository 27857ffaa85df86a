import Foundation
import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// The rest of a project's workspace as the saves of one document see it: for the editor on save, a new
/// process each time, so that a save needs no read, no decode and no index of the other documents.
///
/// It is written after a save that had to build the whole workspace, for that document (the focus): every
/// other Markdown file of the project in walk order with its stat and, for SOT documents, the summary the
/// workspace index keeps (`CachedSummary`); every ID those documents define, sorted, with its definitions;
/// the blockers of each ID's first definition; and the invariant declarations by target. A later save of
/// the same document, from the same working directory with the same profile and tool, uses it when the
/// walk finds the same files with the same stats: it decodes only the definitions of the IDs the saved
/// document's findings can depend on, and the workspace rules run on those (`slice`). Anything else —
/// another file, another stat, a cycle whose messages could need more than the exact-path search budget —
/// falls back to the whole workspace, which then writes a new digest.
///
/// Like the index it holds IDs, vocabulary statuses, paths and ranges, never a title or a source line (a
/// status outside the vocabulary is kept blank, see `CachedSummary`); the file is checked whole (magic,
/// format, tool version, profile, root, working directory, focus, SHA-256 of the payload) and written
/// atomically, and anything unexpected makes the save take the long way.
package struct FocusDigest: Sendable {
    package static let formatVersion = 1
    package static let magic = Array("SOTLINT-FOCUS\n".utf8)
    /// Digests kept in a cache folder (one per saved document); writing one removes the oldest beyond this.
    package static let kept = 16

    /// Where a project's digests live, and what a digest must have been made with to be used.
    package struct Location: Sendable {
        package let directory: String
        package let root: String
        package let workingDirectory: String
        package let profile: Profile
        /// Seconds since the epoch, for the "too recent to vouch for" test.
        package let clock: @Sendable () -> Int64

        /// The digest file of the document shown as `focus`.
        package func file(focus: String) -> String {
            FilePath.join(directory, "focus-\(key(focus)).bin")
        }

        /// The companion file of `FocusSuggester`.
        package func keysFile(focus: String) -> String {
            FilePath.join(directory, "focus-\(key(focus)).keys")
        }

        private func key(_ focus: String) -> Substring {
            ContentHash(Array("\(root)\u{0}\(workingDirectory)\u{0}\(focus)".utf8)).description.prefix(16)
        }
    }

    /// The part of the workspace a save's findings depend on.
    package struct Slice {
        package let workspace: Workspace
        /// Some other document of the project is an SOT document: the workspace rules report on the focus only.
        package let focused: Bool
        /// Files the digest answered for.
        package let hits: Int
    }

    private let bytes: [UInt8]
    /// The payload's hash: the keys file of the same digest carries it.
    private let tag: [UInt8]
    private let keysFile: String
    private let fileDisplay: [Range<Int>]
    private let fileStat: [FileStat]
    /// SOT documents in path order: the file each one is, and its encoded summary.
    private let documentFile: [Int]
    private let documentSummary: [Range<Int>]
    /// Defined IDs in byte order (node n is `idText[n]`); the definitions of node n are
    /// `definitionDocument/definitionIssue[definitionStart[n]..<definitionStart[n + 1]]` in path and line order.
    private let idText: [Range<Int>]
    private let definitionStart: [Int]
    private let definitionDocument: [Int]
    private let definitionIssue: [Int]
    /// The blockers of each node's first definition in list order: a node, or `-(d + 1)` for the d-th
    /// name no other document defines (`dangling`, in byte order).
    private let blockerStart: [Int]
    private let blockerValue: [Int]
    private let dangling: [Range<Int>]
    /// Invariant declarations in byte order of their target: the target and the declaring issue's node.
    private let invariantTarget: [Range<Int>]
    private let invariantDeclarer: [Int]

    // MARK: - Reading

    /// The digest of `focus` at `location`, nil when there is none or it is not valid for this run.
    package static func load(_ location: Location, focus: String) -> FocusDigest? {
        guard let bytes = try? FilePath.read(location.file(focus: focus)) else { return nil }
        return try? FocusDigest(bytes, location: location, focus: focus)
    }

    private init(_ bytes: [UInt8], location: Location, focus: String) throws(ByteReader.Malformed) {
        guard bytes.starts(with: Self.magic) else { throw ByteReader.Malformed() }
        var header = ByteReader(bytes, offset: Self.magic.count)
        guard try header.int() == Self.formatVersion, try header.text() == SOTLintVersion.current,
              try header.text() == location.profile.fingerprint, try header.text() == location.root,
              try header.text() == location.workingDirectory, try header.text() == focus else { throw ByteReader.Malformed() }
        let (payloadRange, tag) = try header.sealedPayload()
        var reader = ByteReader(bytes, range: payloadRange)
        self.bytes = bytes
        self.tag = tag
        keysFile = location.keysFile(focus: focus)

        let fileCount = try reader.count()
        var fileDisplay: [Range<Int>] = []
        var fileStat: [FileStat] = []
        fileDisplay.reserveCapacity(fileCount)
        fileStat.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            fileDisplay.append(try reader.skip())
            fileStat.append(try reader.stat())
        }
        let documentCount = try reader.count()
        var documentFile: [Int] = []
        var documentSummary: [Range<Int>] = []
        for _ in 0..<documentCount {
            documentFile.append(try Self.index(&reader, below: fileCount))
            documentSummary.append(try reader.skip())
        }
        let idCount = try reader.count()
        var idText: [Range<Int>] = []
        var definitionStart = [0]
        var definitionDocument: [Int] = []
        var definitionIssue: [Int] = []
        idText.reserveCapacity(idCount)
        for _ in 0..<idCount {
            idText.append(try reader.skip())
            let definitions = try reader.count()
            guard definitions > 0 else { throw ByteReader.Malformed() }
            for _ in 0..<definitions {
                definitionDocument.append(try Self.index(&reader, below: documentCount))
                definitionIssue.append(try reader.count())
            }
            definitionStart.append(definitionDocument.count)
        }
        let danglingCount = try reader.count()
        var blockerStart = [0]
        var blockerValue: [Int] = []
        for _ in 0..<idCount {
            for _ in 0..<(try reader.count()) {
                let value = try reader.int()
                guard value < idCount, value >= -danglingCount else { throw ByteReader.Malformed() }
                blockerValue.append(value)
            }
            blockerStart.append(blockerValue.count)
        }
        var dangling: [Range<Int>] = []
        for _ in 0..<danglingCount { dangling.append(try reader.skip()) }
        var invariantTarget: [Range<Int>] = []
        var invariantDeclarer: [Int] = []
        for _ in 0..<(try reader.count()) {
            invariantTarget.append(try reader.skip())
            invariantDeclarer.append(try Self.index(&reader, below: idCount))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        (self.fileDisplay, self.fileStat, self.documentFile, self.documentSummary) = (fileDisplay, fileStat, documentFile, documentSummary)
        (self.idText, self.definitionStart, self.definitionDocument, self.definitionIssue) = (idText, definitionStart, definitionDocument, definitionIssue)
        (self.blockerStart, self.blockerValue, self.dangling) = (blockerStart, blockerValue, dangling)
        (self.invariantTarget, self.invariantDeclarer) = (invariantTarget, invariantDeclarer)
    }

    private static func index(_ reader: inout ByteReader, below limit: Int) throws(ByteReader.Malformed) -> Int {
        let value = try reader.int()
        guard value >= 0, value < limit else { throw ByteReader.Malformed() }
        return value
    }

    // MARK: - Answering a save

    /// The part of the workspace that the findings on `focus` (the saved document's summary; nil when it is
    /// not an SOT document) depend on, when the walk found exactly the digest's files (`files`, with the
    /// `stats` taken now) — nil when the whole workspace must be built.
    ///
    /// The part holds, besides the focus, every definition of each ID that the focus defines, mentions,
    /// waits for or declares an invariant on; of each issue that declares an invariant on an ID the focus
    /// defines; and of every member of a blocked-by cycle through an ID the focus defines. With all the
    /// definitions of an ID, its first definition is the whole workspace's, so its status and its blocked-by
    /// edges are too; a cycle's members with their edges make the same cycle, searched the same way as long
    /// as the searches of the whole workspace stay inside `BlockedByCycles.exactSearchBudget` (checked here
    /// on the whole graph). "Did you mean" chooses from every ID of the workspace.
    package func slice(files: [LintInputs.ContextFile], stats: [FileStat?], focus: WorkspaceDocument?, profile: Profile) -> Slice? {
        guard files.count == fileDisplay.count, stats.count == files.count else { return nil }
        for position in files.indices {
            guard files[position].bytes == nil, let stat = stats[position], stat == fileStat[position],
                  compare(fileDisplay[position], files[position].display) == 0 else { return nil }
        }
        let contextIDs = idText.count
        let suggester = { [bytes, idText, keysFile, tag] (extra: [String]) -> @Sendable () -> any IDSuggester in
            { FocusSuggester(bytes: bytes, ids: idText, extra: extra, keysFile: keysFile, tag: tag) }
        }
        guard let focus else {
            return Slice(workspace: Workspace(documents: [], suggester: suggester([])), focused: !documentFile.isEmpty, hits: files.count)
        }
        // Nodes: the digest's IDs, then the IDs only the focus defines; for each node the focus defines, its
        // first issue there and whether that is the workspace's first definition.
        var newIDs: [String] = []
        var newNode: [String: Int] = [:]
        var focusIssue: [Int: Int] = [:]
        for (position, issue) in focus.issues.enumerated() {
            let node: Int
            if let known = nodeOfContextID(issue.id) ?? newNode[issue.id] {
                node = known
            } else {
                node = contextIDs + newIDs.count
                newNode[issue.id] = node
                newIDs.append(issue.id)
            }
            if focusIssue[node] == nil { focusIssue[node] = position }
        }
        let node = { (id: String) -> Int? in self.nodeOfContextID(id) ?? newNode[id] }
        let focusFirst = { (node: Int) -> Bool in
            guard focusIssue[node] != nil else { return false }
            guard node < contextIDs else { return true }
            let document = self.definitionDocument[self.definitionStart[node]]
            return focus.path.precedesInBytes(files[self.documentFile[document]].display)
        }
        // A name no other document defines becomes an edge when the focus defines it.
        var danglingNode: [Int: Int] = [:]
        for id in newIDs {
            if let found = Self.search(bytes, dangling, id) { danglingNode[found] = newNode[id] }
        }
        // The whole workspace's blocked-by graph, as `BlockedByGraph` builds it: each node's edges go to the
        // first definitions its first definition waits for, once each, in list order.
        let total = contextIDs + newIDs.count
        var starts = [0]
        var targets: [Int] = []
        var listedBy = [Int](repeating: -1, count: total)
        starts.reserveCapacity(total + 1)
        for source in 0..<total {
            if focusFirst(source), let position = focusIssue[source] {
                for blocker in focus.issues[position].blockers {
                    if let target = node(blocker.id), listedBy[target] != source {
                        listedBy[target] = source
                        targets.append(target)
                    }
                }
            } else if source < contextIDs {
                for value in blockerValue[blockerStart[source]..<blockerStart[source + 1]] {
                    guard let target = value >= 0 ? value : danglingNode[-value - 1], listedBy[target] != source else { continue }
                    listedBy[target] = source
                    targets.append(target)
                }
            }
            starts.append(targets.count)
        }
        let cycles = StrongComponents.of(starts: starts, targets: targets)
        guard Self.searchesFitTheBudget(cycles, starts: starts, targets: targets, count: total) else { return nil }

        var wanted = [Bool](repeating: false, count: total)
        let want = { (id: String) in if let found = node(id) { wanted[found] = true } }
        for issue in focus.issues {
            want(issue.id)
            for blocker in issue.blockers { want(blocker.id) }
            for invariant in issue.invariants { want(invariant.target) }
            if let declared = Self.lowerBound(bytes, invariantTarget, issue.id) {
                var entry = declared
                while entry < invariantTarget.count, compare(invariantTarget[entry], issue.id) == 0 {
                    wanted[invariantDeclarer[entry]] = true
                    entry += 1
                }
            }
        }
        for reference in focus.references { want(reference.id) }
        for members in cycles where members.contains(where: { focusIssue[$0] != nil }) {
            for member in members { wanted[member] = true }
        }
        // The wanted definitions, document by document, in path and line order.
        var issuesOf: [Int: [Int]] = [:]
        for source in 0..<contextIDs where wanted[source] {
            for definition in definitionStart[source]..<definitionStart[source + 1] {
                issuesOf[definitionDocument[definition], default: []].append(definitionIssue[definition])
            }
        }
        var documents = [focus]
        for document in issuesOf.keys.sorted() {
            var reader = ByteReader(bytes, range: documentSummary[document])
            guard let decoded = try? CachedSummary.document(from: &reader, path: files[documentFile[document]].display, profile: profile),
                  reader.isAtEnd else { return nil }
            let kept = Set(issuesOf[document] ?? [])
            guard kept.allSatisfy({ $0 < decoded.issues.count }) else { return nil }
            let issues = decoded.issues.indices.filter(kept.contains).map { decoded.issues[$0] }
            documents.append(WorkspaceDocument(path: decoded.path, frontMatter: [], issues: issues, references: []))
        }
        let extra = newIDs.sorted { $0.precedesInBytes($1) }
        // The prefixes of every ID of the workspace, for the prose mentions of the focus (`ids.prose`).
        let prefixes = { @Sendable [bytes, idText] in IDPrefixes(ids: idText.map { String(decoding: bytes[$0], as: UTF8.self) } + extra) }
        return Slice(workspace: Workspace(documents: documents, suggester: suggester(extra), prefixes: prefixes),
                     focused: !documentFile.isEmpty, hits: files.count)
    }

    /// True when the cycle searches of the whole workspace examine fewer edges than the budget whatever
    /// order they run in: per cycle, one backward and one forward search over its edges, and from each
    /// member a search over the members' edges.
    private static func searchesFitTheBudget(_ cycles: [[Int]], starts: [Int], targets: [Int], count: Int) -> Bool {
        searchesFitTheBudget(cycles, count: count) { targets[starts[$0]..<starts[$0 + 1]] }
    }

    /// The same for a workspace built whole: a save in a workspace whose cycles could reach the budget
    /// would have to build it whole again, so no digest is written for it.
    package static func searchesFitTheBudget(_ workspace: Workspace) -> Bool {
        let graph = workspace.graph
        let cycles = workspace.cycleComponents.map { $0.compactMap(graph.position(of:)) }
        return searchesFitTheBudget(cycles, count: graph.count) { graph.successors(of: $0) }
    }

    private static func searchesFitTheBudget(_ cycles: [[Int]], count: Int, successors: (Int) -> ArraySlice<Int>) -> Bool {
        var component = [Int](repeating: -1, count: count)
        for (number, members) in cycles.enumerated() { for member in members { component[member] = number } }
        var bound = 0
        for members in cycles {
            var inside = 0
            var outgoing = 0
            for member in members {
                let next = successors(member)
                outgoing += next.count
                for target in next where component[target] == component[member] { inside += 1 }
            }
            bound += 2 * inside + members.count * outgoing
            if bound >= BlockedByCycles.exactSearchBudget { return false }
        }
        return true
    }

    private func nodeOfContextID(_ id: String) -> Int? {
        Self.search(bytes, idText, id)
    }

    private func compare(_ range: Range<Int>, _ text: String) -> Int {
        Self.compare(bytes, range, text)
    }

    /// The byte order (negative, zero, positive) of `bytes[range]` and `text`'s UTF-8.
    private static func compare(_ bytes: [UInt8], _ range: Range<Int>, _ text: String) -> Int {
        var text = text
        return text.withUTF8 { other in
            bytes.withUnsafeBufferPointer { mine in
                let length = min(range.count, other.count)
                if length > 0, let base = mine.baseAddress, let otherBase = other.baseAddress {
                    let order = memcmp(base + range.lowerBound, otherBase, length)
                    if order != 0 { return Int(order) }
                }
                return range.count - other.count
            }
        }
    }

    /// The first of the byte-ordered `ranges` not before `text`, nil when all are.
    private static func lowerBound(_ bytes: [UInt8], _ ranges: [Range<Int>], _ text: String) -> Int? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if compare(bytes, ranges[middle], text) < 0 { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count ? low : nil
    }

    private static func search(_ bytes: [UInt8], _ ranges: [Range<Int>], _ text: String) -> Int? {
        guard let found = lowerBound(bytes, ranges, text), compare(bytes, ranges[found], text) == 0 else { return nil }
        return found
    }

    // MARK: - Writing

    /// One other Markdown file of the project as the run that writes the digest saw it.
    package struct File {
        package let display: String
        package let stat: FileStat
        /// Its summary, nil when it is not an SOT document.
        package let document: WorkspaceDocument?

        package init(display: String, stat: FileStat, document: WorkspaceDocument?) {
            self.display = display
            self.stat = stat
            self.document = document
        }
    }

    /// Writes the digest of `focus` for `files` (in walk order), atomically, unless some file is too recent
    /// to vouch for or some document holds what the cache must not keep; then removes the oldest digests
    /// beyond `kept`. A failure only costs speed.
    package static func write(_ location: Location, focus: String, files: [File]) {
        let now = location.clock()
        guard !files.contains(where: { $0.stat.isRecent(now: now) }),
              let (payload, ids) = encode(files, profile: location.profile) else { return }
        var header = ByteWriter()
        header.int(formatVersion)
        header.text(SOTLintVersion.current)
        header.text(location.profile.fingerprint)
        header.text(location.root)
        header.text(location.workingDirectory)
        header.text(focus)
        let tag = header.sealed(payload)
        guard CacheFolder.prepare(location.directory) else { return }
        try? AtomicFile.write(FocusSuggester.encode(ids: ids, tag: tag), to: location.keysFile(focus: focus), mode: 0o644)
        try? AtomicFile.write(magic + header.bytes, to: location.file(focus: focus), mode: 0o644)
        for suffix in [".bin", ".keys"] {
            CacheFolder.removeOldest(in: location.directory, prefix: "focus-", suffix: suffix, keeping: kept)
        }
    }

    /// The payload, and the IDs it holds in byte order.
    private static func encode(_ files: [File], profile: Profile) -> (payload: [UInt8], ids: [String])? {
        var payload = ByteWriter()
        payload.int(files.count)
        for file in files {
            payload.text(file.display)
            payload.stat(file.stat)
        }
        let documentFiles = files.indices.filter { files[$0].document != nil }
            .sorted { files[$0].display.precedesInBytes(files[$1].display) }
        let documents = documentFiles.compactMap { files[$0].document }
        payload.int(documents.count)
        for (file, document) in zip(documentFiles, documents) {
            guard let summary = CachedSummary(document, profile: profile, blankingUnknownStatuses: true) else { return nil }
            payload.int(file)
            var encoded = ByteWriter()
            summary.encode(into: &encoded)
            payload.raw(encoded.bytes)
        }
        // Every definition, by ID in byte order, then in path and line order.
        var definitions: [(id: String, document: Int, issue: Int)] = []
        for (documentIndex, document) in documents.enumerated() {
            for (issueIndex, issue) in document.issues.enumerated() { definitions.append((issue.id, documentIndex, issueIndex)) }
        }
        definitions.sort { left, right in
            if left.id != right.id { return left.id.precedesInBytes(right.id) }
            return (left.document, left.issue) < (right.document, right.issue)
        }
        var ids: [String] = []
        var nodeOf: [String: Int] = [:]
        var definitionsOf: [[(document: Int, issue: Int)]] = []
        for definition in definitions {
            if ids.last != definition.id {
                nodeOf[definition.id] = ids.count
                ids.append(definition.id)
                definitionsOf.append([])
            }
            definitionsOf[definitionsOf.count - 1].append((definition.document, definition.issue))
        }
        payload.int(ids.count)
        for (id, places) in zip(ids, definitionsOf) {
            payload.text(id)
            payload.int(places.count)
            for place in places {
                payload.int(place.document)
                payload.int(place.issue)
            }
        }
        let firstBlockers = definitionsOf.map { documents[$0[0].document].issues[$0[0].issue].blockers }
        let dangling = Set(firstBlockers.joined().map(\.id).filter { nodeOf[$0] == nil }).sorted { $0.precedesInBytes($1) }
        var danglingIndex: [String: Int] = [:]
        for (index, name) in dangling.enumerated() { danglingIndex[name] = index }
        payload.int(dangling.count)
        for blockers in firstBlockers {
            payload.int(blockers.count)
            for blocker in blockers { payload.int(nodeOf[blocker.id] ?? -((danglingIndex[blocker.id] ?? 0) + 1)) }
        }
        for name in dangling { payload.text(name) }
        var invariants: [(target: String, declarer: Int)] = []
        for document in documents {
            for issue in document.issues {
                for invariant in issue.invariants { invariants.append((invariant.target, nodeOf[issue.id] ?? 0)) }
            }
        }
        invariants.sort { $0.target != $1.target ? $0.target.precedesInBytes($1.target) : $0.declarer < $1.declarer }
        payload.int(invariants.count)
        for invariant in invariants {
            payload.text(invariant.target)
            payload.int(invariant.declarer)
        }
        return (payload.bytes, ids)
    }
}
