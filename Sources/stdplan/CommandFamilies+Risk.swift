import ArgumentParser

extension StdPlan {
    /// Slippage risk and progress tracking: risk, replan, backtest.
    static var riskCommands: [any ParsableCommand.Type] { [RiskCommand.self, ReplanCommand.self, BacktestCommand.self] }
}
