import PlanModel

/// A serial schedule generator for calibrating generated portfolios: it places one standard at
/// a time, each phase at the earliest month where its lead unit and review bodies have room.
///
/// It is deliberately simple and lives here rather than in `Scheduling`: the generator needs
/// one feasible schedule to draw target years and the horizon from, not a good one, and must
/// not depend on the planner it is used to measure.
struct ReferenceScheduler {
    /// Where a standard would go: its lead unit and the start of each open phase, in months
    /// from the plan start.
    struct Placement {
        var unit: UnitID
        var firstPhase: Int
        var starts: [Int]
        var months: [Int]
        /// The publication month, from the plan start.
        var publication: Int { starts[starts.count - 1] + months[months.count - 1] - 1 }
        /// The finish of phase `index` of the standard (nil when it was done before the plan).
        func finish(ofPhase index: Int) -> Int? {
            index < firstPhase ? nil : starts[index - firstPhase] + months[index - firstPhase] - 1
        }
    }

    let planStart: Month
    private var units: [UnitID: CapacityLedger] = [:]
    private var resources: [ResourceID: CapacityLedger] = [:]

    init(planStart: Month, units: [LeadUnit], resources: [SharedResource]) {
        self.planStart = planStart
        for unit in units { self.units[unit.id] = CapacityLedger(unit.capacity, planStart: planStart) }
        for resource in resources { self.resources[resource.id] = CapacityLedger(resource.capacity, planStart: planStart) }
    }

    /// The placement of `standard` with the earliest publication over its candidate units (the
    /// first candidate on a tie), or nil when a phase in progress does not fit any of them.
    /// `release(j)` is the earliest month phase `j` may start by its dependencies.
    func bestPlacement(of standard: Standard, release: (Int) -> Int) -> Placement? {
        var best: Placement?
        for unit in standard.leadUnits {
            guard let placement = placement(of: standard, on: unit, release: release) else { continue }
            if best == nil || placement.publication < best!.publication { best = placement }
        }
        return best
    }

    /// Puts `placement`'s load on its unit and the review bodies.
    mutating func commit(_ placement: Placement, of standard: Standard) {
        for (offset, start) in placement.starts.enumerated() {
            let phase = standard.phases[placement.firstPhase + offset]
            units[placement.unit]?.add(from: start, months: placement.months[offset], load: phase.unitLoad)
            for load in phase.resourceLoads {
                resources[load.resource]?.add(from: start, months: placement.months[offset], load: load.amount)
            }
        }
    }

    private func placement(of standard: Standard, on unit: UnitID, release: (Int) -> Int) -> Placement? {
        guard let first = standard.firstOpenPhaseIndex else { return nil }
        var earliest = max(0, (standard.earliestStart ?? planStart) - planStart)
        var starts: [Int] = []
        var months: [Int] = []
        for index in first..<standard.phases.count {
            let duration = standard.plannedMonths(ofPhaseAt: index, planStart: planStart)
            let start: Int
            if index == first, case .inProgress(_, let since) = standard.status {
                start = since - planStart
                guard conflict(standard.phases[index], unit: unit, from: start, months: duration) == nil else { return nil }
            } else {
                start = firstFit(standard.phases[index], unit: unit, from: max(earliest, release(index)), months: duration)
            }
            starts.append(start)
            months.append(duration)
            earliest = start + duration
        }
        return Placement(unit: unit, firstPhase: first, starts: starts, months: months)
    }

    /// The earliest start from `month` on where `phase` fits. Every capacity is at least one
    /// and every load at most one in generated portfolios, so a start always exists.
    private func firstFit(_ phase: Phase, unit: UnitID, from month: Int, months: Int) -> Int {
        var start = month
        while let full = conflict(phase, unit: unit, from: start, months: months) { start = full + 1 }
        return start
    }

    /// The first month in the window where the unit or a review body lacks room, if any.
    private func conflict(_ phase: Phase, unit: UnitID, from start: Int, months: Int) -> Int? {
        var first: Int?
        if let full = units[unit]?.firstFull(from: start, months: months, load: phase.unitLoad) { first = full }
        for load in phase.resourceLoads {
            if let full = resources[load.resource]?.firstFull(from: start, months: months, load: load.amount) {
                first = min(first ?? full, full)
            }
        }
        return first
    }
}
