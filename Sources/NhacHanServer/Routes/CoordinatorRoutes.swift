import Foundation
import Hummingbird
import NhacHanCore
import NhacHanOutbox
import NhacHanStore

/// The coordinator's pages: login and logout, `/status` with its filters and matrix, and the
/// CSRF-protected form that marks a unit reported or not.
struct CoordinatorRoutes: Sendable {
    var server: ServerContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("/login") { request, _ in
            let next = request.uri.queryParameters.get("next") ?? "/status"
            return Page.render("login", title: "Đăng nhập", values: ["next": Self.safeNext(next)])
        }
        router.post("/login") { request, _ in
            let form: LoginForm = await Self.form(request)
            let environment = server.state.environment
            let auth = CoordinatorAuth(environment: environment)
            guard let username = form.username, let password = form.password, await auth.verify(username: username, password: password) else {
                server.logger.notice("đăng nhập sai", metadata: ["username": "\(form.username ?? "")"])
                return Page.render(
                    "login", title: "Đăng nhập",
                    values: ["error": "Sai tên đăng nhập hoặc mật khẩu.", "username": form.username ?? "", "next": Self.safeNext(form.next ?? "/status")],
                    status: .unauthorized)
            }
            return Page.redirect(Self.safeNext(form.next ?? "/status"), cookie: auth.newSession(username: username, now: server.clock(), secure: isSecure(environment)))
        }
        router.post("/logout") { request, _ in
            let environment = server.state.environment
            let auth = CoordinatorAuth(environment: environment)
            let form: CSRFForm = await Self.form(request)
            guard let session = auth.session(request, now: server.clock()), auth.isValidCSRF(form.csrf, for: session) else {
                return Page.message(.forbidden, heading: "Yêu cầu bị từ chối", text: "Phiên đăng nhập đã hết hoặc mẫu không hợp lệ (CSRF).")
            }
            return Page.redirect("/login", cookie: CoordinatorAuth.endedSession(secure: isSecure(environment)))
        }
        router.get("/status") { request, _ in
            let environment = server.state.environment
            switch await Self.coordinator(request, server: server, environment: environment) {
            case .failure(let refusal): return refusal.response
            case .success(let session): return try await statusPage(request, session: session, environment: environment)
            }
        }
        router.post("/status/ack") { request, _ in
            let environment = server.state.environment
            let auth = CoordinatorAuth(environment: environment)
            let form: MarkForm = await Self.form(request)
            guard let session = auth.session(request, now: server.clock()), auth.isValidCSRF(form.csrf, for: session) else {
                return Page.message(
                    .forbidden, heading: "Yêu cầu bị từ chối",
                    text: "Phiên đăng nhập đã hết hoặc mẫu không hợp lệ (CSRF): không có gì thay đổi.", hint: "Hãy tải lại trang Tình hình báo cáo rồi thử lại.")
            }
            return await mark(form, session: session, environment: environment)
        }
    }

    struct LoginForm: FormBody { var username: String?; var password: String?; var next: String? }
    struct CSRFForm: FormBody { var csrf: String? }
    struct MarkForm: FormBody {
        var csrf: String?
        var directive: String?
        var task: String?
        var unit: String?
        var occurrence: String?
        var action: String?
        var back: String?
    }

    /// A form body decoded, or an empty form when it is missing, too large or malformed.
    static func form<T: FormBody>(_ request: Request) async -> T {
        var request = request
        let body = (try? await request.collectBody(upTo: 16 * 1024)).map { String(buffer: $0) } ?? ""
        return (try? URLEncodedFormDecoder().decode(T.self, from: body)) ?? T()
    }

    /// Only a path of this site: never an open redirect.
    static func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") && !next.contains("\r") && !next.contains("\n") ? next : "/status"
    }

    private func isSecure(_ environment: ServerEnvironment) -> Bool { environment.settings.publicURL.hasPrefix("https://") }

    struct Refusal: Error { var response: Response }

    /// The coordinator of a request: a session cookie, or HTTP Basic. Without either, a browser
    /// goes to the login form and a script gets 401.
    static func coordinator(_ request: Request, server: ServerContext, environment: ServerEnvironment) async -> Result<CoordinatorAuth.Session, Refusal> {
        let auth = CoordinatorAuth(environment: environment)
        if let session = auth.session(request, now: server.clock()) { return .success(session) }
        if request.headers[.authorization] != nil {
            if let session = await auth.basic(request) { return .success(session) }
            var response = Page.message(.unauthorized, heading: "Cần đăng nhập", text: "Tên đăng nhập hoặc mật khẩu không đúng.")
            response.headers[.wwwAuthenticate] = "Basic realm=\"nhachan\", charset=\"UTF-8\""
            return .failure(Refusal(response: response))
        }
        let path = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        return .failure(Refusal(response: Page.redirect("/login?next=\(FormEncoding.escape(path))")))
    }

    private func mark(_ form: MarkForm, session: CoordinatorAuth.Session, environment: ServerEnvironment) async -> Response {
        guard let directive = form.directive, let task = form.task, let unit = form.unit, let occurrence = form.occurrence,
              let action = form.action, ["ack", "unack"].contains(action)
        else {
            return Page.message(.badRequest, heading: "Thiếu thông tin", text: "Mẫu đánh dấu thiếu văn bản, nhiệm vụ, đơn vị hoặc kỳ hạn.")
        }
        let acks = Acknowledgements(registry: environment.registry, calendar: environment.calendar, zone: environment.zone, store: server.store)
        let back = Self.safeNext(form.back ?? "/status")
        do {
            if action == "ack" {
                _ = try await acks.record(
                    directive: directive, task: task, unit: unit, occurrence: occurrence, at: environment.zone.local(unix: server.clock()),
                    note: "đánh dấu bởi \(session.username)", via: "coordinator")
            } else {
                _ = try await acks.remove(directive: directive, task: task, unit: unit, occurrence: occurrence)
            }
            server.logger.info("đánh dấu", metadata: ["by": "\(session.username)", "action": "\(action)", "directive": "\(directive)", "unit": "\(unit)"])
            return Page.redirect(back)
        } catch let refusal as Acknowledgements.Refusal {
            return Page.message(.badRequest, heading: "Không đánh dấu được", text: refusal.description)
        } catch {
            server.logger.error("đánh dấu: \(error)")
            return Page.message(.serviceUnavailable, heading: "Không đánh dấu được", text: "Kho trạng thái tạm thời không trả lời. Xin thử lại.")
        }
    }

    private func statusPage(_ request: Request, session: CoordinatorAuth.Session, environment: ServerEnvironment) async throws -> Response {
        let filter = StatusFilter { request.uri.queryParameters.get($0) }
        let now = environment.zone.local(unix: server.clock())
        let allAcks = try await server.store.acks()
        let lines = StatusView(environment: environment).lines(acks: allAcks, filter: filter, now: now)
        let csrf = session.viaBasic ? "" : CoordinatorAuth(environment: environment).csrfToken(session)
        let back = "/status" + (filter.query.isEmpty ? "" : "?\(filter.query)")
        var values = StatusPageModel(environment: environment, filter: filter).values(lines: lines, csrf: csrf, back: back)
        let acks = allAcks
            .filter { (filter.unit == nil || $0.unit == filter.unit) && (filter.directive == nil || $0.directive == filter.directive) }
            .sorted { $0.at > $1.at }.prefix(300)
        let history: [[String: Any]] = acks.map { ack in
            let at = environment.zone.local(unix: ack.at)
            return [
                "unit_name": environment.unitName(ack.unit), "directive": ack.directive, "task": ack.task,
                "occurrence": CivilDate(iso: ack.occurrence).map(VietnameseDate.short) ?? ack.occurrence,
                "at": "\(ClockTime.format(at.secondOfDay / 60)) \(VietnameseDate.short(at.day))", "how": AckChannel.label(ack.how),
                "note": ack.note ?? "",
            ]
        }
        values["history"] = history
        values["has_history"] = !history.isEmpty
        let dead: [[String: Any]] = try await server.store.deliveries(state: .dead, unit: filter.unit).prefix(300).map { record in
            [
                "unit_name": environment.unitName(record.unit), "channel": record.channel, "target": record.target,
                "attempts": record.attempts, "error": record.lastError ?? "",
            ]
        }
        values["dead"] = dead
        values["has_dead"] = !dead.isEmpty
        var coordinator: [String: Any] = ["username": session.username]
        if !filter.query.isEmpty { coordinator["query"] = filter.query }
        if !csrf.isEmpty { coordinator["csrf"] = csrf }
        return Page.render("status", title: "Tình hình báo cáo", values: values, coordinator: coordinator)
    }
}

/// A form whose fields are all optional: a missing or malformed body is an empty form, and
/// the route says what is missing.
protocol FormBody: Decodable {
    init()
}
