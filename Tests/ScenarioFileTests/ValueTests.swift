import PlanModel
import ScenarioFile
import Testing

/// Values of the right kind but outside what they may be: durations, urgency, capacities,
/// months and the format version.
@Suite("Out-of-range and malformed values")
struct ValueTests {
    // MARK: durations

    static let durations: [BadInput] = [0, -3].flatMap { months -> [BadInput] in [
        BadInput(
            name: "life-cycle phase months: \(months)",
            edits: [Edit("months: 8", "months: \(months)  #!")],
            key: "life_cycle[1].months",
            message: ["at least one month", "found \(months)"],
            hint: ["≥ 1"]),
        BadInput(
            name: "phase override months: \(months)",
            edits: [Edit("drafting: {months: 10}", "drafting: {months: \(months)}  #!")],
            key: "standards[2].phases.drafting.months",
            message: ["at least one month", "found \(months)"],
            hint: ["≥ 1"]),
    ] }

    @Test("a duration must be at least one month", arguments: durations)
    func nonPositiveDuration(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    @Test("a duration that is not a number names the value", arguments: ["eight", "2.5", "[8]"])
    func nonNumericDuration(_ value: String) throws {
        let problem = try expectSingleProblem(BadInput(
            name: "months: \(value)", edits: [Edit("months: 8", "months: \(value)  #!")],
            key: "life_cycle[1].months", message: ["a duration in months"]))
        if value != "[8]" { #expect(problem?.message.contains("'\(value)'") == true) }
    }

    // MARK: urgency

    @Test("urgency must be 1 to 5 stars", arguments: [0, 6, -1, 10])
    func urgencyOutOfRange(_ urgency: Int) throws {
        try expectSingleProblem(BadInput(
            name: "urgency \(urgency)",
            edits: [Edit("urgency: 4", "urgency: \(urgency)  #!")],
            key: "standards[2].urgency",
            message: ["\(urgency) is out of range", "1 to 5"]))
    }

    @Test("urgency 1 and 5 are the accepted extremes", arguments: [1, 5])
    func urgencyBounds(_ urgency: Int) throws {
        let text = try apply([Edit("urgency: 4", "urgency: \(urgency)")], to: Fixture.valid)
        let portfolio = try ScenarioLoader.parse(yaml: text, file: Fixture.file)
        #expect(portfolio.standard("ops-maturity")?.urgency == urgency)
    }

    // MARK: capacities

    static let missingCapacity: [BadInput] = [
        BadInput(
            name: "unit without capacity",
            edits: [Edit("  - id: guosen\n    name: 国信证券股份有限公司\n    capacity: 1\n",
                         "  - id: guosen  #!\n    name: 国信证券股份有限公司\n")],
            key: "units[1].capacity",
            message: ["missing required key 'capacity'"],
            hint: ["every unit needs `capacity:`"]),
        BadInput(
            name: "resource without capacity",
            edits: [Edit("  - id: wg-review\n    name: 技术管理专业工作组评审\n    capacity: 3\n",
                         "  - id: wg-review  #!\n    name: 技术管理专业工作组评审\n")],
            key: "resources[0].capacity",
            message: ["missing required key 'capacity'"],
            hint: ["every resource needs `capacity:`"]),
        BadInput(
            name: "negative unit capacity",
            edits: [Edit("    capacity: 2\n", "    capacity: -1  #!\n")],
            key: "units[0].capacity",
            message: ["-1 is out of range", "0 to 1,000,000"]),
        BadInput(
            name: "non-numeric resource capacity",
            edits: [Edit("    capacity: 3\n", "    capacity: many  #!\n")],
            key: "resources[0].capacity",
            message: ["'many'", "capacity"]),
        BadInput(
            name: "negative capacity change",
            edits: [Edit("{from: 2023-07, value: 4}", "{from: 2023-07, value: -2}  #!")],
            key: "resources[0].capacity_changes[0].value",
            message: ["-2 is out of range"]),
    ]

    @Test("units and resources need a capacity ≥ 0", arguments: missingCapacity)
    func capacity(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    // MARK: months

    struct MonthSite: Sendable, CustomTestStringConvertible {
        var needle: String
        var key: String
        var testDescription: String { key }
    }

    static let monthSites: [MonthSite] = [
        MonthSite(needle: "plan_start: 2022-01", key: "plan_start"),
        MonthSite(needle: "horizon_end: 2027-12", key: "horizon_end"),
        MonthSite(needle: "published: 2012-12", key: "standards[0].published"),
        MonthSite(needle: "since: 2021-06", key: "standards[1].since"),
        MonthSite(needle: "earliest_start: 2022-03", key: "standards[2].earliest_start"),
    ]

    @Test("a bad month names the value and shows the YYYY-MM form",
          arguments: ["2022-13", "22-01", "soon", "2022-00", "2022/01", "2022-01-15"], monthSites)
    func badMonth(_ value: String, _ site: MonthSite) throws {
        let key = site.needle.components(separatedBy: ":")[0]
        try expectSingleProblem(BadInput(
            name: "\(site.key): \(value)",
            edits: [Edit(site.needle, "\(key): \(value)  #!")],
            key: site.key,
            message: ["expected a month", "'\(value)'"],
            hint: ["YYYY-MM"]))
    }

    @Test("a bad month in a flow-style capacity change", arguments: ["2022-13", "22-01", "soon"])
    func badCapacityChangeMonth(_ value: String) throws {
        try expectSingleProblem(BadInput(
            name: "from: \(value)",
            edits: [Edit("{from: 2023-07, value: 4}", "{from: \(value), value: 4}  #!")],
            key: "resources[0].capacity_changes[0].from",
            message: ["'\(value)'"],
            hint: ["YYYY-MM"]))
    }

    @Test("months may be written YYYY-M", arguments: ["2022-1", "2022-01"])
    func shortMonth(_ value: String) throws {
        let text = try apply([Edit("plan_start: 2022-01", "plan_start: \(value)")], to: Fixture.valid)
        #expect(try ScenarioLoader.parse(yaml: text, file: Fixture.file).planStart == Month(year: 2022, month: 1))
    }

    // MARK: format version

    @Test("only format 1 is read", arguments: ["2", "0", "one", "1.0"])
    func wrongFormat(_ value: String) throws {
        try expectSingleProblem(BadInput(
            name: "format: \(value)",
            edits: [Edit("format: 1", "format: \(value)  #!")],
            key: "format",
            message: ["unsupported format", "'\(value)'"],
            hint: ["format: 1"]))
    }
}
