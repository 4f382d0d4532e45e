import PlanModel
import RCPSP
import Testing
@testable import Scheduling

/// Property-based tests on seeded random portfolios (sizes, capacities, shared resources,
/// dependencies with lags, durations, candidate units, work in progress, hard deadlines):
///
/// - every schedule the planner returns passes the independent validator;
/// - on tiny portfolios the proven optimum equals a brute-force enumeration's, and the planner
///   says infeasible exactly when the enumeration finds nothing;
/// - tightening a constraint never improves the optimum;
/// - the heuristic never beats a proven optimum.
@Suite("Planner: properties on random portfolios")
struct PlannerPropertyTests {
    /// A seeded generator of small portfolios.
    struct Generator {
        var random: SplitMix64

        init(seed: UInt64) { random = SplitMix64(seed: seed) }

        mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

        /// A portfolio of up to `maximumStandards` standards over `months` months.
        mutating func portfolio(maximumStandards: Int, maximumPhases: Int, months: Int) -> Portfolio {
            let start = Month(year: 2022, month: 1)
            let units = (0..<(1 + below(2))).map { LeadUnit(id: UnitID("u\($0)"), name: "u\($0)", capacity: capacity()) }
            let resources = chance(50) ? [SharedResource(id: "r", name: "r", capacity: capacity())] : []
            var standards: [Standard] = []
            for s in 0..<(1 + below(maximumStandards)) {
                let phases = (0..<(1 + below(maximumPhases))).map { p in
                    Phase(id: PhaseID("p\(p)"), name: "p\(p)", months: 1 + below(3), unitLoad: below(3),
                          resourceLoads: resources.isEmpty || chance(50) ? [] : [ResourceLoad(resource: "r", amount: 1 + below(2))])
                }
                var candidates = [units[below(units.count)].id]
                if units.count > 1, chance(40) { candidates = units.map(\.id) }
                var status = StandardStatus.planned
                if chance(20) { status = .inProgress(phase: phases[below(phases.count)].id, since: start - below(3)) }
                let year = 2022 + below(2)
                standards.append(Standard(
                    id: StandardID("s\(s)"), name: "s\(s)", category: .operations, urgency: 1 + below(5), targetYear: year,
                    status: status, earliestStart: chance(20) ? start + below(4) : nil, leadUnits: candidates, phases: phases,
                    hardDeadline: chance(15)))
            }
            // Dependencies only from earlier to later standards, so there is never a cycle.
            var dependencies: [Dependency] = []
            for s in standards.indices.dropFirst() where chance(35) {
                let p = below(s)
                let predecessorPhase = chance(40) ? standards[p].phases[below(standards[p].phases.count)].id : nil
                dependencies.append(Dependency(predecessor: standards[p].id, predecessorPhase: predecessorPhase,
                                               successor: standards[s].id, lag: below(2)))
            }
            return Portfolio(name: "random", planStart: start, horizonEnd: start + (months - 1), units: units, resources: resources,
                             standards: standards, dependencies: dependencies)
        }

        private mutating func capacity() -> CapacityProfile {
            let initial = 1 + below(2)
            return chance(30) ? CapacityProfile(initial: initial, changes: [.init(from: Month(year: 2022, month: 1) + 2 + below(4), value: below(3))])
                : .constant(initial)
        }
    }

    /// The smallest objective over every schedule, found by trying every lead unit and every
    /// start month of every phase (depth first, checking each rule as phases are placed), or
    /// nil when no schedule satisfies the rules. Written from the rules of the format, not
    /// from the planner's model: months inclusive, a dependency lets the successor start the
    /// month after the predecessor's finish plus the lag, a phase in progress keeps its start
    /// and runs at least into the plan's first month.
    struct BruteForce {
        let portfolio: Portfolio

        func optimum() -> Int? {
            let start = portfolio.planStart, months = portfolio.horizonEnd - start + 1
            let open = portfolio.standards.indices.filter { !portfolio.standards[$0].isPublished }
            let weights = portfolio.weights
            let latenessWeight = weights.lateness ?? (open.reduce(0) { $0 + weights.weight(urgency: portfolio.standards[$1].urgency) * weights.completion * months } + 1)
            var unitLoad = portfolio.units.map { _ in Array(repeating: 0, count: months) }
            var resourceLoad = portfolio.resources.map { _ in Array(repeating: 0, count: months) }
            var finish: [StandardID: [PhaseID: Month]] = [:]
            var best: Int?

            func capacity(_ profile: CapacityProfile, _ t: Int) -> Int { profile.capacity(in: start + t) }

            func place(_ k: Int, cost: Int) {
                guard k < open.count else {
                    best = min(best ?? .max, cost)
                    return
                }
                let standard = portfolio.standards[open[k]]
                for unitID in standard.leadUnits {
                    guard let u = portfolio.units.firstIndex(where: { $0.id == unitID }) else { continue }
                    let first: Int
                    switch standard.status {
                    case .inProgress(let phase, _): first = standard.phases.firstIndex { $0.id == phase }!
                    default: first = 0
                    }
                    placePhase(k, standard, u, first, previousFinish: nil, cost: cost)
                }
            }

            func placePhase(_ k: Int, _ standard: Standard, _ u: Int, _ p: Int, previousFinish: Month?, cost: Int) {
                guard p < standard.phases.count else {
                    let published = previousFinish!
                    if standard.hardDeadline, let deadline = standard.deadline, published > deadline { return }
                    let w = weights.weight(urgency: standard.urgency)
                    let late = standard.deadline.map { max(0, published - $0) } ?? 0
                    place(k + 1, cost: cost + w * (latenessWeight * late + weights.completion * (published - start + 1)))
                    return
                }
                let phase = standard.phases[p]
                var candidates: [Month]
                var duration = phase.months
                if case .inProgress(let current, let since) = standard.status, current == phase.id {
                    candidates = [since]
                    duration = max(duration, start - since + 1)
                } else {
                    var earliest = max(start, standard.earliestStart ?? start)
                    if let previousFinish { earliest = max(earliest, previousFinish + 1) }
                    var blocked = false
                    for dependency in portfolio.dependencies where dependency.successor == standard.id
                        && (dependency.successorPhase ?? standard.phases[0].id) == phase.id {
                        let predecessor = portfolio.standard(dependency.predecessor)!
                        let waited: Month?
                        switch predecessor.status {
                        case .published(let month): waited = dependency.predecessorPhase == nil ? month : nil
                        default:
                            let phaseID = dependency.predecessorPhase ?? predecessor.phases.last!.id
                            if case .inProgress(let current, _) = predecessor.status,
                               predecessor.phases.firstIndex(where: { $0.id == phaseID })! < predecessor.phases.firstIndex(where: { $0.id == current })! {
                                waited = nil  // done before the plan start
                            } else if let month = finish[predecessor.id]?[phaseID] {
                                waited = month
                            } else {
                                blocked = true  // dependencies point to earlier standards, placed first
                                waited = nil
                            }
                        }
                        if let waited { earliest = max(earliest, waited + 1 + dependency.lag) }
                    }
                    if blocked { return }
                    candidates = earliest <= portfolio.horizonEnd ? (0...(portfolio.horizonEnd - earliest)).map { earliest + $0 } : []
                }
                for first in candidates {
                    let last = first + duration - 1
                    guard last <= portfolio.horizonEnd else { continue }
                    let periods = Array(max(0, first - start)...(last - start))
                    let fits = periods.allSatisfy { t in
                        unitLoad[u][t] + phase.unitLoad <= capacity(portfolio.units[u].capacity, t)
                            && phase.resourceLoads.allSatisfy { load in
                                let r = portfolio.resources.firstIndex { $0.id == load.resource }!
                                return resourceLoad[r][t] + load.amount <= capacity(portfolio.resources[r].capacity, t)
                            }
                    }
                    guard fits else { continue }
                    for t in periods {
                        unitLoad[u][t] += phase.unitLoad
                        for load in phase.resourceLoads { resourceLoad[portfolio.resources.firstIndex { $0.id == load.resource }!][t] += load.amount }
                    }
                    finish[standard.id, default: [:]][phase.id] = last
                    placePhase(k, standard, u, p + 1, previousFinish: last, cost: cost)
                    finish[standard.id]?[phase.id] = nil
                    for t in periods {
                        unitLoad[u][t] -= phase.unitLoad
                        for load in phase.resourceLoads { resourceLoad[portfolio.resources.firstIndex { $0.id == load.resource }!][t] -= load.amount }
                    }
                }
            }

            place(0, cost: 0)
            return best
        }
    }

    static let seeds: [UInt64] = Array(1...60)

    @Test("every schedule of a random portfolio passes the validator; optimal plans match brute force on tiny ones", arguments: seeds)
    func randomPortfolio(_ seed: UInt64) throws {
        var generator = Generator(seed: seed)
        let portfolio = generator.portfolio(maximumStandards: 3, maximumPhases: 2, months: 9)
        let result = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 20))  // the validator runs inside
        let brute = BruteForce(portfolio: portfolio).optimum()
        switch result.status {
        case .optimal:
            #expect(result.objective == brute, "seed \(seed): planner \(String(describing: result.objective)), brute force \(String(describing: brute))")
        case .infeasible:
            #expect(brute == nil, "seed \(seed): planner says infeasible, brute force found \(String(describing: brute))")
            #expect(result.conflict != nil, "seed \(seed): an infeasible plan is explained")
        case .feasible, .timeLimit:
            Issue.record("seed \(seed): a tiny portfolio must be proven within 20 s, got \(result.status)")
        }
    }

    @Test("tightening a constraint never improves the optimum; the heuristic never beats it", arguments: Array(UInt64(100)...UInt64(130)))
    func tightening(_ seed: UInt64) throws {
        var generator = Generator(seed: seed)
        let portfolio = generator.portfolio(maximumStandards: 4, maximumPhases: 3, months: 12)
        let result = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 20))
        guard result.status == .optimal, let optimum = result.objective else { return }
        if let heuristic = result.heuristicObjective { #expect(heuristic >= optimum, "seed \(seed)") }
        // The heuristic on its own, through the planner's compilation.
        let problem = PlanningProblem(portfolio)
        if let windows = try? TimeWindows(problem), let schedule = SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 50) {
            #expect(schedule.cost(in: problem) >= optimum, "seed \(seed)")
        }
        var tighter: [Portfolio] = []
        var less = portfolio
        less.units[0].capacity = CapacityProfile(initial: max(0, less.units[0].capacity.initial - 1), changes: less.units[0].capacity.changes)
        tighter.append(less)
        var shorter = portfolio
        shorter.horizonEnd = shorter.horizonEnd - 2
        tighter.append(shorter)
        if portfolio.standards.count > 1 {
            var chained = portfolio
            chained.dependencies.append(Dependency(predecessor: chained.standards[0].id, successor: chained.standards.last!.id, lag: 1))
            tighter.append(chained)
        }
        var hard = portfolio
        for s in hard.standards.indices { hard.standards[s].hardDeadline = true }
        tighter.append(hard)
        for variant in tighter {
            let tightened = try Fixtures.plan(variant, options: PlanOptions(timeLimit: 20))
            if tightened.status == .optimal, let value = tightened.objective {
                #expect(value >= optimum, "seed \(seed): a tighter portfolio improved the optimum \(optimum) to \(value)")
            }
        }
    }
}
