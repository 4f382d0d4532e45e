import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a report to standard output or to a new file, never replacing an existing one.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // O_EXCL: creating fails if the file exists, with no window between checking and creating.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 {
            let code = errno
            if code == EEXIST { throw OutputError.exists(path: path) }
            throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(code)))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(text.utf8))
    }
}
