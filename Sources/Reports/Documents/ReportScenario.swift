import PlanModel
import Risk
import Scheduling

/// One scenario of a document: what was planned, the plan, and optionally its re-plan from a
/// status file and its Monte Carlo risk. Built from the same results `stdplan plan`, `replan`
/// and `risk` print; a document never solves anything itself.
public struct ReportScenario: Sendable {
    /// Where the scenario came from (a file, or the built-in baseline).
    public var source: String
    /// The question a what-if file answers, if it says.
    public var question: String?
    /// The what-if's named changes: (name, what it did).
    public var changes: [(name: String, summary: String)]
    /// The scenario as written: the baseline the slippage is measured against.
    public var scenario: Portfolio
    /// What the shown schedule plans: the scenario, or with a status applied the re-planned one.
    public var portfolio: Portfolio
    /// The shown plan: the scenario's plan, or the re-plan.
    public var result: PlanResult
    /// The re-plan from a status file, when there is one.
    public var replan: Replan?
    /// The risk of the shown plan, when simulated.
    public var risk: RiskResult?

    /// A scenario and its plan.
    public init(source: String, portfolio: Portfolio, result: PlanResult, question: String? = nil,
                changes: [(name: String, summary: String)] = []) {
        self.source = source
        self.question = question
        self.changes = changes
        scenario = portfolio
        self.portfolio = portfolio
        self.result = result
    }

    /// A scenario re-planned from a status file: the re-plan is shown, the scenario's own plan is
    /// the baseline it is compared with.
    public init(source: String, scenario: Portfolio, replan: Replan, question: String? = nil,
                changes: [(name: String, summary: String)] = []) {
        self.source = source
        self.question = question
        self.changes = changes
        self.scenario = scenario
        portfolio = replan.portfolio
        result = replan.result
        self.replan = replan
    }

    /// The status date, when re-planned from a status file.
    public var asOf: Month? { replan?.status.asOf }

    /// The baseline schedule planned bars are drawn from, when re-planned.
    var plannedSchedule: Schedule? { replan?.baseline.schedule }

    /// On time, months late and the rest for the shown plan (nil without a schedule).
    var summary: PlanSummary? { PlanSummary(portfolio: portfolio, schedule: result.schedule) }

    /// Months after December of the target year of `standard` in the shown plan.
    func monthsLate(_ standard: Standard) -> Int? {
        guard standard.isOpen, let deadline = standard.deadline, let entry = result.schedule?.entry(for: standard.id) else { return nil }
        return max(0, entry.published - deadline)
    }

    /// The name of the lead unit of `standard` in the shown plan (its only candidate without one).
    func leadUnitName(_ standard: Standard) -> String? {
        let unit = result.schedule?.entry(for: standard.id)?.leadUnit ?? (standard.leadUnits.count == 1 ? standard.leadUnits[0] : nil)
        return unit.map { portfolio.unit($0)?.name ?? $0.rawValue }
    }

    /// The standards with dated phases in the shown plan, in scenario order.
    var scheduledStandards: [(standard: Standard, entry: StandardSchedule)] {
        guard let schedule = result.schedule else { return [] }
        return portfolio.standards.compactMap { standard in
            guard standard.isOpen, let entry = schedule.entry(for: standard.id), !entry.phases.isEmpty else { return nil }
            return (standard, entry)
        }
    }

    /// The plan's status in words a committee reads.
    var statusInWords: String {
        switch result.status {
        case .optimal: return "Optimal: GLPK proved that no plan is less late"
        case .feasible:
            let gap = result.gap.map { " (within \(DocumentNumbers.percent($0)) of the best possible)" } ?? ""
            return "Feasible, not proven optimal\(gap)"
        case .infeasible: return "Infeasible: no plan meets every constraint"
        case .timeLimit: return "No plan found within the time limit"
        }
    }
}
