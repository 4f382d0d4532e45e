import PlanModel

extension PortfolioGenerator {
    /// Dependencies on earlier standards only (so the graph is acyclic by construction), about
    /// ``dependenciesPerStandard`` per standard: work in progress rests on published work at
    /// most; planned work draws a binomial number of predecessors whose mean tracks the target
    /// still to reach, half of them from its own category. A dependency that would push the
    /// standard's earliest publication (unlimited capacity) past ``longestChain`` months is
    /// drawn again, up to eight times.
    mutating func drawDependencies() {
        var random = stream(4)
        dependencies = Array(repeating: [], count: standards.count)
        var earliestFinish: [[Int?]] = Array(repeating: [], count: standards.count)
        var byCategory: [Category: [Int]] = [:]
        let target = Int((Self.dependenciesPerStandard * Double(standards.count)).rounded())
        var drawn = 0
        var plannedLeft = standards.filter { $0.status == .planned }.count
        let published = standards.indices.filter { standards[$0].isPublished }

        for index in standards.indices {
            let standard = standards[index]
            defer { byCategory[standard.category, default: []].append(index) }
            switch standard.status {
            case .published, .cancelled, .superseded, .deferred:
                continue  // the generator makes none but published ones of these
            case .inProgress:
                earliestFinish[index] = standard.phases.indices.map { placements[index]?.finish(ofPhase: $0) }
                if !published.isEmpty, random.chance(0.3) {
                    dependencies[index].append(Dependency(predecessor: standards[random.element(of: published)].id, successor: standard.id))
                    drawn += 1
                }
            case .planned:
                let mean = min(3.6, max(0, Double(target - drawn) / Double(max(1, plannedLeft))))
                plannedLeft -= 1
                let wanted = index == 0 ? 0 : random.binomial(trials: 4, p: mean / 4)
                var chosen: [Dependency] = []
                let own = self.earliestFinishes(of: standard, after: [], earliestFinish)
                for _ in 0..<wanted {
                    for _ in 0..<8 {
                        let sameCategory = byCategory[standard.category] ?? []
                        let predecessor = !sameCategory.isEmpty && random.chance(0.5)
                            ? random.element(of: sameCategory) : random.int(in: 0...(index - 1))
                        guard !chosen.contains(where: { $0.predecessor == standards[predecessor].id }) else { continue }
                        let dependency = drawKind(on: predecessor, for: index, &random)
                        let finishes = earliestFinishes(of: standard, after: chosen + [dependency], earliestFinish)
                        if finishes.last! <= max(Self.longestChain, own.last!) {
                            chosen.append(dependency)
                            break
                        }
                    }
                }
                dependencies[index] = chosen
                drawn += chosen.count
                earliestFinish[index] = earliestFinishes(of: standard, after: chosen, earliestFinish)
            }
        }
    }

    /// One dependency of `successor` on `predecessor`: on a published standard, its publication
    /// (a fifth with a lag of 3–12 months, for experience with it); on open work, its
    /// publication (45 %, lag 0; 15 %, lag 1–6), or a phase: its consultation draft before
    /// drafting starts (20 %), its review draft before consultation (10 %, lag 0–2), its
    /// drafting before drafting (10 %, lag 1–3).
    func drawKind(on predecessor: Int, for successor: Int, _ random: inout SeededRandom) -> Dependency {
        let from = standards[predecessor].id, to = standards[successor].id
        if standards[predecessor].isPublished {
            return Dependency(predecessor: from, successor: to, lag: random.chance(0.8) ? 0 : random.int(in: 3...12))
        }
        let draw = random.unit()
        switch draw {
        case ..<0.45: return Dependency(predecessor: from, successor: to)
        case ..<0.60: return Dependency(predecessor: from, successor: to, lag: random.int(in: 1...6))
        case ..<0.80: return Dependency(predecessor: from, predecessorPhase: "consultation", successor: to, successorPhase: "drafting")
        case ..<0.90:
            return Dependency(predecessor: from, predecessorPhase: "review", successor: to, successorPhase: "consultation", lag: random.int(in: 0...2))
        default:
            return Dependency(predecessor: from, predecessorPhase: "drafting", successor: to, successorPhase: "drafting", lag: random.int(in: 1...3))
        }
    }

    /// The finish of each phase of planned `standard` with unlimited capacity (months from the
    /// plan start), given its dependencies and the earliest finishes of its predecessors.
    func earliestFinishes(of standard: Standard, after dependencies: [Dependency], _ earliestFinish: [[Int?]]) -> [Int] {
        var finishes: [Int] = []
        var earliest = max(0, (standard.earliestStart ?? planStart) - planStart)
        for (index, phase) in standard.phases.enumerated() {
            var start = earliest
            for dependency in dependencies where phaseIndex(dependency.successorPhase, default: 0) == index {
                if let release = release(by: dependency, finish: { earliestFinish[$0][$1] }) { start = max(start, release) }
            }
            finishes.append(start + phase.months - 1)
            earliest = start + phase.months
        }
        return finishes
    }

    /// The earliest start `dependency` allows its successor's phase (months from the plan
    /// start), with `finish(p, j)` the finish of phase `j` of standard `p`; nil when it
    /// constrains nothing (the predecessor's phase was done before the plan).
    func release(by dependency: Dependency, finish: (Int, Int) -> Int?) -> Int? {
        let predecessor = positions[dependency.predecessor]!
        if case .published(let month) = standards[predecessor].status {
            return dependency.predecessorPhase == nil ? month - planStart + 1 + dependency.lag : nil
        }
        let phase = phaseIndex(dependency.predecessorPhase, default: lifeCycle.count - 1)
        return finish(predecessor, phase).map { $0 + 1 + dependency.lag }
    }

    func phaseIndex(_ id: PhaseID?, default fallback: Int) -> Int {
        id.flatMap { id in lifeCycle.firstIndex { $0.id == id } } ?? fallback
    }

    /// The reference schedule of the planned work: list scheduling, the ready standard with the
    /// highest urgency plus noise (uniform 0–2.5 stars) first, each on the candidate unit that
    /// publishes it earliest.
    mutating func schedulePlannedWork() {
        var random = stream(6)
        let index = positions
        var waitingOn = Array(repeating: 0, count: standards.count)
        var successors = Array(repeating: [Int](), count: standards.count)
        for (successor, list) in dependencies.enumerated() where standards[successor].status == .planned {
            for predecessor in Set(list.map { index[$0.predecessor]! }) where placements[predecessor] == nil && !standards[predecessor].isPublished {
                waitingOn[successor] += 1
                successors[predecessor].append(successor)
            }
        }
        let priority = standards.map { Double($0.urgency) + 2.5 * random.unit() }
        var ready = ReadyQueue()
        for i in standards.indices where standards[i].status == .planned && waitingOn[i] == 0 { ready.push(i, priority: priority[i]) }
        while let next = ready.pop() {
            let standard = standards[next]
            let waits = dependencies[next]
            let placement = scheduler.bestPlacement(of: standard) { phase in
                waits.filter { phaseIndex($0.successorPhase, default: 0) == phase }
                    .compactMap { release(by: $0) { placements[$0]?.finish(ofPhase: $1) } }.max() ?? 0
            }
            guard let placement else { preconditionFailure("a planned standard always has a start") }
            scheduler.commit(placement, of: standard)
            placements[next] = placement
            for successor in successors[next] {
                waitingOn[successor] -= 1
                if waitingOn[successor] == 0 { ready.push(successor, priority: priority[successor]) }
            }
        }
    }
}
