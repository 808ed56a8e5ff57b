public import Foundation
import NhacHanCore

/// The HTTP `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
public enum RetryAfter {
    /// The longest delay honoured: a peer asking for more gets this. Longer than any retry
    /// budget, so such a delivery becomes a dead letter with the reason, rather than an overflow.
    public static let maximum: Int64 = 30 * 86_400

    /// The delay the header asks for, measured from `now`, clamped to `0...maximum`; `nil` when
    /// it cannot be read (negative, garbage, a date before 1970 or after 9999).
    /// A date in the past means "now" (zero). Nothing a peer sends can overflow here.
    public static func parse(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // Too many digits for Int64 is "very long": the maximum.
            return .seconds(Int64(trimmed).map { min($0, maximum) } ?? maximum)
        }
        guard let date = httpDate(trimmed), now.timeIntervalSince1970.isFinite else { return nil }
        let seconds = Int64(date) - Int64(now.timeIntervalSince1970.rounded(.down))
        return .seconds(min(max(0, seconds), maximum))
    }

    /// Seconds since 1970 of an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), or of the
    /// obsolete RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime
    /// ("Sun Nov  6 08:49:37 1994") forms that recipients must still accept.
    static func httpDate(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        for part in parts.dropFirst() {  // the weekday is redundant
            if let m = months.firstIndex(of: part.lowercased()) {
                month = m + 1
            } else if part.contains(":") {
                let hms = part.split(separator: ":").compactMap { $0.utf8.count <= 2 ? Int($0) : nil }
                guard hms.count == 3 else { return nil }
                time = (hms[0], hms[1], hms[2])
            } else if part.utf8.count <= 9, let number = Int(part) {
                if part.count == 4 || day != nil {
                    year = number
                } else {
                    day = number
                }
            } else if part.uppercased() != "GMT" {
                return nil
            }
        }
        guard let day, let month, var year, let (h, m, s) = time else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }  // RFC 9110: two-digit years
        guard (1970...9999).contains(year), (1...31).contains(day), (0..<24).contains(h), (0..<60).contains(m), (0..<61).contains(s)
        else { return nil }
        return CivilDate.days(year: year, month: month, day: day) * 86_400 + h * 3600 + m * 60 + s
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
