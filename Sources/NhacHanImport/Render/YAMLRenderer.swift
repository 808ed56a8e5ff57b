/// Renders a draft as a complete config file (DESIGN.md §3) with the source lines of every
/// fact quoted in comments, so a coordinator can check the draft against the text.
public enum YAMLRenderer {
    public static func render(_ d: DirectiveDraft) -> String {
        var o: [String] = []
        o.append("# Bản nháp do `nhachan import` tạo từ \(comment(d.sourceName)): kiểm tra lại trước khi dùng.")
        if !d.warnings.isEmpty {
            o.append("# Cảnh báo:")
            for w in d.warnings { o.append("#   - " + comment(w)) }
        }
        o.append("directives:")
        o.append("  - id: \(q(d.id))")
        if let n = d.number {
            o += source(d, "number", indent: 4)
            o.append("    number: \(q(n))")
        } else {
            o += source(d, "number", indent: 4)
            o.append("    # number: văn bản không ghi số" + (d.symbol.map { " (ký hiệu \(comment($0)))" } ?? ""))
        }
        if let issuer = d.issuer {
            o += source(d, "issuer", indent: 4)
            o.append("    issuer: \(q(issuer))")
        } else {
            o.append("    # issuer: không thấy cơ quan ban hành")
        }
        o += source(d, "issued", indent: 4)
        if let issued = d.issued {
            o.append("    issued: \(issued)")
        } else {
            o.append("    # issued: chưa rõ ngày ban hành" + (d.year.map { " (năm \($0))" } ?? ""))
        }
        if let subject = d.subject {
            o += source(d, "subject", indent: 4)
            o.append("    subject: \(q(subject))")
        }
        o.append("    source: \(q(d.sourceName))")
        if !d.recipients.isEmpty { o.append("    # Kính gửi: " + comment(d.recipients.joined(separator: "; "))) }
        if let s = d.signer {
            o.append("    # Ký: " + comment([s.authority, s.title, s.name].compactMap { $0 }.joined(separator: " / ")))
        }
        let active = Set(d.tasks.filter { $0.commentedOut == nil }.map(\.id))
        o.append(active.isEmpty ? "    tasks: []" : "    tasks:")
        for t in d.tasks {
            let lines = task(t, d, active: active)
            if let why = t.commentedOut {
                let todo = why == DraftTask.tentativeReason ? "kiểm tra việc và hạn rồi bỏ dấu # để dùng" : "điền units rồi bỏ dấu # để dùng"
                o.append("      # Nhiệm vụ để dạng chú thích (\(comment(why))): \(todo).")
                o += lines.map { "      # " + $0.dropFirst(6) }
            } else {
                o += lines
            }
        }
        return o.joined(separator: "\n") + "\n"
    }

    private static func task(_ t: DraftTask, _ d: DirectiveDraft, active: Set<String>) -> [String] {
        var o: [String] = []
        o.append("      - id: \(q(t.id))")
        o.append("        " + lineComment(t.sourceLines, d))
        o.append("        units: [" + t.units.map(q).joined(separator: ", ") + "]")
        for u in t.unmatchedUnits { o.append("        # chưa khớp đơn vị: \(q(u))") }
        o.append("        action: \(q(t.action))")
        if let r = t.reportTo { o.append("        report_to: \(q(r))") }
        if let v = t.via {
            if t.viaIsUnit { o.append("        via: \(q(v))") } else { o.append("        # via (chưa khớp đơn vị): \(q(v))") }
        }
        if let a = t.after {
            o.append(active.contains(a) || t.commentedOut != nil ? "        after: \(q(a))" : "        # after: \(q(a)) (nhiệm vụ để dạng chú thích)")
        }
        guard let dl = t.deadline else { return o }
        if let why = t.dueCommentedOut, let due = due(dl) {
            o.append("        # due: \(due) (\(comment(why)))")
        } else if let due = due(dl) {
            o.append("        due: \(due)")
        } else {
            o.append("        # due: chưa xác định được ngày (\(comment(dl.phrase)))")
        }
        if let time = dl.time, dl.kind == .every { o.append("        # giờ trong ngày: \(time)") }
        o.append("        phrase: \(q(dl.phrase))")
        return o
    }

    /// The `due:` flow mapping of a deadline, or `nil` when its date is unknown.
    static func due(_ dl: DraftDeadline) -> String? {
        switch dl.kind {
        case .before: return dl.date.map { "{before: \($0)}" }
        case .through: return dl.date.map { "{through: \($0)}" }
        case .at:
            guard let date = dl.date, let time = dl.time else { return nil }
            return "{at: \(q("\(date)T\(time)"))}"
        case .within:
            guard let n = dl.n else { return nil }
            return "{within: \(q("\(n)\(dl.unit ?? "d")")), from: \(q(dl.from ?? "received"))}"
        case .every:
            guard let rule = dl.rule else { return nil }
            let start = dl.start.map { ", start: \($0)" } ?? ""
            return "{every: \(q(rule))\(start), kind: \(q(dl.recurrenceKind?.rawValue ?? "before"))}"
        case .undated: return "{undated: \(q(dl.phrase))}"
        }
    }

    private static func source(_ d: DirectiveDraft, _ fact: String, indent: Int) -> [String] {
        guard let r = d.factLines[fact] else { return [] }
        return [String(repeating: " ", count: indent) + lineComment(r, d)]
    }

    /// `# dòng 12-14: "<text of those lines>"`.
    static func lineComment(_ r: LineRange, _ d: DirectiveDraft) -> String {
        let label = r.from == r.to ? "dòng \(r.from)" : "dòng \(r.from)-\(r.to)"
        let lo = max(1, r.from), hi = min(d.lineTexts.count, r.to)
        var text = ""
        var n = lo
        while n <= hi, text.utf8.count < 400 {
            let line = d.lineTexts[n - 1]
            if !line.isEmpty { text += (text.isEmpty ? "" : " ") + String(line.prefix(400)) }
            n += 1
        }
        if text.count > 160 {
            text = String(text.prefix(160))
            if let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
            text += " …"
        }
        return "# \(label): \(q(text))"
    }

    /// A double-quoted YAML scalar: `\` and `"` escaped, control characters as escapes.
    public static func q(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += u.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                                          : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Text safe inside a comment: one line.
    static func comment(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 }))
    }
}
