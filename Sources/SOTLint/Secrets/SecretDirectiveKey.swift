/// Where a `sot-lint-allow-secret` directive applies: the line it is on and the detector it names.
/// Keys the lookup of directives by the secrets they may allow.
struct SecretDirectiveKey: Hashable {
    let line: Int
    let detector: String
}
