import NhacHanCore
/// A value that cannot go into a mail or HTTP header as given.
///
/// Raised at render time, and by `HeaderValue.validate` at config-load time, so that a
/// unit name or subject carrying CR or LF can never inject a header.
public struct HeaderValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: String, Hashable, Sendable {
        /// CR or LF: would start a new header line.
        case lineBreak = "contains a line break (CR or LF)"
        /// NUL or another C0 control character.
        case controlCharacter = "contains a control character"
        /// Not a usable address (`user@example.org`, ASCII, no spaces or brackets).
        case invalidAddress = "is not a valid email address"
        /// Empty where a value is required.
        case empty = "is empty"
    }

    /// Which header or field: "Subject", "From", "unit name", "webhook-id"...
    public var field: String
    public var problem: Problem

    public init(field: String, problem: Problem) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(field) \(problem.rawValue)" }
}

/// Checks for values bound for headers.
public enum HeaderValue {
    /// Throws when `value` contains CR, LF or another control character (tab is allowed).
    ///
    /// Call it at config-load time on everything that reaches a header (unit names, the
    /// `from` display name, webhook secrets' ids); rendering calls it again.
    public static func validate(_ value: String, field: String) throws(HeaderValueError) {
        for scalar in value.unicodeScalars where scalar != "\t" {
            switch HeaderText.problem(scalar) {
            case .lineBreak: throw HeaderValueError(field: field, problem: .lineBreak)
            case .control: throw HeaderValueError(field: field, problem: .controlCharacter)
            case nil: continue
            }
        }
    }
}
