import Foundation
import NhacHanCore
import Yams

extension ConfigLoader {
    /// `http:` (DESIGN §3): listen address, public URL, signing key, coordinators, API tokens.
    func readHTTP(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> HTTPSettings? {
        let keys = ["listen", "public_url", "secret_file", "secret_env", "coordinators", "api_tokens"]
        guard let f = r.fields(node, of: "http", allowed: keys) else { return nil }
        var publicURL = ""
        if let v = f["public_url"]?.value, let text = r.headerText(v, "http.public_url") {
            let parsed = URLComponents(string: text)
            if !["http", "https"].contains(parsed?.scheme ?? "") || (parsed?.host ?? "").isEmpty || parsed?.query != nil {
                r.error("http.public_url phải là https://TÊN-MIỀN[/đường-dẫn], gốc của mọi liên kết trong thư; gặp '\(text)'", at: v)
            }
            publicURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        } else if f["public_url"] == nil {
            r.error("http cần public_url: https://nhachan.example.gov.vn (gốc của liên kết xác nhận trong thư)", at: node)
        }
        let key = secret(f, prefix: "secret", what: "http", r, into: &draft)
        if key == nil && f["secret_file"] == nil && f["secret_env"] == nil {
            r.error("http cần secret_file: secrets/http.key (ít nhất 32 byte ngẫu nhiên, ký các liên kết)", at: node)
        }
        // Read on without a key, so that every mistake of the section is reported at once.
        var settings = HTTPSettings(publicURL: publicURL, secret: key ?? .environment(""))
        if let v = f["listen"]?.value, let text = r.string(v, "http.listen") {
            if let (host, port) = Self.hostAndPort(text) {
                settings.host = host
                settings.port = port
            } else {
                r.error("http.listen phải là ĐỊA-CHỈ:CỔNG, ví dụ 127.0.0.1:8080; gặp '\(text)'", at: v)
            }
        }
        if let v = f["coordinators"]?.value {
            var seen = Set<String>()
            for item in r.list(v, "http.coordinators") ?? [] {
                guard let c = r.fields(item, of: "mỗi phần tử của http.coordinators", allowed: ["username", "password_hash"]) else { continue }
                guard let userNode = c["username"]?.value, let username = r.headerText(userNode, "username"),
                      let hashNode = c["password_hash"]?.value, let hash = r.string(hashNode, "password_hash")
                else {
                    if c["username"] == nil || c["password_hash"] == nil {
                        r.error("mỗi điều phối viên cần username và password_hash (in ra bởi nhachan hash-password)", at: item)
                    }
                    continue
                }
                if !Self.isBcryptHash(hash) {
                    r.error("password_hash phải là mã bcrypt \"$2b$12$...\" (60 ký tự) do nhachan hash-password in ra, không phải mật khẩu", at: hashNode)
                    continue
                }
                if !seen.insert(username).inserted {
                    r.error("điều phối viên '\(username)' bị khai báo hai lần", at: userNode)
                    continue
                }
                settings.coordinators.append(CoordinatorLogin(username: username, passwordHash: hash))
            }
        }
        if let v = f["api_tokens"]?.value {
            for item in r.list(v, "http.api_tokens") ?? [] {
                guard let t = r.fields(item, of: "mỗi phần tử của http.api_tokens", allowed: ["name", "token_file", "token_env"]) else { continue }
                guard let name = t["name"].flatMap({ r.line($0.value, "name") }) else {
                    r.error("mỗi API token cần name (tên hệ thống dùng nó, ví dụ eoffice)", at: item)
                    continue
                }
                guard let token = secret(t, prefix: "token", what: "http.api_tokens[\(name)]", r, into: &draft) else {
                    if t["token_file"] == nil && t["token_env"] == nil {
                        r.error("API token '\(name)' cần token_file: ĐƯỜNG_DẪN hoặc token_env: BIẾN", at: item)
                    }
                    continue
                }
                settings.apiTokens.append(APIToken(name: name, token: token))
            }
        }
        return key == nil ? nil : settings
    }

    /// `HOST:PORT` or `[IPv6]:PORT`; port 0 takes any free port (the log says which).
    static func hostAndPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else { return nil }
        return (host, port)
    }

    /// `$2a$`, `$2b$` or `$2y$`, a two-digit cost, and 53 characters of salt and hash.
    static func isBcryptHash(_ text: String) -> Bool {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        return text.utf8.count == 60 && parts.count == 4 && parts[0].isEmpty && ["2a", "2b", "2y"].contains(parts[1])
            && parts[2].count == 2 && parts[2].allSatisfy(\.isNumber) && parts[3].count == 53
    }
}
