import ArgumentParser

extension StdPlan {
    /// Engine benchmarks: bench psplib; generate (synthetic portfolios to measure the planner on).
    static var benchmarkCommands: [any ParsableCommand.Type] { [BenchCommand.self, GenerateCommand.self] }
}
