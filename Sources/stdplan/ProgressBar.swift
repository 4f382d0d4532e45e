import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar for long runs, drawn on standard error only when it is a terminal (never into
/// a pipe or a file), and only once a run has taken long enough to be worth watching.
final class ProgressBar {
    private let label: String
    private let started = ContinuousClock.now
    private var shown = false
    private var lastPercent = -1

    private init(label: String) { self.label = label }

    /// A bar, or nil when standard error is not a terminal.
    static func onTerminal(label: String) -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar(label: label) : nil
    }

    /// Shows `done` of `total`.
    func update(_ done: Int, _ total: Int) {
        let percent = total > 0 ? done * 100 / total : 100
        guard percent != lastPercent else { return }
        // Short runs finish before a bar would help; start drawing after a quarter of a second.
        guard shown || ContinuousClock.now - started > .milliseconds(250) else { return }
        lastPercent = percent
        shown = true
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        write("\r\(label) [\(bar)] \(percent)% \(done)/\(total)")
    }

    /// Clears the bar's line, so the report starts on a clean terminal.
    func finish() {
        if shown { write("\r\u{1B}[2K") }
    }

    private func write(_ text: String) {
        Failure.writeError(text)
    }
}
