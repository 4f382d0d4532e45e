import PlanModel

/// Generates realistic synthetic portfolios: a standards programme like the 2022–2025 plan,
/// scaled up, for measuring the planner at sizes no real programme has yet.
///
/// What it makes, and why (figures from Scenarios/baseline.yaml and the domain notes):
/// - about one standard in ten published before the plan (revision and dependency anchors),
///   a fifth of the rest in progress at the plan start (fixed lead unit, in a phase since a
///   month, a tenth of them overrunning it), the others planned, a few released later
///   (`earliest_start`, as project approvals come in annual batches);
/// - the six-phase life cycle (``SyntheticLifeCycle``) with about a third of each phase's
///   durations varied per standard;
/// - 1–3 candidate lead units per planned standard, exchanges and their technology companies
///   three times as often as firms;
/// - about 1.5 dependencies per standard, acyclic (on earlier standards only), some on a phase
///   of the predecessor and some with lags, none making a chain longer than 54 months;
/// - capacities calibrated to the load, so that the whole programme needs about five years of
///   the review bodies at 90 % utilisation, with changes over time;
/// - three-point estimates of every phase's duration, the baseline's, for `stdplan risk`
///   (``SyntheticLifeCycle/estimates``);
/// - target years drawn around a reference schedule (``ReferenceScheduler``, urgent work first):
///   most in the year the reference publishes, a fifth a year earlier (late unless the
///   optimizer finds room), a tenth a year later.
///
/// Every random draw comes from the seed through ``SeededRandom``, one stream per step, so the
/// same options give the same portfolio on every machine.
public struct PortfolioGenerator {
    /// Generates the portfolio `options` describe.
    public static func generate(_ options: GeneratorOptions) throws(GeneratorError) -> SyntheticPortfolio {
        let problems = options.problems()
        guard problems.isEmpty else { throw .invalidOptions(problems) }
        var generator = PortfolioGenerator(options: options)
        return generator.run()
    }

    /// Months of the programme the capacities are calibrated for (a five-year plan).
    static let programmeMonths = 60.0
    /// Target utilisation of the review bodies over the programme (the bottleneck, as in the baseline).
    static let reviewUtilisation = 0.9
    /// Target utilisation of the lead units' expected load.
    static let unitUtilisation = 0.75
    /// Dependencies per standard, on average.
    static let dependenciesPerStandard = 1.5
    /// The longest chain a dependency may create: no standard's earliest publication (with
    /// unlimited capacity) later than this many months after the plan start, unless its own
    /// earliest start already makes it so.
    static let longestChain = 54

    let options: GeneratorOptions
    var names = SyntheticNames()
    let lifeCycle: [Phase]
    var units: [LeadUnit] = []
    var unitWeights: [Double] = []
    var resources: [SharedResource]
    var standards: [Standard] = []
    /// Each standard's index in ``standards``.
    var positions: [StandardID: Int] = [:]
    /// Per standard, the dependencies it waits on, in the order drawn.
    var dependencies: [[Dependency]] = []
    /// Per standard, where the reference schedule put it (nil for published work).
    var placements: [ReferenceScheduler.Placement?] = []
    var scheduler: ReferenceScheduler

    init(options: GeneratorOptions) {
        self.options = options
        lifeCycle = SyntheticLifeCycle.phases(reviewBodies: options.reviewBodies)
        resources = SyntheticLifeCycle.reviewBodies(options.reviewBodies)
        scheduler = ReferenceScheduler(planStart: options.planStart, units: [], resources: [])
    }

    /// An independent stream of draws for one step, so a change in one step leaves the draws
    /// of the others as they were.
    func stream(_ step: UInt64) -> SeededRandom {
        SeededRandom(seed: options.seed &* 0x2545_F491_4F6C_DD1D &+ step &* 0x9E37_79B9_7F4A_7C15)
    }

    mutating func run() -> SyntheticPortfolio {
        makeUnits()
        makeStandards()
        calibrateCapacities()
        scheduler = ReferenceScheduler(planStart: options.planStart, units: units, resources: resources)
        placeWorkInProgress()
        drawDependencies()
        schedulePlannedWork()
        drawTargets()
        return assemble()
    }

    var planStart: Month { options.planStart }

    // MARK: units

    mutating func makeUnits() {
        var random = stream(1)
        let width = max(3, String(options.units).count)
        for number in 1...options.units {
            let kind = UnitKind.allCases[random.index(weights: UnitKind.allCases.map(\.share))]
            let name = names.unitName(region: random.element(of: SyntheticNames.regions), kind: kind)
            units.append(LeadUnit(
                id: UnitID("\(kind.idPrefix)-\(SyntheticNames.padded(number, width: width))"), name: name, capacity: .constant(1)))
            unitWeights.append(kind.weight)
        }
    }

    // MARK: assembly

    func assemble() -> SyntheticPortfolio {
        let lastPublication = placements.compactMap { $0.map { planStart + $0.publication } }.max() ?? planStart
        let options = self.options
        let name = "合成标准组合（\(options.standards) 项标准、\(options.units) 家牵头单位、种子 \(options.seed)）"
            + " / synthetic portfolio (\(options.standards) standards, \(options.units) units, seed \(options.seed))"
        var portfolio = Portfolio(
            name: name, planStart: planStart, horizonEnd: Month.endOfYear(lastPublication.year + 1), units: units,
            resources: resources, standards: standards, dependencies: dependencies.flatMap { $0 })
        portfolio.uncertainty = uncertainty()
        let entries = standards.indices.map { index -> StandardSchedule in
            let standard = standards[index]
            guard let placement = placements[index] else {
                guard case .published(let month) = standard.status else { preconditionFailure("every open standard is placed") }
                return StandardSchedule(standard: standard.id, leadUnit: standard.leadUnits.first, phases: [], published: month)
            }
            let phases = placement.starts.indices.map { offset in
                ScheduledPhase(
                    phase: standard.phases[placement.firstPhase + offset].id, start: planStart + placement.starts[offset],
                    finish: planStart + placement.starts[offset] + placement.months[offset] - 1)
            }
            return StandardSchedule(standard: standard.id, leadUnit: placement.unit, phases: phases, published: planStart + placement.publication)
        }
        return SyntheticPortfolio(portfolio: portfolio, lifeCycle: lifeCycle, reference: Schedule(standards: entries), options: options)
    }

    /// Duration uncertainty for `stdplan risk`: the life cycle's estimates (``SyntheticLifeCycle/estimates``)
    /// and, for a standard whose varied months they do not admit as its mode, its own.
    func uncertainty() -> DurationUncertainty {
        let defaults = Dictionary(uniqueKeysWithValues: lifeCycle.map { ($0.id, $0.months) })
        var own: [StandardID: [PhaseID: ThreePointEstimate]] = [:]
        for standard in standards where !standard.isPublished {
            for phase in standard.phases {
                guard let months = defaults[phase.id],
                      let estimate = SyntheticLifeCycle.estimate(for: phase.id, plannedMonths: phase.months, defaultMonths: months)
                else { continue }
                own[standard.id, default: [:]][phase.id] = estimate
            }
        }
        return DurationUncertainty(lifeCycle: SyntheticLifeCycle.estimates, standards: own, correlation: SyntheticLifeCycle.correlation)
    }
}
