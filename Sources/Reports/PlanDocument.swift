import PlanModel
import Scheduling

/// The JSON form of a plan (`stdplan plan --format json`), documented in docs/json-output.md.
/// Later reports and other tools read it, and `stdplan check` reads it back, so its shape is
/// stable: fields are only ever added.
public struct PlanDocument: Codable, Sendable, Equatable {
    /// Version of this document's shape.
    public var format: Int
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
    /// For an infeasible plan: the smallest relaxations that would make it feasible (else null).
    public var conflict: ConflictDocument?
    /// True when Ctrl-C stopped planning before the result was proven. (Optional only so that
    /// documents written before the field existed still read.)
    public var interrupted: Bool?
    /// The MIP that was not built because it exceeded the size bound (else null).
    public var modelSize: ModelSizeEntry?

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

        enum CodingKeys: String, CodingKey {
            case id, name, category, urgency, status, reference, phases, published
            case categoryName = "category_name", targetYear = "target_year", leadUnit = "lead_unit"
            case leadUnitName = "lead_unit_name", monthsLate = "months_late"
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
    }

    enum CodingKeys: String, CodingKey {
        case format, scenario, status, objective, bound, gap, seconds, explanation, standards, conflict, interrupted
        case planStart = "plan_start", latenessWeight = "lateness_weight", modelSize = "model_size"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
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
        try c.encode(conflict, forKey: .conflict)
        try c.encode(interrupted ?? false, forKey: .interrupted)
        try c.encode(modelSize, forKey: .modelSize)
    }

    /// The document for `result` of planning `portfolio`.
    public init(portfolio: Portfolio, result: PlanResult) {
        format = 1
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
        standards = portfolio.standards.map { standard in
            let entry = result.schedule?.entry(for: standard.id)
            let unit = entry?.leadUnit ?? (standard.leadUnits.count == 1 ? standard.leadUnits[0] : nil)
            let status: String
            switch standard.status {
            case .planned: status = "planned"
            case .inProgress: status = "in_progress"
            case .published: status = "published"
            }
            return StandardEntry(
                id: standard.id.rawValue, name: standard.name, category: standard.category.rawValue,
                categoryName: standard.category.chineseName, urgency: standard.isPublished ? nil : standard.urgency, targetYear: standard.targetYear,
                status: status, reference: standard.reference, leadUnit: unit?.rawValue,
                leadUnitName: unit.flatMap { portfolio.unit($0)?.name },
                phases: (entry?.phases ?? []).map { dated in
                    PhaseEntry(id: dated.phase.rawValue, name: standard.phases.first { $0.id == dated.phase }?.name ?? dated.phase.rawValue,
                               start: dated.start.description, finish: dated.finish.description)
                },
                published: entry?.published.description,
                monthsLate: entry.flatMap { e in standard.deadline.map { max(0, e.published - $0) } })
        }
    }

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
