import Foundation
import Testing
@testable import ScenarioFile

/// `extends` chains are followed iteratively with a limit, and only scenario files are read as
/// bases: another file is named, never quoted.
@Suite("Chains of extends")
struct ExtendsChainTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stdplan-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a chain of 3,000 overlays is refused at the 32nd link, quickly and without a stack overflow")
    func deepChain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for i in 0..<3000 {
            try "format: 1\nextends: c\(i + 1).yaml\n".write(to: folder.appendingPathComponent("c\(i).yaml"), atomically: false, encoding: .utf8)
        }
        try "format: 1\nextends: baseline\n".write(to: folder.appendingPathComponent("c3000.yaml"), atomically: false, encoding: .utf8)
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.loadScenario(path: folder.appendingPathComponent("c0.yaml").path) }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .extendsChain)
        #expect(problem.message.contains("longer than 32 files"))
        #expect(problem.key == "extends")
        #expect(problem.line == 2)
    }

    @Test("a chain of 31 overlays loads, every change applied")
    func longestChain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for i in 0..<31 {
            let next = i == 30 ? "baseline" : "c\(i + 1).yaml"
            try "format: 1\nextends: \(next)\nchanges:\n  - {name: d\(i), delay_start: {months: \(i)}}\n"
                .write(to: folder.appendingPathComponent("c\(i).yaml"), atomically: false, encoding: .utf8)
        }
        let scenario = try ScenarioLoader.loadScenario(path: folder.appendingPathComponent("c0.yaml").path)
        #expect(scenario.changes.count == 31)
        #expect(scenario.changes.first?.name == "d30")
    }

    static let secret = "root:$6$saltsalt$averysecrethashthatmustnotleak:19000:0:99999:7:::"

    @Test("extends of a file that is not a scenario names it and quotes nothing of it", arguments: [
        ("secrets.txt", "which is not a scenario file (.yaml or .yml)"),
        ("secrets.yaml", "is not a scenario file: it does not start with `format: 1`"),
        ("empty.yaml", "is not a scenario file: it is empty"),
    ])
    func notAScenario(_ name: String, _ message: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = name == "empty.yaml" ? "" : Self.secret + "\n" + Self.secret.replacingOccurrences(of: "root", with: "admin") + "\n"
        try content.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        try "format: 1\nextends: \(name)\n".write(to: folder.appendingPathComponent("what-if.yaml"), atomically: false, encoding: .utf8)
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.loadScenario(path: folder.appendingPathComponent("what-if.yaml").path) }
        let text = error?.description ?? ""
        #expect(text.contains(message), "\(text)")
        #expect(!text.contains("averysecrethash"), "the base's content leaked: \(text)")
        #expect(error?.problems.first?.code == .extendsChain)
        #expect(error?.problems.first?.line == 2)
    }

    @Test("a scenario that is not YAML quotes at most a short excerpt of a long line")
    func shortExcerpt() throws {
        let long = String(repeating: "x", count: 5000)
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.parse(yaml: long, file: "long.yaml") }
        let text = error?.description ?? ""
        #expect(text.count < 400, "\(text.count) characters")
        #expect(text.contains("xxxx…"))
    }
}
