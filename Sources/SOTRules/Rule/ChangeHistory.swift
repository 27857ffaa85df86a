import SOTModel

/// A change made of several commits: `--base REV` when HEAD is not REV. The commits between REV and HEAD,
/// parents before children, then what is not committed yet (the working tree, or the staged changes),
/// each step with only the documents it changed.
public struct ChangeHistory: Sendable {
    public struct Step: Sendable {
        /// What the step is, for messages: `commit 1a2b3c4d5e6f`, `the staged changes`, `the uncommitted changes`.
        public let change: String
        /// For each parent of the commit, the documents the commit changed, as they were in that parent
        /// (none for a root commit, or one at the edge of a shallow clone).
        public let before: [Workspace]
        /// The documents the commit changed against its first parent, as the commit left them.
        public let after: Workspace

        public init(change: String, before: [Workspace], after: Workspace) {
            self.change = change
            self.before = before
            self.after = after
        }

        /// The issue's status moved in this step: it differs from its status in every parent (a merge
        /// moves only what none of its parents had). An issue absent on either side did not move.
        public func moved(_ id: String) -> Bool {
            guard !before.isEmpty, let now = after.issue(id) else { return false }
            return before.allSatisfy { parent in
                guard let then = parent.issue(id) else { return false }
                return then.status?.normalized != now.status?.normalized
            }
        }
    }

    public let steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps
    }
}
