import Foundation
import Testing

/// Issue 10's done-criterion: a scenario with its own categories (not the 2022–2025 plan's six)
/// plans, compares and reports, through the real binary, with the categories' names in the output.
@Suite("A scenario with its own categories on the command line")
struct OwnCategoriesCommandLineTests {
    /// Three categories of its own (a Chinese, a mixed and an English name), one standard named by
    /// its category's name rather than its key, an assumed target, deferred and cancelled work.
    static let scenario = """
        format: 1
        name: 自定义类别 / own categories
        plan_start: 2024-01
        horizon_end: 2029-12
        categories:
          - {id: electrical, name: 电气安全标准, short_name: 电气}
          - {id: software, name: 软件质量标准, short_name: 软件}
          - {id: safety, name: Functional safety, short_name: Safety}
        units:
          - {id: lab-a, name: 甲实验室, capacity: 1}
          - {id: lab-b, name: Lab B, capacity: 1}
        life_cycle:
          - {id: initiation, name: 立项, months: 1}
          - {id: drafting, name: 起草, months: 4, unit_load: 1}
          - {id: review, name: 送审稿, months: 2, unit_load: 1}
          - {id: publication, name: 发布, months: 1}
        standards:
          - {id: e1, name: 低压配电安全要求, category: electrical, urgency: 5, target_year: 2024, lead_unit: lab-a}
          - {id: s1, name: 软件测试规程, category: software, urgency: 3, target_year: 2025, lead_unit: lab-b}
          - {id: s2, name: Software release checklist, category: 软件质量标准, urgency: 2, target_year: 2025,
             lead_unit: lab-b, target_source: assumed}
          - {id: f1, name: 功能安全评估, category: safety, urgency: 4, target_year: 2025, lead_units: [lab-a, lab-b]}
          - {id: f2, name: 延期的安全标准, category: safety, urgency: 1, target_year: 2026, lead_unit: lab-a,
             status: deferred, until: 2025-06}
          - {id: e0, name: 撤销的电气标准, category: electrical, status: cancelled}

        """

    /// A what-if of it that changes one of its own categories.
    static let overlay = """
        format: 1
        extends: own-categories.yaml
        name: 软件加倍 / software doubled
        question: What if software standards take twice as long?
        changes:
          - name: slow-software
            scale_durations: {factor: 2, category: software}

        """

    static func files() throws -> (directory: URL, base: String, overlay: String) {
        let directory = try CommandLineTests.temporaryDirectory()
        let base = directory.appendingPathComponent("own-categories.yaml"), overlay = directory.appendingPathComponent("software-doubled.yaml")
        try Self.scenario.write(to: base, atomically: true, encoding: .utf8)
        try Self.overlay.write(to: overlay, atomically: true, encoding: .utf8)
        return (directory, base.path, overlay.path)
    }

    @Test("plan: the categories' names in the table and JSON, assumed targets and set-aside work counted apart, and check accepts it")
    func plan() throws {
        let (directory, base, _) = try Self.files()
        let markdown = try CommandLineTests.run(["plan", base, "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        for name in ["电气", "软件", "Safety"] { #expect(markdown.stdout.contains("| \(name) |"), "short name \(name) in the Category column") }
        #expect(markdown.stdout.contains("Targets from the plan: "))
        #expect(markdown.stdout.contains("assumed targets: "))
        #expect(markdown.stdout.contains("| Set aside | 1 deferred"))
        #expect(markdown.stdout.contains("1 cancelled or superseded (not planned)"))

        let json = try CommandLineTests.run(["plan", base, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let standards = try #require(document["standards"] as? [[String: Any]])
        let categories = Dictionary(standards.map { ($0["id"] as? String ?? "", $0["category_name"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(categories == ["e1": "电气安全标准", "e0": "电气安全标准", "s1": "软件质量标准", "s2": "软件质量标准",
                               "f1": "Functional safety", "f2": "Functional safety"])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["deferred"] as? Int == 1)
        #expect(summary["withdrawn"] as? Int == 1)
        #expect(summary["with_target"] as? Int == 4, "e1, s1, s2, f1: deferred and cancelled work has no target")
        let bySource = try #require(summary["by_target_source"] as? [String: [String: Int]])
        #expect(bySource["plan"]?["with_target"] == 3)
        #expect(bySource["assumed"]?["with_target"] == 1)
        let levels = try #require(document["levels"] as? [[String: Any]])
        #expect(levels.first?["name"] as? String == "lateness")
        #expect(levels.first?["proven"] as? Bool == true)

        let file = directory.appendingPathComponent("plan.json")
        try json.stdout.write(to: file, atomically: true, encoding: .utf8)
        let check = try CommandLineTests.run(["check", base, file.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("compare: the scenario and a what-if that doubles one of its own categories")
    func compare() throws {
        let (_, base, overlay) = try Self.files()
        let markdown = try CommandLineTests.run(["compare", base, overlay, "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("自定义类别 / own categories"))
        #expect(markdown.stdout.contains("change slow-software:"))
        #expect(markdown.stdout.contains("software"), "the change names the scenario's own category")
        #expect(markdown.stdout.contains("Assumed targets"), "the split's columns are in the Markdown table")

        let json = try CommandLineTests.run(["compare", base, overlay, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(document["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        #expect(scenarios.allSatisfy { $0["status"] as? String == "optimal" })
        #expect(scenarios.allSatisfy { ($0["by_target_source"] as? [String: [String: Int]])?["assumed"]?["with_target"] == 1 })
        // Doubling the software category's durations publishes its standards later.
        let rows = try #require(document["standards"] as? [[String: Any]])
        let s1 = try #require(rows.first { $0["id"] as? String == "s1" })
        let difference = try #require(s1["difference"] as? [Int])
        #expect(difference.count == 2 && difference[1] > 0)
    }

    @Test("report: the HTML report of both scenarios names every category")
    func report() throws {
        let (directory, base, overlay) = try Self.files()
        let output = directory.appendingPathComponent("x.html")
        let run = try CommandLineTests.run(["report", base, overlay, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        for name in ["电气安全标准", "软件质量标准", "Functional safety"] { #expect(html.contains(name), "category \(name) in the report") }
        #expect(html.contains("软件加倍 / software doubled"))
    }
}
