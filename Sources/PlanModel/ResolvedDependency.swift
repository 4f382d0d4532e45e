/// A ``Dependency`` with its identifiers resolved to positions in a ``Portfolio``: which
/// standard and phase wait, and on what.
///
/// The scheduler's compilation (which the risk simulation builds on) turns them into its task
/// numbering; resolving them here once keeps the rules (an absent successor phase means the
/// first, an absent predecessor phase the publication, a published predecessor releases its
/// successor the month after publication) in one place.
public struct ResolvedDependency: Hashable, Sendable {
    /// What the successor waits for.
    public enum Predecessor: Hashable, Sendable {
        /// The predecessor standard is already published in that month, and the dependency is on
        /// its publication: the successor may start in `month + 1 + lag` at the earliest.
        case publishedIn(Month)
        /// The finish of a phase (`phaseIndex` into its phases) of the standard at `standard`.
        case phase(standard: Int, phaseIndex: Int)
    }

    /// Index in ``Portfolio/standards`` of the waiting standard.
    public var successor: Int
    /// Index of the waiting phase in that standard's phases.
    public var successorPhaseIndex: Int
    public var predecessor: Predecessor
    /// Months to wait beyond the finish.
    public var lag: Int

    /// Creates a resolved dependency.
    public init(successor: Int, successorPhaseIndex: Int, predecessor: Predecessor, lag: Int) {
        self.successor = successor
        self.successorPhaseIndex = successorPhaseIndex
        self.predecessor = predecessor
        self.lag = lag
    }
}

extension Portfolio {
    /// The dependencies resolved to positions, in the order of ``dependencies``. Left out: those
    /// naming a standard that is not in the portfolio (the scenario loader reports them first),
    /// those on a phase of an already published standard, which constrain nothing, those of
    /// withdrawn work and those on cancelled work. A dependency on superseded work is on the
    /// superseding standard's publication when that standard is in the portfolio, else void.
    public var resolvedDependencies: [ResolvedDependency] {
        var index: [StandardID: Int] = [:]
        for (s, standard) in standards.enumerated() where index[standard.id] == nil { index[standard.id] = s }
        return dependencies.compactMap { dependency in
            guard var p = index[dependency.predecessor], let s = index[dependency.successor], !standards[s].isWithdrawn else { return nil }
            var dependency = dependency
            // Withdrawn work releases nothing: a dependency on cancelled work is void, and one on
            // superseded work waits for the superseding standard's publication when it is planned here.
            switch standards[p].status {
            case .cancelled:
                return nil
            case .superseded(let by):
                guard let replacement = index[StandardID(by)], replacement != s, !standards[replacement].isWithdrawn else { return nil }
                p = replacement
                dependency.predecessorPhase = nil
            default:
                break
            }
            let successorPhase = dependency.successorPhase.flatMap { id in standards[s].phases.firstIndex { $0.id == id } } ?? 0
            let predecessor = standards[p]
            if case .published(let month) = predecessor.status {
                guard dependency.predecessorPhase == nil else { return nil }
                return ResolvedDependency(successor: s, successorPhaseIndex: successorPhase, predecessor: .publishedIn(month), lag: dependency.lag)
            }
            let predecessorPhase = dependency.predecessorPhase.flatMap { id in predecessor.phases.firstIndex { $0.id == id } }
                ?? (predecessor.phases.count - 1)
            return ResolvedDependency(
                successor: s, successorPhaseIndex: successorPhase, predecessor: .phase(standard: p, phaseIndex: predecessorPhase),
                lag: dependency.lag)
        }
    }
}
