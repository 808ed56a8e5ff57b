/// Turns found obligations into draft tasks: unit ids, duplicates merged, ids, `after` links,
/// and a carry-out task (no deadline) for each unit section that sets no report.
struct TaskAssembler {
    let directory: UnitDirectory?
    let body: Body
    var warnings: [String] = []
    private var warnedNames: Set<String> = []

    init(directory: UnitDirectory?, body: Body) {
        self.directory = directory
        self.body = body
    }

    /// Everyone the directive addresses: its recipients, else the units its sections name.
    private var addressed: [UnitMention] {
        if !body.recipients.isEmpty { return body.recipients.map(\.mention) }
        return body.unitSections.flatMap(\.units)
    }

    private mutating func ids(_ mentions: [UnitMention], line: Int) -> (ids: [String], unmatched: [String]) {
        var ids: [String] = []
        var unmatched: [String] = []
        for m in mentions {
            if let e = m.entry, let directory {
                ids.append(directory.entries[e].id)
                if m.approximate, warnedNames.insert("~" + m.text).inserted {
                    warnings.append("dòng \(line): \"\(m.text)\" khớp gần đúng với đơn vị \(directory.entries[e].id): kiểm tra lại")
                }
            } else if directory == nil {
                ids.append(Slug.make(UnitKey.key(m.text)))
            } else {
                unmatched.append(m.text)
                if warnedNames.insert(m.text).inserted {
                    warnings.append("dòng \(line): đơn vị \"\(m.text)\" không có trong danh mục: chưa đưa vào units")
                }
            }
        }
        return (DirectiveImporter.unique(ids), DirectiveImporter.unique(unmatched))
    }

    private func viaID(_ m: UnitMention?) -> (String?, Bool) {
        guard let m else { return (nil, false) }
        if let e = m.entry, let directory { return (directory.entries[e].id, true) }
        if directory == nil { return (Slug.make(UnitKey.key(m.text)), true) }
        return (m.text, false)
    }

    mutating func assemble(_ found: [FoundTask]) -> [DraftTask] {
        var tasks: [DraftTask] = []
        var seen: Set<String> = []
        var usedIDs: [String: Int] = [:]
        func newID(_ base: String) -> String {
            let b = base.isEmpty ? "nhiem-vu" : base
            let n = usedIDs[b, default: 0] + 1
            usedIDs[b] = n
            return n == 1 ? b : "\(b)-\(n)"
        }
        var headingsWithTasks: Set<Int> = []
        var items: [(DraftTask, String)] = []
        for f in found {
            var mentions = f.allAddressed ? addressed + f.units : f.units
            if let v = f.via, v.entry != nil { mentions.removeAll { $0.entry == v.entry } }
            if let v = f.via, v.entry == nil {
                let viaKey = UnitKey.key(v.text)
                mentions.removeAll { $0.entry == nil && UnitKey.key($0.text) == viaKey }
            }
            let (unitIDs, unmatched) = ids(mentions, line: f.lines.from)
            let (via, viaIsUnit) = viaID(f.via)
            if let v = f.via, v.entry == nil, directory != nil, warnedNames.insert(v.text).inserted {
                warnings.append("dòng \(f.lines.from): nơi tổng hợp \"\(v.text)\" không có trong danh mục: via để dạng chữ")
            }
            let obligation = [unitIDs.sorted().joined(separator: ","), unmatched.joined(separator: ","),
                              f.deadline.map { "\($0.kind)|\($0.date?.description ?? "")|\($0.time ?? "")|\($0.rule ?? "")|\($0.n ?? 0)" } ?? "none",
                              UnitKey.key(f.reportTo ?? "")].joined(separator: "#")
            if let h = f.sectionHeading { headingsWithTasks.insert(h) }
            // Units that owe the same recipient something by the same day owe one thing (two periodic
            // reports on the same day are two things, their actions differ); the steps
            // of a procedure with the same count of days are different steps (their actions differ).
            let step = f.deadline?.kind == .within || f.isTableRow ? "#" + Fold.key(f.action) + "#\(f.lines.to)"
                : f.deadline?.kind == .every ? "#" + Fold.key(f.action) : ""
            guard seen.insert(obligation + step).inserted else { continue }
            var task = DraftTask(id: "", units: unitIDs, unmatchedUnits: unmatched, action: Self.withoutRowNumber(f.action),
                                 reportTo: f.reportTo, via: via, viaIsUnit: viaIsUnit, deadline: f.deadline,
                                 sourceLines: f.lines)
            task.tentative = f.tentative
            items.append((task, f.verbSlug))
        }
        for section in body.unitSections where !headingsWithTasks.contains(section.heading) {
            let first = body.paragraphs[section.heading]
            let last = body.paragraphs[max(section.heading, section.end)]
            let (unitIDs, unmatched) = ids(section.units, line: first.firstLine)
            let task = DraftTask(id: "", units: unitIDs, unmatchedUnits: unmatched, action: carryOutAction(section.heading),
                                 sourceLines: LineRange(first.firstLine, last.lastLine))
            items.append((task, "thuc-hien"))
        }
        items.sort { $0.0.sourceLines.from < $1.0.sourceLines.from }
        for (var task, slug) in items {
            task.id = newID(slug)
            tasks.append(task)
        }
        // A task done by the intermediary of another one reports onward from it.
        for i in tasks.indices where tasks[i].after == nil {
            for j in tasks.indices where j != i {
                guard let via = tasks[j].via, tasks[j].viaIsUnit, tasks[i].units.contains(via),
                      tasks[j].after != tasks[i].id, let mine = tasks[i].deadline, let theirs = tasks[j].deadline,
                      Self.mayFollow(mine, theirs) else { continue }
                tasks[i].after = tasks[j].id
                break
            }
        }
        return tasks
    }

    /// "1 Thủ tục Thành lập trường …": a flattened table row's number is not the work.
    static func withoutRowNumber(_ action: String) -> String {
        let scalars = Array(action.unicodeScalars)
        guard let row = LineShape.rowNumber(scalars) else { return action }
        return String(String.UnicodeScalarView(scalars[row.textStart...]))
    }

    /// A report onward can only follow a prerequisite due no later than itself: a plan's own
    /// steps due before the villages report to the commune do not wait for that report.
    private static func mayFollow(_ dependent: DraftDeadline, _ prerequisite: DraftDeadline) -> Bool {
        guard let mine = dependent.date, let theirs = prerequisite.date else { return true }
        return mine > theirs
    }

    /// The first sentence of a unit section, cut at ";" and 160 characters.
    private func carryOutAction(_ heading: Int) -> String {
        var p = body.paragraphs[heading]
        var from = body.headingEnds[heading] ?? 0
        if p.text(from..<p.count).count < 3, heading + 1 < body.paragraphs.count {
            p = body.paragraphs[heading + 1]
            from = LineShape.marker(p.scalars)?.length ?? 0
        }
        let s = TaskExtractor.sentences(p, from: from).first ?? from..<p.count
        var text = p.text(s)
        if let semi = text.firstIndex(of: ";") { text = String(text[..<semi]) }
        if text.count > 160 {
            var cut = String(text.prefix(160))
            if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
            text = cut + "…"
        }
        while let l = text.last, ".,:".contains(l) { text.removeLast() }
        return OrganName.capitalized(text.trimmingSpaces)
    }
}
