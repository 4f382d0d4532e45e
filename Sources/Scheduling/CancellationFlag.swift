import Dispatch

/// A request to stop, raised from another thread (the command line raises it on Ctrl-C) and
/// checked by the planner's heuristics and by GLPK's branch-and-cut callback, which then stop
/// and return the best schedule found so far. Once raised it stays raised.
public final class CancellationFlag: @unchecked Sendable, Hashable {
    // Guarded by `lock`; @unchecked because the compiler cannot see the lock discipline. A lock
    // rather than an atomic keeps the type available on every platform the package names; it
    // is taken a few thousand times a second at most.
    private var raised = false
    private let lock = DispatchSemaphore(value: 1)

    /// A flag not yet raised.
    public init() {}

    /// Asks every holder to stop.
    public func cancel() {
        lock.wait()
        raised = true
        lock.signal()
    }

    /// True once ``cancel()`` has been called.
    public var isCancelled: Bool {
        lock.wait()
        defer { lock.signal() }
        return raised
    }

    /// A closure asking the flag, for ``GLPK/MIPOptions/shouldStop``.
    public var stopRequest: @Sendable () -> Bool { { [self] in isCancelled } }

    public static func == (lhs: CancellationFlag, rhs: CancellationFlag) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
