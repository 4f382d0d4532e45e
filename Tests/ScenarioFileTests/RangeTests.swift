import Foundation
import PlanModel
import Testing
@testable import ScenarioFile

/// Every number has a documented range (InputLimits), checked with file, line and key, so no
/// sum the planner forms can overflow: the huge values of the reliability report are refused.
@Suite("Ranges of numbers")
struct RangeTests {
    static let huge: [BadInput] = [
        BadInput(name: "a capacity of Int.max", edits: [Edit("    capacity: 2\n", "    capacity: 9223372036854775807  #!\n")],
                 key: "units[0].capacity", message: ["9223372036854775807 is out of range", "0 to 1,000,000"]),
        BadInput(name: "a capacity above a million", edits: [Edit("    capacity: 2\n", "    capacity: 1000001  #!\n")],
                 key: "units[0].capacity", message: ["1000001 is out of range"]),
        BadInput(name: "a capacity change near Int.max", edits: [Edit("{from: 2023-07, value: 4}", "{from: 2023-07, value: 9223372036854775000}  #!")],
                 key: "resources[0].capacity_changes[0].value", message: ["out of range"]),
        BadInput(name: "a unit load near Int.max", edits: [Edit("    months: 8\n    unit_load: 1\n", "    months: 8\n    unit_load: 9223372036854775807  #!\n")],
                 key: "life_cycle[1].unit_load", message: ["out of range"]),
        BadInput(name: "a resource load near Int.max", edits: [Edit("resources: {wg-review: 1}", "resources: {wg-review: 9223372036854775807}  #!")],
                 key: "life_cycle[2].resources.wg-review", message: ["out of range"]),
        BadInput(name: "a month in the year 9999", edits: [Edit("earliest_start: 2022-03", "earliest_start: 9999-12  #!")],
                 key: "standards[2].earliest_start", message: ["9999-12 is out of range", "1900-01 to 2200-12"]),
        BadInput(name: "a month in the year 0001", edits: [Edit("since: 2021-06", "since: 0001-01  #!")],
                 key: "standards[1].since", message: ["1-01 is out of range"]),
        BadInput(name: "a horizon of more than 1200 months", edits: [Edit("horizon_end: 2027-12", "horizon_end: 2199-12  #!")],
                 key: "horizon_end", message: ["the horizon has 2136 months, more than 1200"]),
        BadInput(name: "weights that overflow the objective", edits: [Edit("horizon_end: 2027-12\n", "horizon_end: 2027-12\nobjective: {urgency_weights: [1000000, 1000000, 1000000, 1000000, 1000000], completion: 1000000}  #!\n")],
                 key: "objective", message: ["beyond 2^53"]),
    ]

    @Test("huge numbers are refused at load with their line, never trapping later", arguments: huge)
    func hugeNumbers(_ bad: BadInput) throws {
        let problem = try expectSingleProblem(bad)
        #expect(problem?.code == .outOfRange || problem?.code == .tooLarge)
    }

    @Test("the largest values in range load and plan without overflow")
    func largestInRange() throws {
        let text = try apply([
            Edit("    capacity: 2\n", "    capacity: 1000000\n"),
            Edit("    months: 8\n    unit_load: 1\n", "    months: 1200\n    unit_load: 1000000\n"),
        ], to: Fixture.valid)
        let portfolio = try ScenarioLoader.parse(yaml: text, file: Fixture.file)
        #expect(portfolio.units[0].capacity.initial == 1_000_000)
    }

    /// A folder with an overlay of the built-in baseline.
    func overlayProblems(_ change: String) throws -> [ScenarioProblem] {
        do {
            _ = try ScenarioLoader.parseScenario(yaml: "format: 1\nextends: baseline\nchanges:\n" + change, file: "what-if.yaml")
            return []
        } catch let error as ScenarioFileError {
            return error.problems
        }
    }

    @Test("what-if values near Int.max or 1e300 are refused with their line", arguments: [
        ("  - {name: huge, scale_durations: {factor: 1e300}}\n", "changes[0].scale_durations.factor", "a factor must be above 0 and at most 100"),
        ("  - {name: huge, capacity: {resource: wg-review, value: 9223372036854775807}}\n", "changes[0].capacity.value", "out of range"),
        ("  - {name: huge, delay_start: {months: 9223372036854775000}}\n", "changes[0].delay_start.months", "out of range"),
        ("  - {name: huge, set_duration: {months: 99999}}\n", "changes[0].set_duration.months", "out of range"),
    ])
    func hugeChanges(_ change: String, _ key: String, _ message: String) throws {
        let found = try overlayProblems(change)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.key == key)
        #expect(found.first?.message.contains(message) == true, "\(found)")
        #expect(found.first?.line == 4)
    }

    @Test("a factor in range that makes a phase longer than 1200 months names the standard and phase")
    func scaledTooLong() throws {
        let found = try overlayProblems("  - {name: long, set_duration: {months: 20}}\n  - {name: huge, scale_durations: {factor: 100}}\n")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.key == "changes[1].scale_durations")
        #expect(found.first?.message.contains("take 2000 months, more than 1200") == true, "\(found)")
        #expect(found.first?.line == 5)
    }
}
