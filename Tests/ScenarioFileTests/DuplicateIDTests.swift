import PlanModel
import ScenarioFile
import Testing

/// Ids must be unique within their kind. The second occurrence is reported, naming the id and
/// where the first one is.
@Suite("Duplicate ids")
struct DuplicateIDTests {
    static let cases: [BadInput] = [
        BadInput(
            name: "duplicate standard id",
            edits: [Edit("    id: dt-general", "    id: ops-maturity  #!")],
            key: "standards[3].id",
            message: ["duplicate standard id", "'ops-maturity'", "standards[2]"],
            hint: ["own id"]),
        BadInput(
            name: "duplicate unit id",
            edits: [Edit("    name: 国信证券股份有限公司\n    capacity: 1\n",
                         "    name: 国信证券股份有限公司\n    capacity: 1\n  - {id: guosen, name: 国信证券, capacity: 1}  #!\n")],
            key: "units[2].id",
            message: ["duplicate unit id", "'guosen'", "units[1]"],
            hint: ["own id"]),
        BadInput(
            name: "duplicate resource id",
            edits: [Edit("      - {from: 2023-07, value: 4}\n",
                         "      - {from: 2023-07, value: 4}\n  - id: wg-review  #!\n    name: 另一个评审\n    capacity: 1\n")],
            key: "resources[1].id",
            message: ["duplicate resource id", "'wg-review'", "resources[0]"],
            hint: ["own id"]),
        BadInput(
            name: "duplicate phase id",
            edits: [Edit("    name: 发布\n    months: 1\n", "    name: 发布\n    months: 1\n  - {id: drafting, name: 再起草, months: 1}  #!\n")],
            key: "life_cycle[4].id",
            message: ["duplicate phase id", "'drafting'"],
            hint: ["own id"]),
    ]

    @Test("the second occurrence of an id is reported", arguments: cases)
    func duplicate(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    @Test("three standards with one id: both repeats are reported, each naming the first")
    func threeTimes() throws {
        let extra = "\n  - {id: dt-general, name: 二, category: operations, urgency: 1, target_year: 2025, lead_unit: shfe}\n"
            + "  - {id: dt-general, name: 三, category: operations, urgency: 1, target_year: 2025, lead_unit: shfe}\n"
        let found = try problems(in: Fixture.valid + extra)
        #expect(found.map(\.key) == ["standards[4].id", "standards[5].id"])
        #expect(found.allSatisfy { $0.message.contains("'dt-general'") && $0.message.contains("standards[3]") })
    }
}
