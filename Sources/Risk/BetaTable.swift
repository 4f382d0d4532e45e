import Foundation

/// The distribution function of a beta distribution on [0, 1], tabulated once so that each
/// draw is a short binary search: PERT durations are drawn by inverting it, which lets them
/// take part in the copula like every other distribution.
///
/// PERT shapes have α, β in [1, 5], so the density is bounded and smooth; Simpson's rule on
/// 2048 cells gives the distribution function to about 1e-12, and linear interpolation inside a
/// cell moves a quantile by far less than a day.
struct BetaTable: Sendable {
    static let cells = 2048
    /// cumulative[k] = P(X ≤ k / cells); cumulative[0] = 0, cumulative[cells] = 1.
    let cumulative: [Double]

    init(alpha: Double, beta: Double) {
        func density(_ x: Double) -> Double { pow(x, alpha - 1) * pow(1 - x, beta - 1) }
        let n = Self.cells, h = 1.0 / Double(n)
        var cumulative = [0.0]
        cumulative.reserveCapacity(n + 1)
        var total = 0.0
        for k in 0..<n {
            let x0 = Double(k) * h, x1 = Double(k + 1) * h
            total += h / 6 * (density(x0) + 4 * density((x0 + x1) / 2) + density(x1))
            cumulative.append(total)
        }
        self.cumulative = cumulative.map { $0 / total }
    }

    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let position = x * Double(Self.cells)
        let k = min(Int(position), Self.cells - 1)
        let fraction = position - Double(k)
        return cumulative[k] + fraction * (cumulative[k + 1] - cumulative[k])
    }

    /// The x with P(X ≤ x) = u.
    func quantile(_ u: Double) -> Double {
        if u <= 0 { return 0 }
        if u >= 1 { return 1 }
        var low = 0, high = Self.cells  // cumulative[low] ≤ u < cumulative[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if cumulative[middle] <= u { low = middle } else { high = middle }
        }
        let width = cumulative[high] - cumulative[low]
        let fraction = width > 0 ? (u - cumulative[low]) / width : 0
        return (Double(low) + fraction) / Double(Self.cells)
    }
}
