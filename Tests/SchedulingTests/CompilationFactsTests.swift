import PlanModel
import ScenarioFile
import Synthetic
import Testing
@testable import Scheduling

/// What the compilation keeps for consumers whose durations change (the risk simulation builds on
/// it): each task's release by the facts alone, its calendars and its dependencies with their lags,
/// each checked here against the portfolio read directly, and against the solvers' own view (the
/// planned duration added to the lag).
@Suite("The compilation's facts: what holds whatever the durations")
struct CompilationFactsTests {
    static let names = [
        "baseline", "drafting-plus-50", "review-capacity-halved", "revise-2012-standards", "start-delayed-6-months",
        "szse-unavailable-2023", "urgent-hard-deadlines", "generated-100-1", "generated-400-2",
    ]

    static func portfolio(_ name: String) throws -> Portfolio {
        if name == "baseline" { return try ScenarioLoader.builtinBaseline() }
        guard name.hasPrefix("generated-") else { return try PortfolioSearchTests.whatIf(name) }
        let parts = name.split(separator: "-")
        return try PortfolioGenerator.generate(GeneratorOptions(standards: Int(parts[1])!, seed: UInt64(parts[2])!)).portfolio
    }

    @Test("each task's release by the facts and its calendars, read straight off the portfolio", arguments: names)
    func taskFacts(name: String) throws {
        let portfolio = try Self.portfolio(name)
        let problem = PlanningProblem(portfolio)
        let start = portfolio.planStart
        let resolved = portfolio.resolvedDependencies
        #expect(problem.facts.count == problem.tasks.count)
        for (t, task) in problem.tasks.enumerated() {
            let standard = portfolio.standards[task.standard]
            let phase = standard.phases[task.phaseIndex]
            let facts = problem.facts[t]
            if let fixed = task.fixedStart {
                // A phase under way: its start is the fact, and no calendar gates it.
                guard case .inProgress(_, let since) = standard.status else {
                    Issue.record("task \(t) has a fixed start but \(standard.id) is not in progress")
                    continue
                }
                #expect(task.phaseIndex == standard.firstOpenPhaseIndex && fixed == since - start)
                #expect(facts == PlanningProblem.TaskFacts(release: fixed, startCalendar: nil, endCalendar: nil))
                continue
            }
            let published = resolved.compactMap { dependency -> Int? in
                guard dependency.successor == task.standard, dependency.successorPhaseIndex == task.phaseIndex,
                      case .publishedIn(let month) = dependency.predecessor else { return nil }
                return month - start + 1 + dependency.lag
            }
            #expect(facts.release == ([0, (standard.releaseMonth ?? start) - start] + published).max(), "task \(t) of \(standard.id)")
            // The solvers' release only adds what the planned durations imply.
            #expect(facts.release <= task.release)
            #expect(facts.startCalendar.map { portfolio.calendars[$0].id } == phase.startsIn)
            #expect(facts.endCalendar.map { portfolio.calendars[$0].id } == phase.endsIn)
        }
    }

    @Test("every dependency between two tasks, in order, with its lag; the solvers add the planned duration", arguments: names)
    func dependencies(name: String) throws {
        let portfolio = try Self.portfolio(name)
        let problem = PlanningProblem(portfolio)
        var taskOf: [[Int]: Int] = [:]
        for (t, task) in problem.tasks.enumerated() { taskOf[[task.standard, task.phaseIndex]] = t }
        let expected = portfolio.resolvedDependencies.compactMap { dependency -> PlanningProblem.TaskDependency? in
            guard case .phase(let standard, let phaseIndex) = dependency.predecessor, let predecessor = taskOf[[standard, phaseIndex]],
                  let successor = taskOf[[dependency.successor, dependency.successorPhaseIndex]],
                  problem.tasks[successor].fixedStart == nil else { return nil }
            return PlanningProblem.TaskDependency(predecessor: predecessor, successor: successor, lag: dependency.lag)
        }
        #expect(problem.dependencies == expected)
        for dependency in problem.dependencies {
            let before = problem.tasks[dependency.predecessor]
            if let fixed = before.fixedStart {
                // On a phase under way the solvers see a release: its planned finish plus the lag.
                #expect(problem.tasks[dependency.successor].release >= fixed + before.duration + dependency.lag)
            } else {
                #expect(problem.precedences.contains {
                    $0.predecessor == dependency.predecessor && $0.successor == dependency.successor && $0.delay == before.duration + dependency.lag
                })
            }
        }
        // The reduced problem of phase folding renumbers the tasks: it keeps none of them.
        let reduced = PhaseFolding(problem).reduced
        #expect(reduced.facts.isEmpty && reduced.dependencies.isEmpty)
    }
}
