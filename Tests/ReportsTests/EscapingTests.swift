import Foundation
import PlanModel
import Reports
import Scheduling
import Testing

/// Names reach every output format escaped for it: no control character reaches a terminal,
/// no line break or pipe breaks a Markdown row, no CSV cell runs as a formula, JSON stays JSON.
@Suite("Escaping per format")
struct EscapingTests {
    static let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}name\u{0}|x\ny"

    @Test("terminal: control characters become visible escapes; plain and Chinese text is untouched")
    func terminal() {
        let escaped = Escaping.terminal(Self.hostile)
        #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(escaped.contains("\\u{1b}[2J"))
        #expect(escaped.contains("\\u{7}name\\u{0}"))
        #expect(Escaping.terminal("证券期货业 plain – text") == "证券期货业 plain – text")
        #expect(Escaping.terminal("two\nlines", keepingLineBreaks: true) == "two\nlines")
        #expect(Escaping.terminal("abc\u{202E}exe.txt") == "abc\\u{202e}exe.txt")
        #expect(Escaping.terminal("\u{9B}31m") == "\\u{9b}31m")
    }

    @Test("Markdown cells: pipes escaped, line breaks as <br>, control characters visible")
    func markdown() {
        #expect(Escaping.markdownCell("a|b") == "a\\|b")
        #expect(Escaping.markdownCell("one\r\ntwo") == "one<br>two")
        #expect(Escaping.markdownCell("x\u{1B}y") == "x\\u{1b}y")
        #expect(Escaping.markdownCell("标准") == "标准")
    }

    @Test("CSV: formula prefixes neutralised as OWASP recommends", arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ])
    func csvFormulas(_ input: String, _ expected: String) {
        #expect(Escaping.csvCell(input) == expected)
    }

    @Test("CSV: plain numbers keep their sign; ordinary text is unchanged", arguments: ["-3", "+2", "1.5", "12%", "-0.25", "2024-05", "标准", ""])
    func csvPlain(_ input: String) {
        #expect(Escaping.csvCell(input) == input)
    }

    @Test("HTML and XML: markup characters as references, control characters visible")
    func markup() {
        #expect(Escaping.html("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(Escaping.xml("a\u{1}b\u{FFFE}") == "a\\u{1}b\\u{fffe}")
        #expect(Escaping.xml("标准 &") == "标准 &amp;")
    }

    /// A one-standard portfolio whose names are hostile, as a portfolio built in code could be.
    static func hostileReport() throws -> (Portfolio, PlanResult) {
        let start = Month(year: 2022, month: 1)
        let phase = Phase(id: "work", name: "起草\u{1B}[31m", months: 2, unitLoad: 1)
        let standard = Standard(id: "s", name: "=cmd|' /C calc'!A0\n| injected | row |\u{1B}]0;title\u{07}", category: .operations,
                                urgency: 3, targetYear: 2022, leadUnits: ["u"], phases: [phase])
        let portfolio = Portfolio(name: "name\u{1B}[2J", planStart: start, horizonEnd: start + 24,
                                  units: [LeadUnit(id: "u", name: "unit\u{07}", capacity: .constant(1))], resources: [],
                                  standards: [standard], dependencies: [])
        return (portfolio, try Planner.plan(portfolio))
    }

    @Test("a plan report of hostile names: table, Markdown, CSV and JSON all stay safe")
    func report() throws {
        let (portfolio, result) = try Self.hostileReport()
        let report = PlanReport(portfolio: portfolio, result: result, source: "code")
        let table = report.render(.table)
        #expect(!table.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, "\(table.debugDescription)")
        let markdown = report.render(.markdown)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("=cmd") }
        #expect(rows.count == 1, "the standard's row must stay one row: \(markdown)")
        #expect(rows.first?.contains("<br>\\| injected \\| row \\|") == true)
        let csv = report.render(.csv)
        #expect(csv.contains("\"'=cmd|' /C calc'!A0"))
        let json = report.render(.json)
        let decoded = try JSONDecoder().decode(PlanDocument.self, from: Data(json.utf8))
        #expect(decoded.standards.first?.name == portfolio.standards[0].name, "JSON carries the name exactly, escaped by the encoder")
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(json.contains("\\u001b"))
    }
}
