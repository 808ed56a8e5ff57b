public import NhacHanConfig
public import NhacHanCore

/// The links a message carries: one ack link per item and the unit's calendar feed.
///
/// An ack link binds directive, task, unit and occurrence, and expires 60 days after the
/// occurrence's last day: long enough for a late report, short enough that an old mail
/// forwarded around cannot ack next year's occurrence (it names its own occurrence anyway).
public struct MessageLinks: Sendable {
    public static let ackValidityDays = 60

    public let signer: LinkSigner
    /// `https://nhachan.example.gov.vn`, no trailing slash.
    public let publicURL: String
    public let zone: CivilTimeZone

    public init(signer: LinkSigner, publicURL: String, zone: CivilTimeZone) {
        self.signer = signer
        self.publicURL = publicURL
        self.zone = zone
    }

    /// What an ack token says.
    public struct AckClaim: Sendable, Hashable {
        public var directive: String
        public var task: String
        public var unit: String
        /// The occurrence's written date, `YYYY-MM-DD`.
        public var occurrence: String
        /// Unix seconds after which the link no longer works.
        public var expires: Int64
    }

    public func ackToken(directive: String, task: String, unit: String, occurrence: String, lastDay: CivilDate) -> String {
        let end = zone.unix(LocalTime(day: lastDay.adding(days: Self.ackValidityDays + 1)))
        return signer.sign(.ack, [directive, task, unit, occurrence, String(end)])
    }

    public func ackURL(directive: String, task: String, unit: String, occurrence: String, lastDay: CivilDate) -> String {
        "\(publicURL)/a/\(ackToken(directive: directive, task: task, unit: unit, occurrence: occurrence, lastDay: lastDay))"
    }

    /// The claim of an intact ack token, expired or not (the caller tells the two apart).
    public func ackClaim(_ token: some StringProtocol) -> AckClaim? {
        guard let f = signer.verify(token, as: .ack), f.count == 5, let expires = Int64(f[4]) else { return nil }
        return AckClaim(directive: f[0], task: f[1], unit: f[2], occurrence: f[3], expires: expires)
    }

    public func feedToken(unit: String) -> String { signer.sign(.feed, [unit]) }

    public func feedURL(unit: String) -> String {
        "\(publicURL)/calendar/\(unit).ics?token=\(feedToken(unit: unit))"
    }

    /// Whether `token` is the feed token of `unit`.
    public func isFeedToken(_ token: some StringProtocol, unit: String) -> Bool {
        signer.verify(token, as: .feed) == [unit]
    }
}
