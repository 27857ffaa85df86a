/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The candidate nearest to `word` (case-insensitive), if it is close enough to be a likely typo.
    public static func nearest(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        let lowered = word.lowercased()
        let target = Array(lowered.unicodeScalars)
        // No answer is ever farther than this (the limit below never exceeds it), and a candidate whose
        // length differs by more is farther: skipping it keeps the answer and spares an edit distance
        // of a long word (a 5 MB status line) against every candidate.
        let cap = maxDistance ?? 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            guard abs(scalars.count - target.count) <= cap else { continue }
            let distance = editDistance(target, scalars)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard !candidates.isEmpty else { return nil }
        // A shortened word (`max_age` for `max_age_days`) is a likely slip too.
        if target.count >= 3, maxDistance == nil, let longer = candidates.first(where: { $0.lowercased().hasPrefix(lowered) }) {
            return longer
        }
        guard let best else { return nil }
        let limit = maxDistance ?? max(1, min(3, (max(target.count, best.candidate.count) + 2) / 4))
        return best.distance <= limit ? best.candidate : nil
    }

    /// "; did you mean `x`?" or an empty string.
    public static func didYouMean(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String {
        nearest(word, among: candidates, maxDistance: maxDistance).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// Optimal string alignment distance (adjacent transpositions count once).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
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
