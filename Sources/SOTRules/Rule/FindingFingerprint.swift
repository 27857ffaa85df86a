import SOTSource
import SOTSyntax
import SOTModel

/// Fingerprints of findings that stay the same when lines move: what code scanning (SARIF
/// `partialFingerprints`) needs to follow an alert from one commit to the next.
///
/// A finding is identified by its rule, its path without a leading `./`, and its message with every
/// number that is not part of a word or an ID replaced by `#` (so `also at b.md:12`, `182 days ago` and
/// `(100000 issues)` do not move the fingerprint, while `CTO-WORK-021` still tells issues apart); the
/// findings of a report that agree on all three are numbered in report order. The fingerprint is the
/// first 16 bytes of the SHA-256 of that, in hex: it never holds the message, and a secret finding's
/// message names only the detector and the secret's own fingerprint.
public enum FindingFingerprint {
    /// The fingerprints of `diagnostics`, in their order.
    public static func of(_ diagnostics: [Diagnostic]) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let key = diagnostic.rule + "\u{0}" + repositoryPath(diagnostic.path) + "\u{0}" + normalized(diagnostic.message)
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let digest = ContentHash(Array((key + "\u{0}\(occurrence)").utf8)).description
            return String(digest.prefix(32))
        }
    }

    /// `path` without leading `./` segments: the form code scanning and annotations resolve against the
    /// repository (`./docs/a.md` and `docs/a.md` are one file).
    public static func repositoryPath(_ path: String) -> String {
        var rest = Substring(path)
        while rest.hasPrefix("./") {
            rest = rest.dropFirst(2)
            while rest.hasPrefix("/") { rest = rest.dropFirst() }
        }
        return rest.isEmpty ? path : String(rest)
    }

    /// The message with every digit run that does not follow a letter, digit, `_` or `-` replaced by `#`.
    package static func normalized(_ message: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(message.utf8.count)
        var previous: UInt8 = 0
        var inNumber = false
        for byte in message.utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit && (inNumber || !isWordByte(previous)) {
                if !inNumber { result.append(UInt8(ascii: "#")) }
                inNumber = true
            } else {
                inNumber = false
                result.append(byte)
            }
            previous = byte
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
            || byte >= 0x80
    }
}
