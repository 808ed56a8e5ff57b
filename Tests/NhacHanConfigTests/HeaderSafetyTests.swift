import Testing
@testable import NhacHanConfig

/// One header-bound field carrying a character no header may carry.
struct HeaderCase: Sendable, CustomTestStringConvertible {
    var field: String
    /// The YAML, with `1️⃣` where the value starts.
    var yaml: String
    /// How the diagnostic names the field.
    var what: String
    /// How the diagnostic names the characters.
    var characters: String

    var testDescription: String { field }
}

func headerError(_ what: String, _ characters: String) -> String {
    "\(what) chứa ký tự \(characters) mà tiêu đề email hay dòng yêu cầu không mang được (control or line-break character, not allowed in a header): hãy xóa ký tự này"
}

private let oneUnit = "units: [{id: xa-a, name: UBND xã A}]\n"

private func directive(number: String = "\"550/UBND\"", issuer: String = "UBND huyện", subject: String = "\"V/v thử\"", action: String = "Báo cáo") -> String {
    oneUnit + """
        directives:
          - id: cv-1
            number: \(number)
            issuer: \(issuer)
            subject: \(subject)
            tasks: [{id: t, units: [xa-a], action: \(action)}]

        """
}

/// Every value that reaches an email header or a request line, each with a different refused character.
let headerCases: [HeaderCase] = [
    .init(field: "unit name", yaml: "units:\n  - {id: xa-a, name: 1️⃣\"UBND xã A\\L\"}\n", what: "tên đơn vị (name)", characters: "U+2028 (LINE SEPARATOR)"),
    .init(
        field: "group name", yaml: oneUnit + "groups:\n  - {id: nhom, name: 1️⃣\"Các xã\\P\", members: [xa-a]}\n",
        what: "tên nhóm (name)", characters: "U+2029 (PARAGRAPH SEPARATOR)"),
    .init(
        field: "email.to", yaml: "units:\n  - {id: xa-a, name: A, email: {to: [1️⃣\"a@xa.example.gov.vn\\r\\nBcc: x@evil.example\"]}}\n",
        what: "địa chỉ trong email.to", characters: "U+000D (CR), U+000A (LF)"),
    .init(
        field: "email.cc", yaml: "units:\n  - {id: xa-a, name: A, email: {cc: [1️⃣\"a@xa.example.gov.vn\\t\"]}}\n",
        what: "địa chỉ trong email.cc", characters: "U+0009 (TAB)"),
    .init(
        field: "escalate_to.email", yaml: "units:\n  - {id: xa-a, name: A, escalate_to: {email: [1️⃣\"a@xa.example.gov.vn\\x7f\"]}}\n",
        what: "địa chỉ trong escalate_to.email", characters: "U+007F (DEL)"),
    .init(
        field: "coordinator.name", yaml: "coordinator: {name: 1️⃣\"Văn phòng\\N\", email: [vp@example.gov.vn]}\n",
        what: "coordinator.name", characters: "U+0085 (NEL)"),
    .init(
        field: "coordinator.email", yaml: "coordinator: {name: VP, email: [1️⃣\"vp@example.gov.vn\\u2028\"]}\n",
        what: "địa chỉ trong coordinator.email", characters: "U+2028 (LINE SEPARATOR)"),
    .init(
        field: "smtp.from", yaml: "smtp: {url: \"smtp://127.0.0.1:2525\", from: 1️⃣\"Nhắc hạn\\x1b <n@example.gov.vn>\"}\n",
        what: "smtp.from", characters: "U+001B (ESC)"),
    .init(
        field: "smtp.username", yaml: "smtp: {url: \"smtp://127.0.0.1:2525\", from: n@example.gov.vn, username: 1️⃣\"nhachan\\n\"}\n",
        what: "smtp.username", characters: "U+000A (LF)"),
    .init(
        field: "smtp.url", yaml: "smtp: {url: 1️⃣\"smtp://mail.example.gov.vn:587\\r\", from: n@example.gov.vn}\n",
        what: "smtp.url", characters: "U+000D (CR)"),
    .init(
        field: "directive number", yaml: directive(number: "1️⃣\"550/UBND-VX\\x01\""), what: "number", characters: "U+0001"),
    .init(field: "issuer", yaml: directive(issuer: "1️⃣\"UBND huyện\\v\""), what: "issuer", characters: "U+000B (VT)"),
    .init(field: "subject", yaml: directive(subject: "1️⃣\"V/v thử\\u2028Bcc: x@evil.example\""), what: "subject", characters: "U+2028 (LINE SEPARATOR)"),
    .init(field: "task action", yaml: directive(action: "1️⃣\"Báo cáo\\x1f\""), what: "action", characters: "U+001F"),
    .init(
        field: "webhook url", yaml: "units:\n  - {id: xa-a, name: A, webhooks: [{url: 1️⃣\"https://chat.example.gov.vn/hook\\L\"}]}\n",
        what: "webhook url", characters: "U+2028 (LINE SEPARATOR)"),
    .init(
        field: "chat_id",
        yaml: "units:\n  - {id: xa-a, name: A, webhooks: [{url: \"https://chat.example.gov.vn/hook\", chat_id: 1️⃣\"-100\\t1\"}]}\n",
        what: "chat_id", characters: "U+0009 (TAB)"),
]

@Suite("Values bound for an email header or a request line")
struct HeaderSafetyTests {
    func errors(_ f: ConfigFixture, environment: [String: String] = [:]) -> [String] {
        f.load(environment: environment).1.filter { $0.severity == .error }.map(\.description)
    }

    @Test("a character no header can carry is refused where the value starts, and named", arguments: headerCases)
    func refusedCharacter(_ c: HeaderCase) {
        var f = ConfigFixture()
        f.write("nhachan.yaml", c.yaml)
        #expect(errors(f) == [f.error("1️⃣", headerError(c.what, c.characters))])
    }

    @Test("every refused value is reported at once, in the root file and in included files")
    func allAtOnce() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            include: [directives/*.yaml]
            coordinator: {name: 1️⃣"VP\\L", email: [vp@example.gov.vn]}
            units:
              - {id: xa-a, name: 2️⃣"UBND\\u2029xã A", email: {to: [a@xa.example.gov.vn, 3️⃣"b@xa.example.gov.vn\\n"]}}

            """)
        f.write("directives/cv.yaml", """
            directives:
              - id: cv-1
                issuer: UBND huyện
                subject: 4️⃣"V/v\\rthử"
                tasks: [{id: t, units: [xa-a], action: 5️⃣"Báo\\x00cáo"}]
            """)
        #expect(errors(f) == [
            f.error("1️⃣", headerError("coordinator.name", "U+2028 (LINE SEPARATOR)")),
            f.error("2️⃣", headerError("tên đơn vị (name)", "U+2029 (PARAGRAPH SEPARATOR)")),
            f.error("3️⃣", headerError("địa chỉ trong email.to", "U+000A (LF)")),
            f.error("4️⃣", headerError("subject", "U+000D (CR)")),
            f.error("5️⃣", headerError("action", "U+0000 (NUL)")),
        ])
    }

    @Test("fields that never reach a header keep their tabs, and a block scalar keeps its newlines")
    func otherFieldsUntouched() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", oneUnit + """
            directives:
              - id: cv-1
                issuer: UBND huyện
                subject: "V/v thử"
                source: |
                  dòng một
                  dòng hai
                tasks:
                  - {id: t, units: [xa-a], action: Báo cáo, report_to: "UBND\\thuyện", phrase: "trước\\tngày 29/3/2024"}
            """)
        let (config, diagnostics) = f.load()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(config?.registry.directives.first?.source == "dòng một\ndòng hai\n")
        #expect(config?.registry.directives.first?.tasks.first?.phrase == "trước\tngày 29/3/2024")
    }

    @Test("a webhook URL's token appears neither in an error nor in the source line printed under it")
    func webhookURLRedacted() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            units:
              - id: xa-a
                name: A
                webhooks:
                  - {url: 1️⃣"http://chat.example.gov.vn/hook?token=S3CRET-TOKEN"}
                  - {url: "https://api.telegram.org/bot123456:S3CRET-BOT/sendMessage", format: 2️⃣telegrm, chat_id: "-100"}
            """)
        let got = errors(f)
        #expect(got == [
            f.error("1️⃣", "'http://chat.example.gov.vn/hook?…' dùng HTTP không mã hóa: dùng https://, hoặc đặt allow_http: true cho máy chủ tin cậy"),
            f.error("2️⃣", "định dạng webhook không hợp lệ 'telegrm'; có phải ý bạn là 'telegram'?; dùng một trong nhachan, slack, googlechat, teams, telegram"),
        ])
        let rendered = f.rendered()
        #expect(!rendered.contains("S3CRET"), "\(rendered)")
        // The caret still stands under the value it points at, in the redacted line.
        let lines = rendered.split(separator: "\n").map(String.init)
        let source = lines.firstIndex { $0.contains("format: telegrm") }
        #expect(source != nil)
        if let source {
            let shown = "      - {url: \"https://api.telegram.org/bot…/…\", format: telegrm, chat_id: \"-100\"}"
            #expect(lines[source] == "    " + shown)
            let before = shown.components(separatedBy: "telegrm")[0].unicodeScalars.count
            #expect(lines[source + 1] == "    " + String(repeating: " ", count: before) + "^")
        }
    }

    @Test("an SMTP URL with a password in it is not echoed")
    func smtpURLRedacted() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "smtp: {url: 1️⃣\"smtpx://nhachan:S3CRET@mail.example.gov.vn\", from: n@example.gov.vn}\n")
        #expect(errors(f) == [f.error("1️⃣", "smtp.url phải là smtp://HOST[:PORT] hoặc smtps://HOST[:PORT]; gặp 'smtpx://…@mail.example.gov.vn'")])
        #expect(!f.rendered().contains("S3CRET"))
    }
}

@Suite("SMTP credentials are never sent in clear")
struct SMTPCredentialTests {
    let environment = ["NHACHAN_TEST_SMTP": "x"]

    func smtp(url: String, starttls: String, credentials: String = ", username: nhachan, password_env: NHACHAN_TEST_SMTP") -> String {
        "smtp: {url: \"\(url)\", from: n@example.gov.vn, starttls: 1️⃣\(starttls)\(credentials)}\n"
    }

    @Test("starttls: optional with a username and password to a remote host is refused at the starttls value")
    func optionalWithCredentialsRefused() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", smtp(url: "smtp://mail.example.gov.vn:587", starttls: "optional"))
        let got = f.load(environment: environment).1.filter { $0.severity == .error }.map(\.description)
        #expect(got == [f.error("1️⃣", "smtp.starttls: optional cùng username/mật khẩu tới máy chủ không phải loopback mail.example.gov.vn: mật khẩu có thể bị gửi không mã hóa (password could go in clear); dùng starttls: required, hoặc smtps://")])
    }

    @Test(
        "starttls: optional is accepted on loopback, over smtps://, or without credentials",
        arguments: [
            ("smtp://127.0.0.1:2525", ", username: nhachan, password_env: NHACHAN_TEST_SMTP"),
            ("smtp://localhost:2525", ", password_env: NHACHAN_TEST_SMTP"),
            ("smtp://[::1]:2525", ", username: nhachan, password_env: NHACHAN_TEST_SMTP"),
            ("smtps://mail.example.gov.vn:465", ", username: nhachan, password_env: NHACHAN_TEST_SMTP"),
            ("smtp://mail.example.gov.vn:25", ""),
        ])
    func optionalAccepted(url: String, credentials: String) {
        var f = ConfigFixture()
        f.write("nhachan.yaml", smtp(url: url, starttls: "optional", credentials: credentials))
        let (config, diagnostics) = f.load(environment: environment)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config?.smtp?.startTLS == .optional)
    }

    @Test("starttls: required with credentials to a remote host is accepted")
    func requiredAccepted() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", smtp(url: "smtp://mail.example.gov.vn:587", starttls: "required"))
        #expect(f.load(environment: environment).1.isEmpty)
    }
}

@Suite("The default policy")
struct DefaultPolicyTests {
    func config(defaultPolicy: String, taskPolicy: String = "") -> String {
        """
        policies:
          1️⃣default: {send_at: "08:00"}
          nhanh: {send_at: "07:30"}
        default_policy: \(defaultPolicy)
        \(oneUnit)directives:
          - {id: cv-1, issuer: UBND huyện, subject: "V/v thử", tasks: [{id: t, units: [xa-a], action: Báo cáo\(taskPolicy)}]}
        """
    }

    @Test("policies.default is warned about, not refused, when default_policy names another policy")
    func unusedDefaultWarned() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", config(defaultPolicy: "nhanh"))
        let (loaded, diagnostics) = f.load()
        #expect(loaded != nil)
        #expect(diagnostics.map(\.description) == [
            f.warning("1️⃣", "policies.default không được dùng vì default_policy là 'nhanh' (unused policy): xóa nó, hoặc đặt default_policy: default"),
        ])
    }

    @Test("no warning when default_policy is 'default', or when a task names policies.default itself")
    func usedDefaultNotWarned() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", config(defaultPolicy: "default"))
        #expect(f.load().1.isEmpty)
        var g = ConfigFixture()
        g.write("nhachan.yaml", config(defaultPolicy: "nhanh", taskPolicy: ", policy: default"))
        #expect(g.load().1.isEmpty)
    }
}
