import ArgumentParser
import Reports

/// `--format` and `--output`, shared by the commands that print plans.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: PlanFormat = .table

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten).")
    var output: String?

    /// Writes `text` to standard output or to the new file named by `--output`.
    func write(_ text: String) throws { try Output.write(text, format: format, to: output) }
}
