import PlanModel
import Scheduling

/// The JSON form of a plan (`stdplan plan --format json`), documented in docs/json-output.md.
/// Later reports and other tools read it, and `stdplan check` reads it back, so its shape is
/// stable: fields are only ever added.
public struct PlanDocument: Codable, Sendable, Equatable {
    /// Version of this document's shape.
    public var format: Int
    /// The program and version that wrote it, e.g. `stdplan 0.12.0` (null in older documents).
    public var generator: String?
    /// The scenario's name.
    public var scenario: String
    /// First month of the plan.
    public var planStart: String
    /// optimal, feasible, infeasible or time_limit.
    public var status: String
    /// Objective value of the schedule (null without one).
    public var objective: Int?
    /// Best proven lower bound on the objective.
    public var bound: Double?
    /// Relative gap between objective and bound.
    public var gap: Double?
    /// Wall-clock seconds spent planning (the one field that differs between identical runs).
    public var seconds: Double
    /// The weight of one urgency-weighted month late used in the objective.
    public var latenessWeight: Int
    /// Why the plan is infeasible, if it is.
    public var explanation: String?
    /// One entry per standard, in scenario order.
    public var standards: [StandardEntry]
    /// Lead units and their capacity (null in documents written before it was added).
    public var units: [CapacityEntry]?
    /// Shared resources and their capacity (null in documents written before it was added).
    public var resources: [CapacityEntry]?
    /// Dependencies between standards, with the phases they connect (null in older documents).
    public var dependencies: [DependencyEntry]?
    /// For an infeasible plan: the smallest relaxations that would make it feasible (else null).
    public var conflict: ConflictDocument?
    /// True when Ctrl-C stopped planning before the result was proven. (Optional only so that
    /// documents written before the field existed still read.)
    public var interrupted: Bool?
    /// The MIP that was not built because it exceeded the size bound (else null).
    public var modelSize: ModelSizeEntry?
    /// The headline figures, on time and months late apart for the plan's and assumed targets
    /// (null without a schedule, and in documents written before it was added).
    public var summary: SummaryEntry?
    /// The objective's levels in the order they were minimised, each with its value, bound and
    /// whether it is proven (null in documents written before it was added).
    public var levels: [LevelEntry]?

    /// The size of a MIP that was not built (`--max-model-size`).
    public struct ModelSizeEntry: Codable, Sendable, Equatable {
        /// Estimated columns and rows.
        public var columns: Int
        /// See ``columns``.
        public var rows: Int
        /// Phases to schedule and months of the horizon.
        public var tasks: Int
        /// See ``tasks``.
        public var months: Int
    }

    /// One standard of the plan.
    public struct StandardEntry: Codable, Sendable, Equatable {
        /// The standard's id.
        public var id: String
        /// Its title.
        public var name: String
        /// Category key, e.g. `operations`.
        public var category: String
        /// Category name in the plan, e.g. 运维服务.
        public var categoryName: String
        /// Stars, 1–5; null for published work.
        public var urgency: Int?
        /// Year by whose end it should be published; null without a target.
        public var targetYear: Int?
        /// planned, in_progress or published, at the plan start.
        public var status: String
        /// Its number once published.
        public var reference: String?
        /// Lead unit id.
        public var leadUnit: String?
        /// Lead unit name.
        public var leadUnitName: String?
        /// Phases from the first open one; empty for published work.
        public var phases: [PhaseEntry]
        /// Publication month, YYYY-MM.
        public var published: String?
        /// Months after December of the target year; null without a target.
        public var monthsLate: Int?
        /// `new` or `revision` (null in documents written before it was added).
        public var kind: String?
        /// What a revision revises, e.g. JR/T 0059-2010.
        public var revises: String?
        /// `plan` when the programme's plan states the target year, `assumed` when the scenario does.
        public var targetSource: String?
        /// For deferred work: the month it may resume.
        public var deferredUntil: String?
        /// For superseded work: what supersedes it.
        public var supersededBy: String?
        /// Months its phases wait between one another in this plan (null without phases).
        public var idleMonths: Int?
        /// The phase under way at the plan start, for work in progress (null otherwise, and in older documents).
        public var currentPhase: String?
        /// The month that phase started (a fact of the scenario, known with or without a schedule).
        public var since: String?

        enum CodingKeys: String, CodingKey {
            case id, name, category, urgency, status, reference, phases, published, kind, revises
            case categoryName = "category_name", targetYear = "target_year", leadUnit = "lead_unit"
            case leadUnitName = "lead_unit_name", monthsLate = "months_late", targetSource = "target_source"
            case deferredUntil = "deferred_until", supersededBy = "superseded_by", idleMonths = "idle_months"
            case currentPhase = "current_phase", since
        }

        // Absent values are written as null rather than left out, so every key is always there.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(category, forKey: .category)
            try c.encode(categoryName, forKey: .categoryName)
            try c.encode(urgency, forKey: .urgency)
            try c.encode(targetYear, forKey: .targetYear)
            try c.encode(status, forKey: .status)
            try c.encode(reference, forKey: .reference)
            try c.encode(leadUnit, forKey: .leadUnit)
            try c.encode(leadUnitName, forKey: .leadUnitName)
            try c.encode(phases, forKey: .phases)
            try c.encode(published, forKey: .published)
            try c.encode(monthsLate, forKey: .monthsLate)
            try c.encode(kind, forKey: .kind)
            try c.encode(revises, forKey: .revises)
            try c.encode(targetSource, forKey: .targetSource)
            try c.encode(deferredUntil, forKey: .deferredUntil)
            try c.encode(supersededBy, forKey: .supersededBy)
            try c.encode(idleMonths, forKey: .idleMonths)
            try c.encode(currentPhase, forKey: .currentPhase)
            try c.encode(since, forKey: .since)
        }
    }

    /// One phase: `start` is the first month worked, `finish` the last (inclusive).
    public struct PhaseEntry: Codable, Sendable, Equatable {
        /// Phase id.
        public var id: String
        /// Phase name.
        public var name: String
        /// First month worked, YYYY-MM.
        public var start: String
        /// Last month worked, YYYY-MM.
        public var finish: String
        /// Load on the lead unit in every month of the phase (null in older documents).
        public var unitLoad: Int?
        /// Load on each shared resource in every month of the phase, by resource id (null in older documents).
        public var resourceLoads: [String: Int]?

        enum CodingKeys: String, CodingKey {
            case id, name, start, finish, unitLoad = "unit_load", resourceLoads = "resource_loads"
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, generator, scenario, status, objective, bound, gap, seconds, explanation, standards, units, resources, dependencies
        case conflict, interrupted
        case summary, levels
        case planStart = "plan_start", latenessWeight = "lateness_weight", modelSize = "model_size"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(generator, forKey: .generator)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(planStart, forKey: .planStart)
        try c.encode(status, forKey: .status)
        try c.encode(objective, forKey: .objective)
        try c.encode(bound, forKey: .bound)
        try c.encode(gap, forKey: .gap)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(latenessWeight, forKey: .latenessWeight)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(standards, forKey: .standards)
        try c.encode(units, forKey: .units)
        try c.encode(resources, forKey: .resources)
        try c.encode(dependencies, forKey: .dependencies)
        try c.encode(conflict, forKey: .conflict)
        try c.encode(interrupted ?? false, forKey: .interrupted)
        try c.encode(modelSize, forKey: .modelSize)
        try c.encode(summary, forKey: .summary)
        try c.encode(levels ?? [], forKey: .levels)
    }

    /// The document for `result` of planning `portfolio`.
    public init(portfolio: Portfolio, result: PlanResult) {
        format = 1
        generator = Generator.name
        scenario = portfolio.name
        planStart = portfolio.planStart.description
        status = result.status.rawValue
        objective = result.objective
        bound = result.bound.map { ($0 * 1000).rounded() / 1000 }
        gap = result.gap.map { ($0 * 1_000_000).rounded() / 1_000_000 }
        seconds = (result.seconds * 1000).rounded() / 1000
        latenessWeight = result.latenessWeight
        explanation = result.explanation
        conflict = result.conflict.map(ConflictDocument.init)
        interrupted = result.interrupted
        modelSize = result.skippedModel.map { ModelSizeEntry(columns: $0.columns, rows: $0.rows, tasks: $0.tasks, months: $0.months) }
        summary = PlanSummary(portfolio: portfolio, schedule: result.schedule).map(SummaryEntry.init)
        levels = result.levels.map(LevelEntry.init)
        standards = portfolio.standards.map { standard in
            let entry = result.schedule?.entry(for: standard.id)
            let unit = entry?.leadUnit ?? (standard.leadUnits.count == 1 ? standard.leadUnits[0] : nil)
            var item = StandardEntry(
                id: standard.id.rawValue, name: standard.name, category: standard.category.rawValue,
                categoryName: standard.category.name, urgency: standard.isPublished ? nil : standard.urgency, targetYear: standard.targetYear,
                status: standard.status.key, reference: standard.reference, leadUnit: unit?.rawValue,
                leadUnitName: unit.flatMap { portfolio.unit($0)?.name },
                phases: (entry?.phases ?? []).map { dated in
                    let phase = standard.phases.first { $0.id == dated.phase }
                    return PhaseEntry(id: dated.phase.rawValue, name: phase?.name ?? dated.phase.rawValue,
                                      start: dated.start.description, finish: dated.finish.description, unitLoad: phase?.unitLoad ?? 0,
                                      resourceLoads: Dictionary(uniqueKeysWithValues: (phase?.resourceLoads ?? []).map { ($0.resource.rawValue, $0.amount) }))
                },
                published: entry?.published.description,
                monthsLate: entry.flatMap { e in standard.deadline.map { max(0, e.published - $0) } })
            item.kind = standard.kind.key
            if case .revision(let revised) = standard.kind { item.revises = revised }
            item.targetSource = standard.targetYear == nil ? nil : standard.targetSource.rawValue
            if case .deferred(let until) = standard.status { item.deferredUntil = until.description }
            if case .superseded(let by) = standard.status { item.supersededBy = by }
            item.idleMonths = entry.flatMap { $0.phases.isEmpty ? nil : $0.idleMonths }
            // Facts known with or without a schedule: a publication, and the phase under way with its start.
            if case .published(let month) = standard.status, item.published == nil { item.published = month.description }
            if case .inProgress(let phase, let since) = standard.status {
                item.currentPhase = phase.rawValue
                item.since = since.description
            }
            return item
        }
        units = portfolio.units.map { CapacityEntry(id: $0.id.rawValue, name: $0.name, capacity: $0.capacity) }
        resources = portfolio.resources.map { CapacityEntry(id: $0.id.rawValue, name: $0.name, capacity: $0.capacity) }
        dependencies = portfolio.dependencies.compactMap { DependencyEntry(dependency: $0, in: portfolio) }
    }

    /// False for a plan that ended without a schedule (infeasible, or the time limit before any):
    /// its open standards have no dates, so there is nothing to validate.
    public var hasSchedule: Bool { status == PlanStatus.optimal.rawValue || status == PlanStatus.feasible.rawValue }

    /// The `status` of work that is withdrawn from the programme.
    static let withdrawnStatuses: Set<String> = [StandardStatus.cancelled.key, StandardStatus.superseded(by: "").key]

    /// The schedule this document describes, for validation (`stdplan check`). Throws
    /// ``ReportError`` naming every field that cannot be read.
    public func schedule(file: String) throws(ReportError) -> Schedule {
        var problems: [String] = []
        func month(_ text: String?, _ path: String) -> Month? {
            guard let text else { problems.append("\(path): missing"); return nil }
            guard let month = Month(parsing: text) else { problems.append("\(path): '\(text)' is not a month YYYY-MM"); return nil }
            return month
        }
        let entries = standards.enumerated().compactMap { index, standard -> StandardSchedule? in
            let path = "standards[\(index)] (\(standard.id))"
            // Cancelled and superseded work is not planned: no dates to read (and the validator
            // checks that the plan schedules none of it).
            if Self.withdrawnStatuses.contains(standard.status), standard.published == nil, standard.phases.isEmpty { return nil }
            let phases = standard.phases.enumerated().compactMap { k, phase -> ScheduledPhase? in
                guard let start = month(phase.start, "\(path).phases[\(k)].start"),
                      let finish = month(phase.finish, "\(path).phases[\(k)].finish") else { return nil }
                return ScheduledPhase(phase: PhaseID(phase.id), start: start, finish: finish)
            }
            guard let published = month(standard.published, "\(path).published") else { return nil }
            return StandardSchedule(standard: StandardID(standard.id), leadUnit: standard.leadUnit.map { UnitID($0) },
                                    phases: phases, published: published)
        }
        if !problems.isEmpty { throw .unreadableSchedule(file: file, problems: problems) }
        return Schedule(standards: entries)
    }
}
