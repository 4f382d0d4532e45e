import PlanModel

extension ScenarioWriter {
    /// What format 1 cannot say about `portfolio`, or what the loader would reject: a file is
    /// written whole and loads, or not at all.
    static func representabilityProblems(_ portfolio: Portfolio, lifeCycle: [Phase]) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { problems.append(message()) } }
        func checkID(_ id: String, _ what: String) {
            check(isIdentifier(id), "\(what) id '\(id)' is not a valid id (ASCII letters, digits, '-', '_' and '.')")
        }
        func checkUnique(_ ids: [String], _ what: String) {
            var seen: Set<String> = []
            for id in ids where !seen.insert(id).inserted { problems.append("\(what) id '\(id)' is used twice") }
        }

        check(!portfolio.name.isEmpty, "the portfolio has no name")
        // Text the loader refuses (control characters, SP-E0106) would write a file that does not load.
        var texts = [("the portfolio's name", portfolio.name)]
        texts += portfolio.units.map { ("unit '\($0.id)' name", $0.name) } + portfolio.resources.map { ("resource '\($0.id)' name", $0.name) }
        texts += lifeCycle.map { ("phase '\($0.id)' name", $0.name) }
        for standard in portfolio.standards {
            texts.append(("standard '\(standard.id)' name", standard.name))
            if let reference = standard.reference { texts.append(("standard '\(standard.id)' reference", reference)) }
        }
        for (what, text) in texts where text.unicodeScalars.contains(where: NodeReader.isControl) {
            problems.append("\(what) holds a control character (a line break, tab or escape): write it on one line without them")
        }
        check(portfolio.planStart <= portfolio.horizonEnd, "horizon_end \(portfolio.horizonEnd) is before plan_start \(portfolio.planStart)")
        check(portfolio.weights.urgency.count == 5, "the objective needs 5 urgency weights, has \(portfolio.weights.urgency.count)")
        check(!lifeCycle.isEmpty, "no life cycle: pass `lifeCycle:` when the portfolio has no standards")
        for unit in portfolio.units {
            checkID(unit.id.rawValue, "unit")
            check(!unit.name.isEmpty, "unit '\(unit.id)' has no name")
        }
        for resource in portfolio.resources {
            checkID(resource.id.rawValue, "resource")
            check(!resource.name.isEmpty, "resource '\(resource.id)' has no name")
        }
        for phase in lifeCycle {
            checkID(phase.id.rawValue, "phase")
            check(!phase.name.isEmpty, "phase '\(phase.id)' has no name")
        }
        checkUnique(portfolio.units.map(\.id.rawValue), "unit")
        checkUnique(portfolio.resources.map(\.id.rawValue), "resource")
        checkUnique(lifeCycle.map(\.id.rawValue), "phase")
        checkUnique(portfolio.standards.map(\.id.rawValue), "standard")

        let units = Set(portfolio.units.map(\.id))
        let resources = Set(portfolio.resources.map(\.id))
        let lifeCycleIDs = lifeCycle.map(\.id)
        for load in lifeCycle.flatMap(\.resourceLoads) where !resources.contains(load.resource) {
            problems.append("the life cycle loads unknown resource '\(load.resource)'")
        }
        for standard in portfolio.standards {
            problems += standardProblems(standard, lifeCycle: lifeCycleIDs, units: units, resources: resources)
        }

        var phasesOf: [StandardID: [PhaseID]] = [:]
        for standard in portfolio.standards { phasesOf[standard.id] = standard.phases.map(\.id) }
        for dependency in portfolio.dependencies {
            let label = "dependency of '\(dependency.successor)' on '\(dependency.predecessor)'"
            guard let predecessorPhases = phasesOf[dependency.predecessor], let successorPhases = phasesOf[dependency.successor] else {
                problems.append("\(label) names a standard that is not in the portfolio")
                continue
            }
            check(dependency.predecessor != dependency.successor, "\(label): a standard cannot wait for itself")
            check(dependency.lag >= 0, "\(label) has a negative lag")
            check(dependency.predecessorPhase.map(predecessorPhases.contains) ?? true, "\(label) names an unknown phase of the predecessor")
            check(dependency.successorPhase.map(successorPhases.contains) ?? true, "\(label) names an unknown phase of the successor")
        }
        if let uncertainty = portfolio.uncertainty {
            for id in uncertainty.standards.keys.sorted() where phasesOf[id] == nil {
                problems.append("the uncertainty section names standard '\(id)', which is not in the portfolio")
            }
            problems += estimateProblems(uncertainty, portfolio.standards)
        }
        return problems
    }

    /// The loader's rule for estimates without `likely`: each standard's planned months are the
    /// most likely value, so they must lie in the range (strictly inside a lognormal's). A what-if
    /// that changes durations can break it for the changed standards.
    static func estimateProblems(_ uncertainty: DurationUncertainty, _ standards: [Standard]) -> [String] {
        var problems: [String] = []
        for standard in standards where !standard.isPublished {
            for phase in standard.phases {
                guard let estimate = uncertainty.estimate(for: standard, phase: phase.id), estimate.likely == nil else { continue }
                let months = Double(phase.months), low = estimate.optimistic, high = estimate.pessimistic
                let fits = estimate.distribution == .lognormal ? (low == high && months == low) || (low < months && months < high)
                    : (low...high).contains(months)
                if !fits {
                    problems.append("the uncertainty estimate for phase '\(phase.id)' of '\(standard.id)' (\(number(low))…\(number(high)), "
                        + "\(estimate.distribution.rawValue), no `likely`) does not admit its \(phase.months) planned months; "
                        + "give that standard its own estimate, or write the portfolio without uncertainty")
                }
            }
        }
        return problems
    }

    /// What is wrong with one standard for format 1.
    static func standardProblems(_ standard: Standard, lifeCycle: [PhaseID], units: Set<UnitID>, resources: Set<ResourceID>) -> [String] {
        var problems: [String] = []
        let id = standard.id
        if !isIdentifier(id.rawValue) { problems.append("standard id '\(id)' is not a valid id (ASCII letters, digits, '-', '_' and '.')") }
        if standard.name.isEmpty { problems.append("standard '\(id)' has no name") }
        if standard.phases.map(\.id) != lifeCycle {
            problems.append("standard '\(id)' goes through phases \(standard.phases.map(\.id.rawValue)), not the life cycle's "
                + "\(lifeCycle.map(\.rawValue)): format 1 can only override a phase's fields")
        }
        for phase in standard.phases {
            if phase.name.isEmpty { problems.append("phase '\(phase.id)' of '\(id)' has no name") }
            if !(1...1200).contains(phase.months) { problems.append("phase '\(phase.id)' of '\(id)' takes \(phase.months) months (1 to 1200)") }
            if phase.unitLoad < 0 { problems.append("phase '\(phase.id)' of '\(id)' has a negative unit load") }
            for load in phase.resourceLoads where !resources.contains(load.resource) {
                problems.append("phase '\(phase.id)' of '\(id)' loads unknown resource '\(load.resource)'")
            }
        }
        for unit in standard.leadUnits where !units.contains(unit) { problems.append("standard '\(id)' names unknown unit '\(unit)'") }
        if Set(standard.leadUnits).count != standard.leadUnits.count { problems.append("standard '\(id)' lists a lead unit twice") }
        if case .inProgress(let phase, _) = standard.status, !standard.phases.contains(where: { $0.id == phase }) {
            problems.append("standard '\(id)' is in unknown phase '\(phase)'")
        }
        if !standard.isPublished {
            if standard.leadUnits.isEmpty { problems.append("open standard '\(id)' has no lead unit") }
            if standard.targetYear == nil { problems.append("open standard '\(id)' has no target year") }
        }
        if !(1...5).contains(standard.urgency) { problems.append("standard '\(id)' has urgency \(standard.urgency) (1 to 5)") }
        if standard.hardDeadline, standard.targetYear == nil { problems.append("standard '\(id)' has a hard deadline but no target year") }
        return problems
    }

    /// The loader's rule for ids.
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0)
        }
    }
}
