import Foundation
import PlanModel
import Testing
@testable import ScenarioFile

/// Every kind of problem has a stable code (docs/errors.md): one bad input per code here, with
/// the message it must produce beside it.
@Suite("Error catalogue")
struct ErrorCatalogueTests {
    /// A bad input and what the loader must say about it.
    struct Case: Sendable, CustomTestStringConvertible {
        var code: ProblemCode
        var message: String
        var problems: @Sendable () throws -> [ScenarioProblem]
        var testDescription: String { "\(code.rawValue) \(code.title)" }
    }

    static func scenario(_ edits: [Edit]) -> @Sendable () throws -> [ScenarioProblem] {
        { try load { try ScenarioLoader.parse(yaml: apply(edits, to: Fixture.valid), file: Fixture.file) } }
    }

    static func text(_ text: String) -> @Sendable () throws -> [ScenarioProblem] {
        { try load { try ScenarioLoader.parseScenario(yaml: text, file: "bad.yaml") } }
    }

    static func file(_ path: String) -> @Sendable () throws -> [ScenarioProblem] {
        { try load { try ScenarioLoader.load(path: path) } }
    }

    static func status(_ text: String) -> @Sendable () throws -> [ScenarioProblem] {
        { try load { try StatusFileLoader.parse(yaml: text, file: "status.yaml", for: ScenarioLoader.parse(yaml: Fixture.valid, file: Fixture.file)) } }
    }

    /// The problems `body` throws, or a file-level error as one problem with its code.
    static func load<T>(_ body: () throws -> T) throws -> [ScenarioProblem] {
        do {
            _ = try body()
            return []
        } catch let error as ScenarioFileError {
            if case .invalid(let problems) = error { return problems }
            return [ScenarioProblem(file: "", line: nil, column: nil, key: "", message: error.description, code: error.code)]
        }
    }

    static let cases: [Case] = [
        Case(code: .fileNotFound, message: "no such file", problems: file("/nonexistent/scenario.yaml")),
        Case(code: .unreadable, message: "it is a directory", problems: file(NSTemporaryDirectory())),
        Case(code: .notRegularFile, message: "not a regular file", problems: file("/dev/zero")),
        Case(code: .malformedYAML, message: "malformed YAML", problems: text("format: 1\nname: [unclosed\n")),
        Case(code: .aliasAsKey, message: "an alias (*n) is used as a mapping key", problems: text("format: 1\nname: &n x\n*n : 1\n")),
        Case(code: .aliasExpansion, message: "aliases expand to more than 100,000 nodes", problems: text(YAMLGuardTests.laughs(keyAtTheEnd: false))),
        Case(code: .unsupportedFormat, message: "unsupported format '2'", problems: scenario([Edit("format: 1", "format: 2")])),
        Case(code: .unknownKey, message: "unknown key 'refrence'", problems: scenario([Edit("    reference: JR/T 0099—2012", "    refrence: JR/T 0099—2012")])),
        Case(code: .missingKey, message: "missing required key 'category'", problems: scenario([Edit("    category: digital-transformation\n", "")])),
        Case(code: .wrongType, message: "expected an urgency (1 to 5 stars), found 'five'", problems: scenario([Edit("urgency: 5", "urgency: five")])),
        Case(code: .outOfRange, message: "6 is out of range: an urgency (1 to 5 stars) must be 1 to 5", problems: scenario([Edit("urgency: 5", "urgency: 6")])),
        Case(code: .invalidID, message: "'dt general' is not a valid id", problems: scenario([Edit("id: dt-general", "id: dt general")])),
        Case(code: .controlCharacter, message: "control character (ESC)", problems: scenario([Edit("name: 测试 / test", "name: \"\\e[2J\"")])),
        Case(code: .conflictingKeys, message: "both lead_unit and lead_units given",
             problems: scenario([Edit("    lead_unit: guosen", "    lead_unit: guosen\n    lead_units: [guosen]")])),
        Case(code: .unknownReference, message: "unknown unit 'nowhere'", problems: scenario([Edit("lead_unit: guosen", "lead_unit: nowhere")])),
        Case(code: .duplicate, message: "duplicate standard id 'ops-maturity'", problems: scenario([Edit("id: dt-general", "id: ops-maturity")])),
        Case(code: .dependencyCycle, message: "dependency cycle", problems: scenario([
            Edit("    lead_unit: guosen\n", "    lead_unit: guosen\n    after: [{standard: ops-maturity}]\n")])),
        Case(code: .nothingSelected, message: "no candidate lead units", problems: scenario([Edit("lead_units: [shfe, guosen]", "lead_units: []")])),
        Case(code: .dateOrder, message: "horizon_end 2021-12 is before plan_start 2022-01", problems: scenario([Edit("horizon_end: 2027-12", "horizon_end: 2021-12")])),
        Case(code: .factContradictsScenario, message: "ops-automation cannot be not started", problems: status("""
            format: 1
            as_of: 2023-01
            standards:
              - {id: ops-automation, status: not_started}
              - {id: ops-maturity, status: not_started}
              - {id: dt-general, status: not_started}
            """)),
        Case(code: .factContradictsDependency, message: "ops-maturity is in drafting since 2021-12", problems: scenario([Edit(
            "    lead_units: [shfe, guosen]\n    earliest_start: 2022-03\n",
            "    lead_units: [shfe, guosen]\n    status: in_progress\n    current_phase: drafting\n    since: 2021-12\n")])),
        Case(code: .inconsistentEstimate, message: "pessimistic 5 is below optimistic 9", problems: scenario([Edit(
            "horizon_end: 2027-12\n", "horizon_end: 2027-12\nuncertainty: {life_cycle: {drafting: {optimistic: 9, pessimistic: 5}}}\n")])),
        Case(code: .tooLarge, message: "beyond 2^53", problems: scenario([Edit(
            "horizon_end: 2027-12\n", "horizon_end: 2027-12\nobjective: {urgency_weights: [1000000, 1000000, 1000000, 1000000, 1000000], completion: 1000000}\n")])),
        Case(code: .extendsChain, message: "the base scenario ./nowhere.yaml does not exist", problems: text("format: 1\nextends: nowhere.yaml\n")),
    ]

    @Test("each kind of problem has its code and its message", arguments: cases)
    func code(_ item: Case) throws {
        let found = try item.problems()
        let match = found.first { $0.code == item.code }
        #expect(match != nil, "expected \(item.code.rawValue), got \(found.map { "\($0.code.rawValue) \($0.message)" })")
        #expect(match?.message.contains(item.message) == true, "\(String(describing: match))")
        #expect(match?.description.contains("[\(item.code.rawValue)]") == true)
        #expect(!found.contains { $0.code == .invalidValue }, "a problem fell through to the generic code: \(found)")
    }

    @Test("a capacity change after the horizon loads, with a warning that has its code and line")
    func warning() throws {
        let text = try apply([Edit("{from: 2023-07, value: 4}", "{from: 2023-07, value: 4}\n      - {from: 2030-01, value: 5}")], to: Fixture.valid)
        let scenario = try ScenarioLoader.parseScenario(yaml: text, file: Fixture.file)
        let warning = try #require(scenario.warnings.first)
        #expect(scenario.warnings.count == 1)
        #expect(warning.code == .capacityChangeBeyondHorizon)
        #expect(warning.isWarning)
        #expect(warning.line == (try line(of: "2030-01", in: text)))
        #expect(warning.key == "resources[0].capacity_changes[1].from")
        #expect(warning.description.contains("warning: "))
        #expect(warning.message.contains("after horizon_end 2027-12"))
    }

    @Test("docs/errors.md lists every code with its title")
    func documented() throws {
        let docs = try String(contentsOf: Fixture.packageRoot().appendingPathComponent("docs/errors.md"), encoding: .utf8)
        for code in ProblemCode.allCases {
            #expect(docs.contains(code.rawValue), "docs/errors.md lacks \(code.rawValue)")
            #expect(docs.contains(code.title), "docs/errors.md lacks the title of \(code.rawValue): \(code.title)")
        }
        #expect(Set(ProblemCode.allCases.map(\.rawValue)).count == ProblemCode.allCases.count, "codes must be unique")
    }
}
