import Foundation
import Reports
import Testing

/// stdplan in a terminal as a planner uses it: every line fits a 100-column terminal, the report
/// on a terminal is the piped report (only colour added), progress appears on a terminal within a
/// second and never in a pipe. Small fixtures (Tests/Fixtures/terminal) keep each run short.
@Suite("stdplan in a terminal")
struct TerminalTests {
    static let fixtures = "Tests/Fixtures/terminal/"
    static let scenario = fixtures + "long-names.yaml"

    /// Every command's table output, with the exit code it must give.
    static let commands: [(arguments: [String], status: Int32)] = [
        (["plan", scenario], 0),
        (["plan", fixtures + "long-names-impossible.yaml"], 3),
        (["plan", "Scenarios/baseline.yaml"], 0),
        (["compare", scenario, fixtures + "long-names-review-halved.yaml", fixtures + "long-names-impossible.yaml"], 5),
        (["sweep", scenario, "--vary", "resource:review=1,2"], 0),
        (["bottlenecks", scenario], 0),
        (["replan", scenario, "--status", fixtures + "status-2024-09.yaml"], 0),
        (["risk", scenario, "--samples", "400"], 0),
    ]

    /// The one line that differs between two runs of the same plan: its wall time.
    static func masked(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("Solve time") ? "Solve time (masked)" : String($0) }.joined(separator: "\n")
    }

    @Test("every command's table fits a 100-column terminal, progress and all", arguments: commands.indices)
    func fitsHundredColumns(index: Int) throws {
        let (arguments, status) = Self.commands[index]
        let run = try PseudoTerminal.run(arguments, columns: 100, stdout: true, stderr: true)
        #expect(run.status == status, "\(arguments): \(run.terminal)")
        let lines = PseudoTerminal.displayedLines(run.terminal)
        #expect(lines.count > 5)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 100, "\(arguments): a line of \(DisplayWidth.of(line)) columns: \(line)")
        }
        if arguments[0] != "sweep" {  // the sweep's table has no names
            #expect(run.terminal.contains(TerminalText.ellipsis), "the long names are cut to fit")
        }
    }

    @Test("the report on a terminal is the piped report, only coloured", arguments: commands.indices)
    func pipedIsTerminalWithoutColour(index: Int) throws {
        let (arguments, status) = Self.commands[index]
        let onTerminal = try PseudoTerminal.run(arguments, stdout: true, stderr: false)
        let piped = try CommandLineTests.run(arguments)
        #expect(onTerminal.status == status && piped.status == status)
        #expect(Self.masked(TerminalText.withoutColour(onTerminal.terminal)) == Self.masked(piped.stdout))
        #expect(!piped.stdout.contains("\u{1B}") && !piped.stdout.contains("\r"), "nothing for terminals in a pipe")
        #expect(!piped.stderr.contains("\u{1B}") && !piped.stderr.contains("\r"), "no progress in a pipe: \(piped.stderr)")
    }

    @Test("late rows are red on a terminal, and never with NO_COLOR or --no-color")
    func colour() throws {
        let red = "\u{1B}[31m"
        let coloured = try PseudoTerminal.run(["plan", Self.scenario], stdout: true, stderr: false)
        #expect(coloured.terminal.contains(red))
        let noColour = try PseudoTerminal.run(["plan", Self.scenario], stdout: true, stderr: false, environment: ["NO_COLOR": "1"])
        #expect(!noColour.terminal.contains("\u{1B}"))
        let flag = try PseudoTerminal.run(["plan", Self.scenario, "--no-color"], stdout: true, stderr: false)
        #expect(!flag.terminal.contains("\u{1B}"))
        let file = try CommandLineTests.temporaryDirectory().appendingPathComponent("plan.txt").path
        let toFile = try PseudoTerminal.run(["plan", Self.scenario, "--output", file], stdout: true, stderr: false)
        #expect(toFile.status == 0)
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("\u{1B}"), "a file never gets colour")
    }

    @Test("the width follows the terminal, then COLUMNS, then 100; --wide shows every column")
    func widths() throws {
        func widest(_ text: String) -> Int { PseudoTerminal.displayedLines(text).map(DisplayWidth.of).max() ?? 0 }
        let narrow = try PseudoTerminal.run(["plan", Self.scenario], columns: 80, stdout: true, stderr: false)
        #expect(widest(narrow.terminal) <= 80 && widest(narrow.terminal) > 70)
        let wideTerminal = try PseudoTerminal.run(["plan", "Scenarios/baseline.yaml"], columns: 200, stdout: true, stderr: false)
        #expect(widest(wideTerminal.terminal) > 100 && widest(wideTerminal.terminal) <= 200)
        #expect(wideTerminal.terminal.contains("dt-maturity-model"), "IDs come back when there is room")
        let columns = try CommandLineTests.run(["plan", Self.scenario], environment: ["COLUMNS": "72"])
        #expect(widest(columns.stdout) <= 72)
        let piped = try CommandLineTests.run(["plan", Self.scenario])
        #expect(widest(piped.stdout) <= 100)
        let wide = try CommandLineTests.run(["plan", "Scenarios/baseline.yaml", "--wide"])
        #expect(widest(wide.stdout) > 200)
        #expect(wide.stdout.contains("征求意见稿") && wide.stdout.contains("JR/T 0099—2012"), "every phase, every reference")
        #expect(!wide.stdout.contains(TerminalText.ellipsis))
    }

    /// The progress line of each long-running command: on a terminal within a second, with what
    /// it is doing; never on a pipe; not with --quiet.
    @Test("progress appears on a terminal within a second, and never in a pipe", arguments: [
        ["compare", "Scenarios/baseline.yaml", "Scenarios/what-if/szse-unavailable-2023.yaml"],
        ["sweep", TerminalTests.scenario, "--vary", "resource:review=1..3"],
        ["bottlenecks", TerminalTests.scenario],
    ])
    func progress(arguments: [String]) throws {
        let run = try PseudoTerminal.run(arguments, stdout: false, stderr: true)
        #expect(run.status == 0, "\(run.terminal)")
        let first = try #require(run.firstOutput, "no progress at all")
        #expect(first < 1.0, "progress after \(first) s")
        #expect(run.terminal.contains("\(arguments[0]) "), "the line says which command works")
        #expect(run.terminal.contains("[1/"), "a line for each plan as it ends")
        #expect(run.terminal.hasSuffix("\r\u{1B}[2K"), "the line is cleared before the report")
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\r"))
        let quiet = try PseudoTerminal.run(arguments + ["--quiet"], stdout: false, stderr: true)
        #expect(quiet.status == 0)
        #expect(quiet.terminal.isEmpty, "--quiet: \(quiet.terminal)")
        let piped = try CommandLineTests.run(arguments)
        #expect(piped.stderr.isEmpty, "a pipe gets no progress: \(piped.stderr)")
    }

    @Test("plan shows its incumbent, bound and gap while GLPK searches")
    func planProgress() throws {
        let run = try PseudoTerminal.run(["plan", "Scenarios/what-if/drafting-plus-50.yaml"], stdout: false, stderr: true)
        #expect(run.status == 0)
        // The heuristic's schedule, unless GLPK's first report follows it within the 100 ms redraw.
        #expect(run.terminal.contains("heuristic") || run.terminal.contains("best"))
        #expect(run.terminal.contains("weighted months late"))
        // GLPK's bound while it searches, or its proof: the line is redrawn at most every 100 ms, so
        // a proof that follows the bound within that time is cleared with the line, never drawn.
        #expect(run.terminal.contains("bound") || run.terminal.contains("proven"))
    }
}
