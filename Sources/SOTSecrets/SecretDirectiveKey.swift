import SOTSource
import SOTSyntax
import SOTModel
import SOTRules

/// Where a `sot-lint-allow-secret` directive applies: the line it is on and the detector it names.
/// Keys the lookup of directives by the secrets they may allow.
package struct SecretDirectiveKey: Hashable {
    package let line: Int
    package let detector: String
}
