import Foundation
import PlanModel
import ScenarioFile
import Testing
@testable import Synthetic

/// `ScenarioWriter` writes any portfolio so that the loader reads the same portfolio back: the
/// baseline, every what-if overlay as it stands after its changes, and generated portfolios.
@Suite("Scenario writer: write → load → the same portfolio")
struct ScenarioWriterRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A portfolio to round-trip, named for the test report.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var load: @Sendable () throws -> (Portfolio, [Phase])
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var cases = [Case(name: "built-in baseline") {
            let scenario = try ScenarioLoader.builtinBaselineScenario()
            return (scenario.portfolio, scenario.lifeCycle)
        }]
        let whatIf = root.appendingPathComponent("Scenarios/what-if")
        let overlays = ((try? FileManager.default.contentsOfDirectory(atPath: whatIf.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        for file in overlays {
            cases.append(Case(name: "what-if \(file)") {
                let scenario = try ScenarioLoader.loadScenario(path: whatIf.appendingPathComponent(file).path)
                return (scenario.portfolio, scenario.lifeCycle)
            })
        }
        for (standards, seed) in [(30, UInt64(1)), (30, 5), (300, 2), (1000, 3)] {
            cases.append(Case(name: "generated, \(standards) standards, seed \(seed)") {
                let generated = try PortfolioGenerator.generate(GeneratorOptions(standards: standards, seed: seed))
                return (generated.portfolio, generated.lifeCycle)
            })
        }
        return cases
    }()

    @Test("write → load gives the same portfolio; writing it again gives the same bytes", arguments: cases)
    func roundTrip(_ item: Case) throws {
        var (portfolio, lifeCycle) = try item.load()
        // A what-if that changes durations may leave the base's estimates (those without
        // `likely`) not admitting the new months, which a scenario file may not say: the writer
        // refuses for that reason alone, and the plan itself still round-trips.
        do {
            _ = try ScenarioWriter.yaml(for: portfolio, lifeCycle: lifeCycle)
        } catch ScenarioWriterError.notRepresentable(let problems) {
            #expect(problems.allSatisfy { $0.contains("uncertainty estimate") }, "\(problems)")
            portfolio.uncertainty = nil
        }
        let text = try ScenarioWriter.yaml(for: portfolio, lifeCycle: lifeCycle, header: ["round trip of \(item.name)"])
        let loaded = try ScenarioLoader.parse(yaml: text, file: "\(item.name).yaml")
        #expect(loaded == Self.canonical(portfolio))
        #expect(try ScenarioWriter.yaml(for: loaded, lifeCycle: lifeCycle, header: ["round trip of \(item.name)"]) == text)
        // Without the life cycle, the writer infers one; the portfolio still reads back the same.
        let inferred = try ScenarioWriter.yaml(for: portfolio)
        #expect(try ScenarioLoader.parse(yaml: inferred, file: "inferred.yaml") == Self.canonical(portfolio))
    }

    @Test("a generated portfolio round-trips exactly, dependencies in their order")
    func generatedExactly() throws {
        let generated = try PortfolioGenerator.generate(GeneratorOptions(standards: 100, seed: 11))
        let text = try ScenarioWriter.yaml(for: generated.portfolio, lifeCycle: generated.lifeCycle)
        #expect(try ScenarioLoader.parse(yaml: text, file: "g.yaml") == generated.portfolio)
    }

    /// `portfolio` with its dependencies in the order the loader collects them: standard by
    /// standard (successors in portfolio order), each standard's in their given order.
    static func canonical(_ portfolio: Portfolio) -> Portfolio {
        var copy = portfolio
        let position = Dictionary(portfolio.standards.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        copy.dependencies = portfolio.dependencies.enumerated()
            .sorted { (position[$0.element.successor] ?? 0, $0.offset) < (position[$1.element.successor] ?? 0, $1.offset) }
            .map(\.element)
        return copy
    }
}
