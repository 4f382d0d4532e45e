import PlanModel
import Testing

/// One dependency in a small portfolio, and what it must resolve to.
struct DependencyCase: Sendable, CustomTestStringConvertible {
    var label: String
    var dependency: Dependency
    /// nil: the dependency constrains nothing and is left out.
    var expected: ResolvedDependency?
    var testDescription: String { label }
}

@Suite("Dependencies resolved to positions in the portfolio")
struct ResolvedDependencyTests {
    static let published = Month(year: 2021, month: 6)

    /// 0: `old`, published in 2021-06; 1: `new`, planned, three phases; 2: `next`, planned, two phases.
    static func portfolio(_ dependencies: [Dependency]) -> Portfolio {
        func phase(_ id: String) -> Phase { Phase(id: PhaseID(id), name: id, months: 2, unitLoad: 1) }
        func standard(_ id: String, _ phases: [String], status: StandardStatus = .planned) -> Standard {
            Standard(id: StandardID(id), name: id, category: .operations, urgency: 3, targetYear: 2024, status: status,
                     leadUnits: [UnitID("u")], phases: phases.map(phase))
        }
        return Portfolio(
            name: "dependencies", planStart: Month(year: 2022, month: 1), horizonEnd: Month(year: 2026, month: 12),
            units: [LeadUnit(id: UnitID("u"), name: "u", capacity: CapacityProfile(initial: 1, changes: []))], resources: [],
            standards: [
                standard("old", ["draft", "publish"], status: .published(published)),
                standard("new", ["draft", "review", "publish"]),
                standard("next", ["draft", "publish"]),
            ],
            dependencies: dependencies)
    }

    static let cases: [DependencyCase] = [
        DependencyCase(
            label: "on a published standard: the month after publication, plus the lag",
            dependency: Dependency(predecessor: StandardID("old"), successor: StandardID("new"), lag: 2),
            expected: ResolvedDependency(successor: 1, successorPhaseIndex: 0, predecessor: .publishedIn(published), lag: 2)),
        DependencyCase(
            label: "on a phase of a published standard: nothing left to wait for",
            dependency: Dependency(predecessor: StandardID("old"), predecessorPhase: PhaseID("draft"), successor: StandardID("new")),
            expected: nil),
        DependencyCase(
            label: "no phases named: the predecessor's last phase, the successor's first",
            dependency: Dependency(predecessor: StandardID("new"), successor: StandardID("next")),
            expected: ResolvedDependency(successor: 2, successorPhaseIndex: 0, predecessor: .phase(standard: 1, phaseIndex: 2), lag: 0)),
        DependencyCase(
            label: "phases named on both sides",
            dependency: Dependency(
                predecessor: StandardID("new"), predecessorPhase: PhaseID("review"), successor: StandardID("next"),
                successorPhase: PhaseID("publish"), lag: 1),
            expected: ResolvedDependency(successor: 2, successorPhaseIndex: 1, predecessor: .phase(standard: 1, phaseIndex: 1), lag: 1)),
        DependencyCase(
            label: "a standard not in the portfolio: left to the loader to report",
            dependency: Dependency(predecessor: StandardID("missing"), successor: StandardID("next")),
            expected: nil),
    ]

    @Test("each kind of dependency", arguments: cases)
    func resolves(_ test: DependencyCase) {
        #expect(Self.portfolio([test.dependency]).resolvedDependencies == (test.expected.map { [$0] } ?? []))
    }

    @Test("order follows the portfolio's dependencies, with the empty ones left out")
    func keepsOrder() {
        let resolved = Self.portfolio(Self.cases.map(\.dependency)).resolvedDependencies
        #expect(resolved == Self.cases.compactMap(\.expected))
    }
}
