import PlanModel

/// What a what-if's changes touch, standard by standard: used to tell a move the change caused
/// from a move among equally good plans (a *tie-only* move, docs/json-output.md#compare).
///
/// A change touches a standard when, between the two portfolios, any of these differ: the
/// standard itself (phases and durations, lead-unit candidates, status, earliest start, target
/// year, urgency, hard deadline; or it exists in only one), a dependency into or out of it, the
/// capacity of one of its candidate lead units or of a shared resource one of its phases loads,
/// or anything that applies to every standard (plan start, horizon, objective weights).
struct ChangeFootprint {
    let base: Portfolio
    let variant: Portfolio

    /// True when the change from `base` to `variant` touches the standard `id`.
    func touches(_ id: StandardID) -> Bool {
        if base.planStart != variant.planStart || base.horizonEnd != variant.horizonEnd || base.weights != variant.weights { return true }
        guard let before = base.standard(id), let after = variant.standard(id), before == after else { return true }
        func dependencies(_ portfolio: Portfolio) -> Set<Dependency> {
            Set(portfolio.dependencies.filter { $0.predecessor == id || $0.successor == id })
        }
        if dependencies(base) != dependencies(variant) { return true }
        for unit in Set(before.leadUnits + after.leadUnits) where base.unit(unit)?.capacity != variant.unit(unit)?.capacity {
            return true
        }
        let loaded = Set((before.phases + after.phases).flatMap { $0.resourceLoads.map(\.resource) })
        for resource in loaded {
            if base.resources.first(where: { $0.id == resource })?.capacity != variant.resources.first(where: { $0.id == resource })?.capacity {
                return true
            }
        }
        return false
    }
}
