import Foundation
import NhacHanCore

/// The `Date:` header format (RFC 5322 §3.3), written without Foundation's formatters so
/// that it never depends on the process locale.
enum RFC5322Date {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Thu, 04 Apr 2024 08:00:00 +0700` for `date` at `offsetSeconds` east of UTC.
    static func format(_ date: Date, offsetSeconds: Int) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let (year, month, day) = CivilDate(dayNumber: days).components
        let weekday = ((days + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday (index 3)
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offsetMinutes = abs(offsetSeconds) / 60
        return "\(weekdays[weekday]), \(pad(day)) \(months[month - 1]) \(year) "
            + "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) "
            + "\(sign)\(pad(offsetMinutes / 60))\(pad(offsetMinutes % 60))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
