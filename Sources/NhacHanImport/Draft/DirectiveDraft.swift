import Foundation
public import NhacHanCore

/// A directive read from its text: the draft that `nhachan import` prints.
///
/// Its JSON is the `import` contract of DESIGN.md §4 (every key present, `null` when unknown),
/// extended with `id`, `symbol`, `type`, `year`, `recipient_units`, `copies` and `signer`.
public struct DirectiveDraft: Sendable, Equatable, Encodable {
    /// Slug from number (or symbol) and year, else from the file name.
    public var id: String
    public var number: String?
    /// The symbol after the number ("UBND-VX"), kept when the number is blank.
    public var symbol: String?
    public var type: String?
    public var issuer: String?
    public var issued: CivilDate?
    /// The year of the document, known even when the day was left blank.
    public var year: Int?
    public var place: String?
    public var subject: String?
    /// Recipients as written after "Kính gửi".
    public var recipients: [String]
    /// Directory ids of the recipients that matched.
    public var recipientUnits: [String]
    public var tasks: [DraftTask]
    /// "Nơi nhận": who gets a copy (never an obligation).
    public var copies: [String]
    public var signer: Signer?
    /// What the importer could not decide, each with its source line.
    public var warnings: [String]
    /// The input file name, for `source:`.
    public var sourceName: String
    /// Source lines of header facts, for the YAML comments: keys "number", "issuer", "issued", "subject".
    public var factLines: [String: LineRange]
    /// The cleaned text of each source line (index 0 is line 1), for quoting in comments.
    public var lineTexts: [String]

    enum CodingKeys: String, CodingKey {
        case id, number, symbol, type, issuer, issued, year, place, subject, recipients, tasks, copies, signer, warnings
        case recipientUnits = "recipient_units"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeOrNull(number, forKey: .number)
        try c.encodeOrNull(symbol, forKey: .symbol)
        try c.encodeOrNull(type, forKey: .type)
        try c.encodeOrNull(issuer, forKey: .issuer)
        try c.encodeOrNull(issued?.description, forKey: .issued)
        try c.encodeOrNull(year, forKey: .year)
        try c.encodeOrNull(place, forKey: .place)
        try c.encodeOrNull(subject, forKey: .subject)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(recipientUnits, forKey: .recipientUnits)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(copies, forKey: .copies)
        try c.encodeOrNull(signer, forKey: .signer)
        try c.encode(warnings, forKey: .warnings)
    }

    /// Pretty JSON with sorted keys (stable for golden files), ending in a newline.
    public func jsonString() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
