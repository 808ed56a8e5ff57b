public import NhacHanCore

/// A loaded, validated configuration: the planner's registry plus the settings around it.
public struct Config: Sendable {
    /// The root file, as given.
    public var rootPath: String
    /// Every file read: the root first, then the included ones in order.
    public var files: [String]
    /// An IANA zone; `Asia/Ho_Chi_Minh` by default.
    public var timezone: String
    public var state: StateLocation
    /// The password and CA of a PostgreSQL state.
    public var stateConnection: StateConnection
    public var calendar: CalendarSettings
    public var coordinator: Coordinator?
    public var smtp: SMTPSettings?
    /// The web face; `nil` when the config has no `http:`.
    public var http: HTTPSettings?
    public var webhooks: WebhookSettings
    /// How long finished deliveries stay in the state file, in days.
    public var retentionDays: Int
    public var registry: Registry
    /// A folder with the config's own message templates, if it has one.
    public var templatesDirectory: String?
    /// Obligations that exist but carry no date, where they stand.
    public var undated: [UndatedObligation]
    /// Where each task's `due:` is written, by `directive/task`: warnings about a deadline name it.
    public var dueLocations: [String: Location] = [:]
}

/// Where the durable state lives.
public enum StateLocation: Hashable, Sendable {
    /// An SQLite file; a relative path is resolved beside the root file.
    case sqlite(path: String)
    case postgres(url: String)

    /// `sqlite:PATH` or `postgres://…` (`postgresql://…`), as `state:` and `state migrate` take it.
    public init?(parsing text: String) {
        if text.hasPrefix("sqlite:") && text.count > 7 {
            self = .sqlite(path: String(text.dropFirst(7)))
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            return nil
        }
    }
}

/// How to reach a PostgreSQL state: its password by reference, and a CA to trust.
public struct StateConnection: Hashable, Sendable {
    public var password: SecretReference?
    public var caFile: String?

    public init(password: SecretReference? = nil, caFile: String? = nil) {
        self.password = password
        self.caFile = caFile
    }
}

/// The config's changes to the working-day calendar.
public struct CalendarSettings: Hashable, Sendable {
    public var rollOver: Bool = false
    public var daysOff: [NamedDay] = []
    public var workingDays: [NamedDay] = []
}

/// Who receives the daily digest.
public struct Coordinator: Hashable, Sendable {
    public var name: String
    public var email: [String]
    /// Minutes after midnight; `nil` for no digest.
    public var digestAt: Int?
}

/// How webhook calls are made: timeouts in seconds and the per-host connection limit.
public struct WebhookSettings: Hashable, Sendable {
    public var connectTimeout = 10
    public var timeout = 30
    public var maxConnectionsPerHost = 8
    /// An extra CA to trust for HTTPS webhooks, resolved beside the root file.
    public var caFile: String?

    public init() {}
}

/// A task with a deadline that is not dated ("theo quy định").
public struct UndatedObligation: Hashable, Sendable {
    public var directive: String
    public var task: String
    public var phrase: String
    public var location: Location
}
