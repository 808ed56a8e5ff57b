import NhacHanCore

/// Where the work of a limit is named when no delivering verb governs it: what a text asks for,
/// a time to receive or send in, a milestone's colon, the clause a limit opens or closes.
extension TaskExtractor {
    /// Where the work of a deadline is named when no delivering verb governs it.
    func verbWithout(_ hit: DeadlineHit, _ t: [Token], _ p: Paragraph) -> Int? {
        // "lùi thời gian nhận tác phẩm … đến hết ngày D", "Tiếp nhận hồ sơ trước ngày 05 tháng
        // 12 hàng năm": the end of receiving is the senders' deadline.
        if hit.deadline.kind != .undated,
           let k = (max(0, hit.tokenStart - 30)..<hit.tokenStart).first(where: { SendingIn.timeToReceive(t, at: $0) }) { return k }
        // "kéo dài thời gian tham gia cuộc thi đến hết ngày D", "gia hạn thời gian nộp …": a
        // time limit moved is a time limit.
        if hit.isWindow, let k = (max(0, hit.tokenStart - 30)..<hit.tokenStart).first(where: { k in
            t.matches("thoi gian", at: k) && k >= 2 && DeadlineScanner.movesTime(t, at: k - 2)
        }) { return k + 2 < hit.tokenStart ? k + 2 : k }
        // "Tổ chức các cuộc họp giao ban … trước ngày 25 hàng tháng": a recurring limit on a
        // piece of work is a deadline too (a single one, "tổ chức các hoạt động trước ngày
        // 28/6", is the day being marked).
        if hit.deadline.kind == .every,
           let k = (max(0, hit.tokenStart - 40)..<hit.tokenStart).reversed().first(where: { ClauseReader.startsWork(t, at: $0) }) { return k }
        // "Hội đồng yêu cầu các xã phát lệnh gọi công dân nhập ngũ trước ngày 20-1": what is
        // asked for by a day is a deadline whatever its verb ("theo đề nghị của …" cites).
        if !hit.isWindow, hit.deadline.kind == .before || hit.deadline.kind == .through || hit.deadline.kind == .at,
           let k = (max(0, hit.tokenStart - 30)..<hit.tokenStart).last(where: { t.matches("yeu cau", at: $0) || t.matches("de nghi", at: $0) }),
           !(k > 0 && t[k - 1].is("theo")), k + 2 < hit.tokenStart,
           !(k..<hit.tokenStart).contains(where: { [";", ":"].contains(t[$0].text) }) { return k + 2 }
        // "Các chi bộ tiến hành đại hội trước ngày 31-12-2019", "vệ sinh … hố trồng trước ngày
        // 1/2/2019": "trước" a whole date limits whatever work its clause names ("đã … trước"
        // tells of the past; before the occasion the subject names, work is held, not due).
        if hit.role == .deadline, hit.deadline.kind == .before, let date = hit.deadline.date, !occasions.contains(date), hit.tokenStart > 0,
           let k = Self.clauseWork(t, before: hit.tokenStart) { return k }
        // "Trước ngày 20 tháng 11 hằng năm, Quốc hội quyết định …", "Trước ngày 9/5, Sở cung cấp
        // số liệu …": a limit that opens its sentence dates the clause after its comma.
        if hit.role == .deadline, hit.deadline.kind == .before || hit.deadline.kind == .every && hit.deadline.recurrenceKind == .before,
           hit.deadline.date.map({ !occasions.contains($0) }) ?? true,
           (0..<hit.tokenStart).allSatisfy({ t[$0].kind != .word }), let comma = (hit.tokenEnd..<min(t.count, hit.tokenEnd + 6)).first(where: { t[$0].text == "," }),
           comma + 3 < t.count, !(comma..<min(t.count, comma + 8)).contains(where: { t[$0].is("da") }) {
            return Self.workAfter(t, comma)
        }
        // "(Trong thời gian) Từ nay đến 15-1-2015, Công đoàn cơ sở sẽ lập danh sách …": from now
        // until a day, the work after the comma is due by it ("Treo băng rôn từ nay đến hết ngày
        // 30/6" and "diễn ra từ nay đến …" tell how long something goes on).
        if hit.role == .windowEnd, hit.tokenStart >= 2, t[hit.tokenStart - 2].is("tu"), t[hit.tokenStart - 1].is("nay"),
           (0..<hit.tokenStart - 2).allSatisfy({ t[$0].kind != .word }) || hit.tokenStart == 5 && t.matches("trong thoi gian", at: 0),
           let comma = (hit.tokenEnd..<min(t.count, hit.tokenEnd + 3)).first(where: { t[$0].text == "," }), comma + 3 < t.count,
           !(comma..<min(t.count, comma + 8)).contains(where: { t[$0].is("da") }) {
            return Self.workAfter(t, comma)
        }
        // "Sau ngày 15/12/2019 các Kho bạc không thực hiện điều chỉnh số liệu": the work is what
        // is no longer done after the day.
        if t[hit.tokenStart].is("sau"), hit.deadline.kind == .through,
           let k = (hit.tokenEnd..<min(t.count, hit.tokenEnd + 12)).first(where: { t[$0].is("khong") }), k + 1 < t.count {
            return (k + 1..<min(t.count, k + 4)).first(where: { ClauseReader.startsWork(t, at: $0) && !t.matches("thuc hien", at: $0) }) ?? k + 1
        }
        // "Chậm nhất ngày 03/4/2021: Thành lập Tổ bầu cử", "Trước ngày 15/6 (…): Hoàn thiện hồ sơ":
        // a milestone that opens its sentence names its work after the colon.
        if let k = Self.milestoneColon(hit, t, p), k + 1 < t.count {
            return Self.workAfter(t, k)
        }
        let phrase = hit.tokenStart..<hit.tokenEnd
        // "Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý": a count
        // from an event is a time limit whatever the verb; the clause before it names the work.
        if hit.deadline.kind == .within,
           phrase.contains(where: { t.matches("ke tu", at: $0) || t.matches("tinh tu", at: $0) || t.matches("sau khi", at: $0) }) {
            // "- Trong thời hạn 10 ngày kể từ ngày nhận đủ hồ sơ, Chủ tịch UBND cấp huyện quyết
            // định …", "+ Trong thời hạn 15 ngày … thì bộ … phải có văn bản trả lời": a count that
            // opens its sentence dates the clause after its comma or "thì".
            let marker = LineShape.marker(p.scalars)?.length ?? 0  // "b) Trong thời hạn …"
            if (0..<hit.tokenStart).allSatisfy({ t[$0].kind != .word || t[$0].start < marker }),
               let comma = (hit.tokenEnd..<min(t.count, hit.tokenEnd + 20)).first(where: {
                   // The clause's subject after its comma is a name ("xã, phường" runs on).
                   t[$0].is("thi") || t[$0].text == "," && $0 + 1 < t.count && p.scalars[t[$0 + 1].start].properties.isUppercase
               }),
               comma + 2 < t.count {
                return Self.workAfter(t, comma)
            }
            return 0
        }
        // "Ngày 12/4/2021: Niêm yết danh sách cử tri": a timetable line names its step after the colon.
        if hit.role == .deadline, (0..<hit.tokenStart).allSatisfy({ t[$0].kind != .word }),
           let colon = phrase.first(where: { t[$0].text == ":" }), colon + 1 < t.count {
            return Self.workAfter(t, colon)
        }
        // "hoàn thành vào ngày D", "Thời gian hoàn thành: ngày D": the verb is in the phrase.
        if let k = phrase.first(where: { ClauseReader.verb(t, at: $0) != nil }) { return k }
        // "Ngày hết hạn lấy ý kiến: D", "hạn chót: D": the phrase names itself a deadline.
        if !hit.isWindow, phrase.contains(where: { t[$0].is("han") && p.exact(t[$0], "hạn") }) { return hit.tokenStart }
        return nil
    }

    /// The first word of the work named after a comma, colon or "thì" at `k`: its first work
    /// verb within a few words, else the word after it.
    static func workAfter(_ t: [Token], _ k: Int) -> Int {
        (k + 1..<min(t.count, k + 15)).first(where: { ClauseReader.startsWork(t, at: $0) }) ?? k + 1
    }

    /// The colon after a limit that opens its sentence ("Chậm nhất là ngày 17/02/2021:",
    /// "Chậm nhất ngày 07/02/2021 (105 ngày trước ngày bầu cử):").
    /// The limit opens its line when a heading was joined to it ("105 ngày trước ngày bầu cử").
    static func milestoneColon(_ hit: DeadlineHit, _ t: [Token], _ p: Paragraph) -> Int? {
        guard hit.role == .deadline, [.before, .through, .at].contains(hit.deadline.kind),
              (0..<hit.tokenStart).allSatisfy({ t[$0].kind != .word || t[$0].is("khoang") }) || p.startsLine(t[hit.tokenStart].start)
        else { return nil }
        return (hit.tokenEnd..<min(t.count, hit.tokenEnd + 12)).prefix(while: { t[$0].text != "." && t[$0].text != "," })
            .first(where: { t[$0].text == ":" })
    }

    /// The first word of the work a clause names before `end`: after its last ";" or ":", a
    /// work verb if there is one; nil for a clause that tells of the past ("đã"), cites
    /// ("theo", "căn cứ") or names no work (a bare subject, a date).
    static func clauseWork(_ t: [Token], before end: Int) -> Int? {
        let start = (max(0, end - 30)..<end).last(where: { [";", ":"].contains(t[$0].text) }).map { $0 + 1 } ?? max(0, end - 30)
        let clause = start..<end
        // "Căn cứ …" opening a clause cites; "CĐ cơ sở căn cứ vào tình hình … mà hướng dẫn" is work.
        guard clause.count >= 2, !clause.contains(where: { t[$0].is("da") || t[$0].is("theo")
                || t.matches("can cu", at: $0) && ($0 == start || t[$0 - 1].kind == .punct) }),
              !clause.contains(where: { DateScanner.date(t, at: $0) != nil }) else { return nil }
        return clause.first(where: { ClauseReader.startsWork(t, at: $0) })
            ?? clause.first(where: { t[$0].kind == .word })
    }
}
