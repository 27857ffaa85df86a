import SOTSource

/// What the high-entropy detectors of code (fenced blocks and code spans) must not report: text that is
/// varied but structured, as real documentation is full of. Each test is linear in the value or in a
/// bounded stretch before it.
package enum EntropyFilter {
    /// The value is made of words, numbers and hashes joined by punctuation: identifiers and `Verb-Noun`
    /// names (`Add-ADFineGrainedPasswordPolicySubject`, `msDS-AllowedToActOnBehalfOfOtherIdentity`),
    /// paths (`XDG_DATA_HOME/powershell/PSReadLine`), .NET and assembly names with their version and public
    /// key token (`PublicKeyToken=31bf3856ad364e35`, `amd64_microsoft-windows-…_31bf3856ad364e35_10.0.22621.30`),
    /// names with a GUID (`__DynamicModule_6b5cbe82-d634-41d1-ae5e-ad7fe8d57fe0`), `key=number` pairs.
    /// A random secret has digits among its letters almost everywhere; these never do.
    package static func isStructured(_ value: ArraySlice<UInt8>) -> Bool {
        var segments = 0
        var index = value.startIndex
        while index < value.endIndex {
            guard isAlphanumeric(value[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < value.endIndex, isAlphanumeric(value[index]) { index += 1 }
            guard isStructuredSegment(value[start..<index]) else { return false }
            segments += 1
        }
        return segments > 0
    }

    /// A number, a hex run (a hash or a GUID part), or a word: optional leading digits (`3D`), letters in
    /// any case (camel humps included), optional trailing digits (`amd64`, `Win32`).
    private static func isStructuredSegment(_ segment: ArraySlice<UInt8>) -> Bool {
        if segment.allSatisfy(isDigit) { return true }
        if segment.count >= 4, segment.allSatisfy(isHex), segment.contains(where: isDigit) { return true }
        var index = segment.startIndex
        var leading = 0
        while index < segment.endIndex, isDigit(segment[index]), leading < 2 {
            index += 1
            leading += 1
        }
        let letters = index
        while index < segment.endIndex, isLetter(segment[index]) { index += 1 }
        guard index > letters else { return false }
        var trailing = 0
        while index < segment.endIndex, isDigit(segment[index]) {
            index += 1
            trailing += 1
        }
        return index == segment.endIndex && trailing <= 4
    }

    /// The value is base64 of text (`SGVsbG8gV29ybGQ…`): printable once decoded.
    package static func isBase64OfText(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.count >= 16 else { return false }
        var bits = 0
        var buffer = 0
        var decoded = 0
        var printable = 0
        for byte in value {
            let sextet: Int
            switch byte {
            case 0x41...0x5A: sextet = Int(byte) - 0x41
            case 0x61...0x7A: sextet = Int(byte) - 0x61 + 26
            case 0x30...0x39: sextet = Int(byte) - 0x30 + 52
            case 0x2B, 0x2D: sextet = 62
            case 0x2F, 0x5F: sextet = 63
            case 0x3D: continue
            default: return false
            }
            buffer = (buffer << 6 | sextet) & 0xFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                let character = (buffer >> bits) & 0xFF
                decoded += 1
                if (character >= 0x20 && character < 0x7F) || character == 0x0A || character == 0x0D || character == 0x09 { printable += 1 }
            }
        }
        return decoded >= 12 && printable * 100 >= decoded * 95
    }

    /// What stands before the value on its line says it is not a secret: it sits in a URL without
    /// credentials, in a SOPS `ENC[…]` ciphertext, or after a hash's name (`sha512-`, `SHA256:`,
    /// `checksum`, `thumbprint`).
    package static func isExplainedByContext(_ secret: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The token holding the value: back to whitespace, a quote or a bracket that opens it.
        var start = secret.lowerBound
        var steps = 0
        while start > 0, steps < 512, !isTokenBreak(bytes[start - 1]) {
            start -= 1
            steps += 1
        }
        let token = bytes[start..<secret.lowerBound]
        if let scheme = ByteSearch.firstIndex(of: Self.urlScheme, in: token), !token[scheme...].contains(0x40) { return true }
        // The line before it, at most 64 bytes: a ciphertext marker or a hash's name.
        var lineStart = secret.lowerBound
        steps = 0
        while lineStart > 0, steps < 64, bytes[lineStart - 1] != 0x0A {
            lineStart -= 1
            steps += 1
        }
        let before = bytes[lineStart..<secret.lowerBound]
        var marker = before.startIndex
        var open: Int?
        while let found = ByteSearch.firstIndex(of: Self.sopsMarker, in: before[marker...]) {
            open = found
            marker = found + 1
        }
        if let open, !before[open...].contains(0x5D) { return true }
        return hashNames.contains { ByteSearch.contains(before, $0, ignoringASCIICase: true) }
    }

    /// The ranges between `-----BEGIN LABEL-----` and `-----END LABEL-----` whose label is not a private
    /// key's: certificates, public keys, CMS and PGP messages are public or ciphertext, not secrets.
    package static func publicArmor(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var from = 0
        while let begin = ByteSearch.firstIndex(of: Self.armorBegin, in: bytes[from...]) {
            var labelEnd = begin + armorBegin.count
            while labelEnd < bytes.count, labelEnd - begin < 80, bytes[labelEnd] != 0x2D, bytes[labelEnd] != 0x0A { labelEnd += 1 }
            let label = bytes[(begin + armorBegin.count)..<labelEnd]
            guard let end = ByteSearch.firstIndex(of: Self.armorEnd, in: bytes[labelEnd...]) else { break }
            if !ByteSearch.contains(label, Array("PRIVATE".utf8)) { ranges.append(begin..<end) }
            from = end + armorEnd.count
        }
        return ranges
    }

    private static let urlScheme = Array("://".utf8)
    private static let sopsMarker = Array("ENC[".utf8)
    private static let armorBegin = Array("-----BEGIN ".utf8)
    private static let armorEnd = Array("-----END ".utf8)
    private static let hashNames = ["sha1", "sha256", "sha384", "sha512", "md5", "checksum", "digest", "thumbprint", "integrity", "hash"]
        .map { Array($0.utf8) }

    private static func isTokenBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x22 || byte == 0x27 || byte == 0x60
            || byte == 0x28 || byte == 0x3C || byte == 0x5B
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46) }
}
