/// The kinds of institution that lead standards in the securities and futures industry, with
/// how often each appears among lead units and how much drafting work each takes on.
///
/// The shares follow the 2022–2025 plan's lead units (Tables 1–2: exchanges and their
/// technology subsidiaries lead most, then securities firms, the futures association and the
/// test centre); `weight` is how much more often a unit of the kind is a candidate lead unit.
enum UnitKind: CaseIterable {
    case exchange, technology, securities, futures, fund, association

    /// Share of units of this kind.
    var share: Double {
        switch self {
        case .exchange: 0.08
        case .technology: 0.14
        case .securities: 0.42
        case .futures: 0.16
        case .fund: 0.12
        case .association: 0.08
        }
    }

    /// Relative chance of being a candidate lead unit.
    var weight: Double {
        switch self {
        case .exchange, .technology: 3
        case .association: 1.5
        case .securities, .futures, .fund: 1
        }
    }

    /// The start of a unit id of this kind.
    var idPrefix: String {
        switch self {
        case .exchange: "exch"
        case .technology: "tech"
        case .securities: "sec"
        case .futures: "fut"
        case .fund: "fund"
        case .association: "assoc"
        }
    }

    /// The end of a unit name of this kind (the start is a region).
    var nameSuffix: String {
        switch self {
        case .exchange: "商品交易所"
        case .technology: "金融信息技术有限公司"
        case .securities: "证券股份有限公司"
        case .futures: "期货有限公司"
        case .fund: "基金管理有限公司"
        case .association: "金融科技测试中心"
        }
    }
}
