/// A point in time after which the engine stops searching, read from a monotonic clock.
package struct Deadline: Sendable {
    private let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    private let end: ContinuousClock.Instant?

    /// A deadline `seconds` from now, or none when `seconds` is nil.
    package init(seconds: Double?) {
        let now = ContinuousClock.now
        start = now
        if let seconds {
            end = now.advanced(by: .nanoseconds(Int64((seconds * 1e9).rounded())))
        } else {
            end = nil
        }
    }

    /// Whether the time is up.
    package var passed: Bool {
        guard let end else { return false }
        return clock.now >= end
    }

    /// Seconds since creation.
    package var elapsed: Double {
        let d = start.duration(to: clock.now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Seconds left (nil without a limit; never negative).
    package var remaining: Double? {
        guard let end else { return nil }
        let d = clock.now.duration(to: end)
        return max(0, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
}
