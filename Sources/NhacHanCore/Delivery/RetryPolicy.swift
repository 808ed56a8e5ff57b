/// When to try a failed delivery again: exponential backoff with full jitter, `Retry-After`
/// honoured, and a maximum age after which a delivery is a dead letter.
///
/// Pure: the caller passes the random draw, so tests can pin it.
public struct RetryPolicy: Hashable, Sendable {
    /// The first backoff, in seconds.
    public var base: Int64
    /// The longest backoff, in seconds.
    public var cap: Int64
    /// After this long past its send time, a delivery that still fails is dead.
    public var maxAge: Int64

    public init(base: Int64 = 30, cap: Int64 = 3600, maxAge: Int64 = 3 * 86_400) {
        self.base = base
        self.cap = cap
        self.maxAge = maxAge
    }

    /// What to do after the `attempt`-th failed attempt (1-based).
    public enum Decision: Hashable, Sendable {
        case retry(at: Int64)
        case giveUp(reason: String)
    }

    /// - Parameters:
    ///   - unit: a random draw in `0..<1` for the jitter.
    public func afterTransientFailure(
        attempt: Int, now: Int64, sendAt: Int64, retryAfter: Int64?, unit: Double
    ) -> Decision {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(cap, base << Int64(exponent))
        let draw = unit.isFinite ? min(max(unit, 0), 1) : 1
        var delay = Int64((Double(ceiling) * draw).rounded(.down))
        delay = max(delay, 1)
        // A server's Retry-After past the whole budget cannot be honoured: give up now, without
        // ever adding a huge number to `now`.
        if let retryAfter { delay = max(delay, min(max(retryAfter, 0), maxAge + 1)) }
        let (next, overflow) = now.addingReportingOverflow(delay)
        if overflow || next.subtractingReportingOverflow(sendAt).partialValue > maxAge {
            return .giveUp(reason: "hết hạn thử lại sau \(maxAge / 3600) giờ (gave up after \(attempt) attempts)")
        }
        return .retry(at: next)
    }
}
