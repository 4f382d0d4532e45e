import Foundation
import PlanModel
import Testing
@testable import ScenarioFile

/// What-if overlays: each change kind does what it says, chains resolve, and mistakes are
/// reported with the overlay's line.
@Suite("What-if overlays")
struct OverlayTests {
    /// A folder with a small base scenario and whatever overlays a test writes beside it.
    struct Folder {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("stdplan-overlay-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try write("base.yaml", """
                format: 1
                name: base
                plan_start: 2022-01
                horizon_end: 2026-12
                resources: [{id: wg, name: 工作组, capacity: 2}]
                units:
                  - {id: u1, name: 甲单位, capacity: 1}
                  - {id: u2, name: 乙单位, capacity: 2, capacity_changes: [{from: 2024-01, value: 3}]}
                life_cycle:
                  - {id: draft, name: 起草, months: 4, unit_load: 1}
                  - {id: review, name: 送审稿, months: 2, resources: {wg: 1}}
                standards:
                  - {id: a, name: 标准甲, category: operations, urgency: 5, target_year: 2022, lead_unit: u1}
                  - {id: b, name: 标准乙, category: technology-platform, urgency: 2, target_year: 2023, lead_units: [u1, u2],
                     after: [{standard: a}]}
                  - {id: c, name: 标准丙, category: operations, urgency: 3, target_year: 2024, lead_unit: u2}
                """)
        }

        func write(_ name: String, _ text: String) throws {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        func overlay(_ changes: String, extends: String = "base.yaml") throws -> Scenario {
            try write("what-if.yaml", "format: 1\nextends: \(extends)\nname: what if\nquestion: why?\nchanges:\n" + changes)
            return try ScenarioLoader.loadScenario(path: path("what-if.yaml"))
        }

        func problems(_ changes: String) throws -> [ScenarioProblem] {
            do {
                _ = try overlay(changes)
                return []
            } catch let error as ScenarioFileError {
                return error.problems
            }
        }
    }

    @Test("capacity: overall, from a month, and for a window of months")
    func capacity() throws {
        let folder = try Folder()
        let overall = try folder.overlay("  - {name: more, capacity: {unit: u1, value: 3}}\n")
        #expect(overall.portfolio.unit("u1")?.capacity.capacity(in: Month(year: 2030, month: 1)) == 3)
        #expect(overall.changes.map(\.name) == ["more"])
        #expect(overall.question == "why?")
        let window = try folder.overlay("  - {name: busy, capacity: {unit: u2, value: 0, from: 2023-06, until: 2024-02}}\n")
        let profile = try #require(window.portfolio.unit("u2")?.capacity)
        #expect(profile.capacity(in: Month(year: 2023, month: 5)) == 2)
        #expect(profile.capacity(in: Month(year: 2023, month: 6)) == 0)
        #expect(profile.capacity(in: Month(year: 2024, month: 2)) == 0)
        #expect(profile.capacity(in: Month(year: 2024, month: 3)) == 3)  // the base's own change survives after the window
        let resource = try folder.overlay("  - {name: half, capacity: {resource: wg, value: 1, from: 2023-01}}\n")
        #expect(resource.portfolio.resources[0].capacity.capacity(in: Month(year: 2022, month: 12)) == 2)
        #expect(resource.portfolio.resources[0].capacity.capacity(in: Month(year: 2023, month: 1)) == 1)
    }

    @Test("durations: multipliers and new durations by phase, category and standard", arguments: [
        ("{scale_durations: {phase: draft, factor: 1.5}}", ["a": [6, 2], "b": [6, 2], "c": [6, 2]]),
        ("{scale_durations: {factor: 1.0}}", ["a": [4, 2], "b": [4, 2], "c": [4, 2]]),
        ("{scale_durations: {category: operations, factor: 2}}", ["a": [8, 4], "b": [4, 2], "c": [8, 4]]),
        ("{set_duration: {phase: review, standard: b, months: 5}}", ["a": [4, 2], "b": [4, 5], "c": [4, 2]]),
        ("{scale_durations: {phase: review, factor: 0.1}}", ["a": [4, 1], "b": [4, 1], "c": [4, 1]]),
    ])
    func durations(change: String, expected: [String: [Int]]) throws {
        let scenario = try Folder().overlay("  - \(change)\n")
        for standard in scenario.portfolio.standards {
            #expect(standard.phases.map(\.months) == expected[standard.id.rawValue], "\(standard.id)")
        }
    }

    @Test("start delay, target year, urgency, lead units, hard deadlines")
    func standardFields() throws {
        let scenario = try Folder().overlay("""
              - {name: late, delay_start: {months: 6}}
              - {name: retarget, set_target_year: {standard: a, year: 2025}}
              - {name: calm, set_urgency: {standard: a, value: 1}}
              - {name: who, set_lead_units: {standard: c, candidates: [u1, u2]}}
              - {name: firm, hard_deadlines: {urgency: 2}}

            """)
        let a = try #require(scenario.portfolio.standard("a")), b = try #require(scenario.portfolio.standard("b"))
        let c = try #require(scenario.portfolio.standard("c"))
        #expect(a.earliestStart == Month(year: 2022, month: 7))
        #expect(a.targetYear == 2025 && a.urgency == 1)
        #expect(c.leadUnits == ["u1", "u2"])
        #expect(b.hardDeadline && !a.hardDeadline && !c.hardDeadline)
        #expect(scenario.changes.map(\.name) == ["late", "retarget", "calm", "who", "firm"])
    }

    @Test("added and removed standards and dependencies")
    func addRemove() throws {
        let scenario = try Folder().overlay("""
              - name: more-work
                add_standards:
                  - {id: d, name: 标准丁, category: 运维服务, urgency: 4, target_year: 2024, lead_unit: u2, after: [{standard: c, phase: draft}]}
              - {name: drop, remove_standards: [a]}
              - {name: link, add_dependencies: [{standard: b, after: d, phase: review, lag: 2}]}

            """)
        let ids = scenario.portfolio.standards.map(\.id.rawValue)
        #expect(ids == ["b", "c", "d"])
        #expect(scenario.portfolio.standard("d")?.phases.map(\.id.rawValue) == ["draft", "review"])
        // b waited for a; with a removed, that dependency goes too.
        #expect(!scenario.portfolio.dependencies.contains { $0.predecessor == "a" || $0.successor == "a" })
        #expect(scenario.portfolio.dependencies.contains { $0.predecessor == "d" && $0.successor == "b" && $0.lag == 2 })
    }

    @Test("a cycle made by added dependencies is reported")
    func dependencyCycle() throws {
        let problems = try Folder().problems("  - {name: loop, add_dependencies: [{standard: a, after: b}]}\n")
        #expect(problems.contains { $0.message.contains("dependency cycle") && $0.message.contains("a → b → a") || $0.message.contains("b → a → b") })
    }

    @Test("removing a dependency that is not there is an error at its line")
    func removeMissingDependency() throws {
        let problems = try Folder().problems("  - {name: x, remove_dependencies: [{standard: a, after: c}]}\n")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 6)
        #expect(problems.first?.message.contains("does not depend on") == true)
    }

    @Test("chains: A extends B extends base; the changes of both apply, base first")
    func chain() throws {
        let folder = try Folder()
        try folder.write("middle.yaml", "format: 1\nextends: base.yaml\nname: middle\nchanges:\n  - {name: first, capacity: {unit: u1, value: 2}}\n")
        let scenario = try folder.overlay("  - {name: second, capacity: {unit: u1, value: 5}}\n", extends: "middle.yaml")
        #expect(scenario.changes.map(\.name) == ["first", "second"])
        #expect(scenario.portfolio.unit("u1")?.capacity.initial == 5)
    }

    @Test("a cycle of extends is a clear error, not a hang")
    func extendsCycle() throws {
        let folder = try Folder()
        try folder.write("x.yaml", "format: 1\nextends: y.yaml\nchanges: []\n")
        try folder.write("y.yaml", "format: 1\nextends: x.yaml\nchanges: []\n")
        #expect {
            try ScenarioLoader.loadScenario(path: folder.path("x.yaml"))
        } throws: { error in
            (error as? ScenarioFileError)?.problems.contains { $0.message.contains("cycle of `extends`") } == true
        }
    }

    @Test("mistakes in changes are all reported, each at its line", arguments: [
        ("  - {name: a, capacity: {unit: nobody, value: 1}}\n", "unknown unit 'nobody'"),
        ("  - {name: a, capacity: {resource: wg, value: -1}}\n", "out of range"),
        ("  - {name: a, scale_durations: {phase: drafting, factor: 2}}\n", "unknown phase 'drafting'"),
        ("  - {name: a, scale_durations: {factor: 0}}\n", "positive number"),
        ("  - {name: a, set_urgency: {standard: zz, value: 3}}\n", "unknown standard 'zz'"),
        ("  - {name: a, capacity: {unit: u1, value: 1}, set_urgency: {standard: a, value: 1}}\n", "one change, one action"),
        ("  - {name: a}\n", "does nothing"),
        ("  - {name: a, capacty: {unit: u1, value: 1}}\n", "did you mean 'capacity'"),
    ])
    func mistakes(change: String, message: String) throws {
        let problems = try Folder().problems(change)
        #expect(problems.contains { ($0.message + ($0.hint ?? "")).contains(message) }, "\(problems)")
        #expect(problems.allSatisfy { $0.line == 6 && $0.file.hasSuffix("what-if.yaml") })
    }

    @Test("every what-if under Scenarios/what-if loads, names its changes and asks its question")
    func shippedWhatIfs() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Scenarios/what-if")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 6)
        for file in files {
            let scenario = try ScenarioLoader.loadScenario(path: folder.appendingPathComponent(file).path)
            #expect(!scenario.changes.isEmpty, "\(file)")
            #expect(scenario.question != nil, "\(file)")
        }
    }
}
