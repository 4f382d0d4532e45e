/// A dated plan for a portfolio: for every standard its lead unit, the months of each phase
/// still to be worked on, and its publication month.
public struct Schedule: Hashable, Sendable {
    /// One entry per standard, in the portfolio's order.
    public var standards: [StandardSchedule]

    /// Creates a schedule.
    public init(standards: [StandardSchedule]) { self.standards = standards }

    /// The entry for `id`, if any.
    public func entry(for id: StandardID) -> StandardSchedule? { standards.first { $0.standard == id } }
}

/// The dates of one standard in a ``Schedule``.
public struct StandardSchedule: Hashable, Sendable {
    /// The standard.
    public var standard: StandardID
    /// Its lead unit; nil for published work that has none in the scenario.
    public var leadUnit: UnitID?
    /// The phases from the first open one to publication; empty for published standards.
    public var phases: [ScheduledPhase]
    /// The publication month: the finish of its last phase, or when it was published.
    public var published: Month

    /// Months the phases wait between one another: the months after one phase finishes and before
    /// the next starts, summed.
    public var idleMonths: Int {
        zip(phases, phases.dropFirst()).reduce(0) { $0 + max(0, $1.1.start - $1.0.finish - 1) }
    }

    /// Creates an entry.
    public init(standard: StandardID, leadUnit: UnitID?, phases: [ScheduledPhase], published: Month) {
        self.standard = standard
        self.leadUnit = leadUnit
        self.phases = phases
        self.published = published
    }
}

/// The months of one phase: `start` is the first month worked, `finish` the last (inclusive).
public struct ScheduledPhase: Hashable, Sendable {
    /// The phase.
    public var phase: PhaseID
    /// First month worked.
    public var start: Month
    /// Last month worked.
    public var finish: Month

    /// Creates a dated phase.
    public init(phase: PhaseID, start: Month, finish: Month) {
        self.phase = phase
        self.start = start
        self.finish = finish
    }

    /// Number of months worked.
    public var months: Int { finish - start + 1 }
}
