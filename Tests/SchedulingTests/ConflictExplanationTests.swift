import Foundation
import PlanModel
import ScenarioFile
import Testing
@testable import Scheduling

/// Every conflict explained: an infeasible plan comes with the smallest relaxations that make
/// it feasible, in the scenario's terms, and applying one of them (as a what-if overlay a
/// planner would write) does make the plan feasible.
@Suite("Conflicts explained")
struct ConflictExplanationTests {
    /// Three standards due in 2022 on one unit of capacity 1: only one fits.
    static let capacityConflict = """
        format: 1
        name: capacity conflict
        plan_start: 2022-01
        horizon_end: 2024-12
        resources:
          - {id: review, name: 评审, capacity: 2}
        units:
          - {id: a, name: 单位甲, capacity: 1}
          - {id: b, name: 单位乙, capacity: 1}
        life_cycle:
          - {id: drafting, name: 起草, months: 6, unit_load: 1}
          - {id: review, name: 送审稿, months: 2, unit_load: 1, resources: {review: 1}}
          - {id: publication, name: 发布, months: 1}
        standards:
          - {id: s1, name: 标准一, category: operations, urgency: 5, target_year: 2022, lead_unit: a, hard_deadline: true}
          - {id: s2, name: 标准二, category: operations, urgency: 4, target_year: 2022, lead_unit: a, hard_deadline: true}
          - {id: s3, name: 标准三, category: operations, urgency: 3, target_year: 2022, lead_units: [a, b], hard_deadline: true}
          - {id: s4, name: 标准四, category: operations, urgency: 3, target_year: 2023, lead_unit: b}
        """

    /// A folder holding `base.yaml`, so overlays can extend it.
    static func folder(base: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdplan-conflict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try base.write(to: url.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        return url
    }

    /// Loads `changes` as an overlay of the base in `folder` and plans it.
    static func planOverlay(_ folder: URL, _ header: String = "", changes: [String]) throws -> PlanResult {
        let text = "format: 1\nextends: base.yaml\n" + header + (changes.isEmpty ? "" : "changes:\n" + changes.joined(separator: "\n") + "\n")
        try text.write(to: folder.appendingPathComponent("relaxed.yaml"), atomically: true, encoding: .utf8)
        let portfolio = try ScenarioLoader.load(path: folder.appendingPathComponent("relaxed.yaml").path)
        return try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 20))
    }

    @Test("a capacity conflict names the unit, the months and the amount; applying it makes the plan feasible")
    func capacity() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Self.capacityConflict, file: "conflict.yaml")
        let result = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 20))
        #expect(result.status == .infeasible)
        let conflict = try #require(result.conflict)
        let capacity = try #require(conflict.alternatives.first { $0.kind == .capacity })
        #expect(capacity.proven)
        #expect(!capacity.capacities.isEmpty)
        #expect(capacity.capacities.allSatisfy { $0.holder == .unit("a") && $0.extra > 0 && $0.capacity > $0.present })
        #expect(capacity.amount == capacity.capacities.reduce(0) { $0 + $1.extra * ($1.until - $1.from + 1) })
        let sentence = try #require(capacity.capacities.first?.sentence)
        #expect(sentence.contains("unit a (单位甲) needs"))
        #expect(sentence.contains("more in 2022-"))
        #expect(sentence.contains("compete for it"))
        #expect(conflict.lines.contains { $0.contains("more capacity") })

        // Exactly what a planner would write: one capacity change per run of months.
        let folder = try Self.folder(base: Self.capacityConflict)
        defer { try? FileManager.default.removeItem(at: folder) }
        let changes = capacity.capacities.enumerated().map { index, shortfall -> String in
            guard case .unit(let unit) = shortfall.holder else { return "" }
            return "  - {name: relax-\(index), capacity: {unit: \(unit), value: \(shortfall.capacity), from: \(shortfall.from), until: \(shortfall.until)}}"
        }
        let relaxed = try Self.planOverlay(folder, changes: changes)
        #expect(relaxed.status == .optimal || relaxed.status == .feasible, "\(String(describing: relaxed.explanation))")
        #expect(relaxed.schedule != nil)

        // Smallest: one unit-month less (taken from the first run) is not enough.
        if let first = capacity.capacities.first, capacity.amount > 0 {
            let shorter = first.from == first.until ? [] : ["  - {name: less, capacity: {unit: a, value: \(first.capacity), from: \(first.from + 1), until: \(first.until)}}"]
                + changes.dropFirst()
            if first.extra == 1 {
                #expect(try Self.planOverlay(folder, changes: shorter).status == .infeasible)
            }
        }
    }

    @Test("the later-deadline alternative, applied as later target years, makes the plan feasible")
    func deadlines() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Self.capacityConflict, file: "conflict.yaml")
        let conflict = try #require(try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 20)).conflict)
        let deadlines = try #require(conflict.alternatives.first { $0.kind == .deadlines })
        #expect(!deadlines.deadlines.isEmpty)
        #expect(deadlines.deadlines.allSatisfy { $0.months > 0 && $0.deadline == Month(year: 2022, month: 12) })
        let folder = try Self.folder(base: Self.capacityConflict)
        defer { try? FileManager.default.removeItem(at: folder) }
        let changes = deadlines.deadlines.map {
            "  - {name: later-\($0.standard), set_target_year: {standard: \($0.standard), year: \(($0.deadline + $0.months).year)}}"
        }
        let relaxed = try Self.planOverlay(folder, changes: changes)
        #expect(relaxed.status == .optimal || relaxed.status == .feasible)
    }

    @Test("a horizon too short is explained by how much later horizon_end must be, and that suffices")
    func horizon() throws {
        let base = """
            format: 1
            name: short horizon
            plan_start: 2022-01
            horizon_end: 2023-06
            units:
              - {id: a, name: 单位甲, capacity: 1}
            life_cycle:
              - {id: drafting, name: 起草, months: 6, unit_load: 1}
              - {id: publication, name: 发布, months: 1}
            standards:
              - {id: s1, name: 标准一, category: operations, urgency: 5, target_year: 2022, lead_unit: a}
              - {id: s2, name: 标准二, category: operations, urgency: 4, target_year: 2022, lead_unit: a}
              - {id: s3, name: 标准三, category: operations, urgency: 3, target_year: 2023, lead_unit: a}
              - {id: s4, name: 标准四, category: operations, urgency: 3, target_year: 2023, lead_unit: a}
            """
        let result = try Fixtures.plan(try ScenarioLoader.parse(yaml: base, file: "short.yaml"), options: PlanOptions(timeLimit: 20))
        #expect(result.status == .infeasible)
        let horizon = try #require(result.conflict?.alternatives.first { $0.kind == .horizon })
        // Four drafts of six months one after another: the last publication is 2024-01, seven months past 2023-06.
        #expect(horizon.horizonMonths == 7)
        #expect(horizon.horizonEnd == Month(year: 2024, month: 1))
        #expect(horizon.proven)
        let folder = try Self.folder(base: base)
        defer { try? FileManager.default.removeItem(at: folder) }
        let relaxed = try Self.planOverlay(folder, "horizon_end: \(try #require(horizon.horizonEnd))\n", changes: [])
        #expect(relaxed.status == .optimal)
        let tooShort = try Self.planOverlay(folder, "horizon_end: \(try #require(horizon.horizonEnd) - 1)\n", changes: [])
        #expect(tooShort.status == .infeasible)
    }

    @Test("a phase whose load exceeds every candidate's capacity is infeasible at once, naming the unit", arguments: [60.0])
    func trivial(_ timeLimit: Double) throws {
        let portfolio = Fixtures.portfolio(
            [Fixtures.standard("big", units: ["u", "v"], phases: [Fixtures.phase("work", months: 3, load: 3)]),
             Fixtures.standard("small", phases: [Fixtures.phase("work", months: 2)])],
            units: [Fixtures.unit("u", capacity: 2), Fixtures.unit("v", capacity: 1)])
        let clock = ContinuousClock()
        let started = clock.now
        let result = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: timeLimit))
        #expect(clock.now - started < .seconds(5), "caught before any long search")
        #expect(result.status == .infeasible)
        #expect(result.explanation?.contains("big work needs 3 of its lead unit") == true, "\(String(describing: result.explanation))")
        #expect(result.explanation?.contains("u has at most 2") == true)
        let capacity = try #require(result.conflict?.alternatives.first { $0.kind == .capacity })
        #expect(capacity.capacities.contains { $0.holder == .unit("u") && $0.capacity >= 3 })
    }

    @Test("facts that overload a unit on their own are named as facts")
    func facts() throws {
        let since = StandardStatus.inProgress(phase: "work", since: Month(year: 2021, month: 12))
        let portfolio = Fixtures.portfolio([
            Fixtures.standard("a", phases: [Fixtures.phase("work", months: 6)], status: since),
            Fixtures.standard("b", phases: [Fixtures.phase("work", months: 6)], status: since),
        ])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .infeasible)
        let fact = try #require(result.conflict?.facts.first)
        #expect(fact.contains("a (work since 2021-12) and b (work since 2021-12) already load unit u with 2"), "\(fact)")
        #expect(fact.contains("more than its capacity 1"))
    }
}
