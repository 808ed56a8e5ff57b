import Foundation
import Hummingbird
import HummingbirdTesting
import NhacHanServer
import NhacHanStore
import Testing

@Suite("The e-office API, /metrics and /healthz")
struct APIAndOperationsTests {
    static let bearer: HTTPFields = [.authorization: "Bearer \(ServerFixture.apiToken)", .contentType: "application/json"]

    static func json(_ response: TestResponse) -> Any? { try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) }

    @Test("POST /api/v1/acks records once and is idempotent; without or with a wrong token it is 401; a bad body is 400, an unknown unit 422")
    func acks() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let body = ByteBuffer(string: #"{"directive":"cv-1","unit":"cac-xa","note":"Báo cáo số 3/BC"}"#)
            let first = try await client.execute(uri: "/api/v1/acks", method: .post, headers: Self.bearer, body: body)
            #expect(first.status == .ok)
            let recorded = (Self.json(first) as? [String: Any])?["recorded"] as? [[String: Any]] ?? []
            #expect(recorded.count == 2, "a group acks each member")
            #expect(recorded.allSatisfy { $0["new"] as? Bool == true && $0["occurrence"] as? String == "2024-03-29" })
            let again = try await client.execute(uri: "/api/v1/acks", method: .post, headers: Self.bearer, body: body)
            #expect(again.status == .ok)
            let second = (Self.json(again) as? [String: Any])?["recorded"] as? [[String: Any]] ?? []
            #expect(second.allSatisfy { $0["new"] as? Bool == false })

            for headers: HTTPFields in [[:], [.authorization: "Bearer sai-token-0123456789"], [.authorization: "Basic Og=="]] {
                let refused = try await client.execute(uri: "/api/v1/acks", method: .post, headers: headers, body: body)
                #expect(refused.status == .unauthorized)
                #expect(refused.headers[.wwwAuthenticate] != nil)
            }
            let coordinator = try await client.execute(
                uri: "/api/v1/status", method: .get, headers: basic("vanphong", ServerFixture.password))
            #expect(coordinator.status == .ok, "a coordinator's Basic works too")
            let bad = try await client.execute(uri: "/api/v1/acks", method: .post, headers: Self.bearer, body: ByteBuffer(string: "{"))
            #expect(bad.status == .badRequest)
            let unknown = try await client.execute(
                uri: "/api/v1/acks", method: .post, headers: Self.bearer, body: ByteBuffer(string: #"{"directive":"cv-1","unit":"khong-co"}"#))
            #expect(unknown.status == .unprocessableContent)
            #expect((Self.json(unknown) as? [String: Any])?["error"] as? String != nil)
            let future = try await client.execute(
                uri: "/api/v1/acks", method: .post, headers: Self.bearer, body: ByteBuffer(string: #"{"directive":"kh-2","unit":"xa-a","at":"2030-01-01T00:00"}"#))
            #expect(future.status == .badRequest)
        }
        let acks = try await fixture.store.acks()
        #expect(acks.count == 2)
        #expect(acks.allSatisfy { $0.how == "api" && $0.note == "Báo cáo số 3/BC" })
    }

    @Test("GET /api/v1/status gives the status rows with their five states, filtered")
    func status() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let response = try await client.execute(uri: "/api/v1/status?directive=cv-1", method: .get, headers: Self.bearer)
            #expect(response.status == .ok)
            let rows = Self.json(response) as? [[String: Any]] ?? []
            #expect(rows.count == 2)
            #expect(rows.allSatisfy { $0["state"] as? String == "due_soon" && $0["acked_at"] is NSNull && $0["deadline"] as? String == "2024-03-29T00:00:00+07:00" })
            let overdue = try await client.execute(uri: "/api/v1/status?state=overdue", method: .get, headers: Self.bearer)
            let late = Self.json(overdue) as? [[String: Any]] ?? []
            #expect(!late.isEmpty && late.allSatisfy { $0["directive"] as? String == "kh-2" && $0["state"] as? String == "overdue" })
            let wrong = try await client.execute(uri: "/api/v1/status?state=muon", method: .get, headers: Self.bearer)
            #expect(wrong.status == .badRequest)
        }
    }

    @Test("/metrics is Prometheus text that prometheus_client parses, with the deliveries by state, the last tick and the HTTP requests")
    func metrics() async throws {
        let fixture = try ServerFixture()
        try await fixture.store.setMeta("last_tick", "1711418400")
        try await fixture.withServer { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            let parsed = try ServerFixture.python(
                """
                import sys,json
                from prometheus_client.parser import text_string_to_metric_families
                out={}
                for family in text_string_to_metric_families(sys.stdin.read()):
                    for s in family.samples:
                        out.setdefault(s.name, []).append([s.labels, s.value])
                print(json.dumps(out))
                """, input: Array(response.body.readableBytesView))
            #expect(parsed.status == 0, "\(parsed.output)")
            let samples = try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [String: [[Any]]] ?? [:]
            let states = Set((samples["nhachan_deliveries"] ?? []).compactMap { ($0.first as? [String: String])?["state"] })
            #expect(states == ["pending", "sending", "sent", "retrying", "expired", "dead"])
            #expect((samples["nhachan_last_tick_timestamp_seconds"]?.first?.last as? Double) == 1_711_418_400)
            #expect((samples["nhachan_http_requests_total"] ?? []).contains { ($0.first as? [String: String])?["route"] == "/healthz" })
        }
    }

    @Test("/healthz is 200 while the store answers and 503 once its file is gone")
    func health() async throws {
        let fixture = try ServerFixture()
        try await fixture.withServer { client in
            let ok = try await client.execute(uri: "/healthz", method: .get)
            #expect(ok.status == .ok)
            #expect((Self.json(ok) as? [String: Any])?["status"] as? String == "ok")
            try FileManager.default.removeItem(atPath: fixture.folder + "/nhachan.db")
            let gone = try await client.execute(uri: "/healthz", method: .get)
            #expect(gone.status == .serviceUnavailable)
            #expect((Self.json(gone) as? [String: Any])?["status"] as? String == "unavailable")
        }
    }
}
