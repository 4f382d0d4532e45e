import Foundation
import PlanModel
import ScenarioFile
import Testing

/// Status files: the 2025-12 status of the baseline, and every problem a status can have,
/// reported at once with line, key and hint, as for scenarios.
@Suite("Status files")
struct StatusFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let december2025 = root.appendingPathComponent("Scenarios/status/2025-12.yaml").path

    @Test("the 2025-12 status keeps the three published facts and describes every open standard")
    func december() throws {
        let baseline = try ScenarioLoader.builtinBaseline()
        let status = try StatusFileLoader.load(path: Self.december2025, for: baseline)
        #expect(status.asOf == Month(year: 2025, month: 12))
        #expect(status.horizonEnd == Month(year: 2032, month: 12))
        #expect(status.entry(for: "elderly-app")?.status == .published(Month(year: 2022, month: 4)))
        #expect(status.entry(for: "service-continuity")?.status == .published(Month(year: 2022, month: 11)))
        #expect(status.entry(for: "backup-capability")?.status == .published(Month(year: 2024, month: 12)))
        #expect(status.entry(for: "backup-capability")?.reference == "JR/T 0059—2024")
        let open = baseline.standards.filter { !$0.isPublished }.map(\.id)
        #expect(Set(status.entries.map(\.standard)) == Set(open))
        #expect(status.entries.count == 22)
    }

    static let scenario = """
        format: 1
        name: test
        plan_start: 2022-01
        horizon_end: 2027-12
        units:
          - {id: u, name: 单位, capacity: 2}
        life_cycle:
          - {id: drafting, name: 起草, months: 8, unit_load: 1}
          - {id: review, name: 送审稿, months: 2}
          - {id: approval, name: 报批稿, months: 3}
        standards:
          - {id: old, name: 旧, category: operations, status: published, published: 2020-12}
          - {id: going, name: 进行, category: operations, urgency: 3, target_year: 2023, lead_unit: u, status: in_progress, current_phase: review, since: 2021-11}
          - {id: fresh, name: 新, category: operations, urgency: 3, target_year: 2024, lead_unit: u}
          - {id: gone, name: 撤, category: operations, status: cancelled}
        """

    static func problems(_ status: String) throws -> [ScenarioProblem] {
        let portfolio = try ScenarioLoader.parse(yaml: scenario, file: "scenario.yaml")
        do {
            _ = try StatusFileLoader.parse(yaml: status, file: "status.yaml", for: portfolio)
            return []
        } catch let error as ScenarioFileError {
            return error.problems
        }
    }

    @Test("a valid status reads into the snapshot")
    func valid() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Self.scenario, file: "scenario.yaml")
        let status = try StatusFileLoader.parse(yaml: """
            format: 1
            as_of: 2023-06
            standards:
              - {id: going, status: published, published: 2023-02, reference: JR/T 0300—2023}
              - {id: fresh, status: in_progress, current_phase: drafting, since: 2023-01, lead_unit: u}
            """, file: "status.yaml", for: portfolio)
        #expect(status.asOf == Month(year: 2023, month: 6))
        #expect(status.horizonEnd == nil)
        #expect(status.entries == [
            StatusEntry(standard: "going", status: .published(Month(year: 2023, month: 2)), reference: "JR/T 0300—2023"),
            StatusEntry(standard: "fresh", status: .inProgress(phase: "drafting", since: Month(year: 2023, month: 1)), leadUnit: "u"),
        ])
    }

    @Test("deferred, cancelled and superseded entries, and facts marked as such")
    func newStates() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Self.scenario, file: "scenario.yaml")
        let status = try StatusFileLoader.parse(yaml: """
            format: 1
            as_of: 2023-06
            standards:
              - {id: going, status: cancelled, source: fact}
              - {id: fresh, status: deferred, until: 2024-03, lead_unit: u}
            """, file: "status.yaml", for: portfolio)
        #expect(status.entries == [
            StatusEntry(standard: "going", status: .cancelled, source: .fact),
            StatusEntry(standard: "fresh", status: .deferred(until: Month(year: 2024, month: 3)), leadUnit: "u", source: .assumption),
        ])
        let superseded = try StatusFileLoader.parse(yaml: """
            format: 1
            as_of: 2023-06
            standards:
              - {id: going, status: superseded, by: fresh, source: assumption}
              - {id: fresh, status: superseded, by: JR/T 0271—2023}
            """, file: "status.yaml", for: portfolio)
        #expect(superseded.entries.map(\.status) == [.superseded(by: "fresh"), .superseded(by: "JR/T 0271—2023")])
        #expect(superseded.entries.map(\.source) == [.assumption, .assumption])
    }

    @Test("the 2025-12 status marks exactly the three publications as facts")
    func decemberFacts() throws {
        let baseline = try ScenarioLoader.builtinBaseline()
        let status = try StatusFileLoader.load(path: Self.december2025, for: baseline)
        let facts = status.entries.filter { $0.source == .fact }.map(\.standard)
        #expect(Set(facts) == ["elderly-app", "service-continuity", "backup-capability"])
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var standards: String
        var line: Int
        var key: String
        var message: String
        var testDescription: String { name }
    }

    /// Each case's `standards` list follows three header lines (format, as_of 2023-06,
    /// `standards:`), so its first entry is on line 4.
    static let bad: [BadCase] = [
        BadCase(name: "unknown standard", standards: "  - {id: fresch, status: not_started}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].id", message: "unknown standard 'fresch'"),
        BadCase(name: "missing open standard", standards: "  - {id: fresh, status: not_started}",
                line: 4, key: "standards", message: "no status for 1 open standard: going"),
        BadCase(name: "published after the status date", standards: "  - {id: fresh, status: published, published: 2023-09}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].published", message: "published 2023-09, after as_of 2023-06"),
        BadCase(name: "a phase since after the status date", standards: "  - {id: fresh, status: in_progress, current_phase: drafting, since: 2023-07}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].since", message: "since 2023-07 is after as_of 2023-06"),
        BadCase(name: "not started although under way in the scenario", standards: "  - {id: fresh, status: not_started}\n  - {id: going, status: not_started}",
                line: 5, key: "standards[1].status", message: "going cannot be not started"),
        BadCase(name: "back to an earlier phase", standards: "  - {id: fresh, status: not_started}\n  - {id: going, status: in_progress, current_phase: drafting, since: 2022-03}",
                line: 5, key: "standards[1].current_phase", message: "drafting comes before review"),
        BadCase(name: "'planned' is a scenario word", standards: "  - {id: fresh, status: planned}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].status", message: "unknown status 'planned'"),
        BadCase(name: "unknown unit", standards: "  - {id: fresh, status: not_started, lead_unit: v}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].lead_unit", message: "unknown unit 'v'"),
        BadCase(name: "a published scenario standard with another month", standards: "  - {id: old, status: published, published: 2021-03}\n  - {id: fresh, status: not_started}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].status", message: "old was published 2020-12 according to the scenario"),
        BadCase(name: "started before the plan start although planned then", standards: "  - {id: fresh, status: in_progress, current_phase: drafting, since: 2021-06}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].since", message: "since 2021-06 is before the scenario's plan_start 2022-01"),
        BadCase(name: "deferred without a month", standards: "  - {id: fresh, status: deferred}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].until", message: "missing required key 'until'"),
        BadCase(name: "deferred to a month that has passed", standards: "  - {id: fresh, status: deferred, until: 2023-06}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].until", message: "until 2023-06 is not after as_of 2023-06"),
        BadCase(name: "deferred although under way in the scenario", standards: "  - {id: fresh, status: not_started}\n  - {id: going, status: deferred, until: 2024-01}",
                line: 5, key: "standards[1].status", message: "going cannot be deferred"),
        BadCase(name: "'until' on another status", standards: "  - {id: fresh, status: cancelled, until: 2024-01}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].until", message: "'until' only applies to `status: deferred`"),
        BadCase(name: "a lead unit for cancelled work", standards: "  - {id: fresh, status: cancelled, lead_unit: u}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].lead_unit", message: "'lead_unit' does not apply to `status: cancelled`"),
        BadCase(name: "superseded without a successor", standards: "  - {id: fresh, status: superseded}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].by", message: "missing required key 'by'"),
        BadCase(name: "superseded by an unknown id", standards: "  - {id: fresh, status: superseded, by: gonig}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].by", message: "unknown standard 'gonig'"),
        BadCase(name: "superseded by itself", standards: "  - {id: fresh, status: superseded, by: fresh}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].by", message: "fresh cannot supersede itself"),
        BadCase(name: "a withdrawn scenario standard brought back", standards: "  - {id: gone, status: not_started}\n  - {id: fresh, status: not_started}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].status", message: "gone is cancelled in the scenario"),
        BadCase(name: "unknown source", standards: "  - {id: fresh, status: not_started, source: rumour}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 4, key: "standards[0].source", message: "unknown source 'rumour'"),
        BadCase(name: "the same standard twice", standards: "  - {id: fresh, status: not_started}\n  - {id: fresh, status: not_started}\n  - {id: going, status: in_progress, current_phase: review, since: 2021-11}",
                line: 5, key: "standards[1].id", message: "second status for 'fresh'"),
    ]

    @Test("each problem is reported with its line, key and a hint", arguments: bad)
    func problem(_ item: BadCase) throws {
        let problems = try Self.problems("format: 1\nas_of: 2023-06\nstandards:\n" + item.standards + "\n")
        let problem = try #require(problems.first { $0.key == item.key }, "keys reported: \(problems.map(\.key)): \(problems.map(\.message))")
        #expect(problem.line == item.line)
        #expect(problem.message.contains(item.message), "\(problem.message)")
        #expect(problem.hint != nil)
        #expect(problem.file == "status.yaml")
    }

    @Test("all problems are reported at once, top to bottom")
    func allAtOnce() throws {
        let problems = try Self.problems("""
            format: 2
            as_of: 2021-06
            horizon_end: 2020-01
            standards:
              - {id: fresch, status: not_started}
              - {id: going, status: in_progress, current_phase: reveiw, since: 2021-05}
            """)
        #expect(problems.map(\.key) == ["format", "as_of", "horizon_end", "standards", "standards[0].id", "standards[1].current_phase"])
        #expect(problems.map { $0.line ?? 0 } == [1, 2, 3, 5, 5, 6])
    }

    @Test("a missing status file is reported as missing")
    func missing() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Self.scenario, file: "scenario.yaml")
        #expect(throws: ScenarioFileError.fileNotFound(path: "no/such/status.yaml")) {
            try StatusFileLoader.load(path: "no/such/status.yaml", for: portfolio)
        }
    }
}
