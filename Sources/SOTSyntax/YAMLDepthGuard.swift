import SOTSource

/// Yams composes nested YAML recursively; absurd nesting would exhaust a worker thread's stack.
/// Front matter and profiles are shallow, so text nested deeper than a limit is refused before Yams sees it.
package enum YAMLDepthGuard {
    package static let maximumFlowDepth = 32
    package static let maximumIndentation = 128

    /// A description of the problem and its 1-based line, or nil when the text is shallow enough.
    package static func problem(in bytes: ArraySlice<UInt8>) -> (message: String, line: Int)? {
        var line = 1
        var depth = 0
        var column = 0
        var atLineStart = true
        var quote: UInt8?
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 0
                atLineStart = true
                quote = nil
                continue
            }
            if atLineStart {
                if byte == 0x20 {
                    column += 1
                    if column > maximumIndentation {
                        return ("YAML nested deeper than \(maximumIndentation) columns of indentation", line)
                    }
                    continue
                }
                atLineStart = false
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case 0x22, 0x27: quote = byte
            case 0x5B, 0x7B:
                depth += 1
                if depth > maximumFlowDepth { return ("YAML nested deeper than \(maximumFlowDepth) brackets", line) }
            case 0x5D, 0x7D: depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
