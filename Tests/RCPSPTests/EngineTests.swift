import Testing
@testable import RCPSP

/// Instances across the parameter groups (network complexity, resource factor, resource
/// strength) that the engine proves in well under a second in a debug build, with the proven
/// optima of j30opt.sm.
private let sample = [
    "j301_1", "j305_1", "j306_2", "j3010_4", "j3011_1", "j3021_3", "j3022_1",
    "j3030_4", "j3033_3", "j3037_2", "j3041_1", "j3042_4", "j3045_3", "j3046_1", "j3048_1",
]

@Suite("RCPSP engine on PSPLIB j30")
struct EngineTests {
    static let optima: PSPLIBReferenceTable = try! PSPLIBReferenceTable.read(path: PSPLIBData.j30Optima)

    @Test("proven optima equal j30opt.sm and every schedule is valid", arguments: sample)
    func provesOptimum(name: String) throws {
        let path = PSPLIBData.j30(name)
        let instance = try PSPLIBReader.read(path: path)
        let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
        let result = try RCPSPEngine.solve(instance, options: RCPSPOptions(timeLimit: 60))
        #expect(RCPSPValidator.violations(of: result.starts, makespan: result.makespan, in: instance).isEmpty)
        #expect(result.optimal)
        #expect(result.makespan == optimum)
        #expect(result.lowerBound == optimum)
    }

    @Test("heuristics alone give valid schedules never below the optimum")
    func heuristicIsValid() throws {
        for name in ["j3013_1", "j3029_3", "j3045_1"] {
            let path = PSPLIBData.j30(name)
            let instance = try PSPLIBReader.read(path: path)
            let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
            let result = try RCPSPEngine.solve(instance, options: RCPSPOptions(timeLimit: 30, method: .heuristic, secondStageSchedules: 2_000))
            #expect(RCPSPValidator.violations(of: result.starts, makespan: result.makespan, in: instance).isEmpty)
            #expect(result.makespan >= optimum)
            #expect(result.lowerBound <= optimum)
        }
    }

    @Test("same input and seed, same schedule")
    func deterministic() throws {
        let instance = try PSPLIBReader.read(path: PSPLIBData.j30("j3041_1"))
        let options = RCPSPOptions(timeLimit: 60)
        let a = try RCPSPEngine.solve(instance, options: options)
        let b = try RCPSPEngine.solve(instance, options: options)
        #expect(a.starts == b.starts)
        #expect(a.nodes == b.nodes)
    }

    @Test("propagated windows under the optimum keep an optimal schedule")
    func windowsAreSound() throws {
        for name in ["j3010_4", "j301_5", "j3045_3"] {
            let path = PSPLIBData.j30(name)
            let instance = try PSPLIBReader.read(path: path)
            let result = try RCPSPEngine.solve(instance, options: RCPSPOptions(timeLimit: 60))
            try #require(result.optimal)
            let network = ProjectNetwork(instance)
            var propagator = Propagator(network: network)
            var earliest = network.heads
            var latest = Array(repeating: network.horizon, count: network.jobCount)
            #expect(propagator.propagate(earliest: &earliest, latest: &latest, limit: result.makespan))
            for j in 0..<instance.jobCount { #expect(earliest[j] <= result.starts[j] && result.starts[j] <= latest[j]) }
            #expect(propagator.energeticCheck(earliest: earliest, latest: latest))
            // Shaving only removes starts that no schedule within the limit can use.
            #expect(propagator.shave(earliest: &earliest, latest: &latest, limit: result.makespan, deadline: Deadline(seconds: 60)))
            for j in 0..<instance.jobCount { #expect(earliest[j] <= result.starts[j] && result.starts[j] <= latest[j]) }
            #expect(propagator.energeticCheck(earliest: earliest, latest: latest))
        }
    }

    @Test("the destructive bound with shaving never exceeds the optimum, and beats plain propagation on j3013_1")
    func destructiveBoundIsABound() throws {
        for (name, atLeast) in [("j3013_1", 52), ("j3013_2", 54), ("j301_5", 0), ("j3045_3", 0)] {
            let path = PSPLIBData.j30(name)
            let instance = try PSPLIBReader.read(path: path)
            let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
            let network = ProjectNetwork(instance)
            var propagator = Propagator(network: network)
            let bound = RCPSPEngine.destructiveBound(
                network, &propagator, from: network.criticalPathBound, below: optimum + 5, deadline: Deadline(seconds: 60))
            #expect(bound <= optimum, "\(name): bound \(bound) above the optimum \(optimum)")
            #expect(bound >= atLeast, "\(name): bound \(bound)")
        }
    }

    @Test("GLPK's branch-and-cut on the time-indexed model agrees with the optimum")
    func mipAgrees() throws {
        let path = PSPLIBData.j30("j301_5")
        let instance = try PSPLIBReader.read(path: path)
        let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
        let result = try RCPSPEngine.solve(instance, options: RCPSPOptions(timeLimit: 60, method: .mip))
        #expect(RCPSPValidator.violations(of: result.starts, makespan: result.makespan, in: instance).isEmpty)
        #expect(result.makespan == optimum)
        #expect(result.lowerBound <= optimum)
    }

    @Test("the LP bound of the time-indexed model never exceeds the optimum")
    func linearProgramIsABound() throws {
        for name in ["j301_5", "j3021_3"] {
            let path = PSPLIBData.j30(name)
            let instance = try PSPLIBReader.read(path: path)
            let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
            let network = ProjectNetwork(instance)
            var propagator = Propagator(network: network)
            let bound = try RCPSPEngine.linearProgrammingBound(network, &propagator, below: optimum + 1, deadline: Deadline(seconds: 60))
            #expect(bound <= optimum)
            #expect(bound >= network.criticalPathBound)
        }
    }

    @Test("delaying alternatives are exactly the minimal sets that resolve the conflict")
    func delayingAlternativesAreMinimal() throws {
        var random = SplitMix64(seed: 7)
        for name in ["j3013_1", "j3037_2", "j3048_1"] {
            let network = ProjectNetwork(try PSPLIBReader.read(path: PSPLIBData.j30(name)))
            let search = CutsetSearch(network: network, incumbent: network.horizon, deadline: Deadline(seconds: nil))
            let r = network.resourceCount
            let jobs = (0..<network.jobCount).filter { network.durations[$0] > 0 }
            for _ in 0..<60 {
                let candidates = jobs.filter { _ in random.next() % 3 == 0 }.prefix(10).map { $0 }
                // Brute force: every subset whose removal leaves every resource within capacity,
                // and none of whose proper subsets does.
                func resolves(_ mask: UInt64) -> Bool {
                    (0..<r).allSatisfy { k in
                        candidates.enumerated().filter { mask & (1 << UInt64($0.offset)) == 0 }
                            .reduce(0) { $0 + network.demand[$1.element * r + k] } <= network.capacities[k]
                    }
                }
                let minimal = (0..<(UInt64(1) << UInt64(candidates.count))).filter { mask in
                    resolves(mask) && (0..<candidates.count).allSatisfy { mask & (1 << UInt64($0)) == 0 || !resolves(mask & ~(1 << UInt64($0))) }
                }
                #expect(search.delayingAlternatives(candidates, at: 0).sorted() == minimal.sorted(), "\(name) \(candidates)")
            }
        }
    }

    @Test("the search stops at a schedule that meets the lower bound, and exhausts its tree otherwise")
    func searchStopsAtTheBound() throws {
        let path = PSPLIBData.j30("j3041_1")
        let network = ProjectNetwork(try PSPLIBReader.read(path: path))
        let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
        var full = CutsetSearch(network: network, incumbent: optimum + 3, deadline: Deadline(seconds: 60))
        let fullComplete = full.run()
        #expect(fullComplete)
        #expect(full.upper == optimum)
        var early = CutsetSearch(network: network, incumbent: optimum + 3, lowerBound: optimum, deadline: Deadline(seconds: 60))
        let earlyComplete = early.run()
        #expect(earlyComplete)
        #expect(early.upper == optimum)
        #expect(early.nodes < full.nodes)
    }

    @Test("a search run in shares continues where it stopped and ends as one run does", arguments: ["j3041_1", "j301_5"])
    func searchResumes(name: String) throws {
        let path = PSPLIBData.j30(name)
        let network = ProjectNetwork(try PSPLIBReader.read(path: path))
        let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
        var whole = CutsetSearch(network: network, incumbent: optimum + 2, deadline: Deadline(seconds: 60))
        let wholeComplete = whole.run()
        #expect(wholeComplete)
        #expect(whole.upper == optimum)
        // Shares of a quarter of the tree: a search that started over each time would never finish.
        let share = max(16, whole.nodes / 4)
        var parts = CutsetSearch(network: network, incumbent: optimum + 2, deadline: Deadline(seconds: 60))
        var runs = 0
        while !parts.run(budget: share) {
            runs += 1
            try #require(runs < 40, "the shares do not add up to the tree")
        }
        #expect(runs >= 3)
        #expect(parts.upper == optimum)
        // Each new run walks down again to where the last one stopped (at most one node per job)
        // and may overrun its share by the 16 nodes between checks of the budget.
        #expect(parts.nodes <= whole.nodes + (runs + 1) * (network.jobCount + 16))
        let found = try #require(parts.found)
        #expect(RCPSPValidator.violations(of: found, makespan: optimum, in: network.instance).isEmpty)
    }

    @Test("a search told of a better incumbent elsewhere searches below it")
    func searchTightens() throws {
        let path = PSPLIBData.j30("j3041_1")
        let network = ProjectNetwork(try PSPLIBReader.read(path: path))
        let optimum = try #require(Self.optima.reference(forFile: path)?.upperBound)
        var search = CutsetSearch(network: network, incumbent: optimum + 5, deadline: Deadline(seconds: 60))
        _ = search.run(budget: 16)
        search.tighten(to: optimum)
        let complete = search.run()
        // Nothing below the optimum exists, so the search ends with the optimum proven.
        #expect(complete)
        #expect(search.upper == optimum)
    }

    @Test("a tiny instance solved by hand")
    func tiny() throws {
        // Jobs 1 and 2 (3 periods, 2 of 3 units each) cannot overlap; job 3 follows job 1.
        let instance = PSPLIBValidatorTests.instance
        let result = try RCPSPEngine.solve(instance, options: RCPSPOptions(timeLimit: 10))
        #expect(result.makespan == 6 && result.optimal)
        #expect(RCPSPValidator.violations(of: result.starts, makespan: 6, in: instance).isEmpty)
    }
}
