import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// A unified diff (`--- a/path`, `+++ b/path`, `@@` hunks with three lines of context) of two texts. Lines
/// are split at LF bytes (a CR stays part of its line). The common first and last lines are matched
/// directly; the lines between by longest common subsequence when that table is small, else all removed
/// then all added (a correct diff, if not the shortest): linear in the texts plus a bounded table.
public enum UnifiedDiff {
    /// The largest LCS table (cells) built for the lines between the common head and tail.
    static let tableLimit = 4_000_000

    public static func render(path: String, before: [UInt8], after: [UInt8]) -> String {
        let old = lines(before)
        let new = lines(after)
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        var script: [(kind: Character, text: String, oldLine: Int, newLine: Int)] = []
        for index in 0..<head { script.append((" ", old[index], index, index)) }
        let oldMiddle = Array(old[head..<(old.count - tail)])
        let newMiddle = Array(new[head..<(new.count - tail)])
        if oldMiddle.count * newMiddle.count <= tableLimit {
            // LCS table from the end.
            var table = [[Int]](repeating: [Int](repeating: 0, count: newMiddle.count + 1), count: oldMiddle.count + 1)
            for i in stride(from: oldMiddle.count - 1, through: 0, by: -1) {
                for j in stride(from: newMiddle.count - 1, through: 0, by: -1) {
                    table[i][j] = oldMiddle[i] == newMiddle[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < oldMiddle.count || j < newMiddle.count {
                if i < oldMiddle.count, j < newMiddle.count, oldMiddle[i] == newMiddle[j] {
                    script.append((" ", oldMiddle[i], head + i, head + j)); i += 1; j += 1
                } else if i < oldMiddle.count, j == newMiddle.count || table[i + 1][j] >= table[i][j + 1] {
                    // Removed lines before added ones, as git shows a replacement.
                    script.append(("-", oldMiddle[i], head + i, head + j)); i += 1
                } else {
                    script.append(("+", newMiddle[j], head + i, head + j)); j += 1
                }
            }
        } else {
            for (i, line) in oldMiddle.enumerated() { script.append(("-", line, head + i, head)) }
            for (j, line) in newMiddle.enumerated() { script.append(("+", line, head + oldMiddle.count, head + j)) }
        }
        for index in 0..<tail {
            script.append((" ", old[old.count - tail + index], old.count - tail + index, new.count - tail + index))
        }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != " " else { index += 1; continue }
            let start = max(0, index - 3)
            var end = index
            var quiet = 0
            while end < script.count, quiet <= 6 {
                quiet = script[end].kind == " " ? quiet + 1 : 0
                end += 1
            }
            end = min(script.count, end - max(0, quiet - 3))
            let hunk = script[start..<end]
            let oldCount = hunk.filter { $0.kind != "+" }.count
            let newCount = hunk.filter { $0.kind != "-" }.count
            out += "@@ -\(hunk.first.map { $0.oldLine + 1 } ?? 0),\(oldCount) +\(hunk.first.map { $0.newLine + 1 } ?? 0),\(newCount) @@\n"
            for line in hunk { out += String(line.kind) + line.text + "\n" }
            index = end
        }
        return out
    }

    /// The lines of `bytes`, split at LF bytes (a CR before it stays in the line; no empty last line).
    private static func lines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return lines
    }
}
