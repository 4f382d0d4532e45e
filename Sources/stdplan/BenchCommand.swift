import ArgumentParser
import Foundation
import RCPSP
import Scheduling

/// `stdplan bench`: benchmarks of the scheduling engine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the scheduling engine on standard instance sets.",
        subcommands: [PSPLIBBenchCommand.self, BoundsBenchCommand.self]
    )
}

/// `stdplan bench psplib`: minimises the makespan of PSPLIB single-mode RCPSP instances.
struct PSPLIBBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psplib",
        abstract: "Minimise the makespan of PSPLIB .sm instances and compare with known optima.",
        discussion: """
            Prints one JSON line per instance, {"instance", "makespan", "bound", "optimal", \
            "seconds"} (the shape of the CP-SAT peer in shared/peers), then a summary: proven \
            optimal, at or below the reference, mean deviation from it, median and total seconds. \
            Every schedule passes the independent validator. A makespan below a proven optimum \
            (or known lower bound), an optimality claim above a known makespan, a bound above a \
            known makespan or a schedule the validator rejects is printed as an ERROR on standard \
            error and makes the exit code 2.

            The engine runs on one thread: heuristics (priority rules, genetic algorithm), lower \
            bounds (critical path, work, energetic reasoning, shaving; GLPK's LP relaxation with \
            --lp) and its own branch-and-bound; see docs/engine.md.

            Examples:
              stdplan bench psplib psplib/j30 --reference psplib/j30opt.sm
              stdplan bench psplib psplib/j60/j6013_1.sm --time-limit 30 --format table
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "PSPLIB .sm files, or directories whose .sm files are all read.")
    var paths: [String]

    @Option(name: .customLong("time-limit"), help: "Seconds per instance.")
    var timeLimit: Double = 10

    @Option(help: "Solution table to compare with: j30opt.sm, j60hrs.sm or j60lb.sm (matched by group and instance).")
    var reference: String?

    @Option(help: "Output: json (one line per instance and a summary line) or table.")
    var format: Format = .json

    @Option(help: "Engine method: hybrid (default), mip (GLPK branch-and-cut instead of the own search) or heuristic.")
    var method: String = RCPSPOptions.Method.hybrid.rawValue

    @Option(help: "Seed of the engine's random choices.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("lp"), help: "Also compute GLPK's LP bound of the time-indexed model at the root.")
    var lp = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard RCPSPOptions.Method(rawValue: method) != nil else {
            throw ValidationError("--method must be one of \(RCPSPOptions.Method.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let files: [String]
        let table: PSPLIBReferenceTable?
        do {
            files = try PSPLIBReader.instanceFiles(in: paths)
            table = try reference.map { path throws(PSPLIBError) in try PSPLIBReferenceTable.read(path: path) }
        } catch {
            throw exitCode(for: error)
        }
        guard !files.isEmpty else {
            Failure.printError("error: no .sm files in \(paths.joined(separator: ", "))")
            throw ExitCode.inputMissing
        }
        var options = RCPSPOptions(timeLimit: timeLimit, seed: seed, method: RCPSPOptions.Method(rawValue: method)!)
        options.linearProgrammingBound = lp

        var summary = BenchSummary()
        if format == .table { try emit(BenchLine.tableHeader) }
        for file in files {
            let instance: RCPSPInstance
            do {
                instance = try PSPLIBReader.read(path: file)
            } catch {
                throw exitCode(for: error)
            }
            let result: RCPSPResult
            do {
                result = try RCPSPEngine.solve(instance, options: options)
            } catch {
                throw Failure.exit(for: error)
            }
            let line = BenchLine(instance: instance, result: result, reference: table?.reference(forFile: file))
            summary.add(line)
            try emit(format == .json ? line.json : line.tableRow)
            for error in line.errors { Failure.printError("ERROR \(instance.name): \(error)") }
        }
        try emit(format == .json ? summary.json : summary.table)
        if summary.errors > 0 { throw ExitCode.scheduleInvalid }
    }

    /// One line on standard output; a closed or full output is an error (exit 74), not a trap.
    private func emit(_ text: String) throws {
        do {
            try Output.write(text + "\n", to: nil)
        } catch {
            throw Failure.exit(for: error)
        }
    }

    private func exitCode(for error: PSPLIBError) -> ExitCode {
        Failure.printError("error: \(error)")
        if case .unreadable = error { return .inputMissing }
        return .badInput
    }
}

/// One instance's outcome, checked by the validator and against the reference.
struct BenchLine {
    var name: String
    var makespan: Int
    var bound: Int
    var optimal: Bool
    var seconds: Double
    var reference: PSPLIBReference?
    var errors: [String]
    var result: RCPSPResult

    init(instance: RCPSPInstance, result: RCPSPResult, reference: PSPLIBReference?) {
        name = instance.name
        makespan = result.makespan
        bound = result.lowerBound
        optimal = result.optimal
        seconds = result.seconds
        self.reference = reference
        self.result = result
        errors = RCPSPValidator.violations(of: result.starts, makespan: result.makespan, in: instance).map { "invalid schedule: \($0)" }
        if result.lowerBound > result.makespan { errors.append("bound \(result.lowerBound) above its own makespan \(result.makespan)") }
        errors += reference?.contradictions(makespan: result.makespan, bound: result.lowerBound, optimal: result.optimal) ?? []
    }

    var deviation: Double? {
        reference.map { 100 * Double(makespan - $0.upperBound) / Double($0.upperBound) }
    }

    var json: String {
        var fields = [
            "\"instance\": \"\(name)\"", "\"makespan\": \(makespan)", "\"bound\": \(bound)",
            "\"optimal\": \(optimal)", "\"seconds\": \(BenchSummary.format(seconds, 4))",
        ]
        if let reference { fields.append("\"reference\": \(reference.upperBound)") }
        fields.append("\"proof\": \"\(result.proof.rawValue)\"")
        fields.append("\"heuristic\": \(result.heuristicMakespan)")
        fields.append("\"root_bound\": \(result.rootBound)")
        fields.append("\"nodes\": \(result.nodes)")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static let tableHeader = "instance      makespan  bound  optimal  reference  seconds  proof"

    var tableRow: String {
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
        return pad(name, 14) + pad(String(makespan), 10) + pad(String(bound), 7) + pad(optimal ? "yes" : "no", 9)
            + pad(reference.map { String($0.upperBound) } ?? "-", 11) + pad(BenchSummary.format(seconds, 3), 9) + result.proof.rawValue
    }
}

/// Totals over a benchmark run.
struct BenchSummary {
    var instances = 0
    var provenOptimal = 0
    var withReference = 0
    var atReference = 0
    var deviations: [Double] = []
    var times: [Double] = []
    var errors = 0

    mutating func add(_ line: BenchLine) {
        instances += 1
        if line.optimal { provenOptimal += 1 }
        if let reference = line.reference {
            withReference += 1
            if line.makespan <= reference.upperBound { atReference += 1 }
        }
        if let deviation = line.deviation { deviations.append(deviation) }
        times.append(line.seconds)
        errors += line.errors.count
    }

    var meanDeviation: Double? { deviations.isEmpty ? nil : deviations.reduce(0, +) / Double(deviations.count) }
    var total: Double { times.reduce(0, +) }
    var median: Double {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    var json: String {
        let fields = [
            "\"solver\": \"stdplan\"", "\"instances\": \(instances)", "\"proven_optimal\": \(provenOptimal)",
            "\"at_or_below_reference\": \(atReference)",
            "\"mean_deviation_pct\": \(meanDeviation.map { Self.format($0, 3) } ?? "null")",
            "\"median_seconds\": \(Self.format(median, 4))", "\"total_seconds\": \(Self.format(total, 3))", "\"errors\": \(errors)",
        ]
        return "{\"summary\": {" + fields.joined(separator: ", ") + "}}"
    }

    var table: String {
        var lines = ["", "instances: \(instances)", "proven optimal: \(provenOptimal) of \(instances)"]
        if withReference > 0 {
            lines.append("at or below reference: \(atReference) of \(withReference)")
            lines.append("mean deviation from reference: \(meanDeviation.map { Self.format($0, 3) + " %" } ?? "-")")
        }
        lines.append("median seconds: \(Self.format(median, 4))")
        lines.append("total seconds: \(Self.format(total, 3))")
        lines.append("errors: \(errors)")
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
