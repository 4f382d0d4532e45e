import PlanModel

extension PortfolioGenerator {
    /// Shares of the six categories (the 2022–2025 plan spreads its 30 standards over all six).
    static let categoryShares: [(Category, Double)] = [
        (.itGovernance, 0.18), (.technologyPlatform, 0.20), (.applicationSystems, 0.17),
        (.userAccess, 0.12), (.operations, 0.18), (.digitalTransformation, 0.15),
    ]
    /// Shares of urgency 1…5 stars (the plan's planned standards are mostly 3–5 stars).
    static let urgencyShares = [0.08, 0.17, 0.30, 0.25, 0.20]
    /// Shares of 1, 2 and 3 candidate lead units for planned work.
    static let candidateShares = [0.40, 0.35, 0.25]

    /// Published, in-progress and planned standards, in that order (so dependencies, drawn on
    /// earlier standards only, can rest on finished and ongoing work).
    mutating func makeStandards() {
        var random = stream(2)
        let count = options.standards
        let published = count / 10
        let inProgress = (count - published + 2) / 5
        let width = max(4, String(count).count)
        for index in 0..<count {
            let category = Self.categoryShares[random.index(weights: Self.categoryShares.map(\.1))].0
            let id = StandardID("\(SyntheticNames.idPrefix(category))-\(SyntheticNames.padded(index + 1, width: width))")
            let name = names.title(topic: random.element(of: SyntheticNames.topics(category)), kind: random.element(of: SyntheticNames.kinds))
            if index < published {
                let month = planStart - random.int(in: 1...120)
                let unit = units[random.index(weights: unitWeights)].id
                standards.append(Standard(
                    id: id, name: name, category: category, urgency: 1, targetYear: nil, status: .published(month),
                    leadUnits: [unit], phases: lifeCycle, reference: "JR/T \(SyntheticNames.padded(300 + index, width: 4))—\(month.year)"))
                continue
            }
            let urgency = 1 + random.index(weights: Self.urgencyShares)
            let phases = variedPhases(&random)
            let candidates = drawCandidates(1 + random.index(weights: Self.candidateShares), &random)
            var status = StandardStatus.planned
            var earliest: Month?
            if index < published + inProgress {
                status = workInProgress(phases, &random)
            } else if random.chance(0.12) {
                earliest = planStart + random.int(in: 3...24)
            }
            standards.append(Standard(
                id: id, name: name, category: category, urgency: urgency, targetYear: nil, status: status,
                earliestStart: earliest, leadUnits: candidates, phases: phases))
        }
        for (index, standard) in standards.enumerated() { positions[standard.id] = index }
    }

    /// The default life cycle with about a third of its durations drawn from each phase's alternatives.
    func variedPhases(_ random: inout SeededRandom) -> [Phase] {
        lifeCycle.map { phase in
            guard random.chance(SyntheticLifeCycle.variedShare) else { return phase }
            let (months, weights) = SyntheticLifeCycle.alternatives(for: phase.id)
            var varied = phase
            varied.months = months[random.index(weights: weights)]
            return varied
        }
    }

    /// `count` distinct units (all of them when there are fewer), weighted by their kind.
    func drawCandidates(_ count: Int, _ random: inout SeededRandom) -> [UnitID] {
        var weights = unitWeights
        var chosen: [UnitID] = []
        for _ in 0..<min(count, units.count) {
            let index = random.index(weights: weights)
            chosen.append(units[index].id)
            weights[index] = 0
        }
        return chosen
    }

    /// A phase under way at the plan start: drafting most often, since a month within its
    /// duration, or (one in ten) overrunning it by up to six months.
    func workInProgress(_ phases: [Phase], _ random: inout SeededRandom) -> StandardStatus {
        let phase = phases[1 + random.index(weights: [0.5, 0.25, 0.15, 0.10])]
        let elapsed = random.chance(0.1) ? random.int(in: phase.months...(phase.months + 6)) : random.int(in: 0...(phase.months - 1))
        return .inProgress(phase: phase.id, since: planStart - elapsed)
    }

    /// Capacities from the load: each unit can carry its expected share of the drafting work
    /// (split evenly over each standard's candidates) at ``unitUtilisation`` over the
    /// programme, each review body its load at ``reviewUtilisation`` over the programme less
    /// its first six months (no planned draft reaches review before then). Then changes over
    /// time: a quarter of the units gain or lose a drafting group after the first 15 months
    /// (later than any phase in progress ends, so those still fit); the working group adds
    /// reviewers in the plan's third year; the committee has a six-month dip in its second.
    mutating func calibrateCapacities() {
        var random = stream(3)
        var unitLoad = Array(repeating: 0.0, count: units.count)
        var unitIndex: [UnitID: Int] = [:]
        for (index, unit) in units.enumerated() { unitIndex[unit.id] = index }
        var resourceLoad: [ResourceID: Double] = [:]
        for standard in standards {
            guard let first = standard.firstOpenPhaseIndex else { continue }
            var unitMonths = 0.0
            for index in first..<standard.phases.count {
                let months = Double(standard.plannedMonths(ofPhaseAt: index, planStart: planStart))
                unitMonths += Double(standard.phases[index].unitLoad) * months
                for load in standard.phases[index].resourceLoads { resourceLoad[load.resource, default: 0] += Double(load.amount) * months }
            }
            for unit in standard.leadUnits { unitLoad[unitIndex[unit]!] += unitMonths / Double(standard.leadUnits.count) }
        }
        for index in units.indices {
            let capacity = max(1, Int((unitLoad[index] / (Self.programmeMonths * Self.unitUtilisation)).rounded(.up)))
            var changes: [CapacityProfile.Change] = []
            if random.chance(0.25) {
                let value = random.chance(0.6) ? capacity + 1 : max(1, capacity - 1)
                if value != capacity { changes.append(.init(from: planStart + random.int(in: 15...48), value: value)) }
            }
            units[index].capacity = CapacityProfile(initial: capacity, changes: changes)
        }
        for index in resources.indices {
            let load = resourceLoad[resources[index].id, default: 0]
            let capacity = max(1, Int((load / ((Self.programmeMonths - 6) * Self.reviewUtilisation)).rounded(.up)))
            var changes: [CapacityProfile.Change] = []
            if index == 0 {
                changes.append(.init(from: planStart + random.int(in: 24...35), value: capacity + max(1, capacity / 8)))
            } else {
                let from = planStart + random.int(in: 15...23)
                changes.append(.init(from: from, value: max(1, capacity - max(1, capacity / 4))))
                changes.append(.init(from: from + 6, value: capacity))
            }
            resources[index].capacity = CapacityProfile(initial: capacity, changes: changes)
        }
    }

    /// Places the work in progress first (it keeps its start, so it must fit before anything
    /// else takes capacity), fixing its lead unit to the candidate it fits on; work that fits
    /// on none is made planned instead.
    mutating func placeWorkInProgress() {
        placements = Array(repeating: nil, count: standards.count)
        for index in standards.indices {
            guard case .inProgress = standards[index].status else { continue }
            if let placement = scheduler.bestPlacement(of: standards[index], release: { _ in 0 }) {
                scheduler.commit(placement, of: standards[index])
                placements[index] = placement
                standards[index].leadUnits = [placement.unit]
            } else {
                standards[index].status = .planned
            }
        }
    }

    /// Target years around the reference schedule's publication year: 70 % that year, 20 % a
    /// year earlier (not before the plan's first year), 10 % a year later.
    mutating func drawTargets() {
        var random = stream(7)
        for index in standards.indices {
            guard let placement = placements[index] else { continue }
            let year = (planStart + placement.publication).year
            let draw = random.unit()
            standards[index].targetYear = draw < 0.2 ? max(planStart.year, year - 1) : draw < 0.3 ? year + 1 : year
        }
    }
}
