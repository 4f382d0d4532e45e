import PlanModel
import RCPSP
import Synthetic
import Testing
@testable import Scheduling
import Validation

/// The LP-guided schedule that the planner hands GLPK during its search, and the levels the
/// planner proves without GLPK when the best schedule already meets their bound.
@Suite("LP-guided schedules and proofs without GLPK")
struct LPGuidedScheduleTests {
    static func generated(_ standards: Int, seed: UInt64) throws -> (Portfolio, PlanningProblem, TimeWindows) {
        let portfolio = try PortfolioGenerator.generate(GeneratorOptions(standards: standards, seed: seed)).portfolio
        let problem = PlanningProblem(portfolio)
        return (portfolio, problem, try TimeWindows(problem))
    }

    @Test("the list holds every task not fixed once, each after its predecessors, and otherwise in the LP's order",
          arguments: [UInt64(1), 2, 3])
    func listOrder(seed: UInt64) throws {
        let (_, problem, windows) = try Self.generated(40, seed: seed)
        var random = SplitMix64(seed: seed)
        // Expected starts as an LP might give them: anywhere in the window, fractional.
        let expected = problem.tasks.indices.map { task -> Double in
            let fraction = Double(random.next() % 1000) / 1000
            return Double(windows.earliest[task]) + fraction * Double(windows.latest[task] - windows.earliest[task])
        }
        let list = LPGuidedSchedule(problem: problem, windows: windows, searchIterations: 0, seed: 1).list(expected)
        let movable = problem.tasks.indices.filter { problem.tasks[$0].fixedStart == nil }
        #expect(list.sorted() == movable)
        var position = Array(repeating: -1, count: problem.tasks.count)
        for (i, task) in list.enumerated() { position[task] = i }
        for p in problem.precedences where problem.tasks[p.predecessor].fixedStart == nil && problem.tasks[p.successor].fixedStart == nil {
            #expect(position[p.predecessor] < position[p.successor])
        }
    }

    @Test("decoding a schedule's own starts starts no task later, so the guided schedule is no worse; it validates",
          arguments: [UInt64(1), 2, 3])
    func ownStartsNoLater(seed: UInt64) throws {
        let (portfolio, problem, windows) = try Self.generated(40, seed: seed)
        let start = try #require(SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 20, seed: seed))
        let guide = LPGuidedSchedule(problem: problem, windows: windows, searchIterations: 0, seed: 1)
        let guided = try #require(guide.schedule(expected: start.starts.map(Double.init), units: start.units))
        for task in problem.tasks.indices { #expect(guided.starts[task] <= start.starts[task]) }
        #expect(guided.cost(in: problem) <= start.cost(in: problem))
        #expect(ScheduleValidator.check(ScheduleDecoder(problem: problem).schedule(from: guided), against: portfolio).isEmpty)
    }

    @Test("judged by the whole objective (lateness held), the guided search keeps lateness and lowers completion, never raises it",
          arguments: [UInt64(1), 2, 3])
    func judgedWhole(seed: UInt64) throws {
        let (portfolio, problem, windows) = try Self.generated(40, seed: seed)
        let start = try #require(SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 20, seed: seed))
        var guide = LPGuidedSchedule(problem: problem, windows: windows, searchIterations: 2_000, seed: seed)
        guide.judgingWhole = true
        // The LP's order is the start's own, so the search starts from a schedule no worse than it.
        let guided = try #require(guide.schedule(expected: start.starts.map(Double.init), units: start.units))
        #expect(guided.cost(in: problem, level: .lateness) <= start.cost(in: problem, level: .lateness))
        #expect(guided.cost(in: problem) <= start.cost(in: problem))
        #expect(ScheduleValidator.check(ScheduleDecoder(problem: problem).schedule(from: guided), against: portfolio).isEmpty)
    }

    @Test("a list that does not fit the windows is repaired: the task that missed its window goes forward, then its predecessor's")
    func repairedDecoding() throws {
        // One unit of capacity 1. Standard a (drafting 2 months, then 1 final month) must be published
        // by period 2, so it needs the unit in periods 0-2; b (3 months) can follow in 3-5.
        let portfolio = Fixtures.portfolio([
            Fixtures.standard("a", phases: [Fixtures.phase("draft", months: 2), Fixtures.phase("final", months: 1)]),
            Fixtures.standard("b", phases: [Fixtures.phase("work", months: 3)]),
        ])
        let problem = PlanningProblem(portfolio)
        let windows = try TimeWindows(problem, latestPublication: [2, nil])
        let search = PhaseListSearch(problem: problem, windows: windows)
        let (draft, final, work) = (0, 1, 2)
        #expect(windows.latest[draft] == 0 && windows.latest[final] == 2)
        // b first takes the unit in 0-2 and a misses its window; so does a's final phase after b.
        #expect(search.decode([work, draft, final], units: [0, 0]) == nil)
        #expect(search.decode([draft, work, final], units: [0, 0]) == nil)
        let repaired = try #require(search.decodeRepairing([work, draft, final], units: [0, 0], attempts: 5))
        #expect(repaired.starts == [0, 2, 3])
        #expect(search.decodeRepairing([work, draft, final], units: [0, 0], attempts: 1) == nil, "two repairs are needed")
        #expect(ScheduleValidator.check(ScheduleDecoder(problem: problem).schedule(from: repaired), against: portfolio).isEmpty)
        // Nothing fits when the windows leave no room for both: a list cannot repair that.
        let impossible = try TimeWindows(problem, latestPublication: [2, 4])
        #expect(PhaseListSearch(problem: problem, windows: impossible).decodeRepairing([work, draft, final], units: [0, 0], attempts: 50) == nil)
    }

    @Test("a level the best schedule meets at its bound is proven without GLPK: no search is reported on it")
    func provenWithoutGLPK() throws {
        // Every standard can be at its earliest publication at once (a unit each, nothing shared), yet
        // two are late even then (they may not start before 2023): the heuristic's lateness is the bound.
        let late = Month(year: 2023, month: 1)  // after the target year 2022 of all three
        let portfolio = Fixtures.portfolio(
            [Fixtures.standard("a", urgency: 5, units: ["u1"], earliest: late), Fixtures.standard("b", urgency: 2, units: ["u2"], earliest: late),
             Fixtures.standard("c", urgency: 1, units: ["u3"])],
            units: [Fixtures.unit("u1", capacity: 1), Fixtures.unit("u2", capacity: 1), Fixtures.unit("u3", capacity: 1)])
        let reports = PlanProgressTests.Reports()
        var options = PlanOptions()
        options.progress = ProgressHandler { reports.add($0) }
        let result = try Fixtures.plan(portfolio, options: options)
        #expect(result.status == .optimal)
        let lateness = try #require(result.levels.first)
        #expect(lateness.name == "lateness" && lateness.proven && (lateness.value ?? 0) > 0)
        let seen = reports.all
        #expect(seen.contains { $0.stage == .levelDone && $0.level == "lateness" && $0.proven })
        #expect(!seen.contains { $0.stage == .searching && $0.level == "lateness" }, "GLPK searched a level already proven")
    }
}
