import RCPSP
extension LagrangianBound {
    /// The price tables, in the order of ``DualEvaluation/excesses``.
    private static var priceTables: [WritableKeyPath<LagrangianMultipliers, [Double]>] { [\.units, \.resources, \.precedences, \.held] }

    /// Raises the dual function from `initial` (zero prices when nil or shaped for another problem) by
    /// projected subgradient steps, and returns the best bound met. Deterministic: the same problem,
    /// objective, options and start give the same bound, prices and starts, unless the time limit
    /// cuts the climb short at a different step.
    ///
    /// Each step moves the prices along a direction d = g + β·d′ (g the projected subgradient, d′ the
    /// previous direction, β = max(0, −τ·g·d′ / ‖d′‖²), τ = `options.deflection`; Camerini, Fratta
    /// and Maffioli), which damps the zig-zag of plain subgradient steps, by Polyak's step
    /// θ · (target − L) / ‖d‖², the target `options.targetRise` above the best bound so far (at least
    /// one unit), or the upper bound if that is higher.
    ///
    /// Why not the upper bound alone, as Polyak's rule has it: the dual function of these portfolios
    /// is flat around zero prices and ridged further out, and short steps stall. Measured on the
    /// generated 100-standard portfolio (seed 1), whose dual optimum is 297.4: aiming at the
    /// planner's incumbent, 300, the climb stopped at 293.8 after 649 steps; aiming 50 % above the
    /// best bound, it reached 297.39 in 451. The baseline proves its optimum (421) either way.
    /// `shouldStop` is asked before every step (the planner's own stop: the MIP proved the level, or Ctrl-C).
    func maximise(_ options: LagrangianOptions = LagrangianOptions(), from initial: LagrangianMultipliers? = nil,
                  shouldStop: () -> Bool = { false }) -> LagrangianResult {
        let deadline = Deadline(seconds: options.timeLimit)
        var multipliers = initial.flatMap { $0.isValid(for: problem, heldCount: objective.held.count) ? $0 : nil } ?? zeroMultipliers
        var current = evaluate(multipliers)
        var best = current
        var bestMultipliers = multipliers
        var theta = options.initialStep
        var stalled = 0
        var iteration = 0
        var previous: [[Double]]?
        // The level of a known schedule is at most its objective rounded down when the guide adds less than one.
        let guideRoom = objective.guideScale * Double(guideMaximum)
        let knownLevel = options.upperBound.flatMap { bound in guideRoom < 1 && abs(bound) < 1e15 ? Int(bound.rounded(.down)) : nil }
        func result(_ stop: LagrangianResult.Stop) -> LagrangianResult {
            LagrangianResult(bound: best.bound, levelBound: levelBound(from: best.bound), dualValue: best.value, multipliers: bestMultipliers,
                             starts: best.starts, units: best.units, iterations: iteration, seconds: deadline.elapsed, stop: stop)
        }
        guard current.value < .infinity else { return result(.infeasible) }

        while true {
            if let upper = options.upperBound, best.bound >= upper { return result(.reachedUpperBound) }
            if let knownLevel, let level = levelBound(from: best.bound), level >= knownLevel { return result(.reachedUpperBound) }
            if iteration >= options.iterations { return result(.iterations) }
            if deadline.passed || shouldStop() { return result(.timeLimit) }
            var direction = projected(current.excesses, multipliers)
            let gradientNorm = Self.dot(direction, direction)
            if gradientNorm == 0 { return result(.dualOptimal) }
            if let previous, options.deflection > 0 {
                let beta = max(0, -options.deflection * Self.dot(direction, previous) / max(Self.dot(previous, previous), .leastNormalMagnitude))
                if beta > 0 { direction = zip(direction, previous).map { d, p in zip(d, p).map { $0 + beta * $1 } } }
            }
            let norm = Self.dot(direction, direction)
            let target = max(options.upperBound ?? -.infinity, best.bound + max(1, options.targetRise * abs(best.bound)))
            // With an upper bound below the dual value the target is wrong or met within round-off: nowhere to go.
            guard target > current.value, norm > 0 else { return result(.reachedUpperBound) }
            let size = theta * (target - current.value) / norm
            for (part, table) in Self.priceTables.enumerated() {
                Self.move(&multipliers[keyPath: table], along: direction[part], by: size)
            }
            previous = direction
            iteration += 1
            current = evaluate(multipliers)
            if current.bound > best.bound {
                best = current
                bestMultipliers = multipliers
                stalled = 0
            } else {
                stalled += 1
                if stalled >= options.patience {
                    theta *= options.stepDecay
                    stalled = 0
                    if theta < options.smallestStep { return result(.stepTooSmall) }
                }
            }
        }
    }

    /// The subgradient projected on the non-negative prices: a price at 0 whose constraint has slack
    /// cannot move, so that component is 0.
    private func projected(_ excesses: [[Double]], _ multipliers: LagrangianMultipliers) -> [[Double]] {
        zip(excesses, Self.priceTables).map { excess, table in
            let prices = multipliers[keyPath: table]
            return excess.indices.map { excess[$0] > 0 || prices[$0] > 0 ? excess[$0] : 0 }
        }
    }

    /// Moves every price by `size` × its direction, and back to 0 when that would make it negative.
    private static func move(_ prices: inout [Double], along direction: [Double], by size: Double) {
        for i in prices.indices where direction[i] != 0 { prices[i] = max(0, prices[i] + size * direction[i]) }
    }

    private static func dot(_ a: [[Double]], _ b: [[Double]]) -> Double {
        var total = 0.0
        for (x, y) in zip(a, b) { for i in x.indices where x[i] != 0 { total += x[i] * y[i] } }
        return total
    }
}
