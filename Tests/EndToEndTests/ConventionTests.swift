import Foundation
import Testing

/// The command-line conventions a planner expects: --version, `-` for standard input and
/// output, help that never breaks an example, check --format, exit codes that say what failed,
/// and the same bytes for the same input.
@Suite("command-line conventions")
struct ConventionTests {
    static let fixtures = "Tests/Fixtures/terminal/"
    static let scenario = fixtures + "long-names.yaml"

    @Test("--version prints the version every JSON document carries as its generator")
    func version() throws {
        let run = try CommandLineTests.run(["--version"])
        #expect(run.status == 0)
        let version = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3, "\(version)")
        let plan = try CommandLineTests.run(["plan", Self.scenario, "--format", "json"])
        #expect(plan.stdout.contains("\"generator\" : \"stdplan \(version)\""))
    }

    @Test("- reads the scenario from standard input, and --output - writes to standard output")
    func standardStreams() throws {
        let text = try String(contentsOfFile: CommandLineTests.root.appendingPathComponent(Self.scenario).path, encoding: .utf8)
        let fromFile = try CommandLineTests.run(["plan", Self.scenario, "--format", "csv"])
        let fromInput = try CommandLineTests.run(["plan", "-", "--format", "csv", "--output", "-"], input: text)
        #expect(fromInput.status == 0, "\(fromInput.stderr)")
        #expect(fromInput.stdout == fromFile.stdout)
        #expect(!FileManager.default.fileExists(atPath: CommandLineTests.root.appendingPathComponent("-").path), "no file named -")
        let broken = try CommandLineTests.run(["plan", "-"], input: "format: 1\nname: x\nplan_start: 2024-13\n")
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("<stdin>:3:"), "\(broken.stderr)")
        let twice = try CommandLineTests.run(["compare", "-", "-"], input: text)
        #expect(twice.status == 64)
    }

    /// ArgumentParser wraps help at the terminal's width; an example wider than 80 columns would
    /// be broken in the middle of the command. The examples must read the same at 80 columns as
    /// on an unbounded screen.
    @Test("help examples are never wrapped mid-command at 80 columns", arguments: [
        [], ["plan"], ["check"], ["compare"], ["sweep"], ["bottlenecks"], ["risk"], ["replan"], ["report"], ["export"], ["bench", "psplib"],
    ])
    func helpExamples(command: [String]) throws {
        func examples(_ columns: Int) throws -> [String] {
            let run = try CommandLineTests.run(["help"] + command, environment: ["COLUMNS": "\(columns)"])
            #expect(run.status == 0)
            return run.stdout.split(separator: "\n").map(String.init).filter {
                let trimmed = $0.trimmingCharacters(in: .whitespaces)
                return $0.hasPrefix(" ") && (trimmed.hasPrefix("stdplan ") || trimmed.hasPrefix("--"))
            }
        }
        let narrow = try examples(80), unbounded = try examples(1000)
        #expect(!unbounded.isEmpty)
        #expect(narrow.filter { $0.contains("stdplan ") } == unbounded.filter { $0.contains("stdplan ") })
    }

    @Test("check on the JSON of an infeasible plan says it has no schedule, with the plan's code 3")
    func checkWithoutSchedule() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        let json = directory.appendingPathComponent("impossible.json").path
        let scenario = Self.fixtures + "long-names-impossible.yaml"
        let plan = try CommandLineTests.run(["plan", scenario, "--format", "json", "--output", json])
        #expect(plan.status == 3)
        let check = try CommandLineTests.run(["check", scenario, json])
        #expect(check.status == 3)
        #expect(check.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("no schedule: the plan is infeasible"))
        #expect(!check.stderr.contains("missing"), "no field-by-field complaints: \(check.stderr)")
        let document = try CommandLineTests.run(["check", scenario, json, "--format", "json"])
        #expect(document.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.stdout.utf8)) as? [String: Any])
        #expect(object["has_schedule"] as? Bool == false)
        #expect(object["plan_status"] as? String == "infeasible")
        #expect(object["valid"] is NSNull)
    }

    @Test("check --format json: valid, and every violation with its kind")
    func checkJSON() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        let json = directory.appendingPathComponent("plan.json").path
        #expect(try CommandLineTests.run(["plan", Self.scenario, "--format", "json", "--output", json]).status == 0)
        let valid = try CommandLineTests.run(["check", Self.scenario, json, "--format", "json"])
        #expect(valid.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(valid.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == true && object["has_schedule"] as? Bool == true)
        // Against a scenario whose review capacity is lower, the same schedule breaks it.
        let stricter = directory.appendingPathComponent("stricter.yaml")
        try "format: 1\nextends: \(CommandLineTests.root.appendingPathComponent(Self.scenario).path)\nname: stricter\nchanges:\n  - {name: no-review, capacity: {resource: review, value: 0}}\n"
            .write(to: stricter, atomically: true, encoding: .utf8)
        let broken = try CommandLineTests.run(["check", stricter.path, json, "--format", "json"])
        #expect(broken.status == 2)
        let violations = try #require((try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any])?["violations"] as? [[String: Any]])
        #expect(violations.contains { $0["kind"] as? String == "resource-capacity" })
    }

    @Test("compare and sweep name the points without a schedule and exit 5")
    func failedPoints() throws {
        let compare = try CommandLineTests.run(["compare", Self.scenario, Self.fixtures + "long-names-impossible.yaml"])
        #expect(compare.status == 5)
        #expect(compare.stderr.contains("1 of 2 scenarios has no schedule"))
        #expect(compare.stderr.contains("2 long-names-impossible: infeasible"))
        #expect(compare.stdout.contains("no schedule (infeasible)"))
        let sweep = try CommandLineTests.run(["sweep", Self.scenario, "--vary", "unit:unit-a=0,1", "--format", "csv"])
        #expect(sweep.status == 5)
        #expect(sweep.stderr.contains("unit:unit-a=0: infeasible"))
        #expect(sweep.stdout.contains(",infeasible,"))
        let fine = try CommandLineTests.run(["sweep", Self.scenario, "--vary", "unit:unit-a=1,2"])
        #expect(fine.status == 0)
    }

    @Test("compare twice gives the same bytes: table, CSV and JSON apart from its wall times")
    func sameBytes() throws {
        let arguments = ["compare", Self.scenario, Self.fixtures + "long-names-review-halved.yaml", Self.fixtures + "long-names-impossible.yaml", "--all"]
        for format in ["table", "csv"] {
            let first = try CommandLineTests.run(arguments + ["--format", format])
            let second = try CommandLineTests.run(arguments + ["--format", format])
            #expect(first.status == 5)
            #expect(first.stdout == second.stdout, "\(format)")
        }
        func withoutSeconds(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
        }
        let first = try CommandLineTests.run(arguments + ["--format", "json"])
        let second = try CommandLineTests.run(arguments + ["--format", "json"])
        #expect(withoutSeconds(first.stdout) == withoutSeconds(second.stdout))
    }
}
