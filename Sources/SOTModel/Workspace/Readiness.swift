import SOTSource

/// Which issues the ready queue may hold: those whose status is in `categories` and not in
/// `exceptStatuses` (normalised names) — the profile's `ready:`.
public struct ReadySettings: Sendable, Equatable {
    public var categories: [StatusCategory] = [.active, .blocked, .accepted]
    public var exceptStatuses: [String] = ["draft"]
    /// IDs other systems own (`external:`): a blocker among them never counts as resolved.
    public var external = ExternalIDs()

    public init() {}
}

/// What a blocker of an issue is, as the ready queue and `blocked-on-resolved` see it: one computation.
public enum BlockerState: Sendable, Equatable {
    /// Defined, and its status is in the `resolved` category.
    case resolved(status: String)
    /// Defined and not resolved (its status, normalised; nil without one).
    case unresolved(status: String?)
    /// No document of the workspace defines it.
    case undefined
    /// A system the profile names as external owns it (`external:`): never resolved here.
    case external
}

/// Whether an issue can be worked on now, and if not, why.
public struct Readiness: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// It is resolved (its normalised status).
        case resolved(String)
        /// Its status (normalised) is outside the ready categories or listed under `ready.except`; nil: it has none.
        case status(String?)
        /// A blocker that is not resolved, or not defined.
        case blocker(id: String, state: BlockerState)
        /// It is in a blocked-by cycle with these issues (sorted, itself included).
        case cycle([String])
    }

    /// Every reason it is not ready, in this order: its status, its blockers in list order, its cycle.
    public let reasons: [Reason]
    public var isReady: Bool { reasons.isEmpty }
}

extension Workspace {
    /// What the blocker `id` is: resolved, unresolved, or undefined (its first definition counts).
    public func blockerState(_ id: String, external: ExternalIDs = ExternalIDs()) -> BlockerState {
        guard let (category, status) = definitionStatus(id) else { return external.owns(id) ? .external : .undefined }
        if category == .resolved { return .resolved(status: status ?? "") }
        return .unresolved(status: status)
    }

    /// Each issue in a blocked-by cycle, with its cycle's members (sorted).
    public var cycleOf: [String: [String]] {
        var members: [String: [String]] = [:]
        for cycle in cycles {
            for id in cycle { members[id] = cycle }
        }
        return members
    }

    /// Whether `issue` is ready under `settings`: its status in a ready category and not excepted, in no
    /// cycle, every issue it is blocked by defined and resolved. `cycles` is `cycleOf` (computed once by the
    /// caller for many issues).
    public func readiness(of issue: IssueEntry, settings: ReadySettings, cycles: [String: [String]]) -> Readiness {
        var reasons: [Readiness.Reason] = []
        let normalized = issue.status?.normalized
        if issue.category == .resolved {
            reasons.append(.resolved(normalized ?? ""))
        } else if issue.category == nil || !settings.categories.contains(where: { $0 == issue.category })
            || settings.exceptStatuses.contains(normalized ?? "") {
            reasons.append(.status(normalized))
        }
        for blocker in issue.blockers {
            let state = blockerState(blocker.id, external: settings.external)
            if case .resolved = state { continue }
            reasons.append(.blocker(id: blocker.id, state: state))
        }
        if !cycles.isEmpty, let cycle = cycles[issue.id] { reasons.append(.cycle(cycle)) }
        return Readiness(reasons: reasons)
    }
}
