import ArgumentParser
import Reports

/// stdplan: plans a programme of standards with an optimizer that proves its answers.
@main
struct StdPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stdplan",
        abstract: "Plan a standards programme: an optimal, validated schedule from GLPK.",
        discussion: """
            Without a scenario file, commands use the built-in 2022–2025 plan of the securities and \
            futures industry's technology-management standards (Scenarios/baseline.yaml).

            Examples:
              stdplan plan                                  plan the built-in baseline
              stdplan plan Scenarios/baseline.yaml --format markdown
              stdplan plan my.yaml --format json --output plan.json
              stdplan check Scenarios/baseline.yaml plan.json
              stdplan compare Scenarios/baseline.yaml Scenarios/what-if/*.yaml
              stdplan sweep --vary resource:wg-review=1..6
              stdplan bottlenecks
              stdplan risk --samples 10000 --seed 7
              stdplan replan --status Scenarios/status/2025-12.yaml
              stdplan bench psplib path/to/psplib/j30

            Tables fit the terminal (else COLUMNS, else 100 columns; --wide for every column); \
            on a terminal, progress goes to standard error (--quiet for none) and late rows are \
            coloured (--no-color or NO_COLOR for none). A scenario of - is read from standard \
            input; --output - writes to standard output.

            Exit codes: 0 success; 1 solver or internal failure; 2 `check` found a schedule \
            that breaks the scenario's rules, or `bench` found an ERROR (a makespan below a \
            proven optimum, an optimality claim above it, or an invalid schedule); 3 the plan is \
            infeasible (the report says which relaxations would make it feasible; `check`: the plan \
            document records an infeasible plan); 4 time limit without a schedule (`check`: the \
            document records one); 5 `compare` or `sweep`: some scenario or value has no schedule \
            (the report marks it); 64 bad command line; 65 bad input file (every problem is listed); \
            66 input file missing or unreadable; 73 output file exists (never overwritten) or \
            cannot be created; 74 writing the output failed (disk full, file-size limit, closed \
            standard output; no partial file is left); 130 interrupted by Ctrl-C (the best \
            schedule so far is printed). Every error message ends with a code such as \
            [SP-E0104], explained in docs/errors.md.
            """,
        // Each family of commands registers itself in its own file (CommandFamilies*.swift).
        version: Generator.version,
        subcommands: [PlanCommand.self, CheckCommand.self] + whatIfCommands + riskCommands + documentCommands + benchmarkCommands,
        defaultSubcommand: nil
    )

    /// Installs the signal handling (Ctrl-C, closed pipes) before any command runs.
    static func main() {
        Interrupt.install()
        main(nil)
    }
}
