import PlanModel
import Scheduling

/// One scenario of a comparison: what was planned, the plan, and the changes that made it.
public struct ComparedScenario: Sendable {
    /// The file it came from.
    public var file: String
    /// The question it answers, if its file says.
    public var question: String?
    /// Its named changes to its base: (name, what it did).
    public var changes: [(name: String, summary: String)]
    /// What was planned.
    public var portfolio: Portfolio
    /// The plan.
    public var result: PlanResult

    /// Creates an entry.
    public init(file: String, question: String?, changes: [(name: String, summary: String)], portfolio: Portfolio, result: PlanResult) {
        self.file = file
        self.question = question
        self.changes = changes
        self.portfolio = portfolio
        self.result = result
    }

    var summary: PlanSummary? { PlanSummary(portfolio: portfolio, schedule: result.schedule) }
}
