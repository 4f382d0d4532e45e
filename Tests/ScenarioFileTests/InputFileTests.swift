import Foundation
import Testing
@testable import ScenarioFile

/// Input files are read only when they are regular files of a sane size: a device, a pipe or a
/// huge file is refused before anything is read, so no input can exhaust memory or hang.
@Suite("Input files")
struct InputFileTests {
    @Test("a device such as /dev/zero is not read (it never ends)", arguments: ["/dev/zero", "/dev/urandom"])
    func device(_ path: String) throws {
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.load(path: path) }
        #expect(error == .notRegularFile(path: path))
        #expect(error?.code == .notRegularFile)
    }

    @Test("a named pipe is refused without waiting for a writer")
    func fifo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stdplan-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect(throws: ScenarioFileError.notRegularFile(path: path)) { try ScenarioLoader.load(path: path) }
    }

    @Test("a file larger than 64 MiB is refused before it is read")
    func tooLarge() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stdplan-big-\(UUID().uuidString).yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("format: 1\n".utf8)))
        defer { unlink(path) }
        #expect(truncate(path, off_t(InputLimits.fileBytes + 1)) == 0)  // sparse: instant, takes no disk
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.load(path: path) }
        guard case .tooLarge(let reported, _, let limit)? = error else {
            Issue.record("expected .tooLarge, got \(String(describing: error))")
            return
        }
        #expect(reported == path)
        #expect(limit == InputLimits.fileBytes)
        #expect(error?.description.contains("SP-E0004") == true)
    }

    @Test("status files go through the same reader")
    func statusFile() throws {
        let baseline = try ScenarioLoader.builtinBaseline()
        #expect(throws: ScenarioFileError.notRegularFile(path: "/dev/zero")) { try StatusFileLoader.load(path: "/dev/zero", for: baseline) }
    }
}
