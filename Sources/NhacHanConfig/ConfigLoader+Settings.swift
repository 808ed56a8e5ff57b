import Foundation
import NhacHanCore
import Yams

extension ConfigLoader {
    func readSettings(_ fields: [String: (key: Node, value: Node)], reader r: NodeReader, into draft: inout ConfigDraft) {
        if let node = fields["timezone"]?.value, let zone = r.string(node, "timezone") {
            if TimeZone(identifier: zone) == nil {
                r.error("unknown time zone '\(zone)'; use an IANA name such as Asia/Ho_Chi_Minh", at: node)
            } else {
                draft.timezone = zone
            }
        }
        if let node = fields["state"]?.value, let text = r.string(node, "state") {
            if text.hasPrefix("sqlite:") && text.count > 7 {
                draft.state = .sqlite(path: String(text.dropFirst(7)))
            } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
                draft.state = .postgres(url: text)
            } else {
                r.error("state must be sqlite:PATH or postgres://USER@HOST/DB; found '\(text)'", at: node)
            }
        }
        if let node = fields["templates"]?.value, let path = r.string(node, "templates") {
            let full = resolve(path, beside: draft.rootPath)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                draft.templatesDirectory = full
            } else {
                r.error("templates '\(path)' is not a folder (it holds subject.mustache, body.txt.mustache, body.html.mustache, chat.mustache)", at: node)
            }
        }
        if let node = fields["calendar"]?.value { readCalendar(node, r, into: &draft) }
        if let node = fields["coordinator"]?.value { draft.coordinator = readCoordinator(node, r) }
        if let node = fields["smtp"]?.value { draft.smtp = readSMTP(node, r, into: &draft) }
        if let node = fields["default_policy"]?.value, let name = r.string(node, "default_policy") {
            draft.defaultPolicy = (name, r.location(node))
        }
    }

    private func readCalendar(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) {
        guard let f = r.fields(node, of: "calendar", allowed: ["roll_over", "days_off", "working_days"]) else { return }
        if let v = f["roll_over"]?.value, let text = r.string(v, "calendar.roll_over") {
            switch text {
            case "none": draft.calendar.rollOver = false
            case "next_working_day": draft.calendar.rollOver = true
            default: r.error("calendar.roll_over must be none or next_working_day; found '\(text)'", at: v)
            }
        }
        draft.calendar.daysOff = namedDays(f["days_off"]?.value, "calendar.days_off", r)
        draft.calendar.workingDays = namedDays(f["working_days"]?.value, "calendar.working_days", r)
    }

    private func namedDays(_ node: Node?, _ what: String, _ r: NodeReader) -> [NamedDay] {
        guard let node else { return [] }
        return (r.list(node, what) ?? []).compactMap { item in
            guard let f = r.fields(item, of: "each of \(what)", allowed: ["date", "name"]) else { return nil }
            guard let dateNode = f["date"]?.value else {
                r.error("each of \(what) needs a date: {date: 2024-04-29, name: \"Nghỉ bù\"}", at: item)
                return nil
            }
            guard let date = r.date(dateNode, "date") else { return nil }
            let name = f["name"].flatMap { r.line($0.value, "name") } ?? ""
            return NamedDay(date: date, name: name)
        }
    }

    private func readCoordinator(_ node: Node, _ r: NodeReader) -> Coordinator? {
        guard let f = r.fields(node, of: "coordinator", allowed: ["name", "email", "digest_at"]) else { return nil }
        let name = f["name"].flatMap { r.line($0.value, "coordinator.name") } ?? "Điều phối viên"
        let email = f["email"].map { emails($0.value, "coordinator.email", r) } ?? []
        var digestAt: Int?
        if let v = f["digest_at"]?.value, let text = r.string(v, "coordinator.digest_at") {
            digestAt = ClockTime.minutes(parsing: text)
            if digestAt == nil { r.error("coordinator.digest_at must be a time HH:MM such as \"16:30\"; found '\(text)'", at: v) }
        }
        return Coordinator(name: name, email: email, digestAt: digestAt)
    }

    private func readSMTP(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> SMTPSettings? {
        let keys = ["url", "from", "starttls", "username", "password_env", "password_file", "ca_file", "connect_timeout", "timeout"]
        guard let f = r.fields(node, of: "smtp", allowed: keys) else { return nil }
        guard let urlNode = f["url"]?.value else {
            r.error("smtp needs a url: smtp://HOST:587 (STARTTLS) or smtps://HOST:465", at: node)
            return nil
        }
        guard let url = r.line(urlNode, "smtp.url") else { return nil }
        let parsed = URLComponents(string: url)
        let host = parsed?.host ?? ""
        if !["smtp", "smtps"].contains(parsed?.scheme ?? "") || host.isEmpty {
            r.error("smtp.url must be smtp://HOST[:PORT] or smtps://HOST[:PORT]; found '\(url)'", at: urlNode)
        }
        var from = ""
        if let v = f["from"]?.value, let text = r.line(v, "smtp.from") {
            from = text
            if Validation.mailboxAddress(text) == nil {
                r.error("smtp.from must be an address or \"Name <address>\"; found '\(text)'", at: v)
            }
        } else if f["from"] == nil {
            r.error("smtp needs from: \"Nhắc hạn <nhachan@example.gov.vn>\"", at: node)
        }
        var startTLS = SMTPSettings.StartTLS.required
        if let v = f["starttls"]?.value, let text = r.string(v, "smtp.starttls") {
            if let mode = SMTPSettings.StartTLS(rawValue: text) {
                startTLS = mode
                if mode == .off && !Validation.isLoopback(host) {
                    r.error("smtp.starttls: off is allowed only for a loopback server; \(host) must use STARTTLS or smtps://", at: v)
                }
            } else {
                r.error("smtp.starttls must be required, optional or off; found '\(text)'", at: v)
            }
        }
        let username = f["username"].flatMap { r.line($0.value, "smtp.username") }
        let password = secret(f, prefix: "password", what: "smtp", r, into: &draft)
        if username != nil && password == nil {
            r.error("smtp.username is set but no password: add password_env: VARIABLE or password_file: PATH", at: f["username"]!.key)
        }
        var caFile: String?
        if let v = f["ca_file"]?.value, let path = r.string(v, "smtp.ca_file") {
            let full = resolve(path, beside: draft.rootPath)
            if !FileManager.default.fileExists(atPath: full) { r.error("smtp.ca_file '\(path)' does not exist", at: v) }
            caFile = full
        }
        let connectTimeout = f["connect_timeout"].flatMap { r.int($0.value, "smtp.connect_timeout", in: 1...600) } ?? 10
        let timeout = f["timeout"].flatMap { r.int($0.value, "smtp.timeout", in: 1...3600) } ?? 60
        return SMTPSettings(
            url: url, from: from, startTLS: startTLS, username: username, password: password, caFile: caFile,
            connectTimeout: connectTimeout, timeout: timeout)
    }

    /// A `PREFIX_env` or `PREFIX_file` secret reference; at most one of them.
    func secret(
        _ f: [String: (key: Node, value: Node)], prefix: String, what: String, _ r: NodeReader, into draft: inout ConfigDraft
    ) -> SecretReference? {
        let env = f["\(prefix)_env"], file = f["\(prefix)_file"]
        if let env, file != nil {
            r.error("\(what): give \(prefix)_env or \(prefix)_file, not both", at: env.key)
            return nil
        }
        if let env, let name = r.string(env.value, "\(what).\(prefix)_env") {
            if environment[name] == nil {
                r.error("environment variable \(name) (\(what).\(prefix)_env) is not set: export it before starting nhachan", at: env.value)
            }
            return .environment(name)
        }
        if let file, let path = r.string(file.value, "\(what).\(prefix)_file") {
            let full = resolve(path, beside: draft.rootPath)
            if !FileManager.default.isReadableFile(atPath: full) {
                r.error("secret file '\(path)' (\(what).\(prefix)_file) cannot be read", at: file.value)
            }
            return .file(full)
        }
        return nil
    }

    func emails(_ node: Node, _ what: String, _ r: NodeReader) -> [String] {
        r.strings(node, what).compactMap { text, item in
            if Validation.isEmail(text) { return text }
            r.error("'\(text)' in \(what) is not an email address (name@domain)", at: item)
            return nil
        }
    }

    func resolve(_ path: String, beside root: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = (root as NSString).deletingLastPathComponent
        return base.isEmpty ? path : base + "/" + path
    }
}
