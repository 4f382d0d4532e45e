import Dispatch
import Foundation
import Scheduling
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals, handled once for the whole program:
///
/// - Ctrl-C (SIGINT) raises ``flag``: the planner stops at its next check and returns the best
///   schedule found so far, which the command prints before exiting with 130. A command that
///   cannot stop gracefully (``graceful`` false) exits with 130 at once. A second Ctrl-C exits
///   at once too. Either way, a file being written is finished or removed first, never left
///   half written (``Output``).
/// - SIGPIPE and SIGXFSZ are ignored, so a closed pipe or a file-size limit makes `write` fail
///   with an error the program reports (exit 74), instead of killing it silently.
///
/// The signal is received by a dispatch source on its own queue, not in a signal handler, so
/// the work it does (locks, messages) is safe.
enum Interrupt {
    /// Raised on the first Ctrl-C; pass it to the planner in ``PlanOptions/cancellation``.
    static let flag = CancellationFlag()
    /// When the command started, for time limits on the whole command.
    nonisolated(unsafe) private(set) static var started = ContinuousClock.now
    private static let state = State()

    /// Installs the handlers; call once, first thing.
    static func install() {
        started = ContinuousClock.now
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "stdplan.interrupt"))
        source.setEventHandler { state.interrupted() }
        source.resume()
        state.source = source
    }

    /// Whether the running command stops gracefully on Ctrl-C (it passes ``flag`` to the planner
    /// and checks ``wasInterrupted`` when it is done); false exits at once with 130.
    static var graceful: Bool {
        get { state.read { $0.graceful } }
        set { state.update { $0.graceful = newValue } }
    }

    /// True once Ctrl-C was pressed.
    static var wasInterrupted: Bool { flag.isCancelled }

    /// Runs `write` with Ctrl-C deferred: an exit requested meanwhile happens after it, so an
    /// output file is complete or absent, never partial.
    static func deferring<T, E: Error>(_ write: () throws(E) -> T) throws(E) -> T {
        state.update { $0.writing += 1 }
        defer {
            let exitNow = state.update { state -> Bool in
                state.writing -= 1
                return state.writing == 0 && state.exitRequested
            }
            if exitNow { exitInterrupted() }
        }
        return try write()
    }

    /// Seconds since the command started.
    static var elapsedSeconds: Double {
        let d = ContinuousClock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    private static func exitInterrupted() -> Never {
        Failure.printError("interrupted (Ctrl-C) [\(ErrorCode.interrupted.rawValue)]")
        _exit(130)
    }

    /// What the handler and the commands share, behind a lock.
    private final class State: @unchecked Sendable {
        // Guarded by `lock`; @unchecked because the compiler cannot see the lock discipline.
        struct Values {
            var graceful = false
            var writing = 0
            var exitRequested = false
        }
        private var values = Values()
        private let lock = DispatchSemaphore(value: 1)
        var source: (any DispatchSourceSignal)?

        func read<T>(_ body: (Values) -> T) -> T {
            lock.wait()
            defer { lock.signal() }
            return body(values)
        }

        @discardableResult
        func update<T>(_ body: (inout Values) -> T) -> T {
            lock.wait()
            defer { lock.signal() }
            return body(&values)
        }

        /// One Ctrl-C: the first stops the planner if the command can stop gracefully; else, or
        /// the second time, the program exits (after the file being written, if any).
        func interrupted() {
            let first = !Interrupt.flag.isCancelled
            Interrupt.flag.cancel()
            let exitNow = update { values -> Bool in
                guard !(first && values.graceful) else { return false }
                values.exitRequested = true
                return values.writing == 0
            }
            if exitNow { Interrupt.exitInterrupted() }
            if first, read({ $0.graceful }) {
                Failure.printError("stopping at the next check; the best schedule so far follows (Ctrl-C again to quit at once)")
            }
        }
    }
}
