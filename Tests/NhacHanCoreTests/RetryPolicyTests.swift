import NhacHanCore
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy(base: 30, cap: 3600, maxAge: 3 * 86_400)

    @Test("back-off doubles per attempt up to the cap, scaled by the pinned jitter draw")
    func backoff() {
        #expect(policy.afterTransientFailure(attempt: 1, now: 1_000, sendAt: 1_000, retryAfter: nil, unit: 0.5) == .retry(at: 1_015))
        #expect(policy.afterTransientFailure(attempt: 3, now: 1_000, sendAt: 1_000, retryAfter: nil, unit: 1) == .retry(at: 1_120))
        #expect(policy.afterTransientFailure(attempt: 40, now: 1_000, sendAt: 1_000, retryAfter: nil, unit: 1) == .retry(at: 4_600))
        #expect(policy.afterTransientFailure(attempt: 1, now: 1_000, sendAt: 1_000, retryAfter: nil, unit: 0) == .retry(at: 1_001))
    }

    @Test("a server's Retry-After is honoured when it is longer than the back-off")
    func honoursRetryAfter() {
        #expect(policy.afterTransientFailure(attempt: 1, now: 1_000, sendAt: 1_000, retryAfter: 600, unit: 0.5) == .retry(at: 1_600))
    }

    @Test("a huge Retry-After, a huge now, or a NaN draw never overflow: the delivery gives up instead",
          arguments: [Int64.max, Int64.max - 1, 1 << 62])
    func noOverflow(_ retryAfter: Int64) {
        guard case .giveUp = policy.afterTransientFailure(attempt: 1, now: 1_000, sendAt: 1_000, retryAfter: retryAfter, unit: 0.5) else {
            Issue.record("expected a give-up")
            return
        }
        guard case .giveUp = policy.afterTransientFailure(attempt: 1, now: Int64.max - 10, sendAt: 0, retryAfter: nil, unit: .nan) else {
            Issue.record("expected a give-up near Int64.max")
            return
        }
    }

    @Test("past the maximum age a failing delivery is dead")
    func maxAge() {
        guard case .giveUp = policy.afterTransientFailure(attempt: 5, now: 1_000 + 3 * 86_400, sendAt: 1_000, retryAfter: nil, unit: 0.5) else {
            Issue.record("expected a give-up")
            return
        }
    }
}
