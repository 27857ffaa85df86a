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
}
