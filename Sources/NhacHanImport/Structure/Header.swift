import NhacHanCore

/// The parts of a Decree 30 header that were found, each with its source lines.
struct Header: Sendable {
    var issuer: String?
    var issuerLines: LineRange?
    var number: String?
    var symbol: String?
    var numberLines: LineRange?
    var place: String?
    var issued: CivilDate?
    var year: Int?
    var dateLines: LineRange?
    /// Document type from a title ("Kế hoạch"), or "Công văn" when a "V/v" subject is found.
    var type: String?
    var subject: String?
    var subjectLines: LineRange?
    var warnings: [String] = []
    /// Index of the first body line (the "Kính gửi" line or the first sentence).
    var bodyStart = 0
}
