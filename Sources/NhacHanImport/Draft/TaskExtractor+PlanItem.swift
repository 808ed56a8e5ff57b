import NhacHanCore

/// A plan's item: its work on one line ("2. Rà soát, lập danh sách hộ nghèo."), then lines
/// that give only who does it and when ("- Đơn vị thực hiện: UBND các xã", "- Thời gian
/// thực hiện: trước ngày 30/5/2024", "- Thời gian hoàn thành: Quý II/2024").
struct PlanItem {
    var paragraph: Paragraph
    var index: Int
    var range: Range<Int>
    var tokens: [Token]
    var verb: Int
    var level: Int
    var units: [UnitMention] = []
    /// The task the item's own line made (an undated report), which its time line dates.
    var task: Int?
    /// The tasks its time lines made, which a units line after them completes.
    var dated: [Int] = []
}

/// The labels of a plan item's lines ("Thời gian thực hiện:", "Đơn vị chủ trì:").
enum ItemLabel {
    /// Of the line that gives an item's time: its work is the item's.
    static let time = ["thoi gian", "thoi gian thuc hien", "thoi gian hoan thanh", "thoi han", "thoi han thuc hien",
                       "thoi han hoan thanh", "tien do", "tien do thuc hien", "tien do hoan thanh"]
    /// Of the line that names who does an item's work.
    static let units = ["don vi thuc hien", "co quan thuc hien", "don vi chu tri", "co quan chu tri", "chu tri",
                        "chu tri thuc hien", "trach nhiem thuc hien", "don vi chiu trach nhiem", "co quan chiu trach nhiem",
                        "co quan, don vi thuc hien", "co quan, don vi chu tri"]
    /// Of the other lines of an item, which name no work of their own.
    static let other = ["phoi hop", "don vi phoi hop", "co quan phoi hop", "san pham", "ket qua", "kinh phi",
                        "noi dung", "muc tieu", "yeu cau", "hinh thuc", "dia diem", "doi tuong", "ghi chu"]

    /// The token after the colon of a label that opens the sentence ("- Thời gian thực hiện:",
    /// "b) Chủ trì:"), when the label is one of `labels`.
    static func end(_ t: [Token], _ labels: [String]) -> Int? {
        guard var first = t.prefix(3).firstIndex(where: { $0.kind != .punct }) else { return nil }
        // "a)", "2.": the item's own marker.
        if first + 1 < t.count, t[first].kind == .number || t[first].text.count == 1, [")", "."].contains(t[first + 1].text) {
            first += 2
        }
        guard first < t.count, let colon = t[first...].prefix(7).firstIndex(where: { $0.text == ":" }), colon > first else { return nil }
        let key = t[first..<colon].map(\.text).joined(separator: " ").replacingOccurrences(of: " ,", with: ",")
        return labels.contains(key) ? colon + 1 : nil
    }
}

extension TaskExtractor {
    static func isItemLabel(_ t: [Token]) -> Bool {
        ItemLabel.end(t, ItemLabel.time + ItemLabel.units + ItemLabel.other) != nil
    }

    /// After the first sentence of an item's line is read: an item that names work without a
    /// deadline of its own is remembered for the label lines under it.
    mutating func notePlanItem(_ p: Paragraph, _ range: Range<Int>, paragraph n: Int, marker: Marker, tasksBefore: Int) {
        let t = Tokenizer.tokens(p.folded, in: range)
        // "II. NỘI DUNG THỰC HIỆN:": a section's title names no work of its own.
        guard !Self.isItemLabel(t), !LineShape.isAllCaps(Array(p.text(range).unicodeScalars)) else { return }
        let made = found[tasksBefore...]
        if made.contains(where: { $0.deadline != nil }) { planItem = nil; return }
        guard t.filter({ $0.kind == .word }).count >= 2,
              let v = t.indices.first(where: { ClauseReader.startsWork(t, at: $0) }) ?? t.firstIndex(where: { $0.kind == .word })
        else { return }
        planItem = PlanItem(paragraph: p, index: n, range: range, tokens: t, verb: v, level: marker.level,
                            task: made.count == 1 ? tasksBefore : nil)
    }

    /// "- Đơn vị thực hiện: UBND các xã": the units of the item above, and of the tasks its
    /// time lines already made.
    mutating func readUnitLabel(_ p: Paragraph, _ t: [Token], paragraph n: Int) -> Bool {
        guard let k = ItemLabel.end(t, ItemLabel.units), k < t.count else { return false }
        guard var item = planItem, n - item.index <= 8 else { return true }
        let range = t[k].start..<t[t.count - 1].end
        let units = matcher.matches(p, range).nilIfEmpty ?? matcher.mentions(p, range)
        guard !units.isEmpty else { return true }
        item.units = units
        warnings.removeAll { $0 == Self.unknownUnits(item) }
        for i in item.dated + [item.task].compactMap({ $0 }) where i < found.count {
            found[i].units = units
            found[i].allAddressed = false
        }
        planItem = item
        return true
    }

    private static func unknownUnits(_ item: PlanItem) -> String {
        "dòng \(item.paragraph.lines(item.range).from): không rõ đơn vị thực hiện: gán cho mọi đơn vị nhận văn bản"
    }

    /// "- Thời gian thực hiện: trước ngày 30/5/2024": the deadline of the item above.
    mutating func datePlanItem(_ hit: DeadlineHit, _ p: Paragraph, _ t: [Token], range: Range<Int>, paragraph n: Int) -> Bool {
        guard let k = ItemLabel.end(t, ItemLabel.time), hit.tokenStart >= k, hit.deadline.kind != .undated,
              // "- Thời gian: từ 8 giờ ngày 20 đến 17 giờ ngày 21/5": when the item takes place.
              !hit.isWindow, var item = planItem, n - item.index <= 8 else { return false }
        let lines = LineRange(item.paragraph.lines(item.range).from, p.lines(range).to)
        if let i = item.task, i < found.count, found[i].deadline == nil {
            found[i].deadline = hit.deadline
            found[i].lines = lines
            warnings.removeAll { $0.hasPrefix("dòng \(item.paragraph.lines(item.range).from): có nghĩa vụ báo cáo nhưng không ghi thời hạn") }
            item.dated.append(i)
            item.task = nil
        } else {
            add(item.paragraph, item.tokens, range: item.range, verb: item.verb, deadline: hit.deadline, paragraph: item.index,
                hitStart: item.tokens.count, lines: lines)
            item.dated.append(found.count - 1)
        }
        if !item.units.isEmpty, let i = item.dated.last {
            found[i].units = item.units
            found[i].allAddressed = false
            warnings.removeAll { $0 == Self.unknownUnits(item) }
        }
        planItem = item
        return true
    }
}

private extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
