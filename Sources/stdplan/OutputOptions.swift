import ArgumentParser
import Foundation
import Reports

/// `--format`, `--output`, `--bom`, `--wide` and `--no-color`, shared by the commands that print
/// reports.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: PlanFormat = .table

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten); - is standard output.")
    var output: String?

    @Flag(name: .customLong("bom"), help: "Start CSV output with a UTF-8 byte-order mark, so Excel reads Chinese right.")
    var byteOrderMark = false

    @Flag(help: "Table format: every column at full width, whatever the terminal's width (default: fit the terminal, or 100 columns).")
    var wide = false

    @Flag(name: .customLong("no-color"), help: "No colour for late and at-risk rows (colour is shown only on a terminal, and never with NO_COLOR set).")
    var noColor = false

    func validate() throws {
        if byteOrderMark, format != .csv { throw ValidationError("--bom applies to --format csv only (a byte-order mark would break \(format.rawValue) readers)") }
    }

    /// The file named by `--output`, or nil for standard output (no option, or `-`).
    var file: String? { Self.file(output) }

    /// `path`, or nil when it is absent or `-` (standard output).
    static func file(_ path: String?) -> String? { path == "-" ? nil : path }

    /// How text tables are laid out: every column with `--wide`; else the terminal's width when
    /// the report goes to one, `COLUMNS`, or 100. Colour only on a terminal, unless `--no-color`
    /// or `NO_COLOR`.
    var layout: TerminalLayout {
        let toTerminal = file == nil
        let colour = toTerminal && !noColor && Terminal.colourWanted(on: STDOUT_FILENO)
        if wide { return TerminalLayout(width: nil, colour: colour) }
        return TerminalLayout(width: Terminal.width(toStandardOutput: toTerminal), colour: colour)
    }

    /// Writes `text` to standard output or to the new file named by `--output`, after a
    /// byte-order mark when `--bom` asks for one.
    /// The human formats (table, Markdown) are escaped as a whole, whatever text went into them
    /// (names, messages quoting input), keeping only the colour of late and at-risk rows.
    func write(_ text: String) throws {
        let safe = format == .table || format == .markdown ? Escaping.terminal(text, keepingLineBreaks: true, keepingColours: true) : text
        try Output.write(byteOrderMark ? "\u{FEFF}" + safe : safe, to: file)
    }
}
