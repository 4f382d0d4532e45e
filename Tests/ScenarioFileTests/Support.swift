import Foundation
import PlanModel
import ScenarioFile
import Testing

/// Shared fixtures and helpers for the scenario-file tests (no tests in this file).
///
/// Most bad-input tests start from ``Fixture/valid``, a small scenario that loads cleanly, and
/// apply one textual edit. The line the loader should point at is marked in the edited text
/// with a trailing `#!` comment, so the expected line number is exact without being a magic
/// number that silently drifts when the fixture changes.
enum Fixture {
    /// The file name used in messages for text parsed in memory.
    static let file = "test.yaml"

    /// A small valid scenario: one published, one in-progress and two planned standards.
    /// Indices used by the tests: standards[0] jrt-0099 (published), [1] ops-automation
    /// (in progress), [2] ops-maturity (candidates, override, two dependencies),
    /// [3] dt-general (starts with `name:` so that its `id:` line can be removed);
    /// life_cycle[0…3] initiation, drafting, consultation, publication; units[0] shfe,
    /// units[1] guosen; resources[0] wg-review.
    static let valid = """
        format: 1
        name: 测试 / test
        plan_start: 2022-01
        horizon_end: 2027-12

        resources:
          - id: wg-review
            name: 技术管理专业工作组评审
            capacity: 3
            capacity_changes:
              - {from: 2023-07, value: 4}

        units:
          - id: shfe
            name: 上海期货交易所
            capacity: 2
          - id: guosen
            name: 国信证券股份有限公司
            capacity: 1

        life_cycle:
          - id: initiation
            name: 立项
            months: 2
          - id: drafting
            name: 起草
            months: 8
            unit_load: 1
          - id: consultation
            name: 征求意见稿
            months: 3
            unit_load: 1
            resources: {wg-review: 1}
          - id: publication
            name: 发布
            months: 1

        standards:
          - id: jrt-0099
            name: 证券期货业信息系统运维管理规范
            category: operations
            status: published
            published: 2012-12
            reference: JR/T 0099—2012
            lead_unit: shfe

          - id: ops-automation
            name: 证券基金经营机构运维自动化能力成熟度规范
            category: 运维服务
            urgency: 3
            target_year: 2023
            status: in_progress
            current_phase: drafting
            since: 2021-06
            lead_unit: guosen

          - id: ops-maturity
            name: 证券期货业信息技术运维能力成熟度评估
            category: operations
            urgency: 4
            target_year: 2023
            lead_units: [shfe, guosen]
            earliest_start: 2022-03
            phases:
              drafting: {months: 10}
            after:
              - standard: jrt-0099
              - standard: ops-automation
                phase: consultation
                starts: drafting
                lag: 1

          - name: 证券期货业数字化转型通用要求
            id: dt-general
            category: digital-transformation
            urgency: 5
            target_year: 2022
            lead_unit: shfe

        """

    /// The line of `dt-general`'s list item, where problems about the whole standard go.
    static let dtGeneralItem = "  - name: 证券期货业数字化转型通用要求"

    /// The package root, found from this source file's path.
    static func packageRoot(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// One textual edit of a fixture: `needle` must occur exactly once.
struct Edit: Sendable, CustomStringConvertible {
    var needle: String
    var replacement: String
    init(_ needle: String, _ replacement: String) {
        self.needle = needle
        self.replacement = replacement
    }
    var description: String { "\(needle.debugDescription) → \(replacement.debugDescription)" }
}

/// A bad input and what the loader must say about it.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// A short name shown in the test report.
    var name: String
    /// Edits applied, in order, to ``Fixture/valid``.
    var edits: [Edit]
    /// The exact key path of the problem.
    var key: String
    /// Texts the message must contain (the offending value, above all).
    var message: [String]
    /// Texts the hint must contain; empty means "any hint, or none".
    var hint: [String] = []
    /// The line the problem must point at: the line containing this text in the edited file;
    /// by default the line carrying the `#!` marker.
    var lineOf: String = "#!"

    var testDescription: String { name }

    /// The edited scenario text.
    func text() throws -> String { try apply(edits, to: Fixture.valid) }
}

/// Applies `edits` in order; each needle must occur exactly once, so a fixture change that
/// makes an edit ambiguous or void fails loudly instead of testing something else.
func apply(_ edits: [Edit], to text: String) throws -> String {
    var result = text
    for edit in edits {
        let count = result.components(separatedBy: edit.needle).count - 1
        try #require(count == 1, "edit \(edit) must match exactly once, matched \(count) times")
        result = result.replacingOccurrences(of: edit.needle, with: edit.replacement)
    }
    return result
}

/// The 1-based line of the first line containing `needle`.
func line(of needle: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
    let lines = text.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.contains(needle) }, "no line contains \(needle.debugDescription)",
                             sourceLocation: sourceLocation)
    return index + 1
}

/// Parses `text`, which must be rejected, and returns the problems in the order reported.
func problems(in text: String, file: String = Fixture.file, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [ScenarioProblem]
{
    do {
        let portfolio = try ScenarioLoader.parse(yaml: text, file: file)
        Issue.record("expected the scenario to be rejected, but it loaded: \(portfolio.name)", sourceLocation: sourceLocation)
        return []
    } catch let error as ScenarioFileError {
        guard case .invalid(let problems) = error else {
            Issue.record("expected .invalid, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        #expect(!problems.isEmpty, "an invalid scenario must list at least one problem", sourceLocation: sourceLocation)
        return problems
    }
}

/// Checks that `text` is rejected with exactly one problem, as `bad` describes, and returns it.
@discardableResult
func expectSingleProblem(_ bad: BadInput, sourceLocation: SourceLocation = #_sourceLocation) throws -> ScenarioProblem? {
    let text = try bad.text()
    let found = try problems(in: text, sourceLocation: sourceLocation)
    #expect(found.count == 1, "expected exactly one problem, got:\n\(found.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let problem = found.first else { return nil }
    try expect(problem, matches: bad, in: text, sourceLocation: sourceLocation)
    return problem
}

/// Checks one problem's file, line, key, message and hint against `bad`.
func expect(_ problem: ScenarioProblem, matches bad: BadInput, in text: String,
            sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expectedLine = try line(of: bad.lineOf, in: text, sourceLocation: sourceLocation)
    #expect(problem.file == Fixture.file, sourceLocation: sourceLocation)
    #expect(problem.line == expectedLine, "\(problem)", sourceLocation: sourceLocation)
    #expect(problem.column != nil, sourceLocation: sourceLocation)
    #expect(problem.key == bad.key, "\(problem)", sourceLocation: sourceLocation)
    for part in bad.message {
        #expect(problem.message.contains(part), "message should contain \(part.debugDescription): \(problem)",
                sourceLocation: sourceLocation)
    }
    if !bad.hint.isEmpty {
        let hint = problem.hint ?? ""
        for part in bad.hint {
            #expect(hint.contains(part), "hint should contain \(part.debugDescription): \(problem)", sourceLocation: sourceLocation)
        }
    }
    // The printed form carries everything an editor and a reader need.
    let printed = problem.description
    #expect(printed.hasPrefix("\(Fixture.file):\(problem.line ?? 0):"), sourceLocation: sourceLocation)
    #expect(printed.contains("\(bad.key): "), sourceLocation: sourceLocation)
}

/// A tiny deterministic generator, so the garbage cases are reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
