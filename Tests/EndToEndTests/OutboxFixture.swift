import Foundation
import NhacHanTestSupport
import Testing

/// A folder with a small configuration whose SMTP and webhooks point at loopback test servers.
struct OutboxFixture {
    let folder: String
    var config: String { folder + "/nhachan.yaml" }

    /// - Parameters:
    ///   - smtpPort: the test SMTP server (STARTTLS + AUTH, trusted through the test CA).
    ///   - webhook: the webhook URL of unit `xa-a`, if any.
    ///   - due: the `due:` of the one task.
    ///   - policy: the default policy.
    init(smtpPort: Int, webhook: String? = nil, due: String = "{before: 2024-03-29}",
         policy: String = "{send_at: \"08:00\", before: [3wd], on_due_day: true, overdue: {every: 1wd, max: 2}, escalate_after: 2}",
         extraUnits: String = "", coordinator: Bool = false) throws {
        folder = NSTemporaryDirectory() + "nhachan-outbox-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pki = try TestPKI.shared()
        try "mật-khẩu-thử\n".write(toFile: folder + "/smtp.password", atomically: true, encoding: .utf8)
        try "whsec_ZGVtby1vbmx5LXdlYmhvb2stc2VjcmV0LWZvci1uaGFjaGFu\n".write(toFile: folder + "/hook.secret", atomically: true, encoding: .utf8)
        let hook = webhook.map { "\n    webhooks: [{url: \"\($0)\", format: nhachan, secret_file: hook.secret}]" } ?? ""
        let yaml = """
            smtp:
              url: smtp://127.0.0.1:\(smtpPort)
              from: "Nhắc hạn UBND huyện <nhachan@huyen.example.gov.vn>"
              username: nhachan
              password_file: smtp.password
              ca_file: \(pki.caFile)
              connect_timeout: 5
              timeout: 20
            webhooks: {connect_timeout: 2, timeout: 2}
            \(coordinator ? "coordinator: {name: Văn phòng UBND huyện, email: [vanphong@huyen.example.gov.vn], digest_at: \"16:30\"}" : "")
            policies:
              p: \(policy)
            default_policy: p
            units:
              - id: xa-a
                name: UBND xã A
                email: {to: [ubnd@xa-a.example.gov.vn], cc: [vanthu@xa-a.example.gov.vn]}
                escalate_to: {email: [chutich@xa-a.example.gov.vn]}\(hook)
            \(extraUnits)
            directives:
              - id: cv-1
                number: 12/UBND-VP
                issuer: UBND huyện
                issued: 2024-03-01
                subject: "V/v báo cáo thử"
                tasks:
                  - {id: bao-cao, units: [xa-a], action: Báo cáo kết quả, report_to: UBND huyện, due: \(due)}
            """
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
    }

    @discardableResult
    func run(_ arguments: [String], expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> BinaryRunner.Result {
        let result = try BinaryRunner.run(Array(arguments.prefix(1)) + ["-c", config] + arguments.dropFirst())
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    func tick(_ now: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try run(["tick", "--now", now], sourceLocation: sourceLocation).stdout
    }

    /// The outbox as JSON objects.
    func outbox(state: String? = nil) throws -> [[String: Any]] {
        let result = try run(["outbox", "--format", "json"] + (state.map { ["--state", $0] } ?? []))
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }
}
