/// When a task is due, in one of the forms directives use (DESIGN.md §1).
public enum Due: Hashable, Sendable {
    /// "trước ngày D": overdue from the start of D.
    case before(CivilDate)
    /// "đến hết ngày D", "chậm nhất ngày D": overdue from the end of D.
    case through(CivilDate)
    /// An exact instant: a day and minutes after midnight.
    case at(CivilDate, minute: Int)
    /// "trong thời hạn N ngày (làm việc) kể từ ...".
    case within(DayCount, from: WithinAnchor)
    /// A recurring deadline, each occurrence its own.
    case every(Recurrence, kind: RecurringKind)
    /// An obligation with no date ("theo quy định"): flagged, never planned.
    case undated(String)

    public var isUndated: Bool {
        if case .undated = self { return true }
        return false
    }
}

/// What a `within` period counts from.
public enum WithinAnchor: Hashable, Sendable {
    case issued, received
    case date(CivilDate)
}

/// Whether each occurrence of a recurring deadline is a `before` or a `through` deadline.
public enum RecurringKind: String, Hashable, Sendable {
    case before, through
}

/// A number of calendar days (`7d`) or working days (`3wd`).
public struct DayCount: Hashable, Sendable, CustomStringConvertible {
    public var count: Int
    public var working: Bool

    public init(_ count: Int, working: Bool) {
        self.count = count
        self.working = working
    }

    /// Parses `7d` or `3wd`.
    public init?(_ text: String) {
        let working = text.hasSuffix("wd")
        let digits = text.dropLast(working ? 2 : 1)
        guard working || text.hasSuffix("d"), !digits.isEmpty, digits.allSatisfy(\.isASCII),
              let n = Int(digits), n >= 0, n <= 3660
        else { return nil }
        self.init(n, working: working)
    }

    public var description: String { "\(count)\(working ? "wd" : "d")" }
}
