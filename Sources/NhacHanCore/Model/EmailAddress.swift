/// The one email-address check of the product: the config loader refuses what fails it, and
/// the transport refuses it again before an address reaches an SMTP envelope.
public enum EmailAddress {
    /// A practical check of `local@domain.tld`: one `@`; a local part of RFC 5322 atom
    /// characters and single dots (at most 64); a dotted domain of letters, digits and inner
    /// hyphens (at most 253). No spaces, no CR or LF, nothing that could break an envelope.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.utf8.count <= 254 else { return false }
        let local = parts[0]
        guard local.allSatisfy(isAtomByte), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return false }
        return isHostName(String(decoding: parts[1], as: UTF8.self), requireDot: true)
    }

    /// Host-name syntax: dot-separated labels of letters, digits and inner hyphens.
    public static func isHostName(_ host: String, requireDot: Bool) -> Bool {
        let labels = host.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard !host.isEmpty, host.utf8.count <= 253, !requireDot || labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isAtomByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || Array(".!#$%&'*+/=?^_`{|}~-".utf8).contains(byte)
    }
}
