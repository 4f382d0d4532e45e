import PlanModel
import ScenarioFile
import Testing

/// Keys: unknown ones (a typo must not silently change a plan), missing required ones,
/// conflicting ones and keys given twice.
@Suite("Unknown, missing and conflicting keys")
struct KeyTests {
    // MARK: unknown keys

    static let unknownKeys: [BadInput] = [
        BadInput(
            name: "unknown top-level key (typo)",
            edits: [Edit("horizon_end: 2027-12\n", "horizon_end: 2027-12\nobjectve: {completion: 2}  #!\n")],
            key: "objectve",
            message: ["unknown key 'objectve'"],
            hint: ["did you mean 'objective'?", "allowed here:", "standards"]),
        BadInput(
            name: "unknown top-level key (no near match)",
            edits: [Edit("horizon_end: 2027-12\n", "horizon_end: 2027-12\nauthor: 张三  #!\n")],
            key: "author",
            message: ["unknown key 'author'"],
            hint: ["allowed here: format, name, plan_start"]),
        BadInput(
            name: "unknown standard key (typo)",
            edits: [Edit("    target_year: 2022\n", "    target_year: 2022\n    refrence: JR/T 0000—2025  #!\n")],
            key: "standards[3].refrence",
            message: ["unknown key 'refrence'"],
            hint: ["did you mean 'reference'?"]),
        BadInput(
            name: "unknown standard key: lead_unit misspelt as lead_units' neighbour",
            edits: [Edit("    earliest_start: 2022-03\n", "    earliest_start: 2022-03\n    earliest_strat: 2022-04  #!\n")],
            key: "standards[2].earliest_strat",
            message: ["unknown key 'earliest_strat'"],
            hint: ["did you mean 'earliest_start'?"]),
        BadInput(
            name: "unknown unit key",
            edits: [Edit("    capacity: 2\n", "    capacity: 2\n    capcity: 3  #!\n")],
            key: "units[0].capcity",
            message: ["unknown key 'capcity'"],
            hint: ["did you mean 'capacity'?"]),
        BadInput(
            name: "unknown phase key",
            edits: [Edit("    months: 8\n", "    months: 8\n    unit_loads: 1  #!\n")],
            key: "life_cycle[1].unit_loads",
            message: ["unknown key 'unit_loads'"],
            hint: ["did you mean 'unit_load'?"]),
        BadInput(
            name: "unknown dependency key",
            edits: [Edit("        lag: 1\n", "        lag: 1\n        delay: 2  #!\n")],
            key: "standards[2].after[1].delay",
            message: ["unknown key 'delay'"],
            hint: ["standard, phase, starts, lag"]),
        BadInput(
            name: "unknown objective key",
            edits: [Edit("horizon_end: 2027-12\n", "horizon_end: 2027-12\nobjective:\n  completions: 1  #!\n")],
            key: "objective.completions",
            message: ["unknown key 'completions'"],
            hint: ["did you mean 'completion'?"]),
        BadInput(
            name: "unknown key in a phase override",
            edits: [Edit("drafting: {months: 10}", "drafting: {month: 10}  #!")],
            key: "standards[2].phases.drafting.month",
            message: ["unknown key 'month'"],
            hint: ["did you mean 'months'?"]),
    ]

    @Test("an unknown key is an error, with a did-you-mean for a typo", arguments: unknownKeys)
    func unknownKey(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    @Test("a misspelt required key is reported both as unknown and as missing")
    func misspeltRequiredKey() throws {
        let text = try apply([Edit("urgency: 4", "urgncy: 4  #!")], to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.count == 2, "\(found)")
        let unknown = try #require(found.first { $0.key == "standards[2].urgncy" })
        #expect(try unknown.line == line(of: "#!", in: text))
        #expect(unknown.hint?.contains("did you mean 'urgency'?") == true)
        let missing = try #require(found.first { $0.key == "standards[2].urgency" })
        #expect(missing.message == "missing required key 'urgency'")
        #expect(try missing.line == line(of: "  - id: ops-maturity", in: text))
    }

    // MARK: missing keys

    static let topLevelRequired = ["format", "name", "plan_start", "horizon_end", "units", "life_cycle", "standards"]

    @Test("a missing top-level key is reported at line 1 with a hint", arguments: topLevelRequired)
    func missingTopLevel(_ key: String) throws {
        // Remove the key and everything indented under it.
        var lines = Fixture.valid.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("\(key):") })
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].isEmpty { end += 1 }
        lines.removeSubrange(start..<end)
        let found = try problems(in: lines.joined(separator: "\n"))
        // Removing units or the life cycle also orphans references to them; exactly one
        // problem must be about the missing key itself.
        let missing = found.filter { $0.message == "missing required key '\(key)'" }
        #expect(missing.count == 1, "\(found)")
        let problem = try #require(missing.first)
        #expect(problem.key == key)
        #expect(problem.line == 1 && problem.column == 1)
        #expect(problem.hint?.isEmpty == false)
        #expect(found.first == problem, "problems at line 1 come first")
    }

    static let standardRequired: [BadInput] = [
        BadInput(name: "standard without id", edits: [Edit("    id: dt-general\n", "")],
                 key: "standards[3].id", message: ["missing required key 'id'"], lineOf: Fixture.dtGeneralItem),
        BadInput(name: "standard without name", edits: [Edit("  - name: 证券期货业数字化转型通用要求\n    id: dt-general\n", "  - id: dt-general  #!\n")],
                 key: "standards[3].name", message: ["missing required key 'name'"]),
        BadInput(name: "standard without category", edits: [Edit("    category: digital-transformation\n", "")],
                 key: "standards[3].category", message: ["missing required key 'category'"], lineOf: Fixture.dtGeneralItem),
        BadInput(name: "planned standard without urgency", edits: [Edit("    urgency: 5\n", "")],
                 key: "standards[3].urgency", message: ["missing required key 'urgency'"], hint: ["1 to 5"],
                 lineOf: Fixture.dtGeneralItem),
        BadInput(name: "planned standard without target_year", edits: [Edit("    target_year: 2022\n", "")],
                 key: "standards[3].target_year", message: ["missing required key 'target_year'"], hint: ["year"],
                 lineOf: Fixture.dtGeneralItem),
        BadInput(name: "planned standard without lead unit", edits: [Edit("    target_year: 2022\n    lead_unit: shfe\n", "    target_year: 2022\n")],
                 key: "standards[3].lead_unit", message: ["missing lead unit"], hint: ["lead_unit", "lead_units"],
                 lineOf: Fixture.dtGeneralItem),
        BadInput(name: "published standard without its month", edits: [Edit("    published: 2012-12\n", "")],
                 key: "standards[0].published", message: ["missing required key 'published'"], hint: ["published: 2022-04"],
                 lineOf: "  - id: jrt-0099"),
        BadInput(name: "in-progress standard without current_phase", edits: [Edit("    current_phase: drafting\n", "")],
                 key: "standards[1].current_phase", message: ["missing required key 'current_phase'"], hint: ["current_phase: drafting"],
                 lineOf: "  - id: ops-automation"),
        BadInput(name: "in-progress standard without since", edits: [Edit("    since: 2021-06\n", "")],
                 key: "standards[1].since", message: ["missing required key 'since'"], hint: ["since: 2021-06"],
                 lineOf: "  - id: ops-automation"),
        BadInput(name: "phase without months", edits: [Edit("    name: 发布\n    months: 1\n", "    name: 发布\n")],
                 key: "life_cycle[3].months", message: ["missing required key 'months'"], lineOf: "  - id: publication"),
        BadInput(name: "unit without name", edits: [Edit("    name: 上海期货交易所\n", "")],
                 key: "units[0].name", message: ["missing required key 'name'"], lineOf: "  - id: shfe"),
        BadInput(name: "dependency without standard", edits: [Edit("      - standard: ops-automation\n        phase:", "      - phase:")],
                 key: "standards[2].after[1].standard", message: ["missing required key 'standard'"],
                 lineOf: "      - phase: consultation"),
    ]

    @Test("a missing required key is reported at its owner's line", arguments: standardRequired)
    func missingNested(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    @Test("a published standard needs neither urgency, target year nor lead unit")
    func publishedNeedsLess() throws {
        let text = try apply([Edit("    reference: JR/T 0099—2012\n    lead_unit: shfe\n", "")], to: Fixture.valid)
        let standard = try #require(try ScenarioLoader.parse(yaml: text, file: Fixture.file).standard("jrt-0099"))
        #expect(standard.leadUnits.isEmpty)
        #expect(standard.targetYear == nil)
        #expect(standard.reference == nil)
    }

    // MARK: conflicting keys

    @Test("lead_unit and lead_units together are rejected")
    func bothLeadUnitKeys() throws {
        try expectSingleProblem(BadInput(
            name: "both",
            edits: [Edit("    target_year: 2022\n    lead_unit: shfe\n", "    target_year: 2022\n    lead_unit: shfe\n    lead_units: [guosen]  #!\n")],
            key: "standards[3].lead_units",
            message: ["both lead_unit and lead_units"],
            hint: ["not both"]))
    }

    static let statusMismatches: [BadInput] = [
        BadInput(name: "current_phase on a planned standard",
                 edits: [Edit("    target_year: 2022\n", "    target_year: 2022\n    current_phase: drafting  #!\n")],
                 key: "standards[3].current_phase", message: ["'current_phase'", "in_progress"]),
        BadInput(name: "published month on a planned standard",
                 edits: [Edit("    target_year: 2022\n", "    target_year: 2022\n    published: 2021-05  #!\n")],
                 key: "standards[3].published", message: ["'published'", "status: published"]),
        BadInput(name: "unknown status",
                 edits: [Edit("status: in_progress", "status: in-progress  #!")],
                 key: "standards[1].status", message: ["unknown status 'in-progress'"], hint: ["in_progress"]),
        BadInput(name: "an empty list of candidates",
                 edits: [Edit("lead_units: [shfe, guosen]", "lead_units: []  #!")],
                 key: "standards[2].lead_units", message: ["no candidate lead units"]),
        BadInput(name: "a candidate listed twice",
                 edits: [Edit("lead_units: [shfe, guosen]", "lead_units: [shfe, guosen, shfe]  #!")],
                 key: "standards[2].lead_units[2]", message: ["'shfe'", "listed twice"]),
    ]

    @Test("keys that contradict the status or each other", arguments: statusMismatches)
    func mismatch(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    // MARK: keys given twice

    @Test("a key given twice in one mapping is one problem naming the key and its line")
    func duplicateMappingKey() throws {
        let text = try apply([Edit("    urgency: 5\n", "    urgency: 5  #!\n    urgency: 4\n")], to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.key == "urgency")
        #expect(problem.message.contains("twice"))
        #expect(try problem.line == line(of: "#!", in: text))
        #expect(problem.hint?.isEmpty == false)
    }

    @Test("a top-level key given twice")
    func duplicateTopLevelKey() throws {
        let text = try apply([Edit("horizon_end: 2027-12\n", "horizon_end: 2027-12\nplan_start: 2023-01\n")], to: Fixture.valid)
        let problem = try #require(try problems(in: text).first)
        #expect(problem.key == "plan_start")
        #expect(try problem.line == line(of: "plan_start: 2022-01", in: text))
    }

    // MARK: wrong shapes

    static let wrongShapes: [BadInput] = [
        BadInput(name: "after as a mapping", edits: [Edit("    target_year: 2022\n", "    target_year: 2022\n    after: {standard: jrt-0099}  #!\n")],
                 key: "standards[3].after", message: ["expected a list", "a mapping"], hint: ["- "]),
        BadInput(name: "a standard as a scalar", edits: [Edit("standards:\n", "standards:\n  - just-a-name  #!\n")],
                 key: "standards[0]", message: ["expected a mapping", "'just-a-name'"]),
        BadInput(name: "lead_units as a scalar", edits: [Edit("lead_units: [shfe, guosen]", "lead_units: shfe  #!")],
                 key: "standards[2].lead_units", message: ["expected a list", "'shfe'"]),
        BadInput(name: "a non-ASCII id", edits: [Edit("    id: dt-general", "    id: 数字化转型  #!")],
                 key: "standards[3].id", message: ["'数字化转型' is not a valid id"], hint: ["`name`"]),
        BadInput(name: "an empty name", edits: [Edit("name: 测试 / test", "name: ''  #!")],
                 key: "name", message: ["expected text", "nothing"]),
        BadInput(name: "a null name", edits: [Edit("name: 测试 / test", "name: ~  #!")],
                 key: "name", message: ["expected text"]),
        BadInput(name: "unknown category", edits: [Edit("category: digital-transformation", "category: 数字化转型  #!")],
                 key: "standards[3].category", message: ["unknown category '数字化转型'"], hint: ["digital-transformation (数字化转型评估)"]),
        BadInput(name: "four urgency weights", edits: [Edit("horizon_end: 2027-12\n", "horizon_end: 2027-12\nobjective:\n  urgency_weights: [1, 2, 3, 4]  #!\n")],
                 key: "objective.urgency_weights", message: ["expected 5 weights", "found 4"]),
        BadInput(name: "a negative lag", edits: [Edit("lag: 1", "lag: -1  #!")],
                 key: "standards[2].after[1].lag", message: ["-1 is out of range"]),
    ]

    @Test("a value of the wrong shape", arguments: wrongShapes)
    func wrongShape(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }
}
