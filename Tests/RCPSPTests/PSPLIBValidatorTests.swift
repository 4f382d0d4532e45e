import Testing
@testable import RCPSP

@Suite("RCPSP validator and reference checks")
struct PSPLIBValidatorTests {
    /// Two jobs of 3 periods that cannot overlap (2 + 2 > 3), then a job of 1 after the first.
    static let instance = RCPSPInstance(
        name: "tiny", durations: [0, 3, 3, 1, 0],
        successors: [[1, 2], [3], [4], [4], []],
        demands: [[0], [2], [2], [1], [0]], capacities: [3])

    @Test("a feasible schedule has no violations")
    func feasible() {
        #expect(RCPSPValidator.violations(of: [0, 0, 3, 3, 6], makespan: 6, in: Self.instance).isEmpty)
    }

    @Test("each kind of violation is found")
    func violations() {
        let v = RCPSPValidator.violations
        #expect(v([0, 0, 3], nil, Self.instance) == [.wrongJobCount(expected: 5, got: 3)])
        #expect(v([0, 0, 3, 2, 6], nil, Self.instance) == [.precedence(predecessor: 1, successor: 3, finish: 3, start: 2)])
        #expect(v([0, 0, 2, 3, 6], nil, Self.instance) == [.capacity(resource: 0, period: 2, used: 4, capacity: 3)])
        #expect(v([0, 0, 3, 3, 6], 5, Self.instance) == [.makespan(stated: 5, actual: 6)])
        #expect(v([-1, 0, 3, 3, 6], nil, Self.instance).contains(.negativeStart(job: 0, start: -1)))
        // Durations come from the instance: a sink started before the last job ends breaks a precedence.
        #expect(v([0, 0, 3, 3, 5], nil, Self.instance).contains(.precedence(predecessor: 2, successor: 4, finish: 6, start: 5)))
    }

    @Test("deliberately broken results contradict the reference")
    func brokenBoundsAreCaught() {
        let optimum = PSPLIBReference(upperBound: 58, lowerBound: nil, proven: true)
        #expect(optimum.contradictions(makespan: 58, bound: 58, optimal: true).isEmpty)
        #expect(optimum.contradictions(makespan: 60, bound: 55, optimal: false).isEmpty)
        #expect(optimum.contradictions(makespan: 57, bound: 50, optimal: false).count == 1)  // below a proven optimum
        #expect(optimum.contradictions(makespan: 59, bound: 59, optimal: true).count == 2)   // "optimal" above it, bound too
        #expect(optimum.contradictions(makespan: 60, bound: 59, optimal: false).count == 1)  // bound above a known schedule
        let open = PSPLIBReference(upperBound: 87, lowerBound: 80, proven: false)
        #expect(open.contradictions(makespan: 85, bound: 80, optimal: false).isEmpty)       // better than best known: fine
        #expect(open.contradictions(makespan: 79, bound: 79, optimal: true).count == 1)      // below the known lower bound
        #expect(open.contradictions(makespan: 88, bound: 88, optimal: true).count == 2)
    }
}
