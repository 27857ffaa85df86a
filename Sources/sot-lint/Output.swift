#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error, unbuffered by Swift's print so large reports go out in one write.
enum Output {
    static func write(_ text: String) {
        writeAll(text, to: STDOUT_FILENO)
    }

    static func write(bytes: UnsafeBufferPointer<UInt8>) {
        writeAll(bytes, to: STDOUT_FILENO)
    }

    static func error(_ line: String) {
        writeAll("sot-lint: " + line + "\n", to: STDERR_FILENO)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// `auto` colours only a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func useColor(_ choice: String) -> Bool {
        switch choice {
        case "always": return true
        case "never": return false
        default:
            if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
            return isatty(STDOUT_FILENO) != 0
        }
    }
}

/// Large results handed over here live until the process exits: freeing a workspace of thousands of
/// documents object by object costs more than the operating system reclaiming it at once.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        kept.append(value)
    }
}
