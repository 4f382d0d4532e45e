import ArgumentParser

extension StdPlan {
    /// What-if analysis: compare, sweep, bottlenecks.
    static var whatIfCommands: [any ParsableCommand.Type] { [CompareCommand.self, SweepCommand.self, BottlenecksCommand.self] }
}
