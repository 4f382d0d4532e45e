import PlanModel
import Scheduling
import Testing
@testable import Synthetic
import Validation

/// The generated portfolios have the properties `stdplan generate` promises, at every size the
/// benchmark uses (3,000 is left to the benchmark: it takes seconds in a debug build).
@Suite("Generated portfolios: statistics")
struct GeneratorStatisticsTests {
    static let cases: [GeneratorOptions] = [
        GeneratorOptions(standards: 30, seed: 1), GeneratorOptions(standards: 30, seed: 2),
        GeneratorOptions(standards: 100, seed: 1), GeneratorOptions(standards: 300, seed: 7),
        GeneratorOptions(standards: 1000, units: 100, seed: 3),
    ]

    @Test("about 1.5 dependencies per standard, on earlier standards only (acyclic), some on phases and some lagged",
          arguments: cases)
    func dependencies(options: GeneratorOptions) throws {
        let portfolio = try PortfolioGenerator.generate(options).portfolio
        let mean = Double(portfolio.dependencies.count) / Double(portfolio.standards.count)
        let tolerance = options.standards >= 100 ? 0.1 : 0.25
        #expect(abs(mean - 1.5) <= tolerance, "mean \(mean)")
        #expect(DependencyGraph(portfolio).cycle() == nil)
        let position = Dictionary(uniqueKeysWithValues: portfolio.standards.enumerated().map { ($1.id, $0) })
        for dependency in portfolio.dependencies {
            let predecessor = try #require(position[dependency.predecessor]), successor = try #require(position[dependency.successor])
            #expect(predecessor < successor, "\(dependency)")
            #expect(!portfolio.standards[successor].isPublished)
        }
        let pairs = portfolio.dependencies.map { "\($0.predecessor)→\($0.successor)" }
        #expect(Set(pairs).count == pairs.count, "no standard waits twice for the same one")
        if options.standards >= 100 {
            #expect(portfolio.dependencies.contains { $0.predecessorPhase != nil && $0.successorPhase != nil })
            #expect(portfolio.dependencies.contains { $0.lag > 0 && $0.predecessorPhase == nil })
            #expect(portfolio.dependencies.contains { $0.lag > 0 && $0.predecessorPhase != nil })
            let phaseLevel = Double(portfolio.dependencies.filter { $0.predecessorPhase != nil }.count) / Double(portfolio.dependencies.count)
            #expect((0.2...0.5).contains(phaseLevel), "share on a phase \(phaseLevel)")
        }
    }

    @Test("1–3 candidate lead units for planned work, one fixed unit for work in progress and published work", arguments: cases)
    func candidates(options: GeneratorOptions) throws {
        let portfolio = try PortfolioGenerator.generate(options).portfolio
        let units = Set(portfolio.units.map(\.id))
        #expect(portfolio.units.count == options.units)
        var counts = [0, 0, 0, 0]
        for standard in portfolio.standards {
            #expect(standard.leadUnits.allSatisfy(units.contains))
            #expect(Set(standard.leadUnits).count == standard.leadUnits.count)
            switch standard.status {
            case .planned:
                #expect((1...3).contains(standard.leadUnits.count))
                counts[standard.leadUnits.count] += 1
            case .inProgress, .published: #expect(standard.leadUnits.count == 1)
            case .deferred, .cancelled, .superseded: Issue.record("the generator makes no deferred or withdrawn work")
            }
        }
        #expect(counts[1] > 0 && counts[2] > 0 && counts[3] > 0, "\(counts)")
        let mean = Double(counts[1] + 2 * counts[2] + 3 * counts[3]) / Double(counts.reduce(0, +))
        #expect((1.6...2.1).contains(mean), "mean candidates of planned work \(mean)")
    }

    @Test("published and in-progress anchors, varied durations, capacity changes, urgency 1–5, targets spread", arguments: cases)
    func realism(options: GeneratorOptions) throws {
        let generated = try PortfolioGenerator.generate(options)
        let portfolio = generated.portfolio
        let standards = portfolio.standards
        #expect(standards.count == options.standards)
        #expect(standards.filter(\.isPublished).count == options.standards / 10)
        let inProgress = standards.filter { if case .inProgress = $0.status { true } else { false } }
        #expect(Double(inProgress.count) >= 0.12 * Double(options.standards), "\(inProgress.count) in progress")
        for standard in inProgress {
            guard case .inProgress(_, let since) = standard.status else { continue }
            #expect(since <= portfolio.planStart)
        }
        for standard in standards where standard.isPublished {
            guard case .published(let month) = standard.status else { continue }
            #expect(month < portfolio.planStart)
            #expect(standard.reference != nil)
        }
        let open = standards.filter { !$0.isPublished }
        #expect(open.allSatisfy { $0.targetYear != nil && $0.phases.map(\.id) == generated.lifeCycle.map(\.id) })
        let varied = open.filter { $0.phases != generated.lifeCycle }.count
        #expect(Double(varied) >= 0.5 * Double(open.count), "\(varied) of \(open.count) with their own durations")
        #expect(Set(open.map(\.urgency)) == Set(1...5) || options.standards < 100)
        #expect(Set(open.compactMap(\.targetYear)).count >= 4, "target years spread over the plan")
        #expect(portfolio.resources.count == options.reviewBodies)
        #expect(portfolio.resources.allSatisfy { !$0.capacity.changes.isEmpty })
        #expect(portfolio.units.contains { !$0.capacity.changes.isEmpty })
        #expect(portfolio.units.allSatisfy { unit in
            unit.capacity.initial >= 1 && unit.capacity.changes.allSatisfy { $0.value >= 1 }
        })
        #expect(Set(standards.map(\.name)).count == standards.count, "titles are unique")
        #expect(Set(portfolio.units.map(\.name)).count == portfolio.units.count, "unit names are unique")
    }

    @Test("every standard is schedulable within the horizon: the reference schedule passes the validator", arguments: cases)
    func schedulable(options: GeneratorOptions) throws {
        let generated = try PortfolioGenerator.generate(options)
        let violations = ScheduleValidator.check(generated.reference, against: generated.portfolio)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        let last = try #require(generated.reference.standards.map(\.published).max())
        #expect(last + 12 <= generated.portfolio.horizonEnd, "at least a year of room after the reference's last publication")
    }

    @Test("targets are neither trivial nor hopeless: the reference meets 70–95 % and is late for some", arguments: cases)
    func calibration(options: GeneratorOptions) throws {
        let generated = try PortfolioGenerator.generate(options)
        let open = generated.portfolio.standards.filter { !$0.isPublished }.count
        let share = Double(generated.referenceOnTime) / Double(open)
        #expect((0.7...0.95).contains(share), "reference on time \(generated.referenceOnTime)/\(open)")
        #expect(generated.referenceWeightedMonthsLate > 0)
        // The review bodies are the bottleneck: the reference fills the working group to at least
        // 80 % of its capacity in some year.
        let busiest = busiestYearUtilisation(generated, resource: "wg-review")
        #expect(busiest >= 0.8, "working group at most \(busiest) of capacity in any year")
    }

    /// The highest share of the resource's capacity the reference uses in one calendar year.
    func busiestYearUtilisation(_ generated: SyntheticPortfolio, resource: ResourceID) -> Double {
        let portfolio = generated.portfolio
        guard let body = portfolio.resources.first(where: { $0.id == resource }) else { return 0 }
        var used: [Int: Int] = [:]
        for (standard, entry) in zip(portfolio.standards, generated.reference.standards) {
            for dated in entry.phases {
                let load = standard.phases.first { $0.id == dated.phase }?.load(on: resource) ?? 0
                var month = max(dated.start, portfolio.planStart)
                while month <= dated.finish {
                    used[month.year, default: 0] += load
                    month = month + 1
                }
            }
        }
        return used.map { year, load in
            let capacity = (1...12).map { body.capacity.capacity(in: Month(year: year, month: $0)) }.reduce(0, +)
            return Double(load) / Double(capacity)
        }.max() ?? 0
    }

    @Test("every open phase has a duration estimate whose mode is its planned months; varied phases get their own, in half months",
          arguments: cases)
    func uncertainty(options: GeneratorOptions) throws {
        let portfolio = try PortfolioGenerator.generate(options).portfolio
        let uncertainty = try #require(portfolio.uncertainty)
        #expect(uncertainty.lifeCycle == SyntheticLifeCycle.estimates)
        #expect(uncertainty.correlation == SharedFactorWeights(category: 0.1, leadUnit: 0.3))
        var own = 0
        for standard in portfolio.standards where !standard.isPublished {
            for phase in standard.phases {
                let estimate = try #require(uncertainty.estimate(for: standard, phase: phase.id), "\(standard.id) \(phase.id)")
                let months = Double(phase.months)
                #expect(estimate.likely == nil, "the planned months are the mode")
                if estimate.distribution == .lognormal {
                    #expect(estimate.optimistic < months && months < estimate.pessimistic, "\(standard.id) \(phase.id) \(estimate)")
                } else {
                    #expect((estimate.optimistic...estimate.pessimistic).contains(months), "\(standard.id) \(phase.id) \(estimate)")
                }
                if let mine = uncertainty.standards[standard.id]?[phase.id] {
                    own += 1
                    #expect((2 * mine.optimistic).rounded() == 2 * mine.optimistic && (2 * mine.pessimistic).rounded() == 2 * mine.pessimistic)
                }
            }
        }
        #expect(uncertainty.standards.keys.allSatisfy { id in portfolio.standards.contains { $0.id == id && !$0.isPublished } })
        #expect(own > 0, "about a third of phases vary, some outside the life cycle's range")
    }

    @Test("a phase's own estimate: the life cycle's scaled to its months, kept around them", arguments: [
        ("drafting", 5, 8, 3.5, 11.5),      // the baseline gives its 5-month revision 3…14
        ("drafting", 6, 8, 4.5, 13.5),      // 6 is the lognormal's lower end: not a mode it admits
        ("approval", 2, 3, 1.0, 12.0),
        ("consultation", 2, 3, 2.0, 4.0),
        ("review", 1, 2, 1.0, 2.5),
    ])
    func scaledEstimate(phase: String, months: Int, defaultMonths: Int, optimistic: Double, pessimistic: Double) throws {
        let estimate = try #require(SyntheticLifeCycle.estimate(for: PhaseID(phase), plannedMonths: months, defaultMonths: defaultMonths))
        #expect(estimate.optimistic == optimistic && estimate.pessimistic == pessimistic, "\(estimate)")
        #expect(estimate.distribution == SyntheticLifeCycle.estimates[PhaseID(phase)]?.distribution)
        #expect(SyntheticLifeCycle.estimate(for: "drafting", plannedMonths: 9, defaultMonths: 8) == nil, "9 months fit 6…18")
        #expect(SyntheticLifeCycle.estimate(for: "publication", plannedMonths: 4, defaultMonths: 2) == nil)
    }

    @Test("options out of range are refused with every problem listed")
    func invalidOptions() {
        #expect(throws: GeneratorError.self) { try PortfolioGenerator.generate(GeneratorOptions(standards: 0, units: 0, reviewBodies: 3)) }
        let problems = GeneratorOptions(standards: 0, units: 0, reviewBodies: 3).problems()
        #expect(problems.count == 3, "\(problems)")
        #expect(GeneratorOptions(standards: 1, seed: 9).problems().isEmpty)
        #expect(throws: Never.self) { try PortfolioGenerator.generate(GeneratorOptions(standards: 1, units: 1)) }
    }
}
