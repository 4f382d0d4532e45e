import PlanModel

/// One way in which a schedule breaks its scenario's rules.
public struct ScheduleViolation: Hashable, Sendable, CustomStringConvertible {
    /// The kind of rule broken.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case missingStandard = "missing-standard"
        case unknownStandard = "unknown-standard"
        case leadUnit = "lead-unit"
        case phases
        case duration
        case phaseOrder = "phase-order"
        case dependency
        case earliestStart = "earliest-start"
        case fixedProgress = "fixed-progress"
        case horizon
        case publication
        case deadline
        case unitCapacity = "unit-capacity"
        case resourceCapacity = "resource-capacity"
        /// A phase waited longer after the previous one than its `max_wait`.
        case wait
        /// A phase starts or ends outside the calendar it is bound to.
        case calendar
        /// Cancelled or superseded work was scheduled.
        case withdrawn
    }

    /// The rule broken.
    public var kind: Kind
    /// The standard concerned, if one.
    public var standard: StandardID?
    /// The month concerned, if one.
    public var month: Month?
    /// What is wrong, in words.
    public var message: String

    /// Creates a violation.
    public init(kind: Kind, standard: StandardID?, month: Month? = nil, message: String) {
        self.kind = kind
        self.standard = standard
        self.month = month
        self.message = message
    }

    public var description: String { "[\(kind.rawValue)] \(message)" }
}
