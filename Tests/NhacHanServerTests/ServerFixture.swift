import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import NhacHanConfig
import NhacHanCore
import NhacHanOutbox
import NhacHanServer
import NhacHanStore
import Prometheus
import Synchronization
import NhacHanSpawn
import Testing

/// A district with the web face configured, its SQLite state in a fresh folder, and the real
/// server on a loopback port (Hummingbird's live testing).
final class ServerFixture: Sendable {
    static let password = "mật-khẩu-điều-phối"
    static let apiToken = "eoffice-token-0123456789abcdef"

    let folder: String
    let config: Config
    let zone: CivilTimeZone
    let calendar: VietnameseCalendar
    let store: SQLiteDeliveryStore
    let environment: ServerEnvironment
    let metrics = PrometheusCollectorRegistry()
    private let now: Mutex<Int64>

    /// The fixture's clock starts at `start` (local, ISO 8601).
    init(start: String = "2024-03-26T09:00") throws {
        folder = NSTemporaryDirectory() + "nhachan-server-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var key = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in key.indices { key[index] = generator.next() }
        FileManager.default.createFile(atPath: folder + "/http.key", contents: Data(key))
        try (Self.apiToken + "\n").write(toFile: folder + "/eoffice.token", atomically: true, encoding: .utf8)
        let hash = Bcrypt.hash(Self.password, cost: 10)
        try """
            http:
              listen: 127.0.0.1:0
              public_url: https://nhachan.huyen.example.gov.vn
              secret_file: http.key
              coordinators:
                - {username: vanphong, password_hash: "\(hash)"}
              api_tokens:
                - {name: eoffice, token_file: eoffice.token}
            units:
              - {id: xa-a, name: UBND xã A, email: {to: [ubnd@xa-a.example.gov.vn]}}
              - {id: xa-b, name: "UBND xã B, huyện \\"Bình\\"", email: {to: [ubnd@xa-b.example.gov.vn]}}
            groups:
              - {id: cac-xa, name: UBND các xã, members: [xa-a, xa-b]}
            policies:
              p: {send_at: "08:00", before: [3wd], on_due_day: true}
            default_policy: p
            directives:
              - id: cv-1
                number: 12/UBND-VP
                issuer: UBND huyện
                issued: 2024-03-01
                subject: "V/v báo cáo thử"
                tasks:
                  - {id: bao-cao, units: [cac-xa], action: Báo cáo kết quả, report_to: UBND huyện, due: {before: 2024-03-29}, phrase: "trước ngày 29/3/2024"}
              - id: kh-2
                issuer: UBND huyện
                issued: 2024-01-02
                subject: "Kế hoạch báo cáo tháng"
                tasks:
                  - {id: thang, units: [xa-a], action: Báo cáo tháng, due: {every: "FREQ=MONTHLY;BYMONTHDAY=20", start: 2024-01-01, kind: before}}
            """.write(toFile: folder + "/nhachan.yaml", atomically: true, encoding: .utf8)
        let loader = ConfigLoader()
        guard let config = loader.load(path: folder + "/nhachan.yaml") else {
            throw FixtureError(description: loader.diagnostics.rendered(loader.diagnostics.diagnostics))
        }
        self.config = config
        zone = CivilTimeZone(identifier: config.timezone)!
        calendar = VietnameseCalendar(daysOff: config.calendar.daysOff, workingDays: config.calendar.workingDays)
        store = try SQLiteDeliveryStore(path: folder + "/nhachan.db")
        environment = try ServerEnvironment(config: config, zone: zone, calendar: calendar)
        now = Mutex(zone.unix(zone.parse(start)!))
    }

    struct FixtureError: Error, CustomStringConvertible { var description: String }

    var links: MessageLinks { environment.links }

    func set(now text: String) { now.withLock { $0 = zone.unix(zone.parse(text)!) } }

    /// Runs `body` against the real server on a loopback port.
    func withServer(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let context = ServerContext(
            state: ServerState(environment), store: store, clock: { [self] in self.now.withLock { $0 } }, metrics: metrics,
            logger: Logger(label: "test"))
        let app = Application(router: NhacHanServer(context: context).router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body(client) }
    }

    func ackToken(unit: String = "xa-a", task: String = "bao-cao", directive: String = "cv-1", occurrence: String = "2024-03-29") -> String {
        links.ackToken(directive: directive, task: task, unit: unit, occurrence: occurrence, lastDay: CivilDate(iso: "2024-03-28")!)
    }

    /// Runs a Python script (an independent parser) on `input`; its standard output.
    static func python(_ script: String, input: [UInt8]) throws -> (status: Int32, output: String) {
        let result = try ChildProcess.run("/usr/bin/env", ["python3", "-c", script], input: input, errorToOutput: true)
        return (result.status, String(decoding: result.output, as: UTF8.self))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

extension ByteBuffer {
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return ByteBuffer(string: fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
    }
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

func basic(_ user: String, _ password: String) -> HTTPFields {
    [.authorization: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]
}
