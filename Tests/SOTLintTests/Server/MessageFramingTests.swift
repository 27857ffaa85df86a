import XCTest
@testable import SOTServer

/// The LSP base protocol's framing, however the bytes arrive.
final class MessageFramingTests: XCTestCase {
    private let bodies = [#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#, #"{"jsonrpc":"2.0","method":"initialized"}"#,
                          "{\"text\":\"é 𝄞 \\r\\n\"}", ""].map { Array($0.utf8) }

    private var wire: [UInt8] {
        bodies.flatMap(MessageWriter.frame)
    }

    func testMessagesSplitAtEveryByteOrAllAtOnce() throws {
        for chunk in [1, 2, 3, 7, 64, wire.count] {
            var reader = MessageReader()
            var received: [[UInt8]] = []
            var index = 0
            while index < wire.count {
                received += try reader.feed(wire[index..<min(wire.count, index + chunk)])
                index += chunk
            }
            XCTAssertEqual(received, bodies, "chunks of \(chunk)")
        }
    }

    func testOtherHeadersAndCaseAreAccepted() throws {
        var reader = MessageReader()
        let message = Array("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}".utf8)
        XCTAssertEqual(try reader.feed(message), [Array("{}".utf8)])
    }

    func testABadHeaderIsAnErrorNotAHang() {
        for bad in ["Content-Type: json\r\n\r\n{}", "Content-Length: -1\r\n\r\n", "Content-Length: ten\r\n\r\n", "no colon\r\n\r\n"] {
            var reader = MessageReader()
            XCTAssertThrowsError(try reader.feed(Array(bad.utf8)), bad)
        }
        var reader = MessageReader()
        XCTAssertThrowsError(try reader.feed([UInt8](repeating: 0x41, count: MessageReader.longestHeader + 1)), "a header that never ends")
    }

    func testAnIncompleteBodyWaits() throws {
        var reader = MessageReader()
        XCTAssertEqual(try reader.feed(Array("Content-Length: 4\r\n\r\n{}".utf8)), [])
        XCTAssertEqual(try reader.feed(Array("  ".utf8)), [Array("{}  ".utf8)])
    }
}
