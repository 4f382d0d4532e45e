import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file whole, refusing what could exhaust memory or never end: anything but a
/// regular file (a device such as /dev/zero, a pipe, a socket, a directory) and files larger
/// than ``InputLimits/fileBytes``. The file is opened once and checked through that descriptor,
/// so it cannot be swapped between the check and the read.
public enum InputFile {
    /// The bytes of the file at `path`; throws ``ScenarioFileError`` (`fileNotFound`, `unreadable`).
    public static func data(path: String, limit: Int = InputLimits.fileBytes) throws -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw ScenarioFileError.fileNotFound(path: path) }
            throw ScenarioFileError.unreadable(path: path, reason: reason(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ScenarioFileError.unreadable(path: path, reason: reason(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ScenarioFileError.unreadable(path: path, reason: "it is a directory; name a .yaml file in it")
        default: throw ScenarioFileError.notRegularFile(path: path)
        }
        guard Int(info.st_size) <= limit else { throw ScenarioFileError.tooLarge(path: path, bytes: Int(info.st_size), limit: limit) }
        // Read to the end, but never past the limit even if the file grows while being read.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ScenarioFileError.unreadable(path: path, reason: reason(errno))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit { throw ScenarioFileError.tooLarge(path: path, bytes: data.count, limit: limit) }
        }
        return data
    }

    /// The file at `path` as UTF-8 text.
    public static func text(path: String, limit: Int = InputLimits.fileBytes) throws -> String {
        let data = try data(path: path, limit: limit)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioFileError.unreadable(path: path, reason: "not UTF-8 text; save the file as UTF-8")
        }
        return text
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a directory; name a .yaml file in it"
        default: String(cString: strerror(code))
        }
    }
}
