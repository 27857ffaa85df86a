import SOTSource

/// The words a line needs before a provider-context detector believes a value of the provider's shape is a
/// credential, and the bytes a value is made of.
package enum ContextWords {
    /// Lower-case stems: `key` (`API_KEY`, `apikey`, `license key`), `token`, `secret`, `pass` (`password`,
    /// `passphrase`, `passwd`), `pwd`, `credential`, `auth` (`Authorization`, `OAuth`), `dsn`, `signing`.
    package static let stems: [[UInt8]] = ["key", "token", "secret", "pass", "pwd", "credential", "auth", "dsn", "signing"]
        .map { Array($0.utf8) }

    package static func namesSecret(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        stems.contains { ByteSearch.contains(line, $0, ignoringASCIICase: true) }
    }

    /// Hex digits and dashes only: a hex key or a UUID.
    package static func isHex(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        value.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || $0 == 0x2D }
    }

    /// Letters, digits and `_ - + / . ~`: a value's bytes (`=` only as trailing padding).
    package static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D, 0x2B, 0x2F, 0x2E, 0x7E: return true
        default: return false
        }
    }
}
