import PlanModel
import Scheduling
import Validation

/// Re-plans a scenario from a status file: pins what has happened (published work, phases
/// under way since their months, nothing before the status date for work not started),
/// re-optimizes the rest from the status date with the same planner, and measures each
/// standard's slippage against the scenario's own plan.
public enum Replanner {
    /// Plans `scenario` (the baseline), applies `status`, plans again and explains the slips.
    /// Both plans have passed ``ScheduleValidator`` (the planner checks every schedule); a plan
    /// that is infeasible or out of time is a status of its ``PlanResult``.
    public static func replan(_ scenario: Portfolio, status: StatusSnapshot, options: PlanOptions = PlanOptions()) throws -> Replan {
        let baseline = try Planner.plan(scenario, options: options)
        let portfolio = scenario.applying(status)
        let result = try Planner.plan(portfolio, options: options)
        var slippage: [Slippage] = []
        var broken: [String] = []
        if let forecast = result.schedule {
            broken = StatusFactCheck.violations(of: forecast, status: status, portfolio: scenario)
            if let planned = baseline.schedule {
                slippage = try SlippageAnalysis(scenario: scenario, baseline: planned, status: status,
                                                compiled: result.compilation ?? PlanningProblem(portfolio), forecast: forecast).slippage()
            }
        }
        return Replan(status: status, baseline: baseline, portfolio: portfolio, result: result, slippage: slippage, brokenFacts: broken)
    }
}
