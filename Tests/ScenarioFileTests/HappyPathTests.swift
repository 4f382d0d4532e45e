import Foundation
import PlanModel
import ScenarioFile
import Testing

/// Valid scenarios load with every value where it belongs: the annotated example of
/// docs/scenario-format.md (read from the markdown, so the documentation cannot drift from
/// the loader) and the test fixture.
@Suite("Valid scenarios")
struct HappyPathTests {
    /// The first ```yaml block after "## Annotated example" in docs/scenario-format.md.
    static func documentedExample() throws -> String {
        let url = Fixture.packageRoot().appendingPathComponent("docs/scenario-format.md")
        let markdown = try String(contentsOf: url, encoding: .utf8)
        let section = try #require(markdown.range(of: "## Annotated example"), "docs/scenario-format.md has no annotated example")
        let rest = markdown[section.upperBound...]
        let open = try #require(rest.range(of: "```yaml\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound]) + "\n"
    }

    static func m(_ text: String) -> Month { Month(parsing: text)! }

    @Test("the annotated example in docs/scenario-format.md loads")
    func documentedExampleLoads() throws {
        let text = try Self.documentedExample()
        do {
            _ = try ScenarioLoader.parse(yaml: text, file: "docs/scenario-format.md (annotated example)")
        } catch let error as ScenarioFileError {
            Issue.record("the documented example must load:\n\(error)")
        }
    }

    @Test("the annotated example has the documented values")
    func documentedExampleValues() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Self.documentedExample(), file: "example")
        #expect(portfolio.name == "示例 / example")
        #expect(portfolio.planStart == Self.m("2022-01"))
        #expect(portfolio.horizonEnd == Self.m("2030-12"))
        #expect(portfolio.weights == ObjectiveWeights(urgency: [1, 2, 3, 4, 5], lateness: nil, completion: 1))

        // Capacity changes.
        let review = try #require(portfolio.resources.first)
        #expect(portfolio.resources.count == 1)
        #expect(review.id == "wg-review" && review.name == "技术管理专业工作组评审")
        #expect(review.capacity == CapacityProfile(initial: 3, changes: [.init(from: Self.m("2023-07"), value: 4)]))
        #expect(review.capacity.capacity(in: Self.m("2023-06")) == 3)
        #expect(review.capacity.capacity(in: Self.m("2023-07")) == 4)
        let shfe = try #require(portfolio.unit("shfe"))
        #expect(shfe.name == "上海期货交易所")
        #expect(shfe.capacity.capacity(in: Self.m("2023-12")) == 2)
        #expect(shfe.capacity.capacity(in: Self.m("2024-01")) == 1)

        // The default life cycle.
        let published = try #require(portfolio.standard("jrt-0099"))
        let lifeCycle = published.phases
        #expect(lifeCycle.map(\.id.rawValue) == ["initiation", "drafting", "consultation", "review", "approval", "publication"])
        #expect(lifeCycle.map(\.name) == ["立项", "起草", "征求意见稿", "送审稿", "报批稿", "发布"])
        #expect(lifeCycle.map(\.months) == [2, 8, 3, 3, 3, 1])
        #expect(lifeCycle.map(\.unitLoad) == [0, 1, 1, 1, 0, 0])
        #expect(lifeCycle.map { $0.load(on: "wg-review") } == [1, 0, 1, 1, 0, 0])

        // Published status.
        #expect(published.status == .published(Self.m("2012-12")))
        #expect(published.category == .operations)
        #expect(published.reference == "JR/T 0099—2012")
        #expect(published.leadUnits == ["shfe"])
        #expect(published.isPublished)

        // In-progress status, category by Chinese name, a fixed lead unit.
        let automation = try #require(portfolio.standard("ops-automation"))
        #expect(automation.name == "证券基金经营机构运维自动化能力成熟度规范")
        #expect(automation.category == .operations)
        #expect(automation.urgency == 3 && automation.targetYear == 2023)
        #expect(automation.status == .inProgress(phase: "drafting", since: Self.m("2021-06")))
        #expect(automation.firstOpenPhaseIndex == 1)
        #expect(automation.leadUnits == ["guosen"])

        // Lead-unit candidates, earliest start, a phase override and dependencies.
        let maturity = try #require(portfolio.standard("ops-maturity"))
        #expect(maturity.status == .planned)
        #expect(maturity.urgency == 4 && maturity.targetYear == 2023)
        #expect(maturity.deadline == Self.m("2023-12"))
        #expect(maturity.leadUnits == ["shfe", "guosen"])
        #expect(maturity.earliestStart == Self.m("2022-03"))
        #expect(maturity.phases.map(\.months) == [2, 10, 3, 3, 3, 1], "only drafting is overridden")
        #expect(maturity.phases[1].unitLoad == 1 && maturity.phases[1].name == "起草", "an override keeps what it does not name")
        #expect(portfolio.dependencies == [
            Dependency(predecessor: "jrt-0099", successor: "ops-maturity", lag: 0),
            Dependency(predecessor: "ops-automation", predecessorPhase: "consultation", successor: "ops-maturity",
                       successorPhase: "drafting", lag: 1),
        ])
        #expect(maturity.targetSource == .assumed)

        // The process: declared categories, calendars, a capacity dip, waits and gates.
        #expect(portfolio.categories.map(\.rawValue) == ["operations", "it-governance"])
        #expect(portfolio.categories[1].shortName == "IT治理")
        #expect(portfolio.calendars.map(\.id.rawValue) == ["approval-batches", "csrc-batches", "spring-festival"])
        #expect(portfolio.calendars[0].contains(Self.m("2024-09")) && portfolio.calendars[0].contains(Self.m("2022-06")))
        #expect(!portfolio.calendars[0].contains(Self.m("2023-06")))
        #expect(portfolio.capacityFactors.count == 2)
        #expect(portfolio.capacity(of: shfe, in: Self.m("2023-02")) == 1)  // 2 halved in February
        #expect(portfolio.capacity(of: try #require(portfolio.unit("guosen")), in: Self.m("2023-02")) == 0)
        #expect(lifeCycle[1].maxWait == 3 && lifeCycle[1].idleCost == 1)
        #expect(lifeCycle[5].endsIn == "csrc-batches" && lifeCycle[5].startsIn == nil)

        // A revision goes through the revision life cycle; the three other states.
        let revision = try #require(portfolio.standard("backup-capability"))
        #expect(revision.kind == .revision(of: "JR/T 0059-2010"))
        #expect(revision.phases[1].months == 5)
        #expect(portfolio.standard("later")?.status == .deferred(until: Self.m("2024-01")))
        #expect(portfolio.standard("later")?.deadline == nil, "deferred work is never late")
        #expect(portfolio.standard("dropped")?.status == .cancelled)
        #expect(portfolio.standard("replaced")?.status == .superseded(by: "JR/T 0271—2023"))
    }

    @Test("the test fixture loads with its values")
    func fixture() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Fixture.valid, file: Fixture.file)
        #expect(portfolio.standards.map(\.id.rawValue) == ["jrt-0099", "ops-automation", "ops-maturity", "dt-general"])
        #expect(portfolio.units.map(\.id.rawValue) == ["shfe", "guosen"])
        #expect(portfolio.weights == ObjectiveWeights(), "objective is optional and defaults as documented")
        let automation = try #require(portfolio.standard("ops-automation"))
        #expect(automation.category == .operations, "运维服务 is operations")
        #expect(automation.leadUnits == ["guosen"])
        let general = try #require(portfolio.standard("dt-general"))
        #expect(general.status == .planned && general.urgency == 5 && general.targetYear == 2022)
        #expect(general.earliestStart == nil && general.reference == nil)
        #expect(portfolio.dependencies.count == 2)
        #expect(DependencyGraph(portfolio).cycle() == nil)
    }

    @Test("explicit objective weights are read", arguments: [
        ("objective: {urgency_weights: [0, 1, 1, 2, 8], lateness: 100, completion: 0}", ObjectiveWeights(urgency: [0, 1, 1, 2, 8], lateness: 100, completion: 0)),
        ("objective: {lateness: auto}", ObjectiveWeights()),
        ("objective:\n  completion: 7", ObjectiveWeights(completion: 7)),
    ])
    func objective(_ yaml: String, _ expected: ObjectiveWeights) throws {
        let text = try apply([Edit("horizon_end: 2027-12\n", "horizon_end: 2027-12\n\(yaml)\n")], to: Fixture.valid)
        #expect(try ScenarioLoader.parse(yaml: text, file: Fixture.file).weights == expected)
    }

    @Test("a resource override in a phase replaces the phase's loads; unit_load and lag defaults apply")
    func overridesAndDefaults() throws {
        let text = try apply([
            Edit("drafting: {months: 10}", "drafting: {unit_load: 2, resources: {wg-review: 2}}\n      consultation: {resources: {}}"),
        ], to: Fixture.valid)
        let portfolio = try ScenarioLoader.parse(yaml: text, file: Fixture.file)
        let maturity = try #require(portfolio.standard("ops-maturity"))
        #expect(maturity.phases[1].months == 8 && maturity.phases[1].unitLoad == 2 && maturity.phases[1].load(on: "wg-review") == 2)
        #expect(maturity.phases[2].resourceLoads.isEmpty)
        #expect(maturity.phases[0].unitLoad == 0, "unit_load defaults to 0")
        // Other standards keep the default life cycle.
        #expect(portfolio.standard("dt-general")?.phases.map(\.months) == [2, 8, 3, 1])
        #expect(portfolio.dependencies.first?.lag == 0, "lag defaults to 0")
    }

    @Test("capacity changes may be given out of order and in block style")
    func capacityChanges() throws {
        let text = try apply([Edit("    capacity: 2\n", "    capacity: 2\n    capacity_changes:\n      - from: 2025-01\n        value: 0\n      - from: 2023-01\n        value: 3\n")],
                             to: Fixture.valid)
        let shfe = try #require(try ScenarioLoader.parse(yaml: text, file: Fixture.file).unit("shfe"))
        #expect(shfe.capacity.changes.map(\.from) == [Self.m("2023-01"), Self.m("2025-01")])
        #expect([Self.m("2022-12"), Self.m("2023-01"), Self.m("2025-01")].map(shfe.capacity.capacity(in:)) == [2, 3, 0])
    }
}
