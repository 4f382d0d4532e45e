import Scheduling
import Validation

/// The JSON form of `stdplan check --format json`, documented in docs/json-output.md: whether a
/// plan document holds a schedule and whether that schedule keeps every rule of its scenario.
public struct CheckDocument: Codable, Sendable, Equatable {
    /// One rule broken.
    public struct Violation: Codable, Sendable, Equatable {
        /// The kind of rule, e.g. `resource-capacity` (see docs/json-output.md).
        public var kind: String
        /// The standard concerned, if one.
        public var standard: String?
        /// The month concerned, YYYY-MM, if one.
        public var month: String?
        /// What is wrong, in words.
        public var message: String

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(standard, forKey: .standard)
            try c.encode(month, forKey: .month)
            try c.encode(message, forKey: .message)
        }
    }

    /// Version of this document's shape.
    public var format: Int
    /// The program and version that wrote it.
    public var generator: String
    /// The plan document checked, as named on the command line.
    public var file: String
    /// The scenario it was checked against, as named on the command line.
    public var scenario: String
    /// The plan's own status: optimal, feasible, infeasible or time_limit.
    public var planStatus: String
    /// False when the plan ended without a schedule (infeasible, or the time limit before any):
    /// there is nothing to validate, and `valid` is null.
    public var hasSchedule: Bool
    /// True when the schedule keeps every rule; null without a schedule.
    public var valid: Bool?
    /// Standards in the document.
    public var standards: Int
    /// Every rule broken, in the validator's order.
    public var violations: [Violation]
    /// The plan's explanation of why it has no schedule, when it says.
    public var explanation: String?

    enum CodingKeys: String, CodingKey {
        case format, generator, file, scenario, valid, standards, violations, explanation
        case planStatus = "plan_status", hasSchedule = "has_schedule"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(generator, forKey: .generator)
        try c.encode(file, forKey: .file)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(planStatus, forKey: .planStatus)
        try c.encode(hasSchedule, forKey: .hasSchedule)
        try c.encode(valid, forKey: .valid)
        try c.encode(standards, forKey: .standards)
        try c.encode(violations, forKey: .violations)
        try c.encode(explanation, forKey: .explanation)
    }

    /// The outcome of checking `document` (read from `file`) against `scenario`: `violations` is
    /// nil when the document has no schedule.
    public init(file: String, scenario: String, document: PlanDocument, violations: [ScheduleViolation]?) {
        format = 1
        generator = Generator.name
        self.file = file
        self.scenario = scenario
        planStatus = document.status
        hasSchedule = violations != nil
        valid = violations.map(\.isEmpty)
        standards = document.standards.count
        self.violations = (violations ?? []).map {
            Violation(kind: $0.kind.rawValue, standard: $0.standard?.rawValue, month: $0.month?.description, message: $0.message)
        }
        explanation = document.explanation
    }
}
