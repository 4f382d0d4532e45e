import Foundation

/// Number formats shared by the documents, fixed so the same plan gives the same bytes.
enum DocumentNumbers {
    /// `0.0211` → `2.11%`.
    static func percent(_ value: Double, digits: Int = 2) -> String {
        String(format: "%.\(digits)f%%", value * 100)
    }

    /// `12.345` → `12.3`.
    static func decimal(_ value: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// `+3`, `-2`, `0`.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// `1` → `1 month`, `3` → `3 months`.
    static func months(_ value: Int) -> String { value == 1 ? "1 month" : "\(value) months" }
}
