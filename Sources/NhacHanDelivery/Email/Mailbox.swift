import NhacHanCore
import Foundation

/// An email address with an optional display name: `Nhắc hạn UBND huyện <nhachan@example.gov.vn>`.
///
/// The address must be ASCII (no SMTPUTF8): it goes into the SMTP envelope as is. The
/// display name may be any Unicode; it is RFC 2047-encoded when rendered.
public struct Mailbox: Hashable, Sendable, CustomStringConvertible {
    public var displayName: String?
    public var address: String

    /// Validates both parts.
    public init(displayName: String? = nil, address: String) throws(HeaderValueError) {
        if let displayName { try HeaderValue.validate(displayName, field: "display name") }
        try Mailbox.validateAddress(address)
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0.nfc }
        self.address = address
    }

    /// Parses `addr@host` or `Display Name <addr@host>` (the display name may be quoted).
    public init(parsing text: String) throws(HeaderValueError) {
        try HeaderValue.validate(text, field: "mailbox")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            try self.init(address: trimmed)
            return
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        }
        try self.init(displayName: name.isEmpty ? nil : name, address: address)
    }

    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    /// The product's one address check (``EmailAddress/isValid(_:)``), as a header error.
    public static func validateAddress(_ address: String) throws(HeaderValueError) {
        try HeaderValue.validate(address, field: "address")
        guard !address.isEmpty else { throw HeaderValueError(field: "address", problem: .empty) }
        guard EmailAddress.isValid(address) else {
            throw HeaderValueError(field: "address \(address)", problem: .invalidAddress)
        }
    }

}
