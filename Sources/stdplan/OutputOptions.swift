import ArgumentParser
import Reports

/// `--format`, `--output` and `--bom`, shared by the commands that print reports.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: PlanFormat = .table

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten).")
    var output: String?

    @Flag(name: .customLong("bom"), help: "Start CSV output with a UTF-8 byte-order mark, so Excel reads Chinese right.")
    var byteOrderMark = false

    func validate() throws {
        if byteOrderMark, format != .csv { throw ValidationError("--bom applies to --format csv only (a byte-order mark would break \(format.rawValue) readers)") }
    }

    /// Writes `text` to standard output or to the new file named by `--output`, after a
    /// byte-order mark when `--bom` asks for one.
    func write(_ text: String) throws { try Output.write(byteOrderMark ? "\u{FEFF}" + text : text, format: format, to: output) }
}
