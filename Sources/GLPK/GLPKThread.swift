import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Identity of a thread that uses GLPK, plus the number of live models on it.
///
/// GLPK keeps its memory pool in a thread-local environment: a `glp_prob` created on one thread must be
/// freed on the same thread, or GLPK corrupts the other thread's block list. `pthread_self()` is not a
/// safe identity because thread ids are reused, so each thread gets a fresh object stored in a pthread key;
/// a model keeps its creator's object alive and compares identities.
final class GLPKThread {
    /// Models created on this thread and not yet released; only touched from this thread.
    var liveProblems = 0

    /// The calling thread's object, created on first use.
    static var current: GLPKThread {
        if let existing = existing { return existing }
        let created = GLPKThread()
        // The key holds one retain; the destructor below balances it when the thread exits.
        pthread_setspecific(glpkThreadKey, Unmanaged.passRetained(created).toOpaque())
        return created
    }

    /// The calling thread's object, or `nil` if this thread never used GLPK through this module.
    static var existing: GLPKThread? {
        guard let raw = pthread_getspecific(glpkThreadKey) else { return nil }
        return Unmanaged<GLPKThread>.fromOpaque(raw).takeUnretainedValue()
    }
}

/// The pthread key whose destructor frees a thread's GLPK environment when the thread exits, so that
/// short-lived worker threads do not each leak one environment.
private let glpkThreadKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { raw in
        let pointer: UnsafeMutableRawPointer? = raw
        guard let pointer else { return }
        let thread = Unmanaged<GLPKThread>.fromOpaque(pointer).takeRetainedValue()
        // Freeing the environment frees every object still allocated in it, so only do it when no
        // model from this thread survives (a survivor is leaked on purpose by LinearProgram.deinit).
        // This assumes GLPK is used only through this module, which is why CGLPK is not re-exported.
        if thread.liveProblems == 0 {
            glp_free_env()
        }
    }
    // Only fails when the process ran out of keys (PTHREAD_KEYS_MAX), which no caller could recover from.
    precondition(status == 0, "pthread_key_create failed with \(status)")
    return key
}()
