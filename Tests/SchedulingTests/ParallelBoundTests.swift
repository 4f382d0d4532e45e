import PlanModel
import ScenarioFile
import Synthetic
import Testing
@testable import Scheduling

/// The Lagrangian bound the planner climbs on its second core: where the MIP is not built it is the
/// bound, and where the heuristic's schedule meets it, the proof.
@Suite("Planner: the parallel Lagrangian bound")
struct ParallelBoundTests {
    @Test("past the model-size limit the baseline's lateness is still proven: the bound reaches the heuristic's 421")
    func provesWithoutMIP() throws {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let result = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 8, maximumModelSize: 1000))
        #expect(result.skippedModel != nil)
        let lateness = try #require(result.levels.first)
        #expect(lateness.name == ObjectiveLevel.lateness.rawValue)
        #expect(lateness.value == 421)
        #expect(lateness.proven)
        // Without the second core only the trivial bound remains: the level stays open.
        var single = PlanOptions(timeLimit: 8, maximumModelSize: 1000)
        single.parallelBound = false
        let alone = try Fixtures.plan(portfolio, options: single)
        #expect(alone.levels.first?.proven == false)
        #expect((alone.levels.first?.bound ?? 0) < 421)
    }

    @Test("a generated portfolio past the limit: a valid bound, stronger than every standard at its cheapest", arguments: [100, 120])
    func boundsLargePortfolio(standards: Int) throws {
        let portfolio = try PortfolioGenerator.generate(GeneratorOptions(standards: standards, seed: 1)).portfolio
        var single = PlanOptions(timeLimit: 10, searchIterations: 200, maximumModelSize: 1000)
        single.parallelBound = false
        var parallel = single
        parallel.parallelBound = true
        let trivial = try Fixtures.plan(portfolio, options: single)
        let result = try Fixtures.plan(portfolio, options: parallel)
        let level = try #require(result.levels.first), plain = try #require(trivial.levels.first)
        let bound = try #require(level.bound), value = try #require(level.value)
        #expect(bound <= Double(value))
        let trivialBound = try #require(plain.bound)
        #expect(bound > trivialBound)
        // The Lagrangian bound is also below the true optimum, which the MIP proves at 100 standards.
        guard standards <= 100 else { return }
        let proven = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 60))
        if proven.status == .optimal, let optimum = proven.levels.first?.value {
            #expect(bound <= Double(optimum))
        }
    }
}
