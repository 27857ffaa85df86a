/// A finding allowed by fingerprint in `.sot-lint.yml` (`secrets.allow`), with its reason.
public struct SecretAllowance: Sendable, Equatable {
    public let fingerprint: String
    public let reason: String

    public init(fingerprint: String, reason: String) {
        self.fingerprint = fingerprint
        self.reason = reason
    }
}
