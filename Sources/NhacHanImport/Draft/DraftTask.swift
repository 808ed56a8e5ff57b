/// One obligation read from a directive: who must do what, for whom, by when.
public struct DraftTask: Sendable, Equatable, Encodable {
    /// Short slug, unique within the directive ("bao-cao", "tong-hop", "thuc-hien").
    public var id: String
    /// Unit ids (directory ids; slugs of the names when there is no directory).
    public var units: [String]
    /// Names that matched no directory entry, as written.
    public var unmatchedUnits: [String]
    public var action: String
    /// Whom the units report to, as written ("UBND huyện").
    public var reportTo: String?
    /// The intermediary: a unit id when matched, else the text ("qua Phòng LĐ-TB&XH").
    public var via: String?
    /// Whether `via` is a directory unit id.
    public var viaIsUnit: Bool
    /// The task this one reports onward from (the intermediary's synthesis).
    public var after: String?
    /// `nil`: no time limit (a task to carry out, nothing to report by a date).
    public var deadline: DraftDeadline?
    public var sourceLines: LineRange
    /// Why the task is written as a comment in the YAML draft (its units are not in the
    /// directory), so that the draft passes `check`; `nil` for an active task.
    public var commentedOut: String?
    /// Why `due:` is written as a comment (a recurrence or a count with no day to start from).
    public var dueCommentedOut: String?
    /// A marked limit no work of its sentence governs, drafted so that the clerk decides: it is
    /// written as a comment and is `"tentative": true` in JSON.
    public var tentative = false
    /// Why a tentative task is a comment when its units are known.
    public static let tentativeReason = "mốc không gắn với việc báo cáo hay hoàn thành"

    public init(id: String, units: [String], unmatchedUnits: [String] = [], action: String,
                reportTo: String? = nil, via: String? = nil, viaIsUnit: Bool = false, after: String? = nil,
                deadline: DraftDeadline? = nil, sourceLines: LineRange) {
        self.id = id
        self.units = units
        self.unmatchedUnits = unmatchedUnits
        self.action = action
        self.reportTo = reportTo
        self.via = via
        self.viaIsUnit = viaIsUnit
        self.after = after
        self.deadline = deadline
        self.sourceLines = sourceLines
    }

    enum CodingKeys: String, CodingKey {
        case id, units, action, via, after, deadline, tentative
        case unmatchedUnits = "unmatched_units", reportTo = "report_to", sourceLines = "source_lines"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(units, forKey: .units)
        try c.encode(unmatchedUnits, forKey: .unmatchedUnits)
        try c.encode(action, forKey: .action)
        try c.encodeOrNull(reportTo, forKey: .reportTo)
        try c.encodeOrNull(via, forKey: .via)
        try c.encodeOrNull(after, forKey: .after)
        try c.encodeOrNull(deadline, forKey: .deadline)
        try c.encode(sourceLines, forKey: .sourceLines)
        if tentative { try c.encode(true, forKey: .tentative) }
    }
}
