import Testing
@testable import NhacHanConfig
import NhacHanCore

/// `http:` (DESIGN §3): every mistake at its line and column, all at once.
@Suite("The http: section")
struct HTTPSettingsTests {
    static let hash = "$2b$12$s0YmH96ObPwpfBG1UAjXceNLPBvsbnhBOJABSK/bIqVhsfBQ3crpK"

    @Test("a complete http: section is read: listen, public URL without its slash, key, coordinators and API tokens")
    func complete() throws {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            http:
              listen: "[::1]:9090"
              public_url: https://nhachan.huyen.example.gov.vn/
              secret_file: secrets/http.key
              coordinators:
                - {username: vanphong, password_hash: "\(Self.hash)"}
              api_tokens:
                - {name: eoffice, token_env: EOFFICE_TOKEN}

            """ + ConfigFixture.units)
        let (config, diagnostics) = f.load(environment: [:])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let http = try #require(config?.http)
        #expect(http.host == "::1" && http.port == 9090)
        #expect(http.publicURL == "https://nhachan.huyen.example.gov.vn")
        #expect(http.coordinators == [CoordinatorLogin(username: "vanphong", passwordHash: Self.hash)])
        #expect(http.apiTokens == [APIToken(name: "eoffice", token: .environment("EOFFICE_TOKEN"))])
        if case .file(let path) = http.secret { #expect(path.hasSuffix("/secrets/http.key")) } else { Issue.record("secret_file") }
    }

    @Test("a bad listen address, public URL, password hash, a missing key and a token without its secret are each reported")
    func mistakes() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            http:
              listen: 1️⃣localhost
              public_url: 2️⃣nhachan.example.gov.vn
              coordinators:
                - {username: vanphong, password_hash: 3️⃣mat-khau-that}
                - 4️⃣{username: ketoan}
              api_tokens:
                - 5️⃣{name: eoffice}

            """ + ConfigFixture.units)
        let errors = f.load(environment: [:]).1.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains(f.error("1️⃣", "http.listen phải là ĐỊA-CHỈ:CỔNG, ví dụ 127.0.0.1:8080; gặp 'localhost'")))
        #expect(errors.contains(f.error("2️⃣", "http.public_url phải là https://TÊN-MIỀN[/đường-dẫn], gốc của mọi liên kết trong thư; gặp 'nhachan.example.gov.vn'")))
        #expect(errors.contains(f.error("3️⃣", "password_hash phải là mã bcrypt \"$2b$12$...\" (60 ký tự) do nhachan hash-password in ra, không phải mật khẩu")))
        #expect(errors.contains(f.error("4️⃣", "mỗi điều phối viên cần username và password_hash (in ra bởi nhachan hash-password)")))
        #expect(errors.contains(f.error("5️⃣", "API token 'eoffice' cần token_file: ĐƯỜNG_DẪN hoặc token_env: BIẾN")))
        #expect(errors.contains { $0.contains("http cần secret_file") })
    }
}
