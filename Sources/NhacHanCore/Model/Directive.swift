/// A công văn, kế hoạch, quyết định or thông báo: who issued it, when, and the tasks it sets.
public struct Directive: Hashable, Sendable, Identifiable {
    public var id: String
    /// Number and symbol ("550/UBND-VX"); `nil` when the text has none.
    public var number: String?
    public var issuer: String
    public var issued: CivilDate?
    public var received: CivilDate?
    public var subject: String
    public var source: String?
    public var policy: String?
    public var tasks: [DirectiveTask]

    public init(
        id: String, number: String? = nil, issuer: String, issued: CivilDate? = nil, received: CivilDate? = nil,
        subject: String, source: String? = nil, policy: String? = nil, tasks: [DirectiveTask]
    ) {
        self.id = id
        self.number = number
        self.issuer = issuer
        self.issued = issued
        self.received = received
        self.subject = subject
        self.source = source
        self.policy = policy
        self.tasks = tasks
    }

    /// The day from which the units can know of the directive.
    public var knownFrom: CivilDate? { received ?? issued }
}

/// What some units must do, for whom, and by when.
public struct DirectiveTask: Hashable, Sendable, Identifiable {
    public var id: String
    /// Unit and group ids.
    public var units: [String]
    public var action: String
    public var reportTo: String?
    /// The unit a report travels through ("qua Phòng LĐ-TB&XH").
    public var via: String?
    /// `nil`: a task with no time limit.
    public var due: Due?
    /// The phrase the deadline came from ("trước ngày 29/3/2024").
    public var phrase: String?
    /// The task this one follows (the onward report of an intermediary).
    public var after: String?
    public var policy: String?

    public init(
        id: String, units: [String], action: String, reportTo: String? = nil, via: String? = nil,
        due: Due? = nil, phrase: String? = nil, after: String? = nil, policy: String? = nil
    ) {
        self.id = id
        self.units = units
        self.action = action
        self.reportTo = reportTo
        self.via = via
        self.due = due
        self.phrase = phrase
        self.after = after
        self.policy = policy
    }
}
