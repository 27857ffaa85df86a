/// A finding allowed in `.sot-lint.yml` (`secrets.allow`), with its reason: by the fingerprint findings
/// print, or by a pattern the whole secret matches (a published example key, a test fixture's keys),
/// optionally for one detector only.
public struct SecretAllowance: Sendable, Equatable {
    /// Twelve lower-case hex digits, as findings print them; nil for a value allowance.
    public let fingerprint: String?
    /// A POSIX extended regular expression the whole secret must match; nil for a fingerprint allowance.
    public let value: String?
    /// The detector a value allowance is limited to, if any.
    public let detector: String?
    public let reason: String

    public init(fingerprint: String, reason: String) {
        self.fingerprint = fingerprint
        value = nil
        detector = nil
        self.reason = reason
    }

    public init(value: String, detector: String?, reason: String) {
        fingerprint = nil
        self.value = value
        self.detector = detector
        self.reason = reason
    }

    /// What a project fact records when this allowance allowed a finding: its fingerprint, or its pattern.
    public var fact: String {
        fingerprint ?? "value:" + (value ?? "")
    }
}
