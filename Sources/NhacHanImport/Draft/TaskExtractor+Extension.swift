import NhacHanCore

/// An extension notice states the old limit and then the new one ("thời gian nhận tác phẩm …
/// đến hết ngày 26/9/2021. Tuy nhiên, … gia hạn … như sau: - Thời gian nhận tác phẩm: đến hết
/// ngày 01/10/2021"): the old limit is no longer due.
extension TaskExtractor {
    /// Drops a dated limit when a later sentence says a time was moved and a later limit of the
    /// same work follows the move (their sentences share a pair of words: "nhận tác phẩm"). A
    /// limit written after the move is another step ("… gửi về Phòng trước ngày 20.3"); one in
    /// the sentence of the move is the new time ("điều chỉnh thành trước ngày 28/6 (tức điều
    /// chỉnh lùi 01 tháng …)").
    mutating func dropSuperseded() {
        guard !extensions.isEmpty else { return }
        let dated = found.indices.compactMap { i -> (index: Int, date: CivilDate, at: (Int, Int), line: Int, words: Set<String>)? in
            guard let d = found[i].deadline?.date, let at = found[i].position else { return nil }
            return (i, d, (at.paragraph, at.offset), found[i].lines.from, workWords(at.paragraph, at.sentence))
        }
        var dropped: Set<Int> = []
        for (i, d, _, _, words) in dated {
            let f = found[i]
            guard let dl = f.deadline, [.before, .through, .at].contains(dl.kind), let at = f.position,
                  let move = extensions.first(where: { (at.paragraph, at.sentence.upperBound) <= $0 }) else { continue }
            guard let later = dated.first(where: { !($0.at < move) && d < $0.date && !$0.words.isDisjoint(with: words) }) else { continue }
            dropped.insert(i)
            warnings.append("dòng \(f.lines.from): hạn \"\(dl.phrase)\" đã được gia hạn đến ngày \(later.date.day)/\(later.date.month)/\(later.date.year) (dòng \(later.line)): không tạo hạn")
        }
        found = found.indices.filter { !dropped.contains($0) }.map { found[$0] }
    }

    private static let timeWords: Set<String> = ["thoi", "gian", "han", "den", "het", "ngay", "truoc", "tu", "nam", "thang",
                                                 "la", "cua", "va", "cac", "cuoi", "gio", "vao", "chot", "nhat", "cham"]

    /// The pairs of adjacent words of a sentence that are not about time ("nhan tac", "tac pham").
    private func workWords(_ n: Int, _ sentence: Range<Int>) -> Set<String> {
        let t = Tokenizer.tokens(body.paragraphs[n].folded, in: sentence)
        var pairs: Set<String> = []
        for k in t.indices.dropLast() where t[k].kind == .word && t[k + 1].kind == .word
            && !Self.timeWords.contains(t[k].text) && !Self.timeWords.contains(t[k + 1].text) {
            pairs.insert(t[k].text + " " + t[k + 1].text)
        }
        return pairs
    }
}
