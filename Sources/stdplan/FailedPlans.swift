import ArgumentParser
import Scheduling

/// The plans of a comparison or sweep that ended without a schedule, named on standard error
/// once the report is written, with exit code 5 (``ExitCode/somePlansFailed``).
enum FailedPlans {
    /// Throws exit code 5 after naming every plan in `plans` without a schedule (`noun`: "scenario"
    /// or "value"), with its status and the reason when known.
    static func check(_ plans: [(label: String, result: PlanResult)], noun: String) throws(ExitCode) {
        let failed = plans.filter { $0.result.schedule == nil }
        guard !failed.isEmpty else { return }
        let verb = failed.count == 1 ? "has" : "have"
        Failure.printError("error: \(failed.count) of \(plans.count) \(noun)s \(verb) no schedule (the report marks them):")
        for plan in failed {
            Failure.printError("  \(plan.label): \(plan.result.status.rawValue)" + (plan.result.explanation == nil ? "" : " (the report says why)"))
        }
        throw .somePlansFailed
    }
}
