import NhacHanStore
import Testing

/// Every (state, event) pair of the delivery state machine, the illegal ones included.
struct LifecycleCase: Sendable, CustomTestStringConvertible {
    var from: DeliveryState
    var event: DeliveryLifecycle.Event
    var expected: DeliveryLifecycle.Move

    var testDescription: String { "\(from.rawValue) --\(event)--> \(expected.target?.rawValue ?? "illegal")" }

    static let legal: [DeliveryState: [DeliveryLifecycle.Event: DeliveryLifecycle.Move]] = [
        .pending: [.claim: .to(.sending, countsAsAttempt: false), .expire: .to(.expired, countsAsAttempt: false)],
        .retrying: [.claim: .to(.sending, countsAsAttempt: false), .expire: .to(.expired, countsAsAttempt: false)],
        .sending: [
            .reclaim: .to(.sending, countsAsAttempt: false), .delivered: .to(.sent, countsAsAttempt: true),
            .failedTransiently: .to(.retrying, countsAsAttempt: true), .failedPermanently: .to(.dead, countsAsAttempt: true),
            .expire: .to(.expired, countsAsAttempt: false), .release: .to(.pending, countsAsAttempt: false),
        ],
        .dead: [.requeue: .to(.pending, countsAsAttempt: false)],
        .sent: [:],
        .expired: [:],
    ]

    static let all: [LifecycleCase] = DeliveryState.allCases.flatMap { state in
        DeliveryLifecycle.Event.allCases.map { event in
            LifecycleCase(from: state, event: event, expected: legal[state]?[event] ?? .illegal)
        }
    }
}

@Suite("The delivery state machine")
struct DeliveryLifecycleTests {
    @Test("each state and event gives the move in the table", arguments: LifecycleCase.all)
    func transition(_ c: LifecycleCase) {
        #expect(DeliveryLifecycle.move(from: c.from, on: c.event) == c.expected)
    }

    @Test("sent and expired are final: no event moves them")
    func finalStates() {
        for state in [DeliveryState.sent, .expired] {
            #expect(DeliveryLifecycle.Event.allCases.allSatisfy { DeliveryLifecycle.move(from: state, on: $0) == .illegal })
        }
    }

    @Test("a completion names the event that leads from sending to its state")
    func completionEvents() {
        #expect(DeliveryLifecycle.completionEvent(to: .sent) == .delivered)
        #expect(DeliveryLifecycle.completionEvent(to: .retrying) == .failedTransiently)
        #expect(DeliveryLifecycle.completionEvent(to: .dead) == .failedPermanently)
        #expect(DeliveryLifecycle.completionEvent(to: .expired) == .expire)
        #expect(DeliveryLifecycle.completionEvent(to: .pending) == .release)
        #expect(DeliveryLifecycle.completionEvent(to: .sending) == nil)
    }

    @Test("the store updates only from the states the table allows")
    func sources() {
        #expect(DeliveryLifecycle.sources(of: .requeue) == [.dead])
        #expect(Set(DeliveryLifecycle.sources(of: .expire)) == [.pending, .retrying, .sending])
        #expect(DeliveryLifecycle.sources(of: .release) == [.sending])
    }
}
