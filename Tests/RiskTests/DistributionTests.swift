import Foundation
import PlanModel
import Risk
import Testing

/// The duration distributions against closed forms worked out by hand.
@Suite("Duration distributions")
struct DistributionTests {
    /// Triangular(4, 10, 16): F(x) = (x−4)²/72 up to the peak, 1 − (16−x)²/72 after it.
    @Test("triangular distribution function is exact", arguments: [(7.0, 9.0 / 72), (10.0, 0.5), (12.5, 1 - 12.25 / 72), (16.0, 1.0), (3.0, 0.0)])
    func triangularCDF(x: Double, expected: Double) {
        let triangle = EstimateDistribution(kind: .triangular, optimistic: 4, likely: 10, pessimistic: 16)
        #expect(abs(triangle.cdf(x) - expected) < 1e-12)
    }

    @Test("triangular quantiles invert the distribution function", arguments: [0.01, 0.2, 0.5, 0.73, 0.99])
    func triangularQuantile(u: Double) {
        let triangle = EstimateDistribution(kind: .triangular, optimistic: 6, likely: 10, pessimistic: 16)
        #expect(abs(triangle.cdf(triangle.quantile(u)) - u) < 1e-12)
    }

    /// PERT(0, 5, 10) is Beta(3, 3) scaled by 10: I_x(3, 3) = 10x³ − 15x⁴ + 6x⁵.
    @Test("PERT-beta matches the regularized incomplete beta of Beta(3,3)", arguments: [0.1, 0.25, 0.5, 0.8])
    func pertSymmetric(x: Double) {
        let pert = EstimateDistribution(kind: .pert, optimistic: 0, likely: 5, pessimistic: 10)
        let exact = 10 * pow(x, 3) - 15 * pow(x, 4) + 6 * pow(x, 5)
        #expect(abs(pert.cdf(10 * x) - exact) < 1e-6)
        #expect(abs(pert.quantile(exact) - 10 * x) < 1e-4)
    }

    /// PERT(2, 4.5, 12): α = 1 + 4·2.5/10 = 2, β = 1 + 4·7.5/10 = 4, so
    /// I_x(2, 4) = Σ_{j=2}^{5} C(5, j) x^j (1 − x)^{5−j}.
    @Test("PERT-beta matches Beta(2,4) for a skewed estimate", arguments: [0.1, 0.3, 0.6])
    func pertSkewed(x: Double) {
        let pert = EstimateDistribution(kind: .pert, optimistic: 2, likely: 4.5, pessimistic: 12)
        let binomial = [2: 10.0, 3: 10.0, 4: 5.0, 5: 1.0]
        let exact = binomial.reduce(0.0) { $0 + $1.value * pow(x, Double($1.key)) * pow(1 - x, Double(5 - $1.key)) }
        #expect(abs(pert.cdf(2 + 10 * x) - exact) < 1e-6)
    }

    @Test("a lognormal estimate puts 95% below the pessimistic value, none below the optimistic, and its mode at the likely value")
    func lognormal() {
        let tail = EstimateDistribution(kind: .lognormal, optimistic: 2, likely: 3, pessimistic: 18)
        #expect(abs(tail.cdf(18) - 0.95) < 1e-6)
        #expect(tail.cdf(2) == 0)
        #expect(abs(tail.quantile(0.95) - 18) < 1e-4)
        // The density (slope of the distribution function) peaks at the likely value.
        let step = 0.001
        let slopes = stride(from: 2.01, through: 6.0, by: step).map { x in (x, (tail.cdf(x + step) - tail.cdf(x - step)) / (2 * step)) }
        let peak = slopes.max { $0.1 < $1.1 }!.0
        #expect(abs(peak - 3) < 0.01)
        // A heavy tail: one duration in twenty beyond 18 months, and some beyond 36.
        #expect(tail.cdf(36) < 0.995)
    }

    @Test("an estimate with three equal points always gives that duration", arguments: [DurationDistribution.pert, .triangular, .lognormal])
    func certain(kind: DurationDistribution) {
        let fixed = EstimateDistribution(kind: kind, optimistic: 8, likely: 8, pessimistic: 8)
        #expect(fixed.isCertain)
        #expect(fixed.quantile(0.01) == 8)
        #expect(fixed.quantile(0.99) == 8)
        #expect(fixed.probability(atMost: 8) == 1)
        #expect(fixed.probability(atMost: 7) == 0)
    }

    @Test("`likely` defaults to the phase's planned months")
    func likelyDefault() {
        let estimate = ThreePointEstimate(optimistic: 6, pessimistic: 18, distribution: .triangular)
        let resolved = EstimateDistribution(estimate, plannedMonths: 10)
        #expect(resolved.likely == 10)
        #expect(abs(resolved.cdf(10) - 4.0 / 12) < 1e-12)
    }

    /// A what-if overlay may change a phase's months after loading, moving the default most
    /// likely value out of the range: it is taken at the nearest point inside, never NaN.
    @Test("a most likely value outside the range is moved inside it", arguments: [DurationDistribution.pert, .triangular, .lognormal])
    func outsideRange(kind: DurationDistribution) {
        for likely in [2.0, 30.0] {
            let estimate = EstimateDistribution(kind: kind, optimistic: 6, likely: likely, pessimistic: 18)
            #expect((6...18).contains(estimate.likely))
            for u in [0.001, 0.5, 0.999] {
                let months = estimate.quantile(u)
                #expect(months.isFinite && months >= 6)
            }
        }
    }
}
