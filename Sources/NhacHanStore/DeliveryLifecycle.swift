/// A delivery's life as one pure state machine (DESIGN.md §2): an event in, the move out.
///
/// Every store applies the same table, so SQLite and PostgreSQL cannot disagree on what a
/// delivery may become. The store turns a ``Move`` into one fenced `UPDATE`; the runner turns
/// a transport's outcome into an ``Event``.
///
/// ```
/// pending ──claim──▶ sending ──delivered──▶ sent
///    ▲                 │ │ └──failed(permanent)──▶ dead ──requeue──▶ pending
///    │                 │ └──failed(transient)──▶ retrying ──claim──▶ sending
///    └────release──────┘
/// pending, retrying, sending ──expire (deadline passed, unit reported)──▶ expired
/// ```
public enum DeliveryLifecycle {
    public enum Event: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// A worker leases a due delivery.
        case claim
        /// A worker takes over a `sending` delivery whose lease ran out (its worker died).
        case reclaim
        /// The server accepted it.
        case delivered
        /// A transient failure; a next attempt is scheduled.
        case failedTransiently
        /// A permanent failure, or retries exhausted: a dead letter.
        case failedPermanently
        /// It must not be sent any more: its deadline passed, or the unit reported.
        case expire
        /// The worker gives the lease back unsent (a clean stop, a batch deadline).
        case release
        /// The coordinator re-queues a dead letter once its cause is fixed (`nhachan retry`).
        case requeue

        public var description: String { rawValue }
    }

    /// What an event does to a delivery in a given state.
    public enum Move: Sendable, Hashable {
        /// It moves to `state`; `countsAsAttempt` says whether `attempts` grows by one.
        case to(DeliveryState, countsAsAttempt: Bool)
        /// The event is not legal in that state; the delivery stays as it is.
        case illegal

        public var target: DeliveryState? {
            if case .to(let state, _) = self { return state }
            return nil
        }
    }

    /// The transition table.
    public static func move(from state: DeliveryState, on event: Event) -> Move {
        switch (state, event) {
        case (.pending, .claim), (.retrying, .claim), (.sending, .reclaim):
            return .to(.sending, countsAsAttempt: false)
        case (.sending, .delivered):
            return .to(.sent, countsAsAttempt: true)
        case (.sending, .failedTransiently):
            return .to(.retrying, countsAsAttempt: true)
        case (.sending, .failedPermanently):
            return .to(.dead, countsAsAttempt: true)
        case (.pending, .expire), (.retrying, .expire), (.sending, .expire):
            return .to(.expired, countsAsAttempt: false)
        case (.sending, .release):
            // A delivery tried before is written back as `retrying`: the same claimable state,
            // with its history kept (see `releaseLeases`).
            return .to(.pending, countsAsAttempt: false)
        case (.dead, .requeue):
            return .to(.pending, countsAsAttempt: false)
        default:
            return .illegal
        }
    }

    /// The states from which `event` is legal: the `WHERE state IN (...)` of the store's update.
    public static func sources(of event: Event) -> [DeliveryState] {
        DeliveryState.allCases.filter { move(from: $0, on: event) != .illegal }
    }

    /// The event that leads from `sending` to `state`, for a completion given as a target state.
    public static func completionEvent(to state: DeliveryState) -> Event? {
        Event.allCases.first { $0 != .reclaim && move(from: .sending, on: $0).target == state }
    }

    /// Where a completion leaves a delivery being sent, and whether it adds an attempt (1 or 0);
    /// throws for a state that a delivery being sent cannot reach. Both stores check with it.
    static func completion(_ update: DeliveryUpdate) throws -> (state: DeliveryState, attempt: Int64) {
        guard let event = completionEvent(to: update.state),
              case .to(let target, let counts) = move(from: .sending, on: event)
        else {
            throw StoreError(code: .operationFailed, message: "a delivery being sent cannot become '\(update.state.rawValue)'")
        }
        return (target, counts && update.countsAsAttempt ? 1 : 0)
    }

    /// `state IN ('a', 'b')` for SQL; the names are the enum's own, never user input.
    static func sqlStates(_ states: [DeliveryState]) -> String {
        "(" + states.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }
}
