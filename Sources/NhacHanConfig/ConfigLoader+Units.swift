import NhacHanCore
import Yams

extension ConfigLoader {
    func readSections(_ fields: [String: (key: Node, value: Node)], reader r: NodeReader, into draft: inout ConfigDraft) {
        if let node = fields["policies"]?.value { readPolicies(node, r, into: &draft) }
        if let node = fields["units"]?.value {
            for item in r.list(node, "units") ?? [] { if let unit = readUnit(item, r, into: &draft) { draft.units.append(unit) } }
        }
        if let node = fields["groups"]?.value {
            for item in r.list(node, "groups") ?? [] { if let group = readGroup(item, r, into: &draft) { draft.groups.append(group) } }
        }
        if let node = fields["directives"]?.value {
            for item in r.list(node, "directives") ?? [] {
                if let directive = readDirective(item, r, into: &draft) { draft.directives.append(directive) }
            }
        }
    }

    /// Reads `id:`, checks its form and that no unit or group has it already.
    func readID(_ f: [String: (key: Node, value: Node)], of what: String, at node: Node, _ r: NodeReader) -> String? {
        guard let v = f["id"]?.value else {
            r.error("\(what) cần id (chữ thường, chữ số và '-', ví dụ phong-gddt)", at: node)
            return nil
        }
        guard let id = r.string(v, "\(what) id") else { return nil }
        if !Validation.isID(id) {
            r.error("id \(what) '\(id)' chỉ gồm chữ thường ASCII không dấu, chữ số, '-', '_' hoặc '.' (ví dụ xa-binh-chau)", at: v)
            return nil
        }
        return id
    }

    private func register(unitOrGroup id: String, at node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> Bool {
        if let previous = draft.unitLocations[id] {
            r.error("trùng id đơn vị hoặc nhóm '\(id)': đã khai báo tại \(previous)", at: node)
            return false
        }
        draft.unitLocations[id] = r.location(node)
        return true
    }

    private func readUnit(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> OfficeUnit? {
        let keys = ["id", "name", "aliases", "email", "webhooks", "escalate_to"]
        guard let f = r.fields(node, of: "đơn vị", allowed: keys), let id = readID(f, of: "đơn vị", at: node, r) else { return nil }
        guard register(unitOrGroup: id, at: f["id"]!.value, r, into: &draft) else { return nil }
        let name = f["name"].flatMap { r.headerText($0.value, "tên đơn vị (name)") } ?? id
        if f["name"] == nil { r.error("đơn vị '\(id)' cần name (\"Phòng Giáo dục và Đào tạo\")", at: node) }
        let aliases = f["aliases"].map { r.strings($0.value, "aliases").map(\.0) } ?? []
        var email = EmailRecipients()
        if let v = f["email"]?.value, let e = r.fields(v, of: "email", allowed: ["to", "cc"]) {
            email.to = e["to"].map { emails($0.value, "email.to", r) } ?? []
            email.cc = e["cc"].map { emails($0.value, "email.cc", r) } ?? []
        }
        let webhooks = f["webhooks"].map { (r.list($0.value, "webhooks") ?? []).compactMap { readWebhook($0, r, into: &draft) } } ?? []
        var escalateTo: [String] = []
        if let v = f["escalate_to"]?.value, let e = r.fields(v, of: "escalate_to", allowed: ["email"]) {
            escalateTo = e["email"].map { emails($0.value, "escalate_to.email", r) } ?? []
        }
        return OfficeUnit(id: id, name: name, aliases: aliases, email: email, webhooks: webhooks, escalateTo: escalateTo)
    }

    private func readWebhook(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> Webhook? {
        let keys = ["url", "format", "secret_env", "secret_file", "allow_http", "chat_id"]
        guard let f = r.fields(node, of: "webhook", allowed: keys) else { return nil }
        guard let urlNode = f["url"]?.value else {
            r.error("webhook cần url", at: node)
            return nil
        }
        // The URL is a secret: never printed in full, not even in the source line under a diagnostic.
        if let raw = urlNode.scalar?.string { r.diagnostics.hideInSnippets(url: raw) }
        guard let url = r.headerText(urlNode, "webhook url") else { return nil }
        let allowHTTP = f["allow_http"].flatMap { r.bool($0.value, "allow_http") } ?? false
        if let problem = Validation.webURLProblem(url, allowHTTP: allowHTTP) { r.error(problem, at: urlNode) }
        var format = WebhookFormat.nhachan
        if let v = f["format"]?.value, let text = r.string(v, "webhook format") {
            if let known = WebhookFormat(rawValue: text) {
                format = known
            } else {
                let names = WebhookFormat.allCases.map(\.rawValue)
                r.error("định dạng webhook không hợp lệ '\(text)'\(didYouMean(text, among: names)); dùng một trong \(names.joined(separator: ", "))", at: v)
            }
        }
        let chatID = f["chat_id"].flatMap { r.headerText($0.value, "chat_id") }
        if format == .telegram && chatID == nil { r.error("webhook telegram cần chat_id", at: node) }
        let secret = secret(f, prefix: "secret", what: "webhook", r, into: &draft)
        return Webhook(url: url, format: format, secret: secret, allowHTTP: allowHTTP, chatID: chatID)
    }

    private func readGroup(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> UnitGroup? {
        guard let f = r.fields(node, of: "nhóm", allowed: ["id", "name", "aliases", "members"]),
              let id = readID(f, of: "nhóm", at: node, r)
        else { return nil }
        guard register(unitOrGroup: id, at: f["id"]!.value, r, into: &draft) else { return nil }
        let name = f["name"].flatMap { r.headerText($0.value, "tên nhóm (name)") } ?? id
        let aliases = f["aliases"].map { r.strings($0.value, "aliases").map(\.0) } ?? []
        guard let membersNode = f["members"]?.value else {
            r.error("nhóm '\(id)' cần members: [id đơn vị hoặc nhóm]", at: node)
            return nil
        }
        let members = r.strings(membersNode, "members")
        for (member, item) in members {
            draft.references.append(.init(kind: .unitOrGroup, name: member, location: r.location(item), fromGroup: id))
        }
        return UnitGroup(id: id, name: name, aliases: aliases, members: members.map(\.0))
    }
}
