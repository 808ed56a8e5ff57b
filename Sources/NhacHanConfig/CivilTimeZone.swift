public import Foundation
public import NhacHanCore

/// Converts between the planner's local civil time and real instants, in the config's zone.
public struct CivilTimeZone: Sendable {
    public let zone: TimeZone

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    /// The local time of a real instant.
    public func local(_ date: Date) -> LocalTime {
        let utc = Int(date.timeIntervalSince1970.rounded(.down))
        return LocalTime(seconds: utc + zone.secondsFromGMT(for: date))
    }

    /// The local time of Unix seconds.
    public func local(unix: Int64) -> LocalTime { local(Date(timeIntervalSince1970: TimeInterval(unix))) }

    /// Unix seconds of a local time.
    public func unix(_ local: LocalTime) -> Int64 { Int64(date(local).timeIntervalSince1970) }

    /// The real instant of a local time (the first one, where a DST change repeats an hour).
    public func date(_ local: LocalTime) -> Date {
        let guess = Date(timeIntervalSince1970: TimeInterval(local.seconds))
        let offset = zone.secondsFromGMT(for: guess.addingTimeInterval(TimeInterval(-zone.secondsFromGMT(for: guess))))
        return Date(timeIntervalSince1970: TimeInterval(local.seconds - offset))
    }

    /// Seconds east of UTC at a local time.
    public func offset(at local: LocalTime) -> Int {
        zone.secondsFromGMT(for: date(local))
    }

    /// ISO 8601 with the zone's offset: `2024-04-04T00:00:00+07:00`.
    public func iso(_ local: LocalTime) -> String {
        let offset = offset(at: local)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(local)\(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    /// Parses `2024-03-01`, `2024-03-01T08:00[:SS]`, with an optional `Z` or `±HH:MM`; without one the time is local.
    public func parse(_ text: String) -> LocalTime? {
        let (body, offset) = splitOffset(text)
        let parts = body.split(separator: "T", maxSplits: 1).map(String.init)
        guard let first = parts.first, let day = CivilDate(iso: first) else { return nil }
        var seconds = 0
        if parts.count == 2 {
            let hms = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }) else { return nil }
            let h = hms[0]!, m = hms[1]!, s = hms.count == 3 ? hms[2]! : 0
            guard (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
            seconds = h * 3600 + m * 60 + s
        }
        let written = LocalTime(seconds: day.dayNumber * 86_400 + seconds)
        guard let offset else { return written }
        guard let offset = offset else { return nil }
        return local(Date(timeIntervalSince1970: TimeInterval(written.seconds - offset)))
    }

    /// The body and, when present, the offset in seconds (`.some(nil)` for a malformed offset).
    private func splitOffset(_ text: String) -> (String, Int??) {
        if text.hasSuffix("Z") { return (String(text.dropLast()), .some(0)) }
        guard text.count > 6, text.contains("T") else { return (text, nil) }
        let tail = text.suffix(6)
        guard let sign = tail.first, sign == "+" || sign == "-" else { return (text, nil) }
        let hm = tail.dropFirst().split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), h < 24, m < 60 else { return (text, .some(nil)) }
        return (String(text.dropLast(6)), .some((h * 3600 + m * 60) * (sign == "-" ? -1 : 1)))
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension CivilTimeZone {
    /// `YYYYMMDDTHHMMSSZ`, as iCalendar writes UTC.
    public func utcStamp(_ local: LocalTime) -> String {
        let utc = LocalTime(seconds: local.seconds - offset(at: local))
        return utc.description.filter { $0 != "-" && $0 != ":" } + "Z"
    }
}
