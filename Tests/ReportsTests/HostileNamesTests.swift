import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanModel
@testable import Reports
import ScenarioFile
import Scheduling
import Testing

/// Names with quotes, markup, entities, CDATA ends, control characters, line breaks, iCalendar
/// separators and CJK (Tests/Fixtures/hostile-names.yaml) go into every document as text: the
/// HTML holds no element they would inject, an XML parser reads them back from the MSPDI file,
/// and unfolding and unescaping the iCalendar file gives them back.
@Suite("Hostile names are escaped in HTML, XML and iCalendar")
struct HostileNamesTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile-names.yaml")

    static let planned: Result<(Portfolio, PlanResult), any Error> = Result {
        let portfolio = try ScenarioLoader.load(path: fixture.path)
        return (portfolio, try Planner.plan(portfolio))
    }

    /// A name as documents carry it: characters no format allows become U+FFFD.
    static func carried(_ text: String, lineBreaks: String? = " ") -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\r" || scalar == "\n" || scalar == "\t" {
                if let lineBreaks { out += lineBreaks } else { out.unicodeScalars.append(scalar) }
            } else if DocumentEscaping.forbidden(scalar) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let hostile = [
        "Q\"uote' <script>alert(1)</script> & ]]> \u{01} line1\nline2 ;,\\ 中文名称",
        "<img src=x onerror=alert(2)> &lt; 标准二 \u{2028} end", "]]>", "\u{7F}\u{85}\u{FFFE}", "a\r\nb\rc\td",
    ]

    @Test("HTML escaping leaves no markup character and no control character", arguments: hostile)
    func html(name: String) {
        let escaped = DocumentEscaping.html(name)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
        #expect(!escaped.unicodeScalars.contains { DocumentEscaping.forbidden($0) || $0 == "\n" || $0 == "\r" })
        // Every & starts an entity the escaping wrote.
        let entities = escaped.components(separatedBy: "&").dropFirst()
        #expect(entities.allSatisfy { $0.hasPrefix("amp;") || $0.hasPrefix("lt;") || $0.hasPrefix("gt;") || $0.hasPrefix("quot;") || $0.hasPrefix("#39;") })
    }

    @Test("XML escaping round-trips through a real XML parser", arguments: hostile)
    func xml(name: String) throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a b=\"\(DocumentEscaping.xml(name))\">\(DocumentEscaping.xml(name))</a>"
        let reader = ElementTexts(element: "a")
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.texts == [Self.carried(name, lineBreaks: nil)])
        #expect(reader.attributes == [Self.carried(name, lineBreaks: nil)])
    }

    @Test("iCalendar TEXT escaping: separators escaped, line breaks as \\n", arguments: hostile)
    func ical(name: String) {
        let escaped = DocumentEscaping.icalText(name)
        #expect(!escaped.contains("\n") && !escaped.contains("\r"))
        #expect(Self.unescapeICal(escaped) == Self.carried(name.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"), lineBreaks: nil))
    }

    @Test("the hostile scenario's HTML report injects no element and shows every name")
    func htmlReport() throws {
        let (portfolio, result) = try Self.planned.get()
        let html = HTMLReport(scenarios: [ReportScenario(source: "hostile-names.yaml", portfolio: portfolio, result: result)], date: "2025-01-01").render()
        for tag in ["<script", "<img", "<b>", "<i>", "<x>", "<!--", "<![CDATA[", "]]>", "\u{01}", "\u{07}", "\u{1B}"] {
            #expect(!html.contains(tag), "\(tag) is in the report")
        }
        for name in [portfolio.name] + portfolio.standards.map(\.name) + portfolio.units.map(\.name) {
            #expect(html.contains(DocumentEscaping.html(name)))
        }
        #expect(html.components(separatedBy: "data-bar=\"phase\"").count - 1 == result.schedule?.standards.reduce(0) { $0 + $1.phases.count })
    }

    @Test("the hostile scenario's MSPDI file parses, and its names read back")
    func mspdi() throws {
        let (portfolio, result) = try Self.planned.get()
        let xml = MSPDIWriter(portfolio: portfolio, schedule: try #require(result.schedule), date: "2025-01-01").render()
        let reader = ElementTexts(element: "Name")
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let expected = [portfolio.name, portfolio.name] + portfolio.standards.map(\.name) + portfolio.standards[0].phases.map(\.name)
            + portfolio.units.map(\.name) + portfolio.resources.map(\.name)
        for name in expected {
            #expect(reader.texts.contains(Self.carried(name, lineBreaks: nil)), "\(name.debugDescription) not read back")
        }
    }

    @Test("the hostile scenario's calendar: CRLF lines of at most 75 octets that unfold to the escaped names")
    func icalendar() throws {
        let (portfolio, result) = try Self.planned.get()
        let text = ICalendarWriter(portfolio: portfolio, schedule: try #require(result.schedule), date: "2025-01-01").render()
        let physical = text.components(separatedBy: "\r\n")
        #expect(physical.last == "")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        let summaries = unfolded.filter { $0.hasPrefix("SUMMARY:") }.map { Self.unescapeICal(String($0.dropFirst(8))) }
        #expect(summaries.count == 6)
        for standard in portfolio.standards {
            let name = Self.carried(standard.name.replacingOccurrences(of: "\r\n", with: "\n"), lineBreaks: nil)
            #expect(summaries.filter { $0.hasSuffix(": " + name) }.count == 3, "\(standard.id)")
        }
    }

    static func unescapeICal(_ text: String) -> String {
        var out = "", escaped = false
        for character in text {
            if escaped {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
