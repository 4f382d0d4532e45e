import Foundation
import PlanModel

/// A phase's duration distribution, resolved from a ``ThreePointEstimate`` for one standard:
/// its distribution function and its inverse, in months.
public struct EstimateDistribution: Sendable {
    /// The shape.
    public let kind: DurationDistribution
    /// Lower end (and the shift of a lognormal).
    public let optimistic: Double
    /// The mode.
    public let likely: Double
    /// Upper end (for a lognormal, its 95th percentile).
    public let pessimistic: Double
    /// Lognormal parameters of `duration − optimistic` (unused otherwise).
    private let mu: Double
    private let sigma: Double
    /// The tabulated beta distribution of a PERT estimate.
    private let beta: BetaTable?

    /// z of the 95th percentile, where a lognormal estimate puts its pessimistic value.
    static let z95 = 1.6448536269514722

    /// Resolves `estimate` for a phase planned at `plannedMonths` (the default most likely value).
    public init(_ estimate: ThreePointEstimate, plannedMonths: Int) {
        self.init(kind: estimate.distribution, optimistic: estimate.optimistic,
                  likely: estimate.likely(plannedMonths: plannedMonths), pessimistic: estimate.pessimistic)
    }

    /// A distribution from its three points, which should satisfy optimistic ≤ likely ≤
    /// pessimistic (strictly for a lognormal, unless all are equal), as the scenario loader
    /// checks. A most likely value outside the range (a what-if overlay may change a phase's
    /// months after loading) is moved to the nearest point inside it, so draws stay defined.
    public init(kind: DurationDistribution, optimistic: Double, likely: Double, pessimistic: Double) {
        let low = min(optimistic, pessimistic), high = max(optimistic, pessimistic)
        var mode = min(max(likely, low), high)
        if kind == .lognormal, low < high {
            let margin = (high - low) * 1e-3
            mode = min(max(mode, low + margin), high - margin)
        }
        self.kind = kind
        self.optimistic = low
        self.likely = mode
        self.pessimistic = high
        var mu = 0.0, sigma = 0.0
        var beta: BetaTable?
        if low < high {
            switch kind {
            case .pert:
                let range = high - low
                beta = BetaTable(alpha: 1 + 4 * (mode - low) / range, beta: 1 + 4 * (high - mode) / range)
            case .lognormal:
                // mode exp(μ − σ²) = likely − optimistic and exp(μ + z95·σ) = pessimistic − optimistic.
                let ratio = log((high - low) / (mode - low))
                sigma = (-Self.z95 + (Self.z95 * Self.z95 + 4 * ratio).squareRoot()) / 2
                mu = log(mode - low) + sigma * sigma
            case .triangular:
                break
            }
        }
        self.mu = mu
        self.sigma = sigma
        self.beta = beta
    }

    /// True when every draw is the same value.
    public var isCertain: Bool { optimistic == pessimistic }

    /// P(duration ≤ x).
    public func cdf(_ x: Double) -> Double {
        if isCertain { return x >= optimistic ? 1 : 0 }
        if x <= optimistic { return 0 }
        switch kind {
        case .triangular:
            if x >= pessimistic { return 1 }
            let range = pessimistic - optimistic
            if x <= likely { return (x - optimistic) * (x - optimistic) / (range * (likely - optimistic)) }
            return 1 - (pessimistic - x) * (pessimistic - x) / (range * (pessimistic - likely))
        case .pert:
            return beta!.cdf((x - optimistic) / (pessimistic - optimistic))
        case .lognormal:
            return NormalDistribution.cdf((log(x - optimistic) - mu) / sigma)
        }
    }

    /// The duration whose distribution function is `u` (0 ≤ u ≤ 1; a lognormal needs u < 1).
    public func quantile(_ u: Double) -> Double {
        if isCertain { return optimistic }
        switch kind {
        case .triangular:
            let range = pessimistic - optimistic
            let peak = (likely - optimistic) / range
            if u < peak { return optimistic + (u * range * (likely - optimistic)).squareRoot() }
            return pessimistic - ((1 - u) * range * (pessimistic - likely)).squareRoot()
        case .pert:
            return optimistic + beta!.quantile(u) * (pessimistic - optimistic)
        case .lognormal:
            if u <= 0 { return optimistic }
            return optimistic + exp(mu + sigma * NormalDistribution.quantile(min(u, 1.0.nextDown)))
        }
    }

    /// The duration at normal score `z` (the copula's scale), drawn from the part of the
    /// distribution above its `floor` quantile (0: all of it). A lognormal without a floor maps
    /// the score directly, skipping a round trip through the uniform scale.
    func quantile(normal z: Double, above floor: Double) -> Double {
        if isCertain { return optimistic }
        if kind == .lognormal, floor == 0 { return optimistic + exp(mu + sigma * z) }
        let u = floor + NormalDistribution.cdf(z) * (1 - floor)
        return quantile(min(max(u, 0), 1.0.nextDown))
    }

    /// The probability that a duration rounds to at most `months` whole months (stdplan rounds
    /// each drawn duration to the nearest month).
    public func probability(atMost months: Int) -> Double { cdf(Double(months) + 0.5) }
}
