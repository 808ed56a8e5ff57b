import Hummingbird
import NhacHanCore
import NhacHanOutbox
import NhacHanStore

/// `/a/{token}`: the one-click ack of an email or chat reminder.
///
/// GET and HEAD show what would be acknowledged and change nothing, because mail scanners fetch
/// every link in every mail; only the page's POST records the ack, once.
struct AckRoutes: Sendable {
    var server: ServerContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("/a/{token}") { _, context in
            await self.show(token: context.parameters.get("token") ?? "")
        }
        router.head("/a/{token}") { _, context in
            var response = await self.show(token: context.parameters.get("token") ?? "")
            response.body = .init()
            return response
        }
        router.post("/a/{token}") { request, context in
            let form: AckForm = await CoordinatorRoutes.form(request)
            return await self.record(token: context.parameters.get("token") ?? "", note: form.note)
        }
    }

    struct AckForm: FormBody {
        var note: String?
    }

    /// What a token points at, or the page that says why it points at nothing.
    private struct Target {
        var claim: MessageLinks.AckClaim
        var directive: Directive
        var task: DirectiveTask
        var deadline: Deadline?
    }

    private func target(_ token: String, environment: ServerEnvironment, now: Int64) -> Result<Target, Refused> {
        guard let claim = environment.links.ackClaim(token) else {
            return .failure(Refused(Page.message(
                .forbidden, heading: "Liên kết không hợp lệ",
                text: "Liên kết xác nhận này không đúng hoặc đã bị sửa: hệ thống không ghi nhận gì.",
                hint: "Hãy mở đúng liên kết trong thư nhắc hạn mới nhất, hoặc liên hệ văn phòng điều phối.")))
        }
        guard now <= claim.expires else {
            return .failure(Refused(Page.message(
                .gone, heading: "Liên kết đã hết hạn",
                text: "Liên kết xác nhận này đã hết hạn (60 ngày sau hạn báo cáo): hệ thống không ghi nhận gì.",
                hint: "Nếu đơn vị đã báo cáo, xin báo văn phòng điều phối để đánh dấu.")))
        }
        let registry = environment.registry
        guard let directive = registry.directive(claim.directive), let task = directive.tasks.first(where: { $0.id == claim.task }),
              registry.expand(task.units).contains(claim.unit), let occurrence = CivilDate(iso: claim.occurrence)
        else {
            return .failure(Refused(Page.message(
                .notFound, heading: "Nhiệm vụ không còn",
                text: "Nhiệm vụ của liên kết này không còn giao cho đơn vị trong cấu hình hiện tại: không có gì để xác nhận.")))
        }
        let deadline = task.due.flatMap { due in
            Deadline.occurrences(of: due, directive: directive, window: occurrence...occurrence, rollOver: registry.rollOver, calendar: environment.calendar)
                .first { $0.occurrence == occurrence }
        }
        return .success(Target(claim: claim, directive: directive, task: task, deadline: deadline))
    }

    private struct Refused: Error {
        var response: Response
        init(_ response: Response) { self.response = response }
    }

    func show(token: String) async -> Response {
        let environment = server.state.environment
        switch target(token, environment: environment, now: server.clock()) {
        case .failure(let refused): return refused.response
        case .success(let target):
            let existing = try? await server.store.acks().first { $0.occurrenceKey == key(target.claim) }
            return page(target, environment: environment, ack: existing)
        }
    }

    func record(token: String, note raw: String?) async -> Response {
        let environment = server.state.environment
        let now = server.clock()
        switch target(token, environment: environment, now: now) {
        case .failure(let refused): return refused.response
        case .success(let target):
            let acks = Acknowledgements(registry: environment.registry, calendar: environment.calendar, zone: environment.zone, store: server.store)
            do {
                let (ack, _) = try await acks.record(
                    directive: target.claim.directive, task: target.claim.task, unit: target.claim.unit, occurrence: target.claim.occurrence,
                    at: environment.zone.local(unix: now), note: NoteText.clean(raw), via: "link")
                return page(target, environment: environment, ack: ack)
            } catch {
                server.logger.error("ack link: \(error)")
                return Page.message(
                    .serviceUnavailable, heading: "Chưa ghi nhận được",
                    text: "Hệ thống tạm thời không ghi nhận được xác nhận. Xin thử lại sau ít phút.")
            }
        }
    }

    private func key(_ claim: MessageLinks.AckClaim) -> String {
        AckRecord.occurrenceKey(directive: claim.directive, task: claim.task, unit: claim.unit, occurrence: claim.occurrence)
    }

    private func page(_ target: Target, environment: ServerEnvironment, ack: AckRecord?) -> Response {
        var values: [String: Any] = [
            "unit_name": environment.unitName(target.claim.unit),
            "subject": target.directive.subject,
            "action": target.task.action,
            "deadline": deadlineText(target),
            "done": ack != nil,
        ]
        if let number = target.directive.number { values["number"] = number }
        if let reportTo = target.task.reportTo {
            values["report_to"] = reportTo
            if let via = target.task.via { values["via"] = environment.registry.unit(via)?.name ?? via }
        }
        if let ack {
            let at = environment.zone.local(unix: ack.at)
            values["acked_at"] = "\(ClockTime.format(at.secondOfDay / 60)) \(VietnameseDate.long(at.day))"
            values["acked_how"] = AckChannel.label(ack.how)
            if let note = ack.note, !note.isEmpty { values["note"] = note }
        }
        return Page.render("ack", title: ack == nil ? "Xác nhận đã báo cáo" : "Đã ghi nhận", values: values)
    }

    private func deadlineText(_ target: Target) -> String {
        guard let deadline = target.deadline else { return target.claim.occurrence }
        let phrase = target.task.phrase ?? ""
        let day = VietnameseDate.long(deadline.lastDay)
        return phrase.isEmpty ? day : "\(phrase) (ngày làm việc cuối: \(day))"
    }
}

/// How an ack was recorded, for people.
enum AckChannel {
    static func label(_ how: String) -> String {
        switch how {
        case "link": "qua liên kết trong thư"
        case "api": "qua hệ thống e-office"
        case "cli": "bằng dòng lệnh"
        case let other where other.hasPrefix("coordinator"): "điều phối viên đánh dấu"
        default: how
        }
    }
}

/// A note typed into a form: trimmed, without control characters, at most 500 characters.
enum NoteText {
    static func clean(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let kept = raw.unicodeScalars.filter { $0 == "\n" || !($0.properties.generalCategory == .control || $0.properties.generalCategory == .format) }
        let text = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : String(text.precomposedStringWithCanonicalMapping.prefix(500))
    }
}
