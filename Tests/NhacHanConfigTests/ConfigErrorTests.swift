import Testing
@testable import NhacHanConfig

/// Each validation error, at its exact line and column.
@Suite("Configuration errors a coordinator can act on")
struct ConfigErrorTests {
    func errors(_ f: ConfigFixture, environment: [String: String] = [:]) -> [String] {
        f.load(environment: environment).1.filter { $0.severity == .error }.map(\.description)
    }

    func directive(_ task: String, issued: String = "2024-03-10") -> String {
        """
        directives:
          - id: cv-1
            issuer: UBND huyện
            issued: \(issued)
            subject: "V/v thử"
            tasks:
              - \(task)
        """
    }

    @Test("an unknown key is reported with the key it probably is")
    func unknownKeyWithSuggestion() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, 1️⃣unitz: [ubnd-xa], action: A, due: {before: 2024-04-01}}"))
        #expect(errors(f).contains(f.error("1️⃣", "khóa không hợp lệ 'unitz' trong nhiệm vụ; có phải ý bạn là 'units'?; các khóa được dùng: id, units, action, report_to, via, due, phrase, after, policy")))
    }

    @Test("a value of the wrong type says what was expected")
    func wrongType() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "policies:\n  p: {on_due_day: 1️⃣maybe}\n" + ConfigFixture.units)
        #expect(errors(f) == [f.error("1️⃣", "on_due_day phải là true hoặc false; gặp 'maybe'")])
    }

    @Test("an impossible date is refused")
    func impossibleDate() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [ubnd-xa], action: A, due: {before: 1️⃣2024-02-30}}"))
        #expect(errors(f) == [f.error("1️⃣", "before '2024-02-30' không phải ngày có thật (kiểm tra số ngày của tháng)")])
    }

    @Test("unknown unit, group and policy references suggest the closest name")
    func unknownReferences() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [1️⃣xa-binh-chao, 2️⃣ubnd-xaa], action: A, via: 3️⃣phong-ldtbx, policy: 4️⃣nhanh}"))
        #expect(errors(f) == [
            f.error("1️⃣", "không có đơn vị hay nhóm 'xa-binh-chao'; có phải ý bạn là 'xa-binh-chau'?"),
            f.error("2️⃣", "không có đơn vị hay nhóm 'ubnd-xaa'; có phải ý bạn là 'ubnd-xa'?"),
            f.error("3️⃣", "không có đơn vị 'phong-ldtbx'; có phải ý bạn là 'phong-ldtbxh'?"),
            f.error("4️⃣", "không có chính sách 'nhanh'"),
        ])
    }

    @Test("duplicate ids are refused where the second one stands")
    func duplicateIDs() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + "  - {id: 1️⃣ubnd-xa, name: Trùng, members: [xa-binh-hai]}\n")
        let first = f.path("nhachan.yaml") + ":6:10"
        #expect(errors(f) == [f.error("1️⃣", "trùng id đơn vị hoặc nhóm 'ubnd-xa': đã khai báo tại \(first)")])
    }

    @Test("invalid email addresses and URLs are refused")
    func invalidAddresses() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            units:
              - id: xa-a
                name: UBND xã A
                email: {to: [1️⃣ubnd.example.gov.vn]}
                webhooks: [{url: 2️⃣"http://chat.example.gov.vn/hook"}, {url: 3️⃣"not a url"}]
            """)
        #expect(errors(f) == [
            f.error("1️⃣", "'ubnd.example.gov.vn' trong email.to không phải địa chỉ email (ten@mien)"),
            f.error("2️⃣", "'http://chat.example.gov.vn/hook' dùng HTTP không mã hóa: dùng https://, hoặc đặt allow_http: true cho máy chủ tin cậy"),
            f.error("3️⃣", "'not a url' không phải URL http(s) có tên máy chủ"),
        ])
    }

    @Test("an RRULE outside the supported subset is refused")
    func unsupportedRRule() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [ubnd-xa], action: A, due: {every: 1️⃣\"FREQ=HOURLY\"}}"))
        #expect(errors(f) == [f.error("1️⃣", "RRULE không được hỗ trợ: FREQ=HOURLY không được hỗ trợ; dùng YEARLY, MONTHLY, WEEKLY hoặc DAILY")])
    }

    @Test("a deadline before the directive's issue date is refused")
    func deadlineBeforeIssue() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [ubnd-xa], action: A, due: {before: 1️⃣2023-04-08}}"))
        #expect(errors(f) == [f.error("1️⃣", "hạn 2023-04-08 trước ngày ban hành văn bản 2024-03-10: kiểm tra lại năm")])
    }

    @Test("a group that contains itself is a cycle")
    func groupCycle() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            units: [{id: xa-a, name: UBND xã A}]
            groups:
              - {id: nhom-a, name: A, members: [xa-a, nhom-b]}
              - {id: nhom-b, name: B, members: [1️⃣nhom-a]}
            """)
        #expect(errors(f) == [f.error("1️⃣", "nhóm lồng vòng: nhom-a -> nhom-b -> nhom-a; một nhóm không thể chứa chính nó")])
    }

    @Test("a secret whose environment variable is not set is a warning for check, and nothing for the other commands")
    func unsetSecret() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            smtp: {url: "smtp://mail.example.gov.vn:587", from: "Nhắc hạn <nhachan@example.gov.vn>", username: nhachan, password_env: 1️⃣NHACHAN_TEST_SMTP}
            """)
        #expect(errors(f).isEmpty)
        var loader = ConfigLoader(environment: [:])
        loader.reportsMissingSecrets = true
        #expect(loader.load(path: f.path("nhachan.yaml")) != nil)
        #expect(loader.diagnostics.diagnostics.map(\.description) == [
            f.warning("1️⃣", "biến môi trường NHACHAN_TEST_SMTP (smtp.password_env) chưa được đặt: cần có trước khi chạy tick, run hay send-test (not set; needed to send)")])
        var set = ConfigLoader(environment: ["NHACHAN_TEST_SMTP": "x"])
        set.reportsMissingSecrets = true
        _ = set.load(path: f.path("nhachan.yaml"))
        #expect(set.diagnostics.diagnostics.isEmpty)
    }

    @Test("a name with a line break is refused: it would reach an email header")
    func headerInjection() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "units:\n  - {id: xa-a, name: 1️⃣\"UBND xã A\\r\\nBcc: x@evil.example\"}\n")
        #expect(errors(f) == [f.error("1️⃣", "tên đơn vị (name) chứa ký tự U+000D (CR), U+000A (LF) mà tiêu đề email hay dòng yêu cầu không mang được (control or line-break character, not allowed in a header): hãy xóa ký tự này")])
    }

    @Test("errors in an included file point into that file, and all errors are reported at once")
    func errorsInIncludedFile() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "include: [directives/*.yaml]\n1️⃣timezon: Asia/Ho_Chi_Minh\n" + ConfigFixture.units)
        f.write("directives/cv.yaml", directive("{id: t, units: [2️⃣ubnd-xb], action: A, due: {through: 3️⃣2024-13-01}}"))
        let got = errors(f)
        #expect(got.count == 3)
        #expect(got.contains(f.error("1️⃣", "khóa không hợp lệ 'timezon' trong cấu hình; có phải ý bạn là 'timezone'?; các khóa được dùng: timezone, state, state_password_env, state_password_file, state_ca_file, include, templates, calendar, coordinator, smtp, http, webhooks, retention_days, policies, default_policy, units, groups, directives")))
        #expect(got.contains(f.error("2️⃣", "không có đơn vị hay nhóm 'ubnd-xb'; có phải ý bạn là 'ubnd-xa'?")))
        #expect(got.contains(f.error("3️⃣", "through '2024-13-01' không phải ngày có thật (kiểm tra số ngày của tháng)")))
    }

    @Test("a YAML syntax error points at where the parser stopped")
    func syntaxError() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "units:\n  - {id: xa-a, name: [unclosed\n")
        let got = errors(f)
        #expect(got.count == 1)
        #expect(got.first?.hasPrefix(f.path("nhachan.yaml") + ":3:1: error: YAML không hợp lệ") == true)
    }
}
