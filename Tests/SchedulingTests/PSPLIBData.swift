import Foundation

/// Where the PSPLIB benchmark lives: `../shared/psplib` beside the package root. CI clones the
/// repository with `shared/` beside it, so the tests require the data rather than skip.
enum PSPLIBData {
    static let root: String = {
        let file = URL(fileURLWithPath: #filePath)
        let package = file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/psplib").path
    }()

    static func j30(_ name: String) -> String { root + "/j30/" + name + ".sm" }
    static func j60(_ name: String) -> String { root + "/j60/" + name + ".sm" }
    static var j30Optima: String { root + "/j30opt.sm" }
    static var j60Best: String { root + "/j60hrs.sm" }
    static var j60Bounds: String { root + "/j60lb.sm" }
}
