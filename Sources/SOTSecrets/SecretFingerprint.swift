import SOTSource
import SOTSyntax
import SOTModel
import SOTRules
import Crypto

/// The first 12 hex digits of SHA-256 over detector id + secret: names a secret without revealing it.
public enum SecretFingerprint {
    public static func of(detector: String, secret: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(detector.utf8))
        hasher.update(data: Array(secret))
        let digest = hasher.finalize()
        let hex = digest.map { byte -> String in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        return String(hex.prefix(12))
    }
}
