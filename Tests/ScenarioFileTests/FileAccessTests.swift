import Foundation
import PlanModel
import ScenarioFile
import Testing

/// `ScenarioLoader.load(path:)` before any YAML is read: missing files, directories and
/// files that are not UTF-8 are distinct errors, and a good file's problems name its path.
@Suite("Reading files")
struct FileAccessTests {
    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a file that is not there is fileNotFound, naming the path")
    func missing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nope.yaml").path
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.load(path: path) }
        #expect(error == .fileNotFound(path: path))
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("no such file") == true)
        #expect(error?.problems.isEmpty == true)
    }

    @Test("a directory is unreadable, with a reason saying so")
    func directory() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.load(path: directory.path) }
        guard case .unreadable(let path, let reason)? = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == directory.path)
        #expect(reason.contains("directory"))
        #expect(error?.description.contains(directory.path) == true)
    }

    static let nonUTF8Files: [(String, [UInt8])] = [
        // 测试 in GBK, as a file saved by a Chinese-locale editor would be.
        ("GBK text", Array("name: ".utf8) + [0xB2, 0xE2, 0xCA, 0xD4] + [0x0A]),
        ("a stray 0xFF byte", Array("format: 1\nname: ".utf8) + [0xFF] + Array("x\n".utf8)),
        ("a truncated UTF-8 sequence", Array("name: ".utf8) + [0xE6, 0xB5] + [0x0A]),
    ]

    @Test("a file that is not UTF-8 is unreadable, with a reason saying so", arguments: nonUTF8Files)
    func notUTF8(_ name: String, _ bytes: [UInt8]) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("gbk.yaml")
        try Data(bytes).write(to: url)
        let error = #expect(throws: ScenarioFileError.self, "\(name)") { try ScenarioLoader.load(path: url.path) }
        guard case .unreadable(let path, let reason)? = error else {
            Issue.record("\(name): expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
        #expect(reason.contains("UTF-8"))
    }

    @Test("a valid file loads from disk, the same as parsing its text")
    func loadsFromDisk() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("场景 scenario.yaml")
        try Fixture.valid.write(to: url, atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader.load(path: url.path)
        #expect(loaded == (try ScenarioLoader.parse(yaml: Fixture.valid, file: "other name")))
    }

    @Test("problems in a file on disk carry its path as given")
    func problemsNameThePath() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bad.yaml")
        try Fixture.valid.replacingOccurrences(of: "urgency: 4", with: "urgency: 9").write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.load(path: url.path) }
        let problem = try #require(error?.problems.first)
        #expect(problem.file == url.path)
        #expect(problem.description.hasPrefix("\(url.path):\(problem.line ?? 0):\(problem.column ?? 0): error: standards[2].urgency: "))
    }

    @Test("an empty file on disk is reported as empty, not as unreadable")
    func emptyOnDisk() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("empty.yaml")
        try Data().write(to: url)
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.load(path: url.path) }
        #expect(error?.problems.map(\.message) == ["the file is empty"])
    }

    @Test("a UTF-8 byte-order mark does not break the file")
    func byteOrderMark() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bom.yaml")
        try Data([0xEF, 0xBB, 0xBF] + Array(Fixture.valid.utf8)).write(to: url)
        let portfolio = try ScenarioLoader.load(path: url.path)
        #expect(portfolio.name == "测试 / test")
    }
}
