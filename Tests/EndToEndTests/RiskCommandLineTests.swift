import Foundation
import Testing

/// `stdplan risk` and `stdplan replan` as a user runs them: bytes, exit codes, no progress bar
/// into a pipe.
@Suite("stdplan risk and replan on the command line")
struct RiskCommandLineTests {
    static let status = "Scenarios/status/2025-12.yaml"

    @Test("risk: the same seed gives byte-identical output, whatever the number of threads; nothing on stderr when it is not a terminal")
    func sameBytes() throws {
        let arguments = ["risk", "--samples", "600", "--seed", "5"]
        let first = try CommandLineTests.run(arguments + ["--threads", "1"])
        let second = try CommandLineTests.run(arguments + ["--threads", "2"])
        let third = try CommandLineTests.run(arguments + ["--threads", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(second.stdout == third.stdout)
        #expect(first.stdout.contains("P(on time)"))
        #expect(first.stdout.contains("Sensitivity: what drives lateness"))
        #expect(first.stderr.isEmpty, "no progress bar into a pipe: \(first.stderr)")
        let other = try CommandLineTests.run(["risk", "--samples", "600", "--seed", "6"])
        #expect(other.stdout != first.stdout)
    }

    @Test("risk writes JSON to a new file, never over an existing one")
    func json() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        let output = directory.appendingPathComponent("risk.json").path
        let run = try CommandLineTests.run(["risk", "Scenarios/baseline.yaml", "--samples", "300", "--format", "json", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("\"samples\" : 300"))
        let again = try CommandLineTests.run(["risk", "--samples", "300", "--format", "json", "--output", output])
        #expect(again.status == 73)
    }

    @Test("risk --status simulates from the status date")
    func fromStatus() throws {
        let run = try CommandLineTests.run(["risk", "Scenarios/baseline.yaml", "--status", Self.status, "--samples", "300", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        // 19 standards are open in 2025-12, after the section's title and header.
        let standards = run.stdout.components(separatedBy: "\r\n\r\n")[0].split(separator: "\r\n")
        #expect(standards.count == 21)
        #expect(!run.stdout.contains("elderly-app"))
    }

    @Test("replan prints the validated re-plan and the slippage table")
    func replan() throws {
        let run = try CommandLineTests.run(["replan", "Scenarios/baseline.yaml", "--status", Self.status, "--wide"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("optimal: GLPK proved that no schedule is better"))
        #expect(run.stdout.contains("Slippage against the baseline plan"))
        #expect(run.stdout.contains("JR/T 0059—2024"))
        #expect(run.stdout.contains("longer 报批稿–发布 +9"))
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test("a status file with problems exits 65 listing each with its line; a missing one exits 66")
    func badStatus() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        let file = directory.appendingPathComponent("status.yaml")
        try "format: 1\nas_of: 2025-12\nstandards:\n  - {id: devopz, status: not_started}\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try CommandLineTests.run(["replan", "Scenarios/baseline.yaml", "--status", file.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("status.yaml:4:"))
        #expect(bad.stderr.contains("did you mean 'devops'?"))
        #expect(bad.stderr.contains("no status for"))
        let missing = try CommandLineTests.run(["replan", "--status", "no/such/status.yaml"])
        #expect(missing.status == 66)
    }

    @Test("bad options exit 64", arguments: [["risk", "--samples", "0"], ["risk", "--threads", "0"], ["replan"]])
    func badOptions(arguments: [String]) throws {
        #expect(try CommandLineTests.run(arguments).status == 64)
    }
}
