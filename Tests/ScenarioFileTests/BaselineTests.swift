import Foundation
import PlanModel
import ScenarioFile
import Testing

/// Scenarios/baseline.yaml, the real 2022–2025 plan, and its built-in copy.
@Suite("Baseline scenario")
struct BaselineTests {
    static let path = Fixture.packageRoot().appendingPathComponent("Scenarios/baseline.yaml").path

    static func baseline() throws -> Portfolio { try ScenarioLoader.load(path: path) }

    /// One row of the plan's appendix (标准规划重点建设任务表).
    struct AppendixRow: Sendable, CustomTestStringConvertible {
        var name: String
        /// Stars, 1–5.
        var urgency: Int
        var targetYear: Int
        init(_ name: String, _ urgency: Int, _ targetYear: Int) {
            self.name = name
            self.urgency = urgency
            self.targetYear = targetYear
        }
        var testDescription: String { "\(name) \(String(repeating: "★", count: urgency)) \(targetYear)" }
    }

    /// The plan's appendix: the 16 planned key standards with their urgency in stars and
    /// target year.
    static let appendix: [AppendixRow] = [
        AppendixRow("证券期货业信息技术治理通用要求", 3, 2023),
        AppendixRow("证券期货业信息技术治理（科技能力）水平评价指标", 4, 2022),
        AppendixRow("证券期货业信息技术服务机构管理指南", 2, 2024),
        AppendixRow("证券期货业云服务能力技术要求", 2, 2024),
        AppendixRow("金融数据中心智能运维规范", 3, 2023),
        AppendixRow("绿色数据中心建设指南", 2, 2025),
        AppendixRow("证券期货业软件开发商产品交付（外包服务评价）管理规范", 4, 2023),
        AppendixRow("证券期货业研发运营一体化规范", 5, 2022),
        AppendixRow("数据中台管理规范", 1, 2025),
        AppendixRow("交易中台管理规范", 1, 2025),
        AppendixRow("跨境业务的技术实现规范", 1, 2025),
        AppendixRow("证券期货业移动互联网应用程序性能指标及检测模型", 2, 2024),
        AppendixRow("证券期货业信息系统突发事件应急处置指南", 1, 2025),
        AppendixRow("证券期货业信息技术运维能力成熟度评估", 4, 2023),
        AppendixRow("证券期货业数字化转型成熟度模型", 5, 2022),
        AppendixRow("证券期货业数字化转型通用要求", 5, 2022),
    ]

    @Test("Scenarios/baseline.yaml loads")
    func loads() throws {
        do {
            let portfolio = try Self.baseline()
            #expect(portfolio.name == "证券期货业技术管理标准规划（2022-2025）基线")
            #expect(portfolio.planStart == Month(year: 2022, month: 1))
            #expect(portfolio.horizonEnd == Month(year: 2028, month: 12))
            #expect(DependencyGraph(portfolio).cycle() == nil)
        } catch let error as ScenarioFileError {
            Issue.record("the baseline must load:\n\(error)")
        }
    }

    @Test("30 standards: 8 published, 6 in progress, 16 planned")
    func counts() throws {
        let standards = try Self.baseline().standards
        #expect(standards.count == 30)
        #expect(standards.filter(\.isPublished).count == 8)
        #expect(standards.filter { if case .inProgress = $0.status { true } else { false } }.count == 6)
        #expect(standards.filter { $0.status == .planned }.count == 16)
        #expect(Set(standards.map(\.id)).count == 30, "ids are unique")
        #expect(Set(standards.map(\.name)).count == 30, "names are unique")
    }

    @Test("the planned standards are exactly the appendix's 16")
    func plannedAreTheAppendix() throws {
        let planned = try Self.baseline().standards.filter { $0.status == .planned }
        #expect(Set(planned.map(\.name)) == Set(Self.appendix.map(\.name)))
    }

    @Test("a planned standard's urgency and target year match the appendix", arguments: appendix)
    func appendixRow(_ row: AppendixRow) throws {
        let standard = try #require(try Self.baseline().standards.first { $0.name == row.name }, "no standard named \(row.name)")
        #expect(standard.status == .planned)
        #expect(standard.urgency == row.urgency, "\(row.name): \(standard.urgency) stars")
        #expect(standard.targetYear == row.targetYear, "\(row.name): target \(String(describing: standard.targetYear))")
        #expect(standard.leadUnits.count >= 2, "the plan names no lead unit: the baseline gives candidates")
    }

    @Test("published standards have a JR/T reference and a publication month before plan start")
    func published() throws {
        let portfolio = try Self.baseline()
        for standard in portfolio.standards where standard.isPublished {
            #expect(standard.reference?.hasPrefix("JR/T ") == true, "\(standard.id)")
            if case .published(let month) = standard.status { #expect(month < portfolio.planStart) }
        }
    }

    @Test("the built-in baseline is byte for byte Scenarios/baseline.yaml")
    func builtinMatchesFile() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.path))
        let builtin = Array(ScenarioLoader.builtinBaselineYAML.utf8)
        let bytes = Array(data)
        let same = builtin == bytes
        // Compared as bytes, and reported without dumping 25 KB of text.
        let at = zip(builtin, bytes).enumerated().first { $1.0 != $1.1 }?.offset ?? min(builtin.count, bytes.count)
        #expect(same, """
            run Scripts/embed-baseline: the built-in baseline differs from Scenarios/baseline.yaml at byte \(at) \
            (\(builtin.count) bytes built in, \(bytes.count) in the file)
            """)
        #expect(String(data: data, encoding: .utf8) != nil, "Scenarios/baseline.yaml is UTF-8")
    }

    @Test("the built-in baseline loads to the same portfolio as the file")
    func builtinLoads() throws {
        #expect(try ScenarioLoader.builtinBaseline() == Self.baseline())
    }
}
