import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a file (flock), held for the life of the process.
///
/// The embedded SQLite state is single-node: one `tick` or `run` at a time. Holding the lock
/// also proves that no other process holds a lease, so leases left by a crash can be taken back.
public final class ProcessLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock without waiting; `nil` when another process holds it.
    public init?(path: String) {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
