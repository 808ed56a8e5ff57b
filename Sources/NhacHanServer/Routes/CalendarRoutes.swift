import Hummingbird
import NhacHanCore
import NhacHanOutbox

/// `/calendar/{unit}.ics?token=…`: the unit's deadlines (not its reminders) as an RFC 5545
/// feed that Google Calendar, Outlook and Thunderbird subscribe to.
struct CalendarRoutes: Sendable {
    var server: ServerContext

    func register(on router: Router<BasicRequestContext>) {
        router.get("/calendar/{file}") { request, context in
            let environment = server.state.environment
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".ics"), let token = request.uri.queryParameters.get("token"),
                  environment.links.isFeedToken(token, unit: String(file.dropLast(4)))
            else {
                return Page.message(.forbidden, heading: "Liên kết lịch không hợp lệ", text: "Liên kết lịch này không đúng hoặc đã bị sửa.")
            }
            let unit = String(file.dropLast(4))
            guard environment.registry.unit(unit) != nil else {
                return Page.message(.notFound, heading: "Không có đơn vị", text: "Đơn vị của liên kết lịch này không còn trong cấu hình.")
            }
            let now = environment.zone.local(unix: server.clock())
            let lines = try await StatusView(environment: environment).lines(store: server.store, filter: StatusFilter(unit: unit), now: now)
            let feed = DeadlineFeed(environment: environment, generatedAt: now).render(unit: unit, lines: lines)
            return Response(
                status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: feed)))
        }
    }
}

/// One all-day VEVENT per deadline occurrence on its last working day, with a UID that stays
/// the same across fetches so calendars update events instead of duplicating them.
struct DeadlineFeed {
    var environment: ServerEnvironment
    var generatedAt: LocalTime

    func render(unit: String, lines: [StatusLine]) -> String {
        let zone = environment.zone
        let stamp = zone.utcStamp(generatedAt)
        let name = environment.unitName(unit)
        var out = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nhachan//nhắc hạn//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(ICalendarText.escaped("Hạn báo cáo – \(name)"))", "X-WR-TIMEZONE:\(environment.config.timezone)",
            "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H",
        ]
        for line in lines {
            let row = line.row
            let directive = environment.registry.directive(row.directive)
            let task = directive?.tasks.first { $0.id == row.task }
            var description = [directive?.subject ?? row.directive]
            if let phrase = task?.phrase, !phrase.isEmpty { description.append("Hạn: \(phrase)") }
            if let reportTo = task?.reportTo { description.append("Báo cáo về: \(reportTo)") }
            description.append("Tình trạng: \(row.state.label)")
            let number = line.directiveNumber.map { " (\($0))" } ?? ""
            out += [
                "BEGIN:VEVENT",
                "UID:\(row.directive)/\(row.task)/\(row.deadline.occurrence)/\(unit)@nhachan",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(ICalendarText.date(row.deadline.lastDay))",
                "DTEND;VALUE=DATE:\(ICalendarText.date(row.deadline.lastDay.adding(days: 1)))",
                "SUMMARY:\(ICalendarText.escaped("\(row.ackedAt == nil ? "" : "[Đã báo cáo] ")Hạn: \(line.taskAction)\(number)"))",
                "DESCRIPTION:\(ICalendarText.escaped(description.joined(separator: "\n")))",
                "STATUS:CONFIRMED",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        out.append("END:VCALENDAR")
        return ICalendarText.document(out)
    }
}
