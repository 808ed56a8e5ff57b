import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set once when the process is asked to stop; every transfer in flight then gives up within
/// about a second, and nothing new starts.
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func stop() { flag.store(true, ordering: .releasing) }

    public var isStopped: Bool { flag.load(ordering: .acquiring) }
}

/// Bounds one batch of sends: a deadline for the whole batch and the process's stop signal.
///
/// A message not started when the gate closes is reported `notAttempted` and given back
/// unsent; a transfer cut short by the gate is reported as a transient failure. A server that
/// had already accepted such a message may receive it again later, with the same key.
public struct SendGate: Sendable {
    public var deadline: ContinuousClock.Instant
    public var stop: StopSignal

    public init(deadline: ContinuousClock.Instant, stop: StopSignal = StopSignal()) {
        self.deadline = deadline
        self.stop = stop
    }

    /// A gate that closes only on `stop` (a day from now).
    public static func open(stop: StopSignal = StopSignal()) -> SendGate {
        SendGate(deadline: .now + .seconds(86_400), stop: stop)
    }

    public var isOpen: Bool { !stop.isStopped && ContinuousClock.now < deadline }

    /// Time left before the deadline, never negative.
    public var remaining: Duration { max(.zero, deadline - ContinuousClock.now) }

    /// Why the gate is closed, for the outcome's reason.
    var closedReason: String {
        stop.isStopped
            ? "chưa gửi: nhachan đang dừng (not attempted: stopping)"
            : "chưa gửi: hết thời gian của lượt gửi (not attempted: batch deadline)"
    }
}

/// The gate of a blocking SMTP batch and the socket it uses, which a watcher shuts down on a
/// stop: that ends any wait of libcurl's at once, even for an SMTP server's final reply,
/// during which libcurl calls no progress callback.
final class GateBox: @unchecked Sendable {
    // @unchecked: `socket` is an atomic; `gate` is immutable.
    let gate: SendGate
    let socket = Atomic<Int32>(-1)
    let finished = Atomic<Bool>(false)

    init(_ gate: SendGate) { self.gate = gate }

    /// Watches for a stop while a blocking batch runs, on a thread of its own.
    func watch() {
        let thread = Thread { [self] in
            while !finished.load(ordering: .acquiring) {
                if gate.stop.isStopped {
                    let fd = socket.load(ordering: .acquiring)
                    if fd >= 0 { _ = shutdown(fd, Int32(SHUT_RDWR)) }
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        thread.name = "nhachan-stop-watch"
        thread.start()
    }
}
