import Foundation
import GLPK
import Testing

@Suite("Threads")
struct ThreadingTests {
    /// Runs `body` on a new thread and waits for it.
    private func onNewThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
        done.wait()
    }

    @Test("Several models solved concurrently, each on its own thread")
    func concurrentSolves() throws {
        let threadCount = 8
        let results = Locked<[Int: (knapsack: Double?, wyndor: Double?, status: MIPStatus?)]>([:])
        let group = DispatchGroup()
        for k in 1...threadCount {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                // Repeat to give the threads time to overlap inside GLPK.
                for _ in 0..<20 {
                    do {
                        let mip = try TestModels.knapsack(scale: Double(k)).solveMIP()
                        let lp = try TestModels.wyndor().solveLP()
                        results.withLock { $0[k] = (mip.objective, lp.objective, mip.status) }
                    } catch {
                        results.withLock { $0[k] = (nil, nil, nil) }
                        return
                    }
                }
            }
            thread.start()
        }
        group.wait()
        for k in 1...threadCount {
            let result = results.value[k]
            // Knapsack optimum 23 scaled by k; Wyndor optimum 36 (hand solutions in TestModels).
            #expect(result?.status == .optimal)
            #expect(result?.knapsack == 23 * Double(k))
            #expect(result?.wyndor.map { abs($0 - 36) < 1e-9 } == true)
        }
    }

    @Test("Using a model from another thread throws instead of corrupting GLPK")
    func wrongThread() throws {
        let lp = try TestModels.knapsack()
        // unowned, so the other thread can never end up releasing the model.
        nonisolated(unsafe) unowned let shared = lp
        let outcome = Locked<[Bool]>([])
        onNewThread {
            let record = { (body: () throws -> Void) in
                do {
                    try body()
                    outcome.withLock { $0.append(false) }
                } catch GLPKError.wrongThread {
                    outcome.withLock { $0.append(true) }
                } catch {
                    outcome.withLock { $0.append(false) }
                }
            }
            record { try shared.addColumn(kind: .continuous, lower: 0, upper: 1) }
            record { _ = try shared.solveMIP() }
            record { _ = try shared.solveLP() }
        }
        #expect(outcome.value == [true, true, true])
        // The model still works on its own thread.
        #expect(try lp.solveMIP().objective == 23)
    }

    @Test("Releasing a model on a foreign thread does not crash")
    func releaseOnForeignThread() throws {
        // The model is leaked on purpose in this case; the point is that the process survives.
        nonisolated(unsafe) var model: LinearProgram? = try TestModels.wyndor()
        onNewThread { model = nil }
        #expect(model == nil)
    }
}
