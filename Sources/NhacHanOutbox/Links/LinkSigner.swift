public import Crypto
import Foundation

/// Signs and checks the tokens in links and cookies: HMAC-SHA256 over a purpose and the
/// values it binds, checked in constant time.
///
/// A token is `base64url(fields joined by LF) "." base64url(mac)`. The fields are readable
/// (directive, unit, expiry) but cannot be changed: any change breaks the MAC. The purpose is
/// the first field, so an ack token is never accepted as a feed token or a session.
public struct LinkSigner: Sendable {
    /// Why a key is refused.
    public struct WeakKey: Error, CustomStringConvertible {
        public var description: String
    }

    /// Purposes, one per kind of token.
    public enum Purpose: String, Sendable {
        case ack = "a1", feed = "f1", session = "s1", csrf = "c1"
    }

    /// Keys shorter than this are refused: the key must be as strong as the MAC.
    public static let minimumKeyBytes = 32

    private let key: SymmetricKey

    public init(key: some Collection<UInt8>) throws(WeakKey) {
        guard key.count >= Self.minimumKeyBytes else {
            throw WeakKey(description: "khóa ký liên kết chỉ có \(key.count) byte, cần ít nhất \(Self.minimumKeyBytes) byte ngẫu nhiên (head -c 32 /dev/urandom > http.key)")
        }
        self.key = SymmetricKey(data: Array(key))
    }

    public func sign(_ purpose: Purpose, _ fields: [String]) -> String {
        let message = Array(([purpose.rawValue] + fields).joined(separator: "\n").utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return Base64URL.encode(message) + "." + Base64URL.encode(Array(mac))
    }

    /// The fields after the purpose, when the token is intact and of that purpose.
    public func verify(_ token: some StringProtocol, as purpose: Purpose) -> [String]? {
        // Links are short; anything long is not one of ours and is not worth hashing.
        guard token.utf8.count <= 2048, let dot = token.firstIndex(of: "."),
              let message = Base64URL.decode(token[..<dot]), let mac = Base64URL.decode(token[token.index(after: dot)...]),
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: message, using: key),
              // One spelling per token: base64's spare low bits of the last character would
              // otherwise let an altered link pass as the same one.
              Base64URL.encode(message) + "." + Base64URL.encode(mac) == token,
              let text = String(validating: message, as: UTF8.self)
        else { return nil }
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.first == purpose.rawValue else { return nil }
        return Array(fields.dropFirst())
    }
}

/// RFC 4648 §5 without padding: safe in paths, queries and cookies.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }) else {
            return nil
        }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
