import Foundation
import Testing

/// The reliability report's classes, run on the real binary: write errors become exit 74 with
/// no partial file, an existing file is never replaced, Ctrl-C prints the best schedule and
/// exits 130, the time limit bounds the whole command, out-of-range flags and hostile files get
/// coded errors, and infeasible points make sweep and compare fail.
@Suite("stdplan under hostile conditions")
struct ReliabilityCommandLineTests {
    typealias Run = CommandLineTests.Run

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Run { try CommandLineTests.run(arguments, in: directory) }

    /// Files left in `directory` besides `expected` (temporary files must never stay behind).
    static func leftovers(_ directory: URL, expected: Set<String> = []) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !expected.contains($0) }
    }

    /// A feasible scenario of `count` standards, ten to a unit, whose plan takes the heuristics a while.
    static func largeScenario(_ count: Int) -> String {
        let units = max(1, count / 10)
        var text = """
            format: 1
            name: large
            plan_start: 2022-01
            horizon_end: 2034-12
            resources:
              - {id: wg, name: wg, capacity: \(max(4, count / 20))}
            units:

            """
        for u in 0..<units { text += "  - {id: u\(u), name: unit \(u), capacity: 2}\n" }
        text += """
            life_cycle:
              - {id: initiation, name: initiation, months: 2}
              - {id: drafting, name: drafting, months: 8, unit_load: 1}
              - {id: review, name: review, months: 3, unit_load: 1, resources: {wg: 1}}
              - {id: publication, name: publication, months: 1}
            standards:

            """
        for s in 0..<count {
            text += "  - {id: s\(s), name: standard \(s), category: operations, urgency: \(1 + s % 5), target_year: \(2023 + s % 4), "
                + (units == 1 ? "lead_unit: u0" : "lead_units: [u\(s % units), u\((s + max(1, units / 2)) % units)]") + (s >= 10 && s % 3 == 0 ? ", after: [{standard: s\(s - 10)}]" : "") + "}\n"
        }
        return text
    }

    @Test("a full disk is exit 74 with a coded message, not a trap")
    func fullDisk() throws {
        let process = Process()
        process.executableURL = try CommandLineTests.binary()
        process.arguments = ["plan", "--format", "json"]
        process.currentDirectoryURL = CommandLineTests.root
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 74, "\(stderr)")
        #expect(stderr.contains("No space left on device"))
        #expect(stderr.contains("[SP-E0703]"))
    }

    @Test("a standard output closed by its reader is exit 74, not a crash by SIGPIPE")
    func closedPipe() throws {
        let process = Process()
        process.executableURL = try CommandLineTests.binary()
        process.arguments = ["plan", "--format", "json"]
        process.currentDirectoryURL = CommandLineTests.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try out.fileHandleForReading.close()  // the reader goes away before anything is written
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by a signal")
        #expect(process.terminationStatus == 74, "\(stderr)")
        #expect(stderr.contains("[SP-E0704]"))
    }

    @Test("a file-size limit is exit 74 and leaves neither the file nor a temporary one")
    func fileSizeLimit() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try CommandLineTests.binary().path
        let run = try Self.run(["/bin/sh", "-c", "ulimit -f 4 && exec '\(binary)' plan '\(CommandLineTests.root.path)/Scenarios/baseline.yaml' --format json --output plan.json"],
                               in: directory, viaShell: true)
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("[SP-E0703]"))
        let left = try Self.leftovers(directory)
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test("an existing output file is never replaced, whatever happens")
    func existingFile() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plan.json")
        try "keep me".write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["plan", "--format", "json", "--output", file.path])
        #expect(run.status == 73)
        #expect(run.stderr.contains("[SP-E0701]"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        #expect(try Self.leftovers(directory, expected: ["plan.json"]).isEmpty)
        let missing = try Self.run(["plan", "--output", directory.appendingPathComponent("no/such/folder.txt").path])
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("[SP-E0702]"))
    }

    @Test("Ctrl-C prints the best schedule so far with its status, writes a whole file and exits 130")
    func interrupt() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.largeScenario(400).write(to: directory.appendingPathComponent("large.yaml"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try CommandLineTests.binary()
        process.arguments = ["plan", "large.yaml", "--time-limit", "120", "--format", "json", "--output", "plan.json"]
        process.currentDirectoryURL = directory
        let err = Pipe()
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        let interrupted = ContinuousClock.now
        process.interrupt()  // SIGINT, as Ctrl-C
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(ContinuousClock.now - interrupted < .seconds(5), "stops promptly")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("[SP-E0803]"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("plan.json"))) as? [String: Any])
        #expect(json["interrupted"] as? Bool == true)
        #expect(json["status"] as? String == "feasible")
        #expect((json["standards"] as? [Any])?.count == 400)
        #expect(try Self.leftovers(directory, expected: ["large.yaml", "plan.json"]).isEmpty)
    }

    @Test("--time-limit bounds the whole command on 1,500 standards, and a checked schedule comes back")
    func wholeCommandTimeLimit() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.largeScenario(1500).write(to: directory.appendingPathComponent("large.yaml"), atomically: true, encoding: .utf8)
        let started = ContinuousClock.now
        let run = try Self.run(["plan", "large.yaml", "--time-limit", "3", "--format", "json", "--output", "plan.json"], in: directory)
        let elapsed = ContinuousClock.now - started
        #expect(run.status == 0, "\(run.stderr)")
        // Within a second of the limit on a quiet machine (Scripts/bench-limits); more slack here,
        // for a debug build beside other tests on two cores.
        #expect(elapsed < .seconds(6), "took \(elapsed)")
        guard run.status == 0 else { return }
        let check = try Self.run(["check", "large.yaml", "plan.json"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("flags outside their ranges are exit 64 with the code", arguments: [
        ["plan", "--time-limit", "1e300"], ["plan", "--time-limit", "0"], ["plan", "--time-limit", "nan"],
        ["plan", "--max-model-size", "5"], ["risk", "--samples", "0"], ["risk", "--samples", "9223372036854775807"],
        ["sweep", "--vary", "resource:wg-review=2000000"], ["sweep", "--vary", "delay=9223372036854775000"],
        ["sweep", "--vary", "duration:*=1e300"], ["sweep", "--vary", "unit:szse=-1"],
    ])
    func flagRanges(_ arguments: [String]) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("[SP-E0601]"), "\(run.stderr)")
    }

    @Test("sweep exits 5 when a point has no schedule, after printing every point and naming it")
    func infeasiblePoints() throws {
        let sweep = try Self.run(["sweep", "Scenarios/what-if/urgent-hard-deadlines.yaml", "--vary", "delay=0", "--time-limit", "10"])
        #expect(sweep.status == 5, "\(sweep.stderr)")
        #expect(sweep.stderr.contains("delay=0: infeasible"))
        #expect(!sweep.stdout.isEmpty)
    }

    @Test("a file with an escape sequence in a name is refused, and nothing raw reaches the terminal")
    func controlCharacters() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "format: 1\nextends: baseline\nname: \"\\e]0;pwned\\a\\e[2J\"\n".write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let run = try Self.run(["plan", "bad.yaml"], in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("[SP-E0106]"))
        #expect(!run.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(run.stderr.debugDescription)")
    }

    @Test("extends of a system file names it and prints none of it")
    func extendsLeak() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "format: 1\nextends: /etc/passwd\n".write(to: directory.appendingPathComponent("leak.yaml"), atomically: true, encoding: .utf8)
        let run = try Self.run(["plan", "leak.yaml"], in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("[SP-E0401]"))
        #expect(!run.stderr.contains("root:"), "\(run.stderr)")
    }

    @Test("a capacity change after the horizon plans, with a coded warning")
    func warning() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Self.largeScenario(30).replacingOccurrences(of: "capacity: 2}\n", with: "capacity: 2, capacity_changes: [{from: 2040-01, value: 3}]}\n")
        try text.write(to: directory.appendingPathComponent("late.yaml"), atomically: true, encoding: .utf8)
        let run = try Self.run(["plan", "late.yaml", "--time-limit", "5"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: "))
        #expect(run.stderr.contains("[SP-W0501]"))
    }

    @Test("docs/errors.md lists every code the command line prints")
    func documented() throws {
        let source = try String(contentsOf: CommandLineTests.root.appendingPathComponent("Sources/stdplan/ErrorCode.swift"), encoding: .utf8)
        let docs = try String(contentsOf: CommandLineTests.root.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        let codes = source.components(separatedBy: "\"").filter { $0.hasPrefix("SP-") }
        #expect(codes.count >= 13)
        for code in codes { #expect(docs.contains(code), "docs/errors.md lacks \(code)") }
    }
}

extension ReliabilityCommandLineTests {
    /// Runs a command line through `/bin/sh` (for `ulimit`).
    static func run(_ arguments: [String], in directory: URL, viaShell: Bool) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
