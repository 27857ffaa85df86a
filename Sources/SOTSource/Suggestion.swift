/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The candidate nearest to `word` (case-insensitive), if it is close enough to be a likely typo.
    public static func nearest(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // A shortened word (`max_age` for `max_age_days`) is a likely slip too.
        if target.count >= 3, let longer = candidates.first(where: { $0.lowercased().hasPrefix(word.lowercased()) }), maxDistance == nil {
            return longer
        }
        let limit = maxDistance ?? max(1, min(3, (max(target.count, best.candidate.count) + 2) / 4))
        return best.distance <= limit ? best.candidate : nil
    }

    /// "; did you mean `x`?" or an empty string.
    public static func didYouMean(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String {
        nearest(word, among: candidates, maxDistance: maxDistance).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// Optimal string alignment distance (adjacent transpositions count once).
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
