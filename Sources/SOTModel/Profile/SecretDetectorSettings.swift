import SOTSource

/// What `secrets.detectors` in `.sot-lint.yml` says of one secret detector: turned off, reported at a
/// severity of its own instead of `secret-leak`'s, or held to its own entropy floor (bits per byte).
public struct SecretDetectorSettings: Sendable, Equatable {
    public var off = false
    public var severity: Severity?
    public var entropy: Double?

    public init(off: Bool = false, severity: Severity? = nil, entropy: Double? = nil) {
        self.off = off
        self.severity = severity
        self.entropy = entropy
    }
}
