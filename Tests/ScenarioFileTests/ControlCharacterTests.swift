import Foundation
import Testing
@testable import ScenarioFile

/// Control characters in names (escape sequences that clear the screen or retitle the window,
/// a bell, NUL, line breaks) are refused at load with a hint, wherever text is read.
@Suite("Control characters in text")
struct ControlCharacterTests {
    static let names: [(String, String)] = [
        ("ESC clearing the screen", "\\e[2J\\e[H"),
        ("ESC retitling the window", "\\e]0;pwned\\a"),
        ("a bell", "ring\\a"),
        ("NUL", "cut\\0here"),
        ("a line break", "two\\nlines"),
        ("a tab", "a\\tb"),
        ("DEL", "x\\x7F"),
        ("a C1 control (CSI)", "x\\u009B2J"),
        ("a right-to-left override", "abc\\u202Egnp.exe"),
    ]

    @Test("a standard's name with a control character is refused with a hint", arguments: names)
    func standardName(_ label: String, _ escaped: String) throws {
        let problem = try expectSingleProblem(BadInput(
            name: label, edits: [Edit("  - name: 证券期货业数字化转型通用要求", "  - name: \"证券\(escaped)\"  #!")],
            key: "standards[3].name", message: ["control character"], hint: ["on one line"]))
        #expect(problem?.code == .controlCharacter)
        // The message quotes the value with the character made visible, never raw.
        #expect(problem.map { !$0.description.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } } == true)
    }

    @Test("unit, phase, resource and scenario names are checked too", arguments: [
        ("name: 测试 / test", "name: \"test\\e[31m\"  #!", "name"),
        ("    name: 上海期货交易所", "    name: \"上海\\a\"  #!", "units[0].name"),
        ("    name: 技术管理专业工作组评审", "    name: \"评审\\0\"  #!", "resources[0].name"),
        ("    name: 立项", "    name: \"立项\\r\"  #!", "life_cycle[0].name"),
    ])
    func otherNames(_ needle: String, _ replacement: String, _ key: String) throws {
        let problem = try expectSingleProblem(BadInput(name: key, edits: [Edit(needle, replacement)], key: key, message: ["control character"]))
        #expect(problem?.code == .controlCharacter)
    }

    @Test("a block scalar's final line break is not a control character")
    func blockScalar() throws {
        let text = try apply([Edit("  - name: 证券期货业数字化转型通用要求", "  - name: |\n      证券期货业数字化转型通用要求")], to: Fixture.valid)
        let portfolio = try ScenarioLoader.parse(yaml: text, file: Fixture.file)
        #expect(portfolio.standards[3].name == "证券期货业数字化转型通用要求")
    }

    @Test("a line break inside a block scalar is refused")
    func blockScalarTwoLines() throws {
        let problem = try expectSingleProblem(BadInput(
            name: "two lines", edits: [Edit("  - name: 证券期货业数字化转型通用要求", "  - name: |  #!\n      第一行\n      第二行")],
            key: "standards[3].name", message: ["line break"]))
        #expect(problem?.code == .controlCharacter)
    }
}
