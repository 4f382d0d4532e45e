import Foundation
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What stdplan knows about the terminal it runs in: whether standard output and standard error
/// are terminals, how wide, and whether colour is wanted.
enum Terminal {
    /// True when `descriptor` is a terminal (not a pipe or a file).
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The width of the terminal on `descriptor` (ioctl TIOCGWINSZ), nil when it is not a
    /// terminal or does not say.
    static func columns(of descriptor: Int32) -> Int? {
        guard isTerminal(descriptor) else { return nil }
        var size = winsize()
        #if canImport(Glibc)
        let code = ioctl(descriptor, UInt(TIOCGWINSZ), &size)
        #else
        let code = ioctl(descriptor, TIOCGWINSZ, &size)
        #endif
        guard code == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `COLUMNS` from the environment, when it is a positive whole number.
    static var columnsVariable: Int? {
        guard let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 else { return nil }
        return value
    }

    /// The width tables are laid out for: the terminal's when standard output is one (and the
    /// report goes there), else `COLUMNS`, else 100.
    static func width(toStandardOutput: Bool) -> Int {
        (toStandardOutput ? columns(of: STDOUT_FILENO) : nil) ?? columnsVariable ?? TerminalLayout.defaultWidth
    }

    /// The layout of a report printed on standard error (a plan without a schedule, as the
    /// reason a command stops): the width of the terminal there, else `COLUMNS`, else 100; no colour.
    static var standardErrorLayout: TerminalLayout {
        TerminalLayout(width: columns(of: STDERR_FILENO) ?? columnsVariable ?? TerminalLayout.defaultWidth)
    }

    /// Colour is shown only on a terminal, and never when `NO_COLOR` is set (https://no-color.org)
    /// or `TERM` is `dumb`.
    static func colourWanted(on descriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(descriptor)
    }
}
