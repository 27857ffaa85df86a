/// Finds the folder a file's workspace and configuration belong to: the nearest folder upward with
/// `.sot-lint.yml`, else the git top level, else the starting folder.
public enum ProjectRoot {
    public static let configName = ".sot-lint.yml"

    public struct Location: Sendable, Hashable {
        /// Absolute path of the project root.
        public let root: String
        /// `root/.sot-lint.yml` when it exists.
        public let configFile: String?
        /// The git top level at or above the root, whose .gitignore files apply.
        public let gitTop: String?

        public init(root: String, configFile: String?, gitTop: String?) {
            self.root = root
            self.configFile = configFile
            self.gitTop = gitTop
        }
    }

    public static func find(from directory: String) -> Location {
        var current = directory
        var root: String?
        var config: String?
        while true {
            if root == nil, FilePath.exists(FilePath.join(current, configName)) {
                root = current
                config = FilePath.join(current, configName)
            }
            if FilePath.exists(FilePath.join(current, ".git")) {
                return Location(root: root ?? current, configFile: config, gitTop: current)
            }
            if current == "/" { break }
            current = FilePath.parent(current)
        }
        return Location(root: root ?? directory, configFile: config, gitTop: nil)
    }

    /// `find(from:)` for many folders, each folder's markers looked at once: the folders of a walk share
    /// their ancestors, which `find(from:)` would look at again for every folder (5,400 failed stats for
    /// the 780 folders of a real repository). A folder that a walk listed (`learn`) and whose listing named
    /// neither `.git` nor `.sot-lint.yml` is not looked at at all: it has the location of its parent (or,
    /// when its parent has no marker up to `/`, is its own root, as `find(from:)` falls back).
    package struct Lookup {
        private var known: [String: Location] = [:]
        /// Folders some walk listed without a marker.
        private var unmarked: Set<String> = []

        package init() {}

        /// Records what a walk listed (`FileDiscovery.walk(under:accept:)`).
        package mutating func learn(_ walk: FileDiscovery.Walk) {
            let marked = Set(walk.marked)
            for folder in walk.folders where !marked.contains(folder) { unmarked.insert(folder) }
        }

        package mutating func location(of directory: String) -> Location {
            if let found = known[directory] { return found }
            // Up to the first folder known, or not listed without a marker; then back down.
            var chain: [String] = []
            var current = directory
            var base: Location
            while true {
                if let found = known[current] {
                    base = found
                    break
                }
                if current != "/", unmarked.contains(current) {
                    chain.append(current)
                    current = FilePath.parent(current)
                    continue
                }
                base = ProjectRoot.find(from: current)
                known[current] = base
                break
            }
            for folder in chain.reversed() {
                let location = base.configFile == nil && base.gitTop == nil ? Location(root: folder, configFile: nil, gitTop: nil) : base
                known[folder] = location
                base = location
            }
            return base
        }
    }
}
