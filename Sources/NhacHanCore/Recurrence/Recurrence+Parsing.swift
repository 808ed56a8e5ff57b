/// Why an RRULE was refused.
public struct RecurrenceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
}

extension Recurrence {
    private static let weekdayCodes = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]

    /// Parses an RRULE of the supported subset; anything outside it is an error saying what is not supported.
    public init(parsing text: String, start: CivilDate) throws(RecurrenceError) {
        var fields: [String: String] = [:]
        let body = text.hasPrefix("RRULE:") ? String(text.dropFirst(6)) : text
        for part in body.split(separator: ";") where !part.isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw RecurrenceError(description: "'\(part)' không có dạng TÊN=GIÁ_TRỊ") }
            let name = pair[0].uppercased()
            guard fields[name] == nil else { throw RecurrenceError(description: "\(name) được ghi hai lần") }
            fields[name] = pair[1].uppercased()
        }
        guard let freqText = fields.removeValue(forKey: "FREQ") else {
            throw RecurrenceError(description: "thiếu FREQ (FREQ=YEARLY, MONTHLY, WEEKLY hoặc DAILY)")
        }
        guard let frequency = Frequency(rawValue: freqText) else {
            throw RecurrenceError(description: "FREQ=\(freqText) không được hỗ trợ; dùng YEARLY, MONTHLY, WEEKLY hoặc DAILY")
        }
        self.init(frequency: frequency, start: start, text: text)
        if let v = fields.removeValue(forKey: "INTERVAL") { interval = try Self.number(v, "INTERVAL", 1...1000) }
        if let v = fields.removeValue(forKey: "COUNT") { count = try Self.number(v, "COUNT", 1...100_000) }
        if let v = fields.removeValue(forKey: "BYMONTH") { byMonth = try Self.list(v, "BYMONTH", 1...12) }
        if let v = fields.removeValue(forKey: "BYMONTHDAY") {
            byMonthDay = try Self.list(v, "BYMONTHDAY", -31...31)
            if byMonthDay.contains(0) { throw RecurrenceError(description: "BYMONTHDAY=0 không chỉ ngày nào") }
        }
        if let v = fields.removeValue(forKey: "BYSETPOS") {
            bySetPos = try Self.list(v, "BYSETPOS", -366...366)
            if bySetPos.contains(0) { throw RecurrenceError(description: "BYSETPOS=0 không chỉ vị trí nào") }
        }
        if let v = fields.removeValue(forKey: "BYDAY") {
            for item in v.split(separator: ",") { byDay.append(try Self.weekdayRule(String(item))) }
        }
        if let v = fields.removeValue(forKey: "UNTIL") {
            let digits = v.prefix(8)
            guard digits.count == 8, let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)),
                  let d = Int(digits.suffix(2)), let date = CivilDate(year: y, month: m, day: d)
            else { throw RecurrenceError(description: "UNTIL=\(v) không phải ngày (YYYYMMDD)") }
            until = date
        }
        if count != nil && until != nil { throw RecurrenceError(description: "không dùng COUNT và UNTIL cùng lúc") }
        if let other = fields.keys.sorted().first {
            throw RecurrenceError(description: "\(other) không được hỗ trợ; được dùng: FREQ, INTERVAL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS, COUNT, UNTIL")
        }
    }

    private static func number(_ text: String, _ name: String, _ range: ClosedRange<Int>) throws(RecurrenceError) -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw RecurrenceError(description: "\(name)=\(text) phải là số nguyên trong khoảng \(range.lowerBound)...\(range.upperBound)")
        }
        return n
    }

    private static func list(_ text: String, _ name: String, _ range: ClosedRange<Int>) throws(RecurrenceError) -> [Int] {
        var result: [Int] = []
        for item in text.split(separator: ",") { result.append(try number(String(item), name, range)) }
        return result
    }

    private static func weekdayRule(_ text: String) throws(RecurrenceError) -> WeekdayRule {
        let code = String(text.suffix(2))
        guard let weekday = weekdayCodes[code] else {
            throw RecurrenceError(description: "BYDAY=\(text): cần MO, TU, WE, TH, FR, SA hoặc SU, có thể kèm số thứ tự (-1FR)")
        }
        let prefix = text.dropLast(2)
        if prefix.isEmpty { return WeekdayRule(ordinal: nil, weekday: weekday) }
        guard let n = Int(prefix), n != 0, (-53...53).contains(n) else {
            throw RecurrenceError(description: "BYDAY=\(text): số thứ tự phải trong 1...53 hoặc -53...-1")
        }
        return WeekdayRule(ordinal: n, weekday: weekday)
    }
}
