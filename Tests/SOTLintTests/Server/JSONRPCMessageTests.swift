import XCTest
@testable import SOTServer

/// JSON-RPC messages of LSP: what a body is, and the bytes a message is written as.
final class JSONRPCMessageTests: XCTestCase {
    private func parse(_ text: String) -> Result<JSONRPCMessage, JSONRPCMessage.ResponseError> {
        JSONRPCMessage.parse(Array(text.utf8))
    }

    func testRequestsNotificationsAndResponses() throws {
        guard case .request(let id, let method, let params as [String: Any]) = try parse(#"{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"rootUri":null}}"#).get() else {
            return XCTFail("a request")
        }
        XCTAssertEqual(id, .number(7))
        XCTAssertEqual(method, "initialize")
        XCTAssertTrue(params["rootUri"] is NSNull)
        guard case .request(.string("a-1"), "shutdown", nil) = try parse(#"{"jsonrpc":"2.0","id":"a-1","method":"shutdown"}"#).get() else {
            return XCTFail("a string id")
        }
        guard case .notification("exit", nil) = try parse(#"{"jsonrpc":"2.0","method":"exit"}"#).get() else { return XCTFail("a notification") }
        guard case .response(.number(3), _, let error?) = try parse(#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}"#).get() else {
            return XCTFail("an error response")
        }
        XCTAssertEqual(error, JSONRPCMessage.ResponseError(code: -32601, message: "no"))
    }

    func testWhatIsNotAMessage() {
        for text in ["", "[]", "{", #"{"jsonrpc":"2.0"}"#, #"{"id":true,"method":"x"}"#, #"{"id":1.5,"method":"x"}"#] {
            guard case .failure(let error) = parse(text) else { return XCTFail(text) }
            XCTAssertTrue([JSONRPCMessage.ResponseError.parseError, JSONRPCMessage.ResponseError.invalidRequest].contains(error.code), text)
        }
    }

    func testBodiesAreDeterministicAndReadBack() throws {
        let message = JSONRPCMessage.response(id: .number(1), result: ["b": 1, "a": ["x/y", "é"]], error: nil)
        let body = String(decoding: message.body, as: UTF8.self)
        XCTAssertEqual(body, #"{"id":1,"jsonrpc":"2.0","result":{"a":["x/y","é"],"b":1}}"#)
        XCTAssertEqual(String(decoding: JSONRPCMessage.response(id: .string("q"), result: nil, error: nil).body, as: UTF8.self),
                       #"{"id":"q","jsonrpc":"2.0","result":null}"#, "a result is always present, null when there is none")
        let error = JSONRPCMessage.ResponseError(code: JSONRPCMessage.ResponseError.parseError, message: "bad")
        XCTAssertEqual(String(decoding: JSONRPCMessage.errorWithoutID(error), as: UTF8.self),
                       #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
        guard case .notification("window/logMessage", let params as [String: Any]) = try JSONRPCMessage.parse(
            JSONRPCMessage.notification(method: "window/logMessage", params: ["type": 3, "message": "hi"]).body).get() else {
            return XCTFail("a notification read back")
        }
        XCTAssertEqual(params["message"] as? String, "hi")
    }
}
