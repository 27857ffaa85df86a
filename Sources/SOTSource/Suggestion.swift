/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// Candidates lowercased once, for asking about many words (100,000 unknown keys against the same
    /// dozen known ones).
    public struct Vocabulary: Sendable {
        let candidates: [String]
        let lowered: [String]
        let scalars: [[Unicode.Scalar]]

        public init(_ candidates: [String]) {
            self.candidates = candidates
            lowered = candidates.map { $0.lowercased() }
            scalars = lowered.map { Array($0.unicodeScalars) }
        }
    }

    /// The candidate nearest to `word` (case-insensitive), if it is close enough to be a likely typo.
    public static func nearest(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        nearest(word, in: Vocabulary(candidates), maxDistance: maxDistance)
    }

    /// The same answer as `nearest(_:among:maxDistance:)`, from a prepared vocabulary.
    public static func nearest(_ word: String, in vocabulary: Vocabulary, maxDistance: Int? = nil) -> String? {
        let lowered = word.lowercased()
        let target = Array(lowered.unicodeScalars)
        // No answer is ever farther than this (the limit below never exceeds it), and a candidate whose
        // length differs by more is farther: skipping it keeps the answer and spares an edit distance
        // of a long word (a 5 MB status line) against every candidate.
        let cap = maxDistance ?? 3
        let candidates = vocabulary.candidates
        var best: (candidate: String, distance: Int)?
        for (candidate, scalars) in zip(candidates, vocabulary.scalars) {
            // Only a strictly smaller distance replaces the best, and only one within the cap is returned.
            let bound = min(cap, (best?.distance ?? Int.max) - 1)
            guard abs(scalars.count - target.count) <= bound else { continue }
            let distance = editDistance(target, scalars, bound: bound)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard !candidates.isEmpty else { return nil }
        // A shortened word (`max_age` for `max_age_days`) is a likely slip too.
        if target.count >= 3, maxDistance == nil, let longer = vocabulary.lowered.firstIndex(where: { $0.hasPrefix(lowered) }) {
            return candidates[longer]
        }
        guard let best else { return nil }
        let limit = maxDistance ?? max(1, min(3, (max(target.count, best.candidate.count) + 2) / 4))
        return best.distance <= limit ? best.candidate : nil
    }

    /// "; did you mean `x`?" or an empty string.
    public static func didYouMean(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String {
        didYouMean(word, in: Vocabulary(candidates), maxDistance: maxDistance)
    }

    /// The same from a prepared vocabulary.
    public static func didYouMean(_ word: String, in vocabulary: Vocabulary, maxDistance: Int? = nil) -> String {
        nearest(word, in: vocabulary, maxDistance: maxDistance).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// Optimal string alignment distance (adjacent transpositions count once). With a `bound`, a distance
    /// larger than it may be returned as `bound + 1` (the search stops once two consecutive rows exceed it:
    /// every alignment passes through one of them).
    package static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int = Int.max - 1) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows in one buffer, rotated by offset: one allocation per call instead of three.
        let width = b.count + 1
        var rows = [Int](repeating: 0, count: 3 * width)
        for j in 0...b.count { rows[width + j] = j }
        var previousPrevious = 0
        var previous = width
        var current = 2 * width
        var previousMinimum = 0
        for i in 1...a.count {
            rows[current] = i
            var minimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[previousPrevious + j - 2] + 1)
                }
                rows[current + j] = value
                minimum = min(minimum, value)
            }
            if minimum > bound, previousMinimum > bound { return bound + 1 }
            previousMinimum = minimum
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return rows[previous + b.count]
    }
}
