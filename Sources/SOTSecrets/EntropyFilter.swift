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

    /// A number, a hex run (a hash or a GUID part), or a word: letters with one short digit run inside
    /// (two in a word under 10 characters: `k8s`, `v1alpha1`, `X509Subject…`), optional leading digits (`3D`) and trailing digits
    /// (`amd64`, `Win32`). A random token has digit runs all through it.
    private static func isStructuredSegment(_ segment: ArraySlice<UInt8>) -> Bool {
        if segment.allSatisfy(isDigit) { return true }
        if segment.count >= 4, segment.allSatisfy(isHex), segment.contains(where: isDigit) { return true }
        var index = segment.startIndex
        var leading = 0
        while index < segment.endIndex, isDigit(segment[index]) {
            index += 1
            leading += 1
        }
        guard index < segment.endIndex else { return false }
        if leading > 2 {
            // A count and its unit (`5000Nodes`), or a basic ISO date and time (`200719T231746Z`).
            let rest = segment[index...]
            if leading <= 5, rest.count >= 3, rest.allSatisfy(isLetter), rest.dropFirst().allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return true }
            let time = rest.dropFirst().last == 0x5A ? rest.dropFirst().dropLast() : rest.dropFirst()
            return (6...8).contains(leading) && rest.first == 0x54 && (4...6).contains(time.count) && time.allSatisfy(isDigit)
        }
        var interiorRuns = 0
        while index < segment.endIndex {
            while index < segment.endIndex, isLetter(segment[index]) { index += 1 }
            let digits = index
            while index < segment.endIndex, isDigit(segment[index]) { index += 1 }
            let run = index - digits
            if run == 0 { continue }
            if index == segment.endIndex { return run <= 4 }
            interiorRuns += 1
            if run > 3 || interiorRuns > (segment.count >= 10 ? 1 : 2) { return false }
        }
        return true
    }

    /// Names of code that look random but are not: Rust (`_R…`) and Itanium C++ (`_Z…`) mangled symbols,
    /// keys or ids marked public (`k3.public.…`, `k3.pid.…`), and Kubernetes' generated pod names.
    package static func isSymbolOrPublic(_ value: ArraySlice<UInt8>) -> Bool {
        if value.starts(with: [0x5F, 0x52]) || value.starts(with: [0x5F, 0x5A]) { return true }
        for marker in publicMarkers where ByteSearch.contains(value, marker, ignoringASCIICase: true) { return true }
        return isGeneratedPodName(value)
    }

    /// `<name>-<5 to 10>-<5>` in lower case, digits and dashes: a Deployment's pod (name, ReplicaSet hash,
    /// random suffix), as `kubectl get pods` prints it (`web-7d4b9c6f5-x2kqz`).
    static func isGeneratedPodName(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.allSatisfy({ isDigit($0) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }) else { return false }
        let parts = value.split(separator: 0x2D, omittingEmptySubsequences: false)
        guard parts.count >= 3, let suffix = parts.last, suffix.count == 5 else { return false }
        return (5...10).contains(parts[parts.count - 2].count) && parts.dropLast(2).allSatisfy { !$0.isEmpty }
    }

    /// Marked public: PASERK public keys and ids, Stripe's publishable keys, SSH public keys' base64 (which
    /// begins with its encoded type: `ssh-rsa`, `ssh-ed25519`, `ecdsa-sha2-`).
    private static let publicMarkers = [".public.", ".pid.", "_public_", "-public-", "pk_live_", "pk_test_",
                                        "AAAAB3NzaC1yc2E", "AAAAC3NzaC1lZDI1NTE5", "AAAAE2VjZHNhLXNoYTIt"].map { Array($0.utf8) }

    /// The value is base64 of text (`SGVsbG8gV29ybGQ…`): printable once decoded.
    package static func isBase64OfText(_ value: ArraySlice<UInt8>) -> Bool {
        guard value.count >= 16, let decoded = base64Decoded(value) else { return false }
        let printable = decoded.count { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return decoded.count >= 12 && printable * 100 >= decoded.count * 95
    }

    /// The bytes `value` encodes in base64 (standard or URL-safe alphabet, padding ignored); nil when it
    /// holds any other byte.
    package static func base64Decoded(_ value: ArraySlice<UInt8>) -> [UInt8]? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(value.count * 3 / 4)
        var bits = 0
        var buffer = 0
        for byte in value {
            let sextet: Int
            switch byte {
            case 0x41...0x5A: sextet = Int(byte) - 0x41
            case 0x61...0x7A: sextet = Int(byte) - 0x61 + 26
            case 0x30...0x39: sextet = Int(byte) - 0x30 + 52
            case 0x2B, 0x2D: sextet = 62
            case 0x2F, 0x5F: sextet = 63
            case 0x3D: continue
            default: return nil
            }
            buffer = (buffer << 6 | sextet) & 0xFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                decoded.append(UInt8((buffer >> bits) & 0xFF))
            }
        }
        return decoded
    }

    /// What stands before the value on its line says it is not a secret: its token marks it public
    /// (`k3.public.`), it sits in a URL without credentials, in a SOPS `ENC[…]` ciphertext, or after a hash's name (`sha512-`, `SHA256:`,
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
        // A key or id marked public in the token (`k3.public.…`, `v3.public.…`, `k3.pid.…`).
        for marker in publicMarkers where ByteSearch.contains(token, marker, ignoringASCIICase: true) { return true }
        if let scheme = ByteSearch.firstIndex(of: Self.urlScheme, in: token), !token[scheme...].contains(0x40) {
            // Credentials (`user:value@host`) are no explanation: the rest of the token has no `@` either.
            var end = secret.upperBound
            steps = 0
            while end < bytes.count, steps < 512, !isTokenBreak(bytes[end]), bytes[end] != 0x2F {
                if bytes[end] == 0x40 { return false }
                end += 1
                steps += 1
            }
            return true
        }
        // An OAuth client ID names its Google project: public by design (`123…-abc….apps.googleusercontent.com`).
        if bytes.count - secret.upperBound >= Self.googleClientSuffix.count,
           bytes[secret.upperBound..<(secret.upperBound + Self.googleClientSuffix.count)].elementsEqual(Self.googleClientSuffix) {
            return true
        }
        // The line before it, at most 512 bytes: a ciphertext marker (a SOPS value's `iv:` and `tag:` come long
        // after its `ENC[`); within 64 bytes, a hash's name, a data URI's `base64,` or an SSH public key's type.
        var lineStart = secret.lowerBound
        steps = 0
        while lineStart > 0, steps < 512, bytes[lineStart - 1] != 0x0A {
            lineStart -= 1
            steps += 1
        }
        let line = bytes[lineStart..<secret.lowerBound]
        let before = line.suffix(64)
        if publicKeyTypes.contains(where: { ByteSearch.contains(before, $0) }) { return true }
        var marker = line.startIndex
        var open: Int?
        while let found = ByteSearch.firstIndex(of: Self.sopsMarker, in: line[marker...]) {
            open = found
            marker = found + 1
        }
        if let open, !line[open...].contains(0x5D) { return true }
        return hashNames.contains { ByteSearch.contains(before, $0, ignoringASCIICase: true) }
    }

    /// A meeting link's passcode (`https://zoom.us/j/912…?pwd=…`): published with the invitation so that
    /// anyone with the link can join; the link is its only use.
    package static func isMeetingPasscode(_ secret: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard secret.lowerBound >= 4, bytes[(secret.lowerBound - 4)..<secret.lowerBound].elementsEqual("pwd=".utf8) else { return false }
        var start = secret.lowerBound - 4
        // Back over the URL (no spaces, quotes or brackets) to its start, at most 512 bytes.
        while start > 0, secret.lowerBound - start < 512, !isURLStop(bytes[start - 1]) { start -= 1 }
        let url = ArraySlice(bytes[start..<secret.lowerBound])
        return meetingHosts.contains { ByteSearch.contains(url, $0, ignoringASCIICase: true) }
    }

    private static let meetingHosts = ["zoom.us/", "zoom.com/", "zoomgov.com/"].map { Array($0.utf8) }

    private static func isURLStop(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x3C
    }

    /// The key a generic assignment names is public by name: `PublicKeyToken`, `public_key`,
    /// `publishable_key`. `whole` is the assignment as matched; the key's name may begin before it (the
    /// match starts at its keyword, `Token` in `PublicKeyToken`).
    package static func namesPublicMaterial(_ whole: Range<Int>, secret: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = whole.lowerBound
        var steps = 0
        while start > 0, steps < 64, isAlphanumeric(bytes[start - 1]) || bytes[start - 1] == 0x5F || bytes[start - 1] == 0x2D {
            start -= 1
            steps += 1
        }
        let key = bytes[start..<max(start, secret.lowerBound)]
        return ByteSearch.contains(key, publicWord, ignoringASCIICase: true)
    }

    /// An account, not a password: `DOMAIN\user` or `DOMAIN/user` (two names), or an e-mail address.
    package static func isAccountName(_ value: ArraySlice<UInt8>) -> Bool {
        let isName: (UInt8) -> Bool = { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
        // A name: a letter, letters and `._-`, then at most four digits (`Domain01`, `admin01`).
        func isAccountPart(_ part: ArraySlice<UInt8>) -> Bool {
            guard let first = part.first, isLetter(first), part.count <= 32 else { return false }
            let body = part.prefix { !isDigit($0) }
            let digits = part.dropFirst(body.count)
            return body.allSatisfy(isName) && digits.count <= 4 && digits.allSatisfy(isDigit)
        }
        if let separator = value.firstIndex(where: { $0 == 0x5C || $0 == 0x2F }) {
            return isAccountPart(value[value.startIndex..<separator]) && isAccountPart(value[(separator + 1)...])
        }
        if let at = value.firstIndex(of: 0x40) {
            let local = value[value.startIndex..<at]
            let host = value[(at + 1)...]
            return !local.isEmpty && local.allSatisfy { isName($0) || $0 == 0x2B } && host.contains(0x2E)
                && host.allSatisfy(isName) && host.last.map(isLetter) == true
        }
        return false
    }

    private static let publicWord = Array("public".utf8)

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
    private static let googleClientSuffix = Array(".apps.googleusercontent.com".utf8)
    /// An SSH public key's type before its base64, and a data URI's payload marker.
    private static let publicKeyTypes = ["ssh-rsa ", "ssh-ed25519 ", "ssh-dss ", "ecdsa-sha2-", "sk-ssh-ed25519", "sk-ecdsa-sha2-", ";base64,"]
        .map { Array($0.utf8) }
    private static let hashNames = ["h1:", "sha1", "sha256", "sha384", "sha512", "md5", "checksum", "digest", "thumbprint", "integrity", "hash"]
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
