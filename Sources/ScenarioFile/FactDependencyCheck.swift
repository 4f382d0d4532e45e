import PlanModel

/// Facts that contradict a dependency: a standard has started (or finished) the phase that
/// waits for another standard's phase, while that phase has not finished — "送审稿 while its
/// predecessor is still drafting". The planner treats facts as fixed, so such a portfolio
/// would be re-planned out of order; the loaders report it instead, for the scenario's own
/// facts and for a status file's.
enum FactDependencyCheck {
    /// One contradiction.
    struct Conflict {
        /// The dependency, as declared.
        var dependency: Dependency
        /// Index of the waiting standard in the portfolio.
        var successor: Int
        /// Index of the standard waited for.
        var predecessor: Int
        /// What contradicts what, in words.
        var message: String
    }

    /// Every contradiction in `portfolio`, in the order of its dependencies.
    static func conflicts(in portfolio: Portfolio) -> [Conflict] {
        var index: [StandardID: Int] = [:]
        for (s, standard) in portfolio.standards.enumerated() where index[standard.id] == nil { index[standard.id] = s }
        var found: [Conflict] = []
        for dependency in portfolio.dependencies {
            guard let s = index[dependency.successor], let p = index[dependency.predecessor] else { continue }
            let successor = portfolio.standards[s], predecessor = portfolio.standards[p]
            let waiting = dependency.successorPhase.flatMap { id in successor.phases.firstIndex { $0.id == id } } ?? 0
            // Has the waiting phase started, and in which month if the facts say so exactly?
            let started: String
            var startMonth: Month?
            switch successor.status {
            case .planned, .deferred, .cancelled, .superseded:
                continue  // nothing started: no fact can contradict the dependency
            case .published(let month):
                started = "\(successor.id) was published \(month)"
            case .inProgress(let phase, let since):
                guard let current = successor.phases.firstIndex(where: { $0.id == phase }), current >= waiting else { continue }
                started = "\(successor.id) is in \(phase) since \(since)"
                if current == waiting { startMonth = since }
            }
            let waitedPhase = dependency.predecessorPhase.flatMap { id in predecessor.phases.firstIndex { $0.id == id } }
                ?? (predecessor.phases.count - 1)
            let waitedName = dependency.predecessorPhase.map { "its \($0)" } ?? "its publication"
            let what = "waits for \(predecessor.id)'s " + (dependency.predecessorPhase.map(\.rawValue) ?? "publication")
                + (dependency.lag > 0 ? " plus \(dependency.lag) months" : "")
            var reason: String?
            switch predecessor.status {
            case .cancelled, .superseded:
                continue  // withdrawn work holds nothing back (see Portfolio.resolvedDependencies)
            case .planned, .deferred:
                reason = "\(predecessor.id) has not started"
            case .inProgress(let phase, let since):
                if let current = predecessor.phases.firstIndex(where: { $0.id == phase }), current <= waitedPhase {
                    reason = "\(predecessor.id) is still in \(phase) since \(since), so \(waitedName) has not finished"
                }
            case .published(let month):
                if dependency.predecessorPhase == nil, let start = startMonth, start < month + 1 + dependency.lag {
                    reason = "\(predecessor.id) was published only \(month)"
                        + (dependency.lag > 0 ? ", and the lag asks for \(dependency.lag) more months" : "")
                }
            }
            guard let reason else { continue }
            let phaseText = successor.phases.indices.contains(waiting) ? "\(successor.phases[waiting].id)" : "its first phase"
            found.append(Conflict(dependency: dependency, successor: s, predecessor: p,
                                  message: "\(started), but its \(phaseText) \(what), and \(reason)"))
        }
        return found
    }
}
