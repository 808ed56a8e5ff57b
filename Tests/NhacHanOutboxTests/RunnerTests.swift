import NhacHanConfig
import NhacHanCore
import NhacHanDelivery
import NhacHanOutbox
import NhacHanStore
import Testing

@Suite("The runner")
struct RunnerTests {
    @Test("a tick sends each due message once per channel and records it; the same tick again sends nothing")
    func sendsOnce() async throws {
        let district = try District()
        let channels = FakeChannels()
        let runner = district.runner(channels)
        let first = try await runner.tick(now: district.at("2024-03-26T08:00"))
        #expect(first.counts[.sent] == 3)  // xa-a email + webhook, xa-b email
        #expect(channels.emails.count == 2 && channels.hooks.count == 1)
        let again = try await runner.tick(now: district.at("2024-03-26T08:00"))
        #expect(again.total == 0 && again.enqueued == 0)
        #expect(channels.emails.count == 2)
        #expect(try await district.store.counts()[.sent] == 3)
    }

    @Test("a transient failure is retried at the pinned jitter's time; a permanent one is a dead letter")
    func retryAndDead() async throws {
        let district = try District()
        let channels = FakeChannels(
            email: { _, _ in .transient(reason: "421 busy", retryAfter: nil, response: nil) },
            webhook: { _ in .permanent(reason: "404", response: ServerResponse(status: 404)) })
        let runner = district.runner(channels)
        let now = district.at("2024-03-26T08:00")
        _ = try await runner.tick(now: now)
        let retrying = try await district.store.deliveries(state: .retrying, unit: nil)
        #expect(retrying.count == 2)
        // base 30 s, first attempt, draw 0.5: 15 s later.
        #expect(retrying.allSatisfy { $0.nextAttemptAt == district.zone.unix(now) + 15 && $0.attempts == 1 })
        #expect(try await district.store.deliveries(state: .dead, unit: nil).count == 1)
        #expect(try await runner.nextWake(after: now) == LocalTime(seconds: now.seconds + 15))
    }

    @Test("messages the gate closes on are given back unsent, not counted as attempts; a stop gives back what was cut")
    func notAttemptedAndStop() async throws {
        let district = try District()
        let stop = StopSignal()
        let channels = FakeChannels(email: { _, gate in
            stop.stop()
            return gate.stop.isStopped ? .transient(reason: "cut", retryAfter: nil, response: nil) : .delivered(nil)
        }, webhook: { _ in .notAttempted(reason: "batch deadline") })
        let runner = district.runner(channels)
        let summary = try await runner.tick(now: district.at("2024-03-26T08:00"), stop: stop)
        #expect(summary.counts[.pending] == 3)
        let pending = try await district.store.deliveries(state: .pending, unit: nil)
        #expect(pending.count == 3 && pending.allSatisfy { $0.attempts == 0 && $0.leaseOwner == nil })
        #expect(try await district.store.counts()[.sending] == 0)
    }

    @Test("the next wake covers the digest, and an open-ended daily rule is looked at one window at a time")
    func wakeIsBounded() async throws {
        let district = try District(due: "{every: \"FREQ=DAILY\", start: 2020-01-01, kind: through}")
        let runner = district.runner(FakeChannels())
        let now = district.at("2026-12-01T09:00")
        let wake = try await runner.nextWake(after: now)
        #expect(wake == district.at("2026-12-01T16:30"), "the digest at 16:30 comes before tomorrow's 08:00 reminders")
        let evening = try await runner.nextWake(after: district.at("2026-12-01T17:00"))
        #expect(evening == district.at("2026-12-02T08:00"))
    }
}
