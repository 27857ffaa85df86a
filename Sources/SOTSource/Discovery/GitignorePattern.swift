/// One line of a .gitignore file, parsed and matched the way git's `dir.c` and `wildmatch.c` do it.
///
/// Matching is byte-wise (like git) and case-sensitive. Paths are given as UTF-8 bytes relative to the
/// directory that holds the .gitignore file, without leading or trailing slashes.
package struct GitignorePattern: Sendable, Equatable {
    /// `!pattern`: a match re-includes the path instead of excluding it.
    package let isNegated: Bool
    /// `pattern/`: only directories can match.
    package let isDirectoryOnly: Bool
    /// Without a slash (ignoring a trailing one) the pattern is compared with the last path component
    /// only, so it applies at any depth; otherwise it is anchored to the .gitignore's directory.
    package let matchesBasename: Bool
    private let matcher: Matcher

    private enum Matcher: Sendable, Equatable {
        /// git's wildmatch aborts on malformed patterns (unclosed `[`, trailing `\`), so they never match.
        case never
        case literal([UInt8])
        /// `*.ext`: git special-cases this too, and it is the most common pattern shape.
        case suffix([UInt8])
        case glob(ComponentGlob)
        case components([Component])
    }

    private enum Component: Sendable, Equatable {
        /// A whole `**` component: zero or more path components.
        case anyDepth
        case literal([UInt8])
        case glob(ComponentGlob)
    }

    /// Parses one line (without its newline); nil for blank lines and comments.
    package init?(_ line: String) {
        self.init(line: Array(line.utf8)[...])
    }

    package init?(line: ArraySlice<UInt8>) {
        var text = line
        if text.last == DiscoveryByte.carriageReturn { text.removeLast() }
        if text.first == DiscoveryByte.hash { return nil }
        text = Self.trimmingTrailingSpaces(text)
        var negated = false
        if text.first == DiscoveryByte.bang {
            negated = true
            text.removeFirst()
        }
        var directoryOnly = false
        if text.last == DiscoveryByte.slash {
            directoryOnly = true
            text.removeLast()
        }
        guard !text.isEmpty else { return nil }
        let basename = !text.contains(DiscoveryByte.slash)
        if !basename, text.first == DiscoveryByte.slash { text.removeFirst() }
        isNegated = negated
        isDirectoryOnly = directoryOnly
        matchesBasename = basename
        matcher = basename ? Self.basenameMatcher(text) : Self.pathMatcher(text)
    }

    /// `path[start...]` is the path relative to this pattern's .gitignore directory and
    /// `path[basenameStart...]` its last component; passing offsets avoids slicing per check.
    package func matches(_ path: [UInt8], from start: Int, basenameStart: Int, isDirectory: Bool) -> Bool {
        if isDirectoryOnly && !isDirectory { return false }
        let subject = matchesBasename ? basenameStart..<path.count : start..<path.count
        switch matcher {
        case .never:
            return false
        case .literal(let literal):
            return Self.bytes(path, subject, equal: literal)
        case .suffix(let suffix):
            return subject.count >= suffix.count
                && Self.bytes(path, (subject.upperBound - suffix.count)..<subject.upperBound, equal: suffix)
        case .glob(let glob):
            return glob.matches(path, subject)
        case .components(let components):
            return Self.match(components, path, subject)
        }
    }

    /// `relativePath` is relative to the .gitignore's directory.
    package func matches(_ relativePath: String, isDirectory: Bool) -> Bool {
        let bytes = Array(relativePath.utf8)
        let basenameStart = (bytes.lastIndex(of: DiscoveryByte.slash) ?? -1) + 1
        return matches(bytes, from: 0, basenameStart: basenameStart, isDirectory: isDirectory)
    }

    /// git's `trim_trailing_spaces`: unescaped trailing spaces go; `\ ` keeps the space.
    private static func trimmingTrailingSpaces(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var firstTrailingSpace: Int?
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case DiscoveryByte.space:
                if firstTrailingSpace == nil { firstTrailingSpace = index }
            case DiscoveryByte.backslash:
                index += 1
                if index == text.endIndex { return text }
                firstTrailingSpace = nil
            default:
                firstTrailingSpace = nil
            }
            index += 1
        }
        guard let cut = firstTrailingSpace else { return text }
        return text[..<cut]
    }

    private static func basenameMatcher(_ text: ArraySlice<UInt8>) -> Matcher {
        guard let glob = ComponentGlob(text) else { return .never }
        if let literal = glob.literal { return .literal(literal) }
        if let suffix = glob.literalSuffix { return .suffix(suffix) }
        return .glob(glob)
    }

    private static func pathMatcher(_ text: ArraySlice<UInt8>) -> Matcher {
        var components: [Component] = []
        for part in text.split(separator: DiscoveryByte.slash, omittingEmptySubsequences: false) {
            if part.count == 2 && part.allSatisfy({ $0 == DiscoveryByte.star }) {
                components.append(.anyDepth)
                continue
            }
            guard let glob = ComponentGlob(part) else { return .never }
            components.append(glob.literal.map(Component.literal) ?? .glob(glob))
        }
        // A trailing "/**" needs at least one component: "abc/**" matches inside abc but not abc itself,
        // which matters when a later "!abc/keep" must still be able to re-include.
        if components.last == .anyDepth, let anything = ComponentGlob([DiscoveryByte.star][...]) {
            components.insert(.glob(anything), at: components.count - 1)
        }
        var literal: [UInt8] = []
        for component in components {
            guard case .literal(let bytes) = component else { return .components(components) }
            if !literal.isEmpty { literal.append(DiscoveryByte.slash) }
            literal.append(contentsOf: bytes)
        }
        return .literal(literal)
    }

    private static func bytes(_ path: [UInt8], _ range: Range<Int>, equal expected: [UInt8]) -> Bool {
        guard range.count == expected.count else { return false }
        var offset = 0
        for index in range {
            if path[index] != expected[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Two-pointer wildcard matching over whole components with `**` as the only wildcard;
    /// backtracking only to the latest `**` keeps the work bounded by components × path components.
    /// Components are tracked by byte offset rather than split out, so a check allocates nothing.
    private static func match(_ pattern: [Component], _ path: [UInt8], _ subject: Range<Int>) -> Bool {
        func componentEnd(from start: Int) -> Int {
            var index = start
            while index < subject.upperBound && path[index] != DiscoveryByte.slash { index += 1 }
            return index
        }
        var patternIndex = 0
        var partStart = subject.lowerBound
        var starPattern = -1
        var starPartStart = 0
        while partStart <= subject.upperBound {
            let partEnd = componentEnd(from: partStart)
            if patternIndex < pattern.count {
                switch pattern[patternIndex] {
                case .anyDepth:
                    starPattern = patternIndex
                    starPartStart = partStart
                    patternIndex += 1
                    continue
                case .literal(let literal) where bytes(path, partStart..<partEnd, equal: literal):
                    patternIndex += 1
                    partStart = partEnd + 1
                    continue
                case .glob(let glob) where glob.matches(path, partStart..<partEnd):
                    patternIndex += 1
                    partStart = partEnd + 1
                    continue
                default:
                    break
                }
            }
            guard starPattern >= 0 else { return false }
            patternIndex = starPattern + 1
            starPartStart = componentEnd(from: starPartStart) + 1
            partStart = starPartStart
        }
        while patternIndex < pattern.count, pattern[patternIndex] == .anyDepth { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}

/// ASCII bytes the gitignore syntax cares about.
package enum DiscoveryByte {
    package static let tab = UInt8(ascii: "\t")
    package static let newline = UInt8(ascii: "\n")
    package static let carriageReturn = UInt8(ascii: "\r")
    package static let space = UInt8(ascii: " ")
    package static let bang = UInt8(ascii: "!")
    package static let hash = UInt8(ascii: "#")
    package static let star = UInt8(ascii: "*")
    package static let dash = UInt8(ascii: "-")
    package static let dot = UInt8(ascii: ".")
    package static let slash = UInt8(ascii: "/")
    package static let colon = UInt8(ascii: ":")
    package static let question = UInt8(ascii: "?")
    package static let openBracket = UInt8(ascii: "[")
    package static let backslash = UInt8(ascii: "\\")
    package static let closeBracket = UInt8(ascii: "]")
    package static let caret = UInt8(ascii: "^")
}
