import ArgumentParser

extension StdPlan {
    /// Documents to send and files for other tools: report, export.
    static var documentCommands: [any ParsableCommand.Type] { [ReportCommand.self, ExportCommand.self] }
}
