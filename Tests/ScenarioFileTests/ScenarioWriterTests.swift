import PlanModel
import Testing
@testable import ScenarioFile

/// The scenario writer's own rules: text that every YAML reader takes literally, and a refusal,
/// listing every reason, for what format 1 cannot say.
@Suite("Scenario writer")
struct ScenarioWriterTests {
    /// A tiny portfolio with one unit, one review body and one planned standard.
    static func portfolio(name: String = "小 / tiny", standardName: String = "标准甲", unitName: String = "甲单位",
                          reference: String? = nil) -> Portfolio {
        let phases = [Phase(id: "draft", name: "起草", months: 4, unitLoad: 1),
                      Phase(id: "review", name: "送审稿", months: 2, resourceLoads: [ResourceLoad(resource: "wg", amount: 1)])]
        return Portfolio(
            name: name, planStart: Month(year: 2026, month: 1), horizonEnd: Month(year: 2029, month: 12),
            units: [LeadUnit(id: "u1", name: unitName, capacity: .constant(1))],
            resources: [SharedResource(id: "wg", name: "工作组", capacity: CapacityProfile(initial: 2, changes: [.init(from: Month(year: 2027, month: 7), value: 3)]))],
            standards: [Standard(id: "a", name: standardName, category: .operations, urgency: 4, targetYear: 2027, leadUnits: ["u1"],
                                 phases: phases, reference: reference)],
            dependencies: [])
    }

    @Test("names that YAML would read as something else are quoted, and read back as written", arguments: [
        "yes", "No", "null", "~", "2026", "0099", "1e3", "-1", ".inf", "a: b", "a #b", "#x", "[x]", "{x}", "a, b", "\"quoted\"",
        "it's", "back\\slash", " padded ", "*alias", "&anchor", "!tag", "|", ">", "@x", "`x`", "%x", "?x", "=", "<<",
        "JR/T 0099—2012", "证券期货业（合成）：规范", "2026-01",
    ])
    func quoting(text: String) throws {
        let written = try ScenarioWriter.yaml(for: Self.portfolio(name: text, standardName: text, unitName: text, reference: text))
        let loaded = try ScenarioLoader.parse(yaml: written, file: "quoting.yaml")
        #expect(loaded.name == text)
        #expect(loaded.standards[0].name == text)
        #expect(loaded.standards[0].reference == text)
        #expect(loaded.units[0].name == text)
    }

    @Test("text the loader refuses (a line break, an escape) is refused by the writer, with the reason",
          arguments: ["two\nlines", "red \u{1B}[31m", "tab\there"])
    func controlCharacters(text: String) {
        #expect(throws: ScenarioWriterError.self) { try ScenarioWriter.yaml(for: Self.portfolio(name: "ok", standardName: text, unitName: "u", reference: nil)) }
    }

    @Test("plain where plain is unambiguous, so files read like hand-written ones")
    func plain() {
        #expect(ScenarioWriter.scalar("证券期货业运维自动化规范") == "证券期货业运维自动化规范")
        #expect(ScenarioWriter.scalar("wg-review") == "wg-review")
        #expect(ScenarioWriter.scalar("2026-01") == "2026-01")
        #expect(ScenarioWriter.scalar("2026") == "\"2026\"")
        #expect(ScenarioWriter.scalar("yes") == "\"yes\"")
    }

    @Test("a portfolio format 1 cannot say is refused, with every reason")
    func notRepresentable() {
        var portfolio = Self.portfolio()
        portfolio.standards.append(Standard(
            id: "b c", name: "", category: .operations, urgency: 7, targetYear: nil, leadUnits: ["nobody"],
            phases: [Phase(id: "draft", name: "起草", months: 4, unitLoad: 1)]))
        portfolio.dependencies = [Dependency(predecessor: "missing", successor: "a")]
        #expect {
            _ = try ScenarioWriter.yaml(for: portfolio, lifeCycle: Self.portfolio().standards[0].phases)
        } throws: { error in
            guard case ScenarioWriterError.notRepresentable(let problems) = error else { return false }
            let all = problems.joined(separator: "\n")
            return ["'b c' is not a valid id", "has no name", "goes through phases", "unknown unit 'nobody'", "no target year",
                    "urgency 7", "not in the portfolio"].allSatisfy { all.contains($0) }
        }
    }

    @Test("overrides carry only what differs from the life cycle; an emptied resource map is written as {}")
    func overrides() throws {
        var portfolio = Self.portfolio()
        let lifeCycle = portfolio.standards[0].phases
        portfolio.standards[0].phases[0].months = 6
        portfolio.standards[0].phases[1] = Phase(id: "review", name: "送审", months: 2)
        let text = try ScenarioWriter.yaml(for: portfolio, lifeCycle: lifeCycle)
        #expect(text.contains("phases: {draft: {months: 6}, review: {name: 送审, resources: {}}}"))
        #expect(try ScenarioLoader.parse(yaml: text, file: "o.yaml") == portfolio)
    }
}
