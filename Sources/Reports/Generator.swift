/// The program that writes stdplan's documents: its version, printed by `stdplan --version` and
/// written into every JSON document as `generator`, so a file says which build produced it.
public enum Generator {
    /// The version, the one place it is set.
    public static let version = "0.12.0"
    /// "stdplan" and the version, as JSON documents carry it.
    public static let name = "stdplan \(version)"
}
