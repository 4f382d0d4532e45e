import Foundation
import Testing
@testable import ScenarioFile

/// Inputs that once crashed, hung or leaked in the fuzzer or the reliability report
/// (Tests/Fuzz), read as a scenario, an overlay and a status file: each must be answered with
/// problems or a portfolio within a second.
@Suite("Fuzzing regressions")
struct FuzzRegressionTests {
    static let folder = Fixture.packageRoot().appendingPathComponent("Tests/Fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("every regression input is answered quickly, as a scenario, an overlay and a status file", arguments: inputs)
    func input(_ name: String) throws {
        let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(name)), as: UTF8.self)
        let baseline = try ScenarioLoader.builtinBaseline()
        let clock = ContinuousClock()
        let started = clock.now
        _ = try? ScenarioLoader.parseScenario(yaml: text, file: name)
        _ = try? ScenarioLoader.parseScenario(yaml: "extends: baseline\n" + text, file: name)
        _ = try? StatusFileLoader.parse(yaml: text, file: name, for: baseline)
        #expect(clock.now - started < .seconds(1))
    }

    @Test("the regression inputs are there")
    func present() {
        #expect(Self.inputs.count >= 2)
    }
}
