import GLPK

/// Small models whose optima were worked out by hand (see each comment).
enum TestModels {
    /// Wyndor Glass: maximise 3x + 5y subject to
    ///   r0: x <= 4,  r1: 2y <= 12,  r2: 3x + 2y <= 18,  x, y >= 0.
    /// Corner points: (0,0)=0, (4,0)=12, (4,3)=27, (2,6)=36, (0,6)=30, so the optimum is x=2, y=6, z=36.
    /// r1 and r2 bind. Their shadow prices u1, u2 solve the dual equalities for x and y:
    ///   x: 3·u2 = 3 → u2 = 1;  y: 2·u1 + 2·u2 = 5 → u1 = 1.5.  r0 is slack, so u0 = 0.
    static func wyndor() throws -> LinearProgram {
        let lp = LinearProgram(sense: .maximize, name: "wyndor")
        let x = try lp.addColumn(kind: .continuous, lower: 0, upper: nil, cost: 3, name: "x")
        let y = try lp.addColumn(kind: .continuous, lower: 0, upper: nil, cost: 5, name: "y")
        try lp.addRow([(x, 1)], lower: nil, upper: 4, name: "plant1")
        try lp.addRow([(y, 2)], lower: nil, upper: 12, name: "plant2")
        try lp.addRow([(x, 3), (y, 2)], lower: nil, upper: 18, name: "plant3")
        return lp
    }

    /// 0/1 knapsack: maximise scale·(10a + 13b + 7c + 8d) subject to 3a + 4b + 2c + 3d <= 7.
    /// Any three items weigh at least 2 + 3 + 3 = 8 > 7, so at most two fit. The pairs that fit:
    /// ab 23, ac 17, ad 18, bc 20, bd 21, cd 15, so the optimum is a = b = 1 with value 23·scale.
    /// The LP relaxation takes c (7/2 per unit), a (10/3), then half of b: 7 + 10 + 6.5 = 23.5, so the
    /// root is fractional and branch-and-bound asks for a heuristic solution.
    static func knapsack(scale: Double = 1) throws -> LinearProgram {
        let lp = LinearProgram(sense: .maximize, name: "knapsack")
        let values: [Double] = [10, 13, 7, 8]
        let weights: [Double] = [3, 4, 2, 3]
        let items = try lp.addColumns(count: 4, kind: .binary, lower: nil, upper: nil)
        for item in items {
            try lp.setCost(column: item, values[item] * scale)
        }
        try lp.addRow(items.map { ($0, weights[$0]) }, lower: nil, upper: 7, name: "capacity")
        return lp
    }

    /// Minimise t subject to t >= Σx and 2·Σx >= n for n binaries x (n odd), t continuous.
    /// Σx must be a whole number >= n/2, i.e. (n+1)/2, so the optimum is (n+1)/2, while every LP relaxation
    /// that still has enough free variables gives n/2. Branching alone needs a huge tree to close that
    /// half-unit gap; rounding the bound up closes it at once.
    /// With `.maximize` the objective is -t instead, so the optimum is -(n+1)/2 and the bound -n/2 rounds down.
    static func halfGap(n: Int, sense: OptimizationSense = .minimize) throws -> LinearProgram {
        let lp = LinearProgram(sense: sense)
        let x = try lp.addColumns(count: n, kind: .binary, lower: nil, upper: nil)
        // t ≤ n changes nothing but keeps the objective bounded, which exact integral proofs need.
        let t = try lp.addColumn(kind: .continuous, lower: 0, upper: Double(n), cost: sense == .minimize ? 1 : -1)
        try lp.addRow([(t, 1)] + x.map { ($0, -1) }, lower: 0, upper: nil)
        try lp.addRow(x.map { ($0, 2) }, lower: Double(n), upper: nil)
        return lp
    }

    /// A multi-dimensional 0/1 knapsack with pseudo-random data (fixed seed), big enough that GLPK
    /// cannot finish it in a few milliseconds.
    static func randomKnapsack(items: Int, constraints: Int, seed: UInt64) throws -> LinearProgram {
        var generator = SplitMix64(state: seed)
        let lp = LinearProgram(sense: .maximize)
        let x = try lp.addColumns(count: items, kind: .binary, lower: nil, upper: nil)
        for j in x {
            try lp.setCost(column: j, Double(10 + generator.next() % 90))
        }
        for _ in 0..<constraints {
            let weights = x.map { ($0, Double(5 + generator.next() % 60)) }
            let total = weights.reduce(0) { $0 + $1.1 }
            try lp.addRow(weights, lower: nil, upper: (total / 2).rounded(.down))
        }
        return lp
    }
}
