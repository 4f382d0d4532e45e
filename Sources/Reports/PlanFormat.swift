/// The output formats of `stdplan plan`.
public enum PlanFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
}
