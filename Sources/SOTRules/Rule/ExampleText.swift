import SOTSource
import SOTSyntax
import SOTModel

/// Building blocks for rule examples.
package enum ExampleText {
    /// A valid front matter, H1 and disclaimer: 14 lines, so an example body starts on line 15.
    package static let header = """
    ---
    title: Example
    status: active
    lifecycle_classification: sot
    owner: jp
    created: 2026-01-05
    last_reviewed: 2026-06-01
    core_promotion_status: not-promoted
    route: cto
    ---
    # Example

    Local planning SOT only. Not a Core Protocol. Not active Core authority.


    """

    /// An SOT document whose body is `body`.
    package static func sot(_ body: String) -> String {
        header + body
    }

    /// A second document of the same route, for workspace examples.
    package static func companion(title: String, _ body: String) -> String {
        header.replacingAll("Example", with: title) + body
    }
}


