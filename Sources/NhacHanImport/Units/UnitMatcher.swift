/// A unit named in the text: matched to a directory entry, or kept as written.
struct UnitMention: Sendable, Equatable {
    /// Index into the directory's entries; `nil` when unmatched.
    var entry: Int?
    /// The name as written (normalised).
    var text: String
    /// Scalar range in the paragraph.
    var range: Range<Int>
    /// Matched, but words that the directory name lacks follow ("Trung tâm Y tế Quân dân y").
    var approximate: Bool
}

/// Matches unit names against a `UnitDirectory`, longest alias first, diacritic-insensitive.
struct UnitMatcher: Sendable {
    let directory: UnitDirectory?
    private var index: [String: [([String], Int)]] = [:]

    private static let levels: [[String]] = [["huyen"], ["tinh"], ["quan"], ["thanh", "pho"], ["thi", "xa"], ["thi", "tran"],
                                             ["xa"], ["phuong"], ["thuoc", "tinh"], ["thuoc", "huyen"], ["truc", "thuoc"]]
    private static let connectors: Set<String> = ["va", "cung", "voi"]
    private static let generic: [[String]] = [
        ["co", "quan"], ["don", "vi"], ["dia", "phuong"], ["ban", "nganh"], ["phong", "ban"], ["nganh"],
        ["thu", "truong"], ["nhu", "tren"],
    ]

    init(directory: UnitDirectory?) {
        self.directory = directory
        guard let directory else { return }
        for (n, e) in directory.entries.enumerated() {
            var keys: Set<[String]> = []
            for name in [e.name] + e.aliases {
                let base = UnitKey.words(name).map(\.word)
                guard !base.isEmpty else { continue }
                for v in Self.variants(base) { keys.insert(v) }
            }
            for k in keys { index[k[0], default: []].append((k, n)) }
        }
        for k in index.keys { index[k]!.sort { $0.0.count > $1.0.count || ($0.0.count == $1.0.count && $0.1 < $1.1) } }
    }

    /// The key, and the key without a trailing level word ("huyện") and without "Việt Nam".
    private static func variants(_ w: [String]) -> [[String]] {
        var out = [w]
        func dropLevel(_ w: [String]) -> [String]? {
            for l in levels where w.count > l.count + 1 && Array(w.suffix(l.count)) == l {
                let rest = Array(w.dropLast(l.count))
                if levels.contains(where: { rest.count >= $0.count && Array(rest.suffix($0.count)) == $0 }) { return nil }
                // "UBND xã" without its level is any People's Committee.
                if rest.suffix(2) == ["nhan", "dan"] { return nil }
                return rest
            }
            return nil
        }
        func dropVietNam(_ w: [String]) -> [String]? {
            guard let i = w.indices.dropLast().first(where: { w[$0] == "viet" && w[$0 + 1] == "nam" }) else { return nil }
            var r = w; r.removeSubrange(i...(i + 1)); return r.count >= 2 ? r : nil
        }
        if let a = dropLevel(w) { out.append(a); if let b = dropVietNam(a) { out.append(b) } }
        if let b = dropVietNam(w) { out.append(b); if let c = dropLevel(b) { out.append(c) } }
        return out
    }

    /// The longest alias matching at word `i`: (entry, words consumed).
    private func longest(_ w: [KeyWord], at i: Int) -> (Int, Int)? {
        guard let candidates = index[w[i].word] else { return nil }
        for (key, entry) in candidates where i + key.count <= w.count {
            var ok = true
            for k in 1..<max(1, key.count) where w[i + k].word != key[k] { ok = false; break }
            if ok { return (entry, key.count) }
        }
        return nil
    }

    private func levelLength(_ w: [KeyWord], at i: Int) -> Int {
        for l in Self.levels where i + l.count <= w.count && zip(l, w[i...]).allSatisfy({ $0 == $1.word }) {
            return l.count
        }
        return 0
    }

    /// "các cơ quan, đơn vị" says everyone addressed; "các phòng, ban, ngành thuộc UBND huyện",
    /// "các sở, ban, ngành tỉnh" name a group of one organ or level, a recipient of its own.
    private func isGeneric(_ words: ArraySlice<KeyWord>) -> Bool {
        let ws = words.map(\.word)
        guard Self.generic.contains(where: { ws.count >= $0.count && Array(ws.prefix($0.count)) == $0 }) else { return false }
        // A short name only: a long run is a sentence, whatever "thuộc" it holds.
        return !(ws.count <= 10 && ws.contains("thuoc") || ws.count <= 10 && ["huyen", "tinh", "thi xa", "thanh pho"].contains { ws.joined(separator: " ").hasSuffix(" " + $0) })
    }

    /// Splits a list of names ("Phòng GD&ĐT, UBMTTQ và các tổ chức CT-XH huyện") into units.
    func mentions(_ p: Paragraph, _ range: Range<Int>) -> [UnitMention] {
        let w = UnitKey.words(p, range)
        var out: [UnitMention] = []
        var i = 0
        while i < w.count {
            if Self.connectors.contains(w[i].word) { i += 1; continue }
            if let t = OrganWords.startsPersonTitle(p, at: w[i].start) {
                let skipTo = w[i].start + t
                while i < w.count, w[i].start < skipTo { i += 1 }
                continue
            }
            if let (entry, len) = longest(w, at: i) {
                var end = i + len
                var approximate = false
                while end < w.count, !w[end].separatorBefore, !Self.connectors.contains(w[end].word) {
                    let l = levelLength(w, at: end)
                    if l > 0 { end += l; continue }
                    if w[end].capitalized, !OrganWords.startsOrgan(p, at: w[end].start) { end += 1; continue }
                    if OrganWords.startsOrgan(p, at: w[end].start) || longest(w, at: end) != nil { break }
                    approximate = true
                    end += 1
                }
                // "Phòng GD&ĐT các huyện, thị xã, thành phố": an enumeration of levels continues it.
                while end < w.count, case let l = levelLength(w, at: end), l > 0,
                      end + l == w.count || w[end + l].separatorBefore || Self.connectors.contains(w[end + l].word) {
                    end += l
                }
                out.append(UnitMention(entry: entry, text: p.text(w[i].start..<w[end - 1].end),
                                       range: w[i].start..<w[end - 1].end, approximate: approximate))
                i = end
                continue
            }
            var end = i + 1
            while end < w.count {
                let boundary = w[end].separatorBefore || Self.connectors.contains(w[end - 1].word)
                if boundary, !Self.kindInList(w, at: end), OrganWords.startsOrgan(p, at: w[end].start) || longest(w, at: end) != nil
                    || OrganWords.startsPersonTitle(p, at: w[end].start) != nil { break }
                end += 1
            }
            var last = end - 1
            while last > i, Self.connectors.contains(w[last].word) { last -= 1 }
            if !isGeneric(w[i...last]) {
                out.append(UnitMention(entry: nil, text: p.text(w[i].start..<w[last].end),
                                       range: w[i].start..<w[last].end, approximate: false))
            }
            i = end
        }
        return out
    }

    /// "Các phòng, ban, ngành thuộc UBND huyện", "các sở, ban, ngành, đoàn thể tỉnh": a bare kind
    /// word in lower case, between commas, lists kinds of one group rather than naming an organ.
    private static func kindInList(_ w: [KeyWord], at i: Int) -> Bool {
        guard !w[i].capitalized, i + 1 <= w.count else { return false }
        return i + 1 == w.count || w[i + 1].separatorBefore || connectors.contains(w[i + 1].word)
    }

    /// Directory units named anywhere in a range (other words are skipped).
    func matches(_ p: Paragraph, _ range: Range<Int>) -> [UnitMention] {
        let w = UnitKey.words(p, range)
        var out: [UnitMention] = []
        var i = 0
        while i < w.count {
            if let (entry, len) = longest(w, at: i) {
                var end = i + len
                while end < w.count, !w[end].separatorBefore, levelLength(w, at: end) > 0 { end += levelLength(w, at: end) }
                out.append(UnitMention(entry: entry, text: p.text(w[i].start..<w[end - 1].end),
                                       range: w[i].start..<w[end - 1].end, approximate: false))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }
}
