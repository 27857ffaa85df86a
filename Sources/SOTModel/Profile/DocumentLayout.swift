import SOTSource

/// One issue per file (`layouts:` in the profile): where a document of `paths` keeps its issue's ID,
/// title, status and fields — front-matter keys, `##` sections of the body, the file name or the H1.
public struct DocumentLayout: Sendable {
    /// Where one part of the issue is read.
    public enum Place: Sendable, Equatable {
        /// A front-matter key: its scalar value, or the items of its list.
        case frontMatter(String)
        /// A `##` section of the body (its title matched ignoring case): its first paragraph, or its list items.
        case section(String)
        /// The file name: the first group of this POSIX extended expression (`^([0-9]+)-` for `0007-use-x.md`).
        case fileName(String)
        /// The H1.
        case h1
    }

    /// A field the issue has, and where it is read; `checkboxes` reads `- [ ] text` items as `text`.
    public struct FieldPlace: Sendable {
        public let label: String
        public let place: Place
        public let checkboxes: Bool
    }

    public var paths: [String] {
        didSet { globs = paths.map(PathGlob.init) }
    }
    private var globs: [PathGlob]
    public var id: Place
    public var title: Place = .h1
    public var status: Place?
    public var fields: [FieldPlace] = []
    /// The compiled file-name expression, when `id` is `.fileName`.
    package var fileNamePattern: POSIXRegex?
    /// Put before an ID read from the file name (`ADR-` makes `0007-use-x.md` the issue `ADR-0007`).
    public var idPrefix = ""

    public init(paths: [String], id: Place) {
        self.paths = paths
        self.globs = paths.map(PathGlob.init)
        self.id = id
    }

    /// True when `relativePath` (from the project root) is one of the layout's documents.
    public func includesPath(_ relativePath: String) -> Bool {
        globs.contains { $0.matches(relativePath) }
    }
}
