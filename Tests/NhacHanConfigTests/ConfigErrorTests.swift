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
        #expect(errors(f).contains(f.error("1️⃣", "unknown key 'unitz' in a task; did you mean 'units'?; allowed: id, units, action, report_to, via, due, phrase, after, policy")))
    }

    @Test("a value of the wrong type says what was expected")
    func wrongType() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "policies:\n  p: {on_due_day: 1️⃣maybe}\n" + ConfigFixture.units)
        #expect(errors(f) == [f.error("1️⃣", "on_due_day must be true or false; found 'maybe'")])
    }

    @Test("an impossible date is refused")
    func impossibleDate() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [ubnd-xa], action: A, due: {before: 1️⃣2024-02-30}}"))
        #expect(errors(f) == [f.error("1️⃣", "before '2024-02-30' is not a day of the calendar (check the month's length)")])
    }

    @Test("unknown unit, group and policy references suggest the closest name")
    func unknownReferences() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [1️⃣xa-binh-chao, 2️⃣ubnd-xaa], action: A, via: 3️⃣phong-ldtbx, policy: 4️⃣nhanh}"))
        #expect(errors(f) == [
            f.error("1️⃣", "unknown unit or group 'xa-binh-chao'; did you mean 'xa-binh-chau'?"),
            f.error("2️⃣", "unknown unit or group 'ubnd-xaa'; did you mean 'ubnd-xa'?"),
            f.error("3️⃣", "unknown unit 'phong-ldtbx'; did you mean 'phong-ldtbxh'?"),
            f.error("4️⃣", "unknown policy 'nhanh'"),
        ])
    }

    @Test("duplicate ids are refused where the second one stands")
    func duplicateIDs() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + "  - {id: 1️⃣ubnd-xa, name: Trùng, members: [xa-binh-hai]}\n")
        let first = f.path("nhachan.yaml") + ":6:10"
        #expect(errors(f) == [f.error("1️⃣", "duplicate unit or group id 'ubnd-xa': already defined at \(first)")])
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
            f.error("1️⃣", "'ubnd.example.gov.vn' in email.to is not an email address (name@domain)"),
            f.error("2️⃣", "'http://chat.example.gov.vn/hook' uses plain HTTP: use https://, or set allow_http: true for a server you trust"),
            f.error("3️⃣", "'not a url' is not an http(s) URL with a host"),
        ])
    }

    @Test("an RRULE outside the supported subset is refused")
    func unsupportedRRule() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [ubnd-xa], action: A, due: {every: 1️⃣\"FREQ=HOURLY\"}}"))
        #expect(errors(f) == [f.error("1️⃣", "unsupported RRULE: FREQ=HOURLY is not supported; use YEARLY, MONTHLY, WEEKLY or DAILY")])
    }

    @Test("a deadline before the directive's issue date is refused")
    func deadlineBeforeIssue() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", ConfigFixture.units + directive("{id: t, units: [ubnd-xa], action: A, due: {before: 1️⃣2023-04-08}}"))
        #expect(errors(f) == [f.error("1️⃣", "deadline 2023-04-08 is before the directive's issue date 2024-03-10: check the year")])
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
        #expect(errors(f) == [f.error("1️⃣", "group cycle: nhom-a -> nhom-b -> nhom-a; a group cannot contain itself")])
    }

    @Test("a secret whose environment variable is not set is refused, and accepted once set")
    func unsetSecret() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            smtp: {url: "smtp://mail.example.gov.vn:587", from: "Nhắc hạn <nhachan@example.gov.vn>", username: nhachan, password_env: 1️⃣NHACHAN_TEST_SMTP}
            """)
        #expect(errors(f) == [f.error("1️⃣", "environment variable NHACHAN_TEST_SMTP (smtp.password_env) is not set: export it before starting nhachan")])
        #expect(errors(f, environment: ["NHACHAN_TEST_SMTP": "x"]).isEmpty)
    }

    @Test("a name with a line break is refused: it would reach an email header")
    func headerInjection() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "units:\n  - {id: xa-a, name: 1️⃣\"UBND xã A\\r\\nBcc: x@evil.example\"}\n")
        #expect(errors(f) == [f.error("1️⃣", "unit name must be one line: it reaches email headers, where CR and LF are refused")])
    }

    @Test("errors in an included file point into that file, and all errors are reported at once")
    func errorsInIncludedFile() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "include: [directives/*.yaml]\n1️⃣timezon: Asia/Ho_Chi_Minh\n" + ConfigFixture.units)
        f.write("directives/cv.yaml", directive("{id: t, units: [2️⃣ubnd-xb], action: A, due: {through: 3️⃣2024-13-01}}"))
        let got = errors(f)
        #expect(got.count == 3)
        #expect(got.contains(f.error("1️⃣", "unknown key 'timezon' in the configuration; did you mean 'timezone'?; allowed: timezone, state, include, templates, calendar, coordinator, smtp, policies, default_policy, units, groups, directives")))
        #expect(got.contains(f.error("2️⃣", "unknown unit or group 'ubnd-xb'; did you mean 'ubnd-xa'?")))
        #expect(got.contains(f.error("3️⃣", "through '2024-13-01' is not a day of the calendar (check the month's length)")))
    }

    @Test("a YAML syntax error points at where the parser stopped")
    func syntaxError() {
        var f = ConfigFixture()
        f.write("nhachan.yaml", "units:\n  - {id: xa-a, name: [unclosed\n")
        let got = errors(f)
        #expect(got.count == 1)
        #expect(got.first?.hasPrefix(f.path("nhachan.yaml") + ":3:1: error: invalid YAML") == true)
    }
}
