/// Words that begin the name of an organ or unit in Vietnamese administrative text.
///
/// Compared with diacritics (lowercased), so "Sở" is an organ and "số" is not.
enum OrganWords {
    static let starters: [String] = [
        "ủy ban", "uỷ ban", "ubnd", "ubmttq", "mttq", "sở", "bộ", "phòng", "văn phòng", "trung tâm",
        "hội", "huyện đoàn", "tỉnh đoàn", "thành đoàn", "quận đoàn", "đoàn thanh niên", "ban", "công an",
        "bệnh viện", "chi cục", "cục", "tổng cục", "đài", "trường", "kho bạc", "bảo hiểm", "liên đoàn",
        "mặt trận", "thanh tra", "tòa án", "toà án", "viện kiểm sát", "hạt kiểm lâm", "chi nhánh",
        "thường trực", "đảng ủy", "đảng uỷ", "huyện ủy", "huyện uỷ", "tỉnh ủy", "tỉnh uỷ",
        "thành ủy", "thành uỷ", "chính phủ", "thủ tướng", "hội đồng", "đội", "chi đoàn", "lực lượng",
        "bộ chỉ huy", "ban chỉ huy", "ủy ban mặt trận", "bch", "hđnd", "vp", "đồn", "trạm", "viện",
        // A commune's own units: its officials by field ("Công chức Văn hóa - Xã hội") and its
        // villages ("Các thôn", "Ấp 3", "Tổ dân phố số 2").
        "công chức", "thôn", "ấp", "tổ dân phố", "khu phố",
    ]

    /// Person titles that stand for their unit ("Chủ tịch UBND xã" -> UBND xã).
    static let personTitles: [String] = [
        "thủ trưởng", "chủ tịch", "phó chủ tịch", "giám đốc", "trưởng phòng", "trưởng ban", "người đứng đầu",
    ]

    /// Whether an organ name starts at scalar `offset` (after an optional "các").
    /// Folded first words of the starters: a cheap test before the exact one.
    private static let firstWords: Set<String> = Set(starters.map { Fold.key($0.split(separator: " ")[0]) } + ["cac", "nhung"])

    private static func foldedWord(_ p: Paragraph, at offset: Int) -> String {
        var end = offset
        while end < p.count, end - offset < 12, Fold.isWordByte(p.folded[end]) { end += 1 }
        return String(decoding: p.folded[offset..<end], as: UTF8.self)
    }

    static func startsOrgan(_ p: Paragraph, at offset: Int, requireCapital: Bool = false) -> Bool {
        guard offset < p.count, firstWords.contains(foldedWord(p, at: offset)) else { return false }
        var s = lower(p, offset, 24)
        var plural = false
        var skipped = 0
        if s.hasPrefix("các ") { s.removeFirst(4); plural = true; skipped = 4 } else if s.hasPrefix("những ") { s.removeFirst(6); plural = true; skipped = 6 }
        // "các tổ chức chính trị - xã hội" is a group; "Tổ chức tuyên truyền" is a verb.
        if plural, s.hasPrefix("tổ chức ") { return true }
        for w in starters where s.hasPrefix(w) {
            let rest = s.dropFirst(w.count)
            guard rest.isEmpty || !(rest.first!.isLetter) else { continue }
            // "Công chức Văn hóa - Xã hội" is a commune's office; "công chức không giữ chức vụ"
            // a kind of staff.
            if w == "công chức" {
                let after = offset + skipped + w.unicodeScalars.count + 1
                guard after < p.count, p.scalars[after].properties.isUppercase else { continue }
            }
            if !requireCapital { return true }
            let first = p.scalars[offset]
            if first.properties.isUppercase { return true }
            // "phòng Lao động": a lowercase starter followed by a capitalised name.
            let after = offset + w.unicodeScalars.count + 1
            if after < p.count, p.scalars[after].properties.isUppercase { return true }
        }
        return false
    }

    private static let titleFirstWords: Set<String> = Set(personTitles.map { Fold.key($0.split(separator: " ")[0]) })

    static func startsPersonTitle(_ p: Paragraph, at offset: Int) -> Int? {
        guard offset < p.count, titleFirstWords.contains(foldedWord(p, at: offset)) else { return nil }
        let s = lower(p, offset, 24)
        for w in personTitles where s.hasPrefix(w + " ") { return w.unicodeScalars.count }
        return nil
    }

    private static func lower(_ p: Paragraph, _ offset: Int, _ n: Int) -> String {
        guard offset < p.count else { return "" }
        let end = min(p.count, offset + n)
        return String(String.UnicodeScalarView(p.scalars[offset..<end])).lowercased()
    }
}
