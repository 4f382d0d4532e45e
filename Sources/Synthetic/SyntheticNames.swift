import PlanModel

/// Invented but plausible names: regions for institutions, topics and document kinds for
/// standards, so that reports of a generated portfolio read like those of a real programme.
/// A name that would repeat gets a number (units) or a part number (standards), as real
/// multi-part standards do.
struct SyntheticNames {
    private var usedUnitNames: [String: Int] = [:]
    private var usedTitles: [String: Int] = [:]

    static let regions = [
        "华北", "华东", "华南", "华中", "西南", "西北", "东北", "中原", "江淮", "珠江", "渤海", "黄海", "东海", "南海",
        "江南", "岭南", "巴蜀", "齐鲁", "燕赵", "闽江", "滨海", "天山", "昆仑", "泰岳", "秦川", "湘江", "汉江", "漓江",
    ]

    static let kinds = ["规范", "技术要求", "实施指南", "评估规范", "测试规范", "管理要求", "接口规范", "能力成熟度模型", "数据规范"]

    static func topics(_ category: Category) -> [String] {
        switch category {
        case .itGovernance:
            ["信息技术治理", "网络安全管理", "数据安全管理", "个人信息保护", "信息系统审计", "信息技术外包管理", "技术架构",
             "数据分类分级", "商用密码应用", "软件供应链安全"]
        case .technologyPlatform:
            ["云计算平台", "分布式数据库", "研发运营一体化", "低代码开发平台", "容器云平台", "消息中间件", "开源软件治理",
             "软件测试", "应用程序接口服务", "区块链应用"]
        case .applicationSystems:
            ["证券交易系统", "清算结算系统", "行情发布系统", "风险管理系统", "登记存管系统", "集中交易柜台", "量化交易系统",
             "期货交易系统", "基金销售系统", "监管报送系统"]
        case .userAccess:
            ["网上交易", "移动终端应用", "程序化交易接入", "身份认证", "客户服务渠道", "开放接口", "适老化服务", "客户数据交换"]
        case .operations:
            ["运维自动化", "数据中心运维", "灾难备份", "业务连续性", "监控告警", "变更管理", "容量管理", "故障应急处置",
             "运维能力成熟度", "机房基础设施"]
        case .digitalTransformation:
            ["数字化转型成熟度", "数据治理能力", "数据资产管理", "人工智能应用", "金融科技创新", "数据质量评估", "智能投资顾问",
             "数字化能力评估"]
        default:
            ["信息技术管理"]  // the generator draws only the plan's six categories
        }
    }

    /// A unit name for `kind` in `region`, unique among those made so far.
    mutating func unitName(region: String, kind: UnitKind) -> String {
        let base = region + kind.nameSuffix
        let count = usedUnitNames[base, default: 0] + 1
        usedUnitNames[base] = count
        return count == 1 ? base : "\(base)（\(count)）"
    }

    /// A standard title from a topic and a kind of document, unique among those made so far.
    mutating func title(topic: String, kind: String) -> String {
        let base = "证券期货业\(topic)\(kind)"
        let count = usedTitles[base, default: 0] + 1
        usedTitles[base] = count
        return count == 1 ? base : "\(base) 第\(count)部分"
    }

    /// The start of a standard id for `category`.
    static func idPrefix(_ category: Category) -> String {
        switch category {
        case .itGovernance: "gov"
        case .technologyPlatform: "plat"
        case .applicationSystems: "app"
        case .userAccess: "access"
        case .operations: "ops"
        case .digitalTransformation: "dt"
        default: "std"
        }
    }

    /// `number` with leading zeros to `width` digits.
    static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
