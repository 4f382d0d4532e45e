import PlanModel
import ScenarioFile
import Testing

/// Months that are well-formed but inconsistent with the plan start: the scenario describes
/// the state at plan_start, so nothing can be published or started after it, and the horizon
/// cannot end before it.
@Suite("Dates inconsistent with plan_start")
struct DateConsistencyTests {
    static let cases: [BadInput] = [
        BadInput(
            name: "published after plan_start",
            edits: [Edit("published: 2012-12", "published: 2022-02  #!")],
            key: "standards[0].published",
            message: ["2022-02", "after plan_start 2022-01"],
            hint: ["in_progress or planned"]),
        BadInput(
            name: "published long after plan_start",
            edits: [Edit("published: 2012-12", "published: 2030-06  #!")],
            key: "standards[0].published",
            message: ["2030-06", "2022-01"]),
        BadInput(
            name: "since after plan_start",
            edits: [Edit("since: 2021-06", "since: 2022-03  #!")],
            key: "standards[1].since",
            message: ["since 2022-03 is after plan_start 2022-01"],
            hint: ["started by then"]),
        BadInput(
            name: "horizon_end before plan_start",
            edits: [Edit("horizon_end: 2027-12", "horizon_end: 2021-12  #!")],
            key: "horizon_end",
            message: ["horizon_end 2021-12 is before plan_start 2022-01"],
            hint: ["later horizon_end"]),
    ]

    @Test("a date after the plan start that must not be, names both months", arguments: cases)
    func inconsistent(_ bad: BadInput) throws {
        try expectSingleProblem(bad)
    }

    @Test("the boundary month itself is allowed", arguments: [
        [Edit("published: 2012-12", "published: 2022-01")],
        [Edit("since: 2021-06", "since: 2022-01")],
        [Edit("horizon_end: 2027-12", "horizon_end: 2022-01")],
    ])
    func boundary(_ edits: [Edit]) throws {
        let text = try apply(edits, to: Fixture.valid)
        _ = try ScenarioLoader.parse(yaml: text, file: Fixture.file)
    }

    @Test("plan_start moved earlier than a publication makes that publication an error")
    func movingPlanStart() throws {
        let text = try apply([Edit("plan_start: 2022-01", "plan_start: 2012-06"), Edit("since: 2021-06", "since: 2012-01")],
                             to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.map(\.key) == ["standards[0].published"])
        #expect(found.first?.message.contains("2012-12") == true && found.first?.message.contains("2012-06") == true)
    }
}
