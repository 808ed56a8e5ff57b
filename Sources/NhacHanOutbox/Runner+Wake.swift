public import NhacHanCore

extension Runner {
    /// The next moment something is due: a planned send, a retry, a lease that runs out, or the
    /// coordinator's digest. Never later than the end of the look-ahead window, so that a
    /// config whose deadlines are far away is looked at again then.
    ///
    /// The planner is asked only for `(now, now + lookahead]`: an open-ended recurring rule
    /// costs one window of occurrences, not the years until its end.
    public func nextWake(after now: LocalTime) async throws -> LocalTime {
        let horizon = LocalTime(seconds: now.seconds + limits.lookaheadDays * 86_400)
        let state = try await plannerState()
        let plan = Planner(registry: config.registry, calendar: calendar)
            .plan(.init(now: now, from: LocalTime(seconds: now.seconds + 1), to: horizon), state: state)
        var candidates = [horizon]
        if let first = plan.reminders.first { candidates.append(first.sendAt) }
        if let retry = try await store.nextWakeTime() { candidates.append(zone.local(unix: retry)) }
        if let digest = DigestJob(config: config, zone: zone, calendar: calendar).nextSlot(after: now) { candidates.append(digest) }
        return candidates.min()!
    }
}
