import PlanModel
import Scheduling

/// The outcome of re-planning from a status file (`stdplan replan`).
public struct Replan: Sendable {
    /// The status the re-plan starts from.
    public var status: StatusSnapshot
    /// The plan of the scenario as it was (the baseline the slippage is measured against).
    public var baseline: PlanResult
    /// The scenario with the status applied: planning starts on the status date.
    public var portfolio: Portfolio
    /// The re-plan of what remains.
    public var result: PlanResult
    /// Per standard open in the scenario, planned against forecast publication; empty when the
    /// baseline or the re-plan has no schedule.
    public var slippage: [Slippage]
    /// Facts of the status file the re-plan does not keep (always empty unless there is a bug;
    /// checked independently of the validator).
    public var brokenFacts: [String]

    /// Creates a record.
    public init(status: StatusSnapshot, baseline: PlanResult, portfolio: Portfolio, result: PlanResult, slippage: [Slippage], brokenFacts: [String]) {
        self.status = status
        self.baseline = baseline
        self.portfolio = portfolio
        self.result = result
        self.slippage = slippage
        self.brokenFacts = brokenFacts
    }
}
