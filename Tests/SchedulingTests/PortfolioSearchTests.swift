import Foundation
import PlanModel
import ScenarioFile
import Synthetic
import Testing
@testable import Scheduling
import Validation

/// The phase-level local search and the folding of load-free phases: every schedule they give
/// passes the independent validator, the search is reproducible and never worse than its start,
/// and folding leaves every optimum where it was.
@Suite("Portfolio planner: phase-list search and phase folding")
struct PortfolioSearchTests {
    static func whatIf(_ name: String) throws -> Portfolio {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/what-if/\(name).yaml").path)
    }

    @Test("the search never worsens the serial heuristic, is reproducible, and its schedules validate",
          arguments: ["baseline", "review-capacity-halved", "revise-2012-standards", "drafting-plus-50"])
    func searchImproves(name: String) throws {
        let portfolio = name == "baseline" ? try ScenarioLoader.builtinBaseline() : try Self.whatIf(name)
        for fold in [false, true] {
            let folding = PhaseFolding(PlanningProblem(portfolio), enabled: fold)
            let problem = folding.reduced
            let windows = try TimeWindows(problem)
            let start = try #require(SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 50))
            let search = PhaseListSearch(problem: problem, windows: windows)
            let improved = search.improve(start, iterations: 2000, seed: 7)
            #expect(improved.cost(in: problem) <= start.cost(in: problem))
            #expect(search.improve(start, iterations: 2000, seed: 7) == improved)
            let expanded = folding.expand(improved)
            #expect(expanded.cost(in: folding.original) == improved.cost(in: problem))
            let schedule = ScheduleDecoder(problem: folding.original).schedule(from: expanded)
            #expect(ScheduleValidator.check(schedule, against: portfolio).isEmpty)
        }
    }

    /// The baseline without its process keys (calendars on 立项 and 发布, waits): the shape the
    /// folding was made for.
    static func plainBaseline() throws -> Portfolio {
        var portfolio = try ScenarioLoader.builtinBaseline()
        for s in portfolio.standards.indices {
            for p in portfolio.standards[s].phases.indices {
                portfolio.standards[s].phases[p].startsIn = nil
                portfolio.standards[s].phases[p].endsIn = nil
                portfolio.standards[s].phases[p].maxWait = nil
                portfolio.standards[s].phases[p].idleCost = 0
            }
        }
        return portfolio
    }

    @Test("the baseline's 立项 and 发布 are bound to calendars, so they are not folded")
    func gatedPhasesStay() throws {
        #expect(PhaseFolding(PlanningProblem(try ScenarioLoader.builtinBaseline())).foldedCount == 0)
    }

    @Test("without calendars, the baseline folds its initiation and publication phases where nothing depends on them")
    func baselineFolds() throws {
        let folding = PhaseFolding(PlanningProblem(try Self.plainBaseline()))
        #expect(folding.foldedCount > 0)
        #expect(folding.reduced.tasks.count == folding.original.tasks.count - folding.foldedCount)
        for task in folding.reduced.tasks.indices {
            let t = folding.reduced.tasks[task]
            // Nothing that loads a unit or a resource, and nothing fixed, is ever folded.
            #expect(t.phaseIndex == folding.original.tasks[folding.originalTask(task)].phaseIndex)
        }
        let folded = Set(folding.original.tasks.indices).subtracting(folding.reduced.tasks.indices.map(folding.originalTask))
        for task in folded {
            let t = folding.original.tasks[task]
            #expect(t.unitLoad == 0 && t.fixedStart == nil && t.resourceLoads.allSatisfy { $0.amount == 0 })
        }
    }

    @Test("folding keeps the optimum: a dependency on a folded publication, a load-free first phase, a hard deadline")
    func foldingKeepsOptimum() throws {
        // a: free start phase (2 months), work (3), free publication (1); b waits for a's publication
        // plus 1 month, then its own 2 months of work; c is due 2022 with a hard deadline.
        let free = { (id: String, months: Int) in Fixtures.phase(id, months: months, load: 0) }
        let a = Fixtures.standard("a", urgency: 2, phases: [free("start", 2), Fixtures.phase("work", months: 3), free("publish", 1)])
        let b = Fixtures.standard("b", urgency: 3, phases: [free("start", 1), Fixtures.phase("work", months: 2), free("publish", 2)])
        var c = Fixtures.standard("c", urgency: 1, phases: [Fixtures.phase("work", months: 4), free("publish", 1)])
        c.hardDeadline = true
        let portfolio = Fixtures.portfolio([a, b, c], dependencies: [Dependency(predecessor: "a", successor: "b", lag: 1)])
        let folded = try Fixtures.plan(portfolio)
        let plain = try Fixtures.plan(portfolio, options: PlanOptions(foldPhases: false))
        #expect(folded.status == .optimal && plain.status == .optimal)
        #expect(folded.objective == plain.objective)
        // Units run a.work, c.work, b.work back to back in some order; b must wait for a's publication.
        let b0 = try #require(folded.schedule?.entry(for: "b"))
        let a0 = try #require(folded.schedule?.entry(for: "a"))
        #expect(b0.phases[0].start > a0.published)
    }

    @Test("the strengthened pipeline alone proves the baseline's optimum, with folding and search on or off",
          arguments: [(true, 20000), (false, 0), (true, 0)])
    func baselineOptimum(fold: Bool, iterations: Int) throws {
        let result = try Fixtures.plan(try ScenarioLoader.builtinBaseline(), options: PlanOptions(
            searchIterations: iterations, foldPhases: fold, quickRootIterations: 0))
        #expect(result.status == .optimal)
        #expect(result.objective == 5342070)
    }

    @Test("the plain first attempt, when asked for, proves the baseline by itself and agrees on the optimum; the default is deterministic")
    func quickStageAnswers() throws {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let strong = try Fixtures.plan(portfolio)
        let again = try Fixtures.plan(portfolio)
        let plainOnly = try Fixtures.plan(portfolio, options: PlanOptions(quickRootIterations: 1_000_000_000, quickNodes: 1_000_000_000))
        #expect(strong.status == .optimal && plainOnly.status == .optimal)
        #expect(strong.objective == plainOnly.objective)
        #expect(strong.schedule == again.schedule)
    }

    @Test("a search that keeps finding better schedules runs past its base budget, on the same moves, so it ends no worse",
          arguments: [UInt64(1), 2, 3])
    func searchExtends(seed: UInt64) throws {
        let portfolio = try PortfolioGenerator.generate(GeneratorOptions(standards: 60, seed: seed)).portfolio
        let problem = PlanningProblem(portfolio)
        let windows = try TimeWindows(problem)
        let start = try #require(SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 20, seed: 1))
        let search = PhaseListSearch(problem: problem, windows: windows)
        let capped = search.improve(start, iterations: 300, extensionLimit: 1, seed: 9)
        let extended = search.improve(start, iterations: 300, seed: 9)
        let costs = (start.cost(in: problem), capped.cost(in: problem), extended.cost(in: problem))
        #expect(costs.1 <= costs.0)
        // The extended search follows the capped one's moves for its first 300 decodings and then goes on.
        #expect(costs.2 < costs.1, "a search still improving at 300 decodings should have found more: \(costs)")
        #expect(ScheduleValidator.check(ScheduleDecoder(problem: problem).schedule(from: extended), against: portfolio).isEmpty)
    }

    @Test("a proof rests on the bound less its slack, rounded up: 99.5 and 99.9999999 prove 100, 99 does not")
    func proofRule() {
        #expect(LevelSearch.proves(bound: 99.9999999, value: 100))
        #expect(LevelSearch.proves(bound: 99.5, value: 100))
        #expect(!LevelSearch.proves(bound: 99.0000001, value: 100))
        #expect(LevelSearch.proves(bound: 100, value: 100))
        #expect(!LevelSearch.proves(bound: 98.9999999, value: 100))
    }
}
