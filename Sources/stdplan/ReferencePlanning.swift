import PlanModel
import Scheduling

/// Plans a base and its what-ifs so that the what-ifs stay close to the base: the base first,
/// then the others in parallel with the base's schedule as their reference (the planner's
/// stability level), so a standard moves only when a change moves it. `compare` (the first
/// scenario is the base), `compare --by-change` (the overlay's base) and `sweep` (the scenario
/// as given) plan this way.
enum ReferencePlanning {
    /// The base's plan and the plans of `variants`, in order; each variant planned with the base's
    /// schedule as its reference (none when the base has no schedule).
    static func plan(base: Portfolio, variants: [Portfolio], options: PlanOptions) throws(SchedulingError) -> (base: PlanResult, variants: [PlanResult]) {
        let planned = try Planner.plan(base, options: options)
        var referenced = options
        referenced.reference = planned.schedule
        var results: [PlanResult] = []
        for result in Planner.planAll(variants, options: referenced) { results.append(try result.get()) }
        return (planned, results)
    }
}
