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
    private var entries: [String: Entry] = [:]
    /// The payload the `.encoded` summaries point into.
    private var payload: [UInt8] = []
    private var seen = Set<String>()
    private var dirty = false
    private let lock = NSLock()
    private let clock: @Sendable () -> Int64
    private var hits = 0
    var profileFingerprint: String { profile.fingerprint }

    /// Cache hits since the last call.
    func takeHits() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let taken = hits
        hits = 0
        return taken
    }

    /// Opens the cache of the project at `root` in `directory` (created on save). `clock` tells which
    /// files are too recent to vouch for.
    package init(directory: String, root: String, profile: Profile, clock: @escaping @Sendable () -> Int64 = { FileStat.now() }) {
        self.clock = clock
        self.directory = directory
        self.root = root
        self.profile = profile
        let name = ContentHash(Array(root.utf8)).description.prefix(16)
        file = FilePath.join(directory, "workspace-\(name).bin")
        if let bytes = try? FilePath.read(file), let loaded = try? Self.decode(bytes, root: root, profile: profile) {
            (entries, payload) = loaded
        }
    }

    /// The cached contribution of the file at `absolute` (`.some(nil)`: not an SOT document), or nil
    /// when the cache cannot vouch for it.
    package func summary(of absolute: String, display: String) -> WorkspaceDocument?? {
        let relative = FilePath.relative(absolute, to: root)
        lock.lock()
        let entry = entries[relative]
        lock.unlock()
        guard let entry, let stat = FileStat.of(absolute), stat == entry.stat else { return nil }
        let summary: CachedSummary?
        switch entry.summary {
        case .notSOT:
            summary = nil
        case .made(let made):
            summary = made
        case .encoded(let range):
            // The payload's hash was checked on load; should a summary still not decode, the file is read.
            var reader = ByteReader(payload, offset: range.lowerBound)
            guard let decoded = try? CachedSummary(from: &reader), reader.offset == range.upperBound else { return nil }
            summary = decoded
        }
        mark(relative)
        return .some(summary?.document(path: display, profile: profile))
    }

    /// Records what a file read this run contributes, when it can be cached.
    package func record(_ absolute: String, summary: WorkspaceDocument?, profile: Profile) {
        guard let stat = FileStat.of(absolute), !stat.isRecent(now: clock()) else { return }
        let cached: CachedSummary?
        if let summary {
            guard let made = CachedSummary(summary, profile: profile) else { return }
            cached = made
        } else {
            cached = nil
        }
        let relative = FilePath.relative(absolute, to: root)
        lock.lock()
        entries[relative] = Entry(stat: stat, summary: cached.map(Summary.made) ?? .notSOT)
        seen.insert(relative)
        dirty = true
        lock.unlock()
    }

    private func mark(_ relative: String) {
        lock.lock()
        seen.insert(relative)
        hits += 1
        lock.unlock()
    }

    /// Writes the cache when this run learnt something, atomically; a failure only costs speed.
    package func save() {
        lock.lock()
        defer { lock.unlock() }
        guard dirty else { return }
        if FilePath.kind(directory) == nil {
            guard mkdir(directory, 0o755) == 0 || errno == EEXIST else { return }
            // Ignored by git and marked as a cache for backup tools, like other tools' caches.
            try? AtomicFile.write(Array("# Created by sot-lint: a cache, never commit it.\n*\n".utf8),
                                  to: FilePath.join(directory, ".gitignore"), mode: 0o644)
            try? AtomicFile.write(Array("Signature: 8a477f597d28d172789f06886806bc55\n# sot-lint cache\n".utf8),
                                  to: FilePath.join(directory, "CACHEDIR.TAG"), mode: 0o644)
        }
        try? AtomicFile.write(encode(), to: file, mode: 0o644)
        dirty = false
    }

    private func encode() -> [UInt8] {
        var payload = ByteWriter()
        let kept = entries.keys.sorted()
        payload.int(kept.count)
        for path in kept {
            guard let entry = entries[path] else { continue }
            payload.text(path)
            for value in [entry.stat.size, entry.stat.modifiedSeconds, entry.stat.modifiedNanoseconds, entry.stat.changedSeconds,
                          entry.stat.changedNanoseconds, entry.stat.inode, entry.stat.device] {
                payload.int(Int(value))
            }
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
        header.raw(payload.bytes)
        header.raw(ContentHash(payload.bytes).digest)
        return Self.magic + header.bytes
    }

    /// The entries and the payload their encoded summaries point into. Summaries are length-prefixed and
    /// skipped here: a warm run decodes them on the workers, in parallel, as it looks them up.
    private static func decode(_ bytes: [UInt8], root: String, profile: Profile) throws(ByteReader.Malformed) -> ([String: Entry], [UInt8]) {
        guard bytes.starts(with: magic) else { throw ByteReader.Malformed() }
        var header = ByteReader(bytes, offset: magic.count)
        guard try header.int() == formatVersion, try header.text() == SOTLintVersion.current,
              try header.text() == profile.fingerprint, try header.text() == root else { throw ByteReader.Malformed() }
        let payloadBytes = try header.raw()
        guard try header.raw() == ContentHash(payloadBytes).digest, header.isAtEnd else { throw ByteReader.Malformed() }
        var payload = ByteReader(payloadBytes)
        var entries: [String: Entry] = [:]
        let count = try payload.count()
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try payload.text()
            var values: [Int64] = []
            for _ in 0..<7 { values.append(Int64(try payload.int())) }
            let stat = FileStat(size: values[0], modifiedSeconds: values[1], modifiedNanoseconds: values[2], changedSeconds: values[3],
                                changedNanoseconds: values[4], inode: values[5], device: values[6])
            let summary: Summary = try payload.bool() ? .encoded(try payload.skip()) : .notSOT
            entries[path] = Entry(stat: stat, summary: summary)
        }
        guard payload.isAtEnd else { throw ByteReader.Malformed() }
        return (entries, payloadBytes)
    }
}
