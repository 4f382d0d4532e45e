import Foundation

/// When another thread raised a flag: the instant, set once under a lock.
final class RaisedAt: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ContinuousClock.Instant?

    /// Records now.
    func mark() {
        lock.lock()
        defer { lock.unlock() }
        stored = ContinuousClock.now
    }

    /// The recorded instant, nil before `mark()`.
    var instant: ContinuousClock.Instant? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
