/// A day that departs from the plain Saturday-Sunday week: a public holiday, a day off in
/// its place, or a weekend day made a working day.
///
/// The `holidays` command lists these, and `dayOffName(_:)` names days off from them.
public struct CalendarDay: Hashable, Sendable {
    /// What kind of departure from the plain week a day is; the raw values are the JSON
    /// contract of `holidays --format json`.
    public enum Kind: String, Hashable, Sendable {
        /// A public holiday (it may fall on a weekend; then a substitute usually follows).
        case holiday
        /// A day off given in place of a holiday on a weekend (nghỉ bù), or swapped with a
        /// working Saturday (hoán đổi).
        case substitute
        /// A Saturday or Sunday on which offices work (đi làm bù).
        case weekendWork = "weekend_work"
    }

    public var date: CivilDate
    /// Vietnamese name ("Tết Nguyên đán").
    public var name: String
    /// English name ("Lunar New Year (Tết)").
    public var nameEnglish: String
    public var kind: Kind
    /// The announcement the day comes from, or `nil` when it follows from the Labour Code
    /// rules or the configuration.
    public var source: String?

    public init(date: CivilDate, name: String, nameEnglish: String, kind: Kind, source: String? = nil) {
        self.date = date
        self.name = name
        self.nameEnglish = nameEnglish
        self.kind = kind
        self.source = source
    }

    /// Whether offices are closed on this day.
    public var isDayOff: Bool { kind != .weekendWork }
}
