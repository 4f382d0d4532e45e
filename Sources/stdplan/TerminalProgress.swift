import Dispatch
import Foundation
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One status line on standard error while stdplan works, redrawn in place, with the seconds
/// elapsed; and lines that stay (a scenario finished). Only on a terminal and without `--quiet`:
/// a pipe or a file never receives any of it. Thread-safe: the planner reports from its threads.
final class TerminalProgress: @unchecked Sendable {
    // Every mutable field is guarded by `lock`; @unchecked because the compiler cannot see that.
    private let lock = NSLock()
    private let label: String
    private let width: Int
    private let started = ContinuousClock.now
    private var status = ""
    private var drawn = false
    private var lastDraw: ContinuousClock.Instant?
    private var finished = false
    private let ticker: DispatchSourceTimer

    private init(label: String, width: Int) {
        self.label = label
        self.width = width
        ticker = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    }

    /// A progress line labelled `label` (e.g. "compare"), drawn at once; nil when standard error
    /// is not a terminal or `quiet` is set.
    static func start(_ label: String, quiet: Bool, status: String = "starting") -> TerminalProgress? {
        guard !quiet, Terminal.isTerminal(STDERR_FILENO) else { return nil }
        let width = Terminal.columns(of: STDERR_FILENO) ?? Terminal.columnsVariable ?? 80
        let progress = TerminalProgress(label: label, width: width)
        progress.update(status)
        // The elapsed seconds keep moving even while GLPK's root LP, which reports nothing, runs.
        progress.ticker.schedule(deadline: .now() + 1, repeating: 1)
        progress.ticker.setEventHandler { [weak progress] in progress?.redraw(force: true) }
        progress.ticker.resume()
        return progress
    }

    /// Replaces the status line (redrawn at most ten times a second).
    func update(_ text: String) {
        lock.lock()
        status = text
        lock.unlock()
        redraw(force: false)
    }

    /// A line that stays above the status line, e.g. one scenario's outcome.
    func note(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        write("\r\u{1B}[2K" + TerminalText.cut(text, to: width - 1) + "\n")
        drawn = false
        draw()
    }

    /// Clears the status line for good, so the report starts on a clean terminal.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        ticker.cancel()
        if drawn { write("\r\u{1B}[2K") }
        drawn = false
    }

    private func redraw(force: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        if !force, let lastDraw, ContinuousClock.now - lastDraw < .milliseconds(100) { return }
        draw()
    }

    /// Draws the status line; the caller holds the lock.
    private func draw() {
        let elapsed = (ContinuousClock.now - started).components.seconds
        let line = "\(label) \(elapsed) s: \(status)"
        write("\r\u{1B}[2K" + TerminalText.cut(line, to: width - 1))
        drawn = true
        lastDraw = ContinuousClock.now
    }

    /// Writes to standard error with write(2): a closed descriptor gives an error code, not a trap.
    private func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            #if canImport(Glibc)
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            #else
            let written = bytes.withUnsafeBytes { Darwin.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            #endif
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
