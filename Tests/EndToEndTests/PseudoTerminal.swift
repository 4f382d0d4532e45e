import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `stdplan` with its standard output and/or standard error on a pseudo-terminal
/// of a given width, as a user's terminal would be, and records what the terminal received and
/// when it first received anything. The streams not on the terminal are pipes.
enum PseudoTerminal {
    struct Run {
        var status: Int32
        /// Everything written to the terminal, byte for byte (output post-processing is off, so
        /// a line break is "\n" as written, not "\r\n").
        var terminal: String
        /// Standard output when it was a pipe.
        var stdout: String
        /// Standard error when it was a pipe.
        var stderr: String
        /// Seconds from the start until the terminal first received something.
        var firstOutput: Double?
        /// Seconds the run took.
        var seconds: Double
    }

    /// Runs `arguments` from the package root, with standard output on the terminal when
    /// `stdout` and standard error when `stderr`, `columns` wide. `COLUMNS` and `NO_COLOR` are
    /// removed from the environment unless `environment` sets them.
    static func run(_ arguments: [String], columns: Int = 100, stdout: Bool, stderr: Bool,
                    environment: [String: String] = [:]) throws -> Run {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw CocoaError(.fileWriteUnknown) }
        // Close-on-exec, so that processes other tests start meanwhile do not hold the terminal open.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var settings = termios()
        tcgetattr(slave, &settings)
        settings.c_oflag &= ~tcflag_t(OPOST)  // bytes as written: no "\n" → "\r\n"
        tcsetattr(slave, TCSANOW, &settings)

        let process = Process()
        process.executableURL = try CommandLineTests.binary()
        process.arguments = arguments
        process.currentDirectoryURL = CommandLineTests.root
        var variables = ProcessInfo.processInfo.environment
        variables["COLUMNS"] = nil
        variables["NO_COLOR"] = nil
        variables["TERM"] = "xterm"
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = stdout ? terminal : outPipe
        process.standardError = stderr ? terminal : errPipe
        process.standardInput = FileHandle.nullDevice

        let received = Collected()
        let reading = master
        let done = DispatchSemaphore(value: 0)
        let clock = ContinuousClock()
        let started = clock.now
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(reading, &buffer, buffer.count)
                if count <= 0 { break }  // EIO once the child has exited and every slave is closed
                received.append(buffer[0..<count], at: clock.now - started)
            }
            done.signal()
        }
        try process.run()
        close(slave)
        // Only the pipes the child holds: reading one it does not have would wait forever.
        let out = stdout ? Data() : outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = stderr ? Data() : errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = clock.now - started
        done.wait()
        close(master)
        func value(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        return Run(status: process.terminationStatus, terminal: String(decoding: received.bytes, as: UTF8.self),
                   stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                   firstOutput: received.first.map(value), seconds: value(seconds))
    }

    /// The lines a terminal shows: split at line breaks and carriage returns (a progress line
    /// redrawn in place), without colour and erase escapes.
    static func displayedLines(_ text: String) -> [String] {
        withoutEscapes(text).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.map(String.init)
    }

    /// `text` without ANSI escape sequences (colour, erase line).
    static func withoutEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

/// Bytes read from the terminal by the reader thread, and when the first arrived.
private final class Collected: @unchecked Sendable {
    // Guarded by `lock`; @unchecked because the compiler cannot see that.
    private let lock = NSLock()
    private var data: [UInt8] = []
    private var firstAt: Duration?

    func append(_ chunk: ArraySlice<UInt8>, at time: Duration) {
        lock.lock()
        if firstAt == nil { firstAt = time }
        data += chunk
        lock.unlock()
    }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return data
    }

    var first: Duration? {
        lock.lock()
        defer { lock.unlock() }
        return firstAt
    }
}
