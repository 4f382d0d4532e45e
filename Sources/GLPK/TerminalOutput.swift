import CGLPK

/// Routes GLPK's terminal output for the duration of one call sequence.
///
/// GLPK's output switch and hook live in the calling thread's environment, so they are set right before
/// each sequence of solver calls rather than once per process.
final class TerminalOutput {
    private let log: @Sendable (String) -> Void
    private var pending = ""

    private init(log: @escaping @Sendable (String) -> Void) {
        self.log = log
    }

    /// Silences GLPK on the calling thread (it prints to stdout by default).
    static func silence() {
        glp_term_hook(nil, nil)
        glp_term_out(GLP_OFF)
    }

    /// Runs `body` with GLPK's output sent line by line to `log`, or silenced when `log` is nil.
    /// `body` receives the message level to put into the solver's control parameters.
    static func routing<T>(to log: (@Sendable (String) -> Void)?, _ body: (Int32) throws -> T) rethrows -> T {
        guard let log else {
            silence()
            return try body(GLP_MSG_OFF)
        }
        let router = TerminalOutput(log: log)
        // The hook only fires while terminal output is on; returning non-zero keeps GLPK off stdout.
        glp_term_out(GLP_ON)
        glp_term_hook(terminalHook, Unmanaged.passUnretained(router).toOpaque())
        defer {
            silence()
            router.flush()
        }
        return try withExtendedLifetime(router) { try body(GLP_MSG_ON) }
    }

    /// GLPK hands over arbitrary fragments; only whole lines are forwarded.
    fileprivate func receive(_ fragment: String) {
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            log(String(pending[..<newline]))
            pending.removeSubrange(...newline)
        }
    }

    private func flush() {
        if !pending.isEmpty {
            log(pending)
            pending = ""
        }
    }
}

/// C entry point for `glp_term_hook`; `info` is the unretained `TerminalOutput` of the current call.
private func terminalHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    guard let info, let text else { return 1 }
    Unmanaged<TerminalOutput>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
    return 1
}
