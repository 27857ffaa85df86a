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

    /// The roots of many folders (`find(from:)`'s `root`), each folder's markers looked at once: the
    /// folders of a walk share their ancestors, which `find(from:)` would look at again for every folder
    /// (5,400 failed stats for the 780 folders of a real repository's walk); folders a walk listed need no
    /// look at all.
    package struct RootLookup {
        /// For each folder looked at, the nearest folder at or above it with `.sot-lint.yml` or `.git`
        /// ("" when there is none up to `/`).
        private var nearest: [String: String] = [:]
        /// A walk's top folder and the folders below it whose listing named a marker: the walk has read
        /// every folder at or below `walked`, so only those need a look (the others have no marker).
        private let walked: String?
        private let marked: Set<String>

        package init() {
            walked = nil
            marked = []
        }

        /// Lookups for the folders of a walk of `walked` (`FileDiscovery.walk(under:accept:)`), whose
        /// listings named a marker in `marked` folders.
        package init(walked: String, marked: [String]) {
            self.walked = walked
            self.marked = Set(marked)
        }

        private func hasMarker(_ folder: String) -> Bool {
            if let walked, folder == walked || walked == "/" || folder.hasPrefix(walked + "/"), !marked.contains(folder) { return false }
            return FilePath.exists(FilePath.join(folder, ProjectRoot.configName)) || FilePath.exists(FilePath.join(folder, ".git"))
        }

        package mutating func root(of directory: String) -> String {
            var pending: [String] = []
            var current = directory
            var found = ""
            while true {
                if let known = nearest[current] {
                    found = known
                    break
                }
                pending.append(current)
                if hasMarker(current) {
                    found = current
                    break
                }
                if current == "/" { break }
                current = FilePath.parent(current)
            }
            for folder in pending { nearest[folder] = folder == found ? folder : found }
            return found.isEmpty ? directory : found
        }
    }
}
