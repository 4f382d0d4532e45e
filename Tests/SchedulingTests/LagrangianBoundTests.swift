import PlanModel
import RCPSP
import ScenarioFile
import Synthetic
import Testing
@testable import Scheduling

/// The Lagrangian lower bound: never above an optimum found by enumeration or proven by the planner,
/// equal to it where nothing competes for capacity, equal to a hand computation at fixed prices, and
/// the same bytes on every run.
@Suite("Lagrangian bound")
struct LagrangianBoundTests {
    /// The relaxation of level `index` of `portfolio` as the planner's MIP minimises it (with the
    /// completion guide at the lateness level when `guide`), the levels before held at `proven`.
    static func relaxation(_ portfolio: Portfolio, index: Int = 0, proven: [Int] = [], guide: Bool = true,
                           folded: Bool = false) throws -> LagrangianBound {
        let problem = PhaseFolding(PlanningProblem(portfolio), enabled: folded).reduced
        let windows = try TimeWindows(problem)
        var objective = BoundObjective.planner(problem, windows: windows, index: index, proven: proven)
        if !guide { objective = BoundObjective(level: objective.level, held: objective.held) }
        return LagrangianBound(problem: problem, windows: windows, objective: objective)
    }

    static let options = LagrangianOptions(iterations: 600)

    // MARK: Never above an optimum

    @Test("tiny portfolios: never above the enumerated optimum, on either level", arguments: Array(UInt64(1)...24))
    func tinyPortfolios(seed: UInt64) throws {
        let portfolio = ExactPlannerTests.tiny(seed: seed)
        guard let truth = BruteForce.optimum(portfolio) else { return }

        let lateness = try Self.relaxation(portfolio)
        let guided = lateness.maximise(Self.options)
        let levelBound = try #require(guided.levelBound)
        #expect(levelBound <= truth.weightedLateness)
        // On the guided objective itself: the optimum's lateness plus the guide at its completion.
        #expect(guided.bound <= Double(truth.weightedLateness) + lateness.objective.guideScale * Double(truth.completion))

        let plain = try Self.relaxation(portfolio, guide: false).maximise(Self.options)
        #expect(try #require(plain.levelBound) <= truth.weightedLateness)

        let completion = try Self.relaxation(portfolio, index: 1, proven: [truth.weightedLateness]).maximise(Self.options)
        #expect(try #require(completion.levelBound) <= truth.completion)
    }

    /// Small generated portfolios (calendars, waits, in-progress phases, dependencies with lags, two
    /// review bodies from 60 standards) and the baseline (the committee's process: gates, limited and
    /// costed waits, the Spring Festival dip).
    static func plannerCases() throws -> [(name: String, portfolio: Portfolio)] {
        var cases = [("baseline", try ScenarioLoader.builtinBaseline())]
        for (standards, seed) in [(8, UInt64(1)), (12, 2), (16, 3)] {
            cases.append(("generated \(standards)/\(seed)", try PortfolioGenerator.generate(GeneratorOptions(standards: standards, seed: seed)).portfolio))
        }
        return cases
    }

    @Test("never above the planner's proven optimum, folded or not, on every proven level")
    func plannerOptimum() throws {
        for (name, portfolio) in try Self.plannerCases() {
            let result = try Fixtures.plan(portfolio)
            let proven = result.levels.prefix { $0.proven }.compactMap(\.value)
            #expect(proven.count == result.levels.count, "\(name): the planner proves every level")
            for (index, value) in proven.enumerated() {
                for folded in [false, true] {
                    let bound = try Self.relaxation(portfolio, index: index, proven: Array(proven.prefix(index)), folded: folded)
                        .maximise(Self.options)
                    let level = try #require(bound.levelBound, "\(name)")
                    #expect(level <= value, "\(name), level \(index), folded \(folded): bound \(level) above the optimum \(value)")
                }
            }
        }
    }

    @Test("on the baseline the bound reaches the proven lateness optimum, 421, where unlimited capacity gives 366")
    func baselineProof() throws {
        let relaxation = try Self.relaxation(try ScenarioLoader.builtinBaseline(), folded: true)
        let unlimited = relaxation.evaluate(relaxation.zeroMultipliers)
        #expect(relaxation.levelBound(from: unlimited.bound) == 366)
        let result = relaxation.maximise(Self.options)
        #expect(result.levelBound == 421)
    }

    @Test("a generated portfolio's reference schedule is never beaten", arguments: [UInt64(1), 2])
    func generatedReference(seed: UInt64) throws {
        let generated = try PortfolioGenerator.generate(GeneratorOptions(standards: 60, seed: seed))
        var options = Self.options
        options.iterations = 150
        let result = try Self.relaxation(generated.portfolio, folded: true).maximise(options)
        #expect(try #require(result.levelBound) <= generated.referenceWeightedMonthsLate)
    }

    @Test("the objective is exactly the MIP's: its guide weight, and its value at a schedule, lateness and completion levels")
    func sameObjectiveAsTheMIP() throws {
        for (name, portfolio) in try Self.plannerCases() {
            let problem = PhaseFolding(PlanningProblem(portfolio)).reduced
            let windows = try TimeWindows(problem)
            let model = try TimeIndexedModel(problem: problem, windows: windows)
            #expect(Double(BoundObjective.largestValue(of: .completion, problem, windows)) == model.largestValue(of: .completion), "\(name)")
            let schedule = try #require(SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 50), "\(name)")
            let columns = model.columnValues(for: schedule)
            for index in problem.levels.indices {
                let objective = BoundObjective.planner(problem, windows: windows, index: index)
                var mip = model.terms(of: objective.level)
                if let guide = objective.guide {
                    let extra = model.terms(of: guide)
                    mip.constant += objective.guideScale * extra.constant
                    mip.terms += extra.terms.map { ($0.column, objective.guideScale * $0.coefficient) }
                }
                let value = mip.terms.reduce(mip.constant) { $0 + $1.coefficient * columns[$1.column] }
                #expect(abs(value - objective.value(of: schedule, in: problem)) < 1e-6, "\(name), level \(index)")
            }
        }
    }

    // MARK: Exact where nothing competes

    /// Five standards, each on its own unit with room for all its phases at once, no shared
    /// resource, no dependency; some targets already passed: lateness that no schedule avoids.
    static func conflictFree() -> Portfolio {
        let standards = (0..<5).map { i in
            Fixtures.standard("s\(i)", urgency: 1 + i, target: 2021 + i % 2, units: ["u\(i)"],
                              phases: [Fixtures.phase("draft", months: 3 + i), Fixtures.phase("review", months: 2)])
        }
        return Fixtures.portfolio(standards, units: (0..<5).map { Fixtures.unit("u\($0)", capacity: 2) })
    }

    @Test("without capacity conflicts the bound is the optimum, on both levels")
    func withoutConflicts() throws {
        let portfolio = Self.conflictFree()
        let result = try Fixtures.plan(portfolio)
        let values = result.levels.compactMap(\.value)
        #expect(values.count == 2 && values[0] > 0)
        let lateness = try Self.relaxation(portfolio).maximise(Self.options)
        #expect(lateness.levelBound == values[0])
        let completion = try Self.relaxation(portfolio, index: 1, proven: [values[0]]).maximise(Self.options)
        #expect(completion.levelBound == values[1])
    }

    // MARK: By hand

    /// `a` (5 stars, 2 months) then `b` (1 star, 1 month, after a's publication), both due in 2021 so
    /// every month counts late, on one unit of capacity 1, four months of horizon. The windows: a in
    /// 0…1, b in 2…3.
    static func twoStandards() -> Portfolio {
        Fixtures.portfolio(
            [Fixtures.standard("a", urgency: 5, target: 2021, phases: [Fixtures.phase("work", months: 2)]),
             Fixtures.standard("b", urgency: 1, target: 2021, phases: [Fixtures.phase("work", months: 1)])],
            dependencies: [Dependency(predecessor: "a", successor: "b")], horizon: Month(year: 2022, month: 4))
    }

    @Test("the dual function at fixed prices is the hand computation")
    func handComputed() throws {
        let relaxation = try Self.relaxation(Self.twoStandards(), guide: false)
        let problem = relaxation.problem
        #expect(problem.periodCount == 4)
        // The one precedence is between two standards, so it is priced.
        #expect(relaxation.isRelaxed == [true])
        let link = 0
        var prices = relaxation.zeroMultipliers
        for (period, price) in [4.0, 0, 1, 2].enumerated() { prices.setUnit(0, period: period, to: price) }
        prices.precedences[link] = 1
        // a in s ∈ {0, 1}: lateness 5·(s + 2), unit prices λ_s + λ_{s+1} = 4 or 1, link price +1·s: 14 or 17.
        // b in s ∈ {2, 3}: lateness 1·(s + 1), unit price λ_s = 1 or 2, link price −1·s: 2 or 3.
        // Constants: −Σ λ·capacity = −7, +μ·delay = 1·2. L = 14 + 2 − 7 + 2 = 11.
        let evaluation = relaxation.evaluate(prices)
        #expect(abs(evaluation.value - 11) < 1e-12)
        #expect(evaluation.margin > 0 && evaluation.margin < 1e-9)
        let a = problem.open[0].tasks[0], b = problem.open[1].tasks[0]
        #expect(evaluation.starts[a] == 0 && evaluation.starts[b] == 2)
        // Loads 1, 1, 1, 0 against capacity 1; the link is met exactly.
        #expect(evaluation.unitExcess == [0, 0, 0, -1])
        #expect(evaluation.precedenceExcess[link] == 0)
        // The optimum (a in 0–1, b in 2: 10 + 3) is above it, and the climb proves it.
        let result = relaxation.maximise(Self.options)
        #expect(result.levelBound == 13)
    }

    // MARK: The dynamic programme

    @Test("each chain's minimum is the enumerated one, gaps, gates and empty cases included", arguments: Array(UInt64(1)...40))
    func chainAgainstEnumeration(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let count = 1 + below(4)
        let earliest = (0..<count).map { _ in below(6) - 1 }
        let latest = earliest.map { $0 + below(5) }
        let minGap = (0..<count).map { _ in below(4) - 1 }
        let maxGap = minGap.map { below(3) == 0 ? ChainSubproblem.unlimited : $0 + below(4) }
        let chain = ChainSubproblem(standard: 0, tasks: Array(0..<count), earliest: earliest, latest: latest, minGap: minGap, maxGap: maxGap)
        let costs = (0..<chain.size).map { _ in below(5) == 0 ? Double.infinity : Double(below(20)) - 5 }

        var enumerated: Double?
        func place(_ j: Int, _ previous: Int?, _ total: Double) {
            if j == count {
                enumerated = min(enumerated ?? .infinity, total)
                return
            }
            for s in earliest[j]...latest[j] {
                if let previous, s - previous < minGap[j] || s - previous > maxGap[j] { continue }
                let cost = costs[chain.offsets[j] + s - earliest[j]]
                if cost < .infinity { place(j + 1, s, total + cost) }
            }
        }
        place(0, nil, 0)

        var starts = Array(repeating: 0, count: count)
        let best = UnsafeMutableBufferPointer<Double>.allocate(capacity: chain.size)
        let choice = UnsafeMutableBufferPointer<Int>.allocate(capacity: chain.size)
        let queue = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        defer { best.deallocate(); choice.deallocate(); queue.deallocate() }
        let value = costs.withUnsafeBufferPointer { chain.minimise(costs: $0, best: best, choice: choice, queue: queue, starts: &starts) }
        #expect(value == enumerated)
        guard let value else { return }
        // The starts returned meet every gap and cost exactly the minimum.
        var total = 0.0
        for j in 0..<count {
            #expect((earliest[j]...latest[j]).contains(starts[j]))
            if j > 0 { #expect(starts[j] - starts[j - 1] >= minGap[j] && starts[j] - starts[j - 1] <= maxGap[j]) }
            total += costs[chain.offsets[j] + starts[j] - earliest[j]]
        }
        #expect(total == value)
    }

    // MARK: Determinism and budgets

    @Test("same inputs, same bound, prices and starts")
    func determinism() throws {
        let portfolio = try PortfolioGenerator.generate(GeneratorOptions(standards: 40, seed: 5)).portfolio
        var options = Self.options
        options.iterations = 120
        let first = try Self.relaxation(portfolio, folded: true).maximise(options)
        let second = try Self.relaxation(portfolio, folded: true).maximise(options)
        #expect(first.bound == second.bound)
        #expect(first.multipliers == second.multipliers)
        #expect(first.starts == second.starts)
        #expect(first.units == second.units)
        #expect(first.iterations == second.iterations)
    }

    @Test("no steps: the bound of unlimited capacity, with the subproblems' own starts")
    func noSteps() throws {
        let relaxation = try Self.relaxation(Self.twoStandards(), guide: false)
        let result = relaxation.maximise(LagrangianOptions(iterations: 0))
        #expect(result.stop == .iterations)
        #expect(result.iterations == 0)
        // a at once (pub 1, 5·2 late), b right after (pub 2, 1·3): 13, and here that is the optimum.
        #expect(result.levelBound == 13)
        #expect(result.multipliers == relaxation.zeroMultipliers)
    }

    @Test("a known schedule's value ends the climb once the bound reaches it")
    func stopsAtUpperBound() throws {
        let relaxation = try Self.relaxation(try ScenarioLoader.builtinBaseline(), folded: true)
        var options = Self.options
        options.iterations = 5000
        options.upperBound = 421 + relaxation.objective.guideScale * Double(relaxation.guideMaximum)
        let result = relaxation.maximise(options)
        #expect(result.stop == .reachedUpperBound)
        #expect(result.levelBound == 421)
        #expect(result.iterations < 5000)
    }
}
