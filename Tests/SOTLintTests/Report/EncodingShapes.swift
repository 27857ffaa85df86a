@testable import SOTModel

// Models that use every part of the `Encoder` API, for comparing the JSON encoders.

/// Every kind of member a synthesised `Encodable` writes.
struct Mixed: Encodable {
    struct Inner: Encodable {
        let name: String
        let tags: [String]
    }

    let text: String
    let count: Int
    let ratio: Double
    let flag: Bool
    let big: Int64
    let huge: UInt64
    let missing: String?
    let present: Int?
    let inner: Inner
    let inners: [Inner]
    let table: [String: [Int]]
    let severity: Severity
    let optionals: [String?]

    static let sample = Mixed(text: "t \"q\" \\ \n é 🙂", count: -12, ratio: 0.1, flag: true, big: .min, huge: .max, missing: nil, present: 7,
                              inner: Inner(name: "n", tags: []), inners: [Inner(name: "a", tags: ["x", "y"]), Inner(name: "", tags: [""])],
                              table: ["k": [1, 2]], severity: .info, optionals: [nil, "s"])
}

/// An object with no members.
struct Empty: Encodable {
    func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: DynamicKey.self)
    }
}

/// A value whose encoding writes nothing: both encoders write null.
struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// A value that encodes as another one.
struct Wrapped<Inner: Encodable>: Encodable {
    let inner: Inner

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(inner)
    }
}

/// Nested keyed and unkeyed containers of every kind, to `depth` levels.
struct NestedContainers: Encodable {
    let depth: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(depth, forKey: "depth")
        var object = container.nestedContainer(keyedBy: DynamicKey.self, forKey: "object")
        try object.encode("in object", forKey: "text")
        try object.encodeNil(forKey: "none")
        var list = object.nestedUnkeyedContainer(forKey: "list")
        try list.encode(1)
        try list.encodeNil()
        var element = list.nestedContainer(keyedBy: DynamicKey.self)
        try element.encode(true, forKey: "flag")
        var inner = list.nestedUnkeyedContainer()
        try inner.encode("x")
        _ = list.nestedUnkeyedContainer()
        try list.encode(2.5)
        try container.encode([Int](), forKey: "empty")
        var array = container.nestedUnkeyedContainer(forKey: "array")
        for index in 0..<3 { try array.encode(index) }
        if depth > 0 { try container.encode(NestedContainers(depth: depth - 1), forKey: "child") }
        try container.encodeIfPresent(Int?.none, forKey: "absent")
        try container.encodeIfPresent(Int?.some(3), forKey: "present")
    }
}

class Base: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode("base", forKey: "kind")
        try container.encode([1, 2], forKey: "values")
    }
}

/// A subclass writing its superclass through both super encoders.
final class Derived: Base {
    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode("derived", forKey: "own")
        try super.encode(to: container.superEncoder())
        try container.encode(1, forKey: "between")
        try super.encode(to: container.superEncoder(forKey: "parent"))
        try container.encode(true, forKey: "last")
    }
}

/// An array whose super encoder appends to it.
struct SuperElements: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(1)
        try [2, 3].encode(to: container.superEncoder())
        try container.encode(4)
    }
}

/// Two keyed containers of one encoder are one object.
struct SameContainerTwice: Encodable {
    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: DynamicKey.self)
        var second = encoder.container(keyedBy: DynamicKey.self)
        try first.encode(1, forKey: "a")
        var nested = first.nestedContainer(keyedBy: DynamicKey.self, forKey: "n")
        try nested.encode(2, forKey: "b")
        try second.encode(3, forKey: "c")
        try first.encode(4, forKey: "d")
    }
}

/// Writes to a nested container after a later member of its parent.
struct LateNestedWrite: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        var nested = container.nestedContainer(keyedBy: DynamicKey.self, forKey: "inner")
        try nested.encode(1, forKey: "x")
        try container.encode(2, forKey: "after")
        try nested.encode(3, forKey: "late")
        try container.encode(Mixed.sample, forKey: "model")
    }
}

/// Replaces its single value, then the value by an object.
struct ReplacedValue: Encodable {
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode("first")
        try single.encode("second")
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(Mixed.sample, forKey: "model")
    }
}

/// Reads the count of a nested array after its parent has gone on.
struct CountAfterClose: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        var nested = container.nestedUnkeyedContainer()
        try nested.encode(1)
        try container.encode(2)
        if nested.count == 1 { try container.encode("the nested array has one element") }
    }
}

/// A random JSON value, encoded through keyed, unkeyed and single value containers.
indirect enum RandomTree: Encodable {
    case object([(String, RandomTree)])
    case array([RandomTree])
    case text(String)
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case null

    static func make(depth: Int, using generator: inout SeededGenerator) -> RandomTree {
        let texts = ["", "a", "é\"\\\n", "🙂", "\u{1}\u{2028}", "key"]
        switch Int.random(in: 0..<(depth < 4 ? 9 : 5), using: &generator) {
        case 0: return .text(texts.randomElement(using: &generator) ?? "")
        case 1: return .integer(Int.random(in: -1_000...1_000, using: &generator))
        case 2: return .number(Double.random(in: -10...10, using: &generator))
        case 3: return .flag(Bool.random(using: &generator))
        case 4: return .null
        case 5, 6:
            return .object((0..<Int.random(in: 0...4, using: &generator)).map {
                ("\(texts.randomElement(using: &generator) ?? "")\($0)", make(depth: depth + 1, using: &generator))
            })
        default:
            return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in make(depth: depth + 1, using: &generator) })
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: DynamicKey.self)
            for (key, value) in members { try container.encode(value, forKey: DynamicKey(stringValue: key)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .text(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .integer(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .flag(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

/// Any string as a key.
struct DynamicKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(stringLiteral value: String) {
        stringValue = value
    }

    init?(intValue: Int) {
        return nil
    }
}

/// Records the coding path its encoder, containers and nested containers report.
struct PathProbe: Encodable {
    final class Log {
        var paths: [String] = []
    }

    let log: Log
    let depth: Int

    private static func text(_ path: [any CodingKey]) -> String {
        path.map(\.stringValue).joined(separator: "/")
    }

    func encode(to encoder: any Encoder) throws {
        log.paths.append("encoder " + Self.text(encoder.codingPath))
        var container = encoder.container(keyedBy: DynamicKey.self)
        log.paths.append("object " + Self.text(container.codingPath))
        try container.encode(depth, forKey: "depth")
        guard depth > 0 else { return }
        try container.encode([PathProbe(log: log, depth: depth - 1)], forKey: "children")
        var list = container.nestedUnkeyedContainer(forKey: "list")
        log.paths.append("list " + Self.text(list.codingPath))
        try list.encode(PathProbe(log: log, depth: depth - 1))
    }
}
