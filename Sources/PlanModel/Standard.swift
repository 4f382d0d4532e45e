/// A standard to be made (or already made) and the facts the planner needs about it.
public struct Standard: Hashable, Sendable {
    /// Its id in the scenario.
    public var id: StandardID
    /// Its title, in any script.
    public var name: String
    /// Its category in the plan.
    public var category: Category
    /// Urgency, 1–5 stars as in the plan.
    public var urgency: Int
    /// The year by the end of which it should be published; nil for finished work.
    public var targetYear: Int?
    /// Where it stands at the plan start.
    public var status: StandardStatus
    /// No phase may start before this month (besides the plan start).
    public var earliestStart: Month?
    /// Candidate lead units; the optimizer picks exactly one. A single entry is a fixed lead unit.
    /// Empty only for published standards.
    public var leadUnits: [UnitID]
    /// Its life cycle, in order.
    public var phases: [Phase]
    /// Its number once published, e.g. JR/T 0099—2012.
    public var reference: String?
    /// When true, publication after December of the target year is not allowed at all
    /// (a hard constraint instead of a cost).
    public var hardDeadline: Bool
    /// New work, or the revision of a published standard.
    public var kind: WorkKind = .new
    /// Whether the programme's plan states the target year or the scenario assumes it.
    public var targetSource: TargetSource = .plan

    /// Creates a standard.
    public init(
        id: StandardID, name: String, category: Category, urgency: Int, targetYear: Int?,
        status: StandardStatus = .planned, earliestStart: Month? = nil, leadUnits: [UnitID],
        phases: [Phase], reference: String? = nil, hardDeadline: Bool = false
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.urgency = urgency
        self.targetYear = targetYear
        self.status = status
        self.earliestStart = earliestStart
        self.leadUnits = leadUnits
        self.phases = phases
        self.reference = reference
        self.hardDeadline = hardDeadline
    }

    /// The last month that still meets the target year (December of it); nil for work that no longer
    /// has one (deferred, withdrawn or published).
    public var deadline: Month? {
        guard isOpen, !isDeferred else { return nil }
        return targetYear.map(Month.endOfYear)
    }

    /// True once published.
    public var isPublished: Bool {
        if case .published = status { return true }
        return false
    }

    /// True when cancelled or superseded: no work and no publication.
    public var isWithdrawn: Bool {
        switch status {
        case .cancelled, .superseded: return true
        default: return false
        }
    }

    /// True when deferred to a later month.
    public var isDeferred: Bool {
        if case .deferred = status { return true }
        return false
    }

    /// True when work remains to be scheduled: planned, in progress or deferred.
    public var isOpen: Bool { !isPublished && !isWithdrawn }

    /// No phase may start before this month: the earliest start, or the month a deferral ends.
    public var releaseMonth: Month? {
        if case .deferred(let until) = status { return max(until, earliestStart ?? until) }
        return earliestStart
    }

    /// Index in ``phases`` of the first phase still to be worked on at the plan start
    /// (nil when published or withdrawn).
    public var firstOpenPhaseIndex: Int? {
        switch status {
        case .planned, .deferred: return 0
        case .published, .cancelled, .superseded: return nil
        case .inProgress(let phase, _): return phases.firstIndex { $0.id == phase }
        }
    }

    /// The months the phase at `index` takes in the plan. A phase in progress keeps its start;
    /// if its nominal duration has already run out by `planStart`, it is taken to finish in
    /// `planStart` (it is not done yet, so it takes at least that month).
    public func plannedMonths(ofPhaseAt index: Int, planStart: Month) -> Int {
        let nominal = phases[index].months
        if case .inProgress(let phase, let since) = status, phases[index].id == phase {
            return max(nominal, planStart - since + 1)
        }
        return nominal
    }
}
