import Foundation

/// One JSON-RPC 2.0 message of LSP: a request (has an id and a method), a notification (a method, no id)
/// or a response (an id, a result or an error). Read from a message body with Foundation's JSON parser,
/// which gives the `params` as plain dictionaries and arrays.
public enum JSONRPCMessage {
    case request(id: RequestID, method: String, params: Any?)
    case notification(method: String, params: Any?)
    case response(id: RequestID, result: Any?, error: ResponseError?)

    /// A request id: LSP allows a number or a string.
    public enum RequestID: Hashable, Sendable {
        case number(Int)
        case string(String)

        var json: Any {
            switch self {
            case .number(let number): return number
            case .string(let string): return string
            }
        }

        init?(_ value: Any?) {
            // Foundation gives JSON numbers and booleans as NSNumber: a boolean's type code is `c`, a
            // fraction's `d` or `f`; only whole numbers are ids.
            if let number = value as? NSNumber, !["c", "d", "f"].contains(String(cString: number.objCType)) {
                self = .number(number.intValue)
            } else if let string = value as? String {
                self = .string(string)
            } else {
                return nil
            }
        }
    }

    /// A JSON-RPC error: LSP's codes and a one-line message.
    public struct ResponseError: Error, Sendable, Equatable {
        public let code: Int
        public let message: String

        public init(code: Int, message: String) {
            self.code = code
            self.message = message
        }

        public static let parseError = -32700
        public static let invalidRequest = -32600
        public static let methodNotFound = -32601
        public static let invalidParams = -32602
        public static let internalError = -32603
        public static let serverNotInitialized = -32002
        public static let requestCancelled = -32800
        public static let contentModified = -32801
    }

    /// The message a body holds, or the error to answer it with (a parse error has no id to answer to).
    public static func parse(_ body: [UInt8]) -> Result<JSONRPCMessage, ResponseError> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return .failure(ResponseError(code: ResponseError.parseError, message: "the message is not a JSON object"))
        }
        let method = object["method"] as? String
        let id = RequestID(object["id"])
        switch (method, id) {
        case (let method?, let id?):
            return .success(.request(id: id, method: method, params: object["params"]))
        case (let method?, nil):
            guard object["id"] == nil || object["id"] is NSNull else {
                return .failure(ResponseError(code: ResponseError.invalidRequest, message: "a request id must be a number or a string"))
            }
            return .success(.notification(method: method, params: object["params"]))
        case (nil, let id?):
            var error: ResponseError?
            if let body = object["error"] as? [String: Any] {
                error = ResponseError(code: (body["code"] as? Int) ?? ResponseError.internalError, message: (body["message"] as? String) ?? "")
            }
            return .success(.response(id: id, result: object["result"], error: error))
        case (nil, nil):
            return .failure(ResponseError(code: ResponseError.invalidRequest, message: "a message needs a method or an id"))
        }
    }

    /// The message as a body for the wire (keys sorted: the same message is always the same bytes).
    public var body: [UInt8] {
        var object: [String: Any] = ["jsonrpc": "2.0"]
        switch self {
        case .request(let id, let method, let params):
            object["id"] = id.json
            object["method"] = method
            if let params { object["params"] = params }
        case .notification(let method, let params):
            object["method"] = method
            if let params { object["params"] = params }
        case .response(let id, let result, let error):
            object["id"] = id.json
            if let error {
                object["error"] = ["code": error.code, "message": error.message]
            } else {
                object["result"] = result ?? NSNull()
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }

    /// The answer to a message whose id could not be read (a parse error): an error response with a null id.
    public static func errorWithoutID(_ error: ResponseError) -> [UInt8] {
        let object: [String: Any] = ["jsonrpc": "2.0", "id": NSNull(), "error": ["code": error.code, "message": error.message]]
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }
}
