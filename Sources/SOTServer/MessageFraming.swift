
/// LSP's base protocol: each message is a header part (`Content-Length: N`, optionally `Content-Type`, each
/// line ended by CR LF) and an empty line, then N bytes of JSON. `MessageReader` is fed bytes as they arrive
/// (any split, several messages at once) and gives back whole message bodies; `MessageWriter` frames one
/// body as one byte string, written in one call, so that messages never interleave.
public struct MessageReader {
    /// A header part the protocol does not allow: the connection cannot be read on.
    public struct FramingError: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        public var description: String { "LSP message framing: \(reason)" }
    }

    /// Received bytes not yet part of a returned message.
    private var pending: [UInt8] = []
    /// Where the unread part of `pending` starts (kept, then dropped in bulk: no copy per message).
    private var start = 0
    /// The body length of the message whose header was read, while its body is incomplete.
    private var bodyLength: Int?
    /// A header part longer than this is not one (it guards memory against a stream that never says
    /// `Content-Length`); a body may be as long as the header says.
    public static let longestHeader = 8_192

    public init() {}

    /// The bodies completed by `bytes`, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(FramingError) -> [[UInt8]] {
        pending.append(contentsOf: bytes)
        var bodies: [[UInt8]] = []
        while true {
            if bodyLength == nil {
                guard let (length, headerEnd) = try header() else { break }
                bodyLength = length
                start = headerEnd
            }
            guard let length = bodyLength, pending.count - start >= length else { break }
            bodies.append(Array(pending[start..<(start + length)]))
            start += length
            bodyLength = nil
        }
        // Drop what was read once it is most of the buffer: amortised linear in the bytes received.
        if start > 0, start * 2 >= pending.count {
            pending.removeFirst(start)
            start = 0
        }
        return bodies
    }

    /// The body length and the offset after the header part, when the whole header part has arrived.
    private func header() throws(FramingError) -> (length: Int, end: Int)? {
        let terminator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        var index = start
        let limit = pending.count - terminator.count
        var found: Int?
        while index <= limit {
            if pending[index] == 0x0D, pending[index + 1] == 0x0A, pending[index + 2] == 0x0D, pending[index + 3] == 0x0A {
                found = index
                break
            }
            index += 1
        }
        guard let end = found else {
            if pending.count - start > Self.longestHeader {
                throw FramingError(reason: "no end of the header part within \(Self.longestHeader) bytes")
            }
            return nil
        }
        var length: Int?
        for line in String(decoding: pending[start..<end], as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { throw FramingError(reason: "a header line without a colon: \(line.prefix(80))") }
            let name = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else { throw FramingError(reason: "Content-Length is not a length: \(value.prefix(40))") }
                length = number
            }
        }
        guard let length else { throw FramingError(reason: "a header part without Content-Length") }
        return (length, end + terminator.count)
    }
}

/// Frames message bodies for the wire.
public enum MessageWriter {
    /// `body` with its header part, as one byte string.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
