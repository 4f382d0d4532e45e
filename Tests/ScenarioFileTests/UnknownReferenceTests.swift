import PlanModel
import ScenarioFile
import Testing

/// Ids that refer to something not declared: standards in `after`, lead units, phases and
/// shared resources. Each must be reported at the line of the bad reference, with its key
/// path, naming the bad id and suggesting the intended one when it is a typo.
@Suite("Unknown references")
struct UnknownReferenceTests {
    static let cases: [BadInput] = [
        BadInput(
            name: "unknown standard in after (typo)",
            edits: [Edit("- standard: jrt-0099", "- standard: jrt-0098  #!")],
            key: "standards[2].after[0].standard",
            message: ["unknown standard", "'jrt-0098'"],
            hint: ["did you mean 'jrt-0099'?"]),
        BadInput(
            name: "unknown standard in after (no near match)",
            edits: [Edit("- standard: jrt-0099", "- standard: completely-different  #!")],
            key: "standards[2].after[0].standard",
            message: ["unknown standard", "'completely-different'"],
            hint: ["standards:"]),
        BadInput(
            name: "unknown lead_unit (typo)",
            edits: [Edit("lead_unit: guosen", "lead_unit: guosne  #!")],
            key: "standards[1].lead_unit",
            message: ["unknown unit", "'guosne'"],
            hint: ["did you mean 'guosen'?"]),
        BadInput(
            name: "unknown lead_unit (no near match)",
            edits: [Edit("lead_unit: guosen", "lead_unit: citic-securities  #!")],
            key: "standards[1].lead_unit",
            message: ["unknown unit", "'citic-securities'"],
            hint: ["units:"]),
        BadInput(
            name: "unknown unit among lead_units (typo), flow list",
            edits: [Edit("lead_units: [shfe, guosen]", "lead_units: [shfe, gousen]  #!")],
            key: "standards[2].lead_units[1]",
            message: ["unknown unit", "'gousen'"],
            hint: ["did you mean 'guosen'?"]),
        BadInput(
            name: "unknown unit among lead_units (typo), block list",
            edits: [Edit("lead_units: [shfe, guosen]", "lead_units:\n      - guosen\n      - shef  #!")],
            key: "standards[2].lead_units[1]",
            message: ["unknown unit", "'shef'"],
            hint: ["did you mean 'shfe'?"]),
        BadInput(
            name: "unknown current_phase",
            edits: [Edit("current_phase: drafting", "current_phase: drafitng  #!")],
            key: "standards[1].current_phase",
            message: ["unknown phase", "'drafitng'"],
            hint: ["drafting"]),
        BadInput(
            name: "unknown after.phase (the predecessor's phase)",
            edits: [Edit("phase: consultation", "phase: consultaton  #!")],
            key: "standards[2].after[1].phase",
            message: ["'ops-automation'", "'consultaton'"],
            hint: ["consultation"]),
        BadInput(
            name: "unknown after.starts (this standard's phase)",
            edits: [Edit("starts: drafting", "starts: drafitng  #!")],
            key: "standards[2].after[1].starts",
            message: ["unknown phase", "'drafitng'"],
            hint: ["drafting"]),
        BadInput(
            name: "unknown phase in a phases: override",
            edits: [Edit("drafting: {months: 10}", "draftin: {months: 10}  #!")],
            key: "standards[2].phases.draftin",
            message: ["unknown phase", "'draftin'"],
            hint: ["did you mean 'drafting'?"]),
        BadInput(
            name: "unknown resource in a life-cycle phase",
            edits: [Edit("resources: {wg-review: 1}", "resources: {wg-reveiw: 1}  #!")],
            key: "life_cycle[2].resources.wg-reveiw",
            message: ["unknown resource", "'wg-reveiw'"],
            hint: ["did you mean 'wg-review'?"]),
        BadInput(
            name: "unknown resource in a life-cycle phase (no near match)",
            edits: [Edit("resources: {wg-review: 1}", "resources: {csrc-approval: 1}  #!")],
            key: "life_cycle[2].resources.csrc-approval",
            message: ["unknown resource", "'csrc-approval'"],
            hint: ["resources:"]),
        BadInput(
            name: "unknown resource in a phase override",
            edits: [Edit("drafting: {months: 10}", "drafting: {months: 10, resources: {wg-revue: 1}}  #!")],
            key: "standards[2].phases.drafting.resources.wg-revue",
            message: ["unknown resource", "'wg-revue'"],
            hint: ["did you mean 'wg-review'?"]),
        BadInput(
            name: "unknown standard in after, `standard:` not the entry's first key",
            edits: [Edit("      - standard: jrt-0099\n", "      - lag: 2\n        standard: jrt-0999  #!\n")],
            key: "standards[2].after[0].standard",
            message: ["unknown standard", "'jrt-0999'"],
            hint: ["did you mean 'jrt-0099'?"]),
        BadInput(
            name: "unknown after.phase written before `standard:`",
            edits: [Edit("      - standard: ops-automation\n        phase: consultation\n",
                         "      - phase: review  #!\n        standard: ops-automation\n")],
            key: "standards[2].after[1].phase",
            message: ["'ops-automation' has no phase 'review'"],
            hint: ["initiation, drafting, consultation, publication"]),
    ]

    @Test("an unknown id is reported at its line with key path and suggestion", arguments: cases)
    func unknownReference(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    @Test("each candidate lead unit is checked at its own line and index, even after an invalid one")
    func candidatesKeepTheirPositions() throws {
        let text = try apply([Edit("lead_units: [shfe, guosen]", "lead_units:\n      - 国信证券  #!0\n      - shfe\n      - gousen  #!2")],
                             to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.map(\.key) == ["standards[2].lead_units[0]", "standards[2].lead_units[2]"])
        #expect(try found.map(\.line) == [line(of: "#!0", in: text), line(of: "#!2", in: text)])
        #expect(found.first?.message.contains("'国信证券' is not a valid id") == true)
        #expect(found.last?.message.contains("unknown unit 'gousen'") == true)
        #expect(found.last?.hint == "did you mean 'guosen'?")
    }

    @Test("a declared id with a bad field is not also reported as unknown where it is used", arguments: [
        Edit("    name: 上海期货交易所\n    capacity: 2\n", "    name: 上海期货交易所\n    capacity: lots\n"),
        Edit("    name: 上海期货交易所\n", ""),
        Edit("    name: 技术管理专业工作组评审\n    capacity: 3\n", "    name: 技术管理专业工作组评审\n"),
        Edit("    name: 起草\n    months: 8\n", "    name: 起草\n    months: 0\n"),
        Edit("    months: 8\n    unit_load: 1\n", "    months: 8\n    unit_load: -1\n"),
    ])
    func noFollowOnProblems(_ edit: Edit) throws {
        let found = try problems(in: try apply([edit], to: Fixture.valid))
        #expect(found.count == 1, "only the bad field itself: \(found.map(\.description))")
        #expect(!found.contains { $0.message.hasPrefix("unknown") })
    }
}
