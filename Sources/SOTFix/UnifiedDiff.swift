import SOTSource
import SOTModel
import SOTRules
import SOTEngine

/// A unified diff (`--- a/path`, `+++ b/path`, `@@` hunks with three lines of context) of two texts,
/// by longest common subsequence of their lines.
public enum UnifiedDiff {
    public static func render(path: String, before: [UInt8], after: [UInt8]) -> String {
        let old = lines(before)
        let new = lines(after)
        // LCS table from the end; SOT documents are small, so O(n·m) is fine.
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var script: [(kind: Character, text: String, oldLine: Int, newLine: Int)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                script.append((" ", old[i], i, j)); i += 1; j += 1
            } else if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
                script.append(("+", new[j], i, j)); j += 1
            } else {
                script.append(("-", old[i], i, j)); i += 1
            }
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

    private static func lines(_ bytes: [UInt8]) -> [String] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
