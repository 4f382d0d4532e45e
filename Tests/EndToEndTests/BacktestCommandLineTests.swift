import Foundation
import Testing

/// `stdplan backtest` as a user runs it on the baseline and its 2025-12 status: scores and
/// calibration printed, the same bytes for any number of threads, a calibrated overlay that plans.
@Suite("stdplan backtest on the command line")
struct BacktestCommandLineTests {
    static let arguments = ["backtest", "Scenarios/baseline.yaml", "--status", "Scenarios/status/2025-12.yaml", "--samples", "30"]

    @Test("the baseline against its 2025-12 facts: scores, calibration and a verdict; the overlay it writes plans")
    func baseline() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        let overlay = directory.appendingPathComponent("calibrated.yaml").path
        let run = try CommandLineTests.run(Self.arguments + ["--write-calibrated", overlay])
        #expect(run.status == 0, "\(run.stderr)")
        for text in ["Facts against the forecast", "published 2024-12", "Brier score", "Log-likelihood", "Calibration: the duration scale",
                     "All durations", "Verdict: ", "By phase", "Scored: 3 facts (entries marked `source: fact`); 19 assumptions not used."] {
            #expect(run.stdout.contains(text), "missing \(text)")
        }
        #expect(run.stderr.isEmpty, "no progress bar into a pipe: \(run.stderr)")
        let written = try String(contentsOfFile: overlay, encoding: .utf8)
        #expect(written.contains("scale_durations"))
        #expect(written.contains("extends: "))
        let plan = try CommandLineTests.run(["plan", overlay])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("calibrated against 2025-12"))
        // Never over an existing file, and found out before any simulation.
        let again = try CommandLineTests.run(Self.arguments + ["--write-calibrated", overlay])
        #expect(again.status == 73)
        #expect(again.stdout.isEmpty)
    }

    @Test("the same seed gives the same bytes for any number of threads")
    func sameBytes() throws {
        let one = try CommandLineTests.run(Self.arguments + ["--format", "json", "--threads", "1"])
        let two = try CommandLineTests.run(Self.arguments + ["--format", "json", "--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect((json["facts"] as? [Any])?.count == 3)
        let score = try #require(json["score"] as? [String: Any])
        #expect(CommandLineTests.number(score["brier"]) != nil && CommandLineTests.number(score["log_likelihood"]) != nil)
        let calibration = try #require(json["calibration"] as? [String: Any])
        #expect((calibration["overall"] as? [String: Any])?["verdict"] != nil)
    }

    @Test("a status with no facts says so, and has nothing to calibrate")
    func noFacts() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        let status = directory.appendingPathComponent("status.yaml")
        let text = try String(contentsOfFile: CommandLineTests.root.appendingPathComponent("Scenarios/status/2025-12.yaml").path, encoding: .utf8)
        try text.replacingOccurrences(of: "source: fact", with: "source: assumption").write(to: status, atomically: true, encoding: .utf8)
        let overlay = directory.appendingPathComponent("calibrated.yaml").path
        let run = try CommandLineTests.run(["backtest", "--status", status.path, "--write-calibrated", overlay])
        #expect(run.status == 65)
        #expect(run.stdout.contains("Nothing to score"))
        #expect(run.stderr.contains("nothing to calibrate"))
        #expect(!FileManager.default.fileExists(atPath: overlay))
    }

    @Test("bad options exit 64", arguments: [
        ["backtest", "--samples", "0", "--status", "Scenarios/status/2025-12.yaml"], ["backtest"],
        ["backtest", "--status", "Scenarios/status/2025-12.yaml", "--write-calibrated", "x.yaml", "--output", "x.yaml"],
    ])
    func badOptions(arguments: [String]) throws {
        #expect(try CommandLineTests.run(arguments).status == 64)
    }
}
