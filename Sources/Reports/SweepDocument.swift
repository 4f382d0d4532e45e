import PlanModel
import Scheduling

/// The JSON form of a sweep (`stdplan sweep --format json`), documented in docs/json-output.md.
/// Stable like the plan document: fields are only ever added. Numbers are JSON numbers, so jq
/// and Python read them without parsing strings; absent figures are null, never left out.
public struct SweepDocument: Codable, Sendable, Equatable {
    /// One value of the parameter and the figures of its plan.
    public struct Point: Codable, Sendable, Equatable {
        /// The parameter's value: a whole number for `unit:`, `resource:` and `delay`, a
        /// multiplier for `duration:` (null only if the text given is not a number).
        public var value: Double?
        /// optimal, feasible, infeasible or time_limit.
        public var status: String
        /// Objective value of the schedule (null without one).
        public var objective: Int?
        /// Best proven lower bound on the objective.
        public var bound: Double?
        /// Relative gap between objective and bound, a fraction (0 when optimal).
        public var gap: Double?
        /// Wall-clock seconds of this solve (the one field that differs between identical runs).
        public var seconds: Double
        /// Standards with a target year published by its end (null without a schedule).
        public var onTime: Int?
        /// Open standards with a target year.
        public var withTarget: Int?
        /// Months late, summed over standards.
        public var monthsLate: Int?
        /// Months late weighted by urgency (the objective's first level).
        public var weightedMonthsLate: Int?
        /// The last publication month among open standards, YYYY-MM.
        public var lastPublication: String?

        enum CodingKeys: String, CodingKey {
            case value, status, objective, bound, gap, seconds
            case onTime = "on_time", withTarget = "with_target", monthsLate = "months_late"
            case weightedMonthsLate = "weighted_months_late", lastPublication = "last_publication"
        }

        // Absent values are written as null rather than left out, so every key is always there.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .value)
            try c.encode(status, forKey: .status)
            try c.encode(objective, forKey: .objective)
            try c.encode(bound, forKey: .bound)
            try c.encode(gap, forKey: .gap)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(onTime, forKey: .onTime)
            try c.encode(withTarget, forKey: .withTarget)
            try c.encode(monthsLate, forKey: .monthsLate)
            try c.encode(weightedMonthsLate, forKey: .weightedMonthsLate)
            try c.encode(lastPublication, forKey: .lastPublication)
        }
    }

    /// Version of this document's shape.
    public var format: Int
    /// The program and version that wrote it, e.g. `stdplan 0.12.0` (null in older documents).
    public var generator: String?
    /// The scenario swept (null when there are no points to take it from).
    public var scenario: String?
    /// What was varied, e.g. `resource:wg-review`.
    public var parameter: String
    /// One entry per value, in the order given.
    public var points: [Point]

    // Absent values are written as null rather than left out, so every key is always there.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(generator, forKey: .generator)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(parameter, forKey: .parameter)
        try c.encode(points, forKey: .points)
    }

    /// The document of `report`. Bound and gap are rounded as in the plan document, so the
    /// bytes do not hang on the last bits of the solver's floating point.
    public init(_ report: SweepReport) {
        format = 1
        generator = Generator.name
        // A variation changes capacities, durations or starts, never the name, so any point's will do.
        scenario = report.points.first?.portfolio.name
        parameter = report.parameter
        points = report.points.map { point in
            let result = point.result
            let summary = PlanSummary(portfolio: point.portfolio, schedule: result.schedule)
            return Point(
                value: Double(point.value).flatMap { $0.isFinite ? $0 : nil }, status: result.status.rawValue,
                objective: result.objective, bound: result.bound.map { ($0 * 1000).rounded() / 1000 },
                gap: result.gap.map { ($0 * 1_000_000).rounded() / 1_000_000 }, seconds: (result.seconds * 1000).rounded() / 1000,
                onTime: summary?.onTime, withTarget: summary?.withTarget, monthsLate: summary?.monthsLate,
                weightedMonthsLate: summary?.weightedMonthsLate, lastPublication: summary?.lastPublication?.description)
        }
    }
}
