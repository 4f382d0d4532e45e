import Foundation
import Reports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report to standard output or to a new file, never replacing an existing file and
/// never leaving a partial one.
///
/// A file is written whole to a temporary file in the same folder (created with `O_EXCL`, so
/// it is new), flushed to disk, then linked under its name with `link()`, which fails if the
/// name exists: no window between checking and creating, and no existing file is ever
/// replaced. The temporary name is removed on success and on every failure. On a file system
/// without hard links, the report is written to the new name itself (`O_EXCL`) and removed
/// again if writing fails. Write errors (disk full, file-size limit, a closed pipe) become
/// ``OutputError``s; Ctrl-C waits until the file is complete or removed (``Interrupt``).
enum Output {
    /// The name standard output has in messages.
    static let standardOutput = "standard output"

    /// Writes a report in `format`: the human formats (table, Markdown) with every control
    /// character escaped, whatever text went into them (names, messages quoting input).
    static func write(_ text: String, format: PlanFormat, to path: String?) throws(OutputError) {
        let safe = format == .table || format == .markdown ? Escaping.terminal(text, keepingLineBreaks: true) : text
        try write(safe, to: path)
    }

    static func write(_ text: String, to path: String?) throws(OutputError) {
        let bytes = Array(text.utf8)
        try Interrupt.deferring { () throws(OutputError) in
            guard let path else {
                try writeAll(bytes, to: STDOUT_FILENO, name: standardOutput)
                return
            }
            try writeFile(bytes, path: path)
        }
    }

    private static func writeFile(_ bytes: [UInt8], path: String) throws(OutputError) {
        if access(path, F_OK) == 0 { throw .exists(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "" : directory + "/") + ".\(name).stdplan-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let code = errno
            // No temporary file possible (a read-only folder, say): report it as the output's problem.
            throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The temporary name goes in every case: on success the file lives on under `path`.
        defer { unlink(temporary) }
        do {
            defer { close(fd) }
            _ = fchmod(fd, 0o644)
            try writeAll(bytes, to: fd, name: path)
            guard fsync(fd) == 0 || errno == EINVAL || errno == EROFS else { throw OutputError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        }
        if link(temporary, path) == 0 { return }
        let code = errno
        switch code {
        case EEXIST: throw .exists(path: path)
        case EPERM, EOPNOTSUPP, EXDEV, EMLINK, ENOSYS:
            try writeDirectly(bytes, path: path)
        default:
            throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// For file systems without hard links: create `path` with `O_EXCL`, write, remove it if that fails.
    private static func writeDirectly(_ bytes: [UInt8], path: String) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            let code = errno
            if code == EEXIST { throw .exists(path: path) }
            throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
        do {
            defer { close(fd) }
            try writeAll(bytes, to: fd, name: path)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Writes every byte, retrying after interruptions and partial writes.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32, name: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, min(bytes.count - offset, 1 << 20))
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = errno
            if written < 0, code == EINTR { continue }
            if written < 0, code == EAGAIN {
                usleep(1000)  // a non-blocking descriptor that is full: wait for the reader
                continue
            }
            if code == EPIPE { throw .closed }
            throw .writeFailed(path: name, reason: written == 0 ? "nothing could be written" : String(cString: strerror(code)))
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
