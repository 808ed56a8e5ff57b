import NhacHanCore
import Foundation

/// Syntax checks of addresses, hosts and identifiers.
enum Validation {
    /// The address of `Name <address>` or of a bare address.
    static func mailboxAddress(_ text: String) -> String? {
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            return EmailAddress.isValid(address) ? address : nil
        }
        return EmailAddress.isValid(text) ? text : nil
    }

    /// An `http://` or `https://` URL with a host, and whether it may be used.
    ///
    /// The URL is a secret (it may carry a token): the message shows it redacted.
    static func webURLProblem(_ text: String, allowHTTP: Bool) -> String? {
        let shown = SecretURL.redacted(text)
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty,
              ["http", "https"].contains(scheme), Loopback.isLoopback(host: host) || EmailAddress.isHostName(host, requireDot: false)
        else { return "'\(shown)' không phải URL http(s) có tên máy chủ" }
        if scheme == "http" && !allowHTTP && !Loopback.isLoopback(host: host) {
            return "'\(shown)' dùng HTTP không mã hóa: dùng https://, hoặc đặt allow_http: true cho máy chủ tin cậy"
        }
        return nil
    }

    /// The characters of `text` that no email header or request line may carry
    /// (``HeaderText/problem(_:)``, tab included), each once, in order.
    static func headerUnsafeScalars(_ text: String) -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where HeaderText.problem(scalar) != nil && !found.contains(scalar) {
            found.append(scalar)
        }
        return found
    }

    /// `U+2028 (LINE SEPARATOR)`, `U+000A (LF)`, `U+0001`.
    static func scalarName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x00: "NUL", 0x09: "TAB", 0x0A: "LF", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL",
            0x85: "NEL", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
        ]
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    /// Ids are lowercase ASCII slugs (`phong-gddt`, `xa-binh-chau`), safe in keys, URLs and logs.
    static func isID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }
}
