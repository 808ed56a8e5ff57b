import Synchronization

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

/// What libcurl's progress callback reads: the gate of the transfer in flight.
final class GateBox {
    let gate: SendGate
    init(_ gate: SendGate) { self.gate = gate }
}
