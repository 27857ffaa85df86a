import Foundation
import SOTSource
import SOTSyntax
import SOTModel

/// The persistent cache of one project's workspace index, for whole-process runs (the editor on save
/// is a new process each time): for every Markdown file, its stat and what it contributes to the
/// workspace, so that documents that are not being linted need no read and no parse.
///
/// It holds IDs, vocabulary statuses, blocked-by and invariant targets, and ranges — never a title, a
/// source line or a snippet, so never a secret: a document whose summary would need free text (an
/// unknown status) is not cached. The file is checked whole (magic, format, tool version, profile,
/// root, SHA-256 of the payload) and written atomically; anything unexpected makes it empty, to be
/// rebuilt. An entry is trusted only while the file's stat is unchanged, and is not written while the
/// file is so recent that a change within the same timestamp could go unseen.
package final class WorkspaceIndexCache: @unchecked Sendable {
    package static let formatVersion = 2
    package static let magic = Array("SOTLINT-CACHE\n".utf8)

    package struct Entry: Sendable {
        package let stat: FileStat
        package let summary: Summary
    }

    /// What an entry holds: nothing (a Markdown file that is not an SOT document), a summary still
    /// encoded (the bytes of the file it was loaded from, decoded on the worker that needs it), or a
    /// summary made this run.
    package enum Summary: Sendable {
        case notSOT
        case encoded(Range<Int>)
        case made(CachedSummary)
    }

    package let file: String
    private let directory: String
    private let root: String
    private let profile: Profile
    /// The entries as the file held them: never changed, so the workers read them without a lock.
    private let loaded: [String: Entry]
    /// The bytes the `.encoded` summaries' ranges point into.
    private let payload: [UInt8]
    /// Entries recorded by this session, which replace loaded ones (under `lock`).
    private var recorded: [String: Entry] = [:]
    private var dirty = false
    private let lock = NSLock()
    private let clock: @Sendable () -> Int64
    var profileFingerprint: String { profile.fingerprint }

    /// Opens the cache of the project at `root` in `directory` (created on save). `clock` tells which
    /// files are too recent to vouch for.
    package init(directory: String, root: String, profile: Profile, clock: @escaping @Sendable () -> Int64 = { FileStat.now() }) {
        self.clock = clock
        self.directory = directory
        self.root = root
        self.profile = profile
        let name = ContentHash(Array(root.utf8)).description.prefix(16)
        file = FilePath.join(directory, "workspace-\(name).bin")
        if let bytes = try? FilePath.read(file), let decoded = try? Self.decode(bytes, root: root, profile: profile) {
            (loaded, payload) = decoded
        } else {
            (loaded, payload) = ([:], [])
        }
    }

    /// The cached contribution of the file at `absolute` (`.some(nil)`: not an SOT document), or nil
    /// when the cache cannot vouch for it: no entry, or one made when the file's stat was not `stat`.
    package func summary(of absolute: String, display: String, stat: FileStat) -> WorkspaceDocument?? {
        let relative = FilePath.relative(absolute, to: root)
        var found = loaded[relative]
        if found?.stat != stat {
            lock.lock()
            found = recorded[relative]
            lock.unlock()
        }
        guard let entry = found, stat == entry.stat else { return nil }
        let document: WorkspaceDocument?
        switch entry.summary {
        case .notSOT:
            document = nil
        case .made(let made):
            document = made.document(path: display, profile: profile)
        case .encoded(let range):
            // The payload's hash was checked on load; should a summary still not decode, the file is read.
            var reader = ByteReader(payload, range: range)
            guard let decoded = try? CachedSummary.document(from: &reader, path: display, profile: profile),
                  reader.offset == range.upperBound else { return nil }
            document = decoded
        }
        return .some(document)
    }

    /// Records what the file at `absolute`, whose stat before it was read was `stat`, contributes, when
    /// it can be cached.
    package func record(_ absolute: String, stat: FileStat, summary: WorkspaceDocument?) {
        guard !stat.isRecent(now: clock()) else { return }
        let cached: CachedSummary?
        if let summary {
            guard let made = CachedSummary(summary, profile: profile) else { return }
            cached = made
        } else {
            cached = nil
        }
        let relative = FilePath.relative(absolute, to: root)
        lock.lock()
        recorded[relative] = Entry(stat: stat, summary: cached.map(Summary.made) ?? .notSOT)
        dirty = true
        lock.unlock()
    }

    /// Writes the cache when this run learnt something, atomically; a failure only costs speed.
    package func save() {
        lock.lock()
        defer { lock.unlock() }
        guard dirty else { return }
        guard CacheFolder.prepare(directory) else { return }
        try? AtomicFile.write(encode(), to: file, mode: 0o644)
        dirty = false
    }

    private func encode() -> [UInt8] {
        var payload = ByteWriter()
        let entries = loaded.merging(recorded) { _, new in new }
        let kept = entries.keys.sorted()
        payload.int(kept.count)
        for path in kept {
            guard let entry = entries[path] else { continue }
            payload.text(path)
            payload.stat(entry.stat)
            switch entry.summary {
            case .notSOT:
                payload.bool(false)
            case .made(let summary):
                payload.bool(true)
                var encoded = ByteWriter()
                summary.encode(into: &encoded)
                payload.raw(encoded.bytes)
            case .encoded(let range):
                payload.bool(true)
                payload.raw(Array(self.payload[range]))
            }
        }
        var header = ByteWriter()
        header.int(Self.formatVersion)
        header.text(SOTLintVersion.current)
        header.text(profile.fingerprint)
        header.text(root)
        header.sealed(payload.bytes)
        return Self.magic + header.bytes
    }

    /// The entries and the bytes their encoded summaries point into (the whole file: the payload is
    /// neither copied out nor decoded here). Summaries are length-prefixed and skipped: a warm run decodes
    /// them on the workers, in parallel, as it looks them up.
    private static func decode(_ bytes: [UInt8], root: String, profile: Profile) throws(ByteReader.Malformed) -> ([String: Entry], [UInt8]) {
        guard bytes.starts(with: magic) else { throw ByteReader.Malformed() }
        var header = ByteReader(bytes, offset: magic.count)
        guard try header.int() == formatVersion, try header.text() == SOTLintVersion.current,
              try header.text() == profile.fingerprint, try header.text() == root else { throw ByteReader.Malformed() }
        let payloadRange = try header.sealedPayload().range
        var payload = ByteReader(bytes, range: payloadRange)
        var entries: [String: Entry] = [:]
        let count = try payload.count()
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try payload.text()
            let stat = try payload.stat()
            let summary: Summary = try payload.bool() ? .encoded(try payload.skip()) : .notSOT
            entries[path] = Entry(stat: stat, summary: summary)
        }
        guard payload.isAtEnd else { throw ByteReader.Malformed() }
        return (entries, bytes)
    }
}
