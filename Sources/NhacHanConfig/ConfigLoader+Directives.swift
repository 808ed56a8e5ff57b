import NhacHanCore
import Yams

extension ConfigLoader {
    static let directiveKeys = [
        "id", "number", "issuer", "issued", "received", "subject", "source", "policy", "place", "signer", "tasks",
    ]
    static let taskKeys = ["id", "units", "action", "report_to", "via", "due", "phrase", "after", "policy"]

    func readDirective(_ node: Node, _ r: NodeReader, into draft: inout ConfigDraft) -> Directive? {
        guard let f = r.fields(node, of: "văn bản", allowed: Self.directiveKeys),
              let id = readID(f, of: "văn bản", at: node, r)
        else { return nil }
        if draft.directives.contains(where: { $0.id == id }) {
            r.error("trùng id văn bản '\(id)'", at: f["id"]!.value)
            return nil
        }
        var directive = Directive(id: id, issuer: "", subject: "", tasks: [])
        directive.number = f["number"].flatMap { r.headerText($0.value, "number") }
        directive.issuer = f["issuer"].flatMap { r.headerText($0.value, "issuer") } ?? ""
        directive.subject = f["subject"].flatMap { r.headerText($0.value, "subject") } ?? ""
        if f["subject"] == nil {
            r.diagnostics.warning("văn bản '\(id)' chưa có subject (trích yếu, \"V/v ...\"): thư nhắc chỉ nêu số hiệu và nhiệm vụ; hãy thêm khi biết", at: r.location(node))
        }
        directive.issued = f["issued"].flatMap { r.date($0.value, "issued") }
        directive.received = f["received"].flatMap { r.date($0.value, "received") }
        if let issued = directive.issued, let received = directive.received, received < issued, let v = f["received"]?.value {
            r.error("ngày nhận \(received) trước ngày ban hành \(issued)", at: v)
        }
        directive.source = f["source"].flatMap { r.string($0.value, "source") }
        if let v = f["policy"]?.value, let name = r.string(v, "policy") {
            directive.policy = name
            draft.references.append(.init(kind: .policy, name: name, location: r.location(v)))
        }
        guard let tasksNode = f["tasks"]?.value else {
            r.error("văn bản '\(id)' cần tasks: đơn vị phải làm gì, hạn khi nào", at: node)
            return nil
        }
        var taskNodes: [(DirectiveTask, Node)] = []
        for item in r.list(tasksNode, "tasks") ?? [] {
            guard let task = readTask(item, directive: directive, r, into: &draft) else { continue }
            if taskNodes.contains(where: { $0.0.id == task.id }) {
                r.error("trùng id nhiệm vụ '\(task.id)' trong văn bản '\(id)'", at: item)
                continue
            }
            taskNodes.append((task, item))
        }
        directive.tasks = taskNodes.map(\.0)
        return directive
    }

    private func readTask(_ node: Node, directive: Directive, _ r: NodeReader, into draft: inout ConfigDraft) -> DirectiveTask? {
        guard let f = r.fields(node, of: "nhiệm vụ", allowed: Self.taskKeys), let id = readID(f, of: "nhiệm vụ", at: node, r) else {
            return nil
        }
        var task = DirectiveTask(id: id, units: [], action: "")
        if let v = f["units"]?.value {
            let units = r.strings(v, "units")
            if units.isEmpty { r.error("nhiệm vụ '\(id)' không nêu đơn vị nào", at: v) }
            for (name, item) in units { draft.references.append(.init(kind: .unitOrGroup, name: name, location: r.location(item))) }
            task.units = units.map(\.0)
        } else {
            r.error("nhiệm vụ '\(id)' cần units: [id đơn vị hoặc nhóm]", at: node)
        }
        task.action = f["action"].flatMap { r.headerText($0.value, "action") } ?? ""
        if f["action"] == nil { r.error("nhiệm vụ '\(id)' cần action (\"Báo cáo kết quả thực hiện\")", at: node) }
        task.reportTo = f["report_to"].flatMap { r.line($0.value, "report_to") }
        if let v = f["via"]?.value, let name = r.string(v, "via") {
            task.via = name
            draft.references.append(.init(kind: .unit, name: name, location: r.location(v)))
        }
        task.phrase = f["phrase"].flatMap { r.line($0.value, "phrase") }
        if let v = f["after"]?.value, let name = r.string(v, "after") {
            task.after = name
            draft.references.append(.init(kind: .task(directive: directive.id), name: name, location: r.location(v)))
        }
        if let v = f["policy"]?.value, let name = r.string(v, "policy") {
            task.policy = name
            draft.references.append(.init(kind: .policy, name: name, location: r.location(v)))
        }
        if let v = f["due"]?.value {
            task.due = readDue(v, directive: directive, r)
            draft.dueLocations["\(directive.id)/\(id)"] = r.location(v)
            if case .undated(let phrase) = task.due {
                draft.undated.append(UndatedObligation(directive: directive.id, task: id, phrase: phrase, location: r.location(v)))
            }
        }
        return task
    }

    private func readDue(_ node: Node, directive: Directive, _ r: NodeReader) -> Due? {
        let forms = ["before", "through", "at", "within", "every", "undated"]
        guard let f = r.fields(node, of: "due", allowed: forms + ["from", "start", "kind"]) else { return nil }
        let given = forms.filter { f[$0] != nil }
        guard given.count == 1, let form = given.first, let value = f[form]?.value else {
            r.error("due cần đúng một trong \(forms.joined(separator: ", ")); gặp \(given.isEmpty ? "không có" : given.joined(separator: " và "))", at: node)
            return nil
        }
        for extra in ["from", "start", "kind"] where f[extra] != nil {
            let owner = extra == "from" ? "within" : "every"
            if form != owner { r.error("'\(extra)' đi với \(owner):, không đi với \(form):", at: f[extra]!.key) }
        }
        func notBeforeIssue(_ date: CivilDate) -> Bool {
            if let issued = directive.issued, date < issued {
                r.error("hạn \(date) trước ngày ban hành văn bản \(issued): kiểm tra lại năm", at: value)
                return false
            }
            return true
        }
        switch form {
        case "before", "through":
            guard let date = r.date(value, form), notBeforeIssue(date) else { return nil }
            return form == "before" ? .before(date) : .through(date)
        case "at":
            guard let text = r.string(value, "at") else { return nil }
            let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
            guard parts.count == 2, let date = CivilDate(iso: parts[0]), let minute = ClockTime.minutes(parsing: parts[1]) else {
                r.error("at phải là ngày và giờ, ví dụ \"2024-03-29T17:00\"; gặp '\(text)'", at: value)
                return nil
            }
            return notBeforeIssue(date) ? .at(date, minute: minute) : nil
        case "within":
            guard let text = r.string(value, "within") else { return nil }
            guard let period = DayCount(text), period.count > 0 else {
                r.error("within phải là số ngày: 10d (ngày lịch) hoặc 5wd (ngày làm việc); gặp '\(text)'", at: value)
                return nil
            }
            var anchor = WithinAnchor.received
            if let v = f["from"]?.value, let from = r.string(v, "from") {
                switch from {
                case "issued": anchor = .issued
                case "received": anchor = .received
                default:
                    guard let date = r.date(v, "from (issued, received or a date)") else { return nil }
                    anchor = .date(date)
                }
            }
            if Deadline.anchorDate(anchor, directive) == nil {
                r.error("within tính từ ngày \(anchor == .issued ? "issued" : "received") của văn bản, nhưng ngày này chưa có: thêm issued: hoặc received:", at: value)
            }
            return .within(period, from: anchor)
        case "every":
            guard let text = r.line(value, "every") else { return nil }
            var start = directive.issued
            if let v = f["start"]?.value { start = r.date(v, "start") }
            guard let start else {
                if f["start"] == nil { r.error("every cần start: YYYY-MM-DD (văn bản không có ngày ban hành để bắt đầu)", at: value) }
                return nil
            }
            var kind = RecurringKind.before
            if let v = f["kind"]?.value, let k = r.string(v, "kind") {
                guard let parsed = RecurringKind(rawValue: k) else {
                    r.error("kind phải là before hoặc through; gặp '\(k)'", at: v)
                    return nil
                }
                kind = parsed
            }
            do {
                return .every(try Recurrence(parsing: text, start: start), kind: kind)
            } catch {
                r.error("RRULE không được hỗ trợ: \(error.description)", at: value)
                return nil
            }
        default:
            guard let phrase = r.line(value, "undated") else { return nil }
            return .undated(phrase)
        }
    }
}
