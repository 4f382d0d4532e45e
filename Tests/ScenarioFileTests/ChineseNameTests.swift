import PlanModel
import ScenarioFile
import Testing

/// Names are in any script and are kept exactly; categories may be given by their Chinese
/// name, with or without the trailing 类.
@Suite("Chinese names")
struct ChineseNameTests {
    /// Names with full-width punctuation, an em dash, mixed scripts and characters YAML cares about.
    static let names = [
        "证券期货业信息技术治理（科技能力）水平评价指标",
        "证券期货业软件开发商产品交付（外包服务评价）管理规范",
        "JR/T 0099—2012 证券期货业信息系统运维管理规范",
        "数据中台管理规范 / Data middle platform",
        "「引号」与《书名号》、顿号；分号！",
        "评审: 第二轮 # 不是注释",
    ]

    @Test("a standard's Chinese name is kept exactly", arguments: names)
    func standardName(_ name: String) throws {
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let text = try apply([Edit("  - name: 证券期货业数字化转型通用要求\n", "  - name: \(quoted)\n")], to: Fixture.valid)
        let standard = try #require(try ScenarioLoader.parse(yaml: text, file: Fixture.file).standard("dt-general"))
        #expect(standard.name == name)
    }

    @Test("names of units, resources, phases and the scenario are kept exactly")
    func everyName() throws {
        let portfolio = try ScenarioLoader.parse(yaml: Fixture.valid, file: Fixture.file)
        #expect(portfolio.name == "测试 / test")
        #expect(portfolio.units.map(\.name) == ["上海期货交易所", "国信证券股份有限公司"])
        #expect(portfolio.resources.map(\.name) == ["技术管理专业工作组评审"])
        let maturity = try #require(portfolio.standard("ops-maturity"))
        #expect(maturity.name == "证券期货业信息技术运维能力成熟度评估")
        #expect(maturity.phases.map(\.name) == ["立项", "起草", "征求意见稿", "发布"])
        #expect(portfolio.standards.map(\.name) == [
            "证券期货业信息系统运维管理规范", "证券基金经营机构运维自动化能力成熟度规范",
            "证券期货业信息技术运维能力成熟度评估", "证券期货业数字化转型通用要求",
        ])
        #expect(portfolio.standard("jrt-0099")?.reference == "JR/T 0099—2012")
    }

    @Test("a phase override may rename a phase in Chinese")
    func phaseRename() throws {
        let text = try apply([Edit("drafting: {months: 10}", "drafting: {months: 10, name: 起草（扩大范围）}")], to: Fixture.valid)
        let maturity = try #require(try ScenarioLoader.parse(yaml: text, file: Fixture.file).standard("ops-maturity"))
        #expect(maturity.phases[1].name == "起草（扩大范围）")
        #expect(maturity.phases[1].months == 10)
    }

    static let categoryNames: [(String, PlanModel.Category)] = PlanModel.Category.plan2022.flatMap { category in
        [(category.rawValue, category), (category.name, category), (category.name + "类", category)]
    } + [
        ("运维服务", .operations),
        ("IT治理规范和基础设施类", .itGovernance),
        ("\"IT治理规范和基础设施类\"", .itGovernance),
        ("数字化转型评估类", .digitalTransformation),
    ]

    @Test("a category is accepted by key or by Chinese name", arguments: categoryNames)
    func category(_ written: String, _ expected: PlanModel.Category) throws {
        let text = try apply([Edit("category: digital-transformation", "category: \(written)")], to: Fixture.valid)
        let standard = try #require(try ScenarioLoader.parse(yaml: text, file: Fixture.file).standard("dt-general"))
        #expect(standard.category == expected)
    }

    @Test("a near-miss Chinese category is rejected with the list of names",
          arguments: ["运维", "运维服务类类", "数字化转型", "IT治理", "技术平台 "])
    func wrongChineseCategory(_ written: String) throws {
        let quoted = "\"\(written)\""
        try expectSingleProblem(BadInput(
            name: written,
            edits: [Edit("category: digital-transformation", "category: \(quoted)  #!")],
            key: "standards[3].category",
            message: ["unknown category '\(written)'"],
            hint: ["operations (运维服务)", "it-governance (IT治理规范和基础设施)"]))
    }

    @Test("problems quote Chinese values intact")
    func chineseInProblems() throws {
        let problem = try expectSingleProblem(BadInput(
            name: "Chinese unit id",
            edits: [Edit("lead_unit: guosen", "lead_unit: 国信证券  #!")],
            key: "standards[1].lead_unit",
            message: ["'国信证券' is not a valid id"],
            hint: ["`name`"]))
        #expect(problem?.description.contains("国信证券") == true)
    }
}
