import Crypto
import Foundation
import Hummingbird
import NhacHanCore
import NhacHanOutbox

/// The e-office API (docs/openapi.yaml): `POST /api/v1/acks` records a report, idempotently;
/// `GET /api/v1/status` gives the status rows. A Bearer token of `http.api_tokens`, or a
/// coordinator's Basic credentials.
struct APIRoutes: Sendable {
    var server: ServerContext

    func register(on router: Router<BasicRequestContext>) {
        router.post("/api/v1/acks") { request, _ in
            let environment = server.state.environment
            guard let caller = await caller(request, environment: environment) else { return Self.unauthorized() }
            var request = request
            guard let body = try? await request.collectBody(upTo: 64 * 1024),
                  let ack = try? JSONDecoder().decode(AckRequest.self, from: Data(buffer: body))
            else {
                return Self.error(.badRequest, "thân yêu cầu phải là JSON {directive, task?, unit, at?, note?} (invalid body)")
            }
            return await record(ack, caller: caller, environment: environment)
        }
        router.get("/api/v1/status") { request, _ in
            let environment = server.state.environment
            guard await caller(request, environment: environment) != nil else { return Self.unauthorized() }
            let filter = StatusFilter { request.uri.queryParameters.get($0) }
            if let state = request.uri.queryParameters.get("state"), !state.isEmpty, filter.state == nil {
                return Self.error(.badRequest, "state phải là reported, reported_late, pending, due_soon hoặc overdue")
            }
            let now = environment.zone.local(unix: server.clock())
            let lines = try await StatusView(environment: environment).lines(store: server.store, filter: filter, now: now)
            return Self.json(.ok, .array(lines.map(Self.row)))
        }
    }

    struct AckRequest: Decodable {
        var directive: String
        var task: String?
        var unit: String
        /// ISO 8601; now when absent.
        var at: String?
        var note: String?
        /// `YYYY-MM-DD`: this occurrence rather than the current one.
        var occurrence: String?
    }

    private func record(_ body: AckRequest, caller: String, environment: ServerEnvironment) async -> Response {
        let now = environment.zone.local(unix: server.clock())
        var at = now
        if let text = body.at {
            guard let parsed = environment.zone.parse(text) else { return Self.error(.badRequest, "at '\(text)' không phải thời điểm ISO 8601") }
            guard parsed.seconds <= now.seconds + 300 else { return Self.error(.badRequest, "at '\(text)' ở tương lai (in the future)") }
            at = parsed
        }
        let acks = Acknowledgements(registry: environment.registry, calendar: environment.calendar, zone: environment.zone, store: server.store)
        let note = NoteText.clean(body.note)
        do {
            let results: [JSONValue]
            if let occurrence = body.occurrence {
                guard let task = body.task, CivilDate(iso: occurrence) != nil else {
                    return Self.error(.badRequest, "occurrence cần task và có dạng YYYY-MM-DD")
                }
                let (ack, isNew) = try await acks.record(
                    directive: body.directive, task: task, unit: body.unit, occurrence: occurrence, at: at, note: note, via: "api")
                results = [Self.result(unit: ack.unit, task: ack.task, occurrence: ack.occurrence, isNew: isNew)]
            } else {
                results = try await acks.record(directive: body.directive, unit: body.unit, task: body.task, at: at, note: note, via: "api")
                    .map { Self.result(unit: $0.unit, task: $0.task, occurrence: $0.occurrence, isNew: $0.isNew) }
            }
            server.logger.info("api ack", metadata: ["by": "\(caller)", "directive": "\(body.directive)", "unit": "\(body.unit)"])
            return Self.json(.ok, .object([("recorded", .array(results))]))
        } catch let refusal as Acknowledgements.Refusal {
            return Self.error(.unprocessableContent, refusal.description)
        } catch {
            server.logger.error("api ack: \(error)")
            return Self.error(.serviceUnavailable, "kho trạng thái không trả lời (store unavailable)")
        }
    }

    /// The name of the API token, or the coordinator, that signs the request.
    private func caller(_ request: Request, environment: ServerEnvironment) async -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        if header.lowercased().hasPrefix("bearer ") {
            let given = SHA256.hash(data: Array(header.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8))
            var found: String?
            for (name, token) in environment.apiTokens {
                // Digests compared in full, so neither the token nor its length shows in the time.
                let expected = SHA256.hash(data: token)
                if zip(given, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 { found = name }
            }
            return found
        }
        return await CoordinatorAuth(environment: environment).basic(request).map { "coordinator:\($0.username)" }
    }

    static func row(_ line: StatusLine) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        return .object([
            ("directive", .string(line.row.directive)), ("task", .string(line.row.task)), ("unit", .string(line.row.unit)),
            ("deadline", .string(line.deadlineISO)), ("state", .string(line.row.state.rawValue)), ("acked_at", text(line.ackedAtISO)),
            ("unit_name", .string(line.unitName)), ("last_day", .string(line.row.deadline.lastDay.description)),
            ("reported_at", text(line.reportedAt)), ("via", text(line.row.via)), ("note", text(line.row.note)),
            ("working_days_late", .int(line.workingDaysLate)),
        ])
    }

    static func result(unit: String, task: String, occurrence: String, isNew: Bool) -> JSONValue {
        .object([("unit", .string(unit)), ("task", .string(task)), ("occurrence", .string(occurrence)), ("new", .bool(isNew))])
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: value.rendered(pretty: false))))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(status, .object([("error", .string(message))]))
    }

    static func unauthorized() -> Response {
        var response = error(.unauthorized, "cần Authorization: Bearer TOKEN (http.api_tokens) hoặc Basic của điều phối viên")
        response.headers[.wwwAuthenticate] = "Bearer realm=\"nhachan\""
        return response
    }
}
