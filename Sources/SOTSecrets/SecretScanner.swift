import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import Foundation

/// A secret found in a file, before allowances: which detector, where (bytes), and the secret's bytes.
package struct SecretMatch: Sendable {
    package let detector: Int
    /// Byte range of the secret in the file.
    package let range: Range<Int>
}

/// One pass of every keyword over the bytes (`KeywordFinder`), then each detector's bounded pattern only
/// around its keyword hits, and the code detectors on a Markdown file's fenced lines and code spans (from
/// its parse, no keyword needed); then entropy and placeholder filters. A large file is cut at line breaks
/// into one piece per core, scanned side by side.
package struct SecretScanner {
    package let catalog: SecretCatalog
    /// Per detector: whether it runs (`secrets.detectors: {id: off}` turns one off) and its entropy floor.
    private let enabled: [Bool]?
    private let floors: [Double]

    package init(catalog: SecretCatalog, settings: [String: SecretDetectorSettings] = [:]) {
        self.catalog = catalog
        guard !settings.isEmpty else {
            enabled = nil
            floors = catalog.entropyFloors
            return
        }
        // The defaults, then each setting by index: a file's scan pays for the settings, not for the catalog.
        var enabled = [Bool](repeating: true, count: catalog.detectors.count)
        var floors = catalog.entropyFloors
        for (id, setting) in settings {
            guard let index = catalog.indexByID[id] else { continue }
            if setting.off { enabled[index] = false }
            if let floor = setting.entropy { floors[index] = floor }
        }
        self.enabled = enabled
        self.floors = floors
    }

    package static let lineReach = 2_048
    /// Code-span contents shorter than this are not scanned (the catalog's code-span detector wants 20+).
    package static let shortestCodeSpanSecret = 16
    package static let blockBefore = 512
    package static let blockAfter = 20_000
    /// Files at least this large are scanned in pieces, one per core.
    package static let parallelThreshold = 1 << 20

    package func scan(_ bytes: [UInt8], markdown: Bool) -> [SecretMatch] {
        scanWithDirectives(bytes, markdown: markdown).matches
    }

    /// The matches, and the offsets of `sot-lint-allow-secret` markers found in the same pass. In Markdown,
    /// fenced code and code spans are where cmark finds them: `code` from the document's parse when the
    /// caller has one, otherwise parsed here when the file holds a backtick or a tilde.
    package func scanWithDirectives(_ bytes: [UInt8], markdown: Bool, code known: MarkdownCodeRegions? = nil)
    -> (matches: [SecretMatch], directives: [Int]) {
        let code = CodeRegions(bytes, known: known)
        return bytes.withUnsafeBufferPointer { buffer in
            let pieces = Self.pieces(of: buffer)
            guard pieces.count > 1 else {
                return scanPiece(buffer, range: 0..<buffer.count, markdown: markdown, code: code)
            }
            nonisolated(unsafe) let shared = buffer
            let results = ParallelResults<(matches: [SecretMatch], directives: [Int])>.map(pieces.count) { index in
                scanPiece(shared, range: pieces[index], markdown: markdown, code: code)
            }
            var matches: [SecretMatch] = []
            var directives: [Int] = []
            for result in results {
                matches += result.matches
                directives += result.directives
            }
            // Windows of neighbouring pieces may overlap: one match per detector and start.
            matches.sort { ($0.range.lowerBound, $0.detector) < ($1.range.lowerBound, $1.detector) }
            var distinct: [SecretMatch] = []
            for match in matches where distinct.last.map({ $0.detector != match.detector || $0.range.lowerBound != match.range.lowerBound }) ?? true {
                distinct.append(match)
            }
            return (distinct, directives.sorted())
        }
    }

    /// One piece per core for a large file, cut after line breaks; the whole file otherwise.
    package static func pieces(of buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let count = buffer.count
        guard count >= parallelThreshold else { return [0..<count] }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1 else { return [0..<count] }
        var pieces: [Range<Int>] = []
        var start = 0
        for piece in 1..<cores {
            var cut = max(start, count * piece / cores)
            while cut < count, buffer[cut] != 0x0A { cut += 1 }
            cut = min(count, cut + 1)
            if cut > start { pieces.append(start..<cut) }
            start = cut
        }
        if start < count { pieces.append(start..<count) }
        return pieces
    }

    private func scanPiece(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, markdown: Bool, code: CodeRegions)
    -> (matches: [SecretMatch], directives: [Int]) {
            let (windows, directives) = self.windowsAndDirectives(in: buffer, range: range, markdown: markdown, code: code)
            var found: [SecretMatch] = []
            for entry in windows {
                let index = entry.detector
                let detectorWindows = entry.windows
                let detector = catalog.detectors[index]
                let inCode = detector.span == .fence || detector.span == .codespan
                var seen = Set<Int>()
                // The end of the last value reported by a code detector: one finding per block of key or blob
                // material, not one per line (a value on the very next line continues the block).
                var blockEnd: Int?
                if detector.span == .context {
                    found += contextMatches(of: index, in: detectorWindows, buffer: buffer)
                    continue
                }
                let shortest = max(Self.shortestCodeSpanSecret, detector.regex.shortestMatch)
                let required = detector.required
                for window in detectorWindows {
                    // Most code spans are short identifiers: too short for any secret, or far below the entropy floor.
                    if detector.span == .codespan,
                       window.count < shortest || Entropy.bitsPerByte(buffer[window]) < floors[index] - 0.5 {
                        continue
                    }
                    guard required.mayMatch(in: buffer, window) else { continue }
                    detector.regex.forEachMatch(in: buffer, range: window) { groups in
                        if detector.group < groups.count, let whole = groups[0], let secret = groups[detector.group], !secret.isEmpty,
                           accept(whole: whole, secret: secret, detector: detector, floor: floors[index], in: buffer),
                           !inCode || !isExplained(secret, in: buffer, code: code),
                           seen.insert(secret.lowerBound).inserted {
                            let continues = inCode && blockEnd.map { end in
                                end <= secret.lowerBound && Self.isLineBreakOnly(buffer[end..<secret.lowerBound])
                            } == true
                            if inCode { blockEnd = secret.upperBound }
                            if !continues { found.append(SecretMatch(detector: index, range: secret)) }
                        }
                        return true
                    }
                }
            }
            return (found.sorted { ($0.range.lowerBound, $0.detector) < ($1.range.lowerBound, $1.detector) }, directives)
    }

    /// For each detector, the byte ranges its pattern runs over: windows around its keyword hits, merged
    /// where they touch, so the pattern's work is linear in the file whatever the number of hits.
    package func windows(in buffer: UnsafeBufferPointer<UInt8>, markdown: Bool) -> [[Range<Int>]] {
        var dense: [[Range<Int>]] = Array(repeating: [], count: catalog.detectors.count)
        let found = windowsAndDirectives(in: buffer, range: 0..<buffer.count, markdown: markdown, code: CodeRegions(Array(buffer), known: nil))
        for entry in found.windows { dense[entry.detector] = entry.windows }
        return dense
    }

    /// The windows of the detectors that have any (a file wakes a handful of the catalog's hundreds), and
    /// the allow markers' offsets.
    private func windowsAndDirectives(in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, markdown: Bool,
                                      code: CodeRegions) -> (windows: [DetectorWindows], directives: [Int]) {
        var windows: [DetectorWindows] = []
        // Detector -> its entry in `windows`, or -1.
        var entry = [Int32](repeating: -1, count: catalog.detectors.count)
        var directives: [Int] = []
        // The line of the latest hit: hits on one line (however many) find its ends once.
        var line: Range<Int>?
        for hit in catalog.keywords.hits(in: buffer, range: range) {
            if hit.keyword == catalog.allowMarkerKeyword {
                directives.append(hit.offset)
                continue
            }
            let current: Range<Int>
            if let known = line, known.lowerBound <= hit.offset, hit.offset <= known.upperBound {
                current = known
            } else {
                current = lineBounds(of: hit.offset, in: buffer)
                line = current
            }
            for position in Int(catalog.keywordDetectorStart[hit.keyword])..<Int(catalog.keywordDetectorStart[hit.keyword + 1]) {
                let detector = Int(catalog.keywordDetectors[position])
                if let enabled, !enabled[detector] { continue }
                let window = self.window(around: hit.offset, span: catalog.spans[detector], line: current, in: buffer)
                let index = Int(entry[detector])
                guard index >= 0 else {
                    entry[detector] = Int32(windows.count)
                    windows.append(DetectorWindows(detector: detector, windows: [window]))
                    continue
                }
                // Hits arrive in order of their start, so a new window touches the last one or lies after it.
                let last = windows[index].windows[windows[index].windows.count - 1]
                if window.lowerBound <= last.upperBound {
                    windows[index].windows[windows[index].windows.count - 1] =
                        min(last.lowerBound, window.lowerBound)..<max(last.upperBound, window.upperBound)
                } else {
                    windows[index].windows.append(window)
                }
            }
        }
        guard markdown, !catalog.fenceDetectors.isEmpty || !catalog.codeSpanDetectors.isEmpty else { return (windows, directives) }
        let regions = code.regions
        let fenced = Self.within(range, regions.fencedLines)
        for detector in catalog.fenceDetectors where !fenced.isEmpty && enabled?[detector] ?? true {
            windows.append(DetectorWindows(detector: detector, windows: fenced))
        }
        let spans = Self.within(range, regions.spans)
        for detector in catalog.codeSpanDetectors where !spans.isEmpty && enabled?[detector] ?? true {
            windows.append(DetectorWindows(detector: detector, windows: spans))
        }
        return (windows, directives)
    }

    private func window(around offset: Int, span: SecretDetector.Span, line: Range<Int>,
                        in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        switch span {
        case .block:
            return max(0, offset - Self.blockBefore)..<min(bytes.count, offset + Self.blockAfter)
        case .line, .fence, .codespan:
            return max(line.lowerBound, offset - Self.lineReach)..<min(line.upperBound, offset + Self.lineReach)
        case .context:
            return offset..<min(line.upperBound, offset + Self.contextReach)
        }
    }

    /// How far after a provider's name a context detector looks for its value.
    package static let contextReach = 256

    /// A context detector's matches: on lines that say what the value is, the words after the provider's
    /// name that the pattern matches whole. Work is linear: each window's line is read once for the word,
    /// each byte of the window once for the words, and the pattern runs only on words of a plausible length.
    private func contextMatches(of index: Int, in windows: [Range<Int>], buffer: UnsafeBufferPointer<UInt8>) -> [SecretMatch] {
        let detector = catalog.detectors[index]
        let required = detector.required
        var found: [SecretMatch] = []
        var checkedLine: (range: Range<Int>, names: Bool)?
        for window in windows {
            // The stem may be anywhere on the window's line within 2,048 bytes of it. Each look walks at most
            // that far, and windows inside the last look's stretch reuse its answer: linear on any line.
            if checkedLine.map({ !($0.range.lowerBound <= window.lowerBound && window.upperBound <= $0.range.upperBound) }) ?? true {
                var start = window.lowerBound
                while start > 0, window.lowerBound - start < Self.lineReach, buffer[start - 1] != 0x0A, buffer[start - 1] != 0x0D { start -= 1 }
                var end = window.upperBound
                while end < buffer.count, end - window.upperBound < Self.lineReach, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
                checkedLine = (start..<end, ContextWords.namesSecret(buffer[start..<end]))
            }
            guard checkedLine?.names == true else { continue }
            var start = window.lowerBound
            while start < window.upperBound {
                guard ContextWords.isWordByte(buffer[start]) else {
                    start += 1
                    continue
                }
                var end = start
                // A value is at most 512 bytes: a longer word is not one, and is walked no further.
                let limit = min(buffer.count, window.upperBound + 513)
                while end < limit, ContextWords.isWordByte(buffer[end]) { end += 1 }
                var word = start..<end
                // A sentence's full stop or a value's padding: `…a1b2.` `…==`.
                while word.count > 1, buffer[word.upperBound - 1] == 0x2E { word = word.lowerBound..<(word.upperBound - 1) }
                var padded = word.upperBound
                while padded < buffer.count, padded - word.upperBound < 2, buffer[padded] == 0x3D { padded += 1 }
                let value = word.lowerBound..<padded
                if value.count >= 8, value.count <= 512, required.mayMatch(in: buffer, value) {
                    var whole = false
                    detector.regex.forEachMatch(in: buffer, range: value) { groups in
                        whole = groups[0] == value
                        return false
                    }
                    // Words and identifiers of the shape's length are names; hex keys and UUIDs are what they look like.
                    if whole, accept(whole: value, secret: value, detector: detector, floor: floors[index], in: buffer),
                       ContextWords.isHex(buffer[value]) || !EntropyFilter.isStructured(ArraySlice(buffer[value])) {
                        found.append(SecretMatch(detector: index, range: value))
                    }
                }
                start = max(end, padded)
            }
        }
        return found
    }

    /// The line containing `offset`, without its line break.
    private func lineBounds(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        var end = offset
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return start..<end
    }

    /// Between two values there is one line break and nothing but indentation, quotes, commas or `>`: the
    /// second value continues the first one's block (a certificate or a key wrapped over lines).
    private static func isLineBreakOnly(_ gap: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var breaks = 0
        for byte in gap {
            switch byte {
            case 0x0A: breaks += 1
            case 0x20, 0x09, 0x0D, 0x3E, 0x22, 0x27, 0x2C: continue
            default: return false
            }
        }
        return breaks == 1
    }

    /// A high-entropy value in code that is structured text, base64 of text, explained by what precedes it,
    /// or inside a public armored block (a certificate, a CMS message).
    private func isExplained(_ secret: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>, code: CodeRegions) -> Bool {
        let value = ArraySlice(buffer[secret])
        return EntropyFilter.isStructured(value) || EntropyFilter.isSymbolOrPublic(value) || EntropyFilter.isBase64OfText(value)
            || EntropyFilter.isExplainedByContext(secret, in: buffer) || code.isInPublicArmor(secret.lowerBound)
    }

    private func accept(whole: Range<Int>, secret: Range<Int>, detector: SecretDetector, floor: Double,
                        in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // An image digest (`@sha256:<64 hex>`) is an identifier, not a secret.
        if detector.generic, secret.lowerBound >= 7, bytes[(secret.lowerBound - 7)..<secret.lowerBound].elementsEqual("sha256:".utf8) {
            return false
        }
        if detector.boundary {
            if whole.lowerBound > 0, Self.isAlphanumeric(bytes[whole.lowerBound - 1]) { return false }
            if whole.upperBound < bytes.count, Self.isAlphanumeric(bytes[whole.upperBound]) { return false }
        }
        let slice = ArraySlice(bytes[secret])
        if Entropy.bitsPerByte(slice) < floor || PublishedExamples.contains(secret, in: bytes) { return false }
        // A generic assignment to a public key's name (`PublicKeyToken=`, `publishable_key`), or of an account
        // name (`Credential = 'Domain01\Admin01'`, an e-mail address): named, not secret.
        if detector.generic, detector.span != .fence, detector.span != .codespan,
           EntropyFilter.namesPublicMaterial(whole, secret: secret, in: bytes) || EntropyFilter.isAccountName(slice)
            || EntropyFilter.isMeetingPasscode(secret, in: bytes) {
            return false
        }
        return !PlaceholderFilter.isPlaceholder(slice, detector: detector)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

/// One detector's windows in a file.
struct DetectorWindows {
    let detector: Int
    var windows: [Range<Int>]
}

/// A Markdown file's code regions, from the document's parse or parsed by cmark on first use, shared by
/// the pieces of a large file.
final class CodeRegions: @unchecked Sendable {
    private let bytes: [UInt8]
    private let lock = NSLock()
    private var parsed: MarkdownCodeRegions?

    init(_ bytes: [UInt8], known: MarkdownCodeRegions?) {
        self.bytes = bytes
        parsed = known
    }

    private var armor: [Range<Int>]?

    /// The offset lies between `-----BEGIN X-----` and `-----END X-----` of a label that is not a private key's.
    func isInPublicArmor(_ offset: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if armor == nil { armor = EntropyFilter.publicArmor(in: bytes) }
        guard let armor, !armor.isEmpty else { return false }
        var low = 0
        var high = armor.count
        while low < high {
            let middle = (low + high) / 2
            if armor[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < armor.count && armor[low].contains(offset)
    }

    var regions: MarkdownCodeRegions {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        // Fenced code needs three backticks or tildes, a code span a backtick: without either there is none.
        let regions = bytes.contains(0x60) || bytes.contains(0x7E) ? MarkdownCode.regions(in: SourceText(path: "", bytes: bytes))
            : MarkdownCodeRegions()
        parsed = regions
        return regions
    }
}

extension SecretScanner {
    /// The ranges (sorted, disjoint) that start within `piece`.
    static func within(_ piece: Range<Int>, _ ranges: [Range<Int>]) -> [Range<Int>] {
        guard piece.lowerBound > 0 || piece.upperBound < (ranges.last?.upperBound ?? 0) else { return ranges }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound < piece.lowerBound { low = middle + 1 } else { high = middle }
        }
        var result: [Range<Int>] = []
        while low < ranges.count, ranges[low].lowerBound < piece.upperBound {
            result.append(ranges[low])
            low += 1
        }
        return result
    }
}
