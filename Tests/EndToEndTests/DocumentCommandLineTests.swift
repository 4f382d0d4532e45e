import Foundation
import Testing

/// `stdplan report` and `stdplan export` as a user runs them. The documents themselves are
/// checked by real readers (Chromium, MPXJ, icalendar) in Scripts/check-documents.
@Suite("report and export on the command line")
struct DocumentCommandLineTests {
    @Test("report writes one self-contained HTML file, and never over an existing one")
    func report() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        let file = directory.appendingPathComponent("report.html").path
        let run = try CommandLineTests.run(["report", "--date", "2025-01-01", "--output", file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Plan report prepared with stdplan on 2025-01-01"))
        #expect(html.contains("证券期货业研发运营一体化规范"))
        let again = try CommandLineTests.run(["report", "--output", file])
        #expect(again.status == 73)
    }

    // The next two run on a tiny scenario, so they cost little beside the rest of the suite;
    // Scripts/check-documents renders the baseline's report in a browser.
    static let tiny = "Tests/Fixtures/hostile-names.yaml"

    @Test("report of several scenarios with risk: comparison, P50–P90 bands and tornado")
    func comparisonWithRisk() throws {
        let run = try CommandLineTests.run(["report", Self.tiny, Self.tiny, "--risk", "--samples", "200", "--date", "2025-01-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Scenarios side by side"))
        #expect(run.stdout.contains("class=\"risk-band\""))
        #expect(run.stdout.contains("<svg class=\"tornado\""))
        #expect(run.stdout.components(separatedBy: "<section class=\"scenario\"").count - 1 == 2)
    }

    @Test("report --status: the re-plan with the baseline's bars, the status date and the slippage")
    func status() throws {
        let run = try CommandLineTests.run(["report", Self.tiny, "--status", "Tests/Fixtures/hostile-names-status.yaml", "--date", "2024-05-31"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("data-planned-bar=\"phase\""))
        #expect(run.stdout.contains("status 2024-05"))
        #expect(run.stdout.contains("Slippage against the baseline plan"))
    }

    @Test("export writes each format", arguments: [("mspdi", "<Project xmlns=\"http://schemas.microsoft.com/project\">"),
                                                   ("ics", "BEGIN:VCALENDAR\r\n"), ("tjp", "project stdplan ")])
    func export(format: String, marker: String) throws {
        let run = try CommandLineTests.run(["export", "--to", format, "--date", "2025-01-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(marker))
    }

    @Test("bad document options are usage errors (exit 64)",
          arguments: [["report", "--date", "2025-02-30"], ["export", "--to", "pdf"], ["export"], ["plan", "--format", "json", "--bom"]])
    func badOptions(arguments: [String]) throws {
        #expect(try CommandLineTests.run(arguments).status == 64)
    }

    @Test("--bom starts CSV with a UTF-8 byte-order mark")
    func byteOrderMark() throws {
        let run = try CommandLineTests.run(["plan", "--format", "csv", "--bom"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("\u{FEFF}id,name,"))
    }
}
