/// sot-lint's own reports, recognised by how each begins, so that a report written into a checkout
/// (`--output report.sarif`, as docs/ci.md does) is never linted or scanned by the next run: the rule
/// help a SARIF report embeds quotes example tokens, and those are not the project's secrets.
///
/// The beginnings are the reporters' (SOTReport), which this target cannot see; a test writes a report in
/// every format and checks that each is recognised here.
package enum OwnReport {
    /// The first bytes of a JSON, SARIF, JUnit or GitHub-annotations report by sot-lint, and of a baseline.
    package static let beginnings: [[UInt8]] = [
        #"{"version": 1,"# + "\n" + #" "summary": {"files": "#,
        #"{"$schema": "https://json.schemastore.org/sarif-2.1.0.json","# + "\n" + #" "version": "2.1.0","# + "\n"
            + #" "runs": ["# + "\n" + #"  {"tool": {"driver": {"name": "sot-lint", "#,
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + #"<testsuites name="sot-lint" "#,
        "::error file=", "::warning file=", "::notice file=",
        // A project's baseline (`Baseline.encoded`): hex fingerprints are no secrets to scan.
        #"{"tool": "sot-lint", "kind": "baseline","#,
    ].map { Array($0.utf8) }

    /// True when `bytes` begin as one of sot-lint's reports do.
    package static func isOwnReport(_ bytes: [UInt8]) -> Bool {
        beginnings.contains { bytes.starts(with: $0) }
    }
}
