import CYaml
import SOTSource

/// Bounds what YAML aliases expand to, before Yams sees the text.
///
/// Yams composes an alias as the anchored node itself (shared, not copied), but everything that walks the
/// result sees the expansion: converting a profile into `ConfigNode` copies it (a 9-level "billion laughs"
/// reached 2.6 GB in 10 s), and Yams hashes every mapping key while composing, so an alias used as a key
/// costs its whole expansion even there. So the text is first read as a stream of libyaml events (the
/// parser Yams itself runs), and the size of every anchored node is computed bottom-up, aliases counting
/// their anchor's size: linear work. The text is refused once the aliases expand to more than
/// `maximumExpandedNodes` nodes; nodes written out in the text are not limited here (100,000 front
/// matter keys are fine).
package enum YAMLAliasBudget {
    package static let maximumExpandedNodes = 100_000

    package struct Excess {
        package let message: String
        /// 1-based line and column of the alias that passed the limit.
        package let line: Int
        package let column: Int
    }

    /// The alias past the limit, or nil when the aliases stay within it. Text that libyaml cannot parse is
    /// left to Yams, which reports the error itself: it fails at the same event, before expanding more
    /// than was counted here.
    package static func excess(in text: String) -> Excess? {
        // An alias is written `*name`: text without an asterisk has none, and needs no second parse.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Excess? in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var sizes = AnchorSizes()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    sizes.leaf(anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    sizes.open(anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT:
                    sizes.open(anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    sizes.close()
                case YAML_ALIAS_EVENT:
                    sizes.alias(name(event.data.alias.anchor))
                    if sizes.expanded > maximumExpandedNodes {
                        return Excess(message: "YAML aliases expand to more than \(maximumExpandedNodes) nodes",
                                      line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    }
                default:
                    continue
                }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
