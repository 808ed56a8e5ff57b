public import NhacHanCore

/// A deadline read from the text, with the phrase it came from.
///
/// Mirrors the `due` forms of the config (DESIGN.md §1, §3). Fields that do not apply to a
/// kind are `nil` and are written as JSON `null`.
public struct DraftDeadline: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Equatable, Encodable {
        case before, through, at, within, every, undated
    }

    public var kind: Kind
    /// The day (`before`, `through`, `at`); `nil` when the text gave no year we could resolve.
    public var date: CivilDate?
    /// `HH:MM` for `at` (and a time-of-day of an `every`).
    public var time: String?
    /// The RRULE of an `every`.
    public var rule: String?
    /// First day an `every` applies from (the issue date when known).
    public var start: CivilDate?
    /// Whether an `every` occurrence is due before or through its day.
    public var recurrenceKind: Kind?
    /// `within`: the number of days, `d` or `wd`, and the event counted from.
    public var n: Int?
    public var unit: String?
    public var from: String?
    /// The words of the text, as written (normalised).
    public var phrase: String

    public init(kind: Kind, date: CivilDate? = nil, time: String? = nil, rule: String? = nil,
                start: CivilDate? = nil, recurrenceKind: Kind? = nil, n: Int? = nil,
                unit: String? = nil, from: String? = nil, phrase: String) {
        self.kind = kind
        self.date = date
        self.time = time
        self.rule = rule
        self.start = start
        self.recurrenceKind = recurrenceKind
        self.n = n
        self.unit = unit
        self.from = from
        self.phrase = phrase
    }

    enum CodingKeys: String, CodingKey {
        case kind, date, time, rule, start, n, unit, from, phrase
        case recurrenceKind = "every_kind"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeOrNull(date?.description, forKey: .date)
        try c.encodeOrNull(time, forKey: .time)
        try c.encodeOrNull(rule, forKey: .rule)
        if kind == .every {
            try c.encodeOrNull(start?.description, forKey: .start)
            try c.encodeOrNull(recurrenceKind?.rawValue, forKey: .recurrenceKind)
        }
        try c.encodeOrNull(n, forKey: .n)
        try c.encodeOrNull(unit, forKey: .unit)
        try c.encodeOrNull(from, forKey: .from)
        try c.encode(phrase, forKey: .phrase)
    }
}

extension KeyedEncodingContainer {
    /// Writes `null` for `nil` instead of leaving the key out (DESIGN.md §4 lists every key).
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
