import ArgumentParser

extension StdPlan {
    /// Engine benchmarks: bench psplib.
    static var benchmarkCommands: [any ParsableCommand.Type] { [BenchCommand.self] }
}
