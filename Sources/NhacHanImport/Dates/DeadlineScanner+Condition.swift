/// Dates that qualify who or what a rule is for, not when to act.
extension DeadlineScanner {
    /// "trẻ sinh trước ngày 01/01/2019", "đất sử dụng ổn định trước ngày 01/7/2004", "người nghỉ
    /// hưu trước ngày D", "có hộ khẩu thường trú trước ngày D", "các khoản nợ phát sinh trước
    /// ngày D": a state or past event before a day says who a rule covers, not a limit. So does
    /// a "trước ngày D" followed by what follows for them ("Giấy tờ được cấp trước ngày D vẫn có
    /// giá trị", "Hồ sơ nộp trước ngày D được giải quyết theo …", "… trước ngày D thì không
    /// phải nộp lại").
    static func condition(_ t: [Token], marker i: Int, date: WrittenDate) -> Bool {
        if i > 0 {
            let w = t[i - 1]
            if w.is("sinh") && !(i >= 2 && (t[i - 2].is("tuyen") || t[i - 2].is("hoc"))) { return true }
            if w.is("tru") && i >= 2 && ["thuong", "tam", "cu"].contains(t[i - 2].text) { return true }
            if w.is("huu") && i >= 2 && t[i - 2].is("nghi") { return true }
            if t.matches("on dinh", at: i - 2) || t.matches("duoc cap", at: i - 2) { return true }
        }
        var k = date.tokenEnd
        if k < t.count, t[k].text == "," { k += 1 }
        guard k < t.count else { return false }
        return t[k].is("van") || t.matches("thi khong phai", at: k) || t.matches("khong phai", at: k)
            || t[k].is("duoc") && !(k + 1 < t.count && (t[k + 1].is("gui") || t[k + 1].is("nop")))
            || t.matches("se duoc", at: k) || t.matches("co gia tri", at: k) || t.matches("tiep tuc", at: k)
    }

    /// "các quận đã hoàn thành cấp mã học sinh xong trước ngày 28/5/2021": work reported done
    /// by a day is news, not a limit. Only "đã" right before the clause's reporting or
    /// completing verb, the first of its clause, counts ("hồ sơ đã tiếp nhận phải giải quyết
    /// trước …" is still a limit).
    static func alreadyDone(_ t: [Token], marker i: Int, p: Paragraph) -> Bool {
        // The clause's first reporting or completing verb ("Các xã gửi danh sách hộ đã nộp hồ sơ
        // …": "gửi", which governs the limit).
        var first: Int?
        var k = i - 1
        while k >= 0, i - k <= 30, !(t[k].kind == .punct && [",", ";", ".", ":"].contains(t[k].text)) {
            if ClauseReader.verb(t, at: k) != nil { first = k }
            k -= 1
        }
        guard let v = first, v >= 1, i - v <= 15 else { return false }
        return t[v - 1].is("da") && p.exact(t[v - 1], "đã")
    }
}
