import Foundation
import Testing

/// The real `stdplan` binary, run as a user would: output, exit codes, files.
@Suite("stdplan on the command line")
struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func binary() throws -> URL {
        // Tests run from the build products directory, where the stdplan executable is built too.
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for directory in candidates {
            let url = directory.appendingPathComponent("stdplan")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// Runs stdplan with pipes for its output; `COLUMNS` and `NO_COLOR` are removed from the
    /// environment unless `environment` sets them, so the width is the piped default (100).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var variables = ProcessInfo.processInfo.environment
        variables["COLUMNS"] = nil
        variables["NO_COLOR"] = nil
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("plan with no argument plans the built-in baseline: optimal, all 30 standards")
    func planBaseline() throws {
        let run = try Self.run(["plan", "--wide"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("optimal: GLPK proved that no schedule is better"))
        #expect(run.stdout.contains("证券期货业研发运营一体化规范"))
        #expect(run.stdout.contains("JR/T 0099—2012"))
        #expect(run.stdout.contains("Standards that miss their target year"))
        #expect(run.stderr.isEmpty, "GLPK or anything else must not print to stderr: \(run.stderr)")
    }

    @Test("every scenario under Scenarios/ plans to a schedule that `check` accepts, or says why it is infeasible")
    func scenariosPlanAndCheck() throws {
        let directory = try Self.temporaryDirectory()
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("status/") }.sorted()
        #expect(files.count >= 7)
        for file in files {
            let scenario = Self.root.appendingPathComponent("Scenarios").appendingPathComponent(file).path
            let output = directory.appendingPathComponent(file.replacingOccurrences(of: "/", with: "_") + ".json").path
            // A short limit keeps the suite quick; a schedule comes back either way (the heuristic's at worst).
            let plan = try Self.run(["plan", scenario, "--format", "json", "--output", output, "--time-limit", "5"])
            if plan.status == 3 {
                let text = try String(contentsOfFile: output, encoding: .utf8)
                #expect(text.contains("\"status\" : \"infeasible\""), "\(file)")
                #expect(text.contains("cannot hold"), "\(file): an infeasible plan must say why")
                continue
            }
            #expect(plan.status == 0, "\(file): \(plan.stderr)")
            let check = try Self.run(["check", scenario, output])
            #expect(check.status == 0, "\(file): \(check.stderr)")
            #expect(check.stdout.contains("valid"))
        }
    }

    @Test("compare: the baseline beside every what-if, one row per scenario, the infeasible one explained")
    func compareWhatIfs() throws {
        let whatIfs = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Scenarios/what-if").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Scenarios/what-if/\($0)" }
        let run = try Self.run(["compare", "Scenarios/baseline.yaml"] + whatIfs + ["--time-limit", "5", "--format", "json"])
        #expect(run.status == 5, "the infeasible what-if has no schedule: \(run.stderr)")
        #expect(run.stderr.contains("urgent-hard-deadlines: infeasible"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == whatIfs.count + 1)
        #expect(scenarios[0]["status"] as? String == "optimal")
        #expect(scenarios.contains { $0["status"] as? String == "infeasible" })
        #expect(scenarios.dropFirst().allSatisfy { !(($0["changes"] as? [Any]) ?? []).isEmpty })
        let table = try Self.run(["compare", "baseline", "Scenarios/what-if/drafting-plus-50.yaml", "--wide"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("change slow-drafting"))
        #expect(table.stdout.contains("(+"))
    }

    @Test("compare --by-change plans the base, then each named change added in turn")
    func compareByChange() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("two.yaml")
        try """
        format: 1
        extends: baseline
        name: two changes
        changes:
          - {name: slow-drafting, scale_durations: {phase: drafting, factor: 1.25}}
          - {name: fifth-review-slot, capacity: {resource: wg-review, value: 5}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["compare", "--by-change", file.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let names = try #require(json["scenarios"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names == ["base", "+ slow-drafting", "+ fifth-review-slot"])
        let plain = try Self.run(["compare", "--by-change", "Scenarios/baseline.yaml"])
        #expect(plain.status == 64)
        #expect(plain.stderr.contains("not a what-if overlay"))
    }

    /// Three standards due in 2022 queue on unit u (capacity 1) for six months of drafting each,
    /// then take one month of the working group's review (capacity 2); d is v's and due in 2030.
    static let smallScenario = """
        format: 1
        name: small
        plan_start: 2022-01
        horizon_end: 2025-12
        resources: [{id: wg, name: 工作组, capacity: 2}]
        units: [{id: u, name: 单位, capacity: 1}, {id: v, name: 另一单位, capacity: 1}]
        life_cycle: [{id: draft, name: 起草, months: 6, unit_load: 1}, {id: review, name: 送审稿, months: 1, resources: {wg: 1}}]
        standards:
          - {id: a, name: 甲, category: operations, urgency: 5, target_year: 2022, lead_unit: u}
          - {id: b, name: 乙, category: operations, urgency: 3, target_year: 2022, lead_unit: u}
          - {id: c, name: 丙, category: operations, urgency: 1, target_year: 2022, lead_unit: u}
          - {id: d, name: 丁, category: operations, urgency: 1, target_year: 2030, lead_unit: v}
        """

    @Test("sweep and bottlenecks run on a small scenario and rank the binding unit first")
    func sweepAndBottlenecks() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("small.yaml")
        try Self.smallScenario.write(to: file, atomically: true, encoding: .utf8)
        let sweep = try Self.run(["sweep", file.path, "--vary", "unit:u=1..3"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        #expect(sweep.stdout.contains("Urgency-weighted months late"))
        #expect(sweep.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") || $0.hasPrefix("3 ") }.count >= 3)
        let bottlenecks = try Self.run(["bottlenecks", file.path, "--format", "csv"])
        #expect(bottlenecks.status == 0, "\(bottlenecks.stderr)")
        let rows = bottlenecks.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 4)  // header, u, v, wg
        #expect(rows[1].hasPrefix("1,unit,u,"))
        let bad = try Self.run(["sweep", file.path, "--vary", "unit:nobody=1,2"])
        #expect(bad.status == 64)
    }

    /// A JSON integer as JSONSerialization hands it over; nil for a string (the old defect), a
    /// fraction, null or a missing key.
    static func integer(_ value: Any?) -> Int? {
        guard let value, !(value is String) else { return nil }
        return value as? Int
    }

    /// A JSON number, whole or not; nil for a string, null or a missing key.
    static func number(_ value: Any?) -> Double? {
        guard let value, !(value is String) else { return nil }
        return value as? Double ?? (value as? Int).map(Double.init)
    }

    /// The figures solved by hand. Lateness weight L = 481 (the CLI prints it). Capacity 1: u
    /// drafts a, b, c in turn, published 2022-07, 2023-01, 2023-07, so b is 1 month late and c 7:
    /// weighted 3·1 + 1·7 = 10, objective 481·10 + 5·7 + 3·13 + 1·19 + 1·7 = 4910. Capacity 2: c
    /// drafts second and is published 2023-01 (1 month late), d's review waits for August: 481 +
    /// 35 + 21 + 13 + 8 = 558. Capacity 3: four reviews in July and August, none late: 35 + 21 +
    /// 8 + 8 = 72. So one more unit of u gains 9 weighted months and 4910 − 558 = 4352.
    @Test("sweep and bottleneck JSON write numbers as numbers, with the values solved by hand")
    func sweepAndBottlenecksJSON() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("small.yaml")
        try Self.smallScenario.write(to: file, atomically: true, encoding: .utf8)

        let sweep = try Self.run(["sweep", file.path, "--vary", "unit:u=1..3", "--format", "json"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        #expect(sweep.stdout.contains("\"value\" : 1,") && sweep.stdout.contains("\"objective\" : 4910,"), "integers are written without a fraction")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sweep.stdout.utf8)) as? [String: Any])
        #expect(Self.integer(document["format"]) == 1)
        #expect(document["scenario"] as? String == "small")
        #expect(document["parameter"] as? String == "unit:u")
        let points = try #require(document["points"] as? [[String: Any]])
        #expect(points.map { Self.integer($0["value"]) } == [1, 2, 3])
        #expect(points.map { Self.integer($0["objective"]) } == [4910, 558, 72])
        #expect(points.map { Self.number($0["bound"]) } == [4910, 558, 72])
        #expect(points.map { Self.number($0["gap"]) } == [0, 0, 0])
        #expect(points.map { Self.integer($0["on_time"]) } == [2, 3, 4])
        #expect(points.map { Self.integer($0["with_target"]) } == [4, 4, 4])
        #expect(points.map { Self.integer($0["months_late"]) } == [8, 1, 0])
        #expect(points.map { Self.integer($0["weighted_months_late"]) } == [10, 1, 0])
        #expect(points.map { $0["last_publication"] as? String } == ["2023-07", "2023-01", "2022-08"])
        #expect(points.map { $0["status"] as? String } == ["optimal", "optimal", "optimal"])
        #expect(points.allSatisfy { Self.number($0["seconds"]).map { $0 >= 0 } == true })

        let bottlenecks = try Self.run(["bottlenecks", file.path, "--format", "json"])
        #expect(bottlenecks.status == 0, "\(bottlenecks.stderr)")
        let analysis = try #require(try JSONSerialization.jsonObject(with: Data(bottlenecks.stdout.utf8)) as? [String: Any])
        #expect(bottlenecks.stdout.contains("\"capacity\" : 1,") && bottlenecks.stdout.contains("\"rank\" : 1,"), "integers are written without a fraction")
        #expect(Self.integer(analysis["format"]) == 1)
        #expect(analysis["scenario"] as? String == "small")
        #expect(Self.integer(analysis["lateness_weight"]) == 481)
        let base = try #require(analysis["base"] as? [String: Any])
        #expect(base["status"] as? String == "optimal")
        #expect(Self.integer(base["objective"]) == 4910)
        #expect(Self.number(base["gap"]) == 0)
        #expect(Self.number(base["seconds"]) != nil)
        let ranking = try #require(analysis["ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["id"] as? String } == ["u", "wg", "v"])
        #expect(ranking.map { Self.integer($0["rank"]) } == [1, 2, 3])
        #expect(ranking.map { Self.integer($0["capacity"]) } == [1, 2, 1])
        #expect(ranking.map { Self.integer($0["lateness_gain"]) } == [9, 0, 0])
        #expect(ranking.map { Self.integer($0["objective_gain"]) } == [4352, 0, 0])
        // The LP estimate is not solved by hand, but it is a number and its two forms agree.
        for entry in ranking {
            let price = try #require(Self.number(entry["shadow_price"]), "\(entry)")
            let lateness = try #require(Self.number(entry["shadow_lateness"]), "\(entry)")
            #expect(abs(price / 481 - lateness) < 1e-4)
        }
        #expect(Self.number(ranking[0]["shadow_price"]).map { $0 > 0 } == true)
    }

    @Test("--output never overwrites an existing file (exit 73)")
    func neverOverwrite() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("plan.txt")
        try "precious".write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["plan", "--output", file.path])
        #expect(run.status == 73)
        #expect(run.stderr.contains("never overwrites"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "precious")
    }

    @Test("--search-log writes one JSON object per progress report: the heuristic first, each level proven, the status last")
    func searchLog() throws {
        let directory = try Self.temporaryDirectory()
        let log = directory.appendingPathComponent("search.jsonl")
        let plan = directory.appendingPathComponent("plan.json")
        let run = try Self.run(["plan", "Scenarios/what-if/drafting-plus-50.yaml", "--format", "json", "--output", plan.path, "--search-log", log.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.first?["stage"] as? String == "heuristic")
        #expect(objects.last?["stage"] as? String == "finished_optimal")
        let proofs = objects.filter { $0["stage"] as? String == "level_done" && $0["proven"] as? Bool == true }
        #expect(proofs.map { $0["level"] as? String } == ["lateness", "completion"])
        #expect(proofs.first?["best"] as? Int == 619)  // the what-if's weighted months late (docs/planner.md)
        let seconds = objects.compactMap { $0["seconds"] as? Double }
        #expect(seconds.count == objects.count && seconds == seconds.sorted())
        let document = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: plan)) as? [String: Any])
        #expect(document["status"] as? String == "optimal")
    }

    @Test("--search-log refuses an existing file before planning, and a name shared with --output")
    func searchLogRefusals() throws {
        let directory = try Self.temporaryDirectory()
        let log = directory.appendingPathComponent("search.jsonl")
        try "precious".write(to: log, atomically: true, encoding: .utf8)
        let plan = directory.appendingPathComponent("plan.txt")
        let run = try Self.run(["plan", "--output", plan.path, "--search-log", log.path])
        #expect(run.status == 73)
        #expect(run.stderr.contains("never overwrites"))
        #expect(try String(contentsOf: log, encoding: .utf8) == "precious")
        #expect(!FileManager.default.fileExists(atPath: plan.path), "refused before planning: no plan written")
        let same = try Self.run(["plan", "--output", plan.path, "--search-log", plan.path])
        #expect(same.status == 64)
        #expect(same.stderr.contains("same file"))
    }

    @Test("a tampered schedule fails `check` with exit 2 and names the violation")
    func checkCatchesTampering() throws {
        let directory = try Self.temporaryDirectory()
        let output = directory.appendingPathComponent("plan.json").path
        #expect(try Self.run(["plan", "--format", "json", "--output", output]).status == 0)
        var text = try String(contentsOfFile: output, encoding: .utf8)
        // Move every phase that starts in the first approval batch (devops' 立项 among them) before the plan start.
        let marker = "\"finish\" : \"2022-04\",\n          \"id\" : \"initiation\""
        #expect(text.contains(marker))
        text = text.replacingOccurrences(of: "\"start\" : \"2022-03\"", with: "\"start\" : \"2021-12\"")
        try text.write(toFile: output + ".bad.json", atomically: true, encoding: .utf8)
        let run = try Self.run(["check", "Scenarios/baseline.yaml", output + ".bad.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("violation"))
    }

    @Test("bad input: every problem with file and line, exit 65, no stack trace")
    func badScenario() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("bad.yaml")
        try """
        format: 1
        name: bad
        plan_start: 2022-01
        horizon_end: 2026-12
        units:
          - {id: u, name: 单位}
        life_cycle:
          - {id: draft, name: 起草, months: 0, unit_load: 1}
        standards:
          - {id: a, name: 甲, category: operations, urgency: 3, target_year: 2023, lead_unit: nobody, after: [{standard: b}]}
          - {id: b, name: 乙, category: operations, urgency: 3, target_year: 2023, lead_unit: u, after: [{standard: a}]}
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["plan", file.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.yaml:6:"))   // unit without capacity
        #expect(run.stderr.contains("bad.yaml:8:"))   // months: 0
        #expect(run.stderr.contains("unknown unit 'nobody'"))
        #expect(run.stderr.contains("dependency cycle"))
        #expect(!run.stderr.contains("Fatal error"))
        #expect(run.stdout.isEmpty)
    }

    @Test("a missing file exits 66 with a clear message", arguments: [["plan", "no/such.yaml"], ["check", "Scenarios/baseline.yaml", "no/such.json"]])
    func missingFile(arguments: [String]) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 66)
        #expect(run.stderr.contains("no such file"))
    }

    @Test("an infeasible plan exits 3 and says why")
    func infeasible() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("tight.yaml")
        try """
        format: 1
        name: too short
        plan_start: 2022-01
        horizon_end: 2022-06
        units: [{id: u, name: u, capacity: 1}]
        life_cycle: [{id: draft, name: 起草, months: 12, unit_load: 1}]
        standards:
          - {id: a, name: 甲, category: 运维服务, urgency: 3, target_year: 2022, lead_unit: u}
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["plan", file.path])
        #expect(run.status == 3)
        #expect(run.stdout.contains("infeasible"))
        #expect(run.stdout.contains("horizon"))
    }

    @Test("bad options are usage errors (exit 64)", arguments: [["plan", "--gap", "2"], ["plan", "--time-limit", "0"], ["plan", "--format", "pdf"]])
    func badOptions(arguments: [String]) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 64)
    }

    @Test("--help shows examples and exit codes")
    func help() throws {
        let run = try Self.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Examples:"))
        #expect(run.stdout.contains("Exit codes"))
        let plan = try Self.run(["plan", "--help"])
        #expect(plan.stdout.contains("--time-limit"))
        #expect(plan.stdout.contains("stdplan plan Scenarios/baseline.yaml"))
    }

    @Test("same input, same output bytes (JSON without the wall time)")
    func deterministic() throws {
        func stripped(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
        }
        let a = try Self.run(["plan", "--format", "json"]), b = try Self.run(["plan", "--format", "json"])
        #expect(a.status == 0)
        #expect(stripped(a.stdout) == stripped(b.stdout))
    }
}
