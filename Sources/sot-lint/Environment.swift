import SOTSource
import SOTModel
import SOTRules
import SOTSecrets
import SOTEngine
import SOTReport
import SOTFix
#if canImport(Glibc)
import Glibc
#endif

/// Environment variables the command line reads.
enum Environment {
    /// `SOT_LINT_TODAY=YYYY-MM-DD` lints as of that day (reproducible date rules in tests and audits).
    static func today() throws -> CalendarDate {
        guard let raw = getenv("SOT_LINT_TODAY").map({ String(cString: $0) }), !raw.isEmpty else { return .today() }
        guard let date = CalendarDate(raw) else {
            throw SOTLintError.usage("SOT_LINT_TODAY: `\(raw)` is not a date written YYYY-MM-DD")
        }
        return date
    }
}
