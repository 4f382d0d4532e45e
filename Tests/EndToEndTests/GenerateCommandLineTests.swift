import Foundation
import Testing

/// `stdplan generate` as a user runs it: the same bytes for the same options, a file that
/// `plan` and `check` accept, and clear refusals.
@Suite("stdplan generate on the command line")
struct GenerateCommandLineTests {
    typealias CLI = CommandLineTests

    @Test("the same options print the same bytes; the file plans, and the plan passes check")
    func generatePlanCheck() throws {
        let arguments = ["generate", "--standards", "30", "--units", "12", "--seed", "3"]
        let first = try CLI.run(arguments), second = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("# Synthetic portfolio, made by: stdplan generate --standards 30 --units 12 --seed 3\n"))
        #expect(first.stdout.contains("\nformat: 1\n"))
        #expect(try CLI.run(["generate", "--standards", "30", "--units", "12", "--seed", "4"]).stdout != first.stdout)

        let directory = try CLI.temporaryDirectory()
        let scenario = directory.appendingPathComponent("s30.yaml").path
        let written = try CLI.run(arguments + ["--output", scenario])
        #expect(written.status == 0)
        #expect(written.stderr.contains("30 standards"))
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == first.stdout)
        let planFile = directory.appendingPathComponent("plan.json").path
        let plan = try CLI.run(["plan", scenario, "--format", "json", "--output", planFile, "--time-limit", "10"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let check = try CLI.run(["check", scenario, planFile])
        #expect(check.status == 0, "\(check.stderr)")

        // The file carries duration uncertainty, so the risk analysis has something to draw.
        let risk = try CLI.run(["risk", scenario, "--samples", "200", "--time-limit", "10"])
        #expect(risk.status == 0, "\(risk.stderr)")
        #expect(!risk.stdout.contains("No phase duration is uncertain"), "\(risk.stdout)")
        #expect(first.stdout.contains("\nuncertainty:\n  life_cycle:\n    initiation: {optimistic: 1, pessimistic: 4, distribution: pert}\n"))

        let again = try CLI.run(arguments + ["--output", scenario])
        #expect(again.status == 73, "an existing file is never overwritten")
    }

    @Test("options out of range are a command-line error (64) naming each problem", arguments: [
        (["--standards", "0"], "standards must be 1 to"),
        (["--standards", "10", "--units", "0"], "units must be 1 to"),
        (["--standards", "10", "--review-bodies", "3"], "review bodies must be 1 or 2"),
        (["--standards", "10", "--plan-start", "2026-13"], "--plan-start must be a month"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let run = try CLI.run(["generate"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
