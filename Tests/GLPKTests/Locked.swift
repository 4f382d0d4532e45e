import Foundation

/// A value shared between test threads.
///
/// `@unchecked Sendable` because every access goes through `lock`; `Mutex` would need macOS 15 while
/// the package supports macOS 13.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: Value

    init(_ value: Value) {
        storage = value
    }

    var value: Value {
        lock.withLock { storage }
    }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        try lock.withLock { try body(&storage) }
    }
}
