/// A civil instant in the configuration's time zone, as seconds since 1970-01-01 00:00 local time.
///
/// The planner never converts to UTC: every rule of DESIGN.md §1 is about local days and
/// hours. The edges convert with the zone's offset when they print or compare with the clock.
public struct LocalTime: Hashable, Comparable, Sendable {
    public var seconds: Int

    @inlinable
    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// The start of `day` plus `minute` minutes.
    @inlinable
    public init(day: CivilDate, minute: Int = 0) {
        self.seconds = day.dayNumber * 86_400 + minute * 60
    }

    /// The local day this instant falls on.
    @inlinable
    public var day: CivilDate {
        CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// Seconds since the start of the local day.
    @inlinable
    public var secondOfDay: Int { seconds - day.dayNumber * 86_400 }

    @inlinable
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.seconds < rhs.seconds }

    public static let distantPast = LocalTime(seconds: Int(Int32.min) * 100)
    public static let distantFuture = LocalTime(seconds: Int(Int32.max) * 100)
}

extension LocalTime: CustomStringConvertible {
    /// `YYYY-MM-DDTHH:MM:SS`, without an offset.
    public var description: String {
        let s = secondOfDay
        return "\(day)T\(String(s / 3600).leftPadded(2)):\(String(s / 60 % 60).leftPadded(2)):\(String(s % 60).leftPadded(2))"
    }
}

/// Minutes after midnight written as `HH:MM`.
public enum ClockTime {
    /// Parses `08:00` or `8:00` into minutes after midnight.
    public static func minutes(parsing text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }

    public static func format(_ minutes: Int) -> String {
        "\(String(minutes / 60).leftPadded(2)):\(String(minutes % 60).leftPadded(2))"
    }
}
