import PlanModel

/// What to generate: how many standards and lead units, from which seed.
///
/// The same options always give the same portfolio, value for value (and so the same bytes
/// once written).
public struct GeneratorOptions: Hashable, Sendable {
    /// Standards in the portfolio, published ones included (about one in ten is published).
    public var standards: Int
    /// Lead units that can lead them.
    public var units: Int
    /// The seed of every random draw.
    public var seed: UInt64
    /// Shared review bodies: 1 (the working group reviews every draft) or 2 (the working group
    /// reviews the consultation and review drafts, the technical committee the approval draft).
    public var reviewBodies: Int
    /// The first month of the plan.
    public var planStart: Month

    /// The largest portfolio the generator makes: beyond it the scenario file alone runs to
    /// hundreds of megabytes.
    public static let maximumStandards = 100_000

    /// Creates options. `units` defaults to one unit per 2.5 standards (the baseline's ratio:
    /// 12 units, 30 standards), `reviewBodies` to 2 from 60 standards on.
    public init(standards: Int, units: Int? = nil, seed: UInt64 = 1, reviewBodies: Int? = nil,
                planStart: Month = Month(year: 2026, month: 1)) {
        self.standards = standards
        self.units = units ?? Self.defaultUnits(standards: standards)
        self.seed = seed
        self.reviewBodies = reviewBodies ?? (standards >= 60 ? 2 : 1)
        self.planStart = planStart
    }

    /// One unit per 2.5 standards, at least two.
    public static func defaultUnits(standards: Int) -> Int { max(2, (standards * 2 + 2) / 5) }

    /// Every problem with these options, each with what to do about it; empty when valid.
    public func problems() -> [String] {
        var problems: [String] = []
        if !(1...Self.maximumStandards).contains(standards) {
            problems.append("standards must be 1 to \(Self.maximumStandards), got \(standards)")
        }
        if !(1...Self.maximumStandards).contains(units) {
            problems.append("units must be 1 to \(Self.maximumStandards), got \(units)")
        }
        if !(1...2).contains(reviewBodies) {
            problems.append("review bodies must be 1 or 2, got \(reviewBodies)")
        }
        if !(1900...2150).contains(planStart.year) {
            problems.append("the plan must start between 1900 and 2150, got \(planStart)")
        }
        return problems
    }
}
