import Foundation
import SOTSource

/// A parsed YAML tree as compact bytes. The profile and the secret catalog built into the binary are
/// compiled in as such snapshots (base64 text generated from rules/*.yml by scripts/generate-embedded.sh),
/// so a process reads them in microseconds instead of parsing YAML on every start; a test keeps each
/// snapshot equal to what Yams makes of its YAML.
package enum ConfigSnapshot {
    package static func encode(_ node: ConfigNode) -> [UInt8] {
        var writer = ByteWriter()
        write(node, into: &writer)
        return writer.bytes
    }

    package static func decode(_ bytes: [UInt8]) throws(ByteReader.Malformed) -> ConfigNode {
        var reader = ByteReader(bytes)
        let node = try read(&reader, depth: 0)
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return node
    }

    /// The tree of a base64 snapshot, or nil when it cannot be read (callers then parse the YAML).
    package static func decode(base64: String) -> ConfigNode? {
        guard let data = Data(base64Encoded: base64) else { return nil }
        return try? decode(Array(data))
    }

    private static func write(_ node: ConfigNode, into writer: inout ByteWriter) {
        switch node {
        case .null:
            writer.int(0)
        case .scalar(let text):
            writer.int(1)
            writer.text(text)
        case .sequence(let items):
            writer.int(2)
            writer.int(items.count)
            for item in items { write(item, into: &writer) }
        case .mapping(let pairs):
            writer.int(3)
            writer.int(pairs.count)
            for pair in pairs {
                writer.text(pair.key)
                write(pair.value, into: &writer)
            }
        }
    }

    private static func read(_ reader: inout ByteReader, depth: Int) throws(ByteReader.Malformed) -> ConfigNode {
        guard depth < 64 else { throw ByteReader.Malformed() }
        switch try reader.int() {
        case 0: return .null
        case 1: return .scalar(try reader.text())
        case 2:
            var items: [ConfigNode] = []
            for _ in 0..<(try reader.count()) { items.append(try read(&reader, depth: depth + 1)) }
            return .sequence(items)
        case 3:
            var pairs: [(key: String, value: ConfigNode)] = []
            for _ in 0..<(try reader.count()) { pairs.append((try reader.text(), try read(&reader, depth: depth + 1))) }
            return .mapping(pairs)
        default:
            throw ByteReader.Malformed()
        }
    }
}
