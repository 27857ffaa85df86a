import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Values that look like secrets but are not: examples, templates, variable references, runs of one
/// character, and (for generic detectors) names, hashes and identifiers.
package enum PlaceholderFilter {
    private static let words = ["example", "redacted", "placeholder", "dummy", "changeme", "your_", "your-", "xxxx", "****"]
        .map { Array($0.utf8) }

    package static func isPlaceholder(_ secret: ArraySlice<UInt8>, detector: SecretDetector) -> Bool {
        guard let first = secret.first, let last = secret.last else { return true }
        for word in words where ByteSearch.contains(secret, word, ignoringASCIICase: true) { return true }
        for word in detector.allow where ByteSearch.contains(secret, Array(word.utf8), ignoringASCIICase: true) { return true }
        // <value>, ${VAR}, {{ var }}, %VAR%, $VAR
        if first == 0x3C, last == 0x3E { return true }
        if first == 0x25, last == 0x25, secret.count > 2 { return true }
        if secret.starts(with: [0x7B, 0x7B]) { return true }
        if first == 0x24, secret.count > 1 {
            let next = secret[secret.startIndex + 1]
            if next == 0x7B || next == 0x28 || isLetter(next) || next == 0x5F { return true }
        }
        if mostlyOneByte(secret) || spellsPassword(secret) || isSequence(secret) { return true }
        guard detector.generic else { return false }
        // A value found across lines (a manifest's data) needs a digit or a symbol: `kind: SetNamespace` is a word.
        if detector.span == .block, secret.allSatisfy(isLetter) { return true }
        return isGenericNonSecret(secret) || isEncodedPlaceholder(secret)
    }

    /// Counting up (`0123456789abcdef…`, `abcdefgh…`): three in four neighbours are consecutive characters.
    static func isSequence(_ secret: ArraySlice<UInt8>) -> Bool {
        guard secret.count >= 8 else { return false }
        var steps = 0
        var previous: UInt8?
        for byte in secret {
            let folded = byte | 0x20
            if let previous, folded == previous &+ 1 || (previous == UInt8(ascii: "9") && folded == UInt8(ascii: "a")) { steps += 1 }
            previous = folded
        }
        return steps * 4 >= (secret.count - 1) * 3
    }

    /// The word `password` however it is dressed up (`P@S$w0rd!`, `Passw0rd1`): documentation's sample
    /// password, never a real one.
    static func spellsPassword(_ secret: ArraySlice<UInt8>) -> Bool {
        guard secret.count >= 8, secret.count <= 32 else { return false }
        let plain = secret.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "@"), UInt8(ascii: "4"): return UInt8(ascii: "a")
            case UInt8(ascii: "$"), UInt8(ascii: "5"): return UInt8(ascii: "s")
            case UInt8(ascii: "0"): return UInt8(ascii: "o")
            default: return byte | 0x20
            }
        }
        return ByteSearch.contains(plain, passwordWord) || ByteSearch.contains(plain, passwortWord)
    }

    private static let passwordWord = Array("password".utf8)
    private static let passwortWord = Array("passwort".utf8)

    /// Base64 of a placeholder (`c2VjcmV0Cg==` is `secret`): a manifest's sample value.
    static func isEncodedPlaceholder(_ secret: ArraySlice<UInt8>) -> Bool {
        guard secret.count >= 4, secret.count <= 44, secret.count % 4 == 0, var decoded = EntropyFilter.base64Decoded(secret),
              decoded.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) else { return false }
        while decoded.last == 0x0A || decoded.last == 0x20 { decoded.removeLast() }
        let word = decoded.map { $0 | 0x20 }
        if encodedWords.contains(word) || spellsPassword(decoded[...]) { return true }
        return words.contains { ByteSearch.contains(word, $0) }
    }

    /// Decoded values that are samples, not secrets.
    private static let encodedWords: Set<[UInt8]> = Set(["secret", "admin", "root", "test", "user", "value", "token", "pass",
                                                         "s3cr3t", "supersecret", "topsecret", "mysecret", "1234", "123456"]
        .map { Array($0.utf8) })

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }

    /// One byte making up 60% or more of the value (`xxxxxxxx`, `********`, `aaaa1aaaa`).
    private static func mostlyOneByte(_ secret: ArraySlice<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for byte in secret { counts[Int(byte)] += 1 }
            return (counts.max() ?? 0) * 10 >= secret.count * 6
        }
    }

    private static func isGenericNonSecret(_ secret: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(secret)
        // An environment variable's name alone: API_TOKEN.
        if let first = bytes.first, first >= 0x41, first <= 0x5A, bytes.count >= 3,
           bytes.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) { return true }
        // git SHAs (full or abbreviated).
        if bytes.count == 40 || (7...12).contains(bytes.count), bytes.allSatisfy(isHex) { return true }
        // UUIDs: 8-4-4-4-12 hex.
        if bytes.count == 36, [8, 13, 18, 23].allSatisfy({ bytes[$0] == 0x2D }),
           bytes.enumerated().allSatisfy({ [8, 13, 18, 23].contains($0.offset) || isHex($0.element | 0x20) }) { return true }
        // Image digests written whole.
        if bytes.starts(with: Array("sha256:".utf8)) { return true }
        // Paths and prose.
        if bytes.first == 0x2F || bytes.starts(with: [0x2E, 0x2F]) || bytes.starts(with: [0x7E, 0x2F]) { return true }
        return bytes.contains(0x20)
    }
}
