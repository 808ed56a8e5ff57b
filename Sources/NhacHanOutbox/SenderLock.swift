import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-sender lock of an SQLite state: `tick` and `run` take it, readers and `ack` never do.
///
/// Two senders on one SQLite file would be safe (claims are leased and fenced) but pointless
/// and slow; the lock also proves that no other sender holds a lease, so leases left by a
/// crash can be given back at once.
public final class SenderLock: Sendable {
    /// Why the lock cannot be taken, worded for the operator.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let descriptor: Int32

    /// Takes the lock at `path` without waiting.
    public init(path: String) throws {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw Failure(description: "không tạo được tệp khoá \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: busy
                ? "một tiến trình nhachan khác đang gửi trên tệp trạng thái này (another nhachan tick or run holds \(path))"
                : "không khoá được \(path): \(reason)")
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
