import Foundation
import NhacHanCore
import Yams

extension ConfigLoader {
    func readSettings(_ fields: [String: (key: Node, value: Node)], reader r: NodeReader, into draft: inout ConfigDraft) {
        if let node = fields["timezone"]?.value, let zone = r.string(node, "timezone") {
            if TimeZone(identifier: zone) == nil {
                r.error("múi giờ không hợp lệ '\(zone)'; dùng tên IANA, ví dụ Asia/Ho_Chi_Minh", at: node)
            } else {
                draft.timezone = zone
            }
        }
        if let node = fields["state"]?.value, let text = r.string(node, "state") {
            if let location = StateLocation(parsing: text) {
                draft.state = location
            } else {
                r.error("state phải là sqlite:ĐƯỜNG_DẪN hoặc postgres://USER@HOST/DB; gặp '\(text)'", at: node)
            }
        }
        draft.stateConnection.password = secret(fields, prefix: "state_password", what: "state", r, into: &draft)
        if let node = fields["state_ca_file"]?.value, let path = r.string(node, "state_ca_file") {
            draft.stateConnection.caFile = existingFile(path, key: "state_ca_file", at: node, r, draft: draft)
        }
        if let node = fields["templates"]?.value, let path = r.string(node, "templates") {
            let full = resolve(path, beside: draft.rootPath)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                draft.templatesDirectory = full
            } else {
                r.error("templates '\(path)' không phải thư mục (thư mục chứa subject.mustache, body.txt.mustache, body.html.mustache, chat.mustache)", at: node)
            }
        }
        if let node = fields["webhooks"]?.value,
           let w = r.fields(node, of: "webhooks", allowed: ["connect_timeout", "timeout", "max_per_host", "ca_file"]) {
            if let v = w["connect_timeout"]?.value, let n = r.int(v, "webhooks.connect_timeout", in: 1...600) { draft.webhooks.connectTimeout = n }
            if let v = w["timeout"]?.value, let n = r.int(v, "webhooks.timeout", in: 1...3600) { draft.webhooks.timeout = n }
            if let v = w["max_per_host"]?.value, let n = r.int(v, "webhooks.max_per_host", in: 1...256) { draft.webhooks.maxConnectionsPerHost = n }
            if let v = w["ca_file"]?.value, let path = r.string(v, "webhooks.ca_file") {
                draft.webhooks.caFile = existingFile(path, key: "webhooks.ca_file", at: v, r, draft: draft)
            }
        }
        if let node = fields["retention_days"]?.value, let days = r.int(node, "retention_days", in: 60...36_500) {
            draft.retentionDays = days
        }
        if let node = fields["calendar"]?.value { readCalendar(node, r, into: &draft) }
        if let node = fields["coordinator"]?.value { draft.coordinator = readCoordinator(node, r) }
        if let node = fields["smtp"]?.value { draft.smtp = readSMTP(node, r, into: &draft) }
        if let node = fields["http"]?.value { draft.http = readHTTP(node, r, into: &draft) }
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
            default: r.error("calendar.roll_over phải là none hoặc next_working_day; gặp '\(text)'", at: v)
            }
        }
        draft.calendar.daysOff = namedDays(f["days_off"]?.value, "calendar.days_off", r)
        draft.calendar.workingDays = namedDays(f["working_days"]?.value, "calendar.working_days", r)
    }

    private func namedDays(_ node: Node?, _ what: String, _ r: NodeReader) -> [NamedDay] {
        guard let node else { return [] }
        return (r.list(node, what) ?? []).compactMap { item in
            guard let f = r.fields(item, of: "mỗi phần tử của \(what)", allowed: ["date", "name"]) else { return nil }
            guard let dateNode = f["date"]?.value else {
                r.error("mỗi phần tử của \(what) cần date: {date: 2024-04-29, name: \"Nghỉ bù\"}", at: item)
                return nil
            }
            guard let date = r.date(dateNode, "date") else { return nil }
            let name = f["name"].flatMap { r.line($0.value, "name") } ?? ""
            return NamedDay(date: date, name: name)
        }
    }

    private func readCoordinator(_ node: Node, _ r: NodeReader) -> Coordinator? {
        guard let f = r.fields(node, of: "coordinator", allowed: ["name", "email", "digest_at"]) else { return nil }
        let name = f["name"].flatMap { r.headerText($0.value, "coordinator.name") } ?? "Điều phối viên"
        let email = f["email"].map { emails($0.value, "coordinator.email", r) } ?? []
        var digestAt: Int?
        if let v = f["digest_at"]?.value, let text = r.string(v, "coordinator.digest_at") {
            digestAt = ClockTime.minutes(parsing: text)
            if digestAt == nil { r.error("coordinator.digest_at phải là giờ HH:MM, ví dụ \"16:30\"; gặp '\(text)'", at: v) }
        }
        return Coordinator(name: name, email: email, digestAt: digestAt)
    }

    private func readSMTP(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> SMTPSettings? {
        let keys = ["url", "from", "starttls", "username", "password_env", "password_file", "ca_file", "connect_timeout", "timeout"]
        guard let f = r.fields(node, of: "smtp", allowed: keys) else { return nil }
        guard let urlNode = f["url"]?.value else {
            r.error("smtp cần url: smtp://HOST:587 (STARTTLS) hoặc smtps://HOST:465", at: node)
            return nil
        }
        if let raw = urlNode.scalar?.string { r.diagnostics.hideInSnippets(url: raw) }
        guard let url = r.headerText(urlNode, "smtp.url") else { return nil }
        let parsed = URLComponents(string: url)
        let host = parsed?.host ?? ""
        if !["smtp", "smtps"].contains(parsed?.scheme ?? "") || host.isEmpty {
            r.error("smtp.url phải là smtp://HOST[:PORT] hoặc smtps://HOST[:PORT]; gặp '\(SecretURL.redacted(url))'", at: urlNode)
        }
        var from = ""
        if let v = f["from"]?.value, let text = r.headerText(v, "smtp.from") {
            from = text
            if Validation.mailboxAddress(text) == nil {
                r.error("smtp.from phải là địa chỉ email hoặc \"Tên <địa chỉ>\"; gặp '\(text)'", at: v)
            }
        } else if f["from"] == nil {
            r.error("smtp cần from: \"Nhắc hạn <nhachan@example.gov.vn>\"", at: node)
        }
        var startTLS = SMTPSettings.StartTLS.required
        let startTLSNode = f["starttls"]?.value
        if let v = startTLSNode, let text = r.string(v, "smtp.starttls") {
            if let mode = SMTPSettings.StartTLS(rawValue: text) {
                startTLS = mode
                if mode == .off && !Loopback.isLoopback(host: host) {
                    r.error("smtp.starttls: off chỉ dùng cho máy chủ loopback; \(host) phải dùng STARTTLS hoặc smtps://", at: v)
                }
            } else {
                r.error("smtp.starttls phải là required, optional hoặc off; gặp '\(text)'", at: v)
            }
        }
        let username = f["username"].flatMap { r.headerText($0.value, "smtp.username") }
        let password = secret(f, prefix: "password", what: "smtp", r, into: &draft)
        if username != nil && password == nil {
            r.error("smtp.username đã có nhưng thiếu mật khẩu: thêm password_env: BIẾN hoặc password_file: ĐƯỜNG_DẪN", at: f["username"]!.key)
        }
        // STARTTLS that may be skipped, then AUTH: a downgrade sends the password in clear.
        // smtps:// is TLS from the first byte, and loopback never leaves the machine.
        let hasCredentials = ["username", "password_env", "password_file"].contains { f[$0] != nil }
        if startTLS == .optional, hasCredentials, parsed?.scheme == "smtp", !host.isEmpty, !Loopback.isLoopback(host: host), let v = startTLSNode {
            r.error(
                "smtp.starttls: optional cùng username/mật khẩu tới máy chủ không phải loopback \(host): mật khẩu có thể bị gửi "
                    + "không mã hóa (password could go in clear); dùng starttls: required, hoặc smtps://", at: v)
        }
        var caFile: String?
        if let v = f["ca_file"]?.value, let path = r.string(v, "smtp.ca_file") {
            caFile = existingFile(path, key: "smtp.ca_file", at: v, r, draft: draft)
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
            r.error("\(what): chỉ dùng một trong \(prefix)_env và \(prefix)_file", at: env.key)
            return nil
        }
        if let env, let name = r.string(env.value, "\(what).\(prefix)_env") {
            if reportsMissingSecrets && environment[name] == nil {
                r.diagnostics.warning("biến môi trường \(name) (\(what).\(prefix)_env) chưa được đặt: cần có trước khi chạy tick, run hay send-test (not set; needed to send)", at: r.location(env.value))
            }
            return .environment(name)
        }
        if let file, let path = r.string(file.value, "\(what).\(prefix)_file") {
            let full = resolve(path, beside: draft.rootPath)
            if reportsMissingSecrets && !FileManager.default.isReadableFile(atPath: full) {
                r.diagnostics.warning("không đọc được tệp bí mật '\(path)' (\(what).\(prefix)_file): cần có trước khi chạy tick, run hay send-test (unreadable; needed to send)", at: r.location(file.value))
            }
            return .file(full)
        }
        return nil
    }

    /// A path beside the root file that must exist (a CA file).
    func existingFile(_ path: String, key: String, at node: Node, _ r: NodeReader, draft: ConfigDraft) -> String {
        let full = resolve(path, beside: draft.rootPath)
        if !FileManager.default.fileExists(atPath: full) { r.error("\(key) '\(path)' không tồn tại", at: node) }
        return full
    }

    func emails(_ node: Node, _ what: String, _ r: NodeReader) -> [String] {
        r.strings(node, what).compactMap { text, item in
            guard r.headerSafe(text, "địa chỉ trong \(what)", at: item) else { return nil }
            if EmailAddress.isValid(text) { return text }
            r.error("'\(text)' trong \(what) không phải địa chỉ email (ten@mien)", at: item)
            return nil
        }
    }

    func resolve(_ path: String, beside root: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = (root as NSString).deletingLastPathComponent
        return base.isEmpty ? path : base + "/" + path
    }
}
