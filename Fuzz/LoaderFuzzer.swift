// libFuzzer entry point for the scenario and status loaders (Scripts/fuzz-loaders builds it with
// `-sanitize=fuzzer,address` together with PlanModel, ScenarioFile and Yams; it is not part of
// the Swift package, so a normal `swift build` never compiles it).
//
// Every input is read three ways: as a scenario, as a what-if overlay of the built-in baseline
// (a top-level `extends: baseline` is put in front), and as a status file of the baseline. The
// loaders must answer every input with a portfolio or a list of problems, never a trap, a hang
// or a memory blow-up; libFuzzer reports crashes, and `-timeout`/`-rss_limit_mb` hangs and
// blow-ups. Problem texts are rendered too, since they quote the input.
import PlanModel
import ScenarioFile

private let baseline: Portfolio = {
    do { return try ScenarioLoader.builtinBaseline() } catch { fatalError("the built-in baseline does not load: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    exercise { try ScenarioLoader.parse(yaml: text, file: "fuzz.yaml") }
    if !text.contains("extends") {
        exercise { try ScenarioLoader.parse(yaml: "extends: baseline\n" + text, file: "fuzz-overlay.yaml") }
    }
    exercise { try StatusFileLoader.parse(yaml: text, file: "fuzz-status.yaml", for: baseline) }
    return 0
}

/// Runs one load and renders whatever it produced, as the CLI would.
private func exercise<T>(_ load: () throws -> T) {
    do {
        _ = try load()
    } catch let error as ScenarioFileError {
        _ = error.description
        for problem in error.problems { _ = problem.description }
    } catch {
        _ = "\(error)"
    }
}
