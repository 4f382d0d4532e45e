import Foundation
import PlanModel
import Testing
@testable import ScenarioFile

/// A fact that contradicts a dependency — a standard already in a phase that waits for another
/// standard's phase, which has not finished — is an error that names both lines, in a scenario
/// and in a status file; the planner never re-plans such facts out of order.
@Suite("Facts against dependencies")
struct FactDependencyTests {
    @Test("a scenario standard in drafting while the consultation it waits for has not finished")
    func scenarioFact() throws {
        let text = try apply([Edit(
            "    lead_units: [shfe, guosen]\n    earliest_start: 2022-03\n",
            "    lead_units: [shfe, guosen]\n    status: in_progress\n    current_phase: drafting  #!\n    since: 2021-12\n")], to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.code == .factContradictsDependency)
        #expect(problem.line == (try line(of: "#!", in: text)))
        #expect(problem.key == "standards[2].status")
        #expect(problem.message.contains("ops-maturity is in drafting since 2021-12"))
        #expect(problem.message.contains("ops-automation is still in drafting since 2021-06"))
        #expect(problem.hint?.contains("the dependency is at line \(try line(of: "phase: consultation", in: text) - 1)") == true, "\(problem)")
        #expect(problem.hint?.contains("ops-automation's status at line \(try line(of: "    current_phase: drafting", in: text))") == true, "\(problem)")
    }

    static func status(_ edits: [Edit]) throws -> String {
        let url = Fixture.packageRoot().appendingPathComponent("Scenarios/status/2025-12.yaml")
        return try apply(edits, to: String(contentsOf: url, encoding: .utf8))
    }

    @Test("a status file with work started before what it waits for names the status line and the scenario's")
    func statusFact() throws {
        let scenario = try ScenarioLoader.builtinBaselineScenario()
        let text = try Self.status([Edit("  - {id: cloud-service, status: not_started}",
                                         "  - {id: cloud-service, status: in_progress, current_phase: drafting, since: 2025-06}")])
        let error = #expect(throws: ScenarioFileError.self) {
            try StatusFileLoader.parse(yaml: text, file: "status.yaml", for: scenario.portfolio, locations: scenario.locations)
        }
        let problem = try #require(error?.problems.first)
        #expect(error?.problems.count == 1)
        #expect(problem.code == .factContradictsDependency)
        #expect(problem.line == (try line(of: "id: cloud-service", in: text)))
        #expect(problem.message.contains("cloud-service is in drafting since 2025-06"))
        #expect(problem.message.contains("it-architecture is still in drafting"))
        let dependencyLine = try line(of: "      - standard: it-architecture", in: ScenarioLoader.builtinBaselineYAML)
        #expect(problem.hint?.contains("the scenario declares the dependency at Scenarios/baseline.yaml (built in):\(dependencyLine)") == true, "\(problem)")
        #expect(problem.hint?.contains("it-architecture's status is at line \(try line(of: "id: it-architecture", in: text))") == true, "\(problem)")
    }

    @Test("the real status file of the baseline has no such contradiction")
    func realStatus() throws {
        let scenario = try ScenarioLoader.builtinBaselineScenario()
        let path = Fixture.packageRoot().appendingPathComponent("Scenarios/status/2025-12.yaml").path
        let snapshot = try StatusFileLoader.load(path: path, for: scenario)
        #expect(snapshot.asOf == Month(year: 2025, month: 12))
    }
}
