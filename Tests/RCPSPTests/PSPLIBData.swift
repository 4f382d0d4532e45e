import Foundation

/// The PSPLIB instances the tests read. The ones they solve live in the repository
/// (`Tests/Fixtures/psplib`: 20 j30 instances and their lines of `j30opt.sm`, byte-for-byte
/// copies), so the suite passes on any clone. The full j30 and j60 sets stay outside: the tests
/// that read whole sets run only when `STDPLAN_PSPLIB` names their folder, and are skipped
/// otherwise, so no test depends on anything beside the repository. Benchmarks take the full
/// sets' folder as an argument (`stdplan bench psplib`, `Scripts/bench-psplib`).
enum PSPLIBData {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample in the repository.
    static let sample = package.appendingPathComponent("Tests/Fixtures/psplib").path

    /// The full sets (j30, j60 and their tables), when `STDPLAN_PSPLIB` names a folder that has them.
    static let full: String? = ProcessInfo.processInfo.environment["STDPLAN_PSPLIB"].flatMap { folder in
        FileManager.default.fileExists(atPath: folder + "/j30opt.sm") ? folder : nil
    }

    /// True when the full sets are there to read.
    static var fullSetsAvailable: Bool { full != nil }

    /// A j30 instance of the sample.
    static func j30(_ name: String) -> String { sample + "/j30/" + name + ".sm" }
    /// The sample's optima: the lines of j30opt.sm for the sample's instances.
    static var j30Optima: String { sample + "/j30opt.sm" }
}
